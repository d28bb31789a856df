"""What every API view stands on: the error-documenting schema, authentication, pagination, ids
in paths, refusals with a reason, the usual shapes of a resource and how they are documented.

Who is asking is not core's to know: ``companies.api.permissions.ActorView`` adds ``self.actor``
to these views.
"""

from collections.abc import Callable

from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import mixins, viewsets
from rest_framework.authentication import SessionAuthentication, TokenAuthentication
from rest_framework.decorators import action
from rest_framework.exceptions import PermissionDenied
from rest_framework.pagination import PageNumberPagination

from .errors import ApiSchema

#: Ids in paths are whole numbers; anything else is a 404 before it reaches the database.
ID_PATTERN = r"[0-9]{1,18}"


class ApiPagination(PageNumberPagination):
    page_size_query_param = "page_size"
    max_page_size = 200


class ApiView:
    """Mixin for every API view: the schema class, authentication, pagination, numeric ids."""

    schema = ApiSchema()
    # Token first, so an anonymous call gets 401 with a WWW-Authenticate header rather than 403.
    authentication_classes = [TokenAuthentication, SessionAuthentication]
    pagination_class = ApiPagination
    lookup_value_regex = ID_PATTERN
    #: action -> extra error statuses the schema documents (409, 429)
    error_statuses: dict[str, tuple[int, ...]] = {}
    #: True when anonymous callers may use the safe methods
    anonymous_read = False
    #: True when anyone may call every method (getting a token)
    anonymous_calls = False


def require(condition: bool, message: str) -> None:
    """Refuse with 403 and a reason the caller can act on."""
    if not condition:
        raise PermissionDenied(message)


def resource_schema(tag: str, *, list_summary: str, detail_summary: str, **actions) -> Callable:
    """Document a viewset: its tag, the summaries of its list and detail, and the other actions'
    ``extend_schema(...)`` by name."""

    def document(viewset: type) -> type:
        return extend_schema_view(
            list=extend_schema(summary=list_summary),
            retrieve=extend_schema(summary=detail_summary),
            **actions,
        )(extend_schema(tags=[tag])(viewset))

    return document


def post_action(request, response, *, status: int = 200, **schema) -> Callable:
    """A POST action on one record (``.../{id}/<name>/``), documented with what it takes and the
    body it answers with."""

    def declare(method: Callable) -> Callable:
        routed = action(detail=True, methods=["post"])(method)
        return extend_schema(request=request, responses={status: response}, **schema)(routed)

    return declare


class ReadCreateViewSet(
    ApiView,
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.CreateModelMixin,
    viewsets.GenericViewSet,
):
    """List, read and create records; what happens to them next are actions of their own."""


class EditableViewSet(ReadCreateViewSet, mixins.UpdateModelMixin):
    """List, read, create and change (PATCH only) records."""

    http_method_names = ["get", "post", "patch", "head", "options"]


class RecordViewSet(EditableViewSet, mixins.DestroyModelMixin):
    """List, read, create, change (PATCH only) and delete records addressed by a numeric id."""

    http_method_names = ["get", "post", "patch", "delete", "head", "options"]
