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

import re
from dataclasses import dataclass

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


def find_cues(sentence: str) -> tuple[Cue, ...]:
    """Every type cue in a sentence, in text order.

    Args:
        sentence: One sentence.

    Returns:
        Cues sorted by offset (verbal before nominal at the same offset).
    """
    cues: list[Cue] = []
    for type_, pattern in _VERBAL_CUES:
        cues.extend(
            Cue(type_, m.start(), m.end(), True)
            for m in pattern.finditer(sentence)
            if not _AS_BEFORE_RE.search(sentence, 0, m.start())
        )
    nominal: list[Cue] = []
    for type_, pattern in _NOMINAL_CUES:
        nominal.extend(
            Cue(type_, m.start(), m.end(), False)
            for m in pattern.finditer(sentence)
            if not (sentence[m.start()].isupper() and _NAMES_A_PLACE.match(sentence, m.end()))
        )
    nominal.sort(key=lambda c: c.start)
    for m in _LIGHT_VERB_RE.finditer(sentence):
        for cue in nominal:
            if cue.start < m.end():
                continue
            between = sentence[m.end() : cue.start]
            if len(between.split()) <= _LIGHT_VERB_REACH and not _CLAUSE_BREAK_RE.search(between):
                cues.append(Cue(cue.type, m.start(), cue.end, True))
            break
    cues.extend(nominal)
    return tuple(sorted(cues, key=lambda c: (c.start, not c.verbal)))


def _date_cue(sentence: str, cues: tuple[Cue, ...], date_text: str) -> Cue | None:
    """The event noun right after the date ("the January 7 election"), else the verbal cue
    directly before it, in the same clause ("deal struck on <date>")."""
    at = sentence.find(date_text) if date_text else -1
    if at < 0:
        return None
    after = at + len(date_text)
    named = [c for c in cues if not c.verbal and 0 <= c.start - after <= 2]
    named = [c for c in named if not sentence[after : c.start].strip()]  # no "; " between
    if named:
        return named[0]  # "the January 7 election", "the 2015 agreement": the date's own noun
    before = [c for c in cues if c.verbal and c.end <= at]
    if not before:
        return None
    cue = before[-1]
    gap = sentence[cue.end : at]
    if _CLAUSE_BREAK_RE.search(gap) or len(gap.split()) > 4:
        return None
    return cue


def _without_attribution(cues: tuple[Cue, ...], sentence: str, date_text: str) -> tuple[Cue, ...]:
    """The cues that may decide the date's event: a closing attribution's reporting verb
    does not ("Kenya and Tanzania reopened the crossing on Tuesday, officials said")."""
    found = _ATTRIBUTION.search(sentence)
    at = sentence.find(date_text) if date_text else -1
    if found is None or not 0 <= at < found.start():
        return cues
    before = tuple(c for c in cues if c.start < found.start())
    if not before and _VERB_BEFORE.search(sentence, 0, found.start()) is None:
        return cues  # nothing before it happens: the saying is the event
    return before


def _clause_of(sentence: str, date_text: str) -> tuple[int, int] | None:
    """Bounds of the semicolon-separated clause holding the date, or None for one clause."""
    at = sentence.find(date_text) if date_text else -1
    if at < 0 or ";" not in sentence:
        return None
    start = sentence.rfind(";", 0, at) + 1
    end = sentence.find(";", at)
    return start, end if end >= 0 else len(sentence)


def _main_cue(cues: tuple[Cue, ...], sentence: str, date_text: str) -> Cue | None:
    """The earliest event verb, else the earliest event noun.

    A reporting verb ("stated that Japan and Kazakhstan celebrate the 25th
    anniversary ... this year") only introduces what happened: when the date sits
    in the reported clause and that clause names another kind of event, the
    reported event is what the date dates.
    """
    verbal = [c for c in cues if c.verbal]
    at = sentence.find(date_text) if date_text else -1
    if verbal and verbal[0].type == "statement" and at > verbal[0].end:
        reported = [c for c in cues if c.type != "statement" and c.start > verbal[0].end]
        if reported:
            return next((c for c in reported if c.verbal), reported[0])
    return verbal[0] if verbal else (cues[0] if cues else None)


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
    cues = find_cues(sentence)
    order: list[str] = []
    cited = _CITATION_RE.search(_without_dateline(sentence))
    if is_footnote or (cited and not any(c.verbal for c in cues)):
        order.append("citation")
    deciding = _without_attribution(cues, sentence, date_text)
    primary = _date_cue(sentence, deciding, date_text)
    if primary is None:
        clause = _clause_of(sentence, date_text)
        if clause is None:
            primary = _main_cue(deciding, sentence, date_text)
            if primary is None and deciding != cues and not order:
                order.append("other")  # reported, but what happened names no kind of event
        else:
            # "1965: The second war breaks out; the Tashkent Declaration is signed on
            # 10 January 1966": the signing is 1966's event, not 1965's
            own = tuple(c for c in cues if clause[0] <= c.start and c.end <= clause[1])
            primary = _main_cue(own, sentence, date_text)
            if primary is None and not order:
                order.append("other")  # the date's own clause names no kind of event
    if primary is not None:
        first = primary.type
        if first == "meeting" and any(c.type == "dialogue" for c in cues):
            order.append("dialogue")
        order.append(first)
    order.extend(c.type for c in cues)
    result = tuple(dict.fromkeys(order))
    if not result:
        return ("other",)
    assert all(t in EVENT_TYPES for t in result)
    return result
