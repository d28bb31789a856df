"""The audit log's actions on companies (see ``core.audit``): code -> label."""

from django.utils.translation import gettext_lazy as _

ACTIONS = {
    "sme.registered": _("SME registered"),
    "sme.updated": _("SME profile changed"),
    "buyer.registered": _("Buyer registered"),
    "buyer.updated": _("Buyer profile changed"),
    "sme.deleted": _("SME deleted"),
    "buyer.deleted": _("Buyer deleted"),
    "member.invited": _("Colleague invited"),
    "member.created": _("Member added to a company"),
    "member.changed": _("Membership changed"),
    "member.deleted": _("Member removed from a company"),
    "member.language_changed": _("Email language changed"),
    "account.created": _("Account created"),
    "account.changed": _("Account changed"),
    "account.deleted": _("Account deleted"),
    "account.password_changed": _("Password changed"),
    "account.token.created": _("API token created"),
    "account.token.changed": _("API token given to another account"),
    "account.token.deleted": _("API token deleted"),
    # Reference data, which only platform administrators edit.
    "sector.created": _("Sector added"),
    "sector.changed": _("Sector changed"),
    "sector.deleted": _("Sector deleted"),
    "market.created": _("Market added"),
    "market.changed": _("Market changed"),
    "market.deleted": _("Market deleted"),
    "language.created": _("Language added"),
    "language.changed": _("Language changed"),
    "language.deleted": _("Language deleted"),
    "certification.created": _("Certification added"),
    "certification.changed": _("Certification changed"),
    "certification.deleted": _("Certification deleted"),
}
