"""Three documents we wrote about one meeting, dated three ways, for the anchor tests.

A foreign ministry's readout dated 2 March 2019 recalls the strategic dialogue "last
May"; a think tank's issue brief gives it as 14 May 2018; a newspaper as May 16, 2018.
One event of three sources, whose dates disagree, one of them counted from the
readout's own date.
"""

from __future__ import annotations

from pathlib import Path

READOUT = """Ministry of Foreign Affairs of Japan

Japan-Pakistan Foreign Ministers' Telephone Talk

March 2, 2019

On March 1, commencing at 9:15 p.m. for approximately 20 minutes, Mr. Taro Kono, \
Minister for Foreign Affairs of Japan, held a telephone talk with Mr. Shah Mahmood \
Qureshi, Minister of Foreign Affairs of the Islamic Republic of Pakistan. The overview \
is as follows.

1. Minister Kono expressed concern over the recent tension between India and Pakistan \
and called on both sides to exercise restraint.

2. The two ministers welcomed the outcome of the Japan-Pakistan Strategic Dialogue held \
in Islamabad last May, co-chaired by Deputy Minister Takeo Akiba, and hoped to hold its \
next round in Tokyo.
"""

BRIEF = """Pakistan and Japan: A Steady Partnership

Issue Brief, Institute of Strategic Studies Islamabad

10 January 2019

Official contacts between Islamabad and Tokyo have grown more regular. The \
Japan-Pakistan Strategic Dialogue was held in Islamabad on 14 May 2018, co-chaired by \
Foreign Secretary Tehmina Janjua and Deputy Minister Takeo Akiba.

Trade between the two countries stood at US$2.1 billion in 2017.
"""

NEWS = """Japan and Pakistan review ties in Islamabad

By Staff Reporter

Published in The Frontier Post, May 17, 2018

ISLAMABAD: Pakistan and Japan held their Strategic Dialogue in Islamabad on May 16, \
2018, with Foreign Secretary Tehmina Janjua and Deputy Minister Takeo Akiba leading \
the two delegations.

The two sides discussed investment and cooperation at the United Nations.
"""

DOCUMENTS = {"readout.txt": READOUT, "brief.txt": BRIEF, "news.txt": NEWS}


def write_documents(folder: Path) -> Path:
    """The three documents written into `folder`, which is returned."""
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in DOCUMENTS.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder
