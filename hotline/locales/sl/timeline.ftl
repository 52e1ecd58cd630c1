# Časovnica primera na nadzorni plošči sodelavcev (hotline/escalation/timeline.py). Berejo jo sodelavci.

timeline-opened = { $kind ->
        [call] Klicatelj je prosil za strokovnjaka.
        [callback] Klicatelj je pustil sporočilo ali prosil za povratni klic.
        [chat] Oseba je v klepetu prosila za strokovnjaka.
        [question] Oseba je pustila vprašanje.
       *[task] Odprta je naloga.
    }
timeline-opened-urgent = Besede krize: nujno.
timeline-rang = Klic: { $staff } (do { $seconds } s).
timeline-alerted = Obvestilo poslano: { $staff } (Telegram).
timeline-alerted-group = Obvestilo poslano skupini sodelavcev (Telegram).
timeline-called-back = Povratni klic prek linije: { $staff }.
timeline-taken = Prevzeto: { $staff }, po { $minutes ->
        [0] { $seconds } s
       *[other] { $minutes } min
    }.
timeline-ended = { $outcome ->
        [answered] Odgovorjeno.
        [unanswered] Nihče se ni oglasil.
        [after-hours] Nihče ni bil dežuren.
        [abandoned] Klicatelj je prekinil, medtem ko smo zvonili.
        [expired] Zaprto: nihče se s tem ni ukvarjal pravočasno.
       *[done] Opravljeno.
    }
timeline-nobody-on-duty = Do { $time } ni nihče dežuren: takrat pride obvestilo.
timeline-next-alert = Nihče še ni prevzel; naslednje obvestilo ob { $time }.
timeline-nobody-took-it = Obveščeni so bili vsi; nihče še ni prevzel.
timeline-nobody-to-alert = Ni koga obvestiti: nihče od sodelavcev ni dosegljiv.
timeline-no-alerts = Ta strežnik ne pošilja obvestil (nima Telegram pulta za sodelavce): tu čaka, dokler ga kdo ne opazi.
