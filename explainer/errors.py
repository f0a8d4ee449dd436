"""Data errors as an editor reads them: `data/FILE.yml:LINE:COL: what is wrong; what to do`."""
from __future__ import annotations

import os
from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class DataError:
    file: str  # path as the editor sees it, e.g. "data/factions.yml"
    line: int  # 1-based
    col: int  # 1-based
    message: str  # "what is wrong; what to do"

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.col}: {self.message}"

    def annotation(self) -> str:
        # GitHub turns this into a comment on the pull request's diff; newlines must be escaped.
        text = self.message.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
        return f"::error file={self.file},line={self.line},col={self.col}::{text}"


class DataErrors(Exception):
    """Every problem found in data/, raised once so the editor sees them all together."""

    def __init__(self, errors: list[DataError]):
        self.errors = sorted(set(errors))
        super().__init__(self.report())

    def report(self) -> str:
        count = len(self.errors)
        head = f"{count} problem{'s' if count != 1 else ''} in data/; nothing was built:"
        return "\n".join([head, *(str(e) for e in self.errors)])


def print_errors(errors: list[DataError], stream) -> None:
    """Plain lines for people; workflow annotations too when running under GitHub Actions."""
    for error in errors:
        print(error, file=stream)
    if os.environ.get("GITHUB_ACTIONS") == "true":
        for error in errors:
            print(error.annotation(), file=stream)
