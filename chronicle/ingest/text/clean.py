"""Clean decoded text into paragraphs: no chrome or boilerplate, footnotes apart.

The pipeline is line based. `prepare_lines` (from `chronicle.ingest.text.inline`) makes the
text safe; `clean_lines` then drops the lines `chronicle.ingest.text.chrome` marks as page
chrome or boilerplate, lifts footnote blocks out of the running text (PDF conversions
drop them in mid-sentence at page breaks, or leave them at a page's foot), rejoins the
sentence a page break cut, groups wrapped lines into paragraphs, keeps list items and
table rows apart (a sentence that merely holds a tab is no row), strips Markdown and
inline HTML, and turns superscript footnote markers into links (`Paragraph.markers`).
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field

from chronicle.ingest.dates.finder import find_dates
from chronicle.ingest.dates.names import MONTH_NAME
from chronicle.ingest.memo import per_document
from chronicle.ingest.text.chrome import (
    caption_stem,
    chrome_lines,
    is_boilerplate,
    is_chrome,
    is_disclaimer,
    is_menu,
    link_lists,
    nav_targets,
    repeated_lines,
    running_heads,
)
from chronicle.ingest.text.inline import (
    FROM_SUPERSCRIPT,
    SUPERSCRIPTS,
    clean_inline,
    prepare_lines,
    sanitize,
)
from chronicle.ingest.text.segment import ends_sentence, looks_like_heading

__all__ = [
    "SUPERSCRIPTS",
    "CleanText",
    "Paragraph",
    "caption_stem",
    "chrome_lines",
    "clean_inline",
    "clean_lines",
    "clean_text",
    "dated_row",
    "is_boilerplate",
    "is_chrome",
    "is_disclaimer",
    "is_menu",
    "is_table_row",
    "link_lists",
    "nav_targets",
    "prepare_lines",
    "repeated_lines",
    "running_heads",
    "sanitize",
    "split_markers",
]

# --- structure -------------------------------------------------------------------

_FOOTNOTE_DEF = re.compile(
    rf"^\s*(?:(?P<sup>[{SUPERSCRIPTS}]+)|\[\^(?P<md>[^\]\s]+)\]:|\[(?P<br>\d{{1,3}})\])"
    r"\s*(?P<text>\S.*)$"
)
"""A footnote line: "³ Dawn, ...", "[^3]: Dawn, ...", "[3] Dawn, ..." (web, Word exports)."""
_LIST_ITEM = re.compile(
    r"^(?P<indent>\s*)(?P<marker>[•◦▪▫‣●○■□►▸➢✓–—·*+-]|\(?\d{1,3}[.)]|\(?[a-z][.)]|\([A-Za-z]\)"
    r"|\(?(?:i{1,3}|iv|vi{0,3}|ix|x)[.)])\s+(?P<text>\S.*)$"
)
_MD_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+(?P<text>.*?)(?:\s+#+)?\s*$")
_BLOCKQUOTE = re.compile(r"^\s*>\s?")
_NUMERIC_CELL = re.compile(
    r"^[(\[]?[-+−]?(?:[$€£¥]|US\$|Rs\.?)?\s?\d[\d,.]*(?:[-–/]\d[\d,.]*)?%?[)\]]?$"
)
_CELL_GAP = re.compile(r"\t| {2,}")
_MARKER = re.compile(
    rf"(?P<sup>[{SUPERSCRIPTS}]+)|\[\^(?P<md>[^\]\s]+)\]|\[(?P<br>\d{{1,3}})\]"
    r"|(?<=[.,;:!?”\"’)])(?P<num>\d{1,3})(?=\s+[A-Z“\"(]|\s*$)"
)
_MARKER_AFTER = frozenset(".,;:!?\"'”’)]»…")
_MIN_JOIN_LENGTH = 50
_MAX_HEADING_WORDS = 6
"""A paragraph cut by a page break is not mistaken for a heading above this length."""
_MAX_LABEL_WORDS = 3
_JOINING_WORDS = frozenset("a an the of and or to in on for with by from at as that".split())
"""Words a complete line does not end with: a line ending so was cut."""


@dataclass(frozen=True, slots=True)
class Paragraph:
    """One cleaned paragraph.

    Attributes:
        text: Plain single-spaced text (table rows separated by newlines).
        kind: "prose", "heading", "list_item", "table" or "footnote".
        markers: (offset in text, marker) for each footnote marker removed from it.
        marker: For a footnote, its own marker ("1").
    """

    text: str
    kind: str
    markers: tuple[tuple[int, str], ...] = ()
    marker: str = ""


@dataclass(frozen=True, slots=True)
class CleanText:
    """The result of cleaning: body paragraphs, then footnotes."""

    paragraphs: tuple[Paragraph, ...]
    footnotes: dict[str, str] = field(default_factory=dict)


@dataclass(slots=True)
class _Item:
    kind: str  # "text", "list_item", "heading", "table_row", "footnote"
    lines: list[str]
    marker: str = ""
    after_gap: bool = False
    indent: int = 0
    alone: bool = False

    @property
    def text(self) -> str:
        return " ".join(line.strip() for line in self.lines)


def clean_text(text: str) -> CleanText:
    """Clean a whole document text (see `clean_lines`)."""
    return clean_lines(prepare_lines(text))


def clean_lines(lines: Sequence[str], skip: Collection[int] = ()) -> CleanText:
    """Turn sanitised lines into clean paragraphs and footnotes.

    Args:
        lines: Output of `prepare_lines`.
        skip: Indexes of lines already used as metadata (byline, date line...).

    Returns:
        Body paragraphs in order, followed by one paragraph per footnote.
    """
    dropped = set(skip) | chrome_lines(lines)
    lines, heads = programme_days(lines, dropped)
    blocks = _blocks(_numbered_notes(lines), dropped | heads)
    items = [item for block in blocks for item in _parse_block(block)]
    body, notes = _lift_footnotes(items)
    body = _rejoin(body)
    footnotes: dict[str, str] = {}
    note_paragraphs = []
    for note in notes:
        text = clean_inline(note.text)
        if text:
            footnotes.setdefault(note.marker, text)
            note_paragraphs.append(Paragraph(text, "footnote", marker=note.marker))
    paragraphs = [p for p in _paragraphs(body, set(footnotes)) if p.text]
    return CleanText(tuple(paragraphs + note_paragraphs), footnotes)


_NOTES_HEADING = re.compile(
    r"^\s*(?:#{1,6}\s*)?[*_]{0,2}(?:notes|endnotes|end\s+notes|footnotes|references|sources"
    r"|bibliography|(?:select(?:ed)?\s+)?bibliography|further\s+reading|works\s+cited"
    r"|citations|literature)[*_]{0,2}\s*:?\s*$",
    re.I,
)
_NUMBERED_NOTE = re.compile(r"^\s*(?P<n>\d{1,3})(?:[.)]\s*|\s+)(?P<text>[^\d\s].*)$")


_MONTH_START = re.compile(MONTH_NAME)


_CARET_NOTE = re.compile(
    r"^\s*(?:(?P<n>\d{1,3})[.)]?\s+)?(?:[\^↑]\s*(?:(?i:jump up to)\s*:?\s*)?"
    r"|(?i:jump up to)\s*:\s*)(?:[a-z]\s+)*(?P<text>\S.*)$"
)
"""A reference-list line of a wiki page: a caret or arrow (the link back to the text),
maybe "Jump up to:" and the letters of each place that cites it, then the source
("^ a b Rubinstein, Alvin Z. (1970). Yugoslavia and the Nonaligned World.")."""


_AUTHOR_FIRST = re.compile(
    r"^[A-Z][\w'’.-]*(?:\s+(?:[a-z]{1,3}\s+)?[A-Z][\w'’.-]*){0,3},\s+[A-Z][\w'’.-]*"
    r"(?:\s+[A-Z][\w'’.-]*){0,3}(?:[.,;]|\s+(?:and|&)\s|\s*\()"
)
"""A bibliography entry opens on its authors as "Surname, Given" ("Jakovina, Tvrtko
(2011).", "Okafor, Chidi; Banda, Ruth (2004).", "Rubinstein, Alvin Z. 1970. ...")."""


_CITED_ANY_YEAR = re.compile(r"\b(?:1[5-9]|20)\d\d[a-z]?\b")


_SHORT_CITATION = re.compile(
    r"^[A-Z][\w'’-]+(?:\s+(?:and|&)\s+[A-Z][\w'’-]+|\s+et\s+al\.?)?,?\s+\(?(?:1[5-9]|20)\d\d[a-z]?\)?"
    r"(?:[,:]\s*(?:pp?\.\s*)?[\divxl]+(?:\s*[–-]\s*[\divxl]+)?)?\.?$"
)
"""A short note citing an author and year ("Rubinstein 1970, p. 12.", "Kay and Lee
(2004): 33")."""


_QUOTED_TITLE = re.compile(r'^["“][^"”]{3,200}["”][.,]?\s+\S')
"""A source cited by its title in quotes ("\"Tito arrives in Lusaka\". Times of Zambia.")."""


def _is_reference_entry(line: str) -> bool:
    """Whether a line under a "References"-like heading cites a source: authors first
    with a year, a short author-year note, or a quoted title followed by where it ran."""
    if _SHORT_CITATION.match(line):
        return True
    cited = _AUTHOR_FIRST.match(line) or _QUOTED_TITLE.match(line)
    return bool(cited and _CITED_ANY_YEAR.search(line))


def _numbered_notes(lines: Sequence[str]) -> list[str]:
    """Rewrite the lines of a reference list as footnotes ("[1] Dawn, ...") so they are
    lifted out and linked like the others: under a "Notes"/"References"/"Further reading"
    heading, "1 Dawn, ...", "1. Dawn, ..." and entries that open on their authors and
    give a year ("Mwangala, Peter (1998). ..."); anywhere, a wiki page's caret lines
    ("^ Jakovina, Tvrtko (2011)."), numbered in order as the page numbers its references."""
    out = list(lines)
    in_notes = False
    carets = cited = 0
    for index, line in enumerate(lines):
        if caret := _CARET_NOTE.match(line):
            carets += 1
            out[index] = f"[{caret.group('n') or carets}] {caret.group('text')}"
        elif _NOTES_HEADING.match(line):
            in_notes = True
        elif in_notes and _is_reference_entry(line.strip()):
            cited += 1
            out[index] = f"[^ref{cited}]: {line.strip()}"
        elif (
            in_notes
            and (match := _NUMBERED_NOTE.match(line))
            and not _MONTH_START.match(match.group("text"))  # "12 March 2019 - ..." is a date
        ):
            out[index] = f"[{match.group('n')}] {match.group('text')}"
        elif in_notes and _MD_HEADING.match(line):
            in_notes = False
        elif not in_notes and _page_foot_note(lines, index):
            match = _NUMBERED_NOTE.match(line)
            out[index] = f"[{match.group('n')}] {match.group('text')}"
    return out


_CITED_YEAR = re.compile(r",.*\b(?:1[6-9]|20)\d\d\b")
_SHORT_NOTE_WORDS = 40


def _page_foot_note(lines: Sequence[str], index: int) -> bool:
    """A note a PDF conversion left at the foot of its page, outside any "Notes" section:
    "2 RFE/RL, "Uzbekistan suspends ...", 29 June 2012." It cites a source with its year,
    and the text above carries its marker after a word or stop ("membership.2")."""
    match = _NUMBERED_NOTE.match(lines[index])
    if not match or _MONTH_START.match(match.group("text")):
        return False
    text = match.group("text")
    if not _CITED_YEAR.search(text) or len(text.split()) > _SHORT_NOTE_WORDS:
        return False
    marker = re.compile(rf"(?<=[a-z.,;:”\"’)]){match.group('n')}(?=\s|$)")
    return any(marker.search(line) for line in lines[:index])


def _blocks(lines: Sequence[str], dropped: set[int]) -> list[list[str]]:
    """Runs of non-blank lines; dropped lines vanish without splitting a run."""
    blocks: list[list[str]] = [[]]
    for index, line in enumerate(lines):
        if index in dropped:
            continue
        if line.strip():
            blocks[-1].append(_BLOCKQUOTE.sub("", line))
        elif blocks[-1]:
            blocks.append([])
    return [b for b in blocks if b]


def _parse_block(block: list[str]) -> list[_Item]:
    """Classify the lines of one block and join wrapped lines."""
    items: list[_Item] = []
    for line in block:
        item = _classify(line)
        last = items[-1] if items else None
        if item is None and last is not None and _continues(last, line):
            last.lines.append(line)
        elif item is None:
            items.append(_Item("text", [line]))
        else:
            items.append(item)
    if len(items) == 1 and items[0].kind == "list_item" and looks_like_heading(items[0].text):
        items[0].kind = "heading"  # "1. Opening remarks" standing alone
    return items


def _classify(line: str) -> _Item | None:
    """An item started by `line`, or None for plain text."""
    if match := _FOOTNOTE_DEF.match(line):
        marker = _marker_of(match)
        return _Item("footnote", [match.group("text")], marker=marker)
    if entry := dated_row(line):
        return _Item("list_item", [entry])
    if is_table_row(line):
        return _Item("table_row", [line])
    if match := _MD_HEADING.match(line):
        return _Item("heading", [match.group("text")])
    if match := _LIST_ITEM.match(line):
        return _Item("list_item", [match.group("text")], indent=len(match.group("indent")))
    return None


def _continues(last: _Item, line: str) -> bool:
    """Whether plain `line` continues the item before it in the same block."""
    if last.kind in ("table_row", "heading"):
        return False
    if last.kind == "footnote":
        return True
    previous = last.lines[-1].strip()
    stripped = line.strip()
    if stripped[:1].islower() and not ends_sentence(previous):
        return True
    if last.kind == "list_item":
        indented = len(line) - len(line.lstrip()) > last.indent
        return indented or not ends_sentence(previous)
    if len(previous) < _MIN_JOIN_LENGTH or previous.endswith(":"):
        return False
    return not ends_sentence(previous) or not looks_like_heading(stripped)


@per_document
def is_table_row(line: str) -> bool:
    """True for a tab-separated row, a Markdown table's row, or a row of mostly numeric
    cells.

    Args:
        line: A raw line (tabs and runs of spaces intact).
    """
    stripped = line.strip()
    if not stripped:
        return False
    cells = _cells(stripped)
    if _PIPE_ROW.match(stripped) and len(cells) >= 2:
        return True  # a Markdown table's row
    if "\t" in stripped and len(cells) >= 2 and not _is_sentence_with_tab(stripped):
        return True
    numeric = sum(1 for c in cells if _NUMERIC_CELL.match(c.strip()))
    if len(cells) >= 3 and numeric * 2 >= len(cells):
        return True
    words = stripped.split()
    return len(words) >= 3 and all(_NUMERIC_CELL.match(w) for w in words)


_ENTRY_SEPARATOR = " – "
_PIPE_ROW = re.compile(r"^\|.*\|$")
"""A Markdown table row: "| 1961 | Morocco | State visit |"."""


def _cells(line: str) -> list[str]:
    """The cells of a row that hold something."""
    return [c.strip() for c in _row_parts(line) if c.strip()]


def _row_parts(line: str) -> list[str]:
    """A row cut into cells, empty ones kept: between a Markdown row's bars, else between
    tabs or wide gaps."""
    stripped = line.strip()
    if _PIPE_ROW.match(stripped):
        return stripped.strip("|").split("|")
    if "\t" not in stripped and "  " not in stripped:
        return [stripped]  # what the split gives when no gap is found, without the scan
    return _CELL_GAP.split(stripped)


_YEAR_CELL = re.compile(r"^(?:1[5-9]|20)\d\d\.?$")
_PROSE_WORDS = 3
_WORD_CELL = re.compile(r"[^\W\d_]{2,}")


def dated_row(line: str) -> str:
    """A row of a chronology laid out as a table, as one statement: "1–6 April 1961<TAB>
    Morocco<TAB>State visit; met King Hassan II ..." gives "1–6 April 1961 – Morocco –
    State visit; met King Hassan II ...", so the row's date dates its details. The first
    cell is a date and nothing else, the last is words (three or more, or a sentence),
    not figures: a row of numbers by year stays a table row. "" for any other line.

    Args:
        line: A raw line; cells are set apart by tabs, by Markdown bars ("| 1961 | ...
            |"), or by wide gaps (then three cells or more).
    """
    stripped = line.strip()
    tabbed = "\t" in stripped or bool(_PIPE_ROW.match(stripped))
    cells = _cells(stripped)
    if len(cells) < 2 or (not tabbed and len(cells) < 3):
        return ""
    details = clean_inline(cells[-1])
    words = len(_WORD_CELL.findall(details))
    if words < _PROSE_WORDS and not (words >= 2 and ends_sentence(details)):
        return ""  # "Official visit." is a statement; "New Zealand" a name
    if not _is_date_cell(clean_inline(cells[0])):
        return ""
    return _ENTRY_SEPARATOR.join(clean_inline(c) for c in cells)


_DAY_HEAD = re.compile(r"^\s*(?:[-*•–·]\s+)?(?P<date>[^:]{4,40}?)\s*:?\s*$")
_ACTIVITY = re.compile(r"^\s*(?:[-*•–·]\s+)?(?P<text>[\w\"“(].*)$")


def day_head(line: str) -> str:
    """The date of a line that is one day and nothing else, as a programme heads its
    days ("Monday, 20 October", "- Tuesday 21 October 2014:"), else ""."""
    match = _DAY_HEAD.match(line)
    if not match or not line.strip():
        return ""
    text = clean_inline(match.group("date"))
    found = find_dates(text)
    if len(found) != 1 or found[0].start != 0 or found[0].end < len(text):
        return ""
    return text if found[0].precision in ("day", "unresolved") else ""


_PROGRAMME_DAYS = 2
"""Day lines a list needs before each heads the lines under it."""


def programme_days(lines: Sequence[str], dropped: Collection[int]) -> tuple[list[str], set[int]]:
    """Give each activity of a programme its day. A day line standing alone heads the
    lines under it in its block until the next day line ("Monday, 20 October" over
    "Arrival of the delegation ..."): each becomes its own item, "Monday, 20 October –
    Arrival of the delegation ...", and the day line goes. A line that continues the
    one above it (lower case) is left to join it. Lists of fewer than two such days are
    left alone.

    Returns:
        The lines, rewritten, and the indexes of the day lines now carried by them.
    """
    out = list(lines)
    heads: dict[int, list[tuple[int, str]]] = {}
    day = -1
    for index, line in enumerate(lines):
        if index in dropped:
            continue
        if not line.strip():
            day = -1
        elif day_head(line):
            day = index
            heads[index] = []
        elif day >= 0 and (activity := _ACTIVITY.match(line)) and not line.strip()[:1].islower():
            heads[day].append((index, activity.group("text").strip()))
    heads = {d: below for d, below in heads.items() if below}
    if len(heads) < _PROGRAMME_DAYS:
        return out, set()
    for head, below in heads.items():
        for index, activity in below:
            out[index] = f"- {day_head(lines[head])}{_ENTRY_SEPARATOR}{activity}"
    return out, set(heads)


def _is_date_cell(cell: str) -> bool:
    """A cell that is one date and nothing else ("1–6 April 1961", "March 1965", "1968")."""
    if not cell or (not cell[:1].isdigit() and not _MONTH_START.match(cell)):
        return False
    if _YEAR_CELL.match(cell):
        return True
    found = find_dates(cell)
    return len(found) == 1 and found[0].start == 0 and found[0].end >= len(cell.rstrip(".:"))


_PROSE_CELL_WORDS = 8
"""A cell this long that reads as a clause is running text, not a table cell."""


def _is_sentence_with_tab(line: str) -> bool:
    """A sentence that happens to hold a tab (pasted from a PDF or a word processor):
    a table row's cells are short, while here the words run on across the tab as one
    clause ("signed on 21 December 2016,<TAB>but member states ...")."""
    cells = [c.strip() for c in line.split("\t") if c.strip()]
    if len(cells) == 2 and _LIST_ITEM.match(f"{cells[0]} x"):
        return True  # "1.<TAB>The leaders met ...": a numbered item, not a row
    joined = " ".join(cells)
    last_word = cells[0].split()[-1]
    if len(cells) == 2 and last_word[:1].islower() and last_word[-1].isalpha():
        # "took effect on<TAB>1 August 2015.": the clause runs on over the tab
        return ends_sentence(joined) and len(joined.split()) >= _PROSE_CELL_WORDS // 2
    if max(len(c.split()) for c in cells) < _PROSE_CELL_WORDS:
        return False
    # a row of long descriptions is still a table when several of its cells are sentences
    sentences = sum(1 for c in cells if ends_sentence(c))
    return (ends_sentence(joined) and sentences <= 1) or (len(cells) == 2 and sentences == 0)


def _lift_footnotes(items: list[_Item]) -> tuple[list[_Item], list[_Item]]:
    """Separate footnotes from the body, flagging the body item that follows each."""
    body: list[_Item] = []
    notes: list[_Item] = []
    gap = False
    for item in items:
        if item.kind == "footnote":
            notes.append(item)
            gap = True
            continue
        item.after_gap = gap
        gap = False
        body.append(item)
    return body, notes


def _rejoin(items: list[_Item]) -> list[_Item]:
    """Join paragraphs that a page break (and its footnotes) cut in mid-sentence."""
    joined: list[_Item] = []
    for item in items:
        last = joined[-1] if joined else None
        if last is not None and _is_cut(last, item):
            last.lines.extend(item.lines)
        else:
            joined.append(item)
    return joined


_NOTE_NUMBER_AT_END = re.compile(r"(?<=[.!?\"”’)])\d{1,3}\s*$")
"""A note's number after a sentence's last stop ("in 1998.2"): the sentence is whole."""


def _is_cut(before: _Item, after: _Item) -> bool:
    if before.kind not in ("text", "list_item") or after.kind != "text":
        return False
    text = before.text
    if ends_sentence(_NOTE_NUMBER_AT_END.sub("", text)) or text.rstrip().endswith(":"):
        return False
    words = text.split()
    if after.text[:1].islower():
        return len(words) > _MAX_LABEL_WORDS or words[-1].lower() in _JOINING_WORDS
    short_heading = looks_like_heading(text) and len(words) <= _MAX_HEADING_WORDS
    return after.after_gap and not short_heading and not looks_like_heading(after.text)


def _paragraphs(items: list[_Item], known: set[str]) -> list[Paragraph]:
    paragraphs: list[Paragraph] = []
    rows: list[str] = []
    for item in items:
        if item.kind == "table_row":
            rows.append(_table_row(item.lines[0]))
            continue
        if rows:
            paragraphs.append(Paragraph("\n".join(r for r in rows if r), "table"))
            rows = []
        text = clean_inline(item.text)
        if not text or is_disclaimer(text) or is_boilerplate(text):
            continue
        text, markers = split_markers(text, known)
        kind = item.kind
        if kind == "text":
            kind = "heading" if looks_like_heading(text) else "prose"
        paragraphs.append(Paragraph(text, kind, markers))
    if rows:
        paragraphs.append(Paragraph("\n".join(r for r in rows if r), "table"))
    return paragraphs


def _table_row(line: str) -> str:
    """A row's cells joined by " | ", an empty cell between two full ones kept empty so
    every figure stays under its own column."""
    cells = [clean_inline(c.strip()) for c in _row_parts(line)]
    while cells and not cells[-1]:
        cells.pop()
    while cells and not cells[0]:
        cells.pop(0)
    return " | ".join(cells)


_DECIMAL_BEFORE = re.compile(r"(?<![\d,])(?!(?:1[6-9]|20)\d\d\.)\d+\.\Z")
"""A number and a point right before a digit make a decimal, unless the number is a year."""


def _marker_of(match: re.Match[str]) -> str:
    """The footnote number or name a marker or definition match stands for."""
    return (
        (match.group("sup") or "").translate(FROM_SUPERSCRIPT)
        or match.group("md")
        or match.group("br")
        or ("num" in match.re.groupindex and match.group("num"))
        or ""
    )


def split_markers(text: str, known: Collection[str]) -> tuple[str, tuple[tuple[int, str], ...]]:
    """Remove footnote markers from `text`, remembering where they were.

    A superscript number is a marker when a footnote with that number exists or
    when it follows punctuation ("measures.³"); otherwise (``km²``) it is text.
    Markdown markers (``[^1]``) always are; bracketed numbers (``[1]``) only when
    that footnote exists. Markers without footnote text are
    removed but not reported. A space is restored where the marker was the only
    separator ("Bajwa,¹Kono" -> "Bajwa, Kono").

    Args:
        text: One clean paragraph.
        known: Markers that have footnote text.

    Returns:
        (text without markers, ((offset, marker), ...)); offsets index the new text.
    """
    out: list[str] = []
    markers: list[tuple[int, str]] = []
    length = 0
    cursor = 0
    for match in _MARKER.finditer(text):
        before = text[match.start() - 1] if match.start() else " "
        marker = _marker_of(match)
        if match.group("num"):
            # "billion.1 A decade on", "in 1961.2 Trade ...": a plain number after a stop,
            # only when note 1 exists and it is no decimal ("rose 2.5 Percent")
            is_marker = marker in known and not _DECIMAL_BEFORE.search(text, 0, match.start())
        elif match.group("br"):
            is_marker = marker in known  # "[3]" only when footnote 3 exists
        else:
            is_marker = match.group("md") or marker in known or before in _MARKER_AFTER
        if not is_marker or (before.isdigit() and not match.group("br")):
            continue  # "10³" is a power; "2016[1]" is a marker
        chunk = text[cursor : match.start()]
        out.append(chunk)
        length += len(chunk)
        if marker in known:
            markers.append((length, marker))
        cursor = match.end()
        after = text[cursor : cursor + 1]
        if not before.isspace() and after and not after.isspace() and after not in _MARKER_AFTER:
            out.append(" ")
            length += 1
        elif before.isspace() and after.isspace():
            cursor += 1
    out.append(text[cursor:])
    result = "".join(out)
    lead = len(result) - len(result.lstrip())
    result = result.strip()
    return result, tuple((min(max(0, p - lead), len(result)), m) for p, m in markers)
