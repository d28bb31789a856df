"""How results figures are worded for people: numbers, percentages and the funnel's stages, in
the active language (the ``pavilion_results`` report and the admin's results page read them)."""

from django.utils.translation import gettext as _


def percent(share: float | None) -> str:
    return "–" if share is None else f"{share:.0%}"


def number(value: float | None) -> str:
    return "–" if value is None else f"{value:.1f}"


def funnel_stages(funnel) -> list[tuple[str, int]]:
    """The funnel's stages with their labels in the active language."""
    return [
        (_("Proposals"), funnel.proposals),
        (_("Meeting requests"), funnel.requests),
        (_("Accepted by both sides"), funnel.accepted),
        (_("Given a slot"), funnel.scheduled),
        (_("Held"), funnel.held),
        (_("No-shows"), funnel.no_shows),
        (_("No-shows: the exhibitor did not come"), funnel.exhibitor_absent),
        (_("No-shows: the buyer did not come"), funnel.buyer_absent),
        (_("No-shows: neither side came"), funnel.both_absent),
        (_("No-shows: not recorded who"), funnel.absence_unrecorded),
        (_("Cancelled"), funnel.cancelled),
        (_("Declined"), funnel.declined),
        (_("Expired"), funnel.expired),
        (_("Awaiting an answer"), funnel.awaiting_answer),
    ]
