"""The wide screen designed, not left empty (issue 21, design review): at 1280 px the page was a 50rem column on one
start edge with the other third of the screen empty. From 76em the page holds the article and, on its end side,
"On this page" (explainer/render/rail.py): it mirrors in Arabic, stays in view and marks the section in view
without moving anything, and is absent on phones, tablets and paper. Also print: the home page's diagram may break
between its rows, so no sheet but the last is left largely empty. In Debian's Chromium (test_browser.py)."""
from __future__ import annotations

import io
import json

import pytest
from pypdf import PdfReader

from .conftest import LANGS, PAGES
from .test_browser import AXE, open_page

pytestmark = pytest.mark.browser

WIDE = {"width": 1280, "height": 900}
RAIL_PAGES = [p for p in PAGES if p != "search/"]  # search has no sections (test_readers_rail_files.py)

# Where the rail and the article sit along the line, measured from the window's start side (left in English, right
# in Arabic): the article's start edge (its headline's), the furthest end of any of its blocks, the rail's two
# edges, the masthead's tools' end, and the window's width.
GEOMETRY = """(() => {
  const rtl = document.dir === 'rtl', W = innerWidth;
  const start = r => rtl ? W - r.right : r.left, end = r => rtl ? W - r.left : r.right;
  const rail = document.querySelector('.rail');
  const box = rail ? rail.getBoundingClientRect() : null;
  const blocks = [...document.querySelectorAll('article > :not([data-pagefind-body]), article > [data-pagefind-body] > *')]
    .map(e => e.getBoundingClientRect()).filter(r => r.width > 1 && r.height > 1);
  const tools = document.querySelector('.masthead__tools').getBoundingClientRect();
  return {shown: !!rail && getComputedStyle(rail).display !== 'none' && box.width > 0,
          article_start: start(document.querySelector('article h1').getBoundingClientRect()),
          article_end: Math.max(...blocks.map(end)), rail_start: box && start(box), rail_end: box && end(box),
          tools_end: end(tools), width: W};
})()"""


@pytest.mark.parametrize("width", [1280, 1440])
@pytest.mark.parametrize("lang", LANGS)
def test_the_rail_fills_the_wide_screens_end_side(browser, server, lang, width):
    """The rail stands beside the article, never over it, its end on the masthead's end; the page is balanced: as
    much margin on the end side as on the start side (the end third was empty)."""
    context, page, _ = open_page(browser, server, {"width": width, "height": 900})
    problems, seen = [], []
    for path in RAIL_PAGES:
        page.goto(server + LANGS[lang] + path, wait_until="networkidle")
        g = page.evaluate(GEOMETRY)
        seen.append(path)
        if not g["shown"]:
            problems.append((path, "no rail", g))
            continue
        if g["rail_start"] < g["article_end"]:
            problems.append((path, "the rail overlaps the article", g))
        if abs(g["rail_end"] - g["tools_end"]) > 1:
            problems.append((path, "the rail does not end on the masthead's end", g))
        if abs((g["width"] - g["rail_end"]) - g["article_start"]) > 20:  # the rail's end 1rem in from the page's
            problems.append((path, "unbalanced margins", g))
    assert seen == RAIL_PAGES and problems == []
    context.close()


@pytest.mark.parametrize("viewport", [{"width": 390, "height": 844}, {"width": 1024, "height": 768},
                                      {"width": 1200, "height": 900}], ids=["phone", "tablet", "small-laptop"])
@pytest.mark.parametrize("lang", LANGS)
def test_no_rail_on_phones_and_tablets(browser, server, lang, viewport):
    """Below 76em the page is one column; on Names its own row of letter keys is there instead."""
    context, page, _ = open_page(browser, server + LANGS[lang] + "names/", viewport)
    assert page.evaluate("getComputedStyle(document.querySelector('.rail')).display") == "none"
    assert page.evaluate("document.querySelector('nav.letters').getBoundingClientRect().height") > 0
    context.close()


@pytest.mark.parametrize("lang", LANGS)
def test_no_rail_on_paper(browser, server, lang):
    context, page, _ = open_page(browser, server + LANGS[lang] + "reasons/", WIDE)
    assert page.evaluate("getComputedStyle(document.querySelector('.rail')).display") == "block"
    page.emulate_media(media="print")
    assert page.evaluate("getComputedStyle(document.querySelector('.rail')).display") == "none"
    context.close()


MARKED = "(() => { const a = document.querySelector('.rail a[aria-current]'); return a && a.hash.slice(1); })()"


# The section in view as the reader takes it: the last whose heading has passed a third of the window.
IN_VIEW = """(() => { let found = null;
  for (const a of document.querySelectorAll('.rail a')) {
    const h = document.getElementById(decodeURIComponent(a.hash.slice(1)));
    if (h.getBoundingClientRect().top <= innerHeight / 3) found = h.id; }
  return found; })()"""


@pytest.mark.parametrize("path", ["reasons/", "names/", "about/"])
@pytest.mark.parametrize("lang", LANGS)
def test_the_rail_stays_in_view_and_marks_the_section_in_view(browser, server, lang, path):
    """Each of three sections brought just above a third of the way down the window: the rail is still wholly on screen and
    marks that section, and only that one."""
    context, page, _ = open_page(browser, server + LANGS[lang] + path, WIDE)
    ids = page.evaluate("[...document.querySelectorAll('.rail a')].map(a => decodeURIComponent(a.hash.slice(1)))")
    assert len(ids) >= 2
    for target in [ids[len(ids) // 2], ids[1], ids[0]]:
        for _ in range(2):  # again, once what is above it is laid out
            page.evaluate("t => window.scrollBy(0, document.getElementById(t).getBoundingClientRect().top - innerHeight / 3 + 8)",
                          target)
            page.wait_for_timeout(100)
        assert page.evaluate(IN_VIEW) == target
        page.wait_for_function("t => { const a = document.querySelector('.rail a[aria-current]');"
                               " return a && decodeURIComponent(a.hash.slice(1)) === t; }", arg=target)
        assert page.evaluate("document.querySelectorAll('.rail a[aria-current]').length") == 1
        box = page.evaluate("(r => [r.top, r.bottom, innerHeight])(document.querySelector('.rail').getBoundingClientRect())")
        assert 0 <= box[0] and box[1] <= box[2], (target, box)
    context.close()


@pytest.mark.parametrize("lang", LANGS)
def test_nothing_shifts_while_the_mark_moves(browser, server, lang):
    """The mark is colour only: scrolling the whole of a long page, with the mark moving through every section,
    records no layout shift (CLS 0)."""
    context, page, _ = open_page(browser, server + LANGS[lang] + "about/", WIDE)
    page.evaluate("""window.__shift = 0; new PerformanceObserver(list => { for (const e of list.getEntries())
                       window.__shift += e.value; }).observe({type: 'layout-shift', buffered: true});""")
    marks = set()
    height = page.evaluate("document.documentElement.scrollHeight")
    for y in range(0, height, 300):
        page.evaluate(f"window.scrollTo(0, {y})")
        page.wait_for_timeout(60)
        marks.add(page.evaluate(MARKED))
    assert len(marks) >= 3, marks  # the mark did move
    assert page.evaluate("window.__shift") == 0
    context.close()


# Beyond WCAG's rules, axe's landmark rules: the rail is a second navigation landmark, named apart from the menu.
LANDMARKS = {rule: {"enabled": True} for rule in ("landmark-unique", "region", "landmark-main-is-top-level")}


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("lang", LANGS)
def test_axe_finds_no_violation_on_a_wide_screen(browser, server, lang, scheme):
    """test_browser.py runs axe on a phone, where the rail is absent; here every page with its rail, both schemes,
    with axe's landmark rules too."""
    context, page, _ = open_page(browser, server + LANGS[lang], WIDE, scheme, bypass_csp=True)
    violations = {}
    for path in RAIL_PAGES:
        page.goto(server + LANGS[lang] + path, wait_until="networkidle")
        page.add_script_tag(content=AXE)
        page.add_script_tag(content=f"window.LANDMARKS = {json.dumps(LANDMARKS)};")
        result = page.evaluate("async () => await axe.run(document, {runOnly: {type: 'tag', values: "
                               "['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']}, rules: LANDMARKS})")
        found = [(v["id"], [n["target"] for n in v["nodes"]][:3]) for v in result["violations"]]
        if found:
            violations[path] = found
    assert violations == {}, json.dumps(violations, ensure_ascii=False, indent=1)
    context.close()


# ---------------------------------------------------------------- print: no sheet left largely empty

FILLED = 0.7  # of an A4 sheet's height, at least, down to its last line of text, on every sheet but the last


def sheet_fill(sheet) -> float:
    """How far down the sheet its lowest line of text is, as a share of the sheet's height."""
    lows: list[float] = []
    sheet.extract_text(visitor_text=lambda text, cm, tm, *_: lows.append(tm[5] * cm[3] + cm[5]) if text.strip() else None)
    return 1 - min(lows) / float(sheet.mediabox.height) if lows else 0.0


@pytest.mark.parametrize("lang", LANGS)
def test_no_printed_sheet_of_the_home_page_but_the_last_is_largely_empty(browser, server, lang):
    """The home page's diagram was kept whole: it went to the second sheet and left 40% of the first empty (English).
    It may now break between a camp's rows, never inside a box."""
    context, page, _ = open_page(browser, server + LANGS[lang], WIDE)
    fills = [round(sheet_fill(s), 2) for s in PdfReader(io.BytesIO(page.pdf(format="A4"))).pages]
    assert len(fills) > 1 and all(fills), fills
    assert min(fills[:-1]) >= FILLED, fills
    context.close()
