#!/usr/bin/env bash
# Benchmark of the spatial scan against SaTScan 10.3.2 on this project's
# synthetic areas (tests/data/scan/SCAN.md §3.3 and §6): for 5,000 and 33,755
# (England-size) areas, the release binary runs
#   cradle hotspots --areas synthetic_N.csv --replications 999 --max-window 50 \
#     --threads 2 --format json --out FILE
# and the script prints wall time, CPU time (user + sys) and peak memory (max
# RSS) beside SaTScan's figures on the same 2-core machine, the speed-up, and
# the most likely cluster's LLR and number of locations against SaTScan's.
# The JSON goes to a temporary file rather than /dev/null so the cluster can be
# checked; writing it takes milliseconds.
#
# Exits 1 if cradle fails or a most likely cluster's LLR differs from
# SaTScan's by more than 1e-6 (or its locations differ in number); otherwise 0,
# whatever the times. The England-size run takes a minute or more.
#
# Usage: bench/hotspots_bench.sh                 (build/release/src/cli/cradle)
#        CRADLE_BINARY=path/to/cradle HOTSPOTS_BENCH_AREAS=5000 bench/hotspots_bench.sh
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BINARY="${CRADLE_BINARY:-$ROOT/build/release/src/cli/cradle}"
AREAS="${HOTSPOTS_BENCH_AREAS:-5000 33755}"
REPLICATIONS=999
THREADS=2
TOLERANCE=1e-6

[ -x "$BINARY" ] || { echo "no cradle binary at $BINARY: run make release" >&2; exit 1; }

# SaTScan 10.3.2 on this machine (SCAN.md §0 and §6), 999 replications, 2
# threads: wall s, CPU s ("-": not measured), peak RSS in MB, and its most
# likely cluster's LLR and number of locations. The 33,755-area wall time is
# projected from runs of 0 and 99 replications: 207 s of single-threaded
# set-up, then 1.16 s per replication.
satscan() {
  case "$1" in
    5000) echo "23.7 44 39 20.604541 61" ;;
    33755) echo "1366 - 1150 75.839663 264" ;;
    *) echo "no SaTScan figures for $1 areas" >&2; exit 1 ;;
  esac
}

WORK="$(mktemp -d "${TMPDIR:-/tmp}/cradle-hotspots-bench.XXXXXX")"
trap 'rm -rf "$WORK"' EXIT

# GNU time gives the peak RSS; without it bash's `time` gives wall and CPU.
GNU_TIME=""
if [ -x /usr/bin/time ] && /usr/bin/time -f '%e' true >/dev/null 2>&1; then GNU_TIME=/usr/bin/time; fi

# Runs the scan of `areas` areas; sets WALL, CPU, RSS_MB, LLR, LOCATIONS.
measure() {
  local areas="$1"
  local input="$ROOT/tests/data/scan/synthetic/synthetic_$areas.csv"
  local out="$WORK/$areas.json"
  local command=("$BINARY" hotspots --areas "$input" --replications "$REPLICATIONS"
    --max-window 50 --threads "$THREADS" --format json --out "$out")
  if [ -n "$GNU_TIME" ]; then
    if ! "$GNU_TIME" -f '%e %U %S %M' -o "$WORK/time" "${command[@]}" 2>"$WORK/stderr"; then
      cat "$WORK/stderr" >&2
      echo "cradle hotspots failed on $input" >&2
      exit 1
    fi
    read -r WALL user sys rss_kb <"$WORK/time"
    CPU="$(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%.2f", u + s }')"
    RSS_MB="$(awk -v k="$rss_kb" 'BEGIN { printf "%.0f", k / 1024 }')"
  else
    local TIMEFORMAT='%R %U %S' timing
    if ! timing="$({ time "${command[@]}" 2>"$WORK/stderr"; } 2>&1)"; then
      cat "$WORK/stderr" >&2
      echo "cradle hotspots failed on $input" >&2
      exit 1
    fi
    read -r WALL user sys <<<"$timing"
    CPU="$(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%.2f", u + s }')"
    RSS_MB="n/a"
  fi
  # The JSON is nlohmann's indented dump, keys in order: the first "llr" and
  # the first "members" array belong to the most likely cluster.
  LLR="$(awk -F': ' '/^ *"llr": / { sub(/,$/, "", $2); print $2; exit }' "$out")"
  LOCATIONS="$(awk '/^ *"members": \[/ { inside = 1; next }
                    inside && /^ *\]/ { print n + 0; exit }
                    inside { ++n }' "$out")"
  [ -n "$LLR" ] && [ -n "$LOCATIONS" ] || { echo "no cluster in $out" >&2; exit 1; }
}

ALL_MATCH=1
ROWS=()
for areas in $AREAS; do
  read -r s_wall s_cpu s_rss s_llr s_locations <<<"$(satscan "$areas")"
  echo "Scanning $areas areas ($REPLICATIONS replications, $THREADS threads)..." >&2
  measure "$areas"
  diff="$(awk -v a="$LLR" -v b="$s_llr" 'BEGIN { d = a - b; printf "%.2g", d < 0 ? -d : d }')"
  match="$(awk -v a="$LLR" -v b="$s_llr" -v t="$TOLERANCE" \
    'BEGIN { d = a - b; print ((d < 0 ? -d : d) <= t) ? 1 : 0 }')"
  [ "$LOCATIONS" = "$s_locations" ] || match=0
  [ "$match" = 1 ] || ALL_MATCH=0
  wall_up="$(awk -v s="$s_wall" -v c="$WALL" 'BEGIN { printf "%.1fx", s / c }')"
  cpu_up="-"
  [ "$s_cpu" = - ] || cpu_up="$(awk -v s="$s_cpu" -v c="$CPU" 'BEGIN { printf "%.1fx", s / c }')"
  rss_down="-"
  [ "$RSS_MB" = n/a ] || rss_down="$(awk -v s="$s_rss" -v c="$RSS_MB" 'BEGIN { printf "%.1fx", s / c }')"
  label="$(sed ':a;s/\B[0-9]\{3\}\>/,&/;ta' <<<"$areas") areas"
  ROWS+=("$(printf '%-14s %-16s %10s %9s %10s %12s %13s' "$label" "SaTScan 10.3.2" \
    "$s_wall" "$s_cpu" "$s_rss MB" "$s_llr" "$s_locations")")
  ROWS+=("$(printf '%-14s %-16s %10s %9s %10s %12s %13s   %s' "" "cradle" "$WALL" "$CPU" \
    "$([ "$RSS_MB" = n/a ] && echo n/a || echo "$RSS_MB MB")" "$(printf '%.6f' "$LLR")" "$LOCATIONS" \
    "$([ "$match" = 1 ] && echo "same cluster (LLR within $diff)" || echo "DIFFERENT CLUSTER (LLR off by $diff)")")")
  ROWS+=("$(printf '%-14s %-16s %10s %9s %10s' "" "SaTScan/cradle" "$wall_up" "$cpu_up" "$rss_down")")
done

echo
echo "cradle hotspots --areas synthetic_N.csv --replications $REPLICATIONS --max-window 50 --threads $THREADS --format json"
echo "($BINARY; SaTScan 10.3.2 measured on the same 2-core machine, SCAN.md §6;"
echo " its 33,755-area wall time is projected: 207 s set-up + 1.16 s x 999 replications)"
echo
printf '%-14s %-16s %10s %9s %10s %12s %13s\n' "input" "run" "wall s" "CPU s" "peak RSS" \
  "MLC LLR" "MLC locations"
for row in "${ROWS[@]}"; do echo "$row"; done
echo
if [ "$ALL_MATCH" = 1 ]; then
  echo "Most likely clusters match SaTScan's (LLR within $TOLERANCE, same number of locations): PASS"
else
  echo "Most likely clusters match SaTScan's (LLR within $TOLERANCE, same number of locations): FAIL"
  exit 1
fi
