"""Benchmark of the phone's audio: start-up render, file size and fetch time, on-demand speech.

What it measures
    1. The start-up render: every placeholder of each language without a Twilio voice (ka,
       sl, hr), rendered in-process as the server does at start on a fresh data folder: the
       time per language, the prompts and how long they play.
    2. File size and fetch time, before and after: the same prompts as the 22 050 Hz 16-bit
       PCM WAV that espeak-ng wrote before (what `hotline prompts render` made until now)
       and as the 8 kHz mono mu-law WAV made now. Fetch time: each file GET from an aiohttp
       server on loopback, as Twilio fetches a <Play> URL, --rounds times; p50 and p99 per file.
       Loopback has no bandwidth limit: on a real link the time scales with the size.
    3. On-demand speech: a two-sentence Georgian prompt with a date and a phone number,
       rendered cold (synthesis, resampling, mu-law, the file written) and then found in the
       cache (a hit), each --rounds times with a new text for each cold render.

How to run
    .venv/bin/python bench/audio.py                  # 20 rounds
    .venv/bin/python bench/audio.py --rounds 50

Every loop is bounded by --rounds; the server listens on 127.0.0.1 only.
"""

from __future__ import annotations

import argparse
import asyncio
import io
import statistics
import tempfile
import time
import wave
from datetime import date
from pathlib import Path

import aiohttp
from aiohttp import web

from hotline.bootstrap import shipped_flows
from hotline.catalog import Catalog
from hotline.flows.actions import PhoneNumber
from hotline.prompts.render import render_placeholders, voice_of
from hotline.prompts.required import prompts_of_language
from hotline.prompts.speech import EspeakSynthesizer, Pcm
from hotline.prompts.spoken import SpokenCache

VOICELESS = ("ka", "sl", "hr")
GEORGIAN = "თქვენი შეხვედრა არის {date}, თერთმეტ საათზე. კითხვებისთვის დარეკეთ ნომერზე {phone}."


def pcm_wav(pcm: Pcm) -> bytes:
    """What espeak-ng's program wrote before: 16-bit PCM at its own rate."""
    out = io.BytesIO()
    with wave.open(out, "wb") as wav:
        wav.setnchannels(1)
        wav.setsampwidth(2)
        wav.setframerate(pcm.rate)
        wav.writeframes(pcm.samples)
    return out.getvalue()


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def start_up_render(catalog: Catalog, folder: Path, synthesizer: EspeakSynthesizer) -> None:
    flows = shipped_flows(catalog)
    print("1. start-up render (a fresh data folder; in-process, one prompt at a time)")
    total = 0.0
    for language in VOICELESS:
        report = render_placeholders(catalog, flows, language, folder, synthesizer)
        total += report.seconds
        print(
            f"   {language}: {report.rendered} prompts in {report.seconds:.2f} s "
            f"({report.seconds / max(report.rendered, 1) * 1000:.0f} ms each), "
            f"{report.audio_seconds:.0f} s of speech, {report.bytes / 1e6:.2f} MB"
        )
    print(f"   all three: {total:.2f} s")


async def fetch_times(files: dict[str, bytes], rounds: int) -> list[float]:
    """Per GET of each file from a loopback server: seconds."""
    app = web.Application()

    async def serve(request: web.Request) -> web.Response:
        return web.Response(body=files[request.match_info["name"]], content_type="audio/wav")

    app.router.add_get("/{name}", serve)
    runner = web.AppRunner(app, access_log=None)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = runner.addresses[0][1]
    times: list[float] = []
    try:
        async with aiohttp.ClientSession() as http:
            for _ in range(rounds):
                for name in files:
                    started = time.perf_counter()
                    async with http.get(f"http://127.0.0.1:{port}/{name}") as resp:
                        await resp.read()
                    times.append(time.perf_counter() - started)
    finally:
        await runner.cleanup()
    return times


def sizes_and_fetches(catalog: Catalog, synthesizer: EspeakSynthesizer, rounds: int) -> None:
    from hotline.prompts.telephone import telephone_wav

    flows = shipped_flows(catalog)
    before: dict[str, bytes] = {}
    after: dict[str, bytes] = {}
    for language in VOICELESS:
        for say in prompts_of_language(flows, language):
            text = catalog.spoken(language, say.message, dict(say.args))
            pcm = synthesizer.speak(text, voice_of(catalog, language))
            name = f"{language}-{say.message}-{len(before)}.wav"
            before[name] = pcm_wav(pcm)
            after[name] = telephone_wav(pcm)
    print("2. file size and fetch time (every placeholder of ka, sl, hr)")
    for label, files in (("before: 22 kHz 16-bit PCM", before), ("after: 8 kHz mu-law", after)):
        sizes = [len(b) for b in files.values()]
        times = asyncio.run(fetch_times(files, rounds))
        print(
            f"   {label}: {len(files)} files, {sum(sizes) / 1e6:.1f} MB in all, "
            f"mean {statistics.mean(sizes) / 1000:.0f} kB; fetch on loopback "
            f"p50 {percentile(times, 0.5) * 1000:.2f} ms, "
            f"p99 {percentile(times, 0.99) * 1000:.2f} ms"
        )
    ratio = sum(len(b) for b in before.values()) / sum(len(b) for b in after.values())
    print(f"   {ratio:.1f} times smaller")


async def on_demand(folder: Path, synthesizer: EspeakSynthesizer, rounds: int) -> None:
    catalog_args = {"date": date(2027, 3, 12), "phone": PhoneNumber("2 145 145")}
    from hotline.arg_forms import spoken

    catalog = Catalog()
    args = spoken("ka", catalog_args, lambda day: catalog.say_date("ka", day))
    cache = SpokenCache(folder, synthesizer, cap_bytes=10**9)
    cold: list[float] = []
    warm: list[float] = []
    text = ""
    for i in range(rounds):
        text = GEORGIAN.format(**args) + " " * i  # a new text each round: a cold render
        started = time.perf_counter()
        found = await cache.get("ka", "ka", text, timeout_s=10)
        cold.append(time.perf_counter() - started)
        assert found is not None
    for _ in range(rounds):
        started = time.perf_counter()
        found = await cache.get("ka", "ka", text, timeout_s=10)
        warm.append(time.perf_counter() - started)
        assert found is not None
    print(f"3. on demand: a two-sentence Georgian prompt ({text.strip()!r})")
    print(
        f"   cold (rendered): p50 {percentile(cold, 0.5) * 1000:.1f} ms, "
        f"p99 {percentile(cold, 0.99) * 1000:.1f} ms, first {cold[0] * 1000:.1f} ms"
    )
    print(
        f"   cached (a hit): p50 {percentile(warm, 0.5) * 1e6:.0f} µs, "
        f"p99 {percentile(warm, 0.99) * 1e6:.0f} µs"
    )


def main() -> None:
    """Run the three measurements; print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=20)
    args = parser.parse_args()
    catalog = Catalog()
    synthesizer = EspeakSynthesizer()
    started = time.perf_counter()
    synthesizer.version  # noqa: B018 - loads the library: counted apart from the renders
    print(f"espeak-ng library loaded in {(time.perf_counter() - started) * 1000:.0f} ms")
    with tempfile.TemporaryDirectory() as folder:
        start_up_render(catalog, Path(folder) / "audio", synthesizer)
        sizes_and_fetches(catalog, synthesizer, args.rounds)
        asyncio.run(on_demand(Path(folder) / "spoken", synthesizer, args.rounds))


if __name__ == "__main__":
    main()
