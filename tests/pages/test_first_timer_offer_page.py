"""The pavilion page states the first-timer interpreter offer that the scheduler honours."""

import pytest

pytestmark = pytest.mark.django_db


def pavilion_page(client, world, user, language="en", interpreted=2):
    pavilion = world["pavilion"]
    pavilion.first_timer_interpreted_meetings = interpreted
    pavilion.save()
    if user:
        client.force_login(world[user])
    return client.get(f"/{language}/pavilions/{pavilion.pk}/").content.decode()


def test_a_first_timer_sees_how_many_meetings_come_with_an_interpreter(client, world):
    html = pavilion_page(client, world, "other_sme_user")
    assert "counts as a first-time exhibitor" in html
    assert "A first-time exhibitor's first 2 meetings come with an interpreter." in html
    assert (
        '<p id="first-timer-offer"><strong>Your first 2 meetings come with an interpreter.' in html
    )


def test_the_offer_reads_in_japanese_and_in_the_singular(client, world):
    html = pavilion_page(client, world, "other_sme_user", language="ja", interpreted=1)
    assert "初出展者の最初の商談には通訳者が付きます。" in html
    assert "貴社の最初の商談には通訳者が付きます。" in html
    html = pavilion_page(client, world, None, language="ja", interpreted=3)
    assert "初出展者の最初の3件の商談には通訳者が付きます。" in html


def test_no_offer_no_line(client, world):
    html = pavilion_page(client, world, "other_sme_user", interpreted=0)
    assert "come with an interpreter" not in html
    assert 'id="first-timer-offer"' not in html
