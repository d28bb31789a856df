"""People's names as each language writes them: family name first in Japanese (山田 太郎),
given name first in English (Taro Yamada)."""

from django.utils.translation import get_language


def person_name(user, language: str | None = None) -> str:
    """A user's full name in ``language`` (the active one by default), else email or username."""
    if user is None:
        return ""
    given, family = (user.first_name or "").strip(), (user.last_name or "").strip()
    japanese = (language or get_language() or "en").startswith("ja")
    parts = [family, given] if japanese else [given, family]
    return " ".join(p for p in parts if p) or user.email or user.get_username()
