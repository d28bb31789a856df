"""Suggested matchmaking weights for a pavilion, learnt from its organiser's earlier pavilions.

The examples are the held meetings of the organising office's pavilions at earlier fairs (the
office runs them, whoever asks; ``events.organisers``) that have at least one outcome: a meeting
progressed when any side, in any round, reported samples or further; it did not when it has
outcomes and none got that far. Each meeting's factors are scored as the engine scores them
today: from its pavilion's matchmaking input (today's profiles, that fair's registrations) and
the pavilion's current credits. ``engine.weight_fit`` does the fitting; this module reads the
database, in a fixed number of queries per earlier pavilion however many meetings it had.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from django.db.models import Exists, OuterRef, QuerySet
from django.utils.translation import gettext as _

from events.models import Pavilion
from matchmaking import engine, selectors
from matchmaking.forms import WEIGHT_FIELDS

from ..models import Meeting, MeetingOutcome, MeetingStatus, TradeStage
from .results_figures import Figures
from .results_reading import RANK, STAGES

#: Stages that count as progress: samples sent, or any stage after it.
PROGRESSED_STAGES = tuple(s.value for s in STAGES if RANK[s.value] >= RANK[TradeStage.SAMPLE])


#: The factors in the order of the weights form, readiness last (shown under its own heading).
# (The engine's fitting loads SciPy, so it is imported when a suggestion is first asked for.)
@cache
def _factor_order() -> list[str]:
    return sorted(
        (name for name in WEIGHT_FIELDS if name in engine.weight_fit.FACTORS),
        key=lambda name: name in engine.weight_fit.READINESS_FACTORS,
    )


@dataclass(frozen=True)
class SuggestedFactorWeight(Figures):
    """One scoring factor: its weight now and the suggested one (None when nothing is
    suggested), and the fit's coefficient for it. ``group`` is "readiness" for the buyer's
    required certifications held and the order size served, else empty."""

    factor: str
    label: str
    group: str
    current: float
    suggested: float | None
    coefficient: float | None


@dataclass(frozen=True)
class EarlierPavilionUsed(Figures):
    """An earlier pavilion whose meetings the fit used, and how many."""

    pavilion_id: int
    name: str
    meetings: int


@dataclass(frozen=True)
class WeightSuggestion(Figures):
    """Suggested factor weights beside the current ones, and what they rest on.

    ``status``: "suggested"; "too_few" (fewer than ``min_meetings`` meetings with outcomes, or
    fewer than ``min_each_outcome`` that progressed or that did not: nothing is suggested); or
    "no_signal" (no factor relates to progress: nothing is suggested). ``meetings``: held
    meetings with outcomes used, of which ``progressed`` reached samples or further. The AUCs
    are the chance that a held-out meeting that progressed scores above one that did not (0.5
    is chance, 1 perfect): each meeting scored with the weights suggested by the other folds
    of ``folds``, and with the current weights. ``message`` says it in one sentence.
    """

    pavilion_id: int
    status: str
    message: str
    meetings: int
    progressed: int
    not_progressed: int
    min_meetings: int
    min_each_outcome: int
    folds: int
    held_out_auc_current: float | None
    held_out_auc_suggested: float | None
    factors: tuple[SuggestedFactorWeight, ...]
    pavilions: tuple[EarlierPavilionUsed, ...]

    @property
    def suggested_weights(self) -> dict[str, float] | None:
        """The suggested factor weights by name, to merge into the pavilion's weights."""
        if self.status != engine.weight_fit.SUGGESTED:
            return None
        return {f.factor: f.suggested for f in self.factors}


def earlier_pavilions(pavilion: Pavilion) -> QuerySet:
    """The pavilions the same office ran at fairs that started before this one's."""
    return Pavilion.objects.filter(
        organiser_id=pavilion.organiser_id, fair__starts_on__lt=pavilion.fair.starts_on
    ).exclude(pk=pavilion.pk)


def meetings_with_outcomes(pavilions: QuerySet) -> list[tuple[int, int, int, bool]]:
    """(pavilion id, sme id, buyer id, progressed) of the held meetings with an outcome, oldest
    fair first, in one query."""
    reported = MeetingOutcome.objects.filter(meeting=OuterRef("pk"))
    return list(
        Meeting.objects.filter(pavilion__in=pavilions, status=MeetingStatus.HELD)
        .filter(Exists(reported))
        .annotate(progressed=Exists(reported.filter(stage__in=PROGRESSED_STAGES)))
        .order_by("pavilion__fair__starts_on", "pavilion_id", "pk")
        .values_list("pavilion_id", "sme_id", "buyer_id", "progressed")
    )


def _examples(rows, pavilions, weights):
    """The factor rows and outcomes of the meetings whose exhibitor and buyer took part in
    their pavilion's matchmaking, and how many each pavilion gave."""
    import numpy as np

    factors, progressed, used = [], [], {}
    by_pavilion: dict[int, list] = {}
    for pavilion_id, sme_id, buyer_id, moved_on in rows:
        by_pavilion.setdefault(pavilion_id, []).append((sme_id, buyer_id, moved_on))
    for pavilion_id, meetings in by_pavilion.items():
        data = selectors.matchmaking_input(pavilions[pavilion_id])
        scorer = engine.ReferenceScorer(data, weights)
        exhibitors = {e.id: e for e in data.exhibitors}
        buyers = {b.id: b for b in data.buyers}
        for sme_id, buyer_id, moved_on in meetings:
            if sme_id in exhibitors and buyer_id in buyers:
                pair = scorer.factors(exhibitors[sme_id], buyers[buyer_id])
                factors.append(engine.weight_fit.factor_values(pair))
                progressed.append(moved_on)
                used[pavilion_id] = used.get(pavilion_id, 0) + 1
    return np.array(factors, dtype=float), np.array(progressed, dtype=bool), used


def _message(fit: engine.weight_fit.WeightFit, n_pavilions: int) -> str:
    counts = {
        "meetings": fit.meetings,
        "pavilions": n_pavilions,
        "progressed": fit.progressed,
        "not_progressed": fit.not_progressed,
        "min_meetings": engine.weight_fit.MIN_MEETINGS,
        "min_each": engine.weight_fit.MIN_EACH_OUTCOME,
    }
    if fit.status == engine.weight_fit.TOO_FEW:
        text = _(
            "Too few outcomes to suggest weights: the organiser's earlier pavilions have "
            "%(meetings)s held meetings with outcomes, %(progressed)s progressed and "
            "%(not_progressed)s did not. At least %(min_meetings)s meetings are needed, "
            "%(min_each)s of each kind."
        )
    elif fit.status == engine.weight_fit.NO_SIGNAL:
        text = _(
            "No scoring factor relates to progress in the %(meetings)s held meetings with "
            "outcomes at the organiser's earlier pavilions, so no weights are suggested."
        )
    else:
        text = _(
            "Learnt from %(meetings)s held meetings with outcomes at %(pavilions)s earlier "
            "pavilions of the organiser: %(progressed)s progressed to samples or further, "
            "%(not_progressed)s did not."
        )
    return text % counts


def weight_suggestion(pavilion: Pavilion) -> WeightSuggestion:
    """The suggested factor weights for ``pavilion`` beside its current ones."""
    weights = selectors.pavilion_weights(pavilion)
    earlier = earlier_pavilions(pavilion)
    rows = meetings_with_outcomes(earlier)
    pavilions = {
        p.pk: p for p in earlier.filter(pk__in={row[0] for row in rows}).select_related("fair")
    }
    factors, progressed, used = _examples(rows, pavilions, weights)
    fit = engine.weight_fit.fit_weights(factors, progressed, weights)
    suggested = fit.suggested or {}
    coefficients = fit.coefficients or {}
    return WeightSuggestion(
        pavilion_id=pavilion.pk,
        status=fit.status,
        message=_message(fit, len(used)),
        meetings=fit.meetings,
        progressed=fit.progressed,
        not_progressed=fit.not_progressed,
        min_meetings=engine.weight_fit.MIN_MEETINGS,
        min_each_outcome=engine.weight_fit.MIN_EACH_OUTCOME,
        folds=fit.folds,
        held_out_auc_current=fit.held_out_auc_current,
        held_out_auc_suggested=fit.held_out_auc_suggested,
        factors=tuple(
            SuggestedFactorWeight(
                factor=name,
                label=str(WEIGHT_FIELDS[name][0]),
                group="readiness" if name in engine.weight_fit.READINESS_FACTORS else "",
                current=fit.current[name],
                suggested=suggested.get(name),
                coefficient=coefficients.get(name),
            )
            for name in _factor_order()
        ),
        pavilions=tuple(
            EarlierPavilionUsed(pavilion_id=pk, name=str(pavilions[pk]), meetings=n)
            for pk, n in used.items()
        ),
    )
