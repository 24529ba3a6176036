"""One bad input never takes the batch down: hostile files, lines, archives and streams.

Every input is built here at run time. Each bad document comes out as a ``Document`` whose
``skipped`` names what is wrong, the documents around it are read, and every id and source is
valid Unicode (it can be written as UTF-8 to the output and to the database).
"""

from __future__ import annotations

import gzip
import io
import json
import os
import random
import re
import sqlite3
import tracemalloc
from pathlib import Path

import pytest
from click.testing import CliRunner

from communique.errors import SourceError
from communique.records import Document
from communique.settings import Settings
from communique.sources import read_sources
from communique.sources.jsonl import read_jsonl

ARTICLE = (
    "The foreign minister said on Tuesday that the talks with the delegation went well and "
    "that both governments would meet again next month to sign the agreement. "
) * 3


def _line(**fields: object) -> str:
    return json.dumps(fields) + "\n"


def _good(doc_id: str) -> str:
    return _line(id=doc_id, text=ARTICLE)


def _valid(doc: Document) -> None:
    """The strings of ``doc`` can be written as UTF-8 (no lone surrogates)."""
    for value in (doc.id, doc.source, doc.skipped, doc.title, doc.url, doc.text, doc.html):
        if value is not None:
            value.encode("utf-8")


def _read(*sources: str, settings: Settings | None = None) -> list[Document]:
    docs = list(read_sources(list(sources), settings))
    for doc in docs:
        _valid(doc)
    return docs


def _warc(path: Path, n: int = 3, *, junk: bytes = b"") -> None:
    """``n`` HTML responses written by warcio, then ``junk``."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=True)
    for i in range(n):
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
        body = f"<html><body><article><p>{ARTICLE}</p></article></body></html>".encode()
        record = writer.create_warc_record(
            f"http://example.com/{i}", "response", payload=io.BytesIO(body), http_headers=headers
        )
        writer.write_record(record)
    path.write_bytes(buf.getvalue() + junk)


# --- lone surrogates and file names that are not UTF-8 ------------------------------------


@pytest.mark.parametrize(
    ("line", "field"),
    [
        ('{"id": "a", "text": "x \\ud83d y"}', "'text'"),
        ('{"id": "a", "html": "<p>\\udc00</p>"}', "'html'"),
        ('{"id": "a", "text": "x", "title": "T \\ud800"}', "'title'"),
    ],
)
def test_a_lone_surrogate_skips_the_line_and_the_next_is_read(
    tmp_path: Path, line: str, field: str
) -> None:
    p = tmp_path / "d.jsonl"
    p.write_text(line + "\n" + _good("next"), encoding="utf-8")
    bad, good = _read(str(p))
    assert bad.id == "a" and bad.text is None and bad.html is None
    assert bad.skipped is not None
    assert f"{field} on line 1 holds a lone surrogate (\\ud" in bad.skipped
    assert "not valid Unicode" in bad.skipped
    assert good.id == "next" and good.skipped is None


def test_a_lone_surrogate_in_the_id_gives_the_line_an_id_of_its_own(tmp_path: Path) -> None:
    p = tmp_path / "d.jsonl"
    p.write_text('{"id": "\\ud83d", "text": "x"}\n', encoding="utf-8")
    (doc,) = _read(str(p))
    assert doc.id == f"{p}:1"
    assert "'id' on line 1 holds a lone surrogate (\\ud83d at character 0)" in (doc.skipped or "")


def test_a_surrogate_pair_is_one_character_not_a_skip(tmp_path: Path) -> None:
    p = tmp_path / "d.jsonl"
    p.write_text('{"id": "e", "text": "smile \\ud83d\\ude00"}\n', encoding="utf-8")
    (doc,) = _read(str(p))
    assert doc.skipped is None and doc.text == "smile \U0001f600"


def test_a_file_name_that_is_not_utf8_is_escaped(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    try:
        fd = os.open(os.path.join(os.fsencode(folder), b"\xff.txt"), os.O_WRONLY | os.O_CREAT)
    except OSError:
        pytest.skip("this file system refuses names that are not UTF-8")
    os.write(fd, ARTICLE.encode())
    os.close(fd)
    (folder / "b.txt").write_text(ARTICLE, encoding="utf-8")
    docs = {d.id: d for d in _read(str(folder))}
    assert sorted(docs) == ["\\xff", "b"]
    escaped = docs["\\xff"]
    assert escaped.source == str(folder / "\\xff.txt")
    assert escaped.text == ARTICLE and escaped.skipped is None


# --- JSON lines that break the parser -----------------------------------------------------


@pytest.mark.parametrize(
    ("bad", "reason"),
    [
        ("[" * 100_000, "line 2 is nested too deeply"),
        ('{"id": "n", "n": ' + "1" * 5000 + "}", "line 2 cannot be read: Exceeds the limit"),
        ('{"id": 1' + "2" * 5000 + ', "text": "x"}', "line 2 cannot be read"),
        ("{not json", "line 2 is not valid JSON"),
        ("[1, 2]", "line 2 holds a JSON list, not an object"),
        ('{"id": "t", "text": 5}', "'text' on line 2 is a number, not a string"),
    ],
)
def test_a_line_the_parser_rejects_is_one_skip(tmp_path: Path, bad: str, reason: str) -> None:
    p = tmp_path / "d.jsonl"
    p.write_text(_good("a") + bad + "\n" + _good("c"), encoding="utf-8")
    docs = _read(str(p))
    assert [d.skipped is None for d in docs] == [True, False, True]
    assert [d.id for d in docs][::2] == ["a", "c"]
    assert reason in (docs[1].skipped or "")


def test_read_jsonl_turns_parser_failures_into_source_errors(tmp_path: Path) -> None:
    for n, bad in enumerate(["[" * 100_000, '{"n": ' + "1" * 5000 + "}"]):
        p = tmp_path / f"g{n}.jsonl"
        p.write_text('{"id": 1}\n' + bad + "\n", encoding="utf-8")
        with pytest.raises(SourceError, match=f"^{p}:2: not readable"):
            list(read_jsonl(p))


# --- damaged files and archives -------------------------------------------------------------


def test_a_truncated_jsonl_gz_yields_the_lines_before_the_break(tmp_path: Path) -> None:
    data = gzip.compress("".join(_good(str(i)) for i in range(200)).encode())
    p = tmp_path / "cut.jsonl.gz"
    p.write_bytes(data[: len(data) // 2])
    docs = _read(str(p))
    *good, rest = docs
    assert good and all(d.skipped is None for d in good)
    assert [d.id for d in good] == [str(i) for i in range(len(good))]
    assert rest.skipped is not None
    assert rest.skipped.startswith(f"file is truncated after line {len(good)} (gzip: ")
    assert rest.id == rest.source == f"{p}:{len(good) + 1}"


def test_a_jsonl_gz_that_is_not_gzip_is_one_skip(tmp_path: Path) -> None:
    p = tmp_path / "plain.jsonl.gz"
    p.write_text(_good("a"), encoding="utf-8")
    (doc,) = _read(str(p))
    assert "file cannot be read from its first line (gzip: " in (doc.skipped or "")


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"", "empty file"),
        (random.Random(7).randbytes(4000), "not a WARC file"),
        (gzip.compress(b""), "not a WARC file"),
        (gzip.compress(b"this is not a warc file"), "not a WARC file"),
        (b"\x1f\x8b" + random.Random(8).randbytes(400), "not a WARC file (gzip: "),
    ],
)
def test_a_corrupt_warc_in_a_folder_is_skipped_and_the_walk_goes_on(
    tmp_path: Path, content: bytes, reason: str
) -> None:
    (tmp_path / "a.warc.gz").write_bytes(content)
    (tmp_path / "b.txt").write_text(ARTICLE, encoding="utf-8")
    bad, good = _read(str(tmp_path))
    assert bad.id == bad.source == str(tmp_path / "a.warc.gz")
    assert reason in (bad.skipped or "")
    assert good.id == "b" and good.text == ARTICLE


@pytest.mark.parametrize(
    "junk",
    [
        b"garbage after the last record\n" * 5,
        random.Random(9).randbytes(600),
        b"\x1f\x8b" + random.Random(10).randbytes(600),
    ],
)
def test_junk_after_valid_warc_records_keeps_the_records(tmp_path: Path, junk: bytes) -> None:
    p = tmp_path / "crawl.warc.gz"
    _warc(p, 3, junk=junk)
    docs = _read(str(p))
    assert [d.url for d in docs[:3]] == [f"http://example.com/{i}" for i in range(3)]
    assert all(d.html and d.skipped is None for d in docs[:3])
    (rest,) = docs[3:]
    assert "file cannot be read after record 3 (warc: " in (rest.skipped or "")
    assert rest.id == f"{p}#record-4"


def _offsets(path: Path) -> list[int]:
    """Where each record of ``path`` starts (and, last, where the file ends)."""
    from warcio.archiveiterator import ArchiveIterator

    with path.open("rb") as fh:
        archive = ArchiveIterator(fh)
        starts = []
        for _ in archive:
            starts.append(archive.get_record_offset())
    return [*starts, path.stat().st_size]


@pytest.mark.parametrize("compressed", [True, False])
@pytest.mark.parametrize("where", [0.1, 0.3, 0.7])
def test_a_truncated_warc_keeps_the_records_before_the_break(
    tmp_path: Path, compressed: bool, where: float
) -> None:
    p = tmp_path / ("crawl.warc.gz" if compressed else "crawl.warc")
    _warc(p, 6)
    if not compressed:
        p.write_bytes(gzip.decompress(p.read_bytes()))
    starts = _offsets(p)
    cut = starts[4] + int((starts[5] - starts[4]) * where)  # inside the fifth record
    p.write_bytes(p.read_bytes()[:cut])
    docs = _read(str(p))
    assert [d.url for d in docs if d.skipped is None] == [
        f"http://example.com/{i}" for i in range(4)
    ]
    # warcio notices a cut inside a record's header itself (and says so), or it does not.
    assert re.match(
        r"file (is truncated|cannot be read after record 4 \(warc: )", docs[-1].skipped or ""
    )
    assert len(docs) == 5


def test_a_warc_cut_at_a_record_boundary_is_a_shorter_warc(tmp_path: Path) -> None:
    p = tmp_path / "crawl.warc.gz"
    _warc(p, 6)
    p.write_bytes(p.read_bytes()[: _offsets(p)[4]])
    assert [d.skipped for d in _read(str(p))] == [None] * 4


def test_a_warc_gzipped_as_one_stream_is_read_whole(tmp_path: Path) -> None:
    p = tmp_path / "crawl.warc.gz"
    _warc(p, 4)
    whole = gzip.compress(gzip.decompress(p.read_bytes()))  # `gzip crawl.warc`: one member
    p.write_bytes(whole)
    assert [d.url for d in _read(str(p)) if d.skipped is None] == [
        f"http://example.com/{i}" for i in range(4)
    ]
    p.write_bytes(whole[: len(whole) * 9 // 10])
    *good, rest = _read(str(p))
    assert all(d.skipped is None for d in good)
    assert (rest.skipped or "").startswith(f"file is truncated after record {len(good)} (gzip: ")


def test_a_reader_failing_unexpectedly_costs_one_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import communique.sources as sources

    real = sources.read_file

    def flaky(path: Path, settings: Settings) -> Document:
        if path.name == "a.txt":
            raise RuntimeError("disk on fire")
        return real(path, settings)

    monkeypatch.setattr(sources, "read_file", flaky)
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "b.txt").write_text(ARTICLE, encoding="utf-8")
    bad, good = _read(str(tmp_path))
    assert bad.skipped == "file cannot be read (RuntimeError: disk on fire)"
    assert bad.id == str(tmp_path / "a.txt") and good.id == "b"


@pytest.mark.skipif(hasattr(os, "geteuid") and os.geteuid() == 0, reason="root reads anything")
def test_a_file_that_cannot_be_opened_is_skipped_in_a_folder_and_an_error_when_named(
    tmp_path: Path,
) -> None:
    locked = tmp_path / "a.txt"
    locked.write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "b.txt").write_text(ARTICLE, encoding="utf-8")
    locked.chmod(0)
    try:
        bad, good = _read(str(tmp_path))
        assert "cannot be opened" in (bad.skipped or "") and good.id == "b"
        with pytest.raises(SourceError, match="cannot be opened"):
            _read(str(locked))
    finally:
        locked.chmod(0o644)


def test_a_named_path_that_does_not_exist_still_raises(tmp_path: Path) -> None:
    with pytest.raises(SourceError, match="no such file"):
        _read(str(tmp_path / "absent.jsonl"))
    with pytest.raises(SourceError, match="no such file"):
        _read("a\x00b.txt")


# --- sizes: checked before a whole line is read -------------------------------------------


def test_an_oversized_line_in_a_jsonl_gz_is_never_held_whole(tmp_path: Path) -> None:
    p = tmp_path / "big.jsonl.gz"
    with gzip.open(p, "wb") as fh:
        fh.write(_good("a").encode() + b'{"id": "big", "text": "')
        block = b"x" * (1 << 20)
        for _ in range(64):
            fh.write(block)
        fh.write(b'"}\n' + _good("c").encode())
    assert p.stat().st_size < 1_000_000
    tracemalloc.start()
    try:
        docs = _read(str(p), settings=Settings(max_bytes=100_000))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert [d.id for d in docs] == ["a", f"{p}:2", "c"]
    assert "line 2 is over the 100,000-byte limit" in (docs[1].skipped or "")
    assert peak < 16_000_000, f"peak {peak:,} bytes: the 64 MiB line was held in memory"


def test_split_lines_drops_an_oversized_line_as_it_streams() -> None:
    from communique.sources.jsonl import split_lines

    chunks = [b"ab\nc", b"d" * 50, b"e\n", b"\n", b"fg"]
    assert list(split_lines(chunks, 10)) == [(1, b"ab"), (2, None), (3, b""), (4, b"fg")]
    assert list(split_lines([b"x\r\n", b"y\xe2\x80\xa8z\n"])) == [
        (1, b"x\r"),
        (2, b"y\xe2\x80\xa8z"),
    ]


def test_an_oversized_line_on_stdin_costs_only_that_line() -> None:
    data = (_good("a") + _line(id="big", text="x" * 5000) + _good("c")).encode()
    docs = list(read_sources(["-"], Settings(max_bytes=2000), stdin=io.BytesIO(data)))
    assert [d.id for d in docs] == ["a", "-:2", "c"]
    assert "line 2 is over the 2,000-byte limit" in (docs[1].skipped or "")


# --- framing and encodings --------------------------------------------------------------------


def test_jsonl_on_stdin_is_framed_by_newlines_only() -> None:
    text = "one\u2028two\u2029three\x85four\x0bfive\x1cend"
    data = json.dumps({"id": "s", "text": text}, ensure_ascii=False).encode() + b"\n"
    (doc,) = read_sources(["-"], stdin=io.BytesIO(data))
    assert doc.skipped is None and doc.text == text


def test_jsonl_by_path_and_on_stdin_read_the_same(tmp_path: Path) -> None:
    data = (
        json.dumps({"id": "s", "text": "a\u2028b"}, ensure_ascii=False) + "\n" + _good("t")
    ).encode()
    p = tmp_path / "d.jsonl"
    p.write_bytes(data)
    from_path = [(d.id, d.text) for d in read_sources([str(p)])]
    from_stdin = [(d.id, d.text) for d in read_sources(["-"], stdin=io.BytesIO(data))]
    assert from_path == from_stdin and from_path[0] == ("s", "a\u2028b")


def test_a_utf8_bom_before_line_one_is_ignored(tmp_path: Path) -> None:
    data = b"\xef\xbb\xbf" + (_good("a") + _good("b")).encode()
    p = tmp_path / "d.jsonl"
    p.write_bytes(data)
    assert [d.id for d in _read(str(p))] == ["a", "b"]
    gz = tmp_path / "d.jsonl.gz"
    gz.write_bytes(gzip.compress(data))
    assert [d.id for d in _read(str(gz))] == ["a", "b"]
    assert [d.id for d in read_sources(["-"], stdin=io.BytesIO(data))] == ["a", "b"]


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be"])
def test_utf16_text_with_a_bom_is_text(tmp_path: Path, encoding: str) -> None:
    data = ("\ufeff" if encoding != "utf-16" else "") + ARTICLE
    raw = data.encode(encoding)
    p = tmp_path / "u.txt"
    p.write_bytes(raw)
    (from_file,) = _read(str(p))
    (from_stdin,) = read_sources(["-"], stdin=io.BytesIO(raw))
    assert from_file.skipped is None and from_file.text == ARTICLE
    assert from_stdin.skipped is None and from_stdin.text == ARTICLE


def test_utf16_html_with_a_bom_is_html(tmp_path: Path) -> None:
    p = tmp_path / "page"
    p.mkdir()
    f = p / "u.html"
    f.write_bytes(f"<html><body><p>{ARTICLE}</p></body></html>".encode("utf-16"))
    (doc,) = _read(str(f))
    assert doc.skipped is None and doc.html is not None and ARTICLE in doc.html


# --- ids of skipped documents -------------------------------------------------------------


def test_lines_without_an_id_get_distinct_ids_that_a_rerun_repeats(tmp_path: Path) -> None:
    p = tmp_path / "d.jsonl"
    bad = ['{"title": "a"}', "[1]", '{"text": ""}', '{"x": 1}', "{nope", '{"text": "  "}']
    p.write_text("\n".join([*bad, _line(text=ARTICLE)]), encoding="utf-8")
    first, second = _read(str(p)), _read(str(p))
    ids = [d.id for d in first]
    assert ids == [f"{p}:{n}" for n in range(1, len(bad) + 2)]  # the good line's too (issue 10)
    assert all(d.skipped for d in first[:-1]) and first[-1].skipped is None
    assert ids == [d.id for d in second]


def test_a_skipped_stdin_document_has_an_id() -> None:
    (doc,) = read_sources(["-"], stdin=io.BytesIO(b"\x00\x01binary\x00" * 10))
    assert doc.skipped and doc.id == "-"


# --- the commands -------------------------------------------------------------------------


def _hostile_jsonl(path: Path) -> list[str]:
    lines = [
        _good("ok-1"),
        '{"id": "sur", "text": "x \\ud83d y"}\n',
        "[" * 100_000 + "\n",
        '{"id": "n", "n": ' + "1" * 5000 + "}\n",
        '{"title": "no text"}\n',
        "{broken\n",
        _good("ok-2"),
    ]
    path.write_text("".join(lines), encoding="utf-8")
    return lines


def test_analyze_writes_one_line_per_input_document(tmp_path: Path) -> None:
    from communique.cli import main

    p = tmp_path / "in.jsonl"
    lines = _hostile_jsonl(p)
    folder = tmp_path / "more"
    folder.mkdir()
    data = gzip.compress("".join(_good(f"gz-{i}") for i in range(50)).encode())
    (folder / "a.jsonl.gz").write_bytes(data[: len(data) // 2])
    (folder / "b.warc.gz").write_bytes(b"")
    (folder / "c.txt").write_text(ARTICLE, encoding="utf-8")
    result = CliRunner().invoke(main, ["analyze", str(p), str(folder)])
    assert result.exit_code == 0, result.output
    records = [json.loads(ln) for ln in result.stdout.splitlines() if ln.strip()]
    by_id = {r["id"]: r for r in records}
    assert len(by_id) == len(records)
    mine = records[: len(lines)]
    assert [r["skipped"] is None for r in mine] == [True, False, False, False, False, False, True]
    assert "lone surrogate" in by_id["sur"]["skipped"]
    assert by_id["c"]["skipped"] is None  # the files after the damaged ones were read
    gz = [r for r in records if r["source"].startswith(str(folder / "a.jsonl.gz"))]
    assert all(r["skipped"] is None for r in gz[:-1])
    assert gz[-1]["skipped"].startswith(f"file is truncated after line {len(gz) - 1} (gzip: ")
    assert "empty file" in by_id[str(folder / "b.warc.gz")]["skipped"]


def test_analyze_exits_non_zero_only_when_nothing_was_processed(tmp_path: Path) -> None:
    from communique.cli import main

    (tmp_path / "a.warc.gz").write_bytes(b"")
    result = CliRunner().invoke(main, ["analyze", str(tmp_path / "a.warc.gz")])
    assert result.exit_code == 1
    (record,) = [json.loads(ln) for ln in result.stdout.splitlines() if ln.strip()]
    assert "empty file" in record["skipped"]


def test_analyze_never_writes_an_invalid_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from communique.cli import analyze as command
    from communique.cli import main

    docs = [
        Document(source="x", id="bad\ud83d", text=ARTICLE),
        Document(source="y", id="ok", text=ARTICLE),
    ]
    monkeypatch.setattr(command, "_documents", lambda paths, settings: iter(docs))
    result = CliRunner().invoke(main, ["analyze", "-"])
    assert result.exit_code == 0, result.output
    bad, good = [json.loads(ln) for ln in result.stdout.splitlines() if ln.strip()]
    assert bad["id"] == "bad\\ud83d" and "lone surrogate (\\ud83d" in bad["skipped"]
    assert good["id"] == "ok" and good["skipped"] is None


def test_ingest_stores_the_documents_after_the_bad_ones(tmp_path: Path) -> None:
    from communique.cli import main

    p = tmp_path / "in" / "d.jsonl"
    p.parent.mkdir()
    lines = _hostile_jsonl(p)
    (tmp_path / "in" / "a.warc.gz").write_bytes(random.Random(3).randbytes(500))
    (tmp_path / "in" / "z.txt").write_text(ARTICLE, encoding="utf-8")
    try:
        fd = os.open(os.path.join(os.fsencode(p.parent), b"\xff.txt"), os.O_WRONLY | os.O_CREAT)
        os.write(fd, ARTICLE.encode())
        os.close(fd)
        named = 1
    except OSError:
        named = 0
    db = str(tmp_path / "c.db")
    args = ["ingest", str(p.parent), "--db", db, "--json"]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    summary = json.loads(result.stdout)
    bad = len(lines) - 2 + 1  # five bad lines, the corrupt WARC
    assert summary["seen"] == len(lines) + 2 + named
    assert summary["skipped"] == bad and summary["unchanged"] == 0
    with sqlite3.connect(db) as con:
        docs = {r[0] for r in con.execute("SELECT id FROM documents")}
        skips = {r[0] for r in con.execute("SELECT id FROM skips")}
    assert {"ok-1", "ok-2", "z"} <= docs
    assert ("\\xff" in docs) == bool(named)
    assert len(skips) == bad
    again = json.loads(CliRunner().invoke(main, args).stdout)
    assert again["unchanged"] == summary["seen"] and again["added"] == 0
