"""Writes of the matchmaking job: request a run, execute it in chunks, store its proposals.

A run goes queued -> running -> done | failed. Scoring happens outside any transaction (it can
take a while and reports progress as it goes); only the final write of proposals is one
transaction, so a run that fails halfway leaves the previous proposals as they were.
"""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Callable

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F, TextField
from django.db.models.functions import Cast, Least
from django.utils import timezone
from django.utils.translation import gettext as _

from core import audit
from core.bulk import values_update
from core.jobs import ProgressReporter, run_fail, run_failing, run_finish, run_request, run_start
from core.locks import waiting_at_most
from core.models import RunStatus
from core.services import row_delete
from events.models import Pavilion
from matchmaking import engine

from . import selectors
from .models import MatchingRun, MatchingSettings, PairWish, Proposal, ProposalStatus
from .weights import matching_weights_clean

logger = logging.getLogger(__name__)


@transaction.atomic
def matching_settings_update(*, pavilion: Pavilion, weights: dict) -> MatchingSettings:
    """Store an organiser's weights for a pavilion.

    Raises ValidationError keyed by weight name when a value is out of range.
    """
    cleaned = matching_weights_clean(weights)
    before = selectors.pavilion_weights(pavilion).to_dict()
    with waiting_at_most(_weights_busy()):
        settings, _created = MatchingSettings.objects.update_or_create(
            pavilion=pavilion, defaults={"weights": cleaned}
        )
    _weights_record(settings, "weights.updated", before, cleaned)
    return settings


@transaction.atomic
def matching_settings_reset(*, settings: MatchingSettings, by=None) -> None:
    """Forget a pavilion's tuned weights: its next runs score with the engine's defaults.

    Side effects: records ``weights.reset`` with each weight that goes back to its default.
    """
    with waiting_at_most(_weights_busy()):
        settings = MatchingSettings.objects.select_for_update().get(pk=settings.pk)
    before = engine.ScoringWeights.from_dict(settings.weights).to_dict()
    defaults = engine.ScoringWeights.from_dict({}).to_dict()
    _weights_record(settings, "weights.reset", before, defaults, by)
    settings.delete()


def _weights_busy() -> str:
    return _(
        "Someone else is saving this pavilion's matchmaking weights right now; try again in a "
        "moment."
    )


def _weights_record(settings: MatchingSettings, action: str, before: dict, after: dict, by=None):
    changes = audit.changed(
        {f"weights.{name}": value for name, value in before.items()},
        {f"weights.{name}": value for name, value in after.items()},
    )
    if changes:
        audit.record(
            action=action, obj=settings, pavilion_id=settings.pavilion_id, changes=changes, by=by
        )


def pair_wish_check(*, pavilion: Pavilion, sme, buyer) -> None:
    """Raise, keyed by field, unless the pair takes part in the pavilion: the SME an accepted
    exhibitor, the buyer registered. Wishes about anyone else could never be scored."""
    errors = {}
    if not selectors.accepted_exhibitors(pavilion).filter(sme=sme).exists():
        errors["sme"] = _("%(sme)s is not an accepted exhibitor of %(pavilion)s.") % {
            "sme": sme,
            "pavilion": pavilion,
        }
    if not selectors.registered_buyers(pavilion).filter(buyer=buyer).exists():
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
    wish, created = PairWish.objects.get_or_create(
        pavilion=pavilion, sme=sme, buyer=buyer, kind=kind, defaults={"created_by": by}
    )
    withdrawn = 0
    if engine.WishKind(kind).blocks:
        _total, by_model = Proposal.objects.filter(
            pavilion=pavilion, sme=sme, buyer=buyer, status=ProposalStatus.OPEN
        ).delete()
        withdrawn = by_model.get(Proposal._meta.label, 0)
    if created:
        changes = audit.created(audit.values(wish, WISH_CODES))
        if withdrawn:
            changes["proposals_withdrawn"] = [0, withdrawn]
        audit.record(action="wish.added", obj=wish, pavilion_id=pavilion.pk, changes=changes, by=by)
    return wish


#: What the audit log keeps of a wish.
WISH_CODES = ("sme", "buyer", "kind")
#: Rows per INSERT or DELETE (updates: ``core.bulk.values_update``, bulk_update is slow).
WRITE_BATCH = 500


@transaction.atomic
def pair_wish_remove(*, wish: PairWish) -> None:
    """Forget a wish. The next run scores the pair without it; a proposal that a "no thanks"
    withdrew comes back only if that run chooses the pair again."""
    audit.record(
        action="wish.removed",
        obj=wish,
        pavilion_id=wish.pavilion_id,
        changes=audit.removed(audit.values(wish, WISH_CODES)),
    )
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
    weights = selectors.pavilion_weights(pavilion)
    return run_request(
        model=MatchingRun,
        pavilion=pavilion,
        requested_by=requested_by,
        parameters={"weights": weights.to_dict(), **(parameters or {})},
        action="matchmaking.run.requested",
        task="matchmaking.tasks.run_matchmaking",
        queue=queue,
    )


def matching_runs_request_where_changed() -> list[int]:
    """Queue a run for each pavilion whose profiles changed since its last finished run (what
    the periodic task does). "Open" means the fair has not ended yet; a pavilion with a run
    queued or running is left alone. Returns the ids of the runs queued."""
    queued = []
    for pavilion in selectors.pavilions_open_without_active_run():
        if not selectors.pavilion_needs_matchmaking(pavilion=pavilion, since=pavilion.last_run):
            continue
        try:
            queued.append(matching_run_request(pavilion=pavilion).pk)
        except ValidationError:
            continue  # a run started meanwhile
    return queued


def matching_run_start(*, run: MatchingRun) -> bool:
    return run_start(run=run, state={"phase": "loading"})


def matching_run_plan(*, model: engine.ScoringModel) -> list[tuple[int, int]]:
    """The buyer ranges a run is scored in: one Celery task each, one in all for a pavilion."""
    pairs = model.n_exhibitors * model.n_buyers
    tasks = max(1, -(-pairs // settings.MATCHMAKING_PAIRS_PER_TASK))
    size = max(1, -(-model.n_buyers // tasks))
    return engine.chunk_bounds(model.n_buyers, size) or [(0, 0)]


#: How a run of several buyer ranges is spread over workers (``matchmaking.tasks``): a task per
#: range calls ``matching_run_score_part``, then one calls ``matching_run_finish``.
Spread = Callable[[MatchingRun, list[tuple[int, int]]], None]


def matching_run_execute(
    *,
    run: MatchingRun,
    progress: engine.Progress | None = None,
    spread: Spread | None = None,
    retried: tuple[type[BaseException], ...] = (),
) -> MatchingRun:
    """Run matchmaking: load the profiles, score every buyer range, select and store proposals.

    The engine's steps in the engine's order (``engine.pipeline``): in this process (a command,
    a test, a laptop, any run of one range), or over workers when ``spread`` is given (the
    Celery task) and the run has several ranges; then the run is returned still running.
    ``progress(fraction, state)`` hears the same states either way (by default the run's row
    does, which a spread run's tasks write too). An error marks the run failed, except one of
    ``retried``: the caller runs the job again after it (``core.tasks.RunTask``).
    """
    if not matching_run_start(run=run):
        return run
    report = progress or ProgressReporter(run)
    with run_failing(run, retried=retried):
        model = selectors.run_scoring_model(run)
        bounds = matching_run_plan(model=model)
        if spread is not None and len(bounds) > 1:
            report(*engine.scoring_progress(0, len(bounds)))
            spread(run, bounds)
            return run
        candidates = engine.score_all(model, bounds=bounds, progress=report)
    return matching_run_finish(
        run=run, chunks=[candidates], model=model, progress=report, retried=retried
    )


def matching_run_score_part(
    *,
    run: MatchingRun,
    start: int,
    stop: int,
    parts: int,
    retried: tuple[type[BaseException], ...] = (),
) -> engine.Candidates:
    """Score buyers ``start:stop``, one of a spread run's ``parts`` ranges, and keep their
    candidates. Side effects: the run's progress counts the range as scored."""
    with run_failing(run, retried=retried):
        candidates = engine.score_chunk(selectors.run_scoring_model(run), start, stop)
        _part_scored(run=run, parts=parts)
    return candidates


def _part_scored(*, run: MatchingRun, parts: int) -> None:
    """Add one range's share to a spread run's progress and state the count it now stands for.

    Ranges finish on several workers in any order, so each adds its share in the database; a
    worker whose total was overtaken before it wrote the state leaves the later one's. A range
    delivered twice (a lost worker) never takes the run past the scoring's share.
    """
    share = engine.scoring_progress(1, parts)[0]
    running = MatchingRun.objects.filter(pk=run.pk, status=RunStatus.RUNNING)
    running.update(progress=Least(F("progress") + share, engine.SCORING_SHARE))
    progress = running.values_list("progress", flat=True).first()
    if progress is not None:
        state = engine.scoring_progress(engine.parts_scored(progress, parts), parts)[1]
        running.filter(progress=progress).update(progress_state=state)


def matching_run_finish(
    *,
    run: MatchingRun,
    chunks: list[engine.Candidates | dict],
    model: engine.ScoringModel | None = None,
    progress: engine.Progress | None = None,
    retried: tuple[type[BaseException], ...] = (),
) -> MatchingRun:
    """Merge the ranges' candidates, select proposals under capacity, explain and store them.

    Side effects: replaces the pavilion's open proposals in one transaction and marks the run
    done with its counts and timings. ``progress`` and ``retried`` as for
    ``matching_run_execute``.
    """
    started = time.perf_counter()
    with run_failing(run, retried=retried):
        model = model or selectors.run_scoring_model(run)
        candidates = engine.merge_candidates(
            engine.Candidates.from_dict(c) if isinstance(c, dict) else c for c in chunks
        )
        outcome = engine.proposals_from_candidates(
            model, candidates, progress=progress or ProgressReporter(run)
        )
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


def matching_run_fail(*, run_id: int, error: BaseException | str) -> None:
    """Record why a run failed; the pavilion's proposals stay as the last good run left them."""
    run_fail(model=MatchingRun, run_id=run_id, error=error)


@transaction.atomic
def proposals_store(*, run: MatchingRun, outcome: engine.ProposalRun) -> dict[str, int]:
    """Write a run's proposals: update the pairs proposed again, add new ones, withdraw the open
    proposals no longer chosen. Accepted and declined proposals are never touched or reopened.

    Only what changed is written: a proposal whose score and reasons are the same keeps its row
    as it is (its ``run`` stays the run that last changed it, its ``updated_at`` unchanged), so
    re-running matchmaking on the same input writes nothing."""
    now = timezone.now()
    with waiting_at_most(
        _(
            "Someone is deciding on this pavilion's proposals right now; the run stores its "
            "proposals again in a moment."
        )
    ):
        # Plain values, the reasons as their stored text: building 6,000 model instances and
        # decoding 6,000 reasons took longer than writing them.
        stored = (
            Proposal.objects.select_for_update()
            .filter(pavilion_id=run.pavilion_id)
            .annotate(stored_reason=Cast("reason", TextField()))
            .values_list("pk", "sme_id", "buyer_id", "status", "score", "stored_reason")
        )
        existing = {(row[1], row[2]): (row[0], *row[3:]) for row in stored}
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
            continue
        pk, status, score, stored_reason = row
        if status == ProposalStatus.OPEN and (
            score != proposal.score or not _same_reason(stored_reason, proposal.reason)
        ):
            updated.append((pk, proposal.score, proposal.reason or {}, run.pk, now))
    withdrawn = [
        row[0]
        for pair, row in existing.items()
        if row[1] == ProposalStatus.OPEN and pair not in chosen
    ]
    for start in range(0, len(withdrawn), WRITE_BATCH):
        Proposal.objects.filter(pk__in=withdrawn[start : start + WRITE_BATCH]).delete()
    Proposal.objects.bulk_create(created, batch_size=WRITE_BATCH)
    values_update(Proposal, ["score", "reason", "run", "updated_at"], updated)
    return {
        "proposals": len(chosen),
        "created": len(created),
        "updated": len(updated),
        "unchanged": len(chosen) - len(created) - len(updated),
        "withdrawn": len(withdrawn),
    }


def _same_reason(stored: str, reason: dict | None) -> bool:
    """Whether the reasons stored (JSON text) are the engine's: compared as data, since the
    database orders keys its own way, and as JSON turns tuples into lists."""
    return json.loads(stored) == json.loads(json.dumps(reason or {}))


def _proposal_locked(proposal: Proposal) -> Proposal:
    with waiting_at_most(
        _("Someone else is deciding on this proposal right now; try again in a moment.")
    ):
        return (
            Proposal.objects.select_for_update()
            .select_related("pavilion", "sme", "buyer")
            .get(pk=proposal.pk)
        )


def proposal_lock_open(*, proposal: Proposal) -> Proposal:
    """The proposal, locked for the decision, with its pavilion and pair; refused unless it is
    still open ("This proposal was already accepted.")."""
    proposal = _proposal_locked(proposal)
    _refuse_unless_open(proposal)
    return proposal


def _refuse_unless_open(proposal: Proposal) -> None:
    if proposal.status != ProposalStatus.OPEN:
        raise ValidationError(
            _("This proposal was already %(status)s.")
            % {"status": proposal.get_status_display().lower()}
        )


def _proposal_decided(proposal: Proposal, status: str, by) -> Proposal:
    before = proposal.status
    proposal.status = status
    proposal.decided_by, proposal.decided_at = by, timezone.now()
    proposal.save(update_fields=["status", "decided_by", "decided_at", "updated_at"])
    audit.record(
        action=f"proposal.{ProposalStatus(status).value}",
        obj=proposal,
        pavilion_id=proposal.pavilion_id,
        changes={"status": [before, status]},
        by=by,
    )
    return proposal


@transaction.atomic
def proposal_decline(*, proposal: Proposal, by=None) -> Proposal:
    """An exhibitor, a buyer or an organiser declines a proposal.

    Side effects: the proposal is declined, and the pair is never proposed again for the
    pavilion. Refused for a proposal that is no longer open.
    """
    proposal = proposal_lock_open(proposal=proposal)
    return _proposal_decided(proposal, ProposalStatus.DECLINED, by)


@transaction.atomic
def proposal_mark_accepted(*, proposal: Proposal, by=None) -> Proposal:
    """Record that a proposal was accepted; ``proposal`` is the one ``proposal_lock_open``
    returned, in the same transaction.

    Accepting requests a meeting, which is meetings' to do: ``meetings.services.proposal_accept``
    checks the pair, calls this and requests the meeting.
    """
    _refuse_unless_open(proposal)
    return _proposal_decided(proposal, ProposalStatus.ACCEPTED, by)


@transaction.atomic
def proposal_delete(*, proposal: Proposal, by=None) -> None:
    """A platform administrator deletes a proposal, whatever its status.

    Side effects: records ``proposal.deleted`` with every field it had, before it goes; a
    meeting requested from it stays, no longer naming it.
    """
    proposal = _proposal_locked(proposal)
    row_delete(obj=proposal, subject="proposal", pavilion="pavilion_id", by=by)
