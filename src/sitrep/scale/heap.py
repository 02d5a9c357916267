"""Keeping the parser's freed working memory in a coding process instead of handing it back.

spaCy's networks allocate large arrays for every batch and free them at its end. glibc's malloc
serves such blocks from fresh memory maps and returns the top of its heap to the kernel once
128 KB of it is free, so each batch's arrays are mapped, zero-filled page by page and unmapped
again: on 1,000 train notes `sitrep extract` took 272,000 page faults and 0.76 s of system time
against a bare `nlp.pipe`'s 54,000 and 0.16 s (issue 18). With big blocks served from the heap
and its top kept, later batches reuse the same pages (115,000 faults, 0.39 s); the peak memory is
the same, since the process holds that much at the height of every batch anyway.
"""

from __future__ import annotations

import ctypes
import logging

log = logging.getLogger(__name__)

# mallopt parameters (<malloc.h>) and values: blocks up to 32 MB (glibc's own ceiling for its
# adaptive threshold) come from the heap, and up to 64 MB of free heap top is kept.
_M_TRIM_THRESHOLD = -1
_M_MMAP_THRESHOLD = -3
MMAP_THRESHOLD = 32 << 20
TRIM_THRESHOLD = 64 << 20


def keep_freed_memory() -> bool:
    """Ask glibc's malloc to reuse freed large blocks in this process; False where there is no
    glibc (macOS, musl's no-op counts as done), which changes nothing but speed."""
    try:
        mallopt = ctypes.CDLL(None).mallopt
    except (OSError, AttributeError):
        return False
    done = bool(mallopt(_M_MMAP_THRESHOLD, MMAP_THRESHOLD)) and bool(
        mallopt(_M_TRIM_THRESHOLD, TRIM_THRESHOLD)
    )
    log.debug("malloc thresholds set: %s", done)
    return done
