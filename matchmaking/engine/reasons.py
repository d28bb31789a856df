"""Why a pair was proposed: reasons as data, and one readable sentence in English or Japanese.

``pair_reason`` turns the reference scorer's factors into a JSON-ready dict (stored with the
proposal, used by the meeting briefing). ``render_reason`` is the only place that words them;
all wording sits in ``PHRASES``, one table per language, so the Django side can later route the
same keys through its translation catalogue.
"""

from __future__ import annotations

from typing import Any

from matchmaking.engine.profiles import BuyerProfile, ExhibitorProfile, WishKind
from matchmaking.engine.reference import ReferenceScorer
from matchmaking.engine.text import shared_terms

LANGUAGE_NAMES: dict[str, dict[str, str]] = {
    "ja": {"en": "Japanese", "ja": "日本語"},
    "en": {"en": "English", "ja": "英語"},
    "zh": {"en": "Chinese", "ja": "中国語"},
    "ko": {"en": "Korean", "ja": "韓国語"},
    "de": {"en": "German", "ja": "ドイツ語"},
    "fr": {"en": "French", "ja": "フランス語"},
    "es": {"en": "Spanish", "ja": "スペイン語"},
    "it": {"en": "Italian", "ja": "イタリア語"},
    "pt": {"en": "Portuguese", "ja": "ポルトガル語"},
    "ar": {"en": "Arabic", "ja": "アラビア語"},
    "th": {"en": "Thai", "ja": "タイ語"},
    "vi": {"en": "Vietnamese", "ja": "ベトナム語"},
    "id": {"en": "Indonesian", "ja": "インドネシア語"},
    "ru": {"en": "Russian", "ja": "ロシア語"},
    "nl": {"en": "Dutch", "ja": "オランダ語"},
}

PHRASES: dict[str, dict[str, str]] = {
    "en": {
        "sector_same": "both work in {sector}",
        "sector_chapter": "their sectors are closely related ({shared})",
        "sector_section": "their sectors share the broad field of {shared}",
        "market_country": "{country} is one of the exhibitor's target markets",
        "market_region": "{country} lies in the exhibitor's target region {region}",
        "market_neighbour": "{country} is in {region}, next to a market the exhibitor targets",
        "certs_all": "the exhibitor holds the required certifications ({certs})",
        "certs_some": "the exhibitor holds {matched} but not yet {missing}",
        "certs_none": "the exhibitor does not yet hold {missing}",
        "language_shared": "they share {language}",
        "language_interpreter": "an interpreter is needed ({pair})",
        "language_no_interpreter": "they share no language and have no interpreter ({pair})",
        "products": "the products match the sourcing needs ({terms})",
        "wish_requested_by_buyer": "the buyer asked for this meeting",
        "wish_requested_by_sme": "the exhibitor asked for this meeting",
        "wish_must_meet": "the organiser made this meeting a must",
        "first_timer": "it is the exhibitor's first fair",
        "opening": "Proposed because ",
        "no_reason": "Proposed to give the exhibitor a meeting",
        "list_separator": ", ",
        "last_separator": " and ",
        "pair_separator": "–",
        "end": ".",
    },
    "ja": {
        "sector_same": "同じ分野（{sector}）",
        "sector_chapter": "近い分野（{shared}）",
        "sector_section": "同じ大分類（{shared}）",
        "market_country": "{country}が目標市場",
        "market_region": "{country}が目標地域{region}に含まれる",
        "market_neighbour": "{country}が目標市場と同じ{region}域内",
        "certs_all": "必要な認証（{certs}）を保有",
        "certs_some": "{matched}は保有、{missing}は未取得",
        "certs_none": "必要な認証（{missing}）が未取得",
        "language_shared": "共通言語（{language}）",
        "language_interpreter": "通訳が必要（{pair}）",
        "language_no_interpreter": "共通言語・通訳なし（{pair}）",
        "products": "製品が調達ニーズに合致（{terms}）",
        "wish_requested_by_buyer": "バイヤーから面談の希望あり",
        "wish_requested_by_sme": "出展者から面談の希望あり",
        "wish_must_meet": "主催者が必須の面談に指定",
        "first_timer": "初出展",
        "opening": "提案理由：",
        "no_reason": "初めての面談機会として提案",
        "list_separator": "、",
        "last_separator": "、",
        "pair_separator": "・",
        "end": "。",
    },
}

SUPPORTED_LANGUAGES = tuple(PHRASES)


def pair_reason(
    reference: ReferenceScorer,
    exhibitor: ExhibitorProfile,
    buyer: BuyerProfile,
    score: float,
) -> dict[str, Any]:
    """The reasons for one pair as JSON-ready data, with labels in every supported language."""
    factors = reference.factors(exhibitor, buyer)
    taxonomy, geography = reference.data.taxonomy, reference.data.geography

    def labels(label_of: Any, code: Any) -> dict[str, str]:
        return {language: label_of(code, language) for language in SUPPORTED_LANGUAGES}

    sector = None
    if factors.sector_match is not None:
        match = factors.sector_match
        sector = {
            "level": match.level,
            "exhibitor_sector": match.exhibitor_sector,
            "buyer_sector": match.buyer_sector,
            "shared_sector": match.shared,
            "credit": match.credit,
            "labels": labels(taxonomy.label, match.buyer_sector),
            "shared_labels": labels(taxonomy.label, match.shared),
        }
    market = None
    if factors.market_kind is not None:
        market = {
            "kind": factors.market_kind,
            "country": buyer.country,
            "region": factors.market_via,
            "country_labels": labels(geography.label, buyer.country),
            "region_labels": labels(geography.label, factors.market_via)
            if factors.market_via
            else None,
        }
    exhibitor_vector = reference.text_vector("exhibitor", exhibitor.id, exhibitor.text)
    buyer_vector = reference.text_vector("buyer", buyer.id, buyer.sourcing_needs)
    return {
        "score": round(float(score), 2),
        "sector": sector,
        "market": market,
        "certifications": {
            "matched": list(factors.certifications_matched),
            "missing": list(factors.certifications_missing),
        },
        "language": {
            "shared": factors.shared_languages,
            "interpreter_needed": not factors.shared_languages,
            "interpreter_pairs": [list(pair) for pair in factors.interpreter_pairs],
            "exhibitor_languages": sorted(exhibitor.languages),
            "buyer_languages": sorted(buyer.languages),
        },
        "buyer_type": {"type": str(buyer.buyer_type), "served": factors.buyer_type == 1.0},
        "order_size": {
            "size": str(buyer.order_size) if buyer.order_size else None,
            "fit": factors.order_size,
        },
        "product_terms": shared_terms(exhibitor_vector, buyer_vector) if factors.product else [],
        "wishes": sorted(str(kind) for kind in factors.wishes),
        "first_time_exhibitor": exhibitor.first_time_exhibitor,
        "export_experience": str(exhibitor.export_experience),
        "factors": {
            "sector": factors.sector,
            "market": factors.market,
            "product": round(factors.product, 4),
            "language": factors.language,
            "certification": factors.certification,
            "buyer_type": factors.buyer_type,
            "order_size": factors.order_size,
        },
    }


def _language_name(code: str, language: str) -> str:
    return LANGUAGE_NAMES.get(code, {}).get(language, code)


def _join(items: list[str], phrases: dict[str, str]) -> str:
    if len(items) <= 1:
        return "".join(items)
    return phrases["list_separator"].join(items[:-1]) + phrases["last_separator"] + items[-1]


def render_reason(reason: dict[str, Any], language: str) -> str:
    """One sentence saying why the pair was proposed, in ``language`` ("en" or "ja").

    Raises KeyError for an unsupported language.
    """
    phrases = PHRASES[language]
    clauses: list[str] = []
    for wish in (WishKind.MUST_MEET, WishKind.REQUESTED_BY_BUYER, WishKind.REQUESTED_BY_SME):
        if str(wish) in reason.get("wishes", []):
            clauses.append(phrases[f"wish_{wish}"])
    sector = reason.get("sector")
    if sector:
        level = sector["level"]
        key = (
            "sector_same"
            if level == "same"
            else ("sector_section" if level == "depth0" else "sector_chapter")
        )
        clauses.append(
            phrases[key].format(
                sector=sector["labels"][language], shared=sector["shared_labels"][language]
            )
        )
    market = reason.get("market")
    if market:
        region = market["region_labels"][language] if market.get("region_labels") else ""
        clauses.append(
            phrases[f"market_{market['kind']}"].format(
                country=market["country_labels"][language], region=region
            )
        )
    if reason.get("product_terms"):
        clauses.append(
            phrases["products"].format(
                terms=phrases["list_separator"].join(reason["product_terms"][:3])
            )
        )
    certs = reason.get("certifications") or {}
    matched = [str(c) for c in certs.get("matched", [])]
    missing = [str(c) for c in certs.get("missing", [])]
    separator = phrases["list_separator"]
    if matched and not missing:
        clauses.append(phrases["certs_all"].format(certs=separator.join(matched)))
    elif matched:
        clauses.append(
            phrases["certs_some"].format(
                matched=separator.join(matched), missing=separator.join(missing)
            )
        )
    elif missing:
        clauses.append(phrases["certs_none"].format(missing=separator.join(missing)))
    spoken = reason.get("language") or {}
    if spoken.get("shared"):
        clauses.append(
            phrases["language_shared"].format(
                language=separator.join(_language_name(c, language) for c in spoken["shared"])
            )
        )
    elif spoken:
        pairs = spoken.get("interpreter_pairs") or []
        if not pairs and spoken.get("exhibitor_languages") and spoken.get("buyer_languages"):
            pairs = [[spoken["exhibitor_languages"][0], spoken["buyer_languages"][0]]]
        pair = (
            phrases["pair_separator"].join(_language_name(c, language) for c in pairs[0])
            if pairs
            else ""
        )
        interpreter = (
            "language_interpreter"
            if spoken.get("interpreter_pairs")
            else ("language_no_interpreter")
        )
        clauses.append(phrases[interpreter].format(pair=pair))
    if reason.get("first_time_exhibitor"):
        clauses.append(phrases["first_timer"])
    if not clauses:
        return phrases["no_reason"] + phrases["end"]
    return phrases["opening"] + _join(clauses, phrases) + phrases["end"]
