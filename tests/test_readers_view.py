"""Reader views and the Names page's language switch.

Firefox's Reader View is Mozilla Readability (the npm package @mozilla/readability, pinned in package.json). It is
run here as Firefox runs it (ReaderMode.sys.mjs): the page serialised, parsed again by the package's JSDOMParser,
then Readability. It must keep the whole story of every built page in both languages, with the site as byline and
the dateline as published time. The Names page's switch hands the entry in view to the other language, whose
letters differ; the two 404 pages name each other as alternates.
"""
from __future__ import annotations

import json

import pytest
from bs4 import BeautifulSoup

from explainer.data.languages import LANGUAGES
from explainer.pages.site import load_data
from explainer.render.strings import digits, t

from .conftest import LANGS, PAGES, ROOT
from .test_browser import PHONE, SHOTS, open_page

DATA = load_data(ROOT / "data")
READABILITY = ROOT / "node_modules/@mozilla/readability"
NOT_FOUND = "404.html"
ARTICLES = [p for p in PAGES if p != "search/"]  # the search page is a form: no reader view is offered for it
KEPT = 0.9  # the share of a page's main text the reader view must keep (issue 21)

# The page's main text, as segments: each run of text in one block (a paragraph, list item, heading, term…), in
# reading order, as the reader sees it (nothing the page's CSS hides). Left out, as not story: navigation (the
# menu of sections, the letter keys), drawings (the diagrams' text alternative and list are text, and counted),
# and the editors' links at the foot of the page.
# Then Readability's view of the same page, as Firefox makes it.
READ = """(() => {
  const article = document.querySelector("article");
  const LEFT_OUT = "nav, svg, .edit-data, script, style, template, noscript";
  const PHRASING = new Set(["A", "ABBR", "B", "BDI", "BDO", "CITE", "CODE", "DATA", "DFN", "EM", "I", "KBD", "MARK",
                            "Q", "S", "SAMP", "SMALL", "SPAN", "STRONG", "SUB", "SUP", "TIME", "U", "VAR"]);
  const shown = element => { for (let e = element; e && e !== article; e = e.parentElement)
    if (getComputedStyle(e).display === "none") return false; return true; };
  const blockOf = element => { let e = element; while (e !== article && PHRASING.has(e.tagName)) e = e.parentElement; return e; };
  const segments = [], headings = [];
  let block = null, text = "";
  const walker = document.createTreeWalker(article, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const parent = node.parentElement;
    if (parent.closest(LEFT_OUT) || !shown(parent)) continue;
    const here = blockOf(parent);
    if (here !== block) { segments.push(text); block = here; text = ""; }
    text += node.data;
  }
  segments.push(text);
  for (const h of article.querySelectorAll("h1, h2, h3")) if (!h.closest(LEFT_OUT) && shown(h)) headings.push(h.textContent);
  const serialized = new XMLSerializer().serializeToString(document);
  const view = new Readability(new JSDOMParser().parse(serialized, location.href)).parse();
  return { segments, headings, readerable: isProbablyReaderable(document),
           view: view && { title: view.title, text: view.textContent, byline: view.byline, published: view.publishedTime,
                           dir: view.dir, lang: view.lang } };
})()"""
LIBRARY = ";\n".join((READABILITY / name).read_text(encoding="utf-8")
                     for name in ("Readability.js", "Readability-readerable.js", "JSDOMParser.js"))


def plain(text: str) -> str:
    # Word joiners (U+2060) keep «يناير/كانون الثاني» on one line (strings.keep_together); they are not text.
    return " ".join(text.replace("\u2060", "").split())


@pytest.fixture(scope="module")
def reader_views(browser, server) -> dict[str, dict]:
    """Every built page, both languages and both 404s, read once (one tab: a page's scripts cannot reach the next)."""
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    views = {}
    for prefix in LANGS.values():
        for path in [*PAGES, NOT_FOUND]:
            page.goto(server + prefix + path, wait_until="load")
            views[prefix + path] = page.evaluate(LIBRARY + ";\n" + READ)
    context.close()
    return views


def _kept(found: dict) -> tuple[float, list[str]]:
    read = plain(found["view"]["title"] + " " + found["view"]["text"])
    segments = [plain(s) for s in found["segments"] if plain(s)]
    lost = [s for s in segments if s not in read]
    return 1 - sum(map(len, lost)) / sum(map(len, segments)), lost


@pytest.mark.browser
@pytest.mark.parametrize("path", [*PAGES, NOT_FOUND])
@pytest.mark.parametrize("lang", LANGS)
def test_reader_view_keeps_the_whole_story(reader_views, lang, path):
    found = reader_views[LANGS[lang] + path]
    assert found["view"], "Readability found no article"
    share, lost = _kept(found)
    assert share >= KEPT, (f"{share:.0%} kept", lost)
    read = plain(found["view"]["title"] + " " + found["view"]["text"])
    assert [h for h in map(plain, found["headings"]) if h not in read] == [], "every heading is kept"


@pytest.mark.browser
@pytest.mark.parametrize("lang", LANGS)
def test_reader_view_keeps_the_key_points(reader_views, lang):
    read = plain(reader_views[LANGS[lang]]["view"]["text"])
    points = [plain(digits(getattr(item.text, lang), lang)) for item in DATA.story.lead]
    assert points and [p for p in points if p not in read] == []


@pytest.mark.browser
@pytest.mark.parametrize("lang", LANGS)
def test_reader_view_is_offered_on_every_article(reader_views, lang):
    """Firefox shows its Reader View button only where Readability's isProbablyReaderable says yes."""
    assert [p for p in ARTICLES if not reader_views[LANGS[lang] + p]["readerable"]] == []


@pytest.mark.browser
@pytest.mark.parametrize("path", [*PAGES, NOT_FOUND])
@pytest.mark.parametrize("lang", LANGS)
def test_reader_view_bylines_the_site_and_dates_the_story_by_its_dateline(reader_views, lang, path):
    """The byline is the site (never a line of the page, such as the masthead's "As of …"); the published time is
    the dateline's date, the source's, on every page of data/pages.yml (a 404 is not a story)."""
    view = reader_views[LANGS[lang] + path]["view"]
    assert view["byline"] == digits(t(DATA, lang, "site_name"), lang)
    assert view["published"] == (None if path == NOT_FOUND else DATA.source.date)


@pytest.mark.browser
@pytest.mark.parametrize("path", ARTICLES)
@pytest.mark.parametrize("lang", LANGS)
def test_reader_view_keeps_the_pages_language_and_direction(reader_views, lang, path):
    """Firefox sets the reader's direction from it: Arabic right to left."""
    view = reader_views[LANGS[lang] + path]["view"]
    assert (view["lang"], view["dir"]) == (lang, LANGUAGES[lang].direction)


# ---------------------------------------------------------------- the 404 pages' alternates


def test_each_404_names_the_other_as_its_alternate(site, base_url):
    default = base_url + next(iter(LANGS.values())) + NOT_FOUND
    expected = {lang: base_url + prefix + NOT_FOUND for lang, prefix in LANGS.items()} | {"x-default": default}
    for prefix in LANGS.values():
        head = BeautifulSoup((site / prefix / NOT_FOUND).read_text(encoding="utf-8"), "html.parser").head
        links = head.find_all("link", rel="alternate", hreflang=True)
        assert {link["hreflang"]: link["href"] for link in links} == expected
        assert len(links) == len(expected), "Material's own alternates are gone"


# ---------------------------------------------------------------- the switch on Names keeps the place


def _switch(page, other: str) -> None:
    page.locator(f".masthead .md-select a[hreflang='{other}']").click()
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(300)


def _shot(page, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"names-switch-{name}-390.png"))


def _top(page, element_id: str) -> float:
    return page.evaluate(f"document.getElementById({json.dumps(element_id)}).getBoundingClientRect().top")


def _other(lang: str) -> str:
    return next(code for code in LANGS if code != lang)


@pytest.mark.browser
@pytest.mark.parametrize("lang", LANGS)
def test_names_switch_keeps_the_entry_in_view(browser, server, lang):
    """An entry in the middle of the index, its top a little below the masthead: the other language opens on it."""
    other = _other(lang)
    context, page, _ = open_page(browser, server + LANGS[lang] + "names/")
    entry = page.evaluate("(e => e[Math.floor(e.length / 2)].id)([...document.querySelectorAll('.name-entry[id]')])")
    page.evaluate(f"window.scrollBy(0, {_top(page, entry)} - 120)")
    page.wait_for_timeout(300)
    page.evaluate(f"window.scrollBy(0, {_top(page, entry)} - 120)")  # again, once the entries around it are laid out
    _shot(page, f"{lang}-entry-before")
    _switch(page, other)
    assert page.url == server + LANGS[other] + f"names/#{entry}"
    top = _top(page, entry)
    _shot(page, f"{lang}-entry-after-{other}")
    assert 0 <= top < PHONE["height"] / 2, "the same entry is in view in the other language"
    context.close()


@pytest.mark.browser
@pytest.mark.parametrize("lang", LANGS)
def test_names_switch_from_a_letter_lands_on_its_first_entry(browser, server, lang):
    """A letter heading above the line that decides the place, its first entry not yet: the letter exists in one
    script only, so its first entry is handed over."""
    other = _other(lang)
    context, page, _ = open_page(browser, server + LANGS[lang] + "names/")
    letters = page.evaluate("[...document.querySelectorAll('.name-letter')].map(s => "
                            "[s.querySelector('h2').id, s.querySelector('.name-entry[id]').id])")
    heading, first = letters[len(letters) // 2]
    line = PHONE["height"] / 3
    for _ in range(2):  # again, once the entries around it are laid out
        page.evaluate(f"window.scrollBy(0, {_top(page, heading)} - {line - 8})")
        page.wait_for_timeout(300)
    assert _top(page, heading) <= line < _top(page, first), "the heading, not its entry, is the last mark above the line"
    _shot(page, f"{lang}-letter-before")
    _switch(page, other)
    assert page.url == server + LANGS[other] + f"names/#{first}"
    top = _top(page, first)
    _shot(page, f"{lang}-letter-after-{other}")
    assert 0 <= top < PHONE["height"] / 2
    context.close()
