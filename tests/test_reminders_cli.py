"""`hotline reminders upcoming | history` as a specialist runs them, on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from tests import test_participants_cli
from tests.test_participants_cli import PHONE, RELATIVE_PHONE
from tests.test_staff_cli import Run

hotline = test_participants_cli.hotline


def enrol(run: Run, release: date) -> None:
    code, _, err = run(
        "participants", "add", "zg-7", "--program", "georgia-two-year",
        "--release", release.isoformat(), "--timezone", "Europe/Zagreb", "--language", "hr",
        "--specialist", "ana", "--channel", "sms", "--phone", PHONE, "--consent", "sms",
        "--family", f"name=Marija,channel=sms,phone={RELATIVE_PHONE},consent=sms,language=hr",
    )  # fmt: skip
    assert code == 0, err


def test_upcoming_shows_the_whole_plan_in_local_time_without_contacts(hotline: Run) -> None:
    release = datetime.now(UTC).date() + timedelta(days=80)
    enrol(hotline, release)
    code, out, err = hotline("reminders", "upcoming", "--case", "ZG-7")
    assert code == 0, err
    assert "times are the recipient's own" in out
    # Two months before release, at 11:00 in Zagreb (CET or CEST), to her and to Marija.
    assert "11:00 CE" in out
    assert "ahead-2-months" in out
    assert "family Marija" in out
    # Two years on, the program ends itself with a last message.
    assert "program-end" in out
    assert PHONE not in out
    assert RELATIVE_PHONE not in out
    # Enrolled after the three-month date: that information and the task come now, the
    # two-month information at its own date.
    code, out, _ = hotline("reminders", "upcoming", "--days", "7")
    assert code == 0
    assert steps(out) == {"ahead-3-months", "family-3-months", "plan-meeting"}


def steps(out: str) -> set[str]:
    """The steps of ZG-7's lines in a table printed by `reminders upcoming` or `history`."""
    found = set()
    for line in out.splitlines():
        words = line.split()
        if "ZG-7" in words:
            found.add(words[words.index("ZG-7") + 1])
        elif len(words) > 4 and words[0][:3].isalpha() and words[1][:2].isdigit():
            found.add(words[4])  # history: weekday, date, time, zone, step
    return found


def test_history_lists_every_message_and_a_bad_case_is_a_clear_error(hotline: Run) -> None:
    enrol(hotline, datetime.now(UTC).date() + timedelta(days=80))
    code, out, err = hotline("reminders", "history", "zg-7")
    assert code == 0, err
    assert out.startswith("ZG-7: ")
    assert "planned" in out
    assert PHONE not in out
    code, _, err = hotline("reminders", "history", "NOBODY-1")
    assert code == 2
    assert "NOBODY-1: case: no participant has this case code" in err


def test_enrolled_late_the_latest_information_comes_now_and_history_says_what_was_missed(
    hotline: Run,
) -> None:
    enrol(hotline, datetime.now(UTC).date() + timedelta(days=40))
    code, out, err = hotline("reminders", "upcoming", "--days", "1")
    assert code == 0, err
    # The two-month information (to her and to Marija) and the meeting's task come today.
    assert steps(out) == {"ahead-2-months", "family-2-months", "plan-meeting"}
    code, out, err = hotline("reminders", "history", "zg-7")
    assert code == 0, err
    skipped = [line for line in out.splitlines() if "enrolled after this step's date" in line]
    assert steps("\n".join(skipped)) == {"ahead-3-months", "family-3-months"}
    assert all(" skipped " in line for line in skipped)
