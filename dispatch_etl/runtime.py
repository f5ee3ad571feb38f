"""Process-level Prefect defaults for runs started from the command line."""

from __future__ import annotations

import atexit
import contextlib
import ctypes
import logging
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

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


_LOG = logging.getLogger("prefect.dispatch_etl")  # under Prefect's: shown with --verbose


class TemporaryApi:
    """Prefect's temporary API server for a command-line run with no API configured: the
    same server Prefect starts on its own (its app under uvicorn, UI off, on this
    machine's Prefect database), started by us so that it can boot while the run imports
    its modules, in a session of its own (Ctrl-C or SIGTERM sent to the run's process
    group must not stop it while the run still reports its last states), dying with this
    process (Linux: parent-death signal) and stopped at exit. Its address goes into the
    environment and Prefect's settings, so this process and every worker started after
    it (a local Dask cluster's) report to it."""

    def __init__(self, quiet: bool = False):
        self.quiet = quiet
        self.process: subprocess.Popen | None = None
        self.url = ""

    @classmethod
    def launch(cls, quiet: bool = False) -> "TemporaryApi | None":
        """Start the server (without waiting for it) unless an API is configured: in the
        environment, a Prefect profile or any other Prefect settings source."""
        from prefect.settings import get_current_settings

        if os.environ.get("PREFECT_API_URL") or get_current_settings().api.url:
            return None
        api = cls(quiet)
        api._spawn()
        atexit.register(api.stop)
        return api

    def _spawn(self) -> None:
        import prefect
        import prefect.context

        port = _free_port()
        self.url = f"http://127.0.0.1:{port}/api"
        output = subprocess.DEVNULL if self.quiet else None
        env = os.environ | {"PREFECT_UI_ENABLED": "0", "PREFECT__SERVER_EPHEMERAL": "1", "PREFECT__SERVER_FINAL": "1"}
        command = [sys.executable, "-m", "uvicorn", "--app-dir", str(Path(prefect.__file__).parent.parent),
                   "--factory", "prefect.server.api.server:create_app", "--host", "127.0.0.1", "--port", str(port),
                   "--log-level", "error", "--lifespan", "on"]
        self.process = subprocess.Popen(command, env=env, stdout=output, stderr=output, stdin=subprocess.DEVNULL,
                                        start_new_session=True, preexec_fn=_die_with_parent)
        os.environ["PREFECT_API_URL"] = self.url
        # Prefect read its settings when imported: have it read the environment again.
        refresh = getattr(prefect.context, "refresh_global_settings_context", None)
        if refresh is not None:
            refresh()
        else:  # an older Prefect
            prefect.context.GLOBAL_SETTINGS_CONTEXT = prefect.context.root_settings_context()

    def wait(self) -> None:
        """Return once the server answers its health check (it boots in a few seconds); a
        server that cannot bind its port (another process took it meanwhile) is started
        again on another; one that exits or does not answer in Prefect's start-up timeout
        (a minute at least) raises RuntimeError."""
        from prefect.settings import get_current_settings

        # (Said here rather than at the start: Prefect sets its logging up as its modules load.)
        _LOG.info("Started a temporary server on %s", self.url.removesuffix("/api"))
        # (at least a minute: a loaded machine boots it slowly, and a run should not fail for that)
        deadline = time.monotonic() + max(60, get_current_settings().server.ephemeral.startup_timeout_seconds)
        while time.monotonic() < deadline:
            code = self.process.poll()
            if code == 3:  # uvicorn: address already in use
                self._spawn()
            elif code is not None:
                raise RuntimeError(f"Prefect's temporary server exited with code {code} while starting "
                                   "(run with --verbose to see its output)")
            with contextlib.suppress(OSError):
                with urllib.request.urlopen(f"{self.url}/health", timeout=1) as answer:
                    if answer.status == 200:
                        return
            time.sleep(0.05)
        raise RuntimeError(f"Prefect's temporary server did not answer on {self.url} in time")

    def stop(self) -> None:
        if self.process is None or self.process.poll() is not None:
            return
        _LOG.info("Stopping the temporary server on %s", self.url.removesuffix("/api"))
        self.process.terminate()
        try:
            self.process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


def _free_port() -> int:
    """A TCP port on the loopback interface that no one listens on now (the system's pick)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Interrupted(BaseException):
    """The run was asked to stop (SIGINT or SIGTERM); like KeyboardInterrupt, not an error."""

    def __init__(self, signum: int):
        super().__init__(signum)
        self.signum = signum


def raise_on_signals() -> None:
    """Turn SIGINT and SIGTERM into `Interrupted` in the main thread. Further signals are
    ignored while the run stops (it takes a few seconds), so cleanup is not cut short."""

    def stop(signum, frame) -> None:
        global _received
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        signal.signal(signal.SIGTERM, signal.SIG_IGN)
        _received = signum
        raise Interrupted(signum)

    signal.signal(signal.SIGINT, stop)
    signal.signal(signal.SIGTERM, stop)


_received: int | None = None  # the stop signal `raise_on_signals` caught, if any


def signal_number(exc: BaseException) -> int | None:
    """The signal an exception stands for: ours, Prefect's TerminationSignal (its SIGTERM
    handler during a flow run) or a plain KeyboardInterrupt; or, whatever the exception,
    the stop signal received (ours raised inside a library may come out wrapped in another:
    pydantic's serialiser reports it as a PydanticSerializationError)."""
    if isinstance(exc, Interrupted):
        return exc.signum
    if isinstance(exc, KeyboardInterrupt):
        return signal.SIGINT
    number = getattr(exc, "signal", None)
    if isinstance(number, int) and type(exc).__name__ == "TerminationSignal":
        return number
    return _received


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
