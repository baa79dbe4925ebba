"""Snapshots of the main views at 100×30 (pytest-textual-snapshot).

A changed picture fails the test and writes a side-by-side report; accept a deliberate
change with `pytest tests/test_snapshots.py --snapshot-update`.
"""

from __future__ import annotations

import pytest

from dealscope.app import DealscopeApp

SIZE = (100, 30)


class SnapApp(DealscopeApp):
    """The app with its one varying figure, the reading time, fixed."""

    def _loaded(self, sources, data, seconds):
        super()._loaded(sources, data, 0.0)


def _keys(*keys: str):
    async def run_before(pilot) -> None:
        app = pilot.app
        for _ in range(600):
            if app.corpus is not None:
                break
            await pilot.pause(0.05)
        await pilot.pause(0.2)
        await pilot.press(*keys)
        await pilot.pause(0.3)

    return run_before


@pytest.mark.parametrize(
    ("name", "keys"),
    [
        ("deals", ()),
        ("deal_detail", ("down",) * 9 + ("enter",)),
        ("timeline", ("2",)),
        ("relationships", ("3",)),
        ("documents", ("4", "n", "t")),
        ("amounts", ("5",)),
    ],
)
def test_view(snap_compare, name, keys):
    assert snap_compare(SnapApp(cache=False), terminal_size=SIZE, run_before=_keys(*keys))
