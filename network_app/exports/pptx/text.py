"""Workbook values as plain slide text, and how much text fits where."""

from __future__ import annotations

import re
from typing import Any

from ...workbook import schema

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff]")
COLUMN_GAP = 0.2
LIST_GAP_PT = 5
#: PowerPoint and LibreOffice set Arial lines about 1.15 em apart; 1.2 leaves a little room.
LINE_SPACING = 1.2


def plain(value: Any, limit: int | None = None) -> str:
    """Workbook text as one plain line: no control characters, no line breaks, maybe cut."""
    if value is None:
        return ""
    text = " ".join(_CONTROL.sub("", str(value)).split())
    if limit is not None and len(text) > limit:
        text = text[:limit - 1].rstrip() + "…"
    return text


def chart_label(value: Any) -> str:
    """A chart category or series name; a leading "=" would be a formula in the chart's data."""
    text = plain(value, 60)
    return "\u200b" + text if text.startswith(("=", "+", "-", "@")) else text


def natural_key(name: str) -> list[Any]:
    """Alphabetical ignoring case, numbers by value ("Schule 2" before "Schule 10")."""
    parts = re.split(r"(\d+)", schema.normalize_name(name))
    return [int(p) if i % 2 else p for i, p in enumerate(parts)]


def text_lines(text: str, width_pt: float, size: float) -> int:
    """How many lines ``text`` takes in a column ``width_pt`` wide (word wrap, like PowerPoint).

    Widths come from the font's metrics (Liberation Sans has Arial's), so the estimate is close.
    """
    from matplotlib.font_manager import FontProperties
    from matplotlib.textpath import TextToPath

    measure = TextToPath()
    font = FontProperties(family=font_family(), size=size)

    def width(words: str) -> float:
        return measure.get_text_width_height_descent(words, font, ismath=False)[0] * 1.04

    lines, current = 1, ""
    for word in re.split(r"(?<=[ \-/])", text):
        candidate = current + word
        if current and width(candidate.rstrip()) > width_pt:
            lines += 1
            current = word
            while width(current.rstrip()) > width_pt:  # a word longer than the line
                lines += 1
                current = current[len(current) // 2:]
        else:
            current = candidate
    return lines


def fit_names(names: list[str], columns: int, column_width: float, height: float,
              size: float, reserve: int = 1) -> tuple[list[list[str]], int]:
    """Fill columns with names while they fit; return them and how many did not fit.

    The lists' text boxes have no side margins; COLUMN_GAP stays free between columns.
    ``reserve`` lines stay free at the end whenever names are left over, for the line that
    says where the rest is ("und N weitere auf der nächsten Folie").
    """
    usable = (column_width - COLUMN_GAP) * 72
    line = size * LINE_SPACING / 72
    gap = LIST_GAP_PT / 72
    room = height - 0.15
    filled: list[list[str]] = [[] for _ in range(columns)]
    column, used = 0, 0.0
    for index, name in enumerate(names):
        need = text_lines(name, usable, size) * line + gap
        left_over = index < len(names) - 1
        while True:
            kept = reserve * line if column == columns - 1 and left_over else 0.0
            if used + need + kept <= room:
                break
            if column == columns - 1:
                return filled, len(names) - index
            column, used = column + 1, 0.0
        filled[column].append(name)
        used += need
    return filled, 0


def font_family() -> list[str]:
    from matplotlib import font_manager

    available = {f.name for f in font_manager.fontManager.ttflist}
    return [f for f in ("Arial", "Liberation Sans", "DejaVu Sans") if f in available] or \
        ["sans-serif"]
