"""The development corpus is well formed, and its scorer counts what it says it counts."""

from __future__ import annotations

import importlib.util
import json
import sys
from datetime import date
from pathlib import Path

import pytest

BENCHMARKS = Path(__file__).resolve().parent.parent / "benchmarks"
MANIFESTS = sorted((BENCHMARKS / "devcorpus").glob("*/manifest.json"))
HOLDOUT = sorted((BENCHMARKS / "holdout").glob("*/manifest.json"))
"""Documents nobody tunes on: scored with ``--corpus benchmarks/holdout``."""


def load_scorer():
    spec = importlib.util.spec_from_file_location(
        "devcorpus_score", BENCHMARKS / "devcorpus_score.py"
    )
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


scorer = load_scorer()


def entries(manifests=MANIFESTS):
    for manifest in manifests:
        for entry in json.loads(manifest.read_text(encoding="utf-8"))["documents"]:
            yield pytest.param(manifest.parent, entry, id=f"{manifest.parent.name}/{entry['file']}")


class TestManifests:
    def test_the_corpus_has_at_least_forty_documents(self):
        assert sum(1 for _ in entries()) >= 40

    @pytest.mark.parametrize(("folder", "entry"), list(entries(MANIFESTS + HOLDOUT)))
    def test_every_gold_event_is_well_formed_and_its_evidence_is_in_the_document(
        self, folder, entry
    ):
        text = scorer.normalise((folder / entry["file"]).read_text(encoding="utf-8"))
        if entry["document_date"] is not None:
            date.fromisoformat(entry["document_date"])
        assert entry["events"], "a document with no gold events scores nothing"
        for event in entry["events"]:
            assert date.fromisoformat(event["start"]) <= date.fromisoformat(event["end"])
            phrases = (
                event["evidence"] if isinstance(event["evidence"], list) else [event["evidence"]]
            )
            for phrase in phrases:
                assert scorer.normalise(phrase) in text, phrase
            assert set(event) <= {"start", "end", "evidence", "optional", "approximate", "note"}


def gold(start, end, phrase, **flags):
    return scorer.Gold(start, end, [phrase], **flags)


def extracted(start, end, sentence):
    return scorer.Extracted(start, end, "", [scorer.normalise(sentence)], "meeting")


class TestMatching:
    def test_a_happening_extracted_twice_matches_once(self):
        g = [gold("2019-05-04", "2019-05-04", "met in oslo")]
        e = [
            extracted("2019-05-04", "2019-05-04", "They met in Oslo on 4 May."),
            extracted("2019-05-04", "2019-05-04", "The ministers met in Oslo."),
        ]
        assert scorer.match(e, g, scorer.is_exact) == {0: 0}  # the second is a duplicate

    def test_a_wrong_date_is_an_overlap_but_not_exact(self):
        g = [gold("2019-05-01", "2019-05-31", "talks in may")]
        e = [extracted("2019-05-04", "2019-05-04", "Talks in May went well.")]
        assert scorer.match(e, g, scorer.is_exact) == {}
        assert scorer.match(e, g, scorer.is_overlap) == {0: 0}

    def test_an_approximate_gold_span_takes_any_overlap_as_exact(self):
        g = [gold("2019-01-01", "2019-04-30", "early 2019", approximate=True)]
        e = [extracted("2019-01-01", "2019-03-31", "Talks resumed in early 2019.")]
        assert scorer.match(e, g, scorer.is_exact) == {0: 0}

    def test_required_gold_is_matched_before_optional_gold(self):
        g = [
            gold("2019-01-01", "2019-12-31", "trade", optional=True),
            gold("2019-01-01", "2019-12-31", "signed"),
        ]
        e = [extracted("2019-01-01", "2019-12-31", "They signed a trade pact in 2019.")]
        assert scorer.match(e, g, scorer.is_exact) == {0: 1}

    def test_augmenting_paths_find_the_larger_matching(self):
        g = [gold("2019-05-04", "2019-05-04", "oslo"), gold("2019-05-04", "2019-05-04", "bergen")]
        e = [
            extracted("2019-05-04", "2019-05-04", "Oslo and Bergen hosted talks."),
            extracted("2019-05-04", "2019-05-04", "Oslo hosted talks."),
        ]
        assert scorer.match(e, g, scorer.is_exact) == {0: 1, 1: 0}


def test_a_document_is_scored_through_the_real_ingest_path(tmp_path):
    group = tmp_path / "g"
    group.mkdir()
    (group / "a.txt").write_text(
        "Norway and Colombia hold talks\n\nOslo, 14 March 2019\n\n"
        "The foreign ministers of Norway and Colombia met in Oslo on 14 March 2019 "
        "to review the peace process.\n",
        encoding="utf-8",
    )
    manifest = {
        "documents": [
            {
                "file": "a.txt",
                "document_date": "2019-03-14",
                "events": [{"start": "2019-03-14", "end": "2019-03-14", "evidence": "met in Oslo"}],
            }
        ]
    }
    (group / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    doc = scorer.score_document(group, manifest["documents"][0])
    assert doc.found_date == "2019-03-14"
    assert doc.recall(doc.exact) == 1


@pytest.mark.slow
def test_the_dev_corpus_meets_the_issue_targets():
    """Exact-date recall >= 0.92 and precision >= 0.85 over every dev-corpus document."""
    docs = [
        scorer.score_document(manifest.parent, entry)
        for manifest in MANIFESTS
        for entry in json.loads(manifest.read_text(encoding="utf-8"))["documents"]
    ]
    found = sum(d.recall(d.exact) for d in docs)
    required = sum(d.required for d in docs)
    right = sum(len(d.exact) for d in docs)
    extracted = sum(len(d.extracted) for d in docs)
    assert found / required >= 0.92
    assert right / extracted >= 0.85
    assert sum(d.gold_date == d.found_date for d in docs) / len(docs) >= 0.9
