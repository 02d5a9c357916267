"""The size limits on what sitrep reads and parses, in a module light enough for the CLI to import.

Both are defaults: `read_paths(max_bytes=…)` (and the CLI's `--max-bytes`) override the first.
"""

from __future__ import annotations

# Per document: a page or feed file, a JSONL line, stdin. News pages with inline scripts reach
# 5 MB; trafilatura needs about 9 s for 10 MB of markup, so a larger page is refused, not read.
DEFAULT_MAX_BYTES = 10_000_000

# A long news article is 20,000 characters; past 100,000 a "document" is a dump or a page of
# pages, and spaCy's parser needs about 1 GB per 100,000 characters (its `nlp.max_length`
# guard is 1,000,000 and raises rather than truncates), so longer text is cut with a warning.
MAX_TEXT_CHARS = 100_000

# trafilatura's time grows faster than the page: 0.8 s of CPU for 5,000 elements, 1.8 s for
# 10,000, 6 s for 20,000 and over a minute for 40,000. News pages have 1,000-6,000, so a page
# with more is read by the linear visible-text fallback instead of stalling the batch.
MAX_HTML_ELEMENTS = 15_000
