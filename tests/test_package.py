"""Package hygiene: the public API and the documented commands."""

from __future__ import annotations

import re
from pathlib import Path

import typer.main
from paths import REPO

import newsgraph
from newsgraph.cli import app

README = (REPO / "README.md").read_text(encoding="utf-8")


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
    ci = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    assert "make test" in ci


def _module_imports() -> dict[str, set[str]]:
    """Every newsgraph module and the newsgraph modules it imports, imports inside functions included."""
    import ast

    root = Path(newsgraph.__file__).resolve().parent
    names = {}
    for path in root.rglob("*.py"):
        parts = path.relative_to(root.parent).with_suffix("").parts
        is_package = parts[-1] == "__init__"
        names[".".join(parts[:-1] if is_package else parts)] = (path, is_package)
    graph: dict[str, set[str]] = {}
    for module, (path, is_package) in names.items():
        package = module if is_package else module.rpartition(".")[0]
        targets = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                targets |= {alias.name for alias in node.names}
            elif isinstance(node, ast.ImportFrom):
                base = node.module or ""
                if node.level:
                    anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                    base = ".".join(anchor + ([base] if base else []))
                # "from . import x" names a module x when there is one, else a name in the package
                targets |= {f"{base}.{a.name}" if f"{base}.{a.name}" in names else base for a in node.names}
        graph[module] = {t for t in targets if t in names and t != module}
    return graph


def test_package_has_no_import_cycle_between_its_modules():
    import networkx as nx

    graph = nx.DiGraph([(a, b) for a, targets in _module_imports().items() for b in targets])
    cycles = sorted(nx.simple_cycles(graph), key=len)[:5]
    assert not cycles, "import cycles: " + "; ".join(" -> ".join(c + c[:1]) for c in cycles)


def test_package_version_is_the_installed_distribution_version():
    from importlib.metadata import version

    assert newsgraph.__version__ == version("newsgraph")


def test_package_exports_read_through_the_query_api_not_the_store_sql():
    graph = _module_imports()
    assert "newsgraph.query" in graph["newsgraph.export"]
    assert not {m for m in graph["newsgraph.export"] if m.startswith("newsgraph.store.queries")}
