"""Messages to editors, in English and Arabic.

A message is written once, in English, where the problem is found: `M("unknown key \"{key}\"; {fix}", key=…,
fix=M(…))`. Its str() is the English, so code and tests read it as plain text. `say(lang)` gives it in
another language from that language's catalog (explainer/data/messages_ar.py), filling in the same values; a value
that is itself a message is said in the same language. Values from data (keys, ids, text) are never
translated, and a template's braces never come from data, so data cannot change what a message says.
"""
from __future__ import annotations

from explainer.data.languages import CODES as LANGUAGES  # noqa: F401  (the messages' languages)


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


def _fill(template: str, values: dict, lang: str) -> str:
    return template.format(**{k: say(v, lang) for k, v in values.items()})


def _catalog(lang: str) -> dict[str, str]:
    if lang == "ar":
        from explainer.data.messages_ar import AR

        return AR
    return {}
