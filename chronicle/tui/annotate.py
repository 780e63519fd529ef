"""The two prompts for the analyst's own words on an event: its tags (`t`) and its note (`a`).

Both are modal screens that only ask: they are given what the event has now and
dismiss with the new value (or None when nothing is to be written), and the main
screen writes it to the store. The tag prompt completes the tag being typed from
the tags already in use, most used first; the note editor is a multi-line
`TextArea`. Neither takes in a control character from a paste, and a note that
holds one (imported from elsewhere) is shown with it as an escape.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.suggester import Suggester
from textual.widgets import Button, Input, Label, TextArea
from textual.widgets.text_area import Edit, EditResult

from chronicle.tui.plain_input import PlainInput, typeable
from chronicle.visible import visible, visible_lines

TAG_PROMPT = "Tags, comma-separated (→ completes; empty removes all):"
NOTE_PROMPT = "Your note (ctrl+s saves, Esc cancels):"
UNSAVED = "Unsaved changes: Esc again discards them, ctrl+s saves."


def parse_tags(text: str) -> list[str]:
    """The tags in a comma-separated line, blanks and repeats left out, in typed order."""
    return list(dict.fromkeys(t.strip() for t in text.split(",") if t.strip()))


class TagSuggester(Suggester):
    """Completes the last comma-separated tag from the tags in use, skipping those already
    typed; what was typed is kept as typed and the rest of the tag appended."""

    def __init__(self, tags: Iterable[str]) -> None:
        super().__init__(use_cache=False, case_sensitive=True)
        self.tags = list(tags)
        """Tags in use, most used first (the first that fits is suggested)."""

    async def get_suggestion(self, value: str) -> str | None:
        done, _, last = value.rpartition(",")
        typed = last.lstrip().casefold()
        if not typed:
            return None
        taken = {t.casefold() for t in parse_tags(done)}
        for tag in self.tags:
            folded = tag.casefold()
            if folded.startswith(typed) and len(tag) > len(typed) and folded not in taken:
                return value + tag[len(typed) :]
        return None


class TagScreen(ModalScreen[list[str] | None]):
    """Ask for the event's tags; dismiss with them ([] removes them all) or None (Esc)."""

    BINDINGS = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, current: Sequence[str], in_use: Sequence[str]) -> None:
        """
        Args:
            current: The event's tags now (prefilled).
            in_use: Every tag in use, most used first (completed from).
        """
        super().__init__()
        self.current = list(current)
        self.in_use = list(in_use)

    def compose(self) -> ComposeResult:
        with Vertical(id="tag-box"):
            yield Label(TAG_PROMPT, markup=False)
            # not selected on focus: a key adds to the tags rather than replacing them
            yield PlainInput(
                value=self.prefill,
                id="tag-input",
                suggester=TagSuggester(self.in_use),
                select_on_focus=False,
            )

    @property
    def prefill(self) -> str:
        """The current tags as the field shows them (a control written as an escape)."""
        return typeable(", ".join(visible(t) for t in self.current))

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        tags = parse_tags(event.value)
        self.dismiss(None if tags == parse_tags(self.prefill) else tags)

    def action_cancel(self) -> None:
        self.dismiss(None)


def typeable_lines(text: str) -> str:
    """`text` without controls or format characters, its line breaks kept."""
    return "\n".join(typeable(line) for line in text.replace("\r\n", "\n").split("\n"))


class NoteArea(TextArea):
    """A `TextArea` that leaves out the controls a paste brings (line breaks stay)."""

    def edit(self, edit: Edit) -> EditResult:
        edit.text = typeable_lines(edit.text)
        return super().edit(edit)


class NoteScreen(ModalScreen[str | None]):
    """Edit the event's note; dismiss with the new text, or None when nothing changed or
    the edit was given up (Esc, asked twice once the text was changed)."""

    BINDINGS = [
        Binding("ctrl+s", "save", "Save", priority=True),
        Binding("escape", "cancel", "Cancel"),
    ]

    def __init__(self, note: str) -> None:
        super().__init__()
        self.original = visible_lines(note)
        """The note as shown (a control character it holds written as an escape)."""
        self._warned = False

    def compose(self) -> ComposeResult:
        with Vertical(id="note-box"):
            yield Label(NOTE_PROMPT, id="note-prompt", markup=False)
            yield NoteArea(self.original, id="note-text", soft_wrap=True)
            with Horizontal(id="note-buttons"):
                yield Button("Save", id="note-save", variant="primary")
                yield Button("Cancel", id="note-cancel")

    def on_mount(self) -> None:
        area = self.query_one(NoteArea)
        area.focus()
        area.move_cursor(area.document.end)

    @property
    def text(self) -> str:
        """The note as it stands in the editor."""
        return self.query_one(NoteArea).text

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "note-save":
            self.action_save()
        else:
            self.dismiss(None)

    def action_save(self) -> None:
        self.dismiss(None if self.text == self.original else self.text)

    def action_cancel(self) -> None:
        if self.text == self.original or self._warned:
            self.dismiss(None)
            return
        self._warned = True
        self.query_one("#note-prompt", Label).update(UNSAVED)
