"""How far a solve is, as data: `progress(fraction, state)`.

`fraction` is the share of the time limit's search done (0 to 1). `state` is a phase code with
its figures, never text, so that whoever shows it words it in their reader's language (the
Django side's `SchedulingRun.state_text`):

- `{"phase": "score", "score": 41.0, "bound": 44.0}`: phase 1, choosing the meetings with the
  highest total score. `score` is the best total so far, `bound` the proven upper bound on it
  (once one is known: the LP relaxation's on a whole fair, else when phase 1 ends). Reported
  about once a second while a solver runs.
- `{"phase": "gaps", "gaps": 4, "proven": False, "stage": "neighbourhoods", "bound": 3}`:
  phase 2, moving those meetings to cut idle gaps. `gaps` is the best schedule's so far;
  `proven` says no schedule of these meetings has fewer; `bound` (event-sized instances) is the
  lower bound the exact search has proven; `stage` (absent until the start is improved) which
  search found it: one of `STAGES`. Reported at every improvement and after every
  neighbourhood (about once a second), so the fraction advances throughout.
- `{"phase": "solved", "score": 41.0, "gaps": 3}`: the result is ready (fraction 1).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

State = dict[str, Any]
Progress = Callable[[float, State], None]

#: The searches of phase 2 that report a better schedule (gap_model.py).
STAGES = ("parties_with_gaps", "gaps", "neighbourhoods", "exact_search")


def ignore_progress(_fraction: float, _state: State) -> None:
    """For a caller that does not follow the search."""
