"""A large document's mentions keep their sentence and paragraph as text (migration
014), so no reader slices a text of many megabytes for each event: the events,
search index and detail are the same as when they are offsets into it."""

from __future__ import annotations

import pytest

from chronicle.library import fixtures_dir, ingest_paths
from chronicle.search.engine import Searcher
from chronicle.store import Store, writer

ISSI = "2018-01-10-issi-issue-brief-pakistan-japan-ties.txt"


def _chronicle(path, inline_above: int, monkeypatch: pytest.MonkeyPatch) -> Store:
    monkeypatch.setattr(writer, "INLINE_ABOVE", inline_above)
    store = Store(path)
    ingest_paths(store, [fixtures_dir()])
    return store


def _everything(store: Store) -> list:
    results = Searcher(store).search("", limit=1000)
    return [
        (e.key, e.headline, e.text, [(s.document, s.text, s.paragraph) for s in d.sources])
        for e in results.events
        if (d := store.event(e.id)) is not None
    ]


def test_inline_texts_read_back_as_the_slices_they_replace(tmp_path, monkeypatch) -> None:
    sliced = _chronicle(tmp_path / "sliced.db", 10**9, monkeypatch)
    inline = _chronicle(tmp_path / "inline.db", 4000, monkeypatch)
    assert _everything(inline) == _everything(sliced)
    assert [Searcher(inline).search("kono").total] == [Searcher(sliced).search("kono").total]
    assert inline.check() == [] and sliced.check() == []
    held = inline.execute(
        "SELECT d.name, count(*), count(m.sentence), count(m.sentence_start) FROM mentions m "
        "JOIN documents d ON d.id = m.document_id "
        "WHERE m.document_id IN (SELECT document_id FROM inline_documents) GROUP BY d.name"
    )
    assert held and all(n == texts and starts == 0 for _, n, texts, starts in held)
    assert ISSI in {name for name, *_ in held}
    assert sliced.execute("SELECT count(*) FROM inline_documents") == [(0,)]


def test_removing_a_large_document_forgets_that_it_was_one(tmp_path, monkeypatch) -> None:
    store = _chronicle(tmp_path / "c.db", 4000, monkeypatch)
    before = store.execute("SELECT count(*) FROM inline_documents")[0][0]
    assert store.remove_document(str((fixtures_dir() / ISSI).resolve()))
    assert store.execute("SELECT count(*) FROM inline_documents") == [(before - 1,)]
    assert store.check() == []
