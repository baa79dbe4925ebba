from __future__ import annotations

import math
import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

# `DEALSCOPE_HYPOTHESIS=long pytest` runs the property tests much longer.
settings.register_profile(
    "default", max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile(
    "long", max_examples=20_000, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.load_profile(os.environ.get("DEALSCOPE_HYPOTHESIS", "default"))

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
ENGINES = ("rust", "python")


@pytest.fixture(params=ENGINES)
def engine(request) -> str:
    return request.param


def seed_texts() -> list[str]:
    return [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]


def close(got: float | None, want: float | None) -> bool:
    if want is None or got is None:
        return got is None and want is None
    return math.isclose(got, want, rel_tol=1e-12)
