"""The shape of every file in data/, declared once; the loader turns violations into editor-facing messages."""
from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, model_validator
from pydantic_core import PydanticCustomError

# Presentation forms count as Arabic here, so a field written in them gets the hygiene message that names them,
# not a misleading "no Arabic letters".
ARABIC_LETTER = re.compile(r"[\u0621-\u064A\u0671-\u06D3\uFB50-\uFDFF\uFE70-\uFEFC]")
ID_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


# The schema's own messages to editors, by kind; the loader says them in the editor's language.
MESSAGES = {
    "bad_id": 'the id "{value}" must be lower-case letters, digits and hyphens (like "sham-legion"); rename it',
    "bad_date": 'the date "{value}" is not a real date; write it as YYYY-MM-DD, or YYYY-MM when the source gives '
                "only the month",
    "empty_en": "the English text (en) is empty; write the English text",
    "arabic_in_en": "the English text (en) contains Arabic letters; move the Arabic to the ar field",
    "empty_ar": "the Arabic text (ar) is empty; write the Arabic text",
    "no_arabic": "the Arabic text (ar) contains no Arabic letters; write it in Arabic",
    "undated_unplaced": "an event needs a date, or, when the source gives none, a placement saying where it falls; add one",
    "dated_and_placed": "an event has either a date or a placement, not both; remove one",
    "bad_until": "until must come after date; check both dates",
    "until_precision": "date and until must be written alike: both with a day (YYYY-MM-DD) or both with a month only "
                       "(YYYY-MM); correct one of them",
}


def _fail(kind: str, **values) -> PydanticCustomError:
    return PydanticCustomError(kind, MESSAGES[kind], values)


class Strict(BaseModel):
    # Strict: "3" is not a number and `yes` is not true; forbid: a misspelt key must not vanish.
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


def _id(value: str) -> str:
    if not ID_PATTERN.match(value):
        raise _fail("bad_id", value=value)
    return value


def _iso_date(value: str) -> str:
    # Dates stay strings: a month ("2017-02") is a real precision in this story, not a day we made up.
    try:
        if re.fullmatch(r"\d{4}-\d{2}", value):
            dt.date.fromisoformat(value + "-01")
            return value
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            dt.date.fromisoformat(value)
            return value
    except ValueError:
        pass
    raise _fail("bad_date", value=value)


def _english(value: str) -> str:
    if not value.strip():
        raise _fail("empty_en")
    if ARABIC_LETTER.search(value):
        raise _fail("arabic_in_en")
    return value


def _arabic(value: str) -> str:
    if not value.strip():
        raise _fail("empty_ar")
    if not ARABIC_LETTER.search(value):
        raise _fail("no_arabic")
    return value


Id = Annotated[str, AfterValidator(_id)]
Ref = Annotated[str, AfterValidator(_id)]  # an id defined elsewhere; the loader checks that it exists
IsoDate = Annotated[str, AfterValidator(_iso_date)]
Paras = Annotated[list[Annotated[int, Field(ge=1)]], Field(min_length=1)]
EnText = Annotated[str, AfterValidator(_english)]
ArText = Annotated[str, AfterValidator(_arabic)]


class Text(Strict):
    """One text a reader sees, in both languages side by side so an editor changes both together."""

    en: EnText
    ar: ArText


class Aliases(Strict):
    """Other spellings a reader may meet, used by the names index and by search."""

    en: list[EnText] = []
    ar: list[ArText] = []


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
    sections: list[Section]
    paragraphs: Annotated[list[Paragraph], Field(min_length=1)]


# ---------------------------------------------------------------- story.yml, gaps.yml, corrections.yml


class StoryFile(Strict):
    lead: Annotated[list[Claim], Field(min_length=1)]
    geneva: Annotated[list[Claim], Field(min_length=1)]


class Gap(Strict):
    id: Id
    topic: Text
    text: Text  # what the source leaves out, said plainly
    paras: Paras  # where a reader would have looked for it


class GapsFile(Strict):
    gaps: list[Gap]


class Correction(Strict):
    date: IsoDate
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
    name: Text  # the camp as a heading: "Went to Astana"
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
    name: Text
    aliases: Aliases = Aliases()
    camp: Ref
    paras: Paras
    facts: list[Claim] = []


class FactionsFile(Strict):
    factions: Annotated[list[Faction], Field(min_length=1)]


class Quote(Strict):
    id: Id
    speaker: Ref  # a faction, an actor or a camp
    text: Text  # English as the source quotes it; Arabic is our translation and says so on the page
    occasion: Text
    paras: Paras


class QuotesFile(Strict):
    quotes: list[Quote]


# ---------------------------------------------------------------- actors.yml, places.yml


class ActorGroup(Strict):
    id: Id
    title: Text


class Actor(Strict):
    id: Id
    kind: Literal["state", "organisation", "armed-group", "person", "people", "government"]
    group: Ref
    name: Text
    aliases: Aliases = Aliases()
    facts: Annotated[list[Claim], Field(min_length=1)]


class ActorsFile(Strict):
    groups: Annotated[list[ActorGroup], Field(min_length=1)]
    actors: Annotated[list[Actor], Field(min_length=1)]


class Place(Strict):
    id: Id
    name: Text
    aliases: Aliases = Aliases()
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
            raise _fail("dated_and_placed")
        if self.until is not None and (self.date is None or self.until <= self.date):
            raise _fail("bad_until")
        if self.until is not None and len(self.until) != len(self.date):
            raise _fail("until_precision")
        return self


class EventsFile(Strict):
    events: Annotated[list[Event], Field(min_length=1)]


class Reading(Strict):
    id: Id
    title: Text
    points: Annotated[list[Claim], Field(min_length=1)]


class OutlookFile(Strict):
    context: Annotated[list[Claim], Field(min_length=1)]
    readings: Annotated[list[Reading], Field(min_length=2, max_length=2)]


class PageMeta(Strict):
    id: Id  # the page's file name without .md ("index" for the home page)
    nav: Text  # the short label in the menu
    title: Text
    description: Text


class PagesFile(Strict):
    pages: Annotated[list[PageMeta], Field(min_length=1)]


# Interface strings: a flat mapping per language, or plural forms for counted phrases.
PluralForms = dict[Literal["zero", "one", "two", "few", "many", "other"], str]


class StringsFile(BaseModel):
    model_config = ConfigDict(strict=True, frozen=True)
    strings: dict[str, str | PluralForms]


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
LANGUAGES = ("en", "ar")
