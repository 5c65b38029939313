"""The network stage: from validated partner data to graphs, views and positions.

::

    PartnerData
      │  graph     build_graph (hub, partners, ties), partner_layer (the hub left out),
      │            bipartite_graph (partners and activities)
      │  views     what the app shows after the user's filters
      │  positions the ego layout (hub in the centre, a sector per category) and one place per
      │            node of every view, so nothing moves when filters change
      │  figures   key figures a council member asks for first
      ▼
    nx.Graph + positions  →  analysis, drawing, exports
"""

from .._imports import import_igraph

import_igraph()  # before any module here imports igraph: without matplotlib.pyplot (0.9 s)
