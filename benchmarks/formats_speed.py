"""How fast each format is read: the same prose as .txt, .md, .html, .docx and PDF.

    python3 benchmarks/formats_speed.py [--docs 12] [--rounds 5] [--json]

Writes, once per ``--docs``, under ``benchmarks/out/formats/``, three briefs in every
format: the issue brief and the two-column policy brief of ``tests/pdf_briefs.py``, and
a long brief made of ``--docs`` generated documents (``make_corpus.py``, seed 7), one
heading each. The .txt is the brief as an analyst saves it (``pdf_maker.plain_text``);
the .md has ``#`` headings, list items and pipe tables; the .html is a ministry's page
(menu, article, notes, related links, footer); the .docx is written as Word writes it
(``tests/docx_maker.py``, notes as real footnotes); each PDF is set in one column and
in two (``tests/pdf_maker.py``), running heads, page numbers and notes at the feet.

Each format is parsed in a child process of its own, warmed up first on a brief of
other generated documents, so no cache holds the timed text from an earlier format or
round. The child reports the CPU time (``time.process_time``) of ``load_document``
alone and of ``load_document`` + ``extract_mentions``. Formats are interleaved, their
order turned each round, and the median of ``--rounds`` rounds is kept, since the
machine is shared; its load average is printed with the figures. Rates are KB/s of
prose (the .txt size, the same for every format), pages/s for PDFs, and each rate's
ratio to the .txt rate.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path
from xml.sax.saxutils import escape

HERE = Path(__file__).resolve().parent
OUT = HERE / "out" / "formats"
sys.path.insert(0, str(HERE.parent))  # this checkout first, and its tests' makers
sys.path.insert(0, str(HERE))

from tests.pdf_maker import (  # noqa: E402
    _MARKER,
    SOFT_HYPHEN,
    Block,
    Brief,
    heading,
    item,
    make_pdf,
    para,
    plain_text,
)

FORMATS = ("txt", "md", "html", "docx", "pdf-1col", "pdf-2col")
"""Each format's files are ``<brief>.<format>``, PDFs ``<brief>.pdf-1col.pdf``."""
SUPERS = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")


def generated_brief(first: int, count: int) -> Brief:
    """A long brief of generated documents `first`... in the shape of a compendium."""
    import make_corpus

    world = make_corpus.build_world(7)
    blocks: list[Block] = []
    for index in range(first, first + count):
        text = make_corpus.make_document(world, 7, index)[1]
        for chunk in text.strip().split("\n\n"):
            blocks += blocks_of(chunk)
    return Brief(
        title="Bilateral Relations: Briefs of the Desk, Collected",
        masthead=["DIVISION OF POLICY PLANNING", "BRIEFING COMPENDIUM"],
        byline=["Compiled by the Research Desk"],
        blocks=blocks,
        running_head="Briefing Compendium — Division of Policy Planning",
        page_number="Page {n} of {total}",
    )


def blocks_of(chunk: str) -> list[Block]:
    """One generated paragraph as blocks: a bulleted list, a heading or a paragraph."""
    lines = [line.strip() for line in chunk.split("\n")]
    if all(line.startswith("•") for line in lines):
        return [item(line.lstrip("• ")) for line in lines]
    if len(lines) == 1 and _title_like(chunk):
        return [heading(chunk)]
    return [para(" ".join(lines))]


def _title_like(line: str) -> bool:
    """A short capitalised line without figures or closing stop: a heading, where a date
    line, a pasted page number or "(Views expressed ...)" stays a paragraph."""
    short = len(line) < 80 and line[0].isupper() and line[-1] not in ".:)"
    return short and not any(c.isdigit() for c in line)


def markdown(brief: Brief) -> str:
    """The brief as Markdown: `#` headings, `-` items, pipe tables, notes at the end."""
    out = [*brief.masthead, f"# {brief.title}", *brief.byline]
    for block in brief.blocks:
        if block.kind == "heading":
            out.append(f"## {_marked(block.text)}")
        elif block.kind == "item":
            out.append(f"- {_marked(block.text)}")
        elif block.kind == "para":
            out.append(_marked(block.text))
        else:
            head, *body = block.rows
            rows = [head, ["---"] * len(head), *body]
            out += [block.text, "\n".join("| " + " | ".join(r) + " |" for r in rows)]
            out += [block.source] if block.source else []
    out += [f"{n.translate(SUPERS)} {_marked(text)}" for n, text in brief.notes.items()]
    return "\n\n".join(out) + "\n"


def _marked(text: str) -> str:
    return _MARKER.sub(lambda m: m.group(1).translate(SUPERS), text.replace(SOFT_HYPHEN, ""))


def html(brief: Brief) -> str:
    """The brief as a ministry's web page: menu, article with notes, related links, footer."""
    body = [f"<h1>{escape(brief.title)}</h1>"]
    body += [f'<p class="byline">{escape(line)}</p>' for line in brief.byline]
    for block in brief.blocks:
        text = _html_marked(block.text)
        if block.kind == "heading":
            body.append(f"<h2>{text}</h2>")
        elif block.kind == "item":
            body.append(f"<ul><li>{text}</li></ul>")
        elif block.kind == "para":
            body.append(f"<p>{text}</p>")
        else:
            cells = "".join(
                "<tr>" + "".join(f"<td>{escape(c)}</td>" for c in row) + "</tr>"
                for row in block.rows
            )
            body.append(f"<table><caption>{text}</caption>{cells}</table>")
            body += [f"<p>{escape(block.source)}</p>"] if block.source else []
    notes = "".join(f"<p><sup>{n}</sup> {_html_marked(t)}</p>" for n, t in brief.notes.items())
    site = escape(brief.masthead[-1].title())
    return (
        f'<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        f"<title>{escape(brief.title)} | {site}</title>"
        f'<meta property="og:site_name" content="{site}"></head><body>\n'
        '<header><nav><ul><li><a href="/">Home</a></li><li><a href="/press/">Press</a></li>'
        '<li><a href="/briefs/">Briefs</a></li><li><a href="/contact/">Contact</a></li>'
        "</ul></nav></header>\n<main><article>\n"
        + "\n".join(body).replace("</ul>\n<ul>", "\n")  # one list for adjacent items
        + f'\n<div class="footnotes">{notes}</div>\n</article>\n'
        '<aside class="related-links"><h3>Related briefs</h3><ul><li><a href="/b/1">'
        "Annual report of the division</a></li></ul></aside></main>\n"
        f"<footer><p>Copyright &copy; {site}. All rights reserved.</p></footer>"
        "</body></html>\n"
    )


def _html_marked(text: str) -> str:
    return _MARKER.sub(r"<sup>\1</sup>", escape(text.replace(SOFT_HYPHEN, "")))


def word(brief: Brief) -> bytes:
    """The brief as a .docx, its notes as Word footnotes at their markers."""
    from tests.docx_maker import Note, WordMaker

    maker = WordMaker()
    for line in brief.masthead:
        maker.paragraph(line)
    maker.title(brief.title)
    for line in brief.byline:
        maker.paragraph(line)
    for block in brief.blocks:
        pieces = _MARKER.split(block.text.replace(SOFT_HYPHEN, ""))
        # split() leaves the note numbers at odd places
        parts = [Note(brief.notes[p]) if i % 2 else p for i, p in enumerate(pieces)]
        if block.kind == "heading":
            maker.heading(_marked(block.text), level=1)
        elif block.kind == "item":
            maker.paragraph(*parts, style="List Bullet")
        elif block.kind == "para":
            maker.paragraph(*parts)
        else:
            maker.table(block.rows, caption=block.text)
            if block.source:
                maker.paragraph(block.source)
    return maker.save()


def write_briefs(folder: Path, briefs: dict[str, Brief]) -> dict[str, dict]:
    """Every brief in every format under `folder`; its prose bytes and PDF pages."""
    import pdfplumber

    folder.mkdir(parents=True, exist_ok=True)
    sizes = {}
    for name, brief in briefs.items():
        (folder / f"{name}.txt").write_text(plain_text(brief), encoding="utf-8")
        (folder / f"{name}.md").write_text(markdown(brief), encoding="utf-8")
        (folder / f"{name}.html").write_text(html(brief), encoding="utf-8")
        (folder / f"{name}.docx").write_bytes(word(brief))
        pages = {}
        for columns in (1, 2):
            path = folder / f"{name}.pdf-{columns}col.pdf"
            brief.columns = columns
            path.write_bytes(make_pdf(brief))
            with pdfplumber.open(path) as pdf:
                pages[f"pdf-{columns}col"] = len(pdf.pages)
        sizes[name] = {"prose_bytes": (folder / f"{name}.txt").stat().st_size, "pages": pages}
    return sizes


def corpus(docs: int) -> tuple[Path, dict[str, dict]]:
    """The folder of briefs for `docs` generated documents (made once) and its sizes."""
    from tests.pdf_briefs import japan_kazakhstan, pakistan_japan

    folder = OUT / f"docs-{docs}"
    manifest = folder / "manifest.json"
    if not manifest.exists():
        briefs = {
            "pakistan-japan": pakistan_japan(),
            "japan-kazakhstan": japan_kazakhstan(),
            "compendium": generated_brief(0, docs),
        }
        sizes = write_briefs(folder, briefs)
        write_briefs(folder / "warm-up", {"warm-up": generated_brief(10_000, 3)})
        manifest.write_text(json.dumps(sizes, indent=1), encoding="utf-8")
    return folder, json.loads(manifest.read_text(encoding="utf-8"))


def file_of(folder: Path, name: str, fmt: str) -> Path:
    return folder / (f"{name}.{fmt}.pdf" if fmt.startswith("pdf") else f"{name}.{fmt}")


def parse_format(folder: Path, fmt: str, names: list[str]) -> dict:
    """In this process: warm up on another brief, then time each named brief in `fmt`."""
    from chronicle.ingest.events.mentions import content_hash, extract_mentions
    from chronicle.ingest.text.document import load_document

    warm = load_document(file_of(folder / "warm-up", "warm-up", fmt))
    extract_mentions(warm, content_hash(warm.text))
    load_s = extract_s = 0.0
    mentions = 0
    for name in names:
        start = time.process_time()
        doc = load_document(file_of(folder, name, fmt))
        loaded = time.process_time()
        mentions += len(extract_mentions(doc, content_hash(doc.text)))
        load_s += loaded - start
        extract_s += time.process_time() - loaded
    return {"load_s": load_s, "both_s": load_s + extract_s, "mentions": mentions}


def in_child(folder: Path, fmt: str, names: list[str]) -> dict:
    """`parse_format` in a fresh process, so no cache remembers the text from before."""
    command = [sys.executable, __file__, "--child", fmt, "--folder", str(folder), *names]
    result = subprocess.run(command, capture_output=True, text=True, check=True)
    return json.loads(result.stdout)


def measure(folder: Path, sizes: dict[str, dict], rounds: int) -> list[dict]:
    """Median CPU seconds of each format over `rounds` interleaved rounds, and its rates."""
    names = sorted(sizes)
    runs: dict[str, list[dict]] = {fmt: [] for fmt in FORMATS}
    for round_number in range(rounds):
        turn = round_number % len(FORMATS)
        for fmt in FORMATS[turn:] + FORMATS[:turn]:
            runs[fmt].append(in_child(folder, fmt, names))
    kb = sum(s["prose_bytes"] for s in sizes.values()) / 1024
    rows = []
    for fmt in FORMATS:
        load_s = statistics.median(r["load_s"] for r in runs[fmt])
        both_s = statistics.median(r["both_s"] for r in runs[fmt])
        pages = sum(s["pages"].get(fmt, 0) for s in sizes.values())
        rows.append(
            {
                "format": fmt,
                "kb": round(kb, 1),
                "pages": pages or None,
                "mentions": runs[fmt][0]["mentions"],
                "load_s": round(load_s, 3),
                "both_s": round(both_s, 3),
                "both_s_rounds": [round(r["both_s"], 3) for r in runs[fmt]],
                "load_kb_s": round(kb / load_s, 1),
                "both_kb_s": round(kb / both_s, 1),
                "load_pages_s": round(pages / load_s, 1) if pages else None,
                "both_pages_s": round(pages / both_s, 1) if pages else None,
            }
        )
    for row in rows:  # the .txt row is first
        row["load_vs_txt"] = round(row["load_kb_s"] / rows[0]["load_kb_s"], 2)
        row["both_vs_txt"] = round(row["both_kb_s"] / rows[0]["both_kb_s"], 2)
    return rows


def machine() -> dict:
    """The cores and the load average (1, 5, 15 minutes) the figures were taken under."""
    return {"cores": os.cpu_count(), "load": [round(x, 2) for x in os.getloadavg()]}


def table(rows: list[dict]) -> str:
    """The figures as the Markdown table docs/performance.md shows."""
    lines = [
        "| format | load_document KB/s | × .txt | pages/s | + extract_mentions KB/s | × .txt "
        "| pages/s | mentions |",
        "|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in rows:
        load_pages = f"{r['load_pages_s']:.1f}" if r["pages"] else "–"
        both_pages = f"{r['both_pages_s']:.1f}" if r["pages"] else "–"
        lines.append(
            f"| {r['format']} | {r['load_kb_s']:.1f} | {r['load_vs_txt']:.2f} | {load_pages} "
            f"| {r['both_kb_s']:.1f} | {r['both_vs_txt']:.2f} | {both_pages} | {r['mentions']} |"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--docs", type=int, default=12, help="generated documents in the long brief"
    )
    parser.add_argument("--rounds", type=int, default=5, help="interleaved rounds (median kept)")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--child", choices=FORMATS, help=argparse.SUPPRESS)
    parser.add_argument("--folder", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("names", nargs="*", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        print(json.dumps(parse_format(args.folder, args.child, args.names)))
        return 0
    folder, sizes = corpus(args.docs)
    before = machine()
    rows = measure(folder, sizes, args.rounds)
    after = machine()
    if args.json:
        print(json.dumps({"machine": {"before": before, "after": after}, "rows": rows}, indent=2))
        return 0
    pages = {fmt: sum(s["pages"][fmt] for s in sizes.values()) for fmt in FORMATS[4:]}
    print(
        f"{len(sizes)} briefs, {rows[0]['kb']} KB of prose, PDF pages {pages}; "
        f"median of {args.rounds} rounds; cores {before['cores']}, "
        f"load {before['load']} before, {after['load']} after"
    )
    print(table(rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())
