"""What the pages that explore the network share (Netzwerk, Karte): the workbook's figures
and filter options, the filtered graph, and the row of choices (view, colour and size, filters)
with its place for the search box. The Karte page shows the same filters and looks as the
Netzwerk page; both keep them in the same session keys, so a filter set on one page holds on
the other.
"""

from __future__ import annotations

import streamlit as st
from streamlit.delta_generator import DeltaGenerator

import network_app as na
from app_pages.common import graph_for, groups_for
from network_app.text import by_language, say

TEXT = by_language("app.netzwerk")

SIZE_MEASURES = ("degree", "weighted_degree", "betweenness", "pagerank")
SAME_SIZE = "same"
ALL_YEARS = "all"
FILTER_KEYS = ("f_categories", "f_types", "f_reaches", "f_year", "f_areas", "f_statuses")


def base(key: str, data: na.PartnerData, lang: str):
    """What the page needs of the workbook whatever is chosen: figures, filter options, groups
    (named in ``lang``). Positions and measures are asked for only when used (a big network's
    overview needs neither)."""
    return (figures_for(key, data), *choices(key, data, lang))


@st.cache_data(show_spinner=False, max_entries=8)
def choices(key: str, _data: na.PartnerData, lang: str):
    """The filter options and the groups (named in ``lang``): what the controls and the
    picture need before it is drawn."""
    return na.filter_options(_data), groups_for(key, _data, lang=lang)


@st.cache_data(show_spinner=False, max_entries=8)
def figures_for(key: str, _data: na.PartnerData) -> dict:
    """The workbook's key figures (the tiles after the picture; 0.15 s at 20,000 partners,
    so the Netzwerk page asks for them after the picture is sent)."""
    return dict(na.key_figures(_data, graph_for(key, _data)))


@st.cache_data(show_spinner=False, max_entries=64)
def view(key: str, _data: na.PartnerData, kind: str, filters: na.Filters):
    """The filtered graph: recomputed only when the view or a filter changes, cut from the
    workbook's graph (kept for every page) unless a year or an activity filter changes ties."""
    return na.network_view(_data, kind, filters, whole=graph_for(key, _data))


def controls(lang: str, options: dict, views: tuple[str, ...] = na.VIEWS, *, big: bool = False
             ) -> tuple[str, str, str | None, na.Filters, DeltaGenerator]:
    """The view, colour, size and filter choices in one row, and the row's place for the
    search box (filled once the filtered graph is known). ``views`` are those worth offering
    (``na.views_for``): without a hub there is no "us in the centre". A ``big`` network offers
    how to group its overview instead of the view (it shows the partners among each other)."""
    words = TEXT[lang]
    row = st.columns([11, 6, 4, 4], vertical_alignment="bottom")
    if big:
        choices = ["community", *(["category"] if options["categories"] else [])]
        row[0].radio(words["group_by"], choices, horizontal=True, key="overview_by",
                     format_func=words["group_by_options"].get, help=words["group_by_help"])
        return ("partners", *looks_and_filters(lang, options, row))

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
    kind = row[0].radio(words["view"], list(views), horizontal=True,
                        format_func=words["views"].get, key="view",
                        help=words["view_help"] if "ego" in views
                        else words["view_help_plain"])
    return (kind, *looks_and_filters(lang, options, row))


def looks_and_filters(lang: str, options: dict, row: list[DeltaGenerator]
                       ) -> tuple[str, str | None, na.Filters, DeltaGenerator]:
    """The popovers for colour and size and for the filters (the row's third and fourth
    places); the second place is left for the search box."""
    words = TEXT[lang]
    # The same choices on the Netzwerk and the Karte page: Streamlit forgets a widget's value
    # when a run (another page) does not draw it, unless the value is set from code.
    for key in (*FILTER_KEYS, "color_by", "size_by"):
        if key in st.session_state:
            st.session_state[key] = st.session_state[key]
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
    return color_by, size_by, filters, row[1]
