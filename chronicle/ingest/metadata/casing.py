"""Display casing: an ALL-CAPS masthead or headline line in title case, acronyms kept."""

from __future__ import annotations

_SMALL_WORDS = frozenset(
    "a an and as at but by for from in into nor of on or per the to vs via with".split()
)


_ACRONYMS = frozenset(
    "UN US USA UK EU UAE UNSC NATO ASEAN SCO SAARC CPEC BRI FDI IMF JICA ODA WTO FATF "
    "G7 G20 ISSI TDI MOFA OIC GCC IAEA NPT CTBT FMCT ISI ISPR".split()
)


def title_case(text: str) -> str:
    """Title-case an ALL-CAPS line for display; other text is returned unchanged.

    Args:
        text: e.g. "PAKISTAN-JAPAN TIES: MOVING TOWARDS A POSITIVE TRAJECTORY".

    Returns:
        e.g. "Pakistan-Japan Ties: Moving Towards a Positive Trajectory".
    """
    letters = [c for c in text if c.isalpha()]
    if not letters or any(c.islower() for c in letters):
        return text
    words = text.split(" ")
    out = []
    for index, word in enumerate(words):
        after_colon = index > 0 and words[index - 1].endswith((":", "—", "–"))
        out.append(_title_word(word, first=index == 0 or after_colon))
    return " ".join(out)


def _title_word(word: str, first: bool) -> str:
    core = word.strip("()[]\"'“”‘’:,;.!?")
    if core in _ACRONYMS:
        return word
    if not first and core.lower() in _SMALL_WORDS:
        return word.lower()
    return "-".join(part[:1].upper() + part[1:].lower() for part in word.split("-"))
