"""The audit log, append-only: on PostgreSQL a trigger refuses to change or delete an entry.

The one change allowed is the one Django's ``on_delete=SET_NULL`` makes: when an account or a
model is deleted, its entries lose their link (``actor_id``, ``content_type_id``) and keep the
rest, the username and the object's name among it. TRUNCATE (the test suite's flush) fires no
row trigger. Other databases rely on the model's refusal (``AuditEntry.save``/``delete``).
"""

import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models


APPEND_ONLY = """
CREATE FUNCTION core_auditentry_append_only() RETURNS trigger AS $$
BEGIN
    IF TG_OP = 'UPDATE'
        AND (to_jsonb(NEW) - 'actor_id' - 'content_type_id')
            = (to_jsonb(OLD) - 'actor_id' - 'content_type_id')
        AND (NEW.actor_id IS NULL OR NEW.actor_id = OLD.actor_id)
        AND (NEW.content_type_id IS NULL OR NEW.content_type_id = OLD.content_type_id)
    THEN
        RETURN NEW;
    END IF;
    RAISE EXCEPTION 'audit entries cannot be changed or deleted (% refused)', TG_OP
        USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER core_auditentry_append_only
    BEFORE UPDATE OR DELETE ON core_auditentry
    FOR EACH ROW EXECUTE FUNCTION core_auditentry_append_only();
"""

DROP_APPEND_ONLY = """
DROP TRIGGER IF EXISTS core_auditentry_append_only ON core_auditentry;
DROP FUNCTION IF EXISTS core_auditentry_append_only();
"""


def refuse_changes(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(APPEND_ONLY, params=None)


def allow_changes(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(DROP_APPEND_ONLY, params=None)


class Migration(migrations.Migration):

    dependencies = [
        ('contenttypes', '0002_remove_content_type_name'),
        ('core', '0001_initial'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name='AuditEntry',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('at', models.DateTimeField(db_index=True, default=django.utils.timezone.now, verbose_name='when')),
                ('actor_username', models.CharField(blank=True, max_length=150, verbose_name='username')),
                ('interface', models.CharField(choices=[('admin', 'Admin'), ('api', 'API'), ('page', 'Web page'), ('command', 'Command line'), ('task', 'Background task')], max_length=10, verbose_name='interface')),
                ('action', models.CharField(db_index=True, max_length=80, verbose_name='action')),
                ('object_id', models.PositiveBigIntegerField(blank=True, null=True, verbose_name='object id')),
                ('object_repr', models.CharField(blank=True, max_length=200, verbose_name='object')),
                ('pavilion_id', models.PositiveBigIntegerField(blank=True, null=True, verbose_name='pavilion id')),
                ('changes', models.JSONField(blank=True, default=dict, verbose_name='changes')),
                ('actor', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='who')),
                ('content_type', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='contenttypes.contenttype', verbose_name='object type')),
            ],
            options={
                'verbose_name': 'audit entry',
                'verbose_name_plural': 'audit log',
                'ordering': ['-at', '-pk'],
                'indexes': [models.Index(fields=['pavilion_id', '-at'], name='audit_pavilion_at'), models.Index(fields=['content_type', 'object_id'], name='audit_object')],
                'constraints': [models.CheckConstraint(condition=models.Q(('interface__in', ['admin', 'api', 'page', 'command', 'task'])), name='audit_interface_valid')],
            },
        ),
        migrations.RunPython(refuse_changes, allow_changes),
    ]
