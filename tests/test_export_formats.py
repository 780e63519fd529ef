"""Every export format written from a real store and read back: the analyst's work is in
it, and a hostile headline or note comes back as the same text, never as markup."""

from __future__ import annotations

import csv
import dataclasses
import html
import io
import json
import re
import shutil
from collections.abc import Iterator
from datetime import date, timedelta
from html.parser import HTMLParser
from pathlib import Path

import pytest
from markdown_it import MarkdownIt
from mdit_py_plugins.footnote import footnote_plugin

from chronicle.citation import cite_source
from chronicle.date_notation import date_label
from chronicle.export import FORMATS, REGISTRY, format_named, write_events
from chronicle.export.columns import NAMES
from chronicle.model import Event, Source
from chronicle.store import Store
from chronicle.visible import visible

HOSTILE_HEADLINE = (
    '=HYPERLINK("http://x") Talks <b>bold</b> *em* _u_ [^1] [x](javascript:alert(1)) `code` &amp; # , "quoted"; '
    "semi\\back\x1b[31mred\x07 \u202eevil\ttab\nsecond line"
)
"""A spreadsheet formula, markup of every kind the formats speak, CSV/TSV/ics separators,
controls, a newline."""

HOSTILE_NOTE = (
    "<script>alert(1)</script>\n"
    "# not a heading\n"
    "- not a list\n"
    "1. not a numbered list\n"
    "---\n"
    "    not code\n"
    "> not a quote\n"
    '[^2]: not a footnote, "quoted", semi; back\\slash\x1b]52;c;AAAA\x07\r\n'
    "\n"
    "after a blank line\tand a tab"
)
"""A note of several lines that tries to open blocks and to act on a terminal."""

TAGS = ["to check", "x,y;z", "<i>"]


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory, fixture_db: Path) -> Iterator[list[Event]]:
    """Every event of the bundled documents, by date, two of them annotated."""
    path = tmp_path_factory.mktemp("export") / "x.db"
    shutil.copy(fixture_db, path)
    with Store(path) as store:
        ids = [row[0] for row in store.execute("SELECT id FROM events ORDER BY date_start, id")]
        events = [store.event(i) for i in ids]
        dated = [e for e in events if e.date_start and e.source_count > 1]
        hostile, starred = dated[0], dated[1]
        store.annotate(
            hostile.id,
            tags=TAGS,
            note=HOSTILE_NOTE,
            correction={"headline": HOSTILE_HEADLINE, "type": "meeting"},
        )
        store.annotate(
            starred.id,
            starred=True,
            correction={"date_start": "2001-02-03", "date_end": "2001-02-05", "precision": "range"},
        )
        yield [store.event(i) for i in ids]


def _hostile(events: list[Event]) -> Event:
    [event] = [e for e in events if e.headline == HOSTILE_HEADLINE]
    return event


def _starred(events: list[Event]) -> Event:
    [event] = [e for e in events if e.annotation and e.annotation.starred]
    return event


def _export(events: list[Event], fmt: str, **heading: str) -> tuple[str, int]:
    out = io.StringIO(newline="")
    count = write_events(events, fmt, out, **heading)
    return out.getvalue(), count


def _visible_lines(text: str) -> str:
    """What a one-line-per-line format shows of a text: each line with its controls visible."""
    return "\n".join(visible(line) for line in text.replace("\r\n", "\n").split("\n"))


class TestRegistry:
    def test_the_formats_are_the_seven_named_in_order(self):
        assert FORMATS == ("md", "csv", "tsv", "json", "jsonl", "timelinejs", "ics")
        assert set(REGISTRY) == set(FORMATS)

    def test_each_format_has_its_extension_and_media_type(self):
        assert {f: (REGISTRY[f].extension, REGISTRY[f].media_type) for f in FORMATS} == {
            "md": ("md", "text/markdown"),
            "csv": ("csv", "text/csv"),
            "tsv": ("tsv", "text/tab-separated-values"),
            "json": ("json", "application/json"),
            "jsonl": ("jsonl", "application/jsonl"),
            "timelinejs": ("json", "application/json"),
            "ics": ("ics", "text/calendar"),
        }

    def test_an_unknown_format_is_a_value_error_naming_the_known_ones(self):
        with pytest.raises(ValueError, match=r"unknown export format 'pdf'.*md, csv"):
            write_events([], "pdf", io.StringIO())
        with pytest.raises(ValueError):
            format_named("MD")

    @pytest.mark.parametrize("fmt", FORMATS)
    def test_nothing_to_export_is_still_a_valid_file(self, fmt):
        text, count = _export([], fmt)
        assert count == 0
        if fmt == "json":
            assert json.loads(text) == []
        elif fmt == "timelinejs":
            assert json.loads(text)["events"] == []
        elif fmt in ("csv", "tsv"):
            assert text.count("\n") == 1  # the header only
        elif fmt == "ics":
            assert (
                text
                == "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//chronicle//chronicle export//EN\r\nCALSCALE:GREGORIAN\r\nEND:VCALENDAR\r\n"
            )
        else:
            assert text == ""

    @pytest.mark.parametrize("fmt", FORMATS)
    def test_events_are_read_one_at_a_time(self, exported, fmt):
        """A generator is enough: no format needs the whole list first."""
        seen = []

        def events():
            for e in exported:
                seen.append(e.id)
                yield e

        _, count = _export(events(), fmt)  # type: ignore[arg-type]
        assert seen == [e.id for e in exported]
        dated = sum(1 for e in exported if e.date_start)
        assert count == (dated if fmt in ("timelinejs", "ics") else len(exported))


class TestJson:
    def test_the_array_holds_each_event_as_search_json_gives_it_plus_manual(self, exported):
        text, count = _export(exported, "json")
        assert text.isascii()
        records = json.loads(text)
        assert count == len(records) == len(exported)
        assert records == [{**e.to_json(), "manual": False} for e in exported]

    def test_jsonl_is_one_object_a_line_in_the_same_form(self, exported):
        text, _ = _export(exported, "jsonl")
        lines = text.splitlines()
        assert [json.loads(line) for line in lines] == json.loads(_export(exported, "json")[0])

    def test_the_hostile_text_and_the_annotation_come_back_exactly(self, exported):
        records = json.loads(_export(exported, "jsonl")[0].splitlines()[0])  # first line parses
        assert records["id"] == exported[0].id
        [record] = [
            json.loads(x) for x in _export(exported, "jsonl")[0].splitlines() if "Talks" in x
        ]
        assert record["headline"] == HOSTILE_HEADLINE
        annotation = record["annotation"]
        assert annotation["note"] == HOSTILE_NOTE
        assert annotation["tags"] == sorted(TAGS)
        assert annotation["correction"]["type"] == "meeting"
        assert (
            annotation["machine"]["headline"] == _hostile(exported).annotation.machine["headline"]
        )
        assert annotation["anchors"] == list(_hostile(exported).annotation.anchors)
        assert annotation["anchors"], "import needs the anchors"


class TestTables:
    def test_csv_has_the_documented_header_and_one_row_per_event(self, exported):
        text, count = _export(exported, "csv")
        rows = list(csv.DictReader(io.StringIO(text, newline="")))
        assert list(rows[0]) == list(NAMES)
        assert count == len(rows) == len(exported)
        assert [int(r["id"]) for r in rows] == [e.id for e in exported]
        assert all(line.endswith("\r") or not line for line in text.split("\n")[:1])

    def test_csv_carries_the_analysts_work_and_the_machines_values(self, exported):
        rows = {
            int(r["id"]): r
            for r in csv.DictReader(io.StringIO(_export(exported, "csv")[0], newline=""))
        }
        hostile, starred = _hostile(exported), _starred(exported)
        h = rows[hostile.id]
        assert h["headline"] == "'" + _csv_shown(HOSTILE_HEADLINE), "a formula is inert"
        assert h["note"] == _csv_shown(HOSTILE_NOTE)
        assert h["tags"] == "; ".join(sorted(TAGS))
        assert h["starred"] == ""
        assert h["corrected"] == "type; headline"
        assert h["machine_headline"] == hostile.annotation.machine["headline"]
        assert h["machine_type"] == hostile.annotation.machine["type"] != "meeting"
        assert h["type"] == "meeting"
        s = rows[starred.id]
        assert (s["starred"], s["date_start"], s["date_end"], s["date"]) == (
            "yes",
            "2001-02-03",
            "2001-02-05",
            "2001-02-03–05",
        )
        assert s["corrected"] == "date_start; date_end; precision"
        assert s["machine_date_start"] == starred.annotation.machine["date_start"]
        assert s["machine_headline"] == ""
        assert s["citation"] == cite_source(starred.sources[0])
        assert s["source_publisher"] == starred.sources[0].publisher
        assert int(s["sources"]) == len(starred.sources) > 1

    def test_tsv_is_one_line_per_event_and_its_escapes_read_back(self, exported):
        text, count = _export(exported, "tsv")
        lines = text.split("\n")
        assert lines[-1] == "" and len(lines) - 2 == count == len(exported)
        header, *rows = (line.split("\t") for line in lines[:-1])
        assert header == list(NAMES)
        assert all(len(r) == len(NAMES) for r in rows)
        by_id = {int(r[0]): dict(zip(header, r, strict=True)) for r in rows}
        h = by_id[_hostile(exported).id]

        def shown(text: str) -> str:  # TSV keeps \\ \t \n \r as escapes it reads back
            return "".join(c if c in "\\\t\n\r" else visible(c) for c in text)

        assert not re.search(r"\\[^\\tnr]", re.sub(r"\\\\", "", h["headline"] + h["note"]))
        assert _unescape_tsv(h["headline"]) == "'" + shown(HOSTILE_HEADLINE)
        assert _unescape_tsv(h["note"]) == shown(HOSTILE_NOTE)
        assert h["tags"] == "<i>; to check; x,y;z"


def _csv_shown(text: str) -> str:
    """What CSV keeps of a text: line breaks and tabs as they are, other controls visible."""
    return "\n".join(
        "\t".join(visible(part) for part in line.split("\t"))
        for line in text.replace("\r\n", "\n").split("\n")
    )


def _unescape_tsv(value: str) -> str:
    return re.sub(
        r"\\([\\tnr])", lambda m: {"\\": "\\", "t": "\t", "n": "\n", "r": "\r"}[m[1]], value
    )


FOOTNOTE_REF = re.compile(r"(?<!\\)\[\^([^\]\s]+)\](?!:)")
FOOTNOTE_DEF = re.compile(r"^\[\^([^\]\s]+)\]: (.+)$", re.M)


def _markdown_tokens(text: str):
    return MarkdownIt("commonmark").use(footnote_plugin).parse(text)


def _inline_after(tokens, index: int):
    """The inline token of the paragraph opening at tokens[index]."""
    assert tokens[index].type == "paragraph_open"
    return tokens[index + 1]


def _paragraph_of(tokens, needle: str):
    for i, token in enumerate(tokens):
        if token.type == "inline" and needle in token.content:
            return token, tokens[i - 2].type == "blockquote_open"
    raise AssertionError(f"no paragraph holds {needle!r}")


def _plain(inline) -> str:
    """The text a paragraph renders to: text and code as written, breaks as newlines."""
    parts = []
    for child in inline.children:
        if child.type in ("text", "code_inline"):
            parts.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            parts.append("\n")
    return "".join(parts)


class TestMarkdown:
    def test_events_are_grouped_under_their_years_in_the_order_given(self, exported):
        text, count = _export(exported, "md", title="Japan & Pakistan", query="country:pk")
        assert count == len(exported)
        assert text.startswith("# Japan \\& Pakistan\n\nQuery: country:pk\n\n")
        headings = re.findall(r"^## (.+)$", text, re.M)
        sections = []
        for e in exported:
            year = e.date_start[:4] if e.date_start else "Undated"
            if not sections or sections[-1] != year:
                sections.append(year)
        assert headings == sections
        assert "Undated" in headings

    def test_each_event_cites_each_of_its_documents_and_every_footnote_resolves(self, exported):
        text, _ = _export(exported, "md")
        refs = FOOTNOTE_REF.findall(text)
        definitions = FOOTNOTE_DEF.findall(text)
        labels = [label for label, _ in definitions]
        assert len(labels) == len(set(labels)), "labels are unique"
        assert set(refs) == set(labels), "every reference has a definition, every one is used"
        assert len(refs) == sum(len({cite_source(s) for s in e.sources}) for e in exported)
        tokens = _markdown_tokens(text)
        assert sum(1 for t in tokens if t.type == "footnote_open") == len(labels)
        starred = _starred(exported)
        index = text.index(f"**{date_label('2001-02-03', '2001-02-05', 'range')}** ")
        own = FOOTNOTE_REF.findall(text[index : text.index("\n", index)])
        cited = dict(definitions)
        rendered = [_plain(_markdown_tokens(cited[label])[1]) for label in own]
        assert rendered == list(dict.fromkeys(cite_source(s) for s in starred.sources))
        assert len(rendered) > 1

    def test_a_footnote_is_defined_once_in_its_years_section(self, exported):
        text, _ = _export(exported, "md")
        sections = re.split(r"^## ", text, flags=re.M)[1:]
        for section in sections:
            definitions = FOOTNOTE_DEF.findall(section)
            citations = [c for _, c in definitions]
            assert len(citations) == len(set(citations)), "a document is cited once a section"
            assert set(FOOTNOTE_REF.findall(section)) == {label for label, _ in definitions}
        assert any(len(FOOTNOTE_REF.findall(s)) > len(FOOTNOTE_DEF.findall(s)) for s in sections), (
            "some section cites one document for two events"
        )

    def test_the_analysts_work_is_shown(self, exported):
        text, _ = _export(exported, "md")
        starred = _starred(exported)
        line = next(x for x in text.splitlines() if x.startswith("**2001-02-03–05** "))
        assert line.split("[^")[0] == f"**2001-02-03–05** {_markdown_escaped(starred.headline)} ★"
        machine = starred.annotation.machine
        was = date_label(machine["date_start"], machine["date_end"], machine["precision"])
        facts = text.splitlines()[text.splitlines().index(line) + 1]
        assert facts == f"*{starred.type}* · date corrected (machine: {was})"
        hostile_facts = next(x for x in text.splitlines() if x.startswith("*meeting* · tags: "))
        assert "tags: \\<i\\>, to check, x,y;z" in hostile_facts
        assert "type corrected (machine: " in hostile_facts
        assert "headline corrected (machine: " in hostile_facts

    def test_a_hostile_headline_renders_as_its_own_text_and_nothing_else(self, exported):
        text, _ = _export(exported, "md")
        tokens = _markdown_tokens(text)
        inline, quoted = _paragraph_of(tokens, "Talks")
        assert not quoted
        kinds = {c.type for c in inline.children}
        assert kinds <= {
            "text",
            "strong_open",
            "strong_close",
            "em_open",
            "em_close",
            "hardbreak",
            "softbreak",
            "footnote_ref",
        }
        # the only emphasis is ours: the date in bold, the type in italics
        assert [c.type for c in inline.children].count("strong_open") == 1
        assert [c.type for c in inline.children].count("em_open") == 1
        first_line = _plain(inline).split("\n")[0]
        date = date_label(
            _hostile(exported).date_start, _hostile(exported).date_end, _hostile(exported).precision
        )
        assert first_line == f"{date} {visible(HOSTILE_HEADLINE)}"

    def test_a_hostile_note_is_one_quoted_block_with_its_lines(self, exported):
        text, _ = _export(exported, "md")
        tokens = _markdown_tokens(text)
        quotes = [t for t in tokens if t.type == "blockquote_open"]
        assert len(quotes) == 1, "one note, one quote: no line opened another block"
        start = tokens.index(quotes[0])
        end = next(i for i in range(start, len(tokens)) if tokens[i].type == "blockquote_close")
        inner = tokens[start + 1 : end]
        assert {t.type for t in inner} == {"paragraph_open", "inline", "paragraph_close"}
        paragraphs = [_plain(t) for t in inner if t.type == "inline"]
        expected = HOSTILE_NOTE.replace("\r\n", "\n").split("\n\n")
        assert paragraphs == [_visible_lines(p) for p in expected]
        assert all(
            not c.type.startswith(("html", "link", "image"))
            for t in inner
            if t.children
            for c in t.children
        )

    def test_a_title_or_query_with_markup_stays_text(self):
        text, _ = _export([], "md", title="<b>*x*</b>", query='"a" OR [b]')
        assert text == '# \\<b\\>\\*x\\*\\</b\\>\n\nQuery: "a" OR \\[b\\]\n\n'


def _markdown_escaped(text: str) -> str:
    from chronicle.export.markdown import escape

    return escape(text)


class _Tags(HTMLParser):
    """The tags an HTML fragment opens and the text inside each blockquote."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []
        self.quoted: list[str] = []
        self.depth = 0

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        if tag == "blockquote":
            self.depth += 1
            self.quoted.append("")
        elif tag == "br" and self.depth:
            self.quoted[-1] += "\n"

    def handle_endtag(self, tag):
        if tag == "blockquote":
            self.depth -= 1

    def handle_data(self, data):
        if self.depth:
            self.quoted[-1] += data


def _timeline(events: list[Event], **heading: str) -> tuple[dict, int]:
    text, count = _export(events, "timelinejs", **heading)
    assert text.isascii()
    return json.loads(text), count


class TestTimelineJS:
    def test_it_has_the_documented_top_level_and_slide_fields(self, exported):
        data, count = _timeline(exported, title="Japan & Pakistan", query="type:visit")
        assert set(data) == {"title", "events"}
        assert data["title"]["text"] == {
            "headline": "Japan &amp; Pakistan",
            "text": "<p>Query: type:visit</p>",
        }
        dated = [e for e in exported if e.date_start]
        assert count == len(data["events"]) == len(dated) < len(exported), "undated left out"
        for slide, event in zip(data["events"], dated, strict=True):
            assert set(slide) <= {
                "start_date",
                "end_date",
                "display_date",
                "text",
                "group",
                "unique_id",
            }
            assert set(slide["text"]) == {"headline", "text"}
            assert slide["group"] == event.type
            assert slide["display_date"] == date_label(
                event.date_start, event.date_end, event.precision
            )
            assert all(isinstance(v, int) for v in slide["start_date"].values())
        ids = [s["unique_id"] for s in data["events"]]
        assert len(set(ids)) == len(ids)
        assert all(re.fullmatch(r"[A-Za-z0-9_-]+", i) for i in ids)

    @pytest.mark.parametrize(
        ("start", "end", "precision", "expected"),
        [
            ("2011-02-21", "2011-02-21", "day", ({"year": 2011, "month": 2, "day": 21}, None)),
            (
                "2011-02-21",
                "2011-02-23",
                "range",
                ({"year": 2011, "month": 2, "day": 21}, {"year": 2011, "month": 2, "day": 23}),
            ),
            ("2019-04-01", "2019-04-30", "month", ({"year": 2019, "month": 4}, None)),
            ("2018-01-01", "2018-12-31", "year", ({"year": 2018}, None)),
            # whole years as a range: years only
            ("2011-01-01", "2013-12-31", "range", ({"year": 2011}, {"year": 2013})),
            # an approximate span of months ("early March"): months
            (
                "2009-03-01",
                "2009-04-30",
                "approximate",
                ({"year": 2009, "month": 3}, {"year": 2009, "month": 4}),
            ),
            # a fiscal year: its months
            (
                "2016-07-01",
                "2017-06-30",
                "range",
                ({"year": 2016, "month": 7}, {"year": 2017, "month": 6}),
            ),
        ],
    )
    def test_dates_hold_what_the_precision_gives(self, start, end, precision, expected):
        event = Event(
            id=1,
            key="k:1",
            date_start=start,
            date_end=end,
            precision=precision,
            type="visit",
            headline="h",
            text="t",
        )
        [slide] = _timeline([event])[0]["events"]
        assert (slide["start_date"], slide.get("end_date")) == expected

    def test_hostile_text_is_escaped_html_that_reads_back_as_the_text(self, exported):
        data, _ = _timeline(exported)
        hostile = _hostile(exported)
        [slide] = [
            s
            for s in data["events"]
            if s["unique_id"] == "chronicle-" + hostile.key.replace(":", "-")
        ]
        assert html.unescape(slide["text"]["headline"]) == HOSTILE_HEADLINE
        assert "<" not in slide["text"]["headline"]
        parser = _Tags()
        parser.feed(slide["text"]["text"])
        assert set(parser.tags) <= {"p", "br", "blockquote", "ol", "li"}
        assert parser.quoted == [HOSTILE_NOTE.strip()]
        assert "type corrected (machine: " in html.unescape(slide["text"]["text"])
        assert "tags: &lt;i&gt;, to check, x,y;z" in slide["text"]["text"]

    def test_the_star_and_citations_are_in_the_text(self, exported):
        data, _ = _timeline(exported)
        starred = _starred(exported)
        [slide] = [
            s for s in data["events"] if s["unique_id"].endswith(starred.key.replace(":", "-"))
        ]
        body = html.unescape(slide["text"]["text"])
        assert "★ starred" in body
        assert all(cite_source(s) in body for s in starred.sources)
        assert slide["start_date"] == {"year": 2001, "month": 2, "day": 3}
        assert slide["end_date"] == {"year": 2001, "month": 2, "day": 5}


def _unfold(text: str) -> list[str]:
    """RFC 5545 §3.1: a CRLF followed by one space or tab continues the line before."""
    assert "\n" not in text.replace("\r\n", ""), "every line ends with CRLF"
    return re.sub(r"\r\n[ \t]", "", text).split("\r\n")[:-1]


def _ics_text(value: str) -> str:
    """RFC 5545 §3.3.11 TEXT read back."""
    return re.sub(r"\\([\\;,nN])", lambda m: "\n" if m[1] in "nN" else m[1], value)


def _split_unescaped(value: str, sep: str) -> list[str]:
    return [_ics_text(p) for p in re.split(rf"(?<!\\){re.escape(sep)}", value)]


def _vevents(text: str) -> list[dict[str, str]]:
    events: list[dict[str, str]] = []
    for line in _unfold(text):
        name, _, value = line.partition(":")
        if line == "BEGIN:VEVENT":
            events.append({})
        elif events and line != "END:VEVENT":
            events[-1][name] = value
    return events


class TestIcs:
    def test_lines_end_with_crlf_and_are_folded_at_75_octets(self, exported):
        text, _ = _export(exported, "ics", title="Japan, Pakistan")
        physical = text.split("\r\n")
        assert physical[-1] == ""
        assert max(len(line.encode("utf-8")) for line in physical) <= 75
        assert any(line.startswith(" ") for line in physical), "long lines were folded"
        logical = _unfold(text)
        assert logical[:5] == [
            "BEGIN:VCALENDAR",
            "VERSION:2.0",
            "PRODID:-//chronicle//chronicle export//EN",
            "CALSCALE:GREGORIAN",
            "X-WR-CALNAME:Japan\\, Pakistan",
        ]
        assert logical[-1] == "END:VCALENDAR"

    def test_folding_never_splits_a_character(self):
        event = Event(
            id=1,
            key="k:1",
            date_start="2011-01-01",
            date_end="2011-01-01",
            precision="day",
            type="visit",
            headline="日本" * 60,
            text="t",
        )
        text, _ = _export([event], "ics")
        text.encode("utf-8").decode("utf-8")  # each physical line is whole UTF-8
        for line in text.split("\r\n"):
            assert len(line.encode("utf-8")) <= 75
        [vevent] = _vevents(text)
        assert _ics_text(vevent["SUMMARY"]) == "日本" * 60

    def test_one_all_day_event_per_dated_event_with_an_exclusive_end(self, exported, monkeypatch):
        monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
        text, count = _export(exported, "ics")
        vevents = _vevents(text)
        dated = [e for e in exported if e.date_start]
        assert count == len(vevents) == len(dated)
        for vevent, event in zip(vevents, dated, strict=True):
            assert vevent["UID"] == event.key + "@chronicle"
            assert vevent["DTSTAMP"] == "20231114T221320Z"
            assert vevent["DTSTART;VALUE=DATE"] == event.date_start.replace("-", "")
            after = date.fromisoformat(event.date_end or event.date_start) + timedelta(days=1)
            assert vevent["DTEND;VALUE=DATE"] == after.strftime("%Y%m%d")
            assert _split_unescaped(vevent["CATEGORIES"], ",")[0] == event.type

    def test_hostile_text_and_the_analysts_work_read_back(self, exported):
        text, _ = _export(exported, "ics")
        hostile, starred = _hostile(exported), _starred(exported)
        by_uid = {v["UID"]: v for v in _vevents(text)}
        h = by_uid[hostile.key + "@chronicle"]

        def shown(text: str) -> str:  # TEXT keeps line breaks; other controls are made visible
            return "".join(c if c == "\n" else visible(c) for c in text.replace("\r\n", "\n"))

        for value in (h["SUMMARY"], h["DESCRIPTION"], h["CATEGORIES"]):
            # §3.3.11: a backslash in TEXT only ever escapes \\ ; , or a newline
            assert not re.search(r"\\[^\\;,nN]", re.sub(r"\\\\", "", value))
        assert _ics_text(h["SUMMARY"]) == shown(HOSTILE_HEADLINE)
        assert _split_unescaped(h["CATEGORIES"], ",") == ["meeting", *sorted(TAGS)]
        description = _ics_text(h["DESCRIPTION"])
        assert shown(HOSTILE_NOTE.strip()) in description
        assert "Type corrected (machine: " in description
        s = by_uid[starred.key + "@chronicle"]
        assert _ics_text(s["SUMMARY"]) == "★ " + starred.headline
        description = _ics_text(s["DESCRIPTION"])
        assert description.startswith("Date: 2001-02-03–05\nStarred\nDate corrected (machine: ")
        assert [
            line.split(". ", 1)[1] for line in description.split("\nSources:\n")[1].split("\n")
        ] == [cite_source(src) for src in starred.sources]


class TestAddedByHand:
    @pytest.fixture
    def manual(self, exported) -> Event:
        own = Source(
            document="manual:1", title="", publisher="", date_text="", text="Seen at the embassy."
        )
        return dataclasses.replace(_starred(exported), sources=(own,))

    @pytest.mark.parametrize("fmt", FORMATS)
    def test_every_format_says_the_event_was_added_by_hand(self, manual, fmt):
        text, _ = _export([manual], fmt)
        said = {
            "md": "added by hand",
            "csv": "yes",
            "tsv": "yes",
            "json": '"manual": true',
            "jsonl": '"manual": true',
            "timelinejs": "added by hand",
            "ics": "Added by hand",
        }[fmt]
        assert said in text
        if fmt in ("csv", "tsv"):
            dialect = {"delimiter": "\t", "quoting": csv.QUOTE_NONE} if fmt == "tsv" else {}
            rows = list(csv.DictReader(io.StringIO(text, newline=""), **dialect))
            assert rows[0]["added_by_hand"] == "yes"

    def test_and_none_of_the_read_events_were(self, exported):
        assert all(not r["manual"] for r in json.loads(_export(exported, "json")[0]))
        assert "added by hand" not in _export(exported, "md")[0]


@pytest.mark.parametrize(
    "line",
    [
        "",
        "x" * 74,
        "x" * 75,  # exactly the limit: not folded
        "x" * 76,
        "x" * 149,
        "x" * 150,
        "x" * 300,
        "é" * 40,  # two octets a character: 37 on the first line
        "a" + "日" * 30,  # three octets: never split
        "SUMMARY:" + "ab😀" * 40,  # four octets
    ],
)
def test_fold_keeps_lines_within_75_octets_and_unfolds_to_the_line(line):
    from chronicle.export.ics import fold

    folded = fold(line)
    assert folded.endswith("\r\n")
    physical = folded[:-2].split("\r\n")
    assert all(len(p.encode("utf-8")) <= 75 for p in physical)
    assert all(p.startswith(" ") for p in physical[1:])
    assert all(len(p.encode("utf-8")) >= 72 for p in physical[:-1]), (
        "each fold is as full as can be"
    )
    assert "".join([physical[0], *(p[1:] for p in physical[1:])]) == line
    assert (len(physical) == 1) == (len(line.encode("utf-8")) <= 75)
