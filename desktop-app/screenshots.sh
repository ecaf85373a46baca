#!/usr/bin/env bash
# Starts the Hoist window with the demo workload under a virtual X display (Xvfb), waits for the
# demo to be sampled, and saves screenshots of the advice, the flame graph and the hot methods.
#   desktop-app/screenshots.sh [out-dir] [seconds-to-sample]
# Needs: xvfb, xdotool, imagemagick (import) and the GTK 3 libraries JavaFX uses:
#   apt-get install -y xvfb xdotool imagemagick libgtk-3-0 libxtst6
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="${1:-$root/docs}"
wait_s="${2:-20}"
mkdir -p "$out"
for tool in Xvfb xdotool import; do
  command -v "$tool" >/dev/null || { echo "screenshots: $tool is missing (see the comment at the top)" >&2; exit 2; }
done
"$root/hoist" --version >/dev/null   # builds the jar when needed

display=":$(( 90 + RANDOM % 9 ))"
Xvfb "$display" -screen 0 1600x1000x24 -nolisten tcp >/dev/null 2>&1 &
xvfb=$!
app=""
cleanup() {
  # Ctrl+Q closes the window the normal way (the sampler stops, the demo workload exits); SIGTERM after
  if [ -n "$app" ] && kill -0 "$app" 2>/dev/null; then
    [ -n "${win:-}" ] && xdotool key --window "$win" ctrl+q 2>/dev/null || true
    for _ in $(seq 20); do kill -0 "$app" 2>/dev/null || break; sleep 0.5; done
    kill "$app" 2>/dev/null && wait "$app" 2>/dev/null || true
  fi
  kill "$xvfb" 2>/dev/null || true
}
trap cleanup EXIT
sleep 1
export DISPLAY="$display"
recordings="$(mktemp -d)"
java -Dhoist.recordings="$recordings" -jar "$root/desktop-app/target/hoist.jar" gui --demo >"$recordings/gui.log" 2>&1 &
app=$!

# the window, once it is mapped
win=""
for _ in $(seq 60); do
  win="$(xdotool search --name '^Hoist' 2>/dev/null | head -1 || true)"
  [ -n "$win" ] && break
  sleep 0.5
done
[ -n "$win" ] || { echo "screenshots: the window did not appear; log:" >&2; cat "$recordings/gui.log" >&2; exit 1; }
xdotool windowmove "$win" 0 0 windowsize "$win" 1600 1000 2>/dev/null || true
sleep "$wait_s"

shot() {
  import -window root "$out/$1"
  echo "screenshots: wrote $out/$1"
}
xdotool windowfocus --sync "$win" 2>/dev/null || true
shot gui-advice.png
xdotool key --window "$win" ctrl+2; sleep 2; shot gui-flame.png
xdotool key --window "$win" ctrl+3; sleep 2; shot gui-methods.png
xdotool key --window "$win" ctrl+1; sleep 1
