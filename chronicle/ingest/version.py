"""The extractor's fingerprint: which version of the rules read a document.

A file whose text is already stored is skipped on re-ingest, which is right until the
rules change: then its events would keep what the old rules made of it. Hashing the
ingest code and the lexicon, rather than a version number someone must remember to
bump, makes every change of a rule or a word list count.
"""

from __future__ import annotations

import hashlib
from functools import cache
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent.parent
_SOURCES = ("ingest/**/*.py", "data/*.csv", "lexicon.py", "names.py", "model.py")
"""What decides what a document yields (relative to the chronicle package)."""


@cache
def extractor_version() -> str:
    """A short hash of every file that decides what a document yields.

    Returns:
        12 hex digits, the same for the same code and data wherever it is installed.
    """
    digest = hashlib.sha256()
    files = sorted({p for pattern in _SOURCES for p in _PACKAGE.glob(pattern) if p.is_file()})
    for path in files:
        digest.update(path.relative_to(_PACKAGE).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:12]
