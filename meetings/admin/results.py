"""The results page in the admin: a pavilion's funnel and trade stages as charts, its key
figures beside METI's reference, the breakdowns, a print layout, and the CSV exports."""

from django.http import HttpResponse
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from events.fair_time import date_text
from meetings.selectors.results import pavilion_results

from .. import exports, results_exports
from ..results_charts import bar_chart
from ..results_text import funnel_stages, number, percent


def _round_charts(rounds) -> list:
    return [
        (
            round_,
            bar_chart(
                _("Meetings by trade stage: %(round)s") % {"round": round_.label},
                [(reach.label, reach.meetings) for reach in round_.stages],
            ),
        )
        for round_ in rounds
    ]


def _with_share(count: int, share: float | None) -> str:
    return f"{count} ({percent(share)})"


def _key_rows(results) -> list[tuple[str, object, str]]:
    key = results.key_figures
    return [
        (_("Exhibitors"), key.exhibitors, ""),
        (_("Exhibitors with a meeting held"), key.exhibitors_met, ""),
        (_("Meetings held"), key.meetings_held, ""),
        (_("Meetings held per exhibitor"), number(key.meetings_held_per_exhibitor), ""),
        (
            _("Direct result (an order or agreement), of those who met"),
            _with_share(key.direct_exhibitors, key.direct_share_of_exhibitors_met),
            percent(results.meti_direct_share),
        ),
        (
            _("Indirect result (sample, quotation, negotiation), of those who met"),
            _with_share(key.indirect_exhibitors, key.indirect_share_of_exhibitors_met),
            percent(results.meti_indirect_share),
        ),
        (
            _("Direct result, of all exhibitors"),
            percent(key.direct_share_of_exhibitors),
            percent(results.meti_direct_share),
        ),
        (
            _("Indirect result, of all exhibitors"),
            percent(key.indirect_share_of_exhibitors),
            percent(results.meti_indirect_share),
        ),
    ]


def _distribution_cells(figures) -> list:
    return [
        figures.participants,
        figures.meetings,
        number(figures.mean),
        number(figures.median),
        _with_share(figures.with_none, figures.share_with_none),
    ]


def _group_cells(figures) -> list:
    return [
        figures.exhibitors,
        figures.exhibitors_met,
        figures.meetings_held,
        _with_share(figures.direct_exhibitors, figures.direct_share_of_exhibitors_met),
        _with_share(figures.indirect_exhibitors, figures.indirect_share_of_exhibitors_met),
    ]


class ResultsViews:
    """The results pages of ``MeetingAdmin`` (its ``get_urls`` routes them); the pavilion is
    found as the schedule pages find it (``ScheduleViews._pavilion``)."""

    def results_view(self, request, pavilion_id):
        pavilion = self._pavilion(request, pavilion_id)
        results = pavilion_results(pavilion)
        breakdowns = results.breakdowns
        context = {
            **self.admin_site.each_context(request),
            "title": _("Results: %(pavilion)s") % {"pavilion": pavilion},
            "pavilion": pavilion,
            "results": results,
            "funnel_chart": bar_chart(_("Funnel"), funnel_stages(results.funnel)),
            "round_charts": _round_charts(results.rounds),
            "follow_up_rows": [
                (
                    f.label,
                    [
                        date_text(f.due_on),
                        f.emailed,
                        f.answered,
                        percent(f.response_rate),
                        f.reminded,
                        f.to_send,
                        f.unreachable,
                    ],
                )
                for f in results.follow_ups
            ],
            "key_rows": _key_rows(results),
            "distribution_rows": [
                (_("Exhibitors"), _distribution_cells(results.meetings_per_exhibitor)),
                (_("Buyers"), _distribution_cells(results.meetings_per_buyer)),
            ],
            "breakdown_tables": [
                (title, [(group.label, _group_cells(group.figures)) for group in groups])
                for title, groups in (
                    (_("First-time exhibitors and others"), breakdowns.by_first_time),
                    (_("By sector"), breakdowns.by_sector),
                    (_("By buyer's country"), breakdowns.by_buyer_country),
                    (_("By buyer's region"), breakdowns.by_buyer_region),
                    (_("By buyer type"), breakdowns.by_buyer_type),
                    (_("By whether an interpreter was needed"), breakdowns.by_interpreter),
                )
            ],
            "opts": self.model._meta,
        }
        return TemplateResponse(request, "admin/meetings/results.html", context)

    def _csv(self, data: bytes, filename: str) -> HttpResponse:
        response = HttpResponse(data, content_type=exports.CSV_CONTENT_TYPE)
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
        return response

    def results_meetings_csv_view(self, request, pavilion_id):
        pavilion = self._pavilion(request, pavilion_id)
        return self._csv(
            results_exports.results_meetings_csv(pavilion), f"results-meetings-{pavilion.pk}.csv"
        )

    def results_exhibitors_csv_view(self, request, pavilion_id):
        pavilion = self._pavilion(request, pavilion_id)
        return self._csv(
            results_exports.results_exhibitors_csv(pavilion),
            f"results-exhibitors-{pavilion.pk}.csv",
        )
