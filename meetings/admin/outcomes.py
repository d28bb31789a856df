"""A held meeting's outcomes in the admin: what each side told (at the fair and at each
follow-up round), whether each follow-up was emailed, reminded and answered, and the organiser
recording an outcome for a participant who told them by phone or at the booth."""

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponseRedirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.admin_scoping import ScopedTabularInline
from events.admin_confirm import confirmation_page, confirmed_form
from events.models import Side

from ..models import FollowUpRequest, MeetingOutcome, MeetingStatus
from ..page_forms import OutcomeForm
from ..services.attendance import meeting_outcome_record


class ReadOnlyInline(ScopedTabularInline):
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


class MeetingOutcomeInline(ReadOnlyInline):
    model = MeetingOutcome
    fields = ["round_text", "side", "stage", "expected_value_usd", "note", "recorded_by"]
    readonly_fields = fields
    verbose_name_plural = gettext_lazy("outcomes told")

    @admin.display(description=gettext_lazy("round"))
    def round_text(self, outcome):
        return outcome.get_round_display()


class FollowUpRequestInline(ReadOnlyInline):
    model = FollowUpRequest
    fields = ["round_text", "side", "due_on", "sent", "messages", "reminded", "answered"]
    readonly_fields = fields
    verbose_name_plural = gettext_lazy("follow-up emails")

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("meeting__pavilion__fair")

    @admin.display(description=gettext_lazy("round"))
    def round_text(self, follow_up):
        return str(follow_up)

    def _when(self, follow_up, instant):
        if instant is None:
            return self.get_empty_value_display()
        return follow_up.meeting.pavilion.fair.local_text(instant)

    @admin.display(description=gettext_lazy("sent (fair time)"))
    def sent(self, follow_up):
        return self._when(follow_up, follow_up.sent_at)

    @admin.display(description=gettext_lazy("reminded (fair time)"))
    def reminded(self, follow_up):
        return self._when(follow_up, follow_up.reminded_at)

    @admin.display(description=gettext_lazy("answered (fair time)"))
    def answered(self, follow_up):
        return self._when(follow_up, follow_up.answered_at)


class ParticipantOutcomeForm(OutcomeForm):
    """An organiser tells a side's outcome for them."""

    side = forms.ChoiceField(
        label=gettext_lazy("Whose outcome"),
        choices=[
            (Side.EXHIBITOR.value, Side.EXHIBITOR.label),
            (Side.BUYER.value, Side.BUYER.label),
        ],
        widget=forms.RadioSelect,
        error_messages={"required": gettext_lazy("Choose whose outcome this is.")},
    )
    field_order = ["side", "round", "stage", "expected_value_usd", "note"]


class OutcomeViews:
    """The meeting page's "Record an outcome…" (mixed into ``MeetingAdmin``)."""

    def outcome_view(self, request, object_id):
        meeting = self.get_object(request, object_id)
        if meeting is None or not self.has_change_permission(request, meeting):
            raise PermissionDenied
        change_url = reverse("admin:meetings_meeting_change", args=[meeting.pk])
        if meeting.status != MeetingStatus.HELD:
            self.message_user(
                request, _("Only a meeting that was held has an outcome."), messages.ERROR
            )
            return HttpResponseRedirect(change_url)
        form = confirmed_form(request, ParticipantOutcomeForm, pavilion=meeting.pavilion)
        if form.is_bound and form.is_valid():
            try:
                meeting_outcome_record(meeting=meeting, by=request.user, **form.cleaned_data)
            except ValidationError as error:
                form.add_service_error(error)
            else:
                self.message_user(
                    request,
                    _("The %(side)s's outcome of %(meeting)s is saved.")
                    % {"side": Side(form.cleaned_data["side"]).label.lower(), "meeting": meeting},
                )
                return HttpResponseRedirect(change_url)
        return confirmation_page(
            request,
            model_admin=self,
            title=_("Record an outcome"),
            question=_(
                "Record what came of %(meeting)s for one side, as they told you. It replaces what "
                "that side told for the same round, and answers its follow-up email."
            )
            % {"meeting": meeting},
            form=form,
            confirm_label=_("Save the outcome"),
            breadcrumbs=[
                (reverse("admin:meetings_meeting_changelist"), self.opts.verbose_name_plural),
                (change_url, str(meeting)),
            ],
            back_url=change_url,
        )
