"""Celery tasks of the platform's plumbing."""

from datetime import timedelta

from celery import shared_task
from django.utils import timezone

from .models import ApiIdempotencyKey


@shared_task
def purge_idempotency_keys() -> int:
    """Periodic: forget the API's stored answers after a day; a retry comes within minutes."""
    cutoff = timezone.now() - timedelta(days=1)
    deleted, _by_model = ApiIdempotencyKey.objects.filter(created_at__lt=cutoff).delete()
    return deleted
