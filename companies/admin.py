"""Admin for companies and reference data.

Reference data is the platform administrator's; organisers may read it. An organiser sees the
SMEs and buyers registered with the pavilions they organise, and no others.
"""

from django.contrib import admin
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import UserAdmin
from django.utils.translation import gettext_lazy as _
from rest_framework.authtoken.admin import TokenAdmin
from rest_framework.authtoken.models import TokenProxy

from core.admin_scoping import PlatformModelAdmin, ScopedTabularInline

from .eligibility import sme_eligibility_of
from .models import SME, Certification, ForeignBuyer, Language, Market, Membership, Sector
from .names import family_name_first, person_column, person_name


@admin.register(Sector)
class SectorAdmin(PlatformModelAdmin):
    list_display = ["code", "name_en", "name_ja", "level", "parent", "fair"]
    list_filter = ["level", "fair"]
    search_fields = ["code", "name_en", "name_ja"]
    list_select_related = ["parent", "fair"]
    autocomplete_fields = ["parent"]


@admin.register(Market)
class MarketAdmin(PlatformModelAdmin):
    list_display = ["code", "name_en", "name_ja", "kind"]
    list_filter = ["kind"]
    search_fields = ["code", "name_en", "name_ja"]
    filter_horizontal = ["countries"]


@admin.register(Language)
class LanguageAdmin(PlatformModelAdmin):
    list_display = ["code", "name_en", "name_ja"]
    search_fields = ["code", "name_en", "name_ja"]


@admin.register(Certification)
class CertificationAdmin(PlatformModelAdmin):
    list_display = ["code", "name_en", "name_ja"]
    list_filter = ["markets"]
    search_fields = ["code", "name_en", "name_ja"]
    filter_horizontal = ["markets", "sectors"]


class OrganiserScopedCompanyAdmin(PlatformModelAdmin):
    """Organisers see the companies registered with their pavilions (``core.admin_scoping``); a
    registration's company picker also offers companies registered nowhere yet."""


class MembershipInline(ScopedTabularInline):
    model = Membership
    extra = 0
    autocomplete_fields = ["user"]
    fields = ["user", "role", "job_title", "preferred_language"]


@admin.register(SME)
class SMEAdmin(OrganiserScopedCompanyAdmin):
    list_display = [
        "name_en",
        "name_ja",
        "prefecture",
        "industry_class",
        "employees",
        "capital_yen",
        "export_experience",
    ]
    list_filter = [
        "prefecture",
        "industry_class",
        "export_experience",
        "sectors__parent",
        "certifications",
    ]
    search_fields = ["name_en", "name_ja", "products_en", "products_ja"]
    filter_horizontal = ["sectors", "target_markets", "languages", "certifications"]
    inlines = [MembershipInline]
    readonly_fields = ["eligibility_verdict"]
    fieldsets = [
        (None, {"fields": ["name_ja", "name_en", "prefecture", "website", "contact_email"]}),
        (
            _("SME Basic Act"),
            {
                "fields": [
                    "industry_class",
                    "employees",
                    "capital_yen",
                    "largest_large_shareholder_percent",
                    "large_shareholders_percent",
                    "officers_from_large_company",
                    "eligibility_verdict",
                ]
            },
        ),
        (
            _("Profile"),
            {"fields": ["description_ja", "description_en", "products_ja", "products_en"]},
        ),
        (
            _("Markets and readiness"),
            {
                "fields": [
                    "sectors",
                    "target_markets",
                    "languages",
                    "certifications",
                    "export_experience",
                    "buyer_types_served",
                    "order_sizes_served",
                ]
            },
        ),
    ]

    def get_inlines(self, request, obj):
        return self.inlines if request.user.is_superuser else []

    @admin.display(description=_("SME eligibility"))
    def eligibility_verdict(self, sme):
        return sme_eligibility_of(sme).reason if sme.pk else "—"


@admin.register(ForeignBuyer)
class ForeignBuyerAdmin(OrganiserScopedCompanyAdmin):
    list_display = ["name", "country", "city", "buyer_type", "order_size"]
    list_filter = ["buyer_type", "order_size", "country"]
    search_fields = ["name", "city", "sourcing_needs"]
    list_select_related = ["country"]
    autocomplete_fields = ["country"]
    filter_horizontal = ["sectors", "languages", "required_certifications"]
    inlines = [MembershipInline]

    def get_inlines(self, request, obj):
        return self.inlines if request.user.is_superuser else []


@admin.register(Membership)
class MembershipAdmin(PlatformModelAdmin):
    list_display = [person_column("user", _("user")), "sme", "buyer", "role", "job_title"]
    list_filter = ["role"]
    search_fields = ["user__username", "user__email", "sme__name_en", "sme__name_ja", "buyer__name"]
    autocomplete_fields = ["user", "sme", "buyer"]
    list_select_related = ["user", "sme", "buyer"]


User = get_user_model()
admin.site.unregister(User)


@admin.register(User)
class PlatformUserAdmin(PlatformModelAdmin, UserAdmin):
    # Organisers may not open it; were they given it, they would see their pavilions' people.
    list_display = ["username", "email", "full_name", "is_staff", "company"]
    list_select_related = ["membership__sme", "membership__buyer"]

    @admin.display(description=_("full name"), ordering="last_name")
    def full_name(self, user):
        return person_name(user) if (user.first_name or user.last_name) else ""

    def get_fieldsets(self, request, obj=None):
        # Family name first in Japanese (姓, 名), as on every other form with a name.
        return [
            (
                title,
                {**options, "fields": list(family_name_first(dict.fromkeys(options["fields"])))},
            )
            for title, options in super().get_fieldsets(request, obj)
        ]

    @admin.display(description=_("company"))
    def company(self, user):
        membership = getattr(user, "membership", None)
        return membership.company if membership else ""


admin.site.unregister(TokenProxy)


@admin.register(TokenProxy)
class PlatformTokenAdmin(PlatformModelAdmin, TokenAdmin):
    """API tokens, for the platform administrator; kept to the pavilions' people like the rest."""
