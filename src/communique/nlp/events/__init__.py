"""The event coder (``communique_events``): see ``coder`` for the conventions it follows."""

from __future__ import annotations

from .coder import EventCoder
from .config import EventConfig

__all__ = ["EventCoder", "EventConfig"]
