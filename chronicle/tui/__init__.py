"""The terminal browser: a Textual app with a search bar, a timeline and a detail pane."""

from __future__ import annotations

from chronicle.store import Store
from chronicle.tui.app import ChronicleApp
from chronicle.tui.detail import EventDetail
from chronicle.tui.main_screen import MainScreen
from chronicle.tui.search_bar import SearchBar
from chronicle.tui.timeline import Timeline

__all__ = ["ChronicleApp", "EventDetail", "MainScreen", "SearchBar", "Timeline", "make_app"]


def make_app(store: Store) -> ChronicleApp:
    """Build the app on an open store: the one factory the CLI and the tests use."""
    return ChronicleApp(store)
