"""One JSON shape for every API error, and the schema class that documents it on every endpoint.

Every error the API returns, whether raised by DRF (authentication, permissions, throttling,
parsing, unknown methods), by a serializer or by a service's ``ValidationError``, reads::

    {"error": {"status": 400, "code": "invalid", "message": "days: Choose at least one day.",
               "fields": {"days": ["Choose at least one day."]}}}

``message`` is always a sentence a person can act on; ``fields`` names the fields concerned (nested
fields are dotted: ``days.0``) and is empty when the error concerns the request as a whole.
Messages come in the request's language (``Accept-Language``): DRF words a few of its messages
without gettext (a body that is not JSON, a failed CSRF check, the wait of a throttle), which are
reworded here, and ``DRF_MESSAGES`` puts the rest of DRF's messages in our catalogue.
"""

import json

from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404, JsonResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, gettext_noop, ngettext
from drf_spectacular.openapi import AutoSchema
from drf_spectacular.utils import OpenApiResponse
from rest_framework import exceptions, serializers, status
from rest_framework.permissions import SAFE_METHODS
from rest_framework.settings import api_settings
from rest_framework.views import exception_handler

NON_FIELD = api_settings.NON_FIELD_ERRORS_KEY


class Conflict(exceptions.APIException):
    """The request is valid but clashes with the current state (an active run, a reused key)."""

    status_code = status.HTTP_409_CONFLICT
    default_detail = gettext_lazy("The request conflicts with the current state; reload and retry.")
    default_code = "conflict"


class ErrorDetailSerializer(serializers.Serializer):
    status = serializers.IntegerField(help_text=gettext_lazy("The HTTP status code."))
    code = serializers.CharField(
        help_text=gettext_lazy(
            "A stable machine-readable code, e.g. invalid, not_found, throttled."
        )
    )
    message = serializers.CharField(help_text=gettext_lazy("What went wrong, for a person."))
    fields = serializers.DictField(
        child=serializers.ListField(child=serializers.CharField()),
        help_text=gettext_lazy("Messages per field (nested fields dotted); empty if none."),
    )


class ErrorSerializer(serializers.Serializer):
    """The body of every error response."""

    error = ErrorDetailSerializer()


def _flatten(detail, prefix: str = "") -> dict[str, list[str]]:
    """DRF's nested error detail as {"field.sub.0": [messages]}."""
    if isinstance(detail, dict):
        flat: dict[str, list[str]] = {}
        for key, value in detail.items():
            name = f"{prefix}.{key}" if prefix else str(key)
            for field, messages in _flatten(value, name).items():
                flat.setdefault(field, []).extend(messages)
        return flat
    if isinstance(detail, list | tuple):
        flat = {}
        for index, item in enumerate(detail):
            if isinstance(item, dict | list | tuple):
                name = f"{prefix}.{index}" if prefix else str(index)
                for field, messages in _flatten(item, name).items():
                    flat.setdefault(field, []).extend(messages)
            else:
                flat.setdefault(prefix or NON_FIELD, []).append(str(item))
        return flat
    return {prefix or NON_FIELD: [str(detail)]}


def _from_django(error: DjangoValidationError) -> exceptions.ValidationError:
    if hasattr(error, "error_dict"):
        detail = {
            (NON_FIELD if field == "__all__" else field): messages
            for field, messages in error.message_dict.items()
        }
    else:
        detail = {NON_FIELD: error.messages}
    return exceptions.ValidationError(detail)


def _code(exc: exceptions.APIException) -> str:
    codes = exc.get_codes()
    if isinstance(codes, str):
        return codes
    return exc.default_code if not isinstance(exc, exceptions.ValidationError) else "invalid"


def error_body(*, status_code: int, code: str, message: str, fields=None) -> dict:
    return {
        "error": {"status": status_code, "code": code, "message": message, "fields": fields or {}}
    }


def _parse_error(exc: exceptions.ParseError) -> exceptions.ParseError:
    """DRF's "JSON parse error - Expecting value: ..." is English whatever the language."""
    cause = exc.__context__
    if isinstance(cause, json.JSONDecodeError):
        return exceptions.ParseError(
            _(
                "The request body is not valid JSON (line %(line)s, column %(column)s): check "
                "its quotes, commas and brackets."
            )
            % {"line": cause.lineno, "column": cause.colno}
        )
    if isinstance(cause, LookupError | UnicodeError):
        return exceptions.ParseError(
            _("The request's character set is not supported: send the body in UTF-8.")
        )
    return exceptions.ParseError(
        _(
            "The request body could not be read: send JSON with the header "
            "Content-Type: application/json."
        )
    )


def _throttled(exc: exceptions.Throttled) -> exceptions.Throttled:
    """DRF formats the wait before translating it, so its sentence is never found in a catalogue."""
    if exc.wait is None:
        return exceptions.Throttled(detail=_("Too many requests; please wait and try again."))
    wait = max(1, round(exc.wait))
    throttled = exceptions.Throttled(
        detail=ngettext(
            "Too many requests; try again in %(wait)d second.",
            "Too many requests; try again in %(wait)d seconds.",
            wait,
        )
        % {"wait": wait}
    )
    throttled.wait = exc.wait  # for the Retry-After header
    return throttled


def _in_language(exc: exceptions.APIException) -> exceptions.APIException:
    """The exception with its message in the request's language, where DRF's is not."""
    if isinstance(exc, exceptions.ParseError) and exc.__context__ is not None:
        return _parse_error(exc)
    if isinstance(exc, exceptions.Throttled):
        return _throttled(exc)
    if isinstance(exc, exceptions.PermissionDenied) and str(exc.detail).startswith("CSRF Failed"):
        return exceptions.PermissionDenied(
            _(
                "The CSRF check failed: with a session, send the CSRF token in the X-CSRFToken "
                "header; or authenticate with a token instead."
            )
        )
    return exc


def api_exception_handler(exc, context):
    """DRF's handler, with services' ValidationError as 400 and every body in the one shape."""
    if isinstance(exc, DjangoValidationError):
        exc = _from_django(exc)
    elif isinstance(exc, Http404):
        exc = exceptions.NotFound()
    elif isinstance(exc, DjangoPermissionDenied):
        exc = exceptions.PermissionDenied()
    elif isinstance(exc, exceptions.APIException):
        exc = _in_language(exc)
    response = exception_handler(exc, context)
    if response is None:
        return None
    flat = _flatten(exc.detail)
    general = flat.pop(NON_FIELD, [])
    if general:
        message = " ".join(general)
    elif flat:
        field, messages = next(iter(flat.items()))
        message = _("%(field)s: %(message)s") % {"field": field, "message": messages[0]}
        if len(flat) > 1:
            message += " " + _("(%(count)s more fields to correct)") % {"count": len(flat) - 1}
    else:
        message = str(exc.default_detail)
    response.data = error_body(
        status_code=response.status_code, code=_code(exc), message=message, fields=flat
    )
    return response


def api_not_found(request, *args, **kwargs):
    """An unknown address under /api/ answers in the API's shape rather than an HTML page."""
    return JsonResponse(
        error_body(
            status_code=404,
            code="not_found",
            message=_("There is no API endpoint at %(path)s; see /api/docs/.")
            % {"path": request.path},
        ),
        status=404,
    )


ERROR_DESCRIPTIONS = {
    "400": gettext_lazy("The request is invalid; `fields` says which fields and why."),
    "401": gettext_lazy("Authentication is required (a session or `Authorization: Token ...`)."),
    "403": gettext_lazy("You may not do this (wrong role, company or pavilion)."),
    "404": gettext_lazy("Not found, or not visible to you."),
    "409": gettext_lazy("Conflicts with the current state."),
    "429": gettext_lazy("Too many requests; retry after the `Retry-After` header's seconds."),
}


class ApiSchema(AutoSchema):
    """drf-spectacular's schema, adding the error responses each operation can give.

    Views list extra statuses (409, 429) per action in ``error_statuses``; the rest follows from
    the operation: 400 for bodies and query parameters, 401/403 unless anonymous callers are
    allowed, 404 for paths with an id and for lists (a page out of range).
    """

    def _error_statuses(self) -> set[str]:
        view, method = self.view, self.method.upper()
        codes = {"400"}
        anonymous = getattr(view, "anonymous_calls", False) or (
            getattr(view, "anonymous_read", False) and method in SAFE_METHODS
        )
        if not anonymous:
            codes |= {"401", "403"}
        if "{" in self.path or self._is_list_view():
            codes.add("404")
        action = getattr(view, "action", None) or method.lower()
        codes |= {str(code) for code in getattr(view, "error_statuses", {}).get(action, ())}
        return codes

    def _get_response_bodies(self, direction="response"):
        responses = super()._get_response_bodies(direction)
        for code in sorted(self._error_statuses()):
            if code not in responses:
                responses[code] = self._get_response_for_code(
                    OpenApiResponse(ErrorSerializer, description=str(ERROR_DESCRIPTIONS[code])),
                    code,
                    direction=direction,
                )
        return responses


#: DRF's messages that its own Japanese catalogue lacks or words stiffly. Listed here so that our
#: catalogue (which LOCALE_PATHS puts before DRF's) holds them; DRF translates them itself.
DRF_MESSAGES = (
    # fields
    gettext_noop("Ensure this field has at least {min_length} elements."),
    gettext_noop("Ensure this field has no more than {max_length} elements."),
    gettext_noop("Ensure this field has at least {min_length} characters."),
    gettext_noop("Ensure this field has no more than {max_length} characters."),
    gettext_noop("Ensure this value is greater than or equal to {min_value}."),
    gettext_noop("Ensure this value is less than or equal to {max_value}."),
    gettext_noop("Ensure that there are no more than {max_digits} digits in total."),
    gettext_noop("Ensure that there are no more than {max_decimal_places} decimal places."),
    gettext_noop(
        "Ensure that there are no more than {max_whole_digits} digits before the decimal point."
    ),
    gettext_noop("This field is required."),
    gettext_noop("This field may not be null."),
    gettext_noop("This field may not be blank."),
    gettext_noop("This list may not be empty."),
    gettext_noop("This dictionary may not be empty."),
    gettext_noop("This selection may not be empty."),
    gettext_noop("Not a valid string."),
    gettext_noop("String value too large."),
    gettext_noop("Must be a valid boolean."),
    gettext_noop("Must be a valid UUID."),
    gettext_noop("A valid integer is required."),
    gettext_noop("A valid number is required."),
    gettext_noop("A valid biginteger is required."),
    gettext_noop("Integer value too large to convert to float"),
    gettext_noop('"{input}" is not a valid choice.'),
    gettext_noop("Date has wrong format. Use one of these formats instead: {format}."),
    gettext_noop("Datetime has wrong format. Use one of these formats instead: {format}."),
    gettext_noop("Time has wrong format. Use one of these formats instead: {format}."),
    gettext_noop("Duration has wrong format. Use one of these formats instead: {format}."),
    gettext_noop("Datetime value out of range."),
    gettext_noop('Invalid datetime for the timezone "{timezone}".'),
    gettext_noop("Expected a date but got a datetime."),
    gettext_noop("Expected a datetime but got a date."),
    gettext_noop('Expected a list of items but got type "{input_type}".'),
    gettext_noop('Expected a dictionary of items but got type "{input_type}".'),
    gettext_noop("Invalid data. Expected a dictionary, but got {datatype}."),
    gettext_noop('Invalid pk "{pk_value}" - object does not exist.'),
    gettext_noop("Incorrect type. Expected pk value, received {data_type}."),
    gettext_noop("Object with {slug_name}={value} does not exist."),
    gettext_noop("Invalid value."),
    gettext_noop("Invalid input."),
    gettext_noop("Surrogate characters are not allowed: U+{code_point:X}."),
    gettext_noop("This value does not match the required pattern."),
    gettext_noop(
        'Enter a valid "slug" consisting of Unicode letters, numbers, underscores, or hyphens.'
    ),
    gettext_noop("The fields {field_names} must make a unique set."),
    gettext_noop("This field must be unique."),
    # requests, authentication, permissions
    gettext_noop("A server error occurred."),
    gettext_noop("Malformed request."),
    gettext_noop("Authentication credentials were not provided."),
    gettext_noop("Incorrect authentication credentials."),
    gettext_noop("Invalid token."),
    gettext_noop("Invalid token header. No credentials provided."),
    gettext_noop("Invalid token header. Token string should not contain spaces."),
    gettext_noop("Invalid token header. Token string should not contain invalid characters."),
    gettext_noop("User inactive or deleted."),
    gettext_noop("Unable to log in with provided credentials."),
    gettext_noop('Must include "username" and "password".'),
    gettext_noop("You do not have permission to perform this action."),
    gettext_noop("Not found."),
    gettext_noop('Method "{method}" not allowed.'),
    gettext_noop("Could not satisfy the request Accept header."),
    gettext_noop('Unsupported media type "{media_type}" in request.'),
    gettext_noop("Request was throttled."),
    gettext_noop("Invalid page."),
    # the schema and the browsable API
    gettext_noop("A page number within the paginated result set."),
    gettext_noop("Number of results to return per page."),
    gettext_noop("A search term."),
    gettext_noop("Which field to use when ordering the results."),
    gettext_noop("A {value_type} identifying this {name}."),
    gettext_noop("unique integer value"),
    gettext_noop("unique value"),
)
