#!/bin/sh
# Writes Hoist's start-up archive (AppCDS) for this installation: hoist.jsa beside hoist.jar,
# built from the class list that the build recorded while running Hoist's commands and window
# (hoist.classlist). The JVM only accepts an archive made for the exact path of hoist.jar, so
# this runs where Hoist is installed: the build runs it in the app-image, the .deb's postinst
# runs it after installing, and you run it after moving or copying an app-image. Without a
# matching archive Hoist works the same, only starts slower.
set -eu
app=$(cd "$(dirname "$0")" && pwd -P)   # the launcher names the jar by its real path, so do we
java="$app/../runtime/bin/java"          # lib/app + lib/runtime in the app-image, app + runtime under /usr/lib/hoist
for f in "$java" "$app/hoist.jar" "$app/hoist.classlist"; do
  [ -e "$f" ] || { echo "hoist-cds: $f is missing; is this script inside a Hoist app-image?" >&2; exit 1; }
done
log=$(mktemp)
rm -f "$app/hoist.jsa"
if "$java" -Xshare:dump -XX:SharedClassListFile="$app/hoist.classlist" \
     -XX:SharedArchiveFile="$app/hoist.jsa" -cp "$app/hoist.jar" >"$log" 2>&1; then
  rm -f "$log"
  echo "hoist-cds: wrote $app/hoist.jsa ($(du -k "$app/hoist.jsa" | cut -f1) KB)"
else
  cat "$log" >&2; rm -f "$log" "$app/hoist.jsa"
  echo "hoist-cds: could not write the start-up archive (output above); Hoist still works, it only starts slower" >&2
  exit 1
fi
