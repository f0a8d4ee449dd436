"""Every message the validator can give exists in Arabic, in the gettext catalogue (explainer/locale/ar/…/messages.po),
with the same placeholders and Arabic's CLDR plural forms, and `--lang ar` prints it with the same `FILE:LINE:COL:`
prefix."""
from __future__ import annotations

import ast
import os
import re
import shutil
import string
from pathlib import Path

import pytest
from babel import Locale
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

from explainer.data import schema, yamlread
from explainer.data.messages import LOCALE, Counted, M, po_file, translations
from explainer.tools import catalogue

from .conftest import ROOT, run_main
from .test_loader import data_dir, edit, position  # noqa: F401


def templates() -> list[str]:
    """Every English template the code can produce, read from the code's syntax tree (not by Babel, which the test
    checks): each M("…") and Counted("…", "…") literal, and the tables of templates."""
    found = []
    for path in sorted((ROOT / "explainer").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in ("M", "Counted")
                    and node.args and isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, str)):
                found.append(node.args[0].value)
    found += list(schema.MESSAGES.values()) + [plain for _, _, plain in yamlread._PLAIN_SYNTAX]
    return list(dict.fromkeys(found))


def fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name is not None}


def arabic(locale: Path = LOCALE):
    with po_file("ar", locale).open("rb") as po:
        return read_po(po, locale="ar")


def singular(message) -> str:
    return message.id if isinstance(message.id, str) else message.id[0]


def test_every_message_has_an_arabic_form_and_none_is_left_over():
    found = {singular(m) for m in arabic() if m.id}
    assert [t for t in templates() if t not in found] == []
    assert found - set(templates()) == set()


def test_every_arabic_form_is_translated_with_the_same_placeholders_and_is_arabic():
    assert catalogue.translation_problems("ar") == []
    for message in arabic():
        forms = [message.string] if isinstance(message.string, str) else message.string
        words = "".join(text for text, _, _, _ in string.Formatter().parse(singular(message)))
        if message.id and any(ch.isalpha() for ch in words):
            assert all(any("\u0600" <= ch <= "\u06ff" for ch in form) for form in forms), message.id


def test_the_catalogues_are_up_to_date_with_the_code():
    """`pybabel extract` finds what the syntax tree finds, and the .pot and each .po hold exactly that."""
    assert catalogue.out_of_date() == []


@pytest.fixture
def locale_copy(tmp_path) -> Path:
    return Path(shutil.copytree(LOCALE, tmp_path / "locale"))


def rewrite(locale: Path, change) -> None:
    catalogue_ = arabic(locale)
    change(catalogue_)
    with po_file("ar", locale).open("wb") as po:
        write_po(po, catalogue_, width=0, no_location=True, sort_output=True)


def test_an_untranslated_fuzzy_or_mismatched_entry_is_named_at_its_line(locale_copy):
    fuzzy, empty, wrong = "the file is empty; restore its content", "a list", 'the page "{page}" is listed twice; keep one entry'

    def spoil(found):
        found[fuzzy].flags.add("fuzzy")
        found[empty].string = ""
        found[wrong].string = found[wrong].string.replace("{page}", "{pages}")
    rewrite(locale_copy, spoil)
    problems = catalogue.translation_problems("ar", locale_copy)
    found = arabic(locale_copy)
    assert sorted(int(p.split(":")[1]) for p in problems) == sorted(found[e].lineno for e in (fuzzy, empty, wrong))
    assert all(p.startswith("explainer/locale/ar/LC_MESSAGES/messages.po:") or "/locale/ar/" in p for p in problems)
    # As gettext does, a fuzzy or empty entry is said in English: the check above is what keeps them out.
    said = translations("ar", locale_copy)
    assert said.gettext(fuzzy) == fuzzy and said.gettext(empty) == empty


def test_the_po_is_what_is_said_and_no_compiled_copy_can_stand_for_it(locale_copy):
    """The .po is compiled in memory when first needed: a .mo left beside it (here, one compiled before the
    translation changed) is never read."""
    english = "the file is empty; restore its content"
    folder = po_file("ar", locale_copy).parent
    with (folder / "messages.mo").open("wb") as mo:
        write_mo(mo, arabic(locale_copy))
    rewrite(locale_copy, lambda found: setattr(found[english], "string", "الملف خالٍ؛ أعد ما كان فيه"))
    assert translations("ar", locale_copy).gettext(english) == "الملف خالٍ؛ أعد ما كان فيه"
    assert translations("ar").gettext(english) == arabic()[english].string
    assert not list(ROOT.joinpath("explainer").rglob("*.mo"))
    assert "*.mo" in (ROOT / ".gitignore").read_text(encoding="utf-8").split()


@pytest.mark.parametrize("n", [0, 1, 2, 3, 10, 11, 99, 100, 102, 103, 111])
def test_a_count_takes_the_arabic_plural_form_cldr_gives(n):
    """Each counted message has Arabic's six forms, and the catalogue's Plural-Forms picks the one CLDR's rule
    names for n (zero, one, two, few, many, other)."""
    categories = ["zero", "one", "two", "few", "many", "other"]
    found = arabic()
    assert found.num_plurals == len(categories)
    category = Locale("ar").plural_form(n)
    for message in found:
        if message.pluralizable:
            said = Counted(*message.id, n, **{name: n for name in fields(message.id[1])}).say("ar")
            wanted = message.string[categories.index(category)]
            assert said == wanted.format(**{name: n for name in fields(message.id[1])}), (message.id, n)
    assert Counted("1 problem in data/ or docs/ (above); nothing was built",
                   "{count} problems in data/ or docs/ (above); nothing was built", n, count=n).say("ar") == {
        "zero": "لا مشكلات في data/ أو docs/؛ لم يُبنَ شيء",
        "one": "مشكلة واحدة في data/ أو docs/ (أعلاه)؛ لم يُبنَ شيء",
        "two": "مشكلتان في data/ أو docs/ (أعلاه)؛ لم يُبنَ شيء",
        "few": f"{n} مشكلات في data/ أو docs/ (أعلاه)؛ لم يُبنَ شيء",
    }.get(category, f"{n} مشكلة في data/ أو docs/ (أعلاه)؛ لم يُبنَ شيء")


def test_a_message_is_said_in_either_language_with_its_values():
    message = M('unknown key "{key}"; did you mean "{close}"? Correct the spelling', key="nmae", close="name")
    assert str(message) == 'unknown key "nmae"; did you mean "name"? Correct the spelling'
    assert message.say("ar") == "المفتاح «nmae» غير معروف؛ هل تقصد «name»؟ صحّح الإملاء"
    nested = M("{label} is missing; add `{key}: {hint}` to this entry", label=M("the Arabic text (ar)"), key="ar", hint="…")
    assert nested.say("ar") == "النص العربي (ar) غير موجود؛ أضف `ar: …` إلى هذا المُدخل"


def test_a_value_from_data_is_never_read_as_a_template():
    message = M('the id "{value}" must be lower-case letters, digits and hyphens (like "sham-legion"); rename it',
                value="{0.__class__} {ar}")
    assert "{0.__class__} {ar}" in message.say("ar") and "{0.__class__} {ar}" in str(message)


def test_the_validator_speaks_arabic_with_the_same_positions(data_dir):
    text = edit(data_dir, "factions.yml", "    camp: attended\n", "    camp: atended\n")
    line, col = position(text, "atended")
    run = lambda *args: run_main("explainer.tools.validate", *args, str(data_dir),  # noqa: E731
                                 env={**os.environ, "GITHUB_ACTIONS": ""})
    english, arabic = run(), run("--lang", "ar")
    assert english.returncode == arabic.returncode == 1
    assert f'data/factions.yml:{line}:{col}: camp "atended" is not one of: attended, refused; did you mean "attended"?' in english.stderr
    plain = re.sub("[\u2066-\u2069]", "", arabic.stderr)  # the isolates that lay it out right to left
    assert f"data/factions.yml:{line}:{col}: القيمة «atended» في camp ليست من بين: attended, refused؛ هل تقصد «attended»؟" in plain
    # The validator's default language is the editor's choice, EXPLAINER_LANG (`make validate lang=ar` overrides it).
    chosen = run_main("explainer.tools.validate", str(data_dir),
                      env={**os.environ, "GITHUB_ACTIONS": "", "EXPLAINER_LANG": "ar"})
    assert chosen.stderr == arabic.stderr


def test_the_ci_log_gives_each_message_in_both_languages(data_dir):
    """GitHub Actions' log of the "Validate data" step is read by editors of either language: each line in the chosen
    language, then in the other, with the same `FILE:LINE:COL:`; the summary too. A terminal gets one language."""
    text = edit(data_dir, "factions.yml", "    camp: attended\n", "    camp: atended\n")
    line, col = position(text, "atended")
    run = lambda **env: run_main("explainer.tools.validate", str(data_dir), env={**os.environ, **env})  # noqa: E731
    english = f'data/factions.yml:{line}:{col}: camp "atended" is not one of: attended, refused; did you mean "attended"?'
    arabic = f"data/factions.yml:{line}:{col}: القيمة «atended» في camp ليست من بين: attended, refused؛ هل تقصد «attended»؟"
    ci = [re.sub("[\u2066-\u2069]", "", row) for row in run(GITHUB_ACTIONS="true").stderr.splitlines()]
    assert ci.index(arabic) == ci.index(english) + 1, ci
    assert "1 problem found; fix it and run this again." in ci and "وُجدت مشكلة واحدة؛ أصلحها ثم شغّل هذا مرة أخرى." in ci
    local = [re.sub("[\u2066-\u2069]", "", row) for row in run(GITHUB_ACTIONS="").stderr.splitlines()]
    assert english in local and arabic not in local and not [row for row in local if "مشكلة" in row]
    chosen = [re.sub("[\u2066-\u2069]", "", row) for row in run(GITHUB_ACTIONS="true", EXPLAINER_LANG="ar").stderr.splitlines()]
    assert chosen.index(english) == chosen.index(arabic) + 1  # the chosen language first
