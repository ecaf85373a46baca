#!/usr/bin/env bash
# Counts the mechanical fix-text defects (issue 17) over every finding of `hoist analyze` on the six
# libraries of the issue, with their real sources (the mode where fixes are written in the user's code).
# usage: docs/analyze-precision/mechanical.sh [workdir]   (needs network once, for Maven Central)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
W=${1:-$root/docs/analyze-precision/work}
mkdir -p "$W/lib" "$W/src" "$W/out"
libs=(com.google.guava:guava:33.3.1-jre com.google.guava:failureaccess:1.0.2
      org.apache.commons:commons-lang3:3.17.0 com.fasterxml.jackson.core:jackson-databind:2.18.2
      com.fasterxml.jackson.core:jackson-core:2.18.2 com.fasterxml.jackson.core:jackson-annotations:2.18.2
      org.apache.commons:commons-compress:1.27.1 commons-io:commons-io:2.16.1 commons-codec:commons-codec:1.17.1
      org.apache.commons:commons-collections4:4.4
      org.apache.commons:commons-text:1.12.0 org.apache.commons:commons-lang3:3.14.0 org.jsoup:jsoup:1.18.1
      org.apache.commons:commons-math3:3.6.1)
for a in "${libs[@]}"; do
    IFS=: read -r g n v <<<"$a"
    [ -f "$W/lib/$n-$v.jar" ] || mvn -B -q dependency:copy -Dartifact="$a" -DoutputDirectory="$W/lib" >/dev/null
    if [ ! -d "$W/src/$n-$v" ]; then
        [ -f "$W/lib/$n-$v-sources.jar" ] || mvn -B -q dependency:copy -Dartifact="$a:jar:sources" -DoutputDirectory="$W/lib" >/dev/null
        mkdir -p "$W/src/$n-$v" && (cd "$W/src/$n-$v" && unzip -q -o "$W/lib/$n-$v-sources.jar")
    fi
done
L=$W/lib; S=$W/src; O=$W/out
# ALL=1 counts over every finding (--all), not only what is shown by default
run() { "$root/hoist" analyze "$L/$1.jar" --source "$S/$1" ${ALL:+--all} --format json --out "$O/$1.json" "${@:2}" 2>/dev/null; }
run guava-33.3.1-jre --classpath "$L/failureaccess-1.0.2.jar"
run commons-lang3-3.17.0
run jackson-databind-2.18.2 --classpath "$L/jackson-core-2.18.2.jar:$L/jackson-annotations-2.18.2.jar"
run jackson-core-2.18.2
run commons-compress-1.27.1 --classpath "$L/commons-io-2.16.1.jar:$L/commons-codec-1.17.1.jar:$L/commons-lang3-3.17.0.jar"
run commons-collections4-4.4
run commons-text-1.12.0 --classpath "$L/commons-lang3-3.14.0.jar"
run jsoup-1.18.1
run commons-math3-3.6.1
python3 "$here/fix_defects.py" "$O"/*.json
