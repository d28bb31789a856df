from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    """What every app stands on: long jobs, API plumbing, the audit log. Imports no other app."""

    name = "core"
    verbose_name = _("Platform")
    #: model -> what an organiser may do with it (``core.organisers``): read the audit log, of
    #: their own pavilions only (``events/admin_audit.py``); nobody changes it.
    organiser_permissions = {
        "auditentry": ("view",),
    }

    def ready(self) -> None:
        from .organisers import ensure_organiser_group

        # After every app's migrations: each app's permissions exist only once it has migrated.
        post_migrate.connect(ensure_organiser_group, dispatch_uid="ensure_organiser_group")
