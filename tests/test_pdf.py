"""PDF documents: briefs set by reportlab at test time come out as the text the cleaner
reads (reading order, no page furniture, words made whole, notes at the end, tables as
rows), with their metadata, or with a one-line message when they cannot be read."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pdfplumber
import pytest
from PIL import Image, ImageDraw
from reportlab.lib.pagesizes import A4
from reportlab.lib.pdfencrypt import StandardEncryption
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas

from chronicle.ingest.events.mentions import extract_mentions
from chronicle.ingest.formats.pdf import pdf_date, to_text
from chronicle.ingest.formats.pdf_flow import Flow, flow
from chronicle.ingest.formats.pdf_furniture import furniture
from chronicle.ingest.formats.pdf_hyphens import join
from chronicle.ingest.formats.pdf_layout import Segment
from chronicle.ingest.formats.pdf_notes import Notes, foot_notes
from chronicle.ingest.formats.pdf_rows import Row, Word, finish
from chronicle.ingest.text.document import load_document
from chronicle.ingest.text.read import DocumentError, read_document
from tests.pdf_briefs import japan_kazakhstan, pakistan_japan
from tests.pdf_maker import Brief, make_pdf, para, plain_text


@pytest.fixture(scope="module")
def issue_brief() -> bytes:
    return make_pdf(pakistan_japan())


@pytest.fixture(scope="module")
def issue_blocks(issue_brief: bytes) -> list[str]:
    return to_text(issue_brief, "brief.pdf").split("\n\n")


def raw_pages(data: bytes) -> list[str]:
    """Each page's text as pdfplumber lays it out, line by line."""
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        return [page.extract_text(x_tolerance_ratio=0.15) for page in pdf.pages]


def test_the_layout_sets_what_the_reader_must_undo(issue_brief: bytes) -> None:
    first, second = raw_pages(issue_brief)
    assert "lately quiet bilat-\neral relationship" in first
    assert "at a time when the Indo-\nPacific strategy" in first
    assert "Japan has trained Pakistani police\n1 Sana Qureshi" in first  # cut mid-sentence
    assert second.startswith(
        "Issue Brief — Institute of Regional Studies Islamabad\nofficers since"
    )
    assert second.endswith("Page 2 of 2")


def test_masthead_title_and_byline_lead(issue_blocks: list[str]) -> None:
    assert issue_blocks[:5] == [
        "---\ndate-created: 2019-03-05\n---",
        "ISSUE BRIEF\nINSTITUTE OF REGIONAL STUDIES ISLAMABAD",
        "# PAKISTAN AND JAPAN: A FOREIGN MINISTER RETURNS",
        "By Dr Farah Naz Qureshi\nResearch Fellow\nJanuary 2018",
        "For the first time in eight years a Japanese Foreign Minister came to Pakistan when "
        "Taro Kono visited Islamabad on January 3-4, 2018.¹ His talks gave new life to a warm "
        "but lately quiet bilateral relationship that had been left to officials, at a moment "
        "of change, at a time when the Indo-Pacific strategy of Tokyo and the China-Pakistan "
        "Economic Corridor are redrawing the map of Asia.",
    ]


def test_a_sentence_cut_by_a_page_break_and_its_notes_comes_out_whole(
    issue_blocks: list[str],
) -> None:
    assert (
        "On counter-terrorism the record is better than the rhetoric. Japan has trained "
        "Pakistani police officers since 2009 and funded forensic laboratories in Lahore and "
        "Karachi, and the two sides agreed during the consultations of December 2017 to "
        "exchange information on groups that raise money in both countries.⁶ Pakistani "
        "officials told the visiting delegation that the counter-terrorism units trained with "
        "Japanese funds had taken part in the operations in North Waziristan."
    ) in issue_blocks
    text = "\n\n".join(issue_blocks)
    assert "Issue Brief —" not in text and "Page 2" not in text


def test_notes_leave_the_page_feet_for_the_end_in_order(issue_blocks: list[str]) -> None:
    assert issue_blocks[-7:] == [
        "¹ Sana Qureshi, “A Foreign Minister in Islamabad after Eight Years”, The Frontier Post "
        "(Peshawar), January 2, 2018.",
        "² “Japan to fund scanners at border crossings”, Business Recorder (Karachi), January "
        "5, 2018.",
        "³ Japan International Cooperation Agency, Pakistan Office, Sixty Years of Cooperation, "
        "Islamabad, 2014.",
        "⁴ Ministry of Foreign Affairs of Japan, Third Japan-Pakistan Consultations on "
        "Counter-Terrorism, press release, December 20, 2017.",
        "⁵ “Kono presses Islamabad on North Korea sanctions”, The Japan Times (Tokyo), January "
        "4, 2018.",
        "⁶ National Counter Terrorism Authority, Annual Report 2017, Islamabad, 2018.",
        "⁷ Board of Investment, Country-wise FDI Inflows, Islamabad, 2017.\n",
    ]


def test_headings_and_list_items_keep_their_form(issue_blocks: list[str]) -> None:
    headings = [b for b in issue_blocks if b.startswith("#")]
    assert headings == [
        "# PAKISTAN AND JAPAN: A FOREIGN MINISTER RETURNS",
        "## Security Consultations",
        "## Trade Relations",
        "## The Corridor and Beyond",
        "## Conclusion",
    ]
    assert "Three issues remain on the table:" in issue_blocks
    assert (
        "• nuclear cooperation, which Japan has so far offered only to India;\n"
        "• counter-terrorism, where Tokyo follows the lead of Washington;\n"
        "• connectivity, where Japanese firms could join the special economic zones of the "
        "corridor."
    ) in issue_blocks


def test_tables_come_out_as_tab_separated_rows_under_their_caption(
    issue_blocks: list[str],
) -> None:
    ruled = issue_blocks.index("Pakistan's Trade with Japan (US$ million)")
    assert issue_blocks[ruled + 1 : ruled + 3] == [
        "Year\tExports\tImports\tTotal\n2013\t431\t1,561\t1,992\n2014\t302\t1,773\t2,075\n"
        "2015\t236\t1,842\t2,078\n2016\t171\t1,961\t2,132",
        "Source: IMF, Direction of Trade Statistics, 2017.",
    ]
    figures = issue_blocks.index("Japan's FDI in Pakistan (US$ million)")
    assert issue_blocks[figures + 1] == "2013-14\t2014-15\t2015-16\t2016-17\n30.1\t71.1\t35.4\t45.2"


def test_two_columns_read_one_after_the_other_under_the_full_width_title() -> None:
    data = make_pdf(japan_kazakhstan())
    first = raw_pages(data)[0]
    assert "Japan recognised Kazakhstan soon after its investment.\n" in first
    assert first.endswith("www.eurasian-studies.kz")  # a running foot, on both pages
    blocks = to_text(data, "kz.pdf").split("\n\n")
    assert "www." not in "".join(blocks)
    assert blocks[:4] == [
        "---\ndate-created: 2020-02-14\n---",  # its Title is a file name, its Author an account
        "CENTRE FOR EURASIAN STUDIES\nPOLICY BRIEF No. 7/2020",
        "# Japan and Kazakhstan after Three Decades: Uranium, Transit and the Middle Corridor",
        "Aigerim Seitkali and Kenji Morimoto\nFebruary 2020",
    ]
    assert [b.split()[0] if not b.startswith("#") else b for b in blocks[4:12]] == [
        "Japan",
        "Ten",
        "## Summits and Agreements",
        "Prime",
        "President",
        "## Trade and Investment",
        "Trade",
        "Kazakhstan's",
    ]
    assert blocks[11:14] == [
        "Kazakhstan's Trade with Japan (US$ million)",  # bold, over two rows: a caption
        "Year\tExports\tImports\tTotal\n2016\t605\t545\t1,150\n2017\t844\t528\t1,372\n2018\t970"
        "\t681\t1,651\n2019\t1,005\t800\t1,805",
        "Source: Statistics Committee of Kazakhstan.",
    ]
    # the paragraph runs from the foot of the left column to the head of the right one
    assert blocks[7].endswith(
        "during which the two leaders signed an agreement on the promotion and protection of "
        "investment."
    )
    assert blocks[4].endswith("on the clean-up of the former test site at Semipalatinsk.¹")
    assert blocks[-6:-4] == [
        "¹ Ministry of Foreign Affairs of Japan, Japan-Kazakhstan Relations, basic data, "
        "updated 2019.",
        "² Timur Dadabaev, “Japan's Central Asian Diplomacy after Koizumi”, Central Asian "
        "Survey, vol. 32, no. 4 (2013).",
    ]
    # the sentence cut by the page break, and note 5 from the second page's foot
    assert (
        "A study by the Japan External Trade Organization in 2019 counted 59 Japanese companies "
        "with offices in Almaty and Nur-Sultan.⁵"
    ) in blocks[14]


@pytest.mark.parametrize(
    ("line", "row", "words", "joined"),
    [
        ("a quiet bilat-", "eral relationship", set(), "a quiet bilateral relationship"),
        ("when the Indo-", "Pacific strategy", set(), "when the Indo-Pacific strategy"),
        ("a Tokyo-", "based bank", set(), "a Tokyo-based bank"),
        ("in 2016-", "17, well below", set(), "in 2016-17, well below"),
        ("on counter-", "terrorism units", {"counter-terrorism"}, "on counter-terrorism units"),
        ("on counter-", "terrorism units", set(), "on counterterrorism units"),
        ("site at Semi-", "palatinsk.", {"semipalatinsk"}, "site at Semipalatinsk."),
        ("two sides", "agreed during", set(), "two sides agreed during"),
    ],
)
def test_a_word_broken_at_a_line_end_is_joined_as_the_document_writes_it(
    line: str, row: str, words: set[str], joined: str
) -> None:
    assert join(line, row, words) == joined


def press_release(title: str = "", created: str = "D:20190305101500+05'00'") -> Brief:
    """A ministry's one-page release: no heading of its own, no date in its text."""
    return Brief(
        title=title,
        masthead=["MINISTRY OF FOREIGN AFFAIRS", "PRESS RELEASE"],
        blocks=[
            para(
                "Foreign Minister Shah Mahmood Qureshi received the Ambassador of Japan, Kuninori "
                "Matsuda, at the Ministry of Foreign Affairs in Islamabad. The two sides reviewed "
                "the preparations for the sixth round of the Pakistan-Japan strategic dialogue "
                "and the visit of a delegation of Japanese business leaders to Karachi."
            ),
        ],
        metadata={
            "title": "Foreign Minister Receives the Ambassador of Japan",
            "author": "Sadia Rahman",
            "created": created,
        },
    )


def test_the_metadata_title_stands_in_for_a_text_without_one(tmp_path: Path) -> None:
    path = tmp_path / "release.pdf"
    path.write_bytes(make_pdf(press_release()))
    text, encoding = read_document(path)
    assert encoding == "pdf"
    assert text.startswith(
        "---\ntitle: Foreign Minister Receives the Ambassador of Japan\nauthor: Sadia Rahman\n"
        "date-created: 2019-03-05\n---\n\nMINISTRY OF FOREIGN AFFAIRS\nPRESS RELEASE\n\n"
        "Foreign Minister Shah Mahmood Qureshi received"
    )
    doc = load_document(path)
    assert (doc.format, doc.title, doc.author) == (
        "pdf",
        "Foreign Minister Receives the Ambassador of Japan",
        "Sadia Rahman",
    )
    # no date in the text: the day the file was made, and said to be so
    assert (doc.date.isoformat(), doc.date_source) == ("2019-03-05", "file_metadata")


def test_a_title_byline_and_date_the_text_states_win_over_the_metadata(tmp_path: Path) -> None:
    metadata = {"title": "Draft for comments", "author": "Najam Rafique", "created": "D:20190305"}
    path = tmp_path / "brief.pdf"
    path.write_bytes(make_pdf(pakistan_japan(metadata=metadata)))
    assert to_text(path.read_bytes(), "brief.pdf").startswith(
        "---\ndate-created: 2019-03-05\n---\n\nISSUE BRIEF\n"
    )
    doc = load_document(path)
    assert (doc.title, doc.author) == (
        "Pakistan and Japan: A Foreign Minister Returns",
        "Farah Naz Qureshi",  # who signs it, not whoever typed the file
    )
    assert (doc.date.isoformat(), doc.date_text, doc.date_source) == (
        "2018-01-01",
        "January 2018",
        "byline",
    )
    assert doc.footnotes["4"].startswith("Ministry of Foreign Affairs of Japan, Third Japan")
    cited = next(s for s in doc.segments if "Consultations on Counter-Terrorism were" in s.text)
    assert cited.footnotes == ("4",)


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("D:20190305101500+05'00'", "2019-03-05"),
        ("D:2020", "2020-01-01"),
        ("20171219", "2017-12-19"),
        ("D:20191340", None),
        ("yesterday", None),
    ],
)
def test_pdf_dates(text: str, day: str | None) -> None:
    parsed = pdf_date(text)
    assert (parsed.isoformat() if parsed else None) == day


def scan() -> bytes:
    """A page that is only a picture of print, as a scanner makes it."""
    picture = Image.new("L", (420, 600), 255)
    draw = ImageDraw.Draw(picture)
    for y in range(40, 560, 18):
        draw.rectangle((30, y, 30 + (y * 7) % 340 + 40, y + 8), fill=40)
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=A4)
    canvas.drawImage(ImageReader(picture), 40, 60, width=515, height=730)
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def locked() -> bytes:
    buffer = io.BytesIO()
    canvas = Canvas(buffer, encrypt=StandardEncryption("minister", canPrint=0))
    canvas.drawString(72, 700, "Restricted: minutes of the strategic dialogue, 12 May 2019.")
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (scan, "no text layer; OCR is not supported"),
        (locked, "encrypted PDF (a password is needed to open it)"),
        (
            lambda: (data := make_pdf(press_release()))[: len(data) // 2],
            "truncated PDF (it ends before its end-of-file marker)",
        ),
        (
            lambda: b"%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 9 0 R >>\n%%EOF\n",
            "damaged PDF (it cannot be parsed)",
        ),
        (lambda: b"PK\x03\x04 a zip archive named .pdf\n%%EOF", "not a PDF (no %PDF header)"),
    ],
)
def test_an_unreadable_pdf_gets_one_line_saying_why(
    tmp_path: Path, make: Callable[[], bytes], message: str
) -> None:
    path = tmp_path / "brief.pdf"
    path.write_bytes(make())
    with pytest.raises(DocumentError) as caught:
        load_document(path)
    assert str(caught.value) == f"{path}: {message}"


def test_ingest_of_a_folder_with_a_pdf_brief_gives_its_events(tmp_path: Path) -> None:
    folder = tmp_path / "briefs"
    folder.mkdir()
    (folder / "issue-brief.pdf").write_bytes(make_pdf(pakistan_japan()))
    db = tmp_path / "chronicle.db"

    def chronicle(*args: str) -> subprocess.CompletedProcess:
        command = [sys.executable, "-m", "chronicle.cli", *args, "--db", str(db)]
        return subprocess.run(command, capture_output=True, text=True, timeout=120)

    ingest = chronicle("ingest", str(folder), "--jobs", "1")
    assert ingest.returncode == 0, ingest.stderr
    events = json.loads(chronicle("search", "--json", "--limit", "0").stdout)
    found = {(e["date_start"], e["date_end"]): e["sources"][0]["text"] for e in events}
    assert found[("2018-01-03", "2018-01-04")].startswith(
        "For the first time in eight years a Japanese Foreign Minister came to Pakistan"
    )
    assert found[("2017-12-19", "2017-12-19")] == (
        "The Third Japan-Pakistan Consultations on Counter-Terrorism were held in Islamabad "
        "on December 19, 2017, where the delegations compared notes on terrorist financing and "
        "on the threat in the region."
    )
    assert found[("1952-04-28", "1952-04-28")].startswith(
        "Diplomatic relations were established on April 28, 1952"
    )
    documents = json.loads(chronicle("documents", "--json").stdout)
    assert [(d["title"], d["document_date"]) for d in documents] == [
        ("Pakistan and Japan: A Foreign Minister Returns", "2018-01-01")
    ]


def test_a_long_brief_keeps_every_paragraph_once_and_no_page_furniture() -> None:
    short = pakistan_japan()
    long = pakistan_japan(blocks=short.blocks * 4)
    data = make_pdf(long)
    pages = raw_pages(data)
    assert len(pages) >= 6
    assert all(page.startswith("Issue Brief — Institute") for page in pages[1:])
    assert pages[-1].endswith(f"Page {len(pages)} of {len(pages)}")
    body = to_text(make_pdf(short), "short.pdf").split("\n\n")[4:-7]
    blocks = to_text(data, "long.pdf").split("\n\n")
    assert blocks[4:-7] == body * 4


@pytest.mark.parametrize("brief", [pakistan_japan, japan_kazakhstan])
def test_a_pdf_gives_the_events_its_text_gives_as_a_txt(
    tmp_path: Path, brief: Callable[[], Brief]
) -> None:
    pdf, txt = tmp_path / "brief.pdf", tmp_path / "brief.txt"
    pdf.write_bytes(make_pdf(brief()))
    txt.write_text(plain_text(brief()), encoding="utf-8")

    def statements(path: Path) -> list[tuple]:
        doc = load_document(path)
        return [
            (m.sentence, m.date.date_start, m.date.date_end, m.type, m.footnotes)
            for m in extract_mentions(doc, "0" * 16)
        ]

    from_pdf = statements(pdf)
    assert len(from_pdf) >= 12
    assert from_pdf == statements(txt)


@pytest.mark.parametrize("style", ["{n}", "- {n} -", "{n} | Institute of Regional Studies"])
def test_page_numbers_go_however_they_are_printed(issue_blocks: list[str], style: str) -> None:
    data = make_pdf(pakistan_japan(page_number=style))
    assert raw_pages(data)[1].endswith(style.format(n=2))
    assert to_text(data, "brief.pdf").split("\n\n") == issue_blocks


def row(text: str, size: float, top: float) -> Row:
    """A row of print of one word per word of `text`, a word's width per letter."""
    words, x = [], 72.0
    for word in text.split():
        words.append(Word(word, x, x + 5 * len(word), top, top + size, size, False))
        x += 5 * len(word) + 3
    return finish(Row(words))


def test_a_note_cut_by_a_page_break_goes_on_at_the_next_foot() -> None:
    notes = Notes({"3": "Ministry of Foreign Affairs of Japan, Third Japan-Pakistan"}, "3")
    foot = [
        row("officers since 2009 and funded forensic laboratories in Lahore.", 11.5, 90),
        row("Consultations on Counter-Terrorism, press release, December 20, 2017.", 8, 700),
        row("⁴ The Japan Times (Tokyo), January 4, 2018.", 8, 710),
    ]
    assert foot_notes(foot, 11.5, notes, False, join) == 1
    assert notes.text == {
        "3": "Ministry of Foreign Affairs of Japan, Third Japan-Pakistan Consultations on "
        "Counter-Terrorism, press release, December 20, 2017.",
        "4": "The Japan Times (Tokyo), January 4, 2018.",
    }


def test_small_print_under_a_table_at_a_page_foot_is_no_note() -> None:
    notes = Notes({"2": "Business Recorder (Karachi), January 5, 2018."}, "2")
    foot = [
        row("2016 171 1,961 2,132", 11.5, 600),
        row("Source: IMF, Direction of Trade Statistics, 2017.", 8, 615),
    ]
    assert foot_notes(foot, 11.5, notes, False, join) == 2
    assert list(notes.text) == ["2"]


def test_a_row_opening_on_a_dash_inside_a_sentence_is_no_list_item() -> None:
    rows = [
        row("The two sides agreed on the terms of the", 11.5, 100),
        row("– and the observers from Tokyo – signed the", 11.5, 115),
        row("final text.", 11.5, 130),
        row("Its main points:", 11.5, 150),
        row("– a joint working group on customs;", 11.5, 165),
        row("– an exchange of police officers.", 11.5, 180),
    ]
    state = Flow(11.5, 15.0, 0.0, set())
    flow([Segment(rows, 72.0, 300.0)], state)
    state.flush()
    assert state.blocks == [
        [
            "The two sides agreed on the terms of the – and the observers from Tokyo – signed "
            "the final text."
        ],
        ["Its main points:"],
        ["– a joint working group on customs;", "– an exchange of police officers."],
    ]


def test_a_pdf_locked_only_against_copying_still_reads() -> None:
    buffer = io.BytesIO()
    owner_only = StandardEncryption("", ownerPassword="ministry", canCopy=0, canModify=0)
    canvas = Canvas(buffer, pagesize=A4, encrypt=owner_only)
    canvas.setFont("Times-Roman", 11)
    canvas.drawString(72, 700, "Islamabad, 5 January 2018")
    canvas.drawString(72, 680, "The Foreign Secretary received the Ambassador of Japan today.")
    canvas.showPage()
    canvas.save()
    assert to_text(buffer.getvalue(), "release.pdf").endswith(
        "Islamabad, 5 January 2018\nThe Foreign Secretary received the Ambassador of Japan today.\n"
    )


def indented(text: str, size: float, top: float, x: float) -> Row:
    """`row`, its print starting `x` points further right."""
    made = row(text, size, top)
    made.words = [
        Word(w.text, w.x0 + x, w.x1 + x, w.top, w.bottom, w.size, w.bold) for w in made.words
    ]
    return made


def test_paragraphs_set_without_gaps_part_at_a_first_line_indent() -> None:
    rows = [
        indented("The delegations met at the Ministry of", 11.5, 100, 18),
        row("Foreign Affairs on 19 December 2017 and", 11.5, 115),
        row("reviewed the threat in the region.", 11.5, 130),
        indented("Both sides agreed to meet again in Tokyo", 11.5, 145, 18),
        row("in the second half of 2018.", 11.5, 160),
    ]
    state = Flow(11.5, 15.0, 0.0, set())
    flow([Segment(rows, 72.0, 300.0)], state)
    state.flush()
    assert state.blocks == [
        [
            "The delegations met at the Ministry of Foreign Affairs on 19 December 2017 and "
            "reviewed the threat in the region."
        ],
        ["Both sides agreed to meet again in Tokyo in the second half of 2018."],
    ]


def test_text_set_right_of_its_headings_is_no_run_of_indents() -> None:
    heading_row = row("Trade Relations", 11.5, 85)
    heading_row.bold = True
    rows = [
        heading_row,
        indented("Trade between the two countries has stayed", 11.5, 100, 48),
        indented("close to two billion dollars a year since 2012.", 11.5, 115, 48),
    ]
    state = Flow(11.5, 15.0, 0.0, set())
    flow([Segment(rows, 72.0, 348.0)], state)
    state.flush()
    assert state.blocks == [
        ["## Trade Relations"],
        [
            "Trade between the two countries has stayed close to two billion dollars a year "
            "since 2012."
        ],
    ]


def test_a_margin_line_carrying_the_page_number_goes_as_chapters_change() -> None:
    heads = [
        "2 Institute of Regional Studies",
        "Part 1: Security Consultations 3",
        "4 Institute of Regional Studies",
        "Part 2: Trade and Investment 5",
        "6 Institute of Regional Studies",
        "Part 3: The Corridor and Beyond 7",
    ]
    body = [
        "Kono met Abbasi in Islamabad.",
        "Okada had visited Pakistan.",
        "Khar had visited Tokyo.",
        "Trade stayed close to two billion dollars.",
        "Abe spoke in Tokyo on the corridor.",
        "About twelve thousand Pakistanis live in Japan.",
    ]
    pages = [
        [
            row(head, 9, 50),
            row(f"{number + 1} {text}", 11.5, 100),
            row(text.upper(), 11.5, 115),
            row(f"{number + 1} {text} Dawn, 2018.", 8, 700),
        ]
        for number, (head, text) in enumerate(zip(heads, body, strict=True))
    ]
    assert furniture(pages, [[] for _ in pages], 11.5) == [{0}] * 6


def test_three_columns_read_as_two_do() -> None:
    prose = [b for b in japan_kazakhstan().blocks if b.kind in ("para", "heading")]
    two = to_text(make_pdf(japan_kazakhstan(blocks=prose)), "two.pdf")
    data = make_pdf(japan_kazakhstan(blocks=prose, columns=3))
    first = raw_pages(data)[0]
    assert "Japan recognised Kazakhstan Caspian region, where\n" in first
    assert to_text(data, "three.pdf") == two


def test_a_head_on_every_page_stays_once_as_the_masthead(tmp_path: Path) -> None:
    brief = pakistan_japan(
        masthead=["ISSUE BRIEF"],
        running_head="INSTITUTE OF REGIONAL STUDIES ISLAMABAD",
        head_on_first=True,
    )
    path = tmp_path / "brief.pdf"
    path.write_bytes(make_pdf(brief))
    assert all(page.startswith("INSTITUTE OF REGIONAL") for page in raw_pages(path.read_bytes()))
    text = to_text(path.read_bytes(), "brief.pdf")
    assert text.count("INSTITUTE OF REGIONAL STUDIES ISLAMABAD") == 1
    assert text.split("\n\n")[1:3] == ["INSTITUTE OF REGIONAL STUDIES ISLAMABAD", "ISSUE BRIEF"]
    assert load_document(path).publisher == "Institute of Regional Studies Islamabad"
