"""Decide which mentions describe the same happening, and how events relate.

Pure functions only: the store feeds mentions in and writes the answer out.
"Same event" is a symmetric rule on two mentions, and events are the connected
components of that relation, so the result depends only on the set of mentions,
never on the order documents were ingested in. That is what makes merging both
deterministic and incremental (see `chronicle.store.writer`).

One question per module:

- `spans`: which days a mention's date covers, and how two spans relate;
- `evidence`: what two mentions have in common (words, people, countries, types);
- `rules`: `same_event`, and the rule for mentions of different documents;
- `in_document`: the rule for two mentions of one document;
- `clusters`: events as components of precise mentions, each vague one attached
  to the one it fits best;
- `drafts`: an event's speaking mention, type and date conflict;
- `state`: the totals an event's row is made of, merged without its mentions;
- `links`: one event held during another, or related to it;
- `review`: which members the merge was least sure of (the review queue's marks).

The names other layers use are re-exported here (`from chronicle import merge`).
"""

from chronicle.merge.clusters import (
    UnionFind,
    attachments,
    best_fit,
    cluster,
    components,
    fit_order,
    fitting_reports,
    group,
    kind_of,
)
from chronicle.merge.drafts import (
    PRECISION_RANK,
    EventDraft,
    best_mention,
    draft_events,
    event_type,
    has_conflict,
)
from chronicle.merge.evidence import (
    GATHERING_TYPES,
    Evidence,
    evidence,
    shared_actors,
    shared_words,
    similarity,
    words,
)
from chronicle.merge.in_document import same_happening_in_document
from chronicle.merge.links import (
    CONTAINER_TYPES,
    RELATED_DAYS,
    container_rank,
    is_part_of,
    is_related,
)
from chronicle.merge.rules import across_documents, anchors, compatible, same_event
from chronicle.merge.spans import NEAR_DAYS, PRECISE, Span, date_relation, shift, span_of
from chronicle.merge.state import EventState, combined, stand_in, state_of

__all__ = [
    "CONTAINER_TYPES",
    "GATHERING_TYPES",
    "NEAR_DAYS",
    "PRECISE",
    "PRECISION_RANK",
    "RELATED_DAYS",
    "EventDraft",
    "EventState",
    "Evidence",
    "Span",
    "UnionFind",
    "across_documents",
    "anchors",
    "attachments",
    "best_fit",
    "best_mention",
    "cluster",
    "combined",
    "compatible",
    "components",
    "container_rank",
    "date_relation",
    "draft_events",
    "event_type",
    "evidence",
    "fit_order",
    "fitting_reports",
    "group",
    "has_conflict",
    "is_part_of",
    "is_related",
    "kind_of",
    "same_event",
    "same_happening_in_document",
    "shared_actors",
    "shared_words",
    "shift",
    "similarity",
    "span_of",
    "stand_in",
    "state_of",
    "words",
]
