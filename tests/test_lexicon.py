"""The lexicon's language list is data (common.toml [languages]), read by both engines."""

from importlib import resources

from dealscope import lexicon


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
