"""Hypothesis strategies for hostile text: arbitrary Unicode, and news-shaped text that reaches
deep into the extractors (dates, places, numbers, triggers, quotes) cut and spliced at random."""

from __future__ import annotations

from hypothesis import strategies as st

# Fragments of conflict reporting, written for these tests; spliced with noise they reach the
# date, place, number, actor and modality rules that plain random text never triggers.
FRAGMENTS = (
    "On Friday,",
    "On 8 May 2020,",
    "since October 18",
    "in the past 10 days",
    "late November",
    "earlier today",
    "between 3 and 5 May",
    "yesterday",
    "32 December",
    "the 31st of February",
    "government forces",
    "Hayat Tahrir al-Sham fighters",
    "the SDF",
    "unidentified gunmen",
    "protesters",
    "the Israeli army",
    "Houthi forces",
    "shelled",
    "clashed with",
    "killed",
    "wounded",
    "at least 12 people",
    "dozens of civilians",
    "two",
    "1,000,000",
    "-5",
    "0",
    "in Idlib",
    "near Saraqib",
    "in al-Hasakah",
    "in southern Gaza",
    "Deir ez-Zor",
    "Marib",
    "the Syrian Observatory for Human Rights said.",
    "according to a local source.",
    "denied",
    "threatened to",
    "military drills",
    "\u201cwe will strike,\u201d he said.",
    "85 attacks since October 18",
    ".",
    ",",
    "\n",
    "\n\n",
    "(",
    ")",
    '"',
    "'",
    "—",
)

# Every code point, lone surrogates included: they reach sitrep through `str` APIs and JSON.
characters = st.characters(exclude_categories=())
noise = st.text(characters, max_size=40)
unicode_text = st.text(characters, max_size=400)
news_text = st.lists(st.one_of(st.sampled_from(FRAGMENTS), noise), max_size=25).map(" ".join)
any_text = st.one_of(unicode_text, news_text)
