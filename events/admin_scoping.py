"""Admin pieces that keep each organiser inside the pavilions they organise, in their fairs' time.

One rule says whose a row is: ``pavilion_lookups(model)``, the lookups from a row to the pavilions
it belongs to. Everything the admin shows follows from it, for every model, including ones added
later: the lists, the choices of foreign keys and many-to-many fields (in forms and inlines), the
autocomplete results, the raw-id lookups (the related model's own list) and the list filters. A
model with a required foreign key to pavilion data is pavilion data too (a meeting's history
through its meeting, a buyer's days through the registration), so only the data reached the other
way round (a company through its registrations, a fair through its pavilions) is named here.

Times follow the same rows: a row's fair is found along the same lookups, and every time of a
pavilion's row is shown, and typed, in its fair's zone.
"""

import functools

from django.apps import apps
from django.conf import settings
from django.contrib import admin
from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.html import escape
from django.utils.translation import gettext_lazy as _

from . import fair_time
from .organisers import pavilions_organised_by

#: Pavilion data reached from the pavilion rather than from the row: whose it is follows from
#: these lookups (any of them). Every other model's rule is found from its foreign keys.
REVERSE_LOOKUPS: dict[str, tuple[str, ...]] = {
    "companies.sme": ("registrations__pavilion",),
    "companies.foreignbuyer": ("registrations__pavilion",),
    "companies.membership": ("sme__registrations__pavilion", "buyer__registrations__pavilion"),
    "events.tradefair": ("pavilions",),
    "events.organisingoffice": ("pavilions",),
    settings.AUTH_USER_MODEL.lower(): (
        "membership__sme__registrations__pavilion",
        "membership__buyer__registrations__pavilion",
        "organising_offices__pavilions",
    ),
}


def pavilion_lookups(model) -> tuple[str, ...]:
    """The lookups from a row of ``model`` to the pavilions it belongs to ("" for a pavilion
    itself); none for data of no pavilion (the reference data: sectors, markets, languages)."""
    return _lookups(model._meta.label_lower)


@functools.cache
def _lookups(label: str, depth: int = 0) -> tuple[str, ...]:
    model = apps.get_model(label)
    if label == "events.pavilion":
        return ("",)
    if label in REVERSE_LOOKUPS:
        return REVERSE_LOOKUPS[label]
    if depth > 3:
        return ()
    # Only required links: a row that may exist without its target (a sector of no fair in
    # particular) is not that target's data.
    links = [
        field
        for field in model._meta.get_fields()
        if (field.many_to_one or field.one_to_one) and field.concrete and not field.null
    ]
    for field in links:
        if field.related_model._meta.label_lower == "events.pavilion":
            return (field.name,)
    for field in links:
        found = _lookups(field.related_model._meta.label_lower, depth + 1)
        if found:
            return tuple(f"{field.name}__{lookup}" if lookup else field.name for lookup in found)
    return ()


def pavilion_scoped(queryset: QuerySet, user, *, unattached: bool = False) -> QuerySet:
    """The rows of ``queryset`` that belong to a pavilion ``user`` organises (every row for a
    platform administrator, and for data of no pavilion). ``unattached`` keeps the rows that
    belong to no pavilion at all too: a company that has not registered anywhere yet, which an
    organiser may register for their pavilion."""
    lookups = pavilion_lookups(queryset.model)
    if not lookups or (user.is_active and user.is_superuser):
        return queryset
    mine = pavilions_organised_by(user).values("pk")
    rows = queryset.model._base_manager
    rule = Q()
    for lookup in lookups:
        if not lookup:
            rule |= Q(pk__in=mine)
        else:
            rule |= Q(pk__in=rows.filter(**{f"{lookup}__in": mine}).values("pk"))
    if unattached:
        attached = Q()
        for lookup in lookups:
            if lookup:
                attached |= Q(pk__in=rows.filter(**{f"{lookup}__isnull": False}).values("pk"))
        rule |= ~attached
    return queryset.filter(rule)


def fair_of(obj):
    """The trade fair a row of pavilion data belongs to, along its lookups; None when it has
    none or several (a company registered with several pavilions)."""
    model = type(obj)
    if model._meta.label_lower == "events.tradefair":
        return obj
    lookups = pavilion_lookups(model)
    if len(lookups) != 1:
        return None
    pavilion = obj
    for part in filter(None, lookups[0].split("__")):
        field = type(pavilion)._meta.get_field(part)
        if not (field.many_to_one or field.one_to_one) or not field.concrete:
            return None  # a reverse relation: many pavilions
        pavilion = getattr(pavilion, part)
        if pavilion is None:
            return None
    return getattr(pavilion, "fair", None)


def _is_autocomplete(request) -> bool:
    match = getattr(request, "resolver_match", None)
    return bool(match and match.url_name == "autocomplete")


class ScopedChoices:
    """Every choice a model admin or an inline offers (foreign keys, many-to-many fields, and so
    the autocomplete and raw-id widgets) is limited to the user's pavilions."""

    #: Fields whose choices also offer companies registered with no pavilion yet, so that an
    #: organiser can apply or register one for their pavilion.
    newcomer_fields: tuple[str, ...] = ()

    def get_field_queryset(self, db, db_field, request):
        queryset = super().get_field_queryset(db, db_field, request)
        if queryset is None:
            queryset = db_field.remote_field.model._default_manager.using(db)
        return pavilion_scoped(
            queryset, request.user, unattached=db_field.name in self.newcomer_fields
        )


class ScopedTabularInline(ScopedChoices, admin.TabularInline):
    """An inline whose forms offer only the user's pavilions' data, down to the hidden field
    that names each row (which Django checks against every row of the table)."""

    def get_formset(self, request, obj=None, **kwargs):
        formset = super().get_formset(request, obj, **kwargs)
        user = request.user

        class ScopedFormSet(formset):
            def add_fields(self, form, index):
                super().add_fields(form, index)
                row = form.fields.get(self._pk_field.name)
                if row is not None and hasattr(row, "queryset"):
                    row.queryset = pavilion_scoped(row.queryset, user)

        ScopedFormSet.__name__ = formset.__name__
        return ScopedFormSet


class FairTimeColumn:
    """A list column showing a datetime field in its row's fair zone, with the zone's label."""

    def __init__(self, model_admin, field) -> None:
        self.model_admin, self.name = model_admin, field.name
        self.short_description = field.verbose_name
        self.admin_order_field = field.name
        self.__name__ = field.name

    # One column for one field, however often the admin asks for its columns (sorting compares).
    def __eq__(self, other) -> bool:
        return isinstance(other, FairTimeColumn) and other.name == self.name

    def __hash__(self) -> int:
        return hash((FairTimeColumn, self.name))

    def __call__(self, obj) -> str:
        fair = self.model_admin.fair_of(obj)
        tz = fair.time_zone if fair is not None else timezone.get_current_timezone()
        return fair_time.datetime_text(getattr(obj, self.name), tz)


class ScopedRelatedFilter(admin.RelatedOnlyFieldListFilter):
    """A relation filter offers what the user's rows use, and only the user's pavilions' data."""

    def field_choices(self, field, request, model_admin):
        used = (
            model_admin.get_queryset(request)
            .distinct()
            .values_list(f"{self.field_path}__pk", flat=True)
        )
        allowed = pavilion_scoped(field.related_model._default_manager.all(), request.user)
        ordering = self.field_admin_ordering(field, request, model_admin)
        return field.get_choices(
            include_blank=False,
            limit_choices_to=Q(pk__in=used) & Q(pk__in=allowed.values("pk")),
            ordering=ordering,
        )


class ScopedValuesFilter(admin.AllValuesFieldListFilter):
    """A filter on a plain field across a relation (``buyer__city``) offers the values of the
    user's rows only; Django's would list every row's value on the platform."""

    def __init__(self, field, request, params, model, model_admin, field_path):
        super().__init__(field, request, params, model, model_admin, field_path)
        self.lookup_choices = (
            model_admin.get_queryset(request)
            .order_by(field_path)
            .values_list(field_path, flat=True)
            .distinct()
        )


class PlatformModelAdmin(ScopedChoices, admin.ModelAdmin):
    """The base of the platform's admins.

    Lists, choices, autocomplete results and filters keep to the user's pavilions; a pavilion
    row's times are shown and typed in its fair's zone (the change form says so, and names the
    zone beside each time field); web addresses typed without a scheme are taken as https.
    """

    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}

    # -- scope -----------------------------------------------------------------------------

    def scope(self, request, queryset: QuerySet) -> QuerySet:
        return pavilion_scoped(queryset, request.user)

    def get_queryset(self, request):
        return self.scope(request, super().get_queryset(request))

    def get_search_results(self, request, queryset, search_term):
        if _is_autocomplete(request):
            queryset = self._autocomplete_choices(request, queryset)
        return super().get_search_results(request, queryset, search_term)

    def _autocomplete_choices(self, request, queryset):
        """An autocomplete offers exactly the choices of the field it fills in."""
        source = apps.get_model(request.GET["app_label"], request.GET["model_name"])
        field = source._meta.get_field(request.GET["field_name"])
        source_admin = self.admin_site._registry.get(source)
        if isinstance(source_admin, ScopedChoices):
            choices = source_admin.get_field_queryset(None, field, request)
        else:
            choices = pavilion_scoped(self.model._default_manager.all(), request.user)
        return self.model._default_manager.filter(pk__in=choices.values("pk")).complex_filter(
            field.get_limit_choices_to()
        )

    def get_list_filter(self, request):
        filters = []
        for entry in super().get_list_filter(request):
            if isinstance(entry, str):
                field, crosses = _final_field(self.model, entry)
                if field.is_relation:
                    entry = (entry, ScopedRelatedFilter)
                elif (
                    crosses
                    and not field.choices
                    and not isinstance(field, models.BooleanField | models.DateField)
                ):
                    entry = (entry, ScopedValuesFilter)
            filters.append(entry)
        return filters

    # -- time ------------------------------------------------------------------------------

    def fair_of(self, obj):
        """The fair whose zone this row's times are in (None: the platform's zone)."""
        return fair_of(obj)

    def get_list_display(self, request):
        columns = []
        for entry in super().get_list_display(request):
            if isinstance(entry, str) and _is_datetime_field(self.model, entry):
                entry = FairTimeColumn(self, self.model._meta.get_field(entry))
            columns.append(entry)
        return columns

    def fair_for_form(self, request, obj):
        """The fair whose zone the change form's times are in: the object's, or for a new one
        the pavilion or fair being chosen (or the only zone of the user's pavilions)."""
        if obj is not None:
            return self.fair_of(obj)
        from .models import Pavilion, TradeFair

        if not self._picks_a_fair():
            return None
        data = request.POST if request.method == "POST" else request.GET
        for name, model, path in (("pavilion", Pavilion, "fair__pk"), ("fair", TradeFair, "pk")):
            if str(data.get(name, "")).isdigit():
                found = pavilion_scoped(model.objects.all(), request.user).filter(pk=data[name])
                fair = TradeFair.objects.filter(pk__in=found.values(path)).first()
                if fair is not None:
                    return fair
        fairs = TradeFair.objects.filter(pk__in=pavilions_organised_by(request.user).values("fair"))
        zones = set(fairs.values_list("time_zone", flat=True))
        return fairs.first() if len(zones) == 1 else None

    def _picks_a_fair(self) -> bool:
        """A new row of this model belongs to the pavilion (or fair) chosen on its form."""
        names = {field.name for field in self.model._meta.get_fields()}
        return bool(names & {"pavilion", "fair"})

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        obj = self.get_object(request, object_id) if object_id else None
        if object_id and obj is None:
            return super().changeform_view(request, object_id, form_url, extra_context)
        fair = self.fair_for_form(request, obj)
        if fair is None:
            # Times typed for a new row are read in the zone of the fair it is given to.
            request.fair_time_zone = "" if obj is not None or not self._picks_a_fair() else None
            return super().changeform_view(request, object_id, form_url, extra_context)
        extra_context = {**(extra_context or {}), "fair_time_zone": fair.time_zone}
        request.fair_time_zone = fair.time_zone
        with timezone.override(fair.tz):
            response = super().changeform_view(request, object_id, form_url, extra_context)
            # Render now: a TemplateResponse would otherwise render after the override ends.
            if hasattr(response, "render") and not response.is_rendered:
                response.render()
            return response

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        formfield = super().formfield_for_dbfield(db_field, request, **kwargs)
        zone = getattr(request, "fair_time_zone", "")
        if zone != "" and formfield is not None and isinstance(db_field, models.DateTimeField):
            # The admin shows help texts as HTML: the zone's name is escaped.
            note = (
                _("In the fair's local time (%(zone)s).") % {"zone": escape(zone)}
                if zone
                else _("In the local time of the fair of the pavilion you choose.")
            )
            formfield.help_text = f"{formfield.help_text} {note}".strip()
        return formfield


def _final_field(model, lookup: str):
    """The field a lookup ends at, and whether it crosses a relation to get there."""
    field, crosses = None, False
    for part in lookup.split("__"):
        if field is not None and field.is_relation:
            model, crosses = field.related_model, True
        field = model._meta.get_field(part)
    return field, crosses


def _is_datetime_field(model, name: str) -> bool:
    try:
        return isinstance(model._meta.get_field(name), models.DateTimeField)
    except FieldDoesNotExist:  # a method of the admin or the model
        return False


class PavilionScopedAdmin(PlatformModelAdmin):
    """An admin of pavilion data: besides the list, opening, changing and deleting a row of
    another pavilion is refused."""

    def _in_scope(self, request, obj) -> bool:
        return obj is None or self.get_queryset(request).filter(pk=obj.pk).exists()

    def has_view_permission(self, request, obj=None):
        return super().has_view_permission(request, obj) and self._in_scope(request, obj)

    def has_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) and self._in_scope(request, obj)

    def has_delete_permission(self, request, obj=None):
        return super().has_delete_permission(request, obj) and self._in_scope(request, obj)
