"""What unit does a table state? A line of its own under the caption ("(US$ Million)"),
the end of a caption or heading cell ("Exports (US$ m)", "Trade, US$ million"), or a
note ("Figures in Rs. billion").

A unit is kept as the table writes it, without its brackets and lead-in words, so the
reader sees what the source said; the values are never scaled by it.
"""

from __future__ import annotations

import re

_UNIT_WORD = re.compile(
    r"(?:US\$|[$€£¥₹%]|\b(?:USD|EUR|GBP|JPY|PKR|INR|CNY|Rs\.?|rupees?|dollars?|yen|euros?"
    r"|pounds?|yuan|renminbi|taka|million|mn|mln|billion|bn|thousand|'000|trillion|crores?"
    r"|lakhs?|per\s?cent|percent(?:age)?|tonnes?|tons?|barrels?|MW|GW|GWh|kWh|km|kg)\b)",
    re.I,
)
"""A word only units are made of: a currency, a magnitude, a percentage, a measure."""

_LEAD_IN = re.compile(
    r"^(?:(?:all\s+)?(?:figures|values|amounts|data)\s+(?:are\s+)?in|in|unit\s*:|units\s*:"
    r"|amount\s+in)\s+",
    re.I,
)
_MAX_UNIT_WORDS = 5
_BRACKETED = re.compile(r"^[(\[](?P<inside>[^()\[\]]+)[)\]]$")
_TRAILING = re.compile(
    r"^(?P<label>.*?\S)\s*(?:[(\[](?P<bracket>[^()\[\]]+)[)\]]|,\s+(?P<comma>[^,]+))$"
)


def as_unit(text: str) -> str:
    """`text` as a unit ("in US$ million" gives "US$ million"), or "" when it is not one:
    a few words, one of which only a unit is made of, with no sentence around them."""
    words = _LEAD_IN.sub("", text.strip().rstrip(".:")).strip()
    if not words or len(words.split()) > _MAX_UNIT_WORDS or not _UNIT_WORD.search(words):
        return ""
    if re.search(r"\d{4}", words):
        return ""  # "(2012-2017)", "in 2016 prices": a period, not a unit
    return words


def unit_line(paragraph: str) -> str:
    """The unit a line standing alone near a table states, or "": in brackets ("(US$
    Million)"), after a lead-in ("Unit: tonnes", "Figures in Rs. billion"), or made of unit
    words only ("US$ million"); "Trade (USD million)" is a caption, not a unit line."""
    text = paragraph.strip()
    if match := _BRACKETED.match(text):
        return as_unit(match["inside"])
    if _LEAD_IN.match(text) or all(_UNIT_WORD.fullmatch(w) for w in text.rstrip(".").split()):
        return as_unit(text)
    return ""


def split_unit(text: str) -> tuple[str, str]:
    """A caption or heading cell and the unit at its end: "Exports (US$ m)" gives
    ("Exports", "US$ m"), "Trade, US$ million" gives ("Trade", "US$ million"); a text
    without one comes back whole with ""."""
    match = _TRAILING.match(text.strip())
    if match:
        unit = as_unit(match["bracket"] or match["comma"])
        if unit:
            return match["label"].rstrip(" ,:–-"), unit
    return text.strip(), ""
