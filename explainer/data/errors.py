"""Data errors as an editor reads them: `data/FILE.yml:LINE:COL: what is wrong; what to do`."""
from __future__ import annotations

import os
import unicodedata
from dataclasses import dataclass

from explainer.data.messages import LANGUAGES, Counted, M, laid_out, say


def visible(text: str) -> str:
    """Controls and invisible characters written as escapes (\\n, \\u202e), so that a value quoted in a message can
    never start a line of its own in a log (a pull request could otherwise print `::add-mask::` or `::warning::`
    lines into its own workflow log) nor reorder the line it stands in."""
    out = []
    for ch in text:
        if ch == "\\":
            out.append("\\\\")
        elif ch in "\n\r\t":
            out.append({"\n": "\\n", "\r": "\\r", "\t": "\\t"}[ch])
        elif unicodedata.category(ch) in ("Cc", "Cf", "Zl", "Zp", "Co", "Cn", "Cs"):
            out.append(f"\\u{ord(ch):04x}" if ord(ch) <= 0xFFFF else f"\\U{ord(ch):08x}")
        else:
            out.append(ch)
    return "".join(out)


def annotation_data(text: str) -> str:
    # As @actions/core's escapeData does.
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def annotation_property(text: str) -> str:
    # As @actions/core's escapeProperty does.
    return annotation_data(text).replace(":", "%3A").replace(",", "%2C")


@dataclass(frozen=True, order=True)
class DataError:
    file: str  # path as the editor sees it, e.g. "data/factions.yml"
    line: int  # 1-based
    col: int  # 1-based, in characters
    message: str  # "what is wrong; what to do"
    warning: bool = False  # something to look at that does not stop the build

    def __str__(self) -> str:
        return self.text("en")

    def says(self, lang: str) -> str:
        message = say(self.message, lang)
        return say(M("warning: {message}", message=message), lang) if self.warning else message

    def text(self, lang: str) -> str:
        # Every part is made visible, so one error is always one line, whatever a file name or value holds.
        # The isolates are added after: they are ours, not data's, and lay the Arabic out right to left.
        return f"{visible(f'{self.file}:{self.line}:{self.col}:')} {laid_out(visible(self.says(lang)), lang)}"

    def annotation(self) -> str:
        # GitHub turns this into a comment on the pull request's diff.
        props = f"file={annotation_property(visible(self.file))},line={self.line},col={self.col}"
        # Both languages: the pull request's readers may be either kind of editor. The Arabic half is laid out as
        # the terminal's line is (an isolate of its own), or it would be read left to right after the English.
        text = visible(say(self.message, "en"))
        arabic = visible(say(self.message, "ar"))
        if arabic != text:
            text += " · " + laid_out(arabic, "ar")
        return f"::{'warning' if self.warning else 'error'} {props}::{annotation_data(text)}"


class DataErrors(Exception):
    """Every problem found in data/, raised once so the editor sees them all together."""

    def __init__(self, errors: list[DataError]):
        self.errors = sorted(set(errors))
        super().__init__(self.report())

    def report(self) -> str:
        return "\n".join([self.summary("en") + ":", *(str(e) for e in self.errors)])

    def summary(self, lang: str) -> str:
        """One line for the end of a failed build, the errors themselves having been printed."""
        count = len(self.errors)
        message = Counted("1 problem in data/ or docs/ (above); nothing was built",
                          "{count} problems in data/ or docs/ (above); nothing was built", count, count=count)
        return laid_out(say(message, lang), lang)


def _cell(text: str) -> str:
    return visible(text).replace("|", "\\|")


def step_summary(errors: list[DataError]) -> str:
    """Every error as a Markdown table, in both languages: GitHub shows only 10 annotations per step, the job
    summary shows them all."""
    count = len(errors)
    head = (Counted("1 warning in the data", "{count} warnings in the data", count, count=count)
            if all(e.warning for e in errors) else
            Counted("1 problem in the data", "{count} problems in the data", count, count=count))
    columns = [M("file"), M("line"), M("message")]
    rows = [f"### {head} · {head.say('ar')}", "",
            f"| {columns[0]} · {columns[0].say('ar')} | {columns[1]} · {columns[1].say('ar')} | {columns[2]} | "
            f"{columns[2].say('ar')} |", "| --- | --- | --- | --- |"]
    rows += [f"| `{_cell(e.file)}` | {e.line}:{e.col} | {_cell(e.says('en'))} | {laid_out(_cell(e.says('ar')), 'ar')} |"
             for e in errors]
    return "\n".join(rows) + "\n"


def log_languages(lang: str) -> list[str]:
    """The languages a line of the log is printed in: the editor's; under GitHub Actions, every language, the chosen
    one first, since a CI log is read by editors of either language."""
    if os.environ.get("GITHUB_ACTIONS") != "true":
        return [lang]
    return [lang, *(other for other in LANGUAGES if other != lang)]


def print_errors(errors: list[DataError], stream, lang: str = "en") -> None:
    """Plain lines for people, in their language (in CI, each line again in the other language, with the same
    `FILE:LINE:COL:`); under GitHub Actions, annotations on the pull request's lines and the whole list in the job
    summary."""
    for error in errors:
        for each in log_languages(lang):
            if each == lang or error.says(each) != error.says(lang):
                print(error.text(each), file=stream)
    if os.environ.get("GITHUB_ACTIONS") == "true":
        for error in errors:
            print(error.annotation(), file=stream)
        summary = os.environ.get("GITHUB_STEP_SUMMARY")
        if summary:
            with open(summary, "a", encoding="utf-8") as out:
                out.write(step_summary(errors))
