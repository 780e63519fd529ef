"""`chronicle ingest` of web addresses from a real local HTTP server: stored under the
address, updated when fetched again, --urls files, failures named one a line, and each
document's source and format shown by `chronicle documents`."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from click.testing import CliRunner

from chronicle.cli import cli
from chronicle.ingest.version import extractor_version
from tests.test_fetch import HTML, READOUT, serve, site

UPDATED = READOUT.replace(
    "</article>",
    "<p>The ministers will meet again in Nairobi on 20 February 2024.</p></article>",
)


def ingest(db: Path, *args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, ["ingest", *args, "--db", str(db)])
    return result.exit_code, result.output


def documents(db: Path) -> list[dict[str, object]]:
    result = CliRunner().invoke(cli, ["documents", "--json", "--db", str(db)])
    return json.loads(result.output)


def test_pages_are_fetched_in_the_workers_and_failures_named_one_a_line(tmp_path: Path) -> None:
    db = tmp_path / "c.db"
    with serve(site(), delay=3.0) as base:
        code, output = ingest(
            db,
            f"{base}/news/sgr-extension",
            f"{base}/fr/communique",
            f"{base}/missing",
            f"{base}/map.png",
            f"{base}/slow/page",
            "http://no-such-ministry.invalid/news",
            "--jobs",
            "2",
            "--timeout",
            "0.5",
        )
    assert code == 1
    lines = output.splitlines()
    assert sorted(line for line in lines if line.startswith("skipped")) == sorted(
        [
            "skipped http://no-such-ministry.invalid/news: cannot find the server (offline, or no such host)",
            f"skipped {base}/map.png: unsupported content type image/png",
            f"skipped {base}/missing: HTTP 404 Not Found",
            f"skipped {base}/slow/page: no answer within 0.5 s (CHRONICLE_FETCH_TIMEOUT sets it)",
        ]
    )
    assert [(d["path"], d["format"], d["url"]) for d in documents(db)] == [
        (f"{base}/fr/communique", "html", f"{base}/fr/communique"),
        (f"{base}/news/sgr-extension", "html", f"{base}/news/sgr-extension"),
    ]


def test_fetching_an_address_again_updates_its_document_only_when_the_page_changed(
    tmp_path: Path,
) -> None:
    db = tmp_path / "c.db"
    pages = site()
    extractor_version()  # read once here, so the forked workers share it with this process
    with serve(pages) as base:
        url = f"{base}/news/sgr-extension"
        first = ingest(db, url)
        again = ingest(db, url)
        pages["/news/sgr-extension"] = (200, HTML, UPDATED.encode())
        changed = ingest(db, url)
    assert first[0] == again[0] == changed[0] == 0
    assert "added 1 document(s)" in first[1]
    assert "added 0 document(s) with 0 dated mention(s); 1 unchanged" in again[1]
    assert "added 1 document(s)" in changed[1]
    stored = documents(db)
    assert [d["path"] for d in stored] == [url]
    with sqlite3.connect(db) as connection:
        (text,) = connection.execute("SELECT text FROM documents WHERE path = ?", [url]).fetchone()
    assert text.endswith("The ministers will meet again in Nairobi on 20 February 2024.")


def test_a_urls_file_skips_blank_lines_and_comments(tmp_path: Path) -> None:
    db = tmp_path / "c.db"
    listing = tmp_path / "urls.txt"
    with serve(site()) as base:
        listing.write_text(
            f"# East African transport news\n\n{base}/news/sgr-extension\n"
            f"   {base}/notes.txt  \n# {base}/map.png\n",
            encoding="utf-8",
        )
        code, _ = ingest(db, "--urls", str(listing))
    assert code == 0
    assert [(d["path"], d["format"]) for d in documents(db)] == [
        (f"{base}/news/sgr-extension", "html"),
        (f"{base}/notes.txt", "text"),
    ]


def test_a_urls_file_line_that_is_no_address_is_a_usage_error(tmp_path: Path) -> None:
    listing = tmp_path / "urls.txt"
    listing.write_text("https://www.transport.example/news\nnews/sgr.html\n", encoding="utf-8")
    code, output = ingest(tmp_path / "c.db", "--urls", str(listing))
    assert code == 2
    assert "--urls line 2 is not a web address: news/sgr.html" in output


def test_documents_shows_each_source_and_format_and_remove_takes_an_address(
    tmp_path: Path,
) -> None:
    db = tmp_path / "c.db"
    note = tmp_path / "note.md"
    note.write_text("# Note\n\nThe bridge over the Gambia River opened on 21 January 2019.\n")
    with serve(site()) as base:
        url = f"{base}/news/sgr-extension"
        assert ingest(db, url, str(note))[0] == 0
    listed = CliRunner().invoke(cli, ["documents", "--db", str(db)], env={"COLUMNS": "200"})
    header, *rows = listed.output.splitlines()
    assert header.split()[3] == "format" and header.split()[-1] == "source"
    (note_format, note_source), (page_format, page_source) = (
        (row.split()[3], row.split()[-1]) for row in rows
    )
    assert (note_format, page_format, page_source) == ("markdown", "html", url)
    assert str(note.resolve()).endswith(note_source)  # shown relative to the working folder
    removed = CliRunner().invoke(cli, ["remove", url, "--db", str(db)])
    assert removed.exit_code == 0
    assert removed.output == f"removed {url}\n"
    assert [d["path"] for d in documents(db)] == [str(note.resolve())]


def test_a_folder_names_each_unreadable_pdf_and_word_file_and_groups_them_by_type(
    tmp_path: Path,
) -> None:
    folder = tmp_path / "briefs"
    folder.mkdir()
    (folder / "talks.txt").write_text("The ministers met in Accra on 3 March 2024.\n")
    (folder / "brief-2019.pdf").write_bytes(b"%PDF-1.7\n1 0 obj << /Type /Catalog >>\n")
    (folder / "brief-2020.pdf").write_bytes(b"%PDF-1.4\n% saved half-way\n")
    (folder / "minutes.docx").write_bytes(b"PK\x03\x04 not a whole archive")
    (folder / "trade-2021.xlsx").write_bytes(b"PK\x03\x04")
    (folder / "trade-2022.xlsx").write_bytes(b"PK\x03\x04")
    code, output = ingest(tmp_path / "c.db", str(folder))
    lines = output.splitlines()
    assert code == 0
    assert [line.split(":")[0] for line in lines if line.startswith("skipped")] == [
        f"skipped {folder.resolve()}/brief-2019.pdf",
        f"skipped {folder.resolve()}/brief-2020.pdf",
        f"skipped {folder.resolve()}/minutes.docx",
    ]
    assert lines[3:5] == ["2 .pdf files could not be read", "2 .xlsx skipped: unsupported type"]
    assert lines[5].startswith(
        "added 1 document(s) with 1 dated mention(s); 0 unchanged, 3 skipped."
    )


def test_two_addresses_serving_one_text_keep_it_once_and_still_succeed(tmp_path: Path) -> None:
    db = tmp_path / "c.db"
    with serve(site()) as base:
        code, output = ingest(db, f"{base}/news/sgr-extension", f"{base}/old/sgr", "--jobs", "1")
    assert code == 0
    assert f"skipped {base}/old/sgr: same text as {base}/news/sgr-extension; kept once" in output
    assert [d["path"] for d in documents(db)] == [f"{base}/news/sgr-extension"]


def test_search_json_gives_each_source_its_web_address(tmp_path: Path) -> None:
    db = tmp_path / "c.db"
    note = tmp_path / "note.md"
    note.write_text("# Note\n\nThe bridge over the Gambia River opened on 21 January 2019.\n")
    with serve(site()) as base:
        url = f"{base}/news/sgr-extension"
        assert ingest(db, url, str(note))[0] == 0
    found = CliRunner().invoke(cli, ["search", "--json", "--limit", "0", "--db", str(db)])
    sources = [s for event in json.loads(found.output) for s in event["sources"]]
    by_document = {s["document"]: s["url"] for s in sources}
    assert by_document == {url: url, str(note.resolve()): None}
