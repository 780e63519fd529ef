"""Fuzzing with a small, reproducible budget: the reader on any bytes, the date finder on
any text, one document's whole ingest (issue 15). `benchmarks/fuzz.py` runs the same
properties with thousands of examples; what it found is kept below as explicit examples."""

from __future__ import annotations

from datetime import date

from hypothesis import HealthCheck, Phase, example, given, settings

from tests.fuzz_inputs import file_bytes, references, suffixes, texts
from tests.fuzz_properties import check_dates, check_ingest, check_reader

CI = settings(
    max_examples=60,
    deadline=None,
    derandomize=True,  # the same examples on every run, so CI is reproducible
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

FOUND = settings(CI, phases=[Phase.explicit], report_multiple_bugs=False)
"""Only the explicit examples: a bug the large budget found, kept as a regression."""


@CI
@given(file_bytes(), suffixes)
def test_reader_gives_text_or_one_line_document_error(data: bytes, suffix: str) -> None:
    check_reader(data, suffix)


@FOUND
@example(
    b'<html><head><script type="application/ld+json">' + b"[" * 5000 + b"</script></head>"
    b"<body><h1>Talks in Tokyo</h1><p>The ministers met in Tokyo on 3 March 2024.</p></body>",
    ".html",
)
@given(file_bytes(), suffixes)
def test_reader_survives_deeply_nested_linked_data(data: bytes, suffix: str) -> None:
    check_reader(data, suffix)


@FOUND
@example(b"<![0", ".html")  # what the large budget shrank it to
@example(b"<h1>Budget talks</h1><p>The ministers met on 3 March 2024.</p><![ if !vml]>", ".html")
@example(b"<p>The ministers met on 3 March 2024.</p><![-- draft --]>", ".htm")
@example(b"<p>The ministers met on 3 March 2024.</p><![vml]>", ".html")
@given(file_bytes(), suffixes)
def test_reader_survives_unknown_marked_sections(data: bytes, suffix: str) -> None:
    check_reader(data, suffix)


@settings(CI, max_examples=100)
@given(texts(), texts(max_pieces=10), references)
def test_date_finder_keeps_its_contract_and_repeats_itself(
    text: str, other: str, reference: date | None
) -> None:
    check_dates(text, other, reference)


@settings(CI, max_examples=40)
@given(texts(), suffixes)
def test_one_document_ingests_without_error_and_the_same_way_twice(text: str, suffix: str) -> None:
    check_ingest(text, suffix)
