"""Companies and the reference data describing them: sectors, markets, languages, certifications.

An exhibiting Japanese SME and a foreign buyer are both companies; users belong to one of them
through a membership with a role.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from .bilingual import in_active_language
from .choices import (
    BuyerType,
    ExportExperience,
    IndustryClass,
    MarketKind,
    MemberRole,
    OrderSize,
    Prefecture,
    SectorLevel,
)
from .fields import ChoiceListField


class BilingualName(models.Model):
    """A name kept in English and Japanese; shown in the language of the request."""

    name_en = models.CharField(_("name (English)"), max_length=200)
    name_ja = models.CharField(_("name (Japanese)"), max_length=200, blank=True)

    class Meta:
        abstract = True

    def __str__(self) -> str:
        return self.name

    @property
    def name(self) -> str:
        return in_active_language(self.name_en, self.name_ja)


class Sector(BilingualName):
    """A node of the sector tree: HS sections and chapters by default, plus a fair's own categories.

    Matchmaking gives partial credit up the tree, so every node knows its parent and depth.
    """

    code = models.CharField(_("code"), max_length=40)
    level = models.CharField(_("level"), max_length=10, choices=SectorLevel.choices)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("parent"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )
    # A fair's own category belongs to that fair; the shared taxonomy has no fair.
    fair = models.ForeignKey(
        "events.TradeFair",
        verbose_name=_("trade fair"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="sectors",
        help_text=_("Set for a category that only this fair uses."),
    )

    class Meta:
        verbose_name = _("sector")
        verbose_name_plural = _("sectors")
        ordering = ["code"]
        constraints = [
            models.UniqueConstraint(
                fields=["code"], condition=Q(fair__isnull=True), name="sector_code_unique_shared"
            ),
            models.UniqueConstraint(fields=["fair", "code"], name="sector_code_unique_per_fair"),
            models.CheckConstraint(
                condition=Q(level="section", parent__isnull=True) | ~Q(level="section"),
                name="sector_section_is_root",
            ),
            models.CheckConstraint(
                condition=Q(level__in=SectorLevel.values), name="sector_level_valid"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.code} {self.name}"

    def ancestors(self) -> list["Sector"]:
        """From the root down to this node's parent."""
        chain, node = [], self.parent
        while node is not None:
            chain.append(node)
            node = node.parent
        return list(reversed(chain))


class Market(BilingualName):
    """A country (ISO 3166-1 alpha-2 code) or a region (EU, ASEAN, GCC, ...) made of countries."""

    code = models.CharField(_("code"), max_length=12, unique=True)
    kind = models.CharField(_("kind"), max_length=10, choices=MarketKind.choices)
    countries = models.ManyToManyField(
        "self",
        verbose_name=_("member countries"),
        symmetrical=False,
        blank=True,
        related_name="regions",
        limit_choices_to={"kind": MarketKind.COUNTRY},
    )

    class Meta:
        verbose_name = _("market")
        verbose_name_plural = _("markets")
        ordering = ["kind", "name_en"]
        constraints = [
            models.CheckConstraint(
                condition=Q(kind__in=MarketKind.values), name="market_kind_valid"
            ),
        ]


class Language(BilingualName):
    code = models.CharField(_("ISO 639-1 code"), max_length=8, unique=True)

    class Meta:
        verbose_name = _("language")
        verbose_name_plural = _("languages")
        ordering = ["name_en"]


class Certification(BilingualName):
    """A certification or approval a market may demand (CE/MDR, FDA, Halal, HACCP, ...)."""

    code = models.CharField(_("code"), max_length=40, unique=True)
    description_en = models.TextField(_("description (English)"), blank=True)
    description_ja = models.TextField(_("description (Japanese)"), blank=True)
    markets = models.ManyToManyField(
        Market, verbose_name=_("markets that demand it"), blank=True, related_name="certifications"
    )
    sectors = models.ManyToManyField(
        Sector, verbose_name=_("sectors it applies to"), blank=True, related_name="certifications"
    )

    class Meta:
        verbose_name = _("certification")
        verbose_name_plural = _("certifications")
        ordering = ["code"]


class Company(models.Model):
    """What an exhibiting SME and a foreign buyer share: contact details and languages."""

    website = models.URLField(_("website"), blank=True)
    contact_email = models.EmailField(_("contact email"), blank=True)
    languages = models.ManyToManyField(Language, verbose_name=_("languages spoken"), blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        abstract = True


class SME(Company):
    """A Japanese small or medium-sized enterprise that exhibits in Japan Pavilions."""

    name_ja = models.CharField(_("company name (Japanese)"), max_length=200)
    name_en = models.CharField(_("company name (English)"), max_length=200)
    prefecture = models.CharField(_("prefecture"), max_length=12, choices=Prefecture.choices)
    industry_class = models.CharField(
        _("industry class (SME Basic Act)"),
        max_length=16,
        choices=IndustryClass.choices,
        help_text=_("Sets the capital and employee limits for SME eligibility."),
    )
    employees = models.PositiveIntegerField(_("employees"))
    capital_yen = models.PositiveBigIntegerField(_("capital (yen)"))
    description_ja = models.TextField(_("description (Japanese)"), blank=True)
    description_en = models.TextField(_("description (English)"), blank=True)
    products_ja = models.TextField(_("products (Japanese)"), blank=True)
    products_en = models.TextField(_("products (English)"), blank=True)
    sectors = models.ManyToManyField(
        Sector, verbose_name=_("sectors"), blank=True, related_name="smes"
    )
    target_markets = models.ManyToManyField(
        Market, verbose_name=_("target markets"), blank=True, related_name="targeting_smes"
    )
    certifications = models.ManyToManyField(
        Certification, verbose_name=_("certifications held"), blank=True, related_name="smes"
    )
    buyer_types_served = ChoiceListField(
        _("buyer types served"),
        item_choices=BuyerType.choices,
        help_text=_("Leave empty if the company works with any kind of buyer."),
    )
    order_sizes_served = ChoiceListField(
        _("order sizes served"),
        item_choices=OrderSize.choices,
        help_text=_("Leave empty if the company can serve orders of any size."),
    )
    export_experience = models.CharField(
        _("export experience"),
        max_length=16,
        choices=ExportExperience.choices,
        default=ExportExperience.NONE,
    )
    # Ownership by large companies: a company they control is deemed large (みなし大企業) and is
    # not an SME, whatever its size.
    largest_large_shareholder_percent = models.PositiveSmallIntegerField(
        _("share held by the largest large-company shareholder (%)"),
        default=0,
        validators=[MaxValueValidator(100)],
        help_text=_("0 if no large company holds shares."),
    )
    large_shareholders_percent = models.PositiveSmallIntegerField(
        _("share held by large companies in total (%)"),
        default=0,
        validators=[MaxValueValidator(100)],
    )
    officers_from_large_company = models.BooleanField(
        _("half or more of the officers come from a large company"),
        default=False,
        help_text=_("Officers who are also officers or employees of a large company."),
    )

    class Meta:
        verbose_name = _("SME")
        verbose_name_plural = _("SMEs")
        ordering = ["name_en"]
        constraints = [
            models.UniqueConstraint(fields=["name_ja"], name="sme_name_ja_unique"),
            models.CheckConstraint(
                condition=Q(industry_class__in=IndustryClass.values),
                name="sme_industry_class_valid",
            ),
            models.CheckConstraint(
                condition=Q(export_experience__in=ExportExperience.values),
                name="sme_export_experience_valid",
            ),
            models.CheckConstraint(
                condition=Q(prefecture__in=Prefecture.values), name="sme_prefecture_valid"
            ),
            models.CheckConstraint(
                condition=Q(large_shareholders_percent__lte=100)
                & Q(largest_large_shareholder_percent__lte=F("large_shareholders_percent")),
                name="sme_large_shareholdings_valid",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        # The database refuses it too; this says which field to correct, in words.
        largest, total = self.largest_large_shareholder_percent, self.large_shareholders_percent
        if largest is not None and total is not None and largest > total:
            raise ValidationError(
                {
                    "large_shareholders_percent": _(
                        "The share large companies hold in total cannot be less than the "
                        "%(largest)s%% the largest of them holds."
                    )
                    % {"largest": largest}
                }
            )

    @property
    def name(self) -> str:
        return in_active_language(self.name_en, self.name_ja)

    @property
    def exports_directly(self) -> bool:
        return self.export_experience in (ExportExperience.DIRECT, ExportExperience.OVERSEAS_BASE)


class ForeignBuyer(Company):
    """A company abroad that sources from Japan: importer, distributor, retailer, OEM, agent, ..."""

    name = models.CharField(_("company name"), max_length=200)
    country = models.ForeignKey(
        Market,
        verbose_name=_("country"),
        on_delete=models.PROTECT,
        related_name="buyers",
        limit_choices_to={"kind": MarketKind.COUNTRY},
    )
    city = models.CharField(_("city"), max_length=100, blank=True)
    buyer_type = models.CharField(_("buyer type"), max_length=16, choices=BuyerType.choices)
    sourcing_needs = models.TextField(
        _("sourcing needs"),
        blank=True,
        help_text=_("What the company wants to buy or distribute, in its own words."),
    )
    order_size = models.CharField(_("typical order size"), max_length=16, choices=OrderSize.choices)
    sectors = models.ManyToManyField(
        Sector, verbose_name=_("sectors of interest"), blank=True, related_name="buyers"
    )
    required_certifications = models.ManyToManyField(
        Certification,
        verbose_name=_("required certifications"),
        blank=True,
        related_name="requiring_buyers",
    )

    class Meta:
        verbose_name = _("foreign buyer")
        verbose_name_plural = _("foreign buyers")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["name", "country"], name="buyer_name_country_unique"),
            models.CheckConstraint(
                condition=Q(buyer_type__in=BuyerType.values), name="buyer_type_valid"
            ),
            models.CheckConstraint(
                condition=Q(order_size__in=OrderSize.values), name="buyer_order_size_valid"
            ),
        ]

    def __str__(self) -> str:
        return self.name


class Membership(models.Model):
    """A user's place in exactly one company (an SME or a buyer), with a role."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.CASCADE,
        related_name="membership",
    )
    sme = models.ForeignKey(
        SME,
        verbose_name=_("SME"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="members",
    )
    buyer = models.ForeignKey(
        ForeignBuyer,
        verbose_name=_("foreign buyer"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="members",
    )
    role = models.CharField(
        _("role"), max_length=8, choices=MemberRole.choices, default=MemberRole.STAFF
    )
    job_title = models.CharField(_("job title"), max_length=100, blank=True)
    preferred_language = models.CharField(
        _("preferred language"),
        max_length=8,
        choices=settings.LANGUAGES,
        blank=True,
        help_text=_(
            "Emails come in this language; empty: Japanese for exhibitors, English for buyers."
        ),
    )

    class Meta:
        verbose_name = _("company membership")
        verbose_name_plural = _("company memberships")
        constraints = [
            models.CheckConstraint(
                condition=(
                    Q(sme__isnull=False, buyer__isnull=True)
                    | Q(sme__isnull=True, buyer__isnull=False)
                ),
                name="membership_exactly_one_company",
            ),
            models.CheckConstraint(
                condition=Q(role__in=MemberRole.values), name="membership_role_valid"
            ),
            models.CheckConstraint(
                condition=Q(preferred_language__in=["", *(code for code, _ in settings.LANGUAGES)]),
                name="membership_preferred_language_valid",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user} @ {self.company}"

    @property
    def company(self) -> SME | ForeignBuyer:
        return self.sme or self.buyer
