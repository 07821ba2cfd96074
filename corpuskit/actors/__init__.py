"""Actors: who is named in the news, and who is named with whom.

- ``gazetteer``: the bundled, versioned actor gazetteer and user extensions (:func:`load_gazetteer`).
- ``mentions``: :func:`find_actors`: every mention, resolved (variants, dated roles, short forms).
- ``cooccurrence``: :func:`cooccurrence` (weights, expected counts, significance, time slices).
- ``network``: :func:`actor_network`, :func:`centrality`, :func:`write_network` (GEXF, GraphML).
- ``suggest``: :func:`suggest_actors`: names missing from the gazetteer, for review.
"""

from .cooccurrence import EDGE_COLUMNS, WEIGHTS, cooccurrence
from .gazetteer import ACTOR_TYPES, GAZETTEER_VERSION, Gazetteer, load_gazetteer
from .mentions import MENTION_COLUMNS, find_actors
from .network import actor_network, centrality, write_network
from .suggest import suggest_actors

__all__ = ["Gazetteer", "load_gazetteer", "GAZETTEER_VERSION", "ACTOR_TYPES", "find_actors",
           "MENTION_COLUMNS", "cooccurrence", "EDGE_COLUMNS", "WEIGHTS", "actor_network",
           "centrality", "write_network", "suggest_actors"]
