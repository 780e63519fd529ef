"""A document of two megabytes is read whole and every dated statement in it found."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from chronicle.pipeline import parse_file

DATED = (
    "Foreign Minister Taro Kono met his Pakistani counterpart Khawaja Asif in Islamabad "
    "on 4 January 2018."
)
UNDATED = [
    "The two ministers reviewed trade, energy and the training of Pakistani engineers in Japan.",
    "Officials of both countries will meet again in Tokyo; no date has been fixed.",
    "The talks covered visas for students and nurses, and the circular railway of Karachi.",
    "Both sides said the partnership had grown in scope and in the number of people it touches.",
]


def test_a_two_megabyte_document_is_parsed_whole(tmp_path: Path) -> None:
    record = "\n\n".join([DATED, *UNDATED * 5]) + "\n\n"
    copies = 2 * 2**20 // len(record)
    path = tmp_path / "running-record.md"
    path.write_text("# Pakistan and Japan: a running record\n\n" + record * copies, "utf-8")
    parsed = parse_file(path)
    assert parsed.error == ""
    assert len(parsed.doc.paragraphs) == 1 + 21 * copies
    assert len(parsed.mentions) == copies
    assert {m.date.date_start for m in parsed.mentions} == {date(2018, 1, 4)}
    assert {m.type for m in parsed.mentions} == {"meeting"}
    last = parsed.mentions[-1]
    assert parsed.doc.text[last.date.start : last.date.end] == "4 January 2018"
