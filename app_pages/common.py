"""What every page of the app shares: the loaded workbook, the language, texts and caches.

The app is a thin layer: figures come from ``network_app``. Caches live here (the library knows
nothing of Streamlit) and are keyed on the workbook's bytes, so a file is parsed once per content.

Which workbook the pages show: the workspace's current workbook (:func:`workspace`; on a fresh
install a copy of the bundled example), or a file the user uploaded in this session. An upload
is shown at once on every page but is not yet taken over: a banner leads to the page
"Arbeitsstand", which previews what it changes and replaces the current workbook only when the
user confirms (after that the session shows the current workbook again, which is now the
upload).
"""

from __future__ import annotations

import gc
import logging
import math
import numbers
import re
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

import networkx as nx
import pandas as pd
import streamlit as st
from babel.numbers import get_decimal_symbol, get_group_symbol

import network_app as na
from app_pages import prefetch
from app_pages.access import may_edit_now
from app_pages.language import keep_choices
from network_app.collector import paused
from network_app.text import LANGUAGES, by_language, fill, fixed, join_list, number, say
from network_app.text.format import LOCALES
from network_app.workbook import limits as workbook_limits
from network_app.workbook.isolated import load_isolated
from network_app.workspace.store import Workspace, fingerprint

# altair takes 0.6 s to import, only the pages with charts need it; pandas' Styler (with
# jinja2) 0.1 s, and ``frame.style`` imports it when a table is styled.
if TYPE_CHECKING:
    import altair as alt
    from pandas.io.formats.style import Styler

ROOT = Path(__file__).resolve().parents[1]
BUNDLED = ROOT / "data" / "stadtlabor_soest.xlsx"
#: The Streamlit config's ``server.maxUploadSize`` says the same (a test keeps them equal).
MAX_UPLOAD_MB = workbook_limits.MAX_UPLOAD_MB
#: What the sidebar's uploader takes (file name endings).
UPLOAD_TYPES = ("xlsx", "xlsm", "xls", "ods", "csv", "tsv", "txt", "edgelist")

TEXT = by_language("app.common")
_LOG = logging.getLogger("stadtlabor")
#: The page that previews an upload and takes it over.
WORKSPACE_PAGE = "app_pages/arbeitsstand.py"

#: Markdown's special characters, and ":" (Streamlit's ":red[…]", ":material/…:" and emoji
#: codes) and "&" (character references such as "&#65;").
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$:&])")


def plain(text: object) -> str:
    """Workbook text shown through a Markdown element stays text: no markup, no picture,
    no link under other words. An address written out ("https://…", "info@…") is still
    made a link by Streamlit's Markdown (GitHub's autolinks, found after the escapes are
    read), showing the address it leads to and fetching nothing until it is clicked.
    """
    return _MARKDOWN_SPECIAL.sub(r"\\\1", str(text))


# Inside a widget's one-line label that starts with our own words only these can make markup
# (emphasis, code, links, pictures, colours, maths, HTML); "-", "." or "#" cannot.
_LABEL_SPECIAL = re.compile(r"([\\`*_\[\]()!<>~$:&])")


def plain_label(text: object) -> str:
    """Workbook text inside a widget's label (after our own words): stays text, and a name
    such as "A-Lab" keeps its accessible name without backslashes (screen readers read the
    label as written).

    >>> print(plain_label("A-Lab e.V."), plain_label("![x](http://x)"))
    A-Lab e.V. \\!\\[x\\]\\(http\\://x\\)
    """
    return _LABEL_SPECIAL.sub(r"\\\1", str(text))


@dataclass(frozen=True)
class Current:
    """The workbook the pages show, as chosen in the sidebar."""

    lang: str
    name: str
    # hash of the file's bytes and the choice of the hub: the cache key for everything derived
    key: str
    is_example: bool
    data: na.PartnerData | None
    error: na.NetworkAppError | None
    #: An upload of this session that is not (yet) the workspace's current workbook.
    pending: bool = False
    #: The bytes shown (for taking an upload over).
    content: bytes = field(default=b"", repr=False)
    #: The workspace's current workbook as this run read it ("" when the folder failed).
    workspace_fingerprint: str = ""

    @property
    def t(self) -> dict:
        return TEXT[self.lang]


@st.cache_data(show_spinner=False, max_entries=8)
def load(content: bytes, name: str, own_organisation: str | Literal[False] | None = None
         ) -> na.PartnerData:
    """The validated workbook; ``own_organisation`` is the sidebar's choice of the hub (a name,
    False for none, None as the file says).

    Read in a child process with a time and a memory limit (:mod:`network_app.workbook.isolated`):
    a hostile upload is refused with ``too_costly`` and cannot stall the server for others.
    A fresh server's first page may have read it already (:mod:`app_pages.prefetch`, the same
    way).
    """
    ahead = prefetch.take_data(content, name, own_organisation)
    if ahead is not None:
        return ahead
    return load_isolated(content, name, max_bytes=MAX_UPLOAD_MB * workbook_limits.MB,
                         own_organisation=own_organisation)


def _thaw(_graph: object) -> None:
    """A kept graph left the cache: the objects :func:`graph_for` set aside are looked at by
    the garbage collector again, so the released graph (it holds reference cycles) is freed."""
    gc.unfreeze()


@st.cache_resource(show_spinner=False, max_entries=4, on_release=_thaw)
def graph_for(key: str, _data: na.PartnerData):
    """The whole graph of a workbook, built once per file content and kept as one object,
    shared by every page and session: read it, never change it (take a copy or a subgraph
    view). ``st.cache_data`` would hand out a copy unpickled on every call: 1.7 s each for
    20,000 partners. Kept as one object, the igraph conversion the measures make of it
    (``network_app.analysis.engine.prepare``) is kept too. Frozen (``nx.freeze``): a page that
    tried to change it would fail loudly instead of changing it for everyone.

    The graph lives as long as its cache entry, so Python's garbage collector is told to leave
    it alone (``gc.freeze``; the young generations are collected first, so little that is dead
    is set aside with it): at 20,000 partners its ~700,000 objects cost every collection that
    looks at them 0.1-0.3 s (three such passes during and after the first page, 0.4-0.9 s at
    load 5). :func:`_thaw` gives everything back to the collector when an entry leaves the
    cache."""
    gc.collect(1)
    with paused():
        try:
            ahead = prefetch.take_graph(key)  # a fresh server's first page: made meanwhile
            return ahead if ahead is not None else nx.freeze(na.build_graph(_data))
        finally:
            gc.freeze()


@st.cache_data(show_spinner=False, max_entries=8)
def positions_for(key: str, _data: na.PartnerData, layout: str | None = None) -> dict:
    """Where every node stands, for every page and view (computed once per file content and
    layout: "ego" or "force", None for the one that suits the network)."""
    return na.stable_positions(_data, layout)


@st.cache_data(show_spinner=False, max_entries=8)
def measures_for(key: str, _data: na.PartnerData):
    """The partner measures and the network figures; the slowest step, so shared by pages."""
    layer = na.partner_layer(graph_for(key, _data))
    return na.partner_metrics(layer), na.network_summary(layer)


@st.cache_data(show_spinner=False, max_entries=32)
def groups_for(key: str, _data: na.PartnerData, resolution: float = 1.0, lang: str = "de"
               ) -> na.Communities:
    """The groups, named in ``lang`` (a group without a common category or type, as in a
    network from another tool, is a "Gruppe" / "Group")."""
    # The whole graph as it is: the grouping leaves the hub out itself (no copy of the
    # partner layer, 0.9 s at 20,000 partners).
    ahead = prefetch.take_groups(key, resolution, lang)  # a fresh server's first page
    if ahead is not None:
        return ahead
    return na.detect_communities(graph_for(key, _data), resolution=resolution, lang=lang)


@st.cache_data(show_spinner=False, max_entries=1)
def template_bytes() -> bytes:
    with tempfile.TemporaryDirectory() as folder:
        return na.write_template(Path(folder) / "Partner-Vorlage.xlsx").read_bytes()


def _upload_key() -> str:
    """The uploader's key: a new one after an upload was taken over or discarded, which
    empties the widget (Streamlit has no other way to clear a file uploader)."""
    rounds = st.session_state.get("upload_round", 0)
    return "workbook" if not rounds else f"workbook_{rounds}"


def _remember_upload(key: str = "workbook") -> None:
    """Keep the uploaded workbook in the session when the user adds or removes it.

    The uploader's own state is lost when a page is switched from code (st.switch_page after a
    click in the network), so the session, not the widget, is the source of truth.
    """
    upload = st.session_state.get(key)
    st.session_state["upload"] = (upload.name, upload.getvalue()) if upload else None


def forget_upload() -> None:
    """Drop the session's upload (taken over, or discarded): the pages show the workspace's
    current workbook again and the uploader is empty."""
    st.session_state["upload"] = None
    st.session_state["upload_round"] = st.session_state.get("upload_round", 0) + 1


_configured_workspace = prefetch.configured_workspace


def workspace() -> Workspace:
    """The workspace folder: the secrets' ``workspace`` > ``$PARTNERNETZ_WORKSPACE`` >
    ``workspace/`` at the project root."""
    return Workspace.resolve(_configured_workspace())


def _workspace_current() -> tuple[bytes, str, str]:
    """The current workbook's bytes, name and fingerprint; the first start copies the bundled
    example in. A folder that cannot be used (no rights, disk full) shows the bundled example,
    so the app still opens; the error goes to the log."""
    ws = workspace()
    try:
        try:
            now, content = ws.open_current()
        except na.NetworkAppError:  # no current workbook yet: the first start
            ws.ensure()
            now, content = ws.open_current()
    except (OSError, na.NetworkAppError):
        _LOG.exception("the workspace %s cannot be used", ws.root)
        return BUNDLED.read_bytes(), BUNDLED.name, ""
    return content, now.name, now.fingerprint


def css_string(text: str) -> str:
    """``text`` as a quoted CSS string: quotes, backslashes, line breaks and "<" escaped, so
    no text can end the string or the style element."""
    escaped = (text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\A ")
               .replace("<", "\\3C "))
    return f'"{escaped}"'


#: Where Streamlit writes words of its own (streamlit 1.67, checked by tests/test_browser_words.py):
#: (selector of the element whose text is replaced, catalog key of ours).
_WIDGET_WORDS = (
    ('[data-testid="stFileUploaderDropzone"] [data-testid="stBaseButton-secondary"] '
     '[data-testid="stMarkdownContainer"] p', "upload_button"),
    ('[data-testid="stFileUploaderDropzoneInstructions"] > div', "upload_hint"),
    ('[data-testid="stMultiSelectDropdown"] [data-key="__select_all__"] [data-item-hl]',
     "select_all"),
    ('[data-testid="stMultiSelectDropdown"] [data-empty="true"] [role="option"] > span',
     "no_results"),
    ('[data-testid="stSelectboxVirtualDropdown"] [data-empty="true"] [role="option"] > span',
     "no_results"),
    ('[data-testid="stFileChip"][aria-invalid="true"] [data-testid="stFileChipName"] + div',
     "upload_refused"),
    ('body:has([data-testid="stTooltipErrorHoverTarget"]:hover [data-testid="stFileChip"]) '
     '[data-testid="stTooltipErrorContent"]', "upload_refused_why"),
    ('[data-testid="stStatusWidget"] button', "stop"),
    ('[data-testid="stStatusWidget"] button:disabled', "stopping"),
)


def widget_words_css(lang: str) -> str:
    """A style element that puts our words where Streamlit writes its own English ones.

    Streamlit has no language setting for its widgets ("Upload", "50MB per file", "Select all",
    "No results"; streamlit/streamlit#13500): their text is hidden (font size 0, or the
    children not shown) and ours is shown through ``::after``. Built from the catalog only.
    """
    t = TEXT[lang]
    words = {key: t[key] for _, key in _WIDGET_WORDS}
    limits = {"size": number(MAX_UPLOAD_MB, lang),
              "types": ", ".join(kind.upper() for kind in UPLOAD_TYPES)}
    words["upload_hint"] = fill(t["upload_hint"], lang, **limits)
    words["upload_refused_why"] = fill(t["upload_refused_why"], lang, **limits)
    # Sizes in px and %: a decimal point would be a number the German page writes wrongly.
    rules = []
    for selector, key in _WIDGET_WORDS:
        rules.append(f"{selector} {{ font-size: 0; }}\n"
                     f"{selector} > * {{ display: none; }}\n"
                     f"{selector}::after {{ content: {css_string(words[key])}; "
                     "font-size: 14px; line-height: 160%; white-space: normal; }")
    hint = _WIDGET_WORDS[1][0]
    rules.append(f"{hint}::after {{ opacity: 70%; }}")
    # The size under a loaded file's name is written the English way ("4.9KB"): left out.
    rules.append('[data-testid="stFileChip"]:not([aria-invalid="true"]) '
                 '[data-testid="stFileChipName"] + div { display: none; }')
    # A tooltip opens in a layer of its own: which button it belongs to is the hovered one.
    tooltip = '[data-testid="stTooltipContent"] [data-testid="stMarkdownContainer"] p'
    for label, ours in t["toolbar"].items():
        hovered = (f'body:has([data-testid="stBaseButton-elementToolbar"]'
                   f'[aria-label={css_string(label)}]:hover)')
        rules.append(f"{hovered} {tooltip} {{ font-size: 0; }}\n"
                     f"{hovered} {tooltip}::after {{ content: {css_string(ours)}; "
                     "font-size: 14px; }")
    return "<style>\n" + "\n".join(rules) + "\n</style>"


def _language_name(code: str) -> str:
    """Each language by its own name; a value given by its name (AppTest's ``set_value``)
    stays that name, so it finds its option."""
    return TEXT["de"]["languages"].get(code, code)


#: The sidebar's choices of the hub: as the file says, nobody, or a name typed in.
HUB_MODES = ("file", "none", "name")
_HUB_KEYS = ("hub_mode", "hub_name")


def widget_key(name: str, lang: str) -> str:
    """The key of a choice whose option words depend on the language: one widget per language.

    Streamlit's browser side keeps showing the old words of the chosen option when only the
    words change (a German "wie in der Datei" in the English sidebar); a new widget shows the
    new ones. Keep the choice under a key of its own to carry it over (see :func:`hub_choice`).
    German, the default, keeps the plain name.
    """
    return name if lang == LANGUAGES[0] else f"{name}_{lang}"


def hub_choice(t: dict, lang: str = "de") -> str | Literal[False] | None:
    """The sidebar control "In der Mitte": None (as the file says), False (nobody) or a name.

    The choice is also kept under keys of its own, so it survives a page switched from code
    (st.switch_page), which may drop widget state, as it does the uploader's, and a change of
    language, which shows a widget of its own (:func:`widget_key`).
    """
    keys = {key: widget_key(key, lang) for key in _HUB_KEYS}
    switched = st.session_state.get("hub_lang_kept", lang) != lang
    for key, widget in keys.items():
        if (switched or widget not in st.session_state) and f"{key}_kept" in st.session_state:
            st.session_state[widget] = st.session_state[f"{key}_kept"]
    st.session_state["hub_lang_kept"] = lang
    mode = st.sidebar.selectbox(t["hub"], HUB_MODES, key=keys["hub_mode"],
                                format_func=lambda m: t["hub_modes"].get(m, m),
                                help=t["hub_help"])
    name = ""
    if mode == "name":
        name = st.sidebar.text_input(t["hub_name"], key=keys["hub_name"],
                                     max_chars=200).strip()
    for key, widget in keys.items():
        if widget in st.session_state:
            st.session_state[f"{key}_kept"] = st.session_state[widget]
    if mode == "none":
        return False
    return name or None


def sidebar() -> Current:
    """Language and workbook choice; stores and returns what the pages show."""
    lang = st.sidebar.radio(TEXT["de"]["language"], LANGUAGES, horizontal=True, key="language",
                            format_func=_language_name)
    keep_choices(lang)  # the pages' choices show in the new language's words
    t = TEXT[lang]
    st.html(widget_words_css(lang))
    upload_key = _upload_key()
    upload = None
    if may_edit_now():  # with a login, only those who may edit upload (app_pages/access.py)
        upload = st.sidebar.file_uploader(t["upload"], type=list(UPLOAD_TYPES),
                                          help=t["upload_help"], max_upload_size=MAX_UPLOAD_MB,
                                          key=upload_key, on_change=_remember_upload,
                                          args=(upload_key,))
    # Made when clicked (the template workbook took 0.2 s of every fresh server's first page).
    st.sidebar.download_button(t["template"], data=template_bytes,
                               file_name=t["template_file"], on_click="ignore")
    stored = st.session_state.get("upload")
    current_bytes, current_name, current_fingerprint = _workspace_current()
    if upload is not None:
        content, name = upload.getvalue(), upload.name
    elif stored is not None:
        name, content = stored
    else:
        content, name = current_bytes, current_name
    shown = fingerprint(content)
    pending = shown != current_fingerprint and (upload is not None or stored is not None)
    if not pending:  # an upload that is the current workbook already: shown as the current
        content, name = current_bytes, current_name
    hub = hub_choice(t, lang)
    key = f"{shown}:{hub!r}"
    try:
        data, error = load(content, name, hub), None
    except na.NetworkAppError as exc:
        data, error = None, exc
    current = Current(lang, name, key, not pending and _is_bundled(shown), data, error,
                      pending=pending, content=content,
                      workspace_fingerprint=current_fingerprint)
    st.session_state["current"] = current
    return current


@st.cache_data(show_spinner=False, max_entries=1)
def _bundled_fingerprint() -> str:
    return fingerprint(BUNDLED.read_bytes())


def _is_bundled(shown: str) -> bool:
    """Whether the bytes shown are the bundled example's (the workspace's first start)."""
    return shown == _bundled_fingerprint()


def current() -> Current:
    return st.session_state["current"]


def not_taken_over(cur: Current) -> None:
    """The banner above every page while an upload is shown that is not taken over, or a file
    put into the workspace folder by hand waits to be taken over.

    The slot is there on every run, filled or not: the elements after it keep their place in
    the page's element tree, so Streamlit does not show the previous run's elements beside
    the new ones while a run that adds or removes the banner is still going.
    """
    slot = st.empty()
    if not may_edit_now():  # nothing to take over for whoever may not (no page to go to)
        return
    dropped = _dropped_names()
    if not cur.pending and not dropped:
        return
    with slot.container(border=True):
        if cur.pending:
            st.warning(cur.t["not_taken_over"])
        if dropped:  # put into the folder by hand: nobody would notice on this page
            st.warning(say("app.common.dropped_waiting", cur.lang, count=len(dropped),
                           names=plain(join_list(dropped, cur.lang))))
        st.page_link(WORKSPACE_PAGE, label=cur.t["to_workspace"])


def _dropped_names() -> list[str]:
    """The files put into the workspace folder by hand (a directory listing, cheap)."""
    try:
        return [path.name for path in workspace().dropped()]
    except OSError:
        return []


def header(title: str, cur: Current) -> bool:
    """Page title, which workbook is shown, and the error box for an unreadable file.

    Returns False when there is no data to show.
    """
    st.title(plain(title))  # the title may be the workbook's own ("Titel")
    if cur.is_example:
        st.caption(cur.t["showing_example"])
    elif cur.pending:
        st.caption(cur.t["showing_file"].format(name=plain(cur.name)))
    else:
        st.caption(cur.t["showing_current"].format(name=plain(cur.name)))
    not_taken_over(cur)
    if cur.error is not None:
        # the sentence may quote the file (a sheet's name, a reader's message): text
        st.error(say("app.common.unreadable", cur.lang, detail=plain(cur.error.text(cur.lang))),
                 icon="⚠️")
        return False
    return True


def shown_caption(graph, partners: int, total: int, lang: str) -> str:
    """What a network picture shows: "Gezeigt: 12 von 64 Partnern, 30 Verbindungen."

    The ties counted are those the view draws: between partners, or in the activities view
    (whose ties all link a partner to an activity or programme) the partners' links to
    activities and programmes, with how many activities were left out for lack of partners.
    """
    kinds = [kind for *_, kind in graph.edges(data="kind")]
    if any(kind in ("activity", "programme") for kind in kinds):
        ties = say("app.netzwerk.activity_ties_count", lang,
                   count=sum(kind in ("activity", "programme") for kind in kinds))
    else:
        ties = say("app.netzwerk.ties_count", lang, count=kinds.count("partner"))
    caption = say("app.netzwerk.shown", lang, partners=number(partners, lang), count=total,
                  ties=ties)
    left_out = graph.graph.get("without_partners", 0)
    if left_out:
        caption += " " + say("app.netzwerk.without_partners", lang, count=left_out)
    return caption


def category_label(category: str, lang: str) -> str:
    """A category key as the reader sees it (the library's words for "no category")."""
    return na.category_label(category, lang)


# --- numbers as the reader's language writes them ------------------------------------------------
def figure(value: Any, lang: str, digits: int = 2) -> str:
    """A number for a tile or a static table: whole numbers grouped ("1.284"), fractions with
    ``digits`` decimals ("0,03" in German, "0.03" in English), "–" for none."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    if isinstance(value, numbers.Integral) and not isinstance(value, bool):
        return number(int(value), lang)
    if isinstance(value, numbers.Real):
        return fixed(float(value), lang, digits=digits)
    return str(value)


def number_table(frame: pd.DataFrame, lang: str, digits: int = 3, *,
                 aligned: bool = True) -> pd.DataFrame | Styler:
    """``frame`` for ``st.dataframe`` with its fractions written as ``lang`` writes them:
    ``digits`` decimals each (``aligned``), or up to ``digits`` as the workbook has them.

    A Styler changes only what is shown: the cells stay numbers, so sorting by a column in the
    table still sorts by value. A frame without fractions is returned as it is.
    """
    fractions = [column for column in frame.columns if frame[column].dtype.kind == "f"]
    if not fractions:
        return frame
    write = fixed if aligned else number
    return frame.style.format(lambda value: write(value, lang, digits=digits),
                              subset=fractions, na_rep="–")


#: Up to this many cells the fractions of a table are styled (pandas' Styler, which keeps them
#: numbers, so sorting by such a column sorts by value); a larger table gets them as text.
MAX_STYLED_CELLS = 100_000


def display_table(frame: pd.DataFrame, lang: str, digits: int = 3, *,
                  aligned: bool = True, markdown: bool = False) -> pd.DataFrame | Styler:
    """``frame`` for ``st.dataframe`` or ``st.table`` as a reader should see it.

    Empty cells are empty: Streamlit writes "None" for every missing value whatever a Styler
    says, so missing values are replaced, not styled. A number column with gaps becomes text
    (years as written, "2019"; fractions as ``lang`` writes them); a full one stays numbers,
    its fractions shown as :func:`number_table` shows them. Yes/no columns are words. The
    column names are the caller's: translate them first and leave internal columns out.

    ``markdown``: the table goes to ``st.table``, which reads every cell and column name as
    Markdown; each text is escaped with :func:`plain`, so workbook text stays text (a name
    written as an image or a link is shown as written, nothing is loaded).
    """
    if markdown:
        frame = frame.rename(columns=lambda c: plain(c) if isinstance(c, str) else c)
        frame = frame.apply(lambda column: column.map(
            lambda v: plain(v) if isinstance(v, str) else v) if column.dtype.kind == "O"
            else column)
    words = TEXT[lang]
    write = fixed if aligned else number
    shown = frame.copy()
    fractions = []
    for column in frame.columns:
        values = frame[column]
        kind = values.dtype.kind
        if kind == "b" or (kind == "O" and values.notna().any()
                           and values.dropna().map(lambda v: isinstance(v, bool)).all()):
            shown[column] = values.map(lambda v: "" if _missing(v)
                                       else words["yes"] if v else words["no"]).astype(object)
        elif values.isna().any() and (kind in "iu" or (kind == "f" and values.dropna().map(
                lambda v: float(v).is_integer()).all())):
            # years and counts with gaps: as written ("2019"), never grouped ("2.019")
            shown[column] = values.map(lambda v: "" if _missing(v) else str(int(v))
                                       ).astype(object)
        elif kind == "f" and values.isna().any():
            shown[column] = values.map(lambda v: "" if _missing(v)
                                       else write(float(v), lang, digits=digits)
                                       ).astype(object)
        elif kind == "f":
            fractions.append(column)
        elif kind not in "iu":
            shown[column] = values.map(lambda v: "" if _missing(v) else v).astype(object)
    if not fractions:
        return shown
    if shown.size > MAX_STYLED_CELLS:
        for column in fractions:
            shown[column] = shown[column].map(lambda v: write(v, lang, digits=digits))
        return shown
    return shown.style.format(lambda value: write(value, lang, digits=digits),
                              subset=fractions)


def static_table(frame: pd.DataFrame, lang: str) -> None:
    """``frame`` as a static table whose long texts wrap (``st.table``), every text in it
    shown as written (see :func:`display_table`'s ``markdown``)."""
    st.table(display_table(frame, lang, markdown=True), hide_index=True)


def _missing(value: Any) -> bool:
    """None, NaN, NaT or pandas' NA: a cell left empty (lists are values, never missing)."""
    return value is None or (not isinstance(value, list | tuple) and bool(pd.isna(value)))


def chart_locale(lang: str) -> dict[str, Any]:
    """The Vega-Lite number locale of ``lang``: axis labels, tooltips and text marks of every
    chart use its decimal and thousands separators."""
    locale = LOCALES[lang]
    return {"number": {"decimal": get_decimal_symbol(locale),
                       "thousands": get_group_symbol(locale),
                       "grouping": [3], "currency": ["", ""]}}


def localized(chart: alt.TopLevelMixin, lang: str) -> alt.TopLevelMixin:
    """``chart`` writing its numbers as ``lang`` does (keeps any other configuration)."""
    import altair as alt

    chart = chart.copy(deep=False)
    config = chart.config if chart.config is not alt.Undefined else alt.Config()
    chart.config = config.copy()
    chart.config.locale = chart_locale(lang)
    return chart


def problem_text(problem: na.Problem, lang: str) -> str:
    """What to do about ``problem``, as the app says it: where the general advice names a
    command of the command line (the template), the app names its own button instead."""
    t = TEXT[lang]
    advice = t["problem_advice"].get(problem.code)
    if advice is None:
        return problem.text(lang)
    return fill(advice, lang, button=t["template"])


def errors_banner(data: na.PartnerData, lang: str) -> None:
    """The box above a network read from a workbook with problems: a missing partner list is
    said as such, with the way out (the template button); other errors are counted."""
    if not data.errors:
        if data.warnings:
            st.warning(say("app.netzwerk.has_warnings", lang, count=len(data.warnings)))
        return
    missing = [p for p in data.errors if p.code in TEXT[lang]["problem_advice"]]
    if not missing:
        st.error(say("app.netzwerk.has_errors", lang, count=len(data.errors)), icon="⚠️")
        return
    sentences = [problem_text(p, lang) for p in missing]
    rest = len(data.errors) - len(missing)
    if rest:
        sentences.append(say("app.common.more_errors", lang, count=rest))
    st.error(" ".join(sentences), icon="⚠️")


def problems_table(problems: list[na.Problem], lang: str) -> pd.DataFrame:
    t = TEXT[lang]
    rows = [
        {
            t["columns"]["severity"]: t["severity"][p.severity],
            t["columns"]["sheet"]: p.sheet or "",
            t["columns"]["row"]: str(p.row) if p.row else "",
            t["columns"]["column"]: (f"{p.column} ({p.column_letter})" if p.column and
                                     p.column_letter else p.column or p.column_letter or ""),
            t["columns"]["message"]: problem_text(p, lang),
        }
        for p in sorted(problems, key=lambda p: (p.severity != "error", p.sheet or "",
                                                  p.row or 0))
    ]
    return pd.DataFrame(rows, columns=[t["columns"][k] for k in
                                       ("severity", "sheet", "row", "column", "message")])


#: Up to this many problems are shown as a static table that wraps the whole sentence.
FULL_TEXT_PROBLEMS = 150


def show_problems(problems: list[na.Problem], lang: str) -> None:
    """The problems as a table in which every sentence can be read in full."""
    table = problems_table(problems, lang)
    if len(table) <= FULL_TEXT_PROBLEMS:
        static_table(table, lang)
    else:
        message = TEXT[lang]["columns"]["message"]
        st.dataframe(table, hide_index=True, column_config={
            message: st.column_config.TextColumn(message, width="large")})
