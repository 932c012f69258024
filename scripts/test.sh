#!/usr/bin/env bash
# Installs what is needed and runs every test: domain, store, app, command line, TypeScript
# types, and end-to-end tests that drive the built app under Xvfb.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"

# What the tests need beyond the app: pandoc and LibreOffice make real Word documents to import;
# xdotool presses real keys and drags with the mouse, and a small GTK window (Python GObject)
# is the file manager a file is dragged from. Exported files are opened by what people open
# them with: LibreOffice and python-docx read the DOCX; qpdf and poppler read the PDF; WebKit
# (through Python GObject) runs SCORM packages under scorm-again's runtime (an npm package).
TEST_PACKAGES=(pandoc libreoffice-writer-nogui xdotool python3-gi gir1.2-gtk-3.0 python3-docx qpdf poppler-utils python3-venv
               python3-gi-cairo gir1.2-webkit2-4.1)
apt_install_missing "test tools" "${TEST_PACKAGES[@]}"

# Readers from PyPI the tests check written files with, in a virtual environment of their own:
# pygiftparser reads the GIFT quizzes training kits write, Anki's own library imports their
# decks, statsmodels, scipy and pandas recompute launch results from the same files, and
# translate-toolkit reads and writes the TMX memories.
ORACLES="$CACHE/tools/oracles"
if ! "$ORACLES/bin/python" -c "import pygiftparser, anki, statsmodels, scipy, pandas, translate.storage.tmx" 2>/dev/null; then
  echo "==> Installing the Python readers the tests check files with"
  rm -rf "$ORACLES"
  python3 -m venv "$ORACLES"
  "$ORACLES/bin/pip" install --quiet "pygiftparser==1.1" "anki==26.9.3" "statsmodels==0.14.4" "scipy==1.14.1" "translate-toolkit==3.15.2"
fi
export PITCHBRIDGE_ORACLE_PYTHON="$ORACLES/bin/python"

TAURI_DRIVER="$CACHE/tools/bin/tauri-driver"
if [ ! -x "$TAURI_DRIVER" ]; then
  echo "==> Installing tauri-driver"
  cargo install tauri-driver --version '^2' --locked --root "$CACHE/tools"
fi
export TAURI_DRIVER

echo "==> Type-checking the UI"
(cd "$ROOT/ui" && npm run --silent check)

LOG="$(mktemp)"
trap 'rm -f "$LOG"' EXIT

echo "==> UI unit tests"
(cd "$ROOT/ui" && npm run --silent test) 2>&1 | tee -a "$LOG"

echo "==> Unit and integration tests"
cd "$ROOT"
cargo test --workspace --exclude pitchbridge-e2e --exclude bare-window 2>&1 | tee -a "$LOG"

build_app

echo "==> End-to-end tests (tauri-driver + WebKitWebDriver under Xvfb)"
export PITCHBRIDGE_APP="$APP_BIN"
export NO_AT_BRIDGE=1
# A window that never appears would otherwise hold the run until CI gives up: 25 minutes is
# many times what these tests take, even with the test crate compiled from nothing.
if ! timeout --kill-after=30 1500 xvfb-run -a -s "-screen 0 1280x800x24" cargo test -p pitchbridge-e2e -- --test-threads=1 2>&1 | tee -a "$LOG"; then
  echo "End-to-end tests failed (or ran past 25 minutes)." >&2
  exit 1
fi

echo "==> The packages: build, install, check as a desktop sees them, remove"
bash "$ROOT/scripts/test-package.sh" 2>&1 | grep -v '^ *Compiling ' | tee -a "$LOG"

# One line for the whole run: every cargo "test result" line and vitest's "Tests" line added up.
awk '/^test result:|^ +Tests +[0-9]/ { for (i = 1; i <= NF; i++) { if ($(i+1) ~ /^passed/) p += $i; if ($(i+1) ~ /^failed/) f += $i } }
     END { printf "Total: %d passed, %d failed\n", p, f }' "$LOG"
