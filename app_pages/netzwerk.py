"""Page "Netzwerk": explore the network – views, filters, colours, search, click to profile.

Positions are computed once per workbook (``stable_positions``), so a partner keeps its place
whatever is filtered; only the filtered graph is recomputed when a control changes.

Layout: the picture is what people come for, so it starts within the first screen (1440×900):
one row of controls above it (view, search, and popovers for colour/size and filters); the
caption and the key-figure tiles follow the picture.
"""

from __future__ import annotations

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
from app_pages.exporting import export_section
from app_pages.network_component import network_chart
from network_app.text import by_language, say

TEXT = by_language("app.netzwerk")

SIZE_MEASURES = ("degree", "weighted_degree", "betweenness", "pagerank")
SAME_SIZE = "same"
ALL_YEARS = "all"
FILTER_KEYS = ("f_categories", "f_types", "f_reaches", "f_year", "f_areas", "f_statuses")


@st.cache_data(show_spinner=False, max_entries=8)
def base(key: str, _data: na.PartnerData, lang: str):
    """Everything that depends only on the workbook: positions, figures, measures, groups
    (named in ``lang``)."""
    metrics, _summary = measures_for(key, _data)
    return (positions_for(key, _data), na.key_figures(_data, graph_for(key, _data)),
            na.filter_options(_data), metrics, groups_for(key, _data, lang=lang))


@st.cache_data(show_spinner=False, max_entries=64)
def view(key: str, _data: na.PartnerData, kind: str, filters: na.Filters):
    """The filtered graph: recomputed only when the view or a filter changes."""
    return na.network_view(_data, kind, filters)


def controls(lang: str, options: dict, views: tuple[str, ...] = na.VIEWS
               ) -> tuple[str, str, str | None, na.Filters, DeltaGenerator]:
    """The view, colour, size and filter choices in one row, and the row's place for the
    search box (filled once the filtered graph is known). ``views`` are those worth offering
    (``na.views_for``): without a hub there is no "us in the centre"."""
    words = TEXT[lang]
    chosen = st.session_state.get("view", views[0])
    if chosen not in views:
        # The ego view chosen for the lab's workbook falls back to the partners of a network
        # without a hub (a new file, or "nobody" in the centre) ...
        st.session_state["view"] = "partners" if "partners" in views else views[0]
        st.session_state["view_fell_back_from"] = chosen
    elif st.session_state.get("view_fell_back_from") in views:
        # ... and comes back when the hub does, unless the user chose another view meanwhile.
        if chosen == "partners":
            st.session_state["view"] = st.session_state["view_fell_back_from"]
        del st.session_state["view_fell_back_from"]
    row = st.columns([11, 6, 4, 4], vertical_alignment="bottom")
    kind = row[0].radio(words["view"], list(views), horizontal=True,
                        format_func=words["views"].get, key="view",
                        help=words["view_help"] if "ego" in views
                        else words["view_help_plain"])
    with row[2].popover(words["look"], width="stretch"):
        color_by = st.selectbox(words["color_by"], list(words["colors"]),
                                format_func=words["colors"].get, key="color_by")
        # "same" and "all" are options of their own, not None: Streamlit shows None as no
        # choice (its placeholder) once the choice is sent again after a language switch.
        size_choice = st.selectbox(
            words["size_by"], [SAME_SIZE, *SIZE_MEASURES], key="size_by",
            format_func=lambda k: words["size_none"] if k == SAME_SIZE
            else na.METRIC_TEXT[k][lang][0])
        size_by = None if size_choice == SAME_SIZE else size_choice
    # The button says how many filters are on, so a filtered picture is never a surprise.
    active = sum(1 for key in FILTER_KEYS if st.session_state.get(key) not in (None, ALL_YEARS)
                 and st.session_state.get(key) != [])
    label = say("app.netzwerk.filters_on", lang, count=active) if active else words["filters"]
    with row[3].popover(label, width="stretch"):
        categories = st.multiselect(words["categories"], options["categories"],
                                    key="f_categories", placeholder="")
        types = st.multiselect(words["types"], options["types"], key="f_types",
                               placeholder="")
        reaches = st.multiselect(words["reaches"], options["reaches"], key="f_reaches",
                                 placeholder="")
        year_choice = st.selectbox(words["year"], [ALL_YEARS, *options["years"]], key="f_year",
                                   format_func=lambda y: words["all_years"] if y == ALL_YEARS
                                   else str(y), help=words["year_help"])
        year = None if year_choice == ALL_YEARS else year_choice
        areas = st.multiselect(words["areas"], options["areas"], key="f_areas",
                               placeholder="", help=words["activity_help"])
        statuses = st.multiselect(words["statuses"], options["statuses"], key="f_statuses",
                                  placeholder="", help=words["activity_help"])
    filters = na.Filters(categories=categories, types=types, reaches=reaches, year=year,
                         areas=areas, statuses=statuses)
    return kind, color_by, size_by, filters, row[1]


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


def page() -> None:
    cur = current()
    words = TEXT[cur.lang]
    # A network from another tool is named by its file, not called "Partnernetz".
    foreign = cur.data is not None and not cur.data.has_hub
    if not header(na.network_title(cur.data, cur.lang) if foreign else words["title"], cur):
        return
    data = cur.data
    positions, figures, options, metrics, communities = base(cur.key, data, cur.lang)
    lang = cur.lang
    errors_banner(data, lang)

    views = na.views_for(data)
    if not data.has_hub:
        st.caption(say("app.common.hub_none", lang))
    kind, color_by, size_by, filters, search_place = controls(cur.lang, options, views)
    graph = view(cur.key, data, kind, filters)
    membership = communities.membership
    # Colours come from all values in the workbook, so a type keeps its colour under filters.
    values = options["types"] if color_by == "type" else None
    # No measure chosen ("gleich groß"): every partner the same size.
    styles = na.node_styles(graph, color_by=color_by, size_by=size_by or "same",
                            sizes=metrics[size_by].to_dict() if size_by else None,
                            communities=membership, color_values=values)
    legend = na.legend(graph, cur.lang, color_by=color_by, communities=membership,
                       community_names=communities.names, color_values=values)
    partners = sorted((n for n, k in graph.nodes(data="kind") if k == "partner"),
                      key=str.casefold)
    focus = search_place.selectbox(words["search"], partners, index=None, key="search",
                                   placeholder=words["search_placeholder"])
    shown = shown_caption(graph, len(partners), figures["partners"], lang)
    clicked = network_chart(graph, positions, styles, key="explore", lang=cur.lang,
                            focus=focus, legend=legend, height=560)
    # Under the picture, as a figure's caption: what is shown and how to use it.
    st.caption(" ".join([shown, *([words["hub_hidden"]] if kind != "ego" and data.has_hub
                                  else []), words["caption"]]))
    if clicked and clicked in data.partners["name"].to_numpy():
        st.session_state["partner_request"] = clicked
        st.switch_page("app_pages/partner.py")
    key_figures(figures, data.has_hub, lang)
    export_section(data, graph, positions, styles, legend, workbook=cur.key, lang=cur.lang)


page()
