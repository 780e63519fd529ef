"""`chronicle decisions` lists the analyst's joins and splits and undoes one, and
`chronicle show` tells a joined or split event as such; on a real store built from
small documents, through click's runner."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from chronicle.cli import cli
from chronicle.cli_analyst import decisions
from chronicle.library import ingest_paths
from chronicle.store import Store
from chronicle.store.decisions import read_decision
from tests.test_decisions import LOAN, VISIT, VISIT_AGAIN, VISIT_THIRD, holding, keys_of


@pytest.fixture
def made(tmp_path: Path) -> dict[str, object]:
    """A store where the visit's first report is split off, then joined to the loan."""
    folder = tmp_path / "docs"
    folder.mkdir()
    paths = {}
    for name, text in {
        "visit": VISIT,
        "again": VISIT_AGAIN,
        "third": VISIT_THIRD,
        "loan": LOAN,
    }.items():
        paths[name] = folder / f"{name}.txt"
        paths[name].write_text(text, encoding="utf-8")
    db = tmp_path / "c.db"
    with Store(db) as store:
        ingest_paths(store, list(paths.values()))
        [visit] = keys_of(store, paths["visit"])
        [loan] = keys_of(store, paths["loan"])
        split_from = holding(store, visit)
        store.split_source(split_from, visit)
        joined = store.join_events(holding(store, loan), holding(store, visit))
        left = holding(store, keys_of(store, paths["again"])[0])
    return {"db": db, "paths": paths, "visit": visit, "loan": loan, "joined": joined, "left": left}


def run(command, db: Path, *args: str) -> Result:
    return CliRunner().invoke(command, [*args, "--db", str(db)])


def test_decisions_lists_each_with_its_kind_state_and_sources(made):
    result = run(decisions, made["db"])
    assert result.exit_code == 0, result.stderr
    split, join = [line.split("\t") for line in result.stdout.splitlines()]
    assert split[:3] == ["1", "split", "active"] and join[:3] == ["2", "join", "active"]
    assert split[4].startswith("visit.txt 12 March 2019 from ")
    assert "again.txt 12 March 2019" in split[4] and "third.txt 12 March 2019" in split[4]
    assert join[4] == "loan.txt 3 June 2015 + visit.txt 12 March 2019"
    assert result.stderr == "2 decision(s), 2 active\n"


def test_decisions_json_names_every_source_with_its_event(made):
    result = run(decisions, made["db"], "--json")
    assert result.exit_code == 0, result.stderr
    split, join = json.loads(result.stdout)
    assert (split["kind"], join["kind"]) == ("split", "join")
    assert split["mention_key"] == made["visit"] and split["active"] is True
    assert split["sources"][0] == {
        "key": made["visit"],
        "document": str(made["paths"]["visit"]),
        "date_text": "12 March 2019",
        "event": made["joined"],
    }
    assert {s["event"] for s in split["sources"][1:]} == {made["left"]}
    assert [s["key"] for s in join["sources"]] == [made["loan"], made["visit"]]
    assert join["pairs"] == [sorted([made["loan"], made["visit"]])]
    # The export's form (version 1) with this chronicle's id, state and sources.
    assert (split["version"], read_decision(split).mention_key) == (1, made["visit"])
    assert read_decision(join).pairs == (tuple(sorted([made["loan"], made["visit"]])),)


def test_undo_says_so_in_one_line_and_the_rule_merges_again(made):
    result = run(decisions, made["db"], "--undo", "1")
    assert result.exit_code == 0, result.stderr
    assert result.stdout == "" and result.stderr.count("\n") == 1
    assert "undid decision 1" in result.stderr
    with Store(made["db"]) as store:
        assert [d.id for d in store.decisions()] == [2]
        # The split is gone: the visit's report is with its other reports (and the loan).
        assert holding(store, made["visit"]) == holding(store, made["loan"])
        assert store.event(holding(store, made["visit"])).source_count == 4


def test_an_unknown_decision_is_a_one_line_error(made):
    result = run(decisions, made["db"], "--undo", "99")
    assert result.exit_code == 1
    assert result.stderr == "Error: no decision 99 (see `chronicle decisions`)\n"
    assert len(run(decisions, made["db"], "--json").stdout) > 2  # nothing was undone


def test_a_decision_whose_document_is_gone_waits(made):
    with Store(made["db"]) as store:
        store.remove_document(str(made["paths"]["loan"]))
    result = run(decisions, made["db"])
    join = result.stdout.splitlines()[1].split("\t")
    assert join[:3] == ["2", "join", "waiting"]
    assert join[4] == f"(gone: {made['loan']}) + visit.txt 12 March 2019"
    assert result.stderr == "2 decision(s), 1 active\n"


def test_show_tells_a_joined_event_and_the_one_it_was_split_from(made):
    joined = run(cli, made["db"], "show", str(made["joined"]))
    assert joined.exit_code == 0, joined.stderr
    out = joined.stdout.splitlines()
    assert "  loan.txt 2015-06-03 → visit.txt 2019-03-12: joined by you" in out
    assert not any("no rule links" in line for line in out)
    assert any(
        line.startswith(f"  #{made['left']} ") and "split off by you" in line for line in out
    )
    mine = out[out.index("Your decisions (undo one with `chronicle decisions --undo ID`):") + 1 :]
    assert [line.split()[:3] for line in mine] == [
        ["1", "split", "active"],
        ["2", "join", "active"],
    ]
    left = run(cli, made["db"], "show", str(made["left"])).stdout.splitlines()
    assert any(
        line.startswith(f"  #{made['joined']} ") and "split off by you" in line for line in left
    )
    assert "joined by you" not in "\n".join(left)
