"""Meetings, their history, availability, notices, outcomes and scheduling runs move to the
``meetings`` app, and the API's idempotency keys to ``core``: first their tables take the new
apps' names here (rows, keys and constraints stay as they are), then ``meetings.0001`` and
``core.0001`` take the models over and ``0005`` lets this app forget them."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("matchmaking", "0003_progress_as_codes_events_as_codes"),
    ]

    operations = [
        migrations.AlterModelTable(name="meeting", table="meetings_meeting"),
        migrations.AlterModelTable(name="meetingevent", table="meetings_meetingevent"),
        migrations.AlterModelTable(name="participantunavailability", table="meetings_participantunavailability"),
        migrations.AlterModelTable(name="schedulenotice", table="meetings_schedulenotice"),
        migrations.AlterModelTable(name="meetingoutcome", table="meetings_meetingoutcome"),
        migrations.AlterModelTable(name="schedulingrun", table="meetings_schedulingrun"),
        migrations.AlterModelTable(name="apiidempotencykey", table="core_apiidempotencykey"),
    ]
