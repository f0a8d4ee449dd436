"""Command line: `python -m explainer.validate [DATA_DIR]` checks data/ and prints every problem."""
from __future__ import annotations

import sys

from .errors import DataErrors, print_errors
from .loader import load_data


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    root = args[0] if args else "data"
    try:
        data = load_data(root)
    except DataErrors as exc:
        print_errors(exc.errors, sys.stderr)
        count = len(exc.errors)
        print(f"{count} problem{'s' if count != 1 else ''} found; fix them and run this again.", file=sys.stderr)
        return 1
    print(
        f"data/ is valid: {len(data.factions.factions)} factions, {len(data.actors.actors)} actors, "
        f"{len(data.places.places)} places, {len(data.quotes.quotes)} quotes, {len(data.events.events)} events, "
        f"{data.paragraph_count} source paragraphs."
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
