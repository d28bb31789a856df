"""core.organisers: the organiser group gets exactly what each app declares for its models."""

import pytest
from django.apps import apps

from core.organisers import ORGANISER_GROUP, ensure_organiser_group, organiser_permissions

pytestmark = pytest.mark.django_db


def test_the_organiser_group_gets_the_permissions_every_app_declares():
    group = ensure_organiser_group()
    granted = {
        f"{app}.{codename}"
        for app, codename in group.permissions.values_list("content_type__app_label", "codename")
    }
    assert group.name == ORGANISER_GROUP
    assert {
        "companies.add_sme",
        "events.change_pavilion",
        "matchmaking.view_matchingrun",
        "meetings.change_meeting",
    } <= granted
    refused = {"events.add_pavilion", "events.delete_pavilion", "meetings.delete_meeting"}
    assert not refused & granted
    declared = {
        f"{app}.{action}_{model}"
        for app, models in organiser_permissions().items()
        for model, actions in models.items()
        for action in actions
    }
    assert granted == declared


def test_each_app_declares_the_permissions_of_its_own_models_only():
    for label, models in organiser_permissions().items():
        own = {model._meta.model_name for model in apps.get_app_config(label).get_models()}
        assert set(models) <= own, label
