"""Write an export file whole or not at all, so a failed or cancelled export loses nothing.

The text goes to a hidden temporary file beside the target, made with a name no
other file has, and is renamed onto the target only when the block ends well.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TextIO


@contextmanager
def written_whole(path: Path) -> Iterator[TextIO]:
    """A text file (UTF-8, line ends as written) that becomes `path` when the block ends
    well; on any failure it is removed and `path` is left as it was.

    Raises:
        OSError: The folder cannot be written, or the rename failed.
    """
    handle, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
    part = Path(name)
    try:
        with open(handle, "w", encoding="utf-8", newline="") as out:
            yield out
        os.replace(part, path)
    finally:
        part.unlink(missing_ok=True)
