"""core.hooks: a lower app's question, answered by the functions higher apps register."""

import pytest

from companies import hooks as companies_hooks
from core import admin_scoping
from core.hooks import Hook
from events import hooks as events_hooks
from matchmaking import hooks as matchmaking_hooks


def test_a_hook_returns_every_answer_in_the_order_registered():
    hook = Hook("test.pairs")
    hook.register(lambda pavilion: [(1, 2)])
    hook.register(lambda pavilion: [(3, 4)])
    assert hook("pavilion") == [[(1, 2)], [(3, 4)]]


def test_a_hook_without_answers_returns_no_answers():
    assert Hook("test.nobody")(1, x=2) == []


def test_registering_the_same_function_twice_answers_once():
    hook = Hook("test.once")

    def answer():
        return 1

    assert hook.register(answer) is answer
    hook.register(answer)
    assert hook.functions == (answer,)
    assert hook() == [1]


def test_a_single_hook_returns_its_one_answer_and_refuses_a_second():
    hook = Hook("test.single", single=True)
    hook.register(lambda user: {user})
    assert hook(7) == {7}
    with pytest.raises(RuntimeError, match=r"test\.single takes one answer"):
        hook.register(lambda user: set())


def test_a_single_hook_without_an_answer_uses_its_default_or_says_who_is_missing():
    assert Hook("test.default", single=True, default=lambda user: frozenset())(7) == frozenset()
    with pytest.raises(LookupError, match=r"No app answers test\.missing"):
        Hook("test.missing", single=True)()


def test_every_hook_an_app_declares_is_answered_by_an_app_above():
    """A hook nobody registers to would quietly answer nothing (no meeting would keep its pair
    out of the proposals): each one declared has its answer once the apps are ready."""
    declared = [
        value
        for module in (admin_scoping, companies_hooks, events_hooks, matchmaking_hooks)
        for value in vars(module).values()
        if isinstance(value, Hook)
    ]
    assert len(declared) >= 16
    assert [hook.name for hook in declared if not hook.functions] == []
