"""One happening told twice in one document is one event; distinct happenings stay apart."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from chronicle import merge
from tests.test_merge import mention

DOC = "readout.txt"
OCT_27 = date(2021, 10, 27)


def in_doc(key, start, end=None, precision="day", **kwargs):
    return mention(key, start, end, precision, document=DOC, **kwargs)


class TestOneHappeningToldTwice:
    def test_a_lede_and_the_body_naming_one_meeting_merge(self):
        lede = in_doc(
            "a",
            OCT_27,
            types=("meeting",),
            actors=("Marise Payne", "Retno Marsudi"),
            countries=("AU", "ID"),
            sentence="Payne met Retno Marsudi in Jakarta on 27 October 2021.",
        )
        body = in_doc(
            "b",
            OCT_27,
            types=("meeting",),
            actors=("Marise Payne",),
            countries=("AU", "ID"),
            sentence="At the meeting on 27th Oct, Payne raised maritime security.",
        )
        assert merge.same_event(lede, body) and merge.same_event(body, lede)

    def test_a_photo_caption_and_the_story_merge(self):
        caption = in_doc(
            "a",
            date(2019, 3, 14),
            types=("visit",),
            actors=("Jacinda Ardern",),
            countries=("NZ",),
            sentence="Jacinda Ardern arrives at Wellington airport, March 14, 2019.",
        )
        story = in_doc(
            "b",
            date(2019, 3, 14),
            types=("visit",),
            actors=("Jacinda Ardern", "Winston Peters"),
            countries=("NZ",),
            sentence="Ardern, flanked by Peters, arrived back from Fiji on Thursday.",
        )
        assert merge.same_event(caption, story)

    def test_a_repeated_paragraph_merges_whatever_it_names(self):
        text = "The two leaders opened the Padma rail bridge on 10 October 2024."
        first = in_doc("a", date(2024, 10, 10), types=("other",), sentence=text)
        again = in_doc("b", date(2024, 10, 10), types=("other",), sentence=text)
        assert merge.same_event(first, again)

    def test_a_vague_summary_joins_the_precise_account_with_the_same_visitor(self):
        summary = in_doc(
            "a",
            date(2016, 1, 1),
            date(2016, 12, 31),
            "year",
            types=("visit",),
            actors=("Justin Trudeau",),
            countries=("CA", "CN"),
            sentence="Trudeau visited China in 2016, his first trip to Asia as leader.",
        )
        detail = in_doc(
            "b",
            date(2016, 8, 30),
            date(2016, 9, 6),
            "range",
            types=("visit",),
            actors=("Justin Trudeau",),
            countries=("CN",),
            sentence="Trudeau's visit to Beijing and Shanghai ran from 30 August to 6 September.",
        )
        assert merge.same_event(summary, detail)

    def test_an_infobox_line_joins_the_sentence_it_summarises(self):
        infobox = in_doc(
            "a",
            date(1970, 6, 4),
            types=("other",),
            countries=("TO",),
            sentence="Independence: 4 June 1970",
        )
        text = in_doc(
            "b",
            date(1970, 6, 4),
            types=("anniversary",),
            countries=("TO",),
            sentence="Tonga regained full independence from British protection on 4 June 1970.",
        )
        assert merge.same_event(infobox, text)

    def test_two_sentences_naming_the_same_treaty_on_its_day_merge(self):
        day = date(1960, 9, 19)
        entry = in_doc(
            "a",
            day,
            types=("agreement",),
            actors=("Ayub Khan", "Jawaharlal Nehru"),
            countries=("PK", "IN"),
            sentence="19 September - Ayub Khan and Nehru sign the Indus Waters Treaty in Karachi.",
        )
        prose = in_doc(
            "b",
            day,
            types=("agreement",),
            countries=("PK", "IN"),
            sentence="Since the Indus Waters Treaty was signed on 19 September 1960, the "
            "rivers have been shared by a commission that meets every year.",
        )
        assert merge.same_event(entry, prose)

    def test_a_caption_joins_the_gathering_it_shows(self):
        day = date(2022, 12, 6)
        caption = in_doc(
            "a",
            day,
            types=("other",),
            countries=("PL",),
            sentence="Rocket launchers are unloaded from a cargo ship at the port of Gdynia.",
        )
        story = in_doc(
            "b",
            day,
            types=("visit",),
            countries=("PL", "KR"),
            sentence="The first launchers bought from Seoul arrived at the port of Gdynia on Tuesday.",
        )
        assert merge.same_event(caption, story)

    def test_one_days_meeting_and_talks_by_the_same_people_are_one_gathering(self):
        day = date(2024, 6, 23)
        met = in_doc(
            "a",
            day,
            types=("meeting",),
            actors=("Yoon Suk Yeol", "To Lam"),
            countries=("KR", "VN"),
            sentence="Yoon met To Lam in Hanoi on 23 June 2024.",
        )
        talks = in_doc(
            "b",
            day,
            types=("dialogue",),
            actors=("Yoon Suk Yeol",),
            countries=("KR", "VN"),
            sentence="During the talks on 23 June, Yoon raised semiconductor supply chains.",
        )
        other_talks = replace(talks, key="c", entities=replace(talks.entities, actors=()))
        visit = replace(met, key="d", type="visit", types=("visit",))
        assert merge.same_event(met, talks)
        assert not merge.same_event(met, other_talks)  # nobody in common: not shown to be one
        assert not merge.same_event(visit, talks)  # a visit holds talks: not the same thing


class TestDistinctHappeningsOfOneDocument:
    def test_a_scene_of_the_day_is_not_what_was_said_that_day(self):
        day = date(2003, 7, 24)
        landing = in_doc(
            "a",
            day,
            types=("other",),
            countries=("AU", "SB"),
            sentence="The first Australian troops of the regional force came ashore in Honiara "
            "this morning.",
        )
        said = in_doc(
            "b",
            day,
            types=("statement",),
            actors=("Alexander Downer",),
            countries=("AU", "SB"),
            sentence="Downer said today the regional force and its troops would stay as long "
            "as it takes.",
        )
        assert not merge.same_event(landing, said)

    def test_two_chronology_entries_on_one_day_stay_apart(self):
        signing = in_doc(
            "a",
            date(2018, 7, 9),
            types=("agreement",),
            countries=("ET", "ER"),
            sentence="9 July: the two leaders sign a declaration of peace in Asmara.",
        )
        phones = in_doc(
            "b",
            date(2018, 7, 9),
            types=("other",),
            countries=("ET", "ER"),
            sentence="The same day, direct telephone lines reopen for the first time in 20 years.",
        )
        assert not merge.same_event(signing, phones)

    def test_two_agreements_signed_at_one_summit_stay_apart(self):
        day = date(2022, 9, 6)
        water = in_doc(
            "a",
            day,
            types=("agreement",),
            actors=("Narendra Modi", "Sheikh Hasina"),
            countries=("IN", "BD"),
            sentence="Modi and Hasina signed an accord on sharing the Kushiyara river waters.",
        )
        rail = in_doc(
            "b",
            day,
            types=("agreement",),
            actors=("Narendra Modi", "Sheikh Hasina"),
            countries=("IN", "BD"),
            sentence="Modi and Hasina also signed a memorandum on railway staff training.",
        )
        assert not merge.same_event(water, rail)

    def test_one_minister_meeting_two_counterparts_on_one_day_makes_two_meetings(self):
        day = date(2023, 2, 14)
        first = in_doc(
            "a",
            day,
            types=("meeting",),
            actors=("Penny Wong", "Wang Yi"),
            countries=("AU", "CN"),
            sentence="Wong met Wang Yi on the sidelines in Munich.",
        )
        second = in_doc(
            "b",
            day,
            types=("meeting",),
            actors=("Penny Wong", "Dmytro Kuleba"),
            countries=("AU", "UA"),
            sentence="Later Wong met Kuleba to discuss support for Ukraine.",
        )
        assert not merge.same_event(first, second)

    def test_a_return_visit_later_in_the_year_is_another_visit(self):
        visit = in_doc(
            "a",
            date(2023, 3, 8),
            date(2023, 3, 11),
            "range",
            types=("visit",),
            actors=("Anthony Albanese", "Narendra Modi"),
            countries=("AU", "IN"),
            sentence="Albanese visited India from 8 to 11 March 2023 at the invitation of Modi.",
        )
        return_visit = in_doc(
            "b",
            date(2023, 1, 1),
            date(2023, 12, 31),
            "approximate",
            types=("visit",),
            actors=("Narendra Modi",),
            countries=("AU", "IN"),
            sentence="Modi accepted an invitation to visit Australia later this year.",
        )
        assert not merge.same_event(visit, return_visit)

    def test_consecutive_days_of_one_text_are_two_happenings(self):
        talks = in_doc(
            "a",
            date(2023, 3, 6),
            types=("dialogue",),
            countries=("SA", "IR"),
            sentence="Saudi and Iranian officials held talks in Beijing on 6 March.",
        )
        more = in_doc(
            "b",
            date(2023, 3, 7),
            types=("dialogue",),
            countries=("SA", "IR"),
            sentence="Saudi and Iranian officials held talks in Beijing again on 7 March.",
        )
        assert not merge.same_event(talks, more)

    def test_a_year_covers_many_happenings_with_the_same_countries(self):
        year = in_doc(
            "a",
            date(2014, 1, 1),
            date(2014, 12, 31),
            "year",
            types=("agreement",),
            countries=("IN", "BD"),
            sentence="In 2014 a tribunal settled the maritime boundary between them.",
        )
        day = in_doc(
            "b",
            date(2014, 6, 6),
            types=("agreement",),
            countries=("IN", "BD"),
            sentence="A power-trading agreement was signed in Dhaka on 6 June 2014.",
        )
        assert not merge.same_event(year, day)

    def test_two_dates_one_sentence_keeps_are_two_happenings(self):
        text = "Aid pledged after the floods of 2022 was disbursed on 12 September 2022."
        year = in_doc(
            "a", date(2022, 1, 1), date(2022, 12, 31), "year", types=("other",), sentence=text
        )
        day = in_doc("b", date(2022, 9, 12), types=("other",), sentence=text)
        year = replace(year, date=replace(year.date, text="2022"))
        day = replace(day, date=replace(day.date, text="12 September 2022"))
        assert not merge.same_event(year, day)

    def test_two_happenings_one_sentence_dates_on_one_day_stay_apart(self):
        text = "The envoy laid a wreath this morning and will address parliament later today."
        wreath = in_doc("a", date(2019, 5, 2), types=("other",), sentence=text)
        speech = in_doc("b", date(2019, 5, 2), types=("other",), sentence=text)
        wreath = replace(wreath, date=replace(wreath.date, text="this morning"))
        speech = replace(speech, date=replace(speech.date, text="later today"))
        assert not merge.same_event(wreath, speech)


def test_a_line_told_twice_naming_no_country_or_person_is_one_event():
    text = "The new ferry terminal opened to passengers on 2 June 2021."
    first = in_doc("a", date(2021, 6, 2), types=("other",), countries=(), sentence=text)
    again = in_doc("b", date(2021, 6, 2), types=("other",), countries=(), sentence=text)
    elsewhere = mention("c", date(2021, 6, 2), types=("other",), countries=(), sentence=text)
    groups = [[m.key for m in g] for g in merge.cluster([elsewhere, again, first])]
    assert groups == [["a", "b"], ["c"]]  # another document needs a country or a person


def test_accented_and_plain_spellings_are_the_same_words():
    assert merge.words("Talks in Asunción on the Itaipú dam") == merge.words(
        "talks in Asuncion on the Itaipu dam"
    )
    assert merge.words("Médici opened the dam") == frozenset({"medic", "opene", "dam"})


def test_sentences_cached_for_the_merge_share_each_word_they_have_in_common():
    # The merge keeps the words of tens of thousands of sentences: each word held once.
    first = merge.words("The ministers signed a fisheries protocol in Lisbon")
    second = merge.words("Delegations initialled the fisheries accord")
    [in_first] = [w for w in first if w == "fishe"]
    [in_second] = [w for w in second if w == "fishe"]
    assert in_first is in_second
