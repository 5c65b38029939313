"""Page "Partner": one partner's card, its ego network and how we are connected to someone."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pandas as pd
import streamlit as st

import network_app as na
from app_pages.common import (
    current,
    graph_for,
    header,
    plain,
    plain_label,
    positions_for,
    static_table,
)
from app_pages.network_component import network_chart
from network_app.text import by_language

TEXT = by_language("app.partner")
#: Characters of a name shown in a heading, a label or a table's name column; longer names
#: are cut (a pasted paragraph would fill the screen and squeeze the table's other columns).
NAME_CHARS = 120
#: Characters of any other table cell (a note of a few sentences stays whole).
CELL_CHARS = 400


def shortened(text: str, limit: int) -> str:
    """``text`` when it has at most ``limit`` characters, else cut after a word near the
    limit, ending in "…"."""
    if len(text) <= limit:
        return text
    cut = text[:limit]
    space = cut.rfind(" ")
    if space > limit * 0.6:
        cut = cut[:space]
    return cut.rstrip() + " …"


class _Cuts:
    """Cuts the cells of the page's tables and keeps what it cut, to be read in full below
    the table (:meth:`show`)."""

    def __init__(self) -> None:
        self.cut: list[tuple[str, str]] = []

    def cell(self, text: object, limit: int, where: str) -> object:
        if not isinstance(text, str) or len(text) <= limit:
            return text
        self.cut.append((where, text))
        return shortened(text, limit)

    def show(self, words: Mapping[str, Any]) -> None:
        """The cut texts whole, in an expander closed at first."""
        if not self.cut:
            return
        with st.expander(words["full_texts"].format(count=len(self.cut))):
            for where, text in self.cut:
                st.markdown(f"**{plain(shortened(where, NAME_CHARS))}:** {plain(text)}")
        self.cut = []


def select_partner(name: str) -> None:
    """Ask the Partner page to show ``name`` (from a click here or on another page).

    A widget's value cannot be set once it is drawn, so the wish waits in its own key.
    """
    st.session_state["partner_request"] = name


def page() -> None:
    cur = current()
    words = TEXT[cur.lang]
    if not header(words["title"], cur):
        return
    data = cur.data
    names = sorted(data.partners["name"], key=str.casefold)
    if not names:
        return
    if "partner_request" in st.session_state:
        st.session_state["partner"] = st.session_state.pop("partner_request")
    if st.session_state.get("partner") not in names:
        st.session_state["partner"] = names[0]
    name = st.selectbox(words["pick"], names, key="partner")
    include_personal = st.toggle(words["personal"], key="show_personal",
                                 help=words["personal_help"])
    graph = graph_for(cur.key, data)
    profile = na.partner_profile(data, graph, name, include_personal=include_personal,
                                 lang=cur.lang)

    # A long name is cut in the heading; the whole name is its tooltip.
    heading = shortened(profile.name, NAME_CHARS)
    st.header(plain(heading), help=plain(profile.name) if heading != profile.name else None)
    st.markdown(f"**{words['categories']}:** "
                + plain(", ".join(profile.categories) or words["none"]))
    left, right = st.columns(2)
    with left:
        st.subheader(words["details"])
        cuts = _Cuts()
        if profile.attributes:
            static_table(pd.DataFrame(
                [(field, cuts.cell(value, CELL_CHARS, field))
                 for field, value in profile.attributes],
                columns=[words["field"], words["value"]]), cur.lang)
            cuts.show(words)
        if profile.programmes:
            st.markdown(f"**{words['programmes']}:** " + plain("; ".join(profile.programmes)))
    with right:
        st.subheader(words["neighbours"])
        if profile.neighbours:
            static_table(pd.DataFrame(
                [(cuts.cell(t.other, NAME_CHARS, words["partner"]),
                  cuts.cell(" · ".join(t.reasons), CELL_CHARS, shortened(t.other, NAME_CHARS)))
                 for t in profile.neighbours],
                columns=[words["partner"], words["why"]]), cur.lang)
            cuts.show(words)
        else:
            st.write(words["no_neighbours"].format(hub=plain(data.own_organisation))
                     if data.has_hub else words["no_neighbours_plain"])
    if profile.activities:
        st.subheader(words["activities"])
        cuts = _Cuts()
        static_table(pd.DataFrame(
            [(cuts.cell(activity, NAME_CHARS, words["activity"]), date,
              cuts.cell(status, CELL_CHARS, words["status"]),
              cuts.cell(area, CELL_CHARS, words["area"]))
             for activity, date, status, area in profile.activities],
            columns=[words["activity"], words["date"], words["status"], words["area"]]),
            cur.lang)
        cuts.show(words)

    st.subheader(words["ego"])
    steps = st.slider(words["steps"], 1, 3, 1, key="ego_steps", help=words["steps_help"])
    positions = positions_for(cur.key, data)

    st.subheader(words["path_title"])
    others = [n for n in names if n != name]
    target = st.selectbox(words["path_to"].format(name=plain_label(shortened(name, NAME_CHARS))),
                          others, index=None,
                          key="path_target", placeholder="…")
    highlight: list[str] = []
    if target:
        paths = na.connection_paths(graph, name, target, data=data, lang=cur.lang)
        if paths:
            highlight = paths[0].nodes
            for number, path in enumerate(paths, start=1):
                st.markdown(plain(words["path_steps"].format(n=number,
                                                             route=" → ".join(path.nodes))))
                for step in path.steps:
                    st.markdown("- " + plain(step))
        else:
            st.info(na.no_path_sentence(name, target, data.own_organisation, cur.lang))

    ego = na.ego_network(graph, name, steps)
    if highlight:
        ego = graph.subgraph(set(ego) | set(highlight)).copy()
        ego.remove_nodes_from([n for n, k in ego.nodes(data="kind") if k == "hub"])
    st.caption(words["click_hint"])
    clicked = network_chart(ego, positions, na.node_styles(ego), key="ego_chart",
                            lang=cur.lang, focus=name, highlight=highlight,
                            legend=na.legend(ego, cur.lang), height=520)
    if clicked and clicked != name and clicked in names:
        select_partner(clicked)
        st.rerun()


page()
