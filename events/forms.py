"""Forms of the pavilion pages: applying, registering as a buyer, filtering the catalogue."""

from datetime import date

from django import forms
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from companies.forms import PageForm


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
        label=_("What are you sourcing?"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_(
            "Products, specifications, quantities, certifications you need: exhibitors and the "
            "matchmaking read this."
        ),
    )

    def __init__(self, *args, fair, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["days"].choices = [
            (day.isoformat(), date_format(day, "DATE_FORMAT") + f" ({date_format(day, 'D')})")
            for day in fair.days()
        ]
        self._describe_fields()


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
