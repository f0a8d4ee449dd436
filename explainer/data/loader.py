"""The one place that opens data/: read, validate, cross-check, and hand back typed data or every error at once.

explainer/pages/site.py adds the pages' checks on top (`site.load_data`), which the macros, the command-line validator
and the tests call; nothing else reads data/.
"""
from __future__ import annotations

import datetime as dt
import difflib
import io
import re
import subprocess
import tarfile
import tempfile
import unicodedata
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from pydantic import BaseModel, TypeAdapter, ValidationError

import string

from explainer.data import interface, schema
from explainer.data.errors import DataError, DataErrors
from explainer.data.languages import ARABIC_COMMA, DIRECTION
from explainer.data.messages import Both, Counted, M
from explainer.data.yamlread import Positions, read_yaml

STRINGS_DIR = "i18n"
# The files whose entries have names, and the key of their list.
_NAMED_FILES = (("factions.yml", "factions"), ("actors.yml", "actors"), ("places.yml", "places"))
# The fields that hold paragraph numbers of the source: each number must be one of its paragraphs.
CITING = ("paras", "named_in")
_STRINGS = TypeAdapter(dict[str, str | schema.PluralForms], config={"strict": True})
_PLACEHOLDER = re.compile(r"\{[a-z_]+\}")
_ALL_FIELDS = sorted(
    {name for model in vars(schema).values() if isinstance(model, type) and issubclass(model, BaseModel)
     for name in model.model_fields}
)


@dataclass
class SiteData:
    """Everything in data/, validated; look-ups are derived here so renderers never re-scan lists."""

    source: schema.SourceFile
    story: schema.StoryFile
    camps: schema.CampsFile
    factions: schema.FactionsFile
    quotes: schema.QuotesFile
    actors: schema.ActorsFile
    places: schema.PlacesFile
    events: schema.EventsFile
    outlook: schema.OutlookFile
    gaps: schema.GapsFile
    corrections: schema.CorrectionsFile
    pages: schema.PagesFile
    strings: dict[str, dict[str, object]] = field(default_factory=dict)
    # Each page's macro calls and heading anchors per language (pages_check.py), when docs/ was checked with it.
    layouts: dict[str, dict[str, list]] | None = None
    # What is derived from all of it once per load (coverage.py), never compared or printed.
    cache: dict = field(default_factory=dict, compare=False, repr=False)

    @cached_property
    def paragraph_count(self) -> int:
        return len(self.source.paragraphs)

    @cached_property
    def by_id(self) -> dict[str, BaseModel]:
        found: dict[str, BaseModel] = {}
        for items in (self.camps.camps, self.factions.factions, self.actors.actors, self.places.places,
                      self.quotes.quotes, self.events.events, self.gaps.gaps, self.actors.groups):
            found.update((item.id, item) for item in items)
        return found

    def factions_in(self, camp_id: str) -> list[schema.Faction]:
        return [f for f in self.factions.factions if f.camp == camp_id]

    def page(self, page_id: str) -> schema.PageMeta | None:
        return next((p for p in self.pages.pages if p.id == page_id), None)


# ---------------------------------------------------------------- reading and schema errors


@dataclass
class _File:
    name: str  # "data/factions.yml"
    value: object
    positions: Positions
    text: str = ""  # as written


def _describe(value) -> M:
    if value is None:
        return M("nothing")
    if isinstance(value, bool):
        return M("true/false ({value})", value=str(value).lower())
    if isinstance(value, (int, float)):
        return M("a number ({value})", value=value)
    if isinstance(value, str):
        return M('text ("{value}")', value=value[:40])
    if isinstance(value, list):
        return M("a list")
    return M("an entry with keys")


def _other_digits(value) -> str | None:
    """Western digits for a number typed in Arabic-Indic (٣) or Eastern Arabic-Indic (۳) digits, else None."""
    if not isinstance(value, str) or not value or not all(ch.isdigit() for ch in value) or value.isascii():
        return None
    return "".join(str(unicodedata.digit(ch)) for ch in value)


def _data_path(value, loc: tuple) -> tuple[tuple, str | None]:
    """The part of pydantic's `loc` that exists in the data, and the missing/extra key at its end if any."""
    path, current = [], value
    for i, seg in enumerate(loc):
        if isinstance(current, dict) and seg in current:
            path.append(seg)
            current = current[seg]
        elif isinstance(current, list) and isinstance(seg, int) and 0 <= seg < len(current):
            path.append(seg)
            current = current[seg]
        elif i == len(loc) - 1 and isinstance(seg, str) and isinstance(current, dict):
            return tuple(path), seg
        # anything else is a union member's tag ("str", "function-after[...]"), not a place in the file
    return tuple(path), None


def _field_label(path: tuple, tail: str | None) -> M:
    name = tail or next((seg for seg in reversed(path) if isinstance(seg, str)), "")
    if name == "en":
        return M("the English text (en)")
    if name == "ar":
        return M("the Arabic text (ar)")
    return M('"{name}"', name=name) if name else M("this value")


def _fields_at(model, loc: tuple) -> list[str]:
    """The keys allowed where `loc` points, following the schema from the file's model."""
    current = model
    for seg in loc:
        if isinstance(seg, int) or not isinstance(seg, str):
            continue
        fields = getattr(current, "model_fields", None)
        if not fields or seg not in fields:
            continue
        current = _inner_model(fields[seg].annotation)
    return list(getattr(current, "model_fields", {}) or {})


def _inner_model(annotation):
    """The model inside list[Model], Model | None, Annotated[…]."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in getattr(annotation, "__args__", ()) or getattr(annotation, "__metadata__", ()):
        found = _inner_model(arg)
        if found is not None:
            return found
    origin = getattr(annotation, "__origin__", None)
    return _inner_model(origin) if origin is not None and origin is not annotation else None


def _unknown_key(file: _File, model, loc: tuple, path: tuple, tail: str) -> M:
    """What to say of a key that does not belong: a misspelling of a key allowed here, or a key of another
    level (indented too far in or out)."""
    allowed = _fields_at(model, loc)
    close = difflib.get_close_matches(tail, allowed, n=1, cutoff=0.75)
    if close:
        return M('unknown key "{key}"; did you mean "{close}"? Correct the spelling', key=tail, close=close[0])
    if tail in _ALL_FIELDS:
        parent = _value_at(file.value, path)
        keys = list(parent) if isinstance(parent, dict) else []
        holder = next((k for k in reversed(keys[: keys.index(tail)] if tail in keys else [])
                       if isinstance(parent.get(k), dict) or parent.get(k) is None), None)
        # Only where the key is one of that entry's: a correction's `id:` was sent "inside text", which has none.
        if holder and tail in _fields_at(model, loc + (holder,)):
            return M('the key "{key}" does not belong at this level; it is a key of an entry like "{holder}" above: '
                     'indent it to line up with the keys inside "{holder}"', key=tail, holder=holder)
        if any(tail in _fields_at(model, loc[:k]) for k in range(len(loc))):
            return M('the key "{key}" does not belong at this level; check its indentation: line it up with the keys '
                     "of the entry it belongs to", key=tail)
    return M('unknown key "{key}"; remove it or correct its spelling (keys allowed here: {allowed})',
             key=tail, allowed=", ".join(allowed) or "none")


def _value_at(value, path: tuple):
    for seg in path:
        value = value[seg]
    return value


def _commented_out(file: _File, path: tuple) -> tuple[int, int] | None:
    """(line, column) of a # that starts the value of the key at `path` (`camp: #attended`), or None."""
    key = path[-1] if path and isinstance(path[-1], str) else None
    if key is None or path not in file.positions.keys:
        return None
    line, col = file.positions.of_key(path)
    found = re.match(rf"{re.escape(key)}:[ \t]+#", file.text.split("\n")[line - 1][col - 1:])
    return (line, col + found.end() - 1) if found else None


def _schema_error(file: _File, model, err: dict, base: _File | None = None) -> DataError:
    kind, given, ctx = err["type"], err.get("input"), err.get("ctx") or {}
    if kind == "extra_forbidden":
        # The unknown key is in the data; the error belongs to the key itself, not to its value.
        path, tail = _data_path(file.value, err["loc"][:-1])[0], str(err["loc"][-1])
    else:
        path, tail = _data_path(file.value, err["loc"])
    blamed = ctx.get(schema.BLAMED_FIELD)
    entry = _value_at(file.value, path) if tail is None else None
    if isinstance(blamed, str) and isinstance(entry, dict) and blamed in entry:
        path = path + (blamed,)  # a rule over the whole entry, but one of its fields is the one to correct
    label = _field_label(path, tail)
    line, col = file.positions.of_value(path)
    edge = ctx.get(schema.MARK_EDGE)
    if edge in ("first", "last") and path in file.positions.edges:
        line, col = file.positions.edges[path][edge == "last"]  # a quotation mark at an end: point at the mark
    at = ctx.get(schema.AT)
    given_text = _value_at(file.value, path) if isinstance(at, int) and tail is None else None
    if isinstance(given_text, str):
        line, col = file.positions.of_character(path, given_text, at) or (line, col)  # a character inside a text
    hashed = _commented_out(file, path) if given is None and kind != "missing" else None
    if hashed:
        line, col = hashed  # `camp: #attended`: the value is a comment, so the key holds nothing
        message = M("a # after a space starts a comment, so {label} is left empty; remove the #, or put the whole "
                    'value in double quotes: "…"', label=label)
    elif kind == "missing":
        message = M("{label} is missing; add `{key}: {hint}` to this entry", label=label, key=tail,
                    hint="…" if tail in ("en", "ar") else "")
    elif kind == "extra_forbidden":
        line, col = file.positions.of_key(path + (tail,))
        message = _unknown_key(file, model, err["loc"][:-1], path, tail)
    elif kind == "literal_error":
        choices = re.findall(r"'([^']*)'", str(ctx.get("expected", "")))
        close = difflib.get_close_matches(str(given), choices, n=1, cutoff=0.75)
        if close:
            message = M('{label} "{given}" is not one of: {options}; did you mean "{close}"?', label=label, given=given,
                        options=", ".join(choices), close=close[0])
        else:
            message = M('{label} "{given}" is not one of: {options}; use one of them', label=label, given=given,
                        options=", ".join(choices))
    elif kind in ("string_type",) and given is None and (tail or (path or ("",))[-1]) in ("en", "ar"):
        message = M(schema.MESSAGES[f"empty_{tail or path[-1]}"])  # a blank `ar:` is an empty text, whatever YAML calls it
    elif kind in ("string_type",):
        message = M("{label} should be text, but is {given}; write it as text (in quotes if needed)",
                    label=label, given=_describe(given))
    elif kind in ("int_type", "int_parsing", "int_from_float") and isinstance(given, str) and ARABIC_COMMA in given:
        # `[1، 2]`: YAML separates a list's items with a Latin comma only, so it reads one item, the text "1، 2".
        numbers = ", ".join(_other_digits(part.strip()) or part.strip() for part in given.split(ARABIC_COMMA))
        message = M("{label} separates the numbers with the Arabic comma «،», which YAML does not read as a separator; "
                    "use a Latin comma: [{numbers}]", label=label, numbers=numbers)
    elif kind in ("int_type", "int_parsing", "int_from_float") and _other_digits(given):
        message = M("{label} is written in Arabic-Indic digits ({given}); write Western digits: {digits}", label=label,
                    given=given, digits=_other_digits(given))
    elif kind in ("int_type", "int_parsing", "int_from_float") and isinstance(given, str) and (
            span := re.fullmatch(r"\s*(\d+)\s*[-–—]\s*(\d+)\s*", given)) and int(span[1]) < int(span[2]) <= 99:
        # `[3-7]` is one item, the text "3-7": "without quotes" (there are none) would not help.
        message = M('{label}: a range ("{given}") is not read as paragraphs; write each one: {each}', label=label,
                    given=given, each=", ".join(map(str, range(int(span[1]), int(span[2]) + 1))))
    elif kind in ("int_type", "int_parsing", "int_from_float") and isinstance(given, str) and \
            re.fullmatch(r"\s*\d+(?:\s+\d+)+\s*", given):
        # `[3 5]` is one item, the text "3 5" (no quotes were typed): the numbers need commas between them.
        message = M("{label}: separate the numbers with commas: [{numbers}]", label=label,
                    numbers=", ".join(given.split()))
    elif kind in ("int_type", "int_parsing", "int_from_float"):
        number = re.findall(r"\d+", given) if isinstance(given, str) else []
        if isinstance(given, str) and given.strip().isdigit():
            fix = M("write the number without quotes")  # only a quoted number is read as text
        elif len(number) == 1:
            fix = M("write the number alone: {number}", number=number[0])  # `[¶3]`, `[p. 3]`
        elif isinstance(given, str):
            fix = M("write only the paragraph numbers, separated by commas")
        else:
            fix = M("write a whole number, such as 3")
        message = M("{label} should be a whole number, but is {given}; {fix}", label=label, given=_describe(given), fix=fix)
    elif kind == "list_type" and isinstance(given, int) and not isinstance(given, bool):
        # The house style writes lists of numbers in brackets (`paras: [15]`), even a list of one.
        message = M("{label} is a list: write it in square brackets, [{given}]", label=label, given=given)
    elif kind == "list_type" and isinstance(given, str) and ({"aliases", "former"} & set(path) or tail == "quotes"
                                                             or path[-1:] == ("quotes",)):
        # The house style writes these lists in brackets on one line: `en: ["FSL"]`, `quotes: [buying-time]`.
        shown = f'"{given}"' if {"aliases", "former"} & set(path) else given
        message = M("{label} is a list: write it in square brackets, [{given}]", label=label, given=shown)
    elif kind == "list_type" and isinstance(given, str) and re.fullmatch(r"[\s(\[]*\d+(?:\s*,\s*\d+)*[\s)\]]*", given):
        # `paras: 3, 5` and `paras: (3)` are text to YAML; "put each item on its own line" is not the house style.
        message = M("{label} is a list: write it in square brackets, [{given}]", label=label,
                    given=", ".join(re.findall(r"\d+", given)))
    elif kind == "list_type":
        message = M('{label} should be a list, but is {given}; put each item on its own line after "- "',
                    label=label, given=_describe(given))
    elif kind in ("model_type", "dict_type", "model_attributes_type"):
        message = M("{label} should be an entry with keys (key: value), but is {given}; see the entries around it",
                    label=label, given=_describe(given))
    elif kind == "greater_than_equal":
        message = M("{label} must be {least} or more, but is {given}; correct the number", label=label,
                    least=ctx.get("ge"), given=given)
    elif kind == "too_short":
        least = ctx.get("min_length")
        message = Counted("{label} needs at least {least} item; add it", "{label} needs at least {least} items; add the "
                          "missing ones", least, label=label, least=least)
    elif kind == "string_too_long":
        message = M("{label} is {length} characters long, more than the {most} allowed; shorten it", label=label,
                    length=len(given) if isinstance(given, str) else "?", most=ctx.get("max_length"))
    elif kind == "too_long":
        most = ctx.get("max_length")
        listed = _value_at(file.value, path) if tail is None else None
        if isinstance(most, int) and isinstance(listed, list) and len(listed) > most:
            # The item the editor added (when the version before the edit is known), else the first over the limit.
            before = _value_at(base.value, path) if base and _has_path(base.value, path) else None
            added = sorted(_new_items(before, listed)) if isinstance(before, list) else []
            line, col = file.positions.of_value(path + (added[0] if added else most,))
        message = Counted("{label} may have at most {most} item; remove the extra ones", "{label} may have at most "
                          "{most} items; remove the extra ones", most, label=label, most=most)
    elif kind in ("bool_type", "bool_parsing"):
        message = M("{label} should be true or false, but is {given}; write true or false", label=label, given=_describe(given))
    elif kind in schema.MESSAGES:  # our own PydanticCustomError messages already say what to do
        message = M(schema.MESSAGES[kind], **{k: v for k, v in ctx.items()})
    else:
        message = M("{label} is not valid here ({detail}); compare it with the entries around it", label=label,
                    detail=err["msg"])
    return DataError(file.name, line, col, message)


def _read(root: Path, relative: str, errors: list[DataError]) -> _File | None:
    name = f"data/{relative}"
    result = read_yaml(root / relative, name, all_text=relative.startswith(STRINGS_DIR))
    errors.extend(result.errors)
    if result.value is None:
        if not result.errors:  # a file that is only `~` or `null`
            errors.append(DataError(name, 1, 1, M("the file holds nothing (null); restore its content")))
        return None
    # Duplicate keys and stray tags still leave usable values: validate them too, so no mistake hides another.
    return _File(name, result.value, result.positions, result.text)


def _validate(file: _File, adapter: TypeAdapter | type[BaseModel], errors: list[DataError], base: _File | None = None):
    try:
        if isinstance(adapter, TypeAdapter):
            return adapter.validate_python(file.value)
        return adapter.model_validate(file.value)
    except ValidationError as exc:
        found = [err for err in exc.errors(include_url=False)
                 if not any(_data_path(file.value, err["loc"])[0][: len(bad)] == bad for bad in file.positions.unreadable)]
        found = _split_at_comma(file, found, errors)
        found = _glued_keys(file, found, errors)
        found = _dedented_keys(file, found, errors)
        found = _misspelt_not_missing(file, found, adapter if isinstance(adapter, type) else None)
        found = _indented_in(file, found, errors)
        for err in _misplaced_keys(file, found, errors):
            errors.append(_schema_error(file, adapter if isinstance(adapter, type) else None, err, base))
        return None


def _misspelt_not_missing(file: _File, found: list[dict], model) -> list[dict]:
    """`para: [7]`: '"paras" is missing; add `paras: `' beside 'unknown key "para"; did you mean "paras"?' made the
    walk add a second paras. The spelling message alone says the fix."""
    meant = set()
    for err in found:
        if err["type"] == "extra_forbidden":
            parent, key = _data_path(file.value, err["loc"][:-1])[0], str(err["loc"][-1])
            close = difflib.get_close_matches(key, _fields_at(model, err["loc"][:-1]), n=1, cutoff=0.75)
            meant |= {parent + (close[0],)} if close else set()
    return [err for err in found if err["type"] != "missing" or _full_path(file, err["loc"]) not in meant]


def _full_path(file: _File, loc: tuple) -> tuple:
    path, tail = _data_path(file.value, loc)
    return path if tail is None else path + (tail,)


def _split_at_comma(file: _File, found: list[dict], errors: list[DataError]) -> list[dict]:
    """`{en: “A, B.”, ar: …}`: curly quotes are no YAML quotes, so YAML ends the text at the comma and reads the
    rest, `B.”`, as a key. "Remove the “" and "remove the unknown key" would each delete half the text: say once,
    at the “, to make both marks straight quotes."""
    split = []
    for err in found:
        if err["type"] != "extra_forbidden":
            continue
        key, parent = str(err["loc"][-1]), _data_path(file.value, err["loc"][:-1])[0]
        holder = _value_at(file.value, parent)
        if not key or key[-1] not in schema.OPENERS or key[-1] == '"' or not isinstance(holder, dict):
            continue
        keys = list(holder)
        before = keys[keys.index(key) - 1] if key in keys and keys.index(key) else None
        text = holder.get(before) if before is not None else None
        if not isinstance(text, str) or text.strip()[:1] not in schema.OPENERS[key[-1]] or holder[key] is not None:
            continue
        stray = [e for e in found if e["type"] == "stray_opening" and _full_path(file, e["loc"]) == parent + (before,)]
        line, col = file.positions.edges.get(parent + (before,), (file.positions.of_value(parent + (before,)),))[0]
        key_line, key_col = file.positions.of_key(parent + (key,))
        errors.append(DataError(file.name, line, col, M(
            "YAML split this text at the comma, because it is wrapped in {opening}…{closing} instead of straight "
            'quotes; replace this {opening} and the {closing} at line {line}, column {col} with straight double '
            'quotes: "…"', opening=text.strip()[0], closing=key[-1], line=key_line, col=key_col + len(key) - 1)))
        split += [err, *stray]
    return [err for err in found if not any(err is s for s in split)]


_GLUED = re.compile(r"([a-z_]+):(\S.*)", re.S)


def _glued_keys(file: _File, found: list[dict], errors: list[DataError]) -> list[dict]:
    """`{en:"Sham Legion"}`: without a space after the colon YAML reads one key, `en:"Sham Legion"`. Say that,
    once, instead of "unknown key" and "en is missing"."""
    glued = {}
    for err in found:
        if err["type"] == "extra_forbidden":
            match = _GLUED.fullmatch(str(err["loc"][-1]))
            parent = _data_path(file.value, err["loc"][:-1])[0]
            if match:
                glued[(parent, match.group(1))] = err
                line, col = file.positions.of_key(parent + (str(err["loc"][-1]),))
                errors.append(DataError(file.name, line, col, M(
                    'a space is missing after "{key}:"; write `{key}: {value}`', key=match.group(1),
                    value=match.group(2)[:40])))
    rest = []
    for err in found:
        path, tail = _data_path(file.value, err["loc"]) if err["type"] == "missing" else ((), None)
        if any(err is g for g in glued.values()) or (err["type"] == "missing" and (path, tail) in glued):
            continue
        rest.append(err)
    return rest


def _dedented_keys(file: _File, found: list[dict], errors: list[DataError]) -> list[dict]:
    """A key indented too little lands in the entry around its own: there it is a second `paras` (or unknown),
    and the entry it belongs to lacks it. Say where it belongs, once, at the line itself."""
    rest = []
    for err in found:
        path, tail = _data_path(file.value, err["loc"]) if err["type"] == "missing" else ((), None)
        spot = None
        for depth in range(len(path) - 1, -1, -1) if tail else ():
            spot = file.positions.duplicates.get(path[:depth] + (tail,))
            if spot:
                break
        entry_line = file.positions.of_value(path)[0] if spot else 0
        if not spot or spot[0] <= entry_line:
            rest.append(err)
            continue
        holder = _value_at(file.value, path)
        line_up = next(iter(holder), tail) if isinstance(holder, dict) else tail
        duplicate = [e for e in errors if e.file == file.name and (e.line, e.col) == spot]
        for e in duplicate:
            errors.remove(e)
        errors.append(DataError(file.name, spot[0], spot[1], M(
            'line {line} belongs to the entry at line {entry} above (it is indented too little); indent it to line '
            'up with "{line_up}"', line=spot[0], entry=entry_line, line_up=line_up)))
    return rest


def _indented_in(file: _File, found: list[dict], errors: list[DataError]) -> list[dict]:
    """A key indented one level too far in (a claim's `paras` under its `text`) is unknown where it stands and
    missing in the entry around it: '"paras" is missing; add it' would make a second one. Say once, at the key,
    the column to start it at."""
    unknown = {}
    for err in found:
        if err["type"] == "extra_forbidden":
            unknown[(_data_path(file.value, err["loc"][:-1])[0], str(err["loc"][-1]))] = err
    paired = []
    for err in found:
        path, tail = _data_path(file.value, err["loc"]) if err["type"] == "missing" else ((), None)
        holder = _value_at(file.value, path) if tail else None
        inner = next((key for key, value in holder.items() if (path + (key,), tail) in unknown
                      and isinstance(value, dict)), None) if isinstance(holder, dict) else None
        if inner is None:
            continue
        line, col = file.positions.of_key(path + (inner, tail))
        line_up = next(iter(holder))
        like, start = file.positions.of_key(path + (line_up,))
        errors.append(DataError(file.name, line, col, M(
            'line {line} is indented too far: "{key}" is a key of the entry at line {like}, not of "{inner}"; start it '
            'in column {col}, like "{line_up}"', line=line, key=tail, line_up=line_up, inner=inner, col=start,
            like=like)))
        paired += [err, unknown[(path + (inner,), tail)]]
    return [err for err in found if not any(err is p for p in paired)]


def _misplaced_keys(file: _File, found: list[dict], errors: list[DataError]) -> list[dict]:
    """A key indented one level too far out is both "unknown" where it stands and "missing" in the entry above
    it. Say it once, at the key, as what it is; return the other errors."""
    missing = {}
    for err in found:
        if err["type"] == "missing":
            path, tail = _data_path(file.value, err["loc"])
            if tail is not None and path:
                missing[(path[:-1], tail)] = (err, path)
    paired = []
    for err in found:
        if err["type"] != "extra_forbidden":
            continue
        parent = _data_path(file.value, err["loc"][:-1])[0]
        key = str(err["loc"][-1])
        if (parent, key) in missing:
            other, holder_path = missing[(parent, key)]
            holder = _value_at(file.value, holder_path)
            line_up = next(iter(holder), None) if isinstance(holder, dict) else None
            line, col = file.positions.of_key(parent + (key,))
            errors.append(DataError(file.name, line, col, M(
                'the key "{key}" belongs inside "{holder}" above: indent it to line up with "{line_up}"',
                key=key, holder=holder_path[-1], line_up=line_up or key)))
            paired += [err, other]
    return [err for err in found if not any(err is p for p in paired)]


# ---------------------------------------------------------------- cross-file checks


def _walk(value, path=()):
    yield path, value
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _walk(item, path + (key,))
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from _walk(item, path + (i,))


def _entries(files: dict[str, _File], rel: str, key: str) -> list[tuple[int, dict]]:
    """The mappings listed under `key` in a file, whatever else is wrong with the file."""
    value = files[rel].value if rel in files else None
    items = value.get(key) if isinstance(value, dict) else None
    return [(i, item) for i, item in enumerate(items) if isinstance(item, dict)] if isinstance(items, list) else []


def _ids(files: dict[str, _File], rel: str, key: str) -> dict[str, dict]:
    return {item["id"]: item for _, item in _entries(files, rel, key) if isinstance(item.get("id"), str)}


def _known_ids(files: dict[str, _File], rel: str, key: str) -> dict[str, dict] | None:
    """The ids listed under `key`, or None when the file or its list could not be read (its own errors say why).
    An empty list gives {}: a reference to it is then wrong, and must be said, not skipped."""
    value = files[rel].value if rel in files else None
    if not isinstance(value, dict) or not isinstance(value.get(key, []), list):
        return None
    return _ids(files, rel, key)


def _identity(item) -> str:
    return item["id"] if isinstance(item, dict) and isinstance(item.get("id"), str) else repr(item)


def _new_items(before: list, now: list) -> set[int]:
    """The indexes of `now` that are new or moved since `before`: by id, or by their whole value for items without one."""
    kept = set()
    matcher = difflib.SequenceMatcher(None, [_identity(x) for x in before], [_identity(x) for x in now], autojunk=False)
    for block in matcher.get_matching_blocks():
        kept.update(range(block.b, block.b + block.size))
    return set(range(len(now))) - kept


def _has_path(value, path: tuple) -> bool:
    try:
        _value_at(value, path)
    except (KeyError, IndexError, TypeError):
        return False
    return True


def _changed(files: dict[str, _File], base: dict[str, _File], rel: str, key: str, field: str | None = None) -> set[int]:
    """The indexes of the entries of `key` in data/REL that are new or moved since `base` (the files before the edit,
    when known), or whose `field` changed (the one the list is ordered by: an event's date, a faction's camp); empty
    when there is no earlier version to compare with."""
    if rel not in base:
        return set()
    now = _entries(files, rel, key)
    before = _entries(base, rel, key)
    was = {item["id"]: item.get(field) for _, item in before if field and isinstance(item.get("id"), str)}
    edited = {i for i, item in now if field and item.get("id") in was and was[item["id"]] != item.get(field)}
    return edited | {now[n][0] for n in _new_items([item for _, item in before], [item for _, item in now])}


def _not_later(a: str, b: str) -> bool:
    """Whether date `a` may be listed before date `b`, by the timeline's rule (a month after the days in it)."""
    return schema.timeline_key(a) <= schema.timeline_key(b)


def _out_of_order(items: list[tuple], before, changed: set[int]) -> list[tuple]:
    """The items (tuples: index, key, …) to move so that the rest run in order (`before(key, key)`): those outside
    the longest run kept in order, preferring to keep items unchanged since the last version, then the earlier
    listed. Each comes with the kept item it belongs after, if any belongs before it, else the one it belongs above."""
    n = len(items)
    # Each item weighs more if unchanged; the position term only breaks ties, never outweighs one more item kept.
    weight = [(2 if items[j][0] not in changed else 1) * (n * n + 1) + (n - j) for j in range(n)]
    best, back = weight[:], [None] * n
    for j in range(n):
        for i in range(j):
            if before(items[i][1], items[j][1]) and best[i] + weight[j] > best[j]:
                best[j], back[j] = best[i] + weight[j], i
    kept, j = [], max(range(n), key=lambda k: (best[k], -k)) if n else None
    while j is not None:
        kept.append(j)
        j = back[j]
    kept = sorted(kept)
    moved = []
    for j in sorted(set(range(n)) - set(kept)):
        after = [k for k in kept if before(items[k][1], items[j][1])]
        if after and after[-1] > j:
            moved.append((items[j], items[after[-1]], None))
        else:
            above = next((k for k in kept if not before(items[k][1], items[j][1])), kept[0])
            moved.append((items[j], None, items[above]))
    return moved


def _off_camp(files: dict[str, _File]) -> set[int]:
    """Without the earlier version, the factions whose `paras` cite none of their camp's paragraphs: most likely
    those whose camp was changed (the paragraphs still tell of the old one). With free-idlib-army's camp alone
    changed, the untouched Ajnad al-Sham below it was told to move up."""
    allowed = _camp_paragraphs(files)
    return {i for i, faction in _entries(files, "factions.yml", "factions")
            if faction.get("camp") in allowed and isinstance(faction.get("paras"), list)
            and not {n for n in faction["paras"] if isinstance(n, int)} & set(allowed[faction["camp"]])}


def _camp_paragraphs(files: dict[str, _File]) -> dict[str, list[int]]:
    """Each camp's id and the paragraphs its summary cites (where the source tells of that camp)."""
    allowed = {}
    for _, camp in _entries(files, "camps.yml", "camps"):
        summary = camp.get("summary") if isinstance(camp.get("summary"), dict) else {}
        paras = summary.get("paras")
        if isinstance(camp.get("id"), str) and isinstance(paras, list):
            allowed[camp["id"]] = [n for n in paras if isinstance(n, int) and not isinstance(n, bool)]
    return allowed


def _camp_around(placed: list[tuple], i: int, camp: str) -> str:
    """The camp of the part of the list an out-of-place faction stands in: that of its nearest neighbour of another camp."""
    at = next(n for n, item in enumerate(placed) if item[0] == i)
    for step in range(1, len(placed)):
        for n in (at - step, at + step):
            if 0 <= n < len(placed) and placed[n][3] != camp:
                return placed[n][3]
    return camp


def _cross_check(files: dict[str, _File], base: dict[str, _File] | None = None) -> list[DataError]:
    """Checks between entries and files. They read the raw values defensively, so they run even when a file has
    other mistakes: an editor sees every problem in one pass. `base`, the files before the edit when known, only
    decides which entry a problem between two entries is reported at: the one the editor added or moved, and tells a
    reference to a deleted entry from a misspelt one."""
    errors: list[DataError] = []
    base = base or {}

    def err(rel: str, path: tuple, message: str) -> None:
        file = files[rel]
        line, col = file.positions.of_value(path)
        errors.append(DataError(file.name, line, col, message))

    # Paragraphs are numbered 1, 2, 3… so a citation can never point between them.
    paragraphs = _entries(files, "source.yml", "paragraphs")
    count = len(paragraphs) or None
    for i, paragraph in paragraphs:
        if isinstance(paragraph.get("n"), int) and paragraph["n"] != i + 1:
            err("source.yml", ("paragraphs", i, "n"),
                M("paragraph number {n} is out of order; number the paragraphs 1, 2, 3… (expected {expected} here)",
                  n=paragraph["n"], expected=i + 1))
    previous = 0
    for i, section in _entries(files, "source.yml", "sections"):
        first = section.get("first_paragraph")
        if isinstance(first, int) and count and not previous < first <= count:
            err("source.yml", ("sections", i, "first_paragraph"),
                M("first_paragraph {first} must be after the previous section's and at most {count}; correct it",
                  first=first, count=count))
        previous = first if isinstance(first, int) else previous

    # The timeline shows events as listed, so dated ones must run forward in time. The event to move is the one
    # out of step with the rest (and, between two, the one the editor added or moved), not its neighbour.
    # An undated event, or one whose date the schema refuses, is not compared.
    dated = [(i, event.get("date"), event.get("id")) for i, event in _entries(files, "events.yml", "events")
             if schema.real_date(event.get("date"))]
    # The source reports no event after its own date, nor one that lasts past it: a later date, or `until`, is a
    # typo (most often in the year), or an event the source cannot be cited for. A month-only date is compared by
    # its month ("2017-02", Geneva IV, is due).
    source = files["source.yml"].value if "source.yml" in files else None
    published = source.get("date") if isinstance(source, dict) else None
    late = set()
    for i, event in _entries(files, "events.yml", "events") if schema.real_date(published) else []:
        for key in schema.EVENT_DATES:
            date = event.get(key)
            if schema.real_date(date) and date > published[: len(date)]:
                if key == "date":
                    late.add(i)
                err("events.yml", ("events", i, key), M(
                    'the date {date} is after the source article ({published}), which cannot report it; check the '
                    "date (the year most often)", date=date, published=published))
    # Moving it would not help: its date is what is wrong.
    dated = [event for event in dated if event[0] not in late]

    changed = _changed(files, base, "events.yml", "events", "date")
    for (i, date, _), below, above in _out_of_order(dated, _not_later, changed):
        if below is not None:
            err("events.yml", ("events", i, "date"), M(
                'the date {date} is later than the events listed after it; move this event down, below "{id}" ({other})',
                date=date, id=below[2], other=below[1]))
        else:
            err("events.yml", ("events", i, "date"), M(
                'the date {date} is earlier than the events listed before it; move this event up, above "{id}" ({other})',
                date=date, id=above[2], other=above[1]))

    # factions.yml lists the factions camp by camp, in the order of camps.yml: a faction in the other camp's part
    # would sit under that camp's heading in the file while the site shows it in its own camp.
    camp_order = list(_ids(files, "camps.yml", "camps"))
    placed = [(i, camp_order.index(f["camp"]), f.get("id"), f["camp"]) for i, f in _entries(files, "factions.yml", "factions")
              if f.get("camp") in camp_order]
    misplaced = _out_of_order(placed, lambda a, b: a <= b,
                              _changed(files, base, "factions.yml", "factions", "camp") or _off_camp(files))
    out = {item[0] for item, _, _ in misplaced}
    for (i, _, _, camp), below, above in misplaced:
        # Within its camp's part, the source's order decides: name the part, from its first faction to its last.
        part = [f[2] for f in placed if f[3] == camp and f[0] not in out]
        if part:
            where = M('move it {way}, into the factions of "{camp}" (from "{first}" to "{last}"), where the source names it',
                      way=M("down") if below else M("up"), camp=camp, first=part[0], last=part[-1])
        else:
            where = M('move it down, below "{id}"', id=below[2]) if below else M('move it up, above "{id}"', id=above[2])
        err("factions.yml", ("factions", i, "camp"), M(
            'this faction is of the camp "{camp}", but it is listed among the factions of "{other}"; {where}',
            camp=camp, other=_camp_around(placed, i, camp), where=where))

    _check_camp_paragraphs(files, err)
    _check_moved_named_in(files, base, err)
    _check_repeated_quotes(files, err)

    # Every id is unique across the files, because ids become anchors and references.
    seen: dict[str, tuple[str, tuple]] = {}
    for rel, file in files.items():
        if rel in ("pages.yml", "source.yml") or rel.startswith(STRINGS_DIR):
            continue
        for path, value in _walk(file.value):
            if path and path[-1] == "id" and isinstance(value, str):
                if value in seen and seen[value][0] != rel:
                    # Files are read in a fixed order, not the order of editing: "give this entry its own id" at the
                    # first file's entry told the walk to rename Turkey (published) for a new faction's id. Said at
                    # both, each naming the other.
                    first_rel, first_path = seen[value]
                    for here, at, there, other in ((rel, path, first_rel, first_path), (first_rel, first_path, rel, path)):
                        err(here, at, M('the id "{id}" is also used in data/{file} line {line}; ids are unique across '
                                        "data/: give the entry you added an id of its own (a published id must not "
                                        "change)", id=value, file=there, line=files[there].positions.of_value(other)[0]))
                elif value in seen:
                    first_rel, first_path = seen[value]
                    line, _ = files[first_rel].positions.of_value(first_path)
                    err(rel, path, M('the id "{id}" is already used (data/{file} line {line}); give this entry its own id',
                                    id=value, file=first_rel, line=line))
                else:
                    seen[value] = (rel, path)
    page_ids: set = set()
    for i, page in _entries(files, "pages.yml", "pages"):
        if page.get("id") in page_ids:
            err("pages.yml", ("pages", i, "id"), M('the page "{page}" is listed twice; keep one entry', page=page["id"]))
        page_ids.add(page.get("id"))
    # Two pages with one menu label: the menu, the tab titles and the issue form's page list could not tell them apart.
    labels: dict[tuple, str] = {}
    for i, page in _entries(files, "pages.yml", "pages"):
        nav = page.get("nav") if isinstance(page.get("nav"), dict) else {}
        for lang, label in nav.items():
            if not isinstance(label, str):
                continue
            if (lang, label.casefold()) in labels:  # "timeline" reads as "Timeline" in a menu
                err("pages.yml", ("pages", i, "nav", lang), M(
                    'the menu label "{label}" is already the label of the page "{page}"; give each page its own label',
                    label=label, page=labels[(lang, label.casefold())]))
            labels.setdefault((lang, label.casefold()), page.get("id"))

    # Citations must point at a paragraph that exists.
    for rel, file in files.items():
        if rel == "source.yml" or rel.startswith(STRINGS_DIR) or not count:
            continue
        for path, value in _walk(file.value):
            cited = (len(path) >= 2 and path[-2] in CITING) or (path and path[-1] in CITING)  # [15], or a bare 15
            if cited and isinstance(value, int) and not isinstance(value, bool) and value > count:
                err(rel, path, M("paragraph {n} is out of range: the source has {count} paragraphs; use a number from 1 to {count}",
                                n=value, count=count))
            # `[7, 7]` was published as "Source paragraphs 7, 7".
            if cited and len(path) >= 2 and isinstance(path[-1], int) and path[-1] > 0:
                listed = _value_at(file.value, path[:-1])
                if isinstance(listed, list) and value in listed[: path[-1]] and isinstance(value, int):
                    err(rel, path, M("paragraph {n} is cited twice here; remove one", n=value))

    # References must name something that exists, and something of the right kind.
    # The ids of the version before the edit that are gone now: a reference to one is left over from a deletion.
    def all_ids(of: dict[str, _File]) -> set:
        return {value for file in of.values() for path, value in _walk(file.value)
                if path and path[-1] == "id" and isinstance(value, str)}
    removed = all_ids(base) - all_ids(files) if base else set()

    def ref(rel: str, path: tuple, value, allowed: dict | None, what: str, kinds: M, files: str) -> None:
        """`allowed` is None when the file listing the ids could not be read: that file's own errors say why."""
        if not isinstance(value, str) or allowed is None or value in allowed:
            return  # a missing or mistyped value is already reported by the schema
        if value in removed:
            # Deleting "jaysh-al-islam" was answered 'did you mean "jaysh-al-nasr"?', a change of fact.
            err(rel, path, M('{what} "{value}" is the id of an entry removed in this change; restore that entry, or '
                             "change or remove this reference", what=what, value=value))
            return
        if len(allowed) > 8:
            # Too many to list: name the kinds an id may be of, and the nearest ids.
            close = difflib.get_close_matches(value, list(allowed), n=3, cutoff=0.6) or [
                a for a in sorted(allowed) if value in a or (a in value and len(a) * 2 >= len(value))][:3]
            if close:
                err(rel, path, M('{what} "{value}" is not the id of {kinds}; did you mean {close}?', what=what,
                                 value=value, kinds=kinds, close=Both(" or ".join(f'"{c}"' for c in close),
                                                                  " أو ".join(f"«{c}»" for c in close))))
            else:
                err(rel, path, M('{what} "{value}" is not the id of {kinds}; use an id listed in {files}', what=what,
                                 value=value, kinds=kinds, files=files))
            return
        options = ", ".join(sorted(allowed)) or M("none")
        close = difflib.get_close_matches(value, list(allowed), n=1, cutoff=0.75)
        if close:
            err(rel, path, M('{what} "{value}" is not one of: {options}; did you mean "{close}"?', what=what, value=value,
                             options=options, close=close[0]))
        else:
            err(rel, path, M('{what} "{value}" is not one of: {options}; use one of them', what=what, value=value,
                             options=options))

    camps = _known_ids(files, "camps.yml", "camps")
    factions = _known_ids(files, "factions.yml", "factions")
    actors = _known_ids(files, "actors.yml", "actors")
    groups = _known_ids(files, "actors.yml", "groups")
    quotes = _known_ids(files, "quotes.yml", "quotes")
    for i, faction in _entries(files, "factions.yml", "factions"):
        ref("factions.yml", ("factions", i, "camp"), faction.get("camp"), camps, "camp", M("a camp"), "data/camps.yml")
    for i, actor in _entries(files, "actors.yml", "actors"):
        ref("actors.yml", ("actors", i, "group"), actor.get("group"), groups, "group", M("a group"),
            "groups: of data/actors.yml")
    if groups is not None:
        for group in schema.FIGURE_GROUPS:
            members = [a for a in actors.values() if a.get("group") == group] if actors is not None else [None]
            if group not in groups or not members:
                err("actors.yml", ("groups",), M(
                    'the group "{group}" is missing or has no actor; the camps figure draws this group by its id: keep '
                    "a group with this id and at least one actor in it", group=group))
    speakers = None if None in (factions, actors, camps) else {**factions, **actors, **camps}  # once, not per quote
    for i, quote in _entries(files, "quotes.yml", "quotes"):
        ref("quotes.yml", ("quotes", i, "speaker"), quote.get("speaker"), speakers, "speaker",
            M("a faction, an actor or a camp"), "data/factions.yml, data/actors.yml, data/camps.yml")
    for c, camp in _entries(files, "camps.yml", "camps"):
        reasons = camp.get("reasons") if isinstance(camp.get("reasons"), list) else []
        for r, reason in enumerate(reasons):
            listed = reason.get("quotes") if isinstance(reason, dict) and isinstance(reason.get("quotes"), list) else []
            for q, quote_id in enumerate(listed):
                ref("camps.yml", ("camps", c, "reasons", r, "quotes", q), quote_id, quotes, "quote", M("a quote"),
                    "data/quotes.yml")
                if quote_id in listed[:q]:  # was said at the quote in quotes.yml, "shown 2 times (reasons, reasons)"
                    err("camps.yml", ("camps", c, "reasons", r, "quotes", q),
                        M('the quote "{id}" is listed twice here; remove one', id=quote_id))
                _quote_of_other_camp(camp, quote_id, quotes, factions, camps, lambda m, p=("camps", c, "reasons", r, "quotes", q): err("camps.yml", p, m))
    _check_quote_marks(files, err)
    _check_aliases(files, err)
    _check_shared_spellings(files, err, base)
    _check_corrections(files, err)
    delegation = files["camps.yml"].value.get("delegation") if "camps.yml" in files and isinstance(files["camps.yml"].value, dict) else None
    if isinstance(delegation, dict):
        # With no person in actors.yml at all, the head is still checked (against none), never skipped: the camps
        # figure looks the head up and would otherwise stop the build with a KeyError.
        people = None if actors is None else {k: a for k, a in actors.items() if a.get("kind") == "person"}
        ref("camps.yml", ("delegation", "head"), delegation.get("head"), people, M("head (a person in actors.yml)"),
            M("a person"), "data/actors.yml")
        ref("camps.yml", ("delegation", "head_of"), delegation.get("head_of"), factions, M("head_of (a faction)"),
            M("a faction"), "data/factions.yml")
        ref("camps.yml", ("delegation", "chosen_by"), delegation.get("chosen_by"), actors, M("chosen_by (an actor)"),
            M("an actor"), "data/actors.yml")
    return errors


def _check_camp_paragraphs(files: dict[str, _File], err) -> None:
    """A faction's `paras` are cited beside it under its camp: they must be among the paragraphs its camp's summary
    cites (data/camps.yml), where the source tells of that camp. Al-Bayan moved to the camp that went kept ¶7, the
    list of those that stayed away, and the page said "Went to Astana … Source paragraph 7"."""
    count = len(_entries(files, "source.yml", "paragraphs"))
    allowed = _camp_paragraphs(files)
    for i, faction in _entries(files, "factions.yml", "factions"):
        paras, camp = faction.get("paras"), faction.get("camp")
        if camp not in allowed or not isinstance(paras, list):
            continue  # an unknown camp or a malformed list has its own message
        for p, n in enumerate(paras):
            # A number that is no paragraph at all has its own message.
            if isinstance(n, int) and not isinstance(n, bool) and 1 <= n <= count and n not in allowed[camp]:
                err("factions.yml", ("factions", i, "paras", p), M(
                    'paragraph {n} does not tell of the camp "{camp}" of this faction; cite where the source names '
                    "it in that camp: one of the paragraphs of the camp's summary in data/camps.yml ({allowed})",
                    n=n, camp=camp, allowed=", ".join(map(str, allowed[camp]))))


def _check_repeated_quotes(files: dict[str, _File], err) -> None:
    """The guide's example pasted with only its id changed was accepted, and the speaker's card showed the quote
    twice: a quote is its speaker's words, so the same words of the same speaker are one quote."""
    said: dict[tuple, int] = {}
    for i, quote in _entries(files, "quotes.yml", "quotes"):
        text = quote.get("text") if isinstance(quote.get("text"), dict) else {}
        key = (quote.get("speaker"), text.get("en"))
        if not isinstance(key[1], str):
            continue
        if key in said:
            err("quotes.yml", ("quotes", i, "text", "en"), M(
                "this quote repeats the one at line {line} (the same speaker, the same words); remove one",
                line=files["quotes.yml"].positions.of_value(("quotes", said[key]))[0]))
        else:
            said[key] = i


def _check_moved_named_in(files: dict[str, _File], base: dict[str, _File], err) -> None:
    """A faction moved to the other camp takes that camp's paragraphs, but the article still writes its name where it
    did: without `named_in` the names index would cite the new camp's paragraphs for its spellings, which passed every
    check (only the test against the article's text saw it). Known only with the files before the edit."""
    before = {item.get("id"): item for _, item in _entries(base, "factions.yml", "factions")} if base else {}
    # A camp typed wrong (`camp: atended`) is no move: it has its own message, and a named_in added for it would stay.
    camps = {item.get("id") for _, item in _entries(files, "camps.yml", "camps")}
    for i, faction in _entries(files, "factions.yml", "factions"):
        was = before.get(faction.get("id"), {})
        camp, old = faction.get("camp"), was.get("camp")
        if camp in camps and isinstance(old, str) and camp != old and "named_in" not in faction \
                and _cited_by(was):
            err("factions.yml", ("factions", i, "camp"), M(
                'this faction moved from the camp "{old}" to "{camp}", but the source still names it where it did; add '
                "`named_in: [{paras}]` under its paras, or the names index will cite the paragraphs of its new camp "
                "for its spellings", old=old, camp=camp, paras=", ".join(map(str, _cited_by(was)))))


def _quote_of_other_camp(camp: dict, quote_id, quotes: dict | None, factions: dict | None, camps: dict | None, err) -> None:
    """A camp's reasons show its own side's words: a quote of the other camp (or of one of its factions) listed
    there would be published as this camp's reason."""
    quote = (quotes or {}).get(quote_id) if isinstance(quote_id, str) else None
    speaker = quote.get("speaker") if isinstance(quote, dict) else None
    if not isinstance(speaker, str) or not isinstance(camp.get("id"), str):
        return
    side = speaker if speaker in (camps or {}) else ((factions or {}).get(speaker) or {}).get("camp")
    if isinstance(side, str) and side in (camps or {}) and side != camp["id"]:
        err(M('the quote "{quote}" is by "{speaker}", of the camp "{side}", but it is listed under a reason of the camp '
              '"{camp}"; list it under a reason of "{side}"', quote=quote_id, speaker=speaker, side=side, camp=camp["id"]))


# The page sets each quote in the marks of its language and ends the Arabic sentence itself.
_QUOTE_MARKS = {"en": ("“\"‘«", "”\"’»"), "ar": ("«“\"", "»”\"")}


def _check_quote_marks(files: dict[str, _File], err) -> None:
    for i, quote in _entries(files, "quotes.yml", "quotes"):
        text = quote.get("text") if isinstance(quote.get("text"), dict) else {}
        for lang, (opening, closing) in _QUOTE_MARKS.items():
            value = text.get(lang)
            if not isinstance(value, str) or not value.strip():
                continue
            value = value.strip()
            if _wraps_whole(value.rstrip(".۔"), opening) and not schema.misquoted(value):
                # a mark the schema refuses is the schema's to report
                err("quotes.yml", ("quotes", i, "text", lang), M(
                    "the quote begins with {mark} and ends with the mark that closes it, but the page puts the "
                    "quotation marks around it itself (it would show {mark}{mark}); remove the marks at the start and "
                    "the end", mark=value[0]))
            elif lang == "ar" and value[-1] in ".۔":
                err("quotes.yml", ("quotes", i, "text", lang), M(
                    "the Arabic quote ends with a full stop, which the page would show inside the quotation marks "
                    "(«….»); remove it: the sentence around the quote takes the punctuation"))


def _wraps_whole(text: str, opening: str) -> bool:
    """Whether `text` is one quotation from its first character to its last: «…» around all of it. A quote that
    only ends with a quotation of its own («لا تخدم إلا «مصالحها») is the speaker's words, marks included."""
    return len(text) > 1 and text[0] in opening and schema.closed_at(text) == len(text) - 1


def _check_aliases(files: dict[str, _File], err) -> None:
    """Another spelling identical to the name, or listed twice, would be listed twice in the names index."""
    for rel, key in _NAMED_FILES:
        for i, item in _entries(files, rel, key):
            name = item.get("name") if isinstance(item.get("name"), dict) else {}
            aliases = item.get("aliases") if isinstance(item.get("aliases"), dict) else {}
            for lang, listed in aliases.items():
                # Case apart ("Sham legion"), a spelling is the same one: the index would list it twice and search
                # finds both alike.
                own = name.get(lang).casefold() if isinstance(name.get(lang), str) else None
                seen = {own}
                for a, alias in enumerate(listed if isinstance(listed, list) else []):
                    if not isinstance(alias, str):
                        continue
                    if alias.casefold() == own:
                        err(rel, (key, i, "aliases", lang, a), M(
                            'the other spelling "{alias}" is the name itself; remove it from aliases ({lang})',
                            alias=alias, lang=lang))
                    elif alias.casefold() in seen:
                        err(rel, (key, i, "aliases", lang, a), M(
                            'the other spelling "{alias}" is listed twice; remove one', alias=alias))
                    seen.add(alias.casefold())
    _check_source_spellings(files, err)


def _cited_by(item: dict) -> list[int]:
    """schema.where_named on an entry as read, before the schema has checked it: what is not a list of paragraph
    numbers counts as none (the schema reports it)."""
    def numbers(value) -> list[int]:
        return [n for n in value if isinstance(n, int) and not isinstance(n, bool)] if isinstance(value, list) else []

    facts = item.get("facts") if isinstance(item.get("facts"), list) else []
    return schema.where_named(numbers(item.get("named_in")), numbers(item.get("paras")),
                              [numbers(fact.get("paras")) for fact in facts if isinstance(fact, dict)])


def _check_source_spellings(files: dict[str, _File], err) -> None:
    """`aliases.source` and `former.source` are shown as the article's own words: each must be one of the names the
    article writes (source.yml `names`), never a spelling of ours."""
    source = files["source.yml"].value if "source.yml" in files else None
    names = source.get("names") if isinstance(source, dict) else None
    if not isinstance(names, list):
        return  # the schema says what is wrong with source.yml
    written = {n for n in names if isinstance(n, str)}
    owners: dict[str, set] = {}
    for _, _, owner, spelling in _spelling_forms(files):
        owners.setdefault(spelling.casefold(), set()).add(owner)
    for rel, key in _NAMED_FILES:
        for i, item in _entries(files, rel, key):
            name = item.get("name") if isinstance(item.get("name"), dict) else {}
            for group, ours in (("aliases", "aliases.en"), ("former", "former.en")):
                kinds = item.get(group) if isinstance(item.get(group), dict) else {}
                # The other way round: "Sham Legion" kept as aliases.en after a rename was published as a spelling
                # of ours, and the new English name as the article's ("In the source: Faylaq al-Sham"). The name
                # itself, or another entry's spelling, has its own message.
                for a, spelling in enumerate(kinds.get("en") if isinstance(kinds.get("en"), list) else []):
                    if isinstance(spelling, str) and spelling in written and \
                            owners.get(spelling.casefold(), set()) <= {item.get("id")} and \
                            spelling.casefold() != str(name.get("en")).casefold():
                        err(rel, (key, i, group, "en", a), M(
                            '"{spelling}" is how the source writes the name (names in data/source.yml), but {ours} '
                            "lists our own spellings; move it to {theirs}, the source's spellings",
                            spelling=spelling, ours=ours, theirs=f"{group}.source"))
                listed = kinds.get("source") if isinstance(kinds.get("source"), list) else []
                for a, spelling in enumerate(listed):
                    if isinstance(spelling, str) and spelling not in written:
                        err(rel, (key, i, group, "source", a), M(
                            '"{spelling}" is not a spelling the source uses (¶{paras}; its names are listed under '
                            "names in data/source.yml); put it under our spellings ({ours}) instead", spelling=spelling,
                            paras=", ".join(map(str, _cited_by(item))) or "?", ours=ours))


def _spelling_forms(files: dict[str, _File]) -> list[tuple[str, tuple, object, str]]:
    """(file, path, owner id, spelling) of every name, other spelling and former name, in the order of the files and,
    in each, of their lines."""
    forms = []
    for rel, key in _NAMED_FILES:
        for i, item in _entries(files, rel, key):
            # `former` too: "Sham Legion" as a former name of the Fateh al-Sham Front was told the Arabic of "جبهة فتح
            # الشام" was missing from Sham Legion's name.
            for field in ("name", "aliases", "former"):
                spellings = item.get(field) if isinstance(item.get(field), dict) else {}
                for kind, listed in spellings.items():
                    if field == "name":
                        forms.append((rel, (key, i, field, kind), item.get("id"), listed))
                        continue
                    forms += [(rel, (key, i, field, kind, a), item.get("id"), alias)
                              for a, alias in enumerate(listed if isinstance(listed, list) else [])]
    order = {rel: n for n, (rel, _) in enumerate(_NAMED_FILES)}
    return sorted((f for f in forms if isinstance(f[3], str)),
                  key=lambda f: (order[f[0]], files[f[0]].positions.of_value(f[1])))


def _check_shared_spellings(files: dict[str, _File], err, base: dict[str, _File] | None = None) -> None:
    """A spelling leads to one entry: the names index and search would otherwise list another faction's name under
    this one ("Sham Legion" as an alias of a new faction was accepted), and a copied entry with a new id but the old
    name would stand twice. Case apart, two spellings are one ("faylaq al-rahman"). The repeat is reported where the
    editor typed it: at the spelling its entry did not have in `base` (the files before the edit); without one, at
    the later of the two in the files, naming the other: «الزنكي» added to Sham Legion was reported at the Zenki
    Movement's own alias, and "remove it here" moved it to the wrong faction."""
    had = {(owner, spelling.casefold()) for _, _, owner, spelling in _spelling_forms(base)} if base else None
    first: dict[str, tuple[str, tuple, object, str]] = {}
    for form in _spelling_forms(files):
        key = form[3].casefold()
        if key in first and first[key][2] != form[2]:
            here, there = form, first[key]
            if had is not None and (there[2], key) not in had and (here[2], key) in had:
                here, there = there, here  # the earlier one is the one added
            fix = M("remove it here") if had is not None and (here[2], key) not in had else \
                M("remove it from the entry it does not belong to")
            err(here[0], here[1], M(
                'the spelling "{spelling}" is already one of "{other}" (data/{file} line {line}); a spelling leads to '
                "one entry in the names index and search: {fix}", spelling=here[3], other=there[2], file=there[0],
                line=files[there[0]].positions.of_value(there[1])[0], fix=fix))
        first.setdefault(key, form)


def _check_corrections(files: dict[str, _File], err) -> None:
    """Corrections are dated to the day, newest first, never in the future (in UTC) nor before the source article:
    readers see them as a log."""
    # Today in UTC, as the site's build and CI see it: the editor's time zone must not decide whether a date is past.
    newer, today = None, dt.datetime.now(dt.timezone.utc).date().isoformat()
    source = files["source.yml"].value if "source.yml" in files else None
    published = source.get("date") if isinstance(source, dict) else None
    published = published if schema.real_date(published) else None  # its own error says what is wrong with it
    said: dict[tuple, int] = {}
    for i, correction in _entries(files, "corrections.yml", "corrections"):
        text = correction.get("text") if isinstance(correction.get("text"), dict) else {}
        # A correction pasted twice (same day, same words) was shown twice in About's log.
        for lang, value in text.items():
            key = (correction.get("date"), value)
            if isinstance(value, str) and key in said:
                err("corrections.yml", ("corrections", i, "text", lang), M(
                    "this correction repeats the one at line {line}; remove one",
                    line=files["corrections.yml"].positions.of_value(("corrections", said[key], "text", lang))[0]))
                break
        for value in text.values():
            said.setdefault((correction.get("date"), value), i) if isinstance(value, str) else None
        date = correction.get("date")
        if not schema.real_date(date):
            continue  # the schema reports it; compared, it would also be said to be in the future
        if len(date) == 7:
            err("corrections.yml", ("corrections", i, "date"), M(
                'the correction date "{date}" gives only the month; write the day of the fix too (YYYY-MM-DD)', date=date))
            continue
        if date > today:
            err("corrections.yml", ("corrections", i, "date"), M(
                'the correction date "{date}" is in the future (today in UTC is {today}); write the day the fix was made',
                date=date, today=today))
        elif published and date < published:
            # Nothing can be corrected before the article it explains was published: a typo, most often in the year.
            err("corrections.yml", ("corrections", i, "date"), M(
                'the correction date "{date}" is before the source article ({published}); check the year',
                date=date, published=published))
        elif newer is not None and date > newer:
            err("corrections.yml", ("corrections", i, "date"), M(
                'the correction of {date} is listed below an older one ({newer}); list corrections newest first: move '
                "it up", date=date, newer=newer))
        newer = date


def _placeholder_problem(form: str, allowed: set[str]) -> str | None:
    """Why `form` cannot be filled in (a brace that is not one of the key's placeholders), or None."""
    try:
        fields = list(string.Formatter().parse(form))
    except ValueError:
        return M("a {{ or }} does not belong to a placeholder; remove it, or write the placeholder as {{name}}")
    for _, name, spec, conversion in fields:
        if name is None:
            continue
        if spec or conversion or name not in allowed:
            written = "{" + name + (f"!{conversion}" if conversion else "") + (f":{spec}" if spec else "") + "}"
            choices = ", ".join("{" + p + "}" for p in sorted(allowed)) or M("none")
            return M("the placeholder {written} is not one this string can use ({choices}); correct or remove it",
                     written=written, choices=choices)
    return None


def _check_strings(files: dict[str, _File], strings: dict[str, dict]) -> list[DataError]:
    """Each language has every string the site prints, with only the placeholders each may use; Arabic strings
    are in Arabic; counted phrases have the form every count falls back to."""
    errors: list[DataError] = []
    reported: set[tuple[str, str]] = set()

    def err(lang: str, key: str, message: str) -> None:
        file = files[f"{STRINGS_DIR}/{lang}.yml"]
        line, col = file.positions.of_key((key,))
        errors.append(DataError(file.name, line, col, message))
        reported.add((lang, key))

    for lang, mine in strings.items():
        name = f"data/{STRINGS_DIR}/{lang}.yml"
        for key in sorted(interface.KEYS - mine.keys()):
            errors.append(DataError(name, 1, 1, M('the string "{key}" is missing; add `{key}: "…"` to this file', key=key)))
        for key in mine.keys() - interface.KEYS:
            close = difflib.get_close_matches(key, sorted(interface.KEYS), n=1, cutoff=0.8)
            fix = M('did you mean "{close}"? Correct the spelling', close=close[0]) if close else M("no page prints it: remove it")
            err(lang, key, M('the string "{key}" is not one the site uses; {fix}', key=key, fix=fix))
        for key, entry in mine.items():
            longest = max((len(form) for form in (entry.values() if isinstance(entry, dict) else [entry])), default=0)
            if longest > schema.MAX_STRING:
                err(lang, key, M('the string "{key}" is {length} characters long, more than the {most} allowed; shorten it',
                                 key=key, length=longest, most=schema.MAX_STRING))
            if isinstance(entry, dict) and "other" not in entry:
                err(lang, key, M('the counted phrase "{key}" needs an `other:` form (used for any count without its own form); add it', key=key))
            forms = entry.values() if isinstance(entry, dict) else [entry]
            for form in forms:
                problem = _placeholder_problem(form, interface.PLACEHOLDERS.get(key, set()))
                if problem:
                    err(lang, key, problem)
                    break
    en, ar = strings["en"], strings["ar"]
    for key in en.keys() & ar.keys():
        forms_en = en[key].values() if isinstance(en[key], dict) else [en[key]]
        forms_ar = ar[key].values() if isinstance(ar[key], dict) else [ar[key]]
        want = {p for form in forms_en for p in _PLACEHOLDER.findall(form)}
        have = {p for form in forms_ar for p in _PLACEHOLDER.findall(form)}
        if want != have and ("ar", key) not in reported and ("en", key) not in reported:
            err("ar", key, M("the placeholders differ from English ({want}); use the same ones", want=", ".join(sorted(want)) or M("none")))
        for form in forms_ar:
            letters = re.sub(r"\{[a-z_]+\}|[\W\d_]", "", form)
            if letters and not schema.ARABIC_LETTER.search(form):
                err("ar", key, M('the Arabic string "{key}" contains no Arabic letters; translate it', key=key))
    return errors


def _unknown_files(root: Path) -> list[DataError]:
    """A file in data/ that nothing reads would vanish silently: a misnamed copy, a new file nobody wired in."""
    known = set(schema.CONTENT_FILES) | {f"{STRINGS_DIR}/{lang}.yml" for lang in schema.LANGUAGES}
    errors = []
    for path in sorted(root.rglob("*")) if root.is_dir() else []:
        relative = path.relative_to(root).as_posix()
        if path.is_dir() or relative in known or path.name.startswith("."):
            continue
        close = difflib.get_close_matches(relative, sorted(known), n=1, cutoff=0.8)
        fix = M("is it meant to be data/{close}? Rename it", close=close[0]) if close else \
            M("the site reads only {known}; move its content into one of them", known=", ".join(sorted(known)))
        errors.append(DataError(f"data/{relative}", 1, 1, M("this file is not part of the site and would be ignored; {fix}", fix=fix)))
    return errors


# ---------------------------------------------------------------- entry points


@dataclass
class Loaded:
    """data/ read and checked on its own: the files as read (values and positions), the typed models, and every
    problem found so far. explainer/pages/site.py adds the pages' checks before it hands out the data."""

    root: Path
    files: dict[str, _File]
    models: dict[str, object]
    strings: dict[str, dict]
    errors: list[DataError]

    @property
    def complete(self) -> bool:
        return len(self.models) == len(schema.CONTENT_FILES) and len(self.strings) == len(schema.LANGUAGES)

    def position(self, relative: str, path: tuple) -> tuple[int, int]:
        """Line and column of the value at `path` in data/RELATIVE."""
        return self.files[relative].positions.of_value(path)

    def entries(self, relative: str, key: str) -> list[tuple[int, dict]]:
        return _entries(self.files, relative, key)

    def ids(self, relative: str, key: str) -> set[str]:
        return set(_ids(self.files, relative, key))

    def site_data(self, layouts: dict | None = None) -> SiteData:
        if self.errors or not self.complete:
            # Every path that leaves a file unread has reported why; never end with "0 problems".
            assert self.errors, "a data file was not loaded but no error says why"
            raise DataErrors(self.errors)
        models = {name.removesuffix(".yml"): model for name, model in self.models.items()}
        return SiteData(**models, strings=self.strings, layouts=layouts)


def read_data(root: Path | str = "data", base: Loaded | None = None) -> Loaded:
    """All of data/, read and checked file by file and across files; problems are collected, not raised. `base` is
    data/ as it was before the edit, when known (`make validate` reads it from git): a problem between entries (one
    too many, two out of order) is then reported at the entry the editor added or moved, not at its neighbour."""
    root = Path(root)
    errors: list[DataError] = []
    files: dict[str, _File] = {}
    models: dict[str, object] = {}
    strings: dict[str, dict] = {}
    # The content files, then each language's interface strings: (file, what it holds, where the result goes).
    readings = [*((relative, model, models, relative) for relative, model in schema.CONTENT_FILES.items()),
                *((f"{STRINGS_DIR}/{lang}.yml", _STRINGS, strings, lang) for lang in schema.LANGUAGES)]
    for relative, adapter, results, key in readings:
        file = _read(root, relative, errors)
        if file is None:
            continue
        files[relative] = file
        validated = _validate(file, adapter, errors, base.files.get(relative) if base else None)
        if validated is not None:
            results[key] = validated
    errors += _unknown_files(root)
    errors += _cross_check(files, base.files if base else None)
    if len(strings) == len(schema.LANGUAGES):
        errors += _check_strings(files, strings)
    return Loaded(root, files, models, strings, errors)


def read_data_at(revision: str, data: Path) -> Loaded | None:
    """data/ as it was at `revision`, read (not validated): the names before a rename, for the warnings of
    loader.renamed_spellings, and the entries before the edit, so that a problem is reported at the entry the editor
    added or moved. None when git or the revision is not there (a copy outside git has no earlier version)."""
    data = data.resolve()
    try:
        top = Path(subprocess.run(["git", "-C", str(data), "rev-parse", "--show-toplevel"], capture_output=True,
                                  text=True, check=True).stdout.strip())
        inside = data.relative_to(top).as_posix()
        archive = subprocess.run(["git", "-C", str(top), "archive", "--format=tar", revision, "--", inside],
                                 capture_output=True, check=True).stdout
    except (OSError, ValueError, subprocess.CalledProcessError):
        return None
    with tempfile.TemporaryDirectory() as folder:
        with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
            tar.extractall(folder, filter="data")
        return read_data(Path(folder) / inside)


def renamed_warnings(base: Loaded, head: Loaded, docs: Path) -> list[DataError]:
    """Every warning of a rename since `base`: in data/ and in the pages' own prose."""
    return renamed_spellings(base, head) + renamed_in_pages(base, head, docs)


def _old_spellings(base: Loaded, head: Loaded) -> dict[str, dict[str, tuple[str, bool]]]:
    """lang -> {old spelling: (new name, whether the old one is kept among the other spellings)}, for each name
    changed since `base`. Not kept, the old spelling is usually refused where a text still uses it (coverage.py:
    the texts no longer name the thing); but a shorter spelling still found there («دي ميستورا» after «ستيفان دي
    ميستورا» became «ستافان دي ميستورا») kept the link, and five texts kept the old full name in silence."""
    before = {(rel, item["id"]): item.get("name") for rel, key in _NAMED_FILES
              for _, item in base.entries(rel, key) if isinstance(item.get("id"), str)}
    old: dict[str, dict[str, tuple[str, bool]]] = {lang: {} for lang in schema.LANGUAGES}
    for rel, key in _NAMED_FILES:
        for _, item in head.entries(rel, key):
            was, name = before.get((rel, item.get("id"))), item.get("name")
            aliases = item.get("aliases") if isinstance(item.get("aliases"), dict) else {}
            if not (isinstance(was, dict) and isinstance(name, dict)):
                continue
            for lang in old:
                spelling, now = was.get(lang), name.get(lang)
                # The article's own spellings are English: "Mohammed Alloush" kept in aliases.source was told to
                # "add it to the other spellings", where it already was.
                listed = [a for kind in ((lang, "source") if lang == "en" else (lang,))
                          for a in (aliases.get(kind) if isinstance(aliases.get(kind), list) else [])]
                if isinstance(spelling, str) and isinstance(now, str) and spelling and spelling != now:
                    old[lang][spelling] = (now, spelling in listed)
    return old


def _old_spelling_in(text: str, spelling: str, now: str, lang: str) -> re.Match | None:
    """Where `text` still uses `spelling` as a word of its own (not inside the new name, nor a longer word: "Syria"
    is not in "Syrian"); a space in it matches a line break too, as a long text is folded in the file."""
    masked = text.replace(now, "\0" * len(now)) if now else text
    start = r"(?<!\w)" if DIRECTION[lang] == "ltr" else ""
    return re.search(start + r"\s+".join(map(re.escape, spelling.split())) + r"(?!\w)", masked)


def _renamed_warning(spelling: str, now: str, kept: bool) -> M:
    if kept:
        return M('this text still uses "{old}", the old spelling of "{new}" (kept among its other spellings); write '
                 '"{new}" here, unless the old spelling is meant', old=spelling, new=now)
    return M('this text still uses "{old}", the old spelling of "{new}"; write "{new}" here, or, if the old spelling is '
             "meant, add it to the other spellings (aliases)", old=spelling, new=now)


def renamed_in_pages(base: Loaded, head: Loaded, docs: Path) -> list[DataError]:
    """The same warnings for the pages' own prose (docs/LANG/*.md), which the guide's "Fix a name" also asks the
    editor to search: a renamed Arabic name stayed in docs/ar/about.md without a word."""
    warnings = []
    for lang, renamed in _old_spellings(base, head).items():
        for page in sorted((docs / lang).glob("**/*.md")) if renamed else []:
            for number, line in enumerate(page.read_text(encoding="utf-8").splitlines(), 1):
                for spelling, (now, kept) in renamed.items():
                    found = _old_spelling_in(line, spelling, now, lang)
                    if found:
                        warnings.append(DataError(f"docs/{page.relative_to(docs).as_posix()}", number,
                                                  found.start() + 1, _renamed_warning(spelling, now, kept), warning=True))
    return sorted(warnings)


def _written_at(file: _File, path: tuple, spelling: str, now: str, lang: str) -> tuple[int, int]:
    """Line and column of `spelling` inside the text at `path` as written in the file; the text's own start when
    it cannot be found there (an escape inside it)."""
    edges = file.positions.edges.get(tuple(path))
    if not edges or not file.text:
        return file.positions.of_value(path)
    (first_line, first_col), (last_line, last_col) = edges
    lines = file.text.split("\n")[first_line - 1:last_line]
    lines[-1] = lines[-1][:last_col]
    lines[0] = lines[0][first_col - 1:]
    found = _old_spelling_in("\n".join(lines), spelling, now, lang)
    if not found:
        return file.positions.of_value(path)
    before = "\n".join(lines)[:found.start()]
    line = first_line + before.count("\n")
    return line, (first_col + len(before) if "\n" not in before else len(before) - before.rfind("\n"))


def renamed_spellings(base: Loaded, head: Loaded) -> list[DataError]:
    """Warnings, one per text, where a name changed since `base` and the text still uses the old spelling, at the
    old spelling. Kept as an alias, or with a shorter spelling still found there, the text still links to the thing,
    so no check fails; the editor is told which texts to look at, and may keep the old one on purpose."""
    old = _old_spellings(base, head)
    warnings = []
    named = {rel for rel, _ in _NAMED_FILES}
    for rel, file in head.files.items():
        for path, value in _walk(file.value):
            if not isinstance(value, str) or not path or path[-1] not in old or \
                    (rel in named and len(path) > 2 and path[2] in ("name", "aliases", "former")):
                continue
            for spelling, (now, kept) in old[path[-1]].items():
                if _old_spelling_in(value, spelling, now, path[-1]):
                    line, col = _written_at(file, path, spelling, now, path[-1])
                    warnings.append(DataError(file.name, line, col, _renamed_warning(spelling, now, kept), warning=True))
    return sorted(warnings)


def load_data(root: Path | str = "data") -> SiteData:
    """data/ alone, validated, without the pages (explainer/pages/site.py checks both); raises DataErrors listing
    every problem in every file."""
    return read_data(root).site_data()
