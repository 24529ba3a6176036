"""The web application and HTTP API (``communique serve``): a thin shell over the store."""

from .app import create_app

__all__ = ["create_app"]
