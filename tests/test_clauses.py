"""Each date of a sentence governs its own clause."""

from __future__ import annotations

from pathlib import Path

import pytest

from chronicle.ingest.events.clauses import clauses_of, find_phrase
from chronicle.ingest.events.mentions import content_hash, extract_mentions
from chronicle.ingest.text.document import load_document


@pytest.mark.parametrize(
    ("sentence", "dates", "expected"),
    [
        # one date: the whole sentence
        (
            "The Mekong commission met in Vientiane on 5 April 2019.",
            ["5 April 2019"],
            ["The Mekong commission met in Vientiane on 5 April 2019."],
        ),
        # a comma and a conjunction end the first clause
        (
            "In 2015, the two navies held their first drill, and in 2019 they opened a hotline.",
            ["2015", "2019"],
            ["In 2015, the two navies held their first drill", "in 2019 they opened a hotline."],
        ),
        # a participle in apposition, then the main verb: the subject carries over
        (
            "The strategic dialogue, launched in 2010, was suspended in March 2020.",
            ["2010", "March 2020"],
            [
                "The strategic dialogue, launched in 2010",
                "The strategic dialogue was suspended in March 2020.",
            ],
        ),
        # coordinated verb phrases share the sentence's subject
        (
            "Mongolia joined the forum in 1998, left in 2004 and returned in 2011.",
            ["1998", "2004", "2011"],
            [
                "Mongolia joined the forum in 1998",
                "Mongolia left in 2004",
                "Mongolia returned in 2011.",
            ],
        ),
        # a semicolon separates two entries of a chronology line
        (
            "1971: the border is closed; it reopens on 2 March 1976.",
            ["1971", "2 March 1976"],
            ["1971: the border is closed", "it reopens on 2 March 1976."],
        ),
        # coordinated dates are one clause ("respectively" pairs them with their people)
        (
            "Visits were exchanged in 2009 and 2013 when Lee visited Hanoi and Sang visited Seoul.",
            ["2009", "2013"],
            [
                "Visits were exchanged in 2009 and 2013 when Lee visited Hanoi and Sang visited Seoul."
            ]
            * 2,
        ),
        # a quotation is not cut into clauses
        (
            'Ruto said on Monday that the deal was "fair, binding and final" for the 2009 border.',
            ["Monday", "2009"],
            ['Ruto said on Monday that the deal was "fair, binding and final" for the 2009 border.']
            * 2,
        ),
        # a date is found as a whole phrase, not inside a word ("Mayor")
        (
            "The Mayor met the envoy in May, and the council voted in June.",
            ["May", "June"],
            ["The Mayor met the envoy in May", "the council voted in June."],
        ),
        # no boundary between the dates: one clause for both
        (
            "Fishing talks ran from 2012 to 2016 in Oslo.",
            ["2012", "2016"],
            ["Fishing talks ran from 2012 to 2016 in Oslo."] * 2,
        ),
        # an opening participle takes the subject of the clause after it
        (
            "Ratified in 1994, the fisheries convention lapsed in 2009.",
            ["1994", "2009"],
            [
                "the fisheries convention ratified in 1994",
                "the fisheries convention lapsed in 2009.",
            ],
        ),
        # a relative clause's subject is the noun before it, not the sentence's
        (
            "The league was founded by the treaty of 12 May 1949, which replaced "
            "the accord of 3 March 1921.",
            ["12 May 1949", "3 March 1921"],
            [
                "The league was founded by the treaty of 12 May 1949",
                "replaced the accord of 3 March 1921.",
            ],
        ),
        # a participle set after a noun is about that noun
        (
            "At the forum on 2 July, the ministers praised the Mekong–Lancang framework, "
            "launched in March 2016, and its fund.",
            ["2 July", "March 2016"],
            [
                "At the forum on 2 July, the ministers praised the Mekong–Lancang framework",
                "the Mekong–Lancang framework launched in March 2016, and its fund.",
            ],
        ),
        # a gapped verb: "and Kirchner on 25 May" is a clause of its own
        (
            "Bachelet took office on 11 March 2006 and Tabaré Vázquez on 1 March 2005.",
            ["11 March 2006", "1 March 2005"],
            ["Bachelet took office on 11 March 2006", "Tabaré Vázquez on 1 March 2005."],
        ),
        # a verb phrase after a relative clause belongs to the relative's noun: no subject
        (
            "The ban, imposed in 2014, led to talks that opened in May 2016 and were frozen in 2018.",
            ["2014", "May 2016", "2018"],
            [
                "The ban, imposed in 2014",
                "The ban led to talks that opened in May 2016",
                "were frozen in 2018.",
            ],
        ),
        # year-less dates: ", and on DATE SUBJECT VERB" and "DATE, SUBJECT VERB" open clauses
        (
            "Omani aircraft struck gun positions at Hauf in October, and on 11 December "
            "the sultan declared the war over.",
            ["October", "11 December"],
            [
                "Omani aircraft struck gun positions at Hauf in October",
                "on 11 December the sultan declared the war over.",
            ],
        ),
        (
            "The rebels shelled Salalah on 3 May, and on 9 May, the army retook the plain.",
            ["3 May", "9 May"],
            ["The rebels shelled Salalah on 3 May", "on 9 May, the army retook the plain."],
        ),
        (
            "Talks opened in Geneva in March; on 2 June, the ministers initialled the text.",
            ["March", "2 June"],
            ["Talks opened in Geneva in March", "on 2 June, the ministers initialled the text."],
        ),
        # an irregular past tense ends the subject: the second verb phrase keeps it
        (
            "The two countries fought a brief border war in 1995 and signed a peace "
            "agreement in Brasilia on Oct. 26, 1998.",
            ["1995", "Oct. 26, 1998"],
            [
                "The two countries fought a brief border war in 1995",
                "The two countries signed a peace agreement in Brasilia on Oct. 26, 1998.",
            ],
        ),
        # a relative clause with a subject of its own takes its noun as object
        (
            "The experts will meet in Lome next month to prepare the third session, which "
            "Benin will host in 2025.",
            ["next month", "2025"],
            [
                "The experts will meet in Lome next month to prepare the third session",
                "Benin will host the third session in 2025.",
            ],
        ),
        (
            "The ministers set up a joint fund in 2019, which Norway has financed since 2021.",
            ["2019", "2021"],
            [
                "The ministers set up a joint fund in 2019",
                "Norway has financed a joint fund since 2021.",
            ],
        ),
    ],
)
def test_each_date_governs_its_clause(sentence, dates, expected):
    assert clauses_of(sentence, dates) == expected


def test_each_date_of_a_sentence_gets_its_own_headline_type_and_people(tmp_path: Path):
    path = tmp_path / "brief.txt"
    path.write_text(
        "Chile and Peru\n\nThe Lima protocol was signed by Michelle Bachelet on 3 May 2016, "
        "and Pedro Pablo Kuczynski visited Santiago on 9 October 2017.\n",
        encoding="utf-8",
    )
    doc = load_document(path)
    found = extract_mentions(doc, content_hash(doc.text))
    assert [(m.date.text, m.type) for m in found] == [
        ("3 May 2016", "agreement"),
        ("9 October 2017", "visit"),
    ]
    assert [m.headline for m in found] == [
        "The Lima protocol was signed by Michelle Bachelet",
        "Pedro Pablo Kuczynski visits Santiago",
    ]
    assert [[a.name for a in m.entities.actors] for m in found] == [
        ["Michelle Bachelet"],
        ["Pedro Pablo Kuczynski"],
    ]
    assert found[0].sentence == found[1].sentence  # both keep the whole sentence as source


def test_two_clauses_with_year_less_dates_are_two_events(tmp_path: Path):
    path = tmp_path / "essay.txt"
    path.write_text(
        "The Dhofar war\n\nBy 1975 the rebels held only a strip of coast near the border. "
        "Omani aircraft struck gun positions at Hauf in October, and on 11 December the "
        "sultan declared the war over.\n",
        encoding="utf-8",
    )
    doc = load_document(path)
    found = extract_mentions(doc, content_hash(doc.text))
    assert [(m.date.date_start.isoformat(), m.date.date_end.isoformat()) for m in found] == [
        ("1975-01-01", "1975-12-31"),
        ("1975-10-01", "1975-10-31"),
        ("1975-12-11", "1975-12-11"),
    ]
    assert [(m.type, m.headline) for m in found[1:]] == [
        ("other", "Omani aircraft struck gun positions at Hauf"),
        ("statement", "The sultan declared the war over"),
    ]


@pytest.mark.parametrize(
    ("sentence", "date", "expected"),
    [
        # a start date belongs to its own verb phrase, not to the signing before it
        (
            "The two ministers signed a memorandum on border security and agreed to reopen "
            "the Kara crossing to lorries from 1 June 2024.",
            "1 June 2024",
            "The two ministers agreed to reopen the Kara crossing to lorries from 1 June 2024.",
        ),
        # so does a deadline
        (
            "The commission approved the survey plan and set up a team to finish it by March 2026.",
            "March 2026",
            "The commission set up a team to finish it by March 2026.",
        ),
        # a date inside "decided to <do>" dates the doing
        (
            "The foreign ministers reviewed the action plan and decided to meet again in "
            "Ulaanbaatar in March 2025.",
            "March 2025",
            "The foreign ministers decided to meet again in Ulaanbaatar in March 2025.",
        ),
        # a plain "on <date>" after coordinated verbs dates the whole sentence
        (
            "The leaders met in Accra and signed the trade accord on 5 May 2021.",
            "5 May 2021",
            "The leaders met in Accra and signed the trade accord on 5 May 2021.",
        ),
        # "to" before a place is no infinitive
        (
            "The army crossed the river and sent troops to the border in May 2020.",
            "May 2020",
            "The army crossed the river and sent troops to the border in May 2020.",
        ),
    ],
)
def test_a_lone_date_governs_only_the_verb_phrase_it_times(sentence, date, expected):
    assert clauses_of(sentence, [date]) == [expected]


@pytest.mark.parametrize(
    ("text", "phrase", "at"),
    [
        ("the Mayor met them in May", "May", 22),  # not the start of "Mayor"
        ("Mayor", "May", -1),
        ("on 5 May_2019", "May", -1),  # an underscore is a word character, as in \w
        ("(May 2019) and May 2019", "May 2019", 1),  # the first whole occurrence
        ("talks in 2019-20", "2019", 9),  # a hyphen ends a word
    ],
)
def test_a_date_phrase_is_found_only_as_whole_words(text, phrase, at):
    assert find_phrase(text, phrase) == at
