"""Review 11 (news design, part b): the timeline's one order rule (a month-only date after the days of its month) in
the data's validator and on the page alike; undated placement notes that do not repeat the band's "No date given";
inner pages that open with news and label what is ours in one muted note; About's file notes in a closed
disclosure; Home's camps heading and a "Read on" grid with no
card left alone. Counts and texts are derived from data/ and data/i18n/, never typed."""
from __future__ import annotations

import re

import pytest
from bs4 import BeautifulSoup

from explainer.data.schema import timeline_key
from explainer.pages.site import load_data

from .conftest import LANGS, ROOT, html_file
from .test_browser import DESKTOP, PHONE, open_page
from .test_editors_ii import only
from .test_loader import data_dir  # noqa: F401

DATA = load_data(ROOT / "data")
UNDATED = [e for e in DATA.events.events if not e.date]
MONTHS = [e for e in DATA.events.events if e.date and len(e.date) == 7]
INNER = ("camps/", "actors/", "outlook/")  # the pages whose openings described method (review 11)
# "ours" as each language labels it on these pages
OURS = {"en": re.compile(r"\bours\b"), "ar": re.compile(r"اختيارنا|عندنا")}
# The clause the band's heading already says, as the placements used to repeat it.
NO_DATE = {"en": re.compile(r"\bno dates?\b", re.I), "ar": re.compile(r"لا يذكر المصدر (تاريخ|تواريخ)")}


def _article(site, lang, page):
    html = html_file(site, lang, page).read_text(encoding="utf-8")
    return BeautifulSoup(html, "html.parser").select_one("article.md-content__inner")


def _text(element) -> str:
    for cite in element.select(".cite"):
        cite.decompose()
    return " ".join(element.get_text(" ").split())


# ---------------------------------------------------------------- 1. one order rule: a month after its days


def test_a_month_only_date_sorts_after_every_day_of_its_month_and_before_the_next():
    for day in ("01", "15", "28", "31"):
        assert timeline_key("2017-01-" + day) < timeline_key("2017-01")
    assert timeline_key("2016-12-31") < timeline_key("2017-01-01") < timeline_key("2017-01") < timeline_key("2017-02-01")
    assert timeline_key("2017-01") < timeline_key("2017-02")


def test_the_validator_refuses_a_day_listed_after_the_month_it_falls_in(data_dir):
    if not MONTHS:
        pytest.skip("no month-only event in the data")
    month = MONTHS[0]
    day = month.date + "-01"
    path = data_dir / "events.yml"
    text = path.read_text(encoding="utf-8")
    start = text.index(f"  - id: {month.id}\n")
    after = text.find("\n  - id: ", start + 1)
    at = len(text) if after < 0 else after + 1
    added = (f'  - id: day-in-month\n    date: "{day}"\n    text:\n      en: "Something happens."\n'
             f'      ar: "حدث أمر ما."\n    paras: [1]\n')
    text = text[:at] + ("" if text[:at].endswith("\n") else "\n") + added + text[at:]
    path.write_text(text, encoding="utf-8")
    error = only(data_dir)
    assert "the events listed" in str(error) and str(error).startswith("data/events.yml:"), str(error)


@pytest.mark.parametrize("lang", LANGS)
def test_the_timeline_page_follows_the_same_rule(site, lang):
    stamps = [time["datetime"] for time in _article(site, lang, "timeline/").select("ol.timeline .event__when time")]
    assert stamps
    keys = [timeline_key(s) for s in stamps]
    assert keys == sorted(keys), stamps


# ---------------------------------------------------------------- 2. placements without "the source gives no date"


@pytest.mark.parametrize("lang", LANGS)
def test_no_placement_note_repeats_the_bands_heading(site, lang):
    for event in UNDATED:
        placement = getattr(event.placement, lang)
        assert placement.strip() and not NO_DATE[lang].search(placement), (event.id, placement)
    band = _article(site, lang, "timeline/").select_one(".timeline-band")
    assert not [p for p in band.select(".event__placement") if NO_DATE[lang].search(p.get_text())]


# ---------------------------------------------------------------- 3. news first, then one muted note of what is ours


@pytest.mark.parametrize("page", INNER)
@pytest.mark.parametrize("lang", LANGS)
def test_an_inner_page_opens_with_news_then_notes_what_is_ours(site, lang, page):
    article = _article(site, lang, page)
    h1 = article.find("h1")
    opening = h1.find_next_sibling()
    note = opening.find_next_sibling()
    assert opening.name == "p" and "page-note" not in (opening.get("class") or [])
    assert opening.select(".cite"), "the opening keeps its citations"
    said = _text(opening)
    assert not OURS[lang].search(said) and "house style" not in said, said
    assert len(re.findall(r"[.!?؟](\s|$)", said)) <= 2, said  # one or two sentences
    assert note.name == "p" and note.get("class") == ["page-note"], note
    assert OURS[lang].search(note.get_text()), note.get_text()
    assert len(article.select("p.page-note")) == 1


@pytest.mark.browser
@pytest.mark.parametrize("lang", LANGS)
def test_the_note_is_set_smaller_and_muted(browser, server, lang):
    for page in INNER:
        context, tab, _ = open_page(browser, server + LANGS[lang] + page, PHONE)
        size, colour = tab.evaluate("""(() => {
          const note = document.querySelector('article p.page-note'), lead = note.previousElementSibling;
          const a = getComputedStyle(note), b = getComputedStyle(lead);
          return [parseFloat(a.fontSize) < parseFloat(b.fontSize), a.color !== b.color]; })()""")
        context.close()
        assert size and colour, page


# ---------------------------------------------------------------- 4. About: short sentences, the file notes folded


@pytest.mark.parametrize("lang", LANGS)
def test_about_opens_in_short_sentences_and_folds_the_file_notes(site, lang):
    article = _article(site, lang, "about/")
    first = article.find("h2").find_next_sibling("p")
    sentences = [s for s in re.split(r"[.!?؟](?:\s|$)", _text(first)) if s.strip()]
    assert len(sentences) > 2 and max(len(s.split()) for s in sentences) <= 30, sentences
    notes = article.select_one("h2#file-notes")
    summary = notes.find_next_sibling()
    assert summary.name == "p" and not summary.find("code") and len(summary.get_text().split()) <= 15
    details = summary.find_next_sibling()
    assert details.name == "details" and details.get("open") is None
    assert details.summary.get_text(strip=True)
    assert "utf-8-sig" in [c.get_text() for c in details.find_all("code")]


# ---------------------------------------------------------------- 5. an undated search result
# Titled by its sentence's first words until review 13 (design12b), which titles it "No date given" over its whole
# sentence: tests/test_search_index.py and tests/test_readers_design12b.py.


# ---------------------------------------------------------------- 6. Home: the heading over the camps, the cards


@pytest.mark.parametrize("lang", LANGS)
def test_the_camps_heading_does_not_promise_one_line_each(site, lang):
    heading = _article(site, lang, "").select_one("h2#camps-in-brief").get_text(" ", strip=True)
    assert not re.search(r"one line|سطر", heading), heading


@pytest.mark.browser
@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["390", "1280"])
@pytest.mark.parametrize("lang", LANGS)
def test_no_read_on_card_is_left_alone_on_its_row(browser, server, lang, viewport):
    context, page, _ = open_page(browser, server + LANGS[lang], viewport)
    rows = page.evaluate("""(() => { const rows = {};
      for (const li of document.querySelectorAll('.section-cards > li'))
        rows[Math.round(li.getBoundingClientRect().top)] = (rows[Math.round(li.getBoundingClientRect().top)] || 0) + 1;
      return Object.keys(rows).map(Number).sort((a, b) => a - b).map(k => rows[k]); })()""")
    context.close()
    assert rows and len(set(rows)) == 1, rows  # every row as full as the first
