"""Process-level Prefect defaults for runs started from the command line."""

from __future__ import annotations

import os

# Defaults only: anything the user sets in the environment or a Prefect profile wins.
_DEFAULTS = {
    # The embedded server's usage telemetry calls out to the internet; pipelines run on
    # closed networks, where every run would log a failed call as an ERROR.
    "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
    # A local Dask cluster's scheduler, nannies and workers log every connection at INFO,
    # and a worker whose stream closes as the cluster shuts down logs a CommClosedError
    # traceback at INFO: routine shutdown, printed as if it were a failure. Warnings and
    # errors still show. Read by dask when `distributed` is imported, here and in the
    # worker processes, which inherit the environment.
    "DASK_LOGGING__DISTRIBUTED": "warning",
}


# Quiet by default: Prefect's console shows warnings and errors only; its INFO records
# (temporary server start and stop, task-run states) still reach the API's run logs.
_QUIET = {"PREFECT_LOGGING_HANDLERS_CONSOLE_LEVEL": "WARNING"}


def apply_prefect_defaults(verbose: bool = True) -> None:
    """Set Prefect (and Dask) settings the user has not set, before either is imported;
    not `verbose`: Prefect's console handler shows warnings and errors only."""
    for key, value in (_DEFAULTS | ({} if verbose else _QUIET)).items():
        os.environ.setdefault(key, value)


def share_temporary_api() -> None:
    """With no Prefect API configured, start Prefect's temporary server now and name it in
    the environment, so that worker processes started after this (a local Dask cluster's)
    report to the same API instead of each starting a temporary server of its own."""
    from prefect.server.api.server import SubprocessASGIServer
    from prefect.settings import get_current_settings

    if os.environ.get("PREFECT_API_URL") or get_current_settings().api.url:
        return
    server = SubprocessASGIServer()  # the instance Prefect's own client uses in this process
    server.start()
    os.environ["PREFECT_API_URL"] = server.api_url
