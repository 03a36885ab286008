"""Dates: when a document was published and when its quotes were said.

Absolute and relative French expressions are read by dateparser with French
settings, relative ones against the document date.  Precision is kept: a
month alone stays "2024-09".  Without a document date, a relative expression
is kept as text with no ISO value.
"""

from __future__ import annotations

import datetime as dt
import functools
from typing import Optional

import attrs
import regex

from .model import Document

MONTHS = "janvier|février|fevrier|mars|avril|mai|juin|juillet|août|aout|septembre|octobre|novembre|décembre|decembre"
DAYS = "lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche"
_DATELINE = [
    (regex.compile(r"\b(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2})\b"), "minute"),
    (regex.compile(r"\b(\d{4}-\d{2}-\d{2})\b"), "day"),
    (regex.compile(r"\bdate\s*:?\s*(\d{4}-\d{2})\b", regex.IGNORECASE), "month"),
    (regex.compile(rf"\b(?:publié|mis à jour|modifié)\s+le\s+(\d{{1,2}}(?:er)?\s+(?:{MONTHS})\s+\d{{4}})", regex.IGNORECASE), "text"),
]
_QUOTE_DATE = regex.compile(
    rf"\b(?:(?:le\s+)?(?:(?:{DAYS})\s+)?\d{{1,2}}(?:er)?\s+(?:{MONTHS})(?:\s+\d{{4}})?"
    rf"|(?:{DAYS})(?:\s+(?:dernier|prochain))?"
    rf"|(?:en\s+|mi-)?(?:{MONTHS})\s+(?:dernier|prochain)"
    rf"|avant-hier|hier|la\s+veille|ce\s+matin|cette\s+semaine)\b",
    regex.IGNORECASE,
)


@attrs.frozen
class DateValue:
    text: str
    iso: Optional[str]
    precision: str = "day"

    def as_datetime(self) -> Optional[dt.datetime]:
        if not self.iso:
            return None
        parts = self.iso.split("T")[0].split("-")
        year, month, day = int(parts[0]), int(parts[1]) if len(parts) > 1 else 1, int(parts[2]) if len(parts) > 2 else 1
        return dt.datetime(year, month, day)


@functools.lru_cache(maxsize=1)
def _parser():
    import dateparser

    return dateparser


# A whole date, "18 mai 2016" or "1er juin 2020", needs no parser: dateparser's first
# call in a process loads its language and time-zone data (0.2 s of CPU).
_FULL_DATE = regex.compile(rf"(\d{{1,2}})(?:er)?\s+({MONTHS})\s+(\d{{4}})", regex.IGNORECASE)


def _parse(text: str, base: Optional[dt.datetime] = None, prefer: str = "past") -> Optional[dt.datetime]:
    m = _FULL_DATE.fullmatch(text.strip())
    if m:
        try:
            return dt.datetime(int(m.group(3)), _MONTH_INDEX[m.group(2).lower()], int(m.group(1)))
        except ValueError:
            return None  # "31 avril"
    settings = {"PREFER_DATES_FROM": prefer, "DATE_ORDER": "DMY"}
    if base is not None:
        settings["RELATIVE_BASE"] = base
    try:
        return _parser().parse(text, languages=["fr"], settings=settings)
    except Exception:  # dateparser raises on odd input; a date is optional
        return None


def normalize_date(value: str) -> Optional[DateValue]:
    """A metadata date ("2024-11-01T14:19:00+01:00", "1 novembre 2024") at its own precision."""
    value = value.strip()
    m = regex.fullmatch(r"(\d{4})(?:-(\d{2})(?:-(\d{2})(?:[T ](\d{2}:\d{2}))?)?)?.*", value)
    if m:
        year, month, day, minute = m.groups()
        if minute:
            return DateValue(value, f"{year}-{month}-{day}T{minute}", "minute")
        if day:
            return DateValue(value, f"{year}-{month}-{day}", "day")
        if month:
            return DateValue(value, f"{year}-{month}", "month")
        return DateValue(value, year, "year")
    parsed = _parse(value)
    return DateValue(value, parsed.date().isoformat(), "day") if parsed else None


def document_date(doc: Document, text: str) -> Optional[DateValue]:
    if doc.date:
        found = normalize_date(doc.date)
        if found:
            return found
    for pattern, precision in _DATELINE:
        m = pattern.search(text)
        if not m:
            continue
        if precision == "minute":
            return DateValue(m.group(0), f"{m.group(1)}T{m.group(2)}", "minute")
        if precision in ("day", "month"):
            return DateValue(m.group(0), m.group(1), precision)
        parsed = _parse(m.group(1))
        if parsed:
            return DateValue(m.group(0), parsed.date().isoformat(), "day")
    return None


_DAY_INDEX = {d: i for i, d in enumerate(DAYS.split("|"))}
_MONTH_INDEX = {m: i + 1 for i, m in enumerate("janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre".split("|"))}
_MONTH_INDEX.update({"fevrier": 2, "aout": 8, "decembre": 12})


def _relative(expression: str, base: dt.datetime) -> Optional[str]:
    """Weekdays and months said relative to the day of writing, which dateparser leaves out.

    "vendredi dernier" is the Friday before the document date, "mardi" the latest
    Tuesday up to it (the same day included), "juin dernier" the latest June before it.
    """
    words = expression.replace("-", " ").split()
    days = [w for w in words if w in _DAY_INDEX]
    if days and len(words) <= 2:
        delta = (base.weekday() - _DAY_INDEX[days[0]]) % 7
        if "prochain" in words:
            delta = -((_DAY_INDEX[days[0]] - base.weekday()) % 7 or 7)
        elif "dernier" in words and delta == 0:
            delta = 7
        return (base - dt.timedelta(days=delta)).date().isoformat()
    months = [w for w in words if w in _MONTH_INDEX]
    if months and not any(w.isdigit() for w in words):
        month = _MONTH_INDEX[months[0]]
        year = base.year
        if "prochain" in words:
            year += month <= base.month
        elif month > base.month or ("dernier" in words and month == base.month):
            year -= 1
        return f"{year:04d}-{month:02d}"
    return None


def _sentence_bounds(text: str, pos: int) -> tuple[int, int]:
    start = max(text.rfind(ch, 0, pos) for ch in (".", "!", "?", "\n")) + 1
    ends = [i for i in (text.find(ch, pos) for ch in (".", "!", "?", "\n")) if i >= 0]
    return start, min(ends) if ends else len(text)


def quote_date(text: str, event, doc_date: Optional[DateValue], verbless: bool = False) -> Optional[DateValue]:
    """The first date expression of the attribution sentence, outside the quote itself.

    A verb-less attribution ("..., selon KCNA") has no act of speaking of its own: the
    date its clause states is the only one, so it is taken from inside the content."""
    start, end = _sentence_bounds(text, event.cue_start)
    found = [m for m in _QUOTE_DATE.finditer(text, start, end) if not (event.start <= m.start() < event.end)]
    if not found and verbless:
        found = list(_QUOTE_DATE.finditer(text, start, end))
    for m in found:
        expression = m.group(0)
        base = doc_date.as_datetime() if doc_date else None
        if base is None:
            absolute = regex.search(r"\d{4}", expression)
            parsed = _parse(expression) if absolute else None
            return DateValue(expression, parsed.date().isoformat() if parsed else None)
        lowered = expression.lower()
        relative = _relative(lowered, base)
        if relative is not None:
            return DateValue(expression, relative)
        prefer = "future" if "prochain" in lowered else "past"
        parsed = _parse(regex.sub(r"^le\s+", "", expression, flags=regex.IGNORECASE), base, prefer)
        if parsed and parsed > base and prefer == "past" and not regex.search(r"\d{4}", expression):
            parsed = parsed.replace(year=parsed.year - 1)
        return DateValue(expression, parsed.date().isoformat() if parsed else None)
    return None
