"""Texts kept in English and Japanese, shown in the language of the request."""

from django.utils.translation import get_language


def in_active_language(english: str, japanese: str) -> str:
    """The Japanese text when the request is in Japanese and there is one; else the English."""
    if (get_language() or "").startswith("ja") and japanese:
        return japanese
    return english or japanese
