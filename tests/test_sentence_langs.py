"""A text read sentence by sentence: a sentence plainly in another language is read
in its own (``pyengine/langdetect.py`` gives the rules), in both engines."""

from __future__ import annotations

from pathlib import Path

import polars as pl
import pytest
from polars.testing import assert_frame_equal

import dealscope as ds
from conftest import ROOT, seed_texts
from dealscope import pyengine

# An Italian text quoting a Chinese, a Japanese and a Polish sentence.
MIXED = (
    "Mentre le GPU di NVIDIA offrono una maturità software senza pari, il costo è alto. "
    "另一云巨头谷歌也于去年承诺向 Anthropic 投资 20 亿美元。"
    "取引の可能性により、このスタートアップの価値は3,500億ドルを超える可能性がある。\n"
    "Meta zainwestuje w ten projekt dziesiątki miliardów dolarów i to jest dopiero początek.\n"
    "Il costo è di 10 miliardi di dollari, e la società lo pagherà in tre anni."
)


def _runs(text: str) -> list[tuple[int, str]]:
    return pyengine.sentence_langs(text, pyengine.tokenize(text))


def test_each_sentence_is_read_in_its_own_language(engine):
    amounts = ds.parse_amounts(MIXED, engine=engine)
    money = amounts.filter(kind="money")
    assert money["text"].to_list() == [
        "20 亿美元", "3,500億ドルを超える", "dziesiątki miliardów dolarów",
        "10 miliardi di dollari",
    ]
    # 3,500 is thousands in Japanese (the Italian reading would be 3.5).
    assert money["value"].to_list() == [2e9, 3.5e11, None, 1e10]
    assert money["qualifier"][1] == "at_least"
    assert money["low"][2] == 1e10 and money["qualifier"][2] == "vague"
    assert_frame_equal(amounts, ds.parse_amounts(MIXED, engine="python"))
    _, both = ds.tokens_and_amounts(MIXED, engine=engine)
    assert_frame_equal(both, amounts)


def test_the_runs_name_the_sentences_languages():
    runs = _runs(MIXED)
    assert [lang for _, lang in runs] == ["it", "zh", "ja", "pl", "it"]
    tokens = pyengine.tokenize(MIXED)
    starts = [tokens[first][2] for first, _ in runs]
    assert starts == ["Mentre", "另", "取引", "Meta", "Il"]


def test_a_given_language_reads_every_sentence():
    # lang= is the caller's word for the whole text: the Chinese sentence is read as Italian.
    money = ds.parse_amounts(MIXED, lang="it").filter(kind="money")
    assert "20 亿美元" not in money["text"].to_list()
    assert money["text"].to_list()[-1] == "10 miliardi di dollari"


def test_weak_evidence_leaves_a_sentence_in_the_texts_language():
    # "ai" and "ma" also vote Italian: one shared word does not move a Polish sentence,
    # nor does a short kana-free line move a Japanese text to Chinese.
    polish = ("Meta inwestuje w Scale AI prawie 15 miliardów dolarów i przejmuje "
              "49 procent udziałów w tej firmie. Scale AI. Inwestycja może jednak kosztować "
              "Scale AI część zleceń. Wyścig zbrojeń AI ma nowy front.")
    assert _runs(polish) == [(0, "pl")]
    japanese = "戦略的同盟。ソフトバンクは OpenAI に投資すると発表しました。"
    assert _runs(japanese) == [(0, "ja")]
    # A Chinese sentence of ten han or more does move it.
    japanese += "亚马逊对 Anthropic 的总投资达 80 亿美元,仍持有少数股权。"
    assert [lang for _, lang in _runs(japanese)] == ["ja", "zh"]


def test_a_sentence_with_clearly_more_votes_of_its_own_is_read_in_its_language(engine):
    # "a" votes Italian as well as Polish; the sentence's many Polish words outvote it.
    polish = ("Google i Anthropic mają długą współpracę, a Google inwestował już wcześniej "
              "około 3 miliardy dolarów na uruchomienie sztucznej inteligencji.")
    text = ("Il gruppo ha investito nella società con la sua divisione cloud, e la sua quota "
            "è la più alta del settore per il momento. " + polish)
    assert [lang for _, lang in _runs(text)] == ["it", "pl"]
    # Two Polish votes (ma, jest) against the one Italian (a) are not clearly more.
    assert [lang for _, lang in _runs(text + " Nvidia jest w grze, a Meta nie.")] == [
        "it", "pl"]
    assert [lang for _, lang in _runs(text + " Nvidia ma nowy front, a jest gra.")] == [
        "it", "pl", "it"]
    money = ds.parse_amounts(text, engine=engine).filter(kind="money")
    assert money.select("text", "value", "unit").rows() == [
        ("około 3 miliardy dolarów", 3e9, "USD")]


def test_single_language_articles_are_one_run():
    texts = seed_texts() + [p.read_text(encoding="utf-8") for p in
                            sorted(Path(ROOT / "tests/corpus/articles").glob("*.txt"))]
    assert len(texts) >= 13
    for text in texts:
        runs = _runs(text)
        assert len(runs) == 1, runs
        assert runs[0][1] == pyengine.detect(pyengine.tokenize(text))


def test_a_sentence_end_needs_space_and_no_lower_case_next():
    cut = pyengine.langdetect.sentence_starts
    for text, starts in [
        ("10 mld. dolarów", 1),       # lower case next: an abbreviation
        ("10 mld. Dolarów", 2),
        ("3.5 mld", 1),               # no space: a number
        ("Tak!? 好", 2),              # the last mark with space after
        ("好。好", 2),                # wide marks need no space
        ("a\nb", 2),
        ("\nfoo bar", 1),            # a new line before the first token cuts nothing
        ("foo\n\nbar baz\nqux", 3),
        ("Ok. 1 and. «Quote", 3),     # a digit or a quote mark is no lower-case letter
    ]:
        assert len(cut(text, pyengine.tokenize(text))) == starts, text


def test_a_mention_reaching_into_the_next_run_is_not_read_twice(engine):
    # Found by hypothesis: "〇\n$" (Russian run) reads the "$" of the Chinese run.
    text = "%-ный〇\n$〇亿"
    frame = ds.parse_amounts(text, engine=engine)
    assert frame.select("start", "end").rows() == [(5, 8), (8, 10)]


def test_dates_are_read_sentence_by_sentence_too(engine):
    text = ("La società è stata fondata dagli ex dipendenti. "
            "これにより、元 OpenAI 従業員によって 2021 年 3 月に設立された AI ラボの地位が固まる。")
    dates = ds.parse_dates(text, engine=engine)
    assert dates["text"].to_list() == ["2021 年 3 月"]
    assert ds.parse_dates(text, engine=engine, lang="it")["text"].to_list() != ["2021 年 3 月"]


def test_sentences_are_the_parsers_sentences(engine):
    sents = ds.sentences(MIXED, engine=engine)
    assert sents["lang"].to_list() == ["it", "zh", "ja", "pl", "it"]
    assert sents["sentence"][1] == "另一云巨头谷歌也于去年承诺向 Anthropic 投资 20 亿美元。"
    assert sents["sid"].to_list() == [0, 1, 2, 3, 4]
    # Each row's text is its span of the text, from first token to last.
    for start, end, sentence in sents.select("start", "end", "sentence").iter_rows():
        assert MIXED[start:end] == sentence and sentence == sentence.strip()
    # Every money amount starts in the sentence whose language read it.
    money = ds.parse_amounts(MIXED, engine=engine).filter(kind="money")
    langs = [sents.filter((pl.col("start") <= s) & (s < pl.col("end")))["lang"].item()
             for s in money["start"]]
    assert langs == ["zh", "ja", "pl", "it"]


def test_sentences_cut_as_documented(engine):
    text = "Wartość: ok. 100 mln zł. Umowa wchodzi w życie... a potem? Tak.\n\nKoniec"
    sents = ds.sentences(text, engine=engine)
    # "zł." then a capital ends a sentence; "ok." before a digit does too; ". a" does not.
    assert sents["sentence"].to_list() == [
        "Wartość: ok.", "100 mln zł.", "Umowa wchodzi w życie... a potem?", "Tak.", "Koniec",
    ]


def test_sentences_with_a_given_language_and_of_empty_texts(engine):
    sents = ds.sentences(["", " \n\t", MIXED, "42"], lang=[None, None, "it", None], engine=engine)
    assert sents["doc"].unique().to_list() == [2, 3]
    assert set(sents.filter(doc=2)["lang"]) == {"it"}
    assert sents.filter(doc=3)["sentence"].to_list() == ["42"]
    assert sents.columns == ["doc", "sid", "start", "end", "sentence", "lang"]


def test_a_given_language_can_still_be_read_by_sentence(engine):
    # The text's language given (as the pipeline gives each document's), sentences
    # plainly in another language still read in their own.
    amounts = ds.parse_amounts(MIXED, lang="it", by_sentence=True, engine=engine)
    assert_frame_equal(amounts, ds.parse_amounts(MIXED, engine=engine))
    dates = ds.parse_dates(MIXED, lang="it", by_sentence=True, engine=engine)
    assert_frame_equal(dates, ds.parse_dates(MIXED, engine=engine))
    # Given Polish, the Italian sentence with one Polish vote (GPU) and six Italian
    # ones is still read as Italian.
    sents = ds.sentences(MIXED, lang="pl", by_sentence=True, engine=engine)
    assert sents["lang"].to_list() == ["it", "zh", "ja", "pl", "it"]


def test_a_given_code_with_no_script_takes_the_texts_group(engine):
    # xx has no script group: the text's scores give Latin, so an Italian sentence
    # with two votes of its own and none for xx moves, as the Chinese one does.
    sents = ds.sentences(MIXED, lang="xx", by_sentence=True, engine=engine)
    assert sents["lang"].to_list() == ["it", "zh", "ja", "pl", "it"]
    assert pyengine.sentence_langs(MIXED, pyengine.tokenize(MIXED), "xx")[0] == (0, "it")


def test_by_sentence_false_reads_the_whole_text_in_one_language(engine):
    whole = ds.parse_amounts(MIXED, by_sentence=False, engine=engine)
    assert_frame_equal(whole, ds.parse_amounts(MIXED, lang="it", engine=engine))
    assert set(ds.sentences(MIXED, by_sentence=False, engine=engine)["lang"]) == {"it"}


def test_extract_reads_a_quoted_sentence_in_its_own_language(engine):
    # An Italian article quoting a Chinese report: its amount and its deal are found.
    doc = ("Il mercato dell'intelligenza artificiale cresce e la concorrenza è forte. "
           "Secondo il Financial Times, la società ha ricevuto nuovi fondi.\n"
           "另一云巨头谷歌也于去年承诺向 Anthropic 投资 20 亿美元。\n"
           "La notizia è stata confermata dalla società e il titolo è salito in borsa.")
    corpus = ds.extract([doc], engine=engine)
    assert corpus.documents["lang"].to_list() == ["it"]
    assert corpus.amounts.select("text", "value").rows() == [("20 亿美元", 2e9)]
    deal = corpus.deals.select("kind", "source", "target", "usd_low", "languages").rows()
    assert deal == [("investment", "Google", "Anthropic", 2e9, ["it"])]


def test_latin_names_with_no_latin_word_leave_the_text_to_its_script(engine):
    # More Latin letters than kana and han, but no Latin word votes: the names are
    # companies in a Japanese (Russian, Korean) sentence.
    texts = ["CohereはNvidiaやSalesforce Venturesなどから5億ドルを調達した。",
             "Cohere получила деньги от Nvidia и Salesforce Ventures",
             "Nvidia Microsoft OpenAI"]
    assert ds.detect_languages(texts, engine=engine).to_list() == ["ja", "ru", "xx"]
    # The decided group is the sentence's too: an English sentence stays English.
    runs = _runs("Nvidia invested in the startup. "
                 "CohereはNvidiaやSalesforce Venturesから調達した。")
    assert [lang for _, lang in runs] == ["en", "ja"]


def test_italian_possessives_vote_italian(engine):
    # la, in and a are Spanish too: sua (its) breaks the tie that made this xx.
    text = "Microsoft ha ceduto la sua quota in OpenAI a SoftBank."
    assert ds.detect_languages([text], engine=engine).to_list() == ["it"]
    deals = ds.extract([text], engine=engine, cache=False).deals
    assert deals.select("kind", "source", "target").rows() == [
        ("investment", "SoftBank", "OpenAI")]


def test_an_acronym_is_no_stopword(engine):
    # "AI" is not Italian's "ai": le, une and dans make it French.
    texts = ["Le fonds émirati MGX a pris une participation dans Mistral AI.",
             "AI IN THE US"]
    assert ds.detect_languages(texts, engine=engine).to_list() == ["fr", "xx"]
    # Written as a word, it still votes: "ai" and "di" are Italian.
    assert ds.detect_languages(["Ai clienti di Roma"], engine=engine).to_list() == ["it"]


@pytest.mark.parametrize("engine", ["rust", "python"])
@pytest.mark.parametrize(("text", "lang"), [
    # "ha" (Italian's "has") and "auprès" vote: a headline of one short sentence had tied.
    ("Fastweb ha acquistato da Nvidia 31 sistemi DGX H100.", "it"),
    ("Mistral AI a acheté auprès de Nvidia 18 000 puces.", "fr"),
    # French "a" (has) votes as Spanish, Italian and Polish "a" do: "un" and "avec"
    # alone tied it with Spanish and Italian.
    ("Mistral AI a signé un partenariat avec Nvidia.", "fr"),
])
def test_a_short_headline_votes_for_its_language(engine, text, lang):
    assert ds.extract([text], engine=engine, cache=False).documents["lang"].to_list() == [lang]


def test_a_tie_of_votes_goes_to_the_language_with_its_own_letters(engine):
    texts = [
        # a, l' and d' tie French with Italian: é is French's alone.
        "SoftBank a finalisé l'acquisition d'Ampere Computing.",
        # la and de tie Spanish with French: ó is not French.
        "SoftBank completó la compra de Ampere.",
        # No letter of its own on either side: still a tie.
        "Nvidia a la Ampere.",
        # No vote at all: a name's letters tell no language.
        "Zoë Nvidia Ampere",
    ]
    assert ds.detect_languages(texts, engine=engine).to_list() == ["fr", "es", "xx", "xx"]
    # Capitals count as their lower case: É is é.
    assert ds.detect_languages(["SoftBank a ÉTENDU l'accord d'Ampere."],
                               engine=engine).to_list() == ["fr"]
    deals = ds.extract(texts[:1], engine=engine, cache=False).deals
    assert deals.select("kind", "source", "target", "status").rows() == [
        ("acquisition", "SoftBank", "Ampere Computing", "completed")]


def test_a_tie_the_letters_leave_goes_to_the_votes_of_lower_case_words(engine):
    # y (Spanish) ties with Sur (French, and a name's word here); un, de, en, la are both.
    text = "OpenAI y Sur Energy anunciaron un proyecto de centro de datos en la Patagonia."
    assert ds.detect_languages([text], engine=engine).to_list() == ["es"]
    # The same words all capitalised leave the tie: xx.
    assert ds.detect_languages([text.title()], engine=engine).to_list() == ["xx"]


def test_business_nouns_vote_in_short_sentences(engine):
    # en, la, de tie Spanish with French; ha, un, con Italian with Spanish: empresa and
    # accordo are each one language's.
    texts = ["Nvidia invierte en Nokia, la empresa finlandesa de redes.",
             "OpenAI ha firmato un accordo con Oracle."]
    assert ds.detect_languages(texts, engine=engine).to_list() == ["es", "it"]
    deals = ds.extract(texts[1:], engine=engine, cache=False).deals
    assert deals.select("kind", "status").rows() == [("partnership", "announced")]


def test_a_short_polish_sentence_votes_by_its_function_words(engine):
    # Names and content words only but "jako": no vote without it, so xx.
    text = "PKO BP wybrał Google Cloud jako dostawcę chmury."
    assert ds.detect_languages([text], engine=engine).to_list() == ["pl"]
    deals = ds.extract([text], engine=engine, cache=False).deals
    assert deals.select("kind", "source", "target").rows() == [
        ("compute", "Google", "PKO Bank Polski")]
