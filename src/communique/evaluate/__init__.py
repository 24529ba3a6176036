"""Evaluation of Communique extractors against gold data."""
