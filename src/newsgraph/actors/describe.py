"""Describing candidates: what each one is (an actor or a place: "at the White House", "the
ship Golbon") and, for a person, the title and sector that the words around the name give
(titles before it, appositions after it, "who heads ...", "is a senior director at ...").
The country that these words give is decided in :mod:`newsgraph.actors.country`."""
from __future__ import annotations

from newsgraph.actors.country import LEAD_VERBS, TITLE_MODIFIERS, CountryRules
from newsgraph.actors.lexicon import place_country
from newsgraph.actors.mentions import WORDS, Cand

TITLE_GLUE = WORDS["title_glue"]
PAST_TITLE_WORDS = WORDS["past_title"]
WORK_VERBS = WORDS["work_verb"]


class Describer(CountryRules):
    """Describe the candidates a :class:`~newsgraph.actors.finder.Finder` found."""

    def describe(self) -> None:
        for c in self.cands:
            if c.kind == "capital":
                self._capital(c)
            elif c.kind == "country":
                self._country(c)
            elif c.kind == "demonym":
                self._demonym(c)
            elif c.kind == "body":
                self._body(c)
            elif c.kind == "org":
                if self._is_thing(c):
                    c.kind = "place"
                    continue
                self._org(c)
        things = set()
        for c in self.cands:
            if c.kind == "person" and self._is_thing(c):
                c.kind = "place"
            if c.kind == "place" and c.end - c.start > 1:
                things.add(self.doc[c.end - 1].text)
                things.add(self.doc[c.start : c.end].text)
        for c in self.cands:
            # "Jude" after "Cyclone Jude": the short form (or a repeat) of a thing's name is that thing.
            if c.kind == "person" and self.doc[c.start : c.end].text in things:
                c.kind = "place"
        for c in self.cands:
            if c.kind == "person":
                self._person(c)
        self._residence()

    def _is_thing(self, c: Cand) -> bool:
        """A PERSON/ORG label on a vehicle, work, storm or place: "the ship Golbon", "Cyclone Jude",
        "her book Siyasi Jaj", "Beledweyne, a town near ...", "the port of Bandar Abbas"."""
        doc, non = self.doc, self.lex.non_actors
        toks = doc[c.start : c.end]
        first, last = toks[0], toks[-1]
        if len(toks) > 1 and (first.lower_ in non or last.lower_ in non) and last.lower_ not in self.lex.org_words:
            return True
        if first.pos_ in ("ADP", "SCONJ", "CCONJ", "ADV") and first.is_stop:
            return True  # "Beyond Ukraine" at a sentence start
        before = c.start - 1
        if before >= 0 and doc[before].lower_ in non and doc[before].pos_ == "NOUN":
            return True
        root = toks.root
        if root.dep_ in ("appos", "compound") and root.head.lower_ in non and root.head.i != root.i:
            return True
        if any(ch.dep_ == "appos" and ch.lower_ in non for ch in root.children):
            return True
        if root.dep_ == "pobj" and root.head.lower_ in ("from", "in", "near") and c.country is None \
                and not any(t.lower_ in self.lex.org_words for t in toks) and place_country(toks.text) is not None:
            return True  # "a firefighter from Edmonton" (tagged ORG): a known town after "from"
        return root.dep_ == "pobj" and root.head.lower_ == "of" and root.head.head.lower_ in non


    def _is_place(self, tok) -> bool:
        """True when a capital or seat is where something happens, not who acts."""
        dep, head = tok.dep_, tok.head
        while dep == "conj":
            tok = head
            dep, head = tok.dep_, tok.head
        if dep == "pobj":
            prep = head.lower_
            if prep in self.preps:
                return True
            gov = head.head
            if prep in ("to", "from", "for", "toward") and gov.lemma_.lower() in self.motion:
                return True
            if prep == "from" and gov.pos_ in ("VERB", "AUX"):
                return True
            return False
        if dep in ("dobj", "obj") and head.lemma_.lower() in self.motion:
            return True
        if dep in ("npadvmod", "appos", "compound", "nmod", "amod", "attr", "ROOT"):
            return dep != "poss"
        return False

    def _capital(self, c: Cand) -> None:
        tok = self.doc[c.head]
        if self._is_place(tok):
            c.kind = "place"

    def _body(self, c: Cand) -> None:
        tok = self.doc[c.head]
        if c.type == "metonym" and tok.dep_ == "pobj" and tok.head.lower_ in self.preps and tok.head.lower_ != "of":
            c.kind = "place"  # "at the White House"
            return
        self._national_branch(c)
        self._extend_to_head_np(c)

    def _national_branch(self, c: Cand) -> None:
        """"the Sasakawa Peace Foundation USA", "Amnesty International UK": a country name closing
        a body's name makes it that country's branch ("UNHCR Kenya", an office of an international
        body, stays international)."""
        doc = self.doc
        after = self.by_token.get(c.end) if c.end < len(doc) else None
        if c.country == "IGO" or after is None or after.kind != "country" or after.start != c.end or not after.country \
                or doc[c.end - 1].dep_ != "compound" or doc[c.end - 1].head.i not in range(after.start, after.end):
            return
        c.country = after.country
        c.name = f"{c.name} {doc[after.start:after.end].text}"
        c.code = None
        after.consumed = True
        for i in range(after.start, after.end):
            self.by_token[i] = c
        c.extra.append((c.start, after.end))

    def _extend_to_head_np(self, c: Cand) -> None:
        """"the Japanese Kyodo news agency": the body's mention covers its whole noun phrase."""
        tok = self.doc[c.head]
        head = tok
        while head.dep_ == "compound" and head.head.i > head.i and head.head.pos_ in ("NOUN", "PROPN"):
            head = head.head
        if head is not tok:
            prev = self.doc[head.i - 1].lower_ if head.i else ""
            if head.lower_ not in self.lex.org_words and f"{prev} {head.lower_}" not in self.lex.org_words:
                return  # "Kremlin spokesman": the role is an actor of its own
        left = min(head.left_edge.i, c.start)
        right = max(head.i + 1, c.end)
        if (left, right) == (c.start, c.end):
            return
        for i in range(left, right):
            other = self.by_token.get(i)
            if other is not None and other is not c:
                if other.kind in ("person", "body", "org", "role", "group"):
                    return
        for i in range(left, right):
            other = self.by_token.get(i)
            if other is not None and other is not c:
                if c.country is None and other.country and other.kind in ("demonym", "country", "capital"):
                    c.country = other.country
                other.consumed = True
            self.by_token[i] = c
        c.extra.append((left, right))

    def _country(self, c: Cand) -> None:
        tok = self.doc[c.head]
        if tok.dep_ in ("compound", "poss", "nmod", "amod") and self._owner(tok.head) is not None:
            c.consumed = True

    def _demonym(self, c: Cand) -> None:
        if not c.country and not c.ethnic:
            # "European", "Western": a description, never an actor of its own.
            c.country = None
            c.consumed = True
            return
        tok = self.doc[c.head]
        mod = tok
        while mod.dep_ == "conj" and mod.head.i != mod.i:
            mod = mod.head  # "a Chinese and Russian proposal": the second modifies the noun too
        if mod.dep_ in ("amod", "compound", "nmod", "poss") and mod.head.i != mod.i:
            head_c = self.by_token.get(mod.head.i)
            if self._owner(mod.head) is not None or not c.country or (
                    head_c is not None and head_c is not c and head_c.kind == "demonym"):
                # "Bosnian Serbs": the nationality says where the people live (see _residence).
                c.consumed = True
                return
            # "Russian strikes": the country acts.
            c.kind, c.type, c.sector = "country", "country", "GOV"
            c.name = self.lex.country_names.get(c.country, c.name)
            c.code, c.key = c.country, ("country", c.country)
            return
        # "North Koreans traveling to Russia": the people.
        if tok.tag_ in ("NNPS", "NNS") or c.name.endswith("s") or self._listed_with_peoples(tok):
            c.kind, c.type, c.sector = "group", "group", "CVL"
            c.key = ("group", c.country, "CVL", c.name.lower())
        else:
            c.kind = "place"

    def _owner(self, tok) -> Cand | None:
        """The candidate that a modifier at ``tok``'s head belongs to (a person, a body, an org, a group)."""
        seen = 0
        while tok is not None and seen < 4:
            c = self.by_token.get(tok.i)
            if c is not None and c.kind in ("person", "body", "org", "group", "role"):
                return c
            if tok.dep_ == "compound" and tok.head.i != tok.i:
                tok = tok.head
                seen += 1
                continue
            return None
        return None

    def _listed_with_peoples(self, tok) -> bool:
        """"Canadians, French, Germans, British and the United States": a nationality adjective
        coordinated with peoples or countries names that people, not a language or a place."""
        top = tok
        while top.dep_ == "conj" and top.head.i != top.i:
            top = top.head
        if top.dep_ == "pobj" and top.head.lower_ in ("in", "into", "from"):
            return False  # "translated into English and French"
        if top.dep_ in ("amod", "compound", "nmod", "poss"):
            return False  # "Russian and Chinese social media": the list modifies a noun
        chain = [top, *(t for t in top.subtree if t.dep_ == "conj")]
        for t in chain:
            c = self.by_token.get(t.i)
            if c is None or t.i == tok.i:
                continue
            if t.tag_ in ("NNS", "NNPS") and self.lex.demonym(t.text) is not None:
                return True  # "Canadians"
            if c.kind == "country" and self.lex.demonym(doc_text := self.doc[c.start:c.end].text) is None \
                    and self.lex.country(doc_text):
                return True  # "the United States"
        return False

    def _org(self, c: Cand) -> None:
        doc, lex = self.doc, self.lex
        toks = list(doc[c.start : c.end])
        if c.sector is None:
            words = [t.lower_ for t in toks]
            for j in range(len(words) - 1, -1, -1):
                two = " ".join(words[j - 1 : j + 1]) if j else None
                sector = (two and lex.org_words.get(two)) or lex.org_words.get(words[j])
                if sector:
                    c.sector = sector
                    break
            # "Global Source Partners": words that make a body only in a name come second
            # ("Executive Office for Immigration Review" is an office).
            c.sector = c.sector or next((lex.org_name_words[w] for w in reversed(words) if w in lex.org_name_words),
                                        None)
        tok = doc[c.head]
        # "Khasan station": an ORG label on a word that modifies a non-actor noun is a place name.
        if tok.dep_ == "compound" and c.sector is None and tok.head.i > tok.i:
            if self._owner(tok.head) is None:
                head_word = tok.head.lower_
                if head_word not in lex.org_words and lex.role(head_word) is None:
                    c.kind = "place"
                    return
        if c.country is None:
            c.country = self._org_country(c)
        self._extend_to_head_np(c)

    def _person(self, c: Cand) -> None:
        doc, lex = self.doc, self.lex
        root = doc[c.head]
        # "in Beledweyne", "near Diego Garcia": a PERSON label on a place name.
        if root.dep_ == "pobj" and root.head.lower_ in self.preps and root.head.lower_ != "of" \
                and c.start > 0 and not lex.role(doc[c.start - 1].lower_):
            c.kind = "place"
            return
        prefix = self._title_before(c, root)
        for j in range(prefix[0], c.start):
            # "U.S. Secretary of State Marco Rubio": the title's role noun is the person, not another actor.
            other = self.by_token.get(j)
            if other is not None and other.kind in ("role", "group") and other.end <= c.start + 1:
                other.consumed = True
        appos = self._apposition(c, root)
        # A name inside an apposition belongs to the outer person ("Chang, a Kim Jong Un ally" aside).
        title_words: list[str] = []
        sector: str | None = None
        country: str | None = None
        for span, nearest_last in ((prefix, True), (appos, False)):
            if span is None or span[0] >= span[1]:
                continue
            t_title, t_sector, t_country = self._describe_span(span, nearest_last)
            if t_title and not title_words:
                title_words.append(t_title)
            sector = sector or t_sector
            country = country or t_country
        c.title = title_words[0] if title_words else None
        c.former = any(t.lower_ in PAST_TITLE_WORDS for t in doc[prefix[0] : prefix[1]])
        c.country = self._person_country(root, appos, country, c.title)
        c.sector = sector
        if prefix[0] < prefix[1]:
            c.extra.append((prefix[0], c.end))
        if appos is not None:
            c.extra.append((min(c.start, appos[0]), max(c.end, appos[1])))

    def _title_before(self, c: Cand, root) -> tuple[int, int]:
        """The tokens of the title before a person's name ("U.S. Secretary of State")."""
        doc, lex = self.doc, self.lex
        # Walk before the name: walk left over role words, nationality words and glue.
        i = c.start - 1
        left = c.start
        sent_start = root.sent.start
        while i >= sent_start:
            t = doc[i]
            low = t.lower_
            other = self.by_token.get(i)
            if other is not None and other is not c and other.kind in ("person",):
                break
            if other is not None and other.kind in ("country", "capital", "body", "org") and i + 1 < c.start \
                    and doc[i + 1].lower_ in ("and", "or") and other.end == i + 1:
                break  # "between Syria and Palestinian leader Yasser Arafat": a coordinated party, no title
            if other is not None and other.kind in ("country", "demonym", "capital", "body", "org", "group", "role"):
                lo = min([other.start, i] + [s for s, _ in other.extra])
                left = lo
                i = lo - 1
                continue
            # "United Nations-appointed special rapporteur X": the appointing body is the person's.
            appointed = low == "appointed" and i > 0 and doc[i - 1].text == "-"
            if low in TITLE_GLUE or appointed or lex.role(low) is not None or (
                    t.pos_ in ("PROPN", "NOUN", "ADJ") and t.dep_ in ("compound", "amod")
                    and (t.is_title or left - 1 <= t.head.i < c.end)):
                # "foreign policy chief Kaja Kallas": lower-case words that modify the title go with it.
                left = i
                i -= 1
                continue
            break
        while left < c.start and doc[left].lower_ in ("the", "and", "of", "to", "for", "'s", "’s", "-"):
            left += 1
        return left, c.start

    def _apposition(self, c: Cand, root) -> tuple[int, int] | None:
        """The tokens that describe a person after the name: an apposition ("Dmitry Peskov, a
        spokesman for the Kremlin,"), an affiliation, a relative clause or a predicate."""
        lex = self.lex
        appos = None
        for child in root.children:
            if child.dep_ == "appos" and child.i > root.i:
                appos = (child.left_edge.i, child.right_edge.i + 1)
                break
        if appos is None and root.dep_ == "conj" and root.head.i < root.i:
            # "Amirov and Omarov, both from Azerbaijan": an apposition shared by the pair.
            for child in root.head.children:
                if child.dep_ == "appos" and child.i > root.i and child.lower_ in ("both", "all", "each"):
                    appos = (child.left_edge.i, child.right_edge.i + 1)
                    break
        if appos is None:
            # "Richard Weitz of the Hudson Institute", "Sarah Lee at Oxford University": the body
            # right after the name is the person's affiliation.
            for child in root.rights:
                if child.dep_ == "prep" and child.lower_ in ("of", "at", "from", "with") and child.i <= c.end + 1:
                    objs = [o for o in child.children if o.dep_ == "pobj"]
                    if objs and any((o2 := self.by_token.get(i)) is not None and o2.kind in ("body", "org")
                                    for i in range(objs[0].left_edge.i, objs[0].i + 1)):
                        appos = (child.i + 1, objs[0].i + 1)
                    break
        if appos is None:
            # "Jane Doe, who teaches at the University of Nairobi", "X, who heads the Lowy Institute"
            for child in root.rights:
                if child.dep_ == "relcl" and child.lemma_.lower() in WORK_VERBS | LEAD_VERBS:
                    appos = (child.i + 1, child.right_edge.i + 1)
                    break
                # "Mark Lambert, who was the special envoy for North Korea": a title given by "be".
                attrs = [a for a in child.children if a.dep_ == "attr" and lex.role(a.lower_) is not None]
                if child.dep_ == "relcl" and child.lemma_ == "be" and attrs:
                    appos = (attrs[0].left_edge.i, attrs[0].right_edge.i + 1)
                    break
        if appos is None and root.dep_ == "nsubj" and root.head.lemma_ == "be":
            # "James Schoff is a senior director at the Sasakawa Peace Foundation"
            attrs = [a for a in root.head.children if a.dep_ == "attr" and lex.role(a.lower_) is not None]
            if attrs:
                appos = (attrs[0].left_edge.i, attrs[0].right_edge.i + 1)
        if appos is None and root.dep_ in ("nsubj", "nsubjpass") and root.head.lemma_.lower() in WORK_VERBS:
            # "Lydia Rosasi works at the office of the Kenyan government spokesperson"
            for child in root.head.rights:
                if child.dep_ == "prep" and child.lower_ in ("at", "for", "with", "in"):
                    appos = (child.i + 1, child.right_edge.i + 1)
                    break
        if appos is None and root.dep_ == "appos" and root.head.i < root.i and root.head.i not in self.by_token:
            h = root.head
            if lex.role(h.lower_) is not None:
                appos = (h.left_edge.i, h.i + 1)
        return appos

    def _span_head(self, start: int, end: int) -> int:
        return self.doc[start:end].root.i

    def _describe_span(self, span: tuple[int, int], nearest_last: bool):
        """(title, sector, country) from a title or apposition."""
        doc, lex = self.doc, self.lex
        start, end = span
        roles: list[tuple[int, int, object]] = []
        i = start
        while i < end:
            hit = None
            for n in (3, 2, 1):
                if i + n <= end:
                    words = " ".join(t.lower_ for t in doc[i : i + n])
                    role = lex.role(words)
                    if role is not None:
                        hit = (i, i + n, role)
                        break
            if hit:
                roles.append(hit)
                i = hit[1]
            else:
                i += 1
        title = sector = None
        topic = envoy = False
        topic_at = start
        if roles and not nearest_last:
            # In an apposition the role that heads it decides: "UNICEF's executive director".
            heads = [r for r in roles if r[0] <= self._span_head(start, end) < r[1]]
            if heads:
                roles = heads
        if roles:
            r0, r1, role = roles[-1] if nearest_last else roles[0]
            while r0 > start and doc[r0 - 1].lower_ in TITLE_MODIFIERS:
                r0 -= 1
            title = doc[r0:r1].text
            topic = role.topic
            envoy = role.envoy
            topic_at = r0
            sector = None if role.sector == "ORG" else role.sector
        country, org_sector = self._span_country(start, end, nearest_last, bool(roles), topic, topic_at, envoy)
        if sector is None and roles:
            role = roles[-1][2] if nearest_last else roles[0][2]
            sector = org_sector or role.default
        elif sector is None:
            sector = org_sector
        return title, sector, country

