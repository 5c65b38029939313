"""The workbook stage: from a file on disk (or an upload's bytes) to validated partner data.

::

    file / bytes
      │  safety       is it what its name says, and safe to open? (zip/XML bombs, encryption)
      │  xlsx_trim    far stray cells cut before the parser sees them
      │  reading      sheets → tables of cells, each row with its Excel row number
      │  recognise    which sheet holds which table, by content (shapes: no header row)
      │  schema       how people spell sheets, columns, categories (aliases, normalising)
      │  values       one cell → the value it means (text, year, date, number, list)
      │  validation   tables → PartnerData + every problem (problems: values with codes;
      │               similarity: likely duplicates and "did you mean", with rapidfuzz)
      ▼
    PartnerData   (loading.load_workbook runs the stages in order)

``template`` writes the empty workbook staff fill in; it shares ``schema`` with the reader.
"""
