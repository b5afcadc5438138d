"""Every command and option of `kronika`, walked from the app itself: each is in the README's command reference,
and the commands agree with each other (the same option means the same everywhere, every command has
-f/--format, listings have --limit, filters repeat, readers take `-`, one error style). A new command or option
that breaks the habit fails here, with its name."""

from __future__ import annotations

import importlib.util
import re
import sys
from collections import defaultdict
from pathlib import Path

import pytest
from cli_run import kronika

ROOT = Path(__file__).resolve().parents[2]
_spec = importlib.util.spec_from_file_location("cli_reference", ROOT / "tools" / "cli_reference.py")
reference = importlib.util.module_from_spec(_spec)
sys.modules["cli_reference"] = reference
_spec.loader.exec_module(reference)

COMMANDS = list(reference.walk())
PATHS = [path for path, _ in COMMANDS]
GROUPS = {path for path, command in COMMANDS if getattr(command, "commands", None)}
LEAVES = [(path, command) for path, command in COMMANDS if path not in GROUPS or command.invoke_without_command]

# the exceptions to each habit, each with its reason; a command not named here follows the habit
NO_FORMAT = {
    "kronika serve": "a server: it runs until stopped and prints only where it listens",
    "kronika watch": "a poller: it runs until stopped; its output is progress, each item's outcome",
}
NO_DB = {
    "kronika extract": "extraction alone: no ledger",
    "kronika geocode": "the gazetteer alone: no ledger",
}
NO_LIMIT = {  # commands with a listing format (jsonl, csv) that list nothing cut-able
    "kronika demo": "builds and prints the whole sample ledger",
    "kronika stats": "one object of counts",
}
READERS = {  # the inputs every reader takes `-` (standard input) for: argument or option name
    "kronika extract": "paths",
    "kronika ingest": "paths",
    "kronika watch": "feeds",
}
NOT_READERS = {
    "kronika reference import": "the record's provenance is its file (path, sha256) and the catalogue beside it",
}
REPEATABLE = ("--type", "--place", "--claimant")
LISTING_FORMATS = {"jsonl", "csv"}


def _section() -> str:
    return reference.readme_section((ROOT / "README.md").read_text(encoding="utf-8"))


def _block(section: str, path: str) -> str:
    """The README's entry for one command: from its heading to the next."""
    head = f"#### `{path}`\n"
    assert head in section, f"`{path}` is not in the README's command reference"
    rest = section[section.index(head) + len(head):]
    return rest.split("\n#### ")[0]


def _formats(command) -> set[str]:
    option = next((o for o in reference.options(command) if reference.long_name(o) == "--format"), None)
    if option is None:
        return set()
    found = re.search(r"Output format: ([\w, ]+) \(default", option.help or "")
    assert found, f"{command.name}: --format's help must list its choices"
    return {f.strip() for f in found.group(1).split(",")}


# ---------------------------------------------------------------------------------------------- documented


def test_the_readme_reference_is_the_one_the_commands_give() -> None:
    section = _section()
    assert section, "README.md has no command reference: run `.venv/bin/python tools/cli_reference.py --write`"
    assert section == reference.render(), (
        "the README's command reference is out of date: run `.venv/bin/python tools/cli_reference.py --write`")


def test_every_command_and_option_is_in_the_reference() -> None:
    section = _section()
    shared, _, _ = section.partition("\n#### ")
    documented = re.findall(r"^#### `(kronika[^`]*)`$", section, flags=re.M)
    assert sorted(documented) == sorted(PATHS), "the reference lists commands that are not there, or misses some"
    for path, command in COMMANDS:
        block = _block(section, path)
        assert command.help and reference.summary(command), f"`{path}` has no help"
        for param in command.params:
            if param.param_type_name == "argument":
                assert f"`{param.name.upper()}`" in block, f"`{path}`: argument {param.name.upper()} undocumented"
                assert getattr(param, "help", None), f"`{path}`: argument {param.name.upper()} has no help"
                continue
            spelt = f"`{reference.spelling(param)}`"
            assert spelt in block, f"`{path}`: option {spelt} is not in its README entry"
            assert param.help, f"`{path}`: option {spelt} has no help"
            if spelt not in block.split("- and ")[0]:  # listed by name only: the shared table explains it
                assert f"| {spelt} |" in shared, f"`{path}`: {spelt} is listed as shared but not explained"


def test_every_command_answers_help() -> None:
    for path in PATHS:
        done = kronika(*path.split()[1:], "--help")
        assert done.code == 0 and "Usage" in done.stdout and not done.stderr, path


# ---------------------------------------------------------------------------------------------- consistent


def test_an_option_means_the_same_in_every_command() -> None:
    by_long: dict[str, list[tuple[str, object]]] = defaultdict(list)
    by_short: dict[str, set[str]] = defaultdict(set)
    for path, command in COMMANDS:
        for option in reference.options(command):
            long = reference.long_name(option)
            assert re.fullmatch(r"--[a-z][a-z0-9-]*", long), f"`{path}`: {long} is not a lowercase-hyphen name"
            by_long[long].append((path, option))
            for short in (o for o in option.opts if not o.startswith("--")):
                by_short[short].add(long)
    for short, longs in by_short.items():
        assert len(longs) == 1, f"{short} stands for {sorted(longs)}: a short option means one thing"
    for long, found in by_long.items():
        first_path, first = found[0]
        for path, option in found[1:]:
            assert sorted(option.opts) == sorted(first.opts), f"{long}: {path} spells it {option.opts}, " \
                f"{first_path} {first.opts}"
            assert (option.is_flag, option.multiple, option.secondary_opts) == (
                first.is_flag, first.multiple, first.secondary_opts), f"{long} takes values differently in {path}"
            if long not in reference.PER_COMMAND:
                assert option.help == first.help, f"{long}: {path} explains it unlike {first_path} (spell it " \
                    "once in cli/_options.py)"


def test_every_command_has_a_format_and_a_ledger_option() -> None:
    for path, command in LEAVES:
        names = {reference.long_name(o) for o in reference.options(command)}
        if path not in NO_FORMAT and path != "kronika":
            assert "--format" in names, f"`{path}` has no -f/--format"
            assert any("-f" in o.opts for o in reference.options(command)), f"`{path}`: --format without -f"
            assert _formats(command), path
        if path not in NO_DB:
            assert "--db" in names, f"`{path}` has no --db"
    for group in GROUPS:  # `kronika stats --db X air`, `kronika reference --db X list`
        assert "--db" in {reference.long_name(o) for o in reference.options(dict(COMMANDS)[group])}, group


def test_listings_take_a_limit_and_filters_repeat() -> None:
    for path, command in LEAVES:
        names = {reference.long_name(o): o for o in reference.options(command)}
        if _formats(command) & LISTING_FORMATS and path not in NO_LIMIT:
            assert "--limit" in names, f"`{path}` lists rows ({', '.join(sorted(_formats(command)))}) but has no " \
                "--limit"
        for name in REPEATABLE:
            if name in names:
                assert names[name].multiple, f"`{path}`: {name} keeps only its last value"


def test_every_reader_takes_standard_input() -> None:
    commands = dict(COMMANDS)
    for path, name in READERS.items():
        param = next(p for p in commands[path].params if p.name == name)
        assert re.search(r"- for (stdin|standard input)", param.help or ""), f"`{path}` {name}: `-` undocumented"
    for path, command in LEAVES:  # a command taking files or folders is a reader, or says why it is not
        for param in command.params:
            reads = param.name in ("path", "paths", "feeds") or "file or folder" in (getattr(param, "help", "") or "")
            if reads and param.name != "output":
                assert path in READERS or path in NOT_READERS, f"`{path}` reads {param.name}: does it take `-`?"


@pytest.mark.parametrize("path", [p for p in PATHS if p != "kronika"])
def test_one_error_style(path: str) -> None:
    done = kronika(*path.split()[1:], "--no-such-option")
    assert done.code == 2 and not done.stdout, (path, done.stderr)
    [line] = done.stderr.splitlines()
    assert line.startswith(f"kronika: {path.removeprefix('kronika ')}: ") and "--no-such-option" in line, line
    assert f"`{path} --help`" in line


def test_the_version() -> None:
    from kronika import __version__

    done = kronika("--version")
    assert done.code == 0 and done.stdout == f"kronika {__version__}\n"
