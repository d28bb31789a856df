"""The API's idempotency keys, taken over from ``matchmaking`` (its ``0004`` renamed the table)."""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


def take_over_content_types(apps, schema_editor):
    """Permissions (the organisers' group's among them) and admin history follow the models."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    ContentType.objects.filter(app_label="matchmaking", model__in=["apiidempotencykey"]).update(
        app_label="core"
    )


def give_back_content_types(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    ContentType.objects.filter(app_label="core", model__in=["apiidempotencykey"]).update(
        app_label="matchmaking"
    )


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ('contenttypes', '0002_remove_content_type_name'),
        ('matchmaking', '0004_move_tables_to_meetings_and_core'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
        migrations.CreateModel(
            name='ApiIdempotencyKey',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('key', models.CharField(max_length=200, verbose_name='idempotency key')),
                ('endpoint', models.CharField(max_length=200, verbose_name='endpoint')),
                ('request_fingerprint', models.CharField(max_length=64, verbose_name='request fingerprint')),
                ('response_status', models.PositiveSmallIntegerField(verbose_name='response status')),
                ('response_body', models.JSONField(default=dict, verbose_name='response body')),
                ('created_at', models.DateTimeField(auto_now_add=True, verbose_name='created')),
                ('user', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='user')),
            ],
            options={
                'verbose_name': 'API idempotency key',
                'verbose_name_plural': 'API idempotency keys',
                'constraints': [models.UniqueConstraint(fields=('user', 'key'), name='idempotency_key_once_per_user')],
            },
        ),
                ],
            database_operations=[],
        ),
        migrations.RunPython(take_over_content_types, give_back_content_types),
    ]
