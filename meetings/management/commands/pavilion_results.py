"""Print a pavilion's results: a report in the active language (or ``--language``), or the
figures as JSON (``--json``: ``PavilionResults.as_dict()``)."""

import json

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import translation
from django.utils.translation import gettext as _

from events.models import Pavilion
from meetings.models import TradeStage
from meetings.results_text import funnel_stages, number, percent
from meetings.selectors.results import pavilion_results
from meetings.selectors.results_figures import BreakdownGroup, Distribution, PavilionResults


def _distribution_line(title: str, figures: Distribution) -> str:
    return _(
        "%(title)s: mean %(mean)s, median %(median)s, %(share)s with none "
        "(%(none)s of %(participants)s)"
    ) % {
        "title": title,
        "mean": number(figures.mean),
        "median": number(figures.median),
        "share": percent(figures.share_with_none),
        "none": figures.with_none,
        "participants": figures.participants,
    }


def _group_line(group: BreakdownGroup) -> str:
    f = group.figures
    return _(
        "  %(label)s: exhibitors %(exhibitors)s, meetings held %(held)s (%(per)s per "
        "exhibitor), direct %(direct)s and indirect %(indirect)s of those who met"
    ) % {
        "label": group.label,
        "exhibitors": f.exhibitors,
        "held": f.meetings_held,
        "per": number(f.meetings_held_per_exhibitor),
        "direct": percent(f.direct_share_of_exhibitors_met),
        "indirect": percent(f.indirect_share_of_exhibitors_met),
    }


def results_report(results: PavilionResults) -> list[str]:
    """The figures as lines of text, in the active language."""
    heading, funnel, key = results.pavilion, results.funnel, results.key_figures
    lines = [
        _("Results of %(pavilion)s at %(fair)s (%(first)s to %(last)s), organised by %(office)s")
        % {
            "pavilion": heading.name,
            "fair": heading.fair,
            "first": heading.fair_starts_on.isoformat(),
            "last": heading.fair_ends_on.isoformat(),
            "office": heading.organiser,
        },
        "",
        _("Funnel"),
    ]
    lines += [f"  {label}: {count}" for label, count in funnel_stages(funnel)]
    lines += [
        "",
        _distribution_line(_("Meetings held per exhibitor"), results.meetings_per_exhibitor),
        _distribution_line(_("Meetings held per buyer"), results.meetings_per_buyer),
    ]
    for round_ in results.rounds:
        lines += [
            "",
            _(
                "Trade stages, %(round)s: reported for meetings %(meetings)s, exhibitors "
                "%(exhibitors)s; expected business USD %(value)s"
            )
            % {
                "round": round_.label,
                "meetings": round_.meetings_reported,
                "exhibitors": round_.exhibitors_reported,
                "value": f"{round_.expected_value_usd:,}",
            },
        ]
        lines += [
            _("  %(stage)s or further: meetings %(meetings)s, exhibitors %(exhibitors)s")
            % {"stage": s.label, "meetings": s.meetings, "exhibitors": s.exhibitors}
            for s in round_.stages
            if s.stage != TradeStage.NO_INTEREST
        ]
    lines += ["", _("Follow-up emails")]
    lines += [
        _(
            "  %(round)s (%(due)s): emailed %(emailed)s, answered %(answered)s (%(rate)s), "
            "reminded %(reminded)s, not sent yet %(to_send)s, nobody to write to %(unreachable)s"
        )
        % {
            "round": f.label,
            "due": f.due_on.isoformat(),
            "emailed": f.emailed,
            "answered": f.answered,
            "rate": percent(f.response_rate),
            "reminded": f.reminded,
            "to_send": f.to_send,
            "unreachable": f.unreachable,
        }
        for f in results.follow_ups
    ] or [_("  This pavilion asks no follow-up rounds.")]
    lines += [
        "",
        _(
            "Direct results (an order or agreement): %(met)s of exhibitors who met, %(all)s of "
            "accepted exhibitors (METI: %(meti)s)"
        )
        % {
            "met": percent(key.direct_share_of_exhibitors_met),
            "all": percent(key.direct_share_of_exhibitors),
            "meti": percent(results.meti_direct_share),
        },
        _(
            "Indirect results (sample, quotation, negotiation): %(met)s of exhibitors who met, "
            "%(all)s of accepted exhibitors (METI: %(meti)s)"
        )
        % {
            "met": percent(key.indirect_share_of_exhibitors_met),
            "all": percent(key.indirect_share_of_exhibitors),
            "meti": percent(results.meti_indirect_share),
        },
    ]
    breakdowns = results.breakdowns
    for title, groups in (
        (_("By first-time exhibitors"), breakdowns.by_first_time),
        (_("By sector"), breakdowns.by_sector),
        (_("By buyer country"), breakdowns.by_buyer_country),
        (_("By buyer region"), breakdowns.by_buyer_region),
        (_("By buyer type"), breakdowns.by_buyer_type),
        (_("By interpreter needed"), breakdowns.by_interpreter),
    ):
        lines += ["", title, *(_group_line(group) for group in groups)]
    return lines


class Command(BaseCommand):
    help = "Print a pavilion's results: funnel, trade stages, direct and indirect results."

    def add_arguments(self, parser):
        parser.add_argument("pavilion", type=int, help="the pavilion's id")
        parser.add_argument(
            "--json",
            dest="as_json",
            action="store_true",
            help="print the figures as JSON instead of a report",
        )
        parser.add_argument(
            "--language",
            choices=[code for code, _name in settings.LANGUAGES],
            help="the report's language (default: the active one)",
        )

    def handle(self, *args, pavilion: int, as_json: bool, language: str | None, **options):
        with translation.override(language or translation.get_language()):
            found = Pavilion.objects.filter(pk=pavilion).first()
            if found is None:
                raise CommandError(_("No pavilion has the id %(id)s.") % {"id": pavilion})
            results = pavilion_results(found)
            if as_json:
                self.stdout.write(json.dumps(results.as_dict(), ensure_ascii=False, indent=2))
            else:
                self.stdout.write("\n".join(results_report(results)))
