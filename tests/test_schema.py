import pytest

from network_app.workbook import schema


@pytest.mark.parametrize(
    ("sheet", "header", "key"),
    [
        ("partners", "Name", "name"),
        ("partners", " organisation ", "name"),
        ("partners", "Label", "name"),  # Kumu
        ("partners", "Id", "id"),  # Gephi: the id; "Label" is the name
        ("partners", "Kategorie(n)", "categories"),
        ("partners", "Bereich der Zusammenarbeit", "categories"),
        ("partners", "Art der Organisation", "type"),
        ("partners", "Type", "type"),
        ("partners", "Standort", "place"),
        ("partners", "seit Jahr", "since"),
        ("partners", "Ende der Zusammenarbeit", "until"),
        ("partners", "Ansprechpartner:in", "contact_internal"),
        ("partners", "Ansprechpartner*innen", "contact_internal"),
        ("partners", "Ansprechpartner_in", "contact_internal"),
        ("partners", "Ansprechpartner/-in", "contact_internal"),
        ("partners", "E-Mail", "email"),
        ("partners", "Email", "email"),
        ("partners", "Tel.", "phone"),
        ("partners", "Förderung", None),
        ("relations", "Partner A", "source"),
        ("relations", "Source", "source"),
        ("relations", "To", "target"),
        ("relations", "Weight", "strength"),
    ],
)
def test_headers_people_write_are_recognised(sheet, header, key):
    assert schema.canonical_column(sheet, header) == key


@pytest.mark.parametrize(
    ("spelling", "category"),
    [
        ("Kollegialer Austausch", "Austausch"),
        ("Vernetzung", "Austausch"),
        ("Kooperationen", "Kooperation"),
        ("Kooperationspartner", "Kooperation"),
        ("Netzwerke & Plattformen", "Netzwerk"),
        ("Plattform", "Netzwerk"),
        ("Wissenschaft", "Forschung"),
        (" forschung ", "Forschung"),
        ("Sponsoring", None),
    ],
)
def test_category_spellings(spelling, category):
    assert schema.canonical_category(spelling) == category


@pytest.mark.parametrize(
    ("name", "key"),
    [("Partner", "partners"), ("Nodes", "partners"), ("Beziehungen", "relations"),
     ("Edges", "relations"), ("Aktivitäten", "activities"), ("Einstellungen", "settings"),
     ("Tabelle1", None)],
)
def test_sheet_names(name, key):
    assert schema.canonical_sheet(name) == key
