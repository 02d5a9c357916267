"""The REST API (FastAPI) over the store, serving the analyst's web view at `/`."""

from sitrep.api.app import create_app

__all__ = ["create_app"]
