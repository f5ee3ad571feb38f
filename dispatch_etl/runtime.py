"""Process-level Prefect defaults for runs started from the command line."""

from __future__ import annotations

import contextlib
import ctypes
import logging
import os
import signal
import subprocess

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


class Interrupted(BaseException):
    """The run was asked to stop (SIGINT or SIGTERM); like KeyboardInterrupt, not an error."""

    def __init__(self, signum: int):
        super().__init__(signum)
        self.signum = signum


def raise_on_signals() -> None:
    """Turn SIGINT and SIGTERM into `Interrupted` in the main thread. Further signals are
    ignored while the run stops (it takes a few seconds), so cleanup is not cut short."""

    def stop(signum, frame) -> None:
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        signal.signal(signal.SIGTERM, signal.SIG_IGN)
        raise Interrupted(signum)

    signal.signal(signal.SIGINT, stop)
    signal.signal(signal.SIGTERM, stop)


def signal_number(exc: BaseException) -> int | None:
    """The signal an exception stands for: ours, Prefect's TerminationSignal (its SIGTERM
    handler during a flow run) or a plain KeyboardInterrupt."""
    if isinstance(exc, Interrupted):
        return exc.signum
    if isinstance(exc, KeyboardInterrupt):
        return signal.SIGINT
    number = getattr(exc, "signal", None)
    return number if isinstance(number, int) and type(exc).__name__ == "TerminationSignal" else None


def start_temporary_api_apart(quiet: bool = False) -> None:
    """With no Prefect API configured, start Prefect's temporary server now, in a session of
    its own, so that Ctrl-C or SIGTERM sent to the run's process group does not stop it
    while the run still reports its last state to it (the run then hung retrying for a
    minute). It still dies with this process (Linux: parent-death signal) and is stopped
    at exit as usual. `quiet`: its output (tracebacks of its services cut short when it
    is stopped during a busy moment) is dropped."""
    from prefect.server.api import server as prefect_server
    from prefect.settings import get_current_settings

    if os.environ.get("PREFECT_API_URL") or get_current_settings().api.url:
        return
    server = prefect_server.SubprocessASGIServer()  # the instance Prefect's client uses here
    if server.running:
        return
    real = subprocess.Popen

    def apart(*args, **kwargs):
        if quiet:
            kwargs |= {"stdout": subprocess.DEVNULL, "stderr": subprocess.DEVNULL}
        return real(*args, **kwargs, start_new_session=True, preexec_fn=_die_with_parent)

    # Prefect builds the server's command line itself and offers no hook for how it is
    # started: its `subprocess.Popen` is swapped for the start only (the one place this
    # project reaches into Prefect; if Prefect stops using Popen there, the server simply
    # stays in the run's process group, as before).
    prefect_server.subprocess.Popen = apart
    try:
        server.start()
    finally:
        prefect_server.subprocess.Popen = real


def _die_with_parent() -> None:
    """In a child before exec: receive SIGTERM when the parent dies (Linux only)."""
    with contextlib.suppress(Exception):
        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG


class _Quiet(logging.Filter):
    """For Prefect's console when not --verbose: the engine's reports of a failed or
    crashed run and its tasks (the command line sums those up in one line of its own; they
    stay in the run's API logs), tracebacks and the services' flushing notes are left out;
    other warnings and errors show."""

    def filter(self, record: logging.LogRecord) -> bool:
        if record.levelno >= logging.ERROR and record.name.startswith(("prefect.flow_runs", "prefect.task_runs", "prefect.engine")):
            return False
        # Prefect's services note, while flushing at exit, what they still have to send.
        if record.levelno == logging.WARNING and str(record.msg).startswith("Still processing items"):
            return False
        if record.exc_info:
            record.exc_info, record.exc_text = None, None
        return True


def quiet_prefect_console() -> None:
    """Add the quiet filter to every console handler Prefect configured."""
    from prefect.logging.handlers import PrefectConsoleHandler

    names = [None, *logging.root.manager.loggerDict]
    for name in names:
        logger = logging.getLogger(name)
        for handler in getattr(logger, "handlers", []):
            if isinstance(handler, PrefectConsoleHandler) and not any(isinstance(f, _Quiet) for f in handler.filters):
                handler.addFilter(_Quiet())


def loud_prefect_console() -> None:
    """Undo quiet_prefect_console (for a process that runs more than one command)."""
    for name in [None, *logging.root.manager.loggerDict]:
        for handler in getattr(logging.getLogger(name), "handlers", []):
            for f in [f for f in handler.filters if isinstance(f, _Quiet)]:
                handler.removeFilter(f)
