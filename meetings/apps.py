from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MeetingsConfig(AppConfig):
    """Meetings and their history, requests, availability, the scheduler and its runs,
    publication, exports and outcomes."""

    name = "meetings"
    verbose_name = _("Meetings")
