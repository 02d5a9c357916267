"""Fatalities, injuries and damage per draft: qualifiers, groups, zero tolls, no double counting."""

from __future__ import annotations

import pytest
from drafts import draft_on, parsed

from sitrep.extract.events import quantities
from sitrep.extract.events.quantities import casualty_figures, count_casualties
from sitrep.extract.state import TallyDraft
from sitrep.nlp.model import load_nlp
from sitrep.records import Quantity

UNKNOWN = Quantity(None, "unknown")


@pytest.fixture(scope="module")
def nlp():
    return load_nlp()


# (sentence, trigger, fatalities, injuries)
CASUALTY_TABLE = [
    (
        "Gunmen attacked a market, killing three people and wounding 27.",
        "attacked",
        Quantity(3),
        Quantity(27),
    ),
    (
        "Gunmen killed three people and wounded 27 in an attack on a market.",
        "attack",
        Quantity(3),
        Quantity(27),
    ),
    ("Five killed, 40 injured in Basra port riots.", "riots", Quantity(5), Quantity(40)),
    (
        (
            "At least five people were killed and 40 injured among demonstrators who "
            "stormed the port offices, medics said."
        ),
        "stormed",
        Quantity(5, "at least"),
        Quantity(40),
    ),
    ("Two soldiers were killed in the ambush.", "ambush", Quantity(2), UNKNOWN),
    # a victim the tagger read as an adjective, with its article (Stop 33)
    (
        "Masked men shot and killed a civilian who was walking to the well.",
        "killed",
        Quantity(1),
        UNKNOWN,
    ),
    ("Suspected rebels killed a captive near the village.", "killed", Quantity(1), UNKNOWN),
    # "lynched", "murdered" kill; "nearly lynched", "threatened to kill" do not (Stop 33)
    ("Residents lynched a pastor in the village.", "lynched", Quantity(1), UNKNOWN),
    ("Rebels murdered a party cadre at the market.", "murdered", Quantity(1), UNKNOWN),
    ("A thief was beaten and nearly lynched in the market.", "beaten", UNKNOWN, UNKNOWN),
    ("A mob threatened to kill a soldier at the market.", "mob", UNKNOWN, UNKNOWN),
    # "fatally", "mortally": the harm killed (Stop 33)
    ("Gunmen fatally shot the guard of the mayor.", "shot", Quantity(1), UNKNOWN),
    ("A herder was fatally stabbed at the market.", "stabbed", Quantity(1), UNKNOWN),
    (
        "A soldier was mortally wounded and two were injured in the ambush.",
        "ambush",
        Quantity(1),
        Quantity(2),
    ),
    # "succumbed", "the other died", "one of the injured died", "found killed", "beat him to
    # death": one dead told without a number word for the death (Stop 33)
    ("A trader was stabbed and succumbed to his wounds.", "stabbed", Quantity(1), UNKNOWN),
    ("Gunmen shot two farmers; one was hurt and the other died.", "shot", Quantity(1), Quantity(1)),
    (
        "Bandits raided the farm and one of the injured herders died days later.",
        "raided",
        Quantity(1),
        UNKNOWN,
    ),
    (
        "One guard was abducted by bandits and later found killed near the river.",
        "abducted",
        Quantity(1),
        UNKNOWN,
    ),
    ("Villagers caught a thief and beat him up to death.", "beat", Quantity(1), UNKNOWN),
    ("A dozen civilians were wounded in the shelling.", "shelling", UNKNOWN, Quantity(12)),
    (
        "Dozens of people were wounded in the shelling.",
        "shelling",
        UNKNOWN,
        Quantity(12, "at least"),
    ),
    (
        "More than a dozen fighters were killed in the clashes.",
        "clashes",
        Quantity(12, "at least"),
        UNKNOWN,
    ),
    ("The clashes killed 3 soldiers and 2 militants.", "clashes", Quantity(5), UNKNOWN),
    # clauses joined by a comma: the parse hangs the first under the second verb
    (
        "Gunmen raided the farm; three herders were killed, seven others were wounded.",
        "raided",
        Quantity(3),
        Quantity(7),
    ),
    (
        "Troops stormed the camp; two rebels were killed, five others were arrested.",
        "stormed",
        Quantity(2),
        UNKNOWN,
    ),
    # A range is one figure, read at its lower end: not its two ends added up.
    (
        "Gunmen raided a camp, killing 12-20 herders and wounding 4-9 others.",
        "raided",
        Quantity(12, "at least"),
        Quantity(4, "at least"),
    ),
    ("The shelling killed 2-5 villagers.", "shelling", Quantity(2, "at least"), UNKNOWN),
    (
        "A soldier was killed and two others were wounded when an IED exploded.",
        "exploded",
        Quantity(1),
        Quantity(2),
    ),
    (
        "Warplanes hit a clinic and killed at least 19 people, including four women.",
        "hit",
        Quantity(19, "at least"),
        UNKNOWN,
    ),
    ("The attack left two dead and a dozen wounded.", "attack", Quantity(2), Quantity(12)),
    ("About 30 people were injured in the blast.", "blast", UNKNOWN, Quantity(30, "about")),
    ("The explosion killed up to 15 people.", "explosion", Quantity(15, "up to"), UNKNOWN),
    (
        "Neither injuries nor fatalities were reported in the attack.",
        "attack",
        Quantity(0),
        Quantity(0),
    ),
    (
        "There were no casualties in the shelling of the village.",
        "shelling",
        Quantity(0),
        Quantity(0),
    ),
    ("No one was killed in the strike.", "strike", Quantity(0), UNKNOWN),
    (
        "On 14 June 2021, Russian and Turkish troops held a joint patrol of 6 armoured vehicles.",
        "patrol",
        UNKNOWN,
        UNKNOWN,
    ),
    ("The strike hit the base on 18 October, the third in 10 days.", "strike", UNKNOWN, UNKNOWN),
    # shapes of ACLED notes
    (
        "3 PKK militants were killed, wounded or captured in the operation.",
        "operation",
        UNKNOWN,
        UNKNOWN,
    ),
    (
        "A landmine detonated in al Khalsiyeh, killing a civilian.",
        "detonated",
        Quantity(1),
        UNKNOWN,
    ),
    ("1 TMF fighter was shot dead by an IS sniper near Tuz.", "shot", Quantity(1), UNKNOWN),
    (
        "An IS attack on the outpost left 4 TMF fighters (among them the commander) dead and 5 "
        "others injured.",
        "attack",
        Quantity(4),
        Quantity(5),
    ),
    ("A woman's body was found near Jarablus with stab wounds.", "found", Quantity(1), UNKNOWN),
    ("A detainee died in a Houthi-run jail in Dhamar.", "died", Quantity(1), UNKNOWN),
    ("Hezbollah accuses Israel of the 2008 killing of Moughniyah.", "killing", UNKNOWN, UNKNOWN),
    (
        "An unknown number of combatants on either side were killed during the clashes.",
        "clashes",
        Quantity(10, "at least"),
        UNKNOWN,
    ),
    (
        "The attackers retreated after having killed and wounded a number of guards in the attack.",
        "attack",
        Quantity(10, "at least"),
        Quantity(10, "at least"),
    ),
    (
        "IS raided the outpost, where 4 soldiers were killed by gunfire and 2 were killed by "
        "mines.",
        "raided",
        Quantity(6),
        UNKNOWN,
    ),
    ("The number of victims of the attack is not known.", "attack", UNKNOWN, UNKNOWN),
    # A person named as the one killed counts one, with whoever is counted beside.
    ("The army assassinated Ali Hassan, a senior commander, in a strike on his car.",
     "assassinated", Quantity(1), UNKNOWN),
    ("Police said Ahmed Ali was shot dead by gunmen in Kirkuk.", "shot", Quantity(1), UNKNOWN),
    ("Protesters marched after the killing of Ahmed Ali in Kirkuk.", "marched", UNKNOWN, UNKNOWN),
    # ... but not again beside a figure of the same verb, nor a name with its own number.
    ("In Cuiaba, Mato Grosso, a man was killed by gunmen on a motorcycle.", "killed", Quantity(1),
     UNKNOWN),
    ("One Mayi Mayi fighter was killed and the police drove off the assailants.", "killed",
     Quantity(1), UNKNOWN),
    # An attempted killing kills no one.
    ("Gunmen clashed with the guards after an attempt to assassinate the governor.", "clashed",
     UNKNOWN, UNKNOWN),
    ("Gunmen failed to kill Ahmed Ali in an ambush near Kirkuk.", "ambush", UNKNOWN, UNKNOWN),
    # "to death" is a casualty word; one victim named with "the" is one.
    ("Two gunmen shot a shopkeeper to death in the market.", "shot", Quantity(1), UNKNOWN),
    ("Villagers beat to death a suspected cattle thief.", "beat", Quantity(1), UNKNOWN),
    ("The armed men killed the nephew of the village chief.", "killed", Quantity(1), UNKNOWN),
    # The noun "killing" counts where a happening caused it, not in a protest against it; "the"
    # names a victim its own verb calls dead; the agents after "by" are not the dead.
    ("Rebels fought the police, which led to the killing of 2 rebels.", "fought", Quantity(2),
     UNKNOWN),
    ("Reporters marched against the killing of three colleagues last month.", "marched", UNKNOWN,
     UNKNOWN),
    ("A bomb hit a lorry on the ring road, leaving the driver dead.", "hit", Quantity(1),
     UNKNOWN),
    ("The headman of the hamlet was shot dead by two gunmen on a motorbike.", "shot",
     Quantity(1), UNKNOWN),
    # A number after a preposition of the death verb counts what they died in, not the dead.
    ("Four herders died during two raids on the grazing camps.", "raids", Quantity(4), UNKNOWN),
    # Each one joined to a victim counts one more: with an article, or told as someone's.
    ("Bandits ambushed a bus and killed a trader and his nephew.", "ambushed", Quantity(2),
     UNKNOWN),
    ("A ranger and a porter were shot dead in the ambush.", "ambush", Quantity(2), UNKNOWN),
    ("Three guards and a cook were killed in the raid on the depot.", "raid", Quantity(4),
     UNKNOWN),
    ("Gunmen opened fire on a family, killing the farmer and a son.", "opened", Quantity(2),
     UNKNOWN),
    # Stop 36 (extra6): a wound counts one hurt, whatever verb the one who took it shares.
    ("Gunmen raided the hamlet; a herder died, and another herder sustained a bullet wound.",
     "raided", Quantity(1), Quantity(1)),
]


@pytest.mark.parametrize(("sentence", "trigger", "fatalities", "injuries"), CASUALTY_TABLE)
def test_casualties(nlp, sentence, trigger, fatalities, injuries):
    state = parsed(nlp, sentence)
    draft = draft_on(state, trigger)
    count_casualties(state)
    assert (draft.fatalities, draft.injuries) == (fatalities, injuries)


def test_groups_are_recorded(nlp):
    state = parsed(nlp, "The clashes killed 3 soldiers and 2 militants.")
    draft = draft_on(state, "clashes")
    count_casualties(state)
    groups = {
        (g, v) for kind, g, v, _ in draft.extra["casualties_by_group"] if kind == "fatalities"
    }
    assert groups == {("soldier", 3), ("militant", 2)}


def test_repeated_toll_is_not_added_and_lowest_wins(nlp):
    text = (
        "An air strike hit a hospital in Aleppo, killing at least 27 people.\n"
        "A monitoring group said 30 people had died in that strike on the hospital.\n"
    )
    state = parsed(nlp, text)
    draft = draft_on(state, "strike")
    draft.evidence = list(state.sentences)
    count_casualties(state)
    assert draft.fatalities == Quantity(27, "at least")


def test_figures_go_to_the_draft_that_governs_them(nlp):
    text = (
        "Rebels shelled the town, killing two civilians, while an airstrike on "
        "the camp killed nine fighters."
    )
    state = parsed(nlp, text)
    shelling = draft_on(state, "shelled")
    airstrike = draft_on(state, "airstrike")
    count_casualties(state)
    assert shelling.fatalities == Quantity(2)
    assert airstrike.fatalities == Quantity(9)


def test_tally_injuries_and_event_damage(nlp):
    text = (
        "Since March 3, militias have targeted coalition bases some 40 times so far, "
        "resulting in the injury of at least 25 soldiers, as well as "
        "heavy material damage at the bases."
    )
    state = parsed(nlp, text)
    start = text.index("targeted")
    tally = TallyDraft(
        trigger=state.span(start, start + 8), sentence=0, counted="targeted US bases"
    )
    state.tallies.append(tally)
    count_casualties(state)
    assert tally.injuries == Quantity(25, "at least")
    assert tally.fatalities == UNKNOWN
    assert tally.material_damage

    state = parsed(nlp, "A drone strike caused material damage to the base.")
    event = draft_on(state, "strike")
    count_casualties(state)
    assert event.material_damage and event.fatalities == UNKNOWN


def test_figures_outside_the_drafts_sentences_are_ignored(nlp):
    text = (
        "A bomb exploded in the market.\nIn a separate incident last year, 40 people were killed.\n"
    )
    state = parsed(nlp, text)
    draft = draft_on(state, "exploded")
    count_casualties(state)
    assert draft.fatalities == UNKNOWN


def test_a_follow_up_sentence_in_the_paragraph_gives_the_toll(nlp):
    text = (
        "A roadside explosive detonated near Osyan village during the passage of an army vehicle. "
        "Total 6 Turkish soldiers were reportedly killed."
    )
    state = parsed(nlp, text)
    state.paragraphs = [state.span(0, len(text))]
    draft = draft_on(state, "detonated")
    count_casualties(state)
    assert draft.fatalities == Quantity(6)


def test_each_person_named_as_killed_counts_one(code):
    text = "Ali Hassan and Omar Said were killed by gunmen in Kirkuk on Monday."
    (event,) = code(text, "2023-11-21").events
    assert event.fatalities == 2


@pytest.mark.parametrize(
    ("text", "fatalities"),
    [
        ("On 3 May, a bomb exploded under the car of a police officer in Kirkuk, killing him.", 1),
        ("On 3 May, gunmen shot a shepherd near Kirkuk, resulting in his death.", 1),
        ("On 3 May, tribesmen clashed in the market of Kirkuk, leading to the death of a "
         "bystander.", 1),
        ("On 3 May, a mob beat a suspected thief in Kirkuk and almost killed him.", None),
    ],
)  # fmt: skip
def test_one_death_told_without_a_number(code, text, fatalities):
    (event,) = code(text, "2022-05-04").events
    assert event.fatalities == fatalities


@pytest.mark.parametrize(
    ("text", "fatalities"),
    [
        # what set a riot off is not its toll
        ("On 7 March, angry residents staged a violent demonstration in Kirkuk, burning tires, "
         "after a truck crash killed two pupils.", None),
        # "no other casualties" says none besides those told
        ("On 3 May, the army shelled an IS hideout near Kirkuk. The militants suffered 4 deaths. "
         "There were no other casualties.", 4),
    ],
)  # fmt: skip
def test_a_toll_is_the_happening_s_own(code, text, fatalities):
    (event,) = code(text, "2022-05-08").events
    assert event.fatalities == fatalities


@pytest.mark.parametrize(
    ("text", "fatalities"),
    [
        ("On 2 May, gunmen shot a shopkeeper near the market in Kirkuk. He died in hospital.", 1),
        ("On 2 May, gunmen shot dead the governor's deputy near the market in Kirkuk.", 1),
        ("On 2 May, gunmen shot a shopkeeper near the market in Kirkuk. He was not killed.", None),
    ],
)  # fmt: skip
def test_one_person_told_by_a_pronoun_or_a_possessor(code, text, fatalities):
    assert [e.fatalities for e in code(text, "2022-05-03").events][:1] == [fatalities]


@pytest.mark.parametrize(
    ("text", "fatalities"),
    [
        ("On 2 May, a man and another man were shot dead by gunmen near the market in Kirkuk.", 2),
        ("On 2 May, gunmen killed a farmer and another farmer near the market in Kirkuk.", 2),
    ],
)  # fmt: skip
def test_another_of_the_same_group_is_one_more_dead(code, text, fatalities):
    assert [e.fatalities for e in code(text, "2022-05-03").events][:1] == [fatalities]


@pytest.mark.parametrize(
    ("text", "fatalities"),
    [
        ("On 11 May 2022, near Kano, militiamen attacked a patrol of soldiers. One Tan Saw Lin "
         "member was killed.", 1),
        ("On 11 May 2022, near Kano, militiamen attacked a patrol of soldiers. Two Pyo Saw Lin "
         "members were killed.", 2),
    ],
)  # fmt: skip
def test_a_name_word_read_as_a_verb_still_bridges_to_the_casualty_word(code, text, fatalities):
    assert [e.fatalities for e in code(text, "2022-05-13").events][:1] == [fatalities]


@pytest.mark.parametrize(
    "text",
    [
        "On 2 May, troops shelled rebel positions near Kirkuk. Officials said there were no "
        "casualties, while one unconfirmed source claimed that 40 were killed.",
        "On 2 May, troops shelled rebel positions near Kirkuk. There were no casualties, though "
        "unconfirmed reports said 12 rebels died.",
    ],
)
def test_no_casualties_beats_another_sources_figure(code, text):
    assert [e.fatalities for e in code(text, "2022-05-03").events][:1] in ([0], [None])


def test_a_sentences_casualty_figures_are_read_once(nlp, monkeypatch):
    # The tallies and the event tolls both ask; the second asker gets the first reading.
    sent = next(iter(nlp("Raiders burned a granary, killing four herders and wounding two.").sents))
    readings = []
    read = quantities._read_figures
    monkeypatch.setattr(quantities, "_read_figures", lambda s: readings.append(s) or read(s))
    first, again = casualty_figures(sent), casualty_figures(sent)
    assert [(f.kind, f.quantity.value) for f in first] == [("fatalities", 4), ("injuries", 2)]
    assert again == first and len(readings) == 1


def test_one_wounded_beside_one_killed_is_no_second_dead(nlp):
    state = parsed(nlp, "A ranger was killed and a porter wounded in the ambush.")
    draft = draft_on(state, "ambush")
    count_casualties(state)
    assert draft.fatalities == Quantity(1)


@pytest.mark.parametrize(
    ("text", "fatalities"),
    [
        # the dead told as what the happening answered are another happening's
        ("On 4 May, a crowd torched two buses in Kirkuk after three pedestrians died in a road "
         "accident.", None),
        ("On 4 May, residents set fire to a police post in Kirkuk following the death of a "
         "shepherd.", None),
        # unless the happening itself is told in that clause
        ("On 4 May, the army shelled a village near Kirkuk, killing two farmers.", 2),
        # a participle set off by a comma is the sentence's own toll
        ("On 4 May, herders attacked two farmers with sticks, after the farmers tried to chase "
         "them from their fields near Kirkuk, killing one.", 1),
    ],
)  # fmt: skip
def test_the_dead_a_happening_came_after_are_not_its_toll(code, text, fatalities):
    assert [e.fatalities for e in code(text, "2022-05-05").events][:1] == [fatalities]


@pytest.mark.parametrize(
    ("text", "fatalities"),
    [
        # the dead told to say who someone is are another happening's
        ("On 4 May, a crowd torched four huts owned by kin of alleged bandits who killed a "
         "farmer the night before in Kirkuk.", None),
        ("On 4 May, villagers looted the house of a man suspected of killing a teacher in "
         "Kirkuk.", None),
        # the happening's own dead in a clause about its victims stay
        ("On 4 May, gunmen ambushed three guards who were escorting a convoy near Kirkuk, "
         "killing two.", 2),
    ],
)  # fmt: skip
def test_the_dead_of_a_deed_someone_is_known_by_are_not_the_toll(code, text, fatalities):
    assert [e.fatalities for e in code(text, "2022-05-05").events][:1] == [fatalities]


@pytest.mark.parametrize(
    ("text", "fatalities", "injuries"),
    [
        ("On 4 May, raiders killed 30 goats and wounded a herder near Kirkuk.", None, 1),
        ("On 4 May, gunmen killed twelve heads of cattle near Kirkuk.", None, None),
        ("On 4 May, bandits shot a camel and killed two herders near Kirkuk.", 2, None),
    ],
)  # fmt: skip
def test_animals_killed_are_no_fatalities(code, text, fatalities, injuries):
    (event,) = code(text, "2022-05-05").events
    assert (event.fatalities, event.injuries) == (fatalities, injuries)


@pytest.mark.parametrize(
    "text",
    [
        # the parse hangs the victim on the place list that opens the sentence
        "On 3 March 2021, in Varzea Nova, Mato Grosso, a gang member was killed in a shootout "
        "with soldiers.",
        # the parse gives the article to the word before the victim's noun
        "On 20 April 2021, masked men shot and killed a regime 6th Armored Division member in Tell "
        "Hamra town.",
    ],
)
def test_one_victim_however_the_parse_hangs_it(code, text):
    assert [e.fatalities for e in code(text, "2022-05-05").events][:1] == [1]


@pytest.mark.parametrize(
    ("text", "fatalities"),
    [
        # a time of day
        ("On 3 May, in Kirkuk town, a shopkeeper was shot dead at about 9 a.m while opening his "
         "store.", 1),
        # a unit's designation
        ("On 3 May, a lieutenant of the army brigade 305 was killed by a roadside bomb near "
         "Kirkuk.", 1),
        # a sum of money
        ("On 3 May, 2 gunmen, who each carried a bounty of Rs. 4 lakh were killed by police near "
         "Kirkuk.", 2),
    ],
)  # fmt: skip
def test_a_time_a_unit_number_or_a_sum_is_no_toll(code, text, fatalities):
    assert [e.fatalities for e in code(text, "2022-05-05").events][:1] == [fatalities]



@pytest.mark.parametrize(
    ("text", "fatalities"),
    [
        # "the gunmen" killed are the four gunmen the sentence before counted
        ("On 5 June, a patrol near Kirkuk ran into four gunmen who had crossed the border. The "
         "gunmen fired at the patrol, and the soldiers killed the gunmen.", 4),
        ("On 5 June, a patrol near Kirkuk ran into four gunmen. Later the gunmen were killed in "
         "a shootout.", 4),
        # a count that is itself a casualty figure is not a group newly told
        ("On 5 June, four gunmen were wounded near Kirkuk. Later the gunmen were killed in a "
         "shootout.", None),
        # another paragraph's count is not the group
        ("On 5 June, a patrol near Kirkuk ran into four gunmen.\n\nLater the soldiers killed "
         "the gunmen in a shootout.", None),
    ],
)  # fmt: skip
def test_the_group_a_sentence_before_counted_is_the_toll(code, text, fatalities):
    (clash,) = [e for e in code(text, "2022-06-06").events if "killed" in e.evidence[-1].text]
    assert clash.fatalities == fatalities

@pytest.mark.parametrize(
    ("sentence", "trigger", "fatalities"),
    [
        # one noun told twice with "and" is two groups to add, not one toll told twice
        ("Three Ruritanian sailors and five Westlandian sailors drowned when the ferry was "
         "shelled.", "shelled", 8),
        ("Rebels killed 6 farmers in Northtown village and 4 farmers in Easton village.",
         "killed", 10),
        # a conjunct hung on the casualty word shares it
        ("The fight ended with the death of 2 Blue Brigade fighters and 3 Red Brigade fighters.",
         "fight", 5),
        ("Gunmen ambushed the convoy, killing the commander and one of his drivers.",
         "ambushed", 2),
        # … unless its own casualty word follows it
        ("The fight ended with the death of 2 Blue Brigade fighters and 3 Red/Star guards "
         "injured.", "fight", 2),
        # a conjunct of a subset of the same noun is part of it; another noun is not
        ("Six guards including two officers and four junior guards were killed in the raid.",
         "raid", 6),
        ("Twenty rebels including two commanders and three soldiers were killed in the raid.",
         "raid", 23),
        # things joined to the dead are not dead
        ("Three rebels were killed, and two rifles seized by the soldiers in the raid.", "raid",
         3),
        # a group's slash name ("AB/CD") does not part the number from its casualty word
        ("On 4 May, the army shelled rebel camps. 40 AB/CD fighters were killed.", "shelled", 40),
    ],
)  # fmt: skip
def test_joined_figures_add_up(nlp, sentence, trigger, fatalities):
    state = parsed(nlp, sentence)
    draft = draft_on(state, trigger)
    draft.evidence = list(state.sentences)
    count_casualties(state)
    assert draft.fatalities.value == fatalities


def test_other_sides_dead_told_in_another_sentence_add_up(nlp):
    text = (
        "Rebels attacked an army post near Easton, killing at least 5 villagers.\n"
        "Two soldiers were killed in that attack on the post.\n"
    )
    state = parsed(nlp, text)
    draft = draft_on(state, "attacked")
    draft.evidence = list(state.sentences)
    count_casualties(state)
    assert draft.fatalities == Quantity(7, "at least")


def test_one_sides_dead_told_twice_keep_the_lowest(nlp):
    text = (
        "Rebels attacked an army post near Easton, killing 5 soldiers.\n"
        "Four troops died in that attack on the post.\n"
    )
    state = parsed(nlp, text)
    draft = draft_on(state, "attacked")
    draft.evidence = list(state.sentences)
    count_casualties(state)
    assert draft.fatalities == Quantity(4)


def test_sides_of_reports():
    assert quantities.sides_of(["soldier", "militant 12"]) == frozenset({"state", "rebel"})
    assert quantities.sides_of(["soldier", None]) is None
    assert quantities.sides_of(["person"]) is None
    reports = [
        (Quantity(2), frozenset({"state"})),
        (Quantity(3), frozenset({"rebel"})),
        (Quantity(4), frozenset({"rebel", "civilian"})),
    ]
    assert quantities.toll_of_reports(reports, pick_highest=True) == Quantity(6)
    assert quantities.toll_of_reports(reports, pick_highest=False) == Quantity(5)
    assert quantities.toll_of_reports([(Quantity(2), None), (Quantity(3), frozenset({"rebel"}))],
                                      pick_highest=True) == Quantity(3)


@pytest.mark.parametrize(
    ("text", "fatalities"),
    [
        ("On 4 May, two soldiers were killed in an attack by rebels near Easton, Kirkuk. Soldiers "
         "attacked back and killed three rebels.", 5),
        ("On 4 May, rebels attacked an army post near Easton, Kirkuk. Four soldiers and a civilian "
         "were killed. Six rebels were killed when troops repelled the attack.", 11),
    ],
)  # fmt: skip
def test_each_sides_dead_told_by_its_own_mention_add_up(code, text, fatalities):
    assert [e.fatalities for e in code(text, "2022-05-05").events] == [fatalities]


@pytest.mark.parametrize(
    ("sentence", "fatalities"),
    [
        # a group's acronym or a parenthesis breaking the list: each listed group is counted
        ("14 IS Delta fighters and 3 KDF guards died.", 17),
        ("Three militia guards (VGK) and a clerk were killed.", 4),
        ("The fighting resulted in 20 KRA fighters and 5 military fatalities.", 25),
        # another clause's toll, a subset, or what was taken are not listed dead
        ("Rebels attacked two trucks and killed one driver.", 1),
        ("Seven people, including two soldiers, three guards and two drivers were killed.", 7),
    ],
)  # fmt: skip
def test_a_number_listed_before_a_toll_shares_its_casualty_word(nlp, sentence, fatalities):
    doc = nlp(sentence)
    figs = [f for f in casualty_figures(next(iter(doc.sents))) if f.kind == "fatalities"]
    assert quantities.combine(figs) == Quantity(fatalities)


@pytest.mark.parametrize(
    ("sentence", "fatalities"),
    [
        # Stop 35: a range told with "between" is one figure at its lower end, however the
        # tagger reads it (as a date) and wherever it stands in a list of the dead
        ("Between 12 and 15 raiders were killed.", Quantity(12, "at least")),
        ("Between 2 to 4 armed herders, including their chief, were killed.",
         Quantity(2, "at least")),
        ("4 guards, between 20 and 30 raiders, and 2 porters were killed.",
         Quantity(26, "at least")),
        ("Bandits killed one ranger and between one or two porters.", Quantity(2, "at least")),
        # a range of days counts no one
        ("Between 2 and 3 days later, 5 porters were killed.", Quantity(5)),
    ],
)  # fmt: skip
def test_a_range_told_with_between_is_one_figure_at_its_lower_end(nlp, sentence, fatalities):
    doc = nlp(sentence)
    figs = [f for f in casualty_figures(next(iter(doc.sents))) if f.kind == "fatalities"]
    assert quantities.combine(figs) == fatalities



@pytest.mark.parametrize(
    ("sentence", "fatalities"),
    [
        # Stop 35: a number counting the subject of an active verb with an object counts who
        # did it, not who died (the casualty word after it is that verb)
        ("Four raiders killed a ranger near the gate.", 1),
        ("A patrol of 40 guards killed two poachers near the river.", 2),
        # a bare number before the verb is still the dead ("1 killed 3 injured")
        ("Two killed, three injured in the market fire.", 2),
    ],
)  # fmt: skip
def test_a_number_counting_who_killed_is_no_toll(nlp, sentence, fatalities):
    doc = nlp(sentence)
    figs = [f for f in casualty_figures(next(iter(doc.sents))) if f.kind == "fatalities"]
    assert quantities.combine(figs) == Quantity(fatalities)


def test_more_dead_told_in_a_follow_up_sentence_add_to_the_toll(nlp):
    # Stop 39 (helper tolls1): a follow-up sentence's dead told as besides those counted
    # ("another", "two other", "also") are more dead of the happening, not a second report.
    text = (
        "A mortar shell hit a bus depot in Easton, killing four passengers. "
        "Another driver and his son died later in hospital."
    )
    state = parsed(nlp, text)
    state.paragraphs = [state.span(0, len(text))]
    draft = draft_on(state, "hit")
    count_casualties(state)
    assert draft.fatalities == Quantity(6)


def test_a_follow_up_report_of_the_same_dead_adds_nothing(nlp):
    text = (
        "A mortar shell hit a bus depot in Easton, killing four passengers. "
        "Three passengers died in the shelling."
    )
    state = parsed(nlp, text)
    state.paragraphs = [state.span(0, len(text))]
    draft = draft_on(state, "hit")
    count_casualties(state)
    assert draft.fatalities == Quantity(4)  # the toll told with the happening


def test_another_side_s_dead_in_a_follow_up_sentence_add_to_the_toll(nlp):
    # Stop 39 (helper tolls2): a follow-up sentence telling the dead of a side none of the
    # happening's own reports counts adds them, with no "another" or "also".
    text = (
        "Rival villagers clashed with machetes in Easton, and three villagers died. "
        "A police officer who intervened was shot and died in a hospital a week later."
    )
    state = parsed(nlp, text)
    state.paragraphs = [state.span(0, len(text))]
    draft = draft_on(state, "clashed")
    count_casualties(state)
    assert draft.fatalities == Quantity(4)


@pytest.mark.parametrize(
    "sentence",
    [
        "A herder was injured and later died in a clinic.",
        "A ranger sustained a bullet wound and died on the way to the clinic.",
        "The driver suffered burns and injuries and died two days later.",
    ],
)
def test_hurt_and_then_died_is_dead(nlp, sentence):
    # Stop 39 (helper tolls2): the one who was hurt and died counts dead, not hurt.
    doc = nlp(sentence)
    kinds = {f.kind for f in casualty_figures(next(iter(doc.sents))) if f.quantity.value == 1}
    assert "fatalities" in kinds


@pytest.mark.parametrize(
    ("sentence", "fatalities"),
    [
        ("Another guard was killed at the gate.", 1),
        ("The corpses of seven fishermen were found on the shore.", 7),
        ("Four corpses were found near the road.", 4),
    ],
)  # fmt: skip
def test_another_victim_and_corpses_count(nlp, sentence, fatalities):
    doc = nlp(sentence)
    figures = [f for f in casualty_figures(next(iter(doc.sents))) if f.kind == "fatalities"]
    assert sum(f.quantity.value or 0 for f in figures) == fatalities


@pytest.mark.parametrize(
    ("text", "trigger", "fatalities"),
    [
        (
            "Rebels raided an army post near Easton, wounding six soldiers. Jets later bombed "
            "their camp near Westby, killing 12 rebels (coded separately).",
            "raided",
            UNKNOWN,
        ),
        (
            "Police officers exchanged fire with two robbers in Easton. The robbers had shot a "
            "cashier dead an hour before (coded separately). Both robbers were arrested.",
            "exchanged",
            UNKNOWN,
        ),
        (
            "Herders attacked farmers in Easton [coded separately], and four farmers were killed.",
            "attacked",
            Quantity(4),
        ),
    ],
)
def test_dead_of_a_clause_coded_separately_are_another_record_s(nlp, text, trigger, fatalities):
    # Stop 40 (helper tolls40): ACLED's remark "(coded separately)" closing a clause says its
    # dead are another record's toll; a remark before the toll leaves the toll alone.
    state = parsed(nlp, text)
    state.paragraphs = [state.span(0, len(text))]
    draft = draft_on(state, trigger)
    count_casualties(state)
    assert draft.fatalities == fatalities


@pytest.mark.parametrize(
    "sentence",
    [
        "Angry residents carried the body of the trader to the police station.",
        "The two armies swapped four captives in exchange of the body of a pilot.",
        "Villagers took the body of a herder to the district office.",
    ],
)
def test_a_body_handled_is_no_death_of_the_happening(nlp, sentence):
    # Stop 40 (helper tolls40): a body taken, carried, handed over or traded is someone dead
    # before the happening told, not one of its dead.
    doc = nlp(sentence)
    figures = [f for f in casualty_figures(next(iter(doc.sents))) if f.kind == "fatalities"]
    assert not figures


def test_a_body_found_still_counts(nlp):
    doc = nlp("Farmers found the body of a herder near the river.")
    figures = [f for f in casualty_figures(next(iter(doc.sents))) if f.kind == "fatalities"]
    assert sum(f.quantity.value or 0 for f in figures) == 1
