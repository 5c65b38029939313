"""The native, editable PowerPoint charts: growth over the years and activities."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Mapping, Sequence
from typing import Any

from ...analysis.timeline import GrowthYears, partners_per_year, undated_partners
from ...drawing.styling import CATEGORY_COLORS, NONE_COLOR
from ...network.figures import category_label
from ...workbook import schema
from ...workbook.validation import PartnerData
from .shapes import Deck, rgb, text_box
from .text import chart_label, plain
from .theme import (
    BODY_PT,
    CONTENT_BOTTOM,
    CONTENT_TOP,
    FONT,
    MARGIN,
    MUTED,
    OTHER_STATUS_COLOR,
    SLIDE_W,
    SMALL_PT,
    STATUS_COLORS,
    TEXT,
)


def growth_slide(deck: Deck, data: PartnerData, span: GrowthYears) -> None:
    """Partners per category and year over ``span.years``: from the first "Seit" to the
    Datenstand (:func:`~network_app.analysis.timeline.growth_years`); the caller leaves the
    slide out when there are no such years."""
    words = deck.words
    slide = deck.slide(words["growth"])
    table = partners_per_year(data, span.years)
    # Series are named in words; the colours follow the names (no category: grey).
    table = table.rename(columns=lambda category: category_label(category, deck.lang))
    if table.empty or not len(table.columns):
        text_box(slide, MARGIN, CONTENT_TOP + 0.3, 10.0, 1.0, [words["no_growth"]], BODY_PT)
        return
    undated = undated_partners(data)
    notes = [span.note(deck.lang) or "", deck.say("undated", count=undated) if undated else ""]
    note = " ".join(n for n in notes if n)
    chart_height = CONTENT_BOTTOM - CONTENT_TOP - (0.7 if note else 0.0)
    _growth_chart(slide, table, chart_height)
    if note:
        text_box(slide, MARGIN, CONTENT_BOTTOM - 0.65, SLIDE_W - 2 * MARGIN, 0.6, [note],
                 SMALL_PT, colour=MUTED, anchor="middle")


def _growth_chart(slide: Any, table: Any, height: float) -> None:
    from pptx.chart.data import CategoryChartData
    from pptx.enum.chart import XL_CHART_TYPE, XL_MARKER_STYLE
    from pptx.util import Inches, Pt

    chart_data = CategoryChartData(number_format="0")
    chart_data.categories = [str(y) for y in table.index]
    for column in table.columns:
        chart_data.add_series(chart_label(column), [int(v) for v in table[column]])
    kind = XL_CHART_TYPE.LINE_MARKERS if len(table.index) >= 3 else \
        XL_CHART_TYPE.COLUMN_CLUSTERED
    frame = slide.shapes.add_chart(kind, Inches(MARGIN), Inches(CONTENT_TOP),
                                   Inches(SLIDE_W - 2 * MARGIN), Inches(height), chart_data)
    chart = frame.chart
    _style_chart(chart)
    if int(table.to_numpy().max()) <= 10:  # PowerPoint would step by 0.5: "0 1 1 2 2" partners
        chart.value_axis.major_unit = 1
    for series, column in zip(chart.series, table.columns, strict=True):
        colour = rgb(CATEGORY_COLORS.get(column, NONE_COLOR))
        if kind == XL_CHART_TYPE.LINE_MARKERS:
            series.smooth = False
            series.format.line.color.rgb = colour
            series.format.line.width = Pt(4)
            series.marker.style = XL_MARKER_STYLE.CIRCLE
            series.marker.size = 9
            series.marker.format.fill.solid()
            series.marker.format.fill.fore_color.rgb = colour
            series.marker.format.line.color.rgb = colour
        else:
            series.format.fill.solid()
            series.format.fill.fore_color.rgb = colour
    _skip_crowded_labels(chart, len(table.index))


def _style_chart(chart: Any) -> None:
    """Large type, a legend below, light gridlines: legible on a washed-out projector."""
    from pptx.enum.chart import XL_LEGEND_POSITION
    from pptx.util import Pt

    chart.font.name = FONT
    chart.font.size = Pt(SMALL_PT)
    chart.font.color.rgb = rgb(TEXT)
    chart.has_legend = True
    chart.legend.position = XL_LEGEND_POSITION.BOTTOM
    chart.legend.include_in_layout = False
    chart.legend.font.size = Pt(SMALL_PT)
    value_axis = chart.value_axis
    value_axis.minimum_scale = 0
    value_axis.has_major_gridlines = True
    value_axis.major_gridlines.format.line.color.rgb = rgb("D0D0D0")
    value_axis.tick_labels.font.size = Pt(SMALL_PT)
    value_axis.tick_labels.number_format = "0"
    value_axis.tick_labels.number_format_is_linked = False
    value_axis.format.line.fill.background()
    chart.category_axis.tick_labels.font.size = Pt(SMALL_PT)
    chart.category_axis.format.line.color.rgb = rgb("808080")


def _skip_crowded_labels(chart: Any, count: int, most: int = 14) -> None:
    """Label every n-th year only when there are too many to read."""
    from pptx.oxml.ns import qn

    if count <= most:
        return
    axis = chart._chartSpace.find(".//" + qn("c:catAx"))
    if axis is None:
        return
    skip = axis.makeelement(qn("c:tickLblSkip"), {"val": str(math.ceil(count / most))})
    later = axis.find(qn("c:noMultiLvlLbl"))
    if later is not None:
        later.addprevious(skip)
    else:
        axis.append(skip)


def _activity_table(data: PartnerData, words: Mapping[str, Any]
                    ) -> tuple[list[str], dict[str, list[int | None]]]:
    """Areas (rows) and, per status, the number of activities in each area."""
    frame = data.activities
    areas = [plain(a) or words["no_area"] for a in frame["area"].astype(object).where(
        frame["area"].notna(), None)]
    statuses = [plain(s) or words["no_status"] for s in frame["status"].astype(object).where(
        frame["status"].notna(), None)]
    pairs = Counter(zip(areas, statuses, strict=True))
    area_order = _ordered(set(areas), schema.AREA_VALUES, words["no_area"])
    status_order = _ordered(set(statuses), schema.STATUS_VALUES, words["no_status"])
    return area_order, {s: [pairs[a, s] or None for a in area_order] for s in status_order}


def _ordered(present: set[str], known: Sequence[str], last: str) -> list[str]:
    others = sorted(present - set(known) - {last}, key=schema.normalize_name)
    return [v for v in known if v in present] + others + ([last] if last in present else [])


def activities_slide(deck: Deck, data: PartnerData) -> None:
    from pptx.chart.data import CategoryChartData
    from pptx.enum.chart import XL_CHART_TYPE, XL_LABEL_POSITION
    from pptx.util import Inches, Pt

    words = deck.words
    slide = deck.slide(words["activities"])
    areas, per_status = _activity_table(data, words)
    chart_data = CategoryChartData(number_format="0")
    chart_data.categories = [chart_label(a) for a in areas]
    for status, values in per_status.items():
        chart_data.add_series(chart_label(status), values)
    frame = slide.shapes.add_chart(
        XL_CHART_TYPE.BAR_STACKED, Inches(MARGIN), Inches(CONTENT_TOP),
        Inches(SLIDE_W - 2 * MARGIN), Inches(CONTENT_BOTTOM - CONTENT_TOP), chart_data)
    chart = frame.chart
    _style_chart(chart)
    chart.category_axis.reverse_order = True  # the first area on top
    chart.value_axis.visible = False  # the numbers are on the bars
    chart.value_axis.has_major_gridlines = False
    chart.plots[0].gap_width = 45
    chart.plots[0].overlap = 100
    for series, status in zip(chart.series, per_status, strict=True):
        colour = STATUS_COLORS.get(status, OTHER_STATUS_COLOR)
        series.format.fill.solid()
        series.format.fill.fore_color.rgb = rgb(colour)
        series.format.line.color.rgb = rgb(MUTED)  # keeps light yellow visible on white
        series.format.line.width = Pt(0.75)
        labels = series.data_labels
        labels.show_value = True
        labels.number_format = "0"
        labels.number_format_is_linked = False
        labels.position = XL_LABEL_POSITION.CENTER
        labels.font.size = Pt(SMALL_PT)
        labels.font.bold = True
        labels.font.color.rgb = rgb("FFFFFF" if colour in ("004F7C",) else TEXT)
