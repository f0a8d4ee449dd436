"""The citation card has a visible way out (issue 21's review): a × button first in the card, named in the page's
language (data/i18n/), at least 24 x 24 px, reached by Tab from the citation, that closes the card and hands the
focus back to the citation button, whose state says "collapsed" at once. In Debian's Chromium, both schemes."""
from __future__ import annotations

import pytest

from explainer.pages.site import load_data
from explainer.render.strings import t

from .conftest import LANGS, ROOT
from .test_browser import DESKTOP, PHONE, open_page

pytestmark = pytest.mark.browser
DATA = load_data(ROOT / "data")
TARGET = 24  # px, WCAG 2.2's 2.5.8


def _accessible_name(page, selector: str) -> str:
    cdp = page.context.new_cdp_session(page)
    root = cdp.send("DOM.getDocument", {"depth": 0})["root"]["nodeId"]
    node = cdp.send("DOM.querySelector", {"nodeId": root, "selector": selector})["nodeId"]
    return cdp.send("Accessibility.getPartialAXTree", {"nodeId": node, "fetchRelatives": False})["nodes"][0]["name"]["value"]


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
@pytest.mark.parametrize("lang", LANGS)
def test_the_card_closes_from_its_own_button_and_gives_the_focus_back(browser, server, lang, viewport, scheme):
    context, page, _ = open_page(browser, server + LANGS[lang] + "reasons/", viewport, scheme)
    button = page.locator(".cite__button").first
    card = page.locator(".cite__panel").first
    button.focus()
    page.keyboard.press("Enter")
    # The summaries replace the card's links when they arrive; the button stays, first.
    page.wait_for_function("c => c.querySelector('.cite__item')", arg=card.element_handle(), timeout=5000)
    close = card.locator(".cite__close")
    assert close.count() == 1 and close.is_visible()
    assert card.evaluate("c => c.firstElementChild.classList.contains('cite__close')")
    box = close.bounding_box()
    assert box["width"] >= TARGET and box["height"] >= TARGET, box
    assert _accessible_name(page, ".cite__panel:popover-open .cite__close") == t(DATA, lang, "close")
    # It stands out from the card: its × is not the card's background colour.
    colours = close.evaluate("b => [getComputedStyle(b).color, getComputedStyle(b.parentElement).backgroundColor]")
    assert colours[0] != colours[1], colours
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.classList.contains('cite__close')")
    page.keyboard.press("Enter")
    # Closed, the citation focused and its state told, with no wait: all of it is done in the click.
    assert page.evaluate("""() => [document.querySelector('.cite__panel').matches(':popover-open'),
        document.activeElement.classList.contains('cite__button'),
        document.activeElement.getAttribute('aria-expanded')]""") == [False, True, "false"]
    # And it opens again from the same button.
    page.keyboard.press("Enter")
    assert card.evaluate("c => c.matches(':popover-open')")
    context.close()
