"""Every message the validator can give exists in Arabic with the same placeholders, and `--lang ar` prints it
with the same `FILE:LINE:COL:` prefix."""
from __future__ import annotations

import ast
import os
import re
import string
import subprocess
import sys
from pathlib import Path

import pytest

from explainer.data import schema, yamlread
from explainer.data.messages import M
from explainer.data.messages_ar import AR

from .conftest import ROOT
from .test_loader import data_dir, edit, position  # noqa: F401


def templates() -> list[str]:
    """Every English template the code can produce: each M("…") literal, and the tables of templates."""
    found = []
    for path in sorted((ROOT / "explainer").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "M" and node.args
                    and isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, str)):
                found.append(node.args[0].value)
    found += list(schema.MESSAGES.values()) + [plain for _, _, plain in yamlread._PLAIN_SYNTAX]
    return list(dict.fromkeys(found))


def fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name is not None}


def test_every_message_has_an_arabic_form():
    missing = [t for t in templates() if t not in AR]
    assert missing == []


def test_arabic_forms_use_the_same_placeholders_and_none_is_left_over():
    for english, arabic in AR.items():
        assert fields(english) == fields(arabic), english
        words = "".join(text for text, _, _, _ in string.Formatter().parse(english))
        if any(ch.isalpha() for ch in words):
            assert any("\u0600" <= ch <= "\u06ff" for ch in arabic), english
    assert set(AR) - set(templates()) == set()


def test_a_message_is_said_in_either_language_with_its_values():
    message = M('unknown key "{key}"; did you mean "{close}"? Correct the spelling', key="nmae", close="name")
    assert str(message) == 'unknown key "nmae"; did you mean "name"? Correct the spelling'
    assert message.say("ar") == "المفتاح «nmae» غير معروف؛ هل تقصد «name»؟ صحّح الإملاء"
    nested = M("{label} is missing; add `{key}: {hint}` to this entry", label=M("the Arabic text (ar)"), key="ar", hint="…")
    assert nested.say("ar") == "النص العربي (ar) غير موجود؛ أضف `ar: …` إلى هذا المُدخل"


def test_a_value_from_data_is_never_read_as_a_template():
    message = M('the id "{value}" must be lower-case letters, digits and hyphens (like "sham-legion"); rename it',
                value="{0.__class__} {ar}")
    assert "{0.__class__} {ar}" in message.say("ar") and "{0.__class__} {ar}" in str(message)


def test_the_validator_speaks_arabic_with_the_same_positions(data_dir):
    text = edit(data_dir, "factions.yml", "    camp: attended\n", "    camp: atended\n")
    line, col = position(text, "atended")
    run = lambda *args: subprocess.run([sys.executable, "-m", "explainer.tools.validate", *args, str(data_dir)],  # noqa: E731
                                       capture_output=True, text=True, env={**os.environ, "GITHUB_ACTIONS": ""})
    english, arabic = run(), run("--lang", "ar")
    assert english.returncode == arabic.returncode == 1
    assert f'data/factions.yml:{line}:{col}: camp "atended" is not one of: attended, refused; did you mean "attended"?' in english.stderr
    plain = re.sub("[\u2066-\u2069]", "", arabic.stderr)  # the isolates that lay it out right to left
    assert f"data/factions.yml:{line}:{col}: القيمة «atended» في camp ليست من بين: attended, refused؛ هل تقصد «attended»؟" in plain
    # The validator's default language is the editor's choice, EXPLAINER_LANG (`make validate lang=ar` overrides it).
    chosen = subprocess.run([sys.executable, "-m", "explainer.tools.validate", str(data_dir)], capture_output=True,
                            text=True, env={**os.environ, "GITHUB_ACTIONS": "", "EXPLAINER_LANG": "ar"})
    assert chosen.stderr == arabic.stderr
