"""The audit log's actions on pavilions (see ``core.audit``): code -> label."""

from django.utils.translation import gettext_lazy as _

ACTIONS = {
    "organising_office.added": _("Organising office added"),
    "organising_office.changed": _("Organising office changed"),
    "organising_office.deleted": _("Organising office deleted"),
    "trade_fair.added": _("Trade fair added"),
    "trade_fair.changed": _("Trade fair changed"),
    "trade_fair.deleted": _("Trade fair deleted"),
    "pavilion.added": _("Pavilion added"),
    "pavilion.changed": _("Pavilion settings changed"),
    "pavilion.deleted": _("Pavilion deleted"),
    "pavilion.timetable_break.added": _("Timetable break added"),
    "pavilion.timetable_break.changed": _("Timetable break changed"),
    "pavilion.timetable_break.deleted": _("Timetable break deleted"),
    "registration.applied": _("Application submitted"),
    "registration.decided": _("Application decided"),
    "registration.booth_assigned": _("Booth assigned"),
    "registration.deleted": _("Application deleted"),
    "buyer_registration.registered": _("Buyer registered for the pavilion"),
    "buyer_registration.updated": _("Buyer's days or needs changed"),
    "buyer_registration.added": _("Buyer registration added by an organiser"),
    "buyer_registration.changed": _("Buyer registration changed by an organiser"),
    "buyer_registration.deleted": _("Buyer registration deleted"),
    "pavilion.slots.generated": _("Meeting slots generated"),
    "slot.added": _("Meeting slot added"),
    "slot.changed": _("Meeting slot changed"),
    "slot.deleted": _("Meeting slot deleted"),
    "interpreter.added": _("Interpreter added"),
    "interpreter.changed": _("Interpreter changed"),
    "interpreter.deleted": _("Interpreter deleted"),
}
