"""`hotline chat` as a flow author runs it: the family flow by Telegram and by SMS, scripted
or typed, in-process and against a running server, and each mistake said in one line."""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from hotline.catalog import Catalog
from hotline.channels.sms_encoding import measure
from hotline.routes import HEALTH_PATH
from tests import test_call_cli
from tests.test_call_cli import Run, hotline, in_order

cli = test_call_cli.cli  # in-process, local mode, HOTLINE_LANGUAGES=en,ru

CATALOG = Catalog()
SENDER = "+447700900123"
_BILLED = re.compile(r"^ +\[(\d+) segments?, (GSM-7|UCS-2)\]$")


def say(language: str, message: str) -> str:
    return CATALOG.format(language, message).strip()


def option(language: str, message: str, key: str) -> str:
    return str(CATALOG.format_attribute(language, message, f"option-{key}"))


def sms_answers(out: str) -> list[tuple[str, int, str]]:
    """Each SMS shown: its text (as the phone shows it), and the segments and encoding shown."""
    answers, lines = [], []
    for line in out.splitlines():
        if line.startswith("  hotline: "):
            lines = [line.removeprefix("  hotline: ")]
            continue
        billed = _BILLED.match(line)
        if billed:
            answers.append(("\n".join(lines).strip(), int(billed[1]), billed[2]))
        elif line.startswith(" " * 11):
            lines.append(line[11:])
        elif line == "":
            lines.append("")
    return answers


def one_error_line(err: str) -> str:
    """stderr holds one line, no traceback."""
    assert len(err.strip().splitlines()) == 1, err
    assert "Traceback" not in err
    return err.strip()


# Telegram ---------------------------------------------------------------------------------


def test_telegram_script_reads_the_about_page_by_button_numbers(cli: Run) -> None:
    code, out, err = cli("chat", "--language", "en", "--send", "5,1,10")
    assert code == 0, err
    in_order(
        out,
        "  you: /start",
        "  hotline: " + say("en", "chat-welcome"),
        say("en", "chat-emergency"),
        say("en", "chat-menu"),
        f"[5] {option('en', 'chat-menu', '5')}",
        f"[10] {option('en', 'chat-menu', '0')}",
        f"  you press [5] {option('en', 'chat-menu', '5')}",
        say("en", "about-intro"),
        say("en", "chat-more"),
        f"[1] {option('en', 'chat-more', '1')}",
        f"  you press [1] {option('en', 'chat-more', '1')}",
        say("en", "chat-menu"),
        f"  you press [10] {option('en', 'chat-menu', '0')}",
        "chat ended: 4 sent, 4 received",
    )
    assert "Choose your language" not in out  # the app's language is offered: no menu
    assert "Telegram user id" not in out  # the /whoami that closes each reply is not shown


def test_telegram_without_a_language_asks_and_a_button_is_pressed_by_its_text(cli: Run) -> None:
    code, out, err = cli("chat", "--send", "русский,8")
    assert code == 0, err
    in_order(
        out,
        say("en", "chat-language"),
        "[1] English",
        "[2] Русский",
        "  you press [2] Русский",
        say("ru", "chat-menu"),
        f"[8] {option('ru', 'chat-menu', '8')}",
        f"  you press [8] {option('ru', 'chat-menu', '8')}",
        say("ru", "chat-services-region"),
        "[1] ",  # the directory's regions, as buttons
        "chat ended: 3 sent, 3 received",
    )


def test_telegram_words_where_buttons_are_shown_are_written(cli: Run) -> None:
    code, out, err = cli("chat", "--language", "en", "--send", "7,My son is released in May")
    assert code == 0, err
    in_order(
        out,
        f"  you press [7] {option('en', 'chat-menu', '7')}",
        "  you: My son is released in May",
        "chat ended: 3 sent",
    )


def test_a_button_number_not_shown_is_one_line_and_exit_2(cli: Run) -> None:
    code, out, err = cli("chat", "--send", "9")
    assert code == 2
    assert one_error_line(err) == "hotline: there is no button 9: the buttons shown are 1 to 2"
    assert "[2] Русский" in out  # the language menu was shown first


# SMS --------------------------------------------------------------------------------------


def test_sms_script_shows_each_message_with_its_segments_and_encoding(cli: Run) -> None:
    code, out, err = cli("chat", "--sms", "--from", SENDER, "--send", "Hello,2,RU,2,STOP")
    assert code == 0, err
    in_order(
        out,
        "  you: Hello",
        "  hotline: " + say("en", "chat-welcome"),
        f"2 - {option('en', 'chat-menu', '2')}",
        "  you: 2",
        say("en", "family-after-release"),
        "  you: RU",
        say("en", "chat-language"),
        "2 - Русский",
        "  you: 2",
        say("ru", "chat-menu"),
        "  you: STOP",
        say("ru", "sms-stopped"),
    )
    answers = sms_answers(out)
    assert answers, out
    for text, segments, encoding in answers:  # what is shown is what the phone company counts
        size = measure(text)
        assert (segments, encoding) == (size.segments, size.encoding), text
    assert answers[0][2] == "GSM-7"  # English fits the 7-bit alphabet
    stopped = say("ru", "sms-stopped")  # Cyrillic does not: 70 letters in one, else 67 a part
    assert answers[-1] == (stopped, 1 if len(stopped) <= 70 else -(-len(stopped) // 67), "UCS-2")
    total = sum(segments for _, segments, _ in answers)
    assert f"chat ended: 5 sent, {len(answers)} received ({total} segments)" in out
    stored = b"".join(p.read_bytes() for p in Path("data").glob("hotline.sqlite3*"))
    assert SENDER.encode() not in stored  # the number is a pseudonym in the database


def test_sms_with_a_language_is_refused(cli: Run) -> None:
    code, out, err = cli("chat", "--sms", "--language", "ru", "--send", "1")
    assert code == 2
    assert one_error_line(err).startswith("hotline: --language is for Telegram")
    assert out == ""


# Typed, and bad input ---------------------------------------------------------------------


def test_typed_lines_go_until_quit(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "hotline", "chat", "--sms"],
        input="Hello\n\n5\n/quit\nnever sent\n",
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env={
            **{k: v for k, v in os.environ.items() if not k.startswith("HOTLINE_")},
            "HOTLINE_LANGUAGES": "en,ru",  # both have Twilio voices: nothing to render
        },
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    in_order(result.stdout, "  you: Hello", "  you: 5", say("en", "about-intro"))
    assert "never sent" not in result.stdout
    assert "chat ended: 2 sent" in result.stdout


def test_bad_entries_and_a_dead_address_are_one_line_and_exit_2(cli: Run) -> None:
    code, _, err = cli("chat", "--send", "1,,2")
    assert (code, one_error_line(err)) == (
        2,
        "hotline: --send: entry 2 is empty; give entries between commas, e.g. 1,2,/help",
    )
    code, _, err = cli("chat", "--sms", "--from", "twelve", "--send", "1")
    assert code == 2
    assert one_error_line(err).startswith("hotline: --from: give the phone number in full")
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        dead = f"http://127.0.0.1:{sock.getsockname()[1]}"
    code, _, err = cli("chat", "--url", dead, "--sms", "--send", "1")
    assert code == 2
    assert one_error_line(err).startswith(f"hotline: nothing answers at {dead}")


# Against a running server -----------------------------------------------------------------


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _wait_for_health(url: str, timeout_s: float = 60.0) -> None:
    """Until the server answers its health check (bounded)."""
    deadline = time.monotonic() + timeout_s
    while True:
        try:
            with urllib.request.urlopen(f"{url}{HEALTH_PATH}", timeout=5) as resp:  # noqa: S310
                if resp.status == 200:
                    return
        except OSError:
            pass
        assert time.monotonic() < deadline, f"{url} did not answer within {timeout_s:g} s"
        time.sleep(0.1)


def test_chat_against_a_running_server_by_telegram_and_sms(tmp_path: Path) -> None:
    port, bot_api = _free_port(), _free_port()
    env = {
        "HOTLINE_MODE": "local",
        "HOTLINE_PUBLIC_URL": f"http://127.0.0.1:{port}",
        "HOTLINE_LANGUAGES": "en,ru",
        "HOTLINE_TELEGRAM_TOKEN": "7000000001:server-token-for-the-chat-test",
        "HOTLINE_TELEGRAM_WEBHOOK_SECRET": "chat-test-secret",
        "HOTLINE_TELEGRAM_API_URL": f"http://127.0.0.1:{bot_api}",
    }
    clean = {k: v for k, v in os.environ.items() if not k.startswith("HOTLINE_")}
    server = subprocess.Popen(
        [sys.executable, "-m", "hotline", "serve", "--port", str(port)],
        cwd=tmp_path,
        env={**clean, **env},
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        _wait_for_health(url)
        sms = hotline("chat", "--url", url, "--sms", "--send", "Hello", cwd=tmp_path, **env)
        assert sms.returncode == 0, sms.stderr
        assert "[3 segments, GSM-7]" in sms.stdout
        telegram = hotline(
            "chat", "--url", url, "--language", "en", "--send", "5", cwd=tmp_path, **env
        )
        assert telegram.returncode == 0, telegram.stderr
        in_order(
            telegram.stdout,
            say("en", "chat-menu"),
            f"  you press [5] {option('en', 'chat-menu', '5')}",
            say("en", "about-intro"),
            "chat ended: 2 sent, 2 received",
        )
        wrong = {**env, "HOTLINE_TELEGRAM_WEBHOOK_SECRET": "not-the-secret"}
        refused = hotline("chat", "--url", url, "--send", "1", cwd=tmp_path, **wrong)
        assert refused.returncode == 2
        assert one_error_line(refused.stderr) == (
            f"hotline: {url} refused the webhook secret (403): give "
            "HOTLINE_TELEGRAM_WEBHOOK_SECRET the server's value"
        )
        unsigned = hotline(
            "chat", "--url", url, "--sms", "--public-url", "https://elsewhere.example",
            "--send", "1", cwd=tmp_path, **env,
        )  # fmt: skip
        assert unsigned.returncode == 2
        assert "refused the SMS's signature (403)" in one_error_line(unsigned.stderr)
    finally:
        server.terminate()
        log = server.communicate(timeout=30)[0]
    assert "Your Telegram user id" not in log  # the server logs no message text
