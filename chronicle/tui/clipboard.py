"""What `y` copies: an event and its sources as plain lines, sent by OSC 52.

OSC 52 asks the terminal itself to set the clipboard, so copying works over SSH.
Every string from a document has its controls written as escapes first: a pasted
line must not carry a control that another terminal would obey.
"""

from __future__ import annotations

from textual.app import App

from chronicle.model import Event
from chronicle.render import format_date
from chronicle.visible import visible, visible_lines

COPIED = "Copied the event and its sources"
NOTHING = "Nothing to copy"
CHANGED = "The results changed; press y again"


def event_text(event: Event) -> str:
    """The date and headline, the event's sentence, then one line per source."""
    lines = [f"{format_date(event)} — {visible(event.headline)}", visible_lines(event.text)]
    lines += [
        f"[{visible(s.publisher or s.title)}] {visible_lines(s.text)} ({visible(s.document)})"
        for s in event.sources
    ]
    return "\n".join(lines)


def copy_event(app: App, event: Event) -> None:
    """Put `event` and its sources on the clipboard and say so."""
    app.copy_to_clipboard(event_text(event))
    app.notify(COPIED)
