"""Pagefind: an offline search index per language (it reads <html lang>), loaded only when someone searches.

The pages' own text is indexed as Pagefind finds it. Every faction is also indexed once more in each language
as a record of all its names in both scripts (with and without the Arabic article "ال"), pointing at its entry on
that language's camps page, so a name typed in either script finds it from either language's search page.
"""
from __future__ import annotations

import asyncio
import json
import re

from markupsafe import Markup
from pathlib import Path

from . import interface
from .loader import SiteData
from .strings import digits, t

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


async def _index(site_dir: Path, records: list[dict]) -> None:
    from pagefind.index import IndexConfig, PagefindIndex

    config = IndexConfig(output_path=str(site_dir / "pagefind"))
    async with PagefindIndex(config=config) as index:
        await index.add_directory(str(site_dir))
        for record in records:
            await index.add_custom_record(**record)


def build_search_index(site_dir: Path, data: SiteData | None = None) -> None:
    records = [r for lang in ("en", "ar") for r in alias_records(data, lang)] if data is not None else []
    try:
        asyncio.run(_index(site_dir, records))
    except Exception as exc:  # Pagefind's service reports its own errors; say which step failed
        raise RuntimeError(f"Pagefind failed: {exc}") from exc


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
