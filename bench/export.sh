#!/usr/bin/env bash
# Exporting a 25,000-word document: pitchbridge's DOCX and PDF writers side by side in one run
# with pandoc (Markdown -> DOCX), LibreOffice (DOCX -> PDF) and typst (the same text -> PDF).
# Installs the typst Python package into a venv under /var/cache/pitchbridge/tools first.
set -euo pipefail
cd "$(dirname "$0")/.."
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-/var/cache/pitchbridge/target}"
VENV=/var/cache/pitchbridge/tools/typst-venv
if [ ! -x "$VENV/bin/python" ] || ! "$VENV/bin/python" -c "import typst" 2>/dev/null; then
  python3 -m venv "$VENV"
  "$VENV/bin/pip" install -q typst
fi
TYPST_PYTHON="$VENV/bin/python" cargo bench -q -p pitchbridge-export --bench export
