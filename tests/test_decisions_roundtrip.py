"""The analyst's joins and splits travel with a JSON export: `chronicle import` makes them
again in another chronicle built from the same documents in another order, which then
holds the same events; once however often it is imported; waiting where documents are
missing; and a bad record imports nothing.

Store A holds five one-line reports: three of one visit (the rule joins them), a loan
and talks. The analyst splits the first report off the visit and joins the loan with
the talks, and stars the joined event. Real `chronicle` processes export and import.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from chronicle.library import ingest_paths
from chronicle.store import Store
from chronicle.store.decisions import identity
from tests.test_cli_import import chronicle
from tests.test_decisions import (
    LOAN,
    TALKS,
    VISIT,
    VISIT_AGAIN,
    VISIT_THIRD,
    events_of,
    holding,
    keys_of,
    sound,
)

TEXTS = {"visit": VISIT, "again": VISIT_AGAIN, "third": VISIT_THIRD, "loan": LOAN, "talks": TALKS}


@pytest.fixture(scope="module")
def docs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("docs")
    found = {}
    for name, text in TEXTS.items():
        found[name] = folder / f"{name}.txt"
        found[name].write_text(text, encoding="utf-8")
    return found


@pytest.fixture(scope="module")
def store_a(tmp_path_factory: pytest.TempPathFactory, docs: dict[str, Path]) -> Path:
    """A split of the first visit report, a join of the loan and the talks, a star."""
    db = tmp_path_factory.mktemp("a") / "a.db"
    with Store(db) as store:
        ingest_paths(store, list(docs.values()))
        [visit] = keys_of(store, docs["visit"])
        store.split_source(holding(store, visit), visit)
        [loan] = keys_of(store, docs["loan"])
        [talks] = keys_of(store, docs["talks"])
        joined = store.join_events(holding(store, loan), holding(store, talks))
        store.annotate(joined, starred=True, note="One negotiation.")
        sound(store)
    return db


@pytest.fixture(scope="module")
def exported(store_a: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("out")
    files = {}
    for fmt in ("json", "jsonl"):
        files[fmt] = folder / f"work.{fmt}"
        done = chronicle("export", "--format", fmt, "-o", str(files[fmt]), "--db", str(store_a))
        assert done.returncode == 0, done.stderr
    return files


def made_again(tmp_path: Path, docs: dict[str, Path], names: list[str]) -> Path:
    """A chronicle of these documents, in this order, one at a time."""
    db = tmp_path / "b.db"
    with Store(db) as store:
        for name in names:
            ingest_paths(store, [docs[name]])
    return db


@pytest.fixture(scope="module")
def untouched(tmp_path_factory: pytest.TempPathFactory, docs: dict[str, Path]) -> Path:
    """A chronicle that the bad imports must leave as it is (shared: none writes)."""
    return made_again(
        tmp_path_factory.mktemp("untouched"), docs, ["visit", "again", "loan", "talks"]
    )


def decisions_of(db: Path) -> list:
    with Store(db) as store:
        return store.decisions()


def test_the_export_carries_each_decision_on_the_events_it_names(store_a, exported):
    events = json.loads(exported["json"].read_text())
    with Store(store_a) as store:
        made = store.decisions()
    assert [d.kind for d in made] == ["split", "join"]
    for event in events:
        keys = {s["key"] for s in event["sources"]}
        named = [d for d in made if keys & {k for p in d.pairs for k in p}]
        assert [(d["version"], d["kind"], d["mention_key"]) for d in event["decisions"]] == [
            (1, d.kind, d.mention_key) for d in named
        ]
        assert [d["pairs"] for d in event["decisions"]] == [
            [list(p) for p in d.pairs] for d in named
        ]
    lines = [json.loads(line) for line in exported["jsonl"].read_text().splitlines()]
    assert [e["decisions"] for e in lines] == [e["decisions"] for e in events]


@pytest.mark.parametrize("fmt", ["json", "jsonl"])
def test_an_import_in_another_order_gives_the_same_events(tmp_path, docs, store_a, exported, fmt):
    b = made_again(tmp_path, docs, ["talks", "third", "loan", "again", "visit"])
    with Store(store_a) as a_store:
        expected = events_of(a_store)
        starred = a_store.event(holding(a_store, keys_of(a_store, docs["loan"])[0]))
    with Store(b) as store:
        assert events_of(store) != expected  # by the rule alone
    done = chronicle("import", str(exported[fmt]), "--db", str(b))
    assert done.returncode == 0, done.stderr
    assert "made 2 of 2 decision(s), 0 waiting; applied 1, kept 0 unattached" in done.stderr
    with Store(b) as store:
        assert sound(store) == expected
        [loan] = keys_of(store, docs["loan"])
        event = store.event(holding(store, loan))
        assert event.annotation.starred and event.annotation.note == "One negotiation."
        assert {s.key for s in event.sources} == {s.key for s in starred.sources}
    # A pair belongs to one decision in A, so the order they are made in B cannot matter.
    assert {identity(d) for d in decisions_of(b)} == {identity(d) for d in decisions_of(store_a)}


def test_importing_twice_changes_nothing(tmp_path, docs, exported):
    b = made_again(tmp_path, docs, ["loan", "visit", "talks", "again", "third"])
    first = chronicle("import", str(exported["json"]), "--db", str(b))
    assert first.returncode == 0, first.stderr
    with Store(b) as store:
        events, decisions = events_of(store), store.decisions()
        annotations = store.all_annotations()
    again = chronicle("import", str(exported["json"]), "--db", str(b))
    assert again.returncode == 0, again.stderr
    assert "made 0 of 2 decision(s)" in again.stderr
    with Store(b) as store:
        assert (events_of(store), store.decisions()) == (events, decisions)
        assert [(a.note, a.starred, a.event_id) for a in store.all_annotations()] == [
            (a.note, a.starred, a.event_id) for a in annotations
        ]
        assert store.check() == []


def test_decisions_whose_documents_are_missing_wait_and_act_when_they_come(
    tmp_path, docs, store_a, exported
):
    b = made_again(tmp_path, docs, ["again", "visit", "third"])
    done = chronicle("import", str(exported["json"]), "--db", str(b))
    assert done.returncode == 0, done.stderr
    assert "made 2 of 2 decision(s), 1 waiting" in done.stderr
    assert sorted((d.kind, d.active) for d in decisions_of(b)) == [
        ("join", False),
        ("split", True),
    ]
    with Store(b) as store:
        ingest_paths(store, [docs["loan"], docs["talks"]])
        assert [d.active for d in store.decisions()] == [True, True]
        with Store(store_a) as a_store:
            assert sound(store) == events_of(a_store)


def test_an_export_of_a_query_carries_only_the_decisions_naming_its_events(tmp_path, store_a):
    out = tmp_path / "loan.json"
    done = chronicle("export", "loan", "--format", "json", "-o", str(out), "--db", str(store_a))
    assert done.returncode == 0, done.stderr
    events = json.loads(out.read_text())
    assert events and all(e["decisions"] for e in events)
    assert {d["kind"] for e in events for d in e["decisions"]} == {"join"}


@pytest.mark.parametrize(
    ("bad", "said"),
    [
        ({"version": 2, "kind": "join"}, "version 2 is not one this chronicle reads"),
        ({"kind": "merge"}, "a decision is a join or a split, not 'merge'"),
        ({"kind": "split", "mention_key": "x", "pairs": [["x"]]}, "pairs must be a list"),
        (
            {"kind": "split", "mention_key": "z", "pairs": [["x", "y"]]},
            "mention_key 'z' is in none of its pairs",
        ),
    ],
)
def test_a_bad_decision_imports_nothing_and_says_which(tmp_path, untouched, exported, bad, said):
    events = json.loads(exported["json"].read_text())
    events[-1]["decisions"] = [*events[-1]["decisions"], bad]
    broken = tmp_path / "broken.json"
    broken.write_text(json.dumps(events), encoding="utf-8")
    b = untouched
    with Store(b) as store:
        before = events_of(store)
    done = chronicle("import", str(broken), "--db", str(b))
    assert done.returncode == 1
    [line] = done.stderr.strip().splitlines()
    number = len(events[-1]["decisions"])
    assert f"event {events[-1]['id']}, decision {number}: {said}" in line
    assert "nothing imported" in line and "Traceback" not in done.stderr
    with Store(b) as store:
        assert store.decisions() == [] and store.all_annotations() == []
        assert events_of(store) == before


def test_a_bad_annotation_after_good_decisions_keeps_none_of_them(tmp_path, untouched, exported):
    """The import is one transaction: the decisions made before the bad annotation was
    read are not kept either."""
    events = json.loads(exported["json"].read_text())
    events[-1]["annotation"] = {"starred": True, "anchors": "not a list"}
    broken = tmp_path / "broken.json"
    broken.write_text(json.dumps(events), encoding="utf-8")
    b = untouched
    with Store(b) as store:
        before = events_of(store)
    done = chronicle("import", str(broken), "--db", str(b))
    assert done.returncode == 1
    [line] = done.stderr.strip().splitlines()
    assert "nothing imported" in line and "anchors must be a list" in line
    with Store(b) as store:
        assert store.decisions() == [] and store.all_annotations() == []
        assert events_of(store) == before and store.check() == []
