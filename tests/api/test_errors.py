"""One error shape everywhere; idempotent meeting requests; throttles; tokens."""

import pytest
from django.utils import translation
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _lazy
from rest_framework.test import APIClient
from rest_framework.throttling import ScopedRateThrottle

from core.models import ApiIdempotencyKey
from meetings.models import Meeting

V1 = "/api/v1"


def error_of(response, status: int) -> dict:
    assert response.status_code == status, response.content
    error = response.json()["error"]
    assert error["status"] == status
    assert set(error) == {"status", "code", "message", "fields"}
    assert error["message"]
    return error


def test_a_serializer_error_names_the_field(world):
    response = world.client("buyer").post(
        f"{V1}/buyer-registrations/", {"pavilion": world.pavilion.pk, "days": []}, format="json"
    )
    error = error_of(response, 400)
    assert error["code"] == "invalid"
    assert list(error["fields"]) == ["days"]
    assert error["message"].startswith("days: ")


def test_a_service_error_keyed_by_field_keeps_its_field(world):
    response = world.client("buyer").post(
        f"{V1}/buyer-registrations/",
        {"pavilion": world.pavilion.pk, "days": ["2030-01-01"]},
        format="json",
    )
    error = error_of(response, 400)
    assert "Tue 1 Jan 2030: not a day of" in error["fields"]["days"][0]


def test_a_service_error_about_the_whole_request_is_the_message(world):
    response = world.client("exhibitor").post(
        f"{V1}/exhibitor-registrations/", {"pavilion": world.pavilion.pk}, format="json"
    )
    error = error_of(response, 400)
    assert "has already applied" in error["message"]
    assert error["fields"] == {}


def test_nested_errors_are_dotted(world):
    response = world.client("buyer").post(
        f"{V1}/buyer-registrations/",
        {"pavilion": world.pavilion.pk, "days": ["2027-11-15", "not a date"]},
        format="json",
    )
    assert list(error_of(response, 400)["fields"]) == ["days.1"]


def test_malformed_json_is_a_400_not_a_500(world):
    response = world.client("buyer").post(
        f"{V1}/meetings/", "{not json", content_type="application/json"
    )
    assert error_of(response, 400)["code"] == "parse_error"


@pytest.mark.parametrize(
    ("role", "path", "status", "code"),
    [
        ("anonymous", "/me/", 401, "not_authenticated"),
        ("buyer", "/matching-runs/", 403, "permission_denied"),
        ("buyer", "/smes/99999/", 404, "not_found"),
        ("buyer", "/smes/not-a-number/", 404, "not_found"),
        ("buyer", "/no-such-endpoint/", 404, "not_found"),
    ],
)
def test_every_status_has_the_same_shape(world, role, path, status, code):
    assert error_of(world.client(role).get(V1 + path), status)["code"] == code


def test_an_anonymous_call_says_how_to_authenticate(world):
    response = world.client("anonymous").get(f"{V1}/meetings/")
    assert response["WWW-Authenticate"] == "Token"


def test_a_wrong_method_is_a_405_in_the_same_shape(world):
    response = world.client("buyer").delete(f"{V1}/meetings/")
    assert error_of(response, 405)["code"] == "method_not_allowed"


def test_a_second_run_while_one_is_active_is_a_409_with_the_services_reason(world):
    assert world.matching_run.status == "queued"
    response = world.client("organiser").post(
        f"{V1}/matching-runs/", {"pavilion": world.pavilion.pk}, format="json"
    )
    error = error_of(response, 409)
    assert "is already queued" in error["message"]


def test_the_same_idempotency_key_and_body_replays_the_first_response(world):
    client = world.client("buyer")
    body = {"pavilion": world.pavilion.pk, "sme": world.sme.pk, "message": "Hello"}
    first = client.post(f"{V1}/meetings/", body, format="json", HTTP_IDEMPOTENCY_KEY="k-1")
    again = client.post(f"{V1}/meetings/", body, format="json", HTTP_IDEMPOTENCY_KEY="k-1")
    assert first.status_code == again.status_code == 201
    assert first.json() == again.json()
    assert again["Idempotent-Replayed"] == "true"
    assert Meeting.objects.count() == 1
    assert ApiIdempotencyKey.objects.get().response_status == 201


def test_the_same_idempotency_key_with_another_body_is_a_409(world):
    client = world.client("buyer")
    body = {"pavilion": world.pavilion.pk, "sme": world.sme.pk}
    client.post(f"{V1}/meetings/", body, format="json", HTTP_IDEMPOTENCY_KEY="k-2")
    response = client.post(
        f"{V1}/meetings/", {**body, "message": "other"}, format="json", HTTP_IDEMPOTENCY_KEY="k-2"
    )
    assert "different request" in error_of(response, 409)["message"]
    assert Meeting.objects.count() == 1


def test_an_idempotency_key_is_per_user(world):
    body = {"pavilion": world.pavilion.pk, "sme": world.sme.pk, "buyer": world.buyer.pk}
    world.client("buyer").post(f"{V1}/meetings/", body, format="json", HTTP_IDEMPOTENCY_KEY="k")
    response = world.client("exhibitor").post(
        f"{V1}/meetings/", body, format="json", HTTP_IDEMPOTENCY_KEY="k"
    )
    # The exhibitor's own key is new; the pair already has a meeting, which the service says.
    assert "already have a meeting" in error_of(response, 400)["message"]


def test_a_failed_request_does_not_use_up_its_key(world):
    client = world.client("buyer")
    body = {"pavilion": world.other_pavilion.pk, "sme": world.sme.pk}
    error_of(client.post(f"{V1}/meetings/", body, format="json", HTTP_IDEMPOTENCY_KEY="k"), 400)
    assert not ApiIdempotencyKey.objects.exists()


def test_meeting_requests_are_throttled(world, monkeypatch):
    monkeypatch.setattr(
        ScopedRateThrottle, "THROTTLE_RATES", {"auth": "10/minute", "meeting_requests": "2/hour"}
    )
    client = world.client("buyer")
    body = {"pavilion": world.pavilion.pk, "sme": world.sme.pk}
    statuses = [client.post(f"{V1}/meetings/", body, format="json").status_code for _ in range(2)]
    assert statuses == [201, 400]
    response = client.post(f"{V1}/meetings/", body, format="json")
    assert error_of(response, 429)["code"] == "throttled"
    assert response["Retry-After"]
    # Answering is never throttled.
    assert client.get(f"{V1}/meetings/").status_code == 200


def test_a_token_is_given_for_a_username_and_password_and_works(world):
    client = APIClient()
    response = client.post(
        f"{V1}/auth/token/", {"username": "buyer", "password": "pw-for-tests"}, format="json"
    )
    assert response.status_code == 200
    client.credentials(HTTP_AUTHORIZATION=f"Token {response.json()['token']}")
    assert client.get(f"{V1}/me/").json()["buyer"] == world.buyer.pk


def test_a_wrong_password_gets_no_token_and_logins_are_throttled(world):
    client = APIClient()
    wrong = {"username": "buyer", "password": "wrong"}
    statuses = [client.post(f"{V1}/auth/token/", wrong).status_code for _ in range(11)]
    assert statuses[:10] == [400] * 10
    assert error_of(client.post(f"{V1}/auth/token/", wrong), 429)["code"] == "throttled"


def test_the_catalogue_shows_public_fields_only(world):
    response = world.client("anonymous").get(f"{V1}/pavilions/{world.pavilion.pk}/exhibitors/")
    (row,) = response.json()["results"]
    assert row["booth"] == "A1"
    private = {"capital_yen", "employees", "eligibility", "contact_email", "members"}
    assert not private & set(row)


def test_a_session_write_needs_the_csrf_token(world):
    client = APIClient(enforce_csrf_checks=True)
    client.login(username="buyer", password="pw-for-tests")
    response = client.post(
        f"{V1}/meetings/", {"pavilion": world.pavilion.pk, "sme": world.sme.pk}, format="json"
    )
    assert "CSRF" in error_of(response, 403)["message"]
    assert client.get(f"{V1}/meetings/").status_code == 200


def test_a_company_reads_only_the_outcomes_its_own_side_recorded(world):
    meeting = world.held_meeting
    for role, stage in (("exhibitor", "sample"), ("buyer", "no_interest")):
        response = world.client(role).post(
            f"{V1}/meetings/{meeting.pk}/outcome/", {"stage": stage}, format="json"
        )
        assert response.status_code == 201
    seen = {
        role: [o["stage"] for o in world.client(role).get(f"{V1}/outcomes/").json()["results"]]
        for role in ("exhibitor", "buyer", "organiser", "other_buyer")
    }
    assert seen["exhibitor"] == ["sample"]
    assert seen["buyer"] == ["no_interest"]
    assert sorted(seen["organiser"]) == ["no_interest", "sample"]
    assert seen["other_buyer"] == []


def test_an_outcome_round_is_months_and_the_earlier_codes_still_read(world):
    meeting = world.held_meeting
    url = f"{V1}/meetings/{meeting.pk}/outcome/"
    client = world.client("exhibitor")
    rounds = {}
    for given in ("at_fair", "follow_up", 6):
        response = client.post(url, {"stage": "sample", "round": given}, format="json")
        assert response.status_code == 201
        rounds[given] = response.json()["round"]
    assert rounds == {"at_fair": 0, "follow_up": 1, 6: 6}
    refused = client.post(url, {"stage": "sample", "round": 2}, format="json")
    assert "3 months later" in error_of(refused, 400)["fields"]["round"][0]
    nonsense = client.post(url, {"stage": "sample", "round": {"at": "fair"}}, format="json")
    assert nonsense.status_code == 400


def test_a_too_short_list_is_told_in_japanese(world):
    response = world.client("buyer").post(
        f"{V1}/buyer-registrations/",
        {"pavilion": world.pavilion.pk, "days": []},
        format="json",
        HTTP_ACCEPT_LANGUAGE="ja",
    )
    error = error_of(response, 400)
    assert error["fields"]["days"] == ["この項目は1件以上指定してください。"]
    assert error["message"] == "days：この項目は1件以上指定してください。"


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("en", "The request body is not valid JSON (line 1, column 2)"),
        ("ja", "リクエスト本文が正しいJSONではありません（1行目、2文字目）"),
    ],
)
def test_a_json_parse_error_is_told_in_the_requests_language(world, language, expected):
    response = world.client("buyer").post(
        f"{V1}/meetings/",
        "{not json",
        content_type="application/json",
        HTTP_ACCEPT_LANGUAGE=language,
    )
    error = error_of(response, 400)
    assert error["code"] == "parse_error"
    assert error["message"].startswith(expected)
    assert "Expecting" not in error["message"]


def test_throttling_and_csrf_are_told_in_japanese(world, monkeypatch):
    monkeypatch.setattr(
        ScopedRateThrottle, "THROTTLE_RATES", {"auth": "10/minute", "meeting_requests": "1/hour"}
    )
    client = world.client("buyer")
    body = {"pavilion": world.pavilion.pk, "sme": world.sme.pk}
    client.post(f"{V1}/meetings/", body, format="json")
    response = client.post(f"{V1}/meetings/", body, format="json", HTTP_ACCEPT_LANGUAGE="ja")
    error = error_of(response, 429)
    assert error["message"].startswith("リクエストが多すぎます。")
    assert f"{response['Retry-After']}秒後" in error["message"]
    session = APIClient(enforce_csrf_checks=True)
    session.login(username="buyer", password="pw-for-tests")
    response = session.post(f"{V1}/meetings/", body, format="json", HTTP_ACCEPT_LANGUAGE="ja")
    assert error_of(response, 403)["message"].startswith("CSRFの確認に失敗しました。")


def _subclasses(cls):
    for sub in cls.__subclasses__():
        yield sub
        yield from _subclasses(sub)


def drf_messages() -> set:
    """Every message DRF's fields, exceptions, validators and token login can answer with."""
    import rest_framework.authtoken.serializers  # noqa: F401  (its messages are inline)
    from rest_framework import exceptions, fields, validators

    messages = set()
    for cls in [fields.Field, *_subclasses(fields.Field)]:
        if cls.__module__.startswith("rest_framework"):
            messages |= set(vars(cls).get("default_error_messages", {}).values())
    for cls in [exceptions.APIException, *_subclasses(exceptions.APIException)]:
        if cls.__module__.startswith("rest_framework") and cls.default_detail:
            messages.add(cls.default_detail)
    for cls in vars(validators).values():
        if isinstance(cls, type) and isinstance(getattr(cls, "message", None), Promise):
            messages.add(cls.message)
    return messages | {
        _lazy("Unable to log in with provided credentials."),
        _lazy('Must include "username" and "password".'),
        _lazy("Invalid page."),
    }


def test_every_message_drf_can_give_is_in_japanese():
    messages = drf_messages()
    assert len(messages) > 60
    untranslated = []
    for message in messages:
        english = str(message)
        with translation.override("ja"):
            if str(message) == english:
                untranslated.append(english)
    assert sorted(untranslated) == []
