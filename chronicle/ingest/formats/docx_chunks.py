"""The text of a chunk embedded whole in a Word document (`w:altChunk`).

A web page saved through a site's "Export to Word", or a document a program assembled
from HTML, keeps its content as an HTML (or plain-text) part that Word converts when it
opens the file; the body then holds only a reference to that part. Such a chunk is read
by the web-page reader, without the front matter it would add, so the document has the
text Word would show. Other kinds (RTF, MHT, another .docx) are left out.
"""

from __future__ import annotations

from collections.abc import Callable

from docx.opc.part import Part

from chronicle.ingest.text.read import DocumentError, decode_bytes

_HTML = frozenset({"text/html", "application/xhtml+xml"})
_PLAIN = "text/plain"


def chunk_reader(main: Part) -> Callable[[str], str]:
    """A function giving the text of the chunk a relationship id of `main` names ("" for
    a chunk that is missing, empty or of a kind not read)."""

    def read(relationship_id: str) -> str:
        rel = main.rels.get(relationship_id)
        if rel is None or rel.is_external:
            return ""
        part = rel.target_part
        if part.content_type not in _HTML and part.content_type != _PLAIN:
            return ""
        try:
            text, _ = decode_bytes(part.blob, str(part.partname))
        except DocumentError:  # an empty or undecodable chunk holds nothing to read
            return ""
        if part.content_type == _PLAIN:
            return text.strip()
        from chronicle.ingest.formats.html import html_to_text  # trafilatura: load on use

        return _without_front_matter(html_to_text(text)).strip()

    return read


def _without_front_matter(text: str) -> str:
    if text.startswith("---\n") and (end := text.find("\n---\n", 3)) != -1:
        return text[end + len("\n---\n") :]
    return text
