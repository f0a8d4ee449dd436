"""Review 11's layout findings (issue 21), in Debian's Chromium: a slim masthead pinned on a desktop, so the language
switch is at hand deep in Names, with every in-page link landing its heading below it; the home diagram's camps as
two grids of equal cells; the home page printing its diagram from the first A4 sheet."""
from __future__ import annotations

import io
import json

import pytest
from pypdf import PdfReader

from .conftest import LANGS, PAGES
from .test_browser import PHONE
from .test_readers_review11 import _open as _zoomed

pytestmark = pytest.mark.browser
LAPTOP = {"width": 1280, "height": 800}
SLIM_BAR = 64  # px: the pinned desktop masthead, one row (review 11)
PINNED_SHARE = 0.1  # of the window's height, at most (issue 21)


def _open(browser, url, viewport):
    context = browser.new_context(viewport=viewport, device_scale_factor=1)
    page = context.new_page()
    page.goto(url, wait_until="networkidle")
    page.evaluate("document.fonts.ready")
    return context, page


def _other(lang: str) -> str:
    return next(code for code in LANGS if code != lang)


# ---------------------------------------------------------------- 1. the pinned desktop masthead

# Where the language switch is once the reader is deep in the page: on the screen, not covered, and the masthead
# around it (its top, height).
SWITCH_AFTER_SCROLL = """(async () => {
  window.scrollTo(0, 0.7 * (document.documentElement.scrollHeight - innerHeight));
  await new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)));
  const link = document.querySelector('.masthead .md-select a[hreflang]');
  const r = link.getBoundingClientRect();
  const hit = document.elementFromPoint((r.left + r.right) / 2, (r.top + r.bottom) / 2);
  const bar = document.querySelector('.masthead').getBoundingClientRect();
  return {scrolled: scrollY, page: document.documentElement.scrollHeight, window: innerHeight,
          shown: r.top >= 0 && r.bottom <= innerHeight && r.width > 0, hit: link.contains(hit),
          top: bar.top, height: bar.height};
})()"""


@pytest.mark.parametrize("lang", LANGS)
def test_the_language_switch_is_at_hand_deep_in_names_on_a_desktop(browser, server, lang):
    """Names is some 10,000 px long: with the masthead (two rows, 101-109 px) scrolling away, switching from deep in
    the list meant scrolling back to the top. The masthead is now one slim row pinned at the top; the menu's row
    scrolls away under it."""
    context, page = _open(browser, server + LANGS[lang] + "names/", LAPTOP)
    state = page.evaluate(SWITCH_AFTER_SCROLL)
    assert state["scrolled"] > 10 * state["window"] * 0.5, state  # deep in a long page
    assert state["shown"] and state["hit"], state
    assert state["top"] == 0 and state["height"] <= SLIM_BAR, state
    assert state["height"] <= PINNED_SHARE * state["window"], state
    # Followed from there, the switch opens the other language at the same place (test_readers_view checks which
    # entry), and that place lands below the bar.
    page.locator(".masthead .md-select a[hreflang]").click()
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(300)
    address, _, entry = page.url.partition("#")
    assert address.endswith(LANGS[_other(lang)] + "names/") and entry, page.url
    landed = page.evaluate(f"""(() => {{ const e = document.getElementById({json.dumps(entry)}).getBoundingClientRect();
      return {{top: e.top, bar: document.querySelector('.masthead').getBoundingClientRect().bottom}}; }})()""")
    assert landed["bar"] <= landed["top"] < LAPTOP["height"] / 2, landed
    context.close()


# Follows every in-page link a reader sees (the rail's table of contents, Names' letters) and measures where its
# target lands against the pinned masthead's foot.
FOLLOW_IN_PAGE_LINKS = """(async () => {
  const frames = () => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)));
  const seen = a => { const r = a.getBoundingClientRect(); return r.width > 0 && r.height > 0; };
  const links = [...document.querySelectorAll('a[href^="#"]')].filter(a => a.getAttribute('href').length > 1
                 && a.closest('.rail, nav.letters, .toc') && seen(a));
  const out = [];
  for (const a of links) {
    window.scrollTo(0, 0);
    await frames();
    a.click();
    await frames();
    const target = document.getElementById(decodeURIComponent(a.getAttribute('href').slice(1)));
    const t = target.getBoundingClientRect();
    const bar = document.querySelector('.masthead');
    out.push({href: a.getAttribute('href'), top: t.top, bottom: t.bottom,
              bar: bar.classList.contains('masthead--pinned') ? bar.getBoundingClientRect().bottom : 0,
              window: innerHeight, last: scrollY + innerHeight >= document.documentElement.scrollHeight - 1});
  }
  return out;
})()"""


@pytest.mark.parametrize("lang", LANGS)
def test_in_page_links_land_their_heading_below_the_pinned_masthead(browser, server, lang):
    """Each table-of-contents and letter link brings its heading fully into view under the pinned bar, not under
    it (scroll-margin follows the bar's measured height)."""
    context, page = _open(browser, server + LANGS[lang], LAPTOP)
    landings, problems = [], []
    for path in PAGES:
        page.goto(server + LANGS[lang] + path, wait_until="networkidle")
        for hit in page.evaluate(FOLLOW_IN_PAGE_LINKS):
            landings.append(hit)
            if not (hit["bar"] <= hit["top"] and hit["bottom"] <= hit["window"]):
                problems.append((path, hit))
            # Not pushed needlessly far down either: within a few lines of the bar, unless the page ran out.
            elif not hit["last"] and hit["top"] - hit["bar"] > 60:
                problems.append((path, "far below the bar", hit))
    assert landings, "no in-page link was followed"
    assert any(hit["bar"] > 0 for hit in landings), "the masthead was never pinned"
    assert problems == []
    context.close()


@pytest.mark.parametrize("lang", LANGS)
def test_the_phone_menu_opens_under_the_pinned_masthead_deep_in_a_page(browser, server, lang):
    """The menu's list follows the masthead rather than sitting in it: opened deep in a page, it still stands
    right under the pinned bar, and closing it leaves the reader where they were."""
    context, page = _open(browser, server + LANGS[lang] + "names/", PHONE)
    page.evaluate("window.scrollTo(0, 0.5 * document.documentElement.scrollHeight)")
    page.wait_for_timeout(100)
    before = page.evaluate("scrollY")
    page.locator(".masthead__menu").click()
    page.wait_for_function("document.querySelector('.masthead__menu').getAttribute('aria-expanded') === 'true'")
    state = page.evaluate("""(() => { const bar = document.querySelector('.masthead').getBoundingClientRect();
      const nav = document.querySelector('.masthead__nav').getBoundingClientRect();
      const first = document.querySelector('.masthead__nav a').getBoundingClientRect();
      const hit = document.elementFromPoint(first.left + 5, (first.top + first.bottom) / 2);
      return {bar: bar.bottom, nav: nav.top, navBottom: nav.bottom, window: innerHeight,
              hit: !!(hit && hit.closest('.masthead__nav'))}; })()""")
    assert abs(state["nav"] - state["bar"]) <= 1 and state["navBottom"] <= state["window"], state
    assert state["hit"], state
    page.keyboard.press("Escape")
    page.wait_for_function("document.querySelector('.masthead__menu').getAttribute('aria-expanded') === 'false'")
    page.wait_for_timeout(100)
    assert abs(page.evaluate("scrollY") - before) <= 1
    context.close()


# ---------------------------------------------------------------- 2. the home diagram: two grids of equal cells


# Each camp's (and each group apart's) head and boxes, measured once the figure is laid out (it is rendered only
# near the screen): where each box is, its size, the room between its name and its edges, its type size.
DIAGRAM_CELLS = """(async () => {
  const frames = () => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)));
  const fig = document.querySelector('#camps-figure');
  fig.scrollIntoView(); await frames(); fig.scrollIntoView(); await frames();
  const groups = [...fig.querySelectorAll('.diagram__camp, .diagram__group')].map(g => {
    const head = g.querySelector('.diagram__box--head, .diagram__label').getBoundingClientRect();
    const boxes = [...g.querySelectorAll('li.diagram__box')].map(li => {
      const r = li.getBoundingClientRect();
      const range = document.createRange(); range.selectNodeContents(li);
      const t = range.getBoundingClientRect();
      return {name: li.textContent, x: Math.round(r.left), y: Math.round(r.top), w: r.width, h: r.height,
              room: Math.min(t.left - r.left, r.right - t.right, t.top - r.top, r.bottom - t.bottom),
              font: parseFloat(getComputedStyle(li).fontSize)};
    });
    return {camp: g.classList.contains('diagram__camp'), head: {top: head.top, height: head.height}, boxes};
  });
  return {groups, body: parseFloat(getComputedStyle(document.querySelector('article p')).fontSize)};
})()"""


def _rows(boxes: list[dict]) -> list[int]:
    """How many boxes stand on each row, top to bottom."""
    rows: dict[int, int] = {}
    for box in boxes:
        row = next((y for y in rows if abs(y - box["y"]) <= 1), box["y"])
        rows[row] = rows.get(row, 0) + 1
    return [rows[y] for y in sorted(rows)]


def _same(values: list[float]) -> bool:
    return max(values) - min(values) <= 1


NAME_ROOM = 4  # px at least between a name and its box's edge, on every side


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("viewport,zoom,columns", [(PHONE, 1, 2), (LAPTOP, 1, 2), (LAPTOP, 2, 2), (PHONE, 2, 1)],
                         ids=["390", "1280", "1280-200%", "390-200%"])
def test_each_camp_is_a_grid_of_equal_cells(browser, server, lang, viewport, zoom, columns):
    """Boxes wrapping as they fitted gave rows of 2-2-2-1-2-2 against 2-1-1-1-1-1: the camps' counts could not be
    compared at a glance. Each camp (and each group apart) is now a grid of two equal cells a row, every row full
    but the last; side by side, both camps' cells and heads are one size. At 200% text on a phone a camp has room
    for one box a row. Names never touch their box, and grow with the text."""
    context, page = _zoomed(browser, server + LANGS[lang], viewport, zoom)
    found = page.evaluate(DIAGRAM_CELLS)
    context.close()
    groups = found["groups"]
    assert len([g for g in groups if g["camp"]]) >= 2 and all(g["boxes"] for g in groups), groups
    for group in groups:
        rows = _rows(group["boxes"])
        assert max(rows) == columns and all(n == columns for n in rows[:-1]), (group, rows)
        if columns > 1:
            assert _same([b["w"] for b in group["boxes"]]) and _same([b["h"] for b in group["boxes"]]), group
        cramped = [(b["name"], round(b["room"], 1)) for b in group["boxes"] if b["room"] < NAME_ROOM]
        assert cramped == [], cramped
        assert all(b["font"] >= 0.85 * found["body"] for b in group["boxes"]), (found["body"], group)
    # Side by side (heads on one line): the two camps' heads and cells are one size.
    camps = [g for g in groups if g["camp"]]
    if _same([c["head"]["top"] for c in camps]):
        assert _same([c["head"]["height"] for c in camps]), camps
        if columns > 1:
            cells = [b for c in camps for b in c["boxes"]]
            assert _same([b["w"] for b in cells]) and _same([b["h"] for b in cells]), camps
    elif viewport is LAPTOP and zoom == 1:
        pytest.fail("the camps are not side by side on a desktop")


# ---------------------------------------------------------------- 4. Names on paper: no letter alone at a sheet's foot


def _lowest_text(sheet) -> str:
    """The text piece lowest on a printed sheet."""
    items: list[tuple[float, str]] = []
    sheet.extract_text(visitor_text=lambda text, cm, tm, *_: items.append((tm[5] * cm[3] + cm[5], text.strip()))
                       if text.strip() else None)
    return min(items)[1] if items else ""


@pytest.mark.parametrize("lang", LANGS)
def test_no_letter_heading_is_left_alone_at_a_printed_sheets_foot(browser, server, lang):
    """Printed on A4, "D" and "T" (English) and three letters (Arabic) ended their sheets, their entries on the
    next one. A letter now goes with the start of its first entry."""
    context, page = _open(browser, server + LANGS[lang] + "names/", LAPTOP)
    letters = set(page.evaluate("[...document.querySelectorAll('.name-letter__key')].map(e => e.textContent.trim())"))
    sheets = PdfReader(io.BytesIO(page.pdf(format="A4"))).pages
    context.close()
    assert letters and len(sheets) > 1
    stranded = [(number, text) for number, sheet in enumerate(sheets, 1) if (text := _lowest_text(sheet)) in letters]
    assert stranded == []
