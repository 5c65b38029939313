"""The stadtLABOR Partnernetz app (Streamlit): ``streamlit run streamlit_app.py``.

A thin layer over ``network_app``. It opens on the workspace's current workbook (on a fresh
install a copy of the bundled stadtLABOR workbook); an uploaded workbook is shown at once and
replaces the current one only when the user takes it over on the page "Arbeitsstand". The
sidebar (language, workbook) is shared; each page is a file in ``app_pages/``.

This file is the app's one error handler: an error nobody foresaw shows a plain sentence in
the user's language (what to do next), never a traceback; the traceback goes to the server's
log. ``.streamlit/config.toml`` sets ``client.showErrorDetails = "none"`` as a second line, so
even an error outside this handler shows no details.
"""

from __future__ import annotations

import logging

import streamlit as st

from network_app.workbook.isolated import start_reader

# The workbook reader's fork server boots (it imports pandas and the file readers) while the
# app's own imports go on: a fresh server's first page waits less for its workbook.
start_reader()

from app_pages import prefetch  # noqa: E402

# The first page's workbook (the workspace's current one), its graph and groups are made in a
# thread while the app's imports and the sidebar go on (once per server process).
prefetch.start()

from app_pages.access import EDITOR_PAGES, for_editors_only, gate, sidebar_note  # noqa: E402
from app_pages.common import TEXT, sidebar  # noqa: E402

_LOG = logging.getLogger("stadtlabor")

lang = "de"
try:
    # The optional login (secrets.toml): whoever has to sign in first sees only the sign-in
    # page, the run stops there.
    rights = gate()
    current = sidebar()
    lang = current.lang
    words = TEXT[lang]
    # Called after the sidebar, which knows the language (Streamlit allows it anywhere,
    # repeatedly).
    st.set_page_config(page_title=words["app_title"], layout="wide")
    pages = [
        # No page icons: Material icons load from Google's servers, and the app must stay
        # offline.
        st.Page("app_pages/netzwerk.py", title=words["page_network"], default=True),
        st.Page("app_pages/karte.py", title=words["page_map"]),
        st.Page("app_pages/reichweite.py", title=words["page_reach"]),
        st.Page("app_pages/partner.py", title=words["page_partner"]),
        st.Page("app_pages/daten.py", title=words["page_data"]),
        st.Page("app_pages/bearbeiten.py", title=words["page_edit"]),
        st.Page("app_pages/analyse.py", title=words["page_analysis"]),
        st.Page("app_pages/praesentation.py", title=words["page_presentation"]),
        st.Page("app_pages/arbeitsstand.py", title=words["page_workspace"]),
    ]
    if not rights.edit:  # editing and saving are for those who may edit: a sentence instead
        pages = [for_editors_only(page, lang) if page.url_path in EDITOR_PAGES else page
                 for page in pages]
    sidebar_note(rights, lang)
    navigation = st.navigation(pages)
    navigation.run()
except Exception:  # st.rerun() and st.stop() are BaseExceptions: they pass through
    _LOG.exception("unexpected error in the app")
    st.error(TEXT[lang]["unexpected"], icon="⚠️")
