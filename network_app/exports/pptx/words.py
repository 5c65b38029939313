"""The deck's slide text in German and English."""

from __future__ import annotations

from ...text import by_language

WORDS = by_language("exports.pptx")
