"""Issue 20, a second editors' walk (only the guides followed): each mistake, with the exact input the walk typed,
is refused at its line and column with a message that says the right fix, in English and Arabic."""
from __future__ import annotations

import datetime as dt
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from explainer.data.yamlread import read_yaml
from explainer.pages import issue_form
from explainer.pages.site import load_data

from .conftest import ROOT, run_main
from . import sample_faction as sample
from .data_setups import set_corrections

from .test_editors_ii import only
from .test_loader import data_dir, edit, position  # noqa: F401

SHAM_LEGION = sample.LINE
EN, AR, EN_HEAD, AR_HEAD = sample.EN, sample.AR, sample.EN_HEAD, sample.AR_HEAD
# The Fastaqim Union's fact as the data spells it today (read, not typed, so rewording the fact cannot break the test).
FACT_EN = next(line.strip() for line in (ROOT / "data" / "factions.yml").read_text(encoding="utf-8").splitlines()
               if line.strip().startswith('en: "In a statement, it '))


# (what the editor typed in place of the name, where the mark is (needle, offset), English, Arabic)
MISQUOTED = [
    (f'name: {{en: ”{EN}“, ar: "{AR}"}}', (f"”{EN_HEAD}", 0), "wrapped in ”…“", "النص محاط بـ”…“"),
    (f'name: {{en: “{EN}", ar: "{AR}"}}', (f"“{EN_HEAD}", 0), "wrapped in “…\"", "النص محاط بـ“…\""),
    (f"name: {{en: '“{EN}\"', ar: \"{AR}\"}}", (f"“{EN_HEAD}", 0), "wrapped in “…\"", "النص محاط"),
    (f'name: {{en: "{EN}", ar: ”{AR}“}}', (f"”{AR_HEAD}", 0), "wrapped in ”…“", "النص محاط بـ”…“"),
    (f'name: {{en: "“{EN}", ar: "{AR}"}}', (f"“{EN_HEAD}", 0), "the text begins with “, and no quotation mark "
     "after it closes it", "يبدأ النص بـ“"),
    (f'name: {{en: "{EN}”", ar: "{AR}"}}', ("”\"", 0), "the text ends with ”, and no quotation mark "
     "before it opens it", "ينتهي النص بـ”"),
    (f'name: {{en: "{EN}", ar: "{AR}»"}}', ("»\"", 0), "the text ends with », and no quotation mark "
     "before it opens it", "ينتهي النص بـ»"),
]


@pytest.mark.parametrize("typed, at, english, arabic", MISQUOTED, ids=[m[0] for m in MISQUOTED])
def test_a_quotation_mark_at_an_end_of_a_value_is_refused_at_the_mark(data_dir, typed, at, english, arabic):
    text = edit(data_dir, "factions.yml", SHAM_LEGION, typed)
    error = only(data_dir)
    assert (error.line, error.col) == position(text, *at)
    assert english in str(error) and "remove" in str(error)
    assert arabic in error.message.say("ar")


@pytest.mark.parametrize("typed", [
    'en: "In a statement, it said “the Astana conference mattered”"',
    'en: "“Astana” mattered politically, it said, not only militarily."',
    "en: 'In a statement, it argued that \"Astana\" mattered politically.'",
])
def test_a_text_that_begins_or_ends_with_a_quotation_of_its_own_is_accepted(data_dir, typed):
    edit(data_dir, "factions.yml", FACT_EN, typed)
    load_data(data_dir)


def test_an_arabic_sentence_that_ends_with_a_quotation_it_opened_is_accepted(data_dir):
    old = f'ar: "{AR}"}}'
    edit(data_dir, "factions.yml", old, f'ar: "{sample.AR_HEAD} «{sample.AR_TAIL}»"}}')
    load_data(data_dir)


# ---------------------------------------------------------------- a menu label and the issue form

# The camps page's menu label as data/pages.yml writes it today (an editor may have changed it), and a new one.
_CAMPS = next(p for p in load_data(ROOT / "data").pages.pages if p.id == "camps").nav
NAV = f'nav: {{en: "{_CAMPS.en}", ar: "{_CAMPS.ar}"}}'
OPTION = f"{_CAMPS.en} · {_CAMPS.ar}"
NEW_LABEL = next(label for label in ("Both camps", "The camps") if label != _CAMPS.en)
NEW_NAV = f'nav: {{en: "{NEW_LABEL}", ar: "{_CAMPS.ar}"}}'


@pytest.fixture
def project(tmp_path) -> Path:
    for name in ("data", "docs", ".github"):
        shutil.copytree(ROOT / name, tmp_path / name)
    return tmp_path


def page_options(project: Path) -> tuple[list[str], dict]:
    """The issue form's page options, and where each is (by index)."""
    form = read_yaml(project / issue_form.FORM, "form")
    index = next(i for i, e in enumerate(form.value["body"]) if e.get("id") == "page")
    path = ("body", index, "attributes", "options")
    options = form.value["body"][index]["attributes"]["options"]
    return options, {i: form.positions.of_value(path + (i,)) for i in range(len(options))}


def test_a_menu_label_change_says_the_line_to_write_in_the_issue_form(project):
    edit(project / "data", "pages.yml", NAV, NEW_NAV)
    options, where = page_options(project)
    i = options.index(OPTION)
    error = only(project / "data")
    assert (error.file, error.line, error.col) == (issue_form.FORM.as_posix(), *where[i])
    assert f"replace this line with `- {NEW_LABEL} · {_CAMPS.ar}` (or run `make issue-form`)" in str(error)
    assert "ضع مكان هذا السطر" in error.message.say("ar")


def test_make_issue_form_drops_the_old_label_and_keeps_the_forms_own_choices(project):
    edit(project / "data", "pages.yml", NAV, NEW_NAV)
    before, _ = page_options(project)
    run = subprocess.run([sys.executable, "-m", "explainer.pages.issue_form", "--write"], cwd=project,
                         capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    load_data(project / "data")
    after, _ = page_options(project)
    pages = load_data(project / "data").pages.pages
    assert OPTION not in after
    assert after == [f"{p.nav.en} · {p.nav.ar}" for p in pages] + before[len(pages):]
    assert tuple(before[len(pages):]) == issue_form.OWN_CHOICES  # the form's own choices, as the code lists them
    form = read_yaml(project / issue_form.FORM, "form").value
    original = read_yaml(ROOT / issue_form.FORM, "form").value
    assert [e.get("id") for e in form["body"]] == [e.get("id") for e in original["body"]]  # the rest of the form kept
    assert {k: v for k, v in form.items() if k != "body"} == {k: v for k, v in original.items() if k != "body"}


def test_make_issue_form_on_the_real_data_changes_nothing(project):
    run = subprocess.run([sys.executable, "-m", "explainer.pages.issue_form", "--write"], cwd=project,
                         capture_output=True, text=True)
    assert run.returncode == 0 and "already up to date" in run.stdout, run.stdout + run.stderr
    assert (project / issue_form.FORM).read_bytes() == (ROOT / issue_form.FORM).read_bytes()


def test_an_option_that_is_no_page_any_more_is_refused(project):
    """What `make issue-form` left before: the old label kept after the pages."""
    form = project / issue_form.FORM
    text = form.read_text(encoding="utf-8")
    first_own = issue_form.OWN_CHOICES[0]
    form.write_text(text.replace(f"- {first_own}\n", f"- {_CAMPS.en} (old) · {_CAMPS.ar}\n        - {first_own}\n"),
                    encoding="utf-8")
    options, where = page_options(project)
    error = only(project / "data")
    assert (error.line, error.col) == where[options.index(f"{_CAMPS.en} (old) · {_CAMPS.ar}")]
    assert "is not the menu label of a page in data/pages.yml; delete this line" in str(error)


# ---------------------------------------------------------------- dates that do not parse

def correction(data_dir: Path, date: str) -> str:
    return set_corrections(data_dir, f'corrections:\n  - date: "{date}"\n    text: {{en: "A fix.", ar: "تصحيح."}}')


def test_an_impossible_correction_date_is_said_once_and_asks_for_the_day(data_dir):
    text = correction(data_dir, "2026-13-01")
    error = only(data_dir)  # not also "in the future"
    assert (error.line, error.col) == position(text, '"2026-13-01"')
    assert 'the date "2026-13-01" is not a real date; write it as YYYY-MM-DD' in str(error)
    assert "YYYY-MM " not in str(error) + " " and "only the month" not in str(error)


def test_a_correction_date_in_arabic_indic_digits_says_the_western_digits(data_dir):
    text = correction(data_dir, "٢٠٢٦-١٢-٠٧")
    error = only(data_dir)
    assert (error.line, error.col) == position(text, '"٢٠٢٦-١٢-٠٧"')
    assert str(error).endswith("write Western digits: 2026-12-07")
    assert "اكتبه بالأرقام الغربية: 2026-12-07" in error.message.say("ar")


@pytest.mark.parametrize("typed, said", [
    ("2017-13-30", 'the date "2017-13-30" is not a real date'),
    ("٢٠١٦-١٢-٣٠", "write Western digits: 2016-12-30"),
])
def test_an_event_date_that_does_not_parse_is_not_also_out_of_order(data_dir, typed, said):
    text = edit(data_dir, "events.yml", 'date: "2016-12-30"', f'date: "{typed}"')
    error = only(data_dir)  # not also "comes before the event above it"
    assert (error.line, error.col) == position(text, f'"{typed}"')
    assert said in str(error)


def test_an_arabic_comma_in_a_list_of_paragraphs_says_use_a_latin_comma(data_dir):
    text = edit(data_dir, "factions.yml", "camp: attended\n    paras: [3]", "camp: attended\n    paras: [1، 2]")
    error = only(data_dir)
    assert (error.line, error.col) == position(text, "1، 2")
    assert "use a Latin comma: [1, 2]" in str(error) and "without quotes" not in str(error)
    assert "بفاصلة لاتينية: [1, 2]" in error.message.say("ar")


# ---------------------------------------------------------------- today, in UTC

@pytest.fixture
def zone_not_on_utcs_date(monkeypatch):
    """A time zone whose date differs from UTC's now (UTC+14 late in the UTC day, UTC-12 early in it), set for
    the process; yields (UTC's date, the zone's date)."""
    utc = dt.datetime.now(dt.timezone.utc)
    zone = "Pacific/Kiritimati" if utc.hour >= 12 else "Etc/GMT+12"
    local = utc.astimezone(ZoneInfo(zone)).date()
    assert local != utc.date()
    monkeypatch.setenv("TZ", zone)
    time.tzset()
    yield utc.date(), local
    monkeypatch.undo()
    time.tzset()


def test_a_correction_is_in_the_future_by_the_date_in_utc_whatever_the_time_zone(data_dir, zone_not_on_utcs_date):
    utc, local = zone_not_on_utcs_date
    assert dt.date.today() == local  # the zone is in force
    later = max(utc, local)
    text = correction(data_dir, later.isoformat())
    if later == utc:
        load_data(data_dir)  # today in UTC, though tomorrow in the editor's zone: accepted
        return
    error = only(data_dir)  # today in the editor's zone, tomorrow in UTC: refused
    assert (error.line, error.col) == position(text, f'"{later}"')
    assert f"is in the future (today in UTC is {utc})" in str(error)
    assert f"اليوم بالتوقيت العالمي {utc}" in error.message.say("ar")


def test_a_key_point_over_the_limit_is_reported_at_the_first_extra_one(data_dir):
    from explainer.data.schema import MAX_KEY_POINTS

    point = '  - text:\n      en: "One more point."\n      ar: "نقطة أخرى."\n    paras: [1]\n'
    text = edit(data_dir, "story.yml", "geneva:\n", point + "geneva:\n")
    error = only(data_dir)
    extra = text.index("\nlead:\n")
    for _ in range(MAX_KEY_POINTS + 1):  # the item after the last one allowed
        extra = text.index("\n  - text:", extra + 1)
    assert (error.line, error.col) == (text.count("\n", 0, extra + 1) + 1, len("  - ") + 1)  # at its "text:"
    assert f"may have at most {MAX_KEY_POINTS} items" in str(error)


# ---------------------------------------------------------------- Arabic in a terminal

@pytest.mark.parametrize("said, whole", [
    ("اكتبها هكذا (paras: [5])", "paras: [5]"),
    ("تنقص مسافة بعد «en:»؛ اكتب `en: \"Sham Legion\"`", "en:"),
    ("تنقص مسافة بعد «en:»؛ اكتب `en: \"Sham Legion\"`", '`en: "Sham Legion"`'),
    ("ضع مكان هذا السطر `- Both camps · كلا المعسكرين` (أو شغّل `make issue-form`)", "`- Both camps · كلا المعسكرين`"),
])
def test_a_quoted_line_or_identifier_in_an_arabic_message_is_one_isolate(said, whole):
    from explainer.data.messages import FSI, PDI, laid_out

    shown = laid_out(said, "ar")
    assert f"{FSI}{whole}{PDI}" in shown, repr(shown)
    assert shown.replace(FSI, "").replace(PDI, "")[1:] == said  # nothing else changed (after the RLI)


# ---------------------------------------------------------------- the guides

GUIDES = ("CONTRIBUTING.md", "CONTRIBUTING.ar.md")
_PREFIX = re.compile(r"^(data/[\w/.]+\.yml):(\d+):(\d+): (.*)$")


def example_blocks(guide: str) -> list[list[re.Match]]:
    """The guide's message examples: each fenced block's lines that start with data/FILE:LINE:COL:."""
    text = (ROOT / guide).read_text(encoding="utf-8")
    blocks = re.findall(r"```[a-z]*\n(.*?)```", text, re.S)
    return [found for block in blocks
            if (found := [m for m in map(_PREFIX.match, block.splitlines()) if m])]


def validator_says(data: Path, lang: str) -> list[str]:
    run = run_main("explainer.tools.validate", "--lang", lang, str(data))
    return re.sub("[\u2066-\u2069]", "", run.stdout + run.stderr).splitlines()


def arabic_letters(text: str) -> int:
    return len(re.findall("[\u0621-\u064A]", text))


def test_the_two_languages_of_an_example_in_the_arabic_guide_agree_and_arabic_comes_first():
    # Each Arabic message is in a right-to-left block of its own, its English in the left-to-right block after it
    # (test_editors_walk7); a block may also hold both lines.
    text = (ROOT / "CONTRIBUTING.ar.md").read_text(encoding="utf-8")
    split = re.findall(r'<div dir="rtl">\n\n```\n(data/[^\n]*)\n```\n\n</div>\n\n<div dir="ltr">\n\n```\n(data/[^\n]*)\n```',
                       text)
    pairs = [lines for lines in example_blocks("CONTRIBUTING.ar.md") if len(lines) == 2] + [
        (_PREFIX.match(ar), _PREFIX.match(en)) for ar, en in split]
    assert pairs and all(first and second for first, second in pairs)
    for first, second in pairs:
        assert first.group(1, 2, 3) == second.group(1, 2, 3), (first.group(0), second.group(0))
        assert re.findall(r"\d+", first.group(4)) == re.findall(r"\d+", second.group(4)), (first.group(0), second.group(0))
        assert arabic_letters(first.group(4)) > arabic_letters(second.group(4)), f"English first: {first.group(0)}"


def test_the_duplicate_id_example_is_what_the_validator_prints(tmp_path):
    data = tmp_path / "data"
    shutil.copytree(ROOT / "data", data)
    said = {}
    for guide in GUIDES:
        for lines in example_blocks(guide):
            for line in lines:
                if "sham-legion" in line.group(4) and line.group(1) == "data/factions.yml":
                    said[line.group(0)] = "ar" if re.search("[\u0621-\u064A]", line.group(4)) else "en"
    assert set(said.values()) == {"en", "ar"}
    number = int(_PREFIX.match(next(iter(said))).group(2))
    path = data / "factions.yml"
    lines = path.read_text(encoding="utf-8").split("\n")
    lines[number - 1] = re.sub(r"id: \S+", "id: sham-legion", lines[number - 1])
    path.write_text("\n".join(lines), encoding="utf-8")
    for line, lang in said.items():
        assert line in validator_says(data, lang)


def test_the_guides_explain_a_tab_after_a_colon_as_the_validator_prints_it(tmp_path):
    data = tmp_path / "data"
    shutil.copytree(ROOT / "data", data)
    edit(data, "factions.yml", "camp: attended", "camp:\tattended")
    for guide, lang in zip(GUIDES, ("en", "ar")):
        printed = validator_says(data, lang)[0]
        assert printed in (ROOT / guide).read_text(encoding="utf-8"), (guide, printed)


def test_the_arabic_guide_names_the_digits_as_the_messages_do():
    from explainer.data.messages import M

    said = M("{label} is written in Arabic-Indic digits ({given}); write Western digits: {digits}", label="x",
             given="٣", digits="3").say("ar")
    term = re.search("بالأرقام ([\u0621-\u064A ]+?) \\(", said).group(1)
    guide = (ROOT / "CONTRIBUTING.ar.md").read_text(encoding="utf-8")
    assert re.sub(r"\s+", " ", f"الأرقام {term}") in re.sub(r"\s+", " ", guide) and "الأرقام الهندية" not in guide


def test_the_arabic_tab_message_says_the_fix_after_a_semicolon():
    from explainer.data.messages import M

    said = M("a tab is used for indentation; YAML needs spaces: replace the tab with spaces").say("ar")
    assert "؛ ضع" in said and ": ضع" not in said


@pytest.mark.parametrize("where", [*GUIDES, ".github/pull_request_template.md"])
def test_the_pull_request_checklist_asks_about_names(where):
    text = (ROOT / where).read_text(encoding="utf-8")
    assert "aliases.source" in text and "docs/*.md" in text


# ---------------------------------------------------------------- a third walk: silent paths that remained

PLACE_TEXT = '{en: "Where the talks were held, from 23 to 25 January 2017.",'


def test_curly_quotes_around_a_text_with_a_comma_say_one_fix_and_never_remove(data_dir):
    """YAML splits `{en: “A, B.”, …}` at the comma: "remove the “" and "remove the unknown key" would each
    delete half the text. One message, at the “, says to replace both marks with straight quotes."""
    text = edit(data_dir, "places.yml", PLACE_TEXT, '{en: “Where the talks were held, from 23 to 25 January 2017.”,')
    error = only(data_dir)
    assert (error.line, error.col) == position(text, "“Where")
    closing = position(text, "”,")
    said = str(error)
    assert "split this text at the comma" in said and "wrapped in “…”" in said
    assert f"the ” at line {closing[0]}, column {closing[1]}" in said
    assert "remove" not in said and "unknown key" not in said
    assert "عند الفاصلة" in error.message.say("ar")


ASTANA_ALIASES = 'aliases: {ar: ["أستانة", "آستانة"]}'


@pytest.mark.parametrize("file, old, typed, at", [
    ("places.yml", ASTANA_ALIASES, 'aliases: {ar: ["أستانة"، "آستانة"]}', '، "آستانة"'),
    ("places.yml", PLACE_TEXT, '{en: "Where the talks were held, from 23 to 25 January 2017."،', '، ar:'),
])
def test_an_arabic_comma_between_the_items_of_a_flow_collection_says_use_a_latin_comma(data_dir, file, old, typed, at):
    text = edit(data_dir, file, old, typed)
    error = only(data_dir)
    assert (error.line, error.col) == position(text, at)
    assert "separated with the Arabic comma «،»" in str(error) and "use a Latin comma" in str(error)
    assert 'a straight "' not in str(error)
    assert "بالفاصلة العربية «،»" in error.message.say("ar")


@pytest.mark.parametrize("typed, at", [('aliases: {ar: [أستانة، آستانة]}', "أستانة"),
                                       ('aliases: {ar: ["أستانة، آستانة"]}', '"أستانة')])
def test_an_alias_with_an_arabic_comma_is_refused_as_two_spellings(data_dir, typed, at):
    text = edit(data_dir, "places.yml", ASTANA_ALIASES, typed)
    error = only(data_dir)
    assert (error.line, error.col) == position(text, at)
    assert 'make it two aliases: ["أستانة", "آستانة"]' in str(error)
    assert "اجعله اسمين بديلين" in error.message.say("ar")


def test_arabic_indic_digits_and_an_arabic_comma_in_paras_say_the_whole_fix(data_dir):
    text = edit(data_dir, "factions.yml", "camp: attended\n    paras: [3]", "camp: attended\n    paras: [١، ٢]")
    error = only(data_dir)
    assert (error.line, error.col) == position(text, "١، ٢")
    assert "use a Latin comma: [1, 2]" in str(error)


@pytest.mark.parametrize("typed, letter, arabic", [
    (f"{AR} فی", "\u06cc", "\u064a"),  # Persian yeh: search for «فيلق» missed «فیلق»
    (f"{AR} کله", "\u06a9", "\u0643"),
    (f"{AR}ہ", "\u06c1", "\u0647"),
    (f"{AR}ۀ", "\u06c0", "\u0629"),
])
def test_a_persian_or_urdu_look_alike_letter_is_refused_at_its_column(data_dir, typed, letter, arabic):
    text = edit(data_dir, "factions.yml", SHAM_LEGION, f'name: {{en: "{EN}", ar: "{typed}"}}')
    error = only(data_dir)
    assert (error.line, error.col) == position(text, letter)
    assert f"U+{ord(letter):04X}" in str(error) and f"type «{arabic}» (U+{ord(arabic):04X} " in str(error)
    assert f"«{arabic}»" in error.message.say("ar")


def test_a_correction_dated_before_the_source_article_says_check_the_year(data_dir):
    published = read_yaml(data_dir / "source.yml", "source").value["date"]
    typed = f"{int(published[:4]) - 1}-12-07"  # a year typo: the walk typed 2016-12-07 for 2026-12-07
    text = correction(data_dir, typed)
    error = only(data_dir)
    assert (error.line, error.col) == position(text, f'"{typed}"')
    assert f"is before the source article ({published}); check the year" in str(error)
    assert f"({published})" in error.message.say("ar")
