"""The JSON Schemas under schemas/ are what `python -m explainer.tools.schemas` generates from the loader's models, VS Code
maps each to its data file, the real data passes them and typical mistakes do not."""
from __future__ import annotations

import copy
import json
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
