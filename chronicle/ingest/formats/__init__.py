"""Which reader turns a file format that is not plain text into text.

Each format module exposes ``to_text(data: bytes, name: str) -> str``: the document
as the plain-text conventions the cleaner reads (Markdown ``#`` headings, bulleted
or numbered list items, tab-separated table rows, footnotes as numbered notes at the
end) under a front-matter block (``title``, ``author``, ``site-name``,
``date-published``, ``date-modified``, ``source``) for what the file's metadata
says. It raises `chronicle.ingest.text.read.DocumentError` with a one-line reason
for a file it cannot read. Modules are imported on first use, so a run over plain
text never loads a PDF library.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from pathlib import Path

BINARY_FORMATS: dict[str, str] = {
    ".pdf": "pdf",
    ".docx": "docx",
}
"""File suffix → format module (under this package) for files read as bytes."""


def binary_format(path: Path) -> str | None:
    """The format module name for a file read as bytes, or None for a text file."""
    return BINARY_FORMATS.get(path.suffix.lower())


def reader(format_name: str) -> Callable[[bytes, str], str]:
    """The ``to_text`` function of a format module, imported on first use."""
    module = importlib.import_module(f"{__name__}.{format_name}")
    return module.to_text
