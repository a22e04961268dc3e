#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""TAP test: po/POTFILES.in lists every source file with translatable strings,
lists nothing that is gone, and po/de.po translates every string of the
template that xgettext extracts from those files right now."""
import os
import re
import subprocess
import sys
import tempfile

root = sys.argv[1]
os.chdir(root)

results = []


def check(ok, name, detail=''):
    results.append((ok, name, detail))


def read_list(path):
    if not os.path.exists(path):
        return []
    with open(path, encoding='utf-8') as f:
        return [l.strip() for l in f if l.strip() and not l.startswith('#')]


listed = read_list('po/POTFILES.in')
skipped = read_list('po/POTFILES.skip')

marker_c = re.compile(r'(?<![A-Za-z0-9_])(?:_|N_|C_|NC_|g_dngettext|ngettext)\s*\(')
marker_ui = re.compile(r'translatable="yes"')
# Comments are not code: a comment that mentions N_() marks nothing, and
# xgettext extracts nothing from it. String and character literals are matched
# first so that "//" or "/*" inside them does not start a comment.
c_token = re.compile(r'"(?:\\.|[^"\\\n])*"|\'(?:\\.|[^\'\\\n])*\'|/\*.*?\*/|//[^\n]*', re.S)


def strip_c_comments(text):
    return c_token.sub(lambda m: ' ' if m.group(0).startswith('/') else m.group(0), text)


candidates = []
for top in ('src', 'ui', 'data'):
    for dirpath, _dirs, files in os.walk(top):
        for name in sorted(files):
            path = os.path.join(dirpath, name)
            if name.endswith(('.c', '.h')):
                text = open(path, encoding='utf-8', errors='replace').read()
                if marker_c.search(strip_c_comments(text)):
                    candidates.append(path)
            elif name.endswith(('.ui', '.xml', '.in')):
                text = open(path, encoding='utf-8', errors='replace').read()
                if marker_ui.search(text) or name.endswith(('.desktop.in.in', '.metainfo.xml.in.in')):
                    candidates.append(path)

missing = [p for p in candidates if p not in listed and p not in skipped]
check(not missing, 'every file with translatable strings is in po/POTFILES.in',
      'missing: ' + ', '.join(missing))

gone = [p for p in listed if not os.path.exists(p)]
check(not gone, 'every file in po/POTFILES.in exists', 'gone: ' + ', '.join(gone))

check(listed == sorted(listed), 'po/POTFILES.in is sorted')

# Extract the template as meson's gettext preset does and check de.po
with tempfile.TemporaryDirectory() as tmp:
    pot = os.path.join(tmp, 'aims-workbench.pot')
    # .in.in files are run through configure_file first; xgettext reads them
    # as desktop/xml via their inner extension.
    # --force-po: write the template even when a file yields no message, or
    # every later `-j` run fails because the template does not exist yet.
    cmd = ['xgettext', '--from-code=UTF-8', '--add-comments', '--force-po', '-o', pot,
           '--keyword=_', '--keyword=N_', '--keyword=C_:1c,2', '--keyword=NC_:1c,2',
           '--keyword=g_dngettext:2,3', '--keyword=g_dpgettext2:2c,3',
           '--flag=g_dngettext:2:pass-c-format', '--flag=g_strdup_printf:1:c-format',
           '--flag=g_string_printf:2:c-format', '--flag=g_set_error:4:c-format',
           '--package-name=aims-workbench', '--msgid-bugs-address=none']
    files = []
    for p in listed:
        if p.endswith('.desktop.in.in'):
            files.append(('Desktop', p))
        elif p.endswith('.metainfo.xml.in.in') or p.endswith('.gschema.xml') or p.endswith('.mime.xml'):
            files.append(('', p))
        elif p.endswith('.ui'):
            files.append(('Glade', p))
        else:
            files.append(('C', p))
    ok = True
    out = ''
    first = True
    for lang, p in files:
        c = cmd + (['-j'] if not first else []) + ([f'--language={lang}'] if lang else []) + [p]
        r = subprocess.run(c, capture_output=True, text=True)
        if r.returncode != 0:
            ok = False
            out += r.stderr
        first = False
    check(ok, 'xgettext extracts the template', out.strip())

    if ok and os.path.exists(pot):
        r = subprocess.run(['msgmerge', '--quiet', '--no-fuzzy-matching', '-o', os.path.join(tmp, 'de.po'),
                            'po/de.po', pot], capture_output=True, text=True)
        check(r.returncode == 0, 'po/de.po merges with the template', r.stderr.strip())
        if r.returncode == 0:
            r = subprocess.run(['msgfmt', '--check', '--statistics', '-o', os.devnull,
                                os.path.join(tmp, 'de.po')], capture_output=True, text=True)
            stats = r.stderr.strip()
            untranslated = re.search(r'(\d+) untranslated', stats)
            fuzzy = re.search(r'(\d+) fuzzy', stats)
            check(r.returncode == 0, 'po/de.po passes msgfmt --check', stats)
            check(not untranslated and not fuzzy,
                  'po/de.po translates every string (no untranslated, no fuzzy)', stats)
    elif ok:
        check(False, 'xgettext produced a template', 'no output')

print(f'1..{len(results)}')
for i, (ok, name, detail) in enumerate(results, 1):
    print(f'{"ok" if ok else "not ok"} {i} - {name}')
    if not ok and detail:
        for line in detail.splitlines():
            print(f'# {line}')
