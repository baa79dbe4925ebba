"""Reading sources: file types, manifests, bad files reported with path and reason."""

from __future__ import annotations

import datetime as dt
import json
import os
import random
from pathlib import Path

import polars as pl
import pytest

import dealscope as ds
from conftest import SEEDS
from dealscope import cli
from dealscope.pipeline.ingest import ingest
from dealscope.sources import MULTIBYTE, Decoded, ReadError, _score, decode_text


def test_file_types_and_manifest(tmp_path):
    (tmp_path / "a.txt").write_text("Amazon zainwestował 4 mld dolarów w Anthropic.", "utf-8")
    (tmp_path / "b.html").write_text(
        "<html><head><title>Deal</title><script>var x = '5 bn';</script>"
        "<style>p{}</style></head><body><p>Nvidia invests $5 billion in Intel.</p></body></html>",
        "utf-8")
    (tmp_path / "c.jsonl").write_text(
        json.dumps({"text": "OpenAI raised $6.6 billion.", "published": "2024-10-02"}) + "\n"
        + "{broken\n" + json.dumps({"title": "no text"}) + "\n", "utf-8")
    pl.DataFrame({"text": ["Meta paid $14.3 billion for 49% of Scale AI."], "lang": ["en"]}) \
        .write_parquet(tmp_path / "d.parquet")
    pl.DataFrame({"body": ["x"]}).write_csv(tmp_path / "e.csv")
    (tmp_path / "f.txt").write_bytes(b"")
    (tmp_path / "g.bin").write_bytes(b"\x00\x01")
    (tmp_path / "manifest.tsv").write_text("file\tlang\tpublished\ttopic\na.txt\tpl\t2024-11\tA\n",
                                          "utf-8")
    got = ingest(tmp_path)
    texts = [d.text for d in got.docs]
    assert texts[0].startswith("Amazon") and got.docs[0].lang == "pl"
    assert got.docs[0].published == dt.date(2024, 11, 1) and got.docs[0].precision == "month"
    assert texts[1] == "Nvidia invests $5 billion in Intel." and got.docs[1].title == "Deal"
    assert texts[2] == "OpenAI raised $6.6 billion."
    assert got.docs[2].published == dt.date(2024, 10, 2)
    assert texts[3].startswith("Meta paid")
    errors = dict(got.errors)
    assert errors[f"{tmp_path}/c.jsonl:2"].startswith("bad JSON")
    assert errors[f"{tmp_path}/c.jsonl:3"] == "no 'text' field"
    assert errors[f"{tmp_path}/e.csv"].startswith("no 'text' column")
    assert errors[f"{tmp_path}/f.txt"] == "empty file"
    assert "not a file type" in errors[f"{tmp_path}/g.bin"]


def test_missing_path_and_symlink_loop(tmp_path):
    loop = tmp_path / "loop.txt"
    os.symlink(loop, loop)
    got = ingest([tmp_path / "nowhere", loop])
    errors = dict(got.errors)
    assert errors[str(tmp_path / "nowhere")] == "no such file or folder"
    assert str(loop) in errors
    assert got.docs == []


def test_a_mistyped_path_given_as_a_string_is_reported_not_read_as_a_text(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "seeds").mkdir()
    for typo in ("seedz", "news.txt", "my-articles_2024"):
        got = ingest(typo)
        assert (got.docs, got.errors) == ([], [(typo, "no such file or folder")])
    # Texts stay texts: several words, or no spaces in a script that uses none.
    texts = ["Nvidia invests $5 billion in Intel.", "オープンAIは40億ドルを調達した。", "40亿美元"]
    assert [d.text for d in ingest(texts).docs] == texts
    assert ingest(["seeds", "Nvidia invests."]).errors == []


def test_strings_and_frames():
    corpus = ds.extract(["Amazon invested $4 billion in Anthropic.", "  "])
    assert corpus.documents.height == 1
    assert corpus.errors.rows() == [("<text 1>", "empty text")]
    frame = pl.DataFrame({"text": ["Google invests $2 billion in Anthropic."],
                          "published": ["2023-10-27"]})
    corpus = ds.extract(frame)
    assert corpus.documents["published"].to_list() == [dt.date(2023, 10, 27)]
    assert corpus.deals.select("source", "target", "low").rows() == [("Google", "Anthropic", 2e9)]


def test_publication_date_is_inferred_from_a_dateline():
    text = "蓝鲸新闻 2024 年 11 月 26 日讯 亚马逊宣布再向 Anthropic 追加 40 亿美元投资。"
    corpus = ds.extract([text])
    row = corpus.documents.row(0, named=True)
    assert (row["published"], row["published_inferred"]) == (dt.date(2024, 11, 26), True)


def test_inferred_date_is_the_first_dateline_else_the_latest_date_said():
    from dealscope.frames import DATE_SCHEMA
    from dealscope.pipeline.corpus import infer_published

    d = dt.date
    rows = [  # doc, start, end, text, date, precision, relation, relative
        (0, 5, 15, "", d(2025, 3, 1), "day", "on", False),  # a dateline: it wins
        (0, 40, 50, "", d(2025, 3, 2), "day", "on", False),  # a second dateline
        (0, 400, 410, "", d(2026, 1, 1), "day", "on", False),
        (1, 500, 510, "", d(2025, 1, 2), "day", "on", False),  # no dateline: the latest
        (1, 600, 610, "", d(2024, 5, 1), "month", "on", False),
        (1, 700, 710, "", d(2030, 1, 1), "day", "on", True),  # relative: not a date said
        (3, 10, 20, "", d(2025, 1, 1), "year", "on", False),  # equal dates: the last said
        (3, 500, 510, "", d(2025, 1, 1), "month", "on", False),
        (4, 10, 20, "", None, "day", "on", False),  # no date: nothing
    ]
    dates = pl.DataFrame(rows, schema=DATE_SCHEMA, orient="row")
    assert infer_published(dates, 5) == [
        (d(2025, 3, 1), "day"), (d(2025, 1, 2), "day"), (None, None),
        (d(2025, 1, 1), "month"), (None, None)]


def test_empty_corpus_gives_empty_frames(tmp_path):
    corpus = ds.extract(tmp_path)
    assert corpus.documents.height == 0 and corpus.deals.height == 0
    assert "deal_id" in corpus.deals.columns


@pytest.mark.parametrize("engine", ["rust", "python"])
def test_both_engines_extract_the_same_corpus(engine, tmp_path):
    a = ds.extract(SEEDS, engine=engine)
    b = ds.extract(SEEDS, engine="rust")
    assert a.deals.drop("evidence").equals(b.deals.drop("evidence"))


def test_store_reuses_an_unchanged_corpus_and_rebuilds_a_broken_one(tmp_path):
    first = ds.extract(SEEDS, cache=tmp_path)
    entries = [p for p in tmp_path.iterdir() if not p.name.startswith(".")]
    assert len(entries) == 1
    second = ds.extract(SEEDS, cache=tmp_path)
    assert second.deals.equals(first.deals)
    (entries[0] / "deals.parquet").write_bytes(b"not parquet")
    with pytest.warns(UserWarning, match="unreadable"):
        third = ds.extract(SEEDS, cache=tmp_path)
    assert third.deals.equals(first.deals)


def test_unknown_organisations_are_kept_as_candidates():
    # (Not right after "deal with", which marks a deal's side: `unknown.sides`.)
    corpus = ds.extract(["Microsoft signed a $10 billion cloud deal; Stratus Data Centers will "
                         "build the site dubbed „Helios Compute”, alongside Project Ludicrous."])
    candidates = corpus.mentions.filter(kind="candidate")["text"].to_list()
    assert candidates == ["Stratus Data Centers", "Helios Compute", "Project Ludicrous"]
    assert corpus.deals.height == 0  # a candidate is never a deal party on its own


def test_progress_reports_every_stage():
    seen = []
    ds.extract(SEEDS, progress=lambda stage, done, total: seen.append((stage, done, total)))
    assert [s for s, _, _ in seen] == ["read", "languages", "dates", "amounts", "names", "deals"]
    assert seen[-1][1:] == (6, 6)


# Real sentences in each language, each written in the legacy encodings its
# readers used; every one must come back exactly, with the encoding named.
SENTENCES = {
    "pl": "Amazon zainwestował kolejne 4 mld dolarów w Anthropic. Łączna inwestycja "
          "wynosi teraz 8 mld dolarów, a współpraca obejmuje także układy Trainium. "
          "Źródło podało to w środę.",
    "ru": "Компания Amazon вложит ещё 4 млрд долларов в стартап Anthropic. Общая сумма "
          "инвестиций достигла 8 млрд долларов, сообщила компания в среду.",
    "ja": "アマゾンは米新興企業アンソロピックに40億ドルを追加出資すると発表した。"
          "出資総額は80億ドルとなる。",
    "zh": "亚马逊宣布再向人工智能初创公司Anthropic追加40亿美元投资，总投资额达到80亿美元。",
    "it": "Nvidia investirà fino a 100 miliardi di dollari in OpenAI: è la più grande "
          "operazione dell'anno, più di qualsiasi altra.",
    "de": "Microsoft wird rund 80 Milliarden Dollar für Rechenzentren ausgeben, für "
          "künstliche Intelligenz in großem Maßstab.",
    "fr": "Aujourd'hui à Paris, Mistral a levé 1,7 milliard d'euros auprès d'ASML, "
          "près de l'église.",
}
ENCODED = [
    ("pl", "windows-1250"), ("pl", "iso-8859-2"), ("ru", "windows-1251"), ("ru", "koi8-r"),
    ("ja", "shift_jis"), ("zh", "gb18030"), ("it", "windows-1252"), ("de", "windows-1252"),
    ("fr", "windows-1252"), ("pl", "utf-16-le"), ("ru", "utf-16-be"), ("ja", "utf-16-le"),
    ("zh", "utf-16-be"),
]


@pytest.mark.parametrize(("lang", "encoding"), ENCODED)
def test_legacy_encodings_are_detected(lang, encoding):
    data = SENTENCES[lang].encode(encoding)
    got = decode_text(data, "a.txt")
    assert (got.text, got.encoding) == (SENTENCES[lang], encoding)
    assert got.guessed


def test_mojibake_candidates_lose():
    # Polish in windows-1250 also decodes as windows-1252 (Łączna → £¹czna), Russian
    # windows-1251 as KOI8-R and back, Japanese Shift-JIS as GB18030: all strictly.
    polish = SENTENCES["pl"].split(" Źródło")[0]  # Ź has no windows-1252 byte
    for text, right, wrong in ((polish, "windows-1250", "windows-1252"),
                               (SENTENCES["ru"], "windows-1251", "koi8-r"),
                               (SENTENCES["ru"], "koi8-r", "windows-1251"),
                               (SENTENCES["ja"], "shift_jis", "gb18030")):
        mojibake = text.encode(right).decode(wrong)
        assert mojibake != text
        assert _score(mojibake, wrong in MULTIBYTE) < _score(text, right in MULTIBYTE)
        assert decode_text(text.encode(right), "a").encoding == right


def test_short_words_of_one_script():
    assert decode_text("Россия".encode("windows-1251"), "a").encoding == "windows-1251"
    assert decode_text("Россия".encode("koi8-r"), "a").encoding == "koi8-r"
    assert decode_text("Żółw".encode("windows-1250"), "a").text == "Żółw"


@pytest.mark.parametrize("seed", range(6))
def test_random_bytes_are_reported_not_decoded(seed):
    rng = random.Random(seed)
    for size in (64, 1000, 20_000):
        low = 0x80 if seed % 2 else 0  # high bytes only: no NUL, no control byte
        data = bytes(rng.randrange(low, 256) for _ in range(size))
        with pytest.raises(ReadError, match=r"^r\.bin: (binary file|not UTF-8 \(byte 0x)"):
            decode_text(data, "r.bin")


def test_text_with_a_few_garbled_bytes_names_the_first():
    data = b"ok\nprix: 5 milliards d'\x80\x81\x82\x83\x84uros"
    with pytest.raises(ReadError, match=r"not UTF-8 \(byte 0x80 at line 2, column 21\)"):
        decode_text(data, "a.txt")


def test_utf8_and_marks_are_certain():
    assert decode_text("żółw".encode(), "a") == Decoded("żółw", "utf-8")
    assert decode_text("\ufeffżółw".encode("utf-16-le"), "a") == Decoded("żółw", "utf-16")
    assert not decode_text("\ufeffżółw".encode(), "a").guessed


def test_a_folder_of_good_and_bad_files(tmp_path, monkeypatch):
    """Every kind of bad input in one folder: the good files are all read, each bad
    one is in corpus.errors with its path and reason."""
    good = {
        "pl.txt": SENTENCES["pl"].encode("windows-1250"),
        "ru.txt": SENTENCES["ru"].encode("koi8-r"),
        "ja.txt": SENTENCES["ja"].encode("shift_jis"),
        "zh.md": SENTENCES["zh"].encode("gb18030"),
        "u16.txt": SENTENCES["it"].encode("utf-16-le"),
        "en.txt": b"Google invests $2 billion in Anthropic.",
    }
    for name, data in good.items():
        (tmp_path / name).write_bytes(data)
    (tmp_path / "records.jsonl").write_text(
        json.dumps({"text": "OpenAI raised $6.6 billion."}) + "\n{not json\n"
        + json.dumps({"text": "xAI raised $6 billion."}) + "\n", "utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    rng = random.Random(0)
    (tmp_path / "blob.txt").write_bytes(bytes(rng.randrange(256) for _ in range(4096)))
    (tmp_path / "locked.txt").write_text("Meta buys Scale AI.", "utf-8")
    pl.DataFrame({"body": ["x"]}).write_csv(tmp_path / "notext.csv")
    pl.DataFrame({"body": ["x"]}).write_parquet(tmp_path / "notext.parquet")
    (tmp_path / "broken.parquet").write_bytes(b"PAR1 not really")
    os.symlink(tmp_path / "loop.txt", tmp_path / "loop.txt")
    os.mkfifo(tmp_path / "pipe.txt")
    # The tests run as root, where chmod 000 does not stop a read: make the read
    # itself fail as it does for an unprivileged user.
    real = Path.read_bytes

    def read_bytes(self):
        if self.name == "locked.txt":
            raise PermissionError(13, "Permission denied", str(self))
        return real(self)

    monkeypatch.setattr(Path, "read_bytes", read_bytes)
    corpus = ds.extract([tmp_path, tmp_path / "nowhere"])

    docs = {Path(p).name: (text, enc) for p, text, enc in
            corpus.documents.select("path", "text", "encoding").rows()}
    assert docs["pl.txt"] == (SENTENCES["pl"], "windows-1250")
    assert docs["ru.txt"] == (SENTENCES["ru"], "koi8-r")
    assert docs["ja.txt"] == (SENTENCES["ja"], "shift_jis")
    assert docs["zh.md"] == (SENTENCES["zh"], "gb18030")
    assert docs["u16.txt"] == (SENTENCES["it"], "utf-16-le")
    assert docs["en.txt"][1] == "utf-8"
    assert docs["records.jsonl:1"][0] == "OpenAI raised $6.6 billion."
    assert docs["records.jsonl:3"][0] == "xAI raised $6 billion."
    assert corpus.documents.height == 8

    errors = {Path(p).name if p.startswith(str(tmp_path)) else p: why
              for p, why in corpus.errors.rows()}
    assert errors["records.jsonl:2"].startswith("bad JSON")
    assert errors["empty.txt"] == "empty file"
    assert errors["blob.txt"] == "binary file (NUL bytes), not text"
    assert errors["locked.txt"] == "Permission denied"
    assert errors["notext.csv"] == "no 'text' column (columns: body)"
    assert errors["notext.parquet"] == "no 'text' column (columns: body)"
    assert errors["broken.parquet"].startswith("unreadable")
    assert errors["loop.txt"] == "Too many levels of symbolic links"
    assert errors["pipe.txt"] == "not a regular file (a FIFO)"
    assert errors["nowhere"] == "no such file or folder"
    assert len(errors) == 10


def test_extract_command_names_files_read_in_a_guessed_encoding(tmp_path, capsys):
    (tmp_path / "ru.txt").write_bytes(SENTENCES["ru"].encode("windows-1251"))
    (tmp_path / "en.txt").write_text("Google invests $2 billion in Anthropic.", "utf-8")
    assert cli.main(["extract", str(tmp_path), "--no-cache", "-o", str(tmp_path / "out")]) == 0
    err = " ".join(capsys.readouterr().err.split())  # rich wraps long lines
    assert f"{tmp_path / 'ru.txt'}: decoded as windows-1251 (not UTF-8)" in err
    assert "en.txt: decoded" not in err
    written = pl.read_parquet(tmp_path / "out" / "documents.parquet")
    assert sorted(written["encoding"].to_list()) == ["utf-8", "windows-1251"]


@pytest.mark.parametrize(("index", "encoding"), [
    (0, "windows-1250"), (1, "shift_jis"), (2, "windows-1252"), (3, "windows-1251"),
    (3, "koi8-r"), (4, "gb18030"),
])
def test_seed_articles_in_their_legacy_encodings(index, encoding):
    """Whole real articles (pl, ja, it, ru, zh); KOI8-R has no em dash, so those
    become '?' in the bytes and must still be read as KOI8-R."""
    text = sorted(Path(__file__).resolve().parent.parent.joinpath("seeds").glob("*.txt"))[index] \
        .read_text("utf-8")
    data = text.encode(encoding, "replace")
    got = decode_text(data, "seed")
    assert (got.text, got.encoding) == (data.decode(encoding), encoding)


def test_parse_command_names_a_file_read_in_a_guessed_encoding(tmp_path, capsys):
    path = tmp_path / "ru.txt"
    path.write_bytes("Компания вложит 4 млрд долларов".encode("koi8-r"))
    assert cli.main(["parse", "--json", str(path)]) == 0
    out = capsys.readouterr()
    assert f"dealscope: {path}: decoded as koi8-r (not UTF-8)" in out.err
    assert [r["value"] for r in json.loads(out.out)] == [4e9]
