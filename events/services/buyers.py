"""Writes on buyers' registrations: registering for a pavilion, its days, needs and
certifications, and an organiser's corrections in the admin.

Each raises ``django.core.exceptions.ValidationError`` with a message a person can act on.
"""

from datetime import date, datetime

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from companies.models import ForeignBuyer
from core import audit
from core.audit import record_changes
from core.locks import waiting_at_most

from ..models import BuyerAttendanceDay, BuyerRegistration, BuyerRegistrationStatus, Pavilion
from ..selectors import attendance_days_check
from .changes import delete_recorded


def _busy() -> str:
    return _("Someone else is changing this buyer's registration right now; try again in a moment.")


def _attendance_codes(registration: BuyerRegistration) -> dict:
    """A buyer's registration as the audit log keeps it: status, days, certifications and the
    length of its sourcing needs."""
    codes = audit.values(
        registration, ["status"], texts=["sourcing_needs"], many=["required_certifications"]
    )
    days = registration.days.values_list("day", flat=True)
    codes["days"] = sorted(day.isoformat() for day in days)
    return codes


def _record_attendance(registration: BuyerRegistration, before: dict) -> None:
    after = _attendance_codes(registration)
    registered = before.get("status") != after["status"]
    record_changes(
        action="buyer_registration.registered" if registered else "buyer_registration.updated",
        obj=registration,
        pavilion_id=registration.pavilion_id,
        before=before,
        after=after,
    )


def _set_days(registration: BuyerRegistration, days: list[date]) -> None:
    registration.days.exclude(day__in=days).delete()
    existing = set(registration.days.values_list("day", flat=True))
    BuyerAttendanceDay.objects.bulk_create(
        BuyerAttendanceDay(registration=registration, day=d) for d in sorted(set(days) - existing)
    )


@transaction.atomic
def buyer_registration_register(
    *,
    pavilion: Pavilion,
    buyer: ForeignBuyer,
    days: list[date],
    sourcing_needs: str | None = None,
    required_certifications=None,
    at: datetime | None = None,
) -> BuyerRegistration:
    """A buyer registers to meet a pavilion's exhibitors on the given days of the fair, saying
    what it sources there.

    Side effects: creates or reactivates the registration, replaces its attendance days and sets
    its sourcing needs and required certifications to those given. Not given, a new registration
    takes the company's own text and certifications, and an existing one keeps its own. The
    company's profile is never changed: each fair keeps the needs it was given.
    """
    attendance_days_check(fair=pavilion.fair, days=days)
    with waiting_at_most(_busy()):
        registration, created = BuyerRegistration.objects.select_for_update().get_or_create(
            pavilion=pavilion,
            buyer=buyer,
            defaults={
                "registered_at": at or timezone.now(),
                "sourcing_needs": buyer.sourcing_needs,
            },
        )
    before = {} if created else _attendance_codes(registration)
    if created and required_certifications is None:
        required_certifications = list(buyer.required_certifications.all())
    _set_days(registration, days)
    if sourcing_needs is not None:
        registration.sourcing_needs = sourcing_needs.strip()
    if required_certifications is not None:
        registration.required_certifications.set(required_certifications)
    # Saved every time, so a change of days or needs counts as a change for matchmaking.
    registration.status = BuyerRegistrationStatus.REGISTERED
    registration.save(update_fields=["status", "sourcing_needs", "updated_at"])
    _record_attendance(registration, before)
    return registration


@transaction.atomic
def buyer_registration_update(
    *,
    registration: BuyerRegistration,
    days: list[date] | None = None,
    sourcing_needs: str | None = None,
    required_certifications=None,
) -> BuyerRegistration:
    """Change a registration's days, sourcing needs or required certifications (those given).

    Side effects: replaces the parts given; the status stays as it is (registering again is what
    reactivates a cancelled registration) and the company's profile is never changed.
    """
    with waiting_at_most(_busy()):
        registration = (
            BuyerRegistration.objects.select_for_update()
            .select_related("pavilion__fair")
            .get(pk=registration.pk)
        )
    before = _attendance_codes(registration)
    if days is not None:
        attendance_days_check(fair=registration.pavilion.fair, days=days)
        _set_days(registration, days)
    if sourcing_needs is not None:
        registration.sourcing_needs = sourcing_needs.strip()
    if required_certifications is not None:
        registration.required_certifications.set(required_certifications)
    # Saved every time, so the change counts as a change for matchmaking.
    registration.save(update_fields=["sourcing_needs", "updated_at"])
    _record_attendance(registration, before)
    return registration


def _admin_codes(registration: BuyerRegistration) -> dict:
    return {**audit.values(registration, ["pavilion", "buyer"]), **_attendance_codes(registration)}


@transaction.atomic
def buyer_registration_save(
    *,
    registration: BuyerRegistration,
    required_certifications,
    days: list[date],
    by=None,
) -> BuyerRegistration:
    """Save a registration as an organiser set it in the admin: its fields as given on
    ``registration`` (new or changed), its required certifications and its days.

    Side effects: saves the row, replaces its certifications and days (a day outside the fair is
    the form's to refuse); records ``buyer_registration.added`` or ``.changed``.
    """
    before = {}
    if registration.pk is not None:
        with waiting_at_most(_busy()):
            stored = BuyerRegistration.objects.select_for_update().get(pk=registration.pk)
        before = _admin_codes(stored)
    registration.save()
    registration.required_certifications.set(required_certifications)
    _set_days(registration, days)
    record_changes(
        action="buyer_registration.changed" if before else "buyer_registration.added",
        obj=registration,
        pavilion_id=registration.pavilion_id,
        before=before,
        after=_admin_codes(registration),
        by=by,
    )
    return registration


@transaction.atomic
def buyer_registration_delete(*, registration: BuyerRegistration, by=None) -> None:
    """Remove a registration with its days (a platform administrator's correction); the audit
    log keeps what it was."""
    delete_recorded(registration, subject="buyer_registration", codes=_admin_codes, by=by)
