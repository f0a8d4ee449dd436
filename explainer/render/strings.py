"""Interface strings, plural forms, digits and dates: how the site speaks each language.

Decision: Arabic pages use Arabic-Indic digits (٠١٢٣…) everywhere — prose, citations, dates, figures — as
Syrian and Levantine print does. Latin names inside Arabic text keep Western digits ("1st Coastal Division").
"""
from __future__ import annotations

import functools
import re

from babel import Locale

from explainer.data.loader import SiteData

_ARABIC_INDIC = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")


# A name's number stays with the name: "Geneva IV", «جنيف ٤». A Roman numeral of two letters or more, or a number
# of one figure, standing as a word, is glued to the word before it by a no-break space, so a line never ends on
# "Geneva" and starts on "IV" (seen at 390 px). One figure only: "23 to 25" and the years break as words do. After
# a letter only: text from data ("{{ 7 * 7 }}", shown as written) keeps its own spaces between marks.
_NUMBERED = re.compile(r"(?<=[^\W\d_]) (?=(?:[IVX]{2,4}|[0-9\u0660-\u0669])(?![\w\u0660-\u0669]))")
# Two Arabic names of one month, «يناير/كانون الثاني»: the Arabic headline broke after «يناير/» at 200% (review 13).
# Word joiners, not no-break spaces, so that nothing shows and search still reads two words. Arabic letters only:
# a file's path ("i18n/en.yml") is left as written.
_SLASHED = re.compile(r"(?<=[\u0621-\u064a])/(?=[\u0621-\u064a])")
_TEXT_ONLY = re.compile(r"(<(script|style|pre|textarea)\b.*?</\2>|<[^>]*>)", re.S | re.I)


def keep_together(text: str) -> str:
    """Plain text with each name's number glued to it (_NUMBERED), and Arabic words joined by a slash kept together."""
    return _SLASHED.sub("\u2060/\u2060", _NUMBERED.sub("\u00a0", text))


def keep_together_html(html: str) -> str:
    """The same in a page's text only: never inside a tag, a script, a style or preformatted text."""
    parts = _TEXT_ONLY.split(html)
    # split() gives text, then each match and its inner group; only the text pieces (every third) change.
    return "".join(keep_together(part) if i % 3 == 0 else (part or "") if i % 3 == 1 else ""
                   for i, part in enumerate(parts))


def digits(text: str, lang: str) -> str:
    return text.translate(_ARABIC_INDIC) if lang == "ar" else text


@functools.lru_cache(maxsize=None)
def _locale(lang: str) -> Locale:
    return Locale.parse(lang)


def plural_category(n: int, lang: str) -> str:
    """The CLDR plural category of n in `lang` (zero, one, two, few, many, other), from Babel's copy of CLDR.

    A category says which form of the noun a number takes, not its case: Arabic's `one`, `two` and `zero` forms
    change with the noun's place in the sentence (فصيلان as a subject, فصيلين as an object). So a count that
    stands as an object has its own string (factions_count_object), and a sentence that must change around its
    count (a negated verb for none, a pronoun agreeing with one or two) is itself counted, by the same categories."""
    return _locale(lang).plural_form(n)


def pick(data: SiteData, lang: str, key: str, n: int | None = None) -> str:
    """The string `key` in `lang`, in the plural form that `n` needs, placeholders still in it."""
    entry = data.strings[lang][key]
    if isinstance(entry, dict):
        category = plural_category(n if n is not None else 0, lang)
        entry = entry.get(category) or entry["other"]
    return entry


def t(data: SiteData, lang: str, key: str, n: int | None = None, **values: str) -> str:
    """The interface string `key` in `lang`, with {n} and other placeholders filled. Returns plain text."""
    if n is not None:
        values["n"] = digits(str(n), lang)
    # Formatted even without values: a translator writes a literal brace doubled ("{{"), on every surface alike.
    return pick(data, lang, key, n).format(**values)


def format_date(data: SiteData, lang: str, iso: str) -> str:
    """'2017-01-23' → '23 January 2017' / '٢٣ يناير/كانون الثاني ٢٠١٧'; '2017-02' → 'February 2017'."""
    parts = iso.split("-")
    year, month = parts[0], t(data, lang, f"month_{int(parts[1])}")
    if len(parts) == 2:
        text = t(data, lang, "month_only", month=month, year=year)
    else:
        text = t(data, lang, "full_date", day=str(int(parts[2])), month=month, year=year)
    return digits(text, lang)


def format_span(data: SiteData, lang: str, start: str, until: str | None) -> str:
    if until is None:
        return format_date(data, lang, start)
    if start[:7] == until[:7]:
        # "23–25 January 2017": the month once, as readers write it.
        end = format_date(data, lang, until)
        return digits(str(int(start[8:10])), lang) + "–" + end
    return t(data, lang, "date_range", start=format_date(data, lang, start), end=format_date(data, lang, until))
