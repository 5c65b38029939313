"""The HTML page: offline, stable positions, and workbook text never becomes markup."""

from __future__ import annotations

import re

from network_app import build_graph, ego_layout, network_html, node_styles
from network_app.drawing.rendering import vis_network_js
from network_app.workbook.reading import read_sheets
from network_app.workbook.validation import validate_sheets

PAYLOAD = '<img src=x onerror=alert(1)></script><script>alert(2)</script>'


def html_for(make_xlsx, names):
    rows = [["Name", "Kategorie", "Notiz"]] + [[n, "Austausch", n] for n in names]
    data = validate_sheets(read_sheets(make_xlsx({"Partner": rows}), "xlsx"))
    graph = build_graph(data)
    return network_html(graph, ego_layout(graph), node_styles(graph), title=PAYLOAD,
                        caption=PAYLOAD)


def test_markup_in_names_stays_text(make_xlsx):
    page = html_for(make_xlsx, [PAYLOAD, "href=javascript:alert(3)"])
    assert vis_network_js() in page  # inlined: no CDN
    page = page.replace(vis_network_js(), "")
    assert "<img" not in page
    assert page.count("<script>") == 2  # vis-network and our own, nothing else
    assert "</script><script>alert" not in page
    assert "&lt;img src=x" in page  # the title, escaped


def test_page_loads_nothing_from_outside(make_xlsx):
    page = html_for(make_xlsx, ["A", "B"])
    assert not re.search(r"""(src|href)\s*=\s*["']?https?:""", page)
    assert "<link" not in page


def test_positions_are_fixed_and_physics_off(make_xlsx):
    page = html_for(make_xlsx, ["A", "B", "C"])
    assert "physics: { enabled: false }" in page
    assert page.count('"x":') == 4  # hub + three partners


def test_layout_keeps_positions_independent_of_others(make_xlsx, small_sheets):
    data = validate_sheets(read_sheets(make_xlsx(small_sheets), "xlsx"))
    graph = build_graph(data)
    first, second = ego_layout(graph), ego_layout(graph)
    assert first == second
    assert first["stadtLABOR Soest"] == (0.0, 0.0)
    assert len(set(first.values())) == graph.number_of_nodes()


def test_legend_search_and_fit_button_stand_above_the_picture(make_xlsx):
    page = html_for(make_xlsx, ["A", "B"])
    bar, legend, fit, network = (page.index(f'id="{part}"')
                                 for part in ("bar", "legend", "fit", "network"))
    assert bar < legend < fit < network  # in the page's flow, never painted over the picture
    assert '<button type="button" id="fit"' in page and ">Alles zeigen</button>" in page
    assert 'data-hint="Zum Zoomen Strg + Mausrad"' in page
    assert "var PartnernetzLabels" in page  # the label engine, inlined


def test_english_page_words(make_xlsx):
    rows = [["Name", "Kategorie"], ["A", "Austausch"]]
    graph = build_graph(validate_sheets(read_sheets(make_xlsx({"Partner": rows}), "xlsx")))
    page = network_html(graph, ego_layout(graph), node_styles(graph), lang="en", search=True)
    assert ">Show all</button>" in page
    assert 'data-hint="To zoom, use Ctrl + mouse wheel"' in page
    assert 'data-found-many="{count} matches, showing: {name}"' in page


def test_policy_names_the_hash_of_every_script_block_and_nothing_else(make_xlsx):
    """The Content-Security-Policy lists the SHA-256 of each <script> block of the page (found
    here by a regular expression, in the policy by str.find), in order."""
    import base64
    import hashlib

    page = html_for(make_xlsx, ["Öcher Lab", PAYLOAD, "</script"])
    policy = re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)">',
                       page).group(1)
    blocks = re.findall(r"<script>(.*?)</script>", page, re.DOTALL)
    assert len(blocks) == 2
    expected = " ".join(
        "&#x27;sha256-" + base64.b64encode(hashlib.sha256(b.encode()).digest()).decode()
        + "&#x27;" for b in blocks)
    assert f"script-src {expected};" in policy
