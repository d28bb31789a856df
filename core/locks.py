"""Waiting for a scarce resource's lock for a bounded time, and saying so when it is taken.

Services lock the rows that stand for scarce resources (a pavilion's booths, a participant's
meeting cap, a meeting's slot, an interpreter) with ``select_for_update``. Another organiser's
long transaction must not make a request hang until a proxy gives up, so the wait is bounded:
PostgreSQL's ``lock_timeout`` for the rest of the transaction, SQLite's busy timeout (the
connection's ``timeout``), and either way the person gets a sentence they can act on.
"""

from contextlib import contextmanager

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import OperationalError, connection

#: PostgreSQL's SQLSTATE for "lock_not_available" (a lock_timeout that passed).
LOCK_NOT_AVAILABLE = "55P03"


def lock_timeout_ms() -> int:
    return int(getattr(settings, "LOCK_TIMEOUT_MS", 5000))


def _is_lock_timeout(error: OperationalError) -> bool:
    cause = error.__cause__
    if getattr(cause, "sqlstate", None) == LOCK_NOT_AVAILABLE:
        return True
    # SQLite has one lock for the whole database; its busy timeout ends in this message.
    return "database is locked" in str(error)


@contextmanager
def waiting_at_most(busy: str):
    """Run the block's row locks waiting at most ``LOCK_TIMEOUT_MS``; when the wait passes,
    raise ``ValidationError(busy)`` (the transaction is rolled back by the caller's atomic).

    Call it inside a transaction: on PostgreSQL the timeout is ``SET LOCAL``, so it holds until
    that transaction ends and never leaks to the connection's next one.
    """
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT set_config('lock_timeout', %s, true)", [f"{lock_timeout_ms()}ms"]
            )
    try:
        yield
    except OperationalError as error:
        if _is_lock_timeout(error):
            raise ValidationError(busy) from None
        raise
