"""Names family name first in Japanese: forms, admin columns and admin forms."""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import translation

from companies.factories import SMEFactory
from companies.forms import InviteForm, SignUpForm
from companies.models import Membership
from companies.names import family_name_first, person_name
from events.factories import PavilionFactory
from matchmaking.models import MatchingRun

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client_ja(client):
    admin = get_user_model().objects.create_superuser(
        username="admin", password="pw", email="admin@example.com"
    )
    client.force_login(admin)
    return client


@pytest.fixture
def kenji():
    return get_user_model().objects.create_user(
        username="kenji@echigo.example",
        email="kenji@echigo.example",
        first_name="健二",
        last_name="佐藤",
    )


def test_family_name_first_only_in_japanese():
    fields = {"email": 1, "first_name": 2, "last_name": 3}
    with translation.override("ja"):
        assert list(family_name_first(fields)) == ["email", "last_name", "first_name"]
        assert list(family_name_first({"last_name": 3, "first_name": 2})) == [
            "last_name",
            "first_name",
        ]
    assert list(family_name_first(fields)) == ["email", "first_name", "last_name"]


def test_name_forms_ask_the_family_name_first_in_japanese():
    with translation.override("ja"):
        signup, invite = SignUpForm(), InviteForm()
        labels = [str(signup.fields[name].label) for name in ("last_name", "first_name")]
    assert list(signup.fields)[1:3] == ["last_name", "first_name"]
    assert list(invite.fields)[:2] == ["last_name", "first_name"]
    assert labels == ["姓", "名"]
    assert list(SignUpForm().fields)[1:3] == ["first_name", "last_name"]


def test_admin_membership_list_shows_names_in_the_readers_order(admin_client_ja, kenji):
    Membership.objects.create(user=kenji, sme=SMEFactory())
    url = reverse("admin:companies_membership_changelist")
    assert "佐藤 健二" in admin_client_ja.get(f"/ja{url[3:]}").content.decode()
    assert "健二 佐藤" in admin_client_ja.get(url).content.decode()


def test_admin_user_form_asks_the_family_name_first_in_japanese(admin_client_ja, kenji):
    url = reverse("admin:auth_user_change", args=[kenji.pk])
    html = admin_client_ja.get(f"/ja{url[3:]}").content.decode()
    assert html.index('name="last_name"') < html.index('name="first_name"')
    listing = admin_client_ja.get("/ja" + reverse("admin:auth_user_changelist")[3:])
    assert "佐藤 健二" in listing.content.decode()


def test_admin_shows_who_requested_a_run_by_name(admin_client_ja, kenji):
    pavilion = PavilionFactory()
    run = MatchingRun.objects.create(pavilion=pavilion, requested_by=kenji)
    listing = admin_client_ja.get("/ja" + reverse("admin:matchmaking_matchingrun_changelist")[3:])
    assert "佐藤 健二" in listing.content.decode()
    page = admin_client_ja.get(
        "/ja" + reverse("admin:matchmaking_matchingrun_change", args=[run.pk])[3:]
    )
    assert page.status_code == 200
    assert "佐藤 健二" in page.content.decode()


def test_person_name_falls_back_to_the_email(db):
    user = get_user_model().objects.create_user(username="u", email="u@example.com")
    assert person_name(user) == "u@example.com"


def test_the_admin_welcomes_by_full_name_in_the_readers_order(client):
    admin = get_user_model().objects.create_superuser(
        username="admin", password="pw", email="a@example.com", first_name="健二", last_name="佐藤"
    )
    client.force_login(admin)
    assert "<strong>佐藤 健二</strong>" in client.get("/ja/admin/").content.decode()
    assert "<strong>健二 佐藤</strong>" in client.get("/en/admin/").content.decode()
