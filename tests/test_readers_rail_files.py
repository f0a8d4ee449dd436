"""The page's opening and its map, without a browser (issue 21): one standfirst under every headline, derived, not
typed per page; the wide screen's rail ("On this page") listing the page's sections as built; the Names index's
letters headed as an index's (the alef group under «أ»). The rail's look and behaviour: test_readers_rail.py."""
from __future__ import annotations

import re

import pytest
from bs4 import BeautifulSoup

from explainer.pages.site import load_data
from explainer.publish.search_index import NOT_INDEXED
from explainer.render import rail
from explainer.render.html import letter_label, sort_key
from explainer.render.strings import digits, t

from .conftest import LANGS, PAGES, ROOT, html_file

DATA = load_data(ROOT / "data")
READER_PAGES = [p for p in PAGES if p.strip("/") not in NOT_INDEXED]


def soup(site, lang: str, page: str) -> BeautifulSoup:
    return BeautifulSoup(html_file(site, lang, page).read_text(encoding="utf-8"), "html.parser")


def plain(node) -> str:
    return " ".join(node.get_text(" ").split())


# ---------------------------------------------------------------- one standfirst on every page


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("page", READER_PAGES)
def test_every_page_opens_with_one_standfirst_under_its_headline(site, lang, page):
    """The element right after the headline is the page's one standfirst, on every reader page in both languages;
    a page with no paragraph there (About) gets its description from data/pages.yml."""
    found = soup(site, lang, page)
    h1 = found.select_one("article h1")
    standfirsts = found.select("article .standfirst")
    assert len(standfirsts) == 1, (page, len(standfirsts))
    assert h1.find_next_sibling() is standfirsts[0], (page, h1.find_next_sibling())
    assert plain(standfirsts[0]), page


def test_no_page_types_its_own_opening_style():
    """The style is derived (explainer/render/rail.py's with_standfirst): no page's source names a class for it."""
    typed = [(path.relative_to(ROOT).as_posix(), m.group(0)) for path in sorted((ROOT / "docs").glob("*/*.md"))
             for m in re.finditer(r'class="(lede|standfirst)"', path.read_text(encoding="utf-8"))]
    assert typed == []


def test_a_page_without_an_opening_paragraph_takes_its_description():
    html = '<h1 id="top">Title</h1>\n<h2 id="a">A</h2><p>Text</p>'
    assert rail.with_standfirst(html, "What this page holds.") == (
        '<h1 id="top">Title</h1>\n<p class="standfirst">What this page holds.</p>\n<h2 id="a">A</h2><p>Text</p>')


def test_the_opening_paragraph_loses_its_own_class_and_takes_the_standfirst():
    html = '<h1 id="top">Title</h1>\n<p class="lede">Opening.</p><p class="x">Next.</p>'
    assert rail.with_standfirst(html, "unused") == (
        '<h1 id="top">Title</h1>\n<p class="standfirst">Opening.</p><p class="x">Next.</p>')


# ---------------------------------------------------------------- the rail: the page's sections


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("page", READER_PAGES)
def test_the_rail_lists_the_pages_sections_in_order(site, lang, page):
    """Every h2 and h3 with an id, in the page's order, each linked to its heading, labelled in the page's language;
    a page with fewer than two sections has no rail."""
    found = soup(site, lang, page)
    headings = found.select("article :is(h2, h3)[id]")
    nav = found.select_one("nav.rail")
    if len(headings) < rail.MIN_SECTIONS:
        assert nav is None
        return
    assert nav is not None and nav.find_parent("article") is None  # beside the article, not in its story
    label = found.select_one(f"#{nav['aria-labelledby']}")
    assert plain(label) == digits(t(DATA, lang, "on_this_page"), lang)
    links = nav.select("li a")
    assert [a["href"] for a in links] == [f"#{h['id']}" for h in headings]
    for a, h in zip(links, headings):
        for extra in h.select(".cite, .visually-hidden"):
            extra.decompose()
        assert plain(a) == plain(h), (a, h)
    assert [li["class"][-1] for li in nav.select("li")] == [f"rail__item--{h.name}" for h in headings]


def test_the_rail_escapes_what_it_prints():
    html = rail.on_this_page("On this page", [(2, "a", "<b>x</b> & y"), (3, "b", "{{ 7*7 }}")])
    assert "<b>" not in html and "&lt;b&gt;x&lt;/b&gt; &amp; y" in html and "{{" not in html


def test_a_rail_of_one_section_is_none_and_letters_are_keys():
    assert rail.on_this_page("x", [(2, "a", "Alone")]) == ""
    assert "rail--letters" in rail.on_this_page("x", [(2, "letter-A", "A"), (2, "letter-B", "B")])
    assert "rail--letters" not in rail.on_this_page("x", [(2, "a", "A"), (2, "b", "Two words")])


# ---------------------------------------------------------------- Names A-Z: an index's letters


@pytest.mark.parametrize("lang", LANGS)
def test_each_letter_heading_is_a_key_labelled_in_the_alphabets_form(site, lang):
    """Each letter section is headed by one key holding its letter as the alphabet prints it: the Arabic alef group
    (its hamza forms filed together) under «أ», not a bare «ا»; the id stays the filing letter's, which the
    language switch and the letter keys use."""
    found = soup(site, lang, "names/")
    sections = found.select("section.name-letter")
    assert sections
    for section in sections:
        h2 = section.select_one("h2")
        letter = h2["id"].removeprefix("letter-")
        keys = h2.select(".name-letter__key")
        assert len(keys) == 1 and plain(h2) == plain(keys[0]) == letter_label(letter), h2
        assert found.select_one(f'nav.letters a[href="#letter-{letter}"]').get_text() == letter_label(letter)
    if lang == "ar":
        alef = [s for s in sections if s.select_one("h2")["id"] == "letter-ا"]
        assert alef and plain(alef[0].select_one("h2")) == "أ"


def test_every_hamza_form_of_alef_files_under_the_one_alef_group():
    assert {sort_key(name, "ar")[:1] for name in ("أستانا", "إدلب", "آل", "الأسد", "احرار")} == {"ا"}
    assert letter_label("ا") == "أ" and letter_label("ب") == "ب" and letter_label("A") == "A"
