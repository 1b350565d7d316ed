#!/usr/bin/env bash
# The Debian packages as a user gets them: cpack builds uegr and uegr-studio into a temporary
# folder, dpkg-deb unpacks them into a temporary root, and the unpacked programs run from there:
# `uegr --version`, `uegr train` on the unpacked demo data, the studio offscreen for a second;
# apt-get resolves the packages' dependencies in a dry run, and lintian (if installed) is clean.
# Nothing is written to the source or build tree. Usage: deb_package.sh BUILD_DIR
set -euo pipefail
build="$1"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

cpack --config "$build/CPackConfig.cmake" -B "$work/packages" > "$work/cpack.log" 2>&1 ||
    { cat "$work/cpack.log"; fail "cpack"; }
cli="$(ls "$work"/packages/uegr_*.deb)"
studio="$(ls "$work"/packages/uegr-studio_*.deb)"
depends_cli="$(dpkg-deb -f "$cli" Depends)"
depends_studio="$(dpkg-deb -f "$studio" Depends)"
for needed in wordnet-base libopenblas0-pthread libtorch libicu; do
    grep -q "$needed" <<< "$depends_cli" || fail "uegr does not depend on $needed: $depends_cli"
done
for needed in "uegr (= " libqt6svg6 libqt6widgets6; do
    grep -qF "$needed" <<< "$depends_studio" || fail "uegr-studio does not depend on $needed: $depends_studio"
done
[ "$(dpkg-deb -f "$cli" Section)" = science ] || fail "uegr's section"
# Every dependency is installable from the configured archives (a dry run, also without root).
if compgen -G "/var/lib/apt/lists/*_Packages*" > /dev/null; then
    apt-get install --simulate -q "$cli" "$studio" > "$work/apt.log" 2>&1 ||
        { cat "$work/apt.log"; fail "apt-get cannot install the packages"; }
else
    echo "SKIP: no apt package lists (apt-get update) to resolve the dependencies against"
fi
# lintian finds nothing, info and pedantic tags included, but the overrides that the packages
# carry (packaging/README.md justifies each).
if command -v lintian > /dev/null; then
    lintian --display-info --pedantic --fail-on error,warning,info,pedantic "$cli" "$studio" > "$work/lintian.log" 2>&1 ||
        { cat "$work/lintian.log"; fail "lintian"; }
else
    echo "SKIP: lintian is not installed"
fi
for deb in "$cli" "$studio"; do dpkg-deb -x "$deb" "$work/root"; done
root="$work/root/usr"
for file in share/doc/uegr/copyright share/doc/uegr-studio/copyright share/doc/uegr/changelog.gz \
    share/uegr-studio/demo/train.csv share/applications/io.github.uegr.studio.desktop \
    share/man/man1/uegr.1.gz share/man/man1/uegr-studio.1.gz; do
    test -s "$root/$file" || fail "$file is not in the packages"
done
for size in 16 22 24 32 48 64 128 256; do
    icon="share/icons/hicolor/${size}x${size}/apps/io.github.uegr.studio.png"
    test -s "$root/$icon" || fail "uegr-studio lacks $icon"
done
# The man page documents every sub-command, nested ones included.
for section in '"uegr train"' '"uegr attack"' '"uegr config check"'; do
    zcat "$root/share/man/man1/uegr.1.gz" | grep -qF ".SS $section" || fail "uegr(1) lacks $section"
done
# Bash completion: sub-commands, nested sub-commands and an option's choices.
completes() {  # completes EXPECTED WORD... : completing the last WORD offers EXPECTED
    local expected="$1"
    shift
    bash -c 'source "$1"; shift; COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1)); _uegr; printf "%s\n" "${COMPREPLY[@]}"' \
        _ "$root/share/bash-completion/completions/uegr" "$@" | grep -qx -- "$expected" ||
        fail "completing '$*' does not offer $expected"
}
completes attack uegr att
completes check uegr config ch
completes wordnet uegr attack --attack ""
completes --config uegr train --con

cd "$work"
"$root/bin/uegr" --version > version.txt || fail "uegr --version"
grep -q "^uegr " version.txt || fail "uegr --version printed $(head -1 version.txt)"
cat > run.json <<'JSON'
{"model": {"type": "textcnn", "embedding_dim": 8, "num_filters": 4, "kernel_sizes": [2, 3]},
 "training": {"method": "uegr", "epochs": 1, "batch_size": 256, "threads": 1}}
JSON
env -u UEGR_DEMO_DIR "$root/bin/uegr" train --config run.json --out "$work/run" > train.log 2>&1 ||
    { cat train.log; fail "the unpacked uegr could not train on its demo data"; }
test -s "$work/run/model/config.json" || fail "no model written"
QT_QPA_PLATFORM=offscreen XDG_CONFIG_HOME="$work/config" env -u UEGR_DEMO_DIR \
    "$root/bin/uegr-studio" --quit-after-ms 1000 > studio.log 2>&1 ||
    { cat studio.log; fail "the unpacked studio did not open on its demo data"; }
echo "PASS: $(basename "$cli") and $(basename "$studio") install, train and open the demo data"
