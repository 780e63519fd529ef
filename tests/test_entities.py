"""Tests for the entity tagger: people with roles, countries, organisations, resolution."""

from __future__ import annotations

import pytest

from chronicle.ingest.entities import (
    apply_resolution,
    country_name,
    defined_acronyms,
    find_countries,
    find_entities,
    find_organisations,
    find_people,
    name_key,
    resolve_actors,
    same_person,
)
from chronicle.model import Actor, Entities

# (sentence, expected [(name, role, country)] in order)
PEOPLE = [
    (
        "Mr. KISHIDA Fumio, Prime Minister of Japan, held a summit meeting with Mr. MOTEGI "
        "Toshimitsu.",
        [("Kishida Fumio", "Prime Minister", "JP"), ("Motegi Toshimitsu", "", "")],
    ),
    ("The JICA President met Mr. Kono in TOKYO.", [("Kono", "", "")]),
    # fixture: MOFA Japan-Kazakhstan
    (
        "On May 1, commencing at 8:20 a.m. (local time) for approximately 40 minutes, "
        "Mr. Fumio Kishida, Minister for Foreign Affairs, held a foreign ministers’ meeting "
        "with H.E. Mr. Kairat Abdrakhmanov, Minister for Foreign Affairs of the Republic of "
        "Kazakhstan, during his visit to Turkmenistan.",
        [
            ("Fumio Kishida", "Minister for Foreign Affairs", ""),
            ("Kairat Abdrakhmanov", "Minister for Foreign Affairs", "KZ"),
        ],
    ),
    (
        "Foreign Minister Kishida stated that bilateral relations have reached new heights "
        "since the visit to Japan by President Nazarbayev in November 2016.",
        [("Kishida", "Foreign Minister", ""), ("Nazarbayev", "President", "")],
    ),
    # fixture: MOFA Japan-Pakistan
    (
        "On Thursday, January 4, from 11:38 a.m. (local time) for approximately two hours and "
        "ten minutes, Mr. Taro Kono, Minister for Foreign Affairs, on his visit to the Islamic "
        "Republic of Pakistan, held a Foreign Ministers' Meeting and a working lunch with "
        "H.E. Mr. Khawaja Muhammad Asif, Federal Minister for Foreign Affairs of Pakistan.",
        [
            ("Taro Kono", "Minister for Foreign Affairs", ""),
            ("Khawaja Muhammad Asif", "Federal Minister for Foreign Affairs", "PK"),
        ],
    ),
    (
        "Minister Kono emphasized to Minister Asif the importance of the positive initiatives.",
        [("Kono", "Minister", ""), ("Asif", "Minister", "")],
    ),
    # fixture: ISSI issue brief
    (
        "After a hiatus of eight years, high level diplomatic contact between Pakistan and "
        "Japan was renewed with the visit of Japanese Foreign Minister Taro Kono to Islamabad "
        "on January 3-4, 2018.",
        [("Taro Kono", "Foreign Minister", "JP")],
    ),
    (
        "Earlier, Japanese Foreign Minister Katsuya Okada had visited Pakistan on "
        "October 12, 2009.",
        [("Katsuya Okada", "Foreign Minister", "JP")],
    ),
    (
        "Pakistani Foreign Minister, Hina Rabbani Khar, visited Tokyo on May 24-26, 2012.",
        [("Hina Rabbani Khar", "Foreign Minister", "PK")],
    ),
    (
        "High level visits between the two countries were exchanged in 2005 and 2011 when "
        "Prime Minister Junichiro Koizumi visited Islamabad and President Asif Ali Zardari "
        "visited Tokyo.",
        [("Junichiro Koizumi", "Prime Minister", ""), ("Asif Ali Zardari", "President", "")],
    ),
    (
        "During his visit to Islamabad, and his meetings with Prime Minister Shahid Khaqan "
        "Abbasi, his counterpart Khawaja Muhammad Asif, and Army Chief General Qamer Javed "
        "Bajwa,¹Kono appreciated Pakistan's efforts toward regional peace and security.",
        [
            ("Shahid Khaqan Abbasi", "Prime Minister", ""),
            ("Khawaja Muhammad Asif", "", ""),
            ("Qamer Javed Bajwa", "Army Chief General", ""),
            ("Kono", "", ""),
        ],
    ),
    (
        "The Japanese delegation was led by Ambassador in-charge of International Cooperation "
        "for Countering Terrorism, Eiji Yamamoto, who had met with the National Security "
        "Adviser Nasser Khan Janjua in Islamabad.",
        [
            (
                "Eiji Yamamoto",
                "Ambassador in-charge of International Cooperation for Countering Terrorism",
                "",
            ),
            ("Nasser Khan Janjua", "National Security Adviser", ""),
        ],
    ),
    (
        "With regard to cooperation on counter-terrorism, both countries have been involved in "
        "mutual consultations, and the Japanese Government of Prime Minister Shinzo Abe has "
        "expressed concerns",
        [("Shinzo Abe", "Prime Minister", "")],
    ),
    (
        "Prime Minister Abe has already expressed Japan's willingness to get involved in the BRI.",
        [("Abe", "Prime Minister", "")],
    ),
    (
        "Kono told Islamabad not to follow loopholes in UN sanctions on North Korea.",
        [("Kono", "", "")],
    ),
    (
        "However, Kono's assurance to cooperate with Islamabad on counter-terrorism appears "
        "that Tokyo is willing to support Islamabad at a time when Trump is accusing Pakistan.",
        [("Kono", "", ""), ("Trump", "", "")],
    ),
    ("Edited by\nNajam Rafique", [("Najam Rafique", "", "")]),
    ("By\nDr Ahmad Rashid Malik\nDirector", [("Ahmad Rashid Malik", "", "")]),
    (
        "See also the Public talks Delivered by Ambassador Inomata & Ambassador Hiroshi Kurai "
        "at the Institute of Strategic Studies Islamabad (ISSI) on August 11, 2015.",
        [("Inomata", "Ambassador", ""), ("Hiroshi Kurai", "Ambassador", "")],
    ),
    # fixture: TDI news
    (
        "Islamabad, 26 July 2022 (TDI): Pakistan’s Foreign Minister Bilawal Bhutto met with the "
        "Japanese Ambassador to Pakistan, Wada Mitsuhiro, at Foreign Office Islamabad.",
        [
            ("Bilawal Bhutto", "Foreign Minister", "PK"),
            ("Wada Mitsuhiro", "Ambassador to Pakistan", "JP"),
        ],
    ),
    (
        "Japanese Prime Minister Kishida Fumio has expressed the resolve to further increase "
        "bilateral relations in the days ahead.",
        [("Kishida Fumio", "Prime Minister", "JP")],
    ),
    (
        "During the visit of President Asif Ali Zardari to Japan on 21-23 February 2011, the two "
        "sides signed the Joint Statement on Japan-Pakistan Comprehensive Partnership.",
        [("Asif Ali Zardari", "President", "")],
    ),
    # fixture: MOFA Pakistan brief
    (
        "The President of Pakistan H.E. Dr.Arif Alvi visited Tokyo from 20-24 October, 2019 to "
        "attend the Enthronement Ceremony of the Emperor of Japan Naruhito.",
        [("Arif Alvi", "President", "PK"), ("Naruhito", "Emperor", "JP")],
    ),
    (
        "The Foreign Minister of Pakistan, Makhdoom Shah Mahmood Qureshi visited Japan on the "
        "invitation of Mr. Taro Kono, Foreign Minister of Japan in April 2019.",
        [
            ("Shah Mahmood Qureshi", "Foreign Minister", "PK"),
            ("Taro Kono", "Foreign Minister", "JP"),
        ],
    ),
    # generalisation
    (
        "Secretary of State Antony Blinken said the talks were useful.",
        [("Antony Blinken", "Secretary of State", "US")],  # a role only one country has
    ),
    (
        "Prime Minister Theresa May met President Emmanuel Macron in Paris.",
        [("Theresa May", "Prime Minister", ""), ("Emmanuel Macron", "President", "")],
    ),
    ("Chad Smith said the talks went well.", [("Chad Smith", "", "")]),
    ("Mohammed bin Salman met officials.", [("Mohammed bin Salman", "", "")]),
]


@pytest.mark.parametrize(("sentence", "expected"), PEOPLE)
def test_people_with_roles(sentence: str, expected: list[tuple[str, str, str]]) -> None:
    got = [(m.actor.name, m.actor.role, m.actor.country) for m in find_people(sentence)]
    assert got == expected


NO_PEOPLE = [
    "Japan-Kazakhstan Foreign Ministers' Meeting",
    "Concerning the situation in North Korea, North Korea’s launch of yet another missile "
    "came immediately after the United Nations Security Council held discussions.",
    "the two sides signed the Joint Statement on Japan-Pakistan Comprehensive Partnership.",
    "Officials met at Foreign Office Islamabad.",
    "Japan hopes for the success of Expo Astana 2017, which will be held this year.",
    "On May 1, commencing at 8:20 a.m., the meeting began.",
    "Japan may not be fully satisfied.",
    "Opening remarks",
    "Both officials reiterated the mutual commitment to promote the ties.",
    "Pakistan’s Foreign Minister also recently met with Ambassadors of the European Union.",
    "The Japanese Ambassador agreed to enhance engagement and dialogue at all levels.",
    "Big Japanese corporations such as Marubeni, Mitsui, Sojitz, Morinaga and auto "
    "manufacturers like Toyota, Honda and Suzuki have significant investments in Pakistan.",
    "*(Views expressed in the brief are those of the author, and do not represent those of ISSI)*",
    "He said Pakistan was one of the most important countries.",
    "Jordan said it would attend the conference.",
    "May said nothing.",
    "INSTITUTE OF STRATEGIC STUDIES ISLAMABAD",
    "Brief on Pakistan-Japan Relations",
]


@pytest.mark.parametrize("sentence", NO_PEOPLE)
def test_no_false_people(sentence: str) -> None:
    assert find_people(sentence) == ()


COUNTRIES = [
    ("Japan-Kazakhstan Relations", ("JP", "KZ")),
    ("Pak-Japan Bilateral ties", ("PK", "JP")),
    ("PAKISTAN-JAPAN TIES: MOVING TOWARDS A POSITIVE TRAJECTORY", ("PK", "JP")),
    (
        "Pakistan expressed concerns on the Japanese-Indian nuclear deal struck on "
        "November 11, 2016.",
        ("PK", "JP", "IN"),
    ),
    ("It has misgivings over Islamabad's friendly ties with Pyongyang.", ("PK", "KP")),
    (
        "Mr. Taro Kono was undertaking a visit to three South Asian countries including "
        "Pakistan, Sri Lanka, and Maldives.",
        ("PK", "LK", "MV"),
    ),
    ("Japan opened one of its earliest trade offices in Karachi.", ("JP", "PK")),
    (
        "Pakistan facilitated the safe departure of Japanese nationals and Afghan staff.",
        ("PK", "JP", "AF"),
    ),
    (
        "Foreign Minister Abdrakhmanov expressed his hope for the entry of Japanese businesses "
        "into the Kazakh market.",
        ("JP", "KZ"),
    ),
    ("He discussed relations with the EU and Turkmenistan.", ("TM",)),
    ("The Indo-Japanese Nuclear Energy Cooperation", ("IN", "JP")),
    ("Sino-Indian talks and Indo-Pacific strategy", ("CN", "IN")),
    ("The Indo-Pacific strategy and the South China Sea", ()),
    ("One has to see how Japan, being a close US ally, would respond.", ("JP", "US")),
    ("Japan invested US\\$ 45.2 million during 2016-17.", ("JP",)),
    ("Trade stood at US$ 2 billion and 3 billion US dollars.", ()),
    ("Let us hope the U.S. and the United States of America agree.", ("US",)),
    ("Washington and Beijing disagree; Seoul and Tokyo watch.", ("US", "CN", "KR", "JP")),
    ("The DPRK and the Republic of Korea met in Panmunjom.", ("KP", "KR")),
    ("Turkey and Türkiye are the same country.", ("TR",)),
    ("The Democratic People's Republic of Korea fired a missile.", ("KP",)),
    ("Chad and Niger signed a border accord.", ("TD", "NE")),
    ("Chad Smith visited Georgia.", ("GE",)),
    ("Guinea-Bissau and Papua New Guinea", ("GW", "PG")),
    ("THE US AND JAPAN", ("JP",)),
    ("Astana hosted the Expo.", ("KZ",)),
    ("Pakistanis and Indians live in Dubai.", ("PK", "IN", "AE")),
]


@pytest.mark.parametrize(("sentence", "expected"), COUNTRIES)
def test_countries(sentence: str, expected: tuple[str, ...]) -> None:
    assert find_countries(sentence) == expected


def test_lowercase_us_is_not_a_country() -> None:
    assert find_countries("Let us meet in Tokyo; join us.") == ("JP",)


def test_every_un_member_name_is_recognised() -> None:
    import pycountry

    for country in pycountry.countries:
        for name in (country.name, getattr(country, "official_name", ""), country.alpha_2):
            if not name or "," in name or "(" in name or name == "Congo" or len(name) == 2:
                continue  # "Congo" alone is read as the DR Congo (CD), by design
            assert country.alpha_2 in find_countries(f"Officials from {name} arrived."), name


ORGANISATIONS = [
    (
        "North Korea’s launch came immediately after the United Nations Security Council "
        "held discussions.",
        ("UNSC",),
    ),
    ("full implementation of the UNSC resolutions", ("UNSC",)),
    (
        "the Comprehensive Nuclear-Test-Ban Treaty (CTBT) and the Fissile Material Cut Off "
        "Treaty (FMCT).",
        ("CTBT", "FMCT"),
    ),
    ("the Japan International Cooperation Agency (JICA) office", ("JICA",)),
    ("the launch of the CPEC and the BRI", ("CPEC", "BRI")),
    ("IMF: Direction of Trade Statistics", ("IMF",)),
    ("Ambassadors of the European Union and the EU", ("EU",)),
    ("a significant Foreign Direct Investment (FDI) contributor", ()),
    ("High-level Economic Policy Dialogue (HLEPD)", ("HLEPD",)),
    ("Islamabad, 26 July 2022 (TDI): Pakistan’s Foreign Minister", ()),
    ("INSTITUTE OF STRATEGIC STUDIES ISLAMABAD", ("ISSI",)),
    (
        "the activities of Lashkar-e-Tayyiba and Jaish-e-Mohammad",
        ("Lashkar-e-Tayyiba", "Jaish-e-Mohammad"),
    ),
]


@pytest.mark.parametrize(("sentence", "expected"), ORGANISATIONS)
def test_organisations(sentence: str, expected: tuple[str, ...]) -> None:
    assert find_organisations(sentence) == expected


def test_known_organisations_from_document() -> None:
    doc = "Bilateral Political Consultations (BPC) and Joint Government-Business Dialogue (JGBD)"
    acronyms = defined_acronyms(doc)
    assert acronyms == {"BPC", "JGBD"}
    assert find_entities("The BPC met in Tokyo.", known_organisations=acronyms).organisations == (
        "BPC",
    )
    assert find_entities("The BPC met in Tokyo.").organisations == ()


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Kishida Fumio", "Fumio Kishida"),
        ("Taro Kono", "Kono Taro"),
        ("José Pérez", "Jose Perez"),
        ("Bhutto-Zardari", "Bhutto Zardari"),
    ],
)
def test_name_key_ignores_order_and_accents(a: str, b: str) -> None:
    assert name_key(a) == name_key(b)


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ("kono", "kono taro", True),
        ("kono taro", "kono", True),
        ("bhutto bilawal", "bhutto bilawal zardari", True),
        ("kono", "kishida", False),
        ("", "kono", False),
        ("asif khawaja muhammad", "ali asif zardari", False),
        ("", "", False),  # an empty key names nobody
        ("jin park", "jin park", True),
    ],
)
def test_same_person(a: str, b: str, expected: bool) -> None:
    assert same_person(a, b) is expected


def test_resolve_actors_within_a_document() -> None:
    actors = [
        Actor("Taro Kono", "kono taro", "Minister for Foreign Affairs", ""),
        Actor("Khawaja Muhammad Asif", "asif khawaja muhammad", "Federal Minister", "PK"),
        Actor("Kono", "kono", "Minister", ""),
        Actor("Asif", "asif", "Minister", ""),
        Actor("Kishida Fumio", "fumio kishida", "Prime Minister", "JP"),
        Actor("Kishida", "kishida", "Prime Minister", ""),
    ]
    resolved = resolve_actors(actors)
    assert resolved["kono"] == resolved["kono taro"]
    assert resolved["kono"].name == "Taro Kono"
    assert resolved["kono"].role == "Minister for Foreign Affairs"
    assert resolved["asif"].name == "Khawaja Muhammad Asif"
    assert resolved["asif"].country == "PK"
    assert resolved["kishida"].name == "Kishida Fumio"  # kept in the order it was written
    assert resolved["kishida"].key == "fumio kishida"


@pytest.mark.parametrize(
    ("written", "short", "shown"),
    [
        # family name first, then the family name alone: the order is kept, not flipped
        (["Park Jin", "Park"], "park", "Park Jin"),
        (["Wang Yi", "Wang"], "wang", "Wang Yi"),
        # both orders in one document are one person, shown as first written
        (["Kishida Fumio", "Fumio Kishida", "Kishida"], "kishida", "Kishida Fumio"),
        (["Fumio Kishida", "Kishida Fumio"], "fumio kishida", "Fumio Kishida"),
        # with and without the given name
        (["Frank-Walter Steinmeier", "Steinmeier"], "steinmeier", "Frank-Walter Steinmeier"),
    ],
)
def test_one_person_whatever_the_order_and_however_short(written, short, shown) -> None:
    resolved = resolve_actors(Actor(n, name_key(n)) for n in written)
    assert {a.key for a in resolved.values()} == {name_key(written[0])}
    assert resolved[short].name == shown


def test_resolve_actors_leaves_ambiguous_surnames_alone() -> None:
    actors = [
        Actor("Khawaja Muhammad Asif", "asif khawaja muhammad"),
        Actor("Asif Ali Zardari", "ali asif zardari"),
        Actor("Asif", "asif", "Minister"),
    ]
    assert resolve_actors(actors)["asif"].name == "Asif"


def test_apply_resolution_dedupes() -> None:
    entities = Entities(
        actors=(Actor("Kono", "kono", "Minister"), Actor("Taro Kono", "kono taro")),
        countries=("PK",),
    )
    resolved = resolve_actors([*entities.actors])
    out = apply_resolution(entities, resolved)
    assert [a.name for a in out.actors] == ["Taro Kono"]
    assert out.countries == ("PK",)


def test_find_entities_puts_it_together() -> None:
    e = find_entities(
        "Pakistan facilitated the safe departure of Japanese nationals and Afghan staff working "
        "in the Japanese Embassy and the Japan International Cooperation Agency (JICA) office "
        "from Afghanistan."
    )
    assert e.actors == ()
    assert e.countries == ("PK", "JP", "AF")
    assert e.organisations == ("JICA",)


@pytest.mark.parametrize(
    ("code", "name"),
    [("PK", "Pakistan"), ("JP", "Japan"), ("KP", "North Korea"), ("US", "United States")],
)
def test_country_name(code: str, name: str) -> None:
    assert country_name(code) == name


def test_every_fixture_sentence_runs(fixture_sentences: list[str]) -> None:
    for sentence in fixture_sentences:
        e = find_entities(sentence)
        for actor in e.actors:
            assert actor.name and actor.key == name_key(actor.name)
            assert actor.name.split()[0] not in {"Mr.", "H.E.", "Dr.", "Makhdoom"}


@pytest.fixture
def fixture_sentences() -> list[str]:
    import re
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent / "fixtures"
    sentences = []
    for path in sorted(root.glob("*.txt")):
        for para in re.split(r"\n\s*\n", path.read_text(encoding="utf-8")):
            sentences.extend(s for s in re.split(r"(?<=[.!?])\s+", para) if s.strip())
    return sentences


def test_a_role_only_one_country_has_names_that_country():
    found = find_entities("External Affairs Minister Dr. S. Jaishankar will pay a visit to Japan.")
    assert [(a.name, a.role, a.country) for a in found.actors] == [
        ("S. Jaishankar", "External Affairs Minister", "IN")
    ]
    assert set(found.countries) == {"JP", "IN"}


def test_the_tagger_and_merge_share_one_same_person_rule():
    import chronicle.names

    assert same_person is chronicle.names.same_person
    assert name_key is chronicle.names.name_key


class TestPeopleByRoleAndOrder:
    @pytest.mark.parametrize(
        ("sentence", "expected"),
        [
            # a role and a surname alone make a person
            (
                "Foreign Minister Steinmeier flew on to Ankara after the talks.",
                [("Steinmeier", "Foreign Minister", "")],
            ),
            (
                "Chancellor Merkel and President Putin spoke by telephone on Friday.",
                [("Merkel", "Chancellor", ""), ("Putin", "President", "")],
            ),
            # East Asian names keep their order, family name first
            (
                "South Korean Foreign Minister Park Jin will travel to Jakarta next week.",
                [("Park Jin", "Foreign Minister", "KR")],
            ),
            (
                "Chinese Foreign Minister Wang Yi received the delegation in Beijing.",
                [("Wang Yi", "Foreign Minister", "CN")],
            ),
            # a family name in capitals after an honorific, with or without the given name
            (
                "Ms. KAMIKAWA Yoko welcomed the envoy.",
                [("Kamikawa Yoko", "", "")],
            ),
            ("Mr. HAYASHI said Japan would send experts.", [("Hayashi", "", "")]),
            ("Dr. GDP was not a person.", []),  # a term's acronym is no surname
            # a plural role is the role of each name in the list after it
            (
                "Prime Ministers Jacinda Ardern and Scott Morrison agreed on the travel bubble.",
                [
                    ("Jacinda Ardern", "Prime Minister", ""),
                    ("Scott Morrison", "Prime Minister", ""),
                ],
            ),
            (
                "Foreign Ministers Lavrov, Wang and Jaishankar met in Moscow.",
                [
                    ("Lavrov", "Foreign Minister", ""),
                    ("Wang", "Foreign Minister", ""),
                    ("Jaishankar", "Foreign Minister", ""),
                ],
            ),
            ("The Foreign Ministers' Meeting opened in Tokyo.", []),  # a possessive is no role
            # a name joined by "and" to a person is a person
            (
                "President Ruto and Museveni inspected the pipeline route.",
                [("Ruto", "President", ""), ("Museveni", "", "")],
            ),
            ("Scholz and Lula sign a hydrogen pact.", [("Scholz", "", ""), ("Lula", "", "")]),
            (
                "Mahmoud Abbas and Ismail Haniyeh in Cairo, 2011.",
                [("Mahmoud Abbas", "", ""), ("Ismail Haniyeh", "", "")],
            ),
            # "and" joining one thing: the verb agrees with a single subject
            ("The Treaty of Amity and Commerce was signed in 1785.", []),
            ("Research and Innovation is a shared priority.", []),
            # the object of a meeting verb
            (
                "In Luanda, Kagame met Tshisekedi on Saturday.",
                [("Kagame", "", ""), ("Tshisekedi", "", "")],
            ),
            ("She held talks with Retno Marsudi on Friday.", [("Retno Marsudi", "", "")]),
            # titles only one country has name that country
            (
                "Taoiseach Micheál Martin arrived in Ottawa.",
                [("Micheál Martin", "Taoiseach", "IE")],
            ),
            (
                "Chancellor of the Exchequer Jeremy Hunt met bankers.",
                [("Jeremy Hunt", "Chancellor of the Exchequer", "GB")],
            ),
            # two offices of one person
            (
                "State Councillor and Foreign Minister Qin Gang met Blinken.",
                [("Qin Gang", "State Councillor and Foreign Minister", "CN"), ("Blinken", "", "")],
            ),
            # honorifics of South and Southeast Asia are no part of the name
            (
                "Shri Piyush Goyal and Smt. Nirmala Sitharaman met the delegation.",
                [("Piyush Goyal", "", ""), ("Nirmala Sitharaman", "", "")],
            ),
            ("Datuk Seri Saifuddin Abdullah flew to Jakarta.", [("Saifuddin Abdullah", "", "")]),
            # a lower-case noun that introduces a person
            (
                "The talks were chaired by UN mediator Staffan de Mistura.",
                [("Staffan de Mistura", "", "")],
            ),
        ],
    )
    def test_people(self, sentence, expected):
        found = [(a.name, a.role, a.country) for a in find_entities(sentence).actors]
        assert found == expected

    def test_both_orders_and_the_surname_alone_resolve_to_one_actor(self):
        doc = [
            "Mr. HAYASHI Yoshimasa, Minister for Foreign Affairs of Japan, met the envoy.",
            "Yoshimasa Hayashi later told reporters the meeting had been useful.",
            "Foreign Minister Hayashi will visit Manila in July.",
        ]
        actors = [a for s in doc for a in find_entities(s).actors]
        resolved = resolve_actors(actors)
        assert {resolved[a.key] for a in actors} == {
            Actor("Hayashi Yoshimasa", "hayashi yoshimasa", "Minister for Foreign Affairs", "JP")
        }


class TestCountriesGivenAsExamples:
    @pytest.mark.parametrize(
        ("sentence", "countries"),
        [
            # "such as", "e.g.", "for instance": examples wherever they stand
            ("Canada signed accords with several partners such as Chile and Peru in 1997.", ["CA"]),
            ("Spain buys gas from suppliers, e.g. Algeria or Qatar, under long contracts.", ["ES"]),
            ("Neighbours, for instance Uganda and Rwanda, depend on Kenyan ports.", ["KE"]),
            # brackets after a plural noun that is neither counted nor definite
            ("Exports to some states outside the bloc (Iran, Iraq, Syria) fell in 2012.", []),
            ("Other donors (Norway and Sweden, for example) cut aid in 2016.", []),
            # "including" and "like" after such a plural noun
            ("Several Gulf states, including Qatar and Oman, welcomed the ceasefire.", []),
            ("Ghana, like many African countries like Togo and Benin, uses the port.", ["GH"]),
            # a counted or definite group names every member: those are the parties
            ("Trade between the two countries (Chile and Peru) doubled in 2010.", ["CL", "PE"]),
            (
                "The minister toured three Baltic states including Estonia, Latvia and Lithuania.",
                ["EE", "LV", "LT"],
            ),
            # a country named outside the list still counts; an alias in brackets is no list
            ("Norway and donors such as Norway and Denmark met in Oslo.", ["NO"]),
            ("Myanmar (Burma) joined the bloc in 1997.", ["MM"]),
            ("Japan, like China, sent rescue teams in 2011.", ["JP", "CN"]),
        ],
    )
    def test_examples_are_not_parties(self, sentence, countries):
        assert list(find_entities(sentence).countries) == countries


@pytest.mark.parametrize(
    "sentence",
    [
        # headline case capitalises verbs: "Tells", "Urges" are no surnames
        "Special Envoy Tells Council Talks Must Resume",
        "Foreign Minister Urges Calm Along the Border",
        # a plural noun before a verb for several is a group, not a person
        "Mediators meet again in Doha next week.",
        "The ASEAN-related Summits would follow in November.",
        # no article stands before a person's name
        "The Northern Transit Corridor was opened in 2019.",
        # capitals inside a word belong to a brand
        "NewsDesk said the figures were preliminary.",
    ],
)
def test_no_person_in(sentence: str) -> None:
    assert find_entities(sentence).actors == ()


@pytest.mark.parametrize(
    ("sentence", "countries"),
    [
        # a phrase that contains a country form without naming the country
        ("French rule in Indo-China ended in 1954.", ("FR",)),
        ("Fighting spread through Lower Juba in 2011.", ()),
        ("The Kyoto Protocol entered into force in 2005.", ()),
        # a combining form before a hyphen still names its country
        ("Indo-Bangladeshi talks resumed in 2015.", ("IN", "BD")),
        # capitals stand for their country; Gaza for Palestine
        ("Talks in Asmara and Gaza stalled.", ("ER", "PS")),
    ],
)
def test_place_phrases(sentence: str, countries: tuple[str, ...]) -> None:
    assert find_countries(sentence) == countries
