"""The gazetteer: place names to coordinates, offline (see :mod:`network_app.geo`).

The data (``gazetteer.txt.gz`` beside this module, built by ``data/build_gazetteer.py`` from
GeoNames, CC BY 4.0) are read on the first look-up, once per process, in about 0.1 s.
"""

from __future__ import annotations

import bisect
import functools
import gzip
import math
from dataclasses import dataclass, field
from importlib import resources
from typing import Any

from .names import Reading, key, loose, readings

__all__ = ["DATA_FILE", "KIND_ORDER", "NEAR_KM", "Gazetteer", "Place", "gazetteer"]

DATA_FILE = "gazetteer.txt.gz"
#: A text longer than this is no place name (a note in the wrong column): not looked up.
MAX_CHARS = 100
#: Of places with the same name, one within this distance of the partners' home is taken
#: (the nearest) before a bigger one further away.
NEAR_KM = 50.0
#: A place abroad competes with a German place of the same name as if it were this many times
#: smaller: "Soest" is the town in Westfalen, not the one in Utrecht, "Salzburg" still the city
#: in Austria (not the village in the Westerwald).
ABROAD_FACTOR = 3.0
#: A place found only under another of its names (an alias, "Neustadt" for Neustadt an der
#: Weinstraße, "Lichtenau" for Hessisch Lichtenau) competes with places of exactly that name as
#: if it were this many times smaller.
ALIAS_FACTOR = 10.0
#: Other places of the same name are worth a note when they have at least this share of the
#: chosen one's weight (Münster in Hessen, 14,000, is no rival to Münster in Westfalen);
#: a place abroad is a German place's rival from half its weight (see :func:`_rival`).
RIVAL_SHARE = 0.25
#: Kinds of places in the order a bare name means them: a town (in Germany or abroad) before
#: an Ortsteil, before a Kreis, before a Land. "Kreis Soest" asks for the Kreis first.
KIND_ORDER = {"G": 0, "C": 0, "O": 1, "K": 2, "L": 3}
#: The kinds' words (German, as the catalogs' ``geo.kinds`` have them for both languages).
KINDS = ("G", "O", "K", "L", "C")


@dataclass(frozen=True)
class Place:
    """A place of the gazetteer.

    ``kind``: "G" a Gemeinde (municipality) in Germany, "O" an Ortsteil or smaller place in
    Germany, "K" a Kreis (district), "L" a Land, "C" a city abroad. ``country`` is the ISO
    3166 code ("DE", "AT"), ``kreis`` the Kreis' name ("Kreis Soest"; a kreisfreie Stadt's own
    name), ``land`` the Land's code ("NW"), both empty abroad; ``population`` 0 when unknown.
    """

    name: str
    kind: str
    lat: float
    lon: float
    country: str
    kreis: str
    land: str
    population: int

    @property
    def where(self) -> str:
        """Name and where it lies, to tell places of one name apart: "Soest (Kreis Soest,
        NW)", "Salzburg (AT)"."""
        if self.country != "DE":
            return f"{self.name} ({self.country})"
        inside = [p for p in (self.kreis if self.kreis != self.name else "", self.land) if p]
        return f"{self.name} ({', '.join(inside)})" if inside else self.name


@dataclass(frozen=True)
class Found:
    """What a written place name was read as.

    ``place`` the place taken; ``how``: "name" (the name as written, or with abbreviations,
    a qualifier or a word like "Stadt" dropped, or with umlauts spelled differently) or "part"
    (only its first words were found: "Lippstadt" of "Lippstadt-Cappel"); ``rivals`` other
    places of the same name big enough to be meant (see RIVAL_SHARE), biggest first.
    """

    text: str
    place: Place
    how: str = "name"
    rivals: tuple[Place, ...] = field(default=())

    @property
    def name(self) -> str:
        """The name to show for the place: the gazetteer's in Germany ("Köln" for "Cologne",
        "Lippstadt" for "Lippstadt-Cappel"), the text as written abroad (GeoNames names cities
        abroad in English: "Vienna" for "Wien").

        >>> Found("Wien", Place("Vienna", "C", 48.2, 16.4, "AT", "", "", 1)).name
        'Wien'
        """
        return self.place.name if self.place.country == "DE" else " ".join(self.text.split())


def _distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    h = (math.sin((p2 - p1) / 2) ** 2
         + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2)
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


class Gazetteer:
    """The places and the keys they are found under, as written by ``data/build_gazetteer.py``:
    the keys sorted, so a name is found by bisection; a place is read from its line when
    asked for. Reading the file makes four lists of strings and nothing per place or key."""

    def __init__(self, text: str) -> None:
        self._text = text
        self._sections = _sections(text)
        self._lines = self._section("places").splitlines()
        self._keys = self._section("keys").splitlines()

    def _section(self, name: str) -> str:
        """The lines of the section ``name`` ("@places"), as one text."""
        start, end = self._sections[name]
        return self._text[start:end]

    def __len__(self) -> int:
        return len(self._lines)

    @functools.lru_cache(maxsize=4096)  # noqa: B019 (one gazetteer per process)
    def place(self, number: int) -> Place:
        """The place on line ``number`` of the places."""
        name, kind, lat, lon, country, kreis, land, population = self._lines[number].split("\t")
        return Place(name, kind, float(lat), float(lon), country, kreis, land, int(population))

    def numbers(self, name_key: str) -> list[int]:
        """The places found under ``name_key`` (a :func:`~.names.key`)."""
        return _numbers(self._keys, name_key)

    def loose_numbers(self, name_key: str) -> list[int]:
        """The places whose key agrees with ``name_key`` once umlauts are folded
        (:func:`~.names.loose`): "koln" finds "koeln"."""
        folded = loose(name_key)
        return self.numbers(folded) + _numbers(self._loose, folded)

    @functools.cached_property
    def _loose(self) -> list[str]:
        return self._section("loose").splitlines()

    @functools.cached_property
    def _coordinates(self) -> Any:
        """Latitude and longitude of every place (numpy arrays), for :meth:`nearest`."""
        import numpy as np

        rows = [line.split("\t", 4)[2:4] for line in self._lines]
        table = np.array(rows, dtype=float)
        return table[:, 0], table[:, 1]

    def nearest(self, lat: float, lon: float, km: float = 25.0,
                kinds: str = "GOC") -> Place | None:
        """The place of one of ``kinds`` nearest to (lat, lon), if within ``km``: its Kreis,
        Land and country say where coordinates lie."""
        import numpy as np

        lats, lons = self._coordinates
        dx = (lons - lon) * math.cos(math.radians(lat))
        distances = np.hypot(lats - lat, dx) * 111.2
        for number in np.argsort(distances)[:50]:
            if distances[number] > km:
                break
            place = self.place(int(number))
            if place.kind in kinds:
                return place
        return None

    @functools.cached_property
    def land_words(self) -> dict[str, set[str]]:
        """The words of each Land's names by its code ("NW": nordrhein, westfalen, nrw, north,
        rhine, westphalia, nw), for qualifiers like "(Westf.)"."""
        lands = {str(i): self.place(i).land for i, line in enumerate(self._lines)
                 if "\tL\t" in line}
        words: dict[str, set[str]] = {}
        for line in self._keys:
            k, _, number = line.rpartition("\t")
            if number in lands:
                words.setdefault(lands[number], set()).update(k.split())
        return words

    @functools.cached_property
    def _unique_keys(self) -> list[str]:
        return list(dict.fromkeys(line.partition("\t")[0] for line in self._keys))

    def find(self, text: str, near: tuple[float, float] | None = None) -> Found | None:
        """The place ``text`` names, or None (see :mod:`network_app.geo` for the rules)."""
        if not text or not text.strip() or len(text) > MAX_CHARS:
            return None
        options = readings(text)
        for look in (self.numbers, self.loose_numbers):
            for reading in options:
                if found := look(reading.key):
                    return self._choose(text, reading, found, near)
        return None

    def _choose(self, text: str, reading: Reading, found: list[int],
                near: tuple[float, float] | None) -> Found:
        candidates = [self.place(i) for i in dict.fromkeys(found)]
        if reading.hints:
            hinted = [p for p in candidates if _hinted(p, reading.hints)]
            candidates = hinted or candidates

        def order(place: Place) -> int:
            if reading.district and place.kind == "K":
                return -1
            return KIND_ORDER[place.kind]

        best_order = min(order(p) for p in candidates)
        candidates = [p for p in candidates if order(p) == best_order]

        def exact(place: Place) -> bool:
            return key(place.name) == reading.key

        def weight(place: Place) -> float:
            return _weight(place) / (1.0 if exact(place) else ALIAS_FACTOR)

        chosen, close = None, []
        if near is not None:
            # places whose own name it is or begins ("Neustadt" of Neustadt am Rübenberge),
            # not one of their other names: "Verl" is not Werl nearby, though GeoNames gives
            # Werl that name too
            named = [p for p in candidates
                     if exact(p) or key(p.name).startswith(reading.key + " ")]
            close = [(d, p) for p in named
                     if (d := _distance_km(near[0], near[1], p.lat, p.lon)) <= NEAR_KM]
            if close:
                chosen = min(close, key=lambda dp: dp[0])[1]
        if chosen is None:
            chosen = max(candidates, key=weight)  # max keeps the first of equals
        rivals = sorted((p for p in candidates if p is not chosen and _rival(p, chosen)),
                        key=_weight, reverse=True)
        if close and weight(chosen) >= max(weight(p) for p in candidates):
            rivals = []  # the biggest of its name is the one at home
        return Found(text, chosen, reading.how, tuple(rivals))

    def suggest(self, text: str, cutoff: float = 75.0) -> Place | None:
        """The place whose name is most like ``text`` (rapidfuzz's ``ratio`` of the keys, at
        least ``cutoff``), the biggest of that name; None when nothing is like it."""
        from rapidfuzz import fuzz, process

        query = key(text)
        if not query or len(text) > MAX_CHARS:
            return None
        hit = process.extractOne(query, self._unique_keys, scorer=fuzz.ratio,
                                 score_cutoff=cutoff)
        if hit is None:
            return None
        return max((self.place(i) for i in self.numbers(hit[0])),
                   key=lambda p: (-KIND_ORDER[p.kind], _weight(p)))


def _sections(text: str) -> dict[str, tuple[int, int]]:
    r"""Where each section of the file's text lies: its name (the line "@places") → the start
    and end of its lines, found without splitting the whole text into parts (3.5 MB) first.

    >>> _sections("# note\n@a\nx\ny\n@b\nz")
    {'a': (10, 13), 'b': (17, 18)}
    """
    found = {}
    at = text.find("\n@")
    while at >= 0:
        name_end = text.index("\n", at + 2)
        following = text.find("\n@", name_end)
        found[text[at + 2:name_end]] = (name_end + 1, len(text) if following < 0 else following)
        at = following
    return found


def _numbers(lines: list[str], name_key: str) -> list[int]:
    """The numbers after ``name_key`` in sorted lines "key<tab>number" (a tab sorts before
    every character of a key, so one key's lines are together and first)."""
    found = []
    prefix = name_key + "\t"
    at = bisect.bisect_left(lines, prefix)
    while at < len(lines) and lines[at].startswith(prefix):
        found.append(int(lines[at][len(prefix):]))
        at += 1
    return found


def _weight(place: Place) -> float:
    """How big a place counts when places of one name compete (see ABROAD_FACTOR)."""
    return place.population / (ABROAD_FACTOR if place.country != "DE" else 1.0)


def _rival(other: Place, chosen: Place) -> bool:
    """Whether ``other`` could be meant instead of ``chosen`` (a place of the same name): at
    least RIVAL_SHARE of its size (weighed as in :func:`_weight`), or, a place abroad against
    a German one, at least half of it; and more than 10 km away."""
    share = 0.5 if other.country != "DE" and chosen.country == "DE" else RIVAL_SHARE
    return (_weight(other) >= share * _weight(chosen)
            and _distance_km(other.lat, other.lon, chosen.lat, chosen.lon) > 10)


def _hinted(place: Place, hints: tuple[str, ...]) -> bool:
    """Whether a qualifier ("westf", "saale", "oder", "nrw") fits the place: a word of its
    name, Kreis, Land or country starts with it."""
    words = set(key(place.name).split()) | set(key(place.kreis).split())
    words |= gazetteer().land_words.get(place.land, set()) | {place.country.casefold()}
    return any(all(any(w.startswith(h) for w in words) for h in hint.split())
               for hint in hints)


@functools.cache
def gazetteer() -> Gazetteer:
    """The shipped gazetteer, read once."""
    data = resources.files(__package__).joinpath(DATA_FILE).read_bytes()
    return Gazetteer(gzip.decompress(data).decode("utf-8"))
