"""A proposal's reasons as text in the language of the request."""

from django.utils.translation import get_language

from companies.models import Certification
from matchmaking import engine


def proposal_sentence(proposal, language: str | None = None) -> str:
    """Why the pair was proposed: the text shown after a "Why" label (it has no lead-in)."""
    language = "ja" if (language or get_language() or "en").startswith("ja") else "en"
    # engine.render_reason loads the engine's scoring modules (NumPy, SciPy) on first use.
    return engine.render_reason(with_certification_names(proposal.reason or {}), language)


def with_certification_names(reason: dict) -> dict:
    """The reason with the names of its certifications.

    Reasons stored before the engine carried the names have ids only ("holds 1 but not yet 6");
    their names are looked up here, so an old proposal reads like a new one.
    """
    certifications = reason.get("certifications") or {}
    kinds = [
        kind
        for kind in ("matched", "missing")
        if certifications.get(kind) and f"{kind}_labels" not in certifications
    ]
    if not kinds:
        return reason
    ids = {code for kind in kinds for code in certifications[kind] if isinstance(code, int)}
    names = {
        pk: {"en": en, "ja": ja or en}
        for pk, en, ja in Certification.objects.filter(pk__in=ids).values_list(
            "pk", "name_en", "name_ja"
        )
    }
    filled = dict(certifications)
    for kind in kinds:
        filled[f"{kind}_labels"] = [names.get(code) for code in certifications[kind]]
    return {**reason, "certifications": filled}
