"""Texts of the interventions (titles, descriptions, where the leader's hours come from),
English and Dutch. Keys are used as `intervention.<kind>.<field>`; interventions/catalogue.py reads them."""

from __future__ import annotations

INTERVENTIONS: dict[str, dict[str, str]] = {
    "assumption": {
        "en": "assumption",
        "nl": "aanname",
    },
    "team-map.title": {
        "en": "Team map",
        "nl": "Teamkaart",
    },
    "team-map.description": {
        "en": (
            "The leader draws the team: who is close, who is far, and why. Seeing the split makes the"
            " leader notice evidence against the labels for a while."
        ),
        "nl": (
            "De leider tekent het team: wie staat dichtbij, wie ver weg, en waarom. Door de "
            "tweedeling te zien let de leider een tijd ook op wat de etiketten tegenspreekt."
        ),
    },
    "team-map.hours_source": {
        "en": (
            "assumption: drawing the map and keeping it in view (about six minutes per person per "
            "week over its 12 weeks); the monthly check-ins with those drawn far away are counted "
            "as contacts"
        ),
        "nl": (
            "aanname: de kaart tekenen en bijhouden (ongeveer zes minuten per persoon per week, 12 "
            "weken lang); de maandelijkse gesprekjes met wie ver weg getekend staat tellen als "
            "contacten"
        ),
    },
    "role-clarification.title": {
        "en": "Role clarification",
        "nl": "Rolverheldering",
    },
    "role-clarification.description": {
        "en": (
            "Clarify expectations again and re-open role-making: the leader's impression is open to "
            "revision and the work becomes easier to read."
        ),
        "nl": (
            "Verwachtingen opnieuw bespreken en de rol opnieuw vormgeven: het beeld van de leider "
            "staat weer open voor bijstelling en het werk wordt beter leesbaar."
        ),
    },
    "role-clarification.hours_source": {
        "en": (
            "assumption: one 45-minute conversation about expectations per person per week while it "
            "runs (8 weeks)"
        ),
        "nl": (
            "aanname: één gesprek van 45 minuten over verwachtingen per persoon per week zolang het "
            "loopt (8 weken)"
        ),
    },
    "one-on-ones.title": {
        "en": "Regular one-on-ones",
        "nl": "Vaste één-op-ééngesprekken",
    },
    "one-on-ones.description": {
        "en": (
            "A fixed one-on-one every few weeks, whatever the leader thinks of the member: the leader"
            " sees the work and the member feels listened to."
        ),
        "nl": (
            "Om de paar weken een vast één-op-ééngesprek, wat de leider ook van de medewerker vindt: "
            "de leider ziet het werk en de medewerker voelt zich gehoord."
        ),
    },
    "one-on-ones.hours_source": {
        "en": "assumption: a 30-minute one-on-one per meeting, a common length in practice guides",
        "nl": (
            "aanname: een één-op-ééngesprek van 30 minuten per keer, een gangbare lengte in praktijkgidsen"
        ),
    },
    "stretch-assignment.title": {
        "en": "Stretch assignment",
        "nl": "Uitdagende opdracht",
    },
    "stretch-assignment.description": {
        "en": (
            "A challenging task with more room to decide. Backed by real trust it is a vote of "
            "confidence; from a leader who does not trust the member it reads as insincere, or as a "
            "test."
        ),
        "nl": (
            "Een uitdagende taak met meer beslisruimte. Gedragen door echt vertrouwen is het een "
            "blijk van vertrouwen; van een leider die de medewerker niet vertrouwt komt het onoprecht"
            " over, of als een test."
        ),
    },
    "stretch-assignment.hours_source": {
        "en": "assumption: a quarter of an hour of coaching per week on the assignment",
        "nl": "aanname: een kwartier coaching per week over de opdracht",
    },
    "sudden-praise.title": {
        "en": "Sudden praise",
        "nl": "Plotseling compliment",
    },
    "sudden-praise.description": {
        "en": (
            "Unexpected praise without a change in how the member is treated. It does little, and "
            "when the leader's trust does not back it up it reads as insincere."
        ),
        "nl": (
            "Onverwacht lof zonder dat de omgang met de medewerker verandert. Het doet weinig, en als"
            " het vertrouwen van de leider er niet achter staat komt het onoprecht over."
        ),
    },
    "sudden-praise.hours_source": {
        "en": "assumption: a few minutes",
        "nl": "aanname: enkele minuten",
    },
    "reflection.title": {
        "en": "Reflection rhythm",
        "nl": "Reflectieritme",
    },
    "reflection.description": {
        "en": (
            "Every few weeks the leader asks of each relationship: what do I really know, and what is"
            " my label? Impressions loosen and relationships can move again."
        ),
        "nl": (
            "Om de paar weken vraagt de leider zich per relatie af: wat weet ik echt, en wat is mijn "
            "etiket? Indrukken worden losser en relaties kunnen weer bewegen."
        ),
    },
    "reflection.hours_source": {
        "en": "assumption: about five minutes of thought and notes per relationship per review",
        "nl": "aanname: ongeveer vijf minuten nadenken en noteren per relatie per terugblik",
    },
    "equal-latitude.title": {
        "en": "Equal-latitude policy",
        "nl": "Gelijke beslisruimte",
    },
    "equal-latitude.description": {
        "en": (
            "Latitude is granted by a team rule instead of by the leader's trust: everyone moves "
            "toward the same autonomy (the team's average trust level, or a set level)."
        ),
        "nl": (
            "Beslisruimte volgt een teamafspraak in plaats van het vertrouwen van de leider: iedereen"
            " groeit naar dezelfde autonomie (het gemiddelde vertrouwensniveau of een vast niveau)."
        ),
    },
    "equal-latitude.hours_source": {
        "en": "assumption: a few minutes per person per week to keep to the team rule",
        "nl": "aanname: enkele minuten per persoon per week om de teamregel aan te houden",
    },
    "expectation.title": {
        "en": "High-potential expectation",
        "nl": "Verwachting: groot potentieel",
    },
    "expectation.description": {
        "en": (
            "Someone the leader trusts says this person has high potential (as in Eden's Pygmalion"
            " experiments). The leader weighs it like any other evidence about the person; nothing in"
            " the person changes."
        ),
        "nl": (
            "Iemand die de leider vertrouwt zegt dat deze persoon groot potentieel heeft (zoals in"
            " Edens Pygmalion-experimenten). De leider weegt dat als elk ander gegeven over de persoon;"
            " aan de persoon zelf verandert niets."
        ),
    },
    "expectation.hours_source": {
        "en": "assumption: a few minutes to hear or read the assessment",
        "nl": "aanname: een paar minuten om de beoordeling te horen of te lezen",
    },
    "contact.name": {
        "en": "Contact (a short conversation an intervention schedules)",
        "nl": "Contact (een kort gesprek dat een interventie inplant)",
    },
    "contact.hours_source": {
        "en": (
            "assumption: a 15-minute conversation for each guaranteed contact an intervention "
            "schedules beyond its own conversation (team map, reflection)"
        ),
        "nl": (
            "aanname: een gesprek van 15 minuten voor elk gegarandeerd contact dat een interventie "
            "inplant naast haar eigen gesprek (teamkaart, reflectie)"
        ),
    },
}


def kinds() -> list[str]:
    """The intervention kinds, in the catalogue's order, read from their titles here.

    The command line's help names them without importing the catalogue (which needs numpy),
    so `lmxsim --help` stays fast; tests/test_twin.py checks they are the catalogue's keys.
    """
    return [key.removesuffix(".title") for key in INTERVENTIONS if key.endswith(".title")]
