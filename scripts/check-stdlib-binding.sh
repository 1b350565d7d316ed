#!/usr/bin/env bash
# Link guard: fails when a C++ standard-library function used by an executable's process would be
# bound at run time to a copy exported by another shared library instead of libstdc++.so.6.
#
# Why: upstream LibTorch 2.x exports its own copies of some libstdc++ functions
# (std::filesystem::remove_all among them). An executable that lists libtorch.so before
# libstdc++.so.6 binds to those copies, and on the GPU machine such a call jumped to address 0
# (docs/ARCHITECTURE.md, "Linking"). The build therefore puts libstdc++ first; this script checks it.
#
# How: it emulates the dynamic linker's global lookup order (the executable, then the libraries in
# the breadth-first order ldd lists them). Every library loaded before libstdc++.so.6 must define
# none of the symbols that libstdc++.so.6 defines and that the process imports. Because Debian's
# LibTorch exports no such copies, it also requires what the build guarantees: libstdc++.so.6 is
# the first library each executable needs, so a build that lost that link option fails here too.
#
# Usage: check-stdlib-binding.sh FILE|DIR...   (in a DIR, every ELF executable is checked)
# Exit: 0 when every executable is clean, 1 when one is not (each offending symbol is printed).
set -euo pipefail

cache="$(mktemp -d)"
trap 'rm -rf "$cache"' EXIT

# Sorted dynamic symbols of a library, cached by path; $2 is nm's --defined-only or --undefined-only.
symbols() {
    local file="$1" kind="$2" key
    key="$cache/$(printf '%s' "$file$kind" | md5sum | cut -c1-32)"
    if [ ! -f "$key" ]; then
        nm -D "$kind" "$file" 2>/dev/null | awk '{print $NF}' | sed 's/@.*//' | sort -u > "$key"
    fi
    printf '%s\n' "$key"
}

is_executable() {
    [ -f "$1" ] && [ "$(head -c 4 "$1" 2>/dev/null | od -An -c | tr -d ' \n')" = '177ELF' ] &&
        readelf -l "$1" 2>/dev/null | grep -q 'program interpreter'
}

# Libraries in load order, one path a line; fails on a library ldd cannot find.
load_order() {
    local listing
    listing="$(ldd "$1")"
    if grep -q 'not found' <<< "$listing"; then
        echo "$1: $(grep 'not found' <<< "$listing" | head -1 | xargs)" >&2
        return 1
    fi
    awk '$2 == "=>" && $3 ~ /^\// {print $3}' <<< "$listing"
}

# The first DT_NEEDED entry must be libstdc++ (the link option in the top-level CMakeLists.txt).
check_first_needed() {
    local first
    first="$(readelf -d "$1" | awk '/\(NEEDED\)/ {gsub(/[][]/, "", $NF); print $NF; exit}')"
    [[ "$first" == libstdc++.so* ]] && return 0
    echo "$(basename "$1"): needs $first before libstdc++.so.6 (the build's libstdc++-first link option is missing)"
    return 1
}

check_executable() {
    local exe="$1" libraries=() stdcxx="" before=() library
    mapfile -t libraries < <(load_order "$exe")
    for library in "${libraries[@]}"; do
        if [[ "$(basename "$library")" == libstdc++.so* ]]; then
            stdcxx="$library"
            break
        fi
        before+=("$library")
    done
    [ -n "$stdcxx" ] && ((${#before[@]})) || return 0

    local imported="$cache/imported" clashes status=0
    cat "$(symbols "$exe" --undefined-only)" > "$imported.all"
    for library in "${libraries[@]}"; do cat "$(symbols "$library" --undefined-only)" >> "$imported.all"; done
    sort -u "$imported.all" | comm -12 - "$(symbols "$stdcxx" --defined-only)" > "$imported"
    for library in "${before[@]}"; do
        clashes="$(comm -12 "$imported" "$(symbols "$library" --defined-only)")"
        [ -n "$clashes" ] || continue
        status=1
        while read -r symbol; do
            echo "$(basename "$exe"): $(c++filt "$symbol") would bind to $library, not $stdcxx"
        done <<< "$clashes"
    done
    return "$status"
}

files=()
for argument in "$@"; do
    if [ -d "$argument" ]; then
        for file in "$argument"/*; do is_executable "$file" && files+=("$file"); done
    else
        files+=("$argument")
    fi
done
((${#files[@]})) || { echo "check-stdlib-binding: no executable given" >&2; exit 2; }

failed=0
for file in "${files[@]}"; do
    check_first_needed "$file" || failed=1
    check_executable "$file" || failed=1
done
if ((failed)); then
    echo "FAIL: the C++ standard library is not linked first or would bind to another library's copies (see above)"
    exit 1
fi
echo "PASS: ${#files[@]} executables bind the C++ standard library to libstdc++.so.6"
