"""Sources one tap away and a diagram that reads at any text size (issue 21, items 5 and 6), in Debian's Chromium.

Citations: a group of paragraph numbers is one button (explainer.js) that opens, in place, our summary of each cited
paragraph with its link to About; it opens from the keyboard, says its name and state to a screen reader, is a
target of at least 24 x 24 px, and does not move the text when it replaces the links; without scripts the numbers
are links to paragraphs that exist. The camps diagram (explainer/render/figures.py) is HTML: its labels grow with
text zoom, none touches its box, and each box is as tall as its own name needs.
"""
from __future__ import annotations

import re
from urllib.parse import urljoin, urlsplit

import pytest

from explainer.data.languages import LIST_COMMA
from explainer.pages.site import load_data
from explainer.render.strings import digits, t

from .conftest import LANGS, PAGES, ROOT
from .test_browser import AXE, DESKTOP, PHONE, open_page

pytestmark = pytest.mark.browser
DATA = load_data(ROOT / "data")
SUMMARY = {lang: {p.n: getattr(p.summary, lang) for p in DATA.source.paragraphs} for lang in LANGS}
CITED_PAGES = [p for p in PAGES if p != "search/"]  # the search page cites nothing

def _numbers(paras: list[int], lang: str) -> str:
    return LIST_COMMA[lang].join(digits(str(n), lang) for n in paras)


def _accessible(page, selector_index: int) -> dict:
    """Role, name and expanded state of the nth citation button, from Chromium's accessibility tree."""
    cdp = page.context.new_cdp_session(page)
    page.evaluate(f"document.querySelectorAll('.cite__button')[{selector_index}].setAttribute('data-probe', '')")
    root = cdp.send("DOM.getDocument", {"depth": 0})["root"]["nodeId"]
    node = cdp.send("DOM.querySelector", {"nodeId": root, "selector": "[data-probe]"})["nodeId"]
    ax = cdp.send("Accessibility.getPartialAXTree", {"nodeId": node, "fetchRelatives": False})["nodes"][0]
    page.evaluate("document.querySelector('[data-probe]').removeAttribute('data-probe')")
    props = {p["name"]: p["value"].get("value") for p in ax.get("properties", [])}
    return {"role": ax["role"]["value"], "name": ax["name"]["value"], "expanded": props.get("expanded")}


def _groups(page) -> list[list[int]]:
    """The paragraphs each citation button cites, in page order (from the links its card holds)."""
    return page.evaluate("""[...document.querySelectorAll('.cite__button')].map(b =>
        [...b.nextElementSibling.querySelectorAll('a[href*="#p-"]')].map(a => +a.hash.slice(3)))""")


# ---------------------------------------------------------------- citations


@pytest.mark.parametrize("lang", LANGS)
def test_the_keyboard_opens_the_summaries_in_place_and_escape_closes_them(browser, server, lang):
    context, page, requests = open_page(browser, server + LANGS[lang], PHONE)
    assert not [u for u in requests if "/assets/sources/" in u], "the summaries are fetched only when a reader asks"
    groups = _groups(page)
    index = next(i for i, paras in enumerate(groups) if len(paras) > 1)  # a group of several paragraphs
    button = page.locator(".cite__button").nth(index)
    button.focus()
    page.keyboard.press("Enter")
    card = page.locator(".cite__panel").nth(index)
    page.wait_for_function("c => c.querySelector('.cite__item')", arg=card.element_handle(), timeout=5000)
    text = re.sub(r"\s+", " ", card.inner_text())
    for n in groups[index]:
        assert digits(SUMMARY[lang][n], lang) in text, n
        assert card.locator(f'a[href$="about/#p-{n}"]').count() == 1
    placed = page.evaluate("""([b, c]) => { const x = b.getBoundingClientRect(), y = c.getBoundingClientRect();
        return {below: y.top - x.bottom, above: x.top - y.bottom, left: y.left, right: y.right,
                em: parseFloat(getComputedStyle(c).fontSize)}; }""", [button.element_handle(), card.element_handle()])
    # Beside its citation (just under or just over it), never over it, and within the screen.
    assert any(0 <= placed[side] <= placed["em"] for side in ("below", "above")), placed
    assert 0 <= placed["left"] and placed["right"] <= PHONE["width"], placed
    # Its summaries wrap inside it (the group it opens from never wraps, and the card inherited that once).
    assert card.evaluate("c => c.scrollWidth <= c.clientWidth"), "a summary runs past the card's edge"
    assert page.evaluate("document.activeElement.classList.contains('cite__button')")
    page.keyboard.press("Escape")
    assert not card.is_visible()
    assert page.evaluate("document.activeElement.classList.contains('cite__button')")
    page.keyboard.press(" ")
    assert card.is_visible()
    context.close()


@pytest.mark.parametrize("lang", LANGS)
def test_a_screen_reader_hears_a_button_with_its_paragraphs_and_whether_it_is_open(browser, server, lang):
    context, page, _ = open_page(browser, server + LANGS[lang] + "camps/", PHONE)
    groups = _groups(page)
    assert groups
    for index in sorted({0, len(groups) - 1, next(i for i, g in enumerate(groups) if len(g) > 1)}):
        paras = groups[index]
        label = t(DATA, lang, "cite_label", len(paras))
        told = _accessible(page, index)
        assert told == {"role": "button", "name": f"{label} {_numbers(paras, lang)}", "expanded": False}, told
        page.locator(".cite__button").nth(index).focus()
        page.keyboard.press("Enter")
        assert _accessible(page, index)["expanded"] is True
        page.keyboard.press("Escape")
    # The state changes with the card, not a task later (a reader asking in between heard "collapsed").
    told = page.evaluate("""b => { b.click(); const opened = b.getAttribute('aria-expanded');
        b.nextElementSibling.hidePopover(); return [opened, b.getAttribute('aria-expanded')]; }""",
                         page.locator(".cite__button").first.element_handle())
    assert told == ["true", "false"], told
    context.close()


@pytest.mark.parametrize("lang", LANGS)
def test_without_scripts_every_number_links_to_its_paragraph_in_about(browser, server, lang):
    context = browser.new_context(viewport=PHONE, java_script_enabled=False, device_scale_factor=1)
    page = context.new_page()
    targets, buttons = set(), 0
    for path in CITED_PAGES:
        page.goto(server + LANGS[lang] + path, wait_until="networkidle")
        buttons += page.locator(".cite__button").count()
        hrefs = page.evaluate("[...document.querySelectorAll('article .cite a')].map(a => [a.href, a.textContent])")
        assert hrefs, path
        for href, number in hrefs:  # a range ("9–11") links to its first paragraph
            first = number.split("\u2013")[0]
            assert href.endswith(f"#p-{int(first.translate(str.maketrans('٠١٢٣٤٥٦٧٨٩', '0123456789')))}"), href
            targets.add(href)
    assert buttons == 0  # the links stay links
    about = {urlsplit(href)._replace(fragment="").geturl() for href in targets}
    assert len(about) == 1 and next(iter(about)) == urljoin(server + LANGS[lang], "about/")
    page.goto(next(iter(about)), wait_until="networkidle")
    missing = [h for h in targets if page.locator(f"#{urlsplit(h).fragment}").count() != 1]
    assert missing == []
    context.close()


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
@pytest.mark.parametrize("lang", LANGS)
def test_every_citation_is_a_target_of_at_least_24_px(browser, server, lang, viewport):
    """WCAG 2.2's target size (2.5.8, AA): at least 24 x 24 CSS px, on every line a group takes."""
    context, page, _ = open_page(browser, server, viewport)
    small, seen = [], 0
    for path in CITED_PAGES:
        page.goto(server + LANGS[lang] + path, wait_until="networkidle")
        found = page.evaluate("""[...document.querySelectorAll('.cite__button')].map(b => {
            const box = b.getBoundingClientRect(), lines = [...b.getClientRects()];
            return [b.textContent, box.width, Math.min(...lines.map(r => r.height)), lines.length]; })""")
        seen += len(found)
        small += [(path, *f) for f in found if f[1] < 24 or f[2] < 24]
    assert seen
    assert small == []
    context.close()


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_a_group_of_one_or_two_paragraphs_stays_on_one_line(browser, server, lang, viewport):
    """"[1," at the end of one line and "2]" at the start of the next reads as two citations (the design review
    found it on home, reasons and the timeline). Longer groups may break after a comma, rather than overflow at 200%."""
    context, page, _ = open_page(browser, server, viewport)
    broken, seen = [], 0
    for path in CITED_PAGES:
        page.goto(server + LANGS[lang] + path, wait_until="networkidle")
        found = page.evaluate("""[...document.querySelectorAll('.cite__button')].map(b =>
            [b.textContent, b.nextElementSibling.querySelectorAll('a[href*="#p-"]').length,
             new Set([...b.getClientRects()].map(r => Math.round(r.top))).size])""")
        seen += sum(1 for _, n, _ in found if n <= 2)
        broken += [(path, text) for text, n, lines in found if n <= 2 and lines > 1]
    assert seen
    assert broken == []
    context.close()


@pytest.mark.parametrize("lang", LANGS)
def test_turning_the_links_into_a_button_moves_nothing(browser, server, lang):
    """The button replaces the links after the page is painted: it has their brackets, padding and text, so no line
    of text moves (the layout shift stays 0)."""
    def boxes(enabled: bool) -> list:
        context = browser.new_context(viewport=PHONE, java_script_enabled=enabled, device_scale_factor=1)
        page = context.new_page()
        page.goto(server + LANGS[lang], wait_until="networkidle")
        page.evaluate("document.fonts.ready")
        # Blocks laid out only when near the screen (content-visibility: auto, the diagram) count at their guessed
        # size until then: the citations below them moved by 14 px between two loads in one full run. Laid out.
        page.evaluate("""document.querySelectorAll('article *').forEach(e => {
            if (getComputedStyle(e).contentVisibility === 'auto') e.style.contentVisibility = 'visible'; })""")
        # A citation inside a closed disclosure (the diagram as a list) is drawn in neither case: it moves nothing.
        found = page.evaluate("""[...document.querySelectorAll('article .cite')].filter(c => !c.closest('details:not([open])')).map(c => {
            const r = c.getBoundingClientRect(); return [Math.round(r.left), Math.round(r.top), Math.round(r.right), Math.round(r.bottom)]; })""")
        context.close()
        return found
    without, with_script = boxes(False), boxes(True)
    assert without and with_script == without


# ---------------------------------------------------------------- the camps diagram

DIAGRAM = """(() => {
  const figure = document.querySelector('#camps-figure');
  figure.scrollIntoView();  // laid out (content-visibility) before it is measured
  const rect = e => { const r = e.getBoundingClientRect(); return {l: r.left, t: r.top, r: r.right, b: r.bottom}; };
  const text = e => { const lines = [], walk = document.createTreeWalker(e, NodeFilter.SHOW_TEXT);
    for (let node; (node = walk.nextNode());) { const range = document.createRange(); range.selectNodeContents(node);
      lines.push(...[...range.getClientRects()].filter(r => r.width > 0)); }
    return {l: Math.min(...lines.map(r => r.left)), t: Math.min(...lines.map(r => r.top)),
            r: Math.max(...lines.map(r => r.right)), b: Math.max(...lines.map(r => r.bottom))}; };
  return [...figure.querySelectorAll('.diagram__box')].map(box => {
    const style = getComputedStyle(box);
    return {cls: box.className, name: box.textContent, box: rect(box), text: text(box), size: parseFloat(style.fontSize),
            body: parseFloat(getComputedStyle([...document.querySelectorAll('article p')]  // running text
                    .sort((a, b) => b.textContent.length - a.textContent.length)[0]).fontSize),
            padding: parseFloat(style.paddingTop) + parseFloat(style.paddingBottom)
                     + parseFloat(style.borderTopWidth) + parseFloat(style.borderBottomWidth),
            lineHeight: parseFloat(style.lineHeight)}; });
})()"""


def _diagram(browser, server, lang, viewport, zoom=1):
    context = browser.new_context(viewport=viewport, device_scale_factor=1)
    page = context.new_page()
    if zoom == 2:  # the browser's own text size setting, doubled
        page.context.new_cdp_session(page).send("Page.setFontSizes", {"fontSizes": {"standard": 32, "fixed": 26}})
    page.goto(server + LANGS[lang], wait_until="networkidle")
    page.evaluate("document.fonts.ready")
    boxes = page.evaluate(DIAGRAM)
    context.close()
    return boxes


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["390", "1280"])
@pytest.mark.parametrize("lang", LANGS)
def test_diagram_labels_grow_with_text_zoom(browser, server, lang, viewport):
    """At 200% text every label grows as the body text does (about double: the body steps down a size on a desktop
    whose width is then under 60em), never held at the size the figure's width once gave it (17 px)."""
    normal, doubled = (_diagram(browser, server, lang, viewport, zoom) for zoom in (1, 2))
    body = doubled[0]["body"] / normal[0]["body"]
    ratios = [b["size"] / a["size"] for a, b in zip(normal, doubled)]
    assert len(normal) == len(doubled) and body > 1.8 and min(ratios) >= body * 0.98, (body, ratios)


@pytest.mark.parametrize("zoom", [1, 2], ids=["100%", "200% text"])
@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["390", "1280"])
@pytest.mark.parametrize("lang", LANGS)
def test_no_diagram_label_touches_its_box(browser, server, lang, viewport, zoom):
    """Every label inside its box with room on each side: at least a fifth of the text's size (the box's padding
    is more), so "Suquor al-Sham Brigade" no longer runs into its box's edges."""
    boxes = _diagram(browser, server, lang, viewport, zoom)
    tight = []
    for b in boxes:
        room = min(b["text"]["l"] - b["box"]["l"], b["box"]["r"] - b["text"]["r"],
                   b["text"]["t"] - b["box"]["t"], b["box"]["b"] - b["text"]["b"])
        if room < b["size"] / 5:
            tight.append((b["name"], round(room, 1)))
    assert boxes and tight == []


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["390", "1280"])
@pytest.mark.parametrize("lang", LANGS)
def test_cells_are_as_tall_as_their_longest_name_needs(browser, server, lang, viewport):
    """Review 11 asked for equal cells (a camp's boxes two a row, all one size: tests/test_readers_design11a.py), so
    a box may be taller than its own name: never taller than the longest name among the boxes of its size needs.
    A name that fits on one line takes one."""
    boxes = _diagram(browser, server, lang, viewport)
    factions = [b for b in boxes if re.search(r"diagram__box--(attended|refused)\b", b["cls"])]
    assert len(factions) == len(DATA.factions.factions)
    sizes: dict[float, list[dict]] = {}  # boxes by height, a pixel's rounding apart counted as one
    for b in factions:
        height = b["box"]["b"] - b["box"]["t"]
        sizes.setdefault(next((h for h in sizes if abs(h - height) <= 1), height), []).append(b)
    taller = [(height, [b["name"] for b in same]) for height, same in sizes.items()
              if not any(height - b["padding"] <= (b["text"]["b"] - b["text"]["t"]) + b["lineHeight"] / 2 for b in same)]
    assert taller == []
    one_line = [b for b in factions if b["text"]["b"] - b["text"]["t"] < 1.5 * b["lineHeight"]]
    assert one_line  # short names keep to one line, whatever the cell's height


@pytest.mark.parametrize("lang", LANGS)
def test_the_diagram_is_one_image_named_as_before(browser, server, lang):
    """To a screen reader the figure is one image with the SVG's title and description (tests/test_figures.py
    checks their words); the list version follows it."""
    context, page, _ = open_page(browser, server + LANGS[lang], PHONE)
    cdp = page.context.new_cdp_session(page)
    root = cdp.send("DOM.getDocument", {"depth": 0})["root"]["nodeId"]
    node = cdp.send("DOM.querySelector", {"nodeId": root, "selector": "#camps-figure .diagram"})["nodeId"]
    ax = cdp.send("Accessibility.getPartialAXTree", {"nodeId": node, "fetchRelatives": False})["nodes"][0]
    title = page.evaluate("document.getElementById('camps-figure-title').textContent")
    desc = page.evaluate("document.getElementById('camps-figure-desc').textContent")
    assert ax["role"]["value"] == "image" and ax["name"]["value"] == f"{title} {desc}"
    assert title == digits(t(DATA, lang, "diagram_title_camps"), lang)
    context.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("lang", LANGS)
def test_axe_finds_no_wcag_violation_with_a_card_open(browser, server, lang, scheme):
    """The card's text, links and colours on top of the page, checked as test_browser checks every page."""
    context, page, _ = open_page(browser, server + LANGS[lang] + "camps/", PHONE, scheme, bypass_csp=True)
    page.locator(".cite__button").first.click()
    page.wait_for_selector(".cite__panel:popover-open .cite__item")
    page.add_script_tag(content=AXE)
    result = page.evaluate("async () => await axe.run(document, {runOnly: {type: 'tag', values: "
                           "['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']}})")
    assert [(v["id"], [n["target"] for n in v["nodes"]][:3]) for v in result["violations"]] == []
    context.close()
