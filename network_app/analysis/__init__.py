"""The analysis stage: questions staff ask of the partner network, answered in numbers and words.

Every function here works on the partner layer (the hub left out, see
:func:`network_app.network.graph.partner_layer`); none knows about colours or pages.

::

    nx.Graph (partner layer)
      ├─ engine        the one igraph copy per graph that the heavy algorithms run on
      ├─ metrics       degree, Brückenfunktion, closeness, PageRank … per partner; the network
      ├─ communities   groups of partners (Leiden, seeded; Louvain on request)
      ├─ brokers       bridges, cut points, who links the categories
      ├─ whatif        what falls apart when partners or a colleague leave
      ├─ suggestions   whom to introduce to whom, with reasons
      ├─ timeline      the network as it stood in a year; what changed
      ├─ profile       one partner's card, its neighbourhood, explained paths
      ├─ quality       what to tidy in the workbook: likely duplicates
      └─ reports       the check and analyze reports (JSON of the CLI), typed
"""

from .._imports import import_igraph

import_igraph()  # before any module here imports igraph: without matplotlib.pyplot (0.9 s)
