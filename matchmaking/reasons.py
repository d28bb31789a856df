"""A proposal's reasons as one sentence in the language of the request."""

from django.utils.translation import get_language

from matchmaking.engine import render_reason


def proposal_sentence(proposal, language: str | None = None) -> str:
    language = "ja" if (language or get_language() or "en").startswith("ja") else "en"
    return render_reason(proposal.reason or {}, language)
