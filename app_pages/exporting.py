"""The "Exportieren" section of the Netzwerk page: what you see is what you export.

The export takes the picture as it is on screen (the filtered graph, the stable positions, the
styles and legend of the chosen colour and size) and the workbook's title, Datenstand and source
(:func:`network_app.exports.meta_for`). The bytes are built only when the user asks ("Export
erstellen"), in a temporary directory, and kept in ``st.session_state`` together with a
fingerprint of what was exported; the download button is offered only while the fingerprint
still matches the current view, so a stale file is never handed out.
"""

from __future__ import annotations

import hashlib
import io
import json
import tempfile
import zipfile
from collections.abc import Callable, Hashable, Mapping, Sequence
from pathlib import Path
from typing import Any

import networkx as nx
import streamlit as st

import network_app as na
from app_pages.common import plain
from network_app import exports
from network_app.drawing.styling import NodeStyle
from network_app.errors import is_disk_full
from network_app.text import by_language, number, say

__all__ = ["FORMAT_LABELS", "MIME", "export_bytes", "export_section"]

#: Where the section keeps the last export: {"fingerprint", "data", "file_name", "mime"}.
RESULT_KEY = "export_result"

FORMAT_LABELS = by_language("app.export_formats")

#: The formats in the order offered: pictures first, then files for other programs.
ORDER = ("png", "pdf", "svg", "html", "pptx", "xlsx", "csv", "gexf", "graphml", "json")
PICTURES = ("png", "svg", "pdf")

MIME = {
    "png": "image/png",
    "svg": "image/svg+xml",
    "pdf": "application/pdf",
    "html": "text/html",
    "gexf": "application/xml",
    "graphml": "application/xml",
    "json": "application/json",
    "csv": "application/zip",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
}

TEXT = by_language("app.exporting")


def file_name(fmt: str, lang: str = "de") -> str:
    stem = TEXT[lang]["file_stem"]
    return f"{stem}-CSV.zip" if fmt == "csv" else f"{stem}.{fmt}"


def export_bytes(fmt: str, data: na.PartnerData, graph: nx.Graph,
                 positions: Mapping[Hashable, tuple[float, float]],
                 styles: Mapping[Hashable, NodeStyle], legend: Sequence[tuple[str, str]], *,
                 lang: str = "de", include_personal: bool = False, paper: str = "A4",
                 note_problems: bool = True) -> bytes:
    """One export of the shown view as bytes (CSV: a zip of the nodes and edges files); with
    ``note_problems`` a workbook with errors is marked "Daten unvollständig: N Probleme"."""
    meta = exports.meta_for(data, lang=lang, include_personal=include_personal,
                            note_problems=note_problems)
    with tempfile.TemporaryDirectory(prefix="partnernetz-export-") as folder:
        written = exports.export(
            fmt, Path(folder) / f"{TEXT[lang]['file_stem']}.{fmt}", data, view_graph=graph,
            positions=dict(positions), styles=dict(styles), legend=list(legend), meta=meta,
            paper=paper)
        if fmt == "csv":
            buffer = io.BytesIO()
            with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
                for path in written:
                    archive.write(path, arcname=path.name)
            return buffer.getvalue()
        return written[0].read_bytes()


def fingerprint(fmt: str, graph: nx.Graph, styles: Mapping[Hashable, NodeStyle],
                legend: Sequence[tuple[str, str]], *, workbook: str, lang: str,
                include_personal: bool, paper: str, note_problems: bool = True) -> str:
    """What the export depends on; a change of view, colour or option makes a new export."""
    payload: dict[str, Any] = {
        "fmt": fmt, "workbook": workbook, "lang": lang, "personal": include_personal,
        "note": note_problems,
        "paper": paper if fmt in PICTURES else "",
        "nodes": sorted(map(str, graph.nodes)),
        "edges": sorted(sorted(map(str, edge)) for edge in graph.edges),
        "styles": sorted((str(n), s.color, round(float(s.size), 3))
                         for n, s in styles.items() if n in graph),
        "legend": [list(entry) for entry in legend],
    }
    text = json.dumps(payload, ensure_ascii=False, default=str)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def file_size(count: int, lang: str) -> str:
    """A file's size as the reader's language writes it: "12 KB", "1,4 MB" / "1.4 MB"."""
    if count < 1024 * 1024:
        return say("app.exporting.kilobytes", lang, size=number(round(count / 1024), lang))
    return say("app.exporting.megabytes", lang,
               size=number(count / 1024 / 1024, lang, digits=1))


def export_section(data: na.PartnerData, graph: nx.Graph | Callable[[], nx.Graph],
                   positions: Mapping[Hashable, tuple[float, float]],
                   styles: Mapping[Hashable, NodeStyle], legend: Sequence[tuple[str, str]], *,
                   workbook: str, lang: str = "de") -> None:
    """The expander "Exportieren" with format, paper, privacy, build and download.

    ``graph`` may be a function that makes it (a big network's whole partner network, made
    only when an export is built or compared; it is never empty)."""
    words = TEXT[lang]
    labels = FORMAT_LABELS[lang]
    with st.expander(words["section"]):
        st.caption(words["intro"])
        row = st.columns([3, 1])
        fmt = row[0].selectbox(words["format"], ORDER, format_func=labels.get,
                               key="export_format")
        paper = row[1].radio(words["paper"], list(exports.PAPER_SIZES), horizontal=True,
                             key="export_paper", disabled=fmt not in PICTURES)
        include_personal = st.checkbox(words["personal"], value=False,
                                       key="export_personal", help=words["personal_help"])
        note = exports.problems_note(data, lang)
        # on by default: a picture of incomplete data must not look complete
        note_problems = bool(note) and st.checkbox(
            words["problem_note"].format(note=note), value=True, key="export_problem_note",
            help=words["problem_note_help"])
        if isinstance(graph, nx.Graph) and graph.number_of_nodes() == 0:
            st.info(words["empty"])
            return

        def shown() -> nx.Graph:
            return graph if isinstance(graph, nx.Graph) else graph()

        def wanted() -> str:
            # Only when there is something to compare (a big network's nodes and ties take
            # a while to sort, and its styles are made only for an export).
            return fingerprint(fmt, shown(), styles, legend, workbook=workbook, lang=lang,
                               include_personal=include_personal, paper=paper,
                               note_problems=note_problems)

        if st.button(words["build"], key="export_build"):
            try:
                content = export_bytes(fmt, data, shown(), positions, styles, legend, lang=lang,
                                       include_personal=include_personal, paper=paper,
                                       note_problems=note_problems)
            except (OSError, ValueError, na.NetworkAppError) as exc:
                st.session_state.pop(RESULT_KEY, None)
                st.error(words["disk_full"] if is_disk_full(exc)
                         else words["failed"].format(error=plain(exc)), icon="⚠️")
            else:
                st.session_state[RESULT_KEY] = {
                    "fingerprint": wanted(), "data": content, "file_name": file_name(fmt, lang),
                    "mime": MIME[fmt], "format": fmt}
        result = st.session_state.get(RESULT_KEY)
        if result and result["fingerprint"] == wanted():
            st.caption(words["ready"].format(name=result["file_name"],
                                             size=file_size(len(result["data"]), lang)))
            st.download_button(words["download"].format(name=result["file_name"]),
                               data=result["data"], file_name=result["file_name"],
                               mime=result["mime"], on_click="ignore", key="export_download",
                               type="primary")
