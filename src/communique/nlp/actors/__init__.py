"""The actor resolver (``communique_actors``): see ``resolver`` for the passes."""

from __future__ import annotations

from .config import ActorConfig
from .resolver import ActorResolver

__all__ = ["ActorConfig", "ActorResolver"]
