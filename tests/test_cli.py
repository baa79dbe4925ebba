"""The command line, run as a user would."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path


def run(*args: str, stdin: str = "") -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "dealscope.cli", *args], input=stdin, capture_output=True,
        text=True, timeout=120, env={"COLUMNS": "200", "PATH": "/usr/bin:/bin"},
    )


def test_parse_text_as_json():
    out = run("parse", "--json", "OpenAI signed a $38 billion cloud deal")
    assert out.returncode == 0, out.stderr
    rows = json.loads(out.stdout)
    assert [(r["text"], r["value"], r["unit"]) for r in rows] == [("$38 billion", 38e9, "USD")]


def test_parse_the_bundled_seeds_as_a_table():
    out = run("parse", "--seeds")
    assert out.returncode == 0, out.stderr
    assert "56 amounts in 5 texts" in out.stdout
    assert "300 亿至 400 亿美元" in out.stdout


def test_parse_a_file_and_stdin(tmp_path):
    f = tmp_path / "a.txt"
    f.write_text("Microsoft — до $5 миллиардов", encoding="utf-8")
    rows = json.loads(run("parse", "--json", str(f)).stdout)
    assert rows[0]["qualifier"] == "at_most" and rows[0]["source"] == str(f)
    rows = json.loads(run("parse", "--json", stdin="40 亿美元").stdout)
    assert rows[0]["value"] == 4e9 and rows[0]["source"] == "<stdin>"


def test_bad_files_are_named_and_the_rest_goes_on(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text("80 億ドル", encoding="utf-8")
    latin1 = tmp_path / "garbled.txt"  # Latin-1 text is read as windows-1252: garble it
    latin1.write_bytes(b"ok\nprix: 5 milliards d'\x80\x81\x82\x83\x84uros")
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    binary = tmp_path / "blob.txt"
    binary.write_bytes(b"\x00\x01\x02" * 100)
    out = run("parse", "--json", str(good), str(latin1), str(empty), str(binary))
    assert out.returncode == 1
    assert f"{latin1}: not UTF-8 (byte 0x80 at line 2, column 21)" in out.stderr
    assert f"{empty}: empty file" in out.stderr
    assert f"{binary}: binary file" in out.stderr
    assert [r["text"] for r in json.loads(out.stdout)] == ["80 億ドル"]


def test_utf16_with_bom_is_read(tmp_path):
    f = tmp_path / "u16.txt"
    f.write_bytes("\ufeffNvidia инвестирует до $10 миллиардов".encode("utf-16-le"))
    rows = json.loads(run("parse", "--json", str(f)).stdout)
    assert rows[0]["high"] == 1e10


def test_tokens_command():
    out = run("tokens", "--json", "3,500億ドル")
    assert [r["token"] for r in json.loads(out.stdout)] == ["3,500", "億", "ドル"]


def test_extract_writes_every_frame(tmp_path):
    out = tmp_path / "out"
    done = subprocess.run(
        [sys.executable, "-m", "dealscope.cli", "extract", "--no-cache", "-o", str(out),
         "--format", "json"], capture_output=True, text=True, timeout=300,
        env={"COLUMNS": "200", "PATH": "/usr/bin:/bin"})
    assert done.returncode == 0, done.stderr
    assert "5 documents" in done.stdout
    deals = json.loads((out / "deals.json").read_text("utf-8"))
    assert any(d["source"] == "Google" and d["target"] == "Anthropic" and d["kind"] == "compute"
               for d in deals)
    assert {p.name for p in out.iterdir()} >= {"deals.json", "relations.json", "timeline.json",
                                               "documents.json", "errors.json"}


def test_extract_table_writes_a_lower_bound_as_one(tmp_path):
    # "at least" after "will invest": a planned investment with no upper bound.
    (tmp_path / "a.txt").write_text("Amazon will invest at least $4 billion in Anthropic.\n",
                                    "utf-8")
    out = tmp_path / "out"
    done = subprocess.run(
        [sys.executable, "-m", "dealscope.cli", "extract", "--no-cache", "-o", str(out),
         "--format", "json", str(tmp_path / "a.txt")], capture_output=True, text=True,
        timeout=300, env={"COLUMNS": "200", "PATH": "/usr/bin:/bin"})
    assert done.returncode == 0, done.stderr
    (deal,) = json.loads((out / "deals.json").read_text("utf-8"))
    assert (deal["source"], deal["target"], deal["low"], deal["high"]) == \
        ("Amazon", "Anthropic", 4e9, None)
    assert "≥ 4 bn USD" in done.stdout


def test_extract_reads_its_arguments_as_paths(tmp_path):
    # A mistyped folder name is no such file, not a one-word text to extract from.
    out = tmp_path / "out"
    done = run("extract", "--no-cache", "-o", str(out), "no-such-folder")
    assert done.returncode == 2 and "no such file or folder: no-such-folder" in done.stderr
    assert not out.exists()
    (tmp_path / "a.txt").write_text("Amazon will invest $4 billion in Anthropic.\n", "utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "dealscope.cli", "extract", "--no-cache", "-o", str(out),
         "--format", "json", str(tmp_path / "a.txt"), "no-such-file"], capture_output=True,
        text=True, timeout=300, cwd=tmp_path, env={"COLUMNS": "200", "PATH": "/usr/bin:/bin"})
    assert done.returncode == 0, done.stderr
    assert "skipped no-such-file: no such file or folder" in done.stderr
    docs = json.loads((out / "documents.json").read_text("utf-8"))
    assert [Path(d["path"]).name for d in docs] == ["a.txt"]
