#!/usr/bin/env bash
# Shared set-up for scripts/run-app.sh and scripts/test.sh: system packages, npm packages,
# build tools. Safe to run again: it only installs what is missing.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export ROOT

if [ "$(id -u)" -eq 0 ]; then SUDO=""; else SUDO="sudo"; fi

# A cargo target directory outside the clone, so a fresh clone reuses earlier builds.
if [ -z "${CARGO_TARGET_DIR:-}" ]; then
  if mkdir -p /var/cache/pitchbridge 2>/dev/null && [ -w /var/cache/pitchbridge ]; then
    CACHE=/var/cache/pitchbridge
  else
    CACHE="${XDG_CACHE_HOME:-$HOME/.cache}/pitchbridge"
  fi
  export CARGO_TARGET_DIR="$CACHE/target"
else
  CACHE="$(dirname "$CARGO_TARGET_DIR")"
fi
export PITCHBRIDGE_CACHE="$CACHE"
mkdir -p "$CARGO_TARGET_DIR" "$CACHE/tools"

# The fonts: writers paste emoji and Chinese, Japanese and Korean text, which Debian's default
# fonts do not cover.
APT_PACKAGES=(build-essential pkg-config libwebkit2gtk-4.1-dev libssl-dev librsvg2-dev
              xvfb xauth webkit2gtk-driver fonts-noto-color-emoji fonts-noto-cjk)
command -v node >/dev/null 2>&1 || APT_PACKAGES+=(nodejs npm)
# Installs those of the named Debian packages that are missing: apt_install_missing WHAT PKG...
apt_install_missing() {
  local what="$1" p
  shift
  local missing=()
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    echo "==> Installing $what: ${missing[*]}"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
  fi
}
apt_install_missing "system packages" "${APT_PACKAGES[@]}"

if ! command -v cargo >/dev/null 2>&1; then
  echo "Rust is not installed. Install it with rustup (https://rustup.rs), then run this again." >&2
  exit 1
fi

# npm packages, reinstalled only when the lock file changed.
if ! cmp -s "$ROOT/ui/package-lock.json" "$ROOT/ui/node_modules/.package-lock.stamp" 2>/dev/null; then
  echo "==> Installing npm packages"
  (cd "$ROOT/ui" && npm ci --no-audit --no-fund --loglevel=error)
  cp "$ROOT/ui/package-lock.json" "$ROOT/ui/node_modules/.package-lock.stamp"
fi

# Builds the desktop app (Vite build, then cargo with the embedded front end).
build_app() {
  echo "==> Building the Pitchbridge desktop app"
  (cd "$ROOT/src-tauri" && "$ROOT/ui/node_modules/.bin/tauri" build --debug --no-bundle --ci)
  APP_BIN="$CARGO_TARGET_DIR/debug/pitchbridge-desktop"
  export APP_BIN
}
