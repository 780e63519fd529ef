"""Why an event's sources were merged and why a near neighbour was not (`merge.explain`),
on real stores built from documents and on hand-made mentions."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from chronicle import merge
from chronicle.library import ingest_paths
from chronicle.merge import explain
from chronicle.model import Actor, DateMatch, Entities, Mention
from chronicle.store import Store
from tests.test_store import document

KONO_MOFA = """Foreign Minister Kono visits Pakistan

Ministry of Foreign Affairs of Japan
12 March 2019

On 12 March 2019, Mr. Taro Kono, Minister for Foreign Affairs of Japan, visited Islamabad \
and held talks with Pakistan's Foreign Minister Shah Mahmood Qureshi on trade and investment.
"""

KONO_PID = """Japanese Foreign Minister in Islamabad

Press Information Department, Pakistan
12 March 2019

Japanese Foreign Minister Taro Kono arrived in Islamabad on 12 March 2019 for talks with \
Foreign Minister Shah Mahmood Qureshi on trade and investment.
"""

LAST_MONTH = """Pakistan-Japan relations: a brief

Institute of Strategic Studies
2 April 2019

Japan's Foreign Minister Taro Kono visited Pakistan last month for talks on trade and investment.
"""

ABE_NEXT_DAY = """Prime Minister meets Pakistani delegation

Cabinet Office of Japan
13 March 2019

On 13 March 2019, Prime Minister Shinzo Abe met a delegation of Pakistani business leaders \
in Tokyo to discuss investment in Pakistan.
"""

KONO_IN_APRIL = """Foreign Minister Kono returns to Pakistan

Ministry of Foreign Affairs of Japan
20 April 2019

On 20 April 2019, Mr. Taro Kono, Minister for Foreign Affairs of Japan, visited Lahore and \
met Foreign Minister Shah Mahmood Qureshi on trade and investment.
"""

ELSEWHERE_SAME_DAY = """Franco-German council

Federal Foreign Office
12 March 2019

On 12 March 2019, Heiko Maas met Jean-Yves Le Drian in Berlin for talks on trade and \
investment between Germany and France.
"""


@pytest.fixture(scope="module")
def visit_store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    """Two press releases of one visit, a brief saying "last month", and Abe's meeting
    the next day, ingested into a real store (once: the tests only read it)."""
    tmp_path = tmp_path_factory.mktemp("visit")
    folder = tmp_path / "docs"
    folder.mkdir()
    for name, text in [
        ("mofa.txt", KONO_MOFA),
        ("pid.txt", KONO_PID),
        ("brief.txt", LAST_MONTH),
        ("abe.txt", ABE_NEXT_DAY),
        ("april.txt", KONO_IN_APRIL),
        ("elsewhere.txt", ELSEWHERE_SAME_DAY),
    ]:
        (folder / name).write_text(text, encoding="utf-8")
    with Store(tmp_path / "chronicle.db") as store:
        report = ingest_paths(store, [folder])
        assert not report.failed
        yield store


def event_of(store: Store, document: str) -> int:
    """The id of the event holding the document's (first) mention."""
    ids = store.execute(
        "SELECT m.event_id FROM mentions m JOIN documents d ON d.id = m.document_id "
        "WHERE d.name = ? ORDER BY m.key",
        [document],
    )
    return ids[0][0]


def name(mention: Mention) -> str:
    return Path(mention.document).name


class TestWhyMerged:
    def test_the_two_press_releases_are_linked_as_reports_of_one_day_by_the_same_people(
        self, visit_store
    ):
        reasons = visit_store.merge_reasons(event_of(visit_store, "mofa.txt"))
        assert reasons.sources == 3
        [across] = [p for p in reasons.pairs if p.rule == "across"]
        assert {name(across.member), name(across.to)} == {"mofa.txt", "pid.txt"}
        assert "same person (Taro Kono, Shah Mahmood Qureshi)" in across.reasons
        assert "same day (2019-03-12)" in across.reasons
        assert "shared countries (Japan, Pakistan)" in across.reasons
        assert not across.weak

    def test_last_month_is_attached_to_the_report_it_fits_best_with_the_fit(self, visit_store):
        reasons = visit_store.merge_reasons(event_of(visit_store, "brief.txt"))
        [attached] = [p for p in reasons.pairs if p.rule == "attached"]
        assert name(attached.member) == "brief.txt"
        assert attached.member.date.text == "last month"
        stored_fit = visit_store.execute(
            "SELECT fit_key FROM mentions WHERE key = ?", [attached.member.key]
        )[0][0]
        assert attached.to.key == stored_fit
        words = merge.similarity(attached.member, attached.to)
        assert attached.fit == f"same kind: visit, words {words:.2f}"
        assert "date contained in the other's (2019-03-12 within 2019-03)" in attached.reasons
        assert "vague date attached to the precise report that fits it best" in attached.how

    def test_a_spanning_set_names_each_member_but_one_once(self, visit_store):
        reasons = visit_store.merge_reasons(event_of(visit_store, "mofa.txt"))
        members = [p.member.key for p in reasons.pairs]
        assert len(members) == len(set(members)) == reasons.sources - 1
        assert reasons.review_flags == ()  # a person is shared on every link, one date

    def test_the_next_days_meeting_by_another_person_is_a_near_neighbour_with_its_reasons(
        self, visit_store
    ):
        abe = event_of(visit_store, "abe.txt")
        reasons = visit_store.merge_reasons(event_of(visit_store, "mofa.txt"))
        [near] = [n for n in reasons.near if n.event_id == abe]
        assert name(near.other) == "abe.txt"
        assert name(near.member) in {"mofa.txt", "pid.txt"}  # a precise report, not "last month"
        said = "; ".join(near.reasons)
        assert "dates 1 day apart" in said
        assert "different people (" in said and "Shinzo Abe" in said
        assert "different kinds (visit / meeting)" in said

    def test_neighbours_are_events_of_the_days_around_sharing_a_country_or_a_person(
        self, visit_store
    ):
        """Kono's visit in April is weeks away and the Franco-German talks that day share
        nobody and no country: neither is a neighbour of the March visit."""
        reasons = visit_store.merge_reasons(event_of(visit_store, "mofa.txt"))
        assert [n.event_id for n in reasons.near] == [event_of(visit_store, "abe.txt")]
        assert event_of(visit_store, "april.txt") != event_of(visit_store, "mofa.txt")

    def test_the_lone_meeting_says_nothing_merged_and_names_the_visit_beside_it(self, visit_store):
        visit = event_of(visit_store, "mofa.txt")
        reasons = visit_store.merge_reasons(event_of(visit_store, "abe.txt"))
        assert reasons.sources == 1 and reasons.pairs == ()
        assert [n.event_id for n in reasons.near] == [visit]
        lines = reasons.lines()
        assert lines[0] == "One source: nothing was merged."
        assert lines[1] == "Near, but kept apart:"
        assert lines[2].startswith(f"  #{visit} ")

    def test_display_lines_say_each_link_and_neighbour(self, visit_store):
        lines = visit_store.merge_reasons(event_of(visit_store, "mofa.txt")).lines()
        assert lines[0] == "Why these 3 sources are one event:"
        assert any(" → " in line and "reports in two documents" in line for line in lines)
        assert any("brief.txt 2019-03 → " in line for line in lines)
        assert "Near, but kept apart:" in lines

    def test_an_event_that_is_gone_has_no_reasons(self, visit_store):
        assert visit_store.merge_reasons(10_000) is None


def test_every_fixture_event_is_spanned_by_the_links_the_rule_makes(fixture_store):
    """The explanation agrees with the stored events: each member but one is linked,
    once, by a rule, and no member is left unlinked."""
    ids = [row[0] for row in fixture_store.execute("SELECT id FROM events ORDER BY id")]
    merged = 0
    for event_id in ids:
        reasons = fixture_store.merge_reasons(event_id)
        assert len(reasons.pairs) == reasons.sources - 1, event_id
        assert len({p.member.key for p in reasons.pairs}) == len(reasons.pairs)
        assert not any("no rule links" in f or "outside" in f for f in reasons.review_flags)
        assert all(p.rule in explain.RULES and p.reasons for p in reasons.pairs)
        merged += reasons.sources > 1
    assert merged >= 3


# Hand-made mentions -------------------------------------------------------------


def mention(
    key: str,
    start: date | None,
    end: date | None = None,
    precision: str = "day",
    *,
    document: str | None = None,
    types: tuple[str, ...] = ("visit",),
    actors: tuple[str, ...] = (),
    countries: tuple[str, ...] = ("JP", "PK"),
    sentence: str = "Zardari visited Tokyo for talks on the motorway loan.",
    text: str = "date",
) -> Mention:
    return Mention(
        key=key,
        document=document or f"{key}.txt",
        sentence=sentence,
        paragraph=sentence,
        date=DateMatch(0, 4, start, end or start, precision, text),
        type=types[0],
        types=types,
        entities=Entities(
            actors=tuple(Actor(name=a, key=" ".join(sorted(a.lower().split()))) for a in actors),
            countries=countries,
        ),
        headline=sentence,
    )


MARCH_12 = date(2019, 3, 12)
MARCH = (date(2019, 3, 1), date(2019, 3, 31), "month")


def explained(mentions: list[Mention], neighbours=()) -> explain.MergeReasons:
    assert len(merge.cluster(mentions)) == 1, "the mentions must be one event"
    return explain.explain(mentions, merge.attachments(mentions), neighbours)


class TestReviewFlags:
    def test_a_join_on_words_alone_is_flagged_with_its_score(self):
        loan = "Japan extended the Karachi port dredging loan of 30 billion yen"
        precise = mention("a", MARCH_12, countries=("JP", "PK"), types=("economic",), sentence=loan)
        vague = mention("b", *MARCH, countries=("JP",), types=("economic",), sentence=loan + ".")
        reasons = explained([precise, vague])
        [link] = reasons.pairs
        assert link.rule == "attached" and link.weak
        [flag] = reasons.review_flags  # said once, by the vague member whose link it is
        assert flag.startswith("b.txt 2019-03: joined on text similarity alone (words 1.00")
        assert reasons.review_kinds == {"words"}

    def test_a_join_on_two_countries_and_words_says_so_but_is_not_words_alone(self):
        loan = "Japan extended the Karachi port dredging loan to Pakistan"
        precise = mention("a", MARCH_12, types=("economic",), sentence=loan)
        vague = mention("b", *MARCH, types=("economic",), sentence="The dredging loan began.")
        reasons = explained([precise, vague])
        [link] = reasons.pairs
        assert link.review.startswith(
            "joined without a shared person or the same day, on 2 shared countries and words "
        )
        # Two shared countries are more than words: not in the review queue's words kind.
        assert reasons.review_flags == () and reasons.review_kinds == frozenset()

    def test_reports_a_few_days_apart_are_a_date_conflict_to_review(self):
        a = mention("a", MARCH_12, actors=("Taro Kono",))
        b = mention("b", date(2019, 3, 14), actors=("Taro Kono",))
        reasons = explained([a, b])
        [link] = reasons.pairs
        assert "dates 2 days apart (2019-03-12 / 2019-03-14): a date conflict" in link.reasons
        assert reasons.review_flags == (
            "sources disagree on the date: b.txt 2019-03-14 and a.txt 2019-03-12",
        )
        assert reasons.review_kinds == {"dates"}

    def test_a_vague_date_a_neighbours_report_fits_too_is_flagged_as_vague(self):
        one = mention("a", MARCH_12, actors=("Taro Kono",))
        vague = mention("v", *MARCH, actors=("Taro Kono",))
        other = mention("o", date(2019, 3, 25), actors=("Taro Kono",))
        far = mention("f", date(2019, 6, 25), actors=("Taro Kono",))
        reasons = explain.explain([one, vague], {"v": "a"}, [(7, [other])])
        assert "v.txt 2019-03: a vague date that fits #7 o.txt 2019-03-25 too" in (
            reasons.review_flags
        )
        assert reasons.review_kinds == {"vague"}
        assert explain.explain([one, vague], {"v": "a"}, [(7, [far])]).review_kinds == set()

    def test_a_shared_person_on_one_day_raises_no_flag(self):
        reasons = explained([mention(k, MARCH_12, actors=("Taro Kono",)) for k in ("a", "b", "c")])
        assert reasons.review_flags == ()
        assert [p.rule for p in reasons.pairs] == ["across", "across"]


class TestStaleEvents:
    """An event stored by an older rule may hold members the rule no longer links."""

    def test_members_no_rule_links_are_flagged(self):
        a = mention("a", MARCH_12, actors=("Taro Kono",))
        b = mention("b", date(2019, 6, 1), actors=("Shinzo Abe",))
        reasons = explain.explain([a, b], {})
        assert reasons.pairs == ()
        assert reasons.review_flags[0] == (
            "2 groups of sources no rule links now: a.txt 2019-03-12, b.txt 2019-06-01"
        )

    def test_a_vague_member_attached_outside_the_event_is_flagged(self):
        a = mention("a", MARCH_12, actors=("Taro Kono",))
        v = mention("v", *MARCH, actors=("Taro Kono",))
        reasons = explain.explain([a, v], {"v": "elsewhere"})
        assert "v.txt 2019-03 is attached to a report outside this event" in reasons.review_flags


class TestRules:
    def test_one_document_telling_a_happening_twice_is_linked_by_the_in_document_rule(self):
        lede = mention("a", MARCH_12, document="one.txt", actors=("Taro Kono",))
        body = mention("b", MARCH_12, document="one.txt", actors=("Taro Kono",))
        [link] = explained([lede, body]).pairs
        assert link.rule == "in_document"
        assert link.how == "the same document tells it again"

    def test_undated_statements_told_again_are_linked_on_their_words(self):
        said = "Japan remains committed to the peace and prosperity of South Asia."
        a = mention("a", None, precision="unresolved", types=("statement",), sentence=said)
        b = mention("b", None, precision="unresolved", types=("statement",), sentence=said)
        [link] = explained([a, b]).pairs
        assert link.rule == "undated"
        assert link.reasons == ("similar words 1.00",)


class TestWhyNot:
    def test_different_people_on_the_next_day(self):
        kono = mention("a", MARCH_12, actors=("Taro Kono",))
        abe = mention("b", date(2019, 3, 13), actors=("Shinzo Abe",), types=("meeting",))
        said = explain.refusal(kono, abe)
        assert said[0] == "dates 1 day apart (2019-03-12 / 2019-03-13)"
        assert "different kinds (visit / meeting)" in said
        assert "different people (Taro Kono / Shinzo Abe)" in said

    def test_dates_too_far_apart(self):
        said = explain.refusal(
            mention("a", MARCH_12, actors=("Taro Kono",)),
            mention("b", date(2019, 3, 22), actors=("Taro Kono",)),
        )
        assert said[0] == "dates too far apart (2019-03-12 / 2019-03-22, 10 days)"
        assert said[-1] == "words 1.00"  # the dates kept them apart, not the words

    def test_consecutive_fiscal_years_are_two_periods(self):
        said = "Japan invested US$ 412.4 million in Pakistan during {}."
        april = mention(
            "a", date(1996, 4, 1), date(1997, 3, 31), "range", sentence=said.format("1996-97")
        )
        july = mention(
            "b", date(1995, 7, 1), date(1996, 6, 30), "range", sentence=said.format("1995-96")
        )
        next_july = mention(
            "c", date(1996, 7, 1), date(1997, 6, 30), "range", sentence=said.format("1996-97")
        )
        for a, b, why in (
            (april, july, "two periods that share less than half ("),  # a quarter shared
            (july, next_july, "consecutive periods, not one ("),  # a day between
        ):
            assert not merge.same_event(a, b)
            assert explain.refusal(a, b)[0].startswith(why)

    def test_words_too_different_when_nothing_else_tells_them_apart(self):
        a = mention("a", MARCH_12, types=("agreement",), sentence="Japan signed a grant for dams.")
        b = mention(
            "b", MARCH_12, types=("agreement",), sentence="Both signed a treaty on taxation."
        )
        assert not merge.same_event(a, b)
        assert explain.refusal(a, b) == ["words too different 0.00"]

    def test_different_countries(self):
        a = mention("a", MARCH_12, countries=("JP", "PK"), sentence="Ties were upgraded.")
        b = mention("b", MARCH_12, countries=("JP", "IN"), sentence="Ties were upgraded.")
        assert "different countries (Japan, Pakistan / Japan, India)" in explain.refusal(a, b)

    def test_a_neighbour_is_explained_from_its_closest_pair(self):
        visit = [mention(k, MARCH_12, actors=("Taro Kono",)) for k in ("a", "b")]
        abe = mention("z", date(2019, 3, 13), actors=("Shinzo Abe",), types=("meeting",))
        reasons = explained(visit, neighbours=[(7, [abe])])
        [near] = reasons.near
        assert near.event_id == 7 and near.other is abe
        assert any(r.startswith("different people") for r in near.reasons)

    def test_a_big_events_closest_member_is_one_sharing_a_country_or_person(self):
        """Of a big event only a sample is weighed against a neighbour: the members that
        share an anchor with it, not merely the first by date and key."""
        kono = [
            mention(f"a{i}", MARCH_12, actors=("Taro Kono",), countries=("JP",)) for i in range(9)
        ]
        pakistan = mention("z", MARCH_12, actors=("Taro Kono",), countries=("JP", "PK"))
        abe = mention("n", date(2019, 3, 13), actors=("Shinzo Abe",), countries=("PK",))
        reasons = explained([*kono, pakistan], neighbours=[(5, [abe])])
        [near] = reasons.near
        assert near.member is pakistan
        assert "different people (Taro Kono / Shinzo Abe)" in near.reasons


class TestCost:
    def test_three_hundred_reports_of_one_happening_take_a_few_looks_each(self):
        """A big event is explained by a spanning set: each member once, the rule asked
        about a bounded number of pairs per member, never about every pair (44,850)."""
        n = 300
        precise = [
            mention(f"p{i:03d}", MARCH_12, actors=("Taro Kono",), countries=("JP", "PK"))
            for i in range(n // 2)
        ]
        vague = [
            mention(f"v{i:03d}", *MARCH, actors=("Taro Kono",), countries=("JP", "PK"))
            for i in range(n // 2)
        ]
        mentions = precise + vague
        fits = {v.key: "p000" for v in vague}
        neighbours = [(1000 + i, [mention(f"n{i}", date(2019, 3, 20))]) for i in range(5)]
        reasons = explain.explain(mentions, fits, neighbours)
        assert reasons.sources == n
        assert len(reasons.pairs) == n - 1
        assert len({p.member.key for p in reasons.pairs}) == n - 1
        assert len(reasons.near) == 5
        assert reasons.comparisons <= explain.PER_MEMBER * n + 8 + 5 * 9

    def test_a_stored_event_of_three_hundred_sources_is_explained_in_a_few_looks_each(
        self, tmp_path
    ):
        """The same on a real store: 30 documents each telling one visit ten times."""
        with Store(tmp_path / "big.db") as store:
            with store.batch():
                for d in range(30):
                    told = [
                        mention(
                            f"{d:03d}:{j:03d}",
                            MARCH_12,
                            document=f"/docs/report{d:02d}.txt",
                            actors=("Taro Kono",),
                            sentence=f"Taro Kono visited Islamabad for talks, report {d}.",
                        )
                        for j in range(10)
                    ]
                    store.add_document(document(told[0].document, told[0].sentence), f"h{d}", told)
            [(event_id,)] = store.execute("SELECT id FROM events")
            reasons = store.merge_reasons(event_id)
        assert reasons.sources == 300 and len(reasons.pairs) == 299
        assert {p.rule for p in reasons.pairs} == {"in_document", "across"}
        assert reasons.comparisons <= explain.PER_MEMBER * 300 + 8

    def test_the_budget_stops_the_rule_being_asked_about_more_pairs(self):
        """When every pair is refused the rule is not asked about all of them: the
        members left unlinked are reported, not compared further."""
        n = 200
        # One document's visits on one day by 200 different people: every pair shares a
        # word block and every pair is refused (different people), 19,900 pairs in all.
        envoys = [f"{syllables(i)} {syllables(7 * i + 3)}" for i in range(n)]
        apart = [
            mention(
                f"a{i:03d}",
                MARCH_12,
                document="one.txt",
                actors=(envoy,),
                sentence=f"{envoy} arrived for consultations.",
            )
            for i, envoy in enumerate(envoys)
        ]
        assert not merge.same_event(apart[0], apart[1])
        budget = explain.Budget(explain.PER_MEMBER * n)
        links, roots, _ = explain.tree(apart, budget)
        assert budget.count == explain.PER_MEMBER * n
        assert links == [] and len(roots) == n


def syllables(i: int) -> str:
    """A made-up name, different for each i below 16**3 ("Bababa", "Cebaba", ...)."""
    out = ""
    for _ in range(3):
        out += "bcdfghklmnprstvz"[i % 16] + "aeiou"[i % 5]
        i //= 16
    return out.capitalize()


def test_names_from_documents_are_made_visible_in_the_lines():
    hostile = "evil\x1b]0;owned\x07.txt"
    person = "Taro\x9bKono"
    a = mention("a", MARCH_12, document=hostile, actors=(person,))
    b = mention("b", MARCH_12, actors=(person,))
    near = mention("z", date(2019, 3, 13), actors=("Shinzo Abe",), sentence="Abe\u202emet.")
    lines = explained([a, b], neighbours=[(9, [near])]).lines()
    assert not any(c in line for line in lines for c in "\x1b\x07\x9b\u202e")
    assert any("evil\\x1b]0;owned\\x07.txt" in line for line in lines)
    assert any("same person (Taro\\x9bKono)" in line for line in lines)
    assert any("Abe\\u202emet." in line for line in lines)


def test_lines_can_show_the_first_links_only():
    reasons = explained([mention(k, MARCH_12, actors=("Taro Kono",)) for k in "abcde"])
    lines = reasons.lines(most=2)
    assert lines[0] == "Why these 5 sources are one event:"
    assert len(lines) == 4 and lines[3] == "  … and 2 more links"
    assert len(reasons.lines(most=None)) == 5


def test_a_big_event_shows_its_first_links_by_default():
    reasons = explained([mention(f"k{i:02d}", MARCH_12, actors=("Taro Kono",)) for i in range(40)])
    lines = reasons.lines()
    assert len(lines) == 1 + explain.SHOWN + 1
    assert lines[-1] == f"  … and {39 - explain.SHOWN} more links"
