"""The admin of a pavilion's interpreters: checked and saved with the services' rules, so errors
land on their fields."""

from django.contrib import admin
from django.db.models import Count
from django.utils.translation import gettext_lazy as _

from core.admin_scoping import PavilionScopedAdmin
from core.admin_writes import CheckedByServiceForm, WritesThroughServices

from . import selectors
from .models import Interpreter, MeetingSlot
from .services import interpreters


class InterpreterForm(CheckedByServiceForm):
    """Checks the interpreter with the service's own rules, so errors land on their fields."""

    class Meta:
        model = Interpreter
        fields = ["pavilion", "name", "email", "languages", "available_slots"]

    def check_with_service(self, cleaned):
        if cleaned.get("pavilion") and cleaned.get("name") is not None:
            selectors.interpreter_check(
                pavilion=cleaned["pavilion"],
                name=cleaned["name"],
                languages=cleaned.get("languages") or [],
                available_slots=cleaned.get("available_slots") or [],
                interpreter=self.instance if self.instance.pk else None,
            )


@admin.register(Interpreter)
class InterpreterAdmin(WritesThroughServices, PavilionScopedAdmin):
    form = InterpreterForm
    list_display = ["name", "pavilion", "language_list", "available_slot_count"]
    list_filter = ["pavilion", "languages"]
    search_fields = ["name", "email"]
    filter_horizontal = ["languages", "available_slots"]
    list_select_related = ["pavilion", "pavilion__fair"]
    sets_many = True

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .prefetch_related("languages")
            .annotate(slot_total=Count("available_slots", distinct=True))
        )

    def get_form(self, request, obj=None, **kwargs):
        form = super().get_form(request, obj, **kwargs)
        slots = form.base_fields.get("available_slots")
        if slots is not None:
            # Only this pavilion's slots can be offered; a new interpreter picks them after saving.
            queryset = MeetingSlot.objects.select_related("pavilion__fair")
            slots.queryset = queryset.filter(pavilion=obj.pavilion) if obj else queryset.none()
            slots.label_from_instance = str
        return form

    def save_through(self, request, obj, form, change):
        saved = interpreters.interpreter_save(
            interpreter=obj if change else None,
            pavilion=obj.pavilion,
            name=obj.name,
            email=obj.email,
            languages=form.cleaned_data.get("languages") or [],
            available_slots=form.cleaned_data.get("available_slots") or [],
        )
        obj.__dict__.update(saved.__dict__)

    def delete_through(self, request, obj):
        interpreters.interpreter_delete(interpreter=obj)

    @admin.display(description=_("languages"))
    def language_list(self, interpreter):
        return ", ".join(language.code for language in interpreter.languages.all())

    @admin.display(description=_("available slots"), ordering="slot_total")
    def available_slot_count(self, interpreter):
        return interpreter.slot_total
