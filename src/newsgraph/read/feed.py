"""HTML pages: main text, title, date and site name via trafilatura."""
from __future__ import annotations
