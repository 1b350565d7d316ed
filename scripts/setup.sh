#!/usr/bin/env bash
# One-command set-up for UEGR Studio on Debian 12.
#   scripts/setup.sh studio   install what is missing, build, launch uegr-studio on the demo dataset
#   scripts/setup.sh test     install what is missing, build, fuzz the file readers for 30 s each
#                             (UEGR_FUZZ_SECONDS), run the whole test suite (ctest)
#   scripts/setup.sh build    install what is missing and build only
#   scripts/setup.sh package  install what is missing, build, and write the .deb packages to build/packages
# Idempotent: installed packages are detected with dpkg, and the build is incremental.
set -euo pipefail

mode="${1:-studio}"
case "$mode" in studio | test | build | package) ;; *)
    echo "usage: $0 [studio|test|build|package]" >&2
    exit 2
    ;;
esac

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build_dir="${UEGR_BUILD_DIR:-$root/build}"

packages=(
    cmake g++ ninja-build pkg-config
    libtorch-dev libopenblas0-pthread
    nlohmann-json3-dev libcli11-dev libicu-dev libsentencepiece-dev zlib1g-dev
    qt6-base-dev qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools linguist-qt6 libgl-dev
    libqcustomplot-dev libqt6svg6
    desktop-file-utils appstream dpkg-dev help2man poppler-utils lintian
    clang-14 libclang-rt-14-dev
    wordnet-base
)

missing=()
for package in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if ((${#missing[@]})); then
    echo "Installing: ${missing[*]}"
    sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}"
fi

jobs="$(nproc)"
if [ ! -f "$build_dir/CMakeCache.txt" ]; then
    cmake -S "$root" -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=Release
fi
cmake --build "$build_dir" -j "$jobs"

case "$mode" in
studio)
    exec "$build_dir/bin/uegr-studio" "${@:2}"
    ;;
package)
    cpack --config "$build_dir/CPackConfig.cmake" -B "$build_dir/packages"
    ls "$build_dir"/packages/*.deb
    ;;
test)
    # The readers of untrusted files, fuzzed for a bounded time each (docs/FUZZING.md);
    # UEGR_FUZZ_SECONDS=0 skips them.
    fuzz_seconds="${UEGR_FUZZ_SECONDS:-30}"
    if [ "$fuzz_seconds" -gt 0 ]; then
        "$root/scripts/fuzz.sh" "$fuzz_seconds"
    fi
    export QT_QPA_PLATFORM="${QT_QPA_PLATFORM:-offscreen}"
    ctest --test-dir "$build_dir" --output-on-failure -j "$jobs" --timeout 600
    ;;
esac
