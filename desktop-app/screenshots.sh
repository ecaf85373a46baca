#!/usr/bin/env bash
# Starts the Hoist window with the demo workload under a virtual X display (Xvfb), waits for the
# demo to be sampled, and saves screenshots of each view at each window size asked for (default: 1600x1000, and
# 1000x700 near the window's minimum of 980x620): the advice, the flame graph, the call tree, the hot methods, the
# allocations, the threads, and the timeline with a range dragged across it (every view then shows that range).
#   desktop-app/screenshots.sh [out-dir] [seconds-to-sample] [sizes, e.g. "1600x1000 1000x700"]
# Shots at 1600x1000 are gui-advice.png, gui-flame.png, gui-calltree.png, gui-methods.png, gui-allocations.png,
# gui-threads.png and gui-range.png; at other sizes the size is in the name (gui-advice-1000x700.png), and the smallest
# size also gets one with the sidebar folded away.
# Needs: xvfb, xdotool, imagemagick (import) and the GTK 3 libraries JavaFX uses:
#   apt-get install -y xvfb xdotool imagemagick libgtk-3-0 libxtst6
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="${1:-$root/docs}"
wait_s="${2:-20}"
sizes="${3:-1600x1000 1000x700}"
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

# shot NAME WxH: the top-left WxH of the screen, where the window is
shot() {
  import -window root -crop "$2+0+0" +repage "$out/$1"
  echo "screenshots: wrote $out/$1"
}
xdotool windowfocus --sync "$win" 2>/dev/null || true
last=""
for size in $sizes; do
  w="${size%x*}"; h="${size#*x}"
  xdotool windowsize "$win" "$w" "$h" 2>/dev/null || true
  sleep 2
  suffix=""; [ "$size" = 1600x1000 ] || suffix="-$size"
  # a tab shown the first time is built then; on a busy machine that takes a few seconds
  xdotool key --window "$win" ctrl+1; sleep 4; shot "gui-advice$suffix.png" "$size"
  xdotool key --window "$win" ctrl+2; sleep 4; shot "gui-flame$suffix.png" "$size"
  xdotool key --window "$win" ctrl+3; sleep 5; shot "gui-calltree$suffix.png" "$size"
  xdotool key --window "$win" ctrl+4; sleep 4; shot "gui-methods$suffix.png" "$size"
  xdotool key --window "$win" ctrl+5; sleep 4; shot "gui-allocations$suffix.png" "$size"
  xdotool key --window "$win" ctrl+6; sleep 4; shot "gui-threads$suffix.png" "$size"
  xdotool key --window "$win" ctrl+1; sleep 1
  last="$size"
done
# a range dragged across the timeline at each size, with the flame graph below it showing only that range;
# the timeline sits under the session's header (HOIST_SHOTS_TIMELINE_Y moves the drag if the header grows)
xdotool key --window "$win" ctrl+2; sleep 1
for size in $sizes; do
  w="${size%x*}"; h="${size#*x}"
  xdotool windowsize "$win" "$w" "$h" 2>/dev/null || true
  sleep 3
  suffix=""; [ "$size" = 1600x1000 ] || suffix="-$size"
  # the sidebar takes 30% of the width (260-340 px); the plots start ~70 px into the session
  side=$(( w * 30 / 100 )); [ "$side" -lt 260 ] && side=260; [ "$side" -gt 340 ] && side=340
  x0=$(( side + 70 + (w - side) * 35 / 100 )); x1=$(( side + 70 + (w - side) * 55 / 100 ))
  # the first plot's middle: the header wraps onto more lines in a narrow window
  y_default=240; [ "$w" -lt 1300 ] && y_default=290
  y="${HOIST_SHOTS_TIMELINE_Y:-$y_default}"
  xdotool mousemove "$x0" "$y" mousedown 1 mousemove $(( x0 + 20 )) "$y" mousemove "$x1" "$y" mouseup 1
  sleep 4; shot "gui-range$suffix.png" "$size"
done
if [ -n "$last" ] && [ "$last" != 1600x1000 ]; then
  # the sidebar folded away (Ctrl+J), at the last (smallest) size
  xdotool key --window "$win" ctrl+j; sleep 2; shot "gui-advice-$last-nosidebar.png" "$last"
  xdotool key --window "$win" ctrl+j; sleep 1
fi
