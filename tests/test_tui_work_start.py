"""Starting the browser on a chronicle that has events never says it might be empty: until
the first answer is in, the detail pane says it is reading."""

from __future__ import annotations

from chronicle.tui import EventDetail, make_app
from chronicle.tui.main_screen import READING
from tests.pilot import settle


async def test_the_detail_pane_reads_before_it_shows_and_never_calls_it_empty(
    app_store, monkeypatch
):
    shown: list[object] = []
    original = EventDetail.show_event

    def recording(self, event, *args, **kwargs):
        shown.append(event)
        return original(self, event, *args, **kwargs)

    monkeypatch.setattr(EventDetail, "show_event", recording)
    app = make_app(app_store)
    async with app.run_test(size=(80, 24)) as pilot:
        assert app.screen.query_one(EventDetail).text in ("", READING)
        await settle(pilot)
        assert shown and None not in shown  # no "An empty chronicle?" on the way
        assert app.screen.query_one(EventDetail).text.startswith(shown[-1].headline[:20])
