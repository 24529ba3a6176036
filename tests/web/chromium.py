"""Drive headless Chromium without extra Python dependencies.

``LiveServer`` runs the app with uvicorn on 127.0.0.1 and a free port in a thread; ``Browser``
calls Chromium's own ``--dump-dom`` (the DOM after the page's scripts ran) and
``--screenshot`` flags in a subprocess with a throw-away profile. Used by the browser tests and
by ``screenshots.py``.
"""

from __future__ import annotations

import shutil
import socket
import subprocess
import tempfile
import threading
import time
from pathlib import Path
from types import TracebackType

import uvicorn
from fastapi import FastAPI

HERE = Path(__file__).resolve().parent
ENSURE_SCRIPT = HERE / "ensure_chromium.sh"
NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "headless_shell")
FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-extensions",
    "--hide-scrollbars",
    "--mute-audio",
    "--no-default-browser-check",
)


def find_chromium() -> str | None:
    for name in NAMES:
        path = shutil.which(name)
        if path:
            return path
    return None


def ensure_chromium(timeout: float = 900) -> tuple[str | None, str]:
    """A Chromium path, installing it with ``ensure_chromium.sh`` when missing; else
    ``(None, why)``."""
    path = find_chromium()
    if path:
        return path, ""
    try:
        done = subprocess.run(
            ["bash", str(ENSURE_SCRIPT)],
            capture_output=True,
            text=True,
            timeout=timeout,
            check=False,
        )
    except (OSError, subprocess.TimeoutExpired) as e:
        return None, f"could not run {ENSURE_SCRIPT.name}: {e}"
    return find_chromium(), (done.stderr.strip().splitlines() or ["no reason given"])[-1]


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class LiveServer:
    """``with LiveServer(app) as base_url:`` serves ``app`` until the block ends."""

    def __init__(self, app: FastAPI) -> None:
        self.port = free_port()
        config = uvicorn.Config(
            app, host="127.0.0.1", port=self.port, log_level="warning", lifespan="off"
        )
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    def __enter__(self) -> str:
        self.thread.start()
        deadline = time.monotonic() + 20
        while not self.server.started:
            if time.monotonic() > deadline or not self.thread.is_alive():
                raise RuntimeError("the test server did not start")
            time.sleep(0.05)
        return f"http://127.0.0.1:{self.port}"

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)


class Browser:
    """One headless Chromium invocation per call, each with a fresh profile."""

    def __init__(self, executable: str, *, timeout: float = 60) -> None:
        self.executable = executable
        self.timeout = timeout

    def _run(self, *args: str) -> subprocess.CompletedProcess[str]:
        with tempfile.TemporaryDirectory(prefix="communique-chromium-") as profile:
            cmd = [self.executable, *FLAGS, f"--user-data-dir={profile}", *args]
            done = subprocess.run(
                cmd, capture_output=True, text=True, timeout=self.timeout, check=False
            )
        if done.returncode != 0:
            raise RuntimeError(f"chromium failed ({done.returncode}): {done.stderr[-2000:]}")
        return done

    def dom(self, url: str, *, width: int = 1280, height: int = 860) -> str:
        """The serialised DOM after the page loaded and its scripts ran, in a window of
        ``width`` by ``height`` pixels."""
        return self._run(
            "--virtual-time-budget=3000", f"--window-size={width},{height}", "--dump-dom", url
        ).stdout

    def screenshot(self, url: str, path: Path, *, width: int = 1280, height: int = 860) -> Path:
        path.parent.mkdir(parents=True, exist_ok=True)
        self._run(
            "--virtual-time-budget=3000",
            f"--window-size={width},{height}",
            f"--screenshot={path}",
            url,
        )
        if not path.exists():
            raise RuntimeError(f"chromium wrote no screenshot to {path}")
        return path
