"""Page "Netzwerk": the network picture, key figures, the tables and the check report."""

from __future__ import annotations

import pandas as pd
import streamlit as st

import network_app as na
from app_pages.common import category_label, current, graph_for, header, plain, show_problems

TEXT = {
    "de": {
        "title": "Partnernetz",
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
        "columns": {"name": "Name", "categories": "Kategorien", "type": "Typ", "place": "Ort",
                    "reach": "Reichweite", "since": "Seit", "until": "Bis", "date": "Datum",
                    "status": "Status", "area": "Bereich", "participants": "Beteiligte"},
        "activity_areas": "Aktivitäten je Bereich",
        "nothing": "Keine Einträge.",
    },
    "en": {
        "title": "Partner network",
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
        "columns": {"name": "Name", "categories": "Categories", "type": "Type", "place": "Place",
                    "reach": "Reach", "since": "Since", "until": "Until", "date": "Date",
                    "status": "Status", "area": "Area", "participants": "Participants"},
        "activity_areas": "Activities per area",
        "nothing": "No entries.",
    },
}


@st.cache_data(show_spinner=False, max_entries=8)
def picture(key: str, _data: na.PartnerData, lang: str) -> tuple[str, dict]:
    """The network page and key figures; recomputed only when the file or language changes."""
    graph = graph_for(key, _data)
    date = _data.settings.get("data_date")
    caption = f"{'Datenstand' if lang == 'de' else 'Data as of'}: {date}" if date else ""
    html = na.network_html(graph, na.ego_layout(graph), na.node_styles(graph),
                           title=_data.settings.get("title", ""), caption=caption, lang=lang,
                           height=680)
    return html, na.key_figures(_data, graph)


def partner_table(data: na.PartnerData, words: dict) -> pd.DataFrame:
    keys = ["name", "categories", "type", "place", "reach", "since", "until"]
    frame = data.partners[keys].copy()
    frame["categories"] = frame["categories"].map(", ".join)
    return frame.rename(columns=words["columns"])


def activity_table(data: na.PartnerData, words: dict) -> pd.DataFrame:
    keys = ["name", "date", "status", "area", "participants"]
    frame = data.activities[keys].copy()
    frame["participants"] = frame["participants"].map("; ".join)
    return frame.rename(columns=words["columns"])


def page() -> None:
    cur = current()
    words = TEXT[cur.lang]
    if not header(words["title"], cur):
        return
    data = cur.data
    html, figures = picture(cur.key, data, cur.lang)

    if data.errors:
        st.error(words["has_errors"].format(n=len(data.errors)), icon="⚠️")
        show_problems(data.errors, cur.lang)
    elif data.warnings:
        st.warning(words["has_warnings"].format(n=len(data.warnings)))
    else:
        st.success(words["no_problems"])

    cols = st.columns(4)
    cols[0].metric(words["partners"], figures["partners"])
    cols[1].metric(words["ties"], figures["partner_ties"], help=words["ties_help"])
    cols[2].metric(words["activities"], figures["activities"])
    cols[3].metric(words["programmes"], figures["programmes"])
    st.subheader(words["per_category"], help=words["per_category_help"])
    category_cols = st.columns(max(1, len(figures["categories"])))
    for col, (category, count) in zip(category_cols, figures["categories"].items(),
                                      strict=False):
        col.metric(category_label(category, cur.lang), count)

    tabs = st.tabs([words["tab_network"], words["tab_partners"], words["tab_activities"],
                    words["tab_report"]])
    with tabs[0]:
        st.caption(words["network_caption"].format(hub=plain(data.own_organisation)))
        st.iframe(html, height=700)
    with tabs[1]:
        st.dataframe(partner_table(data, words), hide_index=True)
    with tabs[2]:
        if figures["activities_by_area"]:
            st.caption(words["activity_areas"] + ": " + ", ".join(
                f"{plain(area)} {n}" for area, n in figures["activities_by_area"].items()))
        st.dataframe(activity_table(data, words), hide_index=True)
    with tabs[3]:
        st.caption(words["report_intro"])
        if data.problems:
            show_problems(data.problems, cur.lang)
        else:
            st.write(words["nothing"])


page()
