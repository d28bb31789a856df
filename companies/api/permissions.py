"""Who is asking an API view, and the refusals that depend on it.

Who may see and do what comes from ``companies.access`` (and the events and matchmaking access
modules); views only ask these questions and turn a "no" into 403 with a reason (``require``).
"""

from django.utils.translation import gettext as _
from rest_framework import permissions

from companies.access import Actor, actor_of
from core.api.views import ApiView, require


def request_actor(request) -> Actor:
    """The actor behind a request, computed once per request (a few queries)."""
    actor = getattr(request, "_pavilion_actor", None)
    if actor is None:
        actor = actor_of(request.user)
        request._pavilion_actor = actor
    return actor


class ReadAnonymously(permissions.BasePermission):
    """Anyone may read (the public catalogue); writing needs a login."""

    def has_permission(self, request, view) -> bool:
        return request.method in permissions.SAFE_METHODS or bool(
            request.user and request.user.is_authenticated
        )


class ActorView(ApiView):
    """Mixin for every API view: the schema class, pagination and ``self.actor``."""

    @property
    def actor(self) -> Actor:
        return request_actor(self.request)


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
