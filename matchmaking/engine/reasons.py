"""Why a pair was proposed: reasons as data, and readable text in English or Japanese.

``pair_reason`` turns the reference scorer's factors into a JSON-ready dict (stored with the
proposal, used by the meeting briefing), with every name it needs (sectors, markets,
certifications, earlier fairs) in each supported language, so a stored reason renders without
the database. ``render_reason`` is the only place that words them; all wording sits in
``PHRASES``, one table per language, checked against the interface's Japanese glossary.
"""

from __future__ import annotations

from typing import Any

from matchmaking.engine.history import follow_up_meeting
from matchmaking.engine.profiles import BuyerProfile, ExhibitorProfile, WishKind
from matchmaking.engine.reference import ReferenceScorer
from matchmaking.engine.text import shared_terms

# Every language of the reference data (companies/reference_data/languages.json), named as there:
# a code missing here would read "they share ms" (tests/engine/test_enum_agreement.py).
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
    "ms": {"en": "Malay", "ja": "マレー語"},
    "hi": {"en": "Hindi", "ja": "ヒンディー語"},
    "pl": {"en": "Polish", "ja": "ポーランド語"},
    "tr": {"en": "Turkish", "ja": "トルコ語"},
    "sv": {"en": "Swedish", "ja": "スウェーデン語"},
    "da": {"en": "Danish", "ja": "デンマーク語"},
    "fi": {"en": "Finnish", "ja": "フィンランド語"},
    "no": {"en": "Norwegian", "ja": "ノルウェー語"},
    "cs": {"en": "Czech", "ja": "チェコ語"},
    "el": {"en": "Greek", "ja": "ギリシャ語"},
    "he": {"en": "Hebrew", "ja": "ヘブライ語"},
    "fa": {"en": "Persian", "ja": "ペルシャ語"},
    "tl": {"en": "Tagalog (Filipino)", "ja": "タガログ語（フィリピノ語）"},
}

# English words the reasons as one sentence of clauses ("both work in ..., ... and they share
# English."); Japanese as short polite sentences, one per reason, which reads naturally where a
# chain of clauses would not. Either way the text follows a "Why" label, so it has no lead-in.
PHRASES: dict[str, dict[str, str]] = {
    "en": {
        "met_earlier": "they met at {pavilions}",
        "met_earlier_stage": "they met at {pavilions}, {stage}",
        "stage_sample": "samples sent",
        "stage_quotation": "a quotation sent",
        "stage_negotiation": "negotiation started",
        "stage_trial_order": "a trial order placed",
        "stage_agreement": "an agreement reached",
        "stage_repeat_order": "repeat orders placed",
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
        "no_reason": "Proposed to give the exhibitor a meeting",
        "clause_separator": ", ",
        "clause_last_separator": " and ",
        "list_separator": ", ",
        "list_last_separator": " and ",
        "pair_separator": "–",
        "end": ".",
    },
    "ja": {
        "met_earlier": "{pavilions}で商談済みです",
        "met_earlier_stage": "{pavilions}で商談済みです（{stage}）",
        "stage_sample": "サンプル送付済み",
        "stage_quotation": "見積送付済み",
        "stage_negotiation": "交渉開始済み",
        "stage_trial_order": "試験発注済み",
        "stage_agreement": "合意済み",
        "stage_repeat_order": "リピート発注済み",
        "sector_same": "業種が一致しています（{sector}）",
        "sector_chapter": "業種が近接しています（{shared}）",
        "sector_section": "業種が同じ大分類に属しています（{shared}）",
        "market_country": "{country}は出展者のターゲット市場です",
        "market_region": "{country}は出展者のターゲット地域（{region}）に含まれます",
        "market_neighbour": "{country}は出展者のターゲット市場と同じ{region}域内にあります",
        "certs_all": "出展者は必要な認証（{certs}）を取得済みです",
        "certs_some": "出展者は{matched}を取得済みですが、{missing}は未取得です",
        "certs_none": "出展者は必要な認証（{missing}）をまだ取得していません",
        "language_shared": "{language}で商談できます",
        "language_interpreter": "通訳者が必要です（{pair}）",
        "language_no_interpreter": "共通の言語がなく、対応できる通訳者もいません（{pair}）",
        "products": "製品がバイヤーの調達ニーズに合っています（{terms}）",
        "wish_requested_by_buyer": "バイヤーが商談を希望しています",
        "wish_requested_by_sme": "出展者が商談を希望しています",
        "wish_must_meet": "主催者が必須の商談に指定しています",
        "first_timer": "出展者は今回が初出展です",
        "no_reason": "出展者に商談の機会を設けるための提案です",
        "clause_separator": "。",
        "clause_last_separator": "。",
        "list_separator": "、",
        "list_last_separator": "、",
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
    certification_labels = reference.data.certification_labels

    def certification_names(codes: list[Any]) -> list[dict[str, str]]:
        return [labels(reference.data.certification_label, code) for code in codes]

    earlier = reference.earlier_meetings(exhibitor.id, buyer.id)
    # Only a pair the follow-up rule lifted says how far the earlier business went.
    follow_up = follow_up_meeting(earlier) if WishKind.EARLIER_PROGRESS in factors.wishes else None
    met_earlier = [
        {
            "pavilion": meeting.pavilion_id,
            "labels": dict(meeting.pavilion_labels),
            "fair_labels": dict(meeting.fair_labels),
            **({"stage": str(meeting.stage)} if meeting is follow_up else {}),
        }
        for meeting in earlier
    ]
    exhibitor_vector = reference.text_vector("exhibitor", exhibitor.id, exhibitor.text)
    buyer_vector = reference.text_vector("buyer", buyer.id, buyer.sourcing_needs)
    return {
        "score": round(float(score), 2),
        "sector": sector,
        "market": market,
        "certifications": {
            "matched": list(factors.certifications_matched),
            "missing": list(factors.certifications_missing),
            # Parallel to the ids; left out when the input has no names for certifications.
            **(
                {
                    "matched_labels": certification_names(factors.certifications_matched),
                    "missing_labels": certification_names(factors.certifications_missing),
                }
                if certification_labels
                else {}
            ),
        },
        "met_earlier": met_earlier,
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


def _join(items: list[str], separator: str, last_separator: str) -> str:
    if len(items) <= 1:
        return "".join(items)
    return separator.join(items[:-1]) + last_separator + items[-1]


def _label(labels: Any, language: str, fallback: Any = "") -> str:
    """A name from a {language: name} dict, in ``language``, else English, else ``fallback``."""
    if isinstance(labels, dict):
        return labels.get(language) or labels.get("en") or str(fallback)
    return str(fallback)


def certification_names(certifications: dict[str, Any], kind: str, language: str) -> list[str]:
    """The matched or missing certifications' names; ids when a reason stored none (a reason
    stored before names were carried, which the Django side fills in before rendering)."""
    codes = list(certifications.get(kind) or [])
    labels = certifications.get(f"{kind}_labels")
    if not isinstance(labels, list) or len(labels) != len(codes):
        labels = [None] * len(codes)
    return [_label(names, language, code) for code, names in zip(codes, labels, strict=True)]


def render_reason(reason: dict[str, Any], language: str) -> str:
    """Why the pair was proposed, in ``language`` ("en" or "ja"): the text after a "Why" label
    (English: one sentence; Japanese: a short sentence per reason).

    Raises KeyError for an unsupported language.
    """
    phrases = PHRASES[language]

    def listed(items: list[str]) -> str:
        return _join(items, phrases["list_separator"], phrases["list_last_separator"])

    clauses: list[str] = []
    met = reason.get("met_earlier") or []
    if met:
        places = [
            _label(m.get("fair_labels") or m.get("labels"), language, m.get("pavilion", ""))
            for m in met
        ]
        pavilions = listed(list(dict.fromkeys(places)))
        stage = next((m["stage"] for m in met if m.get("stage")), None)
        if stage and f"stage_{stage}" in phrases:
            clauses.append(
                phrases["met_earlier_stage"].format(
                    pavilions=pavilions, stage=phrases[f"stage_{stage}"]
                )
            )
        else:
            clauses.append(phrases["met_earlier"].format(pavilions=pavilions))
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
    matched = certification_names(certs, "matched", language)
    missing = certification_names(certs, "missing", language)
    if matched and not missing:
        clauses.append(phrases["certs_all"].format(certs=listed(matched)))
    elif matched:
        clauses.append(
            phrases["certs_some"].format(matched=listed(matched), missing=listed(missing))
        )
    elif missing:
        clauses.append(phrases["certs_none"].format(missing=listed(missing)))
    spoken = reason.get("language") or {}
    if spoken.get("shared"):
        clauses.append(
            phrases["language_shared"].format(
                language=listed([_language_name(c, language) for c in spoken["shared"]])
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
    text = _join(clauses, phrases["clause_separator"], phrases["clause_last_separator"])
    return text[:1].upper() + text[1:] + phrases["end"]
