"""Proposal pages for exhibitors and buyers: proposed partners and the reasons they were matched.

Who may see what comes from ``matchmaking.access`` (the same rules as the API); every change goes
through the services. An object the user may not see is a 404, never a 403.
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from companies.views import company_required, page
from core.hooks import Link
from events.models import Side
from events.selectors import buyer_fair_needs_attach
from events.views import own_company_rows, participant_side, participating_pavilion

from . import hooks, services
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
            "links": [link for links in hooks.proposal_page_links(pavilion.pk) for link in links],
        },
    )


@company_required
@require_POST
def proposal_decide(request, pk: int):
    """Accept or decline a proposal. Accepting requests the meeting: meetings' page does it
    (``matchmaking.hooks.proposal_accept_page``)."""
    actor = request.actor
    proposal = get_object_or_404(own_company_rows(actor, proposals_visible_to(actor)), pk=pk)
    side = participant_side(actor, proposal)
    if request.POST.get("decision") == "accept":
        return hooks.proposal_accept_page(request, proposal, side)
    try:
        services.proposal_decline(proposal=proposal, by=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("Declined: this pair will not be proposed again."))
    return redirect("matchmaking:proposal_list", pk=proposal.pavilion_id)


def participant_links(side, pavilion_id: int, place: str) -> list[Link]:
    """The participant's proposals of a pavilion, on the home page and the pavilion's page
    (registered to ``events.hooks.pavilion_links`` in matchmaking.apps)."""
    label = _("Proposed buyers") if side == Side.EXHIBITOR else _("Proposed exhibitors")
    return [Link(reverse("matchmaking:proposal_list", args=[pavilion_id]), label)]
