"""Hypothesis settings for the property tests: few examples each so the whole folder runs in well
under a minute; derandomised under CI so a run fails only on a real regression, random locally
so every developer run explores new inputs (`scripts/fuzz.py` does the long, open-ended search)."""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

settings.register_profile(
    "sitrep",
    deadline=None,  # the first example pays for loading spaCy and the knowledge files
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    derandomize=bool(os.environ.get("CI")),
    print_blob=True,
)
settings.load_profile("sitrep")
