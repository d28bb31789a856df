"""Writes of plain rows with their audit entries: a row saved or deleted as a validated form
left it, recorded as ``<subject>.created`` (or the app's own verb for a new row, such as
``added``), ``<subject>.changed`` or ``<subject>.deleted``, codes the row's app declares in its
``audit_actions``. And what every write that inserts may meet: a unique constraint broken by
another request between the check and the write, refused in words (``unique_or_refused``).

Reference data and other rows without rules of their own use these (``core.admin_writes``), as
do the rows an organiser sets up (an app's services, with its own ``codes``); a domain object
with rules of its own (a registration, a meeting) records its changes itself.
"""

from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from functools import partial

from django.core.exceptions import ValidationError
from django.db import IntegrityError, models, transaction

from . import audit

#: What the audit log keeps of a row: its codes (``core.audit.values``).
Codes = Callable[[models.Model], dict]


def _pavilion_id(obj: models.Model, pavilion: str | None) -> int | None:
    return getattr(obj, pavilion) if pavilion else None


@transaction.atomic
def row_save(
    *,
    obj: models.Model,
    subject: str,
    codes: Codes | None = None,
    many: Mapping[str, Iterable] | None = None,
    skipped: Iterable[str] = (),
    pavilion: str | None = None,
    new: str = "created",
    stored: models.Model | None = None,
    by=None,
) -> models.Model:
    """Save ``obj`` as it stands and set its many-to-many sets ``many`` (name -> rows).

    ``codes`` is what the log keeps of the row; by default every field but the ``skipped``
    ones (a password's hash), with the sets ``many`` (``core.audit.row_values``). ``pavilion``
    names ``obj``'s attribute holding its pavilion's id (``"pk"`` for a pavilion), read once
    it is saved; None for a row of no pavilion. ``stored`` is the row as it stands in the
    database when the caller has read it already (locked, for its checks); read here otherwise.

    Side effects: records ``<subject>.<new>`` with every code of a new row, or
    ``<subject>.changed`` with the codes that changed (nothing when none did).
    """
    many = dict(many or {})
    codes = codes or partial(audit.row_values, many=many, skipped=skipped)
    if stored is None and not obj._state.adding:
        stored = type(obj)._default_manager.filter(pk=obj.pk).first()
    before = codes(stored) if stored is not None else None
    obj.save()
    for name, rows in many.items():
        getattr(obj, name).set(rows)
    audit.record_changes(
        action=f"{subject}.{new}" if before is None else f"{subject}.changed",
        obj=obj,
        before=before or {},
        after=codes(obj),
        pavilion_id=_pavilion_id(obj, pavilion),
        by=by,
    )
    return obj


@transaction.atomic
def row_delete(
    *,
    obj: models.Model,
    subject: str,
    codes: Codes | None = None,
    skipped: Iterable[str] = (),
    pavilion: str | None = None,
    by=None,
) -> None:
    """Delete ``obj`` (and what the database cascades to).

    Side effects: records ``<subject>.deleted`` with the ``codes`` it had (by default every
    field but the ``skipped`` ones, with its many-to-many sets), before it goes.
    """
    if codes is None:
        many = [field.name for field in obj._meta.many_to_many]
        codes = partial(audit.row_values, many=many, skipped=skipped)
    audit.record(
        action=f"{subject}.deleted",
        obj=obj,
        pavilion_id=_pavilion_id(obj, pavilion),
        changes=audit.removed(codes(obj)),
        by=by,
    )
    obj.delete()


@contextmanager
def unique_or_refused(refusal: Callable[[], str | dict]) -> Iterator[None]:
    """Run the block's writes in a savepoint of their own; when one breaks a unique constraint
    (another request wrote the same row between the caller's check and its write), roll them
    back and raise ``ValidationError(refusal())``: a message, or messages keyed by field.

    ``refusal`` is called only then, so a message that reads the database costs nothing else.
    """
    try:
        with transaction.atomic():
            yield
    except IntegrityError:
        raise ValidationError(refusal()) from None
