"""JSON Schemas of the data files, for editors' tools: `python -m explainer.tools.schemas` writes them under schemas/,
`python -m explainer.tools.schemas --check` fails when a committed one differs from what the code gives.

They are generated from the pydantic models the loader validates with (explainer/data/schema.py) and from the
interface-string contract (explainer/data/interface.py), so there is one source of truth. VS Code and github.dev, with
the Red Hat YAML extension, read them through .vscode/settings.json: they complete field names, show what each
field holds, and underline unknown keys, missing keys, bad ids and bad dates as the editor types.

They depend on the code only, never on the data: no list of faction or actor ids, no highest paragraph number.
Those would make the committed schemas stale whenever an editor adds an entry, and fail CI on a correct pull
request; the validator checks them, with a message at the line, instead.
"""
from __future__ import annotations

import ast
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

ROOT = PROJECT
SCHEMAS = ROOT / "schemas"
COMMAND = "python -m explainer.tools.schemas"
DIALECT = "https://json-schema.org/draft/2020-12/schema"
I18N = "i18n.schema.json"

# Arabic letters as schema.ARABIC_LETTER has them, for JSON Schema's (ECMAScript) patterns.
_ARABIC = schema.ARABIC_LETTER.pattern.strip("[]")
_PATTERNS = {
    schema._id: schema.ID_PATTERN.pattern,
    schema._iso_date: r"^\d{4}-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?$",  # a month 13 or a day 32 too
    schema._english: rf"^[^{_ARABIC}]*[^\s{_ARABIC}][^{_ARABIC}]*$",  # not blank, no Arabic letters
    schema._arabic: rf"[{_ARABIC}]",  # at least one Arabic letter
    schema._alias: rf"^[^{re.escape(schema.SEPARATOR)}]*$",
}
_MEANING = {
    schema._id: "lower-case letters, digits and hyphens, like sham-legion",
    schema._iso_date: "a date in quotes: \"YYYY-MM-DD\", or \"YYYY-MM\" when the source gives only the month",
    schema._english: "English text, without Arabic letters",
    schema._arabic: "Arabic text",
    schema._alias: f'without "{schema.SEPARATOR}" (it separates aliases in the roster download)',
}
# References whose possible ids are fixed by the code (not by the data): listed as enums.
_REF_ENUMS = {("Faction", "camp"): list(get_args(schema.CAMP_IDS))}


class _Generator(GenerateJsonSchema):
    """pydantic's generator, plus what our AfterValidators check, where JSON Schema can say it."""

    def function_after_schema(self, core):
        out = self.generate_inner(core["schema"])
        function = core["function"].get("function")
        if function in _PATTERNS:
            if "pattern" in out:  # a rule on top of another (an alias is a name): both must hold
                out.setdefault("allOf", []).append({"pattern": _PATTERNS[function]})
                out["description"] = f"{out.get('description', '')}; {_MEANING[function]}".lstrip("; ")
            else:
                out["pattern"] = _PATTERNS[function]
                out.setdefault("description", _MEANING[function])
        return out


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
    for name, text in generate().items():
        (SCHEMAS / name).write_text(text, encoding="utf-8")
    for path in SCHEMAS.glob("*.json"):
        if path.name not in generate():
            path.unlink()
    print(f"wrote {len(generate())} schemas to schemas/")
    return 0


if __name__ == "__main__":
    sys.exit(main())
