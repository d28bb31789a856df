"""The site's own 403, 404 and 500 pages, in the reader's language; the API answers in its JSON.

Django's default handlers render ``403.html``, ``404.html`` and ``500.html`` too, but without the
actor the site's navigation is drawn for, and as HTML under /api/ as well. The 500 page never
touches the database or the request: whatever broke may be either of them.
"""

from django.http import HttpResponseServerError, JsonResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils.translation import gettext as _
from django.views.decorators.csrf import requires_csrf_token

from companies.access import actor_of
from core.api.errors import error_body


def _is_api(request) -> bool:
    return request.path.startswith("/api/")


def _json(status: int, code: str, message: str) -> JsonResponse:
    return JsonResponse(error_body(status_code=status, code=code, message=message), status=status)


@requires_csrf_token
def page_not_found(request, exception=None):
    if _is_api(request):
        return _json(404, "not_found", _("Not found, or not visible to you."))
    return render(request, "404.html", {"actor": actor_of(request.user)}, status=404)


@requires_csrf_token
def permission_denied(request, exception=None):
    if _is_api(request):
        return _json(403, "permission_denied", _("You may not do this."))
    return render(request, "403.html", {"actor": actor_of(request.user)}, status=403)


def server_error(request):
    if _is_api(request):
        return _json(
            500, "server_error", _("Something went wrong on our side; please try again later.")
        )
    return HttpResponseServerError(render_to_string("500.html"))
