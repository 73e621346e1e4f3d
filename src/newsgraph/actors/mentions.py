"""What every step of the actors stage shares: the candidate mention (:class:`Cand`), the
state of one document's candidates (:class:`Mentions`), the word lists of ``data/word_sets.tsv``
and a few helpers on the parse."""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from newsgraph.actors.lexicon import MIN_CITY_POPULATION, Lexicon, place_country
from newsgraph.language import locative_words
from newsgraph.lexicons import read_tsv
from newsgraph.annotate.quotes import quotes_of

# A city named before an organisation's head word must be this large to place it ("Kyiv School
# of Economics"); smaller towns share their names with too many words ("Meridian", "Liberty").
MIN_MODIFIER_CITY_POPULATION = 300_000


@lru_cache(maxsize=None)
def word_sets(name: str = "word_sets.tsv") -> dict[str, frozenset[str]]:
    """Sets of lower-case words by set name, from a ``word<TAB>set`` lexicon in ``data/``."""
    sets: dict[str, set[str]] = {}
    for row in read_tsv("newsgraph.actors", name, required=2):
        sets.setdefault(row["set"], set()).add(row["word"].lower())
    return {kind: frozenset(words) for kind, words in sets.items()}


WORDS = word_sets()
REPORT_VERBS = WORDS["report_verb"]


@dataclass
class Cand:
    """One candidate mention: tokens [start, end) of the doc and what we know of it."""

    start: int
    end: int
    kind: str  # country | demonym | capital | body | person | org | group | north
    country: str | None = None
    sector: str | None = None
    name: str = ""
    code: str | None = None
    title: str | None = None
    type: str = "organization"
    key: tuple | None = None
    extra: list[tuple[int, int]] = field(default_factory=list)  # more token spans (appositions)
    ethnic: bool = False  # a people rather than a nationality ("Kurds", "Hutu"): no country of its own
    regional: bool = False  # described by a regional word ("European leaders"): no country to guess
    consumed: bool = False  # a modifier folded into a larger actor ("Russian" in "Russian Defence Minister")
    head: int = -1  # token index of the syntactic head
    former: bool = False  # a person described by a past title ("former NATO Secretary General")
    affiliation: bool = False  # a body named as a person's employer ("the Project's Pedro Sepulveda")

    def tokens(self):
        return range(self.start, self.end)


class Mentions:
    """The candidates of one document, the token -> candidate map that every step reads, and
    where a place they name is."""

    def __init__(self, doc, lex: Lexicon, cands: list[Cand] | None = None, by_token: dict[int, Cand] | None = None):
        self.doc = doc
        self.lex = lex
        self.preps, self.motion = locative_words("actors")
        self.cands: list[Cand] = cands if cands is not None else []
        self.by_token: dict[int, Cand] = by_token if by_token is not None else {}

    def _register(self, cand: Cand, replace: bool = False) -> None:
        """Add a candidate found after the first pass and map its tokens to it; ``replace``: over
        the candidates already there (else only where there is none)."""
        self.cands.append(cand)
        for i in range(cand.start, cand.end):
            if replace:
                self.by_token[i] = cand
            else:
                self.by_token.setdefault(i, cand)

    def _person_at(self, tok) -> bool:
        c = self.by_token.get(tok.i)
        if c is not None and c.kind == "person":
            return True
        return tok.ent_type_ == "PERSON"

    def _cand_in(self, start: int, end: int) -> Cand | None:
        best = None
        for i in range(start, end):
            c = self.by_token.get(i)
            if c is not None and c.kind in ("body", "org", "country", "capital", "demonym"):
                best = c
        return best

    def _city_in(self, start: int, end: int, skip: int = -1) -> str | None:
        """Country of a city or region named by proper nouns inside tokens [start, end)."""
        doc = self.doc
        toks = [t for t in doc[start:end] if t.pos_ == "PROPN" and t.i != skip]
        for a, b in zip(toks, toks[1:]):
            if b.i == a.i + 1:
                code = place_country(f"{a.text} {b.text}", MIN_MODIFIER_CITY_POPULATION)  # "New York", "Hong Kong"
                if code and code != "IGO":
                    return code
        for t in toks:
            if self.lex.person(t.text) is None and not self.lex.surname(t.text):
                after_of = t.i > start and doc[t.i - 1].lower_ in ("of", "in")
                # A region counts first in the name or after "of"/"in" ("Ngamiland Council"): "Centrale"
                # inside "Direction Centrale de la Police" is no Togolese region.
                code = place_country(t.text, MIN_CITY_POPULATION if after_of else MIN_MODIFIER_CITY_POPULATION,
                                     regions=after_of or t.i == toks[0].i)
                if code and code != "IGO":
                    return code
        return None

    def _place_at(self, obj) -> str | None:
        """Country of the place a preposition's object names: a candidate, else the gazetteer
        ("in Honolulu", "in Hong Kong"); None when it is no known place."""
        for t in obj.subtree:
            other = self.by_token.get(t.i)
            if other is not None and other.country and other.country != "IGO" \
                    and other.kind in ("country", "capital", "place", "demonym"):
                return other.country
        if obj.ent_type_ in ("GPE", "LOC", "FAC") or obj.pos_ == "PROPN":
            left = obj.left_edge.i
            while left < obj.i and (self.doc[left].lower_ == "the" or not self.doc[left].text[:1].isupper()):
                left += 1
            if any(self.by_token.get(i) is not None and self.by_token[i].kind in ("person", "body", "org")
                   for i in range(left, obj.i + 1)):
                return None
            code = place_country(self.doc[left : obj.i + 1].text)
            if code and code != "IGO":
                return code
        return None


def quoted_tokens(doc) -> set[int]:
    """Indices of the tokens inside quotation marks."""
    out: set[int] = set()
    for start, end in quotes_of(doc):
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is not None:
            out.update(range(span.start, span.end))
    return out


def files_report(doc, c: Cand) -> bool:
    """"X contributed to this report", "X reports from Paris", "X has more from Paris"."""
    root = doc[c.start : c.end].root
    if root.dep_ == "conj" and root.head.dep_ == "nsubj":
        root = root.head  # "A and B contributed to this report"
    if root.dep_ != "nsubj":
        return False
    verb = root.head
    if verb.lemma_.lower() in REPORT_VERBS:
        return True
    return verb.lemma_.lower() == "have" and any(ch.lower_ == "more" for ch in verb.children)


def doc_head_is(c: Cand, doc) -> bool:
    """True when the candidate heads its own noun phrase (not an adjective on another word)."""
    return doc[c.head].dep_ not in ("amod", "compound", "nmod", "poss") if c.head >= 0 else False


def kind_is_role(c: Cand) -> bool:
    return c.kind in ("role", "group")


def affil_right(tok) -> int:
    """End of a role's "for/at/of ..." phrase: "a spokeswoman for South Korea's defense ministry"."""
    for child in tok.rights:
        if child.dep_ == "prep" and child.lower_ in ("for", "at", "of", "with", "from"):
            end = child.right_edge.i + 1
            # A misparse can hang the rest of the sentence on the phrase ("Doctors from two aid
            # groups donated ..."): the phrase ends before its first verb.
            doc = tok.doc
            verb = next((j for j in range(child.i + 1, end) if doc[j].pos_ in ("VERB", "AUX")
                         and doc[j].dep_ not in ("amod", "compound")), None)
            return verb if verb is not None else end
    return tok.i + 1


def hyphen_word(doc, first: int) -> str:
    """"secretary-general" when tokens ``first``, ``first + 1`` ("-") and ``first + 2`` are written
    without spaces (the tokenizer splits such words in three); else ""."""
    if first < 0 or first + 2 >= len(doc) or doc[first + 1].text != "-" \
            or doc[first].whitespace_ or doc[first + 1].whitespace_:
        return ""
    return f"{doc[first].lower_}-{doc[first + 2].lower_}"


def np_extent(tok) -> tuple[int, int]:
    """Token range of the noun phrase headed by ``tok``, without relative clauses or trailing PPs."""
    left = tok.left_edge.i
    right = tok.i + 1
    return left, right
