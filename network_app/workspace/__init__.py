"""The workspace: where the lab's network lives between visits, and how it changes::

    store       the folder: the current workbook, its versions, files dropped in by hand;
                atomic, locked replacement that refuses when the file changed on disk
    compare     what changed between two loaded workbooks (the import preview, versions)
    editing     what a user changed in the app, as Changes to cells of the workbook file
    saving      Changes written into the workbook, everything not edited kept as it was
    package     the xlsx package around it: saved formula results, what would be lost
    carry       a refused save's edits replayed on the newer file, where no one else changed
                the same rows and cells

The app and the CLI stay thin: they find the folder with ``Workspace.resolve`` and call these.
"""
