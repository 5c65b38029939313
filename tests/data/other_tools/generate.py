"""Generate the network files of tools whose published samples may not be copied here.

Some real samples of other tools could not be copied into this repository: their licence does not
allow it, or no licence is given (see tests/data/README.md). For each of them this script writes a
file of the same *shape* -- sheet names and order, hidden sheets, header rows, column names and
order, cell types, kinds of values, row counts and the traps the original sets -- with invented
content. Nothing of the originals' content (names, descriptions, numbers) is copied; only the
vocabulary a tool itself writes (its column names, its 'Undirected', NodeXL's helper texts) is.

Deterministic: the same bytes on every run (fixed seeds, fixed workbook dates, fixed zip times).

    .venv/bin/python tests/data/other_tools/generate.py      # writes into generated/
"""

from __future__ import annotations

import datetime as dt
import io
import random
import re
import zipfile
from pathlib import Path

from openpyxl import Workbook
from openpyxl.worksheet.table import Table, TableStyleInfo

OUT = Path(__file__).resolve().parent / "generated"
FIXED = dt.datetime(2020, 1, 1, 0, 0, 0)

# Invented name parts (no real people, places or organisations are meant).
GIVEN = [
    "Alwin",
    "Berit",
    "Corin",
    "Dagny",
    "Eskil",
    "Fenna",
    "Gorm",
    "Hedda",
    "Ivo",
    "Jorunn",
    "Kasimir",
    "Liv",
    "Malte",
    "Nelja",
    "Odo",
    "Pirkko",
    "Quirin",
    "Runa",
    "Sten",
    "Tove",
    "Ulf",
    "Vanja",
    "Wiebke",
    "Ylva",
    "Zeno",
    "Arvid",
    "Brita",
    "Cato",
    "Dorit",
    "Edvin",
]
FAMILY = [
    "Ambersee",
    "Birkhold",
    "Crannmoor",
    "Dunwold",
    "Elmreach",
    "Fallow",
    "Grisholt",
    "Hagendorn",
    "Isenmark",
    "Juniper",
    "Kestrel",
    "Lindqvist",
    "Marrow",
    "Nettlebed",
    "Oakhurst",
    "Pendle",
]
SYLL = [
    "ka",
    "lo",
    "ven",
    "dra",
    "mi",
    "tor",
    "sel",
    "bu",
    "ran",
    "fe",
    "gis",
    "no",
    "pa",
    "ul",
    "re",
]


def _place(rng: random.Random) -> str:
    return "".join(rng.choice(SYLL) for _ in range(rng.randint(2, 3))).capitalize()


def _unique(make, n: int) -> list[str]:
    seen: list[str] = []
    while len(seen) < n:
        name = make()
        if name not in seen:
            seen.append(name)
    return seen


def _save(wb: Workbook, path: Path) -> None:
    """Save with fixed document dates and fixed zip entry times, so the bytes are reproducible."""
    wb.properties.created = FIXED
    wb.properties.modified = FIXED
    wb.properties.creator = "generate.py"
    buf = io.BytesIO()
    wb.save(buf)
    src = zipfile.ZipFile(io.BytesIO(buf.getvalue()))
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename == "docProps/core.xml":  # openpyxl stamps the save time here
                data = re.sub(
                    rb"<dcterms:modified([^>]*)>[^<]*<",
                    rb"<dcterms:modified\1>2020-01-01T00:00:00Z<",
                    data,
                )
            fixed = zipfile.ZipInfo(info.filename, date_time=(2020, 1, 1, 0, 0, 0))
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o600 << 16
            dst.writestr(fixed, data)


# --------------------------------------------------------------------------------------------
# Kumu (shape of kumu/docs content/paypal-mafia.xlsx): an export of a project, Elements and
# Connections; the Connections sheet repeats every element field as an (empty) column, its Label
# column stands empty before Type, and two pairs of elements are joined twice with different
# connection types. (In the original three Label cells hold an empty string; openpyxl does not
# write empty strings, so here they are simply empty.)
# --------------------------------------------------------------------------------------------
KUMU_ELEMENT_FIELDS = [
    "Label",
    "Type",
    "Tags",
    "Description",
    "Attribution",
    "Board Affiliations",
    "Citizenship",
    "Education",
    "Email",
    "Home",
    "Image",
    "Influence",
    "Net Worth (Billions)",
    "Region",
    "Website",
]


def kumu_project_export(rng: random.Random) -> None:
    people = _unique(lambda: f"{rng.choice(GIVEN)} {rng.choice(FAMILY)}", 17)
    firms = _unique(
        lambda: f"{_place(rng)} {rng.choice(['Labs', 'Systems', 'Capital', 'Works', 'Media'])}", 17
    )
    wb = Workbook()
    el = wb.active
    el.title = "Elements"
    el.append(KUMU_ELEMENT_FIELDS)
    rows = [(p, "Person") for p in people] + [(f, "Company") for f in firms]
    rng.shuffle(rows)
    for i, (label, kind) in enumerate(rows):
        tags = "founders" if kind == "Person" else "founded-by-members"
        slug = label.lower().replace(" ", "-")
        described = i % 2 == 0 and i < 36
        el.append(
            [
                label,
                kind,
                tags,
                f"{label} is an invented {kind.lower()} for a test file.\n\nSecond paragraph."
                if described
                else None,
                f"Image via [example](https://example.org/{slug})" if i % 2 == 1 else None,
                "Example Board" if i == 0 else None,
                "Nowhere" if i == 0 else None,
                "Example College" if i == 0 else None,
                None,
                "Example Town" if i == 0 else None,
                f"https://example.org/img/{slug}.jpg",
                "High" if i == 0 else None,
                round(rng.uniform(0.5, 9.5), 1) if kind == "Person" and i % 3 == 0 else None,
                "North" if i == 0 else None,
                f"https://example.org/{slug}" if i % 2 == 0 and i < 32 else None,
            ]
        )
    con = wb.create_sheet("Connections")
    con.append(["From", "To", "Label", "Type", "Tags", "Description"] + KUMU_ELEMENT_FIELDS[4:])
    pairs: set[tuple[str, str]] = set()
    links: list[tuple[str, str, str]] = []
    # every element gets at least one connection; founders point at companies, companies at people
    while len(links) < 45:
        p, f = rng.choice(people), rng.choice(firms)
        a, b = (f, p) if rng.random() < 0.35 else (p, f)
        if (p, f) in pairs:  # one connection per pair, whichever its direction
            continue
        pairs.add((p, f))
        links.append((a, b, "Investor" if len(links) % 6 == 5 else "Employee/Founder"))
    touched = {x for a, b, _ in links for x in (a, b)}
    for name in people + firms:
        if name not in touched:
            other = rng.choice(firms if name in people else people)
            pairs.add((name, other) if name in people else (other, name))
            links.append((name, other, "Employee/Founder"))
    while len(links) < 47:
        p, f = rng.choice(people), rng.choice(firms)
        if (p, f) not in pairs:
            pairs.add((p, f))
            links.append((p, f, "Employee/Founder"))
    links = links[:47]
    # the same two pairs again, with the other type (as in the original)
    for a, b, t in links[3:5]:
        links.append((a, b, "Investor" if t == "Employee/Founder" else "Employee/Founder"))
    while sum(t == "Investor" for _, _, t in links) > 9:
        k = next(i for i, (_, _, t) in enumerate(links[:47]) if t == "Investor")
        links[k] = (links[k][0], links[k][1], "Employee/Founder")
    for i, (a, b, t) in enumerate(links):
        con.append(
            [a, b, None, t, "seed" if i == 10 else None, "first round" if i == 10 else None]
            + [None] * 11
        )
    _save(wb, OUT / "kumu_project_export.xlsx")


# --------------------------------------------------------------------------------------------
# Kumu (shape of kumu/docs content/snap-to-tutorial-data.xlsx): every number is stored as text
# ('9876498', '0.0026…', '3%'), Connections has From/To only, four rows are exact duplicates and
# two elements have no connection at all.
# --------------------------------------------------------------------------------------------
def kumu_text_numbers(rng: random.Random) -> None:
    regions = ["North", "South", "East", "West"]
    places = _unique(lambda: _place(rng), 51)
    wb = Workbook()
    el = wb.active
    el.title = "Elements"
    el.append(
        [
            "Label",
            "Type",
            "2010 Population",
            "2014 Population",
            "Percentage Change",
            "Relative Growth",
            "Region",
        ]
    )
    for name in places:
        p0 = rng.randint(500_000, 30_000_000)
        growth = rng.uniform(-0.01, 0.11)
        p1 = int(p0 * (1 + growth))
        rel = (p1 - p0) / p0
        el.append(
            [
                name,
                "Province",
                str(p0),
                str(p1),
                f"{round(rel * 100)}%",
                repr(rel),
                rng.choice(regions),
            ]
        )
    con = wb.create_sheet("Connections")
    con.append(["From", "To"])
    linked = places[:49]  # the last two stay isolated
    pairs: list[tuple[str, str]] = []
    seen: set[frozenset[str]] = set()
    for i, name in enumerate(linked[1:], start=1):  # a spanning chain first, then neighbours
        other = linked[rng.randrange(0, i)]
        seen.add(frozenset((name, other)))
        pairs.append((name, other))
    while len(pairs) < 109:
        a, b = rng.sample(linked, 2)
        if frozenset((a, b)) in seen:
            continue
        seen.add(frozenset((a, b)))
        pairs.append((a, b))
    rng.shuffle(pairs)
    rows = pairs + pairs[5:9]  # four exact duplicates
    for a, b in rows:
        con.append([a, b])
    _save(wb, OUT / "kumu_text_numbers.xlsx")


# --------------------------------------------------------------------------------------------
# Onodo (shape of civio/onodo spec/support/datasets/Game_of_Thrones.xlsx): sheets Nodes
# (Name, Type, Description, Actor) and Relations (Source, Type, Target, Directed). The edge type
# stands *between* Source and Target; Directed is 1, 0 or empty per row; seven names (and most
# node types) end in a space -- four are written so in Relations too, one is written there
# without its space; one pair is joined twice; 43 nodes have no relation.
# --------------------------------------------------------------------------------------------
def onodo_dataset(rng: random.Random) -> None:
    houses = [
        "House Ambersee ",
        "House Birkhold ",
        "House Crannmoor ",
        "House Dunwold ",
        "House Elmreach ",
        "House Fallow ",
        "House Grisholt ",
        "House Hagendorn ",
        "House Isenmark ",
    ]
    sizes = [19, 19, 13, 10, 9, 5, 5, 5, 4]
    kinds: list[str] = []
    for house, n in zip(houses, sizes, strict=True):
        kinds += [house] * n
    kinds += ["Border Guard & Outlanders"] * 13 + ["Other"] * 11 + ["Court & Officials"] * 8
    kinds += ["House Ambersee"]  # the same house once without its trailing space
    assert len(kinds) == 122
    names: list[str] = []
    for kind in kinds:
        family = (
            kind.replace("House ", "").strip() if kind.startswith("House") else rng.choice(FAMILY)
        )
        while True:
            name = f"{rng.choice(GIVEN)} {family}"
            if name not in names and name + " " not in names:
                break
        names.append(name)
    for i in rng.sample(range(122), 7):
        names[i] += " "
    order = sorted(range(122), key=lambda i: names[i])
    wb = Workbook()
    ns = wb.active
    ns.title = "Nodes"
    ns.append(["Name", "Type", "Description", "Actor"])
    described = set(rng.sample(range(122), 90))
    acted = set(rng.sample(range(122), 90))
    for i in order:
        slug = names[i].strip().replace(" ", "_")
        ns.append(
            [
                names[i],
                kinds[i],
                f"http://wiki.example.org/{slug}" if i in described else None,
                f"{rng.choice(GIVEN)} {rng.choice(FAMILY)}" if i in acted else None,
            ]
        )
    rs = wb.create_sheet("Relations")
    rs.append(["Source", "Type", "Target", "Directed"])
    spaced = [i for i in range(122) if names[i].endswith(" ")]
    # as in the original: four of the seven names ending in a space are written so in Relations,
    # one is written there without its space, two have no relation
    plain = [i for i in range(122) if i not in spaced]
    connected = sorted(rng.sample(plain, 74) + spaced[:4])
    plan = (
        [("child", 1)] * 19
        + [("child", None)] * 42
        + [("siblings", 0)] * 13
        + [("marriage", 0)] * 10
        + [("bastard child", None)] * 3
        + [("vassal", None)] * 2
        + [("priestess", None)] * 2
        + [
            ("advisor", 1),
            ("advisor", None),
            ("knight", None),
            ("fiancée", 1),
            ("lovers", 0),
            ("friends", 0),
            ("squire", None),
            ("servant", None),
            ("ward", 1),
        ]
    )
    assert len(plan) == 100
    used: set[tuple[int, int]] = set()
    rows = []
    for k, (kind, directed) in enumerate(plan):
        while True:
            a, b = rng.sample(connected, 2)
            if k < len(connected) // 2:  # make sure every connected node appears
                a, b = connected[2 * k], connected[2 * k + 1]
            if (a, b) not in used and (b, a) not in used:
                break
        used.add((a, b))
        rows.append([names[a], kind, names[b], directed])
    rows[99][0], rows[99][2] = rows[60][0], rows[60][2]  # one pair twice, with another type
    targets = [r[2] for r in rows] + [r[0] for r in rows]
    k = next(k for k in range(61, 99) if targets.count(rows[k][2]) > 1)
    rows[k][2] = names[spaced[4]].strip()  # 'Name ' in Nodes, 'Name' here
    rows.sort(key=lambda r: r[0])
    for r in rows:
        rs.append(r)
    _save(wb, OUT / "onodo_dataset.xlsx")


# --------------------------------------------------------------------------------------------
# NodeXL (shape of SMRFoundation/NodeXLBasic docs/NodeXL Teaching Resources_*.xlsx): the
# NodeXL Excel template -- Edges and Vertices as Excel tables whose header is on row 2 (row 1
# holds column-group captions), Groups, Group Vertices, Overall Metrics, and two hidden helper
# sheets ('Do Not Delete', 'Misc'); the graph's directedness stands only in Misc.
# --------------------------------------------------------------------------------------------
EDGE_COLS = [
    "Vertex 1",
    "Vertex 2",
    "Color",
    "Width",
    "Style",
    "Opacity",
    "Visibility",
    "Label",
    "Label Text Color",
    "Label Font Size",
    "Reciprocated?",
    "ID",
    "Dynamic Filter",
    "Add Your Own Columns Here",
]
EDGE_GROUPS = [
    None,
    None,
    "Visual Properties",
    None,
    None,
    None,
    None,
    "Labels",
    None,
    None,
    "Graph Metrics",
    "Do Not Edit",
    None,
    "Other Columns",
]
VERTEX_COLS = [
    "Vertex",
    "Color",
    "Shape",
    "Size",
    "Opacity",
    "Image File",
    "Visibility",
    "Label",
    "Label Fill Color",
    "Label Position",
    "Tooltip",
    "Layout Order",
    "X",
    "Y",
    "Locked?",
    "Polar R",
    "Polar Angle",
    "Degree",
    "In-Degree",
    "Out-Degree",
    "Betweenness Centrality",
    "Closeness Centrality",
    "Eigenvector Centrality",
    "PageRank",
    "Clustering Coefficient",
    "Reciprocated Vertex Pair Ratio",
    "ID",
    "Dynamic Filter",
    "Add Your Own Columns Here",
]
VERTEX_GROUPS = (
    [
        None,
        "Visual Properties",
        None,
        None,
        None,
        None,
        None,
        "Labels",
        None,
        None,
        None,
        "Layout",
        None,
        None,
        None,
        None,
        None,
        "Graph Metrics",
    ]
    + [None] * 8
    + ["Do Not Edit", None, "Other Columns"]
)
GROUP_COLS = [
    "Group",
    "Vertex Color",
    "Vertex Shape",
    "Visibility",
    "Collapsed?",
    "Label",
    "Collapsed X",
    "Collapsed Y",
    "ID",
    "Collapsed Properties",
    "Vertices",
    "Unique Edges",
    "Edges With Duplicates",
    "Total Edges",
    "Self-Loops",
    "Reciprocated Vertex Pair Ratio",
    "Reciprocated Edge Ratio",
    "Connected Components",
    "Single-Vertex Connected Components",
    "Maximum Vertices in a Connected Component",
    "Maximum Edges in a Connected Component",
    "Maximum Geodesic Distance (Diameter)",
    "Average Geodesic Distance",
    "Graph Density",
]


# The template's 'Misc' sheet: NodeXL's own lists of valid values and per-workbook settings
# (the long XML of 'Workbook Settings 1' is shortened).
NODEXL_MISC = [
    (
        "Valid Edge Visibilities",
        "Valid Edge Styles",
        "Valid Vertex Visibilities",
        "Valid Vertex Shapes",
        "Valid Group Shapes",
        "Valid Group Visibilities",
        "Valid Booleans Default False",
        "Valid Vertex Label Positions",
        None,
        "Per-Workbook Setting",
        "Value",
        None,
        "Table Name",
        "Column Name",
        "Selected Minimum",
        "Selected Maximum",
    ),
    (
        "Show",
        "Solid",
        "Show if in an Edge",
        "Circle",
        "Circle",
        "Show",
        "No",
        "Nowhere",
        None,
        "Template Version",
        104,
    ),
    (
        "Skip",
        "Dash",
        "Skip",
        "Disk",
        "Disk",
        "Skip",
        "Yes",
        "Top Left",
        None,
        "Graph Directedness",
        "Directed",
    ),
    (
        "Hide",
        "Dot",
        "Hide",
        "Sphere",
        "Sphere",
        "Hide",
        0,
        "Top Center",
        None,
        "Auto Layout on Open",
        None,
    ),
    (
        1,
        "Dash Dot",
        "Show",
        "Square",
        "Square",
        1,
        1,
        "Top Right",
        None,
        "Workbook Settings 1",
        '<?xml version="1.0" encoding="utf-8"?><configuration />',
    ),
    (
        0,
        "Dash Dot Dot",
        1,
        "Solid Square",
        "Solid Square",
        0,
        None,
        "Middle Left",
        None,
        "Workbook Settings Cell Count",
        1,
    ),
    (
        2,
        1,
        0,
        "Diamond",
        "Diamond",
        2,
        None,
        "Middle Center",
        None,
        "Graph History",
        "GraphDirectedness\u2591The graph is directed.",
    ),
    (None, 2, 2, "Solid Diamond", "Solid Diamond", None, None, "Middle Right"),
    (None, 3, 4, "Triangle", "Triangle", None, None, "Bottom Left"),
    (None, 4, None, "Solid Triangle", "Solid Triangle", None, None, "Bottom Center"),
    (None, 5, None, "Label", 1, None, None, "Bottom Right"),
    (None, None, None, "Image", 2, None, None, 0),
] + [
    (None, None, None, n, n + 2 if n < 8 else None, None, None, n if n < 10 else None)
    for n in range(1, 12)
]


def _col(n: int) -> str:
    s = ""
    while n:
        n, r = divmod(n - 1, 26)
        s = chr(65 + r) + s
    return s


def _nodexl(
    path: Path, edges: list[dict], vertices: list[dict], weighted: bool, extra_sheet: str | None
) -> None:
    wb = Workbook()
    e = wb.active
    e.title = "Edges"
    cols = EDGE_COLS + (["Edge Weight"] if weighted else [])
    e.append(EDGE_GROUPS + ([None] if weighted else []))
    e.append(cols)
    for row in edges:
        e.append([row.get(c) for c in cols])
    style = TableStyleInfo(name="TableStyleMedium2", showRowStripes=True)
    e.add_table(
        Table(
            displayName="Edges", ref=f"A2:{_col(len(cols))}{len(edges) + 2}", tableStyleInfo=style
        )
    )
    v = wb.create_sheet("Vertices")
    v.append(VERTEX_GROUPS)
    v.append(VERTEX_COLS)
    for row in vertices:
        v.append([row.get(c) for c in VERTEX_COLS])
    v.add_table(
        Table(
            displayName="Vertices",
            ref=f"A2:{_col(len(VERTEX_COLS))}{len(vertices) + 2}",
            tableStyleInfo=style,
        )
    )
    d = wb.create_sheet("Do Not Delete")
    d.append(
        [
            "This worksheet is no longer used but is retained to allow older versions of NodeXL "
            "to open workbooks created with NodeXL version 1.0.1.96 or later."
        ]
    )
    d.append([])
    d.append(["Do not delete this worksheet."])
    d.sheet_state = "hidden"
    g = wb.create_sheet("Groups")
    g.append(
        [
            None,
            "Visual Properties",
            None,
            None,
            None,
            "Labels",
            "Layout",
            None,
            "Do Not Edit",
            None,
            "Graph Metrics",
        ]
    )
    g.append(GROUP_COLS)
    g.append([None] * len(GROUP_COLS))
    gv = wb.create_sheet("Group Vertices")
    gv.append(["Group", "Vertex", "Vertex ID"])
    gv.append([None, None, None])
    m = wb.create_sheet("Overall Metrics")
    m.append(
        [
            "Graph Metric",
            "Value",
            None,
            "Degree Bin",
            "Degree Frequency",
            "In-Degree Bin",
            "In-Degree Frequency",
            "Out-Degree Bin",
            "Out-Degree Frequency",
        ]
    )
    m.append(
        [
            "Graph Type",
            "Directed",
            None,
            1,  # NodeXL writes formulas here (=MIN(Vertices[Degree]), =COUNTIF(...)) whose
            12,  # cached values Excel shows; openpyxl cannot write a cached value, so: values
        ]
    )
    m.append([None, None, None, 1.25])
    m.append(["Vertices", len({r["Vertex"] for r in vertices})])
    m.append(["Unique Edges", len({(r["Vertex 1"], r["Vertex 2"]) for r in edges})])
    misc = wb.create_sheet("Misc")
    for row in NODEXL_MISC:
        misc.append(list(row))
    misc.sheet_state = "hidden"
    if extra_sheet:
        t = wb.create_sheet(extra_sheet)
        t.append(["Top Replied-To in Entire Graph", "Entire Graph Count"])
        t.append([None, None])
        t.append([None, None])
        t.append(["Top Mentioned in Entire Graph", "Entire Graph Count"])
    from openpyxl.workbook.defined_name import DefinedName

    wb.defined_names["BinDivisor"] = DefinedName("BinDivisor", attr_text="'Overall Metrics'!$B$2")
    _save(wb, path)


def nodexl_users(rng: random.Random) -> None:
    """Shape of '..._ABC-D_raw.xlsx': 120 edge rows among 76 users, directed, 5 self-loops whose
    Visibility is 'Skip', 'Reciprocated?' Yes/No, layout coordinates and metrics in Vertices."""
    users = ["Admin"] + [f"User{i}" for i in range(1, 76)]
    links: list[tuple[str, str]] = []
    seen: set[tuple[str, str]] = set()
    for i, u in enumerate(users[1:], start=1):  # everybody linked
        other = users[rng.randrange(0, i)]
        links.append((u, other) if rng.random() < 0.5 else (other, u))
        seen.add(links[-1])
    while len(links) < 105:
        a, b = rng.sample(users, 2)
        if (a, b) in seen:
            continue
        seen.add((a, b))
        links.append((a, b))
    recip = [(b, a) for a, b in rng.sample(links, 10) if (b, a) not in seen]
    for r in recip[:10]:
        seen.add(r)
        links.append(r)
    loops = [(u, u) for u in rng.sample(users[1:], 5)]
    links.sort(key=lambda p: int(p[0][4:]) if p[0] != "Admin" else 0)
    for k, loop in zip([70, 80, 81, 82, 91], loops, strict=True):
        links.insert(k, loop)
    links = links[:120] if len(links) > 120 else links
    ends = {x for p in links for x in p}
    edges = []
    for i, (a, b) in enumerate(links):
        edges.append(
            {
                "Vertex 1": a,
                "Vertex 2": b,
                "Visibility": "Skip" if a == b else "Show",
                "Reciprocated?": None if a == b else ("Yes" if (b, a) in seen else "No"),
                "ID": i + 3,
            }
        )
    deg = {u: sum(u in p for p in links) for u in ends}
    vertices = []
    for i, u in enumerate(sorted(ends, key=lambda u: (-deg[u], u))):
        vertices.append(
            {
                "Vertex": u,
                "X": round(rng.uniform(100, 9900), 6),
                "Y": round(rng.uniform(100, 9900), 6),
                "Degree": deg[u],
                "In-Degree": sum(p[1] == u for p in links),
                "Out-Degree": sum(p[0] == u for p in links),
                "Betweenness Centrality": round(rng.uniform(0, 1200), 6),
                "Closeness Centrality": round(rng.uniform(0.004, 0.007), 6),
                "Eigenvector Centrality": round(rng.uniform(0.001, 0.08), 6),
                "PageRank": round(rng.uniform(0.3, 3.2), 6),
                "Clustering Coefficient": round(rng.uniform(0, 0.2), 6),
                "ID": i + 3,
            }
        )
    _nodexl(
        OUT / "nodexl_users.xlsx",
        edges,
        vertices,
        weighted=False,
        extra_sheet="Twitter Search Ntwrk Top Items",
    )


def nodexl_mailing_list(rng: random.Random) -> None:
    """Shape of '..._css-d_raw.xlsx': a mailing-list network, 1157 edge rows among 457 addresses,
    'Edge Weight' 1..216 (heavy tail: median 1), most edges point at the list address (whose
    Visibility is 'Skip'), 124 pairs in both directions, one address pair twice (weights 1 and 2),
    that address twice in Vertices."""
    hub = "list@lists.example.org"
    people = _unique(lambda: f"{rng.randint(10000, 99999)}@anonymised.example", 456)
    edges_p: list[tuple[str, str]] = [(p, hub) for p in people[:449]]
    seen = set(edges_p)
    while len(edges_p) < 1156 - 124:
        a, b = rng.sample(people, 2)
        if (a, b) in seen or (b, a) in seen:
            continue
        seen.add((a, b))
        edges_p.append((a, b))
    # 124 address pairs write to each other (1156 directed ties, 1032 undirected, as the original)
    for a, b in rng.sample(edges_p[449:], 124):
        edges_p.append((b, a))
    rng.shuffle(edges_p)
    dup_person = people[7]
    first = next(i for i, (a, b) in enumerate(edges_p) if a == dup_person and b != hub)
    weights = [1] * 1156
    for i in range(1156):
        r = rng.random()
        weights[i] = 1 if r < 0.6 else 2 if r < 0.8 else rng.randint(3, 30)
    for i, w in zip(rng.sample(range(1156), 8), [216, 105, 85, 56, 47, 44, 41, 34], strict=True):
        weights[i] = w
    weights[first] = 1
    edges_p.insert(1110, edges_p[first])
    weights.insert(1110, 2)
    edges = [
        {"Vertex 1": a, "Vertex 2": b, "ID": i + 3, "Edge Weight": w}
        for i, ((a, b), w) in enumerate(zip(edges_p, weights, strict=True))
    ]
    order: list[str] = []
    for a, b in edges_p:
        for x in (a, b):
            if x not in order:
                order.append(x)
    order.insert(449, dup_person)  # the duplicate vertex row
    vertices = [
        {
            "Vertex": u,
            "Visibility": "Skip" if u == hub else None,
            "X": round(rng.uniform(100, 9900), 6),
            "Y": round(rng.uniform(100, 9900), 6),
        }
        for u in order
    ]
    _nodexl(OUT / "nodexl_mailing_list.xlsx", edges, vertices, weighted=True, extra_sheet=None)


# --------------------------------------------------------------------------------------------
# Gephi CSV pair (shape of mathbeveridge/asoiaf data/asoiaf-all-{nodes,edges}.csv): nodes Id,Label
# (Id hyphenated, Label with spaces); edges Source,Target,Type,id,weight -- an 'id' column in the
# edge table, 'Undirected' in every row, weights 3..334 with median 5; old-Mac CR line endings.
# --------------------------------------------------------------------------------------------
def gephi_character_network(rng: random.Random) -> None:
    labels = _unique(
        lambda: (
            f"{rng.choice(GIVEN)} {rng.choice(FAMILY)}"
            + (
                f" ({rng.choice(['the Elder', 'the Younger', 'of ' + _place(rng)])})"
                if rng.random() < 0.08
                else ""
            )
        ),
        796,
    )
    labels.sort()
    ids = [lab.replace(" ", "-") for lab in labels]
    pairs: set[tuple[int, int]] = set()
    edges: list[tuple[int, int]] = []
    for i in range(1, 796):  # everyone appears in at least one edge
        j = rng.randrange(0, i) if rng.random() < 0.5 else rng.randrange(0, min(60, i))
        p = (min(i, j), max(i, j))
        pairs.add(p)
        edges.append(p)
    while len(edges) < 2823:
        i = rng.randrange(0, 796)
        j = rng.randrange(0, 120) if rng.random() < 0.6 else rng.randrange(0, 796)
        if i == j:
            continue
        p = (min(i, j), max(i, j))
        if p in pairs:
            continue
        pairs.add(p)
        edges.append(p)
    edges.sort()
    weights = [min(334, max(3, int(rng.paretovariate(1.1) * 3))) for _ in edges]
    weights[rng.randrange(len(weights))] = 334
    weights[rng.randrange(len(weights))] = 3
    nl = "\r"
    node_text = (
        "Id,Label" + nl + nl.join(f"{i},{lab}" for i, lab in zip(ids, labels, strict=True)) + nl
    )
    edge_text = (
        "Source,Target,Type,id,weight"
        + nl
        + nl.join(
            f"{ids[a]},{ids[b]},Undirected,{k},{w}"
            for k, ((a, b), w) in enumerate(zip(edges, weights, strict=True))
        )
        + nl
    )
    (OUT / "gephi_characters-nodes.csv").write_bytes(node_text.encode())
    (OUT / "gephi_characters-edges.csv").write_bytes(edge_text.encode())


# --------------------------------------------------------------------------------------------
# R / igraph CSV pair (shape of kateto/R-Network-Visualization-Workshop Data files/
# Dataset1-Media-Example-{NODES,EDGES}.csv): nodes id,media,media.type,type.label,audience.size
# with ids 's01'…'s17'; links from,to,type,weight (type hyperlink/mention, weight 1..23; ten
# pairs linked in both directions, one self-loop), read
# with graph_from_data_frame(links, vertices = nodes, directed = TRUE).
# --------------------------------------------------------------------------------------------
def r_igraph_media(rng: random.Random) -> None:
    kinds = [(1, "Newspaper")] * 7 + [(2, "TV")] * 5 + [(3, "Online")] * 5
    outlets = _unique(
        lambda: (
            f"{_place(rng)} "
            f"{rng.choice(['Herald', 'Post', 'Daily', 'News', 'TV', 'Blog', 'Radio'])}"
        ),
        17,
    )
    nodes = [
        (f"s{i + 1:02d}", outlets[i], k, lab, rng.randint(5, 60))
        for i, (k, lab) in enumerate(kinds)
    ]
    seen: set[tuple[str, str]] = set()
    links: list[tuple[str, str, str, int]] = []
    ids = [n[0] for n in nodes]
    for i, s in enumerate(ids[1:], start=1):
        t = ids[rng.randrange(0, i)]
        seen.add((t, s))
        links.append((t, s, "hyperlink", rng.randint(1, 23)))
    # ten ties in both directions, three of them with the other type, as in the original
    for n, (t, s, _, _) in enumerate(rng.sample(links, 10)):
        seen.add((s, t))
        links.append((s, t, "mention" if n < 3 else "hyperlink", rng.randint(1, 23)))
    while len(links) < 49:
        a, b = rng.sample(ids, 2)
        if (a, b) in seen or (b, a) in seen:
            continue
        seen.add((a, b))
        links.append((a, b, "hyperlink" if len(links) < 31 else "mention", rng.randint(1, 23)))
    links[-1] = ("s06", "s06", "hyperlink", 1)  # one self-loop, as in the original
    links.sort()
    links[0] = (links[0][0], links[0][1], links[0][2], 23)
    links[1] = (links[1][0], links[1][1], links[1][2], 1)
    node_text = "id,media,media.type,type.label,audience.size\n" + "".join(
        f"{a},{b},{c},{d},{e}\n" for a, b, c, d, e in nodes
    )
    link_text = "from,to,type,weight\n" + "".join(f"{a},{b},{c},{d}\n" for a, b, c, d in links)
    (OUT / "r_media-NODES.csv").write_bytes(node_text.encode())
    (OUT / "r_media-EDGES.csv").write_bytes(link_text.encode())


def main() -> None:
    OUT.mkdir(exist_ok=True)
    kumu_project_export(random.Random(1))
    kumu_text_numbers(random.Random(2))
    onodo_dataset(random.Random(3))
    nodexl_users(random.Random(4))
    nodexl_mailing_list(random.Random(5))
    gephi_character_network(random.Random(6))
    r_igraph_media(random.Random(7))
    for p in sorted(OUT.iterdir()):
        print(p.name, p.stat().st_size)


if __name__ == "__main__":
    main()
