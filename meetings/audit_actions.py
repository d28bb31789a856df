"""The audit log's actions on meetings and the schedule (see ``core.audit``): code -> label."""

from django.utils.translation import gettext_lazy as _

ACTIONS = {
    "meeting.requested": _("Meeting requested"),
    "meeting.accepted": _("Meeting accepted"),
    "meeting.declined": _("Meeting declined"),
    "meeting.cancelled": _("Meeting cancelled"),
    "meeting.attendee_named": _("Meeting attendee named"),
    "meeting.proxy_attendee_named": _("Proxy attendee named for an absent exhibitor"),
    "meeting.attendance_recorded": _("Meeting marked held or missed"),
    "meeting.checked_in": _("Arrival at a meeting checked in"),
    "meeting.moved": _("Meeting moved"),
    "meeting.unscheduled": _("Meeting taken out of its slot"),
    "meeting.locked": _("Meeting locked in its slot"),
    "meeting.unlocked": _("Meeting unlocked"),
    "meeting.deleted": _("Meeting deleted"),
    "outcome.recorded": _("Meeting outcome recorded"),
    "pavilion.schedule.published": _("Schedule published"),
    "scheduling.run.requested": _("Scheduling run requested"),
    "scheduling.run.deleted": _("Scheduling run deleted"),
    "unavailability.added": _("Unavailability added"),
    "unavailability.changed": _("Unavailability changed"),
    "unavailability.deleted": _("Unavailability deleted"),
}
