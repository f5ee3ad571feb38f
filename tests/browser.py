"""Opening the report in Debian's headless Chromium, and keeping what it showed.

The pictures are kept for a person to look at: in `$DISPATCH_ETL_SHOTS` when set, else
in a `report-shots` folder of the test session's temporary directory."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest


def chromium() -> str:
    """The browser, or a skip (a failure on CI, which installs it)."""
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    if found is None:
        if os.environ.get("CI"):
            pytest.fail("CI must have Chromium (.ci/run installs Debian's chromium)")
        pytest.skip("no Chromium on this machine (apt-get install chromium)")
    return found


def screenshot(page: Path, shot: Path, width: int, height: int) -> None:
    """Open `page` in a window of `width` x `height` pixels and save what shows as `shot`."""
    done = subprocess.run(
        [chromium(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         f"--user-data-dir={shot.parent / ('.profile-' + shot.stem)}", "--hide-scrollbars",
         f"--window-size={width},{height}", f"--screenshot={shot}", page.as_uri()],
        capture_output=True, text=True, timeout=120, check=False,
    )
    assert done.returncode == 0 and shot.exists(), done.stderr[-2000:]


def keep(files: list[Path], folder: Path, prefix: str) -> Path:
    """Copy the report's pictures and the screenshot where a person will look at them."""
    target = Path(os.environ.get("DISPATCH_ETL_SHOTS") or folder)
    target.mkdir(parents=True, exist_ok=True)
    for f in files:
        shutil.copyfile(f, target / f"{prefix}-{f.name}")
    return target
