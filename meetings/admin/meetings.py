"""Meetings in the admin: the list, a meeting's page (moves, locks, attendee) and its history.

Every change goes through the services, so a move that breaks a rule is refused with the rule
named, exactly as it would be anywhere else; a deletion (platform administrators only) too, so it
is recorded in the audit log. The list's actions are ``meeting_actions``; the schedule pages,
which this admin routes, are ``schedule``.
"""

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.urls import path
from django.utils.translation import gettext_lazy as _

from companies.names import person_name
from core.admin_scoping import PavilionScopedAdmin, ScopedTabularInline
from core.admin_writes import WritesThroughServices
from events.models import Interpreter, MeetingSlot
from meetings.selectors.conflicts import placement_violations
from meetings.selectors.meetings import exhibitor_team, office_staff
from meetings.services.attendance import meeting_set_attendee
from meetings.services.decisions import meeting_delete
from meetings.services.placement import meeting_lock, meeting_move
from meetings.services.proxy import meeting_set_proxy_attendee

from ..history import event_text
from ..models import OPEN_STATUSES, Meeting, MeetingEvent, MeetingStatus
from .create import CreateMeetingViews
from .declines import DeclineActions
from .meeting_actions import MeetingActions
from .outcomes import FollowUpRequestInline, MeetingOutcomeInline, OutcomeViews
from .replacements import replacement_urls
from .results import ResultsViews
from .schedule import ScheduleViews


class MeetingEventInline(ScopedTabularInline):
    """The meeting's history, each change worded from its codes in the reader's language."""

    model = MeetingEvent
    extra = 0
    can_delete = False
    fields = ["when", "actor_name", "what", "note"]
    readonly_fields = fields

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("meeting__pavilion__fair", "actor")

    def has_add_permission(self, request, obj=None):
        return False

    @admin.display(description=_("when (fair time)"))
    def when(self, event):
        return event.meeting.pavilion.fair.local_text(event.at)

    @admin.display(description=_("who"))
    def actor_name(self, event):
        # A change the platform made itself (an expiry, a scheduling run) has nobody's name.
        return person_name(event.actor) or self.get_empty_value_display()

    @admin.display(description=_("what happened"))
    def what(self, event):
        return event_text(event)


class MeetingForm(forms.ModelForm):
    """An organiser's move, lock or attendee change, checked by the services before saving."""

    class Meta:
        model = Meeting
        fields = ["slot", "interpreter", "attendee", "proxy_attendee", "locked"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        meeting = self.instance
        if meeting.pk:
            self.fields["slot"].queryset = MeetingSlot.objects.filter(
                pavilion=meeting.pavilion
            ).select_related("pavilion__fair")
            self.fields["interpreter"].queryset = Interpreter.objects.filter(
                pavilion=meeting.pavilion
            )
            self.fields["attendee"].queryset = exhibitor_team(meeting.sme)
            self.fields["attendee"].label_from_instance = person_name
            self.fields["proxy_attendee"].queryset = office_staff(meeting.pavilion)
            self.fields["proxy_attendee"].label_from_instance = person_name

    def clean(self):
        cleaned = super().clean()
        meeting = self.instance
        if {"slot", "interpreter"} & set(self.changed_data) and cleaned.get("slot"):
            problems = placement_violations(
                meeting=meeting, slot=cleaned["slot"], interpreter=cleaned.get("interpreter")
            )
            for problem in problems:
                self.add_error("slot", problem)
        if cleaned.get("attendee") and cleaned.get("proxy_attendee"):
            self.add_error(
                "proxy_attendee",
                _(
                    "One person attends for the exhibitor: clear the attendee from its team, or "
                    "leave this empty."
                ),
            )
        if "slot" in self.changed_data and not cleaned.get("slot"):
            self.add_error("slot", _("Use the action “Take out of the slot” to unschedule."))
        return cleaned


@admin.register(Meeting)
class MeetingAdmin(
    WritesThroughServices,
    CreateMeetingViews,
    DeclineActions,
    MeetingActions,
    OutcomeViews,
    ScheduleViews,
    ResultsViews,
    PavilionScopedAdmin,
):
    form = MeetingForm
    list_display = [
        "sme",
        "buyer",
        "status",
        "slot_in_fair_time",
        "interpreter",
        "at_table",
        "locked",
        "is_published",
        "score",
    ]
    list_filter = ["status", "pavilion", "locked", "at_table", "requested_by_side"]
    search_fields = ["sme__name_en", "sme__name_ja", "buyer__name"]
    list_select_related = ["sme", "buyer", "slot", "interpreter", "pavilion__fair"]
    readonly_fields = [
        "pavilion",
        "sme",
        "buyer",
        "status",
        "requested_by_side",
        "message",
        "score",
        "interpreter_languages",
        "at_table",
        "exhibitor_accepted_at",
        "buyer_accepted_at",
        "expires_at",
        "published_at",
        "cancel_reason",
        "proposal",
    ]
    inlines = [MeetingOutcomeInline, FollowUpRequestInline, MeetingEventInline]
    change_form_template = "admin/meetings/meeting_change_form.html"
    actions = [
        "accept_on_behalf",
        "decline_on_behalf",
        "cancel",
        "lock",
        "unlock",
        "unschedule",
        "mark_held",
        "mark_exhibitor_absent",
        "mark_buyer_absent",
        "mark_both_absent",
    ]

    def fair_of(self, meeting):
        return meeting.pavilion.fair

    def has_add_permission(self, request):
        return False

    def change_view(self, request, object_id, form_url="", extra_context=None):
        meeting = self.get_object(request, object_id)
        can_cancel = bool(
            meeting is not None
            and meeting.status in OPEN_STATUSES
            and self.has_change_permission(request, meeting)
        )
        can_record_outcome = bool(
            meeting is not None
            and meeting.status == MeetingStatus.HELD
            and self.has_change_permission(request, meeting)
        )
        extra_context = {
            **(extra_context or {}),
            "can_cancel": can_cancel,
            "can_record_outcome": can_record_outcome,
        }
        return super().change_view(request, object_id, form_url, extra_context)

    def get_fields(self, request, obj=None):
        return [
            *self.readonly_fields[:5],
            "slot",
            "interpreter",
            "attendee",
            "proxy_attendee",
            "locked",
            *self.readonly_fields[5:],
        ]

    @admin.display(description=_("slot (fair time)"), ordering="slot__starts_at")
    def slot_in_fair_time(self, meeting):
        return meeting.pavilion.fair.local_text(meeting.slot.starts_at) if meeting.slot else ""

    @admin.display(description=_("published"), boolean=True)
    def is_published(self, meeting):
        return bool(meeting.published_at)

    def save_through(self, request, obj, form, change):
        try:
            if {"slot", "interpreter"} & set(form.changed_data):
                meeting_move(
                    meeting=obj, slot=obj.slot, interpreter=obj.interpreter, by=request.user
                )
            # One person attends for the exhibitor: whoever is cleared goes first.
            people = [
                (name, setter)
                for name, setter in (
                    ("attendee", meeting_set_attendee),
                    ("proxy_attendee", meeting_set_proxy_attendee),
                )
                if name in form.changed_data
            ]
            for name, setter in sorted(people, key=lambda item: getattr(obj, item[0]) is not None):
                setter(meeting=obj, by=request.user, **{name: getattr(obj, name)})
            if "locked" in form.changed_data:
                meeting_lock(meeting=obj, locked=obj.locked, by=request.user)
        except ValidationError as error:
            # Lost a race with another change after the form was checked: nothing was saved.
            self.message_user(request, " ".join(error.messages), messages.ERROR)

    def delete_through(self, request, obj):
        meeting_delete(meeting=obj, by=request.user)

    def get_urls(self):
        view = self.admin_site.admin_view
        return [
            path("create/", view(self.create_view), name="meetings_meeting_create"),
            path("schedule/<int:pavilion_id>/", view(self.schedule_view), name="meetings_schedule"),
            path(
                "schedule/<int:pavilion_id>/publish/",
                view(self.publish_view),
                name="meetings_schedule_publish",
            ),
            path(
                "schedule/<int:pavilion_id>/placements/<int:meeting_id>/",
                view(self.placements_view),
                name="meetings_schedule_placements",
            ),
            path(
                "schedule/<int:pavilion_id>/csv/",
                view(self.schedule_csv_view),
                name="meetings_schedule_csv",
            ),
            path("results/<int:pavilion_id>/", view(self.results_view), name="meetings_results"),
            path(
                "results/<int:pavilion_id>/meetings.csv",
                view(self.results_meetings_csv_view),
                name="meetings_results_meetings_csv",
            ),
            path(
                "results/<int:pavilion_id>/exhibitors.csv",
                view(self.results_exhibitors_csv_view),
                name="meetings_results_exhibitors_csv",
            ),
            path(
                "<path:object_id>/outcome/",
                view(self.outcome_view),
                name="meetings_meeting_outcome",
            ),
            path(
                "<path:object_id>/cancel/",
                view(self.cancel_view),
                name="meetings_meeting_cancel",
            ),
            path(
                "schedule/<int:pavilion_id>/<str:kind>/<int:party_id>.ics",
                view(self.calendar_view),
                name="meetings_schedule_ics",
            ),
            *replacement_urls(self),
            *super().get_urls(),
        ]
