"""The demo's Japanese SMEs as plans: pure functions of the seed and the scale."""

import random
from dataclasses import dataclass, field

from companies.choices import ExportExperience, OrderSize
from companies.eligibility import sme_eligibility

from .content import sectors_consumer, sectors_technology
from .content.japan import (
    APPLICATION_MESSAGES,
    ENGLISH_SHARE,
    EXPORT_SENTENCES,
    EXPORT_WEIGHTS,
    FARM_VERB,
    FIXED_FIGURES,
    FOUNDED,
    KANSAI,
    LEGAL_FORMS,
    PLACES,
    PREFECTURE_JA,
    SERVED_TYPES,
    SHORT_REGION_NAMES,
    SHOWCASE_SME,
    SURNAMES,
    THIRD_LANGUAGES,
    VERBS,
    WITH_ARTICLE,
    BusinessLine,
    M,
    S,
    SectorProfile,
    W,
)
from .streams import random_stream, weighted_choice

SMES_PER_SCALE = 100  # the sector shares below add up to this


# Keep this order: it is the order of the SMEs in the plans, and so of their rows.
SECTORS = {
    "medical": sectors_technology.MEDICAL,
    "biotech": sectors_technology.BIOTECH,
    "craft": sectors_consumer.CRAFT,
    "food": sectors_consumer.FOOD,
    "fruit": sectors_consumer.FRUIT,
    "cosmetics": sectors_consumer.COSMETICS,
    "machinery": sectors_technology.MACHINERY,
}


@dataclass
class SMEPlan:
    sector: str
    name_ja: str
    name_en: str
    prefecture: str
    industry_class: str
    employees: int
    capital_yen: int
    export_experience: str
    founded: int
    line: BusinessLine
    place: tuple[str, str]
    products: list[tuple[str, str, str]]
    markets: list[str]
    languages: list[str]
    certifications: list[str]
    sectors: list[str]
    strength: tuple[str, str]
    pavilions: dict[str, float] = field(default_factory=dict)  # key -> moment in the window
    message: str = ""
    buyer_types_served: list[str] = field(default_factory=list)
    order_sizes_served: list[str] = field(default_factory=list)

    @property
    def eligible(self) -> bool:
        return sme_eligibility(
            industry_class=self.industry_class,
            capital_yen=self.capital_yen,
            employees=self.employees,
        ).eligible


def _figures(rng: random.Random, industry_class: str) -> tuple[int, int]:
    if industry_class == M:
        employees = rng.choice(
            (rng.randint(6, 50), rng.randint(6, 50), rng.randint(51, 150), rng.randint(151, 290))
        )
        capital = rng.choice((10, 20, 30, 50, 80, 100, 200, 300)) * 1_000_000
    elif industry_class == W:
        employees, capital = rng.randint(5, 95), rng.choice((10, 30, 50, 100)) * 1_000_000
    elif industry_class == S:
        employees, capital = rng.randint(3, 90), rng.choice((3, 10, 30, 50)) * 1_000_000
    else:
        employees, capital = rng.randint(3, 45), rng.choice((3, 10, 30, 50)) * 1_000_000
    return employees, capital


def sme_plans(*, scale: int) -> list[SMEPlan]:
    """Every SME of the demo at this scale, in a fixed order; the first ones never change."""
    taken: set[str] = set()
    plans = []
    for sector_key, profile in SECTORS.items():
        rng = random_stream(f"sme:{sector_key}")
        for index in range(profile.share * scale):
            plans.append(_sme_plan(rng, sector_key, profile, index, taken))
    return plans


def _sme_plan(
    rng: random.Random, sector_key: str, profile: SectorProfile, index: int, taken: set[str]
) -> SMEPlan:
    fixed = FIXED_FIGURES.get((sector_key, index))
    showcase = sector_key == "medical" and index == 0
    if showcase:
        line = profile.lines[SHOWCASE_SME["line"]]
    elif fixed:
        line = next(line for line in profile.lines if line.industry_class == fixed[0])
    else:
        line = rng.choices(profile.lines, weights=[line.weight for line in profile.lines])[0]
    for _attempt in range(60):
        # The first prefecture listed is where the trade clusters; it gets twice the weight.
        prefecture = rng.choice(line.prefectures + line.prefectures[:1])
        place = rng.choice(PLACES[prefecture]) if rng.random() < 0.75 else rng.choice(SURNAMES)
        word_ja, word_en = rng.choice(line.words)
        form_ja, form_en, _w = rng.choices(LEGAL_FORMS, weights=[f[2] for f in LEGAL_FORMS])[0]
        name_ja = form_ja.format(place[0] + word_ja)
        name_en = form_en.format(f"{place[1]} {word_en}")
        if showcase:
            prefecture, place = SHOWCASE_SME["prefecture"], SHOWCASE_SME["place"]
            name_ja, name_en = SHOWCASE_SME["name_ja"], SHOWCASE_SME["name_en"]
        if name_ja not in taken:
            break
    else:
        name_ja, name_en = f"{name_ja}（{index + 1}）", f"{name_en} ({index + 1})"
    taken.add(name_ja)

    industry_class = line.industry_class
    employees, capital = _figures(rng, industry_class)
    if fixed:
        industry_class, employees, capital = fixed
    export = weighted_choice(rng, EXPORT_WEIGHTS)
    if showcase:
        employees, capital = SHOWCASE_SME["employees"], SHOWCASE_SME["capital_yen"]
        export = SHOWCASE_SME["export_experience"]
    products = rng.sample(line.products, k=min(len(line.products), rng.randint(2, 4)))
    markets = rng.sample(profile.markets, k=rng.randint(1, 4))
    languages = ["ja"]
    if rng.random() < ENGLISH_SHARE[export]:
        languages.append("en")
    if rng.random() < 0.08:
        languages.append(rng.choice(THIRD_LANGUAGES))
    certifications = []
    for code, probability, needs in profile.certifications:
        if needs and not set(needs) & set(markets):
            continue
        if rng.random() < probability * (0.35 if export == ExportExperience.NONE else 1.0):
            certifications.append(code)
    sectors = sorted({hs for _ja, _en, hs in products})
    if rng.random() < 0.3:
        sectors = sorted(set(sectors) | {products[0][2][:2]})
    plan = SMEPlan(
        sector=sector_key,
        name_ja=name_ja,
        name_en=name_en,
        prefecture=prefecture,
        industry_class=industry_class,
        employees=employees,
        capital_yen=capital,
        export_experience=export,
        founded=rng.randint(*FOUNDED[sector_key]),
        line=line,
        place=place,
        products=products,
        markets=markets,
        languages=languages,
        certifications=certifications,
        sectors=sectors,
        strength=rng.choice(profile.strengths),
        message=rng.choice(APPLICATION_MESSAGES),
    )
    plan.pavilions = _sme_pavilions(rng, plan)
    _served(plan)
    return plan


def _served(plan: SMEPlan) -> None:
    """Which buyers the SME can serve; most leave it open, small newcomers cap the order size."""
    # A stream of its own per SME, so these choices never shift the other SMEs' draws.
    rng = random_stream(f"sme-served:{plan.name_ja}")
    if rng.random() < 0.4:
        types = SERVED_TYPES[plan.sector]
        plan.buyer_types_served = sorted(rng.sample(types, k=rng.randint(1, len(types) - 1)))
    if plan.export_experience == ExportExperience.NONE or plan.employees < 20:
        plan.order_sizes_served = [OrderSize.SMALL, OrderSize.MEDIUM]
    elif plan.export_experience == ExportExperience.INDIRECT and rng.random() < 0.5:
        plan.order_sizes_served = [OrderSize.SMALL, OrderSize.MEDIUM, OrderSize.LARGE]


def _sme_pavilions(rng: random.Random, plan: SMEPlan) -> dict[str, float]:
    """Which pavilions the SME applies to, each with how far into the window it applies."""
    wanted: list[tuple[str, float]] = []
    niigata = plan.prefecture == "niigata"
    kansai = plan.prefecture in KANSAI
    codes = set(plan.sectors)
    if plan.sector == "medical":
        wanted += [
            ("medica-niigata" if niigata else "medica-jetro", 0.8 if niigata else 0.7),
            ("arabhealth-jetro", 0.45),
        ]
    elif plan.sector == "biotech":
        wanted += [("bio-jetro", 0.75), ("medica-jetro", 0.2)]
    elif plan.sector in ("craft", "cosmetics"):
        wanted.append(
            ("maison-kansai" if kansai else "maison-jetro", 0.75 if plan.sector == "craft" else 0.6)
        )
    elif plan.sector == "fruit":
        wanted.append(("afl-jetro", 0.85))
    elif plan.sector == "food" and codes & {"2008", "2009", "0805"}:
        wanted.append(("afl-jetro", 0.6))
    elif plan.sector == "machinery":
        wanted.append(("medica-niigata" if niigata else "medica-jetro", 0.8 if niigata else 0.55))
    # Draw for every candidate, even an ineligible SME's, so later SMEs do not depend on it.
    chosen = {key: rng.random() for key, chance in wanted if rng.random() < chance}
    return chosen if plan.eligible else {}


def _short_market_name(code: str, market_names: dict[str, tuple[str, str]]) -> tuple[str, str]:
    """How a market reads inside a sentence: ASEAN rather than its full name, the US, ..."""
    if code in SHORT_REGION_NAMES:
        return SHORT_REGION_NAMES[code]
    name_ja, name_en = market_names[code]
    return name_ja.split("（")[0], f"the {name_en}" if code in WITH_ARTICLE else name_en


def sme_texts(plan: SMEPlan, market_names: dict[str, tuple[str, str]]) -> dict[str, str]:
    profile = SECTORS[plan.sector]
    place_ja, place_en = plan.place
    pref_ja, pref_en = PREFECTURE_JA[plan.prefecture], plan.prefecture.title()
    if plan.prefecture not in ("tokyo", "hokkaido"):  # Tokyo-to and Hokkaido are not "ken"
        pref_en += " Prefecture"
    verb_ja, verb_en = VERBS[plan.industry_class]
    if plan.sector == "fruit" and plan.industry_class == M:
        verb_ja, verb_en = FARM_VERB
    first, second = plan.products[0], plan.products[1]
    strength_ja = plan.strength[0].format(place=place_ja)
    strength_en = plan.strength[1].format(place=place_en)
    names = [_short_market_name(code, market_names) for code in plan.markets[:2]]
    export_ja, export_en = EXPORT_SENTENCES[plan.export_experience]
    export_ja = export_ja.format(markets="・".join(ja for ja, _en in names))
    export_en = export_en.format(markets=" and ".join(en for _ja, en in names))
    company = plan.name_en.removesuffix(" Co., Ltd.").removesuffix(" Corporation")
    company = company.removesuffix(" Ltd.")
    return {
        "description_ja": (
            f"{plan.founded}年に{pref_ja}で創業。{first[0]}や{second[0]}を{verb_ja}。"
            f"{strength_ja}。{profile.customers[0]}に納入してきました。{export_ja}"
        ),
        "description_en": (
            f"Founded in {plan.founded} in {pref_en}, {company} {verb_en} {first[1]} "
            f"and {second[1]}; {strength_en}. It supplies {profile.customers[1]}. {export_en}"
        ),
        "products_ja": "\n".join(f"・{ja}" for ja, _en, _hs in plan.products),
        "products_en": "\n".join(f"- {en[0].upper()}{en[1:]}" for _ja, en, _hs in plan.products),
    }
