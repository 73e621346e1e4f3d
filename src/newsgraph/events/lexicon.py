"""The event lexicon: trigger words and the CAMEO table, read once from ``events/data/``.

``triggers.tsv`` maps a lemma (verb or noun) with an optional condition to a PLOVER type and
CAMEO code; ``cameo.tsv`` gives each CAMEO code its PLOVER type, mode, context, quad class and
Goldstein score. Both files say their columns in their header comment.
"""
from __future__ import annotations

import logging
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

LOGGER = logging.getLogger(__name__)

PLOVER_TYPES = (
    "AGREE", "CONSULT", "SUPPORT", "COOPERATE", "AID", "CONCEDE", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)
CONDITION_KINDS = ("prt", "obj", "head", "xcomp", "neg", "noobj", "ccomp", "must")
DEFAULT_RECIPIENT_PREPS = frozenset({"to", "with", "against", "on", "upon", "at", "toward", "towards", "into"})


class LexiconError(ValueError):
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


def _data_lines(name: str):
    text = resources.files("newsgraph.events").joinpath("data", name).read_text(encoding="utf-8")
    header_seen = False
    for n, raw in enumerate(text.splitlines(), 1):
        if not raw.strip() or raw.startswith("#"):
            continue
        if not header_seen:  # the column names
            header_seen = True
            continue
        yield n, raw.rstrip("\n").split("\t")


def _none(value: str) -> str | None:
    value = value.strip()
    return None if value in ("", "-") else value


def _read_cameo() -> dict[str, CameoCode]:
    table = {}
    for n, cols in _data_lines("cameo.tsv"):
        if len(cols) < 6:
            raise LexiconError(f"cameo.tsv line {n}: expected 7 columns, got {len(cols)}")
        code, typ, mode, context, quad, goldstein = cols[:6]
        if typ not in PLOVER_TYPES:
            raise LexiconError(f"cameo.tsv line {n}: unknown PLOVER type {typ!r}")
        ctx = tuple(c for c in (context.split(",") if _none(context) else []) if c)
        table[code] = CameoCode(code, typ, _none(mode), ctx, int(quad), float(goldstein),
                                cols[6] if len(cols) > 6 else "")
    return table


def _parse_trigger(n: int, cols: list[str]) -> Trigger:
    if len(cols) < 6:
        raise LexiconError(f"triggers.tsv line {n}: expected 6 columns, got {len(cols)}")
    lemma, pos, when, typ, cameo, flags = (c.strip() for c in cols[:6])
    if pos not in ("v", "n", "a"):
        raise LexiconError(f"triggers.tsv line {n}: pos must be v, n or a, not {pos!r}")
    cond_kind, cond_values = None, frozenset()
    if _none(when):
        kind, _, values = when.partition("=")
        if kind not in CONDITION_KINDS:
            raise LexiconError(f"triggers.tsv line {n}: unknown condition {kind!r}")
        cond_kind = kind
        cond_values = frozenset() if values in ("", "*") else frozenset(values.split("|"))
    typ_ = _none(typ)
    if typ_ is not None and typ_ not in PLOVER_TYPES:
        raise LexiconError(f"triggers.tsv line {n}: unknown PLOVER type {typ!r}")
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
            raise LexiconError(f"triggers.tsv line {n}: unknown flag {flag!r}")
    return Trigger(lemma.lower(), pos, cond_kind, cond_values, typ_, _none(cameo), line=n, **kw)


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    """The trigger lexicon and CAMEO table, read once per process."""
    lex = Lexicon(cameo=_read_cameo())
    for n, cols in _data_lines("triggers.tsv"):
        trig = _parse_trigger(n, cols)
        if trig.cameo and trig.cameo not in lex.cameo:
            raise LexiconError(f"triggers.tsv line {n}: CAMEO code {trig.cameo} is not in cameo.tsv")
        lex.triggers.setdefault((trig.lemma, trig.pos), []).append(trig)
    lex.lemmas = frozenset(lemma for lemma, _pos in lex.triggers)
    for rows in lex.triggers.values():
        # rows with a condition are tried before the plain row, specific values before '*'
        rows.sort(key=lambda t: (t.cond_kind is None, t.cond_kind in ("obj", "xcomp") and not t.cond_values))
    for n, cols in _data_lines("frames.tsv"):
        if len(cols) != 4 or cols[3] not in lex.cameo or cols[2] not in PLOVER_TYPES:
            raise LexiconError(f"frames.tsv line {n}: expected frame, embedded type, type and a known CAMEO code")
        lex.frames[(cols[0], cols[1])] = (cols[2], cols[3])
    needs = set()
    for n, cols in _data_lines("types.tsv"):
        if len(cols) != 2 or cols[0] not in PLOVER_TYPES or cols[1] not in ("yes", "no"):
            raise LexiconError(f"types.tsv line {n}: expected a PLOVER type and yes/no")
        if cols[1] == "yes":
            needs.add(cols[0])
    lex.needs_recipient = frozenset(needs)
    for n, cols in _data_lines("negations.tsv"):
        if len(cols) != 3 or cols[0] not in PLOVER_TYPES or cols[1] not in PLOVER_TYPES or cols[2] not in lex.cameo:
            raise LexiconError(f"negations.tsv line {n}: expected type, type when negated and a known CAMEO code")
        lex.negations[cols[0]] = (cols[1], cols[2])
    lex.statements = frozenset(cols[0].strip().lower() for _n, cols in _data_lines("statements.tsv"))
    lex.containers = frozenset(cols[0].strip().lower() for _n, cols in _data_lines("containers.tsv"))
    lex.instruments = frozenset(cols[0].strip().lower() for _n, cols in _data_lines("instruments.tsv"))
    lex.journeys = frozenset(cols[0].strip().lower() for _n, cols in _data_lines("journeys.tsv"))
    LOGGER.debug("event lexicon: %d trigger words, %d CAMEO codes", len(lex.triggers), len(lex.cameo))
    return lex
