#!/usr/bin/env bash
# `uegr report` as a server user runs it: a run trained with the CLI, its report written as PDF
# and HTML without a display; the PDF's pages and text are checked with poppler's tools.
# Usage: headless_report.sh BUILD_DIR
set -euo pipefail
uegr="$1/bin/uegr"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
cd "$work"
unset DISPLAY WAYLAND_DISPLAY

cat > run.json <<'JSON'
{"model": {"type": "textcnn", "embedding_dim": 8, "num_filters": 4, "kernel_sizes": [2, 3]},
 "training": {"method": "uegr", "epochs": 1, "batch_size": 256, "threads": 1}}
JSON
"$uegr" train --config run.json --out run > train.log 2>&1 || { cat train.log; fail "training"; }

"$uegr" report --run run --out report.pdf || fail "uegr report --out report.pdf exited $?"
pages="$(pdfinfo report.pdf | awk '/^Pages:/ {print $2}')"
[ "${pages:-0}" -ge 2 ] || fail "the PDF has ${pages:-no} pages"
pdftotext report.pdf report.txt
for text in "Training data" "Test (best dev model)" "Runtime" "uegr"; do
    grep -qF "$text" report.txt || fail "the PDF does not say \"$text\""
done
"$uegr" report --run run --out report.html || fail "uegr report --out report.html exited $?"
grep -q "<h2>Training data</h2>" report.html || fail "the HTML report lacks its training-data section"

status=0
"$uegr" report --run "$work/no-such-run" --out x.pdf 2> error.txt || status=$?
[ "$status" -eq 2 ] && [ "$(wc -l < error.txt)" -eq 1 ] && grep -q "no-such-run: not a run folder" error.txt ||
    fail "a missing run folder gave exit $status: $(cat error.txt)"
status=0
"$uegr" report --run run --out report.txt 2> error.txt || status=$?
[ "$status" -eq 2 ] && grep -q "pdf or .html" error.txt || fail "a .txt report gave exit $status"
echo "PASS: uegr report wrote a $pages-page PDF and an HTML report; bad input exits 2"
