"""Stages declare what they read and write on the record, as spaCy components declare what
they require and assign; the pipeline checks the order once, when it is built.

A part of the record is named by its field (``actors``, ``claims``) or, for a field of every
event, ``events.<field>`` (``events.factuality``). What exists before any stage runs is
:data:`GIVEN`: the cleaned article and its parse. A stage that reads a part no earlier stage
writes is a mistake in the order, and :func:`check_order` says which stage and which part.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

# What the pipeline has before the first stage: the cleaned article and the spaCy parse.
GIVEN = frozenset({"article", "doc"})


@dataclass(frozen=True)
class Stage:
    name: str
    run: Callable  # run(record, doc) -> None, filling the parts named in ``writes``
    reads: tuple[str, ...]
    writes: tuple[str, ...]

    def __call__(self, record, doc) -> None:
        self.run(record, doc)


class StageOrderError(ValueError):
    """A stage reads a part of the record that no earlier stage writes."""


def stage(name: str, reads: Iterable[str], writes: Iterable[str]) -> Callable[[Callable], Callable]:
    """Declare a function ``(record, doc) -> None`` as a pipeline stage; the declaration is
    kept on the function as ``.stage``, and the function itself is unchanged."""

    def declare(fn: Callable) -> Callable:
        fn.stage = Stage(name, fn, tuple(reads), tuple(writes))
        return fn

    return declare


def declared(fn: Callable) -> Stage:
    """The :class:`Stage` a function was declared as."""
    try:
        return fn.stage
    except AttributeError:
        raise StageOrderError(f"{fn.__module__}.{fn.__qualname__} is not declared as a stage "
                              "(decorate it with newsgraph.stage.stage(name, reads=..., writes=...))") from None


def check_order(stages: Iterable[Stage], given: Iterable[str] = GIVEN) -> tuple[Stage, ...]:
    """The stages, in order, once every part each reads is written by an earlier one (or
    given); otherwise :class:`StageOrderError` naming the stage and the part.

    ``events.date`` is written by the stage that declares it; a field of the events that no
    stage declares on its own (``events.trigger``) comes with ``events``."""
    stages = tuple(stages)
    own_fields = {part for st in stages for part in st.writes if "." in part}
    available = set(given)

    def ready(part: str) -> bool:
        return part in available or (part not in own_fields and part.split(".", 1)[0] in available)

    for position, st in enumerate(stages):
        missing = [part for part in st.reads if not ready(part)]
        if missing:
            later = [s.name for s in stages[position + 1:] if set(s.writes) & set(missing)]
            hint = f"; {', '.join(later)} writes it later: move {st.name} after it" if later else \
                "; no stage writes it"
            raise StageOrderError(f"stage {st.name!r} reads {', '.join(missing)}, which no earlier stage "
                                  f"writes{hint}")
        available.update(st.writes)
    return stages
