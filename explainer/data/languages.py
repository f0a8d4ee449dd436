"""The site's languages, declared once: what differs by language and is not a translated string (those are in
data/i18n/). The first is the default: its pages live at the site's root, the others under their code."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Language:
    code: str
    name: str  # in itself, for the language switch
    direction: str  # "ltr" or "rtl"
    locale: str  # Open Graph's og:locale
    list_comma: str  # between the items of a list in running text
    list_semicolon: str  # between the items of a list whose items hold commas
    names_side_by_side: str  # between names set in one box of a figure (Latin script reads a middle dot best)
    # The font faces (files under assets/fonts/) the first paint needs, preloaded so text is drawn once in its own
    # font: every page shows both scripts (the language link, names in the other script); a page in Arabic also
    # needs Noto Sans bold, for the Latin punctuation in bold Arabic text; a page in English, Naskh regular only.
    preloaded_fonts: tuple[str, ...]


LANGUAGES: dict[str, Language] = {lang.code: lang for lang in (
    Language("en", "English", "ltr", "en_GB", ", ", "; ", " · ",
             ("noto-sans-400", "noto-sans-700", "noto-naskh-arabic-400")),
    Language("ar", "العربية", "rtl", "ar_SY", "، ", "؛ ", "، ",
             ("noto-naskh-arabic-400", "noto-naskh-arabic-700", "noto-sans-400", "noto-sans-700")),
)}
CODES = tuple(LANGUAGES)
DEFAULT = CODES[0]
DIRECTION = {code: lang.direction for code, lang in LANGUAGES.items()}
LIST_COMMA = {code: lang.list_comma for code, lang in LANGUAGES.items()}
LIST_SEMICOLON = {code: lang.list_semicolon for code, lang in LANGUAGES.items()}
NAMES_SIDE_BY_SIDE = {code: lang.names_side_by_side for code, lang in LANGUAGES.items()}
# Where each language's pages live under the site's root: the default at the root, the others under their code.
PREFIX = {code: "" if code == DEFAULT else f"{code}/" for code in CODES}
# The site has two languages: "the other" is the one a page's other-script names and its language switch show.
OTHER = {code: next(c for c in CODES if c != code) for code in CODES}
# Arabic's comma «،»: an editor with an Arabic keyboard types it between the items of a list, where YAML reads only
# the Latin comma, so the items become one.
ARABIC_COMMA = LANGUAGES["ar"].list_comma.strip()
