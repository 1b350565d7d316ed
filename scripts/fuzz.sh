#!/usr/bin/env bash
# Usage: scripts/fuzz.sh SECONDS
# Configures a clang build of the fuzz targets in build-fuzz/ (UEGR_BUILD_FUZZERS; see
# docs/FUZZING.md), builds them and runs each for SECONDS on a copy of its seed corpus
# (tests/fuzz/corpus/<target>), with ASan and UBSan, as many at once as there are cores (JOBS).
# Inputs that crash or break the error-message promise are written to build-fuzz/findings/<target>/;
# the exit status is 1 when any target failed.
set -uo pipefail
seconds="${1:?usage: scripts/fuzz.sh SECONDS}"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="$root/build-fuzz"
targets=(table_reader run_config safetensors hf_config tokenizer tokenizer_json checkpoint)

cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_COMPILER=clang++-14 \
    -DUEGR_BUILD_GUI=OFF -DUEGR_BUILD_TESTS=OFF -DUEGR_BUILD_BENCH=OFF -DUEGR_BUILD_FUZZERS=ON >/dev/null || exit 1
cmake --build "$build" -j"${JOBS:-$(nproc)}" --target "${targets[@]/#/fuzz_}" || exit 1

# One target per core at a time (JOBS, default the number of cores): each is single-threaded.
fuzz_one() {
    local target="$1" corpus="$build/corpus/$1" findings="$build/findings/$1"
    mkdir -p "$corpus" "$findings"
    cp -n "$root/tests/fuzz/corpus/$target/"* "$corpus/"
    # LibTorch's own allocations are not leaks of ours; -rss_limit_mb leaves room for its libraries.
    ASAN_OPTIONS=detect_leaks=0 UBSAN_OPTIONS=print_stacktrace=1 OMP_NUM_THREADS=1 \
        "$build/bin/fuzz_$target" -max_total_time="$seconds" -rss_limit_mb=4096 -timeout=10 \
        -artifact_prefix="$findings/" -print_final_stats=1 "$corpus" >"$build/fuzz_$target.log" 2>&1
}

jobs="${JOBS:-$(nproc)}"
declare -A pid_of
for target in "${targets[@]}"; do
    while (($(jobs -rp | wc -l) >= jobs)); do wait -n || true; done
    fuzz_one "$target" &
    pid_of[$target]=$!
done

status=0
for target in "${targets[@]}"; do
    wait "${pid_of[$target]}" || status=1
    summary="$(grep -E '^(stat::number_of_executed_units|#[0-9]+[[:space:]]+DONE)' "$build/fuzz_$target.log" | tail -2 | tr '\n' ' ')"
    echo "$target: ${summary:-see $build/fuzz_$target.log}"
done
exit $status
