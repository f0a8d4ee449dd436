"""Issue 20, "Editors II": each mistake a new editor made, with the exact input the issue gives, is refused at its
line with a message that says the right fix (in English and Arabic), or is shown right; nothing passes in silence."""
from __future__ import annotations

import datetime as dt
import os
import re
import shutil
import string
import subprocess
import sys
import time
import unicodedata
import urllib.request
from pathlib import Path
from types import SimpleNamespace

import pytest
import yaml
from bidi import get_display

from explainer.publish import glue, hooks

from explainer.data.errors import DataError, DataErrors, annotation_data, visible
from explainer.data.messages import Counted, M
from explainer.data.loader import read_data, renamed_spellings
from explainer.pages.issue_form import FORM
from explainer.pages.site import load_data

from . import sample_faction as sample
from .data_setups import replace_value, set_corrections, value
from .conftest import ROOT, run_main, copy_project, free_port, full_tier_only
from .test_loader import data_dir, edit, position  # noqa: F401
from .test_messages import arabic


def problems(data_dir) -> list:
    with pytest.raises(DataErrors) as caught:
        load_data(data_dir)
    return caught.value.errors


def only(data_dir):
    found = problems(data_dir)
    assert len(found) == 1, [str(e) for e in found]
    return found[0]


# ---------------------------------------------------------------- silent paths


@pytest.mark.parametrize("old, new, mark", [
    (f'name: {{en: "{sample.EN}",', f"name: {{en: “{sample.EN}”,", "“"),
    (f'ar: "{sample.AR}"}}', f"ar: «{sample.AR}»}}", "«"),
])
def test_curly_quotes_around_a_whole_value_are_refused_at_the_value(data_dir, old, new, mark):
    text = edit(data_dir, "factions.yml", old, new)
    error = only(data_dir)
    assert (error.line, error.col) == position(text, new.split(": ")[-1].lstrip("{en: "))
    assert f"wrapped in {mark}" in str(error) and 'straight double quotes' in str(error)
    assert error.message.say("ar").startswith("النص محاط")


def test_an_alias_identical_to_the_name_is_refused(data_dir):
    name = value(data_dir, "factions.yml", ("factions", "sham-legion", "name", "en"))
    text = replace_value(data_dir, "factions.yml", ("factions", "sham-legion", "aliases"), f'{{en: ["{name}"]}}')
    error = only(data_dir)
    assert (error.line, error.col) == position(text, f'"{name}"]')
    assert f'the other spelling "{name}" is the name itself; remove it' in str(error)


def rename_de_mistura(data_dir) -> str:
    """The guide's "Fix a name": the Arabic name becomes another of its spellings, and the old name is kept among
    the aliases in its place. Returns the old name, which the texts still use. Not a spelling inside the old name
    («دي ميستورا»): the texts would still hold the new name, and no warning is due."""
    actor = next(a for a in load_data(data_dir).actors.actors if a.id == "de-mistura")
    old = actor.name.ar
    new = next(alias for alias in actor.aliases.ar if alias not in old)
    where = ("actors", actor.id)
    replace_value(data_dir, "actors.yml", where + ("aliases", "ar"),
                  "[" + ", ".join(f'"{old if alias == new else alias}"' for alias in actor.aliases.ar) + "]")
    replace_value(data_dir, "actors.yml", where + ("name", "ar"), f'"{new}"')
    return old


def old_spelling_lines(data_dir, old: str) -> list[str]:
    """FILE:LINE of every text (not the entry's own name or aliases) still holding `old`, read from the files."""
    found = []
    for path in sorted(data_dir.glob("*.yml")):
        for number, line in enumerate(path.read_text(encoding="utf-8").split("\n"), start=1):
            if old in line and "name:" not in line and "aliases:" not in line:
                found.append(f"data/{path.name}:{number}")
    return found


def test_after_a_rename_each_text_with_the_old_spelling_is_warned_of(tmp_path, data_dir):
    base = tmp_path / "base"
    shutil.copytree(data_dir, base)
    old = rename_de_mistura(data_dir)
    load_data(data_dir)  # accepted: the old spelling is an alias, so the texts still name him
    warnings = renamed_spellings(read_data(base), read_data(data_dir))
    expected = old_spelling_lines(data_dir, old)
    assert expected and [f"{w.file}:{w.line}" for w in warnings] == expected
    assert all(w.warning and "the old spelling of" in str(w) for w in warnings)


def test_the_validator_prints_the_rename_warnings_and_passes(tmp_path):
    project = tmp_path / "project"
    shutil.copytree(ROOT / "data", project / "data")
    git = ["git", "-C", str(project), "-c", "user.name=t", "-c", "user.email=t@t"]
    subprocess.run(["git", "init", "-q", str(project)], check=True)
    subprocess.run([*git, "add", "data"], check=True)
    subprocess.run([*git, "commit", "-q", "-m", "base"], check=True)
    old = rename_de_mistura(project / "data")
    env = {k: v for k, v in os.environ.items() if k not in ("BASE_SHA", "GITHUB_ACTIONS")}
    run = run_main("explainer.tools.validate", "--lang", "ar", str(project / "data"), env=env)
    assert run.returncode == 0, run.stderr
    expected = old_spelling_lines(project / "data", old)
    warned = [line for line in run.stderr.splitlines() if "تنبيه" in line]
    assert [":".join(w.split(":")[:2]) for w in warned] == expected


def test_a_quote_of_the_camp_that_stayed_away_under_a_reason_of_the_camp_that_went(data_dir):
    edit(data_dir, "camps.yml", "        quotes: [buying-time]\n", "")
    text = edit(data_dir, "camps.yml", "quotes: [fastaqim-value]", "quotes: [fastaqim-value, buying-time]")
    error = only(data_dir)
    assert (error.line, error.col) == position(text, "buying-time]")
    assert 'listed under a reason of the camp "attended"; list it under a reason of "refused"' in str(error)


@pytest.mark.parametrize("old, new, shown", [
    ('ar: "لمؤتمر أستانا قيمة سياسية، كما أن ثمة قيمة عسكرية"', 'ar: "«لمؤتمر أستانا قيمة سياسية، كما أن ثمة قيمة عسكرية».', "«"),
    # A quotation inside the quote that does not wrap all of it is the speaker's: test_editors_walk6.py.
])
def test_quotation_marks_typed_inside_a_quote_are_refused(data_dir, old, new, shown):
    text = edit(data_dir, "quotes.yml", old, new + ('"' if not new.endswith('"') else ""))
    error = only(data_dir)
    assert (error.line, error.col) == position(text, new.split(": ", 1)[1])
    assert f"it would show {shown}{shown}" in str(error)


def test_an_arabic_full_stop_at_the_end_of_a_quote_is_refused(data_dir):
    text = edit(data_dir, "quotes.yml", "قيمة عسكرية\"", "قيمة عسكرية.\"")
    error = only(data_dir)
    assert error.line == position(text, "قيمة عسكرية.")[0]
    assert "ends with a full stop" in str(error)


def corrections(data_dir, *dates: str) -> str:
    entries = "".join(f'  - date: "{d}"\n    text: {{en: "A fix.", ar: "تصحيح."}}\n' for d in dates)
    return set_corrections(data_dir, "corrections:\n" + entries)


def test_a_correction_in_the_future_is_refused(data_dir):
    future = (dt.date.today() + dt.timedelta(days=3)).isoformat()
    text = corrections(data_dir, future)
    error = only(data_dir)
    assert (error.line, error.col) == position(text, f'"{future}"')
    assert "is in the future" in str(error)


def test_corrections_oldest_first_are_refused(data_dir):
    text = corrections(data_dir, "2026-01-05", "2026-03-01")
    error = only(data_dir)
    assert (error.line, error.col) == position(text, '"2026-03-01"')
    assert "newest first" in str(error)


def test_a_correction_dated_to_the_month_only_is_refused(data_dir):
    text = corrections(data_dir, "2026-01")
    error = only(data_dir)
    assert (error.line, error.col) == position(text, '"2026-01"')
    assert "gives only the month" in str(error)


def test_corrections_newest_first_and_dated_to_the_day_pass(data_dir):
    corrections(data_dir, "2026-03-01", "2026-01-05")
    load_data(data_dir)


# ---------------------------------------------------------------- messages that said the wrong fix

FACTION_CAMP = "camp: attended\n    paras: [3]\n  - id: sultan"
# (case, file, what was there, what the editor typed, where the message points (needle, offset), English, Arabic)
MISLEADING = [
    ("1 straight quote inside a text", "quotes.yml", 'en: "The Astana Conference has political value',
     'en: "The Astana Conference has "political" value', ('"political"', 0),
     'a straight " inside a text ends the text here; inside a text, use “ ” (English) or « » (Arabic)',
     "داخل النص تُنهي النص هنا"),
    ("2 curly closing quote", "factions.yml", f'name: {{en: "{sample.EN}",', f'name: {{en: "{sample.EN}”,', ("”", 0),
     'closed with ” here, but opened with a straight "; YAML needs a straight " at both ends: replace ” with "',
     "ضع \" مكان ”"),
    ("3 a camp in capitals", "factions.yml", FACTION_CAMP, FACTION_CAMP.replace("attended", "Refused"),
     ("Refused", 0), 'camp "Refused" is not one of: attended, refused; did you mean "refused"?',
     "ليست من بين: attended, refused"),
    ("3 a camp in curly quotes", "factions.yml", FACTION_CAMP, FACTION_CAMP.replace("attended", "“attended”"),
     ("“attended”", 0), 'camp "“attended”" is not one of: attended, refused; did you mean "attended"?',
     "ليست من بين: attended, refused"),
    ("4 a speaker's id cut short", "quotes.yml", "speaker: fastaqim-union", "speaker: fastaqim", ("fastaqim\n", 0),
     'speaker "fastaqim" is not the id of a faction, an actor or a camp; did you mean "fastaqim-union"?',
     "ليست معرّف فصيل أو طرف أو معسكر؛ هل تقصد «fastaqim-union»؟"),
    ("5 a claim's paras indented too little", "factions.yml", "        paras: [5]\n  - id: jaysh-al-islam",
     "    paras: [5]\n  - id: jaysh-al-islam", ("    paras: [5]\n  - id: jaysh-al-islam", 4),
     'belongs to the entry at line {entry} above (it is indented too little); indent it to line up with "text"',
     "زد مسافته البادئة ليحاذي «text»"),
    ("6 a tab after the colon", "factions.yml", FACTION_CAMP, FACTION_CAMP.replace("camp: ", "camp:\t"), ("\t", 0),
     "(a tab) is not allowed in data; replace it with a space", "ضع مكانه مسافة عادية"),
    ("7 an Arabic-Indic digit", "factions.yml", FACTION_CAMP, FACTION_CAMP.replace("[3]", "[٣]"), ("٣", 0),
     '"paras" is written in Arabic-Indic digits (٣); write Western digits: 3', "اكتبه بالأرقام الغربية: 3"),
    ("9 no space after the colon", "factions.yml", f'name: {{en: "{sample.EN}",', f'name: {{en:"{sample.EN}",',
     (f'en:"{sample.EN_HEAD}', 0), f'a space is missing after "en:"; write `en: "{sample.EN}"`', "تنقص مسافة بعد «en:»"),
]


@pytest.mark.parametrize("case, file, old, new, at, english, arabic", MISLEADING, ids=[m[0] for m in MISLEADING])
def test_each_misleading_message_now_says_the_fix(data_dir, case, file, old, new, at, english, arabic):
    text = edit(data_dir, file, old, new)
    error = only(data_dir)  # one message: none of the wrong ones beside it
    assert (error.line, error.col) == position(text, *at)
    entry = text.count("\n", 0, text.index(new)) + 1 - (3 if case.startswith("5") else 0)
    assert english.format(entry=entry) in str(error)
    assert arabic in error.message.say("ar")
    assert "rename it" not in str(error) and "put the value in double quotes" not in str(error)


def test_a_bare_paragraph_number_says_the_brackets_and_the_range(data_dir):
    count = len(read_data(data_dir).entries("source.yml", "paragraphs"))
    typed = FACTION_CAMP.replace("[3]", str(count + 1))
    text = edit(data_dir, "factions.yml", FACTION_CAMP, typed)
    found = problems(data_dir)
    where = position(text, f"paras: {count + 1}", len("paras: "))
    assert {(e.line, e.col) for e in found} == {where}
    said = [str(e).split(": ", 1)[1] for e in found]
    assert f'"paras" is a list: write it in square brackets, [{count + 1}]' in said
    assert f"use a number from 1 to {count}" in said[0] + said[1]
    assert not any("own line" in s for s in said)


# ---------------------------------------------------------------- Arabic that reads right in a terminal

_ARABIC_WORD = re.compile(r"[\u0600-\u06FF]+")
# A Latin run as a reader takes it in: from a letter or digit to a letter or digit, with no Arabic between.
_TOKEN = re.compile(r"[\u0600-\u06FF]+|[A-Za-z0-9](?:[^\u0600-\u06FF«»]*[A-Za-z0-9])?")


def sample(english: str) -> M:
    """The message with every value filled in with Latin text (keys, ids and file names are Latin); a label with
    the form the loader gives it."""
    values = {name: "key-1" for _, name, _, _ in string.Formatter().parse(english) if name}
    if "label" in values:
        values["label"] = M('"{name}"', name="paras")
    return M(english, **values)


COUNTS = (0, 1, 2, 3, 11, 100)  # one of each of Arabic's plural forms


def samples(entry) -> list[M]:
    """A catalogue entry's message: once, or, for a counted one, once with a number of each plural form."""
    if isinstance(entry, str):
        return [sample(entry)]
    singular, plural = entry
    values = sample(plural).values
    counted = [name for name in ("count", "least", "most") if name in values]
    return [Counted(singular, plural, n, **{**values, **{name: n for name in counted}}) for n in COUNTS]


def reading_order(line: str, prefix: str) -> list[str]:
    """The words of `line` as python-bidi lays it out (the reference of Unicode's algorithm), in the order a reader
    of Arabic meets them: right to left, after the left-to-right `FILE:LINE:COL:` prefix."""
    shown = get_display(line)
    assert shown.startswith(prefix), shown
    tokens = _TOKEN.findall(shown[len(prefix):])
    return [t[::-1] if _ARABIC_WORD.fullmatch(t) else t for t in reversed(tokens)]


@pytest.mark.parametrize("entry", [m.id for m in arabic() if m.id], ids=str)
def test_every_arabic_message_starts_with_an_arabic_word_and_reads_right_to_left(entry):
    for message in samples(entry):
        said = message.say("ar")
        first = next(ch for ch in said if unicodedata.bidirectional(ch) in ("L", "R", "AL"))
        assert unicodedata.bidirectional(first) in ("R", "AL"), f"starts with a Latin word: {said!r}"
        line = DataError("data/factions.yml", 3, 5, message).text("ar")
        assert reading_order(line, "data/factions.yml:3:5: ") == _TOKEN.findall(said), line


@pytest.mark.parametrize("entry", [m.id for m in arabic() if m.id], ids=str)
def test_the_pull_requests_annotation_gives_the_arabic_half_in_reading_order(entry):
    """An annotation reads "English · Arabic" on one line: the Arabic half must still read right to left, in order."""
    for message in samples(entry):
        annotation = DataError("data/factions.yml", 3, 5, message).annotation()
        # What GitHub shows: the runner's escapes undone; each half with its controls made visible.
        english, said = (visible(message.say(lang)) for lang in ("en", "ar"))
        shown = annotation.split("::", 2)[2].replace("%0A", "\n").replace("%0D", "\r").replace("%25", "%")
        assert annotation_data(shown) == annotation.split("::", 2)[2]
        assert reading_order(shown, f"{english} · ") == _TOKEN.findall(said), shown


def test_an_english_message_is_left_as_it_is():
    message = sample('unknown key "{key}"; did you mean "{close}"? Correct the spelling')
    assert DataError("data/factions.yml", 3, 5, message).text("en") == f"data/factions.yml:3:5: {message}"


def test_the_build_prints_each_error_once_in_the_chosen_language(tmp_path):
    project = copy_project(tmp_path / "project")
    text = edit(project / "data", "quotes.yml", "speaker: fastaqim-union", "speaker: fastaqim")
    line, col = position(text, "fastaqim\n")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "EXPLAINER_LANG": "ar", "GITHUB_ACTIONS": ""}
    run = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(tmp_path / "site")],
                         cwd=project, env=env, capture_output=True, text=True)
    assert run.returncode != 0 and not (tmp_path / "site").exists()
    output = re.sub("[\u2066-\u2069]", "", run.stdout + run.stderr)
    prefix = f"data/quotes.yml:{line}:{col}: "
    assert output.count(prefix) == 1, output
    assert f"{prefix}القيمة «fastaqim» في speaker ليست معرّف فصيل أو طرف أو معسكر" in output
    assert "is not the id" not in output  # not in English too
    assert "مشكلة واحدة في data/ أو docs/ (أعلاه)؛ لم يُبنَ شيء" in output


def test_a_language_the_messages_do_not_have_is_named_as_a_setting():
    from explainer.data.settings import message_language, setting_errors

    assert message_language({"EXPLAINER_LANG": "ar"}) == ("ar", None)
    assert message_language({}) == ("en", None)
    problems = [p for p in setting_errors({"EXPLAINER_LANG": "fr"}) if p.variable == "EXPLAINER_LANG"]
    assert [str(p) for p in problems] == [
        'EXPLAINER_LANG: "fr" is not a language of the messages (en, ar); set EXPLAINER_LANG to one of them, or unset it']


# ---------------------------------------------------------------- live preview of data


def test_make_serve_watches_the_data_folder():
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8").replace("!ENV", ""))
    watched = {(ROOT / item).resolve() for item in config.get("watch", [])}
    assert read_data(ROOT / "data").root.resolve() in watched


def test_make_serve_watches_the_issue_form_the_validator_checks():
    """Fixing the issue form's page list as a message asks must rebuild as well."""
    watched = []
    server = SimpleNamespace(builder=None, root="/nowhere", watch=watched.append)
    hooks.on_serve(server, SimpleNamespace(config_file_path=str(ROOT / "mkdocs.yml")), builder=lambda: None)
    assert (ROOT / FORM).resolve() in {Path(path).resolve() for path in watched}


def test_make_serve_takes_the_message_language_as_make_validate_does():
    """`make serve lang=ar`: the validator and mkdocs serve both get EXPLAINER_LANG (a dry run prints the commands)."""
    recipe = subprocess.run(["make", "-n", "serve", "lang=ar"], cwd=ROOT, capture_output=True, text=True).stdout
    commands = [line for line in recipe.splitlines() if "explainer.tools.validate" in line or "mkdocs serve" in line]
    assert len(commands) == 2 and all("EXPLAINER_LANG=ar" in line for line in commands), recipe


def test_a_failed_rebuild_under_serve_shows_the_messages_in_place_of_the_pages(tmp_path, monkeypatch):
    project = copy_project(tmp_path / "project")
    edit(project / "data", "quotes.yml", "speaker: fastaqim-union", "speaker: fastaqim")
    served = tmp_path / "served"
    (served / "ar").mkdir(parents=True)
    for page in (served / "index.html", served / "ar" / "index.html"):
        page.write_text("<html>the last good site</html>", encoding="utf-8")
    monkeypatch.setenv("EXPLAINER_LANG", "ar")

    def builder():
        glue.site_data({"site_url": None, "config_file_path": str(project / "mkdocs.yml")})

    server = SimpleNamespace(root=str(served), builder=builder, watch=lambda path: None)
    hooks.on_serve(server, config=SimpleNamespace(config_file_path=str(project / "mkdocs.yml")), builder=builder)
    server.builder()  # does not raise: the browsers reload, into the messages
    for page in (served / "index.html", served / "ar" / "index.html", served / "404.html"):
        shown = page.read_text(encoding="utf-8")
        assert "the last good site" not in shown and 'dir="rtl"' in shown
        assert "data/quotes.yml:" in shown and "ليست معرّف فصيل أو طرف أو معسكر" in shown


def test_make_serve_rebuilds_on_a_data_change_and_shows_the_mistake(tmp_path):
    full_tier_only("a real `mkdocs serve`")
    project = copy_project(tmp_path / "project")
    port = free_port()
    url = f"http://127.0.0.1:{port}/astana-2017/"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "GITHUB_ACTIONS": ""}
    serve = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}"],
                             cwd=project, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        def page_until(condition) -> str:
            deadline = time.monotonic() + 120
            while time.monotonic() < deadline:
                try:
                    body = urllib.request.urlopen(url, timeout=5).read().decode("utf-8")
                    if condition(body):
                        return body
                except OSError:
                    pass
                time.sleep(0.5)
            raise AssertionError("the served page did not change")

        page_until(lambda body: "<h1" in body and "could not be built" not in body)
        edit(project / "data", "quotes.yml", "speaker: fastaqim-union", "speaker: fastaqim")
        broken = page_until(lambda body: "could not be built" in body)
        assert 'speaker &#34;fastaqim&#34; is not the id of a faction' in broken
        edit(project / "data", "quotes.yml", "speaker: fastaqim\n", "speaker: fastaqim-union\n")
        page_until(lambda body: "could not be built" not in body)
    finally:
        serve.terminate()
        output = serve.communicate(timeout=30)[0]
    assert output.count('data/quotes.yml:') == 1, output  # said once in the terminal
    assert "Traceback" not in output


# ---------------------------------------------------------------- the guides


def test_the_arabic_guide_names_each_page_as_the_site_does():
    pages = load_data(ROOT / "data").pages.pages
    labels = {p.nav.ar for p in pages} | {p.title.ar for p in pages}
    guide = (ROOT / "CONTRIBUTING.ar.md").read_text(encoding="utf-8")
    named = [re.sub(r"\s+", " ", n) for n in re.findall(r"صفحة\s+«([^»]+)»", guide)]
    assert named and [n for n in named if n not in labels] == []


def test_the_guides_say_how_to_use_the_schemas_in_github_dev():
    settings = (ROOT / ".vscode" / "settings.json").read_text(encoding="utf-8")
    assert "schemas/" in settings
    for guide in ("CONTRIBUTING.md", "CONTRIBUTING.ar.md"):
        text = (ROOT / guide).read_text(encoding="utf-8")
        assert "github.dev" in text and "schemas/" in text and ".vscode/settings.json" in text, guide


# A month alone is an event's date, never a correction's (test_editors_walk7).
@pytest.mark.parametrize("date, valid", [("2017-02", False), ("2016-12-30", True), ("2026-13-01", False),
                                         ("2016-12-32", False), ("2017-00", False)])
def test_the_schemas_underline_an_impossible_date_as_the_readme_says(date, valid):
    import json

    import jsonschema

    schema = json.loads((ROOT / "schemas" / "corrections.schema.json").read_text(encoding="utf-8"))
    document = {"corrections": [{"date": date, "text": {"en": "A fix.", "ar": "تصحيح."}}]}
    errors = list(jsonschema.Draft202012Validator(schema).iter_errors(document))
    assert (errors == []) == valid, [e.message for e in errors]
