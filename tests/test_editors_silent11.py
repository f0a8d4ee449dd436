"""Issue 20, three paths an editor's change took in silence or with YAML's own words: a faction moved to the other
camp whose spellings the names index then cited at the new camp's paragraphs, a " #" inside a one-line `{en: …, ar:
…}`, and an English ‘ never closed. Each is said at its place, in both languages; the setups find their place by the
data's shape (tests/data_setups.py), never by today's text."""
from __future__ import annotations

import shutil

import pytest

from explainer.data.errors import DataErrors
from explainer.data.loader import read_data
from explainer.pages.site import load_data

from .conftest import ROOT
from .data_setups import located, replace_value, value, value_span
from .editor_changes import roundtrip, short_list
from .test_editors_ii import only
from .test_loader import data_dir  # noqa: F401

REAL = load_data(ROOT / "data")


# ---------------------------------------------------------------- a faction moved to the other camp


def _movable():
    """A faction no quote speaks for, not the delegation's head, without `named_in`, whose camp keeps others: the
    one to move (the walk moved Al-Bayan), and the camp it moves to."""
    quoted = {q.speaker for q in REAL.quotes.quotes} | {REAL.camps.delegation.head_of}
    members = {c.id: [f for f in REAL.factions.factions if f.camp == c.id] for c in REAL.camps.camps}
    moved = next(f for f in reversed(REAL.factions.factions)
                 if f.id not in quoted and not f.named_in and len(members[f.camp]) > 1)
    return moved, next(camp for camp in members if camp != moved.camp)


def _move(data_dir, named_in=None) -> str:
    """The move as the guide says it: `camp`, its paragraphs (the new camp's summary's), its place at the end of
    that camp's part of the list; `named_in` as given, or none."""
    moved, target = _movable()
    summary = next(c for c in REAL.camps.camps if c.id == target).summary.paras
    with roundtrip(data_dir / "factions.yml") as doc:
        entries = doc["factions"]
        entry = entries.pop(next(i for i, e in enumerate(entries) if e["id"] == moved.id))
        entry["camp"] = target
        if named_in is not None:
            entry.insert(list(entry).index("paras") + 1, "named_in", short_list(*named_in))
        entry["paras"] = short_list(*summary[:1])
        entries.insert(max(i for i, e in enumerate(entries) if e["camp"] == target) + 1, entry)
    return (data_dir / "factions.yml").read_text(encoding="utf-8")


def _named_before(faction) -> list[int]:
    return sorted({*faction.paras, *(n for fact in faction.facts for n in fact.paras)})


def test_a_faction_moved_without_where_the_source_names_it_is_told_to_keep_it(tmp_path, data_dir):
    """The names index cites a faction's paragraphs for its spellings unless `named_in` says otherwise: moved to the
    camp that went, Al-Bayan's "In the source" cited the paragraphs of that camp, which never write its name, and
    only the test against the article's text saw it."""
    base = tmp_path / "base"
    shutil.copytree(data_dir, base)
    moved, target = _movable()
    text = _move(data_dir)
    with pytest.raises(DataErrors) as caught:
        load_data(data_dir, base=read_data(base))
    [error] = caught.value.errors
    assert (error.file, error.line, error.col) == (
        "data/factions.yml", *located(text, value_span(text, ("factions", moved.id, "camp"))[0]))
    fix = f"`named_in: [{', '.join(map(str, _named_before(moved)))}]`"
    assert f'this faction moved from the camp "{moved.camp}" to "{target}"' in str(error) and fix in str(error)
    arabic = error.message.say("ar")
    assert fix in arabic and f"«{target}»" in arabic and arabic[0] not in "`\"«(["
    # The fix the message gives is accepted.
    _restore(base, data_dir)
    _move(data_dir, named_in=_named_before(moved))
    load_data(data_dir, base=read_data(base))


def _restore(base, data_dir) -> None:
    shutil.rmtree(data_dir)
    shutil.copytree(base, data_dir)


# ---------------------------------------------------------------- a comment inside a one-line { … }


@pytest.mark.parametrize("lang, quoted", [("en", True), ("en", False), ("ar", True), ("ar", False)])
def test_a_comment_inside_a_one_line_text_is_said_at_the_hash(data_dir, lang, quoted):
    """`name: {en: "Sham Legion" #1, ar: …}` or `{en: Sham #1 Legion, …}`: the comment takes the rest of the line
    with its `}`, and YAML said "an entry { … } opened here is not closed …" at the `{`. Said at the # as in a block:
    where the text is in quotes, what follows the closing quote is lost; where it is not, the text is cut."""
    faction = REAL.factions.factions[0]
    name = getattr(faction.name, lang)
    typed = f'"{name}" #1' if quoted else f"{name.split()[0]} #1 {' '.join(name.split()[1:])}".rstrip()
    start = value_span((data_dir / "factions.yml").read_text(encoding="utf-8"), ("factions", faction.id, "name"))[0]
    text = replace_value(data_dir, "factions.yml", ("factions", faction.id, "name", lang), typed)
    error = only(data_dir)
    assert (error.line, error.col) == located(text, text.index(" #1", start) + 1)
    said = "what follows the closing quote is not part of the text" if quoted else "cuts the text here"
    assert "a # after a space starts a comment" in str(error) and said in str(error)
    assert "not closed" not in str(error)
    assert error.message.say("ar").startswith("العلامة # بعد مسافة تبدأ تعليقًا")


def test_a_comment_after_a_one_line_text_is_still_a_comment(data_dir):
    """After the closing `}` a comment is allowed, as on any line."""
    faction = REAL.factions.factions[0]
    replace_value(data_dir, "factions.yml", ("factions", faction.id, "name"),
                  f'{{en: "{faction.name.en}", ar: "{faction.name.ar}"}}  # checked against ¶1')
    load_data(data_dir)


# ---------------------------------------------------------------- an English ‘ never closed


def test_an_english_single_quotation_mark_never_closed_is_refused_at_the_mark(data_dir):
    """“ ” were refused when one was not closed; ‘ was published as typed. A ’ alone stays: it is the apostrophe."""
    event = next(e for e in value(data_dir, "events.yml", ("events",)) if len(e["text"]["en"].split()) > 3)
    words = event["text"]["en"].split(" ")
    typed = " ".join([*words[:2], "‘" + words[2], *words[3:]])
    text = replace_value(data_dir, "events.yml", ("events", event["id"], "text", "en"), f'"{typed}"')
    error = only(data_dir)
    assert (error.line, error.col) == located(text, text.index("‘"))
    assert "the quotation mark ‘ here is never closed; add ’ where the quotation ends, or remove ‘" in str(error)
    assert "علامة التنصيص ‘ هنا لا تُغلَق" in error.message.say("ar")
    # Closed, it is accepted; and so is the apostrophe alone.
    replace_value(data_dir, "events.yml", ("events", event["id"], "text", "en"),
                  f'"{" ".join([*words[:2], "‘" + words[2] + "’", *words[3:]])}"')
    load_data(data_dir)
    replace_value(data_dir, "events.yml", ("events", event["id"], "text", "en"),
                  f'"{" ".join([*words[:2], words[2] + "’s", *words[3:]])}"')
    load_data(data_dir)


@pytest.mark.parametrize("file, path", [
    ("factions.yml", ("factions", 0, "camp")),
    ("quotes.yml", ("quotes", 0, "speaker")),
])
def test_a_hash_that_starts_a_value_is_said_at_the_hash(data_dir, file, path):
    """The walk typed `camp: #attended`: the comment left the key empty, and the message said "should be text, but
    is nothing", naming no #."""
    written = value(data_dir, file, path)
    text = replace_value(data_dir, file, path, f"#{written}")
    error = only(data_dir)
    start = value_span(text, path)[0]
    assert (error.file, error.line, error.col) == (f"data/{file}", *located(text, text.index("#", start)))
    assert f'a # after a space starts a comment, so "{path[-1]}" is left empty; remove the #' in str(error)
    assert error.message.say("ar").startswith("العلامة # بعد مسافة تبدأ تعليقًا")


def test_a_camp_typed_wrong_is_not_taken_for_a_move(tmp_path, data_dir):
    """`camp: atended` (the guide's own example) also got "this faction moved from the camp … add named_in", whose
    fix stayed in the data once the typo was corrected. One message: the camp is not one of the camps."""
    base = tmp_path / "base"
    shutil.copytree(data_dir, base)
    faction = REAL.factions.factions[0]
    replace_value(data_dir, "factions.yml", ("factions", faction.id, "camp"), faction.camp[:1] + faction.camp[2:])
    with pytest.raises(DataErrors) as caught:
        load_data(data_dir, base=read_data(base))
    [error] = caught.value.errors
    assert "is not one of:" in str(error) and "named_in" not in str(error)


def test_a_quote_pasted_again_under_a_new_id_is_refused_at_its_words(data_dir):
    """Walk 8 pasted the guide's example (a quote already in quotes.yml) and, told the id was taken, changed the id
    only: accepted, and the speaker's card showed the quote twice."""
    path = data_dir / "quotes.yml"
    text = path.read_text(encoding="utf-8")
    first = REAL.quotes.quotes[0]
    start = text.index(f"  - id: {first.id}\n")
    end = text.find("\n  - id: ", start + 1)
    block = text[start:end + 1] if end != -1 else text[start:]
    text = text.rstrip("\n") + "\n" + block.replace(f"id: {first.id}", f"id: {first.id}-again", 1)
    path.write_text(text, encoding="utf-8")
    error = only(data_dir)
    again = text.index(f"id: {first.id}-again")
    assert (error.file, error.line) == ("data/quotes.yml", text.count("\n", 0, text.index("en:", again)) + 1)
    assert f"this quote repeats the one at line {text.count(chr(10), 0, start) + 1}" in str(error)
    assert error.message.say("ar") != str(error.message)
