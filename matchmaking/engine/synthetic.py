"""Synthetic but plausible pavilion data, deterministic by seed, for the benchmark and tests.

Sectors are an HS-like tree (20 sections, 100 chapters, 1,000 headings); ~60 countries sit in
8 regions, some in two; SMEs write their profiles in Japanese, English or both, buyers mostly in
English; buyers in the EU, the US and the Gulf often require CE, FDA or Halal. Sector-specific
vocabularies make product text agree with sectors, as it does in real profiles.
"""

from __future__ import annotations

import numpy as np

from matchmaking.engine.profiles import (
    BuyerProfile,
    BuyerType,
    ExhibitorProfile,
    ExportExperience,
    InterpreterAvailability,
    MarketGeography,
    MatchmakingInput,
    OrderSize,
    SectorTaxonomy,
    Wish,
    WishKind,
)


def _words(text: str) -> tuple[str, ...]:
    return tuple(text.split())


REGIONS: dict[str, tuple[str, ...]] = {
    "EU": _words("DE FR IT ES NL BE AT SE DK FI PL CZ PT IE GR"),
    "EFTA": ("CH", "NO", "IS"),
    "ASEAN": ("SG", "TH", "MY", "ID", "VN", "PH", "KH", "MM"),
    "GCC": ("AE", "SA", "QA", "KW", "OM", "BH"),
    "NORTH_AMERICA": ("US", "CA", "MX"),
    "EAST_ASIA": ("CN", "HK", "TW", "KR", "MO"),
    "LATAM": ("BR", "AR", "CL", "CO", "PE", "MX"),
    "OCEANIA": ("AU", "NZ"),
    "MENA": ("AE", "SA", "EG", "MA", "JO", "TR", "IL"),
    "SOUTH_ASIA": ("IN", "BD", "LK", "PK"),
}
# Country: the buyer's local language (English where not listed).
COUNTRY_LANGUAGE = dict(
    pair.split(":")
    for pair in _words(
        "DE:de AT:de CH:de FR:fr BE:fr IT:it ES:es MX:es AR:es CL:es CO:es PE:es PT:pt BR:pt CN:zh "
        "HK:zh TW:zh MO:zh SG:en KR:ko TH:th VN:vi ID:id AE:ar SA:ar QA:ar KW:ar OM:ar BH:ar EG:ar "
        "MA:ar JO:ar NL:nl"
    )
)
CERTIFICATIONS = _words("CE FDA ISO13485 ISO9001 HALAL HACCP JAS_ORGANIC UL RoHS REACH GMP KOSHER")
REGION_CERTIFICATIONS = {
    "EU": ("CE", "REACH", "RoHS"),
    "NORTH_AMERICA": ("FDA", "UL"),
    "GCC": ("HALAL",),
    "MENA": ("HALAL",),
    "EAST_ASIA": ("HACCP",),
}

_ADJECTIVES = _words(
    "precision stainless carbon organic compact portable wireless ceramic titanium aluminium "
    "biodegradable disposable sterile digital smart industrial handmade lacquered ultrasonic "
    "medical surgical antibacterial waterproof recycled premium lightweight modular optical "
    "thermal magnetic flexible miniature automated hydraulic frozen fermented dried roasted "
    "textile wooden bamboo"
)
_NOUNS = _words(
    "sensor valve bearing gear pump motor actuator catheter stent syringe scalpel endoscope "
    "monitor scanner probe lens camera display battery cable connector switch relay capacitor "
    "resistor chip board module enclosure tray container bottle film sheet fibre yarn fabric "
    "garment towel cushion chair table lamp vase bowl cup plate knife scissors brush comb "
    "cosmetic serum lotion shampoo soap fragrance tea matcha sake miso soy noodle rice snack "
    "confectionery sauce vinegar seaweed fish beef fruit vegetable juice supplement enzyme "
    "vaccine reagent assay kit pipette microscope centrifuge incubator robot gripper controller "
    "inverter transformer generator turbine filter membrane adhesive coating paint ink paper "
    "packaging label tag toy game figure stationery pen notebook bag wallet shoe helmet glove"
)
_GENERIC = _words(
    "quality supplier manufacturer export partner distribution wholesale retail brand "
    "innovative reliable certified sustainable traditional japanese craftsmanship design "
    "production factory technology solution product range customer market sourcing import "
    "looking seeking new line volume delivery price"
)
_JAPANESE_TERMS = _words(
    "医療機器 精密部品 超音波 内視鏡 手術器具 診断装置 包装資材 食品加工 "
    "有機栽培 抹茶 日本酒 味噌 醤油 和菓子 漆器 陶磁器 刃物 化粧品 美容液 "
    "繊維製品 木工品 竹製品 半導体 電子部品 センサー モーター ロボット "
    "検査装置 試薬 健康食品 冷凍食品 水産加工品 調味料 文房具 玩具 照明器具 "
    "家具 金属加工 樹脂成形 表面処理 伝統工芸"
)
_JAPANESE_GENERIC = _words(
    "高品質 国内製造 海外展開 輸出実績 新製品 独自技術 小ロット対応 販路開拓"
)

SECTION_NAMES = (
    ("Live animals and animal products", "動物及び動物性生産品"),
    ("Vegetable products", "植物性生産品"),
    ("Fats and oils", "油脂"),
    ("Prepared foodstuffs and beverages", "調製食料品・飲料"),
    ("Mineral products", "鉱物性生産品"),
    ("Chemical products", "化学工業の生産品"),
    ("Plastics and rubber", "プラスチック及びゴム"),
    ("Leather goods", "革製品"),
    ("Wood and articles of wood", "木材及びその製品"),
    ("Paper and paperboard", "紙及び板紙"),
    ("Textiles and apparel", "紡織用繊維及びその製品"),
    ("Footwear and headgear", "履物・帽子"),
    ("Stone, ceramic and glass", "陶磁製品及びガラス"),
    ("Base metals", "卑金属及びその製品"),
    ("Machinery and electrical equipment", "機械類及び電気機器"),
    ("Vehicles", "車両"),
    ("Medical and optical instruments", "医療用・光学機器"),
    ("Furniture and lighting", "家具・照明"),
    ("Toys and sports goods", "玩具・運動用具"),
    ("Works of art and crafts", "美術品・工芸品"),
)


def synthetic_taxonomy(
    n_sections: int = 20, chapters_per_section: int = 5, headings_per_chapter: int = 10
) -> SectorTaxonomy:
    """An HS-like tree: sections "S01", chapters "01", headings "0103" (paths root first)."""
    paths: dict[str, tuple[str, ...]] = {}
    labels: dict[str, dict[str, str]] = {}
    chapter_number = 0
    for s in range(n_sections):
        section = f"S{s + 1:02d}"
        paths[section] = (section,)
        en, ja = SECTION_NAMES[s % len(SECTION_NAMES)]
        labels[section] = {"en": en, "ja": ja}
        for _ in range(chapters_per_section):
            chapter_number += 1
            chapter = f"{chapter_number:02d}"
            paths[chapter] = (section, chapter)
            labels[chapter] = {"en": f"{en} (chapter {chapter})", "ja": f"{ja}（第{chapter}類）"}
            for h in range(headings_per_chapter):
                heading = f"{chapter}{h + 1:02d}"
                paths[heading] = (section, chapter, heading)
                labels[heading] = {"en": f"{en} (heading {heading})", "ja": f"{ja}（{heading}項）"}
    return SectorTaxonomy(paths=paths, labels=labels)


def synthetic_geography() -> MarketGeography:
    regions = {name: frozenset(members) for name, members in REGIONS.items()}
    return MarketGeography(
        regions=regions,
        labels={
            "EU": {"en": "the EU", "ja": "EU"},
            "GCC": {"en": "the GCC", "ja": "湾岸協力会議"},
            "ASEAN": {"en": "ASEAN", "ja": "ASEAN"},
            "DE": {"en": "Germany", "ja": "ドイツ"},
            "US": {"en": "the United States", "ja": "米国"},
            "FR": {"en": "France", "ja": "フランス"},
            "AE": {"en": "the UAE", "ja": "アラブ首長国連邦"},
            "HK": {"en": "Hong Kong", "ja": "香港"},
        },
    )


def synthetic_input(
    n_exhibitors: int, n_buyers: int, seed: int = 0, wish_rate: float = 0.02
) -> MatchmakingInput:
    """Profiles for one run; the same arguments always give the same profiles."""
    rng = np.random.default_rng(seed)
    taxonomy = synthetic_taxonomy()
    geography = synthetic_geography()
    headings = [node for node, path in taxonomy.paths.items() if len(path) == 3]
    chapters = [node for node, path in taxonomy.paths.items() if len(path) == 2]
    countries = sorted({c for members in REGIONS.values() for c in members})
    regions = sorted(REGIONS)

    # Each chapter has its own product vocabulary in both languages.
    vocabulary = {}
    for chapter in chapters:
        adjectives = rng.choice(_ADJECTIVES, size=12)
        nouns = rng.choice(_NOUNS, size=12)
        vocabulary[chapter] = (
            [f"{a}-{n}" for a, n in zip(adjectives, nouns, strict=True)] + list(nouns[:6]),
            list(rng.choice(_JAPANESE_TERMS, size=4)),
        )

    def text(sector_chapters: list[str], n_words: int, japanese_share: float) -> str:
        words = []
        for _ in range(n_words):
            chapter = sector_chapters[rng.integers(len(sector_chapters))]
            english, japanese = vocabulary[chapter]
            if rng.random() < japanese_share:
                pool = japanese if rng.random() < 0.7 else _JAPANESE_GENERIC
                words.append(pool[rng.integers(len(pool))] + ("の" if rng.random() < 0.3 else ""))
            else:
                pool = english if rng.random() < 0.7 else _GENERIC
                words.append(pool[rng.integers(len(pool))])
        return " ".join(words)

    country_weight = 1.0 / np.arange(1, len(countries) + 1) ** 0.8
    country_weight /= country_weight.sum()
    country_order = rng.permutation(countries)
    order_sizes = list(OrderSize)

    exhibitors = []
    for i in range(n_exhibitors):
        home = headings[rng.integers(len(headings))]
        sectors = {home}
        for _ in range(rng.integers(0, 3)):
            # Mostly neighbouring headings in the same chapter, sometimes elsewhere.
            if rng.random() < 0.7:
                sectors.add(f"{home[:2]}{rng.integers(1, 11):02d}")
            else:
                sectors.add(headings[rng.integers(len(headings))])
        markets = set()
        for _ in range(rng.integers(1, 5)):
            markets.add(
                regions[rng.integers(len(regions))]
                if rng.random() < 0.4
                else country_order[min(rng.geometric(0.08), len(countries)) - 1]
            )
        style = rng.random()
        japanese_share = 1.0 if style < 0.3 else (0.5 if style < 0.7 else 0.0)
        size_start = int(rng.integers(0, 4))
        exhibitors.append(
            ExhibitorProfile(
                id=i + 1,
                sectors=tuple(sorted(sectors)),
                target_markets=tuple(sorted(markets)),
                languages=("ja",)
                + (("en",) if rng.random() < 0.45 else ())
                + (("zh",) if rng.random() < 0.05 else ()),
                certifications=tuple(
                    sorted(set(rng.choice(CERTIFICATIONS, size=rng.integers(0, 4))))
                ),
                export_experience=list(ExportExperience)[rng.choice(4, p=[0.35, 0.3, 0.25, 0.1])],
                first_time_exhibitor=bool(rng.random() < 0.3),
                products=text([s[:2] for s in sectors], int(rng.integers(8, 20)), japanese_share),
                description=text([home[:2]], int(rng.integers(5, 15)), japanese_share),
                buyer_types=tuple(sorted(set(rng.choice(list(BuyerType), size=rng.integers(2, 5)))))
                if rng.random() < 0.5
                else (),
                order_sizes=tuple(order_sizes[size_start : size_start + int(rng.integers(1, 4))])
                if rng.random() < 0.5
                else (),
                max_meetings=int(rng.integers(6, 17)),
            )
        )

    buyer_countries = rng.choice(country_order, size=n_buyers, p=country_weight)
    buyers = []
    for j in range(n_buyers):
        country = str(buyer_countries[j])
        interests = set()
        anchor = headings[rng.integers(len(headings))]
        for _ in range(rng.integers(1, 6)):
            roll = rng.random()
            if roll < 0.5:
                interests.add(f"{anchor[:2]}{rng.integers(1, 11):02d}")
            elif roll < 0.7:
                interests.add(anchor[:2])  # a whole chapter
            else:
                interests.add(headings[rng.integers(len(headings))])
        required: set[str] = set()
        for region, certs in REGION_CERTIFICATIONS.items():
            if country in REGIONS[region] and rng.random() < 0.35:
                required.add(certs[rng.integers(len(certs))])
        if rng.random() < 0.1:
            required.add(CERTIFICATIONS[rng.integers(len(CERTIFICATIONS))])
        local = COUNTRY_LANGUAGE.get(country, "en")
        buyers.append(
            BuyerProfile(
                id=f"b{j + 1}",
                country=country,
                buyer_type=list(BuyerType)[rng.integers(len(BuyerType))],
                sectors=tuple(sorted(interests)),
                sourcing_needs=text(
                    [s[:2] for s in interests],
                    int(rng.integers(6, 16)),
                    0.05 if local == "zh" else 0.0,
                ),
                order_size=order_sizes[rng.integers(4)] if rng.random() < 0.8 else None,
                languages=tuple(sorted({local} | ({"en"} if rng.random() < 0.8 else set()))),
                required_certifications=tuple(sorted(required)),
                max_meetings=int(rng.integers(3, 9)),
            )
        )

    wishes = []
    n_wishes = int(wish_rate * n_buyers)
    # Only the wishes people express (a pair's meetings are the Django side's to add), in a fixed
    # order so the synthetic pavilions stay the same as kinds are added.
    kinds = [
        WishKind.REQUESTED_BY_BUYER,
        WishKind.REQUESTED_BY_SME,
        WishKind.MUST_MEET,
        WishKind.NO_THANKS,
        WishKind.MET_BEFORE,
        WishKind.DECLINED,
    ]
    for _ in range(n_wishes if n_exhibitors else 0):
        kind = kinds[rng.choice(len(kinds), p=[0.35, 0.2, 0.05, 0.2, 0.1, 0.1])]
        wishes.append(
            Wish(int(rng.integers(1, n_exhibitors + 1)), f"b{rng.integers(1, n_buyers + 1)}", kind)
        )
    interpreters = InterpreterAvailability.from_pairs(
        [("ja", "en"), ("ja", "zh"), ("ja", "de"), ("ja", "fr"), ("ja", "ar"), ("ja", "ko")]
    )
    return MatchmakingInput(
        exhibitors=tuple(exhibitors),
        buyers=tuple(buyers),
        taxonomy=taxonomy,
        geography=geography,
        interpreters=interpreters,
        wishes=tuple(wishes),
    )
