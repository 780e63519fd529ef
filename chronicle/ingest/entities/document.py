"""One document's people resolved: every name a person goes by mapped to one actor.

``resolve_actors`` maps "Kono" to "Kono Taro" when the document names one such person;
``apply_resolution`` puts the resolved actors back into a sentence's entities.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from chronicle.model import Actor, Entities


def _merge(actors: list[Actor]) -> tuple[str, str]:
    """Best role and country of a group of mentions of one person."""
    roles = [a.role for a in actors if a.role]
    role = max(roles, key=len) if roles else ""
    country = next((a.country for a in actors if a.country), "")
    return role, country


def resolve_actors(actors: Iterable[Actor]) -> dict[str, Actor]:
    """Resolve the actors of one document: every key seen -> its canonical actor.

    Each key is mapped to the largest key in the document that contains its tokens
    ("kono" -> "kono taro"), when that largest key is unique; otherwise it stays alone.
    The canonical actor takes the fullest name, the longest role among the full-name
    mentions (else among all), and the first country stated. Names keep the order they
    are written in: "Park Jin" stays "Park Jin" beside "Park", and of "Kishida Fumio" and
    "Fumio Kishida" (one key) the form written first is shown.

    Args:
        actors: Every actor of every sentence of one document, in order.

    Returns:
        Mapping from each input key to its resolved Actor.
    """
    by_key: dict[str, list[Actor]] = {}
    for actor in actors:
        if actor.key:
            by_key.setdefault(actor.key, []).append(actor)
    keys = list(by_key)
    holding = _keys_by_token(keys)
    target: dict[str, str] = {}
    for key in keys:
        # the longer names this one can be short for ("kono" in "kono taro")
        supers = [k for k in _holding_all(key, holding) if len(k.split()) > len(key.split())]
        maximal = [k for k in supers if not any(set(k.split()) < set(o.split()) for o in supers)]
        target[key] = maximal[0] if len(maximal) == 1 else key
    groups: dict[str, list[str]] = {}
    for key, canonical in target.items():
        groups.setdefault(canonical, []).append(key)
    resolved: dict[str, Actor] = {}
    for canonical, members in groups.items():
        full = by_key[canonical]
        everyone = [a for m in members for a in by_key[m]]
        role = _merge(full)[0] or _merge(everyone)[0]
        country = _merge(full)[1] or _merge(everyone)[1]
        name = max((a.name for a in full), key=len)
        actor = Actor(name=name, key=canonical, role=role, country=country)
        for member in members:
            resolved[member] = actor
    return resolved


def _keys_by_token(keys: Iterable[str]) -> dict[str, list[str]]:
    """Each name token -> the keys holding it, in document order."""
    holding: dict[str, list[str]] = {}
    for key in keys:
        for token in dict.fromkeys(key.split()):
            holding.setdefault(token, []).append(key)
    return holding


def _holding_all(key: str, holding: Mapping[str, list[str]]) -> list[str]:
    """The keys holding every token of `key` (the names `same_person` lets it be short
    for), looked up by its rarest token so a long document's many names are not all
    compared with each other."""
    tokens = set(key.split())
    rarest = min(tokens, key=lambda t: len(holding[t]))
    return [k for k in holding[rarest] if tokens <= set(k.split())]


def apply_resolution(entities: Entities, resolved: Mapping[str, Actor]) -> Entities:
    """Replace a sentence's actors by their resolved forms, deduplicated by key.

    Args:
        entities: Entities of one sentence.
        resolved: The mapping from ``resolve_actors``.

    Returns:
        New Entities with the same countries and organisations.
    """
    actors: dict[str, Actor] = {}
    for actor in entities.actors:
        final = resolved.get(actor.key, actor)
        actors.setdefault(final.key, final)
    return Entities(
        actors=tuple(actors.values()),
        countries=entities.countries,
        organisations=entities.organisations,
    )
