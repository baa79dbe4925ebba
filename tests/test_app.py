"""The Textual app, driven by keys as a person would (Pilot), on the bundled seeds."""

from __future__ import annotations

import asyncio
from pathlib import Path

import polars as pl
import pytest
from textual.widgets import Input, OptionList, Static, TabbedContent

import dealscope as ds
from dealscope.app import DealscopeApp, model
from dealscope.app.deals import DealDetail, DealsView
from dealscope.app.documents import DocumentsView
from dealscope.app.relations import RelationsView
from dealscope.app.table import FrameTable
from dealscope.app.timeline import TimelineView
from dealscope.export import read_frame

# How many deals the pipeline finds in the bundled seeds.
SEED_DEALS = 19


async def _loaded(app: DealscopeApp, pilot) -> None:
    for _ in range(600):
        if app.corpus is not None:
            break
        await pilot.pause(0.05)
    assert app.corpus is not None, "the corpus did not load"
    await pilot.pause(0.1)


def _run(test, paths=None, size=(120, 36), tmp_path: Path | None = None):
    async def main():
        app = DealscopeApp(paths, cache=tmp_path / "store" if tmp_path else False)
        async with app.run_test(size=size) as pilot:
            await _loaded(app, pilot)
            await test(app, pilot)

    asyncio.run(main())


def _deal_rows(app) -> pl.DataFrame:
    return app.query_one(DealsView).query_one(FrameTable).rows


def _static_text(widget: Static) -> str:
    content = widget.render()
    return getattr(content, "plain", str(content))


def test_opens_on_the_seeds_with_every_deal_listed():
    async def test(app, pilot):
        assert app.query_one(TabbedContent).active == "deals"
        rows = _deal_rows(app)
        assert rows.height == app.corpus.deals.height == SEED_DEALS
        assert f"{SEED_DEALS} deals" in _static_text(app.query_one("#deal-count", Static))
        assert "bundled seeds" in app.sub_title

    _run(test)


def test_filter_as_you_type_keeps_only_matching_deals():
    async def test(app, pilot):
        await pilot.press("slash")
        assert isinstance(app.focused, Input)
        await pilot.press(*"microsoft")
        await pilot.pause(0.3)  # the filter runs once typing pauses
        rows = _deal_rows(app)
        # Parties and evidence are searched: the Microsoft deal and those whose sentences
        # name Microsoft, nothing else.
        assert 0 < rows.height < SEED_DEALS
        assert "Microsoft" in rows["source"].to_list()
        for r in rows.iter_rows(named=True):
            text = " ".join(e["sentence"] for e in r["evidence"]) + r["parties"]
            assert "microsoft" in text.lower()
        await pilot.press("enter", "r")  # back to the table, reset
        await pilot.pause(0.1)
        assert _deal_rows(app).height == SEED_DEALS

    _run(test)


def test_sort_by_the_amount_column_both_ways():
    async def test(app, pilot):
        await pilot.press("s", "down", "down", "down", "enter")  # the fourth column
        await pilot.pause(0.1)
        usd = _deal_rows(app)["usd_sort"].drop_nulls().to_list()
        assert usd == sorted(usd) and len(usd) > 5
        await pilot.press("s", "enter")  # the same column again: reversed
        await pilot.pause(0.1)
        rows = _deal_rows(app)
        usd = rows["usd_sort"].drop_nulls().to_list()
        assert usd == sorted(usd, reverse=True)
        assert rows["usd_sort"][0] == max(usd)  # missing amounts go last, not first
        assert "sorted by amount (USD) ▼" in _static_text(app.query_one("#deal-count", Static))

    _run(test)


def test_facet_by_company_then_the_deal_detail_shows_its_evidence():
    async def test(app, pilot):
        view = app.query_one(DealsView)
        select = view.query_one("#facet-company")
        select.focus()
        await pilot.press("enter")
        await pilot.pause(0.1)
        # The options are sorted; find Amazon's position and move there by keys.
        options = view.query_one("#facet-company")._options
        index = [label for label, _ in options].index("Amazon")
        await pilot.press(*["down"] * index, "enter")
        await pilot.pause(0.2)
        rows = _deal_rows(app)
        assert rows.height > 0
        assert all("Amazon" in (r["source"], r["target"]) for r in rows.iter_rows(named=True))
        view.query_one(FrameTable).focus_table()
        await pilot.press("enter")
        await pilot.pause(0.2)
        detail = view.query_one(DealDetail)
        assert detail.display
        body = _static_text(detail.query_one("#deal-detail-body", Static))
        first = rows.row(0, named=True)
        for ev in first["evidence"]:
            assert ev["sentence"] in body  # every sentence, in its own language
        assert f"{first['source']} → {first['target']}" in body

    _run(test)


def test_timeline_groups_by_year_and_opens_a_deal():
    async def test(app, pilot):
        await pilot.press("2")
        await pilot.pause(0.1)
        events = app.query_one("#timeline-events", OptionList)
        assert app.focused is events
        prompts = [str(events.get_option_at_index(i).prompt)
                   for i in range(events.option_count)]
        assert "━━ 2015 " in prompts and "  2023 (month not stated)" in prompts
        dated = app.corpus.timeline.filter(pl.col("date").is_not_null()).height
        assert sum(1 for i in range(events.option_count)
                   if not events.get_option_at_index(i).disabled) == dated
        await pilot.press("y")
        assert app.query_one(TimelineView).by == "year"
        await pilot.press("down", "enter")
        await pilot.pause(0.2)
        assert app.query_one(TabbedContent).active == "deals"
        assert app.query_one(DealDetail).display

    _run(test)


def test_relationships_move_to_a_neighbour_and_back():
    async def test(app, pilot):
        await pilot.press("3")
        await pilot.pause(0.1)
        view = app.query_one(RelationsView)
        assert view.company == "Anthropic"  # the company with the most relations
        graph = _static_text(view.query_one("#graph", Static))
        assert "Anthropic" in graph and "╭" in graph and "▶" in graph
        neighbours = view.query_one(FrameTable).rows
        for name in neighbours["neighbour"].unique().to_list():
            assert name in graph
        first = neighbours.row(0, named=True)["neighbour"]
        await pilot.press("enter")
        await pilot.pause(0.1)
        assert view.company == first
        await pilot.press("backspace")
        await pilot.pause(0.1)
        assert view.company == "Anthropic"

    _run(test)


def test_documents_reader_steps_sentences_and_shows_tokens():
    async def test(app, pilot):
        await pilot.press("4")
        await pilot.pause(0.1)
        view = app.query_one(DocumentsView)
        assert view.doc == 0 and view.sentence == 0
        await pilot.press("n", "n")
        assert view.sentence == 2
        await pilot.press("t")
        await pilot.pause(0.1)
        tokens = view.query_one("#tokens", Static).content
        assert "tokens of sentence 3" in str(tokens.title)
        sentence = view.sentences[2][2]
        assert [str(cell) for cell in tokens.columns[0]._cells] == \
            ds.tokenize([sentence])["token"].to_list()
        await pilot.press("down")  # the next document
        await pilot.pause(0.1)
        assert view.doc == 1

    _run(test)


def test_documents_reader_names_a_quoted_sentences_language(tmp_path):
    from test_sentence_langs import MIXED
    (tmp_path / "mixed.txt").write_text(MIXED, encoding="utf-8")

    async def test(app, pilot):
        await pilot.press("4")
        await pilot.pause(0.1)
        view = app.query_one(DocumentsView)
        title = view.query_one("#reader-title", Static)
        assert "sentence 1 of 5 ·" in _static_text(title)  # Italian, as the article
        await pilot.press("n")
        await pilot.pause(0.1)
        assert "sentence 2 of 5, read as zh" in _static_text(title)

    _run(test, paths=[str(tmp_path / "mixed.txt")])


def test_amounts_filter_and_open_the_source_sentence():
    async def test(app, pilot):
        await pilot.press("5", "slash", *"gigawat", "enter")
        await pilot.pause(0.1)
        rows = app.query_one("#amount-table", FrameTable).rows
        assert rows.height > 0 and set(rows["kind"]) == {"power"}
        await pilot.press("enter")
        await pilot.pause(0.2)
        assert app.query_one(TabbedContent).active == "documents"
        view = app.query_one(DocumentsView)
        first = rows.row(0, named=True)
        start, end, _ = view.sentences[view.sentence]
        assert view.doc == first["doc"] and start <= first["start"] < end

    _run(test)


@pytest.mark.parametrize("suffix", ["csv", "parquet", "json"])
def test_export_the_filtered_view_and_read_it_back(tmp_path, suffix):
    out = tmp_path / f"amazon.{suffix}"

    async def test(app, pilot):
        await pilot.press("slash", *"amazon", "enter", "x")
        await pilot.pause(0.1)
        prompt = app.screen.query_one("#prompt-input", Input)
        prompt.value = ""
        await pilot.press(*str(out), "enter")
        await pilot.pause(0.2)
        shown = _deal_rows(app)
        back = read_frame(out)
        assert back.height == shown.height > 0
        assert back["deal_id"].to_list() == shown["deal_id"].to_list()
        assert set(app.corpus.deals.columns) <= set(back.columns)

    _run(test)


def test_a_folder_with_only_bad_files_says_so(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02" * 100)

    async def test(app, pilot):
        assert app.corpus.documents.height == 0
        message = _static_text(app.query_one("#deal-table").query_one(".empty", Static))
        assert "No readable documents" in message and "2 files" in message
        await pilot.press("6")
        await pilot.pause(0.1)
        problems = app.query_one("#problem-table", FrameTable).rows
        assert sorted(Path(p).name for p in problems["path"]) == ["binary.txt", "empty.txt"]

    _run(test, [str(tmp_path)])


def test_a_corpus_with_some_bad_files_shows_what_was_read(tmp_path):
    (tmp_path / "a.txt").write_text("Amazon will invest $4 billion in Anthropic.\n")
    (tmp_path / "b.txt").write_bytes(b"caf\xe9 \xff\xfe\x00 broken")
    (tmp_path / "c.txt").write_bytes(
        "Nvidia инвестирует до $10 миллиардов в Anthropic.".encode("cp1251"))

    async def test(app, pilot):
        assert app.corpus.documents.height == 2
        assert _deal_rows(app).height == 2
        assert "Problems (1)" in str(app.query_one(TabbedContent).get_tab("problems").label)
        rows = app.query_one("#problem-table", FrameTable).rows
        assert rows.select("what", "reason").rows()[1] == (
            "notice", "decoded as windows-1251 (not UTF-8)")
        assert Path(rows["path"][0]).name == "b.txt"

    _run(test, [str(tmp_path)])


def test_no_deals_gives_a_message_not_an_empty_table(tmp_path):
    (tmp_path / "a.txt").write_text("Nothing about money here, only weather.\n")

    async def test(app, pilot):
        message = _static_text(app.query_one("#deal-table").query_one(".empty", Static))
        assert "No deals found in 1 documents" in message

    _run(test, [str(tmp_path)])


def test_usable_at_80_by_24():
    async def test(app, pilot):
        assert _deal_rows(app).height == SEED_DEALS
        table = app.query_one("#deal-table", FrameTable).table
        assert table is not None and table.size.height >= 5
        for key in "23456":
            await pilot.press(key)
            await pilot.pause(0.05)

    _run(test, size=(80, 24))


def test_second_open_reads_the_store(tmp_path):
    async def first(app, pilot):
        pass

    _run(first, tmp_path=tmp_path)
    entries = list((tmp_path / "store").iterdir())
    assert entries, "the first open wrote nothing to the store"

    async def second(app, pilot):
        assert app.corpus.deals.height == SEED_DEALS

    _run(second, tmp_path=tmp_path)


def test_cli_opens_the_app_by_default(monkeypatch, tmp_path):
    from dealscope import cli

    calls = []
    monkeypatch.setattr("dealscope.app.run", lambda paths, **kw: calls.append((paths, kw)))
    assert cli.main([]) == 0
    assert cli.main([str(tmp_path)]) == 0
    assert calls[0][0] is None and calls[1][0] == [str(tmp_path)]
    assert cli.main(["no/such/folder"]) == 2


def test_palette_goes_to_a_company_and_help_and_theme_keys_work():
    async def test(app, pilot):
        await pilot.press("ctrl+p")
        await pilot.pause(0.2)
        await pilot.press(*"go to company: microsoft")
        await pilot.pause(0.5)
        await pilot.press("enter")
        await pilot.pause(0.3)
        assert app.query_one(TabbedContent).active == "relations"
        assert app.query_one(RelationsView).company == "Microsoft"
        await pilot.press("question_mark")
        await pilot.pause(0.2)
        assert type(app.screen).__name__ == "HelpScreen"
        await pilot.press("escape")
        await pilot.pause(0.1)
        assert type(app.screen).__name__ != "HelpScreen"
        dark = app.current_theme.dark
        await pilot.press("ctrl+t")
        await pilot.pause(0.1)
        assert app.current_theme.dark is not dark

    _run(test)


@pytest.mark.parametrize("width", [60, 80, 100, 120])
def test_the_ego_network_fits_its_width_and_shows_everything_when_it_can(width):
    from rich.cells import cell_len

    from dealscope.app import graph

    left = [("Amazon Web Services", "subsidiary"), ("Google", "investor $5 bn")]
    right = [("Anthropic", "compute customer · investee $8 bn"), ("OpenAI", "partner")]
    lines = graph.draw("Amazon", left, right, width).plain.split("\n")
    assert max(cell_len(line) for line in lines) <= width
    text = "\n".join(lines)
    if width >= 101:  # room for every name and label whole (they need 101 cells)
        assert "…" not in text
        for name, label in left + right:
            assert name in text and label in text
    assert "│ Amazon │" in text


def test_every_view_exports_what_it_shows(tmp_path):
    async def test(app, pilot):
        for key, name in zip("123456", ("deals", "timeline", "relations", "documents",
                                        "amounts", "problems"), strict=True):
            await pilot.press(key)
            await pilot.pause(0.1)
            out = tmp_path / f"{name}.parquet"
            shown = app.current_view().export_frame()
            assert app.export_view(out) == shown.height
            assert read_frame(out).equals(shown)
        assert read_frame(tmp_path / "deals.parquet").height == SEED_DEALS
        assert read_frame(tmp_path / "timeline.parquet").height == app.corpus.timeline.height

    _run(test)


def test_every_key_of_every_view_on_a_corpus_with_nothing_in_it(tmp_path, monkeypatch):
    (tmp_path / "empty.txt").write_bytes(b"")
    monkeypatch.chdir(tmp_path)  # `x` then Enter exports to dealscope-<view>.csv here

    async def test(app, pilot):
        for key in "123456":
            await pilot.press(key, "slash", "x", "enter", "escape", "s", "escape", "enter",
                              "d", "r", "y", "c", "escape", "n", "p", "t", "backspace")
            await pilot.pause(0.05)
        assert app.is_running and app.corpus.documents.height == 0

    _run(test, [str(tmp_path)])


def test_a_missing_name_among_the_paths_is_a_problem_not_a_text(tmp_path, monkeypatch):
    (tmp_path / "a.txt").write_text("Amazon will invest $4 billion in Anthropic.\n", "utf-8")
    monkeypatch.chdir(tmp_path)

    async def test(app, pilot):
        assert app.corpus.documents["path"].to_list() == [str(tmp_path / "a.txt")]
        assert app.corpus.errors.rows() == [("no-such-file", "no such file or folder")]
        assert "a.txt, no-such-file" in app.sub_title

    _run(test, paths=[str(tmp_path / "a.txt"), "no-such-file"])


def test_a_round_with_no_lead_shows_its_backers_and_each_is_a_company_facet():
    corpus = ds.extract(["OpenAI raised $6.6 billion from Thrive Capital, Microsoft and Nvidia.",
                         "Mistral AI raised $2 billion from ASML."], cache=False)
    rows = model.deal_rows(corpus.deals)
    assert sorted(rows["parties"].to_list()) == [
        "(Microsoft, Nvidia +1) → OpenAI", "ASML → Mistral AI"]
    assert "Thrive Capital" in model.facet_values(rows)["company"]
    chosen = model.filter_deals(rows, model.Facets(company="Thrive Capital"))
    assert chosen["target"].to_list() == ["OpenAI"]
    assert model.filter_deals(rows, model.Facets(query="thrive")).height == 1
    round_ = corpus.deals.filter(target="OpenAI").row(0, named=True)
    title, facts = DealDetail._summary(round_).plain.splitlines()
    assert title.strip() == "funding  (Microsoft, Nvidia +1) → OpenAI"
    assert "backers Microsoft, Nvidia, Thrive Capital" in facts
