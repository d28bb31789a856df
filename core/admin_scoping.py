"""The base of every app's admin: each user sees only their own rows, and each row's times in
the zone they belong to.

Core knows neither pavilions nor fairs. Which rows a user may see, and which fair's zone a row's
times are in, are the ``AdminRules`` that an app registers to ``admin_rules`` (events registers
the pavilion rules: events/admin_scoping.py). Without them, everyone sees every row, in the
platform's zone.

One rule scopes everything the admin shows, for every model, including ones added later: the
lists, the choices of foreign keys and many-to-many fields (in forms and inlines), the
autocomplete results, the raw-id lookups (the related model's own list) and the list filters.
"""

from django.apps import apps
from django.contrib import admin
from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import escape
from django.utils.translation import gettext_lazy as _

from .hooks import Hook


class AdminRules:
    """What the admin base asks about rows; these defaults scope nothing.

    A row's *fair* is whatever its times are local to: an object with a ``time_zone`` (an IANA
    name) and a ``tz`` (the zone), or None for the platform's zone.
    """

    def scoped(self, queryset: QuerySet, user, *, unattached: bool = False) -> QuerySet:
        """The rows of ``queryset`` the user may see; ``unattached`` also keeps the rows that
        belong to nobody yet (a company registered nowhere, which an organiser may register)."""
        return queryset

    def fair_of(self, obj):
        """The fair whose zone a row's times are in, or None."""
        return None

    def fair_for_new_row(self, model, request):
        """The fair whose zone a new row's form is in (from what the form picks), or None."""
        return None

    def new_row_picks_a_fair(self, model) -> bool:
        """Whether a new row of ``model`` belongs to a fair chosen on its form (its times are
        then read in that fair's zone, which the form cannot name yet)."""
        return False

    def datetime_text(self, instant, tz) -> str:
        """An instant as a list column shows it, in ``tz``."""
        return date_format(timezone.localtime(instant, tz), "DATETIME_FORMAT") if instant else ""


admin_rules = Hook(
    "core.admin_rules",
    "() -> the AdminRules every admin follows (events: the pavilion rules).",
    single=True,
    default=AdminRules,
)


def scoped(queryset: QuerySet, user, *, unattached: bool = False) -> QuerySet:
    return admin_rules().scoped(queryset, user, unattached=unattached)


def _is_autocomplete(request) -> bool:
    match = getattr(request, "resolver_match", None)
    return bool(match and match.url_name == "autocomplete")


class ScopedChoices:
    """Every choice a model admin or an inline offers (foreign keys, many-to-many fields, and so
    the autocomplete and raw-id widgets) is limited to the user's rows."""

    #: Fields whose choices also offer companies registered with no pavilion yet, so that an
    #: organiser can apply or register one for their pavilion.
    newcomer_fields: tuple[str, ...] = ()

    def get_field_queryset(self, db, db_field, request):
        queryset = super().get_field_queryset(db, db_field, request)
        if queryset is None:
            queryset = db_field.remote_field.model._default_manager.using(db)
        return scoped(queryset, request.user, unattached=db_field.name in self.newcomer_fields)


class ScopedTabularInline(ScopedChoices, admin.TabularInline):
    """An inline whose forms offer only the user's rows, down to the hidden field that names
    each row (which Django checks against every row of the table)."""

    def get_formset(self, request, obj=None, **kwargs):
        formset = super().get_formset(request, obj, **kwargs)
        user = request.user

        class ScopedFormSet(formset):
            def add_fields(self, form, index):
                super().add_fields(form, index)
                row = form.fields.get(self._pk_field.name)
                if row is not None and hasattr(row, "queryset"):
                    row.queryset = scoped(row.queryset, user)

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
        return admin_rules().datetime_text(getattr(obj, self.name), tz)


class ScopedRelatedFilter(admin.RelatedOnlyFieldListFilter):
    """A relation filter offers what the user's rows use, and only the user's rows."""

    def field_choices(self, field, request, model_admin):
        used = (
            model_admin.get_queryset(request)
            .distinct()
            .values_list(f"{self.field_path}__pk", flat=True)
        )
        allowed = scoped(field.related_model._default_manager.all(), request.user)
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

    Lists, choices, autocomplete results and filters keep to the user's rows; a row's times are
    shown and typed in its fair's zone (the change form says so, and names the zone beside each
    time field); web addresses typed without a scheme are taken as https.
    """

    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}

    # -- scope -----------------------------------------------------------------------------

    def scope(self, request, queryset: QuerySet) -> QuerySet:
        return scoped(queryset, request.user)

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
            choices = scoped(self.model._default_manager.all(), request.user)
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
        return admin_rules().fair_of(obj)

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
        return admin_rules().fair_for_new_row(self.model, request)

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        obj = self.get_object(request, object_id) if object_id else None
        if object_id and obj is None:
            return super().changeform_view(request, object_id, form_url, extra_context)
        fair = self.fair_for_form(request, obj)
        if fair is None:
            # Times typed for a new row are read in the zone of the fair it is given to.
            picks = obj is None and admin_rules().new_row_picks_a_fair(self.model)
            request.fair_time_zone = None if picks else ""
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


class PavilionScopedAdmin(PlatformModelAdmin):
    """An admin of rows that belong to someone (a pavilion's): besides the list, opening,
    changing and deleting a row outside the user's scope is refused."""

    def _in_scope(self, request, obj) -> bool:
        return obj is None or self.get_queryset(request).filter(pk=obj.pk).exists()

    def has_view_permission(self, request, obj=None):
        return super().has_view_permission(request, obj) and self._in_scope(request, obj)

    def has_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) and self._in_scope(request, obj)

    def has_delete_permission(self, request, obj=None):
        return super().has_delete_permission(request, obj) and self._in_scope(request, obj)


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
