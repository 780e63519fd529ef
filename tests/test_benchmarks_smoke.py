"""The benchmark scripts of issue 14 run on a tiny corpus and report what they should."""

from __future__ import annotations

import functools
import json
import os
import re
import sqlite3
import sys
from contextlib import closing
from pathlib import Path

import pytest
from click.testing import CliRunner

from chronicle.cli import cli

BENCHMARKS = Path(__file__).resolve().parent.parent / "benchmarks"
sys.path.insert(0, str(BENCHMARKS))

import formats_speed  # noqa: E402
import ingest_scale  # noqa: E402
import ingest_throughput  # noqa: E402
import make_corpus  # noqa: E402
import merge_equivalence  # noqa: E402
import parse_speed  # noqa: E402
import writer_parts  # noqa: E402
import writer_statements  # noqa: E402
from merge_equivalence import Report  # noqa: E402

RETELLING = (123, 169, 189, 226, 228)
"""Documents of the seed-7 corpus that retell three happenings: an establishment of
relations on 'May 21, 1951' twice, an agreement in 'May 1954' and on '11 May 1954',
a meeting in '1953' and on '25 June 1953'."""


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("bench") / "corpus"
    make_corpus.generate(230, out, seed=7, quiet=True)
    return out


@pytest.fixture(scope="module")
def retold_db(corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A chronicle `chronicle ingest` built from the five retelling documents."""
    db = tmp_path_factory.mktemp("bench-db") / "c.db"
    files = [str(p) for i in RETELLING for p in (corpus / "docs" / "000").glob(f"{i:06d}-*")]
    result = CliRunner().invoke(cli, ["ingest", "--db", str(db), *files])
    assert result.exit_code == 0, result.output
    return db


def gold(corpus: Path) -> list[dict]:
    lines = (corpus / "merge_gold.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines]


# make_corpus: the merge gold -----------------------------------------------------


def test_a_larger_world_tells_each_happening_less_often(tmp_path):
    dense = make_corpus.generate(200, tmp_path / "dense", seed=7, quiet=True)
    sparse = make_corpus.generate(200, tmp_path / "sparse", seed=7, quiet=True, happenings=200_000)
    assert (dense["world"], sparse["world"]) == (make_corpus.HAPPENINGS, 200_000)
    recorded = json.loads((tmp_path / "sparse" / "corpus.json").read_text(encoding="utf-8"))
    assert recorded["world"] == 200_000
    assert sparse["happenings_in_several_documents"] < dense["happenings_in_several_documents"]
    assert sparse["documents"] == dense["documents"] == 200


def test_the_merge_gold_counts_every_retold_happening(corpus):
    summary = json.loads((corpus / "corpus.json").read_text(encoding="utf-8"))
    records = gold(corpus)
    assert summary["happenings"] == len(records) == 838
    assert summary["happenings_in_several_documents"] == 22
    assert sum(len(r["reports"]) for r in records) == 861


def test_each_report_is_the_date_text_at_its_offsets(corpus):
    for record in gold(corpus)[:200]:
        for report in record["reports"]:
            text = (corpus / report["doc"]).read_text(encoding="utf-8")
            assert text[report["start"] : report["end"]] == report["text"]


def test_a_happening_is_retold_at_different_precisions(corpus):
    by_id = {r["happening"]: r for r in gold(corpus)}
    meeting, agreement = by_id[922], by_id[1165]
    assert (meeting["kind"], meeting["start"]) == ("meeting", "1953-06-25")
    assert [(r["text"], r["precision"]) for r in meeting["reports"]] == [
        ("1953", "year"),
        ("25 June 1953", "day"),
    ]
    assert [(r["text"], r["precision"]) for r in agreement["reports"]] == [
        ("May 1954", "month"),
        ("11 May 1954", "day"),
    ]


def test_a_smaller_corpus_is_a_prefix_of_a_larger_one(corpus, tmp_path):
    make_corpus.generate(40, tmp_path / "small", seed=7, quiet=True)
    small = (tmp_path / "small" / "gold.jsonl").read_text(encoding="utf-8").splitlines()
    large = (corpus / "gold.jsonl").read_text(encoding="utf-8").splitlines()
    assert small == large[:40]
    early = {
        (r["happening"], x["doc"], x["start"])
        for r in gold(corpus)
        for x in r["reports"]
        if int(x["doc"][9:15]) < 40
    }
    assert early == {
        (r["happening"], x["doc"], x["start"])
        for r in gold(tmp_path / "small")
        for x in r["reports"]
    }


# merge_equivalence ----------------------------------------------------------------


def test_ingested_events_equal_global_merging(corpus, retold_db):
    result = merge_equivalence.run(corpus, retold_db)
    assert result["documents"] == 5
    assert result["only_stored"] == result["only_reference"] == 0
    assert result["stored_events"] == result["reference_events"] == result["identical"]
    assert result["examples"] == []
    sizes = result["largest"]
    assert sizes == sorted(sizes, reverse=True) and 1 <= len(sizes) <= 5
    with closing(sqlite3.connect(retold_db)) as conn:
        (most,) = conn.execute(
            "SELECT max(n) FROM (SELECT count(*) AS n FROM mentions GROUP BY event_id)"
        ).fetchone()
    assert sizes[0] == most
    scored = result["gold"]
    assert (scored["reports"], scored["reports_found"]) == (29, 29)
    assert (scored["happenings"], scored["happenings_told_twice_or_more"]) == (26, 3)
    assert scored["stored"]["gold_pairs"] == 3
    assert scored["stored"] == scored["reference"]
    assert set(scored["stored_recall_by_precision"]) == {"day+day", "day+month", "day+year"}


def test_a_moved_mention_is_reported_and_fails_the_run(retold_db, tmp_path, capsys):
    db = tmp_path / "moved.db"
    with sqlite3.connect(retold_db) as source, sqlite3.connect(db) as target:
        source.backup(target)
    with sqlite3.connect(db) as conn:
        (event_id,) = conn.execute(
            "SELECT event_id FROM mentions GROUP BY event_id HAVING count(*) = 2 LIMIT 1"
        ).fetchone()
        conn.execute(
            "UPDATE mentions SET event_id = NULL WHERE id = "
            "(SELECT max(id) FROM mentions WHERE event_id = ?)",
            [event_id],
        )
    result = merge_equivalence.run(None, db)
    assert result["mentions_without_event"] == 1
    assert (result["only_stored"], result["only_reference"]) == (1, 1)
    assert result["mentions_in_differences"] == 2
    assert len(result["examples"]) == 1
    assert merge_equivalence.main(["--db", str(db)]) == 1
    assert "DIFFERENT" in capsys.readouterr().out


def test_pairwise_scores_count_pairs_of_reports():
    told = [
        Report(7, "a.txt", 10, 26, "25 June 1953", "day"),
        Report(7, "b.txt", 40, 44, "1953", "year"),
        Report(7, "c.txt", 5, 14, "June 1953", "month"),
        Report(9, "d.txt", 80, 92, "11 May 1954", "day"),
    ]
    found = {told[0]: "h:1", told[1]: "h:2", told[3]: "h:3"}  # c.txt's date was missed
    clusters = {frozenset({"h:1", "h:2", "h:3"})}  # and d.txt's wrongly joined
    scores = merge_equivalence.pairwise(told, found, clusters)
    assert scores == {
        "gold_pairs": 1,
        "predicted_pairs": 3,
        "correct_pairs": 1,
        "precision": 1 / 3,
        "recall": 1.0,
        "recall_all_reports": 1 / 3,
    }
    assert merge_equivalence.recall_by_precision(told, found, clusters) == {"day+year": (1, 1)}


def test_a_report_is_found_again_after_cleaning_shifts_it():
    raw = "\n\nISSUE BRIEF\n\nTalks opened on 5 March 2019. A second round met on 5 March 2019 too."
    clean = "Talks opened on 5 March 2019. A second round met on 5 March 2019 too."
    second = Report(
        3, "x.txt", raw.rindex("5 March"), raw.rindex("5 March") + 12, "5 March 2019", "day"
    )
    assert merge_equivalence.clean_offset(raw, clean, second) == clean.rindex("5 March")
    assert merge_equivalence.clean_offset(raw, "Talks opened.", second) is None


# ingest_throughput -----------------------------------------------------------------


def test_throughput_of_a_three_document_ingest(corpus, tmp_path):
    files = sorted((corpus / "docs" / "000").glob("*.txt"))[:3]
    folder = ingest_scale.link_folder(tmp_path / "three", files)
    result = ingest_throughput.measure(folder, tmp_path / "t.db", jobs=1)
    assert result["documents"] == 3
    assert result["prose_bytes"] == sum(f.stat().st_size for f in files)
    assert result["summary"].startswith("added 3 document(s)")
    assert result["db_bytes"] == ingest_throughput.db_bytes(tmp_path / "t.db")
    assert result["cpu_s"] > 0 and result["main_peak_mb"] > 0


def test_a_second_leg_adds_to_the_store_and_weighs_it_against_all_its_prose(corpus, tmp_path):
    files = sorted((corpus / "docs" / "000").glob("*.txt"))[:4]
    db = tmp_path / "t.db"
    first = ingest_scale.link_folder(tmp_path / "first", files[:2])
    second = ingest_scale.link_folder(tmp_path / "second", files[2:])
    ingest_throughput.measure(first, db, jobs=1)
    leg = ingest_throughput.measure(second, db, jobs=1, onto=True)
    assert leg["documents"] == 2 and leg["onto"]
    assert leg["prose_bytes"] == sum(f.stat().st_size for f in files[2:])
    assert leg["summary"].endswith("from 4 documents.")
    whole = sum(f.stat().st_size for f in files)
    assert leg["db_to_prose"] == round(ingest_throughput.db_bytes(db) / whole, 2)


def test_parsing_alone_is_timed_on_as_many_processes_as_asked(corpus):
    files = sorted((corpus / "docs" / "000").glob("*.txt"))[:3]
    figures = parse_speed.parse_on_cores(files, jobs=2)
    assert figures["documents"] == 3 and figures["jobs"] == 2
    assert figures["mentions"] == sum(parse_speed.parse_one(f) for f in files) > 0
    assert figures["kb"] == round(sum(f.stat().st_size for f in files) / 1024, 1)
    assert figures["wall_s"] > 0 and figures["parse_cpu_ms_per_doc"] > 0


def test_storing_is_left_the_cpu_parsing_does_not_take_of_the_target(tmp_path):
    files = [tmp_path / "a.txt", tmp_path / "b.txt"]
    for f in files:
        f.write_bytes(b"x" * 400 * 1024)  # 800 KB in all: 2 s at 400 KB/s, 4 s of two cores
    figures = parse_speed.ceiling(files, jobs=2, wall_s=1.6, cpu_s=3.0, mentions=0)
    assert figures["parse_kb_s"] == 500.0
    assert figures["parse_cpu_ms_per_doc"] == 1500.0
    assert figures["store_budget_ms_per_doc"] == 500.0  # (4 s - 3 s) over two documents
    slow = parse_speed.ceiling(files, jobs=2, wall_s=2.5, cpu_s=5.0, mentions=0)
    assert slow["store_budget_ms_per_doc"] == -500.0  # parsing alone misses the target


def test_targets_are_judged_by_issue_14s_thresholds():
    figures = {"kb_per_s": 412.0, "utilisation": 0.93, "tree_peak_mb": 640.0, "db_to_prose": 3.1}
    assert ingest_throughput.verdicts(figures) == {
        "kb_per_s": True,
        "utilisation": True,
        "tree_peak_mb": False,
        "db_to_prose": True,
    }


def test_a_process_is_read_from_proc():
    rss_kb, peak_kb, cpu_s = ingest_throughput.read_process(os.getpid())
    assert 0 < rss_kb <= peak_kb and cpu_s > 0
    assert 0 < ingest_throughput.read_private_kb(os.getpid()) <= rss_kb
    assert ingest_throughput.descendants(os.getpid())[0] == os.getpid()


def test_memory_a_forked_worker_shares_with_its_parent_is_counted_once():
    held = bytearray(os.urandom(1024)) * (64 * 1024)  # 64 MB the child inherits
    ready_r, ready_w = os.pipe()
    stop_r, stop_w = os.pipe()
    child = os.fork()
    if child == 0:  # the child only waits: every page of `held` stays shared
        os.write(ready_w, b"x")
        os.read(stop_r, 1)
        os._exit(0)
    try:
        os.read(ready_r, 1)
        parent, forked = (ingest_throughput.read_private_kb(p) for p in (os.getpid(), child))
        status = Path(f"/proc/{child}/status").read_text(encoding="utf-8")
        mapped = ingest_throughput._kb(ingest_throughput._fields(status), "RssAnon")
        assert mapped > 60 * 1024  # the child maps the 64 MB...
        assert forked < mapped / 2 + 8 * 1024  # ...and holds its share of them
        assert parent + forked < parent + mapped - 24 * 1024  # not counted twice
    finally:
        os.write(stop_w, b"x")
        os.waitpid(child, 0)
        for fd in (ready_r, ready_w, stop_r, stop_w):
            os.close(fd)
    assert len(held) == 64 * 1024 * 1024


def test_private_memory_is_read_again_only_after_its_interval():
    watch = ingest_throughput.Watch(os.getpid(), private_every_s=3600.0)
    first = watch.private_kb(os.getpid())
    held = bytearray(32 * 1024 * 1024)  # 32 MB more, written so they are resident
    held[::4096] = b"x" * len(held[::4096])
    assert watch.private_kb(os.getpid()) == first  # within the interval: the last reading
    watch.private_every_s = 0.0
    assert watch.private_kb(os.getpid()) > first + 24 * 1024
    assert len(held) == 32 * 1024 * 1024


# ingest_scale --------------------------------------------------------------------


@pytest.mark.slow  # six runs of the command: two builds, two empty and two real adds
def test_scale_grows_one_store_and_resumes_from_its_log(corpus, tmp_path):
    out = tmp_path / "scale"
    results = ingest_scale.run(corpus, out, [1, 2], fresh_n=1, repeat=1, jobs=None)
    assert [r["stored"] for r in results] == [1, 2]
    assert [r["build_docs"] for r in results] == [1, 1]
    assert [(r["fresh"], r["repeat"]) for r in results] == [(1, 1), (1, 1)]
    assert ingest_scale.stored_documents(out / "base.db") == 2  # the fresh one never joins it
    assert not (out / "measure.db").exists()
    assert len((out / "steps.jsonl").read_text(encoding="utf-8").splitlines()) == 2
    assert ingest_scale.run(corpus, out, [1, 2], fresh_n=1, repeat=1, jobs=None) == results


def test_the_ratio_compares_the_largest_store_with_the_smallest():
    steps = [
        {"net_cpu_ms_per_doc": 31.0},
        {"net_cpu_ms_per_doc": 40.0},
        {"net_cpu_ms_per_doc": 46.5},
    ]
    assert ingest_scale.ratio(steps) == 1.5


# formats_speed -------------------------------------------------------------------


@pytest.fixture(scope="module")
def two_documents(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict]:
    """Two generated documents as one brief in every format, and a warm-up brief."""
    folder = tmp_path_factory.mktemp("formats")
    sizes = formats_speed.write_briefs(folder, {"two": formats_speed.generated_brief(0, 2)})
    warm_up = {"warm-up": formats_speed.generated_brief(10_000, 1)}
    formats_speed.write_briefs(folder / "warm-up", warm_up)
    return folder, sizes


def test_one_brief_is_written_in_every_format(two_documents):
    folder, sizes = two_documents
    assert sizes == {"two": {"prose_bytes": 4811, "pages": {"pdf-1col": 2, "pdf-2col": 2}}}
    assert sorted(p.name for p in folder.glob("two.*")) == [
        "two.docx",
        "two.html",
        "two.md",
        "two.pdf-1col.pdf",
        "two.pdf-2col.pdf",
        "two.txt",
    ]
    page = (folder / "two.html").read_text(encoding="utf-8")
    assert page.count("<nav>") == page.count("<footer>") == page.count("<article>") == 1


def test_every_format_gives_the_mentions_of_the_text(two_documents):
    folder, _ = two_documents
    for fmt in formats_speed.FORMATS:
        figures = formats_speed.parse_format(folder, fmt, ["two"])
        assert figures["mentions"] == 21, fmt
        assert 0 < figures["load_s"] < figures["both_s"], fmt


def test_a_format_is_timed_in_a_child_process(two_documents):
    folder, _ = two_documents
    figures = formats_speed.in_child(folder, "md", ["two"])
    assert figures["mentions"] == 21 and 0 < figures["load_s"] < figures["both_s"]


def test_the_table_sets_each_rate_beside_the_text_rate():
    rows = [
        {"format": "txt", "pages": None, "mentions": 76, "load_kb_s": 250.0},
        {"format": "pdf-1col", "pages": 8, "mentions": 75, "load_kb_s": 16.8},
    ]
    for row, both, pages in zip(rows, (84.5, 15.4), (None, 7.0), strict=True):
        row.update(both_kb_s=both, load_pages_s=pages and 7.6, both_pages_s=pages)
        row.update(load_vs_txt=round(row["load_kb_s"] / 250.0, 2))
        row.update(both_vs_txt=round(both / 84.5, 2))
    assert formats_speed.table(rows).splitlines()[2:] == [
        "| txt | 250.0 | 1.00 | – | 84.5 | 1.00 | – | 76 |",
        "| pdf-1col | 16.8 | 0.07 | 7.6 | 15.4 | 0.18 | 7.0 | 75 |",
    ]


# writer_parts -------------------------------------------------------------------


def test_the_writer_is_timed_part_by_part_and_the_store_left_as_it_was(corpus, tmp_path, capsys):
    files = sorted((corpus / "docs").glob("*/*.txt"))
    db = tmp_path / "built.db"
    result = CliRunner().invoke(cli, ["ingest", "--db", str(db), *map(str, files[:40])])
    assert result.exit_code == 0, result.output
    fresh = tmp_path / "fresh"
    fresh.mkdir()
    for f in files[200:210]:
        (fresh / f.name).write_text(f.read_text(encoding="utf-8"), encoding="utf-8")
    before = db.read_bytes()
    lookup = writer_parts.blocks._lookup
    assert writer_parts.main(["--db", str(db), "--fresh", str(fresh)]) == 0
    out = capsys.readouterr().out
    cells = [re.split(r"\s{2,}", line.strip()) for line in out.splitlines()]
    rows = {label: values for label, *values in cells}
    assert rows["documents stored"] == ["40"]
    assert float(rows["block lookups"][0]) > 0 and float(rows["in all"][0]) > 0
    names = ("in the ranges", "passing the row's tests", "rows kept", "mentions found")
    ranges, tested, kept, found = (float(rows[name][0]) for name in names)
    assert ranges >= tested >= kept >= found > 0  # each step keeps a part of the one before
    assert writer_parts.blocks._lookup is lookup
    wrappers = [  # every part put back wherever a chronicle module holds it
        (module_name, name)
        for module_name, module in list(sys.modules.items())
        if module_name.startswith("chronicle") and module is not None
        for name, value in vars(module).items()
        if "<locals>" in getattr(value, "__qualname__", "")
        and getattr(value, "__module__", "") == writer_parts.__name__
    ]
    assert wrappers == []
    with closing(sqlite3.connect(db)) as conn:
        assert conn.execute("SELECT count(*) FROM documents").fetchone()[0] == 40
    assert db.read_bytes() == before  # rolled back: nothing written to the file
    with pytest.raises(SystemExit, match="no store at"):
        writer_parts.main(["--db", str(tmp_path / "typo.db"), "--fresh", str(fresh)])
    assert not (tmp_path / "typo.db").exists()


# writer_statements --------------------------------------------------------------


def test_the_writer_is_timed_statement_by_statement(corpus, capsys):
    assert writer_statements.main(["--corpus", str(corpus), "--docs", "20", "--top", "50"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("20 documents: ")
    rows = {line[19:]: (float(line[:7]), float(line[8:17])) for line in lines[2:]}
    lookups = [v for k, v in rows.items() if k.startswith("WITH q(anchor, kind, cls")]
    assert len(lookups) == 1 and lookups[0][1] > 1  # every lookup shape is one line
    [(_, inserted)] = [v for k, v in rows.items() if k.startswith("INSERT INTO documents")]
    assert inserted == 1.0  # one a document
    assert not isinstance(writer_statements.connection._open, functools.partial)


def test_the_writer_can_be_timed_once_the_store_holds_documents(corpus, capsys):
    args = ["--corpus", str(corpus), "--after", "15", "--docs", "5", "--top", "50"]
    assert writer_statements.main(args) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("5 documents: ")  # only those after the first 15
    rows = {line[19:]: float(line[8:17]) for line in lines[2:]}
    [inserted] = [v for k, v in rows.items() if k.startswith("INSERT INTO documents")]
    assert inserted == 1.0  # the 15 stored first are not counted


def test_rows_read_after_a_query_count_for_its_statement(tmp_path):
    writer_statements.SPENT.clear()
    conn = sqlite3.connect(tmp_path / "t.db", factory=writer_statements.TimedConnection)
    with closing(conn):
        conn.execute("CREATE TABLE t (x)")
        conn.executemany("INSERT INTO t VALUES (?)", [(i,) for i in range(20_000)])
        query = "SELECT x FROM t"
        cursor = conn.execute(query)  # runs to the first row
        calls, at_execute = writer_statements.SPENT[writer_statements.shape(query)]
        rows = sum(1 for _ in cursor)
        after_rows = writer_statements.SPENT[writer_statements.shape(query)]
    assert rows == 20_000
    assert calls == 1 and after_rows[0] == 1  # one call, however many rows
    assert after_rows[1] > 2 * at_execute  # the other rows are read as they are fetched


def test_value_lists_are_folded_and_long_statements_cut():
    assert writer_statements.shape("INSERT INTO t (a, b)\n VALUES (?, ?), (?,?)") == (
        "INSERT INTO t (a, b) VALUES (..)"
    )
    assert len(writer_statements.shape("SELECT " + "x, " * 100)) == writer_statements.GROUPED_CHARS
