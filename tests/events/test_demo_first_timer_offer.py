"""The demo's first-timer conditions promise only what the platform schedules."""

import re

from events.demo.content.fairs import PAVILIONS

PROMISES_AN_INTERPRETER = re.compile(r"interpreter", re.IGNORECASE)
FIRST_MEETINGS = re.compile(r"first (\w+) meetings")
NUMBERS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5}


def test_demo_conditions_that_promise_an_interpreter_set_the_scheduled_offer():
    promising = [p for p in PAVILIONS if PROMISES_AN_INTERPRETER.search(p.conditions_en)]
    assert promising  # the demo shows the offer
    for plan in promising:
        count = FIRST_MEETINGS.search(plan.conditions_en).group(1)
        assert plan.interpreted_meetings == NUMBERS[count], plan.key
        assert f"最初の{plan.interpreted_meetings}件の商談" in plan.conditions_ja, plan.key


def test_demo_conditions_without_the_promise_offer_no_interpreted_meetings():
    for plan in PAVILIONS:
        if not PROMISES_AN_INTERPRETER.search(plan.conditions_en):
            assert plan.interpreted_meetings == 0, plan.key
