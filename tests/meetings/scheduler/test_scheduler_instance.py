"""load_instance refuses malformed instances with a message naming the field and the id."""

from __future__ import annotations

import copy

import pytest

from meetings.scheduler import InstanceError, load_instance
from tests.meetings.scheduler.scheduler_builders import make_instance

GOOD = make_instance(
    2,
    {"sme-1": {"max_per_day": 2}, "buyer-7": {"available": ["s1"]}},
    [
        {
            "id": "m1",
            "parties": ["sme-1", "buyer-7"],
            "score": 87.5,
            "interpreter": ["ja", "de"],
            "allowed_slots": ["s1"],
        },
    ],
    interpreters=[{"id": "int-1", "languages": ["ja", "de"], "available": ["s0", "s1"]}],
)


def broken(change) -> dict:
    instance = copy.deepcopy(GOOD)
    change(instance)
    return instance


def test_load_instance_reads_contract_example():
    instance = load_instance(GOOD)
    assert instance.meetings[0].languages == frozenset({"ja", "de"})
    assert instance.candidate_slots == ((1,),)


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (
            lambda i: i["meetings"][0].update(at_table=True) or i.pop("tables_per_slot"),
            "meetings['m1'].at_table: the meeting needs a shared table but the instance has no "
            "'tables_per_slot'",
        ),
        (
            lambda i: i["parties"][0].update(priority="yes"),
            "parties['sme-1'].priority: expected true or false",
        ),
        (lambda i: i.update(tables_per_slot=None), "tables_per_slot: expected an integer"),
        (
            lambda i: i["parties"][1]["available"].append("s7"),
            "parties['buyer-7'].available: unknown slot id 's7'",
        ),
        (
            lambda i: i["meetings"][0].update(parties=["sme-1", "buyer-9"]),
            "meetings['m1'].parties: unknown party id 'buyer-9'",
        ),
        (
            lambda i: i["meetings"][0].update(parties=["sme-1"]),
            "meetings['m1'].parties: expected a list of two party ids",
        ),
        (lambda i: i["meetings"].append(dict(i["meetings"][0])), "meetings: duplicate id 'm1'"),
        (lambda i: i["slots"].append({"id": "s0", "day": 0}), "slots: duplicate id 's0'"),
        (
            lambda i: i["meetings"][0].update(fixed_slot="s0"),
            "meetings['m1'].fixed_slot: party 'buyer-7' is not available in slot 's0'",
        ),
        (
            lambda i: i["meetings"][0].update(interpreter=["ja"]),
            "meetings['m1'].interpreter: expected null or a pair of two different language codes",
        ),
        (
            lambda i: i["meetings"][0].update(interpreter="ja-de"),
            "meetings['m1'].interpreter: expected null or a pair",
        ),
        (
            lambda i: i["parties"][0].update(max_meetings=-1),
            "parties['sme-1'].max_meetings: must not be negative",
        ),
        (
            lambda i: i["parties"][0].update(max_per_day="2"),
            "parties['sme-1'].max_per_day: expected an integer",
        ),
        (lambda i: i["meetings"][0].update(score=True), "meetings['m1'].score: expected a finite"),
        (
            lambda i: i["meetings"][0].update(at_table="yes"),
            "meetings['m1'].at_table: expected true or false",
        ),
        (
            lambda i: i["meetings"][0].update(allowed_slots=["s1", "s1"]),
            "meetings['m1'].allowed_slots: slot id 's1' listed twice",
        ),
        (
            lambda i: i["interpreters"][0].update(languages=[]),
            "interpreters['int-1'].languages: expected a non-empty list",
        ),
        (
            lambda i: i["slots"].insert(0, {"id": "late", "day": 1}),
            "slots['s0'].day: slots must be in time order",
        ),
        (
            lambda i: i["parties"][0].pop("max_meetings"),
            "parties['sme-1']: missing key 'max_meetings'",
        ),
        (lambda i: i.update(tables_per_slot=-3), "tables_per_slot: must not be negative"),
    ],
)
def test_load_instance_names_what_is_wrong(change, expected):
    with pytest.raises(InstanceError) as error:
        load_instance(broken(change))
    assert str(error.value).startswith(expected)
    assert "\n" not in str(error.value)


@pytest.mark.parametrize("tables", [{}, {"tables_per_slot": 0}])
def test_load_instance_without_tables_valid_when_no_meeting_at_table(tables):
    instance = {key: value for key, value in GOOD.items() if key != "tables_per_slot"}
    loaded = load_instance({**instance, **tables})
    assert loaded.tables_per_slot == 0
    assert loaded.candidate_slots == ((1,),)


def test_load_instance_priority_marks_the_meetings_of_priority_parties():
    instance = broken(lambda i: i["parties"][1].update(priority=True))
    assert load_instance(instance).priority_meetings == {0}
    assert load_instance(GOOD).priority_meetings == frozenset()


def test_load_instance_refuses_fixed_meetings_that_clash():
    instance = make_instance(
        1,
        {"a": {}, "b": {}, "c": {}},
        [
            {"id": "ab", "parties": ["a", "b"], "fixed_slot": "s0"},
            {"id": "ac", "parties": ["a", "c"], "fixed_slot": "s0"},
        ],
    )
    with pytest.raises(
        InstanceError,
        match=r"meetings\['ac'\].fixed_slot: party 'a' already "
        r"has fixed meeting 'ab' in slot 's0'",
    ):
        load_instance(instance)


def test_load_instance_refuses_fixed_meetings_without_interpreter():
    interpreters = [{"id": "int-1", "languages": ["ja", "en"], "available": ["s0"]}]
    instance = make_instance(
        1,
        {"a": {}, "b": {}, "c": {}, "d": {}},
        [
            {"id": "ab", "parties": ["a", "b"], "fixed_slot": "s0", "interpreter": ["ja", "en"]},
            {"id": "cd", "parties": ["c", "d"], "fixed_slot": "s0", "interpreter": ["en", "ja"]},
        ],
        interpreters=interpreters,
    )
    with pytest.raises(InstanceError, match="no interpreter left for en-ja in slot 's0'"):
        load_instance(instance)
