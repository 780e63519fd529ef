"""A choice among a few names, shown inline in a form: `● statement  ○ meeting  ○ visit …`.

The forms used Textual's `Select`, whose list opens as an overlay over the form: at
80x24 it covered the form's labels, hint and border and, without a border of its own,
read as text spilled over the box (`Enter in a citation`, `╰────other`), a finding of
issue 18's trial in tmux. Every option here is on screen in the form's own rows (two
at most for the ten event types at 80 columns), so nothing ever draws over anything
else. `←`/`→` (or `↑`/`↓`) move the choice, a letter jumps to the next option starting
with it, a click chooses; Enter posts `Submitted` (a form saves). Like a `Select` it has
a `value` and posts `Changed`.
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.cells import cell_len
from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.message import Message
from textual.reactive import reactive
from textual.widget import Widget

CHOSEN, OTHER = "● ", "○ "
"""The marks in front of the chosen option and the others (legible without colour)."""
GAP = "  "


def layout(options: Sequence[str], width: int) -> list[list[tuple[int, int, int]]]:
    """Where each option goes in lines of `width` cells: per line, (option index, first
    cell, cell after it), an option never split; a line holds at least one."""
    lines: list[list[tuple[int, int, int]]] = [[]]
    x = 0
    for index, option in enumerate(options):
        size = cell_len(CHOSEN + option)
        start = x + cell_len(GAP) if lines[-1] else 0
        if lines[-1] and start + size > width:
            lines.append([])
            start = 0
        lines[-1].append((index, start, start + size))
        x = start + size
    return lines


class Choice(Widget, can_focus=True):
    """One of `options`, all shown; `value` is the chosen one."""

    BINDINGS = [
        Binding("left,up", "move(-1)", "Previous", show=False),
        Binding("right,down", "move(1)", "Next", show=False),
        Binding("home", "first", "First", show=False),
        Binding("end", "last", "Last", show=False),
        Binding("enter", "submit", "Save", show=False),
    ]

    COMPONENT_CLASSES = {"choice--chosen"}
    DEFAULT_CSS = """
    Choice { height: auto; width: 1fr; }
    Choice > .choice--chosen {
        background: $block-cursor-blurred-background;
        color: $block-cursor-blurred-foreground;
        text-style: $block-cursor-blurred-text-style;
    }
    Choice:focus > .choice--chosen {
        background: $block-cursor-background;
        color: $block-cursor-foreground;
        text-style: $block-cursor-text-style;
    }
    """

    value: reactive[str] = reactive("", layout=True)
    """The chosen option."""

    class Changed(Message):
        """The choice moved to another option."""

        def __init__(self, choice: Choice, value: str) -> None:
            self.choice = choice
            self.value = value
            super().__init__()

        @property
        def control(self) -> Choice:
            return self.choice

    class Submitted(Message):
        """Enter was pressed on the choice (a form saves, as Enter in a line does)."""

    def __init__(self, options: Sequence[str], value: str, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.options = list(options)
        if value not in self.options:  # shown as it is, never silently changed to another
            self.options.append(value)
        self.set_reactive(Choice.value, value)

    def validate_value(self, value: str) -> str:
        if value not in self.options:
            raise ValueError(f"not one of the choices: {value!r}")
        return value

    def watch_value(self, old: str, new: str) -> None:
        if old != new:
            self.post_message(self.Changed(self, new))

    def render(self) -> Text:
        chosen = self.get_component_rich_style("choice--chosen", partial=True)
        text = Text(no_wrap=True)
        for number, line in enumerate(layout(self.options, self.content_size.width or 80)):
            if number:
                text.append("\n")
            for position, (index, _start, _end) in enumerate(line):
                option = self.options[index]
                if position:
                    text.append(GAP)
                if option == self.value:
                    text.append(CHOSEN + option, style=chosen)
                else:
                    text.append(OTHER + option)
        return text

    def get_content_height(self, container, viewport, width: int) -> int:
        return len(layout(self.options, width))

    def action_move(self, step: int) -> None:
        at = self.options.index(self.value)
        self.value = self.options[(at + step) % len(self.options)]

    def action_submit(self) -> None:
        self.post_message(self.Submitted())

    def action_first(self) -> None:
        self.value = self.options[0]

    def action_last(self) -> None:
        self.value = self.options[-1]

    def on_key(self, event: events.Key) -> None:
        """A letter chooses the next option that starts with it (again: the one after)."""
        letter = (event.character or "").casefold()
        if len(letter) != 1 or not letter.isalnum():
            return
        at = self.options.index(self.value)
        ordered = self.options[at + 1 :] + self.options[: at + 1]
        found = next((o for o in ordered if o.casefold().startswith(letter)), None)
        if found is not None:
            event.stop()
            self.value = found

    def on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        if offset is None:
            return
        lines = layout(self.options, self.content_size.width)
        if 0 <= offset.y < len(lines):
            for index, start, end in lines[offset.y]:
                if start <= offset.x < end:
                    self.value = self.options[index]
