"""Sentence splitting and heading detection."""

from __future__ import annotations

import pytest

from chronicle.ingest.text.segment import ends_sentence, looks_like_heading, split_sentences


def sentences(text: str) -> list[str]:
    return [text[s:e] for s, e in split_sentences(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("One. Two.", ["One.", "Two."]),
        ("Is it? Yes! Fine.", ["Is it?", "Yes!", "Fine."]),
        (
            "Mr. Taro Kono met H.E. Mr. Khawaja Asif. They talked.",
            ["Mr. Taro Kono met H.E. Mr. Khawaja Asif.", "They talked."],
        ),
        ("Dr. Arif Alvi and Prof. Smith came.", ["Dr. Arif Alvi and Prof. Smith came."]),
        (
            "From 11:38 a.m. (local time) they met. At 2 p.m. The talks ended.",
            ["From 11:38 a.m. (local time) they met.", "At 2 p.m.", "The talks ended."],
        ),
        ("At 9 a.m. on Monday he left.", ["At 9 a.m. on Monday he left."]),
        ("The U.S. Secretary of State spoke.", ["The U.S. Secretary of State spoke."]),
        ("See Jan. 4 and No. 5 in vol. 2 today.", ["See Jan. 4 and No. 5 in vol. 2 today."]),
        (
            "Sectors, e.g. Energy, and others, i.e. Water, grew.",
            ["Sectors, e.g. Energy, and others, i.e. Water, grew."],
        ),
        ("J. F. Kennedy visited. He left.", ["J. F. Kennedy visited.", "He left."]),
        (
            "Trade was US$ 45.2 million, 1.8 per cent.",
            ["Trade was US$ 45.2 million, 1.8 per cent."],
        ),
        ("See www.mofa.go.jp for more. Next.", ["See www.mofa.go.jp for more.", "Next."]),
        (
            'Trump spoke of "lies and deceit". For Pakistan, relief.',
            ['Trump spoke of "lies and deceit".', "For Pakistan, relief."],
        ),
        (
            'He said "all is well." Then he left.',
            ['He said "all is well."', "Then he left."],
        ),
        ("He said: “It works.” “Good,” she said.", ["He said: “It works.”", "“Good,” she said."]),
        ("common issues.In the current scenario", ["common issues.", "In the current scenario"]),
        ("H.E. Dr.Arif Alvi visited.", ["H.E. Dr.Arif Alvi visited."]),
        ("It grew in 2017. 2018 was better.", ["It grew in 2017.", "2018 was better."]),
        ("Ends with etc. The next one.", ["Ends with etc.", "The next one."]),
        ("Mitsui & Co. Ltd. invested.", ["Mitsui & Co. Ltd. invested."]),
        ("Wait... Then go.", ["Wait...", "Then go."]),
        ("no final punctuation", ["no final punctuation"]),
        ("lowercase after. stop here", ["lowercase after. stop here"]),
        ("(See above.) Next sentence.", ["(See above.)", "Next sentence."]),
        ("", []),
        ("   ", []),
    ],
)
def test_split_sentences(text: str, expected: list[str]) -> None:
    assert sentences(text) == expected


def test_spans_are_trimmed_offsets() -> None:
    text = "  First one.   Second one.  "
    assert split_sentences(text) == [(2, 12), (15, 26)]


@pytest.mark.parametrize(
    ("text", "heading"),
    [
        ("Trade Relations", True),
        ("PAKISTAN-JAPAN TIES: MOVING TOWARDS A POSITIVE TRAJECTORY", True),
        ("Pak-Japan Bilateral ties", True),
        ("(US$ Million)", True),
        ("Conclusion", True),
        ("The talks ended.", False),
        ("These include:", False),
        ("people in South Waziristan", False),
        ("2,249", False),
        ("A very long line " * 10, False),
        ("", False),
    ],
)
def test_looks_like_heading(text: str, heading: bool) -> None:
    assert looks_like_heading(text) is heading


@pytest.mark.parametrize(
    ("text", "ends"),
    [
        ("Afghanistan.²", True),
        ('Pyongyang."⁵', True),
        ("to support temporarily displaced", False),
        ("see note[^1]", False),
        ("the end.[^1]", True),
        ("*The Nation*.", True),
    ],
)
def test_ends_sentence(text: str, ends: bool) -> None:
    assert ends_sentence(text) is ends
