"""Pagefind: an offline search index per language (it reads <html lang>), loaded only when someone searches.

The pages' own text is indexed as Pagefind finds it. Every faction is also indexed once more in each language
as a record of all its names in both scripts (with and without the Arabic article "ال"), pointing at its entry on
that language's camps page, so a name typed in either script finds it from either language's search page.
"""
from __future__ import annotations

import asyncio
import base64
import json
import re

from markupsafe import Markup
from pathlib import Path
from pagefind.index import IndexConfig
from pagefind.service import PagefindService
from pagefind.service.types import InternalResponseType

from .loader import SiteData
from .strings import t

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
        names = [faction.name.en, faction.name.ar, *faction.aliases.en, *faction.aliases.ar]
        other = "ar" if lang == "en" else "en"
        records.append({
            "url": f"/{'ar/' if lang == 'ar' else ''}camps/#{faction.id}",  # from the site's root, like pages
            "content": " · ".join(_spellings(names)),
            "language": lang,
            # explainer.js shows the name in the other script under the title, instead of the list of spellings.
            "meta": {"title": getattr(faction.name, lang), "other": getattr(faction.name, other), "other_lang": other},
        })
    return records


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


async def _index(site_dir: Path, records: list[dict]) -> None:
    service = await _Service().launch()
    try:
        index = await service.create_index(IndexConfig())
        await index.add_directory(str(site_dir))
        for record in records:
            await index.add_custom_record(**record)
        # The files come back in the reply and are written here: the service's own writes may still be under way
        # when it replies that they are done, and closing it then would cut them short.
        files = await index.get_files()
    finally:
        await service.close()
    for file in files:
        target = site_dir / "pagefind" / file["path"]
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(file["content"])


def build_search_index(site_dir: Path, data: SiteData | None = None) -> None:
    records = [r for lang in ("en", "ar") for r in alias_records(data, lang)] if data is not None else []
    try:
        asyncio.run(_index(site_dir, records))
    except Exception as exc:  # Pagefind's service reports its own errors; say which step failed
        raise RuntimeError(f"Pagefind failed: {exc}") from exc


def search_strings(data: SiteData, lang: str) -> Markup:
    """The search page's interface strings, as JSON for explainer.js (plural forms by CLDR category)."""
    forms = data.strings[lang]["search_results"]
    strings = {
        "placeholder": t(data, lang, "search_placeholder"),
        "loading": t(data, lang, "search_loading"),
        "none": data.strings[lang]["search_none"],
        "results": forms if isinstance(forms, dict) else {"other": forms},
    }
    return Markup(json.dumps(strings, ensure_ascii=False).replace("<", "\\u003c").replace("&", "\\u0026"))
