"""What publishing a pavilion's schedule now would do, for its confirmation page.

Publishing fixes the scheduled meetings and emails each participant whose published schedule
differs from the one they were last emailed (``services.notifications``): the page names them
before anything happens, by the same comparison.
"""

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from ..models import BOOKED_STATUSES, Meeting, MeetingStatus, ScheduleNotice
from ..selectors.notices import changes_ids, schedule_changes


def publication_preview(pavilion) -> dict:
    """The meetings publishing would fix, and the exhibitors and buyers it would email."""
    fresh = Meeting.objects.filter(
        pavilion=pavilion, status=MeetingStatus.SCHEDULED, published_at__isnull=True
    )
    published_after = (
        Meeting.objects.filter(pavilion=pavilion, status__in=BOOKED_STATUSES)
        .exclude(published_at__isnull=True, status__in=(MeetingStatus.HELD, MeetingStatus.NO_SHOW))
        .select_related("sme", "buyer")
        .order_by("slot__starts_at", "pk")
    )
    meetings_of: dict[tuple[str, int], list[Meeting]] = {}
    companies: dict[tuple[str, int], object] = {}
    for meeting in published_after:
        for kind, company in (("sme", meeting.sme), ("buyer", meeting.buyer)):
            meetings_of.setdefault((kind, company.pk), []).append(meeting)
            companies[(kind, company.pk)] = company
    last_emailed = {}
    for notice in ScheduleNotice.objects.filter(pavilion=pavilion).select_related("sme", "buyer"):
        key = ("sme", notice.sme_id) if notice.sme_id else ("buyer", notice.buyer_id)
        last_emailed[key] = notice.meetings
        companies.setdefault(key, notice.sme or notice.buyer)
    emailed = [
        key
        for key in companies
        if changes_ids(schedule_changes(last_emailed.get(key), meetings_of.get(key, [])))
    ]
    return {
        "meetings": fresh.count(),
        "exhibitors": sorted((companies[k] for k in emailed if k[0] == "sme"), key=str),
        "buyers": sorted((companies[k] for k in emailed if k[0] == "buyer"), key=str),
    }


def emailed_text(preview: dict) -> str:
    exhibitors, buyers = len(preview["exhibitors"]), len(preview["buyers"])
    if not exhibitors and not buyers:
        return _("Nobody is emailed: every participant already has their schedule as it is.")
    return _(
        "%(exhibitors)s and %(buyers)s are emailed their schedule with a calendar file: those "
        "whose schedule is new or changed since they were last emailed."
    ) % {
        "exhibitors": ngettext("%(count)d exhibitor", "%(count)d exhibitors", exhibitors)
        % {"count": exhibitors},
        "buyers": ngettext("%(count)d buyer", "%(count)d buyers", buyers) % {"count": buyers},
    }


def published_text(count: int, preview: dict) -> str:
    emailed = len(preview["exhibitors"]) + len(preview["buyers"])
    return ngettext(
        "%(count)d meeting published; %(emailed)s.",
        "%(count)d meetings published; %(emailed)s.",
        count,
    ) % {
        "count": count,
        "emailed": ngettext(
            "%(count)d participant whose schedule changed is emailed",
            "%(count)d participants whose schedule changed are emailed",
            emailed,
        )
        % {"count": emailed},
    }
