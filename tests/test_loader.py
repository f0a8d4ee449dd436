"""Every kind of data mistake an editor can make gets one exact `data/FILE:LINE:COL: what; what to do` line."""
from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from explainer.data.errors import DataErrors
from explainer.data.messages import laid_out
from explainer.pages.site import load_data

from . import sample_faction as sample
from .conftest import ROOT, run_main, copy_project, mkdocs_build
from .data_setups import replace_value, value_span


@pytest.fixture
def data_dir(tmp_path) -> Path:
    target = tmp_path / "data"
    shutil.copytree(ROOT / "data", target)
    return target


def edit(data_dir: Path, name: str, old: str, new: str, count: int = 1) -> str:
    path = data_dir / name
    text = path.read_text(encoding="utf-8")
    assert old in text, f"test setup: {old!r} not in {name}"
    text = text.replace(old, new, count)
    path.write_text(text, encoding="utf-8")
    return text


def position(text: str, needle: str, offset: int = 0) -> tuple[int, int]:
    """1-based line and column of `needle` (plus offset) in `text`."""
    index = text.index(needle) + offset
    line = text.count("\n", 0, index) + 1
    return line, index - (text.rfind("\n", 0, index) + 1) + 1


def errors(data_dir: Path) -> list[str]:
    with pytest.raises(DataErrors) as caught:
        load_data(data_dir)
    return [str(e) for e in caught.value.errors]


def by_position(lines: list[str]) -> list[str]:
    """Messages in the order the validator prints them: by file, then line and column as numbers."""
    def key(line):
        file, row, col, _ = line.split(":", 3)
        return file, int(row), int(col), line
    return sorted(lines, key=key)


def plain_yaml(name: str):
    # An independent reading of the file (PyYAML), to compare the loader's counts with.
    import yaml
    return yaml.safe_load((ROOT / "data" / name).read_text(encoding="utf-8"))


def test_real_data_is_valid():
    data = load_data(ROOT / "data")
    assert len(data.factions.factions) == len(plain_yaml("factions.yml")["factions"])
    assert data.paragraph_count == len(plain_yaml("source.yml")["paragraphs"])


def test_unknown_camp_names_the_choices(data_dir):
    text = edit(data_dir, "factions.yml", "    camp: attended\n    paras: [3]\n  - id: sultan", "    camp: atended\n    paras: [3]\n  - id: sultan")
    line, col = position(text, "atended")
    assert errors(data_dir) == [f'data/factions.yml:{line}:{col}: camp "atended" is not one of: attended, refused; did you mean "attended"?']


def test_yaml_syntax_error(data_dir):
    # A faction's aliases, whatever they hold, with the closing brace left out.
    path = ("factions", sample.ID, "aliases")
    before = (data_dir / "factions.yml").read_text(encoding="utf-8")
    start, end = value_span(before, path)
    unclosed = before[start:end - 1]
    text = replace_value(data_dir, "factions.yml", path, unclosed)
    found = errors(data_dir)
    assert len(found) == 1
    line, col = position(text, unclosed + "\n")
    # In plain words, at the bracket that is never closed, with the line as the editor wrote it.
    assert found == [
        f'data/factions.yml:{line}:{col}: YAML cannot read this line (`aliases: {unclosed}`): a list [ … ] '
        "or an entry { … } opened here is not closed, a quote inside it is not closed, or its items are not separated "
        "by commas"]


def test_tab_indentation(data_dir):
    text = edit(data_dir, "factions.yml", "    camp: attended\n", "\tcamp: attended\n")
    line, _ = position(text, "\tcamp: attended")
    assert errors(data_dir) == [
        f"data/factions.yml:{line}:1: a tab is used for indentation; YAML needs spaces: replace the tab with spaces"
    ]


def test_duplicate_key(data_dir):
    text = edit(data_dir, "factions.yml", "    camp: attended\n", "    camp: attended\n    camp: refused\n")
    first, _ = position(text, "    camp: attended")
    line, col = position(text, "camp: refused\n    paras: [3]")
    assert errors(data_dir) == [
        f'data/factions.yml:{line}:{col}: the key "camp" appears twice in the same entry (first at line {first}); keep one of them'
    ]


def test_unknown_key_is_reported_with_a_suggestion(data_dir):
    text = edit(data_dir, "factions.yml", "    camp: attended\n", "    cmap: attended\n")
    line, col = position(text, "cmap")
    # Not also '"camp" is missing; add it': following both would give the entry two camps (editors' walk 4).
    assert errors(data_dir) == [
        f'data/factions.yml:{line}:{col}: unknown key "cmap"; did you mean "camp"? Correct the spelling',
    ]


def test_wrong_type(data_dir):
    text = edit(data_dir, "factions.yml", "    paras: [3]\n", '    paras: "3"\n')
    line, col = position(text, '"3"')
    assert errors(data_dir) == [
        f'data/factions.yml:{line}:{col}: "paras" is a list: write it in square brackets, [3]'
    ]


def test_number_in_quotes_is_not_a_number(data_dir):
    text = edit(data_dir, "factions.yml", "    paras: [3]\n", '    paras: ["3"]\n')
    line, col = position(text, '"3"')
    assert errors(data_dir) == [
        f'data/factions.yml:{line}:{col}: "paras" should be a whole number, but is text ("3"); write the number without quotes'
    ]


def test_missing_field(data_dir):
    text = edit(data_dir, "factions.yml", "    camp: attended\n    paras: [3]\n", "    camp: attended\n")
    line, col = position(text, "id: sham-legion")
    assert errors(data_dir) == [f'data/factions.yml:{line}:{col}: "paras" is missing; add `paras: ` to this entry']


def test_bilingual_field_missing_a_language(data_dir):
    text = edit(data_dir, "factions.yml", sample.LINE, f'name: {{en: "{sample.EN}"}}')
    line, col = position(text, f'{{en: "{sample.EN}"}}')
    assert errors(data_dir) == [
        f"data/factions.yml:{line}:{col}: the Arabic text (ar) is missing; add `ar: …` to this entry"
    ]


def test_bilingual_field_empty(data_dir):
    text = edit(data_dir, "factions.yml", f'ar: "{sample.AR}"', 'ar: ""')
    line, col = position(text, 'ar: ""', 4)
    assert errors(data_dir) == [f"data/factions.yml:{line}:{col}: the Arabic text (ar) is empty; write the Arabic text"]


def test_arabic_field_without_arabic(data_dir):
    text = edit(data_dir, "factions.yml", f'ar: "{sample.AR}"', f'ar: "{sample.EN}"')
    line, col = position(text, f'ar: "{sample.EN}"', 4)
    assert errors(data_dir) == [
        f"data/factions.yml:{line}:{col}: the Arabic text (ar) contains no Arabic letters; write it in Arabic"
    ]


def test_reference_to_an_id_that_does_not_exist(data_dir):
    text = edit(data_dir, "quotes.yml", "speaker: fastaqim-union", "speaker: fastaqim")
    line, col = position(text, "fastaqim\n", 0)
    found = errors(data_dir)
    assert len(found) == 1
    # Not "is not one of: fastaqim-union", which read as if one speaker only were allowed (issue 20).
    assert found[0] == (f'data/quotes.yml:{line}:{col}: speaker "fastaqim" is not the id of a faction, an actor or a '
                        'camp; did you mean "fastaqim-union"?')


def test_duplicate_id(data_dir):
    text = edit(data_dir, "factions.yml", "  - id: sultan-murad-division", "  - id: sham-legion")
    first, _ = position(text, "id: sham-legion")
    index = text.index("id: sham-legion", text.index("id: sham-legion") + 1)
    line = text.count("\n", 0, index) + 1
    col = index - (text.rfind("\n", 0, index) + 1) + 1 + len("id: ")
    assert errors(data_dir) == [
        f'data/factions.yml:{line}:{col}: the id "sham-legion" is already used (data/factions.yml line {first}); give this entry its own id'
    ]


def test_paragraph_number_out_of_range(data_dir):
    count = len(plain_yaml("source.yml")["paragraphs"])
    text = edit(data_dir, "factions.yml", "    paras: [3]\n", f"    paras: [{count + 1}]\n")
    line, col = position(text, f"{count + 1}]")
    assert errors(data_dir) == [
        f"data/factions.yml:{line}:{col}: paragraph {count + 1} is out of range: the source has {count} paragraphs; "
        f"use a number from 1 to {count}"
    ]


def test_paragraph_zero_is_refused(data_dir):
    text = edit(data_dir, "factions.yml", "    paras: [3]\n", "    paras: [0]\n")
    line, col = position(text, "0]")
    assert errors(data_dir) == [f'data/factions.yml:{line}:{col}: "paras" must be 1 or more, but is 0; correct the number']


def test_anchors_and_aliases_are_refused(data_dir):
    text = edit(data_dir, "factions.yml", f"    {sample.LINE}", f"    {sample.LINE.replace('name: ', 'name: &legion ')}")
    other = next(line for line in text[text.index("&legion"):].splitlines() if line.startswith("    name: {"))
    text = edit(data_dir, "factions.yml", other, "    name: *legion")
    anchor = position(text, "&legion")
    alias = position(text, "*legion")
    assert errors(data_dir) == [
        f"data/factions.yml:{anchor[0]}:{anchor[1]}: the anchor &legion is not allowed here; remove it and write values out in full",
        f"data/factions.yml:{alias[0]}:{alias[1]}: the alias *legion is not allowed here; write the value out in full",
    ]


def test_alias_bomb_is_refused_without_expanding(data_dir):
    # "Billion laughs": expanded, this would be 10**9 strings; refused, it costs one pass over the events.
    lines = ['a0: &a0 ["lol"]'] + [f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 10) + "]" for i in range(1, 10)]
    (data_dir / "corrections.yml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    found = errors(data_dir)
    assert len(found) == 100  # 10 anchors and 90 aliases, each reported where it stands
    assert found[0] == "data/corrections.yml:1:5: the anchor &a0 is not allowed here; remove it and write values out in full"


def test_file_that_is_not_utf8(data_dir):
    path = data_dir / "places.yml"
    raw = path.read_bytes().replace("Astana".encode(), "Ast\xe1na".encode("latin-1"), 1)
    path.write_bytes(raw)
    text = raw.decode("latin-1")
    line, col = position(text, "\xe1")
    assert errors(data_dir) == [
        f"data/places.yml:{line}:{col}: the file is not UTF-8 (byte 0xE1 cannot be read); save it again with the encoding UTF-8"
    ]


def test_bad_date(data_dir):
    text = edit(data_dir, "events.yml", 'date: "2016-12-30"', 'date: "2016-12-32"')
    line, col = position(text, '"2016-12-32"')
    assert errors(data_dir) == [
        f'data/events.yml:{line}:{col}: the date "2016-12-32" is not a real date; write it as YYYY-MM-DD, or YYYY-MM when the source gives only the month'
    ]


def test_events_out_of_order(data_dir):
    text = edit(data_dir, "events.yml", 'date: "2017-01-23"', 'date: "2016-01-23"')
    line, col = position(text, '"2016-01-23"')
    assert errors(data_dir) == [
        f'data/events.yml:{line}:{col}: the date 2016-01-23 is earlier than the events listed before it; move this event '
        'up, above "ceasefire" (2016-12-30)'
    ]


def test_interface_strings_must_match_between_languages(data_dir):
    text = edit(data_dir, "i18n/ar.yml", '{faction}"', '{fraction}"')
    line, col = position(text, "delegation_head_of")
    edit(data_dir, "i18n/en.yml", 'technical_team: "Technical team"\n', "")
    ar_text = (data_dir / "i18n/ar.yml").read_text(encoding="utf-8")
    tline, tcol = position(ar_text, "technical_team:")
    assert errors(data_dir) == [
        f"data/i18n/ar.yml:{line}:{col}: the placeholder {{fraction}} is not one this string can use ({{faction}}); correct or remove it",
        'data/i18n/en.yml:1:1: the string "technical_team" is missing; add `technical_team: "…"` to this file',
    ]


def test_every_problem_in_every_file_at_once(data_dir):
    edit(data_dir, "quotes.yml", "speaker: fastaqim-union", "speaker: fastaqim")
    edit(data_dir, "factions.yml", "    paras: [3]\n", '    paras: "3"\n', count=3)
    edit(data_dir, "places.yml", "  - id: astana\n", "  - id: astana\n    population: 1\n")
    edit(data_dir, "gaps.yml", "  - id: host\n", "  - id: host\n\tpara: 1\n")
    edit(data_dir, "camps.yml", "  head: alloush\n", "  head: alloush\n  head: hnc\n")
    found = errors(data_dir)
    assert [line.split(":")[0] for line in found] == (
        ["data/camps.yml"] + ["data/factions.yml"] * 3 + ["data/gaps.yml", "data/places.yml", "data/quotes.yml"])
    assert 'the key "head" appears twice' in found[0]
    assert "a tab is used for indentation" in found[4]
    assert 'unknown key "population"' in found[5]
    assert 'speaker "fastaqim" is not the id of a faction' in found[6]


def test_missing_file(data_dir):
    (data_dir / "outlook.yml").unlink()
    assert errors(data_dir) == ["data/outlook.yml:1:1: the file is missing; restore it (see the README)"]


# ---------------------------------------------------------------- the command line and the build


def run_validator(data_dir: Path, **env) -> subprocess.CompletedProcess:
    return run_main("explainer.tools.validate", str(data_dir), env={**os.environ, "GITHUB_ACTIONS": "", **env})


def test_validator_exits_nonzero_and_lists_errors(data_dir):
    text = edit(data_dir, "factions.yml", "    camp: attended\n", "    camp: atended\n")
    line, col = position(text, "atended")
    result = run_validator(data_dir)
    assert result.returncode == 1
    assert f'data/factions.yml:{line}:{col}: camp "atended" is not one of: attended, refused; did you mean "attended"?' in result.stderr
    assert "::error" not in result.stderr
    assert "Traceback" not in result.stderr


def test_validator_prints_github_annotations_under_actions(data_dir):
    text = edit(data_dir, "factions.yml", "    camp: attended\n", "    camp: atended\n")
    line, col = position(text, "atended")
    result = run_validator(data_dir, GITHUB_ACTIONS="true")
    # Both languages in one annotation: the pull request's readers may be either kind of editor.
    assert (
        f'::error file=data/factions.yml,line={line},col={col}::camp "atended" is not one of: attended, refused; did you mean "attended"?'
        " · " + laid_out("القيمة «atended» في camp ليست من بين: attended, refused؛ هل تقصد «attended»؟", "ar")
        in result.stderr.splitlines()
    )


def test_valid_data_passes_the_validator():
    result = run_validator(ROOT / "data")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith(f"data/ is valid: {len(plain_yaml('factions.yml')['factions'])} factions")


def test_build_with_bad_data_fails_cleanly_and_writes_no_site(tmp_path):
    project = copy_project(tmp_path / "project")
    project.mkdir(exist_ok=True)
    text = edit(project / "data", "factions.yml", "    camp: attended\n", "    camp: atended\n")
    line, col = position(text, "atended")
    site_dir = tmp_path / "site"
    result = mkdocs_build(project, site_dir)
    assert result.returncode != 0
    assert f'data/factions.yml:{line}:{col}: camp "atended" is not one of: attended, refused; did you mean "attended"?' in result.stderr
    assert "Traceback" not in result.stderr + result.stdout
    assert not site_dir.exists()


# ---------------------------------------------------------------- mistakes a newcomer makes, said plainly


def test_a_key_indented_one_level_too_far_out_is_one_message_at_the_key(data_dir):
    text = edit(data_dir, "quotes.yml", '      ar: "لمؤتمر أستانا', '    ar: "لمؤتمر أستانا')
    line, col = position(text, '    ar: "لمؤتمر أستانا', 4)
    assert errors(data_dir) == [
        f'data/quotes.yml:{line}:{col}: the key "ar" belongs inside "text" above: indent it to line up with "en"']


def test_a_blank_value_is_said_to_be_empty_at_its_own_key(data_dir):
    text = edit(data_dir, "quotes.yml", '      ar: "لمؤتمر أستانا قيمة سياسية، كما أن ثمة قيمة عسكرية"', "      ar:")
    line, col = position(text, "      ar:\n", 6)
    assert errors(data_dir) == [f"data/quotes.yml:{line}:{col}: the Arabic text (ar) is empty; write the Arabic text"]


@pytest.mark.parametrize("old, new", [
    ('      ar: "لمؤتمر أستانا قيمة سياسية، كما أن ثمة قيمة عسكرية"', '      ar: "لمؤتمر أستانا قيمة سياسية، كما أن ثمة قيمة عسكرية'),
    (sample.LINE, sample.LINE[:-2] + "}"),
])
def test_a_quote_left_open_is_pointed_at(data_dir, old, new):
    name = "quotes.yml" if "لمؤتمر" in old else "factions.yml"
    text = edit(data_dir, name, old, new)
    opened = text.index(new) + new.rindex('"')
    line = text.count("\n", 0, opened) + 1
    col = opened - (text.rfind("\n", 0, opened) + 1) + 1
    found = errors(data_dir)
    assert len(found) == 1 and found[0].startswith(f"data/{name}:{line}:{col}: YAML cannot read this line (")
    assert found[0].endswith('the text in quotes that starts here is not closed; add " at the end of the text')
