"""Issue 20, a sixth editors' walk (/work/wt/walk6/walk-notes/walk6.md): renames that left texts with the old
spelling unlisted, spellings that differ only by case, a repeated spelling blamed on the entry that already had it,
and a faction moved to the other camp that kept the old camp's paragraph. Each input is what the walk typed; the
expected places are read from the data, never typed."""
from __future__ import annotations

import re
import shutil

import pytest

from explainer.data.errors import DataErrors
from explainer.data.loader import read_data, renamed_spellings
from explainer.pages.site import load_data

from .conftest import ROOT, data_and_docs  # noqa: F401
from .test_editors_ii import only
from .data_setups import add_alias, another_spelling, found_after, in_another_case, replace_value, set_aliases
from .test_loader import data_dir, position  # noqa: F401

REAL = load_data(ROOT / "data")


def lines_with(folder, spelling: str, skip=lambda line: False) -> list[tuple[str, int, int]]:
    """(file, line, column) of each place in data/*.yml that holds `spelling`, read from the files."""
    found = []
    for path in sorted(folder.glob("*.yml")):
        for number, line in enumerate(path.read_text(encoding="utf-8").split("\n"), start=1):
            if spelling in line and not skip(line):
                found.append((f"data/{path.name}", number, line.index(spelling) + 1))
    return found


def at(text: str, index: int) -> tuple[int, int]:
    return text.count("\n", 0, index) + 1, index - text.rfind("\n", 0, index)


def with_base(tmp_path, data_dir):
    """data/ as it was before the edit (what `make validate` reads from git)."""
    base = tmp_path / "base"
    shutil.copytree(data_dir, base)
    return read_data(base)


# ---------------------------------------------------------------- renames


def _files_naming(folder, spelling: str) -> int:
    return len({file for file, _, _ in lines_with(folder, spelling)})


def test_a_rename_without_the_old_spelling_lists_every_text_that_still_uses_it(data_and_docs):
    """S1: "Jaysh al-Islam" renamed "Jaish al-Islam" in English, the new spelling not among the aliases: the message
    listed actors.yml and source.yml, not the Home standfirst (story.yml) nor the delegation (camps.yml). The faction
    the most files name is renamed to a spelling nothing uses yet."""
    data = data_and_docs / "data"
    faction = max(REAL.factions.factions, key=lambda f: _files_naming(data, f.name.en))
    old = faction.name.en
    new = another_spelling(old, everything_in(data))
    text = replace_value(data, "factions.yml", ("factions", faction.id, "name", "en"), f'"{new}"')
    error = only(data)
    assert (error.file, error.line, error.col) == ("data/factions.yml", *position(text, f'"{new}"'))
    stale = lines_with(data, old)
    assert len({file for file, _, _ in stale}) > 2, "test setup: the old spelling is in texts of several files"
    listed = re.search(r"\((data/[^)]*)\)", str(error)).group(1).split(", ")
    assert listed == [f"{file}:{line}" for file, line, _ in stale]


def everything_in(folder) -> str:
    """All the text of data/, to tell a spelling nothing uses yet."""
    return "\n".join(path.read_text(encoding="utf-8") for path in sorted(folder.rglob("*.yml")))


def _actor_with_a_shorter_spelling():
    """An actor with an Arabic other spelling as long as its name (to rename it to) and one inside its name (which
    still finds it in every text): de Mistura's «ستافان دي ميستورا» and «دي ميستورا»."""
    found = []
    for actor in REAL.actors.actors:
        full = [a for a in actor.aliases.ar if len(a.split()) == len(actor.name.ar.split())]
        shorter = [a for a in actor.aliases.ar if a in actor.name.ar]
        if full and shorter:
            found.append((actor, full[0]))
    assert found, "test setup: no actor has both a full and a shorter other spelling in Arabic"
    # The one whose name the most texts hold: the warnings are per text.
    return max(found, key=lambda pair: len(lines_with(ROOT / "data", pair[0].name.ar)))


def test_a_rename_still_found_by_a_shorter_spelling_warns_at_each_old_full_name(tmp_path, data_and_docs):
    """S2: de Mistura's Arabic name changed to its first other spelling, which leaves the aliases; «دي ميستورا»,
    shorter, still finds him in every text, so nothing failed and five texts kept the old full name in silence.
    Each is warned of at the column of the old name in its line (the walk saw 162:178, the text's start, for 217)."""
    data = data_and_docs / "data"
    base = with_base(tmp_path, data)
    actor, new = _actor_with_a_shorter_spelling()
    old = actor.name.ar
    replace_value(data, "actors.yml", ("actors", actor.id, "name", "ar"), f'"{new}"')
    set_aliases(data, "actors.yml", ("actors", actor.id), "ar", [a for a in actor.aliases.ar if a != new])
    load_data(data)  # accepted: the texts still name him
    warnings = renamed_spellings(base, read_data(data))
    expected = lines_with(data, old)
    assert len(expected) > 1 and [(w.file, w.line, w.col) for w in warnings] == expected
    assert all(w.warning for w in warnings)
    assert f'this text still uses "{old}", the old spelling of "{new}"; write "{new}" here' in str(warnings[0])
    assert "add it to the other spellings (aliases)" in str(warnings[0])
    assert warnings[0].message.say("ar").startswith("ما زال هذا النص")


def test_a_rename_kept_as_an_alias_still_says_so(tmp_path, data_dir):
    """The warning of a rename whose old spelling is kept (the guide's step 3) is unchanged, at the old spelling."""
    base = with_base(tmp_path, data_dir)
    actor, new = _actor_with_a_shorter_spelling()
    old = actor.name.ar
    replace_value(data_dir, "actors.yml", ("actors", actor.id, "name", "ar"), f'"{new}"')
    set_aliases(data_dir, "actors.yml", ("actors", actor.id), "ar", [old if a == new else a for a in actor.aliases.ar])
    warnings = renamed_spellings(base, read_data(data_dir))
    expected = lines_with(data_dir, old, skip=lambda line: "aliases:" in line)
    assert expected and [(w.file, w.line, w.col) for w in warnings] == expected
    assert all("(kept among its other spellings)" in str(w) for w in warnings)


# ---------------------------------------------------------------- spellings that differ only by case


def _with_english_aliases():
    """The first two factions with English other spellings (Sham Legion's "Faylaq al-Sham", the Al-Rahman Legion's
    "Faylaq al-Rahman")."""
    found = [f for f in REAL.factions.factions if f.aliases.en]
    assert len(found) > 1, "test setup: two factions have English other spellings"
    return found[0], found[1]


@pytest.mark.parametrize("case", ["another's other spelling", "its own name", "its own other spelling"])
def test_spellings_that_differ_only_by_case_are_refused_as_repeats(tmp_path, data_dir, case):
    """S9: the Al-Rahman Legion's "Faylaq al-Rahman" in lower case as an alias of Sham Legion; its own name in
    another case; one of its own other spellings again, in another case."""
    faction, other = _with_english_aliases()
    typed, says = {
        "another's other spelling": (typed := in_another_case(other.aliases.en[0]),
                                     f'the spelling "{typed}" is already one of "{other.id}"'),
        "its own name": (typed := in_another_case(faction.name.en),
                         f'the other spelling "{typed}" is the name itself; remove it from aliases (en)'),
        "its own other spelling": (typed := in_another_case(faction.aliases.en[0]),
                                   f'the other spelling "{typed}" is listed twice; remove one'),
    }[case]
    base = with_base(tmp_path, data_dir)
    text = add_alias(data_dir, "factions.yml", ("factions", faction.id), "en", typed)
    with pytest.raises(DataErrors) as caught:
        load_data(data_dir, base=base)
    found = caught.value.errors
    assert len(found) == 1, [str(e) for e in found]
    assert (found[0].line, found[0].col) == position(text, f'"{typed}"')
    assert says in str(found[0])


def test_a_menu_label_that_differs_only_by_case_is_refused(data_dir):
    page = REAL.pages.pages[-1]
    label = REAL.pages.pages[0].nav.en
    text = replace_value(data_dir, "pages.yml", ("pages", page.id, "nav", "en"), f'"{label.lower()}"')
    error = only(data_dir)
    assert (error.line, error.col) == position(text, f'"{label.lower()}"')
    assert f'the menu label "{label.lower()}" is already the label of the page "{REAL.pages.pages[0].id}"' in str(error)


# ---------------------------------------------------------------- a repeated spelling, where it was typed


def _repeat_setup(data_dir):
    """An Arabic other spelling of a faction (the Zenki Movement's «الزنكي») added to a faction listed before it
    (Sham Legion): the faction that has it, the one it is added to, the spelling and the file's new text."""
    factions = REAL.factions.factions
    owner = next(f for f in reversed(factions[1:]) if f.aliases.ar)
    added_to, spelling = factions[0], owner.aliases.ar[-1]
    text = add_alias(data_dir, "factions.yml", ("factions", added_to.id), "ar", spelling)
    return owner, added_to, f'"{spelling}"', text


def test_a_repeated_spelling_is_reported_where_it_was_added(tmp_path, data_dir):
    """M2: «الزنكي» added to Sham Legion (earlier in the file than the Zenki Movement, whose alias it is) was
    reported at the Zenki Movement's own alias, "remove it here"; following it moved it to the wrong faction."""
    base = with_base(tmp_path, data_dir)
    owner, added_to, typed, text = _repeat_setup(data_dir)
    with pytest.raises(DataErrors) as caught:
        load_data(data_dir, base=base)
    [error] = caught.value.errors
    assert (error.line, error.col) == found_after(text, typed, f"id: {added_to.id}\n")
    owned = found_after(text, typed, f"id: {owner.id}\n")[0]
    assert f'already one of "{owner.id}" (data/factions.yml line {owned})' in str(error)
    assert str(error).endswith("remove it here")
    assert f"«{owner.id}»" in error.message.say("ar")


def test_without_the_earlier_version_a_repeat_is_said_at_the_later_naming_the_other(data_dir):
    """With no earlier version to tell which one is new (a build, a copy outside git), the later one in the file is
    reported, naming the other place, and the editor is not told which to remove."""
    owner, added_to, typed, text = _repeat_setup(data_dir)
    error = only(data_dir)
    assert (error.line, error.col) == found_after(text, typed, f"id: {owner.id}\n")
    added = found_after(text, typed, f"id: {added_to.id}\n")[0]
    assert f'already one of "{added_to.id}" (data/factions.yml line {added})' in str(error)
    assert "remove it here" not in str(error) and "remove it from the entry it does not belong to" in str(error)


# ---------------------------------------------------------------- a faction moved to the other camp


def test_a_faction_moved_to_the_other_camp_must_cite_that_camps_paragraphs(data_dir):
    """S10: Al-Bayan moved to the camp that went kept ¶7, the list of those that stayed away: the camps page said
    "Went to Astana … Al-Bayan Movement, Source paragraph 7"."""
    bayan = next(f for f in REAL.factions.factions if f.id == "al-bayan-movement")
    went = next(c for c in REAL.camps.camps if c.id != bayan.camp)
    last_of_went = [f for f in REAL.factions.factions if f.camp == went.id][-1]
    path = data_dir / "factions.yml"
    text = path.read_text(encoding="utf-8")
    block = re.search(rf"  - id: {bayan.id}\n(?:    .*\n)+", text).group(0)
    moved = block.replace(f"camp: {bayan.camp}", f"camp: {went.id}")
    text = text.replace(block, "")
    after = re.search(rf"  - id: {last_of_went.id}\n(?:    .*\n|      .*\n)+", text).group(0)
    text = text.replace(after, after + moved)
    path.write_text(text, encoding="utf-8")
    assert not set(bayan.paras) <= set(went.summary.paras), "test setup: its paragraph is not the other camp's"
    error = only(data_dir)
    cited = text.index(f"paras: [{bayan.paras[0]}", text.index(f"id: {bayan.id}")) + len("paras: [")
    assert (error.line, error.col) == at(text, cited)
    allowed = ", ".join(map(str, went.summary.paras))
    assert f'paragraph {bayan.paras[0]} does not tell of the camp "{went.id}"' in str(error)
    assert f"({allowed})" in str(error)
    assert f"«{went.id}»" in error.message.say("ar")
