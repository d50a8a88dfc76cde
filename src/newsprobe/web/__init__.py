"""The corpus web UI: server-rendered pages over the store, each with a ``.json`` twin."""

from newsprobe.web.app import create_app

__all__ = ["create_app"]
