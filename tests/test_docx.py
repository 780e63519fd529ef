"""The Word reader: .docx files written at test time, read back as the cleaner's plain text."""

from __future__ import annotations

import io
import json
import os
import re
import shutil
import sqlite3
import subprocess
import sys
import zipfile
from datetime import datetime
from pathlib import Path

import docx
import pytest
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls

from chronicle.ingest.events.mentions import extract_mentions
from chronicle.ingest.formats.docx import to_text
from chronicle.ingest.text.document import document_from_text, load_document
from chronicle.ingest.text.read import DocumentError, read_document
from tests.docx_maker import (
    BREAK,
    TAB,
    Commented,
    Deleted,
    Field,
    Hidden,
    Inserted,
    Note,
    WordMaker,
    press_release,
)

RELEASE_TEXT = """\
---
creator: Saima Qureshi
date-created: 2018-01-04
---

Ministry of Foreign Affairs

Government of Pakistan

PRESS RELEASE

No. 5/2018   4 January 2018

# Visit of the Foreign Minister of Japan to Pakistan

The Foreign Minister of Japan, Mr. Taro Kono, paid an official visit to Pakistan from 3 to 4 \
January 2018 at the invitation of Foreign Minister Khawaja Muhammad Asif. It was the first visit \
to Pakistan by a Foreign Minister of Japan since October 2009.¹

The two Foreign Ministers held delegation-level talks at the Foreign Office in Islamabad on 4 \
January 2018, followed by a working lunch. They reviewed bilateral relations, regional security \
and the situation in Afghanistan.

Mr. Kono called on Prime Minister Shahid Khaqan Abbasi on 4 January 2018 and conveyed the \
greetings of Prime Minister Shinzo Abe.

## Documents signed

In the presence of the two Foreign Ministers, the following documents were signed on 4 January 2018:

1. Exchange of Notes on a Japanese grant of 1.2 billion yen for the Peshawar water supply project.
2. Memorandum of Cooperation on counter-terrorism capacity building.
3. Record of Discussions on a scholarship programme for Pakistani civil servants.

## Trade

The Foreign Ministers noted that bilateral trade has stood at about US$ 2 billion a year since \
2012.² They agreed to hold the next round of the Pakistan-Japan Strategic Dialogue in Tokyo in 2018.

Table 1: Pakistan's trade with Japan (US$ million)

Year\tExports\tImports\tTotal
2012\t389\t1,860\t2,249
2013\t431\t1,561\t1,992
2014\t302\t1,773\t2,075
2015\t236\t1,842\t2,078
2016\t171.2\t1,961.4\t2,132

Source: IMF, Direction of Trade Statistics, 2016 and 2017.

The two sides will mark the 66th anniversary of the establishment of diplomatic relations on \
28 April 2018.

Islamabad

4 January 2018

¹ Foreign Minister Katsuya Okada visited Islamabad on 12 October 2009.

² IMF, Direction of Trade Statistics, 2017; see Table 1."""


def body(maker: WordMaker) -> str:
    """The text of a made document without its front matter."""
    text = to_text(maker.save(), "made.docx")
    if text.startswith("---\n"):
        text = text[text.index("\n---\n", 4) + 5 :]
    return text.strip("\n")


# --- the press release, whole -----------------------------------------------------------


def test_release_reads_as_the_plain_text_a_person_would_type():
    assert to_text(press_release(), "release.docx") == RELEASE_TEXT


def test_release_document_has_its_title_date_author_publisher_and_notes(tmp_path):
    path = tmp_path / "mofa-kono-visit.docx"
    path.write_bytes(press_release())
    doc = load_document(path)
    assert doc.format == "docx"
    assert doc.encoding == "docx"
    assert doc.title == "Visit of the Foreign Minister of Japan to Pakistan"
    assert doc.date.isoformat() == "2018-01-04"
    assert doc.date_text == "4 January 2018"
    assert doc.publisher == "Ministry of Foreign Affairs"
    assert doc.author == "Saima Qureshi"
    assert doc.footnotes == {
        "1": "Foreign Minister Katsuya Okada visited Islamabad on 12 October 2009.",
        "2": "IMF, Direction of Trade Statistics, 2017; see Table 1.",
    }
    linked = {s.text: s.footnotes for s in doc.segments if s.footnotes and s.kind != "footnote"}
    assert linked == {
        "It was the first visit to Pakistan by a Foreign Minister of Japan since October 2009.": (
            "1",
        ),
        "The Foreign Ministers noted that bilateral trade has stood at about US$ 2 billion a year since 2012.": (
            "2",
        ),
    }
    items = [s.text for s in doc.segments if s.kind == "list_item"]
    assert items == [
        "Exchange of Notes on a Japanese grant of 1.2 billion yen for the Peshawar water supply project.",
        "Memorandum of Cooperation on counter-terrorism capacity building.",
        "Record of Discussions on a scholarship programme for Pakistani civil servants.",
    ]
    rows = [s.text for s in doc.segments if s.kind == "table_row"]
    assert rows == [
        "Year | Exports | Imports | Total",
        "2012 | 389 | 1,860 | 2,249",
        "2013 | 431 | 1,561 | 1,992",
        "2014 | 302 | 1,773 | 2,075",
        "2015 | 236 | 1,842 | 2,078",
        "2016 | 171.2 | 1,961.4 | 2,132",
    ]


def test_read_document_dispatches_docx_to_the_word_reader(tmp_path):
    path = tmp_path / "Release.DOCX"
    path.write_bytes(press_release())
    assert read_document(path) == (RELEASE_TEXT, "docx")


def test_the_made_file_opens_in_python_docx_with_its_parts():
    document = docx.Document(io.BytesIO(press_release()))
    assert document.paragraphs[4].style.name == "Title"
    assert document.tables[0].cell(5, 2).text == "1,961.4"
    names = set(zipfile.ZipFile(io.BytesIO(press_release())).namelist())
    assert {"word/footnotes.xml", "word/numbering.xml", "docProps/core.xml"} <= names


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_libreoffice_prints_the_made_file_with_its_footnotes(tmp_path):
    source = tmp_path / "release.docx"
    source.write_bytes(press_release())
    subprocess.run(
        ["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path), str(source)],
        check=True,
        capture_output=True,
        timeout=180,
        env={**os.environ, "HOME": str(tmp_path)},  # a profile of its own
    )
    pdfplumber = pytest.importorskip("pdfplumber")
    with pdfplumber.open(tmp_path / "release.pdf") as pdf:
        lines = [line for page in pdf.pages for line in page.extract_text().splitlines()]
    assert "1 Foreign Minister Katsuya Okada visited Islamabad on 12 October 2009." in lines
    assert "2. Memorandum of Cooperation on counter-terrorism capacity building." in lines
    assert "2016 171.2 1,961.4 2,132" in lines


# --- blocks in body order -----------------------------------------------------------------


def test_tables_stand_between_the_paragraphs_around_them():
    maker = WordMaker()
    maker.paragraph("Exports to Japan fell in 2016.")
    maker.table([["Year", "Exports"], ["2015", "236"], ["2016", "171.2"]])
    maker.paragraph("Japanese investment rose in 2014-15.")
    maker.table([["Fiscal year", "FDI"], ["2013-14", "30.1"], ["2014-15", "71.1"]])
    maker.paragraph("Both figures are in US$ million.")
    assert body(maker) == (
        "Exports to Japan fell in 2016.\n\n"
        "Year\tExports\n2015\t236\n2016\t171.2\n\n"
        "Japanese investment rose in 2014-15.\n\n"
        "Fiscal year\tFDI\n2013-14\t30.1\n2014-15\t71.1\n\n"
        "Both figures are in US$ million."
    )


def test_title_is_the_one_top_heading_and_headings_follow_it():
    maker = WordMaker()
    maker.title("Pakistan-Japan Ties: An Overview")
    maker.paragraph("An issue brief of the research wing.", style="Subtitle")
    maker.heading("Political Relations", 1)
    maker.heading("High-level visits", 2)
    maker.paragraph("Prime Minister Koizumi visited Islamabad in April 2005.")
    assert body(maker) == (
        "# Pakistan-Japan Ties: An Overview\n\n"
        "An issue brief of the research wing.\n\n"
        "## Political Relations\n\n"
        "### High-level visits\n\n"
        "Prime Minister Koizumi visited Islamabad in April 2005."
    )


def test_without_a_title_a_section_heading_is_not_taken_for_the_headline(tmp_path):
    maker = WordMaker()
    maker.paragraph("Pakistan-Japan Ties: Moving Towards a Positive Trajectory").runs[0].bold = True
    maker.paragraph("By Dr Ahmad Rashid Malik")
    maker.heading("Introduction", 1)
    maker.heading("Diplomatic Contacts", 2)
    maker.paragraph(
        "High-level contact between Pakistan and Japan was renewed with the visit of the "
        "Japanese Foreign Minister to Islamabad on 3-4 January 2018."
    )
    assert body(maker) == (
        "Pakistan-Japan Ties: Moving Towards a Positive Trajectory\n\n"
        "By Dr Ahmad Rashid Malik\n\n## Introduction\n\n### Diplomatic Contacts\n\n"
        "High-level contact between Pakistan and Japan was renewed with the visit of the "
        "Japanese Foreign Minister to Islamabad on 3-4 January 2018."
    )
    path = tmp_path / "brief.docx"
    path.write_bytes(maker.save())
    doc = load_document(path)
    assert (doc.title, doc.author) == (
        "Pakistan-Japan Ties: Moving Towards a Positive Trajectory",
        "Ahmad Rashid Malik",
    )


def test_outline_levels_make_headings_of_styles_and_paragraphs():
    maker = WordMaker()
    # a house style based on nothing but carrying an outline level, as Word's own do
    house = maker.doc.styles.add_style("MOFA Section", WD_STYLE_TYPE.PARAGRAPH)
    house.element.get_or_add_pPr().append(parse_xml(f'<w:outlineLvl {nsdecls("w")} w:val="0"/>'))
    derived = maker.doc.styles.add_style("MOFA Headline", WD_STYLE_TYPE.PARAGRAPH)
    derived.base_style = maker.doc.styles["Heading 1"]
    maker.paragraph("Joint Press Statement", style="MOFA Headline")
    maker.paragraph("Bilateral Cooperation", style="MOFA Section")
    direct = maker.paragraph("Way Forward")
    direct._p.get_or_add_pPr().append(parse_xml(f'<w:outlineLvl {nsdecls("w")} w:val="1"/>'))
    maker.paragraph("The sides agreed to meet again in 2019.")
    assert body(maker) == (
        "## Joint Press Statement\n\n## Bilateral Cooperation\n\n### Way Forward\n\n"
        "The sides agreed to meet again in 2019."
    )


# --- lists --------------------------------------------------------------------------------


def test_numbered_and_bulleted_lists_are_list_items():
    maker = WordMaker()
    maker.paragraph("The delegation called on:")
    maker.bulleted(
        ["the Prime Minister;", "the Chairman of the Senate; and", "the Chief of Army Staff."]
    )
    maker.paragraph("Agreed outcomes:")
    maker.numbered(
        [
            "A strategic dialogue, with two tracks:",
            (1, "political consultations each year;"),
            (1, "a counter-terrorism working group."),
            "A joint business council meeting in Karachi.",
        ]
    )
    assert body(maker) == (
        "The delegation called on:\n\n"
        "- the Prime Minister;\n- the Chairman of the Senate; and\n- the Chief of Army Staff.\n\n"
        "Agreed outcomes:\n\n"
        "1. A strategic dialogue, with two tracks:\n"
        "  a) political consultations each year;\n"
        "  b) a counter-terrorism working group.\n"
        "2. A joint business council meeting in Karachi."
    )


def test_each_new_list_counts_from_its_start_and_a_list_style_can_be_switched_off():
    maker = WordMaker()
    maker.numbered(["First visit.", "Second visit."])
    maker.paragraph("Between the lists.")
    maker.numbered(["Opening of the consulate."], number_format="lowerRoman")
    plain = maker.doc.add_paragraph(
        "A note set in the bullet style, its bullet removed.", style="List Bullet"
    )
    plain._p.get_or_add_pPr().get_or_add_numPr().get_or_add_numId().val = 0
    assert body(maker) == (
        "1. First visit.\n2. Second visit.\n\nBetween the lists.\n\n"
        "i. Opening of the consulate.\n\n"
        "A note set in the bullet style, its bullet removed."
    )


def test_list_items_read_as_list_items_in_the_document():
    maker = WordMaker()
    maker.title("Memoranda of Understanding")
    maker.paragraph("The two sides signed memoranda in Islamabad on 12 May 2019. They cover:")
    maker.numbered(["Agriculture research", "Higher education"])
    doc = document_from_text(to_text(maker.save(), "m.docx"), "m.docx", "docx", "docx")
    assert [(s.kind, s.text) for s in doc.segments] == [
        ("heading", "Memoranda of Understanding"),
        ("sentence", "The two sides signed memoranda in Islamabad on 12 May 2019."),
        ("sentence", "They cover:"),
        ("list_item", "Agriculture research"),
        ("list_item", "Higher education"),
    ]


# --- tables -------------------------------------------------------------------------------


def test_a_cell_merged_down_is_repeated_one_merged_across_written_once():
    maker = WordMaker()
    table = maker.table(
        [
            ["Year", "Trade with Japan", "", ""],
            ["", "Exports", "Imports", "Total"],
            ["2015", "236", "1,842", "2,078"],
            ["2016", "171.2", "1,961.4", "2,132"],
        ]
    )
    table.cell(0, 0).merge(table.cell(1, 0))  # "Year" down two rows
    table.cell(0, 1).merge(table.cell(0, 3))  # the heading across three columns
    table.cell(0, 1).paragraphs[0].add_run().add_break()
    table.cell(0, 1).paragraphs[0].add_run("(US$ million)")
    assert body(maker) == (
        "Year\tTrade with Japan (US$ million)\t\t\n"
        "Year\tExports\tImports\tTotal\n"
        "2015\t236\t1,842\t2,078\n"
        "2016\t171.2\t1,961.4\t2,132"
    )


def test_the_release_table_is_read_as_series_as_the_issi_tables_are(tmp_path):
    path = tmp_path / "release.docx"
    path.write_bytes(press_release())
    series = load_document(path).series
    assert [(s.name, s.unit, s.caption, s.note) for s in series] == [
        (
            f"Pakistan's trade with Japan: {label}",
            "US$ million",
            "Table 1: Pakistan's trade with Japan (US$ million)",
            "Source: IMF, Direction of Trade Statistics, 2016 and 2017.",
        )
        for label in ("Exports", "Imports", "Total")
    ]
    assert [[(p.period, p.precision, p.value) for p in s.points] for s in series] == [
        [(str(year), "year", value) for year, value in zip(range(2012, 2017), column, strict=True)]
        for column in (
            (389.0, 431.0, 302.0, 236.0, 171.2),
            (1860.0, 1561.0, 1773.0, 1842.0, 1961.4),
            (2249.0, 1992.0, 2075.0, 2078.0, 2132.0),
        )
    ]


def test_a_heading_merged_over_columns_leaves_the_labels_under_it_to_the_series(tmp_path):
    maker = WordMaker()
    maker.title("Pakistan-Japan Trade")
    maker.paragraph(
        "Bilateral trade has stood at about US$ 2 billion a year since 2012, with imports "
        "from Japan far above exports."
    )
    table = maker.table(
        [
            ["Year", "Trade with Japan", "", ""],
            ["", "Exports", "Imports", "Total"],
            ["2015", "236", "1,842", "2,078"],
            ["2016", "171.2", "1,961.4", "2,132"],
        ],
        caption="Table 1: Pakistan's trade with Japan (US$ million)",
    )
    table.cell(0, 0).merge(table.cell(1, 0))
    table.cell(0, 1).merge(table.cell(0, 3))
    path = tmp_path / "trade.docx"
    path.write_bytes(maker.save())
    assert [(s.label, [p.value for p in s.points]) for s in load_document(path).series] == [
        ("Exports", [236.0, 171.2]),
        ("Imports", [1842.0, 1961.4]),
        ("Total", [2078.0, 2132.0]),
    ]


def test_a_row_across_the_table_is_a_title_line_and_a_caption_below_moves_above():
    maker = WordMaker()
    table = maker.table(
        [
            ["Japan's FDI in Pakistan", "", "", ""],
            ["Year", "2012-13", "2013-14", "2014-15"],
            ["FDI", "30.1", "30.1", "71.1"],
        ],
        caption="Table 2. Foreign direct investment (US$ million)",
        caption_below=True,
    )
    table.cell(0, 0).merge(table.cell(0, 3))
    maker.paragraph("Source: Board of Investment, 2017.")
    assert body(maker) == (
        "Table 2. Foreign direct investment (US$ million)\n\n"
        "Japan's FDI in Pakistan\n\n"
        "Year\t2012-13\t2013-14\t2014-15\nFDI\t30.1\t30.1\t71.1\n\n"
        "Source: Board of Investment, 2017."
    )


def test_a_caption_is_told_by_its_label_not_by_a_sentence_about_the_table():
    maker = WordMaker()
    maker.table([["Year", "Visits"], ["2017", "3"], ["2018", "5"]])
    maker.paragraph("Table 3 shows that visits rose in 2018.")
    maker.paragraph("Table 4: Visits by ministers")
    maker.table([["Year", "Visits"], ["2019", "2"], ["2020", "1"]])
    assert body(maker) == (
        "Year\tVisits\n2017\t3\n2018\t5\n\n"
        "Table 3 shows that visits rose in 2018.\n\n"
        "Table 4: Visits by ministers\n\n"
        "Year\tVisits\n2019\t2\n2020\t1"
    )


def test_a_letterhead_laid_out_in_a_table_reads_as_its_lines():
    maker = WordMaker()
    table = maker.table([["", "Embassy of Pakistan"], ["", "Tokyo"]])
    table.cell(0, 1).add_paragraph("Press Section")
    maker.paragraph("The Ambassador met the Governor of Osaka on 9 March 2021.")
    assert body(maker) == (
        "Embassy of Pakistan\n\nPress Section\n\nTokyo\n\n"
        "The Ambassador met the Governor of Osaka on 9 March 2021."
    )


# --- notes ----------------------------------------------------------------------------------


def test_footnotes_then_endnotes_are_numbered_in_reference_order():
    maker = WordMaker()
    maker.paragraph(
        "The strategic dialogue opened in Tokyo on 16 February 2016.",
        Note("Joint statement of the dialogue, Tokyo, 16 February 2016.", end=True),
    )
    maker.paragraph("Trade recovered in 2017.", Note("State Bank of Pakistan, Annual Report 2017."))
    maker.table([["Year", "Visits"], ["2018", "4"]])
    maker.doc.tables[0].cell(1, 1).paragraphs[0].add_run()  # a reference inside a cell
    cell = maker.doc.tables[0].cell(1, 1).paragraphs[0]
    maker._add(cell, Note("Including the Foreign Minister's visit of January 2018."))
    assert body(maker) == (
        "The strategic dialogue opened in Tokyo on 16 February 2016.³\n\n"
        "Trade recovered in 2017.¹\n\n"
        "Year\tVisits\n2018\t4²\n\n"
        "¹ State Bank of Pakistan, Annual Report 2017.\n\n"
        "² Including the Foreign Minister's visit of January 2018.\n\n"
        "³ Joint statement of the dialogue, Tokyo, 16 February 2016."
    )


def test_a_note_marked_with_an_asterisk_is_numbered_after_the_others(tmp_path):
    maker = WordMaker()
    maker.title("Pakistan-Japan Ties: Moving Towards a Positive Trajectory")
    maker.paragraph(
        "By Dr Ahmad Rashid Malik",
        Note("Dr Malik is a Senior Research Fellow at the institute.", mark="*"),
    )
    maker.paragraph(
        "Foreign Minister Taro Kono visited Islamabad on 3-4 January 2018.",
        Note("Dawn (Islamabad), 5 January 2018."),
    )
    assert body(maker) == (
        "# Pakistan-Japan Ties: Moving Towards a Positive Trajectory\n\n"
        "By Dr Ahmad Rashid Malik²\n\n"
        "Foreign Minister Taro Kono visited Islamabad on 3-4 January 2018.¹\n\n"
        "¹ Dawn (Islamabad), 5 January 2018.\n\n"
        "² Dr Malik is a Senior Research Fellow at the institute."
    )


def test_a_deleted_reference_numbers_no_note():
    maker = WordMaker()
    maker.paragraph("The talks were held on 4 January 2018.", Note("Dawn, 5 January 2018."))
    paragraph = maker.paragraph("A working lunch followed.")
    maker._add(paragraph, Note("A note whose reference was deleted."))
    reference = paragraph._p[-1]
    deletion = parse_xml(
        f'<w:del {nsdecls("w")} w:id="7" w:author="Editor" w:date="2018-01-05T08:00:00Z"/>'
    )
    reference.addprevious(deletion)
    deletion.append(reference)
    assert body(maker) == (
        "The talks were held on 4 January 2018.¹\n\nA working lunch followed.\n\n¹ Dawn, 5 January 2018."
    )


# --- what a reader does not see ---------------------------------------------------------------


def test_tracked_changes_comments_hidden_text_fields_breaks_and_tabs():
    maker = WordMaker()
    maker.paragraph(
        "The Minister ",
        Deleted("visited "),
        Inserted("paid an official visit to "),
        Commented("Tokyo", "Check: Tokyo or Osaka?"),
        " on ",
        Field(r'DATE \@ "d MMMM yyyy"', "16 June 2024"),
        Hidden(" (draft: do not release)"),
        " and met",
        BREAK,
        "the Governor of Osaka the next day.",
    )
    maker.paragraph("Page ", Field("PAGE", "2", simple=True), " of the release.")
    maker.paragraph("Reference", TAB, TAB, "MOFA/PR/214")
    assert body(maker) == (
        "The Minister paid an official visit to Tokyo on 16 June 2024 and met the Governor of "
        "Osaka the next day.\n\n"
        "Page 2 of the release.\n\n"
        "Reference   MOFA/PR/214"
    )
    assert "Check: Tokyo or Osaka?" in docx.Document(io.BytesIO(maker.save())).comments.get(0).text


def test_line_breaks_that_set_out_lines_are_kept_and_those_that_wrap_a_sentence_are_not(
    tmp_path,
):
    maker = WordMaker()
    maker.paragraph(
        "Ministry of Foreign Affairs", BREAK, "Government of Pakistan", BREAK, "Islamabad"
    )
    maker.title("Visit of the Foreign Minister of Japan")  # a title broken over two lines
    maker.doc.paragraphs[-1].add_run().add_break()
    maker.doc.paragraphs[-1].add_run("to Pakistan")
    maker.paragraph(
        "The Foreign Minister of Japan, Mr. Taro Kono, arrived in Islamabad",
        BREAK,
        "on 3 January 2018 for a two-day official visit.",
    )
    maker.paragraph("Spokesperson", BREAK, "4 January 2018")
    assert body(maker) == (
        "Ministry of Foreign Affairs\nGovernment of Pakistan\nIslamabad\n\n"
        "# Visit of the Foreign Minister of Japan to Pakistan\n\n"
        "The Foreign Minister of Japan, Mr. Taro Kono, arrived in Islamabad on 3 January 2018 "
        "for a two-day official visit.\n\n"
        "Spokesperson\n4 January 2018"
    )
    path = tmp_path / "arrival.docx"
    path.write_bytes(maker.save())
    assert load_document(path).publisher == "Ministry of Foreign Affairs"


def test_a_number_typed_in_superscript_is_a_marker():
    maker = WordMaker()
    paragraph = maker.paragraph("Trade fell to US$ 1.9 billion in 2013.")
    paragraph.add_run("3").font.superscript = True
    maker.paragraph("The area is 796,096 km", style=None).add_run("2").font.superscript = True
    assert body(maker) == "Trade fell to US$ 1.9 billion in 2013.³\n\nThe area is 796,096 km²"


def test_a_letterhead_in_the_page_header_tops_the_page_without_its_page_number(tmp_path):
    maker = WordMaker()
    maker.letterhead(["Ministry of Foreign Affairs", "Government of Pakistan"])
    maker.paragraph("PRESS RELEASE")
    maker.title("Foreign Secretary Meets the Ambassador of Japan")
    maker.paragraph(
        "Foreign Secretary Tehmina Janjua received the Ambassador of Japan, Mr. Takashi "
        "Kurai, at the Foreign Office on 21 February 2018."
    )
    assert body(maker) == (
        "Ministry of Foreign Affairs\n\nGovernment of Pakistan\n\nPRESS RELEASE\n\n"
        "# Foreign Secretary Meets the Ambassador of Japan\n\n"
        "Foreign Secretary Tehmina Janjua received the Ambassador of Japan, Mr. Takashi Kurai, "
        "at the Foreign Office on 21 February 2018."
    )
    path = tmp_path / "fs-meets-ambassador.docx"
    path.write_bytes(maker.save())
    assert load_document(path).publisher == "Ministry of Foreign Affairs"


def test_a_text_box_is_read_once_before_the_paragraph_it_is_anchored_in():
    maker = WordMaker()
    maker.title("Pakistan and Japan Sign Grant for Peshawar Water Supply")
    maker.text_box(
        ["Key facts", "Grant: 1.2 billion yen", "Signed: 4 January 2018"],
        anchor="The Exchange of Notes was signed at the Foreign Office in Islamabad.",
    )
    maker.paragraph("The project will serve 200,000 residents of Peshawar.")
    assert body(maker) == (
        "# Pakistan and Japan Sign Grant for Peshawar Water Supply\n\n"
        "Key facts\n\nGrant: 1.2 billion yen\n\nSigned: 4 January 2018\n\n"
        "The Exchange of Notes was signed at the Foreign Office in Islamabad.\n\n"
        "The project will serve 200,000 residents of Peshawar."
    )


def test_a_text_box_in_a_table_cell_is_read_once_in_the_cell():
    maker = WordMaker()
    table = maker.table([["Signed", "Documents"], ["4 January 2018", "Exchange of Notes"]])
    maker.text_box(["grant of 1.2 billion yen"], in_paragraph=table.cell(1, 1).paragraphs[0])
    assert body(maker) == (
        "Signed\tDocuments\n4 January 2018\tExchange of Notes grant of 1.2 billion yen"
    )


def test_a_chunk_of_html_embedded_whole_is_read_in_its_place():
    maker = WordMaker()
    maker.paragraph("Exported from the Ministry's website on 21 October 2023")
    maker.html_chunk(
        "<html><head><meta charset='utf-8'><title>Press Releases</title></head><body>"
        "<h1>Pakistan and Japan Hold Political Consultations</h1>"
        "<p>The ninth round of Pakistan-Japan political consultations was held in Tokyo on "
        "20 October 2023.</p>"
        "<p>The two sides agreed to hold the next round in Islamabad in 2024.</p>"
        "</body></html>"
    )
    maker.paragraph("Page printed for the desk file.")
    assert body(maker) == (
        "Exported from the Ministry's website on 21 October 2023\n\n"
        "# Pakistan and Japan Hold Political Consultations\n\n"
        "The ninth round of Pakistan-Japan political consultations was held in Tokyo on "
        "20 October 2023.\n\n"
        "The two sides agreed to hold the next round in Islamabad in 2024.\n\n"
        "Page printed for the desk file."
    )


def _date_control(shown: str, prompt: bool) -> object:
    """A date picker content control, filled in or still showing its prompt."""
    properties = "<w:showingPlcHdr/>" if prompt else ""
    return parse_xml(
        f"<w:sdt {nsdecls('w')}><w:sdtPr>{properties}<w:date/></w:sdtPr>"
        f"<w:sdtContent><w:r><w:t>{shown}</w:t></w:r></w:sdtContent></w:sdt>"
    )


def test_a_content_control_still_showing_its_prompt_is_no_text():
    maker = WordMaker()
    maker.paragraph("Date of issue: ")._p.append(_date_control("12 March 2019", prompt=False))
    maker.paragraph("Embargoed until: ")._p.append(
        _date_control("Click or tap to enter a date.", prompt=True)
    )
    assert body(maker) == "Date of issue: 12 March 2019\n\nEmbargoed until:"


# --- core properties ------------------------------------------------------------------------


def test_core_title_is_front_matter_only_when_the_body_has_no_heading():
    maker = WordMaker()
    maker.properties(
        title="Joint Statement on the Strategic Dialogue",
        author="Administrator",
        created=datetime(2019, 3, 12, 16, 5),
    )
    maker.paragraph("Pakistan and Japan held the strategic dialogue in Islamabad on 12 March 2019.")
    assert to_text(maker.save(), "s.docx") == (
        "---\ntitle: Joint Statement on the Strategic Dialogue\ndate-created: 2019-03-12\n---\n\n"
        "Pakistan and Japan held the strategic dialogue in Islamabad on 12 March 2019."
    )
    maker.heading("Strategic Dialogue", 1)
    assert to_text(maker.save(), "s.docx").startswith("---\ndate-created: 2019-03-12\n---\n\n")


def test_a_core_title_that_repeats_a_line_of_the_text_or_is_a_placeholder_is_left_out():
    for title in ("MINISTRY OF FOREIGN AFFAIRS", "Microsoft Word - PR 5-2018.doc", "Untitled"):
        maker = WordMaker()
        maker.properties(title=title, created=datetime(2018, 1, 4))
        maker.paragraph("Ministry of Foreign Affairs")
        maker.paragraph("Foreign Minister Receives Japanese Counterpart")
        maker.paragraph(
            "Foreign Minister Khawaja Muhammad Asif received Mr. Taro Kono on 4 January 2018."
        )
        assert to_text(maker.save(), "r.docx").startswith("---\ndate-created: 2018-01-04\n---\n\n")


def test_a_document_title_comes_from_the_core_title_without_a_heading(tmp_path):
    maker = WordMaker()
    maker.properties(
        title="Joint Statement on the Strategic Dialogue", created=datetime(2019, 3, 12)
    )
    maker.paragraph("Pakistan and Japan held the strategic dialogue in Islamabad on 12 March 2019.")
    path = tmp_path / "statement.docx"
    path.write_bytes(maker.save())
    assert load_document(path).title == "Joint Statement on the Strategic Dialogue"


def test_a_package_without_core_properties_has_no_front_matter():
    maker = WordMaker()
    maker.paragraph("The consulate in Karachi opened on 1 July 1952.")
    original = zipfile.ZipFile(io.BytesIO(maker.save()))
    stripped = io.BytesIO()
    with zipfile.ZipFile(stripped, "w", zipfile.ZIP_DEFLATED) as out:
        for info in original.infolist():
            data = original.read(info)
            if info.filename == "docProps/core.xml":
                continue
            if info.filename == "_rels/.rels":
                data = re.sub(rb"<Relationship [^>]*core-properties[^>]*/>", b"", data)
            out.writestr(info, data)
    reread = zipfile.ZipFile(io.BytesIO(stripped.getvalue()))
    assert "docProps/core.xml" not in reread.namelist()
    assert (
        to_text(stripped.getvalue(), "c.docx") == "The consulate in Karachi opened on 1 July 1952."
    )


# --- files that are not Word documents ------------------------------------------------------


def _refusal(data: bytes, tmp_path: Path, name: str = "bad.docx") -> str:
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(DocumentError) as caught:
        load_document(path)
    message = str(caught.value)
    assert "\n" not in message and message.startswith(str(path))
    return message[len(str(path)) + 2 :]


def test_a_file_that_is_not_a_zip_is_refused(tmp_path):
    assert _refusal(b"Press release, 4 January 2018.\n", tmp_path) == (
        "not a Word file (a .docx is a zip archive; this is not)"
    )


def test_a_zip_that_is_not_word_is_refused(tmp_path):
    archive = io.BytesIO()
    with zipfile.ZipFile(archive, "w") as out:
        out.writestr("release.txt", "The visit took place on 4 January 2018.")
    assert _refusal(archive.getvalue(), tmp_path) == "a zip archive, not a Word document"


def test_a_spreadsheet_named_docx_is_refused(tmp_path):
    archive = io.BytesIO()
    with zipfile.ZipFile(archive, "w") as out:
        out.writestr(
            "[Content_Types].xml",
            '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>',
        )
        out.writestr(
            "_rels/.rels",
            '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
        )
        out.writestr("xl/workbook.xml", "<workbook/>")
    assert _refusal(archive.getvalue(), tmp_path) == "a zip archive, not a Word document"


def test_a_password_protected_file_is_refused(tmp_path):
    ooxml = pytest.importorskip("msoffcrypto.format.ooxml")
    encrypted = io.BytesIO()
    ooxml.OOXMLFile(io.BytesIO(press_release())).encrypt("kono2018", encrypted)
    assert encrypted.getvalue().startswith(b"\xd0\xcf\x11\xe0")  # an OLE compound file
    assert _refusal(encrypted.getvalue(), tmp_path) == (
        "password-protected Word file; save a copy without one"
    )


def test_a_damaged_body_is_refused(tmp_path):
    original = zipfile.ZipFile(io.BytesIO(press_release()))
    damaged = io.BytesIO()
    with zipfile.ZipFile(damaged, "w") as out:
        for info in original.infolist():
            data = original.read(info)
            out.writestr(
                info, data[: len(data) // 2] if info.filename == "word/document.xml" else data
            )
    message = _refusal(damaged.getvalue(), tmp_path)
    assert message.startswith("damaged Word file (XMLSyntaxError: ")


def _rewritten(data: bytes, name: str, change) -> bytes:
    """The package `data` with part `name` passed through `change` (or added)."""
    original = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for part in original.namelist():
            content = original.read(part)
            archive.writestr(part, change(content) if part == name else content)
        if name not in original.namelist():
            archive.writestr(name, change(b""))
    return out.getvalue()


def test_a_document_without_a_body_is_refused(tmp_path):
    data = _rewritten(
        press_release(),
        "word/document.xml",
        lambda xml: xml.replace(b"<w:body>", b"<w:bodx>").replace(b"</w:body>", b"</w:bodx>"),
    )
    assert _refusal(data, tmp_path) == "damaged Word file (no document body)"


def test_a_package_that_unpacks_to_too_much_is_refused_before_it_is_read(tmp_path, monkeypatch):
    monkeypatch.setattr("chronicle.ingest.formats.docx.MAX_UNPACKED_MB", 1)
    data = _rewritten(press_release(), "word/media/padding.bin", lambda _: bytes(2 * 2**20))
    assert len(data) < 2**20 / 4  # small on disk
    assert (
        _refusal(data, tmp_path) == "unpacks to 2 MB, more than 1 MB (a zip bomb, not a document)"
    )


def test_word_97_files_stay_unsupported(tmp_path):
    assert _refusal(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504), tmp_path, "old.doc") == (
        "unsupported file type .doc"
    )


# --- end to end -----------------------------------------------------------------------------


def _chronicle(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "chronicle.cli", *args],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


def test_ingesting_a_folder_with_a_release_gives_the_events_its_sentences_state(tmp_path):
    folder = tmp_path / "releases"
    folder.mkdir()
    (folder / "2018-01-04-mofa-kono-visit.docx").write_bytes(press_release())
    (folder / "broken.docx").write_bytes(b"not a zip at all")
    database = tmp_path / "chronicle.db"
    ingest = _chronicle("--db", str(database), "ingest", str(folder), "--jobs", "1")
    assert ingest.returncode == 0, ingest.stderr
    assert "Traceback" not in ingest.stderr + ingest.stdout
    assert (
        f"{folder / 'broken.docx'}: not a Word file (a .docx is a zip archive; this is not)"
        in ingest.stderr
    )
    found = _chronicle("--db", str(database), "search", "--json", "--limit", "0")
    assert found.returncode == 0, found.stderr
    stated = {
        (event["date_start"], event["date_end"], source["text"])
        for event in json.loads(found.stdout)
        for source in event["sources"]
    }
    assert {
        (
            "2018-01-03",
            "2018-01-04",
            "The Foreign Minister of Japan, Mr. Taro Kono, paid an official visit to Pakistan from "
            "3 to 4 January 2018 at the invitation of Foreign Minister Khawaja Muhammad Asif.",
        ),
        (
            "2018-01-04",
            "2018-01-04",
            "Mr. Kono called on Prime Minister Shahid Khaqan Abbasi on 4 January 2018 and conveyed "
            "the greetings of Prime Minister Shinzo Abe.",
        ),
        (
            "2018-04-28",
            "2018-04-28",
            "The two sides will mark the 66th anniversary of the establishment of diplomatic "
            "relations on 28 April 2018.",
        ),
    } <= stated
    with sqlite3.connect(database) as db:
        row = db.execute("SELECT title, doc_date FROM documents").fetchone()
    assert row == ("Visit of the Foreign Minister of Japan to Pakistan", "2018-01-04")


def test_the_docx_gives_the_events_of_the_same_release_typed_as_text(tmp_path):
    """A .docx and the same release as a person would type it in a .txt file give the same
    dated statements: nothing is lost or added by reading Word."""
    word = tmp_path / "release.docx"
    word.write_bytes(press_release())
    typed = tmp_path / "release.txt"
    typed.write_text(
        RELEASE_TEXT.split("---\n\n", 1)[1].replace("# Visit", "Visit"), encoding="utf-8"
    )

    def statements(path: Path) -> set[tuple[str, str, str]]:
        doc = load_document(path)
        return {
            (str(m.date.date_start), str(m.date.date_end), m.sentence)
            for m in extract_mentions(doc, "h")
        }

    assert statements(word) == statements(typed)
    assert len(statements(word)) >= 8
