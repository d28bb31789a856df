"""The meetings list's "Decline the selected requests…": as the organiser, or on behalf of a
participant, chosen on a confirmation page and recorded so (``meeting_decline``)."""

from django.contrib import admin, messages
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from core.admin_writes import write_each
from events.admin_confirm import confirmation_page, confirmed_form
from events.models import Side
from meetings.services.decisions import meeting_decline

from ..models import ActingFor
from .acting import DeclineForm


def declined_text(count: int, acting_for: str) -> str:
    """What declining requests did, and on whose behalf."""
    if acting_for == ActingFor.EXHIBITOR:
        text = ngettext(
            "%(count)d request declined on behalf of the exhibitor.",
            "%(count)d requests declined on behalf of the exhibitors.",
            count,
        )
    elif acting_for == ActingFor.BUYER:
        text = ngettext(
            "%(count)d request declined on behalf of the buyer.",
            "%(count)d requests declined on behalf of the buyers.",
            count,
        )
    elif acting_for == ActingFor.BOTH:
        text = ngettext(
            "%(count)d request declined on behalf of both sides.",
            "%(count)d requests declined on behalf of both sides.",
            count,
        )
    else:
        text = ngettext(
            "%(count)d request declined by the organiser.",
            "%(count)d requests declined by the organiser.",
            count,
        )
    return text % {"count": count}


class DeclineActions:
    """The decline action of ``MeetingAdmin``: each request through the service, refusals named
    one by one."""

    @admin.action(description=_("Decline the selected requests…"), permissions=["change"])
    def decline_on_behalf(self, request, queryset):
        form = confirmed_form(request, DeclineForm)
        if form.is_bound and form.is_valid():
            acting_for, note = form.cleaned_data["acting_for"], form.cleaned_data["note"]
            declined = write_each(
                self,
                request,
                queryset,
                lambda meeting: meeting_decline(
                    meeting=meeting,
                    side=Side.ORGANISER,
                    by=request.user,
                    note=note,
                    acting_for=acting_for,
                ),
            )
            if declined:
                self.message_user(
                    request, declined_text(len(declined), acting_for), messages.SUCCESS
                )
            return None
        count = queryset.count()
        return confirmation_page(
            request,
            model_admin=self,
            title=_("Decline requests"),
            question=ngettext(
                "Decline %(count)d meeting request? Choose on whose behalf: the side that asked "
                "is emailed, and a side you act for is told that you did.",
                "Decline %(count)d meeting requests? Choose on whose behalf: the side that asked "
                "is emailed, and a side you act for is told that you did.",
                count,
            )
            % {"count": count},
            form=form,
            queryset=queryset,
            items=[self._request_line(meeting) for meeting in queryset],
            action="decline_on_behalf",
            confirm_label=_("Decline"),
            danger=True,
        )
