"""Search finds what readers type: every query of tests/search_queries.yml (written before any search was run),
typed on its language's search page of the built site in Chromium, finds its entry among the first three results;
nonsense and one letter find nothing, and a query that finds nothing offers a spelling that does."""
from __future__ import annotations

import pytest

from explainer.tools.search_quality import TOP, load_queries, run_queries, score

from .conftest import OUTPUT

pytestmark = pytest.mark.browser
SET = load_queries()


def test_the_set_is_large_and_covers_both_pages_and_every_kind():
    queries = SET["queries"]
    assert len(queries) >= 100
    assert {q["page"] for q in queries} == {"en", "ar"}
    assert {"typo", "hamza", "article", "script", "prefix"} <= {q["kind"] for q in queries}


def test_every_query_finds_its_entry_in_the_first_three(browser, server):
    outcomes = run_queries(browser, server, SET["queries"])
    hits, total = score(outcomes)
    misses = [f"{o.page} «{o.query}» wants {' or '.join(o.expect)}; got {[r[0] for r in o.found[:TOP]]}"
              for o in outcomes if not o.hit]
    OUTPUT.mkdir(exist_ok=True)
    (OUTPUT / "search-score.txt").write_text(f"{hits}/{total} in the first {TOP}\n" + "\n".join(misses) + "\n",
                                             encoding="utf-8")
    print(f"search: {hits}/{total} ({hits / total:.1%}) find their entry in the first {TOP}")
    assert misses == []


def test_nonsense_and_one_letter_find_nothing(browser, server):
    outcomes = run_queries(browser, server, SET["nothing"])
    assert [(o.page, o.query, o.found) for o in outcomes if o.found] == []
