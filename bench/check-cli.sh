#!/usr/bin/env bash
# `pitchbridge check` as a whole process on a 5,000-word pitch, side by side in one run with
# proselint (PyPI) and write-good (npm) on the same file. Each command runs ROUNDS times; the
# median and the fastest wall-clock times are reported.
#
#   bash bench/check-cli.sh            (ROUNDS=15 by default)
set -euo pipefail
cd "$(dirname "$0")/.."
ROUNDS="${ROUNDS:-15}"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-/var/cache/pitchbridge/target}"
TOOLS=/var/cache/pitchbridge/tools
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT

cargo build --release -q -p pitchbridge-cli
PB="$CARGO_TARGET_DIR/release/pitchbridge"
PB_WRITE_TEXT="$WORK/pitch.md" cargo bench -q -p pitchbridge-checks --bench check >/dev/null
cp "$WORK/pitch.md" "$WORK/pitch.txt"

if [ ! -x "$TOOLS/proselint-venv/bin/proselint" ]; then
  python3 -m venv "$TOOLS/proselint-venv"
  "$TOOLS/proselint-venv/bin/pip" install -q proselint
fi
if [ ! -x "$TOOLS/write-good/node_modules/.bin/write-good" ]; then
  mkdir -p "$TOOLS/write-good"
  (cd "$TOOLS/write-good" && npm install --silent --no-audit --no-fund write-good@1 >/dev/null)
fi

python3 - "$ROUNDS" "$WORK" "$PB" "$TOOLS" <<'PY'
import statistics, subprocess, sys, time
rounds, work, pb, tools = int(sys.argv[1]), sys.argv[2], sys.argv[3], sys.argv[4]
words = len(open(f"{work}/pitch.md").read().split())
commands = {
    "pitchbridge check": [pb, "check", "--format", "json", f"{work}/pitch.md"],
    "proselint": [f"{tools}/proselint-venv/bin/proselint", "check", f"{work}/pitch.txt"],
    "write-good": [f"{tools}/write-good/node_modules/.bin/write-good", f"{work}/pitch.md"],
}
results = {}
for name, cmd in commands.items():
    subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # warm the page cache
    times = []
    for _ in range(rounds):
        t = time.perf_counter()
        subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        times.append((time.perf_counter() - t) * 1000)
    results[name] = (statistics.median(times), min(times))
print(f"check-cli: {words} words (source), {rounds} runs each")
base = results["pitchbridge check"][0]
for name, (median, best) in results.items():
    ratio = "" if name == "pitchbridge check" else f"  ({median / base:.1f}x pitchbridge's median)"
    print(f"  {name:18} median {median:8.1f} ms   fastest {best:8.1f} ms{ratio}")
PY
