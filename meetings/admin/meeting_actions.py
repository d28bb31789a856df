"""The meetings admin's actions: accepting on the participants' behalf, cancelling (confirmed,
with a reason), locking, taking out of slots, recording attendance.

Every change goes through the services, so a change that breaks a rule is refused with the rule
named, exactly as it would be anywhere else.
"""

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponseRedirect
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext, ngettext_lazy

from core.admin_writes import write_each
from events.admin_confirm import confirmation_page, confirmed_form
from events.models import Side
from meetings.services.attendance import meeting_record_attendance
from meetings.services.decisions import meeting_accept, meeting_cancel
from meetings.services.placement import meeting_lock, meeting_unschedule

from ..models import AbsentSide, MeetingStatus
from .acting import ActingForForm, CancelReasonForm, accepted_text

_NO_SHOWS_MARKED = ngettext_lazy(
    "%(count)d meeting marked as a no-show.", "%(count)d meetings marked as no-shows.", "count"
)


def _bulk_action(description, change, done):
    """An action that makes ``change(meeting, by)`` to each selected meeting; ``done`` (counted
    by ``count``) says how many were changed."""

    @admin.action(description=description, permissions=["change"])
    def act(model_admin, request, queryset):
        model_admin._each(request, queryset, lambda meeting: change(meeting, request.user), done)

    return act


class MeetingActions:
    """The meeting list's actions and the meeting page's "Cancel this meeting", for
    ``MeetingAdmin``: each change through a service, refusals named meeting by meeting."""

    def _each(self, request, queryset, change, done) -> None:
        """``change(meeting)`` for each meeting, refusals named one by one; ``done`` (counted by
        ``count``) says how many were changed."""
        count = len(write_each(self, request, queryset, change))
        if count:
            self.message_user(request, done % {"count": count}, messages.SUCCESS)

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
            accepted = write_each(
                self,
                request,
                queryset,
                lambda meeting: meeting_accept(
                    meeting=meeting, side=Side.ORGANISER, by=request.user, acting_for=acting_for
                ),
            )
            confirmed = sum(meeting.status == MeetingStatus.ACCEPTED for meeting in accepted)
            waiting = len(accepted) - confirmed
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
            reason, acting_for = form.cleaned_data["reason"], form.cleaned_data["acting_for"]
            self._each(
                request,
                queryset,
                lambda m: meeting_cancel(
                    meeting=m,
                    side=Side.ORGANISER,
                    by=request.user,
                    note=reason,
                    acting_for=acting_for,
                ),
                ngettext_lazy(
                    "%(count)d meeting cancelled.", "%(count)d meetings cancelled.", "count"
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
                meeting_cancel(
                    meeting=meeting,
                    side=Side.ORGANISER,
                    by=request.user,
                    note=form.cleaned_data["reason"],
                    acting_for=form.cleaned_data["acting_for"],
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

    lock = _bulk_action(
        _("Lock in their slots"),
        lambda meeting, by: meeting_lock(meeting=meeting, locked=True, by=by),
        ngettext_lazy("%(count)d meeting locked.", "%(count)d meetings locked.", "count"),
    )
    unlock = _bulk_action(
        _("Unlock"),
        lambda meeting, by: meeting_lock(meeting=meeting, locked=False, by=by),
        ngettext_lazy("%(count)d meeting unlocked.", "%(count)d meetings unlocked.", "count"),
    )
    unschedule = _bulk_action(
        _("Take out of the slot"),
        lambda meeting, by: meeting_unschedule(meeting=meeting, by=by),
        ngettext_lazy(
            "%(count)d meeting taken out of its slot.",
            "%(count)d meetings taken out of their slots.",
            "count",
        ),
    )
    mark_held = _bulk_action(
        _("Mark as held"),
        lambda meeting, by: meeting_record_attendance(meeting=meeting, held=True, by=by),
        ngettext_lazy(
            "%(count)d meeting marked as held.", "%(count)d meetings marked as held.", "count"
        ),
    )
    mark_exhibitor_absent = _bulk_action(
        _("Mark as no-show: the exhibitor did not come"),
        lambda meeting, by: meeting_record_attendance(
            meeting=meeting, held=False, absent=AbsentSide.EXHIBITOR, by=by
        ),
        _NO_SHOWS_MARKED,
    )
    mark_buyer_absent = _bulk_action(
        _("Mark as no-show: the buyer did not come"),
        lambda meeting, by: meeting_record_attendance(
            meeting=meeting, held=False, absent=AbsentSide.BUYER, by=by
        ),
        _NO_SHOWS_MARKED,
    )
    mark_both_absent = _bulk_action(
        _("Mark as no-show: neither side came"),
        lambda meeting, by: meeting_record_attendance(
            meeting=meeting, held=False, absent=AbsentSide.BOTH, by=by
        ),
        _NO_SHOWS_MARKED,
    )
