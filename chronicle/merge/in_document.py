"""Decide whether two mentions of one document report the same happening.

A document often tells one happening more than once: a lede and the body, an
infobox and the text, a photo caption and the story, a repeated paragraph, a
header date and the same date in the text. Those are one event with all their
sentences as sources. But one document also lists distinct happenings on one day
with the same countries (a chronology) or two agreements signed at one summit,
so inside a document the same evidence as across documents (`evidence.Evidence`)
is read with more care: a document narrates consistently, so two different days
are two happenings, and two people or two things named differently are two
happenings.

Pure: `rules.compatible` builds the evidence and asks this module when both
mentions come from one document; clustering stays a function of the set of
mentions, so ingest order and bulk loading still give the same events.
"""

from __future__ import annotations

from chronicle.merge.evidence import Evidence

REPEATED = 0.8
"""Word overlap at which a sentence is the same sentence told again (a repeated paragraph)."""

SAME_WORDS = 0.3
"""Word overlap at which two sentences of one text say the same thing in other words."""

HALF_WORDS = 0.5
"""Word overlap at which a coarse date's sentence is the same story as another's (a
summary and its account, or the same year told twice) without a person to tie them."""

THING_TYPES = frozenset({"agreement", "economic", "statement", "citation"})
"""Types whose events are told apart by what they are about (which agreement was signed,
which figure, what was said), not by who took part: one summit signs several agreements."""


def same_happening_in_document(evidence: Evidence) -> bool:
    """True when two dated mentions of one document report one happening.

    - Two different days (or a day inside a range) in one text are two happenings;
      only equal dates, or a coarse date containing a precise one, can be one.
      Two dates one sentence keeps are two happenings, even on one day.
    - A sentence told again (`REPEATED` overlap) is one happening whatever else differs.
    - Different people on both sides or two different bilateral relationships: two
      happenings.
    - On one named day, a line naming no kind of event (a caption, an infobox entry)
      is the story's happening when its words are the story's ("Treaty of
      Friendship: 1 August 1962"), or, beside a gathering, when it names the same
      people or shares words with it ("K2 tanks unloaded at Gdynia" beside "the
      first tanks arrived at Gdynia"). Beside a statement or an agreement the words
      must agree: a scene of the day is not what was said or signed that day.
    - On one named day, a meeting and talks by the same people are one gathering
      told in different words.
    - On one named day and of one kind, a gathering (meeting, visit, talks) is one
      when a person is shared or the words meet at all; a thing (an agreement, a
      figure, a statement) only when the words agree or two of them are shared
      ("the Itaipu treaty"), because one summit signs several agreements.
    - A coarse date containing a precise one, with the same kind of event done by
      the same person (named first in both), is a summary of the account ("visited
      China in 2016" and the visit's days); a vague mention fitting two accounts is
      attached to the one it fits best (`clusters.best_fit`). Another person's visit in the
      same year is another visit.
    - Two equal coarse dates (a year, a month) cover many happenings: a person must
      be shared and the words agree somewhat, or the words agree well.
    """
    e = evidence
    if e.relation not in ("equal", "contains"):
        return False
    if e.same_sentence:
        # Ingest already let a coarse date that only anchors a finer one go
        # (`mentions.drop_contained`); the dates one sentence keeps are its own events
        # ("prayed at the mosque this morning and was to address parliament later today").
        return False
    if e.similarity >= REPEATED:
        return True
    if e.people_clash or e.bilateral_clash:
        return False
    words_agree = e.similarity >= SAME_WORDS or e.contained
    day = e.relation == "equal" and e.precise
    thing = e.primary in THING_TYPES
    if not e.same_type:
        if day and e.gatherings:
            return e.shared_people
        if not (day and e.untyped):
            return False
        return words_agree or (not thing and (e.shared_people or e.shared_words >= 2))
    if day:
        if thing:
            return words_agree or e.shared_words >= 2 or (e.unsaid and e.shared_people)
        return e.shared_people or words_agree or e.shared_words >= 1 or e.unsaid
    if e.relation == "contains":
        # a summary and its account; `clusters.best_fit` keeps it to one
        return e.same_subject or e.similarity >= HALF_WORDS
    return (e.shared_people and e.similarity >= 0.2) or e.similarity >= HALF_WORDS
