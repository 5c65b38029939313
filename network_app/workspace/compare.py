"""Comparing two workbooks: what a new version adds, changes and drops.

The import preview and the versions page both ask the same question of two loaded workbooks
(:class:`~network_app.workbook.validation.PartnerData`): which partners are new, which are gone,
which changed and in which fields (old → new), which ties between partners (from the relations)
are new or gone, which activities and programmes came or went, and what problems the newer one
has. Partners, activities and programmes are matched by their name as people read it (case and
spaces ignored, :func:`~network_app.workbook.schema.normalize_name`), so "Stadt Soest" and
"stadt  soest" are the same partner; a renamed partner shows as one gone and one new.

>>> import pandas as pd
>>> from network_app.workbook.validation import PartnerData
>>> def data(partners, relations=()):
...     return PartnerData(pd.DataFrame(partners), pd.DataFrame(
...         list(relations), columns=["source", "target"]), pd.DataFrame(), pd.DataFrame(), {})
>>> old = data({"name": ["A", "B"], "place": ["Soest", "Köln"]}, [("A", "B")])
>>> new = data({"name": ["A", "C"], "place": ["Lippstadt", None]})
>>> result = compare(old, new)
>>> result.new_partners, result.gone_partners
(['C'], ['B'])
>>> [(c.name, [(f.field, f.old, f.new) for f in c.fields]) for c in result.changed_partners]
[('A', [('place', 'Soest', 'Lippstadt')])]
>>> result.gone_ties
[('A', 'B')]
>>> result.summary("en")[0]
'1 new partner: C.'
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from ..text import join_list, number, say, words
from ..text.format import as_written
from ..workbook.problems import Problem
from ..workbook.schema import PERSONAL_COLUMNS, name_key, normalize_name
from ..workbook.validation import PartnerData

__all__ = ["Comparison", "FieldChange", "PartnerChange", "compare", "field_label"]

#: Partner columns that are not fields of their own: the Excel row and the first category
#: (derived from "categories").
_NOT_FIELDS = frozenset({"row", "category"})
#: How many names a sentence of :meth:`Comparison.summary` lists before "und 3 weitere".
NAMES_IN_SENTENCE = 5

Tie = tuple[str, str]


def field_label(field_name: str, lang: str = "de") -> str:
    """A partner field as the reader knows it ("place" → "Ort"); a column of the workbook's
    own (not one the program knows) keeps its header."""
    return words("workbook.fields", lang).get(field_name, field_name)


@dataclass(frozen=True)
class FieldChange:
    """One field of a partner that differs: the field's key (or the workbook's own header for
    a column the program does not know) and its value before and after (None when empty)."""

    field: str
    old: Any
    new: Any

    def label(self, lang: str = "de") -> str:
        return field_label(self.field, lang)

    def old_text(self, lang: str = "de") -> str:
        return value_text(self.old, lang)

    def new_text(self, lang: str = "de") -> str:
        return value_text(self.new, lang)


@dataclass(frozen=True)
class PartnerChange:
    """A partner in both workbooks whose fields differ; ``name`` as the newer one spells it
    (``old_name`` as the older one did, which may differ in case or spaces)."""

    name: str
    old_name: str
    fields: tuple[FieldChange, ...]


@dataclass(frozen=True)
class Comparison:
    """What changed from ``old`` to ``new`` (see :func:`compare`); every list alphabetical."""

    new_partners: list[str]
    gone_partners: list[str]
    changed_partners: list[PartnerChange]
    new_ties: list[Tie]
    gone_ties: list[Tie]
    new_activities: list[str] = field(default_factory=list)
    gone_activities: list[str] = field(default_factory=list)
    new_programmes: list[str] = field(default_factory=list)
    gone_programmes: list[str] = field(default_factory=list)
    #: The newer workbook's problems (errors and warnings), as its loader found them.
    problems: list[Problem] = field(default_factory=list)

    @property
    def is_empty(self) -> bool:
        """No partner, tie, activity or programme differs (problems do not count)."""
        return not any((self.new_partners, self.gone_partners, self.changed_partners,
                        self.new_ties, self.gone_ties, self.new_activities,
                        self.gone_activities, self.new_programmes, self.gone_programmes))

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "warning"]

    def summary(self, lang: str = "de") -> list[str]:
        """The changes in plain sentences, one per kind of change, then the problems."""
        if self.is_empty:
            sentences = [_say("no_changes", lang)]
        else:
            sentences = []
            if self.new_partners:
                sentences.append(_say("partners_new", lang, count=len(self.new_partners),
                                      names=_names(self.new_partners, lang)))
            if self.gone_partners:
                sentences.append(_say("partners_gone", lang, count=len(self.gone_partners),
                                      names=_names(self.gone_partners, lang)))
            if self.changed_partners:
                changed = [_say("partner_fields", lang, name=change.name, fields=join_list(
                    [f.label(lang) for f in change.fields], lang, conjunction=False))
                    for change in self.changed_partners]
                sentences.append(_say("partners_changed", lang,
                                      count=len(self.changed_partners),
                                      names=join_list(changed, lang, limit=NAMES_IN_SENTENCE)))
            if self.new_ties or self.gone_ties:
                sentences.append(_ties_sentence(self, lang))
            for kind in ("activities", "programmes"):
                new, gone = getattr(self, f"new_{kind}"), getattr(self, f"gone_{kind}")
                if new:
                    sentences.append(_say(f"{kind}_new", lang, count=len(new),
                                          names=_names(new, lang)))
                if gone:
                    sentences.append(_say(f"{kind}_gone", lang, count=len(gone),
                                          names=_names(gone, lang)))
        sentences.append(self.problems_sentence(lang))
        return sentences

    def problems_sentence(self, lang: str = "de") -> str:
        """How many errors and warnings the newer workbook has, or that it has none."""
        errors, warnings = len(self.errors), len(self.warnings)
        if not errors and not warnings:
            return _say("problems_none", lang)
        parts = []
        if errors:
            parts.append(_say("errors", lang, count=errors))
        if warnings:
            parts.append(_say("warnings", lang, count=warnings))
        return _say("problems", lang, what=join_list(parts, lang))

    def changes_table(self, lang: str = "de", *, personal: bool = False
                      ) -> list[dict[str, str]]:
        """Every changed field as a row: partner, field, before, after (for a table).

        A personal field (:data:`~network_app.workbook.schema.PERSONAL_COLUMNS`: contact
        people, e-mail, phone) shows its values only when ``personal`` is set; otherwise the
        row says only that it changed.
        """
        texts = words("workspace.compare", lang)
        columns = texts["columns"]
        rows = []
        for change in self.changed_partners:
            for f in change.fields:
                hidden = not personal and f.field in PERSONAL_COLUMNS
                rows.append({columns["partner"]: change.name, columns["field"]: f.label(lang),
                             columns["old"]: texts["hidden"] if hidden else f.old_text(lang),
                             columns["new"]: texts["hidden"] if hidden else f.new_text(lang)})
        return rows


def compare(old: PartnerData, new: PartnerData) -> Comparison:
    """What differs between two loaded workbooks, ``old`` the earlier one.

    Partners are matched by name (case and spaces ignored); a partner's fields are every
    column of the partner table (the workbook's own columns included), compared as values
    (an empty cell equals a missing column, 2019 equals 2019.0, the categories as a set).
    Ties are the partner pairs of the relations, without direction.
    """
    old_partners, new_partners = _by_name(old.partners), _by_name(new.partners)
    changed = []
    for key in sorted(old_partners.keys() & new_partners.keys()):
        before, after = old_partners[key], new_partners[key]
        fields = _field_changes(before, after)
        if fields:
            changed.append(PartnerChange(str(after["name"]), str(before["name"]), fields))
    changed.sort(key=lambda change: name_key(change.name))
    old_ties, new_ties = _ties(old.relations), _ties(new.relations)
    return Comparison(
        new_partners=_names_only(new_partners, old_partners),
        gone_partners=_names_only(old_partners, new_partners),
        changed_partners=changed,
        new_ties=_sorted_ties(new_ties, old_ties),
        gone_ties=_sorted_ties(old_ties, new_ties),
        new_activities=_names_only(_by_name(new.activities), _by_name(old.activities)),
        gone_activities=_names_only(_by_name(old.activities), _by_name(new.activities)),
        new_programmes=_names_only(_by_name(new.programmes), _by_name(old.programmes)),
        gone_programmes=_names_only(_by_name(old.programmes), _by_name(new.programmes)),
        problems=list(new.problems),
    )


def value_text(value: Any, lang: str = "de") -> str:
    """A field's value as the reader sees it: lists comma-separated, numbers by locale (a year
    as written, "2019"), "–" for an empty cell."""
    value = _clean(value)
    if value is None:
        return "–"
    if isinstance(value, tuple):
        return ", ".join(str(item) for item in value)
    if isinstance(value, bool):
        return words("workspace.compare", lang)["yes" if value else "no"]
    if isinstance(value, int):
        return str(value) if 1000 <= value <= 9999 else number(value, lang)
    if isinstance(value, float):
        return as_written(value, lang)
    return str(value)


# --- matching -------------------------------------------------------------------------------------
def _by_name(frame: pd.DataFrame) -> dict[str, dict[str, Any]]:
    """The rows of ``frame`` by their normalised name; the first row of a name wins (a second
    one is a duplicate the loader already reports)."""
    if frame is None or frame.empty or "name" not in frame.columns:
        return {}
    rows: dict[str, dict[str, Any]] = {}
    for row in frame.to_dict("records"):
        name = _clean(row.get("name"))
        if name is None or not str(name).strip():
            continue
        rows.setdefault(normalize_name(name), {str(k): v for k, v in row.items()})
    return rows


def _names_only(these: dict[str, dict[str, Any]], those: dict[str, dict[str, Any]]
                ) -> list[str]:
    return sorted((str(these[key]["name"]) for key in these.keys() - those.keys()),
                  key=name_key)


def _field_changes(before: dict[str, Any], after: dict[str, Any]) -> tuple[FieldChange, ...]:
    fields = [f for f in before if f not in _NOT_FIELDS and f != "name"]
    fields += [f for f in after if f not in _NOT_FIELDS and f != "name" and f not in before]
    # a name spelled differently (case, spaces) is a change of the name too
    changes = []
    if str(before["name"]) != str(after["name"]):
        changes.append(FieldChange("name", str(before["name"]), str(after["name"])))
    for name in fields:
        old, new = _clean(before.get(name)), _clean(after.get(name))
        if old != new:
            changes.append(FieldChange(str(name), old, new))
    return tuple(changes)


def _clean(value: Any) -> Any:
    """A cell as a comparable value: None for every kind of empty, whole floats as ints,
    lists as tuples (categories compared as a sorted set), text stripped."""
    if isinstance(value, list | tuple | set):
        items = [str(item).strip() for item in value if _clean(item) is not None]
        return tuple(sorted(set(items), key=name_key)) if items else None
    if value is None or value is pd.NA or value is pd.NaT:
        return None
    if hasattr(value, "item") and not isinstance(value, str):
        value = value.item()
    if isinstance(value, float):
        if math.isnan(value):
            return None
        return int(value) if value.is_integer() else value
    if isinstance(value, str):
        value = value.strip()
        return value or None
    return value


def _ties(relations: pd.DataFrame) -> dict[tuple[str, str], Tie]:
    """The partner pairs of the relations, keyed without direction and case: key → names."""
    if relations is None or relations.empty or not {"source", "target"} <= set(relations):
        return {}
    ties: dict[tuple[str, str], Tie] = {}
    for source, target in zip(relations["source"], relations["target"], strict=True):
        source, target = _clean(source), _clean(target)
        if source is None or target is None:
            continue
        first, second = sorted((str(source), str(target)), key=name_key)
        key = min((normalize_name(first), normalize_name(second)),
                  (normalize_name(second), normalize_name(first)))
        ties.setdefault(key, (first, second))
    return ties


def _sorted_ties(these: dict[tuple[str, str], Tie], those: dict[tuple[str, str], Tie]
                 ) -> list[Tie]:
    return sorted((these[key] for key in these.keys() - those.keys()),
                  key=lambda tie: (name_key(tie[0]), name_key(tie[1])))


# --- sentences ------------------------------------------------------------------------------------
def _say(key: str, lang: str, **params: Any) -> str:
    sentence = say(f"workspace.compare.{key}", lang, **params)
    # a list ending in a name with a full stop ("… e. V.") takes no second one
    return sentence[:-1] if sentence.endswith("..") and not sentence.endswith("...") \
        else sentence


def _names(names: Iterable[str], lang: str) -> str:
    return join_list(list(names), lang, limit=NAMES_IN_SENTENCE)


def _ties_sentence(result: Comparison, lang: str) -> str:
    parts = []
    if result.new_ties:
        parts.append(_say("ties_new", lang, count=len(result.new_ties), ties=_names(
            [_say("tie", lang, a=a, b=b) for a, b in result.new_ties], lang)))
    if result.gone_ties:
        parts.append(_say("ties_gone", lang, count=len(result.gone_ties), ties=_names(
            [_say("tie", lang, a=a, b=b) for a, b in result.gone_ties], lang)))
    return " ".join(parts)
