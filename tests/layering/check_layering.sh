#!/usr/bin/env bash
# Layering check (docs/ARCHITECTURE.md, "Layers"): the objects of the studio's widgets (ui/) and of
# the records library must not see LibTorch: neither its include path on their compile command
# nor one of its headers among the headers they were compiled from.
#
# Why two checks: Debian installs ATen/ and c10/ under /usr/include, so a widget could include a
# torch header without any include path; and an include path alone would let a later #include in.
#
# Usage: check_layering.sh BUILD_DIR NINJA OBJECT_REGEX...
#   Every object whose path (relative to BUILD_DIR) matches an OBJECT_REGEX is checked, using
#   BUILD_DIR/compile_commands.json and `NINJA -t deps`. Exit 1 naming each offending object.
set -euo pipefail
build="$1" ninja="$2"
shift 2
objects="$(printf '%s|' "$@")"
objects="(${objects%|})"
torch_path='torch/csrc/api/include'
torch_header='/(torch|ATen|c10)/'

# compile_commands.json as CMake writes it: one "command" line per entry, naming its object after -o
# and its precompiled header, if any, after -include.
commands_report="$(awk -v objects="$objects" -v torch="$torch_path" '
    /"command":/ && match($0, / -o [^ ]+/) {
        output = substr($0, RSTART + 4, RLENGTH - 4)
        if (output !~ objects) next
        if (index($0, torch)) print "path " output
        if (match($0, / -include [^ ]+/)) print "pch " output " " substr($0, RSTART + 10, RLENGTH - 10)
    }
' "$build/compile_commands.json")"
command_hits="$(printf '%s\n' "$commands_report" | sed -n 's/^path //p')"

# `ninja -t deps`: an unindented line names an object, the indented lines under it its headers.
deps_report="$("$ninja" -C "$build" -t deps | awk -v objects="$objects" -v torch="$torch_header" '
    /^[^ \t]/ { object = $0; sub(/: #deps.*/, "", object); wanted = object ~ objects; checked += wanted; next }
    wanted && $1 ~ torch && !seen[object]++ { print "layering: " object " includes " $1 }
    END { print "checked " checked + 0 }
')"
checked="$(printf '%s\n' "$deps_report" | sed -n 's/^checked //p')"
header_hits="$(printf '%s\n' "$deps_report" | grep '^layering:' || true)"
# A precompiled header's own includes are not among the object's recorded headers: read them.
while read -r _ object header; do
    included="$(grep -m1 -oE '<(torch|ATen|c10)/[^>]*>' "$header" || true)"
    [ -n "$included" ] && header_hits+=$'\n'"layering: $object includes $included through $header"
done < <(printf '%s\n' "$commands_report" | grep '^pch ' || true)
header_hits="$(printf '%s\n' "$header_hits" | sed '/^$/d')"

status=0
if [ "$checked" -eq 0 ]; then
    echo "layering: no object of $objects has been built in $build"; exit 1
fi
if [ -n "$command_hits" ]; then
    printf 'layering: compiled with the LibTorch include path: %s\n' $command_hits; status=1
fi
if [ -n "$header_hits" ]; then
    printf '%s\n' "$header_hits"; status=1  # the first torch header of each object names the culprit
fi
[ "$status" -eq 0 ] && echo "layering: $checked objects checked, none sees LibTorch"
exit $status
