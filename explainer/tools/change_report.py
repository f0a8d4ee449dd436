"""What a change to data/ does to the site, for a pull request's job summary; and translation drift.

    python -m explainer.tools.change_report BASE_DATA_DIR HEAD_DATA_DIR

Both data folders are read with the one loader (explainer.pages.site.load_data). Every bilingual text (schema.Text)
and every other value is matched by its place in the data, with list entries named by their id (or a paragraph
by its number), so moving an entry is not a change and a renamed id is one entry removed and one added. The
report is Markdown on standard output, with the pages that print each changed entry (explainer/pages/coverage.py, the
same measurement as the pages' edit links); the numbers of entries that change ("Stayed away: 7 → 8"), counted as the
pages count them, from the data; the downloads whose content changes (explainer/render/roster.py renders both sides);
and, in a changed text, the words that changed, marked. A correction (no id) is named by its date. When one language
of a text changed and the other did not, a warning goes to standard error, as a GitHub annotation at the line of the
head file under GitHub Actions: the editor should check the other language; unless the change is a spelling fix (one
word, a letter or two: `spelling_fix`), which the summary lists as such, with no warning.
"""
from __future__ import annotations

import difflib
import html
import os
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

from explainer import PROJECT

from pydantic import BaseModel

from explainer.data import schema
from explainer.data.errors import DataErrors, annotation_data, annotation_property, visible
from explainer.data.languages import LIST_COMMA, LIST_SEMICOLON, OTHER
from explainer.data.messages import Both, Counted, M, say
from explainer.pages.coverage import pages_showing
from explainer.data.loader import STRINGS_DIR, SiteData
from explainer.pages.registry import MACROS
from explainer.pages.site import load_data
from explainer.data.yamlread import read_yaml
from explainer.render.roster import DOWNLOAD_FILES, DOWNLOADS

LANGS = schema.LANGUAGES
PROJECT_DOCS = PROJECT / "docs"


# The report is bilingual: each sentence is a message of the catalogue (explainer/data/messages.py,
# explainer/locale/), said in every language (tests/test_change_report.py fails on Arabic typed in this file's code).
# No M(…) inside an f-string: `pybabel extract` on Python 3.11 reads an f-string as one token and would miss it
# (tests/test_messages.py would then find a message with no Arabic).


def _pair(message) -> str:
    """A message in every language on one line: "added · أُضيف"."""
    return " · ".join(say(message, lang) for lang in LANGS)


def _glossed(message) -> str:
    """A message in English, its other languages after it in brackets: "on the base branch (في الفرع الأساسي)"."""
    first, *others = (say(message, lang) for lang in LANGS)
    return f"{first} ({' · '.join(others)})"


def _in_each(make) -> Both:
    """A value made in each language (a list joined with that language's comma), for a message to say."""
    return Both(**{lang: make(lang) for lang in LANGS})


@dataclass(frozen=True)
class Item:
    """A list entry in a key: its id (or "¶N" for a paragraph), or its position when it has neither."""

    label: str
    named: bool

    def __str__(self) -> str:
        return self.label


@dataclass
class Value:
    file: str  # "factions.yml", "i18n/en.yml"
    key: tuple  # ("factions", Item("sham-legion"), "name")
    raw: tuple  # ("factions", 3, "name"): the path in the YAML file, for its line
    value: object  # a schema.Text, or a plain value (paras, camp, date…)


@dataclass
class Change:
    file: str
    key: tuple
    kind: str  # "changed", "added", "removed"
    before: dict[str, str] = field(default_factory=dict)  # lang (or "" for a plain value) -> text
    after: dict[str, str] = field(default_factory=dict)
    line: int | None = None  # in the head file (in the base file for a removal)
    entry_added: bool = False  # the whole entry is new (or gone), not only this text
    entry_line: int | None = None  # then: the line where the entry starts
    raw: tuple = ()  # the path in the YAML file (of the base file for a removal), for the pages that print it


def _label(item, index: int) -> Item:
    if isinstance(getattr(item, "id", None), str):
        return Item(item.id, True)
    if isinstance(item, schema.Paragraph):
        return Item(f"¶{item.n}", True)
    if isinstance(item, schema.Correction):  # a correction is known by its date
        return Item(item.date, True)
    return Item(str(index + 1), False)


def _labels(items: list) -> list[Item]:
    """Each entry's label; a second entry with the same label (two corrections of one day) gets its rank: "(2)".
    Corrections are listed newest first, so they are ranked from the bottom: a second correction of a day, added on
    top of the first, was labelled as the first (its text shown struck through, replaced) and the first as new."""
    order = list(enumerate(items))
    if items and all(isinstance(item, schema.Correction) for item in items):
        order.reverse()
    seen: dict[str, int] = {}
    out: dict[int, Item] = {}
    for i, item in order:
        label = _label(item, i)
        seen[label.label] = seen.get(label.label, 0) + 1
        out[i] = label if seen[label.label] == 1 else Item(f"{label.label} ({seen[label.label]})", label.named)
    return [out[i] for i in range(len(items))]


def _walk(value, file: str, key: tuple = (), raw: tuple = ()):
    """Every Text, and every other leaf (lists of plain values count as one), with its key and its YAML path."""
    if isinstance(value, schema.Text):
        yield Value(file, key, raw, value)
    elif isinstance(value, BaseModel):
        for name in type(value).model_fields:
            yield from _walk(getattr(value, name), file, key + (name,), raw + (name,))
    elif isinstance(value, list) and any(isinstance(item, BaseModel) for item in value):
        for i, (item, label) in enumerate(zip(value, _labels(value))):
            yield from _walk(item, file, key + (label,), raw + (i,))
    elif value is not None and value != [] and key and key[-1] != "id":
        yield Value(file, key, raw, value)


def values_of(data: SiteData) -> dict[tuple, Value]:
    found: dict[tuple, Value] = {}
    for file in schema.CONTENT_FILES:
        model = getattr(data, file.removesuffix(".yml"))
        for value in _walk(model, file):
            found[(file, value.key)] = value
    for lang in LANGS:
        file = f"{STRINGS_DIR}/{lang}.yml"
        for name, entry in data.strings.get(lang, {}).items():
            found[(file, (name,))] = Value(file, (name,), (name,), entry)
    return found


def _entry(key: tuple) -> tuple:
    """The key of the named entry a value belongs to (a faction, an event), or () at the top of a file."""
    last = max((i for i, part in enumerate(key) if isinstance(part, Item) and part.named), default=None)
    return key[: last + 1] if last is not None else ()


def _plain(value) -> str:
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    if isinstance(value, dict):
        return "; ".join(f"{k}: {v}" for k, v in value.items())
    return str(value)


def _texts(value, file: str = "") -> dict[str, str]:
    if file.startswith(STRINGS_DIR + "/"):  # an interface string: one language per file
        return {file.removeprefix(STRINGS_DIR + "/").removesuffix(".yml"): _plain(value)}
    if isinstance(value, schema.Text):
        return {lang: getattr(value, lang) for lang in LANGS}
    return {"": _plain(value)}


class _Lines:
    """Line numbers in the data files, read with the loader's own YAML reader."""

    def __init__(self, root: Path):
        self.root = root
        self.cache = {}

    def of(self, file: str, raw: tuple) -> tuple[int, int]:
        if file not in self.cache:
            self.cache[file] = read_yaml(self.root / file, f"data/{file}").positions
        return self.cache[file].of_value(raw)


def compare(base: SiteData, head: SiteData, base_root: Path, head_root: Path) -> list[Change]:
    before, after = values_of(base), values_of(head)
    head_lines, base_lines = _Lines(head_root), _Lines(base_root)
    base_entries = {(f, _entry(k)) for f, k in before}
    head_entries = {(f, _entry(k)) for f, k in after}
    changes: list[Change] = []
    for where in [*after, *(w for w in before if w not in after)]:
        file, key = where
        old, new = before.get(where), after.get(where)
        if old is not None and new is not None:
            a, b = _texts(old.value, file), _texts(new.value, file)
            if a == b:
                continue
            lang = next((lg for lg in b if a.get(lg) != b[lg]), "")
            line = head_lines.of(file, new.raw + ((lang,) if lang else ()))[0]
            changes.append(Change(file, key, "changed", a, b, line, raw=new.raw))
        elif new is not None:
            new_entry = (file, _entry(key)) not in base_entries
            start = head_lines.of(file, new.raw[: len(_entry(key))])[0]
            changes.append(Change(file, key, "added", {}, _texts(new.value, file), head_lines.of(file, new.raw)[0],
                                  new_entry, start, new.raw))
        else:
            gone = (file, _entry(key)) not in head_entries
            start = base_lines.of(file, old.raw[: len(_entry(key))])[0]
            changes.append(Change(file, key, "removed", _texts(old.value, file), {}, base_lines.of(file, old.raw)[0],
                                  gone, start, old.raw))
    return changes


# ---------------------------------------------------------------- translation drift


# A spelling fix: one word of the text, changed by at most this many letters (inserted, deleted or replaced), and by
# at most one letter in four of the longer spelling ("Alepo" → "Aleppo", «ستافان» → «ستيفان»; not "not" → "now").
SPELLING_EDITS = 2
LETTERS_PER_EDIT = 4


def _edits(a: str, b: str) -> int:
    """Levenshtein's distance: the fewest letters inserted, deleted or replaced to turn a into b."""
    row = list(range(len(b) + 1))
    for i, x in enumerate(a, start=1):
        previous, row[0] = row[0], i
        for j, y in enumerate(b, start=1):
            previous, row[j] = row[j], min(row[j] + 1, row[j - 1] + 1, previous + (x != y))
    return row[-1]


def spelling_fix(old: str, new: str) -> tuple[str, str] | None:
    """The word respelt, when the only change from `old` to `new` is the spelling of one word: the same words but
    one, that one close (SPELLING_EDITS, LETTERS_PER_EDIT), and no number in it (7 → 8 changes what a text says).
    Such a change does not ask for the other language to change."""
    a, b = old.split(), new.split()
    differ = [(x, y) for x, y in zip(a, b) if x != y]
    if len(a) != len(b) or len(differ) != 1:
        return None
    x, y = differ[0]
    edits = _edits(x, y)
    if any(ch.isdigit() for ch in x + y) or edits > SPELLING_EDITS or edits * LETTERS_PER_EDIT > max(len(x), len(y)):
        return None
    return x, y


@dataclass(frozen=True)
class Drift:
    file: str  # "data/factions.yml"
    line: int
    col: int
    changed: str  # the language that changed
    other_line: int
    other_file: str  # where the other language is: the same file, or the other i18n file
    spelling: tuple[str, str] | None = None  # (old, new) when the change only respells one word

    @property
    def other(self) -> str:
        return "ar" if self.changed == "en" else "en"

    def there(self, code=str) -> M | Both:
        """Where the other language is. The Arabic names the other file in words: a path inside a right-to-left
        sentence breaks it into pieces out of order."""
        line = M("line {line}", line=self.other_line)
        if self.other_file == self.file:
            return line
        in_words = (M("line {line} of the English language file", line=self.other_line) if self.other == "en" else
                    M("line {line} of the Arabic language file", line=self.other_line))
        return Both(f"{code(self.other_file)} {line}", in_words.say("ar"))

    def says(self) -> M:
        if self.changed == "en":
            return M("the English text changed but not the Arabic ({there}); check that the Arabic still says the "
                     "same, and update it if needed", there=self.there())
        return M("the Arabic text changed but not the English ({there}); check that the English still says the "
                 "same, and update it if needed", there=self.there())

    def item(self) -> str:
        """Its line in the summary's list."""
        there = self.there(code=lambda path: f"`{path}`")
        said = (M("line {line}: the English changed; the Arabic ({there}) did not", line=self.line, there=there)
                if self.changed == "en" else
                M("line {line}: the Arabic changed; the English ({there}) did not", line=self.line, there=there))
        return f"- `{self.file}` {_pair(said)}"

    def message(self) -> str:
        return " / ".join(say(self.says(), lang) for lang in LANGS)

    def annotation(self) -> str:
        props = (f"file={annotation_property(visible(self.file))},line={self.line},col={self.col},"
                 "title=" + annotation_property(_pair(M("Check the other language"))))
        return f"::warning {props}::{annotation_data(visible(self.message()))}"

    def __str__(self) -> str:
        return visible(f"{self.file}:{self.line}:{self.col}: warning: {self.message()}")


def drifts(base: SiteData, head: SiteData, head_root: Path) -> list[Drift]:
    """Texts (and interface strings) where exactly one language changed."""
    before, after = values_of(base), values_of(head)
    lines = _Lines(head_root)
    found = []
    for (file, key), new in after.items():
        old = before.get((file, key))
        if old is None:
            continue
        if isinstance(new.value, schema.Text) and isinstance(old.value, schema.Text):
            moved = [lang for lang in LANGS if getattr(old.value, lang) != getattr(new.value, lang)]
            if len(moved) == 1:
                changed, other = moved[0], OTHER[moved[0]]
                line, col = lines.of(file, new.raw + (changed,))
                found.append(Drift(f"data/{file}", line, col, changed, lines.of(file, new.raw + (other,))[0],
                                   f"data/{file}", spelling_fix(getattr(old.value, changed),
                                                                getattr(new.value, changed))))
        elif file.startswith(STRINGS_DIR + "/") and old.value != new.value:
            # An interface string: its twin is the same key in the other language's file.
            lang = file.removeprefix(STRINGS_DIR + "/").removesuffix(".yml")
            twin = f"{STRINGS_DIR}/{'ar' if lang == 'en' else 'en'}.yml"
            was, now = before.get((twin, key)), after.get((twin, key))
            if was is not None and now is not None and was.value == now.value:
                line, col = lines.of(file, new.raw)
                found.append(Drift(f"data/{file}", line, col, lang, lines.of(twin, now.raw)[0], f"data/{twin}",
                                   spelling_fix(_plain(old.value), _plain(new.value))))
    return sorted(found, key=lambda d: (d.file, d.line, d.col))


# ---------------------------------------------------------------- Markdown


_MD_SPECIAL = re.compile(r"([\\`*_\[\]|~])")
# What GitHub turns into a mention (which notifies: @name, @org/team, an address's @host too) or an issue link
# (#N, GH-N, repo#N, owner/repo#N) in a summary or a comment.
_REFERENCE = re.compile(r"[\w.+-]*@[\w-]+(?:[./][\w-]+)*|(?:[\w.-]+(?:/[\w.-]+)?)?#\d+|\bGH-\d+", re.IGNORECASE)


def _literal(text: str) -> str:
    return _MD_SPECIAL.sub(r"\\\1", html.escape(text, quote=False))


def md(text: str) -> str:
    """Data as literal text in Markdown (a table cell): no markup, no link, no mention, no HTML, one line.

    A mention or an issue reference is set as code: GitHub's mention and reference filters leave text inside code
    (and pre, a) alone (html-pipeline's IGNORE_PARENTS), and the words still read, and copy, exactly as written. A
    zero-width joiner after the @ or # would break the match too, but only while GitHub's patterns treat it as a
    word's end, which nothing documents, and an editor copying the text back into data would carry an invisible
    character with it. The words hold only letters, digits and .+-_/@#, so a code span needs no escape."""
    one_line = visible(" ".join(text.splitlines()))
    out, at = [], 0
    for found in _REFERENCE.finditer(one_line):
        out += [_literal(one_line[at:found.start()]), f"`{found.group()}`"]
        at = found.end()
    return "".join(out) + _literal(one_line[at:])


# Words, spaces, and the marks that separate a list's items or a text's clauses on their own: an added alias
# ("Jaysh al-Mujahideen" → "Jaysh al-Mujahideen, Jaish al-Mujahidin") is then the added item alone, not a changed word.
_SEPARATORS = re.escape("".join(sorted({mark.strip() for mark in (*LIST_COMMA.values(), *LIST_SEMICOLON.values())})))
_TOKENS = re.compile(rf"\s+|[^\s{_SEPARATORS}]+|[{_SEPARATORS}]")


def _mark(text: str, mark: str) -> str:
    """`text` literal, its words (not the spaces around them) between `mark`s: ** bold, ~~ struck through."""
    core = text.strip()
    if not core:
        return md(text)
    start = text.index(core)
    return md(text[:start]) + mark + md(core) + mark + md(text[start + len(core):])


def marked(old: str, new: str) -> tuple[str, str]:
    """Both texts literal, the words that changed marked: struck through before, bold after (difflib, word by word).
    Marks are added around md()'s output, so data cannot make or break one: md() escapes every * and ~ in it."""
    a, b = (_TOKENS.findall(" ".join(text.splitlines())) for text in (old, new))
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    opcodes = matcher.get_opcodes()
    if not any(tag == "equal" and "".join(a[i1:i2]).strip() for tag, i1, i2, _, _ in opcodes):
        return md(old), md(new)  # nothing in common: marking every word would say nothing
    before, after = [], []
    for tag, i1, i2, j1, j2 in opcodes:
        if tag == "equal":
            before.append(md("".join(a[i1:i2])))
            after.append(md("".join(b[j1:j2])))
        else:
            before.append(_mark("".join(a[i1:i2]), "~~"))
            after.append(_mark("".join(b[j1:j2]), "**"))
    return "".join(before), "".join(after)


def _path(key: tuple) -> str:
    return md(" › ".join(str(part) for part in key))


BASE_BRANCH = _glossed(M("on the base branch"))


def _line(change: Change) -> str:
    return f"line {change.line}" if change.kind != "removed" else f"line {change.line} {BASE_BRANCH}"


def _rows(change: Change) -> list[str]:
    """A changed, added or removed value: a row per language (one row for a plain value)."""
    langs = [lg for lg in ("", *LANGS) if lg in change.before or lg in change.after]
    kind = {"changed": None, "added": M("added"), "removed": M("removed")}[change.kind]
    tag = f" ({_pair(kind)})" if kind else ""
    rows = []
    for i, lang in enumerate(langs):
        old, new = change.before.get(lang), change.after.get(lang)
        if change.kind == "changed" and old == new:
            cells = ("*" + _pair(M("unchanged")) + "*",) * 2
        elif old is not None and new is not None:
            cells = marked(old, new)
        else:
            cells = (md(old) if old is not None else "—", md(new) if new is not None else "—")
        head = f"{_line(change)}: {_path(change.key)}{tag}" if i == 0 else ""
        rows.append(f"| {head} | {lang or '—'} | {cells[0]} | {cells[1]} |")
    return rows


def _entry_rows(entry: tuple, changes: list[Change]) -> list[str]:
    """A whole entry added or removed: its texts a row per language, its other values together in one row."""
    added = changes[0].kind == "added"
    first = changes[0]
    at = f"line {first.entry_line}" + ("" if added else f" {BASE_BRANCH}")
    what = M("new entry") if added else M("entry removed")
    head = f"{at}: {_path(entry)} ({_pair(what)})"
    rows, plain = [], []
    for change in changes:
        values = change.after if added else change.before
        if "" in values:
            plain.append(f"{_path(change.key[len(entry):])}: {md(values[''])}")
            continue
        for lang in LANGS:
            text = md(f"{' › '.join(str(p) for p in change.key[len(entry):])}: {values[lang]}")
            rows.append((lang, text))
    if plain:
        rows.append(("—", " · ".join(plain)))
    out = []
    for i, (lang, text) in enumerate(rows):
        cells = ("—", text) if added else (text, "—")
        out.append(f"| {head if i == 0 else ''} | {lang} | {cells[0]} | {cells[1]} |")
    return out


TABLE_HEAD = ["| " + " | ".join(_pair(head) for head in (M("where"), M("language"), M("before"), M("after"))) + " |",
              "| --- | --- | --- | --- |"]


def _groups(changes: list[Change]) -> list[tuple[list[str], list[Change]]]:
    """The table's rows, a group per change (or per whole entry added or removed), with the changes each shows."""
    entries: dict[tuple, list[Change]] = {}
    for change in changes:
        if change.entry_added:
            entries.setdefault((_entry(change.key), change.kind), []).append(change)
    out, done = [], set()
    for change in changes:
        if not change.entry_added:
            out.append((_rows(change), [change]))
            continue
        entry = (_entry(change.key), change.kind)
        if entry not in done:
            done.add(entry)
            out.append((_entry_rows(entry[0], entries[entry]), entries[entry]))
    return out


def _page_name(data: SiteData, page_id: str) -> str:
    meta = data.page(page_id)
    name = f"{meta.nav.en} · {meta.nav.ar}" if meta else page_id
    return f"{md(name)} (`/{'' if page_id == 'index' else page_id + '/'}`)"


def _count(changes: list[Change]) -> Both:
    """How many values and whole entries changed, in each language, each count in the plural form its language's
    catalogue gives it (explainer/locale/); a count of zero is not said."""
    entries = {(c.file, _entry(c.key), c.kind) for c in changes if c.entry_added}
    values = len([c for c in changes if not c.entry_added])
    added = len([e for e in entries if e[2] == "added"])
    removed = len([e for e in entries if e[2] == "removed"])
    said = [Counted("1 value changed, added or removed", "{count} values changed, added or removed", values,
                    count=values) if values else None,
            Counted("1 new entry", "{count} new entries", added, count=added) if added else None,
            Counted("1 entry removed", "{count} entries removed", removed, count=removed) if removed else None]
    said = [message for message in said if message]
    return _in_each(lambda lang: LIST_COMMA[lang].join(message.say(lang) for message in said))


def counts(data: SiteData) -> dict[tuple, tuple[str, int]]:
    """How many entries each list of the data holds, as the pages count them (never typed): every list of entries
    at the top of a file, and, for a list whose entries have a camp, each camp's share, named as the site names the
    camp ("Stayed away · معسكر الرفض")."""
    found: dict[tuple, tuple[str, int]] = {}
    for file in schema.CONTENT_FILES:
        model = getattr(data, file.removesuffix(".yml"))
        for name in type(model).model_fields:
            entries = getattr(model, name)
            if not (isinstance(entries, list) and all(isinstance(e, BaseModel) for e in entries)):
                continue
            found[(file, name)] = (f"`{file}` › {name}", len(entries))
            if entries and all(isinstance(getattr(e, "camp", None), str) for e in entries):
                for camp in data.camps.camps:
                    share = len([e for e in entries if e.camp == camp.id])
                    found[(file, name, camp.id)] = (f"`{file}` › {name}: {md(camp.name.en)} · {md(camp.name.ar)}",
                                                    share)
    return found


def _counts_changed(base: SiteData, head: SiteData) -> list[str]:
    """ "7 → 8" for each count that changes (a count only on one side was 0 on the other)."""
    before, after = counts(base), counts(head)
    rows = []
    for key in dict.fromkeys([*after, *before]):
        was, now = before.get(key, (None, 0))[1], after.get(key, (None, 0))[1]
        if was != now:
            rows.append(f"- {(after.get(key) or before[key])[0]}: {was} → {now}")
    if not rows:
        return []
    return ["", "**" + _pair(M("Counts that change")) + ":**", ""] + rows


def _downloads_changed(base: SiteData, head: SiteData) -> list[str]:
    """The downloads (the roster as CSV and JSON) whose content the change alters, each rendered from both sides."""
    changed = [f"`{DOWNLOADS}/{name}`" for name, render in DOWNLOAD_FILES.items() if render(base) != render(head)]
    if not changed:
        return []
    said = M("Downloads that change:")
    return [""] + _each_language(lambda lang: f"**{said.say(lang)}** {LIST_COMMA[lang].join(changed)}.")


def _each_language(make) -> list[str]:
    """A paragraph made in each language, English first (the summary sets each paragraph's direction from its
    text)."""
    out: list[str] = []
    for lang in LANGS:
        out += ([""] if out else []) + [make(lang)]
    return out


def _both(message) -> list[str]:
    """A sentence for the editor, in each language, each its own paragraph."""
    return _each_language(lambda lang: say(message, lang))


SUMMARY_LIMIT = 1024 * 1024  # GitHub drops a step's summary larger than 1 MiB (of UTF-8)
# Changes are listed up to this size, then counted instead: a margin for the notes that say so, for anything a later
# version adds outside the budget, and for a summary file that already holds a line.
SUMMARY_BUDGET = SUMMARY_LIMIT - 64 * 1024


def _size(lines: list[str]) -> int:
    return sum(len(line.encode("utf-8")) + 1 for line in lines)


class _Room:
    """Room left in the summary: a group of lines is taken while it fits; what does not is counted, not shown."""

    def __init__(self, size: int):
        self.size = size
        self.left_out: list[Change] = []
        self.drifts_left_out = 0

    def fits(self, lines: list[str]) -> bool:
        if _size(lines) > self.size:
            return False
        self.size -= _size(lines)
        return True


def _left_out_note(changes: list[Change], drifts_left_out: int) -> list[str]:
    """Said at the top when the summary could not list everything."""
    parts = [_count(changes)] if changes else []
    if drifts_left_out:
        parts.append(Counted("1 text to check in the other language", "{count} texts to check in the other language",
                             drifts_left_out, count=drifts_left_out))
    said = _in_each(lambda lang: LIST_SEMICOLON[lang].join(say(part, lang) for part in parts))
    return _both(M("**Not everything is listed:** in full, this summary would be larger than GitHub shows (1 MiB), so "
                   "these are left out below: {said}. The pull request's *Files changed* tab (the diff of `data/`) "
                   "shows every change, and the warnings on the files every text to check.", said=said)) + [""]


def _file_note(changes: list[Change]) -> list[str]:
    """Under a table that could not list every change of its file."""
    return [""] + _both(M("*Not listed here: {count}. See the pull request's Files changed tab.*",
                          count=_count(changes)))


def report(base: SiteData | None, head: SiteData | None, base_root: Path, head_root: Path,
           base_problems: int = 0, head_problems: int = 0) -> str:
    out = ["## " + _pair(M("What this change does to the site")), ""]
    if head is None:
        said = Counted("The data of this pull request does not load (1 problem): the validator's messages "
                       "(annotations, and the *Validate data* step) say what to fix. This report follows once it loads.",
                       "The data of this pull request does not load ({count} problems): the validator's messages "
                       "(annotations, and the *Validate data* step) say what to fix. This report follows once it loads.",
                       head_problems, count=head_problems)
        out += _both(said)
        return "\n".join(out) + "\n"
    if base is None:
        out += _both(Counted("The base data (the target branch) does not load (1 problem) with the code of this pull "
                             "request, so there is nothing to compare this change with. Either the base branch is "
                             "broken, or this pull request changes the shape of the data (explainer/data/schema.py) "
                             "as well.",
                             "The base data (the target branch) does not load ({count} problems) with the code of "
                             "this pull request, so there is nothing to compare this change with. Either the base "
                             "branch is broken, or this pull request changes the shape of the data "
                             "(explainer/data/schema.py) as well.", base_problems, count=base_problems))
        return "\n".join(out) + "\n"
    changes = compare(base, head, base_root, head_root)
    if not changes:
        out += _both(M("No change to what the site shows: every text and value in `data/` is as on the base branch."))
        return "\n".join(out) + "\n"

    order = [p.id for p in head.pages.pages]
    base.layouts = base.layouts or head.layouts  # a removed entry was printed where the pages print its kind

    def pages_of(change: Change) -> list[str]:
        # The pages that print this entry (coverage.py measures it), in the data it is in.
        data = base if change.kind == "removed" else head
        shown = pages_showing(data, MACROS, change.file, change.raw)
        return [p for p in order if p in shown]

    files = list(dict.fromkeys(c.file for c in changes))
    per_page: dict[str, list[str]] = {}
    for change in changes:
        if change.file.startswith(STRINGS_DIR):
            continue
        for page in pages_of(change):
            per_page.setdefault(page, [])
            if change.file not in per_page[page]:
                per_page[page].append(change.file)
    said = Counted("{what}, in 1 file. The pages that show the changed data (built from it, in both languages):",
                   "{what}, in {count} files. The pages that show the changed data (built from it, in both languages):",
                   len(files), what=_count(changes), count=len(files))
    out += _both(said)
    out += ["", "| " + _pair(M("page")) + " | " + _pair(M("data changed")) + " |", "| --- | --- |"]
    out += [f"| {_page_name(head, page)} | {', '.join(f'`{f}`' for f in per_page[page])} |"
            for page in order if page in per_page]
    strings = list(dict.fromkeys(f for f in files if f.startswith(STRINGS_DIR)))
    if strings:
        every_page = _pair(M("every page (interface strings)"))
        out.append(f"| {every_page} | {', '.join(f'`{f}`' for f in strings)} |")
    out += _counts_changed(base, head) + _downloads_changed(base, head)
    every = drifts(base, head, head_root)
    found = [d for d in every if not d.spelling]
    respelt = [d for d in every if d.spelling]
    of_file = {file: [c for c in changes if c.file == file] for file in files}
    groups = {file: _groups(of_file[file]) for file in files}
    sections = {file: _section(head, file, of_file[file], order, pages_of) for file in files}
    # Room for the notes is kept with every count at its largest (all changes left out).
    reserve = _size(_left_out_note(changes, len(found))) + sum(_size(_file_note(of_file[f])) for f in files)
    room = _Room(SUMMARY_BUDGET - reserve - _size(out) - sum(_size(sections[f]) + _size(TABLE_HEAD) for f in files))
    top = len(out)
    if found:
        out += [""] + _both(Counted("**Check the other language** (1): one language of this text changed and the "
                                    "other did not (see the warning on the file):",
                                    "**Check the other language** ({count}): one language of these texts changed "
                                    "and the other did not (see the warnings on the files):",
                                    len(found), count=len(found))) + [""]
        for d in found:
            item = d.item()
            if room.fits([item]):
                out.append(item)
            else:
                room.drifts_left_out += 1
    if respelt:
        out += [""] + _both(Counted("**Spelling fixes** (1): one word of one language respelt; the other language "
                                    "need not change:",
                                    "**Spelling fixes** ({count}): in each, one word of one language respelt; the "
                                    "other language need not change:", len(respelt), count=len(respelt))) + [""]
        for d in respelt:
            line = _pair(M("line {line}", line=d.line))
            item = f"- `{d.file}` {line} ({d.changed}): {_mark(d.spelling[0], '~~')} → {_mark(d.spelling[1], '**')}"
            if room.fits([item]):
                out.append(item)
    for file in files:
        out += sections[file] + TABLE_HEAD
        left_out = []
        for rows, shown in groups[file]:
            if room.fits(rows):
                out += rows
            else:
                left_out += shown
        if left_out:
            out += _file_note(left_out)
            room.left_out += left_out
    if room.left_out or room.drifts_left_out:
        out[top:top] = [""] + _left_out_note(room.left_out, room.drifts_left_out)[:-1]
    return "\n".join(out) + "\n"


def _section(head: SiteData, file: str, changes: list[Change], order: list[str], pages_of) -> list[str]:
    """A changed file's heading and the pages it shows on, in both languages."""
    pages = {p for c in changes for p in pages_of(c)}
    shown_on = [p for p in order if p in pages]
    names = {lang: [getattr(head.page(p).nav, lang) if head.page(p) else p for p in shown_on] for lang in LANGS}
    if file.startswith(STRINGS_DIR):
        said = M("Shown on: {pages}.", pages=M("every page"))
    elif shown_on:
        said = M("Shown on: {pages}.", pages=_in_each(lambda lang: md(LIST_COMMA[lang].join(names[lang]))))
    else:
        said = M("Shown on: no page.")
    return ["", f"### `data/{file}`", ""] + _both(said) + [""]


def _load(root: Path) -> tuple[SiteData | None, int]:
    try:
        docs = root.parent / "docs" if (root.parent / "docs").is_dir() else PROJECT_DOCS
        return load_data(root, docs), 0
    except DataErrors as exc:
        return None, len(exc.errors)


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 2:
        print("usage: python -m explainer.tools.change_report BASE_DATA_DIR HEAD_DATA_DIR", file=sys.stderr)
        return 2
    base_root, head_root = Path(args[0]), Path(args[1])
    head, head_problems = _load(head_root)
    base, base_problems = _load(base_root) if head is not None else (None, 0)
    sys.stdout.write(report(base, head, base_root, head_root, base_problems, head_problems))
    if base is not None and head is not None:
        annotate = os.environ.get("GITHUB_ACTIONS") == "true"
        for drift in drifts(base, head, head_root):
            if not drift.spelling:  # listed in the summary as a spelling fix: nothing for the other language to do
                print(drift.annotation() if annotate else drift, file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
