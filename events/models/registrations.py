"""Who takes part in a pavilion: exhibitors' applications and the organiser's decisions on them,
and foreign buyers' registrations with the days they attend."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from companies.models import SME, ForeignBuyer

from .fairs import Pavilion


class Side(models.TextChoices):
    """Who acts at a pavilion: one of its two sides, or an organiser."""

    EXHIBITOR = "exhibitor", _("Exhibitor")
    BUYER = "buyer", _("Buyer")
    ORGANISER = "organiser", _("Organiser")


class RegistrationStatus(models.TextChoices):
    APPLIED = "applied", _("Applied")
    ACCEPTED = "accepted", _("Accepted")
    WAITLISTED = "waitlisted", _("Waitlisted")
    REJECTED = "rejected", _("Rejected")
    WITHDRAWN = "withdrawn", _("Withdrawn")


class ExhibitorRegistration(models.Model):
    """An SME's application to exhibit in a pavilion, and the organiser's decision on it.

    The SME Basic Act verdict is kept with the figures it was computed from, so the reason
    shown later is the one that held when the company applied.
    """

    pavilion = models.ForeignKey(
        Pavilion,
        verbose_name=_("Japan Pavilion"),
        on_delete=models.PROTECT,
        related_name="exhibitor_registrations",
    )
    sme = models.ForeignKey(
        SME, verbose_name=_("SME"), on_delete=models.PROTECT, related_name="registrations"
    )
    status = models.CharField(
        _("status"),
        max_length=12,
        choices=RegistrationStatus.choices,
        default=RegistrationStatus.APPLIED,
    )
    booth = models.CharField(_("booth"), max_length=20, blank=True)
    is_sme_eligible = models.BooleanField(_("eligible SME"))
    eligibility_industry_class = models.CharField(_("industry class at application"), max_length=16)
    eligibility_capital_yen = models.PositiveBigIntegerField(_("capital at application (yen)"))
    eligibility_employees = models.PositiveIntegerField(_("employees at application"))
    eligibility_largest_large_shareholder_percent = models.PositiveSmallIntegerField(
        _("largest large-company shareholding at application (%)"), default=0
    )
    eligibility_large_shareholders_percent = models.PositiveSmallIntegerField(
        _("large-company shareholdings at application (%)"), default=0
    )
    eligibility_officers_from_large_company = models.BooleanField(
        _("officers from a large company at application"), default=False
    )
    first_time_exhibitor = models.BooleanField(
        _("first-time exhibitor"),
        help_text=_("No earlier pavilion and no direct exports when the company applied."),
    )
    message = models.TextField(_("message to the organiser"), blank=True)
    applied_at = models.DateTimeField(_("applied"), default=timezone.now)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("decided by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("exhibitor registration")
        verbose_name_plural = _("exhibitor registrations")
        ordering = ["pavilion", "applied_at"]
        constraints = [
            models.UniqueConstraint(fields=["pavilion", "sme"], name="exhibitor_applies_once"),
            models.UniqueConstraint(
                fields=["pavilion", "booth"],
                condition=~Q(booth=""),
                name="booth_given_once_per_pavilion",
            ),
            models.CheckConstraint(
                condition=Q(status__in=RegistrationStatus.values),
                name="exhibitor_registration_status_valid",
            ),
            models.CheckConstraint(
                condition=Q(booth="") | Q(status="accepted"),
                name="booth_only_for_accepted_exhibitors",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.sme} → {self.pavilion}"

    @property
    def eligibility(self):
        from companies.eligibility import sme_eligibility

        return sme_eligibility(
            industry_class=self.eligibility_industry_class,
            capital_yen=self.eligibility_capital_yen,
            employees=self.eligibility_employees,
            largest_large_shareholder_percent=self.eligibility_largest_large_shareholder_percent,
            large_shareholders_percent=self.eligibility_large_shareholders_percent,
            officers_from_large_company=self.eligibility_officers_from_large_company,
        )


class BuyerRegistrationStatus(models.TextChoices):
    REGISTERED = "registered", _("Registered")
    CANCELLED = "cancelled", _("Cancelled")


class BuyerRegistration(models.Model):
    """A foreign buyer coming to a pavilion's fair to meet its exhibitors, on given days."""

    pavilion = models.ForeignKey(
        Pavilion,
        verbose_name=_("Japan Pavilion"),
        on_delete=models.PROTECT,
        related_name="buyer_registrations",
    )
    buyer = models.ForeignKey(
        ForeignBuyer,
        verbose_name=_("foreign buyer"),
        on_delete=models.PROTECT,
        related_name="registrations",
    )
    status = models.CharField(
        _("status"),
        max_length=12,
        choices=BuyerRegistrationStatus.choices,
        default=BuyerRegistrationStatus.REGISTERED,
    )
    # What the buyer sources at this fair: the company's text is the default, and a later fair's
    # needs never rewrite what an earlier fair's briefings show.
    sourcing_needs = models.TextField(
        _("sourcing needs at this fair"),
        blank=True,
        help_text=_("What the company wants to buy or distribute, in its own words."),
    )
    required_certifications = models.ManyToManyField(
        "companies.Certification",
        verbose_name=_("required certifications at this fair"),
        blank=True,
        related_name="requiring_registrations",
    )
    registered_at = models.DateTimeField(_("registered"), default=timezone.now)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("buyer registration")
        verbose_name_plural = _("buyer registrations")
        ordering = ["pavilion", "registered_at"]
        constraints = [
            models.UniqueConstraint(fields=["pavilion", "buyer"], name="buyer_registers_once"),
            models.CheckConstraint(
                condition=Q(status__in=BuyerRegistrationStatus.values),
                name="buyer_registration_status_valid",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.buyer} → {self.pavilion}"


class BuyerAttendanceDay(models.Model):
    registration = models.ForeignKey(
        BuyerRegistration,
        verbose_name=_("buyer registration"),
        on_delete=models.CASCADE,
        related_name="days",
    )
    day = models.DateField(_("day"))

    class Meta:
        verbose_name = _("attendance day")
        verbose_name_plural = _("attendance days")
        ordering = ["day"]
        constraints = [
            models.UniqueConstraint(fields=["registration", "day"], name="attendance_day_once"),
        ]

    def __str__(self) -> str:
        return self.day.isoformat()

    def clean(self) -> None:
        fair = self.registration.pavilion.fair if self.registration_id else None
        if fair and self.day and not (fair.starts_on <= self.day <= fair.ends_on):
            raise ValidationError(
                {
                    "day": _("%(day)s is not a day of %(fair)s (%(first)s to %(last)s).")
                    % {"day": self.day, "fair": fair, "first": fair.starts_on, "last": fair.ends_on}
                }
            )
