"""The stadtLABOR Partnernetz app (Streamlit). A thin layer: every figure comes from network_app.

Start: ``streamlit run streamlit_app.py``. It opens on the bundled stadtLABOR workbook; an
uploaded workbook replaces it. Caching lives here, keyed on the file's bytes.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import pandas as pd
import streamlit as st

import network_app as na

BUNDLED = Path(__file__).parent / "data" / "stadtlabor_soest.xlsx"
MAX_UPLOAD_MB = 50

TEXT = {
    "de": {
        "page_title": "Partnernetz",
        "language": "Sprache / Language",
        "upload": "Eigene Arbeitsmappe laden (xlsx, ods oder csv)",
        "upload_help": "Die Datei bleibt auf diesem Rechner. Ohne Datei wird das Beispiel des "
                       "stadtLABOR Soest gezeigt.",
        "template": "Leere Vorlage herunterladen",
        "showing_example": "Gezeigt wird das Beispiel: das Partnernetz des stadtLABOR Soest "
                           "(aus der Präsentation »Aktuelle Zukunftsprozesse in Soest«).",
        "showing_file": "Gezeigt wird: {name}",
        "unreadable": "Die Datei konnte nicht gelesen werden.",
        "has_errors": "{n} Fehler in der Arbeitsmappe: Diese Zeilen wurden nicht (ganz) "
                      "übernommen. Details im Reiter »Prüfbericht«.",
        "has_warnings": "{n} Hinweise zur Datenqualität – siehe Reiter »Prüfbericht«.",
        "no_problems": "Die Arbeitsmappe ist in Ordnung: keine Fehler, keine Hinweise.",
        "partners": "Partner", "activities": "Aktivitäten", "programmes": "Programme",
        "ties": "Verbindungen zwischen Partnern",
        "ties_help": "Paare von Partnern, die über eine Beziehung, eine gemeinsame Aktivität "
                     "oder ein gemeinsames Programm verbunden sind (ohne das stadtLABOR selbst).",
        "per_category": "Partner je Kategorie",
        "per_category_help": "Ein Partner kann in mehreren Kategorien zählen.",
        "tab_network": "Netzwerk", "tab_partners": "Partner", "tab_activities": "Aktivitäten",
        "tab_report": "Prüfbericht",
        "network_caption": "In der Mitte das {hub}; um es herum die Partner, nach Kategorie "
                           "gruppiert. Graue Linien: Partner des {hub}. Dunkle Linien: Partner "
                           "arbeiten miteinander (Beziehung, gemeinsame Aktivität oder "
                           "Programm). Mit der Maus zeigen Sie Details, mit dem Mausrad zoomen "
                           "Sie.",
        "report_intro": "Jedes Problem mit Blatt, Zeile (wie in Excel) und Spalte. Fehler: "
                        "nicht wie gemeint gelesen. Hinweis: gelesen, aber bitte prüfen.",
        "severity": {"error": "Fehler", "warning": "Hinweis"},
        "columns": {"severity": "Art", "sheet": "Blatt", "row": "Zeile", "column": "Spalte",
                    "message": "Was ist zu tun?", "name": "Name", "categories": "Kategorien",
                    "type": "Typ", "place": "Ort", "reach": "Reichweite", "since": "Seit",
                    "until": "Bis", "date": "Datum", "status": "Status", "area": "Bereich",
                    "participants": "Beteiligte"},
        "activity_areas": "Aktivitäten je Bereich",
        "no_category": "ohne Kategorie",
        "none": "keine",
        "nothing": "Keine Einträge.",
        "as_of": "Datenstand",
    },
    "en": {
        "page_title": "Partner network",
        "language": "Sprache / Language",
        "upload": "Load your own workbook (xlsx, ods or csv)",
        "upload_help": "The file stays on this computer. Without a file the stadtLABOR Soest "
                       "example is shown.",
        "template": "Download an empty template",
        "showing_example": "Showing the example: the partner network of stadtLABOR Soest "
                           "(from the presentation “Aktuelle Zukunftsprozesse in Soest”).",
        "showing_file": "Showing: {name}",
        "unreadable": "The file could not be read.",
        "has_errors": "{n} errors in the workbook: these rows were not (fully) taken over. "
                      "Details in the tab “Check report”.",
        "has_warnings": "{n} data-quality warnings – see the tab “Check report”.",
        "no_problems": "The workbook is fine: no errors, no warnings.",
        "partners": "Partners", "activities": "Activities", "programmes": "Programmes",
        "ties": "Ties between partners",
        "ties_help": "Pairs of partners linked by a relation, a shared activity or a shared "
                     "programme (not counting stadtLABOR itself).",
        "per_category": "Partners per category",
        "per_category_help": "A partner can count in several categories.",
        "tab_network": "Network", "tab_partners": "Partners", "tab_activities": "Activities",
        "tab_report": "Check report",
        "network_caption": "In the centre {hub}; around it the partners, grouped by category. "
                           "Grey lines: partners of {hub}. Dark lines: partners working "
                           "together (relation, shared activity or programme). Hover for "
                           "details, scroll to zoom.",
        "report_intro": "Every problem with sheet, row (as in Excel) and column. Error: not "
                        "read as meant. Warning: read, but please check.",
        "severity": {"error": "Error", "warning": "Warning"},
        "columns": {"severity": "Kind", "sheet": "Sheet", "row": "Row", "column": "Column",
                    "message": "What to do", "name": "Name", "categories": "Categories",
                    "type": "Type", "place": "Place", "reach": "Reach", "since": "Since",
                    "until": "Until", "date": "Date", "status": "Status", "area": "Area",
                    "participants": "Participants"},
        "activity_areas": "Activities per area",
        "no_category": "no category",
        "none": "none",
        "nothing": "No entries.",
        "as_of": "Data as of",
    },
}

_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$])")


def plain(text: object) -> str:
    """Workbook text shown through a Markdown element stays text (no links, no markup)."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", str(text))


@st.cache_data(show_spinner=False, max_entries=8)
def load(content: bytes, name: str) -> na.PartnerData:
    return na.load_workbook(content, filename=name, max_bytes=MAX_UPLOAD_MB * 1024 * 1024)


@st.cache_data(show_spinner=False, max_entries=8)
def picture(content_key: str, _data: na.PartnerData, lang: str) -> tuple[str, dict]:
    """The network page and key figures; recomputed only when the file or language changes."""
    graph = na.build_graph(_data)
    html = na.network_html(graph, na.ego_layout(graph), na.node_styles(graph),
                           title=_data.settings.get("title", ""),
                           caption=_caption(_data, lang), lang=lang, height=680)
    return html, na.key_figures(_data, graph)


@st.cache_data(show_spinner=False)
def template_bytes() -> bytes:
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        path = na.write_template(Path(folder) / "Partner-Vorlage.xlsx")
        return path.read_bytes()


def _caption(data: na.PartnerData, lang: str) -> str:
    date = data.settings.get("data_date")
    return f"{TEXT[lang]['as_of']}: {date}" if date else ""


def problems_table(problems: list[na.Problem], lang: str) -> pd.DataFrame:
    t = TEXT[lang]
    rows = [
        {
            t["columns"]["severity"]: t["severity"][p.severity],
            t["columns"]["sheet"]: p.sheet or "",
            t["columns"]["row"]: str(p.row) if p.row else "",
            t["columns"]["column"]: (f"{p.column} ({p.column_letter})" if p.column_letter
                                     else p.column or ""),
            t["columns"]["message"]: p.text(lang),
        }
        for p in sorted(problems, key=lambda p: (p.severity != "error", p.sheet or "",
                                                      p.row or 0))
    ]
    return pd.DataFrame(rows, columns=[t["columns"][k] for k in
                                       ("severity", "sheet", "row", "column", "message")])


#: Up to this many problems are shown as a static table that wraps the whole sentence.
FULL_TEXT_PROBLEMS = 150


def show_problems(problems: list[na.Problem], lang: str) -> None:
    """The problems as a table in which every sentence can be read in full."""
    table = problems_table(problems, lang)
    if len(table) <= FULL_TEXT_PROBLEMS:
        st.table(table, hide_index=True)
    else:
        message = TEXT[lang]["columns"]["message"]
        st.dataframe(table, hide_index=True, column_config={
            message: st.column_config.TextColumn(message, width="large")})


def partner_table(data: na.PartnerData, t: dict) -> pd.DataFrame:
    keys = ["name", "categories", "type", "place", "reach", "since", "until"]
    frame = data.partners[keys].copy()
    frame["categories"] = frame["categories"].map(", ".join)
    return frame.rename(columns=t["columns"])


def activity_table(data: na.PartnerData, t: dict) -> pd.DataFrame:
    keys = ["name", "date", "status", "area", "participants"]
    frame = data.activities[keys].copy()
    frame["participants"] = frame["participants"].map("; ".join)
    return frame.rename(columns=t["columns"])


def main() -> None:
    st.set_page_config(page_title="Partnernetz stadtLABOR", layout="wide")
    lang = "en" if st.sidebar.radio(TEXT["de"]["language"], ["Deutsch", "English"],
                                    horizontal=True) == "English" else "de"
    t = TEXT[lang]
    upload = st.sidebar.file_uploader(t["upload"], type=["xlsx", "xlsm", "xls", "ods", "csv"],
                                      help=t["upload_help"], max_upload_size=MAX_UPLOAD_MB,
                                      key="workbook")
    st.sidebar.download_button(t["template"], data=template_bytes(),
                               file_name="Partner-Vorlage.xlsx", on_click="ignore")

    if upload is not None:
        content, name = upload.getvalue(), upload.name
    else:
        content, name = BUNDLED.read_bytes(), BUNDLED.name
    st.title(t["page_title"])
    st.caption(t["showing_example"] if upload is None else t["showing_file"].format(
        name=plain(name)))
    try:
        data = load(content, name)
    except na.NetworkAppError as exc:
        st.error(f"{t['unreadable']} {exc.text(lang)}", icon="⚠️")
        return
    key = hashlib.sha256(content).hexdigest()
    html, figures = picture(key, data, lang)

    if data.errors:
        st.error(t["has_errors"].format(n=len(data.errors)), icon="⚠️")
        show_problems(data.errors, lang)
    elif data.warnings:
        st.warning(t["has_warnings"].format(n=len(data.warnings)))
    else:
        st.success(t["no_problems"])

    cols = st.columns(4)
    cols[0].metric(t["partners"], figures["partners"])
    cols[1].metric(t["ties"], figures["partner_ties"], help=t["ties_help"])
    cols[2].metric(t["activities"], figures["activities"])
    cols[3].metric(t["programmes"], figures["programmes"])
    st.subheader(t["per_category"], help=t["per_category_help"])
    category_cols = st.columns(max(1, len(figures["categories"])))
    for col, (category, count) in zip(category_cols, figures["categories"].items(),
                                      strict=False):
        col.metric(t["no_category"] if category == na.NO_CATEGORY else category, count)

    tabs = st.tabs([t["tab_network"], t["tab_partners"], t["tab_activities"], t["tab_report"]])
    with tabs[0]:
        st.caption(t["network_caption"].format(hub=plain(data.own_organisation)))
        st.iframe(html, height=700)
    with tabs[1]:
        st.dataframe(partner_table(data, t), hide_index=True)
    with tabs[2]:
        if figures["activities_by_area"]:
            st.caption(t["activity_areas"] + ": " + ", ".join(
                f"{plain(area)} {n}" for area, n in figures["activities_by_area"].items()))
        st.dataframe(activity_table(data, t), hide_index=True)
    with tabs[3]:
        st.caption(t["report_intro"])
        if data.problems:
            show_problems(data.problems, lang)
        else:
            st.write(t["nothing"])


main()
