"""The organiser group: who is an organiser, and what the group may do in the admin.

Organisers are staff users in one group; which pavilions they run is events' to say
(``events.organisers.pavilions_organised_by``). Each app declares the organiser permissions on
its own models as ``organiser_permissions`` on its AppConfig (model -> actions); the group gets
exactly those, always within the organiser's own pavilions (the admin's scoping sees to that).
"""

from django.apps import apps
from django.contrib.auth.models import Group, Permission
from django.db.models import Q

ORGANISER_GROUP = "Organisers"


def organiser_permissions() -> dict[str, dict[str, tuple[str, ...]]]:
    """app label -> model -> the actions an organiser may take, as the apps declare them."""
    return {
        config.label: dict(config.organiser_permissions)
        for config in apps.get_app_configs()
        if getattr(config, "organiser_permissions", None)
    }


def ensure_organiser_group(**kwargs) -> Group:
    """Create the organiser group or bring its permissions up to date (runs after migrate)."""
    group, _created = Group.objects.get_or_create(name=ORGANISER_GROUP)
    wanted = Q(pk__in=[])
    for label, models in organiser_permissions().items():
        codenames = [f"{action}_{model}" for model, actions in models.items() for action in actions]
        wanted |= Q(content_type__app_label=label, codename__in=codenames)
    group.permissions.set(Permission.objects.filter(wanted))
    return group


def is_organiser(user) -> bool:
    return bool(
        user.is_active and user.is_staff and user.groups.filter(name=ORGANISER_GROUP).exists()
    )
