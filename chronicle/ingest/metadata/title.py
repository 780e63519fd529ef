"""Which masthead line is the headline: a page's one top-level heading, else the line
over the byline or the date line, else the longest heading-like line that is not an
institution, a state's name, a fact-box row, a date line or a byline."""

from __future__ import annotations

import re
from collections.abc import Sequence

from chronicle.ingest.document_date import is_date_bearing
from chronicle.ingest.metadata.byline import BYLINE, EDITED_BY
from chronicle.ingest.metadata.publisher import KNOWN_OUTLETS, STATE_NAME, is_organisation
from chronicle.ingest.text.chrome import caption_stem, is_boilerplate, is_disclaimer
from chronicle.ingest.text.segment import looks_like_heading


def heading_one(lines: Sequence[str], top: Sequence[int]) -> int | None:
    """The masthead's one top-level heading ("# Title", an HTML page's h1), if it has one."""
    ones = [i for i in top if _HEADING_ONE.match(lines[i])]
    return ones[0] if len(ones) == 1 else None


_HEADING_ONE = re.compile(r"^\s{0,3}#\s+\S")


_HEADLINE_WORDS = 16


def is_headline(text: str) -> bool:
    """A headline set in title case, even one ending in "?" or "!" ("Can the Customs
    Union Be Rescued?"): most of its longer words are capitalised."""
    words = [w for w in text.split() if len(w) > 3 and w[:1].isalpha()]
    if len(text.split()) > _HEADLINE_WORDS or text.rstrip()[-1:] == "." or not words:
        return False
    return sum(w[0].isupper() for w in words) >= 0.75 * len(words)


def _title_candidates(
    texts: Sequence[str], top: Sequence[int], consumed: set[int], targets: set[str]
) -> list[int]:
    candidates = []
    for position, index in enumerate(top):
        text = texts[index]
        following = top[position + 1] if position + 1 < len(top) else None
        over_byline = following is not None and BYLINE.match(texts[following]) is not None
        heading = (
            looks_like_heading(text) or is_headline(text) or (over_byline and _long_headline(text))
        )
        if index in consumed or text.lower() in targets or not heading:
            continue
        if len(text.split()) < 2 and not any(c.isalpha() for c in text):
            continue
        if is_boilerplate(text) or is_disclaimer(text) or text[:1] in "([*\"'“‘":
            continue
        if following == index + 1 and texts[following][:1].islower():
            continue  # first line of a wrapped sentence
        if BYLINE.match(text) or EDITED_BY.match(text) or is_date_bearing(text):
            continue
        candidates.append(index)
    return candidates


def title_line(
    texts: Sequence[str], top: Sequence[int], consumed: set[int], targets: set[str]
) -> int | None:
    """The index of the title line: the longest candidate that is not an institution."""
    candidates = _title_candidates(texts, top, consumed, targets)
    plain = [
        i
        for i in candidates
        if not is_organisation(texts[i])
        and not STATE_NAME.match(texts[i])
        and not _is_field(texts, i)
        and texts[i].lower() not in KNOWN_OUTLETS
    ]
    pool = plain or candidates
    # the headline stands over its byline, else over its date line
    following = {i: texts[top[p + 1]] for p, i in enumerate(top[:-1])}
    worded = [i for i in plain if len(texts[i].split()) >= 2 and "/" not in texts[i]]
    over_byline = [i for i in worded if BYLINE.match(following.get(i, ""))]
    over_date = [i for i in worded if i != top[0] and is_date_bearing(following.get(i, ""))]
    pool = over_byline or over_date or worded or pool
    return max(pool, key=lambda i: (len(texts[i]), -i)) if pool else None


_LONG_HEADLINE = 25


def _long_headline(text: str) -> bool:
    """A sentence-case headline over a byline, however long ("The long shadow of 1980:
    how Iran and Iraq went to war, and how they made peace")."""
    return len(text.split()) <= _LONG_HEADLINE and text.rstrip()[-1:] not in ".,;:"


_FIELD = re.compile(r"^[^:]{2,40}:\s+\S")


def _is_field(texts: Sequence[str], index: int) -> bool:
    """A "Label: value" row of a fact box ("Capital: Apia"): such rows come in runs,
    where a headline with a colon ("Timeline: ...") stands alone."""
    if not _FIELD.match(texts[index]):
        return False
    neighbours = [n for n in (index - 1, index + 1) if 0 <= n < len(texts)]  # same block
    return any(_FIELD.match(texts[n]) for n in neighbours)


def pick_title(
    texts: Sequence[str], top: Sequence[int], title_index: int | None, repeats: dict[int, str]
) -> str:
    """The title line, or a longer caption that repeats the page title."""
    options = [texts[title_index]] if title_index is not None else []
    for index in top:
        stem = caption_stem(texts[index]) or repeats.get(index, "")
        if stem and looks_like_heading(stem):
            options.append(stem)
    return max(options, key=len) if options else ""
