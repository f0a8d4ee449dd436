"""Where each named thing appears on the site, for the "appears on" links of the names index.

Computed from the data each page renders, so a new fact that names Aleppo adds a link without anyone typing it.
PAGE_CONTENT mirrors the macro calls in docs/: tests/test_content.py checks every link lands on its name.
"""
from __future__ import annotations

import ahocorasick

from .loader import SiteData


def quote_page(data: SiteData, speaker: str) -> str:
    """An actor's own words stand on its card (actors page); the factions' and camps' on the reasons page."""
    return "actors" if any(a.id == speaker for a in data.actors.actors) else "reasons"


def quote_showings(data: SiteData, page_calls: dict[str, list[tuple[str, tuple]]]) -> dict[str, list[str]]:
    """Where each quote is shown: its actor's card, the reasons that list it, the pages that call quote("id").
    The validator wants exactly one place per quote, on its quote_page, so every link to it lands."""
    shown: dict[str, list[str]] = {q.id: [] for q in data.quotes.quotes}
    actor_ids = {a.id for a in data.actors.actors}
    for q in data.quotes.quotes:
        if q.speaker in actor_ids:
            shown[q.id].append("actors")
    for camp in data.camps.camps:
        for reason in camp.reasons:
            for quote_id in reason.quotes:
                shown.setdefault(quote_id, []).append("reasons")
    for page, calls in page_calls.items():
        for macro, args in calls:
            if macro == "quote" and args:
                shown.setdefault(args[0], []).append(page)
    return shown


def spellings(item, lang: str) -> list[str]:
    """The forms of a name that prose may use: the name, its aliases, and each without its article where prose
    drops it (Arabic "ال" after a preposition or in a construct; English "The" in mid-sentence, "the Kurds")."""
    names = [getattr(item.name, lang), *getattr(item.aliases, lang)]
    if lang == "ar":
        return names + [s.removeprefix("ال") for s in names if s.startswith("ال") and " " not in s]
    return names + [s.removeprefix("The ") for s in names if s.startswith("The ")]


def _page_texts(data: SiteData) -> dict[str, list[tuple[str, object]]]:
    """page id -> [(anchor, bilingual text shown there)]"""
    pages: dict[str, list[tuple[str, object]]] = {p.id: [] for p in data.pages.pages}
    pages["index"] += [("", c.text) for c in data.story.lead + data.story.geneva]
    pages["index"] += [("", c.summary.text) for c in data.camps.camps]
    d = data.camps.delegation
    pages["camps"] += [("delegation", d.summary.text), ("delegation", d.technical_team.text)]
    pages["camps"] += [(f.id, fact.text) for f in data.factions.factions for fact in f.facts]
    for camp in data.camps.camps:
        for reason in camp.reasons:
            pages["reasons"].append((reason.id, reason.text))
    for q in data.quotes.quotes:
        pages[quote_page(data, q.speaker)].append((f"quote-{q.id}", q.text))
    pages["actors"] += [(a.id, fact.text) for a in data.actors.actors for fact in a.facts]
    pages["timeline"] += [(e.id, e.text) for e in data.events.events]
    pages["outlook"] += [("", c.text) for c in data.outlook.context]
    pages["outlook"] += [(r.id, p.text) for r in data.outlook.readings for p in r.points]
    pages["about"] += [(f"p-{p.n}", p.summary) for p in data.source.paragraphs]
    return pages


def _subjects(data: SiteData) -> dict[str, list[tuple[str, str]]]:
    """Things a page is about, not only mentions: factions on the camps page, actors on theirs, speakers."""
    found: dict[str, list[tuple[str, str]]] = {}
    for f in data.factions.factions:
        found.setdefault(f.id, []).append(("camps", f.id))
    for a in data.actors.actors:
        found.setdefault(a.id, []).append(("actors", a.id))
    for q in data.quotes.quotes:
        found.setdefault(q.speaker, []).append((quote_page(data, q.speaker), f"quote-{q.id}"))
    return found


def _first_mentions(texts: dict[str, list[tuple[str, object]]], forms: set[str], lang: str) -> dict[str, dict[str, int]]:
    """form -> {page id: index of the first entry on that page whose text contains it}, found by reading each text
    once for all forms at the same time (Aho-Corasick, overlapping matches included), not once for each name:
    testing every name against every text grew with the square of the data (ten minutes with it ×100)."""
    automaton = ahocorasick.Automaton()
    for form in forms:
        automaton.add_word(form, form)  # all but "" (below)
    first: dict[str, dict[str, int]] = {}
    if len(automaton):
        automaton.make_automaton()
        for page_id, entries in texts.items():
            for i, (_, text) in enumerate(entries):
                for _, form in automaton.iter(getattr(text, lang)):
                    first.setdefault(form, {}).setdefault(page_id, i)
    if "" in forms:  # an empty form is in every text, as `"" in text` says
        first[""] = {page_id: 0 for page_id, entries in texts.items() if entries}
    return first


def appearances(data: SiteData, lang: str) -> dict[str, list[tuple[str, str]]]:
    """entity id -> [(page id, anchor)], one link per page, in the order of the menu."""
    named = [*data.factions.factions, *data.actors.actors, *data.places.places]
    texts = _page_texts(data)
    result: dict[str, list[tuple[str, str]]] = {}
    subjects = _subjects(data)
    named_forms = [(item, spellings(item, lang)) for item in named]
    first = _first_mentions(texts, {f for _, forms in named_forms for f in forms}, lang)
    for item, forms in named_forms:
        mentions = [first[f] for f in forms if f in first]
        links: dict[str, str] = {page: anchor for page, anchor in reversed(subjects.get(item.id, []))}
        for page_id, entries in texts.items():
            found = [m[page_id] for m in mentions if page_id in m]
            if page_id not in links and found:
                links[page_id] = entries[min(found)][0]
        order = [p.id for p in data.pages.pages]
        result[item.id] = sorted(links.items(), key=lambda kv: order.index(kv[0]))
    return result
