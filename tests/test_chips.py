"""Chip families (lexicon/deals.toml) named in a sentence."""

from __future__ import annotations

from dealscope.pipeline import cues


def _first_family(sentence: str) -> str | None:
    """`cues.chip_family` as its docstring defines it: each family's own pattern in
    the lexicon's order, no prefilter."""
    return next((family for family, _names, pattern in cues.chip_families()
                 if pattern.search(sentence)), None)


def test_every_name_is_found_as_a_word_and_not_inside_one():
    families = cues.chip_families()
    assert len(families) > 5
    for family, names, _pattern in families:
        for name in names:
            for sentence in (f"{name}", f"They bought {name}s.", f"Chips ({name}) ship",
                             f"x{name}", f"{name}x", f"{name}_1"):
                assert cues.chip_family(sentence) == _first_family(sentence), sentence
            # As a word, the name is found, in its family or one listed earlier.
            found = cues.chip_family(f"The deal covers {name} chips.")
            order = [f for f, _, _ in families]
            assert found is not None and order.index(found) <= order.index(family), name


def test_sentences_without_a_name():
    for sentence in ("", "OpenAI signed a cloud deal.", "tpu", "GPUx and xTPU"):
        assert cues.chip_family(sentence) is None, sentence


def test_a_name_glued_to_an_unspaced_script_stands_alone():
    # Kana, hanzi and hangul are word characters, yet no part of a Latin chip name; a name
    # written in them needs no boundary (华为昇腾AI服务器).
    for sentence, family in (("快手采购了一批英伟达H20芯片", "GPU"),
                             ("エヌビディアのH100を", "GPU"), ("엔비디아H100을", "GPU"),
                             ("华为昇腾AI服务器", "Ascend"), ("xH100", None), ("H100s", None),
                             ("SH20x", None)):
        assert cues.chip_family(sentence) == family, sentence
