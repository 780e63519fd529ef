"""Lookup tables for the entity tagger: country forms, organisations and person cue words.

Only data lives here (frozen module constants) plus the lazily built country lookup that
merges pycountry's names with the compact hand-made tables. ``entities.py`` does the
matching. Every table is keyed by the exact, case-sensitive surface form: "US" is a
country, "us" is not.
"""

from __future__ import annotations

import re
from functools import cache
from types import MappingProxyType

_freeze = MappingProxyType

# --------------------------------------------------------------------------- countries

COUNTRY_ALIASES = _freeze(
    {
        # Short and common forms that pycountry's ISO names do not give.
        "US": "US",
        "U.S.": "US",
        "U.S.A.": "US",
        "USA": "US",
        "America": "US",
        "United States of America": "US",
        "UK": "GB",
        "U.K.": "GB",
        "Britain": "GB",
        "Great Britain": "GB",
        "England": "GB",
        "Scotland": "GB",
        "Wales": "GB",
        "Northern Ireland": "GB",
        "North Korea": "KP",
        "DPRK": "KP",
        "D.P.R.K.": "KP",
        "South Korea": "KR",
        "Republic of Korea": "KR",
        "ROK": "KR",
        "Korea": "KR",
        "Russia": "RU",
        "Iran": "IR",
        "Syria": "SY",
        "Laos": "LA",
        "Vietnam": "VN",
        "Viet Nam": "VN",
        "Taiwan": "TW",
        "Republic of China": "TW",
        "PRC": "CN",
        "People's Republic of China": "CN",
        "Mainland China": "CN",
        "Turkey": "TR",
        "Türkiye": "TR",
        "Turkiye": "TR",
        "Czech Republic": "CZ",
        "Ivory Coast": "CI",
        "Cote d'Ivoire": "CI",
        "Côte d'Ivoire": "CI",
        "Cape Verde": "CV",
        "Burma": "MM",
        "East Timor": "TL",
        "Timor Leste": "TL",
        "Brunei": "BN",
        "Macedonia": "MK",
        "Swaziland": "SZ",
        "Vatican": "VA",
        "Vatican City": "VA",
        "Holy See": "VA",
        "Palestine": "PS",
        "State of Palestine": "PS",
        "Moldova": "MD",
        "Bolivia": "BO",
        "Venezuela": "VE",
        "Tanzania": "TZ",
        "Micronesia": "FM",
        "Congo": "CD",
        "DR Congo": "CD",
        "DRC": "CD",
        "Democratic Republic of the Congo": "CD",
        "Democratic Republic of Congo": "CD",
        "Republic of the Congo": "CG",
        "Congo-Brazzaville": "CG",
        "Congo-Kinshasa": "CD",
        "UAE": "AE",
        "U.A.E.": "AE",
        "Emirates": "AE",
        "KSA": "SA",
        "Saudi Arabia": "SA",
        "Kyrgyzstan": "KG",
        "Kyrgyz Republic": "KG",
        "Slovak Republic": "SK",
        "The Gambia": "GM",
        "The Bahamas": "BS",
        "Hong Kong": "HK",
        "Macau": "MO",
        "Holland": "NL",
        "The Netherlands": "NL",
        "Sao Tome and Principe": "ST",
        "St Kitts and Nevis": "KN",
        "St Lucia": "LC",
        "St Vincent and the Grenadines": "VC",
        "Bosnia": "BA",
        "Herzegovina": "BA",
        "Trinidad": "TT",
        "Antigua": "AG",
        "Papua New Guinea": "PG",
    }
)
"""Common names, short forms and acronyms of countries."""

COUNTRY_PREFIXES = _freeze(
    {
        "Pak": "PK",
        "Indo": "IN",
        "Sino": "CN",
        "Anglo": "GB",
        "Russo": "RU",
        "Franco": "FR",
        "Nippo": "JP",
        "Turco": "TR",
        "Austro": "AT",
        "Afghan": "AF",
    }
)
"""Combining forms that name a country only before a hyphen: "Pak-Japan", "Indo-Japanese"."""

DEMONYMS = _freeze(
    {
        "Afghan": "AF",
        "Albanian": "AL",
        "Algerian": "DZ",
        "American": "US",
        "Angolan": "AO",
        "Argentine": "AR",
        "Argentinian": "AR",
        "Armenian": "AM",
        "Australian": "AU",
        "Austrian": "AT",
        "Azerbaijani": "AZ",
        "Azeri": "AZ",
        "Bahraini": "BH",
        "Bangladeshi": "BD",
        "Belarusian": "BY",
        "Belgian": "BE",
        "Bhutanese": "BT",
        "Bolivian": "BO",
        "Bosnian": "BA",
        "Brazilian": "BR",
        "British": "GB",
        "Bruneian": "BN",
        "Bulgarian": "BG",
        "Burmese": "MM",
        "Cambodian": "KH",
        "Cameroonian": "CM",
        "Canadian": "CA",
        "Chilean": "CL",
        "Chinese": "CN",
        "Colombian": "CO",
        "Congolese": "CD",
        "Croatian": "HR",
        "Cuban": "CU",
        "Cypriot": "CY",
        "Czech": "CZ",
        "Danish": "DK",
        "Dutch": "NL",
        "Ecuadorian": "EC",
        "Egyptian": "EG",
        "Emirati": "AE",
        "Eritrean": "ER",
        "Estonian": "EE",
        "Ethiopian": "ET",
        "Filipino": "PH",
        "Philippine": "PH",
        "Finnish": "FI",
        "French": "FR",
        "Georgian": "GE",
        "German": "DE",
        "Ghanaian": "GH",
        "Greek": "GR",
        "Hungarian": "HU",
        "Icelandic": "IS",
        "Indian": "IN",
        "Indonesian": "ID",
        "Iranian": "IR",
        "Iraqi": "IQ",
        "Irish": "IE",
        "Israeli": "IL",
        "Italian": "IT",
        "Ivorian": "CI",
        "Jamaican": "JM",
        "Japanese": "JP",
        "Jordanian": "JO",
        "Kazakh": "KZ",
        "Kazakhstani": "KZ",
        "Kenyan": "KE",
        "Korean": "KR",
        "South Korean": "KR",
        "North Korean": "KP",
        "Kuwaiti": "KW",
        "Kyrgyz": "KG",
        "Laotian": "LA",
        "Latvian": "LV",
        "Lebanese": "LB",
        "Libyan": "LY",
        "Lithuanian": "LT",
        "Malaysian": "MY",
        "Maldivian": "MV",
        "Malian": "ML",
        "Maltese": "MT",
        "Mexican": "MX",
        "Moldovan": "MD",
        "Mongolian": "MN",
        "Moroccan": "MA",
        "Mozambican": "MZ",
        "Namibian": "NA",
        "Nepali": "NP",
        "Nepalese": "NP",
        "New Zealander": "NZ",
        "Nigerian": "NG",
        "Nigerien": "NE",
        "Norwegian": "NO",
        "Omani": "OM",
        "Pakistani": "PK",
        "Palestinian": "PS",
        "Panamanian": "PA",
        "Paraguayan": "PY",
        "Peruvian": "PE",
        "Polish": "PL",
        "Portuguese": "PT",
        "Qatari": "QA",
        "Romanian": "RO",
        "Russian": "RU",
        "Rwandan": "RW",
        "Saudi": "SA",
        "Senegalese": "SN",
        "Serbian": "RS",
        "Singaporean": "SG",
        "Slovak": "SK",
        "Slovenian": "SI",
        "Somali": "SO",
        "South African": "ZA",
        "Spanish": "ES",
        "Sri Lankan": "LK",
        "Sudanese": "SD",
        "South Sudanese": "SS",
        "Swedish": "SE",
        "Swiss": "CH",
        "Syrian": "SY",
        "Taiwanese": "TW",
        "Tajik": "TJ",
        "Tajikistani": "TJ",
        "Tanzanian": "TZ",
        "Thai": "TH",
        "Tunisian": "TN",
        "Turkish": "TR",
        "Turkmen": "TM",
        "Ugandan": "UG",
        "Ukrainian": "UA",
        "Uruguayan": "UY",
        "Uzbek": "UZ",
        "Venezuelan": "VE",
        "Vietnamese": "VN",
        "Yemeni": "YE",
        "Zambian": "ZM",
        "Zimbabwean": "ZW",
    }
)
"""Nationality adjectives (and their plurals, added at build time) -> country code."""

CAPITALS = _freeze(
    {
        "Abu Dhabi": "AE",
        "Dubai": "AE",
        "Kabul": "AF",
        "Tirana": "AL",
        "Yerevan": "AM",
        "Luanda": "AO",
        "Buenos Aires": "AR",
        "Vienna": "AT",
        "Canberra": "AU",
        "Sydney": "AU",
        "Baku": "AZ",
        "Sarajevo": "BA",
        "Dhaka": "BD",
        "Brussels": "BE",
        "Sofia": "BG",
        "Manama": "BH",
        "Thimphu": "BT",
        "Minsk": "BY",
        "Brasilia": "BR",
        "Brasília": "BR",
        "Ottawa": "CA",
        "Kinshasa": "CD",
        "Bern": "CH",
        "Geneva": "CH",
        "Santiago": "CL",
        "Beijing": "CN",
        "Shanghai": "CN",
        "Bogota": "CO",
        "Bogotá": "CO",
        "Havana": "CU",
        "Nicosia": "CY",
        "Prague": "CZ",
        "Berlin": "DE",
        "Copenhagen": "DK",
        "Algiers": "DZ",
        "Quito": "EC",
        "Tallinn": "EE",
        "Cairo": "EG",
        "Madrid": "ES",
        "Addis Ababa": "ET",
        "Helsinki": "FI",
        "Paris": "FR",
        "London": "GB",
        "Tbilisi": "GE",
        "Accra": "GH",
        "Athens": "GR",
        "Zagreb": "HR",
        "Budapest": "HU",
        "Jakarta": "ID",
        "Dublin": "IE",
        "Tel Aviv": "IL",
        "New Delhi": "IN",
        "Delhi": "IN",
        "Mumbai": "IN",
        "Baghdad": "IQ",
        "Tehran": "IR",
        "Reykjavik": "IS",
        "Rome": "IT",
        "Kingston": "JM",
        "Amman": "JO",
        "Tokyo": "JP",
        "Osaka": "JP",
        "Kyoto": "JP",
        "Hiroshima": "JP",
        "Nagasaki": "JP",
        "Yokohama": "JP",
        "Nairobi": "KE",
        "Bishkek": "KG",
        "Phnom Penh": "KH",
        "Pyongyang": "KP",
        "Seoul": "KR",
        "Kuwait City": "KW",
        "Astana": "KZ",
        "Nur-Sultan": "KZ",
        "Almaty": "KZ",
        "Vientiane": "LA",
        "Beirut": "LB",
        "Colombo": "LK",
        "Vilnius": "LT",
        "Riga": "LV",
        "Tripoli": "LY",
        "Rabat": "MA",
        "Chisinau": "MD",
        "Naypyidaw": "MM",
        "Yangon": "MM",
        "Ulaanbaatar": "MN",
        "Malé": "MV",
        "Mexico City": "MX",
        "Kuala Lumpur": "MY",
        "Maputo": "MZ",
        "Abuja": "NG",
        "Lagos": "NG",
        "Amsterdam": "NL",
        "The Hague": "NL",
        "Oslo": "NO",
        "Kathmandu": "NP",
        "Wellington": "NZ",
        "Muscat": "OM",
        "Lima": "PE",
        "Manila": "PH",
        "Islamabad": "PK",
        "Karachi": "PK",
        "Lahore": "PK",
        "Rawalpindi": "PK",
        "Peshawar": "PK",
        "Quetta": "PK",
        "Gwadar": "PK",
        "Warsaw": "PL",
        "Lisbon": "PT",
        "Doha": "QA",
        "Bucharest": "RO",
        "Belgrade": "RS",
        "Moscow": "RU",
        "Kigali": "RW",
        "Riyadh": "SA",
        "Jeddah": "SA",
        "Khartoum": "SD",
        "Stockholm": "SE",
        "Ljubljana": "SI",
        "Bratislava": "SK",
        "Dakar": "SN",
        "Mogadishu": "SO",
        "Damascus": "SY",
        "Bangkok": "TH",
        "Dushanbe": "TJ",
        "Ashgabat": "TM",
        "Tunis": "TN",
        "Ankara": "TR",
        "Istanbul": "TR",
        "Taipei": "TW",
        "Dodoma": "TZ",
        "Kyiv": "UA",
        "Kiev": "UA",
        "Kampala": "UG",
        "Washington": "US",
        "Washington D.C.": "US",
        "New York": "US",
        "Montevideo": "UY",
        "Tashkent": "UZ",
        "Caracas": "VE",
        "Hanoi": "VN",
        "Sanaa": "YE",
        "Sana'a": "YE",
        "Pretoria": "ZA",
        "Cape Town": "ZA",
        "Johannesburg": "ZA",
        "Lusaka": "ZM",
        "Harare": "ZW",
    }
)
"""Capitals and a few major cities that stand for their country in news prose."""

NOT_COUNTRIES = frozenset(
    {
        # Multi-word names that contain a country form but are not the country.
        "South China Sea",
        "East China Sea",
        "Sea of Japan",
        "Indian Ocean",
        "Indian Express",
        "Indo-Pacific",
        "Korean Peninsula",
        "Gulf of Oman",
        "Gulf of Mexico",
        "Gulf of Guinea",
        "New Guinea",
        "New Mexico",
        "New Jersey",
        "New South Wales",
        "Niger Delta",
        "Congo River",
        "Jordan River",
        "Jordan Valley",
        "Latin America",
        "Latin American",
        "South America",
        "South American",
        "North America",
        "North American",
        "Central America",
        "Central American",
        "African American",
        "Native American",
        "US dollar",
        "US dollars",
        "U.S. dollar",
        "U.S. dollars",
    }
)
"""Phrases consumed without tagging a country (longest match wins, so these shadow parts)."""

AMBIGUOUS_COUNTRY_NAMES = frozenset({"Chad", "Jordan", "Georgia", "Israel", "Niger", "Guinea"})
"""Country names that are also given names: never a single-word person, skipped inside a person."""

_COUNTRY_NAME_OVERRIDES = _freeze(
    {
        "US": "United States",
        "GB": "United Kingdom",
        "KR": "South Korea",
        "KP": "North Korea",
        "RU": "Russia",
        "IR": "Iran",
        "SY": "Syria",
        "LA": "Laos",
        "VN": "Vietnam",
        "TW": "Taiwan",
        "BO": "Bolivia",
        "VE": "Venezuela",
        "TZ": "Tanzania",
        "MD": "Moldova",
        "FM": "Micronesia",
        "CD": "DR Congo",
        "CG": "Republic of the Congo",
        "PS": "Palestine",
        "VA": "Vatican City",
        "BN": "Brunei",
        "TR": "Turkey",
        "CZ": "Czech Republic",
        "CI": "Côte d'Ivoire",
    }
)
"""Display names preferred over pycountry's formal ISO names."""

_PLURAL_SUFFIX = re.compile(r"(?:an|i|ian|ean|er|ot|ek|ik|k)$")


@cache
def country_table() -> MappingProxyType[str, str]:
    """Surface form -> ISO alpha-2 code ("" for forms that block a match), built once.

    Merges pycountry's names (except the comma-inverted "Korea, Republic of" styles),
    the alias, demonym (with plurals such as "Pakistanis") and capital tables, and the
    NOT_COUNTRIES blockers. Hyphens in keys are kept; the matcher looks up spans as written.
    """
    import pycountry

    table: dict[str, str] = {}
    for country in pycountry.countries:
        code = country.alpha_2
        for attr in ("name", "official_name", "common_name"):
            name = getattr(country, attr, "") or ""
            if not name or "," in name or "(" in name:
                continue
            table[name] = code
            if name.startswith("the "):
                table[name[4:]] = code
    table.update(CAPITALS)
    for demonym, code in DEMONYMS.items():
        table[demonym] = code
        if _PLURAL_SUFFIX.search(demonym):
            table[demonym + "s"] = code
    table.update(COUNTRY_ALIASES)
    for phrase in NOT_COUNTRIES:
        table[phrase] = ""
    return MappingProxyType(table)


@cache
def country_names() -> MappingProxyType[str, str]:
    """ISO alpha-2 code -> readable English name, built once."""
    import pycountry

    names = {}
    for country in pycountry.countries:
        names[country.alpha_2] = getattr(country, "common_name", "") or country.name
    names.update(_COUNTRY_NAME_OVERRIDES)
    return MappingProxyType(names)


# ----------------------------------------------------------------------- organisations

ORGANISATIONS = _freeze(
    {
        "United Nations Security Council": "UNSC",
        "UN Security Council": "UNSC",
        "U.N. Security Council": "UNSC",
        "Security Council": "UNSC",
        "UNSC": "UNSC",
        "United Nations General Assembly": "UNGA",
        "UN General Assembly": "UNGA",
        "General Assembly": "UNGA",
        "UNGA": "UNGA",
        "United Nations": "UN",
        "UN": "UN",
        "U.N.": "UN",
        "Human Rights Council": "UNHRC",
        "UNHRC": "UNHRC",
        "UNHCR": "UNHCR",
        "UNESCO": "UNESCO",
        "UNICEF": "UNICEF",
        "UNDP": "UNDP",
        "World Health Organization": "WHO",
        "World Trade Organization": "WTO",
        "WTO": "WTO",
        "International Monetary Fund": "IMF",
        "IMF": "IMF",
        "World Bank": "World Bank",
        "Asian Development Bank": "ADB",
        "ADB": "ADB",
        "Asian Infrastructure Investment Bank": "AIIB",
        "AIIB": "AIIB",
        "International Atomic Energy Agency": "IAEA",
        "IAEA": "IAEA",
        "European Union": "EU",
        "EU": "EU",
        "North Atlantic Treaty Organization": "NATO",
        "NATO": "NATO",
        "Association of Southeast Asian Nations": "ASEAN",
        "ASEAN": "ASEAN",
        "ASEAN Regional Forum": "ARF",
        "South Asian Association for Regional Cooperation": "SAARC",
        "SAARC": "SAARC",
        "Shanghai Cooperation Organisation": "SCO",
        "Shanghai Cooperation Organization": "SCO",
        "SCO": "SCO",
        "Organisation of Islamic Cooperation": "OIC",
        "Organization of Islamic Cooperation": "OIC",
        "OIC": "OIC",
        "Economic Cooperation Organization": "ECO",
        "Gulf Cooperation Council": "GCC",
        "GCC": "GCC",
        "African Union": "AU",
        "Financial Action Task Force": "FATF",
        "FATF": "FATF",
        "Nuclear Suppliers Group": "NSG",
        "NSG": "NSG",
        "OPEC": "OPEC",
        "G7": "G7",
        "G8": "G8",
        "G20": "G20",
        "BRICS": "BRICS",
        "APEC": "APEC",
        "CICA": "CICA",
        "Japan International Cooperation Agency": "JICA",
        "JICA": "JICA",
        "Japan External Trade Organization": "JETRO",
        "JETRO": "JETRO",
        "Japan Bank for International Cooperation": "JBIC",
        "JBIC": "JBIC",
        "Institute of Strategic Studies Islamabad": "ISSI",
        "ISSI": "ISSI",
        "China-Pakistan Economic Corridor": "CPEC",
        "CPEC": "CPEC",
        "Belt and Road Initiative": "BRI",
        "BRI": "BRI",
        "Comprehensive Nuclear-Test-Ban Treaty": "CTBT",
        "CTBT": "CTBT",
        "Fissile Material Cut Off Treaty": "FMCT",
        "Fissile Material Cut-off Treaty": "FMCT",
        "FMCT": "FMCT",
        "Non-Proliferation Treaty": "NPT",
        "NPT": "NPT",
        "Board of Investment": "BOI",
        "Lashkar-e-Tayyiba": "Lashkar-e-Tayyiba",
        "Lashkar-e-Taiba": "Lashkar-e-Tayyiba",
        "Jaish-e-Mohammad": "Jaish-e-Mohammad",
        "Jaish-e-Mohammed": "Jaish-e-Mohammad",
        "Taliban": "Taliban",
    }
)
"""Known organisations and treaties, by surface form -> short name."""

NOT_ORGANISATIONS = frozenset(
    {
        "FDI",
        "GDP",
        "GNP",
        "GNI",
        "ODA",
        "MOU",
        "MoU",
        "MoUs",
        "LOC",
        "LoC",
        "PPP",
        "ICT",
        "IT",
        "SME",
        "SMEs",
        "NGO",
        "NGOs",
        "CEO",
        "VIP",
        "AM",
        "PM",
    }
)
"""Acronyms of terms, not bodies: never organisations even when defined in parentheses."""

# ----------------------------------------------------------------------------- persons

HONORIFICS = frozenset(
    {
        "Mr",
        "Mr.",
        "Mrs",
        "Mrs.",
        "Ms",
        "Ms.",
        "Miss",
        "Mister",
        "Madam",
        "Mme",
        "Mme.",
        "Dr",
        "Dr.",
        "Prof",
        "Prof.",
        "Professor",
        "H.E.",
        "H. E.",
        "Excellency",
        "Hon",
        "Hon.",
        "Honourable",
        "Honorable",
        "Sir",
        "Dame",
        "Makhdoom",
        "Janab",
        "Mian",
        "Maulana",
        "Hazrat",
        "Begum",
    }
)
"""Honorifics dropped from names ("Makhdoom" is a Pakistani honorific title, not a name)."""

ROLE_HEADS = frozenset(
    {
        "President",
        "Vice-President",
        "Minister",
        "Vice-Minister",
        "Ambassador",
        "Ambassador-at-Large",
        "Secretary",
        "Secretary-General",
        "Under-Secretary",
        "Adviser",
        "Advisor",
        "Chief",
        "General",
        "Governor",
        "Chairman",
        "Chairwoman",
        "Chairperson",
        "Director",
        "Director-General",
        "Commander",
        "Admiral",
        "Marshal",
        "Brigadier",
        "Colonel",
        "Captain",
        "Emperor",
        "Empress",
        "King",
        "Queen",
        "Prince",
        "Princess",
        "Sultan",
        "Emir",
        "Amir",
        "Premier",
        "Chancellor",
        "Speaker",
        "Senator",
        "Mayor",
        "Envoy",
        "Counsellor",
        "Counselor",
        "Consul",
        "Consul-General",
        "Spokesperson",
        "Spokesman",
        "Spokeswoman",
        "Justice",
        "Commissioner",
        "High Commissioner",
        "Representative",
        "Leader",
        "Head",
    }
)
"""Words that end a role before a name: "Prime Minister", "Army Chief General"."""

ROLE_MODIFIERS = frozenset(
    {
        "Prime",
        "Foreign",
        "Federal",
        "State",
        "Deputy",
        "Vice",
        "Senior",
        "Chief",
        "Army",
        "Naval",
        "Navy",
        "Air",
        "Defence",
        "Defense",
        "Finance",
        "Interior",
        "Trade",
        "Commerce",
        "Economic",
        "Planning",
        "Special",
        "National",
        "Security",
        "Parliamentary",
        "Permanent",
        "Additional",
        "Executive",
        "Lieutenant",
        "Major",
        "Acting",
        "Former",
        "Crown",
        "Cabinet",
        "Home",
        "Health",
        "Education",
        "Information",
        "Energy",
        "Provincial",
        "Supreme",
        "High",
        "Press",
        "Political",
        "Military",
        "Assistant",
        "Minister",
        "Secretary",
        "General",
        "Joint",
        "Opposition",
        "Party",
        "External",
        "Affairs",
    }
)
"""Words that may precede a role head inside a role ("National Security Adviser")."""

ROLE_COUNTRIES = _freeze(
    {
        "external affairs minister": "IN",
        "minister of external affairs": "IN",
        "minister for external affairs": "IN",
        "secretary of state": "US",
        "chief cabinet secretary": "JP",
    }
)
"""Roles that only one country has, so they say whose official someone is."""

ROLE_DOMAIN_WORDS = frozenset(
    {
        "Foreign",
        "Affairs",
        "Economic",
        "International",
        "Cooperation",
        "Countering",
        "Terrorism",
        "Counter-Terrorism",
        "Trade",
        "Commerce",
        "Industry",
        "Industries",
        "Finance",
        "Planning",
        "Development",
        "Reform",
        "Reforms",
        "Special",
        "Initiatives",
        "Defence",
        "Defense",
        "Interior",
        "Information",
        "Broadcasting",
        "Health",
        "Education",
        "Energy",
        "Power",
        "Water",
        "Petroleum",
        "Resources",
        "Climate",
        "Change",
        "Human",
        "Rights",
        "Law",
        "Justice",
        "Religious",
        "Overseas",
        "Pakistanis",
        "Kashmir",
        "Economy",
        "Revenue",
        "Science",
        "Technology",
        "Production",
        "Investment",
        "Maritime",
        "Railways",
        "Communications",
        "Housing",
        "Works",
        "Food",
        "Security",
        "National",
        "Disarmament",
        "Non-Proliferation",
        "Asia",
        "Asian",
        "Pacific",
        "Middle",
        "East",
        "South",
        "Southwest",
        "Central",
        "Bureau",
        "Policy",
        "Regional",
        "Global",
        "Issues",
        "Relations",
        "Public",
        "Diplomacy",
        "Culture",
        "Tourism",
        "Sports",
        "Youth",
        "Women",
        "Labour",
        "Labor",
        "Employment",
        "Agriculture",
        "Environment",
        "Transport",
        "Infrastructure",
        "Digital",
        "Cabinet",
        "Office",
        "Reconstruction",
        "Okinawa",
        "Internal",
        "Staff",
        "Army",
        "Naval",
        "Air",
        "Joint",
        "Chiefs",
        "Committee",
        "Armed",
        "Forces",
        "State",
        "Affair",
        "United",
        "Nations",
        "Government",
        "Ministry",
        "Parliament",
        "Assembly",
        "Senate",
        "Prime",
        "Minister",
        "Federal",
    }
)
"""Capitalised words allowed after "for"/"of" inside a role ("Minister for Foreign Affairs")."""

NAME_CUES = frozenset({"counterpart", "Counterpart"})
"""Lower-case nouns directly before a name that introduce a person without a role."""

BYLINE_CUES = frozenset({"By", "by"})
"""Words before a multi-word name that mark it as an author ("Edited by Najam Rafique")."""

REPORTING_VERBS = frozenset(
    """said says stated told tells added noted expressed appreciated visited visits met meets
    held called urged urges welcomed welcomes emphasized emphasised explained requested
    conveyed mentioned assured thanked announced announces signed discussed reiterated
    reiterates highlighted underlined stressed agreed offered offers remarked spoke wrote
    argued warned asked has is was will would had also accused accuses pledged praised
    observed received attended led hosted arrived departed""".split()
)
"""Verbs after a bare capitalised word that make it a person ("Kono told", "Trump is")."""

DETERMINERS = frozenset(
    "the a an this that these those its their our his her my your The A An This That".split()
)
"""Words that rule out a following bare capitalised word being a person ("the Diet said")."""

MONTHS = frozenset(
    """January February March April May June July August September October November December
    Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec""".split()
)

WEEKDAYS = frozenset("Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split())

NON_NAME_WORDS = frozenset(
    """
    The A An This That These Those It Its He She His Her Him They Them Their We Our Us You
    Your I My Me Both Each Every All Any Some Many Most Much More Few Several One Two Three
    Other Another Such No None Nobody Everyone Everybody Someone Anyone Who What Which When
    Where Why How Whose There Here Then Thus Hence Also However Moreover Furthermore
    Additionally Meanwhile Conversely Although Though While Despite Since After Before During
    Earlier Later Last Next First Second Third Fourth Fifth Sixth Seventh Eighth Ninth Tenth
    Finally Overall Today Tomorrow Yesterday Year Years Month Week Day Time In On At For Of
    To From By With Without About Against Between Among Under Over Into Onto Upon Within
    And Or But Nor So Yet If As Unless Whereas Because Not Never Only Even Still Already
    Please See Back Note Notes Source Sources Table Figure Web Phone Fax Email Photo Page
    Edited Issue Brief Conclusion Introduction Summary Overview Background Analysis Annex
    Government Governments Ministry Ministries Office Embassy Embassies Consulate Council
    Committee Commission Agency Bank Fund Organisation Organization Institute Institution
    University College School Center Centre Department Bureau Board Parliament Senate
    Assembly Diet Cabinet Court Army Navy Air Force Forces Party League Movement Front
    Group Forum Union Association Federation Alliance Corporation Company Companies
    Statement Joint Declaration Agreement Agreements Treaty Accord Memorandum Protocol
    Meeting Meetings Summit Conference Consultations Consultation Dialogue Talks Session
    Visit Visits Relations Relationship Ties Partnership Cooperation Initiative Corridor
    Plan Programme Program Project Strategy Policy Framework Mechanism Working Expo
    Ceremony Enthronement Celebration Anniversary Award Prize Day Festival Games
    Foreign Affairs Affair Security Defence Defense Trade Economic Economy Investment
    Finance Development International National Federal Regional Global Bilateral
    Multilateral Strategic Comprehensive Nuclear Test Ban Fissile Material Cut Off
    Counter Terrorism Non Proliferation Disarmament Export Controls Import Direct
    Republic Kingdom Islamic Democratic People Peoples State States United Nations
    Federation Emirates Islands Island Federated North South East West Northern Southern
    Eastern Western Central Middle Asia Asian Europe European Africa African Americas
    Pacific Atlantic Ocean Sea Gulf Bay River Valley Mountain Peninsula Region Province
    District City Town Capital Waziristan Kashmir Punjab Sindh Balochistan Khyber
    Pakhtunkhwa Gilgit Baltistan Xinjiang Okinawa Hokkaido Gandhara Silk Road Belt
    Covid Corona Coronavirus Internet Online Times Daily News Express Post Journal Nation
    Dawn Tribune Herald Review Times Press Media Social Activities Long Term Halal
    Emperor Empress King Queen Prince Princess Minister Ministers President Presidents
    Ambassador Ambassadors Secretary Adviser Advisor Chief General Director Chairman
    Spokesperson Spokesman Leader Leaders Head Heads Premier Chancellor Speaker Envoy
    Deputy Vice Prime Senior Special Permanent Acting Former Officials Official Delegation
    Pentagon Kremlin White House Downing Street Capitol Views View Opinion Opinions Remarks
    Comments Concerns Incentives Experts Officials Sources Reports Analysts Critics Observers
    Participants Delegates Members Member Citizens Nationals Businesses Business Leaders
    Divergences Differences Discussions Negotiations Details Further Full Text Public
    Delivered Discussion Country Wise Inflows Direction Statistics Weakening Opening
    """.split()
)
"""Capitalised words that are never (part of) a person's name."""

NOT_BARE_NAMES = frozenset(
    """Toyota Honda Suzuki Nissan Mitsubishi Mitsui Marubeni Sojitz Morinaga Sony Panasonic
    Hitachi Toshiba Yamaha Google Apple Microsoft Amazon Huawei Samsung Beijing Reuters
    Xinhua Kyodo Bloomberg God Allah Islam Christianity Buddhism Mr Mrs Ms Dr""".split()
)
"""Words that are surnames too but, standing alone before a verb, name a company or the like."""

NAME_PARTICLES = frozenset("bin bint ibn al el ul ur ud de da di du van von der le la".split())
"""Lower-case particles allowed between name words ("Mohammed bin Salman")."""
