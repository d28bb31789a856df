"""Writes on what an organiser sets up: organising offices, trade fairs, pavilions and their
timetable breaks, as saved and deleted in the admin.

Each save records ``<subject>.added`` or ``<subject>.changed`` with the fields that changed (a
text as its length), each deletion ``<subject>.deleted`` with what the row was.
"""

from django.db import transaction
from django.utils.translation import gettext as _

from core import audit

from ..models import OrganisingOffice, Pavilion, TimetableBreak, TradeFair
from .changes import delete_recorded, pavilion_locked, save_recorded


def _office_codes(office: OrganisingOffice) -> dict:
    return audit.values(office, ["name_en", "name_ja", "kind"], many=["members"])


def _fair_codes(fair: TradeFair) -> dict:
    return audit.values(
        fair, ["name", "city", "country", "venue", "time_zone", "starts_on", "ends_on", "website"]
    )


def _pavilion_codes(pavilion: Pavilion) -> dict:
    """Every setting of the pavilion (its first-timer conditions as their lengths)."""
    return audit.row_values(pavilion)


def _break_codes(timetable_break: TimetableBreak) -> dict:
    return audit.values(timetable_break, ["pavilion", "starts_at", "ends_at", "label"])


@transaction.atomic
def organising_office_save(*, office: OrganisingOffice, members, by=None) -> OrganisingOffice:
    """Save an office as given (new or changed) with its organisers ``members``."""
    return save_recorded(
        office,
        subject="organising_office",
        codes=_office_codes,
        pavilion=None,
        many={"members": members},
        by=by,
    )


@transaction.atomic
def organising_office_delete(*, office: OrganisingOffice, by=None) -> None:
    """Remove an office that runs no pavilion (the database refuses one that does)."""
    delete_recorded(office, subject="organising_office", codes=_office_codes, pavilion=None, by=by)


@transaction.atomic
def trade_fair_save(*, fair: TradeFair, by=None) -> TradeFair:
    """Save a trade fair as given (new or changed)."""
    return save_recorded(fair, subject="trade_fair", codes=_fair_codes, pavilion=None, by=by)


@transaction.atomic
def trade_fair_delete(*, fair: TradeFair, by=None) -> None:
    """Remove a fair that has no pavilion (the database refuses one that has)."""
    delete_recorded(fair, subject="trade_fair", codes=_fair_codes, pavilion=None, by=by)


def _pavilion_busy() -> str:
    return _("Another organiser is changing this pavilion right now; try again in a moment.")


@transaction.atomic
def pavilion_save(*, pavilion: Pavilion, by=None) -> Pavilion:
    """Save a pavilion's settings as given (new or changed).

    Side effects: an existing pavilion's row is locked first, so that a decision counting its
    booths at the same moment waits for the new capacity."""
    if pavilion.pk is not None:
        pavilion_locked(pavilion, busy=_pavilion_busy())
    return save_recorded(pavilion, subject="pavilion", codes=_pavilion_codes, pavilion="pk", by=by)


@transaction.atomic
def pavilion_delete(*, pavilion: Pavilion, by=None) -> None:
    """Remove a pavilion (the database refuses one with registrations)."""
    pavilion_locked(pavilion, busy=_pavilion_busy())
    delete_recorded(pavilion, subject="pavilion", codes=_pavilion_codes, pavilion="pk", by=by)


@transaction.atomic
def timetable_break_save(*, timetable_break: TimetableBreak, by=None) -> TimetableBreak:
    """Save a daily break of a pavilion's timetable (new or changed); the slots change when
    they are generated again."""
    return save_recorded(
        timetable_break, subject="pavilion.timetable_break", codes=_break_codes, by=by
    )


@transaction.atomic
def timetable_break_delete(*, timetable_break: TimetableBreak, by=None) -> None:
    """Remove a daily break of a pavilion's timetable."""
    delete_recorded(timetable_break, subject="pavilion.timetable_break", codes=_break_codes, by=by)
