"""Issue 20, a sixth editors' walk: silent paths (accepted, and published wrong) and misleading messages it found,
each with the input the walk typed. Each is now refused at the character or line at fault, with the fix that works,
in English and in Arabic."""
from __future__ import annotations

import pytest

from explainer.data.errors import DataErrors
from explainer.pages.site import load_data

from . import sample_faction as sample
from .test_editors_ii import only
from .data_setups import replace_value, value
from .test_loader import data_dir, edit, position  # noqa: F401

F = "factions.yml"
# A fact of Jaysh al-Islam, as in data/factions.yml.
EN = 'en: "Its leader, Mohammed Alloush, headed the delegation of the factions that went."'
AR = 'ar: "ترأس قائده محمد علوش وفد الفصائل المشاركة."'


def said(error) -> tuple[str, str]:
    return str(error.message), error.message.say("ar")


# ---------------------------------------------------------------- silent paths


@pytest.mark.parametrize("typed, at, fix", [
    ("went on ٢٣ January", "٢٣", "write Western digits: 23"),
    ("went on ٢٣ January ٢٠١٧", "٢٣", "write Western digits: 23, 2017"),  # one message for the text
])
def test_arabic_indic_digits_in_english_are_refused_once_at_the_first(data_dir, typed, at, fix):
    text = edit(data_dir, F, EN, f'en: "Its leader {typed}."')
    error = only(data_dir)
    assert (error.line, error.col) == position(text, at)
    english, arabic = said(error)
    assert "the English text (en) has Arabic-Indic digits" in english and fix in english
    assert "بالأرقام الغربية" in arabic


def test_persian_digits_are_refused_once_per_line(data_dir):
    text = edit(data_dir, F, EN, 'en: "Its leader went on ۲۳ January ۲۰۱۷."')
    error = only(data_dir)
    assert (error.line, error.col) == position(text, "۲۳")
    assert "write Western digits: 23, 2017" in str(error)
    assert "أرقام فارسية" in error.message.say("ar")


def test_the_urdu_full_stop_in_english_is_refused_like_the_other_arabic_marks(data_dir):
    text = edit(data_dir, F, EN, 'en: "Its leader headed the delegation۔"')
    error = only(data_dir)
    assert (error.line, error.col) == position(text, "۔")
    assert 'the Arabic punctuation mark «۔»' in str(error) and 'write "." instead' in str(error)


@pytest.mark.parametrize("old, new, mark, english, arabic", [
    (AR, 'ar: "ترأس قائده «محمد علوش وفد الفصائل المشاركة."', "«", "is never closed; add » where", "لا تُغلَق"),
    (AR, 'ar: "ترأس قائده محمد» علوش وفد الفصائل المشاركة."', "»", "closes no quotation; add « where", "لا تُغلق عبارة"),
    (EN, 'en: "Its leader headed “the delegation of the factions."', "“", "is never closed; add ” where", "لا تُغلَق"),
    (EN, 'en: "Its leader headed the” delegation of the factions."', "”", "closes no quotation; add “ where",
     "لا تُغلق عبارة"),
])
def test_an_unmatched_quotation_mark_is_refused_at_the_mark(data_dir, old, new, mark, english, arabic):
    text = edit(data_dir, F, old, new)
    error = only(data_dir)
    assert (error.line, error.col) == position(text, mark)
    assert english in str(error) and arabic in error.message.say("ar")


@pytest.mark.parametrize("old, new, at, english, arabic", [
    (AR, 'ar: "ترأس قائده «محمد علوش.» وفد الفصائل المشاركة."', ".»", "the full stop here is inside «…»",
     "النقطة هنا داخل"),
    (AR, 'ar: "ترأس قائده “محمد علوش” وفد الفصائل المشاركة."', "“", "quote with «…» instead", "استعمل «…» مكانها"),
    (EN, 'en: "Its leader headed «the delegation» of the factions."', "«", "quote with “…” instead",
     "استعمل “…” مكانها"),
])
def test_the_other_languages_marks_and_a_full_stop_inside_guillemets_are_refused(data_dir, old, new, at, english,
                                                                                  arabic):
    text = edit(data_dir, F, old, new)
    error = only(data_dir)
    assert (error.line, error.col) == position(text, at)
    assert english in str(error) and arabic in error.message.say("ar")


@pytest.mark.parametrize("old, new, count", [
    (EN, 'en: "Its leader headed the delegation of the eleven factions that went."', "eleven factions"),
    (EN, 'en: "Its leader headed the delegation of the 11 factions that went."', "11 factions"),
    (AR, 'ar: "ترأس قائده محمد علوش وفد الفصائل الإحدى عشرة."', "الفصائل الإحدى عشرة"),
    (AR, 'ar: "ترأس قائده محمد علوش وفد أحد عشر فصيلًا."', "أحد عشر فصيلًا"),
])
def test_a_typed_count_of_factions_is_refused_at_the_count(data_dir, old, new, count):
    text = edit(data_dir, F, old, new)
    error = only(data_dir)
    assert (error.line, error.col) == position(text, count)
    assert f'the text types a count ("{count}"); never type a count of factions' in str(error)
    assert "لا تكتب عدد الفصائل" in error.message.say("ar")


def test_a_count_in_a_quote_and_words_that_count_nothing_are_accepted(data_dir):
    """A quote is the speaker's words; "one faction" and «أحد الفصائل» ("one of the factions") name no count."""
    edit(data_dir, "quotes.yml", 'ar: "كسب الوقت"', 'ar: "كسب الوقت للفصائل الإحدى عشرة"')
    edit(data_dir, F, EN, 'en: "Its leader, one of several armed factions, headed one faction that went."')
    edit(data_dir, F, AR, 'ar: "ترأس قائده محمد علوش وفد أحد الفصائل المشاركة."')
    load_data(data_dir)


@pytest.mark.parametrize("typed", [
    "en: In a statement #5, it set the rules.",
    'en: "In a statement" #5, it set the rules.',
])
def test_a_comment_that_cuts_a_text_is_refused_at_the_hash(data_dir, typed):
    """YAML kept "In a statement" and dropped the rest without a word."""
    text = edit(data_dir, F, EN, typed)
    error = only(data_dir)
    assert (error.line, error.col) == position(text, "#5")
    assert "a # after a space starts a comment" in str(error)
    assert "تبدأ تعليقًا" in error.message.say("ar")


# ---------------------------------------------------------------- misleading messages


def test_a_missing_closing_quote_is_blamed_on_the_text_that_runs_on(data_dir):
    text = edit(data_dir, F, f'name: {{en: "{sample.EN}", ar:', f'name: {{en: "{sample.EN}, ar:')
    error = only(data_dir)
    assert (error.line, error.col) == position(text, f'"{sample.EN}, ar:')
    assert f'runs into "ar:": a closing " is missing after "{sample.EN}"' in str(error)
    assert "تنقصه علامة التنصيص الختامية" in error.message.say("ar")


def test_a_quote_that_only_ends_with_a_quotation_of_its_own_is_accepted_and_a_wrapped_one_refused(data_dir):
    edit(data_dir, "quotes.yml", 'ar: "كسب الوقت"', 'ar: "لا تخدم إلا «مصالحها»"')
    load_data(data_dir)
    text = edit(data_dir, "quotes.yml", 'ar: "لا تخدم إلا «مصالحها»"', 'ar: "«لا تخدم» إلا «مصالحها»"')
    load_data(data_dir)  # begins and ends with a mark, but they are two quotations
    text = edit(data_dir, "quotes.yml", 'en: "buying time"', 'en: "“buying time”."')
    error = only(data_dir)
    assert (error.line, error.col) == position(text, '"“buying time”."')
    assert "the quote begins with “ and ends with the mark that closes it" in str(error)


@pytest.mark.parametrize("typed, fix", [
    ("paras: 3, 5", '"paras" is a list: write it in square brackets, [3, 5]'),
    ("paras: (3)", '"paras" is a list: write it in square brackets, [3]'),
    ("paras: [3 5]", '"paras": separate the numbers with commas: [3, 5]'),
    ("paras: [¶3]", "write the number alone: 3"),
])
def test_paragraphs_typed_another_way_get_the_house_style(data_dir, typed, fix):
    text = edit(data_dir, F, f"        paras: [3]\n  - id: free-idlib-army", f"        {typed}\n  - id: free-idlib-army")
    error = only(data_dir)
    assert error.line == position(text, typed)[0]
    assert fix in str(error) and "without quotes" not in str(error) and '"- "' not in str(error)


def test_paras_indented_too_far_names_the_column_and_asks_for_no_second_paras(data_dir):
    text = edit(data_dir, F, f"        paras: [3]\n  - id: free-idlib-army", f"          paras: [3]\n  - id: free-idlib-army")
    error = only(data_dir)
    line = position(text, "          paras: [3]\n  - id: free-idlib-army")[0]
    assert (error.line, error.col) == (line, 11)
    assert "is indented too far" in str(error) and "start it in column 9" in str(error) and "missing" not in str(error)
    assert "ابدأه في العمود" in error.message.say("ar")


@pytest.mark.parametrize("old, new, column, like", [
    ("  - id: sultan-murad-division", "    - id: sultan-murad-division", 3, "  - id: sham-legion"),
    ("    camp: attended\n    paras: [3]\n  - id: levant-front", "    camp: attended\n      paras: [3]\n  - id: levant-front",
     5, "    camp: attended\n      paras"),
    ("    camp: attended\n    paras: [3]\n  - id: levant-front", "    camp: attended\n   paras: [3]\n  - id: levant-front",
     5, "    camp: attended\n   paras"),
])
def test_a_line_indented_wrongly_is_told_the_column_to_start_at(data_dir, old, new, column, like):
    text = edit(data_dir, F, old, new)
    error = only(data_dir)
    assert f"start it in column {column}, like line {position(text, like)[0]}" in str(error)
    assert f"ابدأه في العمود {column}" in error.message.say("ar")


def test_curly_quotes_in_a_macro_call_are_reported_at_the_mark(tmp_path):
    import shutil

    from .conftest import ROOT

    for name in ("data", "docs"):
        shutil.copytree(ROOT / name, tmp_path / name)
    page = tmp_path / "docs" / "en" / "reasons.md"
    text = page.read_text(encoding="utf-8").replace('{{ quote("refusers-not-interested") }}',
                                                    "{{ quote(“refusers-not-interested”) }}")
    page.write_text(text, encoding="utf-8")
    with pytest.raises(DataErrors) as caught:
        load_data(tmp_path / "data")
    [error] = caught.value.errors
    assert (error.file, error.line, error.col) == ("docs/en/reasons.md", *position(text, "“"))
    assert 'use straight quotes " in macros' in str(error.message)
    assert "علامات التنصيص المستقيمة" in error.message.say("ar")


def test_a_date_with_one_digit_month_and_day_is_told_its_written_form(data_dir):
    """The first event dated to a day with a leading zero (in January to September, or on the 1st to the 9th), its
    date typed without the zeros (2017-1-23)."""
    event = next(e for e in value(data_dir, "events.yml", ("events",))
                 if len(e.get("date", "")) == 10 and "0" in (e["date"][5], e["date"][8]))
    year, month, day = event["date"].split("-")
    typed = f"{year}-{int(month)}-{int(day)}"
    text = replace_value(data_dir, "events.yml", ("events", event["id"], "date"), f'"{typed}"')
    error = only(data_dir)
    assert (error.line, error.col) == position(text, f'"{typed}"')
    assert f"write the date as YYYY-MM-DD: {event['date']}" in str(error) and "not a real date" not in str(error)
    assert f"اكتب التاريخ بصيغة YYYY-MM-DD: {event['date']}" in error.message.say("ar")


def test_a_quotation_inside_a_quote_is_the_speakers_own_in_its_languages_marks(data_dir):
    """Was "the quote begins or ends with “…; remove the marks at the start and the end", said of a quote that
    only begins with a quotation of its own. In English it is accepted; in Arabic its marks are the wrong ones."""
    edit(data_dir, "quotes.yml", 'en: "The Astana Conference has political value just as there is military value."',
         'en: "“The Astana Conference has political value” just as there is military value."')
    load_data(data_dir)
    text = edit(data_dir, "quotes.yml", 'ar: "لمؤتمر أستانا قيمة سياسية، كما أن ثمة قيمة عسكرية"',
                'ar: "“لمؤتمر أستانا قيمة سياسية”، كما أن ثمة قيمة عسكرية"')
    error = only(data_dir)
    assert (error.line, error.col) == position(text, "“لمؤتمر")
    assert "the Arabic text (ar) has the quotation mark “" in str(error) and "«…»" in str(error)


def test_a_comment_that_cuts_an_interface_string_is_refused_at_the_hash(data_dir):
    """The interface strings are texts a reader sees too, under keys of their own (not `en`/`ar`)."""
    text = edit(data_dir, "i18n/en.yml", 'site_name: "Astana 2017 explained"', "site_name: Astana 2017 #1 explained")
    error = only(data_dir)
    assert (error.file, error.line, error.col) == ("data/i18n/en.yml", *position(text, "#1"))
    assert "a # after a space starts a comment" in str(error)
