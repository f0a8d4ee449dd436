"""The search index: records for every page and every named thing and event, in both languages, checked after the
build (spoilt copies of a real build are each refused); and the folding, matching and ranking of search.js, run in
Node on the real records (the browser run of the whole query set is tests/test_search_queries.py)."""
from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from explainer.data.loader import load_data
from explainer.publish import search_index
from explainer.tools.search_quality import load_queries
from explainer.publish.search_index import build_search_index, entry_records, expected_urls, index_problems
from explainer.render.strings import digits, keep_together, t

from .conftest import LANGS, ROOT

DATA = load_data(ROOT / "data")
SEARCH_JS = ROOT / "docs/assets/javascripts/search.js"


@pytest.fixture
def spoilt(site, tmp_path) -> Path:
    """A copy of the shared build to spoil."""
    return Path(shutil.copytree(site, tmp_path / "site"))


def _records(site: Path, lang: str) -> list[dict]:
    return json.loads((site / search_index.records_file(lang)).read_text(encoding="utf-8"))


def _write(site: Path, lang: str, records: list[dict]) -> None:
    (site / search_index.records_file(lang)).write_text(json.dumps(records, ensure_ascii=False), encoding="utf-8")


# ---------------------------------------------------------------- what the index must hold


def test_every_page_but_search_and_every_entry_is_expected_in_both_languages():
    expected = expected_urls(DATA)
    assert set(expected) == {"en", "ar"}
    named = [*DATA.factions.factions, *DATA.actors.actors, *DATA.places.places, *DATA.events.events]
    for lang, urls in expected.items():
        root = "ar/" if lang == "ar" else ""
        anchors = {url.partition("#")[2] for url in urls if "#" in url}
        assert anchors == {item.id for item in named}, lang
        pages = {url for url in urls if "#" not in url}
        assert pages == {root + ("" if p.id == "index" else f"{p.id}/") for p in DATA.pages.pages
                         if p.id not in search_index.NOT_INDEXED}


def test_every_entry_carries_every_spelling_the_site_lists_in_both_scripts():
    for lang in ("en", "ar"):
        by_url = {r["u"]: r for r in entry_records(DATA, lang)}
        for item in [*DATA.factions.factions, *DATA.actors.actors, *DATA.places.places]:
            record = next(r for url, r in by_url.items() if url.endswith(f"/#{item.id}"))
            names = record["n"].split(" · ")
            spellings = {item.name.en, item.name.ar, *(s for group in (item.aliases, item.former)
                                                      for lg in ("source", "en", "ar") for s in getattr(group, lg))}
            assert spellings <= set(names), (lang, item.id, spellings - set(names))


def test_the_real_build_has_a_complete_index(site):
    assert index_problems(site, expected_urls(DATA)) == []
    for lang in ("en", "ar"):
        urls = [r["u"] for r in _records(site, lang)]
        assert len(urls) == len(set(urls)), "one record per address"
        # The Names index lends no record to its letter headings ("J.", «م.»): only its top and its entries.
        assert not [u for u in urls if "#letter-" in u]


def test_a_missing_record_is_refused_with_its_address(spoilt):
    for lang in ("en", "ar"):
        records = _records(spoilt, lang)
        gone = next(r for r in records if "#" in r["u"])
        _write(spoilt, lang, [r for r in records if r is not gone])
        assert any(gone["u"] in p and "no record" in p for p in index_problems(spoilt, expected_urls(DATA)))


def test_a_record_pointing_at_a_missing_anchor_or_page_is_refused(spoilt):
    records = _records(spoilt, "ar")
    records[0] = {**records[0], "u": records[0]["u"].split("#")[0] + "#nowhere"}
    records[1] = {**records[1], "u": "ar/gone/"}
    _write(spoilt, "ar", records)
    problems = index_problems(spoilt, expected_urls(DATA))
    assert any("#nowhere points at an anchor" in p for p in problems), problems
    assert any("ar/gone/ points at a page" in p for p in problems), problems


@pytest.mark.parametrize("spoil", ["empty", "not json", "missing"])
def test_an_unreadable_records_file_is_refused(spoilt, spoil):
    path = spoilt / search_index.records_file("en")
    if spoil == "missing":
        path.unlink()
    else:
        path.write_text("" if spoil == "empty" else "[{", encoding="utf-8")
    problems = index_problems(spoilt, expected_urls(DATA))
    assert any(p.startswith(search_index.records_file("en")) and "missing, empty" in p for p in problems), problems


def test_minisearch_missing_is_refused(spoilt):
    (spoilt / search_index.MINISEARCH[1]).unlink()
    assert f"{search_index.MINISEARCH[1]} is missing or empty" in index_problems(spoilt, expected_urls(DATA))


def test_an_incomplete_index_fails_the_build_step_in_one_line(spoilt, monkeypatch):
    real = search_index.expected_urls
    monkeypatch.setattr(search_index, "expected_urls", lambda d: {**real(d), "en": real(d)["en"] | {"gone/"}})
    with pytest.raises(RuntimeError) as raised:
        build_search_index(spoilt, DATA, ROOT)
    said = str(raised.value)
    assert said.startswith("the search index is incomplete: ") and "\n" not in said and "gone/" in said


# ---------------------------------------------------------------- folding and ranking, in Node


def _node(script: str, site: Path | None = None):
    """Run an ES module snippet with `fold`, `foldWord` and (given a built site) `engine(lang)` in scope."""
    prelude = f"import * as S from {json.dumps(SEARCH_JS.as_uri())};\nconst {{ fold, foldWord }} = S;\n"
    if site is not None:
        prelude += (f"import MiniSearch from {json.dumps((site / search_index.MINISEARCH[1]).as_uri())};\n"
                    "import fs from 'fs';\n"
                    f"const engine = (lang) => S.createSearch(MiniSearch, JSON.parse(fs.readFileSync("
                    f"{json.dumps(str(site / 'assets/search'))} + '/' + lang + '.json', 'utf8')));\n")
    result = subprocess.run(["node", "--input-type=module", "-e", prelude + f"console.log(JSON.stringify({script}));"],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


# Each pair folds to the same words: what readers type against what the pages say.
SAME = [
    ("أحرار", "احرار"), ("إيران", "ايران"), ("آستانة", "استانه"), ("الأكراد", "اكراد"), ("جيش العزة", "جيش العزه"),
    ("وادي بردى", "وادي بردي"), ("جيـــش", "جيش"), ("مُحَمَّد", "محمد"), ("الزنكي", "زنكي"), ("للمفاوضات", "مفاوضات"),
    ("جنيف ٤", "جنيف 4"), ("جنيف الرابع", "جنيف 4"), ("Geneva IV", "Geneva 4"), ("Geneva fourth", "geneva 4"),
    ("Ahrar al-Sham", "Ahrar ash-Sham"), ("Ahrar el Sham", "ahrar sham"), ("Nur ad-Din az-Zinki", "Nour al-Din al-Zinki"),
    ("Alloush", "Aloush"), ("Allouch", "Alloush"), ("Jaysh", "Jaish"), ("Jaish", "Jeish"), ("Faylaq", "Failaq"),
    ("Suquor", "Suqur"), ("Sukour", "Suqour"), ("Thuwwar", "Thuwar"), ("Fastaqim", "Fastakim"), ("Türkiye", "Turkiye"),
    ("Shamiyya", "Shamiya"), ("Jabhat", "Jabha"), ("Nusrah", "Nusra"), ("Da'ish", "Daesh"),
]


def test_spellings_fold_together():
    folded = _node("[" + ",".join(f"[fold({json.dumps(a)}), fold({json.dumps(b)})]" for a, b in SAME) + "]")
    assert [pair for pair, (a, b) in zip(SAME, folded) if a != b or not a] == []


def test_one_letter_and_articles_are_no_words():
    assert _node("['J', 'J.', 'م', 'م.', 'al', 'el-', 'the', 'zzzz', 'ـ'].map(fold)") == [""] * 9


def test_a_hyphenated_word_also_stands_joined():
    assert _node("fold('cease-fire')").split() == ["kease", "fire", "keasefire"]


def test_an_exact_name_leaves_out_what_only_a_near_spelling_found(site):
    # «النصرة» is the former Fateh al-Sham Front; «النصر» is Jaysh al-Nasr, one letter off: a reader who typed the
    # one name exactly is not offered the other (review 11), which its own name still finds first.
    for lang in ("en", "ar"):
        urls = _node(f"engine('{lang}').search('النصرة').map(r => r.u)", site)
        assert urls[0].endswith("actors/#fateh-al-sham-front"), urls[:3]
        assert not [u for u in urls if u.endswith("#jaysh-al-nasr")], urls
        assert _node(f"engine('{lang}').search('جيش النصر')[0].u", site).endswith("camps/#jaysh-al-nasr")


def test_the_page_named_for_the_query_comes_first(site):
    # The pages say "Geneva IV" and «جنيف ٤»; a reader types "Geneva 4" or «جنيف الرابع» and wants the page on it,
    # not the sentences that pass through it (review 11: Outlook was third).
    for lang, query in (("en", "Geneva 4"), ("en", "Geneva-4"), ("ar", "جنيف الرابع"), ("ar", "جنيف 4")):
        first = _node(f"engine('{lang}').search({json.dumps(query, ensure_ascii=False)})[0].u", site)
        assert first == search_index.lang_root(lang) + "outlook/", (lang, query, first)


def test_an_event_result_is_titled_by_its_date_or_its_absence_over_its_whole_sentence(site):
    """Review 13: an undated event was titled by its first words, its excerpt going on from "…"."""
    for lang in ("en", "ar"):
        records = json.loads((site / search_index.records_file(lang)).read_text(encoding="utf-8"))
        for event in DATA.events.events:
            record = next(r for r in records if r["u"].endswith("timeline/#" + event.id))
            sentence = keep_together(digits(getattr(event.text, lang), lang))
            assert record["x"] == sentence and not record["x"].startswith("…"), record
            if not event.date:
                assert record["t"] == keep_together(digits(t(DATA, lang, "undated"), lang)), record


def test_a_typo_finds_its_name_and_no_prefix_answers_for_it(site):
    # Pagefind searched a word it did not know as its longest indexed prefix ("Alappo" as "Al…"): confident
    # wrong results. Here a typo is an edit away from the name, and only that.
    for typo in ("Alappo", "Alepo"):
        urls = _node(f"engine('en').search({json.dumps(typo)}).map(r => r.u)", site)
        assert urls[0] == "names/#aleppo", urls[:3]
        assert not [u for u in urls[:3] if u.startswith("camps/")], urls[:3]


def test_nothing_found_offers_the_nearest_name_and_nonsense_nothing(site):
    asked = {"en": ["Wadibarada", "Ahrarsham", "qzxv", "J."], "ar": ["حلبية", "اسطنه", "ضصثق", "م."]}
    said = _node(f"Object.fromEntries(Object.entries({json.dumps(asked, ensure_ascii=False)}).map(([lang, qs]) => "
                 "{ const e = engine(lang); return [lang, qs.map(q => [e.search(q).length, e.suggest(q)])]; }))", site)
    assert said["en"] == [[0, "Wadi Barada"], [0, "Ahrar al-Sham"], [0, None], [0, None]]
    assert said["ar"] == [[0, "حلب"], [0, "أستانا"], [0, None], [0, None]]


def test_no_result_trails_far_behind_the_first(site):
    """A weak fuzzy tail reads as answers (the «النصرة» search showed an excerpt found through «نشره», at a
    seventieth of the first result's score): every result shown scores at least a tenth of the first's."""
    queries = [q["q"] for q in load_queries()["queries"]]
    # One engine per language for all the queries, in one Node: an engine made again for each query (it reads and
    # indexes the records) made this the quick tier's slowest test.
    langs = list(LANGS)
    said = _node(f"{json.dumps(langs)}.map(lang => {{ const e = engine(lang); "
                 f"return {json.dumps(queries, ensure_ascii=False)}.map(q => e.search(q).map(r => r.score)); }})", site)
    assert len(said) == len(langs)
    for scores in said:
        trailing = [(q, s) for q, s in zip(queries, scores, strict=True) if s and min(s) < s[0] / 10]
        assert trailing == [], trailing[:5]
