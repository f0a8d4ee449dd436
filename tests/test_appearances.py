"""The names index's "appears on" links (explainer/pages/coverage.py finds every spelling in every text in one
pass of one regular expression) against their definition: every spelling of every name looked for in every text
each page prints (which grows with the square of the data)."""
from __future__ import annotations

import dataclasses
import re

import pytest

from explainer.data.languages import DIRECTION
from explainer.data.schema import LANGUAGES as LANGS
from explainer.pages.coverage import appearances, named, shown, spellings, text_at
from explainer.pages.registry import MACROS
from explainer.pages.site import load_data

from .conftest import ROOT

DATA = load_data(ROOT / "data")


def by_definition(data, lang: str) -> dict[str, list[tuple[str, str]]]:
    """Per page: the anchor where it prints the thing's own name (first), else the first text that names it."""
    index_pages = {p for p, layout in data.layouts[lang].items() if any(s[0] == "names_index" for s in layout
                                                                        if not isinstance(s, str))}
    texts = [s for s in shown(data, MACROS) if s.lang == lang == s.text_lang and s.as_text and s.page not in index_pages]
    order = [p.id for p in data.pages.pages]
    result = {}
    for file, key, i, item in named(data):
        forms = spellings(item, lang)
        own = {}
        for s in texts:
            if s.file == file and s.entry == (key, i) and s.path[2] in ("name", "aliases"):
                own.setdefault(s.page, s.anchor)
        links = {}
        # A whole word at its end, and in English at its start too (Arabic attaches "و", "ل", "ب" before a name).
        words = [re.compile(("(?<!\\w)" if DIRECTION[lang] == "ltr" else "") + re.escape(f) + "(?!\\w)") for f in forms if f]
        for s in texts:
            if any(w.search(text_at(data, s.file, s.path, lang)) for w in words):
                links.setdefault(s.page, s.anchor)
        links.update(own)
        result[item.id] = sorted(links.items(), key=lambda kv: order.index(kv[0]))
    return result


def _with_prefix_place(data):
    """The data plus a place named by the first word of a faction's name: in a text that names the faction, the
    place's name starts where the faction's does, so a search that keeps only the longest match there misses it."""
    template = data.places.places[0]
    # Its first word: a name is found as whole words, so the place's name must end where a word of the faction's does.
    faction = next(f for f in data.factions.factions if all(" " in getattr(f.name, lang) for lang in LANGS))
    halves = {lang: getattr(faction.name, lang).split(" ")[0] for lang in LANGS}
    place = template.model_copy(update={
        "id": "test-prefix-place",
        "name": template.name.model_copy(update=halves),
        "aliases": template.aliases.model_copy(update={"en": [], "ar": []}),
    })
    return dataclasses.replace(data, places=data.places.model_copy(update={"places": [*data.places.places, place]}),
                               cache={})


@pytest.mark.parametrize("lang", LANGS)
def test_appearances_on_the_real_data_are_those_of_the_definition(lang):
    found = appearances(DATA, lang, MACROS)
    assert sum(len(links) for links in found.values()) > len(found)  # some names are found beyond their own page
    assert found == by_definition(DATA, lang)


@pytest.mark.parametrize("lang", LANGS)
def test_a_name_that_starts_another_name_is_found_inside_it(lang):
    data = _with_prefix_place(DATA)
    found = appearances(data, lang, MACROS)
    assert len(found["test-prefix-place"]) > 1, "the test place is named in no other text: the test proves nothing"
    assert found == by_definition(data, lang)


def test_an_arabic_name_of_several_words_is_found_after_the_preposition_li():
    """"ل" before "ال" drops the alef ("المبعوث الخاص للأمم المتحدة"): the name must still be found there."""
    item = next(i for _, _, _, i in named(DATA) if " " in i.name.ar and i.name.ar.startswith("ال"))
    text = f"رأي المبعوث الخاص ل{item.name.ar[1:]}"
    assert item.name.ar not in text  # the text holds the name only in its form after "ل"
    assert any(form in text for form in spellings(item, "ar"))


@pytest.mark.parametrize("lang", LANGS)
def test_a_name_is_not_found_inside_a_longer_word(lang):
    """ "Syria" is not named by "Syrian", nor «الكرد» by «الكردية»: a place named by a faction's first word less its
    last letter is in no text that has only the faction's name."""
    data = _with_prefix_place(DATA)
    clipped = {code: getattr(data.places.places[-1].name, code)[:-1] for code in LANGS}
    data = dataclasses.replace(data, places=data.places.model_copy(update={"places": [
        *data.places.places[:-1], data.places.places[-1].model_copy(update={
            "name": data.places.places[-1].name.model_copy(update=clipped)})]}), cache={})
    found = appearances(data, lang, MACROS)
    assert found == by_definition(data, lang)
    assert [page for page, _ in found["test-prefix-place"]] == [], found["test-prefix-place"]
