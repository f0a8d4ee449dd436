"""Messages to editors, in English and Arabic.

A message is written once, in English, where the problem is found: `M("unknown key \"{key}\"; {fix}", key=…,
fix=M(…))`. Its str() is the English, so code and tests read it as plain text. `say(lang)` gives it in
another language from that language's catalog (explainer/data/messages_ar.py), filling in the same values; a value
that is itself a message is said in the same language. Values from data (keys, ids, text) are never
translated, and a template's braces never come from data, so data cannot change what a message says.
"""
from __future__ import annotations

import re

from explainer.data.languages import CODES as LANGUAGES  # noqa: F401  (the messages' languages)
from explainer.data.languages import LANGUAGES as LANGUAGES_BY_CODE


class M(str):
    """A message for an editor: English as its text, and the template and values to say it again elsewhere."""

    template: str
    values: dict

    def __new__(cls, template: str, **values):
        self = super().__new__(cls, _fill(template, values, "en"))
        self.template = template
        self.values = values
        return self

    def say(self, lang: str) -> str:
        if lang == "en":
            return str(self)
        return _fill(_catalog(lang).get(self.template, self.template), self.values, lang)


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
_EDGES = " \t()[]،؛؟,;:."


def laid_out(text: str, lang: str) -> str:
    """`text` as a line of a terminal or a log shows it: an Arabic message is a right-to-left isolate, whatever the
    line starts with (`data/FILE.yml:3:5: `), and each Latin run in it (a key, an id, a file) an isolate of its
    own, so an Arabic reader meets the words in the order they are written. English is left as it is."""
    if lang not in RTL_LANGUAGES or not text:
        return text

    def isolate(match: re.Match) -> str:
        run = match.group()
        core = run.strip(_EDGES)
        if not core:
            return run
        start = run.index(core)
        return f"{run[:start]}{FSI}{core}{PDI}{run[start + len(core):]}"

    return RLI + _LATIN_RUN.sub(isolate, text) + PDI


def _fill(template: str, values: dict, lang: str) -> str:
    return template.format(**{k: say(v, lang) for k, v in values.items()})


def _catalog(lang: str) -> dict[str, str]:
    if lang == "ar":
        from explainer.data.messages_ar import AR

        return AR
    return {}
