"""Generate a realistic synthetic corpus of diplomatic documents, with a gold file.

    python3 benchmarks/make_corpus.py --docs 2000 --out benchmarks/out/corpus [--seed 7]

Four genres modelled on the bundled fixtures: MOFA meeting readouts (a date line
under the title), wire news (``Islamabad, 26 July 2022 (TDI): ...``), ministry
briefs (bullet lists, often undated) and think-tank issue briefs (contact block,
byline, footnotes, tables). Every date the generator plants is recorded in
``DIR/gold.jsonl`` with its exact text, character offsets into the file and the
expected ``date_start``/``date_end``/``precision``, so the same corpus measures
date extraction at scale (``benchmarks/corpus_accuracy.py``) and feeds the
search benchmark (``benchmarks/search_bench.py``).

Many dates tell a shared happening: the world holds 20,000 (``--happenings``) meetings, visits,
agreements, dialogues, anniversaries and elections, and each genre retells some
of them in its own words (a wire paragraph, a brief's list of visits, a think
tank's history), at the precision its writer chose: the day in one, the month
or the year in another, a visit's days as a range, the people named in one
style or not at all. ``DIR/merge_gold.jsonl`` lists, for each happening some
document tells, every report of it (document, date text, offsets, date as
written), so merging can be scored (``benchmarks/merge_equivalence.py``).

Distractors that must *not* become dates (``may`` the verb, phone and fax
numbers, money, counts, page and resolution numbers) are recorded as well.
Filler prose is drawn from a Zipf-distributed vocabulary (real words from the
fixtures at the head, invented words in the tail) that contains no date words.

The output depends only on ``--seed``, ``--happenings`` and the document index: document
``i`` is the same whatever ``--docs`` is, so a 2,000-document corpus is a prefix of a
100,000-document one. Pure Python, no chronicle imports.
"""

from __future__ import annotations

import argparse
import bisect
import itertools
import json
import random
import re
import sys
import time
from calendar import monthrange
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from pathlib import Path

import pycountry

MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
MONTH_ABBR = "Jan. Feb. Mar. Apr. May Jun. Jul. Aug. Sept. Oct. Nov. Dec.".split()
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]

# Capitals and demonyms of the countries that host events and datelines.
COUNTRY_INFO: dict[str, tuple[str, str]] = {
    "JP": ("Tokyo", "Japanese"), "PK": ("Islamabad", "Pakistani"), "KZ": ("Astana", "Kazakh"),
    "CN": ("Beijing", "Chinese"), "IN": ("New Delhi", "Indian"), "US": ("Washington", "American"),
    "GB": ("London", "British"), "FR": ("Paris", "French"), "DE": ("Berlin", "German"),
    "IT": ("Rome", "Italian"), "ES": ("Madrid", "Spanish"), "RU": ("Moscow", "Russian"),
    "TR": ("Ankara", "Turkish"), "IR": ("Tehran", "Iranian"), "AF": ("Kabul", "Afghan"),
    "BD": ("Dhaka", "Bangladeshi"), "LK": ("Colombo", "Sri Lankan"), "NP": ("Kathmandu", "Nepalese"),
    "MV": ("Male", "Maldivian"), "SA": ("Riyadh", "Saudi"), "AE": ("Abu Dhabi", "Emirati"),
    "QA": ("Doha", "Qatari"), "KW": ("Kuwait City", "Kuwaiti"), "OM": ("Muscat", "Omani"),
    "EG": ("Cairo", "Egyptian"), "NG": ("Abuja", "Nigerian"), "KE": ("Nairobi", "Kenyan"),
    "ZA": ("Pretoria", "South African"), "ET": ("Addis Ababa", "Ethiopian"),
    "BR": ("Brasilia", "Brazilian"), "AR": ("Buenos Aires", "Argentine"),
    "MX": ("Mexico City", "Mexican"), "CA": ("Ottawa", "Canadian"), "AU": ("Canberra", "Australian"),
    "NZ": ("Wellington", "New Zealand"), "ID": ("Jakarta", "Indonesian"),
    "MY": ("Kuala Lumpur", "Malaysian"), "SG": ("Singapore", "Singaporean"),
    "TH": ("Bangkok", "Thai"), "VN": ("Hanoi", "Vietnamese"), "PH": ("Manila", "Philippine"),
    "KR": ("Seoul", "Korean"), "UZ": ("Tashkent", "Uzbek"), "TM": ("Ashgabat", "Turkmen"),
    "KG": ("Bishkek", "Kyrgyz"), "TJ": ("Dushanbe", "Tajik"), "AZ": ("Baku", "Azerbaijani"),
    "GE": ("Tbilisi", "Georgian"), "UA": ("Kyiv", "Ukrainian"), "PL": ("Warsaw", "Polish"),
    "NL": ("The Hague", "Dutch"), "BE": ("Brussels", "Belgian"), "SE": ("Stockholm", "Swedish"),
    "NO": ("Oslo", "Norwegian"), "FI": ("Helsinki", "Finnish"), "DK": ("Copenhagen", "Danish"),
    "CH": ("Bern", "Swiss"), "AT": ("Vienna", "Austrian"), "GR": ("Athens", "Greek"),
    "PT": ("Lisbon", "Portuguese"), "IE": ("Dublin", "Irish"), "MA": ("Rabat", "Moroccan"),
    "DZ": ("Algiers", "Algerian"), "TN": ("Tunis", "Tunisian"), "JO": ("Amman", "Jordanian"),
    "IQ": ("Baghdad", "Iraqi"), "LB": ("Beirut", "Lebanese"), "KH": ("Phnom Penh", "Cambodian"),
    "CL": ("Santiago", "Chilean"), "PE": ("Lima", "Peruvian"), "CO": ("Bogota", "Colombian"),
    "CU": ("Havana", "Cuban"), "GH": ("Accra", "Ghanaian"), "TZ": ("Dodoma", "Tanzanian"),
    "SN": ("Dakar", "Senegalese"), "AM": ("Yerevan", "Armenian"), "MN": ("Ulaanbaatar", "Mongolian"),
    "BT": ("Thimphu", "Bhutanese"),
}  # fmt: skip

ORGANISATIONS = ["UN", "UNSC", "SCO", "ASEAN", "SAARC", "OIC", "EU", "JICA", "IMF", "WTO",
                 "IAEA", "G20", "ECO", "World Bank", "Asian Development Bank"]  # fmt: skip
TOPICS = [
    "counter-terrorism", "climate change", "maritime security", "energy cooperation",
    "trade and investment", "disaster risk reduction", "higher education", "public health",
    "cultural exchange", "agriculture", "information technology", "customs cooperation",
    "civil aviation", "renewable energy", "infrastructure development", "water management",
    "peacekeeping", "non-proliferation", "tourism", "science and technology",
]  # fmt: skip
MECHANISMS = [
    "Bilateral Political Consultations", "Strategic Dialogue", "Security Dialogue",
    "High-level Economic Policy Dialogue", "Joint Working Group on Counter-Terrorism",
    "Joint Economic Commission", "Disarmament and Non-Proliferation Talks",
    "Joint Government-Business Dialogue", "Foreign Office Consultations",
]  # fmt: skip
AGENCIES = ["TDI", "APP", "NNA", "PNS", "CNA", "ANI", "GNA", "BNA"]
ORDINAL_WORDS = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth"]
DURATIONS = [
    "approximately 40 minutes",
    "approximately two hours and ten minutes",
    "about an hour",
    "approximately 30 minutes",
    "approximately 50 minutes",
]

# Words that could start or be part of a date; never used in filler or invented names.
DATE_WORDS = frozenset(
    """january february march april may june july august september october november december
    jan feb mar apr jun jul aug sep sept oct nov dec monday tuesday wednesday thursday friday
    saturday sunday mon tue tues wed thu thur thurs fri sat sun spring summer autumn fall winter
    today tonight yesterday tomorrow week weekend weeks month months year years quarter quarters
    decade decades century centuries ago earlier later hence noon midnight am pm half fiscal fy
    twenties thirties forties fifties sixties seventies eighties nineties one two three four five
    six seven eight nine ten eleven twelve fifteen twenty thirty fifty hundred first second third
    fourth last next past coming previous current following preceding same this since early late
    mid day days hour hours minute minutes now currently recently lately recent nowadays present
    presently moment future""".split()
)

SYLLABLES = (
    "ka ri to mo na sa ha ta ki ro shi mi ze lu ba da ne vo fa gu pe in ar el "
    "om us ab ek ul ir an az ov ev ay ho ja ko ma ni pa qa ra su ti ya zu"
).split()


@dataclass(frozen=True)
class Country:
    code: str
    name: str
    capital: str
    demonym: str


@dataclass(frozen=True)
class Person:
    given: str
    family: str
    role: str  # "Foreign Minister", "Prime Minister", "President", "Ambassador"
    country: Country


@dataclass(frozen=True)
class WorldEvent:
    """A happening that several documents may report."""

    kind: str
    start: date
    end: date
    actors: tuple[Person, ...]
    countries: tuple[Country, ...]
    topic: str
    ident: int = -1
    """Index in `World.events`; -1 for a document's own happening (`Writer.local_event`)."""


@dataclass
class World:
    countries: list[Country]
    hosts: list[Country]
    people: dict[str, list[Person]]
    events: list[WorldEvent]
    vocab: list[str]
    vocab_cum: list[float]


# ---------------------------------------------------------------------------
# World


def _country_names() -> dict[str, str]:
    names = {}
    for c in pycountry.countries:
        name = getattr(c, "common_name", None) or c.name
        if "," in name or "(" in name or len(name) > 30:
            continue
        names[c.alpha_2] = name
    return names


def _invented_word(rng: random.Random, low: int, high: int) -> str:
    while True:
        word = "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(low, high)))
        if word not in DATE_WORDS and len(word) >= 3:
            return word


def _vocabulary(rng: random.Random) -> tuple[list[str], list[float]]:
    """Zipf-weighted vocabulary: fixture words by frequency, then invented rare words."""
    here = Path(__file__).resolve().parent.parent / "fixtures"
    counts: dict[str, int] = {}
    for path in sorted(here.glob("*.txt")):
        for word in re.findall(r"[a-z]+", path.read_text(encoding="utf-8").lower()):
            if len(word) > 2 and word not in DATE_WORDS:
                counts[word] = counts.get(word, 0) + 1
    head = sorted(counts, key=lambda w: (-counts[w], w))
    if not head:
        head = "the of and to in a is that for with on by as".split()
    seen = set(head)
    tail = []
    while len(tail) < 40_000:
        word = _invented_word(rng, 2, 4)
        if word not in seen:
            seen.add(word)
            tail.append(word)
    vocab = head + tail
    cum = list(itertools.accumulate(1.0 / (rank + 2.7) for rank in range(len(vocab))))
    return vocab, cum


HAPPENINGS = 20_000
"""Shared happenings in the world by default: a 200,000-document corpus tells each about
twenty times, as a news monitor would; `--happenings` sets another density (a desk's
archive that grows by covering more years holds more happenings, each told less often)."""


def build_world(seed: int, happenings: int = HAPPENINGS) -> World:
    rng = random.Random(f"world:{seed}")
    names = _country_names()
    countries = [
        Country(code, name, *COUNTRY_INFO.get(code, ("", "")))
        for code, name in sorted(names.items())
    ]
    order = {code: i for i, code in enumerate(COUNTRY_INFO)}  # most-reported first
    hosts = sorted((c for c in countries if c.capital), key=lambda c: order[c.code])
    people: dict[str, list[Person]] = {}
    for c in countries:
        n = 24 if c.capital else 4
        roles = ["Foreign Minister", "Prime Minister", "President", "Ambassador"]
        people[c.code] = [
            Person(
                _invented_word(rng, 2, 3).title(),
                _invented_word(rng, 2, 3).title(),
                roles[i % len(roles)] if i < 12 else rng.choice(roles),
                c,
            )
            for i in range(n)
        ]
    by_code = {c.code: c for c in countries}
    famous = [
        ("Taro", "Kono", "Foreign Minister", "JP"),
        ("Fumio", "Kishida", "Foreign Minister", "JP"),
        ("Khawaja", "Asif", "Foreign Minister", "PK"),
        ("Kairat", "Abdrakhmanov", "Foreign Minister", "KZ"),
        ("Shinzo", "Abe", "Prime Minister", "JP"),
        ("Bilawal", "Bhutto", "Foreign Minister", "PK"),
    ]
    for given, family, role, code in famous:
        people[code].append(Person(given, family, role, by_code[code]))
    vocab, cum = _vocabulary(rng)
    world = World(countries, hosts, people, [], vocab, cum)
    kinds = ["meeting", "visit", "agreement", "dialogue", "anniversary", "election"]
    for _ in range(happenings):
        kind = rng.choice(kinds)
        a, b = rng.sample(hosts, 2)
        start = date(1950, 1, 1) + timedelta(days=rng.randrange(74 * 365))
        end = start + timedelta(days=rng.randint(1, 5)) if kind == "visit" else start
        actors = (_person(rng, world, a), _person(rng, world, b))
        world.events.append(WorldEvent(kind, start, end, actors, (a, b), rng.choice(TOPICS)))
    world.events.sort(key=lambda e: e.start)
    world.events = [replace(e, ident=i) for i, e in enumerate(world.events)]
    return world


def _person(rng: random.Random, world: World, country: Country, role: str = "") -> Person:
    pool = world.people[country.code]
    if role:
        matching = [p for p in pool if p.role == role]
        pool = matching or pool
    return rng.choice(pool)


# ---------------------------------------------------------------------------
# Building a document with exact offsets


@dataclass
class Builder:
    parts: list[str] = field(default_factory=list)
    pos: int = 0
    dates: list[dict] = field(default_factory=list)
    distractors: list[dict] = field(default_factory=list)
    reports: list[dict] = field(default_factory=list)
    """Dates that tell a shared happening, for the merge gold."""

    def add(self, text: str) -> None:
        self.parts.append(text)
        self.pos += len(text)

    def date(self, tok: DateTok) -> None:
        entry = {
            "start": self.pos,
            "end": self.pos + len(tok.text),
            "text": tok.text,
            "date_start": tok.start.isoformat() if tok.start else None,
            "date_end": tok.end.isoformat() if tok.end else None,
            "precision": tok.precision,
            "form": tok.form,
        }
        if tok.optional:
            entry["optional"] = True
        if tok.detail:
            entry["detail"] = tok.detail
        if tok.modifier:
            entry["modifier"] = tok.modifier
        self.dates.append(entry)
        if tok.happening >= 0:
            self.reports.append({"happening": tok.happening, **entry})
        self.add(tok.text)

    def distractor(self, text: str, kind: str) -> None:
        self.distractors.append(
            {"start": self.pos, "end": self.pos + len(text), "text": text, "kind": kind}
        )
        self.add(text)

    def emit(self, pieces: list) -> None:
        for piece in pieces:
            if isinstance(piece, DateTok):
                self.date(piece)
            elif isinstance(piece, Distractor):
                self.distractor(piece.text, piece.kind)
            else:
                self.add(piece)

    def text(self) -> str:
        return "".join(self.parts)


@dataclass(frozen=True)
class DateTok:
    text: str
    start: date | None
    end: date | None
    precision: str
    form: str
    optional: bool = False
    detail: str = ""
    modifier: str = ""
    happening: int = -1
    """`WorldEvent.ident` of the shared happening this date tells, else -1."""


@dataclass(frozen=True)
class Distractor:
    text: str
    kind: str


def _day_suffix(d: int) -> str:
    if 11 <= d % 100 <= 13:
        return "th"
    return {1: "st", 2: "nd", 3: "rd"}.get(d % 10, "th")


def day_tok(rng: random.Random, d: date, style: str = "") -> DateTok:
    style = (
        style
        or rng.choices(["mdy", "dmy", "dmy_ord", "mdy_abbr", "mdy_weekday"], [40, 35, 10, 8, 7])[0]
    )
    m = MONTHS[d.month - 1]
    if style == "mdy":
        text = f"{m} {d.day}, {d.year}"
    elif style == "dmy":
        text = f"{d.day} {m} {d.year}"
    elif style == "dmy_ord":
        text = f"{d.day}{_day_suffix(d.day)} {m} {d.year}"
    elif style == "mdy_abbr":
        text = f"{MONTH_ABBR[d.month - 1]} {d.day}, {d.year}"
    else:
        text = f"{WEEKDAYS[d.weekday()]}, {m} {d.day}, {d.year}"
    return DateTok(text, d, d, "day", "day_" + style)


def range_tok(rng: random.Random, a: date, b: date) -> DateTok:
    if a.year != b.year:
        text = f"{MONTHS[a.month - 1]} {a.day}, {a.year} - {MONTHS[b.month - 1]} {b.day}, {b.year}"
        return DateTok(text, a, b, "range", "range_cross_year")
    if a.month != b.month:
        text = f"{MONTHS[a.month - 1]} {a.day} - {MONTHS[b.month - 1]} {b.day}, {b.year}"
        return DateTok(text, a, b, "range", "range_cross_month")
    m = MONTHS[a.month - 1]
    style = rng.choice(["dmy_comma", "mdy", "dmy"])
    if style == "dmy_comma":
        text = f"{a.day}-{b.day} {m}, {a.year}"
    elif style == "mdy":
        text = f"{m} {a.day}-{b.day}, {a.year}"
    else:
        text = f"{a.day}-{b.day} {m} {a.year}"
    return DateTok(text, a, b, "range", "range_" + style)


def month_tok(d: date) -> DateTok:
    last = monthrange(d.year, d.month)[1]
    return DateTok(
        f"{MONTHS[d.month - 1]} {d.year}",
        date(d.year, d.month, 1),
        date(d.year, d.month, last),
        "month",
        "month",
    )


def year_tok(year: int, form: str = "year", modifier: str = "", optional: bool = False) -> DateTok:
    return DateTok(
        str(year), date(year, 1, 1), date(year, 12, 31), "year", form, optional, "", modifier
    )


def fiscal_tok(year: int) -> DateTok:
    # Convention recorded: a fiscal "2016-17" is the range of both calendar years.
    return DateTok(
        f"{year}-{(year + 1) % 100:02d}",
        date(year, 1, 1),
        date(year + 1, 12, 31),
        "range",
        "fiscal",
    )


def relative_year_tok(text: str, doc_date: date, offset: int) -> DateTok:
    y = doc_date.year + offset
    form = "this_year" if offset == 0 else "last_year"
    return DateTok(text, date(y, 1, 1), date(y, 12, 31), "year", form)


def yearless_tok(d: date, weekday: bool, detail: str = "") -> DateTok:
    m = MONTHS[d.month - 1]
    text = f"{WEEKDAYS[d.weekday()]}, {m} {d.day}" if weekday else f"{m} {d.day}"
    return DateTok(text, d, d, "day", "yearless_weekday" if weekday else "yearless", detail=detail)


# ---------------------------------------------------------------------------
# Prose


class Writer:
    """Sentence generator for one document."""

    def __init__(self, world: World, rng: random.Random, doc_date: date | None) -> None:
        self.w = world
        self.rng = rng
        self.doc_date = doc_date
        self.limit = doc_date or date(2024, 6, 30)

    # words ---------------------------------------------------------------
    def words(self, n: int) -> list[str]:
        return self.rng.choices(self.w.vocab, cum_weights=self.w.vocab_cum, k=n)

    def filler(self) -> str:
        ws = self.words(self.rng.randint(8, 22))
        ws[0] = ws[0].capitalize()
        if len(ws) > 10 and self.rng.random() < 0.3:
            ws[self.rng.randrange(3, len(ws) - 3)] += ","
        return " ".join(ws) + "."

    def name(self, p: Person, style: str = "") -> str:
        style = style or self.rng.choice(["role", "role", "he", "mr", "plain", "role_of"])
        full = f"{p.given} {p.family}"
        if style == "role":
            return f"{p.role} {full}"
        if style == "he":
            return f"H.E. Mr. {full}, {p.role} of {p.country.name}"
        if style == "mr":
            return f"Mr. {full}, {p.role}"
        if style == "role_of":
            return f"{p.country.demonym or p.country.name} {p.role} {full}"
        return full

    def short(self, p: Person) -> str:
        return self.rng.choice([f"{p.role} {p.family}", f"Mr. {p.family}", p.family])

    # dates ---------------------------------------------------------------
    def past_day(self, earliest: int = 1947) -> date:
        lo = date(earliest, 1, 1).toordinal()
        hi = self.limit.toordinal()
        if hi <= lo:
            return self.limit
        return date.fromordinal(self.rng.randint(lo, hi))

    def day_phrase(self, d: date) -> list:
        return ["on ", day_tok(self.rng, d)]

    def when(self, start: date, end: date, coarse_ok: bool = True) -> list:
        """A phrase placing an event, choosing a written form at random."""
        r = self.rng.random()
        if start != end:
            return [self.rng.choice(["from ", "on ", ""]), range_tok(self.rng, start, end)]
        if not coarse_ok or r < 0.65:
            return ["on ", day_tok(self.rng, start)]
        if r < 0.88:
            return ["in ", month_tok(start)]
        return ["in ", year_tok(start.year)]

    # event sentences -------------------------------------------------------
    def event_sentence(self, ev: WorldEvent | None = None) -> list:
        if ev is None or ev.start > self.limit:
            ev = self.local_event()
        return [_told(p, ev) for p in self._event_pieces(ev)]

    def _event_pieces(self, ev: WorldEvent) -> list:
        rng = self.rng
        a, b = ev.actors
        ca, cb = ev.countries
        kind = ev.kind
        when = self.when(ev.start, ev.end)
        if kind == "meeting":
            place = rng.choice([ca, cb]).capital
            return rng.choice(
                [
                    [
                        self.name(a),
                        " held a meeting with ",
                        self.name(b),
                        " in ",
                        place,
                        " ",
                        *when,
                        ".",
                    ],
                    [
                        self.name(a),
                        " met ",
                        self.name(b),
                        " at the Foreign Office ",
                        place,
                        " ",
                        *when,
                        ".",
                    ],
                    [
                        *_cap(when),
                        ", ",
                        self.name(a),
                        " and ",
                        self.name(b),
                        " held talks on ",
                        ev.topic,
                        ".",
                    ],
                ]
            )
        if kind == "visit":
            return rng.choice(
                [
                    [
                        self.name(a),
                        " visited ",
                        cb.capital,
                        " ",
                        *when,
                        " at the invitation of ",
                        self.name(b),
                        ".",
                    ],
                    [
                        "During the visit of ",
                        self.name(a),
                        " to ",
                        cb.name,
                        " ",
                        *when,
                        ", the two sides signed the Joint Statement on ",
                        ca.name,
                        "-",
                        cb.name,
                        " Comprehensive Partnership.",
                    ],
                    [self.name(a), " paid an official visit to ", cb.name, " ", *when, "."],
                ]
            )
        if kind == "agreement":
            return rng.choice(
                [
                    [
                        ca.name,
                        " and ",
                        cb.name,
                        " signed a Memorandum of Understanding (MoU) on ",
                        ev.topic,
                        " ",
                        *when,
                        ".",
                    ],
                    [
                        "The agreement on ",
                        ev.topic,
                        " between ",
                        ca.name,
                        " and ",
                        cb.name,
                        " was signed ",
                        *when,
                        " by ",
                        self.name(a),
                        " and ",
                        self.name(b),
                        ".",
                    ],
                ]
            )
        if kind == "dialogue":
            mech = _body(ev, rng.choice(MECHANISMS))
            nth = _round(ev, rng.choice(ORDINAL_WORDS))
            return rng.choice(
                [
                    [
                        "The ",
                        nth,
                        " round of the ",
                        ca.name,
                        "-",
                        cb.name,
                        " ",
                        mech,
                        " was held in ",
                        cb.capital,
                        " ",
                        *when,
                        ".",
                    ],
                    [
                        *_cap(when),
                        ", the ",
                        nth,
                        " ",
                        ca.name,
                        "-",
                        cb.name,
                        " ",
                        mech,
                        " meeting in ",
                        ca.capital,
                        " held elaborate discussions on ",
                        ev.topic,
                        ".",
                    ],
                ]
            )
        if kind == "anniversary":
            return [
                ca.name,
                " and ",
                cb.name,
                " established diplomatic relations ",
                "on ",
                day_tok(rng, ev.start),
                ".",
            ]
        # election
        return rng.choice(
            [
                ["General elections were held in ", ca.name, " ", *when, "."],
                [self.name(a, "plain"), " was elected ", a.role, " of ", ca.name, " ", *when, "."],
            ]
        )

    def local_event(self) -> WorldEvent:
        rng = self.rng
        a, b = rng.sample(self.w.hosts, 2)
        kind = rng.choice(["meeting", "visit", "agreement", "dialogue", "election"])
        start = self.past_day(1960)
        end = start + timedelta(days=rng.randint(1, 4)) if kind == "visit" else start
        if end > self.limit:
            start = end = self.limit
        return WorldEvent(
            kind,
            start,
            end,
            (_person(rng, self.w, a), _person(rng, self.w, b)),
            (a, b),
            rng.choice(TOPICS),
        )

    def world_event(self) -> WorldEvent | None:
        """A shared happening from before the document's date (so others report it too)."""
        events = self.w.events
        hi = _events_before(self.w, self.limit)
        if hi == 0:
            return None
        return events[self.rng.randrange(hi)]

    def special_sentence(self, ca: Country, cb: Country) -> list:
        """Forms that need the document date or carry distractors."""
        rng = self.rng
        dd = self.doc_date
        choices = [
            "since",
            "years_list",
            "fiscal",
            "distractor_money",
            "distractor_may",
            "distractor_count",
            "resolution",
            "trade_year",
        ]
        if dd:
            choices += ["this_year", "last_year", "anniversary_this_year", "yearless"]
        pick = rng.choice(choices)
        if pick == "since":
            y = rng.randint(1947, 1995)
            return [
                ca.name,
                " and ",
                cb.name,
                " have enjoyed cordial and friendly relations since ",
                year_tok(y, "since", "since"),
                ".",
            ]
        if pick == "years_list":
            y1 = rng.randint(1970, max(1971, self.limit.year - 6))
            y2 = rng.randint(y1 + 1, max(y1 + 1, self.limit.year))
            pa, pb = (
                _person(rng, self.w, ca, "Prime Minister"),
                _person(rng, self.w, cb, "President"),
            )
            return [
                "High level visits between the two countries were exchanged in ",
                year_tok(y1, "year_list"),
                " and ",
                year_tok(y2, "year_list"),
                " when Prime Minister ",
                f"{pa.given} {pa.family}",
                " visited ",
                cb.capital,
                " and President ",
                f"{pb.given} {pb.family}",
                " visited ",
                ca.capital,
                ".",
            ]
        if pick == "fiscal":
            y = rng.randint(1995, max(1996, self.limit.year - 1))
            amount = f"{rng.randint(10, 900)}.{rng.randint(0, 9)}"
            return [
                ca.name,
                " invested ",
                Distractor(f"US$ {amount} million", "money"),
                " during ",
                fiscal_tok(y),
                ", which comprised ",
                Distractor(f"{rng.randint(1, 9)}.{rng.randint(0, 9)}", "decimal"),
                " per cent of ",
                cb.demonym or cb.name,
                " total FDI.",
            ]
        if pick == "trade_year":
            y = rng.randint(1995, self.limit.year)
            return [
                "Bilateral trade between ",
                ca.name,
                " and ",
                cb.name,
                " reached ",
                Distractor(f"US$ {rng.randint(1, 30)}.{rng.randint(1, 9)} billion", "money"),
                " in ",
                year_tok(y, "year_in"),
                ".",
            ]
        if pick == "distractor_money":
            return [
                "The ",
                rng.choice(ORGANISATIONS),
                " approved a loan of ",
                Distractor(f"US$ {rng.randint(2, 99)}.{rng.randint(1, 9)} million", "money"),
                " for ",
                rng.choice(TOPICS),
                " projects in ",
                ca.name,
                ".",
            ]
        if pick == "distractor_may":
            return [
                ca.name,
                " ",
                Distractor("may", "may_verb"),
                " not be fully satisfied with the pace of ",
                rng.choice(TOPICS),
                ", and ",
                cb.name,
                " ",
                Distractor("may", "may_verb"),
                " seek further talks.",
            ]
        if pick == "distractor_count":
            n = f"{rng.randint(2, 99)},{rng.randint(0, 999):03d}"
            return [
                "Another major contribution is the presence of around ",
                Distractor(n, "count"),
                " strong ",
                ca.demonym or ca.name,
                " diaspora in ",
                cb.name,
                ".",
            ]
        if pick == "resolution":
            n = rng.choice(["1718", "2087", "1874", "2094", "1929"])
            return [
                "Both sides called for the full implementation of UNSC resolution ",
                Distractor(n, "resolution_number"),
                " on ",
                rng.choice(TOPICS),
                ".",
            ]
        assert dd is not None
        if pick == "this_year":
            text = rng.choice(["this year", "This year"])
            tok = relative_year_tok(text, dd, 0)
            if text[0] == "T":
                return [
                    tok,
                    " ",
                    ca.name,
                    " and ",
                    cb.name,
                    " will hold the ",
                    rng.choice(MECHANISMS),
                    " in ",
                    cb.capital,
                    ".",
                ]
            return [ca.name, " is providing assistance related to the general election ", tok, "."]
        if pick == "last_year":
            text = rng.choice(["last year", "Last year"])
            tok = relative_year_tok(text, dd, -1)
            if text[0] == "L":
                return [
                    tok,
                    " also marked the ",
                    _ordinal(rng.randint(10, 70)),
                    " anniversary of the establishment of diplomatic relations between ",
                    ca.name,
                    " and ",
                    cb.name,
                    ".",
                ]
            return [
                "The trade volume between ",
                ca.name,
                " and ",
                cb.name,
                " rose sharply ",
                tok,
                ".",
            ]
        if pick == "anniversary_this_year":
            return [
                ca.name,
                " and ",
                cb.name,
                " celebrate the ",
                _ordinal(rng.randint(10, 70)),
                " anniversary of the establishment of their diplomatic relations ",
                relative_year_tok("this year", dd, 0),
                ".",
            ]
        # yearless: a day shortly before the document date, same year
        back = dd - timedelta(days=rng.randint(0, 20))
        if back.year != dd.year:
            back = dd
        a, b = _person(rng, self.w, ca, "Foreign Minister"), _person(rng, self.w, cb)
        return [
            "On ",
            yearless_tok(back, rng.random() < 0.4),
            ", ",
            self.name(a),
            " received ",
            self.name(b),
            " in ",
            ca.capital or ca.name,
            ".",
        ]


_BEFORE_CACHE: dict[tuple[int, date], int] = {}


def _events_before(world: World, limit: date) -> int:
    key = (id(world), limit)
    hit = _BEFORE_CACHE.get(key)
    if hit is None:
        if not hasattr(world, "_starts"):
            world._starts = [e.start for e in world.events]  # type: ignore[attr-defined]
        hit = bisect.bisect_right(world._starts, limit)  # type: ignore[attr-defined]
        if len(_BEFORE_CACHE) > 50_000:
            _BEFORE_CACHE.clear()
        _BEFORE_CACHE[key] = hit
    return hit


def _told(piece: object, ev: WorldEvent) -> object:
    """A date piece marked as telling `ev` when others may tell it too."""
    if isinstance(piece, DateTok) and ev.ident >= 0:
        return replace(piece, happening=ev.ident)
    return piece


def _body(ev: WorldEvent, drawn: str) -> str:
    """The mechanism a dialogue meets under: a shared one's own, so every retelling agrees.

    The draw is made either way, so the documents' random streams stay as they were.
    """
    return MECHANISMS[ev.ident % len(MECHANISMS)] if ev.ident >= 0 else drawn


def _round(ev: WorldEvent, drawn: str) -> str:
    """Which round a dialogue is (a shared one's own, as for `_body`)."""
    if ev.ident < 0:
        return drawn
    return ORDINAL_WORDS[ev.ident // len(MECHANISMS) % len(ORDINAL_WORDS)]


def _cap(pieces: list) -> list:
    """Capitalise the first word of a date phrase used at a sentence start."""
    if pieces and isinstance(pieces[0], str) and pieces[0]:
        return [pieces[0][0].upper() + pieces[0][1:], *pieces[1:]]
    if pieces and isinstance(pieces[0], str):
        return pieces[1:]
    return pieces


def _ordinal(n: int) -> str:
    return f"{n}{_day_suffix(n)}"


# ---------------------------------------------------------------------------
# Genres


def _paragraphs(b: Builder, wr: Writer, ca: Country, cb: Country, n: int, p_event: float) -> None:
    rng = wr.rng
    for _ in range(n):
        sentences = []
        for _ in range(rng.randint(2, 5)):
            r = rng.random()
            if r < p_event:
                ev = wr.world_event() if rng.random() < 0.45 else None
                sentences.append(wr.event_sentence(ev))
            elif r < p_event + 0.15:
                sentences.append(wr.special_sentence(ca, cb))
            else:
                sentences.append([wr.filler()])
        # A year-less day ("On May 1") opens its paragraph, as in real readouts: an
        # earlier explicit date in the same paragraph would rightly lend it its year.
        sentences.sort(
            key=lambda s: (
                not any(isinstance(p, DateTok) and p.form.startswith("yearless") for p in s)
            )
        )
        for i, s in enumerate(sentences):
            if i:
                b.add(" ")
            b.emit(s)
        b.add("\n\n")


def _pair(wr: Writer) -> tuple[Country, Country]:
    hosts = wr.w.hosts
    a = hosts[min(int(wr.rng.paretovariate(1.2)) - 1, len(hosts) - 1)]
    b = wr.rng.choice(hosts)
    while b is a:
        b = wr.rng.choice(hosts)
    return a, b


def doc_mofa(b: Builder, wr: Writer, dd: date) -> tuple[str, str]:
    rng = wr.rng
    ca, cb = _pair(wr)
    title = f"{ca.name}-{cb.name} Relations"
    b.add(title + "\n\n")
    b.date(day_tok(rng, dd, "mdy"))
    b.add("\n")
    for i in range(rng.randint(1, 3)):
        b.add(f"photo{i + 1}: {ca.name}-{cb.name} Foreign Ministers' Meeting\n")
    b.add("\n")
    a = _person(rng, wr.w, ca, "Foreign Minister")
    o = _person(rng, wr.w, cb, "Foreign Minister")
    hh = rng.randint(8, 17)
    detail = f"from {hh % 12 or 12}:{rng.randint(0, 59):02d} {'a.m.' if hh < 12 else 'p.m.'} (local time) for {rng.choice(DURATIONS)}"
    b.emit(
        [
            "On ",
            yearless_tok(dd, rng.random() < 0.6, detail),
            f", {detail}, Mr. {a.given} {a.family}, "
            f"Minister for Foreign Affairs, held a foreign ministers' meeting with H.E. Mr. {o.given} {o.family}, "
            f"Minister for Foreign Affairs of {cb.name}. The overview of the meeting is as follows.\n\n",
        ]
    )
    heads = ["Opening remarks", "Bilateral relations", "Regional affairs", "Economic cooperation"]
    for i, head in enumerate(heads[: rng.randint(2, 4)]):
        b.add(f"{i + 1}. {head}\n\n")
        _paragraphs(b, wr, ca, cb, rng.randint(1, 2), 0.3)
    b.add(f"Back to {title}")
    return "mofa", f"{ca.name}-{cb.name} foreign ministers meeting"


def doc_wire(b: Builder, wr: Writer, dd: date) -> tuple[str, str]:
    rng = wr.rng
    ca, cb = _pair(wr)
    a = _person(rng, wr.w, ca, "Foreign Minister")
    o = _person(rng, wr.w, cb, "Ambassador")
    b.emit(
        [
            f"{ca.capital}, ",
            day_tok(rng, dd, "dmy"),
            f" ({rng.choice(AGENCIES)}): ",
            f"{ca.demonym or ca.name} Foreign Minister {a.given} {a.family} met with the {cb.demonym or cb.name} "
            f"Ambassador to {ca.name}, {o.given} {o.family}, at Foreign Office {ca.capital}.\n\n",
        ]
    )
    _paragraphs(b, wr, ca, cb, rng.randint(1, 2), 0.15)
    b.add(f"{ca.name}-{cb.name} Bilateral ties\n\n")
    _paragraphs(b, wr, ca, cb, rng.randint(3, 6), 0.45)
    return "wire", f"{a.family} meets {cb.demonym or cb.name} ambassador"


def doc_brief(b: Builder, wr: Writer, dd: date | None) -> tuple[str, str]:
    rng = wr.rng
    ca, cb = _pair(wr)
    b.add(f"Brief on {ca.name}-{cb.name} Relations\n\n")
    if dd is not None:
        b.emit(["Last updated: ", day_tok(rng, dd, rng.choice(["mdy", "dmy"])), "\n\n"])
    _paragraphs(b, wr, ca, cb, rng.randint(1, 3), 0.3)
    b.add(
        f"{ca.name} and {cb.name} have a number of institutional mechanisms in place. These include:\n\n"
    )
    for mech in rng.sample(MECHANISMS, rng.randint(3, 6)):
        b.add(f"  • {mech}\n")
    b.add("\nHigh-level visits and meetings:\n\n")
    for _ in range(rng.randint(6, 16)):
        ev = wr.world_event() if rng.random() < 0.5 else None
        if ev is None or ev.start > wr.limit:
            ev = wr.local_event()
        b.add("  • ")
        tok = range_tok(rng, ev.start, ev.end) if ev.start != ev.end else day_tok(rng, ev.start)
        b.date(_told(tok, ev))
        p = ev.actors[0]
        verb = {
            "visit": f"visit of {wr.name(p)} to {ev.countries[1].name}",
            "meeting": f"meeting of {wr.name(p, 'plain')} with {wr.name(ev.actors[1], 'plain')}",
            "agreement": f"MoU on {ev.topic} signed in {ev.countries[1].capital}",
            "dialogue": f"{_body(ev, rng.choice(MECHANISMS))} held in {ev.countries[1].capital}",
            "anniversary": f"diplomatic relations established between {ev.countries[0].name} and {ev.countries[1].name}",
            "election": f"general elections held in {ev.countries[0].name}",
        }[ev.kind]
        b.add(f": {verb[0].upper()}{verb[1:]}\n")
    b.add("\n")
    _paragraphs(b, wr, ca, cb, rng.randint(1, 3), 0.2)
    b.add("*****\n\nSocial Media Activities")
    return "brief", f"brief on {ca.name}-{cb.name} relations"


_SUPERSCRIPTS = "¹²³⁴⁵⁶⁷⁸⁹"


def doc_thinktank(b: Builder, wr: Writer, dd: date) -> tuple[str, str]:
    rng = wr.rng
    ca, cb = _pair(wr)
    inst = f"INSTITUTE OF STRATEGIC STUDIES {ca.capital.upper()}"
    b.add(f"\n\nISSUE BRIEF\n\n{inst}\n\nWeb: www.iss{ca.code.lower()}.org\n\n")
    b.emit(
        [
            "Phone: ",
            Distractor(
                f"+{rng.randint(20, 99)}-{rng.randint(10, 99)}-{rng.randint(1000000, 9999999)}",
                "phone",
            ),
            "\n\nFax: ",
            Distractor(
                f"+{rng.randint(20, 99)}-{rng.randint(100, 999)}-{rng.randint(1000, 9999)}", "fax"
            ),
            "\n\n",
        ]
    )
    topic = rng.choice(TOPICS)
    b.add(f"{ca.name.upper()}-{cb.name.upper()} TIES: {topic.upper()} AND BEYOND\n\n")
    author = (_invented_word(rng, 2, 3).title(), _invented_word(rng, 2, 3).title())
    b.add(f"By\nDr {author[0]} {author[1]}\nDirector\n\n")
    b.date(day_tok(rng, dd, "mdy"))
    b.add("\n\n*(Views expressed in the brief are those of the author)*\n\n")
    notes: list[list] = []
    for _ in range(rng.randint(3, 6)):
        _paragraphs(b, wr, ca, cb, 1, 0.35)
        if len(notes) < len(_SUPERSCRIPTS) and rng.random() < 0.7:
            # attach a footnote marker to the paragraph just written
            b.parts[-1] = b.parts[-1].rstrip("\n") + _SUPERSCRIPTS[len(notes)] + "\n\n"
            b.pos += 1
            cite = wr.past_day(max(1990, wr.limit.year - 5))
            paper = rng.choice(
                ["Dawn", "The Nation", "The Japan Times", "People's Daily Online", "Daily Times"]
            )
            notes.append(
                [
                    f'"{wr.filler()[:-1]}", *{paper}* ({rng.choice(wr.w.hosts).capital}), ',
                    day_tok(rng, cite, "mdy"),
                    ", ",
                    Distractor(f"p. {rng.randint(2, 40)}", "page"),
                    ".",
                ]
            )
    b.add("Trade Relations\n\n")
    first = rng.randint(1995, max(1996, dd.year - 6))
    b.add(
        f"{ca.name}'s Trade with {cb.name}\n\n<i>Year</i>\t<i>Exports</i>\t<i>Imports</i>\t<i>Total</i>\n"
    )
    for y in range(first, min(first + 5, dd.year + 1)):
        ex, im = rng.randint(100, 999), rng.randint(1000, 2999)
        b.date(year_tok(y, "table_year", optional=True))
        b.add(f"\t{ex}\t{im:,}\t{ex + im:,}\n")
    b.add("\n")
    _paragraphs(b, wr, ca, cb, rng.randint(1, 2), 0.25)
    for i, note in enumerate(notes):
        b.add(_SUPERSCRIPTS[i] + " ")
        b.emit(note)
        b.add("\n\n")
    b.add(f"Page {rng.randint(2, 9)} of {rng.randint(10, 12)}")
    return "thinktank", f"{ca.name}-{cb.name} ties issue brief"


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:60]


def make_document(world: World, seed: int, index: int) -> tuple[str, str, dict, list[dict]]:
    """Document `index`: (relative path, text, gold record, its reports of shared happenings)."""
    rng = random.Random(f"doc:{seed}:{index}")
    genre = rng.choices(["mofa", "wire", "brief", "thinktank"], [30, 30, 20, 20])[0]
    dd = date(1995, 1, 1) + timedelta(days=rng.randrange(29 * 365 + 150))
    if genre == "brief" and rng.random() < 0.5:
        dd = None
    b = Builder()
    wr = Writer(world, rng, dd)
    if genre == "mofa":
        _, name = doc_mofa(b, wr, dd)
    elif genre == "wire":
        _, name = doc_wire(b, wr, dd)
    elif genre == "brief":
        _, name = doc_brief(b, wr, dd)
    else:
        _, name = doc_thinktank(b, wr, dd)
    text = b.text()
    prefix = dd.isoformat() if dd else "undated"
    rel = f"docs/{index // 1000:03d}/{index:06d}-{prefix}-{genre}-{_slug(name)}.txt"
    gold = {
        "doc": rel,
        "genre": genre,
        "doc_date": dd.isoformat() if dd else None,
        "dates": b.dates,
        "distractors": b.distractors,
    }
    return rel, text, gold, b.reports


def generate(
    n: int, out: Path, seed: int = 7, quiet: bool = False, happenings: int = HAPPENINGS
) -> dict:
    """Write `n` documents, gold.jsonl and merge_gold.jsonl under `out`; returns a summary."""
    t0 = time.perf_counter()
    world = build_world(seed, happenings)
    out.mkdir(parents=True, exist_ok=True)
    planted = chars = 0
    # Reports kept as JSON text, not dicts: at 100,000 documents there are ~400,000.
    told: dict[int, list[str]] = {}
    with open(out / "gold.jsonl", "w", encoding="utf-8") as gold_file:
        for i in range(n):
            rel, text, gold, reports = make_document(world, seed, i)
            path = out / rel
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
            gold_file.write(json.dumps(gold, ensure_ascii=False) + "\n")
            for report in reports:
                told.setdefault(report.pop("happening"), []).append(
                    json.dumps({"doc": rel, **report}, ensure_ascii=False)
                )
            planted += len(gold["dates"])
            chars += len(text)
            if not quiet and i and i % 10_000 == 0:
                print(f"  {i:,} documents", file=sys.stderr)
    shared = write_merge_gold(out / "merge_gold.jsonl", world, told)
    elapsed = time.perf_counter() - t0
    summary = {
        "documents": n,
        "dates": planted,
        "characters": chars,
        "happenings": len(told),
        "happenings_in_several_documents": shared,
        "seconds": round(elapsed, 2),
        "seed": seed,
        "world": happenings,
    }
    (out / "corpus.json").write_text(json.dumps(summary, indent=2) + "\n", encoding="utf-8")
    return summary


def write_merge_gold(path: Path, world: World, told: dict[int, list[str]]) -> int:
    """One line per shared happening some document tells, with every report of it.

    Returns:
        How many happenings more than one document tells.
    """
    shared = 0
    with open(path, "w", encoding="utf-8") as out:
        for ident in sorted(told):
            ev = world.events[ident]
            reports = [json.loads(r) for r in told[ident]]
            shared += len({r["doc"] for r in reports}) > 1
            record = {
                "happening": ident,
                "kind": ev.kind,
                "start": ev.start.isoformat(),
                "end": ev.end.isoformat(),
                "countries": [c.code for c in ev.countries],
                "actors": [f"{p.given} {p.family}" for p in ev.actors],
                "reports": reports,
            }
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    return shared


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--docs", type=int, default=2000, help="number of documents")
    parser.add_argument("--out", type=Path, default=Path("benchmarks/out/corpus"))
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument(
        "--happenings", type=int, default=HAPPENINGS, help="shared happenings in the world"
    )
    args = parser.parse_args(argv)
    s = generate(args.docs, args.out, args.seed, happenings=args.happenings)
    rate = s["documents"] / s["seconds"] if s["seconds"] else 0
    print(
        f"{s['documents']:,} documents, {s['dates']:,} planted dates, "
        f"{s['happenings_in_several_documents']:,} happenings told by several documents, "
        f"{s['characters'] / 1e6:.1f} M characters in {s['seconds']:.1f} s "
        f"({rate:,.0f} docs/s) -> {args.out}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
