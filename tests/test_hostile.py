"""Broken and hostile data: each case gives exact `data/FILE.yml:LINE:COL:` lines, never a traceback, and the
validator and the build agree. Positions count characters, as an editor's cursor does."""
from __future__ import annotations

import os

import pytest

from explainer.data.errors import DataError, DataErrors, visible
from explainer.pages.site import load_data

from .data_setups import located, replace_value, value, value_span
from .test_loader import data_dir, edit, errors, position  # noqa: F401  (fixture and helpers)
from .conftest import run_main


def only(found: list[str]) -> str:
    assert len(found) == 1, found
    return found[0]


# ---------------------------------------------------------------- every scalar YAML can produce


@pytest.mark.parametrize("written, message", [
    (".inf", '"paras" should be a whole number, but is a number (inf); write a whole number, such as 3'),
    ("-.inf", '"paras" should be a whole number, but is a number (-inf); write a whole number, such as 3'),
    (".nan", '"paras" should be a whole number, but is a number (nan); write a whole number, such as 3'),
    ('!!int "x"', '"x" cannot be read as a whole number; write digits only, or put text in quotes'),
    ('!!float "x"', '"x" cannot be read as a number; write digits only, or put text in quotes'),
    ('!!bool "maybe"', '"maybe" cannot be read as true or false; write true or false, or put text in quotes'),
    ('!!null "x"', '"x" is marked as empty (!!null) but is not; remove the tag'),
    ("9" * 5000, f'"{"9" * 40}" cannot be read as a whole number; write digits only, or put text in quotes'),
])
def test_scalars_that_cannot_be_read(data_dir, written, message):
    first = value(data_dir, "factions.yml", ("factions", 0, "id"))
    text = replace_value(data_dir, "factions.yml", ("factions", first, "paras"), f"[{written}]")
    line, col = position(text, written)
    assert only(errors(data_dir)) == f"data/factions.yml:{line}:{col}: {message}"


@pytest.mark.parametrize("written, shown", [("0b11", "3"), ("0x1F", "31"), (".inf", "inf"), ("true", "true/false (true)")])
def test_numbers_and_booleans_in_a_text_field(data_dir, written, shown):
    first = value(data_dir, "places.yml", ("places", 0, "id"))
    text = replace_value(data_dir, "places.yml", ("places", first, "name", "en"), written)
    line, col = position(text, written)
    expected = shown if shown.startswith("true") else f"a number ({shown})"
    assert only(errors(data_dir)) == (
        f"data/places.yml:{line}:{col}: the English text (en) should be text, but is {expected}; "
        "write it as text (in quotes if needed)")


def test_nesting_far_too_deep_is_refused_without_recursing(data_dir):
    deep = "[" * 1000 + "]" * 1000
    (data_dir / "corrections.yml").write_text(f"corrections: {deep}\n", encoding="utf-8")
    found = only(errors(data_dir))
    assert found.startswith("data/corrections.yml:1:")
    assert "nested more than" in found and "check the indentation and the brackets" in found


@pytest.mark.parametrize("content", ["~\n", "null\n", "# only a comment\n", ""])
def test_a_file_that_holds_nothing_is_named(data_dir, content):
    (data_dir / "i18n/en.yml").write_text(content, encoding="utf-8")
    found = only(errors(data_dir))
    assert found.startswith("data/i18n/en.yml:1:1: the file ")
    assert found.endswith("restore its content")


def test_a_file_that_is_a_list_or_text(data_dir):
    (data_dir / "gaps.yml").write_text("- one\n- two\n", encoding="utf-8")
    assert only(errors(data_dir)).startswith("data/gaps.yml:1:1: ")


def test_an_unknown_file_in_data_is_reported(data_dir):
    (data_dir / "faction.yml").write_text("factions: []\n", encoding="utf-8")
    (data_dir / "notes.txt").write_text("hello\n", encoding="utf-8")
    assert errors(data_dir) == [
        "data/faction.yml:1:1: this file is not part of the site and would be ignored; is it meant to be "
        "data/factions.yml? Rename it",
        "data/notes.txt:1:1: this file is not part of the site and would be ignored; the site reads only "
        "actors.yml, camps.yml, corrections.yml, events.yml, factions.yml, gaps.yml, i18n/ar.yml, i18n/en.yml, "
        "outlook.yml, pages.yml, places.yml, quotes.yml, source.yml, story.yml; move its content into one of them",
    ]


# ---------------------------------------------------------------- what the renderers rely on


def test_unknown_placeholder_the_same_in_both_languages(data_dir):
    text = edit(data_dir, "i18n/en.yml", '\ntechnical_team: "', '\ntechnical_team: "{team} ')
    ar = edit(data_dir, "i18n/ar.yml", '\ntechnical_team: "', '\ntechnical_team: "{team} ')
    line, col = position(text, "technical_team:")
    ar_line, ar_col = position(ar, "technical_team:")
    assert errors(data_dir) == [
        f"data/i18n/ar.yml:{ar_line}:{ar_col}: the placeholder {{team}} is not one this string can use (none); correct or remove it",
        f"data/i18n/en.yml:{line}:{col}: the placeholder {{team}} is not one this string can use (none); correct or remove it",
    ]


@pytest.mark.parametrize("written, problem", [
    ("{faction.__class__}", "the placeholder {faction.__class__} is not one this string can use ({faction})"),
    ("{faction!r}", "the placeholder {faction!r} is not one this string can use ({faction})"),
    ("{0}", "the placeholder {0} is not one this string can use ({faction})"),
    ("{faction", "a { or } does not belong to a placeholder; remove it, or write the placeholder as {name}"),
    ("}", "a { or } does not belong to a placeholder; remove it, or write the placeholder as {name}"),
])
def test_braces_that_are_not_placeholders(data_dir, written, problem):
    text = edit(data_dir, "i18n/en.yml", "\ndelegation_head_of: \"", f"\ndelegation_head_of: \"{written} ")
    line, col = position(text, "delegation_head_of:")
    assert any(e.startswith(f"data/i18n/en.yml:{line}:{col}: {problem}") for e in errors(data_dir))


def test_every_string_the_site_prints_must_exist(data_dir):
    for name in ("en", "ar"):
        text = (data_dir / f"i18n/{name}.yml").read_text(encoding="utf-8")
        (data_dir / f"i18n/{name}.yml").write_text(
            "\n".join(line for line in text.splitlines() if not line.startswith("month_3:")) + "\n", encoding="utf-8")
    assert errors(data_dir) == [
        f'data/i18n/{name}.yml:1:1: the string "month_3" is missing; add `month_3: "…"` to this file' for name in ("ar", "en")
    ]


def test_a_counted_phrase_needs_its_other_form(data_dir):
    text = edit(data_dir, "i18n/en.yml", '  other: "{n} factions"\n', "")
    line, col = position(text, "factions_count:")
    assert f'data/i18n/en.yml:{line}:{col}: the counted phrase "factions_count" needs an `other:` form' in only(errors(data_dir))


@pytest.mark.parametrize("date, until, message", [
    # Written from the first event with `until` (the talks, 23 to 25 January): its month, its day, its end.
    ("{month}", "{until}", "date and until must be written alike"),
    ("{date}", "{until_month}", "date and until must be written alike"),
    ("{until}", "{until}", "until must come after date"),
    ("{month}", "{month}", "until must come after date"),
])
def test_date_spans_the_timeline_can_show(data_dir, date, until, message):
    event = next(e for e in value(data_dir, "events.yml", ("events",)) if "until" in e)
    dates = {"date": event["date"], "month": event["date"][:7], "until": event["until"], "until_month": event["until"][:7]}
    date, until = date.format(**dates), until.format(**dates)
    replace_value(data_dir, "events.yml", ("events", event["id"], "date"), f'"{date}"')
    text = replace_value(data_dir, "events.yml", ("events", event["id"], "until"), f'"{until}"')
    # At `until`, the field to correct (the date also sets the event's place in the timeline), not at the entry. A
    # month-only date also moves the event after every day of its month: an event listed after it in that month is
    # then said to be out of order, which is true, so only the messages at `until` are looked at.
    line, col = located(text, value_span(text, ("events", event["id"], "until"))[0])
    found = only([e for e in errors(data_dir) if e.startswith(f"data/events.yml:{line}:")])
    assert found.startswith(f"data/events.yml:{line}:{col}: {message}"), found


def test_an_unknown_camp_id(data_dir):
    text = edit(data_dir, "camps.yml", "id: refused", "id: rejected")
    line, col = position(text, "rejected")
    assert f'data/camps.yml:{line}:{col}: "id" "rejected" is not one of: attended, refused; use one of them' in errors(data_dir)


# ---------------------------------------------------------------- text hygiene


@pytest.mark.parametrize("char, name", [
    ("\u202e", "U+202E RIGHT-TO-LEFT OVERRIDE"),
    ("\u2066", "U+2066 LEFT-TO-RIGHT ISOLATE"),
    ("\u200b", "U+200B ZERO WIDTH SPACE"),
    ("\u200d", "U+200D ZERO WIDTH JOINER"),
    ("\u00ad", "U+00AD SOFT HYPHEN"),
    ("\u2028", "U+2028 LINE SEPARATOR"),
    ("\ue000", "U+E000"),
    ("\x07", "U+0007 BELL"),
    ("\x1b", "U+001B ESCAPE"),
])
def test_invisible_and_control_characters_written_as_they_are(data_dir, char, name):
    text = edit(data_dir, "places.yml", "Astana", f"Ast{char}ana")
    line, col = position(text, char)
    found = errors(data_dir)
    assert found and all(f.startswith(f"data/places.yml:{line}:{col}: the character {name} ") for f in found), found
    assert len(found) == 1


@pytest.mark.parametrize("escape, name", [
    ("\\a", "U+0007 BELL"), ("\\e", "U+001B ESCAPE"), ("\\u202E", "U+202E RIGHT-TO-LEFT OVERRIDE"),
    ("\\x00", "U+0000 NULL"), ("\\U0000200B", "U+200B ZERO WIDTH SPACE"), ("\\N", "U+0085 CONTROL CHARACTER"),
    ("\\L", "U+2028 LINE SEPARATOR"), ("\\r", "U+000D CARRIAGE RETURN"),
])
def test_characters_written_as_escapes_are_reported_at_the_backslash(data_dir, escape, name):
    text = edit(data_dir, "places.yml", '"Astana"', f'"Ast{escape}ana"')
    line, col = position(text, escape)
    assert only(errors(data_dir)).startswith(f"data/places.yml:{line}:{col}: the character {name} ")


def test_an_escape_on_the_second_line_of_a_quoted_value(data_dir):
    text = edit(data_dir, "places.yml", '"Astana"', '"Ast\n      ana \\a"')
    line, col = position(text, "\\a")
    assert only(errors(data_dir)).startswith(f"data/places.yml:{line}:{col}: the character U+0007 BELL ")


def test_direction_marks_a_writer_needs_are_allowed(data_dir):
    edit(data_dir, "places.yml", "مكان انعقاد", "\u200fمكان\u061c انعقاد\u200e")
    load_data(data_dir)


def test_a_raw_control_character_has_its_own_position(data_dir):
    text = edit(data_dir, "places.yml", "Astana", "Ast\x01ana")
    line, col = position(text, "\x01")
    assert only(errors(data_dir)) == (
        f"data/places.yml:{line}:{col}: the character U+0001 START OF HEADING is an invisible control character; delete it")


def test_a_bidi_control_in_a_comment_is_refused(data_dir):
    text = (data_dir / "places.yml").read_text(encoding="utf-8")
    (data_dir / "places.yml").write_text("# note \u202e reversed\n" + text, encoding="utf-8")
    assert only(errors(data_dir)).startswith("data/places.yml:1:8: the character U+202E ")


def test_arabic_presentation_forms_are_refused_with_the_letters_to_use(data_dir):
    text = edit(data_dir, "places.yml", "أستانا", "أستا\ufee7\ufe8e")
    line, col = position(text, "\ufee7")
    found = errors(data_dir)
    assert found == [
        f"data/places.yml:{line}:{col}: the character U+FEE7 ARABIC LETTER NOON INITIAL FORM is an Arabic presentation "
        "form, not a letter; write the normal letter(s) «ن» instead (retype the word with an Arabic keyboard)",
        f"data/places.yml:{line}:{col + 1}: the character U+FE8E ARABIC LETTER ALEF FINAL FORM is an Arabic presentation "
        "form, not a letter; write the normal letter(s) «ا» instead (retype the word with an Arabic keyboard)",
    ]


def test_a_field_all_in_presentation_forms_is_not_called_not_arabic(data_dir):
    edit(data_dir, "places.yml", "أستانا", "\ufe8d\ufeb3\ufe98\ufe8e\ufee7\ufe8e")
    found = errors(data_dir)
    assert len(found) == 6 and all("presentation form" in f for f in found)


def test_text_is_normalised_to_nfc(data_dir):
    decomposed = "e\u0301"  # é as two code points
    edit(data_dir, "places.yml", "Where the talks", f"Wh{decomposed}re the talks")
    data = load_data(data_dir)
    assert any(fact.text.en.startswith("Wh\u00e9re the talks") for p in data.places.places for fact in p.facts)


def test_columns_count_characters_not_bytes(data_dir):
    path = data_dir / "places.yml"
    text = path.read_text(encoding="utf-8")
    index = text.index("أستانا") + 3
    raw = text[:index].encode("utf-8") + b"\xff" + text[index:].encode("utf-8")
    path.write_bytes(raw)
    line, col = position(text, "أستانا", 3)
    assert only(errors(data_dir)).startswith(f"data/places.yml:{line}:{col}: the file is not UTF-8 (byte 0xFF")


# ---------------------------------------------------------------- safe logs


def test_a_value_with_a_newline_cannot_start_a_line_of_the_log(data_dir):
    edit(data_dir, "quotes.yml", "speaker: fastaqim-union", 'speaker: "x\\n::add-mask::secret\\r\\n::stop-commands::t\\u202e"')
    result = run_main("explainer.tools.validate", str(data_dir), env={**os.environ, "GITHUB_ACTIONS": "true"})
    assert result.returncode == 1
    lines = result.stderr.splitlines()
    assert not [line for line in lines if line.startswith("::") and not line.startswith("::error file=data/")]
    assert any("x\\n::add-mask::secret\\r\\n::stop-commands::t\\u202e" in line for line in lines)


def test_annotation_fields_are_escaped_as_the_actions_toolkit_does():
    error = DataError("data/a,b:c.yml", 3, 4, "100% wrong\nnext")
    assert error.annotation() == "::error file=data/a%2Cb%3Ac.yml,line=3,col=4::100% wrong\\nnext".replace("100%", "100%25")
    assert str(error) == "data/a,b:c.yml:3:4: 100% wrong\\nnext"
    assert visible("a\u202eb\\c") == "a\\u202eb\\\\c"


def test_an_unknown_key_with_a_newline_is_one_line(data_dir):
    edit(data_dir, "places.yml", "  - id: astana", '  - "bad\\nkey": 1\n    id: astana')
    with pytest.raises(DataErrors) as caught:
        load_data(data_dir)
    assert all("\n" not in str(e) for e in caught.value.errors)
    assert any('unknown key "bad\\nkey"' in str(e) for e in caught.value.errors)
