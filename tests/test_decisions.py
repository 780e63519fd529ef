"""The analyst's joins and splits hold in every later merge, whatever the ingest order.

Decisions only add edges (a join) or cut them (a split) in the same-event graph, so
the events of a set of documents and decisions are the same however they arrive:
each test builds one reference store, then fresh stores fed the same documents in
every order, the decisions made again from their keys before, amid or after ingest.
"""

from __future__ import annotations

import itertools
import json
from pathlib import Path

import pytest

from chronicle import merge
from chronicle.library import ingest_paths
from chronicle.merge.decisions import pair
from chronicle.store import Store, StoreError
from chronicle.store.decisions import JOIN_ANCHORS, decided, follow_new_mentions
from chronicle.store.writer import load_mentions

VISIT = (
    "Prime Minister Imran Khan of Pakistan visited Japan on 12 March 2019 and held talks "
    "with Prime Minister Shinzo Abe in Tokyo.\n"
)
VISIT_AGAIN = (
    "On 12 March 2019 Prime Minister Shinzo Abe received Prime Minister Imran Khan of "
    "Pakistan, who was visiting Japan, for talks in Tokyo.\n"
)
VISIT_THIRD = (
    "Imran Khan, Prime Minister of Pakistan, visited Japan on 12 March 2019; in Tokyo "
    "he held talks with Prime Minister Shinzo Abe.\n"
)
LOAN = (
    "Foreign Minister Taro Kono of Japan signed a loan agreement with Pakistan in "
    "Islamabad on 3 June 2015.\n"
)
TALKS = "Japan and Pakistan held consultations on disarmament in Geneva on 20 November 2008.\n"

Events = frozenset[frozenset[str]]


@pytest.fixture
def docs(tmp_path: Path) -> dict[str, Path]:
    """Two reports of one visit (the rule joins them), a third one, and two other happenings."""
    folder = tmp_path / "docs"
    folder.mkdir()
    texts = {
        "visit": VISIT,
        "again": VISIT_AGAIN,
        "third": VISIT_THIRD,
        "loan": LOAN,
        "talks": TALKS,
    }
    paths = {}
    for name, text in texts.items():
        paths[name] = folder / f"{name}.txt"
        paths[name].write_text(text, encoding="utf-8")
    return paths


def events_of(store: Store) -> Events:
    """The stored events as sets of member keys."""
    found: dict[int, set[str]] = {}
    for event_id, key in store.execute("SELECT event_id, key FROM mentions"):
        found.setdefault(event_id, set()).add(key)
    return frozenset(frozenset(keys) for keys in found.values())


def global_events(store: Store) -> Events:
    """What the pure rule makes of every stored mention with the stored decisions."""
    keys = [r[0] for r in store.execute("SELECT key FROM mentions")]
    mentions = load_mentions(store.db, keys)
    return frozenset(
        frozenset(m.key for m in group) for group in merge.cluster(mentions, decided(store.db))
    )


def keys_of(store: Store, path: Path) -> list[str]:
    rows = store.execute(
        "SELECT m.key FROM mentions m JOIN documents d ON d.id = m.document_id "
        "WHERE d.path = ? ORDER BY m.key",
        [str(path)],
    )
    return [r[0] for r in rows]


def holding(store: Store, key: str) -> int:
    [(event_id,)] = store.execute("SELECT event_id FROM mentions WHERE key = ?", [key])
    return event_id


def sound(store: Store) -> Events:
    """The store's events, after checking they are sound and the global rule's."""
    assert store.check() == []
    found = events_of(store)
    assert found == global_events(store)
    return found


def every_order(tmp_path: Path, paths: list[Path], decisions: list, expected: Events) -> int:
    """Ingest `paths` in every order into fresh stores, the decisions made again from
    their keys at a different point each time; each store must give `expected`."""
    count = 0
    for n, order in enumerate(itertools.permutations(paths)):
        at = n % (len(order) + 1)  # before ingest, between two documents, or after all
        with Store(tmp_path / f"order{n}.db") as store:
            for i, path in enumerate(order):
                if i == at:
                    store.import_decisions(decisions)
                ingest_paths(store, [path])
            if at == len(order):
                store.import_decisions(decisions)
            assert sound(store) == expected, order
            assert [d.pairs for d in store.decisions()] == [d.pairs for d in decisions]
        count += 1
    return count


def test_the_documents_are_one_visit_and_two_other_happenings(tmp_path, docs):
    with Store(tmp_path / "ref.db") as store:
        ingest_paths(store, [docs["visit"], docs["again"], docs["loan"]])
        visit, again = keys_of(store, docs["visit"]), keys_of(store, docs["again"])
        loan = keys_of(store, docs["loan"])
        assert holding(store, visit[0]) == holding(store, again[0])
        assert holding(store, loan[0]) != holding(store, visit[0])
        assert sound(store)


def test_a_split_holds_in_every_ingest_order(tmp_path, docs):
    paths = [docs["visit"], docs["again"], docs["loan"], docs["talks"]]
    with Store(tmp_path / "ref.db") as store:
        ingest_paths(store, paths)
        before = sound(store)
        [visit] = keys_of(store, docs["visit"])
        [again] = keys_of(store, docs["again"])
        event_id = holding(store, visit)
        assert holding(store, again) == event_id
        now = store.split_source(event_id, visit)
        assert now != holding(store, again)
        assert store.execute("SELECT id FROM events WHERE id = ?", [now])
        after = sound(store)
        assert after != before and frozenset({visit}) in after
        [split] = store.decisions()
        assert (split.kind, split.mention_key, split.pairs, split.active) == (
            "split",
            visit,
            tuple(sorted([(visit, again)])) if visit < again else ((again, visit),),
            True,
        )
        decisions = store.decisions()
        assert store.bridged_splits() == []
    assert every_order(tmp_path, paths, decisions, after) == 24


def test_a_join_of_events_far_apart_holds_in_every_order_and_after_a_third_document(tmp_path, docs):
    paths = [docs["visit"], docs["again"], docs["loan"]]
    with Store(tmp_path / "ref.db") as store:
        ingest_paths(store, paths)
        [visit] = keys_of(store, docs["visit"])
        [loan] = keys_of(store, docs["loan"])
        loan_event, visit_event = holding(store, loan), holding(store, visit)
        both = store.join_events(loan_event, visit_event)
        assert holding(store, visit) == holding(store, loan) == both
        joined = sound(store)
        assert len(joined) == 1
        event = store.event(both)
        assert event.source_count == 3 and event.date_start in ("2015-06-03", "2019-03-12")
        decisions = store.decisions()
        assert [d.kind for d in decisions] == ["join"]
        ingest_paths(store, [docs["talks"]])  # a third happening comes: the join stays
        ingest_paths(store, [docs["third"]])  # another report of the visit: it joins in
        later = sound(store)
        [third] = keys_of(store, docs["third"])
        assert holding(store, third) == holding(store, visit) == holding(store, loan)
        assert len(later) == 2
    assert every_order(tmp_path, paths, decisions, joined) == 6


def test_a_split_bridged_by_a_later_report_is_flagged(tmp_path, docs):
    with Store(tmp_path / "ref.db") as store:
        ingest_paths(store, [docs["visit"], docs["again"]])
        [visit] = keys_of(store, docs["visit"])
        [again] = keys_of(store, docs["again"])
        store.split_source(holding(store, visit), visit)
        assert holding(store, visit) != holding(store, again)
        ingest_paths(store, [docs["third"]])  # fits both sides: a split is not a wall
        [third] = keys_of(store, docs["third"])
        assert holding(store, visit) == holding(store, again) == holding(store, third)
        [bridged] = store.bridged_splits()
        assert bridged.event_id == holding(store, visit)
        assert bridged.mention_key == visit and bridged.newcomers == (third,)
        sound(store)
        store.remove_document(str(docs["third"]))
        assert holding(store, visit) != holding(store, again)
        assert store.bridged_splits() == []
        sound(store)


def test_removal_keeps_decisions_stored_and_inactive_until_the_document_returns(tmp_path, docs):
    with Store(tmp_path / "ref.db") as store:
        ingest_paths(store, [docs["visit"], docs["again"], docs["loan"]])
        [visit] = keys_of(store, docs["visit"])
        [again] = keys_of(store, docs["again"])
        [loan] = keys_of(store, docs["loan"])
        store.split_source(holding(store, visit), visit)
        store.join_events(holding(store, loan), holding(store, again))
        made = store.decisions()
        assert [d.active for d in made] == [True, True]
        store.remove_document(str(docs["visit"]))
        assert [(d.id, d.pairs, d.active) for d in store.decisions()] == [
            (made[0].id, made[0].pairs, False),
            (made[1].id, made[1].pairs, True),
        ]
        sound(store)
        store.remove_document(str(docs["loan"]))
        assert [d.active for d in store.decisions()] == [False, False]
        assert store.counts()["events"] == 1
        ingest_paths(store, [docs["loan"], docs["visit"]])
        assert [d.active for d in store.decisions()] == [True, True]
        assert holding(store, again) == holding(store, loan) != holding(store, visit)
        sound(store)


def test_a_later_contradicting_decision_replaces_the_earlier_and_undo_re_merges(tmp_path, docs):
    with Store(tmp_path / "ref.db") as store:
        ingest_paths(store, [docs["visit"], docs["again"], docs["loan"]])
        by_rule = sound(store)
        [visit] = keys_of(store, docs["visit"])
        [again] = keys_of(store, docs["again"])
        store.split_source(holding(store, visit), visit)
        apart = sound(store)
        store.join_events(holding(store, again), holding(store, visit))
        [join] = store.decisions()  # the split's one pair is now the join's
        assert join.kind == "join"
        assert sound(store) == by_rule
        store.undo_decision(join.id)
        assert store.decisions() == [] and sound(store) == by_rule
        split_id = store.split_source(holding(store, visit), visit) and store.decisions()[0].id
        assert sound(store) == apart
        store.undo_decision(split_id)
        assert store.decisions() == [] and sound(store) == by_rule


def test_decisions_read_back_from_json_are_made_again(tmp_path, docs):
    with Store(tmp_path / "ref.db") as store:
        ingest_paths(store, [docs["visit"], docs["again"], docs["loan"]])
        [visit] = keys_of(store, docs["visit"])
        store.split_source(holding(store, visit), visit)
        expected = sound(store)
        kept = json.loads(json.dumps([d._asdict() for d in store.decisions()]))
    with Store(tmp_path / "other.db") as store:
        assert store.import_decisions(kept) == 1
        [waiting] = store.decisions()
        assert not waiting.active
        ingest_paths(store, [docs["loan"], docs["again"], docs["visit"]])
        assert sound(store) == expected
        with pytest.raises(StoreError):
            store.import_decisions([{"kind": "merge", "mention_key": visit, "pairs": []}])


def test_decisions_refuse_what_is_not_there(tmp_path, docs):
    with Store(tmp_path / "ref.db") as store:
        ingest_paths(store, [docs["visit"], docs["loan"]])
        [visit] = keys_of(store, docs["visit"])
        [loan] = keys_of(store, docs["loan"])
        with pytest.raises(StoreError, match="no other source"):
            store.split_source(holding(store, visit), visit)
        with pytest.raises(StoreError, match="not in event"):
            store.split_source(holding(store, visit), loan)
        with pytest.raises(StoreError, match="no event"):
            store.join_events(holding(store, visit), 9999)
        with pytest.raises(StoreError, match="no decision"):
            store.undo_decision(42)
        assert store.decisions() == [] and store.check() == []


def test_a_note_stays_with_the_event_a_source_is_split_from(tmp_path, docs):
    with Store(tmp_path / "ref.db") as store:
        ingest_paths(store, [docs["visit"], docs["again"]])
        [visit] = keys_of(store, docs["visit"])
        [again] = keys_of(store, docs["again"])
        event_id = holding(store, visit)
        store.annotate(event_id, starred=True, note="the visit")
        for key in sorted([visit, again]):  # whichever is the event's own key
            split_off = store.split_source(holding(store, key), key)
            [kept] = {holding(store, k) for k in (visit, again)} - {split_off}
            assert store.annotation(split_off) is None
            assert store.annotation(kept).note == "the visit"
            assert store.check() == []
            store.undo_decision(store.decisions()[0].id)
            assert store.annotation(holding(store, key)).starred


def test_a_join_holds_while_any_report_of_each_side_remains(tmp_path, docs):
    """A join is kept by a mention of each document of each event, not by the events'
    own keys only: removing the document holding one of those keeps it."""
    with Store(tmp_path / "ref.db") as store:
        ingest_paths(store, [docs["visit"], docs["again"], docs["loan"]])
        [visit] = keys_of(store, docs["visit"])
        [again] = keys_of(store, docs["again"])
        [loan] = keys_of(store, docs["loan"])
        [(own,)] = store.execute("SELECT key FROM events WHERE id = ?", [holding(store, visit)])
        store.join_events(holding(store, visit), holding(store, loan))
        [join] = store.decisions()
        assert sorted(join.pairs) == sorted(tuple(sorted((k, loan))) for k in (visit, again))
        # Remove the report holding the visit's own key first: the other still holds it.
        first, second = sorted([(visit, "visit"), (again, "again")])
        assert own == first[0]
        store.remove_document(str(docs[first[1]]))
        [join] = store.decisions()
        assert join.active
        assert holding(store, second[0]) == holding(store, loan)
        sound(store)
        store.remove_document(str(docs[second[1]]))
        assert [d.active for d in store.decisions()] == [False]
        sound(store)
        ingest_paths(store, [docs[first[1]]])  # a report comes back: the join acts again
        assert holding(store, first[0]) == holding(store, loan)
        assert [d.active for d in store.decisions()] == [True]
        sound(store)


def test_a_split_holds_while_any_source_it_was_split_from_remains(tmp_path, docs):
    """A split names every member it cut the mention from: removing one leaves the rest cut."""
    with Store(tmp_path / "ref.db") as store:
        ingest_paths(store, [docs["visit"], docs["again"], docs["third"]])
        [visit] = keys_of(store, docs["visit"])
        [again] = keys_of(store, docs["again"])
        [third] = keys_of(store, docs["third"])
        store.split_source(holding(store, visit), visit)
        assert holding(store, visit) != holding(store, again) == holding(store, third)
        store.remove_document(str(docs["again"]))
        assert holding(store, visit) != holding(store, third)
        assert [d.active for d in store.decisions()] == [True]
        sound(store)


def test_a_store_laid_out_before_decisions_has_none(tmp_path):
    """An older store opened read-only (not migrated) lists no decision; export reads it."""
    with Store(tmp_path / "old.db") as store:
        store.execute("DROP TABLE decision_pairs")
        store.execute("DROP TABLE decisions")
        assert store.decisions() == []
        assert not decided(store.db)


def test_a_join_anchors_at_most_four_documents_a_side(tmp_path, docs):
    """Each pair is read at every merge, so a join of large events stays small."""
    more = [
        "On 12 March 2019 Imran Khan, Prime Minister of Pakistan, met Prime Minister "
        "Shinzo Abe in Tokyo during his visit to Japan.\n",
        "Prime Minister Shinzo Abe held talks in Tokyo on 12 March 2019 with Prime "
        "Minister Imran Khan of Pakistan, who visited Japan.\n",
    ]
    extra = []
    for n, text in enumerate(more):
        extra.append(tmp_path / f"more{n}.txt")
        extra[-1].write_text(text, encoding="utf-8")
    with Store(tmp_path / "ref.db") as store:
        visits = [docs["visit"], docs["again"], docs["third"], *extra]
        ingest_paths(store, [*visits, docs["loan"]])
        keys = [keys_of(store, path)[0] for path in visits]
        assert len({holding(store, k) for k in keys}) == 1  # the rule made one visit of five
        [loan] = keys_of(store, docs["loan"])
        store.join_events(holding(store, keys[0]), holding(store, loan))
        [join] = store.decisions()
        anchored = sorted({k for p in join.pairs for k in p} - {loan})
        assert len(join.pairs) == len(anchored) == JOIN_ANCHORS == 4
        assert anchored == sorted(keys)[:4]  # the own key first, then by key
        sound(store)


def test_a_join_follows_reports_that_come_after_it(tmp_path, docs):
    """With the reports that joined its event after it was made anchored too (as
    `documents.add_document` would call `follow_new_mentions`), a join outlives every
    document it was first made on."""
    with Store(tmp_path / "ref.db") as store:
        ingest_paths(store, [docs["visit"], docs["loan"]])
        [visit] = keys_of(store, docs["visit"])
        [loan] = keys_of(store, docs["loan"])
        store.join_events(holding(store, visit), holding(store, loan))
        ingest_paths(store, [docs["again"]])  # another report of the visit: joins by rule
        [again] = keys_of(store, docs["again"])
        assert holding(store, again) == holding(store, loan)
        # What add_document does once it calls it (then this call finds nothing to add).
        assert follow_new_mentions(store.db, [again]) in (0, 1)
        assert follow_new_mentions(store.db, [again]) == 0  # once
        [join] = store.decisions()
        assert set(join.pairs) == {pair(visit, loan), pair(again, loan)}
        sound(store)
        store.remove_document(str(docs["visit"]))
        assert holding(store, again) == holding(store, loan)
        assert [d.active for d in store.decisions()] == [True]
        sound(store)
        ingest_paths(store, [docs["talks"]])  # another happening: no join follows it
        [talks] = keys_of(store, docs["talks"])
        assert follow_new_mentions(store.db, [talks]) == 0
