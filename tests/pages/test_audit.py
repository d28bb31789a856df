"""Writes on the web pages are in the audit log with the interface "page" and the signed-in user."""

from companies.choices import MemberRole
from companies.models import Membership
from core.models import AuditEntry


def test_inviting_a_colleague_on_the_team_page_is_recorded(client, world):
    client.force_login(world["sme_user"])
    response = client.post(
        "/ja/company/team/",
        {"email": "yuki@echigo.example", "first_name": "Yuki", "last_name": "Abe", "role": "staff"},
    )
    assert response.status_code == 302
    membership = Membership.objects.get(user__email="yuki@echigo.example")
    entry = AuditEntry.objects.get(action="member.invited")
    assert (entry.interface, entry.actor) == ("page", world["sme_user"])
    assert (entry.object_id, entry.pavilion_id) == (membership.pk, None)
    assert entry.changes == {
        "role": [None, MemberRole.STAFF],
        "sme": [None, world["sme"].pk],
        "user": [None, membership.user_id],
    }


def test_an_invitation_refused_on_the_page_records_nothing(client, world):
    before = AuditEntry.objects.count()
    client.force_login(world["sme_user"])
    response = client.post(
        "/en/company/team/", {"email": world["buyer_user"].email, "role": "staff"}
    )
    assert response.status_code == 200
    assert AuditEntry.objects.count() == before
