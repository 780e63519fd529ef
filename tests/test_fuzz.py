"""Fuzzing with a small, reproducible budget: the reader on any bytes, the date finder on
any text, one document's whole ingest (issue 15). `benchmarks/fuzz.py` runs the same
properties with thousands of examples."""

from __future__ import annotations

from datetime import date

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.fuzz_inputs import SUFFIXES, file_bytes, references, texts
from tests.fuzz_properties import check_dates, check_ingest, check_reader

CI = settings(
    max_examples=60,
    deadline=None,
    derandomize=True,  # the same examples on every run, so CI is reproducible
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


@CI
@given(file_bytes(), st.sampled_from(SUFFIXES))
def test_reader_gives_text_or_one_line_document_error(data: bytes, suffix: str) -> None:
    check_reader(data, suffix)


@settings(CI, max_examples=100)
@given(texts(), texts(max_pieces=10), references)
def test_date_finder_keeps_its_contract_and_repeats_itself(
    text: str, other: str, reference: date | None
) -> None:
    check_dates(text, other, reference)


@settings(CI, max_examples=40)
@given(texts(), st.sampled_from(SUFFIXES))
def test_one_document_ingests_without_error_and_the_same_way_twice(text: str, suffix: str) -> None:
    check_ingest(text, suffix)
