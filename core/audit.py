"""The audit log: who changed what, when, from which interface. One mechanism, called by services.

A service calls ``record(action=..., obj=..., pavilion_id=..., changes=..., by=...)`` inside its
own transaction, after its checks have passed: a write that fails or rolls back leaves no entry.
``record_changes`` records only what changed between two sets of codes (nothing when none did).
Where the write started is not an argument of every service: it is the *origin* of the code
running now, held in a context variable and set once at the door:

- ``AuditMiddleware`` for a request: under ``/api/`` the API, under ``/admin/`` (after the
  language prefix) the admin, anything else a web page. The request's user is read when the entry
  is written, so an API token (which DRF authenticates inside the view) is seen too;
- Celery's ``task_prerun``/``task_postrun`` signals for a task (no user: a task names its actor
  with ``by``, e.g. the run's ``requested_by``);
- nothing set: the command line (a management command, the shell, the demo seed).

The actor is ``by`` when the service knows it, else the origin's user. ``changes`` maps each
field to ``[before, after]`` in codes, ids and figures (``values`` and ``changed`` build them),
never words in someone's language; a text a person typed is kept as its length only.

Action names are dotted codes, subject first (``pavilion.schedule.published``, ``meeting.moved``).
Each app declares its own, with a label in the reader's language, in an ``audit_actions`` module
(``ACTIONS = {code: label}``); ``record`` refuses an undeclared code, so a typo fails at once.
"""

import contextvars
import functools
import re
from collections.abc import Iterable, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal
from enum import Enum
from importlib import import_module

from celery.signals import task_postrun, task_prerun
from django.apps import apps
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils import translation
from django.utils.functional import Promise
from django.utils.module_loading import module_has_submodule

from .models import AuditEntry, AuditInterface

ACTION_CODE = re.compile(r"^[a-z][a-z_]*(\.[a-z][a-z_]*)+$")


@dataclass(frozen=True)
class Origin:
    """Where the code running now was started from, and by whom when that is known."""

    interface: str
    user: object = None
    #: The request being answered; its ``user`` is read late (DRF sets it inside the view).
    request: object = None

    @property
    def actor(self):
        user = self.user
        if user is None and self.request is not None:
            user = getattr(self.request, "user", None)
        return user if getattr(user, "is_authenticated", False) else None


COMMAND_LINE = Origin(AuditInterface.COMMAND)
_origin: contextvars.ContextVar[Origin] = contextvars.ContextVar(
    "audit_origin", default=COMMAND_LINE
)


def current_origin() -> Origin:
    return _origin.get()


@contextmanager
def origin(interface: str, *, user=None, request=None):
    """Run the block as started from ``interface`` (by ``user``, or the request's user)."""
    token = _origin.set(Origin(AuditInterface(interface).value, user, request))
    try:
        yield
    finally:
        _origin.reset(token)


def interface_of_path(path: str) -> str:
    """The interface a request path belongs to: /api/..., /<language>/admin/..., or a page."""
    parts = path.lstrip("/").split("/")
    if parts[0] == "api":
        return AuditInterface.API.value
    if parts[0] in {code for code, _name in settings.LANGUAGES}:
        parts = parts[1:]
    if parts and parts[0] == "admin":
        return AuditInterface.ADMIN.value
    return AuditInterface.PAGE.value


class AuditMiddleware:
    """Sets the origin of every request: its interface by path, its user (read late)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        with origin(interface_of_path(request.path_info), request=request):
            return self.get_response(request)


# A task's origin, set when it starts and reset when it ends (in-process tasks run inside the
# request that queued them: the request's origin comes back afterwards).
_task_tokens: dict[str, contextvars.Token] = {}


@task_prerun.connect(weak=False)
def _task_started(task_id=None, **kwargs):
    _task_tokens[task_id] = _origin.set(Origin(AuditInterface.TASK.value))


@task_postrun.connect(weak=False)
def _task_ended(task_id=None, **kwargs):
    token = _task_tokens.pop(task_id, None)
    if token is None:
        return
    try:
        _origin.reset(token)
    except ValueError:  # ended in another context than it started in: start afresh
        _origin.set(COMMAND_LINE)


# -- action names ----------------------------------------------------------------------------


@functools.cache
def declared_actions() -> Mapping[str, object]:
    """Every app's ``audit_actions.ACTIONS``: code -> label in the reader's language.

    Found the way the admin finds ``admin`` modules, so this app names no app above it."""
    found: dict[str, object] = {}
    for config in apps.get_app_configs():
        if module_has_submodule(config.module, "audit_actions"):
            found.update(import_module(f"{config.name}.audit_actions").ACTIONS)
    return found


def action_label(code: str) -> str:
    """The action in the reader's language; the code itself for one no app declares (any more)."""
    label = declared_actions().get(code)
    return str(label) if label is not None else code


# -- changes ---------------------------------------------------------------------------------


def plain(value):
    """A value as the log keeps it: JSON codes, ids and figures (UTC instants as ISO text)."""
    if value is None or isinstance(value, bool | int | float):
        return value
    if isinstance(value, Enum):
        return plain(value.value)
    if isinstance(value, str | Promise):
        return str(value)
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, datetime) and value.utcoffset() is not None:
        # One instant, one text: a time typed in the fair's zone equals the stored UTC one.
        return value.astimezone(UTC).isoformat()
    if isinstance(value, datetime | date | time):
        return value.isoformat()
    if isinstance(value, timedelta):
        return value.total_seconds()
    if isinstance(value, models.Model):
        return value.pk
    if isinstance(value, Mapping):
        return {str(key): plain(item) for key, item in value.items()}
    if isinstance(value, Iterable):
        items = [plain(item) for item in value]
        return sorted(items, key=repr) if isinstance(value, set | frozenset) else items
    return str(value)


def values(obj, fields: Iterable[str] = (), *, texts: Iterable[str] = (), many: Iterable[str] = ()):
    """The codes of ``obj``'s ``fields`` (a foreign key as its id), the lengths of its ``texts``
    (under ``<field>_length``) and the sorted ids of its many-to-many sets ``many``; a field of an
    object not saved yet is None. Compare two of these with ``changed``."""
    found = {}
    for name in fields:
        field = obj._meta.get_field(name)
        found[name] = plain(getattr(obj, field.attname)) if obj is not None else None
    for name in texts:
        found[f"{name}_length"] = len(getattr(obj, name) or "") if obj is not None else None
    for name in many:
        saved = obj is not None and obj.pk is not None
        found[name] = sorted(getattr(obj, name).values_list("pk", flat=True)) if saved else []
    return found


#: Fields no entry keeps of a row: its id (the entry names it) and its own timestamps.
ROW_SKIPPED = ("id", "created_at", "updated_at")


def row_values(obj, *, many: Iterable[str] = (), skipped: Iterable[str] = ()):
    """``values`` of every concrete field of ``obj`` but ``ROW_SKIPPED`` and ``skipped``: a
    long text (a ``TextField``) by its length, the many-to-many sets ``many`` as sorted ids."""
    skipped = {*ROW_SKIPPED, *skipped}
    concrete = [f for f in obj._meta.concrete_fields if f.name not in skipped]
    texts = [f.name for f in concrete if isinstance(f, models.TextField)]
    fields = [f.name for f in concrete if f.name not in texts]
    return values(obj, fields, texts=texts, many=many)


def changed(before: Mapping, after: Mapping) -> dict:
    """Field -> [before, after] for every field whose code differs (a field only one side has
    counts as None on the other)."""
    before, after = plain(before), plain(after)
    return {
        name: [before.get(name), after.get(name)]
        for name in sorted({*before, *after})
        if before.get(name) != after.get(name)
    }


def created(after: Mapping) -> dict:
    """The changes of a new object: every field given, from None."""
    return changed({}, {name: value for name, value in after.items() if value is not None})


def removed(before: Mapping) -> dict:
    """The changes of a deleted object: every field it had, to None."""
    return changed({name: value for name, value in before.items() if value is not None}, {})


# -- recording -------------------------------------------------------------------------------


def _named(obj) -> str:
    # One language for every entry, so the label reads the same whoever wrote it.
    with translation.override(settings.LANGUAGE_CODE):
        return str(obj)[:200]


def record(
    *,
    action: str,
    obj: models.Model | None = None,
    pavilion_id: int | None = None,
    changes: Mapping | None = None,
    by=None,
) -> AuditEntry:
    """Write one audit entry for a change made now; call it inside the service's transaction.

    ``obj`` must still exist (record a deletion before deleting). ``by`` is the user who made
    the change when the service knows it; otherwise the origin's user (see the module's doc).
    """
    if not ACTION_CODE.match(action) or action not in declared_actions():
        raise ValueError(f"{action!r} is not an audit action any app declares (audit_actions.py).")
    here = current_origin()
    actor = by if getattr(by, "is_authenticated", False) else here.actor
    return AuditEntry.objects.create(
        interface=here.interface,
        actor=actor,
        actor_username=actor.get_username() if actor is not None else "",
        action=action,
        content_type=ContentType.objects.get_for_model(obj) if obj is not None else None,
        object_id=obj.pk if obj is not None else None,
        object_repr=_named(obj) if obj is not None else "",
        pavilion_id=pavilion_id,
        changes=plain(dict(changes or {})),
    )


def record_changes(
    *,
    action: str,
    obj: models.Model,
    before: Mapping,
    after: Mapping,
    pavilion_id: int | None = None,
    by=None,
) -> dict:
    """Record ``action`` on ``obj`` with the fields whose codes differ between ``before`` and
    ``after`` (``changed``); nothing when none does. Returns the changes."""
    changes = changed(before, after)
    if changes:
        record(action=action, obj=obj, pavilion_id=pavilion_id, changes=changes, by=by)
    return changes
