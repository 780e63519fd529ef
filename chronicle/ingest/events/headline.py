"""Make a short, readable headline (at most 80 characters) for one timeline row.

Two steps, both deterministic and pure:

1. Templates for the commonest diplomatic events, filled from the sentence's people and
   places (present tense, as headlines are written):
   "Taro Kono meets Khawaja Muhammad Asif", "Hina Rabbani Khar visits Tokyo",
   "Asif Ali Zardari visits Japan; Joint Statement signed",
   "Pakistan and Japan establish diplomatic relations", "Kishida: Japan and ... celebrate ...".
2. Otherwise the sentence itself, compressed: people reduced to their names (roles,
   honorifics and appositives dropped), the date phrase, parentheticals, datelines and
   leading adverbials ("On Thursday, January 4, from 11:38 a.m. ..., ") removed, then cut
   at a clause boundary and finally at a word boundary with "…".
"""

from __future__ import annotations

import functools
import re

from chronicle.ingest.entities import PersonMention, country_name, find_people, same_person
from chronicle.ingest.entities.scan import SUPERSCRIPTS
from chronicle.ingest.events.classify import find_cues
from chronicle.ingest.events.clauses import find_phrase
from chronicle.lexicon import capitals, country_forms
from chronicle.model import Entities

MAX_LENGTH = 80

SOURCE_LENGTH = 1000
"""Longest stretch of a sentence a headline is made from. A headline keeps the first
MAX_LENGTH characters of what is left, so a longer sentence (a list of hundreds of
dates run together) would cost a pass over all of it for each of its dates."""
"""Longest headline, in characters, ellipsis included."""

_BULLET_RE = re.compile(r"^\s*(?:[•·*\-–]\s*|\d{1,2}[.)]\s+|\(?[a-z]\)\s+)")
_DATELINE_RE = re.compile(
    r"^[A-Z][\w .'’-]{1,30},[^:]{0,45}\d[^:]{0,45}:\s+"
    # a wire's capitalised place, with or without its date: "TALLINN - ", "LIMA, May 4 (AP) — "
    r"|^[A-Z][A-Z.'’]+(?:[ -][A-Z][A-Z.'’]+)*(?:,[^–—:]{1,40}?)?\s+[-–—]+\s+"
)
_PAREN_RE = re.compile(r"\s*\([^()]*\)")
_YEAR_LABEL_RE = re.compile(r"^\s*\d{4}(?:\s*[–-]\s*\d{2,4})?\s*(?::|\s[–—-])\s+")
"""A chronology entry's year label ("1967: The Community is founded on 6 June 1967")."""
_LEADING_ADVERBIAL_RE = re.compile(
    r"^(?:(?:On|In|At|From|For|During|After|Before|Following|Since|Until|Earlier|Later|"
    r"Meanwhile|Furthermore|Moreover|Additionally|However|Similarly|Conversely|Also|Thus|"
    r"Hence|Therefore|Besides|Concerning|Regarding|With\s+regard\s+to|As\s+for|Last|This|"
    r"Next|Previously|Subsequently|Recently|Today|Yesterday|Commencing|Approximately)\b"
    r"[^,]{0,90}|\d[^,]{0,20}|\s*)?,\s*",
    re.IGNORECASE,
)
_LEADING_FILLER_RE = re.compile(r"^(?:also|further|then|and|but|so|thus)\s+", re.IGNORECASE)
_FILLER_WORDS_RE = re.compile(r"\s+(?:also|already|recently|reportedly)\b")
_INTERRUPTER_RE = re.compile(
    r",\s*(?:on|during|in|at|after|before|while|ahead\s+of)\s+(?:his|her|their|its|the|a)\b"
    r"(?:[^,]|,(?=\d))*,(?=\s)"
)
"""A backgrounded phrase between commas; a comma inside a number ("250,000") is not one."""
_CLAUSE_CUTS = (", and ", ", which ", ", who ", ", while ", "; ", ", that ", ", as ", " which ")
_DANGLING_RE = re.compile(
    r"(?:\s+(?:the|a|an|of|and|or|to|in|on|at|for|with|by|from|that|its|their|his|her))+$",
    re.IGNORECASE,
)
_SPACES_RE = re.compile(r"\s+")
_DATE_WORD = r"(?:\d{1,2}(?:st|nd|rd|th)?\s+)?(?:[A-Z][a-z]+\.?\s+)?\d{1,4}(?:-\d{1,4})?"
_COORDINATED_AFTER_RE = re.compile(rf"^\s*(?:and|&|or|to)\s+{_DATE_WORD}\b")
_COORDINATED_BEFORE_RE = re.compile(rf"\b{_DATE_WORD},?\s+(?:and|&|or|to)\s*$")
_PREPOSITION_END_RE = re.compile(
    r"\s*\b(?:on|in|from|since|during|by|of|at|between|for|until|till|before|after|through)\s*$",
    re.IGNORECASE,
)
_SPACE_BEFORE_PUNCT_RE = re.compile(r"\s+([,.;:!?])")
_EMPTY_CLAUSE_RE = re.compile(r"[,;:]+\s*([,.;:!?])")

_CAP_PHRASE = r"[A-Z][\w’'.-]*(?:\s+(?:of\s+(?:the\s+)?)?[A-Z][\w’'.-]*)*"
_VISIT_RE = re.compile(
    rf"\bvisit(?:ed|s|ing)?\s+(?:to\s+)?(?:the\s+)?(?P<place>{_CAP_PHRASE})"
    rf"|\bvisit\s+(?:of|by)\s+[^,;]*?\s+to\s+(?:the\s+)?(?P<place2>{_CAP_PHRASE})",
)
_BY_RE = re.compile(r"\s+by\s+")
_MEET_RE = re.compile(r"\b(?:met|meets?|meeting|talks|received|hosted|welcomed)\b", re.IGNORECASE)
_SIGNED_RE = re.compile(rf"\bsigned\s+(?:the\s+|a\s+)?(?P<object>{_CAP_PHRASE})")
_ESTABLISH_RE = re.compile(
    r"(?P<subject>[A-Z][\w-]*(?:\s+and\s+[A-Z][\w-]*)?)\s+(?:have\s+|had\s+)?established\s+"
    r"(?P<what>(?:formal\s+|bilateral\s+)?diplomatic\s+relations)"
)
_ANNIVERSARY_RE = re.compile(
    r"(?P<ordinal>\d+(?:st|nd|rd|th))\s+anniversary\s+of\s+(?:the\s+establishment\s+of\s+)?"
    r"(?:their\s+|the\s+|our\s+)?(?P<what>[a-z][a-z\s-]*?)(?=\s+(?:between|this|last|in|on|as)\b|[,.;]|$)"
)
_THAT_CLAUSE_RE = re.compile(
    r"\b(?:stated|said|says|states|told\s+\w+|explained|emphasi[sz]ed|stressed|noted|added|"
    r"mentioned|expressed\s+(?:the\s+)?hope|reiterated|underlined|announced)\s+that\s+(?P<clause>.+)",
)


def _fit(text: str) -> str:
    """Cut at a clause boundary, then at a word boundary with "…", to MAX_LENGTH."""
    text = text.strip().rstrip(".;:, ")
    if len(text) <= MAX_LENGTH:
        return text
    for cut in _CLAUSE_CUTS:
        at = text.find(cut, 25)
        if 0 < at <= MAX_LENGTH:
            return _fit(text[:at])
    head = text[: MAX_LENGTH - 1]
    if " " in head:
        head = head[: head.rfind(" ")]
    head = _DANGLING_RE.sub("", head.rstrip(".;:,- "))
    return head + "…"


def _capitalise(text: str) -> str:
    return text[:1].upper() + text[1:] if text else text


def _display_names(mentions: tuple[PersonMention, ...], entities: Entities) -> list[str]:
    """Name to show for each mention: the resolved actor's name when entities give one."""
    names = []
    for mention in mentions:
        chosen = mention.actor.name
        for actor in entities.actors:
            if actor.key == mention.actor.key:
                chosen = actor.name
                break
        else:
            for actor in entities.actors:
                if same_person(actor.key, mention.actor.key):
                    chosen = actor.name
                    break
        names.append(chosen)
    return names


def _remove_date(text: str, date_text: str) -> str:
    """Drop the date phrase with its preposition and any date coordinated with it.

    "interactions in 2020 and 2021 due to" loses "in 2020 and 2021", whichever year is given.
    """
    if not date_text:
        return text
    found = find_phrase(text, date_text)  # not "May" in "Mayor"
    if found < 0:
        return text
    before, after = text[:found], text[found + len(date_text) :]
    after = _COORDINATED_AFTER_RE.sub("", after, count=1)
    before = _COORDINATED_BEFORE_RE.sub("", before, count=1)
    before = _PREPOSITION_END_RE.sub("", before)
    return before + after


_TITLE_WORDS_BEFORE = re.compile(r"(?:[A-Z][\w’'-]*\s+){1,3}$")
"""Capitalised words right before a role open its title ("Peruvian Environment Minister")."""


def _substitute(text: str, mentions: tuple[PersonMention, ...], names: list[str]) -> str:
    """Replace each person mention (role, honorifics, appositive included) by a name."""
    pieces, last = [], 0
    for mention, name in zip(mentions, names, strict=True):
        start = mention.start
        if start < mention.name_start:  # a role: its whole title goes
            title = _TITLE_WORDS_BEFORE.search(text, last, start)
            start = title.start() if title else start
        pieces.append(text[last:start])
        pieces.append(name)
        last = mention.end
    pieces.append(text[last:])
    return "".join(pieces)


def _base(text: str, date_text: str) -> str:
    """The sentence without dateline, date phrase, parentheticals, markup and bullets."""
    text = _DATELINE_RE.sub("", text)
    text = _remove_date(text, date_text)
    text = _PAREN_RE.sub("", text)
    text = text.replace("*", "").replace("\\$", "$").replace("“", '"').replace("”", '"')
    text = _SPACES_RE.sub(" ", text).strip()
    text = _BULLET_RE.sub("", text)
    text = _YEAR_LABEL_RE.sub("", text)
    text = _SPACE_BEFORE_PUNCT_RE.sub(r"\1", text)
    return _EMPTY_CLAUSE_RE.sub(r"\1", text).strip()


def _compact(text: str) -> str:
    """The base text without lead-in adverbials, interrupting phrases and filler adverbs."""
    for _ in range(4):
        stripped = _LEADING_ADVERBIAL_RE.sub("", text, count=1)
        stripped = _LEADING_FILLER_RE.sub("", stripped)
        if stripped == text:
            break
        text = stripped
    text = _INTERRUPTER_RE.sub("", text)
    text = _FILLER_WORDS_RE.sub("", text)
    return _SPACE_BEFORE_PUNCT_RE.sub(r"\1", text).strip()


def _subject_verb(text: str, types: tuple[str, ...], names: list[str]) -> str:
    """ "<person> <event verb> ..." from the primary type's verb and the name just before it."""
    if not types or not names:
        return ""
    spans = _name_spans(text, names)
    for cue in find_cues(text):
        if not cue.verbal or cue.type != types[0]:
            continue
        before = [span for span in spans if span[1] <= cue.start]
        if before:
            start, end, name = before[-1]
            gap = text[end : cue.start]
            if "," not in gap and len(gap.split()) <= 3:
                # "William Ruto and Samia Suluhu Hassan had agreed": both are the subject
                if len(before) > 1 and text[before[-2][1] : start] in (" and ", " & "):
                    return text[before[-2][0] :]
                return name + text[end:]
        return ""
    return ""


def _place(phrase: str) -> str:
    """A destination as a headline shows it: capitals as written, countries by name."""
    phrase = phrase.strip().rstrip(".,")
    if phrase in capitals():
        return phrase
    code = country_forms().get(phrase)
    if code:
        return country_name(code)
    for word in reversed(phrase.split()):
        code = country_forms().get(word)
        if code and word not in capitals():
            return country_name(code)
    return phrase


def _nearest_actor(text: str, at: int, spans: list[tuple[int, int, str]]) -> str:
    """The person named right before offset ``at``, else the first one after it."""
    before = [name for start, end, name in spans if end <= at]
    if before:
        return before[-1]
    after = [name for start, end, name in spans if start >= at]
    return after[0] if after else ""


def _visits(text: str, spans: list[tuple[int, int, str]]) -> list[str]:
    found = []
    for m in _VISIT_RE.finditer(text):
        place = m.group("place") or m.group("place2")
        who = _nearest_actor(text, m.start(), spans)
        if m.group("place2"):
            inside = [name for s, e, name in spans if m.start() < s < m.end()]
            who = inside[0] if inside else who
        elif by := _BY_RE.match(text, m.end()):
            # "the visit to Japan by President Nazarbayev": the visitor follows "by".
            after = [name for s, e, name in spans if by.start() < s <= by.end() + 40]
            who = after[0] if after else who
        if who and place:
            found.append(f"{who} visits {_place(place)}")
    return list(dict.fromkeys(found))


def _short_object(phrase: str) -> str:
    words = phrase.split()
    for i, word in enumerate(words):
        if i and word in ("on", "of", "for", "between"):
            return " ".join(words[:i])
    return phrase


def _template(text: str, types: tuple[str, ...], spans, entities: Entities) -> str:
    primary = types[0] if types else "other"
    if primary == "citation":
        return ""
    names = [name for _, _, name in spans]
    # a session of a dialogue where one minister receives another is their meeting
    meets = primary == "meeting" or (primary == "dialogue" and "meeting" in types)
    if meets and len(dict.fromkeys(names)) >= 2:
        m = _MEET_RE.search(text)
        at = m.start() if m else spans[1][0]
        subject = _nearest_actor(text, at, spans)
        others = [n for s, e, n in spans if s >= at and n != subject] or [
            n for n in names if n != subject
        ]
        return f"{subject} meets {others[0]}"
    signing = _SIGNED_RE.search(text) if primary == "agreement" else None
    if (primary == "visit" or signing) and "visit" in types:
        # an agreement is headlined by the visit only when it names what was signed
        # ("... visits Japan; Joint Statement signed"), else by its own clause
        visits = _visits(text, spans)
        wanted = {a.name for a in entities.actors}
        visits = [v for v in visits if v.split(" visits ")[0] in wanted] or visits
        if visits:
            headline = "; ".join(visits)
            signed = _SIGNED_RE.search(text) if "agreement" in types else None
            if signed:
                thing = signed.group("object")
                full = f"{headline}; {thing} signed"
                headline = (
                    full
                    if len(full) <= MAX_LENGTH
                    else f"{headline}; {_short_object(thing)} signed"
                )
            return headline if len(headline) <= MAX_LENGTH else visits[0]
    if primary == "anniversary":
        m = _ESTABLISH_RE.search(text)
        if m:
            return f"{m.group('subject')} establish {m.group('what')}"
        m = _ANNIVERSARY_RE.search(text)
        if m:
            what = f"{m.group('ordinal')} anniversary of {m.group('what').strip()}"
            parties = [country_name(c) for c in entities.countries[:2]]
            if len(parties) == 2:
                return f"{parties[0]} and {parties[1]} mark {what}"
            return _capitalise(what)
    if primary == "statement" and spans:
        m = _THAT_CLAUSE_RE.search(text)
        if m and spans[0][1] <= m.start():
            speaker = spans[0][2].split()[-1] if len(spans[0][2]) > 20 else spans[0][2]
            return f"{speaker}: {_capitalise(_fit(m.group('clause'))[:MAX_LENGTH])}"
    return ""


def _head_of(sentence: str) -> str:
    """The sentence cut to SOURCE_LENGTH at a word boundary."""
    if len(sentence) <= SOURCE_LENGTH:
        return sentence
    head = sentence[:SOURCE_LENGTH]
    return head[: head.rfind(" ")] if " " in head else head


@functools.lru_cache(maxsize=64)
def _plain_digits(sentence: str) -> str:
    """The sentence with superscript digits made plain, once for all of its dates."""
    return sentence.translate(SUPERSCRIPTS)


def make_headline(sentence: str, date_text: str, entities: Entities, types: tuple[str, ...]) -> str:
    """A short headline for the event a sentence reports.

    Args:
        sentence: The sentence the event was found in.
        date_text: The date expression as written in it ("" if none); it is removed.
        entities: The sentence's entities (resolved names are preferred for people).
        types: Its event types, primary first (from ``classify``).

    Returns:
        At most MAX_LENGTH characters, no trailing full stop; "" only when the sentence has no words
        left (e.g. a "*****" separator).
    """
    clean = _reported(_plain_digits(_head_of(sentence)), date_text, types)
    mentions = find_people(clean)
    names = _display_names(mentions, entities)
    base = _base(_substitute(clean, mentions, names), date_text)
    headline = _template(base, types, _name_spans(base, names), entities)
    if not headline:
        compact = _compact(base)
        headline = _subject_verb(compact, types, names) or compact
    if not headline:
        headline = base or _SPACES_RE.sub(" ", re.sub(r"[*()]", "", clean)).strip()
    # "14 February: India strikes ..." loses its date, and so its colon
    headline = headline.lstrip(" :;,.–—-") or headline
    return _fit(_capitalise(headline))


_REPORTED_RE = re.compile(
    r"\b(?:recalled|noted|said|stated|added|explained|stressed|pointed\s+out|reminded\s+\w+|"
    r"told\s+\w+|announced|confirmed|underlined|emphasi[sz]ed)\s+that\s+"
)
"""A reporting verb and "that": what follows is the reported happening."""


def _reported(sentence: str, date_text: str, types: tuple[str, ...]) -> str:
    """The reported clause when the date and the event are in it: "Botchwey recalled
    that the first session was held in Lome in October 2019" is headlined by the session.
    A statement keeps its speaker (its template shows "Speaker: what was said")."""
    if not date_text or (types and types[0] == "statement"):
        return sentence
    at = sentence.find(date_text)
    reports = [m for m in _REPORTED_RE.finditer(sentence, 0, max(at, 0)) if at >= 0]
    if not reports:
        return sentence
    return _capitalise(sentence[reports[-1].end() :])


def _name_spans(text: str, names: list[str]) -> list[tuple[int, int, str]]:
    """Where each (display) name occurs in the simplified text, in order."""
    spans: list[tuple[int, int, str]] = []
    pos = 0
    for name in names:
        at = text.find(name, pos)
        if at < 0:
            at = text.find(name)
            if at < 0:
                continue
        spans.append((at, at + len(name), name))
        pos = at + len(name)
    return sorted(spans)
