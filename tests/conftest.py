import pytest
from django.contrib.auth import get_user_model
from django.utils import translation

from events.organisers import ensure_organiser_group


@pytest.fixture(autouse=True)
def english_by_default():
    """Each test starts in English; a request in Japanese must not leak into the next test."""
    translation.activate("en")
    yield
    translation.deactivate()


@pytest.fixture
def organiser_group(db):
    return ensure_organiser_group()


@pytest.fixture
def make_organiser(organiser_group):
    """A staff user in the organiser group and a member of the given office."""

    def make(office, username="organiser"):
        user = get_user_model().objects.create_user(
            username=username, password="pw-for-tests", is_staff=True
        )
        user.groups.add(organiser_group)
        office.members.add(user)
        return user

    return make
