"""Reads on pavilions: the checks a write would meet (which forms show before saving), the
timetable's slot times, and the buyers' needs at a fair that several pages share."""

from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from companies.eligibility import sme_eligibility_of
from companies.models import SME

from . import fair_time, hooks
from .models import (
    BuyerRegistration,
    ExhibitorRegistration,
    Interpreter,
    Pavilion,
    RegistrationStatus,
)

# -- exhibitors ----------------------------------------------------------------------------------


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


# -- buyers --------------------------------------------------------------------------------------


def attendance_days_check(*, fair, days: list[date]) -> None:
    """Raise unless ``days`` are at least one day, each a day of the fair."""
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


@dataclass(frozen=True)
class FairNeeds:
    """What a buyer sources at one pavilion's fair and the certifications it requires there."""

    sourcing_needs: str
    required_certifications: tuple

    @classmethod
    def of(cls, source) -> "FairNeeds":
        """From a registration, or from the company itself."""
        return cls(
            sourcing_needs=source.sourcing_needs,
            required_certifications=tuple(source.required_certifications.all()),
        )


def buyer_fair_needs(item) -> FairNeeds:
    """The needs of the buyer of a meeting or proposal (anything with ``pavilion_id`` and
    ``buyer``) at that pavilion: its registration's, which a later fair never rewrites.

    A buyer without a registration there (a meeting an organiser set up) has the company's own.
    Kept on ``item``, so a page asking twice queries once; ``buyer_fair_needs_attach`` loads a
    whole list at once.
    """
    cached = getattr(item, "_buyer_fair_needs", None)
    if cached is not None:
        return cached
    registration = (
        BuyerRegistration.objects.filter(pavilion_id=item.pavilion_id, buyer_id=item.buyer_id)
        .prefetch_related("required_certifications")
        .first()
    )
    item._buyer_fair_needs = FairNeeds.of(registration if registration is not None else item.buyer)
    return item._buyer_fair_needs


def buyer_fair_needs_attach(items) -> None:
    """Load the fair needs of many meetings or proposals in two queries, so a page that shows
    them gets no query per row from ``buyer_fair_needs``."""
    items = [item for item in items if getattr(item, "_buyer_fair_needs", None) is None]
    if not items:
        return
    registrations = {
        (registration.pavilion_id, registration.buyer_id): registration
        for registration in BuyerRegistration.objects.filter(
            pavilion_id__in={item.pavilion_id for item in items},
            buyer_id__in={item.buyer_id for item in items},
        ).prefetch_related("required_certifications")
    }
    for item in items:
        registration = registrations.get((item.pavilion_id, item.buyer_id))
        if registration is not None:
            item._buyer_fair_needs = FairNeeds.of(registration)


# -- slots and interpreters ----------------------------------------------------------------------


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


def interpreter_bookings(interpreter: Interpreter) -> list[hooks.InterpreterBooking]:
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
        bookings = interpreter_bookings(stored)
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
