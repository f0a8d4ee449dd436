"""The explainer's content on the built pages: every faction shown, every claim cited, counts from data."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from explainer.pages.coverage import spellings
from explainer.data import schema
from explainer.pages.site import load_data
from explainer.render.figures import figure_paras
from explainer.render.html import esc
from explainer.render.roster import FIELDS
from explainer.render.strings import digits, format_date, t

from .conftest import LANGS, PAGES, ROOT, html_file

DATA = load_data(ROOT / "data")
CONTENT_PAGES = [p for p in PAGES if p != "search/"]


def soup(site: Path, lang: str, page: str) -> BeautifulSoup:
    return BeautifulSoup(html_file(site, lang, page).read_text(encoding="utf-8"), "html.parser")


def article(site: Path, lang: str, page: str):
    return soup(site, lang, page).select_one("article.md-content__inner")


def _claims(value):
    if isinstance(value, schema.Claim):
        yield value
    elif isinstance(value, schema.Strict):
        for name in type(value).model_fields:
            yield from _claims(getattr(value, name))
    elif isinstance(value, list):
        for item in value:
            yield from _claims(item)


def test_every_claim_cites_paragraphs_in_range():
    claims = [c for name in schema.CONTENT_FILES for c in _claims(getattr(DATA, name.removesuffix(".yml")))]
    assert claims  # the walk found the claims at all
    for claim in claims:
        assert claim.paras and all(1 <= n <= DATA.paragraph_count for n in claim.paras), claim


@pytest.mark.parametrize("lang", LANGS)
def test_every_faction_is_on_the_camps_page_in_its_camp_in_both_scripts(site, lang):
    page = article(site, lang, "camps/")
    for faction in DATA.factions.factions:
        item = page.select_one(f"#{faction.camp} ~ .factions #{faction.id}, .camp--{faction.camp} #{faction.id}")
        assert item is not None, faction.id
        text = item.get_text(" ")
        assert faction.name.en in text and faction.name.ar in text


@pytest.mark.parametrize("lang", LANGS)
def test_every_named_thing_is_on_the_names_page(site, lang):
    page = article(site, lang, "names/")
    for item in [*DATA.factions.factions, *DATA.actors.actors, *DATA.places.places]:
        entry = page.select_one(f"#{item.id}")
        assert entry is not None, item.id
        text = entry.get_text(" ")
        assert item.name.en in text and item.name.ar in text
        for alias in [*item.aliases.source, *item.aliases.en, *item.aliases.ar, *item.former.source, *item.former.en,
                      *item.former.ar]:
            assert alias in text


def _spelling(li) -> str:
    """A listed spelling, without the citation that ends the last of the source's (glued by a no-break space)."""
    return "".join(str(s) for s in li.find_all(string=True) if not s.find_parent(class_="cite")).removesuffix("\u00a0")


def _listed(entry, key: str, data=DATA, lang: str = "en") -> list[str] | None:
    """The spellings the names page lists under the label `key` in this entry, or None without that label."""
    label = t(data, lang, key)
    for dt in entry.select("dt"):
        if dt.get_text() == label:
            return [_spelling(li) for li in dt.find_next_sibling("dd").select("ul.aliases > li")]
    return None


@pytest.mark.parametrize("lang", LANGS)
def test_the_names_page_keeps_the_sources_spellings_apart_from_ours(site, lang):
    """Two kinds of spelling, each under its own label: the article's (cited), and ours, labelled as ours. An
    outside spelling is never listed as the source's, and a former name is never an "also written"."""
    page = article(site, lang, "names/")
    for item in [*DATA.factions.factions, *DATA.actors.actors, *DATA.places.places]:
        entry = page.select_one(f"#{item.id}")
        theirs = _listed(entry, "in_source", lang=lang)
        assert theirs == (list(item.aliases.source) or [item.name.en]), item.id
        assert entry.find("dt", string=t(DATA, lang, "in_source")).find_next_sibling("dd").select(".cite"), item.id
        assert _listed(entry, "former_in_source", lang=lang) == (list(item.former.source) or None), item.id
        ours = [*item.aliases.en, *item.aliases.ar]
        assert _listed(entry, "also_spelled", lang=lang) == (ours or None), item.id
        former_ours = [*item.former.en, *item.former.ar]
        assert _listed(entry, "former_ours", lang=lang) == (former_ours or None), item.id
        assert not set(ours + former_ours) & set(theirs), item.id
    # The label says which kind is the source's; the page's note says, once, that the rest is ours.
    assert ("source" if lang == "en" else "المصدر") in t(DATA, lang, "in_source")
    note = page.select_one("p.page-note").get_text()
    assert t(DATA, lang, "in_source") in note and ("ours, not the source's" if lang == "en" else "لا من المصدر") in note


_ALEF_FORMS = str.maketrans("أإآٱ", "اااا")


def _arabic_filing(name: str) -> str:
    """How an Arabic index files a name: without the article «ال» if, and only if, the name starts with it; alef
    with hamza or madda files as alef, tā' marbūṭa as hā'."""
    bare = name[len("ال"):] if name.startswith("ال") else name
    return bare.translate(_ALEF_FORMS).replace("ة", "ه")


def test_arabic_sort_key_strips_only_a_real_article():
    from explainer.render.html import sort_key

    # «ألوية» starts with hamza on alef, not with the article: it is filed under «ا», not under «و».
    assert sort_key("ألوية صقور الشام", "ar")[:1] == "ا"
    assert sort_key("الجبهة الشامية", "ar")[:1] == "ج"
    assert sorted(["وادي بردى", "ألوية صقور الشام", "الجبهة الشامية"], key=lambda n: sort_key(n, "ar")) == [
        "ألوية صقور الشام", "الجبهة الشامية", "وادي بردى"]


def test_arabic_names_page_files_each_name_under_its_letter_in_order(site):
    page = article(site, "ar", "names/")
    names = {item.id: item.name.ar for item in [*DATA.factions.factions, *DATA.actors.actors, *DATA.places.places]}
    filed = []
    for section in page.select("section.name-letter"):
        letter = section.select_one("h2")["id"].removeprefix("letter-")
        for entry in section.select("li.name-entry"):
            name = names[entry["id"]]
            assert _arabic_filing(name)[:1] == letter, (name, letter)
            filed.append(_arabic_filing(name))
    assert len(filed) == len(names)
    assert filed == sorted(filed)


@pytest.mark.parametrize("lang", LANGS)
def test_names_page_links_land_on_the_name(site, lang):
    """Each "appears on" link points at a page and anchor that exist and show the thing's name."""
    names = article(site, lang, "names/")
    read: dict[str, object] = {}  # each page parsed once, not once per link to it (read only here)
    for item in [*DATA.factions.factions, *DATA.actors.actors, *DATA.places.places]:
        links = names.select(f"#{item.id} dd.name-entry__appears a[href]")
        assert links, f"{item.id} appears nowhere"
        for link in links:
            path, _, anchor = link["href"].partition("#")
            page = path.strip("./") + "/" if path.strip("./") else ""
            if page not in read:
                read[page] = article(site, lang, page)
            target = read[page]
            scope = target.select_one(f"#{anchor}") if anchor else target
            assert scope is not None, (item.id, link["href"])
            text = scope.get_text(" ")
            if scope.name in ("h2", "h3"):  # a heading anchor: its section is the heading and what follows it
                text += scope.find_next_sibling().get_text(" ")
            assert any(s in text for s in spellings(item, lang)), (item.id, link["href"])


@pytest.mark.parametrize("lang", LANGS)
def test_names_page_links_every_page_that_prints_the_name(site, lang):
    """"Appears on" is complete: every built page (but the index itself) whose article prints a thing's name, in
    the page's language, is among its links; read from the published HTML, not from how the links are made."""
    names = article(site, lang, "names/")
    index_page = "names/"
    for page in CONTENT_PAGES:
        if page == index_page:
            continue
        body = article(site, lang, page)
        for aside in body.select("aside.edit-data"):
            aside.decompose()
        text = body.get_text(" ")
        for item in [*DATA.factions.factions, *DATA.actors.actors, *DATA.places.places]:
            if getattr(item.name, lang) not in text:
                continue
            links = {a["href"].partition("#")[0] for a in names.select(f"#{item.id} dd.name-entry__appears a[href]")}
            assert f"../{page}" in links or (page == "" and "../" in links), (item.id, page or "home", sorted(links))


@pytest.mark.parametrize("lang", LANGS)
def test_counts_shown_are_counted_from_data(site, lang):
    home = article(site, lang, "")
    for camp in DATA.camps.camps:
        expected = t(DATA, lang, "factions_count", n=len(DATA.factions_in(camp.id)))
        shown = home.select_one(f".camp-counts__item--{camp.id} .camp-counts__n").get_text()
        assert shown == digits(str(len(DATA.factions_in(camp.id))), lang)
        heading = article(site, lang, "camps/").select_one(f"h2#{camp.id}").get_text()
        assert expected in heading
        assert len(article(site, lang, "camps/").select(f".factions--{camp.id} > li")) == len(DATA.factions_in(camp.id))


@pytest.mark.parametrize("page", CONTENT_PAGES)
@pytest.mark.parametrize("lang", LANGS)
def test_every_claim_on_a_page_carries_a_citation(site, lang, page):
    for claim in article(site, lang, page).select(".claim"):
        links = claim.select(".cite a[href]")
        assert links, claim.get_text()[:80]
        for link in links:
            n = int(link["href"].rsplit("#p-", 1)[1])
            assert 1 <= n <= DATA.paragraph_count


@pytest.mark.parametrize("page", CONTENT_PAGES)
def test_citations_lead_to_the_source_list(site, page):
    about = article(site, "en", "about/")
    for n in range(1, DATA.paragraph_count + 1):
        assert about.select_one(f"#p-{n}") is not None


_LATIN_WORDS = re.compile(r"[A-Za-z]+(?:[\s,.'’-]+[A-Za-z]+){2,}")


@pytest.mark.parametrize("page", PAGES)
def test_arabic_pages_show_no_english_sentences_outside_quotes_and_names(site, page):
    """Latin text on an Arabic page must be marked lang="en" (a name, an original quote, the source title)."""
    body = article(site, "ar", page)
    for marked in body.select('[lang="en"]'):
        marked.decompose()
    for hidden in body.select(".headerlink, script"):
        hidden.decompose()
    text = body.get_text(" ")
    assert _LATIN_WORDS.findall(text) == []
    assert re.findall(r"[0-9]", text) == [], "Arabic pages use Arabic-Indic digits"


@pytest.mark.parametrize("page", PAGES)
def test_english_pages_mark_arabic_text(site, page):
    body = article(site, "en", page)
    for marked in body.select('[lang="ar"]'):
        marked.decompose()
    assert not schema.ARABIC_LETTER.search(body.get_text(" "))


def test_arabic_quotes_are_marked_as_translations(site):
    for page in ("reasons/", "actors/"):
        for figure in article(site, "ar", page).select("figure.quote"):
            note = figure.select_one(".quote__note").get_text()
            assert "ترجمتنا" in note
            assert figure.select_one('.quote__original[lang="en"][dir="ltr"]') is not None


def test_the_source_is_cited_by_title_and_date_with_no_link(site):
    facts = article(site, "en", "about/").select_one("#source")
    assert DATA.source.title.en in facts.get_text()
    assert "2 February 2017" in facts.get_text()
    assert facts.find("a") is None
    ar = article(site, "ar", "about/").select_one("#source").get_text().replace("\u2060", "")  # word joiners: strings.keep_together
    assert digits("2", "ar") + " فبراير/شباط " + digits("2017", "ar") in ar


def test_source_spells_one_group_two_ways_and_the_site_shows_both(site):
    entry = article(site, "en", "names/").select_one("#fateh-al-sham-front").get_text(" ")
    assert "Fateh Al-Sham Front" in entry and "Fatah Al-Sham Front" in entry


def test_gaps_are_said_where_a_reader_would_look(site):
    assert article(site, "en", "timeline/").select(".gap")
    about_gaps = article(site, "en", "about/").select(".gaps > li")
    assert len(about_gaps) == len(DATA.gaps.gaps)


def test_timeline_keeps_undated_events_undated(site):
    page = article(site, "en", "timeline/")
    for event in DATA.events.events:
        item = page.select_one(f"#{event.id}")
        assert ("event--undated" in item["class"]) == (event.date is None)
        if event.date is None:
            assert item.find("time") is None


def test_escape_helper_neutralises_markdown_and_templates():
    assert esc("<b>{{ x }}</b> *y* [z](w)") == "&lt;b&gt;&#123;&#123; x &#125;&#125;&lt;/b&gt; &#42;y&#42; &#91;z&#93;(w)"


def _plain(element) -> str:
    """An element's text as a reader sees it: without citations, spaces collapsed, no word joiners (invisible:
    strings.keep_together)."""
    copy = BeautifulSoup(str(element), "html.parser")
    for cite in copy.select(".cite"):
        cite.decompose()
    return " ".join(copy.get_text("").replace("\u2060", "").split())


def _said(text, lang: str) -> str:
    """A bilingual text of the data as _plain reads it on the page: local digits, spaces collapsed."""
    return " ".join(digits(getattr(text, lang), lang).split())


def test_the_source_title_and_its_translation_stay_apart_as_text(site):
    """On their own lines on screen, but copied or indexed as text they must not run together."""
    dd = article(site, "ar", "about/").select_one("#source .source-title").parent
    assert _plain(dd) == f"{DATA.source.title.en} ({t(DATA, 'ar', 'title_translation')}: {_said(DATA.source.title, 'ar')})"


@pytest.mark.parametrize("lang", LANGS)
def test_home_gives_the_news_in_key_points_before_the_diagram(site, lang):
    home = article(site, lang, "")
    order = [e for e in home.find_all(True) if e.name == "h1" or set(e.get("class", [])) & {
        "kicker", "standfirst", "camp-counts", "byline", "key-points", "figure"}]
    assert [e.name if e.name == "h1" else e["class"][0] for e in order] == [
        "kicker", "h1", "standfirst", "camp-counts", "byline", "key-points", "figure"]
    assert _plain(home.select_one(".standfirst")) == _said(DATA.story.standfirst.text, lang)
    points = home.select(".key-points li.claim")
    assert [_plain(p) for p in points] == [_said(item.text, lang) for item in DATA.story.lead]
    assert home.select_one(".key-points h2").get_text() == t(DATA, lang, "in_brief")
    # The byline's date is the source's, from the data.
    date = home.select_one(".byline time")
    assert date["datetime"] == str(DATA.source.date)
    assert date.get_text().replace("\u2060", "") == format_date(DATA, lang, DATA.source.date)  # word joiners: keep_together


@pytest.mark.parametrize("lang", LANGS)
def test_an_undated_event_says_where_it_falls_after_what_happened(site, lang):
    page = article(site, lang, "timeline/")
    undated = [e for e in DATA.events.events if e.date is None]
    assert undated
    for event in undated:
        item = page.select_one(f"#{event.id}")
        parts = [p["class"][0] for p in item.find_all("p", recursive=False)]
        assert parts == ["event__text", "event__placement"]  # the band's heading says "No date given", once
        assert _plain(item.select_one(".event__placement")) == _said(event.placement, lang)


@pytest.mark.parametrize("lang", LANGS)
def test_each_other_spelling_is_an_item_of_its_own(site, lang):
    """One list item per spelling: Latin spellings joined by commas in an Arabic line would be reordered."""
    page = article(site, lang, "names/")
    for item in [*DATA.factions.factions, *DATA.actors.actors, *DATA.places.places]:
        shown = [_spelling(li) for li in page.select(f"#{item.id} ul.aliases > li")]
        assert shown == [*(item.aliases.source or [item.name.en]), *item.former.source, *item.aliases.en,
                         *item.aliases.ar, *item.former.en, *item.former.ar], item.id
        for li in page.select(f"#{item.id} ul.aliases > li"):
            value = li if li.has_attr("lang") else li.find("bdi")  # the cited one isolates its spelling
            assert value["dir"] == ("rtl" if value["lang"] == "ar" else "ltr")


@pytest.mark.parametrize("lang", LANGS)
def test_a_citation_is_glued_to_the_word_before_it(site, lang):
    """"[3]" never starts a line or stands on one alone: one no-break space, and no breakable space, before it."""
    loose = []
    seen = 0
    for page in PAGES:
        for cite in article(site, lang, page).select(".cite"):
            seen += 1
            before = cite.previous_sibling
            text = before if isinstance(before, str) else ""
            if not text.endswith("\xa0") or text[:-1][-1:].isspace():
                loose.append((page, str(cite.parent)[:80]))
    assert seen, "no citation found"
    assert loose == []


@pytest.mark.parametrize("lang", LANGS)
def test_the_about_page_lists_the_roster_columns_in_order_in_the_pages_direction(site, lang):
    """The CSV's columns as the roster writes them. In Arabic each is its own word in the sentence, after an Arabic
    comma: one left-to-right run holding the whole list would put its first column furthest from the reader's start
    and leave its commas at the wrong ends of lines."""
    listing = next(p for p in article(site, lang, "about").find_all("p") if p.find("code", string="name_en"))
    codes = [c.get_text() for c in listing.find_all("code")]
    start = codes.index(FIELDS[0])
    assert codes[start:start + len(FIELDS)] == FIELDS
    if lang == "ar":
        assert not any(run.find("code", string="name_en") for run in listing.find_all("bdi"))
        assert all(c.next_sibling.startswith("، و") for c in listing.find_all("code")[start:start + len(FIELDS) - 1])


@pytest.mark.parametrize("lang", LANGS)
def test_the_diagram_is_cited_in_its_text_alternative_its_caption_and_its_list(site, lang):
    """The diagram makes claims like any text: its description names the paragraphs, its caption links them, and each
    part of its list version (a camp, the delegation, each group of actors) cites its own."""
    paras = figure_paras(DATA)
    figure = article(site, lang, "").select_one("#camps-figure")
    desc = figure.select_one("#camps-figure-desc")
    assert all(digits(str(n), lang) in desc.get_text() for n in paras)
    assert len(figure.select("figcaption .cite a")) == len(paras)
    items = figure.select("details > ul > li")
    assert items and all(li.find(class_="cite", recursive=False) for li in items)
    delegation = [li for li in figure.select("details li li") if li.find(class_="cite", recursive=False)]
    assert len(delegation) == 1


@pytest.mark.parametrize("page", ["camps/", "outlook/"])
@pytest.mark.parametrize("lang", LANGS)
def test_the_openings_that_state_what_the_source_says_are_cited(site, lang, page):
    assert article(site, lang, page).select_one("p.standfirst .cite") is not None
