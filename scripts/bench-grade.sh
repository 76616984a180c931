#!/usr/bin/env bash
# Benchmark: times `./kvlab grade --reference --seeds K` over every part and reports its wall time and
# peak memory. Usage: scripts/bench-grade.sh [K] (default 1); run it on an otherwise idle machine.
#
# Wall time includes Maven's up-to-date check of the reference build (run it twice to see a warm
# build). Memory comes two ways: GNU time's maximum resident set size is the largest single process
# of the run (the grader, one forked test JVM or Maven), while the whole run's footprint is the sum
# of resident sets over the grader's process tree, sampled every 200 ms.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
seeds="${1:-1}"
[[ "$seeds" =~ ^[1-9][0-9]*$ ]] || { echo "usage: $0 [SEEDS]   (a positive number, default 1)" >&2; exit 2; }
[[ -x /usr/bin/time ]] || { echo "$0: needs GNU time at /usr/bin/time (apt-get install time)" >&2; exit 2; }

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# KiB resident over a process and all its descendants.
tree_rss() {
  local frontier="$1" all="$1" children
  while [[ -n "$frontier" ]]; do
    children="$(ps -o pid= --ppid "$frontier" 2>/dev/null | awk '{printf "%s%s", sep, $1; sep=","}')"
    frontier="$children"
    [[ -n "$children" ]] && all="$all,$children"
  done
  ps -o rss= -p "$all" 2>/dev/null | awk '{s += $1} END {print s + 0}'
}

cd "$root"
./kvlab --help >/dev/null   # build the grader first: its build is not grading
start=$(date +%s.%N)
/usr/bin/time -v -o "$work/time.txt" ./kvlab grade --reference --seeds "$seeds" >"$work/out.txt" 2>"$work/err.txt" &
runner=$!
peak=0
while kill -0 "$runner" 2>/dev/null; do
  rss="$(tree_rss "$runner")"
  (( rss > peak )) && peak=$rss
  sleep 0.2
done
status=0
wait "$runner" || status=$?
end=$(date +%s.%N)

largest="$(awk -F: '/Maximum resident set size/ {gsub(/ /, "", $2); print $2}' "$work/time.txt")"
echo "kvlab grade --reference --seeds $seeds: exit $status"
grep -E '^all +overall' "$work/out.txt" || tail -5 "$work/out.txt"
awk -v s="$start" -v e="$end" 'BEGIN {printf "wall time: %.1f s\n", e - s}'
echo "peak memory, largest single process: $((largest / 1024)) MiB"
echo "peak memory, whole process tree (sampled): $((peak / 1024)) MiB"
echo "cores: $(nproc); load average before the run is not subtracted: $(cut -d' ' -f1-3 /proc/loadavg)"
exit "$status"
