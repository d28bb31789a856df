"""The OpenAPI schema: it validates, documents every error, and the live API keeps to it.

Schemathesis generates requests from the schema served at /api/schema/, valid and invalid, sends
them through Django's WSGI application as an authenticated user, and checks that none gets a
server error and every response matches the schema. It is derandomized and bounded so that it
runs in the normal suite (and so in CI) in well under two minutes.
"""

import pytest
import schemathesis
from django.core import signals
from django.core.management import call_command
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, Phase, given
from hypothesis import settings as hypothesis_settings
from hypothesis.errors import Unsatisfiable
from rest_framework.authtoken.models import Token
from schemathesis.checks import not_a_server_error
from schemathesis.generation import GenerationMode
from schemathesis.specs.openapi.checks import response_schema_conformance

EXAMPLES_PER_OPERATION = 5
# Invalid requests for every operation too, fewer of them: they mostly stop at validation.
INVALID_EXAMPLES_PER_OPERATION = 2


def test_the_schema_validates_without_warnings(tmp_path):
    call_command("spectacular", "--validate", "--fail-on-warn", "--file", str(tmp_path / "s.yml"))
    assert "/api/v1/meetings/" in (tmp_path / "s.yml").read_text()


def test_every_operation_documents_its_errors(client):
    schema = client.get("/api/schema/?format=json").json()
    assert "Error" in schema["components"]["schemas"]
    for path, operations in schema["paths"].items():
        for method, operation in operations.items():
            assert "400" in operation["responses"], (method, path)
            if "{" in path:
                assert "404" in operation["responses"], (method, path)
    create = schema["paths"]["/api/v1/meetings/"]["post"]
    assert {"409", "429"} <= set(create["responses"])
    assert any(p["name"] == "Idempotency-Key" for p in create["parameters"])


def test_the_docs_page_is_served(client):
    response = client.get("/api/docs/")
    assert response.status_code == 200
    assert b"swagger" in response.content.lower()


@pytest.fixture
def wsgi_app():
    """Django's WSGI application, keeping the test's database connection open between requests
    (as Django's own test client does), so the test's transaction and data stay visible."""
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    try:
        yield get_wsgi_application()
    finally:
        signals.request_started.connect(close_old_connections)
        signals.request_finished.connect(close_old_connections)


@pytest.mark.parametrize("role", ["exhibitor", "buyer", "organiser"])
def test_schemathesis_finds_no_server_error_and_no_schema_violation(world, wsgi_app, role):
    schema = schemathesis.openapi.from_wsgi("/api/schema/?format=json", wsgi_app)
    token = Token.objects.create(user=world.users[role])
    headers = {"Authorization": f"Token {token.key}"}
    # Ids of real objects, so that generated requests also reach the code behind the 404s.
    known = {
        "/api/v1/smes/": world.sme.pk,
        "/api/v1/buyers/": world.buyer.pk,
        "/api/v1/pavilions/": world.pavilion.pk,
        "/api/v1/exhibitor-registrations/": world.registration.pk,
        "/api/v1/buyer-registrations/": world.buyer_registration.pk,
        "/api/v1/proposals/": world.proposal.pk,
        "/api/v1/meetings/": world.meeting.pk,
        "/api/v1/matching-runs/": world.matching_run.pk,
        "/api/v1/wishes/": world.wish.pk,
        "/api/v1/interpreters/": world.interpreter.pk,
        "/api/v1/unavailabilities/": world.unavailability.pk,
    }
    operations = [result.ok() for result in schema.get_all_operations()]

    def fuzz(operation, mode, examples) -> bool:
        fixed = next(
            (
                {name: value}
                for prefix, value in known.items()
                for name in ("id", "pavilion_id")
                if operation.path.startswith(prefix) and "{" + name + "}" in operation.path
            ),
            None,
        )

        @hypothesis_settings(
            max_examples=examples,
            derandomize=True,
            database=None,
            deadline=None,
            phases=[Phase.explicit, Phase.generate],
            suppress_health_check=list(HealthCheck),
        )
        @given(case=operation.as_strategy(generation_mode=mode, path_parameters=fixed))
        def check(case):
            case.call_and_validate(
                headers=headers, checks=[not_a_server_error, response_schema_conformance]
            )

        try:
            check()
        except Unsatisfiable:
            # Nothing invalid can be built for this operation (e.g. a GET with a fixed id).
            return False
        return True

    # Valid requests reach every operation, and so do invalid ones (where any can be built).
    assert all(
        fuzz(operation, GenerationMode.POSITIVE, EXAMPLES_PER_OPERATION) for operation in operations
    )
    negative = sum(
        fuzz(operation, GenerationMode.NEGATIVE, INVALID_EXAMPLES_PER_OPERATION)
        for operation in operations
    )
    assert len(operations) > 50
    assert negative > len(operations) / 2
