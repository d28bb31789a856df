"""What every page shares: the language switch, labelled fields, the stylesheet."""

from html.parser import HTMLParser

import pytest
from django.contrib.auth import get_user_model

pytestmark = pytest.mark.django_db


class Fields(HTMLParser):
    """Collects the form controls a person fills in, and the ids that labels point at."""

    def __init__(self):
        super().__init__()
        self.controls, self.labelled, self.in_fieldset_with_legend = [], set(), 0

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "label" and attrs.get("for"):
            self.labelled.add(attrs["for"])
        if tag in ("input", "select", "textarea") and attrs.get("type") not in (
            "hidden",
            "submit",
        ):
            self.controls.append(attrs.get("id"))


def test_the_language_switch_keeps_the_page_and_changes_its_language(client, world):
    html = client.get(f"/en/pavilions/{world['pavilion'].pk}/exhibitors/?q=tea").content.decode()
    assert (
        f'name="next" type="hidden" value="/pavilions/{world["pavilion"].pk}/exhibitors/?q=tea"'
        in html
    )
    response = client.post(
        "/i18n/setlang/",
        {"language": "ja", "next": f"/pavilions/{world['pavilion'].pk}/exhibitors/?q=tea"},
        follow=True,
    )
    assert (
        response.redirect_chain[-1][0] == f"/ja/pavilions/{world['pavilion'].pk}/exhibitors/?q=tea"
    )
    assert '<html lang="ja">' in response.content.decode()


@pytest.mark.parametrize(
    "path",
    [
        "/en/accounts/signup/",
        "/en/accounts/login/",
        "/en/accounts/password-reset/",
        "/en/company/register/exhibitor/",
        "/en/company/",
        "/en/company/team/",
        "/en/pavilions/{pavilion}/",
        "/en/pavilions/{pavilion}/exhibitors/",
    ],
)
def test_every_field_has_a_label(client, world, path):
    if "register" in path:
        client.force_login(get_user_model().objects.create_user(username="fresh"))
    elif "company" in path or path.endswith("/{pavilion}/"):
        client.force_login(world["other_sme_user"])
    html = client.get(path.format(pavilion=world["pavilion"].pk)).content.decode()
    parser = Fields()
    parser.feed(html)
    assert parser.controls
    unlabelled = [
        control for control in parser.controls if control is None or control not in parser.labelled
    ]
    # Checkbox lists are labelled by their fieldset's legend and each box by its own label.
    assert unlabelled == [], path


def test_pages_link_the_stylesheet_with_a_print_style(client, settings, db):
    html = client.get("/en/").content.decode()
    assert 'href="/static/css/site.css"' in html
    css = (settings.BASE_DIR / "static" / "css" / "site.css").read_text()
    assert "@media print" in css
    assert ":focus-visible" in css
