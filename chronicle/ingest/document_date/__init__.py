"""Find a document's own date: named strategies propose candidates, one chooser picks.

Pages state their date in many places (front matter, a page's meta tags, a byline
block, a "Published ..." line, a date line under the headline, a wire dateline, a
place-and-date line, a foot line) and carry dates that are not theirs (today's date
in the site's masthead, the dates of related links, copyright years). Each strategy
below is a small function that reads one of those habits from a `Page` and returns
`Candidate`s; `STRATEGIES` lists them strongest first, and `choose` takes the
strongest candidate the text does not contradict. Date strings are parsed by the
date finder (`chronicle.ingest.dates.find_dates`), so there is one grammar of dates.
"""

from chronicle.ingest.document_date.choose import choose, contradicted, document_date
from chronicle.ingest.document_date.lines import (
    DATE_LINE_RESIDUE,
    DATELINE,
    NAME_BEFORE,
    first_date,
    is_date_bearing,
    labelled_date,
    leading_date,
    name_and_date,
    numbered_release_date,
    parse_date,
    parse_date_line,
    publication_date,
    published_outlet,
    separated_date,
    stamped_date,
)
from chronicle.ingest.document_date.page import Candidate, Page, narrated_dates
from chronicle.ingest.document_date.strategies import (
    RANK,
    STRATEGIES,
    candidates,
    crawl_bars,
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
)

__all__ = [
    "DATELINE",
    "DATE_LINE_RESIDUE",
    "NAME_BEFORE",
    "RANK",
    "STRATEGIES",
    "Candidate",
    "Page",
    "candidates",
    "choose",
    "contradicted",
    "crawl_bars",
    "decoy_lines",
    "document_date",
    "first_date",
    "from_byline",
    "from_date_line",
    "from_dateline",
    "from_foot_date_line",
    "from_front_matter",
    "from_html_meta",
    "from_masthead",
    "from_published_line",
    "from_updated_line",
    "is_date_bearing",
    "labelled_date",
    "leading_date",
    "name_and_date",
    "narrated_dates",
    "numbered_release_date",
    "parse_date",
    "parse_date_line",
    "publication_date",
    "published_outlet",
    "separated_date",
    "stamped_date",
]
