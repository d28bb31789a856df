"""The models moved to ``meetings`` and ``core`` leave this app's state; the database keeps
their tables, which the new apps own now (see ``0004``)."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("matchmaking", "0004_move_tables_to_meetings_and_core"),
        ("meetings", "0001_initial"),
        ("core", "0001_initial"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
        migrations.RemoveField(
            model_name='meeting',
            name='attendee',
        ),
        migrations.RemoveField(
            model_name='meeting',
            name='buyer',
        ),
        migrations.RemoveField(
            model_name='meeting',
            name='interpreter',
        ),
        migrations.RemoveField(
            model_name='meeting',
            name='pavilion',
        ),
        migrations.RemoveField(
            model_name='meeting',
            name='proposal',
        ),
        migrations.RemoveField(
            model_name='meeting',
            name='slot',
        ),
        migrations.RemoveField(
            model_name='meeting',
            name='sme',
        ),
        migrations.RemoveField(
            model_name='meetingoutcome',
            name='meeting',
        ),
        migrations.RemoveField(
            model_name='meetingevent',
            name='meeting',
        ),
        migrations.RemoveField(
            model_name='meetingevent',
            name='actor',
        ),
        migrations.RemoveField(
            model_name='meetingoutcome',
            name='recorded_by',
        ),
        migrations.RemoveField(
            model_name='participantunavailability',
            name='buyer',
        ),
        migrations.RemoveField(
            model_name='participantunavailability',
            name='pavilion',
        ),
        migrations.RemoveField(
            model_name='participantunavailability',
            name='slot',
        ),
        migrations.RemoveField(
            model_name='participantunavailability',
            name='sme',
        ),
        migrations.RemoveField(
            model_name='schedulenotice',
            name='buyer',
        ),
        migrations.RemoveField(
            model_name='schedulenotice',
            name='pavilion',
        ),
        migrations.RemoveField(
            model_name='schedulenotice',
            name='sme',
        ),
        migrations.RemoveField(
            model_name='schedulingrun',
            name='pavilion',
        ),
        migrations.RemoveField(
            model_name='schedulingrun',
            name='requested_by',
        ),
        migrations.DeleteModel(
            name='ApiIdempotencyKey',
        ),
        migrations.DeleteModel(
            name='Meeting',
        ),
        migrations.DeleteModel(
            name='MeetingEvent',
        ),
        migrations.DeleteModel(
            name='MeetingOutcome',
        ),
        migrations.DeleteModel(
            name='ParticipantUnavailability',
        ),
        migrations.DeleteModel(
            name='ScheduleNotice',
        ),
        migrations.DeleteModel(
            name='SchedulingRun',
        ),
                ],
            database_operations=[],
        ),
    ]
