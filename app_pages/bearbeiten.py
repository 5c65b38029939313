"""Page "Bearbeiten": change the workspace's workbook in the app and save it back.

How an edit travels (the library does the work, this page only holds the session's state)::

    base      the current workbook as loaded from the workspace (its bytes and fingerprint)
    work      base with the edits folded in so far (bytes; None while nothing is folded)
    pending   the tables' cell edits not yet folded (each st.data_editor's own state)

Every run turns the pending cell edits into :class:`~network_app.workspace.Changes`
(:func:`~network_app.workspace.table_changes`), writes them into a copy of the work bytes and
loads that with the normal loader (:func:`~network_app.workspace.validate_changes`): the tables'
problems are shown with the same messages as a loaded file's. A rename, a merge or a new
partner first folds the pending edits into ``work`` (so their rows are counted on the same
file), then its own. "Speichern" replaces the workspace's current workbook, refused
(:class:`~network_app.errors.ChangedOnDisk`) when the file is no longer the one loaded: the
edits stay in the session, to download as a copy or to redo on the newer file.

The way out of such a refusal is one button ("Meine Änderungen auf die neuere Fassung übertragen
und speichern", :func:`carry_and_save_edits`): the library reads the newest file, carries the
edits over and saves with that file's fingerprint as the one expected
(:func:`~network_app.workspace.carry.carry_and_save`). Where the same place was changed by both,
nothing is saved and the places are named, as after the step-by-step way ("Neu laden", then
"Auf die neuere Fassung übertragen", then "Speichern"), which stays for those who want to look
first.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import PurePath
from typing import Any, Literal, NamedTuple

import pandas as pd
import streamlit as st

import network_app as na
from app_pages.access import allowed_to_write, author, signed_in_identity
from app_pages.common import current, load, plain, show_problems, workspace
from app_pages.edit_tables import (
    KINDS,
    LIST_FIELDS,
    VOCABULARIES,
    YEAR_FIELDS,
    editor_frame,
    fields,
    headers,
    missing,
    options,
    with_typed,
)
from network_app.errors import ChangedOnDisk, DiskFull, WorkspaceError, is_disk_full
from network_app.text import by_language, join_list, say
from network_app.text import words as catalog
from network_app.workbook import schema
from network_app.workspace.carry import Conflict, carry_and_save, carry_over
from network_app.workspace.editing import (
    Changes,
    add_partner,
    check_names_editable,
    merge_partners,
    rename_partner,
    table_changes,
)
from network_app.workspace.saving import WouldLoseContent, apply_changes

TEXT = by_language("app.bearbeiten")
_LOG = logging.getLogger("stadtlabor")

#: In a merge, whose value a field keeps: the partner that stays, or the one merged into it.
Side = Literal["keep", "drop"]
SIDES: tuple[Side, ...] = ("keep", "drop")
#: Partner fields the form for a new partner asks for (those of the file; personal ones only
#: when they are switched on).
FORM_FIELDS = ("name", "categories", "type", "place", "reach", "since", "until", "website",
               "note", *schema.PERSONAL_COLUMNS)


# --- the session's edit state --------------------------------------------------------------------
#: What writing the edits loses of the file: the codes and parts of :class:`WouldLoseContent`.
Losses = tuple[tuple[str, ...], tuple[str, ...]]


class Refused(NamedTuple):
    """Edits whose save was refused, set aside by "Neu laden": the edited file, the steps
    that made it and the file they were made on (to carry them over to the newer one)."""

    name: str
    content: bytes
    steps: list[Changes]
    base_name: str
    base_content: bytes


@dataclass
class Session:
    """What this browser session is editing (kept in ``st.session_state``)."""

    name: str  # the workspace's current file name as loaded
    content: bytes
    fingerprint: str  # of ``content``: the file the edits build on
    work_name: str = ""
    work: bytes | None = None  # base with folded edits; None: nothing folded yet
    steps: list[Changes] = field(default_factory=list)  # folded edits, for the version note
    round: int = 0  # part of the editors' keys: a new round starts them on the new work
    conflict: bool = False  # a save would be refused: the file changed on disk
    noticed: bool = False  # ... seen before a save was tried (a colleague's save)
    refused: Refused | None = None  # set aside by "Neu laden"
    losses: Losses = ((), ())  # what the work lost of the file (codes, parts)

    @property
    def edited(self) -> tuple[str, bytes]:
        return (self.work_name, self.work) if self.work is not None else (self.name,
                                                                          self.content)


def _from_workspace(before: Session | None = None) -> Session:
    ws = workspace()
    try:
        now, content = ws.open_current()
    except WorkspaceError:  # no current workbook yet: the first start
        ws.ensure()
        now, content = ws.open_current()
    fresh = Session(now.name, content, now.fingerprint)
    if before is not None:  # new editors; set-aside edits stay offered
        fresh.round, fresh.refused = before.round + 1, before.refused
    return fresh


def _unsaved(state: Session) -> bool:
    """Whether the session holds edits not saved (folded ones, or cells edited in a grid)."""
    if state.work is not None or state.conflict:
        return True
    for kind in KINDS:
        grid = st.session_state.get(f"edit_{kind}_{state.round}") or {}
        if any(grid.get(part) for part in ("edited_rows", "added_rows", "deleted_rows")):
            return True
    return False


def session(seen: str = "") -> Session:
    """The session's edit state: on the first visit the workspace's current workbook, and
    again when a colleague saved a newer one (``seen``: its fingerprint) while this session
    had nothing unsaved."""
    state = st.session_state.get("edit_session")
    # not isinstance: Streamlit runs a page's file anew each time, so Session is a new class
    if state is None or (seen and seen != state.fingerprint and not _unsaved(state)):
        state = _from_workspace(state)
        st.session_state["edit_session"] = state
    return state


# --- the tables as the editors show them ----------------------------------------------------------
def column_config(kind: str, frame: pd.DataFrame, data: na.PartnerData, lang: str
                  ) -> dict[str, Any]:
    """Each column under the header the file gives it, with a dropdown where the values are
    fixed, years as whole numbers, and the Excel row read-only."""
    words = TEXT[lang]
    names = headers(data, kind)
    config: dict[str, Any] = {}
    for column in frame.columns:
        if column == "row":
            config[column] = st.column_config.NumberColumn(
                words["row"], disabled=True, help=words["row_help"], format="%d")
            continue
        label = names.get(column, column)
        choices = options(kind, column, frame, data)
        if column in LIST_FIELDS:
            config[column] = st.column_config.MultiselectColumn(
                label, options=choices, accept_new_options=True,
                help=words["list_help"])
        elif choices is not None:
            config[column] = st.column_config.SelectboxColumn(label, options=choices)
        elif column in YEAR_FIELDS:
            config[column] = st.column_config.NumberColumn(label, min_value=1000,
                                                           max_value=2999, step=1,
                                                           format="%d")
        elif kind == "relations" and column == "weight":
            config[column] = st.column_config.NumberColumn(label, min_value=0)
        else:
            config[column] = st.column_config.Column(label)
    return config


def table_editor(data: na.PartnerData, kind: str, state: Session, personal: bool,
                 lang: str) -> Changes | None:
    """One table as an editable grid; the cell edits made in it since the last fold."""
    words = TEXT[lang]
    # personal columns are left out of the grid's data, not hidden: hidden ones would still
    # reach the browser (and its "show columns" button)
    columns = fields(data, kind, personal)
    if not columns:
        st.info(words["no_sheet"].format(sheet=schema.SHEETS[kind][0]))
        return None
    before = editor_frame(data, kind, columns)
    if kind not in data.sheets:
        derived = len(getattr(data, kind)) > 0  # the partners of an edge list
        st.info(words["no_sheet_yet" if derived else "no_sheet_new"].format(
            sheet=schema.SHEETS[kind][0]))
    st.caption(words["table_help"])
    # placeholder: an empty cell shows nothing (Streamlit would write "None")
    after = st.data_editor(before, key=f"edit_{kind}_{state.round}", num_rows="dynamic",
                           hide_index=True, width="stretch", placeholder="",
                           on_change=fold_grid, args=(kind, personal, lang),
                           column_config=column_config(kind, before, data, lang))
    return table_changes(data, kind, before, after)


def fold_grid(kind: str, personal: bool, lang: str) -> None:
    """What was typed into a grid, folded into the work at once (the grid's on_change).

    A grid whose data, columns or words change starts afresh and forgets what was typed: a
    change of language, of the personal columns, or a visit to another page would lose it.
    Folded, it is part of the work like a rename.
    """
    state = st.session_state.get("edit_session")
    if state is None:
        return
    typed = st.session_state.get(f"edit_{kind}_{state.round}") or {}
    name, content = state.edited
    try:
        data = load(content, name)
        before = editor_frame(data, kind, fields(data, kind, personal))
        fold(state, table_changes(data, kind, before, with_typed(before, typed)))
    except na.NetworkAppError as exc:
        st.session_state["edit_failed"] = exc.text(lang)


# --- the operations ------------------------------------------------------------------------------
def _names(data: na.PartnerData) -> list[str]:
    return sorted(data.partners["name"].dropna().astype(str), key=schema.name_key)


def new_partner_form(data: na.PartnerData, personal: bool, lang: str) -> dict[str, Any] | None:
    """The form for a new partner; its values when sent with a name."""
    words = TEXT[lang]
    present = set(fields(data, "partners", personal))
    names = headers(data, "partners")
    values: dict[str, Any] = {}
    with st.form("edit_new_partner", clear_on_submit=True):
        for column in FORM_FIELDS:
            if column not in present:
                continue
            label = names.get(column, column)
            key = f"edit_new_{column}"
            if column == "categories":
                values[column] = st.multiselect(label, schema.CATEGORIES, key=key,
                                                placeholder=words["choose"])
            elif column in VOCABULARIES["partners"]:
                values[column] = st.selectbox(label, VOCABULARIES["partners"][column],
                                              index=None, key=key,
                                              placeholder=words["choose"])
            elif column in YEAR_FIELDS:
                values[column] = st.number_input(label, min_value=1000, max_value=2999,
                                                 value=None, step=1, key=key)
            else:
                values[column] = st.text_input(label, key=key).strip() or None
        sent = st.form_submit_button(words["add"])
    if not sent:
        return None
    if not values.get("name"):
        st.error(words["name_missing"])
        return None
    if schema.normalize_name(values["name"]) in {schema.normalize_name(n) for n in _names(data)}:
        st.error(say("app.bearbeiten.name_taken", lang, name=plain(values["name"])))
        return None
    return {k: v for k, v in values.items() if v not in (None, "", [])}


def rename_form(data: na.PartnerData, lang: str) -> tuple[str, str] | None:
    words = TEXT[lang]
    st.caption(words["rename_intro"])
    names = _names(data)
    with st.form("edit_rename"):
        old = st.selectbox(words["rename_old"], names, index=None, key="edit_rename_old",
                           placeholder=words["choose"])
        new = st.text_input(words["rename_new"], key="edit_rename_new", max_chars=300)
        sent = st.form_submit_button(words["rename"])
    if not sent:
        return None
    new = new.strip()
    if old is None or not new:
        st.error(words["rename_missing"])
        return None
    taken = {schema.normalize_name(n) for n in names} - {schema.normalize_name(old)}
    if schema.normalize_name(new) in taken:
        st.error(say("app.bearbeiten.name_taken", lang, name=plain(new)))
        return None
    return (old, new) if new != old else None


def _pair_label(pair: tuple[str, str]) -> str:
    return f"{pair[0]}  ↔  {pair[1]}"


def _take_suggestion() -> None:
    pair = st.session_state.get("edit_merge_pair")
    if pair:
        st.session_state["edit_merge_keep"], st.session_state["edit_merge_drop"] = pair


def merge_form(data: na.PartnerData, personal: bool, lang: str
               ) -> tuple[str, str, dict[str, Side]] | None:
    """Two partners to merge, and per field which one's value stays."""
    words = TEXT[lang]
    st.caption(words["merge_intro"])
    names = _names(data)
    # a "duplicate_name" pair is one name written twice: its second row was never read, so
    # there is nothing to choose from; it is deleted in the Partner table
    suggestions = [(str(a.get("name")), str(b.get("name")))
                   for a, b, code in na.duplicate_pairs(data) if code == "similar_name"]
    if suggestions:
        st.selectbox(words["merge_suggested"], suggestions, index=None, key="edit_merge_pair",
                     format_func=_pair_label, on_change=_take_suggestion,
                     placeholder=words["choose"])
    else:
        st.caption(words["merge_none_suggested"])
    for key in ("edit_merge_keep", "edit_merge_drop"):
        if st.session_state.get(key) not in names:
            st.session_state.pop(key, None)
    left, right = st.columns(2)
    keep = left.selectbox(words["merge_keep"], names, index=None, key="edit_merge_keep",
                          placeholder=words["choose"])
    drop = right.selectbox(words["merge_drop"], names, index=None, key="edit_merge_drop",
                           placeholder=words["choose"])
    if keep is None or drop is None:
        return None
    if keep == drop:
        st.warning(words["merge_same"])
        return None
    records = {r["name"]: r for r in data.records("partners")}
    first, second = records[keep], records[drop]
    names_of = data.columns.get("partners", {})
    choose: dict[str, Side] = {}
    shown = [f for f in names_of
             if personal or f not in schema.PERSONAL_COLUMNS]
    differing = [f for f in shown if _shown(first.get(f)) != _shown(second.get(f))]
    if differing:
        st.write(words["merge_choose"])
    for column in differing:
        mine, theirs = _shown(first.get(column)), _shown(second.get(column))
        if not theirs:
            choose[column] = "keep"
            continue
        if not mine:
            choose[column] = "drop"
            st.caption(say("app.bearbeiten.merge_taken", lang, field=plain(names_of[column]),
                           value=plain(theirs)))
            continue
        # radio labels and options are Markdown: workbook text is escaped
        values = {"keep": plain(mine), "drop": plain(theirs)}
        picked = st.radio(plain(names_of[column]), SIDES, horizontal=True,
                          key=f"edit_merge_field_{column}", format_func=values.__getitem__)
        choose[column] = "drop" if picked == "drop" else "keep"
    if not st.button(words["merge"], key="edit_merge_go"):
        return None
    return keep, drop, choose


def _shown(value: Any) -> str:
    if isinstance(value, list | tuple):
        return "; ".join(map(str, value))
    return "" if missing(value) else str(value)


# --- folding, checking, saving -------------------------------------------------------------------
def combined(changes: Iterable[Changes | None]) -> Changes:
    """Several tables' edits as one :class:`Changes` (they touch different sheets)."""
    total = Changes()
    for part in changes:
        if part is not None:
            total = total + part
    return total


@st.cache_data(show_spinner=False, max_entries=4)
def _applied(content: bytes, name: str, changes: Changes) -> tuple[bytes, str, Losses]:
    """``changes`` written into the file, and what that loses (the file holds content the
    writer cannot keep, such as charts: see :class:`WouldLoseContent`); the user is told
    before saving, and the previous file stays a version."""
    try:
        return (*apply_changes(content, name, changes), ((), ()))
    except WouldLoseContent as exc:
        written, new_name = apply_changes(content, name, changes, allow_losses=True)
        return written, new_name, (tuple(exc.losses), tuple(exc.parts))


def _merged(first: Losses, second: Losses) -> Losses:
    return (tuple(dict.fromkeys(first[0] + second[0])),
            tuple(dict.fromkeys(first[1] + second[1])))


def edited_workbook(state: Session, pending: Changes) -> tuple[str, bytes, Losses]:
    """The workbook as it would be saved now: the work with the pending edits written in,
    and what saving it loses."""
    name, content = state.edited
    if pending.is_empty:
        return name, content, state.losses
    content, name, losses = _applied(content, name, pending)
    return name, content, _merged(state.losses, losses)


def fold(state: Session, changes: Changes) -> None:
    """Write ``changes`` into the work; the editors start afresh on it."""
    if changes.is_empty:
        return
    name, content = state.edited
    content, name, losses = _applied(content, name, changes)
    state.work_name, state.work = name, content
    state.losses = _merged(state.losses, losses)
    state.steps.append(changes)
    state.round += 1


def discard(state: Session) -> None:
    """Drop every unsaved edit: the grids start afresh on the file as loaded."""
    st.session_state["edit_session"] = Session(state.name, state.content, state.fingerprint,
                                               round=state.round + 1, refused=state.refused)
    st.rerun()


def note(steps: Iterable[Changes], lang: str) -> str:
    return " ".join(step.describe(lang) for step in steps)


def save(state: Session, pending: Changes, who: str, lang: str) -> bool:
    """Replace the workspace's current workbook with the edited one; False when refused."""
    fold(state, pending)
    if state.work is None:
        return False
    who, login = author(who)  # signed in with the identity provider: its name, not typed
    try:
        now = workspace().replace(state.work, state.work_name, reason="edit",
                                  note=note(state.steps, lang), who=who, login=login,
                                  expected=state.fingerprint)
    except ChangedOnDisk:
        state.conflict, state.noticed = True, False
        return False
    st.session_state["edit_session"] = _from_workspace(state)
    st.session_state["edit_saved"] = now.name
    return True


def reload(state: Session) -> None:
    """Start again on the workspace's newest file; the refused edits stay to download."""
    refused = None
    if state.work is not None:
        refused = Refused(state.work_name, state.work, list(state.steps), state.name,
                          state.content)
    fresh = _from_workspace(state)
    fresh.refused = refused or state.refused
    st.session_state["edit_session"] = fresh


def carry_and_save_edits(state: Session, who: str, lang: str) -> bool:
    """The one-click way out of a refused save: the edits carried over to the workspace's
    newest file and saved in one run; True when saved.

    Where the same place was changed there too, nothing is saved: the page shows the newer
    file with the edits set aside and the places named (as "Neu laden" and "Auf die neuere
    Fassung übertragen" do). When writing them loses content of the newer file (a chart), they
    are carried but not saved: the page says what would be lost first, as for any edit. When
    yet another save came in between, the conflict is said again and the edits stay as they
    were, for the next try; no save is overwritten.
    """
    if state.work is None:  # nothing of its own to carry: the newer file is all there is
        reload(state)
        return False
    steps = list(state.steps)
    who, login = author(who)
    try:
        done = carry_and_save(workspace(), state.content, state.name, steps,
                              note=note(steps, lang), who=who, login=login)
    except ChangedOnDisk:  # saved again meanwhile: say so again, keep everything
        state.conflict, state.noticed = True, False
        return False
    newer, carried = done.newer, done.carried
    if done.saved is not None:
        st.session_state["edit_session"] = Session(
            done.saved.name, carried.content or b"", done.saved.fingerprint,
            round=state.round + 1, refused=state.refused)
        st.session_state["edit_saved"] = done.saved.name
        st.session_state["edit_carried"] = True
        return True
    fresh = Session(newer.name, done.newer_content, newer.fingerprint, round=state.round + 1,
                    refused=state.refused)
    if carried.content is None:  # the same place changed by both: the user decides
        fresh.refused = Refused(state.work_name, state.work, steps, state.name,
                                state.content)
        st.session_state["edit_conflicts"] = carried.conflicts
    else:  # carried, but saving it loses content: said before saving
        fresh.work_name, fresh.work, fresh.steps = carried.filename, carried.content, steps
        fresh.losses = (carried.losses, carried.parts)
    st.session_state["edit_session"] = fresh
    return False


def _saving(action: Callable[[], object], lang: str) -> None:
    """Run a save; what failed is kept to say on the next run (the edits stay)."""
    words = TEXT[lang]
    try:
        action()
    except na.NetworkAppError as exc:  # busy, the disk full, or the file could not be
        st.session_state["edit_failed"] = exc.text(lang)  # written into
        if is_disk_full(exc):
            st.session_state["edit_failed"] += " " + words["edits_kept"]
    except OSError as exc:  # the folder not writable, the disk full: the write left nothing
        _LOG.exception("saving into the workspace failed")
        st.session_state["edit_failed"] = (
            DiskFull().text(lang) + " " + words["edits_kept"] if is_disk_full(exc)
            else words["save_failed"])


def who_field(lang: str) -> str:
    """Who saves: the name the login gave, or the one typed (kept with the version)."""
    words = TEXT[lang]
    identity = signed_in_identity()
    if identity is None:
        return str(st.text_input(words["who"], key="edit_who", max_chars=100,
                                 help=words["who_help"]))
    # the name the login gave is kept with the version; nothing to type over
    st.caption(say("app.arbeitsstand.who_from_login", lang, name=plain(identity)))
    return identity


def _copy_name(name: str, lang: str) -> str:
    path = PurePath(name)
    return f"{path.stem} ({TEXT[lang]['copy']}){path.suffix}"


def new_problems(before: na.PartnerData | None, after: na.PartnerData) -> list[na.Problem]:
    """The problems of the edited workbook that the loaded one did not have."""
    def key(p: na.Problem) -> tuple:
        # not the row: deleting or adding a row moves the rows below it
        return (p.code, p.sheet, p.column, p.value)

    known = {key(p) for p in before.problems} if before is not None else set()
    return [p for p in after.problems if key(p) not in known]


# --- the page ------------------------------------------------------------------------------------
def status(state: Session, pending: Changes, edited: tuple[str, bytes, Losses],
           lang: str) -> None:
    """What is not saved yet, the buttons to save or drop it, and the download."""
    words = TEXT[lang]
    saved = st.session_state.pop("edit_saved", None)
    carried = st.session_state.pop("edit_carried", False)
    if saved:
        st.success(say("app.bearbeiten.carried_saved" if carried else "app.bearbeiten.saved",
                       lang, name=plain(saved)))
    steps = list(state.steps) if pending.is_empty else [*state.steps, pending]
    if state.refused is not None:
        refused_box(state, not steps, lang)
    name, content, losses = edited
    if state.conflict:
        fold(state, pending)  # kept with the work: "Neu laden" sets it aside to carry over
        if state.noticed:  # nothing failed: said before a save was tried
            st.warning(say("app.bearbeiten.changed_elsewhere", lang, name=plain(state.name)),
                       icon="⚠️")
        else:
            st.error(say("app.bearbeiten.save_refused", lang, name=plain(state.name)),
                     icon="⚠️")
        who = who_field(lang)
        if st.button(words["carry_save"], key="edit_carry_save", type="primary"):
            if not allowed_to_write():  # rights taken away since the gate of this run
                st.rerun()
            _saving(lambda: carry_and_save_edits(state, who.strip(), lang), lang)
            st.rerun()
        st.caption(words["carry_save_help"])
        left, right = st.columns(2)
        if left.button(words["reload"], key="edit_reload"):
            try:
                reload(state)
            except (OSError, na.NetworkAppError):
                _LOG.exception("the workspace cannot be read")
                st.session_state["edit_failed"] = say("app.common.workspace_unusable", lang)
            st.rerun()
        left.caption(words["reload_help"])
        right.download_button(words["save_copy"], content, file_name=_copy_name(name, lang),
                              key="edit_copy", on_click="ignore")
        right.caption(words["save_copy_help"])
        return
    if not steps:
        st.caption(words["nothing_changed"])
        st.download_button(words["download"], content, file_name=name, key="edit_download",
                           on_click="ignore")
        return
    st.info(say("app.bearbeiten.unsaved", lang, count=len(steps)) + " "
            + plain(note(steps, lang)))
    if PurePath(name).suffix.lower() != PurePath(state.name).suffix.lower():
        st.caption(say("app.bearbeiten.becomes_xlsx", lang, old=plain(state.name),
                       new=plain(name)))
    save_label = words["save"]
    if losses[0]:  # said before saving: nothing has failed yet
        lost = _losses_words(WouldLoseContent(losses[0], parts=losses[1]), lang)
        st.warning(say("app.bearbeiten.will_lose", lang, losses=lost), icon="⚠️")
        save_label = say("app.bearbeiten.save_losing", lang, losses=lost)
    who = who_field(lang)
    left, middle, right = st.columns(3)
    if left.button(save_label, type="primary", key="edit_save"):
        if not allowed_to_write():  # rights taken away since the gate of this run
            st.rerun()
        # refused: the next run offers the choice
        _saving(lambda: save(state, pending, who.strip(), lang), lang)
        st.rerun()
    if middle.button(words["discard"], key="edit_discard"):
        discard(state)
    right.download_button(words["download"], content, file_name=name, key="edit_download",
                          on_click="ignore")


def _losses_words(lost: WouldLoseContent, lang: str) -> str:
    """What is lost, as a list of words ("Diagramme und Bilder")."""
    names = catalog("workspace.losses", lang)
    return join_list([str(names[code]).format(parts=", ".join(lost.parts))
                      for code in lost.losses], lang)


def refused_box(state: Session, clean: bool, lang: str) -> None:
    """The edits set aside by "Neu laden": carry them over to the newer file, download them,
    or let them go. ``clean``: nothing else is unsaved (only then can they be carried)."""
    words = TEXT[lang]
    refused = state.refused
    assert refused is not None
    st.warning(words["refused_kept"] + " " + plain(note(refused.steps, lang)))
    conflicts = st.session_state.pop("edit_conflicts", None)
    if conflicts:
        st.error(say("app.bearbeiten.carry_conflicts", lang,
                     rows="; ".join(_conflict_text(c, lang) for c in conflicts)), icon="⚠️")
    left, middle, right = st.columns(3)
    if left.button(words["carry"], key="edit_carry", type="primary", disabled=not clean,
                   help=words["carry_help"]):
        try:
            carried = carry_over(refused.base_content, refused.base_name, refused.steps,
                                 state.content, state.name)
        except na.NetworkAppError as exc:  # the newer file cannot be written into
            st.session_state["edit_failed"] = exc.text(lang)
            st.rerun()
        if carried.content is None:
            st.session_state["edit_conflicts"] = carried.conflicts
        else:
            state.work_name, state.work = carried.filename, carried.content
            state.steps, state.refused = list(refused.steps), None
            state.losses = (carried.losses, carried.parts)  # shown before saving
            state.round += 1
        st.rerun()
    middle.download_button(words["download_copy"], refused.content,
                           file_name=_copy_name(refused.name, lang),
                           key="edit_refused_download", on_click="ignore")
    if right.button(words["refused_dismiss"], key="edit_refused_dismiss"):
        state.refused = None
        st.rerun()


def _conflict_text(conflict: Conflict, lang: str) -> str:
    if conflict.header:
        return say("app.bearbeiten.conflict_cell", lang, sheet=plain(conflict.sheet),
                   row=conflict.row, header=plain(conflict.header))
    if conflict.row:
        return say("app.bearbeiten.conflict_row", lang, sheet=plain(conflict.sheet),
                   row=conflict.row)
    return say("app.bearbeiten.conflict_sheet", lang, sheet=plain(conflict.sheet))


def page() -> None:
    cur = current()
    lang = cur.lang
    words = TEXT[lang]
    st.title(words["title"])
    try:
        state = session(cur.workspace_fingerprint)
    except (OSError, na.NetworkAppError):
        _LOG.exception("the workspace cannot be used")
        st.error(say("app.common.workspace_unusable", lang), icon="⚠️")
        return
    seen = cur.workspace_fingerprint
    if seen and seen != state.fingerprint and not state.conflict:
        # a colleague saved while this session has unsaved edits (without any, session()
        # started afresh on the newer file): say so now, not only when "Speichern" is refused
        state.conflict = state.noticed = True
    st.caption(say("app.bearbeiten.editing", lang, name=plain(state.name)))
    if cur.pending:
        st.info(words["upload_pending"])
    top = st.container()
    base_name, base_content = state.edited
    try:
        data = load(base_content, base_name)
    except na.NetworkAppError as exc:
        st.error(say("app.common.unreadable", lang, detail=plain(exc.text(lang))), icon="⚠️")
        return
    personal = st.toggle(words["personal"], key="edit_personal", help=words["personal_help"])
    tabs = st.tabs(words["tabs"])
    parts: list[Changes | None] = []
    for tab, kind in zip(tabs[:4], KINDS, strict=True):
        with tab:
            parts.append(table_editor(data, kind, state, personal, lang))
    with tabs[4]:
        wanted = new_partner_form(data, personal, lang)
    renamed = merged = None
    try:
        check_names_editable(data)
        fixed = ""
    except na.NetworkAppError as exc:  # a matrix, no partner sheet: the ties cannot follow
        fixed = plain(exc.text(lang))
    with tabs[5]:
        if fixed:
            st.info(fixed)
        else:
            renamed = rename_form(data, lang)
    with tabs[6]:
        if fixed:
            st.info(fixed)
        else:
            merged = merge_form(data, personal, lang)
    pending = combined(parts)
    failed = st.session_state.pop("edit_failed", None)
    if wanted is not None or renamed is not None or merged is not None:
        try:
            operate(state, pending, wanted, renamed, merged)
        except na.NetworkAppError as exc:
            st.session_state["edit_failed"] = exc.text(lang)
        st.rerun()
    with top:
        if failed:
            st.error(say("app.bearbeiten.not_written", lang, detail=plain(failed)), icon="⚠️")
        try:
            edited = edited_workbook(state, pending)
            result = load(edited[1], edited[0])
        except na.NetworkAppError as exc:
            st.error(say("app.bearbeiten.not_written", lang, detail=plain(exc.text(lang))),
                     icon="⚠️")
            if st.button(words["discard"], key="edit_discard"):
                discard(state)
            return
        status(state, pending, edited, lang)
        fresh = new_problems(load(state.content, state.name), result)
        if fresh:
            st.warning(say("app.bearbeiten.new_problems", lang, count=len(fresh)))
            show_problems(fresh, lang)


def operate(state: Session, pending: Changes, wanted: dict[str, Any] | None,
            renamed: tuple[str, str] | None,
            merged: tuple[str, str, dict[str, Side]] | None) -> None:
    """A new partner, a rename or a merge: the grids' edits first, then the operation on
    the file they made (its rows are the rows the operation names)."""
    fold(state, pending)
    name, content = state.edited
    now = load(content, name)
    if wanted is not None:
        fold(state, add_partner(now, wanted))
    elif renamed is not None:
        fold(state, rename_partner(now, *renamed))
    elif merged is not None:
        keep, drop, choose = merged
        fold(state, merge_partners(now, keep, drop, choose))
    # the choices named partners that may be gone or renamed now: start those forms afresh
    for key in [k for k in st.session_state if str(k).startswith(_OPERATION_KEYS)]:
        del st.session_state[key]


#: The widgets of the rename and merge forms (their keys start so).
_OPERATION_KEYS = ("edit_rename_", "edit_merge_")


page()
