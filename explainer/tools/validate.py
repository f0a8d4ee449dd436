"""Command line: `python -m explainer.tools.validate [--lang en|ar] [DATA_DIR]` checks data/ (and the pages beside it)
and the build's settings, and prints every problem, in the editor's language, as `FILE:LINE:COL: what is wrong;
what to do` (a setting: `VARIABLE: what is wrong; what to do`)."""
from __future__ import annotations

import argparse
import contextlib
import os
import sys
from pathlib import Path

from explainer.data.errors import DataError, DataErrors, log_languages, print_errors
from explainer.data.loader import read_data, read_data_at, renamed_warnings
from explainer.pages.site import load_data
from explainer.data.messages import LANGUAGES, Counted, M, laid_out
from explainer.data.settings import message_language, setting_errors



def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m explainer.tools.validate", description=__doc__)
    parser.add_argument("--lang", choices=LANGUAGES, default=message_language()[0],
                        help="the language of the messages (default: $EXPLAINER_LANG, else en)")
    parser.add_argument("data", nargs="?", default="data", help="the data folder (default: data)")
    parser.add_argument("--since", default=os.environ.get("BASE_SHA") or "HEAD", metavar="REVISION",
                        help="warn of texts still using a name's old spelling, renamed since this git revision "
                             "(default: $BASE_SHA, else HEAD)")
    args = parser.parse_args(sys.argv[1:] if argv is None else argv)
    settings = setting_errors()
    base = read_data_at(args.since, Path(args.data))
    for problem in settings:
        for lang in log_languages(args.lang):
            print(problem.text(lang), file=sys.stderr)
    try:
        # Rendering (to measure what each page shows) makes the edit links from the repository's address; a bad
        # one is reported above, and must not stop the data's own check.
        with _default_repository() if settings else contextlib.nullcontext():
            data = load_data(args.data, base=base)
    except DataErrors as exc:
        print_errors(exc.errors, sys.stderr, args.lang)
        return _summary(len(exc.errors) + len(settings), args.lang)
    if settings:
        return _summary(len(settings), args.lang)
    warnings = []
    if base:
        head = read_data(args.data)
        warnings = renamed_warnings(base, head, Path(args.data).resolve().parent / "docs")
    if warnings:
        print_errors(warnings, sys.stderr, args.lang)
    valid = M("data/ is valid: {factions} factions, {actors} actors, {places} places, {quotes} quotes, {events} "
              "events, {paragraphs} source paragraphs.", factions=len(data.factions.factions),
              actors=len(data.actors.actors), places=len(data.places.places), quotes=len(data.quotes.quotes),
              events=len(data.events.events), paragraphs=data.paragraph_count)
    for lang in log_languages(args.lang):
        print(laid_out(valid.say(lang), lang))
    return 0




@contextlib.contextmanager
def _default_repository():
    saved = {k: os.environ.pop(k) for k in ("REPO_URL", "GITHUB_SERVER_URL", "GITHUB_REPOSITORY") if k in os.environ}
    try:
        yield
    finally:
        os.environ.update(saved)


def _summary(count: int, lang: str) -> int:
    message = Counted("1 problem found; fix it and run this again.", "{count} problems found; fix them and run this "
                      "again.", count, count=count)
    for each in log_languages(lang):
        print(laid_out(message.say(each), each), file=sys.stderr)
    return 1


if __name__ == "__main__":
    sys.exit(main())
