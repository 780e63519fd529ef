"""What `y` copies: the event's date and headline with the citation of its source, by OSC 52.

OSC 52 asks the terminal itself to set the clipboard, so copying works over SSH.
The citation is `chronicle.citation`'s, the one style of every export, so a copied
line reads as the exports do. Every string from a document has its controls
written as escapes first: a pasted line must not carry a control that another
terminal would obey.
"""

from __future__ import annotations

from textual.app import App

from chronicle.citation import cite_event
from chronicle.model import Event
from chronicle.visible import visible

COPIED = "Copied the event with its citation"
NOTHING = "Nothing to copy"
CHANGED = "The results changed; press y again"


def event_text(event: Event) -> str:
    """The event's date and headline, then the citation of its best (first) source."""
    return visible(cite_event(event))


def copy_event(app: App, event: Event) -> None:
    """Put `event` with its citation on the clipboard and say so."""
    app.copy_to_clipboard(event_text(event))
    app.notify(COPIED)
