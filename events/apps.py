from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    name = "events"
    verbose_name = _("Events")

    def ready(self) -> None:
        from .organisers import ensure_organiser_group

        # After every app's migrations: each app's permissions exist only once it has migrated.
        post_migrate.connect(ensure_organiser_group, dispatch_uid="ensure_organiser_group")
