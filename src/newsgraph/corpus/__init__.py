"""Corpus scale: what only shows across many articles.

- :mod:`near_duplicates`: MinHash LSH over word shingles; a near copy of a stored article
  is linked to it (``duplicate_of``) and its events are not counted twice.
- :mod:`clusters`: events from different articles that tell the same real-world event
  join one event cluster, with GDELT-style mention, article and source counts.
"""
