"""Confirmation pages for admin actions that cannot be undone or that act for someone.

Django admin's own intermediate-page pattern (as its "delete selected" action): the action
first answers with a page that lists what it will act on and says what will happen, with a
form when the organiser must choose or explain something; the page posts the same action back
with ``post=yes``, and only then does the action run. Pages outside the change list (publishing
a schedule, cancelling from a meeting's page) use the same template.
"""

from django import forms
from django.contrib.admin import helpers
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _

CONFIRMED = "post"


def confirmed_form(request, form_class: type[forms.Form] = forms.Form, **kwargs) -> forms.Form:
    """The page's form: bound to the answer once the organiser confirmed, unbound before."""
    if request.method == "POST" and request.POST.get(CONFIRMED) == "yes":
        return form_class(request.POST, **kwargs)
    return form_class(**kwargs)


def confirmation_page(
    request,
    *,
    model_admin,
    title: str,
    question: str,
    form: forms.Form | None = None,
    queryset=None,
    action: str = "",
    items=None,
    items_title=None,
    notes=(),
    confirm_label=None,
    breadcrumbs=(),
    back_url: str = "",
    danger: bool = False,
) -> TemplateResponse:
    """The intermediate page: ``question`` says what will happen, ``items`` (by default the
    ``queryset``) list what it acts on under ``items_title``, ``notes`` warn. With ``action`` it
    posts the change list's action back for the selected ``queryset``; without, it posts to the
    page's own address. ``danger`` gives it the look of Django's delete confirmation."""
    if form is not None and not form.fields:
        form = None
    context = {
        **model_admin.admin_site.each_context(request),
        "title": title,
        "question": question,
        "form": form,
        "media": model_admin.media + (form.media if form is not None else forms.Media()),
        "items": [str(item) for item in (items if items is not None else queryset or [])],
        "items_title": items_title or model_admin.model._meta.verbose_name_plural,
        "notes": list(notes),
        "queryset": queryset if action else None,
        "action": action,
        "action_checkbox_name": helpers.ACTION_CHECKBOX_NAME,
        "confirm_label": confirm_label or _("Yes, I’m sure"),
        "breadcrumbs": list(breadcrumbs),
        "back_url": back_url,
        "danger": danger,
        "opts": model_admin.model._meta,
    }
    return TemplateResponse(request, "admin/confirm_action.html", context)
