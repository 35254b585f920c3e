"""argmap: argument maps as a property graph, served over REST."""

__version__ = "0.1.0"
