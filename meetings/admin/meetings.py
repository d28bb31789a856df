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
from companies.names import person_name
from core.admin_scoping import PavilionScopedAdmin, ScopedTabularInline
from events.admin_confirm import confirmation_page, confirmed_form
from events.models import Interpreter, MeetingSlot, Side
from events.organisers import pavilions_organised_by
from meetings import services

from .. import exports
from ..history import event_text
from ..models import OPEN_STATUSES, Meeting, MeetingEvent, MeetingStatus, ParticipantUnavailability
from .acting import ActingForForm, CancelReasonForm, accepted_text
from .publication import emailed_text, publication_preview, published_text


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
            self.fields["attendee"].label_from_instance = person_name

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
class MeetingAdmin(PavilionScopedAdmin):
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
    inlines = [MeetingEventInline]
    change_form_template = "admin/meetings/meeting_change_form.html"
    actions = [
        "accept_on_behalf",
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

    def change_view(self, request, object_id, form_url="", extra_context=None):
        meeting = self.get_object(request, object_id)
        can_cancel = bool(
            meeting is not None
            and meeting.status in OPEN_STATUSES
            and self.has_change_permission(request, meeting)
        )
        extra_context = {**(extra_context or {}), "can_cancel": can_cancel}
        return super().change_view(request, object_id, form_url, extra_context)

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
        """Apply ``action`` to each meeting; ``done_message(count)`` says what was done."""
        done = 0
        for meeting in queryset:
            try:
                action(meeting)
                done += 1
            except ValidationError as error:
                self.message_user(request, f"{meeting}: {' '.join(error.messages)}", messages.ERROR)
        if done:
            self.message_user(request, done_message(done), messages.SUCCESS)

    @admin.action(
        description=_("Accept the selected requests on the participants' behalf…"),
        permissions=["change"],
    )
    def accept_on_behalf(self, request, queryset):
        """The organiser says on whose behalf they accept, and the change is recorded so; a
        meeting is confirmed once both sides have accepted."""
        form = confirmed_form(request, ActingForForm)
        if form.is_bound and form.is_valid():
            acting_for = form.cleaned_data["acting_for"]
            confirmed = waiting = 0
            for meeting in queryset:
                try:
                    meeting = services.meeting_accept(
                        meeting=meeting, side=Side.ORGANISER, by=request.user, acting_for=acting_for
                    )
                except ValidationError as error:
                    self.message_user(
                        request, f"{meeting}: {' '.join(error.messages)}", messages.ERROR
                    )
                    continue
                if meeting.status == MeetingStatus.ACCEPTED:
                    confirmed += 1
                else:
                    waiting += 1
            for text in accepted_text(confirmed=confirmed, waiting=waiting, acting_for=acting_for):
                self.message_user(request, text, messages.SUCCESS)
            return None
        return confirmation_page(
            request,
            model_admin=self,
            title=_("Accept requests on the participants' behalf"),
            question=ngettext(
                "You accept %(count)d meeting request on behalf of participants. Choose on whose "
                "behalf: a meeting is confirmed once both sides have accepted it.",
                "You accept %(count)d meeting requests on behalf of participants. Choose on "
                "whose behalf: a meeting is confirmed once both sides have accepted it.",
                queryset.count(),
            )
            % {"count": queryset.count()},
            form=form,
            queryset=queryset,
            items=[self._request_line(meeting) for meeting in queryset],
            action="accept_on_behalf",
            confirm_label=_("Accept"),
        )

    @staticmethod
    def _request_line(meeting) -> str:
        accepted = [
            side
            for side, at in (
                (_("the exhibitor"), meeting.exhibitor_accepted_at),
                (_("the buyer"), meeting.buyer_accepted_at),
            )
            if at
        ]
        if meeting.status != MeetingStatus.REQUESTED:
            return _("%(meeting)s: %(status)s, nothing to accept") % {
                "meeting": meeting,
                "status": meeting.get_status_display().lower(),
            }
        if accepted:
            return _("%(meeting)s: already accepted by %(side)s") % {
                "meeting": meeting,
                "side": accepted[0],
            }
        return _("%(meeting)s: accepted by neither side yet") % {"meeting": meeting}

    @admin.action(description=_("Cancel the selected meetings…"), permissions=["change"])
    def cancel(self, request, queryset):
        """Cancelling cannot be undone: a confirmation page lists the meetings and takes the
        reason, which a published meeting must have (the other side's email gives it)."""
        published = queryset.filter(published_at__isnull=False).count()
        form = confirmed_form(request, CancelReasonForm, published=published)
        if form.is_bound and form.is_valid():
            reason = form.cleaned_data["reason"]
            self._each(
                request,
                queryset,
                lambda m: services.meeting_cancel(
                    meeting=m, side=Side.ORGANISER, by=request.user, note=reason
                ),
                lambda n: (
                    ngettext("%(count)d meeting cancelled.", "%(count)d meetings cancelled.", n)
                    % {"count": n}
                ),
            )
            return None
        return self._cancel_page(request, queryset, form, published, action="cancel")

    def _cancel_page(self, request, queryset, form, published, **kwargs):
        notes = []
        if published:
            notes.append(
                ngettext(
                    "%(count)d of these meetings is in the published schedule: both sides are "
                    "emailed, and the other side is told your reason.",
                    "%(count)d of these meetings are in the published schedule: both sides are "
                    "emailed, and the other side is told your reason.",
                    published,
                )
                % {"count": published}
            )
        return confirmation_page(
            request,
            model_admin=self,
            title=_("Cancel meetings"),
            question=ngettext(
                "Cancel %(count)d meeting? A cancelled meeting cannot be restored; its slot and "
                "interpreter are freed.",
                "Cancel %(count)d meetings? A cancelled meeting cannot be restored; their slots "
                "and interpreters are freed.",
                queryset.count(),
            )
            % {"count": queryset.count()},
            form=form,
            queryset=queryset,
            items=[self._meeting_line(meeting) for meeting in queryset],
            notes=notes,
            confirm_label=_("Cancel the meetings"),
            danger=True,
            **kwargs,
        )

    @staticmethod
    def _meeting_line(meeting) -> str:
        if meeting.slot_id:
            return _("%(meeting)s, %(slot)s") % {"meeting": meeting, "slot": meeting.slot}
        return str(meeting)

    def cancel_view(self, request, object_id):
        """The meeting page's "Cancel this meeting": the same confirmation, for one meeting."""
        meeting = self.get_object(request, object_id)
        if meeting is None or not self.has_change_permission(request, meeting):
            raise PermissionDenied
        queryset = self.get_queryset(request).filter(pk=meeting.pk)
        change_url = reverse("admin:meetings_meeting_change", args=[meeting.pk])
        published = int(bool(meeting.published_at))
        form = confirmed_form(request, CancelReasonForm, published=published)
        if form.is_bound and form.is_valid():
            try:
                services.meeting_cancel(
                    meeting=meeting,
                    side=Side.ORGANISER,
                    by=request.user,
                    note=form.cleaned_data["reason"],
                )
            except ValidationError as error:
                self.message_user(request, " ".join(error.messages), messages.ERROR)
            else:
                self.message_user(
                    request, _("The meeting %(meeting)s is cancelled.") % {"meeting": meeting}
                )
            return HttpResponseRedirect(change_url)
        return self._cancel_page(
            request,
            queryset,
            form,
            published,
            breadcrumbs=[
                (reverse("admin:meetings_meeting_changelist"), self.opts.verbose_name_plural),
                (change_url, str(meeting)),
            ],
            back_url=change_url,
        )

    @admin.action(description=_("Lock in their slots"), permissions=["change"])
    def lock(self, request, queryset):
        self._each(
            request,
            queryset,
            lambda m: services.meeting_lock(meeting=m, locked=True, by=request.user),
            lambda n: (
                ngettext("%(count)d meeting locked.", "%(count)d meetings locked.", n)
                % {"count": n}
            ),
        )

    @admin.action(description=_("Unlock"), permissions=["change"])
    def unlock(self, request, queryset):
        self._each(
            request,
            queryset,
            lambda m: services.meeting_lock(meeting=m, locked=False, by=request.user),
            lambda n: (
                ngettext("%(count)d meeting unlocked.", "%(count)d meetings unlocked.", n)
                % {"count": n}
            ),
        )

    @admin.action(description=_("Take out of the slot"), permissions=["change"])
    def unschedule(self, request, queryset):
        self._each(
            request,
            queryset,
            lambda m: services.meeting_unschedule(meeting=m, by=request.user),
            lambda n: (
                ngettext(
                    "%(count)d meeting taken out of its slot.",
                    "%(count)d meetings taken out of their slots.",
                    n,
                )
                % {"count": n}
            ),
        )

    @admin.action(description=_("Mark as held"), permissions=["change"])
    def mark_held(self, request, queryset):
        self._each(
            request,
            queryset,
            lambda m: services.meeting_record_attendance(meeting=m, held=True, by=request.user),
            lambda n: (
                ngettext(
                    "%(count)d meeting marked as held.", "%(count)d meetings marked as held.", n
                )
                % {"count": n}
            ),
        )

    @admin.action(description=_("Mark as no-show"), permissions=["change"])
    def mark_no_show(self, request, queryset):
        self._each(
            request,
            queryset,
            lambda m: services.meeting_record_attendance(meeting=m, held=False, by=request.user),
            lambda n: (
                ngettext(
                    "%(count)d meeting marked as a no-show.",
                    "%(count)d meetings marked as no-shows.",
                    n,
                )
                % {"count": n}
            ),
        )

    def get_urls(self):
        view = self.admin_site.admin_view
        return [
            path(
                "schedule/<int:pavilion_id>/", view(self.schedule_view), name="meetings_schedule"
            ),
            path(
                "schedule/<int:pavilion_id>/publish/",
                view(self.publish_view),
                name="meetings_schedule_publish",
            ),
            path(
                "schedule/<int:pavilion_id>/csv/",
                view(self.schedule_csv_view),
                name="meetings_schedule_csv",
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
        last_run = pavilion.scheduling_runs.first()
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
            "last_run": last_run,
            "last_run_progress": last_run.progress_text() if last_run else "",
            "opts": self.model._meta,
            "can_change": self.has_change_permission(request),
        }
        return TemplateResponse(request, "admin/meetings/schedule.html", context)

    def _schedule_action(self, request, pavilion):
        action = request.POST.get("action")
        try:
            if action == "run":
                run = services.scheduling_run_request(pavilion=pavilion, requested_by=request.user)
                url = reverse("admin:meetings_schedulingrun_change", args=[run.pk])
                return HttpResponseRedirect(url)
            if action == "publish":
                # Publishing cannot be undone: it first says what it will do.
                return HttpResponseRedirect(
                    reverse("admin:meetings_schedule_publish", args=[pavilion.pk])
                )
        except ValidationError as error:
            self.message_user(request, " ".join(error.messages), messages.ERROR)
        return HttpResponseRedirect(request.path)

    def publish_view(self, request, pavilion_id):
        """Publishing, confirmed: how many meetings become fixed and who is emailed."""
        pavilion = self._pavilion(request, pavilion_id)
        if not self.has_change_permission(request):
            raise PermissionDenied
        schedule_url = reverse("admin:meetings_schedule", args=[pavilion.pk])
        preview = publication_preview(pavilion)
        if request.method == "POST" and request.POST.get("post") == "yes":
            try:
                count = services.schedule_publish(pavilion=pavilion, by=request.user)
            except ValidationError as error:
                self.message_user(request, " ".join(error.messages), messages.ERROR)
            else:
                self.message_user(request, published_text(count, preview), messages.SUCCESS)
            return HttpResponseRedirect(schedule_url)
        emailed = preview["exhibitors"] + preview["buyers"]
        return confirmation_page(
            request,
            model_admin=self,
            title=_("Publish the schedule"),
            question=ngettext(
                "Publish %(count)d meeting? Published meetings are fixed: later scheduling runs "
                "never move them.",
                "Publish %(count)d meetings? Published meetings are fixed: later scheduling "
                "runs never move them.",
                preview["meetings"],
            )
            % {"count": preview["meetings"]},
            items=emailed,
            items_title=_("Emailed their schedule"),
            notes=[emailed_text(preview)],
            confirm_label=_("Publish the schedule"),
            breadcrumbs=[
                (reverse("admin:events_pavilion_change", args=[pavilion.pk]), str(pavilion)),
                (schedule_url, _("Schedule")),
            ],
            back_url=schedule_url,
        )

    def schedule_csv_view(self, request, pavilion_id):
        pavilion = self._pavilion(request, pavilion_id)
        response = HttpResponse(
            exports.schedule_csv(pavilion), content_type=exports.CSV_CONTENT_TYPE
        )
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
            url = reverse("admin:meetings_meeting_change", args=[meeting.pk])
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
