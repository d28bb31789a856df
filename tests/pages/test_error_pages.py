"""The site's own 403, 404, 500 and CSRF failure pages, in both languages; JSON under /api/."""

import pytest
from django.conf.urls.i18n import i18n_patterns
from django.core.exceptions import PermissionDenied
from django.template.loader import render_to_string
from django.test import Client
from django.urls import path
from django.utils import translation
from django.views import defaults

from config import urls as site_urls


def boom(request):
    raise RuntimeError("something broke")


def forbidden(request):
    raise PermissionDenied


# A copy of the site's URLs with views that fail, for the 403 and 500 handlers.
urlpatterns = [
    path("api/v1/boom/", boom),
    *site_urls.urlpatterns,
    *i18n_patterns(path("boom/", boom), path("forbidden/", forbidden)),
]
# (Django's own handlers where the site has none.)
handler403 = getattr(site_urls, "handler403", defaults.permission_denied)
handler404 = getattr(site_urls, "handler404", defaults.page_not_found)
handler500 = getattr(site_urls, "handler500", defaults.server_error)


def page(client, url, status):
    response = client.get(url)
    assert response.status_code == status, url
    assert response["Content-Type"].startswith("text/html")
    return response.content.decode()


@pytest.mark.django_db
def test_a_missing_page_is_the_sites_own_404_in_the_readers_language(client, world):
    english = page(client, "/en/no-such-page/", 404)
    assert "Page not found" in english
    assert 'href="/en/"' in english  # a way back
    assert 'class="site-header"' in english  # the site's look
    japanese = page(client, "/ja/no-such-page/", 404)
    assert "ページが見つかりません" in japanese
    assert 'href="/ja/"' in japanese
    assert '<html lang="ja">' in japanese


@pytest.mark.django_db
def test_a_404_keeps_the_navigation_of_a_logged_in_company(client, world):
    client.force_login(world["sme_user"])
    html = page(client, f"/en/meetings/{10**9}/", 404)
    assert "Page not found" in html
    assert "Company profile" in html
    assert "Register your company" not in html


@pytest.mark.django_db
@pytest.mark.urls(__name__)
def test_a_forbidden_page_is_the_sites_own_403(client, world):
    assert "Access denied" in page(client, "/en/forbidden/", 403)
    assert "アクセスできません" in page(client, "/ja/forbidden/", 403)


@pytest.mark.django_db
@pytest.mark.urls(__name__)
def test_a_server_error_is_the_sites_own_500_in_the_readers_language(client):
    client.raise_request_exception = False
    english = page(client, "/en/boom/", 500)
    assert "Something went wrong on our side" in english
    assert 'href="/en/"' in english
    assert 'href="/ja/"' in english  # the other language
    assert "something broke" not in english
    japanese = page(client, "/ja/boom/", 500)
    assert "サーバー" in japanese
    assert '<html lang="ja">' in japanese


def test_the_500_page_needs_no_request_and_no_database():
    # No database access is allowed in this test: any query would fail it.
    for language, words in (("en", "Something went wrong"), ("ja", "サーバー")):
        with translation.override(language):
            html = render_to_string("500.html")
        assert words in html
        assert "csrfmiddlewaretoken" not in html


@pytest.mark.django_db
@pytest.mark.urls(__name__)
def test_api_errors_stay_json(client):
    client.raise_request_exception = False
    response = client.get("/api/v1/boom/")
    assert response.status_code == 500
    assert response.json()["error"]["code"] == "server_error"
    missing = client.get("/api/v1/nothing-here/")
    assert (missing.status_code, missing.json()["error"]["code"]) == (404, "not_found")


@pytest.mark.django_db
def test_a_failed_csrf_check_explains_itself_in_the_readers_language(world):
    client = Client(enforce_csrf_checks=True)
    client.force_login(world["sme_user"])
    english = client.post("/en/accounts/logout/")
    assert english.status_code == 403
    assert "The form has expired" in english.content.decode()
    japanese = client.post("/ja/accounts/logout/")
    assert "フォームの有効期限" in japanese.content.decode()
