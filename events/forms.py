"""Forms of the pavilion pages (applying, registering as a buyer, filtering the catalogue) and
the admin's pavilion form, whose meeting rules are checked against the meetings already made."""

from datetime import date

from django import forms
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from companies.forms import MULTI_SELECT_HELP, PageForm
from companies.models import Certification
from core.admin_writes import CheckedByServiceForm

from .models import Pavilion
from .services import rules


class FollowUpMonthsField(forms.CharField):
    """A pavilion's follow-up rounds typed as "1, 3, 6, 12"; the model's validator checks them."""

    default_error_messages = {
        "invalid": _("Give the follow-up rounds as whole numbers of months, such as 1, 3, 6, 12.")
    }

    def prepare_value(self, value):
        if isinstance(value, list):
            return ", ".join(str(month) for month in value)
        return value

    def to_python(self, value):
        text = super().to_python(value).replace("、", ",").replace("，", ",")
        try:
            return [int(part) for part in text.split(",") if part.strip()]
        except ValueError:
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid") from None


class PavilionForm(CheckedByServiceForm):
    """The admin's pavilion: a change of its meeting rules that contradicts meetings already made
    lands on the rules' fields, naming the meetings, and nothing is saved."""

    class Meta:
        model = Pavilion
        fields = "__all__"

    def check_with_service(self, cleaned):
        changes = {name: cleaned[name] for name in rules.RULE_FIELDS if name in cleaned}
        pavilion = self.instance
        if pavilion.pk is not None:
            # The admin's save runs in the same transaction, so the row stays locked until then:
            # no other change of the pavilion comes between this check and the save.
            pavilion = rules.pavilion_locked_for_rules(pavilion)
        rules.pavilion_rules_check(pavilion=pavilion, changes=changes)


class ApplyForm(PageForm):
    message = forms.CharField(
        label=_("Message to the organiser"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Optional: what you plan to show, or questions about the booth."),
    )


class BuyerRegistrationForm(PageForm):
    days = forms.TypedMultipleChoiceField(
        label=_("Days you attend the fair"),
        coerce=date.fromisoformat,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Choose at least one day of the fair.")},
    )
    sourcing_needs = forms.CharField(
        label=_("What are you sourcing at this fair?"),
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_(
            "Products, specifications, quantities you need: exhibitors and the matchmaking read "
            "this. It starts as your company profile's text; a change here is for this fair only."
        ),
    )
    required_certifications = forms.ModelMultipleChoiceField(
        label=_("Certifications you require at this fair"),
        queryset=Certification.objects.all(),
        required=False,
        widget=forms.SelectMultiple(attrs={"size": 8}),
        help_text=MULTI_SELECT_HELP,
    )

    def __init__(self, *args, fair, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["days"].choices = [
            (day.isoformat(), date_format(day, "DATE_FORMAT") + f" ({date_format(day, 'D')})")
            for day in fair.days()
        ]
        self._describe_fields()

    @classmethod
    def initial_for(cls, *, buyer, registration=None) -> dict:
        """The registration's days and needs, or, for a new one, the company's needs."""
        if registration is None:
            return {
                "sourcing_needs": buyer.sourcing_needs,
                "required_certifications": list(buyer.required_certifications.all()),
            }
        return {
            "days": [day.day.isoformat() for day in registration.days.all()],
            "sourcing_needs": registration.sourcing_needs,
            "required_certifications": list(registration.required_certifications.all()),
        }


class CatalogueFilterForm(PageForm):
    q = forms.CharField(
        label=_("Keyword"),
        required=False,
        widget=forms.TextInput(attrs={"type": "search"}),
    )
    sector = forms.ModelChoiceField(
        label=_("Sector"), queryset=None, required=False, empty_label=_("All sectors")
    )
    market = forms.ModelChoiceField(
        label=_("Target market"), queryset=None, required=False, empty_label=_("All markets")
    )
    certification = forms.ModelChoiceField(
        label=_("Certification"),
        queryset=None,
        required=False,
        empty_label=_("All certifications"),
    )

    def __init__(self, *args, sectors, markets, certifications, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["sector"].queryset = sectors
        self.fields["market"].queryset = markets
        self.fields["certification"].queryset = certifications
