"""Build real Word (.docx) files at test time with python-docx, the way Word writes them.

python-docx writes paragraphs, styles, tables, merged cells, comments and core
properties. What it has no API for is written as the XML Word itself writes: the
footnotes and endnotes parts (separator notes, "Footnote Text" paragraphs, references in
the "Footnote Reference" style), tracked insertions and deletions, hidden runs, complex
and simple fields, and lists numbered through `w:numPr` against a definition added to
the numbering part, as Word's numbering button does.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import datetime
from xml.sax.saxutils import escape

import docx
from docx.enum.style import WD_STYLE_TYPE
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.text.paragraph import Paragraph

_W = nsdecls("w")
_ALL = " ".join(
    f'xmlns:{prefix}="{uri}"'
    for prefix, uri in docx.Document().element.nsmap.items()  # the namespaces Word declares
    if prefix in ("w", "wp", "wps", "mc", "v", "o")
)
_REVISION = 'w:author="Desk Officer" w:date="2018-01-04T09:30:00Z"'


@dataclass(frozen=True)
class Note:
    """A footnote (or, with ``end=True``, an endnote) whose reference stands here; with
    a ``mark`` ("*"), shown by that mark instead of a number."""

    text: str
    end: bool = False
    mark: str = ""


@dataclass(frozen=True)
class Inserted:
    """Text inserted with Track Changes on."""

    text: str


@dataclass(frozen=True)
class Deleted:
    """Text deleted with Track Changes on (still in the file as `w:delText`)."""

    text: str


@dataclass(frozen=True)
class Hidden:
    """Text formatted as hidden."""

    text: str


@dataclass(frozen=True)
class Field:
    """A field (``DATE``, ``PAGE``) with the text Word last showed for it; ``simple``
    writes a `w:fldSimple`, otherwise the begin/instruction/separate/end runs."""

    instruction: str
    shown: str
    simple: bool = False


@dataclass(frozen=True)
class Commented:
    """Text that carries a reviewer's comment."""

    text: str
    comment: str


BREAK = object()
"""A line break (Shift+Enter) inside a paragraph."""
TAB = object()
"""A tab character inside a paragraph."""

Piece = str | Note | Inserted | Deleted | Hidden | Field | Commented | object


class WordMaker:
    """A document being written; `save` gives its bytes."""

    def __init__(self) -> None:
        self.doc = docx.Document()
        self.notes: dict[str, list[Note]] = {"footnote": [], "endnote": []}
        self._list_ids = 100

    # --- paragraphs -------------------------------------------------------------------

    def paragraph(self, *pieces: Piece, style: str | None = None) -> Paragraph:
        """A paragraph of plain strings and the pieces above, in order."""
        paragraph = self.doc.add_paragraph(style=style)
        for piece in pieces:
            self._add(paragraph, piece)
        return paragraph

    def title(self, text: str) -> Paragraph:
        return self.doc.add_paragraph(text, style="Title")

    def heading(self, text: str, level: int = 1) -> Paragraph:
        return self.doc.add_heading(text, level=level)

    def _add(self, paragraph: Paragraph, piece: Piece) -> None:
        p = paragraph._p
        if isinstance(piece, str):
            paragraph.add_run(piece)
        elif piece is BREAK:
            paragraph.add_run().add_break()
        elif piece is TAB:
            paragraph.add_run().add_tab()
        elif isinstance(piece, Note):
            kind = "endnote" if piece.end else "footnote"
            self.notes[kind].append(piece)
            style = "EndnoteReference" if piece.end else "FootnoteReference"
            note_id = len(self.notes[kind])
            custom = ' w:customMarkFollows="1"' if piece.mark else ""
            mark = f"<w:t>{escape(piece.mark)}</w:t>" if piece.mark else ""
            p.append(
                parse_xml(
                    f'<w:r {_W}><w:rPr><w:rStyle w:val="{style}"/></w:rPr>'
                    f'<w:{kind}Reference{custom} w:id="{note_id}"/>{mark}</w:r>'
                )
            )
        elif isinstance(piece, Inserted):
            p.append(
                parse_xml(f'<w:ins {_W} w:id="{_next_id()}" {_REVISION}>{_run(piece.text)}</w:ins>')
            )
        elif isinstance(piece, Deleted):
            p.append(
                parse_xml(
                    f'<w:del {_W} w:id="{_next_id()}" {_REVISION}><w:r>'
                    f'<w:delText xml:space="preserve">{escape(piece.text)}</w:delText></w:r></w:del>'
                )
            )
        elif isinstance(piece, Hidden):
            paragraph.add_run(piece.text).font.hidden = True
        elif isinstance(piece, Field) and piece.simple:
            p.append(
                parse_xml(
                    f'<w:fldSimple {_W} w:instr=" {piece.instruction} ">{_run(piece.shown)}</w:fldSimple>'
                )
            )
        elif isinstance(piece, Field):
            for xml in (
                '<w:fldChar w:fldCharType="begin"/>',
                f'<w:instrText xml:space="preserve"> {piece.instruction} </w:instrText>',
                '<w:fldChar w:fldCharType="separate"/>',
                f'<w:t xml:space="preserve">{escape(piece.shown)}</w:t>',
                '<w:fldChar w:fldCharType="end"/>',
            ):
                p.append(parse_xml(f"<w:r {_W}>{xml}</w:r>"))
        elif isinstance(piece, Commented):
            run = paragraph.add_run(piece.text)
            self.doc.add_comment(run, text=piece.comment, author="Desk Officer", initials="DO")
        else:
            raise TypeError(f"not a piece: {piece!r}")

    def letterhead(self, lines: list[str], page_number: bool = True) -> None:
        """The page header as ministries set their letterhead: its lines, then "Page" and
        a PAGE field on the right."""
        header = self.doc.sections[0].header
        header.is_linked_to_previous = False
        header.paragraphs[0].text = lines[0]
        for line in lines[1:]:
            header.add_paragraph(line)
        if page_number:
            self._add(header.add_paragraph("Page "), Field("PAGE", "1"))

    def text_box(
        self, lines: list[str], anchor: str = "", in_paragraph: Paragraph | None = None
    ) -> Paragraph:
        """A floating text box holding `lines`, anchored in a new paragraph of text
        `anchor` (or at the end of `in_paragraph`), written as Word 2010 and later write one: the drawing
        (`wps:txbx`) and, for older readers, its VML copy (`v:textbox`), both in one
        `mc:AlternateContent`."""
        content = "".join(f"<w:p>{_run(line)}</w:p>" for line in lines)
        box_id = _next_id()
        drawing = (
            f'<wp:anchor distT="0" distB="0" distL="114300" distR="114300" simplePos="0" '
            f'relativeHeight="{box_id}" behindDoc="0" locked="0" layoutInCell="1" allowOverlap="1">'
            '<wp:simplePos x="0" y="0"/><wp:positionH relativeFrom="column"><wp:posOffset>0'
            '</wp:posOffset></wp:positionH><wp:positionV relativeFrom="paragraph"><wp:posOffset>0'
            '</wp:posOffset></wp:positionV><wp:extent cx="2743200" cy="914400"/>'
            '<wp:effectExtent l="0" t="0" r="0" b="0"/><wp:wrapSquare wrapText="bothSides"/>'
            f'<wp:docPr id="{box_id}" name="Text Box {box_id}"/><wp:cNvGraphicFramePr/>'
            '<a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">'
            '<a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">'
            '<wps:wsp><wps:cNvSpPr txBox="1"/><wps:spPr><a:xfrm><a:off x="0" y="0"/>'
            '<a:ext cx="2743200" cy="914400"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/>'
            f"</a:prstGeom></wps:spPr><wps:txbx><w:txbxContent>{content}</w:txbxContent></wps:txbx>"
            '<wps:bodyPr rot="0" vert="horz" wrap="square" anchor="t" anchorCtr="0"/></wps:wsp>'
            "</a:graphicData></a:graphic></wp:anchor>"
        )
        fallback = (
            f'<v:shapetype id="_x0000_t{box_id}" coordsize="21600,21600" o:spt="202" '
            'path="m,l,21600r21600,l21600,xe"/>'
            f'<v:shape id="Text Box {box_id}" o:spid="_x0000_s{box_id}" type="#_x0000_t{box_id}" '
            'style="position:absolute;width:216pt;height:72pt;z-index:1" filled="f" stroked="t">'
            f"<v:textbox><w:txbxContent>{content}</w:txbxContent></v:textbox></v:shape>"
        )
        box = parse_xml(
            f'<w:r {_ALL}><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing>'
            f"{drawing}</w:drawing></mc:Choice><mc:Fallback><w:pict>{fallback}</w:pict>"
            "</mc:Fallback></mc:AlternateContent></w:r>"
        )
        paragraph = in_paragraph or self.doc.add_paragraph()
        paragraph._p.append(box)
        if anchor:
            paragraph.add_run(anchor)
        return paragraph

    def html_chunk(self, html: str) -> None:
        """A chunk of HTML embedded whole (`w:altChunk`), as a site's "Export to Word"
        writes a page: the HTML in a part of its own, the body only pointing to it."""
        self._list_ids += 1
        part = Part(
            PackURI(f"/word/afchunk{self._list_ids}.htm"),
            "text/html",
            html.encode("utf-8"),
            self.doc.part.package,
        )
        relationship_id = self.doc.part.relate_to(part, RT.A_F_CHUNK)
        chunk = parse_xml(f'<w:altChunk {nsdecls("w", "r")} r:id="{relationship_id}"/>')
        self.doc.element.body.sectPr.addprevious(chunk)

    # --- lists ------------------------------------------------------------------------

    def numbered(self, items: list[str | tuple[int, str]], number_format: str = "decimal") -> None:
        """A list numbered as Word's numbering button does: "List Paragraph" style, a
        `w:numPr` on each item, and a new list definition in the numbering part. An item
        given as (level, text) is nested, numbered a), b) under its parent."""
        num_id = self._new_list(number_format)
        for item in items:
            level, text = item if isinstance(item, tuple) else (0, item)
            paragraph = self.doc.add_paragraph(text, style="List Paragraph")
            num_pr = paragraph._p.get_or_add_pPr().get_or_add_numPr()
            num_pr.get_or_add_ilvl().val = level
            num_pr.get_or_add_numId().val = num_id

    def bulleted(self, items: list[str]) -> None:
        """A bulleted list in the "List Bullet" style, whose definition numbers it."""
        for text in items:
            self.doc.add_paragraph(text, style="List Bullet")

    def _new_list(self, number_format: str) -> int:
        self._list_ids += 1
        list_id = self._list_ids
        numbering = self.doc.part.numbering_part.element
        abstract = parse_xml(
            f'<w:abstractNum {_W} w:abstractNumId="{list_id}">'
            '<w:multiLevelType w:val="hybridMultilevel"/>'
            f'<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="{number_format}"/>'
            '<w:lvlText w:val="%1."/><w:lvlJc w:val="left"/>'
            '<w:pPr><w:ind w:left="720" w:hanging="360"/></w:pPr></w:lvl>'
            '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/>'
            '<w:lvlText w:val="%2)"/><w:lvlJc w:val="left"/>'
            '<w:pPr><w:ind w:left="1440" w:hanging="360"/></w:pPr></w:lvl>'
            "</w:abstractNum>"
        )
        first_num = numbering.find(qn("w:num"))
        if first_num is None:
            numbering.append(abstract)
        else:
            first_num.addprevious(abstract)  # every abstractNum stands before the nums
        numbering.append(
            parse_xml(
                f'<w:num {_W} w:numId="{list_id}"><w:abstractNumId w:val="{list_id}"/></w:num>'
            )
        )
        return list_id

    # --- tables -----------------------------------------------------------------------

    def table(self, rows: list[list[str]], caption: str = "", caption_below: bool = False):
        """A table in the "Table Grid" style, with its caption paragraph ("Caption" style)
        above it or below it. Returns the python-docx table (to merge cells)."""
        if caption and not caption_below:
            self.doc.add_paragraph(caption, style="Caption")
        table = self.doc.add_table(rows=len(rows), cols=len(rows[0]))
        table.style = "Table Grid"
        for cells, row in zip(rows, table.rows, strict=True):
            for text, cell in zip(cells, row.cells, strict=True):
                cell.text = text
        if caption and caption_below:
            self.doc.add_paragraph(caption, style="Caption")
        return table

    # --- properties and saving --------------------------------------------------------

    def properties(
        self, title: str = "", author: str = "", created: datetime | None = None
    ) -> None:
        core = self.doc.core_properties
        core.title, core.author, core.last_modified_by = title, author, author
        if created is not None:
            core.created = core.modified = created

    def save(self) -> bytes:
        for kind, texts in self.notes.items():
            if texts:
                self._notes_part(kind, texts)
        out = io.BytesIO()
        self.doc.save(out)
        return out.getvalue()

    def _notes_part(self, kind: str, texts: list[Note]) -> None:
        """The footnotes or endnotes part as Word writes it: the separator and
        continuation separator first (ids -1 and 0), then each note, its number drawn by
        `w:{kind}Ref` in the reference style and a space before its text."""
        label = kind.capitalize()
        self._note_styles(label)
        notes = [
            f'<w:{kind} w:type="separator" w:id="-1"><w:p><w:pPr><w:spacing w:after="0" '
            f'w:line="240" w:lineRule="auto"/></w:pPr><w:r><w:separator/></w:r></w:p></w:{kind}>',
            f'<w:{kind} w:type="continuationSeparator" w:id="0"><w:p><w:pPr><w:spacing '
            'w:after="0" w:line="240" w:lineRule="auto"/></w:pPr><w:r><w:continuationSeparator/>'
            f"</w:r></w:p></w:{kind}>",
        ]
        for number, note in enumerate(texts, start=1):
            # Word draws the number with w:{kind}Ref; a note with its own mark has the mark
            shown = f"<w:t>{escape(note.mark)}</w:t>" if note.mark else f"<w:{kind}Ref/>"
            notes.append(
                f'<w:{kind} w:id="{number}"><w:p><w:pPr><w:pStyle w:val="{label}Text"/></w:pPr>'
                f'<w:r><w:rPr><w:rStyle w:val="{label}Reference"/></w:rPr>{shown}</w:r>'
                f'<w:r><w:t xml:space="preserve"> </w:t></w:r>{_run(note.text)}</w:p></w:{kind}>'
            )
        xml = f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:{kind}s {_W}>{"".join(notes)}</w:{kind}s>'
        content_type = CT.WML_FOOTNOTES if kind == "footnote" else CT.WML_ENDNOTES
        reltype = RT.FOOTNOTES if kind == "footnote" else RT.ENDNOTES
        part = Part(
            PackURI(f"/word/{kind}s.xml"), content_type, xml.encode(), self.doc.part.package
        )
        self.doc.part.relate_to(part, reltype)

    def _note_styles(self, label: str) -> None:
        styles = self.doc.styles
        names = {style.name for style in styles}
        if f"{label} Text" not in names:
            text = styles.add_style(f"{label} Text", WD_STYLE_TYPE.PARAGRAPH)
            text.base_style = styles["Normal"]
            text.font.size = docx.shared.Pt(10)
        if f"{label} Reference" not in names:
            styles.add_style(f"{label} Reference", WD_STYLE_TYPE.CHARACTER).font.superscript = True


_ids = iter(range(1000, 10**6))


def _next_id() -> int:
    return next(_ids)


def _run(text: str) -> str:
    return f'<w:r><w:t xml:space="preserve">{escape(text)}</w:t></w:r>'


# --- the documents the tests read ---------------------------------------------------------

RELEASE_CREATED = datetime(2018, 1, 4, 7, 45)
"""When the desk officer's file was created (before the day's talks)."""


def press_release() -> bytes:
    """A foreign ministry's press release on a visit, laid out as such releases are: the
    ministry's name, "PRESS RELEASE" and the release number with the date set off by a
    tab, a headline in the Title style, the talks, a numbered list of the documents
    signed, a trade table under its caption with its source line, two footnotes, and the
    place and date at the foot."""
    maker = WordMaker()
    maker.properties(title="Press release draft", author="Saima Qureshi", created=RELEASE_CREATED)
    maker.paragraph("Ministry of Foreign Affairs")
    maker.paragraph("Government of Pakistan")
    maker.paragraph("PRESS RELEASE")
    maker.paragraph("No. 5/2018", TAB, "4 January 2018")
    maker.title("Visit of the Foreign Minister of Japan to Pakistan")
    maker.paragraph(
        "The Foreign Minister of Japan, Mr. Taro Kono, paid an official visit to Pakistan "
        "from 3 to 4 January 2018 at the invitation of Foreign Minister Khawaja Muhammad "
        "Asif. It was the first visit to Pakistan by a Foreign Minister of Japan since "
        "October 2009.",
        Note("Foreign Minister Katsuya Okada visited Islamabad on 12 October 2009."),
    )
    maker.paragraph(
        "The two Foreign Ministers held delegation-level talks at the Foreign Office in "
        "Islamabad on 4 January 2018, followed by a working lunch. They reviewed bilateral "
        "relations, regional security and the situation in Afghanistan."
    )
    maker.paragraph(
        "Mr. Kono called on Prime Minister Shahid Khaqan Abbasi on 4 January 2018 and "
        "conveyed the greetings of Prime Minister Shinzo Abe."
    )
    maker.heading("Documents signed", level=1)
    maker.paragraph(
        "In the presence of the two Foreign Ministers, the following documents were signed "
        "on 4 January 2018:"
    )
    maker.numbered(
        [
            "Exchange of Notes on a Japanese grant of 1.2 billion yen for the Peshawar "
            "water supply project.",
            "Memorandum of Cooperation on counter-terrorism capacity building.",
            "Record of Discussions on a scholarship programme for Pakistani civil servants.",
        ]
    )
    maker.heading("Trade", level=1)
    maker.paragraph(
        "The Foreign Ministers noted that bilateral trade has stood at about US$ 2 billion "
        "a year since 2012.",
        Note("IMF, Direction of Trade Statistics, 2017; see Table 1."),
        " They agreed to hold the next round of the Pakistan-Japan Strategic Dialogue in "
        "Tokyo in 2018.",
    )
    maker.table(
        [
            ["Year", "Exports", "Imports", "Total"],
            ["2012", "389", "1,860", "2,249"],
            ["2013", "431", "1,561", "1,992"],
            ["2014", "302", "1,773", "2,075"],
            ["2015", "236", "1,842", "2,078"],
            ["2016", "171.2", "1,961.4", "2,132"],
        ],
        caption="Table 1: Pakistan's trade with Japan (US$ million)",
    )
    maker.paragraph("Source: IMF, Direction of Trade Statistics, 2016 and 2017.")
    maker.paragraph(
        "The two sides will mark the 66th anniversary of the establishment of diplomatic "
        "relations on 28 April 2018."
    )
    maker.paragraph("Islamabad")
    maker.paragraph("4 January 2018")
    return maker.save()
