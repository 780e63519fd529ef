"""Assign event types (from ``model.EVENT_TYPES``) to one sentence, primary type first.

Rule-based: word-boundary, stem-aware cue patterns per type, then one ordering principle.

Ordering principle ("what does the sentence report as having happened?"):
  1. A footnote (``is_footnote=True``) is a "citation" first, whatever else it mentions.
  2. If a date is given and a *verbal* cue sits right before it in the same clause
     ("the nuclear deal struck on November 11"), that cue's type is primary: it is the
     event the date belongs to.
  3. Otherwise the earliest *verbal* cue wins: a finite event verb ("met", "visited",
     "signed", "stated", "established diplomatic relations") or a light verb with an
     event noun ("held a Foreign Ministers' Meeting", "paid visits"). Event nouns in
     backgrounded adverbials ("during his visit to ...", "During the visit of ...") and in
     reported clauses lose to the main verb, because main verbs come first as verbal cues.
  4. With no verbal cue, the earliest event noun wins ("Mr. Kono's visit served ...").
  5. Specificity: when the winner is a generic "meeting" and the sentence names a dialogue
     mechanism (consultations, dialogue, talks, working group), "dialogue" goes first:
     a meeting of a dialogue mechanism is a dialogue.
  The other fitting types follow in order of their first cue. "other" only when nothing fits.

So "During the visit of President Zardari to Japan ..., the two sides signed the Joint
Statement" -> ("agreement", "visit"): the main verb reports the signing; the visit is its
setting.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import re
from dataclasses import dataclass

from chronicle.ingest.literals import Gated, lowered_for_gates
from chronicle.lexicon import country_forms
from chronicle.model import EVENT_TYPES, Entities

_I = re.IGNORECASE


def _words(*forms: str) -> str:
    """Alternation of word forms; a trailing digit is allowed ("Meeting1" photo captions)."""
    return r"(?<![^\W\d_])(?:" + "|".join(forms) + r")(?![^\W\d_])"


_VERBAL_CUES: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        "anniversary",
        re.compile(r"\bestablish(?:ed|es)?\s+(?:\w+\s+){0,2}diplomatic\s+relations", _I),
    ),
    (
        "anniversary",
        re.compile(
            r"\b(?:diplomatic\s+)?relations\s+(?:were\s+)?(?:started|began|commenced|established)\b",
            _I,
        ),
    ),
    ("meeting", re.compile(_words("met", "meets?", "discussed", "discusses"), _I)),
    ("meeting", re.compile(r"\bcalled\s+on\s+(?=(?:the\s+)?[A-Z])")),
    (
        # receiving or hosting a person: "received her Togolese counterpart",
        # "hosted Professor Dussey", not "received a letter" or "hosted the Games"
        "meeting",
        re.compile(
            r"\b(?i:received|receives|hosted|hosts|welcomed|welcomes)\s+"
            r"(?:(?:his|her|their|the)\s+)?(?:[A-Z][\w’'-]*\s+){0,3}"
            r"(?:counterparts?|delegations?|envoys?|ambassadors?|[A-Z][a-z]+\.?\s+[A-Z])"
        ),
    ),
    (
        "visit",
        re.compile(
            _words("visited", "toured", "arrived", "arrives", "arriving", r"travell?ed\s+to"), _I
        ),
    ),
    ("visit", re.compile(r"\b(?:to|will|would|shall|may|can|must)\s+visit\b", _I)),
    (
        "agreement",
        re.compile(_words("signed", "signs?", "signing", "inked", "ratified"), _I),
    ),
    # "agreed to share data", "agreed on a ceasefire": what they settled ("agreed that"
    # reports a shared view)
    ("agreement", re.compile(r"\bagree[ds]?\s+(?:\w+\s+){0,3}?(?:to|on|upon)\s", _I)),
    (
        # "struck a deal", "the deal struck on ...", not "aircraft struck airfields"
        "agreement",
        re.compile(
            r"\b(?:deals?|agreements?|accords?|bargains?|compromises?|pacts?)\s+(?:was\s+)?struck\b"
            r"|\bstr(?:uck|ike|ikes)\s+(?:a|an|the|their|its)\s+(?:\w+\s+){0,2}"
            r"(?:deals?|agreements?|accords?|bargains?|compromises?|pacts?)\b",
            _I,
        ),
    ),
    (
        "statement",
        re.compile(
            _words(
                "stated",
                "states",
                "said",
                "says",
                "told",
                "tells",
                "expressed",
                "expresses",
                r"called\s+(?:for|upon)",
                r"called\s+on",
                "remarked",
                "emphasi[sz]ed",
                "stressed",
                "underlined",
                "reiterated",
                "noted",
                "announced",
                "declared",
                "conveyed",
                "explained",
                "mentioned",
                "welcomed",
                "condemned",
                "urged",
                "appreciated",
                "hoped",
                "requested",
                "asserted",
                "affirmed",
                "highlighted",
                "pledged",
                "assured",
                "added",
                r"spoke\s+(?:of|about|on)",
                r"agreed(?!\s+(?:\w+\s+){0,3}?(?:to|on|upon)\s)",
                "recalled",
                "sought",
                "voiced",
                "thanked",
                "praised",
                "warned",
                "critici[sz]ed",
                "rejected",
                "denied",
                "accused",
                "accusing",
                "proposed",
                "mentioned",
            ),
            _I,
        ),
    ),
    (
        "election",
        re.compile(
            _words("elected", "re-elected", r"sworn\s+in", r"(?:took|assumed)\s+office"), _I
        ),
    ),
    ("economic", re.compile(_words("invested", "exported", "imported", "traded"), _I)),
    ("dialogue", re.compile(_words("negotiated"), _I)),
)
"""Finite event verbs: (type, pattern)."""

_NOMINAL_CUES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("anniversary", re.compile(r"\banniversar(?:y|ies)\b|\bjubilee\b|\bcommemorat\w*", _I)),
    (
        "anniversary",
        re.compile(r"\bestablishment\s+of\s+(?:\w+\s+){0,2}diplomatic\s+relations", _I),
    ),
    (
        "meeting",
        re.compile(
            _words(
                "meetings?",
                "summits?",
                r"working\s+(?:lunch|dinner|breakfast)",
                r"courtesy\s+calls?",
                r"(?:tele)?phone\s+(?:calls?|talks?|conversations?)",
                r"video\s+conferences?",
                "discussions?",
                "audience",
            ),
            _I,
        ),
    ),
    ("visit", re.compile(_words("visits?", "visiting", "trips?", r"tours?(?!\w)"), _I)),
    (
        "agreement",
        re.compile(
            _words(
                r"(?<!\bin\s)agreements?(?!\s+with\s+(?:his|her|the|their)\s+(?:view|position))",
                "MoUs?",
                r"memorand(?:um|a)\s+of\s+understanding",
                r"joint\s+(?:statement|declaration|communiqu[ée])",
                "communiqu[ée]",
                r"deals?(?!\s+with)",
                "pacts?",
                "accords?",
                r"exchange\s+of\s+notes",
            ),
            _I,
        ),
    ),
    ("agreement", re.compile(r"\btreat(?:y|ies)\b")),
    (
        "statement",
        re.compile(
            r"(?<!joint\s)\b(?:statements?|press\s+releases?|remarks|speech|message)\b",
            _I,
        ),
    ),
    (
        "dialogue",
        re.compile(
            _words(
                "consultations?",
                "dialogues?",
                "talks",
                r"working\s+groups?",
                "negotiations?",
                r"rounds?\s+of",
                r"joint\s+(?:[A-Z]\w+\s+){0,2}(?:committee|commission)",
                r"sessions?\s+of\s+the\s+(?:[\w-]+\s+){0,5}(?:Commission|Committee)",
            ),
            _I,
        ),
    ),
    ("election", re.compile(_words("elections?", "polls?", "candidac(?:y|ies)", "referendum"), _I)),
    (
        "economic",
        re.compile(
            _words(
                "trade",
                "exports?",
                "imports?",
                "FDI",
                r"invest(?:ment|ments|or|ors|s|ing)?",
                "billions?",
                r"multi-billion",
                "millions?",
                "loans?",
                r"grant\s+aid",
                "ODA",
                "tariffs?",
                "economic",
                "economy",
                "economies",
                "business(?:es)?",
                "companies",
                "commercial",
                "GDP",
                "yen",
                "rupees?",
            ),
            _I,
        ),
    ),
    ("economic", re.compile(r"(?:\bUS\s?\\?\$|\$\s?\d|\bUSD\b)")),
)
"""Event nouns: (type, pattern)."""

_LIGHT_VERB_RE = re.compile(
    _words(
        "held",
        "holds?",
        "holding",
        r"had(?!\s+(?:been|to|not|also\s+been)\b)",
        "hosted",
        "attended",
        "chaired",
        "convened",
        "paid",
        "pays?",
        "made",
        "undert(?:ook|aking|ake|akes)",
        "concluded",
        "celebrated",
        "celebrates?",
        "marked",
        "marks",
        "conducted",
        "exchanged",
        "launched",
    ),
    _I,
)
"""A light verb; the event noun it governs (within five words, same clause) becomes verbal."""

_CITATION_RE = re.compile(
    r"^\s*(?:[¹²³⁴⁵⁶⁷⁸⁹⁰\d]+\.?\s*)?(?:See(?:\s+also)?\b|Source:|Sources:|Ibid|Cf\.)"
    r"|https?://|\bwww\.|\bvol\.\s*\d|\bpp?\.\s*\d|\bRetrieved\b|\bAvailable\s+at\b"
    r"|\*[^*]+\*\s*(?:\([^)]*\))?,\s*(?:\d|[A-Z][a-z]+\s+\d)"
    # A quoted title opening the line, or "Place: Publisher, 2017" (source notes under tables).
    r"|^\s*[\"“][^\"”]{3,}[\"”],"
    r"|\b[A-Z][\w.]*:\s+[A-Z][^.:]{2,80},\s*(?:1[89]|20)\d\d\b",
)
"""Bibliographic shapes: "See also", URLs, volume/page numbers, "*Dawn* (Islamabad), January 5"."""

_DATELINE_RE = re.compile(r"^\s*(?P<place>[A-Z][A-Z.'’-]+(?:\s+[A-Z][A-Z.'’-]+)*)\s*:\s")
"""A newspaper lede's place ("NAROWAL: ", "NEW DELHI: ")."""


def _without_dateline(sentence: str) -> str:
    """The sentence without a lede's dateline, which is not a source note's "Place:"."""
    match = _DATELINE_RE.match(sentence)
    if not match:
        return sentence
    place = match.group("place")
    is_place = len(place) >= 6 or " " in place or place.title() in country_forms()
    return sentence[match.end() :] if is_place else sentence


_NAMES_A_PLACE = re.compile(
    r"\s+(?:[A-Z]\w*\s+)?(?:House|Hall|Palace|Cent(?:re|er)|Building|Street"
    r"|Road|Avenue|Square|Park|Bridge|Hotel|Tower|Stadium|Line|Hospital|School|College"
    r"|University|Airport|Station|Gardens?|Museum|Library|Foundation|Award|Prize|Medal)\b"
)
"""A capitalised cue followed by a building's or institution's noun is a name ("the Jubilee
House", "the Summit Hotel", "Trade Centre"), no event."""

_ATTRIBUTION = re.compile(
    r",\s*(?:(?:[^,;]{0,80}?\s)?(?:said|says|told|tells|added|stated|reported)\b"
    r"|according\s+to\b)[^;]*$"
)
"""A closing attribution (", their environment ministers said on the sidelines ..."):
it tells who reports the clause before it, not what happened."""

_ATTRIBUTION_GATE = Gated(_ATTRIBUTION)
"""A closing attribution needs its verb ("said", "told", "according"): most sentences have none."""

_VERB_BEFORE = re.compile(r"\b[a-z]+ed\b|\b(?:met|held|made|took|began|won|lost|left|set)\b")
"""A finite verb before an attribution: the clause reports a happening of its own."""

_CLAUSE_BREAK_RE = re.compile(r"[,;:()]")
_AS_BEFORE_RE = re.compile(r"\bas\s+$", _I)
"""A verb after "as" is a discourse marker ("as explained in Table below"), not an event."""
_LIGHT_VERB_REACH = 5
"""How many words may separate a light verb from its event noun ("held a Foreign Ministers'")."""


@dataclass(frozen=True, slots=True)
class Cue:
    """One type cue found in a sentence.

    Attributes:
        type: The event type the cue signals.
        start: Offset of the cue (of the light verb, for "held a meeting").
        end: Offset one past the cue word.
        verbal: True for a finite event verb or light-verb construction.
    """

    type: str
    start: int
    end: int
    verbal: bool


_GATED_VERBAL = tuple((type_, Gated(pattern)) for type_, pattern in _VERBAL_CUES)
_GATED_NOMINAL = tuple((type_, Gated(pattern)) for type_, pattern in _NOMINAL_CUES)
_GATED_LIGHT_VERB = Gated(_LIGHT_VERB_RE)
"""The cue patterns, each scanned only over a sentence holding one of its words: most
sentences hold a few of the forty."""


def find_cues(sentence: str) -> tuple[Cue, ...]:
    """Every type cue in a sentence, in text order.

    Args:
        sentence: One sentence.

    Returns:
        Cues sorted by offset (verbal before nominal at the same offset).
    """
    lowered = lowered_for_gates(sentence)
    cues: list[Cue] = []
    for type_, pattern in _GATED_VERBAL:
        cues.extend(
            Cue(type_, m.start(), m.end(), True)
            for m in pattern.finditer(sentence, lowered)
            if not _as_before(sentence, m.start())
        )
    nominal: list[Cue] = []
    for type_, pattern in _GATED_NOMINAL:
        nominal.extend(
            Cue(type_, m.start(), m.end(), False)
            for m in pattern.finditer(sentence, lowered)
            if not (sentence[m.start()].isupper() and _NAMES_A_PLACE.match(sentence, m.end()))
        )
    nominal.sort(key=lambda c: c.start)
    nominal_starts = [c.start for c in nominal]
    for m in _GATED_LIGHT_VERB.finditer(sentence, lowered):
        at = bisect.bisect_left(nominal_starts, m.end())
        if at < len(nominal) and _near(sentence, m.end(), nominal[at].start, _LIGHT_VERB_REACH):
            cues.append(Cue(nominal[at].type, m.start(), nominal[at].end, True))
    cues.extend(nominal)
    return tuple(sorted(cues, key=lambda c: (c.start, not c.verbal)))


def _as_before(sentence: str, at: int) -> bool:
    """Whether "as" and a space come right before `at`; only that much is searched, not
    the whole sentence before every cue."""
    start = at
    while start > 0 and sentence[start - 1].isspace():
        start -= 1
    return _AS_BEFORE_RE.search(sentence, max(0, start - 2), at) is not None


_WORD_RE = re.compile(r"\S+")


def _near(sentence: str, start: int, end: int, reach: int) -> bool:
    """Whether at most `reach` words and no clause break lie between `start` and `end`.
    Counts no further than one word past the reach, so a far cue costs no scan of the
    text between."""
    words = _WORD_RE.finditer(sentence, start, end)
    if sum(1 for _ in itertools.islice(words, reach + 1)) > reach:
        return False
    return not _CLAUSE_BREAK_RE.search(sentence, start, end)


_DATE_CUE_REACH = 4
"""How many words may separate a verbal cue from the date it governs ("struck on")."""


class _CueIndex:
    """Some of a sentence's cues, arranged so each of its dates finds its own in
    logarithmic time: a line of hundreds of dates asks of the same cues hundreds of times."""

    def __init__(self, cues: tuple[Cue, ...]) -> None:
        self.cues = cues
        self.starts = [c.start for c in cues]
        self.verbal = [c for c in cues if c.verbal]
        by_end = sorted(range(len(self.verbal)), key=lambda i: self.verbal[i].end)
        self.verbal_ends = [self.verbal[i].end for i in by_end]
        # the last verbal cue (in text order) among those ending by each end, in end order
        self.last_verbal = list(itertools.accumulate(by_end, max))
        self.main = self.verbal[0] if self.verbal else (cues[0] if cues else None)
        self.reported = self._reported()

    def _reported(self) -> Cue | None:
        """A reported event's cue: after an opening reporting verb, the first cue of
        another type (its verb if it has one)."""
        if not self.verbal or self.verbal[0].type != "statement":
            return None
        said = self.verbal[0].end
        reported = [c for c in self.cues if c.type != "statement" and c.start > said]
        return next((c for c in reported if c.verbal), reported[0]) if reported else None

    def named_after(self, sentence: str, after: int) -> Cue | None:
        """The first event noun starting 0 to 2 characters after `after`, nothing but
        spaces between ("the January 7 election")."""
        low = bisect.bisect_left(self.starts, after)
        high = bisect.bisect_right(self.starts, after + 2)
        return next(
            (
                c
                for c in self.cues[low:high]
                if not c.verbal and not sentence[after : c.start].strip()
            ),
            None,
        )

    def verbal_before(self, at: int) -> Cue | None:
        """The last verbal cue in text order of those ending by `at`."""
        count = bisect.bisect_right(self.verbal_ends, at)
        return self.verbal[self.last_verbal[count - 1]] if count else None

    def within(self, start: int, end: int) -> tuple[Cue, ...]:
        """The cues lying wholly between `start` and `end`."""
        low = bisect.bisect_left(self.starts, start)
        high = bisect.bisect_right(self.starts, end)
        return tuple(c for c in self.cues[low:high] if c.end <= end)


@dataclass(frozen=True)
class _Reading:
    """What classifying any date of one sentence needs, read once per sentence."""

    cues: _CueIndex
    cited: bool
    attribution: int
    """Where a closing attribution starts, or -1 for none."""
    before_attribution: _CueIndex
    """The cues that decide a date before the attribution (all cues when no attribution
    or nothing else happens before it)."""
    has_dialogue: bool
    types: tuple[str, ...]
    """The cues' types, each once, in order of their first cue."""
    semicolons: bool
    clauses: dict[tuple[int, int], _CueIndex]
    """Semicolon clause bounds -> the cues inside, filled as dates ask."""


@functools.lru_cache(maxsize=256)
def _read(sentence: str) -> _Reading:
    """Read a sentence's cues once for all its dates (they classify one after another)."""
    cues = find_cues(sentence)
    index = _CueIndex(cues)
    found = _ATTRIBUTION_GATE.search(sentence, lowered_for_gates(sentence))
    before = index
    if found is not None:
        kept = tuple(c for c in cues if c.start < found.start())
        happens = kept or _VERB_BEFORE.search(sentence, 0, found.start()) is not None
        if happens and len(kept) < len(cues):
            before = _CueIndex(kept)
    return _Reading(
        cues=index,
        cited=_CITATION_RE.search(_without_dateline(sentence)) is not None,
        attribution=found.start() if found is not None else -1,
        before_attribution=before,
        has_dialogue=any(c.type == "dialogue" for c in cues),
        types=tuple(dict.fromkeys(c.type for c in cues)),
        semicolons=";" in sentence,
        clauses={},
    )


def _date_cue(sentence: str, cues: _CueIndex, date_text: str, at: int) -> Cue | None:
    """The event noun right after the date ("the January 7 election"), else the verbal cue
    directly before it, in the same clause ("deal struck on <date>")."""
    if at < 0:
        return None
    named = cues.named_after(sentence, at + len(date_text))
    if named is not None:
        return named  # "the January 7 election", "the 2015 agreement": the date's own noun
    cue = cues.verbal_before(at)
    if cue is None or not _near(sentence, cue.end, at, _DATE_CUE_REACH):
        return None
    return cue


def _deciding(reading: _Reading, at: int) -> _CueIndex:
    """The cues that may decide the date's event: a closing attribution's reporting verb
    does not ("Kenya and Tanzania reopened the crossing on Tuesday, officials said")."""
    return reading.before_attribution if 0 <= at < reading.attribution else reading.cues


def _clause_of(sentence: str, at: int) -> tuple[int, int]:
    """Bounds of the semicolon-separated clause holding the date at `at`."""
    start = sentence.rfind(";", 0, at) + 1
    end = sentence.find(";", at)
    return start, end if end >= 0 else len(sentence)


def _main_cue(cues: _CueIndex, at: int) -> Cue | None:
    """The earliest event verb, else the earliest event noun.

    A reporting verb ("stated that Japan and Kazakhstan celebrate the 25th
    anniversary ... this year") only introduces what happened: when the date sits
    in the reported clause and that clause names another kind of event, the
    reported event is what the date dates.
    """
    if cues.reported is not None and at > cues.verbal[0].end:
        return cues.reported
    return cues.main


def classify(
    sentence: str,
    entities: Entities | None = None,
    *,
    is_footnote: bool = False,
    date_text: str = "",
) -> tuple[str, ...]:
    """Every event type a sentence fits, primary first (see the module docstring).

    Args:
        sentence: One sentence, list item or footnote.
        entities: Its entities, if known (reserved for entity-aware rules; unused today).
        is_footnote: True for a footnote: "citation" then comes first.
        date_text: The date expression the event is dated by, exactly as in the sentence;
            a verbal cue right before it decides the primary type.

    Returns:
        A non-empty tuple of EVENT_TYPES values without repeats; ("other",) if nothing fits.
    """
    del entities  # the rules are lexical; the parameter keeps the pipeline's signature
    reading = _read(sentence)
    at = sentence.find(date_text) if date_text else -1
    order: list[str] = []
    if is_footnote or (reading.cited and not reading.cues.verbal):
        order.append("citation")
    deciding = _deciding(reading, at)
    primary = _date_cue(sentence, deciding, date_text, at)
    if primary is None:
        if at < 0 or not reading.semicolons:
            primary = _main_cue(deciding, at)
            if primary is None and deciding is not reading.cues and not order:
                order.append("other")  # reported, but what happened names no kind of event
        else:
            # "1965: The second war breaks out; the Tashkent Declaration is signed on
            # 10 January 1966": the signing is 1966's event, not 1965's
            bounds = _clause_of(sentence, at)
            if bounds not in reading.clauses:
                reading.clauses[bounds] = _CueIndex(reading.cues.within(*bounds))
            primary = _main_cue(reading.clauses[bounds], at)
            if primary is None and not order:
                order.append("other")  # the date's own clause names no kind of event
    if primary is not None:
        if primary.type == "meeting" and reading.has_dialogue:
            order.append("dialogue")
        order.append(primary.type)
    result = tuple(dict.fromkeys([*order, *reading.types]))
    if not result:
        return ("other",)
    assert all(t in EVENT_TYPES for t in result)
    return result
