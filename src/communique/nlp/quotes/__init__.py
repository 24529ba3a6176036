"""The quotation extractor (``communique_quotes``): see ``extractor`` for what it finds."""

from __future__ import annotations

from .config import QuoteConfig
from .extractor import QuoteExtractor

__all__ = ["QuoteConfig", "QuoteExtractor"]
