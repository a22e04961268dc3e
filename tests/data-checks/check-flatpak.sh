#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Checks the Flatpak manifest without building it (that needs the GNOME SDK
# and the network).
#
#   check-flatpak.sh SOURCE_ROOT [APP_ID]
#
# Prints TAP; skips everything when flatpak-builder is not installed.

set -u

srcroot=${1:?usage: check-flatpak.sh SOURCE_ROOT [APP_ID]}
app_id=${2:-io.github.aimsworkbench.AimsWorkbench}
manifest=$srcroot/flatpak/$app_id.json
python=/usr/bin/python3   # not the pyenv python3 that may come first on PATH

if ! command -v flatpak-builder >/dev/null 2>&1; then
  echo "1..0 # SKIP flatpak-builder not found"
  exit 0
fi

n=0
failed=0
ok () { n=$((n + 1)); echo "ok $n - $1"; }
not_ok () { n=$((n + 1)); failed=1; echo "not ok $n - $1"; }
skip () { n=$((n + 1)); echo "ok $n - $1 # SKIP $2"; }

# flatpak-builder leaves a .flatpak-builder folder in the working directory and
# may touch $HOME: keep both in a temporary folder.
tmp=$(mktemp -d "${TMPDIR:-/tmp}/aims-flatpak.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT

echo "1..9"

# 1: strict JSON (flatpak-builder itself tolerates some things JSON does not)
if [ -x "$python" ]; then
  if err=$("$python" -c 'import json, sys; json.load(open(sys.argv[1], encoding="utf-8"))' "$manifest" 2>&1); then
    ok "$app_id.json is valid JSON"
  else
    not_ok "$app_id.json is valid JSON"
    echo "$err" | sed 's/^/# /'
  fi
else
  skip "$app_id.json is valid JSON" "$python not found"
fi

# 2: flatpak-builder parses it
(cd "$tmp" && HOME=$tmp XDG_CACHE_HOME=$tmp/cache XDG_DATA_HOME=$tmp/data \
  flatpak-builder --show-manifest "$manifest" >"$tmp/out.json" 2>"$tmp/err.txt")
rc=$?
if [ $rc -eq 0 ]; then
  ok "flatpak-builder --show-manifest succeeds"
else
  not_ok "flatpak-builder --show-manifest succeeds (rc $rc)"
  sed 's/^/# /' "$tmp/err.txt"
fi

# 3: no warnings, e.g. "Unknown property" for a misspelt key
if [ -s "$tmp/err.txt" ]; then
  not_ok "flatpak-builder prints no warnings"
  sed 's/^/# /' "$tmp/err.txt"
else
  ok "flatpak-builder prints no warnings"
fi

# 4..9: the fields that matter, read back from flatpak-builder's own view
field () { # field EXPR: a Python expression over the manifest object m;
           # os is imported, and here is the manifest's own folder
  "$python" -c 'import json, os, sys
m = json.load(open(sys.argv[1]))
here = os.path.dirname(os.path.abspath(sys.argv[3]))
print(eval(sys.argv[2]))' "$tmp/out.json" "$1" "$manifest" 2>/dev/null
}
check () { # check DESCRIPTION EXPECTED EXPR
  if [ ! -x "$python" ]; then skip "$1" "$python not found"; return; fi
  got=$(field "$3")
  if [ "$got" = "$2" ]; then ok "$1"; else not_ok "$1"; echo "# expected '$2', got '$got'"; fi
}

check "id is $app_id" "$app_id" 'm.get("id") or m.get("app-id")'
check "runtime is org.gnome.Platform 43 with org.gnome.Sdk" "org.gnome.Platform 43 org.gnome.Sdk" \
  'm["runtime"] + " " + m["runtime-version"] + " " + m["sdk"]'
check "command is aims-workbench" "aims-workbench" 'm["command"]'
check "finish-args: ipc, fallback-x11, wayland, dri and no --filesystem" \
  "--device=dri --share=ipc --socket=fallback-x11 --socket=wayland" \
  '" ".join(sorted(m["finish-args"]))'
check "last module builds the app with meson in a builddir" "aims-workbench meson True" \
  'm["modules"][-1]["name"] + " " + m["modules"][-1]["buildsystem"] + " " + str(m["modules"][-1].get("builddir"))'
check "its dir source points at the source root (holds meson.build)" "True" \
  'os.path.isfile(os.path.join(here, m["modules"][-1]["sources"][0]["path"], "meson.build"))'

exit $failed
