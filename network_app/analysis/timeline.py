"""Change over time: who was a partner when, the network as it stood in a year, what changed.

One rule decides whether something existed in a year (:func:`active_in`): a partner, relation
or programme is active in year *Y* when it began in or before *Y* (or has no "Seit") and ended in
or after *Y* (or has no "Bis"). So **a partner without "Seit" counts as active in every year up
to its "Bis"**: the workbook does not say when it began, and leaving it out would make the
network look smaller in the past than it was. :func:`undated_partners` counts them so the UI can
say how many there are. Activities count from their year on (those without a date always).

Growth over the years is drawn only where the workbook knows it: :func:`growth_years` gives
the years from the first partner's "Seit" to the Datenstand (:func:`data_year`), or no years
and the reason in a sentence. The Analyse page, the presentation and the council deck all ask
it, so none of them draws flat lines for years nobody recorded or runs past the Datenstand.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

import networkx as nx
import pandas as pd

from ..network.figures import NO_CATEGORY
from ..network.graph import _active_in, build_graph
from ..text import join_list, say
from ..text.format import as_written
from ..workbook import schema
from ..workbook.schema import name_key
from ..workbook.validation import PartnerData

__all__ = [
    "GrowthYears",
    "YearComparison",
    "active_in",
    "compare_years",
    "data_year",
    "growth_years",
    "graph_as_of",
    "partners_per_year",
    "undated_partners",
    "year_range",
]


def active_in(record: Mapping[str, Any], year: int) -> bool:
    """Whether a partner, relation or programme (a record with since/until) existed in ``year``.

    >>> active_in({"since": 2019, "until": 2021}, 2021)
    True
    >>> active_in({"since": 2019, "until": 2021}, 2022)
    False
    >>> active_in({"since": None, "until": None}, 1990)   # no dates: always
    True
    """
    return _active_in(record.get("since"), record.get("until"), year)


def undated_partners(data: PartnerData) -> int:
    """How many partners have no "Seit" and therefore count as active in every earlier year."""
    return int(data.partners["since"].isna().sum())


def year_range(data: PartnerData) -> range:
    """Every year from the earliest to the latest year the workbook mentions.

    The years are partners' and relations' Seit/Bis, activity dates and programmes' Seit/Bis.
    Without any year, the current year alone.
    """
    years: list[int] = []
    for table, columns in (("partners", ("since", "until")), ("relations", ("since", "until")),
                           ("activities", ("year",)), ("programmes", ("since", "until"))):
        frame = getattr(data, table)
        for column in columns:
            years.extend(int(y) for y in frame[column].dropna())
    if not years:
        this_year = dt.date.today().year
        return range(this_year, this_year + 1)
    return range(min(years), max(years) + 1)


#: A year in a Datenstand such as "2022", "31.12.2022", "2022-12-31" or "März 2022".
_YEAR = re.compile(r"(?<!\d)(1[89]\d\d|2\d\d\d)(?!\d)")


def data_year(data: PartnerData) -> int | None:
    """The year of the workbook's Datenstand (settings sheet), or None without one.

    >>> from types import SimpleNamespace as Data
    >>> data_year(Data(settings={"data_date": "31.12.2022"}))
    2022
    >>> data_year(Data(settings={"data_date": "2021/2022"})), data_year(Data(settings={}))
    (2022, None)
    """
    found = _YEAR.findall(str(data.settings.get("data_date") or ""))
    return max(int(year) for year in found) if found else None


@dataclass(frozen=True)
class GrowthYears:
    """The years a growth chart may draw, or why there is none.

    Attributes
    ----------
    years : range or None
        From the earliest "Seit" year to the last year the data speak for; None when no chart
        should be drawn.
    reason : str or None
        Why not, as a code: ``"no_start_years"`` (no partner has a "Seit" year),
        ``"after_last_year"`` (every "Seit" year lies after ``last_year``) or ``"one_year"``
        (all start in ``last_year``: one point is no growth). None when ``years`` is given.
    last_year : int
        The Datenstand's year; without one the latest year the workbook mentions, but never a
        year after this one.
    from_data_date : bool
        Whether ``last_year`` is the Datenstand.
    """

    years: range | None
    reason: str | None
    last_year: int
    from_data_date: bool

    def sentence(self, lang: str = "de") -> str | None:
        """Why no chart is drawn, in plain words; None when it is drawn."""
        if self.reason is None:
            return None
        key = f"growth_{self.reason}"
        if self.reason == "after_last_year" and not self.from_data_date:
            key = "growth_after_this_year"  # without a Datenstand the last year is this one
        return _say(key, lang, year=str(self.last_year))

    def note(self, lang: str = "de") -> str | None:
        """ "Gezeigt bis zum Datenstand 2022." under a drawn chart that ends at the Datenstand."""
        if self.years is None or not self.from_data_date:
            return None
        return _say("growth_until", lang, year=str(self.last_year))


def growth_years(data: PartnerData, today: dt.date | None = None) -> GrowthYears:
    """The years to draw partners per year for, or None and the reason.

    A chart starts at the earliest "Seit" year of a partner (before it the workbook does not
    say who was there) and ends at the Datenstand's year (:func:`data_year`); without a
    Datenstand at the latest year the workbook mentions, but not after ``today`` (default: the
    real today), since a "Bis" in the future is a plan, not data.
    """
    this_year = (today or dt.date.today()).year
    stand = data_year(data)
    last = stand if stand is not None else min(year_range(data).stop - 1, this_year)
    starts = [int(y) for y in data.partners["since"].dropna()]
    if not starts:
        return GrowthYears(None, "no_start_years", last, stand is not None)
    first = min(starts)
    if first > last:
        return GrowthYears(None, "after_last_year", last, stand is not None)
    if first == last:
        return GrowthYears(None, "one_year", last, stand is not None)
    return GrowthYears(range(first, last + 1), None, last, stand is not None)


def partners_per_year(data: PartnerData, years: Iterable[int] | None = None) -> pd.DataFrame:
    """Active partners per year and category.

    Parameters
    ----------
    data : PartnerData
        The workbook.
    years : iterable of int, optional
        The years to count; by default :func:`year_range`.

    Returns
    -------
    pandas.DataFrame
        Index ``year``; one column per category present, in the order of
        :data:`~network_app.workbook.schema.CATEGORIES`, then
        :data:`~network_app.network.figures.NO_CATEGORY` when some partner has none (a key:
        :func:`~network_app.network.figures.category_label` says it in words). A partner in
        several categories counts in each. Values are whole numbers.
    """
    years = list(year_range(data) if years is None else years)
    records = data.records("partners")
    present = {c for r in records for c in r["categories"]}
    columns = [c for c in schema.CATEGORIES if c in present]
    if any(not r["categories"] for r in records):
        columns.append(NO_CATEGORY)
    counts: Counter[tuple[int, str]] = Counter()
    for record in records:
        categories = list(record["categories"]) or [NO_CATEGORY]
        for year in years:
            if active_in(record, year):
                counts.update((year, category) for category in categories)
    table = {c: [counts[year, c] for year in years] for c in columns}
    return pd.DataFrame(table, index=pd.Index(years, name="year"), columns=columns,
                        dtype="int64")


def graph_as_of(data: PartnerData, year: int) -> nx.Graph:
    """The whole graph as it stood in ``year`` (see
    :func:`network_app.network.graph.build_graph`)."""
    return build_graph(data, as_of=year)


Tie = tuple[str, str]


@dataclass(frozen=True)
class YearComparison:
    """What changed in the network from ``year_a`` to ``year_b``.

    Attributes
    ----------
    year_a, year_b : int
        The years compared.
    new_partners, ended_partners : list of str
        Active in ``year_b`` but not ``year_a``, and the other way round; alphabetical.
    new_ties, ended_ties : list of (str, str)
        Partner–partner ties only in ``year_b``, or only in ``year_a``; each pair in
        alphabetical order, the list sorted.
    strengthened_ties : list of (str, str, float, float)
        Ties in both years whose weight grew: the pair, the old and the new weight.
    """

    year_a: int
    year_b: int
    new_partners: list[str]
    ended_partners: list[str]
    new_ties: list[Tie]
    ended_ties: list[Tie]
    strengthened_ties: list[tuple[str, str, float, float]]

    def sentences(self, lang: str = "de") -> list[str]:
        """The changes in plain sentences, German by default."""
        key = "period_next" if self.year_b == self.year_a + 1 else "period_span"
        # Years are names of years, not amounts: no thousands separator ("2023", not "2.023").
        period = _say(key, lang, start=str(self.year_a), end=str(self.year_b))
        return [
            _partners_sentence(period, self.new_partners, lang),
            _ended_sentence(self.ended_partners, lang),
            _ties_sentence(len(self.new_ties), len(self.ended_ties), lang),
            *_stronger_sentence(self.strengthened_ties, lang),
        ]


def _say(key: str, lang: str, **params: Any) -> str:
    return say(f"analysis.timeline.{key}", lang, **params)


def _partners_sentence(period: str, names: list[str], lang: str) -> str:
    if not names:
        return _say("joined_none", lang, period=period)
    return _say("joined", lang, period=period, count=len(names),
                names=join_list(names, lang, limit=5))


def _ended_sentence(names: list[str], lang: str) -> str:
    if not names:
        return _say("ended_none", lang)
    return _say("ended", lang, count=len(names), names=join_list(names, lang, limit=5))


def _ties_sentence(new: int, ended: int, lang: str) -> str:
    return _say("ties", lang,
                new=_say("ties_new", lang, count=new) if new else _say("ties_new_none", lang),
                lost=_say("ties_lost", lang, count=ended) if ended else
                _say("ties_lost_none", lang))


def _stronger_sentence(ties: list[tuple[str, str, float, float]], lang: str) -> list[str]:
    if not ties:
        return []
    changes = [_say("tie_change", lang, a=a, b=b, old=as_written(old, lang),
                    new=as_written(new, lang)) for a, b, old, new in ties]
    return [_say("stronger", lang, count=len(ties),
                 names=join_list(changes, lang, limit=3, conjunction=False))]


def _tie(a: str, b: str) -> Tie:
    return (a, b) if name_key(a) <= name_key(b) else (b, a)


def _ties(graph: nx.Graph) -> dict[Tie, float]:
    """Partner–partner ties and their weights (hub edges left out, as in the partner layer)."""
    # the weight as it is: a tie growing from 2.5 to 2.9 grew (int() would call both 2)
    return {_tie(a, b): data["weight"] for a, b, data in graph.edges(data=True)
            if data.get("kind") == "partner"}


def _tie_key(tie: Tie | tuple[str, str, float, float]) -> tuple[tuple[str, str], ...]:
    return tuple(name_key(name) for name in tie[:2])


def compare_years(data: PartnerData, year_a: int, year_b: int) -> YearComparison:
    """What changed between ``year_a`` and ``year_b``: partners, ties and their weights.

    Both years are built with :func:`graph_as_of`; ``year_b`` is usually the later one. For
    consecutive years the sentences read "2022 kamen 2 Partner hinzu …", otherwise "Von 2019
    bis 2022 kamen …".
    """
    before, after = graph_as_of(data, year_a), graph_as_of(data, year_b)
    partners_a = {n for n, kind in before.nodes(data="kind") if kind == "partner"}
    partners_b = {n for n, kind in after.nodes(data="kind") if kind == "partner"}
    ties_a, ties_b = _ties(before), _ties(after)
    return YearComparison(
        year_a=year_a,
        year_b=year_b,
        new_partners=sorted(partners_b - partners_a, key=name_key),
        ended_partners=sorted(partners_a - partners_b, key=name_key),
        new_ties=sorted(ties_b.keys() - ties_a.keys(), key=_tie_key),
        ended_ties=sorted(ties_a.keys() - ties_b.keys(), key=_tie_key),
        strengthened_ties=sorted(((a, b, ties_a[a, b], ties_b[a, b])
                                  for a, b in ties_a.keys() & ties_b.keys()
                                  if ties_b[a, b] > ties_a[a, b]), key=_tie_key),
    )
