"""Writes on exhibitors' applications: applying, the organiser's decision, booths.

Each raises ``django.core.exceptions.ValidationError`` with a message a person can act on.
"""

from datetime import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from companies.eligibility import eligibility_figures, sme_eligibility_of
from companies.models import SME
from core import audit
from core.audit import record_changes
from core.locks import waiting_at_most
from core.services import unique_or_refused

from .. import notifications
from ..models import ExhibitorRegistration, Pavilion, RegistrationStatus
from ..selectors import (
    exhibitor_registration_check_apply,
    exhibitor_registration_check_booth,
    sme_is_first_time_exhibitor,
)
from .changes import pavilion_locked


def _applying_busy() -> str:
    return _(
        "Another application to this pavilion is being saved right now; try again in a moment."
    )


def _deciding_busy() -> str:
    return _(
        "Another organiser is deciding applications for this pavilion right now; try again in "
        "a moment."
    )


@transaction.atomic
def exhibitor_registration_apply(
    *, pavilion: Pavilion, sme: SME, message: str = "", at: datetime | None = None
) -> ExhibitorRegistration:
    """An SME applies to exhibit in a pavilion.

    Side effects: creates the registration (or reopens the SME's withdrawn one) with the SME Basic
    Act verdict and first-timer status computed from the profile as it is now.
    """
    at = at or timezone.now()
    pavilion = pavilion_locked(pavilion, busy=_applying_busy())
    exhibitor_registration_check_apply(pavilion=pavilion, sme=sme, at=at)
    fields = {
        "is_sme_eligible": True,
        # Every figure the verdict rests on, so the reason shown later is the one that held.
        **{f"eligibility_{name}": value for name, value in eligibility_figures(sme).items()},
        "first_time_exhibitor": sme_is_first_time_exhibitor(sme=sme, pavilion=pavilion),
        "message": message,
        "applied_at": at,
    }
    with waiting_at_most(_applying_busy()):
        existing = (
            ExhibitorRegistration.objects.select_for_update()
            .filter(pavilion=pavilion, sme=sme)
            .first()
        )
    if existing is not None:
        before = _application_codes(existing)
        for name, value in fields.items():
            setattr(existing, name, value)
        existing.status = RegistrationStatus.APPLIED
        existing.decided_at = existing.decided_by = None
        existing.save()
        _record_application(existing, before)
        return existing
    with unique_or_refused(
        lambda: (
            _("%(sme)s has already applied to %(pavilion)s.") % {"sme": sme, "pavilion": pavilion}
        )
    ):
        registration = ExhibitorRegistration.objects.create(pavilion=pavilion, sme=sme, **fields)
    _record_application(registration, {})
    return registration


def _application_codes(registration: ExhibitorRegistration) -> dict:
    return audit.values(
        registration,
        ["status", "is_sme_eligible", "first_time_exhibitor", "booth"],
        texts=["message"],
    )


def _record_application(registration: ExhibitorRegistration, before: dict) -> None:
    audit.record(
        action="registration.applied",
        obj=registration,
        pavilion_id=registration.pavilion_id,
        changes=audit.changed(before, _application_codes(registration)),
    )


_DECISIONS = {
    RegistrationStatus.ACCEPTED: {
        RegistrationStatus.APPLIED,
        RegistrationStatus.WAITLISTED,
        RegistrationStatus.REJECTED,
    },
    RegistrationStatus.WAITLISTED: {
        RegistrationStatus.APPLIED,
        RegistrationStatus.ACCEPTED,
        RegistrationStatus.REJECTED,
    },
    RegistrationStatus.REJECTED: {
        RegistrationStatus.APPLIED,
        RegistrationStatus.WAITLISTED,
        RegistrationStatus.ACCEPTED,
    },
    RegistrationStatus.WITHDRAWN: {
        RegistrationStatus.APPLIED,
        RegistrationStatus.WAITLISTED,
        RegistrationStatus.ACCEPTED,
    },
}


def _registration_locked(
    registration: ExhibitorRegistration, *, busy: str
) -> ExhibitorRegistration:
    with waiting_at_most(busy):
        return (
            ExhibitorRegistration.objects.select_for_update()
            .select_related("sme")
            .get(pk=registration.pk)
        )


@transaction.atomic
def exhibitor_registration_decide(
    *,
    registration: ExhibitorRegistration,
    status: str,
    by=None,
    booth: str | None = None,
    at: datetime | None = None,
) -> ExhibitorRegistration:
    """Accept, waitlist or reject an application, or withdraw it for the SME.

    Side effects: sets the status, who decided and when; an accepted exhibitor may get a booth in
    the same step; leaving the accepted state frees the booth; the SME's team is emailed an
    acceptance, waitlisting or rejection once the transaction commits.
    """
    status = RegistrationStatus(status)
    pavilion = pavilion_locked(registration.pavilion, busy=_deciding_busy())
    registration = _registration_locked(registration, busy=_deciding_busy())
    if status == registration.status and booth is None:
        return registration
    before = audit.values(registration, ["status", "booth"])
    if status != registration.status and registration.status not in _DECISIONS[status]:
        raise ValidationError(
            _("An application that is %(current)s cannot become %(new)s.")
            % {"current": registration.get_status_display().lower(), "new": status.label.lower()}
        )

    if status == RegistrationStatus.ACCEPTED and registration.status != status:
        sme = registration.sme
        eligibility = sme_eligibility_of(sme)
        if not eligibility.eligible:
            raise ValidationError(
                _("%(sme)s cannot be accepted. %(reason)s")
                % {"sme": sme, "reason": eligibility.reason}
            )
        accepted = pavilion.exhibitor_registrations.filter(
            status=RegistrationStatus.ACCEPTED
        ).count()
        if accepted >= pavilion.booth_capacity:
            raise ValidationError(
                _(
                    "%(pavilion)s is full: all %(capacity)s booths are taken. Waitlist the "
                    "application or raise the booth capacity."
                )
                % {"pavilion": pavilion, "capacity": pavilion.booth_capacity}
            )

    if status != RegistrationStatus.ACCEPTED:
        if booth:
            raise ValidationError({"booth": _("Only an accepted exhibitor can have a booth.")})
        registration.booth = ""
    decided = status != registration.status
    registration.status = status
    registration.decided_at = at or timezone.now()
    registration.decided_by = by
    if booth is not None:
        exhibitor_registration_check_booth(registration=registration, booth=booth)
        registration.booth = booth.strip()
    registration.save()
    record_changes(
        action="registration.decided",
        obj=registration,
        pavilion_id=registration.pavilion_id,
        before=before,
        after=audit.values(registration, ["status", "booth"]),
        by=by,
    )
    if decided:
        notifications.application_decision_notify(registration=registration)
    return registration


@transaction.atomic
def exhibitor_registration_assign_booth(
    *, registration: ExhibitorRegistration, booth: str, by=None
) -> ExhibitorRegistration:
    """Give an accepted exhibitor a booth (an empty string takes it away)."""
    busy = _(
        "Another organiser is giving out this pavilion's booths right now; try again in a moment."
    )
    pavilion_locked(registration.pavilion, busy=busy)
    registration = _registration_locked(registration, busy=busy)
    if booth.strip() and registration.status != RegistrationStatus.ACCEPTED:
        raise ValidationError({"booth": _("Only an accepted exhibitor can have a booth.")})
    exhibitor_registration_check_booth(registration=registration, booth=booth)
    before = audit.values(registration, ["booth"])
    registration.booth = booth.strip()
    registration.save(update_fields=["booth", "updated_at"])
    record_changes(
        action="registration.booth_assigned",
        obj=registration,
        pavilion_id=registration.pavilion_id,
        before=before,
        after=audit.values(registration, ["booth"]),
        by=by,
    )
    return registration


@transaction.atomic
def exhibitor_registration_delete(*, registration: ExhibitorRegistration, by=None) -> None:
    """Remove an application (a platform administrator's correction; organisers decide instead).

    Side effects: the audit log keeps what the application was."""
    registration = _registration_locked(registration, busy=_deciding_busy())
    audit.record(
        action="registration.deleted",
        obj=registration,
        pavilion_id=registration.pavilion_id,
        changes=audit.removed(_application_codes(registration)),
        by=by,
    )
    registration.delete()
