"""Issue 20, a fifth editors' walk (a journalist with CONTRIBUTING.md, an Arabic-speaking researcher with
CONTRIBUTING.ar.md), trying mistakes the earlier walks had not: each input below is what the walk typed. Silent paths
(accepted, and shown wrong) are now refused at their line; misleading messages now say the fix that works. English
and Arabic checked."""
from __future__ import annotations

import pytest

from explainer.pages.site import load_data

from . import sample_faction as sample
from .conftest import ROOT
from .data_setups import found_after, replace_value, set_corrections
from .test_editors_ii import only
from .test_editors_walk4 import NEW, add_faction
from .test_loader import data_dir, edit, position  # noqa: F401

SOURCE_DATE = load_data(ROOT / "data").source.date
COR = '  - date: "2026-12-01"\n    text: {en: "A fix.", ar: "تصحيح."}\n'


# ---------------------------------------------------------------- silent paths


def test_two_pages_with_one_menu_label_are_refused_at_the_second(data_dir):
    """Outlook's label changed to "Timeline" (the page before it): two menu entries read alike, and the issue
    form's list too."""
    pages = load_data(data_dir).pages.pages
    taken, changed = pages[len(pages) // 2], pages[len(pages) // 2 + 1]
    text = replace_value(data_dir, "pages.yml", ("pages", changed.id, "nav", "en"), f'"{taken.nav.en}"')
    error = only(data_dir)
    assert (error.line, error.col) == found_after(text, f'"{taken.nav.en}"', f"id: {changed.id}\n")
    assert f'the menu label "{taken.nav.en}" is already the label of the page "{taken.id}"; give each page its own ' \
           "label" in str(error)
    assert f"«{taken.id}»" in error.message.say("ar")


def test_a_menu_label_over_the_limit_is_refused_and_one_at_it_is_accepted(data_dir):
    """A 98-character label was accepted, and pushed the menu to a second row at 1280 px."""
    from explainer.data.schema import MAX_NAV

    page = load_data(data_dir).pages.pages[-1]
    label = ((page.nav.en + " ") * MAX_NAV)[:MAX_NAV].strip()
    label += "x" * (MAX_NAV - len(label))
    replace_value(data_dir, "pages.yml", ("pages", page.id, "nav", "en"), f'"{label}"')
    load_data(data_dir)
    text = replace_value(data_dir, "pages.yml", ("pages", page.id, "nav", "en"), f'"{label}y"')
    error = only(data_dir)
    assert (error.line, error.col) == position(text, f'"{label}y"')
    assert f"this menu label is {MAX_NAV + 1} characters long; a menu label has at most {MAX_NAV}" in str(error)
    assert "اختصره" in error.message.say("ar")


def test_an_event_dated_after_the_source_article_is_refused(data_dir):
    """An event of a year after the article was placed last on the timeline, citing a paragraph that cannot tell it."""
    later = f"{int(SOURCE_DATE[:4]) + 1}{SOURCE_DATE[4:]}"
    text = (data_dir / "events.yml").read_text(encoding="utf-8")
    text += f'  - id: later-event\n    date: "{later}"\n    text: {{en: "Something happens.", ar: "يحدث شيء."}}\n' \
            "    paras: [1]\n"
    (data_dir / "events.yml").write_text(text, encoding="utf-8")
    error = only(data_dir)
    assert (error.line, error.col) == position(text, f'"{later}"')
    assert f"the date {later} is after the source article ({SOURCE_DATE})" in str(error)
    assert "لاحق لتاريخ المقال" in error.message.say("ar")


def test_a_correction_pasted_twice_is_refused_at_the_second(data_dir):
    """Both were listed in About's log of corrections."""
    text = set_corrections(data_dir, "corrections:\n" + COR + COR)
    error = only(data_dir)
    second = text.index('"A fix."', text.index('"A fix."') + 1)
    assert (error.line, error.col) == position(text[:second] + "@" + text[second + 1:], "@")
    assert f"this correction repeats the one at line {position(text, COR)[0] + 1}; remove one" in str(error)
    assert "احذف أحدهما" in error.message.say("ar")


@pytest.mark.parametrize("typed, letter, said, arabic", [
    # the alef wasla: search for «الشام» missed «ٱلشام»
    (sample.AR.replace("ا", "\u0671", 1), "\u0671", "U+0671 ARABIC LETTER ALEF WASLA", "ألف الوصل"),
])
def test_an_alef_wasla_is_refused_at_its_column(data_dir, typed, letter, said, arabic):
    text = edit(data_dir, "factions.yml", f'ar: "{sample.AR}"}}', f'ar: "{typed}"}}')
    error = only(data_dir)
    assert (error.line, error.col) == position(text, letter)
    assert said in str(error) and "type «ا»" in str(error)
    assert arabic in error.message.say("ar")


@pytest.mark.parametrize("space", ["\u00a0", "\u202f", "\u2009"])
def test_a_space_other_than_the_ordinary_one_is_refused_at_its_column(data_dir, space):
    """"Sham\u00a0Legion" (a no-break space, as a word processor pastes it) was another spelling to search."""
    text = edit(data_dir, "factions.yml", f'name: {{en: "{sample.EN}"', f'name: {{en: "{sample.EN_HEAD}{space}{sample.EN_TAIL}"')
    error = only(data_dir)
    assert (error.line, error.col) == position(text, space)
    assert "looks like a space" in str(error) and "type an ordinary space instead" in str(error)
    assert "مسافة عادية" in error.message.say("ar")


@pytest.mark.parametrize("mark, latin", [("\u061f", "?"), ("\u060c", ","), ("\u061b", ";")])
def test_arabic_punctuation_in_an_english_text_is_refused_with_the_latin_mark(data_dir, mark, latin):
    """"…the Fateh al-Sham Front؟" typed on an Arabic keyboard was published as typed."""
    end = "for all in Syria but ISIS and the Fateh al-Sham Front."
    text = edit(data_dir, "story.yml", end, end[:-1] + mark)
    error = only(data_dir)
    assert error.file == "data/story.yml" and error.line == position(text, "Front" + mark)[0]
    assert f'the Arabic punctuation mark «{mark}», which English readers do not use; write "{latin}" instead' in str(error)
    assert f"«{latin}»" in error.message.say("ar")


def test_a_quotation_in_reversed_guillemets_inside_an_arabic_text_is_refused(data_dir):
    """«غير معنية »بالمفاوضات« المرتقبة» was published with the marks turned outwards on the Arabic page."""
    old = 'ar: "غير معنية بالمفاوضات المرتقبة في أستانا"'
    text = edit(data_dir, "quotes.yml", old, 'ar: "غير معنية »بالمفاوضات« المرتقبة في أستانا"')
    error = only(data_dir)
    assert error.line == position(text, "»بالمفاوضات«")[0]
    assert "the quotation marks are reversed (»…«)" in str(error) and "write «…»" in str(error)
    assert "معكوستان" in error.message.say("ar")


def test_arabic_quotations_in_the_right_order_are_accepted(data_dir):
    edit(data_dir, "quotes.yml", 'ar: "غير معنية بالمفاوضات المرتقبة في أستانا"',
         'ar: "غير معنية «بالمفاوضات» و«المرتقبة» في أستانا"')
    load_data(data_dir)


def test_a_latin_question_mark_in_an_arabic_text_is_refused(data_dir):
    """«…ومن رفض ولماذا?» (the home page's Arabic title) was published with the Latin mark."""
    title = next(page.title.ar for page in load_data(ROOT / "data").pages.pages if page.title.ar.endswith("؟"))
    text = edit(data_dir, "pages.yml", f'"{title}"', f'"{title[:-1]}?"')
    error = only(data_dir)
    assert error.line == position(text, f'"{title[:-1]}?"')[0]
    assert "the Latin question mark «?»; write the Arabic «؟» instead" in str(error)
    assert "«؟»" in error.message.say("ar")


# ---------------------------------------------------------------- misleading messages


def test_a_reference_to_a_deleted_entry_says_restore_it_not_another_id(data_dir):
    """Deleting "jaysh-al-islam" was answered 'did you mean "jaysh-al-nasr" or "jaysh-al-ezza"…?' at the
    delegation's head_of: following it would have made another faction the delegation's leader."""
    from explainer.data.loader import read_data

    text = (data_dir / "factions.yml").read_text(encoding="utf-8")
    start = text.index("  - id: jaysh-al-islam\n")
    end = text.find("  - id:", start + 5)
    (data_dir / "factions.yml").write_text(text[:start] + (text[end:] if end > 0 else ""), encoding="utf-8")
    found = read_data(data_dir, base=read_data(ROOT / "data")).errors
    assert found and all('"jaysh-al-islam" is the id of an entry removed in this change; restore that entry' in str(e)
                         for e in found), [str(e) for e in found]
    camps = (data_dir / "camps.yml").read_text(encoding="utf-8")
    assert ("data/camps.yml", *position(camps, "jaysh-al-islam")) in [(e.file, e.line, e.col) for e in found]
    assert all("did you mean" not in str(e) for e in found)
    assert "أعِد ذلك المُدخل" in found[0].message.say("ar")


@pytest.mark.parametrize("file, old, typed, plain", [
    # in braces: was "a list [ … ] or an entry { … } opened here is not closed, …", none of which was so
    ("factions.yml", f'name: {{en: "{sample.EN}"', f"name: {{en: {sample.EN_HEAD}: the {sample.EN_TAIL}",
     f"{sample.EN_HEAD}: the {sample.EN_TAIL}"),
    # on its own line
    ("quotes.yml", 'en: "in a statement"', "en: in a statement: on its channel", "in a statement: on its channel"),
])
def test_a_text_without_quotes_that_holds_a_colon_says_put_it_in_quotes(data_dir, file, old, typed, plain):
    text = edit(data_dir, file, old, typed)
    error = only(data_dir)
    assert (error.line, error.col) == position(text, plain)
    assert f'put the text in straight double quotes: `"{plain}"`' in str(error)
    assert "not closed" not in str(error)
    assert f'`"{plain}"`' in error.message.say("ar") and "بعلامتي التنصيص" in error.message.say("ar")


def test_a_former_name_that_is_another_entrys_name_is_said_at_it(data_dir):
    """"Sham Legion" added to the Fateh al-Sham Front's former names was told that «جبهة فتح الشام» was missing from
    the Arabic of Sham Legion's own name (data/factions.yml), where nothing is wrong."""
    old = 'former: {source: ["Al-Nusra Front"], en: ["Jabhat al-Nusra"]'
    text = edit(data_dir, "actors.yml", old, old[:-1] + f', "{sample.EN}"]')
    error = only(data_dir)
    assert (error.file, error.line, error.col) == ("data/actors.yml", *position(text, f'"{sample.EN}"'))
    assert f'the spelling "{sample.EN}" is already one of "{sample.ID}"' in str(error)


def test_a_deleted_speaker_is_not_offered_a_short_id_found_inside_it(data_dir):
    """Deleting the faction "fastaqim-union" left its quote's speaker, told 'did you mean "un"?' (the UN's id)."""
    text = (data_dir / "factions.yml").read_text(encoding="utf-8")
    start = text.index("  - id: fastaqim-union\n")
    (data_dir / "factions.yml").write_text(text[:start] + text[text.index("  - id:", start + 5):], encoding="utf-8")
    error = only(data_dir)
    assert error.file == "data/quotes.yml"
    assert 'did you mean "un"' not in str(error) and "use an id listed in data/factions.yml" in str(error)


def test_the_walks_new_faction_still_passes(data_dir):
    add_faction(data_dir, NEW)
    load_data(data_dir)
