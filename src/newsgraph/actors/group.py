"""Grouping candidates into actors: one person, body, country or group with all its mentions.

A person's short name joins the full name ("Kim" after "Kim Jong Un", "Pederson" after "Geir
Pedersen", "MBS" after "Mohammed bin Salman"), an acronym or short form joins the body named
before, "the North" the country named before, and a description ("the Kremlin spokesman") the
person who holds that title (:func:`newsgraph.actors.coref.short_name_target` and friends).
:func:`to_actors` writes the grouped actors as the record's :class:`~newsgraph.record.Actor` s.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from newsgraph.actors.coref import short_name_target
from newsgraph.actors.lexicon import load_lexicon, norm
from newsgraph.actors.mentions import WORDS, Cand, hyphen_word
from newsgraph.record import Actor

# Candidate kinds that become actors; "place" and consumed modifiers do not.
ACTOR_KINDS = {"country", "capital", "body", "org", "person", "group", "role"}
QUANTITY_WORDS = WORDS["quantity_word"]
NUMBER_WORDS = WORDS["number_word"]


@dataclass
class Acc:
    """An actor being assembled from its candidates: what they say of it, and where."""

    name: str
    type: str
    spans: list[tuple[int, int]] = field(default_factory=list)  # token spans
    cands: list[Cand] = field(default_factory=list)
    country: str | None = None
    sector: str | None = None
    code: str | None = None
    title: str | None = None

    def absorb(self, c: Cand) -> None:
        self.cands.append(c)
        self.spans.append((c.start, c.end))
        self.spans.extend(c.extra)
        self.country = self.country or c.country
        self.sector = self.sector or c.sector
        self.title = self.title or c.title
        self.code = self.code or c.code


def group(doc, cands: list[Cand]) -> list[Acc]:
    """The actors that the candidates ``cands`` of ``doc`` name, in order of first mention."""
    return _Grouper(doc).run(cands)


class _Grouper:
    def __init__(self, doc):
        self.doc = doc
        self.lex = load_lexicon()
        self.accs: list[Acc] = []
        self.by_key: dict[tuple, Acc] = {}
        self.full_names: list[tuple[tuple[str, ...], Acc]] = []
        self.pending_short: list[Cand] = []
        self.pending_roles: list[Cand] = []
        self.norths: list[Cand] = []

    def add(self, key, c: Cand, name: str, typ: str) -> Acc:
        acc = self.by_key.get(key)
        if acc is None:
            acc = Acc(name=name, type=typ)
            self.by_key[key] = acc
            self.accs.append(acc)
        acc.absorb(c)
        return acc

    def _tokens(self, c: Cand) -> tuple[str, ...]:
        return tuple(norm(t.text).lower() for t in self.doc[c.start : c.end])

    def run(self, cands: list[Cand]) -> list[Acc]:
        doc = self.doc
        for c in cands:
            if c.consumed or c.kind not in ACTOR_KINDS | {"north"}:
                continue
            if c.kind == "north":
                self.norths.append(c)
            elif c.kind == "person":
                self._person(c)
            elif c.kind == "role":
                self.pending_roles.append(c)
            elif c.kind == "group":
                self.add(("group", c.country, c.sector, doc[c.head].lemma_.lower()), c, _group_name(c), "group")
            elif c.kind == "org":
                self._org(c)
            elif c.kind == "capital":
                self.add(("metonym", c.name.lower()), c, c.name, "metonym")
            else:  # country, body
                self.add(c.key or (c.kind, c.name), c, c.name, c.type)
        self._short_names()
        self._norths()
        self._roles()
        self.accs.sort(key=lambda a: min(s for s, _ in a.spans))
        return self.accs

    def _person(self, c: Cand) -> None:
        tokens = self._tokens(c)
        if len(tokens) == 1 or short_name_target(tokens, self.full_names) is not None:
            self.pending_short.append(c)
            if len(tokens) == 1:
                return
            target = short_name_target(tokens, self.full_names)
            self.pending_short.pop()
            target.absorb(c)
            return
        acc = self.add(("person", tokens), c, norm(self.doc[c.start : c.end].text), "person")
        self.full_names.append((tokens, acc))

    def _org(self, c: Cand) -> None:
        doc, accs = self.doc, self.accs
        # "al-Assad" tagged ORG after "Bashar al-Assad": the person's short name.
        tokens = self._tokens(c)
        target = short_name_target(tokens, self.full_names) if c.sector is None else None
        if target is not None:
            target.absorb(c)
            return
        # "Obama" tagged ORG: a listed person's name is that person ("the Trump administration"
        # is not: there the name only modifies the body).
        if c.sector is None and c.country is None and doc[c.head].dep_ != "compound" \
                and self.lex.known_person(c.name) is not None:
            c.kind, c.type = "person", "person"
            if len(tokens) == 1:
                self.pending_short.append(c)
                return
            self.full_names.append((tokens, self.add(("person", tokens), c, c.name, "person")))
            return
        # "NISA" after "National Intelligence and Security Agency": an acronym of an organisation.
        if c.country is None and c.sector is None and c.name.isupper() and 2 <= len(c.name) <= 6:
            full = next((a for a in accs if a.type == "organization" and _initials(a.name) == c.name), None)
            if full is not None:
                full.absorb(c)
                return
        # "Central Command" after "U.S. Central Command": the short form of a body named before.
        short = c.name.lower().removeprefix("the ")
        # (not a common noun: "the court" after two courts is neither of them)
        longer = next((a for a in accs if a.type == "organization" and a.name.lower() != short
                       and a.name.lower().endswith(" " + short)), None) if doc[c.head].text[:1].isupper() else None
        if longer is not None:
            longer.absorb(c)
            return
        # (also "the ministry" after "Cameroon Livestock Ministry", named after it in find)
        same = next((a for a in accs if a.type == "organization" and a.name.lower().removeprefix("the ") == short
                     and (c.sector is None or a.sector == c.sector)), None) if c.country is None else None
        if same is not None:
            same.absorb(c)  # "SolarAlliance's policy chief" after "Lisbon-based SolarAlliance"
            return
        if c.country is None and c.sector is None and not _acts(doc, c) and not c.affiliation:
            return  # "Islam", "MarineTraffic": nothing known and not acting
        self.add(("org", c.country, c.name.lower().removeprefix("the ")), c, c.name, "organization")

    def _short_names(self) -> None:
        """Short names: "Kim" after "Kim Jong Un" (or before it, in headlines); otherwise a person of their own."""
        doc, lex, full_names = self.doc, self.lex, self.full_names
        for c in self.pending_short:
            tokens = self._tokens(c)
            target = short_name_target(tokens, full_names)
            if target is None:
                target = self.by_key.get(("person", tokens))
            name = norm(doc[c.start : c.end].text)
            if target is None and len(tokens) == 1 and len(tokens[0]) >= 6:
                # "Pederson" after "Geir Pedersen": a surname misspelt by one letter.
                target = next((a for full, a in full_names if len(full) > 1 and _one_letter_off(tokens[0], full[-1])),
                              None)
            if target is None and name.isupper() and 2 <= len(name) <= 4:
                # "MBS" after "Mohammed bin Salman": a person's initials.
                target = next((a for _, a in full_names
                               if "".join(w[0] for w in a.name.split()).upper() == name), None)
            if target is None and len(tokens) == 1 and c.title is None and not c.extra \
                    and (lex.known_person(name) is None or doc[c.head].dep_ == "compound") \
                    and not any(_speaks(doc, o) for o in self.pending_short if o.end - o.start == 1
                                and norm(doc[o.start].text).lower() == tokens[0]):
                continue  # a lone word that never speaks: "Qwen", "Douyin" (see data/speech_verbs.tsv)
            if target is None:
                target = self.add(("person", tokens), c, name, "person")
            else:
                target.absorb(c)

    def _norths(self) -> None:
        """"the North": the country named earlier whose name starts with that word."""
        for c in self.norths:
            word = c.name.lower()
            for acc in self.accs:
                if acc.type == "country" and acc.name.lower().startswith(word + " ") and acc.spans[0][0] < c.start:
                    acc.absorb(c)
                    break

    def _roles(self) -> None:
        """"the Kremlin spokesman", "the president": the person who holds that title."""
        people = [a for a in self.accs if a.type == "person" and a.title]
        for c in self.pending_roles:
            target = _role_target(self.doc, c, people) or _named_next(self.doc, c, self.accs)
            if target is not None:
                target.absorb(c)
                # The description's country and sector fill what the name alone lacked.
                continue
            if c.country is None:
                continue
            self.add(("role", c.country, c.sector, c.name.lower()), c, c.name, "person")


def _group_name(c: Cand) -> str:
    """A group's name without the count that opens it, so that "two Ivorian soldiers" and
    "three Ivorian soldiers" name one group."""
    words = c.name.split()
    k = 0
    while k < len(words) - 1 and (words[k].lower() in QUANTITY_WORDS or _is_number(words[k])):
        k += 1
    return " ".join(words[k:]) if k else c.name


def _is_number(word: str) -> bool:
    return word.replace(",", "").replace(".", "", 1).isdigit() or word.lower() in NUMBER_WORDS


def _speaks(doc, c: Cand) -> bool:
    """True when the mention is the subject of a verb of saying ("Boua said")."""
    root = doc[c.start : c.end].root
    if root.dep_ == "conj":
        root = root.head
    return root.dep_ in ("nsubj", "nsubjpass") and root.head.lemma_.lower() in load_lexicon().speech_verbs


def _one_letter_off(a: str, b: str) -> bool:
    """True when ``a`` and ``b`` differ by exactly one substituted letter."""
    return len(a) == len(b) and a != b and sum(x != y for x, y in zip(a, b)) == 1


def _initials(name: str) -> str:
    """"National Intelligence and Security Agency" -> "NISA" (small words skipped)."""
    return "".join(w[0] for w in name.replace("-", " ").split() if w[:1].isupper())


def _acts(doc, c: Cand) -> bool:
    """True when the mention is the subject of a verb (or conjoined to one)."""
    root = doc[c.start : c.end].root
    return root.dep_ in ("nsubj", "nsubjpass") or root.dep_ == "conj" and root.head.dep_ in ("nsubj", "nsubjpass")


def _named_next(doc, c: Cand, accs: list[Acc]) -> Acc | None:
    """"The U.N. special envoy for Syria is calling for ... Geir Pedersen issued his appeal": a
    definite description in a lede names the untitled person who opens the next sentence."""
    if doc[c.start].lower_ != "the" or c.type != "person":
        return None
    sent = doc[c.start].sent
    if sent.end >= len(doc):
        return None
    nxt = doc[sent.end].sent
    firsts = [(min(s for s, _ in a.spans), a) for a in accs if a.type == "person"]
    opening = [a for first, a in firsts if nxt.start <= first < nxt.start + 3]
    if len(opening) == 1 and opening[0].title is None:
        target = opening[0]
        target.title = c.title
        if c.country:
            target.country = c.country
        return target
    return None


def _role_target(doc, c: Cand, people: list[Acc]) -> Acc | None:
    first = doc[c.start].lower_
    if first not in ("the", "this") and doc[c.start].dep_ != "poss":
        return None  # "a spokeswoman": someone new
    # The whole hyphenated head: "secretary-general" is no "inspector general".
    start = c.head
    while hyphen_word(doc, start - 2):
        start -= 2
    word = doc[start : c.head + 1].text.lower()
    matches = []
    for acc in people:
        if word not in (acc.title or "").lower():
            continue
        if c.country and acc.country and c.country != acc.country:
            continue
        first_tok = min(s for s, _ in acc.spans)
        matches.append((0 if first_tok < c.start else 1, abs(first_tok - c.start), acc))
    if not matches:
        return None
    matches.sort(key=lambda m: (m[0], m[1]))
    # An ambiguous description (two presidents of the same country) is left alone.
    if len(matches) > 1 and matches[0][0] == matches[1][0] == 1:
        return None
    return matches[0][2]


def actor_id(n: int) -> str:
    """The id of the ``n``-th actor of a record (from 1)."""
    return f"a{n}"


def to_actors(doc, accs: list[Acc]) -> list[Actor]:
    """The record's actors: character spans for token spans, and each one's CAMEO-style code."""
    out = []
    for n, acc in enumerate(accs, 1):
        spans = sorted({(doc[s].idx, doc[e - 1].idx + len(doc[e - 1].text)) for s, e in acc.spans if e > s})
        sector = acc.sector
        code = acc.code
        if acc.type in ("person", "group", "organization") and acc.country and not code:
            code = acc.country + (sector or "")
        if acc.type == "metonym" and acc.country:
            code = acc.country + (sector or "GOV")
        out.append(Actor(id=actor_id(n), name=acc.name, type=acc.type, country=acc.country, sector=sector,
                         code=code, title=acc.title, mentions=spans))
    return out
