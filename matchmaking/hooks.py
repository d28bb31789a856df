"""What matchmaking asks the apps above it (meetings), which register the answers in their
``AppConfig.ready()`` (see ``core.hooks`` and docs/architecture.md, "Layers")."""

from core.hooks import Hook

pairs_with_meetings = Hook(
    "matchmaking.pairs_with_meetings",
    "(pavilion) -> the (sme_id, buyer_id) pairs that already have a meeting at the pavilion, in "
    "any state: they are never proposed again.",
)

earlier_meetings = Hook(
    "matchmaking.earlier_meetings",
    "(pavilion) -> engine.EarlierMeeting rows: meetings the pavilion's exhibitors and buyers "
    "held with each other at pavilions of earlier fairs, oldest first, with the furthest stage "
    "reported and whether a side lost interest.",
)

pairs_changed_since = Hook(
    "matchmaking.pairs_changed_since",
    "(pavilion, since) -> True when something about the pavilion's pairs changed after "
    "``since`` (a new meeting takes its pair out of the proposals).",
)

proposal_admin_actions = Hook(
    "matchmaking.proposal_admin_actions",
    "The registered functions are admin actions (modeladmin, request, queryset) of the proposal "
    "list, offered before its own (accepting, which requests meetings).",
)

proposal_accept_page = Hook(
    "matchmaking.proposal_accept_page",
    "(request, proposal, side) -> the response of a participant's page accepting a proposal.",
    single=True,
)

proposal_page_links = Hook(
    "matchmaking.proposal_page_links",
    "(pavilion_id) -> core.hooks.Link list: the proposal page's links to the participant's "
    "other pages of the pavilion.",
)

suggested_weights = Hook(
    "matchmaking.suggested_weights",
    "(pavilion) -> the factor weights suggested by the outcomes of the organiser's earlier "
    "pavilions, beside the current ones (meetings.selectors.weight_suggestion.WeightSuggestion: "
    "``status``, ``message``, ``factors``, held-out AUCs, ``suggested_weights``); None when no "
    "app answers.",
    single=True,
    default=lambda pavilion: None,
)
