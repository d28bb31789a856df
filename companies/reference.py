"""Load the shared reference data: the HS sector tree, markets, languages and certifications.

The data lives in ``companies/reference_data/*.json`` (countries come from pycountry). Loading is
idempotent: rows are matched on their natural keys (``Sector.code`` without a fair,
``Market.code``, ``Language.code``, ``Certification.code``), only rows that differ are written,
and the many-to-many links are made to match the data exactly.
"""

import gettext
import json
from collections.abc import Callable, Iterable
from functools import cache
from pathlib import Path

import pycountry
from django.db import models, transaction

from .choices import MarketKind, SectorLevel
from .models import Certification, Language, Market, Sector

DATA_DIR = Path(__file__).resolve().parent / "reference_data"

Progress = Callable[[str], None] | None


@cache
def _data(name: str) -> dict:
    with (DATA_DIR / f"{name}.json").open(encoding="utf-8") as handle:
        return json.load(handle)


def _upsert(
    queryset: models.QuerySet, rows: list[dict], *, key: str = "code"
) -> tuple[dict[str, models.Model], int, int]:
    """Create missing rows and update rows whose fields differ, matched on ``key``.

    Returns the rows by key (fresh from the database), and how many were created and updated.
    """
    model = queryset.model
    existing = {getattr(obj, key): obj for obj in queryset}
    fields = sorted({name for row in rows for name in row} - {key})
    new, changed = [], []
    for row in rows:
        obj = existing.get(row[key])
        if obj is None:
            new.append(model(**row))
            continue
        if any(getattr(obj, name) != value for name, value in row.items()):
            for name, value in row.items():
                setattr(obj, name, value)
            changed.append(obj)
    model.objects.bulk_create(new)
    if changed:
        model.objects.bulk_update(changed, fields)
    keys = [row[key] for row in rows]
    # Re-read rather than trust bulk_create to have set primary keys on every backend.
    fresh = {getattr(obj, key): obj for obj in queryset.filter(**{f"{key}__in": keys})}
    return fresh, len(new), len(changed)


def _links_sync(field: models.ManyToManyField, wanted: dict[int, set[int]]) -> tuple[int, int]:
    """Make a many-to-many field hold exactly ``wanted`` (owner id -> target ids) for those owners.

    Returns how many links were added and removed.
    """
    through = field.remote_field.through
    owner_col = field.m2m_field_name()
    target_col = field.m2m_reverse_field_name()
    existing: dict[int, set[int]] = {owner: set() for owner in wanted}
    rows = through.objects.filter(**{f"{owner_col}_id__in": list(wanted)}).values_list(
        f"{owner_col}_id", f"{target_col}_id"
    )
    for owner, target in rows:
        existing[owner].add(target)
    added, removed = [], []
    for owner, targets in wanted.items():
        added += [
            through(**{f"{owner_col}_id": owner, f"{target_col}_id": target})
            for target in sorted(targets - existing[owner])
        ]
        removed += [(owner, target) for target in existing[owner] - targets]
    through.objects.bulk_create(added)
    for owner, target in removed:
        through.objects.filter(**{f"{owner_col}_id": owner, f"{target_col}_id": target}).delete()
    return len(added), len(removed)


def _chapter_range(spec: str) -> Iterable[str]:
    first, last = (int(part) for part in spec.split("-"))
    return (f"{number:02d}" for number in range(first, last + 1))


def sectors_load(counts: dict[str, int]) -> dict[str, Sector]:
    """Sections, then chapters under their section, then headings under their chapter."""
    hs = _data("hs")
    shared = Sector.objects.filter(fair__isnull=True)
    section_rows = [
        {
            "code": s["code"],
            "name_en": s["name_en"],
            "name_ja": s["name_ja"],
            "level": SectorLevel.SECTION,
            "parent_id": None,
        }
        for s in hs["sections"]
    ]
    sections, created, updated = _upsert(shared, section_rows)
    section_of = {
        chapter: s["code"] for s in hs["sections"] for chapter in _chapter_range(s["chapters"])
    }
    chapter_rows = [
        {
            "code": c["code"],
            "name_en": c["name_en"],
            "name_ja": c["name_ja"],
            "level": SectorLevel.CHAPTER,
            "parent_id": sections[section_of[c["code"]]].pk,
        }
        for c in hs["chapters"]
    ]
    chapters, c_created, c_updated = _upsert(shared, chapter_rows)
    heading_rows = [
        {
            "code": h["code"],
            "name_en": h["name_en"],
            "name_ja": h["name_ja"],
            "level": SectorLevel.HEADING,
            "parent_id": chapters[h["code"][:2]].pk,
        }
        for h in hs["headings"]
    ]
    headings, h_created, h_updated = _upsert(shared, heading_rows)
    counts["sectors_created"] = created + c_created + h_created
    counts["sectors_updated"] = updated + c_updated + h_updated
    counts["sectors"] = len(sections) + len(chapters) + len(headings)
    return {**sections, **chapters, **headings}


@cache
def _japanese_country_names() -> gettext.NullTranslations:
    return gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["ja"], fallback=True)


def country_rows() -> list[dict]:
    """Every ISO 3166-1 country, with the data file's overrides applied."""
    overrides = _data("markets")["country_name_overrides"]
    translations = _japanese_country_names()
    rows = []
    for country in pycountry.countries:
        name_ja = translations.gettext(country.name)
        row = {
            "code": country.alpha_2,
            "kind": MarketKind.COUNTRY,
            "name_en": getattr(country, "common_name", None) or country.name,
            # An untranslated entry comes back in English; leave it blank so English shows.
            "name_ja": "" if name_ja == country.name else name_ja,
        }
        row.update(overrides.get(country.alpha_2, {}))
        rows.append(row)
    return rows


def markets_load(counts: dict[str, int]) -> dict[str, Market]:
    regions = _data("markets")["regions"]
    region_rows = [
        {
            "code": r["code"],
            "kind": MarketKind.REGION,
            "name_en": r["name_en"],
            "name_ja": r["name_ja"],
        }
        for r in regions
    ]
    markets, created, updated = _upsert(Market.objects.all(), country_rows() + region_rows)
    wanted = {markets[r["code"]].pk: {markets[code].pk for code in r["countries"]} for r in regions}
    added, removed = _links_sync(Market._meta.get_field("countries"), wanted)
    counts.update(
        markets_created=created,
        markets_updated=updated,
        markets=len(markets),
        market_links_added=added,
        market_links_removed=removed,
    )
    return markets


def languages_load(counts: dict[str, int]) -> dict[str, Language]:
    rows = [dict(row) for row in _data("languages")["languages"]]
    languages, created, updated = _upsert(Language.objects.all(), rows)
    counts.update(languages_created=created, languages_updated=updated, languages=len(languages))
    return languages


def certifications_load(
    counts: dict[str, int], *, sectors: dict[str, Sector], markets: dict[str, Market]
) -> dict[str, Certification]:
    data = _data("certifications")["certifications"]
    fields = ("code", "name_en", "name_ja", "description_en", "description_ja")
    rows = [{name: c[name] for name in fields} for c in data]
    certifications, created, updated = _upsert(Certification.objects.all(), rows)
    market_links = {
        certifications[c["code"]].pk: {markets[m].pk for m in c["markets"]} for c in data
    }
    sector_links = {
        certifications[c["code"]].pk: {sectors[s].pk for s in c["sectors"]} for c in data
    }
    m_added, m_removed = _links_sync(Certification._meta.get_field("markets"), market_links)
    s_added, s_removed = _links_sync(Certification._meta.get_field("sectors"), sector_links)
    counts.update(
        certifications_created=created,
        certifications_updated=updated,
        certifications=len(certifications),
        certification_links_added=m_added + s_added,
        certification_links_removed=m_removed + s_removed,
    )
    return certifications


@transaction.atomic
def reference_data_load(*, progress: Progress = None) -> dict[str, int]:
    """Create or update the shared reference data from the data files and pycountry.

    Side effects: creates missing sectors (HS sections, chapters and headings), markets
    (countries and regions), languages and certifications; updates the names and descriptions
    of existing ones where the data differs; sets region membership and the markets and sectors
    of each certification to exactly what the data says. Fair-specific sectors are untouched.
    Running it twice changes nothing. Returns counts by kind: ``<kind>`` (total),
    ``<kind>_created``, ``<kind>_updated``, and links added and removed.
    """
    report = progress or (lambda message: None)
    counts: dict[str, int] = {}
    sectors = sectors_load(counts)
    report(
        f"sectors: {counts['sectors']} ({counts['sectors_created']} created, "
        f"{counts['sectors_updated']} updated)"
    )
    markets = markets_load(counts)
    report(
        f"markets: {counts['markets']} ({counts['markets_created']} created, "
        f"{counts['markets_updated']} updated)"
    )
    languages_load(counts)
    report(
        f"languages: {counts['languages']} ({counts['languages_created']} created, "
        f"{counts['languages_updated']} updated)"
    )
    certifications_load(counts, sectors=sectors, markets=markets)
    report(
        f"certifications: {counts['certifications']} "
        f"({counts['certifications_created']} created, "
        f"{counts['certifications_updated']} updated)"
    )
    return counts
