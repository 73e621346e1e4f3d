"""An actor's country (and the sector that comes with it): the one place that decides it.

Two passes call it. While candidates are found and described (:mod:`.finder`,
:mod:`.describe`), :class:`CountryRules` reads a country from the mention's own words: a
nationality or owner ("Guatemala's embassy", "the Saudi-led coalition"), a listed leader ("the
Assad regime"), a title only one country uses, an apposition or affiliation ("a spokesman for
the Kremlin"), where a person lives or comes from, where an organisation is based, and where a
people lives (CAMEO and PLOVER code peoples by residence). After grouping,
:func:`fill_countries` gives the actors still without one the country of their context: a
well-known person's (data/people.tsv), their organisation's, their patron's or kin's, the
nearest country of their sentence (each mention votes), the outlet's for its reporters, the
scene's for police and courts, and last the country the article is about.

Other stages that need an actor for a country ask :func:`country_actor`.
"""
from __future__ import annotations

from bisect import bisect_left

from newsgraph.actors.group import Acc, actor_id
from newsgraph.actors.lexicon import load_lexicon, name_key, norm, place_country
from newsgraph.actors.mentions import WORDS, Cand, Mentions, doc_head_is, files_report, quoted_tokens
from newsgraph.actors.setting import Setting, article_setting
from newsgraph.record import Actor, Record


# Sectors of the state: a group of them ("officials", "troops") belongs to the country around it.
STATE_SECTORS = {"GOV", "MIL", "COP", "LEG", "JUD", "SPY"}
# Organisations of these sectors usually belong to the country their sentence is about
# ("Koya University in Iraqi Kurdistan"); news media and international bodies do not.
LOCAL_ORG_SECTORS = STATE_SECTORS | {"EDU", "NGO", "BUS", "OPP", "REB"}
# Organisations of these sectors that nothing in the text places are left without a country:
# think tanks, universities and charities quoted in a story are as often foreign as local.
# (Unlisted armed groups are placed: transnational ones are listed with no country.)
UNPLACED_SECTORS = {"IGO", "EDU", "NGO"}
# Groups of these sectors with no country of their own belong to the country around them.
LOCAL_GROUP_SECTORS = STATE_SECTORS | {"CVL", "LAB", "AGR", "HLH", "OPP", "REB", "EDU"}
# Sectors that work where the story happens: its police, courts and prosecutors.
LOCAL_SECTORS = {"JUD", "COP"}
# Sectors of staff who serve a leader and share his country ("Putin's spokesman"); a lawyer or a
# reporter may be of any country.
PATRON_SECTORS = {None, "GOV", "MIL", "LEG", "SPY"}
CONTEXT_KINDS = {"country", "demonym", "capital", "place", "body", "org", "group", "role"}
LEAD_VERBS = WORDS["lead_verb"]
RESIDENCE_WORDS = WORDS["residence_word"]
RESIDENCE_VERBS = WORDS["residence_verb"]
ORIGIN_WORDS = WORDS["origin_word"]
KIN_WORDS = WORDS["kin_word"]
TITLE_MODIFIERS = WORDS["title_modifier"]
LEADING_PARTICIPLES = WORDS["leading_participle"]
OWN_OBJECT_VERBS = WORDS["own_object_verb"]
COUNTERPART_PREPS = WORDS["counterpart_prep"]


class CountryRules(Mentions):
    """A candidate's country from its own words and the phrase around it."""

    def _group_place(self, tok) -> str | None:
        """Country of the "in <place>" phrase on a collective noun, or on the verb it is the subject of."""
        heads = [tok]
        if tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.dep_ in ("nsubj", "nsubjpass"):
            tok = tok.head.head  # "Thousands of people blocked streets in Hong Kong"
        if tok.dep_ in ("nsubj", "nsubjpass") and tok.head.pos_ in ("VERB", "AUX"):
            heads.append(tok.head)
            # "blocked streets in Hong Kong": the place may hang on the verb's object.
            heads += [ch for ch in tok.head.children if ch.dep_ == "dobj"]
            # "gathered outside parliament in Tbilisi": or on the object of another preposition.
            heads += [o for ch in tok.head.children if ch.dep_ == "prep" and ch.lower_ != "in"
                      for o in ch.children if o.dep_ == "pobj"]
        for head in heads:
            for child in head.rights:
                if child.dep_ == "prep" and child.lower_ == "in":
                    for obj in child.children:
                        if obj.dep_ == "pobj":
                            code = self._place_at(obj)
                            if code:
                                return code
        return None

    def _leader_country(self, inner: list[Cand], role, org_sector: str | None) -> str | None:
        """Country of a listed person named as a modifier of a government word or a group noun
        ("the Assad regime", "Assad loyalists", "Trump supporters"), else None."""
        if org_sector != "GOV" and (role is None or role.sector != "GOV" and not role.group):
            return None
        people = [c for c in inner if c.kind == "person"]
        if len(people) != 1 or self.doc[people[0].head].dep_ not in ("compound", "poss"):
            return None
        known = self.lex.known_person(people[0].name)
        if known is None or known.country == "IGO":
            return None
        people[0].consumed = True
        return known.country

    def _led_by(self, tok) -> str | None:
        """"The coalition government led by Mario Draghi": the country of the listed leader."""
        for acl in tok.rights:
            if acl.dep_ != "acl" or acl.lemma_.lower() not in LEAD_VERBS:
                continue
            for agent in acl.children:
                if agent.dep_ == "agent":
                    for obj in agent.children:
                        person = self.by_token.get(obj.i)
                        if obj.dep_ == "pobj" and person is not None and person.kind == "person":
                            known = self.lex.known_person(person.name)
                            code = person.country or (known.country if known else None)
                            return code if code != "IGO" else None
        return None

    def _modifier_country(self, head, inner: list[Cand]) -> str | None:
        """Country given by a nationality word or possessive inside the phrase headed by ``head``:
        an owner ("Guatemala's Washington embassy") first, else the first nationality ("the Japanese
        Liberal Democratic Party"); a backer ("Russian-backed separatists") gives none, a leader
        does ("the Saudi-led coalition", "Vietnamese-led forces")."""
        doc = self.doc
        usable = [c for c in inner if c.kind in ("demonym", "country", "capital") and c.country
                  and not (c.end + 1 < len(doc) and doc[c.end].text == "-" and doc[c.end + 1].text[:1].islower()
                           and doc[c.end + 1].lower_ not in LEADING_PARTICIPLES)]
        owner = next((c for c in usable if c.end < len(doc) and doc[c.end].tag_ == "POS"), None)
        if owner is not None:
            return owner.country
        return usable[0].country if usable else None

    def _led_country(self, start: int, end: int) -> str | None:
        """"the U.S.-led coalition" (one token when the country ends in a full stop): the leader's country."""
        for t in self.doc[start:end]:
            head, dash, participle = t.text.rpartition("-")
            if dash and head and participle.lower() in LEADING_PARTICIPLES:
                code = self.lex.country(head) or self.lex.demonym(head)
                if code:
                    return code
        return None

    def _residence(self) -> None:
        """Peoples are coded by where they live, as CAMEO and PLOVER do.

        "Bosnian Serbs" -> BIH (a nationality before a people names their country);
        "the Albanians of southern Serbia", "ethnic Albanians in south Serbia", "ethnic Albanian
        guerrillas operating in Macedonia" -> the country of the phrase; "ethnic Turks ...
        Sweden" -> the nearest other country of the sentence, since "ethnic" marks a people living
        outside their namesake state. Peoples with no state ("Kurds", "Moslem forces") likewise.
        """
        doc, lex = self.doc, self.lex
        for c in self.cands:
            if c.kind != "group" or c.consumed:
                continue
            if c.head < 0 or c.head >= len(doc):
                continue
            if c.start <= c.head < c.end and self.by_token.get(c.head) is c and doc[c.head].lower_ in lex.demonyms \
                    or c.ethnic or doc[c.head].lower_ in lex.ethnic:
                people = c  # "Albanians", "Kurds": the group is the people word itself
            else:
                inner = [self.by_token[i] for i in range(c.start, c.head) if i in self.by_token]
                inner = [o for o in inner if o is not c and o.kind in ("demonym", "country", "group")
                         and (o.ethnic or norm(o.name).lower() in lex.ethnic)]
                if not inner:
                    continue
                people = inner[-1]
            first = people.start
            marked = first > 0 and doc[first - 1].lower_ == "ethnic"
            home = c.country if people is c else people.country
            # 1. "Bosnian Serbs", "Iraqi Kurdish officials": the nationality just before the people word.
            # Only before a people: "Greek Cypriots" are Cypriots of Greek descent.
            before = self.by_token.get(first - 1) if first > 0 else None
            if before is not None and before is not people and before.country and before.country != "IGO" \
                    and before.kind in ("demonym", "country") and before.end == first \
                    and self._is_people(people):
                self._set_group_country(c, before.country)
                before.consumed = True
                if people is c:
                    c.name = norm(doc[before.start : c.end].text)
                    c.extra.append((before.start, c.end))
                continue
            # 2. "of southern Serbia", "in south Serbia", "operating in Macedonia".
            # "in" tells where a people lives only when the text marks it as a people ("ethnic
            # Albanians in south Serbia", "Moslem forces in east Bosnia"); "Albanian rebels in
            # Macedonia" are Albanian, as "U.S. troops in Iraq" are American.
            where = self._residence_phrase(doc[c.head], allow_in=marked or not home)
            if where is not None:
                self._set_group_country(c, where)
                continue
            # 3. "ethnic Turks", "Kurds": the nearest other country that the sentence names.
            if marked or not home:
                near = self._nearest_other_country(people, home)
                if near is not None:
                    self._set_group_country(c, near)

    def _is_people(self, c: Cand) -> bool:
        """True for an ethnic or communal word ("Serbs", "Kurdish"), as listed in data/ethnic_groups.tsv."""
        # The word as written: a demonym may have been turned into its country ("Greek" -> Greece).
        return c.ethnic or norm(self.doc[c.start:c.end].text).lower() in self.lex.ethnic

    def _set_group_country(self, c: Cand, country: str) -> None:
        c.country = country
        if c.key is not None and c.key[0] == "group":
            c.key = ("group", country, *c.key[2:])


    def _residence_phrase(self, head, allow_in: bool) -> str | None:
        """Country of "of <place>" (or, for a people, "in <place>" / "living in <place>") after ``head``."""
        preps = [ch for ch in head.rights if ch.dep_ == "prep" and (ch.lower_ == "of" or allow_in and ch.lower_ == "in")]
        if allow_in:
            for ch in head.rights:
                if ch.dep_ in ("acl", "relcl") and ch.lemma_.lower() in RESIDENCE_VERBS:
                    preps += [g for g in ch.children if g.dep_ == "prep" and g.lower_ == "in"]
        for prep in preps:
            # The place itself, not an adjective on it: "the Israeli-occupied West Bank".
            found = [o for t in prep.subtree if (o := self.by_token.get(t.i)) is not None and o.country
                     and o.country != "IGO" and o.kind in ("country", "capital", "place", "demonym")]
            places = [o for o in found if o.kind in ("country", "capital")] or [
                o for o in found if o.kind == "place" or doc_head_is(o, self.doc)]
            if places:
                return places[0].country
        return None

    def _nearest_other_country(self, people: Cand, home: str | None) -> str | None:
        sent = self.doc[people.start].sent
        best = None
        for other in self.cands:
            if other is people or not other.country or other.country in ("IGO", home) or other.ethnic:
                continue
            if not sent.start <= other.start < sent.end or other.kind not in ("country", "capital", "place", "demonym"):
                continue
            dist = abs(other.start - people.start)
            if best is None or dist < best[0]:
                best = (dist, other.country)
        return best[1] if best else None

    def _based_country(self, start: int, end: int) -> str | None:
        """"the Berlin-based ...", "a New York-based consultancy": the country of the base."""
        doc, lex = self.doc, self.lex
        for j in range(start, end):
            # "U.S.-based", "Moscow-based": one token when the prefix ends in a full stop or is short.
            if doc[j].lower_.endswith("-based") and len(doc[j]) > 6:
                where = doc[j].text[:-6]
                code = lex.country(where) or lex.capital(where) or place_country(where)
                if code:
                    return code
            if j < 2:
                continue
            if doc[j].lower_ == "based" and doc[j - 1].text == "-":
                other = self.by_token.get(j - 2)
                if other is not None and other.country and other.country != "IGO":
                    return other.country
                words = doc[j - 2].lower_
                pair = f"{doc[j - 3].lower_} {words}" if j >= 3 else words
                return self.lex.us_states.get(pair) or self.lex.us_states.get(words)
        return None

    def _org_country(self, c: Cand) -> str | None:
        doc, lex = self.doc, self.lex
        tok = doc[c.head]
        based = self._based_country(min(tok.left_edge.i, max(0, c.start - 3)), c.end)
        if based:
            return based
        # Inside the name: "Korea Institute for National Unification", "U.S. Agency for ...";
        # not a country the body is about ("Inter-Parliamentary Alliance on China").
        for t in doc[c.start : c.end]:
            code = lex.country(t.text) if t.pos_ == "PROPN" else None
            if code and not (t.i > c.start and doc[t.i - 1].lower_ in ("on", "against", "about")):
                return code
        # "Syrian Center for Legal Studies and Research", "the Interim Afghan Government": a
        # nationality in the name ("Chinese American Museum": a diaspora's, American).
        for t in doc[c.start : c.end]:
            pair = doc[t.i : t.i + 2].text if t.i + 1 < c.end else ""
            code = (lex.demonym(pair) if pair else None) or lex.demonym(t.text)
            hyphened = t.i > c.start and doc[t.i - 1].text == "-" or t.i + 1 < c.end and doc[t.i + 1].text == "-"
            if code and not hyphened and not (t.i > c.start and doc[t.i - 1].lower_ in ("on", "against", "about", "for")) \
                    and t.head.lemma_.lower() not in lex.topic_nouns:  # "Institute of Chinese Studies"
                return code
        # "the Obama administration", "Mandela Foundation": a listed person's name in the body's name.
        for t in doc[c.start : c.end]:
            known = lex.known_person(t.text) if t.pos_ == "PROPN" and t.i != c.head else None
            if known is not None and known.country != "IGO":
                return known.country
        # "University of Southern California": a U.S. state in the name (checked after countries,
        # so "Georgia" alone stays the country above).
        for t in doc[c.start : c.end]:
            if t.pos_ == "PROPN" and t.lower_ in lex.us_states:
                return "USA"
        # "University of Melbourne", "Kyiv School of Economics": a city in the name (gazetteer).
        # A word before the head must be a large city ("Meridian Policy Institute" is no Meridian's).
        code = self._city_in(c.start, c.end, skip=c.head)
        if code:
            return code
        return self._org_country_around(c)

    def _org_country_around(self, c: Cand) -> str | None:
        """An organisation's country from the words around its name: a nationality or owner before
        it, an apposition, "based in", "in <place>"."""
        doc = self.doc
        tok = doc[c.head]
        for child in tok.children:
            if child.i < tok.i and child.dep_ in ("amod", "compound", "poss", "nmod"):
                other = self.by_token.get(child.i)
                if other is not None and other.country and other.kind in ("demonym", "country", "capital"):
                    other.consumed = True
                    return other.country
                # "VOA's Mandarin Service": a part of a named body shares its country.
                if other is not None and other.country and other.kind == "body" and child.dep_ == "poss":
                    return other.country
                # "Istanbul's Kadir Has University": a city that owns the body.
                if other is None and child.dep_ == "poss" and child.pos_ == "PROPN":
                    code = place_country(doc[child.left_edge.i : child.i + 1].text)
                    if code and code != "IGO":
                        return code
        # "the Eurasia Group, a New York-based consultancy"
        for child in tok.children:
            if child.dep_ == "appos" and child.i > tok.i:
                for t in child.subtree:
                    other = self.by_token.get(t.i)
                    if other is not None and other.country and other.country != "IGO" and other.kind in (
                            "country", "capital", "demonym"):
                        return other.country
                    if t.dep_ == "compound" or t.pos_ == "PROPN":
                        pair = f"{t.lower_} {doc[t.i + 1].lower_}" if t.i + 1 < len(doc) else ""
                        code = self.lex.us_states.get(pair) or self.lex.us_states.get(t.lower_)
                        if code:
                            return code
        # "the Pacific Forum, based in Honolulu", "a think tank headquartered in Sydney"
        for child in tok.rights:
            if child.dep_ in ("acl", "relcl", "appos") and child.lemma_.lower() in ("base", "headquarter", "locate"):
                for prep in child.children:
                    if prep.dep_ == "prep" and prep.lower_ == "in":
                        code = next((code for o in prep.children if o.dep_ == "pobj" and (code := self._place_at(o))),
                                    None)
                        if code:
                            return code
        # "the Stimson Center in Washington", "Kyiv School of Economics"
        for child in tok.rights:
            if child.dep_ == "prep" and child.lower_ in ("in", "of", "at", "based"):
                for obj in child.children:
                    if obj.dep_ == "pobj":
                        other = self.by_token.get(obj.i)
                        if other is not None and other.country and other.kind in ("country", "capital", "place"):
                            return other.country
                        code = self.lex.us_states.get(obj.text.lower()) or self._place_at(obj)
                        if code:
                            return code
                        # "in Iraqi Kurdistan", "in northern Syria"
                        for t in obj.subtree:
                            other = self.by_token.get(t.i)
                            if other is not None and other.country and other.kind in ("country", "capital", "demonym", "place"):
                                return other.country
        return None

    def _nationality_predicate(self, root) -> str | None:
        """"Mehdiyev, who is Azerbaijani", "Nagy is Canadian": a nationality said with "be"."""
        verbs = [ch for ch in root.rights if ch.dep_ == "relcl" and ch.lemma_ == "be"]
        if root.dep_ == "nsubj" and root.head.lemma_ == "be":
            verbs.append(root.head)
        for verb in verbs:
            for ch in verb.children:
                code = self.lex.demonym(ch.text) if ch.dep_ in ("acomp", "attr") else None
                if code:
                    other = self.by_token.get(ch.i)
                    if other is not None:
                        other.consumed = True
                    return code
        return None

    def _lives_in(self, span: tuple[int, int]) -> str | None:
        """The country after "living in", "based in", "originally from" inside ``span`` (an
        apposition, relative clause or the person's own verb phrase), if any."""
        doc = self.doc
        for j in range(span[0], min(span[1], len(doc) - 1)):
            if doc[j].lower_ in RESIDENCE_WORDS and doc[j + 1].lower_ == "in" \
                    or doc[j].lower_ in ORIGIN_WORDS and doc[j + 1].lower_ == "from":
                for k in range(j + 2, min(span[1], j + 8)):
                    other = self.by_token.get(k)
                    if other is not None and other.country and other.country != "IGO":
                        return other.country
                # "born and raised in Texas": a place the gazetteer of actors does not hold
                objs = [o for o in doc[j + 1].children if o.dep_ == "pobj"]
                code = self._place_at(objs[0]) if objs else None
                if code:
                    return code
        return None

    def _person_country(self, root, appos: tuple[int, int] | None, country: str | None,
                        title: str | None) -> str | None:
        """A person's country: where the text says the person lives or comes from, a nationality
        said with "be", else ``country`` (from the title and apposition), else an owner ("North
        Korea's Kim Jong Un"), else the one country that uses the title."""
        lex = self.lex
        # "an ethnic Uyghur living in Australia": where the apposition says the person lives wins
        # over a people's home country.
        spans = [appos] if appos is not None else []
        # "Michelle Takahashi, who is originally from Taiwan"; "Jane Eng ... was born and raised in Texas"
        spans += [(ch.i, ch.right_edge.i + 1) for ch in root.rights if ch.dep_ in ("relcl", "acl")]
        subject = root.head if root.dep_ == "appos" and root.head.dep_ in ("nsubj", "nsubjpass") else root
        if subject.dep_ in ("nsubj", "nsubjpass") and subject.head.i > root.i:
            # "Her mother, Jane Eng, ..., was born and raised in Texas": the verb of the noun she stands beside.
            spans.append((subject.head.i, subject.head.right_edge.i + 1))
        lives = next((code for span in spans if (code := self._lives_in(span))), None)
        if lives:
            country = lives
        country = self._nationality_predicate(root) or country
        # "North Korea's Kim Jong Un"
        if country is None:
            for child in root.children:
                if child.dep_ == "poss":
                    other = self.by_token.get(child.i)
                    if other is not None and other.country and other.kind in ("country", "demonym", "capital", "body"):
                        country = other.country
                        other.consumed = True
        if country is None and title:
            # "Secretary of State Marco Rubio": a title that only one country uses.
            words = [w for w in title.lower().split() if w not in TITLE_MODIFIERS]
            country = lex.title_countries.get(" ".join(words))
        return country

    def _span_country(self, start: int, end: int, nearest_last: bool, has_roles: bool, topic: bool,
                      topic_at: int, envoy: bool) -> tuple[str | None, str | None]:
        """(country, sector of the body named) from a person's title (``nearest_last``: the word
        nearest the name decides) or apposition (the first decides), consuming the nationality
        words and marking the bodies it names."""
        doc, lex = self.doc, self.lex
        country = None
        countries = []
        org_sector = None
        for j in range(start, end):
            other = self.by_token.get(j)
            if other is None or other.kind not in ("country", "demonym", "capital", "body", "org", "place", "group"):
                continue
            if other.start < j and j != start:
                continue  # counted once, at its first token
            if any(doc[k].lower_ == "of" and doc[k - 1].lemma_.lower() in KIN_WORDS for k in range(start + 1, other.start)):
                continue  # "the child of Chinese immigrants": the parents' country, not the person's
            # Only a "to" inside the title counts: "offered its troops to Lebanon's new President X" is Lebanon's.
            before = doc[other.start - 1].lower_ if other.start > start else ""
            if before in ("to", "for") and other.kind in ("country", "capital", "place"):
                continue  # "ambassador to Russia", "envoy to Syria"
            if topic and other.kind == "country" and other.end <= topic_at:
                continue  # "a North Korea analyst", "a senior Iran analyst"
            if other.kind == "body" and other.end < end and doc[other.end].pos_ == "PROPN" \
                    and doc[other.end].text[:1].isupper() and self.by_token.get(other.end) is None:
                continue  # "the POSCO Fellowship Program": a sponsor's name inside another name
            if other.kind in ("country", "demonym") and doc[other.end - 1].head.lemma_.lower() in lex.topic_nouns:
                continue  # "professor in Modern Chinese Studies", "focusing on Japanese foreign policy"
            if nearest_last and not has_roles and other.end != end and other.kind in ("country", "demonym", "capital"):
                continue  # "Indian reluctance Richard Weitz" (a subheading run on): no title, no nationality
            if other.kind in ("body", "org") and other.sector:
                # In a title the body nearest the name is the person's ("Taliban Foreign Ministry spokesman").
                org_sector = other.sector if nearest_last else org_sector or other.sector
            if other.country and other.country != "IGO" or other.kind == "body":
                countries.append(other.country)
            other.consumed = other.kind in ("demonym", "country", "capital") or other.consumed
        if not any(countries):
            # "Ontario's provincial leader", "Bavaria's premier": a region that owns the title.
            for j in range(start + 1, end):
                if doc[j].tag_ == "POS" and doc[j - 1].pos_ == "PROPN" and self.by_token.get(j - 1) is None:
                    code = place_country(doc[j - 1].text)
                    if code and code != "IGO":
                        countries.append(code)
                        break
        for j in range(start, end):
            # "ambassador to Russia", "a North Korea analyst", "Secretary of State": attributes of
            # the person, not actors.
            other = self.by_token.get(j)
            if other is not None and other.kind == "org" and other.end < len(doc) and doc[other.end].tag_ == "POS":
                # "the International Refugee Assistance Project's Pedro Sepulveda": the body the
                # person speaks for is an actor too.
                other.affiliation = True
            elif other is not None and (other.kind in ("country", "demonym", "capital")
                                        or other.kind == "org" and other.country is None and other.sector is None):
                other.consumed = True
        if not any(countries) and not nearest_last:
            # "a lawyer in Mombasa", "an analyst based in Sydney": the place of work;
            # "a senior firefighter from Edmonton": the place one comes from.
            for j in range(start, end):
                if doc[j].lower_ in ("in", "from") and doc[j].dep_ == "prep":
                    objs = [o for o in doc[j].children if o.dep_ == "pobj"]
                    code = self._place_at(objs[0]) if objs else None
                    if code:
                        countries.append(code)
                        break
        if countries:
            pick = [c for c in countries if c]
            if envoy and "IGO" in pick and any(c != "IGO" for c in pick):
                # "British Deputy U.N. Ambassador X": Britain's envoy to the body, not its official.
                pick = [c for c in pick if c != "IGO"]
            if pick:
                country = pick[-1] if nearest_last else pick[0]
        return country, org_sector


def fill_countries(record: Record, doc, accs: list[Acc], cands: list[Cand], lex) -> None:
    """Give the grouped actors ``accs`` the countries their own words did not: well-known people
    theirs, then every actor still without one the country of its context (see
    :class:`_Context`); drop the unnamed groups left without a country."""
    _known_people(accs, lex)
    context = _Context(doc, accs, cands, lex, article_setting(record, doc, cands, accs, lex))
    for acc in sorted(accs, key=lambda a: a.type == "person"):
        context.place(acc)
    focus = context.setting.focus
    # A named organisation that neither the lexicon nor its sentence places ("Heart and Soul
    # Television", "the National News Agency") is most likely local to the country the article is about.
    for acc in accs:
        if acc.country or acc.type != "organization" or not focus or acc.sector in UNPLACED_SECTORS:
            continue
        if any(c.kind == "body" or c.regional for c in acc.cands) and not _national_institution(acc, lex):
            continue
        if any(w in lex.transnational for w in acc.name.lower().split()):
            continue
        acc.country = focus
    # "Oaitse Nawa of the Elephant Protection Society": a local body nothing else places is where
    # the person who speaks for it is from.
    for acc in accs:
        if acc.country or acc.type != "organization" or acc.sector in ("IGO", "MED") or _stays_unplaced(acc):
            continue
        tokens = {i for c in acc.cands for i in range(c.start, c.end)}
        acc.country = next((p.country for p in accs if p.type == "person" and p.country and p.country != "IGO"
                            and any(i in tokens for c in p.cands for s, e in c.extra for i in range(s, e))), None)
    # Unnamed groups with no country ("two delegations", "reporters") say too little to be actors.
    accs[:] = [a for a in accs if a.country or a.type != "group"]


def _known_people(accs: list[Acc], lex) -> None:
    """Well-known figures (data/people.tsv) take the lexicon's country, and its sector when the
    text gives none: "President Bill Clinton" is American even in a story about Afghanistan.

    A country or title written in the text ("Russian Defence Minister X") has already been set
    and wins. A surname alone ("Bush", "Mitterrand") counts when the listed people of that
    surname share one country and the text names no other person of that surname.
    """
    people = [a for a in accs if a.type == "person"]
    surnames_in_text = {words[-1] for a in people if len(words := name_key(a.name).split()) > 1}
    for acc in people:
        if acc.country == "IGO" and any(c.former for c in acc.cands):
            # "former NATO Secretary General Anders Fogh Rasmussen": no longer the body's; his own country.
            known = lex.known_person(acc.name, surnames_in_text)
            if known is not None and known.country not in (None, "IGO"):
                acc.country, acc.sector = known.country, known.sector or acc.sector
        if acc.country and acc.sector:
            continue
        known = lex.known_person(acc.name, surnames_in_text)
        if known is None:
            continue
        acc.country = acc.country or known.country
        acc.sector = acc.sector or known.sector


class _Context:
    """A person whose text gives no country takes the nearest country named in the same sentence.

    "a thorough talk with President Vladimir Putin" after "what the Kremlin said" -> RUS. The
    nearest country before the name is preferred, then the nearest after it, then the sentence
    before; each mention of the person votes. Last resort: the country the article names most.
    Groups and organisations of local sectors likewise.
    """

    def __init__(self, doc, accs: list[Acc], cands: list[Cand], lex, setting: Setting):
        self.doc, self.accs, self.lex, self.setting = doc, accs, lex, setting
        # News outlets ("told VOA") and international bodies say nothing of a person's country.
        # A nationality inside another person's title ("Russian President Vladimir Putin") is that
        # person's; a country after "talks with", "sanctions on", "envoy to" is a counterpart.
        owned: set[int] = set()
        for c in cands:
            if c.kind == "person":
                for s, e in c.extra:
                    owned.update(range(s, e))
        # A country inside a quotation is what is said, not who says it ("“... villages in China,”
        # said Rogene Gee Calvert"), unless an official speaks for it ("“China calls on parties ...,”
        # Deputy Ambassador Geng Shuang said"); places and bodies quoted say nothing of any speaker.
        quoted = quoted_tokens(doc)
        self.all_context = [(c.start, c.country, c.start in owned, _counterpart(doc, c),
                             0 if c.start not in quoted else 1 if c.kind in ("country", "capital", "demonym") else 2)
                            for c in cands
                            if c.country and c.country != "IGO" and c.sector != "MED" and c.kind in CONTEXT_KINDS]
        # by position, so that each mention looks only at its own sentence and the one before
        self.all_context.sort(key=lambda x: x[0])
        self.context_at = [x[0] for x in self.all_context]
        # Organisations first: a person whose title or apposition names one ("a spokesman for the
        # Ngamiland Council") then takes its country rather than the nearest one.
        self.org_at = {c.start: a for a in accs if a.type == "organization" for c in a.cands}
        # "WindEurope's CEO Giles Dickson": a body inside a title was consumed by it; its name finds the body.
        org_named = {a.name.lower(): a for a in accs if a.type == "organization"}
        for c in cands:
            if c.kind in ("org", "body") and c.start not in self.org_at and c.name and c.name.lower() in org_named:
                self.org_at[c.start] = org_named[c.name.lower()]
        self.person_at = {i: a for a in accs if a.type == "person" for c in a.cands for i in range(c.start, c.end)}

    def place(self, acc: Acc) -> None:
        """Give ``acc`` the country of its context, if it takes one and has none."""
        doc, lex, focus, scene = self.doc, self.lex, self.setting.focus, self.setting.scene
        if acc.country is None and acc.type == "person":
            acc.country = _affiliated_country(acc, self.org_at)
            if acc.country is None and _affiliated_country(acc, self.org_at, unplaced=True):
                return  # "X, a director at Human Rights Watch": a body of no country says none of X's
        if acc.country or not (acc.type == "person" or acc.type == "group" and _local_group(doc, acc, lex)
                               or acc.type == "organization" and acc.sector in LOCAL_ORG_SECTORS
                               and (not any(c.kind == "body" for c in acc.cands) or _national_institution(acc, lex))):
            return
        if any(c.regional for c in acc.cands) or self._related(acc):
            return
        votes = self._votes(acc)
        if votes:
            # Every mention votes ("Trump ... the U.S." three times, "Russia" once): most votes, first on a tie.
            best = max(votes.values())
            acc.country = next(code for code, n in votes.items() if n == best)
        if acc.country is None and (focus or scene) and acc.type == "person":
            # "said Judge X" in a story told from Nairobi's courts: the country the article is
            # about, else where it happens.
            acc.country = focus or scene
        elif acc.country is None and (focus or scene) and acc.type == "group":
            # "Police arrested 20 people": the police of the country the article is about;
            # "protesters", "students": the people of where it happens, else of that country.
            acc.country = (focus or scene) if acc.sector in STATE_SECTORS else (scene or focus)

    def _related(self, acc: Acc) -> bool:
        """Give ``acc`` the country of the outlet it reports for, its kin, its patron or (police and
        courts) the scene; True when one of them decided."""
        doc, outlet, scene = self.doc, self.setting.outlet, self.setting.scene
        if acc.type == "person" and outlet and any(files_report(doc, c) for c in acc.cands):
            # "Margaret Besheer contributed to this report": the outlet's own reporter.
            acc.country, acc.sector = outlet, acc.sector or "MED"
            return True
        kin = _kin_country(acc, self.accs) if acc.type == "person" else None
        if kin:
            acc.country = kin  # "Liri Berisha, his son, Shkelzen Berisha": one family, one country
            return True
        patron = _patron_country(doc, acc, self.person_at) if acc.type == "person" \
            and acc.sector in PATRON_SECTORS else None
        if patron:
            acc.country = patron  # "Berisha's successor, Lulzim Basha": the patron's country
            return True
        if scene and acc.sector in LOCAL_SECTORS:
            # "federal prosecutor X", "police": the courts and police of where the story happens.
            acc.country = scene
            return True
        return False

    def _votes(self, acc: Acc) -> dict[str, int]:
        """Country -> how many of ``acc``'s mentions have it nearest in their sentence (or the one before)."""
        doc = self.doc
        # "with the Iraqi Government and the Kurdish Regional Government": same phrase, same side.
        own_preps = {_counterpart(doc, c) for c in acc.cands} - {None}
        official = acc.sector in STATE_SECTORS
        all_context, context_at = self.all_context, self.context_at

        def with_country(lo: int, hi: int) -> list[tuple[int, str]]:
            """The countries this actor may take, named between tokens ``lo`` and ``hi``."""
            return [(s, code) for s, code, own, prep, in_quote in all_context[bisect_left(context_at, lo):bisect_left(context_at, hi)]
                    if (not own or acc.type != "person") and (prep is None or prep in own_preps)
                    and (in_quote == 0 or official and in_quote == 1)]

        votes: dict[str, int] = {}
        for c in acc.cands:
            sent = doc[c.start].sent
            others = _object_tokens(doc, c) if acc.type == "person" else set()
            before = [(c.start - s, code) for s, code in with_country(sent.start, c.start)]
            after = [(s - c.end, code) for s, code in with_country(c.end, sent.end) if s not in others]
            pick = min(before)[1] if before else (min(after)[1] if after else None)
            if pick is None and sent.start > 0:
                # The sentence before: "... said the Kremlin. President Vladimir Putin ..."
                prev = doc[sent.start - 1].sent
                earlier = [(c.start - s, code) for s, code in with_country(prev.start, prev.end)]
                pick = min(earlier)[1] if earlier else None
            if pick:
                votes[pick] = votes.get(pick, 0) + 1
        return votes


def _local_group(doc, acc: Acc, lex) -> bool:
    """A group of the country around it: officials, troops, police, protesters, students, workers;
    not analysts or experts (a subject of study, from anywhere), reporters, refugees or companies."""
    if acc.sector not in LOCAL_GROUP_SECTORS:
        return False
    if acc.sector not in STATE_SECTORS and any(c.head >= 0 and doc[c.head].lemma_.lower() in lex.generic_groups
                                                  for c in acc.cands):
        return False  # "people", "women and children": anyone
    role = lex.role(acc.title) if acc.title else None
    return role is None or not (role.topic and role.sector == "EDU")  # residents are local, analysts are not


def _national_institution(acc: Acc, lex) -> bool:
    """A listed national institution that every country has ("Supreme Court", "House of
    Representatives"): listed with no country, it belongs to the country in context."""
    for c in acc.cands:
        if c.kind == "body" and c.country is None:
            body = lex.body(c.name)
            if body is not None and body.kind == "national":
                return True
    return False


def _stays_unplaced(org: Acc) -> bool:
    """A transnational organisation: listed with no country (Human Rights Watch, the International
    Crisis Group) or named with a transnational word. Local bodies that nothing places are not
    meant: the article's country is likely theirs and their people's."""
    return any(c.kind == "body" for c in org.cands) \
        or any(w in load_lexicon().transnational for w in org.name.lower().split())


def _affiliated_country(acc: Acc, org_at: dict[int, Acc], unplaced: bool = False) -> str | None:
    """Country of the organisation named in a person's title or apposition, once it has one.
    ``unplaced``: instead "-" when such an organisation is one that nothing places (a transnational NGO)."""
    for c in acc.cands:
        for s, e in c.extra:
            for i in range(s, e):
                org = org_at.get(i)
                if org is None or org is acc:
                    continue
                if org.country and not unplaced:
                    return org.country
                if unplaced and org.country is None and _stays_unplaced(org):
                    return "-"
    return None



def _object_tokens(doc, c: Cand) -> set[int]:
    """Tokens of the objects of the verb the mention is the subject of: "Fu Cong blamed the Trump
    administration" -> the administration is the other party, not the speaker's country."""
    root = doc[c.start : c.end].root
    if root.dep_ == "conj" and root.head.dep_ in ("nsubj", "nsubjpass"):
        root = root.head
    if root.dep_ not in ("nsubj", "nsubjpass") or root.head.i == root.i:
        return set()
    if root.head.lemma_.lower() in LEAD_VERBS | OWN_OBJECT_VERBS:
        return set()  # "de Gaulle led France": the object of leading is one's own
    return {t.i for child in root.head.children if child.dep_ in ("dobj", "dative", "iobj")
            for t in child.subtree}



def _counterpart(doc, c: Cand) -> int | None:
    """The counterpart preposition ("talks with", "sanctions on") whose object the mention is
    (or modifies), as a token index; None when there is none."""
    tok = doc[c.head] if c.head >= 0 else doc[c.start]
    for _ in range(4):
        if tok.dep_ in ("amod", "compound", "poss", "nmod", "conj") and tok.head.i != tok.i:
            tok = tok.head
        else:
            break
    if tok.dep_ == "pobj" and tok.head.lower_ in COUNTERPART_PREPS:
        return tok.head.i
    return None



def _patron_country(doc, acc: Acc, person_at: dict[int, Acc]) -> str | None:
    """The country of the person whose title a person holds: "Berisha's successor, Lulzim Basha",
    "Putin's spokesman Dmitry Peskov"."""
    for c in acc.cands:
        for s, e in c.extra:
            for j in range(max(s, 1), e):
                if doc[j].tag_ == "POS":
                    owner = person_at.get(j - 1)
                    if owner is not None and owner is not acc and owner.country and owner.country != "IGO":
                        return owner.country
    return None


def _kin_country(acc: Acc, accs: list[Acc]) -> str | None:
    """The country of another person of the same surname in the story, when all such agree."""
    words = acc.name.split()
    if len(words) < 2:
        return None
    found = {a.country for a in accs if a is not acc and a.type == "person" and a.country
             and len(a.name.split()) > 1 and a.name.split()[-1] == words[-1]}
    return found.pop() if len(found) == 1 else None


# Which of a country's actors stands for it: the country itself, then its capital, a body, a group, a person.
COUNTRY_RANK = {"country": 0, "metonym": 1, "organization": 2, "group": 3, "person": 4}


def named_country(name: str) -> str | None:
    """The country that a country's or capital's name stands for ("Pyongyang" -> PRK); None for
    any other name and for international bodies."""
    lex = load_lexicon()
    iso3 = lex.country(name) or lex.capital(name)
    return None if iso3 is None or iso3 == "IGO" else iso3


def country_actor(record: Record, iso3: str, span: tuple[int, int]) -> Actor:
    """The actor that stands for country ``iso3`` in ``record``: the best of its actors, else a
    new country actor whose mention is ``span`` ("arrived in Amman on a visit" with no Jordanian
    actor named: the host country; it stays a place too: only metonyms are kept off the map)."""
    same = [a for a in record.actors if a.country == iso3]
    if same:
        return min(same, key=lambda a: COUNTRY_RANK.get(a.type, 5))
    taken = {a.id for a in record.actors}
    n = len(record.actors) + 1
    while actor_id(n) in taken:
        n += 1
    actor = Actor(id=actor_id(n), name=load_lexicon().country_names.get(iso3, iso3), type="country",
                  country=iso3, sector="GOV", code=iso3, mentions=[span])
    record.actors.append(actor)
    return actor
