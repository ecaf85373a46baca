#!/usr/bin/env bash
# Times a java command line by hand, without Hoist: N runs of the unchanged command interleaved
# with N runs with extra JVM options (put right after the java launcher), to exit; prints every
# time and the medians in ms. What docs/startup.md compares hoist startup's figures with.
# Usage: docs/startup-bench.sh N "<jvm options>" java ...   (output of the program goes to /dev/null)
set -euo pipefail
n="$1"; opts="$2"; shift 2
java="$1"; shift
base=(); var=()
ms() { local t0 t1; t0=$(date +%s%N); "$@" >/dev/null 2>&1 || true; t1=$(date +%s%N); echo $(( (t1 - t0) / 1000000 )); }
for ((i = 1; i <= n; i++)); do
  base+=("$(ms "$java" "$@")")
  # shellcheck disable=SC2086
  var+=("$(ms "$java" $opts "$@")")
done
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }
echo "unchanged: ${base[*]} ms; median $(median "${base[@]}") ms"
echo "with $opts: ${var[*]} ms; median $(median "${var[@]}") ms"
