"""What matchmaking adds to the pavilion list of the admin (registered to events' hooks in
``matchmaking.apps``): the "Run matchmaking" action and the links to weights, runs, proposals."""

from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from core.hooks import Link

from .. import services


@admin.action(description=_("Run matchmaking"), permissions=["change"])
def run_matchmaking(modeladmin, request, queryset):
    for pavilion in queryset:
        try:
            run = services.matching_run_request(pavilion=pavilion, requested_by=request.user)
        except ValidationError as error:
            modeladmin.message_user(request, " ".join(error.messages), messages.ERROR)
            continue
        url = reverse("admin:matchmaking_matchingrun_change", args=[run.pk])
        modeladmin.message_user(
            request,
            format_html(
                _('Matchmaking for {} queued: <a href="{}">follow run #{}</a>.'),
                pavilion,
                url,
                run.pk,
            ),
            messages.SUCCESS,
        )


def pavilion_links(pavilion) -> list[Link]:
    return [
        Link(reverse("admin:matchmaking_weights", args=[pavilion.pk]), _("weights")),
        Link(
            reverse("admin:matchmaking_matchingrun_changelist")
            + f"?pavilion__id__exact={pavilion.pk}",
            _("runs"),
        ),
        Link(
            reverse("admin:matchmaking_proposal_changelist")
            + f"?pavilion__id__exact={pavilion.pk}",
            _("proposals"),
        ),
    ]
