"""jixiao (绩效): budget-performance management for Chinese social insurance funds.

Layers, lowest first: ``records`` (the data format), ``expr`` (reading 指标值),
``ingest`` (documents → records), ``rules`` (computations and checks),
``render`` (records → files) and ``web`` (the Django system). A layer imports
only the layers above it in this list; nothing imports ``web``.
"""

__version__ = "0.1.0"
