"""Fuzz ``communique analyze`` with damaged copies of the shared corpus (issue 10).

Usage: python benchmarks/fuzz_corpus.py [-n 10000] [--seed 10] [--corpus PATH] [--keep DIR]
       [--batch-size 1] [--stall 30]

Builds N fuzzed documents at run time from ``../shared/corpus/news.jsonl`` into a temporary
folder: about 60 % as lines of JSON Lines files, 30 % as .txt files and 10 % as .html files,
each damaged by one to three mutations: byte flips, truncations, NUL insertion, invalid UTF-8,
RTL marks and emoji, huge lines (50-400 KB), and for JSON Lines also lone-surrogate escapes,
U+2028/U+2029/U+0085 inside strings, a UTF-8 BOM (at the start of any line, as ``cat`` leaves
it), a missing id, nesting 100,000 deep and integers of 5,000 digits; 0.4 % of the documents
also get a run of 3,000-20,000 emoji or marks with no space (``long_run``).
Then runs ``python -m communique analyze FOLDER`` (the in-tree code) and prints:

- crashes: a traceback on stderr, a stdout line that is not JSON, a non-zero exit;
- lost documents: every input (a file, or a non-blank line of a JSONL file) must have exactly
  one record naming it as its source; missing, unexpected and duplicate ids are listed;
- the skip reasons, counted (numbers and quoted text folded so that alike reasons add up);
- the slowest documents (time between two output lines; with ``--batch-size 1``, the default,
  that is one document's read, cleaning and analysis), the median, p90 and p99;
- stuck documents: no output for ``--stall`` seconds kills the run, names the input it was
  on, and starts again after it (the JSONL lines before it blanked, so line numbers hold).

Exits 1 when anything crashed, was lost or got stuck. Nothing is written outside the temporary
folder (``--keep DIR`` writes the fuzzed inputs and the output there instead, to reproduce).
It takes about 7 minutes per 1,000 documents on two cores, most of it in the huge lines.
"""

from __future__ import annotations

import argparse
import collections
import json
import os
import queue
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus" / "news.jsonl"

LINES_PER_FILE = 250
BYTE_MUTATIONS = ("flip", "truncate", "nul", "invalid_utf8", "rtl_emoji", "huge_line")
LONG_RUN_SHARE = 0.004
"""Share of documents that also get a run of emoji or marks without spaces (spaCy's tokenizer
takes time quadratic in such a run: they are the slow documents)."""
JSONL_MUTATIONS = ("surrogate", "line_separator", "no_id", "deep", "huge_int", "bom")
INVALID_UTF8 = (b"\xff", b"\xfe\xff", b"\xc3", b"\xc0\xaf", b"\xed\xa0\xbd", b"\xf4\x90\x80\x80")
INSERTS = ("\u202e", "\u200f", "\u2066", "😀", "👨\u200d👩\u200d👧", "🇺🇦", "قال", "\ufeff")


@dataclass
class Inputs:
    folder: Path
    expected: list[str] = field(default_factory=list)
    """The source of every document, in the order ``analyze`` reads them."""
    mutations: dict[str, list[str]] = field(default_factory=dict)
    counts: collections.Counter[str] = field(default_factory=collections.Counter)


def load_corpus(path: Path) -> list[dict[str, str]]:
    records = []
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            obj = json.loads(line)
            if isinstance(obj.get("text"), str) and obj["text"].strip():
                records.append(obj)
    return records


def mutate_bytes(data: bytes, kinds: list[str], rng: random.Random, *, framed: bool) -> bytes:
    """Byte-level damage. ``framed`` (a JSONL line): never add an LF, the line stays one line."""
    buf = bytearray(data)
    for kind in kinds:
        i = rng.randrange(len(buf) + 1)
        if kind == "flip" and buf:
            for _ in range(rng.randint(1, 4)):
                j = rng.randrange(len(buf))
                flipped = buf[j] ^ rng.randrange(1, 256)
                if not (framed and flipped == 0x0A):
                    buf[j] = flipped
        elif kind == "truncate":
            del buf[max(1, i) :]
        elif kind == "nul":
            buf[i:i] = b"\x00" * rng.randint(1, 16)
        elif kind == "invalid_utf8":
            buf[i:i] = rng.choice(INVALID_UTF8)
        elif kind == "rtl_emoji":
            buf[i:i] = rng.choice(INSERTS).encode()
        elif kind == "huge_line":  # one line of 50-400 KB: a single token, or words
            word = rng.choice([b"A", b"word ", b"Minister ", b"x" * 999 + b" "])
            buf[i:i] = word * (rng.randint(50_000, 400_000) // len(word))
        elif kind == "long_run":  # 3,000-20,000 emoji or marks with no space between them
            mark = rng.choice(["😀", '"', "\u201c", "(", "-", "🇺🇦"]).encode()
            buf[i:i] = mark * rng.randint(3_000, 20_000)
    return bytes(buf)


def pick(rng: random.Random, kinds: tuple[str, ...]) -> list[str]:
    """One to three mutations; now and then (``LONG_RUN_SHARE``) a long run of marks too."""
    picked = rng.sample(kinds, rng.randint(1, 3))
    return [*picked, "long_run"] if rng.random() < LONG_RUN_SHARE else picked


def jsonl_line(record: dict[str, str], n: int, rng: random.Random) -> tuple[bytes, list[str]]:
    """One JSON line from a corpus record, damaged by one to three mutations."""
    kinds = pick(rng, BYTE_MUTATIONS + JSONL_MUTATIONS)
    obj: dict[str, object] = {
        "id": f"fuzz-{n:06d}",
        "title": record.get("title") or None,
        "text": record["text"],
    }
    if record.get("date"):
        obj["date"] = record["date"]
    text = str(obj["text"])
    if "surrogate" in kinds:
        at = rng.randrange(len(text) + 1)
        obj["text"] = text[:at] + rng.choice(["\ud83d", "\udcff", "\ud800 "]) + text[at:]
    if "line_separator" in kinds:
        at = rng.randrange(len(text) + 1)
        obj["text"] = text[:at] + rng.choice(["\u2028", "\u2029", "\x85"]) + text[at:]
    if "no_id" in kinds:
        del obj["id"]
    if "huge_int" in kinds:
        obj["n"] = 0  # replaced below by 5,000 digits
    ascii_only = rng.random() < 0.5
    line = json.dumps(obj, ensure_ascii=ascii_only).encode("utf-8", "surrogatepass")
    if "huge_int" in kinds:
        line = line.replace(b'"n": 0', b'"n": ' + b"9" * 5000)
    if "deep" in kinds:
        line = line[:-1] + b', "meta": ' + b"[" * 100_000 + b"]" * 100_000 + b"}"
    if "bom" in kinds:  # at the start of a file, or mid-file as `cat a.jsonl b.jsonl` leaves it
        line = b"\xef\xbb\xbf" + line
    byte_kinds = [k for k in kinds if k in (*BYTE_MUTATIONS, "long_run")]
    line = mutate_bytes(line, byte_kinds, rng, framed=True)
    if not line.decode("utf-8", "replace").strip().lstrip("\ufeff"):
        line = b"{" + line  # a blank line is no document: keep every fuzzed line one
    return line, kinds


def html_of(record: dict[str, str]) -> str:
    paragraphs = "".join(f"<p>{p}</p>" for p in record["text"].split("\n") if p.strip())
    title = record.get("title") or ""
    return (
        f"<!doctype html><html><head><meta charset='utf-8'><title>{title}</title></head>"
        f"<body><nav>Home | News | Sport</nav><article><h1>{title}</h1>{paragraphs}</article>"
        "<footer>Copyright</footer></body></html>"
    )


def build(folder: Path, n: int, corpus: list[dict[str, str]], rng: random.Random) -> Inputs:
    inputs = Inputs(folder)
    per_file: dict[str, tuple[bytes, list[str]]] = {}
    lines: list[bytes] = []
    line_kinds: list[list[str]] = []
    for k in range(n):
        record = rng.choice(corpus)
        roll = rng.random()
        if roll < 0.6:
            line, kinds = jsonl_line(record, k, rng)
            lines.append(line)
            line_kinds.append(kinds)
            inputs.counts["jsonl line"] += 1
        else:
            html = roll >= 0.9
            kinds = pick(rng, BYTE_MUTATIONS)
            data = (html_of(record) if html else record["text"]).encode()
            name = f"{k:06d}.{'html' if html else 'txt'}"
            per_file[name] = (mutate_bytes(data, kinds, rng, framed=False), kinds)
            inputs.counts[".html file" if html else ".txt file"] += 1
        for kind in kinds:
            inputs.counts[f"mutation {kind}"] += 1
    for start in range(0, len(lines), LINES_PER_FILE):
        chunk = lines[start : start + LINES_PER_FILE]
        kinds_chunk = line_kinds[start : start + LINES_PER_FILE]
        data = b"".join(x + b"\n" for x in chunk)
        per_file[f"dump-{start // LINES_PER_FILE:03d}.jsonl"] = (data, [])
        inputs.counts[".jsonl file"] += 1
        name = str(folder / f"dump-{start // LINES_PER_FILE:03d}.jsonl")
        for number, kinds in enumerate(kinds_chunk, 1):
            inputs.mutations[f"{name}:{number}"] = kinds
    folder.mkdir(parents=True, exist_ok=True)
    for name, (data, kinds) in per_file.items():
        (folder / name).write_bytes(data)
        if not name.endswith(".jsonl"):
            inputs.mutations[str(folder / name)] = kinds
    for path in sorted(folder.rglob("*")):  # the order of the folder walk
        if path.name.endswith(".jsonl"):
            count = path.read_bytes().count(b"\n")
            inputs.expected += [f"{path}:{i}" for i in range(1, count + 1)]
        else:
            inputs.expected.append(str(path))
    return inputs


def fold(reason: str) -> str:
    """A skip reason with its particulars folded, so that alike reasons are counted together."""
    reason = reason.split(" (")[0] if not reason.startswith("'") else reason
    reason = re.sub(r"'[^']*'", "'…'", reason)
    reason = re.sub(r"\\u[0-9a-f]{4}", r"\\uXXXX", reason)
    return re.sub(r"\d[\d,.]*", "N", reason)


@dataclass
class Outcome:
    records: list[dict[str, object]] = field(default_factory=list)
    bad_lines: list[bytes] = field(default_factory=list)
    times: list[tuple[float, str]] = field(default_factory=list)
    stuck: list[str] = field(default_factory=list)
    exits: list[int] = field(default_factory=list)
    stderr: list[str] = field(default_factory=list)


def run_once(
    folder: Path,
    inputs: Inputs,
    batch_size: int,
    stall: float,
    outcome: Outcome,
    out: BinaryIO,
    position: int,
) -> tuple[str | None, int]:
    """One ``analyze`` over ``folder`` (whose files stand for the same files of the inputs),
    starting after input number ``position``; returns the input it got stuck on (after
    killing it) or ``None`` when it finished, and the position of the last input it did."""
    index = {source: i for i, source in enumerate(inputs.expected)}
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT / "src"), env.get("PYTHONPATH")]))
    cmd = [sys.executable, "-m", "communique", "analyze", str(folder)]
    cmd += ["--batch-size", str(batch_size)]
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
    lines: queue.Queue[tuple[float, bytes | None]] = queue.Queue()
    stderr_chunks: list[bytes] = []

    def pump_stdout() -> None:
        assert proc.stdout is not None
        for raw in proc.stdout:
            lines.put((time.perf_counter(), raw))
        lines.put((time.perf_counter(), None))

    def pump_stderr() -> None:
        assert proc.stderr is not None
        stderr_chunks.extend(proc.stderr)

    threads = [threading.Thread(target=f, daemon=True) for f in (pump_stdout, pump_stderr)]
    for t in threads:
        t.start()
    prefix, original = str(folder), str(inputs.folder)
    last: float | None = None
    stuck: str | None = None
    while True:
        try:
            at, raw = lines.get(timeout=stall)
        except queue.Empty:
            nxt = position + 1
            stuck = inputs.expected[nxt] if nxt < len(inputs.expected) else "(after the last)"
            proc.kill()
            break
        if raw is None:
            break
        out.write(raw)
        try:
            record = json.loads(raw.decode("utf-8"))
            if isinstance(record.get("source"), str) and record["source"].startswith(prefix):
                record["source"] = original + record["source"][len(prefix) :]
            source = str(record.get("source"))
            outcome.records.append(record)
            position = index.get(source, position)
        except (UnicodeDecodeError, json.JSONDecodeError):
            outcome.bad_lines.append(raw[:300])
            source = "(not JSON)"
        if last is not None:  # the first line of a run also carries the model's loading time
            outcome.times.append((at - last, source))
        last = at
    outcome.exits.append(proc.wait())
    for t in threads:
        t.join(timeout=10)
    outcome.stderr.append(b"".join(stderr_chunks).decode("utf-8", "replace"))
    return stuck, position


def rest_after(inputs: Inputs, stuck: str, folder: Path) -> None:
    """A folder holding what comes after ``stuck``: later files linked as they are, and the
    rest of a JSONL file with its lines up to ``stuck`` blanked (so the line numbers hold)."""
    folder.mkdir(parents=True)
    name, _, line = stuck.rpartition(":")
    stuck_file = name if name.endswith(".jsonl") and line.isdigit() else stuck
    after = False
    for path in sorted(inputs.folder.iterdir()):
        if str(path) == stuck_file:
            after = True
            if stuck_file != stuck:
                kept = path.read_bytes().split(b"\n")
                kept[: int(line)] = [b""] * int(line)
                (folder / path.name).write_bytes(b"\n".join(kept))
        elif after:
            os.link(path, folder / path.name)


def run(inputs: Inputs, batch_size: int, stall: float, out_dir: Path) -> int:
    outcome = Outcome()
    t0 = time.perf_counter()
    folder = inputs.folder
    position = -1
    with (out_dir / "records.jsonl").open("wb") as out:
        for attempt in range(1, 100):
            stuck, position = run_once(folder, inputs, batch_size, stall, outcome, out, position)
            if stuck is None:
                break
            position += 1
            outcome.stuck.append(stuck)
            print(f"stuck on {stuck} {inputs.mutations.get(stuck, '')}: going on after it")
            # the stuck input gets a stand-in record so that it is not counted as lost twice
            outcome.records.append({"source": stuck, "id": f"(stuck {attempt})", "stuck": True})
            folder = out_dir / f"rest-{attempt:02d}"
            rest_after(inputs, stuck, folder)
    secs = time.perf_counter() - t0
    stderr = "\n".join(outcome.stderr)
    (out_dir / "stderr.txt").write_text(stderr, encoding="utf-8")
    return report(inputs, outcome, secs, stall)


def report(inputs: Inputs, outcome: Outcome, secs: float, stall: float) -> int:
    n = len(inputs.expected)
    records = [r for r in outcome.records if not r.get("stuck")]
    bad_lines, times, stuck = outcome.bad_lines, outcome.times, outcome.stuck
    stderr = "\n".join(outcome.stderr)
    tracebacks = stderr.count("Traceback (most recent call last)")
    finished = outcome.exits[-1:]  # the runs before it were killed on a stuck document
    runs = f"{len(outcome.exits)} runs" if len(outcome.exits) > 1 else "1 run"
    print(
        f"communique analyze: {runs}, exit {outcome.exits[-1]} after {secs:.1f} s "
        f"({n / secs:.1f} documents/s)"
    )
    bad_exit = sum(1 for c in finished if c not in (0, 1))
    crashes = tracebacks + len(bad_lines) + bad_exit
    print(
        f"crashes: {crashes} (tracebacks {tracebacks}, non-JSON lines {len(bad_lines)}, "
        f"exits other than 0/1 {bad_exit})"
    )
    if tracebacks:
        first = stderr[stderr.index("Traceback") :].splitlines()
        print("  " + "\n  ".join(first[-6:]))
    for raw in bad_lines[:5]:
        print(f"  not JSON: {raw[:160]!r}")
    for line in stderr.splitlines():
        if line.startswith("communique:") and "skipped" not in line:
            print(f"  stderr: {line[:200]}")

    got = collections.Counter(str(r.get("source")) for r in outcome.records)
    want = collections.Counter(inputs.expected)
    missing = sorted((want - got).elements())
    extra = sorted((got - want).elements())
    ids = collections.Counter(str(r.get("id")) for r in records)
    dup = {i: c for i, c in ids.items() if c > 1}
    lost = len(missing)
    print(
        f"lost: {lost} (inputs {n}, records {len(records)}, missing {len(missing)}, "
        f"unexpected {len(extra)}, ids shared by several records {len(dup)})"
    )
    for source in missing[:8]:
        print(f"  missing {source}  {inputs.mutations.get(source, '')}")
    for source in extra[:8]:
        print(f"  unexpected {source}")
    for i, c in list(dup.items())[:5]:
        print(f"  id {i!r} on {c} records")
    print(f"stuck (no output for {stall:.0f} s, killed, went on after it): {len(stuck)}")
    for source in stuck:
        print(f"  stuck {source}  {inputs.mutations.get(source, '')}")

    skipped = [r for r in records if r.get("skipped")]
    print(f"analysed: {len(records) - len(skipped)}; skipped: {len(skipped)}")
    reasons = collections.Counter(fold(str(r["skipped"])) for r in skipped)
    for reason, count in reasons.most_common(25):
        print(f"  {count:6}  {reason[:110]}")
    failed = sum(
        c for r, c in reasons.items() if r.startswith(("analysis failed", "cleaning failed"))
    )

    if times:
        ordered = sorted(times, reverse=True)
        q = statistics.quantiles([t for t, _ in times], n=100)
        print(
            f"time per document: median {q[49] * 1000:.1f} ms, p90 {q[89] * 1000:.1f} ms, "
            f"p99 {q[98] * 1000:.0f} ms; slowest:"
        )
        for source in stuck:
            print(f"  >{stall:5.0f} s  {source}  {inputs.mutations.get(source, '')} (stuck)")
        for t, source in ordered[:5]:
            print(f"  {t:7.2f} s  {source}  {inputs.mutations.get(source, '')}")
    bad = crashes or lost or stuck or failed
    return 1 if bad else 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("-n", type=int, default=10_000, help="fuzzed documents to build")
    parser.add_argument("--seed", type=int, default=10)
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--keep", type=Path, help="write inputs and output here, and keep them")
    parser.add_argument("--batch-size", type=int, default=1)
    parser.add_argument("--stall", type=float, default=30.0, help="seconds without output")
    args = parser.parse_args()
    if not args.corpus.exists():
        print(f"{args.corpus}: absent (the shared corpus is not beside this checkout)")
        return 0
    rng = random.Random(args.seed)
    corpus = load_corpus(args.corpus)
    base = args.keep or Path(tempfile.mkdtemp(prefix="communique-fuzz-"))
    try:
        t0 = time.perf_counter()
        inputs = build(base / "inputs", args.n, corpus, rng)
        print(
            f"fuzz_corpus: {len(inputs.expected)} documents from {args.corpus.name} "
            f"(seed {args.seed}) in {time.perf_counter() - t0:.1f} s: "
            + ", ".join(f"{c} {k}" for k, c in sorted(inputs.counts.items()) if "mutation" not in k)
        )
        print(
            "mutations: "
            + ", ".join(
                f"{k.split()[1]} {c}" for k, c in sorted(inputs.counts.items()) if "mutation" in k
            )
        )
        return run(inputs, args.batch_size, args.stall, base)
    finally:
        if args.keep is None:
            shutil.rmtree(base, ignore_errors=True)
        else:
            print(f"inputs and output kept in {base}")


if __name__ == "__main__":
    sys.exit(main())
