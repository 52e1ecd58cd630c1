"""Campaign files: the shipped ones load and check in every locale, a deployment replaces
one without code, and a broken file is refused with every problem naming file and step."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from hotline.catalog import FALLBACK_LANGUAGE, Catalog
from hotline.channels.sms_encoding import measure
from hotline.cli import main
from hotline.config import load_settings
from hotline.errors import CampaignError, ConfigError
from hotline.flows import actions as act
from hotline.flows import engine
from hotline.flows.events import CallStarted, DigitsReceived
from hotline.flows.loader import load_builtin_flows
from hotline.reminders.check import check
from hotline.reminders.loader import SHIPPED_DIR, campaign_files, load_campaign, load_campaigns
from tests.conftest import FixedClock
from tests.test_texts import revealing_words

CATALOG = Catalog()
FLOWS = load_builtin_flows(known_message=lambda m: CATALOG.has(FALLBACK_LANGUAGE, m))
GOOD = """\
campaign: short
description: A short one.
defaults:
  time: "10:00"
  channels: [telegram, sms]
steps:
  - {id: before, offset: -1 month, to: [participant, family], message: reminder-ahead-intro}
  - {id: task, offset: -1 month, to: specialist-task, message: task-plan-meeting}
  - {id: day-1, offset: +1 day, to: participant, flow: checkin}
  - {id: end, offset: +2 months, to: participant, message: reminder-program-end, last: true}
"""


def write(folder: Path, text: str, name: str = "short") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{name}.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_the_shipped_campaigns_load_and_check_in_every_locale() -> None:
    campaigns = load_campaigns()
    assert set(campaigns) == {"georgia-two-year", "aftercare", "family"}
    assert check(campaign_files(), FLOWS, CATALOG) == []
    # Georgia: three months before to two years after, ended by its last step.
    georgia = campaigns["georgia-two-year"]
    assert [s.id for s in georgia.steps if s.last] == ["program-end"]
    aftercare = campaigns["aftercare"]
    assert sum(1 for s in aftercare.steps if s.id.startswith("week-")) == 12


def test_a_good_file_loads_with_its_defaults(tmp_path: Path) -> None:
    campaign = load_campaign(write(tmp_path, GOOD))
    before = campaign.step("before")
    assert (str(before.offset), before.at.isoformat(), before.channels) == (
        "-1 month",
        "10:00:00",
        ("telegram", "sms"),
    )
    assert campaign.step("task").channels == ()  # a task goes to the desk
    assert str(campaign.step("day-1").window) == "09:00-20:00"
    assert check({"short": tmp_path / "short.yaml"}, FLOWS, CATALOG) == []


def test_the_version_changes_with_what_the_steps_do_not_with_comments(tmp_path: Path) -> None:
    first = load_campaign(write(tmp_path, GOOD)).version
    assert load_campaign(write(tmp_path, "# a note\n" + GOOD)).version == first
    described = GOOD.replace("A short one.", "Another description.")
    assert load_campaign(write(tmp_path, described)).version == first
    later = GOOD.replace('time: "10:00"', 'time: "10:30"')
    assert load_campaign(write(tmp_path, later)).version != first


@pytest.mark.parametrize(
    ("change", "step", "complaint"),
    [
        (("offset: +1 day", "offset: 1 day"), "day-1", "offset: '1 day': say + (after"),
        (("offset: +1 day", "offset: +1 dya"), "day-1", "is not an offset"),
        (("to: participant, flow", "to: parolee, flow"), "day-1", "'to': 'parolee' is not one"),
        (("to: participant, flow", "to: [], flow"), "day-1", "'to' lists who the step reaches"),
        (("flow: checkin", "flow: checkin, message: checkin-fine"), "day-1", "either a 'flow'"),
        (("[telegram, sms]", "[telegram, pigeon]"), "before", "'pigeon' is not one of"),
        (("[telegram, sms]", "[sms, sms]"), "before", "'channels' names 'sms' twice"),
        (
            ("to: specialist-task,", "to: [specialist-task, family],"),
            "task",
            "a specialist's task is a step of its own",
        ),
        (("message: task-plan-meeting", "flow: checkin"), "task",
         "names a 'message' (what the task says), not a flow"),
        (("id: day-1, offset: +1 day", "id: day-1, time: '21:00', offset: +1 day"), "day-1",
         "time 21:00 is outside the waking hours 09:00-20:00"),
        (("id: day-1, offset: +1 day", "id: day-1, window: '20:00-08:00', offset: +1 day"),
         "day-1", "end before they start"),
        (("id: day-1, offset: +1 day", "id: day-1, time: '9am', offset: +1 day"), "day-1",
         "is not a time of day"),
        (("id: day-1, offset: +1 day", "id: day-1, when: soon, offset: +1 day"), "day-1",
         "unknown keys: when"),
        (("id: task,", "id: before,"), "before", "another step has this id"),
        (("offset: +1 day", "offset: +61 days"), "day-1",
         "comes after 'end', which ends the program (e.g. for a release on 2027-01-01)"),
        (("id: day-1, offset: +1 day", "id: day-1, last: true, offset: +1 day"), "end",
         "only one step ends the program; 'day-1' already does"),
        (("last: true", "last: yes please"), "end", "'last' must be true or false"),
    ],
)  # fmt: skip
def test_a_broken_campaign_is_refused_naming_file_and_step(
    tmp_path: Path, change: tuple[str, str], step: str, complaint: str
) -> None:
    assert change[0] in GOOD
    path = write(tmp_path, GOOD.replace(*change))
    with pytest.raises(CampaignError) as error:
        load_campaign(path)
    assert f"{path}: step {step!r}: " in str(error.value)
    assert complaint in str(error.value)


@pytest.mark.parametrize(
    ("text", "complaint"),
    [
        ("campaign: [unclosed", "cannot read the campaign"),
        ("- just a list", "a campaign file is a mapping"),
        (GOOD.replace("campaign: short", "campaign: long"), "'campaign' must be the file's name"),
        (GOOD.replace("steps:", "stages:"), "unknown top-level keys: stages"),
        (GOOD.replace("  time:", "  hour:"), "unknown keys in 'defaults': hour"),
    ],
)
def test_a_broken_file_names_the_file(tmp_path: Path, text: str, complaint: str) -> None:
    path = write(tmp_path, text)
    with pytest.raises(CampaignError) as error:
        load_campaign(path)
    assert str(error.value).startswith(f"{path}: ")
    assert complaint in str(error.value)


def test_every_problem_of_a_file_is_listed_at_once(tmp_path: Path) -> None:
    path = write(tmp_path, GOOD.replace("+1 day", "+1 dya").replace("[telegram, sms]", "[fax]"))
    with pytest.raises(CampaignError) as error:
        load_campaign(path)
    lines = str(error.value).splitlines()
    assert any("step 'day-1'" in line and "not an offset" in line for line in lines)
    assert any("step 'before'" in line and "'fax'" in line for line in lines)


def test_check_names_a_dangling_flow_and_a_message_missing_in_a_locale(tmp_path: Path) -> None:
    locales = tmp_path / "locales"
    shutil.copytree(CATALOG.directory, locales)
    ftl = locales / "sl" / "reminders.ftl"
    ftl.write_text(
        "\n".join(
            line for line in ftl.read_text(encoding="utf-8").splitlines()
            if not line.startswith("reminder-program-end")
        ),
        encoding="utf-8",
    )  # fmt: skip
    path = write(tmp_path / "campaigns", GOOD.replace("flow: checkin", "flow: check-in"))
    problems = check({"short": path}, FLOWS, Catalog(locales))
    assert f"{path}: step 'day-1': flow 'check-in' is not a flow; the flows are " in problems[0]
    assert problems[1] == (
        f"{path}: step 'end': message 'reminder-program-end' is missing in {locales / 'sl'}"
    )


def test_a_deployment_file_replaces_the_shipped_one_of_its_name(tmp_path: Path) -> None:
    ours = tmp_path / "campaigns"
    write(ours, GOOD.replace("campaign: short", "campaign: aftercare"), "aftercare")
    write(ours, GOOD)
    campaigns = load_campaigns(deployment=ours)
    assert set(campaigns) == {"georgia-two-year", "aftercare", "family", "short"}
    assert campaigns["aftercare"].source == ours / "aftercare.yaml"
    assert campaigns["georgia-two-year"].source == SHIPPED_DIR / "georgia-two-year.yaml"
    with pytest.raises(CampaignError, match="the folder of campaigns does not exist"):
        load_campaigns(deployment=tmp_path / "nowhere")


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "hotline", *args],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def test_campaigns_check_passes_on_the_shipped_campaigns_and_fails_on_a_broken_one(
    tmp_path: Path,
) -> None:
    result = run("campaigns", "check")
    assert result.returncode == 0, result.stderr
    assert "aftercare, family, georgia-two-year valid in cs, en, hr, ka, ru, sl" in result.stdout

    path = write(tmp_path, GOOD.replace("+2 months", "+2 moons"))
    result = run("campaigns", "check", "--dir", str(tmp_path))
    assert result.returncode == 1
    assert f"{path}: step 'end': offset: '+2 moons' is not an offset" in result.stderr
    assert "Traceback" not in result.stderr


def test_flows_check_counts_the_messages_of_a_deployments_campaigns(tmp_path: Path) -> None:
    """A deployment's campaign replacing a shipped one leaves no shipped message unused, and a
    message it names is required in every locale like any other."""
    renamed = GOOD.replace("campaign: short", "campaign: georgia-two-year")
    write(
        tmp_path, renamed.replace("reminder-program-end", "reminder-farewell"), "georgia-two-year"
    )
    result = run("flows", "check", "--campaigns", str(tmp_path))
    assert result.returncode == 1
    problems = result.stderr.splitlines()[:-1]
    assert len(problems) == len(CATALOG.languages)
    assert all(
        "message 'reminder-farewell' is missing (used by "
        f"{tmp_path / 'georgia-two-year.yaml'}: step 'end')" in line
        for line in problems
    ), problems


def test_campaigns_show_prints_the_plan_in_local_time(capsys: pytest.CaptureFixture[str]) -> None:
    code = main(
        ["campaigns", "show", "georgia-two-year", "--release", "2027-03-31", "--tz",
         "Asia/Tbilisi", "--channels", "sms,voice", "--family", "0"]
    )  # fmt: skip
    out = capsys.readouterr().out
    assert code == 0
    lines = out.splitlines()
    assert lines[0].startswith("georgia-two-year (version ")
    row = next(line for line in lines if " ahead-1-month " in line)
    assert row.split()[:4] == ["Sun", "2027-02-28", "11:00", "+04"]
    assert "sms, voice" in row
    task = next(line for line in lines if " plan-meeting " in line)
    assert "specialist (task)" in task
    assert task.endswith("staff desk")
    assert lines[-1].split()[1:2] == ["2029-03-31"]
    assert " program-end " in lines[-1]
    assert "family-1" not in out


def test_campaigns_show_refuses_an_unknown_campaign_or_zone(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["campaigns", "show", "nope", "--release", "2027-03-01", "--tz", "UTC"]) == 1
    assert "no campaign 'nope'; the campaigns are aftercare, family" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        main(["campaigns", "show", "family", "--release", "2027-03-01", "--tz", "Mars/Base"])
    assert "'Mars/Base' is not an IANA time zone" in capsys.readouterr().err


def campaign_texts() -> list[str]:
    return sorted(
        {
            s.message
            for c in load_campaigns().values()
            for s in c.steps
            if s.message and not s.is_task
        }
        | {m for m in CATALOG.ids("en") if m.startswith("checkin-")}
    )


@pytest.mark.parametrize("language", CATALOG.languages)
def test_campaign_texts_reveal_nothing_to_whoever_sees_the_phone_first(language: str) -> None:
    for message in campaign_texts():
        text = CATALOG.format(language, message)
        assert revealing_words(language, text) == [], (message, text)
        for option in CATALOG.attributes(language, message):
            label = CATALOG.format_attribute(language, message, option) or ""
            assert revealing_words(language, label) == [], (message, option)


@pytest.mark.parametrize("language", CATALOG.languages)
def test_a_campaign_message_fits_three_sms_segments_and_names_the_program(language: str) -> None:
    program = CATALOG.format(language, "reminder-program-end").split(".")[0]
    for message in campaign_texts():
        if not message.startswith("reminder-"):
            continue
        text = CATALOG.format(language, message)
        assert measure(text).segments <= 3, (message, measure(text))
        assert text.startswith(program), (message, text)  # the same greeting and name


ANSWERS = {
    "1": "checkin-fine",
    "2": "checkin-talk",
    "3": "checkin-help-now",
    "4": "checkin-stopped",
}


@pytest.mark.parametrize(("key", "answer"), ANSWERS.items())
def test_each_check_in_answer_ends_with_what_the_person_is_told(key: str, answer: str) -> None:
    flow = FLOWS["checkin"]
    languages = engine.Languages(default="ru", offered=("ru",))
    now = FixedClock()()
    asked = engine.start(flow, CallStarted(language="ru"), languages=languages, now=now)
    menu = [a for a in asked.actions if isinstance(a, act.Gather)]
    assert [p.message for p in menu[0].prompts] == ["checkin-question"]
    assert set(menu[0].options) == {"1", "2", "3", "4"}
    step = engine.advance(
        flow,
        asked.state,
        DigitsReceived(key),
        languages=languages,
        now=now,
        staffing=engine.REACHABLE,
    )
    said = [a.message for a in step.actions if isinstance(a, act.Say)]
    if key == "3":  # help now: told, then put through to whoever is on duty
        assert said[0] == answer
        assert isinstance(step.actions[-1], act.Escalate)
    else:
        assert said == [answer]
        assert isinstance(step.actions[-1], act.Hangup)


def test_a_deployment_names_its_campaign_folder_in_the_settings(tmp_path: Path) -> None:
    env = {"HOTLINE_DATA_DIR": str(tmp_path / "data")}
    assert load_settings(env, env_file=None).campaigns_dir is None
    ours = tmp_path / "campaigns"
    ours.mkdir()
    settings = load_settings({**env, "HOTLINE_CAMPAIGNS_DIR": str(ours)}, env_file=None)
    assert settings.campaigns_dir == ours
    with pytest.raises(ConfigError, match=r"HOTLINE_CAMPAIGNS_DIR: .* is not a folder; give one"):
        load_settings({**env, "HOTLINE_CAMPAIGNS_DIR": str(tmp_path / "nowhere")}, env_file=None)
