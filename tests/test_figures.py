"""The camps diagram as the renderer writes it (explainer/render/figures.py), from the data in both scripts. How the
browser lays it out (label size, boxes, connectors, rows) is in test_reading.py and test_readers_cite.py."""
from __future__ import annotations

import pytest
from bs4 import BeautifulSoup

from explainer.data.schema import FIGURE_GROUPS
from explainer.pages.site import load_data
from explainer.render.figures import camp_count_heading, camps_figure, camps_figure_sources, figure_paras
from explainer.render.html import LIST_COMMA, Place
from explainer.render.strings import digits, t

from .conftest import LANGS, ROOT

DATA = load_data(ROOT / "data")


def _figure(lang: str) -> BeautifulSoup:
    return BeautifulSoup(camps_figure(DATA, Place(lang, "", "")), "html.parser")


def _text(node) -> str:
    return node.get_text()


@pytest.mark.parametrize("lang", LANGS)
def test_each_camp_is_a_column_of_its_own_factions_in_the_datas_order(lang):
    figure = _figure(lang)
    for camp in DATA.camps.camps:
        boxes = figure.select(f".diagram__camp--{camp.id} li.diagram__box")
        assert [_text(b) for b in boxes] == [digits(getattr(f.name, lang), lang) for f in DATA.factions_in(camp.id)]


@pytest.mark.parametrize("lang", LANGS)
def test_every_group_the_figure_draws_is_in_it(lang):
    text = _text(_figure(lang))
    names = [digits(getattr(a.name, lang), lang) for a in DATA.actors.actors if a.group in FIGURE_GROUPS]
    assert names and [n for n in names if n not in text] == []


def test_a_name_breaks_only_at_its_spaces():
    """A browser may break a line after a hyphen: "Suquor al-" over "Sham Brigade". Each hyphenated word is one
    unbreakable piece, and the box's text is still the name."""
    seen = 0
    for lang in LANGS:
        boxes = _figure(lang).select(".diagram__box")
        hyphenated = [word for box in boxes for word in _text(box).split(" ") if "-" in word]
        assert [_text(span) for box in boxes for span in box.select(".diagram__word")] == hyphenated
        seen += len(hyphenated)
    assert seen  # the data has hyphenated names (the English "al-"): the case the test is for occurs


@pytest.mark.parametrize("lang", LANGS)
def test_the_text_alternative_is_the_one_the_svg_had(lang):
    """One image to assistive technology: its name is the title, its description says both camps' counts and the
    paragraphs it is drawn from, as the SVG's <title> and <desc> did."""
    figure = _figure(lang)
    image = figure.select_one('[role="img"]')
    title_id, desc_id = image["aria-labelledby"].split()
    heads = ("؛ " if lang == "ar" else "; ").join(camp_count_heading(DATA, lang, c) for c in DATA.camps.camps)
    # The groups drawn apart, named (each of them, in the data's order).
    apart = {group: LIST_COMMA[lang].join(getattr(a.name, lang) for a in DATA.actors.actors if a.group == group)
             for group in ("left-out", "kurdish-side")}
    assert all(apart.values())
    desc = (t(DATA, lang, "diagram_desc_camps", camps=heads, left_out=apart["left-out"],
              also_rejected=apart["kurdish-side"]) + " "
            + t(DATA, lang, "diagram_sources", paras=LIST_COMMA[lang].join(str(n) for n in figure_paras(DATA))))
    assert _text(figure.find(id=title_id)) == digits(t(DATA, lang, "diagram_title_camps"), lang)
    assert _text(figure.find(id=desc_id)) == digits(desc, lang)
    assert figure.find(id=title_id).has_attr("hidden") and figure.find(id=desc_id).has_attr("hidden")


@pytest.mark.parametrize("lang", LANGS)
def test_the_caption_says_source_paragraphs_once_to_a_screen_reader(lang):
    """The caption shows "Drawn from source paragraphs [1, 2, …]"; its citation carries its own hidden label, so the
    visible words are hidden from screen readers, which heard the two in a row."""
    caption = BeautifulSoup(camps_figure_sources(DATA, Place(lang, "", "")), "html.parser")
    for hidden in caption.select('[aria-hidden="true"]'):
        hidden.decompose()
    heard = caption.get_text(" ", strip=True)
    label = t(DATA, lang, "cite_label", len(figure_paras(DATA)))
    assert heard.count(label) == 1 and t(DATA, lang, "diagram_drawn_from") not in heard, heard
