"""Pathological documents against input size: time and peak memory of `communique analyze`.

Each document is built at run time and analysed by the real command in a fresh process, so the
figures are what a user sees (start-up included) and the peak memory is that process's own.
The goal is linear growth, and every document finishing (or being skipped with its reason)
within 10 s and 600 MB.

    python benchmarks/slow_inputs.py            # every family at every size
    python benchmarks/slow_inputs.py --quick    # the smallest and largest size of each family
"""

from __future__ import annotations

import argparse
import gzip
import json
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

COMMAND = [sys.executable, "-m", "communique", "analyze"]
BUDGET_SECONDS = 10.0
BUDGET_MB = 600.0


def long_sentence(words: int) -> str:
    """One sentence of ``words`` words, dense with role words and country names."""
    chunk = "the Russian foreign minister told the American president and the French envoy"
    parts = chunk.split()
    body = " ".join(parts[i % len(parts)] for i in range(words))
    return "Moscow (Reuters) - " + body + ".\n"


def quote_run(chars: int) -> str:
    return 'He said "' + '"' * chars + '" and left.\n'


def one_line_paragraphs(lines: int) -> str:
    return "".join(f"Line {i} says the minister met the envoy.\n\n" for i in range(lines))


def html_entities(kb: int) -> str:
    return "<html><body><article><p>" + "&amp;" * (kb * 1024 // 5) + "</p></article></body></html>"


FAMILIES: dict[str, tuple[Callable[[int], str], str, list[int]]] = {
    "long sentence (words)": (long_sentence, ".txt", [5_000, 10_000, 20_000, 40_000]),
    "quote-mark run (chars)": (quote_run, ".txt", [4_000, 8_000, 16_000]),
    "one-line paragraphs": (one_line_paragraphs, ".txt", [5_000, 20_000, 50_000]),
    "HTML entities (KB)": (html_entities, ".html", [240, 480, 960]),
}


def huge_jsonl_line(path: Path, mib: int) -> None:
    """A .jsonl.gz whose one line is ``mib`` MiB of text: it compresses to almost nothing."""
    block = "word " * (1024 * 1024 // 5)
    with gzip.open(path, "wt", encoding="utf-8", compresslevel=6) as fh:
        fh.write('{"id": "huge", "text": "')
        for _ in range(mib):
            fh.write(block)
        fh.write('"}\n{"id": "after", "text": "The minister met the envoy in Paris."}\n')


# Runs the command as its only child, so that the children's peak memory is the command's own.
_WRAPPER = """
import resource, subprocess, sys
proc = subprocess.run(sys.argv[1:], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
sys.stdout.buffer.write(proc.stdout)
peak_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
sys.stderr.write(f"{peak_kb} {proc.returncode}")
"""


def run(path: Path) -> tuple[float, float, str]:
    """Wall seconds, peak MB and the outcome of analysing ``path`` in a fresh process."""
    start = time.perf_counter()
    try:
        proc = subprocess.run(
            [sys.executable, "-c", _WRAPPER, *COMMAND, str(path)],
            capture_output=True,
            text=True,
            timeout=180,
        )
    except subprocess.TimeoutExpired:
        return time.perf_counter() - start, float("nan"), "killed after 180 s"
    seconds = time.perf_counter() - start
    peak_kb, returncode = proc.stderr.split()[-2:]
    outcomes = []
    for line in proc.stdout.splitlines():
        record = json.loads(line)
        skipped = record.get("skipped")
        outcomes.append(f"skipped: {skipped}" if skipped else "analysed")
    return seconds, int(peak_kb) / 1024, "; ".join(outcomes) or f"no output (exit {returncode})"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="smallest and largest sizes only")
    parser.add_argument("--jsonl-mib", type=int, default=1024, help="size of the huge JSONL line")
    args = parser.parse_args()
    failures = 0
    print(f"{'family':<26} {'size':>8} {'seconds':>8} {'peak MB':>8}  outcome")
    with tempfile.TemporaryDirectory() as tmp:
        cases: list[tuple[str, int, Path]] = []
        for family, (build, suffix, sizes) in FAMILIES.items():
            chosen = [sizes[0], sizes[-1]] if args.quick else sizes
            for size in chosen:
                path = Path(tmp) / f"{len(cases)}{suffix}"
                path.write_text(build(size), encoding="utf-8")
                cases.append((family, size, path))
        huge = Path(tmp) / "huge.jsonl.gz"
        huge_jsonl_line(huge, args.jsonl_mib)
        cases.append(("huge JSONL line (MiB)", args.jsonl_mib, huge))
        for family, size, path in cases:
            seconds, peak, outcome = run(path)
            over = seconds > BUDGET_SECONDS or not peak <= BUDGET_MB
            failures += over
            mark = "  OVER" if over else ""
            print(f"{family:<26} {size:>8,} {seconds:>8.1f} {peak:>8.0f}  {outcome[:90]}{mark}")
            sys.stdout.flush()
    print(f"\n{failures} document(s) over {BUDGET_SECONDS:.0f} s or {BUDGET_MB:.0f} MB")
    return 1 if failures else 0


if __name__ == "__main__":
    raise SystemExit(main())
