"""The QR code of a printed schedule's meeting: ``{% check_in_qr meeting side %}``, an inline
SVG (made by segno, no image file, no JavaScript) of the signed link with which organiser staff
check that side in at the fair (``meetings.services.check_in``)."""

from functools import lru_cache

import segno
from django import template
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from companies.mail import absolute_url

from ..services.check_in import check_in_path

register = template.Library()


def check_in_url(request, meeting_id: int, side: str) -> str:
    """The link in full: on the site the page was asked of, else under ``SITE_URL``."""
    path = check_in_path(meeting_id, side)
    return request.build_absolute_uri(path) if request is not None else absolute_url(path)


@lru_cache(maxsize=4096)
def _qr_svg(url: str, title: str) -> str:
    # Error correction M survives a crumpled or smudged print; 3 px a module prints about 3 cm.
    # One fixed mask: choosing the best of eight took most of a schedule page's time, and any
    # mask scans.
    code = segno.make(url, error="m", mask=0)
    return code.svg_inline(scale=3, title=title, svgclass="check-in-qr")


@register.simple_tag(takes_context=True)
def check_in_qr(context, meeting, side: str) -> str:
    url = check_in_url(context.get("request"), meeting.pk, side)
    return mark_safe(_qr_svg(url, _("Check-in code for the organiser's staff")))
