"""Messages to editors, in English and Arabic.

A message is written once, in English, where the problem is found: `M("unknown key \"{key}\"; {fix}", key=…,
fix=M(…))`; one that counts something gives both English forms and the number, `Counted("… {n} item …", "… {n}
items …", n, n=n)`. Its str() is the English, so code and tests read it as plain text. `say(lang)` gives it in
another language, filling in the same values; a value that is itself a message is said in the same language. Values
from data (keys, ids, text) are never translated, and a template's braces never come from data, so data cannot change
what a message says.

The other languages are gettext catalogues: `pybabel extract` collects the English templates (every `M(…)`,
`Counted(…)` and `N_(…)` in explainer/) into explainer/locale/messages.pot, and each language's translations are in
explainer/locale/LANG/LC_MESSAGES/messages.po, with that language's CLDR plural forms (`make messages`,
explainer/tools/catalogue.py). The .po is compiled when it is first needed, in memory: there is no .mo file, so a
translation saved in the .po is the one said, and an out-of-date compiled copy cannot exist. As gettext does, an
entry marked fuzzy or left empty is said in English (tests/test_messages.py fails on either).
"""
from __future__ import annotations

import functools
import gettext
import io
import re
from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

from explainer.data.languages import CODES as LANGUAGES  # noqa: F401  (the messages' languages)
from explainer.data.languages import LANGUAGES as LANGUAGES_BY_CODE


SOURCE = "en"  # the language the templates are written in
LOCALE = Path(__file__).resolve().parent.parent / "locale"
DOMAIN = "messages"


def N_(template: str) -> str:
    """A template kept in a table rather than in an `M(…)`: marked so that `pybabel extract` collects it."""
    return template


class M(str):
    """A message for an editor: English as its text, and the template and values to say it again elsewhere."""

    template: str
    values: dict

    def __new__(cls, template: str, **values):
        self = super().__new__(cls, _fill(template, values, SOURCE))
        self.template = template
        self.values = values
        return self

    def say(self, lang: str) -> str:
        if lang == SOURCE:
            return str(self)
        return _fill(self.translated(translations(lang)), self.values, lang)

    def translated(self, catalogue: gettext.NullTranslations) -> str:
        return catalogue.gettext(self.template)


class Counted(M):
    """A message that counts something: each language takes the form its plural rules give for `n` (Arabic has
    six: zero, one, two, few, many, other)."""

    plural: str
    n: int

    def __new__(cls, singular: str, plural: str, n: int, **values):
        self = super().__new__(cls, gettext.NullTranslations().ngettext(singular, plural, n), **values)
        self.template, self.plural, self.n = singular, plural, n
        return self

    def translated(self, catalogue: gettext.NullTranslations) -> str:
        return catalogue.ngettext(self.template, self.plural, self.n)


class Both(str):
    """A value that exists in both languages (a page's menu label): shown in the message's language."""

    def __new__(cls, en: str, ar: str):
        self = super().__new__(cls, en)
        self.forms = {"en": en, "ar": ar}
        return self

    def say(self, lang: str) -> str:
        return self.forms.get(lang, self.forms["en"])


def say(message: str, lang: str) -> str:
    return message.say(lang) if isinstance(message, (M, Both)) else str(message)


# Unicode's isolates (UAX #9): RIGHT-TO-LEFT ISOLATE, FIRST STRONG ISOLATE, POP DIRECTIONAL ISOLATE.
RLI, FSI, PDI = "\u2067", "\u2068", "\u2069"
RTL_LANGUAGES = tuple(code for code, lang in LANGUAGES_BY_CODE.items() if lang.direction == "rtl")
_ARABIC = "\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF«»"
_LATIN_RUN = re.compile(f"[^{_ARABIC}]*[A-Za-z0-9][^{_ARABIC}]*")
# Quoted as a whole, whatever it holds: a line of a file in backticks (`- Both camps · كلا المعسكرين`, or
# ``ar: "a `b`"`` when it holds backticks itself, see `code`), or a key, an id or a value in «» (`«en:»`,
# `«Both camps · كلا المعسكرين»`, an option that holds both scripts). Each is one isolate, so its own punctuation,
# and its Arabic part, stay with it.
_WHOLE = re.compile("(?P<fence>`+)(?!`)[^\\n]*?(?<!`)(?P=fence)(?!`)|(?<=«)[^«»\\n]*[A-Za-z0-9][^«»\\n]*(?=»)")
_EDGES = " \t()[]،؛؟,;:."
_CLOSING = {")": "(", "]": "["}


def laid_out(text: str, lang: str) -> str:
    """`text` as a line of a terminal or a log shows it: an Arabic message is a right-to-left isolate, whatever the
    line starts with (`data/FILE.yml:3:5: `), and each Latin run in it (a key, an id, a file, a quoted line) an
    isolate of its own, so an Arabic reader meets the words in the order they are written. English is left as it is."""
    if lang not in RTL_LANGUAGES or not text:
        return text
    parts, done = [], 0
    for whole in _WHOLE.finditer(text):
        parts += [_LATIN_RUN.sub(_isolate, text[done:whole.start()]), f"{FSI}{whole.group()}{PDI}"]
        done = whole.end()
    return RLI + "".join(parts) + _LATIN_RUN.sub(_isolate, text[done:]) + PDI


def code(text: str) -> str:
    """`text` (a line of a file, or part of one) as a message quotes it: in backticks, as Markdown writes code, so
    that `laid_out` keeps it one isolate whatever its scripts; the backticks are more than any run of them inside,
    and a space stands between them and a backtick at an end (as in a Markdown code span)."""
    fence = "`" * (max(map(len, re.findall("`+", text)), default=0) + 1)
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{fence}{pad}{text}{pad}{fence}"


def _isolate(match: re.Match) -> str:
    """A Latin run as one isolate, without the spaces and punctuation at its edges (they belong to the Arabic
    around it), except a closing bracket whose opening one is inside (`paras: [5]`)."""
    run = match.group()
    core = run.strip(_EDGES)
    if not core:
        return run
    start = run.index(core)
    end = start + len(core)
    while end < len(run) and run[end] in _CLOSING and \
            core.count(_CLOSING[run[end]]) > core.count(run[end]):
        core += run[end]
        end += 1
    return f"{run[:start]}{FSI}{core}{PDI}{run[end:]}"


def _fill(template: str, values: dict, lang: str) -> str:
    return template.format(**{k: say(v, lang) for k, v in values.items()})


def po_file(lang: str, locale: Path = LOCALE) -> Path:
    return locale / lang / "LC_MESSAGES" / f"{DOMAIN}.po"


@functools.cache
def translations(lang: str, locale: Path = LOCALE) -> gettext.NullTranslations:
    """The language's catalogue, compiled from its .po now (in memory, as `pybabel compile` would write the .mo)."""
    if lang == SOURCE:
        return gettext.NullTranslations()
    with po_file(lang, locale).open("rb") as po:
        catalogue = read_po(po, locale=lang)
    mo = io.BytesIO()
    write_mo(mo, catalogue)  # leaves out fuzzy entries, as gettext does
    mo.seek(0)
    return gettext.GNUTranslations(mo)
