"""Progress reporting for long-running commands, on standard error.

On a terminal, one status line redrawn at most every ``REDRAW_SECONDS``: a bar and the count
out of the total when the total is known, the rate, the skips and the time left. Elsewhere (a
log file, a pipe), a plain line every ``LOG_SECONDS``, so that a long run is never silent and
a short one leaves its error output clean.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from typing import TextIO

REDRAW_SECONDS = 0.2
"""Least time between two redraws of the status line on a terminal."""
LOG_SECONDS = 30.0
"""Time between two progress lines when standard error is not a terminal."""


def _duration(seconds: float) -> str:
    seconds = max(0, int(seconds))
    if seconds < 60:
        return f"{seconds} s"
    minutes, seconds = divmod(seconds, 60)
    if minutes < 60:
        return f"{minutes} min {seconds:02d} s"
    hours, minutes = divmod(minutes, 60)
    return f"{hours} h {minutes:02d} min"


class Progress:
    """Counts documents and reports them on ``stream`` (see the module docstring).

    ``force`` draws the terminal line on any stream; ``clock`` is injectable for tests.
    """

    def __init__(
        self,
        label: str,
        total: int | None = None,
        stream: TextIO | None = None,
        force: bool = False,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.stream = stream or sys.stderr
        self.terminal = force or self.stream.isatty()
        self.label = label
        self.total = total
        self.done = 0
        self.skipped = 0
        self.clock = clock
        self.started = clock()
        self._last = self.started
        self._logged = False

    def update(self, n: int = 1, skipped: int = 0) -> None:
        self.done += n
        self.skipped += skipped
        now = self.clock()
        if self.terminal and now - self._last >= REDRAW_SECONDS:
            self._last = now
            self._draw(now)
        elif not self.terminal and now - self._last >= LOG_SECONDS:
            self._last = now
            self._log(now)

    def status(self, now: float) -> str:
        """The count (out of the total when known), rate, skips and time left."""
        elapsed = max(now - self.started, 1e-9)
        rate = self.done / elapsed
        count = f"{self.done}/{self.total}" if self.total else f"{self.done}"
        line = f"{count} documents  {rate:.1f} docs/s  skipped {self.skipped}"
        line += f"  {_duration(elapsed)} so far"
        if self.total and 0 < self.done < self.total and rate > 0:
            line += f", about {_duration((self.total - self.done) / rate)} left"
        return line

    def _draw(self, now: float) -> None:
        if self.total:
            width = 24
            filled = min(width, int(width * self.done / self.total))
            head = f"{self.label} [{'#' * filled}{'-' * (width - filled)}] "
        else:
            head = f"{self.label} "
        line = head + self.status(now)
        self.stream.write("\r" + line[:110].ljust(110))
        self.stream.flush()

    def _log(self, now: float) -> None:
        self.stream.write(f"{self.label}: {self.status(now)}\n")
        self.stream.flush()
        self._logged = True

    def close(self) -> None:
        now = self.clock()
        if self.terminal:
            self._draw(now)
            self.stream.write("\n")
            self.stream.flush()
        elif self._logged:  # a long run that reported along the way also reports its end
            self._log(now)
