"""The analyst's web view: a static page (map, timeline, table, evidence) served at `/`."""
