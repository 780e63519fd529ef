"""Saved searches: keep a query under a name (ctrl+s in the search bar), run it again
from the command palette.

The palette lists each as "Saved search: NAME — QUERY"; choosing one puts the query
in the search bar and searches. Names and queries are the analyst's text, so they
are shown as plain text (the palette's own highlighter would read them as markup)
with their control characters made visible.
"""

from __future__ import annotations

import asyncio
from contextlib import suppress
from functools import partial
from typing import Protocol, runtime_checkable

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.command import DiscoveryHit, Hit, Hits, Matcher, Provider
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Input, Label

from chronicle.store import StoreError
from chronicle.tui.plain_input import PlainInput
from chronicle.visible import visible

PREFIX = "Saved search: "
"""How the palette names a saved search."""


@runtime_checkable
class Searching(Protocol):
    """A screen with a search bar: the main screen (not imported: it imports the bar,
    which imports this module)."""

    def set_query(self, text: str) -> None:
        """Put `text` in the search bar and search for it now."""


def palette_title(name: str, query: str) -> str:
    """The palette's line for a saved search (control characters made visible)."""
    return f"{PREFIX}{visible(name)} — {visible(query)}"


def highlighted(matcher: Matcher, text: str) -> Content:
    """`text` as plain content with the letters the palette's query matched marked
    (`Matcher.highlight` would parse it as markup)."""
    content = Content(text)
    score, offsets = matcher.fuzzy_search.match(matcher.query, text)
    if score:
        for offset in offsets:
            if not text[offset].isspace():
                content = content.stylize(matcher.match_style, offset, offset + 1)
    return content


class SaveSearchScreen(ModalScreen[str | None]):
    """Ask what to call a query; dismiss with the name (None on Esc)."""

    BINDINGS = [Binding("escape", "cancel", "Cancel")]

    DEFAULT_CSS = """
    SaveSearchScreen { align: center middle; }
    SaveSearchScreen > Label, SaveSearchScreen > Input { width: 64; background: $surface; }
    SaveSearchScreen > Label { padding: 1 2 0 2; }
    """

    def __init__(self, query: str) -> None:
        super().__init__()
        self.query_text = query
        """The query to save (the name starts as it)."""

    def compose(self) -> ComposeResult:
        yield Label(Text(f'Save the search "{visible(self.query_text)}" as:'), markup=False)
        yield PlainInput(visible(self.query_text), id="save-search-name")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        name = " ".join(event.value.split())
        if not name:
            self.query_one(Label).update("A name is needed. Esc to cancel.")
            return
        self.dismiss(name)

    def action_cancel(self) -> None:
        self.dismiss(None)


class SavedSearches(Provider):
    """The command palette's saved searches, read from the store when it opens."""

    async def startup(self) -> None:
        store = getattr(self.app, "store", None)
        self.saved: list[tuple[str, str]] = []
        """(name, query) of every saved search, by name."""
        if store is None or not isinstance(self.screen, Searching):
            return  # only the main screen has a search to run
        with suppress(StoreError):  # the palette still works; the search reports it
            self.saved = await asyncio.to_thread(store.saved_searches)

    async def discover(self) -> Hits:
        for name, query in self.saved:
            yield DiscoveryHit(
                Content(palette_title(name, query)),
                partial(self.run_saved, query),
                text=palette_title(name, query),
                help="Search for it again",
            )

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for name, saved in self.saved:
            title = palette_title(name, saved)
            score = matcher.match(title)
            if score > 0:
                yield Hit(
                    score,
                    highlighted(matcher, title),
                    partial(self.run_saved, saved),
                    text=title,
                    help="Search for it again",
                )

    def run_saved(self, query: str) -> None:
        """Put `query` in the search bar and search for it."""
        if isinstance(self.screen, Searching):
            self.screen.set_query(query)
