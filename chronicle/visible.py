"""Make text from files and documents safe to show on a terminal: every control visible.

A file name or a document's words are data. Shown raw, an ESC or C1 byte in them
can retitle the window, clear it or write to the clipboard (OSC 52), and a bidi
override can make a name read backwards. `visible` turns each such character into
a readable escape (``\\x1b``, ``\\u202e``) so the user sees it and the terminal
never acts on it. It returns a plain string: callers hand it to Rich as `Text`,
never as markup.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

_HIDDEN = frozenset({"Cc", "Cf", "Zl", "Zp", "Cs", "Co"})
"""Unicode categories a terminal acts on or shows as nothing: controls (C0, DEL,
C1), format characters (bidi marks and overrides, zero-width joiners), line and
paragraph separators, lone surrogates and private-use characters."""


@lru_cache(maxsize=4096)
def _shown(char: str) -> str:
    if unicodedata.category(char) not in _HIDDEN:
        return char
    code = ord(char)
    if code < 0x100:
        return f"\\x{code:02x}"
    return f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}"


def visible(text: str) -> str:
    """`text` with every control, format and separator character written as an escape."""
    if text.isascii() and text.isprintable():
        return text
    return "".join(_shown(c) for c in text)


def visible_lines(text: str) -> str:
    """Like `visible`, but keeps newlines and tabs (for paragraphs shown as they were)."""
    lines = text.split("\n")
    return "\n".join("\t".join(visible(part) for part in line.split("\t")) for line in lines)
