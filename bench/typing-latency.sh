#!/usr/bin/env bash
# Typing latency in the pitch editor with a 5,000-word pitch open (release build, under Xvfb).
# Usage: bash bench/typing-latency.sh   (after scripts/setup.sh has installed the tools)
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
# Real key presses come from xdotool.
command -v xdotool >/dev/null || { apt-get update -qq && apt-get install -y -qq xdotool; }
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-/var/cache/pitchbridge/target}"
export TAURI_DRIVER="${TAURI_DRIVER:-/var/cache/pitchbridge/tools/bin/tauri-driver}"
(cd "$ROOT/src-tauri" && "$ROOT/ui/node_modules/.bin/tauri" build --no-bundle --ci)
export PITCHBRIDGE_APP="$CARGO_TARGET_DIR/release/pitchbridge-desktop"
cd "$ROOT"
xvfb-run -a -s "-screen 0 1280x800x24" \
  cargo test -p pitchbridge-e2e --test typing_latency -- --ignored --nocapture 2>&1 | grep -E "pitch open|typing latency|baseline|pb-|panicked|FAILED"
