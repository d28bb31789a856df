"""The audit log's actions on pavilions (see ``core.audit``): code -> label."""

from django.utils.translation import gettext_lazy as _

ACTIONS = {
    "registration.applied": _("Application submitted"),
    "registration.decided": _("Application decided"),
    "registration.booth_assigned": _("Booth assigned"),
    "buyer_registration.registered": _("Buyer registered for the pavilion"),
    "buyer_registration.updated": _("Buyer's days or needs changed"),
    "pavilion.slots.generated": _("Meeting slots generated"),
    "interpreter.added": _("Interpreter added"),
    "interpreter.changed": _("Interpreter changed"),
    "interpreter.deleted": _("Interpreter deleted"),
}
