#!/usr/bin/env bash
# `uegr report` as a server user runs it: a run trained with the CLI, its report written as PDF
# and HTML without a display; the PDF's pages and text are checked with poppler's tools.
# Usage: headless_report.sh BUILD_DIR
set -euo pipefail
uegr="$1/bin/uegr"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
cd "$work"
unset DISPLAY WAYLAND_DISPLAY

cat > run.json <<'JSON'
{"model": {"type": "textcnn", "embedding_dim": 8, "num_filters": 4, "kernel_sizes": [2, 3]},
 "training": {"method": "uegr", "epochs": 1, "batch_size": 256, "threads": 1}}
JSON
"$uegr" train --config run.json --out run > train.log 2>&1 || { cat train.log; fail "training"; }

"$uegr" report --run run --out report.pdf || fail "uegr report --out report.pdf exited $?"
pages="$(pdfinfo report.pdf | awk '/^Pages:/ {print $2}')"
[ "${pages:-0}" -ge 2 ] || fail "the PDF has ${pages:-no} pages"
pdftotext report.pdf report.txt
grep -qxE "1 ?/ ?$pages" report.txt && grep -qxE "$pages ?/ ?$pages" report.txt || fail "the pages are not numbered"
for text in "Training data" "Test (best dev model)" "Runtime" "uegr"; do
    grep -qF "$text" report.txt || fail "the PDF does not say \"$text\""
done
"$uegr" report --run run --out report.html || fail "uegr report --out report.html exited $?"
grep -q "<h2>Training data</h2>" report.html || fail "the HTML report lacks its training-data section"

# Every figure's heading is on the page of its figure (pdfimages lists each image's page).
page_text() { # FIRST [LAST]: the text of those pages, the fi and fl ligatures spelled out
    pdftotext -f "$1" -l "${2:-$1}" report.pdf - | sed 's/\xef\xac\x81/fi/g; s/\xef\xac\x82/fl/g'
}
page_of() { # TEXT: the first page with a line that is TEXT; nothing when none is
    for ((p = 1; p <= pages; p++)); do
        page_text "$p" | grep -qxF "$1" && { echo "$p"; return 0; }
    done
    return 0
}
image_pages="$(pdfimages -list report.pdf | awk 'NR > 2 {print $1}' | sort -u)"
figures=0
while IFS= read -r title; do
    page="$(page_of "$title")"
    [ -n "$page" ] || fail "the figure heading \"$title\" is not in the PDF"
    grep -qx "$page" <<< "$image_pages" || fail "the heading \"$title\" is on page $page, without its figure"
    figures=$((figures + 1))
done < <(awk '/^<h3>.*<\/h3>$/ {title = $0; next} title && /^<p><img/ {gsub(/<\/?h3>/, "", title); print title} {title = ""}' report.html)
[ "$figures" -ge 3 ] || fail "only $figures figure headings found"

# The Configuration section lists what differs from the defaults (the model's size, one epoch);
# a key left at its default (uegr.passes) is only in the appendix, which starts a page.
section="$(sed -n '/<h2>Configuration<\/h2>/,/<h2>/p' report.html)"
grep -qF "model.embedding_dim" <<< "$section" || fail "the changed key model.embedding_dim is not listed"
! grep -qF "uegr.passes" <<< "$section" || fail "the default uegr.passes is listed among the changes"
appendix_page="$(page_of "Appendix: the full configuration")"
[ -n "$appendix_page" ] || fail "the PDF has no configuration appendix"
first_line="$(page_text "$appendix_page" | grep -v '^\s*$' | head -n 1)"
[ "$first_line" = "Appendix: the full configuration" ] || fail "the appendix does not start its page: $first_line"
page_text "$appendix_page" "$pages" | grep -qF "uegr.passes" || fail "uegr.passes is not in the appendix"

status=0
"$uegr" report --run "$work/no-such-run" --out x.pdf 2> error.txt || status=$?
[ "$status" -eq 2 ] && [ "$(wc -l < error.txt)" -eq 1 ] && grep -q "no-such-run: not a run folder" error.txt ||
    fail "a missing run folder gave exit $status: $(cat error.txt)"
status=0
"$uegr" report --run run --out report.txt 2> error.txt || status=$?
[ "$status" -eq 2 ] && grep -q "pdf or .html" error.txt || fail "a .txt report gave exit $status"
echo "PASS: uegr report wrote a $pages-page PDF (figures with their headings, changed keys, appendix) and an HTML report; bad input exits 2"
