"""The document's own date: each strategy alone, then the chooser on whole pages."""

from __future__ import annotations

from datetime import date

import pytest

from chronicle.ingest.document_date import (
    Candidate,
    Page,
    choose,
    contradicted,
    decoy_lines,
    from_byline,
    from_date_line,
    from_dateline,
    from_foot_date_line,
    from_front_matter,
    from_html_meta,
    from_masthead,
    from_published_line,
    from_updated_line,
    labelled_date,
    name_and_date,
    numbered_release_date,
    parse_date_line,
    publication_date,
    published_outlet,
    separated_date,
    stamped_date,
)
from chronicle.ingest.document_date.lines import PUBLISHED_LABEL
from chronicle.ingest.metadata.extract import _masthead, extract_metadata
from chronicle.ingest.metadata.publisher import GENRE_LABEL
from chronicle.ingest.text.clean import prepare_lines
from chronicle.ingest.text.document import document_from_text

LEDE = "The two delegations met in Lusaka and agreed to reopen the rail corridor to freight."


def page(*lines: str, **landmarks: object) -> Page:
    return Page(list(lines), **landmarks)


def found(candidates: list[Candidate]) -> list[tuple[date, str, int | None]]:
    return [(c.date, c.strategy, c.line) for c in candidates]


class TestStrategies:
    def test_front_matter_date(self) -> None:
        assert found(from_front_matter(page(front={"date": "2019-06-02"}))) == [
            (date(2019, 6, 2), "front_matter", None)
        ]

    def test_html_meta_date_with_a_clock_time(self) -> None:
        meta = page(front={"date-published": "2021-03-09T08:30:00+01:00"})
        assert found(from_html_meta(meta)) == [(date(2021, 3, 9), "html_meta", None)]

    def test_date_under_a_byline(self) -> None:
        lines = page(
            "Lusaka talks", "By Chanda Mwale", "March 4, 2021", LEDE, byline=frozenset({1})
        )
        assert found(from_byline(lines)) == []  # the byline block is read from the masthead
        lines = page(
            "Lusaka talks",
            "By Chanda Mwale",
            "March 4, 2021",
            LEDE,
            top=(0, 1, 2),
            byline=frozenset({1}),
        )
        assert found(from_byline(lines)) == [(date(2021, 3, 4), "byline", 2)]

    def test_date_on_the_byline_itself(self) -> None:
        lines = page("By Chanda Mwale | 4 March 2021", top=(0,), byline=frozenset({0}))
        assert found(from_byline(lines)) == [(date(2021, 3, 4), "byline", 0)]
        updated = "By Chanda Mwale | Updated: 9 March 2021 | Published: 4 March 2021"
        lines = page(updated, top=(0,), byline=frozenset({0}))
        assert found(from_byline(lines)) == [(date(2021, 3, 4), "byline", 0)]

    @pytest.mark.parametrize(
        ("line", "expected"),
        [
            ("Published in The Lusaka Mail, March 5th, 2021", date(2021, 3, 5)),
            ("Posted on 2 April 2019 by webmaster", date(2019, 4, 2)),
            ("Published September 3, 2020", date(2020, 9, 3)),
            ("Date: 14.05.2018", date(2018, 5, 14)),
            ("Published : Jun. 7, 2022 - 09:10 Updated : Jun. 7, 2022 - 11:45", date(2022, 6, 7)),
        ],
    )
    def test_published_lines_at_head_or_foot(self, line: str, expected: date) -> None:
        lines = page("Rail corridor reopens", LEDE, line)
        assert found(from_published_line(lines)) == [(expected, "published_line", 2)]

    def test_the_outlet_of_a_published_in_line(self) -> None:
        assert published_outlet("Published in The Lusaka Mail, March 5th, 2021") == (
            "The Lusaka Mail"
        )
        assert published_outlet("Published September 3, 2020") == ""

    def test_last_updated_line(self) -> None:
        lines = page("Brief on relations", LEDE, "Last updated on: 09/02/2022")
        assert found(from_updated_line(lines)) == [(date(2022, 2, 9), "updated_line", 2)]

    def test_date_lines_are_named_by_where_they_stand(self) -> None:
        lines = page(
            "Friday 12 May 2023",
            "Rail corridor reopens",
            "Lusaka, 9 May 2023",
            "10 May 2023",
            top=(0, 1, 2, 3),
            title=1,
        )
        assert found(from_date_line(lines)) == [
            (date(2023, 5, 12), "date_above_title", 0),
            (date(2023, 5, 9), "place_date_line", 2),
            (date(2023, 5, 10), "date_under_title", 3),
        ]

    def test_a_date_among_short_parts_of_a_line(self) -> None:
        assert separated_date("Ama Owusu and Li Na · 3 February 2020 · 7 min read") == (
            date(2020, 2, 3),
            "3 February 2020",
        )
        assert separated_date("Working Paper No. 12 | Ama Owusu | 03.02.2020") == (
            date(2020, 2, 3),
            "03.02.2020",
        )
        assert separated_date("Accra | Lagos | Lomé") is None

    def test_wire_dateline_with_its_year(self) -> None:
        lines = page("ACCRA, Feb 3, 2020 (Reuters) - Ghana and Togo agreed ...", first_prose=0)
        assert found(from_dateline(lines)) == [(date(2020, 2, 3), "dateline", 0)]
        yearless = page("ACCRA, Feb 3 (Reuters) - Ghana and Togo agreed ...", first_prose=0)
        assert from_dateline(yearless) == []

    def test_foot_date_line(self) -> None:
        lines = page("Press release", LEDE, "Lusaka", "05.03.2021")
        assert found(from_foot_date_line(lines)) == [(date(2021, 3, 5), "foot_date_line", 3)]

    def test_masthead_date_only_when_it_is_the_one_dated_line(self) -> None:
        one = page("QUESTION FOR WRITTEN ANSWER TABLED 11.10.2019", "Rail links", top=(0, 1))
        assert found(from_masthead(one)) == [(date(2019, 10, 11), "masthead_date", 0)]
        entries = page("Accord of Lomé, 9 May 1999", "Treaty of Accra, 2 June 2001", top=(0, 1))
        assert from_masthead(entries) == []


class TestLineForms:
    @pytest.mark.parametrize(
        ("line", "expected"),
        [
            ("May 3, 2021 / 9:12 AM / 3 years ago", date(2021, 5, 3)),
            ("April 20, 202211:05 PM GMT", date(2022, 4, 20)),  # text nodes run together
            ("4 June 2020 · 5 min read", date(2020, 6, 4)),
            ("4 June 2020 The ministers met in Accra.", None),
        ],
    )
    def test_stamped_date(self, line: str, expected: date | None) -> None:
        parsed = stamped_date(line)
        assert (parsed[0] if parsed else None) == expected

    @pytest.mark.parametrize(
        ("line", "expected"),
        [
            ("STARRED QUESTION NO. 42 TO BE ANSWERED ON 11.03.2020", date(2020, 3, 11)),
            ("Statement issued on 4 May 2019", date(2019, 5, 4)),
            ("Treaty of Accra, 4 May 2019", None),
        ],
    )
    def test_labelled_date(self, line: str, expected: date | None) -> None:
        parsed = labelled_date(line)
        assert (parsed[0] if parsed else None) == expected

    @pytest.mark.parametrize(
        ("line", "expected"),
        [
            ("Ama Owusu 4 June 2020 5 min read", date(2020, 6, 4)),
            ("Lucía Montero | 8 April 2022", date(2022, 4, 8)),
            ("Janet Mwangi · 3 May 2021", date(2021, 5, 3)),  # a name may start like a month
            ("Marcus Lindqvist 12 June 2019", date(2019, 6, 12)),
            ("March 12 2019 12 June 2019", None),  # a month is no name
            ("Lusaka Treaty 9 June 1976", None),  # a thing's name, not a person's
            ("THE LUSAKA MAIL · 9 June 1976", None),  # a masthead in capitals is no name
        ],
    )
    def test_a_name_then_a_date(self, line: str, expected: date | None) -> None:
        parsed = name_and_date(line)
        assert (parsed[0] if parsed else None) == expected

    @pytest.mark.parametrize(
        ("line", "expected"),
        [
            ("Published: 16 May 2023 | Updated: 18 May 2023", date(2023, 5, 16)),
            ("Updated 18 May 2023 · Published 16 May 2023", date(2023, 5, 16)),
            ("16.05.2023 - Update : 17.05.2023", date(2023, 5, 16)),
            ("16 May 2023 | Last updated 18 May 2023", date(2023, 5, 16)),
            ("Published: 16.05.2023 15:20 Updated: 17.05.2023 09:02", date(2023, 5, 16)),
            ("Talks on 16 May 2023 and 18 May 2023", None),  # two dates, no update named
            ("Updated: 18 May 2023", None),  # one date is no stamp of two
        ],
    )
    def test_a_line_stamped_published_and_updated_gives_the_first(
        self, line: str, expected: date | None
    ) -> None:
        parsed = publication_date(line)
        assert (parsed[0] if parsed else None) == expected

    @pytest.mark.parametrize(
        ("line", "expected"),
        [
            ("Aigerim Sadykova |16.05.2023 - Update : 16.05.2023", date(2023, 5, 16)),
            ("Aigerim Sadykova | 16.05.2023 - Update : 19.05.2023", date(2023, 5, 16)),
            ("Tomás Ferreira|3 March 2022", date(2022, 3, 3)),
        ],
    )
    def test_an_author_line_with_bars_and_an_update(self, line: str, expected: date) -> None:
        assert name_and_date(line)[0] == expected

    def test_numbered_release_line(self) -> None:
        line = "No: 88, 2 March 2020, Press Release Regarding the Visit of the Foreign Minister"
        assert numbered_release_date(line) == (date(2020, 3, 2), "2 March 2020")
        assert numbered_release_date("No more talks on 2 March 2020") is None

    def test_a_yearless_dateline_is_dated_after_what_the_story_narrates(self) -> None:
        lines = page(
            "ACCRA, March 2 (Wire) - The two leaders opened the border on Monday.",
            "Talks had resumed on 14 January 2020 after a long pause.",
            first_prose=0,
        )
        assert found(from_dateline(lines)) == [(date(2020, 3, 2), "yearless_dateline", 0)]
        earlier = page(
            "ACCRA, Jan 2 (Wire) - The two leaders opened the border on Monday.",
            "Talks had resumed on 14 January 2020 after a long pause.",
            first_prose=0,
        )
        assert found(from_dateline(earlier)) == [(date(2021, 1, 2), "yearless_dateline", 0)]

    def test_a_sign_off_above_links_and_copyright(self) -> None:
        lines = page(
            LEDE,
            "LUSAKA,",
            "9th June, 1976.",
            "[End of text]",
            "© 2024 Archive of Southern Africa. All rights reserved.",
        )
        assert found(from_foot_date_line(lines)) == [(date(1976, 6, 9), "foot_date_line", 2)]
        after = page("9th June, 1976.", LEDE, "[End of text]")
        assert from_foot_date_line(after) == []


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("16.02.2015 - Article", date(2015, 2, 16)),
        ("Thu 4 Jun 2020 08.00 EDT", date(2020, 6, 4)),
        ("Wed, 3 Mar 2021", date(2021, 3, 3)),
        ("03/05/2021 09:12", date(2021, 5, 3)),  # numeric with a clock: still day first
        ("Satellite images 3 May 2021", None),
        ("date 2018-01-31", date(2018, 1, 31)),
        ("Wednesday, 3 June 2020", date(2020, 6, 3)),
        ("Nairobi, 3 June 2020", date(2020, 6, 3)),
        ("Treaty of Nairobi, 3 June 2020", None),
        ("The ministers met on 3 June 2020.", None),
    ],
)
def test_parse_date_line(line: str, expected: date | None) -> None:
    parsed = parse_date_line(line)
    assert (parsed[0] if parsed else None) == expected


def test_lines_that_date_the_copy_are_decoys() -> None:
    lines = page(
        "Rail corridor reopens",
        "Digitised: 3 February 2021     Rights: Public domain",
        LEDE,
        "Material published by: Ministry of Transport  Modification date: 06.12.2023",
        "Accessed 4 March 2024.",
        top=(0, 1),
        first_prose=2,
    )
    assert decoy_lines(lines) == {1, 3, 4}


class TestCrawlBars:
    def test_a_date_above_the_menu_is_the_day_the_page_was_saved(self) -> None:
        lines = page(
            "Tuesday, 03.12.2024",
            "",  # a menu line, blanked as chrome
            "Rail corridor reopens",
            LEDE,
            top=(0, 2),
            title=2,
            first_prose=3,
            chrome=frozenset({1}),
        )
        assert from_date_line(lines) == []
        assert decoy_lines(lines) == {0}

    def test_a_date_bar_with_the_weather_and_login_links(self) -> None:
        lines = page(
            "Tuesday, 03.12.2024 · +7°C · Login",
            "Rail corridor reopens",
            LEDE,
            top=(0, 1),
            title=1,
            first_prose=2,
        )
        assert from_date_line(lines) == []
        assert decoy_lines(lines) == {0}

    @pytest.mark.parametrize(
        ("line", "bar"),
        [
            ("Tuesday, 03.12.2024 · AZ EN RU", True),  # language links
            ("Tuesday, 03.12.2024 · -3 °C", True),  # the weather
            ("Tuesday, 03.12.2024 · Sign in", True),
            ("Tuesday, 03.12.2024 · Go To", False),  # words, not language codes
        ],
    )
    def test_what_a_header_bar_prints_beside_the_date(self, line: str, bar: bool) -> None:
        lines = page(line, "Rail corridor reopens", LEDE, top=(0, 1), title=1, first_prose=2)
        assert decoy_lines(lines) == ({0} if bar else set())

    def test_a_date_right_above_the_headline_stays_the_articles(self) -> None:
        lines = page("Tuesday, 16.05.2023", "Rail corridor reopens", LEDE, top=(0, 1), title=1)
        assert found(from_date_line(lines)) == [(date(2023, 5, 16), "date_above_title", 0)]
        assert decoy_lines(lines) == set()


class TestChooser:
    def test_a_late_crawl_date_loses_to_a_text_speaking_of_earlier_dates_in_future(self) -> None:
        crawl = Candidate(date(2024, 4, 24), "April 24, 2024", "date_above_title", 0, True)
        narrated = [date(2017, 1, 3), date(2016, 11, 2)]
        assert contradicted(crawl, narrated, future=[date(2017, 1, 3)])
        assert not contradicted(crawl, narrated, future=[])  # a late page about the past
        # what someone long ago said would happen is no sign of when the page was written
        assert not contradicted(crawl, narrated, future=[date(1995, 7, 1)])

    def test_the_strongest_uncontradicted_candidate_wins(self) -> None:
        lines = page(
            "Wednesday April 24, 2024",
            "Minister to visit Lusaka",
            "The minister will be visiting Lusaka on 3 January 2017 for two days of talks.",
            first_prose=2,
        )
        crawl = Candidate(date(2024, 4, 24), "April 24, 2024", "date_above_title", 0, True)
        assert choose([crawl], lines) is None

    def test_a_dateline_year_inferred_from_the_body_never_overrules_a_stated_date(self) -> None:
        lines = page(
            "July 9, 2018 / 4:41 PM",
            "Border reopens",
            "ASMARA, July 9 (Wire) - The border war ended in December 2000, and the leaders "
            "met last month.",
            top=(0, 1),
            title=1,
            first_prose=2,
        )
        stamp = Candidate(date(2018, 7, 9), "July 9, 2018", "date_above_title", 0, True)
        inferred = Candidate(date(2001, 7, 9), "July 9", "yearless_dateline", 2)
        assert choose([stamp, inferred], lines) == stamp


def meta(text: str):
    return extract_metadata(prepare_lines(text))


class TestPages:
    def test_byline_date_beats_todays_date_in_the_masthead(self) -> None:
        found = meta(
            "Thursday, May 9, 2024   21°C\n\nRail corridor reopens to freight\n\n"
            f"By Chanda Mwale, Staff Writer\nMarch 4, 2021\n\n{LEDE}\n"
        )
        assert (found.date, found.date_source) == (date(2021, 3, 4), "byline")

    def test_an_agency_author_line_beats_the_crawl_date_bar(self) -> None:
        doc = document_from_text(
            "Tuesday, 03.12.2024\nAstana  +2°C    KZ  EN  RU    Login\n\nSTEPPE WIRE\n\n"
            "Home | Politics | Economy | Region | World\n\n"
            "Kazakhstan and Azerbaijan agree to double Caspian freight\n\n"
            "Aigerim Sadykova |16.05.2023 - Update : 16.05.2023\n\n"
            "The transport ministers of Kazakhstan and Azerbaijan agreed on Tuesday to "
            "double container traffic across the Caspian Sea.\n"
        )
        assert (doc.date, doc.date_source) == (date(2023, 5, 16), "byline")
        assert [s.text for s in doc.segments][1:] == [
            "Kazakhstan and Azerbaijan agree to double Caspian freight",
            "The transport ministers of Kazakhstan and Azerbaijan agreed on Tuesday to "
            "double container traffic across the Caspian Sea.",
        ]

    def test_an_author_line_under_the_standfirst(self) -> None:
        found = meta(
            "Tuesday, 03.12.2024\n\nTürkçe | English | Русский\n\nSTEPPE NEWS AGENCY\n\n"
            "Kazakhstan, Azerbaijan agree to double Caspian freight\n\n"
            "Transport ministers meet in Astana, say container traffic across the Caspian "
            "Sea will double by 2025.\n\n"
            "Aigerim Sadykova   |16.05.2023 - Update : 16.05.2023\n\nASTANA\n\n"
            f"{LEDE}\n"
        )
        assert (found.date, found.date_source, found.author) == (
            date(2023, 5, 16),
            "byline",
            "Aigerim Sadykova",
        )

    def test_a_crawl_bar_alone_dates_nothing(self) -> None:
        doc = document_from_text(
            "Tuesday, 03.12.2024\n\nHome | Politics | Economy | Region | World\n\n"
            f"Rail corridor reopens to freight\n\n{LEDE}\n"
        )
        assert (doc.date, doc.date_source) == (None, "")
        assert [s.text for s in doc.segments] == ["Rail corridor reopens to freight", LEDE]

    def test_a_published_and_updated_line_under_the_headline(self) -> None:
        found = meta(
            "Wednesday, 4 December 2024\n\nHome | News | Opinion | Sport\n\n"
            "Rail corridor reopens to freight\n\n"
            f"Updated: 18 May 2023 | Published: 16 May 2023\n\n{LEDE}\n"
        )
        assert (found.date, found.date_source) == (date(2023, 5, 16), "updated_line")

    PORT = (
        "Wednesday, 4 December 2024\n\nAktau ferry terminal doubles its capacity\n\n"
        "The ferry terminal at Aktau, opened in 2016, handled 480 container ships {when}, "
        "twice as many as in 2016.\n\nAktau\n12.03.2018\n"
    )

    def test_a_body_counting_from_its_own_day_rejects_a_late_page_date(self) -> None:
        found = meta(self.PORT.format(when="last year"))
        assert (found.date, found.date_source) == (date(2018, 3, 12), "foot_date_line")

    def test_a_body_giving_its_years_keeps_the_date_above_the_headline(self) -> None:
        found = meta(self.PORT.format(when="in 2017"))
        assert (found.date, found.date_source) == (date(2024, 12, 4), "date_above_title")

    def test_published_foot_line_names_date_and_publisher(self) -> None:
        found = meta(
            f"Rail corridor reopens to freight\n\n{LEDE}\n\n"
            "Published in The Lusaka Mail, March 5th, 2021\n"
        )
        assert (found.date, found.date_source, found.publisher) == (
            date(2021, 3, 5),
            "published_line",
            "The Lusaka Mail",
        )

    def test_a_future_tense_body_rejects_a_crawl_date(self) -> None:
        found = meta(
            "Wednesday April 24, 2024\n\nMinister to visit Lusaka\n\n"
            "The minister will be visiting Lusaka on 3 January 2017 for two days of talks, "
            "officials said.\n\nThe year 2017 sees the corridor's fiftieth anniversary.\n"
        )
        assert (found.date, found.date_source) == (None, "")

    def test_no_date_line_reaches_the_body(self) -> None:
        doc = document_from_text(
            "Friday 12 May 2023\n\nRail corridor reopens\n\n10 May 2023\n\n"
            f"{LEDE}\n\nLast updated: 11 May 2023\n"
        )
        assert (doc.date, doc.date_source) == (date(2023, 5, 10), "date_under_title")
        assert [s.text for s in doc.segments] == ["Rail corridor reopens", LEDE]

    def test_a_newspaper_masthead_set_in_columns(self) -> None:
        found = meta(
            "THE LUSAKA MAIL          MONDAY, JUNE 7, 1976          PRICE 10 NGWEE\n\n"
            f"BORDER REOPENS\n\nBy A STAFF WRITER\n\n{LEDE}\n"
        )
        assert (found.date, found.date_source, found.title) == (
            date(1976, 6, 7),
            "date_above_title",
            "Border Reopens",
        )

    def test_html_meta_dates_the_page(self, tmp_path) -> None:
        path = tmp_path / "page.html"
        path.write_text(
            '<html><head><meta property="article:published_time" content="2020-03-02T10:00:00Z">'
            '<meta property="og:site_name" content="Lusaka Mail"></head><body>'
            "<div>Saturday, 9 May 2026</div><h1>Border reopens</h1>"
            f"<p>{LEDE}</p></body></html>",
            encoding="utf-8",
        )
        from chronicle.ingest.text.document import load_document

        doc = load_document(path)
        assert (doc.date, doc.date_source, doc.publisher, doc.title) == (
            date(2020, 3, 2),
            "html_meta",
            "Lusaka Mail",
            "Border reopens",
        )
        assert [s.text for s in doc.segments] == ["Border reopens", LEDE]


class TestABackgroundYearIsNoEvidenceAgainstTheStorysDate:
    """A story that mentions an older year and a plan still to come keeps its own date."""

    def test_a_byline_date_stands_over_a_background_year_and_a_yearless_plan(self) -> None:
        doc = document_from_text(
            "Peru, Chile ministers meet\n\nBy Ana Ruiz\nJuly 1, 2020\n\n"
            "LIMA - The foreign ministers of Peru and Chile met on Monday, five years after "
            "the two countries signed a free trade accord in 2015. They will meet again in "
            "October.\n"
        )
        assert (doc.date, doc.date_source) == (date(2020, 7, 1), "byline")

    def test_a_yearless_dateline_takes_no_year_from_a_bare_background_year(self) -> None:
        doc = document_from_text(
            "Peru, Chile ministers meet\n\nLIMA, July 1 (Reuters) - The foreign ministers of "
            "Peru and Chile met on Monday. The two countries signed an accord in 2015. They "
            "will meet again in October.\n"
        )
        assert doc.date is None  # unknown rather than confidently 2015

    def test_a_yearless_dateline_still_follows_a_narrated_day(self) -> None:
        doc = document_from_text(
            "Peru, Chile ministers meet\n\nLIMA, July 1 (Reuters) - The foreign ministers of "
            "Peru and Chile met on Monday, after talks broke down on 12 March 2020.\n"
        )
        assert (doc.date, doc.date_source) == (date(2020, 7, 1), "yearless_dateline")


class TestIssueLabels:
    """A label of issue (tabled, issued, delivered, adopted) dates the document itself and
    outranks the line that says when the page was last modified."""

    REPORT = (
        "Standing Committee on Regional Trade\n\n"
        "Inquiry into the Pacific labour mobility scheme\n\n{label}\n\n"
        "The committee received 64 submissions and held hearings in Cairns and Darwin.\n\n"
        "Last modified: 9 April 2024\n"
    )

    @pytest.mark.parametrize(
        ("label", "expected"),
        [
            ("Report tabled: 21 March 2024", date(2024, 3, 21)),
            ("Date tabled: 21 March 2024", date(2024, 3, 21)),
            ("Statement issued on 21 March 2024", date(2024, 3, 21)),
            ("Speech delivered: 21 March 2024", date(2024, 3, 21)),
            ("Resolution adopted on 21 March 2024", date(2024, 3, 21)),
            ("Date of publication: 21.03.2024", date(2024, 3, 21)),
        ],
    )
    def test_a_label_of_issue_beats_the_modified_line(self, label: str, expected: date) -> None:
        found = meta(self.REPORT.format(label=label))
        assert (found.date, found.date_source) == (expected, "published_line")

    def test_without_a_label_of_issue_the_modified_line_dates_the_page(self) -> None:
        found = meta(self.REPORT.format(label="Chair: Hon. Rosa Tuilagi MP"))
        assert (found.date, found.date_source) == (date(2024, 4, 9), "updated_line")

    def test_a_sentence_that_tells_of_adoption_is_no_label(self) -> None:
        assert not PUBLISHED_LABEL.match("Adopted in 2015, the plan set out three goals.")
        assert not PUBLISHED_LABEL.match("Delivered in Geneva, the speech drew protests.")


class TestBylineBlocks:
    """A date line a few lines under the headline, among byline, credit and series lines,
    is the document's: a standfirst above the block does not end the masthead."""

    FEATURE = (
        "THE HORIZON REVIEW\n\nThe long road back to Lusaka\n\n"
        "How a forgotten railway line became a lifeline for three landlocked economies.\n\n"
        "{byline}\n\nPhotographs by Idris Salih\n\nMay 12, 2021 · 14 min read\n\n{lede}\n"
    )

    def test_a_magazine_block_under_a_standfirst(self) -> None:
        doc = document_from_text(self.FEATURE.format(byline="By Amal Farouk", lede=LEDE))
        assert (doc.date, doc.date_source) == (date(2021, 5, 12), "byline")
        assert [s.text for s in doc.segments] == [
            "The long road back to Lusaka",
            "How a forgotten railway line became a lifeline for three landlocked economies.",
            LEDE,
        ]

    def test_without_a_byline_the_standfirst_is_the_first_prose(self) -> None:
        text = (
            "The long road back to Lusaka\n\n"
            f"{LEDE}\n\nBy then the line carried grain.\n\nMarch 2021\n"
        )
        assert _masthead(prepare_lines(text)) == ([0], 2)

    @pytest.mark.parametrize(
        "block",
        [
            "Commentary No. 3/2021\n\nTan Wei Ming and Rohan Pillai\n\n15 January 2021",
            "RSIS Commentary 007/2021\nTan Wei Ming\nRohan Pillai\n\n15 January 2021",
            "Tan Wei Ming and Rohan Pillai    15 January 2021\nCommentary No. 3/2021",
            "Commentary No. 3/2021 | 15 January 2021\n\nTan Wei Ming and Rohan Pillai",
        ],
    )
    def test_a_commentary_block_of_two_authors_and_a_series_number(self, block: str) -> None:
        doc = document_from_text(f"Coastal states and the grey zone\n\n{block}\n\n{LEDE}\n")
        assert doc.date == date(2021, 1, 15)
        assert "Commentary" not in " ".join(s.text for s in doc.segments)

    STANDFIRST = "Beijing and Manila are testing how far coast guards can go short of war."

    @pytest.mark.parametrize(
        ("block", "expected"),
        [
            ("Tan Wei Ming and Rohan Pillai\n\n15 January 2021", date(2021, 1, 15)),
            (
                "Commentary No. 3/2021\nTan Wei Ming\nRohan Pillai\n15 January 2021",
                date(2021, 1, 15),
            ),
            # a heading over a date line is no byline block: the date may be an entry's
            ("Key Dates\n\n15 January 2021", None),
        ],
    )
    def test_a_standfirst_over_authors_or_a_series_line(
        self, block: str, expected: date | None
    ) -> None:
        text = f"Coastal states and the grey zone\n\n{self.STANDFIRST}\n\n{block}\n\n{LEDE}\n"
        assert document_from_text(text).date == expected

    @pytest.mark.parametrize(
        ("line", "label"),
        [
            ("Commentary No. 3/2021", True),
            ("RSIS Commentary 007", True),
            ("Policy Brief No. 12/2019", True),
            ("Commentary on the 2021 budget", False),
            ("The Commentary 7", False),
        ],
    )
    def test_a_series_number_line_is_a_genre_label(self, line: str, label: bool) -> None:
        assert bool(GENRE_LABEL.match(line)) is label
