"""Choices that keep showing after a switch of language.

Streamlit (1.67) remembers a radio's or selectbox's choice in the browser by the words shown
for it (``format_func``), under the widget's key. When the language changes, the words do, and
the remembered German words match no English option: the radio shows no choice and the
selectbox its placeholder, although the app still works with the old value. Writing each
choice back into ``st.session_state`` on the rerun that changes the language makes Streamlit
send it again, in the new words. Only the keys listed here are touched (writing a button's or
an uploader's key would be an error); a new choice with language-dependent words belongs here.
"""

from __future__ import annotations

import streamlit as st
from streamlit.errors import StreamlitAPIException

__all__ = ["LANGUAGE_CHOICES", "keep_choices"]

#: Widgets whose option words depend on the language (pages Netzwerk, Analyse, export section).
LANGUAGE_CHOICES = ("view", "color_by", "size_by", "f_year", "measure", "resolution",
                    "whatif_mode", "export_format", "layout")
_SEEN = "choices_language"


def keep_choices(lang: str) -> list[str]:
    """On the rerun where ``lang`` changed, send every listed choice again; the keys sent."""
    before = st.session_state.get(_SEEN)
    st.session_state[_SEEN] = lang
    if before is None or before == lang:
        return []
    sent = []
    for key in LANGUAGE_CHOICES:
        if key in st.session_state:
            try:
                st.session_state[key] = st.session_state[key]
            except StreamlitAPIException:  # already drawn on this run: nothing to resend
                continue
            sent.append(key)
    return sent
