"""Where chronicle keeps its files: the database used when none is named.

Kept apart from `chronicle.library` so that commands which only read a chronicle
do not import the whole ingest pipeline to find it. A database the user names
(--db, CHRONICLE_DB) is theirs; only the one in the user data directory is ever
built from the bundled samples.
"""

from __future__ import annotations

import os
from pathlib import Path

DB_ENV = "CHRONICLE_DB"
"""Environment variable naming the database when --db is not given."""


def named_db_path() -> Path | None:
    """The database CHRONICLE_DB names, if it is set."""
    named = os.environ.get(DB_ENV)
    return Path(named).expanduser() if named else None


def user_db_path() -> Path:
    """The database in the user data directory: the one built from the samples on first use."""
    from platformdirs import user_data_path

    return user_data_path("chronicle") / "chronicle.db"


def default_db_path() -> Path:
    """The database used when --db is not given: CHRONICLE_DB's, else the user's."""
    return named_db_path() or user_db_path()


def building_path(path: Path) -> Path:
    """Where the database `path` is built before it is renamed into place, whole."""
    return path.with_name(f".{path.name}.building")
