"""stadtLABOR Partnernetz: from the staff's partner workbook to a network they can explore,
analyse and show. The pipeline, a folder per stage (each ``__init__`` draws its part)::

    workbook/   file → safety → reading → validation → PartnerData
    network/    PartnerData → graph (one hub rule) → views, positions, key figures
    analysis/   partner layer → measures, groups, brokers, what-if, suggestions, timeline,
                profiles and paths, data quality, the reports of the CLI
    drawing/    styles and legend → the interactive picture, the still picture, places
    exports/    one module per kind of file; pptx/ the council deck
    text/       every word a user reads (one catalog per language), numbers by locale

``workspace/`` keeps the lab's current workbook and its versions in a folder (store, compare).
``errors`` (what the library raises), ``atomic`` (writes that never leave half a file) and
``cli`` (the ``network-app`` command) stand beside them.

The public API is what ``__all__`` lists; the app, the CLI and the notebooks use only it.
"""

import importlib as _importlib
import typing as _typing

__version__ = "0.1.0"

# The public names are imported on first use (PEP 562), so that ``import network_app`` and the
# ``network-app`` command load only what the work at hand needs: ``check`` no pptx, openpyxl or
# matplotlib. ``_MODULES`` maps each module to the public names it defines; mypy and editors see
# the same names through the imports below (tests/test_api.py checks that both lists agree).
_MODULES: dict[str, tuple[str, ...]] = {
    ".analysis.brokers": (
        "MixingResult", "bridges", "category_mixing", "cut_points", "multi_category_partners",
    ),
    ".analysis.communities": ("Communities", "community_name", "detect_communities"),
    ".analysis.metrics": (
        "METRIC_COLUMNS", "METRIC_TEXT", "NetworkSummary", "components_sentence", "direction_note",
        "network_summary", "partner_metrics",
    ),
    ".analysis.profile": (
        "ExplainedPath", "Profile", "Tie", "connection_paths", "ego_network", "no_path_sentence",
        "partner_profile",
    ),
    ".analysis.quality": ("duplicate_pairs",),
    ".analysis.reports": ("AnalyzeReport", "CheckReport", "analyze_report", "check_report"),
    ".analysis.suggestions": ("Suggestion", "introductions"),
    ".analysis.timeline": (
        "GrowthYears", "YearComparison", "active_in", "compare_years", "data_year", "graph_as_of",
        "growth_years", "partners_per_year", "undated_partners", "year_range",
    ),
    ".analysis.whatif": (
        "WhatIf", "internal_contacts", "partners_without_contact", "remove_contact",
        "remove_partners", "single_contact_partnerships", "whatif_sentences",
    ),
    ".drawing.rendering": ("network_html",),
    ".drawing.styling": ("CATEGORY_COLORS", "COLOR_BY", "legend", "node_styles", "value_colors"),
    ".errors": ("ChangedOnDisk", "DiskFull", "NetworkAppError", "UnreadableFileError",
                "WorkspaceError"),
    ".network.figures": (
        "NO_CATEGORY", "KeyFigures", "category_counts", "category_label", "key_figures",
        "network_title",
    ),
    ".network.graph": ("bipartite_graph", "build_graph", "partner_layer"),
    ".network.positions": ("ego_layout", "free_layout", "network_layout", "stable_positions"),
    ".network.views": ("VIEWS", "Filters", "filter_options", "network_view", "views_for"),
    ".workbook.loading": ("load_workbook",),
    ".workbook.problems": ("Problem",),
    ".workbook.schema": ("CATEGORIES", "OWN_ORGANISATION_DEFAULT", "PERSONAL_COLUMNS"),
    ".workbook.template": ("write_template",),
    ".workbook.validation": ("PartnerData",),
    ".workspace.compare": ("Comparison", "compare_workbooks"),
    ".workspace.store": ("Workspace",),
}

#: Public names that differ from their name in the module.
_RENAMED: dict[str, str] = {"compare_workbooks": "compare"}

_WHERE: dict[str, str] = {name: module for module, names in _MODULES.items() for name in names}

if _typing.TYPE_CHECKING:
    from .analysis.brokers import (
        MixingResult,
        bridges,
        category_mixing,
        cut_points,
        multi_category_partners,
    )
    from .analysis.communities import Communities, community_name, detect_communities
    from .analysis.metrics import (
        METRIC_COLUMNS,
        METRIC_TEXT,
        NetworkSummary,
        components_sentence,
        direction_note,
        network_summary,
        partner_metrics,
    )
    from .analysis.profile import (
        ExplainedPath,
        Profile,
        Tie,
        connection_paths,
        ego_network,
        no_path_sentence,
        partner_profile,
    )
    from .analysis.quality import duplicate_pairs
    from .analysis.reports import AnalyzeReport, CheckReport, analyze_report, check_report
    from .analysis.suggestions import Suggestion, introductions
    from .analysis.timeline import (
        GrowthYears,
        YearComparison,
        active_in,
        compare_years,
        data_year,
        graph_as_of,
        growth_years,
        partners_per_year,
        undated_partners,
        year_range,
    )
    from .analysis.whatif import (
        WhatIf,
        internal_contacts,
        partners_without_contact,
        remove_contact,
        remove_partners,
        single_contact_partnerships,
        whatif_sentences,
    )
    from .drawing.rendering import network_html
    from .drawing.styling import CATEGORY_COLORS, COLOR_BY, legend, node_styles, value_colors
    from .errors import (
        ChangedOnDisk,
        DiskFull,
        NetworkAppError,
        UnreadableFileError,
        WorkspaceError,
    )
    from .network.figures import (
        NO_CATEGORY,
        KeyFigures,
        category_counts,
        category_label,
        key_figures,
        network_title,
    )
    from .network.graph import bipartite_graph, build_graph, partner_layer
    from .network.positions import ego_layout, free_layout, network_layout, stable_positions
    from .network.views import VIEWS, Filters, filter_options, network_view, views_for
    from .workbook.loading import load_workbook
    from .workbook.problems import Problem
    from .workbook.schema import CATEGORIES, OWN_ORGANISATION_DEFAULT, PERSONAL_COLUMNS
    from .workbook.template import write_template
    from .workbook.validation import PartnerData
    from .workspace.compare import Comparison
    from .workspace.compare import compare as compare_workbooks
    from .workspace.store import Workspace
else:
    def __getattr__(name: str) -> object:
        module = _WHERE.get(name)
        if module is None:
            raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
        value = getattr(_importlib.import_module(module, __name__), _RENAMED.get(name, name))
        globals()[name] = value  # the next look-up finds it directly
        return value

    def __dir__() -> list[str]:
        return sorted({*globals(), *__all__})

__all__ = [
    "CATEGORIES",
    "CATEGORY_COLORS",
    "COLOR_BY",
    "METRIC_COLUMNS",
    "METRIC_TEXT",
    "NO_CATEGORY",
    "OWN_ORGANISATION_DEFAULT",
    "PERSONAL_COLUMNS",
    "VIEWS",
    "AnalyzeReport",
    "ChangedOnDisk",
    "CheckReport",
    "Communities",
    "Comparison",
    "DiskFull",
    "ExplainedPath",
    "Filters",
    "GrowthYears",
    "KeyFigures",
    "MixingResult",
    "NetworkAppError",
    "NetworkSummary",
    "PartnerData",
    "Problem",
    "Profile",
    "Suggestion",
    "Tie",
    "UnreadableFileError",
    "WhatIf",
    "Workspace",
    "WorkspaceError",
    "YearComparison",
    "__version__",
    "active_in",
    "analyze_report",
    "bipartite_graph",
    "bridges",
    "build_graph",
    "category_counts",
    "category_label",
    "category_mixing",
    "check_report",
    "community_name",
    "compare_workbooks",
    "compare_years",
    "components_sentence",
    "connection_paths",
    "cut_points",
    "data_year",
    "detect_communities",
    "direction_note",
    "duplicate_pairs",
    "ego_layout",
    "ego_network",
    "filter_options",
    "free_layout",
    "graph_as_of",
    "growth_years",
    "internal_contacts",
    "introductions",
    "key_figures",
    "legend",
    "load_workbook",
    "multi_category_partners",
    "network_html",
    "network_layout",
    "network_summary",
    "network_title",
    "network_view",
    "no_path_sentence",
    "node_styles",
    "partner_layer",
    "partner_metrics",
    "partner_profile",
    "partners_per_year",
    "partners_without_contact",
    "remove_contact",
    "remove_partners",
    "single_contact_partnerships",
    "stable_positions",
    "undated_partners",
    "value_colors",
    "views_for",
    "whatif_sentences",
    "write_template",
    "year_range",
]
