#!/usr/bin/env bash
# End-to-end check of the HTML report in a real browser. Grades part 2B of a broken variant of the
# reference (KvPeer answers every GET at once from its own store: no ReadIndex, no leadership check), which
# fails linearizability with a counter-example; then renders DIR/report.html in headless Chromium (a page
# tall enough for the score table and the first failure, open) and saves a PNG screenshot. Instructors
# only: it needs solutions-private/.
#
# Usage: scripts/report-screenshot.sh [OUT.png]   (default: report-screenshot.png at the repository root;
#        the report itself is copied beside it as OUT.html). SEED=N picks the seed (default 1).
# Without chromium (or chromium-browser) on the PATH it says so and exits 0, so CI never depends on it.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
png="$(realpath -m "${1:-$root/report-screenshot.png}")"
browser="$(command -v chromium || command -v chromium-browser || true)"
if [[ -z "$browser" ]]; then
  echo "report-screenshot: no chromium on the PATH; skipped" >&2
  exit 0
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# The submission: every reference file of project 2, with the bug patched into KvPeer.handleCommand.
submission="$work/submission"
(cd "$root/solutions-private" && find project2-raft -type f) | while read -r file; do
  mkdir -p "$submission/$(dirname "$file")"
  cp "$root/solutions-private/$file" "$submission/$file"
done
peer="$submission/project2-raft/src/main/java/kvlab/kv/peer/KvPeer.java"
perl -0pi -e 's/(private void handleCommand\(Command c\) \{\n)/$1        if (c.op() == Op.GET) { \/\/ BROKEN ON PURPOSE: a stale local read\n            reply(KvResponse.ok(c, store.get(c.key()).orElse(null)));\n            return;\n        }\n/' "$peer"
grep -q "BROKEN ON PURPOSE" "$peer" || { echo "report-screenshot: could not patch $peer" >&2; exit 1; }

set +e
"$root/kvlab" grade 2b --submission "$submission" --seed "${SEED:-1}" --out "$work/out"
status=$?
set -e
if [[ $status -ne 1 ]]; then
  echo "report-screenshot: grading the broken variant should fail (exit 1), exited $status" >&2
  exit 1
fi
report="$work/out/report.html"
grep -q '"verdictKey":"[^"]' "$report" || { echo "report-screenshot: no counter-example in $report" >&2; exit 1; }

# The page must draw without script errors, and draw only the visible trace rows, not all of them.
browse=("$browser" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking
  --disable-component-update --disable-sync --user-data-dir="$work/profile" --window-size=1400,4200)
"${browse[@]}" --enable-logging=stderr --v=0 --dump-dom "file://$report" >"$work/dom.html" 2>"$work/dom.log"
if grep -q "Uncaught" "$work/dom.log"; then
  grep "Uncaught" "$work/dom.log" >&2
  echo "report-screenshot: the page's script failed" >&2
  exit 1
fi
rows="$(grep -o 'class="row [A-Z_]*' "$work/dom.html" | wc -l)"
if (( rows < 1 || rows > 200 )); then
  echo "report-screenshot: expected a window of trace rows on the page, found $rows" >&2
  exit 1
fi

# The filter box: typing " DROP #" must leave only DROP rows (a copy of the page types it on load).
# (A script after </html> still runs: the parser moves it into the body.)
{ cat "$report"; echo '<script>const box = document.querySelector("input[type=search]"); box.value = " DROP #";'
  echo 'box.dispatchEvent(new Event("input"));</script>'; } >"$work/filtered.html"
"${browse[@]}" --dump-dom "file://$work/filtered.html" >"$work/filtered-dom.html" 2>/dev/null
shown="$(grep -o 'class="row [A-Z_]*' "$work/filtered-dom.html" | sort | uniq -c)"
if [[ "$(wc -l <<<"$shown")" -ne 1 || "$shown" != *'class="row DROP' ]]; then
  echo "report-screenshot: filtering the trace for DROP left: $shown" >&2
  exit 1
fi

mkdir -p "$(dirname "$png")"
cp "$report" "${png%.png}.html"
rm -f "$png"
"${browse[@]}" --screenshot="$png" "file://$report" 2>"$work/browser.log" || { cat "$work/browser.log" >&2; exit 1; }
[[ -s "$png" ]] || { echo "report-screenshot: chromium wrote no screenshot" >&2; cat "$work/browser.log" >&2; exit 1; }
echo "report-screenshot: $png (report: ${png%.png}.html; $rows trace rows drawn)"
