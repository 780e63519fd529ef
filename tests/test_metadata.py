"""Document metadata: title, date, publisher, author, and the lines they use up."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from chronicle.ingest.metadata.extract import (
    clean_name,
    extract_metadata,
    organisation_name,
    parse_date,
    parse_date_line,
    title_case,
)
from chronicle.ingest.text.clean import prepare_lines
from chronicle.ingest.text.document import document_from_text, load_document

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("January 4, 2018", (date(2018, 1, 4), "January 4, 2018")),
        ("on 26 July 2022 (TDI)", (date(2022, 7, 26), "26 July 2022")),
        ("2018-01-04", (date(2018, 1, 4), "2018-01-04")),
        ("28th April 1952", (date(1952, 4, 28), "28th April 1952")),
        ("Jan. 5, 2018", (date(2018, 1, 5), "Jan. 5, 2018")),
        ("4th of March, 2019", (date(2019, 3, 4), "4th of March, 2019")),
        ("from 20-24 October, 2019", (date(2019, 10, 24), "20-24 October, 2019")),
        ("February 30, 2018", None),
        ("in April 2019", None),
        ("no date here", None),
    ],
)
def test_parse_date(text: str, expected: tuple[date, str] | None) -> None:
    assert parse_date(text) == expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("May 1, 2017", date(2017, 5, 1)),
        ("Thursday, January 4, 2018", date(2018, 1, 4)),
        ("Published: 2018-01-10", date(2018, 1, 10)),
        ("Date: 10 January 2018", date(2018, 1, 10)),
        ("January 2018", date(2018, 1, 1)),
        ("Pakistan and Japan established relations on 28th April 1952.", None),
        ("Islamabad, 26 July 2022 (TDI):", None),
        ("Japan-Pakistan Relations", None),
        ("Updated 8:47 PM EDT, June 14, 2023", date(2023, 6, 14)),
        ("June 30, 2023 4:07 AM GMT+5", date(2023, 6, 30)),
        ("Meeting at 10:00 on 4 January 2018", None),
        ("Tokyo, 28 April 2022", date(2022, 4, 28)),
        ("Lahore, 9 February 2024", date(2024, 2, 9)),
        ("Simla Agreement, 2 July 1972", None),  # a title, not a place and date
        ("Dawn, 12 March 2019", None),
        ("12/11/2016", date(2016, 11, 12)),  # day first, as the desks this serves write it
        ("11/25/2016", date(2016, 11, 25)),  # unless the numbers say month first
        ("Date: 25.11.2016", date(2016, 11, 25)),
        ("Tel: 051/9207/2016", None),
    ],
)
def test_parse_date_line(line: str, expected: date | None) -> None:
    parsed = parse_date_line(line)
    assert (parsed[0] if parsed else None) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "PAKISTAN-JAPAN TIES: MOVING TOWARDS A POSITIVE TRAJECTORY",
            "Pakistan-Japan Ties: Moving Towards a Positive Trajectory",
        ),
        ("INSTITUTE OF STRATEGIC STUDIES ISLAMABAD", "Institute of Strategic Studies Islamabad"),
        ("THE CPEC AND THE US: A NEW ERA", "The CPEC and the US: A New Era"),
        ("Brief on Pakistan-Japan Relations", "Brief on Pakistan-Japan Relations"),
        ("2018", "2018"),
    ],
)
def test_title_case(text: str, expected: str) -> None:
    assert title_case(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Dr Ahmad Rashid Malik", "Ahmad Rashid Malik"),
        ("Dr. Ahmad Rashid Malik, Director", "Ahmad Rashid Malik"),
        ("Ambassador (Retd) Khalid Mahmood", "Khalid Mahmood"),
        ("Prof. Dr. Jane Doe - Editor", "Jane Doe"),
        ("Najam Rafique", "Najam Rafique"),
    ],
)
def test_clean_name(text: str, expected: str) -> None:
    assert clean_name(text) == expected


def meta(text: str):
    return extract_metadata(prepare_lines(text))


BODY = "The two ministers met in Islamabad and discussed trade, security and investment."


@pytest.mark.parametrize(
    ("text", "title", "day", "publisher", "author"),
    [
        (f"Japan-Pakistan Talks\n\nJanuary 4, 2018\n\n{BODY}", "Japan-Pakistan Talks", 4, "", ""),
        (
            f"ISLAMABAD, January 5, 2018 (Reuters) - {BODY}",
            "",
            5,
            "Reuters",
            "",
        ),
        (
            f"POLICY BRIEF\n\nCENTRE FOR PEACE STUDIES\n\nTRADE AND TIES\n\nBy Dr. Jane Doe, Fellow"
            f"\n\n5 January 2018\n\n{BODY}",
            "Trade and Ties",
            5,
            "Centre for Peace Studies",
            "Jane Doe",
        ),
        (
            f"# Talks in Tokyo\n\nPublished: 2018-01-05\n\nAuthor: John Smith\n\n{BODY}\n\n"
            "© 2018 Example News Agency. All rights reserved.",
            "Talks in Tokyo",
            5,
            "Example News Agency",
            "John Smith",
        ),
        (f"{BODY}\n\nThe talks were held on 5 January 2018.", "", None, "", ""),
        (
            "Statement by the Foreign Minister on Seventy Years of Pakistan-Japan Diplomatic "
            "Relations\n\nTokyo, 28 April 2022\n\nExcellencies,\n\n"
            "It is an honour to be with you this evening, my friends.\n",
            "Statement by the Foreign Minister on Seventy Years of Pakistan-Japan Diplomatic Relations",
            28,
            "",
            "",
        ),
        (
            f"Weekly Press Briefing\n\n{BODY}\n\nIslamabad\n15.03.2023\n",
            "Weekly Press Briefing",
            15,
            "",
            "",
        ),
        (
            "Japan and Pakistan hold talks on trade\nISLAMABAD: The two countries held talks "
            "and agreed on a plan to double trade.\n",
            "Japan and Pakistan hold talks on trade",
            None,
            "",
            "",
        ),
        (
            "Kono visits Islamabad\n\nOn 4 January 2018, Mr. Kono\nvisited Islamabad. Last year he "
            "went to Tokyo.\n",
            "Kono visits Islamabad",
            None,
            "",
            "",
        ),
        (
            "Japan and India\n\nThe deal was signed on 11 November 2016[1] and ratified in July "
            "2017.[2]\n\n[1] Japan Times, 12 November 2016.\n[2] MOFA, 20 July 2017.\n",
            "Japan and India",
            None,
            "",
            "",
        ),
        (
            f"Pakistan, Japan agree to boost trade ties\n\nDawn\nPublished March 15, 2023\n\n{BODY}",
            "Pakistan, Japan agree to boost trade ties",
            15,
            "Dawn",
            "",
        ),
        (
            f"Ministry News\n\nTitle One1\nTitle One2\n\n{BODY}\n\nBack to Ministry News",
            "Title One",
            None,
            "",
            "",
        ),
    ],
)
def test_extract_metadata(
    text: str, title: str, day: int | None, publisher: str, author: str
) -> None:
    found = meta(text)
    assert found.title == title
    assert (found.date.day if found.date else None) == day
    assert found.publisher == publisher
    assert found.author == author


def test_metadata_lines_leave_the_body_but_the_title_stays() -> None:
    doc = document_from_text(
        f"NEWS RELEASE\n\nTrade Talks Open\n\nBy\nJane Doe\nSenior Fellow\n\n"
        f"Edited by\nJohn Roe\n\nMarch 3, 2020\n\n{BODY}"
    )
    assert doc.title == "Trade Talks Open"
    assert doc.author == "Jane Doe"
    assert doc.date == date(2020, 3, 3)
    assert [s.text for s in doc.segments] == ["Trade Talks Open", BODY]


# --- the fixtures ---------------------------------------------------------------------------

EXPECTED = [
    (
        "2017-05-01-mofa-japan-kazakhstan-foreign-ministers-meeting.txt",
        "Japan-Kazakhstan Foreign Ministers' Meeting",
        date(2017, 5, 1),
        "May 1, 2017",
        "",
        "",
    ),
    (
        "2018-01-04-mofa-japan-pakistan-foreign-ministers-meeting.txt",
        "Japan-Pakistan Foreign Ministers’ Meeting",
        date(2018, 1, 4),
        "January 4, 2018",
        "",
        "",
    ),
    (
        "2018-01-10-issi-issue-brief-pakistan-japan-ties.txt",
        "Pakistan-Japan Ties: Moving Towards a Positive Trajectory",
        date(2018, 1, 10),
        "January 10, 2018",
        "Institute of Strategic Studies Islamabad",
        "Ahmad Rashid Malik",
    ),
    (
        "2022-07-26-tdi-bilawal-bhutto-meets-japanese-ambassador.txt",
        # no heading: the lede, without its dateline, is the title
        "Pakistan’s Foreign Minister Bilawal Bhutto met with the Japanese Ambassador to Pakistan…",
        date(2022, 7, 26),
        "26 July 2022",
        "TDI",
        "",
    ),
    (
        "undated-mofa-pakistan-brief-on-pakistan-japan-relations.txt",
        "Brief on Pakistan-Japan Relations",
        None,
        "",
        "",
        "",
    ),
]


@pytest.mark.parametrize(
    ("name", "title", "day", "date_text", "publisher", "author"),
    EXPECTED,
    ids=[row[0][:24] for row in EXPECTED],
)
def test_fixture_metadata(
    name: str, title: str, day: date | None, date_text: str, publisher: str, author: str
) -> None:
    doc = load_document(FIXTURES / name)
    assert doc.title == title
    assert doc.date == day
    assert doc.date_text == date_text
    assert doc.publisher == publisher
    assert doc.author == author
    assert doc.encoding == "utf-8"
    assert doc.path.endswith(name)


def test_issi_masthead_is_not_body_text() -> None:
    doc = load_document(FIXTURES / "2018-01-10-issi-issue-brief-pakistan-japan-ties.txt")
    first = doc.segments[0]
    assert (first.kind, first.text) == (
        "heading",
        "PAKISTAN-JAPAN TIES: MOVING TOWARDS A POSITIVE TRAJECTORY",
    )
    assert doc.segments[1].text.startswith("After a hiatus of eight years")
    for line in ("INSTITUTE OF STRATEGIC", "Director", "Study Center", "January 10, 2018"):
        assert line not in doc.text


def test_tdi_dateline_stays_in_the_first_sentence() -> None:
    doc = load_document(FIXTURES / "2022-07-26-tdi-bilawal-bhutto-meets-japanese-ambassador.txt")
    assert doc.segments[0].text.startswith("Islamabad, 26 July 2022 (TDI): Pakistan’s Foreign")


HTML_PAGE = """<!DOCTYPE html><html><head><title>Summit | MOFA</title><script>x=1</script></head>
<body><header><div>Ministry of Foreign Affairs of Japan</div>
<nav><a href="/">Home</a></nav></header><div>Home &gt; Regions &gt; Pakistan</div>
<main><h1>Japan-Pakistan Summit Meeting</h1><p>March 3, 2020</p>
<p>On March 3, Mr. Shinzo Abe held a meeting with H.E. Mr. Imran Khan.<sup>1</sup> The
overview is as follows.</p><ol><li>Abe welcomed the visit.</li><li>They discussed trade.</li></ol>
<p><sup>1</sup> See the joint statement.</p><p><a href="/b">Back to Japan-Pakistan Relations</a></p>
</main><footer>&copy; 2020 Ministry of Foreign Affairs of Japan</footer></body></html>"""


def test_html_page_end_to_end(tmp_path: Path) -> None:
    path = tmp_path / "summit.html"
    path.write_text(HTML_PAGE, encoding="utf-8")
    doc = load_document(path)
    assert doc.title == "Japan-Pakistan Summit Meeting"
    assert doc.date == date(2020, 3, 3)
    assert doc.publisher == "Ministry of Foreign Affairs of Japan"
    assert doc.footnotes == {"1": "See the joint statement."}
    assert [(s.kind, s.text, s.footnotes) for s in doc.segments] == [
        ("heading", "Japan-Pakistan Summit Meeting", ()),
        ("sentence", "On March 3, Mr. Shinzo Abe held a meeting with H.E. Mr. Imran Khan.", ("1",)),
        ("sentence", "The overview is as follows.", ()),
        ("list_item", "Abe welcomed the visit.", ()),
        ("list_item", "They discussed trade.", ()),
        ("footnote", "See the joint statement.", ("1",)),
    ]


def test_markdown_front_matter(tmp_path: Path) -> None:
    path = tmp_path / "note.md"
    path.write_text(
        "---\ntitle: Notes on the visit\ndate: 2018-01-05\nauthor: Dr. A. Writer\n"
        "publisher: Example Institute\n---\n\n# Notes on the visit\n\n"
        "**Islamabad** — Taro Kono arrived on Jan. 3, 2018.[^1] He met the P.M. on 4 January.\n\n"
        "[^1]: Dawn, 4 January 2018.\n",
        encoding="utf-8",
    )
    doc = load_document(path)
    assert (doc.title, doc.date, doc.author, doc.publisher) == (
        "Notes on the visit",
        date(2018, 1, 5),
        "A. Writer",
        "Example Institute",
    )
    assert [(s.kind, s.text, s.footnotes) for s in doc.segments] == [
        ("heading", "Notes on the visit", ()),
        ("sentence", "Islamabad — Taro Kono arrived on Jan. 3, 2018.", ("1",)),
        ("sentence", "He met the P.M. on 4 January.", ()),
        ("footnote", "Dawn, 4 January 2018.", ("1",)),
    ]


@pytest.mark.parametrize(
    ("sentence", "dateline"),
    [
        ("ISLAMABAD, June 30 (Reuters) - Pakistan agreed.", "ISLAMABAD, June 30 (Reuters) - "),
        ("Islamabad, 26 July 2022 (TDI): The minister met.", "Islamabad, 26 July 2022 (TDI): "),
        ("Karachi, home to 20 million people - is a port.", ""),
        (
            "BEIJING, Nov. 17 (Xinhua) -- China and Argentina agreed.",
            "BEIJING, Nov. 17 (Xinhua) -- ",
        ),
        # a wire dateline with no date: a city in capitals or one the lexicon knows
        ("TALLINN - Estonia expelled a Russian diplomat.", "TALLINN - "),
        ("LA PAZ — Bolivia and Chile resumed talks.", "LA PAZ — "),
        ("SAN JOSE, Costa Rica — Voters went to the polls.", "SAN JOSE, Costa Rica — "),
        ("Nairobi – Kenya's parliament voted.", "Nairobi – "),
        # an organisation's acronym, or a pair of countries, is no dateline
        ("NATO - The alliance met in Vilnius.", ""),
        ("Peru - Ecuador talks resumed in Lima.", ""),
    ],
)
def test_dateline_length(sentence: str, dateline: str) -> None:
    from chronicle.ingest.metadata.extract import dateline_length

    assert sentence[: dateline_length(sentence)] == dateline


@pytest.mark.parametrize(
    ("line", "name"),
    [
        ("UNITED NATIONS | Meetings Coverage and Press Releases", "United Nations"),
        ("Lusaka Mail · Weekend Edition", "Lusaka Mail"),
        ("Welcome to the African Union", "African Union"),
        ("Government of Ghana / Gouvernement du Ghana", "Government of Ghana"),
    ],
)
def test_organisation_name(line: str, name: str) -> None:
    assert organisation_name(line) == name


def test_the_agency_under_a_states_name_is_the_publisher() -> None:
    found = meta(f"REPUBLIC OF GHANA\nMINISTRY OF FOREIGN AFFAIRS\n\nBorder Talks\n\n{BODY}")
    assert (found.title, found.publisher) == ("Border Talks", "Ministry of Foreign Affairs")


def test_a_web_address_as_source_names_no_publisher() -> None:
    found = meta(f"---\nsource: https://www.example.org/news/talks\n---\n\n# Talks\n\n{BODY}")
    assert found.publisher == ""


class TestHeadline:
    def test_the_headline_stands_over_its_byline_even_in_sentence_case(self) -> None:
        found = meta(
            "Zambezi Policy Forum\n\nThe long road to Kariba: how two neighbours learned to "
            f"share a river\n\nBy Ama Owusu\n4 May 2020\n\n{BODY}"
        )
        assert found.title == (
            "The long road to Kariba: how two neighbours learned to share a river"
        )
        assert (found.author, found.date, found.publisher) == (
            "Ama Owusu",
            date(2020, 5, 4),
            "Zambezi Policy Forum",
        )

    def test_a_line_of_names_over_the_date_is_a_byline(self) -> None:
        found = meta(f"Sharing the Zambezi\n\nAma Owusu and Li Na\n4 May 2020\n\n{BODY}")
        assert (found.title, found.author, found.date) == (
            "Sharing the Zambezi",
            "Ama Owusu and Li Na",
            date(2020, 5, 4),
        )

    def test_fact_box_rows_are_no_headline(self) -> None:
        found = meta(
            "ZAMBIA – ZIMBABWE: COUNTRY PROFILE\n\nShared border: 797 km\n"
            f"Main joint body: Zambezi River Authority; Joint Permanent Commission\n\n{BODY}"
        )
        assert found.title == "Zambia – Zimbabwe: Country Profile"

    def test_a_numbered_release_line_gives_date_and_headline(self) -> None:
        found = meta(
            "MINISTRY OF FOREIGN AFFAIRS\n\nNo: 88, 2 March 2020, Press Release Regarding the "
            f"Visit of the Foreign Minister of Ghana to Togo\n\n{BODY}"
        )
        assert (found.date, found.date_source, found.title, found.publisher) == (
            date(2020, 3, 2),
            "release_number_line",
            "Press Release Regarding the Visit of the Foreign Minister of Ghana to Togo",
            "Ministry of Foreign Affairs",
        )

    def test_reading_time_and_page_chrome_are_no_headline(self) -> None:
        found = meta(
            "Home > Analysis\n\nReading time: 6 min\n\nBorder talks resume\n\n"
            f"Related stories\nOlder talks stall (3 May 2019)\n\n{BODY}"
        )
        assert found.title == "Border talks resume"


CREATED_BY = """---
creator: Desk Officer 4
source: https://www.mofa.gov.pk/press/2018/01/04/fm-meets-japanese-envoy/
---

# Foreign Minister receives the Ambassador of Japan

{byline}

Islamabad, 4 January 2018: The Foreign Minister received the Ambassador of Japan at the
Foreign Office today and discussed the visit of Japan's Foreign Minister.
"""


def test_the_file_creator_is_the_author_only_when_the_text_names_none() -> None:
    with_byline = document_from_text(CREATED_BY.format(byline="By Ayesha Siddiqa"))
    without = document_from_text(CREATED_BY.format(byline=""))
    assert (with_byline.author, without.author) == ("Ayesha Siddiqa", "Desk Officer 4")


def test_a_saved_page_keeps_the_web_address_it_names_as_its_own() -> None:
    doc = document_from_text(CREATED_BY.format(byline=""))
    assert doc.url == "https://www.mofa.gov.pk/press/2018/01/04/fm-meets-japanese-envoy/"
    fetched = document_from_text(CREATED_BY.format(byline=""), url="https://example.org/a")
    assert fetched.url == "https://example.org/a"
    assert document_from_text("source: ISSI\n\nA brief of 4 May 2019.").url == ""
