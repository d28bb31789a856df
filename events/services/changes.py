"""What every write of pavilion data shares: the pavilion's row locked for a bounded wait, and
a row an organiser sets up saved or deleted with its audit entry (``core.services``) under the
events' own codes: ``<subject>.added``, ``.changed`` and ``.deleted``, under the row's pavilion.
"""

from django.db import models

from core.locks import waiting_at_most
from core.services import Codes, row_delete, row_save

from ..models import Pavilion


def pavilion_locked(pavilion: Pavilion, *, busy: str) -> Pavilion:
    """The pavilion's row (with its fair), locked until the transaction ends so that capacity
    checks cannot race; refused with ``busy`` when someone else holds it past the lock timeout.
    Call it inside the write's transaction."""
    with waiting_at_most(busy):
        return Pavilion.objects.select_for_update().select_related("fair").get(pk=pavilion.pk)


def save_recorded(
    obj: models.Model,
    *,
    subject: str,
    codes: Codes,
    pavilion: str | None = "pavilion_id",
    many: dict | None = None,
    by=None,
) -> models.Model:
    """Save ``obj`` as given, new or changed, and set its many-to-many sets ``many``.

    Side effects: records ``<subject>.added`` or ``<subject>.changed`` with the ``codes`` that
    changed, under the pavilion id in ``obj``'s attribute ``pavilion`` (None: no pavilion's)."""
    return row_save(
        obj=obj, subject=subject, codes=codes, many=many, pavilion=pavilion, new="added", by=by
    )


def delete_recorded(
    obj: models.Model,
    *,
    subject: str,
    codes: Codes,
    pavilion: str | None = "pavilion_id",
    by=None,
) -> None:
    """Delete ``obj``, recording ``<subject>.deleted`` with what it was."""
    row_delete(obj=obj, subject=subject, codes=codes, pavilion=pavilion, by=by)
