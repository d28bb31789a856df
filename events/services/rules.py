"""A pavilion's meeting rules, as its organisers set them in the admin and the API: the caps on
meetings and open requests, how long requests wait for an answer, the shared tables per slot and
the length of a meeting.

A change that contradicts meetings already made is refused, naming them, and never applied in
part: the meetings are asked of the app that has them (``hooks.pavilion_rule_conflicts``).
"""

from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from core import audit
from core.locks import waiting_at_most

from .. import hooks
from ..models import BuyerRegistration, ExhibitorRegistration, Pavilion
from .changes import pavilion_locked

#: The rules an organiser sets for a pavilion's meetings, in the order forms show them.
RULE_FIELDS = (
    "max_meetings_per_exhibitor",
    "max_meetings_per_buyer",
    "max_meetings_per_day",
    "max_open_requests",
    "request_expiry_hours",
    "reminder_hours",
    "shared_tables",
    "slot_minutes",
)


@dataclass(frozen=True)
class RulesChange:
    """What a change of rules did: the pavilion as saved, the audited changes (field -> [before,
    after]) and what the organiser must still do, in words."""

    pavilion: Pavilion
    changes: dict
    notices: list[str] = field(default_factory=list)


def _refusals() -> dict:
    """rule -> its refusal, with %(value)s the value asked, %(named)s the meetings named."""
    return {
        "max_meetings_per_exhibitor": _(
            "Some exhibitors already have more than %(value)s meetings: %(named)s."
        ),
        "max_meetings_per_buyer": _(
            "Some buyers already have more than %(value)s meetings: %(named)s."
        ),
        "max_meetings_per_day": _(
            "Some participants already have more than %(value)s meetings on one day: %(named)s."
        ),
        "max_open_requests": _(
            "Some participants already have more than %(value)s unanswered requests: %(named)s."
        ),
        "shared_tables": _(
            "Some slots already have more than %(value)s meetings at shared tables: %(named)s."
        ),
        "slot_minutes": _(
            "Meetings are booked in slots of %(current)s minutes: %(named)s. Take them out of "
            "their slots first, then change the length and generate the slots again."
        ),
    }


def _named(conflict: hooks.RuleConflict) -> str:
    """The conflict's meetings, the first ones by name and the rest counted."""
    named = "; ".join(conflict.meetings)
    more = conflict.total - len(conflict.meetings)
    if more > 0:
        named += " " + ngettext("and %(count)s more", "and %(count)s more", more) % {"count": more}
    return named


def _refusal(pavilion: Pavilion, conflict: hooks.RuleConflict, value) -> str:
    message = _refusals()[conflict.field] % {
        "value": value,
        "named": _named(conflict),
        "current": pavilion.slot_minutes,
    }
    if conflict.least is not None:
        message += " " + _("Choose at least %(least)s, or cancel or move meetings first.") % {
            "least": conflict.least
        }
    return message


def _cleaned(pavilion: Pavilion, changes: dict) -> dict:
    """The changes as the rules' fields read them (their own limits checked), each error under
    its field."""
    unknown = sorted(set(changes) - set(RULE_FIELDS))
    if unknown:
        raise ValidationError(
            {name: _("This is not one of the pavilion's meeting rules.") for name in unknown}
        )
    cleaned, errors = {}, {}
    for name, value in changes.items():
        try:
            cleaned[name] = Pavilion._meta.get_field(name).clean(value, pavilion)
        except ValidationError as error:
            errors[name] = error.messages
    if errors:
        raise ValidationError(errors)
    expiry = cleaned.get("request_expiry_hours", pavilion.request_expiry_hours)
    reminder = cleaned.get("reminder_hours", pavilion.reminder_hours)
    if reminder >= expiry:
        name = "reminder_hours" if "reminder_hours" in cleaned else "request_expiry_hours"
        raise ValidationError(
            {
                name: _(
                    "The reminder (%(reminder)s hours before expiry) must come after the request "
                    "is sent: give fewer hours than the %(expiry)s hours a request waits."
                )
                % {"reminder": reminder, "expiry": expiry}
            }
        )
    return cleaned


def _notices(pavilion: Pavilion, cleaned: dict) -> list[str]:
    notices = []
    if cleaned.get("slot_minutes", pavilion.slot_minutes) != pavilion.slot_minutes:
        count = pavilion.slots.count() if pavilion.pk else 0
        if count:
            notices.append(
                ngettext(
                    "The pavilion's %(count)s slot still lasts %(current)s minutes: generate "
                    "the slots again for meetings of %(new)s minutes (slots in which "
                    "interpreters are free are kept until you remove them).",
                    "The pavilion's %(count)s slots still last %(current)s minutes: generate "
                    "the slots again for meetings of %(new)s minutes (slots in which "
                    "interpreters are free are kept until you remove them).",
                    count,
                )
                % {"count": count, "current": pavilion.slot_minutes, "new": cleaned["slot_minutes"]}
            )
    if cleaned.get("request_expiry_hours", pavilion.request_expiry_hours) != (
        pavilion.request_expiry_hours
    ):
        notices.append(_("Requests already sent keep the expiry they were sent with."))
    return notices


def pavilion_rules_check(*, pavilion: Pavilion, changes: dict) -> RulesChange:
    """Check a change of the pavilion's rules (field -> new value) without saving it.

    Returns the change as it would be made (``changes`` as the fields clean them) with its
    notices; raises ``ValidationError`` keyed by field for a value out of its limits or one that
    contradicts existing meetings (naming them). Two queries per rule lowered."""
    cleaned = _cleaned(pavilion, changes)
    if pavilion.pk is not None:
        conflicts = [c for found in hooks.pavilion_rule_conflicts(pavilion, cleaned) for c in found]
        if conflicts:
            raise ValidationError(
                {c.field: _refusal(pavilion, c, cleaned[c.field]) for c in conflicts}
            )
    return RulesChange(pavilion=pavilion, changes=cleaned, notices=_notices(pavilion, cleaned))


def pavilion_locked_for_rules(pavilion: Pavilion) -> Pavilion:
    """The pavilion's row locked for a change of its rules (inside the caller's transaction):
    changes of the pavilion (its rules, settings, slots, booth decisions) wait for each other.

    Meetings are requested and accepted under locks on their two participants' registrations
    (the exhibitor's, then the buyer's), so the pavilion's registrations are locked too, in
    that order: a meeting booked at the very moment a cap is lowered either commits first (and
    the check sees it) or waits until the new cap is saved (and its own check applies it)."""
    busy = _("Someone is changing this pavilion or its meetings right now; try again in a moment.")
    locked = pavilion_locked(pavilion, busy=busy)
    with waiting_at_most(busy):
        for rows in (
            ExhibitorRegistration.objects.filter(pavilion=locked),
            BuyerRegistration.objects.filter(pavilion=locked),
        ):
            list(rows.select_for_update().order_by("pk").values_list("pk", flat=True))
    return locked


@transaction.atomic
def pavilion_rules_update(*, pavilion: Pavilion, changes: dict, by=None) -> RulesChange:
    """Change the pavilion's rules ``changes`` (field -> new value; the others stay).

    Side effects: locks the pavilion's row; saves the rules that differ and records
    ``pavilion.rules.changed`` with them (nothing when none does). Refused as a whole, keyed
    by field, as ``pavilion_rules_check`` says: nothing is saved then."""
    locked = pavilion_locked_for_rules(pavilion)
    checked = pavilion_rules_check(pavilion=locked, changes=changes)
    before = audit.values(locked, RULE_FIELDS)
    for name, value in checked.changes.items():
        setattr(locked, name, value)
    after = audit.values(locked, RULE_FIELDS)
    changed = [name for name in RULE_FIELDS if before[name] != after[name]]
    if changed:
        locked.save(update_fields=changed)
    recorded = audit.record_changes(
        action="pavilion.rules.changed",
        obj=locked,
        before=before,
        after=after,
        pavilion_id=locked.pk,
        by=by,
    )
    for name in RULE_FIELDS:
        # The caller's object reads as saved.
        setattr(pavilion, name, getattr(locked, name))
    return RulesChange(pavilion=locked, changes=recorded, notices=checked.notices)
