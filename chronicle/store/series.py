"""The tables of a document stored as named series (issue 16; filled in by its series work)."""

from __future__ import annotations

import sqlite_utils

from chronicle.model import CleanDocument


def write_series(db: sqlite_utils.Database, document_id: int, doc: CleanDocument) -> None:
    """Store the series of a document just inserted, inside its transaction."""
