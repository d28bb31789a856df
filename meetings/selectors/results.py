"""A pavilion's results for organisers and funders: the funnel from proposals to held meetings,
meetings per participant, trade stages by round of outcomes, direct and indirect results beside
METI's reference, their breakdowns, and the same figures from fair to fair and for one SME.

The figures are described in ``results_figures``. Exhibitor figures count the pavilion's
accepted exhibitors and their held meetings, buyer figures its registered buyers; the funnel
counts every meeting of the pavilion. Outcomes count only for meetings that were held. Every
function reads in a fixed number of queries, whatever the size or number of pavilions.
"""

from collections import Counter
from collections.abc import Iterable
from statistics import median

from django.utils.translation import gettext as _

from companies.choices import BuyerType
from companies.models import SME
from events.models import ExhibitorRegistration, Pavilion, RegistrationStatus
from events.organisers import pavilions_organised_by

from ..models import AT_FAIR, TradeStage, round_label
from .follow_ups import follow_up_rounds
from .results_figures import (
    METI_DIRECT_SHARE,
    METI_INDIRECT_SHARE,
    BreakdownGroup,
    Breakdowns,
    Distribution,
    Funnel,
    KeyFigures,
    PavilionResults,
    PavilionSummary,
    RoundStages,
    SmePavilionResults,
    SmeResults,
    StageReach,
)
from .results_reading import (
    NOT_REPORTED,
    RANK,
    STAGES,
    HeldMeeting,
    PavilionFacts,
    read_facts,
    region_countries,
    sector_members,
)

#: From a trial order on, a result is direct; from a sample up to it, indirect.
DIRECT_FROM = RANK[TradeStage.TRIAL_ORDER]
INDIRECT_FROM = RANK[TradeStage.SAMPLE]


def _share(part: int, whole: int) -> float | None:
    return part / whole if whole else None


def _funnel(facts: PavilionFacts) -> Funnel:
    counts = {name: 0 for name in Funnel.__dataclass_fields__ if name != "proposals"}
    counts.update(facts.statuses)
    return Funnel(proposals=facts.proposals, **counts)


def _distribution(participants: Iterable[int], meetings: Counter) -> Distribution:
    counts = [meetings[p] for p in participants]
    with_none = sum(1 for n in counts if n == 0)
    return Distribution(
        participants=len(counts),
        meetings=sum(counts),
        mean=sum(counts) / len(counts) if counts else None,
        median=float(median(counts)) if counts else None,
        with_none=with_none,
        share_with_none=_share(with_none, len(counts)),
    )


def _rounds(facts: PavilionFacts, held: list[HeldMeeting]) -> tuple[RoundStages, ...]:
    """One ``RoundStages`` per round the pavilion asks for, and any other round reported (one
    recorded before the organiser changed the pavilion's follow-up months)."""
    reported = {round_ for reached in facts.reached.values() for round_ in reached}
    rounds = []
    for round_ in sorted({AT_FAIR, *facts.heading.follow_up_months, *reported}):
        reports = [
            (m.sme_id, *facts.reached[m.id][round_])
            for m in held
            if round_ in facts.reached.get(m.id, {})
        ]
        stages = tuple(
            StageReach(
                stage=stage.value,
                label=str(stage.label),
                meetings=sum(1 for _sme, rank, _value in reports if rank >= i),
                exhibitors=len({sme for sme, rank, _value in reports if rank >= i}),
            )
            for i, stage in enumerate(STAGES)
        )
        rounds.append(
            RoundStages(
                round=round_,
                label=round_label(round_),
                meetings_reported=len(reports),
                exhibitors_reported=len({sme for sme, _rank, _value in reports}),
                stages=stages,
                expected_value_usd=sum(value for _sme, _rank, value in reports),
            )
        )
    return tuple(rounds)


def _key_figures(
    facts: PavilionFacts, exhibitors: Iterable[int], held: list[HeldMeeting]
) -> KeyFigures:
    """The key figures of ``exhibitors`` and their meetings among ``held``."""
    exhibitors = set(exhibitors)
    theirs = [m for m in held if m.sme_id in exhibitors]
    best: dict[int, int] = {}  # exhibitor: the furthest stage of its meetings
    for m in theirs:
        best[m.sme_id] = max(best.get(m.sme_id, NOT_REPORTED), facts.furthest(m.id))
    direct = sum(1 for rank in best.values() if rank >= DIRECT_FROM)
    indirect = sum(1 for rank in best.values() if INDIRECT_FROM <= rank < DIRECT_FROM)
    return KeyFigures(
        exhibitors=len(exhibitors),
        exhibitors_met=len(best),
        meetings_held=len(theirs),
        meetings_held_per_exhibitor=_share(len(theirs), len(exhibitors)),
        direct_exhibitors=direct,
        indirect_exhibitors=indirect,
        direct_share_of_exhibitors_met=_share(direct, len(best)),
        indirect_share_of_exhibitors_met=_share(indirect, len(best)),
        direct_share_of_exhibitors=_share(direct, len(exhibitors)),
        indirect_share_of_exhibitors=_share(indirect, len(exhibitors)),
    )


def _summary_fields(facts: PavilionFacts) -> dict:
    return {
        "pavilion": facts.heading,
        "funnel": _funnel(facts),
        "meetings_per_exhibitor": _distribution(
            facts.exhibitors, Counter(m.sme_id for m in facts.held)
        ),
        "meetings_per_buyer": _distribution(
            facts.buyers, Counter(m.buyer_id for m in facts.held if m.buyer_id in facts.buyers)
        ),
        "rounds": _rounds(facts, facts.held),
        "key_figures": _key_figures(facts, facts.exhibitors, facts.held),
        "meti_direct_share": METI_DIRECT_SHARE,
        "meti_indirect_share": METI_INDIRECT_SHARE,
    }


def _by_exhibitor(facts: PavilionFacts, groups: dict[str, tuple[str, set[int]]]) -> tuple:
    """Groups of exhibitors ({key: (label, sme ids)}), in the order given."""
    return tuple(
        BreakdownGroup(key, label, _key_figures(facts, smes, facts.held))
        for key, (label, smes) in groups.items()
    )


def _by_meeting(facts: PavilionFacts, groups: dict[str, tuple[str, list[HeldMeeting]]]) -> tuple:
    """Groups of held meetings ({key: (label, meetings)}), by label."""
    ordered = sorted(groups.items(), key=lambda item: (item[1][0], item[0]))
    return tuple(
        BreakdownGroup(key, label, _key_figures(facts, {m.sme_id for m in held}, held))
        for key, (label, held) in ordered
    )


def _sector_groups(facts: PavilionFacts) -> dict[str, tuple[str, set[int]]]:
    """The exhibitors by top-level sector, by code; "" for those with no sector."""
    members = sector_members(facts.exhibitors)
    groups = {str(sector.pk): (str(sector), smes) for sector, smes in members.items()}
    unclassified = set(facts.exhibitors).difference(*members.values())
    if unclassified:
        groups[""] = (str(_("No sector")), unclassified)
    return groups


def _region_groups(facts: PavilionFacts) -> dict[str, tuple[str, list[HeldMeeting]]]:
    regions = region_countries({m.country_id for m in facts.held})
    return {
        str(pk): (label, [m for m in facts.held if m.country_id in countries])
        for pk, (label, countries) in regions.items()
    }


def _breakdowns(facts: PavilionFacts) -> Breakdowns:
    by_country: dict[str, tuple[str, list[HeldMeeting]]] = {}
    by_type: dict[str, tuple[str, list[HeldMeeting]]] = {}
    for meeting in facts.held:
        by_country.setdefault(str(meeting.country_id), (meeting.country, []))[1].append(meeting)
        label = str(BuyerType(meeting.buyer_type).label)
        by_type.setdefault(meeting.buyer_type, (label, []))[1].append(meeting)
    first_timers = {sme for sme, first in facts.exhibitors.items() if first}
    return Breakdowns(
        by_first_time=_by_exhibitor(
            facts,
            {
                "yes": (str(_("First-time exhibitors")), first_timers),
                "no": (str(_("Other exhibitors")), set(facts.exhibitors) - first_timers),
            },
        ),
        by_sector=_by_exhibitor(facts, _sector_groups(facts)),
        by_buyer_country=_by_meeting(facts, by_country),
        by_buyer_region=_by_meeting(facts, _region_groups(facts)),
        by_buyer_type=_by_meeting(facts, by_type),
        by_interpreter=tuple(
            BreakdownGroup(key, str(label), _key_figures(facts, {m.sme_id for m in held}, held))
            for key, label, held in (
                ("yes", _("With an interpreter"), [m for m in facts.held if m.interpreted]),
                ("no", _("Without an interpreter"), [m for m in facts.held if not m.interpreted]),
            )
        ),
    )


def pavilion_results(pavilion: Pavilion) -> PavilionResults:
    """The results of one pavilion, with every breakdown and its follow-up rounds, in eleven
    queries."""
    facts = read_facts([pavilion.pk])[pavilion.pk]
    return PavilionResults(
        **_summary_fields(facts),
        breakdowns=_breakdowns(facts),
        follow_ups=follow_up_rounds(pavilion),
    )


def pavilions_results(pavilions: Iterable[Pavilion]) -> list[PavilionSummary]:
    """The summaries of several pavilions, side by side, oldest fair first, in seven queries."""
    facts = read_facts([p.pk for p in pavilions])
    return [PavilionSummary(**_summary_fields(f)) for f in facts.values()]


def organiser_results(user) -> list[PavilionSummary]:
    """The summaries of every pavilion the user runs, oldest fair first."""
    return pavilions_results(pavilions_organised_by(user))


def sme_results(sme: SME) -> SmeResults:
    """One SME at every pavilion it was accepted at, oldest fair first, in seven queries."""
    joined = ExhibitorRegistration.objects.filter(sme=sme, status=RegistrationStatus.ACCEPTED)
    facts = read_facts(joined.values_list("pavilion_id", flat=True), sme_id=sme.pk)
    pavilions = []
    for f in facts.values():
        figures = _key_figures(f, f.exhibitors, f.held)
        if figures.direct_exhibitors:
            result = "direct"
        elif figures.indirect_exhibitors:
            result = "indirect"
        else:
            result = "none" if figures.exhibitors_met else ""
        pavilions.append(
            SmePavilionResults(
                pavilion=f.heading,
                first_time_exhibitor=f.exhibitors.get(sme.pk, False),
                funnel=_funnel(f),
                rounds=_rounds(f, f.held),
                result=result,
            )
        )
    return SmeResults(sme_id=sme.pk, name=str(sme), pavilions=tuple(pavilions))
