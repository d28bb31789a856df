"""The schedule in the admin: a pavilion's grid of meetings by exhibitor and slot, running the
scheduler, publishing (confirmed), and the CSV and calendar exports."""

from datetime import date

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse, HttpResponseRedirect, JsonResponse, QueryDict
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from companies.models import SME, ForeignBuyer
from events.admin_confirm import confirmation_page
from events.models import Interpreter
from events.organisers import pavilions_organised_by
from meetings.selectors.conflicts import availability_conflicts
from meetings.selectors.grid import grid_page, meeting_placements, movable_meeting, schedule_slots
from meetings.selectors.meetings import meeting_counts
from meetings.services.placement import meeting_move
from meetings.services.publication import schedule_publish
from meetings.services.runs import scheduling_run_request

from .. import exports
from ..models import SCHEDULABLE_STATUSES, Meeting, MeetingStatus
from .publication import emailed_text, publication_preview, published_text

#: An id no row has, standing in for each row's id in a link reversed once.
_ID = 987654321


def _link_parts(name: str, *args) -> tuple[str, str]:
    """The parts of a link before and after its last argument, an id: the template writes
    ``{{ link.0 }}{{ id }}{{ link.1 }}`` instead of reversing the URL for every row."""
    before, after = reverse(name, args=[*args, _ID]).split(str(_ID))
    return before, after


class ScheduleViews:
    """The schedule pages of ``MeetingAdmin`` (its ``get_urls`` routes them)."""

    def _pavilion(self, request, pavilion_id):
        if not self.has_view_permission(request):
            raise PermissionDenied
        return get_object_or_404(
            pavilions_organised_by(request.user).select_related("fair"), pk=pavilion_id
        )

    def schedule_view(self, request, pavilion_id):
        """The grid: one row per exhibitor, one column per slot, a day and a page of exhibitors
        at a time, in fair time; ``?meeting=`` picks a meeting and marks where it can go."""
        pavilion = self._pavilion(request, pavilion_id)
        if request.method == "POST":
            if request.POST.get("action") == "move":
                return self._grid_move(request, pavilion)
            if self.has_change_permission(request):
                return self._schedule_action(request, pavilion)
        fair = pavilion.fair
        picked = None
        if request.GET.get("meeting"):
            picked = movable_meeting(pavilion, _number(request.GET["meeting"]))
            if picked is None:
                raise Http404
        grid = grid_page(
            pavilion,
            day=_day(request.GET.get("day")),
            page=request.GET.get("page"),
            meeting=picked,
        )
        waiting = Meeting.objects.filter(
            pavilion=pavilion, status=MeetingStatus.ACCEPTED
        ).select_related("sme", "buyer")
        # The buyers who meet this page's exhibitors (a whole fair has thousands).
        buyers = (
            ForeignBuyer.objects.filter(
                meetings__pavilion=pavilion,
                meetings__status__in=exports.CALENDAR_STATUSES,
                meetings__sme_id__in=[registration.sme_id for registration, _cells in grid.rows],
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
            "day_links": [
                (day, grid.free_by_day.get(day), _grid_query(day=day, meeting=picked))
                for day in grid.days
            ],
            "page_links": [
                (number, _grid_query(day=grid.day, page=number, meeting=picked))
                for number in grid.page.paginator.page_range
            ],
            "here": _grid_query(day=grid.day, page=grid.page.number),
            "free_count": sum(p.free for p in grid.placements.values()),
            "waiting": waiting,
            "buyers": buyers,
            # Links of every row, reversed once (a page has thousands of them).
            "meeting_link": _link_parts("admin:meetings_meeting_change"),
            "sme_ics_link": _link_parts("admin:meetings_schedule_ics", pavilion.pk, "sme"),
            "buyer_ics_link": _link_parts("admin:meetings_schedule_ics", pavilion.pk, "buyer"),
            "conflicts": availability_conflicts(pavilion),
            "counts": [
                (MeetingStatus(status).label, count)
                for status, count in meeting_counts(pavilion).items()
            ],
            "last_run": last_run,
            "last_run_progress": last_run.progress_text() if last_run else "",
            "opts": self.model._meta,
            "can_change": self.has_change_permission(request),
            "movable_statuses": SCHEDULABLE_STATUSES,
        }
        return TemplateResponse(request, "admin/meetings/schedule.html", context)

    def _grid_move(self, request, pavilion):
        """The grid's "place here" (a form, a drop or a click): through ``meeting_move``, refused
        with its own sentences; back to the grid's day and page either way."""
        if not self.has_change_permission(request):
            raise PermissionDenied
        meeting = get_object_or_404(
            Meeting.objects.select_related("pavilion__fair", "sme", "buyer"),
            pavilion=pavilion,
            pk=_number(request.POST.get("meeting")),
        )
        slot = get_object_or_404(pavilion.slots, pk=_number(request.POST.get("slot")))
        if request.POST.get("interpreter"):
            interpreter = get_object_or_404(
                Interpreter, pavilion=pavilion, pk=_number(request.POST["interpreter"])
            )
        else:
            # A drop names no interpreter: the one the grid offers for that slot, if any.
            (placement,) = meeting_placements(meeting=meeting, slots=[slot])
            interpreter = placement.interpreter
        back = request.POST.get("back") or ""
        try:
            meeting = meeting_move(
                meeting=meeting, slot=slot, interpreter=interpreter, by=request.user
            )
        except ValidationError as error:
            self.message_user(request, " ".join(error.messages), messages.ERROR)
            return HttpResponseRedirect(f"{request.path}{back}")
        self.message_user(
            request,
            _("%(meeting)s is now at %(slot)s.")
            % {"meeting": meeting, "slot": pavilion.fair.local_text(slot.starts_at)},
            messages.SUCCESS,
        )
        day = pavilion.fair.local(slot.starts_at).date()
        return HttpResponseRedirect(f"{request.path}{_grid_query(day=day, page=_page_of(back))}")

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

    def placements_view(self, request, pavilion_id, meeting_id):
        """Where a meeting can go, as JSON for the grid's script: every slot (or a day's, with
        ``?day=``), free or with the sentences a move there would be refused with."""
        pavilion = self._pavilion(request, pavilion_id)
        meeting = movable_meeting(pavilion, meeting_id)
        if meeting is None:
            raise Http404
        _all, by_day = schedule_slots(pavilion)
        day = _day(request.GET.get("day"))
        slots = by_day.get(day, []) if day else _all
        fair = pavilion.fair
        return JsonResponse(
            {
                "meeting": meeting.pk,
                "sme": meeting.sme_id,
                "slots": [
                    {
                        "slot": placement.slot.pk,
                        "starts_at": fair.local(placement.slot.starts_at).isoformat(),
                        "label": fair.local_text(placement.slot.starts_at),
                        "free": placement.free,
                        "current": placement.current,
                        "interpreter": (
                            {"id": placement.interpreter.pk, "name": placement.interpreter.name}
                            if placement.interpreter
                            else None
                        ),
                        "problems": placement.problems,
                    }
                    for placement in meeting_placements(meeting=meeting, slots=slots)
                ],
            }
        )

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


def _number(value) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def _day(value) -> date | None:
    try:
        return date.fromisoformat(value) if value else None
    except ValueError:
        return None


def _page_of(query: str) -> str | None:
    return QueryDict(query.lstrip("?")).get("page")


def _grid_query(*, day=None, page=None, meeting=None) -> str:
    """The grid's query string for a day, a page of exhibitors and a picked meeting."""
    query = QueryDict(mutable=True)
    if day:
        query["day"] = day.isoformat()
    if page:
        query["page"] = str(page)
    if meeting is not None:
        query["meeting"] = str(meeting.pk)
    return f"?{query.urlencode()}" if query else ""
