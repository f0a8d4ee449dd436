"""Review 13's news-design findings, part b (issue 21): citations shown as ranges, the home page's camps said once
under the diagram, shorter labels on Names, search results titled by date, and house-style fixes. Texts, numbers and
counts are derived from data/ and the built pages, never typed."""
from __future__ import annotations

import re

import pytest
from bs4 import BeautifulSoup

from explainer.pages.site import load_data
from explainer.render import html
from explainer.render.strings import digits, t

from .conftest import LANGS, ROOT, html_file

DATA = load_data(ROOT / "data")
DASH = "\u2013"


def _article(site, lang: str, page: str):
    return BeautifulSoup(html_file(site, lang, page).read_text(encoding="utf-8"), "html.parser").select_one("article")


def _shown(group) -> str:
    """A citation group's numbers as a sighted reader sees them without scripts: hidden parts left out."""
    copy = BeautifulSoup(str(group), "html.parser")
    for hidden in copy.select("[hidden], .visually-hidden"):
        hidden.decompose()
    return copy.get_text("")


def _paras(group) -> list[int]:
    return [int(a["href"].rsplit("#p-", 1)[1]) for a in group.select("a[href]")]


def _runs_as_shown(paras: list[int], lang: str) -> str:
    """The expected form, from the numbers alone: runs of three or more as first–last."""
    runs: list[list[int]] = []
    for n in paras:
        if runs and n == runs[-1][-1] + 1:
            runs[-1].append(n)
        else:
            runs.append([n])
    parts = []
    for run in runs:
        if len(run) >= 3:
            parts.append(digits(f"{run[0]}", lang) + DASH + digits(f"{run[-1]}", lang))
        else:
            parts += [digits(str(n), lang) for n in run]
    return html.LIST_COMMA[lang].join(parts)


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("paras", [[3, 7, 9, 10, 11], [1, 2], [4, 5, 6], [2, 3, 4, 8, 12, 13]])
def test_a_run_of_three_or_more_paragraphs_is_shown_as_a_range_and_still_links_each(lang, paras):
    place = html.Place(lang, "", "")
    group = BeautifulSoup(html.cite(DATA, place, paras), "html.parser").select_one(".cite")
    assert _shown(group) == _runs_as_shown(paras, lang)
    assert _paras(group) == paras  # every paragraph keeps its link, once, in order (the card lists each)
    for link in group.select("a.cite-range"):  # a range's visible link goes to its first paragraph
        first = link.get_text().split(DASH)[0]
        assert link["href"].endswith(f"#p-{int(first.translate(str.maketrans('٠١٢٣٤٥٦٧٨٩', '0123456789')))}")


@pytest.mark.parametrize("lang", LANGS)
def test_the_standfirst_cites_its_paragraphs_as_ranges(site, lang):
    standfirst = DATA.story.standfirst
    group = _article(site, lang, "").select_one("p.standfirst .cite")
    assert _paras(group) == list(standfirst.paras)
    assert _shown(group) == _runs_as_shown(list(standfirst.paras), lang)


@pytest.mark.parametrize("lang", LANGS)
def test_home_says_what_each_camp_did_once_under_the_diagram_without_repeating_the_counts(site, lang):
    article = _article(site, lang, "")
    assert not article.select(".camp-line, .camp-lines")  # the two coloured boxes
    caption = article.select_one(".camps-caption")
    assert caption is not None
    text = " ".join(caption.get_text("").split())
    groups = caption.select(".cite")
    assert len(groups) == len(DATA.camps.camps)
    for camp, group in zip(DATA.camps.camps, groups):
        summary = " ".join(digits(getattr(camp.summary.text, lang), lang).split())
        assert summary in text, camp.id
        assert _paras(group) == list(camp.summary.paras)
        assert t(DATA, lang, "factions_count", n=len(DATA.factions_in(camp.id))) not in text
    # said under the figure, before the next section
    assert caption.find_previous_sibling(["figure", "div", "details", "h2"]) is not None
    assert caption.find_next_sibling("h2")["id"] == "geneva-iv"


@pytest.mark.parametrize("lang", LANGS)
def test_names_says_once_in_its_note_what_is_ours_and_its_labels_stay_short(site, lang):
    article = _article(site, lang, "names/")
    ours = "ours, not the source's" if lang == "en" else "لا من المصدر"
    assert ours in article.select_one("p.page-note").get_text()
    assert article.get_text().count(ours) == 1  # said in the note, not again in every entry's labels
    # the labels name the source's kind apart from ours, and each is no longer than the source's own label
    labels = {dt.get_text() for dt in article.select(".name-entry__details dt")}
    assert t(DATA, lang, "in_source") in labels
    for key in ("also_spelled", "in_other_script"):
        assert t(DATA, lang, key) in labels
        assert "(" not in t(DATA, lang, key)


@pytest.mark.browser
@pytest.mark.parametrize("lang", LANGS)
def test_an_undated_search_result_is_titled_no_date_given_over_its_whole_sentence(browser, server, lang):
    from urllib.parse import quote

    from .test_browser import PHONE, open_page
    event = next(e for e in DATA.events.events if not e.date)
    query = max(re.findall(r"\w+", getattr(event.text, lang)), key=len)
    context, page, _ = open_page(browser, server + LANGS[lang] + "search/?q=" + quote(query), PHONE)
    page.wait_for_function("document.querySelectorAll('.search-results > li').length > 0")
    results = page.evaluate("""[...document.querySelectorAll('.search-results > li')].map(li => ({
      href: li.querySelector('.search-result__link').getAttribute('href'),
      title: li.querySelector('.search-result__link').textContent,
      page: (li.querySelector('.search-result__page') || {textContent: null}).textContent,
      excerpt: (li.querySelector('.search-result__excerpt') || {textContent: ''}).textContent}))""")
    context.close()
    found = next(r for r in results if r["href"].endswith("#" + event.id))
    plain = lambda s: " ".join(s.replace("\u2060", "").replace("\u00a0", " ").split())  # noqa: E731
    assert plain(found["title"]) == plain(t(DATA, lang, "undated"))
    assert plain(found["excerpt"]).rstrip(" …") == plain(digits(getattr(event.text, lang), lang)).rstrip(" …")
    assert not found["excerpt"].startswith("…")
    assert all(r["page"] != r["title"] for r in results)


@pytest.mark.parametrize("lang", LANGS)
def test_words_joined_by_a_slash_stay_on_one_line_in_the_headline(site, lang):
    h1 = _article(site, lang, "").find("h1").get_text()
    for slash in re.finditer(r"/", h1):
        assert h1[slash.start() - 1] == h1[slash.end()] == "\u2060" or not h1[slash.start() - 1].isalpha(), h1


def test_the_arabic_headline_has_its_two_month_names_joined(site):
    h1 = _article(site, "ar", "").find("h1").get_text()
    assert re.search(r"\w\u2060/\u2060\w", h1), h1
