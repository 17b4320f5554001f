"""The kernels behind the pages: their process, their memory, shutting them down, quiet servers."""

from __future__ import annotations

import secrets
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

from tools.browser import Server

PROC = Path("/proc")


def kernel_pid(kernel_id: str, proc: Path = PROC) -> int | None:
    """The process of the kernel with this id, found by its connection file on its command line.

    Jupyter servers and Voilà start each kernel with ``-f .../kernel-<id>.json``; the id is a
    random UUID, so the match cannot hit anybody else's process.
    """
    needle = f"kernel-{kernel_id}.json".encode()
    for entry in proc.iterdir():
        if not entry.name.isdigit():
            continue
        try:
            command = (entry / "cmdline").read_bytes()
        except OSError:  # gone meanwhile, or not ours to read
            continue
        if needle in command and b"ipykernel" in command:
            return int(entry.name)
    return None


def rss_mb(pid: int, proc: Path = PROC) -> float:
    """Resident memory of a process in MB (10^6 bytes), from ``/proc/<pid>/status`` (VmRSS)."""
    for line in (proc / str(pid) / "status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) * 1024 / 1e6
    raise ValueError(f"No VmRSS line for process {pid}")


def kernel_rss_mb(kernel_id: str) -> float:
    """Resident memory (MB) of the kernel with this id; NaN if its process is not found."""
    pid = kernel_pid(kernel_id)
    if pid is None:
        return float("nan")
    try:
        return rss_mb(pid)
    except (OSError, ValueError):
        return float("nan")


def shutdown_voila_kernel(server: Server, kernel_id: str) -> bool:
    """Ask Voilà to shut a page's kernel down, as the page itself tries to when it is closed.

    The page's own request is refused (403, no ``_xsrf`` cookie is ever set), so without this
    every opening would leave a kernel running until the idle culler. Tornado accepts a form
    ``_xsrf`` that equals the cookie, so a fresh random pair is enough.
    """
    token = secrets.token_hex(16)
    request = urllib.request.Request(
        f"{server.base_url}/voila/api/shutdown/{kernel_id}",
        data=urllib.parse.urlencode({"_xsrf": token}).encode(),
        headers={"Cookie": f"_xsrf={token}"},
        method="POST",
    )
    try:
        with urllib.request.urlopen(request, timeout=15):
            return True
    except (urllib.error.URLError, OSError):
        return False


def tree_cpu_seconds(pids: list[int]) -> float:
    """CPU seconds used so far by some processes and all their descendants (gone ones count 0)."""
    import psutil  # a dependency of ipykernel

    processes = []
    for pid in pids:
        try:
            root = psutil.Process(pid)
            processes += [root, *root.children(recursive=True)]
        except psutil.Error:
            continue
    total = 0.0
    for process in processes:
        try:
            times = process.cpu_times()
            total += times.user + times.system
        except psutil.Error:
            continue
    return total


def wait_quiet(
    pids: list[int], share: float = 0.1, window: float = 1.0, timeout: float = 60
) -> float:
    """Wait until servers and their kernels use under ``share`` of a core for ``window`` seconds.

    A server "already running before class" has finished starting (and pre-starting kernels, if
    it is configured to); the previous page's kernel has finished shutting down. Returns the
    seconds waited (``timeout`` if it never got quiet: the caller measures anyway).
    """
    started = time.monotonic()
    while time.monotonic() - started < timeout:
        before = tree_cpu_seconds(pids)
        time.sleep(window)
        if tree_cpu_seconds(pids) - before < share * window:
            break
    return time.monotonic() - started
