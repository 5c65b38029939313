"""The two-way network component (app_pages/network_component.py) in a real browser.

The demo app tests/apps/component_app.py shows only the component; Debian's chromium drives it
through Playwright. The component mounts in a shadow root: Playwright's CSS locators pierce it.
"""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest
from browser import FIND_INJECTED, running_app
from conftest import BUNDLED, ROOT, write_xlsx

import network_app as na

pytestmark = pytest.mark.browser
ARTIFACTS = ROOT / "test-artifacts"
APP = ROOT / "tests" / "apps" / "component_app.py"
PATH_COLOR = "#B3001B"
IMG_PAYLOAD = "<img src=x onerror=alert(1)>"
SCRIPT_PAYLOAD = "<script>alert(2)</script>"
ROOT_SELECTOR = ".pn-root[data-key='net']"


def test_chart_data_sizes_and_ranks(monkeypatch):
    """Without a browser: the label size is kept between 12 and 40 screen pixels, the ranks put
    the hub first and bigger nodes before smaller ones, and the side list is a switch."""
    monkeypatch.syspath_prepend(str(ROOT))  # the app's folder, as streamlit run has it
    from app_pages.network_component import chart_data

    graph = bundled_graph()
    positions = na.ego_layout(graph)
    styles = na.node_styles(graph)
    sizes = [chart_data(graph, positions, styles, key="k", font_size=size)["fontSize"]
             for size in (None, 8, 22, 90)]
    assert sizes == [14, 12, 22, 40]
    data = chart_data(graph, positions, styles, key="k", side_list=True)
    assert data["sideList"] is True
    assert data["graphKey"] != chart_data(graph, positions, styles, key="k")["graphKey"]
    by_rank = sorted(data["nodes"], key=lambda node: node["rank"])
    assert by_rank[0]["label"] == "stadtLABOR Soest"
    assert sorted(node["rank"] for node in data["nodes"]) == list(range(len(data["nodes"])))
    ranked_sizes = [node["size"] for node in by_rank[1:]]
    assert ranked_sizes == sorted(ranked_sizes, reverse=True)


def bundled_graph():
    return na.build_graph(na.load_workbook(BUNDLED.read_bytes(), filename=BUNDLED.name))


#: Seconds from starting the demo app's process to its health check answering.
STARTUP: dict[str, float] = {}


@pytest.fixture(scope="module")
def app_url():
    started = time.monotonic()
    with running_app(script=APP) as url:
        STARTUP["seconds"] = time.monotonic() - started
        yield url


def open_page(browser, url: str):
    """A page that records requests leaving 127.0.0.1, dialogs, errors and websocket bytes."""
    context = browser.new_context(viewport={"width": 1400, "height": 1300})
    page = context.new_page()
    page.all_requests = []
    page.outside_requests = []
    page.dialogs = []
    page.console_errors = []
    page.ws_bytes = []

    def on_request(request) -> None:
        page.all_requests.append(request.url)
        if not request.url.startswith((url, "ws://127.0.0.1", "data:", "blob:", "about:")):
            page.outside_requests.append(request.url)

    page.on("request", on_request)
    page.on("dialog", lambda d: (page.dialogs.append(d.message), d.dismiss()))
    page.on("console", lambda m: page.console_errors.append(m.text) if m.type == "error"
            else None)
    page.on("pageerror", lambda error: page.console_errors.append(str(error)))
    page.on("websocket", lambda ws: ws.on("framereceived",
                                          lambda frame: page.ws_bytes.append(len(frame))))
    page.goto(url)
    return context, page


@pytest.fixture
def page(browser, app_url):
    context, page = open_page(browser, app_url)
    yield page
    context.close()


def drawn(page, nodes: int | None = None):
    """The component's root element once the network has been drawn."""
    root = page.locator(ROOT_SELECTOR + "[data-drawn='1']")
    root.wait_for(timeout=60_000)
    if nodes is not None:
        page.locator(f"{ROOT_SELECTOR}[data-node-count='{nodes}']").wait_for(timeout=30_000)
    return page.locator(ROOT_SELECTOR)


def screenshot(page, name: str) -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / name
    page.screenshot(path=path, full_page=True)
    return path


def node_position(page, name: str) -> dict[str, float]:
    return page.evaluate("name => window.__partnernetz.nodePosition(name, 'net')", name)


def click_node(page, name: str) -> None:
    drawn(page).scroll_into_view_if_needed()
    position = node_position(page, name)
    page.mouse.click(position["x"], position["y"])


def loneliest_node(page) -> str:
    """A node inside the picture, away from the legend and from other nodes: safe to click."""
    return page.evaluate("""() => {
      const root = document.querySelector("[data-testid=stBidiComponentIsolated]")
        .shadowRoot.querySelector(".pn-root");
      const box = root.getBoundingClientRect();
      const legend = root.querySelector(".pn-legend").getBoundingClientRect();
      const state = window.__partnernetz.instances.net;
      const points = state.names.map(
        (name) => [name, window.__partnernetz.nodePosition(name, "net")]);
      let best = null, bestDistance = -1;
      for (const [name, p] of points) {
        const inside = p.x > box.left + 30 && p.x < box.right - 30 && p.y > box.top + 30
          && p.y < box.bottom - 30;
        const underLegend = p.x < legend.right + 20 && p.y < legend.bottom + 20;
        const partner = state.baseNodes[state.index.get(name)].kind === "partner";
        if (!inside || underLegend || !partner) continue;
        let nearest = Infinity;
        for (const [other, q] of points) {
          if (other !== name) nearest = Math.min(nearest, Math.hypot(p.x - q.x, p.y - q.y));
        }
        if (nearest > bestDistance) { best = name; bestDistance = nearest; }
      }
      return best;
    }""")


def choose_in_selectbox(page, label: str, option: str) -> None:
    box = page.get_by_label(label)
    box.click()
    box.fill(option)
    page.get_by_role("option", name=option, exact=True).click()


def test_network_draws_all_nodes(page):
    started = time.monotonic()
    root = drawn(page)
    seconds = time.monotonic() - started
    graph = bundled_graph()
    assert root.get_attribute("data-node-count") == str(graph.number_of_nodes())
    assert root.get_attribute("data-edge-count") == str(graph.number_of_edges())
    assert root.locator("canvas").count() == 1
    frame = root.locator(".vis-network")
    assert frame.get_attribute("tabindex") == "0"
    assert "Netzwerkbild mit 65 Knoten" in frame.get_attribute("aria-label")
    assert root.locator(".pn-legend li").all_inner_texts()[:2] == ["eigene Organisation",
                                                                  "Austausch"]
    page.wait_for_timeout(500)
    screenshot(page, "component_start.png")
    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / "component_timings.json").write_text(json.dumps({
        "app_start_to_health_s": round(STARTUP.get("seconds", float("nan")), 2),
        "page_open_to_drawn_s": round(seconds, 2),
        "performance_now_at_drawn_ms": int(root.get_attribute("data-drawn-ms")),
    }, indent=1))
    assert seconds < 20
    assert page.outside_requests == []
    assert page.dialogs == []
    assert page.console_errors == []


def test_click_sends_node_name_to_python(page):
    root = drawn(page)
    name = loneliest_node(page)
    assert name
    started = time.monotonic()
    click_node(page, name)
    page.get_by_text(f"Ausgewählt: {name}", exact=True).wait_for(timeout=5_000)
    assert time.monotonic() - started < 5
    assert root.get_attribute("data-selected") == name
    # The rerun the click caused kept the picture: same network, no second canvas.
    assert root.locator("canvas").count() == 1
    screenshot(page, "component_clicked.png")
    # The last click persists across reruns that were not caused by a click.
    page.get_by_label("Weg hervorheben (Namen mit | trennen)").fill("nichts|gar nichts")
    page.get_by_label("Weg hervorheben (Namen mit | trennen)").press("Enter")
    page.wait_for_timeout(1500)
    page.get_by_text(f"Ausgewählt: {name}", exact=True).wait_for(timeout=5_000)
    assert page.console_errors == []


def test_selectbox_focuses_and_selects_node(page):
    root = drawn(page)
    page.wait_for_timeout(300)
    first_bytes = sum(page.ws_bytes)
    page.ws_bytes.clear()
    choose_in_selectbox(page, "Knoten zeigen", "Fablab Hamm")
    page.locator(f"{ROOT_SELECTOR}[data-selected='Fablab Hamm']").wait_for(timeout=10_000)
    page.wait_for_timeout(1200)  # the focus animation takes 0.5 s
    box = root.locator(".pn-canvas").bounding_box()  # the picture, below the legend strip
    position = node_position(page, "Fablab Hamm")
    assert abs(position["x"] - (box["x"] + box["width"] / 2)) < 5
    assert abs(position["y"] - (box["y"] + box["height"] / 2)) < 5
    selected = page.evaluate("() => window.__partnernetz.instances.net.network.getSelectedNodes()")
    names = page.evaluate("() => window.__partnernetz.instances.net.names")
    assert [names[i] for i in selected] == ["Fablab Hamm"]
    assert root.locator("canvas").count() == 1
    # The ~470 KB vis-network build came with the first page only, not with this rerun.
    assert first_bytes > 400_000
    assert sum(page.ws_bytes) < 150_000
    screenshot(page, "component_focus.png")
    assert page.console_errors == []


def test_highlighted_path_is_emphasised(page):
    root = drawn(page)
    path_box = page.get_by_label("Weg hervorheben (Namen mit | trennen)")
    path_box.fill("stadtLABOR Soest|Fablab Hamm")
    path_box.press("Enter")
    page.locator(f"{ROOT_SELECTOR}[data-highlight-count='2']").wait_for(timeout=10_000)
    assert page.evaluate("() => window.__partnernetz.highlighted('net')") == [
        "stadtLABOR Soest", "Fablab Hamm"]
    looks = page.evaluate("""() => {
      const state = window.__partnernetz.instances.net;
      const hub = state.index.get("stadtLABOR Soest"), lab = state.index.get("Fablab Hamm");
      const other = state.index.get("Öcher Lab");
      const pathEdge = state.edges.get().find((e) => (e.from === hub && e.to === lab)
        || (e.from === lab && e.to === hub));
      const otherEdge = state.edges.get().find((e) => e.from === other || e.to === other);
      return { hub: state.nodes.get(hub).borderWidth, lab: state.nodes.get(lab).borderWidth,
               other: state.nodes.get(other).opacity, pathEdge: pathEdge.color.color,
               pathWidth: pathEdge.width, otherEdge: otherEdge.color.opacity };
    }""")
    assert looks["hub"] == looks["lab"] == 4
    assert looks["other"] < 0.5
    assert looks["pathEdge"] == PATH_COLOR and looks["pathWidth"] >= 5
    assert looks["otherEdge"] < 0.5
    assert "Verbindungsweg" in root.locator(".pn-legend").inner_text()
    page.wait_for_timeout(800)
    screenshot(page, "component_path.png")
    # Many reruns later the component holds as many elements as before (no growth).
    elements = "() => window.__partnernetz.instances.net.root.querySelectorAll('*').length"
    before = page.evaluate(elements)
    for target in ("Öcher Lab", "Fablab Hamm") * 3:
        path_box.fill(f"stadtLABOR Soest|{target}")
        path_box.press("Enter")
        page.wait_for_function(
            "name => window.__partnernetz.highlighted('net')[1] === name", arg=target,
            timeout=10_000)
    page.wait_for_timeout(500)
    assert page.evaluate(elements) == before
    # Clearing the path restores the plain picture, in the same network.
    path_box.fill("")
    path_box.press("Enter")
    page.locator(f"{ROOT_SELECTOR}[data-highlight-count='0']").wait_for(timeout=10_000)
    assert "Verbindungsweg" not in root.locator(".pn-legend").inner_text()
    assert root.locator("canvas").count() == 1
    assert page.console_errors == []


def test_changed_graph_rebuilds_one_network(page):
    root = drawn(page, nodes=65)
    for nodes in (64, 65, 64):
        page.get_by_text("Ohne eigene Organisation").click()
        drawn(page, nodes=nodes)
        assert root.locator("canvas").count() == 1
        assert root.locator(".vis-network").count() == 1
        assert root.locator(".vis-tooltip").count() <= 1  # made on the first hover
    assert page.evaluate("() => Object.keys(window.__partnernetz.instances)") == ["net"]
    assert page.console_errors == []


def test_keyboard_moves_the_picture_only_when_focused(page):
    drawn(page)
    view = "() => window.__partnernetz.instances.net.network.getViewPosition()"
    scale = "() => window.__partnernetz.instances.net.network.getScale()"
    start, start_scale = page.evaluate(view), page.evaluate(scale)
    path_box = page.get_by_label("Weg hervorheben (Namen mit | trennen)")
    path_box.focus()
    page.keyboard.press("ArrowLeft")  # typing in a field leaves the picture alone
    assert page.evaluate(view) == start
    page.keyboard.press("Tab")  # the next tab stop is the picture
    assert page.locator(ROOT_SELECTOR + " .vis-network:focus").count() == 1
    page.keyboard.down("ArrowRight")
    page.wait_for_timeout(300)
    page.keyboard.up("ArrowRight")
    assert page.evaluate(view)["x"] > start["x"] + 50
    page.keyboard.down("+")
    page.wait_for_timeout(300)
    page.keyboard.up("+")
    assert page.evaluate(scale) > start_scale * 1.1
    assert page.console_errors == []


@pytest.fixture
def markup_app(tmp_path, monkeypatch):
    """A second app instance on a workbook whose partner names are markup."""
    path = write_xlsx(tmp_path / "markup.xlsx", {
        "Partner": [["Name", "Kategorie", "Notiz"],
                    [IMG_PAYLOAD, "Austausch", SCRIPT_PAYLOAD],
                    [SCRIPT_PAYLOAD, "Forschung", IMG_PAYLOAD]],
        "Beziehungen": [["Von", "Nach", "Art"], [IMG_PAYLOAD, SCRIPT_PAYLOAD, IMG_PAYLOAD]],
        "Einstellungen": [["Einstellung", "Wert"], ["Titel", IMG_PAYLOAD]],
    })
    monkeypatch.setenv("PARTNERNETZ_TEST_WORKBOOK", str(path))
    with running_app(script=APP) as url:
        yield url


def test_markup_names_stay_text(browser, markup_app):
    context, page = open_page(browser, markup_app)
    try:
        root = drawn(page, nodes=3)
        # The names are drawn by the label engine on the canvas (fillText), not as markup.
        page.wait_for_function("() => window.__partnernetz.labelBoxes('net').length === 3",
                               timeout=5_000)
        labels = [box["name"] for box in page.evaluate(
            "() => window.__partnernetz.labelBoxes('net')")]
        assert IMG_PAYLOAD in labels and SCRIPT_PAYLOAD in labels
        # Hover shows the tooltip (plain text), a click sends the name back as text.
        drawn(page).scroll_into_view_if_needed()
        position = node_position(page, IMG_PAYLOAD)
        page.mouse.move(position["x"], position["y"])
        tooltip = root.locator(".vis-tooltip")
        page.wait_for_function("""() => document
          .querySelector("[data-testid=stBidiComponentIsolated]").shadowRoot
          .querySelector(".vis-tooltip")?.style.visibility === "visible" """, timeout=5_000)
        assert IMG_PAYLOAD in tooltip.inner_text()
        screenshot(page, "component_markup_tooltip.png")
        page.mouse.click(position["x"], position["y"])
        page.get_by_text(f"Ausgewählt: {IMG_PAYLOAD}", exact=True).wait_for(timeout=5_000)
        choose_in_selectbox(page, "Knoten zeigen", SCRIPT_PAYLOAD)
        page.wait_for_function(
            """name => document.querySelector("[data-testid=stBidiComponentIsolated]")
              .shadowRoot.querySelector(".pn-root").getAttribute("data-selected") === name""",
            arg=SCRIPT_PAYLOAD, timeout=10_000)
        page.wait_for_timeout(1500)
        screenshot(page, "component_markup.png")
        assert page.dialogs == []
        assert page.evaluate(FIND_INJECTED) == []
        assert not [url for url in page.all_requests if url.endswith("/x")]
        assert page.outside_requests == []
        assert page.console_errors == []
    finally:
        context.close()


def in_picture(page) -> set[str]:
    """The names of the nodes whose dot's centre is inside the picture now."""
    canvas = page.locator(ROOT_SELECTOR + " .pn-canvas canvas").bounding_box()
    return {dot["name"] for dot in page.evaluate("() => window.__partnernetz.nodeDots('net')")
            if canvas["x"] <= dot["x"] <= canvas["x"] + canvas["width"]
            and canvas["y"] <= dot["y"] <= canvas["y"] + canvas["height"]}


def test_side_list_names_exactly_the_unlabelled_in_the_picture(page):
    root = drawn(page)
    page.get_by_text("Namensliste").click()
    side = root.locator(".pn-side")
    side.wait_for(state="visible", timeout=30_000)
    page.wait_for_timeout(800)
    assert side.locator("h2").inner_text() == "Im Bild ohne Namen"
    names = set(page.evaluate("() => window.__partnernetz.instances.net.names"))
    assert in_picture(page) == names  # fitted: every node is in the picture
    labelled = {box["name"] for box in page.evaluate(
        "() => window.__partnernetz.labelBoxes('net')")}
    listed = side.locator("li").all_inner_texts()
    assert set(listed) == names - labelled
    assert labelled and listed  # the picture beside the list is narrower: some names left out
    # Zoomed in, the list follows what is drawn, and names off the picture are not in it.
    box = root.locator(".pn-canvas").bounding_box()
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    page.keyboard.down("Control")
    for _ in range(6):
        page.mouse.wheel(0, -300)
    page.keyboard.up("Control")
    page.wait_for_timeout(800)
    labelled = {box["name"] for box in page.evaluate(
        "() => window.__partnernetz.labelBoxes('net')")}
    shown = in_picture(page)
    assert shown < names  # zoomed in: some nodes left the picture
    assert set(side.locator("li").all_inner_texts()) == shown - labelled
    screenshot(page, "component_side_list.png")
    assert page.console_errors == []


def test_hover_and_side_list_cost_one_draw_each(page):
    """Hovering a node draws the picture once (vis redraws after its hover events; the label
    engine asked for a second draw), and several draws within one frame rebuild the side list
    once, on the next frame."""
    root = drawn(page)
    page.get_by_text("Namensliste").click()
    root.locator(".pn-side").wait_for(state="visible", timeout=30_000)
    page.wait_for_timeout(800)
    # a node in the picture without its name, whose dot no other dot covers
    target = page.evaluate("""() => {
      const labelled = new Set(window.__partnernetz.labelBoxes("net").map((b) => b.name));
      const dots = window.__partnernetz.nodeDots("net");
      return dots.find((d) => !labelled.has(d.name) && d.r >= 4 && dots.every(
        (o) => o === d || Math.hypot(o.x - d.x, o.y - d.y) > o.r + d.r + 2)) || null;
    }""")
    assert target, "every node in the picture is labelled"
    page.mouse.move(target["x"] - 300, target["y"] + 300)
    page.wait_for_timeout(300)
    page.evaluate("""() => {
      window.__draws = 0;
      window.__partnernetz.instances.net.network.on("afterDrawing", () => window.__draws++);
    }""")
    page.mouse.move(target["x"], target["y"])
    page.wait_for_timeout(500)
    assert page.evaluate("() => window.__draws") == 1
    # the hovered name is drawn first, so it is in the picture now
    assert target["name"] in {b["name"] for b in page.evaluate(
        "() => window.__partnernetz.labelBoxes('net')")}
    page.mouse.move(target["x"] - 300, target["y"] + 300)
    page.wait_for_timeout(500)
    rebuilds = page.evaluate("""async () => {
      const side = window.__partnernetz.instances.net.root.querySelector(".pn-side");
      let count = 0;
      const watcher = new MutationObserver((records) => {
        for (const record of records) {
          if ([...record.addedNodes].some((node) => node.nodeName === "H2")) count++;
        }
      });
      watcher.observe(side, { childList: true });
      const network = window.__partnernetz.instances.net.network;
      const start = network.getScale();
      const drawn = new Set();
      for (const factor of [0.5, 0.35, 0.25, 0.7]) {  // four draws in one task
        network.moveTo({ scale: start * factor });
        network.redraw();
        drawn.add(window.__partnernetz.labelBoxes("net").map((b) => b.name).sort().join("|"));
      }
      await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
      await new Promise((done) => setTimeout(done, 50));
      watcher.disconnect();
      return { count: count, lists: drawn.size };
    }""")
    assert rebuilds["lists"] >= 3  # the draws named different nodes ...
    assert rebuilds["count"] == 1  # ... and the list was made once, for the last of them
    labelled = {b["name"] for b in page.evaluate("() => window.__partnernetz.labelBoxes('net')")}
    listed = set(root.locator(".pn-side li").all_inner_texts())
    assert listed == in_picture(page) - labelled
    assert page.console_errors == []
