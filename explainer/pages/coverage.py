"""What each page shows, measured: every text of data/ that a page prints, where on the page, in which language.

Nothing here is declared by hand. Every text of data/ (each language of each `Text`, each other spelling) is
marked with a code of its own, every page's macro calls are rendered on the marked data with the macros of
registry.py, and the codes found in the output say which entry and field each page shows, under which anchor
(the nearest element id around it, or the heading it follows). From that one measurement come:

- the files a page's foot links for editing (`page_files`);
- the "appears on" links of the names index (`appearances`): the pages that print a thing's name or a text
  that names it, at the anchor nearest to it;
- the change report's "shown on" for one change (`pages_showing`);
- the checks that nothing an editor adds vanishes (`check_shown`): each quote printed exactly once, each name
  found on the same pages in both languages.

A renderer that starts showing a new field is measured as it is, so none of these can fall out of step with it.
"""
from __future__ import annotations

import re
from contextvars import ContextVar
from dataclasses import dataclass, fields
from html.parser import HTMLParser
from pathlib import Path
from typing import Callable

from pydantic import BaseModel

from explainer.data import schema
from explainer.data.errors import DataError
from explainer.data.languages import DIRECTION
from explainer.data.loader import SiteData
from explainer.data.messages import Both, Counted, M
from explainer.render.html import Place

# A code is letters only, so that no renderer changes it: Arabic pages turn digits into Arabic-Indic ones, and
# Latin runs in Arabic text are wrapped, but a run of Latin letters is kept whole.
_CODE = re.compile(r"QX([a-z]+)XQ")
_MD_HEADING = re.compile(r"^(#{1,6})[ \t](.*?)\{#([A-Za-z0-9_-]+)\}[ \t]*$", re.M)
_HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
# Measuring renders the names index too, which would ask for the appearances it is measuring.
_measuring: ContextVar[bool] = ContextVar("measuring", default=False)
STRINGS_DIR = "i18n"


@dataclass(frozen=True)
class Shown:
    """One text of data/ printed on one page: page id, page language, anchor ("" = the top), the data file, the
    path of the field in it (("factions", 3, "name") for a Text, ("factions", 3, "aliases", "en", 0) for a
    spelling), the language of the text printed, and whether it is printed as text (not only in an attribute)."""

    page: str
    lang: str
    anchor: str
    file: str
    path: tuple
    text_lang: str
    as_text: bool

    @property
    def entry(self) -> tuple:
        """The entry the field belongs to: ("factions", 3); a top-level field stands for itself."""
        return self.path[:2] if len(self.path) > 1 and isinstance(self.path[1], int) else self.path[:1]


@dataclass(frozen=True)
class _Origin:
    file: str
    path: tuple
    lang: str
    text: str


def _letters(n: int) -> str:
    out = ""
    while True:
        n, r = divmod(n, 26)
        out = chr(97 + r) + out
        if n == 0:
            return out
        n -= 1


def _marked(data: SiteData) -> tuple[SiteData, dict[str, _Origin]]:
    """The data with every text starting with its code; the codes' origins."""
    origins: dict[str, _Origin] = {}

    def tag(text: str, file: str, path: tuple, lang: str) -> str:
        code = _letters(len(origins))
        origins[code] = _Origin(file, path, lang, text)
        return f"QX{code}XQ {text}"

    def mark(value, file: str, path: tuple):
        if isinstance(value, schema.Text):
            return type(value).model_construct(**{lg: tag(getattr(value, lg), file, path, lg) for lg in schema.LANGUAGES})
        if isinstance(value, schema.Aliases):
            return schema.Aliases.model_construct(**{
                key: [tag(a, file, path + (key, i), value.LANGUAGE_OF[key]) for i, a in enumerate(getattr(value, key))]
                for key in type(value).model_fields})
        if isinstance(value, BaseModel):
            return type(value).model_construct(**{name: mark(getattr(value, name), file, path + (name,))
                                                  for name in type(value).model_fields})
        if isinstance(value, list):
            return [mark(item, file, path + (i,)) for i, item in enumerate(value)]
        return value

    models = {}
    for f in fields(SiteData):
        value = getattr(data, f.name)
        models[f.name] = mark(value, f"{f.name}.yml", ()) if isinstance(value, BaseModel) else value
    models["cache"] = {}
    return SiteData(**models), origins


class _Scan(HTMLParser):
    """Each code in a rendered call, with the id of the innermost element around it (outside SVG, whose ids are
    titles and descriptions, not places to land), or else the anchor of the heading it follows."""

    def __init__(self, anchor: str):
        super().__init__(convert_charrefs=True)
        self.anchor = anchor
        self.stack: list[tuple[str, str | None]] = []
        self.svg = 0
        self.found: list[tuple[str, str, bool]] = []

    def _here(self) -> str:
        return next((i for _, i in reversed(self.stack) if i is not None), self.anchor)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "x-anchor":
            self.anchor = attrs.get("id") or ""
            return
        for value in attrs.values():
            self.found += [(code, self._here(), False) for code in _CODE.findall(value or "")]
        if tag in _VOID:
            return
        self.svg += tag == "svg"
        self.stack.append((tag, None if self.svg else attrs.get("id")))

    def handle_startendtag(self, tag, attrs):
        for value in dict(attrs).values():
            self.found += [(code, self._here(), False) for code in _CODE.findall(value or "")]

    def handle_endtag(self, tag):
        for i in range(len(self.stack) - 1, -1, -1):
            if self.stack[i][0] == tag:
                # What follows a heading is its section, as in Markdown: `<h3 id="x">…</h3><ul>…</ul>`.
                if tag in _HEADINGS and self.stack[i][1] is not None:
                    self.anchor = self.stack[i][1]
                del self.stack[i:]
                break
        self.svg -= tag == "svg" and self.svg > 0

    def handle_data(self, text):
        self.found += [(code, self._here(), True) for code in _CODE.findall(text)]


def _headings_as_anchors(markdown: str) -> str:
    """A renderer's Markdown headings (`### Title {#id}`) become anchors the scan follows; level 1 is the top."""
    return _MD_HEADING.sub(lambda m: f'<x-anchor id="{"" if len(m.group(1)) == 1 else m.group(3)}">{m.group(2)}',
                           markdown)


def _measure(data: SiteData, macros: dict) -> tuple[list[Shown], dict[str, _Origin]]:
    marked, origins = _marked(data)
    out: list[Shown] = []
    token = _measuring.set(True)
    try:
        for lang, layouts in (data.layouts or {}).items():
            place = Place(lang=lang, to_lang_root="", to_site_root="")
            for page, layout in layouts.items():
                anchor = ""
                for step in layout:
                    if isinstance(step, str):
                        anchor = step
                        continue
                    name, args = step
                    scan = _Scan(anchor)
                    scan.feed(_headings_as_anchors(str(macros[name].render(marked, place, *args))))
                    scan.close()
                    anchor = scan.anchor
                    for code, where, as_text in scan.found:
                        o = origins[code]
                        out.append(Shown(page, lang, where, o.file, o.path, o.lang, as_text))
    finally:
        _measuring.reset(token)
    return out, origins


def shown(data: SiteData, macros: dict) -> list[Shown]:
    """Every text each page prints, in page order (measured once per loaded data)."""
    if "shown" not in data.cache:
        data.cache["shown"], data.cache["origins"] = _measure(data, macros)
    return data.cache["shown"]


def text_at(data: SiteData, file: str, path: tuple, lang: str) -> str:
    """The text of data/ at a path of `Shown`, in one language."""
    value = getattr(data, file.removesuffix(".yml"))
    for part in path:
        value = value[part] if isinstance(part, int) else getattr(value, part)
    return value if isinstance(value, str) else getattr(value, lang)


# ---------------------------------------------------------------- edit links and the change report


EVERY_PAGE = ("pages.yml", "source.yml")  # each page's title and menu; the masthead's dateline


def page_files(data: SiteData, macros: dict, page: str, lang: str) -> list[str]:
    """The data files a page shows, in the order the page first prints them; then those every page shows."""
    found = list(dict.fromkeys(s.file for s in shown(data, macros) if s.page == page and s.lang == lang))
    return found + [f for f in (*EVERY_PAGE, f"{STRINGS_DIR}/{lang}.yml") if f not in found]


def pages_showing(data: SiteData, macros: dict, file: str, path: tuple) -> list[str]:
    """The pages (in menu order) that print the text at `path` of `file` in either language; for a value that is
    not printed as text (a date, paragraph numbers), those that print its entry's texts."""
    path = tuple(path)
    # Interface strings, and a page's menu label (the menu is on every page), are printed everywhere.
    if file.startswith(STRINGS_DIR) or file in EVERY_PAGE and not path or file == "pages.yml" and path[2:3] == ("nav",):
        return [p.id for p in data.pages.pages]
    texts = [s for s in shown(data, macros) if s.file == file]
    pages = {s.page for s in texts if s.path[:len(path)] == path}
    if not pages:
        entry = Shown("", "", "", file, path, "", True).entry
        pages = {s.page for s in texts if s.path[:len(entry)] == entry}
    if not pages and file in EVERY_PAGE:
        return [p.id for p in data.pages.pages]  # the masthead's dateline is the source's date, on every page
    if file == "pages.yml" and len(path) > 1:
        pages.add(data.pages.pages[path[1]].id)  # an entry's title and description are its own page's
    return [p.id for p in data.pages.pages if p.id in pages]


# ---------------------------------------------------------------- "appears on"


_NAMED = (("factions.yml", "factions"), ("actors.yml", "actors"), ("places.yml", "places"))


def named(data: SiteData) -> list[tuple[str, str, int, object]]:
    """(file, key, index, item) of everything with a name and an entry in the names index."""
    return [(file, key, i, item) for file, key in _NAMED
            for i, item in enumerate(getattr(getattr(data, file.removesuffix(".yml")), key))]


def spellings(item, lang: str) -> list[str]:
    """The forms of a name that prose may use: the name, its aliases, and each without its article where prose
    drops it (Arabic "ال" after a preposition or in a construct; English "The" in mid-sentence, "the Kurds")."""
    names = [getattr(item.name, lang), *item.aliases.every(lang), *item.former.every(lang)]
    if lang == "ar":
        # After the preposition "ل" the article's alef drops: "للأمم المتحدة" holds "لأمم المتحدة", not the name.
        return names + [s.removeprefix("ال") for s in names if s.startswith("ال") and " " not in s] + [
            s[1:] for s in names if s.startswith("ال") and " " in s]
    return names + [s.removeprefix("The ") for s in names if s.startswith("The ")]


class _Finder:
    """Which names a text contains, every spelling at once: one pass of a regular expression per text instead of
    every spelling against every text (data ×100 has thousands of each).

    A spelling counts only as a whole word at its end ("Syria" is not in "Syrian", «الكرد» not in «الكردية»), and
    in English at its start too; an Arabic name takes its prepositions and conjunctions as prefixes («وروسيا»,
    «لتركيا»), so there only its end is a boundary."""

    def __init__(self, forms: dict[str, set[str]], whole_word_start: bool):
        self.forms = forms
        # At each position the pattern takes the longest spelling; the shorter ones that match there are its
        # prefixes, looked up below. The spellings are one trie: an alternation of thousands (data ×100) was tried
        # one by one at every character, 12.6 s of validating data ×100.
        start = r"(?<!\w)" if whole_word_start else ""
        self.pattern = re.compile(start + "(?=(" + _trie_pattern(forms) + "))") if forms else None

    def ids_in(self, text: str) -> set[str]:
        found: set[str] = set()
        if self.pattern is None:
            return found
        for match in self.pattern.finditer(text):
            longest = match.group(1)
            for k in range(1, len(longest) + 1):
                ids = self.forms.get(longest[:k])
                end = match.start() + k
                if ids and not (end < len(text) and (text[end].isalnum() or text[end] == "_")):
                    found |= ids  # else the word goes on: this spelling is part of a longer word
        return found


def _trie_pattern(words) -> str:
    """A regular expression matching the longest of `words` that starts here: their common beginnings written once
    (a trie), each longer continuation tried before ending."""
    trie: dict = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def pattern(node: dict) -> str:
        branches = [re.escape(char) + pattern(child) for char, child in sorted(node.items()) if char]
        if not branches:
            return ""
        group = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if "" in node:  # a word ends here: a longer one first, else stop
            return "(?:" + group + ")?"
        return group
    return pattern(trie)


def _finder(data: SiteData, lang: str) -> _Finder:
    forms: dict[str, set[str]] = {}
    for _, _, _, item in named(data):
        for form in spellings(item, lang):
            if form:
                forms.setdefault(form, set()).add(item.id)
    return _Finder(forms, whole_word_start=DIRECTION[lang] == "ltr")


def _index_pages(data: SiteData) -> set[str]:
    """The names index lists every name: it is where "appears on" is printed, not a place it links to."""
    return {page for layouts in (data.layouts or {}).values() for page, layout in layouts.items()
            if any(not isinstance(step, str) and step[0] == "names_index" for step in layout)}


def mentions(data: SiteData, macros: dict, lang: str) -> list[tuple[Shown, set[str]]]:
    """Each text printed on a page in `lang` (in that language) with the ids of the things it names or is."""
    if _measuring.get():
        return []
    key = f"mentions-{lang}"
    if key not in data.cache:
        finder = _finder(data, lang)
        skip = _index_pages(data)
        own = {(file, (k, i)): item.id for file, k, i, item in named(data)}
        found = []
        for s in shown(data, macros):
            if s.lang != lang or s.text_lang != lang or s.page in skip or not s.as_text:
                continue
            ids = finder.ids_in(text_at(data, s.file, s.path, lang))
            subject = own.get((s.file, s.entry)) if len(s.path) > 2 and s.path[2] in ("name", "aliases") else None
            found.append((s, ids | {subject} if subject else ids, subject))
        data.cache[key] = found
    return [(s, ids) for s, ids, _ in data.cache[key]]


def appearances(data: SiteData, lang: str, macros: dict) -> dict[str, list[tuple[str, str]]]:
    """id -> [(page id, anchor)]: one link per page, in menu order, to where the page prints the thing's own name
    if it does, else to the first text on it that names it."""
    if _measuring.get():
        return {}
    first: dict[str, dict[str, str]] = {}
    subject: dict[str, dict[str, str]] = {}
    for s, ids in mentions(data, macros, lang):
        for thing in ids:
            first.setdefault(thing, {}).setdefault(s.page, s.anchor)
    for s, ids, own_id in data.cache[f"mentions-{lang}"]:
        if own_id:
            subject.setdefault(own_id, {}).setdefault(s.page, s.anchor)
    order = [p.id for p in data.pages.pages]
    result = {}
    for _, _, _, item in named(data):
        links = {**first.get(item.id, {}), **subject.get(item.id, {})}
        result[item.id] = sorted(links.items(), key=lambda kv: order.index(kv[0]))
    return result


# ---------------------------------------------------------------- nothing vanishes


def _only_alias(data: SiteData, item, lang: str, texts: list[Shown]) -> tuple[int, str, Shown, str] | None:
    """(index in aliases.LANG, the spelling, the first text, the words it was found in) when the texts name `item`
    only through one of its other spellings: `aliases: {en: [No, …]}` named Sham Legion in "No trust in the
    sponsors", and the message blamed the Arabic name and the camps' reason, not the alias."""
    listed, own = item.aliases.every(lang), list(getattr(item.aliases, lang, []))
    finder = _Finder({form: {form} for form in spellings(item, lang) if form}, DIRECTION[lang] == "ltr")
    hits, first = set(), None
    for s in texts:
        text = text_at(data, s.file, s.path, lang)
        found = finder.ids_in(text)
        if not found or not found <= set(listed):
            return None
        hits |= found
        first = first or (s, text)
    if len(hits) != 1 or next(iter(hits)) not in own or first is None:
        return None
    spelling = next(iter(hits))
    s, text = first
    at = re.search(r"(?<!\w)" + re.escape(spelling), text)
    start = at.start() if at else 0
    return own.index(spelling), spelling, s, text[start:start + 40] + ("…" if len(text) > start + 40 else "")


def quote_page(data: SiteData, speaker: str) -> str:
    """An actor's own words stand on its card (actors page); the factions' and camps' on the reasons page."""
    return "actors" if any(a.id == speaker for a in data.actors.actors) else "reasons"


def _page_calls(docs: Path | None, data: SiteData, macro: str, arg: str) -> list[str]:
    """docs/LANG/PAGE.md:LINE of each call of `macro` with the one argument `arg` in the pages (their layouts say
    which pages call it; the line is read from the file)."""
    found = []
    call = re.compile(r"\{\{\s*" + re.escape(macro) + r"\(\s*[\"']" + re.escape(arg) + r"[\"']\s*\)")
    for lang, layouts in sorted((data.layouts or {}).items()):
        for page, layout in layouts.items():
            if docs is None or (macro, (arg,)) not in layout:
                continue
            name = f"{lang}/{page}.md"
            lines = (docs / name).read_text(encoding="utf-8").split("\n") if (docs / name).is_file() else []
            found += [f"docs/{name}:{n}" for n, line in enumerate(lines, 1) if call.search(line)] or [f"docs/{name}"]
    return found


def _listed_under_reasons(data: SiteData, quote_id: str) -> list[tuple]:
    return [("camps", c, "reasons", r, "quotes", q) for c, camp in enumerate(data.camps.camps)
            for r, reason in enumerate(camp.reasons) for q, listed in enumerate(reason.quotes) if listed == quote_id]


def check_shown(data: SiteData, macros: dict, position: Callable[[str, tuple], tuple[int, int]],
                docs: Path | None = None) -> list[DataError]:
    """Nothing an editor adds may vanish: each quote is printed exactly once, on the page of its speaker; each
    name is found on the same pages in both languages (a renamed spelling would silently drop its links).
    `position(file, path)` gives the line and column of a value, for the messages."""
    errors: list[DataError] = []

    def err(file: str, path: tuple, message: M) -> None:
        line, col = position(file, path)
        errors.append(DataError(f"data/{file}", line, col, message))

    lang = schema.LANGUAGES[0]
    printed: dict[int, list[str]] = {}
    for s in shown(data, macros):
        if s.file == "quotes.yml" and s.path[2:] == ("text",) and s.lang == lang == s.text_lang and s.as_text:
            printed.setdefault(s.path[1], []).append(s.page)
    for i, quote in enumerate(data.quotes.quotes):
        where, page = printed.get(i, []), quote_page(data, quote.speaker)
        if not where:
            err("quotes.yml", ("quotes", i, "id"), M(
                'the quote "{id}" is shown on no page; list its id under `quotes:` of the reason it supports in '
                "data/camps.yml (the Reasons page shows it there)", id=quote.id))
        elif len(where) > 1 and _listed_under_reasons(data, quote.id) and _page_calls(docs, data, "quote", quote.id):
            # Said where the editor most likely added it: "shown 2 times (reasons, reasons)" named neither place.
            # Editors list quotes under reasons; a page's own call is a maintainer's (CONTRIBUTING.md).
            err("camps.yml", _listed_under_reasons(data, quote.id)[0], M(
                'the quote "{id}" is listed here, under a reason, and the page "{page}" also shows it with '
                '{{{{ quote("{id}") }}}} ({calls}), so it would be shown twice; remove it from this list (the '
                "page's own quote stays)", id=quote.id, page=where[0], calls=", ".join(_page_calls(docs, data, "quote", quote.id))))
        elif len(where) > 1:
            err("quotes.yml", ("quotes", i, "id"), Counted(
                'the quote "{id}" would be shown {count} time ({where}); keep it in one place',
                'the quote "{id}" would be shown {count} times ({where}); keep it in one place', len(where),
                id=quote.id, count=len(where), where=", ".join(where)))
        elif where[0] != page:
            err("quotes.yml", ("quotes", i, "id"), M(
                'the quote "{id}" is shown on the page "{where}", but a quote of this speaker belongs on "{page}"; '
                "move it there", id=quote.id, where=where[0], page=page))
    found = {lg: appearances(data, lg, macros) for lg in schema.LANGUAGES}
    # Texts with both languages side by side (not names, not other spellings, which are one language each).
    texts = {lg: [(s, ids) for s, ids in mentions(data, macros, lg) if "aliases" not in s.path and s.path[-1] != "name"]
             for lg in schema.LANGUAGES}
    for file, key, i, item in named(data):
        pages = {lg: {page for page, _ in found[lg].get(item.id, [])} for lg in schema.LANGUAGES}
        for lg, other in zip(schema.LANGUAGES[::-1], schema.LANGUAGES):
            missing = sorted(pages[other] - pages[lg])
            if not missing:
                continue
            # The texts to change: every text printed anywhere that names it in the other language and not in this
            # one. Only those on the pages that lost it were listed: the Home standfirst and the delegation kept
            # "Jaysh al-Islam" after a rename, as Home still showed the new name in its list of factions.
            named_here = {(s.file, s.path) for s, ids in texts[lg] if item.id in ids}
            stale = sorted({(s.file, position(s.file, s.path)[0]) for s, ids in texts[other]
                            if item.id in ids and (s.file, s.path) not in named_here})
            if not stale:
                # Only another entry's name names it there (a new faction "Free Syrian Legion" names Syria): the
                # message said "(-)" and left the editor with nowhere to look.
                stale = sorted({(s.file, position(s.file, s.path)[0]) for s, ids in mentions(data, macros, other)
                                if s.page in missing and item.id in ids and (s.file, s.path[:2]) != (file, (key, i))})
            labels = [data.page(page).nav for page in missing]
            pages_said = Both(", ".join(f"“{label.en}”" for label in labels), "، ".join(f"«{label.ar}»" for label in labels))
            alias = _only_alias(data, item, other, [s for s, ids in texts[other]
                                                    if item.id in ids and (s.file, s.path) not in named_here])
            if alias:
                a, spelling, where, excerpt = alias
                where = f"data/{where.file}:{position(where.file, where.path)[0]}"
                err(file, (key, i, "aliases", other, a), M(
                    'the other spelling "{alias}" makes a text name "{name}" ({text}: "{excerpt}"), but the {language} '
                    "there does not name it, so the page(s) {pages} lose their links to it; if that text is not about "
                    '"{name}", remove this spelling from aliases ({lang}); if it is, name it in the {language} there',
                    alias=spelling, name=getattr(item.name, other), lang=other, text=where, excerpt=excerpt,
                    pages=pages_said, language=M("Arabic") if lg == "ar" else M("English")))
                continue
            err(file, (key, i, "name", lg), M(
                '"{name}" is not found in the {language} of texts that name it in {other_language} ({texts}), so '
                "the page(s) {pages} lose their links to it; use this spelling there, or add the spelling used there "
                "to aliases ({lang})",
                name=getattr(item.name, lg), lang=lg,
                texts=", ".join(f"data/{f}:{line}" for f, line in stale) or "-",
                pages=pages_said, language=M("Arabic") if lg == "ar" else M("English"),
                other_language=M("English") if lg == "ar" else M("Arabic")))
    return errors
