"""chronicle: turn a pile of documents into a searchable chronology."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"
__all__ = ["__version__", "find_dates"]

if TYPE_CHECKING:
    from chronicle.ingest.dates.finder import find_dates


def __getattr__(name: str) -> Any:
    # Lazy so that `import chronicle` stays cheap for the CLI and the TUI.
    if name == "find_dates":
        from chronicle.ingest.dates.finder import find_dates

        return find_dates
    raise AttributeError(name)
