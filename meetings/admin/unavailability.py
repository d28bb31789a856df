"""Participants' unavailable slots in the admin, saved and deleted through the services."""

from django.contrib import admin, messages
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from core.admin_scoping import PavilionScopedAdmin
from core.admin_writes import CheckedByServiceForm, WritesThroughServices
from meetings.selectors.conflicts import participant_unavailability_check, unavailability_conflicts
from meetings.services.availability import (
    participant_unavailability_delete,
    participant_unavailability_save,
)

from ..models import ParticipantUnavailability


class ParticipantUnavailabilityForm(CheckedByServiceForm):
    """Checks the mark with the service's own rules, so errors land on their fields."""

    class Meta:
        model = ParticipantUnavailability
        fields = ["pavilion", "sme", "buyer", "slot", "note"]

    def check_with_service(self, cleaned):
        if cleaned.get("pavilion") and cleaned.get("slot"):
            participant_unavailability_check(
                pavilion=cleaned["pavilion"],
                slot=cleaned["slot"],
                sme=cleaned.get("sme"),
                buyer=cleaned.get("buyer"),
                unavailability=self.instance if self.instance.pk else None,
            )


@admin.register(ParticipantUnavailability)
class ParticipantUnavailabilityAdmin(WritesThroughServices, PavilionScopedAdmin):
    form = ParticipantUnavailabilityForm
    list_display = ["slot", "sme", "buyer", "note", "pavilion"]
    list_filter = ["pavilion"]
    autocomplete_fields = ["sme", "buyer"]
    list_select_related = ["slot__pavilion__fair", "sme", "buyer", "pavilion"]

    def save_through(self, request, obj, form, change):
        saved = participant_unavailability_save(
            unavailability=obj if change else None,
            pavilion=obj.pavilion,
            slot=obj.slot,
            sme=obj.sme,
            buyer=obj.buyer,
            note=obj.note,
        )
        obj.__dict__.update(saved.__dict__)
        # Nothing is unbooked: the organiser is told what the change affects, and decides.
        for meeting, _why in unavailability_conflicts(unavailability=obj):
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

    def delete_through(self, request, obj):
        participant_unavailability_delete(unavailability=obj)
