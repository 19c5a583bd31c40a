"""The data side of Jeugdhulpgids: models, store, imports and (later) the search index.

This package never imports Flask: the portal depends on it, not the other way round.
"""
