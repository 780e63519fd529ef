"""Cleaning: safe characters, inline markup, boilerplate, footnotes, lists, tables."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from chronicle.ingest.text.clean import (
    caption_stem,
    clean_inline,
    clean_lines,
    clean_text,
    dated_row,
    day_head,
    is_boilerplate,
    is_chrome,
    is_menu,
    is_table_row,
    link_lists,
    programme_days,
    repeated_lines,
    running_heads,
    sanitize,
    split_markers,
)
from chronicle.ingest.text.document import document_from_text, load_document
from chronicle.model import CleanDocument
from tests.fuzz_inputs import LONG_RUNS

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
ISSI = FIXTURES / "2018-01-10-issi-issue-brief-pakistan-japan-ties.txt"
MOFA_PK = FIXTURES / "2018-01-04-mofa-japan-pakistan-foreign-ministers-meeting.txt"
MOFA_KZ = FIXTURES / "2017-05-01-mofa-japan-kazakhstan-foreign-ministers-meeting.txt"
TDI = FIXTURES / "2022-07-26-tdi-bilawal-bhutto-meets-japanese-ambassador.txt"
UNDATED = FIXTURES / "undated-mofa-pakistan-brief-on-pakistan-japan-relations.txt"
ALL_FIXTURES = sorted(FIXTURES.glob("*.txt"))


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("\x1b[31mred\x1b[0m text", "red text"),
        ("title\x1b]0;evil title\x07 here", "title here"),
        ("bell\x07 and null\x00 and del\x7f", "bell and null and del"),
        ("c1 \x9b31m csi", "c1 31m csi"),
        ("bidi \u202eevil\u202c text", "bidi evil text"),
        ("zero\u200bwidth soft\u00adhyphen", "zerowidth softhyphen"),
        ("windows\r\nmac\rline\u2028sep", "windows\nmac\nline\nsep"),
        ("nbsp\u00a0and\u2009thin", "nbsp and thin"),
        ("e\u0301 composed", "é composed"),
        ("keep ‘typographic’ “quotes” and ¹²³ marks", "keep ‘typographic’ “quotes” and ¹²³ marks"),
        ("tabs\tstay", "tabs\tstay"),
    ],
)
def test_sanitize(raw: str, clean: str) -> None:
    assert sanitize(raw) == clean


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("*(Views expressed in the brief)*", "(Views expressed in the brief)"),
        ("see *The Nation* (Islamabad)", "see The Nation (Islamabad)"),
        ("**bold** and __strong__ and _em_", "bold and strong and em"),
        ("around US\\$ 2 billion", "around US$ 2 billion"),
        ("<i>Year</i>", "Year"),
        ('<a href="x">link</a> text', "link text"),
        ("[the ministry](https://www.mofa.go.jp/a_(b).html) said", "the ministry said"),
        ("![photo](img.png)Caption", "Caption"),
        ("`code` span", "code span"),
        ("Tom &amp; Jerry &#8217; &rsquo;", "Tom & Jerry ’ ’"),
        ("R&D and Q&A stay", "R&D and Q&A stay"),
        ("2 * 3 * 4 = 24", "2 * 3 * 4 = 24"),
        ("snake_case_name and page3e_000798.html", "snake_case_name and page3e_000798.html"),
        ("  many    spaces\tand tab  ", "many spaces and tab"),
        ("issues.In the current", "issues. In the current"),
        ("H.E. Dr.Arif Alvi", "H.E. Dr. Arif Alvi"),
        ("see www.Example.Com and a@b.Org", "see www.Example.Com and a@b.Org"),
        ("decimal 1.8 stays", "decimal 1.8 stays"),
        ("note<sup>3</sup> here", "note³ here"),
    ],
)
def test_clean_inline(raw: str, clean: str) -> None:
    assert clean_inline(raw) == clean


@pytest.mark.parametrize(
    ("line", "boilerplate"),
    [
        ("Back to Japan-Pakistan Relations", True),
        ("Social Media Activities", True),
        ("From Wikipedia, the free encyclopedia", True),
        ("Jump to navigation", True),
        ("photo1: Japan-Kazakhstan Foreign Ministers' Meeting", True),
        ("*****", True),
        ("* * *", True),
        ("-----", True),
        ("Web: www.issi.org.pk", True),
        ("Phone: +92-920-4423, 24", True),
        ("Fax: +92-920-4658", True),
        ("E-mail: info@example.org", True),
        ("© 2018 Ministry of Foreign Affairs of Japan", True),
        ("Page 3 of 10", True),
        ("12", True),
        ("Share this page", True),
        ("Home > Regions > Pakistan", True),
        ("If a > b then b < a.", False),
        ("Trade Relations", False),
        ("Pakistan and Japan have a number of institutional mechanisms.", False),
        ("Back to back meetings were held in Tokyo on 4 May.", True),
        ("2012\t389\t1,860\t2,249", False),
        # a print edition's note is chrome; a story that appeared in print is not
        ("This article appears in the Summer 2019 issue of the quarterly.", True),
        ("A version of this article appeared in print on page B4 of the Tuesday edition.", True),
        ("This essay appeared in the March 2008 issue.", True),
        ("The report appeared in print on 3 May 2011 after the court lifted its ban.", False),
        ("This article examines why the treaty appeared in print so late.", False),
        # a credit line of a byline block; a sentence about photographs is not one
        ("Photographs by Idris Salih", True),
        ("Illustrations by Mei Lin for the Review", True),
        ("Additional reporting by Jon Roe in Kigali", True),
        ("Photographs by the border police showed the burned trucks.", False),
        ("Images by satellite firms show new runways.", False),
        ("", False),
    ],
)
def test_is_boilerplate(line: str, boilerplate: bool) -> None:
    assert is_boilerplate(line) is boilerplate


def test_caption_stem() -> None:
    assert caption_stem("photo2: Japan-Kazakhstan Meeting") == "Japan-Kazakhstan Meeting"
    assert caption_stem("Photograph 3 - The signing") == "The signing"
    assert caption_stem("Photosynthesis is slow.") == ""


def test_repeated_lines_finds_numbered_title_runs_and_duplicates() -> None:
    lines = [
        "Japan-Pakistan Relations",
        "",
        "Title Meeting1",
        "Title Meeting2",
        "Title Meeting3",
        "Section",
        "Section",
        "In 2012 there were 2",
    ]
    assert repeated_lines(lines) == {
        2: "Title Meeting",
        3: "Title Meeting",
        4: "Title Meeting",
        6: "Section",
    }


@pytest.mark.parametrize(
    ("line", "row"),
    [
        ("2012\t389\t1,860\t2,249", True),
        ("\t30.1\t30.1\t71.1\t35.4\t45.2", True),
        ("<i>Year</i>\t<i>Exports</i>\t<i>Imports</i>", True),
        ("2012    389    1,860", True),
        ("Exports   389   1,860   2,249", True),
        ("2012 389 1,860 2,249", True),
        ("In 2012 exports were 389 million.", False),
        ("\tIndented paragraph text.", False),
        ("1. First item", False),
        ("| S.No. | Document | Signatories |", True),  # a Markdown table's row
        ("| 2012 | 389 | 1,860 |", True),
        ("|", False),
    ],
)
def test_is_table_row(line: str, row: bool) -> None:
    assert is_table_row(line) is row


@pytest.mark.parametrize(
    ("text", "known", "clean", "markers"),
    [
        ("Bajwa,¹Kono appreciated", {"1"}, "Bajwa, Kono appreciated", ((6, "1"),)),
        ("measures.³ The delegation", {"3"}, "measures. The delegation", ((9, "3"),)),
        ('Pyongyang."⁵', {"5"}, 'Pyongyang."', ((11, "5"),)),
        ("deal.⁴ Pakistan", set(), "deal. Pakistan", ()),
        ("an area of 5 km² only", set(), "an area of 5 km² only", ()),
        ("10² is not a note", {"2"}, "10² is not a note", ()),
        ("see note[^a] here", {"a"}, "see note here", ((8, "a"),)),
        ("undefined[^b] note", set(), "undefined note", ()),
        ("twelve¹² notes", {"12"}, "twelve notes", ((6, "12"),)),
        ("word ¹ spaced", {"1"}, "word spaced", ((5, "1"),)),
    ],
)
def test_split_markers(
    text: str, known: set[str], clean: str, markers: tuple[tuple[int, str], ...]
) -> None:
    assert split_markers(text, known) == (clean, markers)


def test_footnote_in_page_break_is_lifted_and_sentence_rejoined() -> None:
    text = (
        "He said Japan will help,¹and support temporarily displaced\n\n"
        "¹ See also *The Nation* (Islamabad), December 30, 2017.\n\n"
        "² A second note that runs\nonto a second line.\n\n"
        "people in South Waziristan.² Then more.\n"
    )
    result = clean_text(text)
    body = [p for p in result.paragraphs if p.kind != "footnote"]
    assert [p.text for p in body] == [
        "He said Japan will help, and support temporarily displaced people in South "
        "Waziristan. Then more."
    ]
    assert [(p.marker, p.text) for p in result.paragraphs if p.kind == "footnote"] == [
        ("1", "See also The Nation (Islamabad), December 30, 2017."),
        ("2", "A second note that runs onto a second line."),
    ]
    assert result.footnotes["2"] == "A second note that runs onto a second line."
    assert [m for _, m in body[0].markers] == ["1", "2"]


def test_page_break_without_footnotes_rejoins_lowercase_continuation() -> None:
    result = clean_text("The ministers agreed to expand the\n\ncooperation in energy.\n")
    assert [p.text for p in result.paragraphs] == [
        "The ministers agreed to expand the cooperation in energy."
    ]


def test_markdown_footnotes() -> None:
    result = clean_text("Japan agreed.[^1] Pakistan too.\n\n[^1]: Dawn, 5 January 2018.\n")
    assert result.footnotes == {"1": "Dawn, 5 January 2018."}
    assert result.paragraphs[0].text == "Japan agreed. Pakistan too."
    assert result.paragraphs[0].markers == ((13, "1"),)


def test_bracketed_number_footnotes() -> None:
    result = clean_text(
        "The deal was signed on 11 November 2016[1] and ratified in July 2017.[2] See [3].\n\n"
        "[1] Japan Times, 12 November 2016.\n[2] MOFA, 20 July 2017.\n"
    )
    assert result.footnotes == {"1": "Japan Times, 12 November 2016.", "2": "MOFA, 20 July 2017."}
    body = result.paragraphs[0]
    assert body.text == (
        "The deal was signed on 11 November 2016 and ratified in July 2017. See [3]."
    )
    assert [m for _, m in body.markers] == ["1", "2"]
    assert [p.kind for p in result.paragraphs[1:]] == ["footnote", "footnote"]


def test_numbered_notes_under_a_notes_heading() -> None:
    result = clean_text(
        "Japan lent 5 billion.1 A decade on, ties grew in 1961.2 Trade rose 2.5 Percent.\n\n"
        'Notes\n\n1 Author, "Loans", Dawn, April 21, 2015.\n2. Ministry of Finance, 2023.\n'
        "5. Other.\n"
    )
    assert result.footnotes == {
        "1": 'Author, "Loans", Dawn, April 21, 2015.',
        "2": "Ministry of Finance, 2023.",
        "5": "Other.",
    }
    body = result.paragraphs[0]
    assert (
        body.text == "Japan lent 5 billion. A decade on, ties grew in 1961. Trade rose 2.5 Percent."
    )
    assert [m for _, m in body.markers] == ["1", "2"]


def test_a_dated_line_under_sources_keeps_its_day() -> None:
    result = clean_text("Brief\n\nText here.\n\nSources\n\n12 March 2019 - MOFA press release\n")
    assert result.footnotes == {}
    assert result.paragraphs[-1].text == "12 March 2019 - MOFA press release"


def test_wrapped_lines_join_and_short_lines_stay_apart() -> None:
    text = (
        "*(Views expressed in the brief are those of the author, and do\n"
        "not represent those of ISSI)*\n\n"
        "A hard-wrapped paragraph that was converted from a PDF file and\n"
        "continues on the next line. It has two sentences.\n"
        "Short Heading\n"
        "Body text follows the heading here.\n"
    )
    result = clean_text(text)
    assert [(p.kind, p.text) for p in result.paragraphs] == [
        (
            "prose",
            "A hard-wrapped paragraph that was converted from a PDF file and continues on the "
            "next line. It has two sentences.",
        ),
        ("heading", "Short Heading"),
        ("prose", "Body text follows the heading here."),
    ]


@pytest.mark.parametrize(
    ("text", "kinds"),
    [
        ("  1. First point.\n  2. Second point.", ["list_item", "list_item"]),
        ("1) First\n2) Second", ["list_item", "list_item"]),
        ("• One\n• Two\n- Three\n* Four", ["list_item"] * 4),
        ("(a) first\n(b) second", ["list_item", "list_item"]),
        ("1. Opening remarks\n\nThe minister spoke.", ["heading", "prose"]),
        ("# Markdown title\n\nBody.", ["heading", "prose"]),
        ("- item that wraps onto\n  a second line", ["list_item"]),
    ],
)
def test_lists_and_headings(text: str, kinds: list[str]) -> None:
    assert [p.kind for p in clean_text(text).paragraphs] == kinds


def test_list_markers_are_removed_from_text() -> None:
    texts = [p.text for p in clean_text("• One\n2. Two\n(c) Three\n").paragraphs]
    assert texts == ["One", "Two", "Three"]


def test_table_becomes_one_paragraph_of_rows() -> None:
    text = "Pakistan's Trade\n\n<i>Year</i>\t<i>Total</i>\n2012\t2,249\n2013\t1,992\n\nSource text."
    result = clean_text(text)
    assert [(p.kind, p.text) for p in result.paragraphs] == [
        ("heading", "Pakistan's Trade"),
        ("table", "Year | Total\n2012 | 2,249\n2013 | 1,992"),
        ("prose", "Source text."),
    ]


# --- the fixtures, end to end -----------------------------------------------------------


@pytest.fixture(scope="module")
def docs() -> dict[str, CleanDocument]:
    return {path.name: load_document(path) for path in ALL_FIXTURES}


@pytest.mark.parametrize("path", ALL_FIXTURES, ids=lambda p: p.name[:20])
def test_segment_offsets_index_the_text(path: Path, docs: dict[str, CleanDocument]) -> None:
    doc = docs[path.name]
    assert doc.segments
    for segment in doc.segments:
        assert doc.text[segment.start : segment.end] == segment.text
        assert doc.paragraphs[segment.paragraph]
        assert segment.text in doc.paragraphs[segment.paragraph]
        assert segment.text == segment.text.strip()
        assert "  " not in segment.text
    starts = [s.start for s in doc.segments]
    assert starts == sorted(starts)


BOILERPLATE = [
    "Back to",
    "Social Media Activities",
    "photo1",
    "photo2",
    "*****",
    "Web:",
    "Phone:",
    "Fax:",
    "Meeting1",
    "Meeting2",
    "Meeting3",
    "ISSUE BRIEF",
    "Views expressed",
    "Edited by",
    "Najam Rafique",
    "\\$",
    "<i>",
    "*The",
    "*(",
]


@pytest.mark.parametrize("path", ALL_FIXTURES, ids=lambda p: p.name[:20])
def test_boilerplate_is_gone(path: Path, docs: dict[str, CleanDocument]) -> None:
    text = docs[path.name].text
    for needle in BOILERPLATE:
        assert needle not in text


def test_nav_breadcrumb_and_date_line_are_not_body_text(docs: dict[str, CleanDocument]) -> None:
    doc = docs[MOFA_KZ.name]
    assert doc.text.startswith("On May 1, commencing at 8:20 a.m. (local time)")
    assert "Japan-Kazakhstan Relations" not in doc.text
    assert doc.text.endswith("permanent missions to the United Nations.")


def test_issi_rejoined_sentence_and_footnote_links(docs: dict[str, CleanDocument]) -> None:
    doc = docs[ISSI.name]
    by_text = {s.text: s for s in doc.segments}
    rejoined = next(s for s in doc.segments if "temporarily displaced" in s.text)
    assert rejoined.text == (
        "He mentioned that Japan is willing to enhance security cooperation with Pakistan, to "
        "support temporarily displaced people in South Waziristan, and to provide scanning "
        "equipment for cross-border check-points with Afghanistan."
    )
    assert rejoined.kind == "sentence"
    assert rejoined.footnotes == ("2",)
    bajwa = next(s for s in doc.segments if "Bajwa" in s.text)
    assert "General Qamer Javed Bajwa, Kono appreciated Pakistan's efforts" in bajwa.text
    assert bajwa.footnotes == ("1",)
    assert by_text[
        "Earlier, in December 2017, the Third Japan-Pakistan Consultations meeting in Islamabad "
        "on December 19 had also held elaborate discussions on the regional situation on "
        "terrorism and counter-terrorism measures."
    ].footnotes == ("3",)
    concerns = next(s for s in doc.segments if "has expressed concerns" in s.text)
    assert concerns.text.endswith(
        "has expressed concerns over the activities of Lashkar-e-Tayyiba and "
        "Jaish-e-Mohammad in Pakistan."
    )
    assert concerns.footnotes == ("6",)
    plummeted = next(s for s in doc.segments if "plummeted" in s.text)
    assert "exports to Japan have plummeted as explained in Table below." in plummeted.text
    linked = [m for s in doc.segments if s.kind != "footnote" for m in s.footnotes]
    assert linked == [str(n) for n in range(1, 10)]
    for marker in "¹²³⁴⁵⁶⁷⁸⁹":
        assert marker not in doc.text


def test_issi_footnotes_are_separate_segments(docs: dict[str, CleanDocument]) -> None:
    doc = docs[ISSI.name]
    notes = [s for s in doc.segments if s.kind == "footnote"]
    assert [s.footnotes for s in notes] == [(str(n),) for n in range(1, 10)]
    assert list(doc.footnotes) == [str(n) for n in range(1, 10)]
    assert doc.footnotes["1"] == (
        'See also Dr Ahmad Rashid Malik, "Taro Kono\'s Visit", The Nation (Islamabad), '
        "December 30, 2017."
    )
    assert doc.footnotes["3"].endswith(
        "Ministry of foreign Affairs, Tokyo. http://www.mofa.go.jp/s_sa/sw/pk/page3e_000798.html"
    )
    assert [s.text for s in notes] == list(doc.footnotes.values())
    body_end = max(s.end for s in doc.segments if s.kind != "footnote")
    assert all(s.start > body_end for s in notes)


def test_issi_tables_are_rows_not_sentences(docs: dict[str, CleanDocument]) -> None:
    doc = docs[ISSI.name]
    rows = [s.text for s in doc.segments if s.kind == "table_row"]
    assert rows == [
        "Year | Exports | Imports | Total",
        "2012 | 389 | 1,860 | 2,249",
        "2013 | 431 | 1,561 | 1,992",
        "2014 | 302 | 1,773 | 2,075",
        "2015 | 236 | 1,842 | 2,078",
        "2016 | 171.2 | 1,961.4 | 2,132",
        "Year | 2012-13 | 2013-14 | 2014-15 | 2015-16 | 2016-17",
        "30.1 | 30.1 | 71.1 | 35.4 | 45.2",
    ]
    sentences = [s.text for s in doc.segments if s.kind == "sentence"]
    assert not any("2,249" in s or "30.1" in s for s in sentences)


def test_issi_headings(docs: dict[str, CleanDocument]) -> None:
    headings = [s.text for s in docs[ISSI.name].segments if s.kind == "heading"]
    assert headings == [
        "PAKISTAN-JAPAN TIES: MOVING TOWARDS A POSITIVE TRAJECTORY",
        "Trade Relations",
        "Pakistan's Trade with Japan",
        "Weakening Investment",
        "Japan's FDI in Pakistan during 2012-2017",
        "(US$ Million)",
        "Conclusion",
    ]


def test_mofa_numbered_items_are_list_item_segments(docs: dict[str, CleanDocument]) -> None:
    doc = docs[MOFA_PK.name]
    items = [s for s in doc.segments if s.kind == "list_item"]
    assert len({s.paragraph for s in items}) == 6
    assert items[0].text.startswith("Minister Kono spoke of the friendly relations")
    assert items[-1].text == (
        "Minister Kono stated that the stability of both Pakistan and Afghanistan was "
        "extremely important for the stability of the entire region."
    )
    first = doc.segments[0]
    assert first.kind == "sentence"
    assert first.text.startswith("On Thursday, January 4, from 11:38 a.m. (local time)")
    assert first.text.endswith("Federal Minister for Foreign Affairs of Pakistan.")
    assert doc.segments[1].text == "The overview is as follows."


def test_mofa_kazakhstan_numbered_headings(docs: dict[str, CleanDocument]) -> None:
    headings = [s.text for s in docs[MOFA_KZ.name].segments if s.kind == "heading"]
    assert headings == ["Opening remarks", "Bilateral relations", "Regional affairs"]


def test_undated_brief_bullets_and_missing_space(docs: dict[str, CleanDocument]) -> None:
    doc = docs[UNDATED.name]
    items = [s.text for s in doc.segments if s.kind == "list_item"]
    assert items == [
        "Bilateral Political Consultations (BPC)",
        "High-level Economic Policy Dialogue (HLEPD)",
        "Joint Government-Business Dialogue (JGBD)",
        "Pakistan-Japan Security Dialogue",
        "Disarmament and Non-Proliferation Talks",
        "Consultations on Counter Terrorism",
    ]
    texts = [s.text for s in doc.segments]
    assert (
        "These relations are characterized by a shared sense of history and common perceptions "
        "on important issues."
    ) in texts
    assert any(t.startswith("In the current scenario, Pakistan and Japan") for t in texts)
    assert any(t.startswith("The President of Pakistan H.E. Dr. Arif Alvi visited") for t in texts)
    assert doc.segments[0].kind == "heading"
    assert doc.segments[0].text == "Brief on Pakistan-Japan Relations"


@pytest.mark.parametrize(
    ("path", "count"),
    [(MOFA_KZ, 15), (MOFA_PK, 14), (ISSI, 69), (TDI, 22), (UNDATED, 31)],
    ids=lambda v: v.name[:20] if isinstance(v, Path) else str(v),
)
def test_segment_counts(path: Path, count: int, docs: dict[str, CleanDocument]) -> None:
    assert len(docs[path.name].segments) == count


def test_document_from_text_strips_escapes_end_to_end() -> None:
    doc = document_from_text("Title\n\nThe \x1b[1mminister\x1b[0m met\x07 Mr. Kono. It went well.")
    assert "\x1b" not in doc.text and "\x07" not in doc.text
    assert [s.text for s in doc.segments] == [
        "Title",
        "The minister met Mr. Kono.",
        "It went well.",
    ]


# --- properties ---------------------------------------------------------------------------

_PIECES = st.sampled_from(
    [
        *"ab AB.,;:!?\n\t*_#-•()[]^\"'“”’1234567890¹²³",
        *("\n\n", "\x1b[31m", "\x07", "\x00", "\u202e", "Mr.", "issues.In", "¹ See", "\n1. "),
        *("<i>", "</i>", "&amp;", "\\$", "By\n", "January 4, 2018", "Back to X", "photo1: T"),
        *("[^1]", "[^1]: note", "\n---\n"),
    ]
)


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.text(max_size=200), st.lists(_PIECES, max_size=60).map("".join)))
def test_any_text_gives_consistent_safe_segments(text: str) -> None:
    doc = document_from_text(text)
    for segment in doc.segments:
        assert doc.text[segment.start : segment.end] == segment.text
        assert segment.text and segment.text == segment.text.strip()
        assert 0 <= segment.paragraph < len(doc.paragraphs)
        assert all(marker in doc.footnotes for marker in segment.footnotes)
    assert not any(c in doc.text for c in "\x00\x07\x1b\u202e")


@pytest.mark.parametrize("name", list(LONG_RUNS))
def test_a_long_run_of_one_piece_is_read_whole(name: str) -> None:
    # How fast is `benchmarks/fuzz.py --big`'s to say (no timed unit tests): here, that
    # nothing is lost or split where it should not be.
    piece, copies = LONG_RUNS[name]
    doc = document_from_text(piece * copies)
    assert doc.text == (piece * copies).strip()
    sentences = copies if name == "sentences" else 1
    assert [s.kind for s in doc.segments] == ["sentence"] * sentences
    assert doc.segments[0].text == (piece if sentences > 1 else piece * copies).strip()
    assert doc.segments[-1].end == len(doc.text)
    assert (len(doc.paragraphs), doc.footnotes) == (1, {})


class TestSiteChrome:
    @pytest.mark.parametrize(
        ("line", "menu"),
        [
            ("Home | Who We Are | Consular Help | Press Room", True),
            ("World  Business  Culture  Sport  Weather", True),
            ("Share    Save    Comments (38)", True),
            ("Subscribe | Sign in", True),
            ("| Year | Exports | Imports |", False),  # a Markdown table row
            ("2019    412    1,870", False),  # figures in columns
            ("Trade rose.  Exports doubled.  Imports fell.", False),
            ("Accra\tLomé\tLagos", False),  # a table's cells
        ],
    )
    def test_is_menu(self, line: str, menu: bool) -> None:
        assert is_menu(line) is menu

    @pytest.mark.parametrize(
        "line",
        [
            "Home > Newsroom",
            "You are here: Home » Media » Briefings",
            "An official website of the Republic of Ghana",
            "This site uses cookies to measure traffic. Accept | Reject | Settings",
            "[Photo] The two ministers at the signing. JANE ROE/AGENCY",
            "Comments are closed for this article.",
        ],
    )
    def test_chrome_lines(self, line: str) -> None:
        assert is_chrome(line) or is_boilerplate(line)

    def test_a_headline_with_a_greater_than_sign_in_prose_is_kept(self) -> None:
        assert not is_chrome("Exports grew by more than 4.5 per cent > the target, officials said.")

    def test_related_links_and_their_dates_are_dropped(self) -> None:
        lines = [
            "The talks ended on Friday.",
            "",
            "Related stories",
            "Ghana, Togo sign power deal (12 May 2022)",
            "Border post reopens    3 hours ago",
            "",
            "Most read",
            "1  Cedi slips against the dollar",
        ]
        assert link_lists(lines) == {2, 3, 4, 6, 7}
        assert [p.text for p in clean_lines(lines).paragraphs] == ["The talks ended on Friday."]


@pytest.mark.parametrize(
    ("line", "row"),
    [
        ("The commission asked for a mandate on 2 May 2016,\tbut it was never granted.", False),
        ("and the new border took effect on\t1 August 2015.", False),
        ("12 March 2019\tThe two ministers met in Accra and signed three agreements.", False),
        ("Embassy of Ghana, Lomé\tEmbassy of Togo, Accra", True),
        ("Capital\tAccra", True),
    ],
)
def test_a_sentence_with_a_tab_is_no_table_row(line: str, row: bool) -> None:
    assert is_table_row(line) is row


def test_running_heads_of_a_paginated_text_are_dropped() -> None:
    head = "Lusaka Papers 4/2021 | March 2021"
    lines = [
        f"{head}",
        "The corridor reopened on 2 March 2021.",
        f"2          {head}",
        "Freight resumed a week later.",
        f"3          {head}",
    ]
    assert running_heads(lines) == {0, 2, 4}
    assert [p.text for p in clean_lines(lines).paragraphs] == [
        "The corridor reopened on 2 March 2021.",
        "Freight resumed a week later.",
    ]


@pytest.mark.parametrize(
    "line",
    [
        "Prev  Ministers meet in Lusaka  2021-03-02",
        "Next  Rail corridor reopens  2021-03-09",
        "Related: Older talks stall (3 May 2019) · Border post reopens (9 June 2019)",
        "More from this page: Weather: rain · Council delays budget",
    ],
)
def test_pagers_and_inline_related_links_are_chrome(line: str) -> None:
    assert is_chrome(line)


def test_next_in_prose_is_no_pager() -> None:
    assert not is_chrome("Next year the two ministers will meet again in Lusaka.")


def test_a_link_list_may_start_after_a_blank_line() -> None:
    lines = ["**Related Articles**", "", "- Older talks stall · 3 May 2019", "", "The end."]
    assert link_lists(lines) == {0, 2}


def test_notes_left_at_the_foot_of_a_pdf_page_are_footnotes() -> None:
    text = (
        "The corridor treaty was signed in Lusaka on 9 June 1976, a year after independence.1 "
        "Freight stopped in 1998.2\n\n"
        "1 Treaty on the Rail Corridor, Lusaka, 9 June 1976.\n"
        '2 Zambia Daily Mail, "Freight halts on the corridor", 3 May 1998.\n\n'
        "3 people were hurt in the 2001 floods, officials said.\n"
    )
    cleaned = clean_text(text)
    assert cleaned.footnotes == {
        "1": "Treaty on the Rail Corridor, Lusaka, 9 June 1976.",
        "2": 'Zambia Daily Mail, "Freight halts on the corridor", 3 May 1998.',
    }
    assert cleaned.paragraphs[-3].text == "3 people were hurt in the 2001 floods, officials said."


@pytest.mark.parametrize(
    "line",
    [
        "Share this article: Facebook Twitter LinkedIn Email",
        "Tags: Ghana, Togo, border, trade",
        "Subscribe to our weekly newsletter",
        "Listen to this article",
        "Image source, Lusaka Mail",
        "Photo credit: Ministry of Transport",
        "Copy link",
    ],
)
def test_share_bars_tags_and_credits_are_chrome(line: str) -> None:
    assert is_chrome(line) or is_boilerplate(line)


def test_a_sentence_about_sharing_is_no_share_bar() -> None:
    assert not is_chrome("The two countries share a border of 1,100 km.")


class TestChronologyRows:
    @pytest.mark.parametrize(
        ("line", "entry"),
        [
            (
                "12-15 March 1965\tTanzania\tState visit; signed a rail agreement with Nyerere.",
                "12-15 March 1965 – Tanzania – State visit; signed a rail agreement with Nyerere.",
            ),
            (
                "1968\tUnited Kingdom\tPrivate visit for medical treatment",
                ("1968 – United Kingdom – Private visit for medical treatment"),
            ),
            ("12 May 1961\tTunisia\tOfficial visit.", "12 May 1961 – Tunisia – Official visit."),
            (
                "| October 1967 | India | Opened a trade fair in New Delhi. |",
                "October 1967 – India – Opened a trade fair in New Delhi.",
            ),
            ("1965\t12.4\t8.1", ""),  # trade by year: figures stay a table
            ("1965\tNew Zealand\tSouth Africa", ""),  # names, not a statement
            ("Date\tCountry\tDetails", ""),  # the header row
            ("Tanzania\t12-15 March 1965\tState visit to Dar es Salaam.", ""),  # date not first
        ],
    )
    def test_a_row_opening_on_a_date_and_ending_in_prose_is_an_entry(
        self, line: str, entry: str
    ) -> None:
        assert dated_row(line) == entry

    def test_a_markdown_chronology_table(self) -> None:
        doc = document_from_text(
            "# Visits\n\n| Date | Country | Details |\n|---|---|---|\n"
            "| 1–6 April 1961 | Morocco | State visit; met King Hassan II. |\n"
            "| 1965 | 12.4 | 8.1 |\n"
        )
        assert [(s.kind, s.text) for s in doc.segments] == [
            ("heading", "Visits"),
            ("table_row", "Date | Country | Details"),
            ("list_item", "1–6 April 1961 – Morocco – State visit; met King Hassan II."),
            ("table_row", "1965 | 12.4 | 8.1"),
        ]

    def test_a_chronology_table_reaches_the_text_as_dated_entries(self) -> None:
        doc = document_from_text(
            "Visits abroad, 1965-1968\n\n"
            "Date\tCountry\tDetails\n"
            "12-15 March 1965\tTanzania\tState visit; signed a rail agreement with Nyerere.\n"
            "1968\tUnited Kingdom\tPrivate visit for medical treatment\n\n"
            "Trade with Tanzania\n\nYear\tExports\tImports\n1965\t12.4\t8.1\n1966\t14.0\t9.3\n"
        )
        assert [(s.kind, s.text) for s in doc.segments] == [
            ("heading", "Visits abroad, 1965-1968"),
            ("table_row", "Date | Country | Details"),
            (
                "list_item",
                "12-15 March 1965 – Tanzania – State visit; signed a rail agreement with Nyerere.",
            ),
            ("list_item", "1968 – United Kingdom – Private visit for medical treatment"),
            ("heading", "Trade with Tanzania"),
            ("table_row", "Year | Exports | Imports"),
            ("table_row", "1965 | 12.4 | 8.1"),
            ("table_row", "1966 | 14.0 | 9.3"),
        ]


class TestReferenceLists:
    PAGE = (
        "Zambia–Yugoslavia relations\n\n"
        "President Tito visited Lusaka in May 1970, when the two leaders opened a joint "
        "shipping line.[1] The Non-Aligned summit followed in September 1970.[3]\n\n"
        "References\n\n"
        "^ Rubinstein, Alvin Z. (1970). Yugoslavia and the Nonaligned World. Princeton.\n"
        "^ Jakovina, Tvrtko (2011).\n"
        '^ a b "Tito arrives in Lusaka". Times of Zambia. 4 May 1970. Retrieved 12 March 2021.\n'
        "\nFurther reading\n\n"
        "Mwangala, Peter (1998). Zambia's Foreign Policy, 1964–1991. Lusaka: Multimedia.\n"
        "Okafor, Chidi; Banda, Ruth (2004). Non-alignment in Africa. African Affairs.\n"
    )

    def test_caret_lines_and_author_year_entries_are_footnotes(self) -> None:
        doc = document_from_text(self.PAGE)
        assert [(s.kind, s.footnotes, s.text) for s in doc.segments[1:]] == [
            (
                "sentence",
                ("1",),
                "President Tito visited Lusaka in May 1970, when the two leaders opened a "
                "joint shipping line.",
            ),
            ("sentence", ("3",), "The Non-Aligned summit followed in September 1970."),
            ("heading", (), "References"),
            (
                "footnote",
                ("1",),
                "Rubinstein, Alvin Z. (1970). Yugoslavia and the Nonaligned World. Princeton.",
            ),
            ("footnote", ("2",), "Jakovina, Tvrtko (2011)."),
            (
                "footnote",
                ("3",),
                '"Tito arrives in Lusaka". Times of Zambia. 4 May 1970. Retrieved 12 March 2021.',
            ),
            (
                "footnote",
                ("ref1",),
                "Mwangala, Peter (1998). Zambia's Foreign Policy, 1964–1991. Lusaka: Multimedia.",
            ),
            (
                "footnote",
                ("ref2",),
                "Okafor, Chidi; Banda, Ruth (2004). Non-alignment in Africa. African Affairs.",
            ),
        ]

    def test_an_author_year_line_outside_a_reference_list_stays_text(self) -> None:
        doc = document_from_text(
            "Zambia–Yugoslavia relations\n\n"
            "Mwangala, Peter (1998) argued that the shipping line opened in May 1970 "
            "mattered more than the summit.\n"
        )
        assert [s.kind for s in doc.segments] == ["heading", "sentence"]

    def test_a_numbered_caret_line_keeps_its_number(self) -> None:
        doc = document_from_text(
            "Relations\n\nThe line opened in May 1970.[7]\n\n7. ^ Jakovina, Tvrtko (2011).\n"
        )
        assert [(s.kind, s.footnotes) for s in doc.segments] == [
            ("heading", ()),
            ("sentence", ("7",)),
            ("footnote", ("7",)),
        ]

    def test_a_reference_list_dates_only_citations(self) -> None:
        from chronicle.ingest.events.mentions import extract_mentions

        found = [
            (m.date.text, m.type) for m in extract_mentions(document_from_text(self.PAGE), "h")
        ]
        assert [f for f in found if f[1] != "citation"] == [
            ("May 1970", "visit"),
            ("September 1970", "meeting"),
        ]
        assert ("4 May 1970", "citation") in found

    def test_other_forms_of_reference_lists(self) -> None:
        notes = clean_text(
            "The line opened in May 1970.\n\nBibliography\n\n"
            "Rubinstein, Alvin Z. 1970. Yugoslavia and the Nonaligned World. Princeton.\n\n"
            "Jakovina, Tvrtko. The Third Side of the Cold War. Zagreb: Fraktura, 2011.\n\n"
            "References\n\n"
            "Jump up to: a b Mwangala, Peter (1998).\n"
            "↑ Petrović, Ivan (2003).\n"
        ).footnotes
        assert notes == {
            "ref1": "Rubinstein, Alvin Z. 1970. Yugoslavia and the Nonaligned World. Princeton.",
            "ref2": "Jakovina, Tvrtko. The Third Side of the Cold War. Zagreb: Fraktura, 2011.",
            "1": "Mwangala, Peter (1998).",
            "2": "Petrović, Ivan (2003).",
        }

    def test_a_caret_inside_a_sentence_is_no_reference(self) -> None:
        cleaned = clean_text("Output rose 3^2 times between 1998 and 2003.\n")
        assert (cleaned.footnotes, [p.kind for p in cleaned.paragraphs]) == ({}, ["prose"])

    def test_short_notes_and_quoted_titles_under_a_notes_heading(self) -> None:
        notes = clean_text(
            "The line opened in May 1970.\n\nNotes\n\n"
            "Rubinstein 1970, p. 12.\n\n"
            "Kay and Lee (2004): 33\n\n"
            '"Tito arrives in Lusaka". Times of Zambia. 4 May 1970.\n\n'
            "The summit closed in September 1970.\n"
        )
        assert list(notes.footnotes.values()) == [
            "Rubinstein 1970, p. 12.",
            "Kay and Lee (2004): 33",
            '"Tito arrives in Lusaka". Times of Zambia. 4 May 1970.',
        ]
        assert [p.text for p in notes.paragraphs if p.kind == "prose"] == [
            "The line opened in May 1970.",
            "The summit closed in September 1970.",
        ]


@pytest.mark.parametrize(
    ("line", "day"),
    [
        ("Monday, 20 October", "Monday, 20 October"),
        ("Tuesday 21 October 2014:", "Tuesday 21 October 2014"),
        ("- Thursday, March 5", "Thursday, March 5"),
        ("October 2014", ""),
        ("Day 1: Monday 20 October", ""),
        ("Talks resumed on 20 October 2014.", ""),
    ],
)
def test_day_head(line: str, day: str) -> None:
    assert day_head(line) == day


class TestProgrammeDays:
    """A day line alone heads the lines under it until the next day line."""

    def test_each_activity_takes_the_day_above_it(self) -> None:
        lines = [
            "Saturday, 7 March",
            "Arrival of the delegation in Windhoek; welcome by the Deputy Minister",
            "Sunday, 8 March",
            "Talks with the Minister of International Relations",
            "Visit to the port of Walvis Bay",
            "",
            "Monday 9 March 2020:",
            "Departure for Gaborone",
        ]
        out, heads = programme_days(lines, set())
        assert heads == {0, 2, 6}
        assert out[1] == (
            "- Saturday, 7 March – Arrival of the delegation in Windhoek; welcome by the "
            "Deputy Minister"
        )
        assert out[3:5] == [
            "- Sunday, 8 March – Talks with the Minister of International Relations",
            "- Sunday, 8 March – Visit to the port of Walvis Bay",
        ]
        assert out[7] == "- Monday 9 March 2020 – Departure for Gaborone"

    def test_a_line_that_continues_the_one_above_keeps_no_day_of_its_own(self) -> None:
        lines = [
            "- Saturday, 7 March",
            "- Arrival of the delegation in Windhoek and a working dinner hosted by",
            "  the Deputy Minister",
            "- Sunday, 8 March",
            "- Talks with the Minister of International Relations",
        ]
        out, _ = programme_days(lines, set())
        assert out[1:3] == [
            "- Saturday, 7 March – Arrival of the delegation in Windhoek and a working "
            "dinner hosted by",
            "  the Deputy Minister",
        ]

    def test_one_day_line_or_a_day_line_over_a_gap_heads_nothing(self) -> None:
        one = ["Saturday, 7 March", "Arrival of the delegation in Windhoek"]
        gap = ["Saturday, 7 March", "", "Arrival in Windhoek", "Sunday, 8 March", ""]
        assert programme_days(one, set()) == (one, set())
        assert programme_days(gap, set()) == (gap, set())

    def test_the_programme_becomes_dated_items(self) -> None:
        text = (
            "Programme of the visit\n\nSaturday, 7 March\nArrival in Windhoek\n"
            "Sunday, 8 March\nTalks with the Minister of International Relations\n"
        )
        assert [p.text for p in clean_text(text).paragraphs] == [
            "Programme of the visit",
            "Saturday, 7 March – Arrival in Windhoek",
            "Sunday, 8 March – Talks with the Minister of International Relations",
        ]


def test_an_empty_cell_between_figures_keeps_the_columns_in_place() -> None:
    doc = document_from_text(
        "Aid to Pakistan (US$ million)\n\n"
        "Item\t2016\t2017\t2018\nGrants\t10.5\t12.0\t9.8\nLoans\t\t45.2\t50.1\n"
    )
    assert doc.paragraphs[1].split("\n")[2] == "Loans |  | 45.2 | 50.1"
    loans = next(s for s in doc.series if s.name.endswith("Loans"))
    assert [(p.period, p.value) for p in loans.points] == [
        ("2016", None),
        ("2017", 45.2),
        ("2018", 50.1),
    ]
