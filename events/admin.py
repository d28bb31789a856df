"""The organiser's admin: pavilions, applications, buyers, slots and interpreters.

Organisers see only their own pavilions (see admin_scoping); status changes go through the
services, so the admin enforces the same rules as the pages and the API.
"""

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.db.models import Count, Q
from django.utils.formats import date_format
from django.utils.html import format_html_join
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from companies.names import person_column
from core.admin_scoping import PavilionScopedAdmin, PlatformModelAdmin, ScopedTabularInline

from . import admin_audit, hooks, services  # noqa: F401 (admin_audit registers the audit log's admin)
from .admin_confirm import confirmation_page, confirmed_form
from .models import (
    BuyerAttendanceDay,
    BuyerRegistration,
    ExhibitorRegistration,
    Interpreter,
    MeetingSlot,
    OrganisingOffice,
    Pavilion,
    RegistrationStatus,
    TimetableBreak,
    TradeFair,
)

admin.site.site_header = _("Japan Pavilion matchmaking")
admin.site.site_title = _("Japan Pavilion admin")
admin.site.index_title = _("Organiser administration")


@admin.register(OrganisingOffice)
class OrganisingOfficeAdmin(PlatformModelAdmin):
    list_display = ["name_en", "name_ja", "kind", "pavilion_count"]
    list_filter = ["kind"]
    search_fields = ["name_en", "name_ja"]
    filter_horizontal = ["members"]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(pavilion_total=Count("pavilions"))

    def scope(self, request, queryset):
        # An organiser sees their own offices, with or without pavilions yet.
        if request.user.is_superuser:
            return queryset
        return queryset.filter(members=request.user)

    @admin.display(description=_("pavilions"), ordering="pavilion_total")
    def pavilion_count(self, office):
        return office.pavilion_total


@admin.register(TradeFair)
class TradeFairAdmin(PlatformModelAdmin):
    list_display = ["name", "city", "country", "venue", "starts_on", "ends_on", "time_zone"]
    list_filter = ["country"]
    search_fields = ["name", "city", "venue"]
    date_hierarchy = "starts_on"
    autocomplete_fields = ["country"]

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("country")


class TimetableBreakInline(ScopedTabularInline):
    model = TimetableBreak
    extra = 0


@admin.register(Pavilion)
class PavilionAdmin(PavilionScopedAdmin):
    list_display = [
        "__str__",
        "fair",
        "organiser",
        "accepted_of_capacity",
        "application_opens_at",
        "application_closes_at",
        "applications_open",
        "matchmaking_links",
    ]
    list_filter = ["fair", "organiser"]
    search_fields = ["name_en", "name_ja", "fair__name", "fair__city"]
    list_select_related = ["fair", "organiser"]
    inlines = [TimetableBreakInline]
    fieldsets = [
        (None, {"fields": ["fair", "name_en", "name_ja", "organiser", "booth_capacity"]}),
        (_("Applications"), {"fields": ["application_opens_at", "application_closes_at"]}),
        (
            _("First-time exhibitors"),
            {
                "fields": [
                    "first_timer_conditions_en",
                    "first_timer_conditions_ja",
                    "first_timer_fee_discount_percent",
                    "first_timer_interpreted_meetings",
                ]
            },
        ),
        (
            _("Meeting timetable (the fair's local time)"),
            {"fields": ["meeting_day_starts", "meeting_day_ends", "slot_minutes"]},
        ),
    ]

    def fair_of(self, pavilion):
        return pavilion.fair

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .annotate(
                accepted_total=Count(
                    "exhibitor_registrations", filter=Q(exhibitor_registrations__status="accepted")
                )
            )
        )

    def get_readonly_fields(self, request, obj=None):
        if request.user.is_superuser:
            return []
        # An organiser runs the pavilion but does not hand it to another office or fair.
        return ["fair", "organiser"]

    @admin.display(description=_("accepted / booths"), ordering="accepted_total")
    def accepted_of_capacity(self, pavilion):
        return f"{pavilion.accepted_total} / {pavilion.booth_capacity}"

    @admin.display(description=_("applications open"), boolean=True)
    def applications_open(self, pavilion):
        return pavilion.application_window_open()

    @property
    def actions(self):
        # Matchmaking and meetings add theirs (running matchmaking): events.hooks.
        return ["generate_slots", *hooks.pavilion_admin_actions.functions]

    @admin.display(description=_("matchmaking"))
    def matchmaking_links(self, pavilion):
        links = [link for links in hooks.pavilion_admin_links(pavilion) for link in links]
        return format_html_join(" · ", '<a href="{}">{}</a>', links)

    @admin.action(description=_("Generate meeting slots from the timetable"))
    def generate_slots(self, request, queryset):
        for pavilion in queryset.select_related("fair"):
            counts = services.meeting_slots_generate(pavilion=pavilion)
            self.message_user(
                request,
                _(
                    "%(pavilion)s: %(created)s slots created, %(removed)s removed, %(kept)s kept "
                    "because interpreters or meetings use them; %(total)s in the timetable."
                )
                % {"pavilion": pavilion, **counts},
                messages.SUCCESS,
            )


class ExhibitorRegistrationForm(forms.ModelForm):
    """Checks an organiser's application on an SME's behalf, and a booth, before saving."""

    class Meta:
        model = ExhibitorRegistration
        fields = ["pavilion", "sme", "message", "booth"]

    def clean(self):
        cleaned = super().clean()
        try:
            if self.instance.pk is None:
                if cleaned.get("pavilion") and cleaned.get("sme"):
                    services.exhibitor_registration_check_apply(
                        pavilion=cleaned["pavilion"], sme=cleaned["sme"]
                    )
            elif "booth" in self.changed_data:
                if cleaned.get("booth") and self.instance.status != RegistrationStatus.ACCEPTED:
                    raise ValidationError(
                        {"booth": _("Only an accepted exhibitor can have a booth.")}
                    )
                services.exhibitor_registration_check_booth(
                    registration=self.instance, booth=cleaned.get("booth", "")
                )
        except ValidationError as error:
            self._update_errors(error)
        return cleaned


@admin.register(ExhibitorRegistration)
class ExhibitorRegistrationAdmin(PavilionScopedAdmin):
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

    def save_model(self, request, obj, form, change):
        if not change:
            created = services.exhibitor_registration_apply(
                pavilion=obj.pavilion, sme=obj.sme, message=obj.message
            )
            obj.__dict__.update(created.__dict__)
        elif "booth" in form.changed_data:
            services.exhibitor_registration_assign_booth(
                registration=obj, booth=obj.booth, by=request.user
            )

    def _decide(self, request, queryset, status):
        done = 0
        for registration in queryset.select_related("sme", "pavilion"):
            try:
                services.exhibitor_registration_decide(
                    registration=registration, status=status, by=request.user
                )
                done += 1
            except ValidationError as error:
                self.message_user(
                    request, f"{registration.sme}: {' '.join(error.messages)}", messages.ERROR
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
class BuyerRegistrationAdmin(PavilionScopedAdmin):
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

    @admin.display(description=_("country"), ordering="buyer__country__name_en")
    def buyer_country(self, registration):
        return registration.buyer.country

    @admin.display(description=_("registered (fair time)"), ordering="registered_at")
    def registered_in_fair_time(self, registration):
        return registration.pavilion.fair.local_text(registration.registered_at)

    @admin.display(description=_("days"))
    def attendance(self, registration):
        return ", ".join(date_format(d.day, "MONTH_DAY_FORMAT") for d in registration.days.all())


@admin.register(MeetingSlot)
class MeetingSlotAdmin(PavilionScopedAdmin):
    list_display = ["fair_time", "pavilion", "interpreter_count"]
    list_filter = ["pavilion"]
    list_select_related = ["pavilion", "pavilion__fair"]
    date_hierarchy = "starts_at"

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(interpreter_total=Count("interpreters"))

    @admin.display(description=_("slot (fair time)"), ordering="starts_at")
    def fair_time(self, slot):
        return str(slot)

    @admin.display(description=_("interpreters free"), ordering="interpreter_total")
    def interpreter_count(self, slot):
        return slot.interpreter_total


class InterpreterForm(forms.ModelForm):
    """Checks the interpreter with the service's own rules, so errors land on their fields."""

    class Meta:
        model = Interpreter
        fields = ["pavilion", "name", "email", "languages", "available_slots"]

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("pavilion") and cleaned.get("name") is not None:
            try:
                services.interpreter_check(
                    pavilion=cleaned["pavilion"],
                    name=cleaned["name"],
                    languages=cleaned.get("languages") or [],
                    available_slots=cleaned.get("available_slots") or [],
                    interpreter=self.instance if self.instance.pk else None,
                )
            except ValidationError as error:
                self._update_errors(error)
        return cleaned


@admin.register(Interpreter)
class InterpreterAdmin(PavilionScopedAdmin):
    form = InterpreterForm
    list_display = ["name", "pavilion", "language_list", "available_slot_count"]
    list_filter = ["pavilion", "languages"]
    search_fields = ["name", "email"]
    filter_horizontal = ["languages", "available_slots"]
    list_select_related = ["pavilion", "pavilion__fair"]

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .prefetch_related("languages")
            .annotate(slot_total=Count("available_slots", distinct=True))
        )

    def get_form(self, request, obj=None, **kwargs):
        form = super().get_form(request, obj, **kwargs)
        slots = form.base_fields.get("available_slots")
        if slots is not None:
            # Only this pavilion's slots can be offered; a new interpreter picks them after saving.
            queryset = MeetingSlot.objects.select_related("pavilion__fair")
            slots.queryset = queryset.filter(pavilion=obj.pavilion) if obj else queryset.none()
            slots.label_from_instance = str
        return form

    def save_model(self, request, obj, form, change):
        saved = services.interpreter_save(
            interpreter=obj if change else None,
            pavilion=obj.pavilion,
            name=obj.name,
            email=obj.email,
            languages=form.cleaned_data.get("languages") or [],
            available_slots=form.cleaned_data.get("available_slots") or [],
        )
        obj.__dict__.update(saved.__dict__)

    def save_related(self, request, form, formsets, change):
        # The service saved the languages and slots; the form's own save_m2m would redo it.
        for formset in formsets:
            self.save_formset(request, form, formset, change=change)

    def delete_model(self, request, obj):
        try:
            services.interpreter_delete(interpreter=obj)
        except ValidationError as error:
            self.message_user(request, " ".join(error.messages), messages.ERROR)

    def delete_queryset(self, request, queryset):
        for interpreter in queryset:
            self.delete_model(request, interpreter)

    @admin.display(description=_("languages"))
    def language_list(self, interpreter):
        return ", ".join(language.code for language in interpreter.languages.all())

    @admin.display(description=_("available slots"), ordering="slot_total")
    def available_slot_count(self, interpreter):
        return interpreter.slot_total
