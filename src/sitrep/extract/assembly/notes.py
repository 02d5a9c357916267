"""One ACLED-style sentence per event, generated from its coded fields (never copied from text)."""

from __future__ import annotations

from datetime import date

from sitrep.records import Event

_MODALITY_PHRASE = {
    "claimed": "claimed to have carried out",
    "denied": "denied",
    "planned": "planned",
    "threatened": "threatened",
    "simulated": "conducted an exercise simulating",
    "hypothetical": "considered",
    "feared": "feared",
    "negated": "did not carry out",
}


def event_notes(event: Event) -> str:
    """E.g. 'On 9 December 2023, Military Forces of the United States … at Qasrak (Al-Hasakeh).'

    Built from the coded fields only, so it says what the row says, never more.
    """
    parts = []
    if event.event_date:
        day = date.fromisoformat(event.event_date)
        prefix = "On" if event.time_precision == 1 else "Around"
        parts.append(f"{prefix} {day.day} {day:%B %Y},")
    actor = event.actor1 or "an unidentified actor"
    what = (event.sub_event_type or event.plover or "event").lower()
    verb = _MODALITY_PHRASE.get(event.modality)
    parts.append(f"{actor} {verb} a {what}" if verb else f"{actor}: {what}")
    if event.actor2:
        parts.append(f"involving {event.actor2}")
    if event.location:
        region = ", ".join(x for x in (event.admin1, event.country) if x and x != event.location)
        parts.append(f"at {event.location}" + (f" ({region})" if region else ""))
    elif event.country:
        parts.append(f"in {event.country}")
    sentence = " ".join(parts) + "."
    if event.fatalities:
        qualifier = (
            "" if event.fatalities_qualifier == "exact" else f"{event.fatalities_qualifier} "
        )
        sentence += f" {qualifier}{event.fatalities} reported killed."
    return sentence
