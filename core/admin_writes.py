"""Admins whose saves and deletions are services', so that every write in the admin is checked
and recorded in the audit log like the same write on a page or the API.

``WritesThroughServices`` calls an app's own services (a domain object's: a profile, a
registration); ``AuditedAdmin`` saves plain rows, such as reference data, through
``core.services``; ``CheckedByServiceForm`` checks a form with the service's own rule first;
``write_each`` is a list action's loop: a service called row by row, each refusal named.
"""

from collections.abc import Callable, Iterable

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError

from .admin_scoping import PlatformModelAdmin
from .services import row_delete, row_save


class WritesThroughServices:
    """A model admin (mixed in before it) that saves with ``save_through`` and deletes with
    ``delete_through``, each calling a service.

    A refused deletion shows the service's reason; a bulk deletion deletes each row through the
    service, so each gets its audit entry. ``sets_many`` says that the save service also sets
    the form's many-to-many fields, which the form then does not save a second time.
    """

    sets_many = False

    def save_through(self, request, obj, form, change) -> None:
        raise NotImplementedError

    def delete_through(self, request, obj) -> None:
        raise NotImplementedError

    def save_model(self, request, obj, form, change):
        self.save_through(request, obj, form, change)

    def save_related(self, request, form, formsets, change):
        if not self.sets_many:
            form.save_m2m()
        for formset in formsets:
            self.save_formset(request, form, formset, change=change)

    def delete_model(self, request, obj):
        try:
            self.delete_through(request, obj)
        except ValidationError as error:
            self.message_user(request, " ".join(error.messages), messages.ERROR)

    def delete_queryset(self, request, queryset):
        for obj in queryset:
            self.delete_model(request, obj)


class AuditedAdmin(WritesThroughServices, PlatformModelAdmin):
    """Saves and deletes plain rows with ``row_save`` and ``row_delete``, by the admin's user."""

    sets_many = True
    #: The subject of the audit actions, ``<subject>.created``, ``.changed`` and ``.deleted``,
    #: which the model's app declares.
    audit_subject: str = ""
    #: Fields the audit log never keeps (a password's hash).
    audit_skipped: tuple[str, ...] = ()

    def save_through(self, request, obj, form, change) -> None:
        many = {
            field.name: form.cleaned_data[field.name]
            for field in obj._meta.many_to_many
            if field.name in form.cleaned_data
        }
        row_save(
            obj=obj,
            subject=self.audit_subject,
            many=many,
            skipped=self.audit_skipped,
            by=request.user,
        )

    def delete_through(self, request, obj) -> None:
        row_delete(obj=obj, subject=self.audit_subject, skipped=self.audit_skipped, by=request.user)


class CheckedByServiceForm(forms.ModelForm):
    """A model form that also checks what it cleaned with the service's own rule
    (``check_with_service``), so that each refusal lands on its field before anything is saved."""

    def check_with_service(self, cleaned: dict) -> None:
        """Call the service's check; a ``ValidationError`` keyed by field lands on the fields."""

    def clean(self):
        cleaned = super().clean()
        try:
            self.check_with_service(cleaned)
        except ValidationError as error:
            self._update_errors(error)
        return cleaned


def write_each(
    model_admin, request, rows: Iterable, write: Callable, *, named: Callable = str
) -> list:
    """Call ``write(row)``, a service, for each of ``rows``; a refused row is told to the admin's
    user with its name (``named(row)``) and the service's reason, and the others go on.
    Returns what each write that went through returned."""
    written = []
    for row in rows:
        try:
            written.append(write(row))
        except ValidationError as error:
            model_admin.message_user(
                request, f"{named(row)}: {' '.join(error.messages)}", messages.ERROR
            )
    return written
