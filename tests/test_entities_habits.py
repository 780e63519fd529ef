"""Habits of real writing the entity tagger follows: regions, honorifics, inverted
attributions, headline case, and place words inside other names."""

from __future__ import annotations

import pytest

from chronicle.ingest.entities import find_entities


def people(sentence: str) -> list[tuple[str, str, str]]:
    return [(a.name, a.role, a.country) for a in find_entities(sentence).actors]


class TestRegions:
    @pytest.mark.parametrize(
        ("sentence", "countries"),
        [
            ("Kosovo and Serbia agreed on an energy roadmap in Brussels.", ("RS", "BE")),
            ("Crimea Celebrates Anniversary As Ukraine Protests", ("UA",)),
            ("Talks on Tibet resumed after Kashmir stayed calm.", ()),
        ],
    )
    def test_a_region_is_a_place_that_tags_no_country(self, sentence, countries):
        entities = find_entities(sentence)
        assert entities.actors == ()
        assert entities.countries == countries


class TestHonorifics:
    def test_sheikh_before_a_name_is_an_honorific(self):
        sentence = (
            "Sheikh Mohamed bin Zayed received the Emir of Qatar, Sheikh Tamim bin Hamad "
            "Al Thani, in Abu Dhabi on 4 December."
        )
        assert people(sentence) == [
            ("Mohamed bin Zayed", "", ""),
            ("Tamim bin Hamad Al Thani", "Emir", "QA"),
        ]

    def test_a_full_word_honorific_after_a_given_name_is_the_surname(self):
        assert people("Finance Minister Abdul Hafeez Sheikh met the IMF team.") == [
            ("Abdul Hafeez Sheikh", "Finance Minister", "")
        ]
        assert people("The economist Atif Mian said the plan would fail.") == [
            ("Atif Mian", "", "")
        ]

    def test_an_abbreviated_honorific_still_starts_a_new_name(self):
        assert people("Mr Kono and Mr Asif met in Islamabad.") == [
            ("Kono", "", ""),
            ("Asif", "", ""),
        ]


class TestInvertedAttribution:
    def test_the_speaker_after_said_is_a_person_even_with_a_country_word_for_a_name(self):
        sentence = (
            "Chad and Sudan reopened the Adré crossing on Monday, said Chad Smith, a "
            "researcher at the institute."
        )
        entities = find_entities(sentence)
        assert [a.name for a in entities.actors] == ["Chad Smith"]
        assert entities.countries == ("TD", "SD")

    def test_after_a_quotation(self):
        assert people('"The border is open again," said Jordan Hale of the aid agency.') == [
            ("Jordan Hale", "", "")
        ]

    def test_a_name_that_does_not_close_the_attribution_is_no_speaker(self):
        sentence = "The outlook for steel is weak, says Northgate Energy chief economist Lena Park."
        assert people(sentence) == []


class TestHeadlineCase:
    @pytest.mark.parametrize(
        ("headline", "expected"),
        [
            ("Modi Arrives In Washington For State Visit", [("Modi", "", "")]),
            ("Ramaphosa Hosts Lula In Pretoria", [("Ramaphosa", "", ""), ("Lula", "", "")]),
            (
                "Vucic Meets Kurti In Brussels As Talks Stall",
                [("Vucic", "", ""), ("Kurti", "", "")],
            ),
            ("Evo Morales Visits Havana", [("Evo Morales", "", "")]),
            ("President Williams Opens Nairobi Trade Fair", [("Williams", "President", "")]),
            ("Prime Minister Arrives In Tokyo For Talks", []),
            ("Special Envoy Tells Security Council Of Delays", []),
        ],
    )
    def test_a_capitalised_verb_after_a_name_ends_it_and_makes_it_a_person(
        self, headline, expected
    ):
        assert people(headline) == expected

    def test_a_capitalised_word_ending_the_line_is_a_surname(self):
        assert people("Trade Representative Carla Hills") == [
            ("Carla Hills", "Trade Representative", "")
        ]

    def test_a_noun_the_lexicon_knows_is_no_verb(self):
        assert people("Andean Affairs Unit Briefing") == []

    def test_an_inverted_says_is_no_given_name(self):
        sentence = 'Says Ana Ortiz, a trader in Lima: "Nobody expected this."'
        assert people(sentence) == [("Ana Ortiz", "", "")]


class TestPlaceWordsInsideOtherNames:
    @pytest.mark.parametrize(
        ("sentence", "countries"),
        [
            ("Kenya Airways resumed flights to Mumbai on 3 March.", ("IN",)),
            ("An Ethiopian Airlines flight landed in Asmara on 18 July.", ("ER",)),
            ("Pakistan International Airlines cancelled its Oslo route.", ("NO",)),
            ("The China Development Bank lent Angola $2 billion.", ("AO",)),
            (
                "Kenya and Ethiopia opened the Moyale crossing; Kenya's central bank cut rates.",
                ("KE", "ET"),
            ),
        ],
    )
    def test_a_country_word_that_begins_an_organisations_name_is_no_party(
        self, sentence, countries
    ):
        assert find_entities(sentence).countries == countries

    @pytest.mark.parametrize(
        ("sentence", "countries"),
        [
            ("Ahead of the Georgia Senate race, the candidates met in Atlanta.", ()),
            ("The Georgia runoff on 5 January decided control of the chamber.", ()),
            ("Georgia and Armenia signed a transit accord in Tbilisi on 12 May.", ("GE", "AM")),
        ],
    )
    def test_georgia_before_a_word_of_us_state_politics_is_the_state(self, sentence, countries):
        assert find_entities(sentence).countries == countries


class TestNationalityBeforeARole:
    @pytest.mark.parametrize(
        ("sentence", "expected"),
        [
            (
                "Peruvian Environment Minister Albina Ruiz opened the talks in Lima.",
                [("Albina Ruiz", "Environment Minister", "PE")],
            ),
            (
                "Chile's Energy Minister Diego Pardow and his Bolivian counterpart Franklin "
                "Molina met in Geneva.",
                [("Diego Pardow", "Energy Minister", "CL"), ("Franklin Molina", "", "BO")],
            ),
            (
                "Kenyan Trade Cabinet Secretary Moses Kuria said the talks would resume.",
                [("Moses Kuria", "Trade Cabinet Secretary", "KE")],
            ),
            (
                "Her Ecuadorean counterpart Gabriela Sommerfeld replied on Friday.",
                [("Gabriela Sommerfeld", "", "EC")],
            ),
        ],
    )
    def test_a_nationality_before_a_role_gives_the_person_a_country(self, sentence, expected):
        assert people(sentence) == expected

    def test_a_portfolio_word_before_a_role_word_is_part_of_the_role(self):
        assert people("On Tuesday Interior Minister Nancy Faeser banned the group.") == [
            ("Nancy Faeser", "Interior Minister", "")
        ]

    def test_a_capital_before_a_role_is_no_nationality(self):
        sentence = "The ministers met at Santiago Mayor Claudio Orrego's office on Monday."
        assert people(sentence) == [("Claudio Orrego", "Mayor", "")]

    def test_a_word_of_an_organisation_is_no_portfolio(self):
        sentence = "United Nations Secretary-General Antonio Guterres arrived in Kyiv."
        assert people(sentence) == [("Antonio Guterres", "Secretary-General", "")]
