"""Actor mentions (dictionary aliases, persons, short forms, unknown organisations) and event roles.

`actors` finds every mention of an actor in the text: aliases from the actor dictionary matched
with Aho-Corasick (longest match, word boundaries), facility words extended to their owner ("US
bases"), persons linked to the organisation named in their apposition ("a spokesman for
Kata'ib Hezbollah, Abu Fulan"), short forms and subject pronouns linked to the
nearest compatible earlier mention, and organisations spaCy's NER finds that the dictionary lacks.
`roles` (in `extract/actors/roles.py`) then picks actor1/actor2 for each draft.
"""

from __future__ import annotations

import logging
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, replace
from functools import cache
from typing import TYPE_CHECKING

import ahocorasick

from sitrep.extract.actors.roles import CIVILIANS_INTER, assign_draft_roles, demonym_countries
from sitrep.extract.events.triggers import lexicon
from sitrep.extract.places.location import is_dateline
from sitrep.extract.registry import extractor
from sitrep.extract.state import ActorMention, DocState
from sitrep.knowledge.actors import (
    DICTIONARY_FILES,
    NON_STATE_INTER,
    ActorDictionary,
    ActorEntry,
    AliasEntry,
    actor_dictionary,
    ignored_names,
    is_case_sensitive,
    local_branches,
    match_form,
    normalise_name,
    unidentified,
)
from sitrep.knowledge.groups import armed_name, fighter_nouns, group_inter
from sitrep.knowledge.lexicons import trie_alternation
from sitrep.knowledge.tablecache import cached_table
from sitrep.nlp.segment import span_tokens
from sitrep.records import Actor, Span

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token
    from spacy.tokens import Span as SpacySpan

log = logging.getLogger(__name__)

# Owner's facilities: the attack on "US bases" is an attack on the US military.
_FACILITY = re.compile(
    r"(?:'s)?\s+(?:military\s+|army\s+|occupation\s+|air\s+|naval\s+)?"
    r"(bases?|positions?|posts?|checkpoints?|headquarters|outposts?|sites?|embassy|embassies|barracks"
    r"|airports?|camps?|facilit(?:y|ies)|depots?|warehouses?|points?)\b",
    re.IGNORECASE,
)
# ACLED notes name the actor they code: "pro-STC forces, coded as Security Belt forces",
# "forces at a checkpoint, assumed to be Security Belt Forces", "(coded as Popular Resistance)",
# "gunmen (assumed Darfur communal militia)".
_CODING_REMARK = r"(?:(?:were|was|are|is)\s+)?(?:coded\s+as|assumed(?:\s+to\s+be)?)\s+(?:the\s+)?"
_CODED_AS = re.compile(r"\s*[,(]\s*" + _CODING_REMARK, re.I)
# … and before the coded name, after a phrase no actor was read in.
_CODED_AS_BEFORE = re.compile(r"\s*\(\s*" + _CODING_REMARK + "$", re.I)
# "three armed men (presumably dahalo militia)": an unidentified group's likely name, in brackets.
_PRESUMED_AS = re.compile(
    r"\s*\(\s*(?:presumably|presumed|probably|likely|possibly|suspected|believed\s+to\s+be)\s+"
    r"(?:the\s+)?",
    re.I,
)
# "security forces (NISA)", "a soldier (SNA)": ACLED's notes name the state's unit in brackets.
_UNIT_IN_BRACKETS = re.compile(r"\s*\(\s*")
# "unknown gunmen believed to be IS", "a group likely to be IS": ACLED codes
# the group an unidentified one is believed to be.
_SUSPECTED_AS = re.compile(
    r"\s*,?\s*(?:(?:were|was|are|is)\s+)?(?:believed|likely|thought|suspected|said)\s+to\s+"
    r"(?:be(?:long)?(?:\s+to)?|be\s+members\s+of)\s+(?:the\s+)?",
    re.I,
)
# "Al Muaili tribesmen", "Bani Ali and Al Badi tribesmen", "the Al Awad tribe".
_TRIBE_NAME = (
    r"(?:(?:Al|Bani|Bin|Ba|Abu|Ibn|Aal|Ahl|Beni)\s+)?[A-Z][\w'’-]+"
    r"(?:\s+(?:al|bin|Ba)\s+[A-Z][\w'’-]+)*"
)
_TRIBE = re.compile(
    rf"(?P<first>{_TRIBE_NAME})(?:\s+and\s+(?P<second>{_TRIBE_NAME}))?"
    r"\s+(?:tribesmen|tribe|tribal\s+(?:fighters|militia|militiamen|gunmen|members))\b"
)
# A local unit's place word before or after its group's name: "the Ye-U PDF", "PDF-Kalay",
# "PDF (Kalay)".
_BRANCH_WORD = r"[A-Z][\w'’]*(?:-[A-Z][\w'’]*)*"
_BRANCH_BEFORE = re.compile(rf"(?:^|[\s(])(?P<place>{_BRANCH_WORD})\s+$")
_BRANCH_AFTER = re.compile(rf"\s*(?:[-–]\s*|\()(?P<place>{_BRANCH_WORD})\)?")
# A faction's name after its umbrella's, for groups whose factions ACLED names in brackets
# ("Mayi Mayi Militia (Kifuafua)"): "Mayi Mayi Kifuafua", "Mayi Mayi militiamen (Simba)",
# "Mayi Mayi militia (Charles faction)", "Mayi Mayi militiamen from the Makanika faction".
_MEMBER_NOUNS = r"(?:[Mm]ilitia(?:men|s)?|members|militants|fighters|elements|combatants)"
_FACTION_AFTER = re.compile(
    rf"\s+(?:{_MEMBER_NOUNS}\s+)?"
    rf"(?:\((?P<bracket>{_BRANCH_WORD}(?:\s+{_BRANCH_WORD})?)(?:\s+faction)?\)"
    rf"|from\s+(?:the\s+)?(?P<source>{_BRANCH_WORD})\s+faction"
    rf"|(?P<name>{_BRANCH_WORD}(?:\s+{_BRANCH_WORD})?))"
)
_NOT_BRANCH_WORDS = frozenset(
    """the a an local one two three some several all other their its his combined joint
    township village district region state january february march april may june july august
    september october november december""".split()
)
_NOT_TRIBE_WORDS = frozenset(
    """the a an armed local unidentified unknown some several other rival hostile two three
    four five pro anti and of in from by with among between both its their his""".split()
)
# "35th Armoured Brigade", "4th Armored Division", "5th Assault Corps".
_NUMBERED_UNIT = re.compile(
    r"\b(\d{1,3}(?:st|nd|rd|th))\s+((?:[A-Z][a-z]+\s+){0,2})"
    r"(Brigade|Division|Corps|Regiment|Battalion)\b",
    re.IGNORECASE,
)
# Countries whose numbered army units ACLED names after the state forces (train notes: Yemen's
# government brigades, Syria's divisions; Iraq's numbered brigades are PMF factions).
_NUMBERED_UNIT_COUNTRIES = frozenset({"Yemen", "Syria"})
_BRITISH = re.compile(r"\barmoured\b", re.IGNORECASE)
_BRITISH_TO_ACLED = {"armoured": "Armored"}
# "anti-Houthi forces" are not the Houthis.
_NEGATED_BEFORE = re.compile(r"\b(?:anti|counter|non)[\s-]$", re.IGNORECASE)
# "Turkey-backed factions", "Iran-aligned militias": the state name only modifies another actor.
_MODIFIER_AFTER = re.compile(
    r"^[\s-](?:backed|led|affiliated|aligned|supported|funded|allied|sponsored)\b", re.I
)
# "the military coup", "the army's takeover": the force names the seizure of power it modifies.
_SEIZURE_AFTER = re.compile(r"(?:'s)?\s+(?:coup|takeover|putsch)\b", re.IGNORECASE)
# A police station's area named as a place ("a village under X police station limits").
_STATION_AREA_AFTER = re.compile(
    r"\s+stations?(?:'s)?\s+(?:limits?|area|jurisdiction)\b", re.IGNORECASE
)
# Short forms that stand for an earlier actor, and which actors they can stand for.
_SHORT_FORM = re.compile(
    r"\bthe (group|groups|militia|militias|movement|organi[sz]ation|faction|factions|coalition"
    r"|militants|insurgents|jihadists|rebels|alliance)\b",
    re.IGNORECASE,
)
# "in Tripoli", "into both countries", "in southern Syria", "across the northeastern region"
_LOCATIVE_BEFORE = re.compile(
    r"\b(?:in|into|inside|across|from|throughout)\s+(?:both\s+|the\s+)?"
    r"(?:(?:north|south)?(?:east|west)?(?:ern)?\s+)?$",
    re.I,
)
_COORDINATED_BEFORE = re.compile(r"\b([A-Z][\w.]+)\s*(?:,|and|&)\s*$")
_STATE_AFTER = re.compile(r"\s+(?:and|&)\s+(?:the\s+)?([A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*){0,2})")
# Nouns a demonym turns into the state's forces ("Israeli tanks", "Saudi shelling").
_MILITARY_NOUNS = frozenset(
    """shelling shell strike airstrike raid attack bombardment bombing rocket missile artillery fire
    drone plane jet aircraft helicopter warplane tank vessel ship boat patrol convoy column vehicle
    position post base outpost checkpoint deployment operation incursion offensive reinforcement
    bulldozer excavator troop soldier unit""".split()
)
_BARE_BRANCHES = frozenset({"{military}", "{police}", "{government}"})
# The unnamed armed men a group's name can come before ("Al-Shabaab gunmen", "Viv Ansanm gang
# members").
_UNNAMED_MEN = frozenset({"Unidentified Armed Group ({country})", "Unidentified Gang ({country})"})
_PRONOUNS = frozenset({"they", "them"})
_COREF_WINDOW = 3  # sentences back in which a short form or pronoun may find its antecedent
_MAX_NORP_TOKENS = 4
_ORGANISATION_WORDS = frozenset(
    """forces force army brigade brigades battalion battalions regiment division corps front
    movement party council group groups units unit militia militias organization organisation
    union association committee committees league coalition alliance operation room guard guards
    police ministry office authority authorities agency service services directorate commission
    government administration institute foundation federation confederation syndicate network
    faction factions resistance mobilization mobilisation jaish jaysh liwa kataib harakat hizb
    tanzim""".split()
)

# Last words of a name that make it a news medium, a source and never an actor: "National News
# Agency", "Al-Ahd TV", "Voice of the People Radio" (named outlets are in actor_ignore.csv).
_MEDIA_TAILS = frozenset(
    "news tv television radio channel newspaper gazette herald daily press".split()
)
_NEWS_AGENCY = ("news", "press")  # "… News Agency", "… Press Agency"


def _media_name(name: str) -> bool:
    words = [w.lower().strip(".,'’") for w in name.split()]
    if not words:
        return False
    if words[-1] == "agency":
        return len(words) > 1 and words[-2] in _NEWS_AGENCY
    return words[-1] in _MEDIA_TAILS


@dataclass(frozen=True, slots=True)
class AliasMatch:
    start: int
    end: int
    entries: tuple[AliasEntry, ...]


class AliasMatcher:
    """Every alias of an actor dictionary in two Aho-Corasick automatons (folded / exact case).

    The automatons hold positions in `dictionary.aliases`, not the entries, so that they pickle
    apart from the dictionary into the table cache (`knowledge/tablecache.py`)."""

    def __init__(
        self,
        dictionary: ActorDictionary,
        automatons: dict[bool, ahocorasick.Automaton] | None = None,
    ):
        self._aliases = dictionary.aliases
        self._automatons = automatons if automatons is not None else alias_automatons(dictionary)

    def find(self, text: str) -> list[AliasMatch]:
        """Non-overlapping alias matches on word boundaries, longest first."""
        found: list[AliasMatch] = []
        aliases = self._aliases
        for sensitive, automaton in self._automatons.items():
            if not len(automaton):
                continue
            for end_index, (length, positions) in automaton.iter(match_form(text, sensitive)):
                start, end = end_index - length + 1, end_index + 1
                if _on_word_boundaries(text, start, end):
                    found.append(AliasMatch(start, end, tuple(aliases[i] for i in positions)))
        found.sort(key=lambda m: (m.start - m.end, m.start))
        taken: list[AliasMatch] = []
        for m in found:
            if all(m.end <= t.start or m.start >= t.end for t in taken):
                taken.append(m)
        return sorted(taken, key=lambda m: m.start)


def alias_automatons(dictionary: ActorDictionary) -> dict[bool, ahocorasick.Automaton]:
    """Case-sensitive (True) and folded (False) automatons: match key -> (length, positions of
    the aliases it may be in `dictionary.aliases`)."""
    aliases = dictionary.aliases
    groups: dict[tuple[str, bool], list[int]] = defaultdict(list)
    for i, alias in enumerate(aliases):
        for form in _alias_keys(alias.alias):
            groups[form].append(i)
    automatons = {True: ahocorasick.Automaton(), False: ahocorasick.Automaton()}
    for (key, sensitive), positions in groups.items():
        # Hand-written rows before {demonym}-generated ones, state names last.
        ordered = tuple(sorted(positions, key=lambda i: (aliases[i].state, aliases[i].generated)))
        automatons[sensitive].add_word(key, (len(key), ordered))
    for automaton in automatons.values():
        if len(automaton):
            automaton.make_automaton()
    return automatons


@cache
def alias_matcher(year: int | None) -> AliasMatcher:
    """The matcher for one publication year, built once per process (its automatons once per
    knowledge version, through the table cache)."""
    dictionary = actor_dictionary(year)
    automatons = cached_table(
        f"alias-automatons-{year}",
        lambda: alias_automatons(dictionary),
        files=DICTIONARY_FILES,
        modules=("sitrep.knowledge.actors", __name__),
    )
    return AliasMatcher(dictionary, automatons)


@cache
def _alias_keys(alias: str) -> tuple[tuple[str, bool], ...]:
    """The (match form, case-sensitive) keys of one alias: the same in every year's matcher."""
    sensitive = is_case_sensitive(alias)
    keys = (" ".join(match_form(variant, sensitive).split()) for variant in _variants(alias))
    return tuple((key, sensitive) for key in keys if key)


def _variants(alias: str) -> set[str]:
    # "Kata'ib Hezbollah" is also written "Kataib Hezbollah".
    return {alias, alias.replace("'", "").replace("’", "")}


def _on_word_boundaries(text: str, start: int, end: int) -> bool:
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    return not before.isalnum() and not after.isalnum()


def choose_alias(entries: tuple[AliasEntry, ...], country: str | None) -> AliasEntry | None:
    """The reading of an alias in a document about `country`: its context row, else the default."""
    for entry in entries:
        if country is not None and country in entry.context:
            return entry
    for entry in entries:
        if not entry.context:
            return entry
    return None


def make_actor(entry: ActorEntry, text: str, loaded: bool = False) -> Actor:
    return Actor(entry.name, entry.inter, entry.country, entry.parent, text=text, loaded=loaded)


def document_year(state: DocState) -> int | None:
    return state.published.year if state.published else None


# -- the extractor ------------------------------------------------------------------------------


@extractor("actors", requires=("sentences", "places"), assigns=("actors",))
def find_actors(state: DocState) -> None:
    """Fill `state.actors` with every actor mention, in text order."""
    dictionary = actor_dictionary(document_year(state))
    mentions = dictionary_mentions(state, dictionary)
    mentions = with_units(state, mentions, dictionary)
    mentions = with_tribes(state, mentions, dictionary)
    mentions = with_communal_militias(state, mentions, dictionary)
    mentions = with_ethnic_militias(state, mentions, dictionary)
    mentions = with_clan_militias(state, mentions, dictionary)
    mentions = with_gangs(state, mentions, dictionary)
    mentions = with_bare_military(state, mentions, dictionary)
    mentions = with_governmental(state, mentions, dictionary)
    mentions = with_branches(state, mentions)
    mentions = with_factions(state, mentions)
    mentions = with_sub_groups(state, mentions, dictionary)
    mentions = with_either_groups(state, mentions, dictionary)
    mentions = with_coded_as(state, mentions)
    if state.doc is not None:
        mentions += demonym_mentions(state, mentions, dictionary)
        mentions += person_mentions(state, mentions, dictionary)
        mentions += pronoun_mentions(state, mentions)
        mentions += unknown_org_mentions(state, mentions)
    mentions += short_form_mentions(state, mentions, dictionary)
    mentions = [m for m in mentions if not _civilian_things(state, m)]
    state.actors = sorted(mentions, key=lambda m: (m.span.start, m.span.end))


# Things, not people, that "civilian" can describe: damage to them hits no one (ACLED codes no
# actor 2 for "civilian infrastructure was damaged").
_THINGS = frozenset(
    """infrastructure object objects facility facilities building buildings house houses home
    homes area areas property properties site sites structure structures settlement
    settlements neighborhood neighbourhood""".split()
)


def _civilian_things(state: DocState, mention: ActorMention) -> bool:
    """ "civilian infrastructure", "civilian objects": the word describes things, names no one."""
    if mention.actor.inter != CIVILIANS_INTER or state.doc is None:
        return False
    span = state.doc.char_span(mention.span.start, mention.span.end, alignment_mode="expand")
    if span is None or len(span) != 1:
        return False
    token = span[0]
    return token.dep_ in ("amod", "compound") and token.head.lemma_.lower() in _THINGS


def dictionary_mentions(state: DocState, dictionary: ActorDictionary) -> list[ActorMention]:
    """Alias matches resolved for the document's country; facility words extend to their owner."""
    text = state.text
    matches = alias_matcher(document_year(state)).find(text)
    country = (
        state.country_hint
        or _most_placed_country(state)
        or _most_named_country(text, matches, dictionary)
        or _most_actor_country(matches, dictionary)
    )
    mentions: list[ActorMention] = []
    taken = 0  # end of a state's name already read as a coordinated force ("… of A and B")
    for match in matches:
        if match.start < taken:
            continue
        alias = choose_alias(match.entries, country)
        if alias is None or _NEGATED_BEFORE.search(text[max(0, match.start - 8) : match.start]):
            continue
        if alias.state and _MODIFIER_AFTER.match(text[match.end : match.end + 14]):
            continue
        if _SEIZURE_AFTER.match(text, match.end):
            continue  # "denouncing the military coup": the coup, not the forces acting
        if _STATION_AREA_AFTER.match(text, match.end):
            continue  # "under Koya police station limits": where, not who
        surface = text[match.start : match.end]
        if alias.name == "{military}" and _own_army_name(text, match.start, surface, dictionary):
            continue  # "the Zomi Liberation Army": a group's own name, read as an organisation
        if alias.state and surface.isupper() and is_dateline(text, match.start):
            continue  # "BAGHDAD - Islamic State claimed …": where the report was filed
        owner = (
            _possessor_state(text, match.start, dictionary)
            if alias.name in _BARE_BRANCHES
            else None
        )
        entry = dictionary.resolve(alias, owner or country)
        if alias.name in _BARE_BRANCHES and owner is None:
            # "its bases and troops", "the last soldier": the state forces named just before.
            entry = (
                _recent_state_forces(
                    state,
                    mentions,
                    match.start,
                    alias.name[1:-1],
                    dictionary,
                    text[match.start : match.end],
                )
                or entry
            )
        if entry is None:
            continue
        start, end, kind = match.start, match.end, "state" if alias.state else "org"
        facility = _FACILITY.match(text, end)
        if facility and entry.kind in (
            "military",
            "police",
            "government",
            "rebel",
            "militia",
            "coalition",
        ):
            end, kind = facility.end(), "facility"
        if kind == "state" and _is_modifier(state, start, end):
            continue  # "the US dollar", "Iraq's economy": a country named as a modifier
        if kind == "state" and _country_of_place_before(state, start, end):
            continue  # "exploded over Tel Aviv, Israel, killing …": where, not who
        if (
            alias.name in _BARE_BRANCHES
            and mentions
            and not text[mentions[-1].span.end : start].strip()
        ):
            # "HTS security forces", "Coalition Forces warplanes": the noun belongs to the actor.
            previous = mentions.pop()
            span = state.span(previous.span.start, end)
            actor = replace(previous.actor, text=span.text)
            mentions.append(ActorMention(span, actor, previous.kind))
            continue
        if (
            alias.name in _UNNAMED_MEN
            and mentions
            and mentions[-1].kind == "org"
            and mentions[-1].actor.inter in NON_STATE_INTER
            and not text[mentions[-1].span.end : start].strip()
        ):
            # "Al-Shabaab gunmen", "ELN armed men", "G9 gang members": the group's own men, not a
            # second side
            previous = mentions.pop()
            span = state.span(previous.span.start, end)
            mentions.append(ActorMention(span, replace(previous.actor, text=span.text), "org"))
            continue
        if alias.generated:
            mentions += _coordinated_demonyms(state, match.start, entry, dictionary)
        span = state.span(start, end)
        mentions.append(ActorMention(span, make_actor(entry, span.text, alias.loaded), kind))
        if kind == "org" and " of " in alias.alias:
            other = _coordinated_state(state, end, entry, dictionary)
            if other is not None:
                mentions.append(other)
                taken = other.span.end
    return mentions


def with_coded_as(state: DocState, mentions: list[ActorMention]) -> list[ActorMention]:
    """ "pro-STC forces, coded as Security Belt forces": the mention takes the actor ACLED's note
    says it codes; the coded name is not a second actor. So does an unidentified group the text
    says is believed to be a named one ("gunmen believed to belong to IS")."""
    text = state.text
    out: list[ActorMention] = []
    skip: set[int] = set()
    for i, m in enumerate(mentions):
        if i in skip:
            continue
        coded = _CODED_AS.match(text, m.span.end)
        if coded is None and unidentified(m.actor.name):
            coded = _SUSPECTED_AS.match(text, m.span.end) or _PRESUMED_AS.match(text, m.span.end)
        nxt = mentions[i + 1] if i + 1 < len(mentions) else None
        if coded is None and _a_state_force(m) and nxt is not None and _a_state_force(nxt):
            # "security forces (presumed police and military)": the remark names which of the
            # state's forces ACLED codes, the first named
            coded = _PRESUMED_AS.match(text, m.span.end)
        if (
            coded is None
            and _a_state_force(m)
            and nxt is not None
            and _a_state_force(nxt)
            and text[nxt.span.end : nxt.span.end + 1] == ")"
        ):
            # "security forces (NISA)": the bracketed unit is which of the state's forces
            coded = _UNIT_IN_BRACKETS.fullmatch(text, m.span.end, nxt.span.start)
        if coded and nxt is not None and nxt.span.start == coded.end() and nxt.kind == "org":
            out.append(ActorMention(m.span, replace(nxt.actor, text=m.span.text), m.kind))
            skip.add(i + 1)
            continue
        named = _coded_phrase(state, m) if m.kind == "org" else None
        out.append(m if named is None else ActorMention(named, replace(m.actor, text=named.text)))
    return out


def _a_state_force(mention: ActorMention) -> bool:
    return mention.kind == "org" and mention.actor.inter == 1


def _coded_phrase(state: DocState, coded: ActorMention) -> Span | None:
    """ "fired at the enemy's lines (coded as Southern Resistance)": the phrase the
    remark codes, where no actor was read, so that the coded actor stands where the clause names
    it rather than in a parenthesis no verb governs."""
    remark = _CODED_AS_BEFORE.search(state.text, max(0, coded.span.start - 40), coded.span.start)
    if remark is None or state.doc is None:
        return None
    before = state.doc.char_span(0, remark.start(), alignment_mode="contract")
    if before is None or len(before) == 0:
        return None
    head = before[-1]
    if head.pos_ not in ("NOUN", "PROPN") or head.left_edge.i > head.i:
        return None
    start = head.left_edge.idx
    if head.i - head.left_edge.i > 4:  # a clause, not a phrase
        return None
    return Span(state.text[start : remark.start()], start, remark.start())


def _country_of_place_before(state: DocState, start: int, end: int) -> bool:
    """The country named right after a place inside it ("in Aleppo, Syria"; "over Tel Aviv,
    Israel killing a man"): it tells where the place is, it is no state acting."""
    if state.text[end : end + 1] in ("'", "\u2019"):
        return False  # "in Kabul, Afghanistan's army …": the country's own force
    here = next(
        (
            p
            for p in state.places
            if p.span.start == start and p.span.end == end and p.place.feature == "country"
        ),
        None,
    )
    if here is None:
        return False
    return any(
        p.place.feature != "country"
        and p.place.country == here.place.country
        and p.span.end < start
        and state.text[p.span.end : start] in (", ", ",")
        for p in state.places
    )


def _is_modifier(state: DocState, start: int, end: int) -> bool:
    if state.doc is None:
        return False
    span = state.doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return False
    root = span.root
    return (
        root.dep_ in ("compound", "nmod", "amod", "poss")
        and root.head.pos_ == "NOUN"
        and root.head.i > root.i
    )


def _coordinated_demonyms(
    state: DocState, start: int, entry: ActorEntry, dictionary: ActorDictionary
) -> list[ActorMention]:
    """ "Turkish and Russian forces": the first demonym shares the force noun of the second."""
    found = _COORDINATED_BEFORE.search(state.text[max(0, start - 40) : start])
    if not found:
        return []
    country = demonym_countries(dictionary).get(found.group(1).lower())
    if country is None or entry.kind not in ("military", "police", "government"):
        return []
    other = dictionary.entry(dictionary.state_name(country, entry.kind))
    if other is None:
        return []
    offset = max(0, start - 40) + found.start(1)
    span = state.span(offset, offset + len(found.group(1)))
    return [ActorMention(span, make_actor(other, span.text), "org")]


def _coordinated_state(
    state: DocState, end: int, entry: ActorEntry, dictionary: ActorDictionary
) -> ActorMention | None:
    """ "military forces of India and Pakistan": the second state's name shares the force noun."""
    found = _STATE_AFTER.match(state.text, end)
    if not found or entry.kind not in ("military", "police", "government"):
        return None
    names = _state_countries(dictionary)
    words = found.group(1).split()
    for n in range(len(words), 0, -1):
        country = names.get(" ".join(words[:n]).lower())
        if country is None or country == entry.country:
            continue
        other = dictionary.entry(dictionary.state_name(country, entry.kind))
        if other is None:
            return None
        start = found.start(1)
        span = state.span(start, start + len(" ".join(words[:n])))
        return ActorMention(span, make_actor(other, span.text), "org")
    return None


@cache
def _state_countries(dictionary: ActorDictionary) -> dict[str, str]:
    return {
        name.lower(): c.country
        for c in dictionary.countries.values()
        for name in (c.country, *c.names)
    }


_POSSESSOR = re.compile(r"((?:[A-Z][\w.-]*\s+){0,2}[A-Z][\w.-]*)['\u2019]s\s+$")


def _possessor_state(text: str, start: int, dictionary: ActorDictionary) -> str | None:
    """The country a state's name in the possessive names right before a force noun
    ("Burkina Faso's army", "Sudan's police"): that state's force, whatever country the dateline
    or the rest of the report names ("DAKAR - Burkina Faso's army killed …")."""
    found = _POSSESSOR.search(text[max(0, start - 40) : start])
    if found is None:
        return None
    words = found.group(1).split()
    names = _state_countries(dictionary)
    for first in range(len(words)):  # the longest name ending at the possessive
        country = names.get(" ".join(words[first:]).lower())
        if country is not None:
            return country
    return None


def state_countries(dictionary: ActorDictionary) -> dict[str, str]:
    """The country each state's name (lower case: "pakistan", "khartoum") stands for."""
    return _state_countries(dictionary)


@cache
def _demonym_pattern(dictionary: ActorDictionary) -> re.Pattern[str]:
    words = sorted(demonym_countries(dictionary), key=len, reverse=True)
    # The look-ahead for a first letter lets most word starts fail before the ~200 alternatives
    # are tried one by one: the same matches in half the time.
    first = re.escape("".join(sorted({w[0] for w in words})))
    # Lower case and ASCII: no two letters of the factored form match one character case blind.
    alternatives = (
        trie_alternation([w.lower() for w in words])
        if all(w.isascii() for w in words)
        else "|".join(map(re.escape, words))
    )
    return re.compile(rf"\b(?=[{first}])(?:{alternatives})\b", re.IGNORECASE)


def _recent_state_forces(
    state: DocState,
    mentions: list[ActorMention],
    offset: int,
    branch: str,
    dictionary: ActorDictionary,
    words: str = "",
) -> ActorEntry | None:
    """The state forces a bare force noun (`words`: "troops", "police officers") stands for: the
    branch `branch` of the state whose forces were named in the last sentences; a named unit
    whose name holds the noun itself ("Military Police officers … a shoot-out between police
    officers and …") when it was the forces named."""
    first = (
        state.sentences[max(state.sentence_of(offset) - _COREF_WINDOW, 0)].start
        if state.sentences
        else 0
    )
    for m in reversed(mentions):
        if m.span.start < first:
            break
        if m.kind == "state" and _LOCATIVE_BEFORE.search(
            state.text[max(0, m.span.start - 28) : m.span.start]
        ):
            continue  # "in Tripoli" names a place, not the forces that act next
        if branch == "police" and m.kind in ("state", "facility"):
            # "listed as terrorist by the United States … a police station in Rask", "outside
            # the Israeli embassy … dispersed by police": a police force keeps its own country's
            # order; a foreign state named only by its name or a building of it sends none
            continue
        entry = dictionary.entry(m.actor.name)
        if (
            entry is not None
            and entry.country
            and entry.kind in ("military", "police", "government")
        ):
            if _unit_named_by(entry, words):
                return entry
            return dictionary.entry(dictionary.state_name(entry.country, branch))
    return None


def _unit_named_by(entry: ActorEntry, words: str) -> bool:
    """Whether `entry` is a unit of a state's forces whose own name holds one of `words`
    ("Military Police" for "police officers", not "Air Force" for "soldiers")."""
    if not entry.parent or not entry.name.startswith(entry.parent):
        return False
    unit = set(entry.name[len(entry.parent) :].lower().split())
    return any(w in unit for w in words.lower().split())


def with_units(
    state: DocState, mentions: list[ActorMention], dictionary: ActorDictionary
) -> list[ActorMention]:
    """`mentions` plus numbered army units ("the 35th Armoured Brigade", "4th Armored Division")
    as ACLED names them: the document country's military followed by the unit ("Military Forces
    of Yemen (2012-) 35th Armored Brigade"). A unit another actor owns ("PMF's 30th Brigade") is
    left alone; one named after its own army ("the pro-Hadi 22nd Brigade") absorbs that mention."""
    country = document_country_of(state)
    if country not in _NUMBERED_UNIT_COUNTRIES:
        return mentions
    military = dictionary.state_name(country, "military")
    entry = dictionary.entry(military)
    out = list(mentions)
    for match in _NUMBERED_UNIT.finditer(state.text):
        start, end = match.start(), match.end()
        if any(m.span.start < end and start < m.span.end for m in out):
            continue
        owner = next(
            (
                m
                for m in reversed(out)
                if m.span.end <= start and not state.text[m.span.end : start].strip(" -'’s")
            ),
            None,
        )
        if owner is not None and owner.actor.name != military:
            continue  # "Houthi 5th Brigade": the owner's unit
        if owner is not None:
            out.remove(owner)
            start = owner.span.start
        kind = _BRITISH.sub(lambda b: _BRITISH_TO_ACLED[b.group(0).lower()], match.group(2))
        name = f"{military} {match.group(1)} {kind.title()}{match.group(3).title()}"
        if not kind:
            name = _known_unit(dictionary, military, match.group(1), match.group(3)) or name
        span = state.span(start, end)
        inter = entry.inter if entry is not None else 1
        out.append(ActorMention(span, Actor(name, inter, country, military, span.text), "org"))
    return sorted(out, key=lambda m: (m.span.start, m.span.end))


def _known_unit(
    dictionary: ActorDictionary, military: str, ordinal: str, formation: str
) -> str | None:
    """The one unit of the dictionary with that number and formation whose name adds its type
    ("4th Division" is ACLED's "4th Armored Division", "5th Corps" its "5th Assault Corps"), so
    that a unit the text names short is coded as ACLED names it."""
    prefix, suffix = f"{military} {ordinal.lower()} ", f" {formation.title()}"
    found = {
        entry.name
        for entry in dictionary.actors.values()
        if entry.name.lower().startswith(prefix.lower()) and entry.name.endswith(suffix)
    }
    return next(iter(found)) if len(found) == 1 else None


def with_tribes(
    state: DocState, mentions: list[ActorMention], dictionary: ActorDictionary
) -> list[ActorMention]:
    """`mentions` with named tribes as ACLED codes them: "Al Muaili tribesmen" → "Al Muaili
    Tribal Militia (Yemen)"; "between Bani Ali and Al Badi tribesmen" names two militias. The
    generic "tribesmen" mention inside the name is replaced."""
    country = document_country_of(state)
    generic = dictionary.generic("Unidentified Tribal Militia ({country})", country)
    if generic is None:
        return mentions
    out = list(mentions)
    text = state.text
    for match in _TRIBE.finditer(text):
        names = [(match.start("second"), match.end("second"))] if match.group("second") else []
        names.insert(0, (match.start("first"), match.end("first")))
        if any(_not_a_tribe(state, out, text, a, b) for a, b in names):
            continue
        out = [
            m
            for m in out
            if not (m.span.start < match.end() and match.start() < m.span.end)
            or m.actor.name != generic.name
        ]
        for i, (a, b) in enumerate(names):
            # The last name carries the tribe noun ("Al Badi tribesmen"), the first stands alone.
            end = match.end() if i == len(names) - 1 else b
            name = f"{text[a:b]} Tribal Militia ({country})"
            out.append(_group(state, a, end, name, generic.inter, country))
    return sorted(out, key=lambda m: (m.span.start, m.span.end))


def _overlaps(mentions: list[ActorMention], start: int, end: int) -> bool:
    return any(m.span.start < end and start < m.span.end for m in mentions)


def _outside(mentions: list[ActorMention], start: int, end: int) -> list[ActorMention]:
    return [m for m in mentions if not (m.span.start < end and start < m.span.end)]


def _group(state: DocState, start: int, end: int, name: str, inter: int | None,
           country: str | None) -> ActorMention:  # fmt: skip
    """A group the dictionary lacks, named from the text's own words."""
    span = state.span(start, end)
    return ActorMention(span, Actor(name, inter, country, None, span.text), "org")


# "Zamfara militiamen", "a Katsina communal militia", "Darfur communal militias": a militia named
# after the place its members come from.
_PLACE_MILITIA = re.compile(
    r"\b(?P<place>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?)\s+(?P<communal>communal\s+)?"
    r"(?:militiamen|militias|militia)\b"
)
# "communal militias from Odejo", "militiamen from Tonj South county": where they come from.
_MILITIA_FROM = re.compile(
    r"\b(?:communal\s+)?(?:militiamen|militias|militia)\s+from\s+"
    r"(?P<place>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?)"
)


def with_communal_militias(
    state: DocState, mentions: list[ActorMention], dictionary: ActorDictionary
) -> list[ActorMention]:
    """`mentions` with militias named after a place as ACLED codes them: "Zamfara militiamen" →
    "Zamfara Communal Militia (Nigeria)" (ACLED's communal militias carry the name of their state,
    region or town). Only a name the text reads as a place of the document's country, and no
    other actor's name; the generic militia mention inside is replaced."""
    country = document_country_of(state)
    generic = dictionary.generic("Unidentified Communal Militia ({country})", country)
    if generic is None:
        return mentions
    out = list(mentions)
    demonyms = demonym_countries(dictionary)
    matches = [*_PLACE_MILITIA.finditer(state.text), *_MILITIA_FROM.finditer(state.text)]
    for match in matches:
        a, b = match.span("place")
        # "Babika communal militiamen", "militias from Odejo" say it is a place, resolved or not
        told = match.re is _MILITIA_FROM or match.group("communal")
        if not told and not any(p.span.start == a and p.span.end == b
                                and p.place.country == country
                                for p in state.places):  # fmt: skip
            continue
        words = state.text[a:b].split()
        if told and (
            words[0].lower() in _NOT_PEOPLE_NAMES
            or any(w.lower() in demonyms or w.isupper() for w in words)
            or _CAPITALISED_BEFORE.search(state.text, max(0, a - 40), a)
        ):
            continue
        if _overlaps(out, a, b):
            continue  # "Houthi militia", "Fulani militiamen": an actor's own name
        start, end = min(a, match.start()), max(b, match.end())
        name = f"{state.text[a:b]} Communal Militia ({country})"
        out = [*_outside(out, start, end), _group(state, start, end, name, generic.inter, country)]
    return sorted(out, key=lambda m: (m.span.start, m.span.end))


# "suspected Murle raiders", "Samburu pastoral militia", "Bassa ethnic militiamen": armed men named
# after their people.
_PEOPLE_MILITIA = re.compile(
    r"\b(?P<name>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?)\s+(?P<kind>(?:ethnic|pastoral|cattle)\s+)?"
    r"(?P<noun>militiamen|militias|militia|raiders|pastoralists)\b"
)
# Capitalised words opening a sentence that name no people ("Suspected Murle raiders").
_NOT_PEOPLE_NAMES = frozenset(
    "the a an this that these those armed suspected alleged presumed unknown unidentified local "
    "rival some several other many two three four five six ten dozens hundreds".split()
)


_CAPITALISED_BEFORE = re.compile(r"\b[A-Z][\w'’-]*\s+$")
# "Iranian-backed", "Saudi-led", "Government-aligned": a word telling a militia's patron.
_BACKER = re.compile(
    r"-(?:backed|led|aligned|allied|affiliated|linked|sponsored|funded|supported)$"
)
_CREED_WORDS = frozenset(
    "islamist islamic jihadist christian muslim catholic hindu buddhist salafist".split()
)


def with_ethnic_militias(
    state: DocState, mentions: list[ActorMention], dictionary: ActorDictionary
) -> list[ActorMention]:
    """`mentions` with armed men named after their people as ACLED codes them: "suspected Murle
    raiders", "Samburu pastoral militia" → "Murle/Samburu Ethnic Militia (<country>)" (inter 4).
    Not a name that is a place (a communal militia), a country's demonym ("Kenyan militia") or
    another actor's name ("Fulani militia" has its own row); the generic mention inside is
    replaced."""
    country = document_country_of(state)
    generic = dictionary.generic("Unidentified Communal Militia ({country})", country)
    if generic is None:
        return mentions
    demonyms = demonym_countries(dictionary)
    out = list(mentions)
    for match in _PEOPLE_MILITIA.finditer(state.text):
        if _CAPITALISED_BEFORE.search(state.text, max(0, match.start() - 40), match.start()):
            continue  # "Sit Tat Saw Bo militia": the end of a longer name
        words = match.group("name").split()
        while words and words[0].lower() in _NOT_PEOPLE_NAMES:
            words.pop(0)
        if not words or any(w.lower() in demonyms or w.isupper() for w in words):
            continue  # "Kenyan militia"; "RRR militiamen", "NDC militia": a group's acronym
        if words[0].lower() in _CREED_WORDS:
            continue  # "Islamist militia": what its men believe, not their people
        if any(_BACKER.search(w) for w in words):
            continue  # "Iranian-backed militia", "Saudi-led militias": who stands behind them
        b = match.end("name")
        a = b - len(" ".join(words))
        if state.text[a:b] != " ".join(words):
            continue  # the two words were split by more than a space
        told = match.group("kind") or match.group("noun") in ("raiders", "pastoralists")
        if not told and state.names_place(a, b):
            continue  # "Zamfara militiamen": a place's ("Samburu pastoral militia": a people)
        if _overlaps(out, a, b):
            continue  # "Houthi militia", "Fulani militiamen": an actor's own name
        name = f"{state.text[a:b]} Ethnic Militia ({country})"
        out = [*_outside(out, match.start(), match.end()),
               _group(state, a, match.end(), name, generic.inter, country)]  # fmt: skip
    return sorted(out, key=lambda m: (m.span.start, m.span.end))


# "Marehan clan militia", "Dhulbahante-Hassan Ugas sub-clan militia", "militiamen from the
# Leelkayse clan": a clan's armed men by the clan's name.
_CLAN_NAME = r"[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?"
_CLAN_MILITIAS = (
    re.compile(
        rf"\b(?P<name>{_CLAN_NAME})\s+(?P<sub>sub[- ]?)?clan\s+"
        r"(?:militias?|militiamen|members|gunmen|fighters)\b"
    ),
    re.compile(
        r"\b(?:militiamen|militias?|fighters|gunmen|members)\s+(?:from|of)\s+the\s+"
        rf"(?P<name>{_CLAN_NAME})\s+(?P<sub>sub[- ]?)?clan\b"
    ),
)


def with_clan_militias(
    state: DocState, mentions: list[ActorMention], dictionary: ActorDictionary
) -> list[ActorMention]:
    """`mentions` with a clan's armed men as ACLED codes them: "Marehan clan militia",
    "militiamen from the Leelkayse clan" → "Marehan/Leelkayse Clan Militia (<country>)", a
    sub-clan's "<Name> Sub-Clan Militia (<country>)" (inter 4); not another actor's name, a
    demonym or the end of a longer name. The generic mention inside is replaced."""
    country = document_country_of(state)
    generic = dictionary.generic("Unidentified Clan Militia ({country})", country)
    if generic is None:
        return mentions
    demonyms = demonym_countries(dictionary)
    out = list(mentions)
    for pattern in _CLAN_MILITIAS:
        for match in pattern.finditer(state.text):
            a, b = match.span("name")
            words = match.group("name").split()
            if words[0].lower() in _NOT_PEOPLE_NAMES or any(w.lower() in demonyms for w in words):
                continue
            if _CAPITALISED_BEFORE.search(state.text, max(0, a - 40), a):
                continue
            if _overlaps(out, a, b):
                continue
            kind = "Sub-Clan" if match.group("sub") else "Clan"
            name = f"{match.group('name')} {kind} Militia ({country})"
            group = _group(state, match.start(), match.end(), name, generic.inter, country)
            out = [*_outside(out, match.start(), match.end()), group]
    return sorted(out, key=lambda m: (m.span.start, m.span.end))


# "the Los Correa gang", "members of the Pix gang", "the Gulf Cartel": a criminal group by its name.
_GANG = re.compile(
    r"\b(?P<name>[A-Z0-9][\w'’-]*(?:\s+(?:(?:de|del|la|los)\s+)?[A-Z][\w'’-]*){0,3})"
    r"\s+(?P<noun>[Gg]ang|Cartel)\b"
)
# Capitalised words opening a sentence or a phrase that are no part of a gang's name, and
# numbers that are none alone ("Two gang members"; "One Order Gang" is a name).
_NOT_GANG_NAMES = frozenset(
    "the a an this that another rival local armed criminal alleged suspected members member".split()
)
_GANG_COUNTS = frozenset("one two three four five six seven eight nine ten several some".split())


def with_gangs(
    state: DocState, mentions: list[ActorMention], dictionary: ActorDictionary
) -> list[ActorMention]:
    """`mentions` with named criminal groups the dictionary lacks as ACLED codes them: "the Los
    Correa gang" → "Los Correa Gang", "the Gulf Cartel" → "Gulf Cartel" (inter 3, as its
    unidentified gangs). Each name is too rare to list (one or two train notes each); a name that
    is another actor's ("Jalisco New Generation Cartel") stays that actor."""
    country = document_country_of(state)
    generic = dictionary.generic("Unidentified Gang ({country})", country)
    if generic is None:
        return mentions
    out = list(mentions)
    for match in _GANG.finditer(state.text):
        a, b = match.span("name")
        words = state.text[a:b].split()
        while words and words[0].lower() in _NOT_GANG_NAMES and len(words) > 1:
            a = state.text.index(words[1], a + len(words[0]))
            words = words[1:]
        if len(words) == 1 and words[0].lower() in _NOT_GANG_NAMES | _GANG_COUNTS:
            continue
        if _overlaps(out, a, match.end()):
            continue  # another actor's name, or an actor in the phrase
        noun = "Cartel" if match.group("noun") == "Cartel" else "Gang"
        name = f"{' '.join(words)} {noun}"
        out.append(_group(state, a, match.end(), name, generic.inter, country))
    return sorted(out, key=lambda m: (m.span.start, m.span.end))


# "military and police forces arrested …", "military and Pyu Saw Htee torched …": the bare noun
# joined to another force or a named group ("military and logistical equipment" is an adjective).
_BARE_MILITARY = re.compile(
    r"(?<![\w-])(?P<noun>military)(?=\s+(?:and|&)\s+(?:the\s+)?(?:police\b|[A-Z]))"
)


def with_bare_military(
    state: DocState, mentions: list[ActorMention], dictionary: ActorDictionary
) -> list[ActorMention]:
    """`mentions` with a bare "military" joined to another force ("military and police forces
    arrested a model") as the document country's military, which the roles then read as the
    first of the two sides (the alias list holds "the military", not the adjective alone)."""
    entry = dictionary.generic("{military}", document_country_of(state))
    if entry is None:
        return mentions
    out = list(mentions)
    for match in _BARE_MILITARY.finditer(state.text):
        a, b = match.span("noun")
        if _overlaps(out, a, b):
            continue  # "Myanmar military", "the military": named already
        span = state.span(a, b)
        out.append(ActorMention(span, make_actor(entry, span.text), "org"))
    return sorted(out, key=lambda m: (m.span.start, m.span.end))


# "the governmental positions", "governmental forces": the state's own forces, as monitors'
# reports word them (a rule, not an alias row: the unknown-actor model's training reads the
# alias rows, and these notes' unnamed sides are what it learns from).
_GOVERNMENTAL = re.compile(
    r"(?<![\w-])governmental\s+(?:(?P<forces>forces|troops|soldiers|army)"
    r"|(?P<facility>positions?|posts?|checkpoints?|bases?|outposts?|trenches))\b",
    re.IGNORECASE,
)


# "a military convoy", "the military outpost", "military jets", "a military air strike": the
# state's forces named by what they hold, move or fly in or strike with, when no one is named
# before the adjective ("Turkish military base" is Turkey's).
_MILITARY_HOLDING = re.compile(
    r"(?<![\w-])military(?:'s)?\s+(?:(?P<forces>convoys?|patrols?|columns?|personnel|units?"
    r"|(?:fighter\s+)?jets?|warplanes?|aircraft|helicopters?|planes?|drones?"
    r"|(?:air\s*|drone\s+)strikes?|bombardments?)"
    r"|(?P<facility>vehicles?|trucks?|outposts?|bases?|posts?|checkpoints?|camps?|positions?"
    r"|barracks|compounds?|infrastructure|installations?|facilit(?:y|ies)|forts?))\b",
    re.IGNORECASE,
)


def with_governmental(
    state: DocState, mentions: list[ActorMention], dictionary: ActorDictionary
) -> list[ActorMention]:
    """`mentions` with "governmental positions/forces" as the document country's military (a
    facility of it for a position, a post, a base), and so "military convoy/outpost/vehicle"
    when the adjective follows no name of its own."""
    entry = dictionary.generic("{military}", document_country_of(state))
    if entry is None:
        return mentions
    out = list(mentions)
    matches = list(_GOVERNMENTAL.finditer(state.text))
    matches += [
        m
        for m in _MILITARY_HOLDING.finditer(state.text)
        if not _named_before(state.text, m.start(), mentions)
        and not _OWNER_AFTER.match(state.text, m.end())
    ]
    for match in matches:
        a, b = match.span()
        if _overlaps(out, a, b):
            continue
        span = state.span(a, b)
        kind = "facility" if match.group("facility") else "org"
        out.append(ActorMention(span, make_actor(entry, span.text), kind))
    return sorted(out, key=lambda m: (m.span.start, m.span.end))


def _named_before(text: str, start: int, mentions: list[ActorMention]) -> bool:
    """An actor's name or a capitalised word (a demonym, a country) stands right before
    `start`, so the words after it are that actor's ("the Turkish military base")."""
    before = text[max(0, start - 40) : start].rstrip()
    if any(m.span.end == len(before) + max(0, start - 40) for m in mentions):
        return True
    word = re.search(r"([\w'’-]+)$", before)
    return (
        word is not None
        and word.group(1)[:1].isupper()
        and word.group(1).lower() not in _OPENING_WORDS
    )


# "military vehicles belonging to X", "… of X", "… owned by X": the owner is named after.
_OWNER_AFTER = re.compile(r"\s+(?:belong|of\b|owned|used by|operated)", re.IGNORECASE)
# Capitalised words that open a sentence and name no one ("A military convoy was hit").
_OPENING_WORDS = frozenset({"the", "a", "an", "its", "their", "two", "three", "several", "one"})


def with_branches(state: DocState, mentions: list[ActorMention]) -> list[ActorMention]:
    """`mentions` with a group's local units under ACLED's names for them (`actor_branches.csv`):
    "the Ye-U PDF", "PDF-Kalay" → "People's Defense Force - Ye-U". The place word must not be
    another actor ("NUG PDF") nor a common word ("the local PDF")."""
    branches = {g: n for g, n in local_branches().items() if not n.endswith("({place})")}
    if not any(m.actor.name in branches for m in mentions):
        return mentions
    text = state.text
    out = []
    for m in mentions:
        template = branches.get(m.actor.name)
        if template is None or m.kind != "org":
            out.append(m)
            continue
        start, end = m.span.start, m.span.end
        before = _BRANCH_BEFORE.search(text, max(0, start - 40), start)
        after = _BRANCH_AFTER.match(text, end)
        if before is not None and _branch_place(before, mentions):
            place, start = before.group("place"), before.start("place")
        elif after is not None and _branch_place(after, mentions):
            place, end = after.group("place"), after.end()
        else:
            out.append(m)
            continue
        span = state.span(start, end)
        name = template.replace("{place}", place)
        actor = replace(m.actor, name=name, parent=m.actor.name, text=span.text)
        out.append(ActorMention(span, actor, m.kind))
    return out


def with_factions(state: DocState, mentions: list[ActorMention]) -> list[ActorMention]:
    """`mentions` with the factions of a group ACLED names in brackets after it
    (`actor_branches.csv` rows named "<group> ({place})"): "Mayi Mayi Kifuafua militiamen" →
    "Mayi Mayi Militia (Kifuafua)". The faction's words must not be another actor ("Mayi Mayi
    UPLC" is the UPLC) nor a member noun; the faction's own mention, if any, joins the group's."""
    factions = {
        group: name for group, name in local_branches().items() if name.endswith("({place})")
    }
    if not any(m.actor.name in factions and m.kind == "org" for m in mentions):
        return mentions
    out = list(mentions)
    for m in mentions:
        template = factions.get(m.actor.name)
        found = _FACTION_AFTER.match(state.text, m.span.end) if template else None
        if template is None or found is None or m.kind != "org":
            continue
        group = next(g for g in ("bracket", "source", "name") if found.group(g))
        faction, (a, b) = found.group(group), found.span(group)
        if faction.split()[0].lower() in _NOT_BRANCH_WORDS or re.fullmatch(
            _MEMBER_NOUNS, faction.split()[0]
        ):
            continue
        name = template.replace("{place}", faction)
        inside = [o for o in out if o.span.start < b and a < o.span.end]
        if any(o.actor.name != name for o in inside):
            continue  # another actor's name ("Mayi Mayi UPLC")
        span = state.span(m.span.start, found.end())
        actor = replace(m.actor, name=name, parent=m.actor.name, text=span.text)
        out = [o for o in out if o is not m and o not in inside]
        out.append(ActorMention(span, actor, m.kind))
    return sorted(out, key=lambda o: (o.span.start, o.span.end))


# What may stand between a group's unit and the group naming it: brackets, a slash, and the
# words ACLED's sources put around a front's name ("the dissident FARC faction Carlos Patino",
# "the Carlos Patino FARC dissident faction", "Katiba Gourma (JNIM)"), and the members' noun
# before the unit they come from ("X militiamen from the Y faction").
_UNIT_GAP = re.compile(
    rf"[\s()\[\]/-]*(?:{_MEMBER_NOUNS}\s+from\s+(?:[Tt]he\s+)?)?"
    r"(?:(?:dissidents?|factions?|fronts?)[\s()\[\]/-]*)*"
)


@cache
def _units_of(year: int | None) -> dict[str, tuple[tuple[str, str], ...]]:
    """Armed group → (alias, unit name) of its own named units (`actors.csv` rows whose parent
    is a group, not a state's force), longest alias first."""
    dictionary = actor_dictionary(year)
    units: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for alias, name in dictionary.alias_names():  # the surface words, no alias entry made
        entry = dictionary.actors.get(name)
        if entry is None or not entry.parent or entry.parent == entry.name:
            continue
        parent = dictionary.actors.get(entry.parent)
        if parent is None or parent.inter not in NON_STATE_INTER:
            continue
        units[parent.name].append((alias, entry.name))
    return {g: tuple(sorted(u, key=lambda a: -len(a[0]))) for g, u in units.items()}


def with_sub_groups(
    state: DocState, mentions: list[ActorMention], dictionary: ActorDictionary
) -> list[ActorMention]:
    """A group's unit named beside the group is the unit, as ACLED codes it: "the dissident FARC
    faction Carlos Patino", "the Jaime Martinez FARC dissident faction", "Katiba Gourma (JNIM)
    militants", "Katiba Macina/JNIM". The group's mention (and the unit's own, if matched apart)
    becomes one mention of the unit spanning both; the words between may only be brackets, a
    slash or "dissident(s)/faction(s)/front(s)"."""
    units = _units_of(dictionary.year)
    if not any(m.actor.name in units and m.kind == "org" for m in mentions):
        return mentions
    text, folded = state.text, match_form(state.text)
    out = list(mentions)
    for group in mentions:
        if group.kind != "org" or group.actor.name not in units or group not in out:
            continue
        g0, g1 = group.span.start, group.span.end
        lo, hi = max(0, g0 - 60), min(len(text), g1 + 60)
        for alias, name in units[group.actor.name]:
            sensitive = is_case_sensitive(alias)
            key = " ".join(match_form(alias, sensitive).split())
            hay = text if sensitive else folded
            found = None
            for m in re.finditer(re.escape(key), hay[lo:hi]):
                a, b = lo + m.start(), lo + m.end()
                if not _on_word_boundaries(text, a, b):
                    continue
                gap = text[b:g0] if b <= g0 else text[g1:a] if a >= g1 else ""
                if _UNIT_GAP.fullmatch(gap):
                    found = (a, b)
                    break
            entry = dictionary.actors.get(name) if found else None
            if found is None or entry is None:
                continue
            start, end = min(found[0], g0), max(found[1], g1)
            span = state.span(start, end)
            inside = [o for o in out if start <= o.span.start and o.span.end <= end]
            out = [o for o in out if o not in inside and o is not group]
            unit = ActorMention(span, make_actor(entry, span.text, group.actor.loaded), "org")
            out.append(unit)
            break
    return sorted(out, key=lambda o: (o.span.start, o.span.end))


_EITHER_GAP = frozenset({"or", "and/or"})


def with_either_groups(
    state: DocState, mentions: list[ActorMention], dictionary: ActorDictionary
) -> list[ActorMention]:
    """ "JNIM or ISGS militants": the text is unsure which of two armed groups it was, and ACLED
    codes one actor named "A and/or B" (its own such name when one of the two already is one, and
    its order when it has the pair: "ISGS or JNIM" is "JNIM … and/or Islamic State …"). Both
    mentions name the pair, so that "the militants" after it and a passive's agent read it ("A/B"
    is left to the roles, where "Boko Haram/IS attacked" misparses "IS" as a verb's auxiliary)."""
    out: list[ActorMention] = []
    i = 0
    while i < len(mentions):
        first = mentions[i]
        second = mentions[i + 1] if i + 1 < len(mentions) else None
        if (
            second is not None
            and first.kind == second.kind == "org"
            and first.actor.inter in NON_STATE_INTER
            and second.actor.inter in NON_STATE_INTER
            and first.actor.name != second.actor.name
            and first.span.end <= second.span.start
            and state.text[first.span.end : second.span.start].strip().lower() in _EITHER_GAP
        ):
            names = [first.actor.name, second.actor.name]
            joint = next((n for n in names if " and/or " in n), " and/or ".join(names))
            flipped = " and/or ".join(reversed(names))
            if dictionary.entry(joint) is None and dictionary.entry(flipped) is not None:
                joint = flipped
            # both keep their words (the parse may hang either on the verb) and take the pair
            out += [
                ActorMention(m.span, replace(m.actor, name=joint), "org") for m in (first, second)
            ]
            i += 2
            continue
        out.append(first)
        i += 1
    return out


def _branch_place(found: re.Match[str], mentions: list[ActorMention]) -> bool:
    if found.group("place").lower() in _NOT_BRANCH_WORDS:
        return False
    return not any(m.span.start <= found.start("place") < m.span.end for m in mentions)


def _not_a_tribe(
    state: DocState, mentions: list[ActorMention], text: str, start: int, end: int
) -> bool:
    # "Houthi tribesmen", "Marib tribesmen", "The tribesmen": an actor, a place, a common word.
    words = text[start:end].split()
    if words[0].lower() in _NOT_TRIBE_WORDS or words[-1].lower() in _NOT_TRIBE_WORDS:
        return True
    return any(m.span.start < end and start < m.span.end for m in mentions if m.kind != "org"
               or "Tribal Militia" not in m.actor.name) or any(
        p.span.start < end and start < p.span.end for p in state.places
    )  # fmt: skip


def document_country_of(state: DocState) -> str | None:
    """The document's country for reading names: the places hint, else most of its places."""
    return state.country_hint or _most_placed_country(state)


def _most_placed_country(state: DocState) -> str | None:
    # Without a hint: the country most of the resolved places lie in.
    counts = Counter(p.place.country for p in state.places if p.place.country)
    return counts.most_common(1)[0][0] if counts else None


def _most_named_country(
    text: str, matches: list[AliasMatch], dictionary: ActorDictionary
) -> str | None:
    # Without the places extractor's hint: the country the text names most often as a place.
    counts: dict[str, int] = defaultdict(int)
    for match in matches:
        if not _LOCATIVE_BEFORE.search(text[max(0, match.start - 16) : match.start]):
            continue
        for alias in match.entries:
            if alias.state:
                entry = dictionary.resolve(alias, None)
                if entry is not None and entry.country:
                    counts[entry.country] += 1
                break
    return max(counts, key=lambda c: counts[c]) if counts else None


def _most_actor_country(matches: list[AliasMatch], dictionary: ActorDictionary) -> str | None:
    # Without any place: the country of most actors named that belong to one ("TMF" → Iraq).
    counts: Counter[str] = Counter()
    for match in matches:
        alias = match.entries[0]
        if alias.state or alias.context or "{" in alias.name:
            continue
        entry = dictionary.entry(alias.name)
        if entry is not None and entry.country:
            counts[entry.country] += 1
    return counts.most_common(1)[0][0] if counts else None


def demonym_mentions(
    state: DocState, mentions: list[ActorMention], dictionary: ActorDictionary
) -> list[ActorMention]:
    """A demonym modifying a military noun ("Saudi rocket and artillery shelling")."""
    assert state.doc is not None
    demonyms = demonym_countries(dictionary)
    matcher = alias_matcher(document_year(state))
    country = state.country_hint
    found: list[ActorMention] = []
    # Find the few demonyms by pattern rather than walking every token of the parse.
    for hit in _demonym_pattern(dictionary).finditer(state.text):
        hit_tokens = state.doc.char_span(hit.start(), hit.end())
        if hit_tokens is None or len(hit_tokens) != 1:
            continue
        token = hit_tokens[0]
        if token.lower_ not in demonyms or token.dep_ not in ("amod", "compound", "nmod"):
            continue
        head = token.head
        while (
            head.dep_ in ("compound", "conj", "amod")
            and head.head.i != head.i
            and head.head.i > head.i
        ):
            head = head.head  # "Saudi rocket and artillery shelling" → shelling
        if head.lemma_.lower() not in _MILITARY_NOUNS:
            continue
        start, end = token.idx, token.idx + len(token)
        if any(m.span.start < end and start < m.span.end for m in mentions + found):
            continue
        # Read as "<demonym> forces" is read in this country (Saudi forces in Yemen: the coalition).
        match = next((m for m in matcher.find(f"{token.text} forces") if m.start == 0), None)
        alias = choose_alias(match.entries, country) if match else None
        entry = dictionary.resolve(alias, country) if alias else None
        if entry is not None:
            span = state.span(start, end)
            found.append(ActorMention(span, make_actor(entry, span.text), "org"))
    return found


def _token_at(doc: Doc, offset: int) -> Token | None:
    span = doc.char_span(offset, offset + 1, alignment_mode="expand")
    return span[0] if span is not None and len(span) else None


def _mentions_in(mentions: list[ActorMention], start: int, end: int) -> list[ActorMention]:
    return [m for m in mentions if m.span.start >= start and m.span.end <= end]


def person_mentions(
    state: DocState, mentions: list[ActorMention], dictionary: ActorDictionary
) -> list[ActorMention]:
    """Persons named with their organisation ("X, spokesman of Y"; "Y leader X"), and later."""
    assert state.doc is not None
    known: dict[str, Actor] = {}  # surname or full name -> the organisation
    found: list[ActorMention] = []
    orgs = [m for m in mentions if m.kind in ("org", "state", "facility")]
    for ent in state.doc.ents:
        if ent.label_ != "PERSON" or _mentions_in(mentions, ent.start_char, ent.end_char):
            continue
        names = _person_keys(ent.text)
        actor = _apposed_org(ent, orgs, dictionary)
        if actor is None:
            actor = next((known[k] for k in names if k in known), None)
        if actor is None:
            continue
        for k in names:
            known.setdefault(k, actor)
        span = state.span(ent.start_char, ent.end_char)
        found.append(
            ActorMention(
                span,
                Actor(actor.name, actor.inter, actor.country, actor.parent, span.text),
                "person",
            )
        )
    return found


def _person_keys(name: str) -> list[str]:
    words = [w for w in re.split(r"[\s-]+", name.lower()) if w.isalpha()]
    return [" ".join(words)] + ([words[-1]] if len(words) > 1 else [])


def _apposed_org(ent, orgs: list[ActorMention], dictionary: ActorDictionary) -> Actor | None:  # type: ignore[no-untyped-def]
    root = ent.root
    candidates = []
    if root.dep_ == "appos":
        candidates.append(root.head)
    candidates += [c for c in root.children if c.dep_ == "appos"]
    # "Hezbollah spokesman Mohammed Afif": the title and its organisation precede the name.
    candidates += [
        t
        for t in ent.doc[max(ent.start - 4, ent.sent.start) : ent.start]
        if t.dep_ == "compound" and t.head.i >= ent.start
    ]
    for title in candidates:
        subtree = list(title.subtree)
        lo, hi = subtree[0].idx, subtree[-1].idx + len(subtree[-1])
        inside = [
            m
            for m in orgs
            if lo <= m.span.start
            and m.span.end <= hi
            and not (ent.start_char <= m.span.start < ent.end_char)
        ]
        if inside:
            best = min(inside, key=lambda m: abs(m.span.start - title.idx)).actor
            entry = dictionary.entry(best.name)
            by_state = any(m.kind == "state" and m.actor is best for m in inside)
            if entry is not None and entry.kind == "military" and by_state:
                # "Syrian President X" speaks for the government, not the army.
                gov = dictionary.entry(dictionary.state_name(best.country or "", "government"))
                if gov:
                    return make_actor(gov, "")
            return best
    return None


def _subject_of(sentence) -> Token | None:  # type: ignore[no-untyped-def]
    root = sentence.root
    for child in root.children:
        if child.dep_ in ("nsubj", "nsubjpass"):
            return child
    return None


def pronoun_mentions(state: DocState, mentions: list[ActorMention]) -> list[ActorMention]:
    """Subject "they" links to the previous sentence subject when that subject is an actor."""
    assert state.doc is not None
    found: list[ActorMention] = []
    sents = list(state.doc.sents)
    for index, sent in enumerate(sents):
        for token in span_tokens(sent):
            if token.dep_ not in ("nsubj", "nsubjpass"):
                continue
            if token.lower_ in _PRONOUNS:
                antecedent = _previous_subject_actor(sents, index, token, mentions + found)
            elif token.lower_ == "it":
                # "it" is often empty ("it is not known"): only an organisation subject earlier in
                # same sentence ("the Resistance confirming it had conducted …"), or, as the
                # subject of a verb of violence, the previous sentence's subject when that is an
                # armed actor ("The army shelled the town. Last week it also raided …").
                antecedent = _same_sentence_subject(sent, token, mentions + found)
                if antecedent is None and index > 0 and _violence_verb(token.head):
                    antecedent = _previous_violent_subject(sents[index - 1], mentions + found)
            else:
                continue
            if antecedent is not None:
                span = state.span(token.idx, token.idx + len(token))
                actor = antecedent.actor
                found.append(
                    ActorMention(
                        span,
                        Actor(actor.name, actor.inter, actor.country, actor.parent, span.text),
                        "pronoun",
                    )
                )
    return found


def _violence_verb(verb: Token) -> bool:
    """A verb the trigger lexicon reads as naming violence outright ("attacked", "assassinated")."""
    entries = lexicon().lemmas.get(verb.lemma_.lower(), ())
    return verb.pos_ == "VERB" and any(
        e.role == "trigger" and e.family == "violence" and e.weight >= 0.7 for e in entries
    )


def _previous_violent_subject(sent, mentions: list[ActorMention]) -> ActorMention | None:  # type: ignore[no-untyped-def]
    """The last armed actor of a sentence that is the subject of a verb of violence ("… as the
    army on Monday assassinated a commander.")."""
    for token in reversed(list(sent)):
        if token.dep_ != "nsubj" or not _violence_verb(token.head):
            continue
        for m in mentions:
            if m.span.start <= token.idx < m.span.end and m.kind in ("org", "pronoun"):
                return m if m.actor.inter is not None else None
    return None


def _same_sentence_subject(sent, token, mentions: list[ActorMention]) -> ActorMention | None:  # type: ignore[no-untyped-def]
    earlier = [
        t for t in sent if t.i < token.i and t.dep_ in ("nsubj", "nsubjpass") and t.pos_ != "PRON"
    ]
    if not earlier:
        return None
    subject = earlier[-1]
    for m in mentions:
        if m.span.start <= subject.idx < m.span.end and m.kind in ("org", "pronoun"):
            return m
    return None


def _previous_subject_actor(
    sents, index: int, token, mentions: list[ActorMention]
) -> ActorMention | None:  # type: ignore[no-untyped-def]
    # The nearest earlier subject decides: if it is not an actor ("sources"), neither is "they".
    earlier = [
        t
        for t in sents[index]
        if t.i < token.i and t.dep_ in ("nsubj", "nsubjpass") and t.pos_ != "PRON"
    ]
    if earlier:
        subject = earlier[-1]
    else:
        subject = None
        for back in range(index - 1, max(index - 1 - _COREF_WINDOW, -1), -1):
            subject = _subject_of(sents[back])
            if subject is not None:
                break
    if subject is None:
        return None
    lo = min(t.idx for t in subject.subtree)
    hi = max(t.idx + len(t) for t in subject.subtree)
    head_span = (subject.idx, subject.idx + len(subject))
    for m in mentions:
        if m.span.start <= head_span[0] < m.span.end and m.kind != "person":
            return m
    inside = [
        m
        for m in mentions
        if lo <= m.span.start and m.span.end <= hi and m.kind not in ("person", "state")
    ]
    # "the Resistance factions' fighters": only when the subject's head is itself part of the actor.
    return inside[0] if inside and subject.pos_ == "PROPN" else None


def short_form_mentions(
    state: DocState, mentions: list[ActorMention], dictionary: ActorDictionary
) -> list[ActorMention]:
    """ "the group", "the militia", "the coalition" → the nearest compatible earlier actor."""
    found: list[ActorMention] = []
    ordered = sorted(mentions, key=lambda m: m.span.start)
    for match in _SHORT_FORM.finditer(state.text):
        start, end = match.start(), match.end()
        if any(m.span.start < end and start < m.span.end for m in mentions):
            continue
        noun = match.group(1).lower()
        first_sentence = max(state.sentence_of(start) - _COREF_WINDOW, 0)
        window_start = state.sentences[first_sentence].start if state.sentences else 0
        for m in reversed([m for m in ordered if window_start <= m.span.start < start]):
            if _compatible(noun, m, dictionary):
                span = state.span(start, end)
                actor = m.actor
                found.append(
                    ActorMention(
                        span,
                        Actor(actor.name, actor.inter, actor.country, actor.parent, span.text),
                        "pronoun",
                    )
                )
                break
    return found


# A state force named after a movement, not the state's forces as such nor one of their units
# ("Military Forces of Yemen (2016-) Supreme Political Council", not "Military Forces of Israel
# (2022-)" nor "… Military Police").
_MOVEMENT_AS_STATE = re.compile(r"^(?:Military|Police) Forces of [^()]+ \([\d-]+\) \S")


def _compatible(noun: str, mention: ActorMention, dictionary: ActorDictionary) -> bool:
    if mention.kind in ("state", "person"):
        return False
    entry = dictionary.entry(mention.actor.name)
    kind = entry.kind if entry else None
    if noun in ("coalition", "alliance"):
        return kind == "coalition" or "coalition" in mention.span.text.lower()
    if noun.startswith("militia"):
        return kind == "militia"
    if mention.actor.inter == 1:
        # a movement ACLED names as a state force ("the Houthis" in Yemen): the group
        name = mention.actor.name
        return bool(_MOVEMENT_AS_STATE.match(name)) and name.split()[-1].lower() not in _FORCE_HEADS
    return mention.actor.inter in NON_STATE_INTER and kind != "generic"


def _looks_like_organisation(ent, name: str, dictionary: ActorDictionary) -> bool:  # type: ignore[no-untyped-def]
    """NER tags many Arabic place names ORG: an unknown organisation needs an organisation word
    or an acronym."""
    words = name.split()
    if ent.label_ == "NORP":
        # A people named as actors is plural ("Kurds", "Alawites"); "Kurdish" is an adjective.
        known = demonym_countries(dictionary)
        return (
            name.lower().endswith("s")
            and name.lower() not in known
            and name.lower().rstrip("s") not in known
        )
    if len(words) == 1 and words[0].isupper() and len(words[0]) >= 2:
        return True
    return any(w.lower().strip(".,'’") in _ORGANISATION_WORDS for w in words)


_SMALL_WORDS = frozenset("a an and as at by for from in of on or the to with".split())
_TITLE_WORDS = re.compile(r"[^\W\d_][\w'’-]*")


# Capitalised words just before a match, back to the start of the name ("Zomi Liberation ").
_NAME_BEFORE = re.compile(r"(?:(?<=[\s(\[\"'“‘])|^)((?:[A-Z][\w'’-]*\s){1,4})$")


def _own_army_name(text: str, start: int, surface: str, dictionary: ActorDictionary) -> bool:
    """Whether a capitalised "Army" ends a name the dictionary lacks whose other words name no
    state ("Zomi Liberation Army", "Chinland Defence Army"): an armed group's own name, not the
    state's army ("Pakistan Army", "Royal Thai Army" name their state)."""
    if surface != "Army" or _in_title_case(text, start):
        return False
    found = _NAME_BEFORE.search(text, max(0, start - 80), start)
    if found is None:
        return False
    words = [re.sub(r"['’]s?$", "", w.lower()) for w in found.group(1).split()]
    words = [w for w in words if w != "the"]
    demonyms, states = demonym_countries(dictionary), _state_countries(dictionary)
    named = {" ".join(words[i:j]) for i in range(len(words)) for j in range(i + 1, len(words) + 1)}
    return bool(words) and not (named & demonyms.keys() or named & states.keys())


def _in_title_case(text: str, start: int) -> bool:
    """Whether the line holding `start` is written in title case (a headline): nearly every word
    but the small ones capitalised, over at least five words."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", start)
    line = text[line_start : len(text) if line_end < 0 else line_end]
    words = [w for w in _TITLE_WORDS.findall(line) if w.lower() not in _SMALL_WORDS]
    return len(words) >= 5 and sum(w[0].isupper() for w in words) >= 0.9 * len(words)


def _spelt_out(name: str, start: int, mentions: list[ActorMention]) -> ActorMention | None:
    """The earlier organisation an all-capitals short form abbreviates: its letters open the
    initials of the words naming it in the text ("CT" for "Counter-Terrorism Forces")."""
    if not (2 <= len(name) <= 6 and name.isalpha() and name.isupper()):
        return None
    for m in mentions:
        if m.kind != "org" or m.span.start > start:
            continue
        words = [w for w in re.split(r"[\s\-–]+", m.span.text) if w[:1].isupper()]
        initials = "".join(w[0] for w in words)
        if len(words) >= 2 and initials.startswith(name):
            return m
    return None


# Last words of the name of a state's armed or security body ("Iraq's Counter-Terrorism Forces",
# "Syria's Air Defense Command"); not "Brigades", a word armed groups name themselves with.
_FORCE_HEADS = frozenset(
    {"forces", "force", "army", "guard", "guards", "corps", "command", "police", "gendarmerie",
     "service", "services", "directorate", "unit", "units"}
)  # fmt: skip
_POLICE_WORDS = frozenset({"police", "gendarmerie", "security", "intelligence", "interior"})


def _state_force(ent: SpacySpan, name: str, dictionary: ActorDictionary) -> Actor | None:
    """A body the dictionary lacks that its country's name or demonym says is that state's
    ("Iraq's Counter-Terrorism Forces", "the Iraqi Rapid Response Unit"): a unit of the state's
    military or police, coded as ACLED names units, "<state forces> <unit>"."""
    words = name.split()
    if len(words) < 2 or words[-1].lower() not in _FORCE_HEADS:
        return None
    doc = ent.doc
    country = demonym_countries(dictionary).get(words[0].lower())
    if country is not None:
        words = words[1:]
    elif ent.start >= 2 and doc[ent.start - 1].tag_ == "POS":
        country = _state_countries(dictionary).get(doc[ent.start - 2].lower_)
    if country is None:
        return None
    police = any(w.lower().strip("-") in _POLICE_WORDS for w in words)
    state_forces = dictionary.state_name(country, "police" if police else "military")
    entry = dictionary.entry(state_forces)
    inter = entry.inter if entry is not None else 1
    return Actor(f"{state_forces} {' '.join(words)}", inter, country, state_forces, name)


_BRACKET_OPENS = re.compile(r"\s*\(\s*(?:the\s+)?")


def _short_form_after(
    text: str, end: int, mentions: list[ActorMention]
) -> ActorMention | None:
    """The dictionary's actor a name's bracketed short form names ("… Force (KNDF)")."""
    opening = _BRACKET_OPENS.match(text, end)
    if opening is None:
        return None
    return next(
        (
            m
            for m in mentions
            if m.span.start == opening.end()
            and m.actor.inter is not None
            and text[m.span.end : m.span.end + 1] == ")"
        ),
        None,
    )


_BRACKETED_SHORT = re.compile(r"\s*\(\s*(?P<short>[A-Z][A-Z0-9]*(?:-[A-Z0-9]+)*)\s*\)")


def _with_short_form(text: str, end: int, name: str, dictionary: ActorDictionary) -> str:
    """An unknown organisation's name as ACLED writes it when the text gives its bracketed
    all-capitals short form after it ("Red Hill Front (RHF)" -> "RHF: Red Hill Front"); a later
    bare short form takes it (`_spelt_out`). Not when the short form is the dictionary's own (a
    name NER cut short, whose group the dictionary knows)."""
    match = _BRACKETED_SHORT.match(text, end)
    if match is None or name.isupper():
        return name
    short = match.group("short")
    if not 2 <= sum(c.isalpha() for c in short) <= 8:
        return name
    if any(
        alias == short or actor.startswith(f"{short}: ")
        for alias, actor in dictionary.alias_names()
    ):
        return name
    return f"{short}: {name}"


# "a new anti-Taliban armed group, X, …", "a militant group called X", "an armed group that
# called themselves 'X'": the words just before an unknown name that say what it is.
_DESCRIBED_GROUP = re.compile(
    r"\b(?P<pro>pro-government\s+)?(?:armed|militant|rebel|insurgent|resistance|jihadist)\s+"
    r"(?:group|front|movement|organi[sz]ation)(?:\s*,|\s+(?:called|named|known\s+as)|\s+(?:that"
    r"|which|who)\s+(?:called|calls|named|names)\s+(?:themselves|itself))\s*(?:the\s+)?"
    r"['‘\"“]?\s*$",
    re.I,
)


def _described_inter(text: str, start: int) -> int | None:
    """ACLED's inter code for an unknown organisation its own sentence introduces as an armed
    group (train notes so worded: 3 of 4 rebels (2), the pro-government one a militia (3))."""
    match = _DESCRIBED_GROUP.search(text, max(0, start - 80), start)
    if match is None:
        return None
    return 3 if match.group("pro") else 2


def _named_armed_group(ent: SpacySpan, name: str, dictionary: ActorDictionary) -> bool:
    """Whether an unknown organisation's name is an armed group's own ("the Free Valley Brigade",
    "Red Hill Front"): its last word one such groups name themselves with (`group_words.csv`), its
    first not a country's name or demonym (a state's unit: "Nigerian Army")."""
    before = ent.doc[ent.start - 1] if ent.start > 0 else None
    numbered = before is not None and (before.like_num or before.ent_type_ == "ORDINAL")
    if not armed_name(name) or numbered:
        return False  # "the 61st Infantry Brigade": a numbered unit is a state force's
    return _no_state_unit(name, dictionary)


def _before_fighters(ent: SpacySpan, name: str, dictionary: ActorDictionary) -> bool:
    """Whether an organisation's name stands before a noun for armed men ("Green Star militants",
    "suspected Black Crescent insurgents"): an armed group's name, organisation word or not; not
    a people, country or demonym ("Kurdish fighters")."""
    doc = ent.doc
    if ent.label_ != "ORG" or ent.end >= len(doc) or doc[ent.end].lower_ not in fighter_nouns():
        return False
    return _no_state_unit(name, dictionary)


def _no_state_unit(name: str, dictionary: ActorDictionary) -> bool:
    """A name with no number in it that does not open with a country's name or demonym ("Nigerian
    Army", "3rd Brigade" are a state's units)."""
    words = name.split()
    if not words or any(c.isdigit() for c in name):
        return False
    first = words[0].lower()
    return first not in demonym_countries(dictionary) and first not in _state_countries(dictionary)


def _owned_thing(state: DocState, ent: SpacySpan, mentions: list[ActorMention]) -> bool:
    """A short all-capitals word whose modifier just before it is a known actor's mention ("an
    Afghan military APC", "the army HQ"): a thing of that actor, named by an abbreviation."""
    if len(ent) != 1 or ent.start == 0 or not ent.text.isupper():
        return False
    before = state.doc[ent.start - 1] if state.doc is not None else None
    if before is None or before.head.i != ent.start or before.dep_ not in ("amod", "compound"):
        return False
    return any(
        m.span.start <= before.idx < m.span.end and m.actor.inter is not None for m in mentions
    )


def unknown_org_mentions(state: DocState, mentions: list[ActorMention]) -> list[ActorMention]:
    """Organisations NER finds that the dictionary lacks: inter None, named in a warning."""
    assert state.doc is not None
    dictionary = actor_dictionary(document_year(state))
    found: list[ActorMention] = []
    unknown: list[tuple[str, int | None]] = []
    ignored = ignored_names()
    outlet = normalise_name(state.outlet or "")
    places = [(p.span.start, p.span.end) for p in state.places]
    for ent in state.doc.ents:
        if ent.label_ not in ("ORG", "NORP"):
            continue
        start, end = ent.start_char, ent.end_char
        if ent[0].lower_ == "the":
            start = ent[1].idx if len(ent) > 1 else end
        name = state.text[start:end].strip(" '’\"")
        key = normalise_name(name)
        if not key or key in ignored or (outlet and (key in outlet or outlet in key)):
            continue
        if _media_name(name):
            continue
        if name.lower() in fighter_nouns():
            continue  # "Jihadists killed …": a sentence's first word, capitalised, names no group
        if any(m.span.start < end and start < m.span.end for m in mentions + found):
            continue
        if any(s < end and start < e for s, e in places):
            continue
        if ent.label_ == "NORP" and (
            ent.root.pos_ not in ("NOUN", "PROPN")
            or ent.root.dep_ in ("amod", "compound")
            or len(ent) > _MAX_NORP_TOKENS
        ):
            continue  # "Iraqi", "Kurdish" as adjectives are not actors
        # "Green Star militants": a name with no organisation word is an armed group's when armed
        # men follow it (an acronym or a name with such a word is an organisation anyway)
        if not any(c.isupper() for c in name):
            continue
        organisation = _looks_like_organisation(ent, name, dictionary)
        armed_men = not organisation and _before_fighters(ent, name, dictionary)
        if not (organisation or armed_men):
            continue
        if state.text[max(0, start - 1) : start] == "(":
            continue  # "(Sadah)": ACLED-style parenthesised places
        if _owned_thing(state, ent, mentions):
            continue  # "an Afghan military APC": the force's vehicle, not an organisation
        if _in_title_case(state.text, start):
            continue  # a headline's capitals make no name: "… Assault by Militant Group"
        span = state.span(start, start + len(name))
        short = _short_form_after(state.text, start + len(name), mentions)
        if short is not None:
            # "the Karenni Nationalities Defense Force (KNDF)": the name its short form names
            found.append(ActorMention(span, replace(short.actor, text=span.text), short.kind))
            continue
        named = next((m for m in found if m.actor.name.startswith(f"{name}: ")), None)
        if named is not None:
            # "FVB" after "the Free Valley Brigade (FVB)": the group its short form named
            found.append(ActorMention(span, replace(named.actor, text=span.text), named.kind))
            continue
        spelt_out = _spelt_out(name, start, mentions + found)
        if spelt_out is not None:
            # "a CT force" after "Counter-Terrorism Forces": the document's own short form
            actor = spelt_out.actor
            found.append(ActorMention(span, replace(actor, text=span.text), spelt_out.kind))
            continue
        force = _state_force(ent, name, dictionary)
        if force is not None:
            found.append(ActorMention(span, replace(force, text=span.text), "org"))
            continue
        inter = _described_inter(state.text, start)
        if inter is None and (armed_men or _named_armed_group(ent, name, dictionary)):
            # "the Free Valley Brigade": a group the dictionary lacks, coded by its own name
            inter = group_inter(name)
        # "the Free Valley Brigade (FVB)": ACLED names such a body "FVB: Free Valley Brigade"
        name = _with_short_form(state.text, start + len(name), name, dictionary)
        found.append(
            ActorMention(span, Actor(name, inter, state.country_hint, None, text=span.text), "org")
        )
        unknown.append((name, inter))
    for name, inter in dict.fromkeys(unknown):
        said = "inter unknown" if inter is None else f"inter {inter} from its name"
        state.warnings.append(f"unknown actor {name!r}: not in the actor dictionary ({said})")
    if found:
        log.debug("%d unknown actor mentions", len(found))
    return found


@extractor(
    "roles", requires=("events", "tallies", "actors"), assigns=("events.actors", "tallies.actors")
)
def assign_roles(state: DocState) -> None:
    """actor1 / actor2 / associated actors of every event and tally draft."""
    assign_draft_roles(state, actor_dictionary(document_year(state)))
