"""The loader and `hotline flows check` catch broken flows and name the file and the node."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from hotline.catalog import LOCALES_DIR
from hotline.errors import FlowError
from hotline.flows.loader import BUILTIN_DIR, load_flow

GOOD = """\
flow: tiny
start: hello
on_failure: bye
on_silence: bye
messages: {invalid: menu-invalid, no_input: menu-no-input}
nodes:
  hello:
    say: greeting-welcome
    next: menu
  menu:
    menu: main-menu
    options: {"1": bye}
  bye:
    hangup: goodbye
"""


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "tiny.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_a_good_flow_loads(tmp_path: Path) -> None:
    flow = load_flow(write(tmp_path, GOOD), known_message=lambda m: True)
    assert set(flow.nodes) == {"hello", "menu", "bye"}


@pytest.mark.parametrize(
    ("change", "node", "complaint"),
    [
        (("next: menu", "next: nowhere"), "hello", "leads to 'nowhere', which is not a node"),
        (("  bye:\n", "  orphan:\n    hangup: goodbye\n  bye:\n"), "orphan", "cannot be reached"),
        (("say: greeting-welcome", "say: no-such-message"), "hello", "'no-such-message'"),
        (('{"1": bye}', '{"*": bye}'), "menu", "option key '*'"),
        (("    next: menu", "    nxt: menu"), "hello", "unknown keys for a say node: nxt"),
        (
            ("  bye:\n    hangup: goodbye", "  bye:\n    goto: loop\n  loop:\n    goto: bye"),
            "bye",
            "loop that never waits for the caller: bye → loop → bye",
        ),
        (("  bye:\n    hangup: goodbye", "  bye:\n    goto: bye"), "bye", "caller: bye → bye"),
        (("on_silence: bye", "on_silence: menu"), None, "on_silence 'menu' must end the call"),
        (("on_silence: bye", "on_silence: gone"), None, "on_silence names 'gone', which is not"),
    ],
)
def test_a_broken_flow_names_file_and_node(
    tmp_path: Path, change: tuple[str, str], node: str | None, complaint: str
) -> None:
    path = write(tmp_path, GOOD.replace(*change))
    known = {"greeting-welcome", "main-menu", "goodbye", "menu-invalid", "menu-no-input"}
    with pytest.raises(FlowError) as error:
        load_flow(path, known_message=known.__contains__)
    assert (f"{path}: node {node!r}: " if node else f"{path}: ") in str(error.value)
    assert complaint in str(error.value)


def test_yaml_errors_name_the_file(tmp_path: Path) -> None:
    path = write(tmp_path, "flow: [unclosed")
    with pytest.raises(FlowError, match=str(path)):
        load_flow(path)


def run_check(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "hotline", "flows", "check", *args],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def test_flows_check_passes_on_the_shipped_flows() -> None:
    result = run_check()
    assert result.returncode == 0, result.stderr
    assert "every flow is valid" in result.stdout


def test_flows_check_fails_naming_the_file_and_node(tmp_path: Path) -> None:
    flows = tmp_path / "flows"
    shutil.copytree(BUILTIN_DIR, flows)
    broken = flows / "hotline.yaml"
    broken.write_text(
        broken.read_text().replace('"2": services', '"2": services-gone'), encoding="utf-8"
    )
    result = run_check("--flows", str(flows))
    assert result.returncode == 1
    assert f"{broken}: node 'main-menu': leads to 'services-gone'" in result.stderr


def test_flows_check_names_the_locale_missing_a_message(tmp_path: Path) -> None:
    locales = tmp_path / "locales"
    shutil.copytree(LOCALES_DIR, locales)
    target = locales / "en" / "hotline.ftl"
    lines = [ln for ln in target.read_text().splitlines() if not ln.startswith("goodbye =")]
    target.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = run_check("--locales", str(locales))
    assert result.returncode == 1
    assert "message 'goodbye'" in result.stderr
    assert "node 'goodbye'" in result.stderr


def copy_locales(tmp_path: Path) -> Path:
    locales = tmp_path / "locales"
    shutil.copytree(LOCALES_DIR, locales)
    return locales


def test_flows_check_names_an_unused_message(tmp_path: Path) -> None:
    locales = copy_locales(tmp_path)
    with (locales / "cs" / "hotline.ftl").open("a", encoding="utf-8") as ftl:
        ftl.write("\nforgotten-prompt = Tuto zprávu nic nepoužívá.\n")
    result = run_check("--locales", str(locales))
    assert result.returncode == 1
    unused = "is not used by any flow, campaign or code"
    assert f"{locales / 'cs'}: message 'forgotten-prompt' {unused}" in result.stderr


def test_flows_check_names_a_variable_that_differs_from_english(tmp_path: Path) -> None:
    locales = copy_locales(tmp_path)
    target = locales / "ru" / "hotline.ftl"
    text = target.read_text(encoding="utf-8")
    assert "{ $key }" in text
    target.write_text(text.replace("{ $key }", "{ $number }"), encoding="utf-8")
    result = run_check("--locales", str(locales))
    assert result.returncode == 1
    assert (
        f"{locales / 'ru'}: message 'language-option' uses $number where English uses $key "
        "(used by " in result.stderr
    )
    assert "node 'language'" in result.stderr


def test_flows_check_names_a_chat_button_label_missing_in_a_locale(tmp_path: Path) -> None:
    locales = copy_locales(tmp_path)
    target = locales / "sl" / "family.ftl"
    lines = target.read_text(encoding="utf-8").splitlines(keepends=True)
    kept = [line for line in lines if not line.strip().startswith(".option-7")]
    assert len(kept) == len(lines) - 2  # the main menu's and the "anything else" menu's
    target.write_text("".join(kept), encoding="utf-8")
    result = run_check("--locales", str(locales))
    assert result.returncode == 1
    assert (
        f"{locales / 'sl'}: message 'chat-menu' has attributes .option-0, .option-1, .option-2, "
        ".option-3, .option-4, .option-5, .option-6, .option-8, .option-9 where English has "
        "attributes .option-0, .option-1, .option-2, .option-3, .option-4, .option-5, "
        ".option-6, .option-7, .option-8, .option-9" in result.stderr
    )


def copy_flows(tmp_path: Path, *changes: tuple[str, str]) -> Path:
    """The shipped flows in a folder of their own, the voice flow changed."""
    flows = tmp_path / "flows"
    shutil.copytree(BUILTIN_DIR, flows)
    target = flows / "hotline.yaml"
    text = target.read_text(encoding="utf-8")
    for old, new in changes:
        assert old in text, old
        text = text.replace(old, new)
    target.write_text(text, encoding="utf-8")
    return target


def test_flows_check_names_a_loop_that_never_waits(tmp_path: Path) -> None:
    target = copy_flows(
        tmp_path,
        (
            "  about-work:\n    say: about-work\n    next: about-more\n",
            "  about-work:\n    say: about-work\n    next: work-again\n"
            "  work-again:\n    goto: about-work\n",
        ),
    )
    result = run_check("--flows", str(target.parent))
    assert result.returncode == 1
    assert (
        f"{target}: node 'about-work': is on a loop that never waits for the caller: "
        "about-work → work-again → about-work"
    ) in result.stderr


def test_flows_check_refuses_an_on_silence_that_waits(tmp_path: Path) -> None:
    # specialist-unavailable says a line, then asks the callback menu: a caller nobody
    # hears would be asked again, and the call would go on.
    target = copy_flows(
        tmp_path,
        ("on_silence: silent-goodbye", "on_silence: specialist-unavailable"),
        ("  silent-goodbye:\n    hangup: silent-goodbye\n", ""),
    )
    result = run_check("--flows", str(target.parent))
    assert result.returncode == 1
    assert (
        f"{target}: on_silence 'specialist-unavailable' must end the call without waiting, but "
        "specialist-unavailable → leave-word → message-menu waits for the caller"
    ) in result.stderr


def test_flows_check_requires_on_silence(tmp_path: Path) -> None:
    target = copy_flows(
        tmp_path,
        ("on_silence: silent-goodbye\n", ""),
        ("  silent-goodbye:\n    hangup: silent-goodbye\n", ""),
    )
    result = run_check("--flows", str(target.parent))
    assert result.returncode == 1
    assert f"{target}: 'on_silence' must be given as a non-empty text" in result.stderr


def check_in(folder: Path, flows: Path, **env: str) -> subprocess.CompletedProcess[str]:
    """`hotline flows check --flows FLOWS` run in a deployment's folder with its settings."""
    clean = {k: v for k, v in os.environ.items() if not k.startswith("HOTLINE_")}
    return subprocess.run(
        [sys.executable, "-m", "hotline", "flows", "check", "--flows", str(flows)],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
        cwd=folder,
        env={**clean, "PYTHONPATH": str(Path(__file__).parents[1]), **env},
    )


def test_flows_check_warns_of_a_callback_nobody_can_make(tmp_path: Path) -> None:
    """A flow that offers a callback where the deployment cannot place one is valid, but the
    author is told; the shipped flow asks `if: callbacks` first and is not warned of."""
    # Branches swapped: the callback menu exactly where nobody can call back.
    target = copy_flows(
        tmp_path,
        (
            "    then: callback-menu\n    else: message-menu",
            "    then: message-menu\n    else: callback-menu",
        ),
    )
    flows = target.parent
    result = check_in(tmp_path, flows)
    warning = (
        f"warning: {target}: node 'callback' promises a callback, but nobody can call back in "
        "this deployment: set HOTLINE_TWILIO_ACCOUNT_SID and HOTLINE_PHONE_NUMBER"
    )
    assert warning in result.stderr
    can_call = {
        "HOTLINE_MODE": "local",
        "HOTLINE_TWILIO_ACCOUNT_SID": "AC" + "a" * 32,
        "HOTLINE_PHONE_NUMBER": "+995322000000",
    }
    assert "promises" not in check_in(tmp_path, flows, **can_call).stderr
    assert "promises" not in check_in(tmp_path, BUILTIN_DIR).stderr


def test_an_if_node_names_something_a_deployment_can_do(tmp_path: Path) -> None:
    target = copy_flows(tmp_path, ("    if: callbacks\n", "    if: miracles\n"))
    result = run_check("--flows", str(target.parent))
    assert result.returncode == 1
    assert (
        f"{target}: node 'leave-word': 'if' names what a deployment can do: callbacks"
        in result.stderr
    )
