"""Remake the README screenshot (.github/deals.png): the app on the bundled seeds, the
Google → Anthropic compute deal's evidence open. Needs cairosvg (pip install cairosvg),
which the project itself does not: python3 .github/screenshot.py"""

import asyncio
from pathlib import Path

import cairosvg

from dealscope.app.app import DealscopeApp
from dealscope.app.deals import DealsView
from dealscope.app.table import FrameTable

OUT = Path(__file__).with_name("deals.png")


async def main() -> None:
    app = DealscopeApp(None, cache=False)
    async with app.run_test(size=(132, 40)) as pilot:
        while app.corpus is None:
            await pilot.pause(0.05)
        await pilot.pause(0.3)
        table = app.query_one(DealsView).query_one(FrameTable)
        row = next(i for i, r in enumerate(table.rows.iter_rows(named=True))
                   if (r["kind"], r["source"], r["target"]) == ("compute", "Google", "Anthropic"))
        table.focus_table()
        await pilot.press(*["down"] * row, "enter")
        await pilot.pause(0.5)
        svg = app.export_screenshot(title="dealscope")
    # A monospace font every Debian has, for the web font the SVG names.
    svg = svg.replace("Fira Code, monospace", "DejaVu Sans Mono").replace('"Fira Code"',
                                                                         '"DejaVu Sans Mono"')
    cairosvg.svg2png(bytestring=svg.encode(), write_to=str(OUT), output_width=1400)


asyncio.run(main())
