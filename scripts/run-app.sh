#!/usr/bin/env bash
# Installs what is needed, builds, and opens Pitchbridge. With no arguments it opens the
# default workspace, which starts as the demo workspace. Pass --workspace FILE to open another.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
build_app
if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
  echo "No display found: running under a virtual X server (xvfb-run)."
  exec xvfb-run -a -s "-screen 0 1280x800x24" "$APP_BIN" "$@"
fi
exec "$APP_BIN" "$@"
