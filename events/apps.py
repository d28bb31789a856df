from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    name = "events"
    verbose_name = _("Events")
    #: model -> what an organiser may do with it, in their own pavilions (``core.organisers``)
    organiser_permissions = {
        "organisingoffice": ("view",),
        "tradefair": ("view",),
        "pavilion": ("view", "change"),
        "timetablebreak": ("view", "add", "change", "delete"),
        "exhibitorregistration": ("view", "add", "change"),
        "buyerregistration": ("view", "add", "change"),
        "buyerattendanceday": ("view", "add", "change", "delete"),
        "meetingslot": ("view", "add", "change", "delete"),
        "interpreter": ("view", "add", "change", "delete"),
    }

    def ready(self) -> None:
        # What the layers below ask events (docs/architecture.md, "Layers").
        from companies import hooks as companies_hooks
        from core.admin_scoping import admin_rules

        from .access import companies_of_pavilions
        from .admin_scoping import pavilion_rules
        from .organisers import pavilion_ids_organised_by

        companies_hooks.organised_pavilion_ids.register(pavilion_ids_organised_by)
        companies_hooks.companies_of_pavilions.register(companies_of_pavilions)
        admin_rules.register(pavilion_rules)
