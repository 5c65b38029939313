"""Page "Netzwerk": explore the network – views, filters, colours, search, click to profile.

Positions are computed once per workbook (``stable_positions``), so a partner keeps its place
whatever is filtered; only the filtered graph is recomputed when a control changes.

Layout: the picture is what people come for, so it starts within the first screen (1440×900):
one row of controls above it (view, search, and popovers for colour/size and filters); the
caption and the key-figure tiles follow the picture.

A network of more than ``OVERVIEW_LIMIT`` partners (:mod:`network_app.network.overview`; where
vis-network gets slow, see benchmarks/README.md) is never drawn partner by partner: the page
first shows the overview of groups (by ties or by category, chosen instead of the view), and
a click on a group or "Gruppe öffnen" shows its partners, the search a partner with its
neighbours, a button goes back. A filter that leaves few enough partners draws them all.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence

import networkx as nx
import streamlit as st
from streamlit.delta_generator import DeltaGenerator

import network_app as na
from app_pages.common import (
    category_label,
    current,
    errors_banner,
    figure,
    graph_for,
    groups_for,
    header,
    measures_for,
    positions_for,
    shown_caption,
)
from app_pages.explore import choices, controls, figures_for, view
from app_pages.exporting import export_section
from app_pages.network_component import network_chart, send_library
from network_app.drawing.groups import colour_note, group_legend, group_styles
from network_app.network import overview as ov
from network_app.text import by_language, number, say

TEXT = by_language("app.netzwerk")
#: How a network with a hub can be laid out (``na.network_layout``): the ring around the hub
#: (the default) or by forces (ties pull partners together, so groups show).
LAYOUTS = ("ego", "force")

def key_figures(figures: dict, has_hub: bool, lang: str) -> None:
    """The tiles of the workbook's key figures (after the picture)."""
    words = TEXT[lang]
    # A network from another tool has no categories: no tiles of zeros and one "ohne Kategorie".
    per_category = figures["categories"] if any(
        figures["categories"].get(c) for c in na.CATEGORIES) else {}
    cols = st.columns(4 + len(per_category))
    cols[0].metric(words["partners"], figure(figures["partners"], lang))
    cols[1].metric(words["ties"], figure(figures["partner_ties"], lang),
                   help=words["ties_help"] if has_hub else words["ties_help_plain"])
    cols[2].metric(words["activities"], figure(figures["activities"], lang))
    cols[3].metric(words["programmes"], figure(figures["programmes"], lang))
    for col, (category, count) in zip(cols[4:], per_category.items(), strict=True):
        col.metric(category_label(category, lang), figure(count, lang))


@st.cache_resource(show_spinner=False, max_entries=4)
def shared_view(key: str, _data: na.PartnerData, filters: na.Filters) -> nx.Graph:
    """The partner view of a big network, kept as one object (``st.cache_data`` would copy
    the graph on every rerun: about 3 s for 20,000 partners). Shared between sessions: only
    read, never changed (the overview's functions take subgraph views). Unfiltered, it is the
    partner layer of the workbook's graph (built once for every page), not a second build."""
    if filters.is_empty:
        return na.partner_layer(graph_for(key, _data))
    return na.network_view(_data, "partners", filters, whole=graph_for(key, _data))


def overview_source(key: str, data: na.PartnerData, filters: na.Filters) -> nx.Graph:
    """The graph a big network's overview groups: unfiltered, the workbook's whole graph as
    kept for every page (the grouping leaves the hub out; no copy of its partner layer, 0.7 s
    at 20,000 partners, before the first overview), else the filtered partner view."""
    return graph_for(key, data) if filters.is_empty else shared_view(key, data, filters)


@st.cache_data(show_spinner=False, max_entries=16)
def grouped(key: str, _data: na.PartnerData, filters: na.Filters, by: str, lang: str
            ) -> tuple[ov.Grouping, nx.Graph, dict]:
    """The overview of a big network: its groups (by community or category), the graph of the
    groups and their places."""
    graph = overview_source(key, _data, filters)
    if by == "category":
        grouping = ov.category_grouping(graph, lang=lang)
    else:
        communities = groups_for(key, _data, lang=lang)
        grouping = ov.community_grouping(graph, communities.membership, communities.names,
                                         lang=lang)
    overview = ov.overview_graph(graph, grouping, lang)
    return grouping, overview, ov.overview_positions(overview)


@st.cache_data(show_spinner=False, max_entries=32)
def places(key: str, _part: nx.Graph, what: tuple) -> dict:
    """Where the partners of an opened group or a neighbourhood stand (by their ties alone;
    ``what`` names the part, for the cache)."""
    return na.free_layout(_part)


@st.cache_resource(show_spinner=False, max_entries=4)
def whole_looks(key: str, _data: na.PartnerData, filters: na.Filters, color_by: str,
                size_by: str | None, values: tuple | None, lang: str) -> tuple[dict, list]:
    """Styles and legend of every partner of a big network, for its export (kept, not
    recomputed on every rerun of the overview; read only)."""
    graph = shared_view(key, _data, filters)
    communities = groups_for(key, _data, lang=lang)
    sizes = measures_for(key, _data)[0][size_by].to_dict() if size_by else None
    styles = na.node_styles(graph, color_by=color_by, size_by=size_by or "same", sizes=sizes,
                            communities=communities.membership, color_values=values)
    return styles, na.legend(graph, lang, color_by=color_by,
                             communities=communities.membership,
                             community_names=communities.names, color_values=values)


class _Lazy(Mapping):
    """A mapping made only when something reads it: a big network's positions, styles of every
    partner (only an export needs them; the overview does not)."""

    def __init__(self, make: Callable[[], Mapping]) -> None:
        self.make = make

    def _all(self) -> Mapping:
        return self.make()  # cached by the function it calls

    def __getitem__(self, node):
        return self._all()[node]

    def __iter__(self) -> Iterator:
        return iter(self._all())

    def __len__(self) -> int:
        return len(self._all())


class _LazyList(Sequence):
    """A list made only when something reads it (a big network's legend for an export)."""

    def __init__(self, make: Callable[[], Sequence]) -> None:
        self.make = make

    def __getitem__(self, index):
        return self.make()[index]

    def __len__(self) -> int:
        return len(self.make())


def _back() -> None:
    st.session_state["overview_group"] = None
    st.session_state["search"] = None


def _opened() -> None:
    st.session_state["search"] = None


def big_network(cur, communities: na.Communities, color_by: str,
                size_by: str | None, filters: na.Filters, search_place: DeltaGenerator,
                values: list | None
                ) -> tuple[nx.Graph | Callable[[], nx.Graph], Mapping, Mapping, Sequence,
                           Callable[[], None]]:
    """The Netzwerk page of a network of more than ``OVERVIEW_LIMIT`` partners: the overview
    of groups, one group opened, or one partner's neighbourhood; never every partner at once.
    Returns what the export section exports (the whole filtered network unless a part is
    open) and the function that fills the search box, called last. ``values`` are the
    colours' values (all types of the workbook when coloured by type, so a type keeps its
    colour)."""
    data, lang, words = cur.data, cur.lang, TEXT[cur.lang]
    by = st.session_state.get("overview_by", "community")
    grouping, overview, group_places = grouped(cur.key, data, filters, by, lang)
    # A click on a group in the overview (the previous run) opens it.
    if "overview_request" in st.session_state:
        st.session_state["overview_group"] = st.session_state.pop("overview_request")
        st.session_state["search"] = None
    if st.session_state.get("overview_group") not in grouping.members:
        st.session_state["overview_group"] = None
    group_of = grouping.group_of()
    partners = sorted(group_of, key=str.casefold)
    # The search box above the picture is filled last, after the picture and the rest of the
    # page are sent: Chromium takes about a second to take in 20,000 names, and the overview
    # should not wait for them. Its choice is read from the session meanwhile.
    focus = st.session_state.get("search")
    if focus not in group_of:
        focus = None

    def search() -> None:
        search_place.selectbox(words["search"], partners, index=None, key="search",
                               placeholder=words["search_placeholder"])

    row = st.columns([3, 2], vertical_alignment="bottom")
    opened = row[0].selectbox(words["open_group"], list(grouping.names), index=None,
                              key="overview_group", placeholder=words["open_placeholder"],
                              on_change=_opened)
    if focus or opened:
        row[1].button(words["back"], key="overview_back", on_click=_back)
    membership = communities.membership
    if focus or opened:
        sizes = measures_for(cur.key, data)[0][size_by].to_dict() if size_by else None
        graph = shared_view(cur.key, data, filters)
        part = (ov.neighbourhood(graph, focus) if focus
                else ov.group_graph(graph, grouping, opened))
        where = places(cur.key, part, ("partner", focus, filters) if focus
                       else ("group", by, opened, filters))
        styles = na.node_styles(part, color_by=color_by, size_by=size_by or "same",
                                sizes=sizes, communities=membership, color_values=values)
        legend = na.legend(part, lang, color_by=color_by, communities=membership,
                           community_names=communities.names, color_values=values)
        ties = say("app.netzwerk.ties_count", lang, count=part.number_of_edges())
        if focus:
            caption = say("app.netzwerk.neighbourhood_shown", lang, name=focus,
                          count=part.number_of_nodes() - 1, ties=ties)
        else:
            caption = say("app.netzwerk.group_shown", lang, name=opened, ties=ties,
                          partners=say("network.overview.members", lang,
                                       count=len(grouping.members[opened])))
            if part.number_of_nodes() < len(grouping.members[opened]):
                caption += " " + say("app.netzwerk.group_cut", lang,
                                     count=part.number_of_nodes())
        clicked = network_chart(part, where, styles, key="explore", lang=lang, focus=focus,
                                legend=legend, height=560)
        st.caption(" ".join([caption, words["caption"]]))
        if clicked and clicked in part:
            st.session_state["partner_request"] = clicked
            st.switch_page("app_pages/partner.py")
        return part, where, styles, legend, search
    styles = group_styles(overview)
    clicked = network_chart(overview, group_places, styles, key="explore", lang=lang,
                            legend=group_legend(overview, lang), height=560)
    ties = say("app.netzwerk.ties_count", lang,
               count=sum(t for *_, t in overview.edges(data="ties")))
    st.caption(" ".join([
        say("app.netzwerk.overview_shown", lang, count=overview.number_of_nodes(),
            partners=number(len(partners), lang), ties=ties),
        colour_note(lang) + ".", words["overview_caption"]]))
    st.caption(say("app.netzwerk.big_note", lang, count=len(data.partners)))
    if clicked and clicked in grouping.members:
        st.session_state["overview_request"] = clicked
        st.rerun()
    looks = (cur.key, data, filters, color_by, size_by,
             tuple(values) if values is not None else None, lang)
    # The whole filtered partner network, made when an export asks for it.
    return (lambda: shared_view(cur.key, data, filters),
            _Lazy(lambda: positions_for(cur.key, data)),
            _Lazy(lambda: whole_looks(*looks)[0]), _LazyList(lambda: whole_looks(*looks)[1]),
            search)


def page() -> None:
    cur = current()
    words = TEXT[cur.lang]
    # A network from another tool is named by its file, not called "Partnernetz".
    foreign = cur.data is not None and not cur.data.has_hub
    if not header(na.network_title(cur.data, cur.lang) if foreign else words["title"], cur):
        return
    # The browser reads the drawing library while the first run builds the graph and groups
    # (seconds for a big workbook).
    send_library()
    data = cur.data
    lang = cur.lang
    # The key figures (tiles after the picture) are made after the picture is sent.
    options, communities = choices(cur.key, data, cur.lang)
    errors_banner(data, lang)

    views = na.views_for(data)
    if not data.has_hub:
        st.caption(say("app.common.hub_none", lang))
    big = len(data.partners) > ov.OVERVIEW_LIMIT
    kind, color_by, size_by, filters, search_place = controls(cur.lang, options, views, big=big)
    # A big network's partner view is shared, not copied on every rerun.
    graph = (overview_source(cur.key, data, filters) if big
             else view(cur.key, data, kind, filters))
    # Colours come from all values in the workbook, so a type keeps its colour under filters.
    values = options["types"] if color_by == "type" else None
    if big and ov.is_big(graph):
        shown_graph, positions, styles, legend, search = big_network(
            cur, communities, color_by, size_by, filters, search_place, values)
        key_figures(figures_for(cur.key, data), data.has_hub, lang)
        export_section(data, shown_graph, positions, styles, legend, workbook=cur.key,
                       lang=cur.lang)
        search()
        return
    # The hub's network is drawn as the ring around it unless "Kräfte" is chosen (below the
    # picture); the choice is read before the picture and its control drawn after it.
    if "layout" in st.session_state:  # kept while another page runs (see explore.py)
        st.session_state["layout"] = st.session_state["layout"]
    forces = data.has_hub and st.session_state.get("layout") == "force"
    # None: the ring, as every other page places the hub's network (one cached layout).
    positions = positions_for(cur.key, data, "force" if forces else None)
    membership = communities.membership
    # No measure chosen ("gleich groß"): every partner the same size.
    sizes = measures_for(cur.key, data)[0][size_by].to_dict() if size_by else None
    styles = na.node_styles(graph, color_by=color_by, size_by=size_by or "same",
                            sizes=sizes, communities=membership, color_values=values)
    legend = na.legend(graph, cur.lang, color_by=color_by, communities=membership,
                       community_names=communities.names, color_values=values)
    partners = sorted((n for n, k in graph.nodes(data="kind") if k == "partner"),
                      key=str.casefold)
    focus = search_place.selectbox(words["search"], partners, index=None, key="search",
                                   placeholder=words["search_placeholder"])
    shown = shown_caption(graph, len(partners), len(data.partners), lang)
    clicked = network_chart(graph, positions, styles, key="explore", lang=cur.lang,
                            focus=focus, legend=legend, height=560)
    # Under the picture, as a figure's caption: what is shown and how to use it.
    st.caption(" ".join([shown, *([words["hub_hidden"]] if kind != "ego" and data.has_hub
                                  else []), words["caption"]]))
    if data.has_hub:
        st.radio(words["layout"], LAYOUTS, horizontal=True, key="layout",
                 format_func=words["layouts"].get, help=words["layout_help"])
    if clicked and clicked in data.partners["name"].to_numpy():
        st.session_state["partner_request"] = clicked
        st.switch_page("app_pages/partner.py")
    key_figures(figures_for(cur.key, data), data.has_hub, lang)
    export_section(data, graph, positions, styles, legend, workbook=cur.key, lang=cur.lang)


page()
