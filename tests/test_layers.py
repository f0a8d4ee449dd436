"""The package in layers (explainer/__init__.py): each module imports only from its own layer and the layers
before it, no two modules import each other, and no private name crosses from one module to another."""
from __future__ import annotations

import ast
from pathlib import Path

import explainer

PACKAGE = Path(explainer.__file__).parent


def _modules() -> dict[str, Path]:
    return {".".join(p.relative_to(PACKAGE.parent).with_suffix("").parts): p for p in PACKAGE.rglob("*.py")}


def _imports(path: Path) -> list[tuple[str, list[str], int]]:
    """(module imported, names taken from it, line) for every import of the package in a module, at any depth."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.split(".")[0] == "explainer":
            found.append((node.module, [a.name for a in node.names], node.lineno))
        elif isinstance(node, ast.Import):
            found += [(a.name, [], node.lineno) for a in node.names if a.name.split(".")[0] == "explainer"]
    return found


def _layer(module: str) -> int | None:
    parts = module.split(".")
    return explainer.LAYERS.index(parts[1]) if len(parts) > 1 and parts[1] in explainer.LAYERS else None


def test_every_module_is_in_a_layer():
    loose = [m for m in _modules() if m.count(".") == 1 and not m.endswith("__init__") and _layer(m) is None]
    assert not loose, f"modules outside the layers of explainer/__init__.py: {loose}"


def test_a_module_imports_only_from_its_layer_and_those_before_it():
    wrong = []
    for module, path in _modules().items():
        for target, names, line in _imports(path):
            targets = [f"{target}.{n}" for n in names] if _layer(target) is None and target != "explainer" else [target]
            for t in targets:
                if _layer(t) is not None and _layer(module) is not None and _layer(t) > _layer(module):
                    wrong.append(f"{path.relative_to(PACKAGE.parent)}:{line}: {module} imports {t}")
    assert not wrong, "\n".join(wrong)


def test_no_import_circle():
    modules = _modules()
    graph = {m: {t for t, names, _ in _imports(p) for t in ([t] if t in modules else [f"{t}.{n}" for n in names])
                 if t in modules and t != m} for m, p in modules.items()}
    seen, path = set(), []

    def visit(m):
        if m in path:
            raise AssertionError("import circle: " + " -> ".join(path[path.index(m):] + [m]))
        if m in seen:
            return
        path.append(m)
        for t in sorted(graph[m]):
            visit(t)
        path.pop()
        seen.add(m)

    for m in sorted(graph):
        visit(m)


def test_no_private_name_crosses_modules():
    crossing = [f"{path.relative_to(PACKAGE.parent)}:{line}: {name} from {target}"
                for module, path in _modules().items() for target, names, line in _imports(path)
                for name in names if name.startswith("_") and not name.startswith("__")]
    assert not crossing, "\n".join(crossing)
