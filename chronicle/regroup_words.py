"""What the command line and the browser say of a regroup under a new merge rule.

Plain strings, no imports: the read commands say the second one as they open a store.
"""

from __future__ import annotations


def regrouping(mentions: int) -> str:
    """That a regroup of `mentions` stored dates begins."""
    return (
        f"this version merges reports by a new rule: regrouping the {mentions:,} stored dates once"
    )


def half_regrouped(waiting: int) -> str:
    """That a regroup was stopped midway, leaving `waiting` stored dates in no event."""
    return (
        f"this chronicle is half regrouped under a new merge rule: {waiting:,} stored dates "
        "are in no event until `chronicle ingest` finishes it"
    )
