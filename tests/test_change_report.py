"""The pull request's change report and translation-drift warnings, from a copy of the real data with four edits:
an English-only change, a change in both languages, an added faction and a removed event."""
from __future__ import annotations

import ast
import html
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from explainer.tools import change_report
from explainer.tools.change_report import md
from explainer.data.languages import LIST_COMMA
from explainer.data.messages import Counted
from explainer.pages.site import load_data
from explainer.data.yamlread import read_yaml

from .conftest import ROOT, full_tier_only, needs_git_history, run_main
from .data_setups import set_corrections

DATA = load_data(ROOT / "data")
HEADING = "## What this change does to the site · ما يغيّره هذا التعديل في الموقع"
EVENTS = DATA.events.events
EN_ONLY, BOTH, REMOVED = EVENTS[0], EVENTS[1], EVENTS[-1]
EN_MARK, AR_MARK = "Edited for the test: ", "نص معدّل للاختبار: "
ADDED = "  - id: test-added-front\n    name: {en: \"Test Added Front\", ar: \"جبهة الاختبار\"}\n    camp: refused\n    paras: [7]\n"


def _insert_after_quote(text: str, line: int, col: int, mark: str) -> str:
    """`mark` placed just inside the quoted value that starts at line:col."""
    lines = text.split("\n")
    row = lines[line - 1]
    assert row[col - 1] == '"', row
    lines[line - 1] = row[:col] + mark + row[col:]
    return "\n".join(lines)


def _line_with(path: Path, needle: str) -> tuple[int, int]:
    for number, row in enumerate(path.read_text(encoding="utf-8").split("\n"), start=1):
        if needle in row:
            return number, row.index(needle)  # the column of the opening quote just before it (1-based)
    raise AssertionError(f"{needle!r} not in {path}")


def run(base: Path, head: Path, **env) -> subprocess.CompletedProcess:
    """The command as CI runs it (its main, in this process); plain warnings unless GITHUB_ACTIONS is passed (CI
    itself sets it). The workflow's step as written is run by test_the_report_step_runs_as_written."""
    return run_main("explainer.tools.change_report", str(base), str(head), env={**os.environ, "GITHUB_ACTIONS": "", **env})


@pytest.fixture(scope="module")
def edited(tmp_path_factory) -> tuple[Path, Path]:
    root = tmp_path_factory.mktemp("change")
    base, head = root / "base" / "data", root / "head" / "data"
    shutil.copytree(ROOT / "data", base)
    shutil.copytree(ROOT / "data", head)
    events = head / "events.yml"
    positions = read_yaml(events, "data/events.yml").positions
    text = events.read_text(encoding="utf-8")
    index = {e.id: i for i, e in enumerate(EVENTS)}
    # From the bottom up, so the positions read above stay right: remove the last event, then edit the others.
    start = positions.of_value(("events", index[REMOVED.id]))[0]
    lines = text.split("\n")
    text = "\n".join(lines[: start - 1]) + "\n"
    for event, lang, mark in [(BOTH, "ar", AR_MARK), (BOTH, "en", EN_MARK + "both "), (EN_ONLY, "en", EN_MARK)]:
        text = _insert_after_quote(text, *positions.of_value(("events", index[event.id], "text", lang)), mark)
    events.write_text(text, encoding="utf-8")
    factions = head / "factions.yml"
    factions.write_text(factions.read_text(encoding="utf-8").rstrip("\n") + "\n" + ADDED, encoding="utf-8")
    return base, head


def test_the_edited_copy_loads(edited):
    head = load_data(edited[1])
    assert [e.id for e in head.events.events] == [e.id for e in EVENTS[:-1]]


def test_report_gives_each_change_before_and_after(edited):
    result = run(*edited)
    assert result.returncode == 0, result.stderr
    out = result.stdout
    line = _line_with(edited[1] / "events.yml", EN_MARK + EN_ONLY.text.en[:20])[0]
    # The words added are marked in bold (and words removed struck through): the rest reads as before.
    assert (f"| line {line}: events › {md(EN_ONLY.id)} › text | en | {md(EN_ONLY.text.en)} | "
            f"**{md(EN_MARK.rstrip())}** {md(EN_ONLY.text.en)} |") in out
    assert "|  | ar | *unchanged · لم يتغيّر* | *unchanged · لم يتغيّر* |" in out
    line = _line_with(edited[1] / "events.yml", EN_MARK + "both ")[0]
    assert (f"| line {line}: events › {md(BOTH.id)} › text | en | {md(BOTH.text.en)} | "
            f"**{md(EN_MARK + 'both')}** {md(BOTH.text.en)} |") in out
    assert f"|  | ar | {md(BOTH.text.ar)} | **{md(AR_MARK.rstrip())}** {md(BOTH.text.ar)} |" in out
    line = _line_with(edited[1] / "factions.yml", "id: test-added-front")[0]
    assert f"| line {line}: factions › test-added-front (new entry · مدخل جديد) | en | — | name: Test Added Front |" in out
    assert "|  | ar | — | name: جبهة الاختبار |" in out
    assert "|  | — | — | camp: refused · paras: 7 |" in out
    line = _line_with(edited[0] / "events.yml", f"id: {REMOVED.id}")[0]
    assert f"| line {line} on the base branch (في الفرع الأساسي): events › {md(REMOVED.id)} (entry removed · مدخل محذوف) | en | text: {md(REMOVED.text.en)} | — |" in out
    assert "1 new entry, 1 entry removed" in out


def test_report_names_the_pages_from_the_edit_link_table(edited):
    out = run(*edited).stdout
    timeline, camps = DATA.page("timeline").nav, DATA.page("camps").nav
    assert f"| {md(timeline.en + ' · ' + timeline.ar)} (`/timeline/`) | `events.yml` |" in out
    assert f"| {md(camps.en + ' · ' + camps.ar)} (`/camps/`) | `factions.yml` |" in out
    outlook = DATA.page("outlook").nav
    assert f"{md(outlook.en)} · " not in out  # shows neither file


def test_drift_warns_once_at_the_changed_line(edited):
    line, col = _line_with(edited[1] / "events.yml", EN_MARK + EN_ONLY.text.en[:20])
    local = run(*edited).stderr.strip().split("\n")
    assert len(local) == 1, local
    assert local[0].startswith(f"data/events.yml:{line}:{col}: warning: the English text changed but not the Arabic")
    ci = run(*edited, GITHUB_ACTIONS="true").stderr.strip().split("\n")
    assert len(ci) == 1, ci
    assert ci[0].startswith(f"::warning file=data/events.yml,line={line},col={col},title=Check the other language · راجع اللغة الأخرى::"
                            "the English text changed but not the Arabic")
    assert "%0A" not in ci[0] and "\n" not in ci[0]
    assert "Check the other language** (1)" in run(*edited).stdout


def test_arabic_only_change_warns_too(edited, tmp_path):
    head = tmp_path / "data"
    shutil.copytree(edited[0], head)
    events = head / "events.yml"
    positions = read_yaml(events, "data/events.yml").positions
    events.write_text(_insert_after_quote(events.read_text(encoding="utf-8"),
                                          *positions.of_value(("events", 0, "text", "ar")), AR_MARK), encoding="utf-8")
    said = run(edited[0], head).stderr
    assert "the Arabic text changed but not the English" in said


def test_an_interface_string_names_its_twin_file_in_words_in_arabic(edited, tmp_path):
    """The other language of an interface string is in the other file: the English names its path, the Arabic says
    which language's file, since a Latin path inside a right-to-left sentence scatters its words."""
    head = tmp_path / "data"
    shutil.copytree(edited[0], head)
    strings = head / "i18n" / "en.yml"
    strings.write_text(strings.read_text(encoding="utf-8").replace('figure_as_list: "', 'figure_as_list: "Drawn: ', 1),
                       encoding="utf-8")
    result = run(edited[0], head)
    twin = _line_with(head / "i18n" / "ar.yml", "figure_as_list:")[0]
    warning = result.stderr.strip()
    assert f"(data/i18n/ar.yml line {twin})" in warning and f"(السطر {twin} من ملف اللغة العربية)" in warning
    assert "data/i18n/ar.yml" not in warning.split(" / ", 1)[1]
    assert f"(`data/i18n/ar.yml` line {twin}) did not · " in result.stdout
    assert f"(السطر {twin} من ملف اللغة العربية)" in result.stdout


def test_nothing_changed_says_so_in_one_line_in_each_language(edited):
    out = run(edited[0], edited[0]).stdout.strip().split("\n")
    assert out[0] == HEADING and len(out) == 5
    assert out[2].startswith("No change to what the site shows") and out[4].startswith("لا تغيير فيما يعرضه الموقع")


def test_the_report_speaks_arabic_too(edited):
    """Editors who read Arabic get every sentence of the report in Arabic, after the English one."""
    out = run(*edited).stdout
    # Arabic's plural forms, from the catalogue: one entry is "مدخل جديد واحد", not the English "1 new entry".
    counted = [Counted("1 new entry", "{count} new entries", 1, count=1),
               Counted("1 entry removed", "{count} entries removed", 1, count=1)]
    assert "1 " not in counted[0].say("ar")
    assert LIST_COMMA["ar"].join(message.say("ar") for message in counted) in out
    lines = out.split("\n")
    shown = {lines[i]: lines[i + 2] for i, line in enumerate(lines) if line.startswith("Shown on: ")}
    assert len(shown) == 2  # events.yml and factions.yml
    by_page = {p.nav.en: p.nav.ar for p in DATA.pages.pages}
    for en, ar in shown.items():
        pages = en.removeprefix("Shown on: ").removesuffix(".").split(", ")
        assert ar == "يظهر في: " + "، ".join(md(by_page[page]) for page in pages) + "."
    line = _line_with(edited[1] / "events.yml", EN_MARK + EN_ONLY.text.en[:20])[0]
    ar_line = _line_with(edited[1] / "events.yml", EN_ONLY.text.ar[:20])[0]
    assert f"did not · السطر {line}: تغيّر النص الإنجليزي ولم يتغيّر النص العربي (السطر {ar_line})" in out
    assert "**راجع اللغة الأخرى** (1)" in out
    assert "| where · الموضع | language · اللغة | before · قبل | after · بعد |" in out
    assert "does not load" in run(edited[0], edited[0] / "missing").stdout
    assert "تعذّر تحميل بيانات طلب الدمج" in run(edited[0], edited[0] / "missing").stdout


def test_a_base_that_does_not_load_is_said(edited, tmp_path):
    broken = tmp_path / "data"
    shutil.copytree(edited[0], broken)
    (broken / "story.yml").write_text("lead: [\n", encoding="utf-8")
    result = run(broken, edited[1])
    assert result.returncode == 0
    assert "The base data (the target branch) does not load" in result.stdout
    assert "does not load" in run(edited[0], broken).stdout


def test_data_is_literal_in_the_markdown():
    said = md("a | b <img src=x> *y* [z](u)\nnext")
    assert "\n" not in said and "<" not in said
    assert "\\|" in said and "\\*y\\*" in said and "\\[z\\]" in said


# ---------------------------------------------------------------- the workflow steps that run it

WORKFLOW = ROOT / ".github" / "workflows" / "site.yml"


def _check_steps() -> list[dict]:
    import yaml

    return yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))["jobs"]["check"]["steps"]


def _step(name: str) -> dict:
    return next(step for step in _check_steps() if step.get("name") == name)


def test_the_workflow_reports_on_pull_requests_only_with_the_base_commit_from_env():
    checkout = next(s for s in _check_steps() if s.get("uses", "").startswith("actions/checkout@"))
    assert checkout["with"]["fetch-depth"] == 0 and checkout["with"]["persist-credentials"] is False
    step = _step("What this change does to the site")
    assert step["if"] == "github.event_name == 'pull_request'"
    assert step["env"]["BASE_SHA"] == "${{ github.event.pull_request.base.sha }}"
    assert "${{" not in step["run"] and '>> "$GITHUB_STEP_SUMMARY"' in step["run"]
    upload = _step("Keep the built site")
    assert upload["uses"].startswith("actions/upload-artifact@") and upload["with"]["path"] == "site/"
    assert upload["if"] == "github.event_name == 'pull_request'"


@needs_git_history
def test_the_report_step_runs_as_written(tmp_path):
    """The step's script, run in a clone of this repository against its own last commit: nothing changed."""
    clone = tmp_path / "clone"
    subprocess.run(["git", "clone", "-q", "--shared", str(ROOT), str(clone)], check=True)
    summary = tmp_path / "summary.md"
    env = {**os.environ, "GITHUB_ACTIONS": "", "RUNNER_TEMP": str(tmp_path), "GITHUB_STEP_SUMMARY": str(summary),
           "BASE_SHA": subprocess.run(["git", "rev-parse", "HEAD"], cwd=clone, capture_output=True, text=True,
                                      check=True).stdout.strip(),
           "PATH": f"{Path(sys.executable).parent}:{os.environ['PATH']}"}
    result = subprocess.run(["bash", "-e", "-c", _step("What this change does to the site")["run"]], cwd=clone,
                            env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert summary.read_text(encoding="utf-8").startswith(HEADING + "\n\nNo change")


def test_the_summary_says_how_to_open_the_built_site(tmp_path):
    summary = tmp_path / "summary.md"
    env = {**os.environ, "GITHUB_STEP_SUMMARY": str(summary), "ARTIFACT_URL": "https://example.org/a/1"}
    subprocess.run(["bash", "-e", "-c", _step("Say how to open the built site")["run"]], env=env, check=True)
    lines = [line for line in summary.read_text(encoding="utf-8").split("\n") if line]
    assert len(lines) == 1
    assert "[site-preview](https://example.org/a/1)" in lines[0]
    assert "unzip site-preview.zip -d astana-2017" in lines[0] and "<http://localhost:8000/astana-2017/>" in lines[0]


# ---------------------------------------------------------------- mentions and references, and GitHub's size limit

# What GitHub links or notifies in Markdown it renders, as its mention and issue-reference filters match them
# (html-pipeline's MentionFilter and reference patterns, documented under "Autolinked references and URLs").
GITHUB_ACTIVE = re.compile(r"(?:^|[^\w`])@[a-z0-9][a-z0-9-]*(?:/[\w.-]+)?|(?:[\w.-]+/)?[\w.-]*#\d+|\bGH-\d+",
                           re.IGNORECASE)
CODE_SPAN = re.compile(r"(?<!\\)`[^`]+`")
FORMS = ["@everyone", "@octocat", "@org/team", "@org/the-team.x", "#1", "GH-1", "gh-12", "owner/repo#1",
         "owner/re.po#22", "repo#3"]


def _active(markdown: str) -> list[str]:
    """The mentions and references GitHub would make of rendered Markdown: code spans are left alone."""
    return GITHUB_ACTIVE.findall(CODE_SPAN.sub("", markdown))


def _as_read(markdown: str) -> str:
    """What a reader sees: code spans' text as is, the report's marks of changed words (** and ~~) taken as
    formatting, backslash escapes and entities undone."""
    parts = re.split(r"((?<!\\)`[^`]+`)", markdown)
    return "".join(p[1:-1] if p.startswith("`") else
                   html.unescape(re.sub(r"\\(.)", r"\1", re.sub(r"(?<!\\)(\*\*|~~)", "", p))) for p in parts)


@pytest.mark.parametrize("form", FORMS)
def test_a_mention_or_reference_from_data_is_not_active(form):
    for text in (form, f"see {form}.", f"({form})", f"انظر {form}، ثم", f"a_b {form} *c* | d"):
        assert _active(text), text  # the detector sees it in the raw text
        said = md(text)
        assert _active(said) == [], said
        assert _as_read(said) == text, said


def test_the_report_neutralises_mentions_in_changed_texts(edited, tmp_path):
    head = tmp_path / "data"
    shutil.copytree(edited[0], head)
    events = head / "events.yml"
    positions = read_yaml(events, "data/events.yml").positions
    added = " ".join(FORMS) + " "
    events.write_text(_insert_after_quote(events.read_text(encoding="utf-8"),
                                          *positions.of_value(("events", 0, "text", "en")), added), encoding="utf-8")
    out = change_report.report(DATA, load_data(head), edited[0], head)
    row = next(line for line in out.split("\n") if "@everyone" in line)
    assert _active(row) == [], row
    assert _as_read(md(added + EVENTS[0].text.en)) in _as_read(row)


@pytest.fixture(scope="module")
def hundredfold(tmp_path_factory) -> tuple[Path, object, str]:
    """The report on data with every faction and actor a hundred times (as `make benchmark` multiplies it)."""
    full_tier_only("data ×100")
    from explainer.tools.benchmark import _multiply

    head = _multiply(tmp_path_factory.mktemp("x100") / "data", 100)
    data = load_data(head)
    return head, data, change_report.report(DATA, data, ROOT / "data", head)


def test_a_large_change_stays_under_githubs_summary_limit(hundredfold):
    assert change_report.SUMMARY_LIMIT == 1024 * 1024  # GitHub: a step's summary of more than 1 MiB is dropped
    _, _, out = hundredfold
    assert len(out.encode("utf-8")) < change_report.SUMMARY_LIMIT
    assert len(out.encode("utf-8")) > change_report.SUMMARY_LIMIT // 2  # it lists what fits, not a token few


def test_a_large_change_says_what_it_left_out(hundredfold):
    _, data, out = hundredfold
    new = sum(len(getattr(data, f).__dict__[f]) - len(getattr(DATA, f).__dict__[f]) for f in ("factions", "actors"))
    listed = out.count("(new entry · مدخل جديد)")
    left = new - listed
    assert 0 < left < new
    lines = out.split("\n")
    note = next(i for i, line in enumerate(lines) if line.startswith("**Not everything is listed:**"))
    assert f"left out below: {left} new entries." in lines[note]
    assert "Files changed" in lines[note] and "diff" in lines[note]
    assert lines[note + 2].startswith("**لم يُدرَج كل شيء:**") and f"{Counted('1 new entry', '{count} new entries', left, count=left).say('ar')}." in lines[note + 2]
    per_file = [int(m) for m in re.findall(r"^\*Not listed here: (\d+) new entr", out, re.MULTILINE)]
    assert sum(per_file) == left
    assert all(line.startswith("|") for line in lines if "(new entry" in line)


# ---------------------------------------------------------------- counts, downloads, changed words, corrections, spelling


def test_a_count_that_changes_is_said_as_before_and_after(edited):
    """The added faction is of the camp that stayed away, and an event was removed: each count as the pages count it."""
    out = run(*edited).stdout
    refused = next(c for c in DATA.camps.camps if c.id == "refused")
    share = len([f for f in DATA.factions.factions if f.camp == "refused"])
    assert f"- `factions.yml` › factions: {len(DATA.factions.factions)} → {len(DATA.factions.factions) + 1}" in out
    assert f"- `factions.yml` › factions: {md(refused.name.en)} · {md(refused.name.ar)}: {share} → {share + 1}" in out
    assert f"- `events.yml` › events: {len(EVENTS)} → {len(EVENTS) - 1}" in out
    attended = next(c for c in DATA.camps.camps if c.id == "attended")
    assert f"{md(attended.name.en)} · " not in out  # its count did not change


def test_the_downloads_are_named_when_they_change_only(edited, tmp_path):
    out = run(*edited).stdout
    assert "**Downloads that change:** `downloads/factions.csv`, `downloads/factions.json`." in out
    assert "**ملفات التنزيل التي تتغيّر:**" in out
    head = tmp_path / "data"
    shutil.copytree(edited[0], head)
    events = head / "events.yml"
    positions = read_yaml(events, "data/events.yml").positions
    events.write_text(_insert_after_quote(events.read_text(encoding="utf-8"),
                                          *positions.of_value(("events", 0, "text", "en")), EN_MARK), encoding="utf-8")
    out = run(edited[0], head).stdout
    assert "Downloads that change" not in out and "Counts that change" not in out


def _respell(word: str) -> str:
    """The word with its second-to-last letter replaced: a typing slip's distance."""
    other = "ب" if "\u0600" <= word[-2] <= "\u06ff" and word[-2] != "ب" else ("x" if word[-2] != "x" else "y")
    return word[:-2] + other + word[-1]


def _edit_text(base: Path, tmp_path: Path, index: int, lang: str, change) -> Path:
    head = tmp_path / "data"
    shutil.copytree(base, head)
    events = head / "events.yml"
    old = getattr(EVENTS[index].text, lang)
    events.write_text(events.read_text(encoding="utf-8").replace(old, change(old), 1), encoding="utf-8")
    return head


def test_a_one_letter_fix_in_a_long_arabic_text_marks_its_word_and_is_not_drift(edited, tmp_path):
    text = EVENTS[0].text.ar
    word = next(w for w in text.split() if len(w) >= 5 and w.isalpha())
    fixed = _respell(word)
    head = _edit_text(edited[0], tmp_path, 0, "ar", lambda t: t.replace(word, fixed, 1))
    result = run(edited[0], head)
    assert result.stderr == ""  # no "check the other language" warning for a spelling fix
    row = next(line for line in result.stdout.split("\n") if line.startswith("|  | ar | ") or " | ar | " in line)
    assert f"~~{md(word)}~~" in row and f"**{md(fixed)}**" in row
    assert row.count("**") == 2 and row.count("~~") == 2  # only that word is marked
    heading = Counted("**Spelling fixes** (1): one word of one language respelt; the other language need not change:",
                      "**Spelling fixes** ({count}): in each, one word of one language respelt; the other language "
                      "need not change:", 1, count=1)
    assert str(heading) in result.stdout and heading.say("ar") in result.stdout
    assert heading.say("ar").startswith("**") and "(1)" in heading.say("ar")
    assert f"~~{md(word)}~~ → **{md(fixed)}**" in result.stdout
    assert "Check the other language" not in result.stdout


def test_a_change_of_meaning_in_one_language_still_warns(edited, tmp_path):
    """Two words changed, or a number, is not a spelling fix: the other language may need the change too."""
    words = EVENTS[0].text.en.split()
    head = _edit_text(edited[0], tmp_path, 0, "en", lambda t: t.replace(words[0], _respell(words[0]), 1).replace(
        words[-1], _respell(words[-1].rstrip(".")) + ".", 1))
    assert "the English text changed but not the Arabic" in run(edited[0], head).stderr
    assert change_report.spelling_fix("held in 2016 again", "held in 2017 again") is None
    assert change_report.spelling_fix("they did not go", "they did now go") is None
    assert change_report.spelling_fix("the battle for Alepo", "the battle for Aleppo") == ("Alepo", "Aleppo")
    assert change_report.spelling_fix("قال ستافان دي ميستورا", "قال ستيفان دي ميستورا") == ("ستافان", "ستيفان")


def test_marks_cannot_be_made_by_data_and_mentions_stay_inactive():
    before, after = change_report.marked("see **x** and ~~y~~ now", "see **x** and ~~y~~ @octocat now")
    assert after.count("**") == 2 and "**`@octocat`**" in after, after
    assert "\\*\\*x\\*\\*" in after and "\\~\\~y\\~\\~" in after
    assert _active(after) == [] and _as_read(after) == "see **x** and ~~y~~ @octocat now"  # data's marks as typed
    assert change_report.marked("one", "two") == (md("one"), md("two"))  # nothing in common: nothing marked


def test_a_correction_is_its_own_entry_named_by_its_date(edited, tmp_path):
    # Before: no correction (whatever the data holds today); after: two, on the same day.
    base, head = tmp_path / "base" / "data", tmp_path / "head" / "data"
    shutil.copytree(edited[0], base)
    shutil.copytree(edited[0], head)
    set_corrections(base, "corrections: []")
    corrections = head / "corrections.yml"
    entry = ('  - date: "{date}"\n    text: {{en: "Fixed the spelling of {n}.", ar: "صُحّح إملاء اسم {n}."}}\n')
    set_corrections(head, "corrections:\n" + "".join(entry.format(date="2026-12-01", n=n) for n in ("one", "two")))
    out = run(base, head).stdout
    line = next(n for n, row in enumerate(corrections.read_text(encoding="utf-8").split("\n"), start=1)
                if row.startswith("  - date:"))
    # Ranked from the bottom, the oldest first (test_editors_walk7: a second correction of a day added on top).
    assert f"| line {line}: corrections › 2026-12-01 (2) (new entry · مدخل جديد) | en | — | text: Fixed the spelling of one. |" in out
    assert "|  | ar | — | text: صُحّح إملاء اسم one. |" in out and "|  | — | — | date: 2026-12-01 |" in out
    assert f"| line {line + 2}: corrections › 2026-12-01 (new entry · مدخل جديد) | en | — | text: Fixed the spelling of two. |" in out
    assert "(new entry · مدخل جديد) | en | — |" in out and "|  (new entry" not in out  # never an empty name


def _docstrings(tree) -> set[int]:
    """The ids of the docstring nodes: a module's, class's or function's first statement when it is a string."""
    found = set()
    for node in ast.walk(tree):
        body = getattr(node, "body", None)
        if (isinstance(body, list) and body and isinstance(body[0], ast.Expr)
                and isinstance(body[0].value, ast.Constant) and isinstance(body[0].value.value, str)):
            found.add(id(body[0].value))
    return found


def test_the_report_says_its_arabic_through_the_catalogue():
    """No Arabic letter in change_report.py's code (comments and docstrings aside): every sentence the report gives
    an editor is a message of the catalogue (explainer/locale/ar/LC_MESSAGES/messages.po), said in each language."""
    source = Path(change_report.__file__).read_text(encoding="utf-8")
    tree = ast.parse(source)
    docstrings = _docstrings(tree)
    arabic = re.compile("[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff]")
    typed = [f"change_report.py:{node.lineno}: {node.value!r}" for node in ast.walk(tree)
             if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings
             and arabic.search(node.value)]
    assert typed == []


def test_an_added_item_of_a_list_is_marked_alone():
    """An alias added to a list is the new item in bold, the old item unmarked (word by word, "al-Mujahideen" was
    struck through and "al-Mujahideen, Jaish al-Mujahidin" bold, as if the old spelling had changed)."""
    from explainer.tools.change_report import marked

    before, after = marked("Jaysh al-Mujahideen", "Jaysh al-Mujahideen, Jaish al-Mujahidin")
    assert before == "Jaysh al-Mujahideen" and after == "Jaysh al-Mujahideen**, Jaish al-Mujahidin**"
