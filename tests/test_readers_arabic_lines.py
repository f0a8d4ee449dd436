"""Latin inside Arabic pages, set as an Arabic reader reads it (issue 21's review):

- a short Latin name (html.py's SHORT_LATIN: a few words, a few characters) in Arabic text stays on one line, while a
  long run may wrap; nothing pushes a page sideways on a phone, at 200% text either;
- the source's English under our Arabic translation of a quote is a left-to-right paragraph of its own, flush left
  (its start), set apart from the translation by a visible rule, in both colour schemes.
In Debian's Chromium, on the shared build; the unit tests read the renderers."""
from __future__ import annotations

import pytest

from explainer.pages.site import load_data
from explainer.render import html as render

from .conftest import LANGS, PAGES, ROOT
from .test_browser import DESKTOP, PHONE, open_page
from .test_readers_layout import text_zoom

DATA = load_data(ROOT / "data")
SMALLEST_PHONE = {"width": 320, "height": 568}
SHORT = render.SHORT_LATIN


# ---------------------------------------------------------------- which runs are short (no browser)


def _names() -> list[str]:
    return [item.name.en for group in (DATA.factions.factions, DATA.actors.actors, DATA.places.places)
            for item in group]


def test_short_latin_names_are_marked_and_long_runs_are_not():
    names = _names()
    short = [n for n in names if len(n.split()) <= SHORT["words"] and len(n) <= SHORT["chars"]]
    long_ = [n for n in names if n not in short] + [" ".join(["word"] * (SHORT["words"] + 1)),
                                                     "x" * (SHORT["chars"] + 1)]
    assert short
    for name in short:
        assert 'class="short-latin"' in render.text_in(f"قال {name} اليوم", "ar"), name
    for name in long_:
        assert "short-latin" not in render.text_in(f"قال {name} اليوم", "ar"), name
    assert "short-latin" not in render.text_in(short[0], "en")  # an English page isolates nothing


def test_the_other_script_name_is_marked_short_on_arabic_pages_only():
    item = next(f for f in DATA.factions.factions if render.is_short_latin(f.name.en))
    assert "short-latin" in render.other_script(item.name, "ar")
    assert "short-latin" not in render.other_script(item.name, "en")


# ---------------------------------------------------------------- in the browser

UNBROKEN = """() => [...document.querySelectorAll('article bdi.short-latin')]
  .filter(b => b.getClientRects().length > 1 || (() => {
     // Nor does it run past the block that holds it.
     let block = b.parentElement;
     while (getComputedStyle(block).display.startsWith('inline')) block = block.parentElement;
     const r = b.getBoundingClientRect(), c = block.getBoundingClientRect();
     return r.left < c.left - 1 || r.right > c.right + 1;
  })())
  .map(b => b.textContent)"""
COUNT = "document.querySelectorAll('article bdi.short-latin').length"


@pytest.mark.browser
@pytest.mark.parametrize("viewport", [{"width": 360, "height": 780}, PHONE, DESKTOP], ids=["360", "390", "1280"])
def test_short_latin_names_in_arabic_text_never_break_across_lines(browser, server, viewport):
    seen = 0
    context, page, _ = open_page(browser, server + LANGS["ar"], viewport)
    for path in PAGES:
        page.goto(server + LANGS["ar"] + path, wait_until="networkidle")
        seen += page.evaluate(COUNT)
        assert page.evaluate(UNBROKEN) == [], path
        assert page.evaluate("document.documentElement.scrollWidth") <= viewport["width"], path
    assert seen
    context.close()


@pytest.mark.browser
@pytest.mark.parametrize("viewport,zoom", [(SMALLEST_PHONE, 1), (PHONE, 2)], ids=["320", "390-200%"])
def test_no_arabic_page_scrolls_sideways_on_a_phone(browser, server, viewport, zoom):
    context = browser.new_context(viewport=viewport, device_scale_factor=1)
    page = context.new_page()
    text_zoom(page, zoom)
    wide = []
    for path in PAGES:
        page.goto(server + LANGS["ar"] + path, wait_until="networkidle")
        # What a short name may push past the screen's edge (the body's own overflow is another test's).
        wide += page.evaluate("""w => [...document.querySelectorAll('article bdi.short-latin')]
            .filter(b => b.getBoundingClientRect().right > w || b.getBoundingClientRect().left < 0)
            .map(b => b.textContent)""", viewport["width"])
    assert wide == []
    context.close()


QUOTE_ORIGINALS = """() => [...document.querySelectorAll('figure.quote .quote__original')].map(p => {
  const s = getComputedStyle(p), box = p.getBoundingClientRect(), range = document.createRange();
  range.selectNodeContents(p);
  const lines = [...range.getClientRects()];
  const figure = getComputedStyle(p.closest('figure'));
  return {dir: p.dir, lang: p.lang, direction: s.direction, align: s.textAlign,
          textLeft: Math.min(...lines.map(r => r.left)) - box.left - parseFloat(s.paddingLeft),
          rule: parseFloat(s.borderTopWidth), ruleColour: s.borderTopColor, background: figure.backgroundColor,
          gap: parseFloat(s.marginTop) + parseFloat(s.paddingTop), fontSize: parseFloat(s.fontSize)};
})"""


def _channels(colour: str) -> tuple[float, ...]:
    return tuple(float(v) for v in colour[colour.index("(") + 1:-1].replace("/", ",").split(",")[:3])


@pytest.mark.browser
@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["390", "1280"])
def test_the_english_original_of_an_arabic_quote_is_set_left_to_right_and_apart(browser, server, viewport, scheme):
    found = 0
    context, page, _ = open_page(browser, server + LANGS["ar"], viewport, scheme)
    for path in PAGES:
        page.goto(server + LANGS["ar"] + path, wait_until="networkidle")
        for q in page.evaluate(QUOTE_ORIGINALS):
            found += 1
            assert (q["dir"], q["lang"], q["direction"]) == ("ltr", "en", "ltr"), q
            assert q["align"] in ("start", "left"), q
            assert abs(q["textLeft"]) <= 1, q  # flush with its box's left edge: ragged on the right
            assert q["rule"] >= 1 and q["gap"] >= q["fontSize"] * 0.3, q
            assert _channels(q["ruleColour"]) != _channels(q["background"]), q
    assert found
    context.close()


def test_english_pages_have_no_original_under_their_quotes():
    place = render.Place(lang="en", to_lang_root="", to_site_root="")
    assert all("quote__original" not in render.quote(DATA, place, q.id) for q in DATA.quotes.quotes)
