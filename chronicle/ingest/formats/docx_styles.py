"""What a Word paragraph's style says it is: a title, a heading of some level, a list item
or a caption, and whether a run's text is hidden.

Word stores these on the paragraph itself or on its style, which may inherit them from
the style it is based on ("MOFA Headline" based on "Heading 1"); built-in styles keep
their English names ("heading 1") whatever the language of Word that wrote the file.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from docx.oxml.ns import qn
from lxml.etree import _Element

_MAX_CHAIN = 20
"""Styles followed up a based-on chain; a file whose chain loops stops here."""

_HEADING_NAME = re.compile(r"^heading ([1-9])$")
_BODY_OUTLINE = 9
"""`w:outlineLvl` 9 is body text; 0–8 are heading levels 1–9."""

_OFF = frozenset({"0", "false", "off", "none"})
_VAL = qn("w:val")

_PPR, _RPR, _OUTLINE, _NUM_PR, _RSTYLE, _PSTYLE = (
    qn(tag) for tag in ("w:pPr", "w:rPr", "w:outlineLvl", "w:numPr", "w:rStyle", "w:pStyle")
)

TITLE_LEVEL = 0
"""The heading level of a paragraph styled "Title": above every "Heading 1"."""


def val(element: _Element | None, default: str = "") -> str:
    """An element's `w:val`, or `default` when it or the attribute is missing."""
    if element is None:
        return default
    return element.get(_VAL, default)


def is_on(rpr: _Element | None, tag: str) -> bool:
    """Whether a run property (`w:vanish`, ...) is set in `rpr` and not switched off."""
    flag = rpr.find(qn(tag)) if rpr is not None else None
    return flag is not None and val(flag, "1").lower() not in _OFF


@dataclass(frozen=True, slots=True)
class ListRef:
    """Which list a paragraph belongs to: a `w:num` id and the nesting level in it."""

    num_id: str
    level: int


@dataclass(frozen=True, slots=True)
class _Facts:
    """What a style and the styles it is based on say, worked out once per style."""

    names: tuple[str, ...] = ()
    heading: int | None = None
    list_ref: ListRef | None = None
    hidden: bool = False


class Styles:
    """The document's styles by id, read through their based-on chains."""

    def __init__(self, styles_element: _Element | None) -> None:
        self._by_id: dict[str, _Element] = {}
        self._facts: dict[str, _Facts] = {}
        if styles_element is not None:
            for style in styles_element.iterfind(qn("w:style")):
                self._by_id.setdefault(style.get(qn("w:styleId"), ""), style)

    def chain(self, style_id: str) -> list[_Element]:
        """The style and the styles it is based on, nearest first."""
        found: list[_Element] = []
        while style_id and len(found) < _MAX_CHAIN:
            style = self._by_id.get(style_id)
            if style is None or style in found:
                break
            found.append(style)
            style_id = val(style.find(qn("w:basedOn")))
        return found

    def facts(self, style_id: str) -> _Facts:
        """The names, heading level, list and hiding a style gives, nearest style first."""
        if style_id not in self._facts:
            chain = self.chain(style_id)
            self._facts[style_id] = _Facts(
                names=tuple(val(s.find(qn("w:name"))).lower() for s in chain),
                heading=next((h for s in chain if (h := _style_heading(s)) is not None), None),
                list_ref=next((r for s in chain if (r := _style_list(s)) is not None), None),
                hidden=any(is_on(s.find(_RPR), "w:vanish") for s in chain),
            )
        return self._facts[style_id]

    def names(self, ppr: _Element | None) -> tuple[str, ...]:
        """The lower-cased names of a paragraph's style chain ("caption", "toc 1", ...)."""
        return self.facts(paragraph_style(ppr)).names

    def heading_level(self, ppr: _Element | None) -> int | None:
        """`TITLE_LEVEL` for a title, 1–9 for a heading, None for any other paragraph."""
        own = ppr.find(_OUTLINE) if ppr is not None else None
        if own is not None:
            return _outline(own)
        return self.facts(paragraph_style(ppr)).heading

    def list_ref(self, ppr: _Element | None) -> ListRef | None:
        """The list a paragraph is an item of, by its own numbering or its style's."""
        own = ppr.find(_NUM_PR) if ppr is not None else None
        if own is not None:
            return _list_ref(own)
        return self.facts(paragraph_style(ppr)).list_ref

    def is_hidden(self, rpr: _Element | None) -> bool:
        """Whether a run is hidden text, by its own properties or its character style's."""
        if rpr is None:
            return False
        return is_on(rpr, "w:vanish") or self.facts(val(rpr.find(_RSTYLE))).hidden


def _style_heading(style: _Element) -> int | None:
    """The heading level one style gives by its name or outline level, else None."""
    name = val(style.find(qn("w:name"))).lower()
    if name == "title":
        return TITLE_LEVEL
    if match := _HEADING_NAME.match(name):
        return int(match.group(1))
    ppr = style.find(_PPR)
    outline = ppr.find(_OUTLINE) if ppr is not None else None
    return _outline(outline) if outline is not None else None


def _style_list(style: _Element) -> ListRef | None:
    ppr = style.find(_PPR)
    num_pr = ppr.find(_NUM_PR) if ppr is not None else None
    return _list_ref(num_pr) if num_pr is not None else None


def paragraph_style(ppr: _Element | None) -> str:
    """The style id a paragraph names ("" for the default style)."""
    return val(ppr.find(_PSTYLE)) if ppr is not None else ""


def _outline(element: _Element) -> int | None:
    try:
        level = int(val(element, str(_BODY_OUTLINE)))
    except ValueError:
        return None
    return level + 1 if 0 <= level < _BODY_OUTLINE else None


def _list_ref(num_pr: _Element) -> ListRef | None:
    """The list of a `w:numPr`; None for `w:numId` 0, which takes a style's numbering off."""
    num_id = val(num_pr.find(qn("w:numId")))
    if not num_id or num_id == "0":
        return None
    try:
        level = int(val(num_pr.find(qn("w:ilvl")), "0"))
    except ValueError:
        level = 0
    return ListRef(num_id, min(max(level, 0), 8))
