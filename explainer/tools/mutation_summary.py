"""`make mutation`'s last step: per module, how many of the mutants that were run each outcome had, and the share
that survived; then the name of each mutant that was not killed (`mutmut show NAME` shows its change).

Reads what mutmut left in mutants/ (one `FILE.py.meta` per mutated module). mutmut generates a mutant for every
function of those modules and the Makefile picks which are run; the others are "not checked" and not counted.
"""
from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

from mutmut.stats import status_by_exit_code


def outcomes(mutants: Path) -> dict[str, dict[str, str]]:
    """{module path: {mutant name: outcome}} for the mutants that were run."""
    found = {}
    for meta in sorted(mutants.rglob("*.py.meta")):
        codes = json.loads(meta.read_text(encoding="utf-8"))["exit_code_by_key"]
        found[str(meta.relative_to(mutants)).removesuffix(".meta")] = {
            name: status_by_exit_code[code] for name, code in codes.items() if code is not None}
    return found


def main(argv: list[str]) -> int:
    found = outcomes(Path(argv[0]) if argv else Path("mutants"))
    rows = [(module, Counter(by_name.values())) for module, by_name in found.items()]
    print(f"{'module':40} {'run':>5} {'killed':>6} {'survived':>8} {'timeout':>7} {'other':>5} {'survived %':>10}")
    total: Counter = Counter()
    for name, counts in rows + [("all", None)]:
        if counts is None:
            counts = total
        else:
            total.update(counts)
        run = sum(counts.values())
        other = run - counts["killed"] - counts["survived"] - counts["timeout"]
        share = f"{100 * counts['survived'] / run:.1f}" if run else "-"
        print(f"{name:40} {run:5} {counts['killed']:6} {counts['survived']:8} {counts['timeout']:7} {other:5} {share:>10}")
    for by_name in found.values():
        for name, outcome in by_name.items():
            if outcome != "killed":
                print(f"  {outcome}: {name}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
