"""Read one YAML file into plain Python values plus the line and column of every key and value.

Why not a stock loader: PyYAML keeps duplicate keys silently and expands aliases (an alias bomb can exhaust
memory); ruamel's constructors stop at the first duplicate. Here ruamel only parses and composes; this module
builds the values itself, so every problem in a file is found in one pass and none of them can run away.
Columns count characters, not bytes, as an editor's cursor does.
"""
from __future__ import annotations

import bisect
import functools
import math
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from ruamel.yaml import YAML
from ruamel.yaml.error import MarkedYAMLError, YAMLError
from ruamel.yaml.events import AliasEvent, CollectionEndEvent, CollectionStartEvent, NodeEvent
from ruamel.yaml.nodes import MappingNode, ScalarNode, SequenceNode

from explainer.data.errors import DataError, visible
from explainer.data.messages import M, N_, code
from explainer.data.hygiene import ESCAPES, persian_digits, problem_with
from explainer.data.languages import ARABIC_COMMA, CODES as LANGUAGES

PathKey = tuple  # ("factions", 3, "name", "ar")

# The data is at most six levels deep; far deeper is a mistake (or an attack on the parser's recursion).
MAX_DEPTH = 20

_PLAIN_TAGS = {
    "tag:yaml.org,2002:str",
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:null",
    "tag:yaml.org,2002:timestamp",
    "tag:yaml.org,2002:map",
    "tag:yaml.org,2002:seq",
}
# What ruamel's reader refuses outright; such a character stops the file from being parsed at all.
_UNREADABLE = re.compile("[^\x09\x0A\x0D\x20-\x7E\x85\xA0-\uD7FF\uE000-\uFFFD\U00010000-\U0010FFFF]")
_INT = re.compile(r"[-+]?(?:0b[01_]+|0o[0-7_]+|0x[0-9a-fA-F_]+|[0-9][0-9_]*)")
_SPECIAL_FLOATS = {".inf": math.inf, "+.inf": math.inf, "-.inf": -math.inf, ".nan": math.nan}


@dataclass
class Positions:
    """1-based (line, col) of each value and each mapping key, by path from the document root."""

    values: dict[PathKey, tuple[int, int]] = field(default_factory=dict)
    keys: dict[PathKey, tuple[int, int]] = field(default_factory=dict)
    # Values already reported as unreadable (a bad tag or number): the schema need not complain of them again.
    unreadable: set[PathKey] = field(default_factory=set)
    # A key written again in the same entry (path of the key -> its line and column): often a line indented too
    # little, which the loader recognises when an entry above lacks that key.
    duplicates: dict[PathKey, tuple[int, int]] = field(default_factory=dict)
    # The first and the last character of each text as written (inside its quotes): a quotation mark typed at an end
    # of a value is reported at the mark itself.
    edges: dict[PathKey, tuple[tuple[int, int], tuple[int, int]]] = field(default_factory=dict)
    # Each text as written between its edges: a rule that finds a character inside a text points at that character.
    written: dict[PathKey, str] = field(default_factory=dict)

    def of_character(self, path: PathKey, value: str, offset: int) -> tuple[int, int] | None:
        """The line and column of `value[offset]` as written: its n-th occurrence in the value is the n-th in the
        written text (escapes and folded lines change the rest, never the order of the characters)."""
        written, edges = self.written.get(tuple(path)), self.edges.get(tuple(path))
        if written is None or edges is None or not 0 <= offset < len(value):
            return None
        ch = value[offset]
        at = -1
        for _ in range(value[:offset].count(ch) + 1):
            at = written.find(ch, at + 1)
            if at < 0:
                return None
        (line, col), before = edges[0], written[:at]
        if "\n" in before:
            return line + before.count("\n"), at - before.rfind("\n")
        return line, col + at

    def of_value(self, path: PathKey) -> tuple[int, int]:
        # An error deep inside a value that does not exist yet points at the nearest thing that does.
        path = tuple(path)
        while path and path not in self.values:
            path = path[:-1]
        return self.values.get(path, (1, 1))

    def of_key(self, path: PathKey) -> tuple[int, int]:
        return self.keys.get(tuple(path)) or self.of_value(path)


@dataclass
class ReadResult:
    value: object
    positions: Positions
    errors: list[DataError]
    text: str = ""  # the file as written: where in a value a word stands (loader.renamed_spellings)


def _yaml() -> YAML:
    return YAML(typ="safe", pure=True)


def _pos(mark) -> tuple[int, int]:
    return mark.line + 1, mark.column + 1


def _decode(raw: bytes, name: str) -> tuple[str | None, list[DataError]]:
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        before = raw[: exc.start]
        line_start = before.rfind(b"\n") + 1
        col = len(before[line_start:].decode("utf-8", errors="replace")) + 1
        return None, [
            DataError(
                name,
                before.count(b"\n") + 1,
                col,
                M("the file is not UTF-8 (byte 0x{byte} cannot be read); save it again with the encoding UTF-8",
                  byte=f"{raw[exc.start]:02X}"),
            )
        ]
    return text.removeprefix("\ufeff"), []


def _character_errors(text: str, name: str) -> tuple[list[DataError], bool]:
    """Every refused character written as it is, at its own line and column; and whether the file can still be
    parsed (YAML itself refuses raw control characters) or is tab-indented (parsed, it would be nonsense)."""
    errors, readable = [], True
    # Each distinct character is judged once; only lines holding a refused one are read character by character.
    refused = {ch for ch in set(text) if problem_with(ch)}
    for number, line in enumerate(text.split("\n") if refused else [], start=1):
        if refused.isdisjoint(line):
            continue
        indent = len(line) - len(line.lstrip(" \t"))
        digits_said = False
        for col, ch in enumerate(line, start=1):
            if "\u06f0" <= ch <= "\u06f9":
                if not digits_said:
                    errors.append(DataError(name, number, col, persian_digits(line)))
                digits_said = True
                continue
            if ch == "\t" and col <= indent:
                errors.append(DataError(name, number, col, M("a tab is used for indentation; YAML needs spaces: replace the tab with spaces")))
                readable = False
                continue
            if ch == "\r" and (col == len(line) or line[col] == "\n"):
                continue  # Windows line ends are fine
            problem = problem_with(ch)
            if problem:
                errors.append(DataError(name, number, col, problem))
                readable = readable and not _UNREADABLE.match(ch)
    return errors, readable


def _escape_errors(node: ScalarNode, text: str, name: str, value: bool = True) -> list[DataError]:
    """Characters refused in text that a double-quoted value writes as escapes ("\\a", "\\u202e"): reported at the
    backslash, which is what the editor sees. In a value, `\\"` too: `"called \\"Astana\\""` was published with
    straight quotes, which the guides forbid inside a text."""
    errors = []
    start, end = node.start_mark.index, node.end_mark.index
    line, col = _pos(node.start_mark)
    i = start
    while i < end:
        ch = text[i]
        if ch == "\\" and i + 1 < end:
            letter = text[i + 1]
            width = {"x": 2, "u": 4, "U": 8}.get(letter)
            produced = None
            if width:
                digits = text[i + 2 : i + 2 + width]
                if re.fullmatch(r"[0-9a-fA-F]+", digits) and len(digits) == width and int(digits, 16) <= 0x10FFFF:
                    produced = chr(int(digits, 16))
            else:
                produced = ESCAPES.get(letter)
            problem = problem_with(produced) if produced and produced != "\n" else None
            if value and letter == '"':
                problem = _straight_quote_inside()
            if problem:
                errors.append(DataError(name, line, col, problem))
            step = 2 + (width or 0) if produced else 2
            col += step if letter != "\n" else 0
            if letter == "\n":
                line, col = line + 1, 1
            i += step
            continue
        if ch == "\n":
            line, col = line + 1, 1
        else:
            col += 1
        i += 1
    return errors


# What the parser says, and what it means to someone who edits YAML by hand. Checked in this order.
_PLAIN_SYNTAX = [
    ("while scanning a quoted scalar", "context",
     N_("a quote (\") opened here is never closed; add the closing quote at the end of the text")),
    ("mapping values are not allowed", "problem",
     N_("a colon followed by a space (\": \") inside a value; put the whole value in double quotes")),
    ("expected <block end>", "problem",
     N_("this line is indented differently from the lines of the same entry; line it up with them")),
    ("did not find expected key", "problem",
     N_("this line is indented differently from the lines of the same entry; line it up with them")),
    ("could not find expected ':'", "context",
     N_("a key without its colon, or a quoted value that is not closed; write `key: value`")),
    ("while parsing a flow", "context",
     N_("a list [ … ] or an entry {{ … }} opened here is not closed, a quote inside it is not closed, or its items are "
        "not separated by commas")),
    ("block sequence entries are not allowed", "problem",
     N_("a list item (\"- \") where a value was expected; check the indentation of this line and the one above")),
    ("found character", "problem", N_("a character that cannot start a value; put the value in double quotes")),
    ("found unknown escape character", "problem",
     N_("a backslash (\\) followed by a letter YAML does not know; write \\\\ for a backslash")),
]


def _quote_marks(text: str):
    """(column, inside after it) for each straight double quote that opens or closes a text on a line, up to a
    comment; a backslash inside a text escapes the next character."""
    inside = escaped = False
    for col, ch in enumerate(text, start=1):
        if inside and escaped:
            escaped = False
        elif inside and ch == "\\":
            escaped = True
        elif ch == '"':
            inside = not inside
            yield col, inside
        elif ch == "#" and not inside:
            return  # a comment


def _unclosed_quote(lines: list[str], line: int) -> tuple[int, int] | None:
    """The line and column of a double quote that is opened and never closed on its line, at or just above the
    line where the parser gave up; None if every line there closes its quotes."""
    for number in range(min(line, len(lines)), max(0, line - 3), -1):
        opened = None
        for col, inside in _quote_marks(lines[number - 1]):
            opened = col if inside else None
        if opened:
            return number, opened
    return None


# A text opened with a straight quote and closed with a typographic one: `"Sham Legion”,`.
_CURLY_CLOSE = re.compile(r'"[^"\n]*?([”“»«])\s*(?=[,}\]]|$)')


def _quote_inside(text: str) -> int | None:
    """The column of a straight quote that ends a text before its end (`"has "political" value"`: the text goes
    on after it), or None."""
    for col, inside in _quote_marks(text):
        after = text[col:].lstrip(" \t")
        if not inside and after and after[0] not in ",}]#:":
            return col
    return None


def _runs_into_key(text: str) -> tuple[int, str, str] | None:
    """(column of the opening quote, the key, the text before it) when a quoted text takes in the next key of its
    entry (`{en: "Sham Legion, ar: "فيلق الشام"}`): its closing quote is missing, and blaming the next quote, as
    "a quote inside a text", sent the editor to the other language."""
    opened = None
    for col, inside in _quote_marks(text):
        if inside:
            opened = col
            continue
        taken = re.fullmatch(r"(.*?)\s*,\s*([\w-]+:)\s*", text[opened:col - 1]) if opened else None
        if taken and taken[1]:
            return opened, taken[2], taken[1]
    return None


def _arabic_comma_after_quote(text: str) -> int | None:
    """The column of an Arabic comma typed after a closing quote to separate items (`["أ"، "ب"]`), or None: YAML
    separates a flow collection's items with a Latin comma only."""
    for col, inside in _quote_marks(text):
        after = text[col:].lstrip(" \t")
        if not inside and after.startswith(ARABIC_COMMA):
            return len(text) - len(after) + 1
    return None


# A text typed without quotes that holds ": " (`{en: Free Men: Legion, …}`): YAML takes the colon for a new key.
_COLON_IN_PLAIN = re.compile(r"""(?:^\s*(?:- )?|[{,]\s*)[\w-]+:[ \t]+(?!["'\[{|>])([^,{}\[\]#\n"]*?:[ \t][^,{}\[\]#\n]*?)\s*(?=[,}]|$)""")


def _comment_message(quoted: bool) -> M:
    """What a " #" that cuts a text is told, in a block or inside a one-line { … } or [ … ]."""
    if not quoted:
        return M('a # after a space starts a comment and cuts the text here; put the whole text in double quotes: "…"')
    return M("a # after a space starts a comment, so what follows the closing quote is not part of the text; put it "
             "inside the quotes, or start the comment on a line of its own")


def _comment_in_flow(text: str) -> tuple[int, bool] | None:
    """(column of the #, whether a quoted text ends just before it) for a " #" outside quotes inside a one-line
    `{en: "…", ar: "…"}` or `[…]`: the comment takes the rest of the line, its closing bracket with it, and YAML's
    own message ("not closed … or not separated by commas") named neither the # nor the fix."""
    depth, inside, escaped = 0, False, False
    for col, ch in enumerate(text, start=1):
        if inside:
            escaped, inside = (False, True) if escaped else (ch == "\\", ch != '"')
        elif ch == '"':
            inside = True
        elif ch in "[{":
            depth += 1
        elif ch in "]}":
            depth -= 1
        elif ch == "#" and col > 1 and text[col - 2] in " \t":
            return (col, text[:col - 1].rstrip().endswith('"')) if depth > 0 else None
    return None


def _quote_problem(lines: list[str], line: int) -> tuple[int, int, M] | None:
    """A straight quote where a typographic one was meant, on the line where the parser gave up or just above:
    said at the quote itself, with the fix that works."""
    for number in range(min(line, len(lines)), max(0, line - 2), -1):
        text = lines[number - 1]
        curly = _CURLY_CLOSE.search(text)
        if curly:
            return number, curly.start(1) + 1, M(
                'the text in quotes is closed with {mark} here, but opened with a straight "; YAML needs a straight " '
                "at both ends: replace {mark} with \"", mark=curly.group(1))
        plain = _COLON_IN_PLAIN.search(text)
        if plain:
            return number, plain.start(1) + 1, M(
                'the text `{text}` is not in quotes, and YAML reads its ": " as the start of a key; put the text in '
                'straight double quotes: `"{text}"`', text=plain.group(1))
        comma = _arabic_comma_after_quote(text)
        if comma:
            return number, comma, M("the items are separated with the Arabic comma «،» here, which YAML does not read "
                                    "as a separator; use a Latin comma (,) instead")
        runs_on = _runs_into_key(text)
        if runs_on:
            col, key, before = runs_on
            return number, col, M(
                'the text in quotes that starts here runs into "{key}": a closing " is missing after "{before}"; '
                'write `"{before}", {key} …`', key=key, before=before)
        inside = _quote_inside(text)
        if inside:
            return number, inside, _straight_quote_inside()
    return None


def _straight_quote_inside() -> M:
    # Also said of an escaped one (\"), which YAML reads: the guides forbid a straight " inside a text either way.
    return M('a straight " inside a text ends the text here; inside a text, use “ ” (English) or « » (Arabic) '
             'instead of "')


_EMPTY_LIST = re.compile(r"^(\s*)([\w-]+):\s*(\[\s*\])\s*(#.*)?$")


def _item_without_dash(lines: list[str], line: int) -> int | None:
    """The column of a `key: value` line that stands in the column of the "- " of the list above it: a new entry
    typed without its dash ("indented differently; line it up" led to four 'keep one' messages once lined up)."""
    if not 0 < line <= len(lines) or not re.match(r"\s*[\w-]+:(\s|$)", lines[line - 1]):
        return None
    indent = len(lines[line - 1]) - len(lines[line - 1].lstrip())
    for above in reversed(lines[: line - 1]):
        if not above.strip() or above.lstrip().startswith("#"):
            continue
        depth = len(above) - len(above.lstrip())
        if depth < indent:
            return None
        if depth == indent:
            # The same first key as that entry's ("- id:" above, "id:" here): a key merely indented too little
            # keeps the indentation message.
            first = re.match(r"- ([\w-]+):", above.lstrip())
            return indent + 1 if first and lines[line - 1].lstrip().startswith(first[1] + ":") else None
    return None


_KEY_LINE = re.compile(r"( *)(- +)?([\w-]+):(?:\s|$)")


def _indented_off(lines: list[str], line: int) -> tuple[int, int, bool, str] | None:
    """(column to start at, the line lined up with, whether it is too far in, that line's key) for a `key:` line the
    parser could not place: an entry ("- id:") goes where the last entry of the same kind starts, a key where the key
    above it does, or, indented less than that, at the level of the mapping it most likely belongs to (`_level`).
    "Line it up with them" named no column, and the lines "of the same entry" were not the ones to match."""
    found = _KEY_LINE.match(lines[line - 1]) if 0 < line <= len(lines) else None
    if not found:
        return None
    col = len(found[1]) + 1
    for number in range(line - 1, 0, -1):
        above = _KEY_LINE.match(lines[number - 1])
        if not above:
            continue
        if found[2]:  # an entry: like the last entry that starts with the same key
            if above[2] and above[3] == found[3] and len(above[1]) + 1 != col:
                return len(above[1]) + 1, number, col > len(above[1]) + 1, above[3]
            continue
        target, key = len(above[1]) + len(above[2] or "") + 1, above[3]  # a key: like the key of the line above
        if col < target:
            target, number, key = _level(lines, number, col, found[3])
        return (target, number, col > target, key) if target != col else None
    return None


def _level(lines: list[str], above: int, col: int, key: str) -> tuple[int, int, str]:
    """(column, line, key) of the level a key indented less than the key on line `above` belongs to: one of the
    mappings that line is in, the nearest to where it was typed, and between two as near, the inner one (a key typed
    under the "- " of `- text:` belongs to that item). A language key (`en:`, `ar:`) goes with other language keys, any
    other key never among them: `paras:` typed at column 7 under a claim's three-line `text:` was told "column 11,
    like line 54" (the `ar:` line), which the loader then refused as indented too far, at column 9."""
    levels: list[tuple[int, int, str, bool]] = []  # (column, nearest line, its key, all its keys are languages)
    for number in range(above, 0, -1):
        found = _KEY_LINE.match(lines[number - 1])
        if not found:
            continue
        at = len(found[1]) + len(found[2] or "") + 1
        if not levels or at < levels[-1][0]:
            levels.append((at, number, found[3], found[3] in LANGUAGES))
        elif at == levels[-1][0]:
            levels[-1] = (*levels[-1][:3], levels[-1][3] and found[3] in LANGUAGES)
        if at == 1:
            break
    fitting = [level for level in levels if level[3] == (key in LANGUAGES)] or levels
    at, number, name, _ = min(fitting, key=lambda level: (abs(level[0] - col), -level[0]))
    return at, number, name


def _items_after_empty(lines: list[str], line: int) -> tuple[int, int, str] | None:
    """(line, column of the [], key) when the line the parser stopped at is an item under a `key: []` just above it:
    the guide's "replace `corrections: []`" done by adding below it ("indented differently" sent the editor wrong)."""
    if not 0 < line <= len(lines) or not lines[line - 1].lstrip().startswith("- "):
        return None
    above = line - 1
    while above > 0 and (not lines[above - 1].strip() or lines[above - 1].lstrip().startswith("#")):
        above -= 1
    found = _EMPTY_LIST.match(lines[above - 1]) if above > 0 else None
    if not found or len(lines[line - 1]) - len(lines[line - 1].lstrip()) < len(found[1]):
        return None
    return above, found.start(3) + 1, found[2]


def _excerpt(line: str) -> str:
    """A line as a message quotes it: its first 60 characters, in backticks, which keep it one piece in an Arabic
    message whatever script it is in (messages.laid_out); in parentheses, the Arabic words of the line were ordered
    apart from its Latin ones."""
    return code(line[:60] + ("…" if len(line) > 60 else ""))


def _syntax_error(exc: YAMLError, name: str, text: str) -> DataError:
    said = " ".join(str(part) for part in (getattr(exc, "context", None), getattr(exc, "problem", None)) if part)
    if not isinstance(exc, MarkedYAMLError):
        said = said or str(exc)
    message, mark = None, None
    for needle, which, plain in _PLAIN_SYNTAX:
        if needle in said:
            message = plain
            mark = exc.context_mark if which == "context" and getattr(exc, "context_mark", None) else None
            break
    mark = mark or getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    line, col = _pos(mark) if mark else (1, 1)
    lines = text.split("\n")
    for number in range(min(line, len(lines)), max(0, line - 2), -1):
        comment = _comment_in_flow(lines[number - 1])
        if comment:
            return DataError(name, number, comment[0], _comment_message(quoted=comment[1]))
    quote = _quote_problem(lines, line)
    if quote:
        at_line, at_col, plain = quote
        shown = lines[at_line - 1].strip()
        return DataError(name, at_line, at_col, M("YAML cannot read this line ({line_text}): {plain}",
                                                  line_text=_excerpt(shown), plain=plain))
    unclosed = _unclosed_quote(lines, line)
    if unclosed:
        # The commonest slip: a closing quote left out. The parser notices only later; point at the quote itself.
        at_line, at_col = unclosed
        shown = lines[at_line - 1].strip()
        return DataError(name, at_line, at_col, M(
            "YAML cannot read this line ({line_text}): the text in quotes that starts here is not closed; add \" at "
            "the end of the text", line_text=_excerpt(shown)))
    undashed = _item_without_dash(lines, line)
    if undashed:
        shown = lines[line - 1].strip()
        return DataError(name, line, undashed, M(
            'YAML cannot read this line ({line_text}): it stands where the list\'s "- " stand, without one; if it '
            'starts a new entry, write "- " before it ({fixed})', line_text=_excerpt(shown), fixed=_excerpt("- " + shown)))
    emptied = _items_after_empty(lines, line)
    if emptied:
        at_line, at_col, key = emptied
        return DataError(name, at_line, at_col, M(
            'the line "{key}: []" says the list is empty, but items follow it; replace it with "{key}:"', key=key))
    shown = lines[line - 1].strip() if 0 < line <= len(lines) else ""
    indented = _indented_off(lines, line) if message in {plain for _, _, plain in _PLAIN_SYNTAX[1:4]} else None
    if indented:
        at_col, like, too_far, key = indented
        where = len(lines[line - 1]) - len(lines[line - 1].lstrip()) + 1
        if too_far:
            return DataError(name, line, where, M(
                'YAML cannot read this line ({line_text}): it is indented too far; start it in column {col}, like line '
                '{like}, lined up with "{key}"', line_text=_excerpt(shown), col=at_col, like=like, key=key))
        return DataError(name, line, where, M(
            "YAML cannot read this line ({line_text}): it is indented differently from the lines of its entry; start "
            'it in column {col}, like line {like}, lined up with "{key}"', line_text=_excerpt(shown), col=at_col,
            like=like, key=key))
    if message is None:
        return DataError(name, line, col, M("the YAML cannot be read here ({said}); check the indentation, the colons "
                                            "and the quotes on this line and the one above", said=said.strip()))
    return DataError(name, line, col, M("YAML cannot read this line ({line_text}): {plain}",
                                        line_text=_excerpt(shown), plain=M(message)))


def _structure_errors(text: str, name: str) -> list[DataError]:
    """Anchors, aliases and runaway nesting, found from the parser's events before anything is built."""
    errors = []
    depth = 0
    for event in _yaml().parse(text):
        line, col = _pos(event.start_mark)
        if isinstance(event, AliasEvent):
            errors.append(DataError(name, line, col, M("the alias *{anchor} is not allowed here; write the value out in full", anchor=event.anchor)))
        elif isinstance(event, NodeEvent) and event.anchor is not None:
            errors.append(DataError(name, line, col, M("the anchor &{anchor} is not allowed here; remove it and write values out in full", anchor=event.anchor)))
        if isinstance(event, CollectionStartEvent):
            depth += 1
            if depth > MAX_DEPTH:
                errors.append(DataError(
                    name, line, col,
                    M("entries are nested more than {depth} levels deep here; no data file needs that many: "
                      "check the indentation and the brackets", depth=MAX_DEPTH),
                ))
                break
        elif isinstance(event, CollectionEndEvent):
            depth -= 1
    return errors


def _scalar(node: ScalarNode) -> tuple[object, str | None]:
    """The value of a scalar, or the reason it has none. Tags given by hand (`!!int "x"`) are not trusted."""
    value, tag = node.value, node.tag.rsplit(":", 1)[-1]
    if tag == "int":
        if _INT.fullmatch(value):
            sign = -1 if value.startswith("-") else 1
            digits = value.lstrip("+-").replace("_", "")
            base = {"0b": 2, "0o": 8, "0x": 16}.get(digits[:2].lower(), 10)
            try:
                return sign * int(digits[2:] if base != 10 else digits, base), None
            except ValueError:
                pass  # too many digits for Python's int()
        return None, M('"{value}" cannot be read as a whole number; write digits only, or put text in quotes', value=value[:40])
    if tag == "float":
        special = _SPECIAL_FLOATS.get(value.lower())
        if special is not None:
            return special, None
        try:
            return float(value.replace("_", "")), None
        except ValueError:
            return None, M('"{value}" cannot be read as a number; write digits only, or put text in quotes', value=value[:40])
    if tag == "bool":
        if value.lower() in ("true", "false"):
            return value.lower() == "true", None
        return None, M('"{value}" cannot be read as true or false; write true or false, or put text in quotes', value=value[:40])
    if tag == "null":
        if value in ("", "~", "null", "Null", "NULL"):
            return None, None
        return None, M('"{value}" is marked as empty (!!null) but is not; remove the tag', value=value[:40])
    # str, and timestamps as written: the schema parses dates itself. One spelling of each character (NFC).
    return unicodedata.normalize("NFC", value), None


class _Builder:
    """Turns composed nodes into dicts, lists and scalars, noting positions, duplicate keys and escaped
    characters that text may not hold."""

    def __init__(self, name: str, text: str, all_text: bool = False):
        self.name = name
        self.text = text
        self.all_text = all_text
        self.positions = Positions()
        self.errors: list[DataError] = []

    def error(self, node, message: str) -> None:
        line, col = _pos(node.start_mark)
        self.errors.append(DataError(self.name, line, col, message))

    def build(self, node, path: PathKey):
        self.positions.values[path] = _pos(node.start_mark)
        if node.tag not in _PLAIN_TAGS:
            self.error(node, M("the tag {tag} is not allowed; remove it", tag=node.tag))
            self.positions.unreadable.add(path)
            return None
        if isinstance(node, MappingNode):
            return self._mapping(node, path)
        if isinstance(node, SequenceNode):
            return [self.build(item, path + (i,)) for i, item in enumerate(node.value)]
        return self._scalar(node, path)

    def _scalar(self, node: ScalarNode, path: PathKey):
        if node.style == '"':
            self.errors.extend(_escape_errors(node, self.text, self.name))
        if path and (self.all_text or path[-1] in LANGUAGES):
            self._comment_after(node)
        value, problem = _scalar(node)
        if isinstance(value, str) and value.strip():
            self.positions.edges[path], self.positions.written[path] = self._edges(node)
        if problem:
            self.error(node, problem)
            self.positions.unreadable.add(path)
        return value

    def _comment_after(self, node: ScalarNode) -> None:
        """`en: In a statement #5, it set …`: YAML reads " #" as the start of a comment, so the text was published
        as "In a statement" without a word."""
        end = node.end_mark.index
        comment = re.match(r"[ \t]+#", self.text[end:self.text.find("\n", end) % (len(self.text) + 1)])
        if not comment:
            return
        line, col = self._at(end + comment.end() - 1)
        self.errors.append(DataError(self.name, line, col, _comment_message(quoted=node.style is not None)))

    def _edges(self, node: ScalarNode) -> tuple[tuple[tuple[int, int], tuple[int, int]], str]:
        quote = 1 if node.style in ('"', "'") else 0
        first, last = node.start_mark.index + quote, node.end_mark.index - 1 - quote
        while first < last and self.text[first].isspace():
            first += 1
        while last > first and self.text[last].isspace():
            last -= 1
        return (self._at(first), self._at(last)), self.text[first:last + 1]

    def _at(self, index: int) -> tuple[int, int]:
        # By bisection over the line starts: counting the newlines before each value again was quadratic (10.8 s of
        # the 59 s that reading data ×100 took).
        line = bisect.bisect_right(self._line_starts, index)
        return line, index - self._line_starts[line - 1] + 1

    @functools.cached_property
    def _line_starts(self) -> list[int]:
        return [0, *(m.end() for m in re.finditer("\n", self.text))]

    def _mapping(self, node: MappingNode, path: PathKey) -> dict:
        result: dict = {}
        new_entry = False  # a list item's first key again: a new entry typed without its "- "
        for key_node, value_node in node.value:
            line, col = _pos(key_node.start_mark)
            if not isinstance(key_node, ScalarNode):
                self.errors.append(DataError(self.name, line, col, M("a key must be a plain word; write it as `name:`")))
                continue
            if key_node.style == '"':
                self.errors.extend(_escape_errors(key_node, self.text, self.name, value=False))
            key = unicodedata.normalize("NFC", str(key_node.value))
            if key in result and (new_entry or (path and isinstance(path[-1], int) and key == next(iter(result)))):
                # "keep one of them", said of each key, would delete the entry the editor added.
                if not new_entry:
                    self.errors.append(DataError(self.name, line, col, M(
                        'the key "{key}" appears a second time in this entry (first at line {first}): if this line starts '
                        'a new entry, begin it with "- " (`{dash}`), lined up with the "- " of the entries above', key=key,
                        first=self.positions.keys[path + (key,)][0], dash=f"- {key}: …")))
                new_entry = True
                self.positions.duplicates.setdefault(path + (key,), (line, col))
                continue
            if key in result:
                first = self.positions.keys[path + (key,)]
                self.errors.append(DataError(
                    self.name, line, col,
                    M('the key "{key}" appears twice in the same entry (first at line {first}); keep one of them',
                      key=key, first=first[0]),
                ))
                self.positions.duplicates.setdefault(path + (key,), (line, col))
                continue
            self.positions.keys[path + (key,)] = (line, col)
            result[key] = self.build(value_node, path + (key,))
            if isinstance(value_node, ScalarNode) and value_node.value == "" and value_node.style is None:
                # A blank value (`ar:`) has no position of its own (the parser gives the next line's): use its key's.
                self.positions.values[path + (key,)] = (line, col)
        return result


def read_yaml(path: Path, name: str, all_text: bool = False) -> ReadResult:
    """Every problem in one file, at once; `value` is None when the file could not be read as data. `all_text`: every
    value in the file is a text a reader sees (the interface strings), not only those under `en` and `ar`."""
    empty = ReadResult(None, Positions(), [])
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        empty.errors.append(DataError(name, 1, 1, M("the file is missing; restore it (see the README)")))
        return empty
    except OSError as exc:
        empty.errors.append(DataError(name, 1, 1, M("the file cannot be read ({reason}); restore it", reason=visible(exc.strerror or ""))))
        return empty
    text, errors = _decode(raw, name)
    if text is None:
        empty.errors.extend(errors)
        return empty
    result = _parse(text, name, all_text)
    return ReadResult(result.value, result.positions, list(result.errors), text)


@functools.lru_cache(maxsize=64)
def _parse(text: str, name: str, all_text: bool = False) -> ReadResult:
    """Parsing is most of a load's time; an unchanged file is parsed once (`mkdocs serve`, the fuzz tests).
    Callers only read the result."""
    empty = ReadResult(None, Positions(), [])
    character_errors, readable = _character_errors(text, name)
    if not readable:
        empty.errors.extend(character_errors)
        return empty
    try:
        errors = _structure_errors(text, name)
        if errors:
            empty.errors.extend(character_errors + errors)
            return empty
        node = _yaml().compose(text)
    except YAMLError as exc:
        syntax = _syntax_error(exc, name, text)
        # A tab after a colon stops the parser at the tab: the tab's own message says the one fix.
        if not any((e.line, e.col) == (syntax.line, syntax.col) for e in character_errors):
            character_errors.append(syntax)
        empty.errors.extend(character_errors)
        return empty
    if node is None:
        empty.errors.extend(character_errors + [DataError(name, 1, 1, M("the file is empty; restore its content"))])
        return empty
    builder = _Builder(name, text, all_text)
    value = builder.build(node, ())
    return ReadResult(value, builder.positions, character_errors + builder.errors)
