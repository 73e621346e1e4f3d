"""Finding candidates: the named mentions of :mod:`newsgraph.actors.names`, then the unnamed
actors that role nouns ("officials", "the spokesman") and organisation head words ("defense
ministry") make, with the country their phrase gives (decided in :mod:`newsgraph.actors.country`).
"""
from __future__ import annotations

from dataclasses import dataclass

from newsgraph.actors.country import CountryRules
from newsgraph.actors.lexicon import norm
from newsgraph.actors.mentions import Cand, affil_right, hyphen_word, kind_is_role, np_extent
from newsgraph.actors.names import (
    acting_regions, described_as_person, described_names, entity_cands, known_names, listed_people, name_words,
    org_names_over_places, particle_name, speaker_names, surname_mentions, titled_names)


@dataclass
class _Head:
    """A role or organisation noun that heads an actor's phrase, and how it reads."""

    tok: object
    lower: str
    two: str  # with the word before: "foreign ministry"
    org_sector: str | None
    role: object  # the lexicon's Role, or None
    misread_verb: bool  # "British media report that ...": a verb tagged as a noun
    acting_body: bool  # "a Turkish court ruling": the body does the act after it
    hyph_end: int  # end of "secretary" + "-general" parsed apart, else 0


# Sectors of a state's own branches: "Taliban Foreign Ministry" is a branch of the Taliban's rule.
STATE_BRANCHES = frozenset({"GOV", "MIL", "COP", "SPY", "JUD", "LEG"})


class Finder(CountryRules):
    """Find the actor mentions of one document: ``Finder(doc, lex).find()``."""

    def find(self) -> list[Cand]:
        doc, lex = self.doc, self.lex
        gaz, ends = org_names_over_places(doc, lex, known_names(doc, lex))
        taken = {i for c in gaz for i in c.tokens()}
        ents = entity_cands(doc, taken, ends)
        for c in ents:
            if c.kind == "org" and particle_name(doc[c.start : c.end], lex):
                c.kind, c.type = "person", "person"  # "Charles de Gaulle" tagged ORG
            if c.kind == "person" and c.end - c.start >= 3 and lex.role(doc[c.start].lower_) is not None:
                # "Lawyer Lionel Bethune de Moro": a capitalised title taken into the name.
                c.start += 1
                c.name = norm(doc[c.start : c.end].text)
        ents = self._described_orgs(ents)
        ents += listed_people(doc, lex, taken | {i for c in ents for i in c.tokens()})
        ents += titled_names(doc, lex, taken | {i for c in ents for i in c.tokens()})
        ents += speaker_names(doc, lex, taken | {i for c in ents for i in c.tokens()})
        ents += described_names(doc, lex, taken | {i for c in ents for i in c.tokens()})
        ents += acting_regions(doc, ents, taken | {i for c in ents for i in c.tokens()})
        ents += surname_mentions(doc, ents, taken | {i for c in ents for i in c.tokens()})
        # A person name that contains a gazetteer hit ("Jordan Peterson") replaces it.
        person_tokens = {i for c in ents if c.kind == "person" for i in c.tokens()}
        gaz = [c for c in gaz if not any(i in person_tokens for i in c.tokens())]
        cands = sorted(gaz + ents, key=lambda c: c.start)
        for c in cands:
            c.head = doc[c.start : c.end].root.i
            for i in c.tokens():
                self.by_token[i] = c
        self.cands = cands
        self._role_nouns()
        self.cands.sort(key=lambda c: c.start)
        return self.cands

    def _described_orgs(self, ents: list[Cand]) -> list[Cand]:
        """A name tagged ORG that the text describes as a person ("Morgan Kehr, a senior firefighter")
        is that person; one that ends in such a name after a body ("Chamber of Deputies Arnel
        Belizaire, who ...") is split in two."""
        doc, lex = self.doc, self.lex
        out = []
        for c in ents:
            if c.kind != "org" or not described_as_person(doc, doc[c.end - 1], lex, who=True):
                out.append(c)
                continue
            k = name_words(doc, c.start, c.end, lex)
            if k == c.end:
                out.append(c)
                continue
            if k > c.start:
                out.append(Cand(c.start, k, "org", type="organization", name=norm(doc[c.start:k].text)))
            out.append(Cand(k, c.end, "person", type="person", name=norm(doc[k:c.end].text)))
        return out

    def _role_nouns(self) -> None:
        """Unnamed actors: role nouns ("officials", "the spokesman") and organisation heads ("defense ministry")."""
        words = self.lex.role_words
        for tok in self.doc:
            if tok.pos_ not in ("NOUN", "PROPN") or tok.i in self.by_token:
                continue
            if tok.lower_ not in words and tok.lemma_.lower() not in words:
                continue  # no role or organisation word ends here (most nouns: a set look-up, not five)
            head = self._role_head(tok)
            if head is not None:
                self._role_noun(head)

    def _role_head(self, tok) -> _Head | None:
        """How a role or organisation noun reads, when it heads a phrase that is an actor."""
        doc, lex = self.doc, self.lex
        lower = tok.lower_
        prev = doc[tok.i - 1].lower_ if tok.i > 0 else ""
        two = f"{prev} {lower}"
        if two not in lex.org_words and lower != tok.lemma_.lower():
            two_lemma = f"{prev} {tok.lemma_.lower()}"
            two = two_lemma if two_lemma in lex.org_words else two  # "opposition parties"
        org_sector = lex.org_words.get(two) or lex.org_words.get(lower)
        # Only heads of noun phrases: "leader" in "North Korean leader Kim" belongs to the name;
        # but the body in a title is an actor too: "Chinese Foreign Ministry spokesperson Mao Ning".
        # "British media report that ...": a verb the tagger took for a noun heads the sentence.
        misread_verb = tok.head.dep_ in ("ROOT", "advcl", "ccomp", "conj", "npadvmod", "parataxis") \
            and tok.head.lower_ in ("report", "say", "claim", "warn") and tok.head.i == tok.i + 1 \
            and not any(ch.dep_ in ("det", "poss") for ch in tok.head.children)
        # "a Turkish court ruling", "a police raid": the body does the act named after it.
        # ("Indian Air Force transport planes": other modifiers of the act may come between)
        acting_body = tok.dep_ == "compound" and org_sector is not None and tok.head.i > tok.i \
            and tok.head.lemma_.lower() in lex.act_nouns \
            and all(doc[j].dep_ == "compound" and doc[j].head.i == tok.head.i for j in range(tok.i + 1, tok.head.i))
        if tok.dep_ == "compound" and org_sector is not None and tok.head.i == tok.i + 1 and self._named_body_after(tok, org_sector):
            return None  # "the rights group Licadho", "Cambodian media association CamboJA"
        if tok.dep_ == "compound" and tok.head.pos_ in ("NOUN", "PROPN") and not misread_verb and not acting_body \
                and not (org_sector is not None and lex.role(lower) is None
                         and (head_role := lex.role(tok.head.lower_)) is not None and head_role.sector == "ORG"):
            return None
        # "secretary-general" comes as three tokens; the hyphenated word is the role, not "general".
        hyph = hyphen_word(doc, tok.i - 2)
        role = (lex.roles.get(hyph) if hyph else None) or lex.roles.get(two) or lex.roles.get(lower) \
            or lex.roles.get(tok.lemma_.lower())
        joined = hyphen_word(doc, tok.i)
        hyph_end = tok.i + 3 if joined and lex.roles.get(joined) is not None else 0
        if hyph_end:
            role = lex.roles[joined]  # "secretary" + "-general" parsed apart
        if org_sector is None and role is None:
            return None
        # "Dmitry Peskov, a spokesman for the Kremlin": the apposition describes the person.
        if tok.dep_ == "appos" and self._person_at(tok.head):
            return None
        if any(ch.dep_ == "appos" and self._person_at(ch) for ch in tok.children):
            return None
        if tok.dep_ == "attr" and tok.head.lemma_ == "be" \
                and any(ch.dep_ == "nsubj" and self._person_at(ch) for ch in tok.head.children):
            return None  # "James Schoff is a senior director at ...": the title is the person's
        return _Head(tok, lower, two, org_sector, role, misread_verb, acting_body, hyph_end)

    def _role_extent(self, h: _Head) -> tuple[int, int]:
        """The tokens of the phrase a role or organisation noun heads, with its nationalities."""
        doc, tok = self.doc, h.tok
        left, right = np_extent(tok)
        right = max(right, h.hyph_end)
        if h.acting_body or h.misread_verb:
            # "a Turkish court ruling": the nationality modifies the act, and belongs to the body.
            left = min(left, next((t.left_edge.i for t in tok.head.lefts if t.i < tok.i
                                   and t.dep_ in ("amod", "compound", "nmod", "poss")), left))
        if tok.tag_ in ("NNS", "NNPS"):
            left = self._coordinated_nationalities(left)
        if tok.dep_ == "compound" and tok.head.i > tok.i:
            # "Indian foreign ministry spokesperson": the nationality just before goes with the body.
            while left > 0 and (doc[left - 1].tag_ == "POS" or (o := self.by_token.get(left - 1)) is not None
                                and o.kind in ("demonym", "country", "capital")):
                left -= 1
        return left, right

    def _role_noun(self, h: _Head) -> None:
        """Add the actor a role or organisation noun makes, with the candidates inside it consumed."""
        tok, role, org_sector = h.tok, h.role, h.org_sector
        left, right = self._role_extent(h)
        # Skip determiners-only extents that swallow a named candidate as head ("TASS news agency"
        # is the body's mention, extended later).
        inner = [self.by_token[i] for i in range(left, right) if i in self.by_token]
        leader_country = None
        if any(c.kind == "person" for c in inner):
            # "the Bush administration", "the Assad regime": a listed leader's name makes the
            # government his country's; any other name inside keeps the phrase that person's.
            leader_country = self._leader_country(inner, role, org_sector)
            if leader_country is None:
                return
            inner = [c for c in inner if c.kind != "person"]
        named = [c for c in inner if c.kind in ("body", "org")]
        skip, owner_country = self._branch_owner(h, inner, named)
        if skip:
            return
        if role is not None and role.topic:
            # "a North Korea analyst" studies North Korea; only an adjective gives nationality.
            inner_c = [c for c in inner if c.kind != "country"]
        else:
            inner_c = inner
        country = self._modifier_country(tok, inner_c) or leader_country or owner_country \
            or self._led_country(left, tok.i) or (
            self._city_in(left, tok.i) if left < tok.i else None) or (
            self._led_by(tok) if org_sector == "GOV" or role is not None and role.sector == "GOV" else None)
        if org_sector is not None and (role is None or not role.group):
            cand = self._org_noun(h, left, right, country)
            if cand is None:
                return
        else:
            cand = self._role_cand(h, left, right, country, named)
        cand.regional = any(c.kind == "demonym" and not c.country for c in inner)
        if kind_is_role(cand) and affil_right(tok) > right:
            cand.extra.append((left, affil_right(tok)))
        if cand.kind == "group":
            self._split_compound_group(cand, tok, inner_c)
        cand.head = tok.i
        for c in inner:
            # "African Union troops", "G7 foreign ministers": the named body stays an actor too.
            c.consumed = c.consumed or not (c.kind == "body" and kind_is_role(cand) and c.type != "metonym")
        self._register(cand, replace=bool(owner_country))  # "Taliban Foreign Ministry": the branch, not the movement

    def _branch_owner(self, h: _Head, inner: list[Cand], named: list[Cand]) -> tuple[bool, str | None]:
        """(skip, country): "the TASS news agency" is the named body's own mention (skip);
        "Taliban Foreign Ministry" is a branch of the named body's rule (its country)."""
        doc = self.doc
        # A body named by a proper name; "parliament's lower house" is no such name.
        proper = [c for c in named if c.kind == "body" or doc[c.head].pos_ == "PROPN"]
        # "China's U.N. mission": a country owning the phrase owns the body; the named one
        # only says where it works.
        owned = proper and any(c.kind in ("country", "capital", "demonym") and c.end < len(doc)
                               and doc[c.end].tag_ == "POS" and c.country != proper[-1].country for c in inner)
        if not (proper and (h.org_sector is not None and h.role is None) and not owned):
            return False, None
        owner = proper[-1]
        if not (h.org_sector in STATE_BRANCHES and owner.sector not in (None, h.org_sector)
                and owner.country and owner.country != "IGO"
                and not (owner.end < len(doc) and doc[owner.end].tag_ == "POS")):
            return True, None
        return False, owner.country

    def _org_noun(self, h: _Head, left: int, right: int, country: str | None) -> Cand | None:
        """The organisation an organisation noun names, or None when it names none (or one
        named before, registered here)."""
        doc, lex, tok, two, lower = self.doc, self.lex, h.tok, h.two, h.lower
        named_before = self._named_body_before(tok) if country is None and doc[left].lower_ == "the" \
            and tok.i - left == 1 else None
        if named_before is not None:
            # "the court" after "the International Court of Justice": that body again.
            cand = Cand(left, right, named_before.kind, country=named_before.country,
                        sector=named_before.sector, name=named_before.name, code=named_before.code,
                        type=named_before.type, key=named_before.key)
            cand.head = tok.i
            self._register(cand)
            return None
        # "the coast guard", "its coast guard", "a cabinet meeting", "parliament's lower
        # house": the body of the country in context.
        alone = two in lex.org_alone or lower in lex.org_alone and two not in lex.org_words
        opener = doc[left].lower_ in ("the", "its", "their") and tok.i - left <= 2 \
            or two in lex.org_alone and left == tok.i - 1 \
            or h.acting_body and tok.i - left <= 1 \
            or left + 1 < tok.i and doc[left + 1].tag_ == "POS" and doc[left].lower_ in lex.org_alone
        if country is None and not (opener and alone):
            return None  # "the ministry" with no country: left to coreference
        named_from = left + (doc[left].lower_ in ("its", "their"))
        return Cand(left, right, "org", country=country, sector=h.org_sector, type="organization",
                    name=norm(doc[named_from:right].text))

    def _role_cand(self, h: _Head, left: int, right: int, country: str | None, named: list[Cand]) -> Cand:
        """The person or group a role noun names ("the spokesman", "officials")."""
        doc, tok, role, lower = self.doc, h.tok, h.role, h.lower
        plural = tok.tag_ in ("NNS", "NNPS") or lower in ("media", "people", "police")
        sector = role.default if role.sector == "ORG" else role.sector
        affil = self._affiliation(tok) or (named[-1] if named else None)
        if affil is not None:
            country = country or affil.country
            # "French representatives at a U.N. meeting" stay their government's.
            if role.sector == "ORG" and affil.sector and not (
                    affil.country == "IGO" and country not in (None, "IGO")):
                sector = affil.sector
        if country is None and role.group and (plural or lower in ("police",)):
            # "Demonstrators in Baghdad", "people blocked streets in Hong Kong"
            country = self._group_place(tok)
        if plural or role.group and country is not None:
            kind, typ = "group", "group"
        else:
            kind, typ = "role", "person"
        if kind == "role" and country is None and affil is None:
            return Cand(left, right, "role", sector=sector, type="person", name=norm(doc[left:right].text),
                        title=lower)
        return Cand(left, right, kind, country=country, sector=sector, type=typ,
                    name=norm(doc[left:right].text), title=lower)

    def _named_body_before(self, tok) -> Cand | None:
        """The latest body or organisation named before ``tok`` whose name has ``tok``'s word
        ("the court" -> "International Court of Justice"); None when there is none, or when two
        different ones would fit."""
        word = tok.lower_
        fits = [c for c in self.cands if c.kind in ("body", "org") and c.end <= tok.i and c.name
                and word in c.name.lower().split() and c.name.lower() != f"the {word}"]
        if not fits:
            return None
        names = {c.name.lower() for c in fits}
        return fits[-1] if len(names) == 1 else None

    def _split_compound_group(self, cand: Cand, tok, inner: list[Cand]) -> None:
        """"U.S. and Iraqi officials": one group per nationality, each with the whole phrase as mention."""
        # "U.S. and NATO troops": an international body's troops are a group of their own (IGO).
        nats = [c for c in inner if c.kind in ("demonym", "country", "capital") and c.country and c.country != "IGO"
                or c.kind == "body" and c.country == "IGO"]
        codes = list(dict.fromkeys(c.country for c in nats))
        if len(codes) < 2 or not any(self.doc[i].lower_ in ("and", "or", "&") for i in range(cand.start, tok.i)):
            return
        cand.country = nats[0].country
        cand.name = f"{self.doc[nats[0].start:nats[0].end].text} {tok.text}"
        for code in codes[1:]:
            other = next(c for c in nats if c.country == code)
            twin = Cand(cand.start, cand.end, "group", country=code, sector=cand.sector, type="group",
                        name=f"{self.doc[other.start:other.end].text} {tok.text}", title=cand.title, head=tok.i)
            twin.extra = list(cand.extra)
            self.cands.append(twin)

    def _named_body_after(self, tok, sector: str) -> bool:
        """A body's description before its name, when the recogniser missed the name ("Independent
        Cambodian media association CamboJA said"): the name is an organisation of the description's
        sector and nationality. True when one was added."""
        lex = self.lex
        head = tok.head
        named = self.by_token.get(head.i)
        if head.pos_ not in ("PROPN", "NOUN") or not head.text[:1].isupper() or head.is_sent_start \
                or named is not None and not (named.kind == "org" and named.sector is None and named.start == head.i) \
                or lex.role(tok.lower_) or lex.role(head.lower_) is not None or head.lower_ in lex.org_words \
                or head.lower_ in lex.non_actors \
                or any(ch.dep_ == "compound" and ch.i > tok.i for ch in head.children):
            return False
        left = head.left_edge.i
        inner = [self.by_token[i] for i in range(left, head.i) if i in self.by_token]
        if any(c.kind in ("person", "body", "org") for c in inner):
            return False
        country = self._modifier_country(head, inner)
        for c in inner:
            c.consumed = True
        if named is not None:
            # "the rights group Licadho": the recogniser's name gets the description's sector.
            named.sector, named.country = sector, named.country or country
            named.extra.append((left, named.end))
            return True
        cand = Cand(left, head.i + 1, "org", country=country, sector=sector,
                    type="organization", name=norm(head.text))
        cand.head = head.i
        self._register(cand)
        return True

    def _coordinated_nationalities(self, left: int) -> int:
        """"U.S., French and Mexican representatives", parsed as a list that ends before the noun or
        as one that the noun's own modifiers continue: the run of nationalities just before a plural
        role noun is its own (a new left edge). The parser must have seen a list ("In the U.S.,
        Chinese officials said" is none)."""
        doc = self.doc
        i, crossed = left, []
        while i > 0:
            o = self.by_token.get(i - 1)
            if o is not None and o.kind in ("demonym", "country") and o.country and o.country != "IGO":
                crossed.append(o)
                i = o.start
            elif doc[i - 1].lower_ in (",", "and", "or") and self.by_token.get(i - 2) is not None:
                i -= 1
            else:
                break
        if not any(doc[o.head].dep_ == "conj" for o in crossed):
            return left
        while doc[i].lower_ in (",", "and", "or"):
            i += 1
        return i

    def _affiliation(self, tok) -> Cand | None:
        """The body a role belongs to: "spokesman for the Kremlin", "analyst at the Stimson Center"."""
        for child in tok.rights:
            if child.dep_ == "prep" and child.lower_ in ("for", "at", "of", "with", "from"):
                for obj in child.children:
                    if obj.dep_ == "pobj":
                        c = self._cand_in(obj.left_edge.i, obj.i + 1)
                        # "envoy for Syria", "ambassador to Russia" name a counterpart; only
                        # "officials of/from Iran" give a nationality.
                        if c is not None and c.kind in ("country", "capital", "demonym") and child.lower_ not in ("of", "from"):
                            continue
                        if c is not None:
                            return c
        return None

