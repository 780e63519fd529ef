"""Where chronicle keeps its files: the database used when none is named.

Kept apart from `chronicle.library` so that commands which only read a chronicle
do not import the whole ingest pipeline to find it.
"""

from __future__ import annotations

import os
from pathlib import Path

DB_ENV = "CHRONICLE_DB"
"""Environment variable naming the database when --db is not given."""


def default_db_path() -> Path:
    """The database used when neither --db nor CHRONICLE_DB says otherwise."""
    if os.environ.get(DB_ENV):
        return Path(os.environ[DB_ENV]).expanduser()
    from platformdirs import user_data_path

    return user_data_path("chronicle") / "chronicle.db"
