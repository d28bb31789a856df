"""Who organises what: the organiser group, its permissions, and the pavilions a user may run.

Access is by pavilion. A superuser (platform administrator) runs every pavilion; a staff user in
the organiser group runs the pavilions of the offices they belong to, and nothing else.
"""

from django.contrib.auth.models import Group, Permission
from django.db.models import QuerySet

ORGANISER_GROUP = "Organisers"

# app label -> model -> actions an organiser may take (always within their own pavilions).
ORGANISER_PERMISSIONS: dict[str, dict[str, tuple[str, ...]]] = {
    "events": {
        "organisingoffice": ("view",),
        "tradefair": ("view",),
        "pavilion": ("view", "change"),
        "timetablebreak": ("view", "add", "change", "delete"),
        "exhibitorregistration": ("view", "add", "change"),
        "buyerregistration": ("view", "add", "change"),
        "buyerattendanceday": ("view", "add", "change", "delete"),
        "meetingslot": ("view", "add", "change", "delete"),
        "interpreter": ("view", "add", "change", "delete"),
    },
    "matchmaking": {
        "matchingsettings": ("view", "change"),
        "pairwish": ("view", "add", "delete"),
        "matchingrun": ("view",),
        "proposal": ("view", "change"),
    },
    "meetings": {
        "meeting": ("view", "change"),
        "meetingevent": ("view",),
        "participantunavailability": ("view", "add", "change", "delete"),
        "schedulingrun": ("view",),
    },
    "companies": {
        "sme": ("view", "add", "change"),
        "foreignbuyer": ("view", "add", "change"),
        "membership": ("view",),
        "sector": ("view",),
        "market": ("view",),
        "language": ("view",),
        "certification": ("view",),
    },
}


def ensure_organiser_group(**kwargs) -> Group:
    """Create the organiser group or bring its permissions up to date (runs after migrate)."""
    group, _created = Group.objects.get_or_create(name=ORGANISER_GROUP)
    wanted = []
    for models in ORGANISER_PERMISSIONS.values():
        for model, actions in models.items():
            wanted += [f"{action}_{model}" for action in actions]
    permissions = Permission.objects.filter(
        content_type__app_label__in=ORGANISER_PERMISSIONS, codename__in=wanted
    )
    group.permissions.set(permissions)
    return group


def is_organiser(user) -> bool:
    return bool(
        user.is_active and user.is_staff and user.groups.filter(name=ORGANISER_GROUP).exists()
    )


def pavilions_organised_by(user) -> QuerySet:
    """The pavilions this user may see and run in the admin."""
    from .models import Pavilion

    if user.is_active and user.is_superuser:
        return Pavilion.objects.all()
    if not is_organiser(user):
        return Pavilion.objects.none()
    return Pavilion.objects.filter(organiser__members=user).distinct()
