"""Pure renderers: (data, language, place) in, escaped HTML or Markdown out.

Nothing here knows about MkDocs, Material or the i18n plugin; `macros.py` only registers these functions.
Every text from data goes through `esc` (HTML is shown, never run) and is never re-read as a template.
"""
from __future__ import annotations

import re
import string
from dataclasses import dataclass

from markupsafe import Markup, escape

from explainer.render import roster

from explainer.data import schema
from explainer.data.languages import DIRECTION, LIST_COMMA, OTHER  # noqa: F401  (used by other renderers)
from explainer.data.loader import SiteData
from explainer.render.strings import digits, format_date, format_span, pick


# Characters Markdown or Jinja could act on, as entities; '#' stays as `escape` uses it in "&#39;".
_INERT = str.maketrans({"{": "&#123;", "}": "&#125;", "*": "&#42;", "_": "&#95;", "`": "&#96;",
                        "[": "&#91;", "]": "&#93;", "\\": "&#92;", "|": "&#124;", "~": "&#126;"})
_LATIN_RUN = re.compile(r"[A-Za-z][A-Za-z0-9'’.\-]*(?:[ \-][A-Za-z0-9][A-Za-z0-9'’.\-]*)*")


@dataclass(frozen=True)
class Place:
    """Where a page sits: its language and the relative way back to the language root and the site root."""

    lang: str
    to_lang_root: str  # "" on the home page, "../" one level down
    to_site_root: str  # adds "../" on Arabic pages, which live under ar/

    def link(self, page_id: str, anchor: str = "") -> str:
        path = "" if page_id == "index" else f"{page_id}/"
        return f"{self.to_lang_root}{path}" + (f"#{anchor}" if anchor else "") or "./"


def esc(text: str) -> Markup:
    """The one escaping rule for text from data/: HTML-escaped (quotes too, so it is safe in an attribute), and
    inert to Markdown and Jinja. Marked safe, so the theme's templates and filters never escape it again."""
    return Markup(str(escape(text)).translate(_INERT))


def latin_runs(value: str, lang: str) -> list[str]:
    """A data text as plain runs: even items in the page's script (Arabic-Indic digits on Arabic pages), odd items
    the Latin runs an Arabic page isolates. An English text is one run."""
    if lang != "ar":
        return [value]
    out, last = [], 0
    for match in _LATIN_RUN.finditer(value):
        out += [digits(value[last:match.start()], "ar"), match.group()]
        last = match.end()
    return out + [digits(value[last:], "ar")]


# A Latin run this short (a name, an acronym) is kept on one line in Arabic text (explainer.css, .short-latin): one
# broken across two right-to-left lines reads in the wrong order. A longer run may wrap, or it would push the page
# sideways on a phone.
SHORT_LATIN = {"words": 3, "chars": 28}


def is_short_latin(run: str) -> bool:
    return len(run.split()) <= SHORT_LATIN["words"] and len(run) <= SHORT_LATIN["chars"]


def _latin(run: str) -> str:
    mark = ' class="short-latin"' if is_short_latin(run) else ""
    return f'<bdi{mark} lang="en" dir="ltr">{esc(run)}</bdi>'


def text_in(value: str, lang: str) -> str:
    """A data text for a page in `lang`: escaped, Arabic digits in Arabic, Latin runs isolated in Arabic."""
    return "".join(esc(run) if i % 2 == 0 else _latin(run) for i, run in enumerate(latin_runs(value, lang)))


def say(field: schema.Text, lang: str) -> str:
    return text_in(getattr(field, lang), lang)


def other_script(field: schema.Text, lang: str, cls: str = "other-script", tag: str = "bdi") -> str:
    """The other language's form of a name, isolated so its direction cannot disturb the sentence around it: in a
    <bdi> inside a sentence, or on the block that holds it alone (a block isolates its text already)."""
    other = OTHER[lang]
    if tag == "bdi" and other == "en" and is_short_latin(field.en):
        cls += " short-latin"
    return f'<{tag} class="{cls}" lang="{other}" dir="{DIRECTION[other]}">{esc(getattr(field, other))}</{tag}>'


def ui(data: SiteData, place: Place, key: str, n: int | None = None, **values: str) -> str:
    """An interface string, escaped as data is (`esc`: a heading or a sentence of prose is read as Markdown
    after the macros run), in the page's digits; the values filled into it must already be escaped HTML."""
    if n is not None:
        values["n"] = digits(str(n), place.lang)
    parts = []
    for literal, name, _, _ in string.Formatter().parse(pick(data, place.lang, key, n)):
        parts.append(esc(digits(literal, place.lang)))
        if name is not None:
            parts.append(str(values[name]))
    return "".join(parts)


# How every citation group opens: a page holding none states nothing from the source (the search page), and its
# foot asks for no report of a mistake (edit_links.py).
CITE_OPEN = '<span class="cite" data-pagefind-ignore>'


def cite(data: SiteData, place: Place, paras: list[int]) -> str:
    """Small bracketed paragraph numbers, each a link to that paragraph in the About page's source list, after one
    label for screen readers ("Source paragraphs"). explainer.js makes the group one button that shows our summary
    of each paragraph in place (explainer/render/summaries.py); without scripts the links lead to About."""
    label = ui(data, place, "cite_label", len(paras))
    links = [_cite_run(place, run) for run in _runs(paras)]
    separator = f'<span class="cite-sep">{LIST_COMMA[place.lang]}</span>'
    # Kept out of search excerpts: "[3]" and its hidden label are noise in a result. Glued to the word before it
    # by a no-break space (callers put no space of their own), so "[3]" never starts or fills a line by itself.
    return (f'&nbsp;{CITE_OPEN}<span class="visually-hidden">{label} </span>'
            f"{separator.join(links)}</span>")


def _runs(paras: list[int]) -> list[list[int]]:
    """The paragraphs in runs of consecutive numbers, in the order given: [3, 7, 9, 10, 11] -> [3], [7], [9, 10, 11]."""
    runs: list[list[int]] = []
    for n in paras:
        if runs and n == runs[-1][-1] + 1:
            runs[-1].append(n)
        else:
            runs.append([n])
    return runs


# Three or more consecutive paragraphs are shown as a range ("9–11"): a long list wrapped onto a line of its own
# under the Arabic standfirst. Two stay a pair ("9, 10"), which is no longer than "9–10".
RANGE_FROM = 3


def _cite_run(place: Place, run: list[int]) -> str:
    """One number, or a range whose link goes to its first paragraph; the range's other paragraphs keep a link
    each, hidden, so that the citation card (explainer.js) still lists every paragraph (naming the range's link by
    the number before its dash)."""
    def link(n: int, text: str, attrs: str = "") -> str:
        return f'<a href="{place.link("about", f"p-{n}")}"{attrs}>{text}</a>'
    if len(run) < RANGE_FROM:
        return f'<span class="cite-sep">{LIST_COMMA[place.lang]}</span>'.join(
            link(n, digits(str(n), place.lang)) for n in run)
    first, last = (digits(str(n), place.lang) for n in (run[0], run[-1]))
    rest = "".join(link(n, digits(str(n), place.lang)) for n in run[1:])
    return link(run[0], f"{first}\u2013{last}", ' class="cite-range"') + f"<span hidden>{rest}</span>"


def claim(data: SiteData, place: Place, item: schema.Claim, tag: str = "p", attrs: str = "") -> str:
    return f'<{tag} class="claim"{attrs}>{say(item.text, place.lang)}{cite(data, place, item.paras)}</{tag}>'


def claims(data: SiteData, place: Place, items: list[schema.Claim], cls: str = "claims") -> str:
    return f'<div class="{cls}">' + "".join(claim(data, place, item) for item in items) + "</div>"


def _entity(data: SiteData, entity_id: str):
    return data.by_id[entity_id]


def _speaker_name(data: SiteData, speaker_id: str) -> schema.Text:
    speaker = _entity(data, speaker_id)
    return speaker.members if isinstance(speaker, schema.Camp) else speaker.name


def count_phrase(data: SiteData, place: Place, camp_id: str, key: str = "factions_count") -> str:
    """A camp's count of factions, in the form its place in the sentence needs (factions_count_object as an object)."""
    return ui(data, place, key, n=len(data.factions_in(camp_id)))


# ---------------------------------------------------------------- home


def story(data: SiteData, place: Place, part: str) -> str:
    """The home page's story. Its standfirst answers the headline in one sentence under it; its lead is the key
    points, boxed under their own heading near the top, so the news comes before the diagram; the other parts are
    running text."""
    items = getattr(data.story, part)
    if isinstance(items, schema.Claim):  # the standfirst: one sentence that answers the headline
        return f'<p class="standfirst">{say(items.text, place.lang)}{cite(data, place, items.paras)}</p>'
    if part != "lead":
        return claims(data, place, items, "claims story")
    points = "".join(claim(data, place, item, "li") for item in items)
    return (
        f'<section class="key-points" aria-labelledby="in-brief"><h2 id="in-brief">{ui(data, place, "in_brief")}</h2>'
        f"<ul>{points}</ul></section>"
    )


def camp_counts(data: SiteData, place: Place) -> str:
    """The two camps' counts as large figures, each a link to its camp, then what they count: the factions the
    source names as the most prominent in each camp, cited where it names them."""
    items, paras = [], set()
    for camp in data.camps.camps:
        factions = data.factions_in(camp.id)
        paras.update(p for faction in factions for p in faction.paras)
        items.append(
            f'<li class="camp-counts__item camp-counts__item--{camp.id}"><a href="{place.link("camps", camp.id)}">'
            f'<span class="camp-counts__n">{digits(str(len(factions)), place.lang)}</span> '
            f'<span class="camp-counts__label">{ui(data, place, "count_label_" + camp.id, n=len(factions))}</span></a></li>'
        )
    note = f'<p class="camp-counts__note">{ui(data, place, "camp_counts_note")}{cite(data, place, sorted(paras))}</p>'
    return f'<div class="camp-counts"><ul>{"".join(items)}</ul>{note}</div>'


def camps_at_a_glance(data: SiteData, place: Place) -> str:
    """What each camp did and why, as one caption under the home page's diagram: the counts are in the figures
    above and the diagram's headings, so the caption says them no more (it was two boxes that repeated them)."""
    parts = [ui(data, place, f"camp_caption_{camp.id}", summary=say(camp.summary.text, place.lang))
             + cite(data, place, camp.summary.paras) for camp in data.camps.camps]
    # "story", as on the story's running text: a reader view (Readability) keeps a block so marked even when its
    # citations make it look like links (Arabic commas do not count as commas there, which would otherwise save it).
    return '<p class="camps-caption story">' + " ".join(parts) + "</p>"


# The page every page's footer links to (publish/hooks.py): Home's "Read on" cards leave it out, as they leave out
# Home and Search, so the cards are the story's own pages, and an even six that no grid leaves one of alone.
FOOTER_PAGE = "about"


def section_cards(data: SiteData, place: Place) -> str:
    cards = []
    for page in data.pages.pages:
        if page.id in ("index", "search", FOOTER_PAGE):
            continue
        # The space between the two spans shows nowhere on screen (the CSS sets each on its own line); without the
        # CSS (a reader view, a copy) it keeps the title and the text from running together ("Timeline" + "Every …").
        cards.append(
            f'<li class="section-card"><a href="{place.link(page.id)}"><span class="section-card__title">'
            f'{say(page.nav, place.lang)}</span> <span class="section-card__text">{say(page.description, place.lang)}'
            "</span></a></li>"
        )
    label = ui(data, place, "section_cards_label")
    return f'<nav aria-label="{label}"><ul class="section-cards">' + "".join(cards) + "</ul></nav>"


# ---------------------------------------------------------------- camps


def camp_heading(data: SiteData, place: Place, camp_id: str) -> str:
    camp = _entity(data, camp_id)
    return ui(data, place, "camp_count_heading", n=len(data.factions_in(camp_id)), name=say(camp.name, place.lang),
              count=count_phrase(data, place, camp_id))


def faction_list(data: SiteData, place: Place, camp_id: str) -> str:
    items = []
    for faction in data.factions_in(camp_id):
        facts = "".join(claim(data, place, fact) for fact in faction.facts)
        items.append(
            # The other script's name and the citation wrap as one unit: "[3]" never starts a line of its own.
            f'<li class="faction" id="{faction.id}"><p class="faction__names"><span class="faction__name">'
            f"{say(faction.name, place.lang)}</span> <span class=\"faction__tail\">"
            f"{other_script(faction.name, place.lang, 'faction__other')}{cite(data, place, faction.paras)}</span></p>"
            f"{facts}</li>"
        )
    return f'<ul class="factions factions--{camp_id}">' + "".join(items) + "</ul>"


def delegation(data: SiteData, place: Place) -> str:
    d = data.camps.delegation
    head, head_of, chosen_by = _entity(data, d.head), _entity(data, d.head_of), _entity(data, d.chosen_by)
    role = ui(data, place, "delegation_head_of",
              faction=f'<a href="#{head_of.id}">{say(head_of.name, place.lang)}</a>')
    return (
        '<div class="delegation">'
        + claim(data, place, d.summary)
        + '<dl class="facts-list">'
        + f"<dt>{ui(data, place, 'delegation_head')}</dt> <dd>{say(head.name, place.lang)} "
        + f"{other_script(head.name, place.lang)} ({role}){cite(data, place, d.summary.paras)}</dd>"
        + f"<dt>{ui(data, place, 'technical_team')}</dt> <dd>{say(d.technical_team.text, place.lang)}"
        + f"{cite(data, place, d.technical_team.paras)}</dd>"
        + f"<dt>{ui(data, place, 'chosen_by')}</dt> <dd>{say(chosen_by.name, place.lang)} "
        + f"{other_script(chosen_by.name, place.lang)}{cite(data, place, d.technical_team.paras)}</dd>"
        + "</dl></div>"
    )


def gap(data: SiteData, place: Place, gap_id: str) -> str:
    """A note in the story, not a sidebar: reader views (Readability) drop every <aside>, and would drop a short
    <div> whose citations make it look like a list of links; a paragraph they keep."""
    item = _entity(data, gap_id)
    return (
        f'<p class="gap" role="note" aria-label="{ui(data, place, "not_in_source")}"><strong>'
        f'{ui(data, place, "not_in_source")}:</strong> {say(item.text, place.lang)}{cite(data, place, item.paras)}</p>'
    )


# ---------------------------------------------------------------- reasons and quotes


def _speaker_camp(data: SiteData, speaker_id: str) -> str:
    """The camp a quote's accent shows: the speaker's camp, or "apart" for anyone in neither."""
    speaker = _entity(data, speaker_id)
    if isinstance(speaker, schema.Camp):
        return speaker.id
    return getattr(speaker, "camp", None) or "apart"


# The page sets each quote in its language's marks; a quotation inside it takes the second level, as Arabic and
# English publications nest them: «… “…” …», “… ‘…’ …». The data writes every quotation with the language's own
# marks (the text rules refuse “ ” in Arabic), so a quote's inner «الوقت» was shown «كسب «الوقت»».
_QUOTE_MARKS = {"ar": ("«", "»"), "en": ("“", "”")}
_INNER_MARKS = {"ar": str.maketrans("«»", "“”"), "en": str.maketrans("“”", "‘’")}


def quoted(text: str, lang: str) -> str:
    opening, closing = _QUOTE_MARKS[lang]
    return f"{opening}{text.translate(_INNER_MARKS[lang])}{closing}"


def quote(data: SiteData, place: Place, quote_id: str) -> str:
    item: schema.Quote = _entity(data, quote_id)
    speaker = say(_speaker_name(data, item.speaker), place.lang)
    said = ui(data, place, "quote_said", speaker=speaker, occasion=say(item.occasion, place.lang))
    original = ""
    if place.lang == "ar":
        # The source quotes in English; an Arabic reader sees our translation and, beneath it, the wording itself,
        # a left-to-right paragraph of its own (an isolated run inside a right-to-left one was set ragged left).
        original = f'<p class="quote__original" lang="en" dir="ltr">{quoted(esc(item.text.en), "en")}</p>'
    return (
        f'<figure class="quote quote--{_speaker_camp(data, item.speaker)}" id="quote-{item.id}"><blockquote><p>'
        f'{quoted(say(item.text, place.lang), place.lang)}'
        f"</p></blockquote>{original}<figcaption>— {said}{cite(data, place, item.paras)}"
        f' <span class="quote__note">({ui(data, place, "quote_note")})</span></figcaption></figure>'
    )


def reasons(data: SiteData, place: Place, camp_id: str) -> str:
    """Markdown: an h3 per reason (stable ids shared by both languages), then the reason and its quotes."""
    camp: schema.Camp = _entity(data, camp_id)
    blocks = []
    for reason in camp.reasons:
        body = claim(data, place, schema.Claim(text=reason.text, paras=reason.paras))
        body += "".join(quote(data, place, q) for q in reason.quotes)
        blocks.append(f"### {say(reason.title, place.lang)} {{#{reason.id}}}\n\n<div class=\"reason\">{body}</div>\n")
    return "\n".join(blocks)


# ---------------------------------------------------------------- actors, timeline, outlook


def actors(data: SiteData, place: Place) -> str:
    """Markdown: an h2 per group, then a card per actor with everything the source says of it."""
    blocks = []
    said_by: dict[str, list[str]] = {}  # one pass over the quotes, not one per actor
    for q in data.quotes.quotes:
        said_by.setdefault(q.speaker, []).append(q.id)
    for group in data.actors.groups:
        members = [a for a in data.actors.actors if a.group == group.id]
        cards = []
        for actor in members:
            facts = "".join(claim(data, place, fact, "li") for fact in actor.facts)
            said = "".join(quote(data, place, quote_id) for quote_id in said_by.get(actor.id, []))
            cards.append(
                f'<article class="actor" id="{actor.id}"><h3 class="actor__name">{say(actor.name, place.lang)} '
                f"{other_script(actor.name, place.lang)}</h3><p class=\"actor__kind\">"
                f'{ui(data, place, "kind_" + actor.kind)}</p><ul class="actor__facts">{facts}</ul>{said}</article>'
            )
        # What the source says of the group's actors together (the two sponsors) stands once, above their cards.
        shared = "".join(claim(data, place, fact, "li") for fact in group.facts)
        shared = f'<ul class="actors__shared">{shared}</ul>' if shared else ""
        blocks.append(f"## {say(group.title, place.lang)} {{#{group.id}}}\n\n{shared}"
                      f"<div class=\"actors\">{''.join(cards)}</div>\n")
    return "\n".join(blocks)


def _event_item(data: SiteData, place: Place, event: schema.Event) -> str:
    if event.date:
        when = f'<time datetime="{event.date}">{esc(format_span(data, place.lang, event.date, event.until))}</time>'
        return (f'<li class="event event--dated" id="{event.id}"><p class="event__when">{when}</p>'
                f'<p class="event__text">{say(event.text, place.lang)}{cite(data, place, event.paras)}</p></li>')
    # Under the band's "No date given": the event, then where the source lets us place it and relative to what.
    return (f'<li class="event event--undated" id="{event.id}"><p class="event__text">{say(event.text, place.lang)}'
            f'{cite(data, place, event.paras)}</p><p class="event__placement">{say(event.placement, place.lang)}</p></li>')


def timeline_list(data: SiteData, place: Place) -> str:
    """The dated events in time order (events.yml lists them so, and the validator holds it), with the source's own
    date in its place by the same rule (`schema.timeline_key`: a month-only date after the days in its month); then,
    in a band of their own under one heading, the events the source gives no date, in the order listed, each with its
    placement. A reader meets the sequence first, not an entry that cannot be dated."""
    events = data.events.events
    source_date = data.source.date
    source_item = (
        f'<li class="event event--source" id="source-date"><p class="event__when"><time datetime="{source_date}">'
        f"{esc(format_date(data, place.lang, source_date))}</time></p><p class=\"event__text\">"
        f'<a href="{place.link("about", "source")}">{ui(data, place, "timeline_source_published")}</a></p></li>'
    )
    # Stable: the events keep their listed order, and the source's date follows any event on the same day.
    entries = [(e.date, _event_item(data, place, e)) for e in events if e.date] + [(source_date, source_item)]
    dated = "".join(item for _, item in sorted(entries, key=lambda entry: schema.timeline_key(entry[0])))
    html = f'<ol class="timeline">{dated}</ol>'
    undated = "".join(_event_item(data, place, e) for e in events if not e.date)
    if undated:
        html += (f'<section class="timeline-band" aria-labelledby="undated"><h3 id="undated">{ui(data, place, "undated")}'
                 f'</h3><ul class="timeline timeline--undated">{undated}</ul></section>')
    return html


def outlook_context(data: SiteData, place: Place) -> str:
    return claims(data, place, data.outlook.context)


def outlook_readings(data: SiteData, place: Place) -> str:
    columns = []
    for reading in data.outlook.readings:
        points = "".join(claim(data, place, point, "li") for point in reading.points)
        columns.append(
            f'<section class="reading reading--{reading.id}" aria-labelledby="{reading.id}">'
            f'<h3 id="{reading.id}">{say(reading.title, place.lang)}</h3><ul>{points}</ul></section>'
        )
    return '<div class="two-columns">' + "".join(columns) + "</div>"


# ---------------------------------------------------------------- names A–Z


_ALEF = str.maketrans("أإآٱ", "اااا")


# How a letter group is headed where its filing letter is not the alphabet's own form: names filed under the bare
# alef (its hamza forms folded, sort_key) stand under «أ», as the alphabet is recited and printed (أ ب ت ث).
_LETTER_LABEL = {"ا": "أ"}


def letter_label(letter: str) -> str:
    return _LETTER_LABEL.get(letter, letter)


def sort_key(name: str, lang: str) -> str:
    if lang == "ar":
        # Arabic indexes file names under the letter after the article "ال". Strip it before normalising the
        # alef: "ألوية" must not become "الوية" and lose its first letters.
        return name.removeprefix("ال").translate(_ALEF).replace("ة", "ه")
    return name.casefold().removeprefix("the ")


def _entries(data: SiteData) -> list[tuple[str, object, str]]:
    """(id, item, role key) for everything with a name."""
    rows = [(f.id, f, f"kind_faction_{f.camp}") for f in data.factions.factions]
    rows += [(a.id, a, f"kind_{a.kind}") for a in data.actors.actors]
    rows += [(p.id, p, "kind_place") for p in data.places.places]
    return rows


def named_in(item) -> list[int]:
    """The paragraphs an entry of the names index cites for its spellings (the rule is schema.where_named's)."""
    return schema.where_named(item.named_in, getattr(item, "paras", []), [fact.paras for fact in item.facts])


def _spelling_list(values: list[tuple[str, str]], cited: str = "") -> str:
    # One item per spelling, each a block in its own direction: Latin spellings joined by a comma inside an
    # Arabic line would be reordered by the bidi algorithm and read scrambled. The language and direction go on
    # the item itself, not on a <bdi> inside it: this page is the heaviest to lay out, and one element fewer per
    # value took about a fifth off its style and layout time. The citation ends the last item, glued to its
    # words (after the list it would stand on a line of its own); that item keeps the page's direction, so the
    # citation follows the spelling on the page's side, and the spelling is isolated in its own.
    items = [f'<li lang="{al}" dir="{DIRECTION[al]}">{esc(digits(a, al))}</li>' for a, al in values]
    if cited and values:
        a, al = values[-1]
        items[-1] = f'<li><bdi lang="{al}" dir="{DIRECTION[al]}">{esc(digits(a, al))}</bdi>{cited}</li>'
    return "".join(items)


def _spelling_rows(data: SiteData, place: Place, item) -> list[str]:
    """The two kinds of spelling, each under its own label: the article's (cited), and ours, said to be ours."""
    rows = []
    theirs = [(s, "en") for s in roster.source_spellings(item)]
    rows.append(f"<dt>{ui(data, place, 'in_source')}</dt> <dd><ul class=\"aliases aliases--source\">"
                f"{_spelling_list(theirs, cite(data, place, named_in(item)))}</ul></dd>")
    former = item.former
    if former.source:
        formerly = [(s, "en") for s in former.source]
        paras = [p for fact in item.facts for p in fact.paras if any(s in fact.text.en for s in former.source)]
        rows.append(f"<dt>{ui(data, place, 'former_in_source')}</dt> <dd><ul class=\"aliases aliases--source\">"
                    f"{_spelling_list(formerly, cite(data, place, sorted(set(paras)) or named_in(item)))}</ul></dd>")
    for key, group in (("also_spelled", item.aliases), ("former_ours", former)):
        ours = [(a, "en") for a in group.en] + [(a, "ar") for a in group.ar]
        if ours:
            rows.append(f"<dt>{ui(data, place, key)}</dt> <dd><ul class=\"aliases aliases--ours\">{_spelling_list(ours)}</ul></dd>")
    return rows


def names_index(data: SiteData, place: Place, appearances: dict[str, list[tuple[str, str]]]) -> str:
    lang = place.lang
    rows = sorted(_entries(data), key=lambda row: sort_key(getattr(row[1].name, lang), lang))
    groups: dict[str, list[str]] = {}
    for entity_id, item, role in rows:
        letter = sort_key(getattr(item.name, lang), lang)[:1].upper()
        comma = LIST_COMMA[lang]
        links = comma.join(
            f'<a href="{place.link(page_id, anchor)}">{say(data.page(page_id).nav, lang)}</a>'
            for page_id, anchor in appearances.get(entity_id, [])
        )
        details = [f"<dt>{ui(data, place, 'in_other_script')}</dt> {other_script(item.name, lang, tag='dd')}"]
        details += _spelling_rows(data, place, item)
        if links:
            details.append(f"<dt>{ui(data, place, 'appears_on')}</dt> <dd class=\"name-entry__appears\">{links}</dd>")
        if isinstance(item, schema.Place):
            # Places have no page of their own: what the source says of them stands here.
            facts = "".join(claim(data, place, fact, "li") for fact in item.facts)
            details.append(f"<dt>{ui(data, place, 'source_says')}</dt> <dd><ul class=\"name-entry__facts\">{facts}</ul></dd>")
        groups.setdefault(letter, []).append(
            f'<li class="name-entry" id="{entity_id}"><p class="name-entry__name">{say(item.name, lang)}'
            f' <span class="name-entry__role">{ui(data, place, role)}</span></p>'
            f'<dl class="name-entry__details">{" ".join(details)}</dl></li>'
        )
    # Letter sections are named by their letter: the alphabets differ, so they cannot share ids across languages
    # (the entries inside them do).
    jump = "".join(f'<li><a href="#letter-{esc(letter)}">{esc(letter_label(letter))}</a></li>' for letter in groups)
    sections = "".join(
        f'<section class="name-letter" aria-labelledby="letter-{esc(letter)}"><h2 id="letter-{esc(letter)}">'
        f'<span class="name-letter__key">{esc(letter_label(letter))}</span></h2>'
        f'<ul class="name-entries">{"".join(groups[letter])}</ul></section>'
        for letter in groups
    )
    label = ui(data, place, "jump_to_letter")
    return f'<nav class="letters" aria-label="{label}"><ul>{jump}</ul></nav>{sections}'


# ---------------------------------------------------------------- about


def source_facts(data: SiteData, place: Place) -> str:
    src = data.source
    title = f'<cite class="source-title" lang="en" dir="ltr">{esc(src.title.en)}</cite>'
    if place.lang == "ar":
        # On a line of its own under the English title: inside one Arabic line, the title's words were split
        # across lines around the translation.
        # The space keeps the two apart in copied text and in the search index, where blocks do not separate words.
        title += (f' <span class="source-title__translation">({ui(data, place, "title_translation")}: '
                  f"{say(src.title, 'ar')})</span>")
    return (
        '<dl class="facts-list" id="source">'
        f"<dt>{ui(data, place, 'source_title')}</dt> <dd>{title}</dd>"
        f"<dt>{ui(data, place, 'source_date')}</dt> <dd><time datetime=\"{src.date}\">"
        f"{esc(format_date(data, place.lang, src.date))}</time></dd>"
        f"<dt>{ui(data, place, 'source_publisher')}</dt> <dd>{ui(data, place, 'source_publisher_none')}</dd></dl>"
    )


def source_date(data: SiteData, place: Place) -> str:
    return f'<time datetime="{data.source.date}">{esc(format_date(data, place.lang, data.source.date))}</time>'


def paragraph_list(data: SiteData, place: Place) -> str:
    sections = {s.first_paragraph: s for s in data.source.sections}
    items = []
    for paragraph in data.source.paragraphs:
        section = sections.get(paragraph.n)
        if section is not None:
            items.append(
                f'<li class="source-section" id="{section.id}" aria-hidden="false"><span class="source-section__label">'
                f'{ui(data, place, "sections_of_source")}:</span> {_latin(section.title.en)}'
                + (f" ({say(section.title, 'ar')})" if place.lang == "ar" else "") + "</li>"
            )
        number = digits(str(paragraph.n), place.lang)
        items.append(
            f'<li class="source-paragraph" id="p-{paragraph.n}"><span class="source-paragraph__n">'
            f'{ui(data, place, "paragraph")} {number}</span> {say(paragraph.summary, place.lang)}</li>'
        )
    return '<ol class="source-paragraphs" role="list">' + "".join(items) + "</ol>"


def gaps_list(data: SiteData, place: Place) -> str:
    rows = "".join(
        f'<li id="{g.id}"><strong>{say(g.topic, place.lang)}.</strong> {say(g.text, place.lang)}'
        f"{cite(data, place, g.paras)}</li>"
        for g in data.gaps.gaps
    )
    return f'<ul class="gaps">{rows}</ul>'


def corrections_list(data: SiteData, place: Place) -> str:
    if not data.corrections.corrections:
        return f'<p class="corrections-none">{ui(data, place, "corrections_none")}</p>'
    rows = "".join(
        f'<li><p><time datetime="{c.date}">{ui(data, place, "correction_dated", date=esc(format_date(data, place.lang, c.date)))}'
        f"</time></p><p>{say(c.text, place.lang)}</p></li>"
        for c in data.corrections.corrections
    )
    return f'<ul class="corrections">{rows}</ul>'


def search_box(data: SiteData, place: Place) -> str:
    return (
        f'<div class="search-panel"><p id="search-hint">{ui(data, place, "search_hint")}</p>'
        # Search (assets/: MiniSearch, search.js, the records) is loaded by explainer.js on the first focus or
        # keystroke in this box, never before.
        f'<div id="search" data-bundle="{place.to_site_root}assets/" data-label="{ui(data, place, "search_label")}">'
        f'<form class="search-form" role="search" method="get"><input id="search-input" class="search-input" '
        f'type="search" name="q" aria-label="{ui(data, place, "search_label")}" aria-describedby="search-hint" '
        f'placeholder="{ui(data, place, "search_placeholder")}" dir="auto" autocomplete="off" spellcheck="false"></form>'
        f'<p class="search-message" role="status"></p><ol class="search-results"></ol></div>'
        f'<noscript><p>{ui(data, place, "search_no_script")} '
        f'<a href="{place.link("names")}">{say(data.page("names").nav, place.lang)}</a></p></noscript></div>'
    )


def roster_downloads(data: SiteData, place: Place, about_link: bool = True) -> str:
    """Links to the factions as CSV and JSON, which the build writes once at the site root (explainer/render/roster.py)."""
    base = f"{place.to_site_root}{roster.DOWNLOADS}/"
    csv_link = f'<a href="{base}{roster.CSV_NAME}" type="text/csv" download>{text_in("CSV", place.lang)}</a>'
    json_link = f'<a href="{base}{roster.JSON_NAME}" type="application/json" download>{text_in("JSON", place.lang)}</a>'
    # The link is a sentence of its own ("About these files."): without its full stop (the same in both scripts) it
    # read as a fragment left unfinished (review 9).
    about = f' <a href="{place.link("about", "downloads")}">{ui(data, place, "roster_about")}</a>.' if about_link else ""
    return f'<p class="downloads">{ui(data, place, "roster_downloads", csv=csv_link, json=json_link)}{about}</p>'
