"""The browser's export form takes the format a file's extension names, as `chronicle
export -o` does, and forgets a warning about a path once another is typed."""

from __future__ import annotations

import json
from pathlib import Path

from textual.widgets import Input, Label

from chronicle.store import Store
from chronicle.tui import make_app
from chronicle.tui.choice import Choice
from chronicle.tui.export_form import ExportScreen
from tests.pilot import settle
from tests.test_tui_saved import SIZE, palette, search_for


async def test_the_files_extension_chooses_the_format_and_a_stale_warning_goes(
    app_store: Store, tmp_path: Path
) -> None:
    existing = tmp_path / "old.md"
    existing.write_text("kept\n", encoding="utf-8")
    target = tmp_path / "guess.json"
    app = make_app(app_store)
    async with app.run_test(size=SIZE) as pilot:
        await search_for(pilot, "kono")
        await palette(pilot, "export results")
        await pilot.press("enter")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, ExportScreen)
        path, choice = screen.query_one("#export-path", Input), screen.query_one(Choice)
        message = screen.query_one("#export-message", Label)
        path.value = str(existing)
        await settle(pilot)
        assert choice.value == "md"
        await pilot.press("enter")
        await settle(pilot)
        assert "exists" in str(message.render())
        path.value = str(target)
        await settle(pilot)
        assert choice.value == "json" and "exists" not in str(message.render())
        await pilot.press("enter")
        await settle(pilot)
        assert not isinstance(app.screen, ExportScreen)
    assert isinstance(json.loads(target.read_text(encoding="utf-8")), list)
    assert existing.read_text(encoding="utf-8") == "kept\n"
