"""The Textual app (`dealscope` with no arguments opens it on the bundled seeds)."""

from .app import DealscopeApp, run

__all__ = ["DealscopeApp", "run"]
