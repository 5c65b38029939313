"""The deck's building blocks: the presentation, titled slides, text boxes, shapes, pictures."""

from __future__ import annotations

import io
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from ...drawing.styling import CATEGORY_COLORS
from ...text import say
from .text import plain, text_lines
from .theme import (
    FONT,
    INTERN_FILL,
    MARGIN,
    MIN_TITLE_PT,
    SLIDE_H,
    SLIDE_W,
    SMALL_PT,
    TEXT,
    TITLE_PT,
)


@dataclass
class Deck:
    """The presentation being built, the slide words in its language, and whether it is
    internal (then every slide is marked)."""

    prs: Any
    words: Mapping[str, Any]
    lang: str
    intern: bool

    def say(self, key: str, **params: Any) -> str:
        """The deck's sentence ``key`` (section "exports.pptx") filled in: plurals by
        ``count``, counts grouped by language (see :func:`network_app.text.say`)."""
        return say(f"exports.pptx.{key}", self.lang, **params)

    def slide(self, title: str) -> Any:
        """A new slide with its title in the title placeholder (for outline and screen readers)."""
        from pptx.util import Inches

        slide = self.prs.slides.add_slide(self.prs.slide_layouts[5])
        for placeholder in list(slide.placeholders):
            if placeholder.placeholder_format.idx != 0:
                placeholder._element.getparent().remove(placeholder._element)
        shape = slide.shapes.title
        width = SLIDE_W - 2 * MARGIN - (2.0 if self.intern else 0.0)
        shape.left, shape.top = Inches(MARGIN), Inches(0.3)
        shape.width, shape.height = Inches(width), Inches(1.0)
        text = plain(title, 90)
        size = TITLE_PT if text_lines(text, width * 72, TITLE_PT) == 1 else MIN_TITLE_PT
        fill_text(shape.text_frame, [text], size, bold=True, anchor="middle")
        colour_strip(slide, 1.3)
        if self.intern:
            intern_mark(slide, self.words["intern"])
        return slide


def new_presentation() -> Any:
    from pptx import Presentation
    from pptx.util import Inches

    prs = Presentation()
    prs.slide_width, prs.slide_height = Inches(SLIDE_W), Inches(SLIDE_H)
    return prs


def rgb(colour: str) -> Any:
    from pptx.dml.color import RGBColor

    return RGBColor.from_string(colour.lstrip("#").upper())


def fill_text(frame: Any, lines: Sequence[str], size: float, *, bold: bool = False,
              colour: str = TEXT, align: str = "left", anchor: str = "top",
              space_after: float = 0.0, inset: bool = False) -> None:
    """Replace the text of ``frame`` by ``lines`` (one paragraph each), all in one style.

    Without ``inset`` the text starts exactly at the frame's left edge, so titles, lists and
    the colour strip line up at the slide margin.
    """
    from pptx.enum.text import MSO_ANCHOR, PP_ALIGN
    from pptx.util import Pt

    frame.clear()
    frame.word_wrap = True
    if not inset:
        frame.margin_left = frame.margin_right = 0
    frame.vertical_anchor = {"top": MSO_ANCHOR.TOP, "middle": MSO_ANCHOR.MIDDLE,
                             "bottom": MSO_ANCHOR.BOTTOM}[anchor]
    for i, line in enumerate(lines):
        paragraph = frame.paragraphs[0] if i == 0 else frame.add_paragraph()
        paragraph.alignment = {"left": PP_ALIGN.LEFT, "center": PP_ALIGN.CENTER,
                               "right": PP_ALIGN.RIGHT}[align]
        paragraph.space_after = Pt(space_after)
        run = paragraph.add_run()
        run.text = line
        _style_font(run.font, size, bold=bold, colour=colour)


def _style_font(font: Any, size: float, *, bold: bool = False, colour: str = TEXT) -> None:
    from pptx.util import Pt

    font.name = FONT
    font.size = Pt(size)
    font.bold = bold
    font.color.rgb = rgb(colour)


def text_box(slide: Any, left: float, top: float, width: float, height: float,
             lines: Sequence[str], size: float, **style: Any) -> Any:
    from pptx.util import Inches

    box = slide.shapes.add_textbox(Inches(left), Inches(top), Inches(width), Inches(height))
    fill_text(box.text_frame, lines, size, **style)
    return box


def rectangle(slide: Any, left: float, top: float, width: float, height: float,
              colour: str, *, shape: str = "rectangle") -> Any:
    from pptx.enum.shapes import MSO_SHAPE
    from pptx.oxml.ns import qn
    from pptx.util import Inches

    kind = {"rectangle": MSO_SHAPE.RECTANGLE, "rounded": MSO_SHAPE.ROUNDED_RECTANGLE,
            "oval": MSO_SHAPE.OVAL}[shape]
    box = slide.shapes.add_shape(kind, Inches(left), Inches(top), Inches(width), Inches(height))
    box.fill.solid()
    box.fill.fore_color.rgb = rgb(colour)
    box.line.fill.background()
    box.shadow.inherit = False
    # the theme's shape style adds a shadow that LibreOffice draws despite the empty effect list
    style = box._element.find(qn("p:style"))
    if style is not None:
        box._element.remove(style)
    return box


def colour_strip(slide: Any, top: float) -> None:
    """A thin band in the four category colours under the title: the deck's one ornament."""
    colours = list(CATEGORY_COLORS.values())
    width = (SLIDE_W - 2 * MARGIN) / len(colours)
    for i, colour in enumerate(colours):
        rectangle(slide, MARGIN + i * width, top, width, 0.07, colour)


def intern_mark(slide: Any, word: str) -> None:
    box = rectangle(slide, SLIDE_W - MARGIN - 1.7, 0.45, 1.7, 0.6, INTERN_FILL, shape="rounded")
    fill_text(box.text_frame, [word], SMALL_PT + 2, bold=True, colour="FFFFFF", align="center",
              anchor="middle")


def picture(slide: Any, png: bytes, left: float, top: float, width: float,
            alt_text: str) -> Any:
    from pptx.util import Inches

    picture = slide.shapes.add_picture(io.BytesIO(png), Inches(left), Inches(top),
                                       width=Inches(width))
    picture._element.nvPicPr.cNvPr.set("descr", alt_text)
    return picture


def notes(slide: Any, text: str) -> None:
    """``text`` in the slide's speaker notes (shown to the speaker, not on the screen)."""
    slide.notes_slide.notes_text_frame.text = text
