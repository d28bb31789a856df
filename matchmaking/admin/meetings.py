"""Meetings in the admin: the list, moves and locks, the schedule grid, runs, publication, exports.

Every change goes through the services, so a move that breaks a rule is refused with the rule
named, exactly as it would be anywhere else.
"""

from collections import defaultdict

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from companies.models import SME, ForeignBuyer
from events.admin_scoping import FairTimeZoneAdmin, PavilionScopedAdmin
from events.models import Interpreter, MeetingSlot
from events.organisers import pavilions_organised_by

from .. import exports, services
from ..models import Meeting, MeetingEvent, MeetingStatus, ParticipantUnavailability, Side


class MeetingEventInline(admin.TabularInline):
    model = MeetingEvent
    extra = 0
    can_delete = False
    fields = ["at", "actor", "side", "action", "from_status", "to_status", "note"]
    readonly_fields = fields

    def has_add_permission(self, request, obj=None):
        return False


class MeetingForm(forms.ModelForm):
    """An organiser's move, lock or attendee change, checked by the services before saving."""

    class Meta:
        model = Meeting
        fields = ["slot", "interpreter", "attendee", "locked"]

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
            self.fields["attendee"].queryset = services.meetings.exhibitor_team(meeting.sme)

    def clean(self):
        cleaned = super().clean()
        meeting = self.instance
        if {"slot", "interpreter"} & set(self.changed_data) and cleaned.get("slot"):
            problems = services.placement_violations(
                meeting=meeting, slot=cleaned["slot"], interpreter=cleaned.get("interpreter")
            )
            for problem in problems:
                self.add_error("slot", problem)
        if "slot" in self.changed_data and not cleaned.get("slot"):
            self.add_error("slot", _("Use the action “Take out of the slot” to unschedule."))
        return cleaned


@admin.register(Meeting)
class MeetingAdmin(FairTimeZoneAdmin, PavilionScopedAdmin):
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
        "proposal",
    ]
    inlines = [MeetingEventInline]
    actions = [
        "confirm_for_both",
        "cancel",
        "lock",
        "unlock",
        "unschedule",
        "mark_held",
        "mark_no_show",
    ]

    def fair_of(self, meeting):
        return meeting.pavilion.fair

    def has_add_permission(self, request):
        return False

    def get_fields(self, request, obj=None):
        return [
            *self.readonly_fields[:5],
            "slot",
            "interpreter",
            "attendee",
            "locked",
            *self.readonly_fields[5:],
        ]

    @admin.display(description=_("slot (fair time)"), ordering="slot__starts_at")
    def slot_in_fair_time(self, meeting):
        return meeting.pavilion.fair.local_text(meeting.slot.starts_at) if meeting.slot else ""

    @admin.display(description=_("published"), boolean=True)
    def is_published(self, meeting):
        return bool(meeting.published_at)

    def save_model(self, request, obj, form, change):
        try:
            if {"slot", "interpreter"} & set(form.changed_data):
                services.meeting_move(
                    meeting=obj, slot=obj.slot, interpreter=obj.interpreter, by=request.user
                )
            if "attendee" in form.changed_data:
                services.meeting_set_attendee(meeting=obj, attendee=obj.attendee, by=request.user)
            if "locked" in form.changed_data:
                services.meeting_lock(meeting=obj, locked=obj.locked, by=request.user)
        except ValidationError as error:
            # Lost a race with another change after the form was checked: nothing was saved.
            self.message_user(request, " ".join(error.messages), messages.ERROR)

    def _each(self, request, queryset, action, done_message):
        done = 0
        for meeting in queryset:
            try:
                action(meeting)
                done += 1
            except ValidationError as error:
                self.message_user(request, f"{meeting}: {' '.join(error.messages)}", messages.ERROR)
        if done:
            self.message_user(request, done_message % {"count": done}, messages.SUCCESS)

    @admin.action(description=_("Confirm for both sides"), permissions=["change"])
    def confirm_for_both(self, request, queryset):
        self._each(
            request,
            queryset,
            lambda m: services.meeting_accept(meeting=m, side=Side.ORGANISER, by=request.user),
            _("%(count)s meetings confirmed."),
        )

    @admin.action(description=_("Cancel the selected meetings"), permissions=["change"])
    def cancel(self, request, queryset):
        self._each(
            request,
            queryset,
            lambda m: services.meeting_cancel(meeting=m, side=Side.ORGANISER, by=request.user),
            _("%(count)s meetings cancelled."),
        )

    @admin.action(description=_("Lock in their slots"), permissions=["change"])
    def lock(self, request, queryset):
        self._each(
            request,
            queryset,
            lambda m: services.meeting_lock(meeting=m, locked=True, by=request.user),
            _("%(count)s meetings locked."),
        )

    @admin.action(description=_("Unlock"), permissions=["change"])
    def unlock(self, request, queryset):
        self._each(
            request,
            queryset,
            lambda m: services.meeting_lock(meeting=m, locked=False, by=request.user),
            _("%(count)s meetings unlocked."),
        )

    @admin.action(description=_("Take out of the slot"), permissions=["change"])
    def unschedule(self, request, queryset):
        self._each(
            request,
            queryset,
            lambda m: services.meeting_unschedule(meeting=m, by=request.user),
            _("%(count)s meetings taken out of their slots."),
        )

    @admin.action(description=_("Mark as held"), permissions=["change"])
    def mark_held(self, request, queryset):
        self._each(
            request,
            queryset,
            lambda m: services.meeting_record_attendance(meeting=m, held=True, by=request.user),
            _("%(count)s meetings marked as held."),
        )

    @admin.action(description=_("Mark as no-show"), permissions=["change"])
    def mark_no_show(self, request, queryset):
        self._each(
            request,
            queryset,
            lambda m: services.meeting_record_attendance(meeting=m, held=False, by=request.user),
            _("%(count)s meetings marked as no-shows."),
        )

    def get_urls(self):
        view = self.admin_site.admin_view
        return [
            path(
                "schedule/<int:pavilion_id>/", view(self.schedule_view), name="matchmaking_schedule"
            ),
            path(
                "schedule/<int:pavilion_id>/csv/",
                view(self.schedule_csv_view),
                name="matchmaking_schedule_csv",
            ),
            path(
                "schedule/<int:pavilion_id>/<str:kind>/<int:party_id>.ics",
                view(self.calendar_view),
                name="matchmaking_schedule_ics",
            ),
            *super().get_urls(),
        ]

    def _pavilion(self, request, pavilion_id):
        if not self.has_view_permission(request):
            raise PermissionDenied
        return get_object_or_404(
            pavilions_organised_by(request.user).select_related("fair"), pk=pavilion_id
        )

    def schedule_view(self, request, pavilion_id):
        """The grid: one row per exhibitor, one column per slot, day by day, in fair time."""
        pavilion = self._pavilion(request, pavilion_id)
        if request.method == "POST" and self.has_change_permission(request):
            return self._schedule_action(request, pavilion)
        fair = pavilion.fair
        slots = list(pavilion.slots.order_by("starts_at"))
        days = defaultdict(list)
        for slot in slots:
            days[fair.local(slot.starts_at).date()].append(slot)
        cells = {(m.sme_id, m.slot_id): m for m in exports.scheduled_meetings(pavilion)}
        exhibitors = list(
            pavilion.exhibitor_registrations.filter(status="accepted")
            .select_related("sme")
            .order_by("booth", "sme__name_en")
        )
        grid = [
            {
                "day": day,
                "slots": day_slots,
                "rows": [
                    (
                        registration,
                        [cells.get((registration.sme_id, slot.pk)) for slot in day_slots],
                    )
                    for registration in exhibitors
                ],
            }
            for day, day_slots in sorted(days.items())
        ]
        waiting = Meeting.objects.filter(
            pavilion=pavilion, status=MeetingStatus.ACCEPTED
        ).select_related("sme", "buyer")
        buyers = (
            ForeignBuyer.objects.filter(
                meetings__pavilion=pavilion, meetings__status__in=exports.CALENDAR_STATUSES
            )
            .distinct()
            .order_by("name")
        )
        context = {
            **self.admin_site.each_context(request),
            "title": _("Schedule: %(pavilion)s") % {"pavilion": pavilion},
            "pavilion": pavilion,
            "fair": fair,
            "grid": grid,
            "waiting": waiting,
            "buyers": buyers,
            "conflicts": services.availability_conflicts(pavilion),
            "counts": [
                (MeetingStatus(status).label, count)
                for status, count in services.scheduling.meeting_counts(pavilion).items()
            ],
            "last_run": pavilion.scheduling_runs.first(),
            "opts": self.model._meta,
            "can_change": self.has_change_permission(request),
        }
        return TemplateResponse(request, "admin/matchmaking/schedule.html", context)

    def _schedule_action(self, request, pavilion):
        action = request.POST.get("action")
        try:
            if action == "run":
                run = services.scheduling_run_request(pavilion=pavilion, requested_by=request.user)
                url = reverse("admin:matchmaking_schedulingrun_change", args=[run.pk])
                return HttpResponseRedirect(url)
            if action == "publish":
                count = services.schedule_publish(pavilion=pavilion, by=request.user)
                self.message_user(
                    request,
                    ngettext(
                        "%(count)d meeting published; both sides get their schedules by email.",
                        "%(count)d meetings published; both sides get their schedules by email.",
                        count,
                    )
                    % {"count": count},
                    messages.SUCCESS,
                )
        except ValidationError as error:
            self.message_user(request, " ".join(error.messages), messages.ERROR)
        return HttpResponseRedirect(request.path)

    def schedule_csv_view(self, request, pavilion_id):
        pavilion = self._pavilion(request, pavilion_id)
        response = HttpResponse(exports.schedule_csv(pavilion), content_type="text/csv")
        response["Content-Disposition"] = f'attachment; filename="schedule-{pavilion.pk}.csv"'
        return response

    def calendar_view(self, request, pavilion_id, kind, party_id):
        pavilion = self._pavilion(request, pavilion_id)
        if kind == "sme":
            party = get_object_or_404(SME, pk=party_id)
            meetings = exports.participant_meetings(pavilion, sme=party)
        elif kind == "buyer":
            party = get_object_or_404(ForeignBuyer, pk=party_id)
            meetings = exports.participant_meetings(pavilion, buyer=party)
        else:
            return HttpResponse(status=404)
        calendar = exports.participant_calendar(pavilion, meetings, viewer=kind)
        response = HttpResponse(calendar, content_type="text/calendar; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="meetings-{kind}-{party_id}.ics"'
        return response


class ParticipantUnavailabilityForm(forms.ModelForm):
    """Checks the mark with the service's own rules, so errors land on their fields."""

    class Meta:
        model = ParticipantUnavailability
        fields = ["pavilion", "sme", "buyer", "slot", "note"]

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("pavilion") and cleaned.get("slot"):
            try:
                services.participant_unavailability_check(
                    pavilion=cleaned["pavilion"],
                    slot=cleaned["slot"],
                    sme=cleaned.get("sme"),
                    buyer=cleaned.get("buyer"),
                    unavailability=self.instance if self.instance.pk else None,
                )
            except ValidationError as error:
                self._update_errors(error)
        return cleaned


@admin.register(ParticipantUnavailability)
class ParticipantUnavailabilityAdmin(PavilionScopedAdmin):
    form = ParticipantUnavailabilityForm
    list_display = ["slot", "sme", "buyer", "note", "pavilion"]
    list_filter = ["pavilion"]
    autocomplete_fields = ["sme", "buyer"]
    list_select_related = ["slot__pavilion__fair", "sme", "buyer", "pavilion"]

    def save_model(self, request, obj, form, change):
        saved = services.participant_unavailability_save(
            unavailability=obj if change else None,
            pavilion=obj.pavilion,
            slot=obj.slot,
            sme=obj.sme,
            buyer=obj.buyer,
            note=obj.note,
        )
        obj.__dict__.update(saved.__dict__)
        # Nothing is unbooked: the organiser is told what the change affects, and decides.
        for meeting, _why in services.unavailability_conflicts(unavailability=obj):
            url = reverse("admin:matchmaking_meeting_change", args=[meeting.pk])
            self.message_user(
                request,
                _(
                    "The meeting %(meeting)s is booked in this slot and stays there until you move "
                    "or cancel it: %(url)s"
                )
                % {"meeting": meeting, "url": url},
                messages.WARNING,
            )

    def delete_model(self, request, obj):
        services.participant_unavailability_delete(unavailability=obj)

    def delete_queryset(self, request, queryset):
        for unavailability in queryset:
            services.participant_unavailability_delete(unavailability=unavailability)
