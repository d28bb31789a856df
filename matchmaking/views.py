"""Proposal pages for exhibitors and buyers: proposed partners and the reasons they were matched.

Who may see what comes from ``matchmaking.access`` (the same rules as the API); every change goes
through the services. An object the user may not see is a 404, never a 403.
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from companies.views import company_required, page
from events.selectors import buyer_fair_needs_attach
from events.views import own_company_rows, participant_side, participating_pavilion

from . import services
from .access import proposals_visible_to
from .models import ProposalStatus
from .reasons import proposal_sentence


@company_required
def proposal_list(request, pk: int):
    """Proposed partners with the reasons they were matched, best first."""
    actor = request.actor
    pavilion = participating_pavilion(actor, pk)
    proposals = list(
        own_company_rows(actor, proposals_visible_to(actor))
        .filter(pavilion=pavilion)
        .select_related("sme", "buyer__country")
        .order_by("-score", "pk")
    )
    for proposal in proposals:
        proposal.sentence = proposal_sentence(proposal)
    buyer_fair_needs_attach(proposals)
    return page(
        request,
        "pages/matchmaking/proposals.html",
        {
            "pavilion": pavilion,
            "fair": pavilion.fair,
            "open_proposals": [p for p in proposals if p.status == ProposalStatus.OPEN],
            "decided_proposals": [p for p in proposals if p.status != ProposalStatus.OPEN],
        },
    )


@company_required
@require_POST
def proposal_decide(request, pk: int):
    actor = request.actor
    proposal = get_object_or_404(own_company_rows(actor, proposals_visible_to(actor)), pk=pk)
    side = participant_side(actor, proposal)
    accept = request.POST.get("decision") == "accept"
    try:
        services.proposal_decide(proposal=proposal, accept=accept, side=side, by=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request,
            _("Accepted: the other side is asked to confirm the meeting.")
            if accept
            else _("Declined: this pair will not be proposed again."),
        )
    return redirect("matchmaking:proposal_list", pk=proposal.pavilion_id)
