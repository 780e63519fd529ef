"""Turn a cleaned document into mentions: one per dated statement.

Dates are found once over the whole cleaned text (so a year-less "December 19"
can take its year from an earlier "December 2017"), then each date is attached
to the segment that holds it, and that segment supplies the people, places,
event type and headline; in a sentence with several dates, each date's own
clause does (`clauses.clauses_of`).
"""

from __future__ import annotations

import bisect
import hashlib
import itertools
import re
from collections.abc import Sequence
from dataclasses import replace

from chronicle.ingest.dates.finder import find_dates
from chronicle.ingest.entities import (
    defined_acronyms,
    find_entities,
    resolve_actors,
)
from chronicle.ingest.events.classify import classify
from chronicle.ingest.events.clauses import clauses_of, independent
from chronicle.ingest.events.date_roles import (
    labels_a_period,
    names_no_happening,
    steps_to_a_state,
)
from chronicle.ingest.events.headline import make_headline
from chronicle.ingest.events.subjects import (
    bilateral_pair,
    in_context,
    paragraph_subjects,
    recent_parties,
    with_pair,
    with_parties,
)
from chronicle.ingest.events.visits import (
    states_visit_length,
    with_stated_length,
    within_visits,
)
from chronicle.ingest.metadata.extract import DATE_LINE_RESIDUE, dateline_length
from chronicle.ingest.reading import advance
from chronicle.lexicon import country_forms
from chronicle.model import CleanDocument, DateMatch, Entities, Mention, Segment

EVENT_SEGMENT_KINDS = frozenset({"sentence", "list_item", "footnote", "heading"})
"""Segment kinds that can state an event (table rows hold figures, not events)."""

VAGUE_MODIFIERS = frozenset({"present", "future"})
""""now", "currently", "in the future": they date a state of affairs, not an event."""


def content_hash(text: str) -> str:
    """The identity of a document's contents (SHA-256 of its decoded text)."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def extract_mentions(doc: CleanDocument, doc_hash: str) -> list[Mention]:
    """Every dated statement in `doc`, in text order.

    Args:
        doc: The cleaned document.
        doc_hash: Its content hash; mention keys are built from it.

    Returns:
        Mentions, each keyed "<hash prefix>:<offset of the date>".
    """
    segments = [s for s in doc.segments if s.kind in EVENT_SEGMENT_KINDS]
    starts = [s.start for s in segments]
    by_segment: dict[int, list[DateMatch]] = {}
    for match in find_dates(doc.text, doc.date):
        advance("dates", match.start, len(doc.text))
        if match.modifier in VAGUE_MODIFIERS or names_no_happening(match, doc.text):
            continue
        index = bisect.bisect_right(starts, match.start) - 1
        if index < 0 or match.end > segments[index].end:
            continue
        by_segment.setdefault(index, []).append(match)
    # Every sentence's people, dated or not: a full name in an undated sentence
    # still tells who a later "Minister Kono" is.
    known = defined_acronyms(doc.text)
    # A dateline tells where the story was filed, not where its events happened.
    bodies = [s.text[dateline_length(s.text) :] for s in segments]
    entities = []
    for done, body in enumerate(bodies):
        advance("entities", done, len(bodies))
        entities.append(find_entities(body, known_organisations=known))
    people = resolve_actors(a for e in entities for a in e.actors)
    named = [_resolved(e, people).countries for e in entities]
    pair = bilateral_pair(doc.title, named)
    subjects = paragraph_subjects(segments, [with_pair(c, pair) for c in named])
    parties = recent_parties(named, pair)
    mentions, clauses_read = [], []
    for index, matches in sorted(by_segment.items()):
        advance("mentions", index, len(segments))
        segment = segments[index]
        if segment.kind == "heading":
            bounds = (segment.start, segment.end)
            matches = [m for m in matches if not labels_a_period(m, doc.text, bounds)]
        if not matches or _is_date_line(segment, matches):
            continue
        seg_entities = in_context(
            _resolved(entities[index], people), subjects.get(segment.paragraph, ()), pair
        )
        body = bodies[index]
        seg_entities = with_parties(seg_entities, body, parties[index])
        kept = drop_contained(drop_dateline(matches, segment, body), doc.text)
        assigned = assign(kept, doc.text, seg_entities)
        clauses = clauses_of(body, [match.text for match, _ in assigned])
        for (match, own), clause in zip(assigned, clauses, strict=True):
            if clause != body and own is seg_entities:
                own = _clause_entities(clause, seg_entities, people, known, pair)
                own = with_parties(own, clause, parties[index])
            types = classify(
                clause,
                own,
                is_footnote=segment.kind == "footnote",
                date_text=match.text,
            )
            if types == ("other",) and steps_to_a_state(match.text, clause):
                continue
            if types[0] != "visit" and "visit" in types and states_visit_length(clause):
                # "signed ... on Monday at the end of a four-day state visit": the
                # signing is Monday's, the visit is the four days ending on Monday
                stay = with_stated_length(match, clause)
                visit = _mention(doc, doc_hash, segment, clause, stay, own, ("visit", *types))
                mentions.append(replace(visit, key=f"{visit.key}:visit"))
                clauses_read.append(clause)
            elif types[0] == "visit":
                match = with_stated_length(match, clause)
            mentions.append(_mention(doc, doc_hash, segment, clause, match, own, types))
            clauses_read.append(clause)
    return within_visits(mentions, clauses_read)


def _clause_entities(
    clause: str,
    sentence: Entities,
    people: dict,
    known: frozenset[str] | set[str],
    pair: tuple[str, ...],
) -> Entities:
    """The people and places of one clause; a clause naming no country keeps the
    sentence's ("... and entered into force on 1 January 2015")."""
    own = _resolved(find_entities(clause, known_organisations=known), people)
    return replace(own, countries=with_pair(own.countries, pair) or sentence.countries)


def drop_dateline(matches: Sequence[DateMatch], segment: Segment, body: str) -> list[DateMatch]:
    """Drop the dateline's date when the sentence dates its event itself.

    "Islamabad, 3 March 2023 — talks were held on March 2" happened on the 2nd;
    with no other date, the dateline dates the news ("met ... at Foreign Office").
    """
    cut = segment.start + len(segment.text) - len(body)
    inside = [m for m in matches if m.start >= cut]
    return inside if inside else list(matches)


def assign(
    matches: Sequence[DateMatch], text: str, entities: Entities
) -> list[tuple[DateMatch, Entities]]:
    """Each date with the entities of its event.

    Coordinated dates are paired with their people respectively, and consecutive
    whole years ("in 2020 and 2021") or days ("on 12 and 13 November") read as one
    period.
    """
    paired = respectively(matches, text, entities)
    out: list[tuple[DateMatch, Entities]] = []
    for run in coordinated_runs(matches, text):
        if len(run) > 1 and run[0].start not in paired and consecutive(run):
            out.append((span_run(run, text), entities))
        else:
            out.extend((m, paired.get(m.start, entities)) for m in run)
    return out


def coordinated_runs(matches: Sequence[DateMatch], text: str) -> list[list[DateMatch]]:
    """Dates joined only by "and" or commas, grouped in runs."""
    runs: list[list[DateMatch]] = []
    for m in matches:
        if runs and _COORDINATOR.fullmatch(text[runs[-1][-1].end : m.start]):
            runs[-1].append(m)
        else:
            runs.append([m])
    return runs


def consecutive(run: Sequence[DateMatch]) -> bool:
    """True for whole years (2020, 2021) or single days (12, 13 November) that follow each other."""
    precision = run[0].precision
    if precision not in ("year", "day") or any(m.precision != precision for m in run):
        return False
    if any(m.date_start is None or m.date_end is None for m in run):
        return False
    return all(
        (b.date_start - a.date_end).days == 1
        if precision == "day"
        else b.date_start.year == a.date_end.year + 1
        for a, b in itertools.pairwise(run)
    )


def span_run(run: Sequence[DateMatch], text: str) -> DateMatch:
    """One range match covering a run of coordinated dates."""
    first, last = run[0], run[-1]
    return replace(
        first,
        end=last.end,
        date_end=last.date_end,
        precision="range",
        text=text[first.start : last.end],
    )


def _mention(
    doc: CleanDocument,
    doc_hash: str,
    segment: Segment,
    body: str,
    match: DateMatch,
    entities: Entities,
    types: tuple[str, ...],
) -> Mention:
    return Mention(
        key=f"{doc_hash[:16]}:{match.start:06d}",
        document=doc.path,
        sentence=segment.text,
        paragraph=_paragraph(doc, segment),
        date=match,
        type=types[0],
        types=types,
        entities=entities,
        headline=make_headline(body, match.text, entities, types),
        footnotes=tuple(doc.footnotes[f] for f in segment.footnotes if f in doc.footnotes),
    )


def _paragraph(doc: CleanDocument, segment: Segment) -> str:
    if 0 <= segment.paragraph < len(doc.paragraphs):
        return doc.paragraphs[segment.paragraph]
    return segment.text


def _resolved(entities: Entities, people: dict) -> Entities:
    """Replace surname-only actors by the full person seen elsewhere in the document."""
    actors = tuple(people.get(a.key, a) for a in entities.actors)
    unique = tuple({a.key: a for a in actors}.values())
    countries = list(entities.countries)
    for actor in unique:
        if actor.country and actor.country not in countries:
            countries.append(actor.country)
    return Entities(actors=unique, countries=tuple(countries), organisations=entities.organisations)


def _is_date_line(segment: Segment, matches: Sequence[DateMatch]) -> bool:
    """A line that is only a date states no event: a date under a title, a masthead's
    "Updated 8:47 PM EDT, June 14, 2023" or a place and date ("Tokyo, 28 April 2022")."""
    rest = segment.text
    for m in matches:
        rest = rest.replace(m.text, " ")
    rest = DATE_LINE_RESIDUE.sub(" ", rest).strip(" ,.;:-–—()|/")
    if len(rest) < 3:
        return True
    return len(segment.text) <= 60 and rest in country_forms()  # a place: "Tokyo, 28 April"


_COORDINATOR = re.compile(r"\s*(?:,\s*(?:and\s+)?|and\s+|&\s*)$")


def respectively(
    matches: Sequence[DateMatch], text: str, entities: Entities
) -> dict[int, Entities]:
    """Pair coordinated dates with the people named after them, in order.

    "visits were exchanged in 2005 and 2011 when Prime Minister Koizumi visited
    Islamabad and President Zardari visited Tokyo" reads respectively: the first
    date belongs to the first person, the second to the second. Applies only
    when a run of dates joined by "and"/commas meets exactly as many people.

    Returns:
        Start offset of a date -> the entities that date's event involves.
    """
    runs = coordinated_runs(matches, text)
    paired: dict[int, Entities] = {}
    for run in runs:
        if len(run) >= 2 and len(entities.actors) == len(run):
            for m, actor in zip(run, entities.actors, strict=True):
                paired[m.start] = replace(entities, actors=(actor,))
    return paired


_OWN_YEAR = re.compile(
    r"\d{4}|\b(?i:last|next|this|ago|earlier|later|previous|following|coming|past"
    r"|yesterday|today|tomorrow)\b"
)
"""A date that names its year or counts from the document date needs no anchor."""


def _takes_year_from_context(date_text: str) -> bool:
    return _OWN_YEAR.search(date_text) is None


def drop_contained(matches: Sequence[DateMatch], text: str = "") -> list[DateMatch]:
    """Drop a coarse date that only anchors a finer one in the same clause.

    "Earlier, in December 2017, ... on December 19" states one event, on the 19th.
    A finer date with a year of its own ("floods of 2022 ... aid announced last
    September", "in FY2021-22, up from a year earlier") is another event, and so is
    a finer date in another main clause ("visit Australia later this year, and ...
    welcoming him to the summit in Sydney in May"): both stay.

    Args:
        matches: The dates of one sentence.
        text: The text their offsets index, to see the clauses between them.
    """
    kept = []
    for m in matches:
        if m.date_start is None or m.date_end is None:
            kept.append(m)
            continue
        anchored = any(
            o is not m
            and o.date_start is not None
            and o.date_end is not None
            and m.date_start <= o.date_start
            and o.date_end <= m.date_end
            and (o.date_start, o.date_end) != (m.date_start, m.date_end)
            and _takes_year_from_context(o.text)
            and not independent(text[min(m.end, o.end) : max(m.start, o.start)])
            for o in matches
        )
        if not anchored:
            kept.append(m)
    return kept
