"""Every text the site takes from data/ and every interface string, poisoned at once, in one real build.

Each text value of every data file (found by walking the YAML: a string under an `en:` or `ar:` key, so Text
fields and aliases alike) and each form of each interface string in data/i18n/ gets its own marker: markup, a
Jinja expression, an entity and Markdown emphasis, around a tag of letters only (Arabic pages rewrite digits).
Then every published page (both languages, the 404s, <title>, meta tags, attributes such as aria-label, the
search page's JSON) and both downloads are parsed, and these must hold:

- nothing ran: no element carries the marker's attribute (the markup stayed text);
- every marker is printed somewhere, exactly as written: `{{ 7*7 }}` not `49`, `&amp;` not `&`, `*tag*` not an
  emphasis. This is also the proof that every interface string and every data text is shown on some page: a
  string no page prints fails here unless the one allow-list (`not_printed`) says why;
- wherever a marker's tag shows, its whole payload shows as written (printed right on one page is not enough);
- an Arabic page's title and link-preview tags show Arabic-Indic digits, as its body does.

A failure names the field (`data/quotes.yml: quotes[2].text.en`) and the published file. The search records
(assets/search/*.json) are read like the other JSON.
"""
from __future__ import annotations

import csv
import itertools
import json
import re
import string
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import get_args

import pytest
import yaml
from bs4 import BeautifulSoup

from explainer.data import schema
from explainer.data.loader import STRINGS_DIR, load_data
from explainer.render.strings import plural_category

from .conftest import copy_project, mkdocs_build

LANGS = schema.LANGUAGES
ATTRIBUTE = "data-x"
_EASTERN = str.maketrans("٠١٢٣٤٥٦٧٨٩", "0123456789")


# A word in the value's own language: an Arabic string made of placeholders only ("{speaker}، {occasion}") must
# still contain Arabic letters to be valid.
WORD = {"en": "poison", "ar": "سمّ"}
TEMPLATE = "{{ 7*7 }}"  # with digits: an Arabic page must show them as ٧*٧


def payload(tag: str, lang: str) -> str:
    """What each value carries: live markup if unescaped, 49 if run as a template, & if an entity is decoded
    twice, an emphasis if read as Markdown."""
    return f'<b {ATTRIBUTE}="{tag}">{WORD[lang]} {TEMPLATE} &amp; *{tag}* _{tag}_</b>'


def short_payload(tag: str, lang: str) -> str:
    """A menu label's (schema.MAX_NAV characters at most, too few for the whole payload): markup and emphasis in
    English, the template and the entity in Arabic; the menu, printed alike in both languages, gets all four."""
    return {"en": f"<b {ATTRIBUTE}={tag}>*{tag}*</b>", "ar": f"{WORD['ar']} {TEMPLATE} &amp; _{tag}_"}[lang]


def _tags():
    # Letters only: on Arabic pages every digit is rewritten, and a tag must read the same on both.
    for letters in itertools.product(string.ascii_lowercase, repeat=3):
        yield "zq" + "".join(letters)


@dataclass(frozen=True)
class Marker:
    tag: str
    field: str  # "data/quotes.yml: quotes[2].text.en"
    shown: str  # the text a reader must see

    @property
    def needle(self) -> str:
        return _normal(self.shown)


def _normal(text: str) -> str:
    # Whitespace goes (a figure wraps a label into lines, a <bdi> splits runs); Arabic-Indic digits read as
    # Western (the payload's 7*7 is written in the page's digits).
    return "".join(text.split()).translate(_EASTERN)


def _label(path: tuple) -> str:
    out = ""
    for seg in path:
        out += f"[{seg}]" if isinstance(seg, int) else (f".{seg}" if out else str(seg))
    return out


def _spellings_of_source(path: tuple, key: str) -> bool:
    return key == "source" and path[-1:] in (("aliases",), ("former",))


def _poison_data(value, path: tuple, lang: str | None, rel: str, tags, markers: list[Marker]):
    """Every string under an en:/ar: key (a Text field, or a list of aliases) gets its marker, and so does each of
    the source's spellings (`aliases.source`, `former.source`: Latin); ids, dates and other values the schema
    constrains stay as they are."""
    if isinstance(value, dict):
        return {k: _poison_data(v, path + (k,), k if k in LANGS else "en" if _spellings_of_source(path, k) else lang,
                                rel, tags, markers)
                for k, v in value.items()}
    if isinstance(value, list):
        return [_poison_data(v, path + (i,), lang, rel, tags, markers) for i, v in enumerate(value)]
    if isinstance(value, str) and lang:
        tag = next(tags)
        if rel == "pages.yml" and path[-2:-1] == ("nav",):
            short = short_payload(tag, lang)  # in place of the label's text
            assert len(short) <= schema.MAX_NAV, short
            markers.append(Marker(tag, f"data/{rel}: {_label(path)}", short))
            return short
        markers.append(Marker(tag, f"data/{rel}: {_label(path)}", payload(tag, lang)))
        if rel == "story.yml" and path[:1] == ("lead",):
            # A key point is held to a count of words: its first words make room for the payload.
            value = " ".join(value.split()[: schema.MAX_KEY_POINT_WORDS - len(payload(tag, lang).split())])
        # After the original, so a name keeps its first letter (the names index files it by that letter).
        return f"{value} {payload(tag, lang)}"
    return value


def _source_spellings(value, path: tuple = ()) -> list[str]:
    """Every string of an `aliases.source` or `former.source` list in a file's (poisoned) value."""
    if isinstance(value, dict):
        return [s for k, v in value.items() for s in (
            v if _spellings_of_source(path, k) and isinstance(v, list) else _source_spellings(v, path + (k,)))]
    if isinstance(value, list):
        return [s for i, v in enumerate(value) for s in _source_spellings(v, path + (i,))]
    return []


def _poison_string(form: str, lang: str, field: str, tags, markers: list[Marker]) -> str:
    """An interface string keeps its {placeholders}; its literal braces are written doubled, as a translator
    writes them."""
    tag = next(tags)
    markers.append(Marker(tag, field, payload(tag, lang)))
    return f"{form} " + payload(tag, lang).replace("{", "{{").replace("}", "}}")


def _one_correction(value: dict, source: dict) -> None:
    # corrections.yml is empty in the real data; one correction puts its text and its date line on the page.
    if not value["corrections"]:
        value["corrections"] = [{"date": source["date"], "text": {"en": "A correction.", "ar": "تصحيح."}}]


def _load(path: Path):
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def _dump(path: Path, value) -> None:
    path.write_text(yaml.safe_dump(value, allow_unicode=True, sort_keys=False, width=10_000), encoding="utf-8")


def poison(data: Path) -> list[Marker]:
    """Poisons data/ in place; returns one marker per poisoned value, in file order."""
    tags, markers = _tags(), []
    written = []  # the source's spellings as poisoned: source.yml's `names` must list them (the validator checks)
    for rel in schema.CONTENT_FILES:
        value = _load(data / rel)
        if rel == "corrections.yml":
            _one_correction(value, _load(data / "source.yml"))
        poisoned = _poison_data(value, (), None, rel, tags, markers)
        written += _source_spellings(poisoned)
        _dump(data / rel, poisoned)
    source = _load(data / "source.yml")
    source["names"] = [*source["names"], *written]
    _dump(data / "source.yml", source)
    for lang in LANGS:
        rel = f"{STRINGS_DIR}/{lang}.yml"
        strings = _load(data / rel)
        for key, entry in strings.items():
            if isinstance(entry, dict):
                strings[key] = {form: _poison_string(text, lang, f"data/{rel}: {key}.{form}", tags, markers)
                                for form, text in entry.items()}
            else:
                strings[key] = _poison_string(entry, lang, f"data/{rel}: {key}", tags, markers)
        _dump(data / rel, strings)
    return markers


# ---------------------------------------------------------------- what a reader can see in the published site


def _json_strings(value):
    if isinstance(value, dict):
        for item in value.values():
            yield from _json_strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _json_strings(item)
    elif isinstance(value, str):
        yield value


def _html_texts(soup: BeautifulSoup) -> list[str]:
    """The page's text in document order (with <title>), each attribute's value, and the strings of its JSON."""
    # A script's own text is code, read below as JSON where it is data.
    texts = ["".join(s for s in soup.find_all(string=True) if s.parent.name not in ("script", "style"))]
    for element in soup.find_all(True):
        for value in element.attrs.values():
            texts.append(" ".join(value) if isinstance(value, list) else value)
        if element.name == "script" and element.get("type") == "application/json":
            texts += _json_strings(json.loads(element.string or "null"))
    return texts


def published(site: Path) -> dict[str, tuple[BeautifulSoup | None, str]]:
    """Every published file a reader can read as text -> (parsed HTML or None, its normalised text), the search
    records included."""
    found = {}
    for path in sorted(site.rglob("*")):
        name = path.relative_to(site).as_posix()
        if path.suffix == ".html":
            soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
            found[name] = (soup, "\x00".join(_normal(t) for t in _html_texts(soup)))
        elif path.suffix == ".csv":
            rows = csv.reader(path.read_text(encoding="utf-8-sig").splitlines())
            found[name] = (None, "\x00".join(_normal(cell) for row in rows for cell in row))
        elif path.suffix == ".json":
            found[name] = (None, "\x00".join(_normal(t) for t in _json_strings(json.loads(path.read_text("utf-8")))))
    return found


# ---------------------------------------------------------------- the one allow-list


def not_printed(data) -> dict[str, str]:
    """Fields no page may print, each with why, derived from the poisoned data (never typed as a list)."""
    allowed: dict[str, str] = {}
    dates = [e.date for e in data.events.events if e.date] + [e.until for e in data.events.events if e.until]
    dates += [data.source.date] + [c.date for c in data.corrections.corrections]
    months = {int(d[5:7]) for d in dates}
    kinds = {a.kind for a in data.actors.actors}
    spans_months = any(e.until and e.until[:7] != e.date[:7] for e in data.events.events)
    for lang in LANGS:
        rel = f"data/{STRINGS_DIR}/{lang}.yml"
        for key in data.strings[lang]:
            # A month's name is printed only in a date of that month; the data has dates in some months only.
            if re.fullmatch(r"month_\d+", key) and int(key.removeprefix("month_")) not in months:
                allowed[f"{rel}: {key}"] = "no date in the data falls in this month"
            # A kind of actor is printed by each actor of that kind; the schema allows kinds no actor has yet.
            if key.removeprefix("kind_") in set(get_args(schema.Actor.model_fields["kind"].annotation)) - kinds:
                allowed[f"{rel}: {key}"] = "no actor in the data is of this kind"
        # Only the source's title is translated, and only into the language title_is_translation names.
        if lang != data.source.title_is_translation:
            allowed[f"{rel}: title_translation"] = "the source's title is not translated into this language"
        # A counted phrase prints the form its count selects (CLDR); the pages count the factions of each camp.
        # (The search page's counted phrase has every form in its JSON, for counts only a search gives.)
        selected = {plural_category(len(data.factions_in(camp.id)), lang) for camp in data.camps.camps}
        # The camps' counted strings: every form is rendered for other counts in test_plurals.py.
        for key in ("factions_count", "camp_count_heading"):
            entry = data.strings[lang][key]
            used = {form if form in entry else "other" for form in selected}  # `other` stands in for a missing form
            for form in (set(entry) - used) if isinstance(entry, dict) else ():
                allowed[f"{rel}: {key}.{form}"] = "no camp has a count of factions that selects this form"
        # A camp's own label beside its figure on the home page prints the form that camp's count selects.
        for camp in data.camps.camps:
            key, mine = f"count_label_{camp.id}", plural_category(len(data.factions_in(camp.id)), lang)
            entry = data.strings[lang][key]
            used = {mine if mine in entry else "other"}
            for form in (set(entry) - used) if isinstance(entry, dict) else ():
                allowed[f"{rel}: {key}.{form}"] = "this camp's count of factions does not select this form"
        if not spans_months:
            allowed[f"{rel}: date_range"] = "no event runs from one month into another (within a month: 23–25 January)"
        if data.corrections.corrections:
            allowed[f"{rel}: corrections_none"] = ("printed only while corrections.yml is empty; this build adds a "
                                                   "correction to show its text and date line")
    # A camp's `members` names it as a speaker: printed only under a quote the camp itself says.
    speakers = {q.speaker for q in data.quotes.quotes}
    for i, camp in enumerate(data.camps.camps):
        if camp.id not in speakers:
            for lang in LANGS:
                allowed[f"data/camps.yml: camps[{i}].members.{lang}"] = "no quote in the data is said by this camp"
    return allowed


# ---------------------------------------------------------------- the build and the checks


@pytest.fixture(scope="module")
def poisoned(tmp_path_factory):
    """One build of the real project with every text and interface string poisoned, shared by this module."""
    project = copy_project(tmp_path_factory.mktemp("poison") / "project")
    markers = poison(project / "data")
    site = tmp_path_factory.mktemp("poison-site") / "astana-2017"
    result = mkdocs_build(project, site, "http://127.0.0.1:8000/astana-2017/")
    assert result.returncode == 0, result.stderr[-5000:]
    return markers, published(site), load_data(project / "data")


def test_every_text_and_string_is_poisoned(poisoned):
    markers, _, data = poisoned
    # The walk found every interface string form of each language, and text in every content file.
    forms = sum(len(e) if isinstance(e, dict) else 1 for lang in LANGS for e in data.strings[lang].values())
    assert sum(1 for m in markers if f"/{STRINGS_DIR}/" in m.field) == forms
    for rel in schema.CONTENT_FILES:
        assert any(m.field.startswith(f"data/{rel}:") for m in markers), f"nothing poisoned in data/{rel}"


def test_no_poison_runs_as_markup(poisoned):
    markers, files, _ = poisoned
    field = {m.tag: m.field for m in markers}
    live = [f"{name}: <{el.name} {ATTRIBUTE}={el[ATTRIBUTE]!r}> from {field.get(el[ATTRIBUTE], '?')}"
            for name, (soup, _) in files.items() if soup is not None
            for el in soup.find_all(attrs={ATTRIBUTE: True})]
    assert not live, "markup from data is live:\n" + "\n".join(live)


def _payloads(text: str) -> Counter:
    """How many of each tag's occurrences stand in a whole payload (or a menu label's short one), as written."""
    found = Counter()
    for form, lang in itertools.product((payload, short_payload), LANGS):
        written = form("zqTAG", lang)
        pattern = re.escape(_normal(written)).replace("zqTAG", "(zq[a-z]{3})", 1).replace("zqTAG", r"\1")
        for tag in re.findall(pattern, text):
            found[tag] += written.count("zqTAG")
    return found


def test_no_value_is_printed_altered_anywhere(poisoned):
    """Printed somewhere is not enough: wherever a marker's tag shows, the whole payload shows, as written (a
    renderer that lets Markdown read an interface string turns `*tag*` into an emphasis on one page only)."""
    markers, files, _ = poisoned
    field = {m.tag: m.field for m in markers}
    altered = []
    for name, (_, text) in files.items():
        tags = Counter(tag for tag in re.findall(r"zq[a-z]{3}", text) if tag in field)
        whole = _payloads(text)
        for tag, count in sorted(tags.items()):
            if count != whole[tag]:
                at = text.find(tag)
                altered.append(f"{name}: {field[tag]}: …{text[max(0, at - 80):at + 80]}…")
    assert not altered, f"{len(altered)} values printed altered:\n" + "\n".join(altered)


def test_every_poisoned_value_is_printed_as_written(poisoned):
    markers, files, data = poisoned
    texts = list(files.values())
    printed = {m.field for m in markers if any(m.needle in text for _, text in texts)}
    allowed = not_printed(data)
    missing = []
    for m in markers:
        if m.field in printed or m.field in allowed:
            continue
        seen = [f"{name}: …{text[max(0, text.find(m.tag) - 60):text.find(m.tag) + 60]}…"
                for name, (_, text) in files.items() if m.tag in text][:2]
        missing.append(f"{m.field}: not printed as written" + (f" (seen altered in {'; '.join(seen)})" if seen else ""))
    assert not missing, f"{len(missing)} of {len(markers)} values:\n" + "\n".join(missing)
    # The allow-list holds only fields that exist and really are not printed.
    assert not (set(allowed) & printed), f"allowed but printed: {sorted(set(allowed) & printed)}"
    assert set(allowed) <= {m.field for m in markers}


# What a search result, a browser tab and a link preview show of an Arabic page: every digit Arabic-Indic, as in
# its body. Every one of them holds a poisoned text, and so digits.
HEAD = ["title", 'meta[name="description"]', 'meta[property="og:title"]', 'meta[property="og:description"]',
        'meta[property="og:site_name"]', 'meta[name="twitter:title"]', 'meta[name="twitter:description"]']


def test_arabic_titles_and_previews_use_arabic_digits(poisoned):
    _, files, _ = poisoned
    arabic = {name: soup for name, (soup, _) in files.items() if soup is not None and soup.html.get("lang") == "ar"}
    assert arabic
    wrong = []
    for name, soup in arabic.items():
        for selector in HEAD if name.endswith("/index.html") else HEAD[:1]:
            element = soup.head.select_one(selector)
            shown = (element.get_text() if element.name == "title" else element.get("content", "")) if element else None
            if shown is None or "٧" not in shown or re.search(r"[0-9]", shown):
                wrong.append(f"{name}: {selector}: {shown!r}")
    assert not wrong, "Western digits (or no poisoned text) in an Arabic page's head:\n" + "\n".join(wrong)


def test_arabic_text_on_arabic_pages_uses_arabic_digits(poisoned):
    """Every Arabic text (data or interface string) on an Arabic page shows its digits in Arabic-Indic; English
    text quoted there (a name in the other script, the source's title) keeps its own."""
    _, files, _ = poisoned
    western = "".join(f"{WORD['ar']} {TEMPLATE}".split())
    wrong = []
    for name, (soup, _) in files.items():
        if soup is None or soup.html.get("lang") != "ar":
            continue
        for text in _html_texts(soup):
            flat = "".join(text.split())
            for at in [m.start() for m in re.finditer(re.escape(western), flat)][:3]:
                wrong.append(f"{name}: …{flat[max(0, at - 80):at + 40]}…")
    assert not wrong, "Western digits in Arabic text on an Arabic page:\n" + "\n".join(wrong)
