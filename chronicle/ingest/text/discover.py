"""Which files to read: folders walked for documents, and what was left out and why.

A folder is walked for the files chronicle reads; hidden files and folders are passed
over without a word (".git", ".DS_Store"), everything else left out is kept with its
reason so a run can say what it skipped: files of other types, folders it may not
read, symbolic links that lead out of the folder (followed only when asked) and links
that lead nowhere.
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from chronicle.ingest.formats import BINARY_FORMATS

SUPPORTED_EXTENSIONS = frozenset({".txt", ".md", ".markdown", ".html", ".htm", *BINARY_FORMATS})
"""File name endings `read_document` accepts (compared lower-cased)."""

UNSUPPORTED = "unsupported type"
LINK_OUT = "symbolic link out of the folder (--follow-links follows it)"
LINK_BROKEN = "symbolic link to nothing"
"""Reasons a file is skipped; a folder's is the error that stopped reading it."""


def is_supported(path: Path) -> bool:
    """True when `path` has an extension `read_document` accepts."""
    return path.suffix.lower() in SUPPORTED_EXTENSIONS


@dataclass(frozen=True, slots=True)
class Skipped:
    """A path a walk left out: what it is (".docx", "folder", "link") and why."""

    path: Path
    kind: str
    reason: str


@dataclass
class Discovery:
    """The files to read, in a stable order, and the paths left out."""

    files: list[Path] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)

    def summary(self) -> list[str]:
        """One line per kind and reason, most first: "3 .docx skipped: unsupported type"."""
        counts = Counter((s.kind, s.reason) for s in self.skipped)
        ordered = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
        return [f"{n} {_plural(kind, n)} skipped: {reason}" for (kind, reason), n in ordered]


def _plural(kind: str, count: int) -> str:
    if count == 1 or kind.startswith("."):
        return kind
    return "files with no extension" if kind == "file with no extension" else f"{kind}s"


def discover(paths: Iterable[Path], *, follow_links: bool = False) -> Discovery:
    """Expand folders into the supported files they hold, noting what is left out.

    Folders are walked in sorted order, a folder's files before its subfolders. A
    symbolic link (to a file or a folder) found inside a folder is followed only when
    it stays inside that folder, unless `follow_links`; one that stays inside is a
    second name for something walked anyway, so a folder it names is not walked twice.
    Paths given that are not folders are kept as given (reading reports any problem).
    Each file is kept once, however many names lead to it.
    """
    found = Discovery()
    seen: set[Path] = set()
    for path in paths:
        path = Path(path)
        candidates = _walk(path, found, follow_links) if path.is_dir() else iter([path])
        for candidate in candidates:
            identity = _identity(candidate)
            if identity not in seen:
                seen.add(identity)
                found.files.append(candidate)
    return found


def iter_paths(paths: Iterable[Path], *, follow_links: bool = False) -> Iterator[Path]:
    """The files of `discover(paths)`, for callers that need no account of the rest."""
    yield from discover(paths, follow_links=follow_links).files


def _identity(path: Path) -> Path:
    try:
        return path.resolve()
    except (OSError, RuntimeError):  # a link loop
        return path


def _walk(folder: Path, found: Discovery, follow_links: bool) -> Iterator[Path]:
    root = folder.resolve()
    pending = [folder]
    walked = {root}
    while pending:
        here = pending.pop()
        files, folders = _entries(here, root, found, follow_links)
        yield from files
        for sub in reversed(folders):
            target = sub.resolve()
            if target not in walked:  # a followed link may lead back up
                walked.add(target)
                pending.append(sub)


def _entries(
    here: Path, root: Path, found: Discovery, follow_links: bool
) -> tuple[list[Path], list[Path]]:
    """The supported files and the folders to walk in one folder, in sorted order."""
    try:
        with os.scandir(here) as listing:
            entries = sorted(listing, key=lambda e: e.name)
    except OSError as error:
        found.skipped.append(Skipped(here, "folder", _why(error)))
        return [], []
    files: list[Path] = []
    folders: list[Path] = []
    for entry in entries:
        if entry.name.startswith("."):
            continue
        path = Path(entry.path)
        if entry.is_symlink():
            target = _link_target(path)
            if target is None:
                found.skipped.append(Skipped(path, "link", LINK_BROKEN))
                continue
            if not (follow_links or target.is_relative_to(root)):
                found.skipped.append(Skipped(path, "link", LINK_OUT))
                continue
            if target.is_dir():
                if follow_links and not target.is_relative_to(root):
                    folders.append(path)
                continue  # inside the folder, walked under its own name
        elif entry.is_dir(follow_symlinks=False):
            folders.append(path)
            continue
        if is_supported(path):
            files.append(path)
        else:
            found.skipped.append(Skipped(path, _kind(path), UNSUPPORTED))
    return files, folders


def _link_target(path: Path) -> Path | None:
    """Where a symbolic link leads, or None when it leads nowhere (or round in a loop)."""
    try:
        target = path.resolve(strict=True)
    except (OSError, RuntimeError):
        return None
    return target


def _kind(path: Path) -> str:
    return path.suffix.lower() or "file with no extension"


def _why(error: OSError) -> str:
    if isinstance(error, PermissionError):
        return "permission denied"
    return f"cannot read ({error.strerror or error})"
