"""The reach slide: the home in the centre, the partners on rings lokal, Region, Land,
Deutschland, international, drawn by :func:`~network_app.drawing.reach.draw_reach` (the same
drawing as the app's page "Reichweite", the presentation and the print export); this module
lays it out on the slide with a caption naming the partners without any reach."""

from __future__ import annotations

import networkx as nx

from ...drawing.reach import ReachLook, draw_reach, find_home, reach_layout, reach_partners
from ...text import join_list
from .drawing import render
from .shapes import Deck, notes, picture, text_box
from .text import plain
from .theme import CONTENT_BOTTOM, CONTENT_TOP, MARGIN, MUTED, SLIDE_W, SMALL_PT, TEXT

__all__ = ["LOOK", "reach_slide"]

#: The reach picture on a slide (points): names legible from the back of the room.
LOOK = ReachLook(label_size=12, ring_size=18, category_size=18, home_size=16, dot=7,
                 text="#" + TEXT)
#: Inches under the picture for the caption (two lines).
CAPTION = 0.8


def reach_slide(deck: Deck, graph: nx.Graph) -> None:
    """How far the network reaches, when any partner has a reach or a place (else no slide).
    The caption says how the ring is chosen and how many partners have no reach; the speaker
    notes name them and the partners the picture had no room to name."""
    home = find_home(graph)
    layout = reach_layout(reach_partners(graph, home))
    if not layout.partners:
        return
    hub = next((str(a.get("label", n)) for n, a in graph.nodes(data=True)
                if a.get("kind") == "hub"), "")
    slide = deck.slide(deck.say("reach" if graph.graph.get("own_organisation") else
                                "reach_plain"))
    width = SLIDE_W - 2 * MARGIN
    height = CONTENT_BOTTOM - CONTENT_TOP - CAPTION
    png, drawn = render(draw_reach, width, height, layout, home, deck.lang, look=LOOK,
                        centre_name=plain(hub, 40))
    picture(slide, png, MARGIN, CONTENT_TOP, width,
            deck.say("reach_alt", count=len(layout.partners)))
    lines = [deck.say("reach_caption")]
    if layout.without:
        lines.append(deck.say("reach_without_short", count=len(layout.without)))
    speaker = []
    if layout.without:
        speaker.append(deck.say("reach_without", count=len(layout.without), names=join_list(
            [plain(p.name, 80) for p in layout.without], deck.lang)))
    if drawn.unnamed:
        by_node = {p.node: p.name for p in layout.partners}
        speaker.append(deck.say("reach_unnamed", count=len(drawn.unnamed), names=join_list(
            [plain(by_node[n], 80) for n in drawn.unnamed], deck.lang)))
    if speaker:
        notes(slide, "\n".join(speaker))
    text_box(slide, MARGIN, CONTENT_BOTTOM - CAPTION, width, CAPTION, [" ".join(lines)],
             SMALL_PT, colour=MUTED, anchor="bottom")
