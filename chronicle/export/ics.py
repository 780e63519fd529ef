"""iCalendar export (RFC 5545): one all-day VEVENT per dated event.

DTSTART and DTEND are dates (`VALUE=DATE`), DTEND the day after the last
(exclusive, as RFC 5545 §3.6.1 counts); UID comes from the event's key, so a
calendar that imports the file again updates the same events. SUMMARY is the
headline (★ before it when starred), CATEGORIES the type and the tags, DESCRIPTION
the date as the app writes it, the analyst's work, the note and each source's
citation. Text values escape `\\`, `;`, `,` and line breaks (§3.3.11), other
control characters are written as visible escapes (TEXT may not hold them; read
back, the value shows ``\x1b`` as chronicle does on the terminal), lines
are folded at 75 octets (§3.1) and end with CRLF. Undated events are left out.
DTSTAMP is the export's time, or SOURCE_DATE_EPOCH when set (reproducible files).
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from datetime import UTC, date, datetime, timedelta
from typing import TextIO

from chronicle.citation import cite_source
from chronicle.export import analyst
from chronicle.export.base import Format, Heading
from chronicle.model import Event
from chronicle.visible import visible

CRLF = "\r\n"
FOLD_OCTETS = 75
"""The longest a content line may be, in octets of UTF-8, before it is folded."""
PRODID = "-//chronicle//chronicle export//EN"

_TEXT_ESCAPES = {"\\": "\\\\", ";": "\\;", ",": "\\,", "\n": "\\n"}
"""RFC 5545 §3.3.11: what a TEXT value escapes."""


def escape_text(value: str) -> str:
    """A TEXT value: backslash, semicolon, comma and newline escaped, controls visible."""
    value = value.replace("\r\n", "\n")
    escaped = value.translate(_TRANSLATION)
    if escaped.isprintable():  # no other control to make visible
        return escaped
    return "".join(_TEXT_ESCAPES.get(c) or _shown(c) for c in value)


_TRANSLATION = str.maketrans(_TEXT_ESCAPES)


def _shown(char: str) -> str:
    """A character as TEXT may hold it: a control as its visible escape, backslash escaped."""
    return visible(char).replace("\\", "\\\\")


def fold(line: str) -> str:
    """A content line folded into lines of at most 75 octets, each joined by CRLF + space.

    A character is never split across lines (its UTF-8 octets stay together).
    """
    if line.isascii():  # one octet a character: cut by length
        if len(line) <= FOLD_OCTETS:
            return line + CRLF
        rest = line[FOLD_OCTETS:]
        step = FOLD_OCTETS - 1
        cuts = [line[:FOLD_OCTETS], *(rest[i : i + step] for i in range(0, len(rest), step))]
        return (CRLF + " ").join(cuts) + CRLF
    pieces: list[str] = []
    current, size, limit = [], 0, FOLD_OCTETS
    for char in line:
        octets = len(char.encode("utf-8"))
        if size + octets > limit:
            pieces.append("".join(current))
            current, size, limit = [], 0, FOLD_OCTETS - 1  # the leading space counts
        current.append(char)
        size += octets
    pieces.append("".join(current))
    return (CRLF + " ").join(pieces) + CRLF


def _stamp() -> str:
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    moment = datetime.fromtimestamp(int(epoch), UTC) if epoch.isdigit() else datetime.now(UTC)
    return moment.strftime("%Y%m%dT%H%M%SZ")


def _day(iso: str) -> str:
    return iso.replace("-", "")


def description(event: Event) -> str:
    """The DESCRIPTION's plain text: date, analyst's work, note, sources."""
    lines = [f"Date: {analyst.event_date(event)}"]
    if analyst.starred(event):
        lines.append("Starred")
    if analyst.manual(event):
        lines.append("Added by hand")
    lines.extend(s[0].upper() + s[1:] for s in analyst.correction_sentences(event))
    note = analyst.note(event).strip()
    if note:
        lines += ["", note]
    citations = [cite_source(s) for s in event.sources]
    if any(citations):
        lines += ["", "Sources:"] + [f"{i}. {c}" for i, c in enumerate(citations, 1) if c]
    return "\n".join(lines)


def vevent(event: Event, stamp: str) -> Iterator[str]:
    """The VEVENT's content lines (unfolded, without line ends) for a dated event."""
    assert event.date_start is not None
    last = date.fromisoformat(event.date_end or event.date_start)
    after = max(last, date.fromisoformat(event.date_start)) + timedelta(days=1)
    star = "★ " if analyst.starred(event) else ""
    categories = [c for c in (event.type, *analyst.tags(event)) if c]
    yield "BEGIN:VEVENT"
    yield f"UID:{escape_text(event.key)}@chronicle"
    yield f"DTSTAMP:{stamp}"
    yield f"DTSTART;VALUE=DATE:{_day(event.date_start)}"
    yield f"DTEND;VALUE=DATE:{after.strftime('%Y%m%d')}"
    yield f"SUMMARY:{star}{escape_text(event.headline)}"
    if categories:
        yield "CATEGORIES:" + ",".join(escape_text(c) for c in categories)
    yield f"DESCRIPTION:{escape_text(description(event))}"
    yield "TRANSP:TRANSPARENT"
    yield "END:VEVENT"


def write(events: Iterable[Event], out: TextIO, heading: Heading) -> int:
    """Write the calendar, one VEVENT per dated event; returns how many."""
    head = ["BEGIN:VCALENDAR", "VERSION:2.0", f"PRODID:{PRODID}", "CALSCALE:GREGORIAN"]
    if heading.title:
        head.append(f"X-WR-CALNAME:{escape_text(heading.title)}")
    out.writelines(fold(line) for line in head)
    stamp = _stamp()
    count = 0
    for event in events:
        if event.date_start is None:
            continue
        out.writelines(fold(line) for line in vevent(event, stamp))
        count += 1
    out.write(fold("END:VCALENDAR"))
    return count


FORMAT = Format(
    name="ics",
    extension="ics",
    media_type="text/calendar",
    description="an iCalendar file, one all-day event per dated event (undated left out)",
    write=write,
)
