"""Weights of relations: the number as written, and the strength 1–5 derived from it.

A relation's ``weight`` is the number in its Stärke/Gewicht/Weight column as written: 291 stays
291, 2.5 stays 2.5 (None when the cell is empty or holds no number). Its ``strength`` (1–5) is
what the pictures draw and what the app calls "Stärke":

* When every weight of the table lies within 1–5 (the lab's own scale), the strength is the
  weight rounded, as it always was; an empty cell is strength 1.
* Otherwise (Gephi's counts up to 291, 0–1 probabilities, negative ratings) the strength is
  derived from the weight's rank, never clamped: the table's distinct weights are sorted and
  spread evenly over 1–5, so the smallest weight becomes 1, the largest 5, and the others
  ``1 + round(4 · i / (k − 1))`` for the i-th of k distinct weights. A single far-away value
  does not squeeze the others together, and equal weights get equal strengths. A table with a
  single distinct weight gets strength 1 throughout; a relation without a weight gets 1.

Weighted measures (weighted degree, PageRank, eigenvector, the groups) use the weights as
written, not the derived strengths: see :class:`WeightScale`, which also says what a relation
without a weight and a shared activity count there.

>>> derive_strengths([1, 291, 2, None, 2])
[1, 5, 3, 1, 3]
>>> derive_strengths([0.5, 0.25, 0.75])
[3, 1, 5]
>>> on_lab_scale([1, 2.5, 5, None]), on_lab_scale([1, 7])
(True, False)
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from .values import ValueProblem, parse_number

__all__ = ["LAB_SCALE", "WeightScale", "derive_strengths", "on_lab_scale", "parse_weight",
           "strengths_for", "weight_scale"]

#: The strengths the lab's format writes, and the scale every picture draws.
LAB_SCALE = (1, 5)


@dataclass(frozen=True)
class WeightScale:
    """How a table's weights became strengths, and what the weighted measures count.

    Attributes
    ----------
    derived : bool
        The weights are not all within 1–5, so the strengths were derived by rank (see the
        module). False for the lab's scale and for a table without weights.
    measured : bool
        The weighted measures use the weights as written. False when some weight is 0 or
        negative: PageRank, eigenvector centrality and the groups need positive weights, so
        they count the strengths (1–5) instead.
    lowest, highest : float or None
        The smallest and the largest weight written (None without weights).
    unit : float
        What a relation without a weight, a shared activity and a shared programme each count
        in the measures: on the lab's scale 1, the weakest strength; with weights of their own,
        the smallest weight, the weakest tie of that table. So a shared workshop never outweighs
        a tie of 0.02, nor vanishes next to a tie of 291.
    """

    derived: bool = False
    measured: bool = True
    lowest: float | None = None
    highest: float | None = None
    unit: float = 1


def parse_weight(value: Any) -> int | float | None:
    """The number in a weight cell as written: an int when whole, else a float.

    >>> parse_weight("291"), parse_weight(2.5), parse_weight("0,75"), parse_weight(None)
    (291, 2.5, 0.75, None)
    >>> parse_weight("stark")
    Traceback (most recent call last):
    ...
    network_app.workbook.values.ValueProblem: bad_strength
    """
    try:
        number = parse_number(value)
    except ValueProblem as exc:
        raise ValueProblem("bad_strength") from exc
    if number is None:
        return None
    if not math.isfinite(number):
        raise ValueProblem("bad_strength")
    return int(number) if number.is_integer() else number


def on_lab_scale(weights: Iterable[float | None]) -> bool:
    """Whether every weight written lies within 1–5 (the lab's strengths)."""
    low, high = LAB_SCALE
    return all(low <= w <= high for w in weights if w is not None)


def derive_strengths(weights: Sequence[float | None]) -> list[int]:
    """Strengths 1–5 from weights by the rank of their value (see the module)."""
    distinct = sorted({w for w in weights if w is not None})
    steps = len(distinct) - 1
    rank = {w: i for i, w in enumerate(distinct)}
    low, high = LAB_SCALE
    return [low if w is None or steps == 0
            else low + round((high - low) * rank[w] / steps) for w in weights]


def strengths_for(weights: Sequence[float | None]) -> list[int]:
    """The strength of each weight: rounded on the lab's scale, derived otherwise.

    >>> strengths_for([3, None, 4.4]), strengths_for([10, 20, None])
    ([3, 1, 4], [1, 5, 1])
    """
    if on_lab_scale(weights):
        return [LAB_SCALE[0] if w is None else round(w) for w in weights]
    return derive_strengths(weights)


def weight_scale(weights: Sequence[float | None]) -> WeightScale:
    """What the table's weights are (see :class:`WeightScale`).

    >>> weight_scale([2, 3, None])
    WeightScale(derived=False, measured=True, lowest=2, highest=3, unit=1)
    >>> weight_scale([4, 291, 12])
    WeightScale(derived=True, measured=True, lowest=4, highest=291, unit=4)
    >>> weight_scale([-1, 1, 0.5]).measured
    False
    """
    known = [w for w in weights if w is not None]
    if not known:
        return WeightScale()
    lowest, highest = min(known), max(known)
    if on_lab_scale(known):
        return WeightScale(lowest=lowest, highest=highest)
    measured = lowest > 0
    return WeightScale(derived=True, measured=measured, lowest=lowest, highest=highest,
                       unit=lowest if measured else 1)
