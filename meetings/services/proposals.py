"""Accepting a matchmaking proposal: it requests the meeting, which is meetings' to do.

Declining is matchmaking's own (``matchmaking.services.proposal_decline``): it creates nothing
here.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from matchmaking.models import Proposal
from matchmaking.services import proposal_lock_open, proposal_mark_accepted

from ..models import Meeting
from .requests import meeting_request


@transaction.atomic
def proposal_accept(
    *, proposal: Proposal, side: str = "organiser", by=None, acting_for: str = ""
) -> Proposal:
    """An exhibitor, a buyer or an organiser accepts a proposal.

    Side effects: the proposal is accepted and the meeting is requested on the accepting side's
    behalf (the other side then answers it like any request). An organiser accepts on behalf of
    ``acting_for`` (the exhibitor, the buyer, or both: then the meeting is confirmed), recorded
    as such (see ``meeting_request``).
    Refused for a proposal no longer open, and for a pair that already has a meeting at the
    pavilion in any state (a proposal from before that meeting): it would make a second request
    for the same pair.
    """
    proposal = proposal_lock_open(proposal=proposal)
    existing = (
        Meeting.objects.filter(
            pavilion_id=proposal.pavilion_id, sme_id=proposal.sme_id, buyer_id=proposal.buyer_id
        )
        .order_by("-created_at", "-pk")
        .first()
    )
    if existing is not None:
        raise ValidationError(
            _(
                "%(sme)s and %(buyer)s already have a meeting at this pavilion (%(status)s), so "
                "this proposal cannot be accepted; see the meeting under Meetings and requests."
            )
            % {
                "sme": proposal.sme,
                "buyer": proposal.buyer,
                "status": existing.get_status_display().lower(),
            }
        )
    proposal = proposal_mark_accepted(proposal=proposal, by=by)
    meeting_request(
        pavilion=proposal.pavilion,
        sme=proposal.sme,
        buyer=proposal.buyer,
        side=side,
        by=by,
        proposal=proposal,
        acting_for=acting_for,
    )
    return proposal
