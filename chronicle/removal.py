"""Forget stored documents: what the paths typed name, which files are gone, and removing them.

Kept apart from `chronicle.library` so that `chronicle remove` loads the store and
nothing of the ingest pipeline. A removal is planned before anything happens, so a
typo removes nothing and a folder or many documents can be confirmed first.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from chronicle.store import Store

CONFIRM_ABOVE = 3
"""`chronicle remove` asks first before removing more documents than this, or a folder."""


@dataclass(frozen=True)
class RemovalPlan:
    """What `chronicle remove` would do with the paths typed; nothing happens until carried out."""

    documents: tuple[str, ...] = ()
    """Stored paths that would go, sorted."""
    folders: tuple[str, ...] = ()
    """Paths typed that matched as folders (every document under them)."""
    unmatched: tuple[str, ...] = ()
    """Paths typed that no stored document answers to."""

    @property
    def needs_confirmation(self) -> bool:
        """A folder, or more than `CONFIRM_ABOVE` documents: ask before carrying it out."""
        return bool(self.folders) or len(self.documents) > CONFIRM_ABOVE


def plan_removal(store: Store, typed: Sequence[str]) -> RemovalPlan:
    """Which stored documents the paths typed name.

    A path names the document stored under it, as typed or resolved from the current
    folder; a folder (`/`, `.` and `~` too) names every document under it.
    """
    found: dict[str, None] = {}
    folders, unmatched = [], []
    for path in typed:
        resolved = str(Path(path).expanduser().resolve())
        matches = store.paths_under(resolved)
        if path != resolved and store.hash_for_path(path):
            matches.append(path)  # stored as typed (a relative path an old chronicle kept)
        if not matches:
            unmatched.append(path)
        elif set(matches) - {path, resolved}:
            folders.append(path)
        found.update(dict.fromkeys(matches))
    return RemovalPlan(tuple(sorted(found)), tuple(folders), tuple(unmatched))


def remove_planned(
    store: Store, plan: RemovalPlan, on_removed: Callable[[str], None] | None = None
) -> list[str]:
    """Carry out a plan: remove its documents (their events re-merge); the paths removed."""
    return remove_documents(store, plan.documents, on_removed)


def remove_documents(
    store: Store, paths: Sequence[str], on_removed: Callable[[str], None] | None = None
) -> list[str]:
    """Remove stored documents in one transaction, each atomic; the paths that were stored.

    After Ctrl+C the documents removed so far stay removed, each whole.
    """
    removed: list[str] = []
    if not paths:
        return removed
    with store.batch():
        for path in paths:
            if store.remove_document(path):
                removed.append(path)
                if on_removed:
                    on_removed(path)
    return removed


def stale_documents(store: Store, folder: Path) -> list[str]:
    """Stored documents under `folder` whose file no longer exists, sorted.

    A folder that is itself gone finds none: an unmounted disk must not look like
    every document on it deleted. A file that exists but cannot be read is not stale.
    """
    folder = Path(folder).expanduser().resolve()
    if not folder.is_dir():
        return []
    return [p for p in store.paths_under(str(folder)) if _gone(p)]


def _gone(path: str) -> bool:
    try:
        os.stat(path)  # not Path.stat: building a Path costs more than the stat itself
    except (FileNotFoundError, NotADirectoryError):
        return True
    except OSError:
        return False  # no permission to look is not "deleted"
    return False


def prune(store: Store, folder: Path) -> list[str]:
    """Remove the stale documents under `folder` (their events re-merge); the paths removed."""
    return remove_documents(store, stale_documents(store, folder))
