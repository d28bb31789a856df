"""A meeting's history in the reader's language, worded from the codes its events store.

A MeetingEvent keeps codes and figures only (its action, side, whom an organiser acted for, the
statuses, and ``details`` such as a slot's times or an outcome's round and stage); ``note`` is
only what a person typed. ``event_text`` words one event at display time, so the same history
reads in Japanese to one organiser and in English to another. Services record slots with
``slot_details`` so that every page can word them the same way.
"""

from datetime import datetime

from django.contrib.auth import get_user_model
from django.utils.translation import gettext as _
from django.utils.translation import ngettext, pgettext

from companies.names import person_name
from events import fair_time
from events.models import Side

from .models import AT_FAIR, AbsentSide, ActingFor, MeetingStatus, TradeStage, round_label


def slot_details(slot) -> dict:
    """What an event records of a slot: its id and its instants (UTC), {} for none."""
    if slot is None:
        return {}
    return {
        "slot": slot.pk,
        "starts_at": slot.starts_at.isoformat(),
        "ends_at": slot.ends_at.isoformat(),
    }


def _who(event) -> str:
    """Who made the change, worded to open a sentence (Japanese carries its particle)."""
    if event.side == Side.ORGANISER:
        return {
            ActingFor.EXHIBITOR: pgettext(
                "event actor", "the organiser on behalf of the exhibitor"
            ),
            ActingFor.BUYER: pgettext("event actor", "the organiser on behalf of the buyer"),
            ActingFor.BOTH: pgettext("event actor", "the organiser on behalf of both sides"),
        }.get(event.acting_for, pgettext("event actor", "the organiser"))
    if event.side == Side.EXHIBITOR:
        return pgettext("event actor", "the exhibitor")
    if event.side == Side.BUYER:
        return pgettext("event actor", "the buyer")
    return pgettext("event actor", "the platform")


def _slot_text(event, prefix: str = "") -> str:
    details = event.details or {}
    start, end = details.get(f"{prefix}starts_at"), details.get(f"{prefix}ends_at")
    if not start:
        return ""
    tz = event.meeting.pavilion.fair.time_zone
    if end:
        return fair_time.slot_text(datetime.fromisoformat(start), datetime.fromisoformat(end), tz)
    return fair_time.datetime_text(datetime.fromisoformat(start), tz)


def _label(choices, code: str) -> str:
    try:
        return str(choices(code).label)
    except ValueError:
        return code


def _person(user_id) -> str:
    user = get_user_model().objects.filter(pk=user_id).first() if user_id else None
    return person_name(user) if user is not None else ""


def _arrival_text(details: dict, who: str) -> str:
    """A side's arrival checked in at the fair (``meetings.services.check_in``)."""
    minutes = int(details.get("minutes_late") or 0)
    values = {"who": who, "minutes": minutes}
    if details.get("side") == Side.BUYER:
        if minutes:
            return (
                ngettext(
                    "The buyer's arrival recorded by %(who)s: %(minutes)d minute late",
                    "The buyer's arrival recorded by %(who)s: %(minutes)d minutes late",
                    minutes,
                )
                % values
            )
        return _("The buyer's arrival recorded by %(who)s: on time") % values
    if minutes:
        return (
            ngettext(
                "The exhibitor's arrival recorded by %(who)s: %(minutes)d minute late",
                "The exhibitor's arrival recorded by %(who)s: %(minutes)d minutes late",
                minutes,
            )
            % values
        )
    return _("The exhibitor's arrival recorded by %(who)s: on time") % values


def _action_text(event) -> str:
    who = _who(event)
    details = event.details or {}
    action = event.action
    if action == "requested":
        return _("Requested by %(who)s") % {"who": who}
    if action == "accepted":
        return _("Accepted by %(who)s") % {"who": who}
    if action == "declined":
        return _("Declined by %(who)s") % {"who": who}
    if action == "expired":
        return _("Expired unanswered")
    if action == "cancelled":
        slot = _slot_text(event)
        if slot:
            return _("Cancelled by %(who)s; it was at %(slot)s") % {"who": who, "slot": slot}
        return _("Cancelled by %(who)s") % {"who": who}
    if action == "scheduled":
        return _("Placed in a slot by the scheduler")
    if action == "unplaced":
        return _("Left without a slot by the scheduler")
    if action == "moved":
        slot = _slot_text(event)
        if slot:
            return _("Moved to %(slot)s by %(who)s") % {"slot": slot, "who": who}
        return _("Moved to another slot by %(who)s") % {"who": who}
    if action == "unscheduled":
        return _("Taken out of its slot by %(who)s") % {"who": who}
    if action == "locked":
        return _("Locked in its slot by %(who)s") % {"who": who}
    if action == "unlocked":
        return _("Unlocked by %(who)s") % {"who": who}
    if action == "published":
        return _("Published in the schedule by %(who)s") % {"who": who}
    if action == "attendee":
        person = _person(details.get("attendee"))
        if person:
            return _("%(person)s named to attend by %(who)s") % {"person": person, "who": who}
        return _("Attendee cleared by %(who)s") % {"who": who}
    if action == "proxy_attendee":
        person = _person(details.get("proxy_attendee"))
        if person:
            return _("%(person)s of the organiser named by %(who)s to attend for the exhibitor") % {
                "person": person,
                "who": who,
            }
        return _("Organiser staff attending for the exhibitor cleared by %(who)s") % {"who": who}
    if action == MeetingStatus.HELD:
        return _("Marked as held by %(who)s") % {"who": who}
    if action == MeetingStatus.NO_SHOW:
        if details.get("absent"):
            return _("Marked as a no-show by %(who)s: %(absent)s") % {
                "who": who,
                "absent": _label(AbsentSide, details["absent"]).lower(),
            }
        return _("Marked as a no-show by %(who)s") % {"who": who}
    if action == "checked_in":
        return _arrival_text(details, who)
    if action == "outcome":
        return _("Outcome recorded by %(who)s: %(stage)s (%(round)s)") % {
            "who": who,
            "stage": _label(TradeStage, details.get("stage", "")),
            "round": round_label(details.get("round", AT_FAIR)),
        }
    return _("%(action)s by %(who)s") % {"action": action, "who": who}


def event_text(event) -> str:
    """One change of a meeting, in the active language: "Accepted by the organiser on behalf
    of both sides (Requested → Accepted)"."""
    text = _action_text(event)
    before, after = event.from_status, event.to_status
    if before and after and before != after:
        return _("%(text)s (%(from)s → %(to)s)") % {
            "text": text,
            "from": _label(MeetingStatus, before),
            "to": _label(MeetingStatus, after),
        }
    if not before and after and after != MeetingStatus.REQUESTED:
        return _("%(text)s (now %(to)s)") % {
            "text": text,
            "to": _label(MeetingStatus, after).lower(),
        }
    return text
