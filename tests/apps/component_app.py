"""A tiny app that shows only the network component, for the browser tests.

``streamlit run tests/apps/component_app.py``. The workbook is the one named by the environment
variable ``PARTNERNETZ_TEST_WORKBOOK``, else the bundled stadtLABOR example. Everything runs
under ``if __name__ == "__main__"`` (as Streamlit runs scripts), so pytest's doctest collection
can import this file without drawing anything.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import networkx as nx
import streamlit as st

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:  # Streamlit puts only this folder on the path
    sys.path.insert(0, str(ROOT))

import network_app as na  # noqa: E402
from app_pages.common import plain  # noqa: E402
from app_pages.network_component import network_chart  # noqa: E402

BUNDLED = ROOT / "data" / "stadtlabor_soest.xlsx"


@st.cache_resource(show_spinner=False)
def load_graph(path: str) -> nx.Graph:
    """The workbook's graph; shared between sessions, so never mutated."""
    content = Path(path).read_bytes()
    return na.build_graph(na.load_workbook(content, filename=Path(path).name))


def main() -> None:
    st.set_page_config(page_title="Netzwerk-Komponente (Test)", layout="wide")
    path = os.environ.get("PARTNERNETZ_TEST_WORKBOOK") or str(BUNDLED)
    full = load_graph(path)
    positions = na.ego_layout(full)  # of the whole graph: nodes keep their place
    graph = full
    if st.checkbox("Ohne eigene Organisation", key="without_hub"):
        graph = full.subgraph(n for n, k in full.nodes(data="kind") if k != "hub").copy()

    # Above the path box: the picture stays the next tab stop after it.
    side_list = st.checkbox("Namensliste", key="side_list")
    names = sorted(str(node) for node in graph.nodes)
    focus = st.selectbox("Knoten zeigen", names, index=None, placeholder="Name wählen …",
                         key="focus")
    path_text = st.text_input("Weg hervorheben (Namen mit | trennen)", key="path")
    highlight = [part.strip() for part in path_text.split("|") if part.strip()]

    clicked = network_chart(graph, positions, na.node_styles(graph), key="net", focus=focus,
                            highlight=highlight, height=600, side_list=side_list)
    if clicked is not None:
        st.session_state["last_clicked"] = clicked
    st.write(f"Ausgewählt: {plain(st.session_state.get('last_clicked', '–'))}")


if __name__ == "__main__":
    main()
