"""German words that must not appear in English output (outside data values).

The list holds short, frequent German words and the product's own German terms; a data value
(a partner's name such as "Universität Speyer") is removed by the caller before checking.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable

TELL_TALE_GERMAN = frozenset({
    "ein", "eine", "einen", "der", "die", "das", "und", "oder", "nicht", "kein", "keine", "ist",
    "sind", "mit", "von", "für", "auf", "bei", "zu", "zum", "zur", "wird", "werden", "bitte",
    "Datei", "Zeile", "Blatt", "Spalte", "ja", "nein", "Fehler", "Hinweis", "Hinweise",
    "Verbindung", "Verbindungen", "Partnern", "Aktivität", "Aktivitäten", "Kategorie",
    "Beziehungen", "Gruppe", "Gruppen", "weitere", "ohne", "Arbeitsmappe", "Vorlage",
    "Netzwerk", "Datenstand", "Quelle", "Dichte", "DATEI", "BEFEHL", "Brückenfunktion",
    "Nähe", "Bedeutung", "Einfluss", "Kern", "Knoten", "Kanten", "Programme", "Seit", "Bis",
})

# Lower-case function words also count at the start of a sentence ("Die", "Keine"); "die" is
# left out, since it is an English word too.
_LOWER_CASE = frozenset(w for w in TELL_TALE_GERMAN if w.islower()) - {"die"}

_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
_DECIMAL_COMMA = re.compile(r"(?<![\d,])\d+,\d+(?![\d,])")


@functools.lru_cache(maxsize=64)
def _whole_values(values: tuple[str, ...]) -> re.Pattern[str]:
    """One pattern for all ``values`` (longest first), each only where it stands whole."""
    return re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, values)) + r")(?!\w)")


def german_words(text: str, data_values: Iterable[str] = ()) -> list[str]:
    """Tell-tale German words in ``text`` once the ``data_values`` (names, categories …) are
    taken out. A value is taken out where it stands as a whole, not inside a word: a column
    "X" leaves "exist" alone (taken out, it would leave the German "ist")."""
    values = tuple(sorted({str(v) for v in data_values if v}, key=lambda v: (-len(v), v)))
    if values:
        text = _whole_values(values).sub(" ", text)
    return sorted({word for word in _WORD.findall(text)
                   if word in TELL_TALE_GERMAN or word.lower() in _LOWER_CASE})


def decimal_commas(text: str, data_values: Iterable[str] = ()) -> list[str]:
    """Numbers written with a decimal comma ("0,027"), which English output must not have.

    "1,284" (a thousands separator) is also matched; English output should group with a comma
    only numbers of four or more digits, so callers look at what this returns.
    """
    for value in sorted({str(v) for v in data_values if v}, key=len, reverse=True):
        text = text.replace(value, " ")
    return [match for match in _DECIMAL_COMMA.findall(text)
            if len(match.split(",")[1]) != 3]
