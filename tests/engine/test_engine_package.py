"""The engine package loads its modules on first use: importing it costs no NumPy or SciPy."""

import subprocess
import sys
from pathlib import Path

import pytest

from matchmaking import engine

REPO = Path(__file__).resolve().parents[2]


def test_importing_the_engine_loads_no_numerical_library():
    probe = (
        "import sys; from matchmaking import engine; w = engine.ScoringWeights; "
        "print(sorted({m.split('.')[0] for m in sys.modules} & {'numpy', 'scipy'}))"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], cwd=REPO, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"


def test_every_public_name_and_submodule_resolves():
    for name in engine.__all__:
        assert getattr(engine, name) is not None
    assert engine.history.follow_up_meeting is not None


def test_an_unknown_name_is_an_attribute_error():
    with pytest.raises(AttributeError, match="no attribute 'nothing_here'"):
        engine.nothing_here  # noqa: B018
