"""Exports: what the user sees, as files for reports, the intranet, posters and other tools.

Every exporter takes the picture as it is on screen: an already filtered ``nx.Graph`` (with or
without the own organisation), positions ``{node: (x, y)}``, styles ``{node: NodeStyle}``, legend
entries ``[(label, colour)]`` and an :class:`ExportMeta` (title, Datenstand, source, language,
whether personal data may go in). One module per family:

=============== ==================================================================
``pictures``    PNG (300 dpi), SVG, PDF on a landscape A4/A3 page (matplotlib)
``html``        one self-contained, offline HTML page with a search box
``graphs``      GEXF (with viz), GraphML, node-link JSON, CSV (nodes + edges)
``report``      the Excel report with measures, categories, ties, problems
``pptx``        the council deck (a package: slides, charts, map, theme)
``tables``      the graph as rows with German column names, shared by the data formats
=============== ==================================================================

Rules all of them keep (see :mod:`.common`): personal data (Ansprechperson, Kontakt, E-Mail,
Telefon) only with ``include_personal``, and then the export says "intern"; text that would
start a formula stays text in CSV and XLSX; every file is written to a temporary file in the
target folder and moved into place, so a failure leaves no half-written file.

:func:`export` fills in what the caller does not hand over (the whole network, its layout,
the app's styles and legend, the workbook's title, Datenstand and source), for the CLI.
"""

from __future__ import annotations

import importlib
import os
from collections.abc import Callable
from contextlib import nullcontext
from pathlib import Path
from typing import TYPE_CHECKING, Any

import networkx as nx

from ..drawing.styling import NodeStyle, node_styles
from ..drawing.styling import legend as default_legend
from ..network.figures import network_title
from ..network.graph import _collector_paused, build_graph
from ..network.positions import network_layout
from ..workbook.validation import PartnerData
from .common import ExportMeta, problems_note
from .pictures import PAPER_SIZES, PICTURE_FORMATS, write_picture

# The writers of the other formats are imported when first used (PEP 562): openpyxl for the
# report and python-pptx for the deck load only for those exports, not for every command.
_LAZY: dict[str, str] = {
    "csv_paths": ".graphs", "write_csv": ".graphs", "write_gexf": ".graphs",
    "write_graphml": ".graphs", "write_json": ".graphs", "write_html": ".html",
    "write_report_xlsx": ".report",
}

if TYPE_CHECKING:
    from .graphs import csv_paths, write_csv, write_gexf, write_graphml, write_json
    from .html import write_html
    from .report import write_report_xlsx
else:
    def __getattr__(name: str) -> object:
        module = _LAZY.get(name)
        if module is None:
            raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
        value = getattr(importlib.import_module(module, __name__), name)
        globals()[name] = value
        return value

    def __dir__() -> list[str]:
        return sorted({*globals(), *__all__})

__all__ = [
    "FORMATS",
    "PAPER_SIZES",
    "PICTURES",
    "ExportMeta",
    "csv_paths",
    "export",
    "meta_for",
    "problems_note",
    "write_csv",
    "write_gexf",
    "write_graphml",
    "write_html",
    "write_json",
    "write_picture",
    "write_report_xlsx",
]

#: Every format :func:`export` writes, in the order the CLI and the app offer them.
FORMATS: tuple[str, ...] = (
    "html", "png", "svg", "pdf", "gexf", "graphml", "json", "csv", "xlsx",
    "pptx",  # the council deck (network_app.exports.pptx)
)

Writer = Callable[..., Any]


def _writer(module: str, name: str) -> Writer:
    """The function ``name`` of the exporter ``module``, imported now (see ``_LAZY``)."""
    writer: Writer = getattr(importlib.import_module(module, __name__), name)
    return writer


def _network_picture(path: Path, graph: nx.Graph, positions: dict, styles: dict, legend: list,
                     meta: ExportMeta, fmt: str, paper: str) -> Path:
    return write_picture(path, graph, positions, styles, legend, meta, fmt=fmt, paper=paper)


def _map_picture(path: Path, graph: nx.Graph, positions: dict, styles: dict, legend: list,
                 meta: ExportMeta, fmt: str, paper: str) -> Path:
    written: Path = _writer(".maps", "write_map")(path, graph, styles, legend, meta, fmt=fmt,
                                                  paper=paper)
    return written


def _reach_picture(path: Path, graph: nx.Graph, positions: dict, styles: dict, legend: list,
                   meta: ExportMeta, fmt: str, paper: str) -> Path:
    written: Path = _writer(".reach", "write_reach")(path, graph, meta, fmt=fmt, paper=paper)
    return written


#: What a picture (png, svg, pdf) shows, the first by default: the network, the partners on
#: a map, or how far the network reaches (rings around the home). Each is written by
#: writer(path, graph, positions, styles, legend, meta, fmt, paper); a new kind of picture is
#: one entry here (the CLI offers every key as ``--picture``).
PICTURES: dict[str, Callable[..., Path]] = {
    "network": _network_picture,
    "map": _map_picture,
    "reach": _reach_picture,
}


def _picture(fmt: str) -> Writer:
    def write(path: Path, data: PartnerData, graph: nx.Graph, positions: dict, styles: dict,
              legend: list, meta: ExportMeta, paper: str, picture: str = "network") -> Path:
        return PICTURES[picture](path, graph, positions, styles, legend, meta, fmt, paper)
    return write


def _view(module: str, name: str) -> Writer:
    def write(path: Path, data: PartnerData, graph: nx.Graph, positions: dict, styles: dict,
              legend: list, meta: ExportMeta, paper: str) -> Any:
        return _writer(module, name)(path, graph, positions, styles, legend, meta)
    return write


def _report(path: Path, data: PartnerData, graph: nx.Graph, positions: dict, styles: dict,
            legend: list, meta: ExportMeta, paper: str) -> Path:
    written: Path = _writer(".report", "write_report_xlsx")(
        path, data, graph, meta, positions=positions, styles=styles, legend=legend)
    return written


def _deck(path: Path, data: PartnerData, graph: nx.Graph, positions: dict, styles: dict,
          legend: list, meta: ExportMeta, paper: str) -> Any:
    return _writer(".pptx", "deck_writer")(path, data, graph, positions, styles, legend, meta,
                                           paper)


#: Format → writer(path, data, graph, positions, styles, legend, meta, paper).
_WRITERS: dict[str, Writer] = {
    "html": _view(".html", "write_html"),
    "png": _picture("png"),
    "svg": _picture("svg"),
    "pdf": _picture("pdf"),
    "gexf": _view(".graphs", "write_gexf"),
    "graphml": _view(".graphs", "write_graphml"),
    "json": _view(".graphs", "write_json"),
    "csv": _view(".graphs", "write_csv"),
    "xlsx": _report,
    "pptx": _deck,
}


def meta_for(data: PartnerData, *, title: str | None = None, lang: str = "de",
             include_personal: bool = False, note_problems: bool = True) -> ExportMeta:
    """The workbook's own title, Datenstand and source (settings sheet), or the file name.

    Without a title the network is named by :func:`~network_app.network.figures.network_title`:
    after the own organisation, or after the file when the network has no hub. With
    ``note_problems`` (the default) a workbook with errors gets the note :func:`problems_note`,
    so a picture of incomplete data does not look complete.
    """
    return ExportMeta(
        title=title or network_title(data, lang),
        data_date=data.settings.get("data_date", ""),
        source=data.settings.get("source") or data.source_name,
        lang=lang,
        include_personal=include_personal,
        note=problems_note(data, lang) if note_problems else "",
    )


def _complete_positions(graph: nx.Graph, positions: dict[Any, tuple[float, float]]
                        ) -> dict[Any, tuple[float, float]]:
    """Nodes without a position (activities in the bipartite view) go on an outer circle."""
    missing = [n for n in graph if n not in positions]
    if not missing:
        return positions
    placed = [positions[n] for n in graph if n in positions]
    radius = max((max(abs(x), abs(y)) for x, y in placed), default=300.0) + 200.0
    ring = nx.circular_layout(sorted(missing, key=str), scale=radius)
    return {**positions, **{n: (round(float(ring[n][0]), 1), round(float(ring[n][1]), 1))
                            for n in missing}}


def export(fmt: str, path: str | os.PathLike[str], data: PartnerData, *,
           view_graph: nx.Graph | None = None,
           positions: dict[Any, tuple[float, float]] | None = None,
           styles: dict[Any, NodeStyle] | None = None,
           legend: list[tuple[str, str]] | None = None,
           meta: ExportMeta | None = None, paper: str = "A4",
           picture: str = "network") -> list[Path]:
    """Write one export of ``data`` as ``fmt`` to ``path``; returns the files written.

    Without ``view_graph`` the whole network (:func:`~network_app.build_graph`) is exported;
    missing positions, styles, legend and meta come from :func:`~network_app.network_layout`,
    :func:`~network_app.node_styles`, :func:`~network_app.legend` and :func:`meta_for`.
    ``paper`` ("A4" or "A3") applies to PNG, SVG and PDF. CSV writes two files (see
    :func:`csv_paths`), every other format one. ``picture`` (a key of :data:`PICTURES`) says
    what a PNG, SVG or PDF shows: the network (the default), the partners on a map or the
    reach (rings around the home).
    """
    if fmt not in _WRITERS:
        raise ValueError(f"unknown export format {fmt!r}; use one of {', '.join(FORMATS)}")
    if picture not in PICTURES:
        raise ValueError(f"unknown picture {picture!r}; use one of {', '.join(PICTURES)}")
    if picture != "network" and fmt not in PICTURE_FORMATS:
        raise ValueError(f"the picture {picture!r} is written as {', '.join(PICTURE_FORMATS)}")
    # Python's cyclic collector paused while an HTML page is made (as build_graph does): it
    # creates many containers and no cycles worth collecting, and a full collection walks every
    # object the loaded workbook holds (after loading 1,000 partners, one took 70 ms of the
    # export's 145 ms). Reference counting still frees what is dropped. Pictures and the deck
    # keep the collector: matplotlib's figures are cycles.
    with _collector_paused() if fmt == "html" else nullcontext():
        graph = build_graph(data) if view_graph is None else view_graph
        meta = meta or meta_for(data)
        positions = _complete_positions(graph, network_layout(graph) if positions is None
                                        else positions)
        given = styles or {}
        if any(n not in given for n in graph):
            given = {**node_styles(graph), **given}
        legend = default_legend(graph, meta.lang) if legend is None else legend
        if fmt in PICTURE_FORMATS:
            written = _picture(fmt)(Path(path), data, graph, positions, given, legend, meta,
                                    paper, picture)
        else:
            written = _WRITERS[fmt](Path(path), data, graph, positions, given, legend, meta,
                                    paper)
    return [Path(p) for p in written] if isinstance(written, list) else [Path(written)]
