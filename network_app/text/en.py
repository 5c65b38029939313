"""The English catalog: every word a user reads, by section (see :mod:`network_app.text`).

Sections are named after the code that shows them; keys, placeholders and plural forms
match the other language's catalog exactly (``tests/test_text.py``).
"""

from typing import Any

CATALOG: dict[str, Any] = {
    "format": {
        "more": "{n} more",
        "did_you_mean": " (did you mean “{suggestion}”?)",
        "partners": {"one": "{count} partner", "other": "{count} partners"},
    },
    # the login of a deployment (network_app/access.py, network-app password)
    "access": {
        "bad_hash": "In secrets.toml, [login] password_hash is not a password hash of this app. Make the line with “network-app password” and paste all of it.",
        "bad_list": "In secrets.toml, {key} must be a list of texts, e.g. [\"anna.muster@city.org\", \"@city.org\"].",
        "bad_section": "In secrets.toml, [{section}] must be a section of settings.",
        "bad_provider": "In secrets.toml, [login] provider names “{provider}”, but there is no section [auth.{provider}].",
        "unknown_key": "In secrets.toml, there is no {key} (a typo?). [login] may hold: {known}.",
        "weak_cookie_secret": "In secrets.toml, [auth] cookie_secret is too weak: at least {min} random characters without spaces, e.g. from python3 -c \"import secrets; print(secrets.token_urlsafe(32))\".",
        "unreadable": "The file “{path}” cannot be read (a mistake in the TOML format?). Check it, e.g. against secrets.example.toml, and restart the app.",
        "no_permission": "The account the app runs as may not read the file “{path}”. Give it the right to read it (e.g. chown to that account and chmod 600) and restart the app.",
        "bad_required": "The environment variable {name} has the value “{value}”; allowed are “required” (a login is compulsory, for servers) and “optional”.",
        "required_missing": "A login is compulsory on this server ({name}=required), but the file with the login is missing (looked for: {paths}). Create it (template: .streamlit/secrets.example.toml) with [login] password_hash or a section [auth] and restart the app.",
        "required_empty": "A login is compulsory on this server ({name}=required), but {paths} sets none up. Add [login] password_hash (from “network-app password”) or a section [auth] and restart the app.",
        "bad_bool": "In secrets.toml, {key} must be true or false (without quotes).",
        "prompt": "New password: ",
        "prompt_again": "Once more: ",
        "mismatch": "The two entries differ. Nothing was printed; please try again.",
        "too_short": "The password is too short: at least {min} characters, e.g. four random words. Nothing was printed.",
        "too_long": "The password is too long: at most {max} characters, or the sign-in would not accept it. Nothing was printed.",
        "paste": "Paste these lines into .streamlit/secrets.toml and restart the app. The password itself is stored nowhere; whoever forgets it makes a new one.",
    },
    "app.access": {
        "title": "Sign in – stadtLABOR partner network",
        "intro": "This app holds details of partners and contact persons. Please sign in.",
        "oidc_button": "Sign in with your work account",
        "oidc_failed": "Signing in with the work account could not start. Please contact IT (settings in the section [auth] of secrets.toml).",
        "or_password": "or with the password:",
        "password": "Password",
        "submit": "Sign in",
        "empty": "Please enter the password.",
        "wrong": {"one": "The password is wrong. You can try again in 1 second.",
                  "other": "The password is wrong. You can try again in {count} seconds."},
        "wait": {"one": "Please wait 1 more second, then try again (protection against guessing the password).",
                 "other": "Please wait {count} more seconds, then try again (protection against guessing the password)."},
        "busy": "Many sign-ins are being checked at this moment. Please try again in a moment.",
        "too_long": "The password is too long (at most {max} characters). It was not checked.",
        "setup_broken": "The login is set up wrongly, so the app stays locked. {detail}",
        "signed_in": "Signed in (with the password).",
        "signed_in_as": "Signed in as {name}.",
        "read_only": "You can look at everything. Only the people listed for it may edit, upload and save.",
        "write_refused": "Nothing was saved: you are no longer signed in or may no longer edit. Sign in (again) or ask IT for the right to edit.",
        "editors_only": "The page “{page}” is for people who may edit. You can look at everything (the pages on the left). If you need to edit, ask IT to list you for it.",
        "not_admitted": "Your work account ({name}) is not cleared for this app. If you are to use it, ask IT to list you. With “Sign out” you can sign in with another account.",
        "every_account": "Sign-in with work accounts: every account the identity provider accepts may look, as secrets.toml sets up no list [login] viewers or viewer_groups (operations guide, section “Login”).",
        "sign_out": "Sign out",
        "open": "No login: meant for a single computer. A login can be set up for a server (README, section “Anmeldung / Login”).",
    },
    "app.analyse": {
        "title": "Analysis",
        "hub_note": "All measures concern the ties between partners. The own organisation ({hub}) is left out: every "
        "partner is tied to it, which would make all partners look alike.",
        "tabs": ["Measures", "Groups", "Bridges", "What if …", "Suggestions", "Over time"],
        "nodes": "Partners",
        "edges": "Ties between partners",
        "nodes_help": "All partners in the workbook.",
        "edges_help": "Pairs of partners linked by a relation, a shared activity or a shared "
        "programme.",
        "measure": "Rank by",
        "top": "The 15 partners with the highest values",
        # a ranking with nothing to rank is said in words (flat_ranking), not drawn
        "ranking_none": "“{measure}” cannot be computed for any partner (it needs ties between "
        "partners), so there is no ranking here.",
        "ranking_zero_betweenness": "No partner lies between others: wherever partners are "
        "tied, everyone in their group is tied directly to everyone else, nobody has to "
        "connect them. So “{measure}” is 0 for all of them, and there is no ranking.",
        "ranking_zero_ties": "No partner is tied to another partner, so “{measure}” is 0 for "
        "all of them, and there is no ranking.",
        "ranking_zero_clustering": "No partner has two contacts who are tied to each other, so "
        "“{measure}” is 0 for all of them, and there is no ranking.",
        "ranking_zero_other": "“{measure}” is 0 for every partner, so there is no ranking.",
        "all_partners": "All partners with all measures",
        "sampled": "Brokerage is estimated from {k} randomly chosen starting partners (the "
        "network is too large for an exact computation).",
        "name": "Partner",
        "categories": "Categories",
        "community": "Group",
        "resolution": "Group granularity",
        "resolution_help": "Larger: more, smaller groups. Smaller: few large groups.",
        "group": "Group",
        "size": "Partners",
        "members": "Members",
        "group_name": "Name",
        "alone": {
            "one": "{count} partner without ties to other partners (a group of its own):",
            "other": "{count} partners without ties to other partners (each is a group of its "
            "own):",
        },
        "cut_points": "Partners without whom the network falls apart",
        "cut_points_none": "No single partner alone holds parts of the network together.",
        "bridges": "Ties without which the network falls apart",
        "bridges_none": "No single tie alone holds parts of the network together.",
        "mixing": "Ties between the categories",
        "mixing_help": "How many ties there are between partners of two categories. A partner "
        "in several categories counts in each.",
        "carriers": "Who carries the ties between",
        "multi": "Partners in several categories (they link categories themselves)",
        "whatif_mode": "What drops out?",
        "whatif_partner": "Partners",
        "whatif_person": "Internal contact person",
        "whatif_pick_partners": "Partners who leave",
        "whatif_pick_person": "Contact person who leaves",
        "choose": "Choose partners …",
        "whatif_no_people": "The workbook names no internal contact person.",
        "single_contact": "Partnerships that hang on a single person",
        "single_contact_none": "No partnership hangs on exactly one person.",
        "without_contact": "Partners without an internal contact: {n}",
        "person": "Contact person",
        "suggest_intro": "Pairs of partners with nothing between them yet (no relation, no "
        "shared activity, no shared programme) who should know each other – with the reason.",
        "pair_a": "Partner A",
        "pair_b": "Partner B",
        "reason": "Why?",
        "no_suggestions": "No suggestions: all partners with common partners or the same place "
        "are already connected.",
        "per_year": "Active partners per year and category",
        "undated": {
            "one": "{count} partner without a “Seit” year counts in every year.",
            "other": "{count} partners without a “Seit” year count in every year.",
        },
        "active_partners": "Active partners",
        "category": "Category",
        "year_a": "Compare year",
        "year_b": "with year",
        "year": "Year",
        "as_of": "As of {year}",
    },
    "app.common": {
        "language": "Sprache / Language",
        "workspace_unusable": "The workspace folder cannot be used (no permission, no "
        "space left or not reachable). Please ask whoever looks after the computer; until "
        "then the pages show the bundled example.",
        "upload": "Load your own workbook (xlsx, ods, csv or a list of ties as text)",
        "upload_help": "The file is shown at once but taken over only when you confirm it on "
        "the “Workspace” page (which first shows what changes). Without a file the current "
        "workbook is shown. The file does not leave this computer.",
        "template": "Download an empty template",
        "showing_example": "Showing the example: the partner network of stadtLABOR Soest "
        "(from the presentation “Aktuelle Zukunftsprozesse in Soest”).",
        "showing_file": "Showing: {name}",
        "showing_current": "Showing the current workbook: {name}",
        "not_taken_over": "The uploaded file has not been taken over yet: only you see it, and "
        "it is gone when the page is reloaded. Everyone else still sees the current workbook.",
        "dropped_waiting": {
            "one": "A file in the workspace folder has not been taken over yet: {names}.",
            "other": "{count} files in the workspace folder have not been taken over yet: "
            "{names}.",
        },
        "to_workspace": "→ See the differences and take it over (“Workspace” page)",
        "unreadable": "The file could not be read. {detail}",
        # the one error handler of the app (streamlit_app.py): no traceback, what to do
        "unexpected": "Something went wrong that should not have happened. Please reload the "
        "page. If it happens again, please send the workbook and a sentence about what you "
        "were doing to the team.",
        "severity": {"error": "Error", "warning": "Warning"},
        "columns": {
            "severity": "Kind",
            "sheet": "Sheet",
            "row": "Row",
            "column": "Column",
            "message": "What to do",
        },
        "page_network": "Network",
        "page_map": "Map",
        "page_reach": "Reach",
        "page_analysis": "Analysis",
        "page_partner": "Partner",
        "page_data": "Data",
        "page_presentation": "Presentation",
        "page_workspace": "Workspace",
        "page_edit": "Edit",
        "app_title": "stadtLABOR partner network",
        "languages": {"de": "Deutsch", "en": "English"},
        "template_file": "Partner-template.xlsx",
        "hub": "In the centre",
        "hub_help": "Who stands in the centre of the network, tied to every partner. “As in the "
        "file”: the own organisation from the sheet “Einstellungen”, else the stadtLABOR Soest "
        "when partners have categories; a network from another program is shown without a "
        "centre.",
        "hub_modes": {"file": "as in the file", "none": "nobody", "name": "this organisation:"},
        "hub_name": "Name of the organisation in the centre",
        "hub_none": "This network has no own organisation in the centre: it is shown as it is.",
        "problem_advice": {
            "no_partner_sheet": "The workbook has no sheet “Partner” with a column “Name”: "
            "without a list of partners there is no network. The easiest way: click "
            "“{button}” in the sidebar on the left, enter the partners in the template and "
            "upload the file here. A network from another program works too: a table with the "
            "columns “Source” and “Target” (or “Von” and “Nach”).",
        },
        "upload_button": "Choose file",
        "upload_hint": "or drag it here · up to {size} MB · {types}",
        "select_all": "Select all",
        "no_results": "No results",
        "upload_refused": "Not loaded (format or size)",
        "upload_refused_why": "This file is not loaded: allowed are {types} up to {size} MB.",
        "stop": "Stop",
        "stopping": "Stopping …",
        "toolbar": {
            "Show/hide columns": "Show or hide columns",
            "Download as CSV": "Download as a CSV file",
            "Search": "Search the table",
            "Fullscreen": "Full screen",
            "Close fullscreen": "Close full screen",
            "Show data": "Show the data",
            "Download as PNG": "Download as a PNG picture",
            "Add row": "Add a row",
            "Delete row(s)": "Delete the selected rows",
        },
        "yes": "yes",
        "no": "no",
        "more_errors": {
            "one": "There is {count} more error: see the page “Data”, tab “Check report”.",
            "other": "There are {count} more errors: see the page “Data”, tab “Check report”.",
        },
    },
    "app.bearbeiten": {
        "title": "Edit",
        "editing": "Editing the workspace's workbook: {name}",
        "upload_pending": "The uploaded file has not been taken over yet. You are editing the "
        "saved workbook; to edit the uploaded one, take it over first on the “Workspace” page.",
        "personal": "Show personal details (contact persons, email, phone)",
        "personal_help": "Otherwise these columns stay hidden and unchanged.",
        "tabs": [
            "Partners",
            "Relations",
            "Activities",
            "Programmes",
            "New partner",
            "Rename",
            "Merge",
        ],
        "table_help": "Double-click a cell to change it. New row: “+” at the bottom. Delete a "
        "row: select it on the left, then the bin at the top right. Nothing changes in the "
        "file until you save.",
        "no_sheet": "The workbook has no sheet “{sheet}” with headers.",
        "no_sheet_yet": "The workbook has no sheet “{sheet}” yet; what other pages show of "
        "it is worked out from the other sheets. A new row here creates the sheet.",
        "no_sheet_new": "The workbook has no sheet “{sheet}” yet. A new row here creates it.",
        "row": "Row",
        "row_help": "The row in Excel. New rows get their number when saved.",
        "list_help": "Several entries allowed; separated by semicolons in the file.",
        "choose": "Please choose",
        "add": "Add partner",
        "name_missing": "Please enter a name.",
        "name_taken": "There already is a partner “{name}”.",
        "rename_intro": "The new name is carried everywhere: into the relations and the "
        "participants of activities and programmes.",
        "rename_old": "Partner",
        "rename_new": "New name",
        "rename": "Rename",
        "rename_missing": "Please choose a partner and enter the new name.",
        "merge_intro": "Two entries that are the same partner become one: the second one's "
        "relations, activities and programmes move to the first, and the second one's row is "
        "deleted.",
        "merge_suggested": "Likely duplicates (as on the “Data” page)",
        "merge_none_suggested": "No likely duplicates found. You can also pick two partners "
        "yourself.",
        "merge_keep": "Stays",
        "merge_drop": "Merged into it (deleted)",
        "merge_same": "Please choose two different partners.",
        "merge_choose": "Where the two differ: which value should stay?",
        "merge_taken": "{field}: “{value}” is taken over (the first one has nothing there).",
        "merge": "Merge",
        "unsaved": {
            "one": "Not saved yet ({count} step):",
            "other": "Not saved yet ({count} steps):",
        },
        "nothing_changed": "Nothing changed yet.",
        "becomes_xlsx": "“{old}” is saved as “{new}” (Excel format), so that nothing is lost.",
        "who": "Your name (optional, shown in the list of versions)",
        "who_help": "So your colleagues can see who made the change.",
        "save": "Save",
        "edits_kept": "Your changes are still here: save them once there is space again, or "
        "download them as a file right away.",
        "save_failed": "The workspace folder could not be written to (no permission or no "
        "space left). The saved workbook is unchanged; your changes are still here and can be "
        "downloaded.",
        "save_losing": "Save without the {losses}",
        "discard": "Discard changes",
        "download": "Download the edited workbook",
        "saved": "Saved: {name}. The previous version has been kept.",
        "save_refused": "The workbook “{name}” was changed since it was loaded here (by a "
        "colleague or in Excel). Nothing was saved. “Carry my changes over to the newer version "
        "and save” does it in one step. To look first: “Reload” shows the newer version; after "
        "that, “Carry over to the newer version” can bring your changes into it. Or save your "
        "version as a copy.",
        "changed_elsewhere": "The workbook “{name}” has been saved meanwhile (by a colleague "
        "or in Excel) while you were making changes here. “Save” would overwrite it, so it is "
        "not possible. “Carry my changes over to the newer version and save” does it in one "
        "step. To look first: “Reload” shows the newer version; after that, “Carry over to the "
        "newer version” can bring your changes into it. Or save your version as a copy.",
        "will_lose": "Saving loses this workbook's {losses}: this program cannot keep them. "
        "The current file stays as a version (page “Workspace”). To keep them, make the change "
        "in Excel instead.",
        "carry_save": "Carry my changes over to the newer version and save",
        "carry_save_help": "Takes the newest saved version, enters your changes into it and "
        "saves; the others' changes are kept. If someone changed the same cell, nothing is "
        "saved and the places are named.",
        "carried_saved": "Saved: {name}. Your changes were carried over to the newer version; "
        "the others' changes are kept. The previous version has been kept.",
        "reload": "Reload",
        "reload_help": "Shows the newer version. Your changes stay here to download and can be "
        "made again there.",
        "save_copy": "Save as a copy",
        "save_copy_help": "Downloads your edited version as a file of its own.",
        "copy": "copy",
        "refused_kept": "Your unsaved changes (to make again):",
        "download_copy": "Download my version",
        "refused_dismiss": "Done, hide this",
        "carry": "Carry over to the newer version",
        "carry_help": "Enters your changes into the newer version if nobody changed the same "
        "cells or rows. Nothing is saved until you click “Save”.",
        "carry_conflicts": "Not carried over: these places were changed meanwhile too "
        "({rows}). Please make your changes there by hand.",
        "conflict_cell": "{sheet}, row {row}, column “{header}”",
        "conflict_row": "{sheet}, row {row}",
        "conflict_sheet": "sheet “{sheet}”",
        "not_written": "The change could not be written into the workbook. {detail}",
        "new_problems": {
            "one": "After your changes the workbook has {count} new problem:",
            "other": "After your changes the workbook has {count} new problems:",
        },
    },
    "app.arbeitsstand": {
        "title": "Workspace",
        "kb": "{size} KB",
        "mb": "{size} MB",
        "count_partners": {"one": "{count} partner", "other": "{count} partners"},
        "count_relations": {"one": "{count} relation", "other": "{count} relations"},
        "count_activities": {"one": "{count} activity", "other": "{count} activities"},
        "count_programmes": {"one": "{count} programme", "other": "{count} programmes"},
        "current": "The current workbook",
        "current_file": "File “{name}”",
        "current_changed": "last saved on {when}",
        "folder": "Workspace folder on the server: {folder}",
        "download_current": "Download the current workbook",
        "current_unreadable": "The current workbook cannot be read, so nothing can be compared.",
        "who_from_login": "The new version shows: {name} (from your sign-in).",
        "logins": {"oidc": "work account", "password": "password (name typed)"},
        "who": "Your name (shown with the new version, optional)",
        "who_help": "So colleagues can see in the list of versions who took over a file or "
        "restored a version.",
        "pending": "New file: look first, then take it over",
        "pending_intro": "The uploaded file “{name}” is already shown on every page but has not "
        "been taken over yet. Compared with the current workbook, this changes:",
        "changed_fields": "Changed details",
        "problems_of_new": {"one": "{count} problem in the new file",
                            "other": "{count} problems in the new file"},
        "take": "Take over",
        "discard": "Discard",
        "taken": "“{name}” is now the current workbook. The previous one is kept as a version.",
        "personal": "Show personal details (contact persons, email, phone)",
        "write_failed": "The workspace folder could not be written to (no permission or no "
        "space left). The current workbook is unchanged; nothing was taken over or restored.",
        "discarded": "The uploaded file was discarded. The current workbook is shown again.",
        "dropped": "Files put into the workspace folder",
        "dropped_intro": "Someone put these files straight into the workspace folder. “Take "
        "over” makes one of them the current workbook; “Set aside” moves it into the subfolder "
        "“beiseitegelegt”; nothing is deleted.",
        "set_aside": "Set aside",
        "set_aside_help": "The file is not taken over and no longer offered; it then lies in "
        "the workspace folder's subfolder “beiseitegelegt”.",
        "set_aside_done": "“{name}” is now in the subfolder “beiseitegelegt”.",
        "versions": "Versions",
        "versions_intro": "Every workbook that was current once is kept as a version, newest "
        "first. No version is ever deleted.",
        "one_version": "So far there is only this one version: comparing and restoring work "
        "from the second one on.",
        "is_current": "{label} (current)",
        "columns": {
            "created": "Date",
            "reason": "How it came about",
            "who": "Who",
            "login": "Signed in with",
            "note": "What",
            "name": "File",
            "size": "Size",
            "partners": "Partners",
            "relations": "Relations",
            "activities": "Activities",
            "programmes": "Programmes",
        },
        "compare": "Compare two versions",
        "older": "Older version",
        "newer": "Newer version",
        "same_choice": "Please choose two different versions.",
        "pictures": "Show both networks side by side",
        "pictures_note": "Every partner stands in the same place in both pictures, so you can "
        "see who joined and who left.",
        "restore": "Restore a version",
        "restore_which": "Which version?",
        "restore_button": "Restore …",
        "restore_confirm": "The version “{when}” becomes the current workbook again. The present "
        "one is kept as a version. Restore it?",
        "restore_yes": "Yes, restore",
        "restore_no": "Cancel",
        "restored": "The version “{when}” is restored and is now the current workbook.",
    },
    "app.daten": {
        "title": "Data",
        "tabs": [
            "Partners",
            "Relations",
            "Activities",
            "Programmes",
            "Check report",
            "Possible duplicates",
        ],
        "search": "Search (name, place, note …)",
        "category": "Category",
        "area": "Area",
        "status": "Status",
        "shown": {"one": "{shown} of {count} entry", "other": "{shown} of {count} entries"},
        "report_intro": "Every problem with sheet, row (as in Excel) and column. Error: not "
        "read as meant. Warning: read, but please check.",
        "no_problems": "No problems found.",
        "duplicates_intro": "Partners whose names differ only in legal form, spelling or a "
        "typo. If it is the same partner, please merge the rows in the "
        "workbook.",
        "reach_title": {"one": "Reach and place do not match for 1 partner",
                        "other": "Reach and place do not match for {count} partners"},
        "reach_intro": "The page “Reach” follows the column “Reach”. Please check whether it "
        "or the place is right and correct it in the workbook.",
        "reach_line": "{name} (sheet Partner, Excel row {row}): column Reach “{column}”, but "
        "the place {place} lies in the ring “{ring}”; shown in the ring “{shown}”.",
        "no_duplicates": "No possible duplicates found.",
        "columns": {
            "name": "Name",
            "categories": "Categories",
            "type": "Type",
            "place": "Place",
            "reach": "Reach",
            "since": "Since",
            "until": "Until",
            "website": "Website",
            "note": "Note",
            "row": "Row",
            "source": "From",
            "target": "To",
            "kind": "Kind",
            "weight": "Weight",
            "strength": "Strength",
            "directed": "Directed",
            "date": "Date",
            "status": "Status",
            "area": "Area",
            "participants": "Participants",
            "year": "Year",
            "contact_internal": "Internal contact person",
            "contact_external": "External contact",
            "email": "E-mail",
            "phone": "Phone",
            "lat": "Latitude",
            "lon": "Longitude",
            "id": "Id",
        },
    },
    "app.export_formats": {
        "png": "Picture for print (PNG, 300 dpi)",
        "svg": "Vector graphic (SVG)",
        "pdf": "PDF (vector)",
        "html": "Interactive page (HTML)",
        "gexf": "Gephi (GEXF)",
        "graphml": "GraphML",
        "json": "JSON",
        "csv": "Tables (CSV, ZIP with nodes and edges)",
        "xlsx": "Excel report (XLSX)",
        "pptx": "PowerPoint for the council (PPTX)",
    },
    "app.exporting": {
        "section": "Export",
        "intro": "The view is exported as shown above: with the chosen filters, colours and sizes.",
        "format": "Format",
        "paper": "Paper size",
        "personal": "Include personal details (the export is marked “internal”)",
        "problem_note": "Put the note “{note}” on the export",
        "problem_note_help": "The workbook has errors: rows or values could not be taken over "
        "(see the “Data” page, check report). The note stands small in the footer, on the title "
        "and sources slides and in a corner of the network pictures.",
        "personal_help": "Contact person, contact, e-mail and phone. Unticked, they stay out.",
        "build": "Create export",
        "download": "Download: {name}",
        "ready": "Ready: {name} ({size}).",
        "failed": "The export could not be created: {error}",
        "disk_full": "The disk on the server is full: the export was not created. Please ask "
        "IT to free space there, then try again.",
        "empty": "The view is empty: there is nothing to export.",
        "file_stem": "Partner-network",
        "kilobytes": "{size} KB",
        "megabytes": "{size} MB",
    },
    "app.network_component": {
        "legend": "Legend",
        "path": "Connection path",
        "loading": "Loading the network picture …",
        "empty": "No nodes to show.",
        "failed": "The network picture could not be loaded.",
        "aria": "Network picture with {nodes} and {edges}. Click to select a node. "
        "Keyboard: arrow keys move, plus and minus zoom.",
        "fit": "Show all",
        "fit_help": "Bring the whole network into view",
        "zoom_hint": "To zoom, use Ctrl + mouse wheel",
        "zoom_hint_mac": "To zoom, use ⌘ + mouse wheel",
        "unlabelled": "In the picture without a name",
        "all_labelled": "Every name is shown in the picture.",
        "side_more": {"one": "and {count} more", "other": "and {count} more"},
        "aria_nodes": {"one": "{count} node", "other": "{count} nodes"},
        "aria_edges": {"one": "{count} tie", "other": "{count} ties"},
    },
    # page "Karte" (app_pages/karte.py)
    "app.karte": {
        "title": "Map",
        "intro": "Where the partners are: each partner at its place, in the same colours as "
        "in the network.",
        "search": "Find a partner",
        "search_placeholder": "Type a name …",
        "search_no_place": "“{name}” has no place with coordinates, so it is not on the map.",
        "shown": {"one": "{count} of {total} partners on the map, in {places}.",
                  "other": "{count} of {total} partners on the map, in {places}."},
        "places": {"one": "1 place", "other": "{count} places"},
        "size_count": "Size: number of partners in the place.",
        "size_measure": "Size: {measure}, added up for the partners in the place.",
        "caption": "A dot with a number stands for several partners in the same place; its "
        "colours show their shares. Lines: partners in different places working together "
        "(thicker = more ties). Zoom with Ctrl + mouse wheel. A click on a partner opens its "
        "profile, a click on a place lists its partners.",
        "inner": {"one": "1 tie between partners in the same place is not shown as a line.",
                  "other": "{count} ties between partners in the same place are not shown as "
                  "lines."},
        "place_partners": {"one": "In {place}: 1 partner. A click opens the profile.",
                           "other": "In {place}: {count} partners. A click opens a profile."},
        "open_help": "Open this partner's profile",
        "place_unknown": {"one": "Place not found: {names}. This partner is missing from the "
                          "map.",
                          "other": "Place not found: {names}. These {count} partners are "
                          "missing from the map."},
        "place_unknown_help": "The directory of places that comes with the program does not "
        "know these places. The page “Data”, tab “Check report”, has a suggestion for each. "
        "Correct the place in the workbook or enter the coordinates in “Breite” and “Länge”.",
        "ties_cut": "Shown are the {count} lines between places with the most ties (of "
        "{total}).",
        "missing": {"one": "Without a place: {names}. This partner is missing from the map.",
                    "other": "Without a place: {names}. These {count} partners are missing "
                    "from the map."},
        "missing_help": "To put them on the map: in the workbook (sheet Partnerliste) enter "
        "the place in the column “Ort”, or the coordinates in “Breite” and “Länge” (e.g. 51.57 "
        "and 8.11), then load the workbook again.",
        "none_placed": "No partner has a place with coordinates: the map stays empty. Enter "
        "places, or latitude and longitude, in the workbook.",
        "download_title": "The map as a picture",
        "download_help": "The map with title, legend and source for print or reports (A4 "
        "landscape): PNG for documents; PDF and SVG stay sharp at any size.",
        "download": "Download {format}",
        "file_stem": "Partnernetz-map",
    },
    "app.netzwerk": {
        "title": "Partner network",
        "has_errors": {
            "one": "{count} error in the workbook: what it affects is missing from the network. "
            "What to do is on the page “Data”, tab “Check report”.",
            "other": "{count} errors in the workbook: what they affect is missing from the "
            "network. What to do is on the page “Data”, tab “Check report”.",
        },
        "has_warnings": {
            "one": "{count} data-quality warning – see the page “Data”, tab “Check report”.",
            "other": "{count} data-quality warnings – see the page “Data”, tab “Check report”.",
        },
        "partners": "Partners",
        "activities": "Activities",
        "programmes": "Programmes",
        "ties": "Ties between partners",
        "ties_help": "Pairs of partners linked by a relation, a shared activity or a shared "
        "programme (not counting stadtLABOR itself).",
        "view": "View",
        "views": {
            "ego": "Us in the centre",
            "partners": "Partners among themselves",
            "bipartite": "Partners and activities",
        },
        "view_help": "“Us in the centre”: all partners around the own organisation. “Partners "
        "among themselves”: the own organisation hidden. “Partners and "
        "activities”: who takes part in which activity and programme.",
        "color_by": "Colour by",
        "colors": {"category": "Category", "type": "Type", "reach": "Reach", "community": "Group"},
        "size_by": "Size by",
        "filters": "Filters",
        "categories": "Category",
        "types": "Type",
        "reaches": "Reach",
        "year": "As of year",
        "all_years": "all years",
        "year_help": "Only partners and ties that existed in this year. Partners without a "
        "“Seit” year always count.",
        "areas": "Activities: area",
        "statuses": "Activities: status",
        "activity_help": "Only these activities count as ties; partners stay.",
        "search": "Find a partner",
        "search_placeholder": "Type a name …",
        # the overview of a big network (network_app.network.overview)
        "big_note": {
            "one": "The network has {count} partner.",
            "other": "The network has {count} partners, too many to show each one readably. "
            "So you first see the overview: each circle is a group of partners, the bigger, "
            "the more members; the thicker a line, the more ties between two groups. Click a "
            "group to see its partners, or search for a partner.",
        },
        "group_by": "Groups by",
        "group_by_options": {
            "community": "ties",
            "category": "category",
        },
        "group_by_help": "“Ties”: partners closely tied to each other form a group. "
        "“Category”: each partner's first category.",
        "open_group": "Open a group",
        "open_placeholder": "Choose a group …",
        "back": "← Back to the overview",
        "overview_shown": {
            "one": "Overview: {count} group with {partners} partners, {ties} between the "
            "groups.",
            "other": "Overview: {count} groups with {partners} partners, {ties} between the "
            "groups.",
        },
        "group_shown": "Group “{name}”: {partners}, {ties}.",
        "group_cut": "Shown are the {count} partners with the most ties; you can find every "
        "partner with the search.",
        "neighbourhood_shown": {
            "one": "“{name}” and {count} directly tied partner, {ties}.",
            "other": "“{name}” and {count} directly tied partners, {ties}.",
        },
        "overview_caption": "Click a group to open it; click a partner in a group to see its "
        "profile.",
        "shown": {
            "one": "Shown: {partners} of {count} partner, {ties}.",
            "other": "Shown: {partners} of {count} partners, {ties}.",
        },
        "ties_count": {"one": "{count} tie", "other": "{count} ties"},
        "activity_ties_count": {
            "one": "{count} link to an activity or programme",
            "other": "{count} links to activities and programmes",
        },
        "without_partners": {
            "one": "{count} activity or programme without listed partners is not shown.",
            "other": "{count} activities and programmes without listed partners are not shown.",
        },
        "layout": "Layout",
        "layouts": {
            "ego": "Ring around us",
            "force": "Forces",
        },
        "layout_help": "“Ring around us”: the own organisation in the middle, the partners "
        "around it by category. “Forces”: every tie pulls two partners together like a rubber "
        "band, and all partners push each other away a little. So closely tied partners move "
        "together and groups show. In both layouts every partner keeps its place whatever "
        "you filter.",
        "caption": "Click a partner for its profile. Ctrl + mouse wheel: zoom.",
        "look": "Colour and size",
        "filters_on": {"one": "Filters ({count} on)", "other": "Filters ({count} on)"},
        "hub_hidden": "The own organisation is hidden.",
        "ties_help_plain": "Pairs of partners linked by a relation, a shared activity or a "
        "shared programme.",
        "view_help_plain": "“Partners among themselves”: the network as it is (no own "
        "organisation in the centre). “Partners and activities”: who takes part in which "
        "activity and programme.",
        "size_none": "all the same",
    },
    "app.partner": {
        "title": "Partner",
        "pick": "Choose a partner (type a name to search)",
        "personal": "Show personal data (contact person, contact, e-mail, phone)",
        "personal_help": "Personal data: show only when needed, e.g. not on a projector.",
        "categories": "Categories",
        "none": "none",
        "details": "Details",
        "field": "Field",
        "value": "Value",
        "activities": "Activities",
        "activity": "Activity",
        "date": "Date",
        "status": "Status",
        "area": "Area",
        "programmes": "Programmes",
        "neighbours": "Directly tied to",
        "why": "Why tied?",
        "partner": "Partner",
        "no_neighbours": "No tie to other partners – only through {hub}.",
        "no_neighbours_plain": "No tie to other partners.",
        "ego": "Surroundings in the network",
        "steps": "Steps",
        "steps_help": "1 = direct partners, 2 = their partners too, 3 = one step further.",
        "path_title": "How are we connected to …?",
        "path_to": "Connection from {name} to",
        "path_steps": "Way {n}: {route}",
        "click_hint": "Clicking a partner in the picture opens its profile.",
        "full_texts": "Read the shortened texts in full ({count})",
    },
    "app.praesentation": {
        "back": "◀ Back",
        "next": "Next ▶",
        "indicator": "View {n} of {total}",
        "keys_help": "Arrow keys ← → (or Page ↑ ↓) step through.",
        "exit": "End presentation",
        "overview": "Our partner network",
        "overview_sub": {"one": "{count} partner around {hub}",
                         "other": "{count} partners around {hub}"},
        "overview_sub_plain": {"one": "{count} partner and its ties",
                               "other": "{count} partners and their ties"},
        "category": "Category {category}",
        "category_sub": {"one": "{partners} of {count} partner",
                         "other": "{partners} of {count} partners"},
        "growth": "Growth",
        "growth_sub": "Partners per year and category",
        "map": "Map",
        "map_sub": "Where our partners are",
        "reach": "Reach",
        "reach_sub": "How far our network reaches: from the home town to abroad",
        "reach_without": {"one": "1 partner without a reach or a place is not in the picture.",
                          "other": "{count} partners without a reach or a place are not in "
                          "the picture."},
        "sources": "Sources and data as of",
        "partners": "Partners",
        "ties": "Ties between partners",
        "activities": "Activities",
        "programmes": "Programmes",
        "year": "Year",
        "count": "Partners",
        "category_axis": "Category",
        "undated": {
            "one": "{count} partner without a “Seit” year counts in every year.",
            "other": "{count} partners without a “Seit” year count in every year.",
        },
        "in_year": "Partners {year}",
        "no_coordinates": {
            "one": "{count} partner without coordinates is not drawn.",
            "other": "{count} partners without coordinates are not drawn.",
        },
        "map_unnamed": {
            "one": "One place is shown without its name (no room): {places}.",
            "other": "{count} places are shown without their names (no room): {places}.",
        },
        "places": "Places",
        "near": "Partners in the region",
        "map_all": "All places",
        "map_region": "The region, enlarged",
        "data_date": "Data as of",
        "source": "Source",
        "workbook": "Workbook",
        "example": "the bundled example",
        "privacy": "Personal details (contact persons, contacts, e-mail, phone) are not shown "
        "in the presentation.",
        "counting": "A partner in several categories counts in each. “Ties between partners”: "
        "pairs of partners with a relation, a shared activity or a shared "
        "programme.",
        "not_available": "No data to show.",
        "unreadable": "The workbook could not be read. Please load another one on the page "
        "“Network”.",
    },
    "app.reichweite": {
        "title": "Reach",
        "intro": "How far our network reaches: {centre} in the centre, the partners around it "
        "– inside {local}, then {region} ({rule}), "
        "{state}, Germany and international. Each dot is a partner, its colour its category.",
        "centre": "the home",
        "source_note": "The ring comes from the column “Reach”; where it is empty, from the "
        "place (latitude and longitude). “regional” in the column means {region} or "
        "{state}: the place decides.",
        "categories": "Categories",
        "categories_help": "Show only partners of these categories. A partner in several "
        "categories stands with the first one chosen.",
        "none_chosen": "No category chosen: choose at least one above.",
        "empty": "No partner has a reach or a place. Fill in the column “Reach” or “Place” in "
        "the workbook.",
        "unnamed": {"one": "1 name has no room in the picture; the table lists them all.",
                    "other": "{count} names have no room in the picture; the table lists them "
                    "all."},
        "without": {"one": "No reach and no place (not in the picture): 1 partner: {names}.",
                    "other": "No reach and no place (not in the picture): {count} partners: "
                    "{names}."},
        "without_help": "Enter the reach or the place on the page “Edit” or in the workbook.",
        "table_title": "Partners per ring",
        "table_help": "Clicking a row opens the partner's profile.",
        "disagreements": {"one": "For 1 partner the reach and the place do not match; the "
                          "picture follows the column “Reach” (see “Note”).",
                          "other": "For {count} partners the reach and the place do not "
                          "match; the picture follows the column “Reach” (see “Note”)."},
        "disagree": "by place: {ring}",
        "columns": {"ring": "Ring", "name": "Partner", "category": "Category", "place": "Place",
                    "source": "From", "note": "Note"},
        "sources": {"column": "column Reach", "coordinates": "place (coordinates)"},
        "download_title": "Download as a picture",
        "download_help": "One page (A4 landscape) with every partner, data date and source – "
        "the same picture as in the slide deck.",
        "download": "Download {format}",
        "file_stem": "Reach",
    },
    "analysis.communities": {
        # a group whose members share no most common category or type
        "group": "Group",
        "name": "{label} ({count})",
        "name_around": "{label} around {centre} ({count})",
    },
    # shown only for a file whose relations have a direction (analysis.metrics.direction_note)
    "analysis.direction": {
        "note": (
            "Direction",
            "The file gives relations a direction (A → B). All measures and groups are "
            "computed without direction: a relation ties both partners alike, whoever points "
            "to whom.",
        ),
    },
    "analysis.metrics": {
        "degree": ("Ties", "How many other partners this partner is directly connected to."),
        "weighted_degree": (
            "Tie strength",
            "How much links this partner to others: strength (or weight) of relations "
            "plus shared activities and programmes.",
        ),
        "betweenness": (
            "Bridging role",
            "How often the partner lies on the shortest ways between other "
            "partners: high values link groups that would otherwise be apart.",
        ),
        "closeness": (
            "Closeness",
            "How quickly the partner reaches all others in few steps: high "
            "values mean short ways into the whole network.",
        ),
        "pagerank": (
            "Importance",
            "How important the partner is: many and strong ties count, "
            "especially ties to partners that are important themselves.",
        ),
        "eigenvector": (
            "Influence",
            "How closely the partner is tied to partners that are well connected "
            "themselves; close to 0 outside the network's largest part.",
        ),
        "core": (
            "Core",
            "How deep the partner sits in the dense core: k means it belongs to a "
            "group in which everyone is tied to at least k others of the group.",
        ),
        "reach2": (
            "Reach in two steps",
            "How many partners can be reached directly or through one "
            "partner in between (partners of partners).",
        ),
        "clustering": (
            "Connected surroundings",
            "Which share of the partner's contacts are also tied "
            "to each other: 1 = all know each other, 0 = none.",
        ),
        "constraint": (
            "Dependence",
            "How much the partner's contacts hang on a few partners tied to each "
            "other: low = many independent contacts, high = few, tightly "
            "interwoven ones.",
        ),
        "effective_size": (
            "Independent contacts",
            "Number of contacts, less how strongly they are tied to "
            "each other: how many separate ways in the partner has.",
        ),
        "articulation": (
            "Linchpin",
            "Yes if the network would fall apart into separate parts without this partner.",
        ),
        "community": (
            "Group",
            "Part of the network whose partners are much more closely tied to each "
            "other than to the rest.",
        ),
        "nodes": (
            "Partners",
            "Number of partners in the partner network (without the own organisation).",
        ),
        "edges": (
            "Ties between partners",
            "Number of pairs of partners that are directly tied to each other.",
        ),
        "density": (
            "Density",
            "Share of the possible ties that actually exist: 1 = everyone is tied to everyone.",
        ),
        "components": (
            "Separate parts",
            "Into how many parts without any tie between them the network "
            "falls; partners without ties count one by one.",
        ),
        "largest_component": (
            "Largest part",
            "How many partners lie in the network's largest part, in which "
            "everyone reaches everyone through ties.",
        ),
        "isolated": (
            "Without ties",
            "Partners not directly tied to any other partner (only to the own organisation).",
        ),
        "diameter": (
            "Largest distance",
            "The most steps that lie between two partners in the network's largest part.",
        ),
        "average_path_length": (
            "Average distance",
            "How many steps lie between two partners in the network's largest part on average.",
        ),
        "modularity": (
            "Group structure",
            "How clearly the network splits into groups: from about 0.3 "
            "clear groups, near 0 hardly any.",
        ),
    },
    "analysis.profile": {
        "reason_relation": "Relation ({details})",
        "reason_relation_kind": "Relation: {kind} ({details})",
        "strength": "strength {n}",
        "weight": "weight {weight}",
        "since": "since {year}",
        "until": "until {year}",
        "span": "{since}–{until}",
        "reason_activity": "shared activity: {name}",
        "reason_activity_dated": "shared activity: {name} ({date})",
        "reason_programme": "shared programme: {name}",
        "path_relation": "{a} and {b} have a relation.",
        "path_relation_kinds": "{a} and {b} have a relation: {kinds}.",
        "path_activity": "{a} and {b} both took part in {names}.",
        "path_activity_also": "Both also took part in {names}.",
        "path_programme": "{a} and {b} are both in the programme {names}.",
        "path_programmes": "{a} and {b} are both in the programmes {names}.",
        "path_programme_also": "Both are also in the programme {names}.",
        "path_programmes_also": "Both are also in the programmes {names}.",
        "no_path": "{a} and {b} are connected only through {hub}.",
        # German needs an article before "stadtLABOR …"; English does not
        "no_path_article": "{a} and {b} are connected only through {hub}.",
        "no_path_none": "{a} and {b} are not connected, not even through other partners.",
        "quote": "“{name}”",
        "quote_year": "“{name}” ({year})",
    },
    "analysis.suggestions": {
        "partners": {"one": "Both work with {count} common partner: {names}.",
                     "other": "Both work with {count} common partners: {names}."},
        "place": "Both are in {place}.",
        "place_type": "Both are in {place}, both of the type “{type}”.",
    },
    "analysis.components": {
        # what "44 separate parts" means (components_sentence): the sentences in this order
        "intro": "The network falls apart into {count} separate parts:",
        "isolated_hub": {
            "one": "{count} of the {total} partners is tied only to {hub}, to no other partner.",
            "other": "{count} of the {total} partners are tied only to {hub}, to no other "
            "partner.",
        },
        "isolated": {
            "one": "{count} of the {total} partners has no tie to another partner.",
            "other": "{count} of the {total} partners have no tie to another partner.",
        },
        "rest": {
            "one": "The other {rest} partners all hang together.",
            "other": "The other {rest} partners form {count} groups with no tie between them; "
            "the largest has {largest} partners.",
        },
        "groups": "The parts have no tie between them; the largest has {largest} partners.",
        "direct": "In the largest part every partner is tied directly to every other (largest "
        "distance 1).",
        "mostly_hub": "In other words: most partners take part through {hub}, but the workbook "
        "records no ties between them.",
    },
    "analysis.timeline": {
        # from one year to the next: "In 2023, …"; else "From 2019 to 2023, …"
        "period_next": "In {end}",
        "period_span": "From {start} to {end}",
        "joined_none": "{period}, no partners joined.",
        "joined": {"one": "{period}, {count} partner joined: {names}.",
                   "other": "{period}, {count} partners joined: {names}."},
        "ended_none": "No partnership ended.",
        "ended": {"one": "{count} partnership ended: {names}.",
                  "other": "{count} partnerships ended: {names}."},
        "ties": "Between partners, {new} appeared and {lost}.",
        "ties_new": {"one": "{count} new tie", "other": "{count} new ties"},
        "ties_new_none": "no new ties",
        "ties_lost": {"one": "{count} was lost", "other": "{count} were lost"},
        "ties_lost_none": "none were lost",
        "stronger": {"one": "{count} tie grew stronger: {names}.",
                     "other": "{count} ties grew stronger: {names}."},
        "tie_change": "{a} – {b} ({old} → {new})",
        # why a growth chart is left out (see growth_years), and the note under a drawn one
        "growth_no_start_years": "No start years (start-year column) in the workbook: nothing "
        "says since when the partners have been involved, so growth over the years is not "
        "shown.",
        "growth_after_last_year": "Every start year (start-year column) lies after {year}, the "
        "last year the workbook has data for (data as of): there is no growth to show yet.",
        "growth_after_this_year": "Every start year (start-year column) lies after {year}, the "
        "current year (the workbook gives no data date): there is no growth to show yet.",
        "growth_one_year": "The earliest start year (start-year column) is {year}, the last year "
        "the workbook has data for: growth over several years needs earlier years.",
        "growth_until": "Shown up to the data's date, {year}.",
    },
    "analysis.whatif": {
        "nothing": "No partner is taken out; nothing changes in the network.",
        "no_lapse": "No partnership depends on {person} alone.",
        "lapse": {"one": "{count} partnership depends on {person} alone: {names}.",
                  "other": "{count} partnerships depend on {person} alone: {names}."},
        "split": "Without {names} the network falls into {after} parts instead of {before}.",
        "split_singletons": "Without {names} the network falls into {after} parts instead of "
        "{before} (a partner with no ties to other partners counts as a part of its own).",
        "no_split": "Without {names} the network falls into no more parts than before.",
        "isolated": {"one": "{count} partner loses its last tie to other partners: {names}.",
                     "other": "{count} partners lose their last tie to other partners: {names}."},
        "split_off": {"one": "{count} group is cut off from the main network: {groups}.",
                      "other": "{count} groups are cut off from the main network: {groups}."},
        "no_ties": "No tie is lost.",
        "ties": {"one": "{count} tie between partners is lost.",
                 "other": "{count} ties between partners are lost."},
        "reach": {
            "one": "Within two steps (partners of partners) the remaining partners together "
            "reach {count} partner fewer.",
            "other": "Within two steps (partners of partners) the remaining partners together "
            "reach {count} partners fewer.",
        },
    },
    "workspace.changes": {
        # what an edit changed (Changes.describe), a sentence each, kept with its version
        "renamed": "Partner “{old}” renamed to “{new}”.",
        "merged": "Partner “{drop}” merged into “{keep}”.",
        "partners_changed": {"one": "Partner “{name}” changed ({fields}).",
                             "other": "{count} partners changed."},
        "partners_added": {"one": "Partner “{name}” added.",
                           "other": "{count} partners added."},
        "partners_deleted": {"one": "Partner “{name}” deleted.",
                             "other": "{count} partners deleted."},
        "relations_changed": {"one": "Relation “{name}” changed ({fields}).",
                              "other": "{count} relations changed."},
        "relations_added": {"one": "Relation “{name}” added.",
                            "other": "{count} relations added."},
        "relations_deleted": {"one": "Relation “{name}” deleted.",
                              "other": "{count} relations deleted."},
        "activities_changed": {"one": "Activity “{name}” changed ({fields}).",
                               "other": "{count} activities changed."},
        "activities_added": {"one": "Activity “{name}” added.",
                             "other": "{count} activities added."},
        "activities_deleted": {"one": "Activity “{name}” deleted.",
                               "other": "{count} activities deleted."},
        "programmes_changed": {"one": "Programme “{name}” changed ({fields}).",
                               "other": "{count} programmes changed."},
        "programmes_added": {"one": "Programme “{name}” added.",
                             "other": "{count} programmes added."},
        "programmes_deleted": {"one": "Programme “{name}” deleted.",
                               "other": "{count} programmes deleted."},
    },
    "workspace.losses": {
        # what saving into a workbook would lose (saving.WouldLoseContent), listed by kind
        "chart": "charts",
        "image": "pictures",
        "shape": "shapes or text boxes",
        "pivot": "pivot tables",
        "slicer": "slicers or timelines",
        "threaded_comment": "comments with replies (threads)",
        "control": "buttons or other controls",
        "macro": "macros",
        "external_link": "links to other files",
        "connection": "data connections or queries",
        "sheet_kind": "chart sheets or macro sheets",
        "extension": "drop-down lists, conditional formatting or sparklines of newer Excel "
        "versions",
        "defined_name": "named ranges",
        "other": "other content ({parts})",
    },
    # what export --picture may draw (the keys of network_app.exports.PICTURES)
    "cli.pictures": {
        "network": "the network",
        "map": "the partners on a map",
        "reach": "the partners on rings around the home (reach)",
    },
    "cli": {
        # what the commands and options are for (--help)
        "description": "stadtLABOR partner network: check, analyse and export partner workbooks.",
        "check": "Read and check a workbook; prints a summary and every problem.",
        "analyze": "Measures per partner and for the whole network (without the own "
        "organisation, which every partner is tied to).",
        "export": "Save the network as a file: picture (png, svg, pdf), web page (html), data "
        "for other programs (gexf, graphml, json, csv), Excel report (xlsx) or presentation "
        "(pptx). Personal data stay out unless --include-personal is given.",
        "template": "Empty template (xlsx) with sheets, columns, dropdowns and an example.",
        "password": "Make the password hash for the login: asks for the password and prints the lines for .streamlit/secrets.toml (README, “Anmeldung / Login”).",
        "version": "show the version number and exit",
        "lang": "output language: de (German) or en (English)",
        "file": "the workbook (xlsx, xlsm, xls, ods) or text table (csv, tsv, txt, edgelist); "
        "without it, the workspace's current workbook",
        "workspace": "the workspace folder with the current workbook and its versions, read "
        "when no FILE is given (default: the environment variable PARTNERNETZ_WORKSPACE, else "
        "the project's “workspace” folder)",
        "json": "print the result as JSON",
        "max_size": "largest allowed file size in MB (default {default})",
        "top": "show only the N most important partners (by brokerage)",
        "resolution": "group granularity: larger = more, smaller groups (default {default})",
        "format": "file format: {formats}",
        "export_out": "output file, e.g. partner_network.pdf (csv writes two files: "
        "…_knoten.csv and …_kanten.csv)",
        "include_personal": "also export personal data (contact person, contact, e-mail, "
        "phone); the file is then marked “internal”",
        "no_problem_note": "leave out the note “Data incomplete: N problems” that pictures, "
        "pages and decks of a workbook with errors carry otherwise",
        "picture": "what the picture (png, svg, pdf) shows: {kinds} (default {default}); "
        "only with --format {formats}",
        "picture_format": "--picture {picture} is only a picture: choose one of {formats} "
        "for --format (not {format}).",
        "paper": "paper size for png, svg and pdf, landscape (default {default})",
        "title": "title above the picture (default: the title from the sheet “Einstellungen”)",
        "out": "output file, e.g. partner_template.xlsx",
        "own_organisation": "put this organisation in the centre of the network, tied to every "
        "partner (instead of the one from the sheet “Einstellungen”)",
        "no_own_organisation": "no own organisation in the centre: show the network as it is "
        "(the default for networks from other programs: without categories and without an own "
        "organisation in “Einstellungen”)",
        # placeholders for values in the usage line (upper case, as --help shows them)
        "metavar_command": "COMMAND",
        "metavar_file": "FILE",
        "metavar_folder": "FOLDER",
        "metavar_output": "OUTPUT",
        "metavar_template": "OUTPUT.xlsx",
        "metavar_title": "TITLE",
        "metavar_name": "NAME",
        "metavar_format": "FORMAT",
        "metavar_resolution": "RESOLUTION",
        # what a value must be, in "'x' is not a number" (cli.argparse.invalid_value)
        "type_number": "a number",
        "type_whole_number": "a whole number",
        # check
        "summary": "{partners}, {relations}, {activities}, {programmes} · network: {nodes}, "
        "{edges}",
        "count_partners": {"one": "{count} partner", "other": "{count} partners"},
        "count_relations": {"one": "{count} relation", "other": "{count} relations"},
        "count_activities": {"one": "{count} activity", "other": "{count} activities"},
        "count_programmes": {"one": "{count} programme", "other": "{count} programmes"},
        "count_nodes": {"one": "{count} node", "other": "{count} nodes"},
        "count_ties": {"one": "{count} tie", "other": "{count} ties"},
        "per_category": "Partners per category: {counts}",
        "no_problems": "No problems found.",
        "problems": "{errors}, {warnings}",
        "count_errors": {"one": "{count} error", "other": "{count} errors"},
        "count_warnings": {"one": "{count} warning", "other": "{count} warnings"},
        "error": "Error",
        "warning": "Warning",
        "at_sheet": "sheet “{sheet}”",
        "at_row": "row {row}",
        "at_column": "column “{column}”",
        "at_column_letter": "column “{column}” ({letter})",
        # analyze
        "network_head": "The partner network in figures (without {hub}):",
        "network_head_plain": "The network in figures:",
        "nodes": "Partners",
        "edges": "Ties between partners",
        "sampled": {
            "one": "Brokerage estimated from {count} randomly chosen starting partner.",
            "other": "Brokerage estimated from {count} randomly chosen starting partners.",
        },
        "ranking_head": "Partners by brokerage:",
        "ranking_head_ties": "Partners by ties:",
        "ranking_zero": "No partner lies between others: wherever partners are connected, "
        "each is tied directly to each, nobody has to mediate. So brokerage is 0 for all, and "
        "the list is ordered by ties.",
        "name": "Name",
        "groups_head": "Groups (modularity {modularity}: {modularity_text})",
        "alone": "Without ties to other partners ({count}): {names}",
        # export and template
        "export_written": "Export written: {path}",
        "export_errors": {
            "one": "Note: the workbook has {count} error; what it affects is missing from the "
            "export. All problems: network-app check {file}",
            "other": "Note: the workbook has {count} errors; what they affect is missing from "
            "the export. All problems: network-app check {file}",
        },
        "template_written": "Template written: {path}",
        # without a file: the workspace's current workbook (on stderr)
        "from_workspace": "Current workbook from the workspace folder “{folder}”: {name}",
        # when something goes wrong
        "disk_full": "The disk is full: “{path}” was not written; a file that was already "
        "there is unchanged. Please free space on the drive (delete files nobody needs) or "
        "choose a folder on another drive with -o, and run the command again.",
        "cannot_write": "Cannot write “{path}” ({detail}). Please choose an existing, "
        "writable folder.",
        "unexpected": "Unexpected error: {detail}. Please send the file and this message to "
        "the team.",
        "workspace_unusable": "The workspace folder “{path}” cannot be used ({detail}). Please "
        "choose a writable folder with --workspace or PARTNERNETZ_WORKSPACE.",
    },
    # why a file cannot be written, by the operating system's error name (cli.cannot_write)
    "cli.os_errors": {
        "ENOENT": "folder not found",
        "ENOTDIR": "part of the path is not a folder",
        "EISDIR": "that is a folder",
        "EACCES": "no permission to write",
        "EPERM": "no permission to write",
        "EROFS": "the location is read-only",
        "ENOSPC": "no space left",
        "EDQUOT": "the storage quota is used up",
        "ENAMETOOLONG": "the file name is too long",
        "other": "system error no. {errno}",
    },
    # argparse's own words (usage line, section titles, its error messages), %-style as
    # argparse fills them in; cli.py maps argparse's English originals to these keys
    "cli.argparse": {
        "usage": "usage: ",
        "positionals": "positional arguments",
        "options": "options",
        "help": "show this help message and exit",
        "error": "%(prog)s: error: %(message)s\n",
        "argument": "argument %(argument_name)s: %(message)s",
        "required": "the following arguments are required: %s",
        "unrecognized": "unrecognized arguments: %s",
        "invalid_choice": "invalid choice: %(value)r (choose from %(choices)s)",
        "invalid_value": "%(value)r is not %(type)s",
        "expected_one": "expected one argument",
        "expected_at_most_one": "expected at most one argument",
        "expected_at_least_one": "expected at least one argument",
        "ambiguous": "ambiguous option: %(option)s could match %(matches)s",
        "ignored_explicit": "ignored explicit argument %r",
        "unknown_command": "unknown command %(parser_name)r (choose from %(choices)s)",
        "not_allowed_with": "not allowed with argument %s",
    },
    "drawing.rendering": {
        "ties": "ties",
        "categories": "category",
        "type": "type",
        "place": "place",
        "reach": "reach",
        "since": "since",
        "until": "until",
        "activities": "shared activities",
        "programmes": "shared programmes",
        "relation": "relation",
        "legend": "Legend",
        "graph": "Network picture",
        "search": "Find partner",
        "not_found": "No partner of this name in the picture.",
        "found_many": "{count} matches, showing: {name}",
        "fit": "Show all",
        "fit_help": "Bring the whole network into view",
        "zoom_hint": "To zoom, use Ctrl + mouse wheel",
        "zoom_hint_mac": "To zoom, use ⌘ + mouse wheel",
    },
    "drawing.overview": {
        "overview": "Overview: all groups",
        "group": "Group",
        "back": "← Back to the overview",
        "overview_status": {
            "one": "Overview: {count} group with {partners} partners. Click a group to open "
            "it; the search opens a partner's group.",
            "other": "Overview: {count} groups with {partners} partners. Click a group to "
            "open it; the search opens a partner's group.",
        },
        "group_status": "Group “{name}” – partners: {partners}, ties within the group: "
        "{ties}.",
    },
    "network.overview": {
        "small_groups": "further small groups ({count})",
        "alone": "without ties ({count})",
        "members": {"one": "{count} partner", "other": "{count} partners"},
        "ties": {
            "one": "{count} tie between the groups",
            "other": "{count} ties between the groups",
        },
        "colour": "Colour: the group's most common category",
    },
    "network.figures": {
        "no_category": "no category",
        "title_hub": "Partner network {org}",
        "title_file": "Network from {file}",
        "title_plain": "Network",
    },
    "drawing.styling": {
        "hub": "own organisation",
        "none_category": "no category",
        "none_type": "no type",
        "none_reach": "no reach",
        "none_community": "no group",
        "other": "others",
        "group": "Group {n}",
        "activity": "activity",
        "programme": "programme",
    },
    "drawing.reach": {
        "ring_count": {"one": "{ring}: 1 partner", "other": "{ring}: {count} partners"},
        "category_count": "{category} ({count})",
        "no_category": "no category",
        "region_rule": "up to {km} km away or in the same district",
        "region_rule_named": "the districts of {region} and everything up to {km} km",
        "without": "not stated",
    },
    # the rings of the reach view, from the inside out (lokal: the home town's name if known)
    "drawing.reach.rings": {
        "lokal": "Local",
        "regional": "Region",
        "land": "Home state",
        "national": "Germany",
        "international": "International",
    },
    "drawing.places": {
        "label": {"one": "{place}", "other": "{place} ({count})"},
        "coordinates": "{lat}, {lon}",
        "north": "{degrees}° N",
        "south": "{degrees}° S",
        "east": "{degrees}° E",
        "west": "{degrees}° W",
    },
    # country outlines on the maps, by ISO 3166-1 alpha-3 code
    "drawing.places.countries": {
        "DEU": "Germany",
        "NLD": "Netherlands",
        "BEL": "Belgium",
        "LUX": "Luxembourg",
        "FRA": "France",
        "CHE": "Switzerland",
        "AUT": "Austria",
        "CZE": "Czechia",
        "POL": "Poland",
        "DNK": "Denmark",
        "LIE": "Liechtenstein",
        "ITA": "Italy",
        "SVN": "Slovenia",
        "HUN": "Hungary",
        "SVK": "Slovakia",
        "GBR": "United Kingdom",
    },
    # the network on a map (drawing/netmap.py, the map exports)
    "drawing.netmap": {
        "place_tooltip": {"one": "{place}: 1 partner\n{names}",
                          "other": "{place}: {count} partners\n{names}"},
        "tie_tooltip": {"one": "1 tie: {pairs}", "other": "{count} ties: {pairs}"},
        "view_region": "{place} region",
        "view_places": "All places",
        "view_germany": "Germany",
        "legend_ties": "Working together",
    },
    "exports.common": {
        "intern": "internal",
        "date": "Data as of",
        "source": "Source",
        "created": "created",
        "personal": "contains personal data",
        "public": "without personal data",
        "untitled": "Partner network",
        # on every export of a workbook with errors (can be switched off)
        "incomplete": {"one": "Data incomplete: 1 problem",
                       "other": "Data incomplete: {count} problems"},
    },
    "exports.graphs": {"yes": "yes", "no": "no"},
    "exports.pictures": {
        "hub_ties": "Tie to the own organisation",
        "partner_ties": "Partners working together",
        "partner_ties_widths": "Partners working together (thicker = closer)",
        "member_ties": "Partner takes part in an activity or programme",
        "reading": "{hub} in the centre, the partners around it by category. "
        "Dot size: number of ties to other partners.",
        "reading_no_hub": "The partners by category. Dot size: number of ties to other partners.",
        "reading_plain": "The partners and their ties. Dot size: number of ties to other "
        "partners.",
        "intern": "INTERNAL – contains personal data",
        "empty": "No partners in the picture.",
        "unlabelled": {"one": "1 name is missing from the picture: there was no room for it.",
                       "other": "{count} names are missing from the picture: there was no "
                       "room for them."},
    },
    "exports.maps": {
        "reading_none": "No partner has a place, so the map stays empty. Fill in the column "
        "“Ort” (place) for the partners in the workbook (or “Breite” and “Länge”, latitude "
        "and longitude) and export the map again.",
        "reading": {"one": "Where the partners are: 1 partner in {places}, coloured by "
                    "category as in the network picture. Lines: partners in different places "
                    "working together.",
                    "other": "Where the partners are: {count} partners in {places}, coloured "
                    "by category as in the network picture. Lines: partners in different "
                    "places working together."},
        "places": {"one": "1 place", "other": "{count} places"},
        "inner": {"one": "1 tie between partners in the same place is not drawn.",
                  "other": "{count} ties between partners in the same place are not drawn."},
        "missing": {"one": "Without a place (not on the map): 1 partner: {names}. Enter the "
                    "place, or latitude and longitude, in the workbook.",
                    "other": "Without a place (not on the map): {count} partners: {names}. "
                    "Enter the place, or latitude and longitude, in the workbook."},
        "ties": "Working together between places (thicker = more ties)",
        "size": "Dot size: number of partners in the place",
        "empty": "No partner has a place with coordinates.",
        "unnamed": {"one": "Not named on the map (no room): {places}.",
                    "other": "{count} places not named on the map (no room): {places}."},
    },
    "exports.reach": {
        "title": "{title}: reach",
        "reading": "{centre} in the centre, the partners around it. The rings from the inside "
        "out: {local}, {region} ({rule}), {state}, Germany, "
        "international. Colour: category. The ring comes from the column Reach, otherwise "
        "from the place.",
        "without": {"one": "No reach and no place (not in the picture): 1 partner: {names}. "
                    "Enter the reach or the place in the workbook.",
                    "other": "No reach and no place (not in the picture): {count} partners: "
                    "{names}. Enter the reach or the place in the workbook."},
        "empty": "No partner has a reach or a place.",
    },
    "exports.pptx": {
        "data_date": "Data as of: {date}",
        "exported": "Exported on {date}",
        "figures": "The network in figures",
        "tile_partners": "partners",
        "tile_ties": "ties between partners",
        "tile_activities": "activities",
        "tile_programmes": "programmes",
        "per_category": "Partners per category",
        "several": "A partner in several categories counts in each.",
        "overview": "The partner network at a glance",
        "overview_alt": {
            "one": "Network picture: {org} in the centre, 1 partner by category",
            "other": "Network picture: {org} in the centre, {count} partners by category",
        },
        "unlabelled": {
            "one": "1 name does not fit here; all names are on the category slides.",
            "other": "{count} names do not fit here; all names are on the category slides.",
        },
        "unlabelled_workbook": {
            "one": "1 name does not fit here; the category slides list most names, the "
            "workbook has them all.",
            "other": "{count} names do not fit here; the category slides list most names, the "
            "workbook has them all.",
        },
        "unlabelled_plain": {
            "one": "1 name does not fit here.",
            "other": "{count} names do not fit here.",
        },
        "overview_alt_plain": {
            "one": "Network picture: 1 partner and its ties",
            "other": "Network picture: {count} partners and their ties",
        },
        "category": {"one": "{category}: 1 partner", "other": "{category}: {count} partners"},
        "category_alt": "Network picture, highlighted: partners in category {category}",
        "more_next": "and {n} more on the next slide",
        "more_workbook": "and {n} more: every name is in the workbook",
        "category_cont": "{category} (continued)",
        "growth": "Growth over the years",
        "undated": {
            "one": "1 partner without a start year is counted in every year.",
            "other": "{count} partners without a start year are counted in every year.",
        },
        "no_growth": "No partners with a category.",
        "activities": "Activities by area and status",
        "no_area": "no area",
        "no_status": "no status",
        "map": "Where our partners are",
        "map_plain": "Where the partners are",
        "map_alt": "Map of partner locations",
        "map_count": {
            "one": "1 of {total} partners has coordinates; circle size = partners at the "
            "place.",
            "other": "{count} of {total} partners have coordinates; circle size = partners at "
            "the place.",
        },
        "map_region": "Right, enlarged: around {place} (dashed frame).",
        "map_region_alt": "Map of partner locations around {place}",
        "map_unnamed": {
            "one": "1 place without its name (no room): {places}.",
            "other": "{count} places without their names (no room): {places}.",
        },
        "reach": "How far our network reaches",
        "reach_plain": "How far the network reaches",
        "reach_alt": {"one": "Reach: 1 partner on rings from local to international",
                      "other": "Reach: {count} partners on rings from local to "
                      "international"},
        "reach_caption": "The ring comes from the column Reach, otherwise from the place; "
        "colour: category.",
        "reach_without": {"one": "Not stated (not in the picture): 1 partner: {names}.",
                          "other": "Not stated (not in the picture): {count} partners: "
                          "{names}."},
        "reach_without_short": {"one": "1 partner without a reach is not in the picture "
                                "(named in the notes).",
                                "other": "{count} partners without a reach are not in the "
                                "picture (named in the notes)."},
        "reach_unnamed": {"one": "Without a name in the picture (no room): 1 partner: {names}.",
                          "other": "Without a name in the picture (no room): {count} "
                          "partners: {names}."},
        "sources": "Sources and data date",
        "source": "Source",
        "file": "File",
        "data_date_label": "Data as of",
        "exported_label": "Exported on",
        "unknown": "not given",
        "public": "Personal data (contact persons, contacts, e-mail, phone) is not included.",
        "private": "Internal: this deck contains personal data (contact persons, contacts, "
        "e-mail, phone). Do not pass on.",
        "intern": "internal",
        "contacts": "Contact persons",
        "contacts_cont": "Contact persons (continued)",
        "contacts_more": "… and {n} more in the workbook",
        "partner": "Partner",
        "contact_internal": "Internal contact",
        "contact_partner": "Contact at the partner",
        "date_format": "%Y-%m-%d",
    },
    "exports.report": {
        "yes": "yes",
        "no": "no",
        "error": "Error",
        "warning": "Warning",
        "no_problems": "No problems found.",
        "group_name": "Group name",
        "total": "Partners in total",
        "none": "no category",
        "several": "A partner can count in several categories.",
        "computed": "Measures and groups are computed without {hub}: every partner is tied "
        "to {hub}, which would make them all look alike.",
        "sampled": "Bridging role and closeness estimated from {k} randomly chosen starting "
        "partners.",
        "measure_clash": "{label} (measure)",
        "rank": "Rank",
        "rank_explained": "Place by importance: the most important partner has rank 1. Where "
        "importance is equal, the strength of ties decides; partners equal in both share the "
        "place. The sheet “Partner” is ordered by rank.",
        "partners_explained": "Sheet “Kategorien”: number of partners with this category; a "
        "partner with several categories counts in each.",
        "share_explained": "Sheet “Kategorien”: share of all partners in the report; together "
        "it can be more than 100 %, because a partner can have several categories.",
        "weight_explained": "Sheet “Verbindungen”: how much connects two partners, the weights "
        "of their relations plus one unit per shared activity and per shared programme. The "
        "closest ties come first.",
        "overview": "Partners: {partners} · Ties between partners: {ties}",
        "overview_reading": "The sheet “Partner” orders the partners by importance (rank 1 = "
        "most important); every measure is explained in one sentence in the sheet "
        "“Erklärungen”.",
        "printed": "The printout of the sheet “Partner” shows rank, name, category, measures "
        "and group; the other columns (place, website …) are in the file.",
    },
    # column headers of the report's sheets Kategorien, Datenqualität, Erklärungen, Info
    "exports.report.columns": {
        "category": "Category",
        "colour": "Colour",
        "partners": "Partners",
        "share": "Share",
        "kind": "Kind",
        "sheet": "Sheet",
        "row": "Row",
        "column": "Column",
        "value": "Value",
        "message": "Message",
        "measure": "Measure",
        "explanation": "Explanation",
        "item": "Item",
    },
    # the rows of the report's sheet Info
    "exports.report.info": {
        "title": "Title",
        "data_date": "Data as of",
        "source": "Source",
        "file": "File",
        "created": "created",
        "confidentiality": "Confidentiality",
        "hub": "Own organisation",
        "partners": "Partners",
        "computed": "Computation",
        "sampled": "Estimate",
        "printing": "Printout",
    },
    "exports.tables.kinds": {
        "hub": "own organisation",
        "partner": "partner",
        "activity": "activity",
        "programme": "programme",
        "category": "category",
    },
    # one relation in the export tables: "Projekt (strength 3, since 2020)"
    "exports.tables.relation": {
        "strength": "strength {strength}",
        "weight": "weight {weight}",
        "span": "{since}–{until}",
        "since": "since {since}",
        "until": "until {until}",
    },
    # what a problem sentence names by a code (``what="activity"``)
    "problems.things": {"activity": "the activity", "programme": "the programme"},
    # which table a sheet holds, as a problem sentence names it (``table="partners"``)
    "problems.tables": {
        "partners": "partners",
        "relations": "relations",
        "activities": "activities",
        "programmes": "programmes",
        "settings": "settings",
    },
    # what a file really is when its name promises a workbook (``found="pdf"``)
    "problems.found": {
        "pdf": "a PDF document",
        "picture": "a picture",
        "rar": "a RAR archive",
        "7z": "a 7-Zip archive",
        "gzip": "a gzip archive",
        "rtf": "an RTF text document",
        "xlsb": "an Excel binary workbook (.xlsb)",
        "word": "a Word document",
        "powerpoint": "a PowerPoint presentation",
        "visio": "a Visio drawing",
        "odt": "a text document (OpenDocument)",
        "odp": "a presentation (OpenDocument)",
        "odg": "a drawing (OpenDocument)",
        "ots": "a spreadsheet template (.ots)",
        "opendocument": "an OpenDocument file, but not a spreadsheet",
        "office": "another kind of Office document",
        "zip": "a ZIP archive",
        "ole": "a document of another program",
        "binary": "a binary file (not text)",
        "html": "a web page (HTML)",
        "xml_2003": "an XML spreadsheet (Excel 2003)",
        "xml": "an XML file",
        "text": "a text file",
        "unknown": "a file in an unknown format",
    },
    # why a file could not be read (``detail="no_permission"``); other details are the reader's
    "problems.details": {
        "no_permission": "no permission to read it",
        "read_error": "read error",
        "read_error_number": "read error no. {errno}",
        "out_of_memory": "not enough memory",
        "unexpected": "unexpected error while checking it",
        "zip_variant": "unsupported kind of ZIP archive",
        "compression": "unusual compression method",
        "text_table": "a line of the text table cannot be read",
        "damaged_content": "its content is damaged or laid out unlike this file format",
    },
    # a file name without an extension (``extension=""``)
    "problems.extensions": {"": "no extension"},
    "problems": {
        "names_no_partner_sheet": "This file has no “Partner” sheet: the partners are read "
        "from the relations. So renaming and merging are not possible here; please change the "
        "names in the relations, or add a “Partner” sheet in Excel.",
        "names_not_editable": "The sheet “{sheet}” is a table without column headers (such "
        "as a matrix in which every row and column is a partner). This program cannot change "
        "a name in it safely, so renaming and merging are not possible here. Please change "
        "the names in Excel.",
        "save_sheet_gone": "The workbook no longer has the sheet “{sheet}”, so nothing "
        "was saved. Please reload the page and make the change again.",
        "save_would_lose": "This workbook contains {losses}. This program cannot keep them "
        "when saving, so nothing was written to the file. You can save the edited workbook "
        "as a new file (without {losses}; the previous file stays as a version) or make the "
        "change in Excel.",
        "file_not_found": "The file “{path}” was not found. Please check the path and file name.",
        "not_a_file": "“{path}” is not a file (perhaps a folder). Please choose a workbook.",
        "empty_file": "The file “{path}” is empty (0 bytes). Please save the file again.",
        "too_large": "The file is {size_mb} MB; at most {limit_mb} MB are allowed. "
        "Please remove sheets or pictures that are not needed.",
        "unsupported_format": "The file format “{extension}” is not supported. Please save as an Excel "
        "workbook (.xlsx), OpenDocument (.ods) or CSV.",
        "wrong_content": "The file ends in “.{extension}” but is {found}. Please open it in Excel or "
        "LibreOffice and save it as .xlsx.",
        "encrypted": "The workbook is password-protected – please save it without a password.",
        "zip_bomb": "Unpacked, the file would take {unpacked_mb} MB (ratio {ratio}:1); for safety it "
        "is not opened. Please copy the data into a new workbook and use that.",
        "too_many_members": "The file consists of more than {limit} parts – no workbook has that many. For "
        "safety it is not opened. Please copy the data into a new workbook.",
        "corrupt_archive": "The file is damaged or incomplete (e.g. an interrupted download). "
        "Please save or download it again.",
        "unsafe_xml": "The file contains XML constructs that are a security risk (e.g. entity "
        "definitions) and is not opened. Please copy the data into a new workbook.",
        "unreadable": "The file could not be read ({detail}). Please open it in Excel or LibreOffice "
        "and save it as .xlsx.",
        "csv_encoding": "The CSV file has an unknown character encoding. Please save it as “CSV UTF-8”.",
        # the workspace (network_app.workspace.store, errors.WorkspaceError)
        "changed_on_disk": "The workbook “{name}” was changed since it was loaded here (by a "
        "colleague or in Excel). Nothing was saved. Please reload and enter your changes again, or "
        "save your version as a copy.",
        "no_current_workbook": "The workspace folder “{path}” has no current workbook yet. The "
        "example is copied in when the app starts next; or upload a workbook.",
        "version_not_found": "The workspace has no version “{version}”. Please reload the list of "
        "versions.",
        "not_dropped": "The file “{name}” is not (or no longer) in the workspace folder. Please "
        "reload the page.",
        "workspace_file_name": "The file name “{name}” cannot be used in the workspace folder (it "
        "is empty or starts with a dot or “~$”, like a hidden file or an Excel lock file). "
        "Please rename the file and upload it again.",
        "workspace_busy": "The workspace folder is busy because another session is saving. Please "
        "try again in a few seconds.",
        "disk_full": "The disk is full: nothing was saved. The current workbook and all versions "
        "are unchanged. Please free space on the drive of the workspace folder (delete files "
        "nobody needs, or ask IT) and then try again.",
        "too_many_cells": "The sheet “{sheet}” has more than {limit} filled rows. Please keep only the "
        "partner data in the workbook.",
        "too_large_area": "Filled cells in the sheet “{sheet}” reach {last_cell}; that is more than "
        "{limit_millions} million cells, too many to read. Please keep only the partner "
        "data in the workbook and delete far-away cells.",
        "too_many_columns": "The sheet “{sheet}” has {width} columns; at most {limit} are "
        "read. Please keep only the columns with partner data and delete empty or far-away "
        "columns.",
        "too_costly": "The file is too large or too costly to read: it needs more than "
        "{seconds} seconds or more than {memory_mb} MB of memory and was stopped. Please keep "
        "only the sheets with partner data, delete empty areas, pictures and far-away cells and "
        "save the file again as .xlsx (or the table as CSV).",
        "busy": "Several files are being read right now, so this one was not read yet. Please "
        "try again in a moment.",
        "no_partner_sheet": "No sheet with partners found. Please add a sheet “Partner” with a column “Name” "
        "(template: network-app template), or a table of relations with the columns “Source” "
        "and “Target”.",
        "no_header": "No header row with the column “{expected}” was found in sheet “{sheet}”. "
        "Please add the column heading “{expected}”.",
        "no_partners": "The sheet “{sheet}” contains no partners. Please add partners below the header.",
        "hidden_sheet": "The sheet “{sheet}” is hidden and was not read. Unhide it to include it.",
        "hidden_sheet_other": "The sheet “{sheet}” is hidden and holds no table read here (for example a "
        "helper sheet of another program). It was not read and need not be unhidden.",
        "sheet_empty": "The sheet “{sheet}” holds no data (headings at most) and was skipped.",
        "sheet_unknown": "The sheet “{sheet}” was not read: its columns ({columns}) fit no known table. "
        "Partners need a column “Name”, relations the columns “Source” and “Target”.",
        "sheet_second_table": "Like “{first}”, the sheet “{sheet}” holds a table of {table} and was not "
        "read; only “{first}” is read. If both are needed, please move the rows into "
        "“{first}”.",
        "sheet_not_chosen": "The sheet “{sheet}” looks like a partner list but was not read: the "
        "partners are expected in the sheet “{partner_sheet}”. Please complete its header "
        "row there or rename the sheet “{partner_sheet}”.",
        "column_choice": "In sheet “{sheet}” several columns can mean the same; the filled, more "
        "specific one is read. Read: {used}. Kept as extra column: {kept}. If another one is "
        "meant, please rename the column not meant.",
        "nodes_from_relations": "There is no table of partners: the partners ({count}) were built from "
        "the relations in sheet “{sheet}”, in the order they first appear. For details such "
        "as place or type, please add a sheet “Partner” with a column “Name”.",
        "headerless_edges": "Table “{sheet}” has no header row. Each row was read as a relation without "
        "direction: column 1 as “Source”, column 2 as “Target”. If something else is meant, "
        "please add a header row, e.g. “Source” and “Target”.",
        "headerless_edges_extra": "Table “{sheet}” has no header row. Each row was read as a relation "
        "without direction: column 1 as “Source”, column 2 as “Target”. The other columns are "
        "kept as extra columns under their number ({kept}), not as a weight: the file does not "
        "say what they hold. If one of them is the weight, please add a header row, e.g. "
        "“Source”, “Target”, “Weight”.",
        "matrix_directed": "Table “{sheet}” is an adjacency matrix: its first row and first column name "
        "the same partners, and every cell other than 0 was read as a relation, with the cell's "
        "value as its weight. The matrix is not symmetric, so every relation has a direction: "
        "from the partner of the row to the partner of the column. Nothing to do if that is "
        "what is meant.",
        "matrix_undirected": "Table “{sheet}” is an adjacency matrix: its first row and first column "
        "name the same partners, and every cell other than 0 was read as a relation, with the "
        "cell's value as its weight. The matrix is symmetric, so each pair was read once, "
        "without direction. Nothing to do if that is what is meant.",
        "duplicate_column": "The column “{column}” means the same as “{first}” (column {first_letter}); only "
        "“{first}” is read. Please rename one of them.",
        "missing_name": "Row {row} has no name. Please enter a name or delete the row.",
        "missing_category": "“{name}” has no category. Please enter Austausch, Kooperation, Netzwerk or "
        "Forschung.",
        "unknown_category": "Unknown category “{value}”{did_you_mean}. Allowed are Austausch, Kooperation, "
        "Netzwerk and Forschung.",
        "duplicate_name": "“{value}” already appears in row {first_row}. Please merge the two rows; only "
        "the first is read.",
        "similar_name": "“{value}” resembles “{other}” (row {other_row}). Is it the same partner? Then "
        "please spell it the same way.",
        "unknown_partner": "“{value}” is not on the sheet “{partner_sheet}”{did_you_mean}. Please spell "
        "the name exactly as there or add the partner.",
        "place_not_found": "The place “{value}” is not in the gazetteer{did_you_mean}, so the "
        "partner is missing from the map. Please correct the place or fill in latitude and "
        "longitude (on the “Edit” page or in the workbook).",
        "place_part": "The place “{value}” is not in the gazetteer, only its beginning: the "
        "partner stands on the map at {place}. Nothing to do if that fits; otherwise please "
        "fill in latitude and longitude.",
        "place_ambiguous": "There are several places called “{value}”. The partner stands on the "
        "map at {place}; {other} could be meant too. If another place is meant, please write "
        "it more precisely (e.g. with its state or district in brackets) or fill in latitude "
        "and longitude.",
        "self_relation": "“{value}” is related to itself. Please enter two different partners.",
        "self_loops_kept": "On the sheet “{sheet}” a partner is related to itself (for example “{value}”). "
        "This is common in other programs' networks (such as a reply to one's own post): the "
        "relation is kept, in the exports too. The measures and groups leave it out, as it "
        "connects nobody. Nothing to do if this is meant.",
        "hub_in_relation": "“{value}” is the own organisation: every partner is tied to it through its "
        "category already. The row is skipped; please delete it or enter two partners.",
        "missing_endpoint": "Row {row} lacks “{expected}”. Please enter both partners of the relation.",
        "duplicate_relation": "The relation “{value}” already appears in row {first_row}; it is counted once.",
        "missing_title": "Row {row} has no title. Please enter a name for {what}.",
        "bad_year": "“{value}” is not a year. Please enter a year such as 2019.",
        "year_out_of_range": "The year {year} is impossible (allowed {low}–{high}). Please check the year.",
        "until_before_since": "“Bis” ({until}) is before “Seit” ({since}). Please check the years.",
        "bad_date": "“{value}” is not a date. Please enter a date such as 12.08.2022 or a year.",
        "bad_strength": "The strength “{value}” is not a number; 1 is assumed. Please enter a number, "
        "e.g. 1 (loose) to 5 (very close).",
        "weights_to_strengths": "The weights in “{column}” range from {lowest} to {highest}; they are kept "
        "as they are (in the exports and the weighted measures). For the line strength 1 to 5 "
        "the distinct weights are spread evenly over 1 to 5 by size: the smallest becomes 1, "
        "the largest 5. If strengths from 1 to 5 are meant, please check the values outside.",
        "weights_not_positive": "Some weights in “{column}” are 0 or less (the smallest: {lowest}). "
        "Weighted measures and groups need positive weights and therefore count the strength 1 "
        "to 5 instead of the weights. Nothing to do if this is intended.",
        "missing_weight": "The relation has no weight. It is drawn with strength 1 and counts like the "
        "smallest weight ({lowest}) in the weighted measures. Please enter a weight if known.",
        "weight_unit": "The relations have weights of their own ({lowest} to {highest}). Shared "
        "activities and programmes each count like the smallest weight ({lowest}) in the "
        "weighted measures, i.e. like the weakest relation.",
        "bad_direction": "“{value}” gives no direction; the relation is read without one. Please enter "
        "“directed” or “undirected”.",
        "nodexl_directed": "The relations on the sheet “{relations}” were read with a direction: NodeXL sets "
        "the direction for the whole workbook, in the hidden sheet “{sheet}” (setting “Graph "
        "Directedness” = “{value}”). To read them otherwise, please add a column “Direction” "
        "with “directed” or “undirected” to the sheet “{relations}”.",
        "nodexl_undirected": "The relations on the sheet “{relations}” were read without a direction: NodeXL "
        "sets the direction for the whole workbook, in the hidden sheet “{sheet}” (setting "
        "“Graph Directedness” = “{value}”). To read them otherwise, please add a column "
        "“Direction” with “directed” or “undirected” to the sheet “{relations}”.",
        "kumu_directed": "The workbook has the sheets “Elements” and “Connections” like an export from Kumu. "
        "In Kumu every connection has a direction unless stated otherwise, so the relations on "
        "the sheet “{sheet}” were read with a direction. If they are meant without one, please "
        "add a column “Direction” with “undirected”.",
        "bad_number": "“{value}” is not a number. Please enter a decimal number such as 51.57.",
        "unknown_value": "“{value}” is not a usual value for “{column}”{did_you_mean}. Usual values: "
        "{allowed}.",
        "huge_cell": "The cell holds {length} characters and was cut to {limit}. Please shorten it.",
        "formula_without_value": "The cell holds a formula with no saved result and was read as empty. Please "
        "open and save the file in Excel or enter the value.",
        "stray_cell": "The cell {column_letter}{row} lies far outside the table (“{value}”) and was "
        "not read. Please delete it if it was filled by mistake.",
        "unknown_setting": "The setting “{value}” is unknown and ignored. Known: Eigene Organisation, "
        "Titel, Quelle, Datenstand.",
        "hub_is_partner": "“{value}” is the own organisation, not a partner; the row is skipped.",
    },
    # appended to a problem that stands for many rows (workbook.problems.summarise)
    "problems.summary": {
        "rows": {
            "one": "This message applies to {count} row ({examples}).",
            "other": "This message applies to {count} rows, e.g. rows {examples}.",
        },
    },
    # the workspace's versions: how each one came about (network_app.workspace.store)
    "workspace.store": {
        "reasons": {
            "first_start": "First start: example copied in",
            "upload": "Uploaded",
            "edit": "Edited in the app",
            "restore": "Restored",
            "dropped": "Put into the workspace folder",
            "outside": "Changed outside the app (e.g. in Excel)",
        },
        "restored_from": "Restored the version of {date}",
    },
    # the partner fields as the reader knows them (profile card, comparison of versions)
    "workbook.fields": {
        "name": "Name",
        "categories": "Categories",
        "type": "Type",
        "place": "Place",
        "reach": "Reach",
        "since": "Since",
        "until": "Until",
        "contact_internal": "Internal contact",
        "contact_external": "External contact",
        "email": "E-mail",
        "phone": "Phone",
        "website": "Website",
        "note": "Note",
        "lat": "Latitude",
        "lon": "Longitude",
        "id": "Id",
    },
    "workspace.compare": {
        "partners_new": {"one": "{count} new partner: {names}.",
                         "other": "{count} new partners: {names}."},
        "partners_gone": {"one": "{count} partner no longer included: {names}.",
                          "other": "{count} partners no longer included: {names}."},
        "partners_changed": {"one": "{count} partner changed: {names}.",
                             "other": "{count} partners changed: {names}."},
        "partner_fields": "{name} ({fields})",
        "ties_new": {"one": "{count} new tie: {ties}.",
                     "other": "{count} new ties: {ties}."},
        "ties_gone": {"one": "{count} tie no longer included: {ties}.",
                      "other": "{count} ties no longer included: {ties}."},
        "tie": "{a} – {b}",
        "activities_new": {"one": "{count} new activity: {names}.",
                           "other": "{count} new activities: {names}."},
        "activities_gone": {"one": "{count} activity no longer included: {names}.",
                            "other": "{count} activities no longer included: {names}."},
        "programmes_new": {"one": "{count} new programme: {names}.",
                           "other": "{count} new programmes: {names}."},
        "programmes_gone": {"one": "{count} programme no longer included: {names}.",
                            "other": "{count} programmes no longer included: {names}."},
        "no_changes": "No differences: partners, ties, activities and programmes are the same.",
        "problems_none": "The newer workbook has no problems.",
        "problems": "The newer workbook has {what}.",
        "errors": {"one": "{count} error", "other": "{count} errors"},
        "warnings": {"one": "{count} warning", "other": "{count} warnings"},
        "yes": "yes",
        "no": "no",
        "hidden": "(changed)",
        "columns": {"partner": "Partner", "field": "Field", "old": "before", "new": "after"},
    },
    "workbook.template": {
        "title": "stadtLABOR Partnernetz – how to fill in this workbook",
        "intro": "Enter our partners in this workbook. The program turns it into the partner "
        "network: who is connected to us and to each other, since when and in what. "
        "This sheet says what goes where. Sheet names and column headers stay German.",
        "about": "What is this?",
        "sheets": "The sheets",
        "how": "How to fill it in",
        "columns": "All columns",
        "sheet": "Sheet",
        "sheet_heading": "Sheet {sheet}",
        "column": "Column",
        "explanation": "Explanation",
        "hint": "Note",
        "required": "required",
        "required_if_used": "required if the sheet is used",
        "personal": "personal data – not exported",
        # a sheet or column name quoted in running text
        "quote": "“{item}”",
        # written into the workbook: the note of every example row, the settings' notes
        "example_note": "Example row – please overwrite or delete",
        "default_title": "Partner network {organisation}",
        "note_own_organisation": "Name of our own organisation; it is the centre of the network",
        "note_title": "Heading for pictures, reports and the presentation",
        "note_data_date": "Date the data were last checked – please update",
        # Excel's messages when a value does not fit a column (title ≤ 32 characters,
        # message ≤ 225)
        "whole_title": "Check the number",
        "whole": "Please enter a whole number from {low} to {high}.",
        "lenient_title": "Value not in the list",
        "lenient": "This value is not in the list. Keep it with “Yes” (e.g. several values "
        "separated by ;) or correct it with “No”.",
        "strict_title": "Value not allowed",
        "strict": "Please choose a value from the list: {values}.",
    },
    # the input help Excel shows in a cell of the column (at most 255 characters)
    "workbook.template.prompts": {
        "categories": "Choose from the list. Separate several categories with ;, e.g. "
        "“Austausch; Forschung”.",
        "type": "Choose from the list or enter a type of your own.",
        "reach": "lokal, regional, national or international",
        "year": "Year, e.g. 2021",
        "until": "Year, e.g. 2021; leave empty while the partnership continues",
        "strength": "1 (loose) to 5 (very close)",
        "status": "umgesetzt, in Umsetzung or in Planung",
        "area": "Choose from the list or enter an area of your own.",
    },
    # what each sheet is for ("guide" is the guide itself)
    "workbook.template.sheets": {
        "guide": "This guide. It is not read as data.",
        "partners": "One row per partner: organisations, institutions and initiatives we work "
        "with. This is the only sheet that must be filled in.",
        "relations": "Links between two partners, e.g. a joint project. Optional. The link of "
        "every partner to our own organisation is made automatically and need not be "
        "entered here.",
        "activities": "Projects, events and other activities with the partners involved. "
        "Partners who take part in the same activity are linked in the network. Optional.",
        "programmes": "Funding programmes and alliances (e.g. Smart Cities, Digitale "
        "Modellregion) with their members. Members of the same programme are linked. "
        "Optional.",
        "settings": "Settings for this workbook: the name of our own organisation (the centre "
        "of the network), a title for pictures and reports, the date of the data. Optional.",
    },
    # "so füllen Sie die Tabelle aus": (label, text); sheet and column names come quoted
    "workbook.template.hints": {
        "required": (
            "Required",
            "Only the column {name} on the sheet {partner} is required. Every other column "
            "and sheet is optional: what stays empty is simply not shown. On the other sheets "
            "fill in at least the first column of each row (on {relations}: {source} and "
            "{target}).",
        ),
        "categories": (
            "Categories",
            "The categories are {categories}. A partner may belong to several: separate them "
            "with a semicolon, e.g. “Austausch; Forschung”. Excel then asks whether to keep "
            "the value: answer “Yes”.",
        ),
        "names": (
            "Write names exactly",
            "On the sheets {name_sheets} write each partner exactly as in the column {name} on "
            "the sheet {partner} (upper/lower case and extra spaces do not matter). Easiest: "
            "copy the name. Unknown names are reported when the file is checked.",
        ),
        "participants": (
            "Several partners",
            "In the column {participants} separate several partners with a semicolon: "
            "“Partner A; Partner B”.",
        ),
        "examples": (
            "Example rows",
            "The rows in grey italics are examples. Please overwrite them with your own "
            "entries or delete them. If you delete the example partners, delete the example "
            "rows on the other sheets too.",
        ),
        "lists": (
            "Drop-down lists",
            "Many columns offer a list (small arrow next to the cell). In {lenient} you may "
            "also type something else; Excel only asks. In {strict} only the values in the "
            "list are allowed.",
        ),
        "years": (
            "Years and dates",
            "{since} and {until} are years (e.g. 2021); leave {until} empty while the "
            "partnership continues. {date} may be a date (14.05.2024) or just a year. "
            "{strength}: 1 (loose) to 5 (very close).",
        ),
        "personal": (
            "Personal data",
            "The columns {personal} (orange header) hold personal data. They stay in this file "
            "but are not exported and not shown in the presentation unless you explicitly ask "
            "for it. Please enter only what the work needs.",
        ),
        "own_columns": (
            "Your own columns",
            "You may add columns of your own (e.g. “Thema”). They are kept and can be used to "
            "filter and colour the network.",
        ),
        "saving": (
            "Saving",
            "Save as an Excel workbook (.xlsx). OpenDocument (.ods) and CSV work too. The sheet "
            "names and column headers stay German.",
        ),
    },
    # what each column holds: the comment on its header and the guide's table of columns
    "workbook.columns": {
        "partners": {
            "name": "Name of the partner (required, unique)",
            "categories": "Austausch, Kooperation, Netzwerk or Forschung; separate several "
            "with ;",
            "type": "e.g. Kommune, Hochschule, Verein, Unternehmen, Lab",
            "place": "Where the partner is",
            "reach": "lokal, regional, national or international",
            "since": "Year the partnership began",
            "until": "Year the partnership ended (empty = continues)",
            "contact_internal": "Who in the stadtLABOR looks after the partnership",
            "contact_external": "Contact person at the partner",
            "email": "E-mail address of the contact",
            "phone": "Phone number of the contact",
            "website": "Web address",
            "note": "free text",
            "lat": "Coordinate (optional), e.g. 51.57",
            "lon": "Coordinate (optional), e.g. 8.11",
            "id": "Identifier from another program (optional); relations may use it instead of "
            "the name",
        },
        "relations": {
            "source": "Name of a partner",
            "target": "Name of another partner",
            "kind": "e.g. Projektpartner, Austausch",
            "strength": "1 (loose) to 5 (very close)",
            "since": "Year",
            "until": "Year",
            "note": "free text",
        },
        "activities": {
            "name": "Title of the activity (required)",
            "date": "Date or year",
            "status": "umgesetzt, in Umsetzung or in Planung",
            "area": "e.g. Vernetzung, Forschung, Verwaltung",
            "participants": "Names of the partners involved, separated by ;",
            "note": "free text",
        },
        "programmes": {
            "name": "Name of the programme or alliance (required)",
            "since": "Year",
            "until": "Year",
            "participants": "Names of the partners involved, separated by ;",
            "note": "free text",
        },
        "settings": {
            "key": "e.g. Eigene Organisation",
            "value": "the value",
            "note": "free text",
        },
    },
}
