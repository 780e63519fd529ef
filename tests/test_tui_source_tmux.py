"""From a search to the source document and back, as a person at 80×24 does it.

One test drives the installed `chronicle` in a real tmux pane (send-keys, and
capture-pane -e to see which cells are reversed): search, open the highlighted
event's document with `o`, step to the next dated sentence with `n`, and Enter back
to its event. Another drives the app with Pilot: Enter on a sentence whose event the
search leaves out clears the search and lands on that event. Every expected string is
read from the fixture database, through the store and the search engine.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import NamedTuple

import pytest

from chronicle.search.engine import Searcher
from chronicle.store import Store
from chronicle.store.document_view import DatedSentence, SourceDocument
from chronicle.tui import EventDetail, SearchBar, Timeline, make_app
from chronicle.tui.main_screen import MainScreen
from chronicle.tui.source_view import SourceScreen
from chronicle.visible import visible
from tests import test_tui_terminals as terminals
from tests.pilot import settle
from tests.test_tui_terminals import Tmux, command, installed, rows, top_border

tmux = terminals.tmux
"""A tmux server of the test's own (the fixture of test_tui_terminals)."""
db = terminals.db
"""A copy of the fixture database (the fixture of test_tui_terminals)."""

TEXT_COLUMNS = slice(2, 78)
"""Where a source's text is drawn at 80 columns: after the two-column gutter of marks,
before the two-column scroll bar."""
CURRENT_GUTTER = {"▶", "┃"}
"""The gutter marks of the highlighted sentence's first row and of its other rows."""


class Walk(NamedTuple):
    """What a search leads to: its first hit's source, opened at the hit's sentence,
    and the document's next dated sentence."""

    hits: list[int]
    source: SourceDocument
    position: int
    """1-based place of the hit's sentence among the document's dated sentences."""
    count: int
    """How many dated sentences the document has."""
    after: DatedSentence


def walk(store: Store, query: str) -> Walk:
    hits, _ = Searcher(store).ids(query)
    source = store.source_document(hits[0])
    assert source is not None
    sentences = store.dated_sentences(source.id, source.text)
    index = sentences.index(source.focus)
    return Walk(hits, source, index + 1, len(sentences), sentences[index + 1])


def words(text: str) -> str:
    """`text` with every run of blanks made one space (as wrapped rows join back)."""
    return " ".join(text.split())


def sentence(source: SourceDocument, dated: DatedSentence) -> str:
    return words(visible(source.text[dated.start : dated.end]))


def status(position: int, count: int, dated: DatedSentence) -> str:
    return f"Dated sentence {position} of {count}: {visible(dated.date_text)}"


# In tmux ---------------------------------------------------------------------


def highlighted(pane: Tmux) -> str:
    """The reversed text of the rows the highlighted sentence takes, rows joined by a
    space."""
    parts = []
    for row in rows(pane.screen(escapes=True)):
        if row and row[0].char in CURRENT_GUTTER:
            parts.append("".join(cell.char for cell in row[TEXT_COLUMNS] if cell.reverse))
    return words(" ".join(parts))


def detail(pane: Tmux) -> str:
    """The detail pane under the timeline: the rows between its rule and the footer
    ("" while another screen than the main one, under the search bar, is shown)."""
    lines = pane.screen().splitlines()
    if not lines or "▔" not in lines[0]:
        return ""
    rule = max(n for n, line in enumerate(lines) if line.strip() and set(line.strip()) == {"─"})
    return words(" ".join(lines[rule + 1 : -1]))


def send(pane: Tmux, *keys: str) -> None:
    pane("send-keys", "-t", "app", *keys)


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed")
def test_search_open_the_source_step_to_the_next_date_and_go_to_its_event(tmux, db):
    query = "Kazakhstan"
    with Store(db) as store:
        route = walk(store, query)
        everything, _ = Searcher(store).ids("")
        first_headline = visible(store.event(everything[0]).headline)
        title = visible(route.source.title)
    assert route.after.event_id in route.hits  # Enter stays within the results
    source, after = route.source, route.after

    tmux.start(command("xterm-256color", installed(db)))
    tmux.wait_for(lambda: first_headline[:20] in tmux.screen(), "the first page of events")
    blurred = top_border(tmux)
    send(tmux, "/")
    tmux.wait_for(lambda: top_border(tmux) != blurred, "the search bar's focus")
    send(tmux, "-l", query)
    send(tmux, "Enter")
    tmux.wait_for(
        lambda: (
            top_border(tmux) == blurred
            and f'{len(route.hits)} events · events matching "{query}"' in tmux.screen()
        ),
        "the results of the search",
    )
    send(tmux, "g")
    tmux.wait_for(lambda: sentence(source, source.focus) in detail(tmux), "the first hit's detail")

    send(tmux, "o")
    marked = status(route.position, route.count, source.focus)
    tmux.wait_for(lambda: marked in tmux.screen(), "the source with its dated sentences marked")
    lines = tmux.screen().splitlines()
    assert lines[0].strip() == title
    assert lines[2].rstrip().endswith(Path(source.path).name)
    assert highlighted(tmux) == sentence(source, source.focus)

    send(tmux, "n")
    stepped = status(route.position + 1, route.count, after)
    tmux.wait_for(lambda: stepped in tmux.screen(), "the next dated sentence")
    assert highlighted(tmux) == sentence(source, after)

    send(tmux, "Enter")
    tmux.wait_for(lambda: sentence(source, after) in detail(tmux), "the next sentence's event")
    assert tmux.screen().splitlines()[1].split() == ["▊", query, "▎"]  # the search stays
    assert "Traceback" not in tmux.screen()

    send(tmux, "q")
    tmux.wait_for(lambda: tmux.exit_status() is not None, "the app ending")
    assert tmux.exit_status() == 0


# With Pilot ------------------------------------------------------------------


async def test_enter_on_a_sentence_the_search_leaves_out_clears_it_and_lands_there(
    fixture_store,
):
    query = "anniversary"
    route = walk(fixture_store, query)
    everything, _ = Searcher(fixture_store).ids("")
    assert route.after.event_id not in route.hits
    app = make_app(fixture_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("slash", *query, "enter")
        await settle(pilot)
        main = app.screen
        assert list(main.query_one(Timeline).ids) == route.hits
        await pilot.press("g", "o")
        await settle(pilot)
        assert isinstance(app.screen, SourceScreen)
        assert str(app.screen.query_one("#source-status").render()).strip() == status(
            route.position, route.count, route.source.focus
        )
        await pilot.press("n", "enter")
        await settle(pilot)
        assert app.screen is main and isinstance(main, MainScreen)
        assert main.query_text == ""
        assert main.query_one(SearchBar).value == ""
        timeline = main.query_one(Timeline)
        assert list(timeline.ids) == everything
        assert timeline.current_id == route.after.event_id
        assert main.current is not None and main.current.id == route.after.event_id
        assert sentence(route.source, route.after) in words(main.query_one(EventDetail).text)
        said = [n.message for n in app._notifications]
        assert said == ["The search left that event out: every event is shown"]


async def test_enter_on_a_citation_shows_the_citations_on_it(fixture_store):
    everything, _ = Searcher(fixture_store).ids("")
    citations, _ = Searcher(fixture_store).ids("type:citation")
    source = start = None
    for event_id in everything:  # the first event whose document also cites a date
        source = fixture_store.source_document(event_id)
        assert source is not None
        sentences = fixture_store.dated_sentences(source.id, source.text)
        if any(s.event_id in citations for s in sentences[sentences.index(source.focus) :]):
            start = event_id
            break
    assert start is not None and source is not None
    after = sentences[sentences.index(source.focus) :]
    steps = next(i for i, s in enumerate(after) if s.event_id in citations)
    cited = after[steps].event_id
    app = make_app(fixture_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        main = app.screen
        assert main.query_one(Timeline).move_to_id(start)
        await pilot.press("o")
        await settle(pilot)
        await pilot.press(*["n"] * steps, "enter")
        await settle(pilot)
        assert app.screen is main and main.query_text == "type:citation"
        timeline = main.query_one(Timeline)
        assert list(timeline.ids) == citations and timeline.current_id == cited
        said = [n.message for n in app._notifications]
        assert said == ["That sentence is a citation: the citations are shown"]
