"""The blocks of `merge.candidates` find every pair the rule joins: clusters equal the
rule applied to every pair, for many documents, for one huge document made of them,
and for the two together."""

from __future__ import annotations

import hashlib
import random
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from chronicle import merge
from chronicle.ingest.events.mentions import extract_mentions
from chronicle.ingest.text.document import load_document
from chronicle.merge.candidates import WordOrder
from chronicle.merge.clusters import UnionFind, best_fit, kind_of
from chronicle.merge.rules import same_event
from chronicle.model import Mention

MAKE_CORPUS = Path(__file__).parent.parent / "benchmarks" / "make_corpus.py"


def _mentions(path: Path) -> list[Mention]:
    doc = load_document(path)
    return extract_mentions(doc, hashlib.sha256(path.read_bytes()).hexdigest())


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> tuple[list[Mention], list[Mention]]:
    """Mentions of 50 generated documents, and of one document holding all their texts."""
    out = tmp_path_factory.mktemp("corpus")
    subprocess.run(
        [sys.executable, str(MAKE_CORPUS), "--docs", "50", "--out", str(out), "--seed", "11"],
        check=True,
        capture_output=True,
    )
    files = sorted((out / "docs").glob("*/*.txt"))
    separate = [m for path in files for m in _mentions(path)]
    whole = out / "archive.txt"
    whole.write_text("\n\n".join(p.read_text(encoding="utf-8") for p in files), encoding="utf-8")
    return separate, _mentions(whole)


def _every_pair(mentions: list[Mention]) -> list[list[str]]:
    """The global rule with no blocking at all: every pair asked."""
    ordered = sorted(mentions, key=lambda m: m.key)
    precise = [m for m in ordered if kind_of(m) == "precise"]
    fits = {
        m.key: best.key if (best := best_fit(m, precise)) else None
        for m in ordered
        if kind_of(m) == "vague"
    }
    free = [m for m in ordered if kind_of(m) == "vague" and not fits[m.key]]
    undated = [m for m in ordered if kind_of(m) == "undated"]
    groups = [*_components(precise), *_components(free), *_components(undated)]
    home = {m.key: i for i, g in enumerate(groups) for m in g}
    for m in ordered:
        if fits.get(m.key):
            groups[home[fits[m.key]]].append(m)
    return sorted(sorted(m.key for m in g) for g in groups)


def _components(mentions: list[Mention]) -> list[list[Mention]]:
    forest = UnionFind(len(mentions))
    for i, a in enumerate(mentions):
        for j in range(i + 1, len(mentions)):
            if same_event(a, mentions[j]):
                forest.union(i, j)
    found: dict[int, list[Mention]] = {}
    for i, m in enumerate(mentions):
        found.setdefault(forest.find(i), []).append(m)
    return list(found.values())


def _blocked(mentions: list[Mention]) -> list[list[str]]:
    return sorted(sorted(m.key for m in g) for g in merge.cluster(mentions))


def test_many_documents_cluster_as_every_pair_asked(corpus) -> None:
    separate, _ = corpus
    assert len(separate) > 400
    assert _blocked(separate) == _every_pair(separate)


def test_one_huge_document_clusters_as_every_pair_asked(corpus) -> None:
    _, whole = corpus
    assert len({m.document for m in whole}) == 1 and len(whole) > 400
    clusters = _blocked(whole)
    assert clusters == _every_pair(whole)
    assert len(clusters) < len(whole)  # reports told twice in the archive are one event


def test_a_huge_document_among_small_ones_clusters_as_every_pair_asked(corpus) -> None:
    separate, whole = corpus
    mixed = random.Random(2).sample(separate, 200) + whole[::2]
    assert _blocked(mixed) == _every_pair(mixed)


TOPICS = (
    "fisheries quotas in the Arabian Sea",
    "textile tariffs and quotas",
    "railway financing for Karachi",
    "visas for nursing graduates",
    "flood forecasting along the Indus",
    "polio vaccination campaigns",
    "solar power tenders in Sindh",
    "automobile parts exports",
    "scholarships for engineering students",
    "earthquake drills in Quetta",
    "port dredging at Gwadar",
    "mango shipments by air",
    "cultural exchanges for museums",
)


def test_a_line_that_says_nothing_else_joins_its_day_in_a_long_programme(tmp_path) -> None:
    """More reports of one day than `SMALL` are compared by word, and a line with no
    content word left ("met on 5 May") still joins the meeting of its day."""
    lines = [f"On 5 May 2019 the delegations discussed {topic}." for topic in TOPICS]
    path = tmp_path / "programme.txt"
    path.write_text(
        "Programme of the Japan–Pakistan Joint Commission\n\n"
        "Japan and Pakistan met on 5 May 2019.\n\n" + "\n".join(lines) + "\n",
        encoding="utf-8",
    )
    mentions = _mentions(path)
    assert len(mentions) == 14 and mentions[0].sentence.startswith("Japan and Pakistan met")
    assert _blocked(mentions) == _every_pair(mentions) == [sorted(m.key for m in mentions)]


def _jaccard(a: set[str], b: set[str]) -> float:
    return len(a & b) / len(a | b)


@given(
    st.sets(st.sampled_from("abcdefghijklmnop"), min_size=1, max_size=12),
    st.sets(st.sampled_from("abcdefghijklmnop"), min_size=1, max_size=12),
    st.sampled_from([(1, 2), (4, 5), (3, 10)]),
)
def test_word_sets_that_overlap_enough_share_a_prefix_word(a, b, share) -> None:
    """The prefix filter's promise, for any fixed order of words (here: the alphabet)."""
    order = WordOrder([])
    if _jaccard(a, b) >= share[0] / share[1]:
        assert set(order.first_words(a, share)) & set(order.first_words(b, share))
