"""The help modal says how to close it: the footer under it is the main screen's."""

from __future__ import annotations

from chronicle.store import Store
from chronicle.tui import make_app
from chronicle.tui.help_screen import HelpScreen
from tests.pilot import settle


async def test_the_help_frame_names_the_keys_that_close_and_scroll_it(store: Store):
    app = make_app(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("question_mark")
        await settle(pilot)
        assert isinstance(app.screen, HelpScreen)
        body = app.screen.query_one("#help-body")
        assert body.border_subtitle == "Esc, q or ? closes · j/k scroll"
        await pilot.press("q")
        await settle(pilot)
        assert not isinstance(app.screen, HelpScreen)
        assert app.is_running  # q closed the help, not the app
