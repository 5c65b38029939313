"""Labels next to points in a matplotlib picture, overlapping no other label and no marker.

One placer for every picture we draw with matplotlib: the network on the print page (PNG, SVG,
PDF), the council deck's network pictures and its map of partner places.

Greedy, in the order given (the caller puts the most important label first). For each label the
places around its point are tried in turn: the eight directions, the one facing the label's
preferred direction first, right next to the marker; then, with ``leaders``, the same eight up to
:data:`LEADER_STEPS` steps further out, joined to the marker by a leader line. The first place
wins that lies inside the axes and keeps a margin from every marker, every label placed before
and every leader line drawn before, and whose own leader line passes through no other marker,
no label and no other leader line. Each round goes over every label still without a place, so a
label takes a place further out only when every label has had its chance next to its marker:
next to the marker; with a leader; in the smaller ``min_size`` (next to the marker, then with a
leader); up to :data:`FAR_STEPS` steps out in :func:`fan`'s many directions (the most important
labels only). A label with no place after all rounds is left out; the caller says so on the
page. A grid of cells keeps each test local, so a few hundred labels take about a second.

A leader line is thin and dotted, in the colour of the label's marker (``leader_colour``): ties
between nodes are solid grey lines, and a reader must not take a leader for one.

The geometry (:func:`candidates`, :class:`Grid`) is pure and works in display units (pixels);
matplotlib is imported only inside :func:`place_labels`.

>>> [(step, dx, dy) for step, dx, dy in candidates(5, 20, 10, (1, 0), steps=0)][:2]
[(0, 15.0, 0.0), (0, 15.0, 10.0)]
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, NamedTuple

__all__ = ["FAR_STEPS", "FAR_TRIES", "LEADER_DASHES", "LEADER_STEPS", "Grid", "Label", "Way",
           "candidates", "fan", "place_labels"]

#: How many steps further out a label may go, joined to its marker by a leader line.
LEADER_STEPS = 4
#: How far out a label may go in the last round, when it found no place nearer; that round
#: tries only the FAR_TRIES most important labels still without a place (each costs hundreds
#: of candidate places, and in a crowd they rarely find one).
FAR_STEPS = 10
FAR_TRIES = 30
#: A leader line's pattern: round dots (in line widths), unlike the solid lines of ties.
LEADER_DASHES = (0.0, (0.1, 2.2))

CASING = 1.0

Box = tuple[float, float, float, float]  # x0, y0, x1, y1 (display units, y up)

# The eight directions as (x, y) steps; a diagonal puts the label's corner next to the point.
_DIRECTIONS = ((1, 0), (-1, 0), (0, 1), (0, -1), (1, 1), (-1, 1), (1, -1), (-1, -1))


@dataclass(frozen=True)
class Label:
    """A label to place next to a point.

    Attributes
    ----------
    text : str
        What the label says (may hold line breaks; shown as given, never as mathtext).
    x, y : float
        The point, in data coordinates.
    radius : float
        The marker's radius in points: the label keeps clear of it.
    size : float
        Font size in points.
    bold : bool
        Bold type (the own organisation, place names on a map).
    toward : (float, float)
        The preferred direction (x to the right, y up), usually away from the picture's centre.
    narrow : str, optional
        The same text broken into shorter lines, tried when ``text`` finds no place.
    min_size : float, optional
        A smaller font size, tried when the label finds no place in ``size``.
    leader_colour : str, optional
        The leader line's colour (the marker's colour); else ``place_labels``' default.
    """

    text: str
    x: float
    y: float
    radius: float
    size: float = 9.0
    bold: bool = False
    toward: tuple[float, float] = (1.0, 0.0)
    narrow: str | None = None
    min_size: float | None = None
    leader_colour: str | None = None


def candidates(gap: float, w: float, h: float, toward: tuple[float, float],
               steps: int = LEADER_STEPS, stride: float | None = None
               ) -> list[tuple[int, float, float]]:
    """Where a ``w`` × ``h`` label may go around a point: ``(step, dx, dy)``, the offset of the
    label's centre from the point, ``step`` 0 next to the marker (``gap`` from the point), then
    ``steps`` rings further out, each ``stride`` further (default: the label's height).

    The direction nearest ``toward`` comes first, except that a point lying mostly sideways
    (``toward`` within about 37° of the horizontal) keeps its label beside it, level with the
    point, and any other point above or below it: such labels read best. After the eight places
    of a ring come the same places slid along the marker: a label above or below reaching out
    to one side (outwards first), a label beside it with its top or bottom level with the point.

    >>> [(dx, dy) for _, dx, dy in candidates(5, 20, 10, (0, -1), steps=0)][:3]
    [(0.0, -10.0), (15.0, -10.0), (-15.0, -10.0)]
    >>> [(dx, dy) for _, dx, dy in candidates(5, 40, 10, (1, 0), steps=0)][8:12]
    [(25.0, 5.0), (25.0, -5.0), (10.0, 10.0), (-10.0, 10.0)]
    >>> len(candidates(5, 40, 10, (1, 0), steps=4))
    80
    """
    ux, uy = toward
    norm = math.hypot(ux, uy) or 1.0
    ux, uy = ux / norm, uy / norm
    if abs(ux) > 0.8:
        preferred = (1 if ux > 0 else -1, 0)
    else:
        preferred = (0, 1 if uy > 0 else -1)
    order = sorted(_DIRECTIONS, key=lambda d: (d != preferred,
                                               -(d[0] * ux + d[1] * uy) / math.hypot(*d)))
    outward_x = 1 if ux >= 0 else -1
    outward_y = 1 if uy >= 0 else -1
    reach = max(w / 2 - h, 0.0)  # a label above or below still covers the point's x
    places = []
    for step in range(steps + 1):
        distance = gap + step * (h if stride is None else stride)
        ring = [(dx * (distance + w / 2) if dx else 0.0, dy * (distance + h / 2) if dy else 0.0)
                for dx, dy in order]
        slid = []
        for (dx, dy), (ox, oy) in zip(order, ring, strict=True):
            if dx and not dy:
                slid += [(ox, outward_y * h / 2), (ox, -outward_y * h / 2)]
            elif dy and not dx and reach:
                slid += [(outward_x * reach, oy), (-outward_x * reach, oy)]
        places += [(step, ox, oy) for ox, oy in ring + slid]
    return places


class Grid:
    """Boxes, circles and line segments in cells of a grid, so a test looks only at its
    neighbours.

    >>> grid = Grid(cell=10)
    >>> grid.add_box((0, 0, 8, 4))
    >>> grid.add_circle(30, 0, 3)
    >>> grid.hits((9, 0, 12, 4), margin=0), grid.hits((9, 0, 12, 4), margin=2)
    (False, True)
    >>> grid.hits((20, -2, 26, 2), margin=0), grid.hits((20, -2, 26, 2), margin=1.5)
    (False, True)
    >>> grid.add_segment((50, 0), (60, 10))
    >>> grid.hits((54, 4, 56, 6), margin=0), grid.hits((50, 8, 52, 10), margin=0)
    (True, False)
    """

    def __init__(self, cell: float) -> None:
        self.cell = max(cell, 1e-9)
        self.cells: dict[tuple[int, int], list[tuple[str, tuple[float, ...]]]] = {}

    def _keys(self, box: Box) -> list[tuple[int, int]]:
        c = self.cell
        return [(i, j) for i in range(int(box[0] // c), int(box[2] // c) + 1)
                for j in range(int(box[1] // c), int(box[3] // c) + 1)]

    def _add(self, kind: str, shape: tuple[float, ...], box: Box) -> None:
        item = (kind, shape)
        for key in self._keys(box):
            self.cells.setdefault(key, []).append(item)

    def add_box(self, box: Box) -> None:
        self._add("box", box, box)

    def add_circle(self, x: float, y: float, r: float) -> None:
        self._add("circle", (x, y, r), (x - r, y - r, x + r, y + r))

    def add_segment(self, a: tuple[float, float], b: tuple[float, float]) -> None:
        box = (min(a[0], b[0]), min(a[1], b[1]), max(a[0], b[0]), max(a[1], b[1]))
        self._add("segment", (*a, *b), box)

    def hits(self, box: Box, margin: float) -> bool:
        """Whether ``box`` grown by ``margin`` on every side touches anything in the grid."""
        x0, y0, x1, y1 = box[0] - margin, box[1] - margin, box[2] + margin, box[3] + margin
        grown = (x0, y0, x1, y1)
        cells, c = self.cells, self.cell
        rows = range(int(y0 // c), int(y1 // c) + 1)
        # The hot loop of label placement: a shape in several cells is simply tested again.
        for i in range(int(x0 // c), int(x1 // c) + 1):
            for j in rows:
                for kind, shape in cells.get((i, j), ()):
                    if kind == "box":
                        if x0 < shape[2] and shape[0] < x1 and y0 < shape[3] and shape[1] < y1:
                            return True
                    elif kind == "circle":
                        x, y, r = shape
                        dx = x0 - x if x < x0 else (x - x1 if x > x1 else 0.0)
                        dy = y0 - y if y < y0 else (y - y1 if y > y1 else 0.0)
                        if dx * dx + dy * dy < r * r:
                            return True
                    elif _segment_hits_box(shape, grown):
                        return True
        return False

    def nearer_circle(self, box: Box, point: tuple[float, float], gap: float) -> bool:
        """Whether a circle other than the one centred on ``point`` comes closer to ``box`` than
        ``gap`` (edge to edge): a label there would seem to name that circle's marker.

        >>> grid = Grid(cell=10)
        >>> grid.add_circle(0, 0, 2)
        >>> grid.add_circle(30, 0, 2)
        >>> grid.nearer_circle((5, -2, 20, 2), (0, 0), gap=3)
        False
        >>> grid.nearer_circle((5, -2, 27, 2), (0, 0), gap=3)
        True
        """
        grown = (box[0] - gap, box[1] - gap, box[2] + gap, box[3] + gap)
        for key in self._keys(grown):
            for kind, shape in self.cells.get(key, ()):
                if kind != "circle":
                    continue
                x, y, r = shape
                if math.hypot(x - point[0], y - point[1]) < 0.5:  # the label's own marker
                    continue
                nearest = _nearest_on_box((x, y), box)
                if math.hypot(x - nearest[0], y - nearest[1]) - r < gap:
                    return True
        return False

    def segment_hits(self, a: tuple[float, float], b: tuple[float, float], margin: float,
                     own: tuple[float, float] | None = None) -> bool:
        """Whether the segment a–b crosses a box or a circle (grown by ``margin``; the circle
        centred on ``own`` aside) or another segment.

        >>> grid = Grid(cell=10)
        >>> grid.add_box((0, 0, 10, 10))
        >>> grid.add_segment((20, 0), (30, 10))
        >>> grid.segment_hits((-5, 5), (15, 5), 0), grid.segment_hits((12, 0), (12, 20), 1)
        (True, False)
        >>> grid.segment_hits((20, 10), (30, 0), 0), grid.segment_hits((20, 5), (22, 20), 0)
        (True, False)
        >>> grid.add_circle(50, 50, 3)
        >>> grid.segment_hits((40, 52), (60, 52), 0), grid.segment_hits((40, 52), (50, 52), 0,
        ...                                                             own=(50, 50))
        (True, False)
        """
        box = (min(a[0], b[0]) - margin, min(a[1], b[1]) - margin, max(a[0], b[0]) + margin,
               max(a[1], b[1]) + margin)
        segment = (*a, *b)
        seen: set[int] = set()
        for key in self._keys(box):
            for item in self.cells.get(key, ()):
                if id(item) in seen:
                    continue
                seen.add(id(item))
                kind, shape = item
                if kind == "box":
                    grown = (shape[0] - margin, shape[1] - margin, shape[2] + margin,
                             shape[3] + margin)
                    if _segment_hits_box(segment, grown):
                        return True
                elif kind == "segment" and _segments_cross(segment, shape):
                    return True
                elif kind == "circle":
                    x, y, r = shape
                    if own is not None and math.hypot(x - own[0], y - own[1]) < 0.5:
                        continue
                    if _distance_to_segment((x, y), segment) < r + margin:
                        return True
        return False


def _distance_to_segment(point: tuple[float, float], segment: Sequence[float]) -> float:
    x0, y0, x1, y1 = segment
    dx, dy = x1 - x0, y1 - y0
    length = dx * dx + dy * dy
    t = 0.0 if length == 0 else max(0.0, min(1.0, ((point[0] - x0) * dx + (point[1] - y0) * dy)
                                        / length))
    return math.hypot(point[0] - (x0 + t * dx), point[1] - (y0 + t * dy))


def _segments_cross(p: Sequence[float], q: Sequence[float]) -> bool:
    """Whether two segments (x0, y0, x1, y1) cross (touching ends do not count)."""
    def side(ax: float, ay: float, bx: float, by: float, cx: float, cy: float) -> float:
        return (bx - ax) * (cy - ay) - (by - ay) * (cx - ax)

    d1 = side(q[0], q[1], q[2], q[3], p[0], p[1])
    d2 = side(q[0], q[1], q[2], q[3], p[2], p[3])
    d3 = side(p[0], p[1], p[2], p[3], q[0], q[1])
    d4 = side(p[0], p[1], p[2], p[3], q[2], q[3])
    return d1 * d2 < 0 and d3 * d4 < 0


def _segment_hits_box(segment: Sequence[float], box: Sequence[float]) -> bool:
    """Liang–Barsky: whether the segment (x0, y0, x1, y1) passes through the box's inside."""
    x0, y0, x1, y1 = segment
    dx, dy = x1 - x0, y1 - y0
    low, high = 0.0, 1.0
    for p, q in ((-dx, x0 - box[0]), (dx, box[2] - x0), (-dy, y0 - box[1]), (dy, box[3] - y0)):
        if p == 0:
            if q <= 0:
                return False
            continue
        t = q / p
        if p < 0:
            low = max(low, t)
        else:
            high = min(high, t)
        if low >= high:
            return False
    return True


def _nearest_on_box(point: tuple[float, float], box: Box) -> tuple[float, float]:
    return min(max(point[0], box[0]), box[2]), min(max(point[1], box[1]), box[3])


def place_labels(figure: Any, axes: Any, labels: Sequence[Label],
                 markers: Sequence[tuple[float, float, float]], *, leaders: bool = True,
                 margin: float = 1.5, halo: bool = False, colour: str = "#1F1F1F",
                 leader_colour: str = "#333333", leader_width: float = 0.9,
                 zorder: float = 6, avoid: Sequence[Box] = ()) -> list[int]:
    """Draw the labels that fit on ``axes``; return the indices of those placed, in order.

    Parameters
    ----------
    figure, axes
        A matplotlib figure with a canvas (text is measured with its renderer) and the axes,
        whose limits are already set.
    labels : sequence of Label
        In order of importance: the first ones get the best places.
    markers : sequence of (x, y, radius)
        Every marker in the picture, in data coordinates with the radius in points: no label
        covers one.
    leaders : bool
        Whether a label may sit further out, joined to its marker by a dotted leader line.
    margin : float
        Points kept free around every label.
    halo : bool
        A white halo around the letters (on a map) instead of a white backing box.
    colour, leader_colour, leader_width, zorder
        How labels and leader lines are drawn (a label's own ``leader_colour`` comes first).
    avoid : sequence of (x0, y0, x1, y1)
        Boxes in display units (pixels) that neither a label nor a leader line may cover, such
        as a note drawn on the picture.
    """
    from matplotlib import patheffects
    from matplotlib.collections import LineCollection

    renderer = figure.canvas.get_renderer()
    px = figure.dpi / 72  # pixels per point
    to_data = axes.transData.inverted()
    frame = axes.bbox
    limit = (frame.x0, frame.y0, frame.x1, frame.y1)
    space = margin * px
    biggest = max((label.size for label in labels), default=9.0)
    grid = Grid(cell=4 * biggest * px)
    if markers:
        centres = axes.transData.transform([(x, y) for x, y, _ in markers])
        for (cx, cy), (*_, radius) in zip(centres, markers, strict=True):
            grid.add_circle(float(cx), float(cy), radius * px)
    for box in avoid:
        grid.add_box(box)
    style: dict[str, Any] = {"ha": "center", "va": "center", "color": colour,
                             "linespacing": 1.1, "multialignment": "center",
                             "zorder": zorder, "parse_math": False, "clip_on": False}
    if halo:
        style["path_effects"] = [patheffects.withStroke(linewidth=3.5, foreground="white")]
    else:
        style["bbox"] = {"boxstyle": "round,pad=0.12", "fc": "white", "ec": "none",
                         "alpha": 0.85}
    sizes: dict[tuple[int, str, float], tuple[float, float]] = {}

    def measure(index: int, wording: str, size: float) -> tuple[float, float]:
        if (index, wording, size) not in sizes:
            label = labels[index]
            probe = axes.text(0, 0, wording, fontsize=size,
                              fontweight="bold" if label.bold else "normal", **style)
            extent = probe.get_window_extent(renderer)
            probe.remove()
            sizes[index, wording, size] = (extent.width + 2 * space, extent.height + 2 * space)
        return sizes[index, wording, size]

    spots: dict[int, tuple[str, float, Box]] = {}
    lines: list[tuple[tuple[float, float], tuple[float, float]]] = []
    line_colours: list[str] = []
    rounds = _rounds(leaders)
    for number, ways in enumerate(rounds):
        waiting = [i for i in range(len(labels)) if i not in spots]
        if leaders and number == len(rounds) - 1:
            waiting = waiting[:FAR_TRIES]
        for index in waiting:
            label = labels[index]
            px_x, px_y = axes.transData.transform((label.x, label.y))
            point = (float(px_x), float(px_y))
            radius = label.radius * px
            wordings = dict.fromkeys(t or " " for t in (label.text, label.narrow)
                                     if t is not None)
            for way in ways:
                size = label.size
                if way.smaller:
                    if label.min_size is None or label.min_size >= label.size:
                        continue
                    size = label.min_size
                spot = None
                for wording in wordings:
                    w, h = measure(index, wording, size)
                    line = size * 1.2 * px + 2 * space
                    if way.far and h < 1.5 * line:
                        continue  # a label of one line: its height is the line, tried already
                    stride = h if way.far else line
                    spot = _first_free(grid, point, radius, w, h, label, space, limit, stride,
                                       way)
                    if spot is not None:
                        break
                if spot is None:
                    continue
                step, box = spot
                inner = (box[0] + space, box[1] + space, box[2] - space, box[3] - space)
                grid.add_box(inner)
                if step:
                    start, end = _leader(point, radius, inner)
                    grid.add_segment(start, end)
                    lines.append((tuple(to_data.transform(start)), tuple(to_data.transform(end))))
                    line_colours.append(label.leader_colour or leader_colour)
                spots[index] = (wording, size, box)
                break
    for index in sorted(spots):
        label, (wording, size, box) = labels[index], spots[index]
        x, y = to_data.transform(((box[0] + box[2]) / 2, (box[1] + box[3]) / 2))
        axes.text(x, y, wording, fontsize=size,
                  fontweight="bold" if label.bold else "normal", **style)
    if lines:
        casing = [patheffects.withStroke(linewidth=leader_width + 2 * CASING,
                                         foreground="white")]
        axes.add_collection(LineCollection(lines, colors=line_colours, linewidths=leader_width,
                                           linestyles=[LEADER_DASHES], capstyle="round",
                                           zorder=zorder - 0.5, path_effects=casing))
    return sorted(spots)


class Way(NamedTuple):
    """Places to try: rings ``first`` to ``last`` around the marker, a line apart (``far``: a
    label's height apart), in ``smaller`` type (the label's ``min_size``); ``fan``: in
    :data:`FAN_DIRECTIONS` directions instead of eight."""

    first: int
    last: int
    far: bool = False
    smaller: bool = False
    fan: bool = False


def _rounds(leaders: bool) -> list[list[Way]]:
    """The rounds of places, each a list of ways tried in turn for one label.

    >>> [len(r) for r in _rounds(leaders=False)], [len(r) for r in _rounds(leaders=True)]
    ([1, 1], [1, 2, 3, 2])
    """
    if not leaders:
        return [[Way(0, 0)], [Way(0, 0, smaller=True)]]
    return [
        [Way(0, 0)],
        [Way(1, LEADER_STEPS), Way(1, LEADER_STEPS, far=True)],
        [Way(0, 0, smaller=True), Way(1, LEADER_STEPS, smaller=True),
         Way(1, LEADER_STEPS, far=True, smaller=True)],
        [Way(LEADER_STEPS + 1, FAR_STEPS, fan=True),
         Way(LEADER_STEPS + 1, FAR_STEPS, smaller=True, fan=True)],
    ]


def fan(gap: float, w: float, h: float, toward: tuple[float, float], first: int, last: int,
        stride: float, directions: int = 24) -> list[tuple[int, float, float]]:
    """Places further out than :func:`candidates`' eight directions reach: ``(step, dx, dy)``
    in ``directions`` directions, ring by ring from ``first`` to ``last`` (``gap + step *
    stride`` out to the label's nearest side or corner), the direction nearest ``toward``
    first. A leader line can pass between two markers in a direction the eight miss.

    >>> [(step, round(dx), round(dy)) for step, dx, dy in fan(5, 20, 10, (1, 0), 1, 1, 10,
    ...                                                        directions=4)]
    [(1, 25, 0), (1, 0, 20), (1, 0, -20), (1, -25, 0)]
    """
    base = math.atan2(toward[1], toward[0])
    turns = sorted(range(directions), key=lambda k: min(k, directions - k))
    places = []
    for step in range(first, last + 1):
        distance = gap + step * stride
        for k in turns:
            angle = base + 2 * math.pi * k / directions
            ux, uy = math.cos(angle), math.sin(angle)
            most = max(abs(ux), abs(uy))
            places.append((step, ux * distance + ux / most * w / 2,
                           uy * distance + uy / most * h / 2))
    return places


def _first_free(grid: Grid, point: tuple[float, float], radius: float, w: float, h: float,
                label: Label, space: float, limit: Box, stride: float,
                way: Way) -> tuple[int, Box] | None:
    """The first candidate box (grown by the margin) from ring ``way.first`` to ``way.last``
    (each ``stride`` further out) that is inside ``limit`` and free."""
    x, y = point
    gap = radius + space
    places = (fan(gap, w, h, label.toward, way.first, way.last, stride) if way.fan else
              candidates(gap, w, h, label.toward, way.last, stride))
    for step, dx, dy in places:
        if step < way.first:
            continue
        box = (x + dx - w / 2, y + dy - h / 2, x + dx + w / 2, y + dy + h / 2)
        if box[0] < limit[0] or box[1] < limit[1] or box[2] > limit[2] or box[3] > limit[3]:
            continue
        inner = (box[0] + space, box[1] + space, box[2] - space, box[3] - space)
        if grid.hits(inner, space):
            continue
        if not step:
            own = _nearest_on_box(point, inner)
            if grid.nearer_circle(inner, point, math.hypot(own[0] - x, own[1] - y) - radius):
                continue
        else:
            start, end = _leader(point, radius, inner)
            if grid.segment_hits(start, end, space / 2, own=point):
                continue
            # Even with a leader, a label right beside another marker would seem to name it.
            if grid.nearer_circle(inner, point, stride / 4):
                continue
        return step, box
    return None


def _leader(point: tuple[float, float], radius: float,
            box: Box) -> tuple[tuple[float, float], tuple[float, float]]:
    """A leader line from the marker's edge to the nearest point of the label's box."""
    end = _nearest_on_box(point, box)
    dx, dy = end[0] - point[0], end[1] - point[1]
    length = math.hypot(dx, dy) or 1.0
    return (point[0] + dx / length * radius, point[1] + dy / length * radius), end
