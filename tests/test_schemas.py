"""The JSON Schemas under schemas/ are what `python -m explainer.tools.schemas` generates from the loader's models, VS Code
maps each to its data file, the real data passes them and typical mistakes do not."""
from __future__ import annotations

import copy
import json
import re
import shutil

import pytest
from jsonschema import Draft202012Validator

from explainer.data import schema

from explainer.tools import schemas
from explainer.data.yamlread import read_yaml

from .conftest import ROOT

DATA = ROOT / "data"
SCHEMA_FILES = sorted(schemas.generate())


def validator(name: str) -> Draft202012Validator:
    loaded = json.loads((ROOT / "schemas" / name).read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(loaded)
    return Draft202012Validator(loaded)


def data_of(relative: str):
    result = read_yaml(ROOT / relative, relative)
    assert not result.errors, result.errors
    return result.value


def problems(name: str, value) -> list[str]:
    return sorted(error.message for error in validator(name).iter_errors(value))


def test_the_committed_schemas_are_current():
    assert schemas.stale() == [], f"run `{schemas.COMMAND}` and commit schemas/"


def test_a_stale_schema_is_named_with_the_command(tmp_path, monkeypatch, capsys):
    folder = tmp_path / "schemas"
    shutil.copytree(ROOT / "schemas", folder)
    text = (folder / "factions.schema.json").read_text(encoding="utf-8")
    (folder / "factions.schema.json").write_text(text.replace('"refused"', '"stayed-away"'), encoding="utf-8")
    (folder / "gaps.schema.json").unlink()
    (folder / "old.schema.json").write_text("{}", encoding="utf-8")
    monkeypatch.setattr(schemas, "SCHEMAS", folder)
    assert schemas.main(["--check"]) == 1
    said = capsys.readouterr().err
    assert "schemas/factions.schema.json is out of date" in said
    assert "schemas/gaps.schema.json is missing" in said
    assert "schemas/old.schema.json describes no data file" in said
    assert f"run `{schemas.COMMAND}`" in said
    assert schemas.main([]) == 0 and schemas.main(["--check"]) == 0


def test_one_schema_per_data_file_mapped_in_vscode():
    settings = json.loads((ROOT / ".vscode" / "settings.json").read_text(encoding="utf-8"))
    assert settings == schemas.vscode_settings()
    mapped = [file for files in settings["yaml.schemas"].values() for file in files]
    expected = [f"data/{f}" for f in schema.CONTENT_FILES] + [f"data/i18n/{lang}.yml" for lang in schema.LANGUAGES]
    assert sorted(mapped) == sorted(expected)
    for name in settings["yaml.schemas"]:
        assert (ROOT / name).is_file()
    # VS Code and github.dev offer to install the extension that reads them.
    extensions = json.loads((ROOT / ".vscode" / "extensions.json").read_text(encoding="utf-8"))
    assert "redhat.vscode-yaml" in extensions["recommendations"]


@pytest.mark.parametrize("name", SCHEMA_FILES)
def test_the_real_data_passes_its_schema(name):
    for relative in schemas.data_files_of(name):
        assert problems(name, data_of(relative)) == [], relative


def test_a_broken_faction_is_refused():
    factions = data_of("data/factions.yml")
    broken = copy.deepcopy(factions)
    broken["factions"][0]["alias"] = broken["factions"][0].pop("aliases", {})  # a misspelt key
    broken["factions"][1]["camp"] = "atended"
    broken["factions"][2]["id"] = "Sham Legion"
    broken["factions"][3]["paras"] = [0]
    del broken["factions"][4]["name"]["ar"]
    said = problems("factions.schema.json", broken)
    assert any("'alias' was unexpected" in m for m in said), said
    assert any("'atended' is not one of ['attended', 'refused']" in m for m in said), said
    assert any("'Sham Legion' does not match" in m for m in said), said
    assert any("0 is less than the minimum of 1" in m for m in said), said
    assert any("'ar' is a required property" in m for m in said), said
    assert problems("factions.schema.json", factions) == []


def test_broken_texts_dates_and_events_are_refused():
    events = data_of("data/events.yml")
    dated = next(i for i, e in enumerate(events["events"]) if "date" in e)
    undated = next(i for i, e in enumerate(events["events"]) if "placement" in e)
    broken = copy.deepcopy(events)
    broken["events"][dated]["date"] = "23 January 2017"
    broken["events"][dated]["text"]["ar"] = "Astana"  # no Arabic letter
    broken["events"][undated]["date"] = "2017-01"  # a date and a placement
    found = {(tuple(e.absolute_path), e.validator) for e in validator("events.schema.json").iter_errors(broken)}
    assert (("events", dated, "date"), "anyOf") in found, found  # a string matching the pattern, or nothing
    assert (("events", dated, "text", "ar"), "pattern") in found, found
    assert (("events", undated), "oneOf") in found, found
    assert not validator("events.schema.json").is_valid({"events": [{"id": "x", "text": {"en": "a", "ar": "ب"},
                                                                     "paras": [1], "placement": {"en": "a", "ar": "ب"},
                                                                     "until": "2017-01"}]})


def test_broken_interface_strings_are_refused():
    strings = data_of("data/i18n/en.yml")
    broken = dict(strings)
    broken["site_nmae"] = broken.pop("site_name")
    broken["delegation_head_of"] = "leader of {factoin}"
    said = problems(schemas.I18N, broken)
    assert any("'site_nmae' was unexpected" in m for m in said), said
    assert any("'site_name' is a required property" in m for m in said), said
    assert any("delegation_head_of" in m or "{factoin}" in m for m in said), said


# ---------------------------------------------------------------- real dates, paragraph bounds, messages an editor reads


def _accepted_by_the_validator(value: str) -> bool:
    try:
        schema._iso_date(value)
    except Exception:
        return False
    return True


def test_the_date_pattern_is_the_validators_calendar():
    """Every day (and impossible day) of years around the Gregorian rule's edges: the schema's pattern accepts exactly
    what the validator accepts, so a month 13, a 30 February and a 29 February of a common year are underlined."""
    pattern = re.compile(schemas.REAL_DATE)
    years = [*range(0, 5), *range(1896, 1905), *range(1996, 2105), *range(2396, 2405)]
    tried = 0
    for year in years:
        for month in range(0, 14):
            values = [f"{year:04d}-{month:02d}"] + [f"{year:04d}-{month:02d}-{day:02d}" for day in range(0, 33)]
            for value in values:
                tried += 1
                assert bool(pattern.fullmatch(value)) == _accepted_by_the_validator(value), value
    assert tried > 50_000


@pytest.mark.parametrize("name", ["events.schema.json", "corrections.schema.json"])
def test_a_date_that_does_not_exist_is_refused_with_a_message_in_both_languages(name):
    entry = ({"id": "x", "text": {"en": "a", "ar": "ب"}, "paras": [1]} if name.startswith("events")
             else {"text": {"en": "a", "ar": "ب"}})
    key = name.removesuffix(".schema.json")
    check = validator(name)
    for bad in ("2026-13-01", "2026-02-30", "2025-02-29", "2026-04-31", "26-01-01"):
        assert not check.is_valid({key: [{**entry, "date": bad}]}), bad
    for good in ("2024-02-29", "2017-01-23", "2000-02-29"):
        assert check.is_valid({key: [{**entry, "date": good}]}), good
    loaded = json.loads((ROOT / "schemas" / name).read_text(encoding="utf-8"))
    said = schemas.both(schemas._REFUSED[schema._iso_date if name.startswith("events") else schema._day])
    assert any(node.get("patternErrorMessage") == said for _, node in _walk(loaded))


def test_paragraph_numbers_are_bounded_by_the_source():
    count = len(data_of("data/source.yml")["paragraphs"])
    assert schemas.paragraph_count() == count
    factions = data_of("data/factions.yml")
    for number, ok in ((count, True), (count + 1, False), (0, False), ("3", False)):
        changed = copy.deepcopy(factions)
        changed["factions"][0]["paras"] = [number]
        assert validator("factions.schema.json").is_valid(changed) == ok, number


def _walk(node, path=()):
    if isinstance(node, dict):
        yield path, node
        for key, value in node.items():
            yield from _walk(value, path + (key,))
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from _walk(value, path + (i,))


ARABIC = re.compile("[\u0621-\u064a]")


@pytest.mark.parametrize("name", [n for n in SCHEMA_FILES if n != schemas.I18N])
def test_every_pattern_and_paragraph_says_what_to_do_in_both_languages(name):
    """The Red Hat YAML extension shows `patternErrorMessage` (and `errorMessage`) instead of a regular expression."""
    loaded = json.loads((ROOT / "schemas" / name).read_text(encoding="utf-8"))
    for path, node in _walk(loaded):
        if "pattern" in node and isinstance(node["pattern"], str):
            said = node.get("patternErrorMessage", "")
            assert " · " in said and ARABIC.search(said) and "\\u" not in said, (path, said)
        if path[-1:] == ("paras",) and path[-2:-1] == ("properties",):
            assert node["items"]["maximum"] == schemas.paragraph_count(), path
            assert ARABIC.search(node["items"]["errorMessage"]), path


def test_a_source_with_another_number_of_paragraphs_makes_the_schemas_stale(monkeypatch):
    monkeypatch.setattr(schemas, "paragraph_count", lambda data=None: 15)
    assert "schemas/factions.schema.json is out of date" in schemas.stale()
