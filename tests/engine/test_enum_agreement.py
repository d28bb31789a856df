"""The value sets that cross the engine boundary agree on both sides.

The engine (matchmaking/engine/) is plain Python and may not import Django, so it keeps its own
``enum.StrEnum``s; the Django side keeps ``TextChoices`` with translated labels. Each pair below
must have the same members with the same values, in the same order (the engine ranks order sizes
by their order). Every value set that both sides define is listed here:

- export experience, buyer types, order sizes (companies.choices / engine.profiles);
- wish kinds (matchmaking.models / engine.profiles): the engine knows four more, which the
  Django side derives from declined proposals and existing meetings, and the engine from earlier
  pavilions' outcomes; nobody stores them;
- trade stages (meetings.models / engine.profiles): the engine ranks them by their order;
- language names (companies/reference_data/languages.json / engine.reasons.LANGUAGE_NAMES): the
  reasons name a shared language in English or Japanese from the engine's own table.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from companies import choices
from matchmaking import engine
from matchmaking.engine.profiles import BLOCKING_WISHES, LIFTING_WISHES
from matchmaking.engine.reasons import LANGUAGE_NAMES
from matchmaking.models import WishKind
from meetings.models import TradeStage

REFERENCE_LANGUAGES = (
    Path(__file__).resolve().parents[2] / "companies" / "reference_data" / "languages.json"
)

# Wish kinds only the engine has: the Django side passes them for every declined proposal and
# every pair with a meeting (matchmaking.selectors.pair_wishes); nobody records them as wishes.
DERIVED_WISHES = {engine.WishKind.DECLINED, engine.WishKind.HAS_MEETING}
# Wish kinds the engine derives itself from the earlier meetings' outcomes (engine.history).
EARLIER_FAIR_WISHES = {engine.WishKind.EARLIER_PROGRESS, engine.WishKind.EARLIER_NO_INTEREST}


def members(enumeration) -> list[tuple[str, str]]:
    return [(member.name, str(member.value)) for member in enumeration]


@pytest.mark.parametrize(
    ("django_choices", "engine_enum"),
    [
        (choices.ExportExperience, engine.ExportExperience),
        (choices.BuyerType, engine.BuyerType),
        (choices.OrderSize, engine.OrderSize),
        (TradeStage, engine.TradeStage),
    ],
    ids=lambda enumeration: enumeration.__name__,
)
def test_django_choices_equal_the_engine_enum(django_choices, engine_enum):
    assert members(django_choices) == members(engine_enum)


def test_every_stored_wish_kind_is_the_engine_wish_kind_of_that_value():
    engine_kinds = [
        member
        for member in members(engine.WishKind)
        if member[1] not in DERIVED_WISHES | EARLIER_FAIR_WISHES
    ]
    assert members(WishKind) == engine_kinds


def test_the_engine_wish_kinds_beyond_the_stored_ones_are_the_derived_blocking_ones():
    extra = {engine.WishKind(value) for value in engine.WishKind} - {
        engine.WishKind(value) for value in WishKind.values
    }
    assert extra == DERIVED_WISHES | EARLIER_FAIR_WISHES
    assert DERIVED_WISHES <= BLOCKING_WISHES
    assert engine.WishKind.EARLIER_NO_INTEREST in BLOCKING_WISHES
    assert engine.WishKind.EARLIER_PROGRESS in LIFTING_WISHES


def test_every_reference_language_has_its_names_in_the_engine():
    rows = json.loads(REFERENCE_LANGUAGES.read_text(encoding="utf-8"))["languages"]
    reference = {row["code"]: {"en": row["name_en"], "ja": row["name_ja"]} for row in rows}
    assert reference == LANGUAGE_NAMES
