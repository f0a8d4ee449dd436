"""The Pagefind index: every custom record reaches it, and the service's replies reach the request that sent each
(explainer/search_index.py reads them itself, without the library's pause before each reply)."""
from __future__ import annotations

import asyncio
import base64
import json
from pathlib import Path

import pytest

from explainer.loader import load_data
from explainer.schema import LANGUAGES
from explainer.search_index import _Service, alias_records, build_search_index

from .conftest import ROOT

DATA = load_data(ROOT / "data")


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
        page.write_text(f'<!doctype html><html lang="{lang}"><body><main><h1>{lang}</h1><p>{lang} text</p></main>'
                        "</body></html>", encoding="utf-8")
    build_search_index(tmp_path, DATA)
    entry = json.loads((tmp_path / "pagefind/pagefind-entry.json").read_text(encoding="utf-8"))
    for lang in LANGUAGES:
        assert entry["languages"][lang]["page_count"] == 1 + len(alias_records(DATA, lang))
