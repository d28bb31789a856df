"""The schedule in the admin: a pavilion's grid of meetings by exhibitor and slot, running the
scheduler, publishing (confirmed), and the CSV and calendar exports."""

from collections import defaultdict

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from companies.models import SME, ForeignBuyer
from events.admin_confirm import confirmation_page
from events.organisers import pavilions_organised_by
from meetings.selectors.conflicts import availability_conflicts
from meetings.selectors.meetings import meeting_counts
from meetings.services.publication import schedule_publish
from meetings.services.runs import scheduling_run_request

from .. import exports
from ..models import Meeting, MeetingStatus
from .publication import emailed_text, publication_preview, published_text


class ScheduleViews:
    """The schedule pages of ``MeetingAdmin`` (its ``get_urls`` routes them)."""

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
            "conflicts": availability_conflicts(pavilion),
            "counts": [
                (MeetingStatus(status).label, count)
                for status, count in meeting_counts(pavilion).items()
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
                run = scheduling_run_request(pavilion=pavilion, requested_by=request.user)
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
                count = schedule_publish(pavilion=pavilion, by=request.user)
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
