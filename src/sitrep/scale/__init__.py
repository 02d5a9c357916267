"""Throughput: the relevance prefilter and distributed execution on Dask."""
