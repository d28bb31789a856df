"""The demo's foreign buyers as plans: pure functions of the seed and the scale."""

import random
from dataclasses import dataclass, field
from functools import partial

from .content import foci_consumer, foci_technology
from .content.buyers import (
    MEDICA_COUNTRIES,
    NAME_WORDS,
    ORDER_SIZES,
    ORDER_WORDS,
    SOURCING_TEMPLATES,
    TEXT_LANGUAGES,
    TYPE_WORDS,
)
from .content.countries_europe import EUROPE
from .content.countries_world import REST_OF_WORLD
from .content.fairs import FAIRS, PAVILIONS
from .streams import random_stream, weighted_choice

BUYERS_PER_SCALE = 400


COUNTRIES = {**EUROPE, **REST_OF_WORLD}


# Keep this order: every buyer's focus is drawn from these weights as listed, so reordering them
# would change every buyer.
FOCI = {
    "medical": foci_technology.MEDICAL,
    "biotech": foci_technology.BIOTECH,
    "craft": foci_consumer.CRAFT,
    "fruit": foci_consumer.FRUIT,
    "food": foci_consumer.FOOD,
    "cosmetics": foci_consumer.COSMETICS,
    "machinery": foci_technology.MACHINERY,
}


@dataclass
class BuyerPlan:
    focus: str
    name: str
    country: str
    city: str
    buyer_type: str
    order_size: str
    languages: list[str]
    sectors: list[str]
    certifications: list[str]
    sourcing_needs: str
    pavilions: dict[str, tuple[float, list[int]]]  # key -> (moment in window, day indexes)
    # key -> what the buyer sources at that pavilion's fair, when it differs from the company's
    # text: a buyer visiting a second fair looks for other products there.
    fair_needs: dict[str, str] = field(default_factory=dict)


def buyer_plans(*, scale: int) -> list[BuyerPlan]:
    """Every buyer of the demo at this scale, in a fixed order; the first ones never change."""
    rng = random_stream("buyers")
    foci = {key: focus.share for key, focus in FOCI.items()}
    taken: set[tuple[str, str]] = set()
    plans = []
    for _index in range(BUYERS_PER_SCALE * scale):
        focus_key = weighted_choice(rng, foci)
        focus = FOCI[focus_key]
        country = weighted_choice(rng, focus.countries)
        plan = COUNTRIES[country]
        words = NAME_WORDS.get(plan.group, {}).get(focus_key) or NAME_WORDS["en"][focus_key]
        for attempt in range(40):
            base, word = rng.choice(plan.bases), rng.choice(words)
            suffix = rng.choice(plan.suffixes)
            if attempt >= 20:  # crowded: a second family name makes a partnership name
                base = f"{base} & {rng.choice(plan.bases)}"
            name = " ".join(plan.pattern.format(base=base, word=word, suffix=suffix).split())
            if (name, country) not in taken:
                break
        taken.add((name, country))
        city = rng.choice(plan.cities)
        buyer_type = weighted_choice(rng, focus.types)
        order_size = weighted_choice(rng, ORDER_SIZES)
        languages = list(plan.languages)
        if not languages or rng.random() < 0.85:
            languages.append("en")
        if rng.random() < 0.05:
            languages.append("ja")
        products = rng.sample(focus.products, k=min(len(focus.products), rng.randint(2, 3)))
        certifications = [
            code
            for code, where in focus.certifications.items()
            if country in where and rng.random() < 0.8
        ]
        text_language = "en"
        for language in ("de", "fr", "zh"):
            if language in plan.languages and rng.random() < 0.45:
                text_language = language
                break
        if text_language == "en" and "en" not in languages:
            languages.append("en")
        pavilions = _buyer_pavilions(rng, focus_key, country)
        # The buyer's needs text for a choice of products.
        needs = partial(
            _sourcing_needs,
            text_language,
            buyer_type,
            city,
            focus,
            certifications=certifications,
            order_size=order_size,
        )
        plans.append(
            BuyerPlan(
                focus=focus_key,
                name=name,
                country=country,
                city=city,
                buyer_type=buyer_type,
                order_size=order_size,
                languages=languages,
                sectors=sorted({p[0] for p in products}),
                certifications=certifications,
                sourcing_needs=needs(products),
                pavilions=pavilions,
                fair_needs=_fair_needs(name, country, pavilions, focus, needs),
            )
        )
    return plans


def _fair_needs(name: str, country: str, pavilions: dict, focus, needs) -> dict[str, str]:
    """Other products for the pavilions of a second fair; the first fair's are the company's."""
    fairs = {plan.key: plan.fair for plan in PAVILIONS}
    first = fairs[next(iter(pavilions))] if pavilions else None
    result = {}
    for key in pavilions:
        if fairs[key] == first:
            continue
        # A stream of its own, so the buyers' other draws stay as they were.
        rng = random_stream(f"fair-needs:{name}:{country}:{fairs[key]}")
        result[key] = needs(rng.sample(focus.products, k=2))
    return result


def _sourcing_needs(language, buyer_type, city, focus, products, certifications, order_size):
    column = TEXT_LANGUAGES.index(language)
    body, certs, order = SOURCING_TEMPLATES[language]
    kind, first, second = (
        TYPE_WORDS[buyer_type][column],
        products[0][column + 1],
        products[1][column + 1],
    )
    if language == "en":
        kind = f"{'an' if kind[0] in 'aeiou' else 'a'} {kind}"
    elif language == "fr":
        first, second = _french_de(first), _french_de(second)
    text = body.format(
        type=kind, city=city, channel=focus.channel[column], first=first, second=second
    )
    if certifications:
        text += certs.format(certs=", ".join(certifications))
    return text + order.format(order=ORDER_WORDS[order_size][column])


def _french_de(noun: str) -> str:
    return f"d'{noun}" if noun[0].lower() in "aeiouéh" else f"de {noun}"


def _buyer_pavilions(rng: random.Random, focus: str, country: str) -> dict:
    keys: list[str] = []
    r = rng.random()
    if focus == "medical":
        if country in MEDICA_COUNTRIES:
            keys = ["medica-jetro"] + (["medica-niigata"] if r < 0.3 else [])
        else:
            keys = ["arabhealth-jetro"] + (["medica-jetro"] if r < 0.15 else [])
    elif focus == "biotech":
        keys = ["bio-jetro"] + (["medica-jetro"] if r < 0.1 and country in MEDICA_COUNTRIES else [])
    elif focus == "craft":
        keys = (
            ["maison-jetro"]
            if r < 0.6
            else ["maison-kansai"]
            if r < 0.8
            else ["maison-jetro", "maison-kansai"]
        )
    elif focus == "cosmetics":
        keys = ["maison-jetro"] if r < 0.8 else ["maison-kansai"]
    elif focus == "fruit":
        keys = ["afl-jetro"]
    elif focus == "food":
        keys = ["afl-jetro"] if r < 0.6 else []
    elif focus == "machinery":
        keys = ["medica-jetro"] + (["medica-niigata"] if r < 0.3 else [])
    fairs = {plan.key: plan.fair for plan in PAVILIONS}
    result = {}
    for key in keys:
        fair = FAIRS[fairs[key]]
        length = (fair["ends_on"] - fair["starts_on"]).days + 1
        days = sorted(rng.sample(range(length), k=rng.randint(1, length)))
        result[key] = (rng.random(), days)
    return result
