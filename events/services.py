"""Writes on pavilions: applications and decisions, buyer registrations, meeting slots.

Every function here is what the admin, the pages, the API and the tasks call; each raises
``django.core.exceptions.ValidationError`` with a message a person can act on.
"""

from datetime import UTC, date, datetime, timedelta

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from companies.eligibility import eligibility_figures, sme_eligibility_of
from companies.models import SME, ForeignBuyer
from core import audit

from . import fair_time, hooks, notifications
from .models import (
    BuyerAttendanceDay,
    BuyerRegistration,
    BuyerRegistrationStatus,
    ExhibitorRegistration,
    Interpreter,
    MeetingSlot,
    Pavilion,
    RegistrationStatus,
)


def _locked(pavilion: Pavilion) -> Pavilion:
    """The pavilion row, locked until the transaction ends, so capacity checks cannot race."""
    return Pavilion.objects.select_for_update().select_related("fair").get(pk=pavilion.pk)


def sme_is_first_time_exhibitor(*, sme: SME, pavilion: Pavilion) -> bool:
    """No accepted place at an earlier pavilion and no direct exports."""
    if sme.exports_directly:
        return False
    earlier = ExhibitorRegistration.objects.filter(
        sme=sme,
        status=RegistrationStatus.ACCEPTED,
        pavilion__fair__starts_on__lt=pavilion.fair.starts_on,
    )
    return not earlier.exists()


def exhibitor_registration_check_apply(
    *, pavilion: Pavilion, sme: SME, at: datetime | None = None
) -> None:
    """Raise the error an application would meet now: window, eligibility, applying twice.

    Forms call it to show the error before saving; the apply service calls it again under a lock.
    """
    at = at or timezone.now()
    if at < pavilion.application_opens_at:
        raise ValidationError(
            _("Applications to %(pavilion)s open on %(date)s.")
            % {
                "pavilion": pavilion,
                "date": pavilion.fair.local_text(pavilion.application_opens_at),
            }
        )
    if at >= pavilion.application_closes_at:
        raise ValidationError(
            _("Applications to %(pavilion)s closed on %(date)s.")
            % {
                "pavilion": pavilion,
                "date": pavilion.fair.local_text(pavilion.application_closes_at),
            }
        )
    eligibility = sme_eligibility_of(sme)
    if not eligibility.eligible:
        raise ValidationError(eligibility.reason)
    existing = ExhibitorRegistration.objects.filter(pavilion=pavilion, sme=sme).first()
    if existing is not None and existing.status != RegistrationStatus.WITHDRAWN:
        raise ValidationError(
            _("%(sme)s has already applied to %(pavilion)s (status: %(status)s).")
            % {"sme": sme, "pavilion": pavilion, "status": existing.get_status_display()}
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
    pavilion = _locked(pavilion)
    exhibitor_registration_check_apply(pavilion=pavilion, sme=sme, at=at)
    fields = {
        "is_sme_eligible": True,
        # Every figure the verdict rests on, so the reason shown later is the one that held.
        **{f"eligibility_{name}": value for name, value in eligibility_figures(sme).items()},
        "first_time_exhibitor": sme_is_first_time_exhibitor(sme=sme, pavilion=pavilion),
        "message": message,
        "applied_at": at,
    }
    existing = (
        ExhibitorRegistration.objects.select_for_update().filter(pavilion=pavilion, sme=sme).first()
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
    try:
        with transaction.atomic():
            registration = ExhibitorRegistration.objects.create(
                pavilion=pavilion, sme=sme, **fields
            )
    except IntegrityError:
        # Another request created it between our check and our insert.
        raise ValidationError(
            _("%(sme)s has already applied to %(pavilion)s.") % {"sme": sme, "pavilion": pavilion}
        ) from None
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
    pavilion = _locked(registration.pavilion)
    registration = (
        ExhibitorRegistration.objects.select_for_update()
        .select_related("sme")
        .get(pk=registration.pk)
    )
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
    changes = audit.changed(before, audit.values(registration, ["status", "booth"]))
    if changes:
        audit.record(
            action="registration.decided",
            obj=registration,
            pavilion_id=registration.pavilion_id,
            changes=changes,
            by=by,
        )
    if decided:
        notifications.application_decision_notify(registration=registration)
    return registration


def exhibitor_registration_check_booth(*, registration: ExhibitorRegistration, booth: str) -> None:
    """Raise if the booth is held by another exhibitor of the same pavilion."""
    booth = booth.strip()
    if not booth:
        return
    holder = (
        ExhibitorRegistration.objects.filter(pavilion_id=registration.pavilion_id, booth=booth)
        .exclude(pk=registration.pk)
        .select_related("sme")
        .first()
    )
    if holder is not None:
        raise ValidationError(
            {
                "booth": _("Booth %(booth)s is already given to %(sme)s.")
                % {"booth": booth, "sme": holder.sme}
            }
        )


@transaction.atomic
def exhibitor_registration_assign_booth(
    *, registration: ExhibitorRegistration, booth: str, by=None
) -> ExhibitorRegistration:
    """Give an accepted exhibitor a booth (an empty string takes it away)."""
    _locked(registration.pavilion)
    registration = ExhibitorRegistration.objects.select_for_update().get(pk=registration.pk)
    if booth.strip() and registration.status != RegistrationStatus.ACCEPTED:
        raise ValidationError({"booth": _("Only an accepted exhibitor can have a booth.")})
    exhibitor_registration_check_booth(registration=registration, booth=booth)
    before = audit.values(registration, ["booth"])
    registration.booth = booth.strip()
    registration.save(update_fields=["booth", "updated_at"])
    changes = audit.changed(before, audit.values(registration, ["booth"]))
    if changes:
        audit.record(
            action="registration.booth_assigned",
            obj=registration,
            pavilion_id=registration.pavilion_id,
            changes=changes,
            by=by,
        )
    return registration


def _check_days(fair, days: list[date]) -> None:
    if not days:
        raise ValidationError({"days": _("Choose at least one day of the fair.")})
    outside = sorted(d for d in set(days) if not fair.starts_on <= d <= fair.ends_on)
    if outside:
        raise ValidationError(
            {
                "days": _("%(days)s: not a day of %(fair)s, which runs from %(first)s to %(last)s.")
                % {
                    "days": ", ".join(fair_time.date_text(d) for d in outside),
                    "fair": fair,
                    "first": fair_time.date_text(fair.starts_on),
                    "last": fair_time.date_text(fair.ends_on),
                }
            }
        )


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
    changes = audit.changed(before, _attendance_codes(registration))
    if changes:
        audit.record(
            action=(
                "buyer_registration.registered"
                if "status" in changes
                else "buyer_registration.updated"
            ),
            obj=registration,
            pavilion_id=registration.pavilion_id,
            changes=changes,
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
    _check_days(pavilion.fair, days)
    registration, created = BuyerRegistration.objects.select_for_update().get_or_create(
        pavilion=pavilion,
        buyer=buyer,
        defaults={"registered_at": at or timezone.now(), "sourcing_needs": buyer.sourcing_needs},
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
    registration = (
        BuyerRegistration.objects.select_for_update()
        .select_related("pavilion__fair")
        .get(pk=registration.pk)
    )
    before = _attendance_codes(registration)
    if days is not None:
        _check_days(registration.pavilion.fair, days)
        _set_days(registration, days)
    if sourcing_needs is not None:
        registration.sourcing_needs = sourcing_needs.strip()
    if required_certifications is not None:
        registration.required_certifications.set(required_certifications)
    # Saved every time, so the change counts as a change for matchmaking.
    registration.save(update_fields=["sourcing_needs", "updated_at"])
    _record_attendance(registration, before)
    return registration


def planned_slot_times(pavilion: Pavilion) -> list[tuple[datetime, datetime]]:
    """Every slot the timetable gives, for each day of the fair, as UTC instants.

    Local wall-clock times are turned into instants in the fair's zone, so a daylight-saving
    change during the fair still gives slots at the advertised local times.
    """
    fair = pavilion.fair
    tz = fair.tz
    length = timedelta(minutes=pavilion.slot_minutes)
    breaks = list(pavilion.breaks.all())
    times = []
    for day in fair.days():
        start = datetime.combine(day, pavilion.meeting_day_starts)
        end_of_day = datetime.combine(day, pavilion.meeting_day_ends)
        while start + length <= end_of_day:
            end = start + length
            clash = next(
                (b for b in breaks if start.time() < b.ends_at and b.starts_at < end.time()), None
            )
            if clash is not None:
                start = max(start + timedelta(minutes=1), datetime.combine(day, clash.ends_at))
                continue
            times.append(
                (start.replace(tzinfo=tz).astimezone(UTC), end.replace(tzinfo=tz).astimezone(UTC))
            )
            start = end
    return times


@transaction.atomic
def meeting_slots_generate(*, pavilion: Pavilion) -> dict[str, int]:
    """Create the pavilion's meeting slots from its timetable.

    Side effects: adds the slots that are missing; removes slots the timetable no longer has unless
    something uses them (an interpreter's availability or a meeting): those are kept.
    Returns the counts of slots created, removed and kept.
    Running it twice changes nothing.
    """
    pavilion = _locked(pavilion)
    planned = planned_slot_times(pavilion)
    existing = {slot.starts_at: slot for slot in pavilion.slots.all()}
    wanted = {start for start, _end in planned}
    created = [
        MeetingSlot(pavilion=pavilion, starts_at=s, ends_at=e)
        for s, e in planned
        if s not in existing
    ]
    MeetingSlot.objects.bulk_create(created)
    stale = [slot for start, slot in existing.items() if start not in wanted]
    in_use = set().union(*hooks.slots_in_use([slot.pk for slot in stale]))
    removable = [s.pk for s in stale if not (s.pk in in_use or s.interpreters.exists())]
    MeetingSlot.objects.filter(pk__in=removable).delete()
    audit.record(
        action="pavilion.slots.generated",
        obj=pavilion,
        pavilion_id=pavilion.pk,
        changes={"slots": [len(existing), len(existing) + len(created) - len(removable)]},
    )
    return {
        "created": len(created),
        "removed": len(removable),
        "kept": len(stale) - len(removable),
        "total": len(planned),
    }


def _interpreter_bookings(interpreter: Interpreter) -> list[hooks.InterpreterBooking]:
    """The meetings that name the interpreter, as the apps that hold meetings report them."""
    return [booking for found in hooks.interpreter_bookings(interpreter) for booking in found]


def interpreter_check(
    *,
    pavilion: Pavilion,
    name: str,
    languages,
    available_slots,
    interpreter: Interpreter | None = None,
) -> None:
    """Raise the errors saving this interpreter would meet, keyed by field: a name the pavilion
    already has, no language, a slot of another pavilion, or taking away a slot, a language or
    the pavilion that a scheduled meeting with this interpreter relies on.

    The admin's form calls it to show the errors before saving; ``interpreter_save`` again.
    """
    errors: dict[str, list[str]] = {}
    name = name.strip()
    others = Interpreter.objects.filter(pavilion=pavilion, name=name)
    if interpreter is not None and interpreter.pk:
        others = others.exclude(pk=interpreter.pk)
    if not name:
        errors.setdefault("name", []).append(_("Give the interpreter's name."))
    elif others.exists():
        errors.setdefault("name", []).append(
            _("%(pavilion)s already has an interpreter named %(name)s.")
            % {"pavilion": pavilion, "name": name}
        )
    codes = {language.code for language in languages}
    if not codes:
        errors.setdefault("languages", []).append(
            _("Choose the languages the interpreter works in.")
        )
    slots = list(available_slots)
    foreign = sorted(
        (slot for slot in slots if slot.pavilion_id != pavilion.pk), key=lambda s: s.starts_at
    )
    if foreign:
        errors.setdefault("available_slots", []).append(
            _("%(slots)s: not a slot of %(pavilion)s; choose among its own slots.")
            % {"slots": "; ".join(str(slot) for slot in foreign), "pavilion": pavilion}
        )
    if interpreter is not None and interpreter.pk:
        stored = Interpreter.objects.get(pk=interpreter.pk)
        bookings = _interpreter_bookings(stored)
        if stored.pavilion_id != pavilion.pk and bookings:
            errors.setdefault("pavilion", []).append(
                _("%(name)s has meetings at %(pavilion)s and cannot move to another pavilion.")
                % {"name": stored.name, "pavilion": stored.pavilion}
            )
        slot_ids = {slot.pk for slot in slots}
        # Nothing is unbooked silently: the organiser moves the meeting first.
        for booking in (booking for booking in bookings if booking.scheduled):
            meeting, when = booking.meeting, booking.when
            if booking.slot_id not in slot_ids:
                errors.setdefault("available_slots", []).append(
                    _(
                        "%(name)s interprets %(meeting)s at %(slot)s; move that meeting before "
                        "taking the slot away."
                    )
                    % {"name": stored.name, "meeting": meeting, "slot": when}
                )
            pair = booking.languages
            if codes and pair and not set(pair) <= codes:
                errors.setdefault("languages", []).append(
                    _(
                        "%(name)s interprets %(pair)s for %(meeting)s at %(slot)s; give that "
                        "meeting another interpreter before taking the language away."
                    )
                    % {
                        "name": stored.name,
                        "pair": "–".join(pair),
                        "meeting": meeting,
                        "slot": when,
                    }
                )
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def interpreter_save(
    *,
    pavilion: Pavilion,
    name: str,
    languages,
    available_slots=(),
    email: str = "",
    interpreter: Interpreter | None = None,
) -> Interpreter:
    """Add an interpreter to a pavilion, or change one (``interpreter`` given).

    Side effects: saves the interpreter and replaces its languages and available slots.
    Refused, with the field named, as ``interpreter_check`` says.
    """
    before = {}
    if interpreter is not None and interpreter.pk:
        # Locked, so that a meeting cannot be given this interpreter between check and write.
        stored = Interpreter.objects.select_for_update().filter(pk=interpreter.pk).first()
        before = _interpreter_codes(stored)
    languages, available_slots = list(languages), list(available_slots)
    interpreter_check(
        pavilion=pavilion,
        name=name,
        languages=languages,
        available_slots=available_slots,
        interpreter=interpreter,
    )
    interpreter = interpreter or Interpreter()
    interpreter.pavilion, interpreter.name, interpreter.email = pavilion, name.strip(), email
    try:
        with transaction.atomic():
            interpreter.save()
    except IntegrityError:
        # Another request took the name between our check and our write.
        raise ValidationError(
            {
                "name": _("%(pavilion)s already has an interpreter named %(name)s.")
                % {"pavilion": pavilion, "name": interpreter.name}
            }
        ) from None
    interpreter.languages.set(languages)
    interpreter.available_slots.set(available_slots)
    changes = audit.changed(before, _interpreter_codes(interpreter))
    if changes:
        audit.record(
            action="interpreter.changed" if before else "interpreter.added",
            obj=interpreter,
            pavilion_id=interpreter.pavilion_id,
            changes=changes,
        )
    return interpreter


def _interpreter_codes(interpreter: Interpreter | None) -> dict:
    if interpreter is None:
        return {}
    return audit.values(
        interpreter, ["pavilion", "name", "email"], many=["languages", "available_slots"]
    )


@transaction.atomic
def interpreter_delete(*, interpreter: Interpreter) -> None:
    """Remove an interpreter from a pavilion.

    Refused while any meeting names them (scheduled, held or missed): the organiser gives the
    scheduled ones another interpreter first, and the record of past meetings stays whole.
    """
    interpreter = Interpreter.objects.select_for_update().get(pk=interpreter.pk)
    count = len(_interpreter_bookings(interpreter))
    if count:
        raise ValidationError(
            ngettext(
                "%(name)s is named in %(count)s meeting; give it another interpreter first if "
                "it is scheduled. An interpreter of past meetings stays on record.",
                "%(name)s is named in %(count)s meetings; give the scheduled ones another "
                "interpreter first. An interpreter of past meetings stays on record.",
                count,
            )
            % {"name": interpreter.name, "count": count}
        )
    audit.record(
        action="interpreter.deleted",
        obj=interpreter,
        pavilion_id=interpreter.pavilion_id,
        changes=audit.removed(_interpreter_codes(interpreter)),
    )
    interpreter.delete()
