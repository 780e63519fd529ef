"""Which mentions could report one happening: the blocks candidates are looked for in.

Merging is exact, so every pair the rules could join must be found here, and as few
others as possible. What the rules ask of a pair says where to look:

- Across documents (`rules.across_documents`): a shared anchor (a country, a name
  token) and dates within NEAR_DAYS.
- Inside one document (`in_document`) a country alone never joins two mentions and
  near dates never do. Two precise mentions must be on the same days and share a
  person or a content word, or one sentence must say nothing else. A coarse date
  joins only a mention naming a person it names, or one whose words it shares
  heavily (half of them, of the same kind of event; or a sentence told again).

So a document's own mentions are compared within (document, days, word) and
(document, person) blocks, and words shared heavily are found by prefix filtering
(two word sets with Jaccard overlap ≥ t share a word among the first
``n - ceil(t·n) + 1`` of each, in any fixed order of words). A country's or a
person's block pairs different documents only, and is split into the largest
document's mentions and the rest, so that one huge file never sweeps over its own
thousands of mentions to find none: the cost stays linear in its size.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from datetime import date, timedelta
from typing import NamedTuple

from chronicle.merge.evidence import words
from chronicle.merge.in_document import HALF_WORDS, REPEATED
from chronicle.merge.rules import anchors
from chronicle.merge.spans import NEAR_DAYS, Span, shift, span_of
from chronicle.model import Mention

LARGEST, REST = "|largest", "|rest"


class WordOrder:
    """A fixed order of the words of a set of mentions, rarest first, which makes
    prefixes short and selective."""

    def __init__(self, mentions: Iterable[Mention]) -> None:
        counts = Counter(w for m in mentions for w in words(m.sentence))
        self.rank = {w: (n, w) for w, n in counts.items()}

    def prefix(self, mention: Mention, share: tuple[int, int]) -> list[str]:
        """The words two mentions with Jaccard overlap ≥ num/den must share one of."""
        return self.first_words(words(mention.sentence), share)

    def first_words(self, found: Iterable[str], share: tuple[int, int]) -> list[str]:
        """The first ``n - ceil(num/den · n) + 1`` of `found` in this order: two sets
        overlapping by num/den or more (Jaccard) share one of them."""
        ordered = sorted(found, key=lambda w: self.rank.get(w, (0, w)))
        num, den = share
        n = len(ordered)
        return ordered[: n - (num * n + den - 1) // den + 1] if n else []


def _ratio(value: float) -> tuple[int, int]:
    """An overlap threshold as an exact fraction (no float rounding in the prefix)."""
    return round(value * 100), 100


def largest_document(mentions: Sequence[Mention]) -> str:
    """The document with the most mentions among `mentions` ("" for none)."""
    counts = Counter(m.document for m in mentions)
    return max(counts, key=lambda d: (counts[d], d)) if counts else ""


def cross_keys(mention: Mention, largest: str) -> list[str]:
    """Blocks of mentions of other documents it may join: its countries and name tokens,
    in the largest document's half or the rest."""
    half = LARGEST if mention.document == largest else REST
    return [a + half for a in sorted(anchors(mention)) if not a.startswith("d:")]


def partner_keys(keys: Iterable[str]) -> list[str]:
    """Where a mention with cross `keys` finds partners: the largest document's half
    looks in the rest only, the rest in both halves."""
    out = []
    for key in keys:
        base = key.removesuffix(LARGEST).removesuffix(REST)
        out += [base + REST] if key.endswith(LARGEST) else [base + REST, base + LARGEST]
    return out


def people_tokens(mention: Mention) -> list[str]:
    """The name tokens of the people a mention names."""
    return sorted({t for a in mention.entities.actors for t in a.key.split()})


def day_keys(mention: Mention) -> list[str]:
    """Blocks of a precise mention's own document it may join: same days, and a
    shared person or content word."""
    span = span_of(mention)
    day = f"{mention.document}@{span.start}/{span.end}"
    return [f"dp:{day}:{t}" for t in people_tokens(mention)] + [
        f"dw:{day}:{w}" for w in sorted(words(mention.sentence))
    ]


def coarse_keys(mention: Mention, order: WordOrder) -> list[str]:
    """Blocks of its own document in which a coarse date finds what it may join: a
    shared person, half the words of the same kind of event, or a sentence told again."""
    doc = mention.document
    half = order.prefix(mention, _ratio(HALF_WORDS))
    again = order.prefix(mention, _ratio(REPEATED))
    return [
        *(f"cp:{doc}:{t}" for t in people_tokens(mention)),
        *(f"ch:{doc}:{mention.type}:{w}" for w in half),
        *(f"cr:{doc}:{w}" for w in again),
    ]


def told_again_keys(mention: Mention, order: WordOrder) -> list[str]:
    """Blocks of its own document for an undated mention: only a sentence told again joins."""
    return [f"cr:{mention.document}:{w}" for w in order.prefix(mention, _ratio(REPEATED))]


class Dated(NamedTuple):
    """Mentions of one block in order of first day, and the longest span's length."""

    starts: list[date]
    members: list[tuple[date, date, int]]
    longest: timedelta

    @classmethod
    def of(cls, spans: Sequence[Span | None], indexes: Iterable[int]) -> Dated:
        """The dated mentions among `indexes`, in order of first day."""
        members = sorted((s.start, s.end, i) for i in indexes if (s := spans[i]) is not None)
        longest = max((end - start for start, end, _ in members), default=timedelta(0))
        return cls([start for start, _, _ in members], members, longest)

    def meeting(self, start: date, end: date, reach: int = 0) -> Iterable[int]:
        """Members whose days come within `reach` days of [start, end]."""
        low, high = shift(start, -reach), shift(end, reach)
        first = bisect_left(self.starts, _back(low, self.longest))
        last = bisect_right(self.starts, high)
        return (i for _, e, i in self.members[first:last] if e >= low)


def _back(day: date, by: timedelta) -> date:
    try:
        return day - by
    except OverflowError:
        return date.min


Link = Callable[[int, int], bool]
"""Joins two mentions (by index) when the rule says they are one; True when they are."""


SMALL = 12
"""Up to this many mentions of one document on one day (or of one kind), every pair is
compared; above it the finer blocks pay for themselves."""


def link_all(mentions: Sequence[Mention], link: Link) -> None:
    """Call `link` on every pair of `mentions` the rules could join, and on as few
    others as the blocks allow. `link` must be a union-find join: a pair already in
    one set answers True at once, so a block of many reports of one happening costs
    one check per report, not one per pair. Meant for mentions of one kind, as
    `clusters.components` gets them (a coarse date meets precise ones in `PreciseIndex`)."""
    largest = largest_document(mentions)
    spans = [span_of(m) for m in mentions]
    cross: dict[str, list[int]] = {}
    for i, m in enumerate(mentions):
        for key in cross_keys(m, largest):
            cross.setdefault(key, []).append(i)
    for key, members in cross.items():
        if key.endswith(REST):
            _link_across(spans, members, cross.get(key.removesuffix(REST) + LARGEST, []), link)
    order: WordOrder | None = None
    for bucket in _own_buckets(mentions, spans).values():
        if len(bucket) <= SMALL:
            reach = 0 if (s := spans[bucket[0]]) is not None and not s.precise else None
            _link_groups(spans, bucket, link, reach)
            continue
        order = order or WordOrder(mentions)
        _link_within(mentions, spans, bucket, order, link)


def _own_buckets(
    mentions: Sequence[Mention], spans: Sequence[Span | None]
) -> dict[tuple, list[int]]:
    """A document's own candidates: its precise mentions by their days, its coarse
    ones together, its undated ones together (nothing else can join inside it)."""
    buckets: dict[tuple, list[int]] = {}
    for i, (m, span) in enumerate(zip(mentions, spans, strict=True)):
        if span is None:
            key: tuple = (m.document, "undated")
        elif span.precise:
            key = (m.document, span.start, span.end)
        else:
            key = (m.document, "coarse")
        buckets.setdefault(key, []).append(i)
    return buckets


def _link_within(
    mentions: Sequence[Mention],
    spans: Sequence[Span | None],
    bucket: Sequence[int],
    order: WordOrder,
    link: Link,
) -> None:
    """A large bucket of one document's own mentions, by finer blocks."""
    blocks: dict[str, list[int]] = {}
    for i in bucket:
        span = spans[i]
        if span is None:
            keys = told_again_keys(mentions[i], order)
        elif span.precise:
            keys = day_keys(mentions[i])
        else:
            keys = coarse_keys(mentions[i], order)
        for key in keys:
            blocks.setdefault(key, []).append(i)
    coarse = (s := spans[bucket[0]]) is not None and not s.precise
    for members in blocks.values():
        _link_groups(spans, members, link, reach=0 if coarse else None)
    if (s := spans[bucket[0]]) is not None and s.precise:
        _link_unsaid(mentions, bucket, link)


def _link_groups(
    spans: Sequence[Span | None], members: Sequence[int], link: Link, reach: int | None = None
) -> None:
    """Link the candidate pairs of a block: every pair (`reach` None: one day's or
    undated mentions), or pairs whose days come within `reach` days. Each mention is
    compared with the sets found so far, newest member first, until one joins, not with
    every member: a block holding many reports of one happening costs one check per
    report. A set whose last day is out of reach is dropped (starts only grow); a member
    out of reach inside a kept set is still asked, and the rule refuses it by its dates."""
    undated = [i for i in members if spans[i] is None]
    if reach is None or undated:
        _link_sets([(None, i) for i in (members if reach is None else undated)], link, None)
    if reach is not None:
        dated = sorted((s.start, s.end, i) for i in members if (s := spans[i]) is not None)
        _link_sets([((start, end), i) for start, end, i in dated], link, reach)


def _link_sets(
    items: Sequence[tuple[tuple[date, date] | None, int]], link: Link, reach: int | None
) -> None:
    sets: list[tuple[list[int], date | None]] = []  # members, and the last day among them
    for days, i in items:
        mine, last = [i], days[1] if days else None
        kept = []
        for group, group_last in sets:
            if days and shift(group_last, reach) < days[0]:
                continue
            if any(link(i, j) for j in reversed(group)):
                mine = group + mine
                last = max(last, group_last) if last else None
            else:
                kept.append((group, group_last))
        sets = [*kept, (mine, last)]


def _link_unsaid(mentions: Sequence[Mention], members: Sequence[int], link: Link) -> None:
    """One day's mentions of one document: a sentence with no content word left is no
    evidence against any other (`in_document`), so it is compared with each of them."""
    for i in members:
        if not words(mentions[i].sentence):
            for j in members:
                if j != i:
                    link(i, j)


def _link_across(
    spans: Sequence[Span | None], rest: Sequence[int], largest: Sequence[int], link: Link
) -> None:
    """Pairs of different documents in a country's or person's block: among `rest` by
    a sweep, and between `rest` and the largest document by bisection."""
    _link_groups(spans, rest, link, reach=NEAR_DAYS)  # a pair of one document is
    # not needed here, but asking the rule about it is never wrong
    if not largest:
        return
    dated = Dated.of(spans, largest)
    undated = [j for j in largest if spans[j] is None]
    for i in rest:
        span = spans[i]
        partners = undated if span is None else dated.meeting(span.start, span.end, NEAR_DAYS)
        for j in partners:
            link(i, j)


class PreciseIndex:
    """Where a coarse date finds the precise mentions it may attach to."""

    def __init__(self, mentions: Sequence[Mention]) -> None:
        self.mentions = mentions
        self.spans = [span_of(m) for m in mentions]
        self.largest = largest_document(mentions)
        self._order: WordOrder | None = None
        with_coarse = {
            m.document for m, s in zip(mentions, self.spans, strict=True) if s and not s.precise
        }
        own: dict[str, list[int]] = {}
        blocks: dict[str, list[int]] = {}
        for i, (m, span) in enumerate(zip(mentions, self.spans, strict=True)):
            if span is None or not span.precise:
                continue
            for key in cross_keys(m, self.largest):
                blocks.setdefault(key, []).append(i)
            if m.document in with_coarse:
                own.setdefault(m.document, []).append(i)
        for document, members in own.items():
            if len(members) <= SMALL:
                blocks[f"doc:{document}"] = members
            else:
                for i in members:
                    for key in coarse_keys(mentions[i], self.order()):
                        blocks.setdefault(key, []).append(i)
        self.members = blocks
        self.blocks: dict[str, Dated | None] = {}

    def order(self) -> WordOrder:
        """The order of words for prefixes, made when a large document first needs it."""
        if self._order is None:
            self._order = WordOrder(self.mentions)
        return self._order

    def _block(self, key: str) -> Dated | None:
        """A block in order of first day, sorted on its first use."""
        if key not in self.blocks:
            members = self.members.get(key)
            self.blocks[key] = Dated.of(self.spans, members) if members else None
        return self.blocks[key]

    def meeting(self, vague: Mention) -> list[Mention]:
        """Precise mentions sharing a block with `vague` whose days meet its span (of
        another document where the block is a country's or a person's)."""
        span = span_of(vague)
        cross = partner_keys(cross_keys(vague, self.largest))
        own = [f"doc:{vague.document}"]
        if f"doc:{vague.document}" not in self.members:
            own = coarse_keys(vague, self.order())
        found: dict[int, None] = {}
        for keys, other_only in ((cross, True), (own, False)):
            for key in keys:
                if (block := self._block(key)) is None:
                    continue
                for i in block.meeting(span.start, span.end):
                    if not (other_only and self.mentions[i].document == vague.document):
                        found[i] = None
        return [self.mentions[i] for i in found]
