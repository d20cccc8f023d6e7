"""A web server (nginx, Apache) run as a child process on 127.0.0.1 for the hosting
tests and benchmarks: started, waited for, stopped. The servers' own set-up is in
local_nginx.py and local_apache.py."""

from __future__ import annotations

import shutil
import socket
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

STARTUP_LIMIT = 10.0
PROBE_INTERVAL = 0.05
ERROR_LOG_TAIL = 20


def installed(name: str, candidates: tuple[str, ...], package: str) -> str:
    """The first of `candidates` found (Debian puts servers in /usr/sbin, often not on PATH)."""
    for candidate in candidates:
        found = shutil.which(candidate)
        if found:
            return found
    raise RuntimeError(f"{name} is not installed: `make test` installs Debian's {package} (.ci/system-deps).")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def error_log_tail(log: Path) -> str:
    lines = log.read_text(encoding="utf-8", errors="replace").splitlines() if log.is_file() else []
    return "\n".join(lines[-ERROR_LOG_TAIL:])


@contextmanager
def running(name: str, command: list[str], port: int, error_log: Path) -> Iterator[None]:
    """Run `command` until the block ends, once 127.0.0.1:`port` answers. If the server
    stops or does not listen in time, the error names it and shows its error log."""
    # Its own output goes to a file beside the error log: a pipe nobody reads while the
    # server runs could fill up and stall it.
    output = error_log.parent / f"{name.lower()}-output.log"
    with output.open("wb") as sink:
        process = subprocess.Popen(command, stdout=sink, stderr=subprocess.STDOUT)
        try:
            _wait_for(name, port, process, error_log, output)
            yield
        finally:
            process.terminate()
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


def _wait_for(name: str, port: int, process: subprocess.Popen[bytes], error_log: Path, output: Path) -> None:
    """Wait until the server is ready (its port accepts a connection) or has stopped.
    Neither server announces readiness in the foreground, so the port is probed; between
    probes the wait is on the process, which ends it at once if the server stops.
    STARTUP_LIMIT only bounds a server that neither listens nor stops."""
    deadline = time.monotonic() + STARTUP_LIMIT
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=PROBE_INTERVAL):
                return
        except OSError:
            pass
        try:
            process.wait(timeout=PROBE_INTERVAL)
        except subprocess.TimeoutExpired:
            continue
        raise RuntimeError(
            f"{name} stopped at start-up:\n{error_log_tail(output)}\n{error_log_tail(error_log)}"
        )
    raise RuntimeError(
        f"{name} did not listen on 127.0.0.1:{port} within {STARTUP_LIMIT} s:\n{error_log_tail(error_log)}"
    )
