#!/usr/bin/env bash
# Measures a fix against the unchanged program in alternating runs (the fairest order on a shared machine).
#   ./ab.sh <program> <pairs> File.java...   one `run.sh --baseline --runs 1` unchanged (A), then patched (B), <pairs> times
# Prints each run's mean ops/s and the JVM's cpu ms per op; compare the medians of A and B.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
p="$1"; n="$2"; shift 2
pargs=(); for f in "$@"; do pargs+=(--patch "$(readlink -f "$f")"); done
for i in $(seq "$n"); do
  echo "A $(./run.sh "$p" --baseline --runs 1 2>&1 | grep "run 1:" | sed "s/.*run 1: //")"
  echo "B $(./run.sh "$p" --baseline --runs 1 "${pargs[@]}" 2>&1 | grep "run 1:" | sed "s/.*run 1: //")"
done
