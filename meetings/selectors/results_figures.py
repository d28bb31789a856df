"""The figures of a pavilion's results, as frozen dataclasses that ``meetings.selectors.results``
fills and the API, the command line, the admin page and the exports read.

Counts are ``int``; shares are fractions in [0, 1] (``None`` when their base is empty); means and
medians are ``None`` when nobody is counted. Labels are in the language active when the figures
were computed; keys are codes or ids that never change with the language. ``as_dict()`` gives
the same figures as plain JSON types (dates as ISO strings).
"""

from dataclasses import asdict, dataclass
from datetime import date

#: METI's reference (2012, survey of 2010): shares of SMEs at JETRO-supported fairs that
#: reported a direct result (an order or agreement) and, besides those, an indirect one.
METI_DIRECT_SHARE = 0.40
METI_INDIRECT_SHARE = 0.30


class Figures:
    """Mixin: the figures as plain JSON types."""

    def as_dict(self) -> dict:
        return _plain(asdict(self))


def _plain(value):
    if isinstance(value, dict):
        return {key: _plain(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(item) for item in value]
    if isinstance(value, date):
        return value.isoformat()
    return value


@dataclass(frozen=True)
class PavilionHeading(Figures):
    """Which pavilion the figures are of."""

    pavilion_id: int
    name: str
    fair: str
    fair_starts_on: date
    fair_ends_on: date
    organiser: str
    follow_up_months: tuple[int, ...]


@dataclass(frozen=True)
class Funnel(Figures):
    """From proposals to meetings held; every meeting counts once in each stage it reached.

    ``proposals``: the matchmaking proposals of the pavilion. ``requests``: every meeting (each
    begins as a request). ``accepted``: meetings both sides accepted at some point: now
    accepted, scheduled, held or a no-show, or cancelled after both sides had accepted (or after
    they had a slot). ``scheduled``: meetings that got a slot: now scheduled, held or a
    no-show, or cancelled after their history put them in a slot (a meeting taken out of its
    slot and still waiting for another is accepted, not scheduled). ``held``, ``no_shows``,
    ``cancelled``, ``declined``, ``expired``, ``awaiting_answer``: meetings in that status now.
    The no-shows split by who did not come: ``exhibitor_absent``, ``buyer_absent``,
    ``both_absent``, and ``absence_unrecorded`` (marked without saying who).
    """

    proposals: int
    requests: int
    accepted: int
    scheduled: int
    held: int
    no_shows: int
    exhibitor_absent: int
    buyer_absent: int
    both_absent: int
    absence_unrecorded: int
    cancelled: int
    declined: int
    expired: int
    awaiting_answer: int


@dataclass(frozen=True)
class Distribution(Figures):
    """Meetings held per participant, over ``participants`` (the accepted exhibitors, or the
    registered buyers), those with none included."""

    participants: int
    meetings: int
    mean: float | None
    median: float | None
    with_none: int
    share_with_none: float | None


@dataclass(frozen=True)
class StageReach(Figures):
    """How many meetings, and how many distinct exhibitors, reached ``stage`` or beyond."""

    stage: str
    label: str
    meetings: int
    exhibitors: int


@dataclass(frozen=True)
class RoundStages(Figures):
    """The trade stages of one round of outcomes (``round``: months after the fair, 0 at it).

    A meeting's stage in a round is the furthest stage any side reported for it in that round;
    ``meetings_reported`` and ``exhibitors_reported`` have at least one report in the round.
    ``stages`` follows ``TradeStage``'s order, each counting that stage or beyond.
    ``expected_value_usd``: the sum over meetings of the highest value reported for each.
    """

    round: int
    label: str
    meetings_reported: int
    exhibitors_reported: int
    stages: tuple[StageReach, ...]
    expected_value_usd: int


@dataclass(frozen=True)
class KeyFigures(Figures):
    """The figures compared across groups and pavilions.

    ``exhibitors``: the accepted exhibitors counted (of a group by exhibitor, those in it; of a
    group by buyer or meeting, those with a held meeting in it). ``exhibitors_met``: those of
    them with a held meeting (in the group). ``meetings_held``: their held meetings (in the
    group). An exhibitor has a *direct* result when one of those meetings reached a trial
    order, an agreement or a repeat order in any round, and an *indirect* one when the
    furthest is a sample, a quotation or a negotiation. The shares are of ``exhibitors_met``
    and of ``exhibitors``, to set beside METI's 40 % and 30 %.
    """

    exhibitors: int
    exhibitors_met: int
    meetings_held: int
    meetings_held_per_exhibitor: float | None
    direct_exhibitors: int
    indirect_exhibitors: int
    direct_share_of_exhibitors_met: float | None
    indirect_share_of_exhibitors_met: float | None
    direct_share_of_exhibitors: float | None
    indirect_share_of_exhibitors: float | None


@dataclass(frozen=True)
class BreakdownGroup(Figures):
    """One group of a breakdown: its ``key`` (a code, an id as text, or "yes"/"no") and label."""

    key: str
    label: str
    figures: KeyFigures


@dataclass(frozen=True)
class Breakdowns(Figures):
    """The key figures by group. An exhibitor in several top-level sectors counts in each, and
    a meeting with a buyer from a country in several regions in each region; an exhibitor
    with meetings in several buyer groups counts in each of them. ``by_sector`` has a group
    with the key "" for exhibitors with no sector."""

    by_first_time: tuple[BreakdownGroup, ...]
    by_sector: tuple[BreakdownGroup, ...]
    by_buyer_country: tuple[BreakdownGroup, ...]
    by_buyer_region: tuple[BreakdownGroup, ...]
    by_buyer_type: tuple[BreakdownGroup, ...]
    by_interpreter: tuple[BreakdownGroup, ...]


@dataclass(frozen=True)
class PavilionSummary(Figures):
    """One pavilion's figures, as compared side by side from fair to fair."""

    pavilion: PavilionHeading
    funnel: Funnel
    meetings_per_exhibitor: Distribution
    meetings_per_buyer: Distribution
    rounds: tuple[RoundStages, ...]
    key_figures: KeyFigures
    meti_direct_share: float
    meti_indirect_share: float


@dataclass(frozen=True)
class FollowUpRound(Figures):
    """How one follow-up round was asked and answered (``round``: months after the fair; its
    date ``due_on``). ``emailed``: sides of held meetings sent the request (``unreachable``: to
    be sent, but nobody of the side's team has an email address; ``to_send``: not sent yet);
    ``reminded``: sent the one reminder; ``answered``: of those emailed, those who told that
    round's outcome, by the link or otherwise; ``response_rate``: answered of emailed."""

    round: int
    label: str
    due_on: date
    emailed: int
    unreachable: int
    to_send: int
    reminded: int
    answered: int
    response_rate: float | None


@dataclass(frozen=True)
class PavilionResults(PavilionSummary):
    """A pavilion's results: its summary, the breakdowns of its key figures, and how its
    follow-up rounds were answered."""

    breakdowns: Breakdowns
    follow_ups: tuple[FollowUpRound, ...]


@dataclass(frozen=True)
class SmePavilionResults(Figures):
    """One SME at one pavilion it exhibited at: its own meetings and what came of them.

    ``result``: "direct", "indirect" or "none" (of its held meetings, as in ``KeyFigures``),
    or "" when it held no meeting; ``rounds`` count its meetings (its ``exhibitors`` are 0 or
    1).
    """

    pavilion: PavilionHeading
    first_time_exhibitor: bool
    funnel: Funnel
    rounds: tuple[RoundStages, ...]
    result: str


@dataclass(frozen=True)
class SmeResults(Figures):
    """An SME across the pavilions it was accepted at, oldest fair first."""

    sme_id: int
    name: str
    pavilions: tuple[SmePavilionResults, ...]
