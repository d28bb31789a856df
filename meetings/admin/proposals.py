"""What meetings adds to matchmaking's proposal list (registered in ``meetings.apps``):
accepting proposals, which requests their meetings on the participants' behalf."""

from django.contrib import admin, messages
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from core.admin_writes import write_each
from events.admin_confirm import confirmation_page, confirmed_form

from ..services.proposals import proposal_accept
from .acting import ActingForForm, requests_made_text


@admin.action(description=_("Accept the selected proposals…"), permissions=["change"])
def accept(modeladmin, request, queryset):
    """Accepting is done on someone's behalf: the organiser says whose on a confirmation page,
    and the request (or the confirmed meeting) is recorded as made for them."""
    form = confirmed_form(request, ActingForForm)
    if form.is_bound and form.is_valid():
        acting_for = form.cleaned_data["acting_for"]
        done = len(
            write_each(
                modeladmin,
                request,
                queryset.select_related("sme", "buyer"),
                lambda proposal: proposal_accept(
                    proposal=proposal, by=request.user, acting_for=acting_for
                ),
            )
        )
        if done:
            modeladmin.message_user(request, requests_made_text(done, acting_for), messages.SUCCESS)
        return None
    return confirmation_page(
        request,
        model_admin=modeladmin,
        title=_("Accept proposals on the participants' behalf"),
        question=ngettext(
            "You accept %(count)d proposal on behalf of participants. Choose on whose behalf: "
            "the other side is asked to answer, as for any request.",
            "You accept %(count)d proposals on behalf of participants. Choose on whose "
            "behalf: the other side is asked to answer, as for any request.",
            queryset.count(),
        )
        % {"count": queryset.count()},
        form=form,
        queryset=queryset.select_related("sme", "buyer"),
        action="accept",
        confirm_label=_("Accept"),
    )
