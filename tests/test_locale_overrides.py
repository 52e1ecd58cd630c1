"""A deployment names its program (or changes any text) in one place per locale:
HOTLINE_LOCALE_OVERRIDES, a folder of <lang>/*.ftl files. A broken one stops start-up with
one line naming the file."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Awaitable, Callable
from pathlib import Path

import pytest

from hotline.catalog import Catalog
from hotline.errors import ConfigError
from tests.audio import record_everything
from tests.conftest import (
    AppClient,
    FixedClock,
    call_params,
    make_settings,
    new_call_sid,
    post_signed,
    start_app,
)
from tests.test_sms import sms_params
from tests.twiml import Twiml

SHIPPED = Catalog()
NAMED = ("greeting-welcome", "chat-welcome", "chat-help", "sms-help", "enrol-welcome")
# A campaign's messages may be the first a person gets: each opens with the program's name.
NAMED_NOM = tuple(
    sorted(
        m
        for m in SHIPPED.ids("en")
        if m.startswith("reminder-")
        or m in ("checkin-question", "checkin-call-question", "checkin-voicemail")
    )
)
NOVI_KORAK = """-program = { $case ->
        [gen] programa „Novi korak”
       *[nom] program „Novi korak”
    }
"""


def override(folder: Path, language: str, text: str, name: str = "program.ftl") -> Path:
    path = folder / language / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return folder


def test_one_term_per_locale_renames_the_program_everywhere(tmp_path: Path) -> None:
    folder = tmp_path / "locales"
    for language in SHIPPED.languages:
        override(folder, language, "-program = { $case ->\n [gen] GEN-NAME\n *[nom] NOM-NAME\n}\n")
    renamed = Catalog(overrides=folder)
    for language in SHIPPED.languages:
        for message in NAMED:
            text = renamed.format(language, message)
            assert "GEN-NAME" in text, (language, message)
            assert text != SHIPPED.format(language, message)
        for message in NAMED_NOM:
            assert "NOM-NAME" in renamed.format(language, message), (language, message)
        for message in SHIPPED.ids(language) - {*NAMED, *NAMED_NOM}:
            # The name appears nowhere else, so nothing else changes.
            assert renamed.format(language, message) == SHIPPED.format(language, message)


async def test_a_croatian_deployment_greets_with_its_own_name(
    aiohttp_client: Callable[..., Awaitable[AppClient]], tmp_path: Path, clock: FixedClock
) -> None:
    folder = override(tmp_path / "locales", "hr", NOVI_KORAK)
    override(folder, "en", "-program = Back on Track\n")
    record_everything(tmp_path / "audio", "hr")  # Croatian has no Twilio voice
    settings = make_settings(
        tmp_path,
        f"sqlite:///{tmp_path / 'hotline.sqlite3'}",
        HOTLINE_LANGUAGES="hr,en",
        HOTLINE_AUDIO_DIR=str(tmp_path / "audio"),
        HOTLINE_LOCALE_OVERRIDES=str(folder),
    )
    client = await start_app(aiohttp_client, settings, clock)

    # The English number of the deployment: <Say> (Croatian plays recordings).
    _, voice = await post_signed(client, "/twilio/voice?lang=en", call_params(new_call_sid()))
    assert Twiml.parse(voice).said("the free 24-hour hotline of Back on Track.")

    _, first = await post_signed(client, "/twilio/sms", sms_params("Dobar dan"))
    assert "Dobar dan. Ovo je besplatna linija programa „Novi korak”." in first
    _, helped = await post_signed(client, "/twilio/sms", sms_params("HELP"))
    assert "Linija programa „Novi korak”." in helped


def test_a_misspelt_id_names_the_file_and_the_id(tmp_path: Path) -> None:
    folder = override(tmp_path / "locales", "hr", "-programme = Novi korak\n")
    with pytest.raises(ConfigError) as refused:
        Catalog(overrides=folder)
    assert str(folder / "hr" / "program.ftl") in str(refused.value)
    assert "-programme is not a message or term of the shipped 'hr' locale" in str(refused.value)


def test_a_syntax_error_names_the_file_and_the_line(tmp_path: Path) -> None:
    folder = override(tmp_path / "locales", "cs", "# our name\n-program = { $case ->\n")
    with pytest.raises(ConfigError) as refused:
        Catalog(overrides=folder)
    assert str(refused.value).startswith(f"{folder / 'cs' / 'program.ftl'}, line 2: ")


def test_an_override_that_breaks_a_message_stops_start_up(tmp_path: Path) -> None:
    folder = override(tmp_path / "locales", "sl", "-program = { -our-name }\n")
    with pytest.raises(ConfigError) as refused:
        Catalog(overrides=folder)
    assert "Unknown term: -our-name" in str(refused.value)


def test_a_folder_of_a_language_that_does_not_ship_is_refused(tmp_path: Path) -> None:
    folder = override(tmp_path / "locales", "de", NOVI_KORAK)
    with pytest.raises(ConfigError, match="no shipped locale 'de'"):
        Catalog(overrides=folder)


def test_the_setting_must_name_a_folder(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match=r"HOTLINE_LOCALE_OVERRIDES: .* is not a folder"):
        make_settings(tmp_path, HOTLINE_LOCALE_OVERRIDES=str(tmp_path / "missing"))


def test_flows_check_checks_the_overrides_too(tmp_path: Path) -> None:
    good = override(tmp_path / "good", "hr", NOVI_KORAK)
    bad = override(tmp_path / "bad", "hr", "-program = { $case ->\n")

    def flows_check(folder: Path) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "hotline", "flows", "check", "--overrides", str(folder)],
            capture_output=True,
            text=True,
            check=False,
            cwd=tmp_path,
        )

    passed = flows_check(good)
    assert passed.returncode == 0, passed.stderr
    failed = flows_check(bad)
    assert failed.returncode != 0
    assert str(bad / "hr" / "program.ftl") in failed.stderr
    assert "Traceback" not in failed.stderr
