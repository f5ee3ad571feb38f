"""dispatch-etl: news-agency dispatches about officials' meetings, as Parquet tables."""

from dispatch_etl import kept

__version__ = "0.1.0"

# Every process of the pipeline (a scheduled run, a worker of the pool or of Dask) keeps the
# extractor's costly indexes on disk for the next one (dispatch_etl/kept.py).
kept.install()
