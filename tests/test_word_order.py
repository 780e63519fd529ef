"""The merge blocks take a sentence's rare words before the common ones (prefix filtering
reads short lists) and key a dated mention's rows by its types, and a store listed the
older way is listed again on opening."""

from __future__ import annotations

import math
import shutil
import zlib
from pathlib import Path

from chronicle import merge
from chronicle.store import Store, blocks

SENTENCE = (
    "The ambassador discussed relations, trade and cooperation with the fisheries "
    "inspectors over quotas for mackerel."
)

_WORD_ROWS = (
    "SELECT anchor, kind, span_class, start_day, end_day, mention_id FROM mention_blocks "
    "WHERE substr(anchor, 1, 2) IN ('s:', 'w:') ORDER BY 1, 2, 3, 4, 5, 6"
)


def test_common_words_go_last_in_their_own_order() -> None:
    words = sorted(merge.words(SENTENCE), key=blocks.word_order)
    common = blocks.common_words()
    rare = [w for w in words if w not in common]
    assert rare and words[: len(rare)] == rare
    assert {"relat", "coope", "trade", "ambas"} <= set(words[len(rare) :])
    assert [common[w] for w in words[len(rare) :]] == sorted(common[w] for w in words[len(rare) :])


def test_every_listed_word_is_a_content_word() -> None:
    """A line that `merge.words` drops (a stop word, a country) would order nothing."""
    listed = Path(blocks.__file__).parent.parent / "data" / "common_words.txt"
    lines = [line for line in listed.read_text().splitlines() if not line.startswith("#")]
    assert all(line == line.strip().lower() and merge.words(line) for line in lines)


def _old_word_rows(store: Store) -> list[tuple]:
    """The word rows as the hash order (before v26) listed the store's mentions."""
    rows = []
    for key, mention_id in store.execute("SELECT key, id FROM mentions"):
        [m] = blocks.load_mentions(store.db, [key])
        kinds, cls, start, end = blocks._place(m)
        undated = merge.kind_of(m) == "undated"
        threshold = blocks.UNDATED_SIMILARITY if undated else blocks.COARSE_SIMILARITY
        words = sorted(merge.words(m.sentence), key=lambda w: (zlib.crc32(w.encode()), w))
        keep = len(words) - math.ceil(threshold * len(words)) + 1
        prefix = "w:" if undated else "s:"
        rows += [(prefix + w, k, cls, start, end, mention_id) for w in words[:keep] for k in kinds]
    return rows


def test_a_store_listed_in_the_old_order_is_listed_again(fixture_db: Path, tmp_path: Path) -> None:
    copy = tmp_path / "old.db"
    shutil.copy(fixture_db, copy)
    with Store(copy) as store:
        now = store.execute(_WORD_ROWS)
        old = _old_word_rows(store)
        assert sorted(old) != now  # the fixtures hold common words the orders place apart
        store.execute("DELETE FROM mention_blocks WHERE substr(anchor, 1, 2) IN ('s:', 'w:')")
        store.db.conn.executemany(
            "INSERT INTO mention_blocks (anchor, kind, span_class, start_day, end_day, "
            "mention_id) VALUES (?, ?, ?, ?, ?, ?)",
            old,
        )
        store.execute("UPDATE meta SET value = '25' WHERE key = 'schema_version'")
    with Store(copy) as store:
        assert store.execute(_WORD_ROWS) == now
        assert store.check() == []


def test_a_store_waiting_for_its_blocks_to_be_rebuilt_is_not_listed_again(
    fixture_db: Path, tmp_path: Path
) -> None:
    """Blocks an older merge rule left are rebuilt whole at the next write; listing words
    into them meanwhile would give rows without their mention's traits."""
    copy = tmp_path / "unblocked.db"
    shutil.copy(fixture_db, copy)
    with Store(copy) as store:
        store.execute("DELETE FROM meta WHERE key = 'merge_rule'")
        store.execute("DELETE FROM mention_blocks")
        store.execute("DELETE FROM mention_traits")
        store.execute("UPDATE meta SET value = '25' WHERE key = 'schema_version'")
    with Store(copy) as store:
        assert store.execute("SELECT count(*) FROM mention_blocks") == [(0,)]
        assert store.check() == []


def test_a_store_keyed_before_types_is_listed_again(fixture_db: Path, tmp_path: Path) -> None:
    """Before v27 a dated row's kind was the date's kind alone (`blocks.block_kinds`)."""
    copy = tmp_path / "untyped.db"
    shutil.copy(fixture_db, copy)
    every = "SELECT * FROM mention_blocks ORDER BY 1, 2, 3, 4, 5, 6"
    with Store(copy) as store:
        now = store.execute(every)
        assert any(kind > 3 for _, kind, *_ in now)
        store.execute(
            "CREATE TEMP TABLE untyped AS SELECT DISTINCT anchor, kind & 3, span_class, "
            "start_day, end_day, mention_id FROM mention_blocks"
        )
        store.execute("DELETE FROM mention_blocks")
        store.execute(
            "INSERT INTO mention_blocks (anchor, kind, span_class, start_day, end_day, "
            "mention_id) SELECT * FROM untyped"
        )
        store.execute("UPDATE meta SET value = '26' WHERE key = 'schema_version'")
    with Store(copy) as store:
        assert store.execute(every) == now
        assert store.check() == []
