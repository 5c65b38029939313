"""The HTML export of a big network: the overview of groups, each group openable in the page.

Above :data:`~network_app.network.overview.OVERVIEW_LIMIT` partners the export does what the
app does: it first shows the groups (communities, :mod:`network_app.network.overview`) as
nodes sized by their members and tied by the ties between them; a click on a group, the list
of groups or the search box opens a group (its partners at their places and the ties between
them) and a button goes back. Everything is in the one file (vis-network, the label engine,
the data as JSON); nothing is loaded from elsewhere.

The data stay small: partners travel as parallel lists (name, x, y, size, a colour's number,
label rank, group), ties as flat triples of numbers inside each group; no tooltips beyond the
name. Ties between groups are counted in the overview, not listed. Workbook text reaches the
page only as JSON data (``<`` escaped) or through ``html.escape``; the script puts names into
the page with ``textContent`` only.
"""

from __future__ import annotations

import html
from functools import cache
from importlib import resources
from typing import Any

import networkx as nx

from ..analysis.communities import detect_communities
from ..drawing.groups import colour_note, group_legend, group_styles
from ..drawing.rendering import _json, label_engine_js, ranks_of, vis_network_js, with_csp
from ..drawing.styling import NodeStyle
from ..network import overview as ov
from ..text import by_language, number, say
from .common import ExportMeta

__all__ = ["overview_data", "overview_page"]

_WORDS = by_language("drawing.overview")
_DRAWING = by_language("drawing.rendering")


@cache
def _script() -> str:
    return resources.files("network_app.drawing").joinpath("overview.js").read_text(
        encoding="utf-8")


def _width(attrs: dict[str, Any]) -> int:
    """The tie's width as :func:`~network_app.drawing.rendering.vis_data` draws it."""
    return int(min(1 + attrs.get("strength", attrs.get("weight", 1)), 8))


def overview_data(graph: nx.Graph, positions: dict[Any, tuple[float, float]],
                  styles: dict[Any, NodeStyle], lang: str = "de") -> dict[str, Any]:
    """What the page's script draws (see the module docstring); groups by community."""
    # The graph itself, not partner_layer's copy (about 1 s at 5,000 partners): the groups
    # and detect_communities leave the hub out themselves.
    layer = graph
    found = detect_communities(graph, lang=lang, once=True)
    grouping = ov.community_grouping(layer, found.membership, found.names, lang=lang)
    overview = ov.overview_graph(layer, grouping, lang)
    places = ov.overview_positions(overview)
    looks = group_styles(overview)
    colours: dict[str, int] = {}
    names: list[str] = []
    xs: list[float] = []
    ys: list[float] = []
    sizes: list[float] = []
    colour: list[int] = []
    rank: list[int] = []
    group: list[int] = []
    members: list[list[int]] = []
    edges: list[list[int]] = []
    # Ties read from the graph's own dicts: through the group's subgraph view every degree and
    # neighbour list is filtered anew, and a view lists its ties in the order of a set.
    adjacency = layer._adj
    for which, name in enumerate(grouping.names):
        inside = set(ov.group_graph(layer, grouping, name))  # the group, cut to the limit
        # in the group's order (by name), so partners that rank alike stay in that order
        partners = [node for node in grouping.members[name] if node in inside]
        # its ties inside the group, a tie with itself twice (as networkx counts degrees)
        ranks = ranks_of(((node, False, len(inside.intersection(adjacency[node]))
                           + (node in adjacency[node])) for node in partners), styles)
        order = sorted(partners, key=ranks.__getitem__)
        local = {node: k for k, node in enumerate(order)}
        start = len(names)
        for node in order:
            style = styles[node]
            names.append(str(style.label))
            x, y = positions.get(node, (0.0, 0.0))
            xs.append(round(float(x), 1))
            ys.append(round(float(y), 1))
            sizes.append(round(float(style.size), 1))
            colour.append(colours.setdefault(style.color, len(colours)))
            rank.append(ranks[node])
            group.append(which)
        members.append(list(range(start, len(names))))
        # each tie once, from its end named first (a tie with itself once)
        flat: list[int] = []
        for k, node in enumerate(order):
            for other, attrs in adjacency[node].items():
                j = local.get(other)
                if j is not None and j >= k:
                    flat += [k, j, _width(attrs)]
        edges.append(flat)
    position = {name: i for i, name in enumerate(grouping.names)}
    return {
        "groups": [{"label": name, "x": places[name][0], "y": places[name][1],
                    "size": looks[name].size, "color": looks[name].color,
                    "title": overview.nodes[name]["tooltip"]} for name in grouping.names],
        "groupEdges": [[position[a], position[b], _width(attrs), attrs["tooltip"]]
                       for a, b, attrs in overview.edges(data=True)],
        "names": names, "x": xs, "y": ys, "size": sizes, "color": colour, "rank": rank,
        "group": group, "members": members, "edges": edges, "colors": list(colours),
        "legend": group_legend(overview, lang),
    }


_PAGE = """<!DOCTYPE html>
<html lang="{lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}</title>
<style>
html, body {{ margin: 0; padding: 0; font-family: "DejaVu Sans", Arial, sans-serif;
  background: #ffffff; color: #1f1f1f; }}
body {{ display: flex; flex-direction: column; height: 100vh; }}
#export-head {{ padding: 10px 16px 6px 16px; border-bottom: 1px solid #ddd; }}
#export-head h1 {{ font-size: 24px; margin: 0; }}
#export-head p {{ font-size: 14px; margin: 4px 0 0 0; color: #444; }}
#export-head .intern {{ color: #b00020; font-weight: bold; }}
#bar {{ display: flex; flex-wrap: wrap; align-items: center; gap: 6px 16px; padding: 6px 10px;
  border-bottom: 1px solid #e0e0e0; background: #fafafa; font-size: 15px; }}
#bar select, #bar input {{ font: inherit; font-size: 15px; margin-left: 6px; }}
#bar input {{ width: 16em; }}
#bar select {{ max-width: 28em; }}
#legend {{ flex: 1 1 100%; }}
#legend h2 {{ display: inline; font-size: 15px; margin: 0 12px 0 0; }}
#legend ul {{ display: inline; list-style: none; margin: 0; padding: 0; }}
#legend li {{ display: inline-block; margin: 2px 16px 2px 0; }}
#legend .swatch {{ display: inline-block; width: 14px; height: 14px; border-radius: 7px;
  margin-right: 6px; vertical-align: -2px; }}
button {{ font: inherit; font-size: 14px; padding: 4px 10px; background: #ffffff;
  color: #1f1f1f; border: 1px solid #8c8c8c; border-radius: 4px; cursor: pointer; }}
button:hover {{ background: #f0f0f0; }}
button[hidden] {{ display: none; }}
button:focus-visible, #network:focus-visible {{ outline: 3px solid #0072B2; }}
#search-status {{ font-size: 13px; margin-left: 6px; }}
#stage {{ position: relative; flex: 1 1 600px; min-height: 420px; }}
#network {{ position: absolute; inset: 0; }}
#hint {{ position: absolute; left: 50%; top: 50%; transform: translate(-50%, -50%);
  margin: 0; padding: 10px 18px; border-radius: 6px; pointer-events: none; z-index: 5;
  background: rgba(31, 31, 31, 0.82); color: #ffffff; font-size: 16px; }}
#hint[hidden] {{ display: none; }}
#status {{ font-size: 14px; color: #333; padding: 4px 10px; margin: 0;
  border-top: 1px solid #e0e0e0; }}
div.vis-tooltip {{ position: absolute; visibility: hidden; z-index: 5; pointer-events: none;
  padding: 5px 8px; white-space: pre-line; font-size: 14px; max-width: 420px;
  max-height: 50vh; overflow: hidden; overflow-wrap: anywhere;
  background-color: #f5f4ed; border: 1px solid #808074; border-radius: 3px; }}
</style>
</head>
<body>
<header id="export-head"><h1>{heading}{intern}</h1><p>{caption}</p></header>
<div id="bar">
<label for="group-select">{group_word}</label><select id="group-select"></select>
<button type="button" id="back" hidden>{back}</button>
<span><label for="search-input">{search}</label><input id="search-input" type="search"
 list="search-names" autocomplete="off"><datalist id="search-names"></datalist>
<span id="search-status" role="status" aria-live="polite"></span></span>
<button type="button" id="fit" title="{fit_help}">{fit}</button>
<div id="legend"><h2>{legend_word}</h2><ul>{legend}</ul></div>
</div>
<div id="stage" data-hint="{zoom_hint}" data-hint-mac="{zoom_hint_mac}">
<div id="network" role="img" aria-label="{graph_word}: {title}"></div>
<p id="hint" role="status" hidden></p>
</div>
<p id="status" role="status" aria-live="polite"></p>
<script>{vis}</script>
<script>
{labels}
var overviewData = {data};
{script}
</script>
</body>
</html>
"""


def overview_page(graph: nx.Graph, positions: dict[Any, tuple[float, float]],
                  styles: dict[Any, NodeStyle], meta: ExportMeta) -> str:
    """The HTML text of the export of a big network (the overview first)."""
    lang = meta.lang
    words, drawing = _WORDS[lang], _DRAWING[lang]
    data = overview_data(graph, positions, styles, lang)
    data["words"] = {
        "overview": words["overview"], "notFound": drawing["not_found"],
        "groupStatus": words["group_status"],
        "overviewStatus": " ".join([
            say("drawing.overview.overview_status", lang, count=len(data["groups"]),
                partners=number(len(data["names"]), lang)),
            colour_note(lang) + "."]),
    }
    data["lang"] = lang
    legend = "".join(
        f'<li><span class="swatch" style="background:{html.escape(color)}"></span>'
        f"{html.escape(label)}</li>" for label, color in data.pop("legend"))
    intern = (f' <span class="intern">{html.escape(meta.words["intern"].upper())}</span>'
              if meta.include_personal else "")
    return with_csp(_PAGE.format(
        lang=lang, title=html.escape(meta.display_title),
        heading=html.escape(meta.title or meta.words["untitled"]), intern=intern,
        caption=html.escape(meta.footer(width=110)), group_word=html.escape(words["group"]),
        back=html.escape(words["back"]), search=html.escape(drawing["search"]),
        fit=html.escape(drawing["fit"]), fit_help=html.escape(drawing["fit_help"]),
        legend_word=html.escape(drawing["legend"]), legend=legend,
        zoom_hint=html.escape(drawing["zoom_hint"]),
        zoom_hint_mac=html.escape(drawing["zoom_hint_mac"]),
        graph_word=html.escape(drawing["graph"]), vis=vis_network_js(),
        labels=label_engine_js(), data=_json(data), script=_script(),
    ))
