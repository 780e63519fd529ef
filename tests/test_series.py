"""Tables read as series: the ISSI brief's two tables cell by cell, and tables in the other
layouts the readers emit (Markdown pipes, tabs, periods across or down, missing marks,
percentages, negatives in parentheses); tables that are no series give none."""

from __future__ import annotations

from datetime import date

import pytest

from chronicle.ingest.series.periods import Period, parse_period
from chronicle.ingest.series.tables import rows_of
from chronicle.ingest.series.units import split_unit, unit_line
from chronicle.ingest.series.values import MISSING, Cell, read_value
from chronicle.ingest.text.document import document_from_text, load_document
from chronicle.library import fixtures_dir
from chronicle.model import Series

ISSI = "2018-01-10-issi-issue-brief-pakistan-japan-ties.txt"


def points(series: Series) -> list[tuple[str, str, date, date, float | None, str]]:
    return [(p.period, p.precision, p.start, p.end, p.value, p.text) for p in series.points]


def years(*rows: tuple[int, float, str]) -> list[tuple]:
    return [(str(y), "year", date(y, 1, 1), date(y, 12, 31), v, t) for y, v, t in rows]


@pytest.fixture(scope="module")
def issi() -> tuple[Series, ...]:
    return load_document(fixtures_dir() / ISSI).series


class TestIssiBrief:
    TRADE = "Pakistan's Trade with Japan"
    TRADE_NOTE = (
        "IMF: Direction of Trade Statistics, 2016 & 2017. Washington: International Monetary Fund)."
    )

    def test_four_series_in_document_order(self, issi):
        assert [s.name for s in issi] == [
            "Pakistan's Trade with Japan: Exports",
            "Pakistan's Trade with Japan: Imports",
            "Pakistan's Trade with Japan: Total",
            "Japan's FDI in Pakistan during 2012-2017",
        ]

    def test_trade_exports(self, issi):
        assert points(issi[0]) == years(
            (2012, 389.0, "389"),
            (2013, 431.0, "431"),
            (2014, 302.0, "302"),
            (2015, 236.0, "236"),
            (2016, 171.2, "171.2"),
        )

    def test_trade_imports(self, issi):
        assert points(issi[1]) == years(
            (2012, 1860.0, "1,860"),
            (2013, 1561.0, "1,561"),
            (2014, 1773.0, "1,773"),
            (2015, 1842.0, "1,842"),
            (2016, 1961.4, "1,961.4"),
        )

    def test_trade_total(self, issi):
        assert points(issi[2]) == years(
            (2012, 2249.0, "2,249"),
            (2013, 1992.0, "1,992"),
            (2014, 2075.0, "2,075"),
            (2015, 2078.0, "2,078"),
            (2016, 2132.0, "2,132"),
        )

    def test_trade_table_states_no_unit_so_none_is_stored(self, issi):
        # The brief's prose speaks of "US$ 2 billion", but the table itself names no
        # unit: a guess from the prose would be stored as if the source said it.
        for series, label in zip(issi[:3], ("Exports", "Imports", "Total"), strict=True):
            assert (series.caption, series.label, series.unit) == (self.TRADE, label, "")
            assert (series.convention, series.note, series.paragraph) == ("", self.TRADE_NOTE, 16)

    def test_fdi_by_pakistans_fiscal_year(self, issi):
        fdi = issi[3]
        assert points(fdi) == [
            ("2012-13", "fiscal_year", date(2012, 7, 1), date(2013, 6, 30), 30.1, "30.1"),
            ("2013-14", "fiscal_year", date(2013, 7, 1), date(2014, 6, 30), 30.1, "30.1"),
            ("2014-15", "fiscal_year", date(2014, 7, 1), date(2015, 6, 30), 71.1, "71.1"),
            ("2015-16", "fiscal_year", date(2015, 7, 1), date(2016, 6, 30), 35.4, "35.4"),
            ("2016-17", "fiscal_year", date(2016, 7, 1), date(2017, 6, 30), 45.2, "45.2"),
        ]
        assert (fdi.caption, fdi.label, fdi.unit, fdi.convention, fdi.paragraph) == (
            "Japan's FDI in Pakistan during 2012-2017",
            "",
            "US$ Million",
            "July–June",
            22,
        )
        assert fdi.note == '"Country Wise FDI Inflows", Islamabad: Board of Investment, 2017.'


QUARTERLY_RELEASE = """Ministry of Commerce
Islamabad, 14 February 2020

Trade with Japan rose in the last quarter of 2019

Pakistan's merchandise exports to Japan recovered in the second half of 2019, the Ministry \
of Commerce said in its quarterly review released on Friday.

Table 3: Pakistan–Japan merchandise trade by quarter

| Quarter | Exports (US$ m) | Imports (US$ m) | Balance (US$ m) | Change in exports (%) |
|---|---|---|---|---|
| Q1 2019 | 61.4 | 412.0 | (350.6) | n/a |
| Q2 2019 | 58.9 | 398.7 | (339.8) | -4.1% |
| Q3 2019 | 66.2 | 401.3 | (335.1) | 12.4% |
| Q4 2019 | 70.5 | – | n/a | 6.5% |
| Total | 257.0 | 1,212.0 | – | – |

Source: Pakistan Bureau of Statistics, External Trade Statistics, 2020.

The ministry expects exports to keep growing in 2020.
"""

Q = [
    ("Q1 2019", "quarter", date(2019, 1, 1), date(2019, 3, 31)),
    ("Q2 2019", "quarter", date(2019, 4, 1), date(2019, 6, 30)),
    ("Q3 2019", "quarter", date(2019, 7, 1), date(2019, 9, 30)),
    ("Q4 2019", "quarter", date(2019, 10, 1), date(2019, 12, 31)),
]


def with_values(periods: list[tuple], *cells: tuple[float | None, str]) -> list[tuple]:
    return [(*p, v, t) for p, (v, t) in zip(periods, cells, strict=True)]


class TestMinistryQuarterlyMarkdownTable:
    @pytest.fixture(scope="class")
    def found(self) -> tuple[Series, ...]:
        return document_from_text(QUARTERLY_RELEASE).series

    def test_one_series_per_column_named_from_the_caption_without_its_label(self, found):
        caption = "Pakistan–Japan merchandise trade by quarter"
        assert [(s.name, s.label, s.unit) for s in found] == [
            (f"{caption}: Exports", "Exports", "US$ m"),
            (f"{caption}: Imports", "Imports", "US$ m"),
            (f"{caption}: Balance", "Balance", "US$ m"),
            (f"{caption}: Change in exports", "Change in exports", "%"),
        ]
        assert {s.caption for s in found} == {"Table 3: " + caption}
        assert {s.note for s in found} == {
            "Source: Pakistan Bureau of Statistics, External Trade Statistics, 2020."
        }

    def test_every_cell_the_total_row_left_out(self, found):
        exports, imports, balance, change = found
        assert points(exports) == with_values(
            Q, (61.4, "61.4"), (58.9, "58.9"), (66.2, "66.2"), (70.5, "70.5")
        )
        assert points(imports) == with_values(
            Q, (412.0, "412.0"), (398.7, "398.7"), (401.3, "401.3"), (None, "–")
        )
        assert points(balance) == with_values(
            Q, (-350.6, "(350.6)"), (-339.8, "(339.8)"), (-335.1, "(335.1)"), (None, "n/a")
        )
        assert points(change) == with_values(
            Q, (None, "n/a"), (-4.1, "-4.1%"), (12.4, "12.4%"), (6.5, "6.5%")
        )


AID_BRIEF = """Bhutan's development partners
Policy Brief No. 12, Centre for South Asian Studies, New Delhi, 3 March 2021

India has been Bhutan's largest development partner since the First Five Year Plan in \
1961. Its grant assistance is budgeted by fiscal year, and the Ministry of External \
Affairs reports it in its annual budget.

India's assistance to Bhutan by fiscal year (April–March)

(Rs. crore)

Item\t2016-17\t2017-18\t2018-19\t2019-20\tTotal
Grants\t1,160.0\t1,357.6\t2,650.0\t2,802.0\t7,969.6
Loans\t1,637.3\t2,150.8\t–\t1,186.0\t4,974.1
Share of aid budget (%)\t17.8\t19.1\t28.3\t27.4\t–

Source: Ministry of External Affairs, Outlay for Aid to Countries, 2017–2020.
"""

FY = [
    (f"{y}-{y % 100 + 1}", "fiscal_year", date(y, 4, 1), date(y + 1, 3, 31))
    for y in range(2016, 2020)
]


class TestThinkTankAidByFiscalYear:
    @pytest.fixture(scope="class")
    def found(self) -> tuple[Series, ...]:
        return document_from_text(AID_BRIEF).series

    def test_rows_are_series_the_total_column_left_out(self, found):
        caption = "India's assistance to Bhutan by fiscal year (April–March)"
        assert [(s.name, s.unit, s.convention) for s in found] == [
            (f"{caption}: Grants", "Rs. crore", "April–March"),
            (f"{caption}: Loans", "Rs. crore", "April–March"),
            (f"{caption}: Share of aid budget", "%", "April–March"),
        ]

    def test_every_cell(self, found):
        grants, loans, share = found
        assert points(grants) == with_values(
            FY, (1160.0, "1,160.0"), (1357.6, "1,357.6"), (2650.0, "2,650.0"), (2802.0, "2,802.0")
        )
        assert points(loans) == with_values(
            FY, (1637.3, "1,637.3"), (2150.8, "2,150.8"), (None, "–"), (1186.0, "1,186.0")
        )
        assert points(share) == with_values(
            FY, (17.8, "17.8"), (19.1, "19.1"), (28.3, "28.3"), (27.4, "27.4")
        )

    def test_the_stated_convention_wins_over_the_country(self):
        # Pakistan's years run July–June, but the caption states April–March
        text = AID_BRIEF.replace("India", "Pakistan").replace("Bhutan", "Nepal")
        assert {s.convention for s in document_from_text(text).series} == {"April–March"}

    def test_without_a_convention_a_fiscal_year_holds_both(self):
        text = (
            "Grants by fiscal year\n\n"
            "Item\t2016-17\t2017-18\nGrants\t1,160.0\t1,357.6\nLoans\t1,637.3\t2,150.8\n"
        )
        found = document_from_text(text).series
        assert [s.convention for s in found] == ["unknown", "unknown"]
        assert (found[0].points[0].start, found[0].points[0].end) == (
            date(2016, 4, 1),
            date(2017, 6, 30),
        )


MONTHLY = """Remittances from Japan, monthly

| Month | Inflow (US$ m) | Share of total |
| Jan-19 | 12.1 | 0.6% |
| Feb-19 | 11.4 | 0.5% |
| 2019-03 | 13.0 | 0.6% |
| April 2019 | 12.7 | 0.5% |
"""


def test_months_in_every_spelling_and_a_percentage_column():
    inflow, share = document_from_text(MONTHLY).series
    months = [
        ("Jan-19", "month", date(2019, 1, 1), date(2019, 1, 31)),
        ("Feb-19", "month", date(2019, 2, 1), date(2019, 2, 28)),
        ("2019-03", "month", date(2019, 3, 1), date(2019, 3, 31)),
        ("April 2019", "month", date(2019, 4, 1), date(2019, 4, 30)),
    ]
    assert (inflow.name, inflow.unit) == ("Remittances from Japan, monthly: Inflow", "US$ m")
    assert points(inflow) == with_values(
        months, (12.1, "12.1"), (11.4, "11.4"), (13.0, "13.0"), (12.7, "12.7")
    )
    assert (share.name, share.unit) == ("Remittances from Japan, monthly: Share of total", "%")
    assert [p.value for p in share.points] == [0.6, 0.5, 0.6, 0.5]


NOT_SERIES = """Japan and Central Asia: a chronology

Date\tVisit\tOutcome
1–6 April 2015\tPrime Minister's tour of five capitals\tSigned loans worth US$ 2 billion \
and opened a trade office in Tashkent.
22 October 2015\tForeign Minister in Astana\tAgreed to hold annual consultations on \
regional connectivity.

Members of the advisory board

Name\tPosition\tCountry
Aigerim Sadykova\tChair\tKazakhstan
Rustam Nazarov\tMember\tTajikistan
Kenji Morita\tMember\tJapan

Japan's exports to Central Asia in 2019 (US$ million)

Country\tExports\tImports
Kazakhstan\t512.4\t1,203.9
Uzbekistan\t398.1\t45.6
Kyrgyzstan\t61.0\t3.2

Visits by year

Year\tVisitor\tPurpose
2015\tPrime Minister\tState visit
2017\tForeign Minister\tConsultations
"""


def test_chronology_names_and_figures_by_country_are_no_series():
    doc = document_from_text(NOT_SERIES)
    assert sum(1 for s in doc.segments if s.kind == "table_row") >= 4  # they are tables
    assert doc.series == ()


def test_a_document_without_tables_has_no_series():
    assert (
        load_document(
            fixtures_dir() / "2017-05-01-mofa-japan-kazakhstan-foreign-ministers-meeting.txt"
        ).series
        == ()
    )


@pytest.mark.parametrize(
    ("cell", "fiscal_start", "expected"),
    [
        ("2016", None, Period("year", date(2016, 1, 1), date(2016, 12, 31))),
        ("2012-13", 7, Period("fiscal_year", date(2012, 7, 1), date(2013, 6, 30))),
        ("FY2019-20", 4, Period("fiscal_year", date(2019, 4, 1), date(2020, 3, 31))),
        ("2012/13", 4, Period("fiscal_year", date(2012, 4, 1), date(2013, 3, 31))),
        ("2012–2016", None, Period("range", date(2012, 1, 1), date(2016, 12, 31))),
        ("Q3 2019", None, Period("quarter", date(2019, 7, 1), date(2019, 9, 30))),
        ("2019-Q4", None, Period("quarter", date(2019, 10, 1), date(2019, 12, 31))),
        ("1Q2020", None, Period("quarter", date(2020, 1, 1), date(2020, 3, 31))),
        ("Q2 FY2019-20", 7, Period("quarter", date(2019, 10, 1), date(2019, 12, 31))),
        ("Jul–Sep 2019", None, Period("quarter", date(2019, 7, 1), date(2019, 9, 30))),
        ("Jun–Nov 2019", None, Period("range", date(2019, 6, 1), date(2019, 11, 30))),
        ("Mar'20", None, Period("month", date(2020, 3, 1), date(2020, 3, 31))),
        ("30 June 2019", None, Period("day", date(2019, 6, 30), date(2019, 6, 30))),
        ("2016*", None, Period("year", date(2016, 1, 1), date(2016, 12, 31))),
    ],
)
def test_period_cells(cell, fiscal_start, expected):
    assert parse_period(cell, fiscal_start) == expected


@pytest.mark.parametrize(
    "cell", ["Total", "Kazakhstan", "Q2 FY2019-20x", "2019 to date", "Exports", "12.5", ""]
)
def test_cells_that_name_no_period(cell):
    assert parse_period(cell, 7) is None


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("1,860", Cell(1860.0)),
        ("1,961.4", Cell(1961.4)),
        ("171.2", Cell(171.2)),
        ("(350.6)", Cell(-350.6)),
        ("-4.1%", Cell(-4.1, percent=True)),
        ("−0.8", Cell(-0.8)),
        ("+2.5", Cell(2.5)),
        ("12.4 per cent", Cell(12.4, percent=True)),
        ("US$ 45.2", Cell(45.2)),
        ("1\u202f203", Cell(1203.0)),
        ("2,132*", Cell(2132.0)),
        ("45.2 (p)", Cell(45.2)),
        ("n/a", MISSING),
        ("–", MISSING),
        ("..", MISSING),
    ],
)
def test_value_cells(cell, expected):
    assert read_value(cell) == expected


@pytest.mark.parametrize("cell", ["Kazakhstan", "12 visits", "(350.6", "Q1 2019 est", "US$"])
def test_cells_that_hold_no_figure(cell):
    assert read_value(cell) is None


def test_unit_lines_and_unit_ends():
    assert unit_line("(US$ Million)") == "US$ Million"
    assert unit_line("Figures in Rs. billion") == "Rs. billion"
    assert unit_line("Unit: thousand tonnes") == "thousand tonnes"
    assert unit_line("Weakening Investment") == ""
    assert unit_line("(2012-2017)") == ""
    assert split_unit("Exports (US$ m)") == ("Exports", "US$ m")
    assert split_unit("Trade, US$ million") == ("Trade", "US$ million")
    assert split_unit("Share (%)") == ("Share", "%")
    assert split_unit("Visits (official)") == ("Visits (official)", "")


TRADE_PAGE = """<!doctype html><html><head><title>Pakistan and Japan review trade</title>
<meta property="article:published_time" content="2020-02-14"></head>
<body><nav><a href="/">Home</a> <a href="/news">News</a> <a href="/trade">Trade</a></nav>
<article><h1>Pakistan and Japan review trade</h1>
<p>Islamabad, 14 February 2020: The Ministry of Commerce reviewed trade with Japan on
Friday and published the figures for the last four quarters.</p>
<table><caption>Pakistan–Japan trade by quarter (US$ million)</caption>
<tr><th>Quarter</th><th>Exports</th><th>Imports</th></tr>
<tr><td>Q1 2019</td><td>61.4</td><td>412.0</td></tr>
<tr><td>Q2 2019</td><td>58.9</td><td>398.7</td></tr>
<tr><td>Q3 2019</td><td>66.2</td><td>401.3</td></tr>
<tr><td>Q4 2019</td><td>70.5</td><td>n/a</td></tr>
</table>
<p>Source: Pakistan Bureau of Statistics, 2020.</p>
<p>The two sides agreed to meet again in Tokyo in June 2020 to discuss market access for
Pakistani textiles and seafood.</p>
</article><footer>© Ministry of Commerce</footer></body></html>
"""


def test_a_web_pages_captioned_table(tmp_path):
    page = tmp_path / "trade.html"
    page.write_text(TRADE_PAGE, encoding="utf-8")
    exports, imports = load_document(page).series
    caption = "Pakistan–Japan trade by quarter"
    assert (exports.name, exports.unit, exports.caption) == (
        f"{caption}: Exports",
        "US$ million",
        f"{caption} (US$ million)",
    )
    assert exports.note == "Source: Pakistan Bureau of Statistics, 2020."
    assert points(exports) == with_values(
        Q, (61.4, "61.4"), (58.9, "58.9"), (66.2, "66.2"), (70.5, "70.5")
    )
    assert points(imports) == with_values(
        Q, (412.0, "412.0"), (398.7, "398.7"), (401.3, "401.3"), (None, "n/a")
    )


def test_a_word_documents_table(tmp_path):
    docx = pytest.importorskip("docx")
    document = docx.Document()
    document.add_heading("India's assistance to Bhutan", 1)
    document.add_paragraph(
        "India has been Bhutan's largest development partner since 1961, and its grant "
        "assistance is budgeted by fiscal year."
    )
    document.add_paragraph("Table 1: India's assistance to Bhutan by fiscal year (Rs. crore)")
    rows = [
        ["Item", "2016-17", "2017-18", "2018-19"],
        ["Grants", "1,160.0", "1,357.6", "2,650.0"],
        ["Loans", "1,637.3", "–", "1,186.0"],
    ]
    table = document.add_table(rows=3, cols=4)
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            table.cell(r, c).text = value
    document.add_paragraph("Source: Ministry of External Affairs, Outlay for Aid, 2019.")
    document.save(tmp_path / "aid.docx")
    grants, loans = load_document(tmp_path / "aid.docx").series
    assert (grants.name, grants.unit, grants.convention) == (
        "India's assistance to Bhutan by fiscal year: Grants",
        "Rs. crore",
        "April–March",
    )
    assert points(loans) == with_values(
        FY[:3], (1637.3, "1,637.3"), (None, "–"), (1186.0, "1,186.0")
    )


def test_rows_keep_empty_cells_in_place_and_short_rows_are_not_guessed():
    # The cleaner today drops empty cells; a row whose empty cell was in the middle
    # cannot be placed and is left out rather than read into the wrong column.
    assert rows_of(
        "Item | 2016-17 | 2017-18 | 2018-19\nLoans | 1.0 |  | 3.0\nGrants | 4.0 | 5.0"
    ) == [
        ["Item", "2016-17", "2017-18", "2018-19"],
        ["Loans", "1.0", "", "3.0"],
    ]
    assert rows_of("Year | 2012-13 | 2013-14\n30.1 | 30.1") == [
        ["Year", "2012-13", "2013-14"],
        ["", "30.1", "30.1"],
    ]
    assert rows_of("2012-13 | 2013-14\nGrants | 1.0 | 2.0") == [
        ["", "2012-13", "2013-14"],
        ["Grants", "1.0", "2.0"],
    ]


PROFILE = """ARGENTINA – BRAZIL: BILATERAL PROFILE

Trade relations

14 March 2004

Bilateral trade collapsed after Brazil's devaluation in 1999 and recovered with the new governments in 2003.

1998\t6,748\t8,031\t-1,283
1999\t5,364\t5,812\t-448
2000\t6,233\t6,843\t-610

Source: Ministry of Development, Industry and Foreign Trade, 2004.
"""


def test_a_table_without_header_or_caption_takes_the_section_heading_and_column_places():
    found = document_from_text(PROFILE).series
    assert [(s.name, s.label, s.caption) for s in found] == [
        ("Trade relations: column 2", "column 2", "Trade relations"),
        ("Trade relations: column 3", "column 3", "Trade relations"),
        ("Trade relations: column 4", "column 4", "Trade relations"),
    ]  # the date line between is no caption
    assert [p.value for p in found[2].points] == [-1283.0, -448.0, -610.0]


def test_a_caption_with_a_unit_in_brackets_is_no_unit_line():
    assert unit_line("Trade (Brazilian data, USD million)") == ""
    assert unit_line("US$ million") == "US$ million"
    assert split_unit("Trade (Brazilian data, USD million)") == (
        "Trade",
        "Brazilian data, USD million",
    )


def test_a_pdf_briefs_ruled_and_aligned_tables(tmp_path):
    pytest.importorskip("reportlab")
    from tests.pdf_maker import Brief, figures_table, make_pdf, para, ruled_table

    brief = Brief(
        title="Japan's Development Assistance to Pakistan",
        masthead=["ISSUE BRIEF", "Institute of Strategic Studies Islamabad"],
        blocks=[
            para(
                "Japan has been among Pakistan's largest bilateral donors since the 1960s. "
                "Pakistan's fiscal year runs from July to June, and its Board of Investment "
                "records inflows by it."
            ),
            ruled_table(
                "Table 1: Japan's FDI in Pakistan (US$ million)",
                [["Year", "2012-13", "2013-14", "2014-15"], ["FDI", "30.1", "30.1", "71.1"]],
                "Source: Board of Investment, 2017.",
            ),
            figures_table(
                "Pakistan's Trade with Japan",
                [
                    ["Year", "Exports", "Imports"],
                    ["2012", "389", "1,860"],
                    ["2013", "431", "1,561"],
                ],
                "Source: IMF, Direction of Trade Statistics, 2017.",
            ),
            para("The two governments agreed in 2018 to widen cooperation in energy."),
        ],
    )
    (tmp_path / "brief.pdf").write_bytes(make_pdf(brief))
    fdi, exports, imports = load_document(tmp_path / "brief.pdf").series
    assert (fdi.name, fdi.unit, fdi.convention, fdi.note) == (
        "Japan's FDI in Pakistan: FDI",
        "US$ million",
        "July–June",
        "Source: Board of Investment, 2017.",
    )
    assert points(fdi) == [
        ("2012-13", "fiscal_year", date(2012, 7, 1), date(2013, 6, 30), 30.1, "30.1"),
        ("2013-14", "fiscal_year", date(2013, 7, 1), date(2014, 6, 30), 30.1, "30.1"),
        ("2014-15", "fiscal_year", date(2014, 7, 1), date(2015, 6, 30), 71.1, "71.1"),
    ]
    assert points(exports) == years((2012, 389.0, "389"), (2013, 431.0, "431"))
    assert points(imports) == years((2012, 1860.0, "1,860"), (2013, 1561.0, "1,561"))
