"""Accounts' passwords and API tokens changed in the admin, and a member's email language
changed on the team page, go through services that record them (never a password or a key)."""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from rest_framework.authtoken.models import Token

from companies.factories import SMEFactory
from companies.models import Membership
from core.models import AuditEntry

pytestmark = pytest.mark.django_db


@pytest.fixture
def kenji(db):
    return get_user_model().objects.create_user("kenji", password="old-pass-for-tests")


def test_a_token_created_in_the_admin_is_recorded_on_its_account_without_its_key(
    admin_client, admin_user, kenji
):
    response = admin_client.post(reverse("admin:authtoken_tokenproxy_add"), {"user": kenji.pk})
    assert response.status_code == 302
    token = Token.objects.get(user=kenji)
    entry = AuditEntry.objects.get(action="account.token.created")
    assert (entry.interface, entry.actor) == ("admin", admin_user)
    assert (entry.object_id, entry.object_repr) == (kenji.pk, "kenji")
    assert entry.changes["user"] == [None, kenji.pk]
    assert token.key not in str(entry.changes)


def test_a_token_given_to_another_account_in_the_admin_is_recorded(admin_client, kenji):
    token = Token.objects.create(user=kenji)
    yuki = get_user_model().objects.create_user("yuki")
    url = reverse("admin:authtoken_tokenproxy_change", args=[kenji.pk])
    assert admin_client.post(url, {"user": yuki.pk}).status_code == 302
    assert Token.objects.get(key=token.key).user == yuki
    entry = AuditEntry.objects.get(action="account.token.changed")
    assert (entry.object_id, entry.changes) == (yuki.pk, {"user": [kenji.pk, yuki.pk]})


def test_a_token_deleted_in_the_admin_is_recorded_before_it_goes(admin_client, admin_user, kenji):
    token = Token.objects.create(user=kenji)
    url = reverse("admin:authtoken_tokenproxy_delete", args=[kenji.pk])
    assert admin_client.post(url, {"post": "yes"}).status_code == 302
    assert not Token.objects.exists()
    entry = AuditEntry.objects.get(action="account.token.deleted")
    assert (entry.interface, entry.actor, entry.object_id) == ("admin", admin_user, kenji.pk)
    assert entry.changes["user"] == [kenji.pk, None]
    assert token.key not in str(entry.changes)


def test_a_password_changed_in_the_admin_is_recorded_without_the_password(
    admin_client, admin_user, kenji
):
    url = reverse("admin:auth_user_password_change", args=[kenji.pk])
    response = admin_client.post(
        url,
        {"usable_password": "true", "password1": "a-new-pass-1948", "password2": "a-new-pass-1948"},
    )
    assert response.status_code == 302
    kenji.refresh_from_db()
    assert kenji.check_password("a-new-pass-1948")
    entry = AuditEntry.objects.get(action="account.password_changed")
    assert (entry.interface, entry.actor, entry.object_id) == ("admin", admin_user, kenji.pk)
    assert entry.changes == {"usable_password": [True, True]}
    assert not AuditEntry.objects.filter(action="account.changed").exists()


def test_a_password_switched_off_in_the_admin_is_recorded(admin_client, kenji):
    url = reverse("admin:auth_user_password_change", args=[kenji.pk])
    response = admin_client.post(url, {"usable_password": "false", "unset-password": ""})
    assert response.status_code == 302
    kenji.refresh_from_db()
    assert not kenji.has_usable_password()
    entry = AuditEntry.objects.get(action="account.password_changed")
    assert entry.changes == {"usable_password": [True, False]}


def test_a_member_changing_their_email_language_on_the_team_page_is_recorded(client, kenji):
    membership = Membership.objects.create(user=kenji, sme=SMEFactory(), role="admin")
    client.force_login(kenji)
    response = client.post("/en/company/team/language/", {"preferred_language": "en"})
    assert response.status_code == 302
    assert Membership.objects.get(pk=membership.pk).preferred_language == "en"
    client.post("/en/company/team/language/", {"preferred_language": "en"})
    client.post("/en/company/team/language/", {"preferred_language": "fr"})
    entry = AuditEntry.objects.get(action="member.language_changed")
    assert (entry.interface, entry.actor, entry.object_id) == ("page", kenji, membership.pk)
    assert entry.changes == {"preferred_language": ["", "en"]}
