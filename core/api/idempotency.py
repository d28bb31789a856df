"""Idempotency keys: a retried POST with the same ``Idempotency-Key`` gets the first answer.

The first response to a key is stored (``core.models.ApiIdempotencyKey``) in the same transaction
as the write, so a write that fails stores nothing and may be retried with the same key.
"""

import hashlib
import json
from collections.abc import Callable

from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiParameter
from rest_framework.exceptions import ValidationError
from rest_framework.response import Response

from core.models import ApiIdempotencyKey

from .errors import Conflict

IDEMPOTENCY_HEADER = OpenApiParameter(
    name="Idempotency-Key",
    type={"type": "string", "minLength": 1, "maxLength": 200, "pattern": "^[!-~]+$"},
    location=OpenApiParameter.HEADER,
    required=False,
    description="Any unique string (e.g. a UUID). A retried POST with the same key and body "
    "returns the first response instead of creating a second request; the same key with another "
    "body is refused with 409.",
)


def idempotent(request, respond: Callable[[], Response]) -> Response:
    """``respond()``, once per key: a retry with the key and body answers as the first call did."""
    key = request.headers.get("Idempotency-Key")
    if key is None:
        return respond()
    if not 1 <= len(key) <= 200:
        raise ValidationError(
            {"Idempotency-Key": [_("Use a key of 1 to 200 characters, e.g. a UUID.")]}
        )
    body = json.dumps(request.data, sort_keys=True, default=str)
    fingerprint = hashlib.sha256(body.encode()).hexdigest()
    stored = ApiIdempotencyKey.objects.filter(user=request.user, key=key).first()
    if stored is not None:
        return _replay(stored, request.path, fingerprint)
    try:
        with transaction.atomic():
            response = respond()
            ApiIdempotencyKey.objects.create(
                user=request.user,
                key=key,
                endpoint=request.path,
                request_fingerprint=fingerprint,
                response_status=response.status_code,
                response_body=response.data,
            )
    except (IntegrityError, DjangoValidationError):
        # A concurrent retry with the same key got there first: answer as it did.
        stored = ApiIdempotencyKey.objects.filter(user=request.user, key=key).first()
        if stored is None:
            raise
        return _replay(stored, request.path, fingerprint)
    return response


def _replay(stored: ApiIdempotencyKey, endpoint: str, fingerprint: str) -> Response:
    if stored.endpoint != endpoint or stored.request_fingerprint != fingerprint:
        raise Conflict(
            _(
                "This Idempotency-Key was already used for a different request; send a new "
                "key for a new request."
            )
        )
    return Response(
        stored.response_body,
        status=stored.response_status,
        headers={"Idempotent-Replayed": "true"},
    )
