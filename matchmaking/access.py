"""What each actor may read and do with proposals and wishes (see companies.access)."""

from django.db.models import QuerySet

from companies.access import Actor
from events.access import organised_rows_visible_to, pair_rows_visible_to

from .models import PairWish, Proposal


def proposals_visible_to(actor: Actor) -> QuerySet:
    return pair_rows_visible_to(actor, Proposal.objects.all())


def wishes_visible_to(actor: Actor) -> QuerySet:
    """Wishes about pairs are the organisers' tuning: only they read them, for their pavilions.
    (A company says the same through its meeting requests and by declining proposals.)"""
    return organised_rows_visible_to(actor, PairWish.objects.all())
