"""A visit's days: a stated length from a dated first or last day; arrivals and returns in it."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from chronicle.ingest.dates.finder import find_dates
from chronicle.ingest.events.mentions import content_hash, extract_mentions
from chronicle.ingest.events.visits import states_visit_length, with_stated_length
from chronicle.ingest.text.document import load_document

REFERENCE = date(2023, 6, 1)


@pytest.mark.parametrize(
    ("clause", "expected"),
    [
        (
            "3 May - the Emir begins a three-day visit to Muscat",
            (date(2023, 5, 3), date(2023, 5, 5)),
        ),
        (
            "He arrived in Hanoi on 3 May for a two-day official visit",
            (date(2023, 5, 3), date(2023, 5, 4)),
        ),
        # the dated day ends the visit: the stay is the days before it
        (
            "Ramos-Horta flew back to Dili on 3 May at the end of a four-day state visit",
            (date(2023, 4, 30), date(2023, 5, 3)),
        ),
        (
            "The Emir concluded a three-day visit to Amman on 3 May",
            (date(2023, 5, 1), date(2023, 5, 3)),
        ),
        # counts past eight, in words or digits, and lengths in weeks
        (
            "On 3 May the President began a nine-day visit to Brazil and Chile",
            (date(2023, 5, 3), date(2023, 5, 11)),
        ),
        (
            "The Chancellor returned to Berlin on 3 May at the end of a ten-day tour of Africa",
            (date(2023, 4, 24), date(2023, 5, 3)),
        ),
        (
            "The Prime Minister arrived in Tokyo on 3 May for a 12-day trip",
            (date(2023, 5, 3), date(2023, 5, 14)),
        ),
        (
            "The King concluded a two-week visit to Australia on 3 May",
            (date(2023, 4, 20), date(2023, 5, 3)),
        ),
    ],
)
def test_a_day_beginning_or_ending_a_visit_of_stated_length_dates_the_whole_visit(clause, expected):
    [match] = find_dates(clause, REFERENCE)
    stretched = with_stated_length(match, clause)
    assert (stretched.date_start, stretched.date_end, stretched.precision) == (*expected, "range")
    assert states_visit_length(clause)


@pytest.mark.parametrize(
    "clause",
    [
        # the visit is the setting of another dated event: the day stays a day
        "During his three-day visit, he met the premier on 3 May",
        "The Emir visited Muscat on 3 May",
        "A four-day strike closed the port on 3 May",
        # a length in weeks that is not a visit's
        "A two-week strike closed the port on 3 May",
        # a count too large for one visit
        "On 3 May he began a 90-day stay in Geneva",
    ],
)
def test_a_day_without_a_visit_of_stated_length_stays_a_day(clause):
    [match] = find_dates(clause, REFERENCE)
    stretched = with_stated_length(match, clause)
    assert (stretched.date_start, stretched.date_end, stretched.precision) == (
        date(2023, 5, 3),
        date(2023, 5, 3),
        "day",
    )


def mentions_of(tmp_path: Path, text: str):
    path = tmp_path / "doc.txt"
    path.write_text(text, encoding="utf-8")
    doc = load_document(path)
    return extract_mentions(doc, content_hash(doc.text))


def rows(found) -> list[tuple[str, str, str]]:
    return [(m.date.date_start.isoformat(), m.date.date_end.isoformat(), m.type) for m in found]


class TestArrivalsAndReturns:
    def test_a_return_after_a_visit_of_stated_length_is_part_of_the_visit(self, tmp_path):
        found = mentions_of(
            tmp_path,
            "Fiji and Australia\n\nFriday 10 March 2023\n\n"
            "Prime Minister Rabuka arrived in Canberra on 6 March for a three-day official "
            "visit. He returned to Suva on Thursday.\n",
        )
        assert rows(found) == [("2023-03-06", "2023-03-08", "visit")]

    def test_a_signing_at_the_end_of_a_visit_gives_the_signing_and_the_visit(self, tmp_path):
        found = mentions_of(
            tmp_path,
            "Timor-Leste and Indonesia\n\nFriday 14 June 2024\n\n"
            "President Ramos-Horta signed three agreements in Jakarta on Monday at the end "
            "of a four-day state visit. He returned to Dili on Wednesday.\n",
        )
        assert rows(found) == [
            ("2024-06-07", "2024-06-10", "visit"),
            ("2024-06-10", "2024-06-10", "agreement"),
        ]

    def test_a_return_with_no_visit_around_it_stays_an_event(self, tmp_path):
        found = mentions_of(
            tmp_path,
            "Exile\n\nFriday 14 June 2024\n\n"
            "The opposition leader returned to Dhaka on Wednesday after six years abroad.\n",
        )
        assert rows(found) == [("2024-06-12", "2024-06-12", "other")]

    def test_someone_else_arriving_during_a_visit_is_another_event(self, tmp_path):
        found = mentions_of(
            tmp_path,
            "Fiji and Australia\n\nFriday 10 March 2023\n\n"
            "Prime Minister Rabuka arrived in Canberra on 6 March for a three-day official "
            "visit. Foreign Minister Penny Wong arrived in Suva on 7 March.\n",
        )
        assert rows(found) == [
            ("2023-03-06", "2023-03-08", "visit"),
            ("2023-03-07", "2023-03-07", "visit"),
        ]

    def test_a_landing_after_a_visit_is_another_journey(self, tmp_path):
        found = mentions_of(
            tmp_path,
            "Ethiopia and Eritrea, 2018\n\n"
            "14 July 2018 - President Isaias begins a three-day visit to Ethiopia.\n\n"
            "18 July 2018 - An Ethiopian Airlines flight lands in Asmara.\n",
        )
        assert rows(found) == [
            ("2018-07-14", "2018-07-16", "visit"),
            ("2018-07-18", "2018-07-18", "other"),
        ]
