#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Installs what is needed, builds, and starts AIMS Workbench on a fresh copy
# of the bundled demo project.
set -euo pipefail
cd "$(dirname "$0")/.."

build-aux/install-deps.sh
[ -f build/build.ninja ] || meson setup build
meson compile -C build

demo_dir="${XDG_STATE_HOME:-$HOME/.local/state}/aims-workbench"
mkdir -p "$demo_dir"
demo="$demo_dir/Demo Insurer.aims"
rm -f "$demo"
build/src/cli/aims demo "$demo"

# Run from the build tree: the schema is compiled there, not installed.
export GSETTINGS_SCHEMA_DIR="$PWD/build/data"
exec build/src/aims-workbench "$demo"
