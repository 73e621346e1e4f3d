"""Finding attributions in a parsed article: speaker, cue, content, stance, chains.

The finders read the spaCy dependency parse, in the tradition of the rule-based
quotation extractors (Pareti 2015, "Attribution: a computational approach"; textacy's
``direct_quotations``): a reporting verb with its subject and clausal complement
("X said (that) CONTENT", "CONTENT, X said"), the prepositional cue "according to X",
relays ("X, citing Y, reported", "a report from X, which cited Y", "Y was reported as
saying"), and quotations attached to a cue ("“...,” he said. “...”").

Each finder yields :class:`Found` attributions over tokens; :func:`find_attributions`
returns them in text order with relay links (``via``) as indexes into that list.
"""
from __future__ import annotations

import logging
import re
from bisect import bisect_left
from dataclasses import dataclass, field

from newsgraph.claims.lexicon import Cues, Sources, cues, sources
from newsgraph.annotate.quotes import first_starting_at, last_ending_by, quote_at, quotes_of
from newsgraph.claims.tokens import tokens_in
from newsgraph.record import Span
from newsgraph.spans import SpanIndex

LOGGER = logging.getLogger(__name__)

_SUBJ = ("nsubj",)
_REL_PRONOUNS = {"who", "which", "that", "whom"}
_BETWEEN_OK = re.compile(r"^[\s,:;.\u2014\u2013\-\"\u201c\u201d]*$")
_QUOTE_MARKS = "\"\u201c\u201d"
# The same tests as ``_BETWEEN_OK`` and a strip of quote marks, run over a range of the text
# without copying it (a gap between a cue and a far quotation can be most of the article).
_MARKS_RUN = re.compile(r"[\s,:;.\u2014\u2013\-\"\u201c\u201d]*")
_QUOTE_GAP = re.compile(r"[ \t\"\u201c\u201d]*")


@dataclass
class Found:
    """One attribution before it becomes a :class:`~newsgraph.record.Claim`."""

    cue: Span
    content: Span
    stance: str
    speaker: Span | None = None
    speaker_head: Span | None = None   # the speaker's head word, for actor look-up
    direct: bool = False
    anonymous: bool = False
    relayed: bool = False              # "was reported as saying": the narrator heard it second-hand
    via: int | None = None             # index of the relaying attribution
    cue_text: str = ""
    cue_i: int = -1                    # token index of the cue word
    content_head: int = -1             # token index of the content's syntactic head
    quotes: list[Span] = field(default_factory=list)


# --------------------------------------------------------------------------- helpers

def _tok_span(tok) -> Span:
    return (tok.idx, tok.idx + len(tok.text))


def _range_span(doc, i: int, j: int) -> Span | None:
    """Character span of tokens ``i..j`` inclusive, trimmed of punctuation, spaces and
    a leading complementiser ("that") or conjunction; None when nothing is left."""
    while i <= j and (doc[i].is_punct or doc[i].is_space or doc[i].dep_ in ("mark", "cc")
                      and doc[i].lower_ in ("that", "and", "but", "as")):
        i += 1
    while j >= i and (doc[j].is_punct or doc[j].is_space):
        j -= 1
    if i > j:
        return None
    return (doc[i].idx, doc[j].idx + len(doc[j].text))


def _subtree_range(tok) -> tuple[int, int]:
    return tok.left_edge.i, tok.right_edge.i


def _speaker_range(tok, stop_at: set[int] | None = None) -> tuple[int, int]:
    """The tokens of the speaker phrase headed by ``tok``: its subtree, cut before a
    relative clause or participle that carries another cue ("a report ..., which cited Y")."""
    lo, hi = _subtree_range(tok)
    for child in tok.children:
        if child.i > tok.i and child.dep_ in ("relcl", "acl") and (
                stop_at is None or any(t.i in stop_at for t in child.subtree)):
            hi = min(hi, child.left_edge.i - 1)
    return lo, hi


class _Finder:
    def __init__(self, doc, text: str):
        self.doc = doc
        self.text = text
        self.cues: Cues = cues()
        self.sources: Sources = sources()
        self.quotes = quotes_of(doc)
        self.found: list[Found] = []
        self.silenced: set[int] = set()
        self.cue_tokens: set[int] = set()

    # ------------------------------------------------------------------ orchestration
    def run(self) -> list[Found]:
        # one pass over the tokens: spaCy makes a new Token object on every access
        by_lemma: dict[str, list] = {}
        for t in self.doc:
            by_lemma.setdefault(t.lemma_.lower(), []).append(t)
        self._mark_silenced(by_lemma)
        pick = lambda words: sorted((t for w in words & by_lemma.keys() for t in by_lemma[w]), key=lambda t: t.i)
        verbs = [t for t in pick(self.cues.stance.keys()) if self._is_cue_verb(t)]
        according = pick(self.cues.according_heads)
        self.citing_tokens = pick(self.cues.citing)
        self.cue_tokens = {t.i for t in verbs} | {t.i for t in according} | {t.i for t in self.citing_tokens}
        for tok in verbs:
            if self._speaker_inside_quote(tok):
                continue  # "“We strongly urge ...,” he said": the quoted speaker's own words, not a claim
            self._verb_claim(tok)
        for tok in according:
            if not self._speaker_inside_quote(tok):
                self._according_claim(tok)
        self._citing_claims()
        self._continuations()
        self._dedupe()
        self._link_via()
        for f in self.found:
            f.anonymous = self._anonymous(f)
        return self.found

    def _speaker_inside_quote(self, tok) -> bool:
        """A cue inside a quotation belongs to the quoted speaker's own words ("“People write
        about us every day,” he said"); the claims ledger keeps the narrator's attributions."""
        return quote_at(self.quotes, tok.idx) is not None

    def _mark_silenced(self, by_lemma: dict[str, list]) -> None:
        """"declined to comment": the emptied cue makes no claim (it attributes nothing)."""
        for lemma, emptied in self.cues.no_content.items():
            for tok in by_lemma.get(lemma, ()):
                self._silence(tok, emptied)

    def _silence(self, tok, emptied) -> None:
        for child in tok.children:
            if child.dep_ in ("xcomp", "ccomp") and child.lemma_.lower() in emptied:
                self.silenced.add(child.i)

    def _is_cue_verb(self, tok) -> bool:
        lemma = tok.lemma_.lower()
        if lemma not in self.cues.stance or tok.pos_ not in ("VERB", "AUX") or tok.i in self.silenced:
            return False
        need = self.cues.particles.get(lemma)
        if need and not any(c.lower_ in need and c.dep_ in ("prt", "prep") for c in tok.children):
            return False
        objects = self.cues.object_verbs.get(lemma)
        if objects is not None and self._cue_object(tok) is None:
            return False
        return True

    def _cue_object(self, tok):
        """The object that makes ``tok`` a cue ("expressed concern"), or None."""
        objects = self.cues.object_verbs.get(tok.lemma_.lower(), ())
        return next((c for c in tok.children if c.dep_ == "dobj" and c.lemma_.lower() in objects), None)

    # ------------------------------------------------------------------ verb cues
    def _verb_claim(self, tok) -> None:
        speaker_tok, relayed, cue_lo = self._speaker_of(tok)
        if speaker_tok is None:
            return
        stance = self.cues.stance.get(tok.lemma_.lower(), "assert")
        cue_hi = tok.i
        obj = self._cue_object(tok) if tok.lemma_.lower() in self.cues.object_verbs else None
        if obj is not None:  # "expressed concern": the object is part of the cue and sets the stance
            stance = self.cues.object_stance.get(obj.lemma_.lower(), "assert")
            cue_hi = obj.i
        for child in tok.children:  # "told reporters", "called on", "pointed out"
            if child.i == tok.i + 1 and (child.dep_ == "prt" or child.dep_ == "prep"
                                         and child.lower_ in self.cues.particles.get(tok.lemma_.lower(), ())):
                cue_hi = max(cue_hi, child.i)
            if child.dep_ in ("dobj", "dative") and child.lemma_.lower() in self.cues.hearers \
                    and child.i <= tok.i + 2:
                cue_hi = max(cue_hi, child.i)
        cue = (self.doc[cue_lo].idx, self.doc[cue_hi].idx + len(self.doc[cue_hi].text))
        sp_lo, sp_hi = _speaker_range(speaker_tok, self.cue_tokens)
        if speaker_tok.dep_ not in ("nsubj", "nsubjpass", "pobj") and speaker_tok.i == tok.i - 1:
            sp_lo, sp_hi = self._name_before(speaker_tok)
        if sp_lo <= tok.i <= sp_hi:  # a speaker that swallowed its own cue: keep its head phrase
            sp_lo, sp_hi = self._head_phrase(speaker_tok)
        speaker = _range_span(self.doc, sp_lo, sp_hi)
        content, head, direct, quotes = self._content_of(tok, speaker, cue, (sp_lo, sp_hi))
        if content is None:
            return
        if tok.lemma_.lower() in self.cues.demand_with_xcomp and self.doc[head].dep_ == "xcomp":
            stance = "demand"
        self.found.append(Found(
            cue=cue, content=content, stance=stance, speaker=speaker,
            speaker_head=_tok_span(speaker_tok), direct=direct, relayed=relayed,
            cue_text=self.text[cue[0]:cue[1]], cue_i=tok.i, content_head=head, quotes=quotes))

    def _right_after_quote(self, tok) -> bool:
        i = last_ending_by(self.quotes, tok.idx)
        while i >= 0 and self.quotes[i][1] + 4 >= tok.idx:
            if self.text[self.quotes[i][1]:tok.idx].strip(" ,\"\u201d") == "":
                return True
            i -= 1
        return False

    def _name_before(self, tok) -> tuple[int, int]:
        lo = tok.i
        while lo > 0 and self.doc[lo - 1].pos_ in ("PROPN", "NOUN", "ADJ", "DET", "NUM") and not self.doc[lo - 1].is_punct:
            lo -= 1
        return lo, tok.i

    def _head_phrase(self, tok) -> tuple[int, int]:
        lo = hi = tok.i
        for child in tok.children:
            if child.dep_ in ("compound", "amod", "det", "poss", "nummod", "case", "nmod") and child.i < tok.i:
                lo = min(lo, child.left_edge.i)
        return lo, hi

    def _speaker_of(self, tok):
        """(speaker token, relayed, first token of the cue) for a reporting verb."""
        for child in tok.children:
            if child.dep_ in _SUBJ:
                if child.lower_ in _REL_PRONOUNS and tok.dep_ == "relcl":
                    return tok.head, False, tok.i
                return child, False, tok.i
        if tok.i > 0 and self._right_after_quote(tok):  # inverted: "“...,” warned Asli Aydintasbas"
            for child in tok.children:
                if child.i > tok.i and child.dep_ in ("attr", "dobj", "npadvmod", "appos", "oprd") \
                        and child.pos_ in ("PROPN", "NOUN"):
                    return child, False, tok.i
        for child in tok.children:  # "it was said by X"
            if child.dep_ == "agent":
                for g in child.children:
                    if g.dep_ == "pobj":
                        return g, False, tok.i
        # "Peskov was reported as saying", "TASS quoted Peskov as saying"
        head = tok.head
        if tok.dep_ in ("pcomp", "pobj") and head.lower_ == "as" and head.head.i != head.i:
            relay = head.head
            if relay.lemma_.lower() in self.cues.relayed:
                for child in relay.children:
                    if child.dep_ in ("nsubjpass", "dobj"):
                        lo = min([relay.i] + [c.i for c in relay.children
                                              if c.dep_ in ("aux", "auxpass") and c.i < relay.i])
                        return child, child.dep_ == "nsubjpass", lo
        if tok.dep_ in ("acl", "relcl") and tok.head.pos_ in ("NOUN", "PROPN") and tok.head.i < tok.i:
            return tok.head, False, tok.i
        # shared subject: "... and said", "..., saying"
        if tok.dep_ in ("conj", "advcl", "xcomp") and tok.head.i != tok.i:
            for child in tok.head.children:
                if child.dep_ in _SUBJ and child.i < tok.i:
                    return child, False, tok.i
        # a subjectless cue right after a name the parser hung elsewhere ("..., NCDC lead Dr. Olajide Idris said")
        j = tok.i - 1
        while j >= 0 and self.doc[j].pos_ == "ADV":
            j -= 1
        if j >= 0 and self.doc[j].pos_ in ("PROPN", "PRON") and tok.tag_ in ("VBD", "VBZ", "VBP") and not any(
                c.dep_ in ("nsubjpass", "expl") for c in tok.children):
            return self.doc[j], False, tok.i
        return None, False, tok.i

    def _content_of(self, tok, speaker: Span | None, cue: Span, sp_range: tuple[int, int]):
        """(content span, content head index, direct, quotes) for a reporting verb."""
        group = (min(cue[0], speaker[0]) if speaker else cue[0], max(cue[1], speaker[1]) if speaker else cue[1])
        # a cue with its own clause after it ("X said the strain is new") takes no quotation before it
        own_clause = any(c.dep_ == "ccomp" and c.i > tok.i for c in tok.children)
        bare = not any(c.dep_ in ("ccomp", "xcomp", "dobj", "prep") and c.i > tok.i
                       and c.lemma_.lower() not in self.cues.hearers for c in tok.children)
        quoted = self._attached_quote(group, before_ok=not own_clause, bare=bare)
        if quoted:
            return self._quoted_content(quoted), self._head_inside(quoted[0]), True, quoted
        relay = tok.head.head if tok.dep_ in ("pcomp", "pobj") and tok.head.lower_ == "as" else None
        comps = [c for c in tok.children if c.dep_ == "ccomp"]
        if relay is not None and not comps:  # "CONTENT, X was reported as saying" with CONTENT on "reported"
            comps = [c for c in relay.children if c.dep_ == "ccomp"]
        if tok.lemma_.lower() in self.cues.xcomp:
            comps += [c for c in tok.children if c.dep_ == "xcomp"]
            comps.sort(key=lambda c: c.i)
        if not comps:  # "denied reports that ...", "rejected claims that ..."
            for obj in (c for c in tok.children if c.dep_ == "dobj"):
                comps += [g for g in obj.children if g.dep_ in ("acl", "ccomp")
                          and any(m.dep_ == "mark" and m.lower_ == "that" for m in g.children)]
        if comps:
            lo = min(c.left_edge.i for c in comps)
            hi = max(c.right_edge.i for c in comps)
            first = min(sp_range[0], tok.i)
            if lo < first <= hi:  # the cue sits inside: "what the Kremlin said would be ..."
                after = _range_span(self.doc, max(sp_range[1], tok.i) + 1, hi)
                span = after if after and hi - max(sp_range[1], tok.i) > 2 else _range_span(self.doc, lo, first - 1)
            else:
                span = _range_span(self.doc, lo, hi)
            if span is None:
                return None, -1, False, []
            return span, comps[0].i, self._inside_quotes(span), []
        if relay is not None:  # "..., X was reported as saying"
            return self._fronted_content(relay, sp_range)
        return self._fronted_content(tok, sp_range)

    def _fronted_content(self, tok, sp_range):
        """"CONTENT, X said" parsed with the content as the head of the cue."""
        head = tok.head
        if tok.dep_ == "parataxis" and head.i > tok.i and head.i not in self.cue_tokens:
            # parenthetical: "Such matters, he told VOA, should be decided through referendums."
            span = _range_span(self.doc, head.left_edge.i, head.right_edge.i)
            if span is None:
                return None, -1, False, []
            return span, head.i, self._inside_quotes(span), []
        if head.i == tok.i or head.i > tok.i or tok.dep_ not in ("parataxis", "conj", "ccomp", "advcl"):
            return None, -1, False, []
        if head.i in self.cue_tokens:
            return None, -1, False, []
        first = min(sp_range[0], tok.i)
        prev = self.doc[first - 1] if first > 0 else None
        if prev is None or not (prev.is_punct and prev.text in ",\u201d\"\u2014"):
            return None, -1, False, []
        lo = head.left_edge.i
        span = _range_span(self.doc, lo, first - 1)
        if span is None:
            return None, -1, False, []
        return span, head.i, self._inside_quotes(span), []

    def _quoted_content(self, quoted: list[Span]) -> Span:
        """The quoted words, without the comma that hands over to the attribution."""
        start, end = quoted[0][0], quoted[-1][1]
        while end > start and self.text[end - 1] in " \t\n,;:":
            end -= 1
        return (start, end)

    def _head_inside(self, span: Span) -> int:
        toks = tokens_in(self.doc, span)
        for t in toks:
            if t.head.idx < span[0] or t.head.idx >= span[1] or t.head.i == t.i:
                return t.i
        return toks[0].i if toks else -1

    # ------------------------------------------------------------------ quotations
    def _attached_quote(self, group: Span, before_ok: bool = True, bare: bool = False) -> list[Span]:
        """Quotations attached to a cue group (speaker + cue): the one that ends right
        before it ("“...,” he said") or starts right after it ("said, “...”"), with the
        quotations that continue it ("“...,” he said. “...”")."""
        before = self._quote_before(group, bare) if before_ok else None
        if before is not None:
            parts = self._run_back(before) + [before]
            nxt = self._quote_after(group, "\n")
            if nxt is not None:
                parts += [nxt] + self._run_on(nxt)
            return parts
        after = self._quote_after(group, ".")
        if after is not None:
            return [after] + self._run_on(after)
        return []

    def _quote_before(self, group: Span, bare: bool) -> Span | None:
        """The last quotation that ends right before ``group`` and hands over to it."""
        # Walking back from the group, the gap only grows: once it is no longer just marks
        # and spaces, no earlier quotation can be adjacent.
        for i in range(last_ending_by(self.quotes, group[0]), -1, -1):
            q = self.quotes[i]
            if not _MARKS_RUN.fullmatch(self.text, q[1], group[0]) or not self._adjacent(q[1], group[0]):
                return None
            if bare or self._hands_over(q):
                return q
        return None

    def _quote_after(self, group: Span, not_between: str) -> Span | None:
        """The first quotation that starts right after ``group`` (nothing in ``not_between``
        between them) and is not attributed to a cue of its own."""
        for i in range(first_starting_at(self.quotes, group[1]), len(self.quotes)):
            q = self.quotes[i]
            if q[0] - group[1] >= 60 and not _MARKS_RUN.fullmatch(self.text, group[1], q[0]):
                return None  # every later quotation is further away still: none is adjacent
            if (self._adjacent(group[1], q[0], lead=True) and not_between not in self.text[group[1]:q[0]]
                    and not self._attributed_elsewhere(q)):
                return q
        return None

    def _hands_over(self, q: Span) -> bool:
        """A quotation that hands over to a following attribution ends with a comma, a dash,
        or a question or exclamation mark ("“...,” he said"); one that ends with a full stop
        closed its sentence, and what follows is a new one ("“...” Badmus stressed ..."),
        unless that is a bare cue with nothing of its own ("“....” Chao said.")."""
        end = self.text[q[0]:q[1]].rstrip()
        return not end.endswith(".") or end.endswith("..")

    def _adjacent(self, a: int, b: int, lead: bool = False) -> bool:
        between = self.text[a:b]
        if "\n" in between and not (lead and ":" in between):
            return False  # a paragraph break ends an attribution, except "X said:" before a quote
        if _BETWEEN_OK.match(between):
            return True
        if lead and len(between) < 60 and between.rstrip().endswith((":", ",")) and "\n" not in between:
            # "said on Monday: “...”" — a short adverbial between cue and quotation
            toks = tokens_in(self.doc, (a, b))
            return not any(t.pos_ in ("VERB", "AUX") for t in toks)
        return False

    def _run_on(self, q: Span) -> list[Span]:
        """Quotations that carry on ``q`` with only marks and spaces between them (a quote
        reopened in the next paragraph continues it)."""
        out, cur = [], q
        for nxt in self.quotes[first_starting_at(self.quotes, q[0] + 1):]:
            if self._attributed_elsewhere(nxt):
                break
            gap = self.text[cur[1]:nxt[0]]
            if gap.strip(" \n\t" + _QUOTE_MARKS) == "" and (cur[1] >= len(self.text) or self.text[cur[1]] not in _QUOTE_MARKS or "\n" not in gap):
                out.append(nxt)
                cur = nxt
            else:
                break
        return out

    def _run_back(self, q: Span) -> list[Span]:
        out, cur = [], q
        for prev in reversed(self.quotes[:last_ending_by(self.quotes, q[0]) + 1]):
            gap = self.text[prev[1]:cur[0]]
            if gap.strip(" \n\t" + _QUOTE_MARKS) == "" and self.text[prev[1]:prev[1] + 1] not in _QUOTE_MARKS:
                out.insert(0, prev)  # an unclosed paragraph quote running into this one
                cur = prev
            else:
                break
        return out

    def _attributed_elsewhere(self, q: Span) -> bool:
        """A quotation followed by its own cue ("“...,” she said") starts a new claim."""
        after = self.text[q[1]:q[1] + 80]
        m = re.match(r"^[\s,.\u201d\"]*([^.\u201c\"]*)", after)
        if not m:
            return False
        toks = tokens_in(self.doc, (q[1], q[1] + len(m.group(0))))
        return any(t.i in self.cue_tokens for t in toks)

    def _inside_quotes(self, span: Span) -> bool:
        q = quote_at(self.quotes, span[0])
        return q is not None and span[1] <= q[1]

    def _continuations(self) -> None:
        """“A,” he said. “B.” — a quotation right after an attributed one, in the same
        paragraph and with no cue of its own, continues the same claim."""
        claimed = SpanIndex(f.content for f in self.found)
        for f in self.found:
            if not f.direct or not f.quotes:
                continue
            last = f.quotes[-1]
            end_sent = self._sentence_end(max(last[1], f.cue[1]))
            for q in self.quotes[first_starting_at(self.quotes, end_sent):]:
                if claimed.covers(q[0]):
                    continue
                if _QUOTE_GAP.fullmatch(self.text, end_sent, q[0]) and not self._attributed_elsewhere(q):
                    f.quotes.append(q)
                    f.content = self._quoted_content([f.content, q])
                break
        self._following_quotes()

    def _following_quotes(self) -> None:
        """X said Y. “Z.” — a quotation that opens the sentence right after a claim and has
        no cue of its own is the same speaker's (news style names a speaker once)."""
        claimed = SpanIndex(f.content for f in self.found)
        extra: list[Found] = []
        extra_end = -1  # the quotations claimed here start in text order: only the furthest end matters
        speakers = sorted((f.cue[0], i) for i, f in enumerate(self.found) if f.speaker and f.via is None)
        cue_starts = [c for c, _ in speakers]
        for q in self.quotes:
            if claimed.covers(q[0]) or q[0] < extra_end or self._attributed_elsewhere(q):
                continue
            toks = tokens_in(self.doc, q)
            if not toks:
                continue
            sent = toks[0].sent
            if self.text[sent.start_char:q[0]].strip(" \t\n" + _QUOTE_MARKS) != "" or sent.start == 0:
                continue  # the quotation does not open its sentence
            prev = self.doc[sent.start - 1].sent
            # the last-found attribution whose cue is in the previous sentence
            lo, hi = bisect_left(cue_starts, prev.start_char), bisect_left(cue_starts, prev.end_char)
            owner = self.found[max(i for _, i in speakers[lo:hi])] if hi > lo else None
            if owner is None or not any(t.pos_ in ("PROPN", "PRON") for t in tokens_in(self.doc, owner.speaker)):
                continue  # "analysts say ..." then a quotation: the quotation is usually someone named next
            parts = [q] + self._run_on(q)
            extra.append(Found(
                cue=owner.cue, content=self._quoted_content(parts), stance=owner.stance,
                speaker=owner.speaker, speaker_head=owner.speaker_head, direct=True,
                relayed=owner.relayed, cue_text=owner.cue_text, cue_i=owner.cue_i,
                content_head=self._head_inside(q), quotes=parts))
            extra_end = max(extra_end, extra[-1].content[1])
        self.found.extend(extra)

    def _sentence_end(self, pos: int) -> int:
        toks = tokens_in(self.doc, (max(0, pos - 1), pos))
        return toks[-1].sent.end_char if toks else pos

    # ------------------------------------------------------------------ according to
    def _according_claim(self, tok) -> None:
        to = next((c for c in tok.children if c.lower_ in self.cues.according_preps), None)
        if to is None:
            return
        pobj = next((c for c in to.children if c.dep_ == "pobj"), None)
        if pobj is None:
            return
        source = pobj
        if pobj.lemma_.lower() in self.cues.source_nouns:  # "a report from X"
            for prep in pobj.children:
                if prep.dep_ == "prep" and prep.lower_ in self.cues.source_preps:
                    inner = next((g for g in prep.children if g.dep_ == "pobj"), None)
                    if inner is not None and inner.pos_ in ("PROPN", "NOUN"):
                        source = inner
                        break
        sp_lo, sp_hi = _speaker_range(source, self.cue_tokens)
        if source.i != pobj.i:
            sp_hi = min(sp_hi, _speaker_range(pobj, self.cue_tokens)[1])
        # the speaker phrase ends at its first comma that is not an apposition's
        speaker = _range_span(self.doc, sp_lo, sp_hi)
        cue = (tok.idx, to.idx + len(to.text))
        head = tok.head
        while head.pos_ not in ("VERB", "AUX") and head.head.i != head.i:
            head = head.head
        group = (cue[0], max(cue[1], speaker[1] if speaker else cue[1]))
        quoted = self._attached_quote(group)
        if quoted and quoted[0][0] >= group[1]:
            content, direct, head_i = self._quoted_content(quoted), True, self._head_inside(quoted[0])
        else:
            quoted = []
            lo, hi = _subtree_range(head)
            while hi > lo and (self.doc[hi].is_punct or self.doc[hi].is_space):
                hi -= 1
            a_lo, a_hi = tok.left_edge.i, tok.right_edge.i
            if a_lo <= lo:
                lo = a_hi + 1
            elif a_hi >= hi:
                hi = a_lo - 1
            content = _range_span(self.doc, lo, hi)
            if content is None:
                return
            direct, head_i = self._inside_quotes(content), head.i
        self.found.append(Found(
            cue=cue, content=content, stance="assert", speaker=speaker,
            speaker_head=_tok_span(source), direct=direct, cue_text=self.text[cue[0]:cue[1]],
            cue_i=tok.i, content_head=head_i, quotes=quoted))

    # ------------------------------------------------------------------ relays
    def _citing_claims(self) -> None:
        """"a report from X, which cited Y", "X, citing Y, reported": Y's claim via X's."""
        by_cue = {f.cue_i: k for k, f in enumerate(self.found)}
        speakers = [(f.speaker, k) for k, f in enumerate(self.found) if f.speaker]
        for tok in self.citing_tokens:
            if tok.i in by_cue:
                continue
            obj = next((c for c in tok.children if c.dep_ == "dobj"), None)
            if obj is None or not self._can_speak(obj):
                continue
            relay = None
            anc = tok.head
            for _ in range(4):  # the relaying claim's cue or source noun above the citing verb
                if anc.i in by_cue:
                    relay = by_cue[anc.i]
                    break
                for sp, k in speakers:
                    if sp[0] <= anc.idx < sp[1] or (self.found[k].cue[0] <= anc.idx < self.found[k].cue[1]):
                        relay = k
                        break
                if relay is not None or anc.head.i == anc.i:
                    break
                anc = anc.head
            if relay is None:
                for k, f in enumerate(self.found):  # "according to a report ..., which cited Y"
                    if f.cue[0] <= tok.idx and tok.idx < f.content[0] + 1 and f.cue_i < tok.i \
                            and self._same_sentence(f.cue_i, tok.i):
                        relay = k
            if relay is None:
                continue
            base = self.found[relay]
            lo, hi = _speaker_range(obj, self.cue_tokens)
            spoken = _range_span(self.doc, lo, hi)
            if any(f.speaker == spoken and f.content == base.content for f in self.found):
                continue  # "cited X as saying": already X's claim
            self.found.append(Found(
                cue=_tok_span(tok), content=base.content, stance=base.stance,
                speaker=_range_span(self.doc, lo, hi), speaker_head=_tok_span(obj),
                direct=base.direct, via=relay, cue_text=tok.text, cue_i=tok.i,
                content_head=base.content_head, quotes=list(base.quotes)))

    def _can_speak(self, tok) -> bool:
        """Whether a cited object is a source ("citing two diplomats", "citing Reuters"),
        not a reason ("citing economic issues")."""
        return (tok.pos_ in ("PROPN", "PRON") or tok.ent_type_ in ("PERSON", "ORG", "NORP", "GPE")
                or tok.lemma_.lower() in self.sources.generic_heads
                or tok.lemma_.lower() in self.cues.source_nouns
                or tok.lemma_.lower() in self.cues.hearers)

    def _same_sentence(self, i: int, j: int) -> bool:
        return self.doc[i].sent.start == self.doc[j].sent.start

    def _dedupe(self) -> None:
        seen: dict[tuple, int] = {}
        keep: list[Found] = []
        remap: dict[int, int] = {}
        for k, f in enumerate(self.found):
            key = (f.cue_i, f.content)
            if key in seen:
                remap[k] = seen[key]
                continue
            seen[key] = len(keep)
            remap[k] = len(keep)
            keep.append(f)
        for f in keep:
            if f.via is not None:
                f.via = remap.get(f.via)
        order = sorted(range(len(keep)), key=lambda k: (keep[k].cue[0], keep[k].via is not None))
        pos = {old: new for new, old in enumerate(order)}
        self.found = [keep[k] for k in order]
        for f in self.found:
            if f.via is not None:
                f.via = pos[f.via]

    def _link_via(self) -> None:
        """A claim whose cue heads another claim's content is relayed through it
        ("According to Russian news outlets, Peskov stated that ...")."""
        by_content_head: dict[int, list[int]] = {}
        for k, a in enumerate(self.found):
            by_content_head.setdefault(a.content_head, []).append(k)
        for b in self.found:
            if b.via is not None:
                continue
            for k in by_content_head.get(b.cue_i, ()):
                a = self.found[k]
                if a is not b and a.content[0] <= b.cue[0] < a.content[1]:
                    b.via = k
                    break

    # ------------------------------------------------------------------ anonymity
    def _anonymous(self, f: Found) -> bool:
        if f.speaker is None:
            return False
        words = self.text[f.speaker[0]:f.speaker[1]]
        low = words.lower()
        src = self.sources
        toks = tokens_in(self.doc, f.speaker)
        if any(t.lower_ in src.marker_words for t in toks) or any(p in low for p in src.marker_phrases):
            return True
        head = next((t for t in toks if t.head.idx < f.speaker[0] or t.head.idx >= f.speaker[1] or t.head.i == t.i), None)
        if head is None or head.lemma_.lower() not in src.generic_heads:
            return False
        dets = [c for c in head.children if c.dep_ in ("det", "nummod", "amod") and c.lower_ in src.generic_determiners]
        named = any(t.pos_ == "PROPN" or t.ent_type_ in ("PERSON", "ORG") for t in toks)
        return bool(dets) and not named


def find_attributions(doc, text: str) -> list[Found]:
    """Every attribution in ``doc`` (a parse of ``text``), in text order."""
    return _Finder(doc, text).run()
