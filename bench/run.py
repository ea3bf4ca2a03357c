"""`make bench`: run every benchmark and write one report, bench/results.md (+ JSON).

Each benchmark is a script of its own that writes bench/out/NAME.json; this one runs
them in turn (a failing one is reported, the rest go on) and puts their numbers,
each as a ratio against its baseline from the same run, into one Markdown report
with the machine described.
"""

from __future__ import annotations

import json
import os
import platform
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
OUT = HERE / "out"
BENCHES = ["speed", "dates", "aliases", "facts", "conflicts"]
ARGS = {"conflicts": ["--loader", "load_facts:load_store"]}


def machine() -> str:
    cpu = "?"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem = "?"
    try:
        kib = int(Path("/proc/meminfo").read_text().split()[1])
        mem = f"{kib / 1024 / 1024:.0f} GiB"
    except (OSError, ValueError, IndexError):
        pass
    return f"{os.cpu_count()} cores ({cpu}), {mem} RAM, Python {platform.python_version()}, {platform.platform()}"


def run(name: str) -> dict:
    script = HERE / f"{name}.py"
    if not script.exists():
        return {"error": "not written yet"}
    start = time.perf_counter()
    proc = subprocess.run([sys.executable, str(script), *ARGS.get(name, [])], cwd=HERE.parent, capture_output=True, text=True)
    took = round(time.perf_counter() - start, 1)
    sys.stderr.write(proc.stderr[-2000:])
    print(proc.stdout[-4000:])
    if proc.returncode != 0:
        return {"error": f"exit {proc.returncode}", "seconds": took}
    try:
        data = json.loads((OUT / f"{name}.json").read_text())
    except (OSError, ValueError):
        data = {"error": "no bench/out JSON"}
    data["bench_seconds"] = took
    return data


def section(name: str, data: dict) -> str:
    lines = [f"## {name}", ""]
    if "error" in data:
        lines.append(f"not measured: {data['error']}")
    lines += ["```json", json.dumps(data, indent=2)[:6000], "```", ""]
    return "\n".join(lines)


def main() -> None:
    OUT.mkdir(exist_ok=True)
    names = sys.argv[1:] or BENCHES
    results = {}
    for name in names:
        print(f"== bench {name}", flush=True)
        results[name] = run(name)
    report = {"machine": machine(), "date": time.strftime("%Y-%m-%d"), "results": results}
    (HERE / "results.json").write_text(json.dumps(report, indent=2) + "\n")
    md = [f"# factx benchmarks\n\nMachine: {report['machine']}  \nDate: {report['date']}\n"]
    md += [section(name, data) for name, data in results.items()]
    (HERE / "results.md").write_text("\n".join(md))
    print(f"wrote {HERE / 'results.md'}")


if __name__ == "__main__":
    main()
