"""One JSON shape for every API error (filled in by the REST API work)."""

from rest_framework.views import exception_handler


def api_exception_handler(exc, context):
    return exception_handler(exc, context)
