"""Notice another process writing the database, and find a happening again after it did.

`chronicle ingest` may run while the browser is open. SQLite counts the commits
other connections make (`PRAGMA data_version`), which is cheap enough to ask every
second. A merge may rebuild an event under a new id and a new key, but each of its
mentions keeps its key, and an event's key is its smallest mention's: the event
that now holds that mention is the same happening. When that mention's document
was removed, the event holding another of its mentions is.
"""

from __future__ import annotations

from collections.abc import Sequence

from chronicle.store import Store

POLL_SECONDS = 1.0
"""How often the browser asks whether the database changed."""


def data_version(store: Store) -> int:
    """A number that changes whenever another connection commits to the database."""
    return store.data_version()


def member_keys(store: Store, event_id: int) -> list[str]:
    """The keys of the event's mentions, smallest (the event's own key) first."""
    return store.member_keys(event_id)


def event_holding(store: Store, keys: Sequence[str]) -> int | None:
    """The event that holds the first of `keys` still stored (a happening's members, in order)."""
    return store.event_holding(keys)
