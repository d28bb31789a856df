"""Writes on a pavilion's interpreters: adding, changing and removing one.

Each raises ``django.core.exceptions.ValidationError`` with a message a person can act on.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from core import audit
from core.locks import waiting_at_most
from core.services import row_save, unique_or_refused

from ..models import Interpreter, Pavilion
from ..selectors import interpreter_bookings, interpreter_check
from .changes import delete_recorded


def _locked(interpreter: Interpreter) -> Interpreter | None:
    """The interpreter's row, locked, so that a meeting cannot be given this interpreter between
    a check and the write."""
    with waiting_at_most(
        _(
            "Someone else is changing this interpreter or their meetings right now; try again in "
            "a moment."
        )
    ):
        return Interpreter.objects.select_for_update().filter(pk=interpreter.pk).first()


def _interpreter_codes(interpreter: Interpreter | None) -> dict:
    if interpreter is None:
        return {}
    return audit.values(
        interpreter, ["pavilion", "name", "email"], many=["languages", "available_slots"]
    )


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
    stored = None
    if interpreter is not None and interpreter.pk:
        stored = _locked(interpreter)
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
    with unique_or_refused(
        lambda: {
            "name": _("%(pavilion)s already has an interpreter named %(name)s.")
            % {"pavilion": pavilion, "name": interpreter.name}
        }
    ):
        row_save(
            obj=interpreter,
            subject="interpreter",
            codes=_interpreter_codes,
            many={"languages": languages, "available_slots": available_slots},
            pavilion="pavilion_id",
            new="added",
            stored=stored,
        )
    return interpreter


@transaction.atomic
def interpreter_delete(*, interpreter: Interpreter) -> None:
    """Remove an interpreter from a pavilion.

    Refused while any meeting names them (scheduled, held or missed): the organiser gives the
    scheduled ones another interpreter first, and the record of past meetings stays whole.
    """
    interpreter = _locked(interpreter)
    if interpreter is None:
        raise Interpreter.DoesNotExist("The interpreter was deleted meanwhile.")
    count = len(interpreter_bookings(interpreter))
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
    delete_recorded(interpreter, subject="interpreter", codes=_interpreter_codes)
