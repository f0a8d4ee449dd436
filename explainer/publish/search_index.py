"""Pagefind: an offline search index per language (it reads <html lang>), loaded only when someone searches.

The pages' own text is indexed as Pagefind finds it. Every faction is also indexed once more in each language
as a record of all its names in both scripts (with and without the Arabic article "ال"), pointing at its entry on
that language's camps page, so a name typed in either script finds it from either language's search page.

The build fails unless the index Pagefind wrote is complete: each language of the built pages, with a fragment for
every page the theme marks data-pagefind-body (all but NOT_INDEXED) and every faction record, and no file cut short.
"""
from __future__ import annotations

import asyncio
import base64
import gzip
import json
import logging
import re
import zlib
from html.parser import HTMLParser
from pathlib import Path

from markupsafe import Markup
from pagefind.index import IndexConfig
from pagefind.service import PagefindService
from pagefind.service.types import InternalResponseType

from explainer.data.languages import CODES, OTHER
from explainer.data import interface
from explainer.data.loader import SiteData
from explainer.render.strings import digits, t

log = logging.getLogger("mkdocs.explainer")
NOT_INDEXED = ("search",)  # pages left out of the index (hooks.py marks them; the theme leaves out data-pagefind-body)
_ARTICLE = re.compile(r"(?<!\S)(?:ال)(?=\S{3,})")


def _spellings(names: list[str]) -> list[str]:
    """Each name as written, and its Arabic words without the article (الزنكي → زنكي), so a bare word matches."""
    found = []
    for name in names:
        found.append(name)
        bare = _ARTICLE.sub("", name)
        if bare != name:
            found.append(bare)
    return list(dict.fromkeys(found))


def alias_records(data: SiteData, lang: str) -> list[dict]:
    """One custom record per faction: its names in both scripts, at its entry on this language's camps page."""
    records = []
    for faction in data.factions.factions:
        names = [faction.name.en, faction.name.ar,
                 *(a for group in (faction.aliases, faction.former) for lg in CODES for a in group.every(lg))]
        other = OTHER[lang]
        records.append({
            "url": f"/{'ar/' if lang == 'ar' else ''}camps/#{faction.id}",  # from the site's root, like pages
            "content": " · ".join(_spellings(names)),
            "language": lang,
            # explainer.js shows the name in the other script under the title, instead of the list of spellings.
            "meta": {"title": getattr(faction.name, lang), "other": getattr(faction.name, other), "other_lang": other},
        })
    return records


def expected_pages(site_dir: Path) -> dict[str, set[str]]:
    """The URLs Pagefind should index, by language, read from the built HTML: every page with an element marked
    data-pagefind-body (the theme marks each page the hooks let be indexed), in its <html lang>."""
    pages: dict[str, set[str]] = {}
    for path in sorted(site_dir.rglob("*.html")):
        if path.is_relative_to(site_dir / "pagefind"):
            continue
        marks = _Marks()
        marks.feed(path.read_text(encoding="utf-8"))
        if marks.body and marks.lang:
            url = "/" + path.relative_to(site_dir).as_posix()
            pages.setdefault(marks.lang, set()).add(url.removesuffix("index.html"))
    return pages


class _Marks(HTMLParser):
    def __init__(self):
        super().__init__()
        self.lang, self.body = None, False

    def handle_starttag(self, tag, attrs):
        names = dict(attrs)
        if tag == "html" and self.lang is None:
            self.lang = names.get("lang")
        self.body = self.body or "data-pagefind-body" in names


def _gunzipped(path: Path) -> bytes | None:
    """A gzip file's content, or None if it is cut short: gzip ends with the length and CRC of what it holds."""
    try:
        return gzip.decompress(path.read_bytes())
    except (EOFError, OSError, zlib.error):
        return None


def expected_urls(site_dir: Path, records: list[dict]) -> dict[str, set[str]]:
    """Every URL the index should hold, by language: the built pages and the custom records."""
    expected = expected_pages(site_dir)
    for record in records:
        expected.setdefault(record["language"], set()).add(record["url"])
    return expected


def index_problems(site_dir: Path, expected: dict[str, set[str]]) -> list[str]:
    """What is missing from the index Pagefind wrote in site_dir/pagefind: each language of `expected` in
    pagefind-entry.json with its count of pages and records, a fragment for each of its URLs, and no file cut short.
    Pagefind writes each file in one piece (a small file) or in gzip, so a file it has not finished writing is
    empty or fails gzip's own length and checksum."""
    out = site_dir / "pagefind"
    try:
        languages = json.loads((out / "pagefind-entry.json").read_text(encoding="utf-8"))["languages"]
        counts = {lang: entry["page_count"] for lang, entry in languages.items()}
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as exc:
        return [f"pagefind/pagefind-entry.json is missing, empty or not Pagefind's ({type(exc).__name__})"]
    problems = [f"pagefind/{p.relative_to(out).as_posix()} is cut short" for p in sorted(out.rglob("*"))
                if p.is_file() and (p.stat().st_size == 0 or p.suffix in _GZIPPED and _gunzipped(p) is None)]
    found: dict[str, set[str]] = {}
    for fragment in sorted((out / "fragment").glob("*.pf_fragment")):
        content = _gunzipped(fragment)
        if content is not None and content.startswith(_MAGIC):
            found.setdefault(fragment.name.split("_", 1)[0], set()).add(json.loads(content[len(_MAGIC):])["url"])
    for lang, urls in sorted(expected.items()):
        count = counts.get(lang, 0)
        if count != len(urls):
            problems.append(f"pagefind-entry.json has {count} page(s) in \"{lang}\", not {len(urls)}")
        missing = sorted(urls - found.get(lang, set()))
        if missing:
            problems.append(f"no \"{lang}\" fragment for {', '.join(missing)}")
    return problems


_GZIPPED = {".pf_fragment", ".pf_index", ".pf_meta", ".pf_filter", ".pagefind"}
_MAGIC = b"pagefind_dcd"


class _Service(PagefindService):
    """Pagefind's service with a reader that does not wait and has no size limit.

    pagefind 1.5.2's reader waits 0.1 s before reading each reply, so every custom record cost a tenth of a second
    (six minutes with the factions ×100), and it cannot read a reply over 2 MiB. This one hands each reply to the
    request that sent it as soon as it is whole, as the library's does (an error reply raises from that request),
    and fails the requests still waiting if the service stops."""

    async def _wait_for_responses(self) -> None:
        reason = "its output ended"
        try:
            pending = bytearray()
            while chunk := await self._backend.stdout.read(1 << 16):
                *whole, rest = chunk.split(b",")  # each reply is base64 and ends with a comma
                for part in whole:
                    pending += part
                    self._answer(bytes(pending))
                    pending.clear()
                pending += rest
        except Exception as exc:  # it wrote nonsense
            reason = repr(exc)
        for future in self._responses.values():
            if not future.done():
                future.set_exception(RuntimeError(f"the Pagefind service stopped answering ({reason})"))

    def _answer(self, raw: bytes) -> None:
        reply = json.loads(base64.b64decode(raw))
        if reply is None:
            return
        payload = reply["payload"]
        message_id = reply.get("message_id")
        if message_id is None and payload.get("original_message"):  # a request it could not parse
            message_id = json.loads(payload["original_message"]).get("message_id")
        future = self._responses.get(message_id)
        if future is None or future.done():
            return
        if payload["type"] == InternalResponseType.ERROR.value:
            future.set_exception(Exception(payload["message"], payload.get("original_message")))
        else:
            future.set_result(payload)


async def _index(site_dir: Path, records: list[dict]) -> list[str]:
    """Index the built site; the problems of the index written (none when it is complete)."""
    service = await _Service().launch()
    try:
        index = await service.create_index(IndexConfig())
        await index.add_directory(str(site_dir))
        for record in records:
            await index.add_custom_record(**record)
        # Pagefind's service answers "files written" once each file's bytes are handed to a writer thread (not
        # flushed), and stopping it then left a file empty (3 of 48 indexings six at a time). So the files come
        # back in the reply (get_files) and are written here, whole, before they are checked.
        files = await index.get_files()
    finally:
        await service.close()
    for file in files:
        target = site_dir / "pagefind" / file["path"]
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(file["content"])
    return index_problems(site_dir, expected_urls(site_dir, records))


def build_search_index(site_dir: Path, data: SiteData | None = None) -> None:
    """Index the built site, and fail unless Pagefind wrote a complete index."""
    records = [r for lang in CODES for r in alias_records(data, lang)] if data is not None else []
    try:
        problems = asyncio.run(_index(site_dir, records))
    except Exception as exc:  # Pagefind's service reports its own errors; say which step failed
        raise RuntimeError(f"Pagefind failed: {exc}") from exc
    if problems:
        raise RuntimeError(f"Pagefind wrote an incomplete search index: {'; '.join(problems[:5])}"
                           + (f"; and {len(problems) - 5} more" if len(problems) > 5 else ""))


def _for_script(form: str, key: str, lang: str) -> str:
    """A string explainer.js fills in itself: its placeholders kept as {name}, its doubled literal braces made
    single and its digits the page's, as every other surface prints them."""
    return digits(form.format(**{name: "{" + name + "}" for name in interface.PLACEHOLDERS.get(key, ())}), lang)


def search_strings(data: SiteData, lang: str) -> Markup:
    """The search page's interface strings, as JSON for explainer.js (plural forms by CLDR category)."""
    forms = data.strings[lang]["search_results"]
    strings = {
        "placeholder": digits(t(data, lang, "search_placeholder"), lang),
        "loading": digits(t(data, lang, "search_loading"), lang),
        "none": _for_script(data.strings[lang]["search_none"], "search_none", lang),
        "results": {form: _for_script(text, "search_results", lang)
                    for form, text in (forms.items() if isinstance(forms, dict) else [("other", forms)])},
    }
    return Markup(json.dumps(strings, ensure_ascii=False).replace("<", "\\u003c").replace("&", "\\u0026"))
