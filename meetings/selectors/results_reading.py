"""What a pavilion's results read of the database, in a fixed number of queries whatever the
size or number of pavilions: the facts ``meetings.selectors.results`` computes its figures from.
"""

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.db.models import Case, Count, Exists, IntegerField, Max, OuterRef, Q, Value, When
from django.db.models.functions import Coalesce

from companies.bilingual import in_active_language
from companies.models import SME, Market, Sector
from events.models import (
    BuyerRegistration,
    BuyerRegistrationStatus,
    ExhibitorRegistration,
    Pavilion,
    RegistrationStatus,
)
from matchmaking.models import Proposal

from ..models import (
    BOOKED_STATUSES,
    AbsentSide,
    Meeting,
    MeetingEvent,
    MeetingOutcome,
    MeetingStatus,
    TradeStage,
)
from .results_figures import PavilionHeading

STAGES = tuple(TradeStage)
RANK = {stage.value: rank for rank, stage in enumerate(STAGES)}
#: Meetings both sides have accepted, in their present status.
ACCEPTED_STATUSES = (MeetingStatus.ACCEPTED, *BOOKED_STATUSES)
NOT_REPORTED = -1


@dataclass(frozen=True)
class HeldMeeting:
    """A held meeting of an accepted exhibitor, with what the breakdowns group it by."""

    id: int
    sme_id: int
    buyer_id: int
    country_id: int
    country: str
    buyer_type: str
    interpreted: bool


@dataclass
class PavilionFacts:
    """What was read of one pavilion (of one SME's meetings there, when read for one SME)."""

    heading: PavilionHeading
    proposals: int = 0
    statuses: dict = field(default_factory=dict)
    exhibitors: dict[int, bool] = field(default_factory=dict)  # sme id: first-time exhibitor
    buyers: set[int] = field(default_factory=set)
    held: list[HeldMeeting] = field(default_factory=list)
    # meeting id: {round: (furthest stage's rank, highest expected value)}
    reached: dict[int, dict[int, tuple[int, int]]] = field(default_factory=dict)
    # ids of the meetings with an expected value reported (``reached`` counts none as 0)
    valued: set[int] = field(default_factory=set)

    def furthest(self, meeting_id: int) -> int:
        """The furthest stage a meeting reached in any round (``NOT_REPORTED`` if none)."""
        ranks = (rank for rank, _value in self.reached.get(meeting_id, {}).values())
        return max(ranks, default=NOT_REPORTED)


def funnel_counts(meetings) -> dict[int, dict]:
    """Each pavilion's meetings counted by the stages of the funnel (see ``Funnel``)."""
    placed_before = Exists(
        MeetingEvent.objects.filter(meeting=OuterRef("pk"), to_status__in=BOOKED_STATUSES)
    )
    placed = Q(status__in=BOOKED_STATUSES) | (Q(status=MeetingStatus.CANCELLED) & placed_before)
    accepted = (
        Q(status__in=ACCEPTED_STATUSES)
        | Q(
            status=MeetingStatus.CANCELLED,
            exhibitor_accepted_at__isnull=False,
            buyer_accepted_at__isnull=False,
        )
        | placed
    )

    def now(status: str) -> Count:
        return Count("pk", filter=Q(status=status))

    def absent(side: str) -> Count:
        return Count("pk", filter=Q(status=MeetingStatus.NO_SHOW, absent_side=side))

    rows = (
        meetings.order_by()
        .values("pavilion_id")
        .annotate(
            requests=Count("pk"),
            accepted=Count("pk", filter=accepted),
            scheduled=Count("pk", filter=placed),
            held=now(MeetingStatus.HELD),
            no_shows=now(MeetingStatus.NO_SHOW),
            exhibitor_absent=absent(AbsentSide.EXHIBITOR),
            buyer_absent=absent(AbsentSide.BUYER),
            both_absent=absent(AbsentSide.BOTH),
            absence_unrecorded=absent(""),
            cancelled=now(MeetingStatus.CANCELLED),
            declined=now(MeetingStatus.DECLINED),
            expired=now(MeetingStatus.EXPIRED),
            awaiting_answer=now(MeetingStatus.REQUESTED),
        )
    )
    return {row.pop("pavilion_id"): row for row in rows}


def headings(pavilion_ids: Iterable[int]) -> dict[int, PavilionHeading]:
    pavilions = Pavilion.objects.filter(pk__in=pavilion_ids).select_related("fair", "organiser")
    return {
        p.pk: PavilionHeading(
            pavilion_id=p.pk,
            name=str(p),
            fair=str(p.fair),
            fair_starts_on=p.fair.starts_on,
            fair_ends_on=p.fair.ends_on,
            organiser=str(p.organiser),
            follow_up_months=tuple(p.follow_up_months),
        )
        for p in pavilions.order_by("fair__starts_on", "name_en", "pk")
    }


def read_facts(
    pavilion_ids: Iterable[int], *, sme_id: int | None = None
) -> dict[int, PavilionFacts]:
    """The facts of each pavilion, in seven queries; of one SME's meetings when ``sme_id``."""
    facts = {pk: PavilionFacts(heading=h) for pk, h in headings(pavilion_ids).items()}
    ids = list(facts)
    mine = Q(sme_id=sme_id) if sme_id is not None else Q()
    proposals = Proposal.objects.filter(mine, pavilion_id__in=ids).order_by()
    for row in proposals.values("pavilion_id").annotate(n=Count("pk")):
        facts[row["pavilion_id"]].proposals = row["n"]
    meetings = Meeting.objects.filter(mine, pavilion_id__in=ids)
    for pk, counts in funnel_counts(meetings).items():
        facts[pk].statuses = counts
    registrations = ExhibitorRegistration.objects.filter(
        mine, pavilion_id__in=ids, status=RegistrationStatus.ACCEPTED
    )
    for pk, sme, first_time in registrations.values_list(
        "pavilion_id", "sme_id", "first_time_exhibitor"
    ):
        facts[pk].exhibitors[sme] = first_time
    if sme_id is None:
        buyers = BuyerRegistration.objects.filter(
            pavilion_id__in=ids, status=BuyerRegistrationStatus.REGISTERED
        )
        for pk, buyer in buyers.values_list("pavilion_id", "buyer_id"):
            facts[pk].buyers.add(buyer)
    held = meetings.filter(status=MeetingStatus.HELD).values_list(
        "pk",
        "pavilion_id",
        "sme_id",
        "buyer_id",
        "buyer__country_id",
        "buyer__country__name_en",
        "buyer__country__name_ja",
        "buyer__buyer_type",
        "interpreter_languages",
    )
    for pk, pavilion, sme, buyer, country, name_en, name_ja, buyer_type, languages in held:
        if sme in facts[pavilion].exhibitors:
            country_name = in_active_language(name_en, name_ja)
            facts[pavilion].held.append(
                HeldMeeting(pk, sme, buyer, country, country_name, buyer_type, bool(languages))
            )
    rank = Case(
        *(When(stage=stage, then=Value(i)) for stage, i in RANK.items()),
        output_field=IntegerField(),
    )
    outcomes = (
        MeetingOutcome.objects.filter(
            meeting__in=meetings.filter(status=MeetingStatus.HELD).values("pk")
        )
        .order_by()
        .values("meeting_id", "meeting__pavilion_id", "round")
        .annotate(rank=Max(rank), value=Max("expected_value_usd"))
    )
    for row in outcomes:
        pavilion = facts[row["meeting__pavilion_id"]]
        pavilion.reached.setdefault(row["meeting_id"], {})[row["round"]] = (
            row["rank"],
            row["value"] or 0,
        )
        if row["value"] is not None:
            pavilion.valued.add(row["meeting_id"])
    return facts


def sector_members(sme_ids: Iterable[int]) -> dict[Sector, set[int]]:
    """The SMEs under each top-level sector (sectors nest at most four levels deep), by code."""
    links = (
        SME.sectors.through.objects.filter(sme_id__in=sme_ids)
        .annotate(
            root=Coalesce(
                "sector__parent__parent__parent_id",
                "sector__parent__parent_id",
                "sector__parent_id",
                "sector_id",
            )
        )
        .values_list("sme_id", "root")
        .distinct()
    )
    members: dict[int, set[int]] = defaultdict(set)
    for sme, root in links:
        members[root].add(sme)
    roots = Sector.objects.filter(pk__in=members).order_by("code", "pk")
    return {sector: members[sector.pk] for sector in roots}


def region_countries(country_ids: Iterable[int]) -> dict[int, tuple[str, set[int]]]:
    """The regions these countries belong to: {id: (name, member countries among them)}."""
    regions = Market.objects.filter(kind="region", countries__in=country_ids).values_list(
        "pk", "name_en", "name_ja", "countries"
    )
    found: dict[int, tuple[str, set[int]]] = {}
    for pk, name_en, name_ja, country in regions:
        found.setdefault(pk, (in_active_language(name_en, name_ja), set()))[1].add(country)
    return found
