"""The review queue's kinds are kept at merge time, whatever the ingest order, and agree
with "Why merged" and with a weighing from scratch.

Each store here is compared with `reference`: every event's members weighed from
scratch by `merge.review` (WORDS: `isolated`; VAGUE: `fits_elsewhere` over every
stored precise report), and BRIDGED from `Store.bridged_splits`.
"""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest

from chronicle import merge
from chronicle.library import ingest_paths
from chronicle.merge import review
from chronicle.search.compile import REVIEW_SQL
from chronicle.search.engine import Searcher
from chronicle.search.facets import facet_counts
from chronicle.search.query import REVIEW_KINDS
from chronicle.store import Store
from chronicle.store.decisions import decided
from chronicle.store.merging import weigh_if_pending
from chronicle.store.writer import load_mentions
from tests.test_decisions import VISIT, VISIT_AGAIN, VISIT_THIRD, holding, keys_of

ADB_DAY = (
    "The Asian Development Bank approved a flood recovery loan for Pakistan on 14 September 2022.\n"
)
ADB_MONTH = (
    "In September 2022 the Asian Development Bank approved a flood recovery loan for Pakistan.\n"
)
"""One loan told with a day and with a month, naming nobody and one country: the month
joins the day on similar words alone (review:words)."""

ADB_AGAIN = (
    "On 14 September 2022 the Asian Development Bank board approved a flood recovery "
    "loan for Pakistan, its largest in years.\n"
)
"""The same day again: a strong link for the day's report, none for the month's."""

GRANT_POLIO = (
    "Japan and Pakistan exchanged notes on a grant for polio eradication in Islamabad "
    "on 5 March 2019.\n"
)
GRANT_FLOOD = (
    "Japan and Pakistan exchanged notes on a grant for flood relief in Islamabad "
    "on 25 March 2019.\n"
)
GRANT_MONTH = "In March 2019 Japan and Pakistan exchanged notes on a grant in Islamabad.\n"
"""A month that fits two grants three weeks apart (two events): review:vague."""

TEXTS = {
    "adb_day": ADB_DAY,
    "adb_month": ADB_MONTH,
    "adb_again": ADB_AGAIN,
    "polio": GRANT_POLIO,
    "flood": GRANT_FLOOD,
    "month": GRANT_MONTH,
    "visit": VISIT,
    "again": VISIT_AGAIN,
    "third": VISIT_THIRD,
}


@pytest.fixture(scope="module")
def docs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("review-docs")
    paths = {}
    for name, text in TEXTS.items():
        paths[name] = folder / f"{name}.txt"
        paths[name].write_text(text, encoding="utf-8")
    return paths


def reference(store: Store) -> tuple[dict[str, int], dict[str, int]]:
    """Marks weighed from scratch: (mention key -> bits, event key -> bits)."""
    rows = store.execute(
        "SELECT m.key, m.event_id, m.fit_key, e.key FROM mentions m "
        "JOIN events e ON e.id = m.event_id"
    )
    mentions = {m.key: m for m in load_mentions(store.db, [r[0] for r in rows])}
    fits = {key: fit for key, _, fit, _ in rows}
    event_of = {key: event_id for key, event_id, _, _ in rows}
    own_key = {event_id: event_key for _, event_id, _, event_key in rows}
    members: dict[int, list] = {}
    for key, event_id, _, _ in rows:
        members.setdefault(event_id, []).append(mentions[key])
    choices = decided(store.db)
    reports = [(m, event_of[m.key]) for m in mentions.values() if merge.kind_of(m) == "precise"]
    marks = {}
    for event_id, group in members.items():
        lone = review.isolated(group, fits, choices)
        for m in group:
            vague = review.fits_elsewhere(m, reports, event_id, choices) is not None
            marks[m.key] = (review.WORDS if m.key in lone else 0) | (review.VAGUE if vague else 0)
    events = {own_key[e]: 0 for e in members}
    for key, bits in marks.items():
        events[own_key[event_of[key]]] |= bits
    for bridge in store.bridged_splits():
        events[own_key[bridge.event_id]] |= review.BRIDGED
    return marks, events


def stored(store: Store) -> tuple[dict[str, int], dict[str, int]]:
    """The marks the store keeps: (mention key -> bits, event key -> bits)."""
    marks = dict(store.execute("SELECT key, review FROM mentions"))
    events = dict(store.execute("SELECT key, review FROM events"))
    return marks, events


def kinds(store: Store, path: Path) -> set[str]:
    """The review kinds of the event holding the document's first mention."""
    [(bits, conflict)] = store.execute(
        "SELECT review, conflict FROM events WHERE id = ?",
        [holding(store, keys_of(store, path)[0])],
    )
    found = {name for name, bit in review.KINDS.items() if bits & bit}
    return found | ({"dates"} if conflict else set())


TWO_WRITES = (("adb_day", "adb_month", "polio"), ("flood", "month"))
"""Documents ingested in two writes, giving marks of every kind but bridged."""


def weighed(store: Store, docs: dict[str, Path], writes: tuple[tuple[str, ...], ...]):
    """Ingest `writes` one after the other; the marks the store then keeps."""
    for names in writes:
        ingest_paths(store, [docs[n] for n in names])
    return stored(store)


def blank_marks(store: Store, events: str = "IS NOT NULL") -> None:
    """Clear the marks of the events whose id meets the SQL condition `events`."""
    store.db.execute(
        f"UPDATE mentions SET review = 0, review_witness = NULL WHERE event_id {events}"
    )
    store.db.execute(f"UPDATE events SET review = 0 WHERE id {events}")


def never_weighed(store: Store) -> None:
    """Make the store one migrated to v21: merged events, no marks, a weighing pending."""
    blank_marks(store)
    store.db.execute("INSERT INTO meta (key, value) VALUES ('review_flags', 'pending')")
    store.db.conn.commit()


def assert_sound(store: Store) -> dict[str, int]:
    """The stored marks are those of a weighing from scratch; returns the events'."""
    got = stored(store)
    assert got == reference(store)
    return got[1]


class TestKinds:
    def test_a_month_joined_to_a_day_on_words_alone_is_in_review_words(self, tmp_path, docs):
        with Store(tmp_path / "w.db") as store:
            ingest_paths(store, [docs["adb_day"]])
            assert kinds(store, docs["adb_day"]) == set()  # one source: nothing merged
            ingest_paths(store, [docs["adb_month"]])
            assert kinds(store, docs["adb_day"]) == {"words"}
            marks, _ = stored(store)
            assert set(marks.values()) == {review.WORDS}  # both ends of the one link
            ingest_paths(store, [docs["adb_again"]])
            marks, _ = stored(store)
            # The day's reports share the day: only the month's is linked by words alone.
            [month] = keys_of(store, docs["adb_month"])
            assert {k for k, bits in marks.items() if bits} == {month}
            assert kinds(store, docs["adb_day"]) == {"words"}
            assert_sound(store)

    def test_a_month_whose_fit_moves_to_a_report_sharing_words_only_is_in_review_words(
        self, tmp_path
    ):
        texts = {
            "seoul": "On 8 November 2016, the first South Korea-Netherlands political "
            "consultations in Seoul held long talks on information technology.\n",
            "month": "The first round of the South Korea-Netherlands political consultations "
            "was held in The Hague in November 2016.\n",
            "hague": "8 November 2016: political consultations held in The Hague\n",
        }
        for name, text in texts.items():
            (tmp_path / f"{name}.txt").write_text(text, encoding="utf-8")
        with Store(tmp_path / "f.db") as store:
            for name in texts:
                ingest_paths(store, [tmp_path / f"{name}.txt"])
            [month] = keys_of(store, tmp_path / "month.txt")
            [hague] = keys_of(store, tmp_path / "hague.txt")
            # The month now fits the report closer to its words, in the same event, and
            # shares one country with it where it shared two with the first.
            [(fit,)] = store.execute("SELECT fit_key FROM mentions WHERE key = ?", [month])
            assert fit == hague
            marks, _ = stored(store)
            assert {k for k, bits in marks.items() if bits} == {month}
            assert_sound(store)

    def test_a_month_fitting_two_grants_is_in_review_vague(self, tmp_path, docs):
        with Store(tmp_path / "v.db") as store:
            ingest_paths(store, [docs["polio"], docs["flood"], docs["month"]])
            assert kinds(store, docs["month"]) == {"vague"}
            other = docs["flood"] if kinds(store, docs["polio"]) == {"vague"} else docs["polio"]
            assert holding(store, keys_of(store, other)[0]) != holding(
                store, keys_of(store, docs["month"])[0]
            )
            assert kinds(store, other) == set()
            assert_sound(store)

    def test_reports_sharing_a_person_and_a_day_are_not_in_the_queue(self, tmp_path, docs):
        with Store(tmp_path / "p.db") as store:
            ingest_paths(store, [docs["visit"], docs["again"], docs["third"]])
            assert kinds(store, docs["visit"]) == set()
            assert_sound(store)

    def test_a_split_a_later_report_bridged_is_in_review_bridged(self, tmp_path, docs):
        with Store(tmp_path / "b.db") as store:
            ingest_paths(store, [docs["visit"], docs["again"]])
            [visit] = keys_of(store, docs["visit"])
            store.split_source(holding(store, visit), visit)
            assert kinds(store, docs["visit"]) == set()
            ingest_paths(store, [docs["third"]])
            assert holding(store, visit) == holding(store, keys_of(store, docs["again"])[0])
            assert kinds(store, docs["visit"]) == {"bridged"}
            assert_sound(store)
            [split] = store.decisions()
            store.undo_decision(split.id)
            assert kinds(store, docs["visit"]) == set()
            assert_sound(store)


class TestKeptUpToDate:
    def test_removing_the_other_grant_takes_the_month_off_the_queue(self, tmp_path, docs):
        with Store(tmp_path / "r.db") as store:
            ingest_paths(store, [docs["polio"], docs["flood"], docs["month"], docs["adb_day"]])
            for name in ("flood", "polio"):  # the witness, then the report it attached to
                with Store(tmp_path / f"r-{name}.db") as fresh:
                    ingest_paths(fresh, [docs["polio"], docs["flood"], docs["month"]])
                    fresh.remove_document(str(docs[name]))
                    assert kinds(fresh, docs["month"]) == set()
                    assert_sound(fresh)
            store.remove_document(str(docs["adb_day"]))
            ingest_paths(store, [docs["adb_month"]])  # alone: nothing merged
            assert kinds(store, docs["adb_month"]) == set()
            ingest_paths(store, [docs["adb_day"]])
            assert kinds(store, docs["adb_month"]) == {"words"}
            assert_sound(store)

    def test_joining_the_two_grants_takes_the_month_off_and_undoing_puts_it_back(
        self, tmp_path, docs
    ):
        with Store(tmp_path / "j.db") as store:
            ingest_paths(store, [docs["polio"], docs["flood"], docs["month"]])
            polio = holding(store, keys_of(store, docs["polio"])[0])
            flood = holding(store, keys_of(store, docs["flood"])[0])
            both = store.join_events(polio, flood)
            assert holding(store, keys_of(store, docs["month"])[0]) == both
            assert "vague" not in kinds(store, docs["month"])
            assert_sound(store)
            [join] = store.decisions()
            store.undo_decision(join.id)
            assert kinds(store, docs["month"]) == {"vague"}
            assert_sound(store)

    def test_a_store_whose_marks_were_never_weighed_is_weighed_on_its_next_write(
        self, tmp_path, docs
    ):
        """A store migrated to v21 has merged events but no marks (db/021 says pending)."""
        with Store(tmp_path / "m.db") as store:
            expected = weighed(store, docs, TWO_WRITES)
            never_weighed(store)
            ingest_paths(store, [docs["visit"]])
            marks, events = stored(store)
            assert {k: marks[k] for k in expected[0]} == expected[0]
            assert {k: events[k] for k in expected[1]} == expected[1]
            assert_sound(store)

    def test_a_store_never_weighed_can_be_weighed_at_once(self, tmp_path, docs):
        """`merging.weigh_if_pending`: for opening a migrated store with its queue full."""
        with Store(tmp_path / "n.db") as store:
            expected = weighed(store, docs, (("adb_day", "adb_month"), ("polio", "flood", "month")))
            never_weighed(store)
            assert weigh_if_pending(store.db.conn)
            assert not weigh_if_pending(store.db.conn)  # once
            assert stored(store) == expected

    def test_opening_a_store_never_weighed_weighs_it(self, tmp_path, docs):
        """Opening runs the weighing once every migration has run (`connection.migrate`)."""
        with Store(tmp_path / "o.db") as store:
            expected = weighed(store, docs, TWO_WRITES)
            never_weighed(store)
        with Store(tmp_path / "o.db") as store:
            assert stored(store) == expected
            assert not weigh_if_pending(store.db.conn)

    def test_a_store_from_before_v25_is_weighed_again_when_it_opens(self, tmp_path, docs):
        """Marks an older version could leave stale (in the events holding a vague mention
        attached to a precise one) are weighed again by migration 025."""
        refitted = "SELECT event_id FROM mentions WHERE fit_key IS NOT NULL"
        with Store(tmp_path / "v24.db") as store:
            expected = weighed(store, docs, TWO_WRITES)
            blank_marks(store, f"IN ({refitted})")
            store.db.execute("UPDATE meta SET value = '24' WHERE key = 'schema_version'")
            store.db.conn.commit()
            assert stored(store) != expected
        with Store(tmp_path / "v24.db") as store:
            assert stored(store) == expected
            assert_sound(store)


ORDERED = ["adb_day", "adb_month", "adb_again", "polio", "flood", "month"]


def orders() -> list[tuple[str, ...]]:
    """Every order of the grants (a vague date before, between, after its reports),
    each with the loan's reports in a different order around them."""
    loans = list(itertools.permutations(["adb_day", "adb_month", "adb_again"]))
    return [
        (*grants[:1], *loan[:2], *grants[1:], loan[2])
        for grants, loan in zip(
            itertools.permutations(["polio", "flood", "month"]), loans, strict=True
        )
    ]


def test_the_marks_are_the_same_in_every_ingest_order(tmp_path, docs):
    with Store(tmp_path / "all.db") as store:
        ingest_paths(store, [docs[n] for n in ORDERED])  # one batch
        expected = assert_sound(store)
    assert sorted(expected.values()) == [0, review.WORDS, review.VAGUE]  # loan, grants
    for n, order in enumerate(orders()):
        with Store(tmp_path / f"order{n}.db") as store:
            for name in order:
                ingest_paths(store, [docs[name]])
            assert assert_sound(store) == expected, order


class TestWhyMerged:
    """An event is in a kind of the queue exactly when its explanation says so."""

    @staticmethod
    def agree(store: Store) -> set[str]:
        seen = set()
        for event_id, bits, conflict in store.execute("SELECT id, review, conflict FROM events"):
            reasons = store.merge_reasons(event_id)
            queued = {name for name, bit in review.KINDS.items() if bits & bit}
            queued |= {"dates"} if conflict else set()
            assert reasons.review_kinds == queued, (event_id, reasons.lines())
            seen |= queued
        return seen

    def test_on_the_documents_here(self, tmp_path, docs):
        with Store(tmp_path / "e.db") as store:
            ingest_paths(store, [docs[n] for n in ORDERED])
            ingest_paths(store, [docs["visit"], docs["again"]])
            [visit] = keys_of(store, docs["visit"])
            store.split_source(holding(store, visit), visit)
            ingest_paths(store, [docs["third"]])
            assert self.agree(store) == {"words", "vague", "bridged"}
            lines = "\n".join(store.merge_reasons(holding(store, visit)).lines())
            assert "a split of yours was bridged by third.txt" in lines
            month = holding(store, keys_of(store, docs["month"])[0])
            lines = "\n".join(store.merge_reasons(month).lines())
            assert "month.txt 2019-03: a vague date that fits #" in lines
            adb = holding(store, keys_of(store, docs["adb_month"])[0])
            lines = "\n".join(store.merge_reasons(adb).lines())
            assert "adb_month.txt 2022-09: joined on text similarity alone" in lines

    def test_on_the_fixtures(self, fixture_store):
        self.agree(fixture_store)
        assert stored(fixture_store) == reference(fixture_store)


class TestSearch:
    """review:KIND lists exactly the events with that mark; counts, years and facets agree."""

    @pytest.fixture(scope="class")
    def searched(self, tmp_path_factory, docs):
        path = tmp_path_factory.mktemp("review-search") / "s.db"
        with Store(path) as store:
            ingest_paths(store, [docs[n] for n in ORDERED])
            ingest_paths(store, [docs["visit"], docs["again"]])
            [visit] = keys_of(store, docs["visit"])
            store.split_source(holding(store, visit), visit)
            ingest_paths(store, [docs["third"]])
        with Store(path) as store:
            yield store

    def test_each_kind_lists_exactly_its_events(self, searched):
        searcher = Searcher(searched)
        rows = searched.execute("SELECT id, review, conflict FROM events WHERE type != 'citation'")
        every = set()
        for kind in REVIEW_KINDS:
            bit = review.KINDS.get(kind)
            expected = {i for i, bits, conflict in rows if (bits & bit if bit else conflict)}
            ids, _ = searcher.ids(f"review:{kind}")
            assert set(ids) == expected, kind
            assert searcher.count(f"review:{kind}") == len(expected)
            others, _ = searcher.ids(f"-review:{kind}")
            assert set(others) == {r[0] for r in rows} - expected
            every |= expected
        assert set(searcher.ids("review:")[0]) == every and len(every) == 3
        assert searcher.count("review:") == 3

    def test_years_and_facets_count_the_listed_events(self, searched):
        searcher = Searcher(searched)
        for text in ("review:", "review:words", "review:vague,bridged"):
            events = searched.events_by_ids(searcher.ids(text)[0])
            years = sorted({int(e.date_start[:4]) for e in events})
            assert [year for year, _ in searcher.histogram(text).years] == years
            _query, compiled = searcher.understand(text, whole=True)
            facets = facet_counts(searched, compiled, False)
            assert facets.total == len(events)
            assert sum(v.count for v in facets["type"].values) == len(events)

    def test_every_kind_has_its_sql_and_its_bit(self):
        assert set(REVIEW_SQL) == set(REVIEW_KINDS) == {"dates", *review.KINDS}
        for kind, bit in review.KINDS.items():
            assert f"(review & {bit}) != 0" in REVIEW_SQL[kind]


def test_a_bridged_split_is_marked_whenever_the_split_is_made(tmp_path, docs):
    """The split made before, amid or after the documents, in every order: the same marks."""
    names = ["visit", "again", "third"]
    with Store(tmp_path / "ref.db") as store:
        ingest_paths(store, [docs["visit"], docs["again"]])
        [visit] = keys_of(store, docs["visit"])
        store.split_source(holding(store, visit), visit)
        ingest_paths(store, [docs["third"]])
        expected = assert_sound(store)
        decisions = store.decisions()
    assert sorted(expected.values()) == [review.BRIDGED]
    for n, order in enumerate(itertools.permutations(names)):
        at = n % (len(order) + 1)
        with Store(tmp_path / f"split{n}.db") as store:
            for i, name in enumerate(order):
                if i == at:
                    store.import_decisions(decisions)
                ingest_paths(store, [docs[name]])
            if at == len(order):
                store.import_decisions(decisions)
            assert assert_sound(store) == expected, (order, at)


def test_a_pair_may_be_strong_rejects_is_never_strong_by_the_whole_rule(
    tmp_path, docs, fixture_store
):
    """`review.may_be_strong` only saves work: on every pair of mentions it rejects (of the
    documents here, joined on words alone, and of the fixtures) the rule and the evidence
    say words alone, and some it rejects are one happening by the rule."""
    with Store(tmp_path / "c.db") as store:
        ingest_paths(store, list(docs.values()))
        pairs = [*_pairs(store), *_pairs(fixture_store)]
    rejected = [(a, b) for a, b in pairs if not review.may_be_strong(a, b)]
    linked = [(a, b) for a, b in rejected if merge.same_event(a, b)]
    assert linked and all(review.words_only(a, b, review.evidence_of(a, b)) for a, b in linked)


def _pairs(store: Store) -> list[tuple]:
    keys = [k for (k,) in store.execute("SELECT key FROM mentions")]
    return list(itertools.combinations(load_mentions(store.db, keys), 2))


MEMBER_STATES = (
    "Japan, Pakistan, Austria, Australia, Belgium, Brazil, Canada, Chile, China, Colombia, "
    "Cyprus, Germany, Denmark, Egypt, Spain, Finland, France, Greece, Hungary, Indonesia, "
    "Ireland, Israel, India, Iceland, Italy, Jordan, Kenya, Kuwait, Lebanon, Mexico, Malaysia, "
    "Nigeria, Norway, Nepal, Oman, Peru, Poland, Portugal, Qatar, Romania, Serbia, Rwanda, "
    "Sweden, Singapore, Slovenia, Senegal, Thailand, Tunisia, Turkey, Ukraine, Uganda, Uruguay, "
    "Vietnam, Yemen, Zambia"
)


def test_a_report_naming_every_member_state_is_stored_and_weighed(tmp_path):
    """Two countries in common make a strong link, but a sentence listing fifty-five
    nations must not spell out every pair of them in one SQL statement."""
    folder = tmp_path / "summit"
    folder.mkdir()
    (folder / "trade.txt").write_text(
        "Japan and Pakistan signed a trade agreement in Tokyo on 5 May 2019.\n", encoding="utf-8"
    )
    (folder / "summit.txt").write_text(
        f"On 5 May 2019, {MEMBER_STATES} signed a trade agreement in Tokyo.\n", encoding="utf-8"
    )
    with Store(tmp_path / "c.db") as store:
        for name in ("trade.txt", "summit.txt"):
            report = ingest_paths(store, [folder / name])
            assert not report.failed, report.failed
        [(countries,)] = store.execute(
            "SELECT max(json_array_length(countries)) FROM mentions WHERE document_id = "
            "(SELECT id FROM documents WHERE name = 'summit.txt')"
        )
        assert countries > 50
        assert stored(store) == reference(store)
        assert store.check() == []


COD_AND_HERRING = {
    "oslo": "Fisheries in Oslo\n\nJapan and Norway signed an agreement on cod and herring "
    "in Oslo on 14 March 2019.\n",
    "cod": "Cod\n\nIn March 2019, Japan and Norway signed an agreement on cod.\n",
    "tromso": "Quotas in Tromso\n\nJapan and Norway signed an agreement on herring quotas "
    "in Tromso on 25 March 2019.\n",
    "later": "The fisheries in March\n\nJapan and Norway signed an agreement on cod on "
    "2 March 2019.\n\nIn March 2019, Japan and Norway signed an agreement on herring.\n",
}


def test_a_month_joining_an_event_another_month_left_is_marked_for_its_witness(tmp_path):
    """In one write the cod month leaves the Oslo event for a better report (the event is
    written again from its members) and the herring month joins it while fitting the
    Tromso report too: the newcomer's witness is looked for, and the marks are those of a
    weighing from scratch."""
    folder = tmp_path / "fisheries"
    folder.mkdir()
    for name, text in COD_AND_HERRING.items():
        (folder / f"{name}.txt").write_text(text, encoding="utf-8")
    with Store(tmp_path / "c.db") as store:
        for name in COD_AND_HERRING:
            ingest_paths(store, [folder / f"{name}.txt"])
        [(fit, review_bits, witness)] = store.execute(
            "SELECT (SELECT name FROM documents d JOIN mentions f ON f.document_id = d.id "
            "WHERE f.key = m.fit_key), m.review, (SELECT name FROM documents d JOIN mentions w "
            "ON w.document_id = d.id WHERE w.key = m.review_witness) FROM mentions m "
            "WHERE m.date_text = 'March 2019' AND m.document_id = "
            "(SELECT id FROM documents WHERE name = 'later.txt')"
        )
        assert (fit, review_bits & review.VAGUE, witness) == (
            "oslo.txt",
            review.VAGUE,
            "tromso.txt",
        )
        assert stored(store) == reference(store)
