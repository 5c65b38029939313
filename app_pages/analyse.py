"""Page "Analyse": who holds the network together, which groups exist, what breaks, who fits.

Every number comes from network_app; this page chooses, explains and caches. All measures are
computed on the ties between partners: the own organisation is left out because every partner is
tied to it, which would make every partner look alike.
"""

from __future__ import annotations

import altair as alt
import pandas as pd
import streamlit as st

import network_app as na
from app_pages.common import (
    current,
    graph_for,
    groups_for,
    header,
    measures_for,
    plain,
    positions_for,
)
from network_app.text import by_language

TEXT = by_language("app.analyse")

SUMMARY_KEYS = ("density", "components", "diameter", "average_path_length")


@st.cache_data(show_spinner=False, max_entries=8)
def brokers(key: str, _data: na.PartnerData):
    layer = na.partner_layer(graph_for(key, _data))
    return (na.cut_points(layer), na.bridges(layer), na.category_mixing(layer),
            na.multi_category_partners(layer))


@st.cache_data(show_spinner=False, max_entries=8)
def suggestions(key: str, _data: na.PartnerData, lang: str) -> pd.DataFrame:
    words = TEXT[lang]
    found = na.introductions(graph_for(key, _data), _data, top=30)
    return pd.DataFrame([(s.a, s.b, s.reason(lang)) for s in found],
                        columns=[words["pair_a"], words["pair_b"], words["reason"]])


@st.cache_data(show_spinner=False, max_entries=16)
def year_pictures(key: str, _data: na.PartnerData, year_a: int, year_b: int, lang: str
                  ) -> tuple[str, str]:
    """Both years drawn with the positions of the whole network, so partners stay in place."""
    positions = positions_for(key, _data)
    pages = []
    for year in (year_a, year_b):
        graph = na.graph_as_of(_data, year)
        pages.append(na.network_html(graph, positions, na.node_styles(graph),
                                     caption=TEXT[lang]["as_of"].format(year=year),
                                     lang=lang, height=480))
    return pages[0], pages[1]


def label(key: str, lang: str) -> str:
    return na.METRIC_TEXT[key][lang][0]


def explanation(key: str, lang: str) -> str:
    return na.METRIC_TEXT[key][lang][1]


def lines(sentences: list[str]) -> None:
    for sentence in sentences:
        st.markdown(plain(sentence))


def measures_tab(cur, words: dict) -> None:
    metrics, summary = measures_for(cur.key, cur.data)
    lang = cur.lang
    cols = st.columns(2 + len(SUMMARY_KEYS))
    cols[0].metric(words["nodes"], summary["nodes"], help=words["nodes_help"])
    cols[1].metric(words["edges"], summary["edges"], help=words["edges_help"])
    for col, key in zip(cols[2:], SUMMARY_KEYS, strict=True):
        value = summary[key]
        shown = "–" if value is None else (f"{value:.2f}".replace(".", ",") if lang == "de"
                                           and isinstance(value, float) else
                                           f"{value:.2f}" if isinstance(value, float) else value)
        col.metric(label(key, lang), shown, help=explanation(key, lang))
    if metrics.attrs.get("betweenness_sample"):
        st.caption(words["sampled"].format(k=metrics.attrs["betweenness_sample"]))
    choices = [c for c in na.METRIC_COLUMNS if c != "articulation"]
    measure = st.selectbox(words["measure"], choices, format_func=lambda k: label(k, lang),
                           key="measure")
    st.caption(explanation(measure, lang))
    top = metrics[measure].dropna().sort_values(ascending=False, kind="stable").head(15)
    chart = pd.DataFrame({words["name"]: top.index, label(measure, lang): top.to_numpy()})
    st.altair_chart(
        alt.Chart(chart, title=words["top"]).mark_bar(color="#0072B2").encode(
            x=alt.X(label(measure, lang), type="quantitative"),
            y=alt.Y(words["name"], type="nominal", sort="-x", title=None),
            tooltip=[words["name"], label(measure, lang)],
        ),
        width="stretch",
    )
    st.subheader(words["all_partners"])
    table = metrics.copy()
    table.insert(0, words["categories"], [", ".join(cur.data.partners.set_index("name")
                                                     .at[n, "categories"]) for n in table.index])
    table = table.rename(columns={c: label(c, lang) for c in na.METRIC_COLUMNS})
    table.index.name = words["name"]
    decimals = {label(c, lang): st.column_config.NumberColumn(format="%.3f")
                for c in na.METRIC_COLUMNS if metrics[c].dtype.kind == "f"}
    st.dataframe(table.sort_values(label(measure, lang), ascending=False), width="stretch",
                 column_config=decimals)


def groups_tab(cur, words: dict) -> None:
    lang = cur.lang
    resolution = st.slider(words["resolution"], 0.3, 3.0, 1.0, 0.1,
                           help=words["resolution_help"], key="resolution")
    found = groups_for(cur.key, cur.data, resolution)
    modularity = "–" if found.modularity != found.modularity else (
        f"{found.modularity:.2f}".replace(".", ",") if lang == "de" else f"{found.modularity:.2f}")
    st.metric(label("modularity", lang), modularity, help=explanation("modularity", lang))
    st.caption(explanation("community", lang))
    rows = [(number, found.names[number], found.sizes[number],
             ", ".join(found.members(number)))
            for number in sorted(found.sizes) if found.sizes[number] > 1]
    if rows:  # a static table: member lists wrap instead of being cut off
        st.table(pd.DataFrame(rows, columns=[words["group"], words["group_name"],
                                             words["size"], words["members"]]),
                 hide_index=True)
    alone = [found.members(n)[0] for n in sorted(found.sizes) if found.sizes[n] == 1]
    if alone:
        st.caption(words["alone"].format(n=len(alone)))
        st.markdown(plain(", ".join(alone)))


def bridges_tab(cur, words: dict) -> None:
    cut, ties, mixing, multi = brokers(cur.key, cur.data)
    st.subheader(words["cut_points"], help=explanation("articulation", cur.lang))
    st.markdown(plain(", ".join(cut)) if cut else words["cut_points_none"])
    st.subheader(words["bridges"])
    st.markdown(plain("; ".join(f"{a} – {b}" for a, b in ties)) if ties
                else words["bridges_none"])
    st.subheader(words["mixing"], help=words["mixing_help"])
    matrix = mixing.matrix
    if not matrix.empty:
        long = matrix.rename_axis(index="A", columns="B").stack().reset_index(name="n")
        order = list(matrix.index)
        base = alt.Chart(long).encode(x=alt.X("B:N", title=None, sort=order,
                                              axis=alt.Axis(labelAngle=0, orient="top")),
                                      y=alt.Y("A:N", title=None, sort=order))
        st.altair_chart(
            base.mark_rect().encode(color=alt.Color("n:Q", scale=alt.Scale(scheme="blues"),
                                                    legend=None))
            + base.mark_text(fontSize=16).encode(
                text="n:Q",
                color=alt.condition(alt.datum.n > long["n"].max() / 2, alt.value("white"),
                                    alt.value("black"))),
            width="stretch",
        )
        pairs = [pair for pair, carriers in mixing.carriers.items() if carriers]
        if pairs:
            pair = st.selectbox(words["carriers"], pairs, format_func=" – ".join,
                                key="mixing_pair")
            st.markdown(plain(", ".join(mixing.carriers[pair])))
    if multi:
        st.subheader(words["multi"])
        st.dataframe(pd.DataFrame([(n, ", ".join(c)) for n, c in multi],
                                  columns=[words["name"], words["categories"]]),
                     hide_index=True)


def whatif_tab(cur, words: dict) -> None:
    data, lang = cur.data, cur.lang
    layer = na.partner_layer(graph_for(cur.key, data))
    people = sorted(na.internal_contacts(data), key=str.casefold)
    mode = st.radio(words["whatif_mode"], [words["whatif_partner"], words["whatif_person"]],
                    horizontal=True, key="whatif_mode")
    if mode == words["whatif_partner"]:
        names = sorted(layer.nodes, key=str.casefold)
        chosen = st.multiselect(words["whatif_pick_partners"], names, key="whatif_partners",
                                placeholder=words["choose"])
        if chosen:
            lines(na.whatif_sentences(na.remove_partners(layer, chosen), lang))
    elif people:
        person = st.selectbox(words["whatif_pick_person"], people, key="whatif_person")
        lines(na.whatif_sentences(na.remove_contact(data, layer, person), lang))
    else:
        st.info(words["whatif_no_people"])
    st.subheader(words["single_contact"])
    single = na.single_contact_partnerships(data)
    if single:
        st.dataframe(pd.DataFrame(single, columns=[words["name"], words["person"]]),
                     hide_index=True)
    else:
        st.write(words["single_contact_none"])
    st.caption(words["without_contact"].format(n=len(na.partners_without_contact(data))))


def suggestions_tab(cur, words: dict) -> None:
    st.caption(words["suggest_intro"])
    table = suggestions(cur.key, cur.data, cur.lang)
    if table.empty:
        st.write(words["no_suggestions"])
    else:
        st.table(table, hide_index=True)  # reasons are sentences: wrap, don't cut


def timeline_tab(cur, words: dict) -> None:
    data, lang = cur.data, cur.lang
    years = list(na.year_range(data))
    if not years:
        st.info(words["no_years"])
        return
    per_year = na.partners_per_year(data)
    st.subheader(words["per_year"])
    chart = per_year.copy()
    chart.index = chart.index.astype(str)  # years, not amounts: no thousands separator
    colors = [na.CATEGORY_COLORS.get(c, "#8C8C8C") for c in chart.columns]
    st.line_chart(chart.rename_axis(words["year"]), x_label=words["year"], color=colors)
    undated = na.undated_partners(data)
    if undated:
        st.caption(words["undated"].format(n=undated))
    col_a, col_b = st.columns(2)
    year_a = col_a.selectbox(words["year_a"], years, index=0, key="year_a")
    year_b = col_b.selectbox(words["year_b"], years, index=len(years) - 1, key="year_b")
    lines(na.compare_years(data, year_a, year_b).sentences(lang))
    page_a, page_b = year_pictures(cur.key, data, year_a, year_b, lang)
    left, right = st.columns(2)
    with left:
        st.iframe(page_a, height=500)
    with right:
        st.iframe(page_b, height=500)


def page() -> None:
    cur = current()
    words = TEXT[cur.lang]
    if not header(words["title"], cur):
        return
    st.info(words["hub_note"].format(hub=plain(cur.data.own_organisation)))
    tabs = st.tabs(words["tabs"])
    for tab, show in zip(tabs, (measures_tab, groups_tab, bridges_tab, whatif_tab,
                                suggestions_tab, timeline_tab), strict=True):
        with tab:
            show(cur, words)


page()
