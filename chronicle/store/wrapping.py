"""A connection wrapped as a `sqlite_utils.Database`, with sqlite_utils loaded without numpy.

sqlite_utils imports numpy and pandas when they are installed, only to map their
types in `insert`, which chronicle never passes. numpy costs 80 ms of CPU to import,
and OpenBLAS's threads, which it starts, spin meanwhile: `chronicle ingest` of an
empty folder into a store took 0.67 s of CPU and 0.58 s wall with it, 0.52 s and
0.53 s without. What storing a document costs once started is the same.

While sqlite_utils loads, `import numpy` fails in every thread of the process; nothing
in chronicle imports numpy, so only a plug-in thread doing so at that moment could see it.
"""

from __future__ import annotations

import sqlite3
import sys
from types import ModuleType
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import sqlite_utils

OPTIONAL_IMPORTS = ("numpy", "pandas")
"""What sqlite_utils imports if it can and chronicle does without."""


def wrap(conn: sqlite3.Connection) -> sqlite_utils.Database:
    """`conn` as a `sqlite_utils.Database` (the writing modules' interface)."""
    return _sqlite_utils().Database(conn)


def _sqlite_utils() -> ModuleType:
    if "sqlite_utils" in sys.modules:
        return sys.modules["sqlite_utils"]
    # A None entry makes `import numpy` raise ImportError, which sqlite_utils expects.
    hidden = [name for name in OPTIONAL_IMPORTS if name not in sys.modules]
    sys.modules.update(dict.fromkeys(hidden, None))
    try:
        import sqlite_utils
    finally:
        for name in hidden:
            if sys.modules.get(name, False) is None:
                del sys.modules[name]
    return sqlite_utils
