"""Who wrote a document: the byline ("By NAME", a line of names over the date), the
editor's line, and a person's name without honorifics or trailing role."""

from __future__ import annotations

import re
from collections.abc import Sequence

from chronicle.ingest.document_date import (
    NAME_BEFORE,
    is_date_bearing,
    name_and_date,
    parse_date_line,
)
from chronicle.ingest.text.segment import looks_like_heading

BYLINE = re.compile(r"^(?:by|written by|author|authors|authored by)\s*:?\s*(?P<name>.*)$", re.I)


EDITED_BY = re.compile(
    r"^(?:edited|compiled|reviewed|translated)\s+by\b\s*:?\s*(?P<name>.*)$", re.I
)


_HONORIFIC = re.compile(
    r"^(?:dr|prof|professor|mr|mrs|ms|miss|h\.e|amb|ambassador|gen|lt|col|brig|maj|capt|"
    r"sen|senator|rev|sir|dame|engr|hon)\.?\s+|^\(retd?\.?\)\s*",
    re.I,
)


def clean_name(text: str) -> str:
    """A person's name without honorifics or trailing role ("Dr X, Director" -> "X")."""
    name = _strip_honorifics(text.strip())
    name = re.split(r",|\s[-–—|]\s|\s\(", name, maxsplit=1)[0].strip()
    return _strip_honorifics(name).strip(" .")


def _strip_honorifics(name: str) -> str:
    previous = None
    while previous != name:
        previous, name = name, _HONORIFIC.sub("", name).strip()
    return name


def find_author(texts: Sequence[str], top: Sequence[int]) -> tuple[str, set[int]]:
    """The author named in a byline, and the byline's lines (name, roles)."""
    for position, index in enumerate(top):
        match = BYLINE.match(texts[index])
        if not match:
            continue
        name = match.group("name").strip()
        used = {index}
        rest = top[position + 1 :]
        if not name and rest:
            name = texts[rest[0]]
            used.add(rest[0])
            rest = rest[1:]
        # role lines directly under the name, in the same block
        last = max(used)
        for following in rest:
            if following != last + 1 or not looks_like_heading(texts[following]):
                break
            if len(texts[following].split()) > 4 or parse_date_line(texts[following]):
                break
            used.add(following)
            last = following
        author = clean_name(name)
        if author and len(author.split()) <= 6:
            return author, used
    return "", set()


def edited_by_lines(texts: Sequence[str], top: Sequence[int]) -> set[int]:
    for position, index in enumerate(top):
        match = EDITED_BY.match(texts[index])
        if match:
            used = {index}
            if not match.group("name").strip() and position + 1 < len(top):
                used.add(top[position + 1])
            return used
    return set()


_NAMES = re.compile(
    r"^[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){1,3}"
    r"(?:(?:,\s*|\s+and\s+|\s*&\s*)[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){1,3})+$"
)
"""Two or more people's names and nothing else: "Ama Owusu and Li Na"."""


def unlabelled_byline(texts: Sequence[str], top: Sequence[int]) -> int | None:
    """A line of authors' names without "By", standing over the date line."""
    for position, index in enumerate(top[:-1]):
        if _NAMES.match(texts[index]) and is_date_bearing(texts[top[position + 1]]):
            return index
    return None


def dated_author(line: str) -> str:
    """The author of a byline without "By", a name then the date ("Aigerim Sadykova
    |16.05.2023 - Update : 16.05.2023" -> "Aigerim Sadykova"); "" for any other line."""
    match = NAME_BEFORE.match(line)
    return clean_name(match.group("name")) if match and name_and_date(line) else ""
