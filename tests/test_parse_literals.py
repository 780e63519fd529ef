"""A gated pattern finds exactly what the plain pattern finds: the words it requires are
read off the pattern, and a text without them holds no match."""

from __future__ import annotations

import random
import re

import pytest

from chronicle.ingest.dates import fiscal
from chronicle.ingest.dates.rules import RULES
from chronicle.ingest.document_date import page, strategies
from chronicle.ingest.entities import organisations
from chronicle.ingest.events import classify, date_roles
from chronicle.ingest.literals import Gated, first_characters, lowered_for_gates, required_words
from chronicle.ingest.text import chrome, inline, read

CUE_PATTERNS = [p for _, p in (*classify._VERBAL_CUES, *classify._NOMINAL_CUES)] + [
    classify._LIGHT_VERB_RE
]

SEARCHED = [
    classify._ATTRIBUTION,
    date_roles._VALIDITY_BEFORE,
    fiscal.STATED,
    page._FUTURE,
    strategies._PAGE_LABEL,
    *(gate.pattern for gate in chrome._BOILERPLATE if gate.needs),
]
"""Patterns searched through a gate."""

TEXTS = [
    "The accord, which runs until 2061, was signed, officials said on Monday.",
    "India's fiscal year (April-March) ends; the financial year ending 30 June.",
    "The summit is expected to open next week. Published: 4 May 2023",
    "VALID UNTIL 31 DECEMBER 2030, according to the ministry",
    "Share on Facebook",
    "Photo: The delegation at the airport",
    "We use cookies to improve your experience; accept all",
    "Contact: press@example.org",
    "This article appeared in the print edition of 4 May",
    "Additional reporting by Jon Roe",
    "The two ministers met in Islamabad on 3 March 2023 and signed an accord.",
    "THE PRESIDENT HOSTED HIS COUNTERPART AT THE PALACE.",
    "Talks were held; the sides agreed on a road map (US$ 2 billion).",
    "Nothing here names a happening at all.",
    "A ſigned pact, a viſit, a Kelvin-sign taKe and an İnked deal.",
    "The Prime Minister’s visit to Tokyo — the first since 2019 — ended with a joint statement.",
    "",
]


@pytest.mark.parametrize(
    ("pattern", "needs"),
    [
        (r"\bmet\b|\btalks?\b", {"met", "talk"}),
        (r"signed\s+(?:an?\s+)?agreement", {"agreement"}),
        (r"(?:foo)?bar", {"bar"}),
        (r"\w+ed\b", {"ed"}),
        (r"\w+\d", None),
        (r"(?:ab|\d)c", {"c"}),
        (r"(?:ab|\d)", None),
        (r"x*", None),
        (r"(?i:TREATY)", {"treaty"}),
        (r"caf\u00e9", None),  # only ASCII runs are required words
    ],
)
def test_required_words_are_read_off_the_pattern(pattern: str, needs: set[str] | None) -> None:
    found = required_words(re.compile(pattern))
    assert (found if found is None else set(found)) == needs


@pytest.mark.parametrize("pattern", CUE_PATTERNS, ids=lambda p: p.pattern[:30])
def test_a_gated_cue_pattern_finds_what_the_pattern_finds(pattern: re.Pattern[str]) -> None:
    gated = Gated(pattern)
    for text in TEXTS:
        plain = [(m.span(), m.group()) for m in pattern.finditer(text)]
        gated_matches = [
            (m.span(), m.group()) for m in gated.finditer(text, lowered_for_gates(text))
        ]
        assert gated_matches == plain


@pytest.mark.parametrize("pattern", SEARCHED, ids=lambda p: p.pattern[:30])
def test_a_gated_search_finds_what_the_search_finds(pattern: re.Pattern[str]) -> None:
    gated = Gated(pattern)
    assert gated.needs  # a gate that never closes would be useless here
    for text in TEXTS:
        plain = pattern.search(text)
        found = gated.search(text, lowered_for_gates(text))
        assert (found and found.span()) == (plain and plain.span())


def test_case_fellows_open_every_gate() -> None:
    """ "ſ" matches "s" under IGNORECASE, though lower() keeps it "ſ": the text is scanned."""
    pattern = re.compile(r"\bsigned\b", re.I)
    text = "They ſigned it."
    assert pattern.search(text)
    assert Gated(pattern).may_match(lowered_for_gates(text))
    assert not Gated(pattern).may_match(lowered_for_gates("They agreed."))


def test_find_cues_sees_the_cues_of_a_sentence() -> None:
    cues = classify.find_cues("The ministers met on Monday and signed a trade pact.")
    assert {c.type for c in cues} >= {"meeting", "agreement"}


def test_every_control_and_odd_space_is_unprintable() -> None:
    """clean_inline skips the control and space substitutions for a printable text: that
    is only the same answer if nothing they replace is printable."""
    every_character = "".join(map(chr, range(0x110000)))
    for pattern in (inline._CONTROLS, inline._ODD_SPACES):
        replaced = pattern.findall(every_character)
        assert replaced
        assert not [hex(ord(c)) for c in replaced if c.isprintable()]


@pytest.mark.parametrize(
    "text",
    [
        "issues.In the talks",
        "see www.example.org/page.Html or a@b.Co",
        "tabs\tand  double  spaces ",
        "a\u00a0non-breaking\u200bzero-width and \x07 bell",
        "Plain text with no markup.",
        "U.S.The end? Yes!No",
    ],
)
def test_clean_inline_shortcuts_give_the_full_answer(text: str) -> None:
    full = inline._MISSING_SPACE.sub(
        inline._restore_space,
        inline._SPACE_RUNS.sub(
            " ", inline._ODD_SPACES.sub(" ", inline._CONTROLS.sub("", text))
        ).strip(),
    )
    assert inline.clean_inline.__wrapped__(text) == full


@pytest.mark.parametrize(
    ("pattern", "starts"),
    [
        (r"(?<!\w)(?:(?P<b>(?<=[Bb]etween ))|)(?:the\s+)?[0-3]?\d", set("0123t") | {"٣"}),
        (r"x*y", {"x", "y"}),
        (r"(a)?(?(1)c|d)", {"a", "c", "d"}),
    ],
)
def test_first_characters_hold_every_start(pattern: str, starts: set[str]) -> None:
    first = first_characters(re.compile(pattern))
    assert first is not None
    allowed = re.compile(f"[{first}]")
    assert all(allowed.fullmatch(ch) for ch in starts)
    assert not allowed.fullmatch("Q")


@pytest.mark.parametrize("pattern", [r"a|", r"(?i:a)b", r"[^a]b", r"(a)?(?(1)c)", r"\w*"])
def test_first_characters_are_not_guessed(pattern: str) -> None:
    assert first_characters(re.compile(pattern)) is None


TOLD = [rule for rule in RULES.rules if rule.pattern.pattern.startswith("(?=[")]


def test_the_day_and_month_rules_are_told_their_first_characters() -> None:
    assert {"iso", "dmy", "mdy", "day_tail"} <= {rule.name for rule in TOLD}


@pytest.mark.parametrize("rule", TOLD, ids=lambda r: r.name)
def test_a_date_rule_told_its_first_characters_finds_the_same(rule) -> None:
    told_prefix = rule.pattern.pattern.index("])(?:") + len("])(?:")
    plain = re.compile(rule.pattern.pattern[told_prefix:-1], rule.pattern.flags)
    for text in [*TEXTS, "On Thursday, 3 March 2023 and between 4 and 5 May 2019-05-06 ٣ March"]:
        told = [(m.span(), m.groupdict()) for m in rule.pattern.finditer(text)]
        assert told == [(m.span(), m.groupdict()) for m in plain.finditer(text)]


def test_is_binary_counts_the_controls_a_loop_would() -> None:
    """The control count is made in C; it must be the count of the bytes below 32 that
    text does not hold, whatever the mix."""
    rng = random.Random(7)
    for size in (0, 150, 250, 5000, 9000):
        for share in (0.0, 0.05, 0.09, 0.11, 0.5):
            data = bytes(
                rng.randrange(1, 32) if rng.random() < share else rng.randrange(32, 256)
                for _ in range(size)
            )
            sample = data[:8192]
            controls = sum(1 for b in sample if b < 32 and b not in read._TEXT_CONTROLS)
            assert len(sample.translate(None, read._NOT_CONTROLS)) == controls
            assert read.is_binary(data) == (controls > read._CONTROL_RATIO * len(sample))


def test_every_white_character_but_the_space_is_unprintable() -> None:
    """A printable line without two spaces in a row has no run of two white characters
    (what the page-number edge needs)."""
    white = [chr(c) for c in range(0x110000) if chr(c).isspace()]
    assert [c for c in white if c.isprintable()] == [" "]
    assert set(re.findall(r"\s", "".join(map(chr, range(0x110000))))) == set(white)


def test_paren_acronyms_finds_what_a_scan_of_the_whole_text_finds() -> None:
    rng = random.Random(11)
    pieces = ["Agency", " ", "  ", "(", ")", "JICA", "UNs", "é", "1", "_", "’", "'", "-", "&", "\n"]
    pieces += ["Bank", "of", "x", "(HLEPD)", "((", "))", "\t", "A", "B"]
    for _ in range(4000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randrange(1, 30)))
        plain = [(m.span(), m.groups()) for m in organisations._PAREN_ACRONYM_RE.finditer(text)]
        assert [(m.span(), m.groups()) for m in organisations.paren_acronyms(text)] == plain, text
