"""Hypothesis strategies for fuzzing: texts and file bytes that reach the date rules,
the cleaner and the readers, not only random unicode."""

from __future__ import annotations

import codecs
from datetime import date, timedelta

from hypothesis import strategies as st

MONTHS = (
    "January", "February", "March", "April", "May", "June", "July", "August",
    "September", "October", "November", "December", "Jan.", "Sept", "Dec",
)  # fmt: skip

WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")

DATE_PHRASES = (
    "3 March 2024", "March 3, 2024", "12/04/2019", "2019-04-12", "FY2023-24", "FY 2022-23",
    "fiscal year 2021", "since 1990", "on Tuesday", "last year", "yesterday", "today",
    "three days later", "the following year", "the next month", "in the 1990s", "mid-2018",
    "early 2020", "late last year", "between 2 and 5 May 2021", "from 1 to 3 June",
    "10-12 October 2016", "Q3 2021", "the first quarter of 2022", "2024", "1947",
    "on 14 August", "at 10 a.m. on Monday", "11:38 a.m. (local time)", "circa 1850",
    "by the end of 2030", "until 2025", "this week", "two weeks ago", "next Friday",
    "the 75th anniversary", "since then", "in recent years", "spring 2019", "9999999999 days ago",
    "31 February 2020", "0 May 2020", "2020/13/45", "1st of May", "May Day",
)  # fmt: skip

WORDS = (
    "Prime Minister", "Foreign Minister Kono", "President Alvi", "Pakistan", "Japan",
    "Islamabad", "Tokyo", "visited", "met", "signed an agreement on", "held talks",
    "exports rose by 12%", "the delegation", "JICA", "the United Nations", "Mr.", "Dr.",
    "the", "and", "of", "in", "on", "ISLAMABAD, March 3 (APP) -", "Staff Reporter",
    "said", "announced", "inaugurated", "the treaty", "consultations", "trade", "grant aid",
)  # fmt: skip

MARKDOWN = (
    "\n", "\n\n", "# ", "## 2019\n", "### ", "- ", "* ", "1. ", "| 2019 | visit |\n", "> ",
    "**", "_", "[1]", "[^1]", "[^1]: ", "¹", "²", "---\ndate: 2020-01-01\n---\n",
    "By Staff Reporter\n", "Published: 3 March 2024\n", "Updated: ", "\t", "(", ")", "\"",
    "“", "”", "’", ".", ",", ";", ":", "—", "…",
)  # fmt: skip

HTML = (
    "<p>", "</p>", "<h1>", "</h1>", "<br>", "<table><tr><td>", "</td><td>", "</td></tr></table>",
    "<ul><li>", "</li></ul>", "<sup>1</sup>", "<script>x</script>", "<nav>Home</nav>", "&amp;",
    "&#8217;", "<meta property=\"article:published_time\" content=\"2024-03-03\">",
    "<script type=\"application/ld+json\">{\"datePublished\": \"2023-05-01\"}</script>",
    "<!--", "-->", "<", "<!", "<![", "<![CDATA[", "]]>", "<![if !supportLists]>", "<?xml ", "</",
    "<a href=\"", "&#99999999;", "&#x110000;", "&", "&nbsp",
)  # fmt: skip

CONTROLS = (
    "\x00",
    "\x07",
    "\x1b",
    "\x1b[31m",
    "\x1b]0;title\x07",
    "\x0c",
    "\x0b",
    "\r",
    "\r\n",
    "\x85",
    "\x9b",
    "\u2028",
    "\u2029",
    "\u202e",
    "\u202d",
    "\u2066",
    "\u200b",
    "\u200d",
    "\ufeff",
    "\u00ad",
    "\ufffd",
    "\u00a0",
    "\u3000",
)

DIGITS = ("٣", "٢٠٢٤", "३", "२०१९", "３", "２０２４", "²", "¹⁹⁹⁰", "①", "𝟐𝟎𝟐𝟒", "Ⅻ")
"""Digits of other scripts, superscripts and numerals: `\\d` or `str.isdigit` take some."""  # fmt: skip


def _number() -> st.SearchStrategy[str]:
    return st.integers(min_value=-5, max_value=100_000).map(str) | st.sampled_from(
        ("0", "00", "1", "12", "31", "32", "99", "1999", "2000", "99999999999999999999")
    )


def _built_date() -> st.SearchStrategy[str]:
    """Dates from parts, impossible ones included ("31 February", day 0, year 0)."""
    day = st.integers(min_value=0, max_value=40).map(str)
    year = st.integers(min_value=0, max_value=12_000).map(str)
    month = st.sampled_from(MONTHS)
    return (
        st.tuples(day, month, year).map(" ".join)
        | st.tuples(month, day, year).map(lambda p: f"{p[0]} {p[1]}, {p[2]}")
        | st.tuples(day, day, year).map("/".join)
        | st.tuples(year, st.integers(0, 99)).map(lambda p: f"FY{p[0]}-{p[1]:02d}")
        | st.tuples(
            st.sampled_from(("on", "since", "last", "next", "by")),
            st.sampled_from(WEEKDAYS + MONTHS),
        ).map(" ".join)
    )


def _tag_like() -> st.SearchStrategy[str]:
    """Something between angle brackets: a tag, comment, declaration or marked section,
    well formed or not (the page parser's odd corners)."""
    return st.from_regex(r"\A<[!?/]?(\[|--)?[ a-zA-Z0-9\[\]!-]{0,8}[>\]]?\Z")


def _linked_data() -> st.SearchStrategy[str]:
    """A page's JSON-LD block, well formed or not, flat or deeply nested."""
    depth = st.integers(min_value=1, max_value=3000)
    nested = st.tuples(st.sampled_from(("[", '{"a":', '{"@graph":[')), depth).map(
        lambda p: p[0] * p[1] + "{}"
    )
    flat = st.sampled_from(
        (
            '{"datePublished": "2023-05-01", "publisher": {"name": "Dawn"}}',
            '{"datePublished": 7, "author": [[1]], "publisher": []}',
            '{"@graph": [{"dateModified": "2024-13-45"}]}',
            '{"datePublished": "',
        )
    )
    script = '<script type="application/ld+json">{}</script>'
    return (nested | flat).map(script.format)


def _long_line(repeat: int) -> st.SearchStrategy[str]:
    """A long line: one piece `repeat` times at most (a run of dates, of words without a
    sentence end, of markup)."""
    piece = st.sampled_from(("a", "x ", "3 March 2024 ", "Mr. ", "*", "[", "1.", "2019 ", "<b>"))
    return st.tuples(piece, st.integers(min_value=20, max_value=repeat)).map(lambda p: p[0] * p[1])


PIECE = st.one_of(
    st.sampled_from(DATE_PHRASES),
    _built_date(),
    st.sampled_from(WORDS),
    st.sampled_from(MARKDOWN),
    st.sampled_from(HTML),
    _tag_like(),
    st.sampled_from(CONTROLS),
    st.sampled_from(MONTHS + WEEKDAYS),
    st.sampled_from(DIGITS),
    _linked_data(),
    _number(),
    st.just(" "),
    st.text(max_size=12),
)
"""One fragment of a document: a date-like phrase, a word, markup, a control or noise."""


def texts(max_pieces: int = 60, repeat: int = 120) -> st.SearchStrategy[str]:
    """Documents pieced together from `PIECE`s (spaced or not), plain random text, and
    the odd long line (one piece up to `repeat` times: every date of a line costs a scan
    of its sentence, so a large `repeat` is slow)."""
    pieces = st.lists(PIECE, max_size=max_pieces)
    return st.one_of(
        pieces.map(" ".join),
        pieces.map("".join),
        st.text(max_size=300),
        st.tuples(pieces.map(" ".join), _long_line(repeat), pieces.map(" ".join)).map("\n".join),
    )


LONG_RUNS = {
    "dots": ("a.", 50_000),
    "stars": ("*a ", 30_000),
    "brackets": ("[a](", 30_000),
    "superscripts": ("x¹", 50_000),
    "sentences": ("He met Mr. Kono. ", 20_000),
}
"""Name -> (piece, copies): runs that once made cleaning a document slower than linear
(a rule rescanning the text behind each match). `tests/test_clean.py` checks what they
give; `benchmarks/fuzz.py --big` times them at twice the copies too."""


def dated_sentence(dates: int) -> str:
    """One sentence dating a working group's meetings, `dates` weeks from 6 January 2020
    joined by semicolons (every date of a sentence once cost a scan of the whole of it)."""
    first = date(2020, 1, 6)
    days = (first + timedelta(weeks=week) for week in range(dates))
    listed = "; ".join(f"{day.day} {day:%B %Y}" for day in days)
    return f"The joint working group on customs met in Accra on {listed}.\n"


ENCODINGS = (
    "utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "utf-32", "cp1252", "latin-1",
    "shift_jis", "euc-kr", "gb18030", "koi8-r",
)  # fmt: skip


def _encoded(text: str, encoding: str) -> bytes:
    return text.encode(encoding, errors="replace")


def _spliced(data: bytes, junk: bytes, at: int) -> bytes:
    at = at % (len(data) + 1)
    return data[:at] + junk + data[at:]


def file_bytes() -> st.SearchStrategy[bytes]:
    """What a file can hold: our texts in many encodings (a stray byte or BOM spliced in
    somewhere), random bytes, and random bytes behind a BOM."""
    encoded = st.builds(_encoded, texts(), st.sampled_from(ENCODINGS))
    boms = st.sampled_from(
        (codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE, codecs.BOM_UTF32_LE, b"")
    )
    return st.one_of(
        encoded,
        st.builds(_spliced, encoded, st.binary(min_size=1, max_size=8), st.integers(min_value=0)),
        st.binary(max_size=3000),
        st.builds(bytes.__add__, boms, st.binary(max_size=600)),
        st.builds(bytes.__add__, boms, encoded),
    )


SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm", ".TXT")

suffixes = st.one_of(st.sampled_from((".html", ".htm")), st.sampled_from(SUFFIXES))
"""A supported file name ending, HTML half the time: pages go through more code."""

references = st.one_of(
    st.none(),
    st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31)),
    st.dates(),
)
"""A document's own date: none, a plausible one, or any date the calendar allows."""
