"""Bounds and look-alikes: a value too long, a word in two alphabets, an alias the roster could not split, a date
span that runs backwards, and references the build looks up: each refused by the validator at its own line."""
from __future__ import annotations

import pytest

from explainer.data import schema
from explainer.data.loader import load_data

from explainer.pages.site import load_data as load_site

from .conftest import ROOT
from .test_loader import data_dir, edit, errors, position  # noqa: F401  (fixture and helpers)
from .data_setups import replace_value
from . import sample_faction as sample

# A faction's English aliases, wherever the file writes them and whatever they hold today.
SHAM_ALIASES = sample.ALIASES


def quoted(value: str) -> str:
    return f'"{value}"'


def _an_actors_fact(lang: str) -> str:
    """A fact written in one line of actors.yml, taken from the data rather than copied here (the wording changes)."""
    return getattr(load_site(ROOT / "data").actors.actors[-1].facts[0].text, lang)


# ---------------------------------------------------------------- lengths


def test_a_name_longer_than_the_limit_is_refused_at_it(data_dir):
    long_name = sample.EN + " of the Levant" * (schema.MAX_NAME // 14 + 1)
    text = edit(data_dir, "factions.yml", f'name: {{en: "{sample.EN}"', f'name: {{en: "{long_name}"')
    line, col = position(text, quoted(long_name))
    assert errors(data_dir) == [
        f"data/factions.yml:{line}:{col}: the English text (en) is {len(long_name)} characters long, more than the "
        f"{schema.MAX_NAME} allowed; shorten it"]


def test_an_alias_longer_than_the_limit_is_refused_at_it(data_dir):
    alias = sample.ALIAS * (schema.MAX_NAME // len(sample.ALIAS) + 1)
    text = replace_value(data_dir, "factions.yml", SHAM_ALIASES, f'["{alias}"]')
    line, col = position(text, quoted(alias))
    assert errors(data_dir) == [
        f"data/factions.yml:{line}:{col}: the English text (en) is {len(alias)} characters long, more than the "
        f"{schema.MAX_NAME} allowed; shorten it"]


@pytest.mark.parametrize("size", [schema.MAX_TEXT + 1, 1_000_000])
def test_a_text_longer_than_the_limit_is_refused_at_it(data_dir, size):
    old = _an_actors_fact("en")
    long_text = (old + " ") * (size // len(old)) + "x" * (size % len(old))
    long_text = long_text[:size].rstrip() + "y" * (size - len(long_text[:size].rstrip()))
    text = edit(data_dir, "actors.yml", quoted(old), quoted(long_text))
    line, col = position(text, quoted(long_text))
    assert errors(data_dir) == [
        f"data/actors.yml:{line}:{col}: the English text (en) is {size} characters long, more than the "
        f"{schema.MAX_TEXT} allowed; shorten it"]


def test_a_long_arabic_text_is_refused_too(data_dir):
    old = _an_actors_fact("ar")
    long_text = (old + " ") * (schema.MAX_TEXT // len(old) + 1)
    text = edit(data_dir, "actors.yml", quoted(old), quoted(long_text))
    line, col = position(text, quoted(long_text))
    assert errors(data_dir) == [
        f"data/actors.yml:{line}:{col}: the Arabic text (ar) is {len(long_text)} characters long, more than the "
        f"{schema.MAX_TEXT} allowed; shorten it"]


def test_an_id_longer_than_the_limit_is_refused_at_it(data_dir):
    long_id = "sham-legion" + "-x" * schema.MAX_ID
    text = edit(data_dir, "factions.yml", "- id: sham-legion\n", f"- id: {long_id}\n")
    line, col = position(text, long_id)
    assert (f'data/factions.yml:{line}:{col}: "id" is {len(long_id)} characters long, more than the {schema.MAX_ID} '
            "allowed; shorten it") in errors(data_dir)


def test_an_interface_string_longer_than_the_limit_is_refused_at_its_key(data_dir):
    long_string = "Who went to Astana. " * (schema.MAX_STRING // 20 + 1)
    text = edit(data_dir, "i18n/en.yml", 'site_name: "Astana 2017 explained"', f'site_name: "{long_string}"')
    line, col = position(text, "site_name:")
    assert errors(data_dir) == [
        f'data/i18n/en.yml:{line}:{col}: the string "site_name" is {len(long_string)} characters long, more than the '
        f"{schema.MAX_STRING} allowed; shorten it"]


def test_the_limits_stand_well_above_the_real_data():
    """The bounds catch runaway values, not long sentences: the real data stays under half of each."""
    import yaml

    from .conftest import ROOT

    def strings(value):
        if isinstance(value, dict):
            for item in value.values():
                yield from strings(item)
        elif isinstance(value, list):
            for item in value:
                yield from strings(item)
        elif isinstance(value, str):
            yield value

    longest = max(len(s) for path in (ROOT / "data").glob("*.yml")
                  for s in strings(yaml.safe_load(path.read_text(encoding="utf-8"))))
    assert longest <= schema.MAX_TEXT / 2


# ---------------------------------------------------------------- look-alikes


@pytest.mark.parametrize("old, new, letter, script", [
    # a Cyrillic «а» for the first Latin «a» of the faction's name, and of its alias; a Latin «m» ending an Arabic word
    (f'"{sample.EN}"', '"' + sample.EN.replace("a", "\u0430", 1) + '"', "\u0430", "LATIN"),
    (f'"{sample.ALIAS}"', '"' + sample.ALIAS.replace("a", "\u0430", 1) + '"', "\u0430", "LATIN"),
    (f'"{sample.AR}"', f'"{sample.AR}m"', "m", "ARABIC"),
])
def test_a_word_in_two_alphabets_is_refused_at_its_value(data_dir, old, new, letter, script):
    text = edit(data_dir, "factions.yml", old, new)
    line, col = position(text, new)
    word = next(w for w in new.strip('"').split() if letter in w)
    found = errors(data_dir)
    assert len(found) == 1, found
    assert found[0].startswith(f'data/factions.yml:{line}:{col}: the word "{word}" mixes alphabets: «{letter}» is '
                               f"U+{ord(letter):04X} ")
    assert f"among {script} letters" in found[0] and "retype the word with one keyboard" in found[0]


def test_a_look_alike_in_running_text_is_refused_too(data_dir):
    old = "Rejected the talks as well"
    text = edit(data_dir, "actors.yml", old, "Rejected the t\u0430lks as well")
    line, col = position(text, '"Rejected the t\u0430lks')
    assert [e.split(": the word", 1)[0] for e in errors(data_dir)] == [f"data/actors.yml:{line}:{col}"]


def test_words_in_different_alphabets_side_by_side_are_fine():
    assert schema.mixed_word("Jaysh al-Islam (جيش الإسلام), ʿAlī, Café, 1st, l'Est") is None
    assert schema.mixed_word("the Sham L\u0435gion") == ("L\u0435gion", "\u0435", "LATIN")


# ---------------------------------------------------------------- what the roster could not write


def test_an_alias_with_the_roster_separator_is_refused_at_it(data_dir):
    barred = sample.ALIAS.replace(" ", " | ", 1)
    text = replace_value(data_dir, "factions.yml", SHAM_ALIASES, f'["{sample.ALIAS}", "{barred}"]')
    line, col = position(text, f'"{barred}"')
    assert errors(data_dir) == [
        f'data/factions.yml:{line}:{col}: the alias "{barred}" contains "|", which separates the aliases in the '
        'roster download (downloads/factions.csv); write it without "|", or make it two aliases']


def test_the_separator_in_a_name_or_text_is_fine(data_dir):
    """Only lists are joined with " | " in the download; a single value keeps its bar (the CSV quotes it)."""
    barred = f"{sample.EN_HEAD} | {sample.EN_TAIL}"
    edit(data_dir, "factions.yml", f'name: {{en: "{sample.EN}"', f'name: {{en: "{barred}"')
    assert next(f for f in load_data(data_dir).factions.factions if f.id == sample.ID).name.en == barred


# ---------------------------------------------------------------- dates and references


def test_a_date_and_a_placement_are_reported_at_the_placement(data_dir):
    text = edit(data_dir, "events.yml", "  - id: aleppo-evacuation\n    placement:",
                '  - id: aleppo-evacuation\n    date: "2016-12"\n    placement:')
    # A block mapping stands where its first key does.
    line, col = position(text, 'en: "Before the Astana talks; the source does not say whether')
    assert (f"data/events.yml:{line}:{col}: an event has either a date or a placement, not both; remove one"
            in errors(data_dir))


def test_until_without_a_date_is_reported_at_until(data_dir):
    text = edit(data_dir, "events.yml", "  - id: aleppo-evacuation\n    placement:",
                '  - id: aleppo-evacuation\n    until: "2016-12"\n    placement:')
    line, col = position(text, '"2016-12"\n    placement:')
    assert errors(data_dir) == [f"data/events.yml:{line}:{col}: until must come after date; check both dates"]


def test_a_delegation_head_is_checked_even_when_no_actor_is_a_person(data_dir):
    """The camps figure looks the head up; a check skipped for want of persons let the build die with a KeyError."""
    edit(data_dir, "actors.yml", "kind: person\n", "kind: people\n", count=-1)
    text = edit(data_dir, "camps.yml", "  head: alloush\n", "  head: nobody\n")
    line, col = position(text, "nobody")
    assert (f'data/camps.yml:{line}:{col}: head (a person in actors.yml) "nobody" is not one of: none; use one of '
            "them") in errors(data_dir)


def test_a_quote_listed_when_quotes_yml_has_none_is_refused(data_dir):
    """An empty list is a list: a reference to it is wrong, not unchecked (the reasons page would look it up)."""
    (data_dir / "quotes.yml").write_text("quotes: []\n", encoding="utf-8")
    camps = (data_dir / "camps.yml").read_text(encoding="utf-8")
    line, col = position(camps, "fastaqim-value")
    assert f'data/camps.yml:{line}:{col}: quote "fastaqim-value" is not one of: none; use one of them' in errors(data_dir)


@pytest.mark.parametrize("group", schema.FIGURE_GROUPS)
def test_a_group_the_camps_figure_draws_cannot_be_renamed_away(data_dir, group):
    """The figure picks its boxes by group id; a renamed group would leave a box empty with no word said."""
    text = edit(data_dir, "actors.yml", f"  - id: {group}\n", f"  - id: {group}-renamed\n")
    edit(data_dir, "actors.yml", f"    group: {group}\n", f"    group: {group}-renamed\n", count=-1)
    line, col = position(text, "  - id: ", 2)  # the list under `groups:` stands where its first entry does
    assert errors(data_dir) == [
        f'data/actors.yml:{line}:{col}: the group "{group}" is missing or has no actor; the camps figure draws this '
        "group by its id: keep a group with this id and at least one actor in it"]
