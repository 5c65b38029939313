"""Benchmark: likely duplicate names, the difflib way against the rapidfuzz way, as ratios.

A script, not a test (timings depend on the machine). It makes N partner names the way a city's
list looks (a kind of organisation, a family or field name, a place, now and then a legal form
or a number; fixed seed) and plants likely duplicates of 3 % of them: a typo, a legal form
added or dropped, the words in another order, the umlauts spelt out. Then it times, median of
``--repeat`` runs in this process (``time.perf_counter``):

* **difflib**: the validator's earlier search (until November 2026): the same cores, typos
  looked for with ``difflib.SequenceMatcher`` only among names sharing their first or last four
  letters, and in a block of more than 60 only between the 8 next in sorted order;
* **rapidfuzz**: :func:`network_app.workbook.similarity.similar_pairs`: ``process.cdist``
  over all cores sharing their first or last three letters whose lengths allow 90 %; numbers,
  places known to the data and whole other words tell different organisations apart.

It also reports how many of the planted duplicates each way finds (a planted pair counts when
flagged pairs link its two names), and how many flagged pairs link names that were not planted
as one: for the difflib way mostly names that differ in a number or a place ("Grundschule
Soest 2" / "Grundschule Soest 3", "Kunstverein Arnsberg" / "Kunstverein Marsberg").

Run::

    .venv/bin/python benchmarks/duplicates.py --sizes 1000,5000,20000 [--repeat 3] [--json OUT]
"""

from __future__ import annotations

import argparse
import difflib
import json
import os
import platform
import random
import re
import statistics
import sys
import time
from collections import defaultdict
from collections.abc import Callable
from datetime import date
from importlib import metadata
from pathlib import Path
from typing import Any

from network_app.workbook import schema
from network_app.workbook.similarity import core_name, similar_pairs

SEED = 20261129
PACKAGES = ("rapidfuzz", "numpy", "network-app")
PLANTED_SHARE = 0.03

KINDS = ("Stadtwerke", "Volkshochschule", "Bürgerverein", "Förderverein", "Kita", "Grundschule",
         "Gesamtschule", "Sportverein", "Musikschule", "Stadtbibliothek", "Jugendzentrum",
         "Fablab", "Makerspace", "Hochschule", "Heimatverein", "Tafel", "Caritasverband",
         "Diakonie", "Feuerwehr", "Seniorenbüro", "Quartiersbüro", "Kunstverein", "Museum",
         "Wirtschaftsförderung", "Stadtmarketing", "Kreishandwerkerschaft", "Agentur",
         "Genossenschaft", "Werkstatt", "Beratungsstelle", "Netzwerk", "Initiative")
FIELDS = ("Digitales", "Bildung", "Kultur", "Nachhaltigkeit", "Mobilität", "Energie",
          "Gesundheit", "Jugend", "Senioren", "Integration", "Handwerk", "Medien", "Umwelt",
          "Sport", "Musik", "Technik", "Innovation", "Ehrenamt", "Wohnen", "Klima")
FAMILY = ("Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner", "Becker",
          "Schulz", "Hoffmann", "Schäfer", "Koch", "Bauer", "Richter", "Klein", "Wolf",
          "Schröder", "Neumann", "Schwarz", "Zimmermann", "Braun", "Krüger", "Hofmann",
          "Hartmann", "Lange", "Schmitt", "Werner", "Krause", "Meier", "Lehmann")
PLACES = ("Soest", "Hamm", "Lippstadt", "Werl", "Werne", "Unna", "Arnsberg", "Meschede",
          "Brilon", "Warstein", "Rüthen", "Erwitte", "Geseke", "Anröchte", "Bad Sassendorf",
          "Möhnesee", "Ense", "Welver", "Lippetal", "Wickede", "Dortmund", "Bochum", "Münster",
          "Paderborn", "Bielefeld", "Hagen", "Iserlohn", "Menden", "Schwerte", "Kamen",
          "Bergkamen", "Ahlen", "Beckum", "Oelde", "Gütersloh", "Delbrück", "Salzkotten",
          "Büren", "Marsberg", "Sundern")
FORMS = ("GmbH", "e.V.", "gGmbH", "eG", "AG")
ROMAN = ("I", "II", "III", "IV", "V")


# --- names ---------------------------------------------------------------------------------------

def _name(rng: random.Random) -> tuple[str, str]:
    """One organisation: its name and its place (the Ort column)."""
    place = rng.choice(PLACES)
    kind = rng.choice(KINDS)
    middle = rng.choice((rng.choice(FIELDS), rng.choice(FAMILY), ""))
    words = [kind, middle, place] if rng.random() < 0.7 else [middle, kind, place]
    if rng.random() < 0.15:
        words.append(str(rng.randint(1, 12)) if rng.random() < 0.7 else rng.choice(ROMAN))
    if rng.random() < 0.2:
        words.append(rng.choice(FORMS))
    return " ".join(w for w in words if w), place


def _typo(name: str, rng: random.Random) -> str:
    """One letter dropped, doubled or two swapped, somewhere in a word of 6 letters or more."""
    words = name.split()
    long_words = [i for i, w in enumerate(words) if len(w) >= 6 and w.isalpha()]
    if not long_words:
        return name + " e.V."
    i = rng.choice(long_words)
    word = words[i]
    at = rng.randrange(1, len(word) - 1)
    words[i] = rng.choice((word[:at] + word[at + 1:], word[:at] + word[at] + word[at:],
                           word[:at] + word[at + 1] + word[at] + word[at + 2:]))
    return " ".join(words)


def _variant(name: str, rng: random.Random) -> str:
    """What the same organisation looks like when someone else typed it."""
    how = rng.randrange(4)
    if how == 0:
        return _typo(name, rng)
    if how == 1:
        form = next((f for f in FORMS if name.endswith(" " + f)), None)
        return name[: -len(form) - 1] if form else f"{name} {rng.choice(FORMS)}"
    if how == 2:
        words = name.split()
        return " ".join(words[-1:] + words[:-1])
    spelt = name.translate(str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae",
                                          "Ö": "Oe", "Ü": "Ue", "ß": "ss"}))
    return spelt if spelt != name else _typo(name, rng)


def partner_names(n: int, seed: int = SEED) -> tuple[list[str], list[str], set[tuple[int, int]]]:
    """``n`` distinct names, their places and the planted pairs ``(original, variant)``.

    Apart from the planted variants, no two names have the same words after legal forms and
    common words are set aside: such a pair ("Tafel Soest" / "Tafel Soest e.V.") would be a
    duplicate by chance that neither way should be blamed for finding.
    """
    rng = random.Random(seed + n)
    names: list[str] = []
    places: list[str] = []
    seen: set[str] = set()  # names as compared for duplicate_name
    cores: set[str] = set()  # the words that tell organisations apart, in any order
    planted: set[tuple[int, int]] = set()
    while len(names) < n:
        if names and rng.random() < PLANTED_SHARE:
            original = rng.randrange(len(names))
            name, place = _variant(names[original], rng), places[original]
        else:
            original = -1
            name, place = _name(rng)
        key = schema.normalize_name(name)
        core = " ".join(sorted(core_name(name).split()))
        if key in seen or (original < 0 and core in cores):
            continue  # an exact repeat is duplicate_name, not this benchmark's business
        seen.add(key)
        cores.add(core)
        if original >= 0:
            planted.add((original, len(names)))
        names.append(name)
        places.append(place)
    return names, places, planted


# --- the difflib way (the validator's search until November 2026) ------------------------------

_NOISE_WORDS = frozenset(
    "gmbh ggmbh mbh ev e v ag kg gbr ug eg kgaa se co stiftung stadt gemeinde universität "
    "universitaet uni university der die das des und für fuer the of and in im am zu "
    "beispiel".split()
)
_WORD = re.compile(r"[0-9a-zäöüß]+")
_DIGITS = re.compile(r"\d+")
_FULL_BLOCK = 60
_NEIGHBOURS = 8
_SIMILAR = 0.9


def _core_name(name: str) -> str:
    words = [w for w in _WORD.findall(schema.normalize_name(name)) if w not in _NOISE_WORDS]
    return " ".join(words)


def _typo_apart(a: str, b: str) -> bool:
    if a == b or _DIGITS.findall(a) != _DIGITS.findall(b):
        return False
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    return (matcher.real_quick_ratio() >= _SIMILAR and matcher.quick_ratio() >= _SIMILAR
            and matcher.ratio() >= _SIMILAR)


def difflib_pairs(names: list[str]) -> set[tuple[int, int]]:
    """The earlier ``_likely_duplicates``, returning the pairs instead of warning."""
    cores = [_core_name(name) for name in names]
    pairs: set[tuple[int, int]] = set()
    same_core: dict[str, list[int]] = defaultdict(list)
    blocks: dict[str, list[int]] = defaultdict(list)
    for i, core in enumerate(cores):
        if core:
            same_core[" ".join(sorted(core.split()))].append(i)
        if len(core) >= 6:
            blocks["<" + core[:4]].append(i)
            blocks[">" + core[-4:]].append(i)
    for members in same_core.values():
        pairs.update((members[0], other) for other in members[1:])
    for members in blocks.values():
        members.sort(key=cores.__getitem__)
        for position, a in enumerate(members):
            window = members[position + 1:] if len(members) <= _FULL_BLOCK else \
                members[position + 1:position + 1 + _NEIGHBOURS]
            for b in window:
                if _typo_apart(cores[a], cores[b]):
                    pairs.add((min(a, b), max(a, b)))
    return pairs


# --- measuring ---------------------------------------------------------------------------------

def _median_seconds(run: Callable[[], object], repeat: int) -> tuple[float, float]:
    """Median wall-clock and CPU seconds (all threads of this process) of ``repeat`` runs.

    On a machine shared with other work the wall clock waits for the CPU; the CPU time does
    not, so its ratio is the steadier one.
    """
    walls, cpus = [], []
    for _ in range(repeat):
        wall, cpu = time.perf_counter(), time.process_time()
        run()
        walls.append(time.perf_counter() - wall)
        cpus.append(time.process_time() - cpu)
    return statistics.median(walls), statistics.median(cpus)


def _found(pairs: set[tuple[int, int]], planted: set[tuple[int, int]]) -> int:
    """Planted pairs whose names end up in one group of flagged names.

    Both ways flag a name once with the first of its group (a variant of a variant is flagged
    with the first), so a planted pair counts as found when flagged pairs link its names.
    """
    group: dict[int, int] = {}

    def root(i: int) -> int:
        while group.get(i, i) != i:
            i = group[i]
        return i

    for a, b in pairs:
        group[root(a)] = root(b)
    return sum(root(a) == root(b) for a, b in planted)


def _linked(pairs: set[tuple[int, int]], planted: set[tuple[int, int]]) -> int:
    """Flagged pairs whose names are not linked by planted pairs: flagged in error."""
    return len(pairs) - _found(planted, pairs)


def measure(n: int, repeat: int) -> dict[str, Any]:
    names, places, planted = partner_names(n)
    old = difflib_pairs(names)
    new = set(similar_pairs(names, places))
    difflib_s, difflib_cpu = _median_seconds(lambda: difflib_pairs(names), repeat)
    rapidfuzz_s, rapidfuzz_cpu = _median_seconds(lambda: similar_pairs(names, places), repeat)
    return {
        "n": n,
        "planted": len(planted),
        "difflib_s": difflib_s,
        "rapidfuzz_s": rapidfuzz_s,
        "difflib_cpu_s": difflib_cpu,
        "rapidfuzz_cpu_s": rapidfuzz_cpu,
        "difflib_found": _found(old, planted),
        "rapidfuzz_found": _found(new, planted),
        "difflib_other": _linked(old, planted),
        "rapidfuzz_other": _linked(new, planted),
    }


def _versions() -> str:
    found = []
    for package in PACKAGES:
        try:
            found.append(f"{package} {metadata.version(package)}")
        except metadata.PackageNotFoundError:
            found.append(f"{package} –")
    return ", ".join(found)


def table(results: list[dict[str, Any]], repeat: int) -> str:
    lines = ["| N | difflib s | rapidfuzz s | ratio | difflib CPU s | rapidfuzz CPU s | CPU ratio "
             "| planted | found difflib | found rapidfuzz | other pairs difflib "
             "| other pairs rapidfuzz |",
             "|" + " ---: |" * 12]
    for r in results:
        lines.append(
            f"| {r['n']:,} | {r['difflib_s']:.3f} | {r['rapidfuzz_s']:.3f} | "
            f"{r['difflib_s'] / r['rapidfuzz_s']:.1f}× | {r['difflib_cpu_s']:.3f} | "
            f"{r['rapidfuzz_cpu_s']:.3f} | {r['difflib_cpu_s'] / r['rapidfuzz_cpu_s']:.1f}× | "
            f"{r['planted']} | {r['difflib_found']} | {r['rapidfuzz_found']} | "
            f"{r['difflib_other']} | {r['rapidfuzz_other']} |"
        )
    lines += ["", f"Median of {repeat} runs each; {date.today().isoformat()}; "
              f"{platform.platform()}, {os.cpu_count()} CPUs, Python {platform.python_version()}.",
              f"Packages: {_versions()}."]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="1000,5000,20000",
                        help="comma-separated numbers of names (default: 1000,5000,20000)")
    parser.add_argument("--repeat", type=int, default=3, help="runs per way; the median counts")
    parser.add_argument("--json", type=Path, help="also write the numbers as JSON")
    args = parser.parse_args(argv)
    results = []
    for n in (int(size) for size in args.sizes.split(",")):
        results.append(measure(n, args.repeat))
        print(f"N={n:,}: done", file=sys.stderr)
    print(table(results, args.repeat))
    if args.json:
        args.json.write_text(json.dumps(results, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
