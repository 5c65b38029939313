"""The drawing stage: how the network looks, computed apart from where it is drawn.

::

    nx.Graph + positions
      │  styling     colour, size and label per node; the legend (pure, no drawing)
      │  rendering   the interactive picture: vis-network data and a self-contained HTML page
      ▼
    what the app's component, the HTML export and the print pictures draw
"""
