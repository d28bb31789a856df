"""Assigning interpreters to the meetings of one slot.

Within one slot interpreters are a bipartite matching problem (meetings needing a language pair
against interpreters speaking it), so the optimisers only count demand per language pair and
this module picks the actual people afterwards with augmenting paths.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .instance import Instance


def match_interpreters(
    instance: Instance, slot: int, needs: Sequence[frozenset[str]]
) -> list[int] | None:
    """Return an interpreter index for each language pair in `needs`, or None if impossible.

    Kuhn's augmenting-path algorithm: slots hold a handful of interpreter meetings at most, so
    its quadratic worst case never matters here.
    """
    speakers = [
        [
            index
            for index, interpreter in enumerate(instance.interpreters)
            if slot in interpreter.available and languages <= interpreter.languages
        ]
        for languages in needs
    ]
    holder: dict[int, int] = {}  # interpreter index -> position in needs

    def augment(need: int, visited: set[int]) -> bool:
        for interpreter in speakers[need]:
            if interpreter in visited:
                continue
            visited.add(interpreter)
            if interpreter not in holder or augment(holder[interpreter], visited):
                holder[interpreter] = need
                return True
        return False

    for need in range(len(needs)):
        if not augment(need, set()):
            return None
    assignment = [0] * len(needs)
    for interpreter, need in holder.items():
        assignment[need] = interpreter
    return assignment
