"""Web pages read with trafilatura: main text in our plain-text conventions, metadata as front matter, boilerplate left out."""

from __future__ import annotations

from pathlib import Path

from chronicle.ingest.text.document import load_document
from chronicle.ingest.text.read import html_to_text, read_document

MINISTRY = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>Foreign Minister Hayashi visits Uzbekistan | Ministry of Foreign Affairs</title>
<link rel="canonical" href="https://www.mofa.example/press/release/2023/0710.html">
<meta property="og:site_name" content="Ministry of Foreign Affairs">
<meta property="og:title" content="Foreign Minister Hayashi visits Uzbekistan">
<meta property="article:published_time" content="2023-07-10T18:30:00+09:00">
<meta property="article:modified_time" content="2023-08-02T11:00:00+09:00">
<script type="application/ld+json">{"@context": "https://schema.org", "@type": "NewsArticle",
 "headline": "Foreign Minister Hayashi visits Uzbekistan", "datePublished": "2023-07-10T18:30:00+09:00",
 "dateModified": "2023-08-02T11:00:00+09:00", "author": {"@type": "Person", "name": "Press Division"}}</script>
</head><body>
<div id="cookie-banner" class="cookie-notice"><p>This website uses cookies to understand how visitors use it. By continuing you accept them.</p><button>Accept</button></div>
<header><nav class="global-nav"><ul><li><a href="/">Home</a></li><li><a href="/press/">Press Releases</a></li><li><a href="/policy/">Foreign Policy</a></li><li><a href="/countries/">Countries &amp; Regions</a></li></ul></nav></header>
<main><article>
<h1>Foreign Minister Hayashi visits Uzbekistan</h1>
<p class="byline">By Press Division</p>
<p>On July 9, Mr. Yoshimasa Hayashi, Minister for Foreign Affairs of Japan, held a meeting with Mr. Bakhtiyor Saidov, Acting Minister of Foreign Affairs of the Republic of Uzbekistan, in Tashkent.<sup>1</sup> The meeting lasted about eighty minutes and was followed by a working dinner.</p>
<h2>Outcomes of the meeting</h2>
<ul><li>The two ministers confirmed that the next round of the political dialogue will be held in Tokyo in 2024.</li><li>They welcomed the signing of the exchange of notes on a grant for a water supply project in Samarkand.</li></ul>
<table><caption>Japan's trade with Uzbekistan (100 million yen)</caption>
<tr><th>Year</th><th>Exports</th><th>Imports</th></tr>
<tr><td>2021</td><td>218</td><td>35</td></tr>
<tr><td>2022</td><td>301</td><td>41</td></tr></table>
<p>Minister Hayashi recalled that diplomatic relations between Japan and Uzbekistan were established on January 26, 1992.</p>
<div class="footnotes"><p><sup>1</sup> The visit was the first by a Japanese foreign minister to Uzbekistan since October 2015.</p></div>
<div class="share-bar"><a href="#">Share on X</a> <a href="#">Facebook</a> <a href="#">Print this page</a></div>
</article>
<aside class="related-links"><h3>Related press releases</h3><ul><li><a href="/press/2023/0611.html">Japan-Kazakhstan Foreign Ministers' Meeting (11 June 2023)</a></li><li><a href="/press/2022/1220.html">Japan-Central Asia Dialogue (20 December 2022)</a></li></ul></aside>
<section id="comments" class="comments"><h3>Comments</h3><div class="comment"><p>Posted by Kenji on 11 July 2023: Good news for our exporters.</p></div></section>
</main>
<footer><p>Copyright &copy; Ministry of Foreign Affairs. All rights reserved.</p></footer>
</body></html>"""

NEWS = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>Lobito corridor reopens to Zambian copper - The Lusaka Ledger</title>
<meta property="og:site_name" content="The Lusaka Ledger">
<meta property="og:type" content="article">
<meta property="og:url" content="https://www.lusakaledger.example/business/lobito-corridor-reopens">
<script type="application/ld+json">{"@context": "https://schema.org", "@graph": [
 {"@type": "WebSite", "name": "The Lusaka Ledger"},
 {"@type": "NewsArticle", "datePublished": "2024-03-02T08:00:00+02:00", "dateModified": "2024-03-05T16:20:00+02:00",
  "author": [{"@type": "Person", "name": "Mwila Banda"}], "publisher": {"@type": "Organization", "name": "The Lusaka Ledger"}}]}</script>
</head><body>
<div class="topbar"><span class="date-today">Saturday, 14 December 2024</span> <span class="weather">Lusaka 27°C</span></div>
<nav><a href="/">Home</a> <a href="/business">Business</a> <a href="/politics">Politics</a> <a href="/sport">Sport</a></nav>
<main><article>
<h1>Lobito corridor reopens to Zambian copper</h1>
<div class="meta"><span class="author">By Mwila Banda</span>
<time class="published" datetime="2024-03-02T08:00:00+02:00">Published 2 March 2024</time>
<time class="updated" datetime="2024-03-05T16:20:00+02:00">Updated 5 March 2024</time></div>
<p>The first train carrying Zambian copper to the Angolan port of Lobito left Chingola on Friday, after the rail line through the Democratic Republic of Congo was reopened on 28 February 2024.</p>
<p>Zambia, Angola and the DRC signed the corridor agreement in Lobito on 9 November 2023, and the United States and the European Union pledged to finance a new line to Zambia's North-Western Province.</p>
<ol><li>The first phase covers 1,300 km of existing track.</li><li>A feasibility study for the Zambian section is due in 2025.</li></ol>
<div class="social-share"><a href="#">WhatsApp</a> <a href="#">Facebook</a></div>
</article>
<aside class="most-read"><h2>Most read</h2><ol><li><a href="/a">Kwacha slips against the dollar (13 December 2024)</a></li></ol></aside>
<div id="comments"><p>Chanda, 3 March 2024: About time the line was fixed.</p></div>
</main></body></html>"""


def test_a_ministry_release_comes_out_as_front_matter_headings_lists_tables_and_notes() -> None:
    assert html_to_text(MINISTRY) == (
        "---\n"
        "title: Foreign Minister Hayashi visits Uzbekistan\n"
        "site-name: Ministry of Foreign Affairs\n"
        "author: Press Division\n"
        "date-published: 2023-07-10\n"
        "date-modified: 2023-08-02\n"
        "source: https://www.mofa.example/press/release/2023/0710.html\n"
        "---\n\n"
        "# Foreign Minister Hayashi visits Uzbekistan\n\n"
        "On July 9, Mr. Yoshimasa Hayashi, Minister for Foreign Affairs of Japan, held a meeting "
        "with Mr. Bakhtiyor Saidov, Acting Minister of Foreign Affairs of the Republic of "
        "Uzbekistan, in Tashkent.¹ The meeting lasted about eighty minutes and was followed by a "
        "working dinner.\n\n"
        "## Outcomes of the meeting\n\n"
        "• The two ministers confirmed that the next round of the political dialogue will be "
        "held in Tokyo in 2024.\n"
        "• They welcomed the signing of the exchange of notes on a grant for a water supply "
        "project in Samarkand.\n\n"
        "Japan's trade with Uzbekistan (100 million yen)\n\n"
        "Year\tExports\tImports\n2021\t218\t35\n2022\t301\t41\n\n"
        "Minister Hayashi recalled that diplomatic relations between Japan and Uzbekistan were "
        "established on January 26, 1992.\n\n"
        "¹ The visit was the first by a Japanese foreign minister to Uzbekistan since October 2015."
    )


def test_menus_banners_related_links_comments_and_share_bars_never_reach_the_text() -> None:
    text = html_to_text(MINISTRY) + html_to_text(NEWS)
    for chrome in (
        "cookies",
        "Press Releases",
        "Countries & Regions",
        "Share on X",
        "Print this page",
        "Related press releases",
        "Japan-Kazakhstan",
        "Posted by Kenji",
        "Copyright",
        "Saturday, 14 December 2024",
        "27°C",
        "Sport",
        "WhatsApp",
        "Most read",
        "Kwacha",
        "About time",
    ):
        assert chrome not in text


def test_a_news_story_keeps_its_original_date_not_the_update_and_its_numbered_list() -> None:
    assert html_to_text(NEWS) == (
        "---\n"
        "title: Lobito corridor reopens to Zambian copper\n"
        "site-name: The Lusaka Ledger\n"
        "author: Mwila Banda\n"
        "date-published: 2024-03-02\n"
        "date-modified: 2024-03-05\n"
        "source: https://www.lusakaledger.example/business/lobito-corridor-reopens\n"
        "---\n\n"
        "# Lobito corridor reopens to Zambian copper\n\n"
        "The first train carrying Zambian copper to the Angolan port of Lobito left Chingola on "
        "Friday, after the rail line through the Democratic Republic of Congo was reopened on "
        "28 February 2024.\n\n"
        "Zambia, Angola and the DRC signed the corridor agreement in Lobito on 9 November 2023, "
        "and the United States and the European Union pledged to finance a new line to Zambia's "
        "North-Western Province.\n\n"
        "1. The first phase covers 1,300 km of existing track.\n"
        "2. A feasibility study for the Zambian section is due in 2025."
    )


def test_a_saved_page_becomes_a_document_with_the_pages_metadata(tmp_path: Path) -> None:
    path = tmp_path / "hayashi-uzbekistan.html"
    path.write_text(MINISTRY, encoding="utf-8")
    doc = load_document(path)
    assert (doc.title, doc.publisher, doc.author) == (
        "Foreign Minister Hayashi visits Uzbekistan",
        "Ministry of Foreign Affairs",
        "Press Division",
    )
    assert (str(doc.date), doc.date_source, doc.format) == ("2023-07-10", "html_meta", "html")
    assert doc.footnotes == {
        "1": "The visit was the first by a Japanese foreign minister to Uzbekistan since October 2015."
    }


def test_the_site_name_comes_from_the_title_when_the_page_names_none() -> None:
    html = (
        "<html><head><title>Samoa | New Zealand Ministry of Foreign Affairs and Trade</title>"
        "</head><body><main><article><h1>Samoa</h1>"
        "<p>New Zealand and Samoa signed the Treaty of Friendship in Apia on 1 August 1962.</p>"
        "</article></main></body></html>"
    )
    assert html_to_text(html) == (
        "---\ntitle: Samoa\nsite-name: New Zealand Ministry of Foreign Affairs and Trade\n---\n\n"
        "# Samoa\n\nNew Zealand and Samoa signed the Treaty of Friendship in Apia on 1 August 1962."
    )


def test_a_title_that_repeats_the_headline_and_the_site_gives_the_headline() -> None:
    html = (
        '<html><head><meta property="og:title" content="Argentina–Chile relations - Wikipedia">'
        '<meta name="ContentSource" content="Free encyclopedia"></head><body><main><article>'
        "<h1>Argentina–Chile relations</h1>"
        "<p>The two countries signed the Treaty of Peace and Friendship on 29 November 1984.</p>"
        "</article></main></body></html>"
    )
    assert html_to_text(html).startswith(
        "---\ntitle: Argentina–Chile relations\nsite-name: Free encyclopedia\n---\n\n"
    )


def test_a_table_cell_keeps_its_paragraphs_and_line_breaks_on_its_row() -> None:
    html = (
        "<html><body><main><article><h1>State visits abroad</h1><table>"
        "<tr><th>Date</th><th>Country</th><th>Details</th></tr>"
        "<tr><td>1968</td><td>Tanzania</td>"
        "<td><p>State visit.</p><p>Met President <br>Nyerere in Dar es Salaam.</p></td></tr>"
        "</table><p>The list was compiled from the archive of the presidency.</p>"
        "</article></main></body></html>"
    )
    assert html_to_text(html).endswith(
        "Date\tCountry\tDetails\n"
        "1968\tTanzania\tState visit. Met President Nyerere in Dar es Salaam.\n\n"
        "The list was compiled from the archive of the presidency."
    )


def test_a_captioned_photo_keeps_its_caption() -> None:
    html = (
        "<html><body><main><article><h1>Embassy stormed in Tehran</h1>"
        '<figure><img src="/img/embassy.jpg" alt=""><figcaption>Protesters outside the '
        "embassy in Tehran on 2 January 2016.</figcaption></figure>"
        "<p>Riyadh cut diplomatic ties with Tehran the following day.</p>"
        "</article></main></body></html>"
    )
    assert html_to_text(html).endswith(
        "Protesters outside the embassy in Tehran on 2 January 2016.\n\n"
        "Riyadh cut diplomatic ties with Tehran the following day."
    )


def test_a_page_in_a_western_encoding_is_decoded_then_read(tmp_path: Path) -> None:
    path = tmp_path / "note.htm"
    path.write_bytes(
        b"<html><body><main><p>La d\xe9l\xe9gation est arriv\xe9e \xe0 Dakar le 12 mars 2022."
        b"</p></main></body></html>"
    )
    assert read_document(path) == ("La délégation est arrivée à Dakar le 12 mars 2022.", "cp1252")


def test_a_page_with_no_main_text_is_an_empty_text() -> None:
    assert (
        html_to_text("<html><body><aside><p>Opening hours 9 to 5</p></aside></body></html>") == ""
    )


RELEASE_AS_TEXT = """Foreign Minister Hayashi visits Uzbekistan

10 July 2023

On July 9, Mr. Yoshimasa Hayashi, Minister for Foreign Affairs of Japan, held a meeting with Mr. Bakhtiyor Saidov, Acting Minister of Foreign Affairs of the Republic of Uzbekistan, in Tashkent.¹ The meeting lasted about eighty minutes and was followed by a working dinner.

Outcomes of the meeting

• The two ministers confirmed that the next round of the political dialogue will be held in Tokyo in 2024.
• They welcomed the signing of the exchange of notes on a grant for a water supply project in Samarkand.

Japan's trade with Uzbekistan (100 million yen)

Year\tExports\tImports
2021\t218\t35
2022\t301\t41

Minister Hayashi recalled that diplomatic relations between Japan and Uzbekistan were established on January 26, 1992.

¹ The visit was the first by a Japanese foreign minister to Uzbekistan since October 2015.
"""


def _dated_sentences(path: Path) -> list[tuple[str, str, str]]:
    from chronicle.ingest.events.mentions import content_hash, extract_mentions

    doc = load_document(path)
    mentions = extract_mentions(doc, content_hash(doc.text))
    return sorted((str(m.date.date_start), str(m.date.date_end), m.sentence) for m in mentions)


def test_the_page_gives_the_events_of_the_same_release_saved_as_text(tmp_path: Path) -> None:
    page = tmp_path / "hayashi.html"
    page.write_text(MINISTRY, encoding="utf-8")
    text = tmp_path / "hayashi.txt"
    text.write_text(RELEASE_AS_TEXT, encoding="utf-8")
    from_page = _dated_sentences(page)
    assert from_page == _dated_sentences(text)
    assert [(start, end) for start, end, _ in from_page] == [
        ("1992-01-26", "1992-01-26"),
        ("2015-10-01", "2015-10-31"),
        ("2023-07-09", "2023-07-09"),
        ("2024-01-01", "2024-12-31"),
    ]


def test_a_headline_outside_the_article_still_heads_the_text_and_the_copyright_names_the_site() -> (
    None
):
    html = (
        "<html><head><title>Summit | MOFA</title></head><body>"
        "<header><div>Ministry of Foreign Affairs of Ghana</div><nav><a href='/'>Home</a></nav>"
        "</header><h1>Ghana-Japan Summit Meeting</h1><p>14 August 2024</p>\n"
        "<p>On August 13, President Nana Akufo-Addo held a meeting with\n"
        "Prime Minister Fumio Kishida in Tokyo.</p>"
        "<footer>&copy; 2024 Ministry of Foreign Affairs of Ghana. All rights reserved.</footer>"
        "</body></html>"
    )
    assert html_to_text(html) == (
        "---\ntitle: Ghana-Japan Summit Meeting\nsite-name: Ministry of Foreign Affairs of Ghana\n"
        "---\n\n# Ghana-Japan Summit Meeting\n\n14 August 2024\n\n"
        "On August 13, President Nana Akufo-Addo held a meeting with Prime Minister Fumio "
        "Kishida in Tokyo."
    )
