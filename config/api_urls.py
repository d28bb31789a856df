"""The REST API's URLs, under /api/ (filled in by the REST API work)."""

urlpatterns = []
