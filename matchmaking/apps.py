import logging
import os
import sys

from django.apps import AppConfig
from django.conf import settings
from django.utils.translation import gettext_lazy as _

logger = logging.getLogger(__name__)


class MatchmakingConfig(AppConfig):
    name = "matchmaking"
    verbose_name = _("Matchmaking")
    #: model -> what an organiser may do with it, in their own pavilions (``core.organisers``)
    organiser_permissions = {
        "matchingsettings": ("view", "change"),
        "pairwish": ("view", "add", "delete"),
        "matchingrun": ("view",),
        "proposal": ("view", "change"),
    }

    def ready(self) -> None:
        # runserver's file watcher is a second process that serves nothing: it stays quiet.
        watcher = "runserver" in sys.argv and os.environ.get("RUN_MAIN") != "true"
        if settings.CELERY_TASK_ALWAYS_EAGER and not watcher:
            logger.info("No CELERY_BROKER_URL or REDIS_URL is set: tasks run in-process.")
        self.answer_the_layers_below()

    def answer_the_layers_below(self) -> None:
        """What events asks matchmaking (docs/architecture.md, "Layers")."""
        from events import hooks as events_hooks

        from . import views
        from .admin import pavilions

        events_hooks.pavilion_admin_actions.register(pavilions.run_matchmaking)
        events_hooks.pavilion_admin_links.register(pavilions.pavilion_links)
        events_hooks.pavilion_links.register(views.participant_links)
