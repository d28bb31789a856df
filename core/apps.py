from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    """What every app stands on: long jobs, API plumbing, the audit log. Imports no other app."""

    name = "core"
    verbose_name = _("Platform")
