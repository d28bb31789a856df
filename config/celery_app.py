"""The Celery application.

Settings prefixed ``CELERY_`` in Django settings configure it. With no broker configured
(the laptop default) ``CELERY_TASK_ALWAYS_EAGER`` makes every task run in-process.
"""

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.local")

app = Celery("japan_pavilion")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
