"""Start-up: each command of ``network-app`` loads only the libraries it needs.

The public names of ``network_app`` (and the writers of ``network_app.exports``) are imported on
first use (PEP 562), and the CLI imports a command's modules where the command runs; a
forgotten top-level import would bring matplotlib (0.3 s), python-pptx or openpyxl back into
every command's start. Each case runs in a fresh interpreter on the bundled workbook.
"""

from __future__ import annotations

import ast
import json
import subprocess
import sys

import pytest
from conftest import BUNDLED, ROOT

import network_app

#: Libraries only some commands need: the still pictures, the deck, writing workbooks.
HEAVY = ("matplotlib", "pptx", "openpyxl")

_RUN = """
import contextlib, io, json, sys
from network_app.cli import main
with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()) as err:
    code = main(sys.argv[1:])
loaded = sorted({m.split(".")[0] for m in sys.modules} & set(json.loads(%r)))
print(json.dumps({"code": code, "loaded": loaded, "stderr": err.getvalue()[-2000:]}))
"""


def _loaded(code: str, *args: str) -> dict:
    result = subprocess.run([sys.executable, "-c", code, *args], capture_output=True,
                            text=True, cwd=ROOT, check=True)
    return json.loads(result.stdout)


def _command(*args: str) -> dict:
    return _loaded(_RUN % json.dumps(HEAVY), *args)


@pytest.mark.parametrize("args", [
    ["check"],
    ["analyze"],
    ["analyze", "--json"],
    ["export", "--format", "html", "-o", "{out}/karte.html"],
    ["export", "--format", "json", "-o", "{out}/netz.json"],
], ids=" ".join)
def test_a_command_loads_no_picture_deck_or_workbook_writer(args, tmp_path):
    run = _command(*[a.format(out=tmp_path) for a in args], str(BUNDLED))
    assert run["code"] in (0, 1), run["stderr"]  # 1: the bundled file has warnings only
    assert run["loaded"] == []


@pytest.mark.parametrize(("args", "needs"), [
    (["export", "--format", "png", "-o", "{out}/karte.png", str(BUNDLED)], ["matplotlib"]),
    (["export", "--format", "pptx", "-o", "{out}/rat.pptx", str(BUNDLED)],
     ["matplotlib", "pptx"]),
    (["export", "--format", "xlsx", "-o", "{out}/bericht.xlsx", str(BUNDLED)],
     ["matplotlib", "openpyxl"]),  # the report holds the picture
    (["template", "-o", "{out}/vorlage.xlsx"], ["openpyxl"]),
], ids=lambda v: " ".join(v[:3]) if isinstance(v, list) and v[0] in ("export", "template")
   else None)
def test_a_command_loads_what_it_needs(args, needs, tmp_path):
    run = _command(*[a.format(out=tmp_path) for a in args])
    assert run["code"] == 0, run["stderr"]
    assert run["loaded"] == needs


def test_importing_the_library_loads_only_what_is_used():
    code = ("import json, sys, network_app as na\n"
            "before = sorted(m for m in ('networkx', 'pandas', *json.loads(sys.argv[1]))"
            " if m in sys.modules)\n"
            "na.build_graph\n"
            "after = sorted(m for m in ('networkx', 'pandas', *json.loads(sys.argv[1]))"
            " if m in sys.modules)\n"
            "print(json.dumps({'before': before, 'after': after}))")
    run = _loaded(code, json.dumps(HEAVY))
    assert run == {"before": [], "after": ["networkx", "pandas"]}


def test_the_exports_load_their_writers_when_used():
    code = ("import json, sys, network_app.exports as ex\n"
            "before = [m for m in ('openpyxl', 'pptx') if m in sys.modules]\n"
            "ex.write_report_xlsx\n"
            "print(json.dumps({'before': before, 'after': 'openpyxl' in sys.modules}))")
    assert _loaded(code) == {"before": [], "after": True}


def test_every_public_name_is_the_object_of_its_module():
    import importlib

    from network_app.workspace.compare import compare

    for module, names in network_app._MODULES.items():
        for name in names:
            source = importlib.import_module(module, "network_app")
            original = network_app._RENAMED.get(name, name)
            assert getattr(network_app, name) is getattr(source, original), name
    assert network_app.compare_workbooks is compare
    assert set(network_app._WHERE) == set(network_app.__all__) - {"__version__"}


def test_the_lazy_names_and_the_type_checkers_imports_agree():
    """What mypy and editors see (the imports under TYPE_CHECKING) is what runs (``_MODULES``)."""
    tree = ast.parse((ROOT / "network_app" / "__init__.py").read_text(encoding="utf-8"))
    block = next(node for node in tree.body if isinstance(node, ast.If)
                 and "TYPE_CHECKING" in ast.unparse(node.test))
    imported = {}
    for node in block.body:
        assert isinstance(node, ast.ImportFrom)
        for alias in node.names:
            imported[alias.asname or alias.name] = ("." * node.level + (node.module or ""),
                                                    alias.name)
    expected = {name: (module, network_app._RENAMED.get(name, name))
                for module, names in network_app._MODULES.items() for name in names}
    assert imported == expected


def test_an_unknown_name_is_an_attribute_error():
    import network_app.exports

    with pytest.raises(AttributeError, match="no_such_thing"):
        network_app.no_such_thing  # noqa: B018
    with pytest.raises(ImportError):
        from network_app import no_such_thing  # noqa: F401
    with pytest.raises(AttributeError, match="write_nothing"):
        network_app.exports.write_nothing  # noqa: B018


def test_igraph_comes_without_pyplot_and_matplotlib_still_works_after():
    code = ("import json, sys\n"
            "import network_app.analysis\n"
            "import igraph\n"
            "hidden = 'matplotlib' in sys.modules\n"
            "import matplotlib\n"
            "from matplotlib.figure import Figure\n"
            "Figure().add_subplot().plot([1, 2])\n"
            "karate = igraph.Graph.Famous('Zachary')\n"
            "print(json.dumps({'hidden': hidden, 'betweenness': max(karate.betweenness())}))")
    run = _loaded(code)
    assert run["hidden"] is False
    assert run["betweenness"] == pytest.approx(231.0714, abs=1e-3)  # node 0 of the karate club


def test_igraph_imports_as_usual_when_matplotlib_is_there_first():
    code = ("import json, sys, matplotlib\n"
            "import network_app.network\n"
            "import igraph\n"
            "print(json.dumps({'igraph': 'igraph' in sys.modules,"
            " 'pyplot': 'matplotlib.pyplot' in sys.modules}))")
    assert _loaded(code) == {"igraph": True, "pyplot": True}
