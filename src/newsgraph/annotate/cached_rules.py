"""Cached stand-ins for spaCy's rule components: same output, a fraction of the time.

The English pipelines run an ``attribute_ruler`` (a Matcher over every token, mapping tags to
POS and morphology) and a rule ``lemmatizer``. Both are pure functions of a few attributes
of one token, yet they cost as much as the whole parser on news text. The stand-ins compute
each distinct token key once with the real component and then apply the cached results to
whole documents with ``Doc.to_array`` / ``Doc.from_array``. Anything the cache cannot prove
equivalent (rules spanning tokens, operators, extension attributes, non-rule lemmatizers)
goes to the real component, so the output stays identical.

Entry point: :func:`use_cached_rules`, applied by :func:`newsgraph.nlp.load_nlp`.
"""
# No ``from __future__ import annotations``: spaCy reads the factories' annotations at runtime.
import numpy
from spacy.attrs import DEP, LEMMA, MORPH, NORM, ORTH, POS, TAG
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc

# Attributes a one-token rule may read and still be a function of the cache key below:
# lexical ones follow from ORTH; the others are in the key themselves.
_LEXICAL = {"ORTH", "TEXT", "LOWER", "NORM", "SHAPE", "PREFIX", "SUFFIX", "LENGTH", "IS_ALPHA", "IS_ASCII",
            "IS_DIGIT", "IS_LOWER", "IS_UPPER", "IS_TITLE", "IS_PUNCT", "IS_SPACE", "IS_STOP",
            "IS_CURRENCY", "LIKE_NUM", "LIKE_URL", "LIKE_EMAIL"}
_TOKEN_LEVEL = {"TAG", "POS", "DEP", "MORPH", "LEMMA"}
_KEY = [ORTH, NORM, TAG, POS, DEP, MORPH, LEMMA]
_OUT = [TAG, POS, MORPH, LEMMA]
# A long-running process (watch, serve, a Spark executor) sees ever new words: past this many
# keys a cache starts again rather than grow without bound (a few tens of MB at most).
MAX_KEYS = 200_000


def _cacheable(pattern: list[dict]) -> bool:
    """A rule whose effect on a token depends only on that token's key."""
    if len(pattern) != 1:
        return False
    return all(str(attr).upper() in _LEXICAL | _TOKEN_LEVEL for attr in pattern[0])


class CachedAttributeRuler:
    """Applies an ``AttributeRuler``'s one-token rules from a per-key cache.

    Keys not yet cached are computed in one go per document: a ruler holding only the
    one-token rules (in their order) runs over a scratch document of those keys, where no
    rule can see a neighbour. Where any other rule (several tokens, operators, extensions)
    matches, the real ruler runs over that stretch alone, so rule order still decides which
    rule wins a token.
    """

    def __init__(self, ruler):
        from spacy.pipeline import AttributeRuler

        self.ruler = ruler
        self.vocab = ruler.vocab
        self.cache: dict[tuple, tuple] = {}
        self.single = AttributeRuler(self.vocab, validate=False)
        self.other = Matcher(self.vocab, validate=False)
        for i, entry in enumerate(ruler.patterns):
            one = [p for p in entry["patterns"] if _cacheable(p)]
            rest = [p for p in entry["patterns"] if not _cacheable(p)]
            if one:
                self.single.add(one, entry["attrs"], entry.get("index", 0))
            if rest:
                self.other.add(f"rule{i}", rest)

    def _scratch(self, rows) -> Doc:
        """A document of the given key rows, one token each, before any rule applied."""
        rows = numpy.asarray(rows, dtype="uint64")
        scratch = Doc(self.vocab, words=[self.vocab.strings[int(o)] for o in rows[:, 0]], spaces=[False] * len(rows))
        scratch.from_array(_KEY[1:], numpy.ascontiguousarray(rows[:, 1:]))
        return scratch

    def __call__(self, doc: Doc) -> Doc:
        if len(doc) == 0:
            return doc
        rows = doc.to_array(_KEY)
        unique, inverse = numpy.unique(rows, axis=0, return_inverse=True)
        cache = self.cache
        keys = list(map(tuple, unique.tolist()))
        missing = [k for k in keys if k not in cache]
        if len(cache) + len(missing) > MAX_KEYS:
            cache.clear()
            missing = keys
        if missing:
            out = self.single(self._scratch(missing)).to_array(_OUT).tolist()
            cache.update(zip(missing, map(tuple, out)))
        out = numpy.array([cache[k] for k in keys], dtype="uint64")[inverse.reshape(-1)]
        # Where a rule spanning tokens matches, the real ruler decides over that stretch
        # alone (its tokens as they were before any rule), so rule order is kept.
        if len(self.other):
            for a, b in _merged(self.other(doc, allow_missing=True)):
                out[a:b] = self.ruler(self._scratch(rows[a:b])).to_array(_OUT)
        doc.from_array(_OUT, out)
        return doc

    def pipe(self, docs, batch_size: int = 128):
        for doc in docs:
            yield self(doc)


def _merged(matches) -> list[tuple[int, int]]:
    """Overlapping (start, end) match ranges joined."""
    spans: list[list[int]] = []
    for _id, start, end in sorted(matches, key=lambda m: (m[1], m[2])):
        if spans and start < spans[-1][1]:
            spans[-1][1] = max(spans[-1][1], end)
        else:
            spans.append([start, end])
    return [(a, b) for a, b in spans]


class CachedLemmatizer:
    """A rule ``Lemmatizer`` applied from a cache keyed as spaCy's own (orth, pos, morph).

    Only tokens without a lemma are filled (the lemmatizer's ``overwrite=False``), exactly
    as the real component does; other modes go to the real component.
    """

    def __init__(self, lemmatizer):
        self.lemmatizer = lemmatizer
        self.vocab = lemmatizer.vocab
        self.exact = lemmatizer.mode == "rule" and not lemmatizer.overwrite
        self.cache: dict[tuple, int] = {}
        if self.exact:
            _index_as_sets(lemmatizer)

    def __call__(self, doc: Doc) -> Doc:
        if not self.exact or len(doc) == 0:
            return self.lemmatizer(doc)
        arr = doc.to_array([ORTH, POS, MORPH, LEMMA])
        lemmas = arr[:, 3].copy()
        cache, strings = self.cache, self.vocab.strings
        if len(cache) > MAX_KEYS:
            cache.clear()
            getattr(self.lemmatizer, "cache", {}).clear()  # spaCy's own per-word cache behind it
        for i, (orth, pos, morph, lemma) in enumerate(arr.tolist()):
            if lemma:
                continue
            key = (orth, pos, morph)
            value = cache.get(key)
            if value is None:
                value = cache[key] = strings.add(self.lemmatizer.lemmatize(doc[i])[0])
            lemmas[i] = value
        doc.from_array([LEMMA], lemmas.reshape(-1, 1))
        return doc

    def pipe(self, docs, batch_size: int = 128):
        for doc in docs:
            yield self(doc)


def _index_as_sets(lemmatizer) -> None:
    # The rule lemmatizer asks `form in index` of word lists thousands long (a linear scan
    # per candidate form); sets answer the same question at once. The lemmatizer is never
    # saved from here, so its tables need not stay serialisable.
    table = lemmatizer.lookups.get_table("lemma_index", None)
    for key, words in list((table or {}).items()):
        if isinstance(words, list):
            table[key] = frozenset(words)


@Language.factory("newsgraph_cached_attribute_ruler", default_config={"source": "attribute_ruler"})
def make_cached_attribute_ruler(nlp: Language, name: str, source: str):
    return CachedAttributeRuler(nlp.get_pipe(source))


@Language.factory("newsgraph_cached_lemmatizer", default_config={"source": "lemmatizer"})
def make_cached_lemmatizer(nlp: Language, name: str, source: str):
    return CachedLemmatizer(nlp.get_pipe(source))


def use_cached_rules(nlp: Language) -> list[str]:
    """Put the cached stand-ins in place of ``attribute_ruler`` and ``lemmatizer`` (the
    originals stay loaded but disabled, as the caches' reference). Returns what it replaced."""
    from spacy.pipeline import AttributeRuler, Lemmatizer

    replaced = []
    for source, factory, kind in (("attribute_ruler", "newsgraph_cached_attribute_ruler", AttributeRuler),
                                  ("lemmatizer", "newsgraph_cached_lemmatizer", Lemmatizer)):
        if source not in nlp.pipe_names or not isinstance(nlp.get_pipe(source), kind):
            continue
        nlp.add_pipe(factory, name=f"{source}_cached", after=source, config={"source": source})
        nlp.disable_pipe(source)
        replaced.append(source)
    return replaced
