"""Page "Karte": where the partners are – on a map of Germany, its Länder and neighbours.

The same picture as on the Netzwerk page, placed by coordinates: the network component with
the map layer (app_pages/network_map.js), so zoom (Ctrl + wheel), names, click → profile and
the search work as there, and the same colour, size and filter choices (app_pages/explore.py,
same session keys: a filter holds on both pages). Partners at one place are one dot with
their number, a pie of their colours; a click on it lists them. The outlines come with the
project (no tiles, nothing from the internet). The map starts at the home region, where most
partners are; buttons show Germany or every partner. Partners without coordinates are named
under the map with what to do. The map is also a picture for print (PNG, SVG, PDF): the same
drawing as ``network-app export --picture map`` (:mod:`network_app.exports.maps`).
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from pathlib import Path

import networkx as nx
import streamlit as st

import network_app as na
from app_pages.common import current, errors_banner, header, measures_for, plain, plain_label
from app_pages.explore import base, looks_and_filters, view
from app_pages.network_component import network_chart
from network_app.drawing.netmap import (
    PartnerMap,
    map_backdrop,
    map_graph,
    map_views,
    partner_map,
    strongest_ties,
)
from network_app.drawing.places import home_place, state_of
from network_app.exports import meta_for
from network_app.exports.maps import write_map
from network_app.text import by_language, join_list, number, say

TEXT = by_language("app.karte")

#: The map's height on the page (pixels): the picture is what people come for.
HEIGHT = 620
#: At most this many partners without a place are named under the map.
MISSING_SHOWN = 30
#: At most this many lines between places are drawn (those with most ties): thousands of lines
#: show nothing and slow the browser down.
MAX_TIES = 1500
PICTURE_MIME = {"png": "image/png", "svg": "image/svg+xml", "pdf": "application/pdf"}


@st.cache_data(show_spinner=False, max_entries=8)
def backdrop(home_state: str | None, lang: str) -> dict:
    """The outlines in the map's plane and the names of the countries and Länder (the same for
    every workbook but the home Land)."""
    return map_backdrop(home_state, lang)


def _home_state(found: PartnerMap) -> str | None:
    places = found.places
    if not places:
        return None
    home = home_place(places)
    return state_of(home.lat, home.lon)


def _picture(graph: nx.Graph, styles: dict, legend: list, data: na.PartnerData, lang: str,
             fmt: str) -> Callable[[], bytes]:
    """The map as a picture file, made when the download button is clicked."""
    def make() -> bytes:
        meta = meta_for(data, lang=lang)
        with tempfile.TemporaryDirectory() as folder:
            path = write_map(Path(folder) / f"karte.{fmt}", graph, styles, legend, meta,
                             fmt=fmt)
            return path.read_bytes()
    return make


def _place_list(found: PartnerMap, key: str, lang: str) -> None:
    """The partners of the place clicked: a button each opens the profile."""
    words = TEXT[lang]
    spot = next((s for s in found.spots if s.key == key), None)
    if spot is None:
        return
    with st.container(border=True, key="karte_place"):
        st.markdown(plain(say("app.karte.place_partners", lang, count=len(spot.members),
                              place=spot.place.name or spot.label(lang))))
        columns = st.columns(3)
        for i, name in enumerate(spot.members):
            # a button's label is Markdown (links, pictures, colours): the name stays text
            if columns[i % 3].button(plain_label(name), key=f"karte_open_{i}",
                                     help=words["open_help"]):
                st.session_state["partner_request"] = name
                st.switch_page("app_pages/partner.py")


def page() -> None:
    cur = current()
    words = TEXT[cur.lang]
    if not header(words["title"], cur):
        return
    data, lang = cur.data, cur.lang
    _figures, options, communities = base(cur.key, data, lang)
    errors_banner(data, lang)
    row = st.columns([11, 6, 4, 4], vertical_alignment="bottom")
    row[0].markdown(words["intro"])
    color_by, size_by, filters, search_place = looks_and_filters(lang, options, row)
    graph = view(cur.key, data, "partners", filters)
    values = options["types"] if color_by == "type" else None
    sizes = measures_for(cur.key, data)[0][size_by].to_dict() if size_by else None
    styles = na.node_styles(graph, color_by=color_by, size_by=size_by or "same", sizes=sizes,
                            communities=communities.membership, color_values=values)
    legend = na.legend(graph, lang, color_by=color_by, communities=communities.membership,
                       community_names=communities.names, color_values=values)
    every = partner_map(graph, styles, values=sizes)
    found = strongest_ties(every, MAX_TIES)
    shown, positions, looks = map_graph(found, graph, lang)
    partners = sorted((n for n, k in graph.nodes(data="kind") if k == "partner"),
                      key=str.casefold)
    focus = search_place.selectbox(words["search"], partners, index=None, key="karte_search",
                                   placeholder=words["search_placeholder"])
    spot_of = found.spot_of()
    if focus and focus not in spot_of:
        st.info(say("app.karte.search_no_place", lang, name=plain(focus)))
    layer = {"backdrop": backdrop(_home_state(found), lang), "views": map_views(found, lang),
             "pies": {s.key: s.slices for s in found.spots if len(s.slices) > 1}}
    clicked = network_chart(shown, positions, looks, key="karte", lang=lang,
                            focus=spot_of.get(focus) if focus else None, legend=legend,
                            height=HEIGHT, map_layer=layer)
    placed = sum(len(s.members) for s in found.spots)
    size_text = (say("app.karte.size_measure", lang, measure=na.METRIC_TEXT[size_by][lang][0])
                 if size_by else words["size_count"])
    st.caption(" ".join([
        say("app.karte.shown", lang, count=placed, total=number(len(partners), lang),
            places=say("app.karte.places", lang, count=len(found.spots))),
        size_text, words["caption"],
        *([say("app.karte.inner", lang, count=found.inner_ties)] if found.inner_ties else []),
        *([say("app.karte.ties_cut", lang, count=len(found.ties),
               total=number(len(every.ties), lang))] if len(every.ties) > len(found.ties)
          else []),
    ]))
    if clicked and clicked in shown:
        spot = next(s for s in found.spots if s.key == clicked)
        if spot.alone:
            st.session_state["partner_request"] = spot.members[0]
            st.switch_page("app_pages/partner.py")
        st.session_state["karte_place_key"] = clicked
    chosen = st.session_state.get("karte_place_key")
    if chosen:
        _place_list(found, chosen, lang)
    if found.missing:
        # an Ort the gazetteer does not know is another matter than no Ort at all
        unknown = [n for n in found.missing if str(graph.nodes[n].get("place") or "").strip()]
        empty = [n for n in found.missing if n not in set(unknown)]
        with st.container(key="karte_missing"):
            if empty:
                st.markdown(plain(say("app.karte.missing", lang, count=len(empty),
                                      names=join_list(empty, lang, limit=MISSING_SHOWN))))
                st.caption(words["missing_help"])
            if unknown:
                places = [f"{name} (»{graph.nodes[name]['place']}«)" if lang == "de"
                          else f"{name} (“{graph.nodes[name]['place']}”)" for name in unknown]
                st.markdown(plain(say("app.karte.place_unknown", lang, count=len(unknown),
                                      names=join_list(places, lang, limit=MISSING_SHOWN))))
                st.caption(words["place_unknown_help"])
    if found.spots:
        st.subheader(words["download_title"])
        st.caption(words["download_help"])
        columns = st.columns(6)
        for column, fmt in zip(columns, ("png", "pdf", "svg"), strict=False):
            column.download_button(
                say("app.karte.download", lang, format=fmt.upper()),
                data=_picture(graph, styles, legend, data, lang, fmt),
                file_name=f"{words['file_stem']}.{fmt}", mime=PICTURE_MIME[fmt],
                key=f"karte_download_{fmt}", on_click="ignore")
    else:
        st.info(words["none_placed"])


page()
