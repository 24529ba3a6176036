"""Hypothesis keeps its caches in a temporary folder, not in the checkout."""

from __future__ import annotations

import atexit
import shutil
import tempfile

from hypothesis.configuration import set_hypothesis_home_dir

_home = tempfile.mkdtemp(prefix="communique-hypothesis-")
set_hypothesis_home_dir(_home)
atexit.register(shutil.rmtree, _home, ignore_errors=True)
