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


def _import_graph() -> dict[str, set[str]]:
    """module -> the package modules it imports, at the top or inside functions."""
    import ast

    root = Path(newsgraph.__file__).parent

    def name_of(path: Path) -> str:
        parts = list(path.relative_to(root.parent).with_suffix("").parts)
        return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)

    modules = {name_of(p): p for p in root.rglob("*.py")}
    graph = {}
    for name, path in modules.items():
        package = name if path.name == "__init__.py" else name.rpartition(".")[0]
        found = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                found |= {alias.name for alias in node.names}
            elif isinstance(node, ast.ImportFrom):
                base = node.module or ""
                if node.level:
                    up = package.split(".")[:len(package.split(".")) - node.level + 1]
                    base = ".".join(up + ([node.module] if node.module else []))
                found |= {f"{base}.{a.name}" if f"{base}.{a.name}" in modules else base for a in node.names}
        graph[name] = {m for m in found if m in modules and m != name}
    return graph


def _reaches(graph: dict[str, set[str]], start: str) -> set[str]:
    seen, todo = set(), [start]
    while todo:
        for nxt in graph[todo.pop()] - seen:
            seen.add(nxt)
            todo.append(nxt)
    return seen


def test_package_cli_and_read_path_are_in_no_import_cycle():
    graph = _import_graph()
    mine = [m for m in graph if m.startswith(("newsgraph.cli", "newsgraph.store", "newsgraph.web"))
            or m in ("newsgraph.query", "newsgraph.query_records", "newsgraph.export", "newsgraph.terminal",
                     "newsgraph.errors")]
    assert "newsgraph.cli.entities" in mine and "newsgraph.query" in mine
    assert [m for m in mine if m in _reaches(graph, m)] == []
    # The exports read through the query API, never the store's SQL modules.
    assert not {m for m in graph["newsgraph.export"] if m.startswith("newsgraph.store.queries")}
