"""The organiser's matchmaking weights as the engine checks them, its objections in the
interface's languages (the weights form and ``services.matching_settings_update`` share them)."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy

from matchmaking import engine

# The engine's words for a bad weight, in the interface's languages.
WEIGHT_ERRORS = {
    "unknown weight": gettext_lazy("unknown weight"),
    "must be a number": gettext_lazy("must be a number"),
    "must be a whole number": gettext_lazy("must be a whole number"),
    "must be finite": gettext_lazy("must be finite"),
    "must be true or false": gettext_lazy("must be true or false"),
    "must be a non-empty list of numbers": gettext_lazy("must be a non-empty list of numbers"),
    "must be between 0 and 100": gettext_lazy("must be between 0 and 100"),
    "must be between 0 and 1": gettext_lazy("must be between 0 and 1"),
    "must be between 0 and 1000": gettext_lazy("must be between 0 and 1000"),
    "must be between 1 and 1000": gettext_lazy("must be between 1 and 1000"),
    "must be above 0 and at most 1": gettext_lazy("must be above 0 and at most 1"),
    "must be above 0 and at most 100": gettext_lazy("must be above 0 and at most 100"),
    "each credit must be between 0 and 1": gettext_lazy("each credit must be between 0 and 1"),
    "credits must not decrease with depth": gettext_lazy("credits must not decrease with depth"),
    "the exhibitor's view needs at least one positive weight": gettext_lazy(
        "the exhibitor's view needs at least one positive weight"
    ),
    "the buyer's view needs at least one positive weight": gettext_lazy(
        "the buyer's view needs at least one positive weight"
    ),
}


def matching_weights_clean(weights: dict) -> dict:
    """The weights as the engine will use them; ValidationError keyed by weight otherwise."""
    try:
        return engine.ScoringWeights.from_dict(weights).to_dict()
    except engine.WeightsError as error:
        raise ValidationError(
            {name: WEIGHT_ERRORS.get(message, message) for name, message in error.errors.items()}
        ) from None
