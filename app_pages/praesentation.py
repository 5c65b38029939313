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
from network_app.drawing.netmap import PartnerMap, partner_map
from network_app.drawing.places import (
    MapLook,
    Place,
    group_places,
    home_place,
    home_region,
    inside,
    located,
    map_svg,
    place_label,
    region_box,
)
from network_app.drawing.reach import (
    RINGS,
    ReachLook,
    find_home,
    reach_layout,
    reach_partners,
    reach_svg,
    ring_name,
)
from network_app.drawing.styling import NONE_COLOR
from network_app.text import by_language, join_list, number, say

#: Where the page keeps the number of the shown view (0-based).
STEP_KEY = "presentation_step"
KEYS_KEY = "presentation_keys"
CHART_KEY = "presentation"
CHART_HEIGHT = 830
#: The names' size in screen pixels: legible from the back of a room at 1920×1080 (at least
#: 18 px). The label engine draws as many as fit without overlap; the others are listed beside
#: the picture.
FONT_SIZE = 24

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
[data-testid="stToolbar"], [data-testid="stDecoration"],
[data-testid="stElementToolbar"] { display: none !important; }
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
    kind: str  # overview, category, growth, map, reach, sources
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
    coordinates (from Breite/Länge or looked up from their Ort). Only names, places and
    counts: no personal data."""
    with_coordinates = located(data.placed_partners())
    return group_places(with_coordinates), len(with_coordinates)


def steps_for(data: na.PartnerData, figures: dict, key: str = "") -> list[Step]:
    steps = [Step("overview")]
    steps += [Step("category", c) for c in na.CATEGORIES if figures["categories"].get(c)]
    if na.growth_years(data).years is not None:
        steps.append(Step("growth"))  # without Seit years there is no growth to show
    if places_of(data)[0]:
        steps.append(Step("map"))
    if key and any(p.ring for p in reach_partners(graph_for(key, data))):
        steps.append(Step("reach"))  # the rings: only when a partner has a reach or a place
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
    network_chart(graph, positions, styles, key=CHART_KEY, lang=cur.lang,
                  legend=na.legend(graph, cur.lang), height=CHART_HEIGHT, font_size=FONT_SIZE,
                  side_list=True)


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


#: The map's look on the projector: one point of the picture is one pixel on the screen.
MAP_LOOK = MapLook(label_size=22, country_size=18, marker=(7.0, 20.0), max_labels=30)
#: The pictures' sizes in pixels at 1920×1080: the left column is about MAP_WIDTH wide; with a
#: home region the whole map takes WHOLE_SHARE of it and the zoomed region the rest.
MAP_WIDTH, MAP_HEIGHT = 1390, CHART_HEIGHT - 70
WHOLE_SHARE = 1 / 2.6
MAP_GAP = 64


@st.cache_data(show_spinner=False, max_entries=16)
def map_picture(key: str, _found: PartnerMap, lang: str, width: int, height: int,
                zoomed: bool, legend: tuple[tuple[str, str], ...] = ()
                ) -> tuple[str, tuple[Place, ...]]:
    """The map as SVG (matplotlib, text stays sharp on a projector): the home region when
    ``zoomed``, else all places with the region framed when there is one, the legend of the
    colours in it; and the places it has no room to name. The places have the network's
    category colours and the ties between them are drawn, as in the deck and the Karte
    page's export (:mod:`network_app.drawing.netmap`)."""
    places = _found.places
    region = home_region(places, aspect=_region_aspect())
    drawing = {"look": MAP_LOOK, "paint": _found.paint(), "ties": _found.place_ties()}
    if zoomed and region is not None:
        svg, drawn = map_svg(places, width, height, lang, zoom=region, **drawing)
    else:
        svg, drawn = map_svg(places, width, height, lang, frame=region, legend=legend,
                             **drawing)
    return svg, drawn.unnamed


@st.cache_data(show_spinner=False, max_entries=8)
def map_of(key: str, _data: na.PartnerData, lang: str
           ) -> tuple[PartnerMap, tuple[tuple[str, str], ...]]:
    """The partners at their places in the category colours, and the legend of the colours
    the map shows."""
    graph = graph_for(key, _data)
    found = partner_map(graph, na.node_styles(graph))
    used = {colour for spot in found.spots for colour, _ in spot.slices}
    return found, tuple((label, colour) for label, colour in na.legend(graph, lang)
                        if colour in used)


def _widths() -> tuple[int, int]:
    whole = int((MAP_WIDTH - MAP_GAP) * WHOLE_SHARE)
    return whole, MAP_WIDTH - MAP_GAP - whole


def _region_aspect() -> float:
    return _widths()[1] / MAP_HEIGHT


def map_view(cur, words) -> None:
    found, legend = map_of(cur.key, cur.data, cur.lang)
    places = found.places
    with_coordinates = sum(len(spot.members) for spot in found.spots)
    if not places:
        st.info(words["not_available"])
        return
    lang = cur.lang
    # The home region gets its own, zoomed picture when it is worth one; its places are named
    # there, the far ones on the whole map, so names in the crowded region do not pile up.
    region = home_region(places, aspect=_region_aspect())
    home = region.box if region else region_box(home_place(places, _region_aspect()),
                                                  _region_aspect())
    near = [inside(p, home) for p in places]
    unnamed: list[Place] = []
    left, right = st.columns([4.2, 1.3], gap="medium")
    with left:
        if region is not None:
            whole, zoomed = _widths()
            panels = st.columns([whole, zoomed], gap="large")
            for panel, key, title, width, zoom in (
                    (panels[0], "pn_map_whole", words["map_all"], whole, False),
                    (panels[1], "pn_map_region", words["map_region"], zoomed, True)):
                with panel, st.container(key=key):
                    st.markdown(f"**{title}**")
                    svg, not_named = map_picture(cur.key, found, lang, width, MAP_HEIGHT,
                                                 zoom, legend)
                    st.image(svg, width="stretch")
                    unnamed += not_named
        else:
            with st.container(key="pn_map_whole"):
                svg, unnamed_here = map_picture(cur.key, found, lang, MAP_WIDTH,
                                                MAP_HEIGHT + 50, False, legend)
                st.image(svg, width="stretch")
                unnamed += unnamed_here
    with right:
        tile(words["places"], len(places), "places", lang)
        tile(words["near"], sum(p.count for p, inner in zip(places, near, strict=True) if inner),
             "near", lang)
        if unnamed:  # the names the maps had no room for, so that no place goes unsaid
            with st.container(key="pn_map_unnamed"):
                st.markdown(say("app.praesentation.map_unnamed", lang, count=len(unnamed),
                                places=join_list([plain(place_label(p, lang))
                                                  for p in unnamed], lang)))
        missing = len(cur.data.partners) - with_coordinates
        if missing:
            st.markdown(say("app.praesentation.no_coordinates", lang, count=missing))


#: The reach picture on the projector: one point of the picture is one pixel on the screen.
REACH_LOOK = ReachLook(label_size=21, ring_size=28, category_size=28, home_size=24, dot=10,
                       label_chars=22, label_min=19)


@st.cache_data(show_spinner=False, max_entries=8)
def reach_picture(key: str, _graph, lang: str, centre: str) -> tuple[str, int]:
    """The reach view as SVG at projector size, and how many names found no room."""
    home = find_home(_graph)
    layout = reach_layout(reach_partners(_graph, home))
    svg, drawn = reach_svg(layout, home, MAP_WIDTH, MAP_HEIGHT + 50, lang, look=REACH_LOOK,
                           centre_name=centre)
    return svg, len(drawn.unnamed)


def reach_view(cur, words) -> None:
    """How far the network reaches: the rings on the left, a tile per ring on the right."""
    graph = graph_for(cur.key, cur.data)
    home = find_home(graph)
    partners = reach_partners(graph, home)
    lang = cur.lang
    centre = str(cur.data.own_organisation or "") if cur.data.has_hub else ""
    left, right = st.columns([4.2, 1.3], gap="medium")
    with left, st.container(key="pn_reach"):
        svg, _unnamed = reach_picture(cur.key, graph, lang, centre)
        st.image(svg, width="stretch")
    with right:
        for ring in RINGS:
            count = sum(1 for p in partners if p.ring == ring)
            tile(plain(ring_name(ring, home, lang)), count, f"reach_{ring}", lang)
        without = sum(1 for p in partners if p.ring is None)
        if without:
            st.markdown(say("app.praesentation.reach_without", lang, count=without))


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
        # The growth view was left out (no Seit years): the council hears why.
        missing_growth = na.growth_years(cur.data).sentence(cur.lang)
        if missing_growth:
            st.markdown(plain(missing_growth))
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
    steps = steps_for(cur.data, figures, cur.key)
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
        "reach": (words["reach"], words["reach_sub"]),
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
        st.title(plain(title), anchor=False)  # may be the workbook's own "Titel"
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
    elif step.kind == "reach":
        reach_view(cur, words)
    else:
        sources(cur, words)

    with st.container(key="pn_footer", horizontal=True, gap="large"):
        st.page_link("app_pages/netzwerk.py", label=words["exit"])
        st.caption(words["keys_help"])


page()
