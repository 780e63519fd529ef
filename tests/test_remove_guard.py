"""`remove` is planned before it runs: what the typed paths match, and when to ask first."""

from __future__ import annotations

from pathlib import Path

import pytest

from chronicle.library import ingest_paths
from chronicle.removal import CONFIRM_ABOVE, plan_removal, remove_planned
from chronicle.store import Store

NOTES = {
    "briefs/oslo.txt": "Oslo talks\n\nNorway and Japan signed a fisheries agreement in Oslo on 14 March 2019.\n",
    "briefs/lima.txt": "Lima forum\n\nPeru hosted the Pacific trade forum in Lima on 9 May 2016.\n",
    "briefs/2018/kono.txt": "Kono in Islamabad\n\nTaro Kono met Khawaja Asif in Islamabad on 4 January 2018.\n",
    "briefs/2018/abe.txt": "Abe in Ankara\n\nShinzo Abe visited Ankara on 28 October 2013 for talks on a nuclear plant.\n",
    "briefing/nairobi.txt": "Nairobi summit\n\nKenya opened the African climate summit in Nairobi on 4 September 2023.\n",
}


@pytest.fixture
def home(tmp_path: Path) -> Path:
    root = (tmp_path / "home").resolve()
    for name, text in NOTES.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")
    return root


@pytest.fixture
def filled(home: Path, tmp_path: Path):
    with Store(tmp_path / "c.db") as store:
        assert len(ingest_paths(store, [home]).added) == 5
        yield store


def names(paths) -> list[str]:
    return sorted(Path(p).name for p in paths)


def test_one_file_goes_without_a_question(filled, home):
    plan = plan_removal(filled, [str(home / "briefs/oslo.txt")])
    assert plan.documents == (str(home / "briefs/oslo.txt"),)
    assert (plan.folders, plan.unmatched, plan.needs_confirmation) == ((), (), False)


def test_a_folder_matches_what_is_under_it_and_asks_first(filled, home):
    plan = plan_removal(filled, [str(home / "briefs")])
    assert names(plan.documents) == ["abe.txt", "kono.txt", "lima.txt", "oslo.txt"]
    assert plan.folders == (str(home / "briefs"),)
    assert plan.needs_confirmation


def test_a_folder_does_not_match_a_sibling_that_shares_its_name_s_start(filled, home):
    plan = plan_removal(filled, [str(home / "brief")])
    assert (plan.documents, plan.unmatched) == ((), (str(home / "brief"),))
    assert names(plan_removal(filled, [str(home / "briefing")]).documents) == ["nairobi.txt"]


@pytest.mark.parametrize("typed", ["/", ".", "~", "~/"])
def test_root_here_and_home_match_everything_under_them(filled, home, monkeypatch, typed):
    monkeypatch.chdir(home)
    monkeypatch.setenv("HOME", str(home))
    plan = plan_removal(filled, [typed])
    assert len(plan.documents) == 5 and plan.needs_confirmation
    assert plan.folders == (typed,)


def test_a_relative_path_is_read_from_the_current_folder(filled, home, monkeypatch):
    monkeypatch.chdir(home / "briefs")
    plan = plan_removal(filled, ["2018/kono.txt", "lima.txt"])
    assert names(plan.documents) == ["kono.txt", "lima.txt"]
    assert not plan.needs_confirmation


def test_more_than_a_few_files_ask_first(filled, home):
    files = sorted(str(p) for p in home.rglob("*.txt"))
    assert CONFIRM_ABOVE == 3
    assert not plan_removal(filled, files[:3]).needs_confirmation
    assert plan_removal(filled, files[:4]).needs_confirmation


def test_a_path_that_matches_nothing_is_named_and_nothing_else_is_lost(filled, home):
    plan = plan_removal(filled, [str(home / "briefs/oslo.txt"), "/nowhere/else.txt"])
    assert plan.unmatched == ("/nowhere/else.txt",)
    assert plan.documents == (str(home / "briefs/oslo.txt"),)
    assert filled.counts()["documents"] == 5  # planning removes nothing


def test_a_path_typed_twice_or_inside_a_typed_folder_goes_once(filled, home):
    plan = plan_removal(filled, [str(home / "briefs/2018"), str(home / "briefs/2018/abe.txt")])
    assert names(plan.documents) == ["abe.txt", "kono.txt"]


def test_carrying_out_a_plan_removes_exactly_its_documents(filled, home):
    plan = plan_removal(filled, [str(home / "briefs/2018")])
    gone: list[str] = []
    assert remove_planned(filled, plan, on_removed=gone.append) == list(plan.documents)
    assert gone == list(plan.documents)
    assert names(str(d["path"]) for d in filled.documents()) == [
        "lima.txt",
        "nairobi.txt",
        "oslo.txt",
    ]
    assert filled.execute("SELECT date_start FROM events ORDER BY date_start") == [
        ("2016-05-09",),
        ("2019-03-14",),
        ("2023-09-04",),
    ]
    assert filled.check() == []
