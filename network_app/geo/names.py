"""Place names as keys: how a written place name and the gazetteer's names are compared.

:func:`key` is the one normalisation, used by ``data/build_gazetteer.py`` for the names it
writes and by :mod:`network_app.geo.directory` for what a workbook says: lower case, umlauts
spelled out (ä → ae, ß → ss), accents dropped, every run of other characters one space. So
"Münster", "MUENSTER" and "Münster " are one key, "Frankfurt a. M." differs from "Frankfurt am
Main" only until :func:`readings` expands the abbreviation.

>>> key("Münster"), key("Muenster"), key(" Köln"), key("Castrop-Rauxel"), key("Łódź")
('muenster', 'muenster', 'koeln', 'castrop rauxel', 'lodz')
>>> loose(key("Münster")) == loose(key("Munster"))
True
>>> [(r.key, r.how, r.hints, r.district) for r in readings("Soest (Westf.)")][:2]
[('soest westf', 'name', (), False), ('soest', 'name', ('westf',), False)]
>>> [r.key for r in readings("Frankfurt a. M.")][:2]
['frankfurt a m', 'frankfurt am main']
>>> [(r.key, r.district) for r in readings("Kreis Soest")]
[('kreis soest', True), ('soest', True)]
>>> [(r.key, r.how) for r in readings("Lippstadt-Cappel")]
[('lippstadt cappel', 'name'), ('lippstadt', 'part')]
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

__all__ = ["Reading", "key", "loose", "name_aliases", "readings"]

_SPELLED = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss", "ø": "o", "æ": "ae",
                          "œ": "oe", "ł": "l", "đ": "d", "ð": "d", "þ": "th", "ı": "i"})
_WORD = re.compile(r"[a-z0-9]+")


def key(text: str) -> str:
    """The comparable form of a place name (see the module)."""
    folded = unicodedata.normalize("NFKC", text).casefold().translate(_SPELLED)
    plain = "".join(c for c in unicodedata.normalize("NFKD", folded)
                    if not unicodedata.combining(c))
    return " ".join(_WORD.findall(plain))


def loose(name_key: str) -> str:
    """A key with spelled-out umlauts folded once more (ae → a): "muenster" and "munster"
    agree. Used only when a name is not found as written."""
    return name_key.replace("ae", "a").replace("oe", "o").replace("ue", "u")


#: Abbreviations in written place names, expanded before the key is made (on lower-case text).
_ABBREVIATIONS = (
    (re.compile(r"\ba\.\s*m\.?(?=[\s,/)]|$)"), "am main"),
    (re.compile(r"/\s*m\.?(?=[\s,)]|$)"), " am main"),
    (re.compile(r"\bi\.\s*br\.?(?=[\s,/)]|$)"), "im breisgau"),
    (re.compile(r"\bi\.\s*d\.\s*opf\.?"), "in der oberpfalz"),
    (re.compile(r"\ba\.\s*d\.\s*"), "an der "),
    (re.compile(r"\bi\.\s*d\.\s*"), "in der "),
    (re.compile(r"\bst\.\s*"), "sankt "),
    (re.compile(r"\bb\.\s*"), "bei "),
    (re.compile(r"\bi\.\s*"), "im "),
)
#: Words before a name that say what kind of place it is, not which ("Stadt Soest").
_TOWN_PREFIXES = ("freie und hansestadt", "kreisfreie stadt", "grosse kreisstadt",
                  "landeshauptstadt", "universitaetsstadt", "hochschulstadt", "hansestadt",
                  "lutherstadt", "kreisstadt", "stadtgemeinde", "stadt", "gemeinde", "markt",
                  "flecken", "ortsgemeinde", "samtgemeinde", "verbandsgemeinde", "ortsteil",
                  "city of", "city")
_DISTRICT_PREFIXES = ("landkreis", "stadtkreis", "kreis", "lk", "lkr")
#: Words after a name that say what kind of place it is ("Soest Stadt", "Soest, Kreis").
_TOWN_SUFFIXES = ("stadt", "city", "gemeinde")
_DISTRICT_SUFFIXES = ("kreis", "landkreis")
#: Joining words of German place names: "Frankfurt am Main", "Neustadt an der Weinstraße".
_JOINING_WORDS = frozenset({"am", "an", "der", "auf", "bei", "im", "in", "ob", "unter", "vor",
                            "zu", "sankt", "st", "bad"})
_JOINERS = re.compile(r" (am|an der|an|auf der|auf|bei|im|in der|in|ob der|ob|unter|vor der|"
                      r"vor|zu) .+$")


#: Only the first words of a longer text are tried as a place name on their own (place names
#: have at most a handful: "Neustadt an der Aisch-Bad Windsheim").
MAX_WORDS = 6


@dataclass(frozen=True)
class Reading:
    """One way to read a written place name: the ``key`` to look for, ``how`` it came from the
    text ("name": the name with abbreviations, qualifiers or a prefix like "Stadt" dropped;
    "part": only its first words, as "Lippstadt" of "Lippstadt-Cappel"), the qualifiers that
    tell places of that name apart ("Westf." of "Soest (Westf.)") and whether the text said
    it means a district ("Kreis Soest")."""

    key: str
    how: str = "name"
    hints: tuple[str, ...] = ()
    district: bool = False


def _expanded(text: str) -> str:
    lowered = unicodedata.normalize("NFKC", text).casefold()
    for pattern, replacement in _ABBREVIATIONS:
        lowered = pattern.sub(replacement, lowered)
    return lowered


def _qualified(text: str) -> tuple[str, tuple[str, ...]]:
    """The name without what qualifies it, and the qualifiers' keys: "Soest (Westf.)",
    "Soest/Westfalen" and "Soest, Westfalen" are "Soest" with "westf…"."""
    hints = [key(h) for h in re.findall(r"\(([^)]*)\)?", text)]
    base = re.sub(r"\([^)]*\)?", " ", text)
    base, *rest = re.split(r"[/,;]", base)
    hints += [key(r) for r in rest]
    return base, tuple(h for h in hints if h)


def _strip(words: str, prefixes: tuple[str, ...], suffixes: tuple[str, ...]) -> str | None:
    for prefix in prefixes:
        if words.startswith(prefix + " ") and len(words) > len(prefix) + 1:
            return words[len(prefix) + 1:]
    for suffix in suffixes:
        if words.endswith(" " + suffix) and len(words) > len(suffix) + 1:
            return words[:-len(suffix) - 1]
    return None


def readings(text: str) -> list[Reading]:
    """The ways to read ``text`` as a place name, the most literal first (see
    :class:`Reading`); the gazetteer takes the first that names a place."""
    found: list[Reading] = []

    def add(reading: Reading) -> None:
        if reading.key and all(r.key != reading.key or r.how != reading.how for r in found):
            found.append(reading)

    expanded = _expanded(text)
    base, hints = _qualified(expanded)
    base_key = key(base)
    district = any(h in _DISTRICT_PREFIXES for h in hints)
    hints = tuple(h for h in hints if h not in _DISTRICT_PREFIXES)
    name = base_key
    if (stripped := _strip(base_key, _DISTRICT_PREFIXES, _DISTRICT_SUFFIXES)) is not None:
        district, name = True, stripped
    elif (stripped := _strip(base_key, _TOWN_PREFIXES, _TOWN_SUFFIXES)) is not None:
        name = stripped
    add(Reading(key(text), district=district))
    add(Reading(key(expanded), district=district))
    add(Reading(base_key, hints=hints, district=district))
    add(Reading(name, hints=hints, district=district))
    words = name.split()
    for end in range(min(len(words) - 1, MAX_WORDS), 0, -1):
        if words[end - 1] in _JOINING_WORDS or " ".join(words[:end]) in _TOWN_PREFIXES:
            continue
        add(Reading(" ".join(words[:end]), "part", (*hints, " ".join(words[end:])),
                    district))
    return found


def name_aliases(name: str) -> list[str]:
    """The keys a gazetteer name is found under besides its own: without its qualifier
    ("Halle (Saale)" → "halle"), without a word like "Lutherstadt" before it, without what
    follows a joining word ("Frankfurt am Main" → "frankfurt", "frankfurt main"), and "Sankt"
    as "St".

    >>> name_aliases("Frankfurt am Main")
    ['frankfurt am main', 'frankfurt main', 'frankfurt']
    >>> name_aliases("Halle (Saale)"), name_aliases("Sankt Augustin")
    (['halle saale', 'halle'], ['sankt augustin', 'st augustin'])
    """
    keys = [key(name), key(_expanded(name))]
    base, _ = _qualified(_expanded(name))
    base_key = key(base)
    keys.append(base_key)
    if (stripped := _strip(base_key, _TOWN_PREFIXES, ())) is not None:
        base_key = stripped  # "Lutherstadt Wittenberg" is found as "Wittenberg"
        keys.append(base_key)
    joined = _JOINERS.search(" " + base_key)  # positions in base_key are one less
    if joined and joined.start() > 0:
        keys.append(base_key[:joined.start() - 1] + base_key[joined.end(1) - 1:])
        keys.append(base_key[:joined.start() - 1])
    keys += ["st " + k[6:] for k in keys if k.startswith("sankt ")]
    return list(dict.fromkeys(k for k in keys if k))
