"""No module defines a top-level name twice. MkDocs takes a hook by its name, so a second `on_page_content` in
explainer/publish/hooks.py silently replaced the first (two branches each added one; the footer lost its
Corrections link's title and the build stopped only by luck of a check)."""
from __future__ import annotations

import ast

import pytest

from .conftest import ROOT

MODULES = sorted((ROOT / "explainer").rglob("*.py"))


@pytest.mark.parametrize("path", MODULES, ids=lambda p: p.relative_to(ROOT).as_posix())
def test_each_function_and_class_is_defined_once(path):
    seen: dict[str, int] = {}
    twice = []
    for node in ast.parse(path.read_text(encoding="utf-8")).body:
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            if node.name in seen:
                twice.append(f"{node.name} (lines {seen[node.name]} and {node.lineno})")
            seen[node.name] = node.lineno
    assert not twice, f"{path.relative_to(ROOT)} defines again: {', '.join(twice)}"
