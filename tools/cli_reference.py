"""The README's command reference, written from the commands themselves (their help texts and options).

    .venv/bin/python tools/cli_reference.py            print it
    .venv/bin/python tools/cli_reference.py --write    replace the README's section between its markers

tests/cli/test_cli_reference.py fails when the README's section differs from what this prints, so a new command
or option is documented in the commit that adds it (and the test holds every command to the same options).
"""

from __future__ import annotations

import sys
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path
from typing import Any

START = "<!-- cli-reference: start (written by tools/cli_reference.py --write; tests/cli checks it) -->"
END = "<!-- cli-reference: end -->"
README = Path(__file__).resolve().parents[1] / "README.md"
PER_COMMAND = {"--format"}  # options whose help differs by command on purpose (each command's own choices)


def app_command() -> Any:
    """The click command behind `kronika`, every sub-command registered."""
    import typer

    from kronika.cli import _register_commands, app

    _register_commands()
    return typer.main.get_command(app)


def walk(command: Any | None = None, path: str = "kronika") -> Iterator[tuple[str, Any]]:
    """(`kronika stats air`, its click command) for the app, each group and each command, in name order."""
    command = command if command is not None else app_command()
    yield path, command
    for name, sub in sorted(getattr(command, "commands", {}).items()):
        yield from walk(sub, f"{path} {name}")


def options(command: Any) -> list[Any]:
    return [p for p in command.params if p.param_type_name == "option" and not p.hidden]


def arguments(command: Any) -> list[Any]:
    return [p for p in command.params if p.param_type_name == "argument"]


def spelling(option: Any) -> str:
    """`-f, --format` or `--contested/--uncontested`."""
    names = sorted(option.opts, key=lambda o: (o.startswith("--"), o))
    text = ", ".join(names)
    if option.secondary_opts:
        text += "/" + "/".join(option.secondary_opts)
    return text


def long_name(option: Any) -> str:
    return next(o for o in option.opts if o.startswith("--"))


def one_line(text: str | None) -> str:
    return " ".join((text or "").split())


def summary(command: Any) -> str:
    """The first paragraph of a command's help."""
    return one_line((command.help or "").split("\n\n")[0])


def shared_options(commands: list[tuple[str, Any]]) -> dict[str, Any]:
    """Options (by long name) that several commands take: documented once, with the same help everywhere."""
    seen: dict[str, list[Any]] = defaultdict(list)
    for _, command in commands:
        for option in options(command):
            seen[long_name(option)].append(option)
    return {name: found[0] for name, found in sorted(seen.items()) if len(found) > 1 and name not in PER_COMMAND}


def usage(path: str, command: Any) -> str:
    args = " ".join(a.name.upper() + ("..." if a.nargs == -1 else "") if a.required else
                    f"[{a.name.upper()}{'...' if a.nargs == -1 else ''}]" for a in arguments(command))
    tail = ""
    if getattr(command, "commands", None):
        tail = " [COMMAND]" if command.invoke_without_command else " COMMAND"
    return " ".join(part for part in (path, "[OPTIONS]", args) if part) + tail


def render() -> str:
    """The command reference as Markdown (what sits between START and END in the README)."""
    commands = list(walk())
    shared = shared_options(commands)
    lines = [
        START,
        "",
        "Options several commands take mean the same everywhere (`--db` also goes before the command, or after a",
        "command group: `kronika --db X stats air` = `kronika stats --db X air` = `kronika stats air --db X`):",
        "",
        "| option | meaning |",
        "|---|---|",
    ]
    lines += [f"| `{spelling(o)}` | {one_line(o.help)} |" for o in shared.values()]
    for path, command in commands:
        lines += ["", f"#### `{path}`", "", f"`{usage(path, command)}`: {summary(command)}", ""]
        for arg in arguments(command):
            lines.append(f"- `{arg.name.upper()}`: {one_line(getattr(arg, 'help', None))}")
        own = [o for o in options(command) if long_name(o) not in shared]
        lines += [f"- `{spelling(o)}`: {one_line(o.help)}" for o in own]
        common = [f"`{spelling(o)}`" for o in options(command) if long_name(o) in shared]
        if common:
            lines.append(f"- and {', '.join(common)}")
    lines += ["", END]
    return "\n".join(lines) + "\n"


def readme_section(text: str) -> str:
    """The README's reference, markers included ('' when the markers are missing)."""
    if START not in text or END not in text:
        return ""
    return text[text.index(START): text.index(END) + len(END)] + "\n"


def main() -> None:
    reference = render()
    if "--write" not in sys.argv[1:]:
        sys.stdout.write(reference)
        return
    text = README.read_text(encoding="utf-8")
    old = readme_section(text)
    if not old:
        raise SystemExit(f"README.md has no {START!r} ... {END!r} markers: add them where the reference goes")
    README.write_text(text.replace(old, reference), encoding="utf-8")
    print(f"README.md: command reference written ({reference.count('#### ')} commands)")


if __name__ == "__main__":
    main()
