"""Which countries a sentence is about: the parties it refers to."""

from __future__ import annotations

from pathlib import Path

from chronicle.ingest.events.mentions import content_hash, extract_mentions
from chronicle.ingest.events.subjects import (
    bilateral_pair,
    recent_parties,
    with_parties,
)
from chronicle.ingest.text.document import load_document
from chronicle.model import Entities


def test_a_wire_headline_joins_its_two_countries_with_a_comma():
    assert bilateral_pair("Chile, Bolivia resume gas talks in Geneva") == ("CL", "BO")
    assert bilateral_pair("Quito, Ecuador hosts Andean summit") == ()  # one country


def test_the_two_countries_are_the_parties_and_a_city_only_adds_its_place():
    named = Entities(countries=("BR",))
    sentence = "The two countries signed a peace agreement in Brasilia in 1998."
    assert with_parties(named, sentence, ("PE", "EC")).countries == ("PE", "EC", "BR")
    assert with_parties(named, "A summit was held in Brasilia in 1998.", ("PE", "EC")) is named
    assert with_parties(named, sentence, ()) is named


def test_the_parties_are_the_documents_pair_else_the_last_two_named():
    named = [("CL", "BO", "CH"), (), ("AR",), ("BR",)]
    assert recent_parties(named, ()) == [(), ("CL", "BO"), ("CL", "BO"), ("CL", "BO")]
    assert recent_parties(named, ("CL", "BO")) == [("CL", "BO")] * 4


def test_historic_sentences_and_later_surnames_keep_the_parties(tmp_path: Path):
    path = tmp_path / "wire.txt"
    path.write_text(
        "Chile, Bolivia resume gas talks in Geneva\n\n"
        "Chilean Energy Minister Diego Pardow and his Bolivian counterpart Franklin Molina "
        "met in Geneva on 4 March 2024.\n\n"
        "The two countries broke off diplomatic relations in 1978 and signed a transit "
        "accord in Lima on May 9, 1990.\n\n"
        "Pardow said engineers would meet in Arica in June 2024.\n",
        encoding="utf-8",
    )
    doc = load_document(path)
    found = extract_mentions(doc, content_hash(doc.text))
    assert [(m.date.date_start.isoformat(), m.entities.countries[:2]) for m in found] == [
        ("2024-03-04", ("CL", "BO")),
        ("1978-01-01", ("CL", "BO")),
        ("1990-05-09", ("CL", "BO")),
        ("2024-06-01", ("CL", "BO")),
    ]
    assert found[2].entities.countries == ("CL", "BO", "PE")
    assert found[2].headline == "The two countries signed a transit accord in Lima"
