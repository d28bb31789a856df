"""What every API view shares: who is asking, the error-documenting schema, pagination.

Who may see and do what comes from ``companies.access`` (and the events and matchmaking access
modules); views only ask these questions and turn a "no" into 403 with a reason.
"""

from django.utils.translation import gettext as _
from rest_framework import permissions
from rest_framework.authentication import SessionAuthentication, TokenAuthentication
from rest_framework.exceptions import PermissionDenied
from rest_framework.pagination import PageNumberPagination

from companies.access import Actor, actor_of
from core.api.errors import ApiSchema


def request_actor(request) -> Actor:
    """The actor behind a request, computed once per request (a few queries)."""
    actor = getattr(request, "_pavilion_actor", None)
    if actor is None:
        actor = actor_of(request.user)
        request._pavilion_actor = actor
    return actor


class ApiPagination(PageNumberPagination):
    page_size_query_param = "page_size"
    max_page_size = 200


class ReadAnonymously(permissions.BasePermission):
    """Anyone may read (the public catalogue); writing needs a login."""

    def has_permission(self, request, view) -> bool:
        return request.method in permissions.SAFE_METHODS or bool(
            request.user and request.user.is_authenticated
        )


class ApiView:
    """Mixin for every API view: the schema class, pagination and ``self.actor``."""

    schema = ApiSchema()
    # Token first, so an anonymous call gets 401 with a WWW-Authenticate header rather than 403.
    authentication_classes = [TokenAuthentication, SessionAuthentication]
    pagination_class = ApiPagination
    #: action -> extra error statuses the schema documents (409, 429)
    error_statuses: dict[str, tuple[int, ...]] = {}
    #: True when anonymous callers may use the safe methods
    anonymous_read = False
    #: True when anyone may call every method (getting a token)
    anonymous_calls = False

    @property
    def actor(self) -> Actor:
        return request_actor(self.request)


def require(condition: bool, message: str) -> None:
    """Refuse with 403 and a reason the caller can act on."""
    if not condition:
        raise PermissionDenied(message)


def require_sme_staff(actor: Actor) -> None:
    require(
        actor.is_exhibitor,
        _("Only staff of an exhibiting SME can do this; register your SME first."),
    )


def require_buyer_staff(actor: Actor) -> None:
    require(
        actor.is_buyer,
        _("Only staff of a buying company can do this; register your company first."),
    )


def require_organiser(actor: Actor, message: str) -> None:
    """Refuse anyone who organises no pavilion (organisers of another pavilion pass here and
    then find only their own pavilions' objects)."""
    require(actor.platform_admin or actor.organiser, message)
