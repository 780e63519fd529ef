"""The lexicon's data files are well formed, and its lookups answer from them."""

from __future__ import annotations

from collections import Counter

import pycountry
import pytest

from chronicle import lexicon

ISO = {c.alpha_2: c.alpha_3 for c in pycountry.countries}

FILES = {
    "countries.csv": ("code", "alpha_3", "name", "fiscal_year_start", "institutions"),
    "places.csv": ("form", "code", "kind"),
    "organisations.csv": ("form", "short", "kind"),
    "roles.csv": ("role", "kind", "country"),
    "person_cues.csv": ("word", "kind"),
}


class TestIntegrity:
    @pytest.mark.parametrize(("name", "columns"), FILES.items())
    def test_every_row_has_the_columns_and_a_first_value(self, name, columns):
        rows = lexicon.read_rows(name)
        assert rows, name
        for row in rows:
            assert tuple(row) == columns, row
            assert row[columns[0]], row
            assert row[columns[0]] == " ".join(row[columns[0]].split()), row

    def test_countries_are_the_iso_3166_countries_each_with_a_name(self):
        rows = lexicon.read_rows("countries.csv")
        assert {r["code"]: r["alpha_3"] for r in rows} == ISO
        assert Counter(r["code"] for r in rows).most_common(1)[0][1] == 1
        assert all(r["name"] for r in rows)

    def test_a_fiscal_year_start_is_a_month_or_empty(self):
        starts = {r["fiscal_year_start"] for r in lexicon.read_rows("countries.csv")}
        assert starts <= {"", *(str(month) for month in range(1, 13))}

    def test_an_institution_names_no_country_and_belongs_to_one(self):
        forms = lexicon.country_forms()
        rows = lexicon.read_rows("countries.csv")
        institutions = [f for r in rows for f in r["institutions"].split(";") if f]
        assert len(institutions) == len(set(institutions))
        assert not any(form in forms for form in institutions)
        assert lexicon.institution_forms()["Lok Sabha"] == "IN"

    def test_every_place_has_a_known_kind_and_a_valid_code(self):
        for row in lexicon.read_rows("places.csv"):
            assert row["kind"] in lexicon.PLACE_KINDS, row
            if row["kind"] in ("not_a_place", "region"):
                assert row["code"] == "", row
            else:
                assert row["code"] in ISO, row

    def test_no_place_form_is_listed_twice(self):
        forms = Counter(r["form"] for r in lexicon.read_rows("places.csv"))
        assert [f for f, n in forms.items() if n > 1] == []

    def test_prefixes_are_single_words(self):
        assert all(" " not in f and "-" not in f for f in lexicon.country_prefixes())

    def test_no_organisation_form_is_listed_twice(self):
        forms = Counter(r["form"] for r in lexicon.read_rows("organisations.csv"))
        assert [f for f, n in forms.items() if n > 1] == []

    def test_only_bodies_have_a_short_name(self):
        for row in lexicon.read_rows("organisations.csv"):
            assert row["kind"] in lexicon.ORGANISATION_KINDS, row
            assert bool(row["short"]) == (row["kind"] == "body"), row

    def test_roles_have_a_kind_and_only_titles_have_a_country(self):
        rows = lexicon.read_rows("roles.csv")
        for row in rows:
            assert row["kind"] in lexicon.ROLE_KINDS, row
            if row["kind"] == "title":
                assert row["country"] in ISO and row["role"] == row["role"].lower(), row
            else:
                assert row["country"] == "" and " " not in row["role"], row
        keys = Counter((r["role"], r["kind"]) for r in rows)
        assert [k for k, n in keys.items() if n > 1] == []

    def test_person_cues_have_a_known_kind_once(self):
        rows = lexicon.read_rows("person_cues.csv")
        assert {r["kind"] for r in rows} == set(lexicon.PERSON_CUE_KINDS)
        keys = Counter((r["word"], r["kind"]) for r in rows)
        assert [k for k, n in keys.items() if n > 1] == []

    def test_a_country_that_is_also_a_given_name_is_a_country_form(self):
        forms = lexicon.country_forms()
        assert all(forms.get(name) for name in lexicon.given_name_countries())

    def test_every_country_has_a_form_ingest_tags(self):
        tagged = set(lexicon.country_forms().values())
        assert lexicon.country_codes() <= tagged


class TestLookups:
    @pytest.mark.parametrize(
        ("form", "code"),
        [
            ("Belgian", "BE"),
            ("DPRK", "KP"),
            ("Pakistanis", "PK"),  # a people noun's plural
            ("Argentines", "AR"),
            ("Kazakhs", "KZ"),
            ("Macedonian", "MK"),
            ("Asmara", "ER"),
            ("Guinea-Bissau", "GW"),
            ("South China Sea", ""),  # blocks "China"
            ("Paris Agreement", ""),  # a treaty named after a city is not France
        ],
    )
    def test_country_forms(self, form, code):
        assert lexicon.country_forms()[form] == code

    def test_adjectives_that_are_not_nouns_take_no_plural(self):
        forms = lexicon.country_forms()
        assert "Chineses" not in forms and "Swisss" not in forms and "Danishs" not in forms

    def test_prefixes_are_not_country_forms_on_their_own(self):
        assert lexicon.country_prefixes()["Sino"] == "CN"
        assert "Sino" not in lexicon.country_forms()

    def test_regions_are_places_but_tag_no_country(self):
        assert {"Kosovo", "Crimea", "Tibet", "Khyber Pakhtunkhwa"} <= lexicon.regions()
        assert "Crimea" not in lexicon.country_forms()
        assert "Pakistan" not in lexicon.regions()

    def test_capitals_and_cities(self):
        assert lexicon.capitals()["Kigali"] == "RW"
        assert lexicon.capitals()["Karachi"] == "PK"
        assert "Pakistan" not in lexicon.capitals()

    @pytest.mark.parametrize(
        ("code", "name"),
        [("KP", "North Korea"), ("CI", "Côte d'Ivoire"), ("pk", "Pakistan"), ("ZZ", "ZZ")],
    )
    def test_country_name(self, code, name):
        assert lexicon.country_name(code) == name

    def test_alpha_3_codes(self):
        assert lexicon.alpha_3_codes()["PAK"] == "PK"

    @pytest.mark.parametrize(
        ("code", "month"),
        [
            ("IN", 4),  # April-March
            ("jp", 4),
            ("PK", 7),  # July-June
            ("AU", 7),
            ("US", 10),  # October-September
            ("CN", 1),  # the calendar year
            ("AD", None),  # not known
            ("ZZ", None),
        ],
    )
    def test_fiscal_year_start(self, code, month):
        assert lexicon.fiscal_year_start(code) == month

    def test_organisations_and_term_acronyms_are_apart(self):
        assert lexicon.organisations()["Forum on China-Africa Cooperation"] == "FOCAC"
        assert "GDP" in lexicon.term_acronyms()
        assert "GDP" not in lexicon.organisations()
        assert "Airways" in lexicon.organisation_heads()
        assert "Airways" not in lexicon.organisations()

    @pytest.mark.parametrize(
        ("role", "code"),
        [
            ("External Affairs Minister", "IN"),
            ("secretary  of state", "US"),
            ("Foreign Minister", ""),
        ],
    )
    def test_role_country(self, role, code):
        assert lexicon.role_country(role) == code

    def test_role_and_person_words(self):
        assert "Minister" in lexicon.role_words("head")
        assert "Foreign" in lexicon.role_words("modifier")
        assert "Mr." in lexicon.person_words("honorific")

    @pytest.mark.parametrize(
        "call",
        [
            lambda: lexicon.role_words("heads"),
            lambda: lexicon.person_words("title"),
            lambda: lexicon.place_forms("town"),
        ],
    )
    def test_a_misspelt_kind_fails_loudly(self, call):
        with pytest.raises(ValueError):
            call()
