"""Serve: the REST API and the dashboard over a store.

Entry point: :func:`create_app` (``newsgraph serve`` runs it with uvicorn). The API's
queries are in :mod:`newsgraph.serve.queries`; the dashboard is plain HTML, CSS and
JavaScript in ``static/`` that draws its own charts and map (nothing is fetched from
the internet).
"""
from __future__ import annotations

from newsgraph.serve.app import create_app

__all__ = ["create_app"]
