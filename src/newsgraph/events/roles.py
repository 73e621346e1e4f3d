"""Reading an event's trigger and participants off the dependency parse.

``match_trigger`` finds the lexicon row a token triggers (its condition checked on the parse);
``find_participants`` returns who acts and who is acted on, resolved to the record's actors:
active and passive voice (agent "by"), missing subjects recovered through control, coordination
and clause attachment ("warned Pyongyang not to sell": Pyongyang sells; "resolutions sanctioning
X" voted by the subject of "cast votes"), nominal events (possessor or governing light verb's
subject = actor, prepositional object = recipient), and symmetric "between X and Y".
The dependency labels are spaCy's English ClearNLP scheme.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from newsgraph.actors import country_actor, named_country
from newsgraph.events.lexicon import Lexicon, Trigger, load_lexicon
from newsgraph.language import auxiliaries, aux_words, has_negation, is_infinitive
from newsgraph.record import Actor, Record

SUBJ = ("nsubj", "csubj", "expl")
OBJ = ("dobj", "attr", "oprd")
GENERIC_HOP = ("conj", "advcl", "pcomp", "acl", "relcl", "prep", "pobj", "dobj", "attr", "appos",
               "npadvmod", "agent", "dative", "compound", "nmod", "poss", "oprd",
               "acomp")  # "X are guilty of violating ...": the copula's subject
MAX_CLIMB = 8
NON_PARTICIPANT_SECTORS = frozenset({"MED"})
# "Serb forces were engaged in ethnic cleansing": passive in form, the subject acts
STATIVE_PASSIVES = frozenset({"engage", "involve", "oppose", "commit"})


@dataclass
class Participants:
    actors: list[Actor] = field(default_factory=list)
    recipients: list[Actor] = field(default_factory=list)
    type: str | None = None  # overrides the trigger's type (a warning that is an accusation)
    cameo: str | None = None  # refines the trigger's code (agree to meet: 036)
    embedded: bool = False  # the event is the complement of a frame (warned not to sell)


def pos_of(tok) -> str | None:
    """The lexicon part of speech a token is read as: v, n, a, or None."""
    if tok.pos_ in ("VERB", "AUX"):
        if tok.tag_ in ("VBN", "VBD") and any(c.dep_ == "det" for c in tok.children):
            return "n"  # "evacuated the wounded", "buried the dead": a participle used as a noun
        return "v"
    if is_infinitive(tok):
        return "v"  # an infinitive the tagger missed: "one of the few nations to publicly back Russia"
    if tok.pos_ == "ADJ":
        return "a"  # "is willing to withdraw", "is ready to host"
    if tok.pos_ in ("NOUN", "PROPN"):
        return "n"
    return None


def _objects(tok) -> list:
    if tok.dep_ == "acl" and tok.tag_ == "VBN":  # "a video message released on Sunday": the message
        return [tok.head]
    objs = [c for c in tok.children if c.dep_ in OBJ]
    if not objs:  # "give or sell weapons": the object of the conjunct
        for conj in tok.conjuncts:
            if conj.i > tok.i:
                objs = [c for c in conj.children if c.dep_ in OBJ]
                if objs:
                    break
    if not objs:
        objs = [c for c in tok.children if c.dep_ == "nsubjpass"]
    return objs


def _shifted_object(tok) -> list:
    """ "shortened by one hour the nightly curfew imposed after the coup": an object moved after an
    adverbial phrase, which the parser reads as the subject of a clause; its head is the object."""
    if tok.pos_ != "VERB" or any(c.dep_ in OBJ or c.dep_ == "nsubjpass" for c in tok.children):
        return []
    adverbials = [c for c in tok.children if c.dep_ in ("prep", "agent", "npadvmod", "advmod") and c.i > tok.i]
    for comp in (c for c in tok.children if c.dep_ == "ccomp" and c.i > tok.i):
        if any(m.dep_ == "mark" for m in comp.children):
            continue
        for subj in (c for c in comp.children if c.dep_ == "nsubj" and c.i < comp.i):
            before = subj.left_edge.i - 1
            if any(a.left_edge.i <= before <= a.right_edge.i for a in adverbials):
                return [subj]
    return []


LIGHT_PREPS = frozenset({"to", "into", "in", "under", "on", "at"})
FIRST_PERSON = frozenset({"we", "our", "us", "ours", "i", "my", "me"})


def governing_verb(tok):
    """The light verb a nominal event is the object of: "paid a visit", "imposed sanctions",
    "came to some sort of agreement", "engaged in ethnic cleansing"; None for a noun in an
    adverbial phrase ("since the invasion of Ukraine") or a subject."""
    cur = tok
    if tok.dep_ == "compound" and tok.head.pos_ in ("NOUN", "PROPN"):
        cur = tok.head  # "ended mediation efforts": the verb of the phrase the noun qualifies
    for _ in range(5):
        head = cur.head
        if head is cur:
            return None
        if cur.dep_ in ("dobj", "attr", "oprd") and head.pos_ in ("VERB", "AUX"):
            return head
        if cur.dep_ != "pobj":
            return None
        if head.head.pos_ in ("VERB", "AUX"):
            if head.lower_ in LIGHT_PREPS:
                return head.head
            if head.lower_ == "for" and head.head.lemma_.lower() in load_lexicon().journeys:
                return head.head  # "returned to Geneva for talks": the travellers talk
            return None
        if head.lower_ != "of":  # "some sort of agreement": climb the quantity noun
            return None
        cur = head.head
    return None


def _condition_holds(tok, trig: Trigger) -> bool:
    kind, values = trig.cond_kind, trig.cond_values
    if kind is None:
        return True
    if kind == "prt":
        if any(c.dep_ in ("prt", "prep") and c.lower_ in values for c in tok.children):
            return True
        # "pushing hard for the US (to) support the plan": "for" marks a clause with its own subject
        return "for" in values and bool(_for_clauses(tok))
    if kind == "obj":
        objs = _objects(tok) or _shifted_object(tok)
        # "lifted the state of emergency", "sent 700 tons of food": the "of" noun names the thing
        objs += [p for o in objs for c in o.children if c.dep_ == "prep" and c.lower_ == "of"
                 for p in c.children if p.dep_ == "pobj"]
        # "ended mediation efforts", "suspended aid deliveries": the compound names the thing
        objs += [c for o in objs for c in o.children if c.dep_ == "compound"]
        return bool(objs) and (not values or any(o.lemma_.lower() in values for o in objs))
    if kind == "noobj":
        return not any(c.dep_ == "dobj" for c in tok.children)
    if kind == "neg":
        return has_negation(tok)
    if kind == "xcomp":
        # "allow X to run" is often parsed as a clause with its own subject: an infinitive all the same
        comps = _infinitives(tok) or _stray_infinitives(tok)
        return bool(comps) and (not values or any(c.lemma_.lower() in values for c in comps))
    if kind == "ccomp":  # "a rights group protested (that ...)": a statement
        return any(c.dep_ in ("ccomp", "parataxis") for c in tok.children)
    if kind == "must":  # "X said that Y must ...": a demand on Y
        return _must_clause(tok) is not None
    if kind == "head":
        verb = governing_verb(tok)
        return verb is not None and (not values or verb.lemma_.lower() in values)
    return False


def _infinitives(tok) -> list:
    """The infinitival complements of a verb: "agreed to meet"; "allow X to run", parsed as a clause
    with its own subject; "have sworn to fight", parsed as a purpose clause right after the verb."""
    return [c for c in tok.children if c.dep_ == "xcomp"
            or c.dep_ == "ccomp" and is_infinitive(c)
            or c.dep_ == "advcl" and is_infinitive(c) and c.left_edge.i == tok.i + 1]


def _stray_infinitives(tok) -> list:
    """ "allow refugees who have lived in Iraq to return": the parser hangs the infinitive on the
    object's relative clause; it is the complement of the verb all the same."""
    out = []
    for obj in (c for c in tok.children if c.dep_ == "dobj"):
        for rel in (c for c in obj.children if c.dep_ == "relcl"):
            out.extend(c for c in rel.children if c.dep_ == "advcl" and c.i > rel.i and is_infinitive(c))
    return out


def _for_clauses(tok) -> list:
    """Clauses with a subject of their own introduced by "for": "pushed for the US to back it"."""
    return [c for c in tok.children if c.dep_ == "advcl" and c.i > tok.i
            and any(m.dep_ == "mark" and m.lower_ == "for" for m in c.children)
            and any(s.dep_ in ("nsubj", "nsubjpass") for s in c.children)]


def _must_clause_aux(clause) -> bool:
    return any(a.dep_ == "aux" and a.lower_ == "must" for a in clause.children)


def _must_clause(tok):
    for c in tok.children:
        if c.dep_ == "ccomp" and _must_clause_aux(c):
            return c
    return None


def match_trigger(tok, lex: Lexicon) -> Trigger | None:
    """The first lexicon row for this token whose condition holds, or None."""
    pos = pos_of(tok)
    if pos is None:
        return None
    for trig in lex.rows(tok.lemma_.lower(), pos):
        if _condition_holds(tok, trig):
            return trig
    return None


# --- resolving tokens to actors -------------------------------------------------------------

def _resolve(tok, record: Record, depth: int = 0) -> Actor | None:
    """The actor a noun phrase's head token stands for, or None."""
    end = tok.idx + len(tok.text)
    actor = record.actor_at(tok.idx, end)
    if actor is not None:
        return actor
    left = tok.left_edge
    if left.i < tok.i:
        actor = record.actor_at(left.idx, end)
        if actor is not None:
            return actor
    if depth == 0 and tok.pos_ == "NOUN":  # "officials from Hungary", "troops of Russia"
        for prep in tok.children:
            if prep.dep_ == "prep" and prep.lower_ in ("of", "from", "in"):
                for pobj in prep.children:
                    if pobj.dep_ == "pobj":
                        actor = _resolve(pobj, record, depth + 1)
                        if actor is not None:
                            return actor
        # "workers affiliated with the union", "fighters loyal to Haftar", "militants linked to al-Qaida"
        for mod in tok.children:
            if mod.dep_ in ("acl", "amod") and mod.lower_ in AFFILIATION:
                for prep in mod.children:
                    if prep.dep_ == "prep" and prep.lower_ in ("with", "to"):
                        for pobj in prep.children:
                            if pobj.dep_ == "pobj":
                                actor = _resolve(pobj, record, depth + 1)
                                if actor is not None:
                                    return actor
    return None


# Participles and adjectives that tie a group to the body it belongs to.
AFFILIATION = frozenset({"affiliated", "loyal", "linked", "allied", "aligned", "attached", "belonging", "tied"})


DEEP_SKIP = ("appos", "relcl", "acl", "advcl", "punct", "cc")


def _phrase_tokens(tok):
    """The phrase of ``tok`` without appositions and clauses ("Khasan station, the hub for ...")."""
    out = [tok]
    for c in tok.children:
        if c.dep_ not in DEEP_SKIP:
            out.extend(_phrase_tokens(c))
        elif c.dep_ == "relcl" and tok.pos_ == "NOUN" and tok.tag_ == "NNS":
            out.extend(c.subtree)  # "entities that fund Russia's war effort": the group is defined by it
    return out


def _resolve_deep(tok, record: Record) -> Actor | None:
    """Last resort: the first actor named inside the phrase ("sanctions against entities that fund Russia's war")."""
    for t in sorted(_phrase_tokens(tok), key=lambda t: t.i):
        if t.pos_ in ("PROPN", "ADJ", "NOUN", "PRON"):
            a = record.actor_at(t.idx, t.idx + len(t.text))
            if a is not None:
                return a
    return None


def _place_actor(tok, record: Record) -> Actor | None:
    """ "paid a visit to Pyongyang": a capital named as a place stands for its country's actor."""
    if tok.ent_type_ not in ("GPE", "LOC"):
        return None
    ent = next((e for e in tok.doc.ents if e.start <= tok.i < e.end), None)
    iso3 = named_country(ent.text) if ent is not None else None
    return country_actor(record, iso3, (ent.start_char, ent.end_char)) if iso3 else None


def _with_conjuncts(toks) -> list:
    out = []
    for t in toks:
        for x in (t, *t.conjuncts):
            if x not in out:
                out.append(x)
    return out


def _actors(toks, record: Record, deep: bool = False, deep_nouns: bool = False) -> list[Actor]:
    found: list[Actor] = []
    for t in _with_conjuncts(toks):
        if t.tag_ in ("WDT", "WP") and t.head.dep_ == "relcl":  # "entities that fund": the entities
            t = t.head.head
        a = _resolve(t, record)
        if a is None and (deep or (deep_nouns and t.pos_ == "NOUN")):
            a = _resolve_deep(t, record)
        if a is None and deep:
            a = _place_actor(t, record)
        if a is not None and a.sector in NON_PARTICIPANT_SECTORS and t.pos_ == "PRON":
            continue  # "when it arrived" resolved to the outlet: news media report events, they are not parties
        if a is not None and all(a.id != f.id for f in found):
            found.append(a)
            found.extend(b for b in _same_span(a, t, record) if all(b.id != f.id for f in found))
    return found


def _same_span(actor: Actor, tok, record) -> list[Actor]:
    """ "U.S. and Russian negotiators": the actors stage gives the one phrase to two actors of
    different countries; both are parties."""
    span = next(((s, e) for s, e in actor.mentions if s <= tok.idx < e), None)
    if span is None or not actor.country:
        return []
    return [b for b in record.actors_with_mention(span) if b.id != actor.id
            and b.country and b.country != actor.country]


# --- finding the participants --------------------------------------------------------------

def _pobjs(tok, preps) -> list:
    out = []
    for c in tok.children:
        if c.dep_ in ("prep", "agent", "dative") and c.pos_ == "ADP" and c.lower_ in preps:
            objs = [p for p in c.children if p.dep_ in ("pobj", "pcomp")]
            out.extend(objs or _stranded_object(c))
    return out


def _stranded_object(prep) -> list:
    """ "granted asylum to five officers holed up in a residence": the parser read the noun as the
    subject of the reduced relative clause and left the preposition without an object; the noun
    right after the preposition, subject of a clause hanging from the same verb, is its object."""
    if prep.i + 1 >= len(prep.doc):
        return []
    nxt = prep.doc[prep.i + 1]
    noun = nxt if nxt.pos_ in ("NOUN", "PROPN") else None
    if noun is None:  # "to five Panamanian officers": the phrase's head further on
        noun = next((t for t in prep.doc[prep.i + 1:prep.i + 8] if t.left_edge.i == prep.i + 1
                     and t.pos_ in ("NOUN", "PROPN") and t.dep_ in ("nsubj", "nsubjpass")), None)
    if noun is None or noun.dep_ not in ("nsubj", "nsubjpass") or noun.left_edge.i != prep.i + 1:
        return []
    clause = noun.head
    if clause.head.i != prep.head.i or clause.dep_ not in ("advcl", "ccomp", "conj", "relcl"):
        return []
    return [noun]


def _subjects(verb) -> list:
    return [c for c in verb.children if c.dep_ in ("nsubj", "csubj")]


def _controller(head, lex: Lexicon) -> list:
    """Whose action an infinitival complement of ``head`` is: its object (urge X to) or subject."""
    trig = match_trigger(head, lex)
    control = trig.control if trig else "auto"
    objs = [c for c in head.children if c.dep_ in ("dobj", "dative")]
    if objs and control != "subj":
        return objs
    return []


def climb_subject(tok, lex: Lexicon, accept=None) -> list:
    """Subject tokens for a verb that has none of its own (control, coordination, attachment).

    ``accept(token)`` says whether a noun a participle hangs from is an actor ("North Koreans
    traveling to Russia"); when it is not ("resolutions sanctioning X"), the climb goes on to the
    subject of the clause the noun is in (who cast the votes for the resolutions)."""
    cur = tok
    nominal = False  # the climb went through a noun phrase
    for _ in range(MAX_CLIMB):
        head = cur.head
        if head is cur or cur.dep_ in ("ccomp", "parataxis", "csubj"):
            return []
        if cur.dep_ == "acomp" and nominal:
            return []  # "X is likely to be angered by a ruling to imprison Y": not X's act
        if cur.dep_ == "acl" and accept is not None and head.pos_ in ("NOUN", "PROPN"):
            if accept(head):
                return [head]
            if head.dep_ in ("dobj", "nsubjpass") and head.lemma_.lower() not in lex.instruments:
                return []  # "dispersed demonstrators protesting ...": the object of the main act protests
        if cur.dep_ == "xcomp":
            ctl = _controller(head, lex)
            if ctl:
                return ctl
        elif cur.dep_ == "relcl" and cur.pos_ in ("VERB", "AUX") and not is_infinitive(cur):
            return [head]  # "troops that attacked": the troops (not "a rally to protest")
        elif cur.dep_ not in GENERIC_HOP:
            return []
        via = cur.dep_
        cur = head
        nominal = nominal or cur.pos_ in ("NOUN", "PROPN", "PRON")
        if cur.dep_ == "ROOT" and cur.pos_ in ("NOUN", "PROPN"):
            return [cur]  # "Doctors from two aid groups donated ...", parsed as a noun phrase: its head acts
        if cur.pos_ in ("VERB", "AUX"):
            subj = _subjects(cur)
            if subj:
                return subj
            patients = [c for c in cur.children if c.dep_ == "nsubjpass"]
            if via == "conj" and patients and tok.tag_ != "VBN":
                return patients  # "was indicted by the court and will resign": the indicted resigns
            if patients or any(c.dep_ == "auxpass" for c in cur.children):  # "is likely to be angered by"
                agents = _pobjs(cur, ("by",))
                return agents
    return []


def _frame_info(tok, trig: Trigger, lex: Lexicon, parts: Participants, record: Record) -> None:
    """Refine a frame event by its complement; mark an event that is a frame's complement."""
    if trig.frame:
        comps = _infinitives(tok) + _for_clauses(tok)
        # "prepared to resume shelling", "agreed to start talks": the event past an aspectual verb
        comps += [c for comp in comps for c in comp.children if c.dep_ == "xcomp"]
        for comp in _with_conjuncts(comps):
            inner = match_trigger(comp, lex)
            if inner is None or inner.type is None:
                # "will not hesitate to impose new sanctions": the event noun is the object
                for obj in _objects(comp):
                    inner = match_trigger(obj, lex)
                    if inner is not None and inner.type is not None:
                        break
            if inner is not None and inner.type is not None:
                refined = lex.frames.get((trig.type, inner.type))
                if refined:
                    parts.type, parts.cameo = refined
                    break
        if trig.type == "THREATEN" and parts.cameo is None:
            # "'... would be in violation of resolutions,' he warned": the warning accuses
            for content in (c for c in tok.children if c.dep_ in ("ccomp", "parataxis")):
                for t in content.subtree:
                    inner = match_trigger(t, lex) if t.pos_ == "NOUN" else None
                    if inner is not None and inner.type == "ACCUSE":
                        parts.type, parts.cameo = "ACCUSE", inner.cameo
                        if not parts.recipients:
                            speaker = {a.country for a in parts.actors}
                            for a in _actors([x for x in content.subtree if x.pos_ == "PROPN"], record):
                                if a.country and a.country not in speaker:
                                    parts.recipients = [a]
                                    break
                        return
    cur = tok
    if pos_of(tok) == "n":
        cur = governing_verb(tok) or tok
        verb_trig = match_trigger(cur, lex) if cur is not tok else None
        if verb_trig is not None and verb_trig.type is not None:
            parts.embedded = True  # "opposed to French mediation", "demanded the withdrawal": the verb's event
            return
    while cur.dep_ == "conj":
        cur = cur.head
    if cur.dep_ in ("xcomp", "ccomp") or cur in _for_clauses(cur.head) or (
            cur.dep_ == "acl" and any(m.dep_ == "mark" and m.lower_ == "that" for m in cur.children)):
        if _frames(cur.head, lex) or _under_intention(cur.head, lex):
            # "failed to reach agreement", "demanded that the US cancel", "pushed for the US to
            # back it", "reiterated its demand that X ease ...", "a demand that X ease ...",
            # "is willing to send arms to help defend X": every step of an intention is intended
            parts.embedded = True
    elif cur.dep_ == "pcomp" and cur.head.dep_ == "prep" and cur.head.lower_ in ("of", "with", "for"):
        # "charging its neighbour with supporting dissidents", "accused X of arming Y": the act is
        # what the accused is said to do; the accuser is not its actor
        accuser = cur.head.head
        head_trig = match_trigger(accuser, lex) if pos_of(accuser) == "v" else None
        if head_trig is not None and head_trig.type == "ACCUSE":
            parts.embedded = True
            parts.actors = _actors([c for c in accuser.children if c.dep_ == "dobj"], record)
    elif cur.dep_ in ("advcl", "xcomp") and is_infinitive(cur):
        # a purpose clause: "staged rallies to demand reforms" is a protest, the demand its aim
        head = cur.head
        if match_trigger(head, lex) is not None or any(
                match_trigger(c, lex) is not None for c in head.children if c.dep_ in ("dobj", "attr")):
            parts.embedded = True


def _frames(head, lex: Lexicon) -> bool:
    """Whether a clause under ``head`` is the content of a speech act or intention: ``head`` is a
    frame word, or a light verb whose object is a frame noun ("reiterated its demand that ...")."""
    head_trig = match_trigger(head, lex)
    if head_trig is not None and head_trig.frame:
        return True
    if pos_of(head) != "v":
        return False
    for obj in (c for c in head.children if c.dep_ in ("dobj", "attr")):
        obj_trig = match_trigger(obj, lex)
        if obj_trig is not None and obj_trig.frame:
            return True
    return False


def _under_intention(head, lex: Lexicon) -> bool:
    """Whether ``head`` is itself an infinitive (or its conjunct) down a chain from a frame word:
    in "willing to send arms to help defend X", "help" is under "willing"."""
    cur = head
    for _ in range(4):
        while cur.dep_ == "conj":
            cur = cur.head
        if not (cur.dep_ == "xcomp" or cur.dep_ == "advcl" and is_infinitive(cur)):
            return False
        if _frames(cur.head, lex):
            return True
        cur = cur.head
    return False


# The auxiliaries of an announced intent ("said they would blockade", "will withdraw unless").
FUTURE_AUX = auxiliaries("future", "future_in_past")
# "may halt its mediation if ...", "said it could impose sanctions": a possible conflictual act
# that is announced or made conditional is a threat too.
POSSIBLE_AUX = auxiliaries("possibility")
# Verbs that announce a decision taken rather than state an intention ("said it would ...").
DECISIONS = frozenset({"announce", "decide", "declare", "rule", "order"})


def _announced_intent(tok, trig: Trigger, lex: Lexicon, parts: Participants) -> None:
    """ "Farmers said they would blockade Paris", "NATO confirmed it would tighten the blockade",
    "will withdraw its force unless ...": an announced conflictual act is a threat (CAMEO 13)."""
    clause = tok if pos_of(tok) == "v" else governing_verb(tok)  # "said it would impose sanctions"
    if clause is None:
        return
    aux = aux_words(clause)
    typ = parts.type or trig.type
    refined = lex.frames.get(("AGREE", typ))
    hostile = refined is not None and refined[0] == "THREATEN"
    if not (aux & FUTURE_AUX or hostile and aux & POSSIBLE_AUX):
        return
    marks = {m.lower_ for c in clause.children if c.dep_ == "advcl" for m in c.children if m.dep_ == "mark"}
    # "will withdraw unless ...", "may halt its aid if ...": a condition set on the other side
    conditional = "unless" in marks or hostile and "if" in marks
    announced = clause.dep_ == "ccomp" and clause.head.lemma_.lower() in lex.statements
    if announced and not aux & FUTURE_AUX:
        # "said it could impose sanctions" announces a possibility of one's own; "analysts said
        # Russia could attack" is a guess about another's
        announced = any(c.dep_ == "nsubj" and c.pos_ == "PRON" for c in clause.children)
    if not (announced or conditional):
        return
    if typ == "SANCTION" and not conditional and clause.head.lemma_.lower() in DECISIONS:
        return  # "announced it would prohibit all aid": a measure decided, still to take effect (PLOVER's examples)
    if hostile:
        parts.type, parts.cameo = refined
    elif conditional:
        parts.type, parts.cameo = "THREATEN", "130"


def _negation(tok, trig: Trigger, lex: Lexicon, parts: Participants) -> None:
    """ "will not accept more refugees", "would not meet demands": refusing to yield is REJECT."""
    if pos_of(tok) != "v" or not has_negation(tok):
        return
    flipped = lex.negations.get(parts.type or trig.type)
    if flipped:
        parts.type, parts.cameo = flipped


def _in_container(tok, lex: Lexicon) -> bool:
    """A nominal event talked about, not reported: "reports of Kim's visit"."""
    head = tok.head
    if tok.dep_ == "pobj" and head.lower_ == "of" and head.head.lemma_.lower() in lex.containers:
        return True
    return False


def find_participants(tok, trig: Trigger, record: Record, lex: Lexicon) -> Participants | None:
    """Actor and recipient (lists, for compounds) of the event ``tok`` triggers, or None."""
    parts = Participants()
    if pos_of(tok) in ("v", "a"):
        _verb_roles(tok, trig, record, lex, parts)
    else:
        if _in_container(tok, lex):
            return None
        _noun_roles(tok, trig, record, lex, parts)
    _frame_info(tok, trig, lex, parts, record)
    if parts.actors and not parts.recipients and not trig.sym:
        parts.recipients = _inner_recipient(tok, trig, record, parts.actors)
    if not parts.embedded:
        _negation(tok, trig, lex, parts)
        _announced_intent(tok, trig, lex, parts)
    return parts


# Clauses inside an event's phrase that tell of something else: their parties are not the event's.
OTHER_CLAUSES = ("relcl", "advcl", "ccomp", "parataxis", "nsubj", "nsubjpass", "csubj", "appos", "conj")
INNER_PREPS = frozenset({"to", "for", "with", "against", "from", "on", "in", "into", "toward", "towards"})


def _inner_recipient(tok, trig: Trigger, record: Record, actors: list[Actor]) -> list[Actor]:
    """Last resort for an event with an actor and no recipient: the first party named inside its
    own phrase, after the trigger ("promised to continue military aid to war-torn Mozambique",
    "agreed to provide aid for Romania and Poland", "refused to meet Jordan's King Abdullah").
    Parties of clauses inside the phrase ("..., who ...") and the actor itself are skipped; another
    party of the actor's country is kept ("threatened to ban Ugandan opposition candidates")."""
    if any(c.dep_ == "dobj" and c.pos_ == "PRON" for c in tok.children):
        return []  # "accusing it of ...": the pronoun is the party, though unresolved
    own = {a.id for a in actors}
    # A purpose clause says whom the act is aimed at ("blocked a road to show their disapproval
    # of the United States' policies"); other clauses tell of something else.
    stack = [c for c in tok.children if c.i > tok.i and (c.dep_ not in OTHER_CLAUSES or is_infinitive(c))]
    found: list = []
    while stack:
        t = stack.pop(0)
        if t.pos_ != "PRON" and (t.dep_ == "pobj" and t.head.lower_ in INNER_PREPS or t.dep_ == "dobj" and t.head.i != tok.i):
            found.append(t)
        stack.extend(c for c in t.children if c.dep_ not in OTHER_CLAUSES)
    for t in sorted(found, key=lambda t: t.i):
        picked = [a for a in _actors([t], record, deep=True) if a.id not in own]
        if picked:
            return picked
    return []


def _verb_roles(tok, trig: Trigger, record: Record, lex: Lexicon, parts: Participants) -> None:
    passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in tok.children)
    if passive and tok.lemma_.lower() in STATIVE_PASSIVES and not _pobjs(tok, ("by",)):
        passive = False  # "Israel is opposed to French mediation": Israel opposes
        parts.actors = _actors([c for c in tok.children if c.dep_ == "nsubjpass"], record)
    if passive:
        parts.recipients = _actors([c for c in tok.children if c.dep_ == "nsubjpass"], record)
        parts.actors = _actors(_pobjs(tok, ("by",)), record)
    elif not parts.actors:
        clause = tok.head if tok.dep_ == "acomp" else tok  # "Syria is willing to ...": the copula's subject
        subj = _subjects(clause) or climb_subject(clause, lex, lambda t: record.actor_at(t.idx, t.idx + len(t.text)) is not None)
        # "thousands of students throughout Indonesia": the actor named inside a common-noun subject
        parts.actors = _actors(subj, record, deep_nouns=True)
        if not parts.actors and subj and all(t.pos_ == "PRON" and t.lower_ in ("it", "they") for t in subj):
            parts.actors = _reporter(clause, record)
        if not trig.no_recipient_object:
            parts.recipients = _actors([c for c in tok.children if c.dep_ == "dobj"], record, deep=True)
    if trig.frame and not parts.recipients:  # "demanded that the US cancel ...": a demand on the US
        for comp in [c for c in tok.children if c.dep_ == "ccomp"] + _for_clauses(tok):
            parts.recipients = _actors(_subjects(comp), record)
            break
    must = _must_clause(tok) if trig.cond_kind == "must" else None
    if must is not None:  # the demand is on the subject of the must-clause
        parts.recipients = _actors(_subjects(must) or [c for c in must.children if c.dep_ == "nsubjpass"], record)
    if trig.actor_preps and not parts.actors:
        parts.actors = _actors(_pobjs(tok, trig.actor_preps), record)
    if not parts.recipients:
        parts.recipients = _actors([c for c in tok.children if c.dep_ == "dative" and c.pos_ != "ADP"], record)
    if not parts.recipients:
        pobjs = _pobjs(tok, trig.recipient_preps)
        if not pobjs and trig.no_recipient_object:  # "deployed troops along the border with X"
            objs = [c for c in tok.children if c.dep_ == "dobj"]
            # "suspended part of its aid program for Bosnia": the "of" noun's phrase too
            objs += [p for o in objs for c in o.children if c.dep_ == "prep" and c.lower_ == "of"
                     for p in c.children if p.dep_ == "pobj"]
            for obj in objs:
                pobjs = _pobjs(obj, trig.recipient_preps)
                if pobjs:
                    break
        if not pobjs:  # "give or sell weapons to Russia": the conjunct's phrase
            for conj in tok.conjuncts:
                pobjs = _pobjs(conj, trig.recipient_preps)
                if pobjs:
                    break
        parts.recipients = _actors(pobjs, record, deep=True)
    if trig.sym:
        _between(tok, record, parts)
        if not parts.actors:  # "After meeting in 2019, this will be Kim and Putin's second summit"
            parts.actors = _clause_owners(tok, record)


def _clause_owners(tok, record: Record) -> list[Actor]:
    """Possessors of the predicate noun of the clause an adverbial verb hangs from."""
    cur = tok
    while cur.dep_ in ("pcomp", "advcl", "prep") and cur.head != cur:
        cur = cur.head
    if cur is tok or cur.pos_ not in ("VERB", "AUX"):
        return []
    owners = [x for c in cur.children if c.dep_ in ("attr", "dobj")
              for x in c.children if x.dep_ in ("poss", "nmod")]
    return _actors(owners, record)


def first_person_subject(tok, lex: Lexicon) -> bool:
    """Whether the event's actor is "we"/"our" (to be resolved to the quote's speaker)."""
    if pos_of(tok) == "v":
        subj = _subjects(tok) or climb_subject(tok, lex)
    else:
        subj = [c for c in tok.children if c.dep_ == "poss"]
        verb = governing_verb(tok)
        if not subj and verb is not None:
            subj = _subjects(verb) or climb_subject(verb, lex)
    return any(t.lower_ in FIRST_PERSON for t in subj)


def _reporter(clause, record: Record) -> list[Actor]:
    """ "Syria says it is willing to withdraw": an unresolved "it" is the subject of the verb
    that reports the clause (when the actors stage left the pronoun unresolved)."""
    cur = clause
    while cur.dep_ in ("conj", "xcomp") and cur.head is not cur:
        cur = cur.head
    if cur.dep_ != "ccomp" or cur.head.pos_ not in ("VERB", "AUX"):
        return []
    return _actors(_subjects(cur.head), record)


def _between(tok, record: Record, parts: Participants) -> None:
    pairs = _actors(_pobjs(tok, ("between", "among", "amongst")), record)
    if len(pairs) >= 2 and not parts.actors:
        parts.actors, parts.recipients = pairs[:1], pairs[1:2]


def _noun_roles(tok, trig: Trigger, record: Record, lex: Lexicon, parts: Participants) -> None:
    if tok.dep_ == "compound" and tok.head.pos_ in ("NOUN", "PROPN"):
        tok = tok.head  # "a mediation effort between X and Y", "a bomb attack on X"
    children = list(tok.children)
    parts.actors = _actors([c for c in children if c.dep_ == "poss"], record)
    if not parts.actors:  # "U.S. warnings", "Russian invasion"
        parts.actors = _actors([c for c in children if c.dep_ in ("compound", "amod", "nmod")], record)
    if not parts.actors and trig.actor_preps:
        parts.actors = _actors(_pobjs(tok, trig.actor_preps), record)
    of_objs = _pobjs(tok, ("of",))
    if trig.of_role == "actor" and not parts.actors:
        parts.actors = _actors(of_objs, record)
    # "between X and Y" gives both parties of a symmetric event (talks), the recipients of another
    # (a mediation between X and Y)
    rpreps = trig.recipient_preps - {"between", "among"} if trig.sym else trig.recipient_preps
    parts.recipients = _actors(_pobjs(tok, rpreps), record, deep=True)
    if trig.of_role == "recipient" and not parts.recipients:
        parts.recipients = _actors(of_objs, record, deep=True)
    if trig.sym:
        _between(tok, record, parts)
    verb = governing_verb(tok)
    if verb is not None:
        # light verb: "paid a visit to Pyongyang", "imposed sanctions on X", "came to an agreement"
        passive = [] if verb.lemma_.lower() in STATIVE_PASSIVES else [
            c for c in verb.children if c.dep_ == "nsubjpass"]
        if passive and not parts.recipients:  # "a US national was put under investigation"
            parts.recipients = _actors(passive, record, deep_nouns=True)
        if not parts.actors and not passive:
            subj = _subjects(verb) or [c for c in verb.children if c.dep_ == "nsubjpass"] or climb_subject(verb, lex)
            parts.actors = _actors(subj, record, deep_nouns=True)
            if not parts.actors and subj and all(t.pos_ == "PRON" and t.lower_ in ("it", "they") for t in subj):
                parts.actors = _reporter(verb, record)
        if not parts.recipients:
            parts.recipients = _actors(_pobjs(verb, rpreps), record, deep=True)
    if trig.frame and not parts.recipients:  # "reiterated its demand that Israel ease ...": on Israel
        clauses = [c for c in children if c.dep_ in ("acl", "ccomp")]
        if verb is not None:
            clauses += [c for c in verb.children if c.dep_ == "ccomp" and c.i > tok.i]
        for clause in clauses:
            if any(m.dep_ == "mark" and m.lower_ == "that" for m in clause.children) or _must_clause_aux(clause):
                parts.recipients = _actors(_subjects(clause), record)
                if parts.recipients:
                    break
