"""The lexicon's language list is data (common.toml [languages]), read by both engines;
its entries are checked as they are read."""

from importlib import resources

import pytest

from dealscope import lexicon
from dealscope.lexicon import _entries


def test_every_language_file_is_listed_and_every_listed_language_has_a_file():
    files = {
        p.name.removesuffix(".toml")
        for p in resources.files(lexicon).iterdir()
        if p.name.endswith(".toml")
    }
    # Files that are not a language's: shared facts, deal cues, names, exchange rates.
    shared = {"common", "deals", "names", "fx"}
    assert files - shared == set(lexicon.LANGS)


def test_script_groups_give_the_latin_languages_in_file_order():
    assert lexicon.LATIN_LANGS == ("en", "de", "fr", "es", "it", "pl")
    assert [lexicon.GROUPS[c] for c in ("ru", "ja", "zh", "ko")] == [
        "cyrillic", "cjk", "cjk", "hangul"]
    assert lexicon.LANGS[-1] == "ko"  # a file of its own, read in no Latin vote


@pytest.mark.parametrize("value", [["year", 0, "middle"], ["year", 0, "end", "after"],
                                   ["decade", 1], ["year"], ["year", 0, "end", "by", 1]])
def test_a_bad_relative_date_entry_is_refused_by_name(value):
    with pytest.raises(ValueError, match=r"date_relative.*'soon'"):
        _entries({"date_relative": {"soon": value}})


def test_a_relative_date_entry_may_give_its_period_and_relation():
    entry = _entries({"date_relative": {"年内": ["year", 0, "end", "by"]}})["年内"]
    assert entry.date_relative == ("year", 0, "end", "by")
