"""Every word a user reads about a problem, in German (first) and English.

The rest of the code speaks in stable codes with parameters; :func:`text` is the one function that
turns a code into a sentence. Tests assert on codes, not on this prose.

>>> text("missing_name", sheet="Partner", row=4)
'Zeile 4 hat keinen Namen. Bitte einen Namen eintragen oder die Zeile löschen.'
"""

from __future__ import annotations

__all__ = ["MESSAGES", "text"]

MESSAGES: dict[str, dict[str, str]] = {
    # --- the file as a whole (raised as UnreadableFileError, exit status 2) ---
    "file_not_found": {
        "de": "Die Datei »{path}« wurde nicht gefunden. Bitte Pfad und Dateinamen prüfen.",
        "en": "The file “{path}” was not found. Please check the path and file name.",
    },
    "not_a_file": {
        "de": "»{path}« ist keine Datei (vielleicht ein Ordner). Bitte eine Arbeitsmappe wählen.",
        "en": "“{path}” is not a file (perhaps a folder). Please choose a workbook.",
    },
    "empty_file": {
        "de": "Die Datei »{path}« ist leer (0 Byte). Bitte die Datei erneut speichern.",
        "en": "The file “{path}” is empty (0 bytes). Please save the file again.",
    },
    "too_large": {
        "de": "Die Datei ist {size_mb} MB groß; erlaubt sind höchstens {limit_mb} MB. "
              "Bitte nicht benötigte Blätter oder Bilder entfernen.",
        "en": "The file is {size_mb} MB; at most {limit_mb} MB are allowed. "
              "Please remove sheets or pictures that are not needed.",
    },
    "unsupported_format": {
        "de": "Das Dateiformat »{extension}« wird nicht unterstützt. Bitte als Excel-Arbeitsmappe "
              "(.xlsx), OpenDocument (.ods) oder CSV speichern.",
        "en": "The file format “{extension}” is not supported. Please save as an Excel "
              "workbook (.xlsx), OpenDocument (.ods) or CSV.",
    },
    "wrong_content": {
        "de": "Die Datei endet auf ».{extension}«, ist aber {found}. Bitte die Datei in Excel oder "
              "LibreOffice öffnen und als .xlsx speichern.",
        "en": "The file ends in “.{extension}” but is {found}. Please open it in Excel or "
              "LibreOffice and save it as .xlsx.",
    },
    "encrypted": {
        "de": "Die Arbeitsmappe ist passwortgeschützt – bitte ohne Kennwort speichern "
              "(Excel: Datei › Informationen › Arbeitsmappe schützen › Kennwort entfernen).",
        "en": "The workbook is password-protected – please save it without a password.",
    },
    "zip_bomb": {
        "de": "Die Datei würde entpackt {unpacked_mb} MB belegen (Verhältnis {ratio}:1) und wird "
              "aus Sicherheitsgründen nicht geöffnet. Bitte die Daten in eine neue Arbeitsmappe "
              "kopieren und diese hochladen.",
        "en": "Unpacked, the file would take {unpacked_mb} MB (ratio {ratio}:1); for safety it "
              "is not opened. Please copy the data into a new workbook and use that.",
    },
    "too_many_members": {
        "de": "Die Datei besteht aus mehr als {limit} Teilen – so viele hat keine Arbeitsmappe. "
              "Sie wird aus Sicherheitsgründen nicht geöffnet. Bitte die Daten in eine neue "
              "Arbeitsmappe kopieren.",
        "en": "The file consists of more than {limit} parts – no workbook has that many. For "
              "safety it is not opened. Please copy the data into a new workbook.",
    },
    "corrupt_archive": {
        "de": "Die Datei ist beschädigt oder unvollständig (z. B. abgebrochener Download). "
              "Bitte die Datei erneut speichern oder herunterladen.",
        "en": "The file is damaged or incomplete (e.g. an interrupted download). "
              "Please save or download it again.",
    },
    "unsafe_xml": {
        "de": "Die Datei enthält XML-Konstrukte, die ein Sicherheitsrisiko sind (z. B. "
              "Entity-Definitionen), und wird nicht geöffnet. Bitte die Daten in eine neue "
              "Arbeitsmappe kopieren.",
        "en": "The file contains XML constructs that are a security risk (e.g. entity "
              "definitions) and is not opened. Please copy the data into a new workbook.",
    },
    "unreadable": {
        "de": "Die Datei konnte nicht gelesen werden ({detail}). Bitte in Excel oder LibreOffice "
              "öffnen und als .xlsx speichern.",
        "en": "The file could not be read ({detail}). Please open it in Excel or LibreOffice "
              "and save it as .xlsx.",
    },
    "csv_encoding": {
        "de": "Die CSV-Datei hat eine unbekannte Zeichenkodierung. Bitte als »CSV UTF-8« "
              "speichern.",
        "en": "The CSV file has an unknown character encoding. Please save it as “CSV UTF-8”.",
    },
    "too_many_cells": {
        "de": "Das Blatt »{sheet}« hat mehr als {limit} gefüllte Zeilen. Bitte nur die "
              "Partnerdaten in die Arbeitsmappe aufnehmen.",
        "en": "The sheet “{sheet}” has more than {limit} filled rows. Please keep only the "
              "partner data in the workbook.",
    },
    "too_large_area": {
        "de": "Im Blatt »{sheet}« reichen gefüllte Zellen bis {last_cell}; das sind mehr als "
              "{limit_millions} Millionen Zellen und zu viel zum Einlesen. Bitte nur die "
              "Partnerdaten in der Arbeitsmappe behalten und weit entfernte Zellen löschen.",
        "en": "Filled cells in the sheet “{sheet}” reach {last_cell}; that is more than "
              "{limit_millions} million cells, too many to read. Please keep only the partner "
              "data in the workbook and delete far-away cells.",
    },
    # --- problems in the data (collected as Problem values) ---
    "no_partner_sheet": {
        "de": "Kein Blatt mit Partnern gefunden. Bitte ein Blatt »Partner« mit einer Spalte "
              "»Name« anlegen (Vorlage: network-app template).",
        "en": "No sheet with partners found. Please add a sheet “Partner” with a column “Name” "
              "(template: network-app template).",
    },
    "no_header": {
        "de": "Im Blatt »{sheet}« wurde keine Kopfzeile mit der Spalte »{expected}« gefunden. "
              "Bitte die Spaltenüberschrift »{expected}« eintragen.",
        "en": "No header row with the column “{expected}” was found in sheet “{sheet}”. "
              "Please add the column heading “{expected}”.",
    },
    "no_partners": {
        "de": "Das Blatt »{sheet}« enthält keine Partner. Bitte unter der Kopfzeile Partner "
              "eintragen.",
        "en": "The sheet “{sheet}” contains no partners. Please add partners below the header.",
    },
    "hidden_sheet": {
        "de": "Das Blatt »{sheet}« ist ausgeblendet und wurde nicht gelesen. Zum Einlesen bitte "
              "einblenden.",
        "en": "The sheet “{sheet}” is hidden and was not read. Unhide it to include it.",
    },
    "duplicate_column": {
        "de": "Die Spalte »{column}« bedeutet dasselbe wie »{first}« (Spalte {first_letter}); "
              "gelesen wird nur »{first}«. Bitte eine der beiden Spalten umbenennen.",
        "en": "The column “{column}” means the same as “{first}” (column {first_letter}); only "
              "“{first}” is read. Please rename one of them.",
    },
    "missing_name": {
        "de": "Zeile {row} hat keinen Namen. Bitte einen Namen eintragen oder die Zeile löschen.",
        "en": "Row {row} has no name. Please enter a name or delete the row.",
    },
    "missing_category": {
        "de": "»{name}« hat keine Kategorie. Bitte Austausch, Kooperation, Netzwerk oder "
              "Forschung eintragen.",
        "en": "“{name}” has no category. Please enter Austausch, Kooperation, Netzwerk or "
              "Forschung.",
    },
    "unknown_category": {
        "de": "Unbekannte Kategorie »{value}«{suggestion_de}. Erlaubt sind Austausch, "
              "Kooperation, Netzwerk und Forschung.",
        "en": "Unknown category “{value}”{suggestion_en}. Allowed are Austausch, Kooperation, "
              "Netzwerk and Forschung.",
    },
    "duplicate_name": {
        "de": "»{value}« steht schon in Zeile {first_row}. Bitte die beiden Zeilen "
              "zusammenführen; gelesen wird nur die erste.",
        "en": "“{value}” already appears in row {first_row}. Please merge the two rows; only "
              "the first is read.",
    },
    "similar_name": {
        "de": "»{value}« ähnelt »{other}« (Zeile {other_row}). Ist das derselbe Partner? Dann "
              "bitte einheitlich schreiben.",
        "en": "“{value}” resembles “{other}” (row {other_row}). Is it the same partner? Then "
              "please spell it the same way.",
    },
    "unknown_partner": {
        "de": "»{value}« steht nicht im Blatt »{partner_sheet}«{suggestion_de}. Bitte den "
              "Namen genau wie dort schreiben oder den Partner ergänzen.",
        "en": "“{value}” is not on the sheet “{partner_sheet}”{suggestion_en}. Please spell "
              "the name exactly as there or add the partner.",
    },
    "self_relation": {
        "de": "»{value}« ist mit sich selbst verbunden. Bitte bei »Von« und »Nach« zwei "
              "verschiedene Partner eintragen.",
        "en": "“{value}” is related to itself. Please enter two different partners.",
    },
    "hub_in_relation": {
        "de": "»{value}« ist die eigene Organisation: Mit ihr ist jeder Partner schon über seine "
              "Kategorie verbunden. Die Zeile wird übergangen; bitte löschen oder zwei Partner "
              "eintragen.",
        "en": "“{value}” is the own organisation: every partner is tied to it through its "
              "category already. The row is skipped; please delete it or enter two partners.",
    },
    "missing_endpoint": {
        "de": "In Zeile {row} fehlt »{expected}«. Bitte beide Partner der Beziehung eintragen.",
        "en": "Row {row} lacks “{expected}”. Please enter both partners of the relation.",
    },
    "duplicate_relation": {
        "de": "Die Beziehung »{value}« steht schon in Zeile {first_row}; sie wird einmal "
              "gezählt.",
        "en": "The relation “{value}” already appears in row {first_row}; it is counted once.",
    },
    "missing_title": {
        "de": "Zeile {row} hat keinen Titel. Bitte einen Namen für {what_de} eintragen.",
        "en": "Row {row} has no title. Please enter a name for {what_en}.",
    },
    "bad_year": {
        "de": "»{value}« ist keine Jahreszahl. Bitte ein Jahr wie 2019 eintragen.",
        "en": "“{value}” is not a year. Please enter a year such as 2019.",
    },
    "year_out_of_range": {
        "de": "Das Jahr {year} ist unmöglich (erlaubt {low}–{high}). Bitte das Jahr prüfen.",
        "en": "The year {year} is impossible (allowed {low}–{high}). Please check the year.",
    },
    "until_before_since": {
        "de": "»Bis« ({until}) liegt vor »Seit« ({since}). Bitte die Jahre prüfen.",
        "en": "“Bis” ({until}) is before “Seit” ({since}). Please check the years.",
    },
    "bad_date": {
        "de": "»{value}« ist kein Datum. Bitte ein Datum wie 12.08.2022 oder ein Jahr eintragen.",
        "en": "“{value}” is not a date. Please enter a date such as 12.08.2022 or a year.",
    },
    "bad_strength": {
        "de": "Die Stärke »{value}« ist keine Zahl von 1 bis 5; es wird 1 angenommen.",
        "en": "The strength “{value}” is not a number from 1 to 5; 1 is assumed.",
    },
    "bad_number": {
        "de": "»{value}« ist keine Zahl. Bitte eine Dezimalzahl wie 51.57 eintragen.",
        "en": "“{value}” is not a number. Please enter a decimal number such as 51.57.",
    },
    "unknown_value": {
        "de": "»{value}« ist kein üblicher Wert für »{column}«{suggestion_de}. Üblich sind: "
              "{allowed}.",
        "en": "“{value}” is not a usual value for “{column}”{suggestion_en}. Usual values: "
              "{allowed}.",
    },
    "huge_cell": {
        "de": "Die Zelle enthält {length} Zeichen und wurde auf {limit} Zeichen gekürzt. Bitte "
              "lange Texte kürzen.",
        "en": "The cell holds {length} characters and was cut to {limit}. Please shorten it.",
    },
    "formula_without_value": {
        "de": "Die Zelle enthält eine Formel ohne gespeichertes Ergebnis und wurde als leer "
              "gelesen. Bitte die Datei in Excel öffnen und speichern oder den Wert eintragen.",
        "en": "The cell holds a formula with no saved result and was read as empty. Please "
              "open and save the file in Excel or enter the value.",
    },
    "stray_cell": {
        "de": "Die Zelle {column_letter}{row} liegt weit außerhalb der Tabelle (»{value}«) und "
              "wurde nicht gelesen. Bitte die Zelle löschen, falls sie versehentlich gefüllt "
              "wurde.",
        "en": "The cell {column_letter}{row} lies far outside the table (“{value}”) and was "
              "not read. Please delete it if it was filled by mistake.",
    },
    "unknown_setting": {
        "de": "Die Einstellung »{value}« ist unbekannt und wird ignoriert. Bekannt sind: "
              "Eigene Organisation, Titel, Quelle, Datenstand.",
        "en": "The setting “{value}” is unknown and ignored. Known: Eigene Organisation, "
              "Titel, Quelle, Datenstand.",
    },
    "hub_is_partner": {
        "de": "»{value}« ist die eigene Organisation und kein Partner; die Zeile wird "
              "übergangen. Bitte die Zeile löschen.",
        "en": "“{value}” is the own organisation, not a partner; the row is skipped.",
    },
}


def text(code: str, lang: str = "de", **params: object) -> str:
    """The sentence for ``code`` in ``lang`` ("de" or "en"), filled with ``params``."""
    entry = MESSAGES.get(code)
    if entry is None:
        return code
    template = entry.get(lang) or entry["de"]
    values = _Defaulting(params)
    suggestion = params.get("suggestion")
    values["suggestion_de"] = f" (meinten Sie »{suggestion}«?)" if suggestion else ""
    values["suggestion_en"] = f" (did you mean “{suggestion}”?)" if suggestion else ""
    return template.format_map(values)


class _Defaulting(dict):
    """Formatting never fails on a missing parameter: it shows a dash instead."""

    def __missing__(self, key: str) -> str:
        return "–"
