"""The organiser's matchmaking admin: weights, wishes, runs with live progress, proposals."""

from django.contrib import admin, messages
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from companies.names import person_column
from core.admin_scoping import PavilionScopedAdmin
from core.admin_writes import CheckedByServiceForm, WritesThroughServices, write_each
from events.organisers import pavilions_organised_by

from .. import hooks, selectors, services
from ..forms import MatchingWeightsForm
from ..models import MatchingSettings, PairWish, Proposal
from ..reasons import proposal_sentence


@admin.register(MatchingSettings)
class MatchingSettingsAdmin(PavilionScopedAdmin):
    """Weights are edited through the engine's own fields, one per weight, not as raw JSON."""

    list_display = ["pavilion", "updated_at"]

    def has_add_permission(self, request):
        return False

    def get_urls(self):
        view = self.admin_site.admin_view(self.weights_view)
        return [
            path("pavilion/<int:pavilion_id>/", view, name="matchmaking_weights"),
            *super().get_urls(),
        ]

    def change_view(self, request, object_id, form_url="", extra_context=None):
        settings = get_object_or_404(self.get_queryset(request), pk=object_id)
        return HttpResponseRedirect(
            reverse("admin:matchmaking_weights", args=[settings.pavilion_id])
        )

    def delete_model(self, request, obj):
        services.matching_settings_reset(settings=obj, by=request.user)

    def delete_queryset(self, request, queryset):
        for settings in queryset:
            self.delete_model(request, settings)

    def weights_view(self, request, pavilion_id):
        """One field per weight; the engine checks the values, errors land on their fields.
        Beside them, the factor weights the outcomes of earlier pavilions suggest (meetings
        answers ``hooks.suggested_weights``), with a button that applies them."""
        if not self.has_change_permission(request):
            return HttpResponseRedirect(reverse("admin:index"))
        pavilion = get_object_or_404(pavilions_organised_by(request.user), pk=pavilion_id)
        if request.method == "POST" and "apply_suggested" in request.POST:
            return self._apply_suggested(request, pavilion)
        stored = MatchingSettings.objects.filter(pavilion=pavilion).first()
        initial = stored.weights if stored else {}
        form = MatchingWeightsForm(request.POST or None, initial_weights=initial)
        if request.method == "POST" and form.is_valid():
            services.matching_settings_update(pavilion=pavilion, weights=form.weights)
            self.message_user(
                request, _("Matchmaking weights of %(pavilion)s saved.") % {"pavilion": pavilion}
            )
            return HttpResponseRedirect(request.path)
        context = {
            **self.admin_site.each_context(request),
            "title": _("Matchmaking weights: %(pavilion)s") % {"pavilion": pavilion},
            "form": form,
            "pavilion": pavilion,
            "suggestion": hooks.suggested_weights(pavilion),
            "opts": self.model._meta,
        }
        return TemplateResponse(request, "admin/matchmaking/weights.html", context)

    def _apply_suggested(self, request, pavilion):
        """Store the suggested factor weights (the other weights keep their values)."""
        suggestion = hooks.suggested_weights(pavilion)
        suggested = suggestion.suggested_weights if suggestion else None
        if suggested is None:
            message = suggestion.message if suggestion else _("No weights are suggested.")
            self.message_user(request, message, messages.WARNING)
        else:
            current = selectors.pavilion_weights(pavilion).to_dict()
            services.matching_settings_update(pavilion=pavilion, weights={**current, **suggested})
            self.message_user(
                request,
                _("The suggested weights are now the matchmaking weights of %(pavilion)s.")
                % {"pavilion": pavilion},
                messages.SUCCESS,
            )
        return HttpResponseRedirect(request.path)


class PairWishForm(CheckedByServiceForm):
    """Checks the pair with the service's own rule, so the error lands on its field."""

    class Meta:
        model = PairWish
        fields = ["pavilion", "sme", "buyer", "kind"]

    def check_with_service(self, cleaned):
        if cleaned.get("pavilion") and cleaned.get("sme") and cleaned.get("buyer"):
            services.pair_wish_check(
                pavilion=cleaned["pavilion"], sme=cleaned["sme"], buyer=cleaned["buyer"]
            )


@admin.register(PairWish)
class PairWishAdmin(WritesThroughServices, PavilionScopedAdmin):
    form = PairWishForm
    list_display = ["sme", "buyer", "kind", "pavilion", "created_by_name", "created_at"]
    created_by_name = person_column("created_by", _("created by"))
    list_filter = ["kind", "pavilion"]
    search_fields = ["sme__name_en", "sme__name_ja", "buyer__name"]
    autocomplete_fields = ["sme", "buyer"]
    list_select_related = ["sme", "buyer", "pavilion", "pavilion__fair", "created_by"]
    fields = ["pavilion", "sme", "buyer", "kind"]

    def save_through(self, request, obj, form, change):
        wish = services.pair_wish_add(
            pavilion=obj.pavilion, sme=obj.sme, buyer=obj.buyer, kind=obj.kind, by=request.user
        )
        obj.__dict__.update(wish.__dict__)

    def delete_through(self, request, obj):
        services.pair_wish_remove(wish=obj)


@admin.register(Proposal)
class ProposalAdmin(WritesThroughServices, PavilionScopedAdmin):
    list_display = ["sme", "buyer", "score", "status", "why", "pavilion"]
    list_filter = ["status", "pavilion", "buyer__country", "sme__prefecture"]
    search_fields = ["sme__name_en", "sme__name_ja", "buyer__name"]
    list_select_related = ["sme", "buyer", "pavilion", "pavilion__fair"]
    readonly_fields = [
        "pavilion",
        "run",
        "sme",
        "buyer",
        "score",
        "why",
        "status",
        "decided_by_name",
        "decided_at",
        "created_at",
    ]
    fields = readonly_fields
    decided_by_name = person_column("decided_by", _("decided by"))
    ordering = ["pavilion", "sme", "-score"]

    def has_add_permission(self, request):
        return False

    def save_through(self, request, obj, form, change):
        # Every field is read-only: a proposal changes only through the actions' services.
        pass

    def delete_through(self, request, obj):
        services.proposal_delete(proposal=obj, by=request.user)

    @admin.display(description=_("why"))
    def why(self, proposal):
        return proposal_sentence(proposal)

    @property
    def actions(self):
        # Meetings adds accepting, which requests the meetings (matchmaking.hooks).
        return [*hooks.proposal_admin_actions.functions, "decline"]

    @admin.action(description=_("Decline the selected proposals"), permissions=["change"])
    def decline(self, request, queryset):
        done = len(
            write_each(
                self,
                request,
                queryset.select_related("sme", "buyer"),
                lambda proposal: services.proposal_decline(proposal=proposal, by=request.user),
            )
        )
        if done:
            self.message_user(
                request,
                ngettext(
                    "%(count)d proposal declined; the pair is not proposed again.",
                    "%(count)d proposals declined; these pairs are not proposed again.",
                    done,
                )
                % {"count": done},
                messages.SUCCESS,
            )
