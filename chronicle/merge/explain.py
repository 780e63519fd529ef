"""Why an event's sources were merged, and why a near neighbour was not, in words.

Pure: the store hands in an event's mentions (with where each vague one is attached,
`mentions.fit_key`) and a few neighbouring events' mentions, and gets back reasons a
reader understands. Nothing here decides anew: every link is one the rule makes
(`rules.same_event` / `compatible`, over the candidates `candidates.link_all` gives
clustering, and the stored fit of each vague date), and what is said about a pair is
read from `evidence.evidence`, `spans.date_relation` and `clusters.fit_order`.
The analyst's decisions (`merge.decisions`) are said as such: a join is a link
"joined by you", a pair split apart is never linked here, a neighbour split off is
"split off by you", and a split a later report bridged is flagged for review.

It stays cheap for a big event: only a spanning set is explained (each member once,
with a member the rule links it to: the report that speaks for the event when it
can), and every look at a pair is counted against a budget proportional to the
number of members, so 2,000 sources cost a few thousand looks, never millions.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from chronicle.date_notation import date_label
from chronicle.lexicon import country_name
from chronicle.merge.candidates import link_all
from chronicle.merge.clusters import UnionFind, fit_order, kind_of
from chronicle.merge.decisions import NONE, Decisions
from chronicle.merge.drafts import PRECISION_RANK, best_mention, date_bounds
from chronicle.merge.evidence import Evidence, similarity
from chronicle.merge.in_document import REPEATED
from chronicle.merge.review import evidence_of, fits_elsewhere, isolated
from chronicle.merge.rules import anchors, compatible, same_event
from chronicle.merge.spans import periods_apart, span_of
from chronicle.model import Mention
from chronicle.names import same_person
from chronicle.visible import visible

PER_MEMBER = 4
"""Looks at a pair allowed per member when explaining an event's links (clustering a
happening told n times asks the rule about n pairs or so; the rest is slack)."""

NEAR_SAMPLE = 8
"""Members of the event, and mentions of a neighbour, weighed against each other to
find the pair that came closest to merging (at most NEAR_SAMPLE² looks per neighbour)."""

SHOWN = 20
"""Links (and review flags) `MergeReasons.lines` shows by default: a big event's
thousands would bury the rest of the detail pane."""

RULES = {
    "across": "reports in two documents",
    "in_document": "the same document tells it again",
    "attached": "vague date attached to the precise report that fits it best",
    "undated": "undated, the same statement told again",
    "joined": "joined by you",
}
"""Each way two members are linked, by its code, in words."""


@dataclass(frozen=True, slots=True)
class Link:
    """How one member of an event is tied to another member.

    Attributes:
        member: The member explained.
        to: The member it is linked to.
        rule: Which rule linked them: a code of `RULES`.
        reasons: What the two have in common, in words.
        review: Why the link needs a reviewer's look (it rests on neither a shared
            person nor the same day), or "".
        fit: For a vague date, how well it fits the report ("same kind: visit,
            words 0.40", from `clusters.fit_order`); "" otherwise.
    """

    member: Mention
    to: Mention
    rule: str
    reasons: tuple[str, ...]
    review: str = ""
    fit: str = ""

    @property
    def weak(self) -> bool:
        """True when the link rests on neither a shared person nor the same day."""
        return bool(self.review)

    @property
    def how(self) -> str:
        """The rule in words, with the fit of a vague date."""
        return RULES[self.rule] + (f" ({self.fit})" if self.fit else "")


@dataclass(frozen=True, slots=True)
class NearMiss:
    """A neighbouring event the rule kept apart, and why.

    Attributes:
        event_id: The neighbour's id in the store.
        member: The member of the event that came closest to it.
        other: The neighbour's mention that came closest.
        reasons: Why the rule said no, in words.
    """

    event_id: int
    member: Mention
    other: Mention
    reasons: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class MergeReasons:
    """Why an event's sources are one event, and why its neighbours are not.

    Attributes:
        sources: How many members the event has.
        pairs: A spanning set of links: each member but the first once, with the
            member it joined.
        near: The closest events the rule kept apart.
        review_flags: What a reviewer should look at (joins on words alone, dates
            that disagree, members no rule links now).
        comparisons: How many pairs were looked at to say all this.
        review_kinds: The review queue's kinds these flags put the event in
            (`search.query.REVIEW_KINDS`: 'dates', 'words', 'vague', 'bridged').
    """

    sources: int
    pairs: tuple[Link, ...]
    near: tuple[NearMiss, ...] = ()
    review_flags: tuple[str, ...] = ()
    comparisons: int = 0
    review_kinds: frozenset[str] = frozenset()

    def lines(self, most: int | None = SHOWN) -> list[str]:
        """Plain display lines, every one made `visible` (names and headlines come from
        documents); hand them to Rich as `Text`, never as markup.

        Args:
            most: Show at most this many links and this many review flags, then how
                many more there are; None for all.
        """
        out = [f"Why these {self.sources} sources are one event:"]
        out += _first(
            [
                f"  {label(p.member)} → {label(p.to)}: {'; '.join([p.how, *p.reasons])}"
                for p in self.pairs
            ],
            most,
            "links",
        )
        if self.sources == 1:
            out = ["One source: nothing was merged."]
        if self.review_flags:
            flags = [f"  ! {flag}" for flag in self.review_flags]
            out += ["To review:", *_first(flags, most, "to review")]
        if self.near:
            out.append("Near, but kept apart:")
            out += [
                f"  #{n.event_id} {label(n.other)} “{n.other.headline}”: {'; '.join(n.reasons)}"
                for n in self.near
            ]
        return [visible(line) for line in out]


def _first(lines: list[str], most: int | None, what: str) -> list[str]:
    """The first `most` lines, and how many more there are."""
    if most is None or len(lines) <= most:
        return lines
    return [*lines[:most], f"  … and {len(lines) - most} more {what}"]


def label(mention: Mention) -> str:
    """A mention as a reader finds it: its document's name and its date."""
    name = mention.document.rstrip("/").rsplit("/", 1)[-1] or mention.document
    return f"{visible(name)} {date_of(mention)}"


def date_of(mention: Mention) -> str:
    """The mention's date in chronicle's notation."""
    d = mention.date
    start = d.date_start.isoformat() if d.date_start else None
    end = d.date_end.isoformat() if d.date_end else None
    return date_label(start, end, d.precision, d.modifier)


class Budget:
    """Counts the looks at pairs and refuses those beyond `limit`."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self.count = 0

    def take(self) -> bool:
        """Count one look; False when the budget is spent."""
        if self.count >= self.limit:
            return False
        self.count += 1
        return True


def explain(
    mentions: Sequence[Mention],
    fits: Mapping[str, str | None],
    neighbours: Sequence[tuple[int, Sequence[Mention]]] = (),
    decided: Decisions = NONE,
    bridges: Sequence[tuple[str, Sequence[str]]] = (),
) -> MergeReasons:
    """Why `mentions` are one event and why each neighbour is not part of it.

    Args:
        mentions: The event's members.
        fits: For each vague member's key, the key of the precise mention it is
            attached to (`mentions.fit_key`, or `clusters.attachments`), or None.
        neighbours: Nearby events the rule kept apart, as (id, some of their mentions);
            among them every report of another event a vague member fits too.
        decided: The analyst's joins and splits (`store.decisions.decided`).
        bridges: For each split of the analyst's that this event holds both sides
            of, the key of the mention split off and those of the members that
            bridged it (`Bridged.mention_key`, `Bridged.newcomers`).
    """
    ordered = sorted(mentions, key=lambda m: m.key)
    budget = Budget(PER_MEMBER * len(ordered) + 8)
    pairs, flags = spanning_links(ordered, fits, budget, decided)
    kinds = {"words": words_alone(ordered, fits, pairs, decided)}
    kinds["vague"] = fits_elsewhere_too(ordered, neighbours, decided)
    kinds["bridged"] = bridged(ordered, bridges)
    conflict = date_conflict(ordered)
    kinds["dates"] = [conflict] if conflict else []
    for found in kinds.values():
        flags += found
    near_budget = Budget(len(neighbours) * (NEAR_SAMPLE * NEAR_SAMPLE + 1))
    near = [
        n
        for eid, others in neighbours
        if (
            n := split_off(eid, ordered, others, decided)
            or near_miss(eid, ordered, others, near_budget)
        )
    ]
    looks = budget.count + near_budget.count
    queue = frozenset(kind for kind, found in kinds.items() if found)
    return MergeReasons(len(ordered), tuple(pairs), tuple(near), tuple(flags), looks, queue)


def words_alone(
    ordered: Sequence[Mention],
    fits: Mapping[str, str | None],
    pairs: Sequence[Link],
    decided: Decisions = NONE,
) -> list[str]:
    """A review flag for each member linked to the rest only by similar words
    (`review.isolated`), with what its link rests on. The other end of such a link
    is alone too (two reports joined on words alone); it is named once, by the member
    whose link it is, unless no flagged member's link names it."""
    lone = isolated(ordered, fits, decided)
    said = {p.member.key: p.review for p in pairs if p.review and p.member.key in lone}
    covered = {p.to.key for p in pairs if p.member.key in said}
    alone = "joined on text similarity alone (no shared person, not the same day)"
    return [
        f"{label(m)}: {said.get(m.key, alone)}"
        for m in ordered
        if m.key in said or (m.key in lone and m.key not in covered)
    ]


def fits_elsewhere_too(
    ordered: Sequence[Mention],
    neighbours: Sequence[tuple[int, Sequence[Mention]]],
    decided: Decisions = NONE,
) -> list[str]:
    """A review flag for each vague member that a neighbour's precise report fits
    too (`review.fits_elsewhere`): it was attached to one of several happenings."""
    reports = [(o, eid) for eid, others in neighbours for o in others if kind_of(o) == "precise"]
    where = {o.key: (eid, o) for o, eid in reports}
    flags = []
    for m in ordered:
        if kind_of(m) == "vague" and (found := fits_elsewhere(m, reports, None, decided)):
            eid, other = where[found]
            flags.append(f"{label(m)}: a vague date that fits #{eid} {label(other)} too")
    return flags


def bridged(ordered: Sequence[Mention], bridges: Sequence[tuple[str, Sequence[str]]]) -> list[str]:
    """A review flag for each split of the analyst's that later members joined again."""
    by_key = {m.key: m for m in ordered}
    flags = []
    for split, newcomers in bridges:
        named = ", ".join(label(by_key[k]) for k in newcomers if k in by_key)
        flag = "a split of yours was bridged by " + (named or "sources no longer here")
        flags.append(flag + (f" (you split off {label(by_key[split])})" if split in by_key else ""))
    return flags


def spanning_links(
    ordered: Sequence[Mention],
    fits: Mapping[str, str | None],
    budget: Budget,
    decided: Decisions = NONE,
) -> tuple[list[Link], list[str]]:
    """Each member's link to the member it joined (the analyst's joins as links
    "joined by you"), and flags for members none links."""
    by_key = {m.key: m for m in ordered}
    precise = [m for m in ordered if kind_of(m) == "precise"]
    vague = [m for m in ordered if kind_of(m) == "vague"]
    attached = [v for v in vague if fits.get(v.key) in by_key]
    free = [v for v in vague if not fits.get(v.key)]
    undated = [m for m in ordered if kind_of(m) == "undated"]
    links: list[Link] = []
    roots: list[Mention] = []
    home: dict[str, str] = {}
    for group in (precise, free, undated):
        if group:
            found, group_roots, group_home = tree(group, budget, decided)
            links += found
            roots += group_roots
            home.update(group_home)
    links += [attachment(v, by_key[fits[v.key]], budget) for v in attached]
    home.update({v.key: home.get(fits[v.key] or "", v.key) for v in attached})
    joins, roots = joined_by_you(by_key, home, roots, decided)
    links += joins
    flags = [
        f"{label(v)} is attached to a report outside this event"
        for v in vague
        if fits.get(v.key) and fits[v.key] not in by_key
    ]
    if len(roots) > 1 and budget.count >= budget.limit:
        flags.append(f"{len(roots)} groups of sources left unexplained: too many pairs to compare")
    elif len(roots) > 1:
        named = ", ".join(map(label, roots[:5])) + (", …" if len(roots) > 5 else "")
        flags.append(f"{len(roots)} groups of sources no rule links now: {named}")
    return links, flags


def joined_by_you(
    by_key: Mapping[str, Mention],
    home: Mapping[str, str],
    roots: Sequence[Mention],
    decided: Decisions,
) -> tuple[list[Link], list[Mention]]:
    """A link for each pair of members the analyst joined, and the roots of the parts
    left once those joins unite the parts holding their two members."""
    pairs = [(a, b) for a, b in sorted(decided.joined) if a in by_key and b in by_key]
    if not pairs:
        return [], list(roots)
    index = {r.key: i for i, r in enumerate(roots)}
    forest = UnionFind(len(roots))
    for a, b in pairs:
        ia, ib = index.get(home.get(a, a)), index.get(home.get(b, b))
        if ia is not None and ib is not None:
            forest.union(ia, ib)
    links = [Link(by_key[a], by_key[b], "joined", ()) for a, b in pairs]
    return links, [r for i, r in enumerate(roots) if forest.find(i) == i]


def tree(
    group: Sequence[Mention], budget: Budget, decided: Decisions = NONE
) -> tuple[list[Link], list[Mention], dict[str, str]]:
    """The links that join one kind of member (precise, free vague or undated), the
    first member of each part left apart, and each member's part (by that first
    member's key). A pair the analyst split apart is never linked.

    Each member is first weighed against the one that speaks for the event
    (`drafts.best_mention`): a happening told many times links each report to it, one
    look each. Only members that do not link to it directly are then found as
    `clusters.components` finds them (`candidates.link_all`).
    """
    forest = UnionFind(len(group))
    joined: list[tuple[int, int]] = []
    refused: set[tuple[int, int]] = set()

    def link(i: int, j: int) -> bool:
        if forest.find(i) == forest.find(j):
            return True
        pair = (min(i, j), max(i, j))
        if pair in refused or decided.apart(group[i].key, group[j].key) or not budget.take():
            return False
        if compatible(group[i], group[j]):
            forest.union(i, j)
            joined.append((i, j))
            return True
        refused.add(pair)
        return False

    hub = group.index(best_mention(group))
    for i in range(len(group)):
        if decided.apart(group[i].key, group[hub].key):
            refused.add((min(i, hub), max(i, hub)))
        elif i != hub and budget.take():
            if same_event(group[i], group[hub]):
                forest.union(i, hub)
                joined.append((i, hub))
            else:
                refused.add((min(i, hub), max(i, hub)))
    if any(forest.find(i) != forest.find(hub) for i in range(len(group))):
        link_all(group, link)
    roots = [group[i] for i in range(len(group)) if forest.find(i) == i]
    home = {m.key: group[forest.find(i)].key for i, m in enumerate(group)}
    return [joining(group[i], group[j], budget) for i, j in joined], roots, home


def joining(a: Mention, b: Mention, budget: Budget) -> Link:
    """The link the rule made between two members, with what they share."""
    budget.count += 1
    e = evidence_of(a, b)
    if e is None:
        return Link(a, b, "undated", (words_phrase(a, b),))
    rule = "in_document" if a.document == b.document else "across"
    return Link(a, b, rule, tuple(agreement(a, b, e)), review=weakness(a, b, e))


def attachment(vague: Mention, precise: Mention, budget: Budget) -> Link:
    """A vague member's link to the precise report it is attached to, with the fit."""
    budget.count += 1
    other_kind, closeness, _ = fit_order(vague, precise)
    kind = (
        f"another kind: {vague.type} / {precise.type}"
        if other_kind
        else f"same kind: {precise.type}"
    )
    fit = f"{kind}, words {-closeness:.2f}"
    e = evidence_of(vague, precise)
    reasons = tuple(agreement(vague, precise, e))
    weak = weakness(vague, precise, e)
    return Link(vague, precise, "attached", reasons, review=weak, fit=fit)


def weakness(a: Mention, b: Mention, e: Evidence) -> str:
    """Why a link resting on neither a shared person nor the same day needs a look,
    with what it did rest on; "" for a link that does not (a sentence one document
    tells again word for word is not weak)."""
    if e.shared_people or (e.relation == "equal" and e.precise):
        return ""
    if a.document == b.document and e.similarity >= REPEATED:
        return ""
    words = f"words {e.similarity:.2f}"
    if e.shared_countries >= 2:
        on = f"{e.shared_countries} shared countries and {words}"
        return f"joined without a shared person or the same day, on {on}"
    return f"joined on text similarity alone ({words}; no shared person, not the same day)"


def agreement(a: Mention, b: Mention, e: Evidence) -> list[str]:
    """What two linked mentions share, strongest first."""
    out = []
    if people := shared_people(a, b):
        out.append(f"same person ({', '.join(people)})")
    out.append(dates_phrase(a, b, e))
    if countries := shared_countries(a, b):
        out.append(f"shared countries ({', '.join(countries)})")
    out.append(f"same kind ({a.type})" if e.same_type else f"kinds {a.type} / {b.type}")
    if a.document == b.document and e.similarity >= REPEATED:
        out.append(f"the same sentence told again (words {e.similarity:.2f})")
    else:
        out.append(words_phrase(a, b, e))
    return out


def dates_phrase(a: Mention, b: Mention, e: Evidence) -> str:
    """How the two dates relate, in words."""
    if e.relation == "equal":
        one_day = e.precise and a.date.date_start == a.date.date_end
        return f"{'same day' if one_day else 'same dates'} ({date_of(a)})"
    if e.relation == "contains":
        inner, outer = sorted((a, b), key=lambda m: (span_of(m).end - span_of(m).start, m.key))
        return f"date contained in the other's ({date_of(inner)} within {date_of(outer)})"
    first, second = sorted((a, b), key=lambda m: (span_of(m).start, m.key))
    return f"{days_apart(a, b)} ({date_of(first)} / {date_of(second)}): a date conflict"


def words_phrase(a: Mention, b: Mention, e: Evidence | None = None) -> str:
    """The words the sentences share, with the similarity score."""
    score = f"similar words {e.similarity if e else similarity(a, b):.2f}"
    return f"{score} ({e.shared_words} in common)" if e else score


def shared_people(a: Mention, b: Mention) -> list[str]:
    """Names of the people both mentions name (`names.same_person`, as `shared_actors`)."""
    return [
        x.name
        for x in a.entities.actors
        if any(same_person(x.key, y.key) for y in b.entities.actors)
    ]


def shared_countries(a: Mention, b: Mention) -> list[str]:
    """Names of the countries both mentions name."""
    common = set(a.entities.countries) & set(b.entities.countries)
    return [country_name(c) for c in a.entities.countries if c in common]


def days_apart(a: Mention, b: Mention) -> str:
    """'dates 1 day apart', 'dates 3 days apart'."""
    gap = gap_days(a, b)
    return f"dates {gap} day{'s' if gap != 1 else ''} apart"


def gap_days(a: Mention, b: Mention) -> int:
    """Days between two dated mentions' spans (0 when they meet)."""
    sa, sb = span_of(a), span_of(b)
    if sa.end < sb.start:
        return (sb.start - sa.end).days
    return (sa.start - sb.end).days if sb.end < sa.start else 0


def date_conflict(members: Sequence[Mention]) -> str | None:
    """The two members whose dates disagree most, when some do (`drafts.date_bounds`)."""
    latest_start, earliest_end = date_bounds(members)
    if latest_start is None or earliest_end is None or latest_start <= earliest_end:
        return None
    late = next(m for m in members if span_of(m) and span_of(m).start == latest_start)
    early = next(m for m in members if span_of(m) and span_of(m).end == earliest_end)
    return f"sources disagree on the date: {label(late)} and {label(early)}"


def split_off(
    event_id: int, members: Sequence[Mention], others: Sequence[Mention], decided: Decisions
) -> NearMiss | None:
    """A neighbour the analyst split off this event: the first pair split apart, if any."""
    if not decided.split:
        return None
    mine = {m.key: m for m in members}
    theirs = {m.key: m for m in others}
    for a, b in sorted(decided.split):
        for x, y in ((a, b), (b, a)):
            if x in mine and y in theirs:
                return NearMiss(event_id, mine[x], theirs[y], ("split off by you",))
    return None


def near_miss(
    event_id: int, members: Sequence[Mention], others: Sequence[Mention], budget: Budget
) -> NearMiss | None:
    """The pair of a neighbour that came closest to the event's members, and why the
    rule kept it apart (a sample of each side, `NEAR_SAMPLE`, is weighed: of the
    event, members sharing a country or a person with the neighbour first)."""
    theirs = sample(others)
    shared = frozenset().union(*(anchors(m) for m in theirs))
    mine = sample([m for m in members if anchors(m) & shared] or members)
    pairs = [(a, b) for a in mine for b in theirs if budget.take()]
    if not pairs:
        return None
    a, b = min(pairs, key=lambda p: closeness(*p))
    budget.count += 1
    return NearMiss(event_id, a, b, tuple(refusal(a, b)))


def sample(mentions: Sequence[Mention]) -> list[Mention]:
    """The mentions that speak for an event first (most exact date), at most NEAR_SAMPLE."""
    ranked = sorted(mentions, key=lambda m: (PRECISION_RANK.get(m.date.precision, 9), m.key))
    return ranked[:NEAR_SAMPLE]


def closeness(a: Mention, b: Mention) -> tuple[bool, bool, int, float, str, str]:
    """How near two mentions came to being one, smallest nearest: sharing an anchor,
    then both pinned to days (a vague date's neighbour is the report it fits), then
    days apart, then the most words in common."""
    precise = kind_of(a) == kind_of(b) == "precise"
    apart = 1 << 20 if span_of(a) is None or span_of(b) is None else gap_days(a, b)
    return (not anchors(a) & anchors(b), not precise, apart, -similarity(a, b), a.key, b.key)


def refusal(a: Mention, b: Mention) -> list[str]:
    """Why the rule keeps two mentions apart, in words, the facts against first."""
    if same_event(a, b):
        if "vague" in (kind_of(a), kind_of(b)):
            return ["the rule would join them, but the vague date fits another report better"]
        return ["the rule joins them now: the stored events are out of date (rebuild)"]
    sa, sb = span_of(a), span_of(b)
    out = []
    if not anchors(a) & anchors(b):
        out.append("no country, person or document in common")
    if sa is None or sb is None:
        out.append("both undated" if sa is None and sb is None else "one of them is undated")
        return [*out, words_phrase(a, b)]
    e = evidence_of(a, b)
    relation = e.relation
    two_periods = periods_apart(sa, sb)
    if two_periods == "overlap":
        out.append(f"two periods that share less than half ({date_of(a)} / {date_of(b)})")
    elif two_periods == "consecutive":
        out.append(f"consecutive periods, not one ({date_of(a)} / {date_of(b)})")
    elif relation == "apart":
        out.append(f"dates too far apart ({date_of(a)} / {date_of(b)}, {gap_days(a, b)} days)")
    elif relation == "nested":
        out.append(
            f"one's days lie inside the other's ({date_of(a)} / {date_of(b)}): "
            "a part, not the same event"
        )
    elif relation == "near":
        out.append(f"{days_apart(a, b)} ({date_of(a)} / {date_of(b)})")
    if (a.type == "citation") != (b.type == "citation"):
        out.append("only one of them cites a text")
    if not e.same_type:
        out.append(f"different kinds ({a.type} / {b.type})")
    if e.people_clash or (a.entities.actors and b.entities.actors and not e.shared_people):
        out.append(f"different people ({people(a)} / {people(b)})")
    both_name_some = a.entities.countries and b.entities.countries
    if e.bilateral_clash or (both_name_some and not e.shared_countries):
        out.append(f"different countries ({countries(a)} / {countries(b)})")
    if a.document == b.document:
        out.append("one document telling two happenings")
    # Near days alone, or one document, do not keep two reports apart: the words did.
    decided = len(out) - (relation == "near") - (a.document == b.document)
    out.append(("words " if decided else "words too different ") + f"{e.similarity:.2f}")
    return out


def people(mention: Mention) -> str:
    """The people a mention names, or 'nobody'."""
    return ", ".join(a.name for a in mention.entities.actors) or "nobody"


def countries(mention: Mention) -> str:
    """The countries a mention names, or 'none'."""
    return ", ".join(country_name(c) for c in mention.entities.countries) or "none"
