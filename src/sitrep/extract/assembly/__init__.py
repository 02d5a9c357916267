"""Document-level assembly: one event per happening, then the frozen document record.

`stage.assemble_events` (the `assemble` extractor) clusters the sentence-level mentions of each
happening (`cluster.py`) and resolves each cluster into one event (`resolve.py`);
`document.assemble_document` freezes the drafts into records.
"""
