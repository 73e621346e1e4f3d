"""Resolution of time expressions against the publication date: newsgraph's own rules.

Everything here is a pure function of the publication date (a ``datetime.date``), the parts
of the expression and a *direction*: -1 when the governing verb is past (or present perfect),
+1 when it is future or a scheduled present ("the forum runs through Wednesday"), 0 when unknown.
News usage, not calendar arithmetic, decides the results:

- a weekday is the one of the current week around the publication date: the same weekday is the
  publication day itself, otherwise the nearest one before (past) or after (future) it;
  "last"/"next" + weekday are strictly before/after;
- a month without a year is in the publication year when it fits the direction
  ("visited in July" in September -> July of the same year), else the nearest year that does;
- "last week" is the ISO week before the publication's; "last year" the year before.

Values follow TIMEX3 (ISO-TimeML): ``2023-09-12``, ``2023-07``, ``2023-W36``, ``2023-SP``,
``2023-09-12TNI``, ``P18M``, ``PT3H``, ``PXY``.
"""
from __future__ import annotations

from datetime import date, timedelta

SEASON_START = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}


def iso(d: date) -> str:
    return d.isoformat()


def weekday(pub: date, wd: int, direction: int = 0, shift: int | None = None) -> date:
    """The date of ISO weekday ``wd`` (Monday = 1) as a news article of ``pub`` means it."""
    delta = wd - pub.isoweekday()
    back = delta if delta < 0 else delta - 7  # nearest strictly-before occurrence (-1..-7)
    ahead = delta if delta > 0 else delta + 7  # nearest strictly-after occurrence (1..7)
    if shift == -1:
        return pub + timedelta(days=back)
    if shift == 1:
        return pub + timedelta(days=ahead)
    if delta == 0:
        return pub
    if direction == 0:  # no tense to go by: the nearest such day
        return pub + timedelta(days=ahead if ahead < -back else back)
    return pub + timedelta(days=ahead if direction > 0 else back)


def month_year(pub: date, month: int, day: int | None = None, direction: int = 0) -> int:
    """The year of ``month`` (and ``day``) given without a year: past -> the last occurrence
    not after ``pub``; otherwise the next occurrence not before it."""
    here = (month, day or 0)
    now = (pub.month, pub.day if day else 0)
    if direction < 0:
        return pub.year if here <= now else pub.year - 1
    return pub.year if here >= now else pub.year + 1


def shifted_unit(pub: date, unit: str, shift: int) -> str | None:
    """"last week" / "this month" / "next year" ... -> TIMEX3 value, or None for unknown units."""
    if unit == "W":
        y, w, _ = (pub + timedelta(weeks=shift)).isocalendar()
        return f"{y}-W{w:02d}"
    if unit == "WE":
        y, w, _ = (pub + timedelta(weeks=shift)).isocalendar()
        return f"{y}-W{w:02d}-WE"
    if unit == "M":
        m = pub.year * 12 + pub.month - 1 + shift
        return f"{m // 12}-{m % 12 + 1:02d}"
    if unit == "Y":
        return str(pub.year + shift)
    if unit == "Q":
        q = pub.year * 4 + (pub.month - 1) // 3 + shift
        return f"{q // 4}-Q{q % 4 + 1}"
    if unit == "DE":
        return str(pub.year // 10 + shift)
    if unit == "CE":
        return str(pub.year // 100 + shift)
    if unit == "D":
        return iso(pub + timedelta(days=shift))
    return None


def season(pub: date, code: str, shift: int = 0, direction: int = 0) -> str:
    """"this spring" -> ``2023-SP``; "last summer" is the most recent summer before the current
    season; "next winter" the first one after it. A winter is named by the year it starts in."""
    cur_year = pub.year if pub.month >= 3 else pub.year - 1  # winter of Jan/Feb began last year
    cur = next(c for c, m in sorted(SEASON_START.items(), key=lambda x: -x[1])
               if (pub.month if pub.month >= 3 else pub.month + 12) >= m)
    start, cur_start = SEASON_START[code], SEASON_START[cur]
    if shift == -1 or (shift == 0 and direction < 0 and start > cur_start):
        return f"{cur_year if start < cur_start else cur_year - 1}-{code}"
    if shift == 1:
        return f"{cur_year if start > cur_start else cur_year + 1}-{code}"
    return f"{cur_year}-{code}"


def ago(pub: date, n: int, unit: str) -> str | None:
    """"two days ago" -> a date; months ago -> a month; years ago -> a year."""
    if unit == "D":
        return iso(pub - timedelta(days=n))
    if unit == "W":
        return iso(pub - timedelta(weeks=n))
    if unit == "M":
        return shifted_unit(pub, "M", -n)
    if unit == "Y":
        return str(pub.year - n)
    if unit == "DE":
        return str(pub.year - 10 * n)[:3]
    return None


def duration(n, unit: str, time_unit: bool = False) -> str:
    """TIMEX3 duration: (18, "M") -> P18M, (3, "H", time) -> PT3H, ("X", "Y") -> PXY."""
    if isinstance(n, float) and n.is_integer():
        n = int(n)
    return f"PT{n}{unit}" if time_unit else f"P{n}{unit}"


def date_of(value: str | None) -> str | None:
    """The part of a TIMEX3 value that can date an event: drops a time of day, refuses unknowns
    (``XXXX``) and durations."""
    if not value or value.startswith("P") or "X" in value:
        return None
    return value.split("T", 1)[0]
