"""How a lower app asks a higher one, without importing it.

Dependencies run one way (core -> companies -> events -> matchmaking -> meetings; see
docs/architecture.md). When a lower app needs an answer only a higher app has (which pavilions
does this user organise, which slots do meetings use), it declares a ``Hook`` in its own
``hooks.py`` and calls it; the higher app registers a function to it in its
``AppConfig.ready()``. The lower app never names the higher one: it only knows the question.

    # events/hooks.py
    slots_in_use = Hook("events.slots_in_use", "(slot_ids) -> ids of the slots something uses")

    # meetings/apps.py, in ready()
    events_hooks.slots_in_use.register(selectors.slots_with_meetings)

    # events/services/slots.py
    used = set().union(*hooks.slots_in_use(slot_ids))
"""

from collections.abc import Callable
from typing import Any, NamedTuple


class Link(NamedTuple):
    """A link a higher app offers on a lower app's page: where it goes and what it says."""

    url: str
    label: str


class Hook:
    """A question with the functions that answer it, in the order they were registered.

    Calling the hook calls every function with the same arguments and returns their answers as
    a list. A ``single`` hook has one answerer at most and returns its answer itself (or
    ``default``'s answer when no app registered one).
    """

    def __init__(
        self, name: str, doc: str = "", *, single: bool = False, default: Callable | None = None
    ) -> None:
        self.name, self.__doc__, self.single, self.default = name, doc, single, default
        self._functions: list[Callable] = []

    def register(self, function: Callable) -> Callable:
        """Add an answer (once: registering the same function again changes nothing)."""
        if function in self._functions:
            return function
        if self.single and self._functions:
            raise RuntimeError(
                f"{self.name} takes one answer and has {self._functions[0].__qualname__}"
            )
        self._functions.append(function)
        return function

    @property
    def functions(self) -> tuple[Callable, ...]:
        return tuple(self._functions)

    def __call__(self, *args, **kwargs) -> Any:
        if not self.single:
            return [function(*args, **kwargs) for function in self._functions]
        if self._functions:
            return self._functions[0](*args, **kwargs)
        if self.default is None:
            raise LookupError(f"No app answers {self.name}.")
        return self.default(*args, **kwargs)

    def __repr__(self) -> str:
        return f"<Hook {self.name}: {len(self._functions)} answer(s)>"
