"""The language layer: English words and dependency-tree helpers that every stage reads alike.

Clauses (:func:`clause_head`, :func:`head_chain`), tense (:func:`direction`, :func:`is_past`),
infinitives, negation and auxiliaries, over spaCy's English ClearNLP labels. The auxiliaries are
one data file (``data/auxiliaries.toml``) in named sections that each stage composes
(:func:`auxiliaries`); apostrophes are folded by one function (:func:`fold_apostrophes`).
Shared word lists that several stages read (speech verbs, locative words, country aliases) are
TSV files in ``data/`` too, read with :mod:`newsgraph.lexicons`.
"""
from __future__ import annotations

from functools import lru_cache

from newsgraph.lexicons import LexiconError, Row, read_toml, read_tsv

_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'"})


def fold_apostrophes(text: str) -> str:
    """Curly apostrophes to the straight one: "they\u2019ll" -> "they'll"."""
    return text.translate(_APOSTROPHES)


@lru_cache(maxsize=None)
def auxiliaries(*sections: str, curly: bool = False) -> frozenset[str]:
    """The words of the named sections of ``data/auxiliaries.toml``; with ``curly``, each word
    with an apostrophe in its curly form too ("'ll" and "\u2019ll")."""
    table = read_toml("newsgraph.language", "auxiliaries.toml")
    words: set[str] = set()
    for name in sections:
        if name not in table:
            raise LexiconError(f"newsgraph/language/data/auxiliaries.toml: no section {name!r} "
                               f"(known: {', '.join(table)})")
        words.update(table[name])
    if curly:
        words |= {w.replace("'", "\u2019") for w in words if "'" in w}
    return frozenset(words)


# --- clauses -----------------------------------------------------------------------------

def token_at(doc, start: int, end: int):
    """The syntactic head of the tokens covering ``[start, end)``, or None."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    return span.root


def clause_head(tok):
    """The verb heading the clause ``tok`` is in (the token itself when it is that verb);
    the sentence root for verbless sentences (headlines)."""
    t = tok
    while True:
        if t.pos_ == "VERB" or (t.pos_ == "AUX" and t.dep_ not in ("aux", "auxpass")):
            return t
        if t.head == t:
            return t
        t = t.head


def ancestors_clauses(tok):
    """Clause heads above ``tok``'s own clause, nearest first."""
    out = []
    t = clause_head(tok)
    while t.head != t:
        t = clause_head(t.head)
        out.append(t)
    return out


def head_chain(tok, stop: set[int]) -> list:
    """``tok`` and its heads up to (not including) a token whose index is in ``stop``, or the root."""
    out = [tok]
    while tok.head.i != tok.i and tok.head.i not in stop:
        tok = tok.head
        out.append(tok)
    return out


def clause_verb(chain):
    """The first verb or auxiliary of a chain of heads: the clause the chain starts in."""
    return next((t for t in chain if t.pos_ in ("VERB", "AUX")), None)


def is_infinitive(tok) -> bool:
    """ "to meet": the token has the infinitive marker "to"."""
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)


def aux_words(tok) -> set[str]:
    """The auxiliaries of a verb as written, lower case ("will", "'ll", "could")."""
    return {c.lower_ for c in tok.children if c.dep_ == "aux"}


def has_negation(tok, words: frozenset[str] | None = None) -> bool:
    """Whether ``tok`` has a negation child (of ``words`` when given: "not", "never")."""
    return any(c.dep_ == "neg" and (words is None or c.lower_ in words) for c in tok.children)


def first_person_subject(chain) -> bool:
    """The first subject up the chain is "we" or "I": in a quotation, the speaker's side."""
    for tok in chain:
        subj = next((c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is not None:
            return subj.lower_ in ("we", "i")
    return False


# --- tense -------------------------------------------------------------------------------

def is_past(chain) -> bool:
    """The clause a chain starts in is in the past tense or the present perfect."""
    verb = clause_verb(chain)
    if verb is None:
        return False
    if verb.tag_ == "VBD":
        return True
    return verb.tag_ == "VBN" and any(c.dep_ == "aux" and c.lemma_ == "have" for c in verb.children)


def direction(verb) -> int:
    """-1 past (or present perfect), +1 future, modal or scheduled present, 0 unknown."""
    if verb is None:
        return 0
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    words = {a.lower_ for a in auxes}
    if words & auxiliaries("future_in_past", "contracted_would", curly=True):
        return 0  # "said the ship would leave in early February": no direction
    if words & auxiliaries("future", "future_negated", "possibility", "advice", curly=True):
        return 1
    if any(a.tag_ == "VBD" for a in auxes):
        return -1
    if any(a.lemma_ == "have" for a in auxes) and verb.tag_ == "VBN":
        return -1
    if words & auxiliaries("going_to"):
        return 1
    return _direction_of_form(verb, auxes)


def _direction_of_form(verb, auxes) -> int:
    """The direction a verb without a telling auxiliary has by its own form."""
    if verb.tag_ == "VBD":
        return -1
    if verb.tag_ in ("VBZ", "VBP"):
        return 1  # scheduled present: "the forum runs through Wednesday"
    if verb.tag_ == "VBG" and any(a.tag_ in ("VBZ", "VBP") for a in auxes):
        return 1  # "is meeting on Thursday"
    if verb.tag_ == "VB" and is_infinitive(verb):
        # "expected to meet on Thursday", "plans to visit in May": the infinitive looks ahead
        return 1
    if verb.tag_ == "VBN" and verb.dep_ in ("acl", "amod"):
        return -1  # "talks held on Monday"
    return 0  # a participle or gerund without auxiliary says nothing of time


# --- shared word lists ---------------------------------------------------------------------

@lru_cache(maxsize=1)
def speech_verbs() -> tuple[Row, ...]:
    """``data/speech_verbs.tsv``: each verb of saying with the stance it gives a claim ("-" for
    none) and whether it names its one-word subject a speaker ("names_speaker" 1)."""
    return tuple(read_tsv("newsgraph.language", "speech_verbs.tsv", required=3))


@lru_cache(maxsize=None)
def locative_words(stage: str) -> tuple[frozenset[str], frozenset[str]]:
    """(place prepositions, motion words) of ``data/locative.tsv`` that ``stage`` ("actors",
    "places") reads: the words that make a name a place rather than an actor."""
    rows = [r for r in read_tsv("newsgraph.language", "locative.tsv", required=3) if stage in r.values("stages")]
    return (frozenset(r["word"] for r in rows if r["kind"] == "prep"),
            frozenset(r["word"] for r in rows if r["kind"] == "motion"))


@lru_cache(maxsize=None)
def country_aliases(stage: str) -> tuple[Row, ...]:
    """The rows of ``data/country_aliases.tsv`` that ``stage`` ("actors", "places") reads, in order."""
    return tuple(r for r in read_tsv("newsgraph.language", "country_aliases.tsv", required=5)
                 if stage in r.values("stages"))
