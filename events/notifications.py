"""Emails about applications to exhibit: the organiser's decision, to the SME's team.

Each member reads it in their own language (``companies.mail``). Sending happens in a Celery
task queued after the transaction commits, so a rolled-back decision never emails anyone.
"""

from django.urls import reverse

from companies import mail
from core.queue import enqueue_on_commit

from .models import ExhibitorRegistration, RegistrationStatus

#: The decisions the SME is told of; a withdrawal is the SME's own doing.
DECISIONS = (
    RegistrationStatus.ACCEPTED,
    RegistrationStatus.WAITLISTED,
    RegistrationStatus.REJECTED,
)


def application_decision_notify(*, registration: ExhibitorRegistration) -> None:
    """Queue the decision's email for when the transaction commits."""
    if registration.status not in DECISIONS:
        return
    enqueue_on_commit(
        "events.tasks.send_application_decision",
        registration_id=registration.pk,
        status=registration.status,
    )


def application_decision_send(*, registration_id: int, status: str) -> int:
    """Email the SME's team the decision on its application. Returns how many messages went
    out: none when the application has been decided otherwise since (that decision has its
    own email)."""
    registration = (
        ExhibitorRegistration.objects.select_related("pavilion__fair", "sme")
        .filter(pk=registration_id, status=status)
        .first()
    )
    if registration is None or status not in DECISIONS:
        return 0
    pavilion = registration.pavilion
    messages = mail.team_messages(
        company=registration.sme,
        template="emails/application_decided",
        context=lambda: {
            "registration": registration,
            "status": status,
            "pavilion": pavilion,
            "fair": pavilion.fair,
            "booth": registration.booth,
            "link": mail.absolute_url(reverse("events:pavilion_detail", args=[pavilion.pk])),
        },
    )
    return mail.send_messages(messages)
