"""A run's admin page: read-only, with a progress bar worded in the reader's language.

A run is deleted (by a platform administrator) through ``core.services.row_delete``, which
records it in the audit log with everything the run kept.
"""

from django.contrib import admin
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from companies.names import person_column
from core.admin_scoping import PavilionScopedAdmin
from core.admin_writes import WritesThroughServices
from core.services import row_delete

from ..models import MatchingRun


class JobRunAdmin(WritesThroughServices, PavilionScopedAdmin):
    """A run's page: read-only, with a progress bar, refreshing itself while the run is active."""

    #: The subject of the run's audit actions (``<subject>.deleted``), which its app declares.
    audit_subject: str = ""

    list_display = [
        "pk",
        "pavilion",
        "status",
        "progress_bar",
        "outcome",
        "created_at",
        "finished_at",
        "requested_by_name",
    ]
    list_filter = ["status", "pavilion"]
    list_select_related = ["pavilion", "pavilion__fair", "requested_by"]
    readonly_fields = [
        "pavilion",
        "status",
        "progress_bar",
        "doing",
        "counts",
        "timings",
        "parameters",
        "error",
        "requested_by_name",
        "created_at",
        "started_at",
        "finished_at",
    ]
    fields = readonly_fields
    change_form_template = "admin/run_change_form.html"
    requested_by_name = person_column("requested_by", _("requested by"))

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def delete_through(self, request, obj):
        row_delete(obj=obj, subject=self.audit_subject, pavilion="pavilion_id", by=request.user)

    @admin.display(description=_("progress"), ordering="progress")
    def progress_bar(self, run):
        percent = round(run.progress * 100)
        doing = run.progress_text()
        return format_html(
            '<progress value="{}" max="100" aria-label="{}">{}%</progress> {}% {}',
            percent,
            doing,
            percent,
            percent,
            doing,
        )

    @admin.display(description=_("what it is doing"))
    def doing(self, run):
        # Worded now, in the reader's language, from the codes the run stores.
        return run.progress_text()

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        run = self.get_object(request, object_id) if object_id else None
        extra_context = {**(extra_context or {}), "run_active": bool(run and run.is_active)}
        return super().changeform_view(request, object_id, form_url, extra_context)


@admin.register(MatchingRun)
class MatchingRunAdmin(JobRunAdmin):
    audit_subject = "matchmaking.run"

    @admin.display(description=_("proposals"))
    def outcome(self, run):
        return run.counts.get("proposals", "")
