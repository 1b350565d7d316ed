#!/usr/bin/env bash
# Builds core/ and the CLI against the PyTorch (CUDA) install of a GPU machine and runs the CUDA
# checks, one PASS/FAIL line each (exit 1 on any FAIL):
#   link-guard           no C++ standard-library symbol binds to upstream LibTorch's copies
#   cuda-train           a 3-epoch Transformer trains on CUDA past checkpoint rotation to summary.json
#   peak-memory          the steps' telemetry records peak GPU memory
#   deterministic-resume with training.deterministic, a run interrupted with Ctrl-C and resumed logs
#                        the uninterrupted run's losses within 1e-5
#   out-of-memory        an oversized run stops with a clear message and exit 1, no crash
#   bf16                 training.precision bf16 trains, within 3 points of fp32's test accuracy
#   hf-roundtrip         scripts/gpu-check-hf.sh (transformers loads what uegr exports)
# and prints figures (step benchmark, bf16 against fp32, BERT-base steps, resume drift without
# deterministic kernels). Results go to $OUT (or ./gpu-check-out). What the machine lacks
# (header-only libraries, ICU) comes from .device-deps, made by scripts/prepare-device-deps.sh.
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="${OUT:-$root/gpu-check-out}"
mkdir -p "$out"
exec > >(tee "$out/gpu-check.log") 2>&1
cd "$root"
failures=0
verdict() {  # verdict NAME STATUS DETAIL
    if [ "$2" -eq 0 ]; then echo "PASS $1${3:+: $3}"; else echo "FAIL $1${3:+: $3}"; failures=$((failures + 1)); fi
}

nvidia-smi --query-gpu=name,memory.total,driver_version --format=csv,noheader
python3 -c 'import torch; print("torch", torch.__version__, "cuda", torch.version.cuda, torch.cuda.is_available())'
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
grep "Peak GPU memory" "$out/configure.log"
start=$(date +%s)
cmake --build build-cuda -j "$(nproc)" > "$out/build.log" 2>&1 || { grep -m 20 -A3 "error" "$out/build.log"; exit 1; }
echo "build: $(( $(date +%s) - start )) s"
export LD_LIBRARY_PATH="$torch_root/lib:${LD_LIBRARY_PATH:-}"
uegr=build-cuda/bin/uegr
$uegr --version

scripts/check-stdlib-binding.sh build-cuda/bin > "$out/link-guard.log" 2>&1
verdict link-guard $? "$(tail -1 "$out/link-guard.log")"

# run NAME CONFIG_JSON [uegr train options...]: trains into $out/NAME, log in $out/NAME.log.
run() {
    local name="$1" config="$2"
    shift 2
    printf '%s\n' "$config" > "$out/$name.json"
    $uegr train --config "$out/$name.json" --out "$out/$name" "$@" > "$out/$name.log" 2>&1
}
transformer='"model": {"type": "transformer", "hidden_dim": 128, "embedding_dim": 128, "num_layers": 2, "num_heads": 4}'
output='"output": {"log_every_steps": 25, "checkpoint_every_steps": 20}'

run cuda-fp32 "{\"training\": {\"method\": \"uegr\", \"epochs\": 3, \"device\": \"cuda\"}, $transformer, $output}"
status=$?
[ -s "$out/cuda-fp32/summary.json" ] || status=1
verdict cuda-train "$status" "exit $status, $(ls -d "$out"/cuda-fp32/checkpoints/step-* 2>/dev/null | wc -l) checkpoints kept"
python3 - "$out/cuda-fp32/metrics.jsonl" <<'PY'
import json, sys
peaks = [r.get("peak_memory_mb") for r in map(json.loads, open(sys.argv[1])) if r.get("type") == "step"]
ok = peaks and all(isinstance(p, (int, float)) and p > 0 for p in peaks)
print(("PASS" if ok else "FAIL") + f" peak-memory: {len(peaks)} steps, max {max(p or 0 for p in peaks):.0f} MiB")
sys.exit(0 if ok else 1)
PY
[ $? -eq 0 ] || failures=$((failures + 1))

# interrupted NAME CONFIG: the run stopped with SIGINT after 60 logged steps, then resumed.
interrupted() {
    local name="$1" config="$2" pid steps
    printf '%s\n' "$config" > "$out/$name.json"
    $uegr train --config "$out/$name.json" --out "$out/$name" > "$out/$name.log" 2>&1 &
    pid=$!
    for _ in $(seq 1 1200); do
        steps=$(grep -c '"type":"step"' "$out/$name/metrics.jsonl" 2>/dev/null)
        [ "${steps:-0}" -ge 60 ] && break
        sleep 0.1
    done
    kill -INT "$pid"; wait "$pid"
    $uegr train --resume "$out/$name" >> "$out/$name.log" 2>&1
}
loss_gap() {  # loss_gap STRAIGHT RESUMED: prints "steps gap"
    python3 - "$out/$1/metrics.jsonl" "$out/$2/metrics.jsonl" <<'PY'
import json, sys
def losses(path):
    return {r["step"]: r["loss"] for r in map(json.loads, open(path)) if r.get("type") == "step"}
a, b = losses(sys.argv[1]), losses(sys.argv[2])
common = sorted(set(a) & set(b))
gap = max(abs(a[s] - b[s]) for s in common) if common and len(b) == len(a) else float("inf")
print(len(b), len(a), gap)
PY
}
deterministic="{\"training\": {\"method\": \"uegr\", \"epochs\": 3, \"device\": \"cuda\", \"deterministic\": true}, $transformer, $output}"
run det-straight "$deterministic"
interrupted det-resumed "$deterministic"
read -r logged total gap <<< "$(loss_gap det-straight det-resumed)"
python3 -c "import sys; sys.exit(0 if float('$gap') <= 1e-5 else 1)"
verdict deterministic-resume $? "$logged of $total steps logged, max |loss gap| $gap"
interrupted cuda-resumed "{\"training\": {\"method\": \"uegr\", \"epochs\": 3, \"device\": \"cuda\"}, $transformer, $output}"
read -r logged total gap <<< "$(loss_gap cuda-fp32 cuda-resumed)"
echo "figure: resume drift without training.deterministic: max |loss gap| $gap over $logged steps"

# 1.6 G parameters fit; the activations of the whole demo set in one batch (8 layers, K passes) do not.
huge='"model": {"type": "transformer", "hidden_dim": 4096, "embedding_dim": 4096, "ff_dim": 16384, "num_layers": 8, "num_heads": 8}'
run oom "{\"training\": {\"method\": \"uegr\", \"epochs\": 1, \"device\": \"cuda\", \"batch_size\": 65536}, $huge}"
status=$?
message="$(grep -m1 "out of GPU memory" "$out/oom.log")"
[ "$status" -eq 1 ] && [ -n "$message" ]
verdict out-of-memory $? "exit $status: ${message:-$(tail -1 "$out/oom.log")}"

run cuda-bf16 "{\"training\": {\"method\": \"uegr\", \"epochs\": 3, \"device\": \"cuda\", \"precision\": \"bf16\"}, $transformer, $output}"
python3 - "$out/cuda-fp32" "$out/cuda-bf16" <<'PY'
import json, statistics, sys
def figures(run):
    steps = [r["step_time_ms"] for r in map(json.loads, open(run + "/metrics.jsonl")) if r.get("type") == "step"]
    summary = json.load(open(run + "/summary.json"))
    return statistics.median(steps[5:] or steps), summary["test"]["accuracy"]
(fp32_ms, fp32_acc), (bf16_ms, bf16_acc) = figures(sys.argv[1]), figures(sys.argv[2])
ok = bf16_acc >= fp32_acc - 0.03
print(("PASS" if ok else "FAIL") + f" bf16: demo Transformer UEGR step {bf16_ms:.1f} ms vs fp32 {fp32_ms:.1f} ms, "
      f"test accuracy {bf16_acc:.4f} vs {fp32_acc:.4f}")
sys.exit(0 if ok else 1)
PY
[ $? -eq 0 ] || failures=$((failures + 1))

rm -rf "$out"/*/checkpoints
if [ -x build-cuda/bin/uegr-bench-step ]; then
    build-cuda/bin/uegr-bench-step --device cuda || echo "bench failed: $?"
    build-cuda/bin/uegr-bench-step --device cuda --json > "$out/bench-cuda.json" || echo "bench failed: $?"
fi
# A BERT-base-shaped encoder fine-tuned on CUDA in fp32 and bf16 (the "estimated" column is the CPU estimate).
if [ -x build-cuda/bin/uegr-bench-hf-step ]; then
    for precision in fp32 bf16; do
        build-cuda/bin/uegr-bench-hf-step --device cuda --layers 12 --hidden 768 --heads 12 --intermediate 3072 \
            --batch 32 --length 128 --precision "$precision" || echo "hf bench ($precision) failed: $?"
    done
fi
scripts/gpu-check-hf.sh "$uegr" "$out/hf"
verdict hf-roundtrip $?
echo "gpu-check done: $failures FAIL"
[ "$failures" -eq 0 ]
