"""What a person or a log sees of a run while it goes: a progress bar on a terminal, plain
lines every few seconds elsewhere (cron, CI, a Prefect worker's log).

The flow emits progress as logging records of `dispatch_etl.progress` carrying a
`progress` dict (total, done, meetings, committed); this module only displays them.
"""

from __future__ import annotations

import contextlib
import logging
import sys
import time
from collections.abc import Iterator

from rich.console import Console
from rich.progress import (BarColumn, MofNCompleteColumn, Progress, ProgressColumn, Task, TextColumn,
                           TimeRemainingColumn)
from rich.text import Text

LOGGER = "dispatch_etl.progress"


class _Rate(ProgressColumn):
    """Dispatches per second since the run started (rich's own speed is a short window,
    which jumps around with batches of a thousand inputs)."""

    def render(self, task: Task) -> Text:
        elapsed = task.elapsed or 0.0
        rate = task.completed / elapsed if elapsed > 0 else 0.0
        return Text(f"{rate:,.0f} dispatches/s")


class RunDisplay(logging.Handler):
    """Shows the run's progress events; remembers the last one (for the interrupt line)."""

    def __init__(self, stream=None, every: float = 10.0):
        super().__init__(logging.INFO)
        self.stream = stream or sys.stderr
        self.interactive = bool(getattr(self.stream, "isatty", lambda: False)())
        self.every = every
        self.last: dict = {}
        self.pending: list = []  # the run's inputs to do (flows.work.InputFile)
        self._bar: Progress | None = None
        self._task = None
        self._shown_at = 0.0
        self._started = time.monotonic()

    def emit(self, record: logging.LogRecord) -> None:
        event = getattr(record, "progress", None)
        if not event:
            return
        self.last = event
        self.pending = getattr(record, "pending", self.pending)
        if not event["total"]:
            return  # nothing to read: the run's summary says so
        if record.getMessage() == "started":
            self._started = time.monotonic()
        if self.interactive:
            self._draw(event)
        else:
            self._print(event, record.getMessage())

    def _draw(self, event: dict) -> None:
        if self._bar is None:
            self._bar = Progress(
                TextColumn("[bold]reading"), BarColumn(), MofNCompleteColumn(), TextColumn("inputs"),
                _Rate(), TextColumn("{task.fields[meetings]:,} meetings found"),
                TextColumn("time left"), TimeRemainingColumn(),
                console=Console(file=self.stream), transient=False,
            )
            self._bar.start()
            self._task = self._bar.add_task("run", total=event["total"], meetings=0)
        self._bar.update(self._task, completed=event["done"], meetings=event["meetings"])

    def _print(self, event: dict, stage: str) -> None:
        now = time.monotonic()
        done, total = event["done"], event["total"]
        finished = stage == "committed" and event["committed"] >= total
        if stage != "started" and not finished and now - self._shown_at < self.every:
            return
        self._shown_at = now
        elapsed = now - self._started
        rate = done / elapsed if elapsed > 0 and done else 0.0
        left = f", about {(total - done) / rate:.0f}s left" if rate and done < total else ""
        self.stream.write(f"progress: {done} of {total} inputs read, {event['committed']} committed, "
                          f"{rate:.0f} dispatches/s, {event['meetings']} meetings found{left}\n")
        self.stream.flush()

    def close(self) -> None:
        if self._bar is not None:
            self._bar.stop()
            self._bar = None
        super().close()


@contextlib.contextmanager
def displayed(stream=None) -> Iterator[RunDisplay]:
    """Show the progress events of the runs made inside the block."""
    display = RunDisplay(stream)
    logger = logging.getLogger(LOGGER)
    logger.addHandler(display)
    logger.setLevel(logging.INFO)
    logger.propagate = False  # shown here, not again by Prefect's console handler
    try:
        yield display
    finally:
        logger.removeHandler(display)
        display.close()
