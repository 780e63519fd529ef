"""A text field that never takes in a control character, whatever is pasted into it.

A key never types one, but a paste (a file name copied from a listing, a line from
a web page) can carry an escape sequence or a bidi override, which Textual's
`Input` would keep and send to the terminal as it is.
"""

from __future__ import annotations

from textual.widgets import Input

from chronicle.ingest.text.inline import sanitize
from chronicle.visible import visible


def typeable(text: str) -> str:
    """`text` cleaned as a document's text is (escape sequences go whole), and then
    without any character `visible` would still escape (a tab)."""
    return "".join(c for c in sanitize(text) if visible(c) == c)


class PlainInput(Input):
    """An `Input` that leaves out controls, format characters and separators it is given."""

    def insert_text_at_cursor(self, text: str) -> None:
        super().insert_text_at_cursor(typeable(text))

    def replace(self, text: str, start: int, end: int) -> None:
        super().replace(typeable(text), start, end)
