"""Modal screens: help, export and open-corpus prompts."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Input, Label, Markdown, OptionList
from textual.widgets.option_list import Option

HELP = """\
# dealscope

Follow the AI compute race: who invests in whom, who buys whose chips and cloud.

| key | anywhere |
|---|---|
| `1`–`6` | Deals, Timeline, Relationships, Documents, Amounts, Problems |
| `ctrl+p` | command palette: go to company, go to deal, open corpus, export |
| `x` | export the current view, as filtered, to CSV, Parquet or JSON |
| `o` | open another corpus (a folder or files) |
| `ctrl+t` | light / dark theme |
| `?` | this help · `q` quit |

| key | Deals |
|---|---|
| `/` | filter as you type (company, kind, language, words of the evidence) |
| facets | kind, company, language, status, year (click or tab to them) |
| `s` | sort: pick a column (the same one again: reverse) · or click a header |
| `enter` / `d` | the deal's evidence, in its own language, with what was read |
| `r` | reset filters · `escape` back |

| key | Timeline |
|---|---|
| `c` | pick a company · `y` chart per quarter or per year · `enter` open the deal |

| key | Relationships |
|---|---|
| `/` | find a company · `enter` on a neighbour: go there · `backspace` back |

| key | Documents and Amounts |
|---|---|
| `/` | filter · `s` sort · `n` / `p` next / previous sentence · `t` tokens |
| `enter` | (Amounts) open the amount's sentence in the reader |

Dates keep the precision they were stated with: "2023" is a year, not 2023-01-01.
Amounts in USD use approximate yearly exchange rates (`lexicon/fx.toml`).
"""


class HelpScreen(ModalScreen[None]):
    BINDINGS = [Binding("escape,q,question_mark", "dismiss", "Close")]

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help-box", classes="modal-box"):
            yield Markdown(HELP)

    def action_dismiss(self, result=None) -> None:
        self.dismiss(None)


class PromptScreen(ModalScreen[str | None]):
    """One line of input; Enter gives it back, Escape cancels."""

    BINDINGS = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, title: str, value: str = "", hint: str = "") -> None:
        super().__init__()
        self.title_text, self.value, self.hint = title, value, hint

    def compose(self) -> ComposeResult:
        with Vertical(classes="modal-box prompt-box"):
            yield Label(self.title_text, classes="prompt-title")
            yield Input(value=self.value, id="prompt-input")
            yield Label(self.hint, classes="prompt-hint")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.dismiss(event.value.strip() or None)

    def action_cancel(self) -> None:
        self.dismiss(None)


class SortScreen(ModalScreen[int | None]):
    """Pick the column to sort by; picking the current one reverses the order."""

    BINDINGS = [Binding("escape,s", "cancel", "Cancel")]

    def __init__(self, labels: list[str], current: int | None, descending: bool) -> None:
        super().__init__()
        self.labels, self.current, self.descending = labels, current, descending

    def compose(self) -> ComposeResult:
        options = []
        for i, label in enumerate(self.labels):
            if i == self.current:
                label += "  ▼ (enter: ascending)" if self.descending \
                    else "  ▲ (enter: descending)"
            options.append(Option(label))
        with Vertical(classes="modal-box sort-box"):
            yield Label("Sort by", classes="prompt-title")
            yield OptionList(*options, id="sort-options")

    def on_mount(self) -> None:
        options = self.query_one(OptionList)
        options.highlighted = self.current or 0
        options.focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option_index)

    def action_cancel(self) -> None:
        self.dismiss(None)
