#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Checks the shared-mime-info package for AIMS Workbench project files.
#
#   check-mime.sh MIME_XML [APP_ID]
#
# MIME_XML is the package (the built data/APP_ID.xml, or the source
# data/io.github.aimsworkbench.AimsWorkbench.mime.xml). It is installed into a
# throw-away data dir and compiled with update-mime-database; then files are
# classified with that database on top of the system one. Prints TAP.
#
# Why gio and not plain `xdg-mime query filetype`: outside a desktop session
# xdg-mime (xdg-utils 1.1.3) falls back to `mimetype` or `file --mime-type`,
# i.e. libmagic, which never reads the shared-mime-info database, so it would
# test nothing of ours. `gio info` asks GIO, which classifies with
# shared-mime-info (the XDG_DATA_DIRS/mime caches: globs, then magic), as
# Nautilus and GTK file choosers do. xdg-mime is also run with
# XDG_CURRENT_DESKTOP=GNOME, where it delegates to `gio info`: that is the
# path a GNOME user's xdg-mime takes.

set -u

mime_xml=${1:?usage: check-mime.sh MIME_XML [APP_ID]}
app_id=${2:-io.github.aimsworkbench.AimsWorkbench}
ours=application/x-aims-project
# "AIMS" as a big-endian 32-bit integer: 0x41494D53 = 1095322963
aims_id=$(printf '%d' 0x41494D53)

n=0
failed=0
ok () { n=$((n + 1)); echo "ok $n - $1"; }
not_ok () { n=$((n + 1)); failed=1; echo "not ok $n - $1"; }
skip () { n=$((n + 1)); echo "ok $n - $1 # SKIP $2"; }
check () { # check DESCRIPTION EXPECTED ACTUAL
  if [ "$2" = "$3" ]; then ok "$1"; else not_ok "$1"; echo "# expected '$2', got '$3'"; fi
}

for tool in update-mime-database gio; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "1..0 # SKIP $tool not found"
    exit 0
  fi
done

tmp=$(mktemp -d "${TMPDIR:-/tmp}/aims-mime.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT

mkdir -p "$tmp/home" "$tmp/share/mime/packages" "$tmp/files" "$tmp/cache" "$tmp/config"
cp "$mime_xml" "$tmp/share/mime/packages/$app_id.xml" || exit 1

# Isolate from the user's own ~/.local/share/mime; keep the system database,
# which defines application/vnd.sqlite3, our parent type.
XDG_DATA_HOME=$tmp/home
XDG_DATA_DIRS=$tmp/share:/usr/local/share:/usr/share
XDG_CACHE_HOME=$tmp/cache
XDG_CONFIG_HOME=$tmp/config
GIO_USE_VFS=local
GIO_USE_VOLUME_MONITOR=unix
export XDG_DATA_HOME XDG_DATA_DIRS XDG_CACHE_HOME XDG_CONFIG_HOME GIO_USE_VFS GIO_USE_VOLUME_MONITOR
unset XDG_CURRENT_DESKTOP DESKTOP_SESSION GNOME_DESKTOP_SESSION_ID KDE_FULL_SESSION

content_type () {
  gio info -a standard::content-type "$1" 2>/dev/null |
    sed -n 's/^ *standard::content-type: *//p'
}
xdg_mime_gnome () {
  XDG_CURRENT_DESKTOP=GNOME xdg-mime query filetype "$1" 2>/dev/null
}

echo "1..10"

# 1: the package compiles without complaints
out=$(update-mime-database "$tmp/share/mime" 2>&1)
rc=$?
if [ $rc -eq 0 ] && [ -z "$out" ]; then
  ok "update-mime-database accepts the package"
else
  not_ok "update-mime-database accepts the package (rc $rc)"
  echo "$out" | sed 's/^/# /'
fi

# 2: the compiled database knows the type and its parent
if grep -qx "$ours application/vnd.sqlite3" "$tmp/share/mime/subclasses" 2>/dev/null; then
  ok "$ours is a subclass of application/vnd.sqlite3"
else
  not_ok "$ours is a subclass of application/vnd.sqlite3"
fi

# 3, 4: a file is recognised by its .aims glob alone, whatever it holds. (Not
# an empty file: GIO reports every zero-length regular file as text/plain
# without looking at globs, so that new files open in a text editor.)
printf 'not a database\n' > "$tmp/files/x.aims"
check "x.aims with no SQLite header is $ours (gio, glob)" "$ours" "$(content_type "$tmp/files/x.aims")"
if command -v xdg-mime >/dev/null 2>&1; then
  check "x.aims is $ours (xdg-mime, GNOME)" "$ours" "$(xdg_mime_gnome "$tmp/files/x.aims")"
else
  skip "x.aims is $ours (xdg-mime, GNOME)" "xdg-mime not found"
fi

# 5..10: recognition by content (magic), without the extension
if command -v sqlite3 >/dev/null 2>&1; then
  sqlite3 "$tmp/files/project.bin" "PRAGMA application_id=$aims_id; CREATE TABLE t(x);"
  sqlite3 "$tmp/files/other.bin" "PRAGMA application_id=1234; CREATE TABLE t(x);"
  sqlite3 "$tmp/files/plain.bin" "CREATE TABLE t(x);"
  cp "$tmp/files/project.bin" "$tmp/files/renamed.aims"
  have_sqlite=1
else
  have_sqlite=0
fi
if [ $have_sqlite -eq 1 ]; then
  header=$(od -An -tx1 -j68 -N4 "$tmp/files/project.bin" | tr -d ' \n')
  check "sqlite3 wrote application_id 41494d53 at offset 68" "41494d53" "$header"
  check "SQLite project.bin with application_id AIMS is $ours (magic)" \
    "$ours" "$(content_type "$tmp/files/project.bin")"
  if command -v xdg-mime >/dev/null 2>&1; then
    check "project.bin is $ours (xdg-mime, GNOME)" "$ours" "$(xdg_mime_gnome "$tmp/files/project.bin")"
  else
    skip "project.bin is $ours (xdg-mime, GNOME)" "xdg-mime not found"
  fi
  check "SQLite other.bin with application_id 1234 is application/vnd.sqlite3" \
    "application/vnd.sqlite3" "$(content_type "$tmp/files/other.bin")"
  check "SQLite plain.bin without application_id is application/vnd.sqlite3" \
    "application/vnd.sqlite3" "$(content_type "$tmp/files/plain.bin")"
  check "a real project named renamed.aims is $ours" \
    "$ours" "$(content_type "$tmp/files/renamed.aims")"
else
  for t in header project.bin xdg-mime other.bin plain.bin renamed.aims; do
    skip "$t" "sqlite3 not found"
  done
fi

exit $failed
