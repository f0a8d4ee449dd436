"""The faction the editors' tests break a name of, found in data/factions.yml by its shape, never by its name.

Tests type mistakes into a name as an editor would (a curly quote, a tab, a look-alike letter, a missing language),
so they need the name's line as the file writes it. A name changes when an editor fixes a spelling, and such a valid
change must not break a test. So the name is read here, from the data the tests run on (`make check-edited` runs
them on a copy with names changed).
"""
from __future__ import annotations

import unicodedata
from pathlib import Path

from ruamel.yaml import YAML

FILE = Path(__file__).resolve().parent.parent / "data" / "factions.yml"


def _pick() -> dict:
    """The first faction whose name is written on one line, in two words or more in each language, and which has
    English aliases (a Latin «a» in the name and an alias, for a look-alike to replace): what the tests break. An editor's change to one faction moves the tests to the next."""
    text = FILE.read_text(encoding="utf-8")
    for entry in YAML(typ="safe").load(text)["factions"]:
        name, aliases = entry["name"], entry.get("aliases") or {}
        line = f'name: {{en: "{name["en"]}", ar: "{name["ar"]}"}}'
        if (line in text and " " in name["en"] and " " in name["ar"] and "a" in name["en"]
                and any("a" in alias for alias in aliases.get("en") or [])):
            return entry
    raise LookupError("data/factions.yml: no faction's name is written `name: {en: \"…\", ar: \"…\"}` with English "
                      "aliases; the editors' tests need one")


_ENTRY = _pick()
ID = _ENTRY["id"]
EN, AR = _ENTRY["name"]["en"], _ENTRY["name"]["ar"]
LINE = f'name: {{en: "{EN}", ar: "{AR}"}}'
ALIAS = next(alias for alias in _ENTRY["aliases"]["en"] if "a" in alias)  # one of its English spellings (ours)
ALIASES = ("factions", ID, "aliases", "en")  # a data_setups path
# A name of two words or more: tests put a character between two of them.
EN_HEAD, _, EN_TAIL = EN.partition(" ")
AR_HEAD, _, AR_TAIL = AR.partition(" ")


def _presentation_form(text: str) -> str:
    """The text with its first letter that has one written as its initial presentation form (ﻓ for ف): it looks the
    same, and NFKC folds it back to the letter."""
    forms = {unicodedata.normalize("NFKC", chr(code)): chr(code) for code in range(0xFB50, 0xFF00)
             if unicodedata.decomposition(chr(code)).startswith("<initial>")}
    i = next(i for i, letter in enumerate(text) if letter in forms)
    return text[:i] + forms[text[i]] + text[i + 1:]


PRESENTATION_FORM = _presentation_form(AR)
