"""The admin's rules for pavilion data: each organiser stays inside the pavilions they organise,
in their fairs' time.

One rule says whose a row is: ``pavilion_lookups(model)``, the lookups from a row to the pavilions
it belongs to. The admin base (``core.admin_scoping``) asks these rules (``PavilionRules``,
registered in ``events.apps``) for everything it shows, for every model of every app, including
ones added later. A model with a required foreign key to pavilion data is pavilion data too (a
meeting's history through its meeting, a buyer's days through the registration), so only the
data reached the other way round (a company through its registrations, a fair through its
pavilions) is named here.

Times follow the same rows: a row's fair is found along the same lookups, and every time of a
pavilion's row is shown, and typed, in its fair's zone.
"""

import functools

from django.apps import apps
from django.conf import settings
from django.db.models import Q, QuerySet

from core.admin_scoping import AdminRules

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


class PavilionRules(AdminRules):
    """The admin's rules for pavilion data (registered to ``core.admin_scoping.admin_rules``)."""

    def scoped(self, queryset: QuerySet, user, *, unattached: bool = False) -> QuerySet:
        return pavilion_scoped(queryset, user, unattached=unattached)

    def fair_of(self, obj):
        return fair_of(obj)

    def new_row_picks_a_fair(self, model) -> bool:
        """A new row of this model belongs to the pavilion (or fair) chosen on its form."""
        names = {field.name for field in model._meta.get_fields()}
        return bool(names & {"pavilion", "fair"})

    def fair_for_new_row(self, model, request):
        """The pavilion or fair being chosen on the form, or the only zone of the user's
        pavilions."""
        from .models import Pavilion, TradeFair

        if not self.new_row_picks_a_fair(model):
            return None
        data = request.POST if request.method == "POST" else request.GET
        for name, chosen, path in (("pavilion", Pavilion, "fair__pk"), ("fair", TradeFair, "pk")):
            if str(data.get(name, "")).isdigit():
                found = pavilion_scoped(chosen.objects.all(), request.user).filter(pk=data[name])
                fair = TradeFair.objects.filter(pk__in=found.values(path)).first()
                if fair is not None:
                    return fair
        fairs = TradeFair.objects.filter(pk__in=pavilions_organised_by(request.user).values("fair"))
        zones = set(fairs.values_list("time_zone", flat=True))
        return fairs.first() if len(zones) == 1 else None

    def datetime_text(self, instant, tz) -> str:
        return fair_time.datetime_text(instant, tz)


PAVILION_RULES = PavilionRules()


def pavilion_rules() -> PavilionRules:
    return PAVILION_RULES
