"""The audit log's actions of matchmaking (see ``core.audit``): code -> label."""

from django.utils.translation import gettext_lazy as _

ACTIONS = {
    "weights.updated": _("Matchmaking weights changed"),
    "weights.reset": _("Matchmaking weights reset to the defaults"),
    "wish.added": _("Wish added"),
    "wish.removed": _("Wish removed"),
    "matchmaking.run.requested": _("Matchmaking run requested"),
    "matchmaking.run.deleted": _("Matchmaking run deleted"),
    "proposal.accepted": _("Proposal accepted"),
    "proposal.declined": _("Proposal declined"),
    "proposal.deleted": _("Proposal deleted"),
}
