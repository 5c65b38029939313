"""Names that look alike: likely duplicate partners, and "did you mean …?" for a misspelt value.

Both use rapidfuzz's ``fuzz.ratio``, the Indel similarity in percent: 100 for equal strings,
``100 * (1 - d / (len(a) + len(b)))`` for ``d`` characters inserted or deleted, computed in C
and, with ``process.cdist``, for a whole block of names at once. difflib's
``SequenceMatcher.ratio()`` is the same formula with a greedy count of the common letters, so
it is never higher and mostly equal.

*Likely duplicates* (:func:`similar_pairs`) compare the **core** of each name
(:func:`core_name`): lower case, umlauts spelt out ("Öcher" is "Oecher"), legal forms and
common words left out ("GmbH", "e. V.", "Stadt", "Universität", "für"). Two names are flagged

* when their cores hold the same words, in any order ("VHS Soest e.V." / "VHS Soest",
  "Müller & Söhne GmbH" / "Müller und Söhne", "KGSt" / "KGST"), or
* when their cores are at least 90 % alike ("Fraunhofer" / "Frauenhofer"), and nothing in the
  words they differ in says that they are different organisations:

  - **numbers**: the digits and Roman numerals of both names must be the same
    ("Schule 1" / "Schule 2", "Aegon V" / "Aegon VI", "Soest I" / "Soest II" are two each);
  - **places**: when each name has a word the other lacks and both words are places the
    workbook knows (the partners' Ort values), they name two places ("Kunstverein Arnsberg" /
    "Kunstverein Marsberg", "VHS Soest" / "VHS Hamm"). A misspelt place ("Kunstverein
    Arnsbreg") is no place the workbook knows, so it is still flagged;
  - **other words**: when each name has words the other lacks, those words must be a typo of
    each other, at most one slip (a letter left out, added, changed, or two swapped) per four
    letters: "Fraunhofer" / "Frauenhofer" and "Fab Lab" / "Fablab" are, but "Förderverein
    Fischer Soest" / "Förderverein Schwarz Soest" and "Volkshochschule Hamm" / "Hochschule
    Hamm" are two organisations, though 90 % alike as a whole. A name that only adds words
    ("Kunstverein Kreis Soest" / "Kunstverein Soest") is still flagged.

Cores shorter than 6 letters are only compared for equal words: in a short name a single
letter already makes 10 % of it.

Comparing every pair is quadratic, so the work is cut: cores are compared only with those
that have the same numbers and share their first or their last three letters (a typo rarely
hits both ends), and only when their lengths allow 90 % (the Indel distance is at least the
difference in length, so the longer core may be at most 11/9 as long as the shorter). The
search before rapidfuzz cut harder: four letters, and in a block of more than 60 only the 8
names next in sorted order. 20,000 names take 0.4 s of CPU time, that search 2.8 s, and it
found fewer of the planted duplicates (``benchmarks/duplicates.py``).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence

import numpy as np
from rapidfuzz import fuzz, process
from rapidfuzz.distance import OSA

from . import schema

__all__ = ["SIMILAR", "closest", "core_name", "number_words", "similar_pairs"]

#: The least ``fuzz.ratio`` (percent) of two cores that count as a likely typo.
SIMILAR = 90
#: Shorter cores are compared for equal words only.
MIN_TYPO_CHARS = 6
#: Typos are looked for among cores that share their first or their last this many letters.
_END_LETTERS = 3
#: Cores compared in one ``cdist`` call: 1,024 × 20,000 scores are 20 MB of bytes.
_CHUNK = 1024
#: Scores worth more than one thread (starting threads costs more for small blocks).
_ONE_THREAD = 1_000_000

#: Words that say nothing about which organisation it is, set aside for likely duplicates
#: (umlauts spelt out, as :func:`core_name` compares them).
_NOISE_WORDS = frozenset(
    "gmbh ggmbh mbh ev e ag kg gbr ug eg kgaa se co stiftung stadt gemeinde universitaet "
    "uni university der die das des und fuer the of and in im am zu beispiel".split()
)
_WORD = re.compile(r"[0-9a-z]+")
#: "e. V.", "e.V.", "e V": one legal form, so that its V is not taken for a Roman five.
_EV = re.compile(r"\be\s*\.?\s*v\b")
#: The same within one line: a normalised name has single spaces, and no match may join two
#: names (:func:`_core_names`).
_EV_IN_LINE = re.compile(r"\be *\.? *v\b")
#: Runs of digits, and whole words of the letters Roman numerals are written with here.
_NUMBER_LIKE = re.compile(r"\d+|\b[ivx]+\b")
#: I to XXXIX: how organisations number themselves ("Gesamtschule II"). L, C, D and M are left
#: out: as a single letter they are more often an abbreviation than a number.
_ROMAN = re.compile(r"(?=[ivx])x{0,3}(?:ix|iv|v?i{0,3})")
_SPELT_OUT = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"})


def core_name(name: str) -> str:
    """The words that tell one organisation from another: lower case, umlauts spelt out.

    >>> core_name("Müller & Söhne GmbH")
    'mueller soehne'
    >>> core_name("Universität für Verwaltungswissenschaften Speyer")
    'verwaltungswissenschaften speyer'
    >>> core_name("Stadt Soest")
    'soest'
    >>> core_name("Förderverein Aegon V e. V."), core_name("Aegon V e.V.")
    ('foerderverein aegon v', 'aegon v')
    """
    words = _WORD.findall(_EV.sub("ev", schema.normalize_name(name).translate(_SPELT_OUT)))
    return " ".join(word for word in words if word not in _NOISE_WORDS)


def _core_names(names: Sequence[str]) -> list[str]:
    """:func:`core_name` of each name, the spelling out and the legal form "e. V." done for all
    names in one go (a line break is no letter of a name after :func:`schema.normalize_name`
    and none of the patterns crosses it)."""
    keys = [schema.normalize_name(name) for name in names]
    text = "\n".join(keys)
    if len(keys) < 2 or text.count("\n") != len(keys) - 1:
        return [core_name(name) for name in names]
    lines = _EV_IN_LINE.sub("ev", text.translate(_SPELT_OUT)).split("\n")
    if len(lines) != len(keys):
        return [core_name(name) for name in names]
    noise, findall = _NOISE_WORDS, _WORD.findall
    return [" ".join(word for word in findall(line) if word not in noise) for line in lines]


def number_words(core: str) -> tuple[str, ...]:
    """The numbers of a core, digits and Roman numerals, in their order.

    >>> number_words("gesamtschule ii")
    ('ii',)
    >>> number_words("schule 12 haus2")
    ('12', '2')
    >>> number_words("xr hub vision xxxx")
    ()
    """
    return tuple(word for word in _NUMBER_LIKE.findall(core)
                 if word[0].isdigit() or _ROMAN.fullmatch(word))


def similar_pairs(names: Sequence[str], places: Iterable[str | None] = ()) -> list[
        tuple[int, int]]:
    """Pairs ``(i, j)`` of positions in ``names``, ``i < j``, that may name one organisation.

    ``places`` are the place names the data knows (the partners' Ort values); see the module's
    docstring for the rules. The pairs are sorted by ``j``, then ``i``: in the order of the
    second name, which is the one to look at.

    >>> similar_pairs(["Fraunhofer", "Frauenhofer", "Schule 1", "Schule 2", "Aegon V",
    ...                "Aegon VI", "VHS Soest e.V.", "Soest VHS"])
    [(0, 1), (6, 7)]
    >>> similar_pairs(["Förderverein Fischer Soest", "Förderverein Schwarz Soest",
    ...                "Fab Lab Soest", "Fablab Soest"])
    [(2, 3)]
    >>> names = ["Kunstverein Arnsberg", "Kunstverein Marsberg", "Kunstverein Arnsbreg"]
    >>> similar_pairs(names)
    [(0, 1), (0, 2)]
    >>> similar_pairs(names, places=["Arnsberg", "Marsberg", None])
    [(0, 2)]
    """
    cores = _core_names(names)
    pairs: set[tuple[int, int]] = set()
    same_words: dict[str, list[int]] = defaultdict(list)
    for i, core in enumerate(cores):
        if core:
            same_words[" ".join(sorted(core.split()))].append(i)
    for members in same_words.values():
        if len(members) > 1:
            pairs.update((members[0], other) for other in members[1:])
    place_words = {word for place in set(places) if place for word in core_name(place).split()}
    rows_of: dict[str, list[int]] = defaultdict(list)  # a core → the names that have it
    for i, core in enumerate(cores):
        if len(core) >= MIN_TYPO_CHARS:
            rows_of[core].append(i)
    by_numbers: dict[tuple[str, ...], list[str]] = defaultdict(list)
    for core in rows_of:
        by_numbers[number_words(core)].append(core)
    for group in by_numbers.values():
        if len(group) < 2:  # (a name numbered as no other has nothing to be close to)
            continue
        for a, b in _close_pairs(group):
            if _told_apart(a, b, place_words):
                continue
            pairs.update((min(i, j), max(i, j)) for i in rows_of[a] for j in rows_of[b])
    return sorted(pairs, key=lambda pair: (pair[1], pair[0]))


def _close_pairs(cores: list[str]) -> set[tuple[str, str]]:
    """Pairs of different ``cores`` whose ``fuzz.ratio`` is at least :data:`SIMILAR`, among
    those that share their first or their last :data:`_END_LETTERS` letters."""
    blocks: dict[str, list[str]] = defaultdict(list)
    for core in cores:
        blocks["<" + core[:_END_LETTERS]].append(core)
        blocks[">" + core[-_END_LETTERS:]].append(core)
    found: set[tuple[str, str]] = set()
    for block in blocks.values():
        if len(block) > 1:
            found.update(_close_in_block(block))
    return found


def _close_in_block(cores: list[str]) -> Iterator[tuple[str, str]]:
    """Each pair of ``cores`` with a ``fuzz.ratio`` of at least :data:`SIMILAR`, shorter first."""
    ordered = sorted(cores, key=lambda core: (len(core), core))
    lengths = [len(core) for core in ordered]
    for start in range(0, len(ordered) - 1, _CHUNK):
        stop = min(start + _CHUNK, len(ordered))
        # Only the longer cores within reach of SIMILAR: the Indel distance of two strings is
        # at least the difference of their lengths.
        reach = bisect_right(lengths, lengths[stop - 1] * (200 - SIMILAR) // SIMILAR)
        workers = -1 if (stop - start) * (reach - start) > _ONE_THREAD else 1
        scores = process.cdist(ordered[start:stop], ordered[start:reach], scorer=fuzz.ratio,
                               score_cutoff=SIMILAR, dtype=np.uint8, workers=workers)
        rows, columns = np.nonzero(scores)
        for row, column in zip(rows.tolist(), columns.tolist(), strict=True):
            if column > row:  # each pair once, and no core with itself
                yield ordered[start + row], ordered[start + column]


def _told_apart(a: str, b: str, place_words: set[str]) -> bool:
    """Whether the words two alike cores differ in say that they are two organisations."""
    words_a, words_b = a.split(), b.split()
    only_a = [word for word in words_a if word not in words_b]
    only_b = [word for word in words_b if word not in words_a]
    if not only_a or not only_b:
        return False  # one only adds words to the other
    if set(only_a) & place_words and set(only_b) & place_words:
        return True
    left, right = " ".join(only_a), " ".join(only_b)
    # OSA: the Levenshtein distance that counts two swapped letters as one slip.
    return OSA.distance(left, right) > max(1, max(len(left), len(right)) // 4)


def closest(text: str, choices: Sequence[str], cutoff: float) -> str | None:
    """The choice most like ``text`` with a ``fuzz.ratio`` of at least ``cutoff``, or None.

    Of equally close choices the first wins.

    >>> closest("koperation", ["austausch", "kooperation", "forschung"], 60)
    'kooperation'
    >>> closest("sponsor", ["austausch", "kooperation", "forschung"], 60) is None
    True
    """
    found = process.extractOne(text, choices, scorer=fuzz.ratio, score_cutoff=cutoff)
    return None if found is None else found[0]
