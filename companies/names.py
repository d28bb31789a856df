"""People's names as each language writes them: family name first in Japanese (山田 太郎),
given name first in English (Taro Yamada)."""

from django.utils.translation import get_language


def person_name(user, language: str | None = None) -> str:
    """A user's full name in ``language`` (the active one by default), else email or username."""
    if user is None:
        return ""
    given, family = (user.first_name or "").strip(), (user.last_name or "").strip()
    japanese = is_japanese(language)
    parts = [family, given] if japanese else [given, family]
    return " ".join(p for p in parts if p) or user.email or user.get_username()


def is_japanese(language: str | None = None) -> bool:
    return (language or get_language() or "en").startswith("ja")


def family_name_first(fields: dict, *, given: str = "first_name", family: str = "last_name"):
    """A form's fields reordered so the family name comes before the given name in Japanese
    (姓, then 名); other fields keep their places. ``fields`` is a form's ``fields`` dict."""
    if not is_japanese() or given not in fields or family not in fields:
        return fields
    names = list(fields)
    first, second = names.index(given), names.index(family)
    if first < second:
        names[first], names[second] = family, given
    return {name: fields[name] for name in names}


def person_column(field: str, description):
    """An admin column showing the user held in ``field`` by name, in the reader's language,
    instead of the username. Put it in ``list_display`` or ``readonly_fields`` as it is, or make
    it an attribute of the ModelAdmin and name that attribute there."""
    from django.contrib import admin

    def column(*args):
        # Called as column(obj), or as a ModelAdmin's method: column(model_admin, obj).
        # The admin's own mark for "nothing" (a readonly field would print "None").
        return person_name(getattr(args[-1], field)) or "-"

    column.__name__ = f"{field}_name"
    return admin.display(description=description, ordering=f"{field}__last_name")(column)
