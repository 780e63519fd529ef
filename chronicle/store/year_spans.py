"""Check the events-by-years-spanned counts (migration 015) against the events themselves.

The triggers of migration 015 keep `count_year_spans`; this is the query that says
whether they did, for the store's own check (`integrity`) and the tests.
"""

from __future__ import annotations

import sqlite3

YEAR_SPANS_SQL = (
    "SELECT CASE WHEN date_start IS NULL THEN 'undated' "
    "WHEN precision = 'approximate' THEN 'approximate' ELSE 'dated' END, "
    "coalesce(substr(date_start, 1, 4), ''), "
    "coalesce(substr(coalesce(date_end, date_start), 1, 4), ''), type, count(*) "
    "FROM events GROUP BY 1, 2, 3, 4"
)
"""What `count_year_spans` holds, counted from the events: (kind, first, last, type, n)."""

KEPT_SQL = "SELECT kind, first_year, last_year, type, n FROM count_year_spans"

DIFFERENCE_SQL = (
    f"SELECT * FROM ({KEPT_SQL} EXCEPT {YEAR_SPANS_SQL}) "
    f"UNION ALL SELECT * FROM ({YEAR_SPANS_SQL} EXCEPT {KEPT_SQL})"
)
"""Rows of either that the other lacks."""


def check_year_spans(conn: sqlite3.Connection, examples: int = 3) -> list[str]:
    """One line naming the rows where the kept counts and the events disagree (empty if none)."""
    rows = conn.execute(f"{DIFFERENCE_SQL} LIMIT {examples + 1}").fetchall()
    if not rows:
        return []
    shown = ", ".join(str(tuple(row)) for row in rows[:examples])
    more = ", ..." if len(rows) > examples else ""
    return [f"count_year_spans not the events by the years they span: {shown}{more}"]
