"""What meetings adds to the pavilion list of the admin (registered in ``meetings.apps``)."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from core.hooks import Link


def pavilion_links(pavilion) -> list[Link]:
    return [
        Link(reverse("admin:meetings_schedule", args=[pavilion.pk]), _("schedule")),
        Link(reverse("admin:meetings_results", args=[pavilion.pk]), _("results")),
        Link(reverse("meetings:fair_day", args=[pavilion.pk]), _("fair day")),
    ]
