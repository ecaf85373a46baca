#!/usr/bin/env bash
# Downloads the real programs' jars (with their dependencies) from Maven Central with Maven
# into work/<program>/lib, and the input commons-lang3 jar and sources into work/inputs.
# Usage: ./fetch.sh [program...]   (default: all sixteen)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
LANG3=3.17.0
programs=("$@"); [ ${#programs[@]} -gt 0 ] || programs=(pmd jackson compress spotbugs javac guava gson csv commonmark snakeyaml opencsv orgjson freemarker commonstext jsoup jsonsimple)
for p in "${programs[@]}"; do
  [ -f "$here/$p/pom.xml" ] || { echo "fetch: no program $p" >&2; exit 2; }
  if [ -n "$(ls "$here/work/$p/lib" 2>/dev/null)" ]; then echo "fetch: $p already there"; continue; fi
  echo "fetch: $p"
  (cd "$here/$p" && mvn -B -q dependency:copy-dependencies -DincludeScope=runtime -DoutputDirectory="$here/work/$p/lib")
done
in="$here/work/inputs"
if [ ! -d "$in/commons-lang3-src" ]; then
  echo "fetch: inputs (commons-lang3 $LANG3 jar and sources)"
  mkdir -p "$in"
  for a in "org.apache.commons:commons-lang3:$LANG3:jar" "org.apache.commons:commons-lang3:$LANG3:jar:sources"; do
    (cd "$here/javac" && mvn -B -q dependency:copy -Dartifact="$a" -DoutputDirectory="$in")
  done
  mkdir -p "$in/commons-lang3-src"
  (cd "$in/commons-lang3-src" && unzip -q -o "$in/commons-lang3-$LANG3-sources.jar" -x 'META-INF/*')
  cp "$in/commons-lang3-$LANG3.jar" "$in/commons-lang3.jar"
fi
echo "fetch: done ($here/work)"
