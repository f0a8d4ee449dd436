"""Hostile text in every data field the site prints is shown as written, on every surface, in a real browser:
body, menus, header, footer, <title>, meta and Open Graph tags, figures, names, search, the palette toggle's
labels and both 404 pages. Nothing from data runs as HTML or as a template."""
from __future__ import annotations

import functools
import http.server
import threading

import pytest
import yaml

from .conftest import ROOT, _Quiet, copy_project, free_port, mkdocs_build
from .test_browser import PHONE

pytestmark = pytest.mark.browser

# No digits: Arabic pages write digits in Arabic-Indic, which would change the text under test.
ATTACK = "<img src=x onerror=\"window.__pwned=true\">\"'&amp; {{ config.site_url }} <script>window.__pwned=true</script>"
# A name may hold at most schema.MAX_NAME characters: the same attack, without the Jinja part, fits.
NAME_ATTACK = "<img src=x onerror=\"window.__pwned=true\">&amp;<script>window.__pwned=true</script>"
EN = {"site": "Site " + ATTACK, "toggle": "Dark " + ATTACK, "not_found": "Lost " + ATTACK, "faction": "Legion " + NAME_ATTACK}
AR = {"site": "موقع " + ATTACK, "toggle": "داكن " + ATTACK, "not_found": "مفقودة " + ATTACK, "faction": "فيلق " + NAME_ATTACK}
TEXT = {"en": EN, "ar": AR}


# A menu label holds at most schema.MAX_NAV (30) characters, and no two pages share one: a letter of the page's
# own script for its place in the menu, then markup that would run at once if it were live.
NAV_ATTACK = "<svg onload=__pwned=top>"  # a global, so window.__pwned; no digit (Arabic pages rewrite digits)
LETTERS = {"en": "abcdefghijklmnopqrstuvwxyz", "ar": "ابتثجحخدذرزسشصضطظعغفقكلمنهوي"}
PAGE_IDS = [p["id"] for p in yaml.safe_load((ROOT / "data" / "pages.yml").read_text(encoding="utf-8"))["pages"]]


def nav(lang: str, page_id: str) -> str:
    return f"{LETTERS[lang][PAGE_IDS.index(page_id)]} {NAV_ATTACK}"


def title(lang: str, page_id: str) -> str:
    return ("Title-" if lang == "en" else "عنوان-") + page_id.replace("index", "home") + " " + ATTACK


def description(lang: str) -> str:
    return ("About " if lang == "en" else "عن ") + ATTACK


def _rewrite(path, change) -> None:
    value = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(value)
    path.write_text(yaml.safe_dump(value, allow_unicode=True, sort_keys=False, width=10_000), encoding="utf-8")


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    """The real project with hostile text in pages.yml, the interface strings and one faction; built and served."""
    project = copy_project(tmp_path_factory.mktemp("hostile") / "project")
    data = project / "data"

    def pages(value):
        for page in value["pages"]:
            page["nav"] = {lang: nav(lang, page["id"]) for lang in TEXT}
            page["title"] = {lang: title(lang, page["id"]) for lang in TEXT}
            page["description"] = {lang: description(lang) for lang in TEXT}

    def strings(lang):
        # An interface string writes a literal brace doubled, as in Python's str.format; the page shows it single.
        written = {name: text.replace("{", "{{").replace("}", "}}") for name, text in TEXT[lang].items()}

        def change(value):
            value["site_name"] = value["site_description"] = written["site"]
            value["toggle_dark"] = value["toggle_light"] = written["toggle"]
            value["not_found_title"] = written["not_found"]
        return change

    def factions(value):
        value["factions"][0]["name"] = {lang: TEXT[lang]["faction"] for lang in TEXT}

    _rewrite(data / "pages.yml", pages)
    _rewrite(data / "factions.yml", factions)
    for lang in TEXT:
        _rewrite(data / f"i18n/{lang}.yml", strings(lang))
    port = free_port()
    base = f"http://127.0.0.1:{port}/astana-2017/"
    site = tmp_path_factory.mktemp("hostile-site") / "astana-2017"
    result = mkdocs_build(project, site, base)
    assert result.returncode == 0, result.stderr
    handler = functools.partial(_Quiet, directory=str(site.parent))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield base
    httpd.shutdown()


@pytest.fixture(scope="module")
def page_of(hostile, browser):
    # bypass_csp: the escaping must hold by itself, not only because the policy would block what slipped through.
    context = browser.new_context(viewport=PHONE, bypass_csp=True)
    dialogs: list[str] = []

    def open_(path: str):
        page = context.new_page()
        page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
        page.goto(hostile + path, wait_until="networkidle")
        return page, dialogs

    yield open_
    context.close()


def assert_nothing_ran(page, dialogs) -> None:
    assert dialogs == []
    assert page.evaluate("window.__pwned") is None
    assert page.locator('img[src="x"]').count() == 0
    assert page.evaluate("[...document.scripts].filter(s => s.textContent.includes('__pwned')).length") == 0
    # The template was not run: the Jinja expression is still text somewhere, never its value.
    assert "astana-2017/ " not in page.evaluate("document.body.textContent")


PAGES = [("en", "index", ""), ("en", "camps", "camps/"), ("ar", "index", "ar/"), ("ar", "camps", "ar/camps/")]


@pytest.mark.parametrize("lang, page_id, path", PAGES)
def test_head_shows_data_as_written(page_of, lang, page_id, path):
    page, dialogs = page_of(path)
    assert_nothing_ran(page, dialogs)
    assert page.title() == f"{title(lang, page_id)} · {TEXT[lang]['site']}"
    meta = lambda selector: page.locator(selector).get_attribute("content")  # noqa: E731
    assert meta('meta[name="description"]') == description(lang)
    assert meta('meta[property="og:title"]') == title(lang, page_id)
    assert meta('meta[property="og:description"]') == description(lang)
    assert meta('meta[property="og:site_name"]') == TEXT[lang]["site"]
    assert meta('meta[name="twitter:title"]') == title(lang, page_id)
    assert page.locator("head title").count() == 1 and page.locator("head meta[name=description]").count() == 1


@pytest.mark.parametrize("lang, page_id, path", PAGES)
def test_menus_header_footer_and_toggle_show_data_as_written(page_of, lang, page_id, path):
    page, dialogs = page_of(path)
    assert_nothing_ran(page, dialogs)
    labels = page.evaluate("[...document.querySelectorAll('.masthead__nav a')].map(a => a.textContent.trim())")
    for other in ("index", "camps", "about", "search"):
        assert nav(lang, other) in labels
    assert TEXT[lang]["site"] in page.locator(".masthead__name").first.text_content()
    assert TEXT[lang]["site"] in page.locator(".site-footer").first.text_content()
    toggles = page.evaluate("[...document.querySelectorAll('label[for^=__palette]')].map(l => l.title)")
    assert TEXT[lang]["toggle"] in toggles
    aria = page.evaluate("[...document.querySelectorAll('input[name=__palette]')].map(i => i.getAttribute('aria-label'))")
    assert TEXT[lang]["toggle"] in aria


@pytest.mark.parametrize("lang, path", [("en", "camps/"), ("ar", "ar/camps/"), ("en", "names/"), ("ar", "ar/names/")])
def test_body_shows_data_as_written(page_of, lang, path):
    page, dialogs = page_of(path)
    assert_nothing_ran(page, dialogs)
    body = " ".join(page.locator("article").first.text_content().split())
    assert " ".join(TEXT[lang]["faction"].split()) in body


@pytest.mark.parametrize("lang, path", [("en", ""), ("ar", "ar/")])
def test_figures_show_data_as_written(page_of, lang, path):
    page, dialogs = page_of(path)
    assert_nothing_ran(page, dialogs)
    figure = page.locator("#camps-figure").first
    assert figure.locator("img, script, svg, foreignObject").count() == 0
    assert "onerror=" in figure.text_content()


@pytest.mark.parametrize("lang, path", [("en", "404.html"), ("ar", "ar/404.html")])
def test_404_pages_show_data_as_written(page_of, lang, path):
    page, dialogs = page_of(path)
    assert_nothing_ran(page, dialogs)
    assert page.locator("h1").first.text_content() == TEXT[lang]["not_found"]
    other = "ar" if lang == "en" else "en"
    assert TEXT[other]["not_found"] in page.locator(".not-found-other").text_content()
    assert page.title() == f'{TEXT[lang]["not_found"]} · {TEXT[lang]["site"]}'  # the page's name, then the site's


@pytest.mark.parametrize("lang, path", [("en", "search/"), ("ar", "ar/search/")])
def test_search_results_show_data_as_written(page_of, lang, path):
    page, dialogs = page_of(path)
    box = page.locator("#search input").first
    box.fill("onerror")
    page.wait_for_selector(".search-result", timeout=15_000)
    page.wait_for_timeout(500)
    assert_nothing_ran(page, dialogs)
    results = page.locator(".search-results").text_content()
    assert "onerror" in results


def test_striptags_cannot_unescape_data_in_the_theme():
    import jinja2

    from explainer.publish.hooks import on_env
    from explainer.render.html import esc

    class Config(dict):
        __getattr__ = dict.get

    env = jinja2.Environment()
    on_env(env, Config(config_file_path=str(ROOT / "mkdocs.yml"), site_url="http://127.0.0.1/astana-2017/"), None)
    shown = env.from_string("{{ value | striptags }}|{{ value | striptags | e }}").render(value=esc(ATTACK))
    assert "<" not in shown and ">" not in shown and "&lt;img src=x" in shown
