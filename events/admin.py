"""The organiser's admin: offices, fairs, pavilions and their slots; applications and buyers
(admin_registrations), interpreters (admin_interpreters), the audit log (admin_audit).

Organisers see only their own pavilions (see admin_scoping); every save and deletion goes through
the services (core.admin_writes), so the admin enforces the same rules as the pages and the API and
leaves the same audit entries.
"""

from django.contrib import admin, messages
from django.db.models import Count, Q
from django.utils.html import format_html_join
from django.utils.translation import gettext_lazy as _

from core.admin_scoping import PavilionScopedAdmin, PlatformModelAdmin, ScopedTabularInline
from core.admin_writes import WritesThroughServices

# The other admin modules register their models' admins when imported.
from . import admin_audit, admin_interpreters, admin_registrations, hooks  # noqa: F401
from .forms import FollowUpMonthsField, PavilionForm
from .models import MeetingSlot, OrganisingOffice, Pavilion, TimetableBreak, TradeFair
from .services import fairs, rules, slots

admin.site.site_header = _("Japan Pavilion matchmaking")
admin.site.site_title = _("Japan Pavilion admin")
admin.site.index_title = _("Organiser administration")


@admin.register(OrganisingOffice)
class OrganisingOfficeAdmin(WritesThroughServices, PlatformModelAdmin):
    list_display = ["name_en", "name_ja", "kind", "pavilion_count"]
    list_filter = ["kind"]
    search_fields = ["name_en", "name_ja"]
    filter_horizontal = ["members"]
    sets_many = True

    def save_through(self, request, obj, form, change):
        fairs.organising_office_save(
            office=obj, members=form.cleaned_data.get("members", []), by=request.user
        )

    def delete_through(self, request, obj):
        fairs.organising_office_delete(office=obj, by=request.user)

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
class TradeFairAdmin(WritesThroughServices, PlatformModelAdmin):
    list_display = ["name", "city", "country", "venue", "starts_on", "ends_on", "time_zone"]
    list_filter = ["country"]
    search_fields = ["name", "city", "venue"]
    date_hierarchy = "starts_on"
    autocomplete_fields = ["country"]

    def save_through(self, request, obj, form, change):
        fairs.trade_fair_save(fair=obj, by=request.user)

    def delete_through(self, request, obj):
        fairs.trade_fair_delete(fair=obj, by=request.user)

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("country")


class TimetableBreakInline(ScopedTabularInline):
    model = TimetableBreak
    extra = 0


@admin.register(Pavilion)
class PavilionAdmin(WritesThroughServices, PavilionScopedAdmin):
    form = PavilionForm
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
        (
            _("Meeting rules"),
            {
                # The slot length, a rule too, is part of the timetable above.
                "fields": [name for name in rules.RULE_FIELDS if name != "slot_minutes"],
                "description": _(
                    "A change that existing meetings contradict is refused, naming them."
                ),
            },
        ),
        (_("After the fair"), {"fields": ["follow_up_months"]}),
    ]

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if db_field.name == "follow_up_months":
            return FollowUpMonthsField(
                label=db_field.verbose_name,
                help_text=db_field.help_text,
                required=False,
                initial=db_field.get_default,
            )
        return super().formfield_for_dbfield(db_field, request, **kwargs)

    def fair_of(self, pavilion):
        return pavilion.fair

    def save_through(self, request, obj, form, change):
        if change:
            # The rules go through their own service (checked against the meetings, audited as
            # such); the rest of the settings after them.
            changes = {n: form.cleaned_data[n] for n in rules.RULE_FIELDS if n in form.cleaned_data}
            done = rules.pavilion_rules_update(pavilion=obj, changes=changes, by=request.user)
            for notice in done.notices:
                self.message_user(request, notice, messages.WARNING)
        fairs.pavilion_save(pavilion=obj, by=request.user)

    def delete_through(self, request, obj):
        fairs.pavilion_delete(pavilion=obj, by=request.user)

    def save_formset(self, request, form, formset, change):
        # Each break is saved or deleted by the service, with its own audit entry.
        for timetable_break in formset.save(commit=False):
            fairs.timetable_break_save(timetable_break=timetable_break, by=request.user)
        for timetable_break in formset.deleted_objects:
            fairs.timetable_break_delete(timetable_break=timetable_break, by=request.user)

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
            counts = slots.meeting_slots_generate(pavilion=pavilion)
            self.message_user(
                request,
                _(
                    "%(pavilion)s: %(created)s slots created, %(removed)s removed, %(kept)s kept "
                    "because interpreters or meetings use them; %(total)s in the timetable."
                )
                % {"pavilion": pavilion, **counts},
                messages.SUCCESS,
            )


@admin.register(MeetingSlot)
class MeetingSlotAdmin(WritesThroughServices, PavilionScopedAdmin):
    list_display = ["fair_time", "pavilion", "interpreter_count"]
    list_filter = ["pavilion"]
    list_select_related = ["pavilion", "pavilion__fair"]
    date_hierarchy = "starts_at"

    def save_through(self, request, obj, form, change):
        slots.meeting_slot_save(slot=obj, by=request.user)

    def delete_through(self, request, obj):
        slots.meeting_slot_delete(slot=obj, by=request.user)

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(interpreter_total=Count("interpreters"))

    @admin.display(description=_("slot (fair time)"), ordering="starts_at")
    def fair_time(self, slot):
        return str(slot)

    @admin.display(description=_("interpreters free"), ordering="interpreter_total")
    def interpreter_count(self, slot):
        return slot.interpreter_total
