import pytest
from django.core.management import call_command

from companies.choices import MarketKind, SectorLevel
from companies.models import Certification, Language, Market, Sector
from companies.reference import reference_data_load


def _snapshot() -> dict:
    """Every reference row and link, as plain values, to compare two loads."""
    return {
        "sectors": sorted(
            Sector.objects.values_list(
                "code", "name_en", "name_ja", "level", "parent__code", "fair_id"
            )
        ),
        "markets": sorted(Market.objects.values_list("code", "kind", "name_en", "name_ja")),
        "members": sorted(
            Market.countries.through.objects.values_list("from_market__code", "to_market__code")
        ),
        "languages": sorted(Language.objects.values_list("code", "name_en", "name_ja")),
        "certifications": sorted(
            Certification.objects.values_list(
                "code", "name_en", "name_ja", "description_en", "description_ja"
            )
        ),
        "certification_markets": sorted(
            Certification.markets.through.objects.values_list("certification__code", "market__code")
        ),
        "certification_sectors": sorted(
            Certification.sectors.through.objects.values_list("certification__code", "sector__code")
        ),
    }


def _changes(counts: dict) -> dict:
    return {
        key: value
        for key, value in counts.items()
        if key.endswith(("_created", "_updated", "_added", "_removed")) and value
    }


def test_reference_data_load_second_run_changes_nothing(db):
    first = reference_data_load()
    before = _snapshot()

    second = reference_data_load()

    assert first["sectors_created"] == first["sectors"] > 0
    assert _changes(second) == {}
    assert _snapshot() == before


def test_reference_data_load_restores_an_edited_name(db):
    reference_data_load()
    Market.objects.filter(code="DE").update(name_ja="独逸")

    counts = reference_data_load()

    assert counts["markets_updated"] == 1
    assert Market.objects.get(code="DE").name_ja == "ドイツ"


def test_reference_data_load_leaves_fair_categories_alone(db):
    from datetime import date

    from events.models import TradeFair

    reference_data_load()
    fair = TradeFair.objects.create(
        name="Test fair",
        city="Düsseldorf",
        country=Market.objects.get(code="DE"),
        venue="Messe",
        time_zone="Europe/Berlin",
        starts_on=date(2027, 11, 15),
        ends_on=date(2027, 11, 18),
    )
    Sector.objects.create(
        code="90", name_en="Fair's own imaging hall", level=SectorLevel.CATEGORY, fair=fair
    )

    counts = reference_data_load()

    assert _changes(counts) == {}
    assert Sector.objects.get(fair=fair, code="90").name_en == "Fair's own imaging hall"


def test_hs_tree_has_21_sections_and_chapters_under_them(db):
    reference_data_load()
    sections = Sector.objects.filter(level=SectorLevel.SECTION, fair__isnull=True)
    chapters = Sector.objects.filter(level=SectorLevel.CHAPTER, fair__isnull=True)

    assert sections.count() == 21
    assert not sections.filter(parent__isnull=False).exists()
    # 97 chapters, of which chapter 77 is reserved for future use.
    assert chapters.count() == 96
    assert not chapters.filter(code="77").exists()
    assert not chapters.filter(parent__isnull=True).exists()
    parents = dict(chapters.values_list("code", "parent__code"))
    assert parents["01"] == "HS-I"
    assert parents["30"] == "HS-VI"
    assert parents["69"] == "HS-XIII"
    assert parents["90"] == "HS-XVIII"
    assert parents["97"] == "HS-XXI"


def test_hs_headings_hang_under_their_chapter(db):
    reference_data_load()
    heading = Sector.objects.get(code="9018", fair__isnull=True)

    assert heading.level == SectorLevel.HEADING
    assert [s.code for s in heading.ancestors()] == ["HS-XVIII", "90"]
    assert heading.name_ja
    assert Sector.objects.filter(level=SectorLevel.HEADING).count() >= 40


@pytest.mark.parametrize(
    ("region", "members"),
    [
        ("GCC", {"AE", "BH", "KW", "OM", "QA", "SA"}),
        ("GREATERCHINA", {"CN", "HK", "MO", "TW"}),
        ("USMCA", {"US", "CA", "MX"}),
    ],
)
def test_region_members_are_its_countries(db, region, members):
    reference_data_load()

    market = Market.objects.get(code=region)

    assert market.kind == MarketKind.REGION
    assert set(market.countries.values_list("code", flat=True)) == members


def test_eu_has_27_members_all_in_europe(db):
    reference_data_load()
    eu = set(Market.objects.get(code="EU").countries.values_list("code", flat=True))
    europe = set(Market.objects.get(code="EUROPE").countries.values_list("code", flat=True))

    assert len(eu) == 27
    assert eu < europe
    assert {"GB", "CH", "NO"} <= europe - eu


def test_countries_have_japanese_names(db):
    reference_data_load()
    countries = Market.objects.filter(kind=MarketKind.COUNTRY)

    assert countries.count() >= 249
    assert not countries.filter(name_ja="").exists()
    names = dict(countries.filter(code__in=["DE", "TW", "KR", "US"]).values_list("code", "name_ja"))
    assert names == {"DE": "ドイツ", "TW": "台湾", "KR": "韓国", "US": "米国"}
    assert Market.objects.get(code="VN").name_en == "Vietnam"


def test_certifications_name_the_markets_that_demand_them(db):
    reference_data_load()

    def markets(code):
        return set(Certification.objects.get(code=code).markets.values_list("code", flat=True))

    assert "EU" in markets("CE-MDR")
    assert markets("FDA-510K") == {"US"}
    assert {"GCC", "MY", "ID"} <= markets("HALAL")
    assert markets("HK-FOOD") == {"HK"}
    ce_sectors = Certification.objects.get(code="CE-MDR").sectors.values_list("code", flat=True)
    assert "90" in ce_sectors
    assert Certification.objects.count() >= 20
    assert not Certification.objects.filter(name_ja="").exists()


def test_languages_are_bilingual(db):
    reference_data_load()

    assert Language.objects.count() >= 25
    assert Language.objects.get(code="ja").name_ja == "日本語"
    assert not Language.objects.filter(name_ja="").exists()


def test_load_reference_data_command_prints_counts(db, capsys):
    call_command("load_reference_data")
    call_command("load_reference_data")

    output = capsys.readouterr().out
    assert "sectors: 173 (173 created, 0 updated)" in output
    assert "sectors: 173 (0 created, 0 updated)" in output
    assert "nothing changed" in output
