"""The detail pane: one event in full, with every source sentence behind it.

Everything shown comes from documents, so it is assembled as `rich.text.Text`
from strings passed through `chronicle.visible` (a control or bidi character
shows as an escape); search terms are highlighted by styling spans, never by
inserting markup. A source whose date was relative says what it was counted from
(`resolution_note`), which the comparison screen reads too. The analyst's star,
tags, note and corrections, and why the event's reports were merged, come from
`chronicle.tui.annotation_view`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path

from rich.console import Group
from rich.padding import Padding
from rich.style import StyleType
from rich.text import Text
from textual.containers import VerticalScroll
from textual.message import Message
from textual.widgets import Static

from chronicle.model import Event, Source
from chronicle.render import format_date
from chronicle.tui.annotation_view import describe_annotation, describe_merge
from chronicle.visible import visible, visible_lines

COMPARE_KEY = "="
"""The key that opens the comparison of an event's sources (bound by the main screen)."""

MATCH_STYLE = "bold reverse"
"""How matched search terms are marked in the detail text."""


_SUFFIXES = ("ing", "ed", "es", "s")


def term_pattern(term: str) -> str:
    """A regex for the words a search term matched: its stem and any ending.

    The search is stemmed ("visits" finds "visited"), so the marks are too; a
    phrase matches its words in order with any spacing.
    """
    words = []
    for word in term.split():
        for suffix in _SUFFIXES:
            if word.lower().endswith(suffix) and len(word) - len(suffix) >= 3:
                word = word[: -len(suffix)]
                break
        words.append(re.escape(word) + r"\w*")
    return r"(?i)\b" + r"\W+".join(words)


def highlighted(text: str, terms: Sequence[str], style: str = "") -> Text:
    """`text` as a Text with every word the search terms matched styled."""
    result = Text(visible_lines(text), style=style)
    for term in terms:
        if len(term) >= 2:
            result.highlight_regex(term_pattern(term), style=MATCH_STYLE)
    return result


def how_dated(source: Source) -> str:
    """How a source's document date was found, in words ("date under title", "byline")."""
    return source.document_date_source.replace("_", " ")


def counted_from(source: Source) -> str:
    """What a source's relative date was counted from, in words ("" for a date written
    out in full): "counted from the document's date 2019-03-02 (dateline)"."""
    kind, _, when = source.anchor.partition(":")
    if kind == "document":
        how = how_dated(source)
        return f"counted from the document's date {when}" + (f" ({how})" if how else "")
    if kind == "narrative":
        return f"counted from {when}, the date the text told before it"
    if kind == "earlier":
        return f"its year taken from {when}, a date the text told before it"
    if kind == "heading":
        return f"its year taken from the heading {when} above it"
    if kind == "entry":
        return f"its year taken from the entry before it, {when}"
    return ""


def resolution_note(source: Source) -> str:
    """How a relative date was resolved, in one line ("" for a date written out in
    full): '"last May" → 2018-05, counted from the document's date 2019-03-02 (dateline)'."""
    how = counted_from(source)
    if not how or source.date_start is None:
        return ""
    # format_date reads only date_start, date_end and precision, which a Source has too
    return f'"{visible(source.date_text)}" → {format_date(source)}, {how}'


def describe_event(
    event: Event,
    terms: Sequence[str] = (),
    neighbours: dict[int, Event] | None = None,
    series: Sequence[str] = (),
    muted: StyleType = "dim",
    alarm: StyleType = "bold red",
    merged: Sequence[str] = (),
    by_hand: bool = False,
) -> Text:
    """The whole detail view of `event` as one Text: headline, date and sources count,
    the analyst's work, then the sentence, its facts, why merged and every source.

    Args:
        series: Names of the series read from the tables of the event's documents.
        merged: Lines saying why the event's reports were merged (none: no section).
        muted: The style of labels and context (the pane passes its theme's).
        alarm: The style of a warning that sources disagree.
        by_hand: The event holds one the analyst added by hand (marked so).
    """
    neighbours = neighbours or {}
    out = Text()
    out.append(highlighted(event.headline, terms, "bold"))
    out.append("\n")
    count = len(event.sources) or event.source_count
    sources = f"{count} source{'' if count == 1 else 's'}"
    date_line = f"{format_date(event)}  ·  {event.precision}  ·  {event.type}  ·  {sources}"
    out.append(date_line, style="bold")
    if event.conflict:
        out.append("  ·  sources disagree on the date", style=alarm)
    out.append(describe_annotation(event, muted, by_hand))
    out.append("\n\n")
    out.append(highlighted(event.text, terms))
    out.append("\n")
    facts = [
        ("People", ", ".join(event.actors)),
        ("Countries", ", ".join(event.countries)),
        ("Organisations", ", ".join(event.organisations)),
    ]
    for label, value in facts:
        if value:
            out.append(f"\n{label}: ", style="bold")
            out.append(visible(value))
    if event.part_of is not None:
        out.append("\nPart of: ", style="bold")
        out.append(_event_ref(event.part_of, neighbours))
    for label, ids in (("Includes", event.parts), ("Related", event.related)):
        for other in ids:
            out.append(f"\n{label}: ", style="bold")
            out.append(_event_ref(other, neighbours))
    out.append(describe_merge(merged, muted))
    if series:
        out.append(f"\n\nTables in its documents ({len(series)}; Enter charts them)", style="bold")
        for name in series:
            out.append("\n   ")
            out.append(_name(name))
    out.append(f"\n\nSources ({len(event.sources)})", style="bold underline")
    if len(event.sources) > 1:
        out.append(f"  ·  {COMPARE_KEY} sets them side by side", style=muted)
    for number, source in enumerate(event.sources, 1):
        out.append(f"\n\n{number}. ", style="bold")
        out.append(_name(source.title or Path(source.document).name, "bold"))
        if source.publisher:
            out.append(_name(f" — {source.publisher}", "italic"))
        out.append("\n   date as written: ", style=muted)
        out.append(_name(source.date_text or "—"))
        if note := resolution_note(source):
            out.append("\n   resolved: ", style=muted)
            out.append(_name(note))
        if source.detail:
            out.append("\n   time: ", style=muted)
            out.append(_name(source.detail))
        if source.document_date:
            out.append("\n   document dated: ", style=muted)
            how = f" ({how_dated(source)})" if source.document_date_source else ""
            out.append(_name(source.document_date + how))
        out.append("\n   ")
        out.append(highlighted(source.text, terms))
        if source.paragraph and source.paragraph.split() != source.text.split():
            out.append("\n   in paragraph: ", style=muted)
            out.append(_paragraph_with_sentence(source.paragraph, source.text, muted))
        for note in source.footnotes:
            out.append("\n   footnote: ", style=muted)
            out.append(Text(visible_lines(note), style="italic"))
        out.append("\n   ")
        out.append(_name(source.document, muted))
    return out


def _name(text: str, style: StyleType = "") -> Text:
    """A name, path or short field on one line: a newline in it is shown as an escape too."""
    return Text(visible(text), style=style)


def _event_ref(event_id: int, neighbours: dict[int, Event]) -> Text:
    other = neighbours.get(event_id)
    if other is None:
        return Text(f"event #{event_id}")
    return Text(f"{format_date(other)} {visible(other.headline)} (#{event_id})")


def _paragraph_with_sentence(paragraph: str, sentence: str, muted: StyleType) -> Text:
    """The paragraph, muted, with the source sentence itself in normal style."""
    text = Text(visible_lines(paragraph))
    shown = visible_lines(sentence)
    at = text.plain.find(shown)
    if at < 0:
        text.stylize(muted)
    else:
        text.stylize(muted, 0, at)
        text.stylize(muted, at + len(shown))
    return text


def _same_happening(before: Event | None, now: Event | None) -> bool:
    """True when `now` is `before` read again, so the reader keeps their place in it.

    Another process writing makes the browser read the highlighted event again
    every second or so; a rebuilt event keeps either its id or its key.
    """
    if before is None or now is None:
        return False
    return before.id == now.id or before.key == now.key


def hanging(text: Text) -> Group:
    """`text` with each line's leading spaces kept for the lines it wraps onto.

    A source's fields are indented under its number; wrapped at the pane's width,
    their second lines would otherwise start at the margin, under the numbers.
    """
    rows = []
    for line in text.split("\n", allow_blank=True):
        indent = len(line.plain) - len(line.plain.lstrip(" "))
        rows.append(Padding(line[indent:], (0, 0, 0, indent)) if indent else line)
    return Group(*rows)


class EventDetail(VerticalScroll, can_focus=True):
    """Scrollable view of the highlighted event."""

    COMPONENT_CLASSES = {"detail--muted", "detail--alarm"}
    DEFAULT_CSS = """
    EventDetail > .detail--muted { color: $text-muted; }
    EventDetail > .detail--alarm { color: $error; text-style: bold; }
    """

    BINDINGS = [
        ("j,down", "scroll_down", "Down"),
        ("k,up", "scroll_up", "Up"),
        ("g,home", "scroll_home", "Top"),
        ("G,end", "scroll_end", "Bottom"),
        ("space,pagedown", "page_down", "Page down"),
        ("b,pageup", "page_up", "Page up"),
        ("enter", "series", "Chart its tables"),
    ]

    class SeriesWanted(Message):
        """The reader asked to chart the tables of the event's documents."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._shown: Event | None = None
        self._text = Text()
        self._shown_with: tuple[
            Sequence[str], dict[int, Event] | None, Sequence[str], Sequence[str], bool
        ] = ((), None, (), (), False)
        """The terms, neighbours, series, merge reasons and by-hand mark the event is
        shown with (to redraw it)."""

    def on_mount(self) -> None:
        self.app.theme_changed_signal.subscribe(self, self._theme_changed)

    def _theme_changed(self, _theme: object) -> None:
        """Show the event again in the new theme's styles (they are resolved per show)."""
        if self._shown is not None:
            self.show_event(self._shown, *self._shown_with)

    def compose(self):
        yield Static(id="detail-body", markup=False)

    def show_event(
        self,
        event: Event | None,
        terms: Sequence[str] = (),
        neighbours: dict[int, Event] | None = None,
        series: Sequence[str] = (),
        merged: Sequence[str] = (),
        by_hand: bool = False,
    ) -> None:
        """Display `event` (or a hint when there is none), with the names of the series
        its documents' tables hold, the lines saying why its reports were merged and
        whether it holds an event added by hand."""
        if event is None:
            self._show(
                Text(
                    "No event to show. Type / to search, or Esc to clear the search.\n\n"
                    "An empty chronicle? Add documents from a shell:\n"
                    "  chronicle ingest PATH...   (.txt, .md, .html, .pdf, .docx, folders, URLs)"
                )
            )
        else:
            self._shown_with = (terms, neighbours, series, merged, by_hand)
            muted = self.get_component_rich_style("detail--muted", partial=True)
            alarm = self.get_component_rich_style("detail--alarm", partial=True)
            text = describe_event(event, terms, neighbours, series, muted, alarm, merged, by_hand)
            self._show(text)
        if not _same_happening(self._shown, event):
            self.scroll_home(animate=False)
        self._shown = event

    def set_by_hand(self, by_hand: bool) -> None:
        """Say (or stop saying) that the shown event was added by hand, once known."""
        if self._shown is not None and self._shown_with[4] != by_hand:
            self.show_event(self._shown, *self._shown_with[:4], by_hand)

    def action_series(self) -> None:
        self.post_message(self.SeriesWanted())

    def show_note(self, note: str) -> None:
        """Say why no event is shown (instead of showing one that is out of date)."""
        self._show(Text(note))
        self._shown = None
        self.scroll_home(animate=False)

    def _show(self, text: Text) -> None:
        self._text = text
        self.query_one("#detail-body", Static).update(hanging(text))

    @property
    def text(self) -> str:
        """The plain text currently shown (for tests and copying)."""
        return self._text.plain
