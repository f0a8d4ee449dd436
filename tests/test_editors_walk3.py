"""Issue 20, the confirming editors' walk: the five mistakes it found still accepted or reported at the wrong line.
Each is tried with the walk's input, and must be refused at the line the editor typed, saying what to do, in English
and Arabic."""
from __future__ import annotations

from pathlib import Path

import pytest

from explainer.data.loader import read_data
from explainer.data.messages import FSI, PDI, laid_out
from explainer.data.schema import MAX_KEY_POINTS, timeline_key
from explainer.data.yamlread import read_yaml
from explainer.pages.site import load_data
from explainer.render import roster

from .conftest import ROOT
from .data_setups import before_faction, factions_of, found_after, replace_value
from .test_editors_ii import only, problems
from .test_loader import data_dir, edit, position  # noqa: F401
from .test_names_in_source import SOURCE, source_paragraphs, written_in

DATA = load_data(ROOT / "data")


def _named():
    return [*DATA.factions.factions, *DATA.actors.actors, *DATA.places.places]


def _only_with_base(data_dir: Path):
    """The one problem, with data/ as committed for the version before the edit (as `make validate` reads it from git)."""
    loaded = read_data(data_dir, base=read_data(ROOT / "data"))
    assert len(loaded.errors) == 1, [str(e) for e in loaded.errors]
    return loaded.errors[0]


# ---------------------------------------------------------------- 1. a spelling of ours among the source's


def test_a_spelling_of_ours_in_aliases_source_is_refused_at_it(data_dir):
    # The walk moved "Jaish al-Izza", ours, from aliases.en to aliases.source.
    text = edit(data_dir, "factions.yml", 'aliases: {source: ["Jaysh Al-Ezza"], en: ["Army of Glory", "Jaish al-Izza"]}',
                'aliases: {source: ["Jaysh Al-Ezza", "Jaish al-Izza"], en: ["Army of Glory"]}')
    error = only(data_dir)
    assert (error.line, error.col) == position(text, '"Jaish al-Izza"')
    assert '"Jaish al-Izza" is not a spelling the source uses (¶3;' in str(error)
    assert "put it under our spellings (aliases.en) instead" in str(error)
    assert "الكتابة «Jaish al-Izza» ليست مما يكتبه المصدر (الفقرة 3" in error.message.say("ar")


def test_a_former_name_of_ours_in_former_source_is_refused(data_dir):
    text = edit(data_dir, "actors.yml", 'former: {source: ["Al-Nusra Front"]', 'former: {source: ["Jabhat al-Nusra"]')
    error = only(data_dir)
    assert (error.line, error.col) == position(text, '"Jabhat al-Nusra"')
    assert "put it under our spellings (former.en) instead" in str(error)


def test_every_name_the_source_list_holds_is_some_entrys():
    """source.yml's `names` is where the article's spellings are kept: each names an entry (as one of its source
    spellings, or its name where the article writes it so), so the list cannot keep a spelling no entry uses."""
    used = {s for item in _named() for s in [*roster.source_spellings(item), *item.former.source]}
    assert set(DATA.source.names) == used
    assert len(DATA.source.names) == len(set(DATA.source.names))


def test_every_name_in_the_list_is_written_in_the_article():
    if not SOURCE.is_file():
        pytest.skip(f"the article is not at {SOURCE}; set EXPLAINER_SOURCE_TEXT to its text file")
    paragraphs = source_paragraphs(SOURCE.read_text(encoding="utf-8"))
    assert len(paragraphs) == DATA.paragraph_count
    assert [name for name in DATA.source.names if not written_in(name, paragraphs)] == []


# ---------------------------------------------------------------- 2. a faction in the other camp's part


def test_a_faction_of_the_other_camp_in_a_camps_part_is_refused_at_its_camp(data_dir):
    # The walk added a faction that stayed away among those that went (after the first of them).
    new = ('  - id: new-refusing-faction\n    name: {en: "New Refusing Faction", ar: "فصيل رافض جديد"}\n'
           "    camp: refused\n    paras: [7]\n")
    refusing = factions_of(data_dir, "refused")
    text = before_faction(data_dir, factions_of(data_dir, "attended")[1], new)
    error = only(data_dir)
    assert (error.line, error.col) == found_after(text, "refused", "id: new-refusing-faction")
    assert 'this faction is of the camp "refused", but it is listed among the factions of "attended"' in str(error)
    assert f'move it down, into the factions of "refused" (from "{refusing[0]}" to "{refusing[-1]}"), where the ' \
           "source names it" in str(error)
    said = error.message.say("ar")
    assert "هذا الفصيل من المعسكر «refused»، لكنه مدرج بين فصائل «attended»" in said
    assert f"انقله إلى أسفل، إلى فصائل «refused» (من «{refusing[0]}» إلى «{refusing[-1]}»)، في موضعه بحسب ترتيب المصدر" in said


def test_the_last_faction_switched_to_the_other_camp_is_told_to_move_up(data_dir):
    attending, last = factions_of(data_dir, "attended"), factions_of(data_dir, "refused")[-1]
    text = replace_value(data_dir, "factions.yml", ("factions", last, "camp"), "attended")
    # Its paragraphs, the other camp's list, are refused too (test_editors_walk6).
    found = problems(data_dir)
    moved = [e for e in found if "move it up" in str(e)]
    assert len(found) == 2 and len(moved) == 1, [str(e) for e in found]
    error = moved[0]
    assert (error.line, error.col) == found_after(text, "attended", f"id: {last}\n")
    assert 'listed among the factions of "refused"; move it up, into the factions of "attended" ' \
           f'(from "{attending[0]}" to "{attending[-1]}")' in str(error)


# ---------------------------------------------------------------- 3. an event out of order


NEW_EVENT = ('  - id: talks-end\n    date: "2017-01-25"\n    text:\n      en: "The talks end."\n'
             '      ar: "انتهت المفاوضات."\n    paras: [1]\n')


def test_an_event_added_above_an_older_one_is_reported_at_the_added_one(data_dir):
    # The walk added the talks' last day above the talks' first.
    # It belongs below the last event of its day or before (whatever events an editor added since).
    below = [e for e in load_data(data_dir).events.events
             if e.date and timeline_key(e.date) <= timeline_key("2017-01-25")][-1]
    text = edit(data_dir, "events.yml", "  - id: astana-talks\n", NEW_EVENT + "  - id: astana-talks\n")
    error = _only_with_base(data_dir)
    assert (error.line, error.col) == position(text, '"2017-01-25"')
    assert ('the date 2017-01-25 is later than the events listed after it; move this event down, below '
            f'"{below.id}" ({below.date})') in str(error)
    assert f"انقل هذا الحدث إلى أسفل، تحت «{below.id}»" in error.message.say("ar")


def test_an_event_moved_below_a_later_one_is_reported_at_the_moved_one(data_dir):
    path = data_dir / "events.yml"
    text = path.read_text(encoding="utf-8")
    start, end = text.index("  - id: ceasefire\n"), text.index("  - id: wadi-barada-breaches\n")
    moved = text[start:end]
    text = text[:start] + text[end:]
    text = text.replace("  - id: geneva-iv\n", moved + "  - id: geneva-iv\n")
    # It belongs above the first event later than itself (whatever events an editor added since).
    events = load_data(data_dir).events.events
    date = next(e.date for e in events if e.id == "ceasefire")
    above = next(e for e in events if e.date and timeline_key(e.date) > timeline_key(date))
    path.write_text(text, encoding="utf-8")
    error = _only_with_base(data_dir)
    assert (error.line, error.col) == position(text, f'"{date}"')
    assert f'move this event up, above "{above.id}" ({above.date})' in str(error)


def test_without_an_earlier_version_an_event_out_of_step_with_the_rest_is_the_one_reported(data_dir):
    # Earlier than every event above it (a date later than all below would be after the source article, refused as
    # such since test_editors_walk5).
    text = edit(data_dir, "events.yml", 'date: "2017-02"', 'date: "2016-11"')
    error = only(data_dir)
    assert (error.line, error.col) == position(text, '"2016-11"')
    assert 'move this event up, above "ceasefire" (2016-12-30)' in str(error)


# ---------------------------------------------------------------- 4. a key point too many


def test_a_key_point_added_first_is_reported_at_its_own_line(data_dir):
    point = '  - text:\n      en: "A new first point."\n      ar: "نقطة أولى جديدة."\n    paras: [1]\n'
    text = edit(data_dir, "story.yml", "lead:\n", "lead:\n" + point)
    error = _only_with_base(data_dir)
    assert (error.line, error.col) == position(text, 'text:\n      en: "A new first point."')
    assert f"may have at most {MAX_KEY_POINTS} items" in str(error)


# ---------------------------------------------------------------- 5. a quoted option in an Arabic message


@pytest.mark.parametrize("label", ["Both camps · كلا المعسكرين", "كلا المعسكرين · Both camps"])
def test_a_quoted_option_with_both_scripts_is_one_isolate(label):
    said = f"يجب أن يكون هذا الخيار «{label}»، وهو القائمة؛ ضع"
    shown = laid_out(said, "ar")
    assert f"«{FSI}{label}{PDI}»" in shown, repr(shown)
    assert shown.replace(FSI, "").replace(PDI, "")[1:] == said


def test_the_issue_forms_stale_option_is_one_isolate_in_arabic():
    """The two messages of the issue form's page list quote an option that holds both languages."""
    from explainer.data.messages import M

    for template in ('this option should be "{label}", {what}; replace this line with `- {label}` (or run `make issue-form`)',
                     'this option should be "{label}", {what}, in the menu\'s order; replace this line with `- {label}` and '
                     "delete the other (or run `make issue-form`)"):
        label = "Both camps · كلا المعسكرين"
        shown = laid_out(M(template, label=label, what="x").say("ar"), "ar")
        assert f"«{FSI}{label}{PDI}»" in shown, repr(shown)
