"""Geometry (inches), type sizes (points) and colours of the council deck."""

from __future__ import annotations

SLIDE_W, SLIDE_H = 13.333, 7.5
MARGIN = 0.5
CONTENT_TOP = 1.5
CONTENT_BOTTOM = 7.15
TITLE_PT = 38
MIN_TITLE_PT = 36
TITLE_SLIDE_PT = 48
BODY_PT = 22
SMALL_PT = 20  # the smallest text on a slide
TILE_NUMBER_PT = 60
LIST_PT = 20
PICTURE_DPI = 200
FONT = "Arial"  # LibreOffice shows the metric-compatible Liberation Sans

TEXT = "1F1F1F"
MUTED = "404040"  # still about 10:1 on white
TILE_FILL = "F0F0F0"
INTERN_FILL = "A50021"

STATUS_COLORS = {"umgesetzt": "004F7C", "in Umsetzung": "56B4E9", "in Planung": "F0E442"}
OTHER_STATUS_COLOR = "999999"

OVERVIEW_LABEL_PT = 11
CATEGORY_LABEL_PT = 12
