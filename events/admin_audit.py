"""The audit log in the admin: read only, for everyone; organisers see their pavilions' entries.

The log itself lives in ``core`` (``core.audit``), which knows no pavilion: an entry keeps its
pavilion as a plain id. Its admin lives here, in the app that defines pavilions, so that it can
scope by the organiser's pavilions (``companies.access.actor_of``) and show each entry's time in
its fair's zone (UTC, named, for an entry of no pavilion).
"""

import json

from django.contrib import admin
from django.db.models import OuterRef, Subquery
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _

from companies.access import actor_of
from companies.bilingual import in_active_language
from companies.names import person_name
from core import audit
from core.models import AuditEntry

from . import fair_time
from .models import Pavilion


class ActionFilter(admin.SimpleListFilter):
    """The actions of the entries the user may read, by label in the reader's language."""

    title = _("action")
    parameter_name = "action"

    def lookups(self, request, model_admin):
        codes = (
            model_admin.get_queryset(request)
            .order_by("action")
            .values_list("action", flat=True)
            .distinct()
        )
        return sorted(((code, audit.action_label(code)) for code in codes), key=lambda c: c[1])

    def queryset(self, request, queryset):
        if self.value():
            return queryset.filter(action=self.value())
        return queryset


def _text(value) -> str:
    if value is None:
        return "–"
    if isinstance(value, str):
        return value or '""'
    return json.dumps(value, ensure_ascii=False)


@admin.register(AuditEntry)
class AuditEntryAdmin(admin.ModelAdmin):
    """Nobody adds, changes or deletes an entry here, platform administrators included."""

    list_display = ["when", "who", "interface", "action_label", "object_name", "pavilion", "diff"]
    list_filter = [ActionFilter, "interface", ("at", admin.DateFieldListFilter)]
    search_fields = ["action", "object_repr", "actor_username"]
    list_select_related = ["actor", "content_type"]
    fields = ["when", "who", "interface", "action_label", "object_name", "pavilion", "diff"]
    readonly_fields = fields
    actions = None
    show_full_result_count = False

    def get_queryset(self, request):
        pavilions = Pavilion.objects.filter(pk=OuterRef("pavilion_id"))
        queryset = (
            super()
            .get_queryset(request)
            .annotate(
                fair_time_zone=Subquery(pavilions.values("fair__time_zone")[:1]),
                pavilion_name_en=Subquery(pavilions.values("name_en")[:1]),
                pavilion_name_ja=Subquery(pavilions.values("name_ja")[:1]),
            )
        )
        actor = actor_of(request.user)
        if actor.platform_admin:
            return queryset
        # An entry of no pavilion (a company's profile, an invitation) is not an organiser's.
        return queryset.filter(pavilion_id__in=actor.pavilion_ids)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    @admin.display(description=_("when"), ordering="at")
    def when(self, entry):
        """In the fair's zone when the entry belongs to a pavilion, else in UTC; zone named."""
        return fair_time.datetime_text(entry.at, getattr(entry, "fair_time_zone", None) or "UTC")

    @admin.display(description=_("who"), ordering="actor_username")
    def who(self, entry):
        return person_name(entry.actor) or entry.actor_username or "-"

    @admin.display(description=_("action"), ordering="action")
    def action_label(self, entry):
        return format_html(
            '{}<br><code class="quiet">{}</code>', audit.action_label(entry.action), entry.action
        )

    @admin.display(description=_("object"), ordering="object_repr")
    def object_name(self, entry):
        kind = entry.content_type.name if entry.content_type is not None else ""
        if entry.object_id is None:
            return entry.object_repr or "-"
        return format_html("{} #{}<br>{}", kind, entry.object_id, entry.object_repr)

    @admin.display(description=_("pavilion"), ordering="pavilion_id")
    def pavilion(self, entry):
        if entry.pavilion_id is None:
            return "-"
        name = in_active_language(
            getattr(entry, "pavilion_name_en", "") or "",
            getattr(entry, "pavilion_name_ja", "") or "",
        )
        return name or f"#{entry.pavilion_id}"

    @admin.display(description=_("changes"))
    def diff(self, entry):
        rows = [
            (field, _text(pair[0]), _text(pair[1]))
            if isinstance(pair, list) and len(pair) == 2
            else (field, "", _text(pair))
            for field, pair in sorted((entry.changes or {}).items())
        ]
        if not rows:
            return "-"
        return format_html_join(mark_safe("<br>"), "<code>{}</code>: {} → {}", rows)
