"""Make decoded text safe and plain: control characters out, inline markup reduced to text.

`sanitize` and `prepare_lines` remove terminal escapes and control characters and
normalise spaces and line ends, so nothing a document holds can reach the terminal as
an escape; `clean_inline` reduces the Markdown and HTML inside one paragraph to its
text. Everything else in cleaning works on the lines these give.
"""

from __future__ import annotations

import html
import re
import unicodedata

from chronicle.ingest.memo import per_document

_NEWLINES = re.compile(r"\r\n?|[\x0b\x0c\x1c-\x1e\x85\u2028]")
_PARAGRAPH_SEPARATOR = "\u2029"
_ANSI = re.compile(
    r"\x1b(?:\[[0-?]*[ -/]*[@-~]"  # CSI: colours, cursor moves
    r"|\][^\x07\x1b]*(?:\x07|\x1b\\)?"  # OSC: titles, hyperlinks
    r"|[PX^_][^\x1b]*(?:\x1b\\)?"  # DCS, SOS, PM, APC strings
    r"|[ -/]*[0-~])?"  # two- and three-character escapes
)
_CONTROLS = re.compile(
    "[\x00-\x08\x0e-\x1f\x7f-\x9f\u00ad\u200b\u200e\u200f\u202a-\u202e"
    "\u2060-\u2064\u2066-\u2069\ufeff\ufff9-\ufffb]"
)
"""C0/C1 controls (tab and newline are kept), soft hyphen, zero-width and bidi controls."""
_ODD_SPACES = re.compile("[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]")

SUPERSCRIPTS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
FROM_SUPERSCRIPT = str.maketrans(SUPERSCRIPTS, "0123456789")


def sanitize(text: str) -> str:
    """Make text safe to store and display.

    Removes ANSI escape sequences and control characters (keeping tabs and
    newlines), unifies line endings, turns exotic spaces into plain spaces and
    normalises to NFC (typographic quotes and superscript digits are kept).

    Args:
        text: Decoded document text.

    Returns:
        The sanitised text.
    """
    text = _NEWLINES.sub("\n", text).replace(_PARAGRAPH_SEPARATOR, "\n\n")
    text = _ANSI.sub("", text)
    text = _CONTROLS.sub("", text)
    text = _ODD_SPACES.sub(" ", text)
    return unicodedata.normalize("NFC", text)


def prepare_lines(text: str) -> list[str]:
    """Sanitised lines of `text`, trailing whitespace removed (leading kept)."""
    return [line.rstrip() for line in sanitize(text).split("\n")]


# --- inline markup ---------------------------------------------------------------

_HTML_COMMENT = re.compile(r"<!--.*?-->", re.S)
_AUTOLINK = re.compile(r"<((?:https?|ftp|mailto):[^<>\s]+)>")
_HTML_BREAK = re.compile(r"<br\s*/?>", re.I)
_HTML_TAG = re.compile(r"</?[A-Za-z][\w:-]*(?:\s[^<>]*)?/?>")
_SUP_TAG = re.compile(r"<sup>\s*(\d{1,3})\s*</sup>", re.I)
_ENTITY = re.compile(r"&(?:#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
_MD_IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)")
_MD_LINK = re.compile(r"\[([^\]^][^\]]*)\]\((?:[^()\s]|\([^()]*\))*(?:\s+\"[^\"]*\")?\)")
_MD_REF_LINK = re.compile(r"\[([^\]^][^\]]*)\]\[[^\]]*\]")
_MD_CODE = re.compile(r"`([^`]+)`")
_MD_EMPHASIS = re.compile(
    r"(?<![\w*\\])(\*{1,3}|_{1,3})(?![\s*_])(.{1,400}?)(?<![\s\\])\1(?![\w*])"
)
_MD_STRIKE = re.compile(r"~~(\S(?:.*?\S)?)~~")
_MD_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!$<>|~\"'])")
_EMPHASIS_DEPTH = 3
_SPACE_RUNS = re.compile(r"[ \t]+")
_SENTENCE_RUN_ON = re.compile(r"[.!?][A-Z][a-z]")
"""What `_MISSING_SPACE` restores a space in: a text without it is left as it is."""
_MISSING_SPACE = re.compile(
    r"(?P<url>(?<!\S)(?:[Ww]{3}\.|\S*://|\S*@)\S*)"  # web and mail addresses stay as written
    r"|(?P<word>\b[A-Za-z]{2,}|(?:\b[A-Za-z]\.){2,6}[A-Za-z]?)(?P<stop>[.!?])(?=[A-Z][a-z])"
)


@per_document
def clean_inline(text: str) -> str:
    """Strip inline Markdown and HTML from one paragraph and single-space it.

    Emphasis (``*The Nation*``), links, code spans, escapes (``US\\$``), tags
    (``<i>Year</i>``) and entities are reduced to their text; a missing space
    after a sentence end ("issues.In the") is restored.

    Args:
        text: One paragraph (may span joined lines).

    Returns:
        The plain paragraph.
    """
    # Each markup needs its one character: most paragraphs have none, and a test for it
    # is much cheaper than a regex scan that finds nothing.
    if "<" in text:
        text = _HTML_COMMENT.sub("", text)
        text = _SUP_TAG.sub(lambda m: m.group(1).translate(_TO_SUPERSCRIPT), text)
        text = _AUTOLINK.sub(r"\1", text)
        text = _HTML_BREAK.sub(" ", text)
        text = _HTML_TAG.sub("", text)
    if "[" in text:
        text = _MD_IMAGE.sub("", text)
        text = _MD_LINK.sub(r"\1", text)
        text = _MD_REF_LINK.sub(r"\1", text)
    if "`" in text:
        text = _MD_CODE.sub(r"\1", text)
    if "~" in text:
        text = _MD_STRIKE.sub(r"\1", text)
    for _ in range(_EMPHASIS_DEPTH if "*" in text or "_" in text else 0):
        previous, text = text, _MD_EMPHASIS.sub(r"\2", text)
        if text == previous:
            break
    if "\\" in text:
        text = _MD_ESCAPE.sub(r"\1", text)
    if "&" in text:
        text = _ENTITY.sub(lambda m: html.unescape(m.group(0)), text)
    if not text.isprintable():  # every control and odd space is unprintable; most lines have none
        text = _ODD_SPACES.sub(" ", _CONTROLS.sub("", text))
    if "  " in text or "\t" in text:
        text = _SPACE_RUNS.sub(" ", text)
    text = text.strip()
    if not _SENTENCE_RUN_ON.search(text):
        return text  # no stop right before a capitalised word: no space to restore
    return _MISSING_SPACE.sub(_restore_space, text)


_TO_SUPERSCRIPT = str.maketrans("0123456789", SUPERSCRIPTS)


def _restore_space(match: re.Match[str]) -> str:
    if match.group("url"):
        return match.group(0)
    return f"{match.group('word')}{match.group('stop')} "
