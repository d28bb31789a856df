"""Admin pieces that keep each organiser inside the pavilions they organise.

Every admin of a pavilion-owned model names the lookup from its rows to the pavilion; the queryset,
foreign-key choices and object permissions all follow from that one path.
"""

from django.contrib import admin
from django.db import models
from django.db.models import QuerySet
from django.utils import timezone

from .organisers import pavilions_organised_by


class PlatformModelAdmin(admin.ModelAdmin):
    """The base of the platform's admins.

    Filters on relations offer only the objects the user's own rows use (a plain filter on
    "pavilion" would list every pavilion of the platform by name), and web addresses typed
    without a scheme are taken as https.
    """

    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}

    def get_list_filter(self, request):
        filters = []
        for entry in super().get_list_filter(request):
            if isinstance(entry, str) and _is_relation(self.model, entry):
                entry = (entry, admin.RelatedOnlyFieldListFilter)
            filters.append(entry)
        return filters


def _is_relation(model, lookup: str) -> bool:
    field = None
    for part in lookup.split("__"):
        field = model._meta.get_field(part)
        if field.is_relation:
            model = field.related_model
    return bool(field and field.is_relation)


class PavilionScopedAdmin(PlatformModelAdmin):
    #: The lookup from a row to its pavilion ("" for the Pavilion admin itself).
    pavilion_path: str = "pavilion"

    def scope(self, request, queryset: QuerySet) -> QuerySet:
        if request.user.is_superuser:
            return queryset
        allowed = pavilions_organised_by(request.user)
        lookup = f"{self.pavilion_path}__in" if self.pavilion_path else "pk__in"
        return queryset.filter(**{lookup: allowed}).distinct()

    def get_queryset(self, request):
        return self.scope(request, super().get_queryset(request))

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "pavilion" and not request.user.is_superuser:
            kwargs["queryset"] = pavilions_organised_by(request.user).select_related("fair")
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def _in_scope(self, request, obj) -> bool:
        return obj is None or self.get_queryset(request).filter(pk=obj.pk).exists()

    def has_view_permission(self, request, obj=None):
        return super().has_view_permission(request, obj) and self._in_scope(request, obj)

    def has_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) and self._in_scope(request, obj)

    def has_delete_permission(self, request, obj=None):
        return super().has_delete_permission(request, obj) and self._in_scope(request, obj)


class FairTimeZoneAdmin(admin.ModelAdmin):
    """Shows and reads an object's times in its fair's own time zone on the change form."""

    def fair_of(self, obj):
        raise NotImplementedError

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        obj = self.get_object(request, object_id) if object_id else None
        if obj is None:
            return super().changeform_view(request, object_id, form_url, extra_context)
        fair = self.fair_of(obj)
        extra_context = {**(extra_context or {}), "fair_time_zone": fair.time_zone}
        with timezone.override(fair.tz):
            response = super().changeform_view(request, object_id, form_url, extra_context)
            # Render now: a TemplateResponse would otherwise render after the override ends.
            if hasattr(response, "render") and not response.is_rendered:
                response.render()
            return response
