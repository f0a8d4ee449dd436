"""The names index's "appears on" links, as found in one pass over the texts, against their definition: every
spelling of every name looked for in every text shown on each page (which grows with the square of the data)."""
from __future__ import annotations

import dataclasses

import pytest

from explainer.appearances import _page_texts, _subjects, appearances, spellings
from explainer.loader import load_data
from explainer.schema import LANGUAGES as LANGS

from .conftest import ROOT

DATA = load_data(ROOT / "data")


def by_definition(data, lang: str) -> dict[str, list[tuple[str, str]]]:
    """For each named thing, per page: its subject anchor, else the first text there that holds a spelling of it."""
    texts, subjects = _page_texts(data), _subjects(data)
    order = [p.id for p in data.pages.pages]
    result = {}
    for item in [*data.factions.factions, *data.actors.actors, *data.places.places]:
        forms = spellings(item, lang)
        links = {page: anchor for page, anchor in reversed(subjects.get(item.id, []))}
        for page_id, entries in texts.items():
            found = [anchor for anchor, text in entries if any(f in getattr(text, lang) for f in forms)]
            if page_id not in links and found:
                links[page_id] = found[0]
        result[item.id] = sorted(links.items(), key=lambda kv: order.index(kv[0]))
    return result


def _named_in_a_text(data, lang: str):
    """A faction whose name some text on a page spells out in full."""
    texts = [getattr(text, lang) for entries in _page_texts(data).values() for _, text in entries]
    return next(f for f in data.factions.factions if any(getattr(f.name, lang) in text for text in texts))


def _with_prefix_place(data):
    """The data plus a place named by the first half of a faction's name: in a text that names the faction, the
    place's name starts where the faction's does, so a search that keeps only the longest match there misses it."""
    template = data.places.places[0]
    halves = {}
    for lang in LANGS:
        name = getattr(_named_in_a_text(data, lang).name, lang)
        halves[lang] = name[: max(3, len(name) // 2)]
    place = template.model_copy(update={
        "id": "test-prefix-place",
        "name": template.name.model_copy(update=halves),
        "aliases": template.aliases.model_copy(update={"en": [], "ar": []}),
    })
    return dataclasses.replace(data, places=data.places.model_copy(update={"places": [*data.places.places, place]}))


@pytest.mark.parametrize("lang", LANGS)
def test_appearances_on_the_real_data_are_those_of_the_definition(lang):
    found = appearances(DATA, lang)
    assert sum(len(links) for links in found.values()) > len(found)  # some names are found beyond their own page
    assert found == by_definition(DATA, lang)


@pytest.mark.parametrize("lang", LANGS)
def test_a_name_that_starts_another_name_is_found_inside_it(lang):
    data = _with_prefix_place(DATA)
    found = appearances(data, lang)
    assert found["test-prefix-place"], "the test place is named in no text: the test would prove nothing"
    assert found == by_definition(data, lang)

