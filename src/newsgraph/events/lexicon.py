"""The event lexicon: trigger words and the CAMEO table, read once from ``events/data/``.

``triggers.tsv`` maps a lemma (verb or noun) with an optional condition to a PLOVER type and
CAMEO code; ``cameo.tsv`` gives each CAMEO code its PLOVER type, mode, context, quad class and
Goldstein score. Both files say their columns in their header comment.
"""
from __future__ import annotations

import logging
from dataclasses import dataclass, field

from newsgraph.lexicons import LexiconError as _LexiconError
from newsgraph.lexicons import Row, read_tsv, read_words, registry

LOGGER = logging.getLogger(__name__)

# The 16 PLOVER 2021 event types, in the codebook's order: the rows of data/types.tsv.
_TYPE_ROWS = tuple(read_tsv("newsgraph.events", "types.tsv", required=2))
PLOVER_TYPES = tuple(r["type"] for r in _TYPE_ROWS)
CONDITION_KINDS = ("prt", "obj", "head", "xcomp", "neg", "noobj", "ccomp", "must")
DEFAULT_RECIPIENT_PREPS = frozenset({"to", "with", "against", "on", "upon", "at", "toward", "towards", "into"})


class LexiconError(_LexiconError):
    """A data file of the events stage is malformed."""


@dataclass(frozen=True)
class CameoCode:
    code: str
    type: str
    mode: str | None
    context: tuple[str, ...]
    quad_class: int
    goldstein: float
    description: str


@dataclass(frozen=True)
class Trigger:
    lemma: str
    pos: str  # "v" or "n"
    cond_kind: str | None  # one of CONDITION_KINDS, or None
    cond_values: frozenset[str]  # empty with "*" = any
    type: str | None  # None: "no event" (blocks later rows)
    cameo: str | None
    sym: bool = False
    frame: bool = False
    control: str = "auto"  # "obj", "subj" or "auto"
    of_role: str = "recipient"  # actor | recipient | object
    recipient_preps: frozenset[str] = DEFAULT_RECIPIENT_PREPS
    actor_preps: frozenset[str] = frozenset()
    no_recipient_object: bool = False
    line: int = 0


@dataclass
class Lexicon:
    triggers: dict[tuple[str, str], list[Trigger]] = field(default_factory=dict)
    cameo: dict[str, CameoCode] = field(default_factory=dict)
    # (frame type, embedded type) -> (resulting type, CAMEO code)
    frames: dict[tuple[str, str], tuple[str, str]] = field(default_factory=dict)
    needs_recipient: frozenset[str] = frozenset()
    negations: dict[str, tuple[str, str]] = field(default_factory=dict)  # type -> (type, CAMEO) when negated
    lemmas: frozenset[str] = frozenset()  # every trigger lemma, for a quick first test
    statements: frozenset[str] = frozenset()  # verbs that announce (said it would ...)
    containers: frozenset[str] = frozenset()
    instruments: frozenset[str] = frozenset()  # texts that act for who adopts them (a law banning X)
    journeys: frozenset[str] = frozenset()  # verbs of going whose "for" phrase is the trip's aim

    def rows(self, lemma: str, pos: str) -> list[Trigger]:
        return self.triggers.get((lemma, pos), [])

    def code(self, code: str | None) -> CameoCode | None:
        if not code:
            return None
        return self.cameo.get(code) or self.cameo.get(code[:3]) or self.cameo.get(code[:2])


def data_rows(name: str, required: int = 1) -> list[Row]:
    """The entries of a TSV file in ``events/data/``."""
    return read_tsv("newsgraph.events", name, required)


def _none(value: str) -> str | None:
    value = value.strip()
    return None if value in ("", "-") else value


def _read_cameo() -> dict[str, CameoCode]:
    table = {}
    for row in data_rows("cameo.tsv", required=6):
        code, typ, context = row["code"], row["type"], row["context"]
        if typ not in PLOVER_TYPES:
            raise LexiconError(f"{row.where}: unknown PLOVER type {typ!r}")
        ctx = tuple(c for c in (context.split(",") if _none(context) else []) if c)
        table[code] = CameoCode(code, typ, _none(row["mode"]), ctx, int(row["quad"]), float(row["goldstein"]),
                                row["description"])
    return table


def _parse_trigger(row: Row) -> Trigger:
    n = row.where
    lemma, pos, when, typ, cameo, flags = (row[c] for c in ("lemma", "pos", "when", "type", "cameo", "flags"))
    if pos not in ("v", "n", "a"):
        raise LexiconError(f"{n}: pos must be v, n or a, not {pos!r}")
    cond_kind, cond_values = None, frozenset()
    if _none(when):
        kind, _, values = when.partition("=")
        if kind not in CONDITION_KINDS:
            raise LexiconError(f"{n}: unknown condition {kind!r}")
        cond_kind = kind
        cond_values = frozenset() if values in ("", "*") else frozenset(values.split("|"))
    typ_ = _none(typ)
    if typ_ is not None and typ_ not in PLOVER_TYPES:
        raise LexiconError(f"{n}: unknown PLOVER type {typ!r}")
    kw: dict = {}
    for flag in (_none(flags) or "").split(","):
        flag = flag.strip()
        if not flag:
            continue
        key, _, value = flag.partition("=")
        if key == "sym":
            kw["sym"] = True
        elif key == "frame":
            kw["frame"] = True
        elif key == "ctl":
            kw["control"] = value
        elif key == "of":
            kw["of_role"] = value
        elif key == "rprep":
            kw["recipient_preps"] = frozenset(value.split("|"))
        elif key == "aprep":
            kw["actor_preps"] = frozenset(value.split("|"))
        elif key == "norcp":
            kw["no_recipient_object"] = True
        else:
            raise LexiconError(f"{n}: unknown flag {flag!r}")
    return Trigger(lemma.lower(), pos, cond_kind, cond_values, typ_, _none(cameo), line=row.line, **kw)


@registry.register("events")
def load_lexicon() -> Lexicon:
    """The trigger lexicon and CAMEO table, read once per process."""
    lex = Lexicon(cameo=_read_cameo())
    for row in data_rows("triggers.tsv", required=6):
        trig = _parse_trigger(row)
        if trig.cameo and trig.cameo not in lex.cameo:
            raise LexiconError(f"{row.where}: CAMEO code {trig.cameo} is not in cameo.tsv")
        lex.triggers.setdefault((trig.lemma, trig.pos), []).append(trig)
    lex.lemmas = frozenset(lemma for lemma, _pos in lex.triggers)
    for rows in lex.triggers.values():
        # rows with a condition are tried before the plain row, specific values before '*'
        rows.sort(key=lambda t: (t.cond_kind is None, t.cond_kind in ("obj", "xcomp") and not t.cond_values))
    for row in data_rows("frames.tsv", required=4):
        if row["cameo"] not in lex.cameo or row["type"] not in PLOVER_TYPES:
            raise LexiconError(f"{row.where}: expected frame, embedded type, type and a known CAMEO code")
        lex.frames[(row["frame"], row["embedded"])] = (row["type"], row["cameo"])
    for row in _TYPE_ROWS:
        if row["needs_recipient"] not in ("yes", "no"):
            raise LexiconError(f"{row.where}: needs_recipient must be yes or no")
    lex.needs_recipient = frozenset(r["type"] for r in _TYPE_ROWS if r["needs_recipient"] == "yes")
    for row in data_rows("negations.tsv", required=3):
        if not {row["type"], row["negated"]} <= set(PLOVER_TYPES) or row["cameo"] not in lex.cameo:
            raise LexiconError(f"{row.where}: expected type, type when negated and a known CAMEO code")
        lex.negations[row["type"]] = (row["negated"], row["cameo"])
    lex.statements = read_words("newsgraph.events", "statements.tsv")
    lex.containers = read_words("newsgraph.events", "containers.tsv")
    lex.instruments = read_words("newsgraph.events", "instruments.tsv")
    lex.journeys = read_words("newsgraph.events", "journeys.tsv")
    LOGGER.debug("event lexicon: %d trigger words, %d CAMEO codes", len(lex.triggers), len(lex.cameo))
    return lex
