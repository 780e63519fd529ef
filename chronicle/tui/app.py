"""The chronicle Textual app: thin, it only builds the main screen and global keys."""

from __future__ import annotations

from textual.app import App
from textual.binding import Binding

from chronicle.search.engine import Searcher
from chronicle.store import Store
from chronicle.tui.help_screen import HelpScreen
from chronicle.tui.main_screen import MainScreen


class ChronicleApp(App[None]):
    """Browse and search a chronicle database."""

    TITLE = "chronicle"
    CSS_PATH = "app.tcss"
    BINDINGS = [
        Binding("q", "quit", "Quit", tooltip="Leave chronicle"),
        Binding("question_mark", "help", "Help", tooltip="Every key and the search language"),
        Binding("tab", "focus_next", "Next pane", show=False),
        Binding("shift+tab", "focus_previous", "Previous pane", show=False),
    ]

    def __init__(self, store: Store) -> None:
        super().__init__()
        self.store = store
        self.searcher = Searcher(store)

    def get_default_screen(self) -> MainScreen:
        return MainScreen(self.searcher)

    def action_help(self) -> None:
        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())
