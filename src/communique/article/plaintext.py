"""Find the article inside scraped plain text: body spans, headline, byline and outlet.

Scraped or flattened web pages carry the article among menus, captions, share buttons, related
links, comment threads and cookie notices. ``analyze_layout`` never edits the text; it returns
character spans of the lines that are article body, so offsets stay valid in the input.

The method scores lines (each trimmed of surrounding whitespace, blank lines skipped) in stages:

1. **Local stage.** Each line is judged on its own text (``LOCAL_FEATURES``): length in words
   (a CJK character counts as half a word), whether it ends like a sentence or with a colon,
   internal sentence breaks, commas, the share of capitalised words and the length of a leading
   Title-Case run (menus and teaser headlines), digits, link marks (``|``, ``»``, URLs,
   handles), boilerplate vocabulary (cookie, subscribe, share, ©), date/time stamps, "By ..."
   lines, list bullets, whether it repeats another line or the page title, how many title words
   it shares, whether its digit-blanked shape recurs ("Rating: 12 Votes"), whether it is
   numbered in sequence with a neighbour (ranked tables and numbered steps inside an article
   count up, menus do not), a comment header or vote count ("jimbo77 says:", "Reply"), a
   photo credit ("Photo: Jane Roe, AP", "Roe/Getty Images"), whether ``furniture`` found the
   line to be page furniture (computed once, and never body whatever the model says) and an
   embedded post's signature ("— Jane Roe (@janeroe) November 18, 2019", "pic.twitter.com/x":
   quoted posts are part of the story). A logistic model turns these into ``p``, the chance
   that the line is body judged alone.
2. **Context stages** (two). Article text comes as a run of prose. Each stage sees the previous
   ``p`` around every line (``CONTEXT_FEATURES``): means over one, three and eight lines either
   side, whether the line is sandwiched between likely body, and its place relative to the
   densest run of prose, i.e. the contiguous stretch that maximises the sum of ``p - 0.5`` (and
   of ``p - 0.25``) weighted by the square root of line length (Kadane's algorithm); plus
   text-only context: distance from the headline's repeat in the page, a comment-section
   marker ("167 comments") after the prose starts, the density of timestamps, recurring
   shapes and comment headers nearby, word overlap with neighbouring lines and with the
   title, closeness after a line that introduces a list ("Final standings after 36 races:"),
   how often short lines and prose alternate nearby (teasers: headline, summary, headline...),
   a photo credit beside the line (its caption) and an embedded post's signature after it (the
   post's text). A logistic model per stage gives a new
   ``p``. Lines whose last ``p`` exceeds the threshold are body; when none
   does, the densest run of lines scoring at least half the best ``p`` is kept instead.

All weights live in ``knowledge/plaintext_layout.json`` with the boilerplate phrases and the
words that end a byline name; ``benchmarks/eval_body.py --fit`` refits them on the development
pages (``--cv K`` cross-validates the fit, ``--cv-sites K`` with whole sites held out). Headline, byline and outlet come from
``plaintext_meta``.
"""

from __future__ import annotations

import json
import math
import operator
import re
from collections import Counter
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import takewhile
from typing import Any, NamedTuple

from communique.errors import ConfigError
from communique.knowledge import data_path

from .furniture import FurnitureLexicon, furniture, load_furniture, opening
from .plaintext_meta import find_byline, find_outlet, find_title, split_title

__all__ = [
    "CONTEXT_FEATURES",
    "LOCAL_FEATURES",
    "LayoutModel",
    "PlainTextLayout",
    "analyze_layout",
    "load_layout_model",
]

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
    lines: character spans of every non-blank line, trimmed, in order (empty for a blank text).
    furniture: the spans of ``lines`` that are in-body page furniture (``furniture.py``),
        which no body span includes; callers that keep every other line reuse them.
    """

    body: tuple[tuple[int, int], ...]
    title: str | None
    byline: tuple[str, ...]
    outlet: str | None
    lines: tuple[tuple[int, int], ...] = ()
    furniture: tuple[tuple[int, int], ...] = ()


@dataclass(frozen=True)
class LayoutModel:
    """Weights and vocabulary of the staged line classifier (see the module docstring).

    Each stage is ``(weights, bias)`` with one weight per name in ``LOCAL_FEATURES`` (stage 1)
    or ``CONTEXT_FEATURES`` (every later stage), in that order.
    """

    local: tuple[tuple[float, ...], float]
    context: tuple[tuple[tuple[float, ...], float], ...]
    threshold: float
    boilerplate: frozenset[tuple[str, ...]]  # lower-cased word sequences
    longest_phrase: int
    phrase_heads: frozenset[str]  # first words of the boilerplate phrases
    name_stops: frozenset[str]  # words that end a byline name ("staff", "writer", "november")

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> LayoutModel:
        """Build a model from the parsed JSON of ``plaintext_layout.json``."""
        try:
            local = _stage(data["local"], LOCAL_FEATURES)
            context = tuple(_stage(st, CONTEXT_FEATURES) for st in data["context"])
            words = [str(w) for w in data["boilerplate"]]
            stops = frozenset(str(w).lower() for w in data["name_stops"])
            threshold = float(data["threshold"])
        except (KeyError, TypeError, ValueError) as e:
            raise ConfigError(
                f"the plain-text layout model is malformed ({e!r}); it needs 'local', 'context', "
                "'threshold', 'boilerplate' and 'name_stops' with known feature names, so body "
                "detection cannot run: refit it with benchmarks/eval_body.py --fit"
            ) from e
        phrases = frozenset(tuple(_WORD.findall(w.lower())) for w in words if _WORD.search(w))
        return cls(
            local=local,
            context=context,
            threshold=threshold,
            boilerplate=phrases,
            longest_phrase=max(map(len, phrases), default=0),
            phrase_heads=frozenset(phrase[0] for phrase in phrases),
            name_stops=stops,
        )


def _stage(raw: Any, names: Sequence[str]) -> tuple[tuple[float, ...], float]:
    if not isinstance(raw, Mapping):
        raise TypeError(f"a stage must map feature names to weights, not {type(raw).__name__}")
    unknown = set(raw) - set(names) - {"bias"}
    if unknown:
        raise ValueError(f"unknown features {sorted(unknown)}")
    return tuple(float(raw.get(name, 0.0)) for name in names), float(raw.get("bias", 0.0))


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
_ENUM = re.compile(r"^(?:\d{1,3}[.)]\s|[-*•–·]\s|\(\d{1,3}\)\s)")
_DIGITS = re.compile(r"\d+")
_NO_DIGITS = str.maketrans("", "", "0123456789")
_COMMENTS = re.compile(
    r"(?i)\b(?:comments?|responses?|replies|reactions|leave a reply|join the discussion|"
    r"kommentare?|comentários?|comentarios?|commenti|commentaires?|комментари\w*)\b"
)


_LEAD_NUMBER = re.compile(r"^\(?(\d{1,3})(?!\d|[.,:]\d)")
_COMMENT_HEAD = re.compile(
    r"(?i)(?:\b(?:said|says|wrote|writes)\s*:$|^(?:reply|report|flag|quote|permalink|report "
    r"abuse|like|likes?\s+\d+)$|\b\d+\s+(?:votes?|likes?|upvotes?|points)$|^rating:)"
)

_EMBED = (
    re.compile(  # an embedded post: "— Jane Roe (@janeroe) November 18, 2019", "pic.twitter.com/x"
        r"^[—–-]{1,2}\s*\S.{0,80}\(@\w+\)\s+\w+\.?\s+\d{1,2},\s+\d{4}$|\bpic\.twitter\.com/\w+$"
    )
)

_CREDIT_KEYS = ("photo", "image", "credit", "getty", "/", "shutterstock", "via ")


class _Line(NamedTuple):
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
        lines.append(_Line(start, start + len(stripped), stripped, words, tokens, _vocab(tokens)))
    return lines


def _vocab(tokens: Sequence[str]) -> frozenset[str]:
    return frozenset(t.lower() for t in tokens if len(t) > 3 and not t.isdigit())


def _is_linky(s: str) -> bool:
    return (
        "://" in s
        or "www." in s
        or not _LINK_MARKS.isdisjoint(s)
        or (("@" in s or "#" in s) and bool(_HANDLE.search(s)))
    )


def _is_credit(s: str, lexicon: FurnitureLexicon) -> bool:
    low = s.lower()
    return any(key in low for key in _CREDIT_KEYS) and bool(lexicon.credit.search(s))


def _is_boilerplate(line: _Line, model: LayoutModel) -> bool:
    if "©" in line.text:
        return True
    words = [t.lower() for t in line.tokens]
    if model.phrase_heads.isdisjoint(words):
        return False
    for i, word in enumerate(words):
        if word in model.phrase_heads:
            for n in range(1, model.longest_phrase + 1):
                if tuple(words[i : i + n]) in model.boilerplate:
                    return True
    return False


# ----------------------------------------------------------------------------- features

LOCAL_FEATURES = (
    "lw",
    "lw2",
    "end",
    "colon",
    "sents",
    "caps",
    "head_caps",
    "short_words",
    "comma",
    "digits",
    "boiler",
    "linky",
    "upper",
    "dupe",
    "multi",
    "title",
    "overlap",
    "datetime",
    "byline",
    "enum",
    "template",
    "cmark",
    "caps_run",
    "ellipsis",
    "seq",
    "chead",
    "credit",
    "furniture",
    "embed",
)
_CARRIED = (
    "lw",
    "end",
    "enum",
    "boiler",
    "dupe",
    "title",
    "datetime",
    "template",
    "seq",
    "credit",
    "furniture",
    "embed",
)
_CARRIED_AT = tuple(LOCAL_FEATURES.index(name) for name in _CARRIED)
STATIC_FEATURES = (
    "after_title",
    "title_dist",
    "dt_win",
    "template_win",
    "overlap_win",
    "chead_win",
    "cohesion",
    "after_colon",
    "alternation",
    "credit_nb",
    "embed_next",
    *_CARRIED,
)
CONTEXT_FEATURES = (
    "p",
    "m1",
    "m3",
    "m8",
    "sandwich",
    "inrun",
    "inwide",
    "sparse_wide",
    "sparse_m3",
    "before",
    "after",
    "dist",
    "after_comments",
    *STATIC_FEATURES,
)
_TITLE_AT = LOCAL_FEATURES.index("title")
_CMARK_AT = LOCAL_FEATURES.index("cmark")
_END_AT = LOCAL_FEATURES.index("end")
_CREDIT_AT = LOCAL_FEATURES.index("credit")
_EMBED_AT = LOCAL_FEATURES.index("embed")
_WINDOWED = tuple(
    LOCAL_FEATURES.index(name) for name in ("datetime", "template", "overlap", "chead")
)


def _local_features(
    lines: Sequence[_Line],
    title: str | None,
    model: LayoutModel,
    lexicon: FurnitureLexicon,
    furn: Collection[int],
) -> list[list[float]]:
    """Stage 1: each line judged on its own text, in ``LOCAL_FEATURES`` order; ``furn`` holds
    the indices of the lines that are page furniture."""
    counts = Counter(line.text for line in lines)
    shapes = Counter(_DIGITS.sub("0", line.text) for line in lines)
    title_core = split_title(title)[0] if title else ""
    title_words = _vocab(_WORD.findall(title_core))
    seen: set[str] = set()
    leads = [_lead_number(line.text) for line in lines]
    feats = []
    for i, line in enumerate(lines):
        s, w = line.text, line.words
        lead = leads[i]
        alpha = [t for t in line.tokens if t[0].isalpha()]
        n_alpha = len(alpha) or 1
        head = alpha[:6]
        is_title = (
            i > 0
            and bool(title_core)
            and (
                s in (title, title_core)
                or (len(title_core) > 15 and title_core in s and len(s) < 1.3 * len(title_core))
            )
        )
        overlap = (
            len(line.vocab & title_words) / len(title_words)
            if title_words and not is_title
            else 0.0
        )
        commas = s.count(",") + s.count("，") + s.count("、") + s.count("،")
        lw = math.log1p(w)
        feats.append(
            [
                lw,
                lw * lw / 10.0,
                float(s.rstrip(_CLOSERS).endswith(_SENT_END)),
                float(s.endswith(":")),
                min(len(_SENT_BREAK.findall(s)), 5) / 5.0,
                sum(t[0].isupper() for t in alpha) / n_alpha if alpha else 1.0,
                sum(t[0].isupper() for t in head) / len(head) if head else 1.0,
                sum(len(t) <= 3 for t in alpha) / n_alpha if alpha else 0.0,
                min(commas / max(w, 1.0), 0.3) * 3.0,
                (len(s) - len(s.translate(_NO_DIGITS))) / len(s),
                (1.0 if w < 25 else 0.3) if _is_boilerplate(line, model) else 0.0,
                float(_is_linky(s)),
                float(s.upper() == s and s.lower() != s),
                float(s in seen),
                float(counts[s] > 1),
                float(is_title),
                overlap,
                float(w < 20 and bool(_DATETIME.search(s))),
                float(w < 12 and opening(s, lexicon.bylines) is not None),
                float(bool(_ENUM.match(s))),
                float(w < 15 and counts[s] < 3 and shapes[_DIGITS.sub("0", s)] >= 3),
                float(w <= 6 and bool(_COMMENTS.search(s))),
                sum(1 for _ in takewhile(lambda t: t[0].isupper(), alpha[:8])) / 8.0,
                float(s.endswith(("...", "…"))),
                float(
                    lead is not None
                    and (
                        (i > 0 and leads[i - 1] == lead - 1)
                        or (i + 1 < len(lines) and leads[i + 1] == lead + 1)
                    )
                ),
                float(w < 15 and bool(_COMMENT_HEAD.search(s))),
                float(_is_credit(s, lexicon)),
                float(i in furn),
                float(("@" in s or "pic." in s) and bool(_EMBED.search(s))),
            ]
        )
        seen.add(s)
    return feats


def _lead_number(s: str) -> int | None:
    """The number a line starts with ("3.", "(3)", "3a etapa", "3 Kevin Harvick"), if any."""
    m = _LEAD_NUMBER.match(s)
    return int(m.group(1)) if m else None


def _neighbourhood(lines: Sequence[_Line], local: Sequence[Sequence[float]]) -> list[list[float]]:
    """Features from the neighbours' text, which no stage changes (``STATIC_FEATURES``)."""
    n = len(lines)
    sums = []
    for at in _WINDOWED:
        acc = [0.0]
        for f in local:
            acc.append(acc[-1] + f[at])
        sums.append(acc)
    headline = next((i for i in range(n) if local[i][_TITLE_AT]), n)
    window: Counter[str] = Counter()  # words of the lines within five either side
    for line in lines[:5]:
        window.update(line.vocab)
    colon = -100  # the last line ending in a colon that introduces something ("Results:")
    prose = [line.words >= 12 and bool(f[_END_AT]) for line, f in zip(lines, local, strict=True)]
    switch = [0.0]  # short-to-prose and prose-to-short changes up to each line
    for i in range(1, n):
        switch.append(switch[-1] + (prose[i] != prose[i - 1]))
    feats = []
    for i, line in enumerate(lines):
        a, b = max(0, i - 5), min(n, i + 6)
        if i + 5 < n:
            window.update(lines[i + 5].vocab)
        if i - 6 >= 0:
            window.subtract(lines[i - 6].vocab)
        shared = sum(1 for word in line.vocab if window[word] > 1)
        feats.append(
            [
                float(i > headline),
                1.0 / (1.0 + abs(i - headline) / 10.0) if headline < n else 0.0,
                *((acc[b] - acc[a]) / 11.0 for acc in sums),
                shared / len(line.vocab) if line.vocab else 0.0,
                1.0 / (1.0 + (i - colon) / 10.0) if i - colon <= 40 else 0.0,
                (switch[min(n - 1, i + 4)] - switch[max(0, i - 4)]) / 8.0,
                max(
                    local[i - 1][_CREDIT_AT] if i else 0.0,
                    local[i + 1][_CREDIT_AT] if i + 1 < n else 0.0,
                ),
                local[i + 1][_EMBED_AT] if i + 1 < n else 0.0,
                *(local[i][at] for at in _CARRIED_AT),
            ]
        )
        if line.text.endswith(":") and line.words >= 4:
            colon = i
    return feats


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


def _context_features(
    lines: Sequence[_Line],
    local: Sequence[Sequence[float]],
    static: Sequence[Sequence[float]],
    p: Sequence[float],
) -> list[list[float]]:
    """A later stage: each line seen through the previous stage's scores ``p`` around it."""
    n = len(lines)
    weight = [math.sqrt(1.0 + line.words) for line in lines]
    lo, hi = _densest_run([(q - 0.5) * w for q, w in zip(p, weight, strict=True)])
    wide_lo, wide_hi = _densest_run([(q - 0.25) * w for q, w in zip(p, weight, strict=True)])
    prefix = [0.0]
    for q in p:
        prefix.append(prefix[-1] + q)

    def window(i: int, k: int) -> float:
        return (prefix[min(n, i + k + 1)] - prefix[max(0, i - k)] - p[i]) / (2 * k)

    mass = sum(line.words for line, q in zip(lines, p, strict=True) if q > 0.5)
    sparse = 1.0 / (1.0 + mass / 100.0)
    anchor = next((i for i in range(n) if p[i] > 0.5 and lines[i].words >= 8), n)
    marker = next((i for i in range(anchor, n) if local[i][_CMARK_AT]), n)
    feats = []
    for i in range(n):
        dist = lo - i if i < lo else (i - hi if i > hi else 0)
        wide = float(wide_lo <= i <= wide_hi)
        m3 = window(i, 3)
        feats.append(
            [
                p[i],
                window(i, 1),
                m3,
                window(i, 8),
                min(max(p[max(0, i - 2) : i], default=0.0), max(p[i + 1 : i + 3], default=0.0)),
                float(dist == 0),
                wide,
                sparse * wide,
                sparse * m3,
                float(i < lo),
                float(i > hi),
                math.log1p(dist) / 5.0,
                float(i > marker),
                *static[i],
            ]
        )
    return feats


def _logistic(values: Sequence[float], stage: tuple[tuple[float, ...], float]) -> float:
    z = stage[1] + sum(map(operator.mul, stage[0], values))
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def _scores(
    lines: Sequence[_Line],
    title: str | None,
    model: LayoutModel,
    lexicon: FurnitureLexicon,
    furn: Collection[int],
) -> list[float]:
    """The last stage's body probability for each line."""
    local = _local_features(lines, title, model, lexicon, furn)
    p = [_logistic(f, model.local) for f in local]
    if model.context:
        static = _neighbourhood(lines, local)
        for stage in model.context:
            p = [_logistic(f, stage) for f in _context_features(lines, local, static, p)]
    return p


def _body_mask(
    lines: Sequence[_Line],
    title: str | None,
    model: LayoutModel,
    lexicon: FurnitureLexicon,
    furn: Collection[int],
) -> list[bool]:
    p = _scores(lines, title, model, lexicon, furn)
    mask = [q > model.threshold for q in p]
    if p and not any(mask):
        half = max(p) / 2.0
        lo, hi = _densest_run([q - half for q in p])
        mask = [lo <= i <= hi and q >= half for i, q in enumerate(p)]
    return mask


def _find_title(lines: Sequence[_Line]) -> str | None:
    return find_title(lines[0].text, lines[0].words) if lines else None


# ------------------------------------------------------------------------------ public API


def analyze_layout(
    text: str, model: LayoutModel | None = None, lexicon: FurnitureLexicon | None = None
) -> PlainTextLayout:
    """Mark the article body of ``text`` and find its headline, byline and outlet.

    ``text`` is not modified; body spans are character offsets into it. ``model`` defaults to
    the bundled ``knowledge/plaintext_layout.json``, ``lexicon`` (the phrases of in-body
    furniture, which is never body: ``furniture``) to the bundled ``furniture.tsv``.
    """
    model = model or load_layout_model()
    lexicon = lexicon or load_furniture()
    lines = _split_lines(text)
    page_title = _find_title(lines)
    headline, site = split_title(page_title) if page_title else (None, None)
    texts = [line.text for line in lines]
    furn = furniture(texts, lexicon)
    mask = _body_mask(lines, page_title, model, lexicon, furn)
    for i in furn:
        mask[i] = False
    if page_title:  # the headline is metadata, not body
        mask[0] = False
    body = tuple((line.start, line.end) for line, keep in zip(lines, mask, strict=True) if keep)
    body_start = mask.index(True) if any(mask) else 0
    return PlainTextLayout(
        body=body,
        title=headline,
        outlet=find_outlet(texts, site),
        byline=find_byline(texts, body_start, model.name_stops),
        lines=tuple((line.start, line.end) for line in lines),
        furniture=tuple((lines[i].start, lines[i].end) for i in sorted(furn)),
    )
