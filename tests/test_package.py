"""Package hygiene: the public API and the documented commands."""

from __future__ import annotations

import re
from pathlib import Path

import typer.main

import newsgraph
from newsgraph.cli import app

README = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")


def _commands(group, prefix=""):
    for cmd_name, command in typer.main.get_command(group).commands.items():
        sub = getattr(command, "commands", None)
        if sub:
            for name in sub:
                yield f"{prefix}{cmd_name} {name}"
        else:
            yield f"{prefix}{cmd_name}"


def test_package_all_lists_every_public_name():
    public = {name for name in dir(newsgraph) if not name.startswith("_")}
    modules = {name for name in public if type(getattr(newsgraph, name)).__name__ == "module"}
    assert set(newsgraph.__all__) - {"__version__"} == public - modules


def test_package_every_cli_command_is_documented_in_the_readme():
    missing = [c for c in _commands(app) if not re.search(rf"`newsgraph {re.escape(c)}[ `]", README)]
    assert not missing, f"commands not documented in README.md: {missing}"


def test_package_readme_starts_with_the_two_setup_commands():
    first_block = README.split("```sh", 1)[1].split("```", 1)[0]
    assert re.search(r"^make demo\b", first_block, re.M) and re.search(r"^make test\b", first_block, re.M)
    ci = (Path(__file__).resolve().parents[1] / ".ci" / "run").read_text(encoding="utf-8")
    assert "make test" in ci
