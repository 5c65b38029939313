"""No script anywhere (#13 item 3): the payload corpus (tests/payloads.py) in every field, on
every surface of the app in Chromium and in every export the app offers.

What each test holds: no dialog opens, no script from the workbook runs (``top.__pwned`` stays
undefined), no request leaves 127.0.0.1 and none goes to the payloads' leak address, no markup
is made from a cell (no ``<img src=x>``, no ``<script>`` with ``alert(``), and the text is shown
as written where it is shown. The HTML exports carry a Content-Security-Policy; a test puts the
payloads into such a page unescaped (as a hole would) and sees the policy stop them.

One app for the module, on a workspace of its own whose current workbook is the payload
workbook (an earlier version of it too, for the comparison of versions).
"""

from __future__ import annotations

import base64
import csv
import hashlib
import io
import os
import re
import sys
import threading
import zipfile
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from types import SimpleNamespace
from xml.etree import ElementTree

import openpyxl
import pytest
from browser import running_app
from payloads import HUB, PLACED, PWNED, as_read, payloads, write_payload_workbook

import network_app as na
from network_app.workspace.store import Workspace

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:  # the app's own export function (app_pages.exporting)
    sys.path.insert(0, str(ROOT))

SHOTS = Path(os.environ.get("NETWORK_APP_SHOTS", "/tmp/h/shots/D2"))
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def shot(page, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=SHOTS / name, full_page=True)


class _Leak(BaseHTTPRequestHandler):
    """The payloads' leak address: records every request that reached it."""

    hits: list[str] = []

    def do_GET(self) -> None:  # noqa: N802 (the handler's name is http.server's)
        self.hits.append(self.path)
        self.send_response(204)
        self.end_headers()

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    folder = tmp_path_factory.mktemp("payloads")
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Leak)
    port = server.server_address[1]
    threading.Thread(target=server.serve_forever, daemon=True).start()
    path = write_payload_workbook(folder / "nutzlast.xlsx", port)
    data = na.load_workbook(path)
    found = payloads(port)
    yield SimpleNamespace(folder=folder, port=port, path=path, data=data, payloads=found,
                          names=[as_read(text) for text in found.values()],
                          leak=f"127.0.0.1:{port}", hits=_Leak.hits)
    server.shutdown()
    server.server_close()


def test_loader_keeps_every_payload_as_text(corpus):
    assert set(corpus.data.partners["name"]) == set(corpus.names)
    assert corpus.data.own_organisation == HUB
    assert max(map(len, corpus.names)) == 10_000
    # what only hides or turns text around is gone; joiners stay
    assert "Stadtexe.txt Amt" in corpus.names and "Nullbreite\u200dZeichen" in corpus.names
    text = "".join(corpus.data.partners["name"]) + "".join(corpus.data.relations["kind"])
    assert not re.search("[\ufeff\u200b\u202a-\u202e\u2066-\u2069]", text)


# --------------------------------------------------------------------------- exports


@pytest.fixture(scope="module")
def exported(corpus):
    """Every export the app offers, built by the app's own function (the Netzwerk page's
    "Exportieren" on the whole network), as bytes by format."""
    from app_pages.exporting import ORDER, export_bytes

    data = corpus.data
    graph = na.build_graph(data)
    positions = na.stable_positions(data)
    styles = na.node_styles(graph)
    legend = na.legend(graph)
    files = {fmt: export_bytes(fmt, data, graph, positions, styles, legend) for fmt in ORDER}
    for fmt, content in files.items():
        (corpus.folder / f"export.{fmt}").write_bytes(content)
    return files


def _formula_like(text: str) -> bool:
    return text[:1] in FORMULA_STARTS and not re.fullmatch(r"-?\d+([.,]\d+)?", text)


def test_xlsx_export_has_no_formula_and_no_unescaped_formula_start(exported):
    book = openpyxl.load_workbook(io.BytesIO(exported["xlsx"]))
    cells = [cell for sheet in book for row in sheet.iter_rows() for cell in row]
    assert [c.coordinate for c in cells if c.data_type == "f"] == []
    risky = [f"{c.parent.title}!{c.coordinate}" for c in cells
             if isinstance(c.value, str) and _formula_like(c.value) and not c.quotePrefix]
    assert risky == []
    values = {c.value for c in cells if isinstance(c.value, str)}
    assert {'=HYPERLINK("http://127.0.0.1', "+1+1", "@SUM(1+1)"} <= {v[:28] for v in values}
    # no link in the workbook goes anywhere the workbook's text says
    links = [c.hyperlink.target for c in cells if c.hyperlink is not None]
    assert not [link for link in links if link and not link.startswith("#")]


def test_csv_export_cells_never_start_a_formula(exported, corpus):
    with zipfile.ZipFile(io.BytesIO(exported["csv"])) as archive:
        for member in archive.namelist():
            text = archive.read(member).decode("utf-8-sig")
            cells = [cell for row in csv.reader(io.StringIO(text, newline=""), delimiter=";")
                     for cell in row]
            assert [c for c in cells if _formula_like(c)] == [], member
            if "Knoten" in member or "nodes" in member.lower() or member == archive.namelist()[0]:
                assert any(c == "'" + corpus.payloads["hyperlink"] for c in cells), member


def test_pptx_export_shows_the_text_and_links_nowhere(exported, corpus):
    from pptx import Presentation

    deck = Presentation(io.BytesIO(exported["pptx"]))
    texts, links = [], []
    for slide in deck.slides:
        for shape in slide.shapes:
            if shape.has_text_frame:
                for paragraph in shape.text_frame.paragraphs:
                    texts.append(paragraph.text)
                    links += [run.hyperlink.address for run in paragraph.runs
                              if run.hyperlink.address]
            if getattr(shape, "click_action", None) and shape.click_action.hyperlink.address:
                links.append(shape.click_action.hyperlink.address)
    everything = "\n".join(texts)
    assert "</script><script>alert(4)" in everything  # the title, as written
    assert links == []
    package = zipfile.ZipFile(io.BytesIO(exported["pptx"]))
    rels = "".join(package.read(n).decode() for n in package.namelist() if n.endswith(".rels"))
    assert "javascript:" not in rels.lower() and corpus.leak not in rels
    assert 'TargetMode="External"' not in rels


def _nothing_active(svg: bytes, leak: str) -> ElementTree.Element:
    root = ElementTree.fromstring(svg)
    tags = {element.tag.rsplit("}", 1)[-1] for element in root.iter()}
    assert not tags & {"script", "foreignObject", "iframe", "a", "image"}
    for element in root.iter():
        for name, value in element.attrib.items():
            local = name.rsplit("}", 1)[-1].lower()
            assert not local.startswith("on"), (element.tag, name)
            if local == "href":
                assert value.startswith("#"), value
            assert "javascript:" not in value.lower() and leak not in value
    return root


def test_pdf_export_shows_the_text_as_written(exported, corpus):
    """The picture as PDF: names drawn as text (no maths from "$x^2$"), U+FEFF no longer in
    the way of matplotlib's PDF writer (the export failed on it)."""
    import subprocess

    from conftest import require_tool

    pdftotext = require_tool("pdftotext")
    text = subprocess.run([pdftotext, str(corpus.folder / "export.pdf"), "-"], check=True,
                          capture_output=True, text=True, timeout=60).stdout
    flat = " ".join(text.split())
    assert "</script><script>alert(4)" in flat  # the title
    assert "$x^2$" in flat and "<svg onload=alert(2)>" in flat


def test_svg_export_has_nothing_active(exported, corpus):
    _nothing_active(exported["svg"], corpus.leak)


@pytest.mark.parametrize("which", ["map", "reach"])
def test_map_and_reach_downloads(corpus, which, tmp_path):
    """The Karte's and the Reichweite's pictures (their pages' download buttons)."""
    from network_app.exports import meta_for
    from network_app.exports.maps import write_map
    from network_app.exports.reach import write_reach

    data = corpus.data
    graph = na.build_graph(data)
    meta = meta_for(data)
    for fmt in ("svg", "pdf", "png"):
        path = tmp_path / f"{which}.{fmt}"
        if which == "map":
            write_map(path, graph, na.node_styles(graph), na.legend(graph), meta, fmt=fmt)
        else:
            write_reach(path, graph, meta, fmt=fmt)
        assert path.stat().st_size > 1000
    root = _nothing_active((tmp_path / f"{which}.svg").read_bytes(), corpus.leak)
    text = " ".join("".join(element.itertext()) for element in root.iter()
                    if element.tag.endswith("}text"))
    assert "</script><script>alert(4)" in text  # the title, as written


def test_graph_formats_keep_the_text_exactly(exported, corpus):
    """GEXF, GraphML and JSON are data for other programs: every name as the reader kept it,
    markup escaped by the XML writer (no element made from a cell)."""
    import json

    import networkx as nx

    names = set(corpus.names) | {HUB}
    for fmt, read in (("gexf", nx.read_gexf), ("graphml", nx.read_graphml)):
        path = corpus.folder / f"export.{fmt}"
        graph = read(path)
        labels = {attrs.get("label", node) for node, attrs in graph.nodes(data=True)}
        assert set(corpus.names) <= labels | set(graph.nodes), fmt
        root = ElementTree.parse(path).getroot()
        tags = {element.tag.rsplit("}", 1)[-1] for element in root.iter()}
        assert not tags & {"script", "img", "svg", "iframe", "a"}, fmt
    link = json.loads(exported["json"].decode("utf-8"))
    assert set(corpus.names) <= {node["id"] for node in link["nodes"]} <= names


def _script_hashes(page: str) -> list[str]:
    return ["'sha256-" + base64.b64encode(hashlib.sha256(block.encode()).digest()).decode() + "'"
            for block in re.findall(r"<script>(.*?)</script>", page, re.DOTALL)]


def _overview_html(corpus) -> str:
    from network_app.exports import meta_for
    from network_app.exports.html_overview import overview_page

    graph = na.build_graph(corpus.data)
    return overview_page(graph, na.stable_positions(corpus.data), na.node_styles(graph),
                         meta_for(corpus.data))


def test_html_pages_carry_a_policy_that_allows_only_their_own_scripts(exported, corpus):
    for page in (exported["html"].decode("utf-8"), _overview_html(corpus)):
        found = re.findall(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)">',
                           page)
        assert len(found) == 1
        assert page.index(found[0]) < page.index("<script>")
        policy = dict(part.split(" ", 1) for part in found[0].replace("&#x27;", "'")
                      .split("; "))
        assert policy["default-src"] == "'none'"
        assert policy["script-src"].split() == _script_hashes(page)
        assert len(_script_hashes(page)) == 2
        assert policy["connect-src"] == "'none'" and policy["form-action"] == "'none'"
        assert policy["img-src"] == "data: blob:" and policy["base-uri"] == "'none'"
        assert "unsafe" not in policy["script-src"] and "http" not in found[0]


# --------------------------------------------------------------------------- in Chromium


#: Every element of the page (shadow roots included) that a payload could have made: an
#: attribute holding a handler from a payload or a javascript: link, a picture, frame or
#: style sheet pointing at the leak address, a script that is a payload's.
FIND_ACTIVE = """(leak) => {
  const URL_ATTRIBUTES = ["src", "href", "xlink:href", "srcset", "data", "action",
                          "formaction", "poster", "background"];
  const found = [];
  const walk = (node) => {
    for (const el of node.querySelectorAll("*")) {
      const tag = el.tagName.toLowerCase();
      // An address written out may become a link to itself (GitHub's autolinks in Streamlit's
      // Markdown): it fetches nothing and says where it leads. Any other link is markup.
      let honest = false;
      try {
        honest = tag === "a" && new URL(el.textContent.trim()).href === el.href;
      } catch (error) {}
      for (const attr of el.attributes) {
        if (honest && attr.name === "href") continue;
        const name = attr.name.toLowerCase(), value = attr.value.toLowerCase();
        if ((name.startsWith("on") && /alert|pwned/.test(value))
            || value.startsWith("javascript:") || value.startsWith("vbscript:")
            || (URL_ATTRIBUTES.includes(name) && value.includes(leak))
            || (name === "style" && value.includes("url(") && value.includes(leak)))
          found.push(el.outerHTML.slice(0, 200));
      }
      if (tag === "img" && el.getAttribute("src") === "x") found.push(el.outerHTML);
      if (tag === "script" && /^\\s*(alert\\(|top\\.__pwned)/.test(el.textContent))
        found.push(el.outerHTML.slice(0, 200));
      if (el.shadowRoot) walk(el.shadowRoot);
    }
  };
  walk(document);
  return found;
}"""


class Watch:
    """What a browser context did that it must not: dialogs, requests outside ``allowed``,
    errors of its scripts, and policy violations (the page reports them on ``window``)."""

    def __init__(self, context, allowed: tuple[str, ...], corpus: SimpleNamespace):
        self.dialogs: list[str] = []
        self.requests: list = []
        self.errors: list[str] = []
        self.allowed, self.leak, self.hits = allowed, corpus.leak, corpus.hits
        context.on("request", lambda request: self.requests.append(request))

    def _sent(self) -> list[str]:
        # a request the page's policy stopped never left (Playwright reports it all the same)
        return [r.url for r in self.requests if r.failure not in ("csp", "net::ERR_BLOCKED_BY_CSP")]

    @property
    def outside(self) -> list[str]:
        return [url for url in self._sent() if not url.startswith(self.allowed)]

    @property
    def leaks(self) -> list[str]:
        return [url for url in self._sent() if self.leak in url]

    def page(self, context):
        page = context.new_page()
        page.on("dialog", lambda d: (self.dialogs.append(d.message), d.dismiss()))
        page.on("pageerror", lambda e: self.errors.append(str(e)))
        return page

    def clean(self, page) -> None:
        """The checks every surface must pass."""
        assert self.dialogs == []
        assert self.leaks == [] and self.outside == []
        assert self.hits == []  # nothing reached the leak address
        for frame in page.frames:
            try:
                pwned = frame.evaluate(f"() => typeof top.{PWNED} + typeof window.{PWNED}")
            except Exception:  # a frame that went away while being asked
                continue
            assert pwned == "undefinedundefined", frame.url
            assert frame.evaluate(FIND_ACTIVE, self.leak) == [], frame.url


def _hover_tooltip(page, point) -> str:
    page.mouse.move(point["x"], point["y"])
    tooltip = page.locator("div.vis-tooltip")
    page.wait_for_function("() => { const t = document.querySelector('div.vis-tooltip');"
                           " return t && t.style.visibility === 'visible'; }", timeout=5_000)
    return tooltip.inner_text()


@pytest.mark.browser
def test_html_export_in_chromium(browser, exported, corpus):
    path = corpus.folder / "export.html"
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    watch = Watch(context, ("file:", "data:", "blob:", "about:"), corpus)
    page = watch.page(context)
    try:
        page.add_init_script("window.__violations = [];document.addEventListener("
                             "'securitypolicyviolation', e => window.__violations.push("
                             "e.violatedDirective));")
        page.goto(path.as_uri())
        page.locator("body[data-drawn='1'] canvas").wait_for(timeout=30_000)
        # the title and the source as written
        title = corpus.data.settings["title"]
        assert page.locator("h1").inner_text().startswith(title)
        assert corpus.payloads["attribute_break"] in page.locator("#export-head p").inner_text()
        assert page.title() == title or page.title().startswith(title[:20])
        # every name is found by the search and selected, as written
        for name in corpus.names:
            page.fill("#search-input", name)
            page.press("#search-input", "Enter")
            selected = page.evaluate(
                "() => network.getSelectedNodes().map(id => graphData.nodes[id].label)")
            assert selected == [name], name[:40]
        # tooltips show the text as written
        for key in ("img", "markdown_image", "right_to_left", "long"):
            name = as_read(corpus.payloads[key])
            page.fill("#search-input", name)
            page.press("#search-input", "Enter")
            page.wait_for_timeout(700)  # the search's animation
            point = page.evaluate("(n) => { const id = graphData.nodes.findIndex(d => d.label"
                                  " === n); return network.canvasToDOM(network.getPosition("
                                  "id)); }", name)
            box = page.locator("#network").bounding_box()
            text = _hover_tooltip(page, {"x": box["x"] + point["x"],
                                         "y": box["y"] + point["y"]})
            assert text.splitlines()[0].startswith(name[:200])
            # on screen, whatever the name's length
            tip = page.locator("div.vis-tooltip").bounding_box()
            assert tip["y"] >= 0 and tip["y"] + tip["height"] <= 900, (key, tip)
            assert tip["x"] >= 0 and tip["x"] + tip["width"] <= 1400, (key, tip)
            page.mouse.move(2, 2)
        page.click("#fit")
        page.wait_for_timeout(600)
        shot(page, "html_export.png")
        watch.clean(page)
        assert page.evaluate("() => window.__violations") == []
        assert watch.errors == []
    finally:
        context.close()


@pytest.mark.browser
def test_overview_export_in_chromium(browser, corpus, tmp_path):
    path = tmp_path / "overview.html"
    path.write_text(_overview_html(corpus), encoding="utf-8")
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    watch = Watch(context, ("file:", "data:", "blob:", "about:"), corpus)
    page = watch.page(context)
    try:
        page.goto(path.as_uri())
        page.locator("#network canvas").wait_for(timeout=30_000)
        groups = page.evaluate("() => overviewData.groups.map(g => g.label)")
        options = page.locator("#group-select option").all_inner_texts()
        assert set(groups) <= set(options)
        page.select_option("#group-select", index=1)
        page.wait_for_timeout(500)
        for name in corpus.names:
            page.fill("#search-input", name)
            page.press("#search-input", "Enter")
            page.wait_for_function("(n) => window.__overview.shown().selected[0] === n",
                                   arg=name, timeout=10_000)
        names = page.evaluate(
            "() => [...document.querySelectorAll('#search-names option')].map(o => o.value)")
        assert set(corpus.names) <= set(names)
        watch.clean(page)
        assert watch.errors == []
    finally:
        context.close()


@pytest.mark.browser
def test_svg_export_in_chromium(browser, exported, corpus):
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    watch = Watch(context, ("file:", "data:", "blob:", "about:"), corpus)
    page = watch.page(context)
    try:
        page.goto((corpus.folder / "export.svg").as_uri())
        page.wait_for_timeout(500)
        text = page.evaluate("() => document.documentElement.textContent")
        assert corpus.payloads["svg"] in text or "svg onload" in text
        watch.clean(page)
    finally:
        context.close()


#: The payloads put into the exported page as a hole would: unescaped, in the body.
RAW = ('<img src=x onerror="top.__pwned=1,alert(1)">'
       '<svg onload="top.__pwned=2"></svg>'
       '<script>top.__pwned=3</script>'
       '<img src="{leak}/img">'
       '<iframe src="{leak}/frame"></iframe>'
       '<link rel="stylesheet" href="{leak}/css">')


@pytest.mark.browser
def test_policy_stops_markup_slipped_into_the_page(browser, exported, corpus):
    """As if a cell had reached the page unescaped: the policy stops its script, its handlers
    and its requests, and the page still draws and finds."""
    leak = f"http://{corpus.leak}/leak"
    page_text = exported["html"].decode("utf-8")
    holed = page_text.replace('<div id="caption">', RAW.format(leak=leak)
                              + '<div id="caption">', 1)
    served = "http://127.0.0.1:9/export.html"  # answered by the route below
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    watch = Watch(context, (served, "data:", "blob:", "about:"), corpus)
    page = watch.page(context)
    console: list[str] = []
    page.on("console", lambda m: console.append(m.text))
    context.route(served, lambda route: route.fulfill(
        status=200, content_type="text/html; charset=utf-8", body=holed))
    try:
        page.add_init_script("window.__violations = [];document.addEventListener("
                             "'securitypolicyviolation', e => window.__violations.push("
                             "e.violatedDirective));")
        page.goto(served)
        page.locator("body[data-drawn='1'] canvas").wait_for(timeout=30_000)
        # markup injected later (as a script of the page might) is stopped too
        page.evaluate("() => document.body.insertAdjacentHTML('beforeend', "
                      "'<img src=x onerror=\"top.__pwned=4\">')")
        page.wait_for_timeout(800)
        violations = page.evaluate("() => window.__violations")
        assert {"script-src-elem", "script-src-attr", "img-src", "frame-src", "style-src-elem"
                } <= set(violations), violations
        assert page.evaluate("() => typeof top.__pwned") == "undefined"
        assert watch.dialogs == [] and watch.leaks == [] and corpus.hits == []
        assert any("Content Security Policy" in line for line in console)
        # the page's own scripts still run
        page.fill("#search-input", corpus.payloads["svg"])
        page.press("#search-input", "Enter")
        assert page.evaluate("() => network.getSelectedNodes().length") == 1
    finally:
        context.close()


# --------------------------------------------------------------------------- the app


@pytest.fixture(scope="module")
def app(corpus, tmp_path_factory):
    """The app on a workspace whose current workbook is the payload workbook; the version
    before it lacks two partners and has other notes (for the comparison)."""
    folder = tmp_path_factory.mktemp("workspace") / "workspace"
    space = Workspace(folder)
    earlier = openpyxl.load_workbook(corpus.path)
    sheet = earlier["Partner"]
    sheet.delete_rows(sheet.max_row - 1, 2)
    for row in range(2, sheet.max_row + 1):
        sheet.cell(row, 9).value = corpus.payloads["markdown_specials"]
        sheet.cell(row, 9).data_type = "s"
    buffer = io.BytesIO()
    earlier.save(buffer)
    space.replace(buffer.getvalue(), "nutzlast.xlsx", reason="upload",
                  note=corpus.payloads["img"], who=corpus.payloads["markdown_link"])
    space.replace(corpus.path.read_bytes(), "nutzlast.xlsx", reason="upload",
                  note=corpus.payloads["markdown_image"], who=corpus.payloads["script"])
    before = os.environ.get("PARTNERNETZ_WORKSPACE")
    os.environ["PARTNERNETZ_WORKSPACE"] = str(folder)
    try:
        with running_app() as url:
            yield SimpleNamespace(url=url, space=space)
    finally:
        if before is None:
            os.environ.pop("PARTNERNETZ_WORKSPACE", None)
        else:
            os.environ["PARTNERNETZ_WORKSPACE"] = before


@pytest.fixture
def app_page(browser, app, corpus):
    context = browser.new_context(viewport={"width": 1500, "height": 1700})
    watch = Watch(context, (app.url, "data:", "blob:", "about:"), corpus)
    page = watch.page(context)
    page.watch = watch
    yield page
    context.close()


def goto(page, link: str, marker: str) -> None:
    page.get_by_role("link", name=link, exact=True).click()
    page.get_by_text(marker).first.wait_for(state="attached", timeout=60_000)
    page.wait_for_timeout(1500)


def settle(page, ms: int = 1200) -> None:
    page.wait_for_timeout(ms)


def drawn_pages(page) -> int:
    """How many frames hold a page of network_html, each checked: it carries the policy and
    its scripts drew the picture."""
    count = 0
    for frame in page.frames:
        try:
            found = frame.evaluate("() => !!document.getElementById('network')")
        except Exception:
            continue
        if not found:
            continue
        count += 1
        frame.locator("body[data-drawn='1'] canvas").wait_for(timeout=30_000)
        policy = frame.evaluate("() => document.querySelector("
                                "'meta[http-equiv=\"Content-Security-Policy\"]').content")
        assert policy.startswith("default-src 'none'; script-src 'sha256-")
    return count


def network_drawn(page, key: str = "explore"):
    page.locator(f".pn-root[data-key='{key}'][data-drawn='1']").wait_for(timeout=90_000)


@pytest.mark.browser
def test_app_network_and_partner_pages(app_page, app, corpus, tmp_path):
    page = app_page
    page.goto(app.url)
    network_drawn(page)
    watch = page.watch
    names = page.evaluate("() => window.__partnernetz.instances.explore.names")
    assert set(corpus.names) <= set(names)
    # the names drawn on the picture are the names as written (cut with "…" when too long)
    drawn = page.evaluate("() => window.__partnernetz.labelBoxes('explore').map(b => b.name)")
    assert len(drawn) >= 10 and set(drawn) <= set(names) | {HUB}
    # tooltips: the hub and three payloads, by hovering their dots
    for name in (HUB, corpus.payloads["svg"], corpus.payloads["markdown_image"]):
        point = page.evaluate("([n, k]) => window.__partnernetz.nodePosition(n, k)",
                              [name, "explore"])
        page.mouse.move(point["x"], point["y"])
        tooltip = page.locator("div.vis-tooltip")
        tooltip.first.wait_for(state="visible", timeout=10_000)
        assert tooltip.first.inner_text().splitlines()[0] == name
        page.mouse.move(5, 5)
        settle(page, 300)
    # the search box finds a payload by its text
    page.get_by_label("Partner suchen").click()
    page.keyboard.type("onload")
    option = page.get_by_role("option", name=corpus.payloads["svg"])
    option.wait_for(timeout=10_000)
    option.click()
    page.wait_for_function(
        "(n) => window.__partnernetz.instances.explore.root.getAttribute('data-selected') "
        "=== n", arg=corpus.payloads["svg"], timeout=30_000)
    settle(page, 1500)
    shot(page, "netzwerk.png")
    watch.clean(page)
    # the filters (types and places are payloads) and the view with the activities
    page.get_by_role("button", name="Filter").click()
    settle(page, 1000)
    types = page.locator("[data-testid='stMultiSelect']").filter(has_text="Typ").first
    types.locator("input").click()
    page.get_by_role("option").first.wait_for(timeout=10_000)
    shot(page, "netzwerk_filter.png")
    watch.clean(page)
    page.keyboard.press("Escape")
    page.get_by_text("Partner und Aktivitäten").click()
    page.wait_for_function(
        "(n) => window.__partnernetz.instances.explore.names.includes(n)",
        arg=corpus.payloads["script"], timeout=30_000)  # an activity's name
    settle(page, 1000)
    watch.clean(page)
    page.get_by_text("Mit uns in der Mitte").click()
    network_drawn(page)
    # the page's own export (HTML), downloaded and opened in the same browser
    page.get_by_text("Exportieren", exact=True).click()
    settle(page, 800)  # the expander opens
    chooser = page.locator("[data-testid='stSelectbox']").filter(has_text="Format").first
    chooser.click()
    page.get_by_role("option", name="Interaktive Seite (HTML)").click()
    page.get_by_role("button", name="Export erstellen").click()
    with page.expect_download(timeout=60_000) as download:
        page.get_by_role("button", name="Herunterladen: Partnernetz.html").click()
    exported = page.context.new_page()
    exported.on("dialog", lambda d: (watch.dialogs.append(d.message), d.dismiss()))
    saved = tmp_path / download.value.suggested_filename
    download.value.save_as(saved)
    exported.goto(saved.as_uri())
    exported.locator("body[data-drawn='1'] canvas").wait_for(timeout=30_000)
    assert exported.locator("meta[http-equiv='Content-Security-Policy']").count() == 1
    assert set(corpus.names) <= set(exported.evaluate(
        "() => graphData.nodes.map(node => node.label)"))
    watch.allowed += ("file:",)
    watch.clean(exported)
    exported.close()
    # Partner: card, neighbours, programmes, a path between two payloads
    goto(page, "Partner", "Direkt verbunden mit")
    page.get_by_label("Partner auswählen").click()
    page.get_by_role("option", name=corpus.payloads["markdown_image"]).click()
    page.get_by_role("heading", name=corpus.payloads["markdown_image"]).wait_for(
        timeout=30_000)
    page.locator("label").filter(has_text="Verbindung von").first.wait_for()
    target = page.locator("[data-testid='stSelectbox']").filter(has_text="Verbindung von")
    target.locator("input").click()
    page.get_by_role("option", name=corpus.payloads["long"]).click()
    settle(page, 2500)
    shot(page, "partner.png")
    text = page.locator("section.main, [data-testid='stMain']").first.inner_text()
    assert "bild](http://127.0.0.1" in text
    watch.clean(page)


@pytest.mark.browser
def test_app_data_analysis_and_presentation_pages(app_page, app, corpus):
    page = app_page
    page.goto(app.url)
    network_drawn(page)
    watch = page.watch
    goto(page, "Daten", "Was ist zu tun?")
    for tab in page.get_by_role("tab").all():
        tab.click()
        settle(page, 700)
        if tab.inner_text() == "Prüfbericht":
            shot(page, "daten_pruefbericht.png")
    watch.clean(page)
    goto(page, "Analyse", "Rangliste nach")
    for tab in page.get_by_role("tab").all():
        tab.click()
        settle(page, 1200)
    shot(page, "analyse.png")
    watch.clean(page)
    # the two years' pictures (Zeitverlauf) are exported pages in frames: drawn under their
    # Content-Security-Policy
    assert drawn_pages(page) == 2
    goto(page, "Präsentation", "Ansicht 1 von")
    total = int(page.get_by_text("Ansicht 1 von").inner_text().split()[-1])
    for n in range(2, total + 1):
        page.locator("body").press("ArrowRight")
        page.get_by_text(f"Ansicht {n} von {total}").wait_for(timeout=30_000)
        settle(page, 800)
        if n == 2:
            shot(page, "praesentation.png")
        watch.clean(page)
    shot(page, "praesentation_last.png")


@pytest.mark.browser
def test_app_edit_and_workspace_pages(app_page, app, corpus, tmp_path):
    page = app_page
    page.goto(app.url)
    network_drawn(page)
    watch = page.watch
    goto(page, "Bearbeiten", "Partner")
    for tab in page.get_by_role("tab").all():
        tab.click()
        settle(page, 700)
    shot(page, "bearbeiten.png")
    watch.clean(page)
    # the form for a new partner: a payload as name, website and note
    new = f"![neu](http://{corpus.leak}/leak/new.png) <img src=x onerror=alert(21)> :red[neu]"
    page.get_by_role("tab", name="Neuer Partner").click()
    form = page.locator("[data-testid='stForm']").first
    form.get_by_label("Name", exact=True).fill(new)
    form.get_by_label("Website", exact=True).fill("javascript:alert(22)")
    form.get_by_label("Notiz", exact=True).fill(corpus.payloads["markdown_link"])
    form.get_by_role("button", name="Partner hinzufügen").click()
    page.get_by_text("Noch nicht gespeichert").first.wait_for(timeout=30_000)
    page.get_by_text(new).first.wait_for(timeout=30_000)  # the step, as written
    settle(page, 1000)
    shot(page, "bearbeiten_neu.png")
    watch.clean(page)
    goto(page, "Arbeitsstand", "Versionen")
    # the versions' notes, in a table (a canvas; its cells are also in the page, hidden)
    page.get_by_text(corpus.payloads["markdown_image"]).first.wait_for(state="attached",
                                                                       timeout=30_000)
    settle(page, 2000)
    shot(page, "arbeitsstand.png")
    watch.clean(page)
    page.get_by_text("Beide Netze nebeneinander zeigen").click()
    page.locator("iframe").nth(1).wait_for(timeout=30_000)
    settle(page, 2000)
    assert drawn_pages(page) == 2  # the two versions compared, drawn under the policy
    watch.clean(page)
    # an upload whose file name is a payload: the preview against the current workbook
    newer = openpyxl.load_workbook(corpus.path)
    newer["Partner"].append([corpus.payloads["template"] + " neu", "Austausch"])
    upload = tmp_path / "<img src=x onerror=alert(9)> [a](javascript:x).xlsx"
    newer.save(upload)
    page.locator("input[type=file]").set_input_files(str(upload))
    page.get_by_text("Die hochgeladene Datei").first.wait_for(timeout=60_000)
    settle(page, 2000)
    shot(page, "arbeitsstand_upload.png")
    assert page.get_by_text("<img src=x onerror=alert(9)>").count() >= 1
    watch.clean(page)


@pytest.mark.browser
def test_app_map_and_reach_pages(app_page, app, corpus):
    page = app_page
    page.goto(app.url)
    network_drawn(page)
    watch = page.watch
    goto(page, "Karte", "Wo die Partner sind")
    network_drawn(page, "karte")
    # a partner without a place, searched: the sentence names it as written
    name = corpus.payloads["markdown_image"]
    search = page.locator("[data-testid='stSelectbox']").filter(has_text="Partner suchen")
    search.locator("input").click()
    page.keyboard.type("bild")
    page.get_by_role("option", name=name).click()
    page.get_by_text(f"»{name}« hat keinen Ort").wait_for(timeout=30_000)
    watch.clean(page)
    # a place of two partners clicked: a button for each, its words as written
    spots = page.evaluate("() => window.__partnernetz.instances.karte.names")
    point = page.evaluate("([n, k]) => window.__partnernetz.nodePosition(n, k)",
                          [spots[0], "karte"])
    page.mouse.click(point["x"], point["y"])
    place = page.locator(".st-key-karte_place")
    place.wait_for(timeout=30_000)
    settle(page, 1000)
    buttons = sorted(place.get_by_role("button").all_inner_texts())
    placed = {corpus.payloads[key] for key in PLACED}
    assert len(buttons) == 2 and set(buttons) <= placed, buttons
    shot(page, "karte.png")
    watch.clean(page)
    goto(page, "Reichweite", "Wie weit unser Netz reicht")
    settle(page, 2500)
    shot(page, "reichweite.png")
    watch.clean(page)


@pytest.mark.browser
def test_app_unreadable_file_is_named_as_written(app_page, app, tmp_path):
    """A refusal quotes the file (here a sheet's name): the sentence shows it as written."""
    sheet_name = "$x^2$ __fett__ ~~weg~~ <b>x `c`"  # Excel allows no * [ ] / : ?
    book = openpyxl.Workbook()
    book.active.title = sheet_name
    book.active.cell(row=1, column=5_001, value="zu breit")
    path = tmp_path / "breit.xlsx"
    book.save(path)
    page = app_page
    page.goto(app.url)
    network_drawn(page)
    page.locator("input[type=file]").set_input_files(str(path))
    page.get_by_text(f"»{sheet_name}«").first.wait_for(timeout=60_000)
    page.watch.clean(page)
