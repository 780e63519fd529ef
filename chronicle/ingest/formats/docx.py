"""Turn a Word (.docx) file into the plain-text conventions the cleaner reads.

python-docx opens the package and gives its styles, numbering, core properties and
parts; the body is walked as XML in the order its blocks stand (`docx_blocks`), each
paragraph read run by run (`docx_runs`), footnotes and endnotes read from their own
parts (`docx_notes`). The text comes out as the HTML reader's does: ``#`` headings
(the "Title" paragraph the one top-level heading), ``-``/``1.`` list items, tables as
tab-separated rows under their caption, note markers as superscript digits and the
notes at the end ("¹ ..."), under a front-matter block of the core properties.
"""

from __future__ import annotations

import io
import re
import zipfile
import zlib
from datetime import datetime

import docx
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.exceptions import PackageNotFoundError
from docx.oxml.ns import qn
from lxml import etree
from lxml.etree import _Element

from chronicle.ingest.formats.docx_blocks import Block, BodyReader
from chronicle.ingest.formats.docx_chunks import chunk_reader
from chronicle.ingest.formats.docx_lists import Numbering
from chronicle.ingest.formats.docx_notes import note_bodies, note_lines, note_parts, number_notes
from chronicle.ingest.formats.docx_runs import RunReader
from chronicle.ingest.formats.docx_styles import TITLE_LEVEL, Styles
from chronicle.ingest.text.inline import SUPERSCRIPTS
from chronicle.ingest.text.read import DocumentError

_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
"""An OLE compound file: Word 97–2003, or a .docx that Word encrypted with a password."""
_ENCRYPTED = "EncryptedPackage".encode("utf-16-le")
"""The stream an encrypted .docx keeps its package in, named in the OLE directory."""

MAX_UNPACKED_MB = 400
"""Largest total a .docx may unpack to: its parts are read whole into memory, and a
small file that claims gigabytes is a zip bomb, not a document."""

_BROKEN = (
    KeyError,
    ValueError,
    EOFError,
    zipfile.BadZipFile,
    zlib.error,
    etree.LxmlError,
    PackageNotFoundError,
    NotImplementedError,
    AttributeError,  # python-docx's element classes expect the schema's elements in place
)
"""What python-docx, zipfile and lxml raise on a damaged package."""

_META_LENGTH = 200
_SPACES = re.compile(r"\s+")
_SUPERSCRIPT_DIGITS = str.maketrans("0123456789", SUPERSCRIPTS)

NO_AUTHORS = frozenset(
    "admin administrator user owner author unknown windows user microsoft office user "
    "python-docx".split(" ")
)
"""Names Word fills in from a machine's account or a program, not a writer's name
(compared lower-cased; "windows user" and "microsoft office user" are whole names)."""


def to_text(data: bytes, name: str) -> str:
    """The text of a Word document, under a front-matter block of its core properties.

    Args:
        data: The file's bytes.
        name: How to name the file in error messages.

    Returns:
        Front matter (``title`` when it tells what the body does not, see
        `core_title`; ``author``; ``date-created``), then the body's blocks separated
        by blank lines, then its footnotes and endnotes, one "¹ ..." line each; "" when
        it holds no text.

    Raises:
        DocumentError: Not a zip, a zip that is not a Word document, a password-protected
            or Word 97–2003 file, or a package too damaged to read.
    """
    document = _open(data, name)
    try:
        body, blocks = _body_text(document, name)
        front = _front_matter(document, blocks)
    except _BROKEN as error:
        raise DocumentError(f"{name}: damaged Word file ({_reason(error)})") from None
    if not body or not front:
        return body
    return "---\n" + "".join(f"{k}: {v}\n" for k, v in front.items()) + "---\n\n" + body


def _open(data: bytes, name: str) -> docx.document.Document:
    if data.startswith(_OLE_MAGIC):
        if _ENCRYPTED in data:
            raise DocumentError(f"{name}: password-protected Word file; save a copy without one")
        raise DocumentError(f"{name}: Word 97–2003 (.doc) file named .docx; .doc is not supported")
    if not zipfile.is_zipfile(io.BytesIO(data)):
        raise DocumentError(f"{name}: not a Word file (a .docx is a zip archive; this is not)")
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            unpacked = sum(info.file_size for info in archive.infolist())
            if unpacked > MAX_UNPACKED_MB * 2**20:
                raise DocumentError(
                    f"{name}: unpacks to {unpacked // 2**20} MB, more than "
                    f"{MAX_UNPACKED_MB} MB (a zip bomb, not a document)"
                )
            if "[Content_Types].xml" not in archive.namelist():
                raise DocumentError(f"{name}: a zip archive, not a Word document")
        return docx.Document(io.BytesIO(data))
    except DocumentError:
        raise
    except _BROKEN as error:
        if "is not a Word file" in str(error):
            raise DocumentError(f"{name}: a zip archive, not a Word document") from None
        raise DocumentError(f"{name}: damaged Word file ({_reason(error)})") from None


def _reason(error: Exception) -> str:
    """A one-line reason for a damaged file: the library's message, first line only."""
    message = str(error).strip().splitlines()[0] if str(error).strip() else ""
    return f"{type(error).__name__}: {message[:120]}" if message else type(error).__name__


def _body_text(document: docx.document.Document, name: str) -> tuple[str, list[Block]]:
    """(the body's text with its notes at the end, the blocks it was written from)."""
    main = document.part
    styles = Styles(main.styles.element if _related(main, RT.STYLES) else None)
    numbering = main.numbering_part.element if _related(main, RT.NUMBERING) else None
    notes = {kind: note_bodies(root, kind) for kind, root in note_parts(main).items()}
    body = document.element.find(qn("w:body"))
    if body is None:
        raise DocumentError(f"{name}: damaged Word file (no document body)")
    numbers = number_notes(body, notes, styles)
    runs = RunReader(styles, lambda kind, note_id: numbers.get((kind, note_id), ""))
    header = _first_header(document)
    reader = BodyReader(styles, Numbering.read(numbering), runs)
    blocks = [] if header is None else reader.blocks(header)
    reader.chunk = chunk_reader(main)  # a chunk's relationship is the main part's
    blocks = [b for b in blocks if not _PAGE_NUMBER.match(b.text)] + reader.blocks(body)
    lines = [
        f"{number.translate(_SUPERSCRIPT_DIGITS)} {text}"
        for number, text in note_lines(notes, numbers, runs.text)
    ]
    return "\n\n".join([*render(blocks), *lines]), blocks


_PAGE_NUMBER = re.compile(r"^(?:page\s*)?\d{1,4}(?:\s*(?:of|/)\s*\d{1,4})?$", re.I)


def _first_header(document: docx.document.Document) -> _Element | None:
    """The header of the first page, where a ministry's letterhead often stands (its
    name, "Press Release", the number and date), read as the top of the page; None when
    the first section has none. Its page number is dropped, and footers, which hold
    addresses and page numbers, are not read."""
    sections = document.sections
    if not len(sections):
        return None
    first = sections[0]
    header = first.first_page_header if first.different_first_page_header_footer else first.header
    return None if header.is_linked_to_previous else header._element


def _related(part: docx.opc.part.Part, reltype: str) -> bool:
    """Whether `part` has a relationship of `reltype` (python-docx makes up a default part
    when asked for one that is missing)."""
    return any(rel.reltype == reltype and not rel.is_external for rel in part.rels.values())


def render(blocks: list[Block]) -> list[str]:
    """The text of each block group: headings as ``#`` lines, a run of list items as one
    group. Only a "Title" paragraph is a ``#``, the one heading the headline finder takes
    as the title whatever else the masthead holds; "Heading 1" is ``##``, as a brief's
    first section heading ("Introduction") may stand above its first paragraph, in the
    masthead, under a headline set in bold."""
    groups: list[str] = []
    for index, block in enumerate(blocks):
        if block.kind == "heading":
            groups.append("#" * min(block.level - TITLE_LEVEL + 1, 6) + " " + block.text)
        elif block.kind == "item" and index and blocks[index - 1].kind == "item":
            groups[-1] += "\n" + "  " * block.level + block.text
        elif block.kind == "item":
            groups.append("  " * block.level + block.text)
        else:
            groups.append(block.text)
    return groups


def _front_matter(document: docx.document.Document, blocks: list[Block]) -> dict[str, str]:
    """What the core properties say, under the keys the metadata reader reads (see
    `core_title` for the title), its creator (the author only when the text names none)
    unless a machine's account name, the day the
    file was created."""
    if not _related(document.part.package, RT.CORE_PROPERTIES):
        return {}
    properties = document.core_properties
    author = _one_line(properties.author)
    created = _created(properties)
    values = {
        "title": core_title(_one_line(properties.title), blocks),
        "creator": "" if author.lower() in NO_AUTHORS else author,
        "date-created": created.date().isoformat() if created else "",
    }
    return {key: value for key, value in values.items() if value}


_JUNK_TITLE = re.compile(
    r"^(?:untitled|title|document\d*|microsoft word - .*|.*\.(?:docx?|dotx?|rtf|odt|pdf|txt))$",
    re.I,
)
"""Titles programs leave in the properties: a placeholder or the file's own name."""


def core_title(title: str, blocks: list[Block]) -> str:
    """The title the properties give, when it tells what the text does not: not for a
    body with a title or heading of its own (a template's stale title must not override
    it), nor one that repeats a line of the text (Word 97–2003 filled it with the first
    line, often the letterhead; the headline finder sees those lines anyway), nor a
    placeholder."""
    if not title or _JUNK_TITLE.match(title) or any(b.kind == "heading" for b in blocks):
        return ""
    key = title.casefold()
    lines = (line.strip().casefold() for block in blocks for line in block.text.split("\n"))
    return "" if key in lines else title


def _created(properties: docx.opc.coreprops.CoreProperties) -> datetime | None:
    try:
        return properties.created
    except ValueError:  # a date python-docx cannot parse
        return None


def _one_line(value: str | None) -> str:
    text = _SPACES.sub(" ", value or "").strip()
    return text if len(text) <= _META_LENGTH else ""
