"""Situation reports: for a query (the one event filter), a dated timeline of events with their
evidence, and each contested event's tellings side by side (who asserts, who denies, through which
source chain, in which article). :func:`build_report` reads the store; :func:`render_html` writes
a self-contained, printable page. ``newsgraph report`` and ``GET /api/report`` use both."""
from __future__ import annotations

from newsgraph.report.build import Contested, Report, ReportEvent, Telling, build_report
from newsgraph.report.html import render_html

__all__ = ["Contested", "Report", "ReportEvent", "Telling", "build_report", "render_html"]
