"""Issue 20, a fresh editors' walk (a journalist with CONTRIBUTING.md, an Arabic-speaking researcher with
CONTRIBUTING.ar.md): each input below is what the walk typed. Silent paths (accepted, and shown wrong) are now
refused at their line; misleading messages now say the fix that works. English and Arabic checked."""
from __future__ import annotations

from types import SimpleNamespace

import pytest

from explainer.pages.site import load_data

from .data_setups import add_faction as add_to_camp, replace_value, set_corrections, value
from .test_editors_ii import only, problems
from .test_loader import data_dir, edit, position  # noqa: F401

NEW = ('  - id: free-men-legion\n    name: {en: "Free Men Legion", ar: "فيلق الأحرار"}\n'
       "    camp: refused\n    paras: [7]\n")


def add_faction(data_dir, entry: str = NEW) -> str:
    """The guide's "Add a faction": a new entry after the last faction that stayed away."""
    return add_to_camp(data_dir, entry, "refused")


def test_the_walks_new_faction_is_accepted(data_dir):
    add_faction(data_dir)
    load_data(data_dir)


# ---------------------------------------------------------------- silent paths


def test_a_paragraph_cited_twice_is_refused_at_the_second(data_dir):
    """`paras: [7, 7]` was published as "Source paragraphs 7, 7"."""
    text = add_faction(data_dir, NEW.replace("paras: [7]", "paras: [7, 7]"))
    error = only(data_dir)
    assert (error.line, error.col) == position(text, "[7, 7]", len("[7, "))
    assert "paragraph 7 is cited twice here; remove one" in str(error)
    assert "مرتين" in error.message.say("ar")


@pytest.mark.parametrize("entry, spelling, owner", [
    # a new faction's alias that is another faction's name: the names index listed "Sham Legion" under both
    (NEW.replace("    camp:", '    aliases: {en: ["Sham Legion"]}\n    camp:'), "Sham Legion", "sham-legion"),
    # an Arabic alias that is another faction's Arabic name
    (NEW.replace("    camp:", '    aliases: {ar: ["فيلق الرحمن"]}\n    camp:'), "فيلق الرحمن", "al-rahman-legion"),
    # a copied entry whose id was changed but not its name
    (NEW.replace('{en: "Free Men Legion", ar: "فيلق الأحرار"}', '{en: "Al-Bayan Movement", ar: "فيلق الأحرار"}'),
     "Al-Bayan Movement", "al-bayan-movement"),
])
def test_a_spelling_of_another_entry_is_refused_where_it_is_repeated(data_dir, entry, spelling, owner):
    text = add_faction(data_dir, entry)
    error = only(data_dir)
    at = text.index("id: free-men-legion")
    later = text.index(f'"{spelling}"', at)
    assert (error.line, error.col) == (text.count("\n", 0, later) + 1, later - text.rfind("\n", 0, later))
    assert f'the spelling "{spelling}" is already one of "{owner}"' in str(error)
    # Without the version before the edit, which of the two is new is unknown (with it: test_editors_walk6).
    assert "remove it from the entry it does not belong to" in str(error)
    assert f"«{owner}»" in error.message.say("ar")


SHAM = ("factions", "sham-legion")


@pytest.mark.parametrize("path, typed", [
    (SHAM + ("name", "en"), lambda name: f'" {name.en}"'),  # sorted first in Names A–Z
    (SHAM + ("name", "en"), lambda name: '"' + name.en.replace(" ", "  ", 1) + '"'),
    (SHAM + ("aliases",), lambda name: f'{{ar: ["{name.ar} "]}}'),
    (SHAM + ("name", "ar"), lambda name: '"' + name.ar.replace(" ", "\\n", 1) + '"'),
], ids=["space-first", "two-spaces", "alias-space-last", "newline"])
def test_a_name_with_a_space_at_an_end_or_two_in_a_row_is_refused(data_dir, path, typed):
    """" Sham Legion" and "فيلق الشام " (an alias equal to the name but for a space) were accepted."""
    name = SimpleNamespace(**value(data_dir, "factions.yml", SHAM + ("name",)))
    assert " " in name.en and " " in name.ar, "test setup: a name of two words"
    raw = typed(name)
    text = replace_value(data_dir, "factions.yml", path, raw)
    error = only(data_dir)
    assert (error.line, error.col) == position(text, raw, raw.index('"'))
    assert "write single spaces between words and none at the ends" in str(error)
    assert "مسافة واحدة" in error.message.say("ar")


@pytest.mark.parametrize("typed, letter, fix", [
    ("فيلـــق الشام", "\u0640", "delete it"),  # tatweel: search for «فيلق» missed «فيلـــق»
])
def test_a_tatweel_in_a_name_is_refused_at_its_column(data_dir, typed, letter, fix):
    text = edit(data_dir, "factions.yml", 'ar: "فيلق الشام"}', f'ar: "{typed}"}}')
    found = problems(data_dir)
    assert [(e.line, e.col) for e in found] == [position(text, letter, k) for k in range(typed.count(letter))]
    assert "U+0640 ARABIC TATWEEL" in str(found[0]) and fix in str(found[0])
    assert "احذفه" in found[0].message.say("ar")


def test_persian_digits_in_an_arabic_text_are_refused_with_the_western_ones(data_dir):
    """«بين ۲۳ و۲۵» was published in Persian digits beside the page's Arabic-Indic ones."""
    text = edit(data_dir, "places.yml", "بين 23 و25", "بين ۲۳ و۲۵")
    found = problems(data_dir)
    assert (found[0].line, found[0].col) == position(text, "۲۳")
    assert "this line has Persian digits (۲۳, ۲۵); write Western digits: 23, 25" in str(found[0])
    assert "بالأرقام الغربية: 23, 25" in found[0].message.say("ar")


# ---------------------------------------------------------------- misleading messages


def test_a_new_entry_without_its_dash_is_one_message_that_says_add_the_dash(data_dir):
    """Was four messages "the key … appears twice in the same entry; keep one of them": following them deleted the
    new faction."""
    text = add_faction(data_dir, NEW.replace("  - id: free-men-legion", "    id: free-men-legion"))
    error = only(data_dir)
    assert (error.line, error.col) == position(text, "id: free-men-legion")
    assert 'if this line starts a new entry, begin it with "- "' in str(error) and "keep one" not in str(error)
    assert "«- »" in error.message.say("ar")


def test_a_range_of_paragraphs_says_list_each_one(data_dir):
    """`paras: [3-7]` was told "write the number without quotes" (there are none)."""
    text = add_faction(data_dir, NEW.replace("paras: [7]", "paras: [3-7]"))
    error = only(data_dir)
    assert (error.line, error.col) == position(text, "3-7")
    assert 'a range ("3-7") is not read as paragraphs; write each one: 3, 4, 5, 6, 7' in str(error)
    assert "without quotes" not in str(error)
    assert "3, 4, 5, 6, 7" in error.message.say("ar")


@pytest.mark.parametrize("typed, shown", [
    ('    aliases: {en: "FSL"}\n', '["FSL"]'),
])
def test_a_list_of_spellings_typed_as_one_text_says_the_square_brackets(data_dir, typed, shown):
    """Was 'put each item on its own line after "- "', against the house style `{en: ["…"]}`."""
    text = add_faction(data_dir, NEW.replace("    camp:", typed + "    camp:"))
    error = only(data_dir)
    assert (error.line, error.col) == position(text, '"FSL"')
    assert f"write it in square brackets, {shown}" in str(error) and 'after "- "' not in str(error)
    assert shown in error.message.say("ar")


def test_until_with_only_the_month_says_write_both_alike(data_dir):
    """`until: "2016-12"` after `date: "2016-12-22"` was told "until must come after date"."""
    event = ('  - id: aleppo-battle-end\n    date: "2016-12-22"\n    until: "2016-12"\n'
             '    text: {en: "The battle for Aleppo ends.", ar: "انتهت معركة حلب."}\n    paras: [9]\n')
    text = edit(data_dir, "events.yml", "  - id: ceasefire\n", event + "  - id: ceasefire\n")
    error = only(data_dir)
    assert (error.line, error.col) == position(text, '"2016-12"\n')
    assert "date and until must be written alike" in str(error) and "must come after" not in str(error)


def test_a_renamed_name_kept_as_an_alias_warns_at_the_pages_that_still_use_it(data_dir):
    """The Arabic walk renamed «تجمع فاستقم كما أُمرت» (shadda added), kept the old one as the guide says, and
    docs/ar/about.md kept the old spelling without a word (the warnings looked in data/ only)."""
    from explainer.data.loader import read_data, renamed_in_pages

    from .conftest import ROOT

    fastaqim = next(f for f in load_data(ROOT / "data").factions.factions if f.id == "fastaqim-union")
    old, new = fastaqim.name.ar, fastaqim.name.ar.replace("تجمع", "تجمّع")
    edit(data_dir, "factions.yml", f'ar: "{old}"}}\n    aliases: {{en: ["Fastaqim Kama Umirt"], ar: [',
         f'ar: "{new}"}}\n    aliases: {{en: ["Fastaqim Kama Umirt"], ar: ["{old}", ')
    docs = ROOT / "docs"
    expected = [(f"docs/{page.relative_to(docs).as_posix()}", n, line.index(old) + 1)
                for page in sorted((docs / "ar").glob("**/*.md"))
                for n, line in enumerate(page.read_text(encoding="utf-8").splitlines(), 1) if old in line]
    assert expected  # the walk's case: the pages do use the old spelling
    warnings = renamed_in_pages(read_data(ROOT / "data"), read_data(data_dir), docs)
    assert [(w.file, w.line, w.col) for w in warnings] == expected
    assert all(w.warning and f'still uses "{old}", the old spelling of "{new}"' in str(w) for w in warnings)


def test_a_key_that_no_entry_here_has_is_unknown_not_sent_inside_the_text(data_dir):
    """A correction given an `id:` (as every other entry has) was told to indent it "inside text", which has no id."""
    text = set_corrections(data_dir, 'corrections:\n  - date: "2026-12-01"\n'
                           '    text: {en: "A fix.", ar: "تصحيح."}\n    id: fix-1')
    error = only(data_dir)
    assert (error.line, error.col) == position(text, "id: fix-1")
    assert str(error).endswith('unknown key "id"; remove it or correct its spelling (keys allowed here: date, text)')
    assert "inside" not in str(error)


def test_a_correction_added_below_the_empty_list_says_replace_the_empty_list(data_dir):
    """The guide says to replace `corrections: []`; the walk added below it, and was told "indented differently;
    line it up", which no indentation fixes."""
    text = set_corrections(data_dir, 'corrections: []\n  - date: "2026-12-01"\n    text: {en: "A fix.", ar: "تصحيح."}')
    error = only(data_dir)
    assert (error.line, error.col) == position(text, "[]")
    assert 'the line "corrections: []" says the list is empty, but items follow it; replace it with "corrections:"' \
        in str(error)
    assert "«corrections:»" in error.message.say("ar")


def test_an_id_used_in_another_file_is_said_at_both_and_never_asks_to_rename_the_published_one(data_dir):
    """The walk gave a new faction the id "turkey": the message stood at actors.yml's Turkey alone and said "give
    this entry its own id", renaming a published id."""
    text = add_faction(data_dir, NEW.replace("id: free-men-legion", "id: turkey"))
    actors = (data_dir / "actors.yml").read_text(encoding="utf-8")
    found = problems(data_dir)
    assert sorted((e.file, e.line, e.col) for e in found) == sorted([
        ("data/factions.yml", *position(text, "turkey\n")), ("data/actors.yml", *position(actors, "turkey\n"))])
    for error in found:
        assert 'the id "turkey" is also used in data/' in str(error) and "the entry you added" in str(error)
        assert "give this entry its own id" not in str(error)
        assert "«turkey»" in error.message.say("ar")


@pytest.fixture
def with_pages(tmp_path):
    """data/ with the pages beside it: the checks of what each page shows need both."""
    import shutil

    from .conftest import ROOT

    for name in ("data", "docs"):
        shutil.copytree(ROOT / name, tmp_path / name)
    return tmp_path / "data"


def test_a_name_found_only_in_another_entrys_name_is_pointed_at_that_name(with_pages):
    data_dir = with_pages
    """A new faction "Free Legion of Syria" («فيلق الأحرار الجديد») names Syria in English only (the walk typed "Free
    Syrian Legion", which names it no longer: a name counts as a whole word): the message stood at Syria's Arabic
    name and listed the texts to change as "(-)"."""
    text = add_faction(data_dir, NEW.replace('{en: "Free Men Legion", ar: "فيلق الأحرار"}',
                                             '{en: "Free Legion of Syria", ar: "فيلق الأحرار الجديد"}'))
    error = only(data_dir)
    assert error.file == "data/places.yml"
    line = position(text, '"Free Legion of Syria"')[0]
    assert f"(data/factions.yml:{line})" in str(error) and "(-)" not in str(error)


@pytest.mark.parametrize("typed, key", [("para: [7]", "paras"), ("cmap: refused", "camp")])
def test_a_misspelt_key_is_one_message_not_also_missing(data_dir, typed, key):
    """`para: [7]` also gave '"paras" is missing; add `paras: `': following both messages made two paras."""
    old = "paras: [7]" if key == "paras" else "camp: refused"
    text = add_faction(data_dir, NEW.replace(old, typed))
    error = only(data_dir)
    assert (error.line, error.col) == position(text, typed)
    assert f'did you mean "{key}"? Correct the spelling' in str(error)


QUOTE = ('  - id: ahrar-ceasefire\n    speaker: ahrar-al-sham\n    text:\n      en: "the regime is buying time"\n'
         '      ar: "النظام يشتري الوقت"\n    occasion:\n      en: "in a statement"\n      ar: "في بيان"\n'
         '    paras: [9]\n')


def test_a_quote_listed_twice_under_one_reason_is_said_at_the_second_listing(with_pages):
    """Was said at the quote in quotes.yml, where nothing is wrong: 'would be shown 2 times (reasons, reasons)'."""
    data_dir = with_pages
    edit(data_dir, "quotes.yml", "  - id: sdf-not-invited\n", QUOTE + "  - id: sdf-not-invited\n")
    text = edit(data_dir, "camps.yml", "        quotes: [buying-time]\n",
                "        quotes: [buying-time, ahrar-ceasefire, ahrar-ceasefire]\n")
    error = only(data_dir)
    assert (error.file, error.line, error.col) == ("data/camps.yml", *position(text, "ahrar-ceasefire]"))
    assert 'the quote "ahrar-ceasefire" is listed twice here; remove one' in str(error)
    assert "«ahrar-ceasefire»" in error.message.say("ar")


def test_a_new_entry_without_its_dash_at_the_dash_column_says_write_the_dash(data_dir):
    """`  id: free-men-legion` (two spaces, no "- ") was told "indented differently; line it up with them": lined up,
    it became four "appears twice; keep one" messages."""
    text = add_faction(data_dir, NEW.replace("  - id: free-men-legion", "  id: free-men-legion"))
    error = only(data_dir)
    assert (error.line, error.col) == position(text, "id: free-men-legion")
    assert 'write "- " before it (`- id: free-men-legion`)' in str(error) and "line it up" not in str(error)
    assert "`- id: free-men-legion`" in error.message.say("ar")
