"""Export the current search's events to a file, from the command palette.

The form asks for a file and a format (`chronicle.export.FORMATS`); a thread worker
lists the query's events in the order the timeline shows them, reads each whole
(sources and the analyst's work, `Store.event`) and streams them through
`chronicle.export.write_events` into a file beside the target, renamed over it
once complete, so a failed export never leaves half a file. The form closes with
a notice naming the file and the count; a problem is one line in the form.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label
from textual.worker import get_current_worker

from chronicle.model import Event
from chronicle.search.engine import Searcher
from chronicle.store import Store, StoreError
from chronicle.tui.choice import Choice
from chronicle.tui.plain_input import PlainInput
from chronicle.visible import visible

DEFAULT_NAME = "chronicle-export"
"""The file name offered (in the folder chronicle was started from), before its extension."""

HINT = "Enter or ctrl+s writes · Esc cancels · ←/→ choose the format"


def extension(fmt: str) -> str:
    """The file extension of an export format (its name when the format says none)."""
    import chronicle.export as export

    named = getattr(export, "format_named", None)
    return named(fmt).extension if named else fmt


def default_path(fmt: str) -> str:
    """The file offered for a format: `chronicle-export.<ext>` in the working folder."""
    return str(Path.cwd() / f"{DEFAULT_NAME}.{extension(fmt)}")


class ExportCancelled(Exception):
    """The form was left while the events were being written: nothing is written."""


def export_query(
    searcher: Searcher,
    query: str,
    fmt: str,
    path: Path,
    cancelled: Callable[[], bool] = lambda: False,
) -> int:
    """Write the events `query` finds, in the timeline's order, to `path`; how many.

    Args:
        cancelled: Asked before each event is read; True stops the export.

    Raises:
        ExportCancelled: `cancelled` said so (the file is left as it was).
        StoreError: The database could not be read.
        OSError: The file could not be written.
        ValueError: An unknown format.
    """
    from chronicle.export import write_events
    from chronicle.export.files import written_whole
    from chronicle.store.decisions import naming_sources

    ids, _ = searcher.ids(query)
    title = f"chronicle — {query}" if query.strip() else "chronicle"
    decisions = naming_sources(searcher.store.decisions())
    with written_whole(path) as out:
        events = _events(searcher.store, ids, cancelled)
        return write_events(events, fmt, out, title=title, query=query, decisions=decisions)


def _events(store: Store, ids: list[int], cancelled: Callable[[], bool]) -> Iterator[Event]:
    """Each event read whole, one at a time (one removed meanwhile is left out)."""
    for event_id in ids:
        if cancelled():
            raise ExportCancelled
        event = store.event(event_id)
        if event is not None:
            yield event


class ExportScreen(ModalScreen[str | None]):
    """Ask for a file and a format, write the search's events; dismiss with the path."""

    BINDINGS = [
        Binding("escape", "cancel", "Cancel", tooltip="Close without writing"),
        Binding("ctrl+s", "save", "Write", tooltip="Write the file"),
    ]

    DEFAULT_CSS = """
    ExportScreen { align: center middle; }
    #export-box {
        width: 78; height: auto; border: round $accent; background: $surface; padding: 0 1;
    }
    #export-box .row { height: 1; margin-top: 1; }
    #export-box .row.-choice { height: auto; }
    #export-box .name { width: 8; }
    #export-box .row > Input, #export-box .row > Choice { width: 1fr; }
    #export-message { color: $error; height: auto; margin-top: 1; }
    #export-hint { color: $text-muted; }
    """

    def __init__(self, searcher: Searcher, query: str) -> None:
        super().__init__()
        self.searcher = searcher
        self.query_text = query
        """The query whose events are written."""
        self._replacing: str | None = None
        """A path that exists and was named once: naming it again replaces it."""
        self._writing = False
        """Whether the worker is writing (Enter then waits for it)."""

    def compose(self) -> ComposeResult:
        from chronicle.export import FORMATS

        with Vertical(id="export-box") as box:
            what = f'"{self.query_text}"' if self.query_text.strip() else "every event"
            box.border_title = Text(f"Export {visible(what)}")  # a str would be markup
            with Horizontal(classes="row"):
                yield Label("File", classes="name")
                yield PlainInput(default_path(FORMATS[0]), id="export-path", compact=True)
            with Horizontal(classes="row -choice"):
                yield Label("Format", classes="name")
                yield Choice(FORMATS, FORMATS[0], id="export-format")
            yield Label("", id="export-message", markup=False)
            yield Label(HINT, id="export-hint", markup=False)

    def on_mount(self) -> None:
        self.query_one("#export-path", Input).focus()

    def on_choice_changed(self, event: Choice.Changed) -> None:
        """A new format renames the file offered, unless another was typed."""
        field = self.query_one("#export-path", Input)
        path = Path(field.value)
        if path.parent == Path.cwd() and path.stem == DEFAULT_NAME:
            field.value = default_path(str(event.value))

    def on_input_changed(self, event: Input.Changed) -> None:
        """A file named with a format's extension is written in that format (as
        `chronicle export -o` does); a warning about another path no longer holds."""
        from chronicle.export import FORMATS, format_named

        event.stop()
        self._replacing = None
        self.say("")
        suffix = Path(event.value.strip()).suffix.lower().lstrip(".")
        named = [f for f in FORMATS if suffix and format_named(f).extension == suffix]
        choice = self.query_one("#export-format", Choice)
        if named and choice.value not in named:
            choice.value = named[0]

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_save()

    def on_choice_submitted(self, event: Choice.Submitted) -> None:
        event.stop()
        self.action_save()

    def action_save(self) -> None:
        """Write the file (a second time for one that exists), or say what is wrong."""
        if self._writing:
            return
        typed = self.query_one("#export-path", Input).value.strip()
        if not typed:
            self.say("Name the file to write")
            return
        path = Path(typed).expanduser().absolute()
        if path.exists() and self._replacing != str(path):
            self._replacing = str(path)
            self.say(f"{path} exists: Enter again replaces it")
            return
        self.say("writing…")
        self._writing = True
        self._export_worker(self.query_one("#export-format", Choice).value, path)

    @work(thread=True, exclusive=True, group="export", description="export events")
    def _export_worker(self, fmt: str, path: Path) -> None:
        worker = get_current_worker()
        try:
            count = export_query(
                self.searcher, self.query_text, fmt, path, lambda: worker.is_cancelled
            )
        except ExportCancelled:
            return  # Esc closed the form, which cancels its workers
        except (OSError, StoreError, ValueError) as error:
            self.app.call_from_thread(self._failed, _one_line(error, path))
            return
        self.app.call_from_thread(self._done, path, count)

    def _failed(self, message: str) -> None:
        self._writing = False
        self.say(message)

    def _done(self, path: Path, count: int) -> None:
        noun = "event" if count == 1 else "events"
        self.notify(
            visible(f"{count:,} {noun} written to {path}"), title="Export", markup=False, timeout=8
        )
        if self.is_current:  # not closed meanwhile
            self.dismiss(str(path))

    def say(self, message: str) -> None:
        """Show one line under the fields."""
        self.query_one("#export-message", Label).update(Text(visible(message)))

    def action_cancel(self) -> None:
        self.dismiss(None)


def _one_line(error: Exception, path: Path) -> str:
    """An export's failure in one line (a file's problem names the file asked for)."""
    if isinstance(error, OSError):
        return f"Could not write {path}: {error.strerror or type(error).__name__}"
    text = str(error).strip()
    return text.splitlines()[0] if text else type(error).__name__
