"""Review 11 (issue 21): a fresh news design editor's findings (English 8.5, Arabic 8) and their fixes, in Debian's
Chromium: Names prints without half-empty sheets, a citation group keeps to one line, the citation card stays on
the screen below the masthead with a scroll cue, a one-line dateline and a slim masthead at 200% text, a standfirst
set apart from the body, a key-points box that keeps its measure at
200% text, and count labels that read as links without heavy underlines."""
from __future__ import annotations

import io

import pytest
from pypdf import PdfReader

from .conftest import LANGS, PAGES
from .test_browser import DESKTOP, PHONE, open_page
from .test_readers_layout import text_zoom

pytestmark = pytest.mark.browser
SMALL_PHONE = {"width": 320, "height": 568}


def _open(browser, url, viewport, zoom=1):
    context = browser.new_context(viewport=viewport, device_scale_factor=1)
    page = context.new_page()
    text_zoom(page, zoom)
    page.goto(url, wait_until="networkidle")
    page.evaluate("document.fonts.ready")
    return context, page


# ---------------------------------------------------------------- 1. Names: no half-empty printed sheet
# Of a sheet's printable height, every sheet but the last. Before the fix the sheets measured 0.57-0.83 this way
# (text on a sheet's top half and scattered lower), after it 0.87-0.95.
FULL_ENOUGH = 0.8


def _sheet_fill(sheet) -> float:
    """How far down the sheet its text reaches, as a share of the printable height (between the top and bottom
    text of the fullest possible sheet: the header line at the top and the page margin at the bottom)."""
    ys: list[float] = []

    def visit(text, cm, tm, font, size):
        if text.strip():
            ys.append(tm[4] * cm[1] + tm[5] * cm[3] + cm[5])

    sheet.extract_text(visitor_text=visit)
    height = float(sheet.mediabox.height)
    margin = 0.4 * 72  # Chromium's default print margin: 0.4 inch
    return (height - margin - min(ys)) / (height - 2 * margin) if ys else 0.0


@pytest.mark.parametrize("lang", LANGS)
def test_names_prints_without_half_empty_sheets(browser, server, lang):
    context, page, _ = open_page(browser, server + LANGS[lang] + "names/", DESKTOP)
    pdf = PdfReader(io.BytesIO(page.pdf(format="A4")))
    context.close()
    fills = [round(_sheet_fill(sheet), 2) for sheet in pdf.pages]
    assert len(fills) > 1, fills
    assert [f for f in fills[:-1] if f < FULL_ENOUGH] == [], fills


# ---------------------------------------------------------------- 2. a citation group on one line
# The lines a group runs to (its client rects' distinct bottoms), whether it would fit its block's width on one line,
# for every citation group of the home page's standfirst, counts and key points.
GROUPS = """(() => [...document.querySelectorAll('article .cite')].filter(g => g.checkVisibility()).map(g => {
  const button = g.querySelector('.cite__button') || g;
  const bottoms = [...button.getClientRects()].filter(r => r.width > 0).map(r => Math.round(r.bottom));
  const block = g.parentElement, s = getComputedStyle(block);
  const room = block.clientWidth - parseFloat(s.paddingLeft) - parseFloat(s.paddingRight);
  const probe = button.cloneNode(true); probe.style.cssText = 'position:absolute;white-space:nowrap;visibility:hidden';
  g.appendChild(probe); const width = probe.getBoundingClientRect().width; probe.remove();
  // On the line of the word before it (the no-break space's word), unless that line had no room for both.
  const prev = g.previousSibling, first = button.getClientRects()[0];
  let glued = null;
  if (prev && prev.nodeType === 3 && prev.textContent.trim().length > 1 && first) {
    const r = document.createRange(), end = prev.textContent.replace(/\\s+$/, '').length;
    r.setStart(prev, end - 1); r.setEnd(prev, end);
    const word = r.getBoundingClientRect();
    glued = word.top < first.bottom && word.bottom > first.top;
  }
  return {text: button.textContent.trim(), lines: new Set(bottoms.map(b => Math.round(b / 4))).size, fits: width <= room,
          glued};
}))()"""


@pytest.mark.parametrize("viewport,zoom", [(PHONE, 1), (SMALL_PHONE, 1), (SMALL_PHONE, 2)],
                         ids=["390", "320", "320-200%"])
@pytest.mark.parametrize("lang", LANGS)
def test_a_citation_group_keeps_to_one_line(browser, server, lang, viewport, zoom):
    context, page = _open(browser, server + LANGS[lang], viewport, zoom)
    page.wait_for_function("document.querySelectorAll('article .cite__button').length > 0")
    groups = page.evaluate(GROUPS)
    wide = page.evaluate("document.documentElement.scrollWidth - innerWidth")
    context.close()
    assert groups
    assert [g for g in groups if g["fits"] and g["lines"] > 1] == []
    assert wide <= 0  # a group wider than the column wraps rather than push the page sideways
    if zoom == 1 and viewport == PHONE:
        assert [g for g in groups if g["glued"] is False] == []  # no group alone at a line's start
        assert any(g["glued"] for g in groups)


# ---------------------------------------------------------------- 3. the citation card on the screen, below the masthead
# Each citation in the page's text, put near the window's middle and then near its foot, opened: where its card lies
# against the window and the pinned masthead, and whether it scrolls with a cue.
CARD = """async ([where]) => {
  const out = [];
  const mast = document.querySelector('.masthead');
  for (const button of [...document.querySelectorAll('article .cite__button')].filter(b => b.checkVisibility())) {
    button.scrollIntoView({block: where});
    await new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)));
    const card = button.closest('.cite').querySelector('.cite__panel');
    button.click();
    await new Promise(r => { const t0 = performance.now(); (function wait() {
      if (card.querySelector('.cite__item') || performance.now() - t0 > 3000) r(); else setTimeout(wait, 20); })(); });
    await new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)));
    const box = card.getBoundingClientRect(), b = button.getBoundingClientRect();
    const pinned = mast.classList.contains('masthead--pinned') ? mast.getBoundingClientRect().bottom : 0;
    const s = getComputedStyle(card);
    out.push({cite: button.textContent.trim(), top: box.top, bottom: box.bottom, pinned, window: innerHeight,
              below: box.top >= b.bottom - 1, roomBelow: innerHeight - b.bottom, natural: card.scrollHeight,
              scrolls: card.scrollHeight > card.clientHeight + 1, overscroll: s.overscrollBehaviorY,
              cue: s.backgroundImage.includes('gradient') && s.backgroundAttachment.includes('local')});
    card.hidePopover();
  }
  return out; }"""


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["390", "1280"])
@pytest.mark.parametrize("lang", LANGS)
def test_a_citation_card_stays_on_the_screen_below_the_masthead(browser, server, lang, viewport):
    context, page = _open(browser, server + LANGS[lang], viewport)
    page.wait_for_function("document.querySelectorAll('article .cite__button').length > 0")
    cards = page.evaluate(CARD, ["center"]) + page.evaluate(CARD, ["end"])
    context.close()
    assert cards
    off = [c for c in cards if c["top"] < c["pinned"] - 0.5 or c["bottom"] > c["window"] + 0.5]
    assert off == [], off[:3]
    # Below its citation whenever the whole card fits there.
    assert [c for c in cards if not c["below"] and c["roomBelow"] > c["natural"] + 40] == []
    assert {c["overscroll"] for c in cards} == {"contain"}
    assert all(c["cue"] for c in cards)
    assert any(c["below"] for c in cards) and any(not c["below"] for c in cards)  # both placements were met


# ---------------------------------------------------------------- 4. a one-line dateline, a slim masthead at 200%
MASTHEAD_SHARE = 0.2


@pytest.mark.parametrize("zoom", [1, 2], ids=["100%", "200%"])
@pytest.mark.parametrize("lang", LANGS)
def test_the_dateline_keeps_to_one_line_and_the_masthead_stays_slim(browser, server, lang, zoom):
    context, page = _open(browser, server + LANGS[lang], PHONE, zoom)
    state = page.evaluate("""(() => { const d = document.querySelector('.masthead__dateline');
      const r = document.createRange(); r.selectNodeContents(d);
      const bottoms = new Set([...r.getClientRects()].filter(x => x.width > 0).map(x => Math.round(x.bottom / 4)));
      return {shown: d.checkVisibility(), lines: bottoms.size, cut: d.scrollWidth > d.clientWidth + 1,
              masthead: document.querySelector('.masthead').getBoundingClientRect().height, window: innerHeight}; })()""")
    context.close()
    if zoom == 1:
        assert state["shown"], state  # a 390 px phone at the default size has room for it
    if state["shown"]:
        assert state["lines"] == 1 and not state["cut"], state
    assert state["masthead"] <= MASTHEAD_SHARE * state["window"], state


# ---------------------------------------------------------------- 5. a standfirst set apart, the counts in the first screen
@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["390", "1280"])
@pytest.mark.parametrize("lang", LANGS)
def test_the_standfirst_is_larger_than_the_body_and_the_counts_stay_in_the_first_screen(browser, server, lang, viewport):
    context, page = _open(browser, server + LANGS[lang], {**viewport, "height": 844})
    state = page.evaluate("""(() => { const px = (el, p) => parseFloat(getComputedStyle(el)[p]);
      const s = document.querySelector('article .standfirst'), body = document.querySelector('.md-content__inner');
      return {ratio: px(s, 'fontSize') / px(body, 'fontSize'),
              leading: [px(s, 'lineHeight') / px(s, 'fontSize'), px(body, 'lineHeight') / px(body, 'fontSize')],
              counts: Math.max(...[...document.querySelectorAll('.camp-counts li')].map(li =>
                li.getBoundingClientRect().bottom + scrollY))}; })()""")
    context.close()
    assert 1.09 <= state["ratio"] <= 1.16, state
    assert state["leading"][0] < state["leading"][1], state  # its own, tighter leading for the larger size
    assert state["counts"] <= 844, state


# ---------------------------------------------------------------- 7. the key points keep their measure at 200% text
MEASURE = 0.6


@pytest.mark.parametrize("lang", LANGS)
def test_the_key_points_keep_most_of_the_width_at_200_percent_text(browser, server, lang):
    context, page = _open(browser, server + LANGS[lang], PHONE, 2)
    widths = page.evaluate("""[...document.querySelectorAll('.key-points li')].map(li => {
      const r = document.createRange(); r.selectNodeContents(li); const rects = [...r.getClientRects()];
      return Math.max(...rects.map(x => x.right)) - Math.min(...rects.map(x => x.left)); })""")
    window = page.evaluate("innerWidth")
    context.close()
    assert widths
    assert min(widths) >= MEASURE * window, (widths, window)


# ---------------------------------------------------------------- 8. the count labels: links without heavy underlines
@pytest.mark.parametrize("lang", LANGS)
def test_the_count_labels_read_as_links_without_heavy_underlines(browser, server, lang):
    context, page = _open(browser, server + LANGS[lang], PHONE)
    labels = page.evaluate("""[...document.querySelectorAll('.camp-counts li > a')].map(a => {
      const label = a.querySelector('.camp-counts__label'), s = getComputedStyle(label);
      const r = document.createRange(); r.selectNodeContents(label);
      const lines = new Set([...r.getClientRects()].filter(x => x.width > 0).map(x => Math.round(x.bottom / 4))).size;
      return {href: a.getAttribute('href'), underline: s.textDecorationLine.includes('underline'),
              thickness: s.textDecorationThickness, leading: parseFloat(s.lineHeight) / parseFloat(s.fontSize),
              lines, height: label.getBoundingClientRect().height, size: parseFloat(s.fontSize),
              cue: getComputedStyle(label, '::after').content}; })""")
    context.close()
    assert len(labels) == 2, labels
    for label in labels:
        assert "camps/" in label["href"], label
        assert label["leading"] <= 1.45, label  # a wrapped label reads as one, not two lines apart
        assert not label["underline"] or label["thickness"] in ("1px", "from-font"), label
        assert label["underline"] or label["cue"] not in ("none", "normal"), label  # still says it is a link
