"""From a cleaned document to mentions: datelines, coordinated dates, anchoring dates."""

from __future__ import annotations

from pathlib import Path

import pytest

from chronicle.ingest.events.mentions import content_hash, dateline_length, extract_mentions
from chronicle.ingest.events.subjects import bilateral_pair
from chronicle.ingest.text.document import load_document


def mentions_of(tmp_path: Path, text: str, name: str = "doc.txt"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    doc = load_document(path)
    return extract_mentions(doc, content_hash(doc.text))


@pytest.mark.parametrize(
    ("sentence", "rest"),
    [
        ("Islamabad, 26 July 2022 (TDI): Pakistan’s minister met", "Pakistan’s minister met"),
        ("Islamabad, 3 March 2023 — The talks were held", "The talks were held"),
        ("NEW DELHI, Jan. 5: Talks began", "Talks began"),
        (
            "Pakistan, Japan and China met.",
            "Pakistan, Japan and China met.",
        ),  # no date: no dateline
        ("However, in 2019 relations grew.", "However, in 2019 relations grew."),
    ],
)
def test_dateline_length(sentence, rest):
    assert sentence[dateline_length(sentence) :] == rest


class TestDatelines:
    def test_a_dateline_does_not_date_an_event_the_sentence_dates_itself(self, tmp_path):
        found = mentions_of(
            tmp_path,
            "Consultations\n\nIslamabad, 3 March 2023 — The Fourth Japan-Pakistan Consultations "
            "were held in Tokyo on March 2, 2023.\n",
        )
        assert [(m.date.date_start.isoformat(), m.type) for m in found] == [
            ("2023-03-02", "dialogue")
        ]
        assert "Islamabad, —" not in found[0].headline and "3 March" not in found[0].headline

    def test_a_dateline_alone_dates_the_news(self, tmp_path):
        found = mentions_of(
            tmp_path,
            "Islamabad, 26 July 2022 (TDI): Foreign Minister Bilawal Bhutto met the Japanese "
            "Ambassador to Pakistan, Wada Mitsuhiro, at the Foreign Office.\n",
        )
        assert [m.date.date_start.isoformat() for m in found] == ["2022-07-26"]
        assert found[0].headline.startswith("Bilawal Bhutto meets")

    def test_an_undated_wire_dateline_is_neither_a_place_nor_a_headline(self, tmp_path):
        found = mentions_of(
            tmp_path,
            "Ethiopia ratifies treaty\n\nThursday 9 March 2023\n\n"
            "NAIROBI — The Ethiopian parliament approved the Red Sea treaty with Eritrea "
            "on Tuesday.\n",
        )
        assert [(m.date.date_start.isoformat(), m.entities.countries) for m in found] == [
            ("2023-03-07", ("ET", "ER"))
        ]
        assert found[0].headline.startswith("The Ethiopian parliament approved")


class TestCoordinatedDates:
    def test_consecutive_years_are_one_period(self, tmp_path):
        [m] = mentions_of(tmp_path, "Note\n\nTrade fell in 2020 and 2021 due to the pandemic.\n")
        assert (m.date.date_start.isoformat(), m.date.date_end.isoformat()) == (
            "2020-01-01",
            "2021-12-31",
        )
        assert m.date.precision == "range" and m.date.text == "2020 and 2021"

    def test_consecutive_days_of_a_list_are_one_period_others_stay_apart(self, tmp_path):
        found = mentions_of(
            tmp_path,
            "Note\n\nThe sides held talks on 12 and 13 November 2017 in Islamabad.\n\n"
            "The envoys met on 3 and 5 May 2016 in Tokyo.\n",
        )
        assert sorted(
            (m.date.date_start.isoformat(), m.date.date_end.isoformat()) for m in found
        ) == [
            ("2016-05-03", "2016-05-03"),
            ("2016-05-05", "2016-05-05"),
            ("2017-11-12", "2017-11-13"),
        ]

    def test_a_finer_date_with_its_own_year_does_not_swallow_the_coarse_one(self, tmp_path):
        found = mentions_of(
            tmp_path,
            "Note\n\nIslamabad, 15 March 2023: The ministers discussed the floods of 2022 "
            "and the assistance Japan announced last September.\n",
        )
        assert [m.date.text for m in found] == ["2022", "last September"]

    def test_a_finer_date_in_another_main_clause_does_not_swallow_the_coarse_one(self, tmp_path):
        found = mentions_of(
            tmp_path,
            "Outcomes\n\nTokyo, 2 February 2024: The President will visit Japan later this "
            "year, and the two navies will exercise together off Okinawa in June.\n",
        )
        assert [(m.date.text, m.type) for m in found] == [
            ("later this year", "visit"),
            ("June", "other"),
        ]

    def test_a_coarse_date_anchoring_a_finer_one_in_its_clause_is_dropped(self, tmp_path):
        found = mentions_of(
            tmp_path,
            "Note\n\nIn March 2021, the two coast guards met in Manila on 18 March.\n",
        )
        assert [m.date.text for m in found] == ["18 March"]

    def test_years_apart_are_separate_events(self, tmp_path):
        found = mentions_of(tmp_path, "Note\n\nThe treaty was reviewed in 2005 and 2011.\n")
        assert [m.date.text for m in found] == ["2005", "2011"]

    def test_dates_pair_with_their_people_respectively(self, tmp_path):
        found = mentions_of(
            tmp_path,
            "Note\n\nVisits were exchanged in 2005 and 2011 when Prime Minister Junichiro Koizumi "
            "visited Islamabad and President Asif Ali Zardari visited Tokyo.\n",
        )
        assert [(m.date.text, [a.name for a in m.entities.actors]) for m in found] == [
            ("2005", ["Junichiro Koizumi"]),
            ("2011", ["Asif Ali Zardari"]),
        ]


def test_a_year_less_day_takes_its_year_from_the_anchor_month_and_only_the_day_is_kept(tmp_path):
    found = mentions_of(
        tmp_path,
        "Note\n\nEarlier, in December 2017, the Third Consultations meeting in Islamabad on "
        "December 19 held discussions.\n",
    )
    assert [m.date.date_start.isoformat() for m in found] == ["2017-12-19"]


def test_now_and_the_future_are_not_events(tmp_path):
    assert (
        mentions_of(tmp_path, "Note\n\nRelations are now excellent and will grow in the future.\n")
        == []
    )


def test_a_state_after_a_narrative_step_is_no_event_but_the_step_still_counts(tmp_path):
    text = (
        "The river dam\n\nWork on the high dam was begun in 1960. Two decades later the mood "
        "in the valley could hardly have been more different. A year later the second "
        "turbine hall was finished.\n"
    )
    found = [(m.date.text, m.date.date_start.year) for m in mentions_of(tmp_path, text)]
    assert found == [("1960", 1960), ("A year later", 1981)]


def test_masthead_date_lines_state_no_event(tmp_path):
    found = mentions_of(
        tmp_path,
        "Pakistan and Japan sign loan deal\n\nUpdated 8:47 PM EDT, June 14, 2023\n\n"
        "June 30, 2023 4:07 AM GMT+5\n\nTokyo, 28 April 2022\n\n"
        "The two sides signed the loan agreement on 13 June 2023 in Islamabad.\n",
    )
    assert [m.date.text for m in found] == ["13 June 2023"]


def test_a_wire_dateline_with_a_hyphen_dates_only_the_news(tmp_path):
    found = mentions_of(
        tmp_path,
        "Hasina visits Delhi\n\nNEW DELHI, June 22, 2024 (AFP) - Bangladesh and India signed a "
        "water deal on Saturday.\n",
    )
    assert [(m.date.text, m.headline) for m in found] == [
        ("Saturday", "Bangladesh and India signed a water deal")
    ]


def test_chronology_entries_naming_a_thing_and_a_date_are_events(tmp_path):
    found = mentions_of(
        tmp_path,
        "Chronology\n\n- Simla Agreement, 2 July 1972\n- Lahore Declaration, 21 February 1999\n"
        "- Agra summit, 14 July 2001\n",
    )
    assert [m.date.text for m in found] == ["2 July 1972", "21 February 1999", "14 July 2001"]


class TestCountriesOfASentence:
    TEXT = (
        "Chile–Peru Relations\n\n"
        "Peru's foreign minister visited Santiago on 4 March 2019.\n\n"
        "Bolivia renewed its claim to the sea on 23 March 2019.\n\n"
        "Argentina and Uruguay opened a bridge in 1976. "
        "A second crossing followed in 1982.\n\n"
        "A maritime boundary ruling was handed down on 27 January 2014.\n"
    )

    def countries(self, tmp_path):
        return {m.date.text: set(m.entities.countries) for m in mentions_of(tmp_path, self.TEXT)}

    def test_a_sentence_naming_one_side_of_the_titles_relationship_is_about_both(self, tmp_path):
        assert self.countries(tmp_path)["4 March 2019"] == {"PE", "CL"}

    def test_a_sentence_naming_other_countries_keeps_its_own(self, tmp_path):
        assert self.countries(tmp_path)["23 March 2019"] == {"BO"}

    def test_a_sentence_naming_none_takes_its_paragraphs_subject(self, tmp_path):
        assert self.countries(tmp_path)["1982"] == {"AR", "UY"}

    def test_a_paragraph_naming_none_is_about_the_titles_relationship(self, tmp_path):
        assert self.countries(tmp_path)["27 January 2014"] == {"CL", "PE"}


@pytest.mark.parametrize(
    ("title", "pair"),
    [
        ("Japan-Kazakhstan Relations", ("JP", "KZ")),
        ("Timeline: Ethiopia and Eritrea, from federation to peace", ("ET", "ER")),
        ("Russia and Central Asia after the Invasion of Ukraine", ()),  # a region, not a pair
        ("Skip to main content | Screen Reader Access", ()),
    ],
)
def test_a_title_joining_two_countries_names_a_relationship(title, pair):
    assert bilateral_pair(title) == pair


# what the document's sentences name, sentence by sentence
RUSSIA_BRIEF = [("RU", "KZ"), ("UZ",), ("RU", "TJ"), ("KG", "TJ"), ("RU",), ("UA", "RU"), ("KZ",)]
READOUT = [("MY",), ("ID", "MY"), ("MY",), ("ID",), ("SG",)]


@pytest.mark.parametrize(
    ("title", "named", "pair"),
    [
        # two countries named in passing by the title: a relationship when the text leads with them
        ("Malaysian minister receives the Indonesian ambassador", READOUT, ("MY", "ID")),
        ("Russia's reach in Central Asia after its war on Ukraine", RUSSIA_BRIEF, ()),
    ],
)
def test_a_title_naming_two_countries_the_text_leads_with_names_a_relationship(title, named, pair):
    assert bilateral_pair(title, named) == pair


def test_headings_labelling_a_period_state_no_event(tmp_path):
    found = mentions_of(
        tmp_path,
        "# From war to a border treaty: Oman and South Yemen, 1967–1992\n\n"
        "## High-level visits (since 2014)\n\n"
        "- Foreign Minister Badr Albusaidi visited Aden on 3 May 2015.\n\n"
        "## Agreements signed, 2010–2020\n\n"
        "- A border protocol was signed in Muscat on 1 October 1992.\n\n"
        "## State visit of the Sultan (12–14 March 2019)\n\n"
        "The Sultan held talks in Aden.\n",
        name="relations.md",
    )
    assert [(m.date.date_start.isoformat(), m.type) for m in found] == [
        ("2015-05-03", "visit"),
        ("1992-10-01", "agreement"),
        ("2019-03-12", "visit"),
    ]
