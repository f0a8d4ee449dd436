"""The home page answers its headline in the first screen (issue 21, item 1): on a 390 × 844 phone, in both
languages, the standfirst and both camps' counts are in view before any scrolling; the key points are few, short
and set in the body's weight. The limits are the validator's (schema.MAX_KEY_POINTS, MAX_KEY_POINT_WORDS), said
to an editor at the line that breaks them."""
from __future__ import annotations

import re

import shutil
from pathlib import Path

import pytest

from explainer.data import schema
from explainer.data.errors import DataErrors
from explainer.data.messages import say
from explainer.pages.site import load_data
from explainer.render.strings import digits, t

from .conftest import LANGS, ROOT
from .test_browser import PHONE, open_page

DATA = load_data(ROOT / "data")


# ---------------------------------------------------------------- the validator's limits


@pytest.fixture
def data_dir(tmp_path) -> Path:
    target = tmp_path / "data"
    shutil.copytree(ROOT / "data", target)
    return target


def _refusals(data_dir: Path) -> list:
    with pytest.raises(DataErrors) as caught:
        load_data(data_dir)
    return caught.value.errors


def _line_col(text: str, needle: str) -> tuple[int, int]:
    index = text.index(needle)
    return text.count("\n", 0, index) + 1, index - (text.rfind("\n", 0, index) + 1) + 1


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_a_key_point_one_word_too_long_is_refused_at_its_text(data_dir, lang):
    path = data_dir / "story.yml"
    text = path.read_text(encoding="utf-8")
    first = getattr(DATA.story.lead[0].text, lang)
    word = "more" if lang == "en" else "أيضًا"
    longer = " ".join([first] + [word] * (schema.MAX_KEY_POINT_WORDS - len(first.split()) + 1))
    assert len(longer.split()) == schema.MAX_KEY_POINT_WORDS + 1
    path.write_text(text.replace(f'"{first}"', f'"{longer}"', 1), encoding="utf-8")
    found = _refusals(data_dir)
    line, col = _line_col(path.read_text(encoding="utf-8"), f'"{longer}"')
    assert [str(e) for e in found] == [
        f"data/story.yml:{line}:{col}: this key point is {schema.MAX_KEY_POINT_WORDS + 1} words long; a key point has "
        f"at most {schema.MAX_KEY_POINT_WORDS}, so that the points stay in the first screen: shorten it, and leave the "
        "detail to the pages"]
    arabic = say(found[0].message, "ar")
    assert "اختصرها" in arabic and digits(str(schema.MAX_KEY_POINT_WORDS), "ar") in digits(arabic, "ar")


def test_a_key_point_at_the_limit_is_accepted(data_dir):
    path = data_dir / "story.yml"
    first = DATA.story.lead[0].text.en
    exact = " ".join([first] + ["more"] * (schema.MAX_KEY_POINT_WORDS - len(first.split())))
    path.write_text(path.read_text(encoding="utf-8").replace(f'"{first}"', f'"{exact}"', 1), encoding="utf-8")
    assert len(load_data(data_dir).story.lead[0].text.en.split()) == schema.MAX_KEY_POINT_WORDS


def test_one_key_point_too_many_is_refused_at_the_first_extra_one(data_dir):
    path = data_dir / "story.yml"
    text = path.read_text(encoding="utf-8")
    start, end = text.index("lead:\n") + len("lead:\n"), text.index("geneva:")
    item = text[start:end].split("  - text:")[1]
    missing = schema.MAX_KEY_POINTS + 1 - len(DATA.story.lead)
    written = text[:end] + ("  - text:" + item) * missing + text[end:]
    path.write_text(written, encoding="utf-8")
    found = [str(e) for e in _refusals(data_dir)]
    extra = start - 1
    for _ in range(schema.MAX_KEY_POINTS + 1):  # the item after the last one allowed
        extra = written.index("  - text:", extra + 1)
    line, col = _line_col(written[extra:], "  - text:")
    line += written.count("\n", 0, extra)
    # At the first extra item's "text:". The limit is a counted message (the form the catalogue gives for the number).
    assert len(found) == 1 and re.fullmatch(rf'data/story\.yml:{line}:{col + 4}: "lead" may have at most '
                                            rf"{schema.MAX_KEY_POINTS} items?; remove the extra ones", found[0]), found


def test_the_real_key_points_are_within_the_limits():
    assert 1 <= len(DATA.story.lead) <= schema.MAX_KEY_POINTS
    for point in DATA.story.lead:
        for lang in LANGS:
            assert len(getattr(point.text, lang).split()) <= schema.MAX_KEY_POINT_WORDS


# ---------------------------------------------------------------- the first screen


FIRST_SCREEN = """(() => {
  const box = s => { const r = document.querySelector(s).getBoundingClientRect(); return {top: r.top, bottom: r.bottom}; };
  return {
    standfirst: box('.standfirst'),
    counts: [...document.querySelectorAll('.camp-counts__item')].map(li => {
      const r = li.getBoundingClientRect();
      return {cls: li.className, n: li.querySelector('.camp-counts__n').textContent, bottom: r.bottom,
              label: li.querySelector('.camp-counts__label').textContent,
              href: li.querySelector('a').getAttribute('href')};
    }),
    points: [...document.querySelectorAll('.key-points li')].map(li => getComputedStyle(li).fontWeight),
    bold: [...document.querySelectorAll('.key-points li *:not(.cite):not(.cite *)')]
      .filter(e => parseInt(getComputedStyle(e).fontWeight) >= 600).map(e => e.outerHTML),
    heights: innerHeight,
  };
})()"""


@pytest.mark.browser
@pytest.mark.parametrize("lang", LANGS)
def test_the_answer_and_both_counts_are_in_the_first_screen_and_the_points_are_not_bold(browser, server, lang):
    context, page, _ = open_page(browser, server + LANGS[lang], PHONE)
    seen = page.evaluate(FIRST_SCREEN)
    assert seen["heights"] == PHONE["height"]
    assert 0 < seen["standfirst"]["top"] < seen["standfirst"]["bottom"] <= PHONE["height"], seen["standfirst"]
    counts = seen["counts"]
    assert [c["n"] for c in counts] == [digits(str(len(DATA.factions_in(camp.id))), lang) for camp in DATA.camps.camps]
    assert [c["href"].rpartition("#")[2] for c in counts] == [camp.id for camp in DATA.camps.camps]
    assert all(c["bottom"] <= PHONE["height"] for c in counts), counts
    assert len(seen["points"]) == len(DATA.story.lead)
    assert all(int(weight) < 600 for weight in seen["points"]), seen["points"]
    assert seen["bold"] == []
    context.close()


# ---------------------------------------------------------------- the figures' labels, for other counts

# Beside a large figure the label is a noun phrase; in Arabic its form follows the count (CLDR through Babel), and
# from 3 up the pronoun agrees with the factions counted (يسمّيها), as in the camp headings (test_plurals.py).
_AR_FORMS = {"attended": {0: "فصائل مشاركة يسمّيها", 1: "فصيل مشارك يسمّيه", 2: "فصيلان مشاركان يسمّيهما",
                           3: "فصائل مشاركة يسمّيها", 10: "فصائل مشاركة يسمّيها", 11: "فصيلًا مشاركًا يسمّيها",
                           99: "فصيلًا مشاركًا يسمّيها", 100: "فصيل مشارك يسمّيها"},
             "refused": {0: "فصائل رافضة يسمّيها", 1: "فصيل رافض يسمّيه", 2: "فصيلان رافضان يسمّيهما",
                         3: "فصائل رافضة يسمّيها", 10: "فصائل رافضة يسمّيها", 11: "فصيلًا رافضًا يسمّيها",
                         99: "فصيلًا رافضًا يسمّيها", 100: "فصيل رافض يسمّيها"}}
# The label says the count is of factions the source names, not a total: «يسمّيها المصدر»; in English the note
# under the figures says so, and the label is plain (review 13: "named as going" read awkwardly).
AR_LABELS = {camp: {n: f"{form} المصدر" for n, form in forms.items()} for camp, forms in _AR_FORMS.items()}
EN_LABELS = {"attended": ("faction that went", "factions that went"),
             "refused": ("faction that stayed away", "factions that stayed away")}


@pytest.mark.parametrize("camp", list(AR_LABELS))
@pytest.mark.parametrize("n", list(AR_LABELS["attended"]))
def test_a_figures_label_agrees_with_its_count(camp, n):
    assert t(DATA, "ar", f"count_label_{camp}", n=n) == AR_LABELS[camp][n]
    assert t(DATA, "en", f"count_label_{camp}", n=n) == EN_LABELS[camp][n != 1]
