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
    category_label,
    current,
    figure,
    graph_for,
    groups_for,
    header,
    localized,
    measures_for,
    number_table,
    plain,
    positions_for,
    static_table,
)
from network_app.text import by_language, fixed, join_list, number, say

TEXT = by_language("app.analyse")

SUMMARY_KEYS = ("density", "components", "diameter", "average_path_length")
#: Measure → why all its values are 0 (catalog "ranking_zero_…"); others: "ranking_zero_other".
FLAT_REASONS = {"betweenness": "betweenness", "clustering": "clustering",
                **dict.fromkeys(("degree", "weighted_degree", "core", "reach2", "closeness",
                                 "eigenvector"), "ties")}
#: Axis labels up to this many pixels: long partner names are shown whole, not cut with "…".
NAME_LIMIT = 480


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
    cols[0].metric(words["nodes"], figure(summary["nodes"], lang), help=words["nodes_help"])
    cols[1].metric(words["edges"], figure(summary["edges"], lang), help=words["edges_help"])
    for col, key in zip(cols[2:], SUMMARY_KEYS, strict=True):
        col.metric(label(key, lang), figure(summary[key], lang), help=explanation(key, lang))
    pieces = na.components_sentence(  # only the workbook's name is escaped for Markdown
        summary, lang, hub=plain(cur.data.own_organisation) if cur.data.has_hub else "")
    if pieces is not None:  # "44 getrennte Teile, größter Abstand 1" needs words
        st.info(pieces)
    if metrics.attrs.get("betweenness_sample"):
        st.caption(say("app.analyse.sampled", lang,
                       k=number(metrics.attrs["betweenness_sample"], lang)))
    direction = na.direction_note(graph_for(cur.key, cur.data), lang)
    if direction is not None:  # the file gives directions; the measures count without
        st.caption(plain(f"{direction[0]}: {direction[1]}"))
    choices = [c for c in na.METRIC_COLUMNS if c != "articulation"]
    measure = st.selectbox(words["measure"], choices, format_func=lambda k: label(k, lang),
                           key="measure")
    st.caption(explanation(measure, lang))
    flat = flat_ranking(metrics[measure], measure, lang)
    if flat is not None:  # an empty chart with "0.000000" axes would say nothing
        st.info(flat)
    else:
        st.altair_chart(ranking_chart(metrics[measure], measure, words, lang), width="stretch")
    st.subheader(words["all_partners"])
    table = metrics.sort_values(measure, ascending=False, kind="stable")
    table.insert(0, "categories", [", ".join(cur.data.partners.set_index("name")
                                             .at[n, "categories"]) for n in table.index])
    table = table.rename(columns={"categories": words["categories"],
                                  **{c: label(c, lang) for c in na.METRIC_COLUMNS}})
    table.index.name = words["name"]
    st.dataframe(number_table(table, lang), width="stretch")


def flat_ranking(values: pd.Series, measure: str, lang: str) -> str | None:
    """Why there is no ranking by ``measure``: no partner has a value, or every value is 0.
    None when there is a ranking to draw."""
    known = values.dropna()
    if known.empty:
        return say("app.analyse.ranking_none", lang, measure=label(measure, lang))
    if (known == 0).all():
        reason = FLAT_REASONS.get(measure, "other")
        return say(f"app.analyse.ranking_zero_{reason}", lang, measure=label(measure, lang))
    return None


def ranking_chart(values: pd.Series, measure: str, words: dict, lang: str) -> alt.Chart:
    """The 15 partners with the highest values as bars, the whole name on the axis."""
    top = values.dropna().sort_values(ascending=False, kind="stable").head(15)
    # Field names are codes; what the reader sees are the titles (in the chart's locale).
    chart = pd.DataFrame({"name": top.index, "value": top.to_numpy()})
    counts = values.dtype.kind in "iu"  # whole numbers: no ticks at 0,2 or 0,4
    return localized(alt.Chart(chart, title=words["top"]).mark_bar(color="#0072B2").encode(
        x=alt.X("value:Q", title=label(measure, lang),
                axis=alt.Axis(format=",d", tickMinStep=1) if counts else alt.Axis()),
        y=alt.Y("name:N", sort="-x", title=None, axis=alt.Axis(labelLimit=NAME_LIMIT)),
        tooltip=[alt.Tooltip("name:N", title=words["name"]),
                 alt.Tooltip("value:Q", title=label(measure, lang),
                             format=",d" if counts else ",.3~f")],
    ), lang)


def groups_tab(cur, words: dict) -> None:
    lang = cur.lang
    # A select slider, since st.slider writes its number with sprintf: "1.0" also in German.
    steps = [round(0.3 + 0.1 * i, 1) for i in range(28)]
    resolution = st.select_slider(words["resolution"], steps, value=1.0,
                                  format_func=lambda value: fixed(value, lang, digits=1),
                                  help=words["resolution_help"], key="resolution")
    found = groups_for(cur.key, cur.data, resolution, cur.lang)
    st.metric(label("modularity", lang), figure(found.modularity, lang),
              help=explanation("modularity", lang))
    st.caption(explanation("community", lang))
    rows = [(group, found.names[group], figure(found.sizes[group], lang),
             join_list(found.members(group), lang, conjunction=False))
            for group in sorted(found.sizes) if found.sizes[group] > 1]
    if rows:  # a static table: member lists wrap instead of being cut off
        static_table(pd.DataFrame(rows, columns=[words["group"], words["group_name"],
                                                 words["size"], words["members"]]), lang)
    alone = [found.members(n)[0] for n in sorted(found.sizes) if found.sizes[n] == 1]
    if alone:
        st.caption(say("app.analyse.alone", lang, count=len(alone)))
        st.markdown(plain(join_list(alone, lang, conjunction=False)))


def bridges_tab(cur, words: dict) -> None:
    cut, ties, mixing, multi = brokers(cur.key, cur.data)
    st.subheader(words["cut_points"], help=explanation("articulation", cur.lang))
    st.markdown(plain(join_list(cut, cur.lang, conjunction=False)) if cut
                else words["cut_points_none"])
    st.subheader(words["bridges"])
    st.markdown(plain("; ".join(f"{a} – {b}" for a, b in ties)) if ties
                else words["bridges_none"])
    st.subheader(words["mixing"], help=words["mixing_help"])
    matrix = mixing.matrix
    if not matrix.empty:
        long = matrix.rename_axis(index="A", columns="B").stack().reset_index(name="n")
        order = list(matrix.index)
        base = alt.Chart(long).encode(
            x=alt.X("B:N", title=None, sort=order,
                    axis=alt.Axis(labelAngle=0, orient="top", labelLimit=NAME_LIMIT)),
            y=alt.Y("A:N", title=None, sort=order, axis=alt.Axis(labelLimit=NAME_LIMIT)))
        st.altair_chart(localized(
            base.mark_rect().encode(color=alt.Color("n:Q", scale=alt.Scale(scheme="blues"),
                                                    legend=None))
            + base.mark_text(fontSize=16).encode(
                text=alt.Text("n:Q", format=",d"),
                color=alt.condition(alt.datum.n > long["n"].max() / 2, alt.value("white"),
                                    alt.value("black"))),
            cur.lang), width="stretch")
        pairs = [pair for pair, carriers in mixing.carriers.items() if carriers]
        if pairs:
            pair = st.selectbox(words["carriers"], pairs, format_func=" – ".join,
                                key="mixing_pair")
            st.markdown(plain(join_list(mixing.carriers[pair], cur.lang, conjunction=False)))
    if multi:
        st.subheader(words["multi"])
        st.dataframe(pd.DataFrame([(n, ", ".join(c)) for n, c in multi],
                                  columns=[words["name"], words["categories"]]),
                     hide_index=True)


def whatif_tab(cur, words: dict) -> None:
    data, lang = cur.data, cur.lang
    layer = na.partner_layer(graph_for(cur.key, data))
    people = sorted(na.internal_contacts(data), key=str.casefold)
    # Options are codes; a value given by its shown text (AppTest's set_value) stays that text.
    mode = st.radio(words["whatif_mode"], ["partner", "person"], horizontal=True,
                    key="whatif_mode", format_func=lambda k: words.get(f"whatif_{k}", k))
    if mode == "partner":
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
    st.caption(say("app.analyse.without_contact", lang,
                   n=len(na.partners_without_contact(data))))


def suggestions_tab(cur, words: dict) -> None:
    st.caption(words["suggest_intro"])
    table = suggestions(cur.key, cur.data, cur.lang)
    if table.empty:
        st.write(words["no_suggestions"])
    else:
        static_table(table, cur.lang)  # reasons are sentences: wrap, don't cut


def per_year_chart(per_year: pd.DataFrame, words: dict, lang: str) -> alt.Chart:
    """Active partners per year, one line per category in its colour, titled in ``lang``."""
    long = per_year.rename_axis("year").reset_index().melt(
        "year", var_name="category", value_name="count")
    long["year"] = long["year"].astype(str)  # years, not amounts: no thousands separator
    long["category"] = [category_label(c, lang) for c in long["category"]]
    domain = [category_label(c, lang) for c in per_year.columns]
    colors = [na.CATEGORY_COLORS.get(c, "#8C8C8C") for c in per_year.columns]
    return localized(alt.Chart(long).mark_line(point=True).encode(
        x=alt.X("year:O", title=words["year"], axis=alt.Axis(labelAngle=0)),
        y=alt.Y("count:Q", title=words["active_partners"],
                axis=alt.Axis(format=",d", tickMinStep=1)),
        color=alt.Color("category:N", title=words["category"], sort=domain,
                        scale=alt.Scale(domain=domain, range=colors)),
        tooltip=[alt.Tooltip("year:O", title=words["year"]),
                 alt.Tooltip("category:N", title=words["category"]),
                 alt.Tooltip("count:Q", title=words["active_partners"], format=",d")],
    ), lang)


def timeline_tab(cur, words: dict) -> None:
    data, lang = cur.data, cur.lang
    growth = na.growth_years(data)
    st.subheader(words["per_year"])
    if growth.years is None:  # no Seit years: flat lines would invent a history
        st.info(growth.sentence(lang))
    else:
        st.altair_chart(per_year_chart(na.partners_per_year(data, growth.years), words, lang),
                        width="stretch")
        notes = [growth.note(lang)]
        undated = na.undated_partners(data)
        if undated:
            notes.append(say("app.analyse.undated", lang, count=undated))
        st.caption(" ".join(note for note in notes if note))
    # Compared years stop at the Datenstand, as the chart does.
    years = [y for y in na.year_range(data) if y <= growth.last_year] or \
        list(na.year_range(data))
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
    if cur.data.has_hub:  # a network without a hub has nothing left out
        st.info(words["hub_note"].format(hub=plain(cur.data.own_organisation)))
    tabs = st.tabs(words["tabs"])
    for tab, show in zip(tabs, (measures_tab, groups_tab, bridges_tab, whatif_tab,
                                suggestions_tab, timeline_tab), strict=True):
        with tab:
            show(cur, words)


page()
