"""newsgraph: political event data from news, with sources and factuality."""

__version__ = "0.1.0"
