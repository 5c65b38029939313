"""The drawing stage: how the network looks, computed apart from where it is drawn.

::

    nx.Graph + positions
      │  styling     colour, size and label per node; the legend (pure, no drawing)
      │  rendering   the interactive picture: vis-network data and a self-contained HTML page
      │  picture     the still picture with matplotlib (print exports and the council deck)
      │  labels      labels next to their markers, never overlapping (for every still picture)
      │  places      partners with coordinates as places, the home region (pure; the
      │              presentation page's map and the deck's map)
      ▼
    what the app's component, the HTML export, the print pictures and the deck draw
"""
