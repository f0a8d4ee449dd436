"""The timeline reads as a sequence (issue 21, item 7): the dated events first, in time order (the source's date
in its place by the same rule, schema.timeline_key); then the events the source gives no date, in a band of their own under one "No date given"
heading, bold and upright in both scripts, each still placed as the data places it. Read from the built HTML,
with the order and the labels taken from data/events.yml and data/i18n/."""
from __future__ import annotations

import pytest
from bs4 import BeautifulSoup

from explainer.data.schema import timeline_key
from explainer.pages.site import load_data
from explainer.render.strings import digits, t

from .conftest import LANGS, ROOT, html_file
from .test_browser import PHONE, open_page

DATA = load_data(ROOT / "data")
DATED = [e for e in DATA.events.events if e.date]
UNDATED = [e for e in DATA.events.events if not e.date]


def _timeline(site, lang):
    page = BeautifulSoup(html_file(site, lang, "timeline/").read_text(encoding="utf-8"), "html.parser")
    return page.select_one("article.md-content__inner")


def _text(element) -> str:
    for cite in element.select(".cite"):
        cite.decompose()
    return " ".join(element.get_text("").replace("\u2060", "").split())  # word joiners: strings.keep_together


@pytest.mark.parametrize("lang", LANGS)
def test_dated_events_come_first_in_time_order_then_one_band_of_the_undated(site, lang):
    article = _timeline(site, lang)
    events = article.select("li.event")
    ids = [li["id"] for li in events]
    in_order = sorted([(e.date, e.id) for e in DATED] + [(DATA.source.date, "source-date")],
                      key=lambda d: timeline_key(d[0]))  # stable: the source's date after events of its day
    assert ids == [i for _, i in in_order] + [e.id for e in UNDATED]
    stamps = [li.select_one(".event__when time")["datetime"] for li in events[:len(DATED) + 1]]
    assert stamps == [d for d, _ in in_order]
    label = t(DATA, lang, "undated")
    said = [e for e in article.find_all(string=True) if label in e]
    assert len(said) == 1, said  # once, as the band's heading
    heading = said[0].parent
    assert heading.name == "h3" and heading.get_text() == label
    band = heading.find_parent("section")
    assert [li["id"] for li in band.select("li.event")] == [e.id for e in UNDATED]
    assert band.find_previous("li", class_="event")["id"] == in_order[-1][1]  # after every dated event
    for event in UNDATED:
        item = band.select_one(f"#{event.id}")
        assert item.select_one("time") is None
        assert _text(item.select_one(".event__text")) == " ".join(digits(getattr(event.text, lang), lang).split())
        assert _text(item.select_one(".event__placement")) == " ".join(digits(getattr(event.placement, lang), lang).split())


@pytest.mark.browser
@pytest.mark.parametrize("lang", LANGS)
def test_the_band_heading_is_bold_and_upright(browser, server, lang):
    context, page, _ = open_page(browser, server + LANGS[lang] + "timeline/", PHONE)
    style = page.evaluate("""(() => { const s = getComputedStyle(document.getElementById('undated'));
      return [s.fontWeight, s.fontStyle]; })()""")
    assert int(style[0]) >= 700 and style[1] == "normal", style
    context.close()
