"""Test setups that find their place in a copy of data/ by its shape (keys, ids, camps), never by today's text.

An editor's valid change (a first correction, one more alias, a faction moved to the other camp) must not break a
test: a setup that replaced `corrections: []` or `aliases: {en: ["Faylaq al-Sham"]}` stopped working the day the
data said otherwise. Ids stay (a published id is never changed, CONTRIBUTING.md says), so a setup may name one.

A path names a place in a file: keys for mappings; in a list, an int is an index and a str is the id of an entry.
Each helper writes the file and returns its new text, for `position(text, …)`.
"""
from __future__ import annotations

import json
import re
from pathlib import Path

from ruamel.yaml import YAML

Path_ = tuple  # keys, indices and ids, from the file's top


def _load(text: str):
    return YAML().load(text)


def _node(doc, path: Path_):
    """The node at `path` and its parent with the last step (for ruamel's line/column marks)."""
    parent, step, node = None, None, doc
    for part in path:
        if isinstance(part, str) and isinstance(node, list):
            part = next(i for i, item in enumerate(node) if isinstance(item, dict) and item.get("id") == part)
        parent, step, node = node, part, node[part]
    return parent, step, node


def _offset(text: str, line: int, col: int) -> int:
    """Index in `text` of a 0-based line and column."""
    starts = [0] + [m.end() for m in re.finditer("\n", text)]
    return starts[line] + col


def value_span(text: str, path: Path_) -> tuple[int, int]:
    """Where the value at `path` is written: (start, end) indices into `text`. A scalar on its line (quoted or
    not), or a one-line flow list or mapping (`[…]`, `{…}`)."""
    parent, step, node = _node(_load(text), path)
    line, col = parent.lc.value(step) if isinstance(step, str) else parent.lc.item(step)
    start = _offset(text, line, col)
    opening = text[start]
    if opening in "[{":
        closing, depth, i, quoted = {"[": "]", "{": "}"}[opening], 0, start, False
        while True:
            char = text[i]
            if char == '"':
                quoted = not quoted
            elif not quoted and char in "[{":
                depth += 1
            elif not quoted and char in "]}":
                depth -= 1
                if depth == 0:
                    return start, i + 1
            i += 1
    if opening in "\"'":
        return start, text.index(opening, start + 1) + 1
    end = start
    while end < len(text) and text[end] not in ",]}\n" and text[end:end + 2] != " #":
        end += 1
    return start, end


def replace_value(data_dir: Path, file: str, path: Path_, raw: str) -> str:
    """Write `raw` (YAML as typed) in place of the value at `path`."""
    target = data_dir / file
    text = target.read_text(encoding="utf-8")
    start, end = value_span(text, path)
    text = text[:start] + raw + text[end:]
    target.write_text(text, encoding="utf-8")
    return text


def line_of(text: str, path: Path_) -> tuple[int, int]:
    """(start, end) indices of the whole line (with its newline) where the value at `path` is written."""
    start, _ = value_span(text, path)
    begin = text.rfind("\n", 0, start) + 1
    end = text.find("\n", start)
    return begin, len(text) if end < 0 else end + 1


def entry_span(text: str, list_key: str, index: int) -> tuple[int, int]:
    """(start, end) of the `index`-th entry of the top-level list `list_key`: from its `- ` line to the line
    before the next entry, without the comments and blank lines between them."""
    entries = _load(text)[list_key]
    start = _offset(text, entries.lc.item(index)[0], 0)
    if index + 1 < len(entries):
        end = _offset(text, entries.lc.item(index + 1)[0], 0)
        lines = text[start:end].splitlines(keepends=True)
        while lines and (not lines[-1].strip() or lines[-1].lstrip().startswith("#")):
            end -= len(lines.pop())
    else:
        end = len(text.rstrip("\n")) + 1
    return start, end


def insert_at(data_dir: Path, file: str, index: int, block: str) -> str:
    """`block` (YAML lines, each ending in a newline) inserted into `text` at `index`."""
    target = data_dir / file
    text = target.read_text(encoding="utf-8")
    if not text.endswith("\n"):
        text += "\n"
    text = text[:index] + block + text[index:]
    target.write_text(text, encoding="utf-8")
    return text


def factions_of(data_dir: Path, camp: str) -> list[str]:
    """The ids of a camp's factions, in the file's order."""
    doc = _load((data_dir / "factions.yml").read_text(encoding="utf-8"))
    return [f["id"] for f in doc["factions"] if f["camp"] == camp]


def add_faction(data_dir: Path, entry: str, camp: str = "refused") -> str:
    """The guide's "Add a faction": `entry` after the last faction of `camp`, whichever that is today."""
    text = (data_dir / "factions.yml").read_text(encoding="utf-8")
    ids = [f["id"] for f in _load(text)["factions"]]
    return insert_at(data_dir, "factions.yml", entry_span(text, "factions", ids.index(factions_of(data_dir, camp)[-1]))[1],
                     entry)


def before_faction(data_dir: Path, faction_id: str, entry: str) -> str:
    """`entry` inserted just above the faction `faction_id`."""
    text = (data_dir / "factions.yml").read_text(encoding="utf-8")
    ids = [f["id"] for f in _load(text)["factions"]]
    return insert_at(data_dir, "factions.yml", entry_span(text, "factions", ids.index(faction_id))[0], entry)


def set_corrections(data_dir: Path, body: str) -> str:
    """The corrections list made exactly `body` (from the `corrections:` key on), whatever it held: none (`[]`) or
    any number."""
    target = data_dir / "corrections.yml"
    text = target.read_text(encoding="utf-8")
    head = re.search(r"(?m)^corrections:", text)
    assert head, "corrections.yml has no top-level `corrections:`"
    text = text[:head.start()] + body.rstrip("\n") + "\n"
    target.write_text(text, encoding="utf-8")
    return text


def value(data_dir: Path, file: str, path: Path_):
    """The value at `path`, as the file holds it today."""
    return _node(_load((data_dir / file).read_text(encoding="utf-8")), path)[2]


def found_after(text: str, needle: str, after: str) -> tuple[int, int]:
    """1-based line and column of the first `needle` after the first `after` in `text`."""
    index = text.index(needle, text.index(after))
    return text.count("\n", 0, index) + 1, index - (text.rfind("\n", 0, index) + 1) + 1


def list_quote(data_dir: Path, reason: Path_, quote: str) -> str:
    """`quote` added to the `quotes:` of the reason at `reason` (a path in camps.yml), which may have none yet."""
    text = (data_dir / "camps.yml").read_text(encoding="utf-8")
    listed = value(data_dir, "camps.yml", reason).get("quotes")
    if listed is not None:
        return replace_value(data_dir, "camps.yml", reason + ("quotes",), "[" + ", ".join([*listed, quote]) + "]")
    _, end = line_of(text, reason + ("paras",))
    indent = " " * (len(text[:end].splitlines()[-1]) - len(text[:end].splitlines()[-1].lstrip()))
    return insert_at(data_dir, "camps.yml", end, f"{indent}quotes: [{quote}]\n")


def quoted(items) -> str:
    """A one-line list of texts as the data files write them: `["a", "b"]` (JSON's escapes are YAML's)."""
    return "[" + ", ".join(json.dumps(item, ensure_ascii=False) for item in items) + "]"


def set_aliases(data_dir: Path, file: str, entry: Path_, lang: str, spellings: list[str]) -> str:
    """The entry's other spellings in `lang` made exactly `spellings` (the key left out when none), whichever it
    had: its `aliases:` mapping is written again on one line, or added under its name when it had none."""
    aliases = dict(value(data_dir, file, entry).get("aliases") or {})
    aliases[lang] = list(spellings)
    raw = "{" + ", ".join(f"{key}: {quoted(items)}" for key, items in aliases.items() if items) + "}"
    if "aliases" in value(data_dir, file, entry):
        return replace_value(data_dir, file, entry + ("aliases",), raw)
    text = (data_dir / file).read_text(encoding="utf-8")
    begin, end = line_of(text, entry + ("name",))
    indent = text[begin:end][:len(text[begin:end]) - len(text[begin:end].lstrip())]
    return insert_at(data_dir, file, end, f"{indent}aliases: {raw}\n")


def add_alias(data_dir: Path, file: str, entry: Path_, lang: str, spelling: str) -> str:
    """`spelling` added at the end of the entry's other spellings in `lang` (which may have none yet)."""
    listed = (value(data_dir, file, entry).get("aliases") or {}).get(lang) or []
    return set_aliases(data_dir, file, entry, lang, [*listed, spelling])


def in_another_case(spelling: str) -> str:
    """The same letters in another case ("Sham Legion" -> "Sham legion"), as an editor may type a repeat."""
    for candidate in (spelling[:1] + spelling[1:].lower(), spelling.lower(), spelling.upper()):
        if candidate != spelling:
            return candidate
    raise AssertionError(f"test setup: {spelling!r} has no letter with a case")


def another_spelling(name: str, taken: set[str]) -> str:
    """A Latin spelling of `name` that nothing in data/ uses yet and that neither holds `name` nor is held by it
    (a vowel changed), as an editor's rename would be."""
    for i, char in enumerate(name):
        for vowel in "aeiou" if char in "aeiou" else ():
            candidate = name[:i] + vowel + name[i + 1:]
            if candidate != name and candidate not in taken:
                return candidate
    raise AssertionError(f"test setup: no other spelling of {name!r}")


def located(text: str, index: int) -> tuple[int, int]:
    """1-based line and column of the character at `index` of `text`."""
    return text.count("\n", 0, index) + 1, index - text.rfind("\n", 0, index)
