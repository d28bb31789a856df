"""The audit log's actions on companies (see ``core.audit``): code -> label."""

from django.utils.translation import gettext_lazy as _

ACTIONS = {
    "sme.registered": _("SME registered"),
    "sme.updated": _("SME profile changed"),
    "buyer.registered": _("Buyer registered"),
    "buyer.updated": _("Buyer profile changed"),
    "member.invited": _("Colleague invited"),
}
