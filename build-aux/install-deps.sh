#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Installs the Debian 12 packages listed in .ci/apt-packages.txt: as root
# directly, otherwise through sudo. Quiet when everything is already there.
set -euo pipefail
cd "$(dirname "$0")/.."

mapfile -t packages < <(grep -v '^\s*#' .ci/apt-packages.txt | grep -v '^\s*$')

# The OSCAL tests run ajv from the npm registry: Debian 12's nodejs and npm
# unless some node with npm is already there.
if ! command -v npm > /dev/null; then
  packages+=(nodejs npm)
fi

install_node_tools () {
  # ajv-cli and ajv-formats, pinned by build-aux/node/package-lock.json.
  if [ ! -x build-aux/node/node_modules/.bin/ajv ] ||
     [ build-aux/node/package-lock.json -nt build-aux/node/node_modules/.package-lock.json ]; then
    npm ci --prefix build-aux/node --no-audit --no-fund --loglevel=error > /dev/null
  fi
}

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$p")
  fi
done
if [ ${#missing[@]} -eq 0 ]; then
  install_node_tools
  exit 0
fi

if [ "$(id -u)" = 0 ]; then
  sudo=()
elif command -v sudo > /dev/null; then
  sudo=(sudo)
else
  echo "These packages are missing and neither root nor sudo is available:" >&2
  printf '  %s\n' "${missing[@]}" >&2
  exit 1
fi

echo "Installing ${#missing[@]} packages: ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update -qq
"${sudo[@]}" apt-get install -y -qq --no-install-recommends "${packages[@]}" > /dev/null
install_node_tools
