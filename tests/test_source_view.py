"""The source screen in the real app: it opens on the event's sentence, `n`/`N` walk the
document's dated sentences, Enter leaves with the highlighted one's event, the text is
drawn as data, and a document gone says so in one line."""

from __future__ import annotations

from textual.app import App, ComposeResult

from chronicle.store import writer
from chronicle.tui import make_app
from chronicle.tui.main_screen import MainScreen
from chronicle.tui.source_view import GONE, DocumentText, SourceScreen, heading, wrap
from tests.pilot import settle
from tests.test_document_view import SENTENCES, event_of, release_store


async def opened(pilot, screen: SourceScreen) -> list[int | None]:
    """Push `screen` over the main screen once it has settled; the results it dismisses with."""
    results: list[int | None] = []
    await settle(pilot)
    pilot.app.push_screen(screen, results.append)
    await settle(pilot)
    return results


def screen_lines(app) -> list[str]:
    return [strip.text for strip in app.screen._compositor.render_strips()]


def marked(app, mark: str) -> list[str]:
    """The document rows on screen whose gutter holds `mark` (without the scroll bar)."""
    return [line[2:-2].rstrip() for line in screen_lines(app) if line.startswith(mark + " ")]


def status(app) -> str:
    return str(app.screen.query_one("#source-status").render()).strip()


async def test_a_fixture_event_opens_on_its_sentence_and_n_walks_the_dated_ones(fixture_store):
    event = event_of(fixture_store, "recent years")
    app = make_app(fixture_store)
    async with app.run_test(size=(80, 24)) as pilot:
        results = await opened(pilot, SourceScreen(fixture_store, event))
        lines = screen_lines(app)
        assert lines[:2] == [
            " Japan-Pakistan Foreign Ministers’ Meeting".ljust(80),
            " 2018-01-04".ljust(80),
        ]
        assert lines[2].startswith(" …")
        assert lines[2].endswith("/2018-01-04-mofa-japan-pakistan-foreign-ministers-meeting.txt ")
        assert len(lines[2]) == 80
        assert marked(app, "▶") == [
            "companies. In response, Minister Asif explained that the terrorism situation"
        ]
        assert marked(app, "┃") == [
            "has improved in recent years, and that he hoped more Japanese companies",
            "would start doing business in Pakistan.",
        ]
        assert status(app) == "Dated sentence 3 of 3: recent years"
        await pilot.press("n")  # the last stays highlighted
        assert status(app) == "Dated sentence 3 of 3: recent years"
        await pilot.press("N")
        await settle(pilot)
        assert status(app) == "Dated sentence 2 of 3: this year"
        assert marked(app, "▶") == [
            "years, to reinvigorate exchanges between the two countries. Furthermore,"
        ]
        await pilot.press("N")
        await settle(pilot)
        assert status(app) == "Dated sentence 1 of 3: Thursday, January 4"
        await pilot.press("enter")
        await settle(pilot)
        assert results == [event_of(fixture_store, "Thursday, January 4")]
        assert isinstance(app.screen, MainScreen)


async def test_the_release_opens_at_last_may_and_walks_its_three_dates_in_order(tmp_path):
    store, path = release_store(tmp_path / "release")
    with store:
        app = make_app(store)
        async with app.run_test(size=(80, 24)) as pilot:
            results = await opened(pilot, SourceScreen(store, event_of(store, "last May")))
            assert screen_lines(app)[:2] == [
                " Pakistan and Japan Hold Seventh Round of Political Consultations".ljust(80),
                " Ministry of Foreign Affairs  ·  2019-03-02".ljust(80),
            ]
            assert screen_lines(app)[2].rstrip().endswith(f"/release/{path.name}")
            assert marked(app, "▶") == [
                "The Foreign Secretary recalled that Foreign Minister Taro Kono had visited"
            ]
            assert marked(app, "•") == [
                "Foreign Secretary Tehmina Janjua and Japan's Deputy Foreign Minister Takeo",
                "Both sides agreed to mark the 70th anniversary of diplomatic relations on 28",
            ]
            visited = [status(app)]
            for key in "nNN":
                await pilot.press(key)
                await settle(pilot)
                visited.append(status(app))
            assert visited == [
                "Dated sentence 2 of 3: last May",
                "Dated sentence 3 of 3: 28 April 2022",
                "Dated sentence 2 of 3: last May",
                "Dated sentence 1 of 3: 1 March 2019",
            ]
            document = app.screen.query_one(DocumentText)
            sentence = document.sentence
            assert document.text[sentence.start : sentence.end] == SENTENCES[0][0]
            await pilot.press("enter")
            await settle(pilot)
            assert results == [event_of(store, "1 March 2019")]


async def test_a_click_on_a_dated_sentence_highlights_it(tmp_path):
    store, _ = release_store(tmp_path / "release")
    with store:
        app = make_app(store)
        async with app.run_test(size=(80, 24)) as pilot:
            await opened(pilot, SourceScreen(store, event_of(store, "1 March 2019")))
            document = app.screen.query_one(DocumentText)
            row = document.row_of(document.text.index("Both sides agreed"))
            await pilot.click(DocumentText, offset=(10, row - document.scroll_offset.y))
            await settle(pilot)
            assert status(app) == "Dated sentence 3 of 3: 28 April 2022"


async def test_q_and_esc_leave_with_no_event(tmp_path):
    store, _ = release_store(tmp_path / "release")
    with store:
        app = make_app(store)
        async with app.run_test(size=(80, 24)) as pilot:
            event = event_of(store, "28 April 2022")
            results = []
            for key in ("q", "escape"):
                results.append(await opened(pilot, SourceScreen(store, event)))
                await pilot.press(key)
                await settle(pilot)
            assert results == [[None], [None]]
            assert app.is_running and isinstance(app.screen, MainScreen)


async def test_a_removed_document_says_so_in_one_line(tmp_path):
    store, path = release_store(tmp_path / "release")
    with store:
        event = event_of(store, "1 March 2019")
        assert store.remove_document(str(path))
        app = make_app(store)
        async with app.run_test(size=(80, 24)) as pilot:
            results = await opened(pilot, SourceScreen(store, event))
            assert screen_lines(app)[0] == " " + GONE.ljust(79)
            assert not app.screen.query_one(DocumentText).display
            await pilot.press("enter", "escape")
            await settle(pilot)
            assert results == [None]


async def test_a_large_document_keeping_its_sentences_as_text_opens_the_same(tmp_path, monkeypatch):
    monkeypatch.setattr(writer, "INLINE_ABOVE", 100)
    store, _ = release_store(tmp_path / "release")
    with store:
        app = make_app(store)
        async with app.run_test(size=(80, 24)) as pilot:
            await opened(pilot, SourceScreen(store, event_of(store, "28 April 2022")))
            assert marked(app, "▶") == [
                "Both sides agreed to mark the 70th anniversary of diplomatic relations on 28"
            ]
            assert status(app) == "Dated sentence 3 of 3: 28 April 2022"


async def test_keys_scroll_the_text_and_a_wider_terminal_rewraps_it(fixture_store):
    event = event_of(fixture_store, "Thursday, January 4")
    app = make_app(fixture_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await opened(pilot, SourceScreen(fixture_store, event))
        document = app.screen.query_one(DocumentText)
        height = document.scrollable_content_region.height
        assert (document.scroll_offset.y, height, document.row_count) == (0, 18, 47)
        for key, top in [("j", 1), ("pagedown", 1 + height), ("k", height), ("G", 47 - height)]:
            await pilot.press(key)
            await settle(pilot)
            assert document.scroll_offset.y == top, key
        for key, top in [("b", 47 - 2 * height), ("g", 0), ("space", height), ("pageup", 0)]:
            await pilot.press(key)
            await settle(pilot)
            assert document.scroll_offset.y == top, key
        await pilot.resize_terminal(160, 45)
        await settle(pilot)
        assert document.row_count == 28
        assert marked(app, "▶") == [
            "On Thursday, January 4, from 11:38 a.m. (local time) for approximately two hours and"
            " ten minutes, Mr. Taro Kono, Minister for Foreign Affairs, on his visit"
        ]


class TextApp(App[None]):
    """The document widget alone, for text a stored document could hold."""

    def compose(self) -> ComposeResult:
        yield DocumentText()


async def test_controls_are_drawn_as_escapes_and_tabs_as_columns():
    from chronicle.store.document_view import DatedSentence

    text = "Year\tVisits\n2019\t3\nThe \x1b]52;c;aGk=\x07 note was signed on 4 May 2021."
    start = text.index("The")
    focus = DatedSentence(start, len(text), text.index("4 May"), len(text) - 1, "4 May 2021", 9)
    app = TextApp()
    async with app.run_test(size=(40, 6)) as pilot:
        document = app.query_one(DocumentText)
        document.show_text(text, focus)
        await settle(pilot)
        assert [document.row_text(i) for i in range(document.row_count)] == [
            "Year    Visits",
            "2019    3",
            "The \\x1b]52;c;aGk=\\x07 note was",
            "signed on 4 May 2021.",
        ]
        assert [line.rstrip() for line in screen_lines(app)[:4]] == [
            "  Year    Visits",
            "  2019    3",
            "▶ The \\x1b]52;c;aGk=\\x07 note was",
            "┃ signed on 4 May 2021.",
        ]
        styled = [(seg.text, seg.style.reverse, seg.style.bold) for seg in document.render_line(3)]
        assert styled[1:4] == [
            ("signed on ", True, None),
            ("4 May 2021", True, True),
            (".", True, None),
        ]


def test_rows_break_at_spaces_and_a_word_longer_than_the_row_is_cut():
    text = "Consultations\nInter-governmental-commission met\n\n東京都 talks"
    layout = wrap(text, 10)
    assert [text[a:b] for a, b in zip(layout.starts, layout.ends, strict=True)] == [
        "Consultati",
        "ons",
        "Inter-gove",
        "rnmental-c",
        "ommission",
        "met",
        "",
        "東京都",
        "talks",
    ]
    assert layout.drawn == set()


def test_the_heading_names_a_document_without_title_by_its_file():
    from chronicle.store.document_view import DatedSentence, SourceDocument

    source = SourceDocument(
        1,
        "/briefs/\x1b[2Jbrief.txt",
        "",
        "",
        None,
        "https://example.org/b",
        "x",
        DatedSentence(0, 1, 0, 1, "x", 1),
    )
    assert heading(source, 40).plain == "\\x1b[2Jbrief.txt\nundated\nhttps://example.org/b"
    assert heading(source, 12).plain.splitlines()[2] == "…ample.org/b"


async def test_a_sentence_low_in_the_view_is_scrolled_up_to_a_third(fixture_store):
    """Opened at 80x24, the 1952 sentence of the TDI item fell on the view's last rows,
    with nothing of what follows it on screen."""
    event = event_of(fixture_store, "28 April 1952")
    app = make_app(fixture_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await opened(pilot, SourceScreen(fixture_store, event))
        document = app.screen.query_one(DocumentText)
        sentence = document.sentence
        assert sentence is not None
        height = document.scrollable_content_region.height
        first = document.row_of(sentence.start) - document.scroll_offset.y
        last = document.row_of(sentence.end - 1) - document.scroll_offset.y
        assert first >= 0 and last < height - height // 4
