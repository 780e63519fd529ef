"""The columns of the CSV and TSV exports: one row per event, stable and documented.

The names and their order are part of the format (docs/export.md lists them); a new
column goes at the end. Lists (people, countries, tags) are joined with "; ". The
values are plain text here; each table format escapes them its own way.

Both formats are opened in spreadsheets, which run a cell that begins with `=`, `+`,
`-` or `@` as a formula: a web page's headline `=HYPERLINK(...)` would become a
live link. Such a value is written after an apostrophe (`'=HYPERLINK(...)`), the
usual guard, which spreadsheets show as the text itself.
"""

from __future__ import annotations

from collections.abc import Callable

from chronicle.citation import cite_source
from chronicle.export import analyst
from chronicle.model import CORRECTABLE, Event, Source


def _yes(flag: bool) -> str:
    return "yes" if flag else ""


def _first(event: Event) -> Source | None:
    return event.sources[0] if event.sources else None


def _source_part(read: Callable[[Source], str]) -> Callable[[Event], str]:
    def value(event: Event) -> str:
        source = _first(event)
        return read(source) if source else ""

    return value


def _machine(name: str) -> Callable[[Event], str]:
    return lambda e: analyst.text_of(analyst.machine_value(e, name))


COLUMNS: tuple[tuple[str, Callable[[Event], str]], ...] = (
    ("id", lambda e: str(e.id)),
    ("key", lambda e: e.key),
    ("date_start", lambda e: e.date_start or ""),
    ("date_end", lambda e: e.date_end or ""),
    ("precision", lambda e: e.precision),
    ("date", analyst.event_date),
    ("type", lambda e: e.type),
    ("headline", lambda e: e.headline),
    ("actors", lambda e: analyst.text_of(e.actors)),
    ("countries", lambda e: analyst.text_of(e.countries)),
    ("organisations", lambda e: analyst.text_of(e.organisations)),
    ("sources", lambda e: str(len(e.sources) or e.source_count)),
    ("starred", lambda e: _yes(analyst.starred(e))),
    ("tags", lambda e: analyst.text_of(analyst.tags(e))),
    ("note", analyst.note),
    ("added_by_hand", lambda e: _yes(analyst.manual(e))),
    ("corrected", lambda e: analyst.text_of(analyst.corrected_fields(e))),
    *((f"machine_{name}", _machine(name)) for name in CORRECTABLE),
    ("source_title", _source_part(lambda s: s.title)),
    ("source_publisher", _source_part(lambda s: s.publisher)),
    ("source_date", _source_part(lambda s: s.document_date or "")),
    ("source_location", _source_part(lambda s: s.url or s.document)),
    ("citation", _source_part(cite_source)),
)
"""Each column's name and how its value is read from an event."""

NAMES: tuple[str, ...] = tuple(name for name, _ in COLUMNS)
"""The header row."""


FORMULA_STARTS = ("=", "+", "-", "@")
"""What makes a spreadsheet read a cell as a formula."""


def inert(value: str) -> str:
    """The value, after an apostrophe when a spreadsheet would read it as a formula."""
    return "'" + value if value.startswith(FORMULA_STARTS) else value


def row(event: Event) -> list[str]:
    """The event's values in column order, as plain text a spreadsheet will not run."""
    return [inert(read(event)) for _, read in COLUMNS]
