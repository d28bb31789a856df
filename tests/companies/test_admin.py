"""The companies admin writes through the services: each save and delete leaves its audit entry
and stores what the form said."""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from companies.factories import LanguageFactory, MarketFactory, SectorFactory, SMEFactory
from companies.models import SME, Language, Membership, Sector
from core.models import AuditEntry
from core.organisers import ORGANISER_GROUP

pytestmark = pytest.mark.django_db


def _posted(response) -> dict:
    """The change form's data as the browser would post it back unchanged, inlines included."""
    forms = [response.context["adminform"].form]
    data = {}
    for inline in response.context["inline_admin_formsets"]:
        formset = inline.formset
        forms += [formset.management_form, *formset.forms]
    for form in forms:
        for name in form.fields:
            value = form[name].value()
            if value is None or value is False:
                continue
            key = form.add_prefix(name)
            if isinstance(value, list | tuple):
                data[key] = [str(item) for item in value]
            else:
                data[key] = "on" if value is True else value
    return data


def test_an_sme_changed_in_the_admin_records_what_changed(admin_client, admin_user):
    sme = SMEFactory(employees=40)
    germany = MarketFactory(code="DE")
    url = reverse("admin:companies_sme_change", args=[sme.pk])
    data = _posted(admin_client.get(url))
    data.update(employees="55", target_markets=[str(germany.pk)])
    response = admin_client.post(url, data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    sme.refresh_from_db()
    assert (sme.employees, list(sme.target_markets.all())) == (55, [germany])
    entry = AuditEntry.objects.get(action="sme.updated")
    assert (entry.interface, entry.actor, entry.object_id) == ("admin", admin_user, sme.pk)
    assert entry.changes == {"employees": [40, 55], "target_markets": [[], [germany.pk]]}


def test_an_sme_added_in_the_admin_is_registered_with_its_profile(admin_client, admin_user):
    url = reverse("admin:companies_sme_add")
    data = _posted(admin_client.get(url))
    data.update(
        name_ja="株式会社越後精密",
        name_en="Echigo Precision Co., Ltd.",
        prefecture="niigata",
        industry_class="manufacturing",
        employees="42",
        capital_yen="30000000",
        export_experience="none",
    )
    response = admin_client.post(url, data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    sme = SME.objects.get(name_en="Echigo Precision Co., Ltd.")
    assert (sme.employees, sme.capital_yen) == (42, 30_000_000)
    entry = AuditEntry.objects.get(action="sme.registered")
    assert (entry.actor, entry.object_id) == (admin_user, sme.pk)
    assert entry.changes["employees"] == [None, 42]


def test_a_member_added_on_the_company_page_is_recorded(admin_client, admin_user):
    sme = SMEFactory()
    colleague = get_user_model().objects.create_user("yuki", email="yuki@example.com")
    url = reverse("admin:companies_sme_change", args=[sme.pk])
    data = _posted(admin_client.get(url))
    data.update(
        {
            "members-TOTAL_FORMS": "1",
            "members-0-user": str(colleague.pk),
            "members-0-role": "staff",
            "members-0-job_title": "Export manager",
        }
    )
    response = admin_client.post(url, data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    membership = Membership.objects.get(user=colleague)
    assert (membership.sme, membership.role) == (sme, "staff")
    assert membership.job_title == "Export manager"
    entry = AuditEntry.objects.get(action="member.created")
    assert (entry.actor, entry.object_id) == (admin_user, membership.pk)
    assert entry.changes["user"] == [None, colleague.pk]
    assert entry.changes["sme"] == [None, sme.pk]
    assert not AuditEntry.objects.filter(action="sme.updated").exists()


def test_a_membership_deleted_in_the_admin_is_recorded_before_it_goes(admin_client):
    sme = SMEFactory()
    user = get_user_model().objects.create_user("kenji")
    membership = Membership.objects.create(user=user, sme=sme, role="admin")
    url = reverse("admin:companies_membership_delete", args=[membership.pk])
    assert admin_client.post(url, {"post": "yes"}).status_code == 302
    assert not Membership.objects.exists()
    entry = AuditEntry.objects.get(action="member.deleted")
    assert entry.object_id == membership.pk
    assert entry.changes["role"] == ["admin", None]


def test_reference_data_changed_in_the_admin_records_each_field(admin_client, admin_user):
    parent = SectorFactory(code="XVIII")
    sector = SectorFactory(code="90", level="chapter", name_en="Medical devices")
    url = reverse("admin:companies_sector_change", args=[sector.pk])
    data = _posted(admin_client.get(url))
    data.update(name_en="Medical instruments", parent=str(parent.pk))
    response = admin_client.post(url, data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    sector.refresh_from_db()
    assert (sector.name_en, sector.parent) == ("Medical instruments", parent)
    entry = AuditEntry.objects.get(action="sector.changed")
    assert (entry.interface, entry.actor) == ("admin", admin_user)
    assert entry.changes == {
        "name_en": ["Medical devices", "Medical instruments"],
        "parent": [None, parent.pk],
    }


def test_reference_data_added_and_deleted_in_the_admin_is_recorded(admin_client):
    response = admin_client.post(
        reverse("admin:companies_language_add"),
        {"code": "de", "name_en": "German", "name_ja": "ドイツ語"},
    )
    assert response.status_code == 302
    german = Language.objects.get(code="de")
    assert AuditEntry.objects.get(action="language.created").changes["code"] == [None, "de"]
    LanguageFactory(code="ja")
    response = admin_client.post(
        reverse("admin:companies_language_changelist"),
        {"action": "delete_selected", "_selected_action": [german.pk], "post": "yes"},
    )
    assert response.status_code == 302
    assert list(Language.objects.values_list("code", flat=True)) == ["ja"]
    entry = AuditEntry.objects.get(action="language.deleted")
    assert (entry.object_id, entry.changes["name_en"]) == (german.pk, ["German", None])


def test_an_account_made_an_organiser_records_its_group_and_staff_flag(
    admin_client, organiser_group
):
    user = get_user_model().objects.create_user("sato", password="secret-pw", email="s@example.com")
    # The form shows whole seconds; a join time with microseconds would change on every save.
    user.date_joined = user.date_joined.replace(microsecond=0)
    user.save(update_fields=["date_joined"])
    url = reverse("admin:auth_user_change", args=[user.pk])
    data = {
        "username": "sato",
        "email": "s@example.com",
        "is_active": "on",
        "is_staff": "on",
        "groups": [str(organiser_group.pk)],
        "date_joined_0": user.date_joined.strftime("%Y-%m-%d"),
        "date_joined_1": user.date_joined.strftime("%H:%M:%S"),
    }
    response = admin_client.post(url, data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    user.refresh_from_db()
    assert user.is_staff
    assert user.groups.get().name == ORGANISER_GROUP
    assert user.check_password("secret-pw")
    entry = AuditEntry.objects.get(action="account.changed")
    assert entry.changes == {"groups": [[], [organiser_group.pk]], "is_staff": [False, True]}


def test_an_account_created_in_the_admin_never_records_its_password(admin_client):
    response = admin_client.post(
        reverse("admin:auth_user_add"),
        {
            "username": "mori",
            "usable_password": "true",
            "password1": "a-long-pass-phrase-9",
            "password2": "a-long-pass-phrase-9",
        },
    )
    assert response.status_code == 302, response.context["adminform"].form.errors
    user = get_user_model().objects.get(username="mori")
    assert user.check_password("a-long-pass-phrase-9")
    entry = AuditEntry.objects.get(action="account.created")
    assert entry.object_id == user.pk
    assert entry.changes["username"] == [None, "mori"]
    assert "password" not in entry.changes


def test_an_unchanged_form_records_nothing(admin_client):
    sector = SectorFactory()
    url = reverse("admin:companies_sector_change", args=[sector.pk])
    response = admin_client.post(url, _posted(admin_client.get(url)))
    assert response.status_code == 302
    assert not AuditEntry.objects.exists()
    assert Sector.objects.get().name_en == sector.name_en
