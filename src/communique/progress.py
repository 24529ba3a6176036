"""Progress reporting for long-running commands: a bar on a terminal, silence elsewhere."""

from __future__ import annotations

import sys
import time
from typing import TextIO


class Progress:
    """Counts documents and redraws one status line on ``stream`` at most every 0.2 s.

    Writes nothing unless ``stream`` is a terminal or ``force`` is set, so piped output and
    logs stay clean.
    """

    def __init__(
        self,
        label: str,
        total: int | None = None,
        stream: TextIO | None = None,
        force: bool = False,
    ) -> None:
        self.stream = stream or sys.stderr
        self.enabled = force or self.stream.isatty()
        self.label = label
        self.total = total
        self.done = 0
        self.skipped = 0
        self.started = time.monotonic()
        self._last = 0.0

    def update(self, n: int = 1, skipped: int = 0) -> None:
        self.done += n
        self.skipped += skipped
        now = time.monotonic()
        if self.enabled and now - self._last >= 0.2:
            self._last = now
            self._draw(now)

    def _draw(self, now: float) -> None:
        rate = self.done / max(now - self.started, 1e-9)
        if self.total:
            width = 24
            filled = int(width * self.done / self.total)
            bar = "#" * filled + "-" * (width - filled)
            line = f"{self.label} [{bar}] {self.done}/{self.total}"
        else:
            line = f"{self.label} {self.done}"
        line += f"  {rate:.1f} docs/s  skipped {self.skipped}"
        self.stream.write("\r" + line[:110].ljust(110))
        self.stream.flush()

    def close(self) -> None:
        if self.enabled:
            self._draw(time.monotonic())
            self.stream.write("\n")
            self.stream.flush()
