"""A seeded generator of varied non-conflict news paragraphs (sports, business, weather, culture…).

No English news corpus without violence ships offline on PyPI, so the prefilter's pass rate on
non-conflict text is measured on paragraphs built here from templates and word lists. The templates
were written before looking at the prefilter's term list and include the ordinary news words that
sit near conflict vocabulary ("police closed the road", "the attack scored twice", "fired the
coach"), so the measured pass rate is not flattered. Deterministic for a given seed.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Iterator

CITIES = (
    "Manchester", "Lyon", "Osaka", "Toronto", "Melbourne", "Denver", "Porto", "Hamburg",
    "Seville", "Leeds", "Auckland", "Calgary", "Bologna", "Gothenburg", "Austin", "Cork",
    "Utrecht", "Brisbane", "Nantes", "Graz", "Bergen", "Wellington", "Halifax", "Turin",
)
PEOPLE = (
    "Maria Lopez", "James Carter", "Aiko Tanaka", "Liam O'Brien", "Sofia Rossi", "Noah Fischer",
    "Emma Dubois", "Lucas Silva", "Olivia Brown", "Mateo Garcia", "Hannah Schmidt", "Ravi Patel",
    "Grace Kim", "Oscar Nilsson", "Chloe Martin", "Daniel Evans", "Priya Nair", "Tom Becker",
)
TEAMS = (
    "Rovers", "United", "City", "Wanderers", "Athletic", "Rangers", "Hornets", "Falcons",
    "Mariners", "Comets", "Lions", "Harriers",
)
COMPANIES = (
    "Northwind Foods", "Brightline Energy", "Kestrel Motors", "Alder Software", "Bluebay Retail",
    "Harbor Logistics", "Summit Pharma", "Orchid Telecom", "Ironleaf Mining", "Cobalt Airlines",
)
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTHS = (
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
)

_TOPICS: dict[str, tuple[str, ...]] = {
    "sports": (
        "{team1} beat {team2} {s1}-{s2} on {day} evening in front of {n},000 fans in {city}.",
        "{person} scored twice in the second half as the home side's attack finally clicked.",
        "The visitors had the better of the opening exchanges but could not convert their chances.",
        "Coach {person2} said the squad would rest several players before the cup tie next week.",
        "The result lifts {team1} to {rank} in the table, {pts} points behind the leaders.",
        "{person} broke the course record at the {city} marathon, in 2 hours {m} minutes.",
        "The club fired its head coach after {n} defeats and named {person2} interim manager.",
        "Ticket sales for the final have passed {n},000, the organisers said on {day}.",
        "{team2} captain {person} shot wide from close range in stoppage time.",
        "The tennis championship in {city} resumes on {day} after rain delayed the quarter-finals.",
        "A strike by ground staff delayed the start of the match by forty minutes.",
    ),
    "business": (
        "{company} reported quarterly revenue of ${n}.{d} billion, up {p} percent on a year ago.",
        "Shares in {company} rose {p} percent in early trading in {city} on {day}.",
        "The company said it would open {n} new stores and hire about {n2}00 staff by {month}.",
        "Analysts had expected weaker results after a slow start to the year.",
        "{company} agreed to buy {company2} in a deal valued at ${n} million, pending approval.",
        "Chief executive {person} said demand for the group's products remained strong in Asia.",
        "The central bank kept interest rates unchanged at {p}.{d} percent, citing steady prices.",
        "Retail sales in {month} fell slightly as households cut spending on clothes and sofas.",
        "The merger talks collapsed on {day} after the two boards failed to agree on a price.",
        "Union members voted to accept a pay offer of {p} percent over two years.",
        "The airline will add direct flights from {city} to {city2} from {month}.",
    ),
    "weather": (
        "Forecasters expect heavy rain across {city} on {day}, with up to {n} mm in places.",
        "Temperatures will climb to {t} degrees by the weekend before a cooler front moves in.",
        "A yellow warning for strong winds is in force along the coast until {day} morning.",
        "Snow closed two mountain passes overnight and drivers were advised to carry chains.",
        "The weather service said {month} had been the driest on record in the region.",
        "Police closed the coast road for several hours after a landslide blocked both lanes.",
        "Fog delayed flights at {city} airport, with some departures held for over an hour.",
        "Farmers welcomed the showers after weeks of dry weather threatened the harvest.",
        "Gusts of up to {n}0 kilometres an hour brought down trees and power lines in {city}.",
    ),
    "culture": (
        "The {city} film festival opens on {day} with the premiere of {person}'s new drama.",
        "More than {n},000 visitors saw the exhibition of early photographs in its first month.",
        "{person} won the national poetry prize for a collection about her childhood by the sea.",
        "The orchestra's new season includes three symphonies and a commissioned piano concerto.",
        "Critics praised the production's staging, though the second act felt long.",
        "The museum will reopen its renovated sculpture hall in {month} after two years of work.",
        "Tickets for the band's {city} concert sold out within {n} minutes on {day}.",
        "The novel, set in a fishing town in the 1950s, follows three sisters over one summer.",
        "The theatre announced that {person2} will direct a new version of a classic comedy.",
        "The festival lineup features {n}0 artists from {n2} countries across four stages.",
    ),
    "science": (
        "Researchers in {city} have found a new species of frog in a remote cloud forest.",
        "The study, published on {day}, followed {n},000 adults over ten years.",
        "Engineers tested a battery that charges in under {n} minutes and lasts {n2},000 cycles.",
        "The space agency said the probe would enter orbit around the planet in {month}.",
        "Scientists measured a rise of {p}.{d} degrees in average sea temperature since 1990.",
        "The team used a telescope in {city} to observe the comet for {n} nights.",
        "{person}, who led the research, said more work was needed to confirm the results.",
        "The university will build a new laboratory for plant genetics with a ${n} million grant.",
    ),
    "health": (
        "The hospital in {city} opened a new children's ward with {n}0 beds on {day}.",
        "Health officials urged older residents to get their flu vaccine before winter.",
        "A trial of the new drug showed a {p} percent drop in symptoms after six weeks.",
        "Doctors recommend at least {n}0 minutes of moderate exercise a day for adults.",
        "Waiting times for routine surgery fell in {month}, the health ministry said.",
        "The clinic will offer free eye tests for schoolchildren during the holidays.",
        "Two people were taken to hospital after a car crash on the ring road on {day} night.",
    ),
    "technology": (
        "{company} unveiled a folding phone with a larger screen and a faster chip on {day}.",
        "The update fixes a bug that drained batteries on older models, the company said.",
        "The city council approved a plan to bring fibre broadband to {n},000 homes.",
        "{person} founded the start-up in {city} after leaving her job at a bank.",
        "The app has been downloaded {n} million times since its launch in {month}.",
        "Regulators opened a review of the company's data practices after user complaints.",
        "A software glitch took the ticketing website offline for several hours on {day}.",
    ),
    "local": (
        "The council voted {n}-{n2} to build a new library and community centre in the old market.",
        "Residents of {city} will vote in {month} on plans for a new tram line.",
        "The bridge will close for repairs for {n} weeks from {day}, with diversions signposted.",
        "Volunteers planted {n},000 trees along the river as part of a city greening scheme.",
        "The mayor, {person}, said the budget would protect bus services and school meals.",
        "Police said a man had been arrested after a shop was burgled on the high street on {day}.",
        "The annual food market drew crowds to the square despite the cold weather.",
        "A new cycle lane linking the station and the university opens in {month}.",
        "Firefighters rescued a dog from a frozen pond in a park in {city} on {day}.",
    ),
    "travel": (
        "Rail operators will run extra trains between {city} and {city2} over the holiday weekend.",
        "The ferry company added a second daily crossing in the summer season.",
        "Tourist numbers in {city} rose {p} percent in {month} compared with last year.",
        "The old harbour has been turned into a promenade of cafes and small galleries.",
        "Hotels reported high occupancy during the festival, with rooms booked months ahead.",
        "The hiking trail reopened after volunteers repaired the wooden bridges.",
    ),
}
TOPICS = tuple(_TOPICS)


def _fill(template: str, rng: random.Random) -> str:
    cities = rng.sample(CITIES, 2)
    people = rng.sample(PEOPLE, 2)
    teams = rng.sample(TEAMS, 2)
    companies = rng.sample(COMPANIES, 2)
    return template.format(
        city=cities[0], city2=cities[1], person=people[0], person2=people[1],
        team1=f"{cities[0]} {teams[0]}", team2=f"{cities[1]} {teams[1]}",
        company=companies[0], company2=companies[1], day=rng.choice(WEEKDAYS),
        month=rng.choice(MONTHS), n=rng.randint(2, 9), n2=rng.randint(2, 9),
        s1=rng.randint(1, 4), s2=rng.randint(0, 3), p=rng.randint(2, 19), d=rng.randint(1, 9),
        t=rng.randint(18, 34), m=rng.randint(5, 12), pts=rng.randint(1, 9),
        rank=rng.choice(("third", "fourth", "fifth", "second")),
    )


def paragraph(rng: random.Random, topic: str | None = None) -> str:
    """One news-like paragraph of 3–6 sentences on one topic."""
    topic = topic or rng.choice(TOPICS)
    templates = _TOPICS[topic]
    chosen = rng.sample(templates, min(len(templates), rng.randint(3, 6)))
    return " ".join(_fill(t, rng) for t in chosen)


def article(rng: random.Random, topic: str | None = None) -> str:
    """A headed article of 2–4 paragraphs, in the plain-text form sitrep reads."""
    topic = topic or rng.choice(TOPICS)
    day = rng.randint(1, 28)
    month = rng.randint(1, 12)
    title = f"{topic.title()} news from {rng.choice(CITIES)}"
    body = "\n\n".join(paragraph(rng, topic) for _ in range(rng.randint(2, 4)))
    return f"date 2024-{month:02d}-{day:02d} {title}\n\n{body}\n"


def generate(n: int, seed: int = 7, kind: Callable[..., str] = paragraph) -> Iterator[str]:
    """`n` texts (paragraphs by default, or `article`), deterministic for a given seed."""
    rng = random.Random(seed)
    for _ in range(n):
        yield kind(rng)


def headline(rng: random.Random, topic: str | None = None) -> str:
    """One sentence, the length of a wire brief or a news alert."""
    topic = topic or rng.choice(TOPICS)
    return _fill(rng.choice(_TOPICS[topic]), rng)
