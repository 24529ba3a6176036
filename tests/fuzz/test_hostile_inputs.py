"""The hostile inputs of issue 10 ("Nothing lost, nothing stuck"), through the CLI in-process.

Each input is built at run time in ``tmp_path`` and run through ``communique analyze`` and/or
``communique ingest --db``. What README.md promises, checked for each:

- no traceback (and no bare "Aborted!");
- one output line (or one database row, in ``documents`` or ``skips``) per document, with
  ``skipped`` saying why for a document that cannot be read;
- the documents after a bad one are not lost;
- the exit code is non-zero only when nothing could be processed.

A test commented "issue 10: ..." or "found by the fuzzers: ..." failed before the readers were
fixed.
"""

from __future__ import annotations

import gzip
import json
import os
import random
import sqlite3
import zlib
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner, Result
from fuzzing import html_page, warc_bytes

from communique.cli import main

from helpers import ROOT

SCHEMA = json.loads((ROOT / "src/communique/schema/analysis.schema.json").read_text("utf-8"))

ARTICLE = (
    "The foreign minister said on Monday that the talks in Geneva had gone well. "
    '"We will meet again next week," he told reporters. '
    "Russia accused the United States of violating the agreement."
)


def good_line(i: int) -> str:
    return json.dumps({"id": f"g{i}", "text": f"{ARTICLE} Edition {i}."})


def run(
    args: list[str], *, stdin: bytes | None = None, env: dict[str, str] | None = None
) -> Result:
    result = CliRunner().invoke(main, args, input=stdin, env=env)
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise AssertionError(f"traceback from {args}") from result.exception
    assert "Traceback" not in result.output
    assert "Aborted!" not in result.output
    return result


def records(result: Result) -> list[dict]:
    """Every stdout line of ``analyze`` is one JSON record valid against the schema."""
    out = []
    # split on LF only: a record may hold U+2028, U+0085 ... (str.splitlines would split there)
    for line in result.stdout.split("\n"):
        if not line:
            continue
        record = json.loads(line)
        jsonschema.validate(record, SCHEMA)
        out.append(record)
    return out


def analyze(
    *args: str, stdin: bytes | None = None, env: dict[str, str] | None = None
) -> tuple[int, list[dict], str]:
    result = run(["analyze", *args], stdin=stdin, env=env)
    return result.exit_code, records(result), result.stderr


def ingest(
    db: Path, *args: str, env: dict[str, str] | None = None
) -> tuple[int, dict, dict[str, int]]:
    result = run(["ingest", *args, "--db", str(db), "--json"], env=env)
    summary = json.loads(result.stdout) if result.stdout.strip() else {}
    return result.exit_code, summary, table_rows(db)


def table_rows(db: Path) -> dict[str, int]:
    if not db.exists():
        return {}
    with sqlite3.connect(db) as conn:
        return {
            t: conn.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0]
            for t in ("documents", "skips")
        }


def stored_ids(db: Path) -> set[str]:
    with sqlite3.connect(db) as conn:
        return {
            r[0] for r in conn.execute("SELECT id FROM documents UNION ALL SELECT id FROM skips")
        }


def by_id(recs: list[dict]) -> dict[str, dict]:
    return {r["id"]: r for r in recs}


def assert_good(recs: list[dict], *ids: str) -> None:
    """Each of ``ids`` has a record that was analysed, not skipped."""
    found = by_id(recs)
    for i in ids:
        assert i in found, f"{i} lost: {sorted(found)}"
        assert found[i]["skipped"] is None, found[i]["skipped"]


def jsonl_with(tmp_path: Path, bad: bytes, name: str = "dump.jsonl") -> Path:
    """A JSONL file: a good line, the bad line, a good line."""
    path = tmp_path / name
    path.write_bytes(good_line(1).encode() + b"\n" + bad + b"\n" + good_line(2).encode() + b"\n")
    return path


def check_three_lines(tmp_path: Path, path: Path) -> None:
    """analyze gives 3 records (the bad one skipped with a reason), ingest stores 3 rows."""
    code, recs, _ = analyze(str(path))
    assert code == 0
    assert len(recs) == 3
    assert_good(recs, "g1", "g2")
    assert recs[1]["skipped"]
    db = tmp_path / "c.db"
    code, summary, rows = ingest(db, str(path))
    assert code == 0
    assert rows["documents"] + rows["skips"] == 3, (summary, rows)


# --- the known failures of issue 10 ------------------------------------------------------------


# issue 10: a lone surrogate in a JSONL text crashed analyze at output
def test_lone_surrogate_escape_in_a_jsonl_text(tmp_path: Path) -> None:
    path = jsonl_with(tmp_path, rb'{"id": "a", "text": "x \ud83d y"}')
    code, recs, _ = analyze(str(path))
    assert code == 0
    assert [r["id"] for r in recs] == ["g1", "a", "g2"]
    assert_good(recs, "g1", "g2")
    db = tmp_path / "c.db"
    code, _, rows = ingest(db, str(path))
    assert code == 0 and rows["documents"] + rows["skips"] == 3


# issue 10: a JSONL line nested 100,000 arrays deep lost the file
def test_a_line_nested_100000_deep(tmp_path: Path) -> None:
    check_three_lines(tmp_path, jsonl_with(tmp_path, b"[" * 100_000 + b"]" * 100_000))


# issue 10: a JSONL line nested 100,000 deep inside a record lost the file
def test_a_record_holding_a_value_nested_100000_deep(tmp_path: Path) -> None:
    bad = b'{"id": "deep", "text": "x", "meta": ' + b"[" * 100_000 + b"]" * 100_000 + b"}"
    check_three_lines(tmp_path, jsonl_with(tmp_path, bad))


# issue 10: a JSONL integer of more than 4,300 digits lost the file
def test_a_line_with_a_5000_digit_integer(tmp_path: Path) -> None:
    bad = b'{"id": "big", "text": "Officials said.", "n": ' + b"9" * 5000 + b"}"
    path = jsonl_with(tmp_path, bad)
    code, recs, _ = analyze(str(path))
    assert code == 0
    assert len(recs) == 3
    assert_good(recs, "g1", "g2")
    code, _, rows = ingest(tmp_path / "c.db", str(path))
    assert code == 0 and rows["documents"] + rows["skips"] == 3


def truncated_gz(tmp_path: Path, name: str = "dump.jsonl.gz") -> tuple[Path, list[str]]:
    """A .jsonl.gz of 60 lines cut in half; returns the ids of the lines complete before the cut."""
    rng = random.Random(10)  # incompressible references, so that half the file is half the lines
    lines = [
        json.dumps({"id": f"g{i}", "text": f"{ARTICLE} Ref. {rng.randbytes(150).hex()}."})
        for i in range(60)
    ]
    blob = gzip.compress(("\n".join(lines) + "\n").encode())
    cut = blob[: len(blob) // 2]
    prefix = zlib.decompressobj(wbits=31).decompress(cut)
    complete = prefix[: prefix.rfind(b"\n") + 1].decode().splitlines()
    path = tmp_path / name
    path.write_bytes(cut)
    return path, [json.loads(x)["id"] for x in complete]


# issue 10: a truncated .jsonl.gz printed 'Aborted!'
def test_a_truncated_jsonl_gz(tmp_path: Path) -> None:
    path, complete = truncated_gz(tmp_path)
    assert len(complete) > 10
    code, recs, stderr = analyze(str(path))
    assert code == 0
    ids = [r["id"] for r in recs]
    assert ids[: len(complete)] == complete
    assert_good(recs, *complete)
    # the break is reported: a skipped record naming the file (or at least a message)
    assert any(r["skipped"] and str(path) in r["source"] for r in recs) or str(path) in stderr


# issue 10: a truncated .jsonl.gz in a folder lost the files after it
def test_a_truncated_jsonl_gz_in_a_folder_keeps_the_next_file(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    _, complete = truncated_gz(folder, "a.jsonl.gz")
    (folder / "b.txt").write_text(ARTICLE, encoding="utf-8")
    code, recs, _ = analyze(str(folder))
    assert code == 0
    assert_good(recs, *complete, "b")
    code, _, rows = ingest(tmp_path / "c.db", str(folder))
    assert code == 0
    assert rows["documents"] >= len(complete) + 1


def folder_around(tmp_path: Path, name: str, data: bytes) -> Path:
    """a.txt, then the bad file, then c.txt and d.jsonl."""
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(ARTICLE + " First.", encoding="utf-8")
    (folder / name).write_bytes(data)
    (folder / "c.txt").write_text(ARTICLE + " Third.", encoding="utf-8")
    (folder / "d.jsonl").write_text(good_line(4) + "\n", encoding="utf-8")
    return folder


def check_folder_survives(tmp_path: Path, folder: Path, bad_name: str) -> None:
    code, recs, stderr = analyze(str(folder))
    assert code == 0
    assert_good(recs, "a", "c", "g4")
    bad = str(folder / bad_name)
    assert any(r["skipped"] and r["source"].startswith(bad) for r in recs), [
        (r["source"], r["skipped"]) for r in recs
    ]
    db = tmp_path / "c.db"
    code, summary, rows = ingest(db, str(folder))
    assert code == 0, summary
    assert rows["documents"] == 3 and rows["skips"] >= 1, rows
    assert {"a", "c", "g4"} <= stored_ids(db)


# issue 10: an empty .warc.gz in a folder aborted the ingest
def test_an_empty_warc_gz_in_a_folder(tmp_path: Path) -> None:
    check_folder_survives(tmp_path, folder_around(tmp_path, "b.warc.gz", b""), "b.warc.gz")


# issue 10: a corrupt .warc.gz in a folder aborted the ingest
def test_a_corrupt_warc_gz_in_a_folder(tmp_path: Path) -> None:
    blob = bytearray(warc_bytes([html_page(i) for i in range(3)], compress=True))
    blob[40:60] = b"\x00" * 20  # inside the first deflate stream
    check_folder_survives(tmp_path, folder_around(tmp_path, "b.warc.gz", bytes(blob)), "b.warc.gz")


# issue 10: random bytes named .warc.gz aborted the folder
def test_random_bytes_named_warc_gz_in_a_folder(tmp_path: Path) -> None:
    data = b"\x1f\x8b\x08\x00" + bytes(range(256)) * 4
    check_folder_survives(tmp_path, folder_around(tmp_path, "b.warc.gz", data), "b.warc.gz")


# issue 10: garbage after valid WARC records ended with exit 1
def test_garbage_after_valid_warc_records(tmp_path: Path) -> None:
    path = tmp_path / "crawl.warc.gz"
    pages = [html_page(i) for i in range(3)]
    path.write_bytes(warc_bytes(pages, compress=True) + b"garbage after the records\n" * 5)
    code, recs, _ = analyze(str(path))
    assert code == 0
    good = [r for r in recs if r["skipped"] is None]
    assert len(good) == 3
    assert [r["url"] for r in good] == [f"https://example.org/news/{i}" for i in range(3)]


# issue 10: JSONL on stdin was split on U+2028/U+2029/U+0085
@pytest.mark.parametrize("sep", ["\u2028", "\u2029", "\x85"])
def test_line_separators_inside_jsonl_strings_on_stdin(sep: str) -> None:
    lines = [
        json.dumps({"id": f"s{i}", "text": f"{ARTICLE}{sep}Edition {i}."}, ensure_ascii=False)
        for i in range(3)
    ]
    code, recs, _ = analyze("-", stdin=("\n".join(lines) + "\n").encode())
    assert code == 0
    assert [r["id"] for r in recs] == ["s0", "s1", "s2"]
    assert_good(recs, "s0", "s1", "s2")


# issue 10: a UTF-8 BOM made line 1 'not valid JSON'
def test_a_bom_before_the_first_jsonl_line(tmp_path: Path) -> None:
    path = tmp_path / "bom.jsonl"
    path.write_bytes(b"\xef\xbb\xbf" + (good_line(1) + "\n" + good_line(2) + "\n").encode())
    code, recs, _ = analyze(str(path))
    assert code == 0
    assert [r["id"] for r in recs] == ["g1", "g2"]
    assert_good(recs, "g1", "g2")


# issue 10: lines without an id all got the same id
def test_lines_without_an_id_each_get_their_own(tmp_path: Path) -> None:
    path = tmp_path / "noid.jsonl"
    lines = [{"text": f"{ARTICLE} Edition {i}."} for i in range(3)]
    lines += [{}, {"title": "no text"}, {"text": ""}, {"text": "   "}]
    path.write_text("".join(json.dumps(x) + "\n" for x in lines), encoding="utf-8")
    code, recs, _ = analyze(str(path))
    assert code == 0
    assert len(recs) == len({r["id"] for r in recs}) == len(lines)
    db = tmp_path / "c.db"
    code, _, rows = ingest(db, str(path))
    assert code == 0
    assert rows["documents"] + rows["skips"] == len(lines), rows


# issue 10: two lines with the same text and no id shared the content-hash id (one row kept)
def test_repeated_texts_without_an_id_each_get_their_own(tmp_path: Path) -> None:
    path = tmp_path / "noid.jsonl"
    path.write_text(json.dumps({"text": ARTICLE}) + "\n" + json.dumps({"text": ARTICLE}) + "\n")
    code, recs, _ = analyze(str(path))
    assert code == 0
    assert len(recs) == len({r["id"] for r in recs}) == 2
    db = tmp_path / "c.db"
    code, _, rows = ingest(db, str(path))
    assert rows["documents"] + rows["skips"] == 2, rows


# issue 10: a folder holding a file whose name is not UTF-8 crashed ingest
def test_a_file_name_that_is_not_utf8(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(ARTICLE + " First.", encoding="utf-8")
    raw = os.fsencode(folder) + b"/b\xff\xfe.txt"
    with open(raw, "wb") as fh:
        fh.write((ARTICLE + " Second.").encode())
    (folder / "c.txt").write_text(ARTICLE + " Third.", encoding="utf-8")
    code, recs, _ = analyze(str(folder))
    assert code == 0
    assert len(recs) == 3 and all(r["skipped"] is None for r in recs)
    assert [r["id"] for r in recs][::2] == ["a", "c"]
    db = tmp_path / "c.db"
    code, _, rows = ingest(db, str(folder))
    assert code == 0 and rows["documents"] == 3


# --- found by the fuzzers (not in issue 10) ------------------------------------------------------


# found by the fuzzers: a UTF-8 BOM on stdin made the whole JSONL stream one text document
def test_a_bom_before_jsonl_on_stdin() -> None:
    data = b"\xef\xbb\xbf" + (good_line(1) + "\n" + good_line(2) + "\n").encode()
    code, recs, _ = analyze("-", stdin=data)
    assert code == 0
    assert [r["id"] for r in recs] == ["g1", "g2"]


# found by the fuzzers: a WARC cut inside a record header raised AttributeError from warcio
# (traceback)
@pytest.mark.parametrize("compress", [False, True])
def test_a_warc_cut_inside_a_record_header(tmp_path: Path, compress: bool) -> None:
    header = b"WARC/1.0\r\nWARC-Type: response\r\n"
    whole = warc_bytes([html_page(i) for i in range(2)], compress=compress)
    path = tmp_path / ("crawl.warc.gz" if compress else "crawl.warc")
    path.write_bytes(whole + (gzip.compress(header) if compress else header))
    code, recs, _ = analyze(str(path))
    assert code == 0
    assert len([r for r in recs if r["skipped"] is None]) == 2


# found by the fuzzers: a .warc.gz compressed as one gzip stream (gzip crawl.warc) yielded its
# first record only; the rest was one skip
def test_a_warc_gzipped_as_one_stream_yields_every_record(tmp_path: Path) -> None:
    path = tmp_path / "crawl.warc.gz"
    path.write_bytes(gzip.compress(warc_bytes([html_page(i) for i in range(3)], compress=False)))
    code, recs, _ = analyze(str(path))
    assert code == 0
    assert [r["url"] for r in recs] == [f"https://example.org/news/{i}" for i in range(3)]
    assert all(r["skipped"] is None for r in recs)


# found by the fuzzers: a lone CR (JSON whitespace) split a JSONL line in two (universal newlines
# in files, str.splitlines on stdin): the document was lost
@pytest.mark.parametrize("where", ["file", "stdin"])
def test_a_carriage_return_inside_a_jsonl_line(tmp_path: Path, where: str) -> None:
    data = ('{"id": "cr",\r "text": ' + json.dumps(ARTICLE) + "}\n" + good_line(2) + "\n").encode()
    if where == "file":
        path = tmp_path / "cr.jsonl"
        path.write_bytes(data)
        code, recs, _ = analyze(str(path))
    else:
        code, recs, _ = analyze("-", stdin=data)
    assert code == 0
    assert [r["id"] for r in recs] == ["cr", "g2"]
    assert_good(recs, "cr", "g2")


# found by the fuzzers: JSONL on stdin over COMMUNIQUE_MAX_BYTES in total became one skipped
# document (every line lost), though the same file named on the command line was read
def test_jsonl_on_stdin_larger_than_max_bytes_is_read_line_by_line() -> None:
    data = "".join(good_line(i) + "\n" for i in range(12)).encode()
    env = {"COMMUNIQUE_MAX_BYTES": str(len(data) // 3)}
    code, recs, _ = analyze("-", stdin=data, env=env)
    assert code == 0
    assert [r["id"] for r in recs] == [f"g{i}" for i in range(12)]


# --- what the campaign found working, kept working -----------------------------------------------


def test_a_folder_of_hostile_pages_gives_one_record_per_file(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    files = {
        "01-good.txt": ARTICLE.encode(),
        "02-empty.txt": b"",
        "03-nul.txt": ARTICLE.encode() + b"\x00" * 50 + ARTICLE.encode(),
        "04-latin1.txt": ARTICLE.replace("Geneva", "Genève").encode("latin-1"),
        "05-binary.html": bytes(range(256)) * 8,
        "06-rtl-emoji.txt": f"\u202e{ARTICLE} 👨‍👩‍👧 \u200fقال الوزير\u200f 🇺🇦".encode(),
        "07-huge-line.txt": b"A" * 70_000,
        "08-utf16.txt": ARTICLE.encode("utf-16"),
        "09-controls.txt": ("\x1b[31m\x07\x08" * 30 + ARTICLE).encode(),
        "10-quotes.txt": ('"' * 300 + ARTICLE + "\u201c" * 100 + "'" * 100).encode(),
        "11-long-token.txt": ARTICLE.encode() + b" " + b"x" * 30_000,
        "12-nav.html": b"<html><body><nav>Home | World</nav></body></html>",
        "13-bom-only.txt": b"\xef\xbb\xbf",
        "14-good.html": html_page(14).encode(),
    }
    for name, data in files.items():
        (folder / name).write_bytes(data)
    env = {"COMMUNIQUE_MAX_BYTES": "60000"}
    code, recs, stderr = analyze(str(folder), env=env)
    assert code == 0
    assert [r["id"] for r in recs if not r["id"].startswith("/")] == [
        Path(n).stem for n in files if n != "07-huge-line.txt"
    ]
    assert len(recs) == len(files)
    reasons = {Path(r["source"]).stem: r["skipped"] for r in recs}
    assert reasons["01-good"] is None and reasons["14-good"] is None
    for name in ("02-empty", "04-latin1", "05-binary", "07-huge-line", "12-nav", "13-bom-only"):
        assert reasons[name], name
    assert stderr.count("communique: skipped") == sum(1 for r in recs if r["skipped"])
    db = tmp_path / "c.db"
    code, summary, rows = ingest(db, str(folder), env=env)
    assert code == 0
    assert rows["documents"] + rows["skips"] == len(files), (summary, rows)


def test_nul_bytes_and_invalid_utf8_in_jsonl_lines_cost_only_their_line(tmp_path: Path) -> None:
    path = tmp_path / "dump.jsonl"
    path.write_bytes(
        good_line(1).encode()
        + b"\n\x00\x00\x00\n"
        + good_line(2).encode()[:-2]
        + b'\xff\xfe."}\n'
        + b'{"id": "t", "text": "cut off\n'
        + good_line(3).encode()
        + b"\n"
    )
    code, recs, _ = analyze(str(path))
    assert code == 0
    assert len(recs) == 5
    assert_good(recs, "g1", "g3")
    assert recs[1]["skipped"] and recs[3]["skipped"]


def test_exit_code_is_non_zero_only_when_nothing_could_be_processed(tmp_path: Path) -> None:
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "empty.txt").write_bytes(b"")
    (bad / "binary.txt").write_bytes(bytes(range(256)))
    (bad / "lines.jsonl").write_bytes(b"{broken\n[1, 2]\n")
    code, recs, stderr = analyze(str(bad))
    assert code == 1 and len(recs) == 4 and all(r["skipped"] for r in recs)
    assert "nothing could be analysed" in stderr
    code, _, rows = ingest(tmp_path / "bad.db", str(bad))
    assert code == 1 and rows == {"documents": 0, "skips": 4}

    (bad / "good.txt").write_text(ARTICLE, encoding="utf-8")
    code, recs, _ = analyze(str(bad))
    assert code == 0 and len(recs) == 5
    code, _, rows = ingest(tmp_path / "good.db", str(bad))
    assert code == 0 and rows == {"documents": 1, "skips": 4}
