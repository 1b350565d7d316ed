#!/usr/bin/env bash
# Builds core/ and the CLI against the PyTorch (CUDA) install of a GPU machine and runs the CUDA
# checks: `uegr --version`, a short `uegr train` on CUDA, the same run interrupted with Ctrl-C
# and resumed (its losses must follow the uninterrupted run's), the step benchmark on CUDA, and
# the Hugging Face round trip (scripts/gpu-check-hf.sh). Results go to $OUT (or ./gpu-check-out).
# What the machine lacks (header-only libraries, ICU) comes from .device-deps, made by
# scripts/prepare-device-deps.sh and carried with the run.
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="${OUT:-$root/gpu-check-out}"
mkdir -p "$out"
exec > >(tee "$out/gpu-check.log") 2>&1
cd "$root"
nvidia-smi --query-gpu=name,memory.total,driver_version --format=csv,noheader
python3 -c 'import torch; print("torch", torch.__version__, "cuda", torch.version.cuda, torch.cuda.is_available())'
for tool in cmake ninja g++ nvcc; do printf '%s: ' "$tool"; command -v "$tool" || echo "not found"; done
prefix="$(python3 -c 'import torch; print(torch.utils.cmake_prefix_path)')"
torch_root="$(python3 -c 'import torch, os; print(os.path.dirname(torch.__file__))')"
abi="$(python3 -c 'import torch; print(int(torch._C._GLIBCXX_USE_CXX11_ABI))')"
generator=(); command -v ninja >/dev/null && generator=(-G Ninja)
common=(-DCMAKE_BUILD_TYPE=Release -DUEGR_BUILD_GUI=OFF -DUEGR_BUILD_TESTS=OFF -DUEGR_BUILD_BENCH=ON
        -DCMAKE_INCLUDE_PATH="$root/.device-deps/include")
icu="$root/.device-deps/icu"
if ! pkg-config --exists icu-uc 2>/dev/null && [ -d "$icu" ]; then
    common+=(-DICU_INCLUDE_DIR="$icu/include" -DICU_UC_LIBRARY_RELEASE="$(ls "$icu"/lib/libicuuc.so.*)"
             -DICU_DATA_LIBRARY_RELEASE="$(ls "$icu"/lib/libicudata.so.*)")
    export LD_LIBRARY_PATH="$icu/lib:${LD_LIBRARY_PATH:-}"
fi
if ! cmake -S . -B build-cuda "${generator[@]}" "${common[@]}" -DCMAKE_PREFIX_PATH="$prefix" > "$out/configure.log" 2>&1; then
    echo "find_package(Torch) failed (see configure.log); linking the wheel directly"
    rm -rf build-cuda
    cmake -S . -B build-cuda "${generator[@]}" "${common[@]}" -DUEGR_TORCH_ROOT="$torch_root" \
          -DUEGR_TORCH_CXX11_ABI="$abi" > "$out/configure.log" 2>&1 || { tail -30 "$out/configure.log"; exit 1; }
fi
start=$(date +%s)
cmake --build build-cuda -j "$(nproc)" > "$out/build.log" 2>&1 || { grep -m 20 -A3 "error" "$out/build.log"; exit 1; }
echo "build: $(( $(date +%s) - start )) s"
export LD_LIBRARY_PATH="$torch_root/lib:${LD_LIBRARY_PATH:-}"
build-cuda/bin/uegr --version
cat > "$out/cuda-run.json" <<'JSON'
{"training": {"method": "uegr", "epochs": 3, "device": "cuda", "batch_size": 32},
 "model": {"type": "transformer", "hidden_dim": 128, "embedding_dim": 128, "num_layers": 2, "num_heads": 4},
 "output": {"log_every_steps": 25}}
JSON
time build-cuda/bin/uegr train --config "$out/cuda-run.json" --out "$out/run-uegr-cuda"
cp "$out/run-uegr-cuda/summary.json" "$out/summary-uegr-cuda.json" 2>/dev/null
build-cuda/bin/uegr eval --model "$out/run-uegr-cuda/model" --data resources/demo/test.csv --device cuda
# Resume on CUDA: the same run, interrupted (SIGINT, as Ctrl-C) after 60 steps, then resumed.
build-cuda/bin/uegr train --config "$out/cuda-run.json" --out "$out/run-resume" > "$out/resume-first.log" 2>&1 &
pid=$!
for _ in $(seq 1 900); do
    steps=$(grep -c '"type":"step"' "$out/run-resume/metrics.jsonl" 2>/dev/null)
    [ "${steps:-0}" -ge 60 ] && break
    sleep 0.1
done
kill -INT "$pid"; wait "$pid"; echo "interrupted run: exit $?, $(tail -1 "$out/resume-first.log")"
build-cuda/bin/uegr train --resume "$out/run-resume" > "$out/resume-second.log" 2>&1
echo "resumed run: exit $?, $(tail -1 "$out/resume-second.log")"
python3 - "$out/run-uegr-cuda/metrics.jsonl" "$out/run-resume/metrics.jsonl" <<'PY'
import json, sys
def losses(path):
    return {r["step"]: r["loss"] for r in map(json.loads, open(path)) if r.get("type") == "step"}
straight, resumed = losses(sys.argv[1]), losses(sys.argv[2])
common = sorted(set(straight) & set(resumed))
gap = max(abs(straight[s] - resumed[s]) for s in common) if common else float("nan")
print(f"resume: {len(resumed)} of {len(straight)} steps logged, max |loss gap| over {len(common)} steps: {gap:.3g}")
PY
rm -rf "$out/run-uegr-cuda/checkpoints" "$out/run-resume/checkpoints"
if [ -x build-cuda/bin/uegr-bench-step ]; then
    build-cuda/bin/uegr-bench-step --device cuda || echo "bench failed: $?"
    build-cuda/bin/uegr-bench-step --device cuda --json > "$out/bench-cuda.json" || echo "bench failed: $?"
fi
# A BERT-base-shaped encoder fine-tuned on CUDA (the "estimated" column is the CPU estimate).
if [ -x build-cuda/bin/uegr-bench-hf-step ]; then
    build-cuda/bin/uegr-bench-hf-step --device cuda --layers 12 --hidden 768 --heads 12 --intermediate 3072 \
        --batch 32 --length 128 || echo "hf bench failed: $?"
fi
scripts/gpu-check-hf.sh build-cuda/bin/uegr "$out/hf" || echo "hf check failed: $?"
echo "gpu-check done"
