"""Read one YAML file into plain Python values plus the line and column of every key and value.

Why not a stock loader: PyYAML keeps duplicate keys silently and expands aliases (an alias bomb can exhaust
memory); ruamel's constructors stop at the first duplicate. Here ruamel only parses and composes; this module
builds the values itself, so every problem in a file is found in one pass and none of them can run away.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ruamel.yaml import YAML
from ruamel.yaml.error import MarkedYAMLError, YAMLError
from ruamel.yaml.events import AliasEvent, NodeEvent
from ruamel.yaml.nodes import MappingNode, ScalarNode, SequenceNode

from .errors import DataError

PathKey = tuple  # ("factions", 3, "name", "ar")

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


@dataclass
class Positions:
    """1-based (line, col) of each value and each mapping key, by path from the document root."""

    values: dict[PathKey, tuple[int, int]] = field(default_factory=dict)
    keys: dict[PathKey, tuple[int, int]] = field(default_factory=dict)

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


def _yaml() -> YAML:
    return YAML(typ="safe", pure=True)


def _pos(mark) -> tuple[int, int]:
    return mark.line + 1, mark.column + 1


def _decode(raw: bytes, name: str) -> tuple[str | None, list[DataError]]:
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        before = raw[: exc.start]
        line = before.count(b"\n") + 1
        col = len(before) - (before.rfind(b"\n") + 1) + 1
        return None, [
            DataError(
                name,
                line,
                col,
                f"the file is not UTF-8 (byte 0x{raw[exc.start]:02X} cannot be read); "
                "save it again with the encoding UTF-8",
            )
        ]
    return text.removeprefix("\ufeff"), []


def _tab_errors(text: str, name: str) -> list[DataError]:
    errors = []
    for number, line in enumerate(text.splitlines(), start=1):
        indent = line[: len(line) - len(line.lstrip(" \t"))]
        if "\t" in indent:
            errors.append(
                DataError(
                    name,
                    number,
                    indent.index("\t") + 1,
                    "a tab is used for indentation; YAML needs spaces: replace the tab with spaces",
                )
            )
    return errors


def _syntax_error(exc: YAMLError, name: str) -> DataError:
    if isinstance(exc, MarkedYAMLError):
        mark = exc.problem_mark or exc.context_mark
        line, col = _pos(mark) if mark else (1, 1)
        what = (exc.problem or exc.context or "the YAML cannot be read").strip()
        context = f" ({exc.context.strip()})" if exc.context and exc.problem else ""
    else:
        line, col, what, context = 1, 1, str(exc).strip(), ""
    return DataError(
        name,
        line,
        col,
        f"YAML syntax error: {what}{context}; check the indentation, the colons and the quotes on this line "
        "and the one above",
    )


def _alias_errors(text: str, name: str) -> list[DataError]:
    errors = []
    for event in _yaml().parse(text):
        line, col = _pos(event.start_mark)
        if isinstance(event, AliasEvent):
            errors.append(
                DataError(
                    name,
                    line,
                    col,
                    f"the alias *{event.anchor} is not allowed here; write the value out in full",
                )
            )
        elif isinstance(event, NodeEvent) and event.anchor is not None:
            errors.append(
                DataError(
                    name,
                    line,
                    col,
                    f"the anchor &{event.anchor} is not allowed here; remove it and write values out in full",
                )
            )
    return errors


class _Builder:
    """Turns composed nodes into dicts, lists and scalars, noting positions and duplicate keys."""

    def __init__(self, name: str):
        self.name = name
        self.positions = Positions()
        self.errors: list[DataError] = []

    def build(self, node, path: PathKey):
        self.positions.values[path] = _pos(node.start_mark)
        if node.tag not in _PLAIN_TAGS:
            line, col = _pos(node.start_mark)
            self.errors.append(
                DataError(self.name, line, col, f"the tag {node.tag} is not allowed; remove it")
            )
            return None
        if isinstance(node, MappingNode):
            return self._mapping(node, path)
        if isinstance(node, SequenceNode):
            return [self.build(item, path + (i,)) for i, item in enumerate(node.value)]
        return self._scalar(node)

    def _mapping(self, node: MappingNode, path: PathKey) -> dict:
        result: dict = {}
        for key_node, value_node in node.value:
            line, col = _pos(key_node.start_mark)
            if not isinstance(key_node, ScalarNode):
                self.errors.append(
                    DataError(self.name, line, col, "a key must be a plain word; write it as `name:`")
                )
                continue
            key = str(key_node.value)
            if key in result:
                first = self.positions.keys[path + (key,)]
                self.errors.append(
                    DataError(
                        self.name,
                        line,
                        col,
                        f'the key "{key}" appears twice in the same entry (first at line {first[0]}); '
                        "keep one of them",
                    )
                )
                continue
            self.positions.keys[path + (key,)] = (line, col)
            result[key] = self.build(value_node, path + (key,))
        return result

    @staticmethod
    def _scalar(node: ScalarNode):
        value = node.value
        if node.tag.endswith(":int"):
            return int(value.replace("_", ""), 0) if value.lower().startswith(("0x", "0o")) else int(value)
        if node.tag.endswith(":float"):
            return float(value)
        if node.tag.endswith(":bool"):
            return value.lower() == "true"
        if node.tag.endswith(":null"):
            return None
        return value  # str, and timestamps as written: the schema parses dates itself


def read_yaml(path: Path, name: str) -> ReadResult:
    """Every problem in one file, at once; `value` is None when the file could not be read as data."""
    empty = ReadResult(None, Positions(), [])
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        empty.errors.append(DataError(name, 1, 1, "the file is missing; restore it (see the README)"))
        return empty
    text, errors = _decode(raw, name)
    if text is None:
        empty.errors.extend(errors)
        return empty
    errors = _tab_errors(text, name)
    if errors:
        # A tab-indented file parses into nonsense; the tab message alone is the one worth reading.
        empty.errors.extend(errors)
        return empty
    try:
        errors = _alias_errors(text, name)
        if errors:
            empty.errors.extend(errors)
            return empty
        node = _yaml().compose(text)
    except YAMLError as exc:
        empty.errors.append(_syntax_error(exc, name))
        return empty
    if node is None:
        empty.errors.append(DataError(name, 1, 1, "the file is empty; restore its content"))
        return empty
    builder = _Builder(name)
    value = builder.build(node, ())
    return ReadResult(value, builder.positions, builder.errors)
