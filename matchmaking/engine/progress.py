"""How far a matchmaking run is, as data: ``progress(fraction, state)``.

``fraction`` is the share of the whole run done (0 to 1); ``state`` is a phase code with its
figures, never text, so that whoever shows it words it in their reader's language (on the Django
side ``MatchingRun.state_text``):

- ``{"phase": "scoring", "done": 3, "total": 8}``: buyer ranges scored of all ranges;
- ``{"phase": "selected", "proposals": 24}``: proposals chosen under capacity;
- ``{"phase": "explained", "proposals": 24}``: their reasons written (the end).

Every way of running reports the same states at the same fractions: ``propose`` in-process, and
the Django side's runs whether they score here or spread over Celery workers.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

State = dict[str, Any]
Progress = Callable[[float, State], None]

#: The share of a run spent scoring; selecting and explaining take the rest.
SCORING_SHARE = 0.8
SELECTED_AT = 0.9


def scoring_progress(done: int, total: int) -> tuple[float, State]:
    """``done`` of ``total`` buyer ranges scored."""
    return SCORING_SHARE * done / max(total, 1), {"phase": "scoring", "done": done, "total": total}


def selected_progress(proposals: int) -> tuple[float, State]:
    return SELECTED_AT, {"phase": "selected", "proposals": proposals}


def explained_progress(proposals: int) -> tuple[float, State]:
    return 1.0, {"phase": "explained", "proposals": proposals}


def parts_scored(progress: float, total: int) -> int:
    """How many of ``total`` ranges a run's fraction says are scored: what the workers of a
    spread run add up to, each adding its range's share (``scoring_progress(1, total)``)."""
    return min(total, round(progress * total / SCORING_SHARE))
