"""The chronicle Textual app: thin, it only builds the main screen and global keys."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable
from functools import partial

from rich.console import RenderableType
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.driver import Driver
from textual.markup import escape
from textual.screen import Screen

from chronicle.search.engine import Searcher
from chronicle.store import Store
from chronicle.tui.export_form import ExportScreen
from chronicle.tui.help_screen import HelpScreen
from chronicle.tui.main_screen import MainScreen
from chronicle.tui.saved import SavedSearches
from chronicle.tui.theme import THEME_CSS, no_color, register_themes
from chronicle.tui.typeahead import TypeAhead
from chronicle.visible import visible

LEFT_OUT = {"Maximize", "Minimize", "Screenshot"}
"""Textual's palette commands chronicle replaces: Enter and Esc already make the
detail pane full-screen and back, and its screenshot goes to the working folder."""


class ChronicleApp(TypeAhead, App[None]):
    """Browse and search a chronicle database."""

    TITLE = "chronicle"
    CSS_PATH = "app.tcss"
    CSS = THEME_CSS
    COMMANDS = App.COMMANDS | {SavedSearches}
    """The palette's commands: chronicle's and Textual's, then the saved searches."""
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (110, "-wide")]
    """Below 110 columns the detail pane goes under the timeline (see app.tcss)."""
    BINDINGS = [
        Binding("q", "quit", "Quit", tooltip="Leave chronicle"),
        Binding("question_mark", "help", "Help", tooltip="Every key and the search language"),
        Binding("tab", "focus_next", "Next pane", show=False),
        Binding("shift+tab", "focus_previous", "Previous pane", show=False),
    ]

    def __init__(self, store: Store) -> None:
        # ansi_color under NO_COLOR: the terminal's own black and white, no theme colours
        super().__init__(driver_class=_input_driver(), ansi_color=True if no_color() else None)
        register_themes(self)
        self.store = store
        self.searcher = Searcher(store)

    def panic(self, *renderables: RenderableType) -> None:
        """End on an error with `return_code` 1: Textual's panic leaves it unset (exit 0)."""
        self.exit(return_code=1)
        super().panic(*renderables)

    def get_default_screen(self) -> MainScreen:
        return MainScreen(self.searcher)

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        """The palette (ctrl+p) offers chronicle's own actions before Textual's."""
        if isinstance(screen, MainScreen):
            yield SystemCommand("Search", "Type a query (/)", screen.action_focus_search)
            yield SystemCommand(
                "Go to date", "Jump to the first event on a date (:)", screen.action_goto_date
            )
            yield SystemCommand(
                "Copy citation", "Copy the event with its source's citation (y)", screen.action_copy
            )
            yield SystemCommand("Clear search", "Show every event again (Esc)", screen.clear_search)
            yield SystemCommand(
                "Context", "Every event around the highlighted hit (c)", screen.action_context
            )
            yield SystemCommand(
                "Facets", "Counts of the results by type, country, actor… (f)", screen.action_facets
            )
            yield SystemCommand(
                "Open source", "Read the event's source document (o)", screen.action_open_source
            )
            yield SystemCommand(
                "Compare sources", "The event's sources side by side (=)", screen.action_compare
            )
            yield SystemCommand(
                "Show citations", "List the works the documents cite", screen.show_citations
            )
            yield SystemCommand("Star", "Star or unstar the event (s)", screen.action_star)
            yield SystemCommand("Tag", "Tag the event (t)", screen.action_tag)
            yield SystemCommand("Note", "Write a note on the event (a)", screen.action_annotate)
            yield SystemCommand(
                "Correct event", "Correct its date, type, headline… (e)", screen.action_correct
            )
            yield SystemCommand("Add event", "Add an event by hand (A)", screen.action_add_event)
            if screen.offers_delete_by_hand():
                yield SystemCommand(
                    "Delete event added by hand",
                    "Delete the highlighted event you added (A); asks first",
                    screen.delete_by_hand,
                )
            yield SystemCommand(
                "Split source",
                "Take a source out of the event: another happening (x)",
                screen.action_split,
            )
            yield SystemCommand(
                "Mark for joining",
                "Remember this event, to join another to it",
                screen.mark_for_joining,
            )
            yield SystemCommand(
                "Join with marked event",
                "Make this event and the marked one a single event",
                screen.join_with_marked,
            )
            yield SystemCommand(
                "Undo last split or join",
                "Merge again as the documents say",
                screen.undo_last_decision,
            )
            yield SystemCommand(
                "Review queue",
                "Merges to check: dates that disagree, joins on words alone,"
                " vague dates that fit two events, your splits bridged (review:)",
                partial(screen.set_query, "review:"),
            )
            yield SystemCommand(
                "Export results…",
                "Write this search's events to a file (Markdown, CSV, JSON, calendar…)",
                partial(self.export_results, screen),
            )
            for series_id, name in screen.series_names:
                yield SystemCommand(
                    f"Series: {escape(visible(name))}",  # the palette reads titles as markup
                    "Chart a table's figures over time",
                    partial(screen.open_series, series_id),
                )
        yield SystemCommand("Help", "Every key and the search language (?)", self.action_help)
        for command in super().get_system_commands(screen):
            if command.title not in LEFT_OUT:
                yield command
        yield SystemCommand(
            "Screenshot",
            "Save the screen as an SVG picture in the current folder",
            lambda: self.set_timer(0.1, self.save_screenshot),  # once the palette has closed
        )

    def save_screenshot(self) -> None:
        """Save the screen as `chronicle_<date and time>.svg` in the folder chronicle
        was started from (Textual's own choice, ~/Downloads, is often missing on the
        servers analysts reach over SSH); a notice says the whole path."""
        self.deliver_screenshot(path=os.getcwd())

    def export_results(self, screen: MainScreen) -> None:
        """Ask for a file and a format and write the events of the screen's search."""
        self.push_screen(ExportScreen(screen.searcher, screen.query_text))

    def action_help(self) -> None:
        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())


def _input_driver() -> type[Driver] | None:
    """The driver that reads stdin forgivingly; None (Textual's choice) on Windows."""
    if sys.platform == "win32":
        return None
    from chronicle.tui.driver import ForgivingDriver

    return ForgivingDriver
