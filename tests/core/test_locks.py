"""A scarce resource's lock is waited for a bounded time, then refused with a sentence: SQLite's
busy database and PostgreSQL's lock timeout become the caller's ``ValidationError``; any other
database error propagates, and PostgreSQL's timeout holds for one transaction only."""

import threading

import pytest
from django.core.exceptions import ValidationError
from django.db import OperationalError, connection, transaction

from core.locks import LOCK_NOT_AVAILABLE, waiting_at_most
from meetings.models import Meeting, MeetingEvent, MeetingStatus
from meetings.services.decisions import meeting_cancel
from meetings.services.requests import meeting_request

BUSY = "Someone else is changing this meeting right now; try again in a moment."
on_postgresql = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="PostgreSQL's lock_timeout"
)


class LockNotAvailable(Exception):
    """What psycopg raises for a lock_timeout that passed, as Django's error's cause."""

    sqlstate = LOCK_NOT_AVAILABLE


def _failing_while_waiting(error: Exception, cause: Exception | None = None) -> None:
    with transaction.atomic(), waiting_at_most("The booths are busy."):
        raise error from cause


@pytest.mark.django_db
def test_a_busy_sqlite_database_becomes_the_busy_sentence():
    with pytest.raises(ValidationError) as refused:
        _failing_while_waiting(OperationalError("database is locked"))
    assert refused.value.messages == ["The booths are busy."]


@pytest.mark.django_db
def test_a_postgresql_lock_timeout_becomes_the_busy_sentence():
    with pytest.raises(ValidationError) as refused:
        _failing_while_waiting(
            OperationalError("canceling statement due to lock timeout"), LockNotAvailable()
        )
    assert refused.value.messages == ["The booths are busy."]


@pytest.mark.django_db
def test_other_database_errors_propagate():
    with pytest.raises(OperationalError, match="disk I/O error"):
        _failing_while_waiting(OperationalError("disk I/O error"))


def _lock_timeout() -> str:
    with connection.cursor() as cursor:
        cursor.execute("SHOW lock_timeout")
        return cursor.fetchone()[0]


@on_postgresql
@pytest.mark.django_db(transaction=True)
def test_the_postgresql_lock_timeout_holds_for_the_transaction_only(settings):
    settings.LOCK_TIMEOUT_MS = 200
    before = _lock_timeout()
    with transaction.atomic(), waiting_at_most("The booths are busy."):
        inside = _lock_timeout()
    assert inside == "200ms"
    assert _lock_timeout() == before != inside


@on_postgresql
@pytest.mark.django_db(transaction=True)
def test_a_meeting_another_transaction_holds_is_refused_in_words_and_unchanged(
    small_pavilion, settings
):
    meeting = meeting_request(
        pavilion=small_pavilion["pavilion"],
        sme=small_pavilion["smes"][0],
        buyer=small_pavilion["buyers"][0],
        side="organiser",
    )
    settings.LOCK_TIMEOUT_MS = 200
    locked, release = threading.Event(), threading.Event()

    def hold_the_row():
        try:
            with transaction.atomic():
                Meeting.objects.select_for_update().get(pk=meeting.pk)
                locked.set()
                release.wait(timeout=30)
        finally:
            connection.close()

    holder = threading.Thread(target=hold_the_row)
    holder.start()
    try:
        assert locked.wait(timeout=30)
        with pytest.raises(ValidationError) as refused:
            meeting_cancel(meeting=meeting, side="organiser")
    finally:
        release.set()
        holder.join(timeout=30)
    assert refused.value.messages == [BUSY]
    meeting.refresh_from_db()
    assert meeting.status == MeetingStatus.REQUESTED
    assert not MeetingEvent.objects.filter(meeting=meeting, action="cancelled").exists()
