"""`hotline prompts render | script | say | status`: the voice prompts, recorded or synthetic."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from hotline.bootstrap import shipped_flows
from hotline.catalog import Catalog
from hotline.cli.common import SubParsers
from hotline.config import load_settings
from hotline.errors import ConfigError
from hotline.flows.model import Flow


def add_parser(sub: SubParsers) -> None:
    """The commands' arguments."""
    prompts = sub.add_parser("prompts", help="recorded voice prompts").add_subparsers(
        required=True, metavar="ACTION"
    )
    render = prompts.add_parser(
        "render",
        help="render placeholder recordings of every voice prompt (espeak-ng, in-process)",
        description=(
            "Write a synthetic recording of every voice prompt of LANG to "
            "HOTLINE_AUDIO_DIR/LANG/placeholders/, so a language without a Twilio voice can be "
            "offered at once (the server does this itself at start; this renders ahead). Real "
            "recordings in HOTLINE_AUDIO_DIR/LANG/ take precedence."
        ),
    )
    render.add_argument("language", metavar="LANG", nargs="+", help="locale codes, e.g. ka sl")
    render.set_defaults(func=_prompts_render)
    script = prompts.add_parser(
        "script", help="write the recording script of a language for a voice artist (CSV)"
    )
    script.add_argument("language", metavar="LANG", help="a locale code, e.g. ka")
    script.add_argument("--output", "-o", type=Path, help="CSV file (default: standard output)")
    script.set_defaults(func=_prompts_script)
    say = prompts.add_parser(
        "say",
        help="write what a caller would hear as a WAV file, to listen before going live",
        description=(
            "Speak TEXT, or a catalogue message with its arguments, as a caller hears it in "
            "LANG: 8 kHz mono mu-law WAV, the phone line's own sound. Arguments: a number "
            "(3), a date (2027-03-12), a time (14:30) or a phone number (+995322000000, or "
            "tel:2 145 145) are spoken as the locale says them."
        ),
    )
    say.add_argument("language", metavar="LANG", help="a locale code, e.g. ka")
    say.add_argument("text", nargs="?", help="the text to speak (or --message)")
    say.add_argument("--message", "-m", help="a message id of the catalogue, e.g. goodbye")
    say.add_argument(
        "--arg", "-a", action="append", default=[], metavar="NAME=VALUE", help="an argument"
    )
    say.add_argument("--output", "-o", type=Path, required=True, help="the WAV file to write")
    say.set_defaults(func=_prompts_say)
    prompts.add_parser(
        "status",
        help="per language: Twilio voice, recordings, placeholders, texts spoken on demand",
    ).set_defaults(func=_prompts_status)


def _shipped() -> tuple[Catalog, dict[str, Flow]]:
    """The catalogue (with the deployment's overrides) and the shipped flows, each flow's
    messages checked against English."""
    catalog = Catalog(overrides=load_settings().locale_overrides)
    return catalog, shipped_flows(catalog)


def _prompts_render(args: argparse.Namespace) -> int:
    from tqdm import tqdm

    from hotline.prompts.render import render_placeholders
    from hotline.prompts.required import prompts_of_language
    from hotline.prompts.speech import EspeakSynthesizer

    settings = load_settings()
    catalog, flows = _shipped()
    synthesizer = EspeakSynthesizer()
    for language in args.language:
        total = len(prompts_of_language(flows, language))
        with tqdm(total=total, desc=f"render {language}", unit="prompt") as bar:
            report = render_placeholders(
                catalog,
                flows,
                language,
                settings.audio_dir,
                synthesizer,
                progress=lambda done, of, bar=bar: bar.update(done - bar.n),  # type: ignore[misc]
            )
        print(
            f"hotline prompts render {language}: {report.rendered} rendered, "
            f"{report.unchanged} unchanged, {report.removed} removed in {report.seconds:.1f} s "
            f"-> {report.directory}"
        )
    return 0


def _prompts_script(args: argparse.Namespace) -> int:
    from hotline.prompts.script import recording_script, write_csv

    catalog, flows = _shipped()
    if args.language not in catalog.languages:
        raise ConfigError(f"no locale {args.language!r}; available: {', '.join(catalog.languages)}")
    lines = recording_script(catalog, flows, args.language)
    if args.output is None:
        write_csv(lines, sys.stdout)
    else:
        with args.output.open("w", encoding="utf-8", newline="") as out:
            write_csv(lines, out)
        print(f"hotline prompts script {args.language}: {len(lines)} prompts -> {args.output}")
    return 0


def _prompts_say(args: argparse.Namespace) -> int:
    from hotline.cli.say import say
    from hotline.prompts.library import AudioLibrary

    settings = load_settings()
    audio = AudioLibrary(settings.audio_dir)
    print(say(Catalog(), args.language, args.text, args.message, args.arg, args.output, audio))
    return 0


def _prompts_status(args: argparse.Namespace) -> int:
    del args
    from hotline.prompts.library import AudioLibrary
    from hotline.prompts.required import prompts_of_language
    from hotline.prompts.spoken import spoken_stats

    settings = load_settings()
    catalog, flows = _shipped()
    audio = AudioLibrary(settings.audio_dir)
    spoken = spoken_stats(settings.data_dir / "spoken")
    print(f"audio folder: {settings.audio_dir}")
    for language in catalog.languages:
        says = prompts_of_language(flows, language)
        recorded = sum(1 for s in says if audio.find(s, placeholders=False) is not None)
        placeholders = sum(
            1 for s in says if audio.find(s, placeholders=False) is None and audio.find(s)
        )
        rest = len(says) - recorded - placeholders
        voice = catalog.voice(language)
        if voice.say_language:  # Twilio's voice beats a placeholder: those are not used
            print(
                f"  {language}: {len(says)} prompts: {recorded} recorded, "
                f"{len(says) - recorded} spoken by Twilio ({voice.voice})"
            )
        else:
            cache = spoken.get(language)
            on_demand = (
                f"; spoken on demand: {cache.files} cached ({cache.bytes / 1e6:.1f} MB), "
                f"{cache.hits} hits, {cache.renders} renders"
                if cache
                else "; spoken on demand: none yet"
            )
            print(
                f"  {language}: no Twilio voice; {len(says)} prompts: {recorded} recorded, "
                f"{placeholders} placeholders, {rest} missing"
                + (" (the server renders them at start)" if rest else "")
                + on_demand
            )
    print(
        f"texts spoken on demand: {settings.data_dir / 'spoken'} "
        f"(at most {settings.spoken_cache_mb} MB, HOTLINE_SPOKEN_CACHE_MB)"
    )
    return 0
