from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MeetingsConfig(AppConfig):
    """Meetings and their history, requests, availability, the scheduler and its runs,
    publication, exports and outcomes."""

    name = "meetings"
    verbose_name = _("Meetings")
    #: model -> what an organiser may do with it, in their own pavilions (``core.organisers``)
    organiser_permissions = {
        "meeting": ("view", "change"),
        "meetingevent": ("view",),
        "meetingoutcome": ("view",),
        "followuprequest": ("view",),
        "participantunavailability": ("view", "add", "change", "delete"),
        "schedulingrun": ("view",),
    }

    def ready(self) -> None:
        # What events and matchmaking ask meetings (docs/architecture.md, "Layers").
        from events import hooks as events_hooks
        from matchmaking import hooks as matchmaking_hooks

        from . import views
        from .admin import pavilions, proposals
        from .selectors import meetings as selectors
        from .selectors import rule_conflicts, weight_suggestion

        events_hooks.pavilion_admin_links.register(pavilions.pavilion_links)
        events_hooks.pavilion_links.register(views.participant_links)
        events_hooks.buyer_meeting_statuses.register(selectors.buyer_meeting_statuses)
        events_hooks.exhibitor_page_panels.register(views.exhibitor_panel)
        events_hooks.slots_in_use.register(selectors.slots_with_meetings)
        events_hooks.interpreter_bookings.register(selectors.interpreter_bookings)
        events_hooks.pavilion_rule_conflicts.register(rule_conflicts.pavilion_rule_conflicts)

        matchmaking_hooks.pairs_with_meetings.register(selectors.pairs_with_meetings)
        matchmaking_hooks.earlier_meetings.register(selectors.earlier_meetings)
        matchmaking_hooks.pairs_changed_since.register(selectors.meetings_created_since)
        matchmaking_hooks.proposal_admin_actions.register(proposals.accept)
        matchmaking_hooks.proposal_accept_page.register(views.proposal_accept)
        matchmaking_hooks.proposal_page_links.register(views.proposal_page_links)
        matchmaking_hooks.suggested_weights.register(weight_suggestion.weight_suggestion)
