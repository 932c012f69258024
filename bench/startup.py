#!/usr/bin/env python3
"""Start-up time and idle memory of Pitchbridge next to a bare Tauri 2 window.

Both are release builds with the front end embedded (tauri build --no-bundle). Each app is
started N times under one Xvfb display. Both print two lines, measured the same way: the first
frame of their first screen ("pitchbridge-mark first-frame": for Pitchbridge the demo
workspace's launch screen, built and laid out; animation callbacks run before a frame paints)
and the frame after it, once that screen has been painted ("pitchbridge-ready"). Start-up is
the time from spawning the process to each. Idle memory is read 5 s later from
/proc/*/smaps_rollup over the app and every process it started (WebKit's web and network
processes), as RSS and PSS.

Usage: python3 bench/startup.py PITCHBRIDGE_BIN BARE_BIN [runs]
"""
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time


def children(pid):
    out = []
    for p in os.listdir("/proc"):
        if not p.isdigit():
            continue
        try:
            with open(f"/proc/{p}/stat") as f:
                ppid = int(f.read().rsplit(")", 1)[1].split()[1])
        except (OSError, IndexError, ValueError):
            continue
        if ppid == pid:
            out.append(int(p))
            out.extend(children(int(p)))
    return out


def memory(pid):
    rss = pss = 0
    for p in [pid] + children(pid):
        try:
            with open(f"/proc/{p}/smaps_rollup") as f:
                for line in f:
                    if line.startswith("Rss:"):
                        rss += int(line.split()[1])
                    elif line.startswith("Pss:"):
                        pss += int(line.split()[1])
        except OSError:
            pass
    return rss / 1024, pss / 1024


def run_once(binary, env, home):
    run_dir = os.path.join(home, "run")
    os.makedirs(run_dir, mode=0o700, exist_ok=True)
    e = dict(env, XDG_DATA_HOME=os.path.join(home, "data"), XDG_CONFIG_HOME=os.path.join(home, "config"),
             XDG_CACHE_HOME=os.path.join(home, "cache"), XDG_RUNTIME_DIR=run_dir,
             PITCHBRIDGE_STARTUP_PROBE="1", NO_AT_BRIDGE="1")
    t0 = time.perf_counter()
    proc = subprocess.Popen([binary], env=e, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    ready_ms = first_frame_ms = None
    for line in proc.stdout:
        if line.startswith("pitchbridge-mark first-frame"):
            first_frame_ms = float(line.split()[2])
        if line.startswith("pitchbridge-ready"):
            ready_ms = (time.perf_counter() - t0) * 1000
            # The app's own clock starts a little after the spawn: shift its mark onto ours.
            if first_frame_ms is not None:
                first_frame_ms = ready_ms - (float(line.split()[1]) - first_frame_ms)
            break
    time.sleep(5)
    rss, pss = memory(proc.pid)
    proc.terminate()
    try:
        proc.wait(10)
    except subprocess.TimeoutExpired:
        proc.kill()
    return ready_ms, rss, pss, first_frame_ms


def main():
    app, bare = sys.argv[1], sys.argv[2]
    runs = int(sys.argv[3]) if len(sys.argv) > 3 else 5
    env = dict(os.environ)
    results = {}
    homes = {}
    apps = (("bare Tauri 2 window", bare), ("Pitchbridge (demo workspace)", app))
    # The first start of each app is its warm-up; for Pitchbridge it also creates the default
    # workspace with the demo content, and is reported on its own.
    for name, binary in apps:
        homes[name] = tempfile.mkdtemp(prefix="pb-bench-")
        first = run_once(binary, env, homes[name])
        print(f"first start of {name}: ready after {first[0]:.0f} ms")
        results[name] = []
    # Alternate the two so that machine noise hits both alike.
    for _ in range(runs):
        for name, binary in apps:
            results[name].append(run_once(binary, env, homes[name]))
    for home in homes.values():
        shutil.rmtree(home, ignore_errors=True)
    print(f"{'':30} {'1st frame p50':>13} {'painted p50':>12} {'painted max':>12} {'RSS MB':>8} {'PSS MB':>8}")
    summary = {}
    for name, rs in results.items():
        ready = [r[0] for r in rs if r[0] is not None]
        first = [r[3] for r in rs if r[3] is not None]
        rss = statistics.median(r[1] for r in rs)
        pss = statistics.median(r[2] for r in rs)
        summary[name] = (statistics.median(first), statistics.median(ready), rss, pss)
        print(f"{name:30} {summary[name][0]:>11.0f}ms {summary[name][1]:>10.0f}ms {max(ready):>10.0f}ms {rss:>8.0f} {pss:>8.0f}")
    (b_first, b_ready, b_rss, b_pss), (a_first, a_ready, a_rss, a_pss) = summary.values()
    print(f"{'ratio (Pitchbridge / bare)':30} {a_first / b_first:>13.2f} {a_ready / b_ready:>12.2f} {'':>12} {a_rss / b_rss:>8.2f} {a_pss / b_pss:>8.2f}")


if __name__ == "__main__":
    main()
