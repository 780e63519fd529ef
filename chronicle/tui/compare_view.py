"""The comparison screen: an event's sources side by side, their disagreements marked.

Each source gets a column (a block, one under another, when the terminal is too narrow
for two): its document and that document's date, the date as the source wrote it, the
date it resolves to, what a relative date was counted from, the type and the people its
sentence gives, and the sentence. Where the sources disagree on the resolved date, the
type or the people, each value that differs from the one the event keeps is marked `≠`
and styled, so it reads without colour too. `n`/`N` step from source to source, Esc (or
`=` again) goes back.
"""

from __future__ import annotations

import io
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

from rich import box
from rich.console import Console, RenderableType
from rich.style import StyleType
from rich.table import Table
from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Static

from chronicle.model import Event, Source
from chronicle.render import format_date
from chronicle.store import Store, StoreError
from chronicle.tui.detail import counted_from, how_dated
from chronicle.visible import visible, visible_lines

FIELDS = (
    ("dated", "document dated"),
    ("written", "as written"),
    ("resolved", "resolved date"),
    ("anchor", "counted from"),
    ("type", "type"),
    ("people", "people"),
    ("sentence", "sentence"),
    ("path", "document"),
)
"""(key, label) of each row of the comparison, in order."""

COMPARED = ("resolved", "type", "people")
"""The fields whose disagreement is marked (a date's wording and a sentence always differ)."""

DIFFERS = "≠ "
DIFFERS_STYLE = "bold underline"
LABEL_WIDTH = 15
MIN_COLUMN = 40
"""The narrowest a source's column gets beside another: below it, blocks are stacked."""
SHOWN = 60
"""The most sources laid out (an event told thousands of times would take seconds to draw)."""
GONE = "This event is no longer in the chronicle (its documents were read again or removed)."
NONE = "—"


def source_values(source: Source) -> dict[str, str]:
    """A source's value for each field key of `FIELDS`, as plain strings."""
    how = how_dated(source)
    dated = (source.document_date or NONE) + (f" ({how})" if source.document_date and how else "")
    anchor = counted_from(source).removeprefix("counted from ") or "written out in full"
    if source.date_start is None:
        anchor = NONE  # no date resolved, so nothing it was counted from
    return {
        "dated": dated,
        "written": source.date_text or NONE,
        # format_date reads only date_start, date_end and precision, which a Source has too
        "resolved": format_date(source),
        "anchor": anchor,
        "type": source.type or NONE,
        "people": ", ".join(source.actors) or NONE,
        "sentence": source.text,
        "path": source.url or source.document,
    }


def _compared(key: str, source: Source) -> object:
    """The value two sources are compared on: people as a set, in any order."""
    if key == "people":
        return frozenset(source.actors)
    return source_values(source)[key]


def _event_value(key: str, event: Event) -> object | None:
    if key == "resolved":
        return format_date(event)
    if key == "type":
        return event.type
    return None  # the event's people are every source's together


def disagreements(event: Event) -> dict[str, frozenset[int]]:
    """For each compared field the sources disagree on, the indexes of the sources whose
    value differs from the one taken as agreed: the most common, and among equally common
    ones the event's own (its date, its type), else the first source's."""
    found = {}
    for key in COMPARED:
        values = [_compared(key, s) for s in event.sources]
        if len(set(values)) < 2:
            continue
        counts = Counter(values)
        top = max(counts.values())
        tied = [v for v in values if counts[v] == top]
        own = _event_value(key, event)
        agreed = own if own in tied else tied[0]
        found[key] = frozenset(i for i, v in enumerate(values) if v != agreed)
    return found


def summary(event: Event, differs: dict[str, frozenset[int]]) -> Text:
    """The lines above the sources: the event, and what its sources disagree on."""
    out = Text()
    out.append(visible(event.headline), style="bold")
    count = len(event.sources)
    out.append(f"\n{format_date(event)}  ·  {event.type}  ·  {count} source{'s' * (count != 1)}\n")
    if count > SHOWN:
        out.append(f"The first {SHOWN} are shown here; the detail pane lists every one.\n")
    if count < 2:
        out.append("Only one source tells this event: nothing to compare.")
    elif differs:
        labels = dict(FIELDS)
        out.append(DIFFERS + "Sources disagree on: ", style=DIFFERS_STYLE)
        out.append(", ".join(labels[k] for k in COMPARED if k in differs), style=DIFFERS_STYLE)
        out.append(f"\n{DIFFERS.strip()} marks a value that differs from the one the event keeps.")
    else:
        out.append("The sources agree on the date, the type and the people.")
    return out


def heading(number: int, source: Source) -> Text:
    """A source's heading: its number, its document's title and publisher."""
    out = Text(f"{number}. ", style="bold")
    out.append(visible(source.title or Path(source.document).name), style="bold")
    if source.publisher:
        out.append(visible(f" — {source.publisher}"), style="italic")
    return out


def cell(
    key: str,
    index: int,
    source: Source,
    differs: dict[str, frozenset[int]],
    muted: StyleType = "dim",
) -> Text:
    """One source's value for one field, marked when it disagrees (a path in `muted`)."""
    value = source_values(source)[key]
    if key == "sentence":
        text = Text(visible_lines(value))
        at = text.plain.find(visible(source.date_text)) if source.date_text else -1
        if at >= 0:
            text.stylize("bold", at, at + len(visible(source.date_text)))
        return text
    if index in differs.get(key, ()):
        return Text(DIFFERS + visible(value), style=DIFFERS_STYLE)
    return Text(visible(value), style=muted if key == "path" else "")


def columns_that_fit(width: int, sources: int) -> int:
    """How many sources go side by side at `width` columns (1: stacked blocks)."""
    return max(1, min(sources, (width - LABEL_WIDTH) // MIN_COLUMN))


def blocks(event: Event, width: int, muted: StyleType = "dim") -> list[RenderableType]:
    """The sources as tables: one per source when stacked, else one per group of as many
    columns as fit side by side; labels and paths in `muted` (the screen passes its
    theme's)."""
    differs = disagreements(event)
    numbered = list(enumerate(event.sources[:SHOWN]))
    per = columns_that_fit(width, len(numbered))
    out: list[RenderableType] = []
    for first in range(0, len(numbered), per):
        group = numbered[first : first + per]
        if per == 1:
            out.append(_stacked(*group[0], differs, muted))
        else:
            out.append(_side_by_side(group, differs, muted))
    return out


def _stacked(
    index: int, source: Source, differs: dict[str, frozenset[int]], muted: StyleType
) -> Table:
    table = Table.grid(padding=(0, 1), expand=True)
    table.add_column(width=LABEL_WIDTH, style=muted, no_wrap=True)
    table.add_column(ratio=1, overflow="fold")
    table.title = heading(index + 1, source)
    table.title_justify = "left"
    for key, label in FIELDS:
        table.add_row(label, cell(key, index, source, differs, muted))
    table.add_row("", "")
    return table


def _side_by_side(
    group: Sequence[tuple[int, Source]], differs: dict[str, frozenset[int]], muted: StyleType
) -> Table:
    table = Table(box=box.SIMPLE_HEAD, expand=True, show_edge=False, padding=(0, 1))
    table.add_column("", width=LABEL_WIDTH, style=muted, no_wrap=True)
    for index, source in group:
        table.add_column(heading(index + 1, source), ratio=1, overflow="fold", vertical="top")
    for key, label in FIELDS:
        table.add_row(label, *(cell(key, i, s, differs, muted) for i, s in group))
    return table


def plain(renderables: Sequence[RenderableType], width: int) -> str:
    """What `renderables` show at `width` columns, as plain text (for tests and copying)."""
    console = Console(width=width, color_system=None, file=io.StringIO(), record=True)
    for renderable in renderables:
        console.print(renderable)
    return "\n".join(line.rstrip() for line in console.export_text().splitlines())


class CompareScreen(Screen[None]):
    """An event's sources side by side; `n`/`N` go from source to source, Esc goes back."""

    BINDINGS = [
        Binding("escape,q,equals_sign", "close", "Back"),
        Binding("n", "step(1)", "Next source"),
        Binding("N", "step(-1)", "Previous source"),
        Binding("j,down", "scroll('down')", "Down", show=False),
        Binding("k,up", "scroll('up')", "Up", show=False),
        Binding("space,pagedown", "scroll('page_down')", "Page down", show=False),
        Binding("b,pageup", "scroll('page_up')", "Page up", show=False),
        Binding("g,home", "scroll('home')", "Top", show=False),
        Binding("G,end", "scroll('end')", "Bottom", show=False),
    ]

    COMPONENT_CLASSES = {"compare--muted"}

    DEFAULT_CSS = """
    CompareScreen > .compare--muted { color: $text-muted; }
    #compare-body {
        border: round $accent;
        padding: 0 1;
    }
    #compare-body > Static {
        width: 1fr;
        height: auto;
    }
    #compare-body > Static:first-child {
        margin-bottom: 1;
    }
    """

    def __init__(self, store: Store, event_id: int) -> None:
        super().__init__()
        self.store = store
        self.event_id = event_id
        self.event: Event | None = None
        self.loaded = False
        self.source_index = 0
        self._shown: list[RenderableType] = []
        self._width = 0
        self._per = 0

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="compare-body") as body:
            body.border_title = "Sources compared"
            body.border_subtitle = "n/N next, previous source · Esc back"
        yield Footer()

    def on_mount(self) -> None:
        self.app.theme_changed_signal.subscribe(self, self._theme_changed)
        self._load()

    def _theme_changed(self, _theme: object) -> None:
        """Lay the sources out again in the new theme's colours (resolved per draw)."""
        self._draw(force=True)

    @work(thread=True, exclusive=True, group="compare", description="load the event's sources")
    def _load(self) -> None:
        try:
            event = self.store.event(self.event_id)
        except StoreError as error:
            self.app.call_from_thread(self.notify, visible(str(error)), severity="error")
            return
        self.app.call_from_thread(self._show, event)

    def _show(self, event: Event | None) -> None:
        self.event, self.loaded = event, True
        self._draw(force=True)

    def on_resize(self) -> None:
        self._draw()

    def _room(self) -> int:
        body = self.query_one("#compare-body", VerticalScroll)
        return body.content_region.width or self.app.size.width - 4

    def _draw(self, force: bool = False) -> None:
        """Lay the sources out for the width there is (again only when it changed)."""
        if not self.loaded:
            return
        width = self._room()
        event = self.event
        per = columns_that_fit(width, len(event.sources)) if event else 0
        if not force and (width, per) == (self._width, self._per):
            return
        self._width, self._per = width, per
        if event is None:
            parts: list[RenderableType] = [Text(GONE)]
        else:
            muted = self.get_component_rich_style("compare--muted", partial=True)
            parts = [summary(event, disagreements(event)), *blocks(event, width, muted)]
        self._shown = parts
        body = self.query_one("#compare-body", VerticalScroll)
        body.remove_children()
        body.mount_all([Static(part, markup=False) for part in parts])

    @property
    def text(self) -> str:
        """The plain text on screen at its current width (for tests)."""
        return plain(self._shown, self._width or 80)

    def action_step(self, by: int) -> None:
        """Scroll the next (previous) source's block, or group of columns, to the top."""
        blocks_shown = list(self.query("#compare-body > Static"))[1:]
        if not blocks_shown:
            return
        self.source_index = (self.source_index + by) % len(blocks_shown)
        body = self.query_one("#compare-body", VerticalScroll)
        body.scroll_to_widget(blocks_shown[self.source_index], top=True, animate=False)

    def action_scroll(self, where: str) -> None:
        getattr(self.query_one("#compare-body", VerticalScroll), f"scroll_{where}")(animate=False)

    def action_close(self) -> None:
        self.dismiss(None)
