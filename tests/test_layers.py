"""The package's layers point one way and its imports have no cycles.

The graph is read from the source with ``ast``, so an import hidden inside a function counts as
much as one at the top: a cycle that only a lazy import keeps from failing is still a cycle.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

import communique

PACKAGE = Path(communique.__file__).parent

# Layers from the bottom up (DESIGN.md: sources -> article -> nlp -> analyze -> ingest -> store
# -> cli / web / export). A module may import its own layer and the layers below it.
LAYERS: dict[str, int] = {
    "records": 0,
    "errors": 0,
    "codes": 0,
    "settings": 0,
    "progress": 0,
    "knowledge": 1,
    "sources": 2,
    "article": 2,
    "nlp": 3,
    "analyzer": 4,
    "confidence": 4,
    "store": 4,
    "gdelt": 5,
    "export": 5,
    "ingest": 5,
    "watch": 5,
    "spark": 5,
    "evaluate": 5,
    "cli": 6,
    "web": 6,
    "__main__": 7,
    "__init__": 7,
}

# Layers of the same height that must not see each other: the store is read by commands that
# never load the NLP pass, and the NLP pass knows nothing of storage.
APART = {
    ("store", "analyzer"),
    ("store", "confidence"),
    ("store", "nlp"),
    ("store", "article"),
    ("store", "sources"),
}


def _module_name(path: Path) -> str:
    parts = ["communique", *path.relative_to(PACKAGE).with_suffix("").parts]
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _modules() -> dict[str, Path]:
    return {_module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def _imports(name: str, path: Path, known: set[str]) -> set[str]:
    """The package's own modules that ``name`` imports, anywhere in its body."""
    is_package = path.name == "__init__.py"
    here = name.split(".") if is_package else name.split(".")[:-1]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = here[: len(here) - node.level + 1]
                target = ".".join([*base, node.module] if node.module else base)
            else:
                target = node.module or ""
            # ``from . import x`` imports the submodule x when there is one, else a name of
            # the package itself
            subs = {f"{target}.{a.name}" for a in node.names}
            found.update(subs & known)
            if subs - known:
                found.add(target)
    return {m for m in found if m in known and m != name}


def _graph() -> dict[str, set[str]]:
    modules = _modules()
    known = set(modules)
    return {name: _imports(name, path, known) for name, path in modules.items()}


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components with more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    out: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in graph[v]:
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                out.append(sorted(component))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return out


def _layer(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "__init__"


def test_the_package_has_no_import_cycles() -> None:
    assert _cycles(_graph()) == []


def test_every_module_has_a_layer() -> None:
    assert {_layer(m) for m in _graph()} <= set(LAYERS)


def test_layers_point_one_way() -> None:
    wrong = [
        f"{m} -> {i}"
        for m, imports in _graph().items()
        for i in imports
        if LAYERS[_layer(i)] > LAYERS[_layer(m)] or (_layer(m), _layer(i)) in APART
    ]
    assert wrong == []


def test_the_cycle_finder_finds_a_cycle() -> None:
    assert _cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]


@pytest.mark.parametrize(
    "statement",
    [
        "import communique",
        "import communique.store, communique.store.queries",
        "import communique.web; communique.web.create_app",
        "import communique.cli",
        "import communique.export",
    ],
)
def test_read_only_layers_do_not_import_spacy(statement: str) -> None:
    code = f"import sys; {statement}; print('spacy' in sys.modules)"
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert out.strip() == "False"


def test_stats_runs_without_the_nlp_pass(tmp_path: Path) -> None:
    db = tmp_path / "empty.db"
    code = (
        "import sys\n"
        "from communique.store import Store\n"
        f"Store({str(db)!r}).close()\n"
        "from click.testing import CliRunner\n"
        "from communique.cli import main\n"
        f"result = CliRunner().invoke(main, ['stats', '--db', {str(db)!r}])\n"
        "assert result.exit_code == 0, result.output\n"
        "print('spacy' in sys.modules)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert out.strip().splitlines()[-1] == "False"
