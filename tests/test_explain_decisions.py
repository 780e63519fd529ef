"""Why merged says what the analyst decided: a join is "joined by you" (no "no rule
links" flag), a source split off is a neighbour "split off by you", and a split a later
report bridged is flagged; on real stores built from small documents."""

from __future__ import annotations

from pathlib import Path

import pytest

from chronicle.library import ingest_paths
from chronicle.merge import explain
from chronicle.store import Store
from chronicle.store.explanations import merge_inputs
from tests.test_decisions import LOAN, TALKS, VISIT, VISIT_AGAIN, VISIT_THIRD, holding, keys_of
from tests.test_merge_explain import KONO_IN_APRIL, KONO_MOFA, LAST_MONTH


@pytest.fixture
def paths(tmp_path: Path) -> dict[str, Path]:
    """Three reports of one visit (the rule joins them) and two other happenings."""
    folder = tmp_path / "docs"
    folder.mkdir()
    texts = {"visit": VISIT, "again": VISIT_AGAIN, "third": VISIT_THIRD}
    texts |= {"loan": LOAN, "talks": TALKS}
    found = {}
    for name, text in texts.items():
        found[name] = folder / f"{name}.txt"
        found[name].write_text(text, encoding="utf-8")
    return found


def key(store: Store, path: Path) -> str:
    [only] = keys_of(store, path)
    return only


def test_a_joined_event_says_joined_by_you_and_is_not_flagged(tmp_path, paths):
    with Store(tmp_path / "c.db") as store:
        ingest_paths(store, [paths["visit"], paths["again"], paths["loan"]])
        visit, loan = key(store, paths["visit"]), key(store, paths["loan"])
        again = key(store, paths["again"])
        both = store.join_events(holding(store, loan), holding(store, visit))
        reasons = store.merge_reasons(both)
        members, fits, neighbours, decided, bridges = merge_inputs(store.db.conn, both)
        [made] = store.decisions()
    assert reasons.sources == 3
    # A join holds each report of one side with each of the other (store.decisions).
    joins = [p for p in reasons.pairs if p.rule == "joined"]
    assert {tuple(sorted((j.member.key, j.to.key))) for j in joins} == set(made.pairs)
    assert {k for j in joins for k in (j.member.key, j.to.key)} == {loan, visit, again}
    assert decided.partners(loan) == sorted([visit, again])
    assert not any("no rule links" in flag for flag in reasons.review_flags)
    assert "sources disagree on the date" in " ".join(reasons.review_flags)
    lines = reasons.lines()
    assert any("loan.txt" in line and line.endswith(": joined by you") for line in lines)
    # The rule alone cannot tie the loan to the visit: without the decision it says so.
    alone = explain.explain(members, fits, neighbours)
    assert any("2 groups of sources no rule links now" in f for f in alone.review_flags)
    assert bridges == []


def test_a_source_split_off_is_a_neighbour_split_off_by_you(tmp_path, paths):
    with Store(tmp_path / "c.db") as store:
        ingest_paths(store, [paths["visit"], paths["again"], paths["third"], paths["talks"]])
        visit, again = key(store, paths["visit"]), key(store, paths["again"])
        store.split_source(holding(store, visit), visit)
        left, alone = holding(store, again), holding(store, visit)
        assert left != alone
        kept = store.merge_reasons(left)
        gone = store.merge_reasons(alone)
    [near] = [n for n in kept.near if n.event_id == alone]
    assert near.reasons == ("split off by you",) and near.other.key == visit
    assert any(
        line.startswith(f"  #{alone} visit.txt") and "split off by you" in line
        for line in kept.lines()
    )
    assert kept.sources == 2 and visit not in {p.member.key for p in kept.pairs}
    assert [n.reasons for n in gone.near if n.event_id == left] == [("split off by you",)]
    assert gone.lines() == ["One source: nothing was merged.", *gone.lines()[1:]]


def test_a_split_far_in_time_is_still_named_among_the_neighbours(tmp_path, paths):
    """A report joined by hand then split off again is years away: no date window
    would find it, the decision does."""
    with Store(tmp_path / "c.db") as store:
        ingest_paths(store, [paths["visit"], paths["again"], paths["loan"]])
        visit, loan = key(store, paths["visit"]), key(store, paths["loan"])
        both = store.join_events(holding(store, visit), holding(store, loan))
        store.split_source(both, loan)
        visit_event, loan_event = holding(store, visit), holding(store, loan)
        assert visit_event != loan_event
        reasons = store.merge_reasons(visit_event)
    first = reasons.near[0]
    assert (first.event_id, first.reasons) == (loan_event, ("split off by you",))


def test_a_bridged_split_is_flagged_and_the_pair_split_apart_is_not_linked(tmp_path, paths):
    with Store(tmp_path / "c.db") as store:
        ingest_paths(store, [paths["visit"], paths["again"]])
        visit, again = key(store, paths["visit"]), key(store, paths["again"])
        store.split_source(holding(store, visit), visit)
        ingest_paths(store, [paths["third"]])  # fits both sides: they are one again
        third = key(store, paths["third"])
        event_id = holding(store, third)
        assert holding(store, visit) == holding(store, again) == event_id
        reasons = store.merge_reasons(event_id)
    linked = {frozenset((p.member.key, p.to.key)) for p in reasons.pairs}
    assert frozenset((visit, again)) not in linked
    assert len(linked) == 2 and all(third in pair for pair in linked)
    [flag] = [f for f in reasons.review_flags if f.startswith("a split of yours")]
    assert (
        flag
        == "a split of yours was bridged by third.txt 2019-03-12 (you split off visit.txt 2019-03-12)"
    )
    assert not any("no rule links" in f for f in reasons.review_flags)
    assert any(line == f"  ! {flag}" for line in reasons.lines())


def test_an_undone_join_says_nothing_of_you(tmp_path, paths):
    with Store(tmp_path / "c.db") as store:
        ingest_paths(store, [paths["visit"], paths["again"], paths["loan"]])
        visit, loan = key(store, paths["visit"]), key(store, paths["loan"])
        store.join_events(holding(store, loan), holding(store, visit))
        [decision] = store.decisions()
        store.undo_decision(decision.id)
        lines = store.merge_reasons(holding(store, visit)).lines()
    assert lines and not any("by you" in line for line in lines)


def test_a_vague_report_split_off_and_joined_elsewhere_reads_as_your_doing(tmp_path):
    """A brief's "last month" is taken off the visit it fits and joined to a later one:
    a vague and a precise member, parts of two kinds the rule never links."""
    folder = tmp_path / "docs"
    folder.mkdir()
    paths = {}
    for name, text in {"mofa": KONO_MOFA, "brief": LAST_MONTH, "april": KONO_IN_APRIL}.items():
        paths[name] = folder / f"{name}.txt"
        paths[name].write_text(text, encoding="utf-8")
    with Store(tmp_path / "c.db") as store:
        ingest_paths(store, list(paths.values()))
        brief, mofa = key(store, paths["brief"]), key(store, paths["mofa"])
        april = key(store, paths["april"])
        store.split_source(holding(store, mofa), brief)
        both = store.join_events(holding(store, brief), holding(store, april))
        reasons = store.merge_reasons(both)
        mofa_event = holding(store, mofa)
    assert [(p.member.key, p.to.key, p.how) for p in reasons.pairs] == [
        (brief, april, "joined by you")
    ]
    assert not any("no rule links" in f or "outside" in f for f in reasons.review_flags)
    assert [(n.event_id, n.reasons) for n in reasons.near] == [(mofa_event, ("split off by you",))]
