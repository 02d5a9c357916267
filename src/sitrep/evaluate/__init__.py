"""Evaluation against gold-coded notes: `sitrep eval`."""
