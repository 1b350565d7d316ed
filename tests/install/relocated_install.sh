#!/usr/bin/env bash
# An install that was moved after `cmake --install` still finds its data: the demo dataset is
# read from <prefix>/share/uegr-studio, located from the executable, never from the source tree.
# It also carries its licence and documentation.
# Usage: relocated_install.sh BUILD_DIR
set -euo pipefail
build="$1"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

cmake --install "$build" --prefix "$work/installed" > "$work/install.log"
mv "$work/installed" "$work/moved"
prefix="$work/moved"
for file in train.csv dev.csv test.csv; do
    test -s "$prefix/share/uegr-studio/demo/$file" || { echo "FAIL: demo $file not installed"; exit 1; }
done

for file in LICENSE README.md docs/METHOD.md docs/CONFIG.md; do
    test -s "$prefix/share/doc/uegr/$file" || { echo "FAIL: $file not installed"; exit 1; }
done
# `uegr` alone is a usage error: usage on stderr, nothing on stdout, exit 2.
status=0
"$prefix/bin/uegr" > "$work/stdout" 2> "$work/stderr" || status=$?
[ "$status" -eq 2 ] && [ ! -s "$work/stdout" ] && grep -q "train" "$work/stderr" ||
    { echo "FAIL: uegr alone exited $status"; exit 1; }

cat > "$work/run.json" <<'JSON'
{"model": {"type": "textcnn", "embedding_dim": 8, "num_filters": 4, "kernel_sizes": [2, 3]},
 "training": {"method": "vanilla", "epochs": 1, "batch_size": 256, "threads": 1}}
JSON
# No UEGR_DEMO_DIR, and a working folder outside the build and source trees.
cd "$work"
env -u UEGR_DEMO_DIR "$prefix/bin/uegr" train --config run.json --out "$work/run" > train.log 2>&1 ||
    { cat train.log; echo "FAIL: the moved install could not train on its demo data"; exit 1; }
grep -q '"type":"eval"' "$work/run/metrics.jsonl" || { echo "FAIL: no evaluation logged"; exit 1; }
rows="$(env -u UEGR_DEMO_DIR "$prefix/bin/uegr" data inspect "$prefix/share/uegr-studio/demo/train.csv" |
    grep -o '"rows": *[0-9]*' | head -1)"
echo "PASS: moved install trained on its own demo data ($rows)"
