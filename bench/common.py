"""What the benchmarks share: interleaved pairs, the machine's load, process-tree memory.

Every ratio of the report is measured the same way: the runs it compares are
interleaved in one benchmark run (A B A B ...: round i runs A then B), the ratio is
taken within each round, and the report gives the median of the rounds with their
min and max. Around every run the CPU time of the whole machine (/proc/stat) and of
this process tree (os.times, children included) are read: what the machine spent
beyond this tree is the *load from other processes* (in cores) during that run. A
figure any of whose runs saw more than `LOAD_LIMIT` cores of it is marked as taken
under load.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Callable

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench" / "out"

#: Other processes using more CPU than this (in cores, averaged over a run) make the
#: run's figures "under load": on 2 cores, a tenth of the machine.
LOAD_LIMIT = 0.2


def _machine_cpu() -> float:
    """Busy CPU seconds of the whole machine since boot (all cores; steal counts as busy)."""
    try:
        fields = Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]
    except OSError:
        return float("nan")
    ticks = [int(x) for x in fields]
    idle = ticks[3] + (ticks[4] if len(ticks) > 4 else 0)  # idle + iowait
    # guest time is already counted in user and nice
    busy = sum(ticks[:8]) - idle
    return busy / os.sysconf("SC_CLK_TCK")


def _own_cpu() -> float:
    t = os.times()
    return t.user + t.system + t.children_user + t.children_system


def loadavg() -> list[float]:
    try:
        return [float(x) for x in Path("/proc/loadavg").read_text().split()[:3]]
    except OSError:
        return []


class Usage:
    """CPU of the machine and of this process tree over one run.

    Children count once they have been waited for, as every run here waits for its own.
    """

    def __init__(self) -> None:
        self.wall = time.perf_counter()
        self.machine = _machine_cpu()
        self.own = _own_cpu()

    def stop(self) -> dict:
        wall = time.perf_counter() - self.wall
        machine = _machine_cpu() - self.machine
        own = _own_cpu() - self.own
        others = max(0.0, machine - own) / wall if wall > 0 else 0.0
        return {"wall_seconds": round(wall, 3), "own_cpu_seconds": round(own, 2),
                "others_cores": round(others, 2), "loadavg_1min": (loadavg() or [None])[0]}


def measure(fn: Callable[[], dict | float]) -> dict:
    """Run `fn` once; its own figures (a dict, or seconds) with the load around it."""
    usage = Usage()
    value = fn()
    record = value if isinstance(value, dict) else {"seconds": value}
    record.update(usage.stop())
    return record


def interleaved(runs: dict[str, Callable[[], dict | float]], rounds: int,
                log: Callable[[str], None] = lambda s: print(s, file=sys.stderr, flush=True)) -> dict[str, list[dict]]:
    """Run every entry of `runs` once per round, in order (A B C A B C ...)."""
    results: dict[str, list[dict]] = {name: [] for name in runs}
    for r in range(rounds):
        for name, fn in runs.items():
            record = measure(fn)
            results[name].append(record)
            log(f"  round {r + 1}/{rounds} {name}: {record.get('seconds')} s "
                f"(others {record['others_cores']} cores)")
    return results


def spread(values: list[float], digits: int = 3) -> dict:
    """Median with min and max of some values."""
    return {"median": round(statistics.median(values), digits), "min": round(min(values), digits),
            "max": round(max(values), digits), "n": len(values)}


def ratio(runs: dict[str, list[dict]], top: str, bottom: str, key: str = "seconds", digits: int = 3) -> dict:
    """top/bottom of each round: median, min, max, pairs, the load they ran under."""
    values = [a[key] / b[key] for a, b in zip(runs[top], runs[bottom])]
    out = spread(values, digits)
    out["pairs"] = out.pop("n")
    out["values"] = [round(v, digits) for v in values]
    out.update(load_of(runs[top] + runs[bottom]))
    return out


def load_of(records: list[dict]) -> dict:
    """The load other processes put on the machine during these runs, and the mark."""
    others = [r["others_cores"] for r in records if "others_cores" in r]
    if not others:
        return {}
    return {"others_cores_max": max(others), "others_cores_median": round(statistics.median(others), 2),
            "under_load": max(others) > LOAD_LIMIT}


def python(code_or_args: list[str], *, timeout: float | None = None) -> subprocess.CompletedProcess:
    """Run this interpreter with arguments, from the repository root; fail loudly."""
    proc = subprocess.run([sys.executable, *code_or_args], cwd=ROOT, capture_output=True, text=True,
                          timeout=timeout)
    if proc.returncode != 0:
        raise RuntimeError(f"{' '.join(code_or_args)[:200]}: exit {proc.returncode}: {proc.stderr[-2000:]}")
    return proc


def _high_water(pid: int) -> int:
    """A process's own peak RSS so far (VmHWM), in bytes; 0 when it cannot be read."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) * 1024
    except (OSError, ValueError, IndexError):
        pass
    return 0


def peak_tree_rss(cmd: list[str], *, interval: float = 0.02, env: dict | None = None) -> dict:
    """Run `cmd`; peak RSS of its whole process tree (the command and every process it
    starts), sampled every `interval` seconds, and the sum of each process's own peak
    (its VmHWM: an upper bound of the tree's peak, as those peaks need not coincide). RSS counts shared pages (the
    Python runtime, libraries) once per process."""
    import psutil

    proc = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    root = psutil.Process(proc.pid)
    peak_tree = 0
    peaks: dict[int, int] = {}
    start = time.perf_counter()
    while proc.poll() is None:
        try:
            members = [root] + root.children(recursive=True)
        except psutil.NoSuchProcess:
            break
        total = 0
        for member in members:
            try:
                rss = member.memory_info().rss
            except psutil.Error:
                continue
            total += rss
            peaks[member.pid] = max(peaks.get(member.pid, 0), rss, _high_water(member.pid))
        peak_tree = max(peak_tree, total)
        time.sleep(interval)
    _, stderr = proc.communicate()
    seconds = time.perf_counter() - start
    if proc.returncode != 0:
        raise RuntimeError(f"{' '.join(cmd)[:200]}: exit {proc.returncode}: {stderr.decode()[-1500:]}")
    return {"peak_tree_kib": peak_tree // 1024, "sum_of_process_peaks_kib": sum(peaks.values()) // 1024,
            "processes": len(peaks), "seconds": round(seconds, 2)}
