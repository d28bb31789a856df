"""Who did not come to a no-show; outcome rounds as months after the fair.

An outcome's round was ``at_fair`` or ``follow_up``; it becomes the months after the fair's last
day (0 at the fair). A ``follow_up`` outcome goes to the pavilion's follow-up round nearest to
when it was recorded (its first round if it has none nearer), and the meeting's history says the
same of the outcomes it recorded.
"""

import django.core.validators
from django.db import migrations, models

LEGACY_AT_FAIR = "at_fair"


def _months_after(pavilion, recorded_at) -> int:
    rounds = list(pavilion.follow_up_months) or [1]
    ends_on = pavilion.fair.ends_on
    elapsed = (recorded_at.year - ends_on.year) * 12 + recorded_at.month - ends_on.month
    return min(rounds, key=lambda months: (abs(months - elapsed), months))


def rounds_to_months(apps, schema_editor):
    MeetingOutcome = apps.get_model("meetings", "MeetingOutcome")
    MeetingEvent = apps.get_model("meetings", "MeetingEvent")
    months_of = {}
    outcomes = MeetingOutcome.objects.select_related("meeting__pavilion__fair")
    for outcome in outcomes.iterator():
        if outcome.round == LEGACY_AT_FAIR:
            months = 0
        else:
            months = _months_after(outcome.meeting.pavilion, outcome.recorded_at)
        months_of[(outcome.meeting_id, outcome.round)] = months
        outcome.round_months = months
        outcome.save(update_fields=["round_months"])
    events = MeetingEvent.objects.filter(action="outcome").select_related(
        "meeting__pavilion__fair"
    )
    for event in events.iterator():
        legacy = (event.details or {}).get("round")
        if not isinstance(legacy, str):
            continue
        months = months_of.get((event.meeting_id, legacy))
        if months is None:
            pavilion = event.meeting.pavilion
            months = 0 if legacy == LEGACY_AT_FAIR else _months_after(pavilion, event.at)
        event.details = {**event.details, "round": months}
        event.save(update_fields=["details"])


def months_to_rounds(apps, schema_editor):
    MeetingOutcome = apps.get_model("meetings", "MeetingOutcome")
    MeetingEvent = apps.get_model("meetings", "MeetingEvent")
    for outcome in MeetingOutcome.objects.iterator():
        outcome.round = LEGACY_AT_FAIR if outcome.round_months == 0 else "follow_up"
        outcome.save(update_fields=["round"])
    for event in MeetingEvent.objects.filter(action="outcome").iterator():
        months = (event.details or {}).get("round")
        if isinstance(months, int):
            event.details = {
                **event.details,
                "round": LEGACY_AT_FAIR if months == 0 else "follow_up",
            }
            event.save(update_fields=["details"])


class Migration(migrations.Migration):
    dependencies = [
        ("events", "0003_pavilion_follow_up_months"),
        ("meetings", "0001_initial"),
    ]

    operations = [
        migrations.AddField(
            model_name="meeting",
            name="absent_side",
            field=models.CharField(
                blank=True,
                choices=[
                    ("exhibitor", "The exhibitor did not come"),
                    ("buyer", "The buyer did not come"),
                    ("both", "Neither side came"),
                ],
                max_length=10,
                verbose_name="who did not come",
            ),
        ),
        migrations.AddConstraint(
            model_name="meeting",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("absent_side", ""),
                    models.Q(
                        ("absent_side__in", ["exhibitor", "buyer", "both"]), ("status", "no_show")
                    ),
                    _connector="OR",
                ),
                name="meeting_absent_side_only_for_no_show",
            ),
        ),
        migrations.RemoveConstraint(model_name="meetingoutcome", name="outcome_round_valid"),
        migrations.RemoveConstraint(
            model_name="meetingoutcome", name="one_outcome_per_side_and_round"
        ),
        migrations.AddField(
            model_name="meetingoutcome",
            name="round_months",
            field=models.PositiveSmallIntegerField(default=0),
        ),
        migrations.RunPython(rounds_to_months, months_to_rounds),
        migrations.RemoveField(model_name="meetingoutcome", name="round"),
        migrations.RenameField(
            model_name="meetingoutcome", old_name="round_months", new_name="round"
        ),
        migrations.AlterField(
            model_name="meetingoutcome",
            name="round",
            field=models.PositiveSmallIntegerField(
                default=0,
                validators=[django.core.validators.MaxValueValidator(36)],
                verbose_name="round (months after the fair)",
            ),
        ),
        migrations.AddConstraint(
            model_name="meetingoutcome",
            constraint=models.UniqueConstraint(
                fields=("meeting", "side", "round"), name="one_outcome_per_side_and_round"
            ),
        ),
        migrations.AddConstraint(
            model_name="meetingoutcome",
            constraint=models.CheckConstraint(
                condition=models.Q(("round__gte", 0), ("round__lte", 36)),
                name="outcome_round_valid",
            ),
        ),
    ]
