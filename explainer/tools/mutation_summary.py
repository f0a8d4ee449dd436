"""`make mutation`'s last step: per module, how many of the mutants that were run each outcome had, and the share
that survived. Reads what mutmut left in mutants/ (one `FILE.py.meta` per mutated module); mutants outside the run's
selection (mutmut generates every function's, the Makefile picks which to run) are "not checked" and not counted.
"""
from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

from mutmut.stats import status_by_exit_code


def summary(mutants: Path) -> list[tuple[str, Counter]]:
    rows = []
    for meta in sorted(mutants.rglob("*.py.meta")):
        codes = json.loads(meta.read_text(encoding="utf-8"))["exit_code_by_key"].values()
        counts = Counter(status_by_exit_code[code] for code in codes if code is not None)
        rows.append((str(meta.relative_to(mutants)).removesuffix(".meta"), counts))
    return rows


def main(argv: list[str]) -> int:
    rows = summary(Path(argv[0]) if argv else Path("mutants"))
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
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
