"""Find the article inside scraped plain text: body spans, headline, byline and outlet.

Scraped or flattened web pages carry the article among menus, captions, share buttons, related
links, comment threads and cookie notices. ``analyse_layout`` never edits the text; it returns
character spans of the lines that are article body, so offsets stay valid in the input.

The method works on lines (each trimmed of surrounding whitespace) in two stages:

1. **Local score.** Each line gets a dozen-odd features from its own text: length in words
   (CJK characters count as half a word), whether it ends like a sentence, internal sentence
   breaks, commas, the share of capitalised words (menus and teaser headlines are Title Case),
   digits, link-like marks (``|``, ``»``, URLs, handles), boilerplate vocabulary (cookie,
   subscribe, share, copyright ...), date/time stamps, bylines, whether it repeats an earlier
   line or the page title, and how many title words it shares. A logistic model turns them
   into ``p1``, the chance that the line is body judged alone.
2. **Context score.** Article text comes in a run of prose. From ``p1`` we take windowed means
   (one, three and eight lines either side) and the densest run of prose: the contiguous
   stretch that maximises the sum of ``(p1 - 0.5)`` weighted by line length (Kadane's
   algorithm). A second logistic model combines position relative to that run, the window
   means and a few local features into ``p2``; lines with ``p2`` over the threshold are body.
   When no line passes, the lines of the densest run that score at least half the best
   ``p2`` are kept, so every page with prose yields some body.

Both models are plain weights in ``knowledge/plaintext_layout.json`` (with the boilerplate and
role vocabularies), fitted by ``benchmarks/eval_body.py --fit`` on the development pages. The
headline is the first line with a site suffix (" - WSJ", " | VentureBeat") cut off; that suffix,
or failing it a "More from X" / copyright line, names the outlet. Bylines are "By Name" (or
"Posted by", "Written by") at a line start or after a sentence, preferring the one nearest the
start of the body.
"""

from __future__ import annotations

import json
import math
import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache

from communique.errors import ConfigError
from communique.knowledge import data_path

__all__ = ["LayoutModel", "PlainTextLayout", "analyse_layout", "load_layout_model"]

MODEL_FILE = "plaintext_layout.json"


@dataclass(frozen=True)
class PlainTextLayout:
    """Where the article is in a plain text.

    body: character spans ``(start, end)`` of ``text`` that are article body, sorted and
        non-overlapping, each a whole line trimmed of surrounding whitespace; empty when no
        line looks like body.
    title: the detected headline, ``None`` when the text has no headline-like first line.
    byline: author names as written ("Stephanie Gaskell"), empty when none is found.
    outlet: the publication the text names itself ("DefenseOne"), ``None`` when none.
    """

    body: tuple[tuple[int, int], ...]
    title: str | None
    byline: tuple[str, ...]
    outlet: str | None


@dataclass(frozen=True)
class LayoutModel:
    """Weights and vocabulary of the two-stage line classifier (see the module docstring)."""

    local_weights: Mapping[str, float]
    local_bias: float
    context_stages: tuple[tuple[Mapping[str, float], float], ...]
    threshold: float
    boilerplate: frozenset[tuple[str, ...]]  # lower-cased word sequences
    longest_phrase: int
    role_words: frozenset[str]

    @classmethod
    def from_dict(cls, data: Mapping[str, object]) -> LayoutModel:
        """Build a model from the parsed JSON of ``plaintext_layout.json``."""
        try:
            local = _weights(data["local"])
            stages = [_weights(stage) for stage in data["context"]]  # type: ignore[attr-defined]
            words = [str(w) for w in data["boilerplate"]]  # type: ignore[attr-defined]
            roles = frozenset(str(w).lower() for w in data["role_words"])  # type: ignore[attr-defined]
            threshold = float(data["threshold"])  # type: ignore[arg-type]
        except (KeyError, TypeError, ValueError) as e:
            raise ConfigError(
                f"the plain-text layout model lacks or garbles a field ({e}); it needs 'local', "
                "'context', 'threshold', 'boilerplate' and 'role_words': body detection cannot run"
            ) from e
        phrases = frozenset(tuple(_WORD.findall(w.lower())) for w in words if _WORD.search(w))
        return cls(
            local_weights={k: v for k, v in local.items() if k != "bias"},
            local_bias=local.get("bias", 0.0),
            context_stages=tuple(
                ({k: v for k, v in st.items() if k != "bias"}, st.get("bias", 0.0))
                for st in stages
            ),
            threshold=threshold,
            boilerplate=phrases,
            longest_phrase=max(map(len, phrases), default=0),
            role_words=roles,
        )


def _weights(raw: object) -> dict[str, float]:
    if not isinstance(raw, Mapping):
        raise TypeError(f"expected a mapping of feature weights, found {type(raw).__name__}")
    return {str(k): float(v) for k, v in raw.items()}


@lru_cache(maxsize=4)
def load_layout_model(knowledge_dir: str = "") -> LayoutModel:
    """The layout model from ``knowledge_dir`` when it has one, else the bundled model."""
    path = data_path(MODEL_FILE, knowledge_dir)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as e:
        raise ConfigError(f"cannot read the plain-text layout model {path}: {e}") from e
    return LayoutModel.from_dict(data)


# ---------------------------------------------------------------------------------- lines

_LINE = re.compile(r"[^\n]+")
_BLANK = " \t\r\f\v\u00a0\u200b\u200c\u200d\u2060\ufeff\u3000"
_WORD = re.compile(r"\w+")
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af\uf900-\ufaff]")
_SENT_END = tuple(".!?…。！？")
_CLOSERS = "\"'”’»)]"
_SENT_BREAK = re.compile(r"[.!?。！？][\"'”’)]?\s+\S")
_LINK_MARKS = frozenset("|»›•→←▶")
_HANDLE = re.compile(r"(?<!\w)[@#]\w")
_DATETIME = re.compile(
    r"(?i)\b(?:\d{1,2}:\d{2}\s*(?:[ap]\.?m\.?)?|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|"
    r"nov|dec)[a-z]*\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}|\d{1,2}\s+(?:jan|feb|mar|apr|may|jun|"
    r"jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{4}|\d{4}-\d{2}-\d{2}|\d+\s+(?:minutes?|hours?|days?)"
    r"\s+ago|updated|published)\b"
)
_BYLINE_START = re.compile(r"(?i)^(?:by|posted by|written by|words by|story by)\b")
_ENUM = re.compile(r"^(?:\d{1,3}[.)]\s|[-*•–·]\s|\(\d{1,3}\)\s)")
_DIGITS = re.compile(r"\d+")
_COMMENTS = re.compile(
    r"(?i)\b(?:comments?|responses?|replies|reactions|leave a reply|join the discussion|"
    r"kommentare?|comentários?|comentarios?|commenti|commentaires?|комментари\w*)\b"
)
_TITLE_SEP = re.compile(r"\s+[-|–—:·»]\s+")


@dataclass(frozen=True)
class _Line:
    start: int
    end: int
    text: str
    words: float  # word count, a CJK character counting as half a word
    tokens: tuple[str, ...]
    vocab: frozenset[str]  # lower-cased words of four or more letters


def _split_lines(text: str) -> list[_Line]:
    lines = []
    for m in _LINE.finditer(text):
        raw = m.group()
        stripped = raw.strip(_BLANK)
        if not stripped:
            continue
        start = m.start() + len(raw) - len(raw.lstrip(_BLANK))
        tokens = tuple(_WORD.findall(stripped))
        cjk = 0 if stripped.isascii() else len(_CJK.findall(stripped))
        words = float(len(tokens))
        if cjk:
            words = sum(1 for t in tokens if not _CJK.search(t)) + cjk / 2.0
        vocab = frozenset(t.lower() for t in tokens if len(t) > 3 and not t.isdigit())
        lines.append(_Line(start, start + len(stripped), stripped, words, tokens, vocab))
    return lines


def _ends_sentence(s: str) -> bool:
    return s.rstrip(_CLOSERS).endswith(_SENT_END)


def _is_linky(s: str) -> bool:
    return (
        "://" in s or "www." in s or not _LINK_MARKS.isdisjoint(s)
        or (("@" in s or "#" in s) and bool(_HANDLE.search(s)))
    )


def _is_boilerplate(line: _Line, model: LayoutModel) -> bool:
    if "©" in line.text:
        return True
    words = [t.lower() for t in line.tokens]
    phrases = model.boilerplate
    for n in range(1, model.longest_phrase + 1):
        for i in range(len(words) - n + 1):
            if tuple(words[i:i + n]) in phrases:
                return True
    return False


def _local_features(
    lines: Sequence[_Line], title: str | None, model: LayoutModel
) -> list[dict[str, float]]:
    """Features of each line judged on its own text (stage 1)."""
    counts = Counter(line.text for line in lines)
    shapes = Counter(_DIGITS.sub("0", line.text) for line in lines)
    title_core = _split_title(title)[0] if title else ""
    title_words = _split_lines(title_core)[0].vocab if title_core else frozenset()
    seen: set[str] = set()
    feats = []
    for i, line in enumerate(lines):
        s, w = line.text, line.words
        alpha = [t for t in line.tokens if t[0].isalpha()]
        caps = sum(1 for t in alpha if t[0].isupper()) / len(alpha) if alpha else 1.0
        head = alpha[:6]
        head_caps = sum(1 for t in head if t[0].isupper()) / len(head) if head else 1.0
        short_share = sum(1 for t in alpha if len(t) <= 3) / len(alpha) if alpha else 0.0
        commas = sum(s.count(c) for c in ",，、،")
        is_title = i > 0 and bool(title_core) and (
            s == title or s == title_core or (len(title_core) > 15 and title_core in s
                                              and len(s) < 1.3 * len(title_core))
        )
        overlap = (
            len(line.vocab & title_words) / len(title_words)
            if title_words and not is_title else 0.0
        )
        lw = math.log1p(w)
        feats.append({
            "lw": lw,
            "lw2": lw * lw / 10.0,
            "end": float(_ends_sentence(s)),
            "colon": float(s.endswith(":")),
            "sents": min(len(_SENT_BREAK.findall(s)), 5) / 5.0,
            "caps": caps,
            "head_caps": head_caps,
            "short_words": short_share,
            "comma": min(commas / max(w, 1.0), 0.3) * 3.0,
            "digits": sum(map(str.isdigit, s)) / len(s),
            "boiler": (1.0 if w < 25 else 0.3) if _is_boilerplate(line, model) else 0.0,
            "linky": float(_is_linky(s)),
            "upper": float(s.upper() == s and any(ch.isalpha() for ch in s)),
            "dupe": float(s in seen),
            "multi": float(counts[s] > 1),
            "title": float(is_title),
            "overlap": overlap,
            "datetime": float(w < 20 and bool(_DATETIME.search(s))),
            "byline": float(bool(_BYLINE_START.match(s)) and w < 12),
            "enum": float(bool(_ENUM.match(s))),
            "template": float(w < 15 and shapes[_DIGITS.sub("0", s)] >= 3 and counts[s] < 3),
            "cmark": float(w <= 6 and bool(_COMMENTS.search(s))),
        })
        seen.add(s)
    return feats


def _logistic(feats: Mapping[str, float], weights: Mapping[str, float], bias: float) -> float:
    z = bias + sum(weights.get(k, 0.0) * v for k, v in feats.items())
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def _densest_run(values: Sequence[float]) -> tuple[int, int]:
    """Inclusive bounds of the contiguous run with the largest sum (Kadane); (0, -1) if none."""
    best, best_lo, best_hi = 0.0, 0, -1
    cur, lo = 0.0, 0
    for i, v in enumerate(values):
        if cur <= 0.0:
            cur, lo = 0.0, i
        cur += v
        if cur > best:
            best, best_lo, best_hi = cur, lo, i
    return best_lo, best_hi


def _neighbourhood(
    lines: Sequence[_Line], local: Sequence[Mapping[str, float]]
) -> list[dict[str, float]]:
    """Features of each line from its neighbours' text, which no stage changes."""
    n = len(lines)
    sums = {key: [0.0] for key in ("datetime", "template", "overlap")}
    for f in local:
        for key, acc in sums.items():
            acc.append(acc[-1] + f[key])
    headline = next((i for i in range(n) if local[i]["title"]), n)
    feats = []
    for i, line in enumerate(lines):
        a, b = max(0, i - 5), min(n, i + 6)
        near: set[str] = set()
        if line.vocab:
            for j in range(a, b):
                if j != i:
                    near |= lines[j].vocab
        f = local[i]
        feats.append({
            "after_title": float(i > headline),
            "title_dist": 1.0 / (1.0 + abs(i - headline) / 10.0) if headline < n else 0.0,
            "dt_win": (sums["datetime"][b] - sums["datetime"][a]) / 11.0,
            "template_win": (sums["template"][b] - sums["template"][a]) / 11.0,
            "overlap_win": (sums["overlap"][b] - sums["overlap"][a]) / 11.0,
            "cohesion": len(line.vocab & near) / len(line.vocab) if line.vocab else 0.0,
            **{key: f[key] for key in _CARRIED},
        })
    return feats


_CARRIED = ("lw", "end", "enum", "boiler", "dupe", "title", "datetime", "template")


def _context_features(
    lines: Sequence[_Line],
    local: Sequence[Mapping[str, float]],
    static: Sequence[Mapping[str, float]],
    p: Sequence[float],
) -> list[dict[str, float]]:
    """Features of each line from the previous stage's scores ``p`` around it."""
    n = len(lines)
    weight = [math.sqrt(1.0 + line.words) for line in lines]
    lo, hi = _densest_run([(q - 0.5) * w for q, w in zip(p, weight, strict=True)])
    wide_lo, wide_hi = _densest_run([(q - 0.25) * w for q, w in zip(p, weight, strict=True)])
    prefix = [0.0]
    for q in p:
        prefix.append(prefix[-1] + q)

    def window(i: int, k: int) -> float:
        a, b = max(0, i - k), min(n, i + k + 1)
        return (prefix[b] - prefix[a] - p[i]) / (2 * k)

    mass = sum(line.words for line, q in zip(lines, p, strict=True) if q > 0.5)
    sparse = 1.0 / (1.0 + mass / 100.0)
    anchor = next((i for i in range(n) if p[i] > 0.5 and lines[i].words >= 8), n)
    marker = next((i for i in range(anchor, n) if local[i]["cmark"]), n)
    feats = []
    for i in range(n):
        dist = lo - i if i < lo else (i - hi if i > hi else 0)
        wide = float(wide_lo <= i <= wide_hi)
        m3 = window(i, 3)
        feats.append({
            "p": p[i],
            "m1": window(i, 1),
            "m3": m3,
            "m8": window(i, 8),
            "sandwich": min(max(p[max(0, i - 2):i], default=0.0), max(p[i + 1:i + 3], default=0.0)),
            "inrun": float(dist == 0),
            "inwide": wide,
            "sparse_wide": sparse * wide,
            "sparse_m3": sparse * m3,
            "before": float(i < lo),
            "after": float(i > hi),
            "dist": math.log1p(dist) / 5.0,
            "after_comments": float(i > marker),
            **static[i],
        })
    return feats


def _scores(lines: Sequence[_Line], title: str | None, model: LayoutModel) -> list[float]:
    """The last stage's body probability for each line."""
    local = _local_features(lines, title, model)
    p = [_logistic(f, model.local_weights, model.local_bias) for f in local]
    if model.context_stages:
        static = _neighbourhood(lines, local)
        for weights, bias in model.context_stages:
            p = [_logistic(f, weights, bias) for f in _context_features(lines, local, static, p)]
    return p


def _body_mask(lines: Sequence[_Line], title: str | None, model: LayoutModel) -> list[bool]:
    p2 = _scores(lines, title, model)
    mask = [p > model.threshold for p in p2]
    if p2 and not any(mask):
        top = max(p2)
        lo, hi = _densest_run([p - top / 2.0 for p in p2])
        mask = [lo <= i <= hi and p2[i] >= top / 2.0 for i in range(len(p2))]
    return mask


# ------------------------------------------------------------------ title, byline, outlet


def _split_title(first: str) -> tuple[str, str | None]:
    """Cut site names (" - WSJ", " | News | Al Jazeera") off a page title: (headline, site)."""
    parts = _TITLE_SEP.split(first)
    site: str | None = None
    while len(parts) > 1 and len(parts[-1].split()) <= 4 and len(" ".join(parts[:-1]).split()) >= 2:
        tail = parts.pop()
        site = site or tail.strip()
    return " - ".join(parts).strip() if site else first, site


def _find_title(lines: Sequence[_Line]) -> str | None:
    if not lines:
        return None
    first = lines[0].text
    if not 2 <= lines[0].words <= 30 or (first.endswith(".") and not first.endswith("..")):
        return None
    return first


_NAME_TOKEN = r"(?:[A-Z][a-z'’\-]+|[A-Z]\.|[A-Z][a-z]*[A-Z][a-z]+|[A-ZÀ-Þ][a-zß-ÿ'’\-]+)(?!\w)"
_NAME = rf"{_NAME_TOKEN}(?:\s+{_NAME_TOKEN}){{1,3}}"
_BYLINE = re.compile(
    rf"(?:^|(?<=[.!?”\"]\s))(?:[Bb]y|BY|[Pp]osted by|[Ww]ritten by|[Ss]tory by)[:\s]+"
    rf"({_NAME}(?:\s*(?:,|and|&)\s*{_NAME})*)"
)
_NAME_ONLY = re.compile(rf"^({_NAME})$")
_SPLIT_NAMES = re.compile(r"\s*(?:,|\band\b|&)\s*")


def _clean_names(raw: str, role_words: frozenset[str]) -> tuple[str, ...]:
    names = []
    for part in _SPLIT_NAMES.split(raw):
        kept = []
        for tok in part.split():
            if tok.lower().strip(".") in role_words:
                break
            kept.append(tok)
        if len(kept) >= 2:
            names.append(" ".join(kept))
    return tuple(names)


def _find_byline(lines: Sequence[_Line], body_start: int, model: LayoutModel) -> tuple[str, ...]:
    candidates: list[tuple[int, tuple[str, ...]]] = []
    for i, line in enumerate(lines):
        names: tuple[str, ...] = ()
        if line.text.lower() in ("by", "by:") and i + 1 < len(lines):
            m = _NAME_ONLY.match(lines[i + 1].text)
            names = _clean_names(m.group(1), model.role_words) if m else ()
        else:
            m = _BYLINE.search(line.text) if "y" in line.text.lower() else None
            names = _clean_names(m.group(1), model.role_words) if m else ()
        if names:
            # the nearest byline at or before the body wins over any later one
            rank = body_start - i if i <= body_start else len(lines) + i - body_start
            candidates.append((rank, names))
    return min(candidates)[1] if candidates else ()


_MORE_FROM = re.compile(r"\bMore from ([A-Z][\w.&'’-]*(?:\s+[A-Z][\w.&'’-]*){0,3})")
_COPYRIGHT = re.compile(
    r"(?:©|\(c\)|Copyright)\s*(?:©\s*)?(?:\d{4}(?:\s*[-–]\s*\d{4})?)\s*,?\s*"
    r"([A-Z][\w.&'’-]*(?:\s+[A-Z][\w.&'’-]*){0,4})"
)


def _find_outlet(lines: Sequence[_Line], site: str | None) -> str | None:
    if site:
        return site
    for pattern in (_MORE_FROM, _COPYRIGHT):
        for line in lines:
            m = pattern.search(line.text)
            if m:
                return m.group(1).strip()
    return None


# ------------------------------------------------------------------------------ public API


def analyse_layout(text: str, model: LayoutModel | None = None) -> PlainTextLayout:
    """Mark the article body of ``text`` and find its headline, byline and outlet.

    ``text`` is not modified; body spans are character offsets into it. ``model`` defaults to
    the bundled ``knowledge/plaintext_layout.json``.
    """
    model = model or load_layout_model()
    lines = _split_lines(text)
    page_title = _find_title(lines)
    headline, site = _split_title(page_title) if page_title else (None, None)
    mask = _body_mask(lines, page_title, model)
    body = tuple((line.start, line.end) for line, keep in zip(lines, mask, strict=True) if keep)
    body_start = mask.index(True) if any(mask) else 0
    return PlainTextLayout(
        body=body,
        title=headline,
        byline=_find_byline(lines, body_start, model),
        outlet=_find_outlet(lines, site),
    )
