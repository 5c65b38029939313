"""Page "Reichweite": how far the network reaches – the home in the centre, the partners on
rings for the home town, the region, the Land, Germany and the world.

The picture is :func:`network_app.drawing.reach.draw_reach` as SVG (the same drawing as the
print export ``network-app export --picture reach``, the deck's slide and the presentation):
sharp at every size, nothing loaded from the internet. A filter by category, a table of the
partners per ring (a click on a row opens the partner's profile), the partners without any
reach, and the picture for download (PNG, SVG, PDF: the print page, made when clicked).
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from pathlib import Path

import networkx as nx
import pandas as pd
import streamlit as st

import network_app as na
from app_pages.common import category_label, current, graph_for, header, plain
from network_app.drawing.reach import (
    NO_CATEGORY,
    RINGS,
    Home,
    ReachLook,
    ReachPartner,
    find_home,
    reach_layout,
    reach_partners,
    reach_svg,
    region_rule,
    ring_name,
)
from network_app.exports import meta_for
from network_app.exports.reach import write_reach
from network_app.text import by_language, join_list, say
from network_app.workbook.schema import name_key

TEXT = by_language("app.reichweite")

#: The picture's size in pixels (one point of the look is one pixel); the page shows it as
#: wide as the column, so the type grows and shrinks with the screen.
WIDTH, HEIGHT = 1280, 760
LOOK = ReachLook(label_size=15, ring_size=21, category_size=21, home_size=19, dot=8,
                 label_chars=22)
MIME = {"png": "image/png", "svg": "image/svg+xml", "pdf": "application/pdf"}
#: At most this many partners without a reach are named above the table.
WITHOUT_SHOWN = 30


@st.cache_data(show_spinner=False, max_entries=16)
def picture(key: str, _graph: nx.Graph, lang: str, categories: tuple[str, ...],
            centre: str) -> tuple[str, int]:
    """The rings as SVG for the chosen categories, and how many names found no room."""
    home = find_home(_graph)
    layout = reach_layout(reach_partners(_graph, home, categories=categories))
    svg, drawn = reach_svg(layout, home, WIDTH, HEIGHT, lang, look=LOOK, centre_name=centre)
    return svg, len(drawn.unnamed)


def _download(graph: nx.Graph, data: na.PartnerData, lang: str,
              fmt: str) -> Callable[[], bytes]:
    """The print page as a file, made when the download button is clicked."""
    def make() -> bytes:
        with tempfile.TemporaryDirectory(prefix="partnernetz-reach-") as folder:
            path = write_reach(Path(folder) / f"reach.{fmt}", graph, meta_for(data, lang=lang),
                               fmt=fmt)
            return path.read_bytes()
    return make


def _categories(graph: nx.Graph) -> list[str]:
    """The categories present, in the canonical order; "" for partners without one."""
    present = {c for _, a in graph.nodes(data=True) if a.get("kind") == "partner"
               for c in (a.get("categories") or [NO_CATEGORY])}
    ordered = [c for c in na.CATEGORIES if c in present]
    ordered += sorted(present - set(na.CATEGORIES) - {NO_CATEGORY}, key=str.casefold)
    return ordered + ([NO_CATEGORY] if NO_CATEGORY in present else [])


def _category_text(category: str, lang: str) -> str:
    return category_label(category or na.NO_CATEGORY, lang)


def page() -> None:
    cur = current()
    words = TEXT[cur.lang]
    if not header(words["title"], cur):
        return
    data, lang = cur.data, cur.lang
    if data is None:  # header() said why
        return
    graph = graph_for(cur.key, data)
    home = find_home(graph)
    centre = str(data.own_organisation or "") if data.has_hub else ""
    st.markdown(plain(say("app.reichweite.intro", lang,
                          centre=centre or (home.name if home else words["centre"]),
                          local=ring_name("lokal", home, lang),
                          region=ring_name("regional", home, lang),
                          rule=region_rule(home, lang), state=ring_name("land", home, lang))))
    options = _categories(graph)
    chosen = st.pills(words["categories"], options, selection_mode="multi", default=options,
                      format_func=lambda c: _category_text(c, lang), key="reach_categories",
                      help=words["categories_help"])
    partners = reach_partners(graph, home, categories=tuple(chosen))
    placed = [p for p in partners if p.ring is not None]
    if not chosen:
        st.info(words["none_chosen"])
        return
    if not placed:
        st.info(words["empty"])
    else:
        svg, unnamed = picture(cur.key, graph, lang, tuple(chosen), centre)
        with st.container(key="reach_picture"):
            st.image(svg, width="stretch")
        notes = [words["source_note"].format(state=ring_name("land", home, lang),
                                             region=ring_name("regional", home, lang))]
        if unnamed:
            notes.append(say("app.reichweite.unnamed", lang, count=unnamed))
        st.caption(" ".join(notes))
    without = [p for p in partners if p.ring is None]
    if without:
        with st.container(key="reach_without"):
            st.markdown(plain(say("app.reichweite.without", lang, count=len(without),
                                  names=join_list([p.name for p in without], lang,
                                                  limit=WITHOUT_SHOWN))))
            st.caption(words["without_help"])
    if placed:
        _table(placed, home, lang)
        st.subheader(words["download_title"])
        st.caption(words["download_help"])
        columns = st.columns(6)
        for column, fmt in zip(columns, ("png", "pdf", "svg"), strict=False):
            column.download_button(say("app.reichweite.download", lang, format=fmt.upper()),
                                   data=_download(graph, data, lang, fmt),
                                   file_name=f"{words['file_stem']}.{fmt}", mime=MIME[fmt],
                                   key=f"reach_download_{fmt}", on_click="ignore")


def _table(placed: list[ReachPartner], home: Home | None, lang: str) -> None:
    """The partners per ring, inside out; a click on a row opens the partner's profile."""
    words = TEXT[lang]
    columns = words["columns"]
    order = {ring: i for i, ring in enumerate(RINGS)}
    rows = sorted(placed, key=lambda p: (order.get(p.ring or "", 0), name_key(p.name)))
    frame = pd.DataFrame({
        columns["ring"]: [ring_name(p.ring or "", home, lang) for p in rows],
        columns["name"]: [p.name for p in rows],
        columns["category"]: [_category_text(p.category, lang) for p in rows],
        columns["place"]: [p.place for p in rows],
        columns["source"]: [words["sources"][p.choice.source] for p in rows],
        columns["note"]: [say("app.reichweite.disagree", lang,
                              ring=ring_name(p.choice.by_coordinates, home, lang))
                          if p.disagrees and p.choice.by_coordinates else "" for p in rows],
    })
    st.subheader(words["table_title"])
    counts = " · ".join(say("drawing.reach.ring_count", lang, ring=ring_name(r, home, lang),
                            count=sum(1 for p in rows if p.ring == r)) for r in RINGS)
    st.markdown(plain(counts))
    disagree = sum(1 for p in rows if p.disagrees)
    hints = [words["table_help"]]
    if disagree:
        hints.append(say("app.reichweite.disagreements", lang, count=disagree))
    st.caption(" ".join(hints))
    event = st.dataframe(frame, hide_index=True, width="stretch", on_select="rerun",
                         selection_mode="single-row", key="reach_table")
    selected = event.selection.rows if event is not None else []
    if selected:
        st.session_state["partner_request"] = str(rows[selected[0]].node)
        st.switch_page("app_pages/partner.py")


page()
