"""Typical valid editor changes, applied to a copy of the project, and a round-trip editor for test setups.

Tests must not depend on today's text or counts of data/, only on its shape: an editor's correct change (a first
correction, a faction moved to the other camp, a new quote, a menu label …) must leave `make test` green. Two uses:

- `roundtrip(path)`: a test setup edits a data file through ruamel's round trip (comments, quotes and layout kept)
  instead of replacing today's text, so it works whatever the list holds (`corrections: []` or ten corrections).
- `apply_all(project)` makes the changes of CHANGES to a copy of the project, each derived from the data it finds
  (which faction, which reason, which page), not from today's text; tests/test_editors_changes.py checks the loader
  and the build accept them, and `make check-edited` runs the quick tier on such a copy, so a test whose setup
  hard-codes today's text fails there (`python -m tests.editor_changes DIR` makes such a copy in DIR).
"""
from __future__ import annotations

import contextlib
import datetime
import io
import shutil
import subprocess
import sys
from pathlib import Path

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.scalarstring import DoubleQuotedScalarString as Q

from explainer.data.loader import load_data
from explainer.data.schema import timeline_key
from explainer.pages.issue_form import FORM


def _yaml() -> YAML:
    # The data files' own layout: the round trip of an unchanged file is byte-identical (test_editors_changes).
    yaml = YAML()
    yaml.preserve_quotes = True
    yaml.width = 1_000_000
    yaml.indent(mapping=2, sequence=4, offset=2)
    return yaml


def dump(value) -> str:
    out = io.StringIO()
    _yaml().dump(value, out)
    return out.getvalue()


@contextlib.contextmanager
def roundtrip(path: Path):
    """`with roundtrip(path) as doc:` edit doc (ruamel's CommentedMap); written back on leaving the block."""
    doc = _yaml().load(path.read_text(encoding="utf-8"))
    yield doc
    path.write_text(dump(doc), encoding="utf-8")


def flow(**items) -> CommentedMap:
    """A mapping written on one line, `{en: "…", ar: "…"}`, as the data files write texts."""
    mapping = CommentedMap(items)
    mapping.fa.set_flow_style()
    return mapping


def block_list(seq: CommentedSeq) -> CommentedSeq:
    """A list that was written `[]` takes its items one per line after "- ", as the guide shows."""
    seq.fa.set_block_style()
    return seq


def text(en: str, ar: str) -> CommentedMap:
    return flow(en=Q(en), ar=Q(ar))


def short_list(*items) -> CommentedSeq:
    """A list written on one line, `[3, 5]`, as the data files write paragraphs, aliases and quote ids."""
    seq = CommentedSeq(items)
    seq.fa.set_flow_style()
    return seq


def insert(seq: CommentedSeq, index: int, item) -> None:
    seq.insert(index, item)
    block_list(seq)


# ---------------------------------------------------------------- the changes an editor makes, each derived from data


def add_correction(project: Path) -> str:
    """A correction at the top (newest first), dated today: the first one while the list is empty."""
    with roundtrip(project / "data/corrections.yml") as doc:
        pages = load_data(project / "data").pages.pages
        page = pages[len(doc["corrections"]) % len(pages)]  # another page each time: two alike would be refused
        insert(doc["corrections"], 0, CommentedMap(
            date=Q(datetime.date.today().isoformat()),
            text=text(f"A name was misspelt on the page “{page.nav.en}”; corrected.",
                      f"كان اسم مكتوبًا خطأً في صفحة «{page.nav.ar}»، وقد صُحّح.")))
    return f"a correction ({page.id})"


def change_menu_label(project: Path) -> str:
    """One page's English menu label, and the issue form's line for it (the validator asks for both)."""
    data = load_data(project / "data")
    labels = {p.nav.en for p in data.pages.pages}
    page = data.pages.pages[len(data.pages.pages) // 2]
    new = next(label for label in ("Chronology", "Overview", "Index of names") if label not in labels)
    form = project / FORM
    old_line, new_line = f"- {page.nav.en} · {page.nav.ar}\n", f"- {new} · {page.nav.ar}\n"
    source = form.read_text(encoding="utf-8")
    assert old_line in source.replace("        - ", "- "), f"the issue form lists no {old_line!r}"
    form.write_text(source.replace(f" {old_line}", f" {new_line}", 1), encoding="utf-8")
    with roundtrip(project / "data/pages.yml") as doc:
        entry = next(p for p in doc["pages"] if p["id"] == page.id)
        entry["nav"]["en"] = Q(new)
    return f"menu label of {page.id}: {page.nav.en} -> {new}"


def _new_id(stem: str, taken: set[str]) -> str:
    """`stem`, or `stem-2`, `stem-3` … when a change made again has used it."""
    return next(candidate for n in range(1, 100) if (candidate := stem if n == 1 else f"{stem}-{n}") not in taken)


def move_faction(project: Path) -> str:
    """A faction moved to the other camp: its `camp`, its paragraphs (those that name the other camp's factions),
    and its place (the end of the other camp's part of the list). One that no quote speaks for and that leaves its
    camp with others, so the move needs nothing else."""
    data = load_data(project / "data")
    factions = data.factions.factions
    members = {camp.id: [f for f in factions if f.camp == camp.id] for camp in data.camps.camps}
    quoted = {q.speaker for q in data.quotes.quotes} | {data.camps.delegation.head_of}
    moved = next(f for f in reversed(factions) if f.id not in quoted and len(members[f.camp]) > 1)
    target = next(camp for camp in members if camp != moved.camp)
    with roundtrip(project / "data/factions.yml") as doc:
        entries = doc["factions"]
        entry = entries.pop(next(i for i, e in enumerate(entries) if e["id"] == moved.id))
        entry["camp"] = target
        # Its paragraphs become those that name the other camp's factions; where the article writes its name stays.
        if "named_in" not in entry:
            entry.insert(list(entry).index("paras") + 1, "named_in", short_list(*entry["paras"]))
        entry["paras"] = short_list(*members[target][0].paras)
        last = max(i for i, e in enumerate(entries) if e["camp"] == target)
        entries.insert(last + 1, entry)
    return f"{moved.id}: {moved.camp} -> {target}"


def add_quote(project: Path) -> str:
    """A camp's quote (the source's wording: a phrase of the paragraph the reason cites), listed under that camp's
    last reason, as the guide says."""
    data = load_data(project / "data")
    camp = data.camps.camps[-1]
    reason = camp.reasons[-1]
    new_id = _new_id(f"{reason.id}-quote", {q.id for q in data.quotes.quotes})
    # Words the camp has not been quoted with yet (the same words twice are one quote, refused as a repeat).
    said = {q.text.en for q in data.quotes.quotes if q.speaker == camp.id}
    words = next(w for w in (("purely self-serving interests", "مصالح ذاتية بحتة"),
                             ("pressuring them to participate", "الضغط عليها للمشاركة"),
                             ("a major political actor", "فاعلًا سياسيًا رئيسيًا")) if w[0] not in said)
    with roundtrip(project / "data/quotes.yml") as doc:
        doc["quotes"].append(CommentedMap(
            id=new_id, speaker=camp.id,
            text=text(*words),
            occasion=text("of Turkey, as some of them say", "في وصف بعضها تركيا"),
            paras=short_list(*reason.paras)))
    with roundtrip(project / "data/camps.yml") as doc:
        entry = next(r for c in doc["camps"] if c["id"] == camp.id for r in c["reasons"] if r["id"] == reason.id)
        if "quotes" not in entry:
            entry["quotes"] = short_list()
        entry["quotes"].append(new_id)
    return f"quote {new_id} under {reason.id}"


def _variants(name: str) -> list[str]:
    """Other Latin spellings of an Arabic name, as readers may search for them."""
    swaps = (("Jaysh", "Jaish"), ("ee", "i"), ("al-", "el-"), ("ou", "u"), ("Sh", "Ch"))
    return [name.replace(old, new) for old, new in swaps if old in name]


def _spellings(data) -> set[str]:
    every = set()
    for entry in [*data.factions.factions, *data.actors.actors, *data.places.places]:
        every |= {entry.name.en, entry.name.ar}
        for aliases in (getattr(entry, "aliases", None), getattr(entry, "former", None)):
            for lang in ("source", "en", "ar"):
                every |= set(getattr(aliases, lang, None) or [])
    return every


def add_alias(project: Path) -> str:
    """A new English alias for a faction: another Latin spelling of its name."""
    data = load_data(project / "data")
    taken = _spellings(data)
    faction, alias = next((f, v) for f in data.factions.factions for v in _variants(f.name.en) if v not in taken)
    with roundtrip(project / "data/factions.yml") as doc:
        entry = next(e for e in doc["factions"] if e["id"] == faction.id)
        if "aliases" not in entry:
            entry["aliases"] = flow()
        if "en" not in entry["aliases"]:
            entry["aliases"]["en"] = short_list()
        entry["aliases"]["en"].append(Q(alias))
    return f"alias {alias!r} of {faction.id}"


def _later(date: str, day: str) -> bool:
    """Whether `date` stands after `day` in the timeline, by the rule the validator and the page share."""
    return timeline_key(date) > timeline_key(day)


def add_event(project: Path) -> str:
    """A dated event on the source's own date (the latest it can report), placed in time order."""
    data = load_data(project / "data")
    day = data.source.date
    with roundtrip(project / "data/events.yml") as doc:
        events = doc["events"]
        # Above the first event dated after that day; undated ones are left where they stand.
        later = [i for i, e in enumerate(events) if "date" in e and _later(str(e["date"]), day)]
        at = later[0] if later else len(events)
        new_id = _new_id("source-published", {e["id"] for e in events})
        events.insert(at, CommentedMap(id=new_id, date=Q(day), text=text(
            "The source article is published.", "نُشرت المقالة المصدر."), paras=short_list(1)))
    return f"event {new_id} on {day}"


def _respell(project: Path, data, file: str, entry_id: str, old: str, new: str, kind: str) -> None:
    """`old` replaced by `new` in every text of data/ and docs/ (never in the article's own spellings), and kept in
    the entry's aliases of `kind` (taken out of its aliases when it was one)."""
    source_names = list(data.source.names)
    for path in [*sorted((project / "data").glob("*.yml")), *sorted((project / "docs").rglob("*.md"))]:
        content = path.read_text(encoding="utf-8")
        if old in content:
            path.write_text(content.replace(old, new), encoding="utf-8")
    with roundtrip(project / "data/source.yml") as doc:
        for i, name in enumerate(source_names):
            if doc["names"][i] != name:
                doc["names"][i] = Q(name)
    with roundtrip(project / "data" / file) as doc:
        entry = next(e for e in doc[file.removesuffix(".yml")] if e["id"] == entry_id)
        if "aliases" not in entry:
            entry["aliases"] = flow()
        for lang in ("source", "en", "ar"):
            if new in entry["aliases"].get(lang, []):
                entry["aliases"][lang].remove(new)
                if not entry["aliases"][lang]:
                    del entry["aliases"][lang]
        if old not in entry["aliases"].get(kind, []):
            if kind not in entry["aliases"]:
                entry["aliases"][kind] = short_list()
            entry["aliases"][kind].append(Q(old))


def rename_faction(project: Path) -> str:
    """A faction's English name respelt everywhere it stands in a text (data/ and docs/), the old spelling kept as an
    alias, as the guide's "Fix a name" says."""
    data = load_data(project / "data")
    taken = _spellings(data)
    # The delegation's faction first: the texts name it most. A spelling its own English aliases may hold already
    # (it then moves from the aliases to the name).
    head = data.camps.delegation.head_of
    factions = sorted(data.factions.factions, key=lambda f: f.id != head)
    faction, new = next((f, v) for f in factions for v in _variants(f.name.en) if v not in taken - set(f.aliases.en))
    old = faction.name.en
    # The old spelling stays searchable: in aliases.source when it is the article's own, else ours.
    _respell(project, data, "factions.yml", faction.id, old, new, "source" if old in data.source.names else "en")
    return f"{faction.id}: {old} -> {new}"


def rename_in_arabic(project: Path) -> str:
    """An actor's Arabic name swapped with an Arabic alias of as many words (the walk: «ستيفان دي ميستورا» became
    «ستافان دي ميستورا»), in every text, the old spelling kept as an alias."""
    data = load_data(project / "data")
    people_first = sorted(data.actors.actors, key=lambda a: a.kind != "person")  # a person's name is in more texts
    actor, new = next((a, alias) for a in people_first for alias in a.aliases.ar
                      if len(alias.split()) == len(a.name.ar.split()))
    old = actor.name.ar
    _respell(project, data, "actors.yml", actor.id, old, new, "ar")
    return f"{actor.id}: {old} -> {new}"


def swap_name_and_alias(project: Path) -> str:
    """The first faction with English aliases renamed to one of them, in every text, the old name kept (the walk:
    "Sham Legion" became "Faylaq al-Sham", and 67 tests that typed "Sham Legion" failed)."""
    data = load_data(project / "data")
    faction = next(f for f in data.factions.factions if f.aliases.en)
    old, new = faction.name.en, faction.aliases.en[0]
    _respell(project, data, "factions.yml", faction.id, old, new, "source" if old in data.source.names else "en")
    return f"{faction.id}: {old} -> {new}"


# In the order an editor might make them one after another; each re-reads the data the one before left.
CHANGES = (add_correction, add_correction, change_menu_label, move_faction, add_quote, add_alias, add_event,
           rename_faction, swap_name_and_alias, rename_in_arabic)


def apply_all(project: Path) -> list[str]:
    return [change(project) for change in CHANGES]


# What a copy of the project for `make check-edited` leaves out: the environments, outputs and caches (the copy links
# to node_modules, and runs with this project's .venv).
NOT_COPIED = (".git", ".venv*", "venv", "node_modules", "site", "test-output", "mutants", "__pycache__", ".pytest_cache",
              ".cache", ".*.partial-*", ".*.old-*")


def _git(target: Path, *args: str) -> None:
    subprocess.run(["git", "-C", str(target), "-c", "user.name=editor", "-c", "user.email=editor@example.invalid",
                    *args], check=True, capture_output=True)


def copy_edited(target: Path) -> list[str]:
    """The project copied to `target` (the compiled catalogues with it) as a git repository of its own, as a pull
    request's check sees it: a commit of the project, then a commit of the changes of CHANGES."""
    root = Path(__file__).resolve().parent.parent
    shutil.copytree(root, target, ignore=shutil.ignore_patterns(*NOT_COPIED), symlinks=True)
    for shared in ("node_modules", ".venv"):  # links, which .gitignore's "name/" (a folder) does not leave out
        (target / shared).symlink_to(root / shared)
    _git(target, "init", "-q")
    (target / ".git" / "info" / "exclude").write_text("node_modules\n.venv\n", encoding="utf-8")
    _git(target, "add", "-A")
    _git(target, "commit", "-q", "-m", "the project as it is")
    done = apply_all(target)
    _git(target, "commit", "-q", "-a", "-m", "typical editor changes\n\n" + "\n".join(done))
    return done


if __name__ == "__main__":
    # python -m tests.editor_changes DIR: a new copy of the project in DIR, edited as an editor would.
    for done in copy_edited(Path(sys.argv[1])):
        print(done)
