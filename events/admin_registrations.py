"""The admin of who takes part in a pavilion: exhibitors' applications, decided with the
services' rules, and buyers' registrations with their days."""

from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from companies.names import person_column
from core.admin_scoping import PavilionScopedAdmin, ScopedTabularInline
from core.admin_writes import CheckedByServiceForm, WritesThroughServices, write_each

from . import selectors
from .admin_confirm import confirmation_page, confirmed_form
from .models import (
    BuyerAttendanceDay,
    BuyerRegistration,
    ExhibitorRegistration,
    RegistrationStatus,
)
from .services import buyers, registrations


class ExhibitorRegistrationForm(CheckedByServiceForm):
    """Checks an organiser's application on an SME's behalf, and a booth, before saving."""

    class Meta:
        model = ExhibitorRegistration
        fields = ["pavilion", "sme", "message", "booth"]

    def check_with_service(self, cleaned):
        if self.instance.pk is None:
            if cleaned.get("pavilion") and cleaned.get("sme"):
                selectors.exhibitor_registration_check_apply(
                    pavilion=cleaned["pavilion"], sme=cleaned["sme"]
                )
        elif "booth" in self.changed_data:
            if cleaned.get("booth") and self.instance.status != RegistrationStatus.ACCEPTED:
                raise ValidationError({"booth": _("Only an accepted exhibitor can have a booth.")})
            selectors.exhibitor_registration_check_booth(
                registration=self.instance, booth=cleaned.get("booth", "")
            )


@admin.register(ExhibitorRegistration)
class ExhibitorRegistrationAdmin(WritesThroughServices, PavilionScopedAdmin):
    form = ExhibitorRegistrationForm
    # An organiser applies by phone for an SME new to the platform's pavilions, too.
    newcomer_fields = ("sme",)
    list_display = [
        "sme",
        "pavilion",
        "status",
        "booth",
        "is_sme_eligible",
        "first_time_exhibitor",
        "applied_in_fair_time",
    ]
    list_filter = [
        "status",
        "pavilion",
        "first_time_exhibitor",
        "is_sme_eligible",
        "sme__prefecture",
        "sme__export_experience",
    ]
    search_fields = ["sme__name_en", "sme__name_ja", "booth"]
    list_select_related = ["sme", "pavilion", "pavilion__fair"]
    autocomplete_fields = ["sme"]
    actions = ["accept", "waitlist", "reject"]
    readonly_fields = [
        "status",
        "eligibility_reason",
        "first_time_exhibitor",
        "applied_at",
        "decided_at",
        "decided_by_name",
    ]
    decided_by_name = person_column("decided_by", _("decided by"))

    def fair_of(self, registration):
        return registration.pavilion.fair

    def get_fields(self, request, obj=None):
        if obj is None:
            return ["pavilion", "sme", "message"]
        return [
            "pavilion",
            "sme",
            "status",
            "booth",
            "eligibility_reason",
            "first_time_exhibitor",
            "message",
            "applied_at",
            "decided_at",
            "decided_by_name",
        ]

    def get_readonly_fields(self, request, obj=None):
        if obj is None:
            return []
        return ["pavilion", "sme", "message", *self.readonly_fields]

    @admin.display(description=_("applied (fair time)"), ordering="applied_at")
    def applied_in_fair_time(self, registration):
        return registration.pavilion.fair.local_text(registration.applied_at)

    @admin.display(description=_("SME eligibility"))
    def eligibility_reason(self, registration):
        return registration.eligibility.reason

    def save_through(self, request, obj, form, change):
        # An organiser applies for the SME, and then changes only the booth: decisions are the
        # list's actions.
        if not change:
            created = registrations.exhibitor_registration_apply(
                pavilion=obj.pavilion, sme=obj.sme, message=obj.message
            )
            obj.__dict__.update(created.__dict__)
        elif "booth" in form.changed_data:
            registrations.exhibitor_registration_assign_booth(
                registration=obj, booth=obj.booth, by=request.user
            )

    def delete_through(self, request, obj):
        registrations.exhibitor_registration_delete(registration=obj, by=request.user)

    def _decide(self, request, queryset, status):
        done = len(
            write_each(
                self,
                request,
                queryset.select_related("sme", "pavilion"),
                lambda registration: registrations.exhibitor_registration_decide(
                    registration=registration, status=status, by=request.user
                ),
                named=lambda registration: registration.sme,
            )
        )
        if done:
            self.message_user(
                request,
                ngettext(
                    "%(count)d application is now %(status)s.",
                    "%(count)d applications are now %(status)s.",
                    done,
                )
                % {"count": done, "status": RegistrationStatus(status).label.lower()},
                messages.SUCCESS,
            )

    @admin.action(description=_("Accept the selected applications"), permissions=["change"])
    def accept(self, request, queryset):
        self._decide(request, queryset, RegistrationStatus.ACCEPTED)

    @admin.action(description=_("Waitlist the selected applications"), permissions=["change"])
    def waitlist(self, request, queryset):
        self._decide(request, queryset, RegistrationStatus.WAITLISTED)

    @admin.action(description=_("Reject the selected applications…"), permissions=["change"])
    def reject(self, request, queryset):
        """A rejection reaches the SME by email at once: a confirmation page asks first."""
        if confirmed_form(request).is_bound:
            self._decide(request, queryset, RegistrationStatus.REJECTED)
            return None
        registrations = queryset.select_related("sme", "pavilion")
        count = len(registrations)
        return confirmation_page(
            request,
            model_admin=self,
            title=_("Reject applications"),
            question=ngettext(
                "Reject %(count)d application? The SME's team is emailed the decision at once.",
                "Reject %(count)d applications? Each SME's team is emailed the decision at once.",
                count,
            )
            % {"count": count},
            queryset=registrations,
            items=[
                _("%(sme)s, applying to %(pavilion)s")
                % {"sme": registration.sme, "pavilion": registration.pavilion}
                for registration in registrations
            ],
            action="reject",
            confirm_label=_("Reject the applications"),
            danger=True,
        )


class BuyerAttendanceDayInline(ScopedTabularInline):
    model = BuyerAttendanceDay
    extra = 1


@admin.register(BuyerRegistration)
class BuyerRegistrationAdmin(WritesThroughServices, PavilionScopedAdmin):
    # An organiser registers a buyer new to the platform's pavilions, too.
    newcomer_fields = ("buyer",)
    list_display = [
        "buyer",
        "buyer_country",
        "pavilion",
        "status",
        "attendance",
        "registered_in_fair_time",
    ]
    list_filter = ["status", "pavilion", "buyer__buyer_type", "buyer__country"]
    search_fields = ["buyer__name", "buyer__city", "sourcing_needs"]
    list_select_related = ["buyer", "buyer__country", "pavilion", "pavilion__fair"]
    autocomplete_fields = ["buyer"]
    inlines = [BuyerAttendanceDayInline]
    # The needs are the registration's own, for this fair; the company's text is only the default.
    fields = ["pavilion", "buyer", "status", "sourcing_needs", "required_certifications"]
    filter_horizontal = ["required_certifications"]

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("days")

    def save_through(self, request, obj, form, change):
        """Saved with its certifications and days, in one step: ``save_related``."""

    def save_related(self, request, form, formsets, change):
        days = []
        for formset in formsets:
            # Read, not saved: the change message lists the days added, changed and deleted.
            formset.save(commit=False)
            days += [
                day_form.cleaned_data["day"]
                for day_form in formset.forms
                if day_form.cleaned_data.get("day") and day_form not in formset.deleted_forms
            ]
        buyers.buyer_registration_save(
            registration=form.instance,
            required_certifications=form.cleaned_data.get("required_certifications", []),
            days=days,
            by=request.user,
        )

    def delete_through(self, request, obj):
        buyers.buyer_registration_delete(registration=obj, by=request.user)

    @admin.display(description=_("country"), ordering="buyer__country__name_en")
    def buyer_country(self, registration):
        return registration.buyer.country

    @admin.display(description=_("registered (fair time)"), ordering="registered_at")
    def registered_in_fair_time(self, registration):
        return registration.pavilion.fair.local_text(registration.registered_at)

    @admin.display(description=_("days"))
    def attendance(self, registration):
        return ", ".join(date_format(d.day, "MONTH_DAY_FORMAT") for d in registration.days.all())
