"""An organiser acting for participants: the explicit choice of whom, and what it did.

Accepting a proposal or a meeting request in the admin is done on someone's behalf: the
organiser says whose (the exhibitor's, the buyer's, or both sides', which confirms the
meeting) on a confirmation page, the services record it, and the message says what happened.
"""

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from ..models import ActingFor


class ActingForForm(forms.Form):
    acting_for = forms.ChoiceField(
        label=_("On whose behalf do you accept?"),
        widget=forms.RadioSelect,
        choices=[
            (
                ActingFor.EXHIBITOR.value,
                _("On behalf of the exhibitor: the buyer is asked to answer"),
            ),
            (
                ActingFor.BUYER.value,
                _("On behalf of the buyer: the exhibitor is asked to answer"),
            ),
            (ActingFor.BOTH.value, _("On behalf of both sides: the meeting is confirmed")),
        ],
        error_messages={"required": _("Choose on whose behalf you accept.")},
    )


def on_whose_behalf_field(label) -> forms.ChoiceField:
    """As the organiser (the default), or on behalf of the exhibitor, the buyer or both sides:
    recorded in the meeting's history, and a side acted for is emailed that the organiser did."""
    return forms.ChoiceField(
        label=label,
        widget=forms.RadioSelect,
        required=False,
        initial="",
        choices=[
            ("", _("As the organiser")),
            (ActingFor.EXHIBITOR.value, _("On behalf of the exhibitor")),
            (ActingFor.BUYER.value, _("On behalf of the buyer")),
            (ActingFor.BOTH.value, _("On behalf of both sides")),
        ],
        help_text=_("A side you act for is emailed that you did it for them."),
    )


class DeclineForm(forms.Form):
    """On whose behalf requests are declined, and a note for the history."""

    acting_for = on_whose_behalf_field(_("On whose behalf do you decline?"))
    note = forms.CharField(
        label=_("Note (optional)"),
        required=False,
        max_length=300,
        help_text=_("Kept with the meeting's history; nobody is emailed it."),
    )


class CancelReasonForm(forms.Form):
    """On whose behalf meetings are cancelled, and why: the reason is required when one of them
    is in the published schedule."""

    acting_for = on_whose_behalf_field(_("On whose behalf do you cancel?"))

    reason = forms.CharField(
        label=_("Reason for cancelling"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        max_length=1000,
        help_text=_("The other side's email gives it."),
    )

    def __init__(self, *args, published: int = 0, **kwargs):
        super().__init__(*args, **kwargs)
        self.published = published
        if published:
            self.fields["reason"].required = True
            self.fields["reason"].error_messages["required"] = ngettext(
                "Say why: %(count)d of these meetings is in the published schedule.",
                "Say why: %(count)d of these meetings are in the published schedule.",
                published,
            ) % {"count": published}


def requests_made_text(count: int, acting_for: str) -> str:
    """What accepting proposals on someone's behalf did."""
    if acting_for == ActingFor.EXHIBITOR:
        return ngettext(
            "%(count)d meeting request made on behalf of the exhibitor; the buyer is asked to "
            "answer.",
            "%(count)d meeting requests made on behalf of the exhibitors; the buyers are asked "
            "to answer.",
            count,
        ) % {"count": count}
    if acting_for == ActingFor.BUYER:
        return ngettext(
            "%(count)d meeting request made on behalf of the buyer; the exhibitor is asked to "
            "answer.",
            "%(count)d meeting requests made on behalf of the buyers; the exhibitors are asked "
            "to answer.",
            count,
        ) % {"count": count}
    return confirmed_text(count)


def confirmed_text(count: int) -> str:
    return ngettext(
        "%(count)d meeting confirmed on behalf of both sides.",
        "%(count)d meetings confirmed on behalf of both sides.",
        count,
    ) % {"count": count}


def accepted_text(*, confirmed: int, waiting: int, acting_for: str) -> list[str]:
    """What accepting requests on someone's behalf did: confirmed, or waiting for the other."""
    if acting_for == ActingFor.BOTH:
        return [confirmed_text(confirmed)] if confirmed else []
    texts = []
    exhibitor = acting_for == ActingFor.EXHIBITOR
    if confirmed:
        texts.append(
            (
                ngettext(
                    "%(count)d meeting accepted on behalf of the exhibitor, which confirms it.",
                    "%(count)d meetings accepted on behalf of the exhibitors, which confirms them.",
                    confirmed,
                )
                if exhibitor
                else ngettext(
                    "%(count)d meeting accepted on behalf of the buyer, which confirms it.",
                    "%(count)d meetings accepted on behalf of the buyers, which confirms them.",
                    confirmed,
                )
            )
            % {"count": confirmed}
        )
    if waiting:
        texts.append(
            (
                ngettext(
                    "%(count)d meeting accepted on behalf of the exhibitor; the buyer is asked "
                    "to answer.",
                    "%(count)d meetings accepted on behalf of the exhibitors; the buyers are "
                    "asked to answer.",
                    waiting,
                )
                if exhibitor
                else ngettext(
                    "%(count)d meeting accepted on behalf of the buyer; the exhibitor is asked "
                    "to answer.",
                    "%(count)d meetings accepted on behalf of the buyers; the exhibitors are "
                    "asked to answer.",
                    waiting,
                )
            )
            % {"count": waiting}
        )
    return texts
