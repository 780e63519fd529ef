"""Transitional: the two names other ingest modules still import from here.

The tables that lived in this module are data now (``chronicle/data/*.csv``) and are
read through ``chronicle.lexicon``; import from there. ``country_table`` and
``CAPITALS`` stay importable until their last importers move over.
"""

from __future__ import annotations

from collections.abc import Mapping

from chronicle.lexicon import capitals, country_forms


def country_table() -> Mapping[str, str]:
    """Surface form -> ISO alpha-2 code ("" for forms that block a match)."""
    return country_forms()


def __getattr__(name: str) -> Mapping[str, str]:
    if name == "CAPITALS":  # read lazily, like the rest of the lexicon
        return capitals()
    raise AttributeError(name)
