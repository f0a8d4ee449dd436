"""Review 11's news-design findings, part b (issue 21): Reasons, Timeline, Names and About open with news, not
method; Names' downloads come after the list; the sponsors' shared facts stand once; every actor is still found on
Names and in search. Texts and counts are derived from data/ and the built pages, never typed."""
from __future__ import annotations

import json
import re

import pytest

from explainer.pages.site import load_data
from explainer.publish import search_index

from .conftest import LANGS, ROOT
from .test_readers_review11b import _article, _text
from .test_readers_review11b import test_an_inner_page_opens_with_news_then_notes_what_is_ours as _opens_with_news

DATA = load_data(ROOT / "data")
NEWS_FIRST = ("reasons/", "timeline/", "names/")  # the pages that still opened on method (review 11, part b)


@pytest.mark.parametrize("page", NEWS_FIRST)
@pytest.mark.parametrize("lang", LANGS)
def test_the_page_opens_with_news_then_notes_what_is_ours(site, lang, page):
    _opens_with_news(site, lang, page)


@pytest.mark.parametrize("lang", LANGS)
def test_about_opens_with_what_the_source_tells_dated_and_cited(site, lang):
    article = _article(site, lang, "about/")
    opening = article.find("h1").find_next_sibling()
    assert opening.name == "p" and opening.select(".cite") and opening.find("time"), opening
    assert len(re.findall(r"[.!?؟](\s|$)", _text(opening))) <= 2


@pytest.mark.parametrize("lang", LANGS)
def test_about_says_how_the_site_is_made_without_plugin_names(site, lang):
    made = _article(site, lang, "about/").select_one("h2#made-with").find_next_sibling("p").get_text()
    assert made.strip() and not re.search(r"mkdocs-|plugin|إضاف(ة|تين)", made, re.I), made


@pytest.mark.parametrize("lang", LANGS)
def test_names_lists_the_names_before_the_downloads(site, lang):
    article = _article(site, lang, "names/")
    downloads = article.select_one("p.downloads")
    last_letter = article.select("section.name-letter")[-1]
    assert downloads is not None and last_letter in downloads.find_all_previous("section"), "downloads before the list"


def test_no_fact_stands_on_two_cards_of_one_group():
    for group in DATA.actors.groups:
        seen: dict[str, str] = {}
        for actor in (a for a in DATA.actors.actors if a.group == group.id):
            for fact in actor.facts:
                assert fact.text.en not in seen, (fact.text.en, seen.get(fact.text.en), actor.id)
                seen[fact.text.en] = actor.id
            # one card saying what the group's shared facts already say ("Called, together with Russia, …")
            for shared in group.facts:
                assert fact.text.en != shared.text.en


@pytest.mark.parametrize("lang", LANGS)
def test_a_groups_shared_facts_stand_once_under_its_heading_and_reach_each_actors_search_record(site, lang):
    article = _article(site, lang, "actors/")
    records = {r["u"]: r for r in json.loads((site / search_index.records_file(lang)).read_text(encoding="utf-8"))}
    root = search_index.lang_root(lang)
    shown = _text(article)
    for group in (g for g in DATA.actors.groups if g.facts):
        heading = article.select_one(f"h2#{group.id}")
        listed = heading.find_next_sibling()
        assert listed.name == "ul" and "actors__shared" in listed["class"], listed
        assert len(listed.find_all("li")) == len(group.facts)
        for fact in group.facts:
            said = " ".join(getattr(fact.text, lang).split())
            assert shown.count(said) == 1, said
            for actor in (a for a in DATA.actors.actors if a.group == group.id):
                assert said.split()[-1] in records[f"{root}actors/#{actor.id}"]["x"], actor.id


@pytest.mark.parametrize("lang", LANGS)
def test_every_actor_is_still_on_names(site, lang):
    names = _article(site, lang, "names/")
    assert [a.id for a in DATA.actors.actors if names.select_one(f"li.name-entry#{a.id}") is None] == []
