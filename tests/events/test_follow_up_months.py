"""A pavilion's follow-up rounds: 1, 3, 6 and 12 months by default, set per pavilion in the
admin as "1, 3, 6, 12", checked wherever they are saved."""

import pytest
from django.core.exceptions import ValidationError

from events.factories import PavilionFactory
from events.forms import FollowUpMonthsField
from events.models.fairs import validate_follow_up_months
from meetings.models import pavilion_rounds

pytestmark = pytest.mark.django_db


def test_a_new_pavilion_asks_at_1_3_6_and_12_months():
    pavilion = PavilionFactory()
    assert pavilion.follow_up_months == [1, 3, 6, 12]
    assert pavilion_rounds(pavilion) == [0, 1, 3, 6, 12]


@pytest.mark.parametrize(
    ("months", "message"),
    [
        ([3, 1], "from the earliest to the latest"),
        ([1, 1], "from the earliest to the latest"),
        ([0, 3], "between 1 and 36"),
        ([48], "between 1 and 36"),
        (["3"], "whole numbers"),
        ([True], "whole numbers"),
        ("1,3", "whole numbers"),
    ],
)
def test_follow_up_months_are_whole_increasing_months_up_to_three_years(months, message):
    with pytest.raises(ValidationError, match=message):
        validate_follow_up_months(months)


def test_no_follow_up_rounds_is_allowed():
    validate_follow_up_months([])


def test_the_admin_field_reads_and_writes_a_comma_separated_list():
    field = FollowUpMonthsField(required=False)
    assert field.prepare_value([1, 3, 6, 12]) == "1, 3, 6, 12"
    assert field.clean("2, 6，9、 18") == [2, 6, 9, 18]
    with pytest.raises(ValidationError, match="such as 1, 3, 6, 12"):
        field.clean("1, three")


def test_the_admin_shows_the_rounds_and_its_form_refuses_bad_ones(rf, make_organiser):
    from django.contrib import admin

    from events.models import Pavilion

    pavilion = PavilionFactory()
    organiser = make_organiser(pavilion.organiser)
    model_admin = admin.site._registry[Pavilion]
    request = rf.get("/")
    request.user = organiser
    form_class = model_admin.get_form(request, pavilion, change=True)
    form = form_class(instance=pavilion)
    assert 'value="1, 3, 6, 12"' in str(form["follow_up_months"])
    field = form.fields["follow_up_months"]
    assert field.clean("2, 6") == [2, 6]
    # The model's validator runs with the rest of the form's checks.
    pavilion.follow_up_months = field.clean("6, 2")
    with pytest.raises(ValidationError, match="earliest to the latest"):
        pavilion.full_clean()
