"""Page "Daten": the workbook's tables with filters, the check report and likely duplicates."""

from __future__ import annotations

import pandas as pd
import streamlit as st

import network_app as na
from app_pages.common import current, display_table, graph_for, header, plain, show_problems
from network_app.drawing.reach import find_home, reach_partners, ring_name
from network_app.text import by_language, number, say

TEXT = by_language("app.daten")

PARTNER_KEYS = ["name", "categories", "type", "place", "reach", "since", "until", "website",
                "note", "row"]


def _joined(frame: pd.DataFrame, columns: tuple[str, ...]) -> pd.DataFrame:
    frame = frame.copy()
    for column in columns:
        if column in frame:
            frame[column] = frame[column].map(lambda v: ", ".join(v) if isinstance(v, list)
                                              else v)
    return frame


def _search(frame: pd.DataFrame, text: str) -> pd.DataFrame:
    if not text:
        return frame
    needle = text.casefold()
    hits = frame.astype(str).apply(lambda col: col.str.casefold().str.contains(needle,
                                                                            regex=False))
    return frame[hits.any(axis=1)]


def _show(frame: pd.DataFrame, total: int, words: dict, lang: str) -> None:
    st.caption(say("app.daten.shown", lang, shown=number(len(frame), lang), count=total))
    st.dataframe(display_table(frame.rename(columns=words["columns"]), lang, digits=6,
                               aligned=False),
                 hide_index=True, width="stretch")


def partners_tab(data: na.PartnerData, words: dict, lang: str) -> None:
    left, right = st.columns([2, 1])
    text = left.text_input(words["search"], key="data_search_partners")
    categories = right.multiselect(words["category"], list(na.CATEGORIES),
                                   key="data_categories", placeholder="")
    columns = PARTNER_KEYS[:-1] + list(data.extra_columns) + ["row"]
    frame = data.partners[columns]
    if categories:
        frame = frame[frame["categories"].map(lambda cats: any(c in cats for c in categories))]
    _show(_search(_joined(frame, ("categories",)), text), len(data.partners), words, lang)


def relation_columns(data: na.PartnerData) -> list[str]:
    """The relations' columns to show: every column of the sheet, the Excel row last. The
    weight only when it is not the strength itself (a file's own weights), the direction only
    when the file gives one."""
    relations = data.relations
    columns = ["source", "target", "kind"]
    weights = relations["weight"] if "weight" in relations else None
    if weights is not None and weights.notna().any() and not (
            weights.dropna() == relations["strength"][weights.notna()]).all():
        columns.append("weight")
    columns.append("strength")
    if "directed" in relations and relations["directed"].fillna(False).astype(bool).any():
        columns.append("directed")
    columns += ["since", "until", "note", *data.relation_extra_columns, "row"]
    return [c for c in columns if c in relations]


def activity_columns(data: na.PartnerData) -> list[str]:
    """The activities' columns to show: every column of the sheet, not the year the reader
    derives from the date for the year filter (it would repeat the date as a number)."""
    return [c for c in data.activities.columns if c != "year"]


def simple_tab(table: pd.DataFrame, key: str, words: dict, lang: str,
               lists: tuple[str, ...] = (), choices: tuple[str, ...] = ()) -> None:
    text = st.text_input(words["search"], key=f"data_search_{key}")
    frame = table
    if choices:
        columns = st.columns(len(choices))
        for column, choice in zip(columns, choices, strict=True):
            values = sorted({v for v in table[choice].dropna()})
            picked = column.multiselect(words[choice], values, key=f"data_{key}_{choice}",
                                        placeholder="")
            if picked:
                frame = frame[frame[choice].isin(picked)]
    _show(_search(_joined(frame, lists), text), len(table), words, lang)


def _cell(value: object, lang: str) -> str:
    """One value of a record as the reader's language writes it (lists comma-separated)."""
    if isinstance(value, list):
        return ", ".join(map(str, value))
    return number(value, lang, digits=6) if isinstance(value, float) else str(value)


def duplicates_tab(data: na.PartnerData, words: dict, lang: str) -> None:
    st.caption(words["duplicates_intro"])
    pairs = na.duplicate_pairs(data)
    if not pairs:
        st.write(words["no_duplicates"])
        return
    for first, second, _code in pairs:
        left, right = st.columns(2)
        for column, record in ((left, first), (right, second)):
            shown = {words["columns"].get(k, k): _cell(v, lang)
                     for k, v in record.items()
                     if v not in (None, "", []) and k != "category"}  # derived from Kategorien
            column.dataframe(pd.Series(shown, name=str(record.get("name", ""))),
                             width="stretch")
        st.divider()


def reach_notes(key: str, data: na.PartnerData, lang: str) -> None:
    """Partners whose column Reichweite and whose place point to different rings of the
    page "Reichweite" (which follows the column): a hint to check, not an error."""
    graph = graph_for(key, data)
    home = find_home(graph)
    odd = [p for p in reach_partners(graph, home) if p.disagrees and p.choice.by_coordinates]
    if not odd:
        return
    with st.container(key="daten_reach_notes"):
        st.markdown("**" + plain(say("app.daten.reach_title", lang, count=len(odd))) + "**")
        st.caption(TEXT[lang]["reach_intro"])
        for partner in odd:
            row = graph.nodes[partner.node].get("row")
            st.markdown("- " + plain(say(
                "app.daten.reach_line", lang, name=partner.name, row=row if row else "–",
                column=partner.column or "", place=partner.place or "–",
                ring=ring_name(partner.choice.by_coordinates or "", home, lang),
                shown=ring_name(partner.ring or "", home, lang))))


def page() -> None:
    cur = current()
    words = TEXT[cur.lang]
    if not header(words["title"], cur):
        return
    data = cur.data
    tabs = st.tabs(words["tabs"])
    lang = cur.lang
    with tabs[0]:
        partners_tab(data, words, lang)
    with tabs[1]:
        simple_tab(data.relations[relation_columns(data)], "relations", words, lang)
    with tabs[2]:
        simple_tab(data.activities[activity_columns(data)], "activities", words, lang,
                   ("participants",), ("area", "status"))
    with tabs[3]:
        simple_tab(data.programmes, "programmes", words, lang, ("participants",))
    with tabs[4]:
        st.caption(words["report_intro"])
        if data.problems:
            show_problems(data.problems, cur.lang)
        else:
            st.write(words["no_problems"])
        reach_notes(cur.key, data, lang)
    with tabs[5]:
        duplicates_tab(data, words, lang)


page()
