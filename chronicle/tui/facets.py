"""The facets panel (`f`): counts of the current results by type, country, actor, source
and year; Enter on a value dismisses with the filter text that selects it."""

from __future__ import annotations

import re

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Label, OptionList
from textual.widgets.option_list import Option
from textual.worker import get_current_worker

from chronicle.search.engine import Searcher
from chronicle.search.facets import Facets, facet_counts, sample_stride
from chronicle.store import Store, StoreError
from chronicle.visible import visible

TITLES = {
    "type": "Type",
    "country": "Country",
    "actor": "Actor",
    "source": "Source",
    "year": "Year",
}

EXACT_MAX = 100_000
"""Above about this many matches the panel keeps the sample's estimate: counting them all
takes seconds of the store's time (docs/performance.md)."""

HINT = "Enter adds the filter · Tab next section · Esc closes"

_DANGLING_RE = re.compile(r"(?:^|\s+)(?:AND|OR|NOT|-)\s*$")


def with_filter(text: str, filter_text: str) -> str:
    """The query `text` with `filter_text` added at its end. An unclosed quote is closed
    first and an operator left at the end dropped, so the filter neither joins a phrase
    nor is excluded by a NOT it was never meant for."""
    text = text.rstrip()
    if text.count('"') % 2:
        text += '"'
    while _DANGLING_RE.search(text):
        text = _DANGLING_RE.sub("", text).rstrip()
    return f"{text} {filter_text}".strip()


def _value_line(count: int, label: str, estimated: bool) -> Text:
    mark = "≈" if estimated else ""
    line = Text(
        f"{mark}{count:,}".rjust(10) + "  ", style="bold", no_wrap=True, overflow="ellipsis"
    )
    line.append(visible(label))
    return line


def _header(title: str, distinct: int) -> Text:
    return Text(
        f"{title} — {distinct:,} value{'' if distinct == 1 else 's'}", style="bold underline"
    )


def facet_options(facets: Facets) -> tuple[list[Option], dict[str, str]]:
    """The panel's lines (a disabled header per section, then its values) and the filter
    text of each value line, by option id."""
    options: list[Option] = []
    filters: dict[str, str] = {}
    for facet in facets.facets:
        options.append(Option(_header(TITLES[facet.name], facet.distinct), disabled=True))
        for value in facet.values:
            option_id = f"{facet.name}:{value.value}"
            filters[option_id] = value.filter
            line = _value_line(value.count, value.label, facets.estimated)
            options.append(Option(line, id=option_id))
    return options, filters


def _status(text: str, facets: Facets | None) -> Text:
    query = f'"{visible(text)}"' if text.strip() else "every event"
    if facets is None:
        return Text(f"Facets of {query} — counting…")
    if facets.estimated:
        return Text(f"Facets of {query} — about {facets.total:,} events (from a sample)")
    return Text(f"Facets of {query} — {facets.total:,} events")


class FacetsScreen(ModalScreen[str | None]):
    """Counts of the results of `text` by facet; dismisses with a filter text or None.

    The counts are read in a thread worker: a large result first shows an estimate from a
    sample (marked ≈), then, if it has at most EXACT_MAX matches, the exact counts.
    """

    DEFAULT_CSS = """
    FacetsScreen { align: center middle; }
    #facets-box {
        width: 76; max-width: 100%; height: 22; max-height: 100%;
        border: round $accent; background: $surface; padding: 0 1;
    }
    #facets-status { height: 1; width: 100%; }
    #facets-list { height: 1fr; border: none; text-wrap: nowrap; text-overflow: ellipsis; }
    """

    BINDINGS = [
        Binding("escape,q,f", "close", "Close"),
        Binding("j", "move('cursor_down')", "Down", show=False),
        Binding("k", "move('cursor_up')", "Up", show=False),
        Binding("g", "move('first')", "Top", show=False),
        Binding("G", "move('last')", "Bottom", show=False),
        Binding("space", "move('page_down')", "Page down", show=False),
        Binding("b", "move('page_up')", "Page up", show=False),
        Binding("tab", "section(1)", "Next section", show=False),
        Binding("shift+tab", "section(-1)", "Previous section", show=False),
    ]

    def __init__(self, store: Store, text: str) -> None:
        super().__init__()
        self.store = store
        self.text = text
        self.facets: Facets | None = None
        """The counts shown (None while the first are read)."""
        self._filters: dict[str, str] = {}

    def compose(self) -> ComposeResult:
        with Vertical(id="facets-box") as box:
            box.border_title = "Facets"
            box.border_subtitle = HINT
            yield Label(_status(self.text, None), id="facets-status", markup=False)
            yield OptionList(id="facets-list")

    def on_mount(self) -> None:
        self.query_one(OptionList).focus()
        self._count()

    @work(thread=True, exclusive=True, group="facets", description="facets")
    def _count(self) -> None:
        worker = get_current_worker()

        def cancelled() -> bool:
            return worker.is_cancelled

        try:
            query, compiled = Searcher(self.store).understand(self.text, whole=True)
            shows_all = not query.terms and not query.filters
            stride = sample_stride(self.store)
            if stride > 1 and not shows_all:  # every event: the kept tables, no sample
                estimate = facet_counts(self.store, compiled, shows_all, sample=stride)
                if cancelled():
                    return
                self.app.call_from_thread(self.show_facets, estimate)
                if estimate.total > EXACT_MAX:
                    return
            exact = facet_counts(self.store, compiled, shows_all, cancelled=cancelled)
        except StoreError as error:
            if not cancelled():
                self.app.call_from_thread(self._show_error, error)
            return
        if not cancelled():
            self.app.call_from_thread(self.show_facets, exact)

    def show_facets(self, facets: Facets) -> None:
        """Show `facets`, keeping the cursor on the value it was on if it is still there."""
        if not self.is_mounted:  # closed while they were counted
            return
        listing = self.query_one(OptionList)
        was = listing.highlighted_option.id if listing.highlighted_option else None
        self.facets = facets
        options, self._filters = facet_options(facets)
        listing.clear_options()
        listing.add_options(options)
        ids = [option.id for option in options]
        if was is not None and was in ids:
            listing.highlighted = ids.index(was)
        else:
            listing.action_first()
        self.query_one("#facets-status", Label).update(_status(self.text, facets))

    def _show_error(self, error: StoreError) -> None:
        self.query_one("#facets-status", Label).update(Text(visible(str(error))))

    @on(OptionList.OptionSelected)
    def _chosen(self, message: OptionList.OptionSelected) -> None:
        message.stop()
        chosen = self._filters.get(message.option.id or "")
        if chosen is not None:
            self.dismiss(chosen)

    def action_close(self) -> None:
        self.dismiss(None)

    def action_move(self, how: str) -> None:
        getattr(self.query_one(OptionList), f"action_{how}")()

    def action_section(self, step: int) -> None:
        """Go to the first value of the next (step 1) or previous (-1) section with values."""
        listing = self.query_one(OptionList)
        options = [listing.get_option_at_index(i) for i in range(listing.option_count)]
        firsts = [
            i for i, o in enumerate(options) if not o.disabled and i > 0 and options[i - 1].disabled
        ]
        if not firsts:
            return
        here = listing.highlighted or 0
        current = max((i for i in firsts if i <= here), default=firsts[0])
        listing.highlighted = firsts[(firsts.index(current) + step) % len(firsts)]
