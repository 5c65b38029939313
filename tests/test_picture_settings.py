"""matplotlib's settings are one dict for the whole process: every picture is drawn under
network_app.drawing.settings.picture_settings, one at a time, so the app's server threads
drawing at once keep their own settings (an SVG keeps its text as <text>, not as paths)."""

from __future__ import annotations

import threading
import time

import matplotlib
import pytest
from conftest import BUNDLED

from network_app import build_graph, ego_layout, legend, load_workbook, node_styles
from network_app.drawing import settings
from network_app.drawing.netmap import partner_map
from network_app.drawing.places import map_svg
from network_app.exports import meta_for
from network_app.exports.maps import write_map
from network_app.exports.pictures import write_picture
from network_app.exports.pptx.drawing import render


@pytest.fixture(scope="module")
def lab():
    data = load_workbook(BUNDLED)
    graph = build_graph(data)
    return data, graph, partner_map(graph, node_styles(graph))


def _map(lab) -> str:
    _, _, found = lab
    svg, _ = map_svg(found.places, 640, 420, paint=found.paint(), ties=found.place_ties())
    return svg


def _deck_picture(_lab) -> bytes:
    png, _ = render(lambda figure, axes: axes.text(0.5, 0.5, "Soest"), 3, 2)
    return png


def _picture(lab, tmp_path) -> None:
    data, graph, _ = lab
    write_picture(tmp_path / "netz.png", graph, ego_layout(graph), node_styles(graph),
                  legend(graph, "de"), meta_for(data, lang="de"), fmt="png")


def _map_page(lab, tmp_path) -> None:
    data, graph, _ = lab
    write_map(tmp_path / "karte.png", graph, node_styles(graph), legend(graph, "de"),
              meta_for(data, lang="de"), fmt="png")


def test_two_threads_drawing_at_once_keep_their_own_settings(lab):
    """One thread draws the screen map (SVG, text as text) while another draws deck pictures
    with other settings, again and again: every map is the one drawn alone (its country
    names as <text>), none with its letters as paths."""
    alone = _map(lab)
    assert alone.count("<text") >= 3
    maps: list[str] = []
    stop = threading.Event()
    failures: list[BaseException] = []

    def draw_maps() -> None:
        try:
            for _ in range(6):
                maps.append(_map(lab))
        except BaseException as error:  # pragma: no cover - reported below
            failures.append(error)
        finally:
            stop.set()

    def draw_deck() -> None:
        try:
            while not stop.is_set():
                _deck_picture(lab)
        except BaseException as error:  # pragma: no cover
            failures.append(error)

    threads = [threading.Thread(target=draw_maps), threading.Thread(target=draw_deck)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(120)
    assert not failures
    assert len(maps) == 6
    for svg in maps:
        assert svg.count("<text") == alone.count("<text")
        assert svg == alone
    assert matplotlib.rcParams["svg.fonttype"] == "path"  # matplotlib's own value again


@pytest.mark.parametrize("draw", ["map_svg", "deck", "picture", "map_page"])
def test_every_picture_waits_for_the_one_being_drawn(lab, tmp_path, draw):
    """While another thread draws under picture_settings, a picture does not start."""
    action = {"map_svg": lambda: _map(lab), "deck": lambda: _deck_picture(lab),
              "picture": lambda: _picture(lab, tmp_path),
              "map_page": lambda: _map_page(lab, tmp_path)}[draw]
    holding, release = threading.Event(), threading.Event()
    finished = threading.Event()

    def hold() -> None:
        with settings.picture_settings({"svg.fonttype": "path"}):
            holding.set()
            release.wait(30)

    holder = threading.Thread(target=hold)
    holder.start()
    holding.wait(10)
    failures: list[BaseException] = []

    def draw_it() -> None:
        try:
            action()
            finished.set()
        except BaseException as error:  # pragma: no cover - reported below
            failures.append(error)

    drawer = threading.Thread(target=draw_it)
    drawer.start()
    time.sleep(0.5)
    assert not finished.is_set()
    release.set()
    holder.join(10)
    drawer.join(120)
    assert not failures
    assert finished.is_set()
