"""Reading the explainer: the language switch without a fragment, print, text zoom, focus, search loading and
cross-script search, in Debian's Chromium (see test_browser.py). Sizes and speeds are in `make benchmark`."""
from __future__ import annotations

import json
import re

import pytest

from .conftest import LANGS, PAGES
from .test_browser import DESKTOP, PHONE, open_page

pytestmark = pytest.mark.browser


# ---------------------------------------------------------------- colour maths (WCAG 2 relative luminance)


def rgb(css: str) -> tuple[float, float, float, float]:
    parts = [float(x) for x in re.findall(r"[\d.]+", css)]
    return (*parts[:3], parts[3] if len(parts) > 3 else 1.0)


def luminance(colour: tuple) -> float:
    def channel(c):
        c /= 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(c) for c in colour[:3])
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: tuple, b: tuple) -> float:
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


# ---------------------------------------------------------------- the language switch keeps the place


@pytest.mark.parametrize("start,other", [("", "ar/"), ("ar/", "")])
@pytest.mark.parametrize("section", ["refused", "delegation"])
def test_switch_keeps_the_section_in_view_without_a_fragment(browser, server, start, other, section):
    context, page, _ = open_page(browser, server + start + "camps/")
    assert "#" not in page.url
    page.evaluate(f"document.getElementById('{section}').scrollIntoView()")
    page.wait_for_timeout(100)
    target = "ar" if other == "ar/" else "en"
    page.locator(f".masthead .md-select a[hreflang='{target}']").click()
    page.wait_for_load_state("networkidle")
    assert page.url == server + other + f"camps/#{section}"
    top = page.evaluate(f"document.getElementById('{section}').getBoundingClientRect().top")
    assert 0 <= top < PHONE["height"] / 2, "the same section is in view in the other language"
    context.close()


@pytest.mark.parametrize("start,other", [("", "ar/"), ("ar/", "")])
def test_switch_at_the_top_leads_to_the_top(browser, server, start, other):
    context, page, _ = open_page(browser, server + start + "timeline/")
    page.locator(".masthead .md-select a[hreflang]").click()
    page.wait_for_load_state("networkidle")
    assert page.url == server + other + "timeline/"
    context.close()


@pytest.mark.parametrize("lang,other", [("en", "ar/"), ("ar", "")])
def test_404_switch_leads_to_the_other_language(browser, server, lang, other):
    context, page, _ = open_page(browser, server + LANGS[lang] + "no/such/page/")
    # The test server answers 404 with its own page; open the site's 404 page as GitHub Pages would serve it.
    page.goto(server + LANGS[lang] + "404.html", wait_until="networkidle")
    page.locator(".masthead .md-select a[hreflang]").click()
    page.wait_for_load_state("networkidle")
    assert page.url == server + other
    context.close()


# ---------------------------------------------------------------- print is light, whatever the screen's scheme


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("path", ["", "camps/", "reasons/"])
def test_print_is_light_in_dark_mode(browser, server, lang, path):
    context, page, _ = open_page(browser, server + LANGS[lang] + path, DESKTOP, "dark")
    assert page.evaluate("document.body.getAttribute('data-md-color-scheme')") == "slate"
    page.emulate_media(media="print", color_scheme="dark")
    page.wait_for_timeout(400)  # Material's colour transitions (125 ms) end
    body = rgb(page.evaluate("getComputedStyle(document.body).backgroundColor"))
    assert luminance(body) > 0.95, body
    for selector in ("article p", "article h1", ".md-typeset .cite"):
        ink = rgb(page.evaluate(f"getComputedStyle(document.querySelector({json.dumps(selector)})).color"))
        assert contrast(ink, body) >= 7, (selector, ink)
    # Every box is printed light, never a dark fill.
    fills = page.evaluate("""[...document.querySelectorAll('article *')].map(e => getComputedStyle(e).backgroundColor)
        .filter(c => c !== 'rgba(0, 0, 0, 0)')""")
    assert all(luminance(rgb(c)) > 0.8 for c in fills), sorted(set(fills))
    # Screen furniture is not printed: the menu, the tools, the pages' list, the links to report a mistake and edit
    # the data. The site's name and dateline are, in ink, at the top of the first page.
    # A heading is kept with what it heads, never left alone at the foot of a printed page.
    assert page.evaluate("getComputedStyle(document.querySelector('article h2')).breakAfter") == "avoid"
    for furniture in (".masthead__menu", ".masthead__tools", ".masthead__nav", ".edit-data"):
        assert page.evaluate(f"getComputedStyle(document.querySelector('{furniture}')).display") == "none", furniture
    for credit in (".masthead__name", ".masthead__dateline"):
        box = page.evaluate(f"document.querySelector('{credit}').getBoundingClientRect().toJSON()")
        ink = rgb(page.evaluate(f"getComputedStyle(document.querySelector('{credit}')).color"))
        assert box["height"] > 0 and box["top"] < page.evaluate("document.querySelector('article h1').getBoundingClientRect().top")
        assert contrast(ink, body) >= 7, (credit, ink)
    context.close()


PRINTED_COLOURS = """[...document.querySelectorAll('article *')].flatMap(e => [null, '::before', '::after'].map(pseudo => {
    const style = getComputedStyle(e, pseudo);
    return [e.tagName, e.className.baseVal ?? e.className, pseudo, style.color, style.backgroundColor,
            style.borderTopColor, style.borderInlineStartColor, style.fill, style.stroke].join(' ');
  }))"""


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("path", ["", "camps/", "timeline/"])
def test_print_is_the_same_whatever_the_screens_scheme(browser, server, lang, path):
    """Every colour of the printed page, text, fills, borders, the timeline's dots and the figures', is the light
    print's: a colour still taken from the dark scheme would print in the reader's screen colours."""
    printed = {}
    for scheme in ("light", "dark"):
        context, page, _ = open_page(browser, server + LANGS[lang] + path, DESKTOP, scheme)
        page.emulate_media(media="print", color_scheme=scheme)
        page.wait_for_timeout(400)  # Material's colour transitions (125 ms) end
        printed[scheme] = page.evaluate(PRINTED_COLOURS)
        context.close()
    differ = [(light, dark) for light, dark in zip(printed["light"], printed["dark"]) if light != dark]
    assert len(printed["light"]) == len(printed["dark"]) and differ == [], differ[:5]


# ---------------------------------------------------------------- 200% text zoom


@pytest.mark.parametrize("lang", LANGS)
def test_no_horizontal_scroll_at_200_percent_text(browser, server, lang):
    context = browser.new_context(viewport=PHONE, device_scale_factor=1)
    page = context.new_page()
    # The browser's own text size setting (default 16 px, doubled), as a reader would set it.
    page.context.new_cdp_session(page).send("Page.setFontSizes", {"fontSizes": {"standard": 32, "fixed": 26}})
    wide = []
    for path in PAGES:
        page.goto(server + LANGS[lang] + path, wait_until="networkidle")
        assert page.evaluate("parseFloat(getComputedStyle(document.documentElement).fontSize)") >= 39
        width = page.evaluate("document.documentElement.scrollWidth")
        if width > PHONE["width"]:
            culprit = page.evaluate("""(() => { const w = document.documentElement.clientWidth;
                const e = [...document.querySelectorAll('body *')].find(e => e.getBoundingClientRect().right > w + 1
                  || e.getBoundingClientRect().left < -1); return e ? e.tagName + '.' + e.className : ''; })()""")
            wide.append((path, width, culprit))
    assert wide == []
    context.close()


# ---------------------------------------------------------------- the camps diagram, drawn properly

# The diagram's label size and the body text's, in px, and where its boxes and connectors are. It is HTML
# (explainer/render/figures.py): its boxes are elements, its connectors the stylesheet's stem, bar and arrows.
FIGURE = """(() => {
  const figure = document.querySelector('#camps-figure');
  figure.scrollIntoView();  // laid out (content-visibility) before it is measured
  const box = e => { const b = e.getBoundingClientRect(); return {x: b.left, y: b.top, w: b.width, h: b.height}; };
  const line = getComputedStyle(figure.querySelector('.diagram__arrow')).borderInlineStartWidth;
  return {label: parseFloat(getComputedStyle(figure.querySelector('.diagram__box')).fontSize),
          // running text: the longest paragraph that is not the figure's caption (set smaller, as captions are)
          body: parseFloat(getComputedStyle([...document.querySelectorAll('article p:not(.camps-caption)')]
                  .sort((a, b) => b.textContent.length - a.textContent.length)[0]).fontSize),
          sponsor: box(figure.querySelector('.diagram__box--callers')),
          stem: getComputedStyle(figure.querySelector('.diagram__stem')).display === 'none' ? null : box(figure.querySelector('.diagram__stem')),
          heads: [...figure.querySelectorAll('.diagram__box--head')].map(box),
          arrows: [...figure.querySelectorAll('.diagram__arrow')].map(box), line: parseFloat(line)};
})()"""


def _open_figure(browser, server, lang, viewport, zoom):
    context = browser.new_context(viewport=viewport, device_scale_factor=1)
    page = context.new_page()
    if zoom == 2:  # the browser's own text size setting, doubled
        page.context.new_cdp_session(page).send("Page.setFontSizes", {"fontSizes": {"standard": 32, "fixed": 26}})
    page.goto(server + LANGS[lang], wait_until="networkidle")
    return context, page.evaluate(FIGURE)


@pytest.mark.parametrize("zoom", [1, 2], ids=["100%", "200% text"])
@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
@pytest.mark.parametrize("lang", LANGS)
def test_diagram_labels_are_body_text_size(browser, server, lang, viewport, zoom):
    """Labels are the body text's size on any screen and at any text zoom (the SVG's stopped growing once the figure
    filled its column: 17 px at 200% text on a phone)."""
    context, fig = _open_figure(browser, server, lang, viewport, zoom)
    assert abs(fig["label"] - fig["body"]) <= 0.05 * fig["body"], fig
    context.close()


@pytest.mark.parametrize("zoom", [1, 2], ids=["100%", "200% text"])
@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
@pytest.mark.parametrize("lang", LANGS)
def test_diagram_connectors_meet_the_boxes(browser, server, lang, viewport, zoom):
    """Side by side, a stem leaves the sponsors' box at its bottom edge and each arrow ends on a camp's head; stacked
    (a narrow column or large text), a rail starts at the sponsors' box and each arrow ends on a head's side."""
    context, fig = _open_figure(browser, server, lang, viewport, zoom)
    sponsor, heads, arrows, line = fig["sponsor"], fig["heads"], fig["arrows"], fig["line"]
    assert len(arrows) == len(heads) == 2 and line > 0
    side_by_side = abs(heads[0]["y"] - heads[1]["y"]) < 1
    for arrow, head in zip(arrows, heads):
        if side_by_side:  # down into the head's top edge, from its middle
            assert arrow["y"] + arrow["h"] == pytest.approx(head["y"], abs=1.5), (arrow, head)
            assert head["x"] < arrow["x"] < head["x"] + head["w"]
        else:  # from the rail into the head's start edge, at its middle
            start = head["x"] if lang == "en" else head["x"] + head["w"]
            end = arrow["x"] + arrow["w"] if lang == "en" else arrow["x"]
            assert end == pytest.approx(start, abs=1.5), (arrow, head)
            assert arrow["y"] + arrow["h"] == pytest.approx(head["y"] + head["h"] / 2, abs=line + 1)
    if side_by_side:
        assert fig["stem"] is not None and fig["stem"]["y"] == pytest.approx(sponsor["y"] + sponsor["h"], abs=1.5)
    else:  # the first arrow's rail starts where the sponsors' box ends
        assert fig["stem"] is None and arrows[0]["y"] == pytest.approx(sponsor["y"] + sponsor["h"], abs=1.5)
    context.close()


# ---------------------------------------------------------------- the reading column

# Characters per line of each block of running text at the body's size: the text without the citations (a
# bracketed number and a label only screen readers hear) and without code (file and column names, set smaller and
# narrower than the text), over the number of lines it takes.
CHARACTERS_PER_LINE = """(() => {
  const article = document.querySelector('article');
  const size = getComputedStyle(article).fontSize;
  const out = [];
  for (const block of article.querySelectorAll('p, li')) {
    if (block.closest('.figure, .two-columns, .actors, nav, .edit-data') || block.querySelector('p, li')) continue;
    const style = getComputedStyle(block);
    if (style.fontSize !== size) continue;
    const lines = Math.round(block.getBoundingClientRect().height / parseFloat(style.lineHeight));
    if (lines < 3) continue;  // the last line is partial: only blocks of three lines or more say much
    const copy = block.cloneNode(true);
    copy.querySelectorAll('.cite, .visually-hidden, code').forEach(e => e.remove());
    out.push([Math.round(copy.textContent.replace(/\\s+/g, ' ').trim().length / lines), copy.textContent.trim().slice(0, 40)]);
  }
  return out;
})()"""


@pytest.mark.parametrize("lang", LANGS)
def test_running_text_keeps_a_readable_line_length_on_a_desktop(browser, server, lang):
    """About 65 characters a line, at most 80, on a 1280 px screen: wide pieces (figures, the camps side by side,
    cards) may use the page's width, running text may not."""
    context, page, _ = open_page(browser, server, DESKTOP)
    measured = []
    for path in PAGES:
        page.goto(server + LANGS[lang] + path, wait_until="networkidle")
        measured += [(path, *row) for row in page.evaluate(CHARACTERS_PER_LINE)]
    assert len({path for path, *_ in measured}) >= 3, measured  # the check saw several pages' text
    assert [row for row in measured if row[1] > 80] == []
    context.close()


# Where each block starts along the line: its left edge in English, its right edge in Arabic.
START_EDGE = "e => { const r = e.getBoundingClientRect(); return document.dir === 'rtl' ? r.right : r.left; }"


@pytest.mark.parametrize("lang", LANGS)
def test_a_heading_over_a_wide_block_starts_at_its_edge(browser, server, lang):
    """Wide blocks (columns, cards) leave the reading column: their heading goes with them, not one edge for
    the heading and another for what it heads."""
    context, page, _ = open_page(browser, server, DESKTOP)
    pairs = []
    for path in PAGES:
        page.goto(server + LANGS[lang] + path, wait_until="networkidle")
        pairs += page.evaluate(f"""(() => {{ const edge = {START_EDGE};
          return [...document.querySelectorAll('article :is(h2, h3) + :is(.two-columns, .actors, nav:not(.letters))')]
            .map(block => ['{path}', block.previousElementSibling.id, Math.round(edge(block.previousElementSibling)),
                           Math.round(edge(block))]); }})()""")
    assert len(pairs) >= 2, pairs
    assert [p for p in pairs if abs(p[2] - p[3]) > 1] == []
    context.close()


# Where a block's text starts, not the block: a value in the other script is a block in its own direction, and
# its box spans the column whichever side its text sits on.
TEXT_START_EDGE = ("e => { const range = document.createRange(); range.selectNodeContents(e);"
                   " const r = range.getBoundingClientRect(); return document.dir === 'rtl' ? r.right : r.left; }")


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
@pytest.mark.parametrize("lang", LANGS)
def test_a_factions_other_script_name_that_wraps_starts_under_its_name(browser, server, lang, viewport):
    """On the camps page a faction's name in the other script goes to the next line whole when it does not fit;
    there it starts where the name above starts, not indented by the gap that separates them on one line."""
    context, page, _ = open_page(browser, server + LANGS[lang] + "camps/", viewport)
    rows = page.evaluate(f"""(() => {{ const edge = {TEXT_START_EDGE};
      return [...document.querySelectorAll('.faction__names')].map(p => {{
        const name = p.querySelector('.faction__name'), tail = p.querySelector('.faction__tail');
        const nameLines = name.getClientRects();
        return [p.closest('.faction').id, tail.getBoundingClientRect().top >= nameLines[nameLines.length - 1].bottom - 2,
                Math.round(edge(name)), Math.round(edge(tail))]; }}); }})()""")
    if viewport is PHONE:
        assert any(wrapped for _, wrapped, _, _ in rows), rows  # the case this test is for occurs
    assert [r for r in rows if r[1] and abs(r[2] - r[3]) > 1] == []
    context.close()


@pytest.mark.parametrize("lang", LANGS)
def test_a_role_that_wraps_starts_under_its_name(browser, server, lang):
    """In the names index a role ("Organisation") that goes to the next line starts where the name starts. At
    320 px (a small phone) some roles wrap in both languages."""
    context, page, _ = open_page(browser, server + LANGS[lang] + "names/", {"width": 320, "height": 700})
    rows = page.evaluate(f"""(() => {{ const edge = {TEXT_START_EDGE};
      return [...document.querySelectorAll('.name-entry__name')].map(p => {{
        const role = p.querySelector('.name-entry__role'), range = document.createRange();
        range.setStart(p, 0); range.setEndBefore(role);
        const nameLines = [...range.getClientRects()].filter(r => r.width > 0);
        const last = nameLines.at(-1), box = role.getBoundingClientRect();
        const below = box.top + box.height / 2 > last.top + last.height;  // its middle is below the name's line
        return [p.closest('.name-entry').id, below,
                Math.round(edge(p)), Math.round(edge(role))]; }}); }})()""")
    assert any(wrapped for _, wrapped, _, _ in rows), rows  # the case this test is for occurs
    assert [r for r in rows if r[1] and abs(r[2] - r[3]) > 1] == []
    context.close()


@pytest.mark.parametrize("lang", LANGS)
def test_other_spellings_line_up_with_the_other_values(browser, server, lang):
    """The name in the other script, each other spelling, each fact and the pages it appears on start on the page's side."""
    context, page, _ = open_page(browser, server + LANGS[lang] + "names/", DESKTOP)
    rows = page.evaluate(f"""(() => {{ const edge = {TEXT_START_EDGE};
      return [...document.querySelectorAll('.name-entry')].map(e => [e.id, ...[...e.querySelectorAll(
        'dd:not(:has(ul)), ul.aliases > li, ul.name-entry__facts > li')].map(v => Math.round(edge(v)))]); }})()""")
    assert any(len(r) >= 4 for r in rows), rows  # the other script, a spelling or a fact, where it appears
    assert [r for r in rows if len(set(r[1:])) != 1] == []
    context.close()


# The rectangles of a citation's numbers: text in its button (explainer.js), or its links without scripts; never its
# hidden label or its card.
NUMBER_RECTS = """cite => { const out = [], walk = document.createTreeWalker(cite, NodeFilter.SHOW_TEXT);
  for (let node; (node = walk.nextNode());) {
    if (!/[0-9\\u0660-\\u0669]/.test(node.data) || node.parentElement.closest('.visually-hidden, .cite__panel')) continue;
    const range = document.createRange(); range.selectNodeContents(node); out.push(...range.getClientRects()); }
  return out; }"""


@pytest.mark.parametrize("lang", LANGS)
def test_a_citation_bracket_never_stands_on_a_line_without_a_number(browser, server, lang):
    """"[" at the end of one line and "14]" at the start of the next reads as a stray bracket."""
    context, page, _ = open_page(browser, server, PHONE)
    lonely, seen = [], 0
    for path in PAGES:
        page.goto(server + LANGS[lang] + path, wait_until="networkidle")
        found = page.evaluate("""[...document.querySelectorAll('article .cite')].map(cite => {
            const numbers = (""" + NUMBER_RECTS + """)(cite);
            return [cite.textContent, [...cite.getClientRects()].filter(line =>
              !numbers.some(n => n.top < line.bottom - 1 && n.bottom > line.top + 1)).length]; })""")
        seen += len(found)
        lonely += [(path, text) for text, bare in found if bare]
    assert seen
    assert lonely == []
    context.close()


@pytest.mark.parametrize("lang", LANGS)
def test_the_masthead_is_one_line_on_a_phone(browser, server, lang):
    """The site's name on one line, beside the menu, the language and the tools: a masthead, not a block."""
    context, page, _ = open_page(browser, server + LANGS[lang], PHONE)
    lines, same_row = page.evaluate("""(() => { const name = document.querySelector('.masthead__name');
      const tools = document.querySelector('.masthead__tools').getBoundingClientRect();
      const box = name.getBoundingClientRect();
      return [box.height / parseFloat(getComputedStyle(name).lineHeight),
              tools.top < box.bottom && tools.bottom > box.top]; })()""")
    assert round(lines) == 1, lines
    assert same_row
    context.close()


@pytest.mark.parametrize("lang", LANGS)
def test_the_letter_keys_start_at_the_text_edge_and_sit_close(browser, server, lang):
    """A row of keys from the text's edge, a small gap apart: not each indented like a list item."""
    context, page, _ = open_page(browser, server + LANGS[lang] + "names/", PHONE)
    edges, size = page.evaluate(f"""(() => {{ const edge = {START_EDGE};
      const keys = [...document.querySelectorAll('nav.letters li')];
      return [[edge(document.querySelector('nav.letters')), edge(keys[0])], parseFloat(getComputedStyle(keys[0]).fontSize)]; }})()""")
    assert abs(edges[0] - edges[1]) <= 1, edges
    gaps = page.evaluate("""(() => { const keys = [...document.querySelectorAll('nav.letters li')].map(k => k.getBoundingClientRect());
      return keys.slice(1).map((k, i) => [k, keys[i]]).filter(([k, before]) => Math.abs(k.top - before.top) < 1)
                 .map(([k, before]) => Math.max(k.left, before.left) - Math.min(k.right, before.right)); })()""")
    assert gaps and max(gaps) <= size / 2, gaps
    context.close()


@pytest.mark.parametrize("lang", LANGS)
def test_the_key_points_are_not_indented_twice(browser, server, lang):
    """On a phone every em of indent is a word less a line: the points start one bullet's width in."""
    context, page, _ = open_page(browser, server + LANGS[lang], PHONE)
    indents = page.evaluate(f"""(() => {{ const edge = {START_EDGE}; const box = document.querySelector('.key-points h2');
      return [...document.querySelectorAll('.key-points li')].map(li =>
        Math.abs(edge(li) - edge(box)) / parseFloat(getComputedStyle(li).fontSize)); }})()""")
    assert indents and max(indents) <= 1.2, indents
    context.close()


@pytest.mark.parametrize("lang", LANGS)
def test_a_run_of_gaps_reads_as_one_box_with_one_label(browser, server, lang):
    """Four "Not in the source" boxes in a row read as four alarms; one box with the label once reads as a list."""
    context, page, _ = open_page(browser, server, PHONE)
    runs = []
    for path in PAGES:
        page.goto(server + LANGS[lang] + path, wait_until="networkidle")
        runs += page.evaluate("""[...document.querySelectorAll('.gap + .gap')].map(gap => {
            const before = gap.previousElementSibling.getBoundingClientRect(), box = gap.getBoundingClientRect();
            return [Math.round(box.top - before.bottom), gap.querySelector('strong').getBoundingClientRect().width,
                    gap.previousElementSibling.matches('.gap + .gap') ||
                      gap.previousElementSibling.querySelector('strong').getBoundingClientRect().width > 1]; })""")
    assert runs  # the timeline ends with a run of them
    assert [r for r in runs if r != [0, 1, True]] == []
    context.close()


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
@pytest.mark.parametrize("lang", LANGS)
def test_a_citation_never_starts_a_line_of_its_own(browser, server, lang, viewport):
    """"[3]" on a line by itself, under the words it cites, reads as a stray. The first number is on the line where
    the text before it ends."""
    context, page, _ = open_page(browser, server, viewport)
    stray, seen = [], 0
    for path in PAGES:
        page.goto(server + LANGS[lang] + path, wait_until="networkidle")
        found = page.evaluate("""[...document.querySelectorAll('article .cite')].map(cite => {
            // The text before it, without the no-break space that glues them: that space can follow the number
            // onto its line.
            const before = document.createRange(), glue = cite.previousSibling;
            before.setStart(cite.parentNode, 0);
            if (glue && glue.nodeType === Node.TEXT_NODE && glue.data.endsWith('\\u00a0')) before.setEnd(glue, glue.data.length - 1);
            else before.setEndBefore(cite);
            const text = [...before.getClientRects()].filter(r => r.width > 0);
            const number = (""" + NUMBER_RECTS + """)(cite)[0];
            return [cite.parentNode.textContent.slice(0, 40), text.length > 0 && number.top >= text.at(-1).bottom - 1]; })""")
        seen += len(found)
        stray += [(path, text) for text, alone in found if alone]
    assert seen
    assert stray == []
    context.close()


# ---------------------------------------------------------------- a link deep into a long page

@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
@pytest.mark.parametrize("lang", LANGS)
def test_a_link_to_an_entry_deep_in_the_index_lands_on_it(browser, server, lang, viewport):
    """Entries above it are still unrendered guesses when the page opens at its anchor: it must land regardless."""
    context, page, _ = open_page(browser, server + LANGS[lang] + "names/", viewport)
    entry_id = page.evaluate("[...document.querySelectorAll('.name-entry')].at(-2).id")
    page.goto(server + LANGS[lang] + "names/#" + entry_id, wait_until="networkidle")
    page.wait_for_timeout(500)
    top = page.evaluate(f"document.getElementById({json.dumps(entry_id)}).getBoundingClientRect().top")
    # The masthead's foot on screen, 0 where it has scrolled away (it is pinned only while slim: test_readers_layout).
    header = max(0, page.evaluate("document.querySelector('.md-header').getBoundingClientRect().bottom"))
    assert header - 1 <= top <= header + viewport["height"] / 4, (entry_id, top, header)
    context.close()


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
@pytest.mark.parametrize("lang", LANGS)
def test_each_label_in_the_names_shares_its_values_line(browser, server, lang, viewport):
    """"In Arabic" and its Arabic value, set in different scripts and sizes, sit on one baseline."""
    context, page, _ = open_page(browser, server + LANGS[lang] + "names/", viewport)
    off = page.evaluate("""(() => { const baseline = block => { const probe = document.createElement('span');
        probe.style.cssText = 'display:inline-block;block-size:0'; const line = block.querySelector('li') || block;
        line.prepend(probe); const y = probe.getBoundingClientRect().top; probe.remove(); return y; };
      return [...document.querySelectorAll('.name-entry__details dt')].map(dt =>
        [dt.textContent, Math.round(Math.abs(baseline(dt) - baseline(dt.nextElementSibling)))]).filter(p => p[1] > 1); })()""")
    assert off == []
    context.close()


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_the_english_source_title_starts_on_the_arabic_pages_side(browser, server, viewport):
    context, page, _ = open_page(browser, server + LANGS["ar"] + "about/", viewport)
    edges = page.evaluate(f"""(() => {{ const edge = {TEXT_START_EDGE};
      return ['.source-title', '.source-title__translation'].map(s => Math.round(edge(document.querySelector(s)))); }})()""")
    assert abs(edges[0] - edges[1]) <= 1, edges
    context.close()


@pytest.mark.parametrize("path", ["search/", "404.html"])
@pytest.mark.parametrize("lang", LANGS)
def test_a_short_page_keeps_its_footer_at_the_foot_of_the_screen(browser, server, lang, path):
    context, page, _ = open_page(browser, server + LANGS[lang] + path, DESKTOP)
    bottom = page.evaluate("document.querySelector('.site-footer').getBoundingClientRect().bottom")
    assert page.evaluate("document.documentElement.scrollHeight") <= DESKTOP["height"]  # the page is short
    assert abs(bottom - DESKTOP["height"]) <= 1, bottom
    context.close()


# ---------------------------------------------------------------- focus: visible everywhere, never off screen

FOCUS_STATE = """(() => {
  const e = document.activeElement;
  if (!e || e === document.body) return null;
  const s = getComputedStyle(e);
  const r = e.getBoundingClientRect();
  let p = e.parentElement, bg = 'rgba(0, 0, 0, 0)';
  while (p) { const c = getComputedStyle(p).backgroundColor; if (c !== 'rgba(0, 0, 0, 0)' && !c.endsWith(', 0)')) { bg = c; break; } p = p.parentElement; }
  if (bg === 'rgba(0, 0, 0, 0)') bg = getComputedStyle(document.body).backgroundColor;
  return {tag: e.tagName, cls: String(e.className), text: (e.textContent || '').trim().slice(0, 30),
          style: s.outlineStyle, width: parseFloat(s.outlineWidth), colour: s.outlineColor, behind: bg,
          left: r.left, right: r.right, top: r.top, bottom: r.bottom, w: r.width, h: r.height,
          vw: innerWidth, vh: innerHeight};
})()"""


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["390", "1280"])
@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("path", ["", "camps/", "search/"])
def test_every_focus_stop_is_on_screen_with_a_3_to_1_ring(browser, server, lang, path, viewport, scheme):
    context, page, _ = open_page(browser, server + LANGS[lang] + path, viewport, scheme)
    seen, problems = 0, []
    for _ in range(40):
        page.keyboard.press("Tab")
        state = page.evaluate(FOCUS_STATE)
        if state is None:
            break
        seen += 1
        where = f"{state['tag']}.{state['cls']} «{state['text']}»"
        if state["w"] < 1 or state["h"] < 1 or state["right"] < 0 or state["left"] > state["vw"] \
                or state["bottom"] < 0 or state["top"] > state["vh"]:
            problems.append(f"off screen: {where} {state['left']:.0f},{state['top']:.0f}")
            continue
        if state["style"] == "none" or state["width"] < 2:
            problems.append(f"no focus ring: {where}")
            continue
        ratio = contrast(rgb(state["colour"]), rgb(state["behind"]))
        if ratio < 3:
            problems.append(f"ring {ratio:.2f}:1 on {state['behind']}: {where}")
    assert seen >= 5
    assert problems == []
    context.close()


# ---------------------------------------------------------------- search


@pytest.mark.parametrize("lang", LANGS)
def test_search_loads_only_when_the_reader_starts(browser, server, lang):
    context, page, requests = open_page(browser, server + LANGS[lang] + "search/")
    page.wait_for_timeout(300)
    search = ("/assets/javascripts/search.js", "/assets/javascripts/minisearch.js", f"/assets/search/{lang}.json")
    assert [u for u in requests if u.endswith(search)] == []
    assert page.evaluate("document.activeElement.id") != "search-input", "not focused on arrival"
    page.focus("#search-input")
    page.wait_for_load_state("networkidle")
    assert {s for s in search if any(u.endswith(s) for u in requests)} == set(search)
    context.close()


def _results(browser, url: str, query: str) -> tuple[list[str], str]:
    context, page, _ = open_page(browser, url)
    page.fill("#search-input", query)
    page.wait_for_selector("#search .search-result__link", timeout=10000)
    page.wait_for_timeout(300)
    links = page.eval_on_selector_all("#search .search-result__link", "els => els.map(e => e.href)")
    message = page.inner_text("#search .search-message")
    context.close()
    return links, message


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("query,faction", [("زنكي", "nour-al-din-al-zenki-movement"), ("Zenki", "nour-al-din-al-zenki-movement"),
                                           ("أحرار", "ahrar-al-sham"), ("Ahrar", "ahrar-al-sham"),
                                           ("فيلق الرحمن", "al-rahman-legion"), ("Rahman", "al-rahman-legion")])
def test_a_name_in_either_script_finds_its_faction_from_either_search_page(browser, server, lang, query, faction):
    links, _ = _results(browser, server + LANGS[lang] + "search/", query)
    own = [link for link in links if ("/ar/" in link) == (lang == "ar")]
    assert own == links, "results stay in the page's language"
    assert any(link.endswith(f"camps/#{faction}") for link in links), links


def test_arabic_result_counts_take_every_plural_form(browser, server):
    context, page, _ = open_page(browser, server + "ar/search/")
    strings = json.loads(page.inner_text("#explainer-strings"))
    forms = {n: page.evaluate(f"new Intl.PluralRules('ar').select({n})") for n in (0, 1, 2, 3, 10, 11, 99, 100)}
    assert forms == {0: "zero", 1: "one", 2: "two", 3: "few", 10: "few", 11: "many", 99: "many", 100: "other"}
    results = strings["results"]
    assert set(results) >= {"zero", "one", "two", "few", "many", "other"}
    assert "{n}" not in results["one"] and "{n}" not in results["two"]  # «نتيجة واحدة», «نتيجتان»
    assert all("{query}" in form and " ل " not in form and "ل «" not in form for form in results.values())
    # A search with one result reads in the singular, in Arabic digits where there is a number.
    page.fill("#search-input", "أحرار")
    page.wait_for_selector("#search .search-result__link", timeout=10000)
    page.wait_for_timeout(300)
    message = page.inner_text("#search .search-message")
    count = page.locator("#search .search-result").count()
    expected = results[forms.get(count, "many" if 11 <= count <= 99 else "few")].replace("{query}", "أحرار")
    assert message == expected.replace("{n}", str(count).translate(str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")))
    context.close()
