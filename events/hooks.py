"""What events asks the apps above it (matchmaking, meetings), which register the answers in
their ``AppConfig.ready()`` (see ``core.hooks`` and docs/architecture.md, "Layers")."""

from dataclasses import dataclass

from core.hooks import Hook

# --- the admin's pavilion list ------------------------------------------------------------------

pavilion_admin_actions = Hook(
    "events.pavilion_admin_actions",
    "The registered functions are admin actions (modeladmin, request, queryset) of the pavilion "
    "list, offered after its own (running matchmaking).",
)

pavilion_admin_links = Hook(
    "events.pavilion_admin_links",
    "(pavilion) -> core.hooks.Link list: the pavilion list's links to its weights, runs, "
    "proposals, schedule.",
)

# --- the participants' pages --------------------------------------------------------------------

#: Where ``pavilion_links`` are shown: a pavilion's card on the home page, or its own page.
HOME, PAVILION_PAGE = "home", "pavilion"

pavilion_links = Hook(
    "events.pavilion_links",
    "(side, pavilion_id, place) -> core.hooks.Link list: the participant's pages of a pavilion "
    "they take part in (proposals, meetings, schedule), for ``place`` (HOME or PAVILION_PAGE).",
)

buyer_meeting_statuses = Hook(
    "events.buyer_meeting_statuses",
    "(actor, pavilion) -> {sme_id: status text}: what a buyer has going with each exhibitor "
    "of the catalogue.",
)

exhibitor_page_panels = Hook(
    "events.exhibitor_page_panels",
    "(request, pavilion, registration, **options) -> HTML (or ''): the panels under an "
    "exhibitor's public profile, such as a buyer's meeting request. ``options`` are what the "
    "view was called with (a bound request form to show again).",
)

# --- the services' checks -----------------------------------------------------------------------

slots_in_use = Hook(
    "events.slots_in_use",
    "(slot_ids) -> the ids among them that something other than an interpreter uses (a "
    "meeting): regenerating the slots keeps those.",
)


@dataclass(frozen=True)
class InterpreterBooking:
    """A meeting that names an interpreter, as the interpreter checks need to know it."""

    meeting: str  # the meeting as people read it
    scheduled: bool  # in the schedule: it relies on its slot and on the interpreted languages
    slot_id: int | None
    when: str  # the slot's time in the fair's zone ("" without a slot)
    languages: tuple[str, ...]  # the two languages interpreted, () for none


interpreter_bookings = Hook(
    "events.interpreter_bookings",
    "(interpreter) -> InterpreterBooking list: every meeting that names the interpreter.",
)


@dataclass(frozen=True)
class RuleConflict:
    """The meetings that a change of one of a pavilion's rules would contradict."""

    field: str  # the rule, a field of the pavilion
    meetings: tuple[str, ...]  # the first of them as people read them, with their times
    total: int  # how many meetings there are in all
    least: int | None  # the lowest value of the rule these meetings allow (None: no such value)


pavilion_rule_conflicts = Hook(
    "events.pavilion_rule_conflicts",
    "(pavilion, changes) -> RuleConflict list: for each rule in ``changes`` (field -> new "
    "value), the existing meetings the new value would contradict; none when nothing does.",
)
