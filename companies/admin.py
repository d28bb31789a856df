"""Admin for companies and reference data.

Reference data is the platform administrator's; organisers may read it. An organiser sees the
SMEs and buyers registered with the pavilions they organise, and no others. Every write,
accounts' passwords and API tokens included, goes through a service that records it.
"""

from django.contrib import admin, messages
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import UserAdmin
from django.contrib.auth.forms import AdminPasswordChangeForm
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from rest_framework.authtoken.admin import TokenAdmin
from rest_framework.authtoken.models import TokenProxy

from core.admin_scoping import PlatformModelAdmin, ScopedTabularInline
from core.admin_writes import AuditedAdmin, WritesThroughServices

from . import services
from .eligibility import sme_eligibility_of
from .models import SME, Certification, ForeignBuyer, Language, Market, Membership, Sector
from .names import family_name_first, person_column, person_name


@admin.register(Sector)
class SectorAdmin(AuditedAdmin):
    audit_subject = "sector"
    list_display = ["code", "name_en", "name_ja", "level", "parent", "fair"]
    list_filter = ["level", "fair"]
    search_fields = ["code", "name_en", "name_ja"]
    list_select_related = ["parent", "fair"]
    autocomplete_fields = ["parent"]


@admin.register(Market)
class MarketAdmin(AuditedAdmin):
    audit_subject = "market"
    list_display = ["code", "name_en", "name_ja", "kind"]
    list_filter = ["kind"]
    search_fields = ["code", "name_en", "name_ja"]
    filter_horizontal = ["countries"]


@admin.register(Language)
class LanguageAdmin(AuditedAdmin):
    audit_subject = "language"
    list_display = ["code", "name_en", "name_ja"]
    search_fields = ["code", "name_en", "name_ja"]


@admin.register(Certification)
class CertificationAdmin(AuditedAdmin):
    audit_subject = "certification"
    list_display = ["code", "name_en", "name_ja"]
    list_filter = ["markets"]
    search_fields = ["code", "name_en", "name_ja"]
    filter_horizontal = ["markets", "sectors"]


class MembershipInline(ScopedTabularInline):
    model = Membership
    extra = 0
    autocomplete_fields = ["user"]
    fields = ["user", "role", "job_title", "preferred_language"]


class OrganiserScopedCompanyAdmin(WritesThroughServices, PlatformModelAdmin):
    """Organisers see the companies registered with their pavilions (``core.admin_scoping``); a
    registration's company picker also offers companies registered nowhere yet.

    A profile is saved and deleted through the companies services (``company_create``,
    ``company_update``, ``company_delete``), its members (platform administrators only) through
    ``membership_save`` and ``membership_remove``; each records its audit entry.
    """

    inlines = [MembershipInline]
    sets_many = True

    def get_inlines(self, request, obj):
        return self.inlines if request.user.is_superuser else []

    def save_through(self, request, obj, form, change):
        if not change:
            saved = services.company_create(model=self.model, by=request.user, **form.cleaned_data)
        else:
            try:
                saved = services.company_update(company=obj, **form.cleaned_data)
            except ValidationError as error:
                # Lost a race with another change after the form was checked: nothing was saved.
                self.message_user(request, " ".join(error.messages), messages.ERROR)
                return
        obj.__dict__.update(saved.__dict__)

    def save_formset(self, request, form, formset, change):
        memberships = formset.save(commit=False)
        for membership in formset.deleted_objects:
            services.membership_remove(membership=membership, by=request.user)
        for membership in memberships:
            services.membership_save(membership=membership, by=request.user)

    def delete_through(self, request, obj):
        services.company_delete(company=obj, by=request.user)


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


@admin.register(Membership)
class MembershipAdmin(WritesThroughServices, PlatformModelAdmin):
    list_display = [person_column("user", _("user")), "sme", "buyer", "role", "job_title"]
    list_filter = ["role"]
    search_fields = ["user__username", "user__email", "sme__name_en", "sme__name_ja", "buyer__name"]
    autocomplete_fields = ["user", "sme", "buyer"]
    list_select_related = ["user", "sme", "buyer"]

    def save_through(self, request, obj, form, change):
        services.membership_save(membership=obj, by=request.user)

    def delete_through(self, request, obj):
        services.membership_remove(membership=obj, by=request.user)


class PasswordForm(AdminPasswordChangeForm):
    """The account's password page, setting the password through ``account_password_set`` so
    that the change is recorded (that it happened, never the password)."""

    def save(self, commit=True):
        usable = self.cleaned_data["set_usable_password"]
        return services.account_password_set(
            user=self.user, password=self.cleaned_data["password1"] if usable else None
        )


User = get_user_model()
admin.site.unregister(User)


@admin.register(User)
class PlatformUserAdmin(AuditedAdmin, UserAdmin):
    # Organisers may not open it; were they given it, they would see their pavilions' people.
    audit_subject = "account"
    audit_skipped = ("password", "last_login")
    change_password_form = PasswordForm
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
class PlatformTokenAdmin(WritesThroughServices, PlatformModelAdmin, TokenAdmin):
    """API tokens, for the platform administrator; kept to the pavilions' people like the rest.
    Each is given and taken back through ``api_token_save`` and ``api_token_delete``."""

    def save_through(self, request, obj, form, change):
        services.api_token_save(token=obj, by=request.user)

    def delete_through(self, request, obj):
        services.api_token_delete(token=obj, by=request.user)
