#!/usr/bin/env bash
# The AppStream metainfo as software centres read it: valid with the pedantic checks, its newest
# release is the one in debian/changelog, and every screenshot it links is a file in docs/screenshots.
# Usage: desktop_metadata.sh SOURCE_DIR APPSTREAMCLI
set -euo pipefail
source_dir="$1"
appstreamcli="$2"
metainfo="$source_dir/packaging/io.github.uegr.studio.metainfo.xml"
changelog="$source_dir/packaging/debian/changelog"
fail() { echo "FAIL: $*"; exit 1; }

findings="$("$appstreamcli" validate --pedantic --no-net "$metainfo" 2>&1)" || { echo "$findings"; fail "invalid metainfo"; }
unexpected="$(grep -E '^[EWIP]: ' <<< "$findings" || true)"
[ -z "$unexpected" ] || fail "appstreamcli: $unexpected"

# Newest changelog entry: "uegr-studio (VERSION) ..." and its trailer " -- NAME <MAIL>  DATE".
changelog_version="$(sed -n '1s/^[^ ]* (\([^)]*\)).*/\1/p' "$changelog")"
changelog_date="$(date -u -d "$(sed -n '0,/^ -- /s/^ -- .*>  //p' "$changelog")" +%F)"
release="$(grep -m1 -o '<release [^>]*>' "$metainfo")"
grep -qF "version=\"$changelog_version\"" <<< "$release" ||
    fail "metainfo's newest release '$release' is not changelog version $changelog_version"
grep -qF "date=\"$changelog_date\"" <<< "$release" ||
    fail "metainfo's newest release '$release' is not dated $changelog_date as the changelog"

prefix="https://raw.githubusercontent.com/uegr/uegr-studio/main/"
shots="$(grep -o "<image[^>]*>[^<]*</image>" "$metainfo" | sed 's/<[^>]*>//g')"
[ -n "$shots" ] || fail "metainfo has no screenshots"
while read -r url; do
    [[ "$url" == "$prefix"docs/screenshots/* ]] || fail "screenshot $url is not under ${prefix}docs/screenshots"
    test -s "$source_dir/${url#"$prefix"}" || fail "screenshot $url is not a file in the repository"
done <<< "$shots"
echo "PASS: metainfo valid (pedantic), release $changelog_version of $changelog_date, $(wc -l <<< "$shots") screenshots"
