"""The command palette's dealscope commands: go to company, go to deal, open, export."""

from __future__ import annotations

from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider

from ..formatting import fmt_date, fmt_range


class DealscopeCommands(Provider):
    def _commands(self):
        app = self.app
        yield "Open corpus…", app.action_open, "read another folder or files"
        yield "Export current view…", app.action_export, "CSV, Parquet or JSON"
        data = getattr(app, "data", None)
        if data is None:
            return
        corpus = data.corpus
        for name in sorted(data.companies["company"].to_list()):
            yield f"Go to company: {name}", partial(app.goto_company, name), \
                "its neighbourhood in Relationships"
        for d in corpus.deals.iter_rows(named=True):
            amount = fmt_range(d["usd_low"], d["usd_high"], "$")
            label = (f"Go to deal: {d['source'] or '—'} → {d['target']} {d['kind']} "
                     f"{amount} {fmt_date(d['date'], d['date_precision'])}").rstrip()
            yield label, partial(app.goto_deal, d["deal_id"]), "its evidence in Deals"

    async def discover(self) -> Hits:
        for text, action, help_text in self._commands():
            if not text.startswith("Go to deal"):
                yield DiscoveryHit(text, action, help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for text, action, help_text in self._commands():
            score = matcher.match(text)
            if score > 0:
                yield Hit(score, matcher.highlight(text), action, help=help_text)
