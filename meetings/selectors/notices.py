"""What changed in a participant's published schedule since they were last emailed it.

A ``ScheduleNotice`` keeps, per meeting, the slot and interpreter the participant was last told
of (``notice_entry``); publishing again emails only those whose entries differ, saying what
changed (``meetings.services.notifications``), and the publication page lists them.
"""

from ..models import Meeting


def notice_entry(meeting: Meeting) -> dict:
    """What a notice keeps of one meeting."""
    return {"slot": meeting.slot_id, "interpreter": meeting.interpreter_id}


def schedule_changes(before: dict | None, meetings: list[Meeting]) -> dict[str, list]:
    """What changed between the schedule a participant was last emailed (a notice's
    ``meetings``, None if never) and their published ``meetings`` now: meeting ids "added",
    "moved" (another slot), "changed" (same slot, another interpreter) and "removed"."""
    now = {str(meeting.pk): notice_entry(meeting) for meeting in meetings}
    before = before or {}
    changes: dict[str, list] = {"added": [], "moved": [], "changed": [], "removed": []}
    for key, entry in now.items():
        if key not in before:
            changes["added"].append(int(key))
        elif before[key].get("slot") != entry["slot"]:
            changes["moved"].append(int(key))
        elif before[key].get("interpreter") != entry["interpreter"]:
            changes["changed"].append(int(key))
    changes["removed"] = [int(key) for key in before if key not in now]
    return changes


def changes_ids(changes: dict[str, list]) -> list[int]:
    """Every meeting id the changes name."""
    return [pk for ids in changes.values() for pk in ids]
