"""Tests for the event classifier: fitting types and the primary-type principle."""

from __future__ import annotations

import pytest

from chronicle.ingest.events.classify import classify, find_cues
from chronicle.model import EVENT_TYPES

# (sentence, expected leading types) — the result must start with these, in this order.
CASES = [
    # fixture: MOFA Japan-Kazakhstan
    (
        "On May 1, commencing at 8:20 a.m. (local time) for approximately 40 minutes, "
        "Mr. Fumio Kishida, Minister for Foreign Affairs, held a foreign ministers’ meeting with "
        "H.E. Mr. Kairat Abdrakhmanov, Minister for Foreign Affairs of the Republic of "
        "Kazakhstan, during his visit to Turkmenistan.",
        ("meeting", "visit"),
    ),
    (
        "Foreign Minister Kishida stated that Japan and Kazakhstan celebrate the 25th anniversary "
        "of the establishment of their diplomatic relations this year.",
        ("statement", "anniversary"),
    ),
    ("photo1: Japan-Kazakhstan Foreign Ministers' Meeting", ("meeting",)),
    # fixture: MOFA Japan-Pakistan
    (
        "On Thursday, January 4, from 11:38 a.m. (local time) for approximately two hours and "
        "ten minutes, Mr. Taro Kono, Minister for Foreign Affairs, on his visit to the Islamic "
        "Republic of Pakistan, held a Foreign Ministers' Meeting and a working lunch with "
        "H.E. Mr. Khawaja Muhammad Asif, Federal Minister for Foreign Affairs of Pakistan.",
        ("meeting", "visit"),
    ),
    ("Japan-Pakistan Foreign Ministers’ Meeting1", ("meeting",)),
    (
        "Furthermore, Minister Kono stated that Japan is continuing to cooperate with the efforts "
        "of Pakistan for stability and development under democracy and the rule of law, and is "
        "providing assistance related to the general election this year.",
        ("statement", "election"),
    ),
    (
        "In response, Minister Asif conveyed gratitude for the support of Japan over many years, "
        "and expressed his hope for further cooperation for the economic development of Pakistan.",
        ("statement", "economic"),
    ),
    # fixture: ISSI issue brief
    (
        "After a hiatus of eight years, high level diplomatic contact between Pakistan and Japan "
        "was renewed with the visit of Japanese Foreign Minister Taro Kono to Islamabad on "
        "January 3-4, 2018.",
        ("visit",),
    ),
    (
        "Last year also marked the 65th anniversary of the establishment of diplomatic relations "
        "between the two countries.",
        ("anniversary",),
    ),
    (
        "Earlier, Japanese Foreign Minister Katsuya Okada had visited Pakistan on "
        "October 12, 2009.",
        ("visit",),
    ),
    (
        "Earlier, in December 2017, the Third Japan-Pakistan Consultations meeting in Islamabad "
        "on December 19 had also held elaborate discussions on the regional situation on "
        "terrorism and counter-terrorism measures.",
        ("dialogue", "meeting"),
    ),
    (
        "The Japanese delegation was led by Ambassador in-charge of International Cooperation "
        "for Countering Terrorism, Eiji Yamamoto, who had met with the National Security Adviser "
        "Nasser Khan Janjua in Islamabad.",
        ("meeting",),
    ),
    (
        "During his visit to Islamabad, and his meetings with Prime Minister Shahid Khaqan "
        "Abbasi, Kono appreciated Pakistan's efforts toward regional peace and security.",
        ("statement", "visit", "meeting"),
    ),
    (
        "In the past five years, bilateral trade between Pakistan and Japan has been stuck "
        "around US\\$ 2 billion.",
        ("economic",),
    ),
    ("Japan invested US\\$ 45.2 million during 2016-17.", ("economic",)),
    (
        "In the past, Japan had been a significant Foreign Direct Investment (FDI) contributor, "
        "this, however, has declined during 2012-2017 as explained in Table below.",
        ("economic",),
    ),
    # fixture: TDI news
    (
        "Islamabad, 26 July 2022 (TDI): Pakistan’s Foreign Minister Bilawal Bhutto met with the "
        "Japanese Ambassador to Pakistan, Wada Mitsuhiro, at Foreign Office Islamabad.",
        ("meeting",),
    ),
    (
        "Diplomatic relations started on 28 April 1952, and Pakitan opened its embassy in Tokyo.",
        ("anniversary",),
    ),
    (
        "During the visit of President Asif Ali Zardari to Japan on 21-23 February 2011, the two "
        "sides signed the Joint Statement on Japan-Pakistan Comprehensive Partnership.",
        ("agreement", "visit"),
    ),
    (
        "Both countries have made many agreements and paid many high-level visits.",
        ("agreement", "visit"),
    ),
    (
        "It includes Annual Bilateral Political Consultations at the Foreign Secretary level and "
        "Security Dialogue (including Defense and Foreign Ministries).",
        ("dialogue",),
    ),
    (
        "It adds an Expert-level Working Group on Disarmament, Non-Proliferation, and "
        "Counter-Terrorism Cooperation.",
        ("dialogue",),
    ),
    (
        "This year Pakistan and Japan celebrated the 70th anniversary of their bilateral ties.",
        ("anniversary",),
    ),
    (
        "Prime Minister Kishida said that he wished to elevate bilateral relations to new heights.",
        ("statement",),
    ),
    # fixture: MOFA Pakistan brief
    ("Pakistan and Japan established diplomatic relations on 28th April 1952.", ("anniversary",)),
    (
        "The President of Pakistan H.E. Dr.Arif Alvi visited Tokyo from 20-24 October, 2019 to "
        "attend the Enthronement Ceremony of the Emperor of Japan Naruhito.",
        ("visit",),
    ),
    (
        "Pakistan and Japan have also signed a number of MoUs/Agreements which govern bilateral "
        "cooperation in a number of sectors.",
        ("agreement",),
    ),
    ("Both countries have always been supportive of each other's candidacies.", ("election",)),
    ("The visit was highly successful and very productive.", ("visit",)),
    # generalisation and negatives
    ("Pakistan and Japan work on many joint institutional mechanisms.", ("other",)),
    ("The positions of the two countries are completely in agreement.", ("other",)),
    ("The ministers will visit Tokyo next week.", ("visit",)),
    ("Ministers signed an MoU on energy cooperation.", ("agreement",)),
    ("The two leaders held talks in Beijing.", ("dialogue",)),
    ("The Foreign Secretary called on the Prime Minister.", ("meeting",)),
    ("The Ambassador called for restraint.", ("statement",)),
    ("He was elected President in 2018.", ("election",)),
    ("This is a significant signal.", ("other",)),
]


@pytest.mark.parametrize(("sentence", "expected"), CASES)
def test_types_primary_first(sentence: str, expected: tuple[str, ...]) -> None:
    got = classify(sentence)
    assert got[: len(expected)] == expected
    assert len(set(got)) == len(got)
    assert all(t in EVENT_TYPES for t in got)


def test_date_text_picks_the_event_the_date_belongs_to() -> None:
    sentence = (
        "Pakistan expressed concerns on the Japanese-Indian nuclear deal struck on "
        "November 11, 2016."
    )
    assert classify(sentence)[:2] == ("statement", "agreement")
    assert classify(sentence, date_text="November 11, 2016")[:2] == ("agreement", "statement")


def test_footnotes_are_citations_first() -> None:
    footnote = (
        '⁶ "India-Japan Joint Statement during Shinzo Abe\'s visit: Full Text", '
        "*The Indian Express* (New Delhi), September 14, 2017."
    )
    assert classify(footnote, is_footnote=True)[0] == "citation"
    assert (
        classify(
            '² "Pakistan, Japan pledge to reinvigorate ties", *Dawn* (Islamabad), January 5, 2018.'
        )[0]
        == "citation"
    )


def test_stem_forms_are_recognised() -> None:
    for sentence in ("He visited Japan.", "He is visiting Japan.", "The visit of the minister."):
        assert "visit" in classify(sentence)


def test_cues_are_ordered() -> None:
    cues = find_cues("Kono met Asif and signed an agreement.")
    assert [c.start for c in cues] == sorted(c.start for c in cues)
    assert cues[0].type == "meeting" and cues[0].verbal


@pytest.mark.parametrize(
    ("sentence", "date_text", "primary"),
    [
        # The date sits in the reported clause: it dates the anniversary, not the statement.
        (
            "Foreign Minister Kishida stated that Japan and Kazakhstan celebrate the 25th "
            "anniversary of the establishment of their diplomatic relations this year.",
            "this year",
            "anniversary",
        ),
        (
            "Minister Kono stated that Japan is providing assistance related to the general "
            "election this year.",
            "this year",
            "election",
        ),
        # Nothing but the statement itself is dated: it stays a statement.
        ("On May 3 the minister said the talks had been useful.", "May 3", "statement"),
        # An event noun right after the date is the date's event.
        (
            "It was her first state visit since she won a fourth term in the January 7 election.",
            "January 7",
            "election",
        ),
        (
            "The two sides signed an agreement on 3 May 2016; talks resumed later.",
            "3 May 2016",
            "agreement",
        ),
        # Each date of a sentence is typed by its own clause.
        (
            "1965: The second war breaks out; the Tashkent Declaration is signed on 10 January 1966.",
            "1965",
            "other",
        ),
        (
            "1965: The second war breaks out; the Tashkent Declaration is signed on 10 January 1966.",
            "10 January 1966",
            "agreement",
        ),
        (
            "Bhutto-Zardari, who arrived on Sunday for a four-day visit, will meet Prime "
            "Minister Kishida on Thursday.",
            "Sunday",
            "visit",
        ),
        (
            "Bhutto-Zardari, who arrived on Sunday for a four-day visit, will meet Prime "
            "Minister Kishida on Thursday.",
            "Thursday",
            "meeting",
        ),
    ],
)
def test_a_reported_event_in_the_dated_clause_is_primary(sentence, date_text, primary):
    assert classify(sentence, date_text=date_text)[0] == primary


@pytest.mark.parametrize(
    "note",
    [
        "IMF: Direction of Trade Statistics, 2016 & 2017. Washington: International Monetary Fund).",
        '"Country Wise FDI Inflows", Islamabad: Board of Investment, 2017.',
    ],
)
def test_source_notes_under_tables_are_citations(note):
    assert classify(note)[0] == "citation"


@pytest.mark.parametrize(
    "lede",
    [
        "NAROWAL: When the Kartarpur corridor opened on November 9, 2019, pilgrims crossed.",
        "NEW DELHI: The corridor, Reuters reported, opened on November 9, 2019.",
        "TOKYO: Japan, the host, opened the fair, 2019.",
    ],
)
def test_a_newspaper_dateline_is_not_a_source_note(lede):
    assert classify(lede)[0] != "citation"


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Negotiators struck a compromise on fishing quotas in Brussels.", ("agreement",)),
        ("The grain deal struck in Istanbul lapsed a year later.", ("agreement",)),
        # striking a target is no agreement
        ("Missiles struck the port of Odesa overnight.", ("other",)),
        ("A cyclone struck the coast of Mozambique.", ("other",)),
    ],
)
def test_struck_is_an_agreement_only_with_a_deal(sentence, expected):
    assert classify(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "date_text", "expected"),
    [
        # a closing attribution reports the clause before it; that clause's verb decides
        (
            "Zambia and Malawi reopened the Mchinji border post on Monday, officials in "
            "Lusaka said.",
            "Monday",
            ("other", "statement"),
        ),
        (
            "Chile and Bolivia agreed on Friday to pool seismic data, their science "
            "ministers said after talks in Geneva.",
            "Friday",
            ("agreement", "statement", "dialogue"),
        ),
        # a nominal cue before the attribution decides too
        (
            "The 50th anniversary of the border treaty falls in 2026, the ambassador said.",
            "2026",
            ("anniversary", "agreement", "statement"),
        ),
        # nothing happens before it: the saying is the event
        ("Relations will improve in 2025, the minister said.", "2025", ("statement",)),
        # the date after the attribution dates the telling
        (
            "The two ministers signed the accord after long talks, they told reporters on "
            "Thursday.",
            "Thursday",
            ("statement", "agreement", "dialogue"),
        ),
    ],
)
def test_a_closing_attribution_does_not_decide_the_type(sentence, date_text, expected):
    assert classify(sentence, date_text=date_text) == expected


@pytest.mark.parametrize(
    ("sentence", "date_text", "expected"),
    [
        # receiving a counterpart is a meeting; a joint commission's session, a dialogue
        (
            "The Foreign Minister on Sunday received her Beninese counterpart in Lagos for "
            "the third session of the Nigeria-Benin Joint Border Commission.",
            "Sunday",
            ("dialogue", "meeting"),
        ),
        (
            "President Mahama hosted Prime Minister Sonko at the Flagstaff House on 2 June.",
            "2 June",
            ("meeting",),
        ),
        # receiving a thing is no meeting
        ("The president received a letter from the emir on 3 May.", "3 May", ("other",)),
        # a cue inside a building's name is no cue ("Jubilee House")
        (
            "President Akufo-Addo received Minister Dussey at the Jubilee House yesterday.",
            "yesterday",
            ("meeting",),
        ),
        # while the same word as a noun still is
        (
            "The Golden Jubilee of the union was marked in Dar es Salaam on 26 April 2014.",
            "26 April 2014",
            ("anniversary",),
        ),
    ],
)
def test_hosting_and_names_of_places(sentence, date_text, expected):
    assert classify(sentence, date_text=date_text) == expected


def test_agreeing_to_do_something_is_an_agreement_agreeing_that_is_a_view():
    assert classify("Ghana and Togo agreed to reopen the crossing in June 2024.")[0] == (
        "agreement"
    )
    assert classify("The ministers agreed that trade should grow in 2024.")[0] == "statement"
