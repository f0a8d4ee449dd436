"""Issue 20, a second editors' walk (only the guides followed): each mistake, with the exact input the walk typed,
is refused at its line and column with a message that says the right fix, in English and Arabic."""
from __future__ import annotations

import pytest

from explainer.pages.site import load_data

from .test_editors_ii import only
from .test_loader import data_dir, edit, position  # noqa: F401

SHAM_LEGION = 'name: {en: "Sham Legion", ar: "فيلق الشام"}'
FACT_EN = 'en: "In a statement, it argued that the Astana conference mattered politically, not only militarily."'


# (what the editor typed in place of the name, where the mark is (needle, offset), English, Arabic)
MISQUOTED = [
    ('name: {en: ”Sham Legion“, ar: "فيلق الشام"}', ("”Sham", 0), "wrapped in ”…“", "النص محاط بـ”…“"),
    ('name: {en: “Sham Legion", ar: "فيلق الشام"}', ("“Sham", 0), "wrapped in “…\"", "النص محاط بـ“…\""),
    ("name: {en: '“Sham Legion\"', ar: \"فيلق الشام\"}", ("“Sham", 0), "wrapped in “…\"", "النص محاط"),
    ('name: {en: "Sham Legion", ar: ”فيلق الشام“}', ("”فيلق", 0), "wrapped in ”…“", "النص محاط بـ”…“"),
    ('name: {en: "“Sham Legion", ar: "فيلق الشام"}', ("“Sham", 0), "the text begins with “, and no quotation mark "
     "after it closes it", "يبدأ النص بـ“"),
    ('name: {en: "Sham Legion”", ar: "فيلق الشام"}', ("”\"", 0), "the text ends with ”, and no quotation mark "
     "before it opens it", "ينتهي النص بـ”"),
    ('name: {en: "Sham Legion", ar: "فيلق الشام»"}', ("»\"", 0), "the text ends with », and no quotation mark "
     "before it opens it", "ينتهي النص بـ»"),
]


@pytest.mark.parametrize("typed, at, english, arabic", MISQUOTED, ids=[m[0] for m in MISQUOTED])
def test_a_quotation_mark_at_an_end_of_a_value_is_refused_at_the_mark(data_dir, typed, at, english, arabic):
    text = edit(data_dir, "factions.yml", SHAM_LEGION, typed)
    error = only(data_dir)
    assert (error.line, error.col) == position(text, *at)
    assert english in str(error) and "remove" in str(error)
    assert arabic in error.message.say("ar")


@pytest.mark.parametrize("typed", [
    'en: "In a statement, it said “the Astana conference mattered”"',
    'en: "“Astana” mattered politically, it said, not only militarily."',
    "en: 'In a statement, it argued that \"Astana\" mattered politically.'",
])
def test_a_text_that_begins_or_ends_with_a_quotation_of_its_own_is_accepted(data_dir, typed):
    edit(data_dir, "factions.yml", FACT_EN, typed)
    load_data(data_dir)


def test_an_arabic_sentence_that_ends_with_a_quotation_it_opened_is_accepted(data_dir):
    old = 'ar: "فيلق الشام"}'
    edit(data_dir, "factions.yml", old, 'ar: "فيلق «الشام»"}')
    load_data(data_dir)
