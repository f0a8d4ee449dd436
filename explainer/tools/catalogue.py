"""`python -m explainer.tools.catalogue [--check]`: the editors' messages as gettext catalogues, with Babel.

It extracts every English template (babel.cfg) into explainer/locale/messages.pot and merges it into each other
language's explainer/locale/LANG/LC_MESSAGES/messages.po (`pybabel update`): a new message comes in with an empty
translation, a changed one keeps its old translation marked fuzzy, for a translator to check in Poedit, Weblate or
a text editor. `--check` changes nothing and fails when the .pot or a .po is out of date with the code, or when a
.po has an entry that is empty, fuzzy, or whose placeholders differ from the English (`make check`, `make test`).
The .po is what the validator reads (explainer/data/messages.py compiles it in memory): there is no .mo to go stale.
"""
from __future__ import annotations

import argparse
import contextlib
import io
import string
import sys
import tempfile
from pathlib import Path

from babel.messages.frontend import BaseError, CommandLineInterface
from babel.messages.pofile import read_po

from explainer.data.languages import CODES
from explainer.data.messages import DOMAIN, LOCALE, SOURCE, M, po_file

ROOT = LOCALE.parent.parent
POT = LOCALE / f"{DOMAIN}.pot"
TRANSLATED = tuple(code for code in CODES if code != SOURCE)
# No source locations and a sorted catalogue: moving code changes nothing, and branches merge without conflicts.
EXTRACT = ["extract", "--mapping-file", "babel.cfg", "--no-location", "--sort-output", "--no-wrap",
           "--project", "astana-explainer", "--copyright-holder", "the Astana 2017 explainer's editors",
           "--msgid-bugs-address", "https://github.com/", "explainer"]
UPDATE = ["update", "--domain", DOMAIN, "--output-dir", str(LOCALE), "--no-wrap", "--ignore-pot-creation-date"]


def pybabel(*args: str) -> int:
    quiet = io.StringIO()
    with contextlib.redirect_stdout(quiet), contextlib.redirect_stderr(quiet):
        try:
            CommandLineInterface().run(["pybabel", "--quiet", *args])
        except SystemExit as exc:
            return int(exc.code or 0)
        except BaseError:  # `update --check`: "Some catalogs are out of date."
            return 1
    return 0


def read(path: Path):
    with path.open("rb") as f:
        return read_po(f)


def entries(catalogue) -> set:
    return {(m.id if isinstance(m.id, str) else tuple(m.id)) for m in catalogue if m.id}


def fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name is not None}


def translation_problems(lang: str, locale: Path = LOCALE) -> list[str]:
    """Each entry of the language's .po that would be said in English or would lose or invent a value."""
    path = po_file(lang, locale)
    catalogue = read(path)
    where = path.relative_to(ROOT) if path.is_relative_to(ROOT) else path
    problems = []
    for message in catalogue:
        if not message.id:
            continue
        english = message.id if isinstance(message.id, str) else message.id[0]
        at = f"{where}:{message.lineno}: "
        forms = [message.string] if isinstance(message.string, str) else list(message.string)
        if message.fuzzy:
            problems.append(at + M('the translation of "{english}" is marked fuzzy; check it, then remove the '
                                   '"fuzzy" flag', english=english))
        elif not all(form.strip() for form in forms):
            problems.append(at + M('"{english}" has no translation; write it in msgstr', english=english))
        elif len(forms) != (catalogue.num_plurals if message.pluralizable else 1):
            problems.append(at + M('"{english}" needs {count} plural forms (msgstr[0] to msgstr[{last}]), as the '
                                   "header's Plural-Forms says", english=english, count=catalogue.num_plurals,
                                   last=catalogue.num_plurals - 1))
        else:
            problems += [at + M('"{english}": the translation uses the placeholders {given}, the English {wanted}; '
                                "use the same ones", english=english, given=_shown(fields(form)),
                                wanted=_shown(fields(message.id[-1] if message.pluralizable else english)))
                         for form in forms if not _same_values(form, message)]
    return problems


def _same_values(form: str, message) -> bool:
    """The same placeholders as the English; a plural form may leave out the number itself ("مشكلتان": two
    problems)."""
    if not message.pluralizable:
        return fields(form) == fields(message.id)
    wanted = fields(message.id[1])
    return fields(form) <= wanted and len(wanted - fields(form)) <= 1


def _shown(names: set[str]) -> str:
    return ", ".join("{" + name + "}" for name in sorted(names)) or "none"


def out_of_date() -> list[str]:
    """What `make messages` would change: the .pot against the code, each .po against the .pot."""
    problems = []
    with tempfile.TemporaryDirectory() as tmp:
        fresh = Path(tmp) / POT.name
        if pybabel(*EXTRACT[:-1], "--output-file", str(fresh), str(ROOT / EXTRACT[-1])) != 0:
            return [M("pybabel extract failed; run {command} to see why", command="make messages")]
        if entries(read(fresh)) != entries(read(POT)):
            problems.append(f"{POT.relative_to(ROOT)}: " + M("the messages in the code changed; run {command} and "
                                                              "translate what it adds", command="make messages"))
        for lang in TRANSLATED:
            if pybabel(*UPDATE, "--input-file", str(fresh), "--locale", lang, "--check") != 0:
                problems.append(f"{po_file(lang).relative_to(ROOT)}: " + M(
                    "the catalogue is not up to date with the code; run {command} and translate what it adds",
                    command="make messages"))
    return problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m explainer.tools.catalogue", description=__doc__)
    parser.add_argument("--check", action="store_true", help="change nothing; fail if a catalogue is out of date")
    args = parser.parse_args(argv)
    if not args.check:
        pybabel(*EXTRACT[:-1], "--output-file", str(POT), str(ROOT / EXTRACT[-1]))
        for lang in TRANSLATED:
            pybabel(*UPDATE, "--input-file", str(POT), "--locale", lang)
    problems = (out_of_date() if args.check else []) + [p for lang in TRANSLATED for p in translation_problems(lang)]
    for problem in problems:
        print(problem, file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
