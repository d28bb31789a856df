"""Forms of the meeting pages: requests, answers, the attending colleague, outcomes, busy slots.

(``matchmaking.forms`` holds the admin's forms.)
"""

from django import forms
from django.utils.translation import gettext_lazy as _

from companies.forms import PageForm
from companies.names import person_name

from .models import AT_FAIR, TradeStage, pavilion_rounds, round_label


class MeetingRequestForm(PageForm):
    message = forms.CharField(
        label=_("Message to the exhibitor"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Say what you would like to discuss: products, volumes, your market."),
    )


class TeamMemberChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, user):
        return person_name(user)


class AttendeeForm(PageForm):
    attendee = TeamMemberChoiceField(
        label=_("Who from your team attends"),
        queryset=None,
        required=False,
        empty_label=_("Not decided yet"),
    )

    def __init__(self, *args, team, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["attendee"].queryset = team


class BusySlotsForm(PageForm):
    """The slots, among the pavilion's, in which the company cannot meet (none ticked: free in
    every slot)."""

    slots = forms.ModelMultipleChoiceField(
        label=_("Busy slots"),
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        error_messages={
            "invalid_choice": _("Choose among this pavilion's slots; the page may be out of date."),
            "invalid_pk_value": _(
                "Choose among this pavilion's slots; the page may be out of date."
            ),
        },
    )

    def __init__(self, *args, pavilion, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["slots"].queryset = pavilion.slots.all()


class ExhibitorMeetingRequestForm(AttendeeForm):
    """An exhibitor asks a buyer for a meeting, and may say who from its team attends."""

    field_order = ["message", "attendee"]

    message = forms.CharField(
        label=_("Message to the buyer"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Say what you would like to show them: products, prices, certifications."),
    )


class AnswerForm(PageForm):
    note = forms.CharField(
        label=_("Note (optional)"),
        required=False,
        max_length=300,
        help_text=_("A short reason or comment, kept with the meeting's history."),
    )


class OutcomeForm(PageForm):
    """What came of a held meeting, in one of the rounds its pavilion asks about."""

    round = forms.TypedChoiceField(label=_("When"), coerce=int, initial=AT_FAIR)
    stage = forms.ChoiceField(
        label=_("How far did the business go?"),
        choices=[("", _("Choose a stage")), *TradeStage.choices],
        error_messages={"required": _("Choose a stage from the list.")},
    )
    expected_value_usd = forms.IntegerField(
        label=_("Expected business (USD)"),
        required=False,
        min_value=0,
        help_text=_("Your estimate of the orders this contact may bring in a year; optional."),
    )
    note = forms.CharField(
        label=_("Note"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )

    def __init__(self, *args, pavilion, round=None, **kwargs):
        """``round``: the one round asked about (a follow-up link), which the form then does not
        ask for; else any round of the pavilion's."""
        super().__init__(*args, **kwargs)
        self.fixed_round = round
        if round is not None:
            del self.fields["round"]
        else:
            self.fields["round"].choices = [
                (months, round_label(months)) for months in pavilion_rounds(pavilion)
            ]

    def clean(self):
        cleaned = super().clean()
        if self.fixed_round is not None:
            cleaned["round"] = self.fixed_round
        return cleaned
