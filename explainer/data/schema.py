"""The shape of every file in data/, declared once; the loader turns violations into editor-facing messages.

Bounds (also in the JSON Schemas under schemas/ and in CONTRIBUTING.md, "Lengths"): far above the longest value
in data/ today (a fact or summary of about 550 characters, a name of about 35, an id of about 30, an interface
string of about 200), low enough that a pasted page or a runaway value is refused at its line instead of
filling the pages, the search index and the downloads.

Look-alikes: a word of a text is written in one alphabet. A Cyrillic «а» inside a Latin name looks the same and is
another word for search, the names index and the roster (ids already refuse anything but a-z, 0-9 and hyphens).
A letter's alphabet is the first word of its Unicode name (LATIN, CYRILLIC, GREEK, ARABIC…); marks, digits and
modifier letters (the tatweel, the ʿ of transliteration) belong to none, so they join any word.
"""
from __future__ import annotations

import datetime as dt
import re
import unicodedata
from typing import Annotated, ClassVar, Literal, get_args

from explainer.data.languages import ARABIC_COMMA, CODES
from explainer.data.messages import N_
from pydantic import AfterValidator, BaseModel, ConfigDict, Field, model_validator
from pydantic_core import PydanticCustomError

# Presentation forms count as Arabic here, so a field written in them gets the hygiene message that names them,
# not a misleading "no Arabic letters".
ARABIC_LETTER = re.compile(r"[\u0621-\u064A\u0671-\u06D3\uFB50-\uFDFF\uFE70-\uFEFC]")
# Arabic punctuation, and the Latin mark an English text uses for each.
# U+06D4 is the Urdu full stop an Arabic keyboard layout may give for ".".
ARABIC_MARKS = {"\u061f": "?", ARABIC_COMMA: ",", "\u061b": ";", "\u06d4": "."}
# Arabic-Indic digits (٣): an English page would print them as typed. (Persian ones, ۳, are refused in any text:
# data/hygiene.py.)
OTHER_DIGITS = re.compile("[\u0660-\u0669]+")
ID_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
MAX_TEXT = 2000  # characters in a text a reader sees (a fact, a summary, a title)
MAX_NAME = 100  # characters in a name or an alias
MAX_ID = 60  # characters in an id (it becomes an anchor and a reference)
MAX_STRING = 500  # characters in an interface string (data/i18n/), each plural form
# The home page's key points are read in the first screen on a phone: a few short ones, or they push the camps
# and the story below it (issue 21 measured four points of 35-50 words filling the first screen and more).
MAX_KEY_POINTS = 3
MAX_KEY_POINT_WORDS = 25  # words as a reader counts them: runs between spaces, numbers included
# A menu label of 98 characters was accepted, and pushed the menu to a second row at 1280 px (walk 5): the labels
# now are of 4 to 24 characters; the page's title may be longer.
MAX_NAV = 30
# The roster download (explainer/render/roster.py) joins a faction's aliases with " | ", so an alias may not hold "|".
SEPARATOR = "|"


# The schema's own messages to editors, by kind; the loader says them in the editor's language.
MESSAGES = {
    "bad_id": N_('the id "{value}" must be lower-case letters, digits and hyphens (like "sham-legion"); rename it'),
    "bad_date": N_('the date "{value}" is not a real date; write it as YYYY-MM-DD, or YYYY-MM when the source gives '
                   "only the month"),
    "bad_day": N_('the date "{value}" is not a real date; write it as YYYY-MM-DD, the day of the fix'),
    "date_digits": N_('the date "{value}" is written in Arabic-Indic digits; write Western digits: {digits}'),
    "unpadded_date": N_('the date "{value}" has a one-digit month or day; write the date as YYYY-MM-DD: {padded}'),
    "digits_in_en": N_("the English text (en) has Arabic-Indic digits ({given}); write Western digits: {digits}"),
    "unclosed_mark": N_("the quotation mark {mark} here is never closed; add {closing} where the quotation ends, or "
                        "remove {mark}"),
    "unopened_mark": N_("the quotation mark {mark} here closes no quotation; add {opening} where the quotation begins, "
                        "or remove {mark}"),
    "guillemets_in_en": N_("the English text (en) has the quotation mark {mark}, which English texts do not use; "
                           "quote with “…” instead"),
    "english_marks_in_ar": N_("the Arabic text (ar) has the quotation mark {mark}, which Arabic texts do not use; "
                              "quote with «…» instead"),
    "stop_inside_guillemets": N_("the full stop here is inside «…», where an Arabic text puts none; remove it (the "
                                 "sentence around the quotation takes the full stop, after »)"),
    "typed_count": N_('the text types a count ("{words}"); never type a count of factions: the pages count them from '
                      "data/factions.yml, and a typed count goes wrong when a faction is added or moved; leave the "
                      "number out"),
    "empty_en": N_("the English text (en) is empty; write the English text"),
    "arabic_in_en": N_("the English text (en) contains Arabic letters; move the Arabic to the ar field"),
    "arabic_mark_in_en": N_('the English text (en) contains the Arabic punctuation mark «{mark}», which English '
                            'readers do not use; write "{latin}" instead'),
    "reversed_guillemets": N_("the quotation marks are reversed (»…«): an Arabic quotation opens with « and closes "
                              "with »; write «…»"),
    "latin_question_in_ar": N_("the Arabic text (ar) has the Latin question mark «?»; write the Arabic «؟» instead"),
    "empty_ar": N_("the Arabic text (ar) is empty; write the Arabic text"),
    "no_arabic": N_("the Arabic text (ar) contains no Arabic letters; write it in Arabic"),
    "undated_unplaced": N_("an event needs a date, or, when the source gives none, a placement saying where it falls; "
                           "add one"),
    "dated_and_placed": N_("an event has either a date or a placement, not both; remove one"),
    "name_spacing": N_('the name "{value}" has a space at an end, two in a row, or a line break; write single spaces '
                       "between words and none at the ends"),
    "bad_until": N_("until must come after date; check both dates"),
    "until_precision": N_("date and until must be written alike: both with a day (YYYY-MM-DD) or both with a month only "
                          "(YYYY-MM); correct one of them"),
    "mixed_script": N_('the word "{word}" mixes alphabets: «{letter}» is {name}, among {script} letters; it looks the '
                       "same but makes another word, which search cannot find: retype the word with one keyboard"),
    "wrapped": N_("the text is wrapped in {opening}…{closing}, which would be published as part of it; remove them (to "
                  'quote a whole value in YAML, use straight double quotes: "…")'),
    "stray_opening": N_("the text begins with {mark}, and no quotation mark after it closes it, so {mark} would be "
                        "published as part of the text; remove it"),
    "stray_closing": N_("the text ends with {mark}, and no quotation mark before it opens it, so {mark} would be "
                        "published as part of the text; remove it"),
    "nav_too_long": N_("this menu label is {length} characters long; a menu label has at most {most}, so that the menu "
                       "stays on one line: shorten it (the page's title may be longer)"),
    "key_point_too_long": N_("this key point is {words} words long; a key point has at most {most}, so that the "
                             "points stay in the first screen: shorten it, and leave the detail to the pages"),
    "two_aliases": N_('the alias "{value}" holds two spellings separated with the Arabic comma «،»; an alias is one '
                      "spelling: make it two aliases: [{spellings}]"),
    "separator_in_alias": N_('the alias "{value}" contains "|", which separates the aliases in the roster download '
                             "(downloads/factions.csv); write it without \"|\", or make it two aliases"),
}
# The field a whole-entry rule blames, when one of the entry's fields is the one to correct: the loader points at it.
BLAMED_FIELD = "field"


def where_named(named_in: list[int], paras: list[int], facts_paras: list[list[int]]) -> list[int]:
    """The paragraphs an entry of the names index cites for its spellings: its `named_in`, else where the source
    names it in its camp (a faction) and what its facts cite (a fact may rest on a paragraph that names it
    otherwise, "Turkish supervision" for Turkey, so an entry whose facts differ lists its own). One rule for the
    validator, which checks the article's spellings against these paragraphs, and the names index, which prints them."""
    if named_in:
        return sorted(set(named_in))
    return sorted({*paras, *(n for fact in facts_paras for n in fact)})


def _fail(kind: str, **values) -> PydanticCustomError:
    return PydanticCustomError(kind, MESSAGES[kind], values)


class Strict(BaseModel):
    # Strict: "3" is not a number and `yes` is not true; forbid: a misspelt key must not vanish.
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


def _id(value: str) -> str:
    if not ID_PATTERN.match(value):
        raise _fail("bad_id", value=value)
    return value


def western_digits(value: str) -> str | None:
    """`value` with its Arabic-Indic (٣) or Eastern Arabic-Indic (۳) digits made Western, or None if it has none."""
    if value.isascii() or not any(ch.isdigit() for ch in value):
        return None
    return "".join(str(unicodedata.digit(ch)) if ch.isdigit() else ch for ch in value)


def timeline_key(date: str) -> tuple[str, str]:
    """Where a date stands in the timeline: the one rule that events.yml's order, the validator and the page share.
    A month-only date ("2017-02", Geneva IV) sorts after every day of its month: placed before "2 February 2017" it
    would read as earlier than a day it may well follow."""
    return date[:7], date[8:] or "99"


def real_date(value) -> bool:
    """A day (YYYY-MM-DD) or a month (YYYY-MM) of the calendar, in Western digits: what the timeline's order and
    the corrections' checks compare. `\\d` alone would also take ٢٠٢٦-١٢-٠٧, and 2026-13-01 is no date."""
    if not isinstance(value, str) or not value.isascii() or not re.fullmatch(r"\d{4}-\d{2}(-\d{2})?", value):
        return False
    try:
        dt.date.fromisoformat(value if len(value) == 10 else value + "-01")
    except ValueError:
        return False
    return True


def _iso_date(value: str) -> str:
    # Dates stay strings: a month ("2017-02") is a real precision in this story, not a day we made up.
    if western_digits(value):
        raise _fail("date_digits", value=value, digits=western_digits(value))
    loose = re.fullmatch(r"(\d{4})-(\d{1,2})(?:-(\d{1,2}))?", value) if value.isascii() else None
    padded = "-".join(f"{int(part):02d}" if i else part for i, part in enumerate(loose.groups()) if part) \
        if loose else None
    if padded and padded != value and real_date(padded):
        # "2017-2-2" is a real day written loosely: "not a real date" sent the editor looking for a wrong one.
        raise _fail("unpadded_date", value=value, padded=padded)
    if not real_date(value):
        raise _fail("bad_date", value=value)
    return value


def _day(value: str) -> str:
    # A correction is dated to the day; a month alone is real but not enough (the loader says so, at the date).
    try:
        return _iso_date(value)
    except PydanticCustomError as exc:
        if exc.type == "bad_date":
            raise _fail("bad_day", value=value) from None
        raise


def alphabet(ch: str) -> str | None:
    """The alphabet of a letter (LATIN, CYRILLIC, ARABIC…); None for anything that may join a word of any."""
    if unicodedata.category(ch) not in ("Lu", "Ll", "Lt", "Lo"):
        return None
    return unicodedata.name(ch, "").split(" ", 1)[0] or None


def _words(value: str) -> list[str]:
    """Runs of letters and marks: what a reader and search take as one word."""
    return "".join(ch if unicodedata.category(ch)[0] in "LM" else " " for ch in value).split()


def mixed_word(value: str) -> tuple[str, str, str] | None:
    """The first word written in two alphabets: (word, the odd letter, the word's main alphabet), or None."""
    for word in _words(value):
        if word.isascii():
            continue  # ASCII letters are all Latin. Skipping those words made reading data/ 5× faster (0.46 s to 0.09 s)
        letters = [(ch, script) for ch in word if (script := alphabet(ch))]
        scripts = [script for _, script in letters]
        if len(set(scripts)) > 1:
            main = max(dict.fromkeys(scripts), key=scripts.count)  # ties: the first letter's
            odd = next(ch for ch, script in letters if script != main)
            return word, odd, main
    return None


def _one_alphabet_per_word(value: str) -> None:
    found = mixed_word(value)
    if found:
        word, odd, main = found
        raise _fail("mixed_script", word=word, letter=odd, script=main,
                    name=f"U+{ord(odd):04X} {unicodedata.name(odd, '')}".rstrip())


# Quotation marks typed around a whole value (`name: “Sham Legion”`, `”Sham Legion“`, `“Sham Legion"`): YAML keeps
# them, the site would print them. A text may still begin or end with a quotation of its own (`He said “no”`), so a
# mark at one end is refused only when nothing inside pairs with it; a mark at both ends always is.
QUOTATION_MARKS = "“”„‘’«»\""
# What may close the quotation each mark opens, and what may open the one each mark closes (German „…“ included).
CLOSERS = {"“": "”", "„": "“”", "‘": "’", "«": "»", '"': '"'}
OPENERS = {"”": "“„", "“": "„", "’": "‘", "»": "«", '"': '"'}
# The key of a quotation mark's error that says which end of the value it is at, for the loader to point at it.
MARK_EDGE = "edge"


def closed_at(text: str) -> int | None:
    """The offset of the mark that closes the quotation `text` begins with (quotations inside it counted), or None
    when it is not closed."""
    closers, depth = CLOSERS.get(text[:1], ""), 0
    for i, ch in enumerate(text[1:], start=1):
        if ch in closers and depth == 0:
            return i
        if ch in closers:
            depth -= 1
        elif ch == text[0]:
            depth += 1
    return None


def wrapped(value: str) -> tuple[str, str] | None:
    """The marks at both ends of `value`, if it begins and ends with a quotation mark, unless the first closes
    before the end: «لا تخدم» إلا «مصالحها» is two quotations of its own."""
    text = value.strip()
    if len(text) > 1 and text[0] in QUOTATION_MARKS and text[-1] in QUOTATION_MARKS:
        closing = closed_at(text)
        return None if closing is not None and closing < len(text) - 1 else (text[0], text[-1])
    return None


def misquoted(value: str) -> tuple[str, dict] | None:
    """The schema's message kind and values for a quotation mark at an end of `value` that would be published as
    part of it: at both ends, or at one end with nothing inside that pairs with it; None if there is none."""
    text = value.strip()
    marks = wrapped(value)
    if marks:
        return "wrapped", {"opening": marks[0], "closing": marks[1], MARK_EDGE: "first"}
    if text[:1] in QUOTATION_MARKS and not any(ch in CLOSERS.get(text[0], "") for ch in text[1:]):
        return "stray_opening", {"mark": text[0], MARK_EDGE: "first"}
    if text[-1:] in QUOTATION_MARKS and not any(ch in OPENERS.get(text[-1], "") for ch in text[:-1]):
        return "stray_closing", {"mark": text[-1], MARK_EDGE: "last"}
    return None


def _not_wrapped(value: str) -> None:
    found = misquoted(value)
    if found:
        raise _fail(found[0], **found[1])


# The key of a text rule's error that gives the offset, in the text, of the character at fault: the loader points at
# that character's line and column.
AT = "at"
# Each language's quotation marks, opening and closing: the other language's are refused in a text.
OWN_MARKS = {"en": ("“", "”"), "ar": ("\u00ab", "\u00bb")}


def _english(value: str) -> str:
    if not value.strip():
        raise _fail("empty_en")
    _not_wrapped(value)
    if ARABIC_LETTER.search(value):
        raise _fail("arabic_in_en")
    # "…the Fateh al-Sham Front؟" was published as typed on an Arabic keyboard: no Arabic letter, so not refused above.
    for mark, latin in ARABIC_MARKS.items():
        if mark in value:
            raise _fail("arabic_mark_in_en", mark=mark, latin=latin, **{AT: value.index(mark)})
    # "went on ٢٣ January" was published so: one message for the text, naming each number.
    runs = list(OTHER_DIGITS.finditer(value))
    if runs:
        raise _fail("digits_in_en", given=", ".join(run.group() for run in runs),
                    digits=", ".join(western_digits(run.group()) for run in runs), **{AT: runs[0].start()})
    _marks_of(value, "en")
    _one_alphabet_per_word(value)
    return value


def _unbalanced(value: str, opening: str, closing: str) -> tuple[str, int] | None:
    """("unopened", offset) of a closing mark with no opening one before it, or ("unclosed", offset) of an opening
    mark never closed; None when every quotation is closed."""
    opened: list[int] = []
    for i, ch in enumerate(value):
        if ch == opening:
            opened.append(i)
        elif ch == closing:
            if not opened:
                return "unopened", i
            opened.pop()
    return ("unclosed", opened[0]) if opened else None


def _marks_of(value: str, lang: str) -> None:
    """A text quotes with its own language's marks, each quotation closed: a lone « was published as typed."""
    for other, (opening, closing) in OWN_MARKS.items():
        found = next((i for i, ch in enumerate(value) if ch in (opening, closing)), None) if other != lang else None
        if found is not None:
            raise _fail("guillemets_in_en" if lang == "en" else "english_marks_in_ar", mark=value[found],
                        **{AT: found})
    opening, closing = OWN_MARKS[lang]
    problem = _unbalanced(value, opening, closing)
    if problem and problem[0] == "unopened" and lang == "ar" and opening in value[problem[1]:]:
        raise _fail("reversed_guillemets", **{AT: problem[1]})  # »…«, typed the European way
    if problem:
        kind, at = problem
        raise _fail(f"{kind}_mark", mark=value[at], opening=opening, closing=closing, **{AT: at})
    if lang == "en":
        _single_marks_closed(value)


def _single_marks_closed(value: str) -> None:
    """An English ‘ opens a quotation within a quotation: one never closed was published as typed. A ’ with no ‘
    before it is the apostrophe (Assad’s), so only the opening mark is checked."""
    opened: list[int] = []
    for i, ch in enumerate(value):
        if ch == "‘":
            opened.append(i)
        elif ch == "’" and opened:
            opened.pop()
    if opened:
        raise _fail("unclosed_mark", mark="‘", opening="‘", closing="’", **{AT: opened[0]})


# A full stop just inside a closing » (not the last of an ellipsis typed as dots).
_STOP_INSIDE = re.compile(r"(?<!\.)[.\u06d4](?=\s*\u00bb)")


def _arabic(value: str) -> str:
    if not value.strip():
        raise _fail("empty_ar")
    _not_wrapped(value)
    if not ARABIC_LETTER.search(value):
        raise _fail("no_arabic")
    _marks_of(value, "ar")
    stop = _STOP_INSIDE.search(value)
    if stop:
        raise _fail("stop_inside_guillemets", **{AT: stop.start()})
    # "…ولماذا?" shows the Latin mark, turned the other way from the Arabic «؟» a reader expects.
    if "?" in value:
        raise _fail("latin_question_in_ar", **{AT: value.index("?")})
    _one_alphabet_per_word(value)
    return value


# A count typed before "factions" ("the eleven factions", "11 armed groups"), or around «فصائل» in Arabic (the number
# comes after the noun: «الفصائل الإحدى عشرة», or before it: «أحد عشر فصيلًا»). "One" and «أحد» alone are left out:
# "one faction said" and «أحد الفصائل» ("one of the factions") name no count.
_EN_NUMBER = (r"\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|"
              r"seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|a\s+dozen|dozen")
_EN_COUNT = re.compile(rf"\b(?:{_EN_NUMBER})(?:-\w+)?\s+(?:(?:armed|rebel|opposition|Syrian)\s+)?(?:factions?|groups?)\b",
                       re.IGNORECASE)
_AR_UNITS = ("ثلاث|ثلاثة|أربع|أربعة|خمس|خمسة|ست|ستة|سبع|سبعة|ثمان|ثماني|ثمانية|تسع|تسعة|عشر|عشرة|اثنا|اثنتا|اثني|"
             "اثنتي|اثنان|اثنتان|عشرون|عشرين|ثلاثون|ثلاثين|أربعون|أربعين|خمسون|خمسين")
_AR_NUMBER = rf"[0-9\u0660-\u0669]+|(?:ال)?(?:{_AR_UNITS})|(?:ال)?(?:أحد|إحدى|احدى)\s+(?:عشر|عشرة)"
_AR_FACTIONS = r"(?:[وفبل]?(?:ال|لل)?)(?:فصيل|فصيلا|فصيلًا|فصائل)"
_AR_COUNT = re.compile(rf"(?<!\S)(?:(?:{_AR_NUMBER})\s+{_AR_FACTIONS}|{_AR_FACTIONS}\s+(?:{_AR_NUMBER}))(?![^\s.,،؛:)])")
_HARAKAT = re.compile("[\u064b-\u0652]")


def typed_count(value: str) -> tuple[int, int] | None:
    """Where the first count of factions typed in `value` starts and ends (vowel marks aside), or None."""
    found = _EN_COUNT.search(value)
    if found:
        return found.span()
    kept = [i for i, ch in enumerate(value) if not _HARAKAT.match(ch)]  # offsets in `value` of the letters searched
    found = _AR_COUNT.search("".join(value[i] for i in kept))
    return (kept[found.start()], kept[found.end() - 1] + 1) if found else None


def _no_count(value: str) -> str:
    found = typed_count(value)
    if found:
        raise _fail("typed_count", words=value[found[0]:found[1]], **{AT: found[0]})
    return value


def _spaced(value: str) -> str:
    # A name is compared, sorted and searched as typed: " Sham Legion" sorted first in the names index, and
    # "فيلق الشام " passed as an alias other than the name "فيلق الشام".
    # Spaces and line breaks only: the other invisible characters have their own message (data/hygiene.py).
    if value != value.strip(" \n") or "  " in value or "\n" in value:
        raise _fail("name_spacing", value=value)
    return value


def _alias(value: str) -> str:
    if ARABIC_COMMA in value:
        spellings = ", ".join(f'"{part.strip()}"' for part in value.split(ARABIC_COMMA))
        raise _fail("two_aliases", value=value, spellings=spellings)
    if SEPARATOR in value:
        raise _fail("separator_in_alias", value=value)
    return value


Id = Annotated[str, Field(max_length=MAX_ID), AfterValidator(_id)]
# An id defined elsewhere. The loader checks that it exists and names the ones that do: the id rule here would add
# a second, misleading message ("rename it") to a reference that only has to be one of them.
Ref = Annotated[str, Field(max_length=MAX_ID)]
IsoDate = Annotated[str, AfterValidator(_iso_date)]
DayDate = Annotated[str, AfterValidator(_day)]
Paras = Annotated[list[Annotated[int, Field(ge=1)]], Field(min_length=1)]
# A quote is the source's words as they are: the rule against a typed count is for ours.
EnQuote = Annotated[str, Field(max_length=MAX_TEXT), AfterValidator(_english)]
ArQuote = Annotated[str, Field(max_length=MAX_TEXT), AfterValidator(_arabic)]
EnText = Annotated[EnQuote, AfterValidator(_no_count)]
ArText = Annotated[ArQuote, AfterValidator(_no_count)]
EnName = Annotated[str, Field(max_length=MAX_NAME), AfterValidator(_english), AfterValidator(_spaced)]
ArName = Annotated[str, Field(max_length=MAX_NAME), AfterValidator(_arabic), AfterValidator(_spaced)]
EnAlias = Annotated[EnName, AfterValidator(_alias)]
ArAlias = Annotated[ArName, AfterValidator(_alias)]


class Text(Strict):
    """One text a reader sees, in both languages side by side so an editor changes both together."""

    en: EnText
    ar: ArText


class QuoteText(Text):
    """A quote's words, which may hold anything the speaker said, a count included."""

    en: EnQuote
    ar: ArQuote


class Name(Text):
    """What a faction, actor, place or camp is called, in both languages: held to a name's length, not a text's.
    A Text still (code that walks every text, such as the change report, finds names too)."""

    en: EnName
    ar: ArName


class Aliases(Strict):
    """Spellings of a name besides `name`, used by the names index, the roster downloads and search. Two kinds, kept
    apart because the site must never present ours as the article's words: `source`, the article's own spellings, and
    `en`/`ar`, spellings in common use that are ours (the article is in English, so `source` is Latin only)."""

    source: list[EnAlias] = []  # how the article writes the name, each spelling it uses; leave out when it writes exactly name.en
    en: list[EnAlias] = []  # ours: other Latin spellings, translations and fuller forms in common use
    ar: list[ArAlias] = []  # ours: other Arabic spellings in common use

    # Which language each kind is written in: the article is English, so its spellings are searched as English.
    LANGUAGE_OF: ClassVar[dict[str, str]] = {"source": "en", "en": "en", "ar": "ar"}

    def every(self, lang: str) -> list[str]:
        """Both kinds, for finding a name (search, the pages' mentions): a reader may type either."""
        return [spelling for key, kind_lang in self.LANGUAGE_OF.items() if kind_lang == lang for spelling in getattr(self, key)]


class Claim(Strict):
    """A statement taken from the source, with the paragraph numbers it comes from."""

    text: Text
    paras: Paras


# ---------------------------------------------------------------- source.yml


class Paragraph(Strict):
    n: Annotated[int, Field(ge=1)]
    summary: Text  # our one-line summary, never the article's sentence


class Section(Strict):
    id: Id
    title: Text
    first_paragraph: Annotated[int, Field(ge=1)]


class SourceFile(Strict):
    title: Text
    title_is_translation: Literal["ar"]  # the article's title exists only in English
    date: IsoDate
    # Every name as the article writes it: an entry's `aliases.source` and `former.source` may hold only these.
    names: Annotated[list[EnAlias], Field(min_length=1)]
    sections: list[Section]
    paragraphs: Annotated[list[Paragraph], Field(min_length=1)]


# ---------------------------------------------------------------- story.yml, gaps.yml, corrections.yml


def _short_point(value: str) -> str:
    words = len(value.split())
    if words > MAX_KEY_POINT_WORDS:
        raise _fail("key_point_too_long", words=words, most=MAX_KEY_POINT_WORDS)
    return value


class KeyPointText(Text):
    """A key point of the home page, in both languages: each held to a few words (MAX_KEY_POINT_WORDS)."""

    en: Annotated[EnText, AfterValidator(_short_point)]
    ar: Annotated[ArText, AfterValidator(_short_point)]


class KeyPoint(Claim):
    text: KeyPointText


class StoryFile(Strict):
    # The answer to the headline in one sentence, under it: who went and under whom, who stayed away and why.
    standfirst: Claim
    lead: Annotated[list[KeyPoint], Field(min_length=1, max_length=MAX_KEY_POINTS)]
    geneva: Annotated[list[Claim], Field(min_length=1)]


class Gap(Strict):
    id: Id
    topic: Text
    text: Text  # what the source leaves out, said plainly
    paras: Paras  # where a reader would have looked for it


class GapsFile(Strict):
    gaps: list[Gap]


class Correction(Strict):
    date: DayDate
    text: Text


class CorrectionsFile(Strict):
    corrections: list[Correction] = []


# ---------------------------------------------------------------- camps.yml, factions.yml, quotes.yml


class Reason(Strict):
    id: Id
    title: Text
    text: Text
    paras: Paras
    quotes: list[Ref] = []


# The two camps the story has; pages and interface strings name them, so they are fixed.
CAMP_IDS = Literal["attended", "refused"]


class Camp(Strict):
    id: CAMP_IDS
    name: Name  # the camp as a heading: "Went to Astana"
    members: Text  # the camp as a speaker: "The factions that went"
    summary: Claim  # one line for the home page
    reasons: Annotated[list[Reason], Field(min_length=1)]


class Delegation(Strict):
    head: Ref  # an actor (person)
    head_of: Ref  # the faction he leads
    summary: Claim
    technical_team: Claim
    chosen_by: Ref  # an actor (organisation)


class CampsFile(Strict):
    camps: Annotated[list[Camp], Field(min_length=2, max_length=2)]
    delegation: Delegation


class Faction(Strict):
    id: Id
    name: Name
    aliases: Aliases = Aliases()
    former: Aliases = Aliases()  # earlier names the article gives (“formerly …”), and ours for them
    camp: Ref
    paras: Paras
    named_in: list[Annotated[int, Field(ge=1)]] = []  # where the article writes one of its spellings (aliases.source, or
    # name.en): the names index cites these; leave out when they are the paragraphs its facts (and a faction's paras) cite
    facts: list[Claim] = []


class FactionsFile(Strict):
    factions: Annotated[list[Faction], Field(min_length=1)]


class Quote(Strict):
    id: Id
    speaker: Ref  # a faction, an actor or a camp
    text: QuoteText  # English as the source quotes it; Arabic is our translation and says so on the page
    occasion: Text
    paras: Paras


class QuotesFile(Strict):
    quotes: list[Quote]


# ---------------------------------------------------------------- actors.yml, places.yml


# The groups of actors.yml that the camps figure draws by id (explainer/render/figures.py): the sponsors above both camps,
# and the two groups set apart below them. The validator requires each, so a renamed group cannot empty a box.
FIGURE_GROUPS = ("turkey-and-russia", "left-out", "kurdish-side")


class ActorGroup(Strict):
    id: Id
    title: Text
    paras: list[Annotated[int, Field(ge=1)]] = []  # where the source puts these actors in that role (cited by the camps figure)
    facts: list[Claim] = []  # what the source says of its actors together: shown once, above their cards


class Actor(Strict):
    id: Id
    kind: Literal["state", "organisation", "armed-group", "person", "people", "government"]
    group: Ref
    name: Name
    aliases: Aliases = Aliases()
    former: Aliases = Aliases()  # earlier names the article gives (“formerly …”), and ours for them
    named_in: list[Annotated[int, Field(ge=1)]] = []  # where the article writes one of its spellings (aliases.source, or
    # name.en): the names index cites these; leave out when they are the paragraphs its facts (and a faction's paras) cite
    facts: Annotated[list[Claim], Field(min_length=1)]


class ActorsFile(Strict):
    groups: Annotated[list[ActorGroup], Field(min_length=1)]
    actors: Annotated[list[Actor], Field(min_length=1)]


class Place(Strict):
    id: Id
    name: Name
    aliases: Aliases = Aliases()
    former: Aliases = Aliases()  # earlier names the article gives (“formerly …”), and ours for them
    named_in: list[Annotated[int, Field(ge=1)]] = []  # where the article writes one of its spellings (aliases.source, or
    # name.en): the names index cites these; leave out when they are the paragraphs its facts (and a faction's paras) cite
    facts: Annotated[list[Claim], Field(min_length=1)]


class PlacesFile(Strict):
    places: list[Place]


# ---------------------------------------------------------------- events.yml, outlook.yml, pages.yml


class Event(Strict):
    id: Id
    date: IsoDate | None = None
    until: IsoDate | None = None
    placement: Text | None = None  # for an undated event: where the source lets us place it, honestly
    text: Text
    paras: Paras

    @model_validator(mode="after")
    def _dated_or_placed(self):
        if self.date is None and self.placement is None:
            raise _fail("undated_unplaced")
        if self.date is not None and self.placement is not None:
            raise _fail("dated_and_placed", **{BLAMED_FIELD: "placement"})
        # `until` is the one to correct: `date` also places the event in the timeline's order (loader.py checks it).
        # Precision first: "2016-12" sorts before "2016-12-22", and "must come after" would send the editor wrong.
        if self.until is not None and self.date is not None and len(self.until) != len(self.date):
            raise _fail("until_precision", **{BLAMED_FIELD: "until"})
        if self.until is not None and (self.date is None or self.until <= self.date):
            raise _fail("bad_until", **{BLAMED_FIELD: "until"})
        return self


# The fields of an event that hold a date: the loader compares each with the source article's date.
EVENT_DATES = tuple(name for name, field in Event.model_fields.items() if IsoDate in get_args(field.annotation))


class EventsFile(Strict):
    events: Annotated[list[Event], Field(min_length=1)]


class Reading(Strict):
    id: Id
    title: Text
    points: Annotated[list[Claim], Field(min_length=1)]


class OutlookFile(Strict):
    context: Annotated[list[Claim], Field(min_length=1)]
    readings: Annotated[list[Reading], Field(min_length=2, max_length=2)]


def _short_label(value: str) -> str:
    if len(value) > MAX_NAV:
        raise _fail("nav_too_long", length=len(value), most=MAX_NAV)
    return value


class NavText(Text):
    """A page's menu label, in both languages: a few words (MAX_NAV characters)."""

    en: Annotated[EnText, AfterValidator(_short_label)]
    ar: Annotated[ArText, AfterValidator(_short_label)]


class PageMeta(Strict):
    id: Id  # the page's file name without .md ("index" for the home page)
    nav: NavText  # the short label in the menu
    title: Text
    description: Text


class PagesFile(Strict):
    pages: Annotated[list[PageMeta], Field(min_length=1)]


# Interface strings: a flat mapping per language, or plural forms for counted phrases.
PluralForms = dict[Literal["zero", "one", "two", "few", "many", "other"], str]


CONTENT_FILES: dict[str, type[Strict]] = {
    "source.yml": SourceFile,
    "story.yml": StoryFile,
    "camps.yml": CampsFile,
    "factions.yml": FactionsFile,
    "quotes.yml": QuotesFile,
    "actors.yml": ActorsFile,
    "places.yml": PlacesFile,
    "events.yml": EventsFile,
    "outlook.yml": OutlookFile,
    "gaps.yml": GapsFile,
    "corrections.yml": CorrectionsFile,
    "pages.yml": PagesFile,
}
LANGUAGES = CODES  # explainer/data/languages.py
