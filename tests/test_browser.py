"""What a reader's browser sees: Playwright driving Debian's Chromium (never a downloaded browser)."""
from __future__ import annotations

import json
from urllib.parse import urlsplit

import pytest

from .conftest import CHROMIUM, CHROMIUM_ARGS, LANGS, OUTPUT, PAGES, ROOT

pytestmark = pytest.mark.browser
ARGS = CHROMIUM_ARGS
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}
SHOTS = OUTPUT / "screenshots"
AXE = (ROOT / "node_modules/axe-core/axe.min.js").read_text(encoding="utf-8")


def open_page(browser, url: str, viewport=PHONE, scheme: str = "light", bypass_csp: bool = False):
    context = browser.new_context(viewport=viewport, color_scheme=scheme, device_scale_factor=1, bypass_csp=bypass_csp)
    page = context.new_page()
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto(url, wait_until="networkidle")
    page.evaluate("document.fonts.ready")
    return context, page, requests


def name(lang: str, path: str) -> str:
    return f"{lang}-{path.strip('/').replace('/', '-') or 'home'}"


@pytest.mark.parametrize("path", PAGES)
@pytest.mark.parametrize("lang", LANGS)
def test_phone_page_fits_and_stays_on_this_host(browser, server, lang, path):
    context, page, requests = open_page(browser, server + LANGS[lang] + path)
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name(lang, path)}-390-light.png"), full_page=True)
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["width"], f"horizontal scroll: {width}px"
    own = urlsplit(server).netloc
    assert [u for u in requests if urlsplit(u).netloc not in (own, "")] == []
    context.close()


@pytest.mark.parametrize("path", ["", "camps/", "timeline/", "names/", "reasons/", "outlook/"])
@pytest.mark.parametrize("lang", LANGS)
def test_screenshots_desktop_and_dark(browser, server, lang, path):
    SHOTS.mkdir(parents=True, exist_ok=True)
    for viewport, label in ((DESKTOP, "1280"), (PHONE, "390")):
        for scheme in ("light", "dark"):
            if (label, scheme) == ("390", "light"):
                continue
            context, page, _ = open_page(browser, server + LANGS[lang] + path, viewport, scheme)
            page.screenshot(path=str(SHOTS / f"{name(lang, path)}-{label}-{scheme}.png"), full_page=True)
            assert page.evaluate("document.documentElement.scrollWidth") <= viewport["width"]
            context.close()


@pytest.mark.parametrize("lang,direction", [("en", "ltr"), ("ar", "rtl")])
def test_direction_and_mirrored_layout(browser, server, lang, direction):
    context, page, _ = open_page(browser, server + LANGS[lang])
    assert page.evaluate("getComputedStyle(document.documentElement).direction") == direction
    assert page.evaluate("document.documentElement.getAttribute('dir') || 'ltr'") == direction
    # The menu button sits at the reading start: left in English, right in Arabic.
    box = page.locator("label.md-header__button[for='__drawer']").bounding_box()
    assert (box["x"] < PHONE["width"] / 2) == (direction == "ltr")
    # The figure is mirrored: a camp's first box is on the reading-start side (the camps are stacked on a phone,
    # each a grid of two boxes a row).
    page.locator("#camps-figure").scroll_into_view_if_needed()
    boxes = page.locator("#camps-figure .diagram__camp li.diagram__box")
    first, second = (boxes.nth(i).bounding_box()["x"] for i in range(2))
    assert (first < second) == (direction == "ltr")
    context.close()


def test_camps_side_by_side_on_desktop_stacked_on_phone(browser, server):
    for viewport, side_by_side in ((DESKTOP, True), (PHONE, False)):
        context, page, _ = open_page(browser, server + "camps/", viewport)
        a = page.locator("section.camp--attended").bounding_box()
        r = page.locator("section.camp--refused").bounding_box()
        assert (abs(a["y"] - r["y"]) < 5) == side_by_side
        context.close()


@pytest.mark.parametrize("start,section,other", [("", "refused", "ar/"), ("ar/", "refused", "")])
def test_language_switch_keeps_the_section(browser, server, start, section, other):
    context, page, _ = open_page(browser, server + start + f"camps/#{section}")
    target_lang = "ar" if other == "ar/" else "en"
    page.locator(".masthead .md-select").first.hover()
    page.locator(f".md-select a[hreflang='{target_lang}']").first.click()
    page.wait_for_load_state("networkidle")
    assert page.url == server + other + f"camps/#{section}"
    top = page.evaluate(f"document.getElementById('{section}').getBoundingClientRect().top")
    assert 0 <= top < PHONE["height"] / 2, "the section is scrolled into view"
    context.close()


def _search(browser, url: str, query: str) -> list[str]:
    context, page, requests = open_page(browser, url)
    page.fill("#search input", query)
    page.wait_for_selector("#search .search-result__link", timeout=10000)
    links = page.eval_on_selector_all("#search .search-result__link", "els => els.map(e => e.href)")
    context.close()
    return links


@pytest.mark.parametrize("query", ["أحرار", "الشام", "فيلق الرحمن", "قسد", "Faylaq"])
def test_arabic_search_finds_arabic_pages(browser, server, query):
    links = _search(browser, server + "ar/search/", query)
    assert links and all("/ar/" in link for link in links), links


def test_arabic_search_counts_in_arabic_digits(browser, server):
    context, page, _ = open_page(browser, server + "ar/search/")
    page.fill("#search input", "الشام")
    page.wait_for_selector("#search .search-result__link", timeout=10000)
    page.wait_for_timeout(300)
    message = page.inner_text("#search .search-message")
    assert any(d in message for d in "٠١٢٣٤٥٦٧٨٩") and not any(d in message for d in "0123456789"), message
    context.close()


@pytest.mark.parametrize("query", ["Ahrar", "Zenki", "Nusra", "Fatah", "فيلق الشام"])
def test_english_search_finds_english_pages_by_any_spelling(browser, server, query):
    links = _search(browser, server + "search/", query)
    assert links and not any("/ar/" in link for link in links), links


def test_search_index_is_not_loaded_on_other_pages(browser, server):
    context, page, requests = open_page(browser, server + "camps/")
    assert not [u for u in requests if "/assets/search/" in u or u.endswith(("/minisearch.js", "/search.js"))]
    context.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("path", PAGES)
@pytest.mark.parametrize("lang", LANGS)
def test_axe_finds_no_wcag_violation(browser, server, lang, path, scheme):
    # axe is added as an inline script, which the pages' Content-Security-Policy (rightly) refuses.
    context, page, _ = open_page(browser, server + LANGS[lang] + path, PHONE, scheme, bypass_csp=True)
    page.add_script_tag(content=AXE)
    result = page.evaluate(
        "async () => await axe.run(document, {runOnly: {type: 'tag', values: "
        "['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']}})"
    )
    violations = [
        {"id": v["id"], "nodes": [n["target"] for n in v["nodes"]][:5], "help": v["help"]} for v in result["violations"]
    ]
    assert violations == [], json.dumps(violations, ensure_ascii=False, indent=1)
    context.close()


def test_keyboard_skip_link_and_visible_focus(browser, server):
    context, page, _ = open_page(browser, server + "camps/")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.className")
    assert "md-skip" in focused
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline != "none"
    context.close()


def test_print_gives_a_clean_brief_with_citations(browser, server):
    context, page, _ = open_page(browser, server + "reasons/", DESKTOP)
    page.emulate_media(media="print")
    # Of the masthead, only the site's name and dateline are printed (test_reading checks them).
    for furniture in (".masthead__menu", ".masthead__tools", ".masthead__nav"):
        assert page.evaluate(f"getComputedStyle(document.querySelector('{furniture}')).display") == "none", furniture
    assert page.evaluate("getComputedStyle(document.querySelector('.cite')).display") != "none"
    context.close()


def test_dark_mode_follows_the_system_and_has_a_toggle(browser, server):
    context, page, _ = open_page(browser, server + "ar/", PHONE, "dark")
    assert page.evaluate("document.body.getAttribute('data-md-color-scheme')") == "slate"
    toggle = page.locator("form[data-md-component='palette'] label").first
    assert "الوضع" in (toggle.get_attribute("title") or toggle.get_attribute("aria-label") or "")
    context.close()
