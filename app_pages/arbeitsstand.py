"""Page "Arbeitsstand": the workbook the lab works on, new files before they replace it, and
every version kept.

A new file (an upload, or a file put into the workspace folder by hand) is shown first as a
preview against the current workbook (:func:`network_app.workspace.compare.compare`); it
replaces the current one only when the user confirms. Every replaced workbook stays as a
version; any two can be compared (sentences, a table of changed fields, and both networks drawn
with the same positions) and any version can be restored, which makes a new version and deletes
none.

The buttons act in callbacks that carry the current workbook's fingerprint *as the page showed
it*: if a colleague replaced the workbook in between, the store refuses
(:class:`~network_app.errors.ChangedOnDisk`) and the page says so instead of overwriting.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

import pandas as pd
import streamlit as st

import network_app as na
from app_pages.access import (
    allowed_to_write,
    author,
    every_account_may_view,
    signed_in_identity,
)
from app_pages.common import (
    current,
    display_table,
    figure,
    forget_upload,
    load,
    plain,
    show_problems,
    widget_key,
    workspace,
)
from network_app.errors import DiskFull, NetworkAppError, WorkspaceError, is_disk_full
from network_app.text import by_language, number, say
from network_app.text.format import moment
from network_app.workbook import schema
from network_app.workspace.store import KINDS, fingerprint
from network_app.workspace.store import counts as table_counts

TEXT = by_language("app.arbeitsstand")
#: The current workbook in the choice of two versions to compare.
CURRENT = "current"
_LOG = logging.getLogger("stadtlabor")


def size_text(size: int, lang: str) -> str:
    """A file size as people read it: "48 KB", "1,2 MB"."""
    if size < 1024 * 1024:
        return say("app.arbeitsstand.kb", lang, size=number(max(1, round(size / 1024)), lang))
    return say("app.arbeitsstand.mb", lang, size=number(size / 1024 / 1024, lang, digits=1))


def counts_text(counts: dict, lang: str) -> str:
    """ "64 Partner, 1 Beziehung, 34 Aktivitäten, 2 Programme" (what is known of them)."""
    parts = [say(f"app.arbeitsstand.count_{kind}", lang, count=int(counts[kind]))
             for kind in KINDS if counts.get(kind) is not None]
    return ", ".join(parts)


def loaded(content: bytes, name: str) -> na.PartnerData | NetworkAppError:
    """The workbook as the app reads it (cached), or why it cannot be read."""
    try:
        return load(content, name)
    except NetworkAppError as error:
        return error


def show_comparison(result: na.Comparison, lang: str, key: str) -> None:
    """The comparison as sentences, the changed fields as a table, the problems."""
    t = TEXT[lang]
    st.markdown("\n".join(f"- {plain(sentence)}" for sentence in result.summary(lang)))
    personal = False
    if any(f.field in schema.PERSONAL_COLUMNS for change in result.changed_partners
           for f in change.fields):  # shown only when asked for, as on the Partner page
        personal = st.toggle(t["personal"], key=f"{key}_personal")
    rows = result.changes_table(lang, personal=personal)
    if rows:
        st.markdown(f"**{t['changed_fields']}**")
        st.dataframe(display_table(pd.DataFrame(rows), lang), hide_index=True,
                     key=f"{key}_changes")
    if result.problems:
        with st.expander(say("app.arbeitsstand.problems_of_new", lang,
                             count=len(result.problems))):
            show_problems(result.problems, lang)


# --- actions (callbacks: they run before the page is drawn again, and before the login's gate:
# each one that writes asks app_pages.access.allowed_to_write() first) ---------------------------
def _outcome(message: str, kind: str = "success") -> None:
    st.session_state["workspace_outcome"] = (kind, message)


def _done(action: Callable[[], object]) -> bool:
    """Run a change of the workspace; when it fails, say why in plain words (a refusal, busy,
    or a folder that cannot be written: no rights, disk full) and return False."""
    try:
        action()
    except NetworkAppError as error:
        _outcome(plain(error.text(current().lang)), "error")
        return False
    except OSError as exc:  # nothing became current: the store writes atomically
        _LOG.exception("changing the workspace failed")
        lang = current().lang
        _outcome(DiskFull().text(lang) if is_disk_full(exc) else TEXT[lang]["write_failed"],
                 "error")
        return False
    return True


def take_upload(content: bytes, name: str, expected: str) -> None:
    if not allowed_to_write():  # rights may have gone since the page was drawn
        return
    lang = current().lang
    ws = workspace()
    who, login = author(_who())
    if not _done(lambda: ws.replace(content, name, reason="upload", who=who, login=login,
                                    expected=expected)):
        return
    forget_upload()
    _outcome(say("app.arbeitsstand.taken", lang, name=plain(name)))


def discard_upload() -> None:
    forget_upload()
    _outcome(TEXT[current().lang]["discarded"], "info")


def take_dropped(path: str, seen: str, expected: str) -> None:
    if not allowed_to_write():
        return
    lang = current().lang
    ws = workspace()
    who, login = author(_who())
    if _done(lambda: ws.take_dropped(Path(path), who=who, login=login, expected=expected,
                                     seen=seen)):
        _outcome(say("app.arbeitsstand.taken", lang, name=plain(Path(path).name)))


def set_aside(path: str) -> None:
    if not allowed_to_write():
        return
    lang = current().lang
    ws = workspace()
    if _done(lambda: ws.set_aside(Path(path))):
        _outcome(say("app.arbeitsstand.set_aside_done", lang, name=plain(Path(path).name)),
                 "info")


def restore(version_id: str, label: str, expected: str) -> None:
    st.session_state.pop("restore_asked", None)
    if not allowed_to_write():
        return
    lang = current().lang
    ws = workspace()
    who, login = author(_who())
    if _done(lambda: ws.restore(version_id, who=who, login=login, expected=expected)):
        _outcome(say("app.arbeitsstand.restored", lang, when=plain(label)))


def _who() -> str:
    return str(st.session_state.get("workspace_who") or "").strip()


# --- sections ------------------------------------------------------------------------------------
def current_section(ws, now, content: bytes, before, lang: str) -> None:
    """The current workbook: its name, when it was last written, its size and counts."""
    t = TEXT[lang]
    st.subheader(t["current"])
    facts = [say("app.arbeitsstand.current_file", lang, name=plain(now.name)),
             say("app.arbeitsstand.current_changed", lang, when=moment(now.modified, lang)),
             size_text(now.size, lang)]
    if not isinstance(before, NetworkAppError):
        facts.append(counts_text(table_counts(before), lang))
    st.markdown(" · ".join(facts))
    st.caption(say("app.arbeitsstand.folder", lang, folder=plain(ws.root)))
    if every_account_may_view():  # for those who look after the app: who may look
        st.caption(say("app.access.every_account", lang))
    st.download_button(t["download_current"], data=content, file_name=now.name,
                       on_click="ignore", key="download_current")


def preview(before, after: na.PartnerData, lang: str, key: str) -> None:
    if isinstance(before, NetworkAppError):  # the current one unreadable: nothing to compare
        st.warning(TEXT[lang]["current_unreadable"])
    else:
        show_comparison(na.compare_workbooks(before, after), lang, key)


def pending_section(now, before, cur) -> None:
    """The upload shown in the session, not yet taken over: preview, take over, discard."""
    if not cur.pending:
        return
    t, lang = TEXT[cur.lang], cur.lang
    st.subheader(t["pending"])
    st.markdown(say("app.arbeitsstand.pending_intro", lang, name=plain(cur.name)))
    if cur.error is not None:
        st.error(say("app.common.unreadable", lang, detail=plain(cur.error.text(lang))), icon="⚠️")
        st.button(t["discard"], key="discard_upload", on_click=discard_upload)
        return
    preview(before, cur.data, lang, "pending")
    left, right, _ = st.columns([1, 1, 4])
    # the fingerprint of the workbook this preview compared with: a change in between refuses
    left.button(t["take"], type="primary", key="take_upload", on_click=take_upload,
                args=(cur.content, cur.name, now.fingerprint))
    right.button(t["discard"], key="discard_upload", on_click=discard_upload)


def dropped_section(ws, now, before, lang: str) -> None:
    """Workbooks put into the workspace folder by hand: the same preview, take over or set
    aside (moved into a folder of its own, nothing deleted)."""
    dropped = ws.dropped()
    if not dropped:
        return
    t = TEXT[lang]
    st.subheader(t["dropped"])
    st.caption(t["dropped_intro"])
    for index, path in enumerate(dropped):
        with st.expander(plain(path.name), expanded=len(dropped) == 1):
            content = path.read_bytes()
            after = loaded(content, path.name)
            readable = not isinstance(after, NetworkAppError)
            if isinstance(after, NetworkAppError):
                st.error(say("app.common.unreadable", lang, detail=plain(after.text(lang))),
                         icon="⚠️")
            else:
                preview(before, after, lang, f"dropped_{index}")
            left, right, _ = st.columns([1, 1, 4])
            if readable:
                left.button(t["take"], type="primary", key=f"take_dropped_{index}",
                            on_click=take_dropped,
                            args=(str(path), fingerprint(content), now.fingerprint))
            right.button(t["set_aside"], key=f"set_aside_{index}", on_click=set_aside,
                         args=(str(path),), help=t["set_aside_help"])


def who_field(lang: str) -> None:
    """Who takes a file over or restores a version (kept with the version; optional). Signed
    in with the identity provider: its name, said and not typed."""
    identity = signed_in_identity()
    if identity is not None:
        st.caption(say("app.arbeitsstand.who_from_login", lang, name=plain(identity)))
        return
    field, _ = st.columns([2, 3])
    field.text_input(TEXT[lang]["who"], key="workspace_who", max_chars=80,
                     help=TEXT[lang]["who_help"])


def version_label(version, lang: str) -> str:
    """ "29.11.2026, 15:30 · Hochgeladen (aktuell)": when, how, and whether it is current."""
    label = f"{moment(version.created, lang)} · {version.describe(lang)}"
    return say("app.arbeitsstand.is_current", lang, label=label) if version.current else label


def versions_table(versions, lang: str) -> pd.DataFrame:
    columns = TEXT[lang]["columns"]
    rows = []
    for version in versions:
        counts = version.counts or {}
        reason = version.describe(lang)
        row = {columns["created"]: moment(version.created, lang),
               columns["reason"]: say("app.arbeitsstand.is_current", lang, label=reason)
               if version.current else reason,
               columns["who"]: version.who,
               columns["login"]: TEXT[lang]["logins"].get(version.login, ""),
               columns["note"]: version.note,
               columns["name"]: version.name,
               columns["size"]: size_text(version.size, lang)}
        for kind in KINDS:
            value = counts.get(kind)
            row[columns[kind]] = "" if value is None else figure(int(value), lang)
        rows.append(row)
    return pd.DataFrame(rows)


def versions_section(ws, cur) -> None:
    t, lang = TEXT[cur.lang], cur.lang
    versions = ws.versions()
    st.subheader(t["versions"])
    st.caption(t["versions_intro"])
    st.dataframe(versions_table(versions, lang), hide_index=True, key="versions_table")
    if len(versions) < 2:
        st.info(t["one_version"])
        return
    compare_versions(ws, versions, cur)
    restore_section(ws, versions, cur)


def compare_versions(ws, versions, cur) -> None:
    """Any two versions: the preview's comparison, and both networks at the same places."""
    t, lang = TEXT[cur.lang], cur.lang
    st.markdown(f"#### {t['compare']}")
    by_id = {version.id: version for version in versions}
    ids = list(by_id)
    newest = next((i for i, version in enumerate(versions) if version.current), 0)
    left, right = st.columns(2)
    older = left.selectbox(t["older"], ids, index=min(newest + 1, len(ids) - 1),
                           key=widget_key("compare_older", lang),
                           format_func=lambda c: version_label(by_id[c], lang))
    newer = right.selectbox(t["newer"], ids, index=newest, key=widget_key("compare_newer", lang),
                            format_func=lambda c: version_label(by_id[c], lang))
    if older == newer:
        st.info(t["same_choice"])
        return
    found = [loaded(ws.read_version(choice), by_id[choice].name) for choice in (older, newer)]
    old_data, new_data = found
    if isinstance(old_data, NetworkAppError) or isinstance(new_data, NetworkAppError):
        error = old_data if isinstance(old_data, NetworkAppError) else new_data
        assert isinstance(error, NetworkAppError)
        st.error(say("app.common.unreadable", lang, detail=plain(error.text(lang))), icon="⚠️")
        return
    show_comparison(na.compare_workbooks(old_data, new_data), lang, "versions")
    if st.toggle(t["pictures"], key="compare_pictures"):
        st.caption(t["pictures_note"])
        pages = both_pictures(by_id[older].fingerprint, by_id[newer].fingerprint, old_data,
                              new_data, version_label(by_id[older], lang),
                              version_label(by_id[newer], lang), lang)
        for column, page_html in zip(st.columns(2), pages, strict=True):
            with column:
                st.iframe(page_html, height=500)


@st.cache_data(show_spinner=False, max_entries=4)
def both_pictures(old_key: str, new_key: str, _old: na.PartnerData, _new: na.PartnerData,
                  old_caption: str, new_caption: str, lang: str) -> tuple[str, str]:
    """Both workbooks drawn at the same positions: a partner in both stands where the newer
    workbook puts it, one only in the older where the older put it (as the Analyse page's
    year comparison draws two years). Cached by the versions' fingerprints."""
    positions = {**na.stable_positions(_old), **na.stable_positions(_new)}
    pages = []
    for data, caption in ((_old, old_caption), (_new, new_caption)):
        graph = na.build_graph(data)
        pages.append(na.network_html(graph, positions, na.node_styles(graph), caption=caption,
                                     lang=lang, height=480))
    return pages[0], pages[1]


def restore_section(ws, versions, cur) -> None:
    """Make an earlier version current again, after a second click; nothing is deleted."""
    t, lang = TEXT[cur.lang], cur.lang
    earlier = {version.id: version for version in versions if not version.current}
    if not earlier:
        return
    st.markdown(f"#### {t['restore']}")
    chosen = st.selectbox(t["restore_which"], list(earlier), key=widget_key("restore_choice", lang),
                          format_func=lambda c: version_label(earlier[c], lang))
    label = version_label(earlier[chosen], lang)
    if st.session_state.get("restore_asked") != chosen:
        st.button(t["restore_button"], key="restore_ask",
                  on_click=lambda: st.session_state.update(restore_asked=chosen))
        return
    st.warning(say("app.arbeitsstand.restore_confirm", lang, when=plain(label)))
    left, right, _ = st.columns([1, 1, 4])
    left.button(t["restore_yes"], type="primary", key="restore_yes", on_click=restore,
                args=(chosen, label, ws.current().fingerprint))
    right.button(t["restore_no"], key="restore_no",
                 on_click=lambda: st.session_state.pop("restore_asked", None))


def page() -> None:
    cur = current()
    lang = cur.lang
    st.title(TEXT[lang]["title"])
    outcome = st.session_state.pop("workspace_outcome", None)
    if outcome is not None:
        kind, message = outcome
        getattr(st, kind)(message)
    ws = workspace()
    try:
        try:
            now, content = ws.open_current()
        except WorkspaceError:  # no current workbook yet: the first start
            ws.ensure()
            now, content = ws.open_current()
    except (OSError, NetworkAppError):
        _LOG.exception("the workspace %s cannot be used", ws.root)
        st.error(say("app.common.workspace_unusable", lang), icon="⚠️")
        return
    before = loaded(content, now.name)
    current_section(ws, now, content, before, lang)
    who_field(lang)
    pending_section(now, before, cur)
    dropped_section(ws, now, before, lang)
    versions_section(ws, cur)


page()
