"""When two written names are one person: the identity key of a name and the one rule on keys.

Ingest (resolving the people of one document) and merge (people shared across
documents) both decide "same person" here, so the two can never disagree. A key is
order-free, which is what makes East Asian names written family name first ("Kishida
Fumio", "Park Jin") the same person as the same name in the other order.
"""

from __future__ import annotations

import unicodedata


def fold(text: str) -> str:
    """Lower case without accents ("Pérez" -> "perez")."""
    if text.isascii():
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def name_key(name: str) -> str:
    """Identity key of a name: its lower-case, accent-free tokens, sorted.

    "Kishida Fumio" and "Fumio Kishida" both give "fumio kishida"; "Kono" gives "kono";
    "Bhutto-Zardari" gives "bhutto zardari" (one surname written two ways).

    Args:
        name: A display name without honorifics.

    Returns:
        The key ("" for an empty name).
    """
    tokens = [t.strip(".'’") for t in fold(name).replace("-", " ").split()]
    return " ".join(sorted(t for t in tokens if t))


def same_person(a_key: str, b_key: str) -> bool:
    """Whether two keys can name the same person.

    Writers give a person's full name once and then a shorter one: the surname alone
    ("Kono" after "Taro Kono") or the name without a middle or second surname ("Bilawal
    Bhutto" beside "Bilawal Bhutto Zardari"). So equal keys match, and so does a key whose
    tokens all belong to the other's. An empty key names nobody.

    Args:
        a_key: A key from ``name_key``.
        b_key: Another key.

    Returns:
        True when the names are compatible.
    """
    if not a_key or not b_key:
        return False
    if a_key == b_key:
        return True
    a, b = set(a_key.split()), set(b_key.split())
    return a <= b or b <= a
