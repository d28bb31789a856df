"""The audit log's actions of matchmaking (see ``core.audit``): code -> label."""

from django.utils.translation import gettext_lazy as _

ACTIONS = {
    "weights.updated": _("Matchmaking weights changed"),
    "wish.added": _("Wish added"),
    "wish.removed": _("Wish removed"),
    "matchmaking.run.requested": _("Matchmaking run requested"),
    "proposal.accepted": _("Proposal accepted"),
    "proposal.declined": _("Proposal declined"),
}
