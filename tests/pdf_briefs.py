"""The briefs the PDF tests set as PDFs: our own text, in the genres and layouts of a
think tank's issue brief (one column), a research centre's policy brief (two columns)
and a ministry's press release. Facts and figures are those of the public record."""

from __future__ import annotations

from tests.pdf_maker import Brief, figures_table, heading, item, para, ruled_table

SOFT = "\u00ad"


def pakistan_japan(**changes: object) -> Brief:
    """An issue brief in one column: masthead, title, byline and month, notes at the
    page feet, a running head and "Page n of N" from page 2 on, a list, a ruled table
    and a table of figures."""
    brief = Brief(
        title="PAKISTAN AND JAPAN: A FOREIGN MINISTER RETURNS",
        masthead=["ISSUE BRIEF", "INSTITUTE OF REGIONAL STUDIES ISLAMABAD"],
        byline=["By Dr Farah Naz Qureshi", "Research Fellow", "January 2018"],
        blocks=[
            para(
                "For the first time in eight years a Japanese Foreign Minister came to Pakistan "
                "when Taro Kono visited Islamabad on January 3-4, 2018.[^1] His talks gave new "
                f"life to a warm but lately quiet bilat{SOFT}eral relationship that had been left "
                "to officials, at a moment of change, at a time when the Indo-Pacific strategy of "
                "Tokyo and the China-Pakistan Economic "
                "Corridor are redrawing the map of Asia."
            ),
            para(
                "Kono met Prime Minister Shahid Khaqan Abbasi and Foreign Minister Khawaja "
                "Muhammad Asif. He announced that Japan would provide scanning equipment for "
                "the border crossings with Afghanistan and support the return of displaced "
                "families to South Waziristan.[^2] Both sides agreed to hold the next round of "
                "their strategic dialogue in Tokyo."
            ),
            para(
                "The relationship is older than the priorities of either capital. Diplomatic "
                "relations were established on April 28, 1952, and Japan became one of the "
                "largest bilateral donors to Pakistan in the decades that followed, financing the "
                "Kohat tunnel, the Indus Highway and power stations in Punjab and Sindh. After the "
                "earthquake of October 8, 2005, Japan sent a medical team and helicopters of its "
                "Self-Defense Forces to Kashmir, the first deployment of its kind in South Asia.[^3]"
            ),
            heading("Security Consultations"),
            para(
                "The ground had been prepared by officials. The Third Japan-Pakistan "
                "Consultations on Counter-Terrorism were held in Islamabad on December 19, 2017, "
                "where the delegations compared notes on terrorist financing and on the threat "
                "in the region.[^4] Earlier, Foreign Minister Katsuya Okada had visited Pakistan "
                "on October 12, 2009, and Hina Rabbani Khar had visited Tokyo on May 24-26, 2012."
            ),
            para(
                "Security is where the two governments still see the region differently. Japan "
                "signed a civil nuclear agreement with India on November 11, 2016, which "
                "Islamabad regards as a threat to strategic stability in South Asia, while Tokyo "
                "wants Pakistan to enforce the United Nations sanctions on North Korea in full. "
                "Kono raised the second point in each of his meetings in Islamabad.[^5]"
            ),
            para("Three issues remain on the table:"),
            item("nuclear cooperation, which Japan has so far offered only to India;"),
            item("counter-terrorism, where Tokyo follows the lead of Washington;"),
            item(
                "connectivity, where Japanese firms could join the special economic zones of "
                "the corridor."
            ),
            para(
                "On counter-terrorism the record is better than the rhetoric. Japan has trained "
                "Pakistani police officers since 2009 and funded forensic laboratories in Lahore "
                "and Karachi, and the two sides agreed during the consultations of December 2017 "
                "to exchange information on groups that raise money in both countries.[^6] "
                "Pakistani officials told the visiting delegation that the "
                "counter-terrorism units trained with Japanese funds had taken part in the "
                "operations in North Waziristan."
            ),
            heading("Trade Relations"),
            para(
                "Trade between the two countries has stayed close to two billion dollars a year, "
                "with Japanese exports rising while Pakistani exports have fallen, as the table "
                "below shows."
            ),
            ruled_table(
                "Pakistan's Trade with Japan (US$ million)",
                [
                    ["Year", "Exports", "Imports", "Total"],
                    ["2013", "431", "1,561", "1,992"],
                    ["2014", "302", "1,773", "2,075"],
                    ["2015", "236", "1,842", "2,078"],
                    ["2016", "171", "1,961", "2,132"],
                ],
                "Source: IMF, Direction of Trade Statistics, 2017.",
            ),
            para(
                "Japanese investment has followed the same path. Japan invested US$ 45.2 million "
                "in 2016-17, well below its level of 2014-15, and most of it went to the "
                "automobile industry, where Toyota, Honda and Suzuki assemble cars for the "
                "Pakistani market.[^7]"
            ),
            figures_table(
                "Japan's FDI in Pakistan (US$ million)",
                [["2013-14", "2014-15", "2015-16", "2016-17"], ["30.1", "71.1", "35.4", "45.2"]],
            ),
            heading("The Corridor and Beyond"),
            para(
                "Japan has not said whether its firms will invest in the special economic zones "
                "of the China-Pakistan Economic Corridor. Prime Minister Shinzo Abe told a "
                "conference in Tokyo on June 5, 2017, that Japan was ready to cooperate with the "
                "Belt and Road Initiative on conditions of openness, transparency and fiscal "
                "soundness, and Japanese diplomats in Islamabad have since repeated that position "
                "to business chambers in Karachi and Lahore."
            ),
            para(
                "People-to-people ties could carry the relationship further than governments "
                "have. About 12,000 Pakistanis live in Japan, most of them in the used-car trade, "
                "and a scheme agreed in 2019 opened Japanese hospitals and building sites to "
                "trained workers from Pakistan. Japanese is taught at the National University of "
                "Modern Languages in Islamabad, whose graduates staff the offices of Japanese "
                "companies in Pakistan."
            ),
            heading("Conclusion"),
            para(
                "The visit of Taro Kono showed that Tokyo wants a steadier relationship with "
                "Islamabad. Whether it leads to a visit by a Japanese Prime Minister, the first "
                "since Junichiro Koizumi came on April 30, 2005, will depend on progress in "
                "security and in trade."
            ),
        ],
        notes={
            "1": "Sana Qureshi, “A Foreign Minister in Islamabad after Eight Years”, The Frontier "
            "Post (Peshawar), January 2, 2018.",
            "2": "“Japan to fund scanners at border crossings”, Business Recorder (Karachi), "
            "January 5, 2018.",
            "3": "Japan International Cooperation Agency, Pakistan Office, Sixty Years of "
            "Cooperation, Islamabad, 2014.",
            "4": "Ministry of Foreign Affairs of Japan, Third Japan-Pakistan Consultations on "
            "Counter-Terrorism, press release, December 20, 2017.",
            "5": "“Kono presses Islamabad on North Korea sanctions”, The Japan Times (Tokyo), "
            "January 4, 2018.",
            "6": "National Counter Terrorism Authority, Annual Report 2017, Islamabad, 2018.",
            "7": "Board of Investment, Country-wise FDI Inflows, Islamabad, 2017.",
        },
        running_head="Issue Brief — Institute of Regional Studies Islamabad",
        page_number="Page {n} of {total}",
        metadata={"created": "D:20190305101500+05'00'"},
    )
    for key, value in changes.items():
        setattr(brief, key, value)
    return brief


def japan_kazakhstan(**changes: object) -> Brief:
    """A policy brief in two columns under a full-width title, notes at the foot of the
    column that cites them, "- n -" page numbers, a table of figures in a column."""
    brief = Brief(
        title="Japan and Kazakhstan after Three Decades: Uranium, Transit and the Middle Corridor",
        masthead=["CENTRE FOR EURASIAN STUDIES", "POLICY BRIEF No. 7/2020"],
        byline=["Aigerim Seitkali and Kenji Morimoto", "February 2020"],
        columns=2,
        blocks=[
            para(
                "Japan recognised Kazakhstan soon after its independence, and the two countries "
                "established diplomatic relations on January 26, 1992. President Nursultan "
                "Nazarbayev made his first visit to Tokyo in April 1994, when the two governments "
                "agreed to cooperate on the peaceful use of nuclear energy and on the clean-up of "
                f"the former test site at Semi{SOFT}palatinsk.[^1]"
            ),
            para(
                "Ten years later Tokyo gave its Central Asia policy a frame of its own. Foreign "
                "Minister Yoriko Kawaguchi launched the Central Asia plus Japan Dialogue in "
                "Astana on August 28, 2004, and Junichiro Koizumi became the first Japanese Prime "
                "Minister to visit the country on August 28, 2006, when he toured a uranium mine "
                f"and signed a memo{SOFT}randum on energy cooperation.[^2]"
            ),
            heading("Summits and Agreements"),
            para(
                "Prime Minister Shinzo Abe visited Astana on October 27, 2015, as part of a tour "
                "of all five Central Asian republics. Japanese companies signed agreements worth "
                "more than US$ 27 billion in the region during the tour, and Abe and Nazarbayev "
                "agreed to raise the relationship to an expanded strategic "
                f"partner{SOFT}ship.[^3] Nazarbayev returned the visit with a state visit to "
                "Japan on November 7-9, 2016, during which the two leaders signed an agreement "
                "on the promotion and protection of investment."
            ),
            para(
                "President Kassym-Jomart Tokayev attended the ceremony of the enthronement of "
                "Emperor Naruhito in Tokyo on October 22, 2019, and held talks with Abe the "
                "following day on transport corridors and on the digital economy.[^4] The two "
                "leaders asked their ministries to prepare a road map for cooperation in the "
                "Caspian region, where Japanese trading houses hope to finance a new port at Kuryk."
            ),
            heading("Trade and Investment"),
            para(
                "Trade between the two countries remains modest. Kazakhstan sells Japan uranium, "
                "ferro-alloys and rare metals, and buys cars, machinery and steel pipes; Japanese "
                "investment is concentrated in the extractive sector, in the Kashagan oil field "
                "and in the medical centre that Japan built at Semipalatinsk."
            ),
            figures_table(
                "Kazakhstan's Trade with Japan (US$ million)",
                [
                    ["Year", "Exports", "Imports", "Total"],
                    ["2016", "605", "545", "1,150"],
                    ["2017", "844", "528", "1,372"],
                    ["2018", "970", "681", "1,651"],
                    ["2019", "1,005", "800", "1,805"],
                ],
                "Source: Statistics Committee of Kazakhstan.",
            ),
            para(
                "The figures understate the role of Japanese capital, which often arrives "
                "through subsidiaries registered in the Netherlands or in Singapore. A study by "
                "the Japan External Trade Organization in 2019 counted 59 Japanese companies with "
                "offices in Almaty and Nur-Sultan.[^5]"
            ),
            heading("Outlook"),
            para(
                "Tokyo sees Kazakhstan as the anchor of its engagement in Central Asia and as a "
                "partner for the trans-Caspian route that bypasses Russia. The next Central Asia "
                "plus Japan foreign ministers' meeting, planned for the summer of 2020, will show "
                "whether the dialogue can turn statements into financed projects.[^6]"
            ),
        ],
        notes={
            "1": "Ministry of Foreign Affairs of Japan, Japan-Kazakhstan Relations, basic data, "
            "updated 2019.",
            "2": "Timur Dadabaev, “Japan's Central Asian Diplomacy after Koizumi”, Central Asian "
            "Survey, vol. 32, no. 4 (2013).",
            "3": "“Abe wraps up Central Asia tour”, Kyodo News, October 28, 2015.",
            "4": "Akorda press service, “Tokayev meets Abe in Tokyo”, October 23, 2019.",
            "5": "JETRO, Survey of Japanese-Affiliated Companies in Central Asia, Tokyo, 2019.",
            "6": "Interview with a Japanese diplomat, Nur-Sultan, January 2020.",
        },
        running_head="Centre for Eurasian Studies | Policy Brief",
        running_foot="www.eurasian-studies.kz",
        page_number="- {n} -",
        metadata={
            "title": "Japan-Kazakhstan brief final.docx",
            "author": "Windows User",
            "created": "D:20200214093000Z",
        },
    )
    for key, value in changes.items():
        setattr(brief, key, value)
    return brief
