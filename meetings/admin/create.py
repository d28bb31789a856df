"""An organiser creates a meeting for participants: the meetings list's "Create a meeting…".

The organiser picks one of their pavilions, then an accepted exhibitor and a registered buyer
of it, and says on whose behalf: the exhibitor asks the buyer, the buyer asks the exhibitor,
both sides agree (the meeting is confirmed), or the organiser proposes it to both. The request
goes through ``meeting_request`` like any other, so its rules (caps, one open meeting per pair,
registration) are the service's, shown on the form.
"""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from companies.forms import PageForm
from companies.models import SME, ForeignBuyer
from events.models import BuyerRegistrationStatus, RegistrationStatus, Side
from events.organisers import pavilions_organised_by
from meetings.services.requests import meeting_request

from ..models import ActingFor
from .acting import requests_made_text

#: On whose behalf an organiser creates a meeting; "" is the organiser's own proposal.
CREATE_CHOICES = [
    (ActingFor.EXHIBITOR.value, gettext_lazy("The exhibitor asks the buyer: the buyer answers")),
    (ActingFor.BUYER.value, gettext_lazy("The buyer asks the exhibitor: the exhibitor answers")),
    (ActingFor.BOTH.value, gettext_lazy("Both sides agree: the meeting is confirmed")),
    ("", gettext_lazy("The organiser proposes it: both sides are asked to answer")),
]


class PavilionChoiceForm(forms.Form):
    pavilion = forms.ModelChoiceField(
        label=gettext_lazy("Japan Pavilion"),
        queryset=None,
        error_messages={"invalid_choice": gettext_lazy("Choose one of your pavilions.")},
    )

    def __init__(self, *args, pavilions, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["pavilion"].queryset = pavilions


class MeetingCreateForm(PageForm):
    sme = forms.ModelChoiceField(
        label=gettext_lazy("Exhibitor"),
        queryset=None,
        help_text=gettext_lazy("The pavilion's accepted exhibitors."),
        error_messages={"required": gettext_lazy("Choose the exhibitor.")},
    )
    buyer = forms.ModelChoiceField(
        label=gettext_lazy("Buyer"),
        queryset=None,
        help_text=gettext_lazy("The buyers registered for the pavilion."),
        error_messages={"required": gettext_lazy("Choose the buyer.")},
    )
    acting_for = forms.ChoiceField(
        label=gettext_lazy("On whose behalf?"),
        choices=CREATE_CHOICES,
        widget=forms.RadioSelect,
        required=False,
        initial="",
    )
    message = forms.CharField(
        label=gettext_lazy("Message"),
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=gettext_lazy("Shown to the side asked to answer, as the request's message."),
    )

    def __init__(self, *args, pavilion, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["sme"].queryset = SME.objects.filter(
            registrations__pavilion=pavilion, registrations__status=RegistrationStatus.ACCEPTED
        ).order_by("name_en")
        self.fields["buyer"].queryset = ForeignBuyer.objects.filter(
            registrations__pavilion=pavilion,
            registrations__status=BuyerRegistrationStatus.REGISTERED,
        ).order_by("name")


def created_text(meeting, acting_for: str) -> str:
    """What creating the meeting did, for the organiser."""
    if acting_for:
        return requests_made_text(1, acting_for)
    return _("Meeting %(meeting)s proposed; both sides are asked to answer.") % {"meeting": meeting}


class CreateMeetingViews:
    """The meetings list's "Create a meeting…" (mixed into ``MeetingAdmin``)."""

    change_list_template = "admin/meetings/meeting_change_list.html"

    def changelist_view(self, request, extra_context=None):
        extra_context = {
            **(extra_context or {}),
            "can_create_meeting": self.has_change_permission(request),
        }
        return super().changelist_view(request, extra_context)

    def create_view(self, request):
        if not self.has_change_permission(request):
            raise PermissionDenied
        pavilions = pavilions_organised_by(request.user).select_related("fair")
        chooser = PavilionChoiceForm(
            request.GET if "pavilion" in request.GET else None, pavilions=pavilions
        )
        pavilion = None
        if chooser.is_bound:
            pavilion = chooser.cleaned_data["pavilion"] if chooser.is_valid() else None
        elif len(pavilions[:2]) == 1:
            pavilion = pavilions.first()
            chooser = PavilionChoiceForm(initial={"pavilion": pavilion}, pavilions=pavilions)
        form = None
        if pavilion is not None:
            bound = request.POST if request.method == "POST" else None
            form = MeetingCreateForm(bound, pavilion=pavilion)
            if form.is_bound and form.is_valid():
                data = form.cleaned_data
                try:
                    meeting = meeting_request(
                        pavilion=pavilion,
                        sme=data["sme"],
                        buyer=data["buyer"],
                        side=Side.ORGANISER,
                        by=request.user,
                        message=data["message"],
                        acting_for=data["acting_for"],
                    )
                except ValidationError as error:
                    form.add_service_error(error)
                else:
                    self.message_user(
                        request, created_text(meeting, data["acting_for"]), messages.SUCCESS
                    )
                    return HttpResponseRedirect(
                        reverse("admin:meetings_meeting_change", args=[meeting.pk])
                    )
        context = {
            **self.admin_site.each_context(request),
            "title": _("Create a meeting"),
            "opts": self.opts,
            "chooser": chooser,
            "pavilion": pavilion,
            "form": form,
            "media": self.media + (form.media if form is not None else forms.Media()),
        }
        return TemplateResponse(request, "admin/meetings/meeting_create.html", context)
