#!/usr/bin/env bash
# Unbounded input, bounded work: `pitchbridge check` and `export --markdown` on the largest
# files they accept (8 MB), a check against a 100,000-term glossary, and a 60-column table.
# Wall time and peak memory of each whole process (GNU time).
#
#   bash bench/hostile-input.sh
set -euo pipefail
cd "$(dirname "$0")/.."
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-/var/cache/pitchbridge/target}"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
cargo build --release -q -p pitchbridge-cli
PB="$CARGO_TARGET_DIR/release/pitchbridge"

python3 - "$WORK" <<'PY'
import random, sys
work = sys.argv[1]
random.seed(7)
words = "the sensors report every thirty seconds so dispatch sees each truck and no load spoils on the way best-in-class cold chain monitoring".split()
def para(n):
    return " ".join(random.choice(words) for _ in range(n)).capitalize() + "."
# Just under the 8 MB limit: headings, paragraphs and bullets.
out, size = [], 0
i = 0
while size < 8 * 1024 * 1024 - 4096:
    i += 1
    block = f"## Section {i}\n\n{para(40)} {para(25)}\n\n- {para(12)}\n- {para(9)}\n\n"
    out.append(block); size += len(block.encode())
open(f"{work}/big.md", "w").write("# Cold chain brief\n\n" + "".join(out))
# Half a megabyte of text and 100,000 glossary terms (a few of them in the text).
half, size = [], 0
while size < 512 * 1024:
    p = para(30) + " The OEE and the SKU mix decide it.\n\n"
    half.append(p); size += len(p.encode())
open(f"{work}/half.md", "w").write("".join(half))
with open(f"{work}/glossary.csv", "w") as g:
    g.write("term,customer_phrasing,rule,note\n")
    g.write("OEE,how much of the line's time makes good product,explain,\nSKU,product code,avoid,\n")
    for n in range(99_998):
        g.write(f"term{n} phrase{n % 97},plain words,avoid,\n")
cols = 60
row = lambda label: "|" + "|".join(f" {label}{c} " for c in range(cols)) + "|\n"
open(f"{work}/wide.md", "w").write("# Price list\n\n" + row("H") + "|" + "|".join(["---"] * cols) + "|\n" + "".join(row(f"r{r}c") for r in range(40)))
PY

run() {
  local name="$1"; shift
  /usr/bin/time -f "%e %M" -o "$WORK/time" "$@" > "$WORK/out" 2> "$WORK/err" || true
  read -r secs kib < <(tail -1 "$WORK/time")
  printf '%-52s %7.2f s %8d MB  %s\n' "$name" "$secs" "$((kib / 1024))" "$(head -c 60 "$WORK/err" | tr '\n' ' ')"
}
ls -l "$WORK"/big.md "$WORK"/half.md "$WORK"/glossary.csv | awk '{print $5, $9}'
run "check, 8 MB Markdown, text report" "$PB" check "$WORK/big.md"
run "check, 8 MB Markdown, JSON report" "$PB" check --format json "$WORK/big.md"
run "check, 0.5 MB against 100,000 glossary terms" "$PB" check --glossary "$WORK/glossary.csv" "$WORK/half.md"
echo "  (its jargon findings: $(grep -c jargon "$WORK/out" || true))"
run "export --markdown, 8 MB to PDF" "$PB" export --markdown "$WORK/big.md" --format pdf -o "$WORK/big.pdf"
run "export --markdown, 8 MB to DOCX" "$PB" export --markdown "$WORK/big.md" --format docx -o "$WORK/big.docx"
run "export --markdown, 60-column table to PDF" "$PB" export --markdown "$WORK/wide.md" --format pdf -o "$WORK/wide.pdf"
