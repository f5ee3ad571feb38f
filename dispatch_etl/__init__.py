"""dispatch-etl: news-agency dispatches about officials' meetings, as Parquet tables."""

__version__ = "0.1.0"
