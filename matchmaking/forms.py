"""The organiser's form for a pavilion's scoring weights, one field per engine weight."""

import dataclasses

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from matchmaking import engine

from .weights import matching_weights_clean

# Labels and help for each weight of engine.ScoringWeights; a weight missing here fails a test.
WEIGHT_FIELDS = {
    "sector": (_("Sector fit"), _("Relative weight of sharing a sector (leaf, chapter, section).")),
    "market": (_("Market fit"), _("Relative weight of the buyer's country being a target market.")),
    "product": (_("Product fit"), _("Relative weight of products matching the sourcing needs.")),
    "language": (_("Language"), _("Relative weight of a shared language.")),
    "certification": (
        _("Certifications"),
        _("Relative weight of holding required certifications."),
    ),
    "buyer_type": (_("Buyer type"), _("Relative weight of the buyer type the SME serves.")),
    "order_size": (_("Order size"), _("Relative weight of the order size the SME can serve.")),
    "sector_level_credits": (
        _("Credit for a shared section, chapter"),
        _("Comma-separated credits between 0 and 1, from the broadest level down."),
    ),
    "market_region_credit": (
        _("Credit for a target region"),
        _("Between 0 and 1: the SME targets a region the buyer's country belongs to."),
    ),
    "market_neighbour_credit": (
        _("Credit for a neighbouring market"),
        _("Between 0 and 1: the SME targets another country of the buyer's region."),
    ),
    "interpreter_credit": (
        _("Language credit with an interpreter"),
        _("Between 0 and 1: no shared language, but an interpreter is available."),
    ),
    "no_interpreter_credit": (
        _("Language credit without an interpreter"),
        _("Between 0 and 1: no shared language and no interpreter."),
    ),
    "adjacent_order_size_credit": (
        _("Credit for a neighbouring order size"),
        _("Between 0 and 1."),
    ),
    "product_fit_saturation": (
        _("Product similarity counted as full"),
        _("Text similarity (0 to 1) at which product fit earns full credit."),
    ),
    "request_lift": (
        _("Lift for a requested meeting"),
        _("Points (0-100) added when one side asked to meet."),
    ),
    "follow_up_pairs": (
        _("Propose follow-ups to pairs whose business progressed"),
        _(
            "A pair that met at an earlier pavilion and got to samples or further is proposed "
            "again, with the lift below."
        ),
    ),
    "follow_up_lift": (
        _("Lift for a follow-up meeting"),
        _("Points (0-100) added to a pair whose earlier business progressed."),
    ),
    "exclude_no_interest": (
        _("Leave out pairs with no further interest"),
        _("A pair where either side last reported no further interest is not proposed again."),
    ),
    "min_score": (
        _("Lowest score proposed"),
        _("Pairs below this score (0-100) are not proposed."),
    ),
    "exhibitor_floor": (
        _("Proposals every exhibitor gets"),
        _("When acceptable buyers exist, each exhibitor gets at least this many proposals."),
    ),
    "first_timer_floor": (
        _("Proposals every first-timer gets"),
        _("The same floor, for first-time exhibitors."),
    ),
    "candidates_per_exhibitor": (
        _("Candidates kept per exhibitor"),
        _("How many best buyers per exhibitor the selection considers."),
    ),
    "candidates_per_buyer": (
        _("Candidates kept per buyer"),
        _("How many best exhibitors per buyer the selection considers."),
    ),
}


class MatchingWeightsForm(forms.Form):
    """Edits ScoringWeights; the engine validates the values and each error lands on its field."""

    def __init__(self, *args, initial_weights: dict | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        current = engine.ScoringWeights.from_dict(initial_weights or {})
        for field in dataclasses.fields(engine.ScoringWeights):
            label, help_text = WEIGHT_FIELDS[field.name]
            value = getattr(current, field.name)
            if isinstance(value, bool):
                form_field = forms.BooleanField(initial=value, required=False)
            elif isinstance(value, tuple):
                form_field = forms.CharField(initial=", ".join(f"{v:g}" for v in value))
            elif isinstance(value, int):
                form_field = forms.IntegerField(initial=value)
            else:
                form_field = forms.FloatField(initial=value)
            form_field.label, form_field.help_text = label, help_text
            self.fields[field.name] = form_field

    def clean_sector_level_credits(self):
        raw = self.cleaned_data["sector_level_credits"]
        try:
            return [float(part) for part in raw.split(",") if part.strip()]
        except ValueError:
            raise ValidationError(_("Write numbers separated by commas, e.g. 0.3, 0.6.")) from None

    def clean(self):
        cleaned = super().clean()
        if not self.errors:
            try:
                self.weights = matching_weights_clean(cleaned)
            except ValidationError as error:
                self.add_error(None, error)
        return cleaned
