from __future__ import annotations

import io

from communique.progress import Progress


class Tty(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_draws_on_a_terminal_only() -> None:
    tty, pipe = Tty(), io.StringIO()
    for stream in (tty, pipe):
        p = Progress("ingest", total=4, stream=stream)
        p.update(2, skipped=1)
        p.close()
    assert (
        "ingest [" in tty.getvalue() and "2/4" in tty.getvalue() and "skipped 1" in tty.getvalue()
    )
    assert pipe.getvalue() == ""
