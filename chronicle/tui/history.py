"""The queries a user searched for, most recent first, kept in a file across sessions.

The file is a plain list, one query a line, newest first, in the user's state
directory. Every read merges what another session saved meanwhile, so two
browsers open at once both keep their queries. A file that cannot be read as such
a list (not UTF-8, control characters, too long, not a regular file) is never
overwritten: the history then lives for this session only, and so it does when the
file cannot be written.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterable
from pathlib import Path

from chronicle.tui.plain_input import typeable

LIMIT = 500
"""Queries kept; the oldest go first."""

MAX_BYTES = 1 << 20
"""A history file larger than this was not written by chronicle."""

HISTORY_ENV = "CHRONICLE_HISTORY"
"""Environment variable naming the history file instead of the state directory's."""


def history_path() -> Path:
    """Where the query history is kept: CHRONICLE_HISTORY's file, else the state directory's."""
    named = os.environ.get(HISTORY_ENV)
    if named:
        return Path(named).expanduser()
    from platformdirs import user_state_path

    return user_state_path("chronicle") / "search-history"


def merged(newest: Iterable[str], older: Iterable[str], limit: int = LIMIT) -> list[str]:
    """`newest` then `older`, each query once (where it first stands), no blanks, `limit` kept."""
    seen: dict[str, None] = {}
    for text in (*newest, *older):
        text = text.strip()
        if text and text not in seen:
            seen[text] = None
    return list(seen)[:limit]


def parse(data: bytes) -> list[str] | None:
    """The queries a history file holds, or None when it is no history file."""
    if len(data) > MAX_BYTES:
        return None
    try:
        lines = data.decode("utf-8").splitlines()
    except UnicodeDecodeError:
        return None
    if any(typeable(line) != line for line in lines):
        return None
    return merged(lines, ())


class History:
    """A query history on one file (None: this session only).

    Args:
        path: The file (created with its folder when first saved, private to the user).
        limit: Queries kept.
    """

    def __init__(self, path: Path | None, limit: int = LIMIT) -> None:
        self.path = path
        self.limit = limit
        self.entries: list[str] = []
        """Queries, most recent first."""
        self.load()

    def load(self) -> list[str]:
        """Read the file again (merging what this session added) and return the entries."""
        stored = self._read()
        if stored is None:
            self.path = None  # never overwrite what is not ours
        else:
            self.entries = merged(stored, self.entries, self.limit)
        return self.entries

    def add(self, text: str) -> None:
        """Make `text` the most recent query and save the history; a failure to save is silent."""
        text = typeable(text).strip()
        if not text:
            return
        self.load()
        self.entries = merged([text], self.entries, self.limit)
        self._write()

    def _read(self) -> list[str] | None:
        if self.path is None:
            return []
        try:
            if not self.path.is_file():
                return None if self.path.exists() else []
            data = self.path.read_bytes()
        except OSError:
            return None
        return parse(data)

    def _write(self) -> None:
        if self.path is None:
            return
        spare = self.path.with_name(f".{self.path.name}.{os.getpid()}")
        try:
            self.path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
            fd = os.open(spare, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
            with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as out:
                out.write("".join(f"{text}\n" for text in self.entries))
            os.replace(spare, self.path)
        except OSError:
            with contextlib.suppress(OSError):
                spare.unlink()
