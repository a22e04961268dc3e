#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Installs the built project into a temporary folder and checks the desktop
# integration of the installed tree: files in place, valid, and a .aims file
# recognised by the MIME database built from it.
#
#   check-install.sh BUILD_ROOT PREFIX DATADIR BINDIR APP_ID [BASE_APP_ID]
#
# PREFIX, DATADIR and BINDIR are absolute, as configured (e.g. /usr/local,
# /usr/local/share, /usr/local/bin). `meson install --destdir` puts the tree
# under $tmp$PREFIX; meson skips gnome.post_install's scripts when DESTDIR is
# set, so this script runs update-mime-database and friends itself. Run it
# after a complete build (it uses --no-rebuild), and never in parallel with
# other tests. Prints TAP.
#
# MIME detection goes through GIO (`gio info`, and xdg-mime with
# XDG_CURRENT_DESKTOP=GNOME, which calls gio): outside a desktop session plain
# xdg-mime uses libmagic's `file`, which ignores shared-mime-info. See
# check-mime.sh.

set -u

usage="usage: check-install.sh BUILD_ROOT PREFIX DATADIR BINDIR APP_ID [BASE_APP_ID]"
builddir=${1:?$usage}
prefix=${2:?$usage}
datadir=${3:?$usage}
bindir=${4:?$usage}
app_id=${5:?$usage}
base_app_id=${6:-io.github.aimsworkbench.AimsWorkbench}
ours=application/x-aims-project

n=0
failed=0
ok () { n=$((n + 1)); echo "ok $n - $1"; }
not_ok () { n=$((n + 1)); failed=1; echo "not ok $n - $1"; }
skip () { n=$((n + 1)); echo "ok $n - $1 # SKIP $2"; }
check () { # check DESCRIPTION EXPECTED ACTUAL
  if [ "$2" = "$3" ]; then ok "$1"; else not_ok "$1"; echo "# expected '$2', got '$3'"; fi
}
run () { # run DESCRIPTION COMMAND...: ok if it succeeds, its output as diagnostics if not
  desc=$1; shift
  if out=$("$@" 2>&1); then ok "$desc"; else not_ok "$desc"; echo "$out" | sed 's/^/# /'; fi
}
have () { command -v "$1" >/dev/null 2>&1; }

meson=${MESON:-meson}
if ! have "$meson"; then
  echo "1..0 # SKIP meson not found"
  exit 0
fi

tmp=$(mktemp -d "${TMPDIR:-/tmp}/aims-install.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT
dest=$tmp/dest
root=$dest$prefix
share=$dest$datadir
bin=$dest$bindir

echo "1..19"

# 1: the install itself
if out=$("$meson" install -C "$builddir" --no-rebuild --destdir "$dest" 2>&1); then
  ok "meson install --destdir succeeds"
else
  not_ok "meson install --destdir succeeds"
  echo "$out" | tail -n 20 | sed 's/^/# /'
  echo "Bail out! nothing to check without an installed tree (is the build complete?)"
  exit 1
fi

# 2..10: every desktop-integration file is in place
desktop=$share/applications/$app_id.desktop
metainfo=$share/metainfo/$app_id.metainfo.xml
for f in \
  "$desktop" \
  "$metainfo" \
  "$share/glib-2.0/schemas/$base_app_id.gschema.xml" \
  "$share/icons/hicolor/scalable/apps/$app_id.svg" \
  "$share/icons/hicolor/symbolic/apps/$app_id-symbolic.svg" \
  "$share/icons/hicolor/scalable/mimetypes/application-x-aims-project.svg" \
  "$share/mime/packages/$app_id.xml" \
  "$bin/aims-workbench" \
  "$bin/aims"
do
  if [ -f "$f" ]; then ok "installed ${f#"$dest"}"; else not_ok "installed ${f#"$dest"}"; fi
done

# 11: the installed desktop entry is valid
if have desktop-file-validate; then
  run "desktop-file-validate on the installed desktop entry" desktop-file-validate "$desktop"
else
  skip "desktop-file-validate on the installed desktop entry" "desktop-file-validate not found"
fi

# 12: the installed metainfo, checked together with its desktop entry
if have appstreamcli; then
  if [ -f "$metainfo" ]; then
    run "appstreamcli validate-tree on the installed prefix" appstreamcli validate-tree --no-net "$root"
  else
    # validate-tree passes a tree without any metainfo
    not_ok "appstreamcli validate-tree on the installed prefix (no metainfo installed)"
  fi
else
  skip "appstreamcli validate-tree on the installed prefix" "appstreamcli not found"
fi

# 13: the installed schema compiles (in place, as gnome.post_install would)
if have glib-compile-schemas; then
  run "installed schemas compile (--strict)" \
    glib-compile-schemas --strict "$share/glib-2.0/schemas"
else
  skip "installed schemas compile (--strict)" "glib-compile-schemas not found"
fi

# 14: and GSettings finds the schema and its defaults there
if have gsettings && [ -f "$share/glib-2.0/schemas/gschemas.compiled" ]; then
  check "gsettings reads window-width 1180 from the installed schema" "1180" \
    "$(GSETTINGS_SCHEMA_DIR=$share/glib-2.0/schemas GSETTINGS_BACKEND=memory \
       gsettings get "$base_app_id" window-width 2>&1)"
else
  skip "gsettings reads window-width 1180 from the installed schema" "gsettings or compiled schemas missing"
fi

# 15..19: the MIME database built from the installed tree
if ! have update-mime-database || ! have gio; then
  for i in 15 16 17 18 19; do skip "MIME check $i" "update-mime-database or gio not found"; done
  exit $failed
fi
run "update-mime-database on the installed share/mime" update-mime-database "$share/mime"

mkdir -p "$tmp/home" "$tmp/cache" "$tmp/config" "$tmp/files"
XDG_DATA_HOME=$tmp/home
XDG_DATA_DIRS=$share:/usr/local/share:/usr/share
XDG_CACHE_HOME=$tmp/cache
XDG_CONFIG_HOME=$tmp/config
GIO_USE_VFS=local
GIO_USE_VOLUME_MONITOR=unix
PATH=$bin:$PATH
export XDG_DATA_HOME XDG_DATA_DIRS XDG_CACHE_HOME XDG_CONFIG_HOME GIO_USE_VFS GIO_USE_VOLUME_MONITOR PATH
unset XDG_CURRENT_DESKTOP DESKTOP_SESSION GNOME_DESKTOP_SESSION_ID KDE_FULL_SESSION

content_type () {
  gio info -a standard::content-type "$1" 2>/dev/null | sed -n 's/^ *standard::content-type: *//p'
}

# Non-empty on purpose: GIO calls every zero-length file text/plain.
printf 'not a database\n' > "$tmp/files/x.aims"
check "a .aims file is $ours (gio)" "$ours" "$(content_type "$tmp/files/x.aims")"
if have xdg-mime; then
  check "xdg-mime query filetype recognises a .aims file (GNOME)" "$ours" \
    "$(XDG_CURRENT_DESKTOP=GNOME xdg-mime query filetype "$tmp/files/x.aims" 2>/dev/null)"
else
  skip "xdg-mime query filetype recognises a .aims file (GNOME)" "xdg-mime not found"
fi
if have sqlite3; then
  sqlite3 "$tmp/files/project.bin" "PRAGMA application_id=$(printf '%d' 0x41494D53); CREATE TABLE t(x);"
  check "an SQLite file with application_id AIMS is $ours (magic)" "$ours" \
    "$(content_type "$tmp/files/project.bin")"
else
  skip "an SQLite file with application_id AIMS is $ours (magic)" "sqlite3 not found"
fi

# 19: GIO finds the installed application for the type (desktop MimeType=).
# GIO reads the MimeType= associations from mimeinfo.cache, which
# gnome.post_install makes with update-desktop-database: do the same here.
if have update-desktop-database; then
  update-desktop-database "$share/applications" 2>/dev/null
fi
if gio mime "$ours" 2>/dev/null | grep -q "^[[:space:]]*$app_id\.desktop\$"; then
  ok "gio mime $ours lists $app_id.desktop"
else
  not_ok "gio mime $ours lists $app_id.desktop"
  gio mime "$ours" 2>&1 | sed 's/^/# /'
fi

exit $failed
