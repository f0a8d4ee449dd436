"""JSON Schemas of the data files, for editors' tools: `python -m explainer.tools.schemas` writes them under schemas/,
`python -m explainer.tools.schemas --check` fails when a committed one differs from what the code gives.

They are generated from the pydantic models the loader validates with (explainer/data/schema.py) and from the
interface-string contract (explainer/data/interface.py), so there is one source of truth. VS Code and github.dev, with
the Red Hat YAML extension, read them through .vscode/settings.json: they complete field names, show what each
field holds, and underline unknown keys, missing keys, bad ids, dates that do not exist (2026-13-01, 2025-02-29) and
paragraph numbers the source does not have, as the editor types. A value a pattern refuses is explained in both
languages (`patternErrorMessage`, and `errorMessage` where the type is wrong: the keywords the Red Hat YAML language
server shows in place of its own "does not match" message; the texts come from the message catalogue).

They depend on the code, and on one fact of the data that an editor's change does not move: the number of the
source's paragraphs (data/source.yml, the article's own), which bounds every `paras`. Never a list of faction or actor
ids: those would make the committed schemas stale whenever an editor adds an entry, and fail CI on a correct pull
request; the validator checks them, with a message at the line, instead.
"""
from __future__ import annotations

import ast
import functools
import io
import json
import re
import sys
import tokenize
from pathlib import Path

from explainer import PROJECT
from typing import get_args

from pydantic.json_schema import GenerateJsonSchema

from explainer.data import interface, schema
from explainer.data.messages import M
from explainer.data.yamlread import read_yaml

ROOT = PROJECT
SCHEMAS = ROOT / "schemas"
COMMAND = "python -m explainer.tools.schemas"
DIALECT = "https://json-schema.org/draft/2020-12/schema"
I18N = "i18n.schema.json"

# Arabic letters as schema.ARABIC_LETTER has them, for JSON Schema's (ECMAScript) patterns.
_ARABIC = schema.ARABIC_LETTER.pattern.strip("[]")
# A day that exists: 30 days hath September…, and 29 February in a leap year only (Gregorian: every 4th, not every
# 100th, but every 400th); or a month alone. Year 0000 does not exist. tests/test_schemas.py compares it with the
# validator's own check (schema._iso_date) on every day of several centuries.
_MONTH_DAY = r"(?:0[13578]|1[02])-(?:0[1-9]|[12]\d|3[01])|(?:0[469]|11)-(?:0[1-9]|[12]\d|30)|02-(?:0[1-9]|1\d|2[0-8])"
_LEAP_DAY = r"(?:\d\d(?:0[48]|[2468][048]|[13579][26])|(?:[02468][048]|[13579][26])00)-02-29"
REAL_DATE = rf"^(?!0000)(?:\d{{4}}-(?:{_MONTH_DAY})|{_LEAP_DAY}|\d{{4}}-(?:0[1-9]|1[0-2]))$"
# A correction's day: a day that exists, never a month alone ("2026-12" passed the schema, which the editor's VS Code
# showed as right). A date in the future cannot be a pattern (it moves every day); the validator refuses it.
REAL_DAY = rf"^(?!0000)(?:\d{{4}}-(?:{_MONTH_DAY})|{_LEAP_DAY})$"
_PATTERNS = {
    schema._id: schema.ID_PATTERN.pattern,
    schema._iso_date: REAL_DATE,
    schema._day: REAL_DAY,
    schema._english: rf"^[^{_ARABIC}]*[^\s{_ARABIC}][^{_ARABIC}]*$",  # not blank, no Arabic letters
    schema._arabic: rf"[{_ARABIC}]",  # at least one Arabic letter
    schema._alias: rf"^[^{re.escape(schema.SEPARATOR)}]*$",
}
_MEANING = {
    schema._id: "lower-case letters, digits and hyphens, like sham-legion",
    schema._iso_date: "a date that exists, in quotes: \"YYYY-MM-DD\", or \"YYYY-MM\" when the source gives only the month",
    schema._day: "the day of the fix, a date that exists, in quotes: \"YYYY-MM-DD\"",
    schema._english: "English text, without Arabic letters",
    schema._arabic: "Arabic text",
    schema._alias: f'without "{schema.SEPARATOR}" (it separates aliases in the roster download)',
}
# What an editor is told, in both languages, when a value does not match the pattern.
_REFUSED = {
    schema._id: M('an id is lower-case letters, digits and hyphens, like "sham-legion"'),
    schema._iso_date: M('not a date that exists: write "YYYY-MM-DD" (in quotes), or "YYYY-MM" when the source gives '
                        "only the month"),
    schema._day: M('not a date that exists: write "YYYY-MM-DD" (in quotes), the day of the fix'),
    schema._english: M("the English text must not be empty and must have no Arabic letters"),
    schema._arabic: M("the Arabic text must have Arabic letters"),
    schema._alias: M('an alias must not contain "|" (it separates the aliases in the roster download); make it two'),
}


def both(message: M) -> str:
    """A message in English and in Arabic, for a tool that shows one text whatever the editor's language."""
    return f"{message} · {message.say('ar')}"


def paragraph_count(data: Path | None = None) -> int:
    """The number of the source's paragraphs (data/source.yml): the highest number a `paras` may cite."""
    source = read_yaml((data or ROOT / "data") / "source.yml", "data/source.yml")
    return len(source.value["paragraphs"])


def _bound_paragraphs(node, count: int) -> None:
    """Every `paras` of the schema: its numbers from 1 to the source's last paragraph, said in both languages."""
    if isinstance(node, dict):
        prop = node.get("properties", {}).get("paras")
        if prop is not None:
            prop["items"]["maximum"] = count
            prop["items"]["errorMessage"] = both(M("a paragraph number is a whole number from 1 to {count}, in Western "
                                                   "digits, without quotes: paras: [3]", count=count))
            prop["description"] = f"the source's paragraph numbers, 1 to {count}, like [3, 7]"
        for value in node.values():
            _bound_paragraphs(value, count)
    elif isinstance(node, list):
        for value in node:
            _bound_paragraphs(value, count)


# References whose possible ids are fixed by the code (not by the data): listed as enums.
_REF_ENUMS = {("Faction", "camp"): list(get_args(schema.CAMP_IDS))}


class _Generator(GenerateJsonSchema):
    """pydantic's generator, plus what our AfterValidators check, where JSON Schema can say it."""

    def function_after_schema(self, core):
        out = self.generate_inner(core["schema"])
        function = core["function"].get("function")
        if function in _PATTERNS:
            refused = both(_REFUSED[function])
            if "pattern" in out:  # a rule on top of another (an alias is a name): both must hold
                out.setdefault("allOf", []).append({"pattern": _PATTERNS[function], "patternErrorMessage": refused})
                out["description"] = f"{out.get('description', '')}; {_MEANING[function]}".lstrip("; ")
            else:
                out["pattern"] = _PATTERNS[function]
                out["patternErrorMessage"] = refused
                out.setdefault("description", _MEANING[function])
        return out


@functools.cache  # schema.py's source does not change while the process runs; each schema asks for its comments
def _field_comments() -> dict[str, dict[str, str]]:
    """model name -> field -> the comment at the end of its line in schema.py (`head: Ref  # an actor (person)`)."""
    source = Path(schema.__file__).read_text(encoding="utf-8")
    comments = {tok.start[0]: tok.string.lstrip("#").strip()
                for tok in tokenize.generate_tokens(io.StringIO(source).readline) if tok.type == tokenize.COMMENT}
    found: dict[str, dict[str, str]] = {}
    for node in ast.parse(source).body:
        if isinstance(node, ast.ClassDef):
            for item in node.body:
                if isinstance(item, ast.AnnAssign) and isinstance(item.target, ast.Name) and item.lineno in comments:
                    found.setdefault(node.name, {})[item.target.id] = comments[item.lineno]
    return found


def _content_schema(file: str, model) -> dict:
    out = model.model_json_schema(schema_generator=_Generator, mode="validation")
    comments = _field_comments()
    for name, definition in [(model.__name__, out), *out.get("$defs", {}).items()]:
        for field, prop in definition.get("properties", {}).items():
            if field in comments.get(name, {}):
                prop["description"] = comments[name][field]
            if (name, field) in _REF_ENUMS:
                prop.pop("pattern", None)
                prop["enum"] = _REF_ENUMS[(name, field)]
                prop["description"] = "one of: " + ", ".join(_REF_ENUMS[(name, field)])
    event = out.get("$defs", {}).get("Event")
    if event is not None:
        # schema.Event's own rule: a date or a placement, never both; `until` only after a date.
        event["oneOf"] = [{"required": ["date"], "not": {"required": ["placement"]}},
                          {"required": ["placement"], "not": {"required": ["date"]}}]
        event["dependentRequired"] = {"until": ["date"]}
    _bound_paragraphs(out, paragraph_count())
    return {"$schema": DIALECT, "$comment": _generated(f"data/{file}"), **out}


def _strings_schema() -> dict:
    """data/i18n/LANG.yml: every key of the contract, each a string or counted forms, with only its placeholders."""

    def text(key: str) -> dict:
        allowed = sorted(interface.PLACEHOLDERS.get(key, set()))
        holes = "|".join(rf"\{{{name}\}}" for name in allowed)
        pattern = rf"^(?:[^{{}}]|{holes})*$" if holes else r"^[^{}]*$"
        said = ", ".join("{" + name + "}" for name in allowed) or "none"
        return {"type": "string", "minLength": 1, "maxLength": schema.MAX_STRING, "pattern": pattern,
                "description": f"placeholders: {said}"}

    forms = ["zero", "one", "two", "few", "many", "other"]
    properties = {
        key: {"anyOf": [text(key), {
            "type": "object", "description": "counted forms; `other` is used for any count without its own form",
            "properties": {form: text(key) for form in forms}, "required": ["other"], "additionalProperties": False,
        }]}
        for key in sorted(interface.KEYS)
    }
    return {
        "$schema": DIALECT, "$comment": _generated("data/i18n/en.yml and data/i18n/ar.yml"),
        "title": "Interface strings", "description": (interface.__doc__ or "").strip(), "type": "object",
        "properties": properties, "required": sorted(interface.KEYS), "additionalProperties": False,
    }


def _generated(what: str) -> str:
    return f"The shape of {what}, generated from explainer/ by `{COMMAND}`; do not edit by hand."


def schema_name(file: str) -> str:
    return file.removesuffix(".yml") + ".schema.json"


def generate() -> dict[str, str]:
    """file name under schemas/ -> its text."""
    found = {schema_name(file): _content_schema(file, model) for file, model in schema.CONTENT_FILES.items()}
    found[I18N] = _strings_schema()
    return {name: json.dumps(value, indent=2, ensure_ascii=False) + "\n" for name, value in found.items()}


def data_files_of(name: str) -> list[str]:
    """The data files a schema describes, as paths from the repository's root."""
    if name == I18N:
        return [f"data/i18n/{lang}.yml" for lang in schema.LANGUAGES]
    return [f"data/{name.removesuffix('.schema.json')}.yml"]


def vscode_settings() -> dict:
    return {"yaml.schemas": {f"./schemas/{name}": data_files_of(name) for name in generate()}}


def stale(folder: Path | None = None) -> list[str]:
    """What differs between the committed schemas and the code, one line per file."""
    folder = SCHEMAS if folder is None else folder
    wanted = generate()
    problems = []
    for name, text in wanted.items():
        path = folder / name
        if not path.is_file():
            problems.append(f"schemas/{name} is missing")
        elif path.read_text(encoding="utf-8") != text:
            problems.append(f"schemas/{name} is out of date")
    for path in sorted(folder.glob("*.json")) if folder.is_dir() else []:
        if path.name not in wanted:
            problems.append(f"schemas/{path.name} describes no data file; delete it")
    return problems


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if args not in ([], ["--check"]):
        print(f"usage: {COMMAND} [--check]", file=sys.stderr)
        return 2
    if args == ["--check"]:
        problems = stale()
        for line in problems:
            print(f"{line}: the JSON Schemas must match explainer/data/schema.py and explainer/data/interface.py; "
                  f"run `{COMMAND}` and commit schemas/", file=sys.stderr)
        return 1 if problems else 0
    SCHEMAS.mkdir(exist_ok=True)
    wanted = generate()
    for name, text in wanted.items():
        (SCHEMAS / name).write_text(text, encoding="utf-8")
    for path in SCHEMAS.glob("*.json"):
        if path.name not in wanted:
            path.unlink()
    print(f"wrote {len(wanted)} schemas to schemas/")
    return 0


if __name__ == "__main__":
    sys.exit(main())
