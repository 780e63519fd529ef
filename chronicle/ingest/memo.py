"""Remember the answers of pure functions that several passes over one document ask
of the same lines, for the whole document, however long it is.

A bounded LRU cache forgets a long document's first lines before the next pass over
it comes back to them, so each pass computes them again: a document of more lines than
the cache holds read about seven times slower per line. A function decorated
`per_document` keeps every answer until the document is done; `after_document` then
empties the caches that grew past `KEPT`, so what one document's lines cost in memory
is given back and the lines many documents share (a site's menu) stay remembered.
A function decorated `this_document` reads sentences, which documents hardly ever
share: its answers are all forgotten when the next document is read.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import ParamSpec, TypeVar

P = ParamSpec("P")
R = TypeVar("R")

KEPT = 16384
"""Answers a cache keeps from one document to the next."""

_CACHES: list[functools._lru_cache_wrapper] = []
_SENTENCE_CACHES: list[functools._lru_cache_wrapper] = []


def per_document(function: Callable[P, R]) -> Callable[P, R]:
    """`function` with its answers kept for the rest of the document."""
    cached = functools.lru_cache(maxsize=None)(function)
    _CACHES.append(cached)
    return cached


def this_document(function: Callable[P, R]) -> Callable[P, R]:
    """`function` with its answers kept until the next document is read."""
    cached = functools.lru_cache(maxsize=None)(function)
    _SENTENCE_CACHES.append(cached)
    return cached


def after_document() -> None:
    """Empty the caches that one document filled past `KEPT` answers, and those of
    `this_document`."""
    for cached in _CACHES:
        if cached.cache_info().currsize > KEPT:
            cached.cache_clear()
    for cached in _SENTENCE_CACHES:
        cached.cache_clear()
