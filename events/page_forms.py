"""Forms of the participants' catalogues: searching a pavilion's buyers (the exhibitors'
catalogue form, ``CatalogueFilterForm``, is in ``events.forms``)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from companies.choices import BuyerType, OrderSize
from companies.forms import PageForm


class BuyerFilterForm(PageForm):
    """What an exhibitor searches a pavilion's buyers by; the choices are the registered
    buyers' own (``events.catalogue.buyer_filter_choices``)."""

    q = forms.CharField(
        label=_("Keyword"),
        required=False,
        max_length=100,
        widget=forms.TextInput(attrs={"type": "search"}),
        help_text=_("In the company name, the city and what it sources at this fair."),
    )
    sector = forms.ModelChoiceField(
        label=_("Sector"), queryset=None, required=False, empty_label=_("All sectors")
    )
    country = forms.ModelChoiceField(
        label=_("Country"), queryset=None, required=False, empty_label=_("All countries")
    )
    buyer_type = forms.ChoiceField(
        label=_("Buyer type"),
        required=False,
        choices=[("", _("All buyer types")), *BuyerType.choices],
    )
    order_size = forms.ChoiceField(
        label=_("Typical order size"),
        required=False,
        choices=[("", _("All order sizes")), *OrderSize.choices],
    )
    language = forms.ModelChoiceField(
        label=_("Language"), queryset=None, required=False, empty_label=_("All languages")
    )

    def __init__(self, *args, sectors, countries, languages, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["sector"].queryset = sectors
        self.fields["country"].queryset = countries
        self.fields["language"].queryset = languages
