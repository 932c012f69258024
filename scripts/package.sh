#!/usr/bin/env bash
# Builds the Debian (.deb) and Fedora/openSUSE (.rpm) packages from a checkout: the desktop app
# (pitchbridge-desktop), the command line (pitchbridge), the icons, the desktop entry that opens
# Pitchbridge's files, and their file types. Prints where the packages are.
#   scripts/package.sh           release build
#   scripts/package.sh --debug   debug build (quicker; what the tests install)
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"

profile=release
tauri_flags=()
cargo_flags=(--release)
if [ "${1:-}" = "--debug" ]; then
  profile=debug
  tauri_flags=(--debug)
  cargo_flags=()
fi

echo "==> Building the command line ($profile)"
cargo build "${cargo_flags[@]}" -p pitchbridge-cli
# The package's files are named relative to src-tauri (tauri.conf.json, bundle.linux).
mkdir -p "$ROOT/src-tauri/package/bin"
install -m 0755 "$CARGO_TARGET_DIR/$profile/pitchbridge" "$ROOT/src-tauri/package/bin/pitchbridge"

echo "==> Building the desktop app and its packages ($profile)"
(cd "$ROOT/src-tauri" && "$ROOT/ui/node_modules/.bin/tauri" build "${tauri_flags[@]}" --bundles deb,rpm --ci)

BUNDLE="$CARGO_TARGET_DIR/$profile/bundle"
DEB="$(ls -t "$BUNDLE"/deb/*.deb | head -1)"
RPM="$(ls -t "$BUNDLE"/rpm/*.rpm | head -1)"
echo "$DEB"
echo "$RPM"
