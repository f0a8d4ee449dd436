"""Counted interface strings in both languages, rendered for counts the data does not have today: each count takes
the form of the noun its place in the sentence needs (Arabic: فصيلان as a subject; a pronoun that agrees with one
or two). The categories come from CLDR through Babel."""
from __future__ import annotations

import pytest

from explainer.pages.site import load_data
from explainer.render.strings import digits, t

from .conftest import ROOT

DATA = load_data(ROOT / "data")
COUNTS = [0, 1, 2, 3, 10, 11, 100, 101, 102]
NAME = "NAME"


def heading(lang: str, n: int) -> str:
    return t(DATA, lang, "camp_count_heading", n=n, name=NAME, count=t(DATA, lang, "factions_count", n=n))


def _ar(n: int) -> str:
    return digits(str(n), "ar")


# The count as the subject of a heading (nominative), the pronoun after it agreeing.
AR_SUBJECT = {0: "لا فصائل يسمّيها المصدر", 1: "فصيل واحد يسمّيه المصدر", 2: "فصيلان يسمّيهما المصدر",
              3: f"{_ar(3)} فصائل يسمّيها المصدر", 10: f"{_ar(10)} فصائل يسمّيها المصدر",
              11: f"{_ar(11)} فصيلًا يسمّيها المصدر", 100: f"{_ar(100)} فصيل يسمّيها المصدر",
              101: f"{_ar(101)} فصيل يسمّيها المصدر", 102: f"{_ar(102)} فصيل يسمّيها المصدر"}


@pytest.mark.parametrize("n", COUNTS)
def test_an_arabic_count_as_a_subject_takes_the_nominative_and_its_pronoun_agrees(n):
    assert heading("ar", n) == f"{NAME}: {AR_SUBJECT[n]}"


@pytest.mark.parametrize("n", COUNTS)
def test_an_english_count_is_singular_for_one_only(n):
    noun = "faction" if n == 1 else "factions"
    assert heading("en", n) == f"{NAME}: {n} {noun} named in the source"
