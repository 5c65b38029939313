"""Hostile text for every field a workbook has: the corpus of "no script anywhere" (#13).

Each payload would, if some surface interpreted it, do something a test can see: run script
(``alert(…)`` opens a dialog, ``top.__pwned`` is set), fetch the leak address (a request to
``http://127.0.0.1:<leak port>/leak…``: the test's server there counts every request), make
markup (an ``<img src=x>``, a link or a coloured span), start a formula in a spreadsheet, turn
text around (U+202E) or hide characters (zero width). None of them contains ``;``, ``|`` or a
line break, which split a list of names (Beteiligte), so every payload is one whole name.

:func:`write_payload_workbook` writes them into a workbook (openpyxl) in the layout of the
template ("network-app template"): partner names, categories, types, places, notes, websites,
relation kinds and notes, activity and programme names, and the settings' title, source and
own organisation; eight partners get coordinates (:data:`PLACED`) so the map shows them.
"""

from __future__ import annotations

import re
from pathlib import Path

import openpyxl

#: Where a payload that fetches something points (the port is the test's; nothing listens).
LEAK_PATH = "/leak"

#: The own organisation (the hub in the middle of the network).
HUB = "<img src=x onerror=alert(0)> Eigene <i>Org</i>"

#: What a script from a payload would set: the tests assert it stays undefined.
PWNED = "__pwned"


#: The partners given coordinates (Breite, Länge), two at each place; the others have none.
PLACED = ("markdown_link", "markdown_specials", "img", "svg", "script", "attribute_break",
          "long", "template")


def leak_url(port: int, name: str = "") -> str:
    return f"http://127.0.0.1:{port}{LEAK_PATH}{name}"


def payloads(port: int) -> dict[str, str]:
    """Every payload by a short key; ``port`` is the leak address's."""
    leak = leak_url(port)
    return {
        "img": '<img src=x onerror="alert(1),top.__pwned=1">',
        "svg": "<svg onload=alert(2)>",
        "script": "<script>alert(3),top.__pwned=1</script>",
        "script_break": "</script><script>alert(4),top.__pwned=1</script>",
        "attribute_break": '"><img src=x onerror=alert(5)>',
        "attribute_break_single": "'><svg/onload=alert(6)>",
        "handler": '<b onmouseover="alert(7)" style="display:block">Maus</b>',
        "html_link": '<a href="javascript:alert(8)">klick a</a>',
        "iframe": f'<iframe src="{leak}/iframe"></iframe>',
        "style": f"<style>*{{background:url({leak}/css)}}</style>",
        "markdown_link": "[klick md](javascript:alert(9))",
        "markdown_image": f"![bild]({leak}/md.png)",
        "markdown_specials": ":red[rot] $x^2$ **fett** ~~weg~~ `code`",
        "entities": "&ltb&gt fett &amp &#60i&#62 &copy",
        "template": "{{7*7}} ${alert(10)} {0} {name}",
        "hyperlink": f'=HYPERLINK("{leak}/formula","klick f")',
        "plus": "+1+1",
        "minus": "-2+3",
        "at": "@SUM(1+1)",
        "tab": "\t=3+3",
        "carriage_return": "\r=4+4",
        "right_to_left": "Stadt\u202eexe.txt\u202c Amt",
        "zero_width": "Null\u200bbreite\u200d\ufeffZeichen",
        "long": ("Sehr langer Name " * 600)[:9_990] + " ENDE-LANG",
    }


#: What the reader drops from every cell (network_app.workbook.values.to_text): characters
#: that only hide text or turn it around.
HIDDEN = re.compile("[\ufeff\u200b\u202a-\u202e\u2066-\u2069]")


def as_read(text: str) -> str:
    """A payload as the reader keeps it: spaces at the ends trimmed (the tab and the carriage
    return before a formula go, the formula stays), hidden characters (:data:`HIDDEN`)
    dropped: "Stadt\u202eexe.txt\u202c Amt" is read "Stadtexe.txt Amt"."""
    return " ".join(HIDDEN.sub("", text).split())


def websites(port: int) -> list[str]:
    """Websites that a link made from them would turn into script or a request."""
    return [
        "javascript:alert(11)",
        "data:text/html,<script>alert(12)</script>",
        "JaVaScRiPt:alert(13)",
        leak_url(port, "/website"),
        "vbscript:msgbox(14)",
    ]


def write_payload_workbook(path: Path, port: int) -> Path:
    """A workbook whose every text field holds a payload (see the module docstring).

    The hub (own organisation, from the settings) is :data:`HUB`; the partners are all
    payloads, each tied to the next (the relation's kind and note payloads too), three
    activities and two programmes named by payloads bring the partners together.
    """
    found = payloads(port)
    names = list(found.values())
    keys = list(found)
    sites = websites(port)
    categories = ("Austausch", "Kooperation", "Netzwerk", "Forschung")
    book = openpyxl.Workbook()
    book.remove(book.active)

    partners = book.create_sheet("Partner")
    partners.append(["Name", "Kategorie", "Typ", "Ort", "Reichweite", "Seit", "Bis",
                     "Website", "Notiz", "Breite", "Länge"])
    located = [keys.index(key) for key in PLACED]
    for i, name in enumerate(names):
        # a known category and, every other row, a payload as a second (unknown) one
        category = categories[i % 4] + (f"; {names[(i + 3) % len(names)]}" if i % 2 else "")
        # two partners at each place on the map (the place's list names both)
        spot = located.index(i) // 2 if i in located else None
        partners.append([
            name, category, names[(i + 1) % len(names)], names[(i + 2) % len(names)],
            "regional", 2015 + i % 8, None, sites[i % len(sites)], names[(i + 5) % len(names)],
            None if spot is None else 51.57 + 0.4 * spot,
            None if spot is None else 8.1 + 0.6 * spot,
        ])

    relations = book.create_sheet("Beziehungen")
    relations.append(["Von", "Nach", "Art", "Stärke", "Notiz"])
    for i, name in enumerate(names):
        relations.append([name, names[(i + 1) % len(names)], names[(i + 7) % len(names)],
                          1 + i % 5, names[(i + 9) % len(names)]])

    activities = book.create_sheet("Aktivitäten")
    activities.append(["Aktivität", "Datum", "Status", "Bereich", "Beteiligte", "Notiz"])
    for i, key in enumerate(("script", "markdown_image", "hyperlink", "long")):
        members = "; ".join(names[i * 5:(i * 5) + 4])
        activities.append([found[key], 2020 + i, "umgesetzt", "Vernetzung", members,
                           found[keys[(i + 4) % len(keys)]]])

    programmes = book.create_sheet("Programme")
    programmes.append(["Programm", "Seit", "Bis", "Beteiligte", "Notiz"])
    for i, key in enumerate(("svg", "markdown_link", "right_to_left")):
        members = "; ".join(names[i * 6 + 2:i * 6 + 6])
        programmes.append([found[key], 2018, 2026, members, found["handler"]])

    settings = book.create_sheet("Einstellungen")
    settings.append(["Einstellung", "Wert", "Notiz"])
    settings.append(["Eigene Organisation", HUB, None])
    settings.append(["Titel", found["script_break"] + " " + found["markdown_image"], None])
    settings.append(["Quelle", found["attribute_break"] + " " + found["hyperlink"], None])
    settings.append(["Datenstand", "2026-11-01", None])
    for sheet in book:  # every cell text as typed ('=… in Excel), never a formula
        for row in sheet.iter_rows():
            for cell in row:
                if isinstance(cell.value, str):
                    cell.data_type = "s"
    book.save(path)
    return path
