"""Matchmaking state: tuned weights, explicit wishes and proposals.

The scoring itself lives in ``matchmaking.engine`` (no Django); ``services`` feeds it rows and
writes its proposals back.
"""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from companies.models import SME, ForeignBuyer
from events.models import Pavilion

from .runs import MatchingRun


class MatchingSettings(models.Model):
    """An organiser's tuning of the scoring weights for one pavilion (engine defaults otherwise)."""

    pavilion = models.OneToOneField(
        Pavilion,
        verbose_name=_("Japan Pavilion"),
        on_delete=models.CASCADE,
        related_name="matching_settings",
    )
    weights = models.JSONField(_("weights"), default=dict, blank=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("matchmaking settings")
        verbose_name_plural = _("matchmaking settings")

    def __str__(self) -> str:
        return str(self.pavilion)


class WishKind(models.TextChoices):
    REQUESTED_BY_BUYER = "requested_by_buyer", _("Requested by the buyer")
    REQUESTED_BY_SME = "requested_by_sme", _("Requested by the exhibitor")
    MUST_MEET = "must_meet", _("Must meet (organiser)")
    NO_THANKS = "no_thanks", _("No thanks")
    MET_BEFORE = "met_before", _("Met before")


class PairWish(models.Model):
    """An explicit wish about one exhibitor-buyer pair; it outweighs inferred fit."""

    pavilion = models.ForeignKey(
        Pavilion, verbose_name=_("Japan Pavilion"), on_delete=models.CASCADE, related_name="wishes"
    )
    sme = models.ForeignKey(SME, verbose_name=_("SME"), on_delete=models.CASCADE, related_name="+")
    buyer = models.ForeignKey(
        ForeignBuyer, verbose_name=_("foreign buyer"), on_delete=models.CASCADE, related_name="+"
    )
    kind = models.CharField(_("wish"), max_length=20, choices=WishKind.choices)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("wish")
        verbose_name_plural = _("wishes")
        ordering = ["pavilion", "-created_at"]
        constraints = [
            models.UniqueConstraint(fields=["pavilion", "sme", "buyer", "kind"], name="wish_once"),
            models.CheckConstraint(condition=Q(kind__in=WishKind.values), name="wish_kind_valid"),
        ]

    def __str__(self) -> str:
        return f"{self.sme} / {self.buyer}: {self.get_kind_display()}"


class ProposalStatus(models.TextChoices):
    OPEN = "open", _("Open")
    ACCEPTED = "accepted", _("Accepted")
    DECLINED = "declined", _("Declined")


class Proposal(models.Model):
    """A meeting the scoring job proposes, with its score and the reasons for it.

    One row per pair and pavilion: a later run updates an open proposal or withdraws it, but
    never reopens a declined one.
    """

    pavilion = models.ForeignKey(
        Pavilion,
        verbose_name=_("Japan Pavilion"),
        on_delete=models.CASCADE,
        related_name="proposals",
    )
    run = models.ForeignKey(
        MatchingRun,
        verbose_name=_("matchmaking run"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="proposals",
    )
    sme = models.ForeignKey(
        SME, verbose_name=_("SME"), on_delete=models.CASCADE, related_name="proposals"
    )
    buyer = models.ForeignKey(
        ForeignBuyer,
        verbose_name=_("foreign buyer"),
        on_delete=models.CASCADE,
        related_name="proposals",
    )
    score = models.FloatField(_("score"), validators=[MinValueValidator(0), MaxValueValidator(100)])
    reason = models.JSONField(_("reasons"), default=dict)
    status = models.CharField(
        _("status"), max_length=10, choices=ProposalStatus.choices, default=ProposalStatus.OPEN
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("decided by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    created_at = models.DateTimeField(_("proposed"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("proposal")
        verbose_name_plural = _("proposals")
        ordering = ["pavilion", "sme", "-score"]
        constraints = [
            models.UniqueConstraint(
                fields=["pavilion", "sme", "buyer"], name="proposal_once_per_pair"
            ),
            models.CheckConstraint(
                condition=Q(score__gte=0, score__lte=100), name="proposal_score_range"
            ),
            models.CheckConstraint(
                condition=Q(status__in=ProposalStatus.values), name="proposal_status_valid"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.sme} ↔ {self.buyer} ({self.score:.0f})"
