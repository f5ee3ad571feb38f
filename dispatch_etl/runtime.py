"""Process-level Prefect defaults for runs started from the command line."""

from __future__ import annotations

import os

# Defaults only: anything the user sets in the environment or a Prefect profile wins.
_DEFAULTS = {
    # The embedded server's usage telemetry calls out to the internet; pipelines run on
    # closed networks, where every run would log a failed call as an ERROR.
    "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
}


def apply_prefect_defaults() -> None:
    """Set Prefect settings the user has not set, before Prefect is imported."""
    for key, value in _DEFAULTS.items():
        os.environ.setdefault(key, value)
