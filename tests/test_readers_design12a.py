"""Review 13's small layout findings (issue 21), in Debian's Chromium: notes on the source upright, not italic; the
404 page's other-language block on the text column; the phone menu's button showing × while the menu is open."""
from __future__ import annotations

import pytest

from .conftest import LANGS
from .test_browser import PHONE, open_page
from .test_readers_rail import WIDE

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("path, selector", [("", "figcaption.figure-sources"), ("about/", ".source-section"),
                                            ("about/", "cite.source-title")])
def test_notes_about_the_source_are_upright(browser, server, lang, path, selector):
    context, page, _ = open_page(browser, server + LANGS[lang] + path, WIDE)
    styles = page.evaluate(f"[...document.querySelectorAll({selector!r})].map(e => getComputedStyle(e).fontStyle)")
    context.close()
    assert styles and set(styles) == {"normal"}, styles


@pytest.mark.parametrize("lang", LANGS)
def test_the_404s_other_language_block_is_on_the_text_column(browser, server, lang):
    """Review 13: at 1280 px the English 404's Arabic block and its rule started at x = 220, the text at 90."""
    context, page, _ = open_page(browser, server + LANGS[lang] + "404.html", WIDE)
    edges = page.evaluate("""(() => { const other = document.querySelector('.not-found-other');
      const text = other.parentElement.querySelector(':scope > p');
      const a = other.getBoundingClientRect(), b = text.getBoundingClientRect();
      return [[a.left, a.right], [b.left, b.right]]; })()""")
    context.close()
    assert edges[0] == pytest.approx(edges[1], abs=1), edges


@pytest.mark.parametrize("lang", LANGS)
def test_the_phone_menus_button_shows_a_cross_while_open(browser, server, lang):
    context, page, _ = open_page(browser, server + LANGS[lang], PHONE)
    button = page.locator(".masthead__menu")
    assert button.locator("svg").is_visible()
    button.click()
    page.wait_for_function("document.querySelector('.masthead__menu').getAttribute('aria-expanded') === 'true'")
    glyph = page.evaluate("getComputedStyle(document.querySelector('.masthead__menu'), '::before').content")
    assert not button.locator("svg").is_visible() and "×" in glyph, glyph
    page.keyboard.press("Escape")
    page.wait_for_function("document.querySelector('.masthead__menu').getAttribute('aria-expanded') === 'false'")
    assert button.locator("svg").is_visible()
    context.close()
