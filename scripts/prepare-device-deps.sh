#!/usr/bin/env bash
# Fills .device-deps/ (git-ignored) with what a GPU machine lacks to build core/ and the CLI
# against its PyTorch: the header-only libraries (nlohmann/json, CLI11) and ICU's headers and
# shared libraries from this Debian machine. Carry .device-deps with the device run;
# scripts/gpu-check.sh uses it.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
deps="$root/.device-deps"
mkdir -p "$deps/include" "$deps/icu/include" "$deps/icu/lib"
cp -r /usr/include/nlohmann /usr/include/CLI "$deps/include/"
cp -r /usr/include/unicode "$deps/icu/include/"
for library in libicuuc libicudata; do
    real="$(readlink -f "/usr/lib/x86_64-linux-gnu/$library.so")"
    soname="$(basename "$real" | sed -E 's/(\.so\.[0-9]+).*/\1/')"
    # One plain copy under the soname the loader asks for (the device run carries no links);
    # gpu-check.sh hands these paths to CMake's FindICU directly.
    cp "$real" "$deps/icu/lib/$soname"
done
du -sh "$deps"
