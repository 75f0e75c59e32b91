"""layernas processes for the tests, started as a user starts them: cluster nodes, and `layernas run`."""

from __future__ import annotations

import os
import queue
import re
import subprocess
import threading
import time
from pathlib import Path

START_DEADLINE_SECONDS = 90
RUN_DEADLINE_SECONDS = 120


def environment():
    """This process's environment without LAYERNAS_* variables: every node setting comes from the test itself."""
    return {name: value for name, value in os.environ.items() if not name.startswith("LAYERNAS_")}


def run_layernas(cli: str, folder: Path, *args: str) -> subprocess.CompletedProcess:
    """Runs a layernas command to its end in folder and returns its exit code and output."""
    return subprocess.run(["dotnet", cli, *args], cwd=folder, env=environment(), capture_output=True, text=True, timeout=RUN_DEADLINE_SECONDS)


class Node:
    """A `layernas node` process on 127.0.0.1, started and awaited until it prints its `node up at` line.
    Its stderr (the node's log) goes to NAME.log in folder; stopping it kills it."""

    def __init__(self, cli: str, folder: Path, name: str, *args: str):
        self.log = folder / f"{name}.log"
        with open(self.log, "wb") as log:
            self._process = subprocess.Popen(
                ["dotnet", cli, "node", *args], cwd=folder, env=environment(),
                stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=log, text=True)
        self._lines: queue.Queue = queue.Queue()
        threading.Thread(target=self._read, daemon=True).start()
        try:
            up = self._up_line()
        except BaseException:
            self.stop()
            raise
        self.address = up.split(" ")[3]
        api = re.search(r"API: http://[^ ]*:(\d+)", up)
        self.api = f"http://127.0.0.1:{api.group(1)}" if api else None

    def stop(self) -> None:
        if self._process.poll() is None:
            self._process.kill()
        self._process.wait()
        self._process.stdin.close()

    def _read(self) -> None:
        for line in self._process.stdout:
            self._lines.put(line.rstrip("\n"))
        self._lines.put(None)

    def _up_line(self) -> str:
        deadline = time.monotonic() + START_DEADLINE_SECONDS
        while True:
            try:
                line = self._lines.get(timeout=max(0.0, deadline - time.monotonic()))
            except queue.Empty:
                raise TimeoutError(f"{self.log.stem} was not up within {START_DEADLINE_SECONDS} s; its log: {self._log_tail()}") from None
            if line is None:
                raise RuntimeError(f"{self.log.stem} exited with code {self._process.wait()} before it was up; its log: {self._log_tail()}")
            if line.startswith("node up at "):
                return line

    def _log_tail(self) -> str:
        return "\n".join(self.log.read_text(errors="replace").splitlines()[-20:])
