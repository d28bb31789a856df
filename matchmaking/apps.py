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

    def ready(self) -> None:
        # runserver's file watcher is a second process that serves nothing: it stays quiet.
        watcher = "runserver" in sys.argv and os.environ.get("RUN_MAIN") != "true"
        if settings.CELERY_TASK_ALWAYS_EAGER and not watcher:
            logger.info("No CELERY_BROKER_URL or REDIS_URL is set: tasks run in-process.")
