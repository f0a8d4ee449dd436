"""The search index is checked after the build: each language, every indexed page and faction record, no file cut
short. Mutilated copies of a real build are each refused, and two builds side by side both index completely."""
from __future__ import annotations

import asyncio
import base64
import gzip
import json
import shutil
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from explainer.publish import search_index
from explainer.publish.search_index import _Service, alias_records, build_search_index, expected_urls, index_problems
from explainer.data.loader import load_data
from explainer.data.schema import LANGUAGES

from .conftest import ROOT, copy_project, mkdocs_build

DATA = load_data(ROOT / "data")
RECORDS = [r for lang in ("en", "ar") for r in alias_records(DATA, lang)]
MAGIC = b"pagefind_dcd"


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    site = tmp_path_factory.mktemp("search") / "site"
    result = mkdocs_build(ROOT, site)
    assert result.returncode == 0, result.stderr
    return site


@pytest.fixture
def site(built, tmp_path) -> Path:
    """A copy of the built site to spoil."""
    return Path(shutil.copytree(built, tmp_path / "site"))


def _fragments(site: Path) -> dict[str, Path]:
    """Each fragment file by the URL it indexes."""
    found = {}
    for path in (site / "pagefind" / "fragment").glob("*.pf_fragment"):
        found[json.loads(gzip.decompress(path.read_bytes())[len(MAGIC):])["url"]] = path
    return found


def test_the_expected_pages_are_every_page_but_those_not_indexed(built):
    pages = [p.id for p in DATA.pages.pages if p.id not in search_index.NOT_INDEXED]
    assert pages and len(pages) < len(DATA.pages.pages)
    urls = [f"/{'' if p == 'index' else p + '/'}" for p in pages]
    assert search_index.expected_pages(built) == {"en": set(urls), "ar": {"/ar" + url for url in urls}}


def test_the_real_build_has_a_complete_index(built):
    expected = expected_urls(built, RECORDS)
    assert index_problems(built, expected) == []
    assert set(_fragments(built)) == set().union(*expected.values())
    entry = json.loads((built / "pagefind" / "pagefind-entry.json").read_text(encoding="utf-8"))
    assert {lang: e["page_count"] for lang, e in entry["languages"].items()} == {
        lang: len(urls) for lang, urls in expected.items()}


def test_a_language_missing_from_the_entry_is_refused(site):
    expected = expected_urls(site, RECORDS)
    entry_file = site / "pagefind" / "pagefind-entry.json"
    for lang in expected:
        entry = json.loads(entry_file.read_text(encoding="utf-8"))
        del entry["languages"][lang]
        entry_file.write_text(json.dumps(entry), encoding="utf-8")
        problems = index_problems(site, expected)
        assert any(f'page(s) in "{lang}"' in p for p in problems), problems


def test_an_empty_entry_file_is_refused(site):
    (site / "pagefind" / "pagefind-entry.json").write_bytes(b"")
    assert "pagefind-entry.json" in " ".join(index_problems(site, expected_urls(site, RECORDS)))


def test_a_missing_page_or_record_fragment_is_refused(site):
    expected = expected_urls(site, RECORDS)
    fragments = _fragments(site)
    page = sorted(search_index.expected_pages(site)["ar"])[0]
    record = RECORDS[0]["url"]
    for url in (page, record):
        fragments[url].unlink()
        problems = index_problems(site, expected)
        assert any(url in p for p in problems), (url, problems)


@pytest.mark.parametrize("folder", ["fragment", "index"])
def test_a_file_cut_short_is_refused(site, folder):
    path = sorted((site / "pagefind" / folder).iterdir())[0]
    path.write_bytes(path.read_bytes()[:-8])  # gzip's length and checksum are its last eight bytes
    problems = index_problems(site, expected_urls(site, RECORDS))
    assert f"pagefind/{folder}/{path.name} is cut short" in problems
    path.write_bytes(b"")
    assert f"pagefind/{folder}/{path.name} is cut short" in index_problems(site, expected_urls(site, RECORDS))


def test_an_incomplete_index_fails_the_build_step_in_one_line(site, monkeypatch):
    """build_search_index runs Pagefind and then the check (the hook turns the error into a PluginError)."""
    shutil.rmtree(site / "pagefind")
    real = search_index.expected_pages
    monkeypatch.setattr(search_index, "expected_pages", lambda d: {**real(d), "en": real(d)["en"] | {"/gone/"}})
    with pytest.raises(RuntimeError) as raised:
        search_index.build_search_index(site, DATA)
    said = str(raised.value)
    assert said.startswith("Pagefind wrote an incomplete search index: ") and "\n" not in said
    assert '"en"' in said and "/gone/" in said


def test_two_builds_side_by_side_both_index_completely(tmp_path):
    projects = [copy_project(tmp_path / f"project{i}") for i in range(2)]
    with ThreadPoolExecutor(2) as pool:
        results = list(pool.map(lambda p: (p, mkdocs_build(p, p / "site")), projects))
    for project, result in results:
        assert result.returncode == 0, result.stderr
        site = project / "site"
        expected = expected_urls(site, RECORDS)
        assert set(expected) == {"en", "ar"}
        assert index_problems(site, expected) == []


# ---------------------------------------------------------------- the service's replies, read without a pause


def _reply(message_id: int | None, payload: dict) -> bytes:
    return base64.b64encode(json.dumps({"message_id": message_id, "payload": payload}).encode()) + b","


async def _read(chunks: list[bytes], waiting: int) -> tuple[list[asyncio.Future], asyncio.Task]:
    """A service (no process) whose output is `chunks` then its end, with `waiting` requests 1, 2… open."""
    loop = asyncio.get_running_loop()
    service = _Service.__new__(_Service)
    service._responses = {i: loop.create_future() for i in range(1, waiting + 1)}
    stdout = asyncio.StreamReader()
    for chunk in chunks:
        stdout.feed_data(chunk)
    stdout.feed_eof()
    service._backend = type("Backend", (), {"stdout": stdout})()
    task = asyncio.create_task(service._wait_for_responses())
    futures = list(service._responses.values())
    await asyncio.wait_for(asyncio.wait(futures), timeout=5)
    return futures, task


def test_each_reply_goes_to_its_request_and_an_error_raises_there():
    # The index's files come back in one reply of megabytes (the library's reader stops at 2 MiB), in many pieces.
    files = {"type": "GetFiles", "files": [{"path": "pagefind.js", "content": "QQ==" * (1 << 20)}]}
    stream = _reply(2, {"type": "IndexedFile", "page_word_count": 1}) + _reply(3, files) + \
        _reply(1, {"type": "Error", "message": "no such folder", "original_message": None})

    async def run():
        futures, task = await _read([stream[i:i + 5000] for i in range(0, len(stream), 5000)], waiting=3)
        await task
        return futures

    first, second, third = asyncio.run(run())
    assert second.result() == {"type": "IndexedFile", "page_word_count": 1}
    assert third.result() == files
    with pytest.raises(Exception, match="no such folder"):
        first.result()


def test_a_request_fails_rather_than_waits_for_ever_when_the_service_stops():
    async def run():
        futures, task = await _read([_reply(1, {"type": "IndexedFile"})], waiting=2)
        await task
        return futures

    answered, orphaned = asyncio.run(run())
    assert answered.result() == {"type": "IndexedFile"}
    with pytest.raises(RuntimeError, match="stopped answering"):
        orphaned.result()


def test_every_alias_record_is_in_the_index_of_its_language(tmp_path: Path):
    for lang in LANGUAGES:
        page = tmp_path / ("" if lang == "en" else lang) / "index.html"
        page.parent.mkdir(parents=True, exist_ok=True)
        page.write_text(f'<!doctype html><html lang="{lang}"><body><main data-pagefind-body><h1>{lang}</h1><p>{lang} text</p></main>'
                        "</body></html>", encoding="utf-8")
    build_search_index(tmp_path, DATA)
    entry = json.loads((tmp_path / "pagefind/pagefind-entry.json").read_text(encoding="utf-8"))
    for lang in LANGUAGES:
        assert entry["languages"][lang]["page_count"] == 1 + len(alias_records(DATA, lang))
