"""Every endpoint and method against every role, with the status each must get: one table.

Columns follow ``ROLES``: anonymous, exhibitor of this pavilion, exhibitor of another, buyer,
another buyer, organiser of this pavilion, organiser of another, platform admin. A 404 where
another role gets 200 means the object is invisible to that role, not merely forbidden.
"""

import pytest

ROLES = (
    "anonymous",
    "exhibitor",
    "other_exhibitor",
    "buyer",
    "other_buyer",
    "organiser",
    "other_organiser",
    "admin",
)
V1 = "/api/v1"

SME_BODY = {
    "name_ja": "株式会社新規",
    "name_en": "Shinki Co., Ltd.",
    "prefecture": "tokyo",
    "industry_class": "manufacturing",
    "employees": 10,
    "capital_yen": 10_000_000,
}

# (label, method, path(world), body(world) or None, expected statuses in ROLES order)
MATRIX = [
    ("me", "get", lambda w: "/me/", None, "401 200 200 200 200 200 200 200"),
    ("smes", "get", lambda w: "/smes/", None, "401 200 200 200 200 200 200 200"),
    ("smes", "post", lambda w: "/smes/", lambda w: SME_BODY, "401 400 400 400 400 201 201 201"),
    ("sme", "get", lambda w: f"/smes/{w.sme.pk}/", None, "401 200 404 404 404 200 404 200"),
    (
        "sme",
        "patch",
        lambda w: f"/smes/{w.sme.pk}/",
        lambda w: {"description_en": "Knives."},
        "401 200 404 404 404 403 404 200",
    ),
    ("sme", "put", lambda w: f"/smes/{w.sme.pk}/", lambda w: {}, "401 405 405 405 405 405 405 405"),
    (
        "sme members",
        "post",
        lambda w: f"/smes/{w.sme.pk}/members/",
        lambda w: {"email": "colleague@example.com"},
        "401 201 404 404 404 403 404 403",
    ),
    ("buyers", "get", lambda w: "/buyers/", None, "401 200 200 200 200 200 200 200"),
    ("buyer", "get", lambda w: f"/buyers/{w.buyer.pk}/", None, "401 404 404 200 404 200 404 200"),
    (
        "buyer",
        "patch",
        lambda w: f"/buyers/{w.buyer.pk}/",
        lambda w: {"city": "Köln"},
        "401 404 404 200 404 403 404 200",
    ),
    (
        "buyer members",
        "post",
        lambda w: f"/buyers/{w.buyer.pk}/members/",
        lambda w: {"email": "colleague@example.com"},
        "401 404 404 201 404 403 404 403",
    ),
    ("sectors", "get", lambda w: "/sectors/", None, "401 200 200 200 200 200 200 200"),
    ("markets", "get", lambda w: "/markets/", None, "401 200 200 200 200 200 200 200"),
    ("languages", "get", lambda w: "/languages/", None, "401 200 200 200 200 200 200 200"),
    (
        "certifications",
        "get",
        lambda w: "/certifications/",
        None,
        "401 200 200 200 200 200 200 200",
    ),
    ("fairs", "get", lambda w: "/fairs/", None, "200 200 200 200 200 200 200 200"),
    ("pavilions", "get", lambda w: "/pavilions/", None, "200 200 200 200 200 200 200 200"),
    ("pavilions", "post", lambda w: "/pavilions/", lambda w: {}, "401 405 405 405 405 405 405 405"),
    (
        "pavilion",
        "get",
        lambda w: f"/pavilions/{w.pavilion.pk}/",
        None,
        "200 200 200 200 200 200 200 200",
    ),
    (
        "pavilion rules",
        "patch",
        lambda w: f"/pavilions/{w.pavilion.pk}/",
        lambda w: {"shared_tables": 4},
        "401 403 403 403 403 200 403 200",
    ),
    (
        "catalogue",
        "get",
        lambda w: f"/pavilions/{w.pavilion.pk}/exhibitors/",
        None,
        "200 200 200 200 200 200 200 200",
    ),
    (
        "applications",
        "get",
        lambda w: "/exhibitor-registrations/",
        None,
        "401 200 200 200 200 200 200 200",
    ),
    (
        "applications",
        "post",
        lambda w: "/exhibitor-registrations/",
        lambda w: {"pavilion": w.other_pavilion.pk},
        "401 201 400 403 403 403 403 403",
    ),
    (
        "application",
        "get",
        lambda w: f"/exhibitor-registrations/{w.registration.pk}/",
        None,
        "401 200 404 404 404 200 404 200",
    ),
    (
        "application decide",
        "post",
        lambda w: f"/exhibitor-registrations/{w.registration.pk}/decide/",
        lambda w: {"status": "waitlisted"},
        "401 403 404 404 404 200 404 200",
    ),
    (
        "application withdraw",
        "post",
        lambda w: f"/exhibitor-registrations/{w.registration.pk}/withdraw/",
        None,
        "401 200 404 404 404 403 404 403",
    ),
    (
        "buyer registrations",
        "get",
        lambda w: "/buyer-registrations/",
        None,
        "401 200 200 200 200 200 200 200",
    ),
    (
        "buyer registrations",
        "post",
        lambda w: "/buyer-registrations/",
        lambda w: {"pavilion": w.pavilion.pk, "days": ["2027-11-16"]},
        "401 403 403 201 201 403 403 403",
    ),
    (
        "buyer registration",
        "get",
        lambda w: f"/buyer-registrations/{w.buyer_registration.pk}/",
        None,
        "401 404 404 200 404 200 404 200",
    ),
    (
        "buyer registration",
        "patch",
        lambda w: f"/buyer-registrations/{w.buyer_registration.pk}/",
        lambda w: {"sourcing_needs": "Endoscopes for day clinics"},
        "401 404 404 200 404 403 404 200",
    ),
    ("proposals", "get", lambda w: "/proposals/", None, "401 200 200 200 200 200 200 200"),
    (
        "proposal",
        "get",
        lambda w: f"/proposals/{w.proposal.pk}/",
        None,
        "401 200 404 200 404 200 404 200",
    ),
    (
        "proposal accept",
        "post",
        lambda w: f"/proposals/{w.proposal.pk}/accept/",
        None,
        "401 200 404 200 404 200 404 200",
    ),
    (
        "proposal decline",
        "post",
        lambda w: f"/proposals/{w.proposal.pk}/decline/",
        None,
        "401 200 404 200 404 200 404 200",
    ),
    ("meetings", "get", lambda w: "/meetings/", None, "401 200 200 200 200 200 200 200"),
    (
        "meetings",
        "post",
        lambda w: "/meetings/",
        lambda w: {"pavilion": w.pavilion.pk, "sme": w.sme.pk, "buyer": w.buyer.pk},
        "401 201 403 201 403 201 403 201",
    ),
    (
        "meeting",
        "get",
        lambda w: f"/meetings/{w.meeting.pk}/",
        None,
        "401 200 404 200 404 200 404 200",
    ),
    (
        "meeting",
        "delete",
        lambda w: f"/meetings/{w.meeting.pk}/",
        None,
        "401 405 405 405 405 405 405 405",
    ),
    (
        "meeting accept",
        "post",
        lambda w: f"/meetings/{w.meeting.pk}/accept/",
        None,
        "401 200 404 200 404 200 404 200",
    ),
    (
        "meeting decline",
        "post",
        lambda w: f"/meetings/{w.meeting.pk}/decline/",
        None,
        "401 200 404 200 404 200 404 200",
    ),
    (
        "meeting cancel",
        "post",
        lambda w: f"/meetings/{w.meeting.pk}/cancel/",
        None,
        "401 200 404 200 404 200 404 200",
    ),
    (
        "meeting attendee",
        "post",
        lambda w: f"/meetings/{w.meeting.pk}/attendee/",
        lambda w: {"attendee": w.users["exhibitor"].pk},
        "401 200 404 403 404 200 404 200",
    ),
    (
        "meeting attendance",
        "post",
        lambda w: f"/meetings/{w.past_scheduled_meeting.pk}/attendance/",
        lambda w: {"held": True},
        "401 200 404 200 404 200 404 200",
    ),
    (
        "meeting move",
        "post",
        lambda w: f"/meetings/{w.accepted_meeting.pk}/move/",
        lambda w: {"slot": w.slot.pk},
        "401 403 404 403 404 200 404 200",
    ),
    (
        "meeting lock",
        "post",
        lambda w: f"/meetings/{w.past_scheduled_meeting.pk}/lock/",
        lambda w: {"locked": True},
        "401 403 404 403 404 200 404 200",
    ),
    (
        "meeting unschedule",
        "post",
        lambda w: f"/meetings/{w.past_scheduled_meeting.pk}/unschedule/",
        lambda w: {},
        "401 403 404 403 404 200 404 200",
    ),
    (
        "meeting outcome",
        "post",
        lambda w: f"/meetings/{w.held_meeting.pk}/outcome/",
        lambda w: {"stage": "sample"},
        "401 201 404 201 404 201 404 201",
    ),
    ("outcomes", "get", lambda w: "/outcomes/", None, "401 200 200 200 200 200 200 200"),
    ("schedule", "get", lambda w: "/schedule/", None, "401 200 200 200 200 200 200 200"),
    (
        "schedule.ics",
        "get",
        lambda w: f"/schedule.ics?pavilion={w.pavilion.pk}&sme={w.sme.pk}",
        None,
        "401 200 200 200 200 200 403 200",
    ),
    ("matching runs", "get", lambda w: "/matching-runs/", None, "401 403 403 403 403 200 200 200"),
    (
        "matching runs",
        "post",
        lambda w: "/matching-runs/",
        lambda w: {"pavilion": w.pavilion.pk},
        "401 403 403 403 403 201 403 201",
    ),
    (
        "matching run",
        "get",
        lambda w: f"/matching-runs/{w.matching_run.pk}/",
        None,
        "401 403 403 403 403 200 404 200",
    ),
    (
        "scheduling runs",
        "get",
        lambda w: "/scheduling-runs/",
        None,
        "401 403 403 403 403 200 200 200",
    ),
    (
        "scheduling runs",
        "post",
        lambda w: "/scheduling-runs/",
        lambda w: {"pavilion": w.pavilion.pk, "time_limit": 5},
        "401 403 403 403 403 201 403 201",
    ),
    (
        "publish schedule",
        "post",
        lambda w: f"/pavilions/{w.pavilion.pk}/publish-schedule/",
        lambda w: {},
        "401 403 403 403 403 200 403 200",
    ),
    (
        "pavilion buyers",
        "get",
        lambda w: f"/pavilions/{w.pavilion.pk}/buyers/",
        None,
        "401 200 403 403 403 200 403 200",
    ),
    (
        "slots",
        "get",
        lambda w: f"/pavilions/{w.pavilion.pk}/slots/",
        None,
        "401 200 200 200 200 200 200 200",
    ),
    (
        "generate slots",
        "post",
        lambda w: f"/pavilions/{w.pavilion.pk}/generate-slots/",
        lambda w: {},
        "401 403 403 403 403 200 403 200",
    ),
    (
        "matching weights",
        "get",
        lambda w: f"/pavilions/{w.pavilion.pk}/matching-weights/",
        None,
        "401 403 403 403 403 200 403 200",
    ),
    (
        "matching weights",
        "put",
        lambda w: f"/pavilions/{w.pavilion.pk}/matching-weights/",
        lambda w: {"sector": 4},
        "401 403 403 403 403 200 403 200",
    ),
    (
        "matching weights",
        "patch",
        lambda w: f"/pavilions/{w.pavilion.pk}/matching-weights/",
        lambda w: {"min_score": 40},
        "401 403 403 403 403 200 403 200",
    ),
    ("wishes", "get", lambda w: "/wishes/", None, "401 403 403 403 403 200 200 200"),
    (
        "wishes",
        "post",
        lambda w: "/wishes/",
        lambda w: {
            "pavilion": w.pavilion.pk,
            "sme": w.sme.pk,
            "buyer": w.buyer.pk,
            "kind": "no_thanks",
        },
        "401 403 403 403 403 201 403 201",
    ),
    ("wish", "get", lambda w: f"/wishes/{w.wish.pk}/", None, "401 403 403 403 403 200 404 200"),
    (
        "wish",
        "patch",
        lambda w: f"/wishes/{w.wish.pk}/",
        lambda w: {"kind": "met_before"},
        "401 403 403 403 403 405 405 405",
    ),
    (
        "wish",
        "delete",
        lambda w: f"/wishes/{w.wish.pk}/",
        None,
        "401 403 403 403 403 204 404 204",
    ),
    ("interpreters", "get", lambda w: "/interpreters/", None, "401 403 403 403 403 200 200 200"),
    (
        "interpreters",
        "post",
        lambda w: "/interpreters/",
        lambda w: {
            "pavilion": w.pavilion.pk,
            "name": "Ken Sato",
            "languages": [w.japanese.pk, w.english.pk],
            "available_slots": [w.slot.pk],
        },
        "401 403 403 403 403 201 403 201",
    ),
    (
        "interpreter",
        "get",
        lambda w: f"/interpreters/{w.interpreter.pk}/",
        None,
        "401 403 403 403 403 200 404 200",
    ),
    (
        "interpreter",
        "patch",
        lambda w: f"/interpreters/{w.interpreter.pk}/",
        lambda w: {"email": "aiko@example.com"},
        "401 403 403 403 403 200 404 200",
    ),
    (
        "interpreter",
        "delete",
        lambda w: f"/interpreters/{w.interpreter.pk}/",
        None,
        "401 403 403 403 403 204 404 204",
    ),
    (
        "unavailabilities",
        "get",
        lambda w: "/unavailabilities/",
        None,
        "401 403 403 403 403 200 200 200",
    ),
    (
        "unavailabilities",
        "post",
        lambda w: "/unavailabilities/",
        lambda w: {"pavilion": w.pavilion.pk, "sme": w.sme.pk, "slot": w.slot.pk},
        "401 403 403 403 403 201 403 201",
    ),
    (
        "unavailability",
        "get",
        lambda w: f"/unavailabilities/{w.unavailability.pk}/",
        None,
        "401 403 403 403 403 200 404 200",
    ),
    (
        "unavailability",
        "patch",
        lambda w: f"/unavailabilities/{w.unavailability.pk}/",
        lambda w: {"note": "Flight lands at noon."},
        "401 403 403 403 403 200 404 200",
    ),
    (
        "unavailability",
        "delete",
        lambda w: f"/unavailabilities/{w.unavailability.pk}/",
        None,
        "401 403 403 403 403 204 404 204",
    ),
]

CASES = [
    pytest.param(method, path, body, role, int(expected.split()[i]), id=f"{label}-{method}-{role}")
    for label, method, path, body, expected in MATRIX
    for i, role in enumerate(ROLES)
]


@pytest.mark.parametrize(("method", "path", "body", "role", "expected"), CASES)
def test_permission_matrix(world, method, path, body, role, expected):
    url = V1 + path(world)
    data = body(world) if body else None
    response = getattr(world.client(role), method)(url, data, format="json")
    assert response.status_code == expected, response.content[:500]
    if expected >= 400:
        error = response.json()["error"]
        assert error["status"] == expected
        assert error["message"]
