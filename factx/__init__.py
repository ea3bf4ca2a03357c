"""factx: read many news articles about the same events and show where sources disagree."""

__version__ = "0.1.0"
