"""Meetings and everything about them, taken over from ``matchmaking`` (its ``0004`` renamed
the tables): the state is created here, the database already holds the tables and rows."""

import django.core.validators
import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


def take_over_content_types(apps, schema_editor):
    """Permissions (the organisers' group's among them) and admin history follow the models."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    ContentType.objects.filter(app_label="matchmaking", model__in=["meeting", "meetingevent", "participantunavailability", "schedulenotice", "meetingoutcome", "schedulingrun"]).update(
        app_label="meetings"
    )


def give_back_content_types(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    ContentType.objects.filter(app_label="meetings", model__in=["meeting", "meetingevent", "participantunavailability", "schedulenotice", "meetingoutcome", "schedulingrun"]).update(
        app_label="matchmaking"
    )


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ('contenttypes', '0002_remove_content_type_name'),
        ('companies', '0003_ownership_industry_exceptions_language'),
        ('events', '0002_registration_needs_ownership_first_timer_interpreting'),
        ('matchmaking', '0004_move_tables_to_meetings_and_core'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
        migrations.CreateModel(
            name='Meeting',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('requested_by_side', models.CharField(choices=[('exhibitor', 'Exhibitor'), ('buyer', 'Buyer'), ('organiser', 'Organiser')], max_length=10, verbose_name='requested by')),
                ('message', models.TextField(blank=True, verbose_name='message')),
                ('status', models.CharField(choices=[('requested', 'Requested'), ('accepted', 'Accepted'), ('declined', 'Declined'), ('expired', 'Expired'), ('scheduled', 'Scheduled'), ('held', 'Held'), ('no_show', 'No-show'), ('cancelled', 'Cancelled')], default='requested', max_length=10, verbose_name='status')),
                ('exhibitor_accepted_at', models.DateTimeField(blank=True, null=True, verbose_name='accepted by the exhibitor')),
                ('buyer_accepted_at', models.DateTimeField(blank=True, null=True, verbose_name='accepted by the buyer')),
                ('score', models.FloatField(default=0.0, verbose_name='score')),
                ('interpreter_languages', models.CharField(blank=True, max_length=20, verbose_name='interpreter languages')),
                ('at_table', models.BooleanField(default=False, help_text="Held at one of the pavilion's shared tables rather than at the booth.", verbose_name='at a shared table')),
                ('locked', models.BooleanField(default=False, help_text='A locked meeting never moves when rescheduling.', verbose_name='locked')),
                ('published_at', models.DateTimeField(blank=True, null=True, verbose_name='published')),
                ('cancel_reason', models.TextField(blank=True, help_text='Told to the other side when a published meeting is cancelled.', verbose_name='reason for cancelling')),
                ('expires_at', models.DateTimeField(blank=True, null=True, verbose_name='request expires')),
                ('reminded_at', models.DateTimeField(blank=True, null=True, verbose_name='reminder sent')),
                ('created_at', models.DateTimeField(auto_now_add=True, verbose_name='created')),
                ('updated_at', models.DateTimeField(auto_now=True, verbose_name='updated')),
                ('attendee', models.ForeignKey(blank=True, help_text="The member of the exhibitor's team who holds the meeting.", null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='attending for the exhibitor')),
                ('buyer', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='meetings', to='companies.foreignbuyer', verbose_name='foreign buyer')),
                ('interpreter', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='meetings', to='events.interpreter', verbose_name='interpreter')),
                ('pavilion', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='meetings', to='events.pavilion', verbose_name='Japan Pavilion')),
                ('proposal', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='meetings', to='matchmaking.proposal', verbose_name='proposal')),
                ('slot', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='meetings', to='events.meetingslot', verbose_name='slot')),
                ('sme', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='meetings', to='companies.sme', verbose_name='SME')),
            ],
            options={
                'verbose_name': 'meeting',
                'verbose_name_plural': 'meetings',
                'ordering': ['pavilion', 'slot__starts_at', 'sme'],
            },
        ),
        migrations.CreateModel(
            name='MeetingEvent',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('at', models.DateTimeField(auto_now_add=True, verbose_name='when')),
                ('side', models.CharField(blank=True, choices=[('exhibitor', 'Exhibitor'), ('buyer', 'Buyer'), ('organiser', 'Organiser')], max_length=10, verbose_name='side')),
                ('acting_for', models.CharField(blank=True, choices=[('exhibitor', 'for the exhibitor'), ('buyer', 'for the buyer'), ('both', 'for both sides')], help_text='Set when an organiser acted for participants.', max_length=10, verbose_name='on behalf of')),
                ('action', models.CharField(max_length=40, verbose_name='action')),
                ('from_status', models.CharField(blank=True, max_length=10, verbose_name='from')),
                ('to_status', models.CharField(max_length=10, verbose_name='to')),
                ('details', models.JSONField(blank=True, default=dict, verbose_name='details')),
                ('note', models.CharField(blank=True, max_length=300, verbose_name='note')),
                ('actor', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='who')),
                ('meeting', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='events', to='meetings.meeting', verbose_name='meeting')),
            ],
            options={
                'verbose_name': 'meeting change',
                'verbose_name_plural': 'meeting changes',
                'ordering': ['meeting', 'at', 'pk'],
            },
        ),
        migrations.CreateModel(
            name='MeetingOutcome',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('side', models.CharField(choices=[('exhibitor', 'Exhibitor'), ('buyer', 'Buyer'), ('organiser', 'Organiser')], max_length=10, verbose_name='side')),
                ('round', models.CharField(choices=[('at_fair', 'Right after the fair'), ('follow_up', 'Months later')], default='at_fair', max_length=10, verbose_name='round')),
                ('stage', models.CharField(choices=[('no_interest', 'No further interest'), ('follow_up', 'Follow-up agreed'), ('sample', 'Samples sent'), ('quotation', 'Quotation sent'), ('negotiation', 'Negotiation started'), ('trial_order', 'Trial order'), ('agreement', 'Agreement reached'), ('repeat_order', 'Repeat order')], max_length=20, verbose_name='stage')),
                ('expected_value_usd', models.PositiveBigIntegerField(blank=True, null=True, verbose_name='expected business (USD)')),
                ('note', models.TextField(blank=True, verbose_name='note')),
                ('recorded_at', models.DateTimeField(auto_now=True, verbose_name='recorded')),
                ('meeting', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='outcomes', to='meetings.meeting', verbose_name='meeting')),
                ('recorded_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='recorded by')),
            ],
            options={
                'verbose_name': 'meeting outcome',
                'verbose_name_plural': 'meeting outcomes',
                'ordering': ['meeting', 'round', 'side'],
            },
        ),
        migrations.CreateModel(
            name='ParticipantUnavailability',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('note', models.CharField(blank=True, max_length=200, verbose_name='note')),
                ('buyer', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.CASCADE, related_name='+', to='companies.foreignbuyer', verbose_name='foreign buyer')),
                ('pavilion', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to='events.pavilion', verbose_name='Japan Pavilion')),
                ('slot', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to='events.meetingslot', verbose_name='slot')),
                ('sme', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.CASCADE, related_name='+', to='companies.sme', verbose_name='SME')),
            ],
            options={
                'verbose_name': 'unavailability',
                'verbose_name_plural': 'unavailabilities',
            },
        ),
        migrations.CreateModel(
            name='ScheduleNotice',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('meetings', models.JSONField(blank=True, default=dict, verbose_name='meetings as last emailed')),
                ('sent_at', models.DateTimeField(verbose_name='emailed')),
                ('buyer', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.CASCADE, related_name='+', to='companies.foreignbuyer', verbose_name='foreign buyer')),
                ('pavilion', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to='events.pavilion', verbose_name='Japan Pavilion')),
                ('sme', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.CASCADE, related_name='+', to='companies.sme', verbose_name='SME')),
            ],
            options={
                'verbose_name': 'schedule notice',
                'verbose_name_plural': 'schedule notices',
            },
        ),
        migrations.CreateModel(
            name='SchedulingRun',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('status', models.CharField(choices=[('queued', 'Queued'), ('running', 'Running'), ('done', 'Done'), ('failed', 'Failed')], default='queued', max_length=10, verbose_name='status')),
                ('progress', models.FloatField(default=0.0, validators=[django.core.validators.MinValueValidator(0), django.core.validators.MaxValueValidator(1)], verbose_name='progress')),
                ('progress_state', models.JSONField(blank=True, default=dict, verbose_name='progress state')),
                ('parameters', models.JSONField(blank=True, default=dict, verbose_name='parameters')),
                ('counts', models.JSONField(blank=True, default=dict, verbose_name='counts')),
                ('timings', models.JSONField(blank=True, default=dict, verbose_name='timings (seconds)')),
                ('error', models.TextField(blank=True, verbose_name='error')),
                ('created_at', models.DateTimeField(auto_now_add=True, verbose_name='queued')),
                ('started_at', models.DateTimeField(blank=True, null=True, verbose_name='started')),
                ('finished_at', models.DateTimeField(blank=True, null=True, verbose_name='finished')),
                ('pavilion', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='scheduling_runs', to='events.pavilion', verbose_name='Japan Pavilion')),
                ('requested_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='requested by')),
            ],
            options={
                'verbose_name': 'scheduling run',
                'verbose_name_plural': 'scheduling runs',
                'ordering': ['-created_at'],
                'get_latest_by': 'created_at',
                'abstract': False,
            },
        ),
        migrations.AddConstraint(
            model_name='meeting',
            constraint=models.UniqueConstraint(condition=models.Q(('status__in', ('requested', 'accepted', 'scheduled'))), fields=('pavilion', 'sme', 'buyer'), name='one_open_meeting_per_pair'),
        ),
        migrations.AddConstraint(
            model_name='meeting',
            constraint=models.UniqueConstraint(condition=models.Q(('status__in', ('scheduled', 'held', 'no_show'))), fields=('sme', 'slot'), name='exhibitor_one_meeting_per_slot'),
        ),
        migrations.AddConstraint(
            model_name='meeting',
            constraint=models.UniqueConstraint(condition=models.Q(('status__in', ('scheduled', 'held', 'no_show'))), fields=('buyer', 'slot'), name='buyer_one_meeting_per_slot'),
        ),
        migrations.AddConstraint(
            model_name='meeting',
            constraint=models.UniqueConstraint(condition=models.Q(('status__in', ('scheduled', 'held', 'no_show'))), fields=('interpreter', 'slot'), name='interpreter_one_meeting_per_slot'),
        ),
        migrations.AddConstraint(
            model_name='meeting',
            constraint=models.CheckConstraint(condition=models.Q(('status__in', ['requested', 'accepted', 'declined', 'expired', 'scheduled', 'held', 'no_show', 'cancelled'])), name='meeting_status_valid'),
        ),
        migrations.AddConstraint(
            model_name='meeting',
            constraint=models.CheckConstraint(condition=models.Q(models.Q(('slot__isnull', False), ('status__in', ('scheduled', 'held', 'no_show'))), models.Q(models.Q(('status__in', ('scheduled', 'held', 'no_show')), _negated=True), ('slot__isnull', True)), _connector='OR'), name='meeting_slot_iff_booked'),
        ),
        migrations.AddConstraint(
            model_name='meeting',
            constraint=models.CheckConstraint(condition=models.Q(('interpreter__isnull', True), ('slot__isnull', False), _connector='OR'), name='meeting_interpreter_needs_slot'),
        ),
        migrations.AddConstraint(
            model_name='meeting',
            constraint=models.CheckConstraint(condition=models.Q(('requested_by_side__in', ['exhibitor', 'buyer', 'organiser'])), name='meeting_side_valid'),
        ),
        migrations.AddConstraint(
            model_name='meetingevent',
            constraint=models.CheckConstraint(condition=models.Q(('acting_for', ''), ('acting_for__in', ['exhibitor', 'buyer', 'both']), _connector='OR'), name='meeting_event_acting_for_valid'),
        ),
        migrations.AddConstraint(
            model_name='meetingoutcome',
            constraint=models.UniqueConstraint(fields=('meeting', 'side', 'round'), name='one_outcome_per_side_and_round'),
        ),
        migrations.AddConstraint(
            model_name='meetingoutcome',
            constraint=models.CheckConstraint(condition=models.Q(('side__in', ['exhibitor', 'buyer', 'organiser'])), name='outcome_side_valid'),
        ),
        migrations.AddConstraint(
            model_name='meetingoutcome',
            constraint=models.CheckConstraint(condition=models.Q(('stage__in', ['no_interest', 'follow_up', 'sample', 'quotation', 'negotiation', 'trial_order', 'agreement', 'repeat_order'])), name='outcome_stage_valid'),
        ),
        migrations.AddConstraint(
            model_name='meetingoutcome',
            constraint=models.CheckConstraint(condition=models.Q(('round__in', ['at_fair', 'follow_up'])), name='outcome_round_valid'),
        ),
        migrations.AddConstraint(
            model_name='participantunavailability',
            constraint=models.CheckConstraint(condition=models.Q(models.Q(('buyer__isnull', True), ('sme__isnull', False)), models.Q(('buyer__isnull', False), ('sme__isnull', True)), _connector='OR'), name='unavailability_exactly_one_participant'),
        ),
        migrations.AddConstraint(
            model_name='participantunavailability',
            constraint=models.UniqueConstraint(fields=('sme', 'slot'), name='sme_unavailable_once'),
        ),
        migrations.AddConstraint(
            model_name='participantunavailability',
            constraint=models.UniqueConstraint(fields=('buyer', 'slot'), name='buyer_unavailable_once'),
        ),
        migrations.AddConstraint(
            model_name='schedulenotice',
            constraint=models.CheckConstraint(condition=models.Q(models.Q(('buyer__isnull', True), ('sme__isnull', False)), models.Q(('buyer__isnull', False), ('sme__isnull', True)), _connector='OR'), name='schedule_notice_exactly_one_participant'),
        ),
        migrations.AddConstraint(
            model_name='schedulenotice',
            constraint=models.UniqueConstraint(fields=('pavilion', 'sme'), name='schedule_notice_once_per_sme'),
        ),
        migrations.AddConstraint(
            model_name='schedulenotice',
            constraint=models.UniqueConstraint(fields=('pavilion', 'buyer'), name='schedule_notice_once_per_buyer'),
        ),
        migrations.AddConstraint(
            model_name='schedulingrun',
            constraint=models.UniqueConstraint(condition=models.Q(('status__in', ['queued', 'running'])), fields=('pavilion',), name='one_active_scheduling_run_per_pavilion'),
        ),
        migrations.AddConstraint(
            model_name='schedulingrun',
            constraint=models.CheckConstraint(condition=models.Q(('status__in', ['queued', 'running', 'done', 'failed'])), name='scheduling_run_status_valid'),
        ),
        migrations.AddConstraint(
            model_name='schedulingrun',
            constraint=models.CheckConstraint(condition=models.Q(('progress__gte', 0), ('progress__lte', 1)), name='scheduling_run_progress_range'),
        ),
                ],
            database_operations=[],
        ),
        migrations.RunPython(take_over_content_types, give_back_content_types),
    ]
