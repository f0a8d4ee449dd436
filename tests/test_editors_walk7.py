"""Issue 20, a seventh editors' walk (/tmp/walk7): the source's spelling kept among ours, quotation marks that
slipped through (an escaped `\\"`, «» inside an Arabic quote), and messages that blamed the wrong line or gave a
fix that did not work. Each test types what the walk typed; the places it expects are read from the data."""
from __future__ import annotations

import re
import shutil

import pytest
from bs4 import BeautifulSoup

from explainer.render import html as render

from explainer.data.errors import DataErrors
from explainer.data.loader import read_data, renamed_spellings
from explainer.pages.site import load_data

from .conftest import ROOT, data_and_docs  # noqa: F401
from .data_setups import replace_value, set_corrections
from .test_change_report import run
from .test_editors_ii import only, problems
from .test_loader import data_dir, edit, position  # noqa: F401

REAL = load_data(ROOT / "data")


def in_arabic(error) -> str:
    """The message as an Arabic editor reads it: translated (Arabic letters in it), the values kept."""
    said = error.message.say("ar")
    assert said != str(error.message) and any("\u0600" <= ch <= "\u06ff" for ch in said), said
    return said


# ---------------------------------------------------------------- 1. the source's spelling among ours


def _named_as_the_source_writes():
    """A faction whose English name is the source's own spelling (not in aliases.source) and one of our spellings
    for it: the walk's Sham Legion and "Faylaq al-Sham", found by shape (an editor may have renamed it)."""
    return next((f, f.name.en, f.aliases.en[0]) for f in REAL.factions.factions
                if f.name.en in REAL.source.names and not f.aliases.source and f.aliases.en
                and f.aliases.en[0] not in REAL.source.names)


def test_the_sources_own_spelling_in_aliases_en_is_refused_at_the_alias(data_dir):
    """Sham Legion renamed "Faylaq al-Sham" with the old name kept in aliases.en: Names said "In the source: Faylaq
    al-Sham" and "Also written (ours): Sham Legion", and the CSV's source_spellings was "Faylaq al-Sham"."""
    faction, old, new = _named_as_the_source_writes()
    replace_value(data_dir, "factions.yml", ("factions", faction.id, "name", "en"), f'"{new}"')
    text = replace_value(data_dir, "factions.yml", ("factions", faction.id, "aliases"), f'{{en: ["{old}"]}}')
    error = only(data_dir)
    assert (error.file, error.line, error.col) == ("data/factions.yml", *position(text, f'["{old}"]', 1))
    assert f'"{old}" is how the source writes the name' in str(error) and "aliases.source" in str(error)
    assert old in in_arabic(error) and "aliases.source" in in_arabic(error)


def test_the_sources_spelling_under_aliases_source_is_accepted(data_dir):
    """The fix the message gives is accepted."""
    faction, old, new = _named_as_the_source_writes()
    replace_value(data_dir, "factions.yml", ("factions", faction.id, "name", "en"), f'"{new}"')
    replace_value(data_dir, "factions.yml", ("factions", faction.id, "aliases"), f'{{source: ["{old}"]}}')
    moved = next(f for f in load_data(data_dir).factions.factions if f.id == faction.id)
    assert moved.aliases.source == [old] and moved.aliases.en == []


# ---------------------------------------------------------------- 2. an escaped straight quote


def test_an_escaped_straight_quote_inside_a_text_is_refused_as_a_bare_one(data_dir):
    """`en: "in a statement called \\"Astana\\""` was read by YAML and published with straight quotes inside."""
    escaped = edit(data_dir, "quotes.yml", 'en: "in a statement"', 'en: "in a statement called \\"Astana\\""')
    found = problems(data_dir)
    line, col = position(escaped, '\\"Astana')
    assert [(e.file, e.line, e.col) for e in found] == [("data/quotes.yml", line, col), ("data/quotes.yml", line, col + 8)]
    # The message a bare one gets, in both languages.
    edit(data_dir, "quotes.yml", '\\"Astana\\""', '"Astana""')
    bare = only(data_dir)
    for error in found:
        assert str(error.message) in str(bare.message)
        assert in_arabic(error) in bare.message.say("ar")


# ---------------------------------------------------------------- 3. a quotation inside a quote


def _blockquote(data, quote_id: str, lang: str) -> tuple[str, str]:
    """The quote's words as the page shows them, and the English original under an Arabic quote."""
    page = BeautifulSoup(render.quote(data, render.Place(lang, "", ""), quote_id), "html.parser")
    original = page.select_one(".quote__original")
    return page.blockquote.get_text(), original.get_text() if original else ""


@pytest.mark.parametrize("lang, inner, nested", [("ar", "«{}»", "«{}“{}”»"), ("en", "“{}”", "“{}‘{}’”")])
def test_a_quotation_inside_a_quote_takes_the_second_level_of_marks(data_dir, lang, inner, nested):
    """`ar: "كسب «الوقت»"` was shown «كسب «الوقت»»; Arabic publications nest «… “…” …» (English “… ‘…’ …"). The
    data keeps the language's own marks (the Arabic text rules refuse “ ”), so the page nests them."""
    item = next(q for q in REAL.quotes.quotes if q.id == "buying-time")
    text = getattr(item.text, lang)
    first, rest = text.split(" ", 1)
    edit(data_dir, "quotes.yml", f'{lang}: "{text}"', f'{lang}: "{first} {inner.format(rest)}"')
    shown, original = _blockquote(load_data(data_dir), item.id, lang)
    assert shown == nested.format(first + " ", rest)
    if lang == "ar":
        assert original == f"“{item.text.en}”"


# ---------------------------------------------------------------- 4. a key indented too little


def test_paras_indented_too_little_under_a_three_line_text_is_told_the_column_of_text(data_dir):
    """`      paras: [5]` (column 7) under a claim's `text:` with `en:` and `ar:` lines was told "start it in column 11,
    like line 54" (the `ar:` line); doing so was refused as indented too far, at column 9."""
    path = data_dir / "factions.yml"
    lines = path.read_text(encoding="utf-8").split("\n")
    at = next(n for n, line in enumerate(lines) if line.strip() == "- text:" and lines[n + 3].strip().startswith("paras:"))
    text_col = lines[at].index("text:") + 1
    lines[at + 3] = " " * (text_col - 3) + lines[at + 3].lstrip()
    path.write_text("\n".join(lines), encoding="utf-8")
    error = only(data_dir)
    assert (error.line, error.col) == (at + 4, text_col - 2)
    assert f'start it in column {text_col}, like line {at + 1}, lined up with "text"' in str(error)
    assert f"{text_col}" in in_arabic(error) and "text" in in_arabic(error)
    # Following it is accepted.
    lines[at + 3] = " " * (text_col - 1) + lines[at + 3].lstrip()
    path.write_text("\n".join(lines), encoding="utf-8")
    load_data(data_dir)


# ---------------------------------------------------------------- 5, 7. a changed camp or date blames its own entry


def _with_base(tmp_path, data_dir):
    base = tmp_path / "base"
    shutil.copytree(data_dir, base)
    return read_data(base)


@pytest.mark.parametrize("with_base", [True, False])
def test_a_faction_whose_camp_alone_changed_is_the_one_told_to_move(tmp_path, data_dir, with_base):
    """`camp: refused` on free-idlib-army alone was answered at the untouched Ajnad al-Sham below it: "this faction is
    of the camp "attended"… move it up"."""
    base = _with_base(tmp_path, data_dir) if with_base else None
    faction = next(f for f in REAL.factions.factions if f.id == "free-idlib-army")
    other = next(c.id for c in REAL.camps.camps if c.id != faction.camp)
    after = [f for f in REAL.factions.factions if f.camp == faction.camp]
    assert after[-1].id != faction.id, "test setup: a faction of its camp is listed below it"
    text = (data_dir / "factions.yml").read_text(encoding="utf-8")
    start = text.index(f"  - id: {faction.id}\n")
    camp_at = text.index(f"camp: {faction.camp}", start)
    edit(data_dir, "factions.yml", text[start:camp_at] + f"camp: {faction.camp}", text[start:camp_at] + f"camp: {other}")
    with pytest.raises(DataErrors) as caught:
        load_data(data_dir, base=base)
    moved = [e for e in caught.value.errors if "is listed among the factions of" in str(e)]
    assert [(e.line, e.col) for e in moved] == [(text.count("\n", 0, camp_at) + 1, camp_at - text.rfind("\n", 0, camp_at) + 6)]
    assert f'this faction is of the camp "{other}"' in str(moved[0])
    assert other in in_arabic(moved[0])


@pytest.mark.parametrize("event_id", ["ceasefire"])
def test_an_event_whose_date_changed_is_the_one_told_to_move(tmp_path, data_dir, event_id):
    """The ceasefire's date typed "2017-01-30": the message blamed astana-talks, "move this event up, above ceasefire"."""
    base = _with_base(tmp_path, data_dir)
    event = next(e for e in REAL.events.events if e.id == event_id)
    later = [e for e in REAL.events.events if e.date and e.date > event.date]
    new_date = "2017-01-30"
    assert later and later[0].date < new_date, "test setup: the new date is later than the next dated event"
    text = edit(data_dir, "events.yml", f'date: "{event.date}"', f'date: "{new_date}"')
    with pytest.raises(DataErrors) as caught:
        load_data(data_dir, base=base)
    (error,) = caught.value.errors
    assert (error.line, error.col) == position(text, f'"{new_date}"')
    assert f'the date {new_date} is later than the events listed after it; move this event down' in str(error)
    assert new_date in in_arabic(error)


# ---------------------------------------------------------------- 6. an old spelling kept among the source's


def test_a_rename_whose_old_spelling_is_kept_as_the_sources_says_it_is_kept(tmp_path, data_dir):
    """Alloush renamed "Mohammad Alloush" with `aliases: {source: ["Mohammed Alloush"]}`: the warnings said "or, if
    the old spelling is meant, add it to the other spellings (aliases)", though it was there."""
    base = _with_base(tmp_path, data_dir)
    actor = next(a for a in REAL.actors.actors if a.id == "alloush")
    old, new, rest = actor.name.en, actor.aliases.en[0], actor.aliases.en[1:]
    assert old in REAL.source.names, "test setup: the name is the source's spelling"
    listed = ", ".join(f'"{a}"' for a in actor.aliases.en)
    edit(data_dir, "actors.yml", f'name: {{en: "{old}", ar: "{actor.name.ar}"}}\n    aliases: {{en: [{listed}]}}',
         f'name: {{en: "{new}", ar: "{actor.name.ar}"}}\n    aliases: {{source: ["{old}"], en: [{", ".join(f"{chr(34)}{a}{chr(34)}" for a in rest)}]}}')
    head = read_data(data_dir)
    assert not head.errors
    warnings = renamed_spellings(base, head)
    assert warnings, "test setup: texts still use the old spelling"
    assert all("(kept among its other spellings)" in str(w) and "add it to" not in str(w) for w in warnings)
    assert all(old in in_arabic(w) for w in warnings)


# ---------------------------------------------------------------- 8. a common word as an alias


def test_a_common_word_as_an_alias_is_blamed_at_the_alias_with_the_text_it_matched(data_and_docs):
    """`aliases: {en: [No, "Faylaq al-Sham"]}`: "No" named Sham Legion in "No trust in the sponsors" (camps.yml), and
    the message was at the Arabic name, about camps.yml."""
    data = data_and_docs / "data"
    faction = next(f for f in REAL.factions.factions if f.aliases.en)
    listed = ", ".join(f'"{a}"' for a in faction.aliases.en)
    text = replace_value(data, "factions.yml", ("factions", faction.id, "aliases", "en"), f"[No, {listed}]")
    camps = (data / "camps.yml").read_text(encoding="utf-8")
    matched = next(n for n, line in enumerate(camps.split("\n"), 1) if re.search(r'en: "No\b', line))
    error = only(data)
    assert (error.file, error.line, error.col) == ("data/factions.yml", *position(text, "[No,", 1))
    assert f'the other spelling "No" makes a text name "{faction.name.en}"' in str(error)
    assert f'data/camps.yml:{matched}: "No ' in str(error)
    assert f"data/camps.yml:{matched}" in in_arabic(error) and "No" in in_arabic(error)


# ---------------------------------------------------------------- 9. a quote under a reason and on the page


def test_a_quote_under_a_reason_and_on_the_page_names_both_places(data_and_docs):
    """"would be shown 2 times (reasons, reasons); keep it in one place" named neither place."""
    data, docs = data_and_docs / "data", data_and_docs / "docs"
    calls = {}
    for page in sorted(docs.glob("*/*.md")):
        for n, line in enumerate(page.read_text(encoding="utf-8").split("\n"), 1):
            found = re.search(r'\{\{ quote\("([a-z0-9-]+)"\) \}\}', line)
            if found:
                calls.setdefault(found[1], []).append(f"docs/{page.relative_to(docs).as_posix()}:{n}")
    quote_id, where = next(iter(calls.items()))
    camp = next(c for c in REAL.camps.camps if any(q.speaker == c.id and q.id == quote_id for q in REAL.quotes.quotes))
    last = camp.reasons[-1]
    text = (data / "camps.yml").read_text(encoding="utf-8")
    start = text.index(f"id: {last.id}\n")
    if last.quotes:  # the quote added to the list the reason has
        listed = f"quotes: [{', '.join(last.quotes)}]"
        at = text.index(listed, start)
        text = text[:at] + listed[:-1] + f", {quote_id}]" + text[at + len(listed):]
    else:
        paras = "paras: [" + ", ".join(map(str, last.paras)) + "]\n"
        at = text.index(paras, start)
        text = text[:at] + paras + f"        quotes: [{quote_id}]\n" + text[at + len(paras):]
    (data / "camps.yml").write_text(text, encoding="utf-8")
    error = only(data)
    assert (error.file, error.line) == ("data/camps.yml", text.count("\n", 0, text.index(quote_id, start)) + 1)
    assert f'({", ".join(sorted(where))})' in str(error) and "remove it from this list" in str(error)
    assert all(w in in_arabic(error) for w in where)


# ---------------------------------------------------------------- 10. a second correction of the same day


def test_a_second_correction_of_the_same_day_is_one_new_entry(tmp_path):
    """One correction dated 2026-12-01, another of that day added on top: the report showed the old text struck
    through, replaced by the new one, and the old one as "(new entry)"."""
    base, head = tmp_path / "base" / "data", tmp_path / "head" / "data"
    entry = '  - date: "2026-12-01"\n    text: {{en: "Fixed the spelling of {n}.", ar: "صُحّح إملاء اسم {n}."}}\n'
    for root, names in ((base, ("one",)), (head, ("two", "one"))):
        shutil.copytree(ROOT / "data", root)
        set_corrections(root, "corrections:\n" + "".join(entry.format(n=n) for n in names))
    out = run(base, head).stdout
    assert out.count("new entry · مدخل جديد") == 1 and "2026-12-01 (2) (new entry" in out
    assert "Fixed the spelling of two." in out and "Fixed the spelling of one." not in out
    assert "~~" not in out


# ---------------------------------------------------------------- 11. the guides


def _blocks(markdown: str) -> list[tuple[str, list[str]]]:
    """(the dir of the <div> around it, its lines) for each code block."""
    found, direction, lines, inside = [], None, [], False
    for line in markdown.split("\n"):
        div = re.match(r'<div dir="(\w+)">', line.strip())
        if div and not inside:
            direction = div[1]
        elif line.strip().startswith("```"):
            if inside:
                found.append((direction, lines))
            inside, lines = not inside, []
        elif inside:
            lines.append(line)
        elif line.strip() == "</div>":
            direction = None
    return found


def test_the_arabic_guide_sets_each_arabic_message_right_to_left():
    """The Arabic guide quoted the Arabic messages in dir="ltr" blocks: "data/…" first, the Arabic in pieces."""
    guide = (ROOT / "CONTRIBUTING.ar.md").read_text(encoding="utf-8")
    arabic = [(d, line) for d, lines in _blocks(guide) for line in lines
              if re.match(r"data/\S+:\d+:\d+: [\u0600-\u06ff]", line)]
    assert arabic and all(d == "rtl" for d, _ in arabic), [line for d, line in arabic if d != "rtl"]


@pytest.mark.parametrize("guide", ["CONTRIBUTING.md", "CONTRIBUTING.ar.md"])
def test_the_guides_tell_paras_in_a_camp_from_named_in(guide):
    """"A faction moved to the other camp needs that camp's paragraph too", yet the validator refuses the old one."""
    text = (ROOT / guide).read_text(encoding="utf-8")
    step = text[text.index('قيمة <code dir="ltr">camp</code> إما' if guide.endswith("ar.md") else "2. `camp` is"):][:1500]
    assert "named_in" in step and ("in place of" in step or "بدلًا من" in step)
    assert "paragraph too" not in step and "أيضًا (وتذكر" not in step


# ---------------------------------------------------------------- 12. the schemas


def test_the_corrections_schema_refuses_a_month_alone():
    """`date: "2026-12"` in corrections.yml passed the JSON schema (VS Code, github.dev) though the validator needs
    the day; an event may still give a month alone."""
    from .test_schemas import validator
    fixed = {"text": {"en": "a", "ar": "ب"}}
    assert not validator("corrections.schema.json").is_valid({"corrections": [{**fixed, "date": "2026-12"}]})
    assert validator("corrections.schema.json").is_valid({"corrections": [{**fixed, "date": "2026-12-01"}]})
    event = {"id": "x", "text": {"en": "a", "ar": "ب"}, "paras": [1], "date": "2017-02"}
    assert validator("events.schema.json").is_valid({"events": [event]})


# ---------------------------------------------------------------- 12. rename warnings in a build


def test_a_build_warns_once_of_texts_still_using_an_old_spelling(tmp_path, capsys, monkeypatch):
    """The rename warnings appeared in `make validate` and CI only, never in `mkdocs build` or `make serve`."""
    import subprocess

    from explainer.publish import glue
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    monkeypatch.delenv("BASE_SHA", raising=False)
    monkeypatch.delenv("EXPLAINER_LANG", raising=False)
    project = tmp_path / "project"
    for name in ("data", "docs"):
        shutil.copytree(ROOT / name, project / name)
    git = ["git", "-C", str(project), "-c", "user.name=t", "-c", "user.email=t@example.org"]
    subprocess.run([*git, "init", "-q"], check=True)
    subprocess.run([*git, "add", "-A"], check=True)
    subprocess.run([*git, "commit", "-qm", "base"], check=True)
    # A person's Arabic name swapped with an alias of as many words (not one found inside the name: the texts would
    # then still hold the new name, and no warning is due).
    actor, new = next((a, alias) for a in REAL.actors.actors if a.kind == "person" for alias in a.aliases.ar
                      if len(alias.split()) == len(a.name.ar.split()))
    old = actor.name.ar
    replace_value(project / "data", "actors.yml", ("actors", actor.id, "name", "ar"), f'"{new}"')
    others = [a for a in actor.aliases.ar if a != new] + [old]
    replace_value(project / "data", "actors.yml", ("actors", actor.id, "aliases", "ar"),
                  "[" + ", ".join(f'"{a}"' for a in others) + "]")
    config = {"config_file_path": str(project / "mkdocs.yml"), "site_url": None}
    for _ in range(2):  # one build per language
        glue.site_data(config)
    said = [line for line in capsys.readouterr().err.splitlines() if "warning:" in line]
    assert said and all(old in line and "(kept among its other spellings)" in line for line in said)
    assert len(said) == len(set(said)), "each warning once"
