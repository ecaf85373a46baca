#!/usr/bin/env bash
# Runs one real program under Hoist, or measures it without Hoist.
#
#   ./run.sh <program> [--patch File.java]... [hoist-args...]   profile: 12 s warm-up, 20 s of hoist profile
#   ./run.sh <program> --baseline [--runs N] [--patch File.java]...   ops/s without profiling, median of N runs
#
# Programs: pmd jackson compress (tuning set), spotbugs javac guava (held-aside), gson csv commonmark snakeyaml opencsv orgjson freemarker commonstext jsoup jsonsimple (fresh, issue 23): see README.md.
# Outputs go to work/<program>/: report.json, report.txt, recording.jfr, driver.out, driver.err.
# --patch compiles the given source file(s) against the program's jars and puts the classes
# first on its class path (for javac, the JDK's own: --patch-module jdk.compiler).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
hoist="$(cd "$here/../.." && pwd)/hoist"
WARMUP="${WARMUP:-12}"
DURATION="${DURATION:-20}"

usage() { sed -n '2,11p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2; }
[ $# -ge 1 ] || usage
program="$1"; shift
[ -f "$here/$program/Driver.java" ] || { echo "run.sh: unknown program '$program'" >&2; usage; }

baseline=0; runs=3; patches=(); hoist_args=()
while [ $# -gt 0 ]; do
  case "$1" in
    --baseline) baseline=1 ;;
    --runs) runs="$2"; shift ;;
    --patch) patches+=("$(readlink -f "$2")"); shift ;;
    *) hoist_args+=("$1") ;;
  esac
  shift
done

work="$here/work/$program"
lib="$work/lib"
[ -n "$(ls "$lib" 2>/dev/null)" ] && [ -d "$here/work/inputs/commons-lang3-src" ] || "$here/fetch.sh" "$program"

case "$program" in
  pmd|javac) input=("$here/work/inputs/commons-lang3-src") ;;
  spotbugs)  input=("$here/work/inputs/commons-lang3.jar") ;;
  *)         input=() ;;
esac

# The driver, compiled when missing or older than its source.
classes="$work/classes"
if [ ! -f "$classes/Driver.class" ] || [ "$here/$program/Driver.java" -nt "$classes/Driver.class" ]; then
  rm -rf "$classes"; mkdir -p "$classes"
  javac -nowarn -cp "$lib/*" -d "$classes" "$here/$program/Driver.java"
fi

# The patch: compiled fresh on every run, placed before the library's own classes.
jvm_opts=(${DRIVER_JAVA_OPTS-}); cp_front=""
if [ ${#patches[@]} -gt 0 ]; then
  patched="$work/patch-classes"; rm -rf "$patched"; mkdir -p "$patched"
  if [ "$program" = javac ]; then
    # javac is in the JDK's jdk.compiler module: compile and run the patch inside that module.
    src="$work/patch-src"; rm -rf "$src"
    for f in "${patches[@]}"; do
      pkg="$(sed -n 's/^[[:space:]]*package[[:space:]]\+\([a-zA-Z0-9_.]*\)[[:space:]]*;.*/\1/p' "$f" | head -1)"
      mkdir -p "$src/${pkg//.//}"; cp "$f" "$src/${pkg//.//}/"
    done
    javac -nowarn --patch-module jdk.compiler="$src" -d "$patched" $(find "$src" -name '*.java')
    jvm_opts=(--patch-module "jdk.compiler=$patched")
  else
    javac -nowarn -cp "$lib/*" -d "$patched" "${patches[@]}"
    cp_front="$patched:"
  fi
  echo "run.sh: patched classes first: $(cd "$patched" && find . -name '*.class' | sed 's|^\./||' | tr '\n' ' ')" >&2
fi
cp="$cp_front$classes:$lib/*"

pid=""
cleanup() {
  if [ -n "$pid" ]; then kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; fi
}
trap cleanup EXIT INT TERM

# Mean ops/s of the per-second lines after the warm-up.
mean_after_warmup() { awk -v w="$WARMUP" -v d="$DURATION" '/ ops\/s$/ { n++; if (n > w && n <= w + d) { s += $2; k++ } } END { if (k) printf "%.1f\n", s / k; else print "nan" }' "$1"; }
# utime + stime of a process, in clock ticks (empty if it is gone)
cpu_ticks() { awk '{ sub(/^.*\) /, ""); print $12 + $13 }' "/proc/$1/stat" 2>/dev/null || true; }

if [ "$baseline" = 1 ]; then
  results=()
  for i in $(seq 1 "$runs"); do
    java "${jvm_opts[@]}" -cp "$cp" Driver --seconds $((WARMUP + DURATION)) "${input[@]}" >"$work/baseline.out" 2>"$work/baseline.err" &
    pid=$!
    # The JVM's cpu time (all its threads: the program, the JIT, the GC) over the measured seconds,
    # per op: less moved by other work on the machine than ops/s, which counts wall time.
    sleep "$WARMUP"; t0="$(cpu_ticks "$pid")"; sleep $((DURATION - 1)); t1="$(cpu_ticks "$pid")"
    wait "$pid" || true; pid=""
    r="$(mean_after_warmup "$work/baseline.out")"
    c="$(awk -v a="$t0" -v b="$t1" -v r="$r" -v d=$((DURATION - 1)) -v hz="$(getconf CLK_TCK)" \
      'BEGIN { if (a == "" || b == "" || r + 0 <= 0) print "?"; else printf "%.1f", (b - a) * 1000 / hz / (r * d) }')"
    echo "$program: run $i: $r ops/s (mean of seconds $((WARMUP + 1))-$((WARMUP + DURATION))), $c cpu ms/op"
    results+=("$r")
  done
  printf '%s\n' "${results[@]}" | sort -g | awk -v p="$program" '{ a[NR] = $1 } END { m = (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2; printf "%s: median %s ops/s over %d runs\n", p, m, NR }'
  exit 0
fi

# Profile: start the driver plainly (default JVM options), warm it up, attach Hoist.
java "${jvm_opts[@]}" -cp "$cp" Driver "${input[@]}" >"$work/driver.out" 2>"$work/driver.err" &
pid=$!
echo "run.sh: $program started (pid $pid), warming up ${WARMUP}s" >&2
sleep "$WARMUP"
kill -0 "$pid" 2>/dev/null || { echo "run.sh: the driver died; see $work/driver.err" >&2; cat "$work/driver.err" >&2; exit 1; }
status=0
hoist_cp="${cp_front}$(ls -d "$lib"/*.jar | tr '\n' ':')$classes"
"$hoist" profile "$pid" --duration "${DURATION}s" --format json --out "$work/report.json" \
  --recording "$work/recording.jfr" --classpath "$hoist_cp" "${hoist_args[@]}" 2>"$work/hoist.err" || status=$?
echo "$program: $(mean_after_warmup "$work/driver.out") ops/s while profiled (mean of seconds $((WARMUP + 1))-$((WARMUP + DURATION)))"
cleanup; pid=""
# The text report: the options of hoist profile that hoist report also has are passed on.
report_args=(); i=0
while [ $i -lt ${#hoist_args[@]} ]; do
  a="${hoist_args[$i]}"
  case "$a" in
    --all|--no-advice|--verbose|--top=*|--source=*) report_args+=("$a") ;;
    --top|--source) report_args+=("$a" "${hoist_args[$((i + 1))]}"); i=$((i + 1)) ;;
  esac
  i=$((i + 1))
done
# Hoist's own messages (and a stack trace if it fails) are in hoist.err; a recording that was
# written is still reported on even when the profile step failed after sampling.
grep -v '^	at ' "$work/hoist.err" | head -5 >&2 || true
[ -s "$work/recording.jfr" ] || exit 1
"$hoist" report "$work/recording.jfr" --classpath "$hoist_cp" "${report_args[@]}" >"$work/report.txt" \
  2>>"$work/hoist.err" || { status=$?; echo "run.sh: hoist report failed; see $work/hoist.err" >&2; }
echo "run.sh: $work/report.json, $work/report.txt, $work/recording.jfr" >&2
exit "$status"
