"""The exhibitors' catalogue a page at a time (events.views.catalogue, events.catalogue)."""

import pytest

from companies.factories import SectorFactory, SMEFactory
from events.factories import ExhibitorRegistrationFactory

pytestmark = pytest.mark.django_db


def url(world):
    return f"/en/pavilions/{world['pavilion'].pk}/exhibitors/"


def exhibitors(world, count, **fields):
    for i in range(count):
        sme = SMEFactory(name_en=f"Listed Maker {i:02d}", **fields)
        sme.sectors.add(world["sectors"]["devices"])
        sme.certifications.add(world["ce"])
        sme.target_markets.add(world["germany"])
        ExhibitorRegistrationFactory(pavilion=world["pavilion"], sme=sme, status="accepted")


def test_the_catalogue_comes_24_to_a_page_with_links_keeping_the_filters(client, world):
    exhibitors(world, 29, products_en="surgical staplers")
    first = client.get(url(world), {"q": "staplers"}).content.decode()
    assert "29 exhibitors" in first
    assert first.count('data-sme="') == 24
    assert "1–24 of 29" in first
    assert 'href="?q=staplers&amp;page=2" rel="next"' in first
    second = client.get(url(world), {"q": "staplers", "page": 2}).content.decode()
    assert second.count('data-sme="') == 5
    assert "Listed Maker 28" in second
    assert "Listed Maker 00" not in second
    assert 'href="?q=staplers&amp;page=1" rel="prev"' in second
    assert "Clear" in second  # the filters are still on
    unfiltered = client.get(url(world), {"page": 2}).content.decode()
    assert "Clear" not in unfiltered  # a page number alone is no filter


def test_a_short_catalogue_has_no_page_links(client, world):
    html = client.get(url(world)).content.decode()
    assert "1 exhibitor" in html
    assert 'class="pagination"' not in html


def test_the_catalogue_sector_filter_offers_and_finds_the_parent_sectors(client, world):
    parent = SectorFactory(code="XVIII", name_en="Precision instruments")
    devices = world["sectors"]["devices"]
    devices.parent, devices.level = parent, "chapter"
    devices.save()
    html = client.get(url(world)).content.decode()
    assert "Precision instruments" in html  # offered, though no exhibitor names it itself
    found = client.get(url(world), {"sector": parent.pk}).content.decode()
    assert "Echigo Medical" in found


@pytest.mark.parametrize("extra", [2, 60])
def test_catalogue_queries_are_flat_at_two_sizes(
    client, world, django_assert_max_num_queries, extra
):
    exhibitors(world, extra)
    client.force_login(world["buyer_user"])
    with django_assert_max_num_queries(16):
        response = client.get(url(world), {"sector": world["sectors"]["devices"].pk})
    assert response.content.decode().count('data-sme="') == min(extra + 1, 24)
