#!/usr/bin/env bash
# Trains vanilla and UEGR on the bundled demo dataset with three seeds and prints a Markdown table
# of best dev accuracy and test accuracy (docs/RESULTS.md). Usage: scripts/demo-results.sh [UEGR_BINARY] [OUT_DIR]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
uegr="${1:-$root/build/bin/uegr}"
out="${2:-$root/runs/demo-results}"
mkdir -p "$out"
echo "| method | seed | best dev accuracy | dev macro-F1 | test accuracy | steps/s |"
echo "|---|---|---|---|---|---|"
for method in vanilla uegr; do
    for seed in 1 2 3; do
        run="$out/$method-seed$seed"
        rm -rf "$run"
        printf '{"training": {"method": "%s", "seed": %d}, "output": {"dir": "%s"}}\n' "$method" "$seed" "$run" > "$out/$method-seed$seed.json"
        "$uegr" train --config "$out/$method-seed$seed.json" > /dev/null 2> "$out/$method-seed$seed.log"
        python3 - "$run/summary.json" "$method" "$seed" <<'PY'
import json, sys
s = json.load(open(sys.argv[1]))
print(f"| {sys.argv[2]} | {sys.argv[3]} | {s['best_dev']['accuracy']:.3f} | {s['best_dev']['macro_f1']:.3f} | {s['test']['accuracy']:.3f} | {s['steps_per_second']:.1f} |")
PY
    done
done
