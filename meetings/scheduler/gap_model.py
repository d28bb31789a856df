"""Phase 2: keep the meetings phase 1 placed, move them between slots to minimise idle gaps.

Holding the set of placed meetings keeps the score exactly (never trading score for gaps).

OR-Tools' CP-SAT does the search, in stages, because CP-SAT on the plain gap objective improves
very slowly on the published B2B instances:

1. minimise the number of parties that have any gap at all. A party without gaps on a day fills
   one window of consecutive slots exactly as long as its number of meetings; choosing among a
   party's few feasible windows propagates far better than reasoning slot by slot. First on the
   whole model, then by large-neighbourhood search (LNS): free the meetings of a few slots of
   one day, or of a party with gaps and its partners, fix the rest, re-solve that small model;
2. keep every party that stage 1 left without gaps that way, and minimise the gaps of the others;
3. LNS on the gaps themselves with whatever time is left.

Each model is built from the free meetings only, with fixed meetings folded into constants, so a
neighbourhood costs no more than its own size. Gaps are encoded as MaxSAT encodings of the B2B
problem do (Bofill et al., JAIR 2022): one literal per possible gap, forced up by "busy here,
free in the next slot, busy again later that day".

On event-sized instances an exact MaxSAT search (exact_gaps.py) races all this on the other
core. The search ends as soon as its optimum arrives, or as soon as the best schedule found here
reaches the lower bound it has proven (see EXACT_SEARCH_MAX_MEETINGS).
"""

from __future__ import annotations

import random
import time

from .exact_gaps import ExactGapSearch
from .formulation import Formulation
from .instance import Instance
from .neighbourhood import WORKERS, NeighbourhoodSearch, Objective
from .progress import Progress, State
from .schedule import Placement, count_gaps, gaps_per_party

# Shares of phase 2's time, tuned on the B2B instances; stage 3 gets what is left.
GAPPY_PARTIES_SHARE = 0.1  # stage 1 on the whole model
GAPPY_PARTIES_LNS_SHARE = 0.3  # stage 1 by LNS
GAPS_SHARE = 0.45  # stage 2
NEIGHBOURHOOD_SECONDS = 1.0
PARTY_NEIGHBOURHOOD_SHARE = 0.3
WINDOW_SLOTS = (3, 8)
# Up to this many placed meetings (an event: the B2B events place 125-302) an exact MaxSAT search
# (exact_gaps.py) runs on one core, and CP-SAT's stage 1 and neighbourhoods on the other. RC2
# proves optimums where CP-SAT stalls (forumt-14crafe: 5 gaps in 4 s, where CP-SAT ends at 7;
# forum-13crafb: 6, where CP-SAT ended at 7-10) and ends most events early, proven optimal,
# either with its own schedule or because CP-SAT's reached its bound. Stage 2 still takes both
# cores, with CP-SAT's core-guided search beside its LP-guided one (neighbourhood.py):
# measured before RC2's busy-count constraints, one worker there left tic-13crafc and
# forumt-14crafe at 6/4 and 9/5 gaps instead of 5/4 and 7/5; not measured again since. At
# pavilion scale (3,300 meetings over two days) the encoding is too large to finish, so CP-SAT
# keeps both cores and its default searches throughout.
EXACT_SEARCH_MAX_MEETINGS = 1000
# Above this many placed meetings (a whole fair: about 9,000 of 15,000 candidates) CP-SAT on the
# whole model is skipped: building it and its first solution took 18 s and stage 2's 51 s found
# nothing, with no progress to report meanwhile, where one-second neighbourhoods cut hundreds
# of gaps in that time. Stages 1 and 3 then run by neighbourhoods only, reporting after each.
WHOLE_MODEL_MAX_MEETINGS = 5000


def minimise_gaps(
    instance: Instance,
    formulation: Formulation,
    start: Placement,
    time_limit: float,
    on_progress: Progress,
    seed: int = 0,
) -> Placement:
    """The same meetings as `start`, with as few gaps as found within `time_limit` seconds."""
    deadline = time.monotonic() + time_limit
    if count_gaps(instance, start) == 0 or time_limit <= 0.1:
        return dict(start)
    event_sized = len(start) <= EXACT_SEARCH_MAX_MEETINGS
    exact = ExactGapSearch(instance, formulation, start, time_limit) if event_sized else None
    try:
        return _search(instance, formulation, start, deadline, time_limit, on_progress, seed, exact)
    finally:
        if exact is not None:
            exact.stop()


def _search(
    instance: Instance,
    formulation: Formulation,
    start: Placement,
    deadline: float,
    time_limit: float,
    on_progress: Progress,
    seed: int,
    exact: ExactGapSearch | None,
) -> Placement:
    best, best_gaps = dict(start), count_gaps(instance, start)
    whole_model = len(start) <= WHOLE_MODEL_MAX_MEETINGS
    best_stage: str | None = None

    def report(stage: str | None = None, proven: bool = False) -> None:
        """Progress, with the stage that found the best schedule (None: the start's)."""
        nonlocal best_stage
        best_stage = stage or best_stage
        state: State = {"phase": "gaps", "gaps": best_gaps, "proven": proven}
        if best_stage is not None:
            state["stage"] = best_stage
        if exact is not None:
            state["bound"] = best_gaps if proven else exact.lower_bound()
        elapsed = time_limit - (deadline - time.monotonic())
        on_progress(min(elapsed / time_limit, 1.0), state)

    report()
    search = NeighbourhoodSearch(
        instance, formulation, workers=WORKERS - 1 if exact is not None else WORKERS
    )
    everyone = set(start)

    def keep_if_better(found: Placement | None, stage: str) -> bool:
        """Keep `found` if it has fewer gaps, and report it; whether it did."""
        nonlocal best, best_gaps
        if found is None or count_gaps(instance, found) >= best_gaps:
            return False
        best, best_gaps = found, count_gaps(instance, found)
        report(stage)
        return True

    def exact_finished() -> bool:
        """Whether `best` is proven optimal: the exact search has its optimum (then `best`
        holds it), or `best` has reached the lower bound the exact search has proven."""
        if exact is None:
            return False
        found = exact.result()
        if found is not None:
            keep_if_better(found, "exact_search")
        elif best_gaps > exact.lower_bound():
            return False
        report(proven=True)
        return True

    compact = best
    if whole_model:
        compact = (
            search.reoptimise(
                best,
                everyone,
                None,
                time_limit * GAPPY_PARTIES_SHARE,
                seed,
                objective=Objective.GAPPY_PARTIES,
            )
            or best
        )
        keep_if_better(compact, "parties_with_gaps")
    report()
    rng = random.Random(seed)
    # The longest a neighbourhood took beyond its CP-SAT time (building the model, counting
    # gaps): kept back from the last one, so the search ends by its deadline.
    overhead = 0.0

    def around(current: Placement, remaining: float, objective: Objective) -> Placement | None:
        nonlocal overhead
        seconds = min(NEIGHBOURHOOD_SECONDS, remaining)
        began = time.monotonic()
        found = _reoptimise_around(search, instance, current, rng, seconds, objective)
        overhead = max(overhead, time.monotonic() - began - seconds)
        return found

    if best_gaps > 0:
        if whole_model:
            until = time.monotonic() + time_limit * GAPPY_PARTIES_LNS_SHARE
        else:  # stage 1's whole share, all by neighbourhoods
            until = time.monotonic() + time_limit * (GAPPY_PARTIES_SHARE + GAPPY_PARTIES_LNS_SHARE)

        def measure(placement: Placement) -> tuple[int, int]:
            gaps = gaps_per_party(instance, placement)
            return sum(1 for count in gaps.values() if count), sum(gaps.values())

        compact_measure = measure(compact)
        while compact_measure[0] > 0 and (remaining := until - time.monotonic() - overhead) > 0.05:
            if exact_finished():
                return best
            found = around(compact, remaining, Objective.GAPPY_PARTIES)
            improved = False
            if found is not None and measure(found) <= compact_measure:
                compact, compact_measure = found, measure(found)
                improved = keep_if_better(found, "parties_with_gaps")
            if not improved:
                report()  # the time advances even when the schedule does not
    if exact_finished():
        return best
    if best_gaps > 0 and whole_model:
        # Stage 1 may have stopped early; stage 2 gets its share of what is left.
        seconds = (
            (deadline - time.monotonic())
            * GAPS_SHARE
            / (1 - GAPPY_PARTIES_SHARE - GAPPY_PARTIES_LNS_SHARE)
        )
        without_gaps = {
            party for party, gaps in gaps_per_party(instance, compact).items() if gaps == 0
        }
        keep_if_better(
            search.reoptimise(
                compact,
                everyone,
                None,
                seconds,
                seed,
                keep_compact=without_gaps,
                workers=WORKERS,
                core_search=exact is not None,
            ),
            "gaps",
        )

    while best_gaps > 0 and (remaining := deadline - time.monotonic() - overhead) > 0.05:
        if exact_finished():
            return best
        found = around(best, remaining, Objective.GAPS)
        improved = False
        if found is not None and count_gaps(instance, found) <= best_gaps:
            improved = keep_if_better(found, "neighbourhoods")
            best = found  # equal moves too: they let the search drift across plateaus
        if not improved:
            report()
    exact_finished()  # one last look: it may have finished in the final second
    return best


def _reoptimise_around(
    search: NeighbourhoodSearch,
    instance: Instance,
    current: Placement,
    rng: random.Random,
    remaining: float,
    objective: Objective = Objective.GAPS,
) -> Placement | None:
    """Reoptimise one random neighbourhood of ``current`` for at most a neighbourhood's time."""
    free_meetings, free_slots = _neighbourhood(instance, current, rng)
    return search.reoptimise(
        current,
        free_meetings,
        free_slots,
        min(NEIGHBOURHOOD_SECONDS, remaining),
        rng.randrange(1 << 16),
        objective=objective,
    )


def _neighbourhood(
    instance: Instance, placement: Placement, rng: random.Random
) -> tuple[set[int], set[int] | None]:
    """Meetings to free, and the slots they may move among (None: any of their slots)."""
    if rng.random() < PARTY_NEIGHBOURHOOD_SHARE:
        gappy = sorted(party for party, gaps in gaps_per_party(instance, placement).items() if gaps)
        if gappy:
            party = rng.choice(gappy)
            partners = {
                other
                for meeting in placement
                if party in instance.meetings[meeting].parties
                for other in instance.meetings[meeting].parties
            }
            return {
                meeting
                for meeting in placement
                if partners.intersection(instance.meetings[meeting].parties)
            }, None
    day = instance.slots[rng.randrange(len(instance.slots))].day
    day_slots = [index for index, slot in enumerate(instance.slots) if slot.day == day]
    size = min(len(day_slots), rng.randint(*WINDOW_SLOTS))
    if rng.random() < 0.5:
        first = rng.randrange(len(day_slots) - size + 1)
        slots = set(day_slots[first : first + size])
    else:
        slots = set(rng.sample(day_slots, size))
    return {meeting for meeting, slot in placement.items() if slot in slots}, slots
