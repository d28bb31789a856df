"""Forms of the company pages: sign-up, the bilingual SME profile, the buyer profile, invitations.

Forms validate input and show errors; saving goes through ``companies.services``.
"""

from django import forms
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.forms import BaseUserCreationForm
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import get_language_info
from django.utils.translation import gettext_lazy as _

from . import selectors
from .choices import MarketKind, MemberRole
from .models import SME, Certification, ForeignBuyer, Language, Market, Sector
from .names import family_name_first


class DescribedFieldsMixin:
    """Links each input to its help text and errors (aria-describedby) and marks invalid ones."""

    def _describe_fields(self) -> None:
        errors = self._errors or {}
        for name, field in self.fields.items():
            auto_id = self[name].auto_id
            described = []
            if field.help_text:
                described.append(f"{auto_id}_helptext")
            if name in errors:
                described.append(f"{auto_id}_error")
                field.widget.attrs["aria-invalid"] = "true"
            if described:
                field.widget.attrs["aria-describedby"] = " ".join(described)

    def full_clean(self):
        super().full_clean()
        self._describe_fields()

    def add_error(self, field, error):
        super().add_error(field, error)
        self._describe_fields()

    def add_service_error(self, error: ValidationError) -> None:
        """Show a service's ValidationError next to its field, or above the form."""
        if hasattr(error, "error_dict"):
            for name, messages in error.error_dict.items():
                self.add_error(name if name in self.fields else None, messages)
        else:
            self.add_error(None, error)


class PageForm(DescribedFieldsMixin, forms.Form):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._describe_fields()


def https_formfield(field, **kwargs):
    """Form fields for a model's fields; a website typed without a scheme means https."""
    if isinstance(field, models.URLField):
        kwargs["assume_scheme"] = "https"
    return field.formfield(**kwargs)


class PageModelForm(DescribedFieldsMixin, forms.ModelForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._describe_fields()


class SignUpForm(DescribedFieldsMixin, BaseUserCreationForm):
    """A personal account; the email address is the login name."""

    email = forms.EmailField(label=_("Email address"), help_text=_("You log in with it."))
    first_name = forms.CharField(label=_("Given name"), max_length=150, required=False)
    last_name = forms.CharField(label=_("Family name"), max_length=150, required=False)

    class Meta:
        model = get_user_model()
        fields = ("email", "first_name", "last_name")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields = family_name_first(self.fields)
        self._describe_fields()

    def clean_email(self):
        email = get_user_model().objects.normalize_email(self.cleaned_data["email"].strip())
        if selectors.email_has_account(email, as_username=True):
            raise ValidationError(
                _(
                    "An account with this email address already exists; "
                    "log in or reset the password."
                )
            )
        return email

    def _post_clean(self):
        self.instance.username = self.cleaned_data.get("email", "")
        super()._post_clean()


def _multiple(queryset, label, help_text=""):
    return forms.ModelMultipleChoiceField(
        queryset=queryset,
        label=label,
        help_text=help_text,
        required=False,
        widget=forms.SelectMultiple(attrs={"size": 8}),
    )


MULTI_SELECT_HELP = _("Hold Ctrl (or Cmd on a Mac) to choose more than one.")


OWNERSHIP_PERCENTS = ("largest_large_shareholder_percent", "large_shareholders_percent")


class SMEProfileForm(PageModelForm):
    """The exhibitor's bilingual profile: every text both in Japanese and in English."""

    class Meta:
        model = SME
        formfield_callback = https_formfield
        fields = [
            "name_ja",
            "name_en",
            "prefecture",
            "industry_class",
            "capital_yen",
            "employees",
            "largest_large_shareholder_percent",
            "large_shareholders_percent",
            "officers_from_large_company",
            "export_experience",
            "description_ja",
            "description_en",
            "products_ja",
            "products_en",
            "sectors",
            "target_markets",
            "certifications",
            "buyer_types_served",
            "order_sizes_served",
            "languages",
            "website",
            "contact_email",
        ]
        widgets = {
            "description_ja": forms.Textarea(attrs={"rows": 4}),
            "description_en": forms.Textarea(attrs={"rows": 4}),
            "products_ja": forms.Textarea(attrs={"rows": 3}),
            "products_en": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["sectors"] = _multiple(Sector.objects.all(), _("sectors"), MULTI_SELECT_HELP)
        self.fields["target_markets"] = _multiple(
            Market.objects.all(), _("target markets"), MULTI_SELECT_HELP
        )
        self.fields["certifications"] = _multiple(
            Certification.objects.all(), _("certifications held"), MULTI_SELECT_HELP
        )
        self.fields["languages"] = _multiple(
            Language.objects.all(), _("languages spoken"), MULTI_SELECT_HELP
        )
        self.fields["capital_yen"].help_text = _(
            "Paid-in capital in yen; with the employees it decides SME eligibility."
        )
        self.fields["largest_large_shareholder_percent"].help_text = _(
            "The share of the company held by its largest shareholder that is a large company; "
            "0 if no large company holds shares. Half or more: the company is deemed large and "
            "is not an SME."
        )
        self.fields["large_shareholders_percent"].help_text = _(
            "The share held by all large companies together. Two thirds or more: the company is "
            "deemed large and is not an SME."
        )
        # Most SMEs have no large shareholder: an empty field means none.
        for name in OWNERSHIP_PERCENTS:
            self.fields[name].required = False
        self._describe_fields()

    def clean(self):
        cleaned = super().clean()
        for name in OWNERSHIP_PERCENTS:
            if name in cleaned and cleaned[name] is None:
                cleaned[name] = 0
        return cleaned


class BuyerProfileForm(PageModelForm):
    class Meta:
        model = ForeignBuyer
        formfield_callback = https_formfield
        fields = [
            "name",
            "country",
            "city",
            "buyer_type",
            "order_size",
            "sourcing_needs",
            "sectors",
            "required_certifications",
            "languages",
            "website",
            "contact_email",
        ]
        widgets = {"sourcing_needs": forms.Textarea(attrs={"rows": 4})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["country"].queryset = Market.objects.filter(kind=MarketKind.COUNTRY)
        self.fields["sectors"] = _multiple(
            Sector.objects.all(), _("sectors of interest"), MULTI_SELECT_HELP
        )
        self.fields["required_certifications"] = _multiple(
            Certification.objects.all(), _("required certifications"), MULTI_SELECT_HELP
        )
        self.fields["languages"] = _multiple(
            Language.objects.all(), _("languages spoken"), MULTI_SELECT_HELP
        )
        self._describe_fields()


class InviteForm(PageForm):
    first_name = forms.CharField(label=_("Colleague's given name"), max_length=150, required=False)
    last_name = forms.CharField(label=_("Colleague's family name"), max_length=150, required=False)
    email = forms.EmailField(
        label=_("Colleague's email address"),
        help_text=_("We send a link to this address so your colleague can set a password."),
    )
    role = forms.ChoiceField(label=_("Role"), choices=MemberRole.choices, initial=MemberRole.STAFF)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields = family_name_first(self.fields)


class EmailLanguageForm(PageForm):
    """The language a member's emails come in; each language named in itself, so that anyone
    finds theirs whatever the page's language."""

    preferred_language = forms.ChoiceField(
        label=_("Language of your emails"),
        required=False,
        help_text=_(
            "By default exhibitors' staff get emails in Japanese, buyers' staff in English."
        ),
    )

    def __init__(self, *args, default_language: str, **kwargs):
        super().__init__(*args, **kwargs)
        local = {code: get_language_info(code)["name_local"] for code, _name in settings.LANGUAGES}
        self.fields["preferred_language"].choices = [
            ("", _("Default (%(language)s)") % {"language": local[default_language]}),
            *local.items(),
        ]
        self._describe_fields()
