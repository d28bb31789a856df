"""Writes of the matchmaking job: request a run, execute it in chunks, store its proposals.

A run goes queued -> running -> done | failed. Scoring happens outside any transaction (it can
take a while and reports progress as it goes); only the final write of proposals is one
transaction, so a run that fails halfway leaves the previous proposals as they were.
"""

import logging
import re
import time
from collections.abc import Callable

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.jobs import ProgressReporter, run_create, run_fail, run_finish, run_start
from events.models import (
    BuyerRegistration,
    BuyerRegistrationStatus,
    ExhibitorRegistration,
    Pavilion,
    RegistrationStatus,
)
from matchmaking import engine
from meetings.models import Meeting

from . import selectors
from .models import MatchingRun, MatchingSettings, PairWish, Proposal, ProposalStatus

logger = logging.getLogger(__name__)


# The engine's words for a bad weight, in the interface's languages.
WEIGHT_ERRORS = {
    "unknown weight": gettext_lazy("unknown weight"),
    "must be a number": gettext_lazy("must be a number"),
    "must be a whole number": gettext_lazy("must be a whole number"),
    "must be finite": gettext_lazy("must be finite"),
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


def matching_settings_update(*, pavilion: Pavilion, weights: dict) -> MatchingSettings:
    """Store an organiser's weights for a pavilion.

    Raises ValidationError keyed by weight name when a value is out of range.
    """
    cleaned = matching_weights_clean(weights)
    settings, _created = MatchingSettings.objects.update_or_create(
        pavilion=pavilion, defaults={"weights": cleaned}
    )
    return settings


def pair_wish_check(*, pavilion: Pavilion, sme, buyer) -> None:
    """Raise, keyed by field, unless the pair takes part in the pavilion: the SME an accepted
    exhibitor, the buyer registered. Wishes about anyone else could never be scored."""
    errors = {}
    exhibits = ExhibitorRegistration.objects.filter(
        pavilion=pavilion, sme=sme, status=RegistrationStatus.ACCEPTED
    )
    if not exhibits.exists():
        errors["sme"] = _("%(sme)s is not an accepted exhibitor of %(pavilion)s.") % {
            "sme": sme,
            "pavilion": pavilion,
        }
    registered = BuyerRegistration.objects.filter(
        pavilion=pavilion, buyer=buyer, status=BuyerRegistrationStatus.REGISTERED
    )
    if not registered.exists():
        errors["buyer"] = _("%(buyer)s is not registered for %(pavilion)s.") % {
            "buyer": buyer,
            "pavilion": pavilion,
        }
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def pair_wish_add(*, pavilion: Pavilion, sme, buyer, kind: str, by=None) -> PairWish:
    """Record a wish about a pair of the pavilion (adding the same wish again changes nothing).

    Side effects: "no thanks" and "met before" also withdraw an open proposal for the pair at
    once, so it disappears before the next run. Refused, keyed by field, for a pair that does not
    take part in the pavilion (see ``pair_wish_check``).
    """
    pair_wish_check(pavilion=pavilion, sme=sme, buyer=buyer)
    wish, _created = PairWish.objects.get_or_create(
        pavilion=pavilion, sme=sme, buyer=buyer, kind=kind, defaults={"created_by": by}
    )
    if engine.WishKind(kind).blocks:
        Proposal.objects.filter(
            pavilion=pavilion, sme=sme, buyer=buyer, status=ProposalStatus.OPEN
        ).delete()
    return wish


def pair_wish_remove(*, wish: PairWish) -> None:
    """Forget a wish. The next run scores the pair without it; a proposal that a "no thanks"
    withdrew comes back only if that run chooses the pair again."""
    wish.delete()


def matching_run_request(
    *,
    pavilion: Pavilion,
    requested_by=None,
    parameters: dict | None = None,
    queue: bool = True,
) -> MatchingRun:
    """Queue a matchmaking run for a pavilion.

    Side effects: creates the run and, once the transaction commits, queues the Celery task
    (unless ``queue`` is False: the caller then runs it with ``matching_run_execute``).
    Refused with a clear message while another run of the pavilion is queued or running (the
    database enforces it too, so two organisers clicking at once get one run).
    """
    from .tasks import run_matchmaking

    weights = selectors.pavilion_weights(pavilion)
    run = run_create(
        model=MatchingRun,
        pavilion=pavilion,
        requested_by=requested_by,
        parameters={"weights": weights.to_dict(), **(parameters or {})},
    )
    if queue:
        transaction.on_commit(lambda: run_matchmaking.delay(run_id=run.pk))
    return run


def matching_run_start(*, run: MatchingRun) -> bool:
    return run_start(run=run, state={"phase": "loading"})


def matching_run_model(*, run: MatchingRun) -> engine.ScoringModel:
    """The run's scoring model, built from the pavilion's rows and the run's own weights."""
    weights = engine.ScoringWeights.from_dict(run.parameters.get("weights", {}))
    return engine.build_scoring_model(selectors.matchmaking_input(run.pavilion), weights)


def matching_run_plan(*, model: engine.ScoringModel) -> list[tuple[int, int]]:
    """The buyer ranges a run is scored in: one Celery task each, one in all for a pavilion."""
    pairs = model.n_exhibitors * model.n_buyers
    tasks = max(1, -(-pairs // settings.MATCHMAKING_PAIRS_PER_TASK))
    size = max(1, -(-model.n_buyers // tasks))
    return engine.chunk_bounds(model.n_buyers, size) or [(0, 0)]


def matching_run_score_chunk(
    *, run: MatchingRun, start: int, stop: int, model: engine.ScoringModel | None = None
) -> engine.Candidates:
    """Score buyers ``start:stop`` of the run and keep their candidates."""
    model = model or matching_run_model(run=run)
    return engine.score_chunk(model, start, stop)


def matching_run_finish(
    *,
    run: MatchingRun,
    chunks: list[engine.Candidates | dict],
    model: engine.ScoringModel | None = None,
) -> MatchingRun:
    """Merge the chunks' candidates, select proposals under capacity, explain and store them.

    Side effects: replaces the pavilion's open proposals in one transaction and marks the run
    done with its counts and timings.
    """
    started = time.perf_counter()
    report = _engine_progress(ProgressReporter(run, start=0.8, span=0.2))
    model = model or matching_run_model(run=run)
    candidates = engine.merge_candidates(
        engine.Candidates.from_dict(c) if isinstance(c, dict) else c for c in chunks
    )
    outcome = engine.proposals_from_candidates(model, candidates, progress=report)
    counts = proposals_store(run=run, outcome=outcome)
    counts.update(
        exhibitors=model.n_exhibitors,
        buyers=model.n_buyers,
        pairs=model.n_exhibitors * model.n_buyers,
        short_of_floor=len(outcome.short_of_floor),
    )
    return run_finish(
        run=run,
        counts=counts,
        timings={"select_and_store": round(time.perf_counter() - started, 3)},
    )


_ENGINE_STEP = re.compile(r"(selected|explained) (\d+) proposals")


def _engine_progress(report: Callable[[float, dict], None]) -> Callable[[float, str], None]:
    """The engine reports in English, for its command line and logs; a run stores the step's
    code and figures instead, which every reader sees in their own language."""

    def on_progress(fraction: float, message: str) -> None:
        step = _ENGINE_STEP.match(message)
        state = {"phase": step.group(1), "proposals": int(step.group(2))} if step else {}
        report(fraction, state)

    return on_progress


def matching_run_fail(*, run_id: int, error: BaseException | str) -> None:
    """Record why a run failed; the pavilion's proposals stay as the last good run left them."""
    run_fail(model=MatchingRun, run_id=run_id, error=error)


def matching_run_score_here(
    *,
    run: MatchingRun,
    model: engine.ScoringModel,
    bounds: list[tuple[int, int]],
    progress: Callable[[float, dict], None] | None = None,
) -> MatchingRun:
    """Score every range in this process, then finish: what each Celery task does, in a row.
    ``progress(fraction, state)`` hears of each range scored (by default the run's row)."""
    report = progress or ProgressReporter(run, span=0.8)
    chunks = []
    for done, (start, stop) in enumerate(bounds, start=1):
        chunks.append(matching_run_score_chunk(run=run, start=start, stop=stop, model=model))
        report(done / len(bounds), {"phase": "scoring", "done": done, "total": len(bounds)})
    return matching_run_finish(run=run, chunks=chunks, model=model)


def matching_run_execute(
    *, run: MatchingRun, progress: Callable[[float, dict], None] | None = None
) -> MatchingRun:
    """Run matchmaking in this process from start to end (a command, a test, a laptop)."""
    if not matching_run_start(run=run):
        return run
    try:
        model = matching_run_model(run=run)
        bounds = matching_run_plan(model=model)
        return matching_run_score_here(run=run, model=model, bounds=bounds, progress=progress)
    except Exception as error:
        logger.exception("Matchmaking run %s failed", run.pk)
        matching_run_fail(run_id=run.pk, error=error)
        raise


@transaction.atomic
def proposals_store(*, run: MatchingRun, outcome: engine.ProposalRun) -> dict[str, int]:
    """Write a run's proposals: update the pairs proposed again, add new ones, withdraw the open
    proposals no longer chosen. Accepted and declined proposals are never touched or reopened."""
    existing = {
        (p.sme_id, p.buyer_id): p
        for p in Proposal.objects.select_for_update().filter(pavilion_id=run.pavilion_id)
    }
    chosen = {(p.exhibitor_id, p.buyer_id): p for p in outcome.proposals}
    created, updated = [], []
    for pair, proposal in chosen.items():
        row = existing.get(pair)
        if row is None:
            created.append(
                Proposal(
                    pavilion_id=run.pavilion_id,
                    run=run,
                    sme_id=pair[0],
                    buyer_id=pair[1],
                    score=proposal.score,
                    reason=proposal.reason or {},
                )
            )
        elif row.status == ProposalStatus.OPEN:
            row.score, row.reason, row.run = proposal.score, proposal.reason or {}, run
            updated.append(row)
    withdrawn = [
        row.pk
        for pair, row in existing.items()
        if row.status == ProposalStatus.OPEN and pair not in chosen
    ]
    Proposal.objects.bulk_create(created, batch_size=1000)
    Proposal.objects.bulk_update(updated, ["score", "reason", "run"], batch_size=1000)
    Proposal.objects.filter(pk__in=withdrawn).delete()
    return {
        "proposals": len(chosen),
        "created": len(created),
        "updated": len(updated),
        "withdrawn": len(withdrawn),
    }


@transaction.atomic
def proposal_decide(
    *, proposal: Proposal, accept: bool, side: str = "organiser", by=None, acting_for: str = ""
) -> Proposal:
    """An exhibitor, a buyer or an organiser accepts or declines a proposal.

    Side effects: accepting requests the meeting on the accepting side's behalf (the other side
    then answers it like any request); a declined pair is never proposed again for the pavilion.
    An organiser accepts on behalf of ``acting_for`` (the exhibitor, the buyer, or both: then
    the meeting is confirmed), recorded as such (see ``meeting_request``).
    Accepting is refused for a pair that already has a meeting at the pavilion in any state (a
    proposal from before that meeting): it would make a second request for the same pair.
    """
    from meetings.services.meetings import meeting_request

    proposal = (
        Proposal.objects.select_for_update()
        .select_related("pavilion", "sme", "buyer")
        .get(pk=proposal.pk)
    )
    if proposal.status != ProposalStatus.OPEN:
        raise ValidationError(
            _("This proposal was already %(status)s.")
            % {"status": proposal.get_status_display().lower()}
        )
    existing = (
        Meeting.objects.filter(
            pavilion_id=proposal.pavilion_id, sme_id=proposal.sme_id, buyer_id=proposal.buyer_id
        )
        .order_by("-created_at", "-pk")
        .first()
    )
    if accept and existing is not None:
        raise ValidationError(
            _(
                "%(sme)s and %(buyer)s already have a meeting at this pavilion (%(status)s), so "
                "this proposal cannot be accepted; see the meeting under Meetings and requests."
            )
            % {
                "sme": proposal.sme,
                "buyer": proposal.buyer,
                "status": existing.get_status_display().lower(),
            }
        )
    proposal.status = ProposalStatus.ACCEPTED if accept else ProposalStatus.DECLINED
    proposal.decided_by, proposal.decided_at = by, timezone.now()
    proposal.save(update_fields=["status", "decided_by", "decided_at", "updated_at"])
    if accept:
        meeting_request(
            pavilion=proposal.pavilion,
            sme=proposal.sme,
            buyer=proposal.buyer,
            side=side,
            by=by,
            proposal=proposal,
            acting_for=acting_for,
        )
    return proposal
