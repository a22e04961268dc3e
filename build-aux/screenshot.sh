#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Takes a screenshot of the real window on a fresh demo project.
# Run under a display, e.g.:
#   xvfb-run -a -s "-screen 0 1280x800x24" dbus-run-session -- \
#     build-aux/screenshot.sh build data/screenshots/window.png [dark] [SECTION] [ASSESSMENT] [SIZE]
# SECTION is the sidebar row to show, counted from 0 (Overview). ASSESSMENT is
# the reference of an impact assessment of the demo to open, such as IA-002
# (the app opens it when AIMS_SHOW_ASSESSMENT names it); SECTION is then
# ignored. SIZE is the window's size as WIDTHxHEIGHT, such as 600x800 for a
# narrow laptop window (default 1180x760, the app's own default); pass '' as
# ASSESSMENT to give a size without one. The screen must be at least as large.
set -euo pipefail
build="${1:-build}"
out="${2:-data/screenshots/window.png}"
style="${3:-default}"
section="${4:-0}"
assessment="${5:-}"
size="${6:-1180x760}"
[[ "$size" =~ ^[0-9]+x[0-9]+$ ]] || { echo "SIZE must be WIDTHxHEIGHT, such as 600x800, not '$size'" >&2; exit 2; }

tmp="$(mktemp -d)"
trap 'kill "$pid" 2> /dev/null || true; rm -rf "$tmp"' EXIT
for d in cache config data state; do mkdir -p "$tmp/$d"; done
mkdir -p "$tmp/config/gtk-4.0"
printf '[Settings]\ngtk-font-name=Cantarell 11\n' > "$tmp/config/gtk-4.0/settings.ini"
export XDG_CACHE_HOME="$tmp/cache" XDG_CONFIG_HOME="$tmp/config" \
       XDG_DATA_HOME="$tmp/data" XDG_STATE_HOME="$tmp/state"
# The window takes its size from its settings: a key file under the
# throw-away XDG_CONFIG_HOME holds the size asked for
mkdir -p "$tmp/config/glib-2.0/settings"
printf '[io/github/aimsworkbench/AimsWorkbench]\nwindow-width=%d\nwindow-height=%d\n' \
  "${size%x*}" "${size#*x}" > "$tmp/config/glib-2.0/settings/keyfile"
export GSETTINGS_SCHEMA_DIR="$build/data" GSETTINGS_BACKEND=keyfile
[ "$style" = dark ] && export ADW_DEBUG_COLOR_SCHEME=prefer-dark
if [ -n "$assessment" ]; then
  export AIMS_SHOW_ASSESSMENT="$assessment"
  section=0
fi

"$build/src/cli/aims" demo "$tmp/Demo Insurer.aims" > /dev/null
"$build/src/aims-workbench" "$tmp/Demo Insurer.aims" > "$tmp/app.log" 2>&1 &
pid=$!

wid=""
for _ in $(seq 1 100); do
  wid="$(xdotool search --onlyvisible --name 'AIMS Workbench|Demo' 2> /dev/null | head -1 || true)"
  [ -n "$wid" ] && break
  sleep 0.1
done
[ -n "$wid" ] || { cat "$tmp/app.log"; echo "the window did not appear" >&2; exit 1; }
sleep "${SCREENSHOT_WAIT:-2}"  # longer on a busy machine
# The sidebar's rows are 38 px apart, the first centred 75 px down (no
# window manager: the window sits at 0,0)
if [ "$section" != 0 ]; then
  xdotool mousemove --window "$wid" 100 $((75 + 38 * section)) click 1
  xdotool mousemove --window "$wid" 5 5
fi
sleep "${SCREENSHOT_WAIT:-1.5}"
# The long form of an assessment builds its rows after its first screen
[ -n "$assessment" ] && sleep 4
import -window "$wid" "$out"
echo "$out"
