"""The workbook format: sheets, columns, their aliases and the allowed values.

Everything that knows how people spell a sheet, a column or a category lives here, so the reader,
the validator and the template agree. Matching is insensitive to case, spaces, punctuation and
German gender forms (``Ansprechpartner:in``, ``Ansprechpartner*innen``, ``Ansprechpartner/-in``).

>>> normalize_header(" Ansprechpartner:in ")
'ansprechpartner'
>>> canonical_column("partners", "E-Mail-Adresse")
'email'
>>> canonical_column("partners", "Förderung") is None
True
>>> canonical_column("partners", "Organisation")
'name'
>>> canonical_category("Netzwerke & Plattformen")
'Netzwerk'

Files from other tools use their own words (Kumu: Elements/Connections, Label, From/To; Gephi:
Nodes/Edges, Id, Label, Source/Target; NodeXL: Vertices/Edges, Vertex, Vertex 1/Vertex 2;
igraph and statnet: from/to, tail/head). A sheet name is only a hint: which table a sheet holds
is decided by its columns and values (:mod:`network_app.workbook.recognise`).

>>> canonical_column("relations", "Vertex 1"), canonical_sheet("edgelist")
('source', 'relations')
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass

__all__ = [
    "CATEGORIES",
    "CATEGORY_ALIASES",
    "COLUMNS",
    "DIRECTION_HEADERS",
    "DIRECTION_VALUES",
    "DIRECTION_WORDS",
    "DIRECTION_YES_NO",
    "GUIDE_SHEET",
    "REPORT_ONLY_SHEETS",
    "REPORT_OVERVIEW_SHEET",
    "OWN_ORGANISATION_DEFAULT",
    "PERSONAL_COLUMNS",
    "REACH_VALUES",
    "SHEETS",
    "STATUS_VALUES",
    "AREA_VALUES",
    "TYPE_VALUES",
    "Column",
    "canonical_category",
    "canonical_column",
    "canonical_sheet",
    "is_weak_alias",
    "name_key",
    "normalize_header",
    "normalize_name",
]

OWN_ORGANISATION_DEFAULT = "stadtLABOR Soest"
#: The guide sheet of the template (:data:`network_app.workbook.template.GUIDE_SHEET`): known,
#: and not read as data.
GUIDE_SHEET = "Anleitung"
#: The sheets the program's own report adds to "Partner" and "Verbindungen"
#: (:data:`network_app.exports.report.REPORT_SHEETS`): the overview with the picture and
#: figures derived from the data. A workbook holding all of them (the overview aside: reports
#: written before it had none) is such a report; they are passed over when it is read again.
REPORT_OVERVIEW_SHEET = "Überblick"
REPORT_ONLY_SHEETS: tuple[str, ...] = (REPORT_OVERVIEW_SHEET, "Kategorien", "Datenqualität",
                                       "Erklärungen", "Info")

CATEGORIES: tuple[str, ...] = ("Austausch", "Kooperation", "Netzwerk", "Forschung")

#: Spellings met in practice, normalised with :func:`normalize_header`.
CATEGORY_ALIASES: dict[str, str] = {
    "austausch": "Austausch",
    "kollegialeraustausch": "Austausch",
    "vernetzung": "Austausch",
    "exchange": "Austausch",
    "kooperation": "Kooperation",
    "kooperationen": "Kooperation",
    "kooperationspartner": "Kooperation",
    "cooperation": "Kooperation",
    "partnerschaft": "Kooperation",
    "netzwerk": "Netzwerk",
    "netzwerke": "Netzwerk",
    "netzwerkeplattformen": "Netzwerk",
    "netzwerkeundplattformen": "Netzwerk",
    "netzwerkplattform": "Netzwerk",
    "plattform": "Netzwerk",
    "plattformen": "Netzwerk",
    "network": "Netzwerk",
    "forschung": "Forschung",
    "wissenschaft": "Forschung",
    "forschungundwissenschaft": "Forschung",
    "research": "Forschung",
}

TYPE_VALUES: tuple[str, ...] = (
    "Kommune",
    "Verwaltung",
    "Hochschule",
    "Forschungseinrichtung",
    "Schule",
    "Verein",
    "Unternehmen",
    "Lab",
    "Kultur",
    "Programm",
    "Netzwerk",
    "Veranstaltung",
    "Politik",
    "Sonstiges",
)
REACH_VALUES: tuple[str, ...] = ("lokal", "regional", "national", "international")
STATUS_VALUES: tuple[str, ...] = ("umgesetzt", "in Umsetzung", "in Planung")
AREA_VALUES: tuple[str, ...] = (
    "Vernetzung",
    "Forschung",
    "Verwaltung",
    "Stadtgesellschaft",
    "Öffentlichkeitsarbeit",
)


@dataclass(frozen=True)
class Column:
    """One known column: its key in code, its German header, and the other spellings.

    What the column holds, as a person reads it, is in the catalog ("workbook.columns").
    """

    key: str
    header: str
    aliases: tuple[str, ...] = ()
    kind: str = "text"  # text | categories | year | number | date | names


#: The known sheets: key → (German name, aliases).
SHEETS: dict[str, tuple[str, tuple[str, ...]]] = {
    "partners": ("Partner", ("Partner", "Partnerinnen", "Partnerliste", "Partners", "Nodes",
                             "Knoten", "Elements", "Elemente", "Organisationen",
                             # NodeXL, igraph/R, Gephi exports named after their content
                             "Vertices", "Vertex", "Node", "Nodelist", "Node list",
                             "Node table", "Nodes table", "Knotenliste")),
    "relations": ("Beziehungen", ("Beziehungen", "Beziehung", "Verbindungen", "Relations",
                                  "Relationships", "Connections", "Edges", "Kanten", "Links",
                                  "Edge", "Edgelist", "Edge list", "Edge table",
                                  "Edges table", "Kantenliste", "Ties")),
    "activities": ("Aktivitäten", ("Aktivitäten", "Aktivitaeten", "Aktivitat", "Aktivität",
                                   "Projekte", "Activities", "Veranstaltungen")),
    "programmes": ("Programme", ("Programme", "Programm", "Förderprogramme", "Verbünde",
                                 "Programmes", "Programs")),
    "settings": ("Einstellungen", ("Einstellungen", "Settings", "Optionen")),
}

COLUMNS: dict[str, tuple[Column, ...]] = {
    "partners": (
        Column("name", "Name", ("Partner", "Partnername", "Organisation", "Institution",
                                "Einrichtung", "Label", "Name der Organisation",
                                "Partnerorganisation", "Vertex")),
        Column("categories", "Kategorie", ("Kategorien", "Kategorie(n)", "Category",
                                           "Categories", "Bereich der Zusammenarbeit",
                                           "Art der Zusammenarbeit"), kind="categories"),
        Column("type", "Typ", ("Art", "Art der Organisation", "Organisationstyp", "Type",
                               "Organisationsart", "Sektor")),
        Column("place", "Ort", ("Standort", "Stadt", "Sitz", "City", "Location", "Place")),
        Column("reach", "Reichweite", ("Ebene", "Reach", "Scope")),
        Column("since", "Seit", ("Beginn", "Start", "seit Jahr", "Seit Jahr", "Since",
                                 "Start Year", "Von Jahr", "Beginn der Zusammenarbeit"),
               kind="year"),
        Column("until", "Bis", ("Ende", "Ende der Zusammenarbeit", "bis Jahr", "Until",
                                "End", "End Year"),
               kind="year"),
        Column("contact_internal", "Ansprechperson intern",
               ("Ansprechperson", "Ansprechpartner", "Ansprechpartner intern",
                "Kontaktperson", "Kontaktperson intern", "Zuständig", "Zuständigkeit",
                "Verantwortlich", "Owner")),
        Column("contact_external", "Kontakt extern", ("Kontakt", "Kontaktperson extern",
                                                      "Ansprechperson extern", "Contact")),
        Column("email", "E-Mail", ("Email", "Mail", "E-Mail-Adresse", "Mailadresse")),
        Column("phone", "Telefon", ("Tel", "Tel.", "Telefonnummer", "Phone")),
        Column("website", "Website", ("Webseite", "Homepage", "URL", "Internet", "Web")),
        Column("note", "Notiz", ("Notizen", "Bemerkung", "Bemerkungen", "Kommentar",
                                 "Beschreibung", "Description", "Note", "Notes")),
        Column("lat", "Breite", ("Breitengrad", "Latitude", "Lat"), kind="number"),
        Column("lon", "Länge", ("Längengrad", "Longitude", "Lon", "Lng"), kind="number"),
        # Gephi and other tools key nodes by an id and show a label; without a name column,
        # the id is the name (see reading.find_table).
        Column("id", "Id", ("ID", "Kennung", "Key", "Schlüssel", "Nr", "Nummer", "Vertex ID",
                            "Node ID")),
    ),
    "relations": (
        Column("source", "Von", ("Partner A", "From", "Source", "Quelle", "Partner 1",
                                 "Vertex 1", "Node 1", "Tail")),
        Column("target", "Nach", ("Partner B", "To", "Target", "Ziel", "Partner 2", "Mit",
                                  "Vertex 2", "Node 2", "Head")),
        Column("kind", "Art", ("Typ", "Type", "Beziehung", "Art der Beziehung",
                               "Beziehungsart", "Relationship", "Relationship type",
                               "Relation type", "Edge type", "Label")),
        Column("strength", "Stärke", ("Gewicht", "Weight", "Intensität", "Strength",
                                      "Edge Weight"),
               kind="number"),
        Column("since", "Seit", ("Beginn", "Start", "Since"), kind="year"),
        Column("until", "Bis", ("Ende", "End", "Until"), kind="year"),
        Column("note", "Notiz", ("Notizen", "Bemerkung", "Kommentar", "Description", "Note")),
    ),
    "activities": (
        Column("name", "Aktivität", ("Aktivitat", "Titel", "Name", "Projekt", "Veranstaltung",
                                     "Activity", "Title")),
        Column("date", "Datum", ("Zeitpunkt", "Termin", "Jahr", "Date", "When"), kind="date"),
        Column("status", "Status", ("Stand", "State")),
        Column("area", "Bereich", ("Handlungsfeld", "Themenfeld", "Area", "Field")),
        Column("participants", "Beteiligte", ("Partner", "Beteiligte Partner", "Teilnehmende",
                                              "Mitwirkende", "Participants"), kind="names"),
        Column("note", "Notiz", ("Notizen", "Bemerkung", "Beschreibung", "Description")),
    ),
    "programmes": (
        Column("name", "Programm", ("Name", "Förderprogramm", "Verbund", "Programme",
                                    "Program")),
        Column("since", "Seit", ("Beginn", "Start", "Von"), kind="year"),
        Column("until", "Bis", ("Ende", "End"), kind="year"),
        Column("participants", "Beteiligte", ("Mitglieder", "Partner", "Members",
                                              "Participants"), kind="names"),
        Column("note", "Notiz", ("Beschreibung", "Bemerkung", "Description")),
    ),
    "settings": (
        Column("key", "Einstellung", ("Schlüssel", "Key", "Setting", "Name")),
        Column("value", "Wert", ("Value", "Inhalt")),
        Column("note", "Notiz", ("Bemerkung", "Beschreibung", "Note")),
    ),
}

#: Spellings that yield to any other filled column of the same meaning: Kumu's and Gephi's
#: "Label" is a caption, written next to the column that says what a row is (NodeXL's
#: "Vertex", Kumu's relation "Type"), and often left empty.
WEAK_ALIASES: dict[str, dict[str, tuple[str, ...]]] = {
    "partners": {"name": ("Label",)},
    "relations": {"kind": ("Label",)},
}

#: Values that say whether a relation has a direction (Gephi's edge "Type", Kumu's
#: "Direction"), normalised: a column holding only these says how to draw, not what kind of
#: relation it is.
DIRECTION_WORDS: frozenset[str] = frozenset({
    "directed", "undirected", "mixed", "mutual", "gerichtet", "ungerichtet", "beidseitig",
    "wechselseitig",
})

#: Columns that hold personal data: kept out of exports unless asked for.
PERSONAL_COLUMNS: tuple[str, ...] = ("contact_internal", "contact_external", "email", "phone")

#: Headers (normalised) of a relations column that says whether a relation points from one
#: partner to the other: Kumu's "Direction", Onodo's "Directed", German spellings. Its cells
#: may be words of :data:`DIRECTION_WORDS` or yes/no (:data:`DIRECTION_YES_NO`).
DIRECTION_HEADERS: frozenset[str] = frozenset({
    "richtung", "gerichtet", "direction", "directed", "isdirected", "edgedirection",
})
#: What each of :data:`DIRECTION_WORDS` means: True for one way (from Von to Nach), False for
#: none. Kumu's "mutual" (both ways) and Gephi's "mixed" point no single way.
DIRECTION_VALUES: dict[str, bool] = {
    "directed": True, "gerichtet": True,
    "undirected": False, "ungerichtet": False, "mixed": False, "mutual": False,
    "beidseitig": False, "wechselseitig": False, "gegenseitig": False,
}
#: Yes/no cells (normalised) of a column with a direction header (Onodo writes true/false).
DIRECTION_YES_NO: dict[str, bool] = {
    "ja": True, "yes": True, "true": True, "wahr": True, "1": True, "x": True,
    "nein": False, "no": False, "false": False, "falsch": False, "0": False,
}

#: Settings keys (normalised) → meaning.
SETTING_ALIASES: dict[str, str] = {
    "eigeneorganisation": "own_organisation",
    "organisation": "own_organisation",
    "hub": "own_organisation",
    "ownorganisation": "own_organisation",
    "organization": "own_organisation",
    "quelle": "source",
    "source": "source",
    "datenstand": "data_date",
    "stand": "data_date",
    "titel": "title",
    "title": "title",
}

_NON_ALNUM = re.compile(r"[^0-9a-zäöüß]+")


_GENDER_SUFFIX = re.compile(r"[:*_/]-?in(nen)?\b")
_GENDER_BRACKETS = re.compile(r"\(in(nen)?\)")


def normalize_header(text: object) -> str:
    """Lower-case letters and digits only, gender forms removed: the key for matching."""
    return _header_key(str(text))


@functools.lru_cache(maxsize=4096)
def _header_key(text: str) -> str:
    # Cached: the same few values (types, reaches) come in every row of a big workbook.
    s = unicodedata.normalize("NFC", text).strip().casefold()
    # "Ansprechpartner:in", "Partner*innen", "Partner/-in", "Partner_in", "Partner(in)"
    s = _GENDER_SUFFIX.sub("", s)
    s = _GENDER_BRACKETS.sub("", s)
    return _NON_ALNUM.sub("", s)


def normalize_name(text: object) -> str:
    """Key for comparing partner names: case- and whitespace-insensitive."""
    return _name_key(str(text))


@functools.lru_cache(maxsize=65536)
def _name_key(text: str) -> str:
    # Cached: a relation names two partners, and each partner is named in many rows.
    return " ".join(unicodedata.normalize("NFC", text).split()).casefold()


def name_key(name: str) -> tuple[str, str]:
    """Sort key for names: alphabetical ignoring case, ties broken by the exact spelling.

    >>> sorted(["b", "Anna", "anna"], key=name_key)
    ['Anna', 'anna', 'b']
    """
    return normalize_name(name), name


def _alias_table(sheet: str) -> dict[str, str]:
    table: dict[str, str] = {}
    for col in COLUMNS[sheet]:
        for spelling in (col.header, col.key, *col.aliases):
            table.setdefault(normalize_header(spelling), col.key)
    return table


_ALIASES = {sheet: _alias_table(sheet) for sheet in COLUMNS}
_SHEET_ALIASES = {
    normalize_header(alias): key
    for key, (header, aliases) in SHEETS.items()
    for alias in (header, key, *aliases)
}


def canonical_column(sheet: str, header: object) -> str | None:
    """The key of a known column of ``sheet`` written as ``header``, or None."""
    return _ALIASES[sheet].get(normalize_header(header))


def is_weak_alias(sheet: str, key: str, header: object) -> bool:
    """Whether ``header`` is a spelling of ``key`` that yields to any other filled column.

    >>> is_weak_alias("relations", "kind", "label"), is_weak_alias("relations", "kind", "Type")
    (True, False)
    """
    spellings = WEAK_ALIASES.get(sheet, {}).get(key, ())
    return normalize_header(header) in {normalize_header(s) for s in spellings}


def alias_rank(sheet: str, key: str, header: object) -> int:
    """How specific ``header`` is for ``key``: 0 for the German header, then the aliases in
    their order above; weak aliases last. Used to choose between two filled columns, so the
    choice never depends on the columns' order.

    >>> alias_rank("relations", "source", "Von") < alias_rank("relations", "source", "Source")
    True
    """
    spelling = normalize_header(header)
    for col in COLUMNS[sheet]:
        if col.key == key:
            names = [normalize_header(s) for s in (col.header, col.key, *col.aliases)]
            rank = names.index(spelling) if spelling in names else len(names)
            return rank + (len(names) + 1 if is_weak_alias(sheet, key, header) else 0)
    return 0


def canonical_sheet(name: object) -> str | None:
    """The key of a known sheet named ``name``, or None."""
    return _SHEET_ALIASES.get(normalize_header(name))


def canonical_category(text: object) -> str | None:
    """The canonical category for one spelling, or None when unknown."""
    key = normalize_header(text)
    return CATEGORY_ALIASES.get(key)


def canonical_setting(text: object) -> str | None:
    """The key of a known setting, or None."""
    return SETTING_ALIASES.get(normalize_header(text))
