"""Page "Präsentation": the network for the city council, on a projector at 1920×1080.

A sequence of saved views, stepped with "◀ Zurück" / "Weiter ▶" or the arrow keys (and a
presenter's clicker, which sends PageUp/PageDown): the whole network with the key figures, one
view per category, growth per year, a map of the partners (only when they have coordinates,
drawn without map tiles: nothing is loaded from the internet) and the sources.

No editing controls here: the sidebar and Streamlit's header are hidden by a constant CSS block
(never workbook text). Personal data (Ansprechperson, Kontakt, E-Mail, Telefon) is never shown:
only names, categories, types, places and counts appear.
"""

from __future__ import annotations

from dataclasses import dataclass

import altair as alt
import pandas as pd
import streamlit as st

import network_app as na
from app_pages.common import (
    category_label,
    current,
    figure,
    graph_for,
    localized,
    plain,
    positions_for,
)
from app_pages.network_component import network_chart
from network_app.drawing.places import (
    Place,
    group_places,
    home_place,
    home_region,
    inside,
    located,
    place_label,
    region_box,
)
from network_app.drawing.styling import NONE_COLOR
from network_app.text import by_language, number, say

#: Where the page keeps the number of the shown view (0-based).
STEP_KEY = "presentation_step"
KEYS_KEY = "presentation_keys"
CHART_KEY = "presentation"
CHART_HEIGHT = 830
FONT_SIZE = 50
SMALL_FONT_SIZE = 34
#: The zoomed map's panel is about this much wider than high (at 1920×1080); the home region
#: (network_app.drawing.places, the deck's map uses the same) is cut to this shape.
REGION_ASPECT = 1.1

TEXT = by_language("app.praesentation")


def _css() -> str:
    """The page's look: constant rules and the library's category colours, no workbook text."""
    tiles = "\n".join(
        f".st-key-pn_tile_cat_{i} {{ border-left: 14px solid {na.CATEGORY_COLORS[c]}; }}"
        for i, c in enumerate(na.CATEGORIES))
    return """<style>
/* Presentation mode: no sidebar, no header or toolbar, large type for a projector. */
section[data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"],
[data-testid="stExpandSidebarButton"], header[data-testid="stHeader"],
[data-testid="stToolbar"], [data-testid="stDecoration"] { display: none !important; }
[data-testid="stMainBlockContainer"] {
  padding-top: 1.2rem !important; padding-bottom: 1rem !important;
  padding-left: 2.5rem !important; padding-right: 2.5rem !important; max-width: 100% !important;
}
[data-testid="stMainBlockContainer"] h1 { font-size: 3.1rem; padding: 0; line-height: 1.15; }
[data-testid="stMainBlockContainer"] p, [data-testid="stMainBlockContainer"] li {
  font-size: 1.6rem; line-height: 1.4;
}
.st-key-pn_subtitle p { font-size: 1.9rem; color: #333333; margin: 0; }
.st-key-pn_indicator p { font-size: 1.6rem; font-weight: 600; text-align: right; margin: 0; }
.st-key-pn_nav button { min-height: 3.2rem; }
.st-key-pn_nav button p { font-size: 1.5rem; font-weight: 600; }
.st-key-pn_footer p, .st-key-pn_footer a { font-size: 1.1rem; color: #555555; }
[class*="st-key-pn_tile_"] {
  background: #f6f6f6; border-radius: 8px; padding: 0.5rem 1rem;
  border-left: 14px solid #8c8c8c;
}
[class*="st-key-pn_tile_"] [data-testid="stMetricLabel"] p {
  font-size: 1.45rem; line-height: 1.25; white-space: normal; color: #1f1f1f;
}
[class*="st-key-pn_tile_"] [data-testid="stMetricLabel"] { height: auto; }
[class*="st-key-pn_tile_"] [data-testid="stMetricValue"],
[class*="st-key-pn_tile_"] [data-testid="stMetricValue"] div,
[class*="st-key-pn_tile_"] [data-testid="stMetricValue"] p {
  font-size: 3.6rem !important; line-height: 1.1 !important; font-weight: 700 !important;
}
.st-key-pn_tile_main { border-left-color: #1f1f1f; }
""" + tiles + "\n</style>"


# --- arrow keys: a tiny components-v2 module that only sends ±1 ---------------------------
_KEYS_JS = """
// Presentation: arrow keys and a clicker (PageUp/PageDown) step the views.
// Keys typed into a form field or inside the network picture (which pans with them) are left
// alone. One listener per page: a newer call replaces the older one.
const STEPS = { ArrowRight: 1, PageDown: 1, ArrowLeft: -1, PageUp: -1 };
const FIELDS = new Set(["INPUT", "TEXTAREA", "SELECT"]);

function ignored(event) {
  if (event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return true;
  for (const el of event.composedPath()) {
    if (!el || !el.tagName) continue;
    if (FIELDS.has(el.tagName) || el.isContentEditable) return true;
    if (el.classList && el.classList.contains("vis-network")) return true;
  }
  return false;
}

export default function (component) {
  const { setTriggerValue } = component;
  const registry = (globalThis.__partnernetzKeys = globalThis.__partnernetzKeys || {});
  if (registry.listener) document.removeEventListener("keydown", registry.listener);
  const listener = (event) => {
    const step = STEPS[event.key];
    if (!step || event.repeat || ignored(event)) return;
    event.preventDefault();
    setTriggerValue("step", step);
  };
  registry.listener = listener;
  document.addEventListener("keydown", listener);
  return () => {
    document.removeEventListener("keydown", listener);
    if (registry.listener === listener) registry.listener = null;
  };
}
"""

_keys = st.components.v2.component("partnernetz_presentation_keys", js=_KEYS_JS)


def _ignore() -> None:
    """The trigger needs a callback to be registered; the value is read from the result."""


def arrow_keys() -> int:
    """Mount the key listener; the step (+1, -1) sent on this rerun, else 0."""
    result = _keys(key=KEYS_KEY, on_step_change=_ignore, height=0)
    step = result.get("step")
    return int(step) if step in (1, -1) else 0


# --- the steps --------------------------------------------------------------------------------
@dataclass(frozen=True)
class Step:
    kind: str  # overview, category, growth, map, sources
    category: str | None = None


@st.cache_data(show_spinner=False, max_entries=8)
def prepared(key: str, _data: na.PartnerData):
    """Everything the steps need that depends only on the workbook."""
    return positions_for(key, _data), na.key_figures(_data, graph_for(key, _data))


@st.cache_data(show_spinner=False, max_entries=32)
def view(key: str, _data: na.PartnerData, categories: tuple[str, ...]):
    return na.network_view(_data, "ego", na.Filters(categories=categories))


def places_of(data: na.PartnerData) -> tuple[list[Place], int]:
    """The partners' places, biggest first (as on the deck's map), and how many partners have
    coordinates. Only names, places and counts: no personal data."""
    with_coordinates = located(data.records("partners"))
    return group_places(with_coordinates), len(with_coordinates)


def steps_for(data: na.PartnerData, figures: dict) -> list[Step]:
    steps = [Step("overview")]
    steps += [Step("category", c) for c in na.CATEGORIES if figures["categories"].get(c)]
    if na.growth_years(data).years is not None:
        steps.append(Step("growth"))  # without Seit years there is no growth to show
    if places_of(data)[0]:
        steps.append(Step("map"))
    steps.append(Step("sources"))
    return steps


def _move(delta: int, total: int) -> None:
    index = int(st.session_state.get(STEP_KEY, 0)) + delta
    st.session_state[STEP_KEY] = max(0, min(index, total - 1))


def tile(label: str, value: int, key: str, lang: str) -> None:
    with st.container(key=f"pn_tile_{key}"):
        st.metric(label, figure(value, lang))


# --- the views --------------------------------------------------------------------------------
def _network(cur, positions, categories: tuple[str, ...]) -> None:
    graph = view(cur.key, cur.data, categories)
    styles = na.node_styles(graph)
    # A big view is zoomed out (labels shrink with it); a small one is shown at full size,
    # where the big labels of close neighbours would overlap.
    font_size = FONT_SIZE if graph.number_of_nodes() > 20 else SMALL_FONT_SIZE
    network_chart(graph, positions, styles, key=CHART_KEY, lang=cur.lang,
                  legend=na.legend(graph, cur.lang), height=CHART_HEIGHT, font_size=font_size)


def overview(cur, words, positions, figures) -> None:
    left, right = st.columns([4.2, 1.3], gap="medium")
    with left:
        _network(cur, positions, ())
    lang = cur.lang
    with right:
        tile(words["partners"], figures["partners"], "main", lang)
        tile(words["ties"], figures["partner_ties"], "ties", lang)
        row = st.columns(2)
        with row[0]:
            tile(words["activities"], figures["activities"], "activities", lang)
        with row[1]:
            tile(words["programmes"], figures["programmes"], "programmes", lang)
        for i, category in enumerate(na.CATEGORIES):
            if figures["categories"].get(category):
                tile(category, figures["categories"][category], f"cat_{i}", lang)
        # Without any category (a network from another tool) the tile would repeat the total.
        if figures["categories"].get(na.NO_CATEGORY) and any(
                figures["categories"].get(c) for c in na.CATEGORIES):
            tile(category_label(na.NO_CATEGORY, lang),
                 figures["categories"][na.NO_CATEGORY], "cat_none", lang)


def category_view(cur, words, positions, figures, category: str) -> None:
    left, right = st.columns([4.2, 1.3], gap="medium")
    with left:
        _network(cur, positions, (category,))
    graph = view(cur.key, cur.data, (category,))
    inside = [n for n, k in graph.nodes(data="kind") if k == "partner"]
    ties = sum(1 for *_, k in graph.edges(data="kind") if k == "partner")
    types: dict[str, int] = {}
    for node in inside:
        kind = graph.nodes[node].get("type")
        if isinstance(kind, str) and kind:
            types[kind] = types.get(kind, 0) + 1
    with right:
        tile(category, len(inside), f"cat_{na.CATEGORIES.index(category)}", cur.lang)
        tile(words["ties"], ties, "ties", cur.lang)
        for i, (kind, count) in enumerate(sorted(types.items(), key=lambda t: -t[1])[:4]):
            tile(plain(kind), count, f"type_{i}", cur.lang)


def _axis_config(chart: alt.Chart, lang: str) -> alt.Chart:
    return (localized(chart, lang)
            .configure_axis(labelFontSize=24, titleFontSize=26, labelColor="#1f1f1f",
                            titleColor="#1f1f1f", grid=True, gridColor="#e4e4e4")
            .configure_legend(labelFontSize=28, titleFontSize=28, symbolSize=600,
                              labelColor="#1f1f1f", titleColor="#1f1f1f",
                              orient="top", direction="horizontal", labelLimit=400)
            .configure_view(stroke=None))


def growth(cur, words) -> None:
    # From the first Seit year to the Datenstand (steps_for leaves the view out otherwise).
    span = na.growth_years(cur.data)
    table = None if span.years is None else na.partners_per_year(cur.data, span.years)
    if table is None or table.empty or table.shape[1] == 0:
        st.info(span.sentence(cur.lang) or words["not_available"])
        return
    long = table.reset_index().melt("year", var_name="category", value_name="count")
    long["category"] = [category_label(c, cur.lang) for c in long["category"]]
    domain = [category_label(c, cur.lang) for c in table.columns]
    colors = [na.CATEGORY_COLORS.get(c, NONE_COLOR) for c in table.columns]
    chart = alt.Chart(long).mark_line(point=alt.OverlayMarkDef(size=220), strokeWidth=6).encode(
        x=alt.X("year:O", title=words["year"], axis=alt.Axis(labelAngle=0)),
        y=alt.Y("count:Q", title=words["count"], axis=alt.Axis(format=",d", tickMinStep=1)),
        color=alt.Color("category:N", title=None,
                        scale=alt.Scale(domain=domain, range=colors),
                        sort=domain),
        tooltip=[alt.Tooltip("year:O", title=words["year"]),
                 alt.Tooltip("category:N", title=words["category_axis"]),
                 alt.Tooltip("count:Q", title=words["count"], format=",d")],
    ).properties(height=CHART_HEIGHT - 60)
    left, right = st.columns([4.2, 1.3], gap="medium")
    with left:
        st.altair_chart(_axis_config(chart, cur.lang), width="stretch")
    records = cur.data.records("partners")
    years = list(table.index)
    with right:
        for i, year in enumerate(dict.fromkeys([years[0], years[-1]])):
            total = sum(1 for r in records if na.active_in(r, int(year)))
            tile(words["in_year"].format(year=year), total, f"year_{i}", cur.lang)
        undated = na.undated_partners(cur.data)
        if undated:
            st.markdown(say("app.praesentation.undated", cur.lang, count=undated))
        if span.note(cur.lang):
            st.markdown(span.note(cur.lang))


def _place_table(places: list[Place], lang: str) -> pd.DataFrame:
    """One row per place for the chart (Vega draws text as text): coordinates, name, partner
    count and label."""
    return pd.DataFrame({
        "lat": [p.lat for p in places],
        "lon": [p.lon for p in places],
        "place": [p.name for p in places],
        "count": [p.count for p in places],
        "label": [place_label(p, lang) for p in places],
    })


def _map_chart(places: pd.DataFrame, words: dict, lang: str, labelled: pd.Series | None = None,
               height: int = CHART_HEIGHT - 60) -> alt.LayerChart:
    """Circles at the places' coordinates (Mercator, no map tiles), labelled with names."""
    named = places if labelled is None else places[labelled]
    tooltip = [alt.Tooltip("place:N", title=words["place"]),
               alt.Tooltip("count:Q", title=words["partners"], format=",d")]
    size = alt.Size("count:Q", scale=alt.Scale(domain=[1, max(int(places["count"].max()), 2)],
                                               range=[300, 3000]), legend=None)
    circles = alt.Chart(places).mark_circle(
        color="#0072B2", opacity=0.8, stroke="#ffffff", strokeWidth=2).encode(
        longitude="lon:Q", latitude="lat:Q", size=size, tooltip=tooltip)
    labels = alt.Chart(named).mark_text(
        align="left", dx=18, dy=0, fontSize=24, color="#1f1f1f").encode(
        longitude="lon:Q", latitude="lat:Q", text="label:N")
    return localized((circles + labels).project(type="mercator").properties(height=height),
                     lang)


def map_view(cur, words) -> None:
    places, with_coordinates = places_of(cur.data)
    if not places:
        st.info(words["not_available"])
        return
    lang = cur.lang
    table = _place_table(places, lang)
    # The home region gets its own, zoomed picture when it is worth one; far places are
    # labelled in the overview only, so labels in the crowded region do not pile up.
    region = home_region(places, aspect=REGION_ASPECT)
    home = region.box if region else region_box(home_place(places, REGION_ASPECT), REGION_ASPECT)
    near = pd.Series([inside(p, home) for p in places], index=table.index)
    left, right = st.columns([4.2, 1.3], gap="medium")
    with left:
        if region is not None:
            panels = st.columns([1, 1.6], gap="large")
            with panels[0]:
                st.markdown(f"**{words['map_all']}**")
                st.altair_chart(_map_chart(table, words, lang, ~near)
                                .configure_view(stroke=None), width="stretch")
            with panels[1]:
                st.markdown(f"**{words['map_region']}**")
                st.altair_chart(_map_chart(table[near], words, lang)
                                .configure_view(stroke=None), width="stretch")
        else:
            st.altair_chart(_map_chart(table, words, lang).configure_view(stroke=None),
                            width="stretch")
    with right:
        tile(words["places"], len(places), "places", lang)
        tile(words["near"], sum(p.count for p, inner in zip(places, near, strict=True) if inner),
             "near", lang)
        missing = len(cur.data.partners) - with_coordinates
        if missing:
            st.markdown(say("app.praesentation.no_coordinates", lang, count=missing))


def sources(cur, words) -> None:
    settings = cur.data.settings
    lines = []
    if settings.get("data_date"):
        lines.append(f"**{words['data_date']}:** {plain(settings['data_date'])}")
    if settings.get("source"):
        lines.append(f"**{words['source']}:** {plain(settings['source'])}")
    workbook = words["example"] if cur.is_example else plain(cur.name)
    lines.append(f"**{words['workbook']}:** {workbook}")
    with st.container(width=1400):
        for line in lines:
            st.markdown(line)
        st.markdown(words["counting"])
        st.markdown(words["privacy"])


# --- the page ---------------------------------------------------------------------------------
def page() -> None:
    st.html(_css())
    delta = arrow_keys()
    cur = current()
    words = TEXT[cur.lang]
    if cur.data is None:
        st.title(words["overview"])
        st.error(words["unreadable"], icon="⚠️")
        st.page_link("app_pages/netzwerk.py", label=words["exit"])
        return
    positions, figures = prepared(cur.key, cur.data)
    steps = steps_for(cur.data, figures)
    total = len(steps)
    if delta:
        _move(delta, total)
    index = max(0, min(int(st.session_state.get(STEP_KEY, 0)), total - 1))
    st.session_state[STEP_KEY] = index
    step = steps[index]

    if cur.data.has_hub:
        overview_titles = (words["overview"], say(
            "app.praesentation.overview_sub", cur.lang, count=figures["partners"],
            hub=plain(cur.data.own_organisation)))
    else:  # not "our" network: named after its file, nobody in the centre
        overview_titles = (na.network_title(cur.data, cur.lang), say(
            "app.praesentation.overview_sub_plain", cur.lang, count=figures["partners"]))
    titles = {
        "overview": overview_titles,
        "growth": (words["growth"], words["growth_sub"]),
        "map": (words["map"], words["map_sub"]),
        "sources": (words["sources"], ""),
    }
    if step.kind == "category":
        shown = figures["categories"].get(step.category, 0)
        titles["category"] = (words["category"].format(category=step.category),
                              say("app.praesentation.category_sub", cur.lang,
                                  partners=number(shown, cur.lang),
                                  count=figures["partners"]))
    title, subtitle = titles[step.kind]

    head = st.columns([5, 1.6, 1.3], vertical_alignment="center")
    with head[0]:
        st.title(title, anchor=False)
        if subtitle:
            with st.container(key="pn_subtitle"):
                st.markdown(subtitle)
    with head[1], st.container(key="pn_indicator"):
        st.markdown(words["indicator"].format(n=index + 1, total=total))
    with head[2], st.container(key="pn_nav", horizontal=True):
        st.button(words["back"], key="presentation_back", on_click=_move, args=(-1, total),
                  disabled=index == 0, width="stretch")
        st.button(words["next"], key="presentation_next", on_click=_move, args=(1, total),
                  disabled=index == total - 1, width="stretch")

    if step.kind == "overview":
        overview(cur, words, positions, figures)
    elif step.kind == "category":
        category_view(cur, words, positions, figures, step.category)
    elif step.kind == "growth":
        growth(cur, words)
    elif step.kind == "map":
        map_view(cur, words)
    else:
        sources(cur, words)

    with st.container(key="pn_footer", horizontal=True, gap="large"):
        st.page_link("app_pages/netzwerk.py", label=words["exit"])
        st.caption(words["keys_help"])


page()
