"""Golden files pin every export format byte for byte, from a small set of events built
here (a web page and a file cited, each precision, a span, the analyst's work, an event
added by hand, an undated one and hostile text), so any change to a format is a diff
to read in review.

To accept a change on purpose: `CHRONICLE_UPDATE_GOLDEN=1 python3 -m pytest
tests/test_export_golden.py`, then read `git diff tests/data/export/`.
"""

from __future__ import annotations

import io
import os
from pathlib import Path

import pytest

from chronicle.export import FORMATS, format_named, write_events
from chronicle.model import Annotation, Event, Source
from chronicle.store.decisions import Decision, naming_sources

GOLDEN = Path(__file__).parent / "data" / "export"

WEB = Source(
    document="https://www.mofa.go.jp/press/release/2011/02/0223.html",
    title="Japan-Pakistan Joint Statement",
    publisher="Ministry of Foreign Affairs of Japan",
    date_text="February 21 to 23, 2011",
    text="President Zardari paid an official visit to Japan from February 21 to 23, 2011.",
    date_start="2011-02-21",
    date_end="2011-02-23",
    precision="range",
    document_date="2011-02-23",
    document_date_source="dateline",
    url="https://www.mofa.go.jp/press/release/2011/02/0223.html",
    key="aa11:000120",
)
BRIEF = Source(
    document="/briefs/2018-01-10-issi.txt",
    title="Pakistan-Japan Ties: Moving Towards a Positive Trajectory",
    publisher="Institute of Strategic Studies Islamabad",
    date_text="February 2011",
    text="Zardari visited Tokyo in February 2011.",
    date_start="2011-02-01",
    date_end="2011-02-28",
    precision="month",
    document_date="2018-01-10",
    document_date_source="byline",
    key="bb22:000940",
)
UNDATED_DOC = Source(
    document="/briefs/brief.txt",
    title="Brief on Pakistan-Japan Relations",
    publisher="",
    date_text="recently",
    text="Exchanges have suffered recently.",
    date_start=None,
    date_end=None,
    precision="unresolved",
    key="cc33:002740",
)
OWN = Source(
    document="manual:5f1c",
    title="Embassy call",
    publisher="Analyst",
    date_text="2019-04",
    text="The ambassador called on the minister. No release was issued.",
    paragraph="The ambassador called on the minister.\n\nNo release was issued.",
    date_start="2019-04-01",
    date_end="2019-04-30",
    precision="month",
    document_date="2026-12-04",
    key="dd44:000000",
)


def _event(
    id_: int, key: str, start: str | None, end: str | None, precision: str, **more: object
) -> Event:
    fields: dict[str, object] = {
        "type": "visit",
        "headline": f"Event {id_}",
        "text": f"Sentence {id_}.",
    }
    fields.update(more)
    return Event(id=id_, key=key, date_start=start, date_end=end, precision=precision, **fields)  # type: ignore[arg-type]


EVENTS = [
    _event(
        1,
        "aa11:000120",
        "2011-02-21",
        "2011-02-23",
        "range",
        headline="Asif Ali Zardari visits Japan",
        actors=("Asif Ali Zardari", "Naoto Kan"),
        countries=("PK", "JP"),
        source_count=2,
        sources=(WEB, BRIEF),
        annotation=Annotation(
            id=1,
            starred=True,
            tags=("state visit", "summit"),
            note="Check the joint statement's annex.\n\nSecond paragraph.",
            correction={"date_start": "2011-02-21", "date_end": "2011-02-23", "precision": "range"},
            machine={"date_start": "2011-02-20", "date_end": "2011-02-23", "precision": "range"},
            anchors=("aa11:000120", "bb22:000940"),
            event_id=1,
            updated_at="2026-12-04T10:00:00+00:00",
        ),
    ),
    _event(2, "bb22:000100", "2012-05-01", "2012-05-31", "month", type="meeting", sources=(BRIEF,)),
    _event(
        3, "bb22:000200", "2013-01-01", "2013-12-31", "year", type="agreement", sources=(BRIEF,)
    ),
    _event(
        4,
        "bb22:000300",
        "2009-03-01",
        "2009-04-30",
        "approximate",
        type="economic",
        sources=(BRIEF,),
    ),
    _event(
        5, "bb22:000400", "2016-07-01", "2017-06-30", "range", type="economic", sources=(BRIEF,)
    ),
    _event(
        6,
        "dd44:000000",
        "2019-04-01",
        "2019-04-30",
        "month",
        type="meeting",
        headline="Embassy call",
        sources=(OWN,),
    ),
    _event(
        7,
        "bb22:000500",
        "2018-01-04",
        "2018-01-04",
        "day",
        type="meeting",
        headline='=cmd <b>x</b> *y* [^1] "q", a;b \\ \x1b[2J\nnext',
        sources=(BRIEF,),
        annotation=Annotation(
            id=2,
            tags=("a,b", "<i>"),
            note="# not a heading\n- not a list\n    not code\x07",
            correction={
                "headline": '=cmd <b>x</b> *y* [^1] "q", a;b \\ \x1b[2J\nnext',
                "type": "meeting",
            },
            machine={"headline": "Talks held", "type": "statement"},
            anchors=("bb22:000500",),
            event_id=7,
            updated_at="2026-12-04T10:00:00+00:00",
        ),
    ),
    _event(8, "cc33:002740", None, None, "unresolved", type="other", sources=(UNDATED_DOC,)),
]


DECISIONS = [
    Decision(
        1,
        "join",
        "aa11:000120",
        "2026-12-04T09:00:00+00:00",
        (("aa11:000120", "dd44:000000"),),
        True,
    ),
    Decision(
        2,
        "split",
        "cc33:002740",
        "2026-12-04T09:30:00+00:00",
        (("aa11:000120", "cc33:002740"),),
        True,
    ),
]
"""A join naming the web page's source (event 1) and the one added by hand (event 6),
and a split of the undated brief's (event 8) from the web page's: event 1 carries both."""


@pytest.mark.parametrize("fmt", FORMATS)
def test_the_export_is_byte_for_byte_the_golden_file(fmt, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1764842400")  # 2025-12-04 10:00 UTC
    out = io.StringIO(newline="")
    write_events(
        EVENTS,
        fmt,
        out,
        title="Japan–Pakistan, 2009–2019",
        query="country:jp sort:date",
        decisions=naming_sources(DECISIONS),
    )
    path = GOLDEN / f"events.{fmt}.{format_named(fmt).extension}"
    written = out.getvalue().encode("utf-8")
    if os.environ.get("CHRONICLE_UPDATE_GOLDEN"):
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(written)
    assert path.exists(), f"no golden file {path.name}: run with CHRONICLE_UPDATE_GOLDEN=1"
    assert written == path.read_bytes()
