#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Installs what is needed, builds with warnings as errors, runs every suite
# (core, gui, data, e2e) under Xvfb with a private D-Bus session, then the
# core and gui suites again in an AddressSanitizer + UBSan build.
# The last line printed is "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/.."
root="$PWD"

build-aux/install-deps.sh || { echo "0 passed, 1 failed"; exit 1; }

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
# GTK, Mesa and AT-SPI write caches; keep them out of the person's home.
for d in cache config data state run; do mkdir -p "$tmp/$d"; done
chmod 700 "$tmp/run"
export XDG_CACHE_HOME="$tmp/cache" XDG_CONFIG_HOME="$tmp/config" \
       XDG_DATA_HOME="$tmp/data" XDG_STATE_HOME="$tmp/state" XDG_RUNTIME_DIR="$tmp/run"

logs=()
build_failed=0

run_build () {
  local dir="$1"; shift
  local suites=("$1"); shift
  local multiplier="$1"; shift
  if [ ! -f "$dir/build.ninja" ]; then
    meson setup "$dir" --werror "$@" > "$tmp/setup-$dir.log" 2>&1 || {
      cat "$tmp/setup-$dir.log"; echo "FAILED: meson setup $dir"; build_failed=$((build_failed + 1)); return; }
  fi
  meson compile -C "$dir" > "$tmp/compile-$dir.log" 2>&1 || {
    tail -60 "$tmp/compile-$dir.log"; echo "FAILED: build $dir"; build_failed=$((build_failed + 1)); return; }
  local suite_args=()
  for s in ${suites[@]}; do suite_args+=(--suite "$s"); done
  rm -f "$dir/meson-logs/testlog.json"
  xvfb-run -a -s "-screen 0 1280x800x24" dbus-run-session -- \
    meson test -C "$dir" --no-rebuild --print-errorlogs -t "$multiplier" "${suite_args[@]}" \
    > "$tmp/test-$dir.log" 2> "$tmp/test-$dir.stderr"
  # meson's own report, then whatever the session's daemons printed.
  grep -E '^ *[0-9]+/[0-9]+ ' "$tmp/test-$dir.log" | awk '!seen[$0]++' || true
  grep -vE 'Failed to set fd limit|Activating service|Successfully activated' "$tmp/test-$dir.stderr" || true
  if [ -f "$dir/meson-logs/testlog.json" ]; then
    logs+=("$dir/meson-logs/testlog.json")
  else
    cat "$tmp/test-$dir.log"; echo "FAILED: no test log for $dir"; build_failed=$((build_failed + 1))
  fi
}

echo "== build: all suites"
run_build build "" 1
echo "== build-asan: core and gui suites under ASan + UBSan"
run_build build-asan "core gui" 4 -Db_sanitize=address,undefined -Db_lundef=false

/usr/bin/python3 build-aux/test-summary.py --extra-failures "$build_failed" "${logs[@]}"
