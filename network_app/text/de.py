"""The German catalog: every word a user reads, by section (see :mod:`network_app.text`).

Sections are named after the code that shows them; keys, placeholders and plural forms
match the other language's catalog exactly (``tests/test_text.py``).
"""

from typing import Any

CATALOG: dict[str, Any] = {
    "format": {
        "more": "{n} weitere",
        "did_you_mean": " (meinten Sie »{suggestion}«?)",
        "partners": {"one": "{count} Partner", "other": "{count} Partner"},
    },
    # the login of a deployment (network_app/access.py, network-app password)
    "access": {
        "bad_hash": "In secrets.toml ist [login] password_hash kein Passwort-Hash dieser App. "
        "Erzeugen Sie die Zeile mit »network-app password« und fügen Sie sie ganz ein.",
        "bad_list": "In secrets.toml muss {key} eine Liste von Texten sein, z. B. "
        "[\"anna.muster@stadt.de\", \"@stadt.de\"].",
        "bad_section": "In secrets.toml muss [{section}] ein Abschnitt mit Einstellungen sein.",
        "bad_provider": "In secrets.toml nennt [login] provider »{provider}«, aber es gibt "
        "keinen Abschnitt [auth.{provider}].",
        "unknown_key": "In secrets.toml gibt es {key} nicht (Tippfehler?). Erlaubt in [login] "
        "sind: {known}.",
        "weak_cookie_secret": "In secrets.toml ist [auth] cookie_secret zu schwach: mindestens "
        "{min} Zeichen ohne Leerzeichen, zufällig erzeugt, z. B. mit python3 -c \"import "
        "secrets; print(secrets.token_urlsafe(32))\".",
        "unreadable": "Die Datei »{path}« lässt sich nicht lesen (Schreibfehler im TOML-Format?). "
        "Prüfen Sie sie, z. B. mit secrets.example.toml als Vorlage, und starten Sie die App "
        "neu.",
        "no_permission": "Die Datei »{path}« darf das Konto, unter dem die App läuft, nicht "
        "lesen. Geben Sie ihm das Leserecht (z. B. chown auf dieses Konto und chmod 600) und "
        "starten Sie die App neu.",
        "bad_required": "Die Umgebungsvariable {name} hat den Wert »{value}«; erlaubt sind "
        "»required« (Anmeldung vorgeschrieben, für Server) und »optional«.",
        "required_missing": "Auf diesem Server ist eine Anmeldung vorgeschrieben ({name}="
        "required), aber die Datei mit der Anmeldung fehlt (gesucht: {paths}). Legen Sie sie "
        "an (Vorlage: .streamlit/secrets.example.toml) mit [login] password_hash oder einem "
        "Abschnitt [auth] und starten Sie die App neu.",
        "required_empty": "Auf diesem Server ist eine Anmeldung vorgeschrieben ({name}="
        "required), aber in {paths} ist keine eingerichtet. Tragen Sie [login] password_hash "
        "(aus »network-app password«) oder einen Abschnitt [auth] ein und starten Sie die App "
        "neu.",
        "bad_bool": "In secrets.toml muss {key} true oder false sein (ohne Anführungszeichen).",
        "prompt": "Neues Passwort: ",
        "prompt_again": "Noch einmal: ",
        "mismatch": "Die beiden Eingaben sind verschieden. Es wurde nichts ausgegeben; bitte "
        "noch einmal.",
        "too_short": "Das Passwort ist zu kurz: mindestens {min} Zeichen, z. B. vier zufällige "
        "Wörter. Es wurde nichts ausgegeben.",
        "too_long": "Das Passwort ist zu lang: höchstens {max} Zeichen, sonst nimmt die "
        "Anmeldung es nicht an. Es wurde nichts ausgegeben.",
        "paste": "Diese Zeilen in .streamlit/secrets.toml einfügen und die App neu starten. "
        "Das Passwort selbst steht nirgends; wer es vergisst, erzeugt ein neues.",
    },
    "app.access": {
        "title": "Anmeldung – Partnernetz stadtLABOR",
        "intro": "Diese App enthält Angaben zu Partnern und Ansprechpersonen. Bitte melden Sie "
        "sich an.",
        "oidc_button": "Mit dem Dienstkonto anmelden",
        "oidc_failed": "Die Anmeldung mit dem Dienstkonto ließ sich nicht starten. Bitte "
        "wenden Sie sich an die IT (Einstellungen im Abschnitt [auth] von secrets.toml).",
        "or_password": "oder mit dem Passwort:",
        "password": "Passwort",
        "submit": "Anmelden",
        "empty": "Bitte geben Sie das Passwort ein.",
        "wrong": {"one": "Das Passwort stimmt nicht. Ein neuer Versuch ist in 1 Sekunde "
                  "möglich.",
                  "other": "Das Passwort stimmt nicht. Ein neuer Versuch ist in {count} "
                  "Sekunden möglich."},
        "wait": {"one": "Bitte warten Sie noch 1 Sekunde, dann können Sie es erneut versuchen "
                 "(Schutz vor dem Erraten des Passworts).",
                 "other": "Bitte warten Sie noch {count} Sekunden, dann können Sie es erneut "
                 "versuchen (Schutz vor dem Erraten des Passworts)."},
        "busy": "Gerade werden viele Anmeldungen zugleich geprüft. Bitte gleich noch einmal "
        "versuchen.",
        "too_long": "Das Passwort ist zu lang (höchstens {max} Zeichen). Es wurde nicht geprüft.",
        "setup_broken": "Die Anmeldung ist falsch eingerichtet, deshalb bleibt die App "
        "gesperrt. {detail}",
        "signed_in": "Angemeldet (mit Passwort).",
        "signed_in_as": "Angemeldet als {name}.",
        "read_only": "Sie können alles ansehen. Bearbeiten, Hochladen und Speichern dürfen nur "
        "die dafür eingetragenen Personen.",
        "write_refused": "Es wurde nichts gespeichert: Sie sind nicht mehr angemeldet oder "
        "dürfen nicht mehr bearbeiten. Melden Sie sich (wieder) an oder bitten Sie die IT um "
        "das Recht zu bearbeiten.",
        "editors_only": "Die Seite »{page}« ist für Personen, die bearbeiten dürfen. Sie "
        "können alles ansehen (die Seiten links). Wenn Sie bearbeiten müssen, bitten Sie die "
        "IT, Sie dafür einzutragen.",
        "not_admitted": "Ihr Dienstkonto ({name}) ist für diese App nicht freigeschaltet. Wenn "
        "Sie sie nutzen sollen, bitten Sie die IT, Sie einzutragen. Mit »Abmelden« können Sie "
        "sich mit einem anderen Konto anmelden.",
        "every_account": "Anmeldung mit Dienstkonto: Ansehen dürfen alle Konten, die der "
        "Identitätsanbieter annimmt, denn in secrets.toml ist keine Liste [login] viewers oder "
        "viewer_groups eingerichtet (Betriebshandbuch, Abschnitt »Login«).",
        "sign_out": "Abmelden",
        "open": "Ohne Anmeldung: gedacht für einen einzelnen Rechner. Für einen Server lässt "
        "sich eine Anmeldung einrichten (README, Abschnitt »Anmeldung / Login«).",
    },
    "app.analyse": {
        "title": "Analyse",
        "hub_note": "Alle Kennzahlen beziehen sich auf die Verbindungen der Partner "
        "untereinander. Die eigene Organisation ({hub}) ist ausgeblendet: Jeder Partner ist "
        "mit ihr verbunden, das würde alle Partner gleich aussehen lassen.",
        "tabs": [
            "Kennzahlen",
            "Gruppen",
            "Brücken",
            "Was wäre, wenn …",
            "Vorschläge",
            "Zeitverlauf",
        ],
        "nodes": "Partner",
        "edges": "Verbindungen zwischen Partnern",
        "nodes_help": "Alle Partner der Arbeitsmappe.",
        "edges_help": "Paare von Partnern, die über eine Beziehung, eine gemeinsame Aktivität "
        "oder ein gemeinsames Programm verbunden sind.",
        "measure": "Rangliste nach",
        "top": "Die 15 Partner mit den höchsten Werten",
        # a ranking with nothing to rank is said in words (flat_ranking), not drawn
        "ranking_none": "Für keinen Partner lässt sich »{measure}« berechnen (dafür braucht es "
        "Verbindungen zwischen Partnern): Darum gibt es hier keine Rangliste.",
        "ranking_zero_betweenness": "Kein Partner liegt zwischen anderen: Wo Partner "
        "miteinander verbunden sind, ist in ihrer Gruppe jeder direkt mit jedem verbunden, "
        "niemand muss vermitteln. Darum hat »{measure}« bei allen den Wert 0, und es gibt keine "
        "Rangliste.",
        "ranking_zero_ties": "Kein Partner ist mit einem anderen Partner verbunden: Darum hat "
        "»{measure}« bei allen den Wert 0, und es gibt keine Rangliste.",
        "ranking_zero_clustering": "Bei keinem Partner sind zwei seiner Kontakte miteinander "
        "verbunden: Darum hat »{measure}« bei allen den Wert 0, und es gibt keine Rangliste.",
        "ranking_zero_other": "Alle Partner haben bei »{measure}« den Wert 0: Darum gibt es "
        "keine Rangliste.",
        "all_partners": "Alle Partner mit allen Kennzahlen",
        "sampled": "Die Brückenfunktion ist aus {k} zufällig gewählten Startpartnern geschätzt "
        "(das Netz ist für eine exakte Rechnung zu groß).",
        "name": "Partner",
        "categories": "Kategorien",
        "community": "Gruppe",
        "resolution": "Feinheit der Gruppen",
        "resolution_help": "Größer: mehr und kleinere Gruppen. Kleiner: wenige große Gruppen.",
        "group": "Gruppe",
        "size": "Partner",
        "members": "Mitglieder",
        "group_name": "Name",
        "alone": {
            "one": "{count} Partner ohne Verbindung zu anderen Partnern (bildet eine eigene "
            "Gruppe):",
            "other": "{count} Partner ohne Verbindung zu anderen Partnern (jeder bildet eine "
            "eigene Gruppe):",
        },
        "cut_points": "Partner, ohne die das Netz zerfällt",
        "cut_points_none": "Kein einzelner Partner hält Teile des Netzes allein zusammen.",
        "bridges": "Verbindungen, ohne die das Netz zerfällt",
        "bridges_none": "Keine einzelne Verbindung hält Teile des Netzes allein zusammen.",
        "mixing": "Verbindungen zwischen den Kategorien",
        "mixing_help": "Wie viele Verbindungen es zwischen Partnern zweier Kategorien gibt. Ein "
        "Partner in mehreren Kategorien zählt in jeder.",
        "carriers": "Wer trägt die Verbindungen zwischen",
        "multi": "Partner in mehreren Kategorien (verbinden Kategorien schon selbst)",
        "whatif_mode": "Was fällt weg?",
        "whatif_partner": "Partner",
        "whatif_person": "Ansprechperson (intern)",
        "whatif_pick_partners": "Partner, die wegfallen",
        "whatif_pick_person": "Ansprechperson, die geht",
        "choose": "Partner auswählen …",
        "whatif_no_people": "In der Arbeitsmappe ist keine interne Ansprechperson eingetragen.",
        "single_contact": "Partnerschaften, die an einer einzigen Person hängen",
        "single_contact_none": "Keine Partnerschaft hängt an genau einer Person.",
        "without_contact": "Partner ohne interne Ansprechperson: {n}",
        "person": "Ansprechperson",
        "suggest_intro": "Paare von Partnern, die noch nichts verbindet (keine Beziehung, keine "
        "gemeinsame Aktivität, kein gemeinsames Programm), die sich aber kennen sollten – mit "
        "dem Grund.",
        "pair_a": "Partner A",
        "pair_b": "Partner B",
        "reason": "Warum?",
        "no_suggestions": "Keine Vorschläge: Alle Partner mit gemeinsamen Partnern oder "
        "demselben Ort sind schon miteinander verbunden.",
        "per_year": "Aktive Partner je Jahr und Kategorie",
        "undated": {
            "one": "{count} Partner ohne »Seit«-Jahr zählt in jedem Jahr mit.",
            "other": "{count} Partner ohne »Seit«-Jahr zählen in jedem Jahr mit.",
        },
        "active_partners": "Aktive Partner",
        "category": "Kategorie",
        "year_a": "Vergleiche Jahr",
        "year_b": "mit Jahr",
        "year": "Jahr",
        "as_of": "Stand {year}",
    },
    "app.common": {
        "language": "Sprache / Language",
        "workspace_unusable": "Der Ordner des Arbeitsstands lässt sich nicht benutzen (keine "
        "Rechte, kein Platz mehr oder nicht erreichbar). Bitte die Verwaltung des Rechners "
        "fragen; die Seiten zeigen bis dahin das mitgelieferte Beispiel.",
        "upload": "Eigene Arbeitsmappe laden (xlsx, ods, csv oder eine Liste von Verbindungen als Text)",
        "upload_help": "Die Datei wird sofort gezeigt, aber erst übernommen, wenn Sie das auf "
        "der Seite »Arbeitsstand« bestätigen (dort sehen Sie vorher, was sich ändert). Ohne "
        "Datei wird die aktuelle Arbeitsmappe gezeigt. Die Datei verlässt diesen Rechner nicht.",
        "template": "Leere Vorlage herunterladen",
        "showing_example": "Gezeigt wird das Beispiel: das Partnernetz des stadtLABOR Soest "
        "(aus der Präsentation »Aktuelle Zukunftsprozesse in Soest«).",
        "showing_file": "Gezeigt wird: {name}",
        "showing_current": "Gezeigt wird die aktuelle Arbeitsmappe: {name}",
        # the banner on every page while an upload is shown but not taken over
        "not_taken_over": "Die hochgeladene Datei ist noch nicht übernommen: Nur Sie sehen sie, "
        "und nach dem Neuladen der Seite ist sie wieder weg. Alle anderen sehen weiter die "
        "aktuelle Arbeitsmappe.",
        "dropped_waiting": {
            "one": "Im Arbeitsordner liegt eine Datei, die noch nicht übernommen ist: {names}.",
            "other": "Im Arbeitsordner liegen {count} Dateien, die noch nicht übernommen "
            "sind: {names}.",
        },
        "to_workspace": "→ Unterschiede ansehen und übernehmen (Seite »Arbeitsstand«)",
        "unreadable": "Die Datei konnte nicht gelesen werden. {detail}",
        # the one error handler of the app (streamlit_app.py): no traceback, what to do
        "unexpected": "Da ist etwas schiefgegangen, das nicht hätte passieren dürfen. Bitte die "
        "Seite neu laden. Passiert es wieder, bitte die Arbeitsmappe und einen Satz dazu, was "
        "Sie gerade getan haben, an das Team senden.",
        "severity": {"error": "Fehler", "warning": "Hinweis"},
        "columns": {
            "severity": "Art",
            "sheet": "Blatt",
            "row": "Zeile",
            "column": "Spalte",
            "message": "Was ist zu tun?",
        },
        "page_network": "Netzwerk",
        "page_map": "Karte",
        "page_reach": "Reichweite",
        "page_analysis": "Analyse",
        "page_partner": "Partner",
        "page_data": "Daten",
        "page_presentation": "Präsentation",
        "page_workspace": "Arbeitsstand",
        "page_edit": "Bearbeiten",
        "app_title": "Partnernetz stadtLABOR",
        "languages": {"de": "Deutsch", "en": "English"},
        "template_file": "Partner-Vorlage.xlsx",
        "hub": "In der Mitte",
        "hub_help": "Wer in der Mitte des Netzes steht, mit jedem Partner verbunden. »Wie in der "
        "Datei«: die eigene Organisation aus dem Blatt »Einstellungen«, sonst das stadtLABOR "
        "Soest, wenn Partner Kategorien haben; ein Netz aus einem anderen Programm wird ohne "
        "Mitte gezeigt.",
        "hub_modes": {"file": "wie in der Datei", "none": "niemand", "name": "diese Organisation:"},
        "hub_name": "Name der Organisation in der Mitte",
        "hub_none": "Dieses Netz hat keine eigene Organisation in der Mitte: Es wird so gezeigt, "
        "wie es ist.",
        # problems whose general advice names a command: in the app, its own button instead
        "problem_advice": {
            "no_partner_sheet": "In der Arbeitsmappe fehlt das Blatt »Partner« mit einer Spalte "
            "»Name«: Ohne Partnerliste gibt es kein Netz. Am einfachsten links in der "
            "Seitenleiste »{button}« klicken, die Partner in die Vorlage eintragen und die "
            "Datei hier hochladen. Ein Netz aus einem anderen Programm geht auch: eine Tabelle "
            "mit den Spalten »Von« und »Nach« (oder »Source« und »Target«).",
        },
        # Streamlit's own words, replaced through CSS (it has no language setting)
        "upload_button": "Datei wählen",
        "upload_hint": "oder hierher ziehen · bis {size} MB · {types}",
        "select_all": "Alle auswählen",
        "no_results": "Keine Treffer",
        # a file the uploader refused: under its name, and on pointing at it
        "upload_refused": "Nicht geladen (Format oder Größe)",
        "upload_refused_why": "Diese Datei wird nicht geladen: Erlaubt sind {types} bis "
        "{size} MB.",
        # the button beside the running figure at the top right while the app computes
        "stop": "Abbrechen",
        "stopping": "Wird abgebrochen …",
        # the tooltips of the buttons above a table or chart, by Streamlit's own words
        "toolbar": {
            "Show/hide columns": "Spalten ein- oder ausblenden",
            "Download as CSV": "Als CSV-Datei herunterladen",
            "Search": "In der Tabelle suchen",
            "Fullscreen": "Vollbild",
            "Close fullscreen": "Vollbild schließen",
            "Show data": "Daten zeigen",
            "Download as PNG": "Als PNG-Bild herunterladen",
            "Add row": "Zeile hinzufügen",
            "Delete row(s)": "Markierte Zeilen löschen",
        },
        # a yes/no column in a table (e.g. whether a relation has a direction)
        "yes": "ja",
        "no": "nein",
        "more_errors": {
            "one": "Dazu kommt {count} weiterer Fehler: siehe Seite »Daten«, Reiter "
            "»Prüfbericht«.",
            "other": "Dazu kommen {count} weitere Fehler: siehe Seite »Daten«, Reiter "
            "»Prüfbericht«.",
        },
    },
    "app.bearbeiten": {
        "title": "Bearbeiten",
        "editing": "Bearbeitet wird die Arbeitsmappe des Arbeitsstands: {name}",
        "upload_pending": "Die hochgeladene Datei ist noch nicht übernommen. Bearbeitet wird "
        "die gespeicherte Arbeitsmappe; wer die hochgeladene bearbeiten will, übernimmt sie "
        "zuerst auf der Seite »Arbeitsstand«.",
        "personal": "Persönliche Angaben zeigen (Ansprechpersonen, E-Mail, Telefon)",
        "personal_help": "Sonst bleiben diese Spalten verborgen und unverändert.",
        "tabs": [
            "Partner",
            "Beziehungen",
            "Aktivitäten",
            "Programme",
            "Neuer Partner",
            "Umbenennen",
            "Zusammenführen",
        ],
        "table_help": "Auf eine Zelle doppelklicken, um sie zu ändern. Neue Zeile: unten auf "
        "»+«. Zeile löschen: links die Zeile markieren, dann oben rechts den Papierkorb. "
        "Geändert wird erst beim Speichern.",
        "no_sheet": "Die Arbeitsmappe hat kein Blatt »{sheet}« mit Überschriften.",
        "no_sheet_yet": "Die Arbeitsmappe hat noch kein Blatt »{sheet}«; was andere Seiten "
        "dazu zeigen, ist aus den anderen Blättern abgeleitet. Eine neue Zeile hier legt das "
        "Blatt an.",
        "no_sheet_new": "Die Arbeitsmappe hat noch kein Blatt »{sheet}«. Eine neue Zeile hier "
        "legt es an.",
        "row": "Zeile",
        "row_help": "Die Zeile in Excel. Neue Zeilen bekommen ihre Nummer beim Speichern.",
        "list_help": "Mehrere Einträge möglich; in der Datei durch Semikolon getrennt.",
        "choose": "Bitte wählen",
        "add": "Partner hinzufügen",
        "name_missing": "Bitte einen Namen eingeben.",
        "name_taken": "Einen Partner »{name}« gibt es schon.",
        "rename_intro": "Der neue Name wird überall eingetragen: in den Beziehungen und bei "
        "den Beteiligten der Aktivitäten und Programme.",
        "rename_old": "Partner",
        "rename_new": "Neuer Name",
        "rename": "Umbenennen",
        "rename_missing": "Bitte einen Partner wählen und den neuen Namen eingeben.",
        "merge_intro": "Zwei Einträge, die derselbe Partner sind, werden einer: Beziehungen, "
        "Aktivitäten und Programme des zweiten gehen auf den ersten über, die Zeile des "
        "zweiten wird gelöscht.",
        "merge_suggested": "Mögliche Doppelte (wie auf der Seite »Daten«)",
        "merge_none_suggested": "Keine möglichen Doppelten gefunden. Zwei Partner können auch "
        "von Hand gewählt werden.",
        "merge_keep": "Bleibt",
        "merge_drop": "Geht darin auf (wird gelöscht)",
        "merge_same": "Bitte zwei verschiedene Partner wählen.",
        "merge_choose": "Wo sich die beiden unterscheiden: welcher Wert soll bleiben?",
        "merge_taken": "{field}: »{value}« wird übernommen (der erste hat dort nichts).",
        "merge": "Zusammenführen",
        "unsaved": {
            "one": "Noch nicht gespeichert ({count} Schritt):",
            "other": "Noch nicht gespeichert ({count} Schritte):",
        },
        "nothing_changed": "Noch nichts geändert.",
        "becomes_xlsx": "»{old}« wird als »{new}« gespeichert (Excel-Format), damit nichts "
        "verloren geht.",
        "who": "Ihr Name (freiwillig, erscheint in der Liste der Versionen)",
        "who_help": "So sehen die Kolleginnen und Kollegen, wer die Änderung gemacht hat.",
        "save": "Speichern",
        "edits_kept": "Ihre Änderungen sind noch hier: Sie lassen sich speichern, sobald wieder "
        "Platz ist, oder gleich als Datei herunterladen.",
        "save_failed": "Der Ordner des Arbeitsstands ließ sich nicht beschreiben (keine "
        "Schreibrechte oder kein Platz mehr). Die gespeicherte Arbeitsmappe ist unverändert; "
        "Ihre Änderungen sind noch hier und lassen sich herunterladen.",
        "save_losing": "Ohne {losses} speichern",
        "discard": "Änderungen verwerfen",
        "download": "Bearbeitete Arbeitsmappe herunterladen",
        "saved": "Gespeichert: {name}. Die vorige Fassung ist als Version aufbewahrt.",
        "save_refused": "Die Arbeitsmappe »{name}« wurde geändert, seit sie hier geladen "
        "wurde (von einer Kollegin, einem Kollegen oder in Excel). Es wurde nichts gespeichert. "
        "»Meine Änderungen auf die neuere Fassung übertragen und speichern« erledigt das in "
        "einem Schritt. Wer erst nachsehen will: »Neu laden« zeigt die neuere Fassung, danach "
        "lassen sich Ihre Änderungen mit »Auf die neuere Fassung übertragen« hineinnehmen. Oder "
        "Sie speichern Ihre Fassung als Kopie.",
        "changed_elsewhere": "Die Arbeitsmappe »{name}« wurde inzwischen gespeichert (von einer "
        "Kollegin, einem Kollegen oder in Excel), während Sie hier Änderungen gemacht haben. "
        "»Speichern« würde sie überschreiben und geht darum nicht. »Meine Änderungen auf die "
        "neuere Fassung übertragen und speichern« erledigt das in einem Schritt. Wer erst "
        "nachsehen will: »Neu laden« zeigt die neuere Fassung, danach lassen sich Ihre "
        "Änderungen mit »Auf die neuere Fassung übertragen« hineinnehmen. Oder Sie speichern "
        "Ihre Fassung als Kopie.",
        "will_lose": "Beim Speichern gehen {losses} dieser Arbeitsmappe verloren: Dieses "
        "Programm kann sie nicht erhalten. Die jetzige Datei bleibt als Version erhalten (Seite "
        "»Arbeitsstand«). Wer sie behalten will, trägt die Änderung stattdessen in Excel ein.",
        "carry_save": "Meine Änderungen auf die neuere Fassung übertragen und speichern",
        "carry_save_help": "Nimmt die neueste gespeicherte Fassung, trägt Ihre Änderungen "
        "hinein und speichert, die Änderungen der anderen bleiben erhalten. Hat jemand dieselbe "
        "Zelle geändert, wird nichts gespeichert und die Stellen werden genannt.",
        "carried_saved": "Gespeichert: {name}. Ihre Änderungen sind in die neuere Fassung "
        "übertragen, die Änderungen der anderen sind erhalten. Die vorige Fassung ist als "
        "Version aufbewahrt.",
        "reload": "Neu laden",
        "reload_help": "Zeigt die neuere Fassung. Ihre Änderungen bleiben zum Herunterladen "
        "da und können dort nachgetragen werden.",
        "save_copy": "Als Kopie speichern",
        "save_copy_help": "Lädt Ihre bearbeitete Fassung als eigene Datei herunter.",
        "copy": "Kopie",
        "refused_kept": "Ihre nicht gespeicherten Änderungen (zum Nachtragen):",
        "download_copy": "Meine Fassung herunterladen",
        "refused_dismiss": "Erledigt, ausblenden",
        "carry": "Auf die neuere Fassung übertragen",
        "carry_help": "Trägt Ihre Änderungen in die neuere Fassung ein, wenn niemand dieselben "
        "Zellen oder Zeilen geändert hat. Gespeichert wird erst mit »Speichern«.",
        "carry_conflicts": "Nicht übertragen: Diese Stellen wurden inzwischen auch geändert "
        "({rows}). Bitte Ihre Änderungen dort von Hand nachtragen.",
        "conflict_cell": "{sheet}, Zeile {row}, Spalte »{header}«",
        "conflict_row": "{sheet}, Zeile {row}",
        "conflict_sheet": "Blatt »{sheet}«",
        "not_written": "Die Änderung konnte nicht in die Arbeitsmappe geschrieben werden. "
        "{detail}",
        "new_problems": {
            "one": "Nach Ihren Änderungen hat die Arbeitsmappe {count} neues Problem:",
            "other": "Nach Ihren Änderungen hat die Arbeitsmappe {count} neue Probleme:",
        },
    },
    # the page "Arbeitsstand": the current workbook, new files before they replace it, versions
    "app.arbeitsstand": {
        "title": "Arbeitsstand",
        "kb": "{size} KB",
        "mb": "{size} MB",
        "count_partners": {"one": "{count} Partner", "other": "{count} Partner"},
        "count_relations": {"one": "{count} Beziehung", "other": "{count} Beziehungen"},
        "count_activities": {"one": "{count} Aktivität", "other": "{count} Aktivitäten"},
        "count_programmes": {"one": "{count} Programm", "other": "{count} Programme"},
        "current": "Die aktuelle Arbeitsmappe",
        "current_file": "Datei »{name}«",
        "current_changed": "zuletzt gespeichert am {when}",
        "folder": "Arbeitsordner auf dem Server: {folder}",
        "download_current": "Aktuelle Arbeitsmappe herunterladen",
        "current_unreadable": "Die aktuelle Arbeitsmappe lässt sich nicht lesen: Darum kann "
        "nichts verglichen werden.",
        "who_from_login": "Bei der neuen Version steht: {name} (aus Ihrer Anmeldung).",
        "logins": {"oidc": "Dienstkonto", "password": "Passwort (Name eingetippt)"},
        "who": "Ihr Name (steht bei der neuen Version, freiwillig)",
        "who_help": "Damit Kolleginnen und Kollegen in der Liste der Versionen sehen, wer eine "
        "Datei übernommen oder eine Version wiederhergestellt hat.",
        "pending": "Neue Datei: erst ansehen, dann übernehmen",
        "pending_intro": "Die hochgeladene Datei »{name}« wird auf allen Seiten schon gezeigt, "
        "ist aber noch nicht übernommen. Das ändert sich gegenüber der aktuellen "
        "Arbeitsmappe:",
        "changed_fields": "Geänderte Angaben",
        "problems_of_new": {"one": "{count} Problem in der neuen Datei",
                            "other": "{count} Probleme in der neuen Datei"},
        "take": "Übernehmen",
        "discard": "Verwerfen",
        "taken": "»{name}« ist jetzt die aktuelle Arbeitsmappe. Die bisherige bleibt als "
        "Version erhalten.",
        "personal": "Persönliche Angaben zeigen (Ansprechpersonen, E-Mail, Telefon)",
        "write_failed": "Der Ordner des Arbeitsstands ließ sich nicht beschreiben (keine "
        "Schreibrechte oder kein Platz mehr). Die aktuelle Arbeitsmappe ist unverändert, "
        "es wurde nichts übernommen oder wiederhergestellt.",
        "discarded": "Die hochgeladene Datei wurde verworfen. Gezeigt wird wieder die aktuelle "
        "Arbeitsmappe.",
        "dropped": "In den Arbeitsordner gelegte Dateien",
        "dropped_intro": "Diese Dateien hat jemand direkt in den Arbeitsordner gelegt. "
        "»Übernehmen« macht eine davon zur aktuellen Arbeitsmappe; »Beiseitelegen« verschiebt "
        "sie in den Unterordner »beiseitegelegt«, gelöscht wird nichts.",
        "set_aside": "Beiseitelegen",
        "set_aside_help": "Die Datei wird nicht übernommen und nicht mehr angeboten; sie liegt "
        "danach im Unterordner »beiseitegelegt« des Arbeitsordners.",
        "set_aside_done": "»{name}« liegt jetzt im Unterordner »beiseitegelegt«.",
        "versions": "Versionen",
        "versions_intro": "Jede Arbeitsmappe, die einmal aktuell war, bleibt als Version "
        "erhalten, die neueste zuerst. Keine Version wird gelöscht.",
        "one_version": "Bisher gibt es nur diese eine Version: Vergleichen und Wiederherstellen "
        "geht ab der zweiten.",
        "is_current": "{label} (aktuell)",
        "columns": {
            "created": "Datum",
            "reason": "Wie entstanden",
            "who": "Wer",
            "login": "Angemeldet mit",
            "note": "Was",
            "name": "Datei",
            "size": "Größe",
            "partners": "Partner",
            "relations": "Beziehungen",
            "activities": "Aktivitäten",
            "programmes": "Programme",
        },
        "compare": "Zwei Versionen vergleichen",
        "older": "Ältere Version",
        "newer": "Neuere Version",
        "same_choice": "Bitte zwei verschiedene Versionen wählen.",
        "pictures": "Beide Netze nebeneinander zeigen",
        "pictures_note": "Jeder Partner steht in beiden Bildern an derselben Stelle: So ist zu "
        "sehen, wer dazugekommen und wer weggefallen ist.",
        "restore": "Eine Version wiederherstellen",
        "restore_which": "Welche Version?",
        "restore_button": "Wiederherstellen …",
        "restore_confirm": "Die Version »{when}« wird wieder die aktuelle Arbeitsmappe. Die "
        "jetzige bleibt als Version erhalten. Wirklich wiederherstellen?",
        "restore_yes": "Ja, wiederherstellen",
        "restore_no": "Abbrechen",
        "restored": "Die Version »{when}« ist wiederhergestellt und jetzt die aktuelle "
        "Arbeitsmappe.",
    },
    "app.daten": {
        "title": "Daten",
        "tabs": [
            "Partner",
            "Beziehungen",
            "Aktivitäten",
            "Programme",
            "Prüfbericht",
            "Mögliche Doppelte",
        ],
        "search": "Suchen (Name, Ort, Notiz …)",
        "category": "Kategorie",
        "area": "Bereich",
        "status": "Status",
        "shown": {"one": "{shown} von {count} Eintrag", "other": "{shown} von {count} Einträgen"},
        "report_intro": "Jedes Problem mit Blatt, Zeile (wie in Excel) und Spalte. Fehler: "
        "nicht wie gemeint gelesen. Hinweis: gelesen, aber bitte prüfen.",
        "no_problems": "Keine Probleme gefunden.",
        "duplicates_intro": "Partner, deren Namen sich nur in Rechtsform, Schreibweise oder "
        "einem Tippfehler unterscheiden. Ist es derselbe Partner, bitte die "
        "Zeilen in der Arbeitsmappe zusammenführen.",
        "reach_title": {"one": "Reichweite und Ort passen bei 1 Partner nicht zusammen",
                        "other": "Reichweite und Ort passen bei {count} Partnern nicht "
                        "zusammen"},
        "reach_intro": "Die Seite »Reichweite« folgt der Spalte »Reichweite«. Bitte prüfen, "
        "ob sie oder der Ort stimmt, und in der Arbeitsmappe berichtigen.",
        "reach_line": "{name} (Blatt Partner, Excel-Zeile {row}): Spalte Reichweite "
        "»{column}«, der Ort {place} liegt aber im Ring »{ring}«; gezeigt im Ring »{shown}«.",
        "no_duplicates": "Keine möglichen Doppelten gefunden.",
        "columns": {
            "name": "Name",
            "categories": "Kategorien",
            "type": "Typ",
            "place": "Ort",
            "reach": "Reichweite",
            "since": "Seit",
            "until": "Bis",
            "website": "Website",
            "note": "Notiz",
            "row": "Zeile",
            "source": "Von",
            "target": "Nach",
            "kind": "Art",
            "weight": "Gewicht",
            "strength": "Stärke",
            "directed": "gerichtet",
            "date": "Datum",
            "status": "Status",
            "area": "Bereich",
            "participants": "Beteiligte",
            "year": "Jahr",
            "contact_internal": "Ansprechperson intern",
            "contact_external": "Kontakt extern",
            "email": "E-Mail",
            "phone": "Telefon",
            "lat": "Breite",
            "lon": "Länge",
            "id": "Id",
        },
    },
    "app.export_formats": {
        "png": "Bild für den Druck (PNG, 300 dpi)",
        "svg": "Vektorgrafik (SVG)",
        "pdf": "PDF (Vektor)",
        "html": "Interaktive Seite (HTML)",
        "gexf": "Gephi (GEXF)",
        "graphml": "GraphML",
        "json": "JSON",
        "csv": "Tabellen (CSV, ZIP mit Knoten und Kanten)",
        "xlsx": "Excel-Bericht (XLSX)",
        "pptx": "PowerPoint für den Rat (PPTX)",
    },
    "app.exporting": {
        "section": "Exportieren",
        "intro": "Exportiert wird die Ansicht, wie sie oben zu sehen ist: mit den gewählten "
        "Filtern, Farben und Größen.",
        "format": "Format",
        "paper": "Papiergröße",
        "personal": "Persönliche Angaben einschließen (Export wird als »intern« markiert)",
        "problem_note": "Hinweis »{note}« auf den Export setzen",
        "problem_note_help": "Die Arbeitsmappe hat Fehler: Zeilen oder Werte konnten nicht "
        "übernommen werden (siehe Seite »Daten«, Prüfbericht). Der Hinweis steht klein in der "
        "Fußzeile, auf der Titel- und der Quellenfolie und in einer Ecke der Netzwerkbilder.",
        "personal_help": "Ansprechperson, Kontakt, E-Mail und Telefon. Ohne Haken bleiben sie "
        "draußen.",
        "build": "Export erstellen",
        "download": "Herunterladen: {name}",
        "ready": "Fertig: {name} ({size}).",
        "failed": "Der Export konnte nicht erstellt werden: {error}",
        "disk_full": "Der Speicherplatz auf dem Server ist voll: Der Export wurde nicht "
        "erstellt. Bitte die IT bitten, dort Platz zu schaffen, und es dann noch einmal "
        "versuchen.",
        "empty": "Die Ansicht ist leer: Es gibt nichts zu exportieren.",
        "file_stem": "Partnernetz",
        "kilobytes": "{size} KB",
        "megabytes": "{size} MB",
    },
    "app.network_component": {
        "legend": "Legende",
        "path": "Verbindungsweg",
        "loading": "Netzwerkbild wird geladen …",
        "empty": "Keine Knoten zum Zeigen.",
        "failed": "Das Netzwerkbild konnte nicht geladen werden.",
        "aria": "Netzwerkbild mit {nodes} und {edges}. Klicken wählt einen Knoten aus. "
        "Tastatur: Pfeiltasten verschieben, Plus und Minus zoomen.",
        "fit": "Alles zeigen",
        "fit_help": "Das ganze Netzwerk ins Bild holen",
        "zoom_hint": "Zum Zoomen Strg + Mausrad",
        "zoom_hint_mac": "Zum Zoomen ⌘ + Mausrad",
        "unlabelled": "Im Bild ohne Namen",
        "all_labelled": "Alle Namen stehen im Bild.",
        "side_more": {"one": "und {count} weiterer", "other": "und {count} weitere"},
        "aria_nodes": {"one": "{count} Knoten", "other": "{count} Knoten"},
        "aria_edges": {"one": "{count} Verbindung", "other": "{count} Verbindungen"},
    },
    # page "Karte" (app_pages/karte.py)
    "app.karte": {
        "title": "Karte",
        "intro": "Wo die Partner sind: jeder Partner an seinem Ort, in denselben Farben wie "
        "im Netzwerk.",
        "search": "Partner suchen",
        "search_placeholder": "Name eingeben …",
        "search_no_place": "»{name}« hat keinen Ort mit Koordinaten und steht darum nicht auf "
        "der Karte.",
        "shown": {"one": "{count} von {total} Partnern auf der Karte, an {places}.",
                  "other": "{count} von {total} Partnern auf der Karte, an {places}."},
        "places": {"one": "1 Ort", "other": "{count} Orten"},
        "size_count": "Größe: Zahl der Partner am Ort.",
        "size_measure": "Größe: {measure}, zusammengezählt für die Partner am Ort.",
        "caption": "Ein Punkt mit Zahl steht für mehrere Partner am selben Ort; seine Farben "
        "zeigen ihre Anteile. Linien: Zusammenarbeit zwischen Partnern an verschiedenen Orten "
        "(dicker = mehr Verbindungen). Zoomen mit Strg + Mausrad. Ein Klick auf einen Partner "
        "öffnet sein Profil, ein Klick auf einen Ort zeigt seine Partner.",
        "inner": {"one": "1 Verbindung zwischen Partnern am selben Ort ist nicht als Linie "
                  "zu sehen.",
                  "other": "{count} Verbindungen zwischen Partnern am selben Ort sind nicht "
                  "als Linie zu sehen."},
        "place_partners": {"one": "In {place}: 1 Partner. Ein Klick öffnet das Profil.",
                           "other": "In {place}: {count} Partner. Ein Klick öffnet ein "
                           "Profil."},
        "open_help": "Profil dieses Partners öffnen",
        "place_unknown": {"one": "Ort nicht gefunden: {names}. Dieser Partner fehlt auf der "
                          "Karte.",
                          "other": "Ort nicht gefunden: {names}. Diese {count} Partner fehlen "
                          "auf der Karte."},
        "place_unknown_help": "Diese Orte kennt das mitgelieferte Ortsverzeichnis nicht. Auf der "
        "Seite »Daten« im Reiter »Prüfbericht« steht je Ort ein Vorschlag. Den Ort in der "
        "Arbeitsmappe berichtigen oder in »Breite« und »Länge« die Koordinaten eintragen.",
        "ties_cut": "Gezeigt sind die {count} Linien zwischen Orten mit den meisten "
        "Verbindungen (von {total}).",
        "missing": {"one": "Ohne Ort: {names}. Dieser Partner fehlt auf der Karte.",
                    "other": "Ohne Ort: {names}. Diese {count} Partner fehlen auf der Karte."},
        "missing_help": "So kommen sie auf die Karte: In der Arbeitsmappe (Blatt Partnerliste) "
        "in der Spalte »Ort« den Ort eintragen oder in »Breite« und »Länge« die Koordinaten "
        "(z. B. 51,57 und 8,11), dann die Arbeitsmappe neu laden.",
        "none_placed": "Kein Partner hat einen Ort mit Koordinaten: Die Karte bleibt leer. "
        "Tragen Sie in der Arbeitsmappe Orte oder Breite und Länge ein.",
        "download_title": "Karte als Bild",
        "download_help": "Die Karte mit Titel, Legende und Quelle zum Drucken oder für "
        "Berichte (Querformat A4): PNG für Dokumente, PDF und SVG bleiben in jeder Größe "
        "scharf.",
        "download": "{format} herunterladen",
        "file_stem": "Partnernetz-Karte",
    },
    "app.netzwerk": {
        "title": "Partnernetz",
        "has_errors": {
            "one": "{count} Fehler in der Arbeitsmappe: Was davon betroffen ist, fehlt im Netz. "
            "Was zu tun ist, steht auf der Seite »Daten« im Reiter »Prüfbericht«.",
            "other": "{count} Fehler in der Arbeitsmappe: Was davon betroffen ist, fehlt im "
            "Netz. Was zu tun ist, steht auf der Seite »Daten« im Reiter »Prüfbericht«.",
        },
        "has_warnings": {
            "one": "{count} Hinweis zur Datenqualität – siehe Seite »Daten«, Reiter "
            "»Prüfbericht«.",
            "other": "{count} Hinweise zur Datenqualität – siehe Seite »Daten«, Reiter "
            "»Prüfbericht«.",
        },
        "partners": "Partner",
        "activities": "Aktivitäten",
        "programmes": "Programme",
        "ties": "Verbindungen zwischen Partnern",
        "ties_help": "Paare von Partnern, die über eine Beziehung, eine gemeinsame Aktivität "
        "oder ein gemeinsames Programm verbunden sind (ohne das stadtLABOR selbst).",
        "view": "Ansicht",
        "views": {
            "ego": "Mit uns in der Mitte",
            "partners": "Nur Partner untereinander",
            "bipartite": "Partner und Aktivitäten",
        },
        "view_help": "»Mit uns in der Mitte«: alle Partner um die eigene Organisation. »Nur "
        "Partner untereinander«: die eigene Organisation ausgeblendet. »Partner "
        "und Aktivitäten«: wer bei welcher Aktivität und welchem Programm dabei ist.",
        "color_by": "Farbe nach",
        "colors": {
            "category": "Kategorie",
            "type": "Typ",
            "reach": "Reichweite",
            "community": "Gruppe",
        },
        "size_by": "Größe nach",
        "filters": "Filter",
        "categories": "Kategorie",
        "types": "Typ",
        "reaches": "Reichweite",
        "year": "Stand: Jahr",
        "all_years": "alle Jahre",
        "year_help": "Nur Partner und Verbindungen, die in diesem Jahr bestanden. Partner ohne "
        "»Seit«-Jahr zählen immer.",
        "areas": "Aktivitäten: Bereich",
        "statuses": "Aktivitäten: Status",
        "activity_help": "Nur diese Aktivitäten zählen als Verbindung; die Partner bleiben.",
        "search": "Partner suchen",
        "search_placeholder": "Namen eintippen …",
        # the overview of a big network (network_app.network.overview)
        "big_note": {
            "one": "Das Netz hat {count} Partner.",
            "other": "Das Netz hat {count} Partner, zu viele, um jeden einzeln lesbar zu "
            "zeigen. Darum sehen Sie zuerst den Überblick: Jeder Kreis ist eine Gruppe von "
            "Partnern, je größer, desto mehr Mitglieder; je dicker eine Linie, desto mehr "
            "Verbindungen zwischen zwei Gruppen. Klicken Sie auf eine Gruppe, um ihre Partner "
            "zu sehen, oder suchen Sie einen Partner.",
        },
        "group_by": "Gruppen nach",
        "group_by_options": {
            "community": "Verbindungen",
            "category": "Kategorie",
        },
        "group_by_help": "»Verbindungen«: Partner, die untereinander eng verbunden sind, bilden "
        "eine Gruppe. »Kategorie«: die erste Kategorie jedes Partners.",
        "open_group": "Gruppe öffnen",
        "open_placeholder": "Gruppe wählen …",
        "back": "← Zurück zum Überblick",
        "overview_shown": {
            "one": "Überblick: {count} Gruppe mit {partners} Partnern, {ties} zwischen den "
            "Gruppen.",
            "other": "Überblick: {count} Gruppen mit {partners} Partnern, {ties} zwischen den "
            "Gruppen.",
        },
        "group_shown": "Gruppe »{name}«: {partners}, {ties}.",
        "group_cut": "Gezeigt sind die {count} Partner mit den meisten Verbindungen; alle "
        "finden Sie über die Suche.",
        "neighbourhood_shown": {
            "one": "»{name}« und {count} direkt verbundener Partner, {ties}.",
            "other": "»{name}« und {count} direkt verbundene Partner, {ties}.",
        },
        "overview_caption": "Ein Klick auf eine Gruppe öffnet sie; ein Klick auf einen Partner "
        "in einer Gruppe zeigt sein Profil.",
        "shown": {
            "one": "Gezeigt: {partners} von {count} Partner, {ties}.",
            "other": "Gezeigt: {partners} von {count} Partnern, {ties}.",
        },
        "ties_count": {"one": "{count} Verbindung", "other": "{count} Verbindungen"},
        # the activities view: its ties link partners to activities and programmes
        "activity_ties_count": {
            "one": "{count} Teilnahme an Aktivitäten und Programmen",
            "other": "{count} Teilnahmen an Aktivitäten und Programmen",
        },
        "without_partners": {
            "one": "{count} Aktivität oder Programm ohne eingetragene Partner ist nicht "
            "gezeigt.",
            "other": "{count} Aktivitäten und Programme ohne eingetragene Partner sind nicht "
            "gezeigt.",
        },
        "layout": "Anordnung",
        "layouts": {
            "ego": "Ring um uns",
            "force": "Kräfte",
        },
        "layout_help": "»Ring um uns«: die eigene Organisation in der Mitte, die Partner nach "
        "Kategorie im Kreis darum. »Kräfte«: Jede Verbindung zieht zwei Partner zueinander wie "
        "ein Gummiband, alle Partner stoßen sich ein wenig ab. So rücken eng verbundene "
        "Partner zusammen und Gruppen werden sichtbar. In beiden Anordnungen bleibt jeder "
        "Partner bei jedem Filter an seinem Platz.",
        "caption": "Klick auf einen Partner: sein Profil. Strg + Mausrad: zoomen.",
        "look": "Farbe und Größe",
        "filters_on": {"one": "Filter ({count} an)", "other": "Filter ({count} an)"},
        "hub_hidden": "Die eigene Organisation ist ausgeblendet.",
        "ties_help_plain": "Paare von Partnern, die über eine Beziehung, eine gemeinsame "
        "Aktivität oder ein gemeinsames Programm verbunden sind.",
        "view_help_plain": "»Nur Partner untereinander«: das Netz, wie es ist (ohne eigene "
        "Organisation in der Mitte). »Partner und Aktivitäten«: wer bei welcher Aktivität und "
        "welchem Programm dabei ist.",
        "size_none": "gleich groß",
    },
    "app.partner": {
        "title": "Partner",
        "pick": "Partner auswählen (Name eintippen zum Suchen)",
        "personal": "Persönliche Angaben zeigen (Ansprechperson, Kontakt, E-Mail, Telefon)",
        "personal_help": "Personenbezogene Daten: nur bei Bedarf einblenden, z. B. nicht am "
        "Beamer.",
        "categories": "Kategorien",
        "none": "keine",
        "details": "Angaben",
        "field": "Feld",
        "value": "Wert",
        "activities": "Aktivitäten",
        "activity": "Aktivität",
        "date": "Datum",
        "status": "Status",
        "area": "Bereich",
        "programmes": "Programme",
        "neighbours": "Direkt verbunden mit",
        "why": "Warum verbunden?",
        "partner": "Partner",
        "no_neighbours": "Keine Verbindung zu anderen Partnern – nur über {hub}.",
        "no_neighbours_plain": "Keine Verbindung zu anderen Partnern.",
        "ego": "Umfeld im Netz",
        "steps": "Schritte",
        "steps_help": "1 = direkte Partner, 2 = auch deren Partner, 3 = noch einen Schritt weiter.",
        "path_title": "Wie sind wir mit … verbunden?",
        "path_to": "Verbindung von {name} zu",
        "path_steps": "Weg {n}: {route}",
        "click_hint": "Ein Klick auf einen Partner im Bild öffnet sein Profil.",
        "full_texts": "Gekürzte Texte ganz lesen ({count})",
    },
    "app.praesentation": {
        "back": "◀ Zurück",
        "next": "Weiter ▶",
        "indicator": "Ansicht {n} von {total}",
        "keys_help": "Pfeiltasten ← → (oder Bild ↑ ↓) blättern.",
        "exit": "Präsentation beenden",
        "overview": "Unser Partnernetz",
        "overview_sub": {"one": "{count} Partner rund um {hub}",
                         "other": "{count} Partner rund um {hub}"},
        "overview_sub_plain": {"one": "{count} Partner und seine Verbindungen",
                               "other": "{count} Partner und ihre Verbindungen"},
        "category": "Kategorie {category}",
        "category_sub": {"one": "{partners} von {count} Partner",
                         "other": "{partners} von {count} Partnern"},
        "growth": "Wachstum",
        "growth_sub": "Partner pro Jahr und Kategorie",
        "map": "Karte",
        "map_sub": "Wo unsere Partner sind",
        "reach": "Reichweite",
        "reach_sub": "Wie weit unser Netz reicht: vom eigenen Ort bis international",
        "reach_without": {"one": "1 Partner ohne Reichweite und ohne Ort ist nicht im Bild.",
                          "other": "{count} Partner ohne Reichweite und ohne Ort sind nicht "
                          "im Bild."},
        "sources": "Quellen und Datenstand",
        "partners": "Partner",
        "ties": "Verbindungen zwischen Partnern",
        "activities": "Aktivitäten",
        "programmes": "Programme",
        "year": "Jahr",
        "count": "Partner",
        "category_axis": "Kategorie",
        "undated": {
            "one": "{count} Partner ohne »Seit«-Jahr zählt in jedem Jahr mit.",
            "other": "{count} Partner ohne »Seit«-Jahr zählen in jedem Jahr mit.",
        },
        "in_year": "Partner {year}",
        "no_coordinates": {
            "one": "{count} Partner ohne Koordinaten ist nicht eingezeichnet.",
            "other": "{count} Partner ohne Koordinaten sind nicht eingezeichnet.",
        },
        "map_unnamed": {
            "one": "Ein Ort ist in der Karte ohne Namen (kein Platz): {places}.",
            "other": "{count} Orte sind in der Karte ohne Namen (kein Platz): {places}.",
        },
        "places": "Orte",
        "near": "Partner in der Region",
        "map_all": "Alle Orte",
        "map_region": "Die Region vergrößert",
        "data_date": "Datenstand",
        "source": "Quelle",
        "workbook": "Arbeitsmappe",
        "example": "das mitgelieferte Beispiel",
        "privacy": "Persönliche Angaben (Ansprechpersonen, Kontakte, E-Mail, Telefon) werden "
        "in der Präsentation nicht gezeigt.",
        "counting": "Ein Partner in mehreren Kategorien zählt in jeder. »Verbindungen zwischen "
        "Partnern«: Paare von Partnern mit einer Beziehung, einer gemeinsamen "
        "Aktivität oder einem gemeinsamen Programm.",
        "not_available": "Keine Daten zum Zeigen.",
        "unreadable": "Die Arbeitsmappe konnte nicht gelesen werden. Bitte auf der Seite "
        "»Netzwerk« eine andere laden.",
    },
    "app.reichweite": {
        "title": "Reichweite",
        "intro": "Wie weit unser Netz reicht: In der Mitte {centre}, ringsum die Partner – "
        "innen {local}, dann {region} ({rule}), {state}, "
        "Deutschland und international. Jeder Punkt ist ein Partner, die Farbe seine "
        "Kategorie.",
        "centre": "der eigene Ort",
        "source_note": "Der Ring kommt aus der Spalte »Reichweite«; wo sie leer ist, aus dem "
        "Ort (Breite und Länge). »regional« in der Spalte heißt {region} oder {state}: Das "
        "entscheidet der Ort.",
        "categories": "Kategorien",
        "categories_help": "Nur Partner dieser Kategorien zeigen. Ein Partner in mehreren "
        "Kategorien steht bei der ersten gewählten.",
        "none_chosen": "Keine Kategorie gewählt: Wählen Sie oben mindestens eine.",
        "empty": "Kein Partner hat eine Reichweite oder einen Ort. Tragen Sie in der "
        "Arbeitsmappe die Spalte »Reichweite« oder »Ort« ein.",
        "unnamed": {"one": "1 Name hat im Bild keinen Platz; alle stehen in der Tabelle.",
                    "other": "{count} Namen haben im Bild keinen Platz; alle stehen in der "
                    "Tabelle."},
        "without": {"one": "Ohne Reichweite und ohne Ort (nicht im Bild): 1 Partner: {names}.",
                    "other": "Ohne Reichweite und ohne Ort (nicht im Bild): {count} Partner: "
                    "{names}."},
        "without_help": "Tragen Sie auf der Seite »Bearbeiten« oder in der Arbeitsmappe die "
        "Reichweite oder den Ort ein.",
        "table_title": "Partner je Ring",
        "table_help": "Ein Klick auf eine Zeile öffnet das Profil des Partners.",
        "disagreements": {"one": "Bei 1 Partner passen Reichweite und Ort nicht zusammen; "
                          "gezeigt ist die Angabe der Spalte »Reichweite« (siehe »Hinweis«).",
                          "other": "Bei {count} Partnern passen Reichweite und Ort nicht "
                          "zusammen; gezeigt ist die Angabe der Spalte »Reichweite« (siehe "
                          "»Hinweis«)."},
        "disagree": "laut Ort: {ring}",
        "columns": {"ring": "Ring", "name": "Partner", "category": "Kategorie", "place": "Ort",
                    "source": "Woher", "note": "Hinweis"},
        "sources": {"column": "Spalte Reichweite", "coordinates": "Ort (Koordinaten)"},
        "download_title": "Als Bild herunterladen",
        "download_help": "Eine Seite (A4 quer) mit allen Partnern, Datenstand und Quelle – "
        "dasselbe Bild wie im Foliensatz.",
        "download": "{format} herunterladen",
        "file_stem": "Reichweite",
    },
    "analysis.communities": {
        # a group whose members share no most common category or type
        "group": "Gruppe",
        "name": "{label} ({count})",
        # two groups that would share a name: each named also by its most central partner
        "name_around": "{label} um {centre} ({count})",
    },
    # shown only for a file whose relations have a direction (analysis.metrics.direction_note)
    "analysis.direction": {
        "note": (
            "Richtung",
            "Die Datei gibt Beziehungen eine Richtung (A → B). Alle Kennzahlen und Gruppen "
            "rechnen ohne Richtung: Eine Beziehung verbindet beide Partner gleich, egal wer auf "
            "wen zeigt.",
        ),
    },
    "analysis.metrics": {
        "degree": (
            "Verbindungen",
            "Mit wie vielen anderen Partnern der Partner direkt verbunden ist.",
        ),
        "weighted_degree": (
            "Verbindungsstärke",
            "Wie viel den Partner mit anderen verbindet: Stärke (oder Gewicht) der "
            "Beziehungen plus gemeinsame Aktivitäten und Programme.",
        ),
        "betweenness": (
            "Brückenfunktion",
            "Wie oft der Partner auf den kürzesten Wegen zwischen anderen "
            "Partnern liegt: hohe Werte verbinden Gruppen, die sonst "
            "getrennt wären.",
        ),
        "closeness": (
            "Nähe",
            "Wie schnell der Partner über wenige Zwischenschritte alle anderen "
            "erreicht: hohe Werte bedeuten kurze Wege ins ganze Netz.",
        ),
        "pagerank": (
            "Bedeutung",
            "Wie bedeutend der Partner ist: viele und starke Verbindungen zählen, "
            "besonders solche zu selbst bedeutenden Partnern.",
        ),
        "eigenvector": (
            "Einfluss",
            "Wie eng der Partner mit selbst gut vernetzten Partnern verbunden ist; "
            "außerhalb des größten Teils des Netzes fast 0.",
        ),
        "core": (
            "Kern",
            "Wie tief der Partner im dichten Kern sitzt: k heißt, er gehört zu einer "
            "Gruppe, in der jeder mit mindestens k anderen der Gruppe verbunden ist.",
        ),
        "reach2": (
            "In zwei Schritten erreichbar",
            "Wie viele Partner direkt oder über einen "
            "Zwischenpartner erreichbar sind (Partner von "
            "Partnern).",
        ),
        "clustering": (
            "Vernetztes Umfeld",
            "Welcher Anteil der Kontakte des Partners auch untereinander "
            "verbunden ist: 1 = alle kennen sich, 0 = keiner.",
        ),
        "constraint": (
            "Abhängigkeit",
            "Wie sehr die Kontakte des Partners an wenigen, untereinander "
            "verbundenen Partnern hängen: niedrig = viele unabhängige "
            "Kontakte, hoch = wenige, eng verflochtene.",
        ),
        "effective_size": (
            "Unabhängige Kontakte",
            "Zahl der Kontakte, abzüglich dessen, wie stark sie "
            "untereinander verbunden sind: wie viele eigenständige "
            "Zugänge der Partner hat.",
        ),
        "articulation": (
            "Schlüsselstelle",
            "Ja, wenn das Netz ohne diesen Partner in getrennte Teile zerfiele.",
        ),
        "community": (
            "Gruppe",
            "Teil des Netzes, dessen Partner untereinander deutlich enger verbunden "
            "sind als mit dem Rest.",
        ),
        "nodes": ("Partner", "Zahl der Partner im Partnernetz (ohne die eigene Organisation)."),
        "edges": (
            "Verbindungen zwischen Partnern",
            "Zahl der Paare von Partnern, die direkt miteinander verbunden sind.",
        ),
        "density": (
            "Dichte",
            "Anteil der möglichen Verbindungen, die es tatsächlich gibt: "
            "1 = jeder ist mit jedem verbunden.",
        ),
        "components": (
            "Getrennte Teile",
            "In wie viele Teile das Netz zerfällt, zwischen denen es keine "
            "Verbindung gibt; Partner ohne Verbindung zählen einzeln.",
        ),
        "largest_component": (
            "Größter Teil",
            "Wie viele Partner im größten Teil des Netzes liegen, in dem jeder "
            "jeden über Verbindungen erreicht.",
        ),
        "isolated": (
            "Ohne Verbindung",
            "Partner, die mit keinem anderen Partner direkt verbunden sind "
            "(nur mit der eigenen Organisation).",
        ),
        "diameter": (
            "Größter Abstand",
            "Die meisten Schritte, die zwei Partner im größten Teil des "
            "Netzes voneinander entfernt sind.",
        ),
        "average_path_length": (
            "Mittlerer Abstand",
            "Wie viele Schritte zwei Partner im größten Teil des Netzes "
            "im Mittel auseinanderliegen.",
        ),
        "modularity": (
            "Gruppenbildung",
            "Wie klar sich das Netz in Gruppen gliedert: ab etwa 0,3 "
            "deutliche Gruppen, nahe 0 kaum welche.",
        ),
    },
    "analysis.profile": {
        "reason_relation": "Beziehung ({details})",
        "reason_relation_kind": "Beziehung: {kind} ({details})",
        "strength": "Stärke {n}",
        "weight": "Gewicht {weight}",
        "since": "seit {year}",
        "until": "bis {year}",
        "span": "{since}–{until}",
        "reason_activity": "gemeinsame Aktivität: {name}",
        "reason_activity_dated": "gemeinsame Aktivität: {name} ({date})",
        "reason_programme": "gemeinsames Programm: {name}",
        "path_relation": "{a} und {b} haben eine Beziehung.",
        "path_relation_kinds": "{a} und {b} haben eine Beziehung: {kinds}.",
        "path_activity": "{a} und {b} waren beide bei {names} dabei.",
        "path_activity_also": "Außerdem waren beide bei {names} dabei.",
        "path_programme": "{a} und {b} sind beide im Programm {names}.",
        "path_programmes": "{a} und {b} sind beide in den Programmen {names}.",
        "path_programme_also": "Außerdem sind beide im Programm {names}.",
        "path_programmes_also": "Außerdem sind beide in den Programmen {names}.",
        "no_path": "{a} und {b} sind nur über {hub} verbunden.",
        # the own organisation is "das stadtLABOR …"
        "no_path_article": "{a} und {b} sind nur über das {hub} verbunden.",
        "no_path_none": "{a} und {b} sind nicht miteinander verbunden, auch nicht über andere "
        "Partner.",
        "quote": "»{name}«",
        "quote_year": "»{name}« ({year})",
    },
    "analysis.suggestions": {
        "partners": {"one": "Beide arbeiten mit {count} gemeinsamen Partner: {names}.",
                     "other": "Beide arbeiten mit {count} gemeinsamen Partnern: {names}."},
        "place": "Beide sind in {place}.",
        "place_type": "Beide sind in {place}, beide vom Typ »{type}«.",
    },
    "analysis.components": {
        # what "44 getrennte Teile" means (components_sentence): the sentences in this order
        "intro": "Das Netz zerfällt in {count} getrennte Teile:",
        "isolated_hub": {
            "one": "{count} der {total} Partner ist nur mit {hub} verbunden, mit keinem anderen "
            "Partner.",
            "other": "{count} der {total} Partner sind nur mit {hub} verbunden, mit keinem "
            "anderen Partner.",
        },
        "isolated": {
            "one": "{count} der {total} Partner hat keine Verbindung zu einem anderen Partner.",
            "other": "{count} der {total} Partner haben keine Verbindung zu einem anderen "
            "Partner.",
        },
        "rest": {
            "one": "Die übrigen {rest} Partner hängen alle zusammen.",
            "other": "Die übrigen {rest} Partner bilden {count} Gruppen ohne Verbindung "
            "zueinander; die größte hat {largest} Partner.",
        },
        "groups": "Die Teile haben keine Verbindung zueinander; der größte hat {largest} Partner.",
        "direct": "Im größten Teil ist jeder Partner mit jedem direkt verbunden (größter "
        "Abstand 1).",
        "mostly_hub": "Das heißt: Die meisten Partner sind über {hub} eingebunden, in der "
        "Arbeitsmappe aber nicht miteinander verbunden.",
    },
    "analysis.timeline": {
        # from one year to the next: "2023 kamen …"; else "Von 2019 bis 2023 kamen …"
        "period_next": "{end}",
        "period_span": "Von {start} bis {end}",
        "joined_none": "{period} kamen keine Partner hinzu.",
        "joined": {"one": "{period} kam {count} Partner hinzu: {names}.",
                   "other": "{period} kamen {count} Partner hinzu: {names}."},
        "ended_none": "Keine Partnerschaft endete.",
        "ended": {"one": "{count} Partnerschaft endete: {names}.",
                  "other": "{count} Partnerschaften endeten: {names}."},
        "ties": "Zwischen den Partnern {new}, {lost}.",
        "ties_new": {"one": "entstand {count} neue Verbindung",
                     "other": "entstanden {count} neue Verbindungen"},
        "ties_new_none": "entstanden keine neuen Verbindungen",
        "ties_lost": {"one": "{count} Verbindung fiel weg",
                      "other": "{count} Verbindungen fielen weg"},
        "ties_lost_none": "keine fiel weg",
        "stronger": {"one": "{count} Verbindung wurde enger: {names}.",
                     "other": "{count} Verbindungen wurden enger: {names}."},
        "tie_change": "{a} – {b} ({old} → {new})",
        # why a growth chart is left out (see growth_years), and the note under a drawn one
        "growth_no_start_years": "Keine Startjahre (Spalte »Seit«) in der Arbeitsmappe: Es "
        "steht nirgends, seit wann die Partner dabei sind. Darum fehlt das Wachstum "
        "über die Jahre.",
        "growth_after_last_year": "Alle Startjahre (Spalte »Seit«) liegen nach {year}, dem "
        "letzten Jahr, für das die Arbeitsmappe Daten hat (Datenstand): Ein Wachstum lässt "
        "sich noch nicht zeigen.",
        "growth_after_this_year": "Alle Startjahre (Spalte »Seit«) liegen nach {year}, dem "
        "laufenden Jahr (die Arbeitsmappe nennt keinen Datenstand): Ein Wachstum lässt sich "
        "noch nicht zeigen.",
        "growth_one_year": "Das früheste Startjahr (Spalte »Seit«) ist {year}, das letzte Jahr, "
        "für das die Arbeitsmappe Daten hat: Für ein Wachstum über mehrere Jahre fehlen frühere "
        "Jahre.",
        "growth_until": "Gezeigt bis zum Datenstand {year}.",
    },
    "analysis.whatif": {
        "nothing": "Es wird kein Partner herausgenommen; am Netz ändert sich nichts.",
        "no_lapse": "Keine Partnerschaft hängt allein an {person}.",
        "lapse": {"one": "{count} Partnerschaft hängt allein an {person}: {names}.",
                  "other": "{count} Partnerschaften hängen allein an {person}: {names}."},
        "split": "Ohne {names} zerfällt das Netz in {after} Teile statt {before}.",
        "split_singletons": "Ohne {names} zerfällt das Netz in {after} Teile statt {before} (ein "
        "Partner ohne Verbindung zu anderen Partnern zählt als eigener Teil).",
        "no_split": "Ohne {names} zerfällt das Netz nicht in mehr Teile als vorher.",
        "isolated": {
            "one": "{count} Partner verliert seine letzte Verbindung zu anderen Partnern: {names}.",
            "other": "{count} Partner verlieren ihre letzte Verbindung zu anderen Partnern: "
            "{names}.",
        },
        "split_off": {"one": "{count} Gruppe wird vom Hauptnetz abgeschnitten: {groups}.",
                      "other": "{count} Gruppen werden vom Hauptnetz abgeschnitten: {groups}."},
        "no_ties": "Keine Verbindung bricht ab.",
        "ties": {"one": "{count} Verbindung zwischen Partnern bricht ab.",
                 "other": "{count} Verbindungen zwischen Partnern brechen ab."},
        "reach": {
            "one": "Über höchstens zwei Schritte (Partner von Partnern) erreichen die übrigen "
            "Partner zusammen {count} Partner weniger.",
            "other": "Über höchstens zwei Schritte (Partner von Partnern) erreichen die übrigen "
            "Partner zusammen {count} Partner weniger.",
        },
    },
    "workspace.changes": {
        # what an edit changed (Changes.describe), a sentence each, kept with its version
        "renamed": "Partner »{old}« umbenannt in »{new}«.",
        "merged": "Partner »{drop}« mit »{keep}« zusammengeführt.",
        "partners_changed": {"one": "Partner »{name}« geändert ({fields}).",
                             "other": "{count} Partner geändert."},
        "partners_added": {"one": "Partner »{name}« hinzugefügt.",
                           "other": "{count} Partner hinzugefügt."},
        "partners_deleted": {"one": "Partner »{name}« gelöscht.",
                             "other": "{count} Partner gelöscht."},
        "relations_changed": {"one": "Beziehung »{name}« geändert ({fields}).",
                              "other": "{count} Beziehungen geändert."},
        "relations_added": {"one": "Beziehung »{name}« hinzugefügt.",
                            "other": "{count} Beziehungen hinzugefügt."},
        "relations_deleted": {"one": "Beziehung »{name}« gelöscht.",
                              "other": "{count} Beziehungen gelöscht."},
        "activities_changed": {"one": "Aktivität »{name}« geändert ({fields}).",
                               "other": "{count} Aktivitäten geändert."},
        "activities_added": {"one": "Aktivität »{name}« hinzugefügt.",
                             "other": "{count} Aktivitäten hinzugefügt."},
        "activities_deleted": {"one": "Aktivität »{name}« gelöscht.",
                               "other": "{count} Aktivitäten gelöscht."},
        "programmes_changed": {"one": "Programm »{name}« geändert ({fields}).",
                               "other": "{count} Programme geändert."},
        "programmes_added": {"one": "Programm »{name}« hinzugefügt.",
                             "other": "{count} Programme hinzugefügt."},
        "programmes_deleted": {"one": "Programm »{name}« gelöscht.",
                               "other": "{count} Programme gelöscht."},
    },
    "workspace.losses": {
        # what saving into a workbook would lose (saving.WouldLoseContent), listed by kind
        "chart": "Diagramme",
        "image": "Bilder",
        "shape": "Formen oder Textfelder",
        "pivot": "Pivot-Tabellen",
        "slicer": "Datenschnitte oder Zeitachsen",
        "threaded_comment": "Kommentare mit Antworten (Unterhaltungen)",
        "control": "Schaltflächen oder andere Steuerelemente",
        "macro": "Makros",
        "external_link": "Verknüpfungen zu anderen Dateien",
        "connection": "Datenverbindungen oder Abfragen",
        "sheet_kind": "Diagramm- oder Makroblätter",
        "extension": "Auswahllisten, bedingte Formatierungen oder Sparklines neuerer "
        "Excel-Versionen",
        "defined_name": "benannte Bereiche",
        "other": "weitere Inhalte ({parts})",
    },
    # what export --picture may draw (the keys of network_app.exports.PICTURES)
    "cli.pictures": {
        "network": "das Netz",
        "map": "die Partner auf der Karte",
        "reach": "die Partner auf Ringen um den eigenen Ort (Reichweite)",
    },
    "cli": {
        # what the commands and options are for (--help)
        "description": "stadtLABOR Partnernetz: Partner-Arbeitsmappen prüfen, auswerten und "
        "exportieren.",
        "check": "Arbeitsmappe lesen und prüfen; zeigt eine Übersicht und jedes Problem.",
        "analyze": "Kennzahlen je Partner und für das ganze Netz (ohne die eigene "
        "Organisation, mit der jeder Partner verbunden ist).",
        "export": "Das Netz als Datei speichern: Bild (png, svg, pdf), Webseite (html), Daten "
        "für andere Programme (gexf, graphml, json, csv), Excel-Bericht (xlsx) oder "
        "Präsentation (pptx). Personenbezogene Daten bleiben draußen, außer mit "
        "--include-personal.",
        "template": "Leere Vorlage (xlsx) mit Blättern, Spalten, Auswahllisten und Beispiel.",
        "password": "Passwort-Hash für die Anmeldung erzeugen: fragt das Passwort ab und gibt die Zeilen für .streamlit/secrets.toml aus (README, »Anmeldung / Login«).",
        "version": "Versionsnummer zeigen und beenden",
        "lang": "Sprache der Ausgabe: de (Deutsch) oder en (English)",
        "file": "die Arbeitsmappe (xlsx, xlsm, xls, ods) oder Texttabelle (csv, tsv, txt, "
        "edgelist); ohne Angabe die aktuelle Arbeitsmappe des Arbeitsordners",
        "workspace": "der Arbeitsordner mit der aktuellen Arbeitsmappe und ihren Versionen, "
        "gelesen, wenn keine DATEI angegeben ist (Standard: die Umgebungsvariable "
        "PARTNERNETZ_WORKSPACE, sonst der Ordner »workspace« im Projekt)",
        "json": "Ergebnis als JSON ausgeben",
        "max_size": "größte erlaubte Dateigröße in MB (Standard {default})",
        "top": "nur die N wichtigsten Partner (nach Brückenfunktion) zeigen",
        "resolution": "Feinheit der Gruppen: größer = mehr, kleinere Gruppen (Standard "
        "{default})",
        "format": "Format der Datei: {formats}",
        "export_out": "Zieldatei, z. B. partnernetz.pdf (csv schreibt zwei Dateien: "
        "…_knoten.csv und …_kanten.csv)",
        "include_personal": "auch personenbezogene Daten (Ansprechperson, Kontakt, E-Mail, "
        "Telefon) exportieren; die Datei ist dann als »intern« markiert",
        "no_problem_note": "ohne den Hinweis »Daten unvollständig: N Probleme«, den Bilder, "
        "Seiten und Foliensätze einer Arbeitsmappe mit Fehlern sonst tragen",
        "picture": "was das Bild (png, svg, pdf) zeigt: {kinds} (Standard {default}); "
        "nur mit --format {formats}",
        "picture_format": "--picture {picture} gibt es nur als Bild: Wählen Sie für --format "
        "eines von {formats} (nicht {format}).",
        "paper": "Papiergröße für png, svg und pdf, Querformat (Standard {default})",
        "title": "Titel über dem Bild (Standard: der Titel aus dem Blatt »Einstellungen«)",
        "out": "Zieldatei, z. B. partner_vorlage.xlsx",
        "own_organisation": "diese Organisation in die Mitte des Netzes stellen, verbunden mit "
        "jedem Partner (statt der aus dem Blatt »Einstellungen«)",
        "no_own_organisation": "keine eigene Organisation in der Mitte: das Netz so zeigen, wie "
        "es ist (Standard für Netze aus anderen Programmen: ohne Kategorien und ohne eigene "
        "Organisation in »Einstellungen«)",
        # placeholders for values in the usage line (upper case, as --help shows them)
        "metavar_command": "BEFEHL",
        "metavar_file": "DATEI",
        "metavar_folder": "ORDNER",
        "metavar_output": "AUSGABE",
        "metavar_template": "AUSGABE.xlsx",
        "metavar_title": "TITEL",
        "metavar_name": "NAME",
        "metavar_format": "FORMAT",
        "metavar_resolution": "FEINHEIT",
        # what a value must be, in "'x' ist keine Zahl" (cli.argparse.invalid_value)
        "type_number": "Zahl",
        "type_whole_number": "ganze Zahl",
        # check
        "summary": "{partners}, {relations}, {activities}, {programmes} · Netzwerk: {nodes}, "
        "{edges}",
        "count_partners": {"one": "{count} Partner", "other": "{count} Partner"},
        "count_relations": {"one": "{count} Beziehung", "other": "{count} Beziehungen"},
        "count_activities": {"one": "{count} Aktivität", "other": "{count} Aktivitäten"},
        "count_programmes": {"one": "{count} Programm", "other": "{count} Programme"},
        "count_nodes": {"one": "{count} Knoten", "other": "{count} Knoten"},
        "count_ties": {"one": "{count} Verbindung", "other": "{count} Verbindungen"},
        "per_category": "Partner je Kategorie: {counts}",
        "no_problems": "Keine Probleme gefunden.",
        "problems": "{errors}, {warnings}",
        "count_errors": {"one": "{count} Fehler", "other": "{count} Fehler"},
        "count_warnings": {"one": "{count} Hinweis", "other": "{count} Hinweise"},
        "error": "Fehler",
        "warning": "Hinweis",
        "at_sheet": "Blatt »{sheet}«",
        "at_row": "Zeile {row}",
        "at_column": "Spalte »{column}«",
        "at_column_letter": "Spalte »{column}« ({letter})",
        # analyze
        "network_head": "Das Partnernetz in Zahlen (ohne {hub}):",
        "network_head_plain": "Das Netzwerk in Zahlen:",
        "nodes": "Partner",
        "edges": "Verbindungen zwischen Partnern",
        "sampled": {
            "one": "Brückenfunktion geschätzt aus {count} zufällig gewählten Startpartner.",
            "other": "Brückenfunktion geschätzt aus {count} zufällig gewählten Startpartnern.",
        },
        "ranking_head": "Partner nach Brückenfunktion:",
        # when every brokerage value is 0 the list is ordered by ties, and says so
        "ranking_head_ties": "Partner nach Verbindungen:",
        "ranking_zero": "Kein Partner liegt zwischen anderen: Wo Partner miteinander verbunden "
        "sind, ist jeder direkt mit jedem verbunden, niemand muss vermitteln. Darum hat die "
        "Brückenfunktion bei allen den Wert 0, und die Liste ist nach Verbindungen geordnet.",
        "name": "Name",
        "groups_head": "Gruppen (Modularität {modularity}: {modularity_text})",
        "alone": "Ohne Verbindung zu anderen Partnern ({count}): {names}",
        # export and template
        "export_written": "Export geschrieben: {path}",
        "export_errors": {
            "one": "Achtung: Die Arbeitsmappe hat {count} Fehler; was davon betroffen ist, fehlt "
            "im Export. Alle Probleme zeigt: network-app check {file}",
            "other": "Achtung: Die Arbeitsmappe hat {count} Fehler; was davon betroffen ist, "
            "fehlt im Export. Alle Probleme zeigt: network-app check {file}",
        },
        "template_written": "Vorlage geschrieben: {path}",
        # without a file: the workspace's current workbook (on stderr)
        "from_workspace": "Aktuelle Arbeitsmappe aus dem Arbeitsordner »{folder}«: {name}",
        # when something goes wrong
        "disk_full": "Der Speicherplatz ist voll: »{path}« wurde nicht geschrieben; eine Datei, "
        "die dort schon lag, ist unverändert. Bitte auf dem Laufwerk Platz schaffen (nicht mehr "
        "gebrauchte Dateien löschen) oder mit -o einen Ordner auf einem anderen Laufwerk wählen "
        "und den Befehl noch einmal ausführen.",
        "cannot_write": "Die Datei »{path}« kann nicht geschrieben werden ({detail}). Bitte "
        "einen Ordner wählen, der existiert und beschreibbar ist.",
        "unexpected": "Unerwarteter Fehler: {detail}. Bitte die Datei und diese Meldung an "
        "das Team senden.",
        "workspace_unusable": "Der Arbeitsordner »{path}« kann nicht benutzt werden ({detail}). "
        "Bitte mit --workspace oder PARTNERNETZ_WORKSPACE einen Ordner wählen, der beschreibbar "
        "ist.",
    },
    # why a file cannot be written, by the operating system's error name (cli.cannot_write)
    "cli.os_errors": {
        "ENOENT": "Ordner nicht gefunden",
        "ENOTDIR": "ein Teil des Pfads ist kein Ordner",
        "EISDIR": "das ist ein Ordner",
        "EACCES": "keine Schreibberechtigung",
        "EPERM": "keine Schreibberechtigung",
        "EROFS": "der Speicherort ist schreibgeschützt",
        "ENOSPC": "kein Speicherplatz mehr frei",
        "EDQUOT": "das Speicherkontingent ist erschöpft",
        "ENAMETOOLONG": "der Dateiname ist zu lang",
        "other": "Systemfehler Nr. {errno}",
    },
    # argparse's own words (usage line, section titles, its error messages), %-style as
    # argparse fills them in; cli.py maps argparse's English originals to these keys
    "cli.argparse": {
        "usage": "Aufruf: ",
        "positionals": "Argumente",
        "options": "Optionen",
        "help": "diese Hilfe zeigen und beenden",
        "error": "%(prog)s: Fehler: %(message)s\n",
        "argument": "Argument %(argument_name)s: %(message)s",
        "required": "diese Angaben fehlen: %s",
        "unrecognized": "unbekannte Angaben: %s",
        "invalid_choice": "ungültige Wahl: %(value)r (möglich sind %(choices)s)",
        "invalid_value": "%(value)r ist keine %(type)s",
        "expected_one": "erwartet einen Wert",
        "expected_at_most_one": "erwartet höchstens einen Wert",
        "expected_at_least_one": "erwartet mindestens einen Wert",
        "ambiguous": "mehrdeutige Option: %(option)s könnte %(matches)s sein",
        "ignored_explicit": "der Wert %r wird ignoriert",
        "unknown_command": "unbekannter Befehl %(parser_name)r (möglich sind %(choices)s)",
        "not_allowed_with": "nicht zusammen mit %s möglich",
    },
    "drawing.rendering": {
        "ties": "Verbindungen",
        "categories": "Kategorie",
        "type": "Typ",
        "place": "Ort",
        "reach": "Reichweite",
        "since": "seit",
        "until": "bis",
        "activities": "gemeinsame Aktivitäten",
        "programmes": "gemeinsame Programme",
        "relation": "Beziehung",
        "legend": "Legende",
        "graph": "Netzwerkbild",
        "search": "Partner suchen",
        "not_found": "Kein Partner mit diesem Namen im Bild.",
        "found_many": "{count} Treffer, gezeigt: {name}",
        "fit": "Alles zeigen",
        "fit_help": "Das ganze Netzwerk ins Bild holen",
        "zoom_hint": "Zum Zoomen Strg + Mausrad",
        "zoom_hint_mac": "Zum Zoomen ⌘ + Mausrad",
    },
    "drawing.overview": {
        "overview": "Überblick: alle Gruppen",
        "group": "Gruppe",
        "back": "← Zurück zum Überblick",
        "overview_status": {
            "one": "Überblick: {count} Gruppe mit {partners} Partnern. Ein Klick auf eine "
            "Gruppe öffnet sie; die Suche öffnet die Gruppe eines Partners.",
            "other": "Überblick: {count} Gruppen mit {partners} Partnern. Ein Klick auf eine "
            "Gruppe öffnet sie; die Suche öffnet die Gruppe eines Partners.",
        },
        "group_status": "Gruppe »{name}« – Partner: {partners}, Verbindungen in der Gruppe: "
        "{ties}.",
    },
    "network.overview": {
        "small_groups": "weitere kleine Gruppen ({count})",
        "alone": "ohne Verbindung ({count})",
        "members": {"one": "{count} Partner", "other": "{count} Partner"},
        "ties": {
            "one": "{count} Verbindung zwischen den Gruppen",
            "other": "{count} Verbindungen zwischen den Gruppen",
        },
        "colour": "Farbe: die häufigste Kategorie der Gruppe",
    },
    "network.figures": {
        "no_category": "ohne Kategorie",
        "title_hub": "Partnernetz {org}",
        "title_file": "Netzwerk aus {file}",
        "title_plain": "Netzwerk",
    },
    "drawing.styling": {
        "hub": "eigene Organisation",
        "none_category": "ohne Kategorie",
        "none_type": "ohne Typ",
        "none_reach": "ohne Reichweite",
        "none_community": "ohne Gruppe",
        "other": "weitere",
        "group": "Gruppe {n}",
        "activity": "Aktivität",
        "programme": "Programm",
    },
    "drawing.reach": {
        "ring_count": {"one": "{ring}: 1 Partner", "other": "{ring}: {count} Partner"},
        "category_count": "{category} ({count})",
        "no_category": "ohne Kategorie",
        "region_rule": "bis {km} km entfernt oder im selben Kreis",
        "region_rule_named": "die Kreise von {region} und alles bis {km} km",
        "without": "ohne Angabe",
    },
    # the rings of the reach view, from the inside out (lokal: the home town's name if known)
    "drawing.reach.rings": {
        "lokal": "Lokal",
        "regional": "Region",
        "land": "Bundesland",
        "national": "Deutschland",
        "international": "International",
    },
    "drawing.places": {
        "label": {"one": "{place}", "other": "{place} ({count})"},
        "coordinates": "{lat}, {lon}",
        "north": "{degrees}° N",
        "south": "{degrees}° S",
        "east": "{degrees}° O",
        "west": "{degrees}° W",
    },
    # country outlines on the maps, by ISO 3166-1 alpha-3 code
    "drawing.places.countries": {
        "DEU": "Deutschland",
        "NLD": "Niederlande",
        "BEL": "Belgien",
        "LUX": "Luxemburg",
        "FRA": "Frankreich",
        "CHE": "Schweiz",
        "AUT": "Österreich",
        "CZE": "Tschechien",
        "POL": "Polen",
        "DNK": "Dänemark",
        "LIE": "Liechtenstein",
        "ITA": "Italien",
        "SVN": "Slowenien",
        "HUN": "Ungarn",
        "SVK": "Slowakei",
        "GBR": "Vereinigtes Königreich",
    },
    # the network on a map (drawing/netmap.py, the map exports)
    "drawing.netmap": {
        "place_tooltip": {"one": "{place}: 1 Partner\n{names}",
                          "other": "{place}: {count} Partner\n{names}"},
        "tie_tooltip": {"one": "1 Verbindung: {pairs}", "other": "{count} Verbindungen: {pairs}"},
        "view_region": "Region {place}",
        "view_places": "Alle Orte",
        "view_germany": "Deutschland",
        "legend_ties": "Zusammenarbeit",
    },
    "exports.common": {
        "intern": "intern",
        "date": "Datenstand",
        "source": "Quelle",
        "created": "erstellt",
        "personal": "enthält personenbezogene Daten",
        "public": "ohne personenbezogene Daten",
        "untitled": "Partnernetz",
        # on every export of a workbook with errors (can be switched off)
        "incomplete": {"one": "Daten unvollständig: 1 Problem",
                       "other": "Daten unvollständig: {count} Probleme"},
    },
    "exports.graphs": {"yes": "ja", "no": "nein"},
    "exports.pictures": {
        "hub_ties": "Verbindung zur eigenen Organisation",
        "partner_ties": "Zusammenarbeit zwischen Partnern",
        "partner_ties_widths": "Zusammenarbeit zwischen Partnern (dicker = enger)",
        "member_ties": "Partner nimmt an Aktivität oder Programm teil",
        "reading": "In der Mitte {hub}, ringsum die Partner nach Kategorie. "
        "Punktgröße: Zahl der Verbindungen zu anderen Partnern.",
        "reading_no_hub": "Die Partner nach Kategorie. Punktgröße: Zahl der Verbindungen zu "
        "anderen Partnern.",
        "reading_plain": "Die Partner und ihre Verbindungen. Punktgröße: Zahl der Verbindungen "
        "zu anderen Partnern.",
        "intern": "INTERN – enthält personenbezogene Daten",
        "empty": "Keine Partner im Bild.",
        "unlabelled": {"one": "1 Name fehlt im Bild, weil kein Platz war.",
                       "other": "{count} Namen fehlen im Bild, weil kein Platz war."},
    },
    "exports.maps": {
        "reading_none": "Kein Partner hat einen Ort, deshalb bleibt die Karte leer. Tragen Sie "
        "in der Arbeitsmappe bei den Partnern die Spalte »Ort« ein (oder »Breite« und "
        "»Länge«) und exportieren Sie die Karte neu.",
        "reading": {"one": "Wo die Partner sind: 1 Partner an {places}, Farbe nach Kategorie "
                    "wie im Netzbild. Linien: Zusammenarbeit zwischen Partnern an "
                    "verschiedenen Orten.",
                    "other": "Wo die Partner sind: {count} Partner an {places}, Farbe nach "
                    "Kategorie wie im Netzbild. Linien: Zusammenarbeit zwischen Partnern an "
                    "verschiedenen Orten."},
        "places": {"one": "1 Ort", "other": "{count} Orten"},
        "inner": {"one": "1 Verbindung zwischen Partnern am selben Ort ist nicht gezeichnet.",
                  "other": "{count} Verbindungen zwischen Partnern am selben Ort sind nicht "
                  "gezeichnet."},
        "missing": {"one": "Ohne Ort (nicht auf der Karte): 1 Partner: {names}. Tragen Sie "
                    "in der Arbeitsmappe Ort oder Breite und Länge ein.",
                    "other": "Ohne Ort (nicht auf der Karte): {count} Partner: {names}. "
                    "Tragen Sie in der Arbeitsmappe Ort oder Breite und Länge ein."},
        "ties": "Zusammenarbeit zwischen Orten (dicker = mehr Verbindungen)",
        "size": "Punktgröße: Zahl der Partner am Ort",
        "empty": "Kein Partner hat einen Ort mit Koordinaten.",
        "unnamed": {"one": "Ohne Namen auf der Karte (kein Platz): {places}.",
                    "other": "{count} Orte ohne Namen auf der Karte (kein Platz): {places}."},
    },
    "exports.reach": {
        "title": "{title}: Reichweite",
        "reading": "In der Mitte {centre}, ringsum die Partner. Die Ringe von innen nach außen: "
        "{local}, {region} ({rule}), {state}, Deutschland, "
        "international. Farbe: Kategorie. Der Ring kommt aus der Spalte Reichweite, sonst "
        "aus dem Ort.",
        "without": {"one": "Ohne Reichweite und ohne Ort (nicht im Bild): 1 Partner: {names}. "
                    "Tragen Sie in der Arbeitsmappe die Reichweite oder den Ort ein.",
                    "other": "Ohne Reichweite und ohne Ort (nicht im Bild): {count} Partner: "
                    "{names}. Tragen Sie in der Arbeitsmappe die Reichweite oder den Ort ein."},
        "empty": "Kein Partner hat eine Reichweite oder einen Ort.",
    },
    "exports.pptx": {
        "data_date": "Datenstand: {date}",
        "exported": "Export vom {date}",
        "figures": "Das Netzwerk in Zahlen",
        "tile_partners": "Partner",
        "tile_ties": "Verbindungen zwischen Partnern",
        "tile_activities": "Aktivitäten",
        "tile_programmes": "Programme",
        "per_category": "Partner je Kategorie",
        "several": "Wer in mehreren Kategorien ist, zählt in jeder.",
        "overview": "Das Partnernetz auf einen Blick",
        "overview_alt": {
            "one": "Netzwerkbild: {org} in der Mitte, 1 Partner nach Kategorien",
            "other": "Netzwerkbild: {org} in der Mitte, {count} Partner nach Kategorien",
        },
        "unlabelled": {
            "one": "1 Name passt hier nicht hin; alle Namen stehen auf den Kategorie-Folien.",
            "other": "{count} Namen passen hier nicht hin; alle Namen stehen auf den "
            "Kategorie-Folien.",
        },
        "unlabelled_workbook": {
            "one": "1 Name passt hier nicht hin; die Kategorie-Folien nennen die meisten "
            "Namen, alle stehen in der Arbeitsmappe.",
            "other": "{count} Namen passen hier nicht hin; die Kategorie-Folien nennen die "
            "meisten Namen, alle stehen in der Arbeitsmappe.",
        },
        "unlabelled_plain": {
            "one": "1 Name passt hier nicht hin.",
            "other": "{count} Namen passen hier nicht hin.",
        },
        "overview_alt_plain": {
            "one": "Netzwerkbild: 1 Partner und seine Verbindungen",
            "other": "Netzwerkbild: {count} Partner und ihre Verbindungen",
        },
        "category": {"one": "{category}: 1 Partner", "other": "{category}: {count} Partner"},
        "category_alt": "Netzwerkbild, hervorgehoben: Partner der Kategorie {category}",
        "more_next": "und {n} weitere auf der nächsten Folie",
        "more_workbook": "und {n} weitere: alle Namen stehen in der Arbeitsmappe",
        "category_cont": "{category} (Fortsetzung)",
        "growth": "Wachstum über die Jahre",
        "undated": {
            "one": "1 Partner ohne „Seit“-Jahr ist in jedem Jahr mitgezählt.",
            "other": "{count} Partner ohne „Seit“-Jahr sind in jedem Jahr mitgezählt.",
        },
        "no_growth": "Keine Partner mit Kategorie vorhanden.",
        "activities": "Aktivitäten nach Bereich und Status",
        "no_area": "ohne Bereich",
        "no_status": "ohne Status",
        "map": "Wo unsere Partner sind",
        "map_plain": "Wo die Partner sind",
        "map_alt": "Karte der Partnerorte",
        "map_count": {
            "one": "1 von {total} Partnern hat Koordinaten; Kreisgröße = Zahl der Partner am "
            "Ort.",
            "other": "{count} von {total} Partnern haben Koordinaten; Kreisgröße = Zahl der "
            "Partner am Ort.",
        },
        "map_region": "Rechts vergrößert: rund um {place} (gestrichelter Rahmen).",
        "map_region_alt": "Karte der Partnerorte rund um {place}",
        "map_unnamed": {
            "one": "1 Ort ohne Namen (kein Platz): {places}.",
            "other": "{count} Orte ohne Namen (kein Platz): {places}.",
        },
        "reach": "Wie weit unser Netz reicht",
        "reach_plain": "Wie weit das Netz reicht",
        "reach_alt": {"one": "Reichweite: 1 Partner auf Ringen von lokal bis international",
                      "other": "Reichweite: {count} Partner auf Ringen von lokal bis "
                      "international"},
        "reach_caption": "Der Ring kommt aus der Spalte Reichweite, sonst aus dem Ort; "
        "Farbe: Kategorie.",
        "reach_without": {"one": "Ohne Angabe (nicht im Bild): 1 Partner: {names}.",
                          "other": "Ohne Angabe (nicht im Bild): {count} Partner: {names}."},
        "reach_without_short": {"one": "1 Partner ohne Angabe ist nicht im Bild (Name in "
                                "den Notizen).",
                                "other": "{count} Partner ohne Angabe sind nicht im Bild "
                                "(Namen in den Notizen)."},
        "reach_unnamed": {"one": "Im Bild ohne Namen (kein Platz): 1 Partner: {names}.",
                          "other": "Im Bild ohne Namen (kein Platz): {count} Partner: "
                          "{names}."},
        "sources": "Quellen und Datenstand",
        "source": "Quelle",
        "file": "Datei",
        "data_date_label": "Datenstand",
        "exported_label": "Exportiert am",
        "unknown": "nicht angegeben",
        "public": "Personenbezogene Daten (Ansprechpersonen, Kontakte, E-Mail, Telefon) sind "
        "nicht enthalten.",
        "private": "Intern: Dieser Foliensatz enthält personenbezogene Daten (Ansprechpersonen, "
        "Kontakte, E-Mail, Telefon). Nicht weitergeben.",
        "intern": "intern",
        "contacts": "Ansprechpersonen",
        "contacts_cont": "Ansprechpersonen (Fortsetzung)",
        "contacts_more": "… und {n} weitere in der Arbeitsmappe",
        "partner": "Partner",
        "contact_internal": "Ansprechperson intern",
        "contact_partner": "Kontakt beim Partner",
        "date_format": "%d.%m.%Y",
    },
    "exports.report": {
        "yes": "ja",
        "no": "nein",
        "error": "Fehler",
        "warning": "Hinweis",
        "no_problems": "Keine Probleme gefunden.",
        "group_name": "Gruppenname",
        "total": "Partner insgesamt",
        "none": "ohne Kategorie",
        "several": "Ein Partner kann in mehreren Kategorien zählen.",
        "computed": "Kennzahlen und Gruppen sind ohne {hub} berechnet: Jeder Partner ist mit "
        "{hub} verbunden, das würde alle gleich aussehen lassen.",
        "sampled": "Brückenfunktion und Nähe geschätzt aus {k} zufällig gewählten Startpartnern.",
        "measure_clash": "{label} (Kennzahl)",
        "rank": "Rang",
        "rank_explained": "Platz nach Bedeutung: Der bedeutendste Partner hat Rang 1. Bei "
        "gleicher Bedeutung entscheidet die Verbindungsstärke; wer in beidem gleich ist, teilt "
        "sich den Platz. Das Blatt »Partner« ist nach dem Rang geordnet.",
        "partners_explained": "Blatt »Kategorien«: Zahl der Partner mit dieser Kategorie; ein "
        "Partner mit mehreren Kategorien zählt in jeder.",
        "share_explained": "Blatt »Kategorien«: Anteil dieser Partner an allen Partnern des "
        "Berichts; zusammen kann es mehr als 100 % sein, weil ein Partner mehrere Kategorien "
        "haben kann.",
        "weight_explained": "Blatt »Verbindungen«: wie viel zwei Partner verbindet, die "
        "Gewichte ihrer Beziehungen plus eine Einheit je gemeinsamer Aktivität und je "
        "gemeinsamem Programm. Die engsten Verbindungen stehen oben.",
        "overview": "Partner: {partners} · Verbindungen zwischen Partnern: {ties}",
        "overview_reading": "Das Blatt »Partner« ordnet die Partner nach Bedeutung (Rang 1 = am "
        "bedeutendsten); jede Kennzahl ist im Blatt »Erklärungen« in einem Satz erklärt.",
        "printed": "Gedruckt werden im Blatt »Partner« Rang, Name, Kategorie, Kennzahlen und "
        "Gruppe; die übrigen Spalten (Ort, Website …) stehen in der Datei.",
    },
    # column headers of the report's sheets Kategorien, Datenqualität, Erklärungen, Info
    "exports.report.columns": {
        "category": "Kategorie",
        "colour": "Farbe",
        "partners": "Partner",
        "share": "Anteil",
        "kind": "Art",
        "sheet": "Blatt",
        "row": "Zeile",
        "column": "Spalte",
        "value": "Wert",
        "message": "Meldung",
        "measure": "Kennzahl",
        "explanation": "Erklärung",
        "item": "Angabe",
    },
    # the rows of the report's sheet Info
    "exports.report.info": {
        "title": "Titel",
        "data_date": "Datenstand",
        "source": "Quelle",
        "file": "Datei",
        "created": "erstellt",
        "confidentiality": "Vertraulichkeit",
        "hub": "eigene Organisation",
        "partners": "Partner",
        "computed": "Berechnung",
        "sampled": "Schätzung",
        "printing": "Ausdruck",
    },
    "exports.tables.kinds": {
        "hub": "eigene Organisation",
        "partner": "Partner",
        "activity": "Aktivität",
        "programme": "Programm",
        "category": "Kategorie",
    },
    # one relation in the export tables: "Projekt (Stärke 3, seit 2020)"
    "exports.tables.relation": {
        "strength": "Stärke {strength}",
        "weight": "Gewicht {weight}",
        "span": "{since}–{until}",
        "since": "seit {since}",
        "until": "bis {until}",
    },
    # what a problem sentence names by a code (``what="activity"``)
    "problems.things": {"activity": "die Aktivität", "programme": "das Programm"},
    # which table a sheet holds, as a problem sentence names it (``table="partners"``)
    "problems.tables": {
        "partners": "Partnern",
        "relations": "Beziehungen",
        "activities": "Aktivitäten",
        "programmes": "Programmen",
        "settings": "Einstellungen",
    },
    # what a file really is when its name promises a workbook (``found="pdf"``)
    "problems.found": {
        "pdf": "ein PDF-Dokument",
        "picture": "ein Bild",
        "rar": "ein RAR-Archiv",
        "7z": "ein 7-Zip-Archiv",
        "gzip": "ein gzip-Archiv",
        "rtf": "ein RTF-Textdokument",
        "xlsb": "eine Excel-Binärarbeitsmappe (.xlsb)",
        "word": "ein Word-Dokument",
        "powerpoint": "eine PowerPoint-Präsentation",
        "visio": "eine Visio-Zeichnung",
        "odt": "ein Textdokument (OpenDocument)",
        "odp": "eine Präsentation (OpenDocument)",
        "odg": "eine Zeichnung (OpenDocument)",
        "ots": "eine Tabellenvorlage (.ots)",
        "opendocument": "ein OpenDocument-Dokument, aber keine Tabelle",
        "office": "ein anderes Office-Dokument",
        "zip": "ein ZIP-Archiv",
        "ole": "ein Dokument eines anderen Programms",
        "binary": "eine Binärdatei (kein Text)",
        "html": "eine Webseite (HTML)",
        "xml_2003": "eine XML-Tabelle (Excel 2003)",
        "xml": "eine XML-Datei",
        "text": "eine Textdatei",
        "unknown": "eine Datei in einem unbekannten Format",
    },
    # why a file could not be read (``detail="no_permission"``); other details are the reader's
    "problems.details": {
        "no_permission": "keine Leseberechtigung",
        "read_error": "Lesefehler",
        "read_error_number": "Lesefehler Nr. {errno}",
        "out_of_memory": "zu wenig Arbeitsspeicher",
        "unexpected": "unerwarteter Fehler bei der Prüfung",
        "zip_variant": "nicht unterstützte ZIP-Variante",
        "compression": "ungewöhnliches Kompressionsverfahren",
        "text_table": "eine Zeile der Texttabelle ist nicht lesbar",
        "damaged_content": "der Inhalt ist beschädigt oder anders aufgebaut als in diesem "
        "Dateiformat üblich",
    },
    # a file name without an extension (``extension=""``)
    "problems.extensions": {"": "ohne Dateiendung"},
    "problems": {
        "names_no_partner_sheet": "Diese Datei hat kein Blatt »Partner«: Die Partner werden aus "
        "den Beziehungen abgelesen. Umbenennen und Zusammenführen gehen darum hier nicht; bitte "
        "die Namen in den Beziehungen ändern oder in Excel ein Blatt »Partner« anlegen.",
        "names_not_editable": "Das Blatt »{sheet}« ist eine Tabelle ohne Spaltenüberschriften "
        "(etwa eine Matrix, in der jede Zeile und Spalte ein Partner ist). Darin kann dieses "
        "Programm einen Namen nicht sicher ändern, darum gehen Umbenennen und Zusammenführen "
        "hier nicht. Bitte die Namen in Excel ändern.",
        "save_sheet_gone": "Das Blatt »{sheet}« gibt es in der Arbeitsmappe nicht mehr, darum "
        "wurde nichts gespeichert. Bitte die Seite neu laden und die Änderung erneut eintragen.",
        "save_would_lose": "Diese Arbeitsmappe enthält {losses}. Dieses Programm kann sie "
        "beim Speichern nicht erhalten, darum wurde nichts in die Datei geschrieben. Sie "
        "können die bearbeitete Arbeitsmappe als neue Datei speichern (ohne {losses}; die "
        "bisherige Datei bleibt als Version erhalten) oder die Änderung in Excel eintragen.",
        "file_not_found": "Die Datei »{path}« wurde nicht gefunden. Bitte Pfad und Dateinamen prüfen.",
        "not_a_file": "»{path}« ist keine Datei (vielleicht ein Ordner). Bitte eine Arbeitsmappe wählen.",
        "empty_file": "Die Datei »{path}« ist leer (0 Byte). Bitte die Datei erneut speichern.",
        "too_large": "Die Datei ist {size_mb} MB groß; erlaubt sind höchstens {limit_mb} MB. "
        "Bitte nicht benötigte Blätter oder Bilder entfernen.",
        "unsupported_format": "Das Dateiformat »{extension}« wird nicht unterstützt. Bitte als Excel-Arbeitsmappe "
        "(.xlsx), OpenDocument (.ods) oder CSV speichern.",
        "wrong_content": "Die Datei endet auf ».{extension}«, ist aber {found}. Bitte die Datei in Excel oder "
        "LibreOffice öffnen und als .xlsx speichern.",
        "encrypted": "Die Arbeitsmappe ist passwortgeschützt – bitte ohne Kennwort speichern "
        "(Excel: Datei › Informationen › Arbeitsmappe schützen › Kennwort entfernen).",
        "zip_bomb": "Die Datei würde entpackt {unpacked_mb} MB belegen (Verhältnis {ratio}:1) und wird "
        "aus Sicherheitsgründen nicht geöffnet. Bitte die Daten in eine neue Arbeitsmappe "
        "kopieren und diese hochladen.",
        "too_many_members": "Die Datei besteht aus mehr als {limit} Teilen – so viele hat keine Arbeitsmappe. "
        "Sie wird aus Sicherheitsgründen nicht geöffnet. Bitte die Daten in eine neue "
        "Arbeitsmappe kopieren.",
        "corrupt_archive": "Die Datei ist beschädigt oder unvollständig (z. B. abgebrochener Download). "
        "Bitte die Datei erneut speichern oder herunterladen.",
        "unsafe_xml": "Die Datei enthält XML-Konstrukte, die ein Sicherheitsrisiko sind (z. B. "
        "Entity-Definitionen), und wird nicht geöffnet. Bitte die Daten in eine neue "
        "Arbeitsmappe kopieren.",
        "unreadable": "Die Datei konnte nicht gelesen werden ({detail}). Bitte in Excel oder LibreOffice "
        "öffnen und als .xlsx speichern.",
        "csv_encoding": "Die CSV-Datei hat eine unbekannte Zeichenkodierung. Bitte als »CSV UTF-8« "
        "speichern.",
        # the workspace (network_app.workspace.store, errors.WorkspaceError)
        "changed_on_disk": "Die Arbeitsmappe »{name}« wurde geändert, seit sie hier geladen wurde "
        "(von einer Kollegin, einem Kollegen oder in Excel). Es wurde nichts gespeichert. Bitte "
        "neu laden und die eigenen Änderungen erneut eintragen oder die eigene Fassung als Kopie "
        "speichern.",
        "no_current_workbook": "Im Arbeitsordner »{path}« liegt noch keine aktuelle Arbeitsmappe. "
        "Beim nächsten Start der App wird das Beispiel hineinkopiert; oder eine Arbeitsmappe "
        "hochladen.",
        "version_not_found": "Die Version »{version}« gibt es im Arbeitsordner nicht. Bitte die "
        "Liste der Versionen neu laden.",
        "not_dropped": "Die Datei »{name}« liegt nicht (mehr) im Arbeitsordner. Bitte die Seite neu "
        "laden.",
        "workspace_file_name": "Der Dateiname »{name}« kann im Arbeitsordner nicht verwendet "
        "werden (er ist leer oder beginnt mit einem Punkt oder »~$« wie eine versteckte oder "
        "eine Sperrdatei von Excel). Bitte die Datei umbenennen und erneut hochladen.",
        "workspace_busy": "Der Arbeitsordner ist gerade belegt, weil eine andere Sitzung speichert. "
        "Bitte in einigen Sekunden noch einmal versuchen.",
        "disk_full": "Der Speicherplatz ist voll: Es wurde nichts gespeichert. Die aktuelle "
        "Arbeitsmappe und alle Versionen sind unverändert. Bitte auf dem Laufwerk des "
        "Arbeitsordners Platz schaffen (nicht mehr gebrauchte Dateien löschen oder die IT "
        "fragen) und dann noch einmal versuchen.",
        "too_many_cells": "Das Blatt »{sheet}« hat mehr als {limit} gefüllte Zeilen. Bitte nur die "
        "Partnerdaten in die Arbeitsmappe aufnehmen.",
        "too_large_area": "Im Blatt »{sheet}« reichen gefüllte Zellen bis {last_cell}; das sind mehr als "
        "{limit_millions} Millionen Zellen und zu viel zum Einlesen. Bitte nur die "
        "Partnerdaten in der Arbeitsmappe behalten und weit entfernte Zellen löschen.",
        "too_many_columns": "Das Blatt »{sheet}« hat {width} Spalten; gelesen werden höchstens "
        "{limit}. Bitte nur die Spalten mit Partnerdaten behalten und leere oder weit "
        "entfernte Spalten löschen.",
        "too_costly": "Die Datei ist zu groß oder zu aufwendig zum Lesen: Sie braucht mehr als "
        "{seconds} Sekunden oder mehr als {memory_mb} MB Arbeitsspeicher und wurde abgebrochen. "
        "Bitte nur die Blätter mit Partnerdaten behalten, leere Bereiche, Bilder und weit "
        "entfernte Zellen löschen und die Datei neu als .xlsx speichern (oder die Tabelle als "
        "CSV).",
        "busy": "Gerade lesen schon mehrere Dateien; diese wurde deshalb noch nicht gelesen. "
        "Bitte gleich noch einmal versuchen.",
        "no_partner_sheet": "Kein Blatt mit Partnern gefunden. Bitte ein Blatt »Partner« mit einer Spalte "
        "»Name« anlegen (Vorlage: network-app template) oder eine Tabelle mit Beziehungen in "
        "den Spalten »Von« und »Nach« (auch »Source« und »Target«).",
        "no_header": "Im Blatt »{sheet}« wurde keine Kopfzeile mit der Spalte »{expected}« gefunden. "
        "Bitte die Spaltenüberschrift »{expected}« eintragen.",
        "no_partners": "Das Blatt »{sheet}« enthält keine Partner. Bitte unter der Kopfzeile Partner "
        "eintragen.",
        "hidden_sheet": "Das Blatt »{sheet}« ist ausgeblendet und wurde nicht gelesen. Zum Einlesen bitte "
        "einblenden.",
        "hidden_sheet_other": "Das Blatt »{sheet}« ist ausgeblendet und enthält keine Tabelle, die hier "
        "gelesen wird (z. B. ein Hilfsblatt eines anderen Programms). Es wurde nicht gelesen "
        "und muss nicht eingeblendet werden.",
        "sheet_empty": "Das Blatt »{sheet}« enthält keine Daten (höchstens Überschriften) und wurde "
        "übergangen.",
        "sheet_unknown": "Das Blatt »{sheet}« wurde nicht gelesen: Seine Spalten ({columns}) passen zu "
        "keiner bekannten Tabelle. Für Partner braucht es eine Spalte »Name«, für "
        "Beziehungen die Spalten »Von« und »Nach«.",
        "sheet_second_table": "Das Blatt »{sheet}« enthält wie »{first}« eine Tabelle mit {table} und "
        "wurde nicht gelesen; gelesen wird nur »{first}«. Werden beide gebraucht, bitte die "
        "Zeilen in »{first}« übernehmen.",
        "sheet_not_chosen": "Das Blatt »{sheet}« sieht aus wie eine Partnerliste, wurde aber nicht "
        "gelesen: Die Partner werden im Blatt »{partner_sheet}« erwartet. Bitte dort die "
        "Kopfzeile ergänzen oder das Blatt »{partner_sheet}« umbenennen.",
        "column_choice": "Im Blatt »{sheet}« können mehrere Spalten dasselbe bedeuten; gelesen wird jeweils "
        "die gefüllte, genauere. Gelesen: {used}. Als zusätzliche Spalte erhalten: {kept}. Ist "
        "eine andere gemeint, bitte die nicht gemeinte Spalte umbenennen.",
        "nodes_from_relations": "Es gibt keine Tabelle mit Partnern: Die Partner ({count}) wurden aus den "
        "Beziehungen im Blatt »{sheet}« gebildet, in der Reihenfolge ihres ersten Auftretens. "
        "Für Angaben wie Ort oder Typ bitte ein Blatt »Partner« mit einer Spalte »Name« "
        "anlegen.",
        "headerless_edges": "Die Tabelle »{sheet}« hat keine Kopfzeile. Jede Zeile wurde als Beziehung ohne "
        "Richtung gelesen: Spalte 1 als »Von«, Spalte 2 als »Nach«. Ist etwas anderes gemeint, "
        "bitte eine Kopfzeile ergänzen, z. B. »Von« und »Nach«.",
        "headerless_edges_extra": "Die Tabelle »{sheet}« hat keine Kopfzeile. Jede Zeile wurde als Beziehung "
        "ohne Richtung gelesen: Spalte 1 als »Von«, Spalte 2 als »Nach«. Die übrigen Spalten "
        "sind als zusätzliche Spalten unter ihrer Nummer erhalten ({kept}), nicht als Gewicht: "
        "Was sie enthalten, sagt die Datei nicht. Ist eine davon das Gewicht, bitte eine "
        "Kopfzeile ergänzen, z. B. »Von«, »Nach«, »Gewicht«.",
        "matrix_directed": "Die Tabelle »{sheet}« ist eine Adjazenzmatrix: Die erste Zeile und die erste "
        "Spalte nennen dieselben Partner, und jede Zelle außer 0 wurde als Beziehung gelesen, "
        "mit dem Wert der Zelle als Gewicht. Die Matrix ist nicht symmetrisch, deshalb hat jede "
        "Beziehung eine Richtung: vom Partner der Zeile zum Partner der Spalte. Nichts zu tun, "
        "wenn das so gemeint ist.",
        "matrix_undirected": "Die Tabelle »{sheet}« ist eine Adjazenzmatrix: Die erste Zeile und die erste "
        "Spalte nennen dieselben Partner, und jede Zelle außer 0 wurde als Beziehung gelesen, "
        "mit dem Wert der Zelle als Gewicht. Die Matrix ist symmetrisch, deshalb wurde jedes "
        "Paar einmal gelesen, ohne Richtung. Nichts zu tun, wenn das so gemeint ist.",
        "duplicate_column": "Die Spalte »{column}« bedeutet dasselbe wie »{first}« (Spalte {first_letter}); "
        "gelesen wird nur »{first}«. Bitte eine der beiden Spalten umbenennen.",
        "missing_name": "Zeile {row} hat keinen Namen. Bitte einen Namen eintragen oder die Zeile löschen.",
        "missing_category": "»{name}« hat keine Kategorie. Bitte Austausch, Kooperation, Netzwerk oder "
        "Forschung eintragen.",
        "unknown_category": "Unbekannte Kategorie »{value}«{did_you_mean}. Erlaubt sind Austausch, "
        "Kooperation, Netzwerk und Forschung.",
        "duplicate_name": "»{value}« steht schon in Zeile {first_row}. Bitte die beiden Zeilen "
        "zusammenführen; gelesen wird nur die erste.",
        "similar_name": "»{value}« ähnelt »{other}« (Zeile {other_row}). Ist das derselbe Partner? Dann "
        "bitte einheitlich schreiben.",
        "unknown_partner": "»{value}« steht nicht im Blatt »{partner_sheet}«{did_you_mean}. Bitte den "
        "Namen genau wie dort schreiben oder den Partner ergänzen.",
        "place_not_found": "Den Ort »{value}« kennt das Ortsverzeichnis nicht{did_you_mean}, "
        "darum fehlt der Partner auf der Karte. Bitte den Ort berichtigen oder Breite und Länge "
        "eintragen (auf der Seite »Bearbeiten« oder in der Arbeitsmappe).",
        "place_part": "Den Ort »{value}« kennt das Ortsverzeichnis nicht, nur seinen Anfang: Der "
        "Partner steht auf der Karte in {place}. Nichts zu tun, wenn das passt; sonst bitte "
        "Breite und Länge eintragen.",
        "place_ambiguous": "»{value}« gibt es mehrmals. Der Partner steht auf der Karte in "
        "{place}; gemeint sein könnte auch {other}. Ist ein anderer Ort gemeint, bitte ihn "
        "genauer schreiben (z. B. mit Land oder Kreis in Klammern) oder Breite und Länge "
        "eintragen.",
        "self_relation": "»{value}« ist mit sich selbst verbunden. Bitte bei »Von« und »Nach« zwei "
        "verschiedene Partner eintragen.",
        "self_loops_kept": "Im Blatt »{sheet}« ist ein Partner mit sich selbst verbunden (z. B. »{value}«). "
        "In Netzwerken anderer Programme ist das üblich (etwa eine Antwort auf den eigenen "
        "Beitrag): Die Beziehung bleibt erhalten, auch in den Exporten. Die Kennzahlen und "
        "Gruppen lassen sie aus, denn sie verbindet niemanden. Nichts zu tun, wenn das so "
        "gemeint ist.",
        "hub_in_relation": "»{value}« ist die eigene Organisation: Mit ihr ist jeder Partner schon über seine "
        "Kategorie verbunden. Die Zeile wird übergangen; bitte löschen oder zwei Partner "
        "eintragen.",
        "missing_endpoint": "In Zeile {row} fehlt »{expected}«. Bitte beide Partner der Beziehung eintragen.",
        "duplicate_relation": "Die Beziehung »{value}« steht schon in Zeile {first_row}; sie wird einmal "
        "gezählt.",
        "missing_title": "Zeile {row} hat keinen Titel. Bitte einen Namen für {what} eintragen.",
        "bad_year": "»{value}« ist keine Jahreszahl. Bitte ein Jahr wie 2019 eintragen.",
        "year_out_of_range": "Das Jahr {year} ist unmöglich (erlaubt {low}–{high}). Bitte das Jahr prüfen.",
        "until_before_since": "»Bis« ({until}) liegt vor »Seit« ({since}). Bitte die Jahre prüfen.",
        "bad_date": "»{value}« ist kein Datum. Bitte ein Datum wie 12.08.2022 oder ein Jahr eintragen.",
        "bad_strength": "Die Stärke »{value}« ist keine Zahl; es wird 1 angenommen. Bitte eine Zahl "
        "eintragen, z. B. 1 (lose) bis 5 (sehr eng).",
        "weights_to_strengths": "Die Gewichte in »{column}« reichen von {lowest} bis {highest}; sie bleiben "
        "so erhalten (in den Exporten und den gewichteten Kennzahlen). Für die Linienstärke "
        "1 bis 5 werden die verschiedenen Gewichte der Größe nach gleichmäßig auf 1 bis 5 "
        "verteilt: das kleinste wird 1, das größte 5. Sind Stärken von 1 bis 5 gemeint, bitte "
        "die Werte außerhalb prüfen.",
        "weights_not_positive": "Einige Gewichte in »{column}« sind 0 oder kleiner (das kleinste: {lowest}). "
        "Gewichtete Kennzahlen und Gruppen brauchen positive Gewichte und rechnen deshalb mit "
        "der Stärke 1 bis 5 statt mit den Gewichten. Nichts zu tun, wenn das so gemeint ist.",
        "missing_weight": "Die Beziehung hat kein Gewicht. Sie wird mit Stärke 1 gezeichnet und zählt in "
        "den gewichteten Kennzahlen wie das kleinste Gewicht ({lowest}). Bitte ein Gewicht "
        "eintragen, falls bekannt.",
        "weight_unit": "Die Beziehungen haben eigene Gewichte ({lowest} bis {highest}). Gemeinsame "
        "Aktivitäten und Programme zählen in den gewichteten Kennzahlen je wie das kleinste "
        "Gewicht ({lowest}), also wie die schwächste Beziehung.",
        "bad_direction": "»{value}« gibt keine Richtung an; die Beziehung wird ohne Richtung gelesen. "
        "Bitte »gerichtet« oder »ungerichtet« (Directed, Undirected) eintragen.",
        "nodexl_directed": "Die Beziehungen im Blatt »{relations}« wurden mit Richtung gelesen: NodeXL legt "
        "die Richtung für die ganze Arbeitsmappe fest, im ausgeblendeten Blatt »{sheet}« "
        "(Einstellung »Graph Directedness« = »{value}«). Sollen die Beziehungen anders gelesen "
        "werden, bitte im Blatt »{relations}« eine Spalte »Richtung« mit »gerichtet« oder "
        "»ungerichtet« ergänzen.",
        "nodexl_undirected": "Die Beziehungen im Blatt »{relations}« wurden ohne Richtung gelesen: NodeXL "
        "legt die Richtung für die ganze Arbeitsmappe fest, im ausgeblendeten Blatt »{sheet}« "
        "(Einstellung »Graph Directedness« = »{value}«). Sollen die Beziehungen anders gelesen "
        "werden, bitte im Blatt »{relations}« eine Spalte »Richtung« mit »gerichtet« oder "
        "»ungerichtet« ergänzen.",
        "kumu_directed": "Die Arbeitsmappe hat die Blätter »Elements« und »Connections« wie ein Export aus "
        "Kumu. In Kumu hat jede Verbindung eine Richtung, solange nichts anderes angegeben ist; "
        "deshalb wurden die Beziehungen im Blatt »{sheet}« mit Richtung gelesen. Sind sie ohne "
        "Richtung gemeint, bitte eine Spalte »Direction« mit »undirected« ergänzen.",
        "bad_number": "»{value}« ist keine Zahl. Bitte eine Dezimalzahl wie 51.57 eintragen.",
        "unknown_value": "»{value}« ist kein üblicher Wert für »{column}«{did_you_mean}. Üblich sind: "
        "{allowed}.",
        "huge_cell": "Die Zelle enthält {length} Zeichen und wurde auf {limit} Zeichen gekürzt. Bitte "
        "lange Texte kürzen.",
        "formula_without_value": "Die Zelle enthält eine Formel ohne gespeichertes Ergebnis und wurde als leer "
        "gelesen. Bitte die Datei in Excel öffnen und speichern oder den Wert eintragen.",
        "stray_cell": "Die Zelle {column_letter}{row} liegt weit außerhalb der Tabelle (»{value}«) und "
        "wurde nicht gelesen. Bitte die Zelle löschen, falls sie versehentlich gefüllt "
        "wurde.",
        "unknown_setting": "Die Einstellung »{value}« ist unbekannt und wird ignoriert. Bekannt sind: "
        "Eigene Organisation, Titel, Quelle, Datenstand.",
        "hub_is_partner": "»{value}« ist die eigene Organisation und kein Partner; die Zeile wird "
        "übergangen. Bitte die Zeile löschen.",
    },
    # appended to a problem that stands for many rows (workbook.problems.summarise)
    "problems.summary": {
        "rows": {
            "one": "Diese Meldung betrifft {count} Zeile ({examples}).",
            "other": "Diese Meldung betrifft {count} Zeilen, z. B. die Zeilen {examples}.",
        },
    },
    # the workspace's versions: how each one came about (network_app.workspace.store)
    "workspace.store": {
        "reasons": {
            "first_start": "Erster Start: Beispiel übernommen",
            "upload": "Hochgeladen",
            "edit": "In der App bearbeitet",
            "restore": "Wiederhergestellt",
            "dropped": "In den Arbeitsordner gelegt",
            "outside": "Außerhalb der App geändert (z. B. in Excel)",
        },
        "restored_from": "Stand vom {date} wiederhergestellt",
    },
    # the partner fields as the reader knows them (profile card, comparison of versions)
    "workbook.fields": {
        "name": "Name",
        "categories": "Kategorien",
        "type": "Typ",
        "place": "Ort",
        "reach": "Reichweite",
        "since": "Seit",
        "until": "Bis",
        "contact_internal": "Ansprechperson intern",
        "contact_external": "Kontakt extern",
        "email": "E-Mail",
        "phone": "Telefon",
        "website": "Website",
        "note": "Notiz",
        "lat": "Breite",
        "lon": "Länge",
        "id": "Id",
    },
    # comparing two workbooks: the import preview and the versions (network_app.workspace)
    "workspace.compare": {
        "partners_new": {"one": "{count} neuer Partner: {names}.",
                         "other": "{count} neue Partner: {names}."},
        "partners_gone": {"one": "{count} Partner nicht mehr dabei: {names}.",
                          "other": "{count} Partner nicht mehr dabei: {names}."},
        "partners_changed": {"one": "{count} Partner geändert: {names}.",
                             "other": "{count} Partner geändert: {names}."},
        "partner_fields": "{name} ({fields})",
        "ties_new": {"one": "{count} neue Verbindung: {ties}.",
                     "other": "{count} neue Verbindungen: {ties}."},
        "ties_gone": {"one": "{count} Verbindung nicht mehr dabei: {ties}.",
                      "other": "{count} Verbindungen nicht mehr dabei: {ties}."},
        "tie": "{a} – {b}",
        "activities_new": {"one": "{count} neue Aktivität: {names}.",
                           "other": "{count} neue Aktivitäten: {names}."},
        "activities_gone": {"one": "{count} Aktivität nicht mehr dabei: {names}.",
                            "other": "{count} Aktivitäten nicht mehr dabei: {names}."},
        "programmes_new": {"one": "{count} neues Programm: {names}.",
                           "other": "{count} neue Programme: {names}."},
        "programmes_gone": {"one": "{count} Programm nicht mehr dabei: {names}.",
                            "other": "{count} Programme nicht mehr dabei: {names}."},
        "no_changes": "Keine Unterschiede: Partner, Verbindungen, Aktivitäten und Programme "
        "sind gleich.",
        "problems_none": "Die neuere Arbeitsmappe hat keine Probleme.",
        "problems": "Die neuere Arbeitsmappe hat {what}.",
        "errors": {"one": "{count} Fehler", "other": "{count} Fehler"},
        "warnings": {"one": "{count} Hinweis", "other": "{count} Hinweise"},
        "yes": "ja",
        "no": "nein",
        "hidden": "(geändert)",
        "columns": {"partner": "Partner", "field": "Angabe", "old": "vorher", "new": "nachher"},
    },
    "workbook.template": {
        "title": "stadtLABOR Partnernetz – Anleitung zur Tabelle",
        "intro": "In diese Tabelle tragen Sie unsere Partner ein. Das Programm zeigt daraus das "
        "Partnernetz: wer mit uns und miteinander verbunden ist, seit wann und wobei. "
        "Hier steht, was wohin gehört.",
        "about": "Worum geht es?",
        "sheets": "Die Blätter",
        "how": "So füllen Sie die Tabelle aus",
        "columns": "Alle Spalten",
        "sheet": "Blatt",
        "sheet_heading": "Blatt {sheet}",
        "column": "Spalte",
        "explanation": "Erklärung",
        "hint": "Hinweis",
        "required": "Pflicht",
        "required_if_used": "Pflicht, wenn das Blatt genutzt wird",
        "personal": "personenbezogen – wird nicht exportiert",
        # a sheet or column name quoted in running text
        "quote": "»{item}«",
        # written into the workbook: the note of every example row, the settings' notes
        "example_note": "Beispielzeile – bitte überschreiben oder löschen",
        "default_title": "Partnernetz {organisation}",
        "note_own_organisation": "Name der eigenen Organisation; steht in der Mitte des Netzes",
        "note_title": "Überschrift für Bilder, Berichte und Präsentation",
        "note_data_date": "Datum, an dem die Daten zuletzt geprüft wurden – bitte anpassen",
        # Excel's messages when a value does not fit a column (title ≤ 32 characters,
        # message ≤ 225)
        "whole_title": "Zahl prüfen",
        "whole": "Bitte eine ganze Zahl von {low} bis {high} eintragen.",
        "lenient_title": "Wert nicht in der Liste",
        "lenient": "Dieser Wert steht nicht in der Liste. Mit »Ja« übernehmen (z. B. mehrere "
        "Werte mit ; getrennt) oder mit »Nein« korrigieren.",
        "strict_title": "Wert nicht erlaubt",
        "strict": "Bitte einen Wert aus der Liste wählen: {values}.",
    },
    # the input help Excel shows in a cell of the column (at most 255 characters)
    "workbook.template.prompts": {
        "categories": "Aus der Liste wählen. Mehrere Kategorien mit ; trennen, z. B. »Austausch; "
        "Forschung«.",
        "type": "Aus der Liste wählen oder einen eigenen Typ eintragen.",
        "reach": "lokal, regional, national oder international",
        "year": "Jahreszahl, z. B. 2021",
        "until": "Jahreszahl, z. B. 2021; leer lassen, solange die Partnerschaft läuft",
        "strength": "1 (lose) bis 5 (sehr eng)",
        "status": "umgesetzt, in Umsetzung oder in Planung",
        "area": "Aus der Liste wählen oder einen eigenen Bereich eintragen.",
    },
    # what each sheet is for ("guide" is the guide itself)
    "workbook.template.sheets": {
        "guide": "Diese Anleitung. Sie wird beim Einlesen nicht als Daten verwendet.",
        "partners": "Eine Zeile je Partner: Organisationen, Einrichtungen und Initiativen, mit "
        "denen wir zusammenarbeiten. Das ist das einzige Blatt, das ausgefüllt sein muss.",
        "relations": "Verbindungen zwischen zwei Partnern, z. B. ein gemeinsames Projekt. "
        "Freiwillig. Die Verbindung jedes Partners zur eigenen Organisation entsteht von "
        "selbst und muss hier nicht eingetragen werden.",
        "activities": "Projekte, Veranstaltungen und andere Aktivitäten mit den beteiligten "
        "Partnern. Partner, die an derselben Aktivität beteiligt sind, werden im Netz "
        "miteinander verbunden. Freiwillig.",
        "programmes": "Förderprogramme und Verbünde (z. B. Smart Cities, Digitale "
        "Modellregion) mit ihren Mitgliedern. Mitglieder desselben Programms werden "
        "miteinander verbunden. Freiwillig.",
        "settings": "Einstellungen für diese Tabelle: der Name der eigenen Organisation (die "
        "Mitte des Netzes), ein Titel für Bilder und Berichte, der Datenstand. Freiwillig.",
    },
    # "so füllen Sie die Tabelle aus": (label, text); sheet and column names come quoted
    "workbook.template.hints": {
        "required": (
            "Pflichtangaben",
            "Pflicht ist nur die Spalte {name} auf dem Blatt {partner}. Alle anderen Spalten "
            "und Blätter sind freiwillig: was leer bleibt, wird einfach nicht angezeigt. Auf "
            "den anderen Blättern je Zeile mindestens die erste Spalte ausfüllen (bei "
            "{relations}: {source} und {target}).",
        ),
        "categories": (
            "Kategorien",
            "Die Kategorien sind {categories}. Ein Partner kann zu mehreren gehören: dann mit "
            "Semikolon trennen, z. B. »Austausch; Forschung«. Excel fragt dann nach, ob der "
            "Wert bleiben soll: mit »Ja« bestätigen.",
        ),
        "names": (
            "Namen genau gleich schreiben",
            "Auf den Blättern {name_sheets} die Partner genau so schreiben wie in der Spalte "
            "{name} auf dem Blatt {partner} (Groß- und Kleinschreibung und doppelte "
            "Leerzeichen sind egal). Am einfachsten: den Namen kopieren. Unbekannte Namen "
            "werden beim Prüfen gemeldet.",
        ),
        "participants": (
            "Mehrere Partner",
            "In der Spalte {participants} mehrere Partner mit Semikolon trennen: »Partner A; "
            "Partner B«.",
        ),
        "examples": (
            "Beispielzeilen",
            "Die grau und schräg geschriebenen Zeilen sind Beispiele. Bitte mit eigenen "
            "Einträgen überschreiben oder löschen. Wer die Beispiel-Partner löscht, löscht "
            "auch die Beispielzeilen auf den anderen Blättern.",
        ),
        "lists": (
            "Auswahllisten",
            "Viele Spalten haben eine Auswahlliste (kleiner Pfeil neben der Zelle). Bei "
            "{lenient} darf auch etwas anderes eingetragen werden; Excel fragt dann nur nach. "
            "Bei {strict} sind nur die Werte aus der Liste erlaubt.",
        ),
        "years": (
            "Jahre und Daten",
            "{since} und {until} sind Jahreszahlen (z. B. 2021); {until} leer lassen, solange "
            "die Partnerschaft läuft. {date} darf ein Datum (14.05.2024) oder nur ein Jahr "
            "sein. {strength}: 1 (lose) bis 5 (sehr eng).",
        ),
        "personal": (
            "Personenbezogene Daten",
            "Die Spalten {personal} (orange Überschrift) enthalten personenbezogene Daten. Sie "
            "bleiben in dieser Datei, werden aber nicht exportiert und nicht in der "
            "Präsentation gezeigt – außer Sie wählen das ausdrücklich aus. Bitte nur "
            "eintragen, was für die Arbeit nötig ist.",
        ),
        "own_columns": (
            "Eigene Spalten",
            "Eigene zusätzliche Spalten (z. B. »Thema«) sind erlaubt. Sie bleiben erhalten und "
            "können zum Filtern und Einfärben des Netzes genutzt werden.",
        ),
        "saving": (
            "Speichern",
            "Als Excel-Arbeitsmappe (.xlsx) speichern. OpenDocument (.ods) und CSV gehen auch.",
        ),
    },
    # what each column holds: the comment on its header and the guide's table of columns
    "workbook.columns": {
        "partners": {
            "name": "Name des Partners (Pflicht, eindeutig)",
            "categories": "Austausch, Kooperation, Netzwerk oder Forschung; mehrere mit ; "
            "trennen",
            "type": "z. B. Kommune, Hochschule, Verein, Unternehmen, Lab",
            "place": "Ort des Partners",
            "reach": "lokal, regional, national oder international",
            "since": "Jahr, seit dem die Partnerschaft besteht",
            "until": "Jahr, in dem die Partnerschaft endete (leer = läuft)",
            "contact_internal": "Wer im stadtLABOR die Partnerschaft betreut",
            "contact_external": "Kontakt beim Partner",
            "email": "E-Mail-Adresse des Kontakts",
            "phone": "Telefonnummer des Kontakts",
            "website": "Internetadresse",
            "note": "freier Text",
            "lat": "Koordinate (optional), z. B. 51.57",
            "lon": "Koordinate (optional), z. B. 8.11",
            "id": "Kennung aus einem anderen Programm (optional); Beziehungen dürfen sie statt "
            "des Namens nennen",
        },
        "relations": {
            "source": "Name eines Partners",
            "target": "Name eines anderen Partners",
            "kind": "z. B. Projektpartner, Austausch",
            "strength": "1 (lose) bis 5 (sehr eng)",
            "since": "Jahr",
            "until": "Jahr",
            "note": "freier Text",
        },
        "activities": {
            "name": "Titel der Aktivität (Pflicht)",
            "date": "Datum oder Jahr",
            "status": "umgesetzt, in Umsetzung oder in Planung",
            "area": "z. B. Vernetzung, Forschung, Verwaltung",
            "participants": "Namen der beteiligten Partner, mit ; getrennt",
            "note": "freier Text",
        },
        "programmes": {
            "name": "Name des Programms oder Verbunds (Pflicht)",
            "since": "Jahr",
            "until": "Jahr",
            "participants": "Namen der beteiligten Partner, mit ; getrennt",
            "note": "freier Text",
        },
        "settings": {
            "key": "z. B. Eigene Organisation",
            "value": "der Wert",
            "note": "freier Text",
        },
    },
}
