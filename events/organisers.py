"""The pavilions a user may run.

Access is by pavilion. A superuser (platform administrator) runs every pavilion; a staff user in
the organiser group (``core.organisers``) runs the pavilions of the offices they belong to, and
nothing else.
"""

from django.db.models import QuerySet

from core.organisers import is_organiser


def pavilions_organised_by(user) -> QuerySet:
    """The pavilions this user may see and run in the admin."""
    from .models import Pavilion

    if user.is_active and user.is_superuser:
        return Pavilion.objects.all()
    if not is_organiser(user):
        return Pavilion.objects.none()
    return Pavilion.objects.filter(organiser__members=user).distinct()


def pavilion_ids_organised_by(user) -> frozenset[int]:
    """The ids of the pavilions an organiser runs (the actor carries them: ``companies.access``)."""
    return frozenset(pavilions_organised_by(user).values_list("pk", flat=True))
